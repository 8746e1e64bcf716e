import Decimal from "decimal.js";
import { centsToEuros, eurosToCents, MONTANT_MAX_CENTIMES, nombreSousCentime, type Cents } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellData, CellSpec, SheetData, SheetSpec } from "../port/workbook";
import { ErreurDonnees } from "../erreurs";
import { normaliser } from "../util/texte";
import { celluleRef } from "../util/adresse";
import { dateEcrite, dateEnMots, jourDeLaSemaine } from "../util/datesEcrites";
import { CHAPITRE_NON_PLACE, type LigneVersion, type Version } from "./modele";

export const FEUILLE_VERSIONS = "Versions";
export const TABLE_VERSIONS = "tblVersions";

/** Columns of the « Versions » table (0-based), shared by the writer, the reader and the comparison's formulas. */
export const COL_V = {
  version: 0,
  date: 1,
  auteur: 2,
  numero: 3,
  chapitre: 4,
  sousChapitre: 5,
  code: 6,
  libelle: 7,
  quantite: 8,
  nombre: 9,
  unite: 10,
  taux: 11,
  montant: 12,
  cellule: 13,
} as const;

export const ENTETES_VERSIONS = [
  "Version",
  "Date",
  "Auteur",
  "N°",
  "Chapitre",
  "Sous-chapitre",
  "Code",
  "Libellé",
  "Quantité",
  "Nombre",
  "Unité",
  "Taux",
  "Montant",
  "Cellule",
];

/** The setting beside the table: « Masquer la feuille » oui / non (the user may change it). */
const COL_REGLAGE = 15;
const LIBELLE_MASQUER = "Masquer la feuille";

// A decimal string's number: the value Decimal's toNumber gives, without a Decimal for each of 30 000 numbers.
const num = (s: string | undefined): CellSpec => (s === undefined ? null : Number(s));

/**
 * The « Versions » sheet: one Excel table, one row per line per version (header in row 1, so the comparison's
 * formulas can use whole columns). Texts stay texts (a label starting with « = » is never a formula).
 */
export function feuilleVersions(versions: readonly Version[], masquee: boolean, nom = FEUILLE_VERSIONS): SheetSpec {
  const rows: CellSpec[][] = [ENTETES_VERSIONS.slice()];
  rows[0][COL_REGLAGE - 1] = null;
  rows[0][COL_REGLAGE] = LIBELLE_MASQUER;
  rows[0][COL_REGLAGE + 1] = masquee ? "oui" : "non";
  const ligne = (v: Version, l: LigneVersion): CellSpec[] => [
    v.nom,
    v.date ? { date: v.date } : null,
    v.auteur,
    l.numero,
    l.chapitre,
    l.sousChapitre ?? null,
    l.code ?? null,
    l.libelle,
    num(l.quantite),
    num(l.nombre),
    l.unite ?? null,
    num(l.taux),
    centsToEuros(l.montant),
    l.cellule,
  ];
  // Rows generated while writing (bulk): 10 versions of a 5 000-line devis are never held as cells.
  const count = versions.reduce((n, v) => n + v.lignes.length, 0);
  const bulk = {
    count,
    *rows(): Iterable<CellSpec[]> {
      for (const v of versions) for (const l of v.lignes) yield ligne(v, l);
    },
  };
  const fin = Math.max(count + 1, 2);
  return {
    name: nom,
    rows,
    bulk,
    columns: [
      { width: 24, numFmt: FORMAT_EXCEL.texte },
      { width: 11, numFmt: FORMAT_EXCEL.date },
      { width: 14, numFmt: FORMAT_EXCEL.texte },
      { width: 6 },
      { width: 9, numFmt: FORMAT_EXCEL.texte },
      { width: 9, numFmt: FORMAT_EXCEL.texte },
      { width: 10, numFmt: FORMAT_EXCEL.texte },
      { width: 40, numFmt: FORMAT_EXCEL.texte },
      { width: 9, numFmt: FORMAT_EXCEL.quantite },
      { width: 8, numFmt: FORMAT_EXCEL.quantite },
      { width: 8, numFmt: FORMAT_EXCEL.texte },
      { width: 12, numFmt: FORMAT_EXCEL.montantSansSymbole },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 20, numFmt: FORMAT_EXCEL.texte },
      { width: 3 },
      { width: 18 },
      { width: 6 },
    ],
    formats: [{ range: `P1:Q1`, bold: true, fill: "#FFF2CC" }],
    tables: [{ name: TABLE_VERSIONS, range: `A1:N${fin}`, style: "TableStyleLight9" }],
    freeze: { rows: 1 },
    tabColor: "#7030A0",
    hidden: masquee,
  };
}

/** The row (1-based) each line read by lireVersions holds in its « Versions » sheet: the comparison's notes cite it. */
const lignesLues = new WeakMap<LigneVersion, number>();
export const ligneDansVersions = (l: LigneVersion): number | undefined => lignesLues.get(l);

const texte = (c: CellData | undefined): string | undefined => {
  if (!c || c.erreur || c.v === null || c.v === undefined) return undefined;
  const s = String(c.v).trim();
  return s ? s : undefined;
};

/**
 * A row's amount in cents. A float's noise (0.30000000000000004, a float32's 12.340000152587891) is no sub-cent
 * amount (nombreSousCentime, the rule of every amount read from a number). A number below 10^13 that is a whole
 * number of cents (k / 100 is the number) is taken at once, without a Decimal for each of 10 000 rows: its shortest
 * writing has at most two decimals and 15 digits.
 */
function montantLu(
  row: CellData[],
  r: number,
  nom: string,
  nombre: (row: CellData[], r: number, c: number, nom: string, oblig?: boolean) => string | undefined,
  ou: (r: number, c: number) => string,
): Cents {
  const montant = nombre(row, r, COL_V.montant, nom, true) as string;
  const x = row[COL_V.montant].v as number;
  const k = Math.round(x * 100);
  if (Math.abs(x) < 1e13 && k / 100 === x) return eurosToCents(x);
  const horsLimite = new Decimal(montant).abs().times(100).greaterThan(MONTANT_MAX_CENTIMES);
  if (horsLimite || nombreSousCentime(x))
    throw new ErreurDonnees(
      `Version « ${nom} » : la cellule ${ou(r, COL_V.montant)} contient ${String(x).replace(".", ",")}, ` +
        (horsLimite
          ? "au-delà de la limite de Prodbook (± 22 517 998 136 852,48 €)."
          : "un montant au-delà du centime : écrivez-le avec deux décimales au plus."),
    );
  return eurosToCents(montant);
}

/**
 * A version's date as ISO text ("" when the cell is empty). The adapters give a real date as ISO text; a date typed as
 * text is read by the shared reader (datesEcrites: « 15 avril 2026 », « mercredi 15 avril 2026 », « 02/11/2026 », day
 * first). A text that is no whole date (« 1er janvier »), a day that does not exist, a day of the week that is not the
 * date's own, or a bare number is named, never dropped or guessed.
 */
function dateLue(cell: CellData | undefined, cellule: string, nom: string): string {
  const d = cell?.v;
  if (d === null || d === undefined || d === "") return "";
  if (!cell!.erreur && typeof d === "string" && /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(d)) return d.slice(0, 10);
  if (!cell!.erreur && typeof d === "string") {
    const iso = dateEcrite(d);
    const jour = dateEnMots(d)?.jourEcrit;
    if (iso && (!jour || jour === jourDeLaSemaine(iso))) return iso;
  }
  const vu = typeof d === "number" ? String(d).replace(".", ",") : String(d);
  throw new ErreurDonnees(
    `Version « ${nom} » : la cellule ${cellule} contient « ${vu} », une date est attendue : saisissez-la comme une ` +
      `date Excel (par exemple 02/11/2026) ou videz la cellule.`,
  );
}

/** What the « Versions » sheet holds: the versions in order of first appearance, and the « masquer » setting. */
export function lireVersions(s: SheetData): { versions: Version[]; masquee: boolean } {
  const entete = s.rows[0] ?? [];
  const attendu = ENTETES_VERSIONS.map(normaliser);
  const lu = attendu.map((_, i) => normaliser(String(entete[i]?.v ?? "")));
  if (lu.join("|") !== attendu.join("|"))
    throw new ErreurDonnees(
      `La feuille « ${s.name} » n'a plus les colonnes des versions (${ENTETES_VERSIONS.join(", ")}) en ligne 1 : ` +
        `rétablissez-les pour que Prodbook puisse lire et compléter les versions.`,
    );
  const masquee = normaliser(String(entete[COL_REGLAGE + 1]?.v ?? "")) === "oui";
  const parNom = new Map<string, Version>();
  // Versions are found by name whatever the case (« v1 » finds « V1 »): two names differing only by it are one too many.
  const parMinuscules = new Map<string, { nom: string; cellule: string }>();
  // A row copied by hand counts its line twice: each version has one row per N° (the row it is on, by version).
  const numeros = new Map<Version, Map<string, number>>();
  const ou = (r: number, c: number) => celluleRef(s.name, r, c);
  /** A number cell's decimal text (undefined when empty and not `oblig`). */
  const nombre = (row: CellData[], r: number, c: number, nom: string, oblig = false): string | undefined => {
    const cell = row[c];
    // A formula saved without its result (a tool that does not compute wrote the file): not an empty cell, and its
    // figure is not guessed. A result of 0 is read as 0 (the adapters keep it: ExcelJS's value drops it, not them).
    if (cell && cell.f !== undefined && (cell.v === null || cell.v === undefined) && !cell.erreur)
      throw new ErreurDonnees(
        `Version « ${nom} » : la cellule ${ou(r, c)} contient la formule =${cell.f.replace(/^=/, "")} enregistrée ` +
          `sans son résultat (le classeur a été écrit par un outil qui ne calcule pas les formules) : ouvrez-le dans ` +
          `Excel ou LibreOffice et enregistrez-le, puis relancez.`,
      );
    if (!cell || cell.v === null || cell.v === "") {
      if (oblig)
        throw new ErreurDonnees(`Version « ${nom} » : la cellule ${ou(r, c)} est vide, un nombre est attendu.`);
      return undefined;
    }
    if (cell.erreur || typeof cell.v !== "number" || !Number.isFinite(cell.v))
      throw new ErreurDonnees(
        `Version « ${nom} » : la cellule ${ou(r, c)} contient « ${String(cell.v)} », un nombre est attendu.`,
      );
    // A number's shortest decimal form is its own text unless written with an exponent (1e-7).
    const t = String(cell.v);
    return t.includes("e") ? new Decimal(cell.v).toFixed() : t;
  };
  // Rows come grouped by version: the name's checks are made once per run of rows.
  let v: Version | undefined;
  let numerosV: Map<string, number> | undefined;
  for (let r = 1; r < s.rows.length; r++) {
    const row = s.rows[r];
    const nom = texte(row[COL_V.version]);
    if (!nom) continue;
    if (!v || v.nom !== nom) {
      const autre = parMinuscules.get(nom.toLowerCase());
      if (autre && autre.nom !== nom)
        throw new ErreurDonnees(
          `La feuille « ${s.name} » a deux versions « ${autre.nom} » (${autre.cellule}) et « ${nom} » ` +
            `(${ou(r, COL_V.version)}) qui ne diffèrent que par les majuscules : renommez l'une d'elles.`,
        );
      if (!autre) parMinuscules.set(nom.toLowerCase(), { nom, cellule: ou(r, COL_V.version) });
      v = parNom.get(nom);
      if (!v) {
        v = {
          nom,
          date: dateLue(row[COL_V.date], ou(r, COL_V.date), nom),
          auteur: texte(row[COL_V.auteur]) ?? "",
          lignes: [],
        };
        parNom.set(nom, v);
        numeros.set(v, new Map());
      }
      numerosV = numeros.get(v);
    }
    const montant = montantLu(row, r, nom, nombre, ou);
    const numero = nombre(row, r, COL_V.numero, nom);
    if (numero !== undefined) {
      const deja = numerosV!.get(numero);
      if (deja !== undefined)
        throw new ErreurDonnees(
          `Version « ${nom} » : la ligne N° ${numero} figure deux fois (${ou(deja, COL_V.numero)} et ` +
            `${ou(r, COL_V.numero)}), son montant serait compté deux fois : supprimez la ligne en double.`,
        );
      numerosV!.set(numero, r);
    }
    const l: LigneVersion = {
      numero: numero === undefined ? v.lignes.length + 1 : Number(numero),
      chapitre: texte(row[COL_V.chapitre]) ?? CHAPITRE_NON_PLACE,
      libelle: texte(row[COL_V.libelle]) ?? "",
      montant,
      cellule: texte(row[COL_V.cellule]) ?? ou(r, COL_V.montant),
    };
    // The optional fields, in this order, only when present (no key holding undefined).
    const sousChapitre = texte(row[COL_V.sousChapitre]);
    if (sousChapitre !== undefined) l.sousChapitre = sousChapitre;
    const code = texte(row[COL_V.code]);
    if (code !== undefined) l.code = code;
    const quantite = nombre(row, r, COL_V.quantite, nom);
    if (quantite !== undefined) l.quantite = quantite;
    const nb = nombre(row, r, COL_V.nombre, nom);
    if (nb !== undefined) l.nombre = nb;
    const unite = texte(row[COL_V.unite]);
    if (unite !== undefined) l.unite = unite;
    const taux = nombre(row, r, COL_V.taux, nom);
    if (taux !== undefined) l.taux = taux;
    lignesLues.set(l, r + 1);
    v.lignes.push(l);
  }
  // A row without its version name first (its cells named), then a version missing one of its N°.
  sansLigneOrpheline(s);
  for (const [x, nums] of numeros) sansNumeroManquant(s.name, x, nums);
  return { versions: [...parNom.values()], masquee };
}

/**
 * A row of the « Versions » sheet whose version name was erased by hand still holds an amount that no version
 * would count: refused, its cells named, rather than a version's total lowered without a word.
 */
function sansLigneOrpheline(s: SheetData): void {
  const vide = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  for (let r = 1; r < s.rows.length; r++) {
    const row = s.rows[r];
    const nom = row[COL_V.version];
    // A version name given by a formula saved without its result: not a row without a name, the formula named.
    if (nom && nom.f !== undefined && (nom.v === null || nom.v === undefined) && !nom.erreur)
      throw new ErreurDonnees(
        `La ligne ${r + 1} de la feuille « ${s.name} » : la cellule ${celluleRef(s.name, r, COL_V.version)} contient ` +
          `la formule =${nom.f.replace(/^=/, "")} enregistrée sans son résultat (le classeur a été écrit par un outil ` +
          `qui ne calcule pas les formules) : ouvrez-le dans Excel ou LibreOffice et enregistrez-le, puis relancez.`,
      );
    if (!vide(nom?.v) || vide(row[COL_V.montant]?.v)) continue;
    throw new ErreurDonnees(
      `La ligne ${r + 1} de la feuille « ${s.name} » a un montant (${celluleRef(s.name, r, COL_V.montant)}) mais pas ` +
        `de nom de version (${celluleRef(s.name, r, COL_V.version)}) : elle ne serait comptée dans aucune version. ` +
        `Rétablissez le nom de sa version, ou supprimez la ligne.`,
    );
  }
}

/**
 * Prodbook numbers a version's lines 1, 2, 3… (the devis order), and the « Comparaison » finds each by its N°: a N°
 * missing below the version's highest means a row deleted by hand, or its version name retyped (the row then counted in
 * another version). Refused, the version and the missing N° named, rather than a version's total silently lowered.
 * A version whose every row has a N° is checked (rows added by hand without one keep their place, as before).
 */
function sansNumeroManquant(feuille: string, v: Version, nums: Map<string, number>): void {
  if (nums.size !== v.lignes.length) return;
  // Every N° distinct (nums counts them), whole, from 1 to the number of lines: 1…n, nothing missing (one walk).
  let max = -Infinity;
  let entiers = true;
  for (const l of v.lignes) {
    if (l.numero > max) max = l.numero;
    if (!Number.isInteger(l.numero) || l.numero < 1) entiers = false;
  }
  if (max === v.lignes.length && entiers) return;
  const presents = new Set(v.lignes.map((l) => l.numero));
  const manquants: number[] = [];
  for (let n = 1; n <= Math.min(max, v.lignes.length + 1000) && manquants.length < 6; n++)
    if (!presents.has(n)) manquants.push(n);
  if (!manquants.length) return;
  const liste =
    manquants.length === 1
      ? `la ligne N° ${manquants[0]} manque`
      : `les lignes N° ${manquants.slice(0, 5).join(", ")}${manquants.length > 5 ? "…" : ""} manquent`;
  throw new ErreurDonnees(
    `Version « ${v.nom} » : ${liste} dans la feuille « ${feuille} » (ses lignes sont numérotées de 1 à ${max}, ` +
      `colonne N°) : une ligne a été supprimée, ou son nom de version changé, et le total de la version ne serait ` +
      `plus celui du devis enregistré. Rétablissez la ligne (Ctrl+Z), ou supprimez toutes les lignes de la version ` +
      `« ${v.nom} » et enregistrez-la à nouveau.`,
  );
}
