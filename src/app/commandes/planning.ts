import type { Constat } from "../../core/controles/constat";
import type { Zone } from "../../core/planning/calendrier";
import {
  appliquerPropositions,
  planifierClasseur,
  type OptionsPlanningClasseur,
  type ResultatPlanningClasseur,
} from "../../core/planning/planningClasseur";
import type { PropositionQuantite } from "../../core/planning/quantitesDevis";
import type { EtapePlanifiee } from "../../core/planning/retroplanning";
import type { WorkbookPort } from "../../core/port/workbook";
import { verifierDuree, verifierEntier } from "../arguments";

export interface OptionsPlanningPane {
  feuille?: string;
  livraison?: string;
  debut?: string;
  zone?: Zone;
  feuilleDeService?: string;
  /** Default post-production steps when the workbook has no steps sheet. */
  modele?: OptionsPlanningClasseur["modele"];
}

/** What the Planning page shows. */
export interface ApercuPlanning {
  etapes: EtapePlanifiee[];
  debut?: string;
  fin?: string;
  cheminCritique: string[];
  jalons: { nom: string; date: string }[];
  controles: Constat[];
  propositions: PropositionQuantite[];
  feuillesEcrites: string[];
}

function apercu(r: Awaited<ReturnType<typeof planifierClasseur>>): ApercuPlanning {
  return {
    etapes: r.planning?.etapes ?? [],
    debut: r.planning?.debut,
    fin: r.planning?.fin,
    cheminCritique: r.planning?.cheminCritique ?? [],
    jalons: r.planning?.jalons ?? [],
    controles: r.controles,
    propositions: r.propositions,
    feuillesEcrites: r.feuillesEcrites,
  };
}

/**
 * The planning use case, for the pane and `prodbook planning`: checks the arguments, computes the rétroplanning
 * and the plan de travail checks, and writes Rétroplanning / Plan de travail / Feuille de service when `ecrire`.
 */
export function planifier(
  wb: WorkbookPort,
  args: OptionsPlanningPane,
  ecrire: boolean,
): Promise<ResultatPlanningClasseur> {
  verifierDuree(args.modele?.dureeMinutes);
  verifierEntier(args.modele?.joursTournage, "joursTournage", 1, "jours");
  return planifierClasseur(wb, { ...args, ecrire });
}

/**
 * Planning commands: « Recalculer » reads only; « Écrire les feuilles » writes Rétroplanning / Plan de travail;
 * quantities are applied only on acceptance.
 */
export const commandesPlanning = {
  async calculerPlanning(wb: WorkbookPort, args: OptionsPlanningPane): Promise<ApercuPlanning> {
    return apercu(await planifier(wb, args, false));
  },
  async ecrireFeuillesPlanning(wb: WorkbookPort, args: OptionsPlanningPane): Promise<ApercuPlanning> {
    return apercu(await planifier(wb, args, true));
  },
  async appliquerQuantitesDevis(
    wb: WorkbookPort,
    args: { lignes: string[]; date: string },
  ): Promise<{ appliquees: PropositionQuantite[]; feuillesEcrites: string[] }> {
    return appliquerPropositions(wb, args.lignes, args.date);
  },
};
