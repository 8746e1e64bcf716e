import type { TooltipProps } from "@fluentui/react-components";
import * as React from "react";

/**
 * The pane's tooltips (« infobulles »), instead of native `title` attributes, which never show on keyboard focus
 * and which screen readers read unreliably: Fluent's Tooltip, shown on hover AND on keyboard focus, hidden by
 * Escape or when the focus leaves.
 *
 * - `relation="label"`: an icon-only button; the text is its accessible name (`aria-label`, set at once).
 * - `relation="description"`: a shortened or terse element (a source by its short name, a figure that opens its
 *   tree, a cell to select); the full text is its accessible description (`aria-describedby`).
 *
 * - `relation="inaccessible"`: a text cut short on screen (a clamped line) whose whole text is already in the page for
 *   screen readers; the infobulle shows it to the mouse, and the keyboard reaches the same text another way (the
 *   production banner's « Modifier »).
 *
 * Otherwise the child must be focusable (a button, a link): a tooltip on something the keyboard cannot reach is for
 * the mouse alone. Fluent's Tooltip and its positioning library (about 14 KB gzip) are fetched once the pane is drawn
 * (App) or when an infobulle first shows, whichever comes first, so that the first load of taskpane.html stays
 * under its budget (npm run bench): until they arrive the child is shown as is, its label set; if it has the focus
 * when they arrive, it gets it back, its infobulle shown.
 */
type Tooltip = React.ComponentType<TooltipProps>;

let tooltip: Tooltip | undefined;
let chargement: Promise<Tooltip | undefined> | undefined;

/** Fetches the Tooltip's chunk (once): called by the pane once drawn (App), so it is there before the first hover. */
export function chargerTooltip(): Promise<Tooltip | undefined> {
  chargement ??= import(/* webpackChunkName: "infobulle" */ "./infobulleFluent").then(
    (m) => (tooltip = m.Tooltip as Tooltip),
    // Chunk not fetched (the pane's files unreachable): the child stays as is, its label still set.
    () => undefined,
  );
  return chargement;
}

export function Infobulle({
  texte,
  relation,
  children,
}: {
  texte: string;
  relation: "label" | "description" | "inaccessible";
  /** One focusable element (button, link) that takes a ref; with « inaccessible », any element that takes one. */
  children: React.ReactElement;
}) {
  const [Composant, setComposant] = React.useState<Tooltip | undefined>(() => tooltip);
  const cible = React.useRef<HTMLElement | null>(null);
  const rendreFocus = React.useRef(false);
  React.useEffect(() => {
    if (Composant) return;
    let actif = true;
    void chargerTooltip().then((t) => {
      if (!actif || !t) return;
      // The child is drawn anew inside the Tooltip: a focused child gets the focus back (and shows its infobulle).
      rendreFocus.current = !!cible.current && cible.current === cible.current.ownerDocument.activeElement;
      setComposant(() => t);
    });
    return () => {
      actif = false;
    };
  }, [Composant]);
  React.useLayoutEffect(() => {
    if (!Composant || !rendreFocus.current) return;
    rendreFocus.current = false;
    cible.current?.focus();
  }, [Composant]);
  const enfant = React.cloneElement(children, {
    ref: cible,
    ...(relation === "label" ? { "aria-label": texte } : {}),
  } as Record<string, unknown>);
  if (!Composant) return enfant;
  return (
    <Composant content={texte} relationship={relation} withArrow>
      {enfant}
    </Composant>
  );
}
