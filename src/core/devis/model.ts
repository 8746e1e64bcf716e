import type { Cents } from "../money/cents";
import { celluleRef } from "../util/adresse";

/**
 * CNC chapters "1".."9", then the block below the total. The nomenclature itself (labels, order, keywords, block
 * below the total) is data: src/core/regles/data/nomenclature-cnc.json, read through ./nomenclature; its schema
 * checks that it lists exactly these codes.
 */
export const CODES_CHAPITRE = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "FG", "IMP", "FF", "PROD"] as const;
export type CodeChapitre = (typeof CODES_CHAPITRE)[number];

/**
 * What each numbered chapter holds, as the rules that treat a chapter apart name it (artists' pay and its charges,
 * lodging, the director's pay, the carbone families): the chapter of a role is data (`role` in nomenclature-cnc.json),
 * read through chapitreDuRole, never a code written in the logic.
 */
export const ROLES_CHAPITRE = [
  "droits",
  "personnel",
  "interpretation",
  "charges-sociales",
  "decors",
  "transports",
  "moyens-techniques",
  "post-production",
  "assurances",
] as const;
export type RoleChapitre = (typeof ROLES_CHAPITRE)[number];

export const CATEGORIES_LIGNE = [
  "salaire-technicien",
  "salaire-artiste",
  "salaire-auteur",
  "salaire-permanent",
  "charges-sociales",
  "prestation",
  "achat",
  "forfait",
] as const;
export type CategorieLigne = (typeof CATEGORIES_LIGNE)[number];

/** The genres of a work (accord transparence, planning, devis): the one list, for options and rule keys. */
export const GENRES = ["fiction", "documentaire", "animation", "spectacle"] as const;
export type Genre = (typeof GENRES)[number];
export type TypeOeuvre = "audiovisuel" | "cinema";
export type EligibiliteCI = "oui" | "non" | "auto";

/** Where each value of a line was read: "Feuille!F12". */
export interface SourceLigne {
  feuille: string;
  /** 1-based Excel row. */
  ligne: number;
  cellules: Partial<
    Record<
      | "code"
      | "libelle"
      | "quantite"
      | "nombre"
      | "unite"
      | "taux"
      | "montant"
      | "territoire"
      | "eligibleCI"
      /** Where the line's percentage was read: its rate cell, its amount cell (« 10 % ») or its label (« FG 7 % »). */
      | "pourcentage",
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
  /** That formula as the producer wrote it (without « = »): the trace of an amount read names it (its sources). */
  formuleMontant?: string;
  /**
   * The amount was read from text typed in its cell (« 6 000,00 » as text): read by the devis, but left out by Excel's
   * SUM/SOMME over that cell, so a producer's subtotal summing it falls short of it.
   */
  montantTexte?: true;
  /** The amount cell was empty: the amount was computed (quantité × nombre × taux, or % × coût hors frais). */
  montantCalcule?: boolean;
  /** Below-the-total lines given as a share ("Imprévus 7 %"): decimal fraction "0.07" of the coût hors frais. */
  pourcentage?: string;
  chapitre?: CodeChapitre;
  /** Two-digit sub-chapter when known ("23"). */
  sousChapitre?: string;
  /** How the chapter was found. */
  placement?: "code" | "section" | "mot-cle";
  /**
   * The chapter was deduced from an English account name (« DIRECTION » → 2), the line having no section nor trusted
   * code: a deduction the producer checks (finding chapitre-deduit-anglais).
   */
  chapitreDeduit?: "libelle-anglais" | "titre-anglais";
  /** With « titre-anglais »: the English section title the chapter was deduced from, and its cell. */
  titreAnglais?: { cellule: string; titre: string };
  /** An English account name fitting two chapters (« MUSIC »): left unplaced, both chapters named, with why. */
  chapitresPossibles?: { chapitres: readonly CodeChapitre[]; raison: string };
  /**
   * Read under a title in capitals that names no chapter (« DÉPENSES ARTISTIQUES »): that title and its cell; or under a
   * few words alone on their row (« Technique »), `minuscules`: a section title or a comment, said as a text.
   */
  titreInconnu?: { cellule: string; titre: string; minuscules?: true };
  /**
   * Read below the producer's grand total (« TOTAL GÉNÉRAL »), no chapter title nor later total over it: that total's
   * cell, label and amount. Either outside the devis or a line of a chapter written in the wrong place: said.
   */
  sousLeTotal?: { cellule: string; libelle: string; montant: Cents };
  categorie?: CategorieLigne;
  /** Employer charge rate as a decimal fraction ("0.62"). */
  tauxCharges?: string;
  /**
   * A charges line drawn from a salary's « Charges » cell: the salary line's id and, when that cell held a rate
   * (« 50 % »), the rate applied (decimal fraction); without it, the cell held the amount.
   */
  chargesDe?: { salaire: string; taux?: string };
  /** Share spent in France, decimal fraction "0".."1"; undefined = not said (France by default). */
  partFrance?: string;
  /**
   * A bare number above 1 in the « Territoire » cell (« 1,5 ») whose column does not prove the convention: 1,5 % or
   * 150 %, neither read (`partFrance` left unsaid), both named (finding `territoire-ambigu`; credit-impot refuses it).
   * `pourcent` and `fraction` are the two readings as decimal fractions ("0.015", "1.5").
   */
  territoireAmbigu?: { texte: string; pourcent: string; fraction: string };
  /**
   * A filled « Territoire » cell that says no share (« moitié », « 80 pour cent », « Guadeloupe », an Excel error, a
   * text « 1.500 » whose separator the sheet does not decide: `lectures`, its two readings as plain decimals): not read
   * (`partFrance` left unsaid), named (finding `territoire-illisible`; credit-impot refuses it).
   */
  territoireIllisible?: {
    texte: string;
    /** The text is a percentage (« 1.500 % »): `lectures` are fractions (0.015 or 15), said as percentages. */
    pourcent?: true;
    lectures?: { decimale: string; milliers: string };
  };
  /** CNC forms: the producer's split of the amount ("dont France", "dont étranger"), as read. */
  repartition?: { france?: Cents; etranger?: Cents };
  eligibleCI: EligibiliteCI;
  source: SourceLigne;
}

/**
 * A line's cell for `champ` as its sheet names it (« 'Budget'!K9 »), the sheet prefixed when the reference lacks it;
 * undefined when the line has no such cell.
 */
export function celluleDeLigne(l: LigneDevis, champ: keyof SourceLigne["cellules"]): string | undefined {
  const c = l.source.cellules[champ];
  if (!c) return undefined;
  return c.includes("!") ? c : `${l.source.feuille}!${c}`;
}

/**
 * The cell of the producer's sheet that points back to a line (« 'Devis d''Anne 2026'!H12 »): its first cell among
 * `champs` (its amount's unless said), else column A of its row, the sheet quoted as Excel writes it. The Source column
 * of the Devis sheet (and how Prodbook reads it back: quantitesEcrites), and every cell a finding or a sheet names
 * for a line, so that all point to the same cell.
 */
export function sourceLigne(l: LigneDevis, champs: readonly (keyof SourceLigne["cellules"])[] = ["montant"]): string {
  for (const k of champs) {
    const c = l.source.cellules[k];
    if (c) return c;
  }
  return celluleRef(l.source.feuille, l.source.ligne - 1, 0);
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
  /**
   * How the row was proven to be a subtotal / total (conservation, issue 10): its amount is the sum of the lines
   * it covers (to the cent), its formula references them, or it is the sum of the subtotals above it.
   * Undefined: not proven (then a finding names its cell).
   */
  preuve?: "somme" | "formule" | "sous-totaux";
  /** The amount cell's formula, without "=", when it had one. */
  formule?: string;
  /** Worded as the grand total (« TOTAL ») but a subtotal by arithmetic (the lines since the last total). */
  libelleTotal?: true;
}

/** An amount of the amount column that is neither a line nor a total: a row derived from the total, a summary. */
export interface MontantHorsLignes {
  cellule: string;
  montant: Cents;
  libelle: string;
  /**
   * derive: TVA, TTC, cost per minute; recapitulatif: a summary block; rappel: a chapter repeated after the total;
   * report: a carried-forward amount (« A reporter », « Report ») between two pages; page: a page total
   * (« Total page 1 »); detail: « dont … », « soit … » under a line, a part of its amount.
   */
  /**
   * auDessus: a figure above the devis's header row that no recap proves; sousEntete: a figure of a recap block just
   * under the header, outside the recap's amount column; aCote: the same for a recap beside the table, on the
   * chapters' own rows. All read, counted in the conservation, named.
   */
  motif: "derive" | "recapitulatif" | "rappel" | "report" | "page" | "detail" | "auDessus" | "sousEntete" | "aCote";
  /** detail: the line it details (« dont caméra » under « Location matériel »), and whether its details exceed it. */
  detailDe?: { cellule: string; libelle: string; montant: Cents; depasse?: true };
  /**
   * A carried-forward amount equal to the lines above it (or to the previous one), a chapter repeated under the total
   * equal to its chapter's lines: a proven total, not listed.
   */
  prouve?: true;
  /**
   * recapitulatif, rappel: not proven, the figure compared (its own, or its sous-chapitres' sum) and what the devis has
   * instead (that chapter's lines, 0 when none, or the devis's total): the finding names both amounts.
   */
  ecart?: Omit<RecapitulatifChapitres["ecarts"][number], "cellule">;
  /** auDessus: above the header of a table stacked lower (between two tables), that header's cell. */
  entete?: string;
  /** report, page: the sum of every line above it, to name when it is not proven. */
  cumul?: Cents;
  /** page: the sum of the lines of its page (since the previous page total or carried-forward amount). */
  sommePage?: Cents;
}

export interface TotalNonProuve {
  cellule: string;
  libelle: string;
  montant: Cents;
  /** Lines above it that it would have covered, and their sum. */
  lignesCouvertes: number;
  sommeCouverte: Cents;
  /** A chapter title in capitals carrying an amount (rather than a « Total… » row). */
  titre?: boolean;
  /** Its formula (with "="), when it has one: the finding never says no formula references its lines. */
  formule?: string;
  /** The lines it would have covered whose amount is typed as text (Excel's SUM leaves them out), with their cells. */
  textes?: { cellule: string; montant: Cents }[];
}

/** A producer's total whose formula, through the subtotals it references, covers only part of the lines above it. */
export interface TotalPartiel {
  cellule: string;
  libelle: string;
  /** Its formula, with "=". */
  formule: string;
  /** Its amount, when saved with its result. */
  montant?: Cents;
  /** The producer's totals its formula references (cells). */
  references: string[];
  /** The lines above it its formula covers: how many, their sum, their first and last row (1-based). */
  couvertes: { lignes: number; somme: Cents; de?: number; a?: number };
  /** The lines above it (in its table) its formula leaves out, amounts other than 0. */
  omises: { cellule: string; libelle: string; montant: Cents }[];
  sommeOmise: Cents;
  /** A later proven total covering all of those lines (the devis's total, this one a part of it). */
  reprisPar?: string;
}

/** A cell of the amount column that no category accounts for, or that two categories count. */
export interface CelluleNonComptee {
  cellule: string;
  /** The amount read, when the cell holds one. */
  montant?: Cents;
  texte: string;
  /** Counted by two categories (a line and a total…): undefined = counted by none. */
  doublon?: boolean;
}

/**
 * The conservation of the amount column (issue 10 §1): every cell of the devis region holding a number, a numeric
 * text, a date or an Excel error is a placed line, a proven total, or a listed item. Amounts in cents.
 * lu = lignes + totauxProuves + nonPlaces + listes + ecart; the cells making up a non-zero écart are in nonComptees.
 */
export interface Conservation {
  /** Column letter of the amounts read ("G"); undefined when the devis has no amount column. */
  colonne?: string;
  /** Σ of the amounts read in that column below the header (numbers and numeric texts). */
  lu: Cents;
  /** Σ of the lines placed in a chapter whose amount was read there. */
  lignes: Cents;
  /** Σ of the subtotal and total rows proven by arithmetic or formula. */
  totauxProuves: Cents;
  /** Σ of the lines read but placed in no chapter (listed with their cell). */
  nonPlaces: Cents;
  /** Σ of the other listed amounts: rows derived from the total, summaries, totals not proven (a finding each). */
  listes: Cents;
  ecart: Cents;
  /** Cells in each category; `listees` counts errors, dates and unreadable numbers too. */
  cellules: { lues: number; lignes: number; totauxProuves: number; nonPlaces: number; listees: number };
  nonComptees: CelluleNonComptee[];
  /** Several amount columns: the one read (its header, HT or not) and those not counted. */
  colonneMontant?: ColonnesMontant;
  /**
   * Cells of the column holding a figure in another currency (« 1 500 USD », or a number shown in $ by its format):
   * read and listed with a finding each, never converted nor summed in `lu` (no exchange rate is known).
   */
  enDevise?: { cellule: string; texte: string; devise: string }[];
  /**
   * Columns of the devis table (under its header) that no role reads and that nothing else names (réalisé, écart,
   * épisodes, a second block): « Observations », « Budget N-1 », a column without header. Their numbers, per column,
   * are never counted as the devis; named by colonnes-lues. Row numbers and codes are not numbers of this kind.
   */
  horsColonnes?: NombresHorsColonne[];
  /**
   * Tables stacked in the sheet, each with its own header row: the amount column under each (`colonne` above is the
   * first one's). The figures above add up every table's cells, each counted in its own column.
   */
  tableaux?: {
    cellule: string;
    colonne?: string;
    /** A lower table with several amount columns: the one read and those not counted, with their sums. */
    colonneMontant?: ColonnesMontant;
  }[];
  /**
   * Cells counted in `lu` outside the amount column under the header: every figure above the header row (a recap's,
   * proven or listed, and any other number or numeric text, listed), and those of a recap block just under the header
   * outside that column; an Excel error there too, listed without amount. In row order; named by the conservation's
   * sentence.
   */
  ailleurs?: {
    cellule: string;
    montant?: Cents;
    /** « a-cote »: a recap beside the table, on the chapters' own rows, under none of its header's cells (H–I). */
    place: "au-dessus" | "sous-entete" | "a-cote";
    /**
     * A figure whose unit proves it is no amount (« Durée | 90 | min », « Année de production | 2026 »): listed, never
     * read in euros nor summed (`montant` undefined); its number as written and its unit. Absent: an amount.
     * A real date (an Excel date) above a header: `nature` « date », `valeur` its ISO date (« 2025-04-15 »), `unite`
     * « date ».
     */
    nature?: "nombre" | "date";
    valeur?: string;
    unite?: string;
    /** Above the header of a table stacked lower (not the first): that header's cell (« Devis!A25 »). */
    entete?: string;
  }[];
}

/**
 * A figure outside the devis's table (above a header) whose unit proves it is no amount in euros (a duration, a count,
 * a year, a percentage): named with its cell and unit, never read as euros nor counted in any sum of euros.
 */
export interface NombreHorsLignes {
  cellule: string;
  /** The number as written (« 2026 », « 90 »). */
  valeur: string;
  libelle: string;
  nature: "nombre" | "date";
  unite: string;
  /** Above a stacked table's header (not the first): that header's cell. */
  entete?: string;
}

/** A column of the devis table that the import does not read, holding numbers: how many, their sum, its header. */
export interface NombresHorsColonne extends ColonneNommee {
  /** Numbers (and numeric texts) other than 0 under the header. */
  nombres: number;
  total: Cents;
  /** The header speaks of money (« Budget », « Montant », « Total », « € », « HT »…): an alerte, not an info. */
  argent: boolean;
  /**
   * A column of totals beside the amount read (Movie Magic's « Total » right of « Subtotal »): its figures that no line
   * proves, cell by cell (`nombres` and `total` count those only), and how many it holds that are proven totals.
   */
  cellules?: { cellule: string; montant: Cents }[];
  totauxProuves?: number;
  /**
   * A column without header (left of the table, or between its columns): a figure there may be an amount typed one
   * column off. Each of its figures, cell by cell: counted in the conservation's `lu` and listed (`listes`), named by
   * colonnes-lues, never in the devis's total.
   */
  listees?: { cellule: string; montant: Cents }[];
  /**
   * A column without header (between the headers, or in the margin right against a table's last headed column): its
   * Excel errors (« #REF! »), each counted in `lu` and listed without amount, named by montant-illisible.
   */
  erreurs?: { cellule: string; texte: string }[];
  /**
   * Its dates (a real date, « 15/04/2025 »), when the column holds amounts too: each counted in `lu` and listed
   * without amount (`valeur` its ISO date, or as typed), named by colonnes-lues. A column of dates with no amount
   * (when each line was agreed) holds no money: not listed (in the margin as between the headers).
   */
  dates?: { cellule: string; valeur: string }[];
}

export interface MontantNonPlace {
  cellule: string;
  montant: Cents;
  libelle: string;
  ligne: number;
  /** An English account name fitting two chapters: those chapters and why (LigneDevis.chapitresPossibles). */
  chapitresPossibles?: { chapitres: readonly CodeChapitre[]; raison: string };
  /** Read under a title naming no chapter (LigneDevis.titreInconnu). */
  titreInconnu?: { cellule: string; titre: string; minuscules?: true };
  /** Read below the producer's grand total (LigneDevis.sousLeTotal). */
  sousLeTotal?: { cellule: string; libelle: string; montant: Cents };
}

/** The columns read beside a line's amount: its French and foreign parts (« dont France »), its employer charges. */
export type ColonneAnnexe = "montantFrance" | "montantEtranger" | "montantCharges";

export interface MontantIllisible {
  cellule: string;
  /**
   * An Excel error outside the devis's lines: above its header row (`au-dessus`), or on a row of a recap just under it
   * (`sous-entete`). No line nor total; counted apart by the conservation (`ailleurs`), named. `marge`: in a column
   * right against a table's last headed column, beside its lines (counted by `horsColonnes[].erreurs`). `sans-entete`: in
   * an unheaded column between the table's headers (counted the same way).
   */
  region?: "au-dessus" | "sous-entete" | "a-cote" | "marge" | "sans-entete";
  /** au-dessus of the header of a table stacked lower (between two tables): that header's cell. */
  entete?: string;
  /** What the cell shows ("#REF!", "à définir"). */
  texte: string;
  libelle: string;
  erreurExcel: boolean;
  /** A formula saved without its result (file written by a tool that does not calculate). */
  formuleSansValeur?: boolean;
  /** A date (a real date or « 15/04/2025 ») where an amount or a quantity belongs. */
  date?: boolean;
  /**
   * The cell is a factor (quantité, nombre, taux) or a column read beside the amount, not the amount; `libelle`: the
   * label of a frais généraux or imprévus line, whose percentage (« Imprévus 1.500 % ») is not read (with `pourcent`).
   */
  colonne?: "quantite" | "nombre" | "taux" | "tauxCharges" | "libelle" | ColonneAnnexe;
  /** The row is a subtotal, total or chapter row of the producer: its amount is not compared. */
  total?: boolean;
  /** The line is still counted, with this amount read from its amount cell. */
  compte?: Cents;
  /**
   * A rate (« taux », « tarif ») typed with no quantity, no number and no amount: the line's amount is not computed
   * (1 × the rate is never guessed), the rate (read in euros) named with its cell.
   */
  tauxSeul?: Cents;
  /**
   * A quantity or a number (« Divers | 1 250 | | ») typed with no rate and no amount: the line is not counted, never
   * read as euros; the figure (decimal string, « 1250 ») named with its cell, in case it is an amount typed one column
   * off.
   */
  quantiteSeule?: string;
  /**
   * The amount cell read is empty, but an amount column left aside (« TTC », « Montant V1 ») holds one on the row: that
   * cell, its header and its amount. The line is missing from the devis read: named, never taken from that column.
   */
  autreColonne?: { cellule: string; entete: string; montant: Cents; texte?: string };
  /** The amount cell is part of a range merged from this cell, whose amount is counted on that cell's row. */
  fusionneAvec?: string;
  /** A figure written in another currency (« $1,500 »): the currency's French name (« dollars »). */
  devise?: string;
  /** With `devise`: a rate in that currency (« 500 $/day »), its period's French name (« jour »). */
  periodeDevise?: string;
  /**
   * A figure with its unit of thousands or millions of euros (« 50 k€ », « (3 k€) »): its value in euros as read
   * (50 000,00 €, −3 000,00 €), said by the finding; the line is not counted (conservation lists the cell at it).
   */
  avecUnite?: Cents;
  /**
   * A rate typed in the amount cell (« 50 €/jour », « 300 €/sem »): its figure and its period's French name (« jour »,
   * « semaine »). Named by montant-tarif, never taken as the line's amount; conservation lists it at that figure.
   */
  tarif?: { montant: Cents; periode: string };
  /**
   * A percentage text not read (« 1.500 % » the sheet does not decide, « 1 2 % »): with both readings as fractions
   * (« 0.015 », « 15 ») when ambiguous. Never read as one of them nor dropped.
   */
  pourcent?: { decimale?: string; milliers?: string; fourchette?: true; somme?: SommeDeTaux };
}

/**
 * A label's sum of rates (« 5 + 10 % », « 5 % + 10 % »): no single rate, never one term picked. `termes`: each term as a
 * fraction (decimal strings, « 0.05 », « 0.1 ») when every one reads as a number.
 */
export interface SommeDeTaux {
  termes?: string[];
}

/** A text amount whose lone « . » or « , » before three digits may be decimal or grouping, and nothing proves which. */
export interface MontantAmbigu {
  cellule: string;
  texte: string;
  libelle: string;
  /** The separator read as the decimal one (« 12.500 » → 12,50 €) or as grouping (12 500,00 €). */
  decimale: Cents;
  milliers: Cents;
  /** The row is a subtotal, total or chapter row: not compared. */
  total?: boolean;
  /** The cell is read beside the amount (dont France, charges), not the amount. */
  colonne?: ColonneAnnexe;
  /** With `colonne`: the line is counted with this amount, read from its amount cell, without that cell. */
  compte?: Cents;
}

/**
 * A number of the amount column whose format shows another currency than the euro (« [$$-409]#,##0.00 »): named
 * with its currency and amount, neither converted nor counted.
 */
export interface MontantDevise {
  cellule: string;
  libelle: string;
  /** The currency the format shows: « $ », « USD », « £ ». */
  devise: string;
  /** The cell's number format, as the workbook stores it. */
  format: string;
  /** The amount in that currency, in its hundredths. */
  montant: Cents;
  /** The row is a subtotal, total or chapter row: not compared. */
  total?: boolean;
  /** The cell is read beside the amount (dont France, charges), not the amount. */
  colonne?: ColonneAnnexe;
  /** With `colonne`: the line is counted with this amount, read from its amount cell, without that cell. */
  compte?: Cents;
}

/** A text amount with more than two decimals (« 0,125 »), counted rounded half-up to the cent. */
/**
 * A text amount of a line written with the other tax mention than the column read (« 1 200 TTC » in the HT column,
 * « 1 200 HT » in a TTC one): counted as typed, named.
 */
export interface MontantTaxeEcrite {
  cellule: string;
  texte: string;
  libelle: string;
  montant: Cents;
  /** The mention typed in the cell. */
  ecrit: "HT" | "TTC";
  /** What the column read holds. */
  colonne: "HT" | "TTC";
  /**
   * The text is in the TVA column (« Catering | 1 000 | 1 200 TTC »), the line's amount read in the amount column: that
   * column's header, the line's amount cell and amount. The TVA cell is neither added nor taken as a TVA.
   */
  dansTva?: { entete: string; cellule: string; montantLigne: Cents };
  /**
   * The text is a total's (« TOTAL | 14 400 TTC » over HT lines): its kind, whether its lines prove it anyway, the sum of
   * the lines it covers, and, when it is their sum taxed at a French TVA rate, that rate (« 20 », « 5.5 »). Proven or
   * not, never a line (`ligne`: counted as one all the same, a provisional total the arithmetic left a line).
   */
  total?: { type: "total" | "sous-total"; prouve: boolean; somme: Cents; taux?: string; ligne?: boolean };
}

export interface MontantArrondi {
  cellule: string;
  texte: string;
  libelle: string;
  montant: Cents;
}

/** A column of the producer's header, as said to the user: letter, header cell and its text. */
export interface ColonneNommee {
  colonne: string;
  cellule: string;
  entete: string;
}

/** An amount column of a header with several (« Montant TTC | Montant TVA | Montant HT »). */
export interface ColonneMontantNommee extends ColonneNommee {
  nature: "ht" | "ttc" | "tva" | "montant";
  /** Σ of the amounts the column holds below the header (same reading as the import). */
  somme?: Cents;
  /** Columns alike: the producer's subtotals and totals read in this column, proven by its lines or not. */
  totaux?: TotauxColonne;
}

/** How many subtotals and totals of an amount column its lines prove (sum or formula); the cells of the others. */
export interface TotauxColonne {
  prouves: number;
  nonProuves: string[];
  /**
   * Among `nonProuves`: rows that another amount column's lines prove to be a subtotal or total, read in this column
   * as lines (counted in its total if it were read).
   */
  commeLignes?: string[];
}

/**
 * Several amount columns: the one read, those not counted, how the one read was chosen (see ChoixMontant in
 * entetes.ts) and, for columns alike, whether they hold the same amounts on every row.
 */
export interface ColonnesMontant {
  retenue: ColonneMontantNommee;
  ecartees: ColonneMontantNommee[];
  choix?: "taxes" | "version" | "visible" | "aDroite" | "seule" | "totaux";
  /** Columns alike (not a tax choice) holding the same amount on every row: nothing depends on the choice. */
  identiques?: boolean;
  /** TTC read for want of a HT column, with a TVA column: Σ TTC and Σ TVA over the lines' rows. */
  tvaSansHT?: TvaSansHT;
}

/** Over the rows of the lines read whose TTC and TVA cells both hold an amount: their sums and how many rows. */
export interface TvaSansHT {
  ttc: Cents;
  tva: Cents;
  lignes: number;
}

/** An amount of a line in one of the HT, TVA and TTC columns. */
export interface MontantTaxe {
  cellule: string;
  montant: Cents;
}

/** One line's amounts when the header has HT (or « Montant » read as HT), TVA and TTC columns. */
export interface TaxesLigne {
  libelle: string;
  /** The base column's header: « HT » or « Montant » with no tax mention (read as HT). */
  base: "ht" | "montant";
  ht: MontantTaxe;
  tva: MontantTaxe;
  ttc: MontantTaxe;
  /** TTC − (HT + TVA) on the cells' exact values, rounded to the cent. */
  ecart: Cents;
}

/**
 * An amount read on a row the producer hid (SheetData.lignesMasquees): read as if the row were shown — counted,
 * proven or listed as before, conservation unchanged — and named by the finding `lignes-masquees`.
 */
export interface MontantMasque {
  cellule: string;
  libelle: string;
  montant: Cents;
  /**
   * ligne: a line placed in a chapter, counted in the total; nonPlace: a line read but placed in no chapter; total: a
   * subtotal or total proven by its lines; liste: an amount listed apart (TVA, summary, a total nothing proves).
   */
  nature: "ligne" | "nonPlace" | "total" | "liste";
}

/**
 * Where the film's duration (minutes) was taken, for its trace: a cell of the workbook (`cellule`, « durée lue dans
 * le classeur »), or typed (« durée saisie avec l'option --duree » in the CLI, « durée saisie dans le contexte de la
 * production » in the pane).
 */
export interface OrigineDuree {
  formule: string;
  cellule?: string;
}

export interface Devis {
  feuille: string;
  typeOeuvre?: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  /** Where `dureeMinutes` was taken (its trace names it). */
  origineDuree?: OrigineDuree;
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
  /** Ambiguous text amounts (« 12.500 € »): not counted, both readings named. */
  ambigus?: MontantAmbigu[];
  /** Text amounts below the cent (« 0,125 »): counted rounded, said so. */
  arrondis?: MontantArrondi[];
  /** Text amounts written TTC in the HT column read (or HT in a TTC one): counted as typed, said so. */
  taxesEcrites?: MontantTaxeEcrite[];
  /** Amounts shown in another currency than the euro (« $1,500.00 »): not converted, not counted, named. */
  devises?: MontantDevise[];
  /**
   * Lines below the total (frais généraux, imprévus…) whose amount cell holds a percentage (0,1 shown « 10 % », or
   * « 10 % » typed): read as the line's rate on the coût hors frais, said by the finding `montant-pourcentage`.
   */
  pourcentagesMontant?: PourcentageMontant[];
  /**
   * Lines below the total whose Taux column holds their rate while their label writes another one or one not read:
   * the Taux cell's rate is read, both named by the finding `montant-pourcentage` (alerte).
   */
  pourcentagesTaux?: PourcentageTaux[];
  /**
   * Lines whose rate (label « Imprévus 7 % », or Taux column) does not give their typed amount on their base
   * (basePourcentage), to the cent after half-up rounding: the amount typed is counted, both named (montant-pourcentage,
   * alerte).
   */
  tauxContreMontant?: TauxContreMontant[];
  /**
   * « Remise -10 % » rows with no amount: a rebate whose base nothing says, neither computed nor counted; named
   * (finding montant-pourcentage) with its label's cell and rate (decimal string, « 0.1 »).
   */
  remisesSansMontant?: { cellule: string; libelle: string; pourcentage: string }[];
  /**
   * Lines whose amount cell is empty, computed from a quantity or a number written as text (« 3 j », « 3 jours »):
   * the amount cell (its label's when the devis has no amount column), the factors read (decimal strings), the text
   * factors with their cells and the unit read, and the amount computed. Named by the finding quantite-texte.
   */
  facteursTexte?: {
    cellule: string;
    libelle: string;
    montant: Cents;
    quantite?: string;
    nombre?: string;
    taux: string;
    facteurs: { cellule: string; colonne: "quantite" | "nombre"; texte: string; valeur: string; unite?: string }[];
  }[];
  /** The producer's subtotal / total rows saved as a formula without its result: not compared, said so. */
  totauxSansResultat?: { cellule: string; libelle: string; formule: string; type?: LigneTotalProducteur["type"] }[];
  totauxProducteur: LigneTotalProducteur[];
  /** Amounts of the amount column that are neither lines nor totals (TVA, TTC, summaries): listed, not counted. */
  horsLignes?: MontantHorsLignes[];
  /** Figures above a header whose unit proves they are no amounts (« Jours de tournage | 32 »): named, never in euros. */
  nombresHorsLignes?: NombreHorsLignes[];
  /**
   * Rows worded as a total (« Total… », a chapter title in capitals with an amount) that no sum or formula proves:
   * counted as lines, each named by a finding.
   */
  totauxNonProuves?: TotalNonProuve[];
  /**
   * Totals whose formula takes up the producer's subtotals but leaves out lines above them (« TOTAL =D8 » under two
   * subtotals): never lines, each named by the finding total-partiel with what it covers and what it leaves out.
   */
  totauxPartiels?: TotalPartiel[];
  /** Every amount cell accounted for (issue 10 §1). */
  conservation?: Conservation;
  /**
   * Several amount columns: the one read (HT, else the one without tax mention, else TTC) and those left aside,
   * which conservation does not count (TVA and TTC follow from HT).
   */
  colonneMontant?: ColonnesMontant;
  /** HT, TVA and TTC columns all present: each line's three amounts (rows where all three hold one). */
  taxes?: TaxesLigne[];
  /** The sheet was chosen as the devis (no sheet named by the user) although it is hidden in the workbook. */
  feuilleMasquee?: boolean;
  /** The sheet read was named by the user (`--feuille`, the pane's choice), not found by Prodbook. */
  feuilleIndiquee?: boolean;
  /**
   * Other sheets of the producer that look like a devis too (a name saying devis or budget, or the same header as the
   * sheet read): not read when Prodbook chose the sheet; each named with its amount column's sum (finding feuille-lue).
   */
  autresFeuilles?: AutreFeuilleDevis[];
  /**
   * A sheet of the workbook recapping the devis by chapter or sous-chapitre (« Récapitulatif », « Recap », « Résumé »):
   * each amount compared to the cent with the structured devis, never counted (finding feuille-lue).
   */
  recapitulatif?: RecapitulatifFeuille;
  /**
   * A block of the devis sheet itself recapping it by chapter (above the header, or under a « Récapitulatif » title
   * below the lines), recognised by arithmetic only: at least three of its figures equal, to the cent, the chapter totals
   * computed from the lines (or the devis's total), more agreeing than differing. Its figures are never lines: those
   * that agree are proven totals, the others listed, each named with both amounts (finding montant-hors-lignes).
   */
  recapitulatifSurFeuille?: RecapitulatifSurFeuille;
  /** Amounts read on hidden rows of the sheet, in row order (only when there are some). */
  masquees?: MontantMasque[];
  /** Labels read in an unheaded column (« | Tarif | Jours | Montant »), left of the numeric block's first header. */
  colonneLibelles?: { colonne: string; aGaucheDe: ColonneNommee };
  /**
   * Columns of figures next to the amount that are not the devis and that no role reads: the réalisé (« Réalisé »,
   * « Réel », « Coût définitif »), an écart, per-episode amounts (« Ép. 1 | Ép. 2 | Total »). Named with their sums,
   * never counted; per-episode columns are compared line by line with the amount read.
   */
  colonnesNonLues?: ColonneNonLue[];
  /** Per-episode columns: how many lines were compared, and those whose episodes do not add up to the amount. */
  episodes?: EpisodesNonProuves;
  /** Per-week columns (« Semaine 1 | Semaine 2 »): the rows compared, those whose weeks add up to the amount read. */
  semaines?: SemainesNonProuvees;
  /** Per-month columns (« Sept. 2025 | Oct. 2025 », dates at month starts): the rows compared, as weeks are. */
  mois?: SemainesNonProuvees;
  /** The amount column read, named when `colonnesNonLues` says what is not (not in the JSON: said by the finding). */
  colonneLue?: ColonneNommee;
  /**
   * A header or a title stated the figures in thousands of euros (« Montant (k€) », « en milliers d'euros »): the
   * numbers of those columns were read × 1 000, said by the finding `unite-milliers`.
   */
  uniteMilliers?: UniteMilliers;
  /** Amounts right of the table, in columns its header does not reach: named by colonnes-lues, never counted. */
  horsTableau?: ChiffresHorsTableau[];
  /** The amount column read is hidden in the sheet (its header, its sum in cents): named by colonnes-lues. */
  colonneMontantMasquee?: ColonneNommee & { somme: Cents };
  /** A unit note between the lines, not applied (amounts read in euros as typed), named by unite-milliers. */
  uniteNonAppliquee?: UniteNonAppliquee;
  /**
   * Header rows below the devis's header whose columns differ (a second table stacked under the first): the rows
   * below each are read with its columns. A header merely repeated (page break) is skipped and not listed here.
   */
  entetesSuivants?: NouvelEntete[];
}

/** A second table's header row, stacked under the first: the rows below it are read with its columns. */
export interface NouvelEntete {
  /** The header row's first non-empty cell (« Devis!A52 »). */
  cellule: string;
  /** 1-based row (the lowest of a header over two or three rows). */
  ligne: number;
  /** 1-based first row, only for a header over two or three rows (« Montant » merged over « Qté | Taux | Total »). */
  debut?: number;
  /** Its cells' texts, left to right, row by row for a header over several rows (empty cells left out). */
  textes: string[];
  /** Its columns by role (the import's role names), as letters, left to right (« libelle: "A", montant: "D" »). */
  colonnes: Partial<Record<string, string>>;
  /** The amount column read under it and its header, when it has one. */
  montant?: ColonneNommee;
  /** Lines read under it (up to the next header) and their sum. */
  lignes: number;
  somme: Cents;
  /**
   * The chapter the table above ended in, not carried into this one (no chapter title right above this header): its
   * lines are placed by their own code, chapter column or label, else listed unplaced.
   */
  chapitreNonRepris?: CodeChapitre;
  /**
   * Several amount columns under this header (« Montant TTC | Montant HT »): the one read and those not counted, each
   * with its sum over this table's rows, chosen for this table as for the first (never the first table's choice).
   */
  colonneMontant?: ColonnesMontant;
  /** Columns of this table's header that are not the devis (réalisé, écart, episodes), named with their sums. */
  colonnesNonLues?: ColonneNonLue[];
  /** This table's per-episode columns compared line by line with its amount read. */
  episodes?: EpisodesNonProuves;
  /** This table's per-week columns compared row by row with its amount read. */
  semaines?: SemainesNonProuvees;
  /** This table's per-month columns compared row by row with its amount read, as the first table's (`Devis.mois`). */
  mois?: SemainesNonProuvees;
  /** Its header names only the numeric columns: the labels read in the unheaded column left of them (as the first). */
  colonneLibelles?: { colonne: string; aGaucheDe: ColonneNommee };
}

/** A percentage in the amount cell of a line below the total, read as the line's rate. */
export interface PourcentageMontant {
  cellule: string;
  libelle: string;
  /** The id of the line it became (`LigneDevis.id`). */
  ligne: string;
  /** The rate read in the cell, as a decimal string (« 0.1 »). */
  pourcentage: string;
  /** The label's own percentage when it says another one (« Imprévus 7 % »): the cell's is read, the label's named. */
  pourcentageLibelle?: string;
  /**
   * The label's percentage when it is not read and none of its readings is the cell's rate: « 1.500 % » the sheet does
   * not decide (`lectures`, decimal strings), a range « 5-10 % » (`fourchette`), a sum of rates « 5 + 10 % » whose
   * total is not the cell's rate (`somme`), or a figure that is no number. The cell's rate is read, the label's named
   * (finding montant-pourcentage, alerte).
   */
  pourcentageLibelleNonLu?: {
    texte: string;
    fourchette?: true;
    somme?: SommeDeTaux;
    lectures?: { decimale: string; milliers: string };
  };
}

/**
 * A line below the total (frais généraux, imprévus…) whose Taux column holds its rate (« 10 % ») while its label writes
 * another one (« Imprévus 5 % ») or one not read (a range, a sum of rates, « 1.500 % » none of whose readings is the
 * cell's): the Taux cell's rate is read, both cells and both readings named (finding montant-pourcentage, alerte).
 */
export interface PourcentageTaux {
  /** The Taux cell, whose rate is the line's. */
  cellule: string;
  /** The label's cell. */
  celluleLibelle: string;
  libelle: string;
  /** The id of the line it became (`LigneDevis.id`). */
  ligne: string;
  /** The rate read in the Taux cell, as a decimal string (« 0.1 »). */
  pourcentage: string;
  /** The label's own rate, read, when it is another one. */
  pourcentageLibelle?: string;
  /** The label's rate not read, as PourcentageMontant names it. */
  pourcentageLibelleNonLu?: PourcentageMontant["pourcentageLibelleNonLu"];
}

/** A line's rate against its typed amount: 7 % of 15 000,00 € gives 1 050,00 €, the amount typed is 1 000,00 €. */
export interface TauxContreMontant {
  /** The amount cell, whose amount is counted. */
  cellule: string;
  /** The cell that gives the rate: the label's, or the Taux column's. */
  celluleTaux: string;
  dans: "libelle" | "taux";
  libelle: string;
  /** The id of the line (`LigneDevis.id`). */
  ligne: string;
  /** The rate, as a decimal string (« 0.07 »). */
  pourcentage: string;
  /** The base the rate applies to (basePourcentage) and how messages name it. */
  base: Cents;
  nomBase: string;
  /** The rate × the base, rounded half-up to the cent. */
  calcule: Cents;
  /** The amount typed, counted. */
  montant: Cents;
  /**
   * A producer's total or subtotal above the line of which the amount is the rate, to the cent (the nearest one):
   * the base the producer used, said (info) instead of an alert.
   */
  autreBase?: { cellule: string; libelle: string; montant: Cents };
}

/** A column right of the table holding amounts (never read as the devis): its cells and their sum, in cents. */
export interface ChiffresHorsTableau {
  colonne: string;
  cellules: number;
  premiere: string;
  derniere: string;
  somme: Cents;
}

/**
 * A sheet that looks like a devis but is not the one read: its amount column's header cell, cells and sum (cents); for
 * a recap not proven (`recapitulatifNonProuve`), its amounts other than its total rows.
 */
export interface AutreFeuilleDevis {
  feuille: string;
  cellule: string;
  cellules: number;
  somme: Cents;
  /**
   * Named as a recap (« Synthèse budget », « Récap ») and read as one, but its amounts do not prove it the recap of the
   * devis read: fewer than two (not zero) agree to the cent with its chapter totals, or no more agree than differ (a
   * total differing by the sum of the chapters' differences not counted as one more). Words never
   * decide alone: it is another devis, named with the figures that differ.
   */
  recapitulatifNonProuve?: RecapitulatifNonProuve;
}

/** A sheet named as a recap whose rows read as one, compared with the devis read, its amounts not proving it. */
export interface RecapitulatifNonProuve {
  /** Its amount column's header cell, or (no header row) its first amount's cell. */
  cellule: string;
  /**
   * Figures compared (each chapter, each chapter's sous-chapitres together, the total) and how many agree to the cent
   * with the devis and are not zero (a 0 the devis also has proves nothing).
   */
  figures: number;
  accords: number;
  /** The figures that differ, each with the devis's amount (at least one). */
  ecarts: RecapitulatifChapitres["ecarts"];
}

/**
 * A note stating thousands (or millions) of euros found between the devis's lines (« (montants en k€) » on a row of its
 * own inside the table): nothing says whether it is the table's unit or a comment on one line, so it is not applied;
 * the amounts are read as typed, in euros, and the note is named (finding unite-milliers).
 */
export interface UniteNonAppliquee {
  cellule: string;
  texte: string;
  facteur: 1000 | 1000000;
}

/** Columns read in thousands of euros, and the cell that says so. */
export interface UniteMilliers {
  /** The cell stating the unit (« Devis!C1 ») and its text (« Montant (k€) »). */
  cellule: string;
  texte: string;
  /** `colonne`: the column's own header says it; `feuille`: a title above the header, for every column of figures. */
  portee: "colonne" | "feuille";
  /** The statement is a note below or beside the table (« Montants exprimés en milliers d'euros »), not a title. */
  note?: boolean;
  /** 1 000 for thousands of euros (« k€ »), 1 000 000 for millions (« M€ », « en millions d'euros »). */
  facteur: 1000 | 1000000;
  /** The columns read × 1 000 (letters, « C »), the first being the amount column read when it is one of them. */
  colonnes: string[];
  /** How many cells (numbers, or amounts written as text) were multiplied by 1 000. */
  cellules: number;
  /** The first cell multiplied: its reference, the number as typed (« 62.5 ») and the amount read, in cents. */
  exemple?: { cellule: string; saisi: string; montant: Cents };
  /**
   * Numbers of those columns whose format divides them by 1 000 (« #,##0, "k€" » shows 50 000 as « 50 k€ »): they
   * hold euros and are not multiplied; how many, and the first.
   */
  enEurosParFormat?: { cellules: number; premiere: string };
  /**
   * Tables stacked in the sheet (entetesSuivants): each table read in thousands, by its own header (or the title
   * above it), down to the next table's header. Only when the sheet holds several tables.
   */
  tableaux?: UniteTableau[];
  /**
   * Tables whose unit nothing states while another table's is in thousands: read as their header says (euros, as
   * typed), never guessed; named with both readings (finding unite-milliers).
   */
  sansUnite?: TableauSansUnite[];
}

/** A stacked table read in thousands (or millions) of euros. */
export interface UniteTableau {
  /** The table's header row: its first cell (« Devis!A46 », as NouvelEntete.cellule) and 1-based row. */
  entete: string;
  ligne: number;
  /** Its last row (1-based, inclusive): the row before the next table's header, or the sheet's last. */
  fin: number;
  /** The cell stating its unit, its text, and whether it is the column's header or a title (or note) above. */
  cellule: string;
  texte: string;
  portee: "colonne" | "feuille";
  facteur: 1000 | 1000000;
  /** Its columns read × 1 000 (letters) and how many cells. */
  colonnes: string[];
  cellules: number;
}

/** A stacked table whose unit is stated nowhere, beside a table read in thousands: read in euros as typed. */
export interface TableauSansUnite {
  /** The table's header row: its first cell and 1-based row; its last row (1-based, inclusive). */
  entete: string;
  ligne: number;
  fin: number;
  /** Its amount column's header cell (« Devis!D46 ») and text (« Montant »). */
  cellule: string;
  texte: string;
  /** The other reading: the factor of the table in thousands (`selon`: its header cell and the cell stating it). */
  facteur: 1000 | 1000000;
  selon: { entete: string; cellule: string; texte: string };
  /** Lines read under it and their sum in cents, as typed (in euros). */
  lignes: number;
  somme: Cents;
}

export interface ColonneNonLue extends ColonneNommee {
  /**
   * secondBloc: the amount column of a block repeating the header to the right (two blocks side by side); semaine: a
   * budget line spread over weeks (« Semaine 1 », « Sem. 2 », « S3 »).
   */
  nature: "realise" | "ecart" | "episode" | "secondBloc" | "semaine" | "mois";
  /** Σ of its amounts below the header, in cents (in hundredths of `unite` for week columns). */
  somme: Cents;
  /** Week columns: what their cells count, as proven row by row (SemainesNonProuvees.unite). */
  unite?: "euros" | "jours" | null;
  /**
   * secondBloc: the repeated block's columns (« E » to « G »), the first block's (the devis read), and the amount
   * cells of the column (how many, the first and the last), none counted.
   */
  bloc?: {
    debut: string;
    fin: string;
    premier: { debut: string; fin: string };
    cellules: number;
    premiere?: string;
    derniere?: string;
    /** Headers of its own (« Poste | Coût »), not the devis's header repeated. */
    autreEntete?: true;
  };
  /** secondBloc: a recap by chapter, its amounts compared to the cent with the devis's chapter totals (never counted). */
  recapitulatif?: RecapitulatifChapitres;
}

/**
 * A block beside the devis recapping it by chapter: how many of its rows name a chapter (by code or label), whether a
 * row names the total, and the rows whose amount is not the devis's (`attendu`: that chapter's total, 0 when the devis
 * has none, or the devis's total), in cents.
 */
export interface RecapitulatifChapitres {
  chapitres: number;
  /** Sous-chapitre rows (« 1.1 », « 1.2 »…): compared by chapter, their sum against the devis's chapter total. */
  sousChapitres?: number;
  total?: true;
  ecarts: { cellule: string; libelle: string; chapitre: CodeChapitre | "total"; montant: Cents; attendu: Cents }[];
}

/**
 * A recap on a sheet of its own: its name, its amount column's header cell, and how many of its amounts are proven by
 * formula (references to the devis sheet's cells that cover exactly the lines of their chapter, or all of them for the
 * total); the others are compared by arithmetic. `ecarts` cells are sheet-qualified (« 'Récapitulatif'!C7 »).
 */
export interface RecapitulatifFeuille extends RecapitulatifChapitres {
  feuille: string;
  /** Its amount column's header cell; without header row (`sansEntete`), its first amount's cell. */
  cellule: string;
  /** No header row: the amount column was proven by arithmetic (its amounts agree with the devis's chapter totals). */
  sansEntete?: true;
  /** Amounts of the recap, how many (its rows holding an amount). */
  montants: number;
  parFormule: number;
}

/**
 * A recap block on the devis sheet itself: `place` « haut » above the devis's header (outside its amount column, its
 * figures added to the conservation), « bas » under a « Récapitulatif » title below the lines (in the amount column).
 * `cellule`: its first amount's cell.
 */
export interface RecapitulatifSurFeuille extends RecapitulatifChapitres {
  /** « sous-entete »: a block just under the header row, before the first chapter, read apart from the lines. */
  /** « a-cote »: beside the table, on the chapters' own rows, under none of its header's cells (labels H, amounts I). */
  place: "haut" | "bas" | "sous-entete" | "a-cote";
  cellule: string;
  montants: number;
}

/**
 * Per-week columns (a line's budget spread over « Semaine 1 | Semaine 2 | … »), never read as amounts: `lignes` rows
 * hold figures in them, `prouvees` of which add up to the row's amount read (its line's, or its subtotal's) to the
 * cent, proven by arithmetic; the week cells of the others are listed (`cellules`, their sum `somme`), never counted.
 */
export interface SemainesNonProuvees {
  lignes: number;
  prouvees: number;
  /** Rows whose weeks add up to the line's quantity or number instead (days per week, not money): not listed. */
  enQuantite?: number;
  cellules: string[];
  /** Σ of the week cells listed, in hundredths of the unit `unite` (cents when euros). */
  somme: Cents;
  /**
   * What the week cells count, as proven: euros (rows whose weeks make the amount), jours (rows whose weeks make the
   * quantity in days), null when unknown (a mix, or nothing proven): the sum is then said without unit.
   */
  unite: "euros" | "jours" | null;
}

/** Per-episode columns: the lines whose episodes do not add up to the amount read (cells of the amount). */
export interface EpisodesNonProuves {
  lignes: number;
  cellules: string[];
}
