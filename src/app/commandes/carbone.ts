import { bilanCarbone, type OptionsBilanCarbone } from "../../core/carbone/bilanClasseur";
import { AVERTISSEMENT_HOMOLOGATION } from "../../core/carbone/colonnes";
import { tablesCarbone } from "../../core/carbone/facteurs";
import { jsonCarbone } from "../../core/carbone/json";
import type { RegleUtilisee } from "../../core/regles/utilisees";
import type { WorkbookPort } from "../../core/port/workbook";

export interface OptionsCarbone {
  /** Plan de travail sheet; omitted = the user's sheet with Date / Nom / Début / Fin headers, if any. */
  planning?: string;
  /** Devis sheet; omitted = the user's sheet that looks most like a devis. */
  feuille?: string;
  /** ISO date for the factor table; today by default. */
  date?: string;
}

/**
 * What the pane and the CLI get from one run: the public figures (`bilan`, the JSON of `prodbook carbone`), the
 * export as French CSV, how many corrections were kept, and whether the réalisé came from « Écarts ».
 */
export interface ResultatCarbone {
  bilan: ReturnType<typeof jsonCarbone>;
  csv: string;
  corrections: number;
  ecarts: boolean;
  /** Devis sheet read. */
  feuilleDevis: string;
  avertissement: string;
  /** The rule-table versions used (emission factors). */
  tables: RegleUtilisee[];
}

/** The one door to the bilan carbone, for the pane and the CLI. */
export async function executerBilanCarbone(
  wb: WorkbookPort,
  args: OptionsCarbone & Pick<OptionsBilanCarbone, "ecrire">,
): Promise<ResultatCarbone> {
  const r = await bilanCarbone(wb, args);
  return {
    bilan: jsonCarbone(r),
    csv: r.csv,
    corrections: r.corrections,
    ecarts: r.ecarts,
    feuilleDevis: r.devis.feuille,
    avertissement: AVERTISSEMENT_HOMOLOGATION,
    tables: tablesCarbone(r.jeu),
  };
}

/** Carbone commands: « Estimer » reads only; « Écrire les feuilles » writes « Bilan carbone » and « Export carbone ». */
export const commandesCarbone = {
  async estimerCarbone(wb: WorkbookPort, args: OptionsCarbone): Promise<ResultatCarbone> {
    return executerBilanCarbone(wb, { ...args, ecrire: false });
  },
  async ecrireBilanCarbone(wb: WorkbookPort, args: OptionsCarbone): Promise<ResultatCarbone> {
    return executerBilanCarbone(wb, { ...args, ecrire: true });
  },
};
