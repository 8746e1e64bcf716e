import type { Cents } from "../../money/cents";
import type { ContradictionEncodage, EncodageLu } from "./detection";
import type { Separateur } from "./entete";

/** One imported ledger line, compact (kept only when the Grand livre is to be written). */
export interface EcritureFec {
  /** Physical line in the file (header = 1). */
  ligne: number;
  journal: string;
  ecritureNum: string;
  /** AAAAMMJJ as a number (20240131). */
  date: number;
  compte: string;
  compteLib: string;
  compAux: string;
  pieceRef: string;
  libelle: string;
  debit: Cents;
  credit: Cents;
  /** Analytic section (generic CSV ledgers only; the FEC has none). */
  section?: string;
}

export interface LigneRejetee {
  ligne: number;
  message: string;
}

export interface AlerteFec {
  ligne: number;
  ecritureNum?: string;
  message: string;
  /**
   * What the alerte says, when another list of the result says it too (`entetesRepetes`, `doublons`, `desequilibres`):
   * the écarts tell those from their own list and the others from here, by kind, never by line (a repaired line may
   * start an unbalanced entry, both at one line and one number).
   */
  nature?: "entete-repete" | "doublon" | "desequilibre";
}

/** An entry listed a second time in the file: same JournalCode, EcritureNum, EcritureDate and lines. */
export interface DoublonFec {
  journal: string;
  ecritureNum: string;
  /** EcritureDate, AAAAMMJJ as a number. */
  date: number;
  /** Its lines, the second listing (physical numbers, header = 1). */
  lignes: { du: number; au: number };
  /** The lines of its first listing. */
  premieres: { du: number; au: number };
  nombreLignes: number;
  debit: Cents;
  credit: Cents;
}

/** The entries listed twice (two exports appended, a period exported twice): counted twice in the totals as read. */
export interface DoublonsFec {
  /** Every listing after the first. */
  nombre: number;
  /** Σ debit of those listings: what the file counts twice. */
  debit: Cents;
  /** Their lines in all. */
  nombreLignes: number;
  /** The first DOUBLONS_CITES of them. */
  ecritures: DoublonFec[];
}

/** Physical lines kept per account, the first ones of the file (a finding names where an account's money is read). */
export const LIGNES_PAR_COMPTE = 10;

export interface SoldeCompte {
  libelle: string;
  debit: Cents;
  credit: Cents;
  /** Its first imported lines (physical numbers, header = 1, ascending), at most LIGNES_PAR_COMPTE. */
  lignes?: number[];
  /** How many imported lines it has. */
  nombreLignes?: number;
}

export interface FormatFec {
  separateur: Separateur | "point-virgule" | "virgule";
  /** As read: UTF-16 files are named (« utf-16le », « utf-16be »). */
  encodage: EncodageLu;
  /** Was the encoding given by the user rather than detected? */
  encodageForce: boolean;
  /** The encoding forced, contradicted by the file's first bytes (kept all the same): the CLI and the pane warn. */
  contradictionEncodage?: ContradictionEncodage;
  bom: boolean;
  montants: "debit-credit" | "montant-sens";
  colonnes: number;
  /** "fec" (A.47 A-1) or "csv" (generic ledger through a column mapping). */
  type: "fec" | "csv";
}

export interface ResultatFec {
  format: FormatFec;
  /** Imported lines (« lignes d'écriture »; the name is kept for the JSON contract). */
  ecritures: number;
  /**
   * Distinct entries among the imported lines: JournalCode + EcritureNum for a FEC; journal + n° d'écriture (or
   * pièce) for a ledger CSV, undefined when its mapping has neither column.
   */
  ecrituresDistinctes?: number;
  /** Non-empty lines after the header: ecritures + erreurs.length. */
  lignesDonnees: number;
  lignesVides: number;
  debit: Cents;
  credit: Cents;
  /** Per account number (trimmed CompteNum). */
  comptes: Map<string, SoldeCompte>;
  /** Keyed by the first character of CompteNum. */
  parClasse: Map<string, { debit: Cents; credit: Cents }>;
  erreurs: LigneRejetee[];
  alertes: AlerteFec[];
  /** Smallest and largest EcritureDate (AAAAMMJJ), when any line was imported. */
  periode?: { du: number; au: number };
  /** The imported lines, when asked for (`conserver: true`). */
  lignes?: EcritureFec[];
  /**
   * Header lines met again after the first (two exports appended): their physical numbers. Neither imported nor
   * rejected; each is an alerte.
   */
  entetesRepetes?: number[];
  /** Entries listed twice, when any: kept in the totals as the file gives them, named as an error. */
  doublons?: DoublonsFec;
  /**
   * Entries (JournalCode + EcritureNum) whose debit is not their credit, when any: each is also an alerte; `ecarts`
   * names them as a finding (the réalisé is read from a ledger that does not balance).
   */
  desequilibres?: EcritureDesequilibree[];
  /**
   * Lines whose Debit or Credit (or Montant) is written negative (« -12,00 », « (12,00) »), when any: read as written,
   * a negative debit or credit (a reversal written as a negative?), named for the accountant, never changed.
   */
  montantsNegatifs?: MontantsNegatifs;
}

/** The lines with a negative amount: how many, and the first LIGNES_PAR_COMPTE (physical numbers, ascending). */
export interface MontantsNegatifs {
  nombre: number;
  lignes: number[];
}

/** An entry whose lines do not balance: its EcritureNum, the line where it starts, debit − credit. */
export interface EcritureDesequilibree {
  journal: string;
  ecritureNum: string;
  ligne: number;
  ecart: Cents;
}
