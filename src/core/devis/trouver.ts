import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { trouverEntete } from "./entetes";
import { estRecapitulatif } from "./placement";
import { importerDevis, type OptionsImport } from "./import";
import { type Cents, sumCents } from "../money/cents";
import { celluleRef, parseCelluleRef } from "../util/adresse";
import { cellulesMontant } from "./conservation";
import type { AutreFeuilleDevis, Devis, RecapitulatifFeuille, RecapitulatifNonProuve } from "./model";
import { ditTotal, recapitulatifNomme, recapitulatifParCalcul } from "./recapitulatif";

/**
 * The sheet that holds the devis: among the sheets with a recognised header row, the one with the most
 * recognised columns; a name saying "devis" or "budget" breaks ties. Hidden/Prodbook sheets are the caller's
 * business (pass only the user's sheets).
 */
export function trouverFeuilleDevis(sheets: SheetData[]): SheetData | undefined {
  let best: { s: SheetData; score: number } | undefined;
  // A sheet named as a recap (« Récapitulatif », « Recap ») is the devis only when no other sheet has a header.
  const recap = (s: SheetData) => estRecapitulatif(s.name);
  const autres = sheets.filter((s) => !recap(s) && trouverEntete(s));
  for (const s of autres.length ? autres : sheets) {
    const e = trouverEntete(s);
    if (!e) continue;
    const nom = normaliser(s.name);
    const score =
      Object.keys(e.colonnes).length * 10 + (/devis|budget/.test(nom) ? 5 : 0) + Math.min(s.rows.length - e.ligne, 4);
    if (!best || score > best.score) best = { s, score };
  }
  return best?.s;
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
  for (const { s, differe, horsTotal } of nonProuves) {
    if (s.name === recap) continue;
    const a = autres.find((x) => x.feuille === s.name);
    if (a) Object.assign(a, horsTotal, { recapitulatifNonProuve: differe });
    else autres.push({ feuille: s.name, cellule: differe.cellule, ...horsTotal, recapitulatifNonProuve: differe });
  }
  const ordre = (f: string) => parmi.findIndex((s) => s.name === f);
  return { recapitulatif, autres: autres.sort((x, y) => ordre(x.feuille) - ordre(y.feuille)) };
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
  const out: AutreFeuilleDevis[] = [];
  for (const s of sheets) {
    if (s === lue || s.name === lue.name) continue;
    const x = trouverEntete(s);
    const col = x?.colonnes.montant;
    if (!x || col === undefined || x.colonnes.libelle === undefined) continue;
    if (!/devis|budget/.test(normaliser(s.name)) && textes(s, x.ligne) !== entete) continue;
    // Without its total rows, as a recap not proven: a total added to the lines it sums would count them twice.
    // A row is a total when its texts say « Total… » AND its amount is the sum of the lines since the previous total
    // or of all lines above (words never decide alone: a supplier « TOTAL ENERGIES » stays a line).
    const montants: typeof cellules = [];
    const cellules = cellulesMontant(s, x.ligne, col).filter((c) => c.montant !== undefined && c.montant !== 0);
    let depuis = 0;
    let tout = 0;
    for (const c of cellules) {
      const m = c.montant as number;
      const somme = depuis !== 0 && (m === depuis || m === tout);
      if (somme && ligneTotal(s, parseCelluleRef(c.cellule).row, col)) {
        depuis = 0;
        continue;
      }
      montants.push(c);
      depuis += m;
      tout += m;
    }
    if (!montants.length) continue;
    out.push({
      feuille: s.name,
      cellule: celluleRef(s.name, x.ligne, col),
      cellules: montants.length,
      somme: sumCents(montants.map((c) => c.montant as NonNullable<typeof c.montant>)),
    });
  }
  return out;
}

/** A row whose texts before the amount column all say « Total… » (the wording of a recap's total rows). */
function ligneTotal(s: SheetData, ligne: number, col: number): boolean {
  const textes = (s.rows[ligne] ?? [])
    .slice(0, col)
    .map((c) => c?.v)
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return ditTotal(textes);
}
