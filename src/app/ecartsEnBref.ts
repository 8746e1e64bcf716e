import Decimal from "decimal.js";
import { eurosToCents, formatEcartFr, formatMontantFr, formatPourcentFr } from "../core/money";
import { pluriel } from "../core/util/texte";
import type { ResultatRapprochementVue } from "./commandes/ecarts";
import { chiffresTotauxEcarts, type ChiffreEcarts } from "./ecartsTotaux";

export type { ChiffreEcarts } from "./ecartsTotaux";

type Rapport = Pick<ResultatRapprochementVue, "totaux" | "chapitres" | "nonAffecte" | "seuils">;

const euros = (s: string) => formatMontantFr(eurosToCents(s));
const ecart = (s: string) => formatEcartFr(eurosToCents(s));

/**
 * The écarts in brief, the same words and numbers in the pane's Écarts page and in `prodbook ecarts`'s text (one
 * name, one meaning): budget, réalisé, écart (réalisé − budget), estimation finale, écart estimé (estimation finale −
 * budget), the class-6 accounts without poste (when there are any), and the chapters in alert with their écart estimé.
 * The pane's « Tableau de bord » shows the first five (chiffresTotauxEcarts).
 */
export function chiffresEcarts(r: Rapport): ChiffreEcarts[] {
  const t = r.totaux;
  const enAlerte = r.chapitres.filter((c) => c.alerte);
  const sansPoste = r.nonAffecte.comptes.length;
  return [
    ...chiffresTotauxEcarts({
      budget: eurosToCents(t.budget),
      realise: eurosToCents(t.realise),
      ecart: eurosToCents(t.ecart),
      estimation: eurosToCents(t.estimation),
      ecartEstime: eurosToCents(t.ecartEstime),
    }),
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
