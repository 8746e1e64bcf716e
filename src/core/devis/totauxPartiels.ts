import { type Cents, sumCents } from "../money/cents";
import { parseCelluleRef } from "../util/adresse";
import type { LigneDevis, LigneTotalProducteur, TotalPartiel } from "./model";
import { type Plage, plagesFormule } from "./preuve";

/** A producer's total with a formula, its amount when saved with its result. */
interface Candidat {
  cellule: string;
  libelle: string;
  /** Without "=". */
  formule: string;
  montant?: Cents;
  /** The proven total it is, when read with its result. */
  total?: LigneTotalProducteur;
}

type Position = { row: number; col: number };

const dansPosition = (p: readonly Plage[], c: Position) =>
  p.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);

const dans = (p: readonly Plage[], cellule: string | undefined) =>
  !!cellule && dansPosition(p, parseCelluleRef(cellule));

/**
 * Grand totals whose formula adds up the producer's subtotals (« =D8 », « =D5+D8 », « =SOMME(D5;D8) ») but leaves out
 * lines above it in its table (« TOTAL =D8 » under « Sous-total 1 » D5 and « Sous-total 2 » D8): what its formula covers
 * (the subtotals it takes up, recursively, and the lines it references) and the lines above it it leaves out, with their
 * amounts. Saved with or without its result (ExcelJS drops a 0 result). Never a line of the devis: the devis counts
 * every line, the finding `total-partiel` says which ones this total leaves out.
 *
 * `totaux`: the producer's totals and subtotals read (final); `sansResultat`: those saved without their result;
 * `debuts`: the 0-based header rows of the sheet's tables (a total covers nothing above its own table's header).
 */
export function totauxPartiels(
  totaux: readonly LigneTotalProducteur[],
  sansResultat: readonly { cellule: string; libelle: string; formule: string; type?: LigneTotalProducteur["type"] }[],
  lignes: readonly LigneDevis[],
  feuille: string,
  debuts: readonly number[],
): TotalPartiel[] {
  const table = (cellule: string) => {
    const r = parseCelluleRef(cellule).row;
    return Math.max(-1, ...debuts.filter((d) => d < r));
  };
  // « TOTAL » =D5 made a subtotal by arithmetic (it adds up the lines since the chapter row D5): checked as a total when
  // it is the last row worded as one in its table (a « TOTAL » under each chapter: only the last).
  const dernierMot = (t: LigneTotalProducteur) =>
    !!t.libelleTotal &&
    !totaux.some(
      (x) =>
        x !== t &&
        (x.type === "total" || x.libelleTotal) &&
        table(x.cellule) === table(t.cellule) &&
        parseCelluleRef(x.cellule).row > parseCelluleRef(t.cellule).row,
    );
  const candidats: Candidat[] = [
    ...totaux
      .filter((t) => (t.type === "total" || dernierMot(t)) && t.formule && t.preuve)
      .map((t) => ({
        cellule: t.cellule,
        libelle: t.libelle,
        formule: t.formule as string,
        montant: t.montant,
        total: t,
      })),
    ...sansResultat
      .filter((t) => t.type !== "sous-total")
      .map((t) => ({ cellule: t.cellule, libelle: t.libelle, formule: t.formule.replace(/^\s*=/, "") })),
  ];
  if (!candidats.length) return [];
  // Each line's amount cell parsed once: every candidate's formula is tested against all of them.
  const positions = lignes.flatMap((l) =>
    l.source.cellules.montant ? [{ id: l.id, position: parseCelluleRef(l.source.cellules.montant) }] : [],
  );
  const sansRes = new Map(sansResultat.map((t) => [t.cellule, t.formule.replace(/^\s*=/, "")]));
  /** The lines a formula stands for: those it references, and those of the totals it references (recursively). */
  const couverts = (cellule: string, formule: string, vus: Set<string>): { ids: Set<string>; totaux: string[] } => {
    vus.add(cellule);
    const p = plagesFormule(formule, feuille).filter((x) => !dans([x], cellule));
    const ids = new Set<string>();
    const refs: string[] = [];
    for (const l of positions) if (dansPosition(p, l.position)) ids.add(l.id);
    for (const t of totaux) {
      if (vus.has(t.cellule) || !dans(p, t.cellule)) continue;
      refs.push(t.cellule);
      for (const id of t.lignesCouvertes) ids.add(id);
      if (t.formule && !t.preuve) for (const id of couverts(t.cellule, t.formule, vus).ids) ids.add(id);
    }
    for (const [c, f] of sansRes) {
      if (vus.has(c) || !dans(p, c)) continue;
      refs.push(c);
      for (const id of couverts(c, f, vus).ids) ids.add(id);
    }
    return { ids, totaux: refs };
  };
  const out: TotalPartiel[] = [];
  for (const x of candidats) {
    const { ids, totaux: refs } = couverts(x.cellule, x.formule, new Set());
    // A formula over lines only (« =SOMME(D3:D9) ») is total-producteur's: it compares the amount to its lines.
    if (!refs.length) continue;
    const rang = parseCelluleRef(x.cellule).row;
    const debut = table(x.cellule);
    const dessus = lignes.filter(
      (l) => l.source.cellules.montant && l.source.ligne - 1 > debut && l.source.ligne - 1 < rang,
    );
    const omises = dessus.filter((l) => !ids.has(l.id) && l.montant !== 0);
    if (!omises.length) continue;
    const couvertes = dessus.filter((l) => ids.has(l.id));
    const rangs = couvertes.map((l) => l.source.ligne);
    const tout = new Set([...ids, ...omises.map((l) => l.id)]);
    // A later total covering all of them (« Total Above and Below-the-Line » under « Total Below-the-Line »): this one
    // totals a part, the devis's total is there.
    const repris = totaux.find((t) => {
      if (t.type !== "total" || !t.preuve || parseCelluleRef(t.cellule).row <= rang) return false;
      const couvre = new Set(t.lignesCouvertes);
      return [...tout].every((id) => couvre.has(id));
    });
    out.push({
      cellule: x.cellule,
      libelle: x.libelle,
      formule: `=${x.formule}`,
      ...(x.montant !== undefined ? { montant: x.montant } : {}),
      references: refs,
      couvertes: {
        lignes: couvertes.length,
        somme: sumCents(couvertes.map((l) => l.montant)),
        ...(rangs.length ? { de: Math.min(...rangs), a: Math.max(...rangs) } : {}),
      },
      omises: omises.map((l) => ({
        cellule: l.source.cellules.montant as string,
        libelle: l.libelle,
        montant: l.montant,
      })),
      sommeOmise: sumCents(omises.map((l) => l.montant)),
      ...(repris ? { reprisPar: repris.cellule } : {}),
    });
  }
  return out;
}
