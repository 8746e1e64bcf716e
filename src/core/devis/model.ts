import type { Cents } from "../money/cents";

/** CNC chapters "1".."9", then the block below the total. */
export type CodeChapitre = "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "FG" | "IMP" | "FF" | "PROD";

export const CHAPITRES_HORS_TOTAL: readonly CodeChapitre[] = ["FG", "IMP", "FF", "PROD"];

export type CategorieLigne =
  | "salaire-technicien"
  | "salaire-artiste"
  | "salaire-auteur"
  | "salaire-permanent"
  | "charges-sociales"
  | "prestation"
  | "achat"
  | "forfait";

export type Genre = "fiction" | "documentaire" | "animation" | "spectacle";
export type TypeOeuvre = "audiovisuel" | "cinema";
export type EligibiliteCI = "oui" | "non" | "auto";

/** Where each value of a line was read: "Feuille!F12". */
export interface SourceLigne {
  feuille: string;
  /** 1-based Excel row. */
  ligne: number;
  cellules: Partial<
    Record<
      "code" | "libelle" | "quantite" | "nombre" | "unite" | "taux" | "montant" | "territoire" | "eligibleCI",
      string
    >
  >;
}

export interface LigneDevis {
  /** Stable within one import: "<feuille>!<ligne>". */
  id: string;
  code?: string;
  libelle: string;
  /** Decimal strings (dot), exact as read. */
  quantite?: string;
  nombre?: string;
  unite?: string;
  /** Unit rate in euros as a decimal string (may carry more than two decimals). */
  taux?: string;
  montant: Cents;
  /** Was the amount a formula in the producer's sheet (value = its cached result)? */
  montantFormule?: boolean;
  /** The amount cell was empty: the amount was computed (quantité × nombre × taux, or % × coût hors frais). */
  montantCalcule?: boolean;
  /** Below-the-total lines given as a share ("Imprévus 7 %"): decimal fraction "0.07" of the coût hors frais. */
  pourcentage?: string;
  chapitre?: CodeChapitre;
  /** Two-digit sub-chapter when known ("23"). */
  sousChapitre?: string;
  /** How the chapter was found. */
  placement?: "code" | "section" | "mot-cle";
  categorie?: CategorieLigne;
  /** Employer charge rate as a decimal fraction ("0.62"). */
  tauxCharges?: string;
  /** Share spent in France, decimal fraction "0".."1"; undefined = not said (France by default). */
  partFrance?: string;
  /** CNC forms: the producer's split of the amount ("dont France", "dont étranger"), as read. */
  repartition?: { france?: Cents; etranger?: Cents };
  eligibleCI: EligibiliteCI;
  source: SourceLigne;
}

export interface TotalChapitre {
  code: CodeChapitre;
  libelle: string;
  total: Cents;
  lignes: number;
}

/** A row of the producer's sheet that was read and recognised as a subtotal / total. */
export interface LigneTotalProducteur {
  type: "sous-total" | "total";
  libelle: string;
  montant: Cents;
  cellule: string;
  /** The chapter a subtotal closes, when known. */
  chapitre?: CodeChapitre;
  /** Lines (ids) that the subtotal covers, in the producer's layout. */
  lignesCouvertes: string[];
}

export interface MontantNonPlace {
  cellule: string;
  montant: Cents;
  libelle: string;
  ligne: number;
}

export interface MontantIllisible {
  cellule: string;
  /** What the cell shows ("#REF!", "à définir"). */
  texte: string;
  libelle: string;
  erreurExcel: boolean;
  /** A formula saved without its result (file written by a tool that does not calculate). */
  formuleSansValeur?: boolean;
}

export interface Devis {
  feuille: string;
  typeOeuvre?: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  lignes: LigneDevis[];
  /** Chapters 1..9 then FG, IMP, FF, PROD (only those with lines or a total). */
  chapitres: TotalChapitre[];
  /** Σ of all placed lines (chapters 1..9 and the block below). */
  total: Cents;
  /** Σ of chapters 1..9 only (coût hors FG/imprévus/FF/producteur). */
  totalHorsFrais: Cents;
  coutMinute?: Cents;
  nonPlaces: MontantNonPlace[];
  /** Amount cells that could not be read (Excel error, text that is not an amount): listed, never dropped. */
  illisibles?: MontantIllisible[];
  /** The producer's subtotal / total rows saved as a formula without its result: not compared, said so. */
  totauxSansResultat?: { cellule: string; libelle: string; formule: string }[];
  totauxProducteur: LigneTotalProducteur[];
}
