import { listeFeuilles } from "../util/nomsFeuilles";
import { ZERO, cents } from "../money/cents";
import { formatGrandMontantFr } from "../money/format";
import Decimal from "decimal.js";
import {
  Cents,
  centsToDecimal,
  eurosToCents,
  montantLigne,
  MONTANT_MAX_CENTIMES,
  MontantHorsLimiteError,
  multiplyCents,
  sumCents,
} from "../money/cents";
import { analyserNombre, type Convention, conventionProuvee } from "../money/parse";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, colonneLettre, lettreColonne, nomFeuilleRef } from "../util/adresse";
import { categorieDeTexte, eligibiliteDeTexte } from "./categorie";
import {
  avantColonne,
  Colonne,
  type ChoixMontant,
  type ColonneMontant,
  type Entete,
  type EnteteSuivante,
  type SecondBloc,
  entetesSuivants,
  premiereCellule,
  trouverEntete,
} from "./entetes";
import {
  bilansCroises,
  choisirParTotaux,
  choixParBilans,
  comparerAuTTC,
  fusionner,
  lireOuRien,
} from "./choixParTotaux";
import { lireEnMilliers } from "./echelle";
import { cellulesADroite, colonnesAttenantes, resumerADroite } from "./horsTableau";
import { dateReelle, natureNonMonetaire } from "./natureChiffre";
import {
  chaineDecimale,
  cellulePleine,
  chaineFacteur,
  facteurCellule,
  enMajuscules,
  analyserPourcent,
  fractionCellule,
  partFranceCellule,
  preuveTerritoire,
  type PreuvesTerritoire,
  territoireAmbigu,
  territoireIllisible,
  pourcentCellule,
  pourcentNonLu,
  analyserPourcentDansTexte,
  type PourcentLibelle,
  quantiteCellule,
  totalSomme,
  texteCellule,
} from "./lecture";
import { lireTaxes, tvaSansHT } from "./taxes";
import { totalSansLibelle } from "./totalSansLibelle";
import type {
  CodeChapitre,
  ColonneAnnexe,
  ColonneNommee,
  ColonneNonLue,
  ColonnesMontant,
  Devis,
  Genre,
  LigneDevis,
  LigneTotalProducteur,
  MontantHorsLignes,
  NombreHorsLignes,
  NombresHorsColonne,
  MontantIllisible,
  MontantNonPlace,
  MontantTaxeEcrite,
  NouvelEntete,
  PourcentageMontant,
  SommeDeTaux,
  Conservation,
  OrigineDuree,
  TotauxColonne,
  TypeOeuvre,
  UniteMilliers,
} from "./model";
import { sourceLigne } from "./model";
import { CHAPITRES_HORS_TOTAL } from "./nomenclature";
import {
  chapitreBasDeDevis,
  chapitreCompteAnglais,
  chapitreDeColonne,
  chapitreDeTitre,
  estRecapitulatif,
  estDetail,
  estReport,
  estTotalPage,
  ligneDerivee,
  typeTotal,
} from "./placement";
import { Brute, chapitreMajoritaire, idsCouverts, placer } from "./placer";
import { chargesEnColonne, ligneDeCharges } from "./chargesEnColonne";
import { aUnPourcentage, basePourcentage, calculerTotaux, estCout, sommeLignes } from "./totaux";
import { ErreurDonnees } from "../erreurs";
import { trouverEntetePlan } from "../financement/entetesPlan";
import { estFeuilleEtapes } from "../planning/lectureEtapes";
import { trouverFeuillePlan } from "../planning/planDeTravail";
import { calculerConservation, cellulesMontant } from "./conservation";
import { montantAvecUnite, tarifEcrit } from "./unites";
import { colonnesNonLues, enteteLisible, nombresHorsColonnes } from "./colonnesNonLues";
import {
  recapitulatifChapitres,
  recapitulatifDansRegion,
  recapitulatifEnBas,
  type RecapSurFeuilleLu,
  ressembleRecapitulatif,
} from "./recapitulatif";
import { montantsMasques } from "./masquees";
import { totauxPartiels } from "./totauxPartiels";
import { egalAuCentime, type Plage, plagesFormule, preuveDe, prouverTotaux, sommeIds } from "./preuve";
import { parseCelluleRef } from "../util/adresse";
import {
  chiffreEnTexte,
  conventionFeuille,
  textesNumeriques,
  dateEcrite,
  dateLisible,
  estDate,
  fusionsDeColonne,
  lireMontantCellule,
  montantProuve,
  type LectureMontant,
  verifierGrandeurs,
} from "./valeurs";

export interface OptionsImport {
  typeOeuvre?: TypeOeuvre;
  genre?: Genre;
  dureeMinutes?: number;
  /** Where the duration was taken (a cell, or typed): kept on the devis for its traces. */
  origineDuree?: OrigineDuree;
}

/** Share spent in France from "dont France" (else 1 − "dont étranger") over the line's amount, within 0..1. */
function partFranceDeRepartition(
  montant: Cents | undefined,
  fr: Decimal | undefined,
  etr: Decimal | undefined,
): Decimal | undefined {
  if (!montant || (fr === undefined && etr === undefined)) return undefined;
  const total = centsToDecimal(montant);
  const part = fr !== undefined ? fr.dividedBy(total) : new Decimal(1).minus((etr as Decimal).dividedBy(total));
  return Decimal.max(0, Decimal.min(1, part));
}

export class DevisIntrouvableError extends ErreurDonnees {
  /**
   * `feuille` names the sheet read; when several sheets were searched, pass them all in `feuilles`. `vide`: the sheet
   * read holds nothing at all, said as such rather than asking for a header row.
   */
  constructor(
    public readonly feuille: string,
    feuilles?: string[],
    vide = false,
    /** What the one sheet read is instead (autreUsage): said with its columns, « un plan de travail (colonnes …) ». */
    autre?: AutreUsage,
  ) {
    super(
      vide
        ? `La feuille « ${feuille} » est vide : elle ne contient aucun devis à lire.`
        : (feuilles && feuilles.length === 0
            ? // Empty, or holding only Prodbook's sheets (a « Versions » kept after the devis sheet was deleted).
              "Aucun devis reconnu : le classeur n'a aucune feuille du producteur (seulement celles de Prodbook, ou aucune)"
            : feuilles && feuilles.length > 1
              ? `Aucun devis reconnu dans les feuilles ${listeFeuilles(feuilles)}`
              : `Aucun devis reconnu dans la feuille « ${feuille} »` +
                (autre ? ` : c'est ${autre.nature} (colonnes ${autre.colonnes}), pas un devis ;` : "")) +
            `${autre ? "" : " :"} il faut une ligne d'en-tête avec au moins une colonne ` +
            `« Désignation » (ou Libellé, Description) et une colonne « Montant » (ou Total, Tarif, Taux).`,
    );
  }
}

/** « 5 - DÉCORS », « CHAPITRE 5 », « V. DÉCORS »: a numbered chapter title. */
const TITRE_NUMEROTE = /^\s*(?:(?:chapitre|chap\.?|ch\.?)\s*\d|\d{1,2}\s*[-–.:)]?\s|[ivx]{1,4}\s*[-–.:)]\s)/i;

/**
 * A section title written in lower case (« Plateau artistique », « Frais de tournée : »): a capital, one to five words,
 * no figure, no sentence's end. Only for a row holding that text alone, no amount nor factor.
 */
const TITRE_DE_SECTION = /^(?=[A-ZÀ-Ý])(?:[^\s\d.!?;]+\s+){0,4}[^\s\d.!?;:]+\s*:?$/;

/** A rebate, discount or commission (« Remise -10 % », « Rabais 5 % », « Ristourne »). */
const REMISE = /\b(remises?|rabais|ristournes?|escomptes?|abattements?|discount|rebate)\b/i;

/** The factors of a line, in the order their cells are examined. */
const FACTEURS = ["quantite", "nombre", "taux"] as const;
/** A factor's text that means a figure: a digit, or JavaScript's « NaN » / « Infinity » pasted from another tool. */
const FACTEUR_CHIFFRE = /\d|^[+-]?(nan|inf|infinity|infini)$/i;

/** The line a total-looking row becomes when nothing proves it is a total. */
function ligneDeTotal(t: LigneTotalProducteur, r: number, code: string, libelle: string): LigneDevis {
  const { feuille, row } = { feuille: parseCelluleRef(t.cellule).feuille ?? "", row: r };
  return {
    id: `${feuille}!${row + 1}`,
    code: code || undefined,
    libelle,
    montant: t.montant,
    montantFormule: t.formule ? true : undefined,
    formuleMontant: t.formule || undefined,
    eligibleCI: "auto",
    source: { feuille, ligne: row + 1, cellules: { montant: t.cellule } },
  };
}

interface Bloc {
  /** Index in `brutes` where the current section / run of lines started. */
  debutSection: number;
  debutRun: number;
  section?: CodeChapitre;
  /** A heading row that carried the chapter's amount: a subtotal closed when the section ends. */
  enteteTotal?: LigneTotalProducteur;
  /** Row of that heading and whether it came after the producer's total. */
  enteteLigne?: { r: number; code: string; libelle: string; apresTotal: boolean; sectionAvant?: CodeChapitre };
  /** The current section's title is an English account name (« DIRECTION »): its chapter is deduced, said. */
  titreAnglais?: { section: CodeChapitre; cellule: string; titre: string };
  /** A title in capitals without amount naming no chapter (« DÉPENSES ARTISTIQUES »), lines then read under none. */
  titreInconnu?: { cellule: string; titre: string };
}

/**
 * A row whose wording says total (or a chapter title in capitals carrying an amount) that no arithmetic proves:
 * counted as a line until a later total proves it was a subtotal after all (its amount is left out of that total).
 */
interface Provisoire {
  total: LigneTotalProducteur;
  brute: Brute;
  revertie: boolean;
  /** Lines that an unproven chapter title had put under its chapter, with that chapter (restored if proven). */
  sections: { b: Brute; section?: CodeChapitre }[];
  /** A chapter title in capitals carrying an amount. */
  titre?: boolean;
  /** A total above every line: proven at the end against the lines below it. */
  enTete?: boolean;
}

/**
 * The headers of one import, each found once (they are pure functions of the sheet and the header they start from):
 * the first header of a sheet (trouverEntete) and the tables stacked below a header (entetesSuivants), which the
 * reads of the sheet with another amount column (choisirColonnesBas, comparerAuTTCBas, choisirParTotaux) ask again.
 */
class EntetesLus {
  private readonly premiers = new Map<SheetData, Entete | undefined>();
  private readonly suivants = new Map<SheetData, Map<string, EnteteSuivante[]>>();
  premier(sheet: SheetData): Entete | undefined {
    if (!this.premiers.has(sheet)) this.premiers.set(sheet, trouverEntete(sheet));
    return this.premiers.get(sheet);
  }
  /** The headers below `entete` (keyed by its content: each read of the sheet makes its own header objects). */
  dessous(sheet: SheetData, entete: Entete): readonly EnteteSuivante[] {
    let parEntete = this.suivants.get(sheet);
    if (!parEntete) this.suivants.set(sheet, (parEntete = new Map()));
    const cle = JSON.stringify(entete);
    let out = parEntete.get(cle);
    if (!out) parEntete.set(cle, (out = entetesSuivants(sheet, entete)));
    return out;
  }
}

/**
 * Reads a devis in the producer's own layout (see docs/devis.md for what is recognised). Among amount columns
 * alike, the one whose subtotals and totals its own lines prove is read (choisirParTotaux).
 */
export function importerDevis(source: SheetData, opts: OptionsImport = {}): Devis {
  // Figures stated in thousands of euros (« Montant (k€) », « en milliers d'euros »): read × 1 000, said so.
  const { feuille: sheet, unite, noteIgnoree } = lireEnMilliers(source);
  const entetes = new EntetesLus();
  // Two blocks side by side (the header repeated to the right): only the first is read, the second named.
  const entete = entetes.premier(sheet);
  const bloc = entete?.secondBloc;
  const gauche = bloc ? avantColonne(sheet, bloc.debut) : sheet;
  // A block beside a table stacked lower (a recap by chapter in H–J): that table's rows read left of it, the block named.
  const cotes = blocsDesTableauxBas(gauche, entetes);
  const lue = cotes.length ? sansBlocsBas(gauche, cotes) : gauche;
  // A recap by chapter just under the header row, before the first chapter: the devis read without its rows when the
  // arithmetic proves it against that reading; else its rows are read as any others (lines, unless proven totals).
  const lire = (s: SheetData) => {
    const x = entete && recapSousEntete(s, entete, opts, entetes);
    return { sous: x, devis: x?.devis ?? importerFeuille(s, opts, entetes) };
  };
  let { sous, devis } = lire(lue);
  // Between two stacked tables, in the upper one's amount column: a number whose unit proves it no amount (« Jours de
  // tournage | 32 ») is no line in euros; the devis read again without it, the number listed with the gap's figures.
  const leves = entete ? nombresEntreTableaux(lue, entete, devis, entetes) : [];
  if (leves.length) {
    const cellules = new Set(leves.map((x) => `${x.row}:${x.col}`));
    ({ sous, devis } = lire({
      ...lue,
      rows: lue.rows.map((row, r) => row.map((c, k) => (cellules.has(`${r}:${k}`) ? { v: null } : c))),
    }));
  }
  // Hidden rows are read as shown ones: their amounts are named, never dropped nor silently counted.
  const masquees = montantsMasques(lue, devis);
  if (masquees.length) devis.masquees = masquees;
  // The cells of the lines, totals, ambiguous and foreign amounts: no step below changes them (it names figures apart).
  const fixes = cellulesFixes(devis);
  // The decimal convention the sheet's text amounts prove, scanned once per sheet (both readings below use it).
  const conventions = new Map<SheetData, Convention | undefined>();
  const conventionDe = (s: SheetData, e: Entete): Convention | undefined => {
    if (!conventions.has(s)) conventions.set(s, conventionFeuille(s, e.colonnes, e.ligne + 1));
    return conventions.get(s);
  };
  if (entete) {
    const convention = conventionDe(lue, entete);
    if (sous) compterRegion(lue, sous.debut, sous.fin, devis, fixes, sous.recap, convention, entete);
    // Above the header, on the devis sheet itself: a recap by chapter proven by arithmetic (its figures never lines),
    // and every other figure, read and named (listed), so that nothing there is lost in silence.
    const haut = debutEntete(entete);
    const recapHaut = recapitulatifDansRegion(lue, 0, haut, devis, "haut");
    compterRegion(lue, 0, haut, devis, fixes, recapHaut, convention, entete);
    // Between two stacked tables, above the lower one's header: read the same way, never dropped in silence.
    compterEntreTableaux(lue, entete, devis, fixes, convention, entetes, new Set(leves.map((x) => x.row)));
    // A quantity alone (« Jours de tournage | 32 ») between two stacked tables, in a column the gap's reading names
    // (above the lower header): said there once, not also as a line of the upper table without rate nor amount.
    const dessus = new Set((devis.conservation?.ailleurs ?? []).map((a) => a.cellule));
    if (devis.illisibles?.some((i) => i.quantiteSeule !== undefined && dessus.has(i.cellule)))
      devis.illisibles = devis.illisibles.filter((i) => i.quantiteSeule === undefined || !dessus.has(i.cellule));
  }
  if (bloc) nommerSecondBloc(sheet, entete?.ligne ?? 0, bloc, devis);
  for (const x of cotes)
    nommerSecondBloc({ ...sheet, rows: sheet.rows.slice(0, x.fin) }, x.debut, x.bloc, devis, false);
  // Amounts right of the table (and of a second block), under no header of it: named, never lost in silence.
  if (entete) {
    const enTete = sheet.rows[entete.ligne] ?? [];
    let fin = bloc?.fin ?? -1;
    enTete.forEach((x, c) => {
      if (x && x.v !== null && String(x.v).trim() !== "") fin = Math.max(fin, c);
    });
    const convention = conventionDe(sheet, entete);
    // Right of the first table only: a table stacked below is read with its own header (its columns may be wider).
    const s0 = devis.entetesSuivants?.[0];
    const bas = s0 && debutEntete(s0);
    const haut = bas === undefined ? sheet : { ...sheet, rows: sheet.rows.slice(0, bas - 1) };
    // A recap by chapter beside the first table under none of its header's cells (labels in H, amounts in I on the
    // chapters' own rows): proven by arithmetic, its figures counted and named as a recap's (the other figures there
    // with them), not as columns right of the table.
    // Nothing typed right of the table on its rows (its cells emptied, the region holds no figure): no recap beside it,
    // and the sheet is not copied cell by cell to look for one.
    const figuresADroite = haut.rows.some(
      (row, r) => r > entete.ligne && row.some((c, k) => k > fin && !!c && c.v !== null),
    );
    if (!devis.recapitulatifSurFeuille && figuresADroite) {
      const droite: SheetData = {
        ...haut,
        rows: haut.rows.map((row, r) => (r <= entete.ligne ? [] : row.map((c, k) => (k <= fin ? { v: null } : c)))),
      };
      const n = droite.rows.length;
      const recap = recapitulatifDansRegion(droite, entete.ligne + 1, n, devis, "a-cote");
      if (recap) compterRegion(droite, entete.ligne + 1, n, devis, fixes, recap, convention, entete);
    }
    // The cells read above or just under a header (a recap beside the table, proven or listed): not named twice.
    const deja = new Set([
      ...(devis.horsLignes ?? []).map((h) => h.cellule),
      ...(devis.conservation?.ailleurs ?? []).map((a) => a.cellule),
    ]);
    const aDroite = cellulesADroite(haut, entete.ligne, fin + 1, convention, deja);
    // Right against the table's last headed column (no empty column between): figures beside its lines, in the devis's
    // region. Each is read and listed in the conservation (`lu`, horsColonnes[].listees) as a figure of a column
    // without header is, never in the total. A block beyond an empty column (its own header, a recap) is no part of
    // the devis: named by horsTableau, not counted in `lu`. Beside a second block, nothing is the devis's margin.
    if (!bloc) {
      // A column the import reads (the amount under a header merged over two columns): its figures are the devis's.
      const lues = new Set<number>(Object.values(entete.colonnes).filter((k): k is number => k !== undefined));
      for (const y of entete.montants ? [entete.montants.retenue, ...entete.montants.ecartees] : []) lues.add(y.col);
      if (entete.libelleSansEntete) lues.add(entete.libelleSansEntete.col);
      // Between its headers, in an unheaded column: errors and dates as in its margin.
      lireSansEntete(haut, entete.ligne, lues, deja, devis, fixes);
      lireMarge(haut, entete.ligne, fin + 1, lues, aDroite, deja, devis, fixes);
    }
    const hors = resumerADroite(aDroite);
    // Right of each table stacked lower, under none of its own header's cells, down to the next table: named too.
    const suivants = devis.entetesSuivants ?? [];
    suivants.forEach((x, i) => {
      const debut = debutEntete(x) - 1;
      // 1-based rows here (the devis' headers): the next table's first row, less one, is where this one stops.
      const rows = sheet.rows.slice(0, finTableau(suivants, i, sheet.rows.length + 1) - 1);
      let derniere = -1;
      for (let r = debut; r < x.ligne; r++)
        (sheet.rows[r] ?? []).forEach((y, c) => {
          if (y && y.v !== null && String(y.v).trim() !== "") derniere = Math.max(derniere, c);
        });
      // Its margin, as the first table's: figures right against its last headed column are the devis's, listed.
      const tableau = { ...sheet, rows };
      const aDroiteBas = cellulesADroite(tableau, x.ligne - 1, derniere + 1, convention, deja);
      const lues = new Set(
        [
          ...Object.values(x.colonnes),
          ...(x.colonneMontant ? [x.colonneMontant.retenue, ...x.colonneMontant.ecartees].map((y) => y.colonne) : []),
          x.colonneLibelles?.colonne,
        ]
          .filter((k): k is string => !!k)
          .map(lettreColonne),
      );
      lireSansEntete(tableau, x.ligne - 1, lues, deja, devis, fixes);
      lireMarge(tableau, x.ligne - 1, derniere + 1, lues, aDroiteBas, deja, devis, fixes);
      hors.push(...resumerADroite(aDroiteBas));
    });
    if (hors.length) devis.horsTableau = hors;
  }
  // The amount column read hidden by the producer: its amounts are counted, and said to be out of sight.
  const colonne = devis.conservation?.colonne;
  if (colonne && lue.colonnesMasquees?.includes(lettreColonne(colonne))) {
    const c = lettreColonne(colonne);
    const ligne = entetes.premier(lue)?.ligne ?? 0;
    devis.colonneMontantMasquee = {
      colonne,
      cellule: celluleRef(sheet.name, ligne, c),
      entete: String(sheet.rows[ligne]?.[c]?.v ?? "").trim(),
      somme: sumCents(
        devis.lignes
          .filter((l) => l.source.cellules.montant && parseCelluleRef(l.source.cellules.montant).col === c)
          .map((l) => l.montant),
      ),
    };
  }
  if (noteIgnoree) devis.uniteNonAppliquee = noteIgnoree;
  if (unite) {
    devis.uniteMilliers = unite;
    ambigusEnEuros(devis, unite);
    // A table read in euros beside one in thousands: its lines and their sum, for both readings to be named.
    for (const t of unite.sansUnite ?? []) {
      const sous = devis.lignes.filter((l) => l.source.ligne > t.ligne && l.source.ligne <= t.fin);
      t.lignes = sous.length;
      t.somme = sumCents(sous.map((l) => l.montant));
    }
  }
  return devis;
}

/**
 * An ambiguous text (« 12.500 ») in a column read in thousands (or millions) of euros is left as typed by
 * lireEnMilliers (neither reading is picked): both readings named in euros, scaled like the column (12 500,00 € or
 * 12 500 000,00 €), never the unscaled ones. Scaled from the text's exact readings: « 2.345 » k€ is 2 345,00 €, not
 * 2,35 € × 1 000.
 */
function ambigusEnEuros(devis: Devis, unite: UniteMilliers) {
  const colonnes = new Set(unite.colonnes);
  /** Stacked tables: the factor of the table holding the cell, when its column was scaled there (else none). */
  const facteurDe = (cellule: string): number | undefined => {
    const { row, col } = parseCelluleRef(cellule);
    if (!unite.tableaux) return colonnes.has(colonneLettre(col)) ? unite.facteur : undefined;
    const t = unite.tableaux.find((x) => row + 1 > x.ligne && row + 1 <= x.fin);
    return t?.colonnes.includes(colonneLettre(col)) ? t.facteur : undefined;
  };
  const enEuros = (exacte: Decimal | undefined, lue: Cents, cellule: string, facteur: number) => {
    const d = (exacte ?? centsToDecimal(lue)).times(facteur).times(100);
    const c = d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    if (c.abs().greaterThan(MONTANT_MAX_CENTIMES))
      throw new MontantHorsLimiteError(formatGrandMontantFr(c.dividedBy(100)), cellule);
    return cents(c.toNumber());
  };
  for (const a of devis.ambigus ?? []) {
    const facteur = facteurDe(a.cellule);
    if (facteur === undefined) continue;
    const n = analyserNombre(a.texte);
    const exacte = n.type === "ambigu" ? n : undefined;
    a.decimale = enEuros(exacte?.decimale, a.decimale, a.cellule, facteur);
    a.milliers = enEuros(exacte?.milliers, a.milliers, a.cellule, facteur);
  }
}

/**
 * A block just under the header row, before the first chapter, that recaps the devis by chapter: rows `debut` to `fin`
 * (excluded), from the first holding a figure (a « Récapitulatif » title or blank rows above it included) to the first
 * after them holding none (a chapter's title) or a factor (a line). Only when its rows look like a recap
 * (ressembleRecapitulatif) is the devis read without them, and kept when the arithmetic proves the recap against it.
 */
function recapSousEntete(
  sheet: SheetData,
  entete: Entete,
  opts: OptionsImport,
  entetes: EntetesLus,
): { debut: number; fin: number; devis: Devis; recap: RecapSurFeuilleLu } | undefined {
  const facteurs = [entete.colonnes.quantite, entete.colonnes.nombre, entete.colonnes.taux].filter(
    (c): c is number => c !== undefined,
  );
  let debut = entete.ligne + 1;
  let premier = -1;
  let fin = -1;
  for (let r = entete.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    if (!row.some(cellulePleine)) {
      if (premier >= 0) {
        fin = r;
        break;
      }
      continue;
    }
    if (facteurs.some((c) => cellulePleine(row[c]))) {
      fin = r;
      break;
    }
    const chiffre = chiffresDeLigne(row, entete).length > 0;
    if (chiffre && premier < 0) premier = r;
    if (!chiffre && premier >= 0) {
      fin = r;
      break;
    }
    // Rows before its first figure belong to the block only when they title it (« Récapitulatif »).
    if (!chiffre && !estRecapitulatif(row.filter(cellulePleine).map((c) => String(c.v).trim())[0] ?? "")) debut = r + 1;
  }
  if (premier < 0 || fin < 0 || !ressembleRecapitulatif(sheet, premier, fin)) return undefined;
  const sans: SheetData = { ...sheet, rows: sheet.rows.map((row, i) => (i >= debut && i < fin ? [] : row)) };
  let devis: Devis;
  try {
    devis = importerFeuille(sans, opts, entetes);
  } catch {
    return undefined; // the sheet read with its rows says why
  }
  const recap = recapitulatifDansRegion(sheet, debut, fin, devis, "sous-entete");
  return recap && { debut, fin, devis, recap };
}

/** A cell's label: its row's texts left of it (« Budget prévisionnel »). */
const libelleDe = (row: readonly CellData[], col: number) =>
  row
    .slice(0, col)
    .filter((c) => typeof c.v === "string" && c.v.trim() !== "" && !c.erreur && !estDate(c))
    .map((c) => String(c.v).trim())
    .join(" ") || "sans libellé";

/**
 * The figures of a row outside the devis's table reading: numbers and numeric texts, by column. A code or label left
 * of other cells (« 01 | Droits artistiques | … ») and the code column are no figures; dates and errors are not read.
 */
function chiffresDeLigne(
  row: readonly CellData[],
  entete: Entete,
  convention?: Convention,
): { col: number; montant: Cents }[] {
  const gauche = row.findIndex(cellulePleine);
  const droite = row.length - 1 - [...row].reverse().findIndex(cellulePleine);
  const out: { col: number; montant: Cents }[] = [];
  row.forEach((c, col) => {
    if (!cellulePleine(c) || col === entete.colonnes.code || (col === gauche && droite > gauche)) return;
    if (typeof c.v === "string" && !/\d/.test(c.v)) return;
    const lu = lireMontantCellule(c, convention);
    if (lu.type === "montant") out.push({ col, montant: lu.cents });
  });
  return out;
}

/**
 * Rows `debut` to `fin` (excluded) of the devis sheet read apart from the lines: above the header, or a recap block
 * just under it. The recap's figures (when the arithmetic proves one) are named (montant-hors-lignes), those equal to
 * the devis's chapters (or total) proven totals, the others listed with both amounts; every other figure of those rows
 * is listed and named too (a figure above the header equal to the devis's total, to the cent, is a proven total). All
 * are added to the conservation (`lu`, and `ailleurs` for the cells out of the amount column under the header). A
 * figure whose unit proves it no amount (« Durée | 90 | min », « Année | 2026 ») is listed and named as a number,
 * never read in euros nor summed. `bas`: the rows lie above the header of a table stacked lower (between two tables),
 * every cell out of the first table's amount column; a cell already read (a line, a total, an error named) is skipped.
 */
function compterRegion(
  sheet: SheetData,
  debut: number,
  fin: number,
  devis: Devis,
  fixes: ReadonlySet<string>,
  recap: RecapSurFeuilleLu | undefined,
  convention: Convention | undefined,
  entete: Entete,
  bas?: { entete: Entete; cellule: string },
): void {
  if (fin <= debut) return;
  if (recap && !devis.recapitulatifSurFeuille) devis.recapitulatifSurFeuille = recap.recap;
  const dansRecap = new Set((recap?.figures ?? []).map((f) => f.cellule));
  const deja = cellulesDejaLues(devis, fixes);
  const motif =
    recap?.recap.place === "sous-entete" ? "sousEntete" : recap?.recap.place === "a-cote" ? "aCote" : "auDessus";
  const region = motif === "sousEntete" ? "sous-entete" : motif === "aCote" ? "a-cote" : "au-dessus";
  const autres: MontantHorsLignes[] = [];
  const nombres: NombreHorsLignes[] = [];
  const erreurs: MontantIllisible[] = [];
  for (let r = debut; r < fin; r++) {
    const row = sheet.rows[r] ?? [];
    // An Excel error there is named too, never lost with its row.
    row.forEach((c, col) => {
      const cellule = celluleRef(sheet.name, r, col);
      if (c?.erreur && !deja(cellule))
        erreurs.push({
          cellule,
          texte: String(c.v),
          libelle: libelleDe(row, col),
          erreurExcel: true,
          region,
          ...(bas ? { entete: bas.cellule } : {}),
        });
    });
    // A date above a header (« Date du devis | 15/04/2025 »), real or typed as text (« 15 avril 2025 »): named as a
    // date, never dropped nor read in euros.
    if (bas || r < entete.ligne)
      row.forEach((c, col) => {
        // A text shaped as a date but none (« 31/02/2025 ») is named as typed, never read in euros nor lost.
        const iso =
          dateReelle(c) ?? (typeof c?.v === "string" && estDate(c) ? (dateEcrite(c.v) ?? c.v.trim()) : undefined);
        const cellule = celluleRef(sheet.name, r, col);
        if (iso === undefined || deja(cellule) || dansRecap.has(cellule)) return;
        const sous = bas ? { entete: bas.cellule } : {};
        nombres.push({ cellule, valeur: iso, libelle: libelleDe(row, col), nature: "date", unite: "date", ...sous });
      });
    for (const x of chiffresDeLigne(row, bas?.entete ?? entete, convention)) {
      const cellule = celluleRef(sheet.name, r, x.col);
      if (dansRecap.has(cellule) || deja(cellule)) continue;
      const libelle = libelleDe(row, x.col);
      // A duration, a count, a year: its unit proves it no amount; named as a number, never in euros.
      const n = natureNonMonetaire(row, x.col, libelle);
      if (n) {
        const valeur = String(row[x.col].v).trim();
        nombres.push({ cellule, valeur, libelle, ...n, ...(bas ? { entete: bas.cellule } : {}) });
        continue;
      }
      const total = motif === "auDessus" && x.montant !== ZERO && egalAuCentime(x.montant, devis.total);
      const sous = bas ? { entete: bas.cellule } : {};
      autres.push({
        cellule,
        montant: x.montant,
        libelle,
        motif,
        ...sous,
        ...(total ? { prouve: true as const } : {}),
      });
    }
  }
  const figures: MontantHorsLignes[] = [
    ...(recap?.figures ?? []).map((f): MontantHorsLignes => ({
      cellule: f.cellule,
      montant: f.montant,
      libelle: f.libelle,
      motif: "recapitulatif",
      ...(f.prouve ? { prouve: true as const } : f.ecart ? { ecart: f.ecart } : {}),
    })),
    ...autres,
  ];
  if (!figures.length && !erreurs.length && !nombres.length) return;
  const ordre = (c: string) => {
    const p = parseCelluleRef(c);
    return p.row * 16384 + p.col;
  };
  figures.sort((a, b) => ordre(a.cellule) - ordre(b.cellule));
  if (figures.length) devis.horsLignes = [...(devis.horsLignes ?? []), ...figures];
  if (nombres.length) devis.nombresHorsLignes = [...(devis.nombresHorsLignes ?? []), ...nombres];
  if (erreurs.length) devis.illisibles = [...(devis.illisibles ?? []), ...erreurs];
  const c = devis.conservation;
  if (!c) return;
  const prouves = figures.filter((f) => f.prouve);
  const listes = figures.filter((f) => !f.prouve);
  const somme = (xs: typeof figures) => sumCents(xs.map((f) => f.montant));
  // Out of the amount column under the header: named by the conservation's sentence (the column alone does not say).
  const colonne = c.colonne === undefined ? undefined : lettreColonne(c.colonne);
  const dehors = (x: { cellule: string }) => {
    const p = parseCelluleRef(x.cellule);
    return !!bas || p.row < entete.ligne || p.col !== colonne;
  };
  const place = (cellule: string): "au-dessus" | "sous-entete" | "a-cote" =>
    bas || parseCelluleRef(cellule).row < entete.ligne ? "au-dessus" : region === "a-cote" ? "a-cote" : "sous-entete";
  const sous = bas ? { entete: bas.cellule } : {};
  // An Excel error: no amount. A number proven no amount: its value and unit, no amount.
  const ailleurs: NonNullable<Conservation["ailleurs"]> = [
    ...figures
      .filter(dehors)
      .map((f) => ({ cellule: f.cellule, montant: f.montant, place: place(f.cellule), ...sous })),
    ...erreurs.filter(dehors).map((e) => ({ cellule: e.cellule, place: place(e.cellule), ...sous })),
    ...nombres.map((x) => ({
      cellule: x.cellule,
      place: place(x.cellule),
      nature: x.nature,
      valeur: x.valeur,
      unite: x.unite,
      ...sous,
    })),
  ];
  devis.conservation = {
    ...c,
    lu: sumCents([c.lu, somme(figures)]),
    totauxProuves: sumCents([c.totauxProuves, somme(prouves)]),
    listes: sumCents([c.listes, somme(listes)]),
    cellules: {
      ...c.cellules,
      lues: c.cellules.lues + figures.length + erreurs.length + nombres.length,
      totauxProuves: c.cellules.totauxProuves + prouves.length,
      listees: c.cellules.listees + listes.length + erreurs.length + nombres.length,
    },
    ...(ailleurs.length || c.ailleurs
      ? {
          ailleurs: [...(c.ailleurs ?? []), ...ailleurs].sort((a, b) => ordre(a.cellule) - ordre(b.cellule)),
        }
      : {}),
  };
}

/**
 * The cells the import has already read and counted or named: lines' amounts, totals, figures apart, errors. A rate
 * typed alone (« Apport | | 2 500 | », tauxSeul) is named as the upper table's rate but counted nowhere: between two
 * stacked tables it may be the lower table's amount column, so it stays to be listed there too (never lost from lu).
 * `fixes`: the devis's cellulesFixes, the cells the steps naming figures apart never change; the others are read anew.
 */
function cellulesDejaLues(devis: Devis, fixes: ReadonlySet<string>): (cellule: string) => boolean {
  const nommees = new Set<string>();
  for (const h of devis.horsLignes ?? []) nommees.add(h.cellule);
  for (const h of devis.nombresHorsLignes ?? []) nommees.add(h.cellule);
  for (const i of devis.illisibles ?? [])
    if (i.cellule && i.tauxSeul === undefined && i.quantiteSeule === undefined) nommees.add(i.cellule);
  return (cellule) => fixes.has(cellule) || nommees.has(cellule);
}

/**
 * The cells of the devis's lines' amounts, of its totals, of its ambiguous amounts and of those in another currency:
 * set once the sheet is read (the steps after only name the figures apart, cellulesDejaLues), so found once.
 */
function cellulesFixes(devis: Devis): Set<string> {
  const out = new Set<string>();
  for (const l of devis.lignes) if (l.source.cellules.montant) out.add(l.source.cellules.montant);
  for (const t of devis.totauxProducteur) if (t.cellule) out.add(t.cellule);
  for (const i of devis.ambigus ?? []) if (i.cellule) out.add(i.cellule);
  for (const i of devis.devises ?? []) if (i.cellule) out.add(i.cellule);
  return out;
}

/**
 * Tables stacked lower: the rows between the end of the table above (its last row holding a line or a cell of its
 * amount column) and each lower header are read as the rows above the first header are (compterRegion): every figure
 * placed, proven or listed with its cell, never dropped in silence.
 */
function compterEntreTableaux(
  sheet: SheetData,
  entete: Entete,
  devis: Devis,
  fixes: ReadonlySet<string>,
  convention: Convention | undefined,
  entetes: EntetesLus,
  leves: ReadonlySet<number> = new Set(),
): void {
  const bas = entetes.dessous(sheet, entete).filter((x) => !x.repete);
  const lignesLues = new Set(devis.lignes.map((l) => l.source.ligne - 1));
  // The rows of the producer's totals (proven or not): rows of the table above, never of the gap.
  const totaux = new Set(devis.totauxProducteur.map((t) => parCellule(t.cellule)?.row ?? -1));
  const placees = new Set(devis.lignes.filter((l) => l.chapitre).map((l) => l.source.ligne - 1));
  const nommees = colonnesNommees(devis);
  bas.forEach((x, i) => {
    const dessus: Entete = i === 0 ? entete : bas[i - 1];
    const fin = debutEntete(x);
    const col = dessus.colonnes.montant;
    let debut = dessus.ligne + 1;
    // A number lifted from the upper table's amount column (nombresEntreTableaux) does not end that table: read alone.
    for (let r = dessus.ligne + 1; r < fin; r++)
      if (!leves.has(r) && (lignesLues.has(r) || (col !== undefined && cellulePleine(sheet.rows[r]?.[col]))))
        debut = r + 1;
    // The columns of the table above named with their numbers down to this header (« Observations », « Réalisé », an
    // amount column not counted): their cells are said there, never twice.
    const parColonne = nommees
      .filter((n) => n.ligne >= debutEntete(dessus) && n.ligne <= dessus.ligne)
      .map((n) => n.col);
    const region: SheetData = parColonne.length
      ? { ...sheet, rows: sheet.rows.map((row, r) => (r < debut || r >= fin ? row : sansColonnes(row, parColonne))) }
      : sheet;
    const recap = recapitulatifDansRegion(region, debut, fin, devis, "haut");
    const cellule = celluleRef(sheet.name, fin, premiereCellule(sheet, fin));
    compterRegion(region, debut, fin, devis, fixes, recap, convention, entete, { entete: x, cellule });
    // Before `debut`, after the upper table's last total (without one, its last placed line, as nombresEntreTableaux
    // says): a row with nothing in its amount column is no row of that table (« Révisé le | | | 20 mai 2025 » above a
    // date typed in F, or above a leftover amount read as an unplaced line): its figures are read alone, as the gap's.
    const dans = (rs: ReadonlySet<number>) => [...rs].filter((r) => r > dessus.ligne && r < debut && !leves.has(r));
    const fins = [dans(totaux), dans(placees), dans(lignesLues)].find((x) => x.length) ?? [];
    const apres = Math.max(dessus.ligne, ...fins);
    const seules = [...leves].filter((r) => r > dessus.ligne && r < debut);
    for (let r = apres + 1; r < debut; r++)
      if (!leves.has(r) && !lignesLues.has(r) && (col === undefined || !cellulePleine(sheet.rows[r]?.[col])))
        seules.push(r);
    for (const r of seules.sort((a, b) => a - b))
      compterRegion(region, r, r + 1, devis, fixes, undefined, convention, entete, { entete: x, cellule });
  });
}

/**
 * Between the first table and a table stacked lower, in the first table's amount column: the numbers it read as lines
 * (after its last total, or, without one, unplaced after its last placed line; no quantité, nombre or taux on the row)
 * whose unit proves them no amount (natureNonMonetaire: the unit cell right of it, its number format, its label). They
 * are no lines in euros: the devis is read without them, and they are listed as numbers with the gap's other figures.
 * A number with no unit proven stays an amount (a line, unplaced or not), and a date stays a date named as an error.
 */
function nombresEntreTableaux(
  sheet: SheetData,
  entete: Entete,
  devis: Devis,
  entetes: EntetesLus,
): { row: number; col: number }[] {
  const bas = entetes.dessous(sheet, entete).find((x) => !x.repete);
  if (!bas) return [];
  const fin = debutEntete(bas);
  const dans = (r: number) => r > entete.ligne && r < fin;
  const rangee = (cellule: string | undefined) => (cellule ? (parCellule(cellule)?.row ?? -1) : -1);
  const totaux = devis.totauxProducteur.map((t) => rangee(t.cellule)).filter(dans);
  const placees = devis.lignes
    .filter((l) => l.chapitre)
    .map((l) => rangee(l.source.cellules.montant))
    .filter(dans);
  const facteurs = [entete.colonnes.quantite, entete.colonnes.nombre, entete.colonnes.taux].filter(
    (c): c is number => c !== undefined,
  );
  const apres = totaux.length ? Math.max(...totaux) : placees.length ? Math.max(...placees) : undefined;
  if (apres === undefined) return [];
  const out: { row: number; col: number }[] = [];
  for (const l of devis.lignes) {
    const p = l.source.cellules.montant ? parCellule(l.source.cellules.montant) : undefined;
    if (!p || p.row <= apres || !dans(p.row) || (!totaux.length && l.chapitre)) continue;
    const row = sheet.rows[p.row] ?? [];
    if (facteurs.some((c) => cellulePleine(row[c])) || dateReelle(row[p.col]) !== undefined) continue;
    // Only a figure the gap's reading lists (not the row's leftmost cell, as a code, nor the lower table's code column).
    if (!chiffresDeLigne(row, bas).some((x) => x.col === p.col)) continue;
    if (natureNonMonetaire(row, p.col, libelleDe(row, p.col))) out.push(p);
  }
  return out;
}

/** A row with the cells of `cols` emptied. */
const sansColonnes = (row: readonly CellData[], cols: readonly number[]) =>
  row.map((c, k) => (cols.includes(k) ? { v: null } : c));

/**
 * The header cells (0-based row, column) of the columns the import names with their numbers per column, never read:
 * columns no role reads (horsColonnes), réalisé / écart / episodes / weeks (colonnesNonLues), amount columns not
 * counted (colonneMontant's ecartees), for the first table and each one stacked lower.
 */
function colonnesNommees(devis: Devis): { ligne: number; col: number }[] {
  const cellules = [
    ...(devis.conservation?.horsColonnes ?? []),
    ...(devis.colonnesNonLues ?? []),
    ...(devis.colonneMontant?.ecartees ?? []),
    ...(devis.entetesSuivants ?? []).flatMap((e) => [
      ...(e.colonnesNonLues ?? []),
      ...(e.colonneMontant?.ecartees ?? []),
    ]),
  ].map((x) => x.cellule);
  const out: { ligne: number; col: number }[] = [];
  for (const c of cellules) {
    const p = parCellule(c);
    if (p) out.push({ ligne: p.row, col: p.col });
  }
  return out;
}

function parCellule(ref: string): { row: number; col: number } | undefined {
  try {
    return parseCelluleRef(ref);
  } catch {
    return undefined;
  }
}

/** A block beside a table stacked lower: the header's first row, where the table stops (the next header), the block. */
interface BlocBas {
  debut: number;
  fin: number;
  bloc: SecondBloc;
}

/** The blocks beside the tables stacked lower (entetesSuivants' `secondBloc`), each down to the next header. */
function blocsDesTableauxBas(sheet: SheetData, entetes: EntetesLus): BlocBas[] {
  const entete = entetes.premier(sheet);
  const dessous = entete ? entetes.dessous(sheet, entete) : [];
  return dessous.flatMap((x, i) =>
    x.secondBloc ? [{ debut: debutEntete(x), fin: finTableau(dessous, i, sheet.rows.length), bloc: x.secondBloc }] : [],
  );
}

/** The sheet with the rows of each table stacked lower that has a block beside it cut before that block. */
function sansBlocsBas(sheet: SheetData, blocs: readonly BlocBas[]): SheetData {
  const rows = sheet.rows.slice();
  for (const b of blocs)
    for (let r = b.debut; r < b.fin && r < rows.length; r++)
      if (rows[r].length > b.bloc.debut) rows[r] = rows[r].slice(0, b.bloc.debut);
  return { ...sheet, rows };
}

/**
 * The second block's amount column, named with its sum and its cells among the columns not read (never counted: the
 * conservation is the first block's amount column's). The first block's amount column is named as the one read.
 */
function nommerSecondBloc(sheet: SheetData, ligne: number, bloc: SecondBloc, devis: Devis, premier = true) {
  const convention = conventionFeuille(sheet, { montant: bloc.montant }, ligne + 1);
  const cellules = cellulesMontant(sheet, ligne, bloc.montant, convention);
  const avecMontant = cellules.filter((c) => c.montant !== undefined);
  const col = (c: number) => colonneLettre(c);
  const colonne: ColonneNonLue = {
    colonne: col(bloc.montant),
    cellule: celluleRef(sheet.name, ligne, bloc.montant),
    entete: String(sheet.rows[ligne]?.[bloc.montant]?.v ?? "").trim(),
    nature: "secondBloc",
    somme: sumCents(avecMontant.map((c) => c.montant ?? ZERO)),
    bloc: {
      debut: col(bloc.debut),
      fin: col(bloc.fin),
      premier: { debut: col(bloc.premier.debut), fin: col(bloc.premier.fin) },
      cellules: cellules.length,
      ...(cellules.length ? { premiere: cellules[0].cellule, derniere: cellules[cellules.length - 1].cellule } : {}),
      ...(bloc.autreEntete ? { autreEntete: true as const } : {}),
    },
  };
  // A recap by chapter (« Chapitre | Libellé | Total »): compared with the devis's chapter totals, never counted.
  const recap = recapitulatifChapitres(sheet, bloc, avecMontant, devis);
  if (recap) colonne.recapitulatif = recap;
  devis.colonnesNonLues = [...(devis.colonnesNonLues ?? []), colonne];
  const montant = devis.conservation?.colonne;
  if (premier && !devis.colonneLue && montant) {
    const c = lettreColonne(montant);
    devis.colonneLue = {
      colonne: col(c),
      cellule: celluleRef(sheet.name, ligne, c),
      entete: String(sheet.rows[ligne]?.[c]?.v ?? "").trim(),
    };
  }
}

/** Per column index, 1 for the columns whose text never titles a row (unit, category, territory, eligibility, rate). */
function sansTitreDe(cols: Entete["colonnes"]): Uint8Array {
  const sansTitre = [cols.unite, cols.categorie, cols.territoire, cols.eligibleCI, cols.tauxCharges].filter(
    (c): c is number => c !== undefined,
  );
  const out = new Uint8Array(Math.max(-1, ...sansTitre) + 1);
  for (const c of sansTitre) out[c] = 1;
  return out;
}

/**
 * The margin of a table (header on 0-based row `ligneEntete`, last headed column `debut` - 1): the columns right against
 * it, while each holds something below the header (colonnesAttenantes), except those the import reads (`lues`). Beside
 * its lines, in the devis's region: each amount there (taken out of `aDroite`, no longer named as right of the table)
 * is read in `lu` and listed (horsColonnes[].listees) as a figure of a column without header is, never in the total.
 * Each Excel error there is counted and listed without amount, named (montant-illisible, `region` « marge »). A date
 * in a column that holds amounts is counted and listed without amount (named by colonnes-lues); a column of dates with
 * no amount holds no money (when each line was agreed): not listed, as the dates of an unheaded column between headers.
 */
function lireMarge(
  sheet: SheetData,
  ligneEntete: number,
  debut: number,
  lues: ReadonlySet<number>,
  aDroite: Map<number, { cellules: string[]; montants: Cents[] }>,
  deja: ReadonlySet<string>,
  devis: Devis,
  fixes: ReadonlySet<string>,
): void {
  const c = devis.conservation;
  if (!c) return;
  const dejaLue = cellulesDejaLues(devis, fixes);
  const lus = (cellule: string) => deja.has(cellule) || dejaLue(cellule);
  const marge: NombresHorsColonne[] = [];
  const illisibles: MontantIllisible[] = [];
  for (const col of colonnesAttenantes(sheet, ligneEntete, debut)) {
    if (lues.has(col)) continue;
    const x = aDroite.get(col) ?? { cellules: [], montants: [] };
    aDroite.delete(col);
    const { erreurs, dates } = sansMontantDe(sheet, ligneEntete, col, lus, "marge", illisibles);
    // No amount beside its dates: a column of dates, not money.
    const datees = x.cellules.length ? dates : [];
    if (!x.cellules.length && !erreurs.length) continue;
    marge.push({
      colonne: colonneLettre(col),
      cellule: celluleRef(sheet.name, ligneEntete, col),
      entete: "",
      nombres: x.cellules.length,
      total: sumCents(x.montants),
      argent: false,
      listees: x.cellules.map((cellule, k) => ({ cellule, montant: x.montants[k] })),
      ...(erreurs.length ? { erreurs } : {}),
      ...(datees.length ? { dates: datees } : {}),
    });
  }
  if (!marge.length) return;
  const listees = marge.flatMap((m) => m.listees ?? []);
  const sansMontant = marge.reduce((n, m) => n + (m.erreurs?.length ?? 0) + (m.dates?.length ?? 0), 0);
  const somme = sumCents(listees.map((m) => m.montant));
  devis.conservation = {
    ...c,
    lu: sumCents([c.lu, somme]),
    listes: sumCents([c.listes, somme]),
    cellules: {
      ...c.cellules,
      lues: c.cellules.lues + listees.length + sansMontant,
      listees: c.cellules.listees + listees.length + sansMontant,
    },
    horsColonnes: [...(c.horsColonnes ?? []), ...marge],
  };
  if (illisibles.length) devis.illisibles = [...(devis.illisibles ?? []), ...illisibles];
}

/**
 * The Excel errors and dates of column `col` under a table's header (0-based row `ligneEntete`), down to the sheet's
 * end, except the cells already read (`lus`): each error named in `illisibles` (montant-illisible, `region`), each date
 * as its ISO date (a text shaped as a date but none, « 31/02/2025 », as typed).
 */
function sansMontantDe(
  sheet: SheetData,
  ligneEntete: number,
  col: number,
  lus: (cellule: string) => boolean,
  region: "marge" | "sans-entete",
  illisibles: MontantIllisible[],
): { erreurs: { cellule: string; texte: string }[]; dates: { cellule: string; valeur: string }[] } {
  const erreurs: { cellule: string; texte: string }[] = [];
  const dates: { cellule: string; valeur: string }[] = [];
  for (let r = ligneEntete + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const y = row[col];
    const cellule = celluleRef(sheet.name, r, col);
    if (!y || y.v === null || lus(cellule)) continue;
    if (y.erreur) {
      erreurs.push({ cellule, texte: String(y.v) });
      illisibles.push({ cellule, texte: String(y.v), libelle: libelleDe(row, col), erreurExcel: true, region });
      continue;
    }
    const iso = dateReelle(y) ?? (typeof y.v === "string" && estDate(y) ? (dateEcrite(y.v) ?? y.v.trim()) : undefined);
    if (iso !== undefined) dates.push({ cellule, valeur: iso });
  }
  return { erreurs, dates };
}

/**
 * The unheaded columns between a table's headers (header on 0-based row `ligneEntete`, up to its last cell), except
 * those the import reads (`lues`): as in its margin (lireMarge), each Excel error there is counted in `lu` and listed
 * without amount (horsColonnes[].erreurs), named (montant-illisible, `region` « sans-entete »); a date in a column whose
 * amounts are listed (nombresHorsColonnes) is counted and listed without amount (horsColonnes[].dates), named by the
 * column's colonnes-lues. A column of dates with no amount holds no money: not listed.
 */
function lireSansEntete(
  sheet: SheetData,
  ligneEntete: number,
  lues: ReadonlySet<number>,
  deja: ReadonlySet<string>,
  devis: Devis,
  fixes: ReadonlySet<string>,
): void {
  const c = devis.conservation;
  if (!c) return;
  const dejaLue = cellulesDejaLues(devis, fixes);
  const lus = (cellule: string) => deja.has(cellule) || dejaLue(cellule);
  const enTete = sheet.rows[ligneEntete] ?? [];
  const titre = (k: number) => {
    const x = enTete[k];
    return !!x && x.v !== null && String(x.v).trim() !== "";
  };
  let fin = -1;
  enTete.forEach((_, k) => {
    if (titre(k)) fin = k;
  });
  const horsColonnes = [...(c.horsColonnes ?? [])];
  const illisibles: MontantIllisible[] = [];
  let sansMontant = 0;
  for (let col = 0; col < fin; col++) {
    if (lues.has(col) || titre(col)) continue;
    const cellule = celluleRef(sheet.name, ligneEntete, col);
    const i = horsColonnes.findIndex((h) => h.cellule === cellule && !h.entete);
    const h: NombresHorsColonne = horsColonnes[i] ?? {
      colonne: colonneLettre(col),
      cellule,
      entete: "",
      nombres: 0,
      total: ZERO,
      argent: false,
      listees: [],
    };
    const vus: MontantIllisible[] = [];
    const { erreurs, dates } = sansMontantDe(sheet, ligneEntete, col, lus, "sans-entete", vus);
    // No amount listed beside its dates: a column of dates, not money.
    const datees = h.listees?.length ? dates : [];
    if (!erreurs.length && !datees.length) continue;
    const y = { ...h, ...(erreurs.length ? { erreurs } : {}), ...(datees.length ? { dates: datees } : {}) };
    if (i >= 0) horsColonnes[i] = y;
    else horsColonnes.push(y);
    illisibles.push(...vus);
    sansMontant += erreurs.length + datees.length;
  }
  if (!sansMontant) return;
  devis.conservation = {
    ...c,
    cellules: { ...c.cellules, lues: c.cellules.lues + sansMontant, listees: c.cellules.listees + sansMontant },
    horsColonnes,
  };
  if (illisibles.length) devis.illisibles = [...(devis.illisibles ?? []), ...illisibles];
}

/** The first row of a header written over one to three rows (`debut` when it spans several, else its `ligne`). */
const debutEntete = (x: { debut?: number; ligne: number }) => x.debut ?? x.ligne;

/** Where table `i` of `tableaux` stops: the first row of the next table's header, or `n` past the last one. */
const finTableau = (tableaux: readonly { debut?: number; ligne: number }[], i: number, n: number) =>
  i + 1 < tableaux.length ? debutEntete(tableaux[i + 1]) : n;

/** The conservation of the first table with a stacked table's added: every figure summed, cells listed together. */
function ajouterConservation(
  a: Conservation,
  b: Conservation,
  cellule: string,
  colonneMontant?: ColonnesMontant,
): Conservation {
  const plus = (x: Cents, y: Cents) => sumCents([x, y]);
  const k = a.cellules,
    l = b.cellules;
  const enDevise = [...(a.enDevise ?? []), ...(b.enDevise ?? [])];
  return {
    ...a,
    lu: plus(a.lu, b.lu),
    lignes: plus(a.lignes, b.lignes),
    totauxProuves: plus(a.totauxProuves, b.totauxProuves),
    nonPlaces: plus(a.nonPlaces, b.nonPlaces),
    listes: plus(a.listes, b.listes),
    ecart: plus(a.ecart, b.ecart),
    cellules: {
      lues: k.lues + l.lues,
      lignes: k.lignes + l.lignes,
      totauxProuves: k.totauxProuves + l.totauxProuves,
      nonPlaces: k.nonPlaces + l.nonPlaces,
      listees: k.listees + l.listees,
    },
    nonComptees: [...a.nonComptees, ...b.nonComptees],
    ...(enDevise.length ? { enDevise } : {}),
    tableaux: [...(a.tableaux ?? []), { cellule, colonne: b.colonne, ...(colonneMontant ? { colonneMontant } : {}) }],
  };
}

/** A stacked table's header: its cell, its columns by role, the lines read under it (to `fin`) and their sum. */
function nouvelEntete(
  sheet: SheetData,
  e: Entete,
  lignes: readonly LigneDevis[],
  fin = sheet.rows.length,
  nonLues: readonly ColonneNonLue[] = [],
): NouvelEntete {
  // A header cell as the messages say it: a column not read by its name there (a month « novembre 2025 »), a date
  // « 03/03/2025 », never its ISO text.
  const dits = new Map(nonLues.map((c) => [c.colonne, c.entete]));
  const dit = (v: unknown, k: number, derniere: boolean) =>
    (derniere ? dits.get(colonneLettre(k)) : undefined) ?? enteteLisible(String(v ?? "").trim());
  const colonnes: Record<string, string> = {};
  for (const [k, c] of Object.entries(e.colonnes).sort((x, y) => (x[1] ?? 0) - (y[1] ?? 0)))
    if (c !== undefined) colonnes[k] = colonneLettre(c);
  const sous = lignes.filter((l) => l.source.ligne > e.ligne + 1 && l.source.ligne <= fin);
  const m = e.colonnes.montant;
  // A header over two or three rows: its first row's cell, the texts of all its rows.
  const debut = debutEntete(e);
  return {
    cellule: celluleRef(sheet.name, debut, premiereCellule(sheet, debut)),
    ligne: e.ligne + 1,
    ...(debut < e.ligne ? { debut: debut + 1 } : {}),
    textes: sheet.rows
      .slice(debut, e.ligne + 1)
      .flatMap((row, i) => row.map((c, k) => dit(c?.v, k, debut + i === e.ligne)).filter((t) => t !== "")),
    colonnes,
    ...(m !== undefined
      ? {
          montant: {
            colonne: colonneLettre(m),
            cellule: celluleRef(sheet.name, e.ligne, m),
            entete: String(sheet.rows[e.ligne]?.[m]?.v ?? "").trim(),
          },
        }
      : {}),
    lignes: sous.length,
    somme: sumCents(sous.map((l) => l.montant)),
  };
}

/**
 * Several amount columns under a header (« Montant TTC | Montant HT », « Montant | Montant V2 »): the one read and those
 * not counted, each named with its sum over the table's rows (`sheet`, cut before the next table); `identiques` when
 * columns alike hold the same amounts row by row. Worked out for the first table and for each table stacked lower.
 */
function colonnesMontantDe(
  sheet: SheetData,
  entete: Entete,
  convention: ReturnType<typeof conventionFeuille>,
): ColonnesMontant | undefined {
  if (!entete.montants) return undefined;
  const { retenue, ecartees, choix } = entete.montants;
  const lues = new Map<number, ReturnType<typeof cellulesMontant>>();
  const cellules = (col: number) => {
    if (!lues.has(col)) lues.set(col, cellulesMontant(sheet, entete.ligne, col, convention));
    return lues.get(col) ?? [];
  };
  const m = (x: ColonneMontant) => ({
    colonne: colonneLettre(x.col),
    cellule: celluleRef(sheet.name, entete.ligne, x.col),
    entete: x.entete,
    nature: x.nature,
    somme: sumCents(cellules(x.col).map((c) => c.montant ?? ZERO)),
  });
  // Columns alike: the same cells (by row) holding the same amounts or texts, so the choice changes nothing.
  const parLigne = (col: number) =>
    JSON.stringify(cellules(col).map((c) => [c.cellule.replace(/^.*![A-Z]+/, ""), c.montant ?? String(c.v)]));
  const pareilles = ecartees.filter((e) => e.nature === retenue.nature);
  const identiques =
    choix !== "taxes" && pareilles.length > 0 && pareilles.every((e) => parLigne(e.col) === parLigne(retenue.col));
  return { retenue: m(retenue), ecartees: ecartees.map(m), choix, ...(identiques ? { identiques } : {}) };
}

/** No value nor formula in any cell (blank texts count as nothing). */
export function feuilleVide(sheet: SheetData): boolean {
  return sheet.rows.every((r) => r.every((c) => !c.f && (c.v === null || (typeof c.v === "string" && !c.v.trim()))));
}

/**
 * The refusal when no devis is found among the producer's `candidates` (devis, crédit d'impôt, carbone, écarts alike):
 * a workbook of one empty sheet (a new file) is said to be empty, never asked for a header row.
 */
export function devisIntrouvable(candidates: readonly SheetData[]): DevisIntrouvableError {
  const noms = candidates.map((c) => c.name);
  const seule = candidates.length === 1 ? candidates[0] : undefined;
  return new DevisIntrouvableError(noms[0] ?? "", noms, !!seule && feuilleVide(seule), seule && autreUsage(seule));
}

/** What a sheet is instead of a devis: its nature (« un plan de travail ») and the header columns that say so. */
export interface AutreUsage {
  nature: string;
  /** As the refusal names them: « « Étape », « Durée » », « Financeur / Nature / Montant ». */
  colonnes: string;
}

/**
 * What a sheet with no devis header is instead, when its header says it (a plan de travail, a steps sheet, a
 * financing plan given for the devis): named in the refusal, so that the user sees the sheet was taken for another.
 */
export function autreUsage(sheet: SheetData): AutreUsage | undefined {
  if (trouverFeuillePlan([sheet]))
    return { nature: "un plan de travail", colonnes: "« Date », « Nom », « Début », « Fin »" };
  if (estFeuilleEtapes(sheet)) return { nature: "une feuille d'étapes", colonnes: "« Étape », « Durée »" };
  if (trouverEntetePlan(sheet)) return { nature: "un plan de financement", colonnes: "Financeur / Nature / Montant" };
  return undefined;
}

/**
 * The sheets of `sheets` with no devis header whose header says they are another kind than a devis (autreUsage), by
 * name: for a refusal that lists as devis only the sheets that can be one (feuilleNonTrouvee names each by its nature
 * alone).
 */
export function feuillesAutreUsage(sheets: readonly SheetData[]): Map<string, AutreUsage> {
  const autres = new Map<string, AutreUsage>();
  for (const s of sheets) {
    // A sheet with a devis header is one the devis can be read from (the automatic choice takes it): never said to be
    // another kind because its columns also read as a financing plan (« Poste | Montant »).
    if (trouverEntete(s)) continue;
    const usage = autreUsage(s);
    if (usage) autres.set(s.name, usage);
  }
  return autres;
}

function importerFeuille(sheet: SheetData, opts: OptionsImport, entetes: EntetesLus): Devis {
  const entete = entetes.premier(sheet);
  if (!entete) throw new DevisIntrouvableError(sheet.name, undefined, feuilleVide(sheet), autreUsage(sheet));
  // Tables stacked lower with amount columns alike: each one's column chosen by its own totals, first.
  const { bas, bilans } = choisirColonnesBas(sheet, entete, opts, entetes);
  const m = entete.montants;
  const devis = !m
    ? importerAvecEntete(sheet, entete, opts, entetes, bas)
    : importerPremier(sheet, entete, m, opts, entetes, bas);
  noterBilansBas(devis, bilans);
  comparerAuTTCBas(sheet, entete, opts, entetes, bas, devis);
  return devis;
}

/** The devis restricted to the rows of one table (`debut` < row < `fin`, 0-based): its lines and totals only. */
function restreindre(d: Devis, debut: number, fin: number): Devis {
  const dans = (cellule: string) => {
    const r = parseCelluleRef(cellule).row;
    return r > debut && r < fin;
  };
  return {
    ...d,
    lignes: d.lignes.filter((l) => !!l.source.cellules.montant && dans(l.source.cellules.montant)),
    totauxProducteur: d.totauxProducteur.filter((t) => dans(t.cellule)),
    totauxNonProuves: (d.totauxNonProuves ?? []).filter((t) => dans(t.cellule)),
  };
}

/**
 * A table stacked lower whose HT (or « Montant ») column is read beside a TTC one: the devis read once more with that
 * table's TTC amounts, only to compare the subtotals and totals of its rows (never counted), as comparerAuTTC does for
 * the first table. Both bilans go on that table's `colonneMontant`; colonnes-lues warns when only the TTC lines prove
 * theirs.
 */
function comparerAuTTCBas(
  sheet: SheetData,
  entete: Entete,
  opts: OptionsImport,
  entetes: EntetesLus,
  bas: ChoixBas,
  devis: Devis,
): void {
  const tableaux = entetes.dessous(sheet, entete).filter((x) => !x.repete);
  tableaux.forEach((x, i) => {
    const m = x.montants;
    const cm = devis.entetesSuivants?.find((e) => e.ligne === x.ligne + 1)?.colonneMontant;
    if (!m || !cm || (cm.retenue.nature !== "ht" && cm.retenue.nature !== "montant")) return;
    const fin = finTableau(tableaux, i, sheet.rows.length);
    for (const ttc of [m.retenue, ...m.ecartees].filter((c) => c.nature === "ttc")) {
      const essai = new Map(bas).set(x.ligne, { retenue: ttc, choix: "taxes" as ChoixMontant });
      const autre = lireOuRien(() => importerAvecEntete(sheet, entete, opts, entetes, essai));
      if (!autre) continue;
      const [ht, t] = bilansCroises([restreindre(devis, x.ligne, fin), restreindre(autre, x.ligne, fin)]);
      if (!ht.prouves && !ht.nonProuves.length && !t.prouves && !t.nonProuves.length) continue;
      cm.retenue.totaux = cm.retenue.totaux ? fusionner(cm.retenue.totaux, ht) : ht;
      const e = cm.ecartees.find((y) => y.colonne === colonneLettre(ttc.col));
      if (e) e.totaux = t;
    }
  });
}

function importerPremier(
  sheet: SheetData,
  entete: Entete,
  m: NonNullable<Entete["montants"]>,
  opts: OptionsImport,
  entetes: EntetesLus,
  bas: ChoixBas,
): Devis {
  const liste = [m.retenue, ...m.ecartees];
  const importer = (retenue: ColonneMontant, choix: ChoixMontant) =>
    importerAvecEntete(
      sheet,
      {
        ...entete,
        colonnes: { ...entete.colonnes, montant: retenue.col },
        montants: { ...m, retenue, ecartees: liste.filter((x) => x !== retenue), choix },
      },
      opts,
      entetes,
      bas,
    );
  const semblables = m.semblables;
  const devis =
    semblables && semblables.length > 1
      ? choisirParTotaux(semblables, m.retenue, m.choix, importer)
      : importerAvecEntete(sheet, entete, opts, entetes, bas);
  // HT read beside a TTC column: their totals compared (the TTC is never counted).
  comparerAuTTC(devis, liste, (ttc) => importer(ttc, "taxes"));
  return devis;
}

/** The amount column of a table stacked lower, by its header's last row (0-based), when chosen by its totals. */
type ChoixBas = ReadonlyMap<number, { retenue: ColonneMontant; choix: ChoixMontant }>;

/** What the totals of each column alike of a lower table said: put on its `colonneMontant` once the devis is read. */
interface BilansBas {
  ligne: number;
  parPreuve: boolean;
  colonnes: { col: number; totaux: TotauxColonne }[];
}

/**
 * Each table stacked lower whose header has amount columns alike (« Montant | Montant révisé »): the devis read once
 * per column of it, the subtotals and totals of that table's rows compared (choixParBilans), as for the first table.
 * The column whose lines prove all its totals against one whose do not is read (`choix` « totaux »); otherwise the rule
 * by header (version, visible, rightmost) stands.
 */
function choisirColonnesBas(
  sheet: SheetData,
  entete: Entete,
  opts: OptionsImport,
  entetes: EntetesLus,
): { bas: ChoixBas; bilans: BilansBas[] } {
  const bas = new Map<number, { retenue: ColonneMontant; choix: ChoixMontant }>();
  const bilans: BilansBas[] = [];
  const tableaux = entetes.dessous(sheet, entete).filter((x) => !x.repete);
  tableaux.forEach((x, i) => {
    const m = x.montants;
    if (!m?.semblables || m.semblables.length < 2) return;
    const fin = finTableau(tableaux, i, sheet.rows.length);
    // That table's rows only: the other tables' totals say nothing of which of its columns is the devis.
    const essais = m.semblables.flatMap((c) => {
      const essai = new Map(bas).set(x.ligne, { retenue: c, choix: m.choix });
      const d = lireOuRien(() => importerAvecEntete(sheet, entete, opts, entetes, essai));
      return d ? [{ c, devis: restreindre(d, x.ligne, fin) }] : [];
    });
    if (!essais.length) return;
    const r = choixParBilans(essais, m.retenue);
    bas.set(x.ligne, { retenue: r.retenu.c, choix: r.parPreuve ? "totaux" : m.choix });
    if (!r.aucun)
      bilans.push({
        ligne: x.ligne,
        parPreuve: r.parPreuve,
        colonnes: essais.map((e, k) => ({ col: e.c.col, totaux: r.bilans[k] })),
      });
  });
  return { bas, bilans };
}

/** The tax mention a text amount is written with (« 1 200 TTC », « 1 200,00 € HT », « 1 200 T.T.C. »), if any. */
function mentionTaxe(texte: string): "HT" | "TTC" | undefined {
  if (!/\d/.test(texte)) return undefined;
  const m = /(?<![a-z])(ht|h\.t\.?|ttc|t\.t\.c\.?)(?![a-z])/i.exec(texte);
  if (!m) return undefined;
  return m[1].replace(/\./g, "").toUpperCase() === "HT" ? "HT" : "TTC";
}

/** The French TVA rates a TTC total may be its HT lines taxed at. */
const TAUX_TVA = ["20", "10", "5.5", "2.1"];

/**
 * A total written TTC over HT lines (or HT over TTC ones) equal, to the cent, to their sum taxed at a French TVA rate
 * (14 400 over 12 000: 20 %): that rate, as a decimal string (« 20 », « 5.5 »).
 */
function tauxEntre(ecrit: "HT" | "TTC", colonne: "HT" | "TTC", montant: Cents, somme: Cents): { taux?: string } {
  if (ecrit === colonne || somme === 0) return {};
  const [ht, ttc] = ecrit === "TTC" ? [somme, montant] : [montant, somme];
  const taux = TAUX_TVA.find((t) => egalAuCentime(multiplyCents(ht, new Decimal(t).div(100).plus(1)), ttc));
  return taux ? { taux } : {};
}

/** Each lower table's columns alike carry their totals' bilan, so that colonnes-lues can say why one was read. */
function noterBilansBas(devis: Devis, bilans: readonly BilansBas[]): void {
  for (const b of bilans) {
    const cm = devis.entetesSuivants?.find((e) => e.ligne === b.ligne + 1)?.colonneMontant;
    if (!cm) continue;
    for (const x of [cm.retenue, ...cm.ecartees]) {
      const t = b.colonnes.find((c) => colonneLettre(c.col) === x.colonne);
      if (t) x.totaux = t.totaux;
    }
  }
}

function importerAvecEntete(
  sheet: SheetData,
  entete: Entete,
  opts: OptionsImport,
  entetes: EntetesLus,
  bas: ChoixBas = new Map(),
): Devis {
  // Tables stacked in the sheet: a header row below this one with other columns opens a table read with its columns
  // (`cols` changes there); the header merely printed again (page break) is skipped, nothing of the devis. A lower
  // table's amount column chosen by its totals (choisirColonnesBas) replaces its header's first choice.
  const suivants = entetes.dessous(sheet, entete).map((x) => {
    const b = bas.get(x.ligne);
    if (!b || !x.montants) return x;
    // By column: each read of the sheet makes its own header objects.
    const liste = [x.montants.retenue, ...x.montants.ecartees];
    const retenue = liste.find((y) => y.col === b.retenue.col) ?? b.retenue;
    const ecartees = liste.filter((y) => y.col !== retenue.col);
    return {
      ...x,
      colonnes: { ...x.colonnes, montant: retenue.col },
      montants: { ...x.montants, retenue, ecartees, choix: b.choix },
    };
  });
  // By the header's first row (a header over two or three rows is skipped whole).
  const parLigneEntete = new Map(suivants.map((x) => [debutEntete(x), x]));
  const tableaux = suivants.filter((x) => !x.repete);
  /** The rows of each table: the sheet cut before the next table's header (row indices kept). */
  const jusqua = (fin: number): SheetData =>
    fin < sheet.rows.length ? { ...sheet, rows: sheet.rows.slice(0, fin) } : sheet;
  /** The first row of table `i`'s header (the sheet's end past the last table). */
  const debutTableau = (i: number) => (tableaux[i] ? debutEntete(tableaux[i]) : sheet.rows.length);
  const premier = jusqua(debutTableau(0));
  let cols = entete.colonnes;
  // Every amount column left aside, « TVA » included: a figure there makes its row no section title (« Catering | | 1 200 »).
  // Those that write a line's amount another way (« TTC », « Montant V1 »; a « TVA » cell only when its text says
  // « 1 200 TTC ») name a line whose amount read is empty.
  let ecarteesToutes = entete.montants?.ecartees ?? [];
  // What the column read holds: TTC (« Montant TTC » read for want of HT), else HT (« Montant HT », « Montant »).
  const natureDe = (e: Entete): "HT" | "TTC" => (e.montants?.retenue.nature === "ttc" ? "TTC" : "HT");
  let natureLue = natureDe(entete);
  const cell = (row: CellData[], k: Colonne): CellData | undefined =>
    cols[k] === undefined ? undefined : row[cols[k] as number];
  // What each « Territoire » column's bare numbers prove of its convention (fractions or percentages), by column.
  const preuvesTerritoire = new Map<number, PreuvesTerritoire>();
  const preuvesDe = (col: number | undefined): PreuvesTerritoire | undefined => {
    if (col === undefined) return undefined;
    let p = preuvesTerritoire.get(col);
    if (!p) {
      p = { fraction: 0, pourcent: 0 };
      for (let r = entete.ligne + 1; r < sheet.rows.length; r++) {
        const k = preuveTerritoire(sheet.rows[r]?.[col], convention);
        if (k) p[k]++;
      }
      preuvesTerritoire.set(col, p);
    }
    return p;
  };
  // celluleRef(sheet.name, r, col), its sheet-and-column part written once per column.
  const prefixes = new Map<Colonne, string>();
  const prefixe = (k: Colonne, col: number) => {
    let p = prefixes.get(k);
    if (p === undefined) prefixes.set(k, (p = `${nomFeuilleRef(sheet.name)}!${colonneLettre(col)}`));
    return p;
  };
  const ref = (r: number, k: Colonne) => {
    const col = cols[k];
    return col === undefined ? undefined : prefixe(k, col) + (r + 1);
  };
  /** A title's cell: its label cell, or column A of its row when the header has no label column. */
  const celluleTitre = (r: number) => ref(r, "libelle") ?? celluleRef(sheet.name, r, 0);
  // Text amounts are read with the convention the sheet proves (« 1 234,56 » or « 1,234.56 »); absurd
  // magnitudes stop the import naming their cell.
  // The convention the sheet proves, each table's texts read under its own columns (two that disagree prove none).
  const convention = tableaux.length
    ? conventionProuvee([
        ...textesNumeriques(premier, cols, entete.ligne + 1),
        ...tableaux.flatMap((x, i) => textesNumeriques(jusqua(debutTableau(i + 1)), x.colonnes, x.ligne + 1)),
      ])
    : conventionFeuille(sheet, cols, entete.ligne + 1);
  verifierGrandeurs(premier, cols, entete.ligne + 1, convention);
  tableaux.forEach((x, i) => verifierGrandeurs(jusqua(debutTableau(i + 1)), x.colonnes, x.ligne + 1, convention));
  let fusionsMontant = fusionsDeColonne(sheet, cols.montant);

  const brutes: Brute[] = [];
  /** Σ of the lines read since `debut` (derived and withdrawn ones left out): what a total or a report may equal. */
  const somme = (debut: number) =>
    sumCents(
      brutes
        .slice(debut)
        .filter((b) => !b.derivee && !b.retiree)
        .map((b) => b.ligne.montant),
    );
  const totaux: LigneTotalProducteur[] = [];
  const parId = new Map<string, LigneDevis>();
  const pousser = (b: Brute) => {
    brutes.push(b);
    parId.set(b.ligne.id, b.ligne);
  };
  const provisoires: Provisoire[] = [];
  const lignesProvisoires = new Map<LigneTotalProducteur, string>();
  const ctxPreuve = { lignes: parId, feuille: sheet.name, lignesProvisoires };
  const revertir = (p: Provisoire) => {
    p.revertie = true;
    p.brute.retiree = true;
    parId.delete(p.brute.ligne.id);
    lignesProvisoires.delete(p.total);
    for (const x of p.sections) x.b.section = x.section;
  };
  /**
   * Proves a total with the lines read so far. When it only adds up without the provisional lines it covers,
   * those were the producer's (wrong) subtotals: they go back to being totals, listed by their finding.
   */
  const prouver = (t: LigneTotalProducteur, avantImpose?: LigneTotalProducteur[]): boolean => {
    if (prouverStrict(t, avantImpose)) return true;
    // Within 10 % of the lines it covers: the producer's total with a mistake, not a line of that size. It stays
    // an unproven total, listed by the finding that gives the écart (never counted as a line twice).
    const somme = sommeIds(parId, t.lignesCouvertes);
    return t.lignesCouvertes.length > 0 && somme !== 0 && Math.abs(t.montant - somme) * 10 <= Math.abs(somme);
  };
  const prouverStrict = (t: LigneTotalProducteur, avantImpose?: LigneTotalProducteur[]): boolean => {
    const i = totaux.indexOf(t);
    const avant = avantImpose ?? totaux.slice(0, i < 0 ? totaux.length : i);
    const ouverts = provisoires.filter((p) => !p.revertie && p.total !== t);
    t.preuve = preuveDe(t, avant, ctxPreuve);
    if (t.preuve === "somme") return true;
    if (t.preuve) {
      // Proven through subtotals: the provisional ones it closes or references were subtotals.
      const couverts = new Set(t.lignesCouvertes);
      const refs = t.formule ? plagesFormule(t.formule, sheet.name) : [];
      for (const p of ouverts) {
        const c = parseCelluleRef(p.total.cellule);
        const refere = refs.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);
        if (refere || (t.preuve === "sous-totaux" && couverts.has(p.brute.ligne.id))) revertir(p);
      }
      return true;
    }
    const couverts = new Set(t.lignesCouvertes);
    let dedans = ouverts.filter((p) => couverts.has(p.brute.ligne.id));
    // The provisional totals it covers left out, the titles in capitals kept as lines (« STORY & RIGHTS » 37 240 is an
    // account, not a subtotal): tried first, then every provisional row left out.
    const totauxDedans = dedans.filter((p) => !p.titre);
    if (totauxDedans.length && totauxDedans.length < dedans.length) {
      const sansTotaux = new Set(totauxDedans.map((p) => p.brute.ligne.id));
      const reste = t.lignesCouvertes.filter((id) => !sansTotaux.has(id));
      if (reste.length && egalAuCentime(sommeIds(parId, reste), t.montant)) dedans = totauxDedans;
    }
    const exclus = new Set(dedans.map((p) => p.brute.ligne.id));
    const sans = t.lignesCouvertes.filter((id) => !exclus.has(id));
    if (!dedans.length || !sans.length || !egalAuCentime(sommeIds(parId, sans), t.montant)) return false;
    t.lignesCouvertes = sans;
    t.preuve = "somme";
    for (const p of dedans) revertir(p);
    return true;
  };
  const bloc: Bloc = { debutSection: 0, debutRun: 0 };
  let apresTotal = false;
  /** The producer's grand total last read (its cell, label, amount): what a line read below it is said to be under. */
  let totalAuDessus: { cellule: string; libelle: string; montant: Cents } | undefined;
  /**
   * The lines a formula stands for through the producer's totals it references (their lines) and the lines whose amount
   * cell it references; undefined when it references no total read so far (a line's own formula, a plain SUM of lines).
   * Provisional totals are lines until proven: referenced, they count as such.
   */
  const couvertsParReferences = (formule: string | undefined): string[] | undefined => {
    if (!formule || !totaux.length) return undefined;
    const plages = plagesFormule(formule, sheet.name);
    if (!plages.length) return undefined;
    const dans = (cellule: string | undefined) => {
      if (!cellule) return false;
      const c = parseCelluleRef(cellule);
      return plages.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);
    };
    const refs = totaux.filter((t) => !lignesProvisoires.has(t) && dans(t.cellule));
    if (!refs.length) return undefined;
    const ids = new Set(refs.flatMap((t) => t.lignesCouvertes));
    for (const b of brutes) if (!b.derivee && !b.retiree && dans(b.ligne.source.cellules.montant)) ids.add(b.ligne.id);
    return brutes.filter((b) => ids.has(b.ligne.id)).map((b) => b.ligne.id);
  };

  const fermerSection = () => {
    const t = bloc.enteteTotal;
    if (t) {
      t.lignesCouvertes = idsCouverts(brutes.slice(bloc.debutSection));
      // A titled amount with no line under it is not a subtotal: before the total it is the chapter's
      // lump sum (a line); after the total it repeats a chapter (summary block) and is skipped.
      const e = bloc.enteteLigne;
      if (t.lignesCouvertes.length > 0 && e && !prouver(t)) {
        // Capitals with an amount: a chapter row carrying its subtotal only when proven; otherwise a line.
        const idx = bloc.debutSection;
        const brute: Brute = {
          ligne: ligneDeTotal(t, e.r, e.code, e.libelle || t.libelle),
          section: t.chapitre,
          apresTotal: e.apresTotal,
          sectionDuLibelle: true,
        };
        brutes.splice(idx, 0, brute);
        parId.set(brute.ligne.id, brute.ligne);
        if (bloc.debutRun >= idx) bloc.debutRun++;
        // A bare word in capitals (« DÉCORS ») does not open a chapter; a numbered title (« 5 - DÉCORS ») does.
        const numerote = !!e.code || TITRE_NUMEROTE.test(t.libelle);
        const sections: Provisoire["sections"] = [];
        if (!numerote)
          for (const b of brutes.slice(idx + 1))
            if (b.section === t.chapitre) {
              sections.push({ b, section: b.section });
              b.section = e.sectionAvant;
            }
        provisoires.push({ total: t, brute, revertie: false, sections, titre: true });
        lignesProvisoires.set(t, brute.ligne.id);
        if (!numerote) bloc.section = e.sectionAvant;
      }
      if (t.lignesCouvertes.length === 0 && e) {
        totaux.splice(totaux.indexOf(t), 1);
        if (e.apresTotal) {
          const h: MontantHorsLignes = { cellule: t.cellule, montant: t.montant, libelle: t.libelle, motif: "rappel" };
          horsLignes.push(h);
          if (t.chapitre) rappels.set(h, t.chapitre);
        } else {
          const ligne: LigneDevis = {
            id: `${sheet.name}!${e.r + 1}`,
            code: e.code || undefined,
            libelle: e.libelle || t.libelle,
            montant: t.montant,
            eligibleCI: "auto",
            source: { feuille: sheet.name, ligne: e.r + 1, cellules: { montant: t.cellule } },
          };
          pousser({ ligne, section: t.chapitre, apresTotal: false });
        }
      }
    }
    bloc.enteteTotal = undefined;
    bloc.enteteLigne = undefined;
  };
  let recap = false;
  /** The last carried-forward amount proven (« A reporter »): the « Report » at the top of the next page repeats it. */
  let dernierReport: Cents | undefined;
  /** Index in `brutes` of the first line of the current printed page (after « Total page 1 » or a « Report »). */
  let debutPage = 0;
  /** « dont … » rows under the same line: the sum of their amounts so far, by the line's id. */
  const details = new Map<string, number>();
  const horsLignes: MontantHorsLignes[] = [];
  /** A chapter repeated under the total with its amount: that chapter, to prove it against its lines once placed. */
  const rappels = new Map<MontantHorsLignes, CodeChapitre>();
  /** The amount cell of each row as read, by row: conservation counts these readings, never parses twice. */
  const lus: LectureMontant[] = [];
  /** A row skipped as a whole (summary, TVA…): its amount, if any, is listed with why. */
  const horsLigne = (
    r: number,
    row: CellData[],
    libelle: string,
    motif: MontantHorsLignes["motif"],
    total?: boolean,
  ) => {
    const lu = lus[r] ?? lireMontantCellule(cell(row, "montant"), convention);
    if (lu.type === "montant")
      horsLignes.push({ cellule: ref(r, "montant") as string, montant: lu.cents, libelle, motif });
    else nommer(lu, r, libelle, total);
  };
  const totauxEnTete: LigneTotalProducteur[] = [];
  /** The last total proven by its lines, and how many lines were read then: a chapter title may follow it. */
  let dernierProuve: { total: LigneTotalProducteur; n: number } | undefined;
  /**
   * A chapter title carrying `montant` right under a proven total, no line read since: its title in footer when that
   * total's lines add up to it to the cent and none of them is under another chapter (they are then placed in it).
   */
  const enPied = (
    ch: CodeChapitre,
    montant: Cents,
  ): { lignes: string[]; brutes: Brute[]; montant: Cents } | undefined => {
    const d = dernierProuve;
    if (!d || d.n !== brutes.length || !d.total.lignesCouvertes.length) return undefined;
    if (!egalAuCentime(d.total.montant, montant) || !egalAuCentime(sommeIds(parId, d.total.lignesCouvertes), montant))
      return undefined;
    const ids = new Set(d.total.lignesCouvertes);
    const couvertes = brutes.filter((b) => ids.has(b.ligne.id) && !b.derivee && !b.retiree);
    if (couvertes.some((b) => b.section !== undefined && b.section !== ch)) return undefined;
    return { lignes: d.total.lignesCouvertes, brutes: couvertes.filter((b) => b.section === undefined), montant };
  };
  const illisibles: MontantIllisible[] = [];
  const totauxSansResultat: NonNullable<Devis["totauxSansResultat"]> = [];
  const ambigus: NonNullable<Devis["ambigus"]> = [];
  const arrondis: NonNullable<Devis["arrondis"]> = [];
  const taxesEcrites: NonNullable<Devis["taxesEcrites"]> = [];
  // Total rows whose text amount carries the other tax mention than the column read, by cell: named once proven or not.
  const mentionsTotaux = new Map<string, Pick<MontantTaxeEcrite, "texte" | "ecrit" | "colonne">>();
  const devises: NonNullable<Devis["devises"]> = [];
  const pourcentages: NonNullable<Devis["pourcentagesMontant"]> = [];
  const pourcentagesTaux: NonNullable<Devis["pourcentagesTaux"]> = [];
  /** Lines with an amount whose label writes a sum of rates (« 5 + 10 % »): its total read only if the amount proves it. */
  const sommesAProuver: { illisible: MontantIllisible; total: Decimal; ligne: string; cellule: string }[] = [];
  /** Lines whose empty amount was computed with a quantity or a number written as text (« 3 j »): named. */
  const facteursTexte: NonNullable<Devis["facteursTexte"]> = [];
  const remises: NonNullable<Devis["remisesSansMontant"]> = [];
  /** An amount cell that says something other than an amount: named (cell, what it shows), never read. */
  const nommer = (lm: LectureMontant, r: number, libelle: string, total?: boolean) => {
    const cellule = ref(r, "montant") as string;
    // A text without a figure on a row that is not a line (« voir détail ») is a comment, not an amount.
    if (total !== false && lm.type === "texte" && !/\d/.test(lm.texte)) return;
    if (
      lm.type === "ambigu" ||
      lm.type === "devise" ||
      lm.type === "erreur" ||
      lm.type === "date" ||
      lm.type === "texte"
    )
      consigner(lm, cellule, libelle, { total });
  };

  /** An amount not read, named with its cell in the list its reason goes to (ambiguous, other currency, unreadable). */
  const consigner = (
    lm: Extract<LectureMontant, { type: "ambigu" | "devise" | "erreur" | "date" | "texte" }>,
    cellule: string,
    libelle: string,
    ou: { total?: boolean } | { colonne: ColonneAnnexe; compte: Cents | undefined },
  ) => {
    if (lm.type === "ambigu")
      ambigus.push({ cellule, texte: lm.texte, libelle, decimale: lm.decimale, milliers: lm.milliers, ...ou });
    else if (lm.type === "devise")
      devises.push({ cellule, libelle, devise: lm.devise, format: lm.format, montant: lm.montant, ...ou });
    else
      illisibles.push({
        cellule,
        texte: lm.texte,
        libelle,
        erreurExcel: lm.type === "erreur",
        date: lm.type === "date" || undefined,
        ...ou,
        ...(lm.type === "texte" && lm.devise ? { devise: lm.devise } : {}),
        ...(lm.type === "texte" && lm.devise && lm.periode ? { periodeDevise: lm.periode } : {}),
        ...(lm.type === "texte" && !lm.devise && !("colonne" in ou) ? tarifDe(lm.texte) : {}),
        ...(lm.type === "texte" && !lm.devise ? avecUniteDe(lm.texte) : {}),
        ...(lm.type === "texte" && !lm.devise ? pourcentDe({ v: lm.texte }) : {}),
      });
  };
  /**
   * A percentage text not read (« 1.500 % » the sheet does not decide, « 1 2 % »): said as such, with both readings
   * (fractions) when ambiguous, never read as 1,5 % nor dropped.
   */
  const pourcentDe = (c: CellData | undefined): { pourcent?: MontantIllisible["pourcent"] } => {
    const p = pourcentNonLu(c, convention);
    if (!p) return {};
    return {
      pourcent: p.lectures
        ? { decimale: chaineDecimale(p.lectures.decimale), milliers: chaineDecimale(p.lectures.milliers) }
        : {},
    };
  };
  /** A figure with its unit (« (3 k€) »), read exactly (an ambiguous figure is not one): said with its value. */
  const avecUniteDe = (texte: string): { avecUnite?: Cents } => {
    const k = montantAvecUnite(texte, convention);
    return k === undefined || k === "ambigu" ? {} : { avecUnite: k };
  };
  /** A rate typed in the amount cell (« 50 €/jour »), read exactly (an ambiguous figure is not one). */
  const tarifDe = (texte: string): { tarif?: MontantIllisible["tarif"] } => {
    const t = tarifEcrit(texte, convention);
    return t && t.montant !== "ambigu" ? { tarif: { montant: t.montant, periode: t.periode } } : {};
  };

  /**
   * A « dont France », « dont étranger » or « Charges » cell of a line, read with the sheet's convention as the
   * amount cell is: its value in euros, or (`nommee`) why it is not read, named with its cell: a number shown in
   * another currency (« [$$-409]#,##0.00 »), a figure written in one (« $1,500 »), an ambiguous text, an Excel error,
   * a date. `compte`: the line's amount, counted without that cell. A percentage there is a share or a rate
   * (chargesEnColonne, partFranceCellule), a text without a figure a comment: neither is named.
   */
  const lireAnnexe = (
    row: CellData[],
    r: number,
    k: ColonneAnnexe,
    libelle: string,
    compte: Cents | undefined,
  ): { valeur?: Decimal; nommee?: true } => {
    const c = cell(row, k);
    if (!c || c.v === null || (typeof c.v === "string" && c.v.trim() === "")) return {};
    const p = analyserPourcent(c, convention);
    if (p?.type === "pourcent") return {};
    const lm = lireMontantCellule(c, convention);
    if (lm.type === "montant") return { valeur: lm.valeur };
    if (lm.type === "vide" || (lm.type === "texte" && !lm.devise && !/\d/.test(lm.texte))) return {};
    consigner(lm, ref(r, k) as string, libelle, { colonne: k, compte });
    return { nommee: true };
  };

  // Columns whose text never titles a row (unit, category, territory, eligibility, charges rate).
  // A flag per column index (every row's cells are tested: no Set or array search per cell).
  let colonnesSansTitre = sansTitreDe(cols);
  // The columns a line names as its source cells (those of the header only), with their index and their reference
  // without the row number (what ref() writes, built once).
  const sourcesDe = () =>
    (["code", "libelle", "quantite", "nombre", "unite", "taux", "montant", "territoire", "eligibleCI"] as const)
      .filter((k) => cols[k] !== undefined)
      .map((k) => ({ k, col: cols[k] as number, prefixe: prefixe(k, cols[k] as number) }));
  let colonnesSource = sourcesDe();
  /** A second table's header: the rows below it are read with its columns. */
  const changerEntete = (e: Entete) => {
    cols = e.colonnes;
    ecarteesToutes = e.montants?.ecartees ?? [];
    natureLue = natureDe(e);
    prefixes.clear();
    colonnesSansTitre = sansTitreDe(cols);
    colonnesSource = sourcesDe();
    fusionsMontant = fusionsDeColonne(sheet, cols.montant);
  };
  /**
   * Lines whose formula sums only amount cells below them (« Location matériel » = SUM(E4:E5), its detail lines
   * « Caméra », « Optiques » under it): once the rows it references are read, when their lines add up to it, it is a
   * subtotal proven by its formula, not a line counted on top of its own details.
   */
  const parentsDetail: { brute: Brute; fin: number; plages: Plage[]; formule: string; cellule: string }[] = [];
  const resoudreParents = (r: number) => {
    for (let i = parentsDetail.length - 1; i >= 0; i--) {
      const p = parentsDetail[i];
      if (r <= p.fin) continue;
      parentsDetail.splice(i, 1);
      if (p.brute.retiree) continue;
      const enfants = brutes.filter((b) => {
        const refMontant = b.ligne.source.cellules.montant;
        if (b === p.brute || b.derivee || b.retiree || !refMontant) return false;
        const c = parseCelluleRef(refMontant);
        return p.plages.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);
      });
      const l = p.brute.ligne;
      if (!enfants.length || !egalAuCentime(sumCents(enfants.map((b) => b.ligne.montant)), l.montant)) continue;
      p.brute.retiree = true;
      parId.delete(l.id);
      totaux.push({
        type: "sous-total",
        libelle: l.libelle,
        montant: l.montant,
        cellule: p.cellule,
        chapitre: p.brute.section,
        lignesCouvertes: enfants.map((b) => b.ligne.id),
        formule: p.formule,
        preuve: "formule",
      });
    }
  };
  /** A lower table whose first rows are not under a chapter title of their own: the chapter above, not carried. */
  const chapitresNonRepris = new Map<Entete, CodeChapitre>();
  /**
   * A table stacked lower starts a new run of lines: the chapter of the table above does not reach its lines unless a
   * chapter title sits right above its header (no line read under it yet). Otherwise its lines are placed by their own
   * code, chapter column or label, else listed unplaced (ligne-hors-chapitre names each cell); its subtotals cover
   * its own lines.
   */
  const nouveauTableau = (e: Entete) => {
    totalAuDessus = undefined;
    if (bloc.section !== undefined && bloc.debutSection === brutes.length) return;
    const avant = bloc.section;
    fermerSection();
    if (avant !== undefined) chapitresNonRepris.set(e, avant);
    bloc.section = undefined;
    bloc.debutSection = bloc.debutRun = brutes.length;
  };
  for (let r = entete.ligne + 1; r < sheet.rows.length; r++) {
    if (parentsDetail.length) resoudreParents(r);
    const suivant = parLigneEntete.get(r);
    if (suivant) {
      if (!suivant.repete) {
        changerEntete(suivant);
        nouveauTableau(suivant);
      }
      r = suivant.ligne;
      continue;
    }
    const row = sheet.rows[r];
    // The row's non-empty texts outside those columns, read in one pass (no object for the other cells).
    let vide = true;
    const textes: { i: number; t: string }[] = [];
    for (let i = 0; i < row.length; i++) {
      const v = row[i].v;
      if (v === null || v === "") continue;
      vide = false;
      if (typeof v !== "string" || (i < colonnesSansTitre.length && colonnesSansTitre[i] === 1)) continue;
      const t = texteCellule(row[i]);
      if (t) textes.push({ i, t });
    }
    if (vide) continue;
    if (textes.length && estRecapitulatif(textes[0].t)) {
      fermerSection();
      recap = true;
      continue;
    }
    let code = texteCellule(cell(row, "code"));
    let libelle = texteCellule(cell(row, "libelle"));
    // No label cell: the row's first text that is a word, never one that reads as a figure (« 1 200,00 € » typed as
    // text in the amount, « 15/04/2025 »): a line is never labelled with its own amount or a date.
    if (!libelle) libelle = textes.find((x) => x.i !== cols.code && !chiffreEnTexte(row[x.i], convention))?.t ?? "";
    // No code column: "2.3 Chef opérateur", "1-1-2 Dialoguiste" carry the code in front of the label.
    const codeEnTete =
      cols.code === undefined ? /^(\d{1,2}(?:[.-]\d{1,3}){1,3})\s*[-–:)]?\s+(\S.*)$/.exec(libelle) : null;
    if (codeEnTete) [code, libelle] = [codeEnTete[1], codeEnTete[2]];
    // What names a line without a label in findings and in the devis written: words in its code cell (« Reliquat »
    // under « N° »), else its row; never a figure.
    const nomLigne =
      libelle ||
      (/\p{L}/u.test(code) && !chiffreEnTexte(cell(row, "code"), convention)
        ? code
        : `(ligne sans libellé, ligne ${r + 1})`);
    const titre = (code && libelle ? `${code} ${libelle}` : code || libelle) || textes.map((x) => x.t).join(" ");
    // "-" typed in the amount cell is the accountant's zero.
    const lm = lireMontantCellule(cell(row, "montant"), convention);
    lus[r] = lm;
    const qq = quantiteCellule(cell(row, "quantite"), convention);
    const nn = quantiteCellule(cell(row, "nombre"), convention);
    const q = qq.valeur;
    const n = nn.valeur;
    const tauxPct = pourcentCellule(cell(row, "taux"), convention);
    const t = tauxPct ? undefined : facteurCellule(cell(row, "taux"), convention);
    // An ambiguous text amount is read only when quantité × nombre × taux proves one of its readings.
    const montantLu = montantProuve(lm, q, n, t);
    // « Catering | (HT vide) | 1 200 (TTC) »: an amount only in a column left aside, on a row whose amount read is empty
    // and not computable: the line is missing from the devis read. Named with both cells, never taken nor lost.
    // A TVA cell counts too when its text says it writes the line's amount (« 1 200 TTC », « 1 000 HT »).
    if (lm.type === "vide" && ecarteesToutes.length && q === undefined && n === undefined && t === undefined)
      for (const e of ecarteesToutes) {
        const v = row[e.col]?.v;
        const ecrit = typeof v === "string" ? mentionTaxe(v) : undefined;
        if (e.nature === "tva" && !ecrit) continue;
        const x = row[e.col] && !row[e.col].erreur ? lireMontantCellule(row[e.col], convention) : undefined;
        if (x?.type !== "montant" || x.cents === 0 || !(libelle || code) || cell(row, "montant")?.f) continue;
        illisibles.push({
          cellule: ref(r, "montant") as string,
          texte: "",
          libelle: nomLigne,
          erreurExcel: false,
          autreColonne: {
            cellule: celluleRef(sheet.name, r, e.col),
            entete: e.entete,
            montant: x.cents,
            ...(e.nature === "tva" ? { texte: String(v).trim() } : {}),
          },
        });
        break;
      }
    const aDesFacteurs = q !== undefined || n !== undefined || t !== undefined;
    // A figure (a number, a text with digits, an Excel error) in an amount column left aside (TTC, TVA): the row holds
    // an amount, so it is never a section title, whatever its label (« Catering » would otherwise be read as an English
    // account title and the lines below it placed in chapter 6 unsaid).
    const chiffreEcarte = ecarteesToutes.some((e) => {
      const c = row[e.col];
      return !!c && (typeof c.v === "number" || !!c.erreur || (typeof c.v === "string" && /\d/.test(c.v)));
    });
    // A "Récapitulatif" block repeats chapter totals: skipped until detailed lines (with factors) come back.
    if (recap && !aDesFacteurs) {
      horsLigne(r, row, titre, "recapitulatif");
      continue;
    }
    recap = false;

    // Subtotal and total rows: never lines.
    // Derived rows (TVA, TTC, cost per minute) are neither lines nor totals of lines.
    if (textes.length && (ligneDerivee(textes[0].t) || ligneDerivee(libelle))) {
      horsLigne(r, row, textes[0].t, "derive");
      continue;
    }
    // « A reporter » / « Report »: a carried-forward amount, neither a line nor a total that closes a section.
    // Proven when it is the sum of the lines above (all of them, the section's, or since the last subtotal) or the
    // carried-forward amount just before it; listed otherwise. Never counted: its lines are.
    // « dont caméra », « soit 20 jours à 500 € » right under a line: a part of that line, never counted again.
    const parent = brutes.length > bloc.debutRun ? brutes[brutes.length - 1] : undefined;
    if (
      parent &&
      !parent.derivee &&
      !parent.retiree &&
      !code &&
      textes.length &&
      (estDetail(textes[0].t) || estDetail(libelle))
    ) {
      const lib = estDetail(textes[0].t) ? textes[0].t : libelle;
      if (montantLu === undefined) {
        if (lm.type !== "vide") horsLigne(r, row, lib, "detail");
        continue;
      }
      const p = parent.ligne;
      const cumul = (details.get(p.id) ?? 0) + montantLu;
      details.set(p.id, cumul);
      horsLignes.push({
        cellule: ref(r, "montant") as string,
        montant: montantLu,
        libelle: lib,
        motif: "detail",
        detailDe: {
          cellule: sourceLigne(p),
          libelle: p.libelle,
          montant: p.montant,
          ...(Math.abs(cumul) > Math.abs(p.montant) ? { depasse: true as const } : {}),
        },
      });
      continue;
    }
    // « Total page 1 »: the lines of its page (or, cumulative, all above), proven the same way.
    const page = !aDesFacteurs && !code && textes.length > 0 && (estTotalPage(textes[0].t) || estTotalPage(libelle));
    if (page || (!aDesFacteurs && !code && textes.length && (estReport(textes[0].t) || estReport(libelle)))) {
      const motif = page ? "page" : "report";
      const lib = (page ? estTotalPage(textes[0].t) : estReport(textes[0].t)) ? textes[0].t : libelle;
      if (montantLu === undefined) {
        horsLigne(r, row, lib, motif, true);
        continue;
      }
      const cumul = somme(0);
      const sommePage = somme(debutPage);
      const prouve = page
        ? [cumul, sommePage].some((x) => egalAuCentime(x, montantLu))
        : [cumul, somme(bloc.debutSection), somme(bloc.debutRun)].some((x) => egalAuCentime(x, montantLu)) ||
          (dernierReport !== undefined && egalAuCentime(dernierReport, montantLu));
      horsLignes.push({
        cellule: ref(r, "montant") as string,
        montant: montantLu,
        libelle: lib,
        motif,
        prouve: prouve || undefined,
        cumul,
        ...(page ? { sommePage } : {}),
      });
      if (prouve && !page) dernierReport = montantLu;
      debutPage = brutes.length;
      continue;
    }
    let tt = textes.length ? (typeTotal(textes[0].t) ?? typeTotal(libelle)) : undefined;
    /** What its words read (« TOTAL »): a grand total made a subtotal by arithmetic is still checked as one (totauxPartiels). */
    const typeLu = tt?.type;
    if (!tt && !textes.length && !code && !aDesFacteurs && montantLu !== undefined && brutes.length) {
      const sommes = {
        run: somme(bloc.debutRun),
        section: somme(bloc.debutSection),
        tout: somme(0),
        lignesRun: idsCouverts(brutes.slice(bloc.debutRun)).length,
      };
      const type = totalSansLibelle(montantLu, cell(row, "montant")?.f, sommes);
      if (type) {
        tt = { type };
        libelle = `${type === "total" ? "Total" : "Sous-total"} sans libellé (ligne ${r + 1})`;
      }
    }
    if (tt && montantLu === undefined) horsLigne(r, row, textes[0]?.t || libelle || titre, "derive", true);
    if (tt) {
      // A total above every line (a summary at the top of the sheet) covers the whole devis.
      // It is proven at the end against the lines below it; until then a provisional line, like any total
      // that adds up nothing above it (« TOTAL ENERGIES » on the first row of an expense export).
      const enTete = tt.type === "total" && idsCouverts(brutes).length === 0;
      if (enTete && montantLu === undefined) continue;
      if (montantLu === undefined && cell(row, "montant")?.f !== undefined && cell(row, "montant")?.v === null) {
        totauxSansResultat.push({
          cellule: ref(r, "montant") as string,
          libelle: textes[0]?.t || libelle,
          formule: `=${cell(row, "montant")?.f}`,
          type: tt.type,
        });
      }
      if (montantLu !== undefined) {
        // « TOTAL | 14 400 TTC » in the HT column read: a total written TTC, never proven against the HT lines unsaid.
        const vTotal = cell(row, "montant")?.v;
        const ecritTotal = typeof vTotal === "string" ? mentionTaxe(vTotal) : undefined;
        if (ecritTotal && ecritTotal !== natureLue)
          mentionsTotaux.set(ref(r, "montant") as string, {
            texte: String(vTotal).trim(),
            ecrit: ecritTotal,
            colonne: natureLue,
          });
        // A title in capitals carrying an amount, its section still open, whose amount is what this total lacks (« STORY &
        // RIGHTS » 37 240 over « DIRECTION » 60 840, then « Total Above-The-Line » 98 080): the title is a line of it, by
        // arithmetic — its section is closed first (the title a line unless its own lines prove it), then covered.
        const titre = bloc.enteteTotal;
        if (titre && bloc.debutSection >= bloc.debutRun) {
          const manque = (debut: number) => {
            const s = sommeIds(parId, idsCouverts(brutes.slice(debut)));
            return !egalAuCentime(s, montantLu) && egalAuCentime(s + titre.montant, montantLu);
          };
          if ((tt.type === "total" && manque(0)) || manque(bloc.debutRun)) {
            const run = bloc.debutRun;
            const debut = bloc.debutSection;
            fermerSection();
            // The title opened its section after the last total: the line it became starts the run since that total.
            if (debut === run && bloc.debutRun === run + 1) bloc.debutRun = run;
          }
        }
        const couvre = (debut: number) => idsCouverts(brutes.slice(debut));
        const montant = montantLu;
        let lignesCouvertes = tt.type === "total" ? couvre(0) : couvre(bloc.debutRun);
        if (tt.type === "sous-total" && bloc.debutSection < bloc.debutRun) {
          const section = couvre(bloc.debutSection);
          const lignes = brutes.map((b) => b.ligne);
          if (sommeLignes(lignes, lignesCouvertes) !== montant && sommeLignes(lignes, section) === montant)
            lignesCouvertes = section;
        }
        // « TOTAL CHAPITRE 1 » =G9+G12, « TOTAL DES CHARGES » =D12+D17+D21: a formula adding the producer's subtotals
        // (and maybe lines) under the last of them, no line between. It covers the lines of the totals it references and
        // the lines it references itself, when nothing since the last total is covered or when those add up to it.
        if (!egalAuCentime(sommeIds(parId, lignesCouvertes), montant)) {
          const parRefs = couvertsParReferences(cell(row, "montant")?.f);
          if (
            parRefs &&
            (egalAuCentime(sommeIds(parId, parRefs), montant) ||
              (tt.type === "sous-total" && lignesCouvertes.length === 0))
          )
            lignesCouvertes = parRefs;
        }
        // « TOTAL CHAPITRE 1 » typed 67 000 under « Total 1.1 » and « Total 1.2 » (values pasted, no formula): the
        // sous-chapitre titles opened sections of their own, yet its lines are those of its chapter read just above it.
        const chapitreTotal = tt.type === "sous-total" ? (tt.chapitre ?? bloc.section) : undefined;
        if (chapitreTotal && !egalAuCentime(sommeIds(parId, lignesCouvertes), montant)) {
          const ids: string[] = [];
          for (let i = brutes.length - 1; i >= 0; i--) {
            const b = brutes[i];
            if (b.derivee || b.retiree) continue;
            if (b.section !== chapitreTotal) break;
            ids.push(b.ligne.id);
          }
          ids.reverse();
          if (ids.length > lignesCouvertes.length && egalAuCentime(sommeIds(parId, ids), montant))
            lignesCouvertes = ids;
        }
        // « TOTAL » under each chapter (« TOTAL 1 800 », later « TOTAL 6 000 »): not the sum of every line above but, to
        // the cent, that of the lines since the previous total: a subtotal of those, proven by them.
        let type = tt.type;
        if (type === "total" && bloc.debutRun > 0 && totaux.length > 0) {
          const run = couvre(bloc.debutRun);
          const lignes = brutes.map((b) => b.ligne);
          if (run.length && sommeLignes(lignes, lignesCouvertes) !== montant && sommeLignes(lignes, run) === montant) {
            type = "sous-total";
            tt = { ...tt, type };
            lignesCouvertes = run;
          }
        }
        const chapitre =
          type === "sous-total"
            ? (tt.chapitre ?? bloc.section ?? chapitreMajoritaire(brutes.slice(bloc.debutRun)))
            : undefined;
        const total: LigneTotalProducteur = {
          type,
          // The text that reads as a total, not a date or a reference in front of it.
          libelle: (textes.length && typeTotal(textes[0].t) ? textes[0].t : libelle) || textes[0]?.t || libelle,
          montant,
          cellule: ref(r, "montant") as string,
          chapitre,
          lignesCouvertes,
          formule: cell(row, "montant")?.f,
          ...(typeLu === "total" && type === "sous-total" ? { libelleTotal: true as const } : {}),
        };
        const prouve = prouver(total);
        if (!prouve && mentionsTotaux.has(total.cellule)) {
          // Written TTC (or HT) against the column read, not the sum of its lines: a total all the same (its label and
          // its mention say so), listed and named, never a line added to the lines it totals.
          totaux.push(total);
          continue;
        }
        if (!prouve) {
          // « TOTAL ENERGIES », a total that adds up nothing above it: a line, whatever its wording.
          const ligne = ligneDeTotal(total, r, code, total.libelle);
          if (cell(row, "montant")?.f) {
            ligne.montantFormule = true;
            ligne.formuleMontant = cell(row, "montant")?.f;
          }
          const brute: Brute = {
            ligne,
            section: chapitreDeColonne(texteCellule(cell(row, "chapitre"))) ?? bloc.section,
            apresTotal,
          };
          pousser(brute);
          totaux.push(total);
          provisoires.push({ total, brute, revertie: false, sections: [], enTete: enTete || undefined });
          lignesProvisoires.set(total, ligne.id);
          continue;
        }
        totaux.push(total);
        dernierProuve = { total, n: brutes.length };
        if (total.type === "total") totalAuDessus = { cellule: total.cellule, libelle: total.libelle, montant };
      }
      if (tt.type === "total") {
        fermerSection();
        apresTotal = true;
        bloc.section = undefined;
        bloc.titreInconnu = undefined;
        bloc.debutSection = brutes.length;
      }
      bloc.debutRun = brutes.length;
      continue;
    }

    // Chapter headings: text only (a heading may carry the chapter's amount when written as a title).
    // "FRAIS GÉNÉRAUX" alone is a heading; "Frais généraux 15 %" or with an amount is a line.
    const basDeDevis = chapitreBasDeDevis(libelle);
    // « Imprévus » with 10 % (0,1 shown « 0 % ») in the amount column: the line's rate, never 0,10 €.
    const pctMontant =
      basDeDevis && montantLu === undefined && !tauxPct ? pourcentCellule(cell(row, "montant"), convention) : undefined;
    // « Imprévus 7 % »: the rate its label writes, read as a percentage cell is (« 1.500 % » the sheet does not decide
    // is named below with both readings, never read as 1,5 %).
    const pctLibelleLu = basDeDevis ? analyserPourcentDansTexte(libelle, convention) : undefined;
    if (!aDesFacteurs && (!basDeDevis || (montantLu === undefined && !tauxPct && !pctMontant && !pctLibelleLu))) {
      const chTitre = chapitreDeTitre(titre);
      // An amount in another currency, an Excel error, a date, an ambiguous text or a figure that is no amount is an
      // amount cell all the same: « 25 Transport » with $300 or #REF! is a line (not counted, named as such), not a
      // title whose total would merely go uncompared.
      const sansMontant =
        montantLu === undefined &&
        !chiffreEcarte &&
        (lm.type === "vide" || (lm.type === "texte" && !lm.devise && !/\d/.test(lm.texte)));
      // A title without amount naming an English account (« 1300 DIRECTION » in a Movie Magic export): its chapter is
      // deduced from that name, and said (finding chapitre-deduit-anglais). Only with an empty amount cell: « Grip »
      // with a formula saved without its result is a line whose amount is missing, not a title.
      const videMontant = lm.type === "vide" && !cell(row, "montant")?.f;
      const anglais = !chTitre && sansMontant && videMontant ? chapitreCompteAnglais(titre) : undefined;
      const ch = chTitre ?? (anglais && "chapitre" in anglais ? anglais.chapitre : undefined);
      const estTitre = sansMontant || enMajuscules(libelle || titre) || /^(chapitre|chap\b)/i.test(titre);
      const numerote = !!code || TITRE_NUMEROTE.test(titre);
      const pied = ch && montantLu !== undefined && (estTitre || numerote) ? enPied(ch, montantLu) : undefined;
      if (ch && pied) {
        // The chapter's title under its own total (« Sous-total 1 800 », then « 1 PRÉPARATION 1 800 »): the same
        // amount as the lines that total just closed, proven by them, never a line nor the title of the lines below.
        fermerSection();
        totaux.push({
          type: "sous-total",
          libelle: titre,
          montant: pied.montant,
          cellule: ref(r, "montant") as string,
          chapitre: ch,
          lignesCouvertes: [...pied.lignes],
          formule: cell(row, "montant")?.f,
          preuve: "somme",
        });
        for (const b of pied.brutes) b.section = ch;
        bloc.section = undefined;
        bloc.debutSection = bloc.debutRun = brutes.length;
        dernierProuve = undefined;
        continue;
      }
      if (ch) dernierProuve = undefined;
      if (ch && estTitre) {
        if (montantLu === undefined) nommer(lm, r, titre, true);
        fermerSection();
        const sectionAvant = bloc.section;
        bloc.section = ch;
        bloc.titreInconnu = undefined;
        bloc.titreAnglais = chTitre ? undefined : { section: ch, cellule: celluleTitre(r), titre };
        bloc.debutSection = bloc.debutRun = brutes.length;
        if (montantLu !== undefined) {
          bloc.enteteTotal = {
            type: "sous-total",
            libelle: titre,
            montant: montantLu,
            cellule: ref(r, "montant") as string,
            chapitre: ch,
            lignesCouvertes: [],
            formule: cell(row, "montant")?.f,
          };
          totaux.push(bloc.enteteTotal);
          bloc.enteteLigne = { r, code, libelle, apresTotal, sectionAvant };
        }
        continue;
      }
    }

    // A line: an amount read, or computable from its factors.
    const pctLibelle = pctLibelleLu?.type === "pourcent" ? pctLibelleLu.valeur : undefined;
    const pct = tauxPct ?? pctMontant ?? pctLibelle;
    // The label's percentage not read (« Imprévus 1.500 % » the sheet does not decide, « 1.2.3 % »): never applied,
    // named with the label's cell and both readings. Not when a rate cell gives the line's rate, nor when its factors
    // compute its amount (the label's rate is then not the line's).
    if (
      pctLibelleLu &&
      pctLibelleLu.type !== "pourcent" &&
      !tauxPct &&
      !pctMontant &&
      (montantLu !== undefined || t === undefined)
    ) {
      const illisible: MontantIllisible = {
        cellule: ref(r, "libelle") ?? celluleTitre(r),
        texte: pctLibelleLu.texte,
        libelle: nomLigne,
        erreurExcel: false,
        colonne: "libelle",
        compte: montantLu,
        pourcent: pourcentIllisibleDe(pctLibelleLu),
      };
      illisibles.push(illisible);
      // « Imprévus 5 + 10 % » with its amount: the sum's total is the line's rate only if the amount proves it (checked
      // once the coût hors frais is known), else the sum stays named.
      const total = totalSomme(pctLibelleLu);
      if (total && montantLu !== undefined)
        sommesAProuver.push({ illisible, total, ligne: `${sheet.name}!${r + 1}`, cellule: illisible.cellule });
      if (montantLu === undefined) {
        nommer(lm, r, nomLigne, false);
        continue;
      }
    }
    if (pctMontant) {
      // The label's percentage not read (« Imprévus 1.500 % », « Imprévus 5-10 % », « 1.2.3 % ») against the cell's
      // rate: said unless one of its readings is the cell's (a range never is).
      const nonLu =
        pctLibelleLu && pctLibelleLu.type !== "pourcent" && !libellePeutDire(pctLibelleLu, pctMontant)
          ? pctLibelleLu
          : undefined;
      pourcentages.push({
        cellule: ref(r, "montant") as string,
        libelle: nomLigne,
        ligne: `${sheet.name}!${r + 1}`,
        pourcentage: chaineDecimale(pctMontant),
        ...(pctLibelle && !pctLibelle.equals(pctMontant) ? { pourcentageLibelle: chaineDecimale(pctLibelle) } : {}),
        ...(nonLu ? { pourcentageLibelleNonLu: libelleNonLuDe(nonLu) } : {}),
      });
    }
    // « Imprévus 5 % » (or « 5-10 % », « 5 + 10 % », « 1.500 % ») with « 10 % » in the Taux column: the Taux cell's rate
    // is the line's; the label saying another one, or one not read none of whose readings is the cell's, is named.
    if (tauxPct && pctLibelleLu) {
      const autre = pctLibelleLu.type === "pourcent" && !pctLibelleLu.valeur.equals(tauxPct);
      const nonLu = pctLibelleLu.type !== "pourcent" && !libellePeutDire(pctLibelleLu, tauxPct);
      if (autre || nonLu)
        pourcentagesTaux.push({
          cellule: ref(r, "taux") as string,
          celluleLibelle: ref(r, "libelle") ?? celluleTitre(r),
          libelle: nomLigne,
          ligne: `${sheet.name}!${r + 1}`,
          pourcentage: chaineDecimale(tauxPct),
          ...(pctLibelleLu.type === "pourcent"
            ? { pourcentageLibelle: chaineDecimale(pctLibelleLu.valeur) }
            : { pourcentageLibelleNonLu: libelleNonLuDe(pctLibelleLu) }),
        });
    }
    let montant: Cents | undefined = montantLu;
    let montantCalcule = false;
    // A factor showing a date or an Excel error: the amount is never computed without it.
    const facteurIllisible = FACTEURS.find((k) => estDate(cell(row, k)) || !!cell(row, k)?.erreur);
    if (facteurIllisible && !pct) {
      const cf = cell(row, facteurIllisible) as CellData;
      illisibles.push({
        cellule: ref(r, facteurIllisible) as string,
        texte: cf.erreur ? String(cf.v) : dateLisible(cf),
        libelle: nomLigne,
        erreurExcel: !!cf.erreur,
        date: !cf.erreur || undefined,
        colonne: facteurIllisible,
        compte: montant,
      });
      if (montant === undefined) {
        nommer(lm, r, nomLigne, false);
        continue;
      }
    }
    // A factor typed as a percentage text not read (« 1.500 % » the sheet does not decide, « 1 2 % »): named with its
    // cell, never read as 1,5 % nor dropped; the amount is never computed without it.
    const facteurPourcent = facteurIllisible
      ? undefined
      : FACTEURS.find((k) => pourcentNonLu(cell(row, k), convention));
    if (facteurPourcent) {
      illisibles.push({
        cellule: ref(r, facteurPourcent) as string,
        texte: texteCellule(cell(row, facteurPourcent)),
        libelle: nomLigne,
        erreurExcel: false,
        colonne: facteurPourcent,
        compte: montant,
        ...pourcentDe(cell(row, facteurPourcent)),
      });
      if (montant === undefined) {
        nommer(lm, r, nomLigne, false);
        continue;
      }
    }
    // A quantity or a number written as text with a figure that reads as none (« NaN », « 1e3 », « 3 j ½ ») beside an
    // amount: named, never taken as 1 unsaid. A word alone (« forfait », « ens. ») is a unit written in its place.
    const facteurTexte =
      facteurIllisible || pct || montant === undefined
        ? undefined
        : (["quantite", "nombre"] as const).find((k) => {
            const c = cell(row, k);
            return (
              typeof c?.v === "string" &&
              FACTEUR_CHIFFRE.test(c.v.trim()) &&
              quantiteCellule(c).valeur === undefined &&
              !analyserPourcent(c, convention)
            );
          });
    if (facteurTexte)
      illisibles.push({
        cellule: ref(r, facteurTexte) as string,
        texte: String(cell(row, facteurTexte)?.v).trim(),
        libelle: nomLigne,
        erreurExcel: false,
        colonne: facteurTexte,
        compte: montant,
      });
    // An amount cell that shows an error, a date, an ambiguous or unreadable text is named, never replaced.
    if (montantLu === undefined && lm.type !== "vide" && !pct && (libelle || code)) {
      nommer(lm, r, nomLigne, false);
      continue;
    }
    // A merged amount cell counts once, on the row of its top-left cell: the rows it spans are not computed.
    const fusion = lm.type === "vide" ? fusionsMontant.get(r) : undefined;
    if (fusion && !pct && (libelle || code)) {
      illisibles.push({
        cellule: ref(r, "montant") as string,
        texte: "",
        libelle: nomLigne,
        erreurExcel: false,
        fusionneAvec: fusion,
      });
      continue;
    }
    // « 1 200 TTC » typed in the HT column read (or « 1 200 HT » in a TTC one): counted as typed, named.
    const texteMontant = cell(row, "montant")?.v;
    const ecrit = typeof texteMontant === "string" && montant !== undefined ? mentionTaxe(texteMontant) : undefined;
    if (lm.type === "montant" && ecrit && ecrit !== natureLue && montant !== undefined)
      taxesEcrites.push({
        cellule: ref(r, "montant") as string,
        texte: String(texteMontant).trim(),
        libelle: nomLigne,
        montant,
        ecrit,
        colonne: natureLue,
      });
    // « Catering | 1 000 | 1 200 TTC | »: the TVA cell writes the line's amount another way, not a TVA. The HT read stays
    // the line's amount; the TVA cell is named, never added nor dropped unsaid.
    if (montant !== undefined)
      for (const e of ecarteesToutes) {
        const v = e.nature === "tva" ? row[e.col]?.v : undefined;
        const ecritTva = typeof v === "string" ? mentionTaxe(v) : undefined;
        const x = ecritTva && !row[e.col].erreur ? lireMontantCellule(row[e.col], convention) : undefined;
        if (!ecritTva || x?.type !== "montant" || x.cents === 0) continue;
        taxesEcrites.push({
          cellule: celluleRef(sheet.name, r, e.col),
          texte: String(v).trim(),
          libelle: nomLigne,
          montant: x.cents,
          ecrit: ecritTva,
          colonne: natureLue,
          dansTva: { entete: e.entete, cellule: ref(r, "montant") as string, montantLigne: montant },
        });
      }
    if (lm.type === "montant" && lm.sousCentime && montant !== undefined) {
      const v = cell(row, "montant")?.v;
      arrondis.push({
        cellule: ref(r, "montant") as string,
        texte: typeof v === "number" ? String(v).replace(".", ",") : String(v),
        libelle: nomLigne,
        montant,
      });
    }
    if (montant === undefined && t !== undefined && (q !== undefined || n !== undefined)) {
      montant = montantLigne(q ?? 1, n ?? 1, t);
      montantCalcule = true;
      // The amount cell left empty, a factor written as text (« 3 j », « 3 jours », « 2,5 »): computed from what the
      // parser reads in it, never in silence (the producer's sheet holds no amount for the line).
      if (lm.type === "vide" && !cell(row, "montant")?.f) {
        const enTexte = (["quantite", "nombre"] as const).flatMap((k) => {
          const c = cell(row, k);
          const lu = k === "quantite" ? qq : nn;
          return typeof c?.v === "string" && lu.valeur !== undefined
            ? [
                {
                  cellule: ref(r, k) as string,
                  colonne: k,
                  texte: c.v.trim(),
                  valeur: chaineFacteur(lu.valeur),
                  ...(lu.unite ? { unite: lu.unite } : {}),
                },
              ]
            : [];
        });
        if (enTexte.length)
          facteursTexte.push({
            cellule: ref(r, "montant") ?? celluleTitre(r),
            libelle: nomLigne,
            montant,
            taux: chaineFacteur(t),
            ...(q !== undefined ? { quantite: chaineFacteur(q) } : {}),
            ...(n !== undefined ? { nombre: chaineFacteur(n) } : {}),
            facteurs: enTexte,
          });
      }
    }
    const fr = lireAnnexe(row, r, "montantFrance", nomLigne, montant);
    const etr = lireAnnexe(row, r, "montantEtranger", nomLigne, montant);
    const mFr = fr.valeur;
    const mEtr = etr.valeur;
    // "dont France | dont étranger" filled but the total left empty: the total is their sum, when both are read
    // (a part in dollars or unreadable is named above, and the line is not counted: never half of it).
    if (
      montant === undefined &&
      !fr.nommee &&
      !etr.nommee &&
      (mFr !== undefined || mEtr !== undefined) &&
      cell(row, "montant")?.f === undefined
    ) {
      montant = eurosToCents((mFr ?? new Decimal(0)).plus(mEtr ?? 0));
      montantCalcule = true;
    }
    if (montant === undefined && !pct) {
      // Amount left empty and a factor typed as text that is not a number ("10 à 12 j"): listed, not lost.
      const vide = (c: CellData | undefined) => !c || ((c.v === null || String(c.v).trim() === "") && !c.f);
      const facteur =
        vide(cell(row, "montant")) && (libelle || code)
          ? (["quantite", "nombre", "taux"] as const).find((k) => {
              const c = cell(row, k);
              return (
                typeof c?.v === "string" &&
                c.v.trim() !== "" &&
                quantiteCellule(c).valeur === undefined &&
                !analyserPourcent(c, convention)
              );
            })
          : undefined;
      if (facteur && (t !== undefined || q !== undefined || n !== undefined || facteur === "taux")) {
        illisibles.push({
          cellule: ref(r, facteur) as string,
          texte: String(cell(row, facteur)?.v),
          libelle: nomLigne,
          erreurExcel: false,
          // « la quantité « trois » n'est pas un nombre », never « n'est pas un montant ».
          colonne: facteur,
        });
        continue;
      }
      // « Provision imprévus | | 8 000 | » (a rate, no quantity, no number, no amount): 1 × the rate is never guessed,
      // and the figure is never dropped in silence either: named with its cell (before: lost, even after the total).
      if (vide(cell(row, "montant")) && (libelle || code) && t !== undefined && q === undefined && n === undefined) {
        illisibles.push({
          cellule: ref(r, "taux") as string,
          texte: String(cell(row, "taux")?.v ?? "").trim(),
          libelle: nomLigne,
          erreurExcel: false,
          colonne: "taux",
          tauxSeul: montantLigne(1, 1, t),
        });
        continue;
      }
      // « Divers | 1 250 | | » (a quantity or a number, no rate, no amount): maybe an amount typed one column off. Named
      // with its cell, never counted in euros (before: dropped in silence).
      const facteurSeul =
        q !== undefined && n === undefined ? "quantite" : n !== undefined && q === undefined ? "nombre" : undefined;
      if (vide(cell(row, "montant")) && (libelle || code) && t === undefined && facteurSeul) {
        illisibles.push({
          cellule: ref(r, facteurSeul) as string,
          texte: String(cell(row, facteurSeul)?.v ?? "").trim(),
          libelle: nomLigne,
          erreurExcel: false,
          colonne: facteurSeul,
          quantiteSeule: chaineFacteur((facteurSeul === "quantite" ? q : n) as Decimal),
        });
        continue;
      }
      const cm = cell(row, "montant");
      // « =SI(B6="";"";B6*C6) » on a line without its quantity: Excel saves its empty text as <v></v>, which the
      // ExcelJS cannot tell from no result at all (the set-aside reader reads it as the empty text ""). No factor pair to
      // compute from: an empty line, not a formula to recalculate (before: an error asking to re-save in Excel, which
      // changes nothing).
      if (
        cm &&
        cm.f &&
        (cm.v === "" || (cm.v === null && /""/.test(cm.f))) &&
        !(t !== undefined && (q !== undefined || n !== undefined))
      )
        continue;
      if (cm && ((cm.v !== null && String(cm.v).trim() !== "") || cm.f) && (libelle || code)) {
        const sansValeur = cm.v === null;
        illisibles.push({
          cellule: ref(r, "montant") as string,
          texte: sansValeur ? `=${cm.f}` : String(cm.v),
          libelle: nomLigne,
          erreurExcel: !!cm.erreur,
          formuleSansValeur: sansValeur || undefined,
        });
      } else if (cm && (cm.erreur || (typeof cm.v === "string" && /\d/.test(cm.v)))) {
        // No label: an error or a figure that is not an amount is still named, never dropped.
        illisibles.push({
          cellule: ref(r, "montant") as string,
          texte: String(cm.v),
          libelle: nomLigne,
          erreurExcel: !!cm.erreur,
          ...(typeof cm.v === "string" && !cm.erreur ? tarifDe(cm.v) : {}),
        });
      }
      // « Remise -10 % » with no amount: a rebate nothing says the base of, neither computed nor dropped in silence.
      // Its rate read as a percentage cell is, without its sign (a rebate deducts); « Remise 1.500 % » the sheet does
      // not decide is named with both readings.
      const remiseLue = REMISE.test(libelle || titre)
        ? analyserPourcentDansTexte(libelle || titre, convention)
        : undefined;
      const pctRemise = remiseLue?.type === "pourcent" ? remiseLue.valeur.abs() : undefined;
      if (remiseLue && remiseLue.type !== "pourcent")
        illisibles.push({
          cellule: ref(r, "libelle") ?? celluleTitre(r),
          texte: remiseLue.texte,
          libelle: nomLigne,
          erreurExcel: false,
          colonne: "libelle",
          pourcent: pourcentIllisibleDe(remiseLue),
        });
      if (pctRemise && !pctRemise.isZero())
        remises.push({
          cellule: ref(r, "libelle") ?? (ref(r, "montant") as string),
          libelle: nomLigne,
          pourcentage: chaineDecimale(pctRemise),
        });
      // A title in capitals naming no chapter: the lines under it are said to be under it when left unplaced.
      // A section title in lower case (« Technique », « Frais de tournée ») likewise: a few words alone on their row.
      const seul = !code && !aDesFacteurs && textes.length === 1;
      const majuscules = enMajuscules(libelle || titre);
      const section = majuscules || (seul && TITRE_DE_SECTION.test(libelle || titre));
      if (bloc.section === undefined && lm.type === "vide" && !cm?.f && !chiffreEcarte && section)
        bloc.titreInconnu = {
          cellule: celluleTitre(r),
          titre: libelle || titre,
          ...(majuscules ? {} : { minuscules: true as const }),
        };
      continue; // a comment or an empty template line
    }
    const c = cell(row, "montant");
    const cellules: LigneDevis["source"]["cellules"] = {};
    const numero = String(r + 1);
    for (const x of colonnesSource) {
      const v = row[x.col]?.v;
      if (v !== null && v !== undefined) cellules[x.k] = x.prefixe + numero;
    }
    cellules.montant = ref(r, "montant") ?? cellules.montant;
    const celPct = !pct ? undefined : tauxPct ? ref(r, "taux") : pctMontant ? ref(r, "montant") : ref(r, "libelle");
    if (celPct) cellules.pourcentage = celPct;
    const charges = lireAnnexe(row, r, "montantCharges", nomLigne, montant).nommee
      ? {}
      : chargesEnColonne(cell(row, "montantCharges"), convention);
    const tc = fractionCellule(cell(row, "tauxCharges"), convention) ?? charges.taux;
    if (pourcentNonLu(cell(row, "tauxCharges"), convention))
      illisibles.push({
        cellule: ref(r, "tauxCharges") as string,
        texte: texteCellule(cell(row, "tauxCharges")),
        libelle: nomLigne,
        erreurExcel: false,
        colonne: "tauxCharges",
        compte: montant,
        ...pourcentDe(cell(row, "tauxCharges")),
      });
    const preuves = preuvesDe(cols.territoire);
    const pfRep = partFranceDeRepartition(montant, mFr, mEtr);
    const celTerritoire = cell(row, "territoire");
    const pf = pfRep ?? partFranceCellule(celTerritoire, preuves, convention);
    const ambiguTerritoire = pfRep ? undefined : territoireAmbigu(celTerritoire, preuves, convention);
    const illisibleTerritoire = pfRep ? undefined : territoireIllisible(celTerritoire, preuves, convention);
    const unite = texteCellule(cell(row, "unite")) || qq.unite || nn.unite || undefined;
    const ligne: LigneDevis = {
      id: `${sheet.name}!${r + 1}`,
      code: code || undefined,
      libelle: nomLigne,
      quantite: q === undefined ? undefined : chaineFacteur(q),
      nombre: n === undefined ? undefined : chaineFacteur(n),
      unite,
      taux: t === undefined ? undefined : chaineFacteur(t),
      montant: montant ?? ZERO,
      montantFormule: c?.f ? true : undefined,
      formuleMontant: c?.f || undefined,
      montantCalcule: montantCalcule || montant === undefined || undefined,
      montantTexte: (!montantCalcule && montant !== undefined && typeof c?.v === "string" && !c.erreur) || undefined,
      pourcentage: pct && chaineDecimale(pct),
      tauxCharges: tc && chaineDecimale(tc),
      partFrance: pf && chaineDecimale(pf),
      ...(ambiguTerritoire
        ? {
            territoireAmbigu: {
              texte: texteCellule(celTerritoire),
              pourcent: chaineDecimale(ambiguTerritoire.pourcent),
              fraction: chaineDecimale(ambiguTerritoire.fraction),
            },
          }
        : {}),
      ...(illisibleTerritoire
        ? {
            territoireIllisible: {
              texte: illisibleTerritoire.texte,
              ...(illisibleTerritoire.pourcent ? { pourcent: true as const } : {}),
              ...(illisibleTerritoire.lectures
                ? {
                    lectures: {
                      decimale: chaineDecimale(illisibleTerritoire.lectures.decimale),
                      milliers: chaineDecimale(illisibleTerritoire.lectures.milliers),
                    },
                  }
                : {}),
            },
          }
        : {}),
      eligibleCI: eligibiliteDeTexte(cell(row, "eligibleCI")?.v ?? null),
      source: { feuille: sheet.name, ligne: r + 1, cellules },
    };
    // Below the producer's grand total, no chapter title read since: said (ligne-sous-total), unless a later total covers it.
    if (apresTotal && totalAuDessus && bloc.section === undefined) ligne.sousLeTotal = totalAuDessus;
    if (mFr !== undefined || mEtr !== undefined)
      ligne.repartition = { france: mFr && eurosToCents(mFr), etranger: mEtr && eurosToCents(mEtr) };
    const cat = categorieDeTexte(texteCellule(cell(row, "categorie")));
    if (cat) ligne.categorie = cat;
    const colonneChapitre = chapitreDeColonne(texteCellule(cell(row, "chapitre")));
    const brute: Brute = {
      ligne,
      section: colonneChapitre ?? bloc.section,
      apresTotal,
      ...(!colonneChapitre && bloc.titreAnglais && bloc.titreAnglais.section === bloc.section
        ? { titreAnglais: { cellule: bloc.titreAnglais.cellule, titre: bloc.titreAnglais.titre } }
        : {}),
    };
    if (!colonneChapitre && bloc.section === undefined && bloc.titreInconnu) ligne.titreInconnu = bloc.titreInconnu;
    pousser(brute);
    if (c?.f && montantLu !== undefined && cols.montant !== undefined) {
      const plages = plagesFormule(c.f, sheet.name);
      const col = cols.montant;
      if (plages.length && plages.every((x) => x.c1 === col && x.c2 === col && x.r1 > r))
        parentsDetail.push({
          brute,
          fin: Math.max(...plages.map((x) => x.r2)),
          plages,
          formule: c.f,
          cellule: ref(r, "montant") as string,
        });
    }
    // "50 %" in the charges column: the charges are that share of the gross.
    const montantCharges =
      charges.montant ?? (charges.taux && montant ? multiplyCents(montant, charges.taux) : undefined);
    if (montantCharges)
      pousser({
        ligne: ligneDeCharges(
          ligne,
          montantCharges,
          ref(r, "montantCharges") as string,
          charges.montant === undefined ? charges.taux : undefined,
        ),
        section: "4",
        apresTotal,
        derivee: true,
      });
  }
  resoudreParents(Number.MAX_SAFE_INTEGER);
  fermerSection();
  if (tableaux.length) changerEntete(entete);
  // A total above every line covers the whole devis: proven against all of it, else it is a line too.
  for (const p of provisoires) {
    if (!p.enTete || p.revertie) continue;
    const t = p.total;
    const avant = t.lignesCouvertes;
    t.lignesCouvertes = idsCouverts(brutes.filter((b) => b !== p.brute));
    if (
      prouver(
        t,
        totaux.filter((x) => x !== t),
      )
    ) {
      revertir(p);
      totauxEnTete.push(t);
    } else t.lignesCouvertes = avant;
  }
  // Provisional lines: back to (unproven) subtotals when a total proved it, else lines with a finding.
  // (and the lines found to be the subtotal of their detail lines below them)
  const retirees = new Set([
    ...provisoires.filter((p) => p.revertie).map((p) => p.brute),
    ...brutes.filter((b) => b.retiree),
  ]);
  const totauxNonProuves: NonNullable<Devis["totauxNonProuves"]> = [];
  // A title in capitals that a proven total counts as one of its lines (« STORY & RIGHTS » 37 240 under « Total
  // Above-The-Line » = the accounts above it) is proven a line by that arithmetic: no finding doubts it.
  const lignesProuvees = new Set(
    totaux.filter((t) => t.preuve && !lignesProvisoires.has(t)).flatMap((t) => t.lignesCouvertes),
  );
  for (const p of provisoires) {
    if (p.revertie) continue;
    totaux.splice(totaux.indexOf(p.total), 1);
    if (p.titre && lignesProuvees.has(p.brute.ligne.id)) continue;
    totauxNonProuves.push({
      cellule: p.total.cellule,
      libelle: p.total.libelle,
      montant: p.total.montant,
      lignesCouvertes: p.total.lignesCouvertes.length,
      sommeCouverte: sommeIds(parId, p.total.lignesCouvertes),
      titre: p.titre,
      ...(p.total.formule ? { formule: `=${p.total.formule}` } : {}),
      ...montantsTextes(p.total.lignesCouvertes.map((id) => parId.get(id))),
    });
  }
  if (retirees.size) {
    const ids = new Set([...retirees].map((b) => b.ligne.id));
    for (let i = brutes.length - 1; i >= 0; i--) if (retirees.has(brutes[i])) brutes.splice(i, 1);
    for (const t of totaux) t.lignesCouvertes = t.lignesCouvertes.filter((id) => !ids.has(id));
  }

  const lignes = placer(brutes);
  // A line at a rate with no amount, computed on its base (basePourcentage, the figure the messages name): first the
  // cost lines of chapters 1 to 9 (« Frais d'assurance » at 3 % in the Taux column: on the costs without the lines at a
  // rate), then « Imprévus 7 % » and the other frais on the coût hors frais, those cost lines included.
  const calculees = lignes.filter((l) => l.montantCalcule && aUnPourcentage(l));
  for (const enCout of [true, false])
    for (const l of calculees.filter((x) => estCout(x) === enCout))
      l.montant = multiplyCents(basePourcentage(lignes, l).montant, l.pourcentage as string);
  // « Imprévus 5 + 10 % » typed 2 250,00 € on 15 000,00 € of coût hors frais: the amount proves the sum's total (15 %),
  // the line's rate; any other amount leaves the sum named (montant-illisible), never a term nor the total picked.
  for (const p of sommesAProuver) {
    const l = lignes.find((x) => x.id === p.ligne);
    if (
      !l ||
      l.pourcentage ||
      l.montantCalcule ||
      multiplyCents(basePourcentage(lignes, l).montant, p.total) !== l.montant
    )
      continue;
    l.pourcentage = chaineDecimale(p.total);
    l.source.cellules.pourcentage = p.cellule;
    illisibles.splice(illisibles.indexOf(p.illisible), 1);
  }
  // « Imprévus 7 % » with 1 000,00 € typed where 7 % of its base gives 1 050,00 €: the amount typed is counted (money
  // the producer wrote), the disagreement named with both figures (montant-pourcentage, alerte); equal to the cent after
  // half-up rounding, nothing to say. The only base the devis computes a rate on is basePourcentage: no other is tried.
  const tauxContreMontant: NonNullable<Devis["tauxContreMontant"]> = [];
  for (const l of lignes) {
    if (!aUnPourcentage(l) || l.montantCalcule) continue;
    const base = basePourcentage(lignes, l);
    const calcule = multiplyCents(base.montant, l.pourcentage as string);
    if (calcule === l.montant) continue;
    // « Frais généraux 15 % » typed =ROUND(G71*15%,2) on the producer's « TOTAL HT » above it, a total read that differs
    // from the coût hors frais (text amounts it misses): the amount is the rate of that total, said (info) with it.
    const rangLigne = rangCellule(l.id);
    const autre = totaux
      .filter(
        (t) => rangCellule(t.cellule) < rangLigne && multiplyCents(t.montant, l.pourcentage as string) === l.montant,
      )
      .sort((a, b) => rangCellule(b.cellule) - rangCellule(a.cellule))[0];
    const cellulePct = l.source.cellules.pourcentage;
    tauxContreMontant.push({
      cellule: l.source.cellules.montant ?? l.id,
      celluleTaux: cellulePct ?? l.id,
      dans: cellulePct && cellulePct === l.source.cellules.taux ? "taux" : "libelle",
      libelle: l.libelle,
      ligne: l.id,
      pourcentage: l.pourcentage as string,
      base: base.montant,
      nomBase: base.nom,
      calcule,
      montant: l.montant,
      ...(autre ? { autreBase: { cellule: autre.cellule, libelle: autre.libelle, montant: autre.montant } } : {}),
    });
  }
  // A chapter repeated under the total: proven when it is the sum of its chapter's lines to the cent (a proven total
  // in the conservation), else listed.
  for (const [h, ch] of rappels) {
    const somme = sumCents(lignes.filter((l) => l.chapitre === ch).map((l) => l.montant));
    if (lignes.some((l) => l.chapitre === ch) && egalAuCentime(somme, h.montant)) h.prouve = true;
    // Not its chapter's lines: both amounts named by the finding, never a line.
    else h.ecart = { libelle: h.libelle, chapitre: ch, montant: h.montant, attendu: somme };
  }

  // A line under the grand total that a later total covers (« TOTAL GÉNÉRAL » under « TOTAL » and its frais généraux),
  // or a line of the devis's bottom (imprévus, frais généraux, assurances: their place is under the total), is in place.
  const couvertes = new Set(totaux.flatMap((t) => t.lignesCouvertes));
  for (const l of lignes)
    if (
      l.sousLeTotal &&
      (couvertes.has(l.id) ||
        (l.chapitre && CHAPITRES_HORS_TOTAL.includes(l.chapitre)) ||
        chapitreBasDeDevis(l.libelle) !== undefined)
    )
      delete l.sousLeTotal;
  const nonPlaces: MontantNonPlace[] = lignes
    .filter((l) => !l.chapitre && l.montant !== 0)
    .map((l) => ({
      cellule: sourceLigne(l),
      montant: l.montant,
      libelle: l.libelle,
      ligne: l.source.ligne,
      ...(l.chapitresPossibles ? { chapitresPossibles: l.chapitresPossibles } : {}),
      ...(l.titreInconnu ? { titreInconnu: l.titreInconnu } : {}),
      ...(l.sousLeTotal ? { sousLeTotal: l.sousLeTotal } : {}),
    }));
  prouverTotaux(totaux, lignes, sheet.name, new Set(totauxEnTete));
  // A grand total whose formula takes up only some of the subtotals above it (« TOTAL =D8 »): never a line, named.
  const partiels = totauxPartiels(totaux, totauxSansResultat, lignes, sheet.name, [
    entete.ligne,
    ...tableaux.map(debutEntete),
  ]);
  for (const t of totaux) {
    const m = mentionsTotaux.get(t.cellule);
    if (!m) continue;
    const somme = sommeLignes(lignes, t.lignesCouvertes);
    const ligne = lignes.some((l) => l.source.cellules.montant === t.cellule && !l.montantCalcule);
    taxesEcrites.push({
      cellule: t.cellule,
      libelle: t.libelle,
      montant: t.montant,
      ...m,
      total: {
        type: t.type,
        prouve: !!t.preuve,
        somme,
        ...(ligne ? { ligne: true } : {}),
        ...tauxEntre(m.ecrit, m.colonne, t.montant, somme),
      },
    });
  }
  const tot = calculerTotaux(lignes, totaux, opts.dureeMinutes);
  const devis: Devis = {
    feuille: sheet.name,
    typeOeuvre: opts.typeOeuvre,
    genre: opts.genre,
    dureeMinutes: opts.dureeMinutes,
    ...(opts.dureeMinutes !== undefined && opts.origineDuree ? { origineDuree: opts.origineDuree } : {}),
    lignes,
    chapitres: tot.chapitres,
    total: tot.total,
    totalHorsFrais: tot.totalHorsFrais,
    coutMinute: tot.coutMinute,
    nonPlaces,
    illisibles,
    ambigus,
    arrondis,
    ...(taxesEcrites.length ? { taxesEcrites } : {}),
    devises,
    ...(pourcentages.length ? { pourcentagesMontant: pourcentages } : {}),
    ...(pourcentagesTaux.length ? { pourcentagesTaux } : {}),
    ...(tauxContreMontant.length ? { tauxContreMontant } : {}),
    ...(remises.length ? { remisesSansMontant: remises } : {}),
    ...(facteursTexte.length ? { facteursTexte } : {}),
    totauxProducteur: totaux,
    totauxSansResultat,
    horsLignes,
    totauxNonProuves,
    ...(partiels.length ? { totauxPartiels: partiels } : {}),
  };
  // A « Récapitulatif » block below the lines, proven by the arithmetic: its figures that equal the chapters' lines are
  // proven totals, the others keep their écart (both amounts named by the finding). Never lines.
  const recapBas = recapitulatifEnBas(
    sheet,
    horsLignes.filter((h) => h.motif === "recapitulatif"),
    devis,
  );
  if (recapBas) {
    devis.recapitulatifSurFeuille = recapBas.recap;
    for (const f of recapBas.figures) {
      const h = horsLignes.find((x) => x.cellule === f.cellule && x.motif === "recapitulatif");
      if (h && f.prouve) h.prouve = true;
      else if (h && f.ecart) h.ecart = f.ecart;
    }
  }
  devis.conservation = calculerConservation(premier, entete.ligne, cols.montant, devis, convention, lus);
  const nommee = (col: number, texte?: string): ColonneNommee => ({
    colonne: colonneLettre(col),
    cellule: celluleRef(premier.name, entete.ligne, col),
    entete: texte ?? String(premier.rows[entete.ligne]?.[col]?.v ?? "").trim(),
  });
  const colonneMontant = colonnesMontantDe(premier, entete, convention);
  if (entete.montants && colonneMontant) {
    devis.colonneMontant = colonneMontant;
    devis.conservation.colonneMontant = devis.colonneMontant;
    devis.taxes = lireTaxes(premier, lignes, entete.montants, convention);
    const sansHT = tvaSansHT(premier, lignes, entete.montants, convention);
    if (sansHT) devis.colonneMontant.tvaSansHT = sansHT;
  }
  const autres = colonnesNonLues(premier, entete, lignes, convention);
  // Numbers under a column no role reads (« Observations », « Budget N-1 »): counted per column, named, never read.
  const lues = new Set<number>(Object.values(cols).filter((c): c is number => c !== undefined));
  for (const x of entete.montants ? [entete.montants.retenue, ...entete.montants.ecartees] : []) lues.add(x.col);
  if (entete.libelleSansEntete) lues.add(entete.libelleSansEntete.col);
  const argent = [cols.montant, cols.montantCharges].filter((c): c is number => c !== undefined);
  const horsColonnes = nombresHorsColonnes(premier, entete.ligne, lues, { lignes, colonnes: argent }, convention);
  if (tableaux.length)
    devis.conservation.tableaux = [
      {
        cellule: celluleRef(sheet.name, entete.ligne, premiereCellule(sheet, entete.ligne)),
        colonne: devis.conservation.colonne,
      },
    ];
  const colonnesMontantBas = new Map<Entete, ColonnesMontant>();
  const nonLuesBas = new Map<Entete, ReturnType<typeof colonnesNonLues>>();
  for (const [i, x] of tableaux.entries()) {
    // Each table's amounts, in its own amount column, down to the next table: counted as the first one's are.
    const rows = jusqua(debutTableau(i + 1));
    const c = calculerConservation(rows, x.ligne, x.colonnes.montant, devis, convention, lus);
    // Its own choice among several amount columns, named with their sums over its rows (never the first table's).
    const cm = colonnesMontantDe(rows, x, convention);
    const sousX = lignes.filter((l) => l.source.ligne > x.ligne + 1 && l.source.ligne <= rows.rows.length);
    if (cm) {
      colonnesMontantBas.set(x, cm);
      // « Montant HT | TVA | Montant TTC » under this header: HT + TVA = TTC checked on its lines (ht-tva-ttc) too.
      const taxes = lireTaxes(rows, sousX, x.montants, convention);
      if (taxes?.length) devis.taxes = [...(devis.taxes ?? []), ...taxes];
      const sansHT = tvaSansHT(rows, sousX, x.montants, convention);
      if (sansHT) cm.tvaSansHT = sansHT;
    }
    // Its own columns of réalisé, écart or episodes: named with their sums, never counted (nor lost in silence).
    const nl = colonnesNonLues(rows, x, sousX, convention);
    if (nl.colonnes.length) nonLuesBas.set(x, nl);
    devis.conservation = ajouterConservation(
      devis.conservation,
      c,
      celluleRef(sheet.name, debutEntete(x), premiereCellule(sheet, debutEntete(x))),
      cm,
    );
    const luesX = new Set<number>(Object.values(x.colonnes).filter((k): k is number => k !== undefined));
    for (const y of x.montants ? [x.montants.retenue, ...x.montants.ecartees] : []) luesX.add(y.col);
    const argentX = [x.colonnes.montant, x.colonnes.montantCharges].filter((k): k is number => k !== undefined);
    horsColonnes.push(...nombresHorsColonnes(rows, x.ligne, luesX, { lignes, colonnes: argentX }, convention));
  }
  if (tableaux.length)
    devis.entetesSuivants = tableaux.map((x, i) => {
      const nl = nonLuesBas.get(x);
      const n = nouvelEntete(sheet, x, lignes, debutTableau(i + 1), nl?.colonnes);
      const avant = chapitresNonRepris.get(x);
      const cm = colonnesMontantBas.get(x);
      const l = x.libelleSansEntete;
      return {
        ...n,
        ...(l
          ? {
              colonneLibelles: {
                colonne: colonneLettre(l.col),
                aGaucheDe: {
                  colonne: colonneLettre(l.aGaucheDe),
                  cellule: celluleRef(sheet.name, x.ligne, l.aGaucheDe),
                  entete: String(sheet.rows[x.ligne]?.[l.aGaucheDe]?.v ?? "").trim(),
                },
              },
            }
          : {}),
        ...(cm ? { colonneMontant: cm } : {}),
        ...(avant === undefined ? {} : { chapitreNonRepris: avant }),
        ...(nl
          ? {
              colonnesNonLues: nl.colonnes,
              ...(nl.episodes ? { episodes: nl.episodes } : {}),
              ...(nl.semaines ? { semaines: nl.semaines } : {}),
              ...(nl.mois ? { mois: nl.mois } : {}),
            }
          : {}),
      };
    });
  if (horsColonnes.length) devis.conservation.horsColonnes = horsColonnes;
  // The figures of a column without header: read (in `lu`) and listed, each named by its cell, never lost unsaid.
  const listees = horsColonnes.flatMap((h) => h.listees ?? []);
  if (listees.length) {
    const c = devis.conservation;
    const somme = sumCents(listees.map((x) => x.montant));
    devis.conservation = {
      ...c,
      lu: sumCents([c.lu, somme]),
      listes: sumCents([c.listes, somme]),
      cellules: { ...c.cellules, lues: c.cellules.lues + listees.length, listees: c.cellules.listees + listees.length },
    };
  }
  if (autres.colonnes.length) {
    devis.colonnesNonLues = autres.colonnes;
    if (cols.montant !== undefined) devis.colonneLue = nommee(cols.montant);
  }
  if (autres.episodes) devis.episodes = autres.episodes;
  if (autres.semaines) devis.semaines = autres.semaines;
  if (autres.mois) devis.mois = autres.mois;
  if (entete.libelleSansEntete)
    devis.colonneLibelles = {
      colonne: colonneLettre(entete.libelleSansEntete.col),
      aGaucheDe: nommee(entete.libelleSansEntete.aGaucheDe),
    };
  return devis;
}

/** The amounts typed as text among a total's lines (non-zero, with their cell): what Excel's SUM leaves out. */
function montantsTextes(lignes: readonly (LigneDevis | undefined)[]): {
  textes?: { cellule: string; montant: Cents }[];
} {
  const textes = lignes
    .filter((l): l is LigneDevis => !!l && !!l.montantTexte && l.montant !== 0 && !!l.source.cellules.montant)
    .map((l) => ({ cellule: l.source.cellules.montant as string, montant: l.montant }));
  return textes.length ? { textes } : {};
}

/** A label's percentage not read, as a MontantIllisible names it: both readings, a range, a sum of rates. */
function pourcentIllisibleDe(a: PourcentLibelle): NonNullable<MontantIllisible["pourcent"]> {
  if (a.type === "ambigu") return { decimale: chaineDecimale(a.decimale), milliers: chaineDecimale(a.milliers) };
  if (a.fourchette) return { fourchette: true };
  return a.somme ? { somme: sommeDeTaux(a) } : {};
}

/** The row number of a cell or line id (« 'Budget Gardiens'!G71 » → 71, « Budget!5 » → 5). */
function rangCellule(c: string): number {
  const m = /!\$?[A-Z]*\$?(\d+)$/.exec(c);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/** A label's percentage not read, as PourcentageMontant and PourcentageTaux name it. */
function libelleNonLuDe(a: PourcentLibelle): NonNullable<PourcentageMontant["pourcentageLibelleNonLu"]> {
  return {
    texte: a.texte,
    ...(a.type === "ambigu"
      ? { lectures: { decimale: chaineDecimale(a.decimale), milliers: chaineDecimale(a.milliers) } }
      : a.fourchette
        ? { fourchette: true as const }
        : a.somme
          ? { somme: sommeDeTaux(a) }
          : {}),
  };
}

function sommeDeTaux(a: PourcentLibelle): SommeDeTaux {
  return a.somme?.termes ? { termes: a.somme.termes.map(chaineDecimale) } : {};
}

/**
 * Whether a label's percentage not read may be the rate a cell gives: one of the readings of « 1.500 % », the total of
 * « 5 + 10 % » (the cell proves it); a range never is.
 */
function libellePeutDire(a: PourcentLibelle, taux: Decimal): boolean {
  if (a.type === "ambigu") return a.decimale.equals(taux) || a.milliers.equals(taux);
  return !!totalSomme(a)?.equals(taux);
}
