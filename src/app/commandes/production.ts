import {
  CLE_CONTEXTE_PRODUCTION,
  contexteInitial,
  detecterContexte,
  ecrireContexte,
  lireContexte,
  type ContexteDetecte,
  type ContexteProduction,
} from "../../core/production/contexte";
import { lireFeuilles, type WorkbookPort } from "../../core/port/workbook";
import { estFeuilleParametres } from "../../core/regles/parametres";
import { commandesClasseur } from "./classeur";
import type { OrigineDuree } from "../../core/devis/model";
import { dureeDe, origineDureeDe } from "../contexte";
import type { DureeEcrite } from "../durees";

export { nommerDurees, texteDureesAmbigues, type DureeEcrite } from "../durees";

export interface ProductionLue {
  /** What the pages start from: the saved context, completed by what was detected. */
  contexte: ContexteProduction;
  /** As saved in the workbook (empty the first time). */
  enregistre: ContexteProduction;
  detecte: ContexteDetecte;
  /** The user's sheets (Prodbook's own apart), in workbook order. */
  feuilles: string[];
  /** False where the workbook cannot keep settings (outside Office): the context then lives for the session. */
  enregistrable: boolean;
}

/** A duration with where it comes from, as the use cases take it. */
export interface DureeLue {
  dureeMinutes: number;
  origineDuree: OrigineDuree;
}

/** Several different durations written in the workbook: none taken, each named with its cell. */
export interface DureesAmbigues {
  dureesAmbigues: DureeEcrite[];
}

/**
 * The duration written in the workbook (« Documentaire 52' » above the devis header), for a use case given none (the
 * CLI without --duree): detected as the pane's production context detects it (`detecterContexte`), in the sheet named,
 * else in the user's sheet that looks most like a devis, with its cell (« durée lue dans le classeur »). None when
 * the workbook writes none, or two different ones (never one picked among them).
 */
export async function dureeDuClasseur(
  wb: WorkbookPort,
  feuille?: string,
): Promise<DureeLue | DureesAmbigues | undefined> {
  const { feuilles } = await commandesClasseur.listerFeuilles(wb, {});
  const nom = feuille && feuilles.find((f) => f.toLowerCase() === feuille.toLowerCase());
  // A sheet named that is not there: the use case says so, with its own message.
  if (feuille && !nom) return undefined;
  const detecte = detecterContexte(
    await lireFeuilles(wb, nom ? [nom] : feuilles.filter((f) => !estFeuilleParametres(f))),
  );
  if (detecte.dureesAmbigues)
    return { dureesAmbigues: detecte.dureesAmbigues.map((d) => ({ minutes: d.duree, cellule: d.cellule })) };
  const c: ContexteProduction = { duree: detecte.valeurs.duree };
  const origine = origineDureeDe(c, detecte);
  const minutes = origine?.cellule ? dureeDe(c) : undefined;
  return origine && minutes !== undefined ? { dureeMinutes: minutes, origineDuree: origine } : undefined;
}

/**
 * The options of a use case asked to take the workbook's duration when none is given (`dureeDuClasseur`, the CLI):
 * the duration detected and its cell added; a duration given wins (its origin unchanged).
 */
export async function avecDureeDuClasseur<T extends { dureeMinutes?: number; dureeDuClasseur?: boolean }>(
  wb: WorkbookPort,
  a: T,
  feuille?: string,
): Promise<T & { origineDuree?: OrigineDuree; dureesAmbigues?: DureeEcrite[] }> {
  if (!a.dureeDuClasseur || a.dureeMinutes !== undefined) return a;
  const lue = await dureeDuClasseur(wb, feuille);
  return lue ? { ...a, ...lue } : a;
}

/** The production context shared by the pane's pages, saved in the workbook's document settings. */
export const commandesProduction = {
  async lireProduction(wb: WorkbookPort, _args: Record<string, never>): Promise<ProductionLue> {
    const { feuilles } = await commandesClasseur.listerFeuilles(wb, {});
    // The banner names the other devis sheets beside the one detected (`autresFeuilles`).
    const detecte = detecterContexte(
      await lireFeuilles(
        wb,
        feuilles.filter((f) => !estFeuilleParametres(f)),
      ),
      { autresFeuilles: true },
    );
    const enregistre = lireContexte(wb.lireReglage ? await wb.lireReglage(CLE_CONTEXTE_PRODUCTION) : undefined);
    // A sheet renamed or deleted since: back to detection rather than a page that fails on its first click.
    const existe = (n: string) => feuilles.some((f) => f.toLowerCase() === n.toLowerCase());
    if (enregistre.feuilleDevis && !existe(enregistre.feuilleDevis)) delete enregistre.feuilleDevis;
    if (enregistre.feuilleFinancement && !existe(enregistre.feuilleFinancement)) delete enregistre.feuilleFinancement;
    return {
      contexte: contexteInitial(enregistre, detecte),
      enregistre,
      detecte,
      feuilles,
      enregistrable: Boolean(wb.ecrireReglage),
    };
  },

  async enregistrerProduction(
    wb: WorkbookPort,
    args: { contexte: ContexteProduction },
  ): Promise<{ enregistre: boolean }> {
    if (!wb.ecrireReglage) return { enregistre: false };
    await wb.ecrireReglage(CLE_CONTEXTE_PRODUCTION, ecrireContexte(args.contexte));
    return { enregistre: true };
  },
};
