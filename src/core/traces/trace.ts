import Decimal from "decimal.js";
import {
  type Cents,
  centsToDecimalString,
  eurosToCents,
  formatEcartFr,
  formatMontantFr,
  formatPourcentFr,
} from "../money";
import { dateEnLettres, decimalFr } from "../util/texte";
import { sourcePrincipale } from "../regles/primaires";
import type { Source, VersionRegle } from "../regles/table";

/**
 * « D'où vient ce chiffre ? » — the trace of a computed figure, as plain data: what it is, its value, how it is
 * computed (the operation and the formula in words), its inputs (each a trace, down to the cells read) and the
 * rule-table version it used. A trace can be re-evaluated from its inputs (`evaluerTrace`): a property test checks
 * that doing so gives the figure, so the tree shown to the user is the computation, not a description of it.
 */
export type UniteTrace = "euros" | "taux" | "minutes" | "nombre";

/**
 * - `valeur`: an input (a cell read, a rule figure, a user option): its value is given, not computed.
 * - `somme`: Σ inputs. `difference`: first input − the others.
 * - `produit`: Π inputs; in euros, rounded half-up to the cent once, at the end (as `multiplyCents`).
 * - `quotient`: first input ÷ second; in euros rounded half-up to the cent, a rate kept exact.
 * - `minimum` / `maximum`: of the inputs.
 * - `nul`: 0 whatever the inputs (a condition not met: the inputs say which).
 */
export type OperationTrace = "valeur" | "somme" | "difference" | "produit" | "quotient" | "minimum" | "maximum" | "nul";

export interface RegleTrace {
  /** Rule-table id (`src/core/regles/data/<id>.json`) or « Paramètres » key. */
  table: string;
  effetDu: string;
  confiance: "H" | "M" | "L";
  /** Key of the figure in the table / the « Paramètres » sheet. */
  cle?: string;
  /**
   * URL of the source the version used is cited by: its most primary one (`sourcePrincipale`: Légifrance, BOFiP, JORF,
   * CNC before other hosts, a mirror or a lead), the one « Règles appliquées » names too. Never another version's.
   */
  source?: string;
  /**
   * Every source URL of the version used, when it lists more than one: `source` first, then the others in the table's
   * order. A figure backed by several texts names them all.
   */
  sources?: string[];
  /**
   * Title of `source` when the figure cites its own page rather than one of the version's sources (an emission factor's
   * pinned page: « Impact CO2 (ADEME…), deplacement.json, élément 43256 : … »), so a reader sees what the link is.
   */
  titre?: string;
  /** Cell of the « Paramètres » sheet when the workbook overrides the table. */
  surcharge?: string;
}

/**
 * The sources of the rule-table version a figure was read in, as a trace cites them: `source`, the version's most
 * primary source (`sourcePrincipale`, as « Règles appliquées » cites the version) and, when the version lists several,
 * `sources` (that one first, then the others in the table's order, duplicates dropped). Always the version's own: two
 * versions of one table may rest on different texts (a rate changed by a later law), and a figure cites the one it was
 * read in. Every version lists at least one source (`validerTable` refuses an empty list).
 */
export function sourcesDeVersion(
  sources: readonly Pick<Source, "url">[],
  confiance: string,
): Pick<RegleTrace, "source" | "sources"> {
  const principale = sourcePrincipale(sources, confiance)?.url;
  const urls = [...new Set([...(principale ? [principale] : []), ...sources.map((s) => s.url)])];
  return { ...(urls[0] ? { source: urls[0] } : {}), ...(urls.length > 1 ? { sources: urls } : {}) };
}

/** The rule-table version a figure was read in, as a trace names it: its dates, confidence and sources. */
export function regleDeVersion(
  table: string,
  v: Pick<VersionRegle<unknown>, "effetDu" | "confiance" | "sources">,
  confiance = v.confiance,
): RegleTrace {
  return { table, effetDu: v.effetDu, confiance, ...sourcesDeVersion(v.sources, v.confiance) };
}

export interface Trace {
  libelle: string;
  /** Decimal string with a dot: euros « 1234.56 », a rate « 0.25 », minutes « 90 ». */
  valeur: string;
  unite: UniteTrace;
  operation: OperationTrace;
  /** The formula in words (« base éligible × taux »), or how an input was obtained. */
  formule?: string;
  /** Where the value was read (« Devis!H12 »). */
  cellule?: string;
  regle?: RegleTrace;
  entrees?: Trace[];
}

/** An amount in cents as a trace value. */
export function euros(c: Cents): string {
  return centsToDecimalString(c);
}

export function feuille(
  libelle: string,
  valeur: string,
  unite: UniteTrace,
  extra: { formule?: string; cellule?: string; regle?: RegleTrace } = {},
): Trace {
  return {
    libelle,
    valeur,
    unite,
    operation: "valeur",
    ...(extra.formule ? { formule: extra.formule } : {}),
    ...(extra.cellule ? { cellule: extra.cellule } : {}),
    ...(extra.regle ? { regle: extra.regle } : {}),
  };
}

export function noeud(
  libelle: string,
  valeur: string,
  unite: UniteTrace,
  operation: Exclude<OperationTrace, "valeur">,
  entrees: Trace[],
  extra: { formule?: string; cellule?: string; regle?: RegleTrace } = {},
): Trace {
  return {
    libelle,
    valeur,
    unite,
    operation,
    ...(extra.formule ? { formule: extra.formule } : {}),
    ...(extra.cellule ? { cellule: extra.cellule } : {}),
    ...(extra.regle ? { regle: extra.regle } : {}),
    entrees,
  };
}

function arrondir(d: Decimal, unite: UniteTrace): Decimal {
  return unite === "euros" ? d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : d;
}

/** The value a trace's operation gives from its inputs' values (inputs as stated, not re-evaluated). */
export function evaluerNoeud(t: Trace): Decimal {
  const v = (t.entrees ?? []).map((e) => new Decimal(e.valeur));
  switch (t.operation) {
    case "valeur":
      return new Decimal(t.valeur);
    case "nul":
      return new Decimal(0);
    case "somme":
      return v.reduce((a, b) => a.plus(b), new Decimal(0));
    case "difference":
      return v.slice(1).reduce((a, b) => a.minus(b), v[0] ?? new Decimal(0));
    case "produit":
      return arrondir(
        v.reduce((a, b) => a.times(b), new Decimal(1)),
        t.unite,
      );
    case "quotient":
      if (v.length !== 2 || v[1].isZero()) throw new RangeError(`Trace « ${t.libelle} » : quotient invalide`);
      return arrondir(v[0].dividedBy(v[1]), t.unite);
    case "minimum":
      return Decimal.min(...v);
    case "maximum":
      return Decimal.max(...v);
  }
}

/**
 * Every node of the tree whose operation, applied to its inputs, does not give its value: empty when the trace is
 * the computation. Each entry names the node by its path of labels.
 */
export function incoherences(t: Trace, chemin: string[] = []): string[] {
  const ici = [...chemin, t.libelle];
  const out: string[] = [];
  if (t.operation !== "valeur" && !evaluerNoeud(t).equals(new Decimal(t.valeur)))
    out.push(`${ici.join(" › ")} : ${t.valeur} ≠ ${evaluerNoeud(t).toString()}`);
  for (const e of t.entrees ?? []) out.push(...incoherences(e, ici));
  return out;
}

/** The first node of the tree (depth first) that `trouve` accepts. */
export function chercherTrace(t: Trace, trouve: (x: Trace) => boolean): Trace | undefined {
  if (trouve(t)) return t;
  for (const e of t.entrees ?? []) {
    const x = chercherTrace(e, trouve);
    if (x) return x;
  }
  return undefined;
}

/** A value in French for the text tree and the pane (« 1 234,56 € », « −300,00 € », « 25,00 % », « 90 min »). */
export function valeurFr(t: Pick<Trace, "valeur" | "unite">): string {
  const d = new Decimal(t.valeur);
  switch (t.unite) {
    case "euros":
      return formatMontantFr(eurosToCents(d));
    case "taux":
      return formatPourcentFr(d);
    case "minutes":
      return `${decimalFr(d.toFixed())}\u00a0min`;
    case "nombre":
      return decimalFr(d.toFixed());
  }
}

/** An écart in euros (« Écart 8 », « Écart estimé total »): écart = réalisé − budget, positive = overspend. */
export function estEcart(t: Pick<Trace, "libelle" | "unite">): boolean {
  return t.unite === "euros" && /^Écart\b/.test(t.libelle);
}

/**
 * A node's value as a reader sees it: an écart signed as every écart is written (« +211 651,90 € », « −900,00 € »,
 * « 0,00 € »), any other value as `valeurFr`. The text tree (CLI `--explique`) and the pane write the same figure.
 */
export function valeurSigneeFr(t: Pick<Trace, "libelle" | "valeur" | "unite">): string {
  return estEcart(t) ? formatEcartFr(eurosToCents(t.valeur)) : valeurFr(t);
}

const SYMBOLE: Partial<Record<OperationTrace, string>> = {
  somme: "Σ",
  difference: "−",
  produit: "×",
  quotient: "÷",
  minimum: "min",
  maximum: "max",
};

/**
 * The trace as an indented text tree (CLI `--explique`): « Crédit d'impôt : 270 000,00 € = min(…) », each input
 * one level deeper with its cell and rule. `maxEntrees` caps the inputs listed per node (the rest are counted);
 * `sources` (the CLI) writes each rule's table id and its version's source URL (« cle (table id), … confiance M, à
 * vérifier — https://… (et 2 autres sources de cette version) »).
 */
export function arbreTexte(t: Trace, maxEntrees = 50, profondeur = 0, sources = false): string[] {
  const pad = "  ".repeat(profondeur);
  const regle = t.regle && (sources ? `${regleFr(t.regle, { table: true })}${sourcesFr(t.regle)}` : regleFr(t.regle));
  const ou = [t.cellule, regle].filter(Boolean).join(" ; ");
  const formule = t.formule ? ` = ${t.formule}` : t.operation !== "valeur" ? ` = ${SYMBOLE[t.operation] ?? ""}` : "";
  const lignes = [
    `${pad}${profondeur ? "← " : ""}${t.libelle} : ${valeurSigneeFr(t)}${formule}${ou ? ` [${ou}]` : ""}`,
  ];
  const entrees = t.entrees ?? [];
  for (const e of entrees.slice(0, maxEntrees)) lignes.push(...arbreTexte(e, maxEntrees, profondeur + 1, sources));
  if (entrees.length > maxEntrees)
    lignes.push(`${"  ".repeat(profondeur + 1)}… et ${entrees.length - maxEntrees} autres (voir --json)`);
  return lignes;
}

/**
 * A rule in French: « cle, en vigueur au 1er janvier 2016, confiance H » (« à vérifier » below H, its override); with
 * `table`, the table id after the key (« cle (table id), … »): the file a reader opens (`src/core/regles/data/<id>.json`,
 * `prodbook regles`), the key being the figure in it and its « Paramètres » name. The CLI's text tree names both; a
 * note, short, the key.
 */
export function regleFr(r: RegleTrace, { table = false } = {}): string {
  const nom = table && r.cle && r.cle !== r.table ? `${r.cle} (table ${r.table})` : (r.cle ?? r.table);
  const base = `${nom}, en vigueur au ${dateEnLettres(r.effetDu)}, confiance ${r.confiance}`;
  const aVerifier = r.confiance === "H" ? "" : ", à vérifier";
  const surcharge = r.surcharge ? `, remplacé par Paramètres ${r.surcharge}` : "";
  return `${base}${aVerifier}${surcharge}`;
}

/** The version's principal source, and how many more it lists (« — https://… (et 5 autres sources de cette version) »). */
export function sourcesFr(r: RegleTrace): string {
  if (!r.source) return "";
  const n = (r.sources?.length ?? 1) - 1;
  return ` — ${r.source}${n > 0 ? ` (et ${n} autre${n > 1 ? "s" : ""} source${n > 1 ? "s" : ""} de cette version)` : ""}`;
}
