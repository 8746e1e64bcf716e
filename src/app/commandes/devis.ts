import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { structurerDevis } from "../../core/devis/structurer";
import type { WorkbookPort } from "../../core/port/workbook";
import { ApercuDevis, apercuDevis } from "../apercu";

export interface OptionsDevis {
  /** Source sheet; omitted = the sheet that looks most like a devis. */
  feuille?: string;
  genre?: Genre;
  dureeMinutes?: number;
  typeOeuvre?: TypeOeuvre;
}

/** Devis commands: « Analyser » reads and checks without writing; « Créer la feuille Devis » writes. */
export const commandesDevis = {
  async analyserDevis(wb: WorkbookPort, args: OptionsDevis): Promise<ApercuDevis> {
    const r = await structurerDevis(wb, { ...args, ecrire: false });
    return apercuDevis(r.devis, r.constats);
  },

  async creerFeuilleDevis(wb: WorkbookPort, args: OptionsDevis): Promise<ApercuDevis & { feuillesEcrites: string[] }> {
    const r = await structurerDevis(wb, { ...args, ecrire: true });
    return { ...apercuDevis(r.devis, r.constats), feuillesEcrites: r.feuillesEcrites };
  },
};
