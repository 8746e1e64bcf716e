import Decimal from "decimal.js";
import { analyserMontant, analyserNombre, Cents, centsToDecimal, centsToEuros } from "../core/money";
import { messageMontantRefuse, messageNombreRefuse } from "../core/money/messages";

/**
 * Argument parsing shared by every custom function. Excel passes numbers as doubles, text as strings and
 * omitted optional arguments as null. Declare scalar parameters as `number | string` (optional ones
 * `x?: number | string | null`): a union becomes "any" in functions.json, so amounts typed as text
 * ("1 234,56 €") reach these parsers. Spell the union out: the metadata generator does not resolve type
 * aliases (`Valeur` in a signature is a build error). Every refusal is a #VALUE! with a French message
 * naming the argument.
 */
export type Valeur = number | string | boolean | null;

/** #VALUE! with a message shown in Excel's error tooltip. */
export function erreurValeur(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** #N/A with a message: the argument is valid but no data covers it (e.g. no rate for that year). */
export function erreurIndisponible(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

export function erreurDivisionParZero(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
}

function estVide(v: Valeur | undefined): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** An amount in euros (number or text "1 234,56 €") → cents, half-up; `positif`: 0 or more. */
export function lireMontant(v: Valeur | undefined, nom: string, opts: { positif?: boolean } = {}): Cents {
  if (estVide(v)) throw erreurValeur(`L'argument « ${nom} » est vide : un montant est attendu.`);
  if (typeof v === "boolean")
    throw erreurValeur(`L'argument « ${nom} » vaut ${v ? "VRAI" : "FAUX"} : un montant est attendu.`);
  if (typeof v === "number" && !Number.isFinite(v))
    throw erreurValeur(`L'argument « ${nom} » n'est pas un nombre fini.`);
  const a = analyserMontant(v);
  if (a.type !== "montant") throw erreurValeur(messageMontantRefuse(a, `L'argument « ${nom} »`, v));
  if (opts.positif && a.cents < 0)
    throw erreurValeur(`L'argument « ${nom} » doit être positif (reçu ${formatNombre(centsToDecimal(a.cents))}).`);
  return a.cents;
}

/** A plain decimal (quantity, number of units, rate in euros with more than two decimals). */
export function lireNombre(
  v: Valeur | undefined,
  nom: string,
  opts: { positif?: boolean; nonNul?: boolean } = {},
): Decimal {
  if (estVide(v)) throw erreurValeur(`L'argument « ${nom} » est vide : un nombre est attendu.`);
  if (typeof v === "boolean")
    throw erreurValeur(`L'argument « ${nom} » vaut ${v ? "VRAI" : "FAUX"} : un nombre est attendu.`);
  const a = analyserNombre(v);
  if (a.type !== "nombre") throw erreurValeur(messageNombreRefuse(a, `L'argument « ${nom} »`, v));
  const d = a.valeur;
  if (opts.positif && d.isNegative())
    throw erreurValeur(`L'argument « ${nom} » doit être positif (reçu ${formatNombre(d)}).`);
  if (opts.nonNul && d.isZero()) throw erreurValeur(`L'argument « ${nom} » ne doit pas être nul.`);
  return d;
}

/** A non-empty text (category, genre, regime). Numbers are turned into their text. */
export function lireTexte(v: Valeur | undefined, nom: string): string {
  if (estVide(v)) throw erreurValeur(`L'argument « ${nom} » est vide : un texte est attendu.`);
  // A TRUE cell is no « true » category nor genre: said as Excel shows it.
  if (typeof v === "boolean")
    throw erreurValeur(`L'argument « ${nom} » vaut ${v ? "VRAI" : "FAUX"} : un texte est attendu.`);
  return String(v).trim();
}

/** A whole number within [min, max] (a year, a count). */
export function lireEntier(v: Valeur | undefined, nom: string, min: number, max: number): number {
  const d = lireNombre(v, nom);
  if (!d.isInteger() || d.lessThan(min) || d.greaterThan(max)) {
    throw erreurValeur(`L'argument « ${nom} » doit être un entier entre ${min} et ${max} (reçu ${formatNombre(d)}).`);
  }
  return d.toNumber();
}

/** Optional arguments arrive as null: undefined when omitted or empty, else parsed by `lire`. */
export function optionnel<T>(v: Valeur | undefined, lire: (v: Valeur) => T): T | undefined {
  return estVide(v) ? undefined : lire(v);
}

/** Cents → the euro amount returned to Excel (exact to the cent: 0.45, never 0.45000000000000007). */
export function versEuros(c: Cents): number {
  return centsToEuros(c);
}

/** A ratio returned to Excel (shown with a % format), rounded half-up to 10 decimals to drop float noise. */
export function versRatio(d: Decimal): number {
  return d.toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toNumber();
}

/** Rethrows a core error as #VALUE! with its French message; CustomFunctions errors pass through. */
export function enErreurExcel(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  return erreurValeur(e instanceof Error ? e.message : String(e));
}

function formatNombre(d: Decimal): string {
  return d.toString().replace(".", ",");
}
