import type { Regle } from "../../controles/constat";
import { creerRegistre } from "../../controles/registre";
import type { ContexteFinancement } from "../contexte";
import { aidesCnc } from "./aidesCnc";
import { diffuseursFsa } from "./diffuseursFsa";
import { equilibre } from "./equilibre";
import { intensiteAidesPubliques } from "./intensiteAidesPubliques";
import { lecturePlan } from "./lecturePlan";
import { lignesMasqueesPlan } from "./lignesMasqueesPlan";
import { pourcentPlan } from "./pourcentPlan";
import { sourceNonClassee } from "./sourceNonClassee";
import { statutEnvisage } from "./statutEnvisage";
import { totalPlan } from "./totalPlan";
import { versementSansDate } from "./versementSansDate";

/** The financing rules, in the order their findings are listed (within a severity). */
export const REGLES_FINANCEMENT: readonly Regle<ContexteFinancement>[] = creerRegistre("financement", [
  equilibre,
  intensiteAidesPubliques,
  aidesCnc,
  diffuseursFsa,
  statutEnvisage,
  totalPlan,
  pourcentPlan,
  sourceNonClassee,
  lignesMasqueesPlan,
  lecturePlan,
  versementSansDate,
]);
