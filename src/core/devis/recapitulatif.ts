import { formatMontantFr } from "../money/format";
import { type Cents, subCents, sumCents, ZERO } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { celluleRef, parseCelluleRef } from "../util/adresse";
import { cellulesMontant } from "./conservation";
import { trouverEntete, type SecondBloc } from "./entetes";
import { cellulePleine, norm } from "./lecture";
import type {
  CodeChapitre,
  Devis,
  MontantHorsLignes,
  RecapitulatifChapitres,
  RecapitulatifFeuille,
  RecapitulatifNonProuve,
  RecapitulatifSurFeuille,
} from "./model";
import { chapitreDeColonne, estRecapitulatif } from "./placement";
import { referencesFormule } from "./preuve";

/** « 1.1 », « 2.3 », « 1.1 Droits d'auteur »: a sous-chapitre's number in the recap's first text (its chapter first). */
const SOUS_CHAPITRE = /^\s*0?([1-9])\.\d{1,2}(?=\s|$)/;
/** « Total 1 », « Total chapitre 2 », « TOTAL CHAP. 3 »: a chapter's total by its number. */
const TOTAL_CHAPITRE = /^(?:sous[- ]?)?total (?:du |de la )?(?:chapitre |chap\.? ?)?0?([1-9])$/;

/** Texts that all say « Total… » (« Total », « TOTAL GÉNÉRAL »), at least one: the wording of a recap's total rows. */
export function ditTotal(textes: readonly string[]): boolean {
  return textes.length > 0 && textes.every((t) => /^total\b/.test(norm(t)));
}

/**
 * The amounts of a column, in row order, without the rows proven totals by their place: a row proven one already
 * (`prouve`: a recap's chapter row equal to the sum of its sous-chapitres, wherever it stands), or one whose texts say
 * « Total… » (`ditTotal`) and whose amount is, to the cent, the sum of the amounts since the previous proven total or of
 * all the amounts above (a grand total after chapter totals). Words never decide alone: a supplier « TOTAL ENERGIES »
 * that adds up to nothing stays an amount; nor does arithmetic alone (lines of 100, 100 and 200 €). Zeros are left out.
 * A row of a chapter (`chapitre`: a recap's « Total chapitre 2 », its sous-chapitres) sums only rows of that chapter:
 * « Total chapitre 2 » equal to « Total chapitre 1 » above it is the amount of another chapter, never a total of it.
 * One rule for a devis-like sheet (`trouver`) and for a recap-named sheet read as a recap (`recapitulatifNomme`).
 */
export function horsTotaux<T extends { montant: Cents; chapitre?: string }>(
  rangees: Iterable<T>,
  ditTotal: (r: T) => boolean,
  prouve: (r: T) => boolean = () => false,
): T[] {
  const out: T[] = [];
  let depuis = 0;
  let tout = 0;
  // The chapter every row summed shares (undefined: none summed yet; null: rows of several chapters, or of none).
  let chapitreDepuis: string | null | undefined;
  let chapitreTout: string | null | undefined;
  const meme = (commun: string | null | undefined, ch: string | undefined) => ch === undefined || commun === ch;
  const suite = (commun: string | null | undefined, ch: string | undefined) =>
    commun === undefined ? (ch ?? null) : commun === ch ? commun : null;
  for (const r of rangees) {
    const m: number = r.montant;
    if (m === 0) continue;
    const somme =
      (depuis !== 0 && m === depuis && meme(chapitreDepuis, r.chapitre)) ||
      (tout !== 0 && m === tout && meme(chapitreTout, r.chapitre));
    if (prouve(r) || (somme && ditTotal(r))) {
      depuis = 0;
      chapitreDepuis = undefined;
      continue;
    }
    out.push(r);
    depuis += m;
    tout += m;
    chapitreDepuis = suite(chapitreDepuis, r.chapitre);
    chapitreTout = suite(chapitreTout, r.chapitre);
  }
  return out;
}

/**
 * A block beside the devis that recaps it by chapter (« Chapitre | Libellé | Total »): every row holding an amount names
 * a chapter (by its code or its label) or the total. Each amount is compared, to the cent, with the devis's total of that
 * chapter (0 when the devis has none) or with the devis's total; never counted. Undefined when a row names neither
 * (the block is something else: a second list of lines), when no row names a chapter or one is named twice. A number
 * is read as a code in the block's first column only (elsewhere it is a quantity or a rate).
 */
export function recapitulatifChapitres(
  sheet: SheetData,
  bloc: Pick<SecondBloc, "debut" | "montant">,
  cellules: readonly { cellule: string; montant?: Cents }[],
  devis: Pick<Devis, "chapitres" | "total">,
): RecapitulatifChapitres | undefined {
  const l = lireRecapitulatif(sheet, bloc, cellules);
  return l && comparer(l, devis);
}

interface MontantRecap {
  cellule: string;
  montant: Cents;
  libelle: string;
  chapitre: CodeChapitre | "total";
}
interface SousChapitreRecap {
  cellule: string;
  code: string;
  montant: Cents;
  libelle: string;
}
interface RecapLu {
  lus: MontantRecap[];
  sous: Map<CodeChapitre, SousChapitreRecap[]>;
  /** Every row read, in row order, and whether its texts say « Total… » (`ditTotal`). */
  rangees: { cellule: string; montant: Cents; ditTotal: boolean; chapitre?: CodeChapitre }[];
}

/** The recap's rows holding an amount, each naming a chapter, a sous-chapitre or the total; undefined: no recap. */
function lireRecapitulatif(
  sheet: SheetData,
  bloc: Pick<SecondBloc, "debut" | "montant">,
  cellules: readonly { cellule: string; montant?: Cents }[],
): RecapLu | undefined {
  const lus: MontantRecap[] = [];
  // Sous-chapitres (« 1.1 Droits d'auteur », « 2.3 ») by chapter, in order: their sum is the chapter's.
  const sous = new Map<CodeChapitre, SousChapitreRecap[]>();
  const rangees: RecapLu["rangees"] = [];
  for (const x of cellules) {
    if (x.montant === undefined) continue;
    const row = sheet.rows[parseCelluleRef(x.cellule).row] ?? [];
    const textes: string[] = [];
    // Texts, and a number only in the block's first column (a chapter's code): a quantity is no chapter.
    for (let c = bloc.debut; c < bloc.montant; c++) {
      const v = row[c]?.v;
      if ((typeof v === "string" && v.trim() !== "") || (typeof v === "number" && c === bloc.debut))
        textes.push(String(v).trim());
    }
    const libelle = textes.join(" ");
    const rangee: RecapLu["rangees"][number] = { cellule: x.cellule, montant: x.montant, ditTotal: ditTotal(textes) };
    rangees.push(rangee);
    const sc = SOUS_CHAPITRE.exec(textes[0] ?? "");
    if (sc) {
      const ch = sc[1] as CodeChapitre;
      rangee.chapitre = ch;
      const sc0 = { cellule: x.cellule, code: sc[0].trim(), montant: x.montant, libelle };
      sous.set(ch, [...(sous.get(ch) ?? []), sc0]);
      continue;
    }
    const totalCh = TOTAL_CHAPITRE.exec(norm(libelle));
    if (totalCh) {
      rangee.chapitre = totalCh[1] as CodeChapitre;
      lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre: rangee.chapitre });
      continue;
    }
    const chapitre = textes.map((t) => chapitreDeColonne(t)).find((c) => c !== undefined);
    if (chapitre) rangee.chapitre = chapitre;
    if (chapitre) lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre });
    else if (ditTotal(textes)) lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre: "total" });
    else return undefined;
  }
  // A recap names each chapter once: a list of lines (several in one chapter) is not one.
  const codes = lus.filter((l) => l.chapitre !== "total").map((l) => l.chapitre);
  if ((!codes.length && !sous.size) || new Set(codes).size !== codes.length) return undefined;
  return { lus, sous, rangees };
}

/** Each chapter's amount (or its sous-chapitres' sum) and the total compared to the cent with the devis's. */
function comparer({ lus, sous }: RecapLu, devis: Pick<Devis, "chapitres" | "total">): RecapitulatifChapitres {
  const codes = lus.filter((l) => l.chapitre !== "total").map((l) => l.chapitre);
  const ecarts: RecapitulatifChapitres["ecarts"] = [];
  const attenduDe = (ch: CodeChapitre) => devis.chapitres.find((c) => c.code === ch)?.total ?? ZERO;
  for (const [ch, xs] of sous) {
    const montant = sumCents(xs.map((x) => x.montant));
    const attendu = attenduDe(ch);
    if (montant !== attendu) {
      const libelle = xs.length > 1 ? `${xs[0].code} à ${xs[xs.length - 1].code}` : xs[0].code;
      ecarts.push({ cellule: xs[0].cellule, libelle: `sous-chapitres ${libelle}`, chapitre: ch, montant, attendu });
    }
  }
  for (const l of lus) {
    const attendu =
      l.chapitre === "total" ? devis.total : (devis.chapitres.find((c) => c.code === l.chapitre)?.total ?? ZERO);
    if (attendu !== l.montant)
      ecarts.push({ cellule: l.cellule, libelle: l.libelle, chapitre: l.chapitre, montant: l.montant, attendu });
  }
  return {
    chapitres: new Set([...codes, ...sous.keys()]).size,
    ...(sous.size ? { sousChapitres: [...sous.values()].reduce((n, xs) => n + xs.length, 0) } : {}),
    ...(lus.some((l) => l.chapitre === "total") ? { total: true as const } : {}),
    ecarts,
  };
}

/**
 * A sheet of its own recapping the devis (« Récapitulatif », « Recap », « Résumé »…): read as a recap by chapter or
 * sous-chapitre, each amount compared to the cent with the structured devis, never counted. Its name only says where to
 * look; its amounts prove it (`recapitulatifNomme`). Undefined when the sheet's name says no recap, or its amounts do not
 * prove it the recap of this devis.
 */
export function recapitulatifFeuille(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
): RecapitulatifFeuille | undefined {
  return recapitulatifNomme(sheet, devisFeuille, devis)?.prouve;
}

/**
 * A sheet named as a recap, read as one and compared with the devis. With a header naming its amount column, its rows
 * are read under it; without one (a title, then the rows), each column of amounts is tried. Either way it is the recap
 * (`prouve`) only when its amounts prove it (`recapProuve`). Words never decide alone: a sheet named « Synthèse budget »
 * whose rows read as a recap but whose amounts mostly differ is `differe` (the read with the most figures agreeing),
 * another devis to name, never the recap, with its amounts other than its total rows (`horsTotal`: how many are not
 * zero, their sum). An amount whose formula is a sum of cells of the devis sheet covering exactly the lines of its
 * chapter (its sous-chapitres together, or all the lines for the total) is proven by formula; the others by arithmetic
 * only. Undefined when the sheet's name says no recap or its rows read as no recap at all.
 */
export function recapitulatifNomme(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
):
  | { prouve: RecapitulatifFeuille; differe?: never; horsTotal?: never }
  | { differe: RecapitulatifNonProuve; horsTotal: { cellules: number; somme: Cents }; prouve?: never }
  | undefined {
  if (!estRecapitulatif(sheet.name) || sheet.name.toLowerCase() === devisFeuille.toLowerCase()) return undefined;
  const h = recapSousEntete(sheet, devisFeuille, devis);
  if (h && recapProuve(h.lu, h.r)) return { prouve: h.r };
  const m = meilleureColonne(sheet, devisFeuille, devis, 2);
  if (m) return { prouve: m.r };
  // Read as a recap, not proven: the read under the header, else the column agreeing most.
  const c = h ?? colonnesLues(sheet, devis).sort((a, b) => bilan(b.lu, b.r).accords - bilan(a.lu, a.r).accords)[0];
  if (!c) return undefined;
  // Its amounts without its total rows, each left out only when the arithmetic proves it one: a chapter row equal to
  // the sum of its sous-chapitres, a « Total » row equal to the sum of the chapters (rows or sous-chapitres), wherever
  // they stand, and a row saying « Total… » equal to the sum of the rows since the previous total or of all the rows
  // above (`horsTotaux`, as a devis-like sheet is counted) — counted with them, it would count them twice. A row that
  // adds up to nothing it covers is an amount of its own, whatever its place or its words.
  const sommeSous = (ch: CodeChapitre) => sumCents((c.lu.sous.get(ch) ?? []).map((x) => x.montant));
  const chapitres = c.lu.lus.filter((l): l is MontantRecap & { chapitre: CodeChapitre } => l.chapitre !== "total");
  const parSous = chapitres.filter((l) => c.lu.sous.has(l.chapitre) && l.montant === sommeSous(l.chapitre));
  const base = [...chapitres.filter((l) => !parSous.includes(l)), ...[...c.lu.sous.values()].flat()];
  const sommes = new Set([sumCents(base.map((x) => x.montant)), sumCents(chapitres.map((l) => l.montant))]);
  const prouves = new Set(
    [...parSous, ...c.lu.lus.filter((l) => l.chapitre === "total" && sommes.has(l.montant))].map((l) => l.cellule),
  );
  const montants = horsTotaux(
    c.lu.rangees,
    (r) => r.ditTotal,
    (r) => prouves.has(r.cellule),
  ).map((r) => r.montant);
  return {
    differe: {
      cellule: c.r.cellule,
      figures: comparaisons(c.lu),
      accords: bilan(c.lu, c.r).accords,
      ecarts: c.r.ecarts,
    },
    horsTotal: { cellules: montants.length, somme: sumCents(montants) },
  };
}

/**
 * How a recap's figures (each chapter, each chapter's sous-chapitres together, the total) weigh against the devis:
 * `accords`, those equal to the devis's to the cent and not zero (a chapter the devis has not, left at 0 in a template,
 * proves nothing); `differences`, those that differ, except a total that differs by exactly the sum of the chapters'
 * differences (the recap's own total carrying a chapter out of date: one difference, not two).
 */
function bilan(lu: RecapLu, r: Pick<RecapitulatifChapitres, "ecarts">): { accords: number; differences: number } {
  const differentes = new Set(r.ecarts.map((e) => e.cellule));
  const figures = [
    ...lu.lus.map((l) => ({ cellule: l.cellule, montant: l.montant })),
    ...[...lu.sous.values()].map((xs) => ({ cellule: xs[0].cellule, montant: sumCents(xs.map((x) => x.montant)) })),
  ];
  const accords = figures.filter((f) => f.montant !== 0 && !differentes.has(f.cellule)).length;
  const chapitres = r.ecarts.filter((e) => e.chapitre !== "total");
  const delta = sumCents(chapitres.map((e) => subCents(e.montant, e.attendu)));
  const expliques = chapitres.length
    ? r.ecarts.filter((e) => e.chapitre === "total" && subCents(e.montant, e.attendu) === delta).length
    : 0;
  return { accords, differences: r.ecarts.length - expliques };
}

/**
 * The proof of a figures' read: at least `min` of its figures agree with the devis to the cent, none of them zero, and
 * more agree than differ (`bilan`: a total carrying the chapters' differences is not one more).
 */
function prouveParCalcul(lu: RecapLu, r: Pick<RecapitulatifChapitres, "ecarts">, min: number): boolean {
  const { accords, differences } = bilan(lu, r);
  return accords >= min && accords > differences;
}

/**
 * The proof of a sheet named as a recap (`prouveParCalcul`, two figures at least); a recap of which nothing differs,
 * when one figure not zero agrees. A recap that is out of date by one chapter, its total with it, stays the recap (the
 * chapter and the total named); one whose amounts differ for half or more is not this devis's recap.
 */
function recapProuve(lu: RecapLu, r: Pick<RecapitulatifChapitres, "ecarts">): boolean {
  return prouveParCalcul(lu, r, 2) || (r.ecarts.length === 0 && bilan(lu, r).accords >= 1);
}

/**
 * A recap on a sheet of any name (« Feuil2 », « Synthèse budget »): its name proves nothing, so only the arithmetic
 * does, as for a recap without header (`recapSansEntete`), with at least three of its figures agreeing with the devis
 * and more agreeing than differing. Undefined on the devis sheet itself or when the arithmetic does not prove it.
 */
export function recapitulatifParCalcul(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
): RecapitulatifFeuille | undefined {
  if (sheet.name.toLowerCase() === devisFeuille.toLowerCase()) return undefined;
  return recapSansEntete(sheet, devisFeuille, devis, 3);
}

/** The recap under its header row (« N° | Postes | Montant »): undefined when there is none or its rows are no recap. */
function recapSousEntete(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
): { r: RecapitulatifFeuille; lu: RecapLu } | undefined {
  const e = trouverEntete(sheet);
  const col = e?.colonnes.montant;
  if (!e || col === undefined) return undefined;
  const entete = sheet.rows[e.ligne] ?? [];
  const debut = Math.max(
    0,
    entete.findIndex((c) => c?.v !== null && c?.v !== undefined && String(c.v).trim() !== ""),
  );
  if (debut >= col) return undefined;
  const cellules = cellulesMontant(sheet, e.ligne, col).filter((c) => c.montant !== undefined);
  const lu = lireRecapitulatif(sheet, { debut, montant: col }, cellules);
  if (!lu) return undefined;
  const r: RecapitulatifFeuille = {
    feuille: sheet.name,
    cellule: celluleRef(sheet.name, e.ligne, col),
    montants: cellules.length,
    parFormule: parFormule(sheet, lu, devisFeuille, devis),
    ...comparer(lu, devis),
  };
  return { r, lu };
}

/**
 * A recap sheet without header row: each column holding amounts, its rows read as a recap's (their texts left of it),
 * kept when the arithmetic proves it (`prouveParCalcul`); the column with the most amounts agreeing wins. Named by
 * its first amount's cell.
 */
function recapSansEntete(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
  accordsMin = 2,
): RecapitulatifFeuille | undefined {
  return meilleureColonne(sheet, devisFeuille, devis, accordsMin)?.r;
}

/** The amount column of `recapSansEntete` proven by arithmetic, with its rows as read. */
function meilleureColonne(
  sheet: SheetData,
  devisFeuille: string,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
  accordsMin: number,
): { r: RecapitulatifFeuille; lu: RecapLu } | undefined {
  let meilleur: { r: RecapitulatifFeuille; lu: RecapLu; accords: number } | undefined;
  for (const { r: recap, lu } of colonnesLues(sheet, devis)) {
    const { accords } = bilan(lu, recap);
    if (!prouveParCalcul(lu, recap, accordsMin) || (meilleur && meilleur.accords >= accords)) continue;
    meilleur = { accords, lu, r: { ...recap, parFormule: parFormule(sheet, lu, devisFeuille, devis) } };
  }
  return meilleur;
}

/**
 * Each column of the sheet holding at least two amounts whose rows read as a recap (their texts left of it), compared
 * with the devis: named by its first amount's cell, `sansEntete`, its formulas not yet checked (`parFormule` 0).
 */
function colonnesLues(
  sheet: SheetData,
  devis: Pick<Devis, "chapitres" | "total">,
): { r: RecapitulatifFeuille; lu: RecapLu }[] {
  const largeur = sheet.rows.reduce((n, r) => Math.max(n, r.length), 0);
  const out: { r: RecapitulatifFeuille; lu: RecapLu }[] = [];
  for (let col = 1; col < largeur; col++) {
    const cellules = cellulesMontant(sheet, -1, col).filter((c) => c.montant !== undefined);
    if (cellules.length < 2) continue;
    // The block starts at the leftmost text of its amount rows.
    const debut = Math.min(col, bordGauche(sheet, cellules));
    if (debut >= col) continue;
    const lu = lireRecapitulatif(sheet, { debut, montant: col }, cellules);
    if (!lu) continue;
    out.push({
      lu,
      r: {
        feuille: sheet.name,
        cellule: cellules[0].cellule,
        sansEntete: true,
        montants: cellules.length,
        parFormule: 0,
        ...comparer(lu, devis),
      },
    });
  }
  return out;
}

/** How many figures of a recap are compared with the devis: each chapter's sous-chapitres together, each other amount. */
const comparaisons = (lu: RecapLu) => lu.sous.size + lu.lus.length;

/** How many of the recap's amounts are formulas summing the devis sheet's cells that cover exactly their lines. */
function parFormule(
  sheet: SheetData,
  lu: RecapLu,
  devisFeuille: string,
  devis: Pick<Devis, "lignes" | "totauxProducteur">,
): number {
  // What each cell of the devis sheet stands for: a line's amount (its id), a proven total (the lines it covers).
  const parCellule = new Map<string, string[]>();
  const cle = (row: number, c: number) => `${row}:${c}`;
  for (const l of devis.lignes) {
    const m = l.source.feuille.toLowerCase() === devisFeuille.toLowerCase() ? l.source.cellules.montant : undefined;
    if (!m) continue;
    const p = parCelluleRef(m);
    if (p) parCellule.set(cle(p.row, p.col), [l.id]);
  }
  for (const t of devis.totauxProducteur) {
    const p = t.preuve ? parCelluleRef(t.cellule) : undefined;
    if (p && (p.feuille === undefined || p.feuille.toLowerCase() === devisFeuille.toLowerCase()))
      parCellule.set(cle(p.row, p.col), t.lignesCouvertes);
  }
  // The lines a formula of the recap covers, undefined when it is no plain sum of the devis sheet's cells.
  const couvertes = (cellule: string): string[] | undefined => {
    const { row, col: c } = parseCelluleRef(cellule);
    const f = sheet.rows[row]?.[c]?.f;
    if (!f) return undefined;
    const { refs, somme } = referencesFormule(f);
    if (!somme || refs.some((r) => r.feuille?.toLowerCase() !== devisFeuille.toLowerCase())) return undefined;
    const ids: string[] = [];
    for (const { plage } of refs)
      for (let r = plage.r1; r <= plage.r2; r++)
        for (let k = plage.c1; k <= plage.c2; k++) {
          const x = parCellule.get(cle(r, k));
          if (x) ids.push(...x);
        }
    return ids;
  };
  const lignesDe = (ch: CodeChapitre | "total") =>
    devis.lignes.filter((l) => ch === "total" || l.chapitre === ch).map((l) => l.id);
  // Exactly the lines of the chapter, each once.
  const exactement = (ids: readonly string[] | undefined, attendues: readonly string[]) =>
    ids !== undefined &&
    ids.length === attendues.length &&
    new Set(ids).size === ids.length &&
    attendues.every((id) => ids.includes(id));
  let n = 0;
  for (const l of lu.lus) if (exactement(couvertes(l.cellule), lignesDe(l.chapitre))) n++;
  for (const [ch, xs] of lu.sous) {
    const parts = xs.map((x) => couvertes(x.cellule));
    if (parts.every((p) => p !== undefined) && exactement(parts.flat() as string[], lignesDe(ch))) n += xs.length;
  }
  return n;
}

function parCelluleRef(ref: string): { feuille?: string; row: number; col: number } | undefined {
  try {
    return parseCelluleRef(ref);
  } catch {
    return undefined;
  }
}

/** One difference of a recap in words: « K10 « sous-chapitres 2.1 à 2.2 » : 92 650,00 €, le chapitre 2 du devis fait … ». */
export function ecartRecapEnMots(e: RecapitulatifChapitres["ecarts"][number]): string {
  return `${e.cellule} « ${e.libelle} » : ${formatMontantFr(e.montant)}, ${attenduEnMots(e)}`;
}

/** What the devis has instead of a recap's figure: « le chapitre 2 du devis fait 94 650,00 € ». */
export function attenduEnMots(e: Pick<RecapitulatifChapitres["ecarts"][number], "chapitre" | "attendu">): string {
  return e.chapitre === "total"
    ? `le total du devis est de ${formatMontantFr(e.attendu)}`
    : e.attendu === 0
      ? `le devis n'a rien au chapitre ${e.chapitre}`
      : `le chapitre ${e.chapitre} du devis fait ${formatMontantFr(e.attendu)}`;
}

/** At least three figures of a recap on the devis sheet agree with the devis, and more agree than differ. */
const ACCORDS_SUR_FEUILLE = 3;

/** A recap block of the devis sheet and its figures, each proven (agreeing to the cent) or carrying its écart. */
export interface RecapSurFeuilleLu {
  recap: RecapitulatifSurFeuille;
  figures: (Pick<MontantHorsLignes, "cellule" | "montant" | "libelle" | "ecart"> & { prouve: boolean })[];
}

/**
 * A recap by chapter in rows `debut` to `fin` (excluded) of the devis sheet: above the header (`haut`), or a block just
 * under the header row, before the first chapter (`sous-entete`), compared with the devis read without it, or beside the
 * table on the chapters' own rows (`a-cote`). Its amount column is proven by arithmetic only, as a recap sheet of any
 * name (`recapitulatifParCalcul`): at least three of its figures (a chapter, a chapter's sous-chapitres together, the
 * total) equal the devis's, more agreeing than differing.
 */
export function recapitulatifDansRegion(
  sheet: SheetData,
  debut: number,
  fin: number,
  devis: Pick<Devis, "chapitres" | "total" | "lignes" | "totauxProducteur">,
  place: "haut" | "sous-entete" | "a-cote",
): RecapSurFeuilleLu | undefined {
  if (fin <= debut) return undefined;
  const m = meilleureColonne(regionSeule(sheet, debut, fin), sheet.name, devis, ACCORDS_SUR_FEUILLE);
  if (!m) return undefined;
  const { feuille: _f, sansEntete: _s, parFormule: _p, ...r } = m.r;
  return { recap: { place, ...r }, figures: figuresDe(m.lu, r.ecarts) };
}

/** The sheet with its rows `debut` to `fin` (excluded) only, the others emptied (their indices kept). */
function regionSeule(sheet: SheetData, debut: number, fin: number): SheetData {
  return { ...sheet, rows: sheet.rows.slice(0, fin).map((r, i) => (i < debut ? [] : r)) };
}

/** The leftmost column holding something on the rows of `cellules` (Infinity when none): where a recap block starts. */
function bordGauche(sheet: SheetData, cellules: readonly { cellule: string }[]): number {
  let gauche = Infinity;
  for (const x of cellules) {
    const i = (sheet.rows[parseCelluleRef(x.cellule).row] ?? []).findIndex(cellulePleine);
    if (i >= 0 && i < gauche) gauche = i;
  }
  return gauche;
}

/**
 * Rows `debut` to `fin` (excluded) look like a recap by chapter, before any arithmetic: a column holds at least three
 * figures (a chapter, a chapter's sous-chapitres together, the total), each row naming a chapter, a sous-chapitre or
 * the total. Cheap: only then is the devis read without them to prove it (`recapitulatifDansRegion`).
 */
export function ressembleRecapitulatif(sheet: SheetData, debut: number, fin: number): boolean {
  const region = regionSeule(sheet, debut, fin);
  const largeur = region.rows.reduce((n, r) => Math.max(n, r.length), 0);
  for (let col = 1; col < largeur; col++) {
    const cellules = cellulesMontant(region, -1, col).filter((c) => c.montant !== undefined);
    if (cellules.length < ACCORDS_SUR_FEUILLE) continue;
    const gauche = Math.min(col, bordGauche(region, cellules));
    if (gauche >= col) continue;
    const lu = lireRecapitulatif(region, { debut: gauche, montant: col }, cellules);
    if (lu && comparaisons(lu) >= ACCORDS_SUR_FEUILLE) return true;
  }
  return false;
}

/**
 * The rows under a « Récapitulatif » title below the lines (`cellules`, in the amount column read): a recap by chapter
 * when each names a chapter, a sous-chapitre or the total and the arithmetic proves it as above. Undefined otherwise
 * (they stay listed, as a summary whose figures nothing proves).
 */
export function recapitulatifEnBas(
  sheet: SheetData,
  cellules: readonly { cellule: string; montant: Cents }[],
  devis: Pick<Devis, "chapitres" | "total">,
): RecapSurFeuilleLu | undefined {
  if (!cellules.length) return undefined;
  const montant = parseCelluleRef(cellules[0].cellule).col;
  if (cellules.some((c) => parseCelluleRef(c.cellule).col !== montant)) return undefined;
  const lu = lireRecapitulatif(sheet, { debut: 0, montant }, cellules);
  if (!lu) return undefined;
  const recap = comparer(lu, devis);
  const accords = comparaisons(lu) - recap.ecarts.length;
  if (accords < ACCORDS_SUR_FEUILLE || accords <= recap.ecarts.length) return undefined;
  return {
    recap: { place: "bas", cellule: cellules[0].cellule, montants: cellules.length, ...recap },
    figures: figuresDe(lu, recap.ecarts),
  };
}

/** Each figure of the recap with its écart when it differs (a sous-chapitre: its chapter's, the group's sum). */
function figuresDe(lu: RecapLu, ecarts: RecapitulatifChapitres["ecarts"]): RecapSurFeuilleLu["figures"] {
  const ecartDe = (cellule: string) => {
    const e = ecarts.find((x) => x.cellule === cellule);
    return e && { libelle: e.libelle, chapitre: e.chapitre, montant: e.montant, attendu: e.attendu };
  };
  const out: RecapSurFeuilleLu["figures"] = lu.lus.map((l) => {
    const ecart = ecartDe(l.cellule);
    return { cellule: l.cellule, montant: l.montant, libelle: l.libelle, prouve: !ecart, ...(ecart ? { ecart } : {}) };
  });
  for (const xs of lu.sous.values()) {
    const ecart = ecartDe(xs[0].cellule);
    for (const x of xs)
      out.push({
        cellule: x.cellule,
        montant: x.montant,
        libelle: x.libelle,
        prouve: !ecart,
        ...(ecart ? { ecart } : {}),
      });
  }
  return out;
}
