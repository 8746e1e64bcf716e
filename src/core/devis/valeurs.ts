import Decimal from "decimal.js";
import {
  analyserMontant,
  conventionProuvee,
  grandeurEcrite,
  montantLigne,
  type Cents,
  type Convention,
} from "../money";
import { centsToDecimal, eurosToCents, MONTANT_MAX_CENTIMES, nombreSousCentime, ZERO } from "../money/cents";
import { estFormatDate } from "../port/dates";
import { deviseDuFormat, estFormatPourcentage, pourcentageAffiche } from "../port/devises";
import { estSerieDate, isoDepuisSerie } from "../util/serieExcel";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, plagesFusionnees } from "../util/adresse";
import { ErreurDonnees } from "../erreurs";
import { DATE_EN_MOTS, dateEcrite } from "../util/datesEcrites";
import type { Colonne, Colonnes } from "./entetes";
import { tarifEnDevise } from "./unites";

/**
 * What an amount cell of the producer's devis says. Nothing here is guessed: an ambiguous text, an Excel error,
 * a date or a text that is not an amount is named as such, never read as a number nor replaced by
 * quantité × nombre × taux.
 */
export type LectureMontant =
  | { type: "vide" }
  | MontantLu
  | { type: "ambigu"; texte: string; decimale: Cents; milliers: Cents }
  | { type: "erreur"; texte: string }
  | { type: "date"; texte: string }
  /**
   * `devise`: a figure written in another currency (« $1,500 », « 1 500 £ »), its French name (« dollars »); with
   * `periode`, a rate in that currency (« 500 $/day »: « jour »).
   */
  | { type: "texte"; texte: string; devise?: string; periode?: string }
  /**
   * A number whose format shows another currency than the euro (« [$$-409]#,##0.00 »): its amount in that currency,
   * never converted (no exchange rate at run time) nor read as euros.
   */
  | { type: "devise"; devise: string; format: string; montant: Cents };

/**
 * An amount read from a number cell (its number) or a text (its cents, rounded half-up). Neither the cents of a
 * number nor a Decimal are computed until asked: the import reads the cents of every line, a check may need the
 * exact value of a few cells (HT + TVA = TTC).
 */
export class MontantLu {
  readonly type = "montant";
  private centimes: Cents | undefined;
  constructor(
    private readonly nombre: number | undefined,
    centimes?: Cents,
    /** A text, or a number typed without formula, with more than two decimals (« 0,125 »): rounded half-up. */
    readonly sousCentime?: true,
  ) {
    this.centimes = centimes;
  }

  /** The amount in cents, half-up; throws MontantHorsLimiteError beyond ±2^51 cents. */
  get cents(): Cents {
    return (this.centimes ??= eurosToCents(this.nombre as number));
  }

  /** The exact value: a number cell's own number, a text's amount rounded to the cent. */
  get valeur(): Decimal {
    return this.nombre !== undefined ? new Decimal(this.nombre) : centsToDecimal(this.cents);
  }
}

/** The numeric columns whose text cells tell the sheet's decimal convention. */
const COLONNES_NUMERIQUES: readonly Colonne[] = [
  "montant",
  "taux",
  "quantite",
  "nombre",
  "montantFrance",
  "montantEtranger",
  "montantCharges",
];

/** Columns where a number beyond ±2^51 cents is refused (exit 2 in the CLI). */
const COLONNES_MONTANT: readonly Colonne[] = ["montant", "montantFrance", "montantEtranger", "montantCharges"];

/**
 * The decimal convention the sheet proves by its own text amounts (« 1 234,56 » → fr, « 1,234.56 » → en), when
 * they all agree; undefined otherwise (then « 12.500 » stays ambiguous).
 */
export function conventionFeuille(sheet: SheetData, cols: Colonnes, debut: number): Convention | undefined {
  return conventionProuvee(textesNumeriques(sheet, cols, debut));
}

/** The texts with a figure and a separator in the numeric columns `cols`, from row `debut` (what proves a convention). */
export function textesNumeriques(sheet: SheetData, cols: Colonnes, debut: number): string[] {
  const indices = COLONNES_NUMERIQUES.map((k) => cols[k]).filter((i): i is number => i !== undefined);
  const textes: string[] = [];
  for (let r = debut; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j];
      const v = row[i]?.v;
      if (typeof v === "string" && /\d[.,]/.test(v) && !row[i].erreur) textes.push(v);
    }
  }
  return textes;
}

const FORMATS_DATE = new Map<string, boolean>();
/** estFormatDate memoised: every amount cell of a column usually shares one format. */
function formatDate(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let d = FORMATS_DATE.get(fmt);
  if (d === undefined) {
    if (FORMATS_DATE.size > 1000) FORMATS_DATE.clear();
    d = estFormatDate(fmt);
    FORMATS_DATE.set(fmt, d);
  }
  return d;
}

export { dateEcrite };

const DATE_TEXTE = /^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4}))\s*$/;

/**
 * A real date (a number with a date format, or a date cell read as ISO text) or a date typed as text (« 15/04/2025 »,
 * « 15 avril 2025 »).
 */
export function estDate(c: CellData | undefined): boolean {
  if (!c || c.v === null || c.erreur) return false;
  if (typeof c.v === "number") return formatDate(c.fmt);
  if (typeof c.v !== "string") return false;
  if (DATE_EN_MOTS.test(c.v)) return dateEcrite(c.v) !== undefined;
  if (!DATE_TEXTE.test(c.v)) return false;
  // "1.500.000" is an amount, not a date (two groups of three digits).
  return !/^\s*\d{1,3}(\.\d{3})+\s*$/.test(c.v);
}

/** « - », « – », « - € », « € - », « - EUR »: the accountant's zero. */
const ZERO_COMPTABLE = /^\s*(?:€\s*)?[-–—\u2212]\s*(?:€|eur)?\s*$/i;

/** Reads an amount cell; « - » typed alone is the accountant's zero. */
export function lireMontantCellule(c: CellData | undefined, convention?: Convention): LectureMontant {
  if (!c || c.v === null || (typeof c.v === "string" && c.v.trim() === "")) return { type: "vide" };
  if (c.erreur) return { type: "erreur", texte: String(c.v) };
  if (typeof c.v === "boolean") return { type: "texte", texte: c.v ? "VRAI" : "FAUX" };
  if (estDate(c)) return { type: "date", texte: dateLisible(c) };
  // A number shown as a percentage (0,5 as « 50 % »): a rate typed in the amount column, never 0,50 €.
  if (typeof c.v === "number" && estFormatPourcentage(c.fmt)) return { type: "texte", texte: pourcentageAffiche(c.v) };
  // A number shown in another currency (« $1,500.00 »): named with its currency, never read as euros. Beyond ±2^51
  // cents it stays a number, refused as any other (verifierGrandeurs).
  const d = typeof c.v === "number" && Math.abs(c.v) <= MAX_EUROS ? deviseDuFormat(c.fmt) : undefined;
  if (d) return { type: "devise", devise: d, format: c.fmt as string, montant: eurosToCents(c.v as number) };
  if (typeof c.v === "number")
    return Number.isFinite(c.v)
      ? new MontantLu(c.v, undefined, !c.f && nombreSousCentime(c.v) ? true : undefined)
      : { type: "texte", texte: String(c.v) };
  // « - € » is how Excel's accounting format shows a zero, pasted as text.
  if (ZERO_COMPTABLE.test(c.v)) return new MontantLu(undefined, ZERO);
  if (/%\s*$/.test(c.v)) return { type: "texte", texte: c.v };
  const a = analyserMontant(c.v, convention);
  if (a.type === "ambigu") return { type: "ambigu", texte: c.v, decimale: a.decimale, milliers: a.milliers };
  // Beyond ±2^51 cents: verifierGrandeurs has already refused the sheet, naming the cell.
  if (a.type === "invalide" && a.devise) return { type: "texte", texte: c.v, devise: a.devise };
  // A rate in another currency (« 500 $/day », « 500 USD/jour »): named with its currency, never read in euros.
  const t = a.type === "invalide" ? tarifEnDevise(c.v) : undefined;
  if (t) return { type: "texte", texte: c.v, devise: t.devise, periode: t.periode };
  if (a.type === "invalide" || a.type === "hors-limite") return { type: "texte", texte: c.v };
  // The cents are the amount rounded half-up, as the import would round it.
  return new MontantLu(undefined, a.cents, a.sousCentime ? true : undefined);
}

/**
 * A text cell that reads as a figure, never as words: an amount (« 1 200,00 € »), an ambiguous one (« 12.500 »), a date
 * (« 15/04/2025 »), a percentage (« 20 % ») or an amount in another currency (« $1,500 »). Such a text is no label.
 */
export function chiffreEnTexte(c: CellData | undefined, convention?: Convention): boolean {
  if (!c || typeof c.v !== "string" || c.erreur) return false;
  const x = lireMontantCellule(c, convention);
  if (x.type === "texte") return !!x.devise || /^\s*[-+\u2212]?\d[\d\s.,]*%\s*$/.test(c.v);
  return x.type !== "vide";
}

/** Beyond ±2^51 cents: a reference pasted as an amount. The CLI exits 2 naming the cell. */
export class MontantAberrantError extends ErreurDonnees {
  constructor(
    public readonly cellule: string,
    texte: string,
  ) {
    super(
      `${cellule} : « ${texte} » n'est pas un montant plausible (au-delà de ± 22 517 998 136 852,48 €) ; ` +
        `un numéro ou une référence a-t-il été collé à la place d'un montant ? Corrigez la cellule et relancez.`,
    );
  }
}

const MAX_EUROS = MONTANT_MAX_CENTIMES / 100;

/** The magnitude of a numeric cell (number, or text read with the sheet's convention); undefined otherwise. */
function grandeur(c: CellData | undefined, convention?: Convention): number | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number") return Number.isFinite(c.v) && !formatDate(c.fmt) ? Math.abs(c.v) : undefined;
  if (typeof c.v !== "string" || !/\d/.test(c.v)) return undefined;
  return grandeurEcrite(c.v, convention);
}

/**
 * Refuses, naming the cell, an amount or a quantité × nombre × taux beyond ±2^51 cents: past that, integers lose
 * their exactness, and no production costs that much (it is a reference number pasted as an amount).
 */
export function verifierGrandeurs(sheet: SheetData, cols: Colonnes, debut: number, convention?: Convention): void {
  const montants = COLONNES_MONTANT.filter((k) => cols[k] !== undefined);
  const facteurs = (["quantite", "nombre", "taux"] as const).filter((k) => cols[k] !== undefined);
  const refuser = (r: number, k: Colonne) => {
    const i = cols[k] as number;
    throw new MontantAberrantError(celluleRef(sheet.name, r, i), String(sheet.rows[r][i].v));
  };
  // The columns' indices, looked up once.
  const iMontants = montants.map((k) => cols[k] as number);
  const iFacteurs = facteurs.map((k) => cols[k] as number);
  for (let r = debut; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    for (let j = 0; j < iMontants.length; j++)
      if ((grandeur(row[iMontants[j]], convention) ?? 0) > MAX_EUROS) refuser(r, montants[j]);
    let produit = 1;
    let plusGrand: Colonne | undefined;
    let max = -1;
    for (let j = 0; j < iFacteurs.length; j++) {
      const g = grandeur(row[iFacteurs[j]], convention);
      if (g === undefined) continue;
      produit *= g;
      if (g > max) {
        max = g;
        plusGrand = facteurs[j];
      }
    }
    if (plusGrand && produit > MAX_EUROS) refuser(r, plusGrand);
  }
}

/**
 * The amount a line's cell proves: its number, or for an ambiguous text (« 12.500 »), the one reading that
 * quantité × nombre × taux gives exactly; undefined when nothing proves it.
 */
export function montantProuve(
  lm: LectureMontant,
  q: Decimal.Value | undefined,
  n: Decimal.Value | undefined,
  t: Decimal.Value | undefined,
): Cents | undefined {
  if (lm.type === "montant") return lm.cents;
  if (lm.type !== "ambigu" || t === undefined || (q === undefined && n === undefined)) return undefined;
  const calcul = montantLigne(q ?? 1, n ?? 1, t);
  const lectures = [lm.decimale, lm.milliers].filter((c) => c === calcul);
  return lectures.length === 1 ? lectures[0] : undefined;
}

/**
 * Rows (0-based) whose cell in column `col` is covered by a merged range without being its top-left cell, with
 * that top-left cell: a merged amount belongs to the row of its top-left cell, never to the rows it spans.
 */
export function fusionsDeColonne(sheet: SheetData, col: number | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (col === undefined) return out;
  for (const { r1: haut, c1: gauche, r2: bas, c2: droite } of plagesFusionnees(sheet.merges)) {
    if (col < gauche || col > droite) continue;
    for (let r = haut; r <= bas; r++)
      if (r !== haut || col !== gauche) out.set(r, celluleRef(sheet.name, haut, gauche));
  }
  return out;
}

/** « 2025-04-15 » or an Excel serial with a date format → « 15/04/2025 », as the user sees it. */
export function dateLisible(c: CellData): string {
  const iso =
    typeof c.v === "number"
      ? estSerieDate(c.v)
        ? isoDepuisSerie(c.v)
        : undefined
      : /^\d{4}-\d{2}-\d{2}$/.test(String(c.v).trim())
        ? String(c.v).trim()
        : undefined;
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : String(c.v).trim();
}
