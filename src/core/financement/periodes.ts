import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { lireDate } from "./dates";
import type { PeriodeDepense } from "./echeancier";

const DEBUT = /^(debut|date de debut|du|start|date debut|commence le)$/;
const FIN = /^(fin|date de fin|au|end|date fin|termine le|finish)$/;
const NOM = /^(etape|etapes|phase|phases|tache|taches|nom|activite|step|task|libelle|designation)$/;

/**
 * Spending periods from a planning sheet (the retroplanning Prodbook writes, or the producer's own): a header row
 * with « Début » and « Fin » columns, one step per row. Milestones (début = fin with no name) are kept: they weigh
 * one day. Returns [] when the sheet has no such header.
 */
export function lirePeriodes(sheet: SheetData): PeriodeDepense[] {
  for (let r = 0; r < Math.min(sheet.rows.length, 30); r++) {
    const row = sheet.rows[r];
    const idx = (re: RegExp) =>
      row.findIndex((c) => typeof c.v === "string" && re.test(normaliser(c.v).replace(/[:*]$/, "")));
    const cd = idx(DEBUT);
    const cf = idx(FIN);
    if (cd < 0 || cf < 0) continue;
    const cn = idx(NOM);
    const out: PeriodeDepense[] = [];
    for (let k = r + 1; k < sheet.rows.length; k++) {
      const l = sheet.rows[k];
      const debut = lireDate(l[cd]);
      const fin = lireDate(l[cf]);
      if (!debut || !fin) continue;
      const nom = cn >= 0 && typeof l[cn]?.v === "string" ? (l[cn].v as string) : undefined;
      out.push(debut <= fin ? { nom, debut, fin } : { nom, debut: fin, fin: debut });
    }
    return out;
  }
  return [];
}

/** A sheet name that announces a planning (« Planning », « Rétroplanning », « Calendrier »…). */
export function estNomPlanning(nom: string): boolean {
  return /planning|calendrier|chronologie/.test(normaliser(nom));
}

/** The planning sheet among the workbook's: named like one, with Début / Fin columns. */
export function trouverFeuillePlanning(sheets: SheetData[]): SheetData | undefined {
  return sheets.find((s) => estNomPlanning(s.name) && lirePeriodes(s).length > 0);
}
