import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  AddCircle16Regular,
  Edit16Regular,
  ErrorCircle16Filled,
  Info16Filled,
  SubtractCircle16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import * as React from "react";
import { CACHE_VISUELLEMENT } from "../stylesGlobaux";
import type { Constat, Gravite } from "../../core/controles/constat";
import { GRAVITES, titreConstat } from "../../core/controles/titres";
import { alerteLisible } from "../../app/presentationRegles";
import { nombre, typographie } from "../francais";
import { Infobulle } from "./Infobulle";

/**
 * A group of the list (a severity, a change status…): its heading says what it is in words, with an icon and the
 * count, so nothing is told by colour alone.
 */
export interface GroupeConstats {
  cle: string;
  /** Heading: « Erreurs ». */
  titre: string;
  /** Read before each item by screen readers: « Erreur ». */
  nom: string;
  icone: React.ReactElement;
  couleur: "danger" | "warning" | "informative" | "success" | "important" | "subtle";
}

/** One item: a finding, a line to complete, a changed line. */
export interface ConstatAffiche {
  /** `cle` of its group. */
  groupe: string;
  /** Short French title (« Montant ≠ quantité × taux »), never a rule id. */
  titre?: string;
  /** The sentence saying what and where. */
  message: React.ReactNode;
  /** Extra line under the message (an amount, a delta). */
  detail?: React.ReactNode;
  /** A cell the pane can select (« 'Budget Gardiens'!B43 »): the item is then a button that selects it. */
  cellule?: string;
  /** A place that is not a cell (« PDT (plan de travail) »): shown, not selectable. */
  lieu?: string;
  /**
   * Shown under the item, outside its button (a button cannot hold another): « D'où vient ce chiffre ? » and its tree.
   */
  suite?: React.ReactNode;
}

/** The three severities of the validation engine, in the order the engine sorts them. */
export const GROUPES_GRAVITE: readonly GroupeConstats[] = (["erreur", "alerte", "info"] as Gravite[]).map((g) => ({
  cle: g,
  titre: GRAVITES[g].titre,
  nom: GRAVITES[g].singulier[0].toUpperCase() + GRAVITES[g].singulier.slice(1),
  icone: g === "erreur" ? <ErrorCircle16Filled /> : g === "alerte" ? <Warning16Filled /> : <Info16Filled />,
  couleur: g === "erreur" ? "danger" : g === "alerte" ? "warning" : "informative",
}));

/** Groups of a comparison of versions (changed lines). */
export const GROUPES_CHANGEMENT: readonly GroupeConstats[] = [
  { cle: "modifiee", titre: "Modifiées", nom: "Modifiée", icone: <Edit16Regular />, couleur: "warning" },
  { cle: "ajoutee", titre: "Ajoutées", nom: "Ajoutée", icone: <AddCircle16Regular />, couleur: "success" },
  { cle: "supprimee", titre: "Supprimées", nom: "Supprimée", icone: <SubtractCircle16Regular />, couleur: "danger" },
];

/**
 * Findings of the engine (or their JSON form), as the list shows them: French title, the message as the pane
 * words rules (a table by its French name, never its id, « confiance M » as « à vérifier »; alerteLisible), French
 * typography, plurals and dates in words, the cell.
 */
export function constatsAffiches(
  constats: readonly (Omit<Constat, "gravite"> & { gravite: Gravite | string })[],
): ConstatAffiche[] {
  return constats.map((c) => ({
    groupe: c.gravite,
    titre: titreConstat(c.regle),
    message: typographie(alerteLisible(sansCelluleEnTete(c.message, c.cellule)).texte),
    cellule: c.cellule,
  }));
}

/** « 'Budget Gardiens'!$G$53 » and « Budget Gardiens!G53 » are the same cell. */
const celluleNormale = (s: string) => {
  const [feuille, adresse] = [s.slice(0, s.lastIndexOf("!")), s.slice(s.lastIndexOf("!") + 1)];
  const nom = /^'(.*)'$/.exec(feuille)?.[1]?.replace(/''/g, "'") ?? feuille;
  return `${nom.toLowerCase()}!${adresse.replace(/\$/g, "")}`;
};

/**
 * A finding's message opening with its own cell (« 'Plan fin.'!B2 : le coût indiqué… », « 'Budget Gardiens'!G53
 * « Kit son HF » : … ») → the sentence alone (« Le coût indiqué… », « « Kit son HF » : … »): the item already shows
 * that cell under the message, as the button that selects it, so the reference is not read twice before the figures.
 * Another cell at the start, or a message without its cell, is left as it is.
 */
export function sansCelluleEnTete(message: string, cellule: string | undefined): string {
  if (!cellule) return message;
  const m = /^((?:'(?:[^']|'')+'|[^\s!'«]+)!\$?[A-Z]{1,3}\$?\d+)(?:[\s\u00a0]*:[\s\u00a0]+|[\s\u00a0]+(?=«))/.exec(
    message,
  );
  if (!m || celluleNormale(m[1]) !== celluleNormale(cellule)) return message;
  const reste = message.slice(m[0].length);
  return reste ? reste.charAt(0).toUpperCase() + reste.slice(1) : message;
}

/** The colour of a finding's cell while its button is hovered (a custom property the cell inherits). */
const CELLULE_SURVOL = "--prodbook-cellule-survol";

const useStyles = makeStyles({
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  groupe: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  entete: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, margin: 0 },
  icone: { display: "inline-flex", flexShrink: 0, paddingTop: "2px" },
  danger: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  informative: { color: tokens.colorBrandForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  important: { color: tokens.colorNeutralForeground1 },
  subtle: { color: tokens.colorNeutralForeground3 },
  elements: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  element: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "left",
    width: "100%",
    boxSizing: "border-box",
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    fontSize: "inherit",
  },
  bouton: {
    cursor: "pointer",
    // On the hover background, the cell in the brand's hover shade: its usual one falls under 4.5:1 on it in the dark
    // theme (3.87:1, #479EF5 on #3D3D3D).
    ":hover": {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      [CELLULE_SURVOL]: tokens.colorBrandForeground2Hover,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  corps: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  avecSuite: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  suite: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
  },
  // « 'Budget Gardiens'!B43 » may be wider than the pane: it wraps instead of overflowing.
  cellule: {
    color: `var(${CELLULE_SURVOL}, ${tokens.colorBrandForeground1})`,
    fontFamily: tokens.fontFamilyMonospace,
    overflowWrap: "anywhere",
  },
  cache: CACHE_VISUELLEMENT,
  // « Voir les 12 autres » under a capped group: a real button, aligned with the items, wrapping at 320 px.
  plus: { alignSelf: "flex-start", maxWidth: "100%", whiteSpace: "normal", textAlign: "left" },
});

/**
 * The one list of « constats cliquables » of the pane (Contrôles, Financement, Carbone, Versions): grouped (by
 * severity by default) with a count per group; each item that has a cell is a real button that selects it in
 * Excel through `onAller` (the app layer), reachable with Tab and pressed with Enter or Space.
 */
export function ConstatsCliquables({
  elements,
  groupes = GROUPES_GRAVITE,
  onAller,
  etiquette,
  testId,
  testIdGroupe,
  testIdElement,
  limite,
  testIdPlus,
}: {
  elements: readonly ConstatAffiche[];
  groupes?: readonly GroupeConstats[];
  onAller: (cellule: string) => void;
  /** aria-label of the list: « Constats du devis ». */
  etiquette: string;
  testId?: string;
  testIdGroupe?: (cle: string) => string;
  /** By the item's index in `elements`. */
  testIdElement?: (i: number) => string;
  /**
   * At most this many items per group at first, then a button « Voir les 12 autres » (aria-expanded) that shows the
   * rest and moves the focus to the first item it revealed; the group's count always says the whole. A group of
   * `limite + 1` items is shown whole: a button hiding a single item would be longer than the item.
   */
  limite?: number;
  /** The « Voir les N autres » button of a group, by the group's key. */
  testIdPlus?: (cle: string) => string;
}) {
  const styles = useStyles();
  const indexes = new Map(elements.map((e, i) => [e, i]));
  const [ouverts, setOuverts] = React.useState<ReadonlySet<string>>(new Set());
  // The first item revealed by « Voir les N autres » takes the focus (keyboard users land on what appeared).
  const [aFocaliser, setAFocaliser] = React.useState<string>();
  const premierRevele = React.useRef<HTMLLIElement>(null);
  React.useEffect(() => {
    if (aFocaliser === undefined) return;
    const li = premierRevele.current;
    (li?.querySelector<HTMLElement>("button") ?? li)?.focus();
    setAFocaliser(undefined);
  }, [aFocaliser]);
  const basculer = (cle: string) => {
    const ouvrir = !ouverts.has(cle);
    setOuverts((o) => {
      const n = new Set(o);
      if (ouvrir) n.add(cle);
      else n.delete(cle);
      return n;
    });
    if (ouvrir) setAFocaliser(cle);
  };
  return (
    <section className={styles.liste} aria-label={etiquette} data-testid={testId}>
      {groupes.map((g) => {
        const dugroupe = elements.filter((e) => e.groupe === g.cle);
        if (dugroupe.length === 0) return null;
        const idTitre = `constats-${etiquette.replace(/\W+/g, "-")}-${g.cle}`;
        const idListe = `${idTitre}-liste`;
        const plafonne = limite !== undefined && dugroupe.length > limite + 1;
        const ouvert = ouverts.has(g.cle);
        const montres = plafonne && !ouvert ? dugroupe.slice(0, limite) : dugroupe;
        const icone = (
          <span className={mergeClasses(styles.icone, styles[g.couleur])} aria-hidden>
            {g.icone}
          </span>
        );
        return (
          <div key={g.cle} className={styles.groupe} data-testid={testIdGroupe?.(g.cle)}>
            <Subtitle2 as="h3" className={styles.entete} id={idTitre}>
              {icone}
              {g.titre}
              <Badge color={g.couleur} appearance="tint">
                {dugroupe.length}
              </Badge>
            </Subtitle2>
            <ul className={styles.elements} aria-labelledby={idTitre} id={idListe}>
              {montres.map((e, rang) => {
                const i = indexes.get(e) as number;
                const contenu = (
                  <>
                    {icone}
                    <span className={styles.corps}>
                      <span className={styles.cache}>{`${g.nom}\u00a0: `}</span>
                      {e.titre && (
                        <Text weight="semibold" block>
                          {e.titre}
                        </Text>
                      )}
                      <Text block>{e.message}</Text>
                      {(e.detail || e.cellule || e.lieu) && (
                        <Caption1>
                          {e.detail}
                          {e.detail && (e.cellule || e.lieu) ? " · " : ""}
                          {e.cellule && <span className={styles.cellule}>{e.cellule}</span>}
                          {!e.cellule && e.lieu}
                        </Caption1>
                      )}
                    </span>
                  </>
                );
                return (
                  <li
                    key={i}
                    className={e.suite ? styles.avecSuite : undefined}
                    {...(plafonne && rang === limite
                      ? { ref: aFocaliser === g.cle ? premierRevele : undefined, tabIndex: -1 }
                      : {})}
                  >
                    {e.cellule ? (
                      <Infobulle relation="description" texte={`Aller à ${e.cellule}`}>
                        <button
                          type="button"
                          className={mergeClasses(styles.element, styles.bouton)}
                          data-testid={testIdElement?.(i)}
                          onClick={() => onAller(e.cellule as string)}
                        >
                          {contenu}
                        </button>
                      </Infobulle>
                    ) : (
                      <div className={styles.element} data-testid={testIdElement?.(i)}>
                        {contenu}
                      </div>
                    )}
                    {e.suite && <div className={styles.suite}>{e.suite}</div>}
                  </li>
                );
              })}
            </ul>
            {plafonne && (
              <Button
                appearance="subtle"
                size="small"
                className={styles.plus}
                aria-expanded={ouvert}
                aria-controls={idListe}
                data-testid={testIdPlus?.(g.cle)}
                onClick={() => basculer(g.cle)}
              >
                {ouvert ? "Réduire la liste" : `Voir les ${nombre(dugroupe.length - (limite as number))}\u00a0autres`}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}
