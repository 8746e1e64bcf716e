import {
  fieldClassNames,
  inputClassNames,
  makeStaticStyles,
  selectClassNames,
  tableCellClassNames,
  tableClassNames,
  tableHeaderCellClassNames,
} from "@fluentui/react-components";

/**
 * Rules that let every page fit Excel's narrowest pane (320 px) without sideways scrolling, through Fluent's
 * public class names: fields and selects may shrink below their longest option, tables size their columns on
 * their content (amounts keep one line, labels wrap), and long words (cell references, URLs) break.
 */
export const useStylesGlobaux = makeStaticStyles({
  body: { overflowWrap: "anywhere" },
  [`.${fieldClassNames.root}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${selectClassNames.root}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${selectClassNames.select}`]: { minWidth: 0, textOverflow: "ellipsis" },
  [`.${inputClassNames.root}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${inputClassNames.input}`]: { minWidth: 0 },
  [`.${tableClassNames.root}`]: { tableLayout: "auto" },
  [`.${tableCellClassNames.root}, .${tableHeaderCellClassNames.root}`]: { overflowWrap: "anywhere" },
});

/** Text for screen readers only (announcements, labels): kept in the page, not drawn. */
export const CACHE_VISUELLEMENT = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
} as const;
