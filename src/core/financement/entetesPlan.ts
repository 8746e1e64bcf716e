import type { CellData, SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { lireDate } from "./dates";
import type { StatutSource } from "./model";
import { lireStatut } from "./statut";

export type ColonnePlan = "financeur" | "nature" | "montant" | "statut" | "date" | "pourcent" | "pays";

/** A payment column: "Tranche 2" / "Date 2" pairs, or a column headed by a month ("mars 2026", a date). */
export interface ColonneTranche {
  montant: number;
  date?: number;
  /** For month-headed columns: the month's first day. */
  dateEntete?: string;
}

export interface EntetePlan {
  ligne: number;
  colonnes: Partial<Record<ColonnePlan, number>>;
  tranches: ColonneTranche[];
  /** One amount column per status (« Acquis » | « En cours » | « À trouver »), when there is no single amount column. */
  statuts: { col: number; statut: StatutSource }[];
}

const SYNONYMES: readonly [ColonnePlan, RegExp][] = [
  ["pourcent", /^(%|% du total|% total|part|part %|pourcentage|en %|share|% du plan|% du budget|%age)$/],
  [
    "financeur",
    new RegExp(
      String.raw`^(financeurs?|sources?|partenaires?|organismes?|investisseurs?|nom|intervenants?|` +
        String.raw`apporteurs?|financiers?|bailleurs?|funders?|financing source|sources? de financement|` +
        String.raw`origine des fonds|societe|structure)$`,
    ),
  ],
  [
    "nature",
    new RegExp(
      String.raw`^(nature|type|categorie|nature de l'apport|type d'apport|type de financement|` +
        String.raw`mode|forme|nature du financement|type de source|category|poste|objet)$`,
    ),
  ],
  [
    "montant",
    new RegExp(
      String.raw`^(montants?|montant ht|montant total|apports?|somme|amount|montant en euros|` +
        String.raw`montant en|financement|financements|montant prevu|montant attendu|€|total|` +
        String.raw`montant du financement)$`,
    ),
  ],
  ["statut", /^(statut|etat|status|situation|avancement|confirmation|acquis \/ en cours|acquis\?)$/],
  [
    "date",
    new RegExp(
      String.raw`^(dates?|echeances?|date de versement|versement|date prevue|date d'encaissement|` +
        String.raw`encaissement|calendrier|date de paiement|due date|date previsionnelle)$`,
    ),
  ],
  ["pays", /^(pays|origine|nationalite|country)$/],
];

function nettoyer(s: string): string {
  return normaliser(s)
    .replace(/\([^)]*\)/g, "")
    .replace(/[:*]+$/, "")
    .replace(/\s+(€|eur|euros|ht)$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const TRANCHE = /^(?:montant\s+)?(?:tranche|versement|echeance|t|v)\s*n?°?\s*(\d{1,2})$/;
const DATE_TRANCHE = /^date\s*(?:de\s+)?(?:la\s+)?(?:tranche|versement|echeance|t|v)?\s*n?°?\s*(\d{1,2})$/;

function analyserLigne(row: CellData[], r: number): EntetePlan {
  const colonnes: Partial<Record<ColonnePlan, number>> = {};
  const numerotees = new Map<number, { montant?: number; date?: number }>();
  const mois: ColonneTranche[] = [];
  const statuts: { col: number; statut: StatutSource }[] = [];
  row.forEach((cell, c) => {
    if (typeof cell.v === "string") {
      const s = nettoyer(cell.v);
      if (!s) return;
      let m = DATE_TRANCHE.exec(s);
      if (m) {
        const e = numerotees.get(+m[1]) ?? {};
        e.date = c;
        numerotees.set(+m[1], e);
        return;
      }
      m = TRANCHE.exec(s);
      if (m) {
        const e = numerotees.get(+m[1]) ?? {};
        e.montant = c;
        numerotees.set(+m[1], e);
        return;
      }
      for (const [col, re] of SYNONYMES) {
        if (colonnes[col] === undefined && re.test(s)) {
          colonnes[col] = c;
          return;
        }
      }
      const statut = lireStatut(s.replace(/^(montants?|apports?|financements?|sources?)\s+/, ""));
      if (statut && s.length <= 30) {
        statuts.push({ col: c, statut });
        return;
      }
    }
    // A month or a date as a header: one column of payments per month.
    const d = lireDate(cell, { serieAcceptee: false });
    if (d && (typeof cell.v === "string" || cell.fmt !== undefined || /^\d{4}-\d{2}-\d{2}$/.test(String(cell.v)))) {
      mois.push({ montant: c, dateEntete: d });
    }
  });
  const tranches: ColonneTranche[] = [...numerotees.entries()]
    .sort((a, b) => a[0] - b[0])
    .filter(([, e]) => e.montant !== undefined)
    .map(([, e]) => ({ montant: e.montant as number, date: e.date }));
  return { ligne: r, colonnes, tranches: tranches.concat(mois), statuts };
}

/**
 * The header row of a plan de financement: the first of the sheet's first 40 rows naming an amount (or payment
 * columns) and a financeur or a nature. undefined when there is none.
 */
export function trouverEntetePlan(sheet: SheetData): EntetePlan | undefined {
  let best: EntetePlan | undefined;
  const n = Math.min(sheet.rows.length, 40);
  for (let r = 0; r < n; r++) {
    const e = analyserLigne(sheet.rows[r], r);
    const aMontant = e.colonnes.montant !== undefined || e.tranches.length > 0 || e.statuts.length > 1;
    const aLibelle = e.colonnes.financeur !== undefined || e.colonnes.nature !== undefined;
    if (!aMontant || !aLibelle) continue;
    const score = Object.keys(e.colonnes).length + e.tranches.length + e.statuts.length;
    if (!best || score > Object.keys(best.colonnes).length + best.tranches.length + best.statuts.length) best = e;
    if (score >= 3) break;
  }
  return best;
}

/**
 * The sheet that looks most like a financing plan (header columns found, « financ » in its name, a financeur and a
 * status column), or undefined when none scores enough.
 */
export function choisirFeuillePlan(feuilles: SheetData[]): SheetData | undefined {
  let best: { s: SheetData; score: number } | undefined;
  for (const s of feuilles) {
    const e = trouverEntetePlan(s);
    if (!e) continue;
    let score = Object.keys(e.colonnes).length;
    if (/financ/.test(normaliser(s.name))) score += 10;
    if (e.colonnes.financeur !== undefined) score += 5;
    if (e.colonnes.statut !== undefined) score += 2;
    if (!best || score > best.score) best = { s, score };
  }
  return best && best.score >= 7 ? best.s : undefined;
}
