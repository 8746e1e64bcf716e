import type { Constat } from "../core/controles/constat";
import type { PlanDeTravail } from "../core/planning/planDeTravail";
import { constatsTotauxPlan } from "../core/planning/totauxPlan";

/**
 * The findings on how a plan de travail was read that every command reading it says, in its `controles` (JSON and
 * text): the producer's TOTAL rows proven and set aside (« total-plan-de-travail »). `prodbook planning` says them
 * among its working-time findings (core analyserTempsDeTravail, the same constatsTotauxPlan); `carbone` and
 * `credit-impot`, which read the plan for its days, through this one function. Empty without a plan read.
 */
export function constatsPlanDeTravailLu(plan: PlanDeTravail | undefined): Constat[] {
  return plan ? constatsTotauxPlan(plan) : [];
}
