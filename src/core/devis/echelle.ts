import Decimal from "decimal.js";
import { analyserMontant, analyserNombre, eurosToCents } from "../money";
import { cents } from "../money/cents";
import { deviseDuFormat, echelleDuFormat, estFormatPourcentage } from "../port/devises";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, colonneLettre } from "../util/adresse";
import { normaliser } from "../util/texte";
import { type Colonne, type Entete, entetesSuivants, premiereCellule, roleEntete, trouverEntete } from "./entetes";
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
 *
 * Tables stacked in the sheet (a lower header with other columns, found as the import finds it: entetesSuivants) are
 * each read by their own header, down to the next one: the first header's « (k€) » never reaches the rows of a lower
 * table, nor a title above the first header (unless it says « tous les montants »). A table whose unit is stated
 * nowhere while another's is stated in thousands is read as its header says (euros) and named (`sansUnite`).
 */
export function lireEnMilliers(sheet: SheetData): {
  feuille: SheetData;
  unite?: UniteMilliers;
  noteIgnoree?: UniteNonAppliquee;
} {
  // The header is within the top 60 rows (three at most): no statement there, only a note may say the unit, or the
  // header of a table stacked lower (« Montant (k€) » on row 120).
  const haut = sheet.rows.slice(0, 63);
  const enHaut = haut.some((row) => row.some((c) => typeof c?.v === "string" && ditMilliers(c.v)));
  const candidates = enHaut ? undefined : notesCandidates(sheet);
  const plusBas =
    !enHaut &&
    !candidates?.length &&
    sheet.rows.some(
      (row, r) => r >= 63 && row.some((c) => typeof c?.v === "string" && UNITE_BRUTE.test(c.v) && ditMilliers(c.v)),
    );
  if (!enHaut && !candidates?.length && !plusBas) return { feuille: sheet };
  const entete = trouverEntete(sheet);
  if (!entete) return { feuille: sheet };
  // The tables of the sheet: the header read, then each lower header opening a table (a header merely printed again
  // at a page break continues the table above it).
  const tableaux: Entete[] = [entete, ...entetesSuivants(sheet, entete).filter((x) => !x.repete)];
  const lu = lireAvecEntetes(sheet, tableaux, candidates);
  // A note inside the table (between its lines) is left alone, never applied: named, never silent either way. Stacked
  // tables: a note inside a table read in euros, while another is read in thousands, too.
  const u = lu.unite;
  const ref = (n: Mention) => celluleRef(sheet.name, n.r, n.c);
  const appliquee = (n: Mention) =>
    !!u && (!u.tableaux || u.tableaux.some((t) => (n.r + 1 > t.ligne && n.r + 1 <= t.fin) || t.cellule === ref(n)));
  const dedans =
    u && !u.tableaux
      ? undefined
      : (candidates ?? notesCandidates(sheet)).find((n) => n.r > entete.ligne && !appliquee(n));
  if (!dedans) return lu;
  const texte = String(sheet.rows[dedans.r][dedans.c].v).trim();
  return {
    ...lu,
    noteIgnoree: { cellule: ref(dedans), texte, facteur: dedans.facteur },
  };
}

type Mention = { r: number; c: number; facteur: Facteur };

/** What a table's own rows say of its unit: its header's columns, a title above it, a note beside its header. */
interface Lecture {
  entete: Entete;
  /** Rows `entete.ligne + 1` to `fin` (excluded) are the table's. */
  fin: number;
  enTete: CellData[];
  largeur: number;
  /** The row of units under the header (« (k€) » under « Montant »), when there is one. */
  unites?: number;
  parColonne: Map<number, Mention>;
  titre?: Mention;
  noteHaut?: Mention;
  /** A column holding figures in euros by its header (an amount, a « Réalisé », an « Écart »). */
  chiffree: (c: number) => boolean;
}

/** A title or note speaking for the whole sheet, every table of it (« Tous les montants sont en k€ »). */
const TOUTE_LA_FEUILLE = /\b(?:tous|toutes|ensemble)\b/;

function lecture(sheet: SheetData, tableaux: readonly Entete[], i: number): Lecture {
  const entete = tableaux[i];
  const fin = tableaux[i + 1] ? (tableaux[i + 1].debut ?? tableaux[i + 1].ligne) : sheet.rows.length;
  const enTete = sheet.rows[entete.ligne] ?? [];
  const largeur = Math.max(0, ...sheet.rows.slice(0, entete.ligne + 1).map((r) => r.length));
  const chiffree = (c: number) => {
    const h = enTete[c];
    if (!h || typeof h.v !== "string" || !h.v.trim()) return false;
    const role = roleEntete(h);
    return role === undefined || !SANS_EUROS.has(role);
  };
  const parColonne = new Map<number, Mention>();
  let titre: Mention | undefined;
  /** A note in the header's rows right of the table (« (en k€) » over a column without figures). */
  let noteHaut: Mention | undefined;
  const derniereChiffree = Math.max(entete.colonnes.montant ?? -1, ...colonnesChiffrees(sheet, entete.ligne));
  // « Montant » over « (k€) »: a row of units under the header, no figure in it, is the header's.
  const unites = ligneDUnites(sheet.rows[entete.ligne + 1]) ? entete.ligne + 1 : undefined;
  // A lower table's unit is its header's (and its row of units'): a note between two tables may end the one above as
  // well as head the one below, so it is not applied (named as a note inside the table when nothing else is said).
  const debut = i === 0 ? 0 : (entete.debut ?? entete.ligne);
  for (let r = debut; r <= (unites ?? entete.ligne); r++)
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
  // A lower table's own title, on the rows right above its header (« TOURNAGE (en k€) »), as a title above the first.
  if (i > 0) titre ??= titreAuDessus(sheet, tableaux[i - 1].ligne, entete.debut ?? entete.ligne);
  return { entete, fin, enTete, largeur, unites, parColonne, titre, noteHaut, chiffree };
}

/** A row of the table above: a number or an Excel error in it (a title's « 5 - TOURNAGE » is no figure). */
const ligneChiffree = (row: CellData[]) => row.some((x) => !!x && (typeof x.v === "number" || !!x.erreur));

/**
 * The title of a table stacked lower stating its unit, on the rows right above its header (two blank rows at most
 * between), none holding a number: « TOURNAGE (en k€) », « en milliers d'euros ». It heads the table below when a
 * blank row parts those rows from the table above, or when it says more than the unit (« TOURNAGE (en k€) » is a
 * title, not a note closing the table above). A bare note glued to the table above is not applied (nothing says which
 * table it speaks for): lireEnMilliers names it as a note not applied.
 */
function titreAuDessus(sheet: SheetData, enteteAuDessus: number, debut: number): Mention | undefined {
  const mentions: { m: Mention; texte: string }[] = [];
  const vide = (r: number) =>
    !(sheet.rows[r] ?? []).some((x) => x?.v !== null && x?.v !== undefined && String(x.v).trim() !== "");
  let haut = debut - 1;
  while (haut > enteteAuDessus && haut >= debut - 2 && vide(haut)) haut--;
  let separe = true;
  for (let r = haut; r > enteteAuDessus; r--) {
    const row = sheet.rows[r] ?? [];
    if (vide(r)) break;
    if (ligneChiffree(row)) {
      separe = false;
      break;
    }
    row.forEach((x, c) => {
      const facteur = typeof x?.v === "string" ? echelleDite(x.v) : undefined;
      if (facteur) mentions.push({ m: { r, c, facteur }, texte: x.v as string });
    });
  }
  return mentions.find((x) => separe || !noteDUnite(x.texte))?.m;
}

function lireAvecEntetes(
  sheet: SheetData,
  tableaux: readonly Entete[],
  candidates: Mention[] | undefined,
): { feuille: SheetData; unite?: UniteMilliers } {
  const lectures = tableaux.map((_, i) => lecture(sheet, tableaux, i));
  const entete = tableaux[0];
  /** The table holding row `r` (the first one above its header). */
  const tableDe = (r: number) => {
    let i = 0;
    while (i + 1 < lectures.length && (lectures[i + 1].entete.debut ?? lectures[i + 1].entete.ligne) <= r) i++;
    return i;
  };
  const texteDe = (m: Mention) => String(sheet.rows[m.r]?.[m.c]?.v ?? "");
  // Nothing said above any table: a note below it or beside it (« Montants exprimés en milliers d'euros ») says it for
  // the table it sits by, as a title would (for every table when it says « tous les montants »).
  const note = lectures.some((l) => l.parColonne.size || l.titre)
    ? undefined
    : (lectures.find((l) => l.noteHaut)?.noteHaut ??
      notePlacee(sheet, candidates ?? notesCandidates(sheet), entete.ligne));
  if (note) lectures[tableDe(note.r)].titre = note;
  // A title (or note) reaches the table it heads; every table only when it says so.
  const generale = lectures.map((l) => l.titre).find((m) => m && TOUTE_LA_FEUILLE.test(normaliser(texteDe(m))));
  if (generale) for (const l of lectures) l.titre ??= generale;
  if (lectures.every((l) => !l.parColonne.size && !l.titre)) return { feuille: sheet };
  // Each column by its own header's unit, else the title's.
  const plans = lectures.map((l) => {
    const colonnes = new Map<number, Facteur>([...l.parColonne].map(([c, m]) => [c, m.facteur]));
    const titre = l.titre;
    if (titre)
      for (let c = 0; c < l.largeur; c++) {
        const h = l.enTete[c];
        const euros = typeof h?.v === "string" && EUROS.test(normaliser(h.v)) && !ditMilliers(h.v);
        if (l.chiffree(c) && !euros && !colonnes.has(c)) colonnes.set(c, titre.facteur);
      }
    // The note's own column, beside the table, holds no figure to read.
    if (note && note.r <= l.entete.ligne) colonnes.delete(note.c);
    const montant = l.entete.colonnes.montant;
    const ordre = [...colonnes.keys()].sort((a, b) => Number(b === montant) - Number(a === montant) || a - b);
    const source = colonnes.size
      ? ((montant !== undefined ? l.parColonne.get(montant) : undefined) ?? titre ?? l.parColonne.get(ordre[0]))
      : undefined;
    const convention = conventionFeuille(sheet, l.entete.colonnes, l.entete.ligne + 1);
    return { l, colonnes, ordre, source, convention, cellules: 0, parFormat: [] as string[] };
  });
  let exemple: UniteMilliers["exemple"];
  const rows = sheet.rows.map((row, r) => {
    const p = plans[tableDe(r)];
    const { l } = p;
    if (r === l.unites) return row.map((c) => (typeof c?.v === "string" && ditMilliers(c.v) ? { v: null } : c));
    // The note is the sheet's unit, not a text to read in a column of figures (nor a line's label).
    let copie: CellData[] | undefined;
    if (note && r === note.r) {
      copie = [...row];
      copie[note.c] = { v: null };
    }
    if (r <= l.entete.ligne || !p.source) return copie ?? row;
    for (const c of p.ordre) {
      const v = row[c];
      if (typeof v?.v === "number" && v.v !== 0 && !v.erreur && !estDate(v) && echelleDuFormat(v.fmt) > 0) {
        /** Numbers whose format divides them by 1 000 (« #,##0, "k€" »): euros shown in k€, never multiplied. */
        p.parFormat.push(celluleRef(sheet.name, r, c));
        continue;
      }
      const x = enMilliers(row[c], p.convention, p.colonnes.get(c) as Facteur);
      // A « Charges » cell below 1 is a rate (0,55: chargesEnColonne), not 550 € of charges: left as typed.
      if (x && c === l.entete.colonnes.montantCharges && Math.abs(x.v as number) < (p.colonnes.get(c) as number))
        continue;
      if (!x) continue;
      copie ??= [...row];
      copie[c] = x;
      p.cellules++;
      exemple ??= {
        cellule: celluleRef(sheet.name, r, c),
        saisi: String(row[c].v).trim(),
        montant: eurosToCents(x.v as number),
      };
    }
    return copie ?? row;
  });
  // Every figure in euros already, shown in thousands by its format: nothing to multiply, the table as it is.
  const lus = plans.filter((p) => p.source && (p.cellules || !p.parFormat.length));
  const premier = lus[0];
  if (!premier?.source) return { feuille: sheet };
  const source = premier.source;
  const cellules = lus.reduce((n, p) => n + p.cellules, 0);
  const parFormat = plans.flatMap((p) => p.parFormat);
  const colonnes = [...new Set(lus.flatMap((p) => p.ordre.map(colonneLettre)))];
  const cellSource = sheet.rows[source.r][source.c];
  const ref = (m: Mention) => celluleRef(sheet.name, m.r, m.c);
  const enTeteRef = (e: Entete) =>
    celluleRef(sheet.name, e.debut ?? e.ligne, premiereCellule(sheet, e.debut ?? e.ligne));
  const unite: UniteMilliers = {
    cellule: ref(source),
    texte: String(cellSource.v).trim(),
    portee: source === premier.l.titre ? "feuille" : "colonne",
    ...(note && source === note ? { note: true } : {}),
    facteur: source.facteur,
    colonnes,
    cellules,
    ...(exemple ? { exemple } : {}),
    ...(parFormat.length ? { enEurosParFormat: { cellules: parFormat.length, premiere: parFormat[0] } } : {}),
  };
  if (plans.length > 1) {
    unite.tableaux = lus.map((p) => ({
      entete: enTeteRef(p.l.entete),
      ligne: p.l.entete.ligne + 1,
      fin: p.l.fin,
      cellule: ref(p.source as Mention),
      texte: texteDe(p.source as Mention).trim(),
      portee: p.source === p.l.titre ? "feuille" : "colonne",
      facteur: (p.source as Mention).facteur,
      colonnes: p.ordre.map(colonneLettre),
      cellules: p.cellules,
    }));
    // A table whose unit nothing states, beside a table in thousands: read as its header says (euros), never guessed.
    const sansUnite = plans
      .filter((p) => !lus.includes(p) && !p.parFormat.length)
      .flatMap((p) => {
        const m = p.l.entete.colonnes.montant;
        const h = m === undefined ? undefined : p.l.enTete[m];
        const texte = String(h?.v ?? "").trim();
        if (m === undefined || EUROS.test(normaliser(texte))) return [];
        // The reading it would have: the unit of the nearest table above it stated in thousands (else below it).
        const i = plans.indexOf(p);
        const voisin = [...lus].reverse().find((q) => plans.indexOf(q) < i) ?? premier;
        return [
          {
            entete: enTeteRef(p.l.entete),
            ligne: p.l.entete.ligne + 1,
            fin: p.l.fin,
            cellule: celluleRef(sheet.name, p.l.entete.ligne, m),
            texte,
            facteur: (voisin.source as Mention).facteur,
            selon: {
              entete: enTeteRef(voisin.l.entete),
              cellule: ref(voisin.source as Mention),
              texte: texteDe(voisin.source as Mention).trim(),
            },
            lignes: 0,
            somme: cents(0),
          },
        ];
      });
    if (sansUnite.length) unite.sansUnite = sansUnite;
  }
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
