import Decimal from "decimal.js";
import { distance } from "fastest-levenshtein";
import {
  analyserMontant,
  analyserNombre,
  type AnalyseNombre,
  type Cents,
  centsToDecimal,
  formatMontantFr,
  formatPourcentFr,
  phraseDeviseEcrite,
  signeMoinsFr,
} from "../money";
import type { Saisie } from "../money/saisie";
import type { CellData, CellSpec, SheetData, SheetSpec } from "../port/workbook";
import { celluleRef } from "../util/adresse";
import { normaliser } from "../util/texte";
import type { Surcharges } from "./table";
import { ErreurDonnees } from "../erreurs";

/**
 * The workbook's « Paramètres » sheet: columns « Paramètre » | « Valeur » | optional « Commentaire ».
 * Each filled row overrides one regulatory figure for this workbook (key → raw text + the cell it came from).
 * Values are kept raw here; each domain reads them with surchargeTaux / surchargeMontant / surchargeNombre,
 * which throw ParametreInvalideError naming the cell when the text is not what the key expects.
 */
export const NOM_FEUILLE_PARAMETRES = "Paramètres";

/**
 * Whether a sheet is the « Paramètres » sheet: case, accents and spaces aside (« Parametres », « PARAMÈTRES »,
 * « Paramètres  »), one rule for every calculation and for the audit, so that none reads a sheet the others ignore.
 */
export function estFeuilleParametres(nom: string): boolean {
  return normaliser(nom) === normaliser(NOM_FEUILLE_PARAMETRES);
}

/** The name of the workbook's « Paramètres » sheet among `noms` (see estFeuilleParametres), undefined when none. */
export function nomFeuilleParametres(noms: readonly string[]): string | undefined {
  return noms.find(estFeuilleParametres);
}

export class ParametreInvalideError extends ErreurDonnees {
  constructor(
    public readonly cellule: string,
    message: string,
  ) {
    super(`${cellule} : ${message}`);
  }
}

const EN_TETE_CLE = ["parametre", "parametres", "cle", "parameter", "key"];
const EN_TETE_VALEUR = ["valeur", "value"];

function texteCellule(c: CellData | undefined): string {
  if (!c || c.v === null || c.v === undefined) return "";
  // A percent-formatted cell holds 0.25: String gives "0.25", which parseTaux reads as 25 %.
  return String(c.v).trim();
}

/** The « Paramètre | Valeur » header in the sheet's first 20 rows: its row and columns, undefined when none. */
export function enTeteParametres(sheet: SheetData): { ligne: number; colCle: number; colValeur: number } | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, 20); r++) {
    const row = sheet.rows[r];
    const cle = row.findIndex((c) => EN_TETE_CLE.includes(normaliser(texteCellule(c))));
    const val = row.findIndex((c) => EN_TETE_VALEUR.includes(normaliser(texteCellule(c))));
    if (cle >= 0 && val >= 0) return { ligne: r, colCle: cle, colValeur: val };
  }
  return undefined;
}

/** Reads the overrides; an absent sheet (or one with no header) gives no override. */
export function lireParametres(sheet: SheetData | undefined): Surcharges {
  const out = new Map<string, { valeur: string; cellule: string; nombre?: boolean; pourcent?: boolean }>();
  if (!sheet) return out;
  const entete = enTeteParametres(sheet);
  if (!entete) return out;
  const { ligne: ligneEntete, colCle, colValeur } = entete;
  for (let r = ligneEntete + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const cleBrute = texteCellule(row[colCle]);
    const valeur = texteCellule(row[colValeur]);
    if (!cleBrute || !valeur) continue; // an empty value = keep the figure in force
    if (row[colValeur]?.erreur) {
      throw new ParametreInvalideError(
        celluleRef(sheet.name, r, colValeur),
        `la valeur du paramètre « ${cleBrute} » est une erreur Excel (${valeur}).`,
      );
    }
    const cle = normaliserCle(cleBrute);
    const cellule = celluleRef(sheet.name, r, colValeur);
    const deja = out.get(cle);
    if (deja) {
      throw new ParametreInvalideError(
        cellule,
        `le paramètre « ${cle} » est déjà défini en ${deja.cellule} ; gardez une seule ligne.`,
      );
    }
    const nombre = typeof row[colValeur]?.v === "number";
    // « 0% », « 0.00% » (a « % » outside quotes): Excel shows -0.2 as « -20 % ».
    const pourcent = nombre && /%/.test((row[colValeur]?.fmt ?? "").replace(/"[^"]*"/g, ""));
    out.set(cle, { valeur, cellule, nombre: nombre || undefined, pourcent: pourcent || undefined });
  }
  return out;
}

/** "Crédit-Impôt.Audiovisuel.Taux.Fiction " → "credit-impot.audiovisuel.taux.fiction". */
export function normaliserCle(cle: string): string {
  return normaliser(cle).replace(/\s+/g, "-");
}

/**
 * 12.5 → « 12,5 », 12500 → « 12500 »: a number as the user types it in a cell (what « écrivez … » suggests), so
 * without the digit grouping `decimalFr` adds for reading (a grouped « 12 500 » typed in Excel would be text).
 */
const fr = (d: Decimal) => d.toFixed().replace(".", ",");

/** A plain decimal number written with a point: « -0.2 », « 612.5 ». */
export const DECIMALE_POINT = /^-?\d+\.\d+$/;

/**
 * A decimal string in French, without exponent and without grouping: "-0.2" → « −0,2 » (minus sign U+2212); ungrouped
 * because `surchargeVue` quotes a number cell as Excel shows it in the General format.
 */
export const decimaleFr = (x: Decimal.Value) => signeMoinsFr(new Decimal(x).toFixed().replace(".", ","));

/** A rate in French with as many decimals as it has (at least two, as the tables show theirs): 0.125 → « 12,50 % ». */
export const tauxFr = (x: string) => formatPourcentFr(x, Math.max(2, (x.split(".")[1]?.length ?? 0) - 2));

type EntreeSurcharge = { valeur: string; nombre?: boolean; pourcent?: boolean };

/**
 * An override's value in French, as the tables show theirs (the audit's text output and pane): a number cell
 * « −0,25 », a percent-formatted one « −20,00 % », a text as typed with a « . » decimal made a comma.
 */
export function surchargeLisible(e: EntreeSurcharge): string {
  const nombre = e.nombre === true && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(e.valeur);
  if (nombre && e.pourcent) return tauxFr(new Decimal(e.valeur).toFixed());
  if (nombre || DECIMALE_POINT.test(e.valeur)) return decimaleFr(e.valeur);
  return e.valeur;
}

/**
 * An override's value as the user sees it in Excel, for the messages that quote it: a percent-formatted cell holding
 * 1.5 « 150,00 % », a number cell 12.5 « 12,5 », -0.2 « -0,2 » (Excel shows the hyphen-minus: a quote is what the cell
 * shows, so that it can be found), a text exactly as typed (« 12.500 » stays « 12.500 »).
 */
export function surchargeVue(e: EntreeSurcharge): string {
  return e.nombre ? surchargeLisible(e).replace(/^\u2212/, "-") : e.valeur;
}

/**
 * What a rate says: "25 %", "25%", "0,25", "0.25" (or the number 0.25 of a percent-formatted cell) → 0.25. A bare
 * number above 1 is refused: "25" could mean 25 % or 2 500 %. « 12,500 % » is ambiguous (12,5 % or 12 500 %).
 */
export function analyserTaux(
  texte: string,
): { type: "taux"; valeur: Decimal } | { type: "ambigu"; decimale: Decimal; milliers: Decimal } | { type: "invalide" } {
  const s = texte.trim();
  const pct = /^(.*?)\s*%$/.exec(s);
  const a = analyserNombre(pct ? pct[1] : s);
  if (a.type === "ambigu")
    return pct
      ? { type: "ambigu", decimale: a.decimale.dividedBy(100), milliers: a.milliers.dividedBy(100) }
      : { type: "ambigu", decimale: a.decimale, milliers: a.milliers };
  if (a.type !== "nombre" || a.valeur.isNegative()) return { type: "invalide" };
  if (pct) return { type: "taux", valeur: a.valeur.dividedBy(100) };
  return a.valeur.greaterThan(1) ? { type: "invalide" } : { type: "taux", valeur: a.valeur };
}

/** A rate (see analyserTaux); undefined when it is not one or is ambiguous. */
export function parseTaux(texte: string): Decimal | undefined {
  const a = analyserTaux(texte);
  return a.type === "taux" ? a.valeur : undefined;
}

/**
 * A rate typed in a form field (« 35 % », « 0,35 »): « 12,500 % » is refused naming both readings, anything else
 * that is not a rate in French (see analyserTaux).
 */
export function saisieTaux(texte: string): Saisie<Decimal> {
  const t = texte.trim();
  if (t === "") return { type: "vide" };
  const a = analyserTaux(t);
  const pc = (d: Decimal) => `${fr(d.times(100))} %`;
  if (a.type === "ambigu")
    return {
      type: "refus",
      message: `« ${t} » : ${pc(a.decimale)} ou ${pc(a.milliers)} ? Écrivez « ${pc(a.decimale)} ».`,
    };
  if (a.type === "invalide" || a.valeur.greaterThan(1))
    return { type: "refus", message: `« ${t} » n'est pas une part du coût (« 35 % » ou « 0,35 »).` };
  return { type: "ok", valeur: a.valeur };
}

export interface SurchargeLue<T> {
  valeur: T;
  cle: string;
  cellule: string;
  texte: string;
}

/** « 12.500 » in a Paramètres cell: named with both readings, never guessed (as the devis's montant-ambigu). */
function ambigu(cellule: string, cle: string, texte: string, lectures: [string, string], saisies: [string, string]) {
  return new ParametreInvalideError(
    cellule,
    `« ${texte} » peut se lire ${lectures[0]} ou ${lectures[1]} pour « ${cle} » ; ` +
      `écrivez « ${saisies[0]} » ou « ${saisies[1]} ».`,
  );
}

export function surchargeTaux(s: Surcharges, cle: string): SurchargeLue<Decimal> | undefined {
  const e = s.get(cle);
  if (!e) return undefined;
  const a = analyserTaux(e.valeur);
  if (a.type === "ambigu") {
    const pc = (d: Decimal) => `${fr(d.times(100))} %`;
    throw ambigu(e.cellule, cle, surchargeVue(e), [pc(a.decimale), pc(a.milliers)], [pc(a.decimale), pc(a.milliers)]);
  }
  if (a.type !== "taux") {
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » n'est pas un taux valable pour « ${cle} » (attendu par exemple « 25 % » ou « 0,25 »).`,
    );
  }
  // Every rate the tables read is a share (a credit rate, a ceiling, a part of the budget): « 150 % » is a typo.
  if (a.valeur.greaterThan(1))
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » pour « ${cle} » dépasse 100 % : un taux ou une part va de 0 à 100 % ` +
        `(par exemple « 25 % » ou « 0,25 »).`,
    );
  return { valeur: a.valeur, cle, cellule: e.cellule, texte: surchargeVue(e) };
}

export function surchargeMontant(s: Surcharges, cle: string): SurchargeLue<Cents> | undefined {
  const e = s.get(cle);
  if (!e) return undefined;
  const a = analyserMontant(e.nombre ? Number(e.valeur) : e.valeur);
  if (a.type === "ambigu")
    throw ambigu(
      e.cellule,
      cle,
      surchargeVue(e),
      [formatMontantFr(a.decimale), formatMontantFr(a.milliers)],
      [fr(centsToDecimal(a.decimale)), fr(centsToDecimal(a.milliers))],
    );
  if (a.type === "montant" && a.sousCentime)
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » a plus de deux décimales pour « ${cle} » : un montant s'écrit au centime (« 1 450,50 »).`,
    );
  if (a.type === "invalide" && a.devise)
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » pour « ${cle} » : ${phraseDeviseEcrite(a.devise)}.`,
    );
  if (a.type !== "montant" || a.cents < 0) {
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » n'est pas un montant valable pour « ${cle} » (attendu par exemple « 1 450 € » ou « 1450 »).`,
    );
  }
  return { valeur: a.cents, cle, cellule: e.cellule, texte: surchargeVue(e) };
}

export function surchargeNombre(s: Surcharges, cle: string): SurchargeLue<Decimal> | undefined {
  const e = s.get(cle);
  if (!e) return undefined;
  const a: AnalyseNombre = analyserNombre(
    e.nombre ? Number(e.valeur) : e.valeur.replace(/\s*(min|minutes?|jours?|h|heures?)$/i, ""),
  );
  if (a.type === "ambigu")
    throw ambigu(e.cellule, cle, surchargeVue(e), [fr(a.decimale), fr(a.milliers)], [fr(a.decimale), fr(a.milliers)]);
  if (a.type !== "nombre" || a.valeur.isNegative()) {
    throw new ParametreInvalideError(
      e.cellule,
      `« ${surchargeVue(e)} » n'est pas un nombre valable pour « ${cle} » (attendu par exemple « 24 »).`,
    );
  }
  return { valeur: a.valeur, cle, cellule: e.cellule, texte: surchargeVue(e) };
}

/**
 * An override that no reader takes (« beaucoup », « -0,2 », « 12.500 », a date, VRAI): whichever figure its key
 * replaces, every calculation reading it would refuse it. The audit (`prodbook regles`, the « Sources » page) says so
 * naming the cell instead of listing it as in force; an ambiguous number is named with both readings.
 */
export function verifierSurchargeLisible(s: Surcharges, cle: string): void {
  const e = s.get(cle);
  if (!e) return;
  let ambiguite: unknown;
  for (const lire of [surchargeTaux, surchargeMontant, surchargeNombre]) {
    try {
      lire(s, cle);
      return;
    } catch (err) {
      if (!(err instanceof ParametreInvalideError)) throw err;
      if (/ peut se lire /.test(err.message)) ambiguite = err; // the plain number reader's, last: « 12,5 ou 12500 »
    }
  }
  if (ambiguite) throw ambiguite;
  throw new ParametreInvalideError(
    e.cellule,
    `« ${surchargeVue(e)} » n'est ni un taux (« 25 % »), ni un montant (« 1 450 »), ni un nombre positif (« 24 ») : aucun ` +
      `calcul ne peut lire le paramètre « ${cle} ».`,
  );
}

/**
 * The known keys a typed one most likely meant: those that continue it (« credit-impot.audiovisuel.taux » →
 * « ….taux.fiction », « ….taux.documentaire »…; « charges-sociales.technicien » → « …technicien-intermittent »), else
 * the nearest by edit distance (a typo: « imprevu »), three at most; none when nothing is close (more edits than a
 * quarter of the key's letters, and more than two).
 */
export function clesProches(cle: string, connues: Iterable<string>): string[] {
  const liste = [...new Set(connues)];
  const suites = liste.filter((k) => k.startsWith(`${cle}.`) || k.startsWith(`${cle}-`));
  if (suites.length) return suites.slice(0, 3);
  const distances = liste.map((k) => ({ k, d: distance(cle, k) }));
  const min = Math.min(...distances.map((x) => x.d));
  if (min > Math.max(2, Math.floor(cle.length / 4))) return [];
  return distances
    .filter((x) => x.d === min)
    .map((x) => x.k)
    .sort()
    .slice(0, 3);
}

/** « Vouliez-vous dire « a » ou « b » ? » after a message naming an unknown key (leading space), empty when none. */
export function suggestionCle(proches: readonly string[]): string {
  if (!proches.length) return "";
  const cites = proches.map((k) => `« ${k} »`);
  const liste = cites.length === 1 ? cites[0] : `${cites.slice(0, -1).join(", ")} ou ${cites[cites.length - 1]}`;
  return ` Vouliez-vous dire ${liste} ?`;
}

/**
 * Keys under `prefixe` that no use case knows: listed so that a typo is never silently ignored, each with the known
 * keys it most likely meant (`proches`, among `candidats`, by default `connues`; see clesProches).
 */
export function clesInconnues(
  s: Surcharges,
  prefixe: string,
  connues: Iterable<string>,
  candidats?: Iterable<string>,
): { cle: string; cellule: string; proches: string[] }[] {
  const k = new Set(connues);
  const out: { cle: string; cellule: string; proches: string[] }[] = [];
  for (const [cle, e] of s)
    if (cle.startsWith(prefixe) && !k.has(cle))
      out.push({ cle, cellule: e.cellule, proches: clesProches(cle, candidats ?? k) });
  return out;
}

/** One overridable figure, as listed in the template « Paramètres » sheet. */
export interface EntreeParametre {
  cle: string;
  libelle: string;
  /** The figure in force, as text ("25 %", "1 450 €"). */
  enVigueur: string;
  confiance: "H" | "M" | "L";
  source: string;
  /** Id of the rule table the figure comes from. */
  table?: string;
}

/**
 * Template « Paramètres » sheet: the « Valeur » column is left empty (empty = the figure in force is used);
 * the user types a value to override it. Keys, figures and sources are text, never formulas.
 */
export function feuilleParametresModele(entrees: EntreeParametre[], nom = NOM_FEUILLE_PARAMETRES): SheetSpec {
  const rows: CellSpec[][] = [
    ["Paramètres du classeur (laisser « Valeur » vide pour garder le chiffre en vigueur)"],
    [],
    ["Paramètre", "Valeur", "Commentaire", "Libellé", "En vigueur", "Confiance", "Source"],
  ];
  for (const e of entrees) {
    rows.push([
      e.cle,
      null,
      null,
      e.libelle,
      e.enVigueur,
      e.confiance === "H" ? "H" : `${e.confiance} (à vérifier)`,
      e.source,
    ]);
  }
  const fin = rows.length;
  return {
    name: nom,
    rows,
    columns: [
      { width: 52 },
      { width: 14, numFmt: "@" },
      { width: 30 },
      { width: 46 },
      { width: 14 },
      { width: 14 },
      { width: 60 },
    ],
    formats: [
      { range: "A1:G1", bold: true },
      { range: "A3:G3", bold: true, fill: "#DDEBF7" },
      ...(fin > 3 ? [{ range: `B4:B${fin}`, fill: "#FFF2CC" }] : []),
    ],
    freeze: { rows: 3 },
  };
}
