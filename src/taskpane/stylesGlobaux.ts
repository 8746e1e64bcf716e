import { makeStaticStyles } from "@fluentui/react-components";

/**
 * Fluent's public class names of the parts these rules reach, written out: importing `selectClassNames` (and the
 * others) from Fluent brings the whole module that defines them, the component's makeStyles included, into the pane's
 * first load even where the component is only used on later pages (about 9 KB gzip for Field, Select, Input and
 * Table; npm run bench). tests/taskpane/stylesGlobaux.test.ts checks that they are still Fluent's.
 */
export const CLASSES_FLUENT = {
  field: "fui-Field",
  select: "fui-Select",
  selectSelect: "fui-Select__select",
  input: "fui-Input",
  inputInput: "fui-Input__input",
  table: "fui-Table",
  tableCell: "fui-TableCell",
  tableHeaderCell: "fui-TableHeaderCell",
} as const;

const C = CLASSES_FLUENT;

/**
 * Rules that let every page fit Excel's narrowest pane (320 px) without sideways scrolling, through Fluent's
 * public class names: fields and selects may shrink below their longest option, tables size their columns on
 * their content (amounts keep one line, labels wrap), and long words (cell references, URLs) break.
 */
export const useStylesGlobaux = makeStaticStyles({
  body: { overflowWrap: "anywhere" },
  [`.${C.field}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${C.select}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${C.selectSelect}`]: { minWidth: 0, textOverflow: "ellipsis" },
  [`.${C.input}`]: { minWidth: 0, maxWidth: "100%" },
  [`.${C.inputInput}`]: { minWidth: 0 },
  [`.${C.table}`]: { tableLayout: "auto" },
  [`.${C.tableCell}, .${C.tableHeaderCell}`]: { overflowWrap: "anywhere" },
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
