import type { ValeursSmic } from "../../charges/smic";
import { sourceLigne, type ColonneAnnexe, type Devis, type LigneDevis } from "../model";
import { formatMontantFr } from "../../money/format";
import type { Cents } from "../../money/cents";
import type { Surcharges, TableRegles } from "../../regles/table";

/** What the devis rules look at. */
export interface ContexteDevis {
  devis: Devis;
  /** ISO date at which dated tables are read (the CLI and the pane pass today's date). */
  date: string;
  /** Overrides from the workbook's « Paramètres » sheet (keys under "devis."; see docs/devis.md). */
  surcharges?: Surcharges;
  /**
   * The producer declares the film under annexe III of IDCC 3097 (films under a budget limit admitted by the joint
   * commission): salaire-minimum then checks its reduced minima when the devis stays under the cap. Never assumed.
   */
  annexe3097?: boolean;
  /** The SMIC table the acteurs de complément are compared to (the dated one by default; tests give another). */
  tableSmic?: TableRegles<ValeursSmic>;
}

/** Override keys the devis rules read. */
export const CLE_ACCORD = (genre: string, cle: "frais-generaux" | "imprevus") =>
  `devis.accord-transparence.${genre}.${cle}`;
export const CLE_MINIMUM = (fonction: string) => `devis.salaire-minimum.${fonction}`;

/** Rounding differences up to one cent are not findings. */
export const TOLERANCE_CENTIMES = 1;

export function celluleMontant(l: LigneDevis): string {
  return sourceLigne(l, ["montant", "libelle"]);
}

export function eur(c: Cents): string {
  return formatMontantFr(c);
}

/** What places a line in its chapter, in words: « son code « 07.3 » », « son libellé », « sa colonne « Chapitre » ». */
export function rattachement(l: LigneDevis): string {
  return l.placement === "code" && l.code
    ? `son code « ${l.code} »`
    : l.placement === "mot-cle"
      ? "son libellé"
      : "sa colonne « Chapitre »";
}

/** « libellé » shortened for messages. */
export function cite(s: string): string {
  const t = s.length > 60 ? s.slice(0, 57) + "…" : s;
  return `« ${t} »`;
}

/**
 * What becomes of a line when a cell read beside its amount (dont France, dont étranger, charges) is not read: the
 * line counted with its own amount (`compte`) without that part or those charges, or not counted at all.
 */
export function suiteAnnexe(colonne: ColonneAnnexe, compte: Cents | undefined): string {
  if (colonne === "montantCharges")
    return compte !== undefined
      ? `ces charges ne sont pas comptées (la ligne l'est, avec son montant lu, ${eur(compte)})`
      : "ces charges ne sont pas comptées";
  const part = colonne === "montantFrance" ? "dont France" : "dont étranger";
  return compte !== undefined
    ? `la ligne est comptée avec son montant lu, ${eur(compte)}, sans ce ${part}`
    : "la ligne n'est pas comptée";
}

/**
 * A line's amount cell that no chapter holds (devis.nonPlaces): read, but out of the devis's total. A finding about that
 * line says so instead of « comptée », pointing to the finding « Montant hors chapitre » that says what to do.
 */
export function horsChapitre(devis: Devis, cellule: string): boolean {
  return devis.nonPlaces.some((np) => np.cellule === cellule);
}

/** The end of a finding on a line out of every chapter: where its amount went, and where the remedy is said. */
export const SUITE_HORS_CHAPITRE =
  "la ligne n'est rattachée à aucun chapitre : ce montant n'est pas compté dans le total du devis (il figure parmi " +
  "les montants non placés, voir le contrôle « Montant hors chapitre »)";
