import { Constat, executerRegles, Regle } from "../../controles/constat";
import { creerRegistre } from "../../controles/registre";
import type { Devis } from "../model";
import type { Surcharges } from "../../regles/table";
import { chargesSocialesAbsentes } from "./chargesSocialesAbsentes";
import type { ContexteDevis } from "./contexte";
import { formuleSansResultat } from "./formuleSansResultat";
import { fraisGenerauxTaux } from "./fraisGenerauxTaux";
import { imprevusTaux } from "./imprevusTaux";
import { ligneHorsChapitre } from "./ligneHorsChapitre";
import { montantCalcul } from "./montantCalcul";
import { montantHorsLignes } from "./montantHorsLignes";
import { montantIllisible } from "./montantIllisible";
import { parametreInconnu } from "./parametreInconnu";
import { repartitionFranceEtranger } from "./repartitionFranceEtranger";
import { salaireMinimum } from "./salaireMinimum";
import { sousTotalProducteur } from "./sousTotalProducteur";
import { totalProducteur } from "./totalProducteur";

export type { ContexteDevis } from "./contexte";

/** The devis rules, in the order their findings are listed within one severity. */
export const REGLES_DEVIS: readonly Regle<ContexteDevis>[] = creerRegistre("devis", [
  montantCalcul,
  montantIllisible,
  formuleSansResultat,
  sousTotalProducteur,
  totalProducteur,
  ligneHorsChapitre,
  repartitionFranceEtranger,
  chargesSocialesAbsentes,
  fraisGenerauxTaux,
  imprevusTaux,
  salaireMinimum,
  parametreInconnu,
  montantHorsLignes,
]);

/** Runs every devis rule; `date` (ISO) selects the dated tables in force; `surcharges` come from « Paramètres ». */
export function controlerDevis(devis: Devis, date: string, surcharges?: Surcharges): Constat[] {
  return executerRegles(REGLES_DEVIS, { devis, date, surcharges });
}
