import type { Constat, Regle } from "../../controles/constat";
import { sumCents } from "../../money/cents";
import type { LigneDevis } from "../model";
import { libelleChapitre } from "../nomenclature";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

const CONSEIL =
  "s'il n'est pas le bon, indiquez le chapitre dans une colonne « Chapitre » ou par un titre de chapitre en français.";

/**
 * A line placed by an English account name (a Movie Magic topsheet's « DIRECTION », « TRAVEL & LIVING »), or under a
 * section titled so, with no trusted code: the chapter is Prodbook's deduction, named with its cell for the producer to
 * check. One finding per line placed by its own label, one per section title (with its lines' cells).
 */
export const chapitreDeduitAnglais: Regle<ContexteDevis> = {
  id: "chapitre-deduit-anglais",
  description:
    "Une ligne sans code fiable, libellée comme un compte de budget anglais (« DIRECTION », « TRAVEL & LIVING ») ou " +
    "placée sous un titre de section qui en est un, est placée dans le chapitre CNC que ce nom désigne ; ce chapitre " +
    "est une déduction, à vérifier.",
  verifier({ devis }) {
    const constats: Constat[] = [];
    const parTitre = new Map<string, LigneDevis[]>();
    for (const l of devis.lignes) {
      if (!l.chapitre) continue;
      const ch = l.chapitre;
      if (l.chapitreDeduit === "libelle-anglais") {
        const cellule = celluleMontant(l);
        constats.push({
          regle: "chapitre-deduit-anglais",
          gravite: "alerte",
          message:
            `${cellule} ${cite(l.libelle)} (${eur(l.montant)}) : chapitre ${ch} « ${libelleChapitre(ch)} » déduit du ` +
            `libellé anglais, à vérifier ; ${CONSEIL}`,
          cellule,
        });
      } else if (l.chapitreDeduit === "titre-anglais" && l.titreAnglais) {
        const liste = parTitre.get(l.titreAnglais.cellule) ?? [];
        liste.push(l);
        parTitre.set(l.titreAnglais.cellule, liste);
      }
    }
    for (const [cellule, lignes] of parTitre) {
      const t = lignes[0].titreAnglais as NonNullable<LigneDevis["titreAnglais"]>;
      const ch = lignes[0].chapitre as NonNullable<LigneDevis["chapitre"]>;
      const n = lignes.length;
      const cellules = lignes.slice(0, 6).map(celluleMontant).join(", ") + (n > 6 ? "…" : "");
      constats.push({
        regle: "chapitre-deduit-anglais",
        gravite: "alerte",
        message:
          `${cellule} ${cite(t.titre)} : chapitre ${ch} « ${libelleChapitre(ch)} » déduit du titre anglais, à vérifier ; ` +
          `${n > 1 ? `les ${n} lignes placées` : "la ligne placée"} sous ce titre (${eur(sumCents(lignes.map((l) => l.montant)))}) : ` +
          `${cellules} ; ${CONSEIL}`,
        cellule,
      });
    }
    return constats;
  },
};
