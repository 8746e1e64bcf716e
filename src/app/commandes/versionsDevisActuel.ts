import { aujourdhui, structurerDevis } from "../../core/devis/structurer";
import { lignesDeVersion } from "../../core/versions/depuisDevis";
import { constatsFeuilleLue } from "../../core/devis/regles/feuilleLue";
import { constatsLignesMasquees } from "../../core/devis/regles/lignesMasquees";
import { constatsMontantsNonLus } from "../../core/devis/regles/montantsNonLus";
import { constatsTotauxNonProuves } from "../../core/devis/regles/totalNonProuve";
import type { WorkbookPort } from "../../core/port/workbook";
import type { LigneVersion } from "../../core/versions/modele";
import type { Constat } from "../../core/controles/constat";

export { aujourdhui };

/**
 * The current devis as a version's lines, with the findings on what was read (its sheet found hidden, lines on hidden
 * rows, amounts not read — #REF!, « 12.500 » — left out of the version, « TOTAL » rows no arithmetic proves counted in
 * it as lines), as `devis` says them. Apart from versions.ts, which loads it only when the current devis is read: comparing
 * two saved versions (`versions comparer … -o`) then does not load the devis reader and the rule tables (80 modules).
 */
export async function lireDevisActuel(
  wb: WorkbookPort,
  feuille: string | undefined,
): Promise<{ lignes: LigneVersion[]; controles: Constat[]; feuille: string }> {
  const { devis } = await structurerDevis(wb, { feuille, ecrire: false, controler: false });
  return {
    lignes: lignesDeVersion(devis),
    controles: [
      ...constatsFeuilleLue(devis),
      ...constatsLignesMasquees(devis),
      ...constatsMontantsNonLus(devis, "le devis actuel est compté"),
      ...constatsTotauxNonProuves(devis),
    ],
    feuille: devis.feuille,
  };
}
