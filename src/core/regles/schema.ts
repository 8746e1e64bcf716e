import * as v from "valibot";
import { cents } from "../money";

/**
 * Building blocks of the rule-table schemas (valibot: the smallest of zod / zod mini / valibot in the pane bundle,
 * see docs/architecture.md « Tables de règles »). Every figure of a table is typed here:
 * amounts in integer cents, rates as decimal strings in [0, 1], durations in whole minutes or days, dates ISO.
 * Messages are French: they reach the developer who edits a table, with the file and the JSON path.
 */

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function dateReelle(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** ISO calendar date AAAA-MM-JJ (2025-02-30 is refused). */
export const dateIso = v.pipe(
  v.string(),
  v.check(dateReelle, (i) => `« ${String(i.input)} » n'est pas une date AAAA-MM-JJ`),
);

/** Non-empty text. */
export const texte = v.pipe(v.string(), v.trim(), v.minLength(1, "ne doit pas être vide"));

/** An amount in integer cents (≥ 0): 30 M€ is 3000000000. */
export const centimes = v.pipe(
  v.number(),
  v.check(
    (n) => Number.isSafeInteger(n) && n >= 0,
    (i) => `${String(i.input)} n'est pas un montant en centimes (entier ≥ 0)`,
  ),
  v.transform((n) => cents(n)),
);

const TAUX = /^(0(\.\d+)?|1(\.0+)?)$/;

/** A rate as a decimal string in [0, 1]: "0.25" for 25 %. */
export const taux = v.pipe(
  v.string(),
  v.regex(TAUX, (i) => `« ${String(i.input)} » n'est pas un taux décimal entre 0 et 1 (ex. "0.25")`),
);

/** A non-negative decimal string that is not a rate nor an amount (a coefficient, hours). */
export const decimal = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?$/, (i) => `« ${String(i.input)} » n'est pas un nombre décimal ≥ 0 (ex. "1.5")`),
);

function entier(min: number, unite: string) {
  return v.pipe(
    v.number(),
    v.check(
      (n) => Number.isSafeInteger(n) && n >= min,
      (i) => `${String(i.input)} n'est pas un nombre entier de ${unite} ≥ ${min}`,
    ),
  );
}

/** A duration in whole minutes (> 0). */
export const minutes = entier(1, "minutes");
/** A number of days (≥ 0). */
export const jours = entier(0, "jours");
/** A count (≥ 0): nights, shots, entries. */
export const nombreEntier = entier(0, "unités");

/** Rows of a grid (tranches, bands): non-empty, strictly increasing on `cle` (numbers or decimal strings). */
export function grille<T extends v.GenericSchema>(ligne: T, cle: string) {
  return v.pipe(
    v.array(ligne),
    v.minLength(1, "la grille ne doit pas être vide"),
    v.check(
      (rows) =>
        rows.every((r, i) => {
          if (i === 0) return true;
          const a = (rows[i - 1] as Record<string, unknown>)[cle];
          const b = (r as Record<string, unknown>)[cle];
          return Number(a) < Number(b);
        }),
      `les lignes doivent être en ordre strictement croissant de « ${cle} »`,
    ),
  );
}

/** Tables of other domains while their owner writes their schema: only the envelope is checked. */
export const valeursLibres = v.unknown();

const source = v.strictObject({
  titre: texte,
  url: v.pipe(
    v.string(),
    v.regex(/^https?:\/\/[^\s/]+\.[^\s/]+/, (i) => `« ${String(i.input)} » n'est pas une URL http(s)`),
  ),
  consulteLe: v.optional(dateIso),
});

/** One dated version: effective dates, confidence, sources, why it is not H, values. */
export function version<T extends v.GenericSchema>(valeurs: T) {
  return v.strictObject({
    effetDu: dateIso,
    effetAu: v.optional(dateIso),
    confiance: v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`),
    sources: v.pipe(v.array(source), v.minLength(1, "vide : chaque chiffre doit être sourcé")),
    /** Scope, reading notes. */
    note: v.optional(texte),
    /**
     * Confidence M/L: why no primary text backs the figure and what to check (shown with « à vérifier »): one or two
     * sentences for the user (≤ 300 characters, no research log; tested over every table).
     */
    motifConfiance: v.optional(texte),
    /** The research log behind the motif (what was searched, where, when): for the auditor, `prodbook regles` only. */
    recherche: v.optional(texte),
    valeurs,
  });
}

/** A whole table: id, description, chronological versions. */
export function enveloppe<T extends v.GenericSchema>(valeurs: T) {
  return v.strictObject({
    $comment: v.optional(v.string()),
    id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en kebab-case (ex. credit-impot-cinema)")),
    description: texte,
    versions: v.pipe(v.array(version(valeurs)), v.minLength(1, "vide : au moins une version est attendue")),
  });
}

const TYPES: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  boolean: "true ou false",
  Object: "un objet",
  Array: "une liste",
  never: "aucune clé de ce nom",
};

/** "versions[1].valeurs.tranches[0].plafond" from a valibot issue. */
export function cheminIssue(issue: v.BaseIssue<unknown>): string {
  let chemin = "";
  for (const p of issue.path ?? []) {
    const k = (p as { key: unknown }).key;
    chemin += typeof k === "number" ? `[${k}]` : chemin ? `.${String(k)}` : String(k);
  }
  return chemin;
}

/** French message of an issue: our own actions carry one; a type mismatch is phrased here. */
export function messageIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.kind !== "schema" || issue.type === "picklist") return issue.message;
  if (issue.received === "undefined") return "manquant";
  if (issue.expected === "never") return "clé inconnue (faute de frappe ?)";
  const attendu = TYPES[issue.expected ?? ""] ?? issue.expected;
  return `${issue.received} : ${attendu} attendu`;
}
