import Decimal from "decimal.js";
import { eurosToCents, formatEcartFr, formatMontantFr, formatPourcentFr } from "../core/money";
import { pluriel } from "../core/util/texte";
import type { ResultatRapprochementVue } from "./commandes/ecarts";

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

type Rapport = Pick<ResultatRapprochementVue, "totaux" | "chapitres" | "nonAffecte" | "seuils">;

const euros = (s: string) => formatMontantFr(eurosToCents(s));
const ecart = (s: string) => formatEcartFr(eurosToCents(s));

/**
 * The écarts in brief, the same words and numbers in the pane's Écarts page and in `prodbook ecarts`'s text (one
 * name, one meaning): budget, réalisé, écart (réalisé − budget), estimation finale, écart estimé (estimation finale −
 * budget), the class-6 accounts without poste (when there are any), and the chapters in alert with their écart estimé.
 */
export function chiffresEcarts(r: Rapport): ChiffreEcarts[] {
  const t = r.totaux;
  const enAlerte = r.chapitres.filter((c) => c.alerte);
  const sansPoste = r.nonAffecte.comptes.length;
  return [
    { id: "budget", terme: "Budget", valeur: euros(t.budget) },
    { id: "realise", terme: "Réalisé", valeur: euros(t.realise), fort: true },
    { id: "ecart", terme: "Écart", valeur: ecart(t.ecart) },
    { id: "estimation", terme: "Estimation finale", valeur: euros(t.estimation) },
    { id: "ecartEstime", terme: "Écart estimé", valeur: ecart(t.ecartEstime), fort: true },
    ...(sansPoste
      ? [
          {
            id: "sansPoste" as const,
            terme: "Sans poste",
            valeur: `${pluriel(sansPoste, "compte")}, ${euros(r.nonAffecte.total)}`,
            texte: true,
          },
        ]
      : []),
    {
      id: "enAlerte",
      terme: enAlerte.length > 1 ? "Chapitres en alerte" : "Chapitre en alerte",
      valeur: enAlerte.length
        ? enAlerte.map((c) => `${c.code} ${c.libelle} (${ecart(c.ecartEstime)})`).join(", ")
        : `aucun sur ${pluriel(r.chapitres.length, "chapitre")}`,
      texte: true,
    },
  ];
}

/**
 * When a chapter is in alert, as the Écarts sheet decides it: « écart estimé au-delà de 5,00 % du budget et de
 * 1 000,00 € » (both thresholds exceeded; they are typed in the Écarts sheet).
 */
export function seuilsEcarts(r: Pick<ResultatRapprochementVue, "seuils">): string {
  const pct = formatPourcentFr(new Decimal(r.seuils.pct).dividedBy(100));
  return `écart estimé au-delà de ${pct} du budget et de ${euros(r.seuils.montant)}`;
}
