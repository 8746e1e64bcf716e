import { sourceLigne, type Devis } from "../devis/model";
import { CHAPITRE_NON_PLACE, type LigneVersion } from "./modele";

/**
 * The lines of a structured devis as a version holds them (devis order, numbered from 1). A line the devis did not
 * place keeps chapter CHAPITRE_NON_PLACE: in the version, out of its total, as out of the devis total.
 */
export function lignesDeVersion(devis: Devis): LigneVersion[] {
  return devis.lignes.map((l, i) => {
    const out: LigneVersion = {
      numero: i + 1,
      chapitre: l.chapitre ?? CHAPITRE_NON_PLACE,
      libelle: l.libelle,
      montant: l.montant,
      cellule: sourceLigne(l, ["montant", "libelle"]),
    };
    if (l.sousChapitre !== undefined) out.sousChapitre = l.sousChapitre;
    if (l.code !== undefined) out.code = l.code;
    if (l.quantite !== undefined) out.quantite = l.quantite;
    if (l.nombre !== undefined) out.nombre = l.nombre;
    if (l.unite !== undefined) out.unite = l.unite;
    if (l.taux !== undefined) out.taux = l.taux;
    return out;
  });
}
