import { estFormatDate } from "../port/dates";
import type { CellData } from "../port/workbook";
import { estSerieDate, isoDepuisSerie } from "../util/serieExcel";
import { norm } from "./lecture";

/** What a figure read outside the devis's table measures, when its unit proves it is no amount in euros. */
export interface NatureNonMonetaire {
  /** date: a year (« Année de production | 2026 ») or a date's number; nombre: a duration, a count, a percentage. */
  nature: "nombre" | "date";
  /** The unit proven, as said to the user: « min », « jours », « semaines », « %», « année »… */
  unite: string;
}

/** A unit a cell or a label states, normalised (no accents, lower case), and how it is said. */
const UNITES: readonly [RegExp, string][] = [
  [/^(?:min|mn|minutes?)$/, "min"],
  [/^(?:h|heures?)$/, "heures"],
  [/^(?:j|jrs?|jours?)$/, "jours"],
  [/^(?:sem\.?|semaines?)$/, "semaines"],
  [/^mois$/, "mois"],
  [/^(?:ans?|annees?)$/, "ans"],
  [/^%$/, "%"],
];
const unite = (s: string) => UNITES.find(([re]) => re.test(s))?.[1];

/** Money said by the cell's own text: a currency sign or code, HT/TTC. */
const ARGENT_CELLULE = /€|\beur(?:os?)?\b|\bht\b|\bttc\b|\$|£|\busd\b|\bgbp\b|\bchf\b/i;
/** A label speaking of money: never a duration nor a count, whatever else it says (« Coût par jour de tournage »). */
const ARGENT_LIBELLE = new RegExp(
  String.raw`€|\b(?:budgets?|couts?|montants?|prix|tarifs?|totale?s?|totaux|apports?|frais|salaires?|cachets?|sommes?|` +
    String.raw`eur|euros?|ht|ttc|k€|financements?|subventions?|depenses?|recettes?|remunerations?|honoraires|forfaits?|` +
    String.raw`indemnites?|charges|provisions?)\b`,
);
/** A unit in parentheses or after « en » in a label: « Durée (min) », « Taux de charges (%) », « durée en jours ». */
const UNITE_LIBELLE =
  /\((min|mn|minutes?|h|heures?|j|jours?|semaines?|sem\.?|mois|ans?|annees?|%)\)|\ben (minutes|heures|jours|semaines|mois|annees)\b/;
/** A label measuring time or a count: « Jours de tournage », « Nombre de semaines », « Durée », « Année ». */
const MESURE_LIBELLE = /\b(minutes?|heures?|jours?|semaines?|mois|annees?|an|duree|nombre|nb|nbre|pourcentage|date)\b/;

/**
 * Whether a figure read outside the devis's table (above its header, between two stacked tables) is proven to be no
 * amount in euros by its unit: the cell just right of it (« 90 | min »), its own number format (0" jours"), a unit in
 * its label (« Durée (min) », « Jours de tournage », « Année », « Date », « % »). A figure whose own text or whose label
 * speaks of money (« 2 026 € », « Budget », « Coût par jour ») is an amount, and so is every figure without a unit
 * proven: undefined. A format in euros proves nothing (the whole column is often formatted so).
 * Words never decide alone for money; they may only prove a unit that is not money.
 */
export function natureNonMonetaire(
  row: readonly CellData[],
  col: number,
  libelle: string,
): NatureNonMonetaire | undefined {
  const c = row[col];
  if (!c || c.v === null || c.erreur) return undefined;
  // Its number format is no proof: a producer formats the whole column in euros, the year above the header with it.
  if (typeof c.v === "string" && ARGENT_CELLULE.test(c.v)) return undefined;
  const n =
    typeof c.v === "number"
      ? c.v
      : Number(
          String(c.v)
            .replace(/[\s\u00a0\u202f]/g, "")
            .replace(",", "."),
        );
  const annee = Number.isInteger(n) && n >= 1900 && n <= 2100;
  // The cell right of it states its unit (« min », « jours », « % »).
  const droite = row[col + 1];
  const u = droite && typeof droite.v === "string" ? unite(norm(droite.v).replace(/[.:]$/, "")) : undefined;
  if (u) return { nature: "nombre", unite: u };
  // Its number format writes the unit after it: 0" min", # ##0 "jours".
  const f = c.fmt ? /"\s*([^"]+?)\s*"\s*$/.exec(c.fmt) : null;
  const uf = f ? unite(norm(f[1])) : undefined;
  if (uf) return { nature: "nombre", unite: uf };
  const l = norm(libelle);
  // A unit stated in parentheses or after « en » is a proof, even beside « total » (« Durée totale (min) »).
  const p = UNITE_LIBELLE.exec(l);
  if (p) return { nature: "nombre", unite: unite(p[1] ?? p[2]) ?? p[1] ?? p[2] };
  if (ARGENT_LIBELLE.test(l) || libelle.includes("€")) return undefined;
  const mots = [...l.matchAll(new RegExp(MESURE_LIBELLE, "g"))].map((m) => m[1]);
  if (!mots.length) return undefined;
  // A unit of time first (« Nombre de jours » counts days), then a year, a date, a duration, a count.
  const mot =
    mots.find((x) => /^(minutes?|heures?|jours?|semaines?|mois)$/.test(x)) ??
    mots.find((x) => /^(annees?|an|date)$/.test(x)) ??
    mots[0];
  if (/^(annees?|an)$/.test(mot))
    return annee ? { nature: "date", unite: "année" } : { nature: "nombre", unite: "ans" };
  if (mot === "date") return annee ? { nature: "date", unite: "année" } : { nature: "date", unite: "date" };
  if (mot === "duree") return { nature: "nombre", unite: "durée" };
  if (/^(nombre|nb|nbre)$/.test(mot)) return { nature: "nombre", unite: "nombre" };
  if (mot === "pourcentage") return { nature: "nombre", unite: "%" };
  return { nature: "nombre", unite: unite(mot) ?? mot };
}

/**
 * A real date (an Excel date value: the adapters' ISO text, or a serial shown with a date format): its ISO date
 * (« 2025-04-15 »). A date typed as text (« 15/04/2025 ») or a number without a date format is none: undefined.
 */
export function dateReelle(c: CellData | undefined): string | undefined {
  if (!c || c.v === null || c.erreur) return undefined;
  if (typeof c.v === "number") return estFormatDate(c.fmt) && estSerieDate(c.v) ? isoDepuisSerie(c.v) : undefined;
  if (typeof c.v !== "string") return undefined;
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?\s*$/.exec(c.v);
  return m ? m[1] : undefined;
}

/** A number with its unit (« 90 (min) »); a real date as the user sees it (« 15/04/2025 »). */
export const valeurEnMots = (x: { valeur?: string; unite?: string; nature?: string }): string =>
  x.unite === "date" && x.valeur && /^\d{4}-\d{2}-\d{2}$/.test(x.valeur)
    ? `${x.valeur.slice(8, 10)}/${x.valeur.slice(5, 7)}/${x.valeur.slice(0, 4)}`
    : `${x.valeur ?? ""} (${x.unite ?? x.nature})`;
