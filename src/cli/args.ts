import { detailDuree, DUREE_MAX_MINUTES } from "../app/arguments";
import { ENCODAGES_FEC } from "../app/commandes/fec";
import { texteDureesAmbigues as dureesNonPrises, type DureeEcrite } from "../app/durees";
import { CliError, procheDe } from "./io";
import { decimalFr } from "../core/util/texte";
import { analyserMontant, analyserNombre, messageMontantRefuse, messageNombreRefuse, type Cents } from "../core/money";
import { minutesEcrites } from "../core/money/saisie";
import type { EncodageFec } from "../core/comptabilite/fec";

/** A number argument (accepts "52", "52,5"); French error naming the option otherwise (« 1,500 » is ambiguous). */
export function nombreArg(valeur: string | undefined, option: string, { min = 0 } = {}): number | undefined {
  if (valeur === undefined) return undefined;
  const a = analyserNombre(valeur);
  if (a.type === "ambigu") throw new CliError(messageNombreRefuse(a, `L'option ${option}`, valeur));
  const n = a.type === "nombre" ? a.valeur.toNumber() : Number.NaN;
  if (!Number.isFinite(n))
    throw new CliError(`L'option ${option} attend un nombre écrit en chiffres, reçu « ${valeur} ».`);
  if (n < min) throw new CliError(`L'option ${option} attend un nombre ≥ ${min}, reçu « ${valeur} ».`);
  return n;
}

/** --duree: minutes, > 0 (the rule of verifierDuree, worded alike), « 52 » or « 52,5 ». */
export function dureeArg(valeur: string | undefined, option = "--duree"): number | undefined {
  if (valeur === undefined) return undefined;
  const a = analyserNombre(valeur);
  if (a.type === "ambigu") throw new CliError(messageNombreRefuse(a, `L'option ${option}`, valeur));
  const n = a.type === "nombre" ? a.valeur.toNumber() : Number.NaN;
  if (!Number.isFinite(n) || n <= 0 || n > DUREE_MAX_MINUTES) {
    // « 1h30 », « 52 min », « 90' »: the minutes meant said in the form asked for, never taken unsaid.
    const m = Number.isFinite(n) ? undefined : minutesEcrites(valeur);
    const indice = m !== undefined ? ` : écrivez « ${m} »` : "";
    throw new CliError(
      `L'option ${option} ${detailDuree(valeur, Number.isFinite(n), n > DUREE_MAX_MINUTES)}${indice}.`,
    );
  }
  return n;
}

/** A duration typed as an option, as its trace says it (« durée saisie avec l'option --duree »); none without it. */
export function origineDureeArg(valeur: string | undefined, option = "--duree"): { formule: string } | undefined {
  return valeur === undefined ? undefined : { formule: `durée saisie avec l'option ${option}` };
}

/**
 * The duration used and where it comes from, for a command's text output: « Durée : 52 min (durée lue dans le classeur,
 * cellule 'Budget'!A2) », « Durée : 52 min (durée saisie avec l'option --duree) ».
 */
export function texteDuree(minutes: number, origine: { formule: string; cellule?: string } | undefined): string {
  const o = origine ? ` (${origine.formule}${origine.cellule ? `, cellule ${origine.cellule}` : ""})` : "";
  return `Durée : ${decimalFr(String(minutes))} min${o}`;
}

/** Several durations written in the workbook and no --duree: « Durée : … aucune n'est prise : … ; indiquez --duree ». */
export const texteDureesAmbigues = (d: readonly DureeEcrite[]) => `Durée : ${dureesNonPrises(d)} ; indiquez --duree`;

/**
 * The duration used and where it comes from, for a command's --json (added fields, present only when they apply):
 * `duree: { minutes: "52", origine: "classeur" | "option", cellule: "'Budget'!A2" | null }`, and without a duration
 * the durations the workbook writes but none taken, `dureesAmbigues: [{ minutes, cellule }]`.
 */
export function jsonDuree(
  minutes: number | undefined,
  origine: { formule: string; cellule?: string } | undefined,
  ambigues?: readonly DureeEcrite[],
): {
  duree?: { minutes: string; origine: "classeur" | "option"; cellule: string | null };
  dureesAmbigues?: DureeEcrite[];
} {
  if (minutes !== undefined)
    return {
      duree: {
        minutes: String(minutes),
        origine: origine?.cellule ? "classeur" : "option",
        cellule: origine?.cellule ?? null,
      },
    };
  return ambigues?.length ? { dureesAmbigues: ambigues.map((d) => ({ minutes: d.minutes, cellule: d.cellule })) } : {};
}

export function choixArg<T extends string>(
  valeur: string | undefined,
  option: string,
  choix: readonly T[],
): T | undefined {
  if (valeur === undefined) return undefined;
  if (!(choix as readonly string[]).includes(valeur)) {
    // « Fiction », « Cinéma », « documentaires »: the value meant named, never taken in its place.
    const proche = procheDe(valeur, choix);
    throw new CliError(
      `L'option ${option} attend l'une des valeurs ${choix.join(", ")} ; reçu « ${valeur} »` +
        (proche ? ` : vouliez-vous dire « ${proche} » ?` : "."),
    );
  }
  return valeur as T;
}

/** `--encodage` in the usages: the encodings a FEC may be forced to (ENCODAGES_FEC, the pane's list too). */
export const OPTION_ENCODAGE = `[--encodage ${ENCODAGES_FEC.join("|")}]`;

/** The code pages' IBM names, as an export's description may write them. */
const ALIAS_ENCODAGES: Record<string, EncodageFec> = {
  "ibm-1147": "ebcdic",
  ibm1147: "ebcdic",
  cp1147: "ebcdic",
  "ibm-850": "cp850",
  ibm850: "cp850",
};

/**
 * `--encodage`: the value as the usage writes it (« windows-1252 », « ebcdic ») or as the messages name the encoding
 * (« Windows-1252 », « UTF-8 », « EBCDIC »), or an IBM name (« ibm-1147 », « ibm850 »); anything else refused as
 * choixArg refuses it.
 */
export function encodageArg(valeur: string | undefined): EncodageFec | undefined {
  const v = valeur?.toLowerCase();
  const e = v === undefined ? undefined : (ENCODAGES_FEC.find((x) => x === v) ?? ALIAS_ENCODAGES[v]);
  return e ?? choixArg(valeur, "--encodage", ENCODAGES_FEC);
}

/**
 * An amount argument in euros, read by the same parser as the devis cells and the PROD.* arguments: an ambiguous
 * (« 12.500 »), absurd (beyond ±2^51 cents) or unreadable value is refused with a French message naming the option;
 * `attendu` says what is expected (« un montant positif (ex. « 3000000 ») »).
 */
export function montantArg(valeur: string, option: string, attendu: string): Cents {
  // « –5000 » (a word processor's dash): the minus sign « − » (U+2212) or « - » is read, a dash is not guessed.
  if (/^[\u2010-\u2015]\s*\d/.test(valeur.trim()))
    throw new CliError(
      `L'option ${option} : « ${valeur} » commence par un tiret typographique ; un montant négatif s'écrit avec le ` +
        `signe moins « − » ou « - » (« -5000 »).`,
    );
  const a = analyserMontant(valeur);
  // « 3000000,005 »: refused as the pane's amount fields refuse it, never rounded without a word.
  if (a.type === "montant" && a.sousCentime)
    throw new CliError(
      `L'option ${option} : « ${valeur} » a plus de deux décimales ; un montant s'écrit au centime près.`,
    );
  if (a.type === "montant") return a.cents;
  if (a.type === "invalide" && !a.devise)
    throw new CliError(`L'option ${option} attend ${attendu}, reçu « ${valeur} ».`);
  throw new CliError(messageMontantRefuse(a, `L'option ${option}`, valeur));
}
