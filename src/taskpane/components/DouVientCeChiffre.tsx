import { Button, Caption1, Link, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular, Dismiss16Regular } from "@fluentui/react-icons";
import * as React from "react";
import type { TraceAffichee } from "../../app/traces";
import { dateFr } from "../francais";
import { Infobulle } from "./Infobulle";
import { BadgeAVerifier, LienSource, LiensSources } from "./TextesAppliques";

/** Stable ids for the tests (data-testid). */
export const IDS_TRACE = {
  panneau: "trace-panneau",
  fermer: "trace-fermer",
  noeud: "trace-noeud",
  cellule: "trace-cellule",
  deplier: "trace-deplier",
  regle: "trace-regle",
  /** Each link to a source of the rule's version. */
  source: "trace-source",
} as const;

/** Inputs listed per node; beyond, they are counted (the CLI's --json has them all). */
const ENTREES_MAX = 50;

/** A cell Excel can select (« Devis!H12 », « 'Budget Gardiens'!B43 »), not a place such as « FEC ligne 12 ». */
const CELLULE = /^(?:'(?:[^']|'')+'|[^!'\s][^!]*)!\$?[A-Z]{1,3}\$?\d+$/;

const useStyles = makeStyles({
  chiffre: {
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "inherit",
    cursor: "pointer",
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  ouvert: { color: tokens.colorBrandForeground1 },
  panneau: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  entete: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  titre: { margin: 0, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  liste: {
    listStyleType: "none",
    margin: 0,
    paddingLeft: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  sousListe: {
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    marginLeft: "7px",
  },
  noeud: { display: "flex", flexDirection: "column", minWidth: 0 },
  ligne: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "space-between",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "baseline",
    minWidth: 0,
  },
  libelle: { minWidth: 0, flexGrow: 1, flexBasis: "8em" },
  valeur: { whiteSpace: "nowrap", marginLeft: "auto", fontVariantNumeric: "tabular-nums" },
  deplier: {
    display: "inline-flex",
    alignItems: "flex-start",
    gap: "2px",
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    minWidth: 0,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  chevron: { flexShrink: 0, paddingTop: "2px" },
  detail: { color: tokens.colorNeutralForeground2 },
  cellule: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", textAlign: "left" },
  // A version's several sources: a line of their own under the rule, wrapping between and inside the links.
  sources: { display: "block", overflowWrap: "anywhere" },
});

/**
 * Which figure's tree is open on a page (one at a time): its key and its trace. The tree closes when `figures` (the
 * page's result) changes: a tree left open would be the previous result's.
 */
export function useExplication(figures?: unknown) {
  const [ouverte, setOuverte] = React.useState<{ cle: string; trace: TraceAffichee }>();
  /** The figure that opened the tree: closing the tree from inside it gives the focus back there. */
  const declencheur = React.useRef<HTMLElement | null>(null);
  const basculer = React.useCallback((cle: string, trace: TraceAffichee, bouton?: HTMLElement) => {
    declencheur.current = bouton ?? null;
    setOuverte((o) => (o?.cle === cle ? undefined : { cle, trace }));
  }, []);
  /** Closed because the page's figures changed: the focus stays where it is. */
  const fermer = React.useCallback(() => setOuverte(undefined), []);
  React.useEffect(() => fermer(), [figures, fermer]);
  /** Closed by the user (its button, Escape): the focus goes back to the figure, not lost on the page. */
  const refermer = React.useCallback(() => {
    setOuverte(undefined);
    declencheur.current?.focus();
  }, []);
  return { ouverte, basculer, fermer, refermer };
}

export type Explication = ReturnType<typeof useExplication>;

/**
 * A headline figure that opens « D'où vient ce chiffre ? » when clicked (or Enter / Space): a real button, dotted
 * underline, `aria-expanded`. Without a trace, the figure alone.
 */
export function ChiffreExplicable({
  cle,
  trace,
  explication,
  testId,
  children,
}: {
  cle: string;
  trace: TraceAffichee | undefined;
  explication: Explication;
  testId?: string;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  if (!trace) return <span data-testid={testId}>{children}</span>;
  const ouvert = explication.ouverte?.cle === cle;
  return (
    <Infobulle relation="description" texte={`D'où vient ce chiffre\u202f? (${trace.libelle})`}>
      <button
        type="button"
        className={mergeClasses(styles.chiffre, ouvert && styles.ouvert)}
        data-testid={testId}
        aria-expanded={ouvert}
        aria-controls={ouvert ? IDS_TRACE.panneau : undefined}
        onClick={(e) => explication.basculer(cle, trace, e.currentTarget)}
      >
        {children}
      </button>
    </Infobulle>
  );
}

/**
 * The open figure's tree: the formula in words, each input with its label, value and cell (a link that selects
 * the cell in Excel through `onAller`), and the rule table (French name, version, sources). Nodes beyond the first
 * level open on demand, so a devis of thousands of lines is not drawn at once.
 */
export function PanneauTrace({
  explication,
  onAller,
}: {
  explication: Explication;
  onAller: (cellule: string) => void;
}) {
  const styles = useStyles();
  const titre = React.useRef<HTMLHeadingElement>(null);
  const ouverte = explication.ouverte;
  React.useEffect(() => {
    if (ouverte) titre.current?.focus();
  }, [ouverte]);
  if (!ouverte) return null;
  return (
    <section
      id={IDS_TRACE.panneau}
      className={styles.panneau}
      data-testid={IDS_TRACE.panneau}
      aria-label="D'où vient ce chiffre ?"
      onKeyDown={(e) => {
        // Escape first hides an infobulle shown in the tree (Fluent's Tooltip marks that press as handled).
        if (e.key !== "Escape" || e.defaultPrevented) return;
        e.stopPropagation();
        explication.refermer();
      }}
    >
      <div className={styles.entete}>
        <h3 className={styles.titre} ref={titre} tabIndex={-1}>
          <Subtitle2>D'où vient ce chiffre{"\u202f"}?</Subtitle2>
        </h3>
        <Infobulle relation="label" texte={"Fermer «\u00a0D'où vient ce chiffre\u202f?\u00a0»"}>
          <Button
            appearance="subtle"
            size="small"
            icon={<Dismiss16Regular />}
            data-testid={IDS_TRACE.fermer}
            onClick={explication.refermer}
          />
        </Infobulle>
      </div>
      <ul className={styles.liste}>
        {/* Keyed by the figure: another figure's tree opens closed, not with the nodes the previous one had opened. */}
        <Noeud key={ouverte.cle} trace={ouverte.trace} profondeur={0} onAller={onAller} />
      </ul>
    </section>
  );
}

function Noeud({
  trace,
  profondeur,
  onAller,
}: {
  trace: TraceAffichee;
  profondeur: number;
  onAller: (cellule: string) => void;
}) {
  const styles = useStyles();
  const entrees = trace.entrees ?? [];
  const [deplie, setDeplie] = React.useState(profondeur === 0);
  const r = trace.regle;
  const idSous = React.useId();
  const tete = (
    <span className={styles.ligne}>
      <span className={styles.libelle}>{trace.libelle}</span>
      <Text weight={profondeur === 0 ? "semibold" : "regular"} className={styles.valeur}>
        {trace.valeur}
      </Text>
    </span>
  );
  return (
    <li className={styles.noeud} data-testid={IDS_TRACE.noeud}>
      {entrees.length > 0 ? (
        <button
          type="button"
          className={styles.deplier}
          aria-expanded={deplie}
          aria-controls={deplie ? idSous : undefined}
          data-testid={IDS_TRACE.deplier}
          onClick={() => setDeplie((d) => !d)}
        >
          <span className={styles.chevron} aria-hidden>
            {deplie ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          </span>
          {tete}
        </button>
      ) : (
        tete
      )}
      {trace.formule && <Caption1 className={styles.detail}>= {trace.formule}</Caption1>}
      {trace.cellule && (
        <Caption1 className={styles.detail}>
          {CELLULE.test(trace.cellule) ? (
            <>
              Cellule{"\u00a0"}
              <Infobulle relation="description" texte={`Sélectionner ${trace.cellule} dans Excel`}>
                <Link
                  as="button"
                  className={styles.cellule}
                  data-testid={IDS_TRACE.cellule}
                  onClick={() => onAller(trace.cellule as string)}
                >
                  {trace.cellule}
                </Link>
              </Infobulle>
            </>
          ) : (
            <span className={styles.cellule}>{trace.cellule}</span>
          )}
        </Caption1>
      )}
      {r && (
        <Caption1 className={styles.detail} data-testid={IDS_TRACE.regle}>
          Règle{"\u00a0"}: {r.nom}, version du {dateFr(r.effetDu)}
          {r.aVerifier && (
            <>
              {" "}
              <BadgeAVerifier />
            </>
          )}
          {r.surcharge ? `, remplacée par le classeur (Paramètres ${r.surcharge})` : ""}
          {r.sources ? (
            // Every text of the version the figure was read in, not only the first.
            <>
              {" "}
              <span className={styles.sources}>
                Sources{"\u00a0"}: <LiensSources sources={r.sources} testId={IDS_TRACE.source} />
              </span>
            </>
          ) : (
            r.source && (
              <>
                {" "}
                —{" "}
                <LienSource
                  url={r.source.url}
                  titre={r.source.titre}
                  libelle={r.source.libelle}
                  testId={IDS_TRACE.source}
                />
              </>
            )
          )}
        </Caption1>
      )}
      {entrees.length > 0 && deplie && (
        <ul id={idSous} className={mergeClasses(styles.liste, styles.sousListe)}>
          {entrees.slice(0, ENTREES_MAX).map((e, i) => (
            <Noeud key={i} trace={e} profondeur={profondeur + 1} onAller={onAller} />
          ))}
          {entrees.length > ENTREES_MAX && (
            <li>
              <Caption1 className={styles.detail}>… et {entrees.length - ENTREES_MAX} autres</Caption1>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
