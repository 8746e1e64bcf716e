import type { Constat } from "../core/controles/constat";
import type { PlanDeTravail } from "../core/planning/planDeTravail";
import { constatsDoublons } from "../core/planning/doublonsPlan";
import { constatsTotauxPlan } from "../core/planning/totauxPlan";

/**
 * The findings on how a plan de travail was read that every command reading it says, in its `controles` (JSON and
 * text): the rows repeating another exactly, counted once (« ligne-en-double »), and the producer's TOTAL rows proven
 * and set aside (« total-plan-de-travail »). `prodbook planning` says them among its working-time findings (core
 * analyserTempsDeTravail, the same constatsDoublons and constatsTotauxPlan); `carbone` and `credit-impot`, which read
 * the plan for its days, through this one function. Empty without a plan read.
 */
export function constatsPlanDeTravailLu(plan: PlanDeTravail | undefined): Constat[] {
  return plan ? [...constatsDoublons(plan), ...constatsTotauxPlan(plan)] : [];
}
