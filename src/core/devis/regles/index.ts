import { Constat, executerRegles, Regle } from "../../controles/constat";
import { creerRegistre } from "../../controles/registre";
import type { Devis } from "../model";
import { type Surcharges, versionEnVigueur } from "../../regles/table";
import { regleUtilisee, type RegleUtilisee } from "../../regles/utilisees";
import { TABLE_ACCORD_TRANSPARENCE, TABLE_ANNEXE3_3097, TABLE_FRAIS_CINEMA } from "./donnees";
import { regimeAnnexe3 } from "./annexe3";
import { chapitreDeduitAnglais } from "./chapitreDeduitAnglais";
import { chargesSocialesAbsentes } from "./chargesSocialesAbsentes";
import { colonnesLues } from "./colonnesLues";
import { feuilleLue } from "./feuilleLue";
import type { ContexteDevis } from "./contexte";
import { formuleSansResultat } from "./formuleSansResultat";
import { fraisCinemaConcernes, fraisCinemaTaux } from "./fraisCinemaTaux";
import { fraisGenerauxTaux } from "./fraisGenerauxTaux";
import { htTvaTtc } from "./htTvaTtc";
import { imprevusTaux } from "./imprevusTaux";
import { ligneHorsChapitre } from "./ligneHorsChapitre";
import { ligneSommeLignes } from "./ligneSommeLignes";
import { ligneSousTotal } from "./ligneSousTotal";
import { lignesMasquees } from "./lignesMasquees";
import { montantCalcul } from "./montantCalcul";
import { montantHorsLignes } from "./montantHorsLignes";
import { montantIllisible } from "./montantIllisible";
import { montantAmbigu } from "./montantAmbigu";
import { nouvelEntete } from "./nouvelEntete";
import { montantSousCentime } from "./montantSousCentime";
import { montantTaxeEcrite } from "./montantTaxeEcrite";
import { montantTarif } from "./montantTarif";
import { montantDevise } from "./montantDevise";
import { montantPourcentage } from "./montantPourcentage";
import { parametreInconnu } from "./parametreInconnu";
import { quantiteTexte } from "./quantiteTexte";
import { remisePositive } from "./remisePositive";
import { repartitionFranceEtranger } from "./repartitionFranceEtranger";
import { territoireAmbigu, territoireHorsBornes, territoireIllisible } from "./territoire";
import {
  grilleMinima,
  grilleMinimaInconnue,
  salaireMinimum,
  versionArtistesVerifiee,
  versionSmicVerifiee,
} from "./salaireMinimum";
import { TABLE_SMIC } from "../../charges/smic";
import { regleNomenclature } from "../nomenclature";
import { sousTotalProducteur } from "./sousTotalProducteur";
import { totalNonProuve } from "./totalNonProuve";
import { totalPartiel } from "./totalPartiel";
import { totalProducteur } from "./totalProducteur";
import { uniteMilliers } from "./uniteMilliers";

export type { ContexteDevis } from "./contexte";

/** The devis rules, in the order their findings are listed within one severity. */
export const REGLES_DEVIS: readonly Regle<ContexteDevis>[] = creerRegistre("devis", [
  montantCalcul,
  quantiteTexte,
  montantIllisible,
  montantTarif,
  montantAmbigu,
  montantSousCentime,
  montantTaxeEcrite,
  montantDevise,
  uniteMilliers,
  montantPourcentage,
  remisePositive,
  formuleSansResultat,
  sousTotalProducteur,
  totalProducteur,
  totalNonProuve,
  totalPartiel,
  ligneSommeLignes,
  lignesMasquees,
  ligneHorsChapitre,
  ligneSousTotal,
  chapitreDeduitAnglais,
  repartitionFranceEtranger,
  territoireHorsBornes,
  territoireAmbigu,
  territoireIllisible,
  htTvaTtc,
  chargesSocialesAbsentes,
  fraisGenerauxTaux,
  imprevusTaux,
  fraisCinemaTaux,
  salaireMinimum,
  grilleMinimaInconnue,
  parametreInconnu,
  montantHorsLignes,
  colonnesLues,
  nouvelEntete,
  feuilleLue,
]);

/**
 * Runs every devis rule; `date` (ISO) selects the dated tables in force; `surcharges` come from « Paramètres »;
 * `annexe3097`: the producer declares the film under annexe III of IDCC 3097 (reduced minima).
 */
export function controlerDevis(devis: Devis, date: string, surcharges?: Surcharges, annexe3097?: boolean): Constat[] {
  return executerRegles(REGLES_DEVIS, { devis, date, surcharges, ...(annexe3097 ? { annexe3097 } : {}) });
}

/**
 * The rule-table versions the devis checks read on `date`: the minimum-pay grid of the work (IDCC 3097 cinema,
 * 2642 otherwise), the annexe III version when the film is declared under it (its cap was read, applied or not) and,
 * for an audiovisual work of known genre, the accord transparence rates; for a cinema devis with frais généraux or
 * imprévus, their admitted rates; last, the CNC nomenclature the devis was structured with (chapters, keywords, titles:
 * its one version, read whatever the date).
 */
export function tablesDevis(devis: Devis, date: string, annexe3097?: boolean): RegleUtilisee[] {
  const out: RegleUtilisee[] = [];
  const g = grilleMinima(devis, date);
  if (g) out.push(regleUtilisee(g.table.id, g.version));
  const a3 = annexe3097 && g ? regimeAnnexe3(devis, date).version : undefined;
  if (a3) out.push(regleUtilisee(TABLE_ANNEXE3_3097.id, a3));
  const artistes = versionArtistesVerifiee(devis, date);
  if (artistes) out.push(regleUtilisee("idcc3097-artistes-minima", artistes));
  const smic = versionSmicVerifiee(devis, date);
  if (smic) out.push(regleUtilisee(TABLE_SMIC.id, smic));
  const accord = devis.genre && devis.typeOeuvre !== "cinema" && versionEnVigueur(TABLE_ACCORD_TRANSPARENCE, date);
  if (accord) out.push(regleUtilisee(TABLE_ACCORD_TRANSPARENCE.id, accord));
  const frais = fraisCinemaConcernes({ devis }) && versionEnVigueur(TABLE_FRAIS_CINEMA, date);
  if (frais) out.push(regleUtilisee(TABLE_FRAIS_CINEMA.id, frais));
  out.push(regleNomenclature());
  return out;
}
