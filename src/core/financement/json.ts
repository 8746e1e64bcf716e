import Decimal from "decimal.js";
import { centsToDecimalString, negCents, subCents, ZERO } from "../money/cents";
import { moisDe } from "./dates";
import type { Echeancier } from "./echeancier";
import type { AnalyseFinancement } from "./evaluer";
import type { SourceFinancement } from "./model";
import { jsonTablesUtilisees } from "../regles/utilisees";

/** The CLI's JSON contract (issue 5): amounts as "1234.56", intensity with 4 decimals, ceiling with 2. */
export interface ResultatFinancementJson {
  total: string;
  cout: string;
  resteAFinancer: string;
  parCategorie: { categorie: string; montant: string; public: boolean }[];
  aidesPubliques: string;
  intensiteAidesPubliques: string;
  plafond: string;
  controles: { regle: string; gravite: string; message: string; cellule?: string }[];
  /** The rule-table versions used (same shape as prodbook credit-impot --json). */
  tables: ReturnType<typeof jsonTablesUtilisees>;
}

export function resultatJson(a: AnalyseFinancement): ResultatFinancementJson {
  const s = a.synthese;
  return {
    total: centsToDecimalString(s.total),
    cout: centsToDecimalString(s.cout ?? ZERO),
    resteAFinancer: centsToDecimalString(s.resteAFinancer ?? ZERO),
    parCategorie: s.parCategorie.map((c) => ({
      categorie: c.categorie,
      montant: centsToDecimalString(c.montant),
      public: c.public,
    })),
    aidesPubliques: centsToDecimalString(s.aidesPubliques),
    intensiteAidesPubliques: (s.intensite ?? new Decimal(0)).toFixed(4, Decimal.ROUND_HALF_UP),
    plafond: a.plafond.plafond.toFixed(2, Decimal.ROUND_HALF_UP),
    controles: a.constats.map((c) =>
      c.cellule
        ? { regle: c.regle, gravite: c.gravite, message: c.message, cellule: c.cellule }
        : { regle: c.regle, gravite: c.gravite, message: c.message },
    ),
    tables: jsonTablesUtilisees(a.tables),
  };
}

/** A payment of the échéancier's month: who pays, its category, date and amount, and the cell it was read in. */
export interface VersementJson {
  financeur: string;
  categorie: string;
  date: string;
  montant: string;
  cellule: string | null;
}

/**
 * The échéancier in the CLI's JSON (added after the others): each month « AAAA-MM » with its dated cash payments,
 * encaissements (their sum), dépenses, solde, cumul and besoin (max(0 ; −cumul)); the payments without a date, the
 * non-cash contributions left out of both sides, the largest need and how spending was spread, as the text says it.
 */
export interface EcheancierJson {
  mois: {
    mois: string;
    versements: VersementJson[];
    encaissements: string;
    depenses: string;
    solde: string;
    cumul: string;
    besoin: string;
  }[];
  sansDate: string;
  nonNumeraire: string;
  besoinMaximal: string;
  repartition: string;
}

export function echeancierJson(sources: readonly SourceFinancement[], ech: Echeancier): EcheancierJson {
  // Cash only, as calculerEcheancier counts it: a mise en participation is never paid in.
  const parMois = new Map<string, VersementJson[]>();
  for (const s of sources.filter((x) => x.numeraire))
    for (const t of s.tranches) {
      if (!t.date) continue;
      // A payment read in its own column has its cell; a source paid at once, its amount's cell.
      const cellule = t.cellule ?? (s.tranches.length === 1 ? s.cellule : undefined) ?? null;
      const v = {
        financeur: s.financeur,
        categorie: s.categorie,
        date: t.date,
        montant: centsToDecimalString(t.montant),
        cellule,
      };
      parMois.set(moisDe(t.date), [...(parMois.get(moisDe(t.date)) ?? []), v]);
    }
  return {
    mois: ech.mois.map((m) => ({
      mois: m.mois,
      versements: (parMois.get(m.mois) ?? []).sort((a, b) => a.date.localeCompare(b.date)),
      encaissements: centsToDecimalString(m.encaissements),
      depenses: centsToDecimalString(m.depenses),
      solde: centsToDecimalString(subCents(m.encaissements, m.depenses)),
      cumul: centsToDecimalString(m.cumul),
      besoin: centsToDecimalString(m.cumul < 0 ? negCents(m.cumul) : ZERO),
    })),
    sansDate: centsToDecimalString(ech.sansDate),
    nonNumeraire: centsToDecimalString(ech.nonNumeraire),
    besoinMaximal: centsToDecimalString(ech.besoinMaximal),
    repartition: ech.repartition,
  };
}
