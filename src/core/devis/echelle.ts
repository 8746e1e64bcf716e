import Decimal from "decimal.js";
import { analyserMontant, analyserNombre, eurosToCents } from "../money";
import { deviseDuFormat, echelleDuFormat, estFormatPourcentage } from "../port/devises";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, colonneLettre } from "../util/adresse";
import { normaliser } from "../util/texte";
import { type Colonne, roleEntete, trouverEntete } from "./entetes";
import type { UniteMilliers, UniteNonAppliquee } from "./model";
import { ditMilliers, echelleDite, noteDUnite } from "./unites";
import { conventionFeuille, estDate } from "./valeurs";

/** Header roles that hold no amount in euros: never multiplied, whatever the sheet's unit. */
const SANS_EUROS: ReadonlySet<Colonne> = new Set<Colonne>([
  "code",
  "libelle",
  "quantite",
  "nombre",
  "unite",
  "tauxCharges",
  "categorie",
  "territoire",
  "eligibleCI",
  "chapitre",
  // A unit price may be typed in euros beside amounts in k€: left as typed, montant-calcul then names the line.
  "taux",
]);

/** A header stating euros itself (« Montant (€) », « Total EUR »): a title's « en k€ » does not reach it. */
const EUROS = /€|\beur(o?s)?\b/;

/**
 * A devis whose figures are stated in thousands of euros (« Montant (k€) », « KEUR », a title « Budget (en milliers
 * d'euros) » above the header): the sheet with the numbers of those columns multiplied by 1 000, and what was done,
 * for the finding `unite-milliers`. The amount column's own header decides for it; a title above the header reaches
 * every column of figures whose header says no other unit. Rates, percentages, dates, errors, ambiguous texts and
 * other currencies are left as they are (each is named by its own finding). Without such a statement, the sheet
 * itself.
 */
export function lireEnMilliers(sheet: SheetData): {
  feuille: SheetData;
  unite?: UniteMilliers;
  noteIgnoree?: UniteNonAppliquee;
} {
  // The header is within the top 60 rows (three at most): no statement there, only a note may say the unit.
  const haut = sheet.rows.slice(0, 63);
  const enHaut = haut.some((row) => row.some((c) => typeof c?.v === "string" && ditMilliers(c.v)));
  const candidates = enHaut ? undefined : notesCandidates(sheet);
  if (!enHaut && !candidates?.length) return { feuille: sheet };
  const entete = trouverEntete(sheet);
  if (!entete) return { feuille: sheet };
  const lu = lireAvecEntete(sheet, entete, candidates);
  // A note inside the table (between its lines) is left alone, never applied: named, never silent either way.
  const dedans = lu.unite ? undefined : (candidates ?? notesCandidates(sheet)).find((n) => n.r > entete.ligne);
  if (!dedans) return lu;
  const texte = String(sheet.rows[dedans.r][dedans.c].v).trim();
  return {
    ...lu,
    noteIgnoree: { cellule: celluleRef(sheet.name, dedans.r, dedans.c), texte, facteur: dedans.facteur },
  };
}

function lireAvecEntete(
  sheet: SheetData,
  entete: NonNullable<ReturnType<typeof trouverEntete>>,
  candidates: { r: number; c: number; facteur: Facteur }[] | undefined,
): { feuille: SheetData; unite?: UniteMilliers } {
  const enTete = sheet.rows[entete.ligne] ?? [];
  const largeur = Math.max(0, ...sheet.rows.slice(0, entete.ligne + 1).map((r) => r.length));
  /** A column holding figures in euros by its header (an amount, a « Réalisé », an « Écart »). */
  const chiffree = (c: number) => {
    const h = enTete[c];
    if (!h || typeof h.v !== "string" || !h.v.trim()) return false;
    const role = roleEntete(h);
    return role === undefined || !SANS_EUROS.has(role);
  };
  type Mention = { r: number; c: number; facteur: Facteur };
  const parColonne = new Map<number, Mention>();
  let titre: Mention | undefined;
  /** A note in the header's rows right of the table (« (en k€) » over a column without figures). */
  let noteHaut: Mention | undefined;
  const derniereChiffree = Math.max(entete.colonnes.montant ?? -1, ...colonnesChiffrees(sheet, entete.ligne));
  // « Montant » over « (k€) »: a row of units under the header, no figure in it, is the header's.
  const unites = ligneDUnites(sheet.rows[entete.ligne + 1]) ? entete.ligne + 1 : undefined;
  for (let r = 0; r <= (unites ?? entete.ligne); r++)
    for (let c = 0; c < largeur; c++) {
      const v = sheet.rows[r]?.[c]?.v;
      const facteur = typeof v === "string" ? echelleDite(v) : undefined;
      if (!facteur) continue;
      if (r >= entete.ligne - 2 && chiffree(c)) {
        // A column without a figure under it, right of the table's figures, is no column of the devis: there, a note
        // on the table's unit, worded as one. A column's header (« Montant (k€) » over no figure yet) stays its own.
        if (typeof v === "string" && c > derniereChiffree && noteDUnite(v, true)) noteHaut ??= { r, c, facteur };
        else if (!parColonne.has(c)) parColonne.set(c, { r, c, facteur });
      } else titre ??= { r, c, facteur };
    }
  // Nothing said above the table: a note below it or beside it (« Montants exprimés en milliers d'euros ») says it
  // for the whole sheet, as a title would.
  const note =
    parColonne.size || titre
      ? undefined
      : (noteHaut ?? notePlacee(sheet, candidates ?? notesCandidates(sheet), entete.ligne));
  if (note) titre = note;
  if (!parColonne.size && !titre) return { feuille: sheet };
  // Each column by its own header's unit, else the title's.
  const colonnes = new Map<number, Facteur>([...parColonne].map(([c, m]) => [c, m.facteur]));
  if (titre)
    for (let c = 0; c < largeur; c++) {
      const h = enTete[c];
      const euros = typeof h?.v === "string" && EUROS.test(normaliser(h.v)) && !ditMilliers(h.v);
      if (chiffree(c) && !euros && !colonnes.has(c)) colonnes.set(c, titre.facteur);
    }
  // The note's own column, beside the table, holds no figure to read.
  if (note && note.r <= entete.ligne) colonnes.delete(note.c);
  if (!colonnes.size) return { feuille: sheet };
  const montant = entete.colonnes.montant;
  const ordre = [...colonnes.keys()].sort((a, b) => Number(b === montant) - Number(a === montant) || a - b);
  const source = (montant !== undefined ? parColonne.get(montant) : undefined) ?? titre ?? parColonne.get(ordre[0]);
  if (!source) return { feuille: sheet };
  const convention = conventionFeuille(sheet, entete.colonnes, entete.ligne + 1);
  let cellules = 0;
  let exemple: UniteMilliers["exemple"];
  /** Numbers whose format divides them by 1 000 (« #,##0, "k€" »): euros shown in k€, never multiplied. */
  const parFormat: string[] = [];
  const rows = sheet.rows.map((row, r) => {
    if (r === unites) return row.map((c) => (typeof c?.v === "string" && ditMilliers(c.v) ? { v: null } : c));
    // The note is the sheet's unit, not a text to read in a column of figures (nor a line's label).
    let copie: CellData[] | undefined;
    if (note && r === note.r) {
      copie = [...row];
      copie[note.c] = { v: null };
    }
    if (r <= entete.ligne) return copie ?? row;
    for (const c of ordre) {
      const v = row[c];
      if (typeof v?.v === "number" && v.v !== 0 && !v.erreur && !estDate(v) && echelleDuFormat(v.fmt) > 0) {
        parFormat.push(celluleRef(sheet.name, r, c));
        continue;
      }
      const x = enMilliers(row[c], convention, colonnes.get(c) as Facteur);
      // A « Charges » cell below 1 is a rate (0,55: chargesEnColonne), not 550 € of charges: left as typed.
      if (x && c === entete.colonnes.montantCharges && Math.abs(x.v as number) < (colonnes.get(c) as number)) continue;
      if (!x) continue;
      copie ??= [...row];
      copie[c] = x;
      cellules++;
      exemple ??= {
        cellule: celluleRef(sheet.name, r, c),
        saisi: String(row[c].v).trim(),
        montant: eurosToCents(x.v as number),
      };
    }
    return copie ?? row;
  });
  // Every figure in euros already, shown in thousands by its format: nothing to multiply, the sheet as it is.
  if (!cellules && parFormat.length) return { feuille: sheet };
  const cellSource = sheet.rows[source.r][source.c];
  const unite: UniteMilliers = {
    cellule: celluleRef(sheet.name, source.r, source.c),
    texte: String(cellSource.v).trim(),
    portee: source === titre ? "feuille" : "colonne",
    ...(note && source === note ? { note: true } : {}),
    facteur: source.facteur,
    colonnes: ordre.map(colonneLettre),
    cellules,
    ...(exemple ? { exemple } : {}),
    ...(parFormat.length ? { enEurosParFormat: { cellules: parFormat.length, premiere: parFormat[0] } } : {}),
  };
  return { feuille: { ...sheet, rows }, unite };
}

/** Text cells below the header area stating the unit of the amounts and nothing else (noteDUnite), in sheet order. */
function notesCandidates(sheet: SheetData): { r: number; c: number; facteur: Facteur }[] {
  const out: { r: number; c: number; facteur: Facteur }[] = [];
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      // The cheap test first: a devis of 5 000 lines holds tens of thousands of texts, none of them such a note.
      if (typeof cell?.v !== "string" || !UNITE_BRUTE.test(cell.v)) return;
      const facteur = noteDUnite(cell.v);
      if (facteur) out.push({ r, c, facteur });
    }),
  );
  return out;
}

/** A unit of thousands or millions of euros, on raw text: what any text noteDUnite accepts holds. */
const UNITE_BRUTE = /k\s?(?:€|eur)|milli|m\s?(?:€|eur)/i;

/**
 * The first note (noteDUnite) placed where a note on the table sits: below its last row holding a figure, or beside it
 * (right of the header's last column, in a column holding no figure), on no row of the header. A note inside the
 * table (between its lines, in its columns) is left alone: nothing says it is not a comment on one line.
 */
function notePlacee(
  sheet: SheetData,
  candidates: { r: number; c: number; facteur: Facteur }[],
  ligneEntete: number,
): { r: number; c: number; facteur: Facteur } | undefined {
  const dessous = candidates.filter((n) => n.r > ligneEntete);
  if (!dessous.length) return undefined;
  const enTete = sheet.rows[ligneEntete] ?? [];
  let derniere = -1;
  for (let c = 0; c < enTete.length; c++) if (enTete[c]?.v !== null && String(enTete[c]?.v ?? "").trim()) derniere = c;
  // The last row of the table: the last holding a figure (a number, an error, a text with a digit) in its columns.
  let fin = ligneEntete;
  for (let r = sheet.rows.length - 1; r > ligneEntete; r--)
    if ((sheet.rows[r] ?? []).slice(0, derniere + 1).some(chiffre)) {
      fin = r;
      break;
    }
  return dessous.find((n) => n.r > fin || (n.c > derniere && colonneSansChiffre(sheet, n.c, ligneEntete)));
}

/** A figure: a number, an error, a text with a digit (an amount, a code, a date as typed). */
const chiffre = (x: CellData | undefined) =>
  !!x && (typeof x.v === "number" || !!x.erreur || (typeof x.v === "string" && /\d/.test(x.v)));

/** The columns holding a figure below the header (0-based). */
function colonnesChiffrees(sheet: SheetData, ligneEntete: number): number[] {
  const out = new Set<number>();
  for (let r = ligneEntete + 1; r < sheet.rows.length; r++)
    (sheet.rows[r] ?? []).forEach((x, c) => {
      if (chiffre(x)) out.add(c);
    });
  return [...out];
}

/** No figure in column `c` below the header. */
const colonneSansChiffre = (sheet: SheetData, c: number, ligneEntete: number) =>
  sheet.rows.every((row, r) => r <= ligneEntete || !chiffre(row[c]));

/** A row of units only (« (k€) », « (€) », « j »): short texts without a figure, one of them thousands of euros. */
function ligneDUnites(row: CellData[] | undefined): boolean {
  const pleines = (row ?? []).filter((c) => c?.v !== null && c?.v !== undefined && String(c.v).trim() !== "");
  return (
    pleines.length > 0 &&
    pleines.every((c) => typeof c.v === "string" && c.v.trim().length <= 20 && !/\d/.test(c.v)) &&
    pleines.some((c) => ditMilliers(String(c.v)))
  );
}

/**
 * A cell of a column in thousands of euros, its number multiplied by 1 000 (exactly: through its shortest writing);
 * undefined for what is not an amount in k€ (empty, « - », error, date, rate, other currency, ambiguous or
 * unreadable text), left to the import to read and name.
 */
function enMilliers(
  c: CellData | undefined,
  convention: Parameters<typeof analyserMontant>[1],
  facteur: Facteur,
): CellData | undefined {
  if (!c || c.v === null || c.erreur || estDate(c)) return undefined;
  if (typeof c.v === "number") {
    if (!Number.isFinite(c.v) || estFormatPourcentage(c.fmt) || c.v === 0) return undefined;
    const devise = deviseDuFormat(c.fmt);
    if (devise && devise !== (facteur === 1000 ? "k€" : "M€")) return undefined;
    // « 50 k€ » under « #,##0 "k€" » agrees with the header: read in thousands too, the format's unit said.
    const { fmt: _fmt, ...reste } = c;
    return { ...(devise ? reste : c), v: new Decimal(c.v).times(facteur).toNumber() };
  }
  if (typeof c.v !== "string" || /%\s*$/.test(c.v)) return undefined;
  if (analyserMontant(c.v, convention).type !== "montant") return undefined;
  const n = analyserNombre(c.v, convention);
  if (n.type !== "nombre" || n.valeur.isZero()) return undefined;
  return { ...c, v: n.valeur.times(facteur).toNumber() };
}

/** Thousands or millions of euros. */
type Facteur = 1000 | 1000000;
