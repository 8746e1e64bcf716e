import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { type Entete, trouverEntete } from "./entetes";
import { estRecapitulatif } from "./placement";
import { importerDevis, type OptionsImport } from "./import";
import { type Cents, sumCents } from "../money/cents";
import { celluleRef, parseCelluleRef } from "../util/adresse";
import { cellulesMontant } from "./conservation";
import type { AutreFeuilleDevis, Devis, RecapitulatifFeuille, RecapitulatifNonProuve } from "./model";
import { ditTotal, horsTotaux, recapitulatifNomme, recapitulatifParCalcul } from "./recapitulatif";

/**
 * The sheet that holds the devis: among the sheets with a recognised header row, the one with the most
 * recognised columns; a name saying "devis" or "budget" breaks ties, then the workbook's order. Hidden/Prodbook sheets
 * are the caller's business (pass only the user's sheets).
 * A sheet named as a recap (« Récapitulatif », « Synthèse budget ») is set aside for the best sheet of another name
 * when its content says it is no devis of its own: no more amounts than that sheet (total rows not counted), or amounts
 * proving it that sheet's recap (`recapitulatifNomme`); the same on equal scores, whichever comes first. Words never
 * decide alone: a full devis named « Synthèse budget » is read before a small « Notes » table. Its amounts are counted
 * as the finding naming a sheet set aside counts them (`recapEtAutresFeuilles`): the sheet set aside never holds more.
 * The other sheet is imported only when a recap-named sheet scores as high.
 */
export function trouverFeuilleDevis(sheets: SheetData[]): SheetData | undefined {
  const candidats: Candidat[] = [];
  for (const s of sheets) {
    const e = trouverEntete(s);
    if (!e) continue;
    const score =
      Object.keys(e.colonnes).length * 10 +
      (/devis|budget/.test(normaliser(s.name)) ? 5 : 0) +
      Math.min(s.rows.length - e.ligne, 4);
    candidats.push({ s, e, score, recap: estRecapitulatif(s.name) });
  }
  // Best first; a stable sort: on equal scores, the first in the workbook's order.
  candidats.sort((a, b) => b.score - a.score);
  const autre = candidats.find((c) => !c.recap);
  if (!autre) return candidats[0]?.s;
  // Every sheet named as a recap scoring as high as `autre` goes through the same rule, before or after it in the
  // workbook: the order of the sheets never decides whether a recap-named sheet is read.
  let devisAutre: Devis | undefined | null = null;
  for (const c of candidats) {
    if (c.score < autre.score) break;
    if (!c.recap) continue;
    if (devisAutre === null) devisAutre = importerSansErreur(autre.s);
    const r = devisAutre ? recapitulatifNomme(c.s, autre.s.name, devisAutre) : undefined;
    if (r?.prouve) continue;
    // Counted as the finding naming it counts it (`recapEtAutresFeuilles`): read as a recap not proven, its amounts
    // without the rows the arithmetic proves totals (`horsTotal`); else without its « Total » rows proven by sums.
    if ((r?.differe ? r.horsTotal.cellules : montantsLus(c)) <= montantsLus(autre)) continue;
    return c.s;
  }
  return autre.s;
}

interface Candidat {
  s: SheetData;
  e: Entete;
  score: number;
  recap: boolean;
  montants?: number;
}

/**
 * How many amounts not zero the sheet holds under its header, in its amount column, without its total rows
 * (`montantsHorsTotal`: a recap's chapter totals and grand total are no lines of their own); counted once.
 */
function montantsLus(c: Candidat): number {
  const col = c.e.colonnes.montant;
  c.montants ??= col === undefined ? 0 : montantsHorsTotal(c.s, c.e.ligne, col).length;
  return c.montants;
}

/** The sheet read as a devis, to prove a recap against; undefined when it cannot be read (no proof then). */
function importerSansErreur(s: SheetData): Devis | undefined {
  try {
    return importerDevis(s);
  } catch {
    return undefined;
  }
}

/**
 * Imports the sheet found as the devis (no sheet named by the user): a hidden sheet is flagged, and so are the other
 * sheets of `parmi` (the sheets it was found among) that look like a devis too and hold amounts (autresFeuillesDevis,
 * a sheet named as a recap aside), so that every command reading the devis says it (finding « feuille-lue »): never
 * one devis picked in silence.
 */
export function importerDevisTrouve(sheet: SheetData, opts?: OptionsImport, parmi?: readonly SheetData[]): Devis {
  const devis = importerDevis(sheet, opts);
  if (sheet.masquee) devis.feuilleMasquee = true;
  const autres = parmi ? recapEtAutresFeuilles(sheet, devis, parmi).autres : [];
  if (autres.length) devis.autresFeuilles = autres;
  return devis;
}

/**
 * The recap of the devis read and the other sheets that look like a devis, decided once for every command (`devis`,
 * `valider`, credit-impot, financement, carbone, ecarts, planning): a sheet named as a recap (« Récapitulatif »,
 * « Synthèse devis ») is the recap only when its amounts prove it (`recapitulatifNomme`: at least two figures not zero
 * equal to the cent to the devis's chapter totals or total, more agreeing than differing, a total carrying the
 * chapters' differences not counted twice), else one of any other name that the
 * arithmetic alone proves a recap and that does not look like another devis. Only the recap recognised is left out of
 * the other devis: a sheet named « Synthèse devis » that holds a second devis stays named (feuille-lue), and so does a
 * sheet named as a recap whose rows read as one but whose amounts differ from the devis read (`recapitulatifNonProuve`,
 * the figures that differ, its amounts stated without its total rows): words never decide alone. `recapsNommes`: the
 * sheets to try as a named recap (default: those of `parmi` whose name says recap; with `parmi` empty, a devis sheet
 * named by the user, the only other sheets returned are those named recaps not proven).
 */
export function recapEtAutresFeuilles(
  lue: SheetData,
  devis: Devis,
  parmi: readonly SheetData[],
  recapsNommes: readonly SheetData[] = parmi.filter((s) => estRecapitulatif(s.name)),
): { recapitulatif?: RecapitulatifFeuille; autres: AutreFeuilleDevis[] } {
  let recapitulatif: RecapitulatifFeuille | undefined;
  const nonProuves: { s: SheetData; differe: RecapitulatifNonProuve; horsTotal: { cellules: number; somme: Cents } }[] =
    [];
  for (const s of recapsNommes) {
    if (s.name === lue.name) continue;
    const r = recapitulatifNomme(s, lue.name, devis);
    if (r?.differe) nonProuves.push({ s, differe: r.differe, horsTotal: r.horsTotal });
    recapitulatif = r?.prouve;
    if (recapitulatif) break;
  }
  const tous = autresFeuillesDevis(lue, parmi);
  if (!recapitulatif) {
    const devisAilleurs = new Set(tous.map((a) => a.feuille));
    for (const s of parmi) {
      if (s.name === lue.name || estRecapitulatif(s.name) || devisAilleurs.has(s.name)) continue;
      recapitulatif = recapitulatifParCalcul(s, lue.name, devis);
      if (recapitulatif) break;
    }
  }
  const recap = recapitulatif?.feuille;
  const autres = tous.filter((a) => a.feuille !== recap);
  // A sheet named as a recap whose amounts differ: another devis, named with them (in the workbook's order).
  // Its amounts are stated without its total rows (`horsTotal`): added to its chapters, a total would count them twice.
  // The same count as `trouverFeuilleDevis` weighs it: the number that chose the sheet is the number the finding says.
  for (const { s, differe, horsTotal } of nonProuves) {
    if (s.name === recap) continue;
    const a = autres.find((x) => x.feuille === s.name);
    const chiffres = { cellules: horsTotal.cellules, somme: horsTotal.somme };
    if (a) Object.assign(a, chiffres, { recapitulatifNonProuve: differe });
    else autres.push({ feuille: s.name, cellule: differe.cellule, ...chiffres, recapitulatifNonProuve: differe });
  }
  const ordre = (f: string) => parmi.findIndex((s) => s.name === f);
  return { recapitulatif, autres: autres.sort((x, y) => ordre(x.feuille) - ordre(y.feuille)) };
}

/**
 * The other sheets that look like a devis, as every command reading the devis names them (`recapEtAutresFeuilles`), for
 * a caller that does not import the devis itself (the pane's Production banner): a sheet named as a recap is left out
 * only when its amounts prove it the recap of `lue`. Cheap: `lue` is imported only when such a sheet is there.
 */
export function autresFeuillesNommees(lue: SheetData, parmi: readonly SheetData[]): AutreFeuilleDevis[] {
  if (!parmi.some((s) => s.name !== lue.name && estRecapitulatif(s.name))) return autresFeuillesDevis(lue, parmi);
  const devis = importerSansErreur(lue);
  return devis ? recapEtAutresFeuilles(lue, devis, parmi).autres : autresFeuillesDevis(lue, parmi);
}

/**
 * The sheets besides `lue` that look like a devis too and hold amounts: a name saying devis or budget (« Devis
 * (suite) », « Budget V1 »), or the very header of the sheet read. A devis split over two sheets, or an older version:
 * either way not read, and named with its amounts, never left out in silence.
 */
export function autresFeuillesDevis(lue: SheetData, sheets: readonly SheetData[]): AutreFeuilleDevis[] {
  const e = trouverEntete(lue);
  const textes = (s: SheetData, ligne: number) => JSON.stringify((s.rows[ligne] ?? []).map((c) => c?.v ?? null));
  const entete = e ? textes(lue, e.ligne) : undefined;
  const recapLue = estRecapitulatif(lue.name);
  const out: AutreFeuilleDevis[] = [];
  for (const s of sheets) {
    if (s === lue || s.name === lue.name) continue;
    const x = trouverEntete(s);
    const col = x?.colonnes.montant;
    if (!x || col === undefined || x.colonnes.libelle === undefined) continue;
    // Read instead of a sheet named as a recap: every other sheet with a devis header is named, whatever its name.
    if (!recapLue && !/devis|budget/.test(normaliser(s.name)) && textes(s, x.ligne) !== entete) continue;
    // Without its total rows, as a recap not proven: a total added to the lines it sums would count them twice.
    const montants = montantsHorsTotal(s, x.ligne, col);
    if (!montants.length) continue;
    out.push({
      feuille: s.name,
      cellule: celluleRef(s.name, x.ligne, col),
      cellules: montants.length,
      somme: sumCents(montants.map((c) => c.montant)),
    });
  }
  return out;
}

/**
 * The amounts not zero under the header row `ligne` in column `col`, without the sheet's total rows (`horsTotaux`): a row
 * is a total when its texts say « Total… » AND its amount is the sum of the lines since the previous total or of all
 * lines above (a grand total after chapter totals too); words never decide alone: a supplier « TOTAL ENERGIES » stays a
 * line.
 */
function montantsHorsTotal(s: SheetData, ligne: number, col: number): { cellule: string; montant: Cents }[] {
  const lus: { cellule: string; montant: Cents }[] = [];
  for (const { cellule, montant } of cellulesMontant(s, ligne, col))
    if (montant !== undefined) lus.push({ cellule, montant });
  return horsTotaux(lus, (c) => ligneTotal(s, parseCelluleRef(c.cellule).row, col));
}

/** A row whose texts before the amount column all say « Total… » (the wording of a recap's total rows). */
function ligneTotal(s: SheetData, ligne: number, col: number): boolean {
  const textes = (s.rows[ligne] ?? [])
    .slice(0, col)
    .map((c) => c?.v)
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return ditTotal(textes);
}
