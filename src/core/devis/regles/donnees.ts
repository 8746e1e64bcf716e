import Decimal from "decimal.js";
import brutAccord from "../../regles/data/accord-transparence.json";
import brutMinima from "../../regles/data/idcc2642-minima.json";
import brutMinima3097 from "../../regles/data/idcc3097-minima.json";
import brutAnnexe3 from "../../regles/data/idcc3097-annexe3.json";
import brutFraisCinema from "../../regles/data/devis-frais-cinema.json";
import { Confiance, TableRegles, validerTable } from "../../regles/table";
import type { Cents } from "../../money/cents";
import type { Genre } from "../model";
import { normaliser } from "../../util/texte";

export interface TauxAccord {
  fraisGeneraux: string;
  imprevus: string;
  fraisFinanciers: string;
  /** This genre's row read in the text (H) or not; absent: the version's confidence. */
  confiance?: Confiance;
  /** The row as the text states it, for a row at H. */
  extrait?: string;
  source?: { titre: string; url: string };
}

export type ValeursAccord = Record<Genre, TauxAccord>;

/** « grille »: the minimum in force; « plancher »: an older or lower minimum, the real one is higher. */
export type StatutMinimum = "grille" | "plancher";

export interface FonctionMinimum {
  id: string;
  libelle: string;
  /** Daily gross minimum in cents: IDCC 2642 grids. */
  journalier?: Cents;
  /** Weekly gross minimum in cents: IDCC 3097 grids. */
  hebdomadaire?: Cents;
  /** Per function when the grid mixes both (IDCC 3097); else the genre's statut applies. */
  statut?: StatutMinimum;
  confiance?: Confiance;
  motifs: string[];
}

/** How a grid applies to one genre (IDCC 2642: fiction has its own, higher grid since 1 July 2024). */
export interface PorteeGenre {
  statut: StatutMinimum;
  motif?: string;
}

export interface ValeursMinima {
  convention: string;
  categorie: string;
  baseHeures: number;
  fonctions: FonctionMinimum[];
  /** IDCC 2642: by genre, plus "inconnu" when the devis does not say. */
  genres?: Record<string, PorteeGenre>;
  /** IDCC 3097: daily minimum = weekly × this fraction. */
  journeeSurSemaine?: string;
}

export const TABLE_ACCORD_TRANSPARENCE: TableRegles<ValeursAccord> = validerTable<ValeursAccord>(
  brutAccord,
  "accord-transparence.json",
);
export const TABLE_MINIMA_2642: TableRegles<ValeursMinima> = validerTable<ValeursMinima>(
  brutMinima,
  "idcc2642-minima.json",
);

export const TABLE_MINIMA_3097: TableRegles<ValeursMinima> = validerTable<ValeursMinima>(
  brutMinima3097,
  "idcc3097-minima.json",
);

/** Feminine and inclusive forms back to the masculine the grid is written in: « Cheffe monteuse » → « chef monteur ». */
export function masculiniser(libelle: string): string {
  return normaliser(libelle)
    .replace(/(\w)\s*[(·./-](e|se|euse|trice|rice|ice|ne|le)\)?(?=\s|$|[),;:])/g, "$1")
    .replace(/\bcheffe\b/g, "chef")
    .replace(/\b1(ere|re)\b/g, "1er")
    .replace(/\bpremiere\b/g, "premier")
    .replace(/(\w{2,})euses?\b/g, "$1eur")
    .replace(/(\w{2,})trices?\b/g, "$1teur")
    .replace(/\b(chargee|ingenieure|assistante|generale)s?\b/g, (w) => w.replace(/es?$/, ""))
    .replace(/\b(\w{3,}eur)s\b/g, "$1")
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The grid function named in a line label, or undefined when none is recognised. */
export function fonctionDuLibelle(libelle: string, valeurs: ValeursMinima): FonctionMinimum | undefined {
  const s = ` ${masculiniser(libelle)} `;
  for (const f of valeurs.fonctions) {
    for (const m of f.motifs) {
      const i = s.indexOf(` ${m} `);
      // "Assistant monteur", "aide opérateur": another function (with its own, lower minimum), not in the grid.
      if (i >= 0 && !/ (assistant|aide|stagiaire|2e assistant|second assistant)$/.test(s.slice(0, i))) return f;
    }
  }
  return undefined;
}

export function decimal(s: string): Decimal {
  return new Decimal(s);
}

/** IDCC 3097 annexe III (films under a budget limit): minimum = socle + partAuDela × (annexe I minimum − socle). */
export interface ValeursAnnexe3 {
  /** Weekly socle in cents. */
  socle: Cents;
  /** Decimal fraction (« 0.37 »). */
  partAuDela: string;
  /** Budget caps in cents, by genre. */
  budgetMaxFiction: Cents;
  budgetMaxDocumentaire: Cents;
}

export const TABLE_ANNEXE3_3097: TableRegles<ValeursAnnexe3> = validerTable<ValeursAnnexe3>(
  brutAnnexe3,
  "idcc3097-annexe3.json",
);

/** A rate admitted in a cinema devis (decimal string) and, when it differs from the version's, its own confidence. */
export interface TauxAdmis {
  taux: string;
  confiance?: Confiance;
}

/** Cinema: frais généraux and imprévus admitted, as parts of the devis hors frais généraux et imprévus. */
export interface ValeursFraisCinema {
  fraisGeneraux: TauxAdmis;
  imprevus: TauxAdmis;
}

export const TABLE_FRAIS_CINEMA: TableRegles<ValeursFraisCinema> = validerTable<ValeursFraisCinema>(
  brutFraisCinema,
  "devis-frais-cinema.json",
);
