import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { flushSync } from "react-dom";

export interface Colonne<T> {
  id: string;
  titre: string;
  valeur: (ligne: T) => React.ReactNode;
  /** Right-aligned on one line (amounts, percentages). */
  montant?: boolean;
  /** In cards: label and value each on a full-width line, the value wrapping (long labels, a picker). */
  large?: boolean;
}

const useStyles = makeStyles({
  conteneur: { width: "100%", minWidth: 0 },
  montant: { textAlign: "right", whiteSpace: "nowrap" },
  enteteMontant: { justifyContent: "flex-end" },
  cartes: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  carte: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  champs: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
  },
  libelle: { color: tokens.colorNeutralForeground2, margin: 0 },
  valeur: { margin: 0, textAlign: "right", whiteSpace: "nowrap" },
  large: { gridColumn: "1 / -1", textAlign: "left", whiteSpace: "normal", overflowWrap: "anywhere", minWidth: 0 },
  // Compact cards: « libellé valeur » pairs flow side by side and wrap, in the small type size.
  flux: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: 0,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  paire: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  valeurFlux: { margin: 0, whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

/**
 * The width of an element, followed as it changes (0 until measured, and in jsdom). A page kept mounted but hidden
 * (display: none, so that its state survives a tab change) measures 0: the last real width is kept, so the page shown
 * again is laid out for it at once. A change seen by the ResizeObserver is rendered before the next paint (flushSync),
 * never one frame in the old layout (a table 365 px wide in a 320 px pane).
 */
export function useLargeur<E extends HTMLElement>(): [React.RefObject<E>, number] {
  const ref = React.useRef<E>(null);
  const [largeur, setLargeur] = React.useState(0);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.clientWidth > 0) setLargeur(el.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const obs = new ResizeObserver(() => {
      const l = el.clientWidth;
      if (l > 0) flushSync(() => setLargeur(l));
    });
    obs.observe(el);
    return () => obs.disconnect();
  }, []);
  return [ref, largeur];
}

/**
 * A table that becomes stacked cards when the pane is narrower than `seuil` px: each row a card titled by its
 * first column, the other columns as « libellé … valeur » lines. Rows marked by `marque` carry a visible
 * text mark (never colour alone) and the `classeLigne` class. Rows carry `data-ligne` and values
 * `data-colonne="<id>"` in both layouts, so tests read them the same way. `compacte`: in cards, the pairs flow side by
 * side (« Budget 54 110,00 € · Engagé — ») instead of one line each, for tables of many short figures.
 */
export function TableauAdaptatif<T>({
  lignes,
  colonnes,
  cle,
  seuil = 480,
  titre,
  testId,
  ligneTestId,
  classeLigne,
  marque,
  compacte = false,
}: {
  lignes: T[];
  colonnes: Colonne<T>[];
  cle: (ligne: T) => string;
  seuil?: number;
  /** Accessible name of the table / list. */
  titre: string;
  testId?: string;
  ligneTestId?: (ligne: T) => string | undefined;
  classeLigne?: (ligne: T) => string | undefined;
  /** A short text shown on a highlighted row (« dépassement »), read by screen readers too. */
  marque?: (ligne: T) => React.ReactNode;
  compacte?: boolean;
}) {
  const styles = useStyles();
  const [ref, largeur] = useLargeur<HTMLDivElement>();
  const cartes = largeur > 0 && largeur < seuil;
  const [premiere, ...autres] = colonnes;
  return (
    <div ref={ref} className={styles.conteneur} data-testid={testId} data-disposition={cartes ? "cartes" : "table"}>
      {cartes ? (
        <ul className={styles.cartes} aria-label={titre}>
          {lignes.map((l) => (
            <li
              key={cle(l)}
              className={mergeClasses(styles.carte, classeLigne?.(l))}
              data-testid={ligneTestId?.(l)}
              data-ligne=""
            >
              <Text weight="semibold">
                <span data-colonne={premiere.id}>{premiere.valeur(l)}</span> {marque?.(l)}
              </Text>
              {compacte ? (
                <dl className={styles.flux}>
                  {autres.map((c) => (
                    <div key={c.id} className={styles.paire}>
                      <dt className={styles.libelle}>{c.titre}</dt>
                      <dd className={styles.valeurFlux} data-colonne={c.id}>
                        {c.valeur(l)}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <dl className={styles.champs}>
                  {autres.map((c) => (
                    <React.Fragment key={c.id}>
                      <dt className={mergeClasses(styles.libelle, c.large && styles.large)}>{c.titre}</dt>
                      <dd className={mergeClasses(styles.valeur, c.large && styles.large)} data-colonne={c.id}>
                        {c.valeur(l)}
                      </dd>
                    </React.Fragment>
                  ))}
                </dl>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Table size="extra-small" aria-label={titre}>
          <TableHeader>
            <TableRow>
              {colonnes.map((c) => (
                <TableHeaderCell
                  key={c.id}
                  className={c.montant ? styles.montant : undefined}
                  button={c.montant ? { className: styles.enteteMontant } : undefined}
                >
                  {c.titre}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {lignes.map((l) => (
              <TableRow key={cle(l)} className={classeLigne?.(l)} data-testid={ligneTestId?.(l)} data-ligne="">
                {colonnes.map((c, i) => (
                  <TableCell key={c.id} className={c.montant ? styles.montant : undefined}>
                    <span data-colonne={c.id}>{c.valeur(l)}</span>
                    {i === 0 && marque ? <> {marque(l)}</> : null}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
