import Decimal from "decimal.js";
import { centsToDecimalString, ZERO } from "../money/cents";
import type { AnalyseFinancement } from "./evaluer";
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
