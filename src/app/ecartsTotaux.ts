import { formatEcartFr, formatMontantFr, type Cents } from "../core/money";

/**
 * The amounts of the écarts in brief, apart from ecartsEnBref.ts so that the pane's first page (« Tableau de bord »)
 * loads only the money formats it already uses.
 */

/** One headline figure of the écarts: its name and its value, both in French, as the pane and the CLI print them. */
export interface ChiffreEcarts {
  /** Stable key (the pane's test ids, React keys); never shown. */
  id: "budget" | "realise" | "ecart" | "estimation" | "ecartEstime" | "sansPoste" | "enAlerte";
  terme: string;
  valeur: string;
  /** The figures the page is about (réalisé, écart estimé): bold in the pane. */
  fort?: boolean;
  /** The value is a phrase, not an amount (the pane lets it wrap). */
  texte?: boolean;
}

/** The five totals of the écarts, in cents: réalisé − budget is the écart, estimation finale − budget the écart estimé. */
export interface TotauxEnCents {
  budget: Cents;
  realise: Cents;
  ecart: Cents;
  estimation: Cents;
  ecartEstime: Cents;
}

/**
 * The amounts of the écarts in brief (budget, réalisé, écart, estimation finale, écart estimé), in the words and
 * format of chiffresEcarts: the pane's « Tableau de bord » shows them as read in the Écarts sheet.
 */
export function chiffresTotauxEcarts(t: TotauxEnCents): ChiffreEcarts[] {
  return [
    { id: "budget", terme: "Budget", valeur: formatMontantFr(t.budget) },
    { id: "realise", terme: "Réalisé", valeur: formatMontantFr(t.realise), fort: true },
    { id: "ecart", terme: "Écart", valeur: formatEcartFr(t.ecart) },
    { id: "estimation", terme: "Estimation finale", valeur: formatMontantFr(t.estimation) },
    { id: "ecartEstime", terme: "Écart estimé", valeur: formatEcartFr(t.ecartEstime), fort: true },
  ];
}
