import type { Constat, Regle } from "../../controles/constat";
import { subCents } from "../../money/cents";
import type { LigneTotalProducteur } from "../model";
import { sommeLignes } from "../totaux";
import { cite, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";

/** Shared by the subtotal and total rules: the producer's row against the sum of the lines it covers. */
export function verifierTotaux(ctx: ContexteDevis, type: LigneTotalProducteur["type"], regle: string): Constat[] {
  const { devis } = ctx;
  return devis.totauxProducteur
    .filter((t) => t.type === type)
    .flatMap((t) => {
      const calcule = sommeLignes(devis.lignes, t.lignesCouvertes);
      const ecart = subCents(t.montant, calcule);
      if (Math.abs(ecart) <= TOLERANCE_CENTIMES) return [];
      const quoi = type === "total" ? "Le total" : "Le sous-total";
      const n = t.lignesCouvertes.length;
      return [
        {
          regle,
          gravite: "erreur" as const,
          message:
            `${t.cellule} : ${quoi} du producteur ${cite(t.libelle)} indique ${eur(t.montant)} mais les ${n} ligne${n > 1 ? "s" : ""} ` +
            `qu'il couvre totalisent ${eur(calcule)} (écart ${eur(ecart)}).`,
          cellule: t.cellule,
        },
      ];
    });
}

export const sousTotalProducteur: Regle<ContexteDevis> = {
  id: "sous-total-producteur",
  description: "Chaque sous-total du devis source est égal à la somme des lignes qu'il couvre.",
  verifier: (ctx) => verifierTotaux(ctx, "sous-total", "sous-total-producteur"),
};
