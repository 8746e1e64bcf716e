/**
 * Every command's handler, by name. Each domain exports its handlers from ./<domaine>.ts —
 * `(wb: WorkbookPort, args) => Promise<result>` — and adds one spread line here. The catalogue (../catalogue.ts)
 * loads this module on the first command (import()), so the pane's first load carries none of the use cases.
 */
import { commandesCarbone } from "./carbone";
import { commandesClasseur } from "./classeur";
import { commandesCreditImpot } from "./creditImpot";
import { commandesDevis } from "./devis";
import { commandesEcarts } from "./ecarts";
import { commandesFinancement } from "./financement";
import { commandesPlanning } from "./planning";
import { commandesRegles } from "./regles";
import { commandesVersions } from "./versions";
import { commandesProduction } from "./production";
import { commandesTableauDeBord } from "./tableauDeBord";

export const HANDLERS = {
  ...commandesCarbone,
  ...commandesClasseur,
  ...commandesCreditImpot,
  ...commandesDevis,
  ...commandesEcarts,
  ...commandesFinancement,
  ...commandesPlanning,
  ...commandesRegles,
  ...commandesVersions,
  ...commandesProduction,
  ...commandesTableauDeBord,
};
