import type { Cents } from "../money/cents";
import { lettreColonne, parseCelluleRef } from "../util/adresse";
import type { LigneDevis, LigneTotalProducteur } from "./model";
import { TOLERANCE_CENTIMES } from "./regles/contexte";

/** A rectangle of cells a formula references (0-based rows and columns, inclusive). */
export interface Plage {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

const REFERENCE =
  /(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?(?![\w(])/g;

/** Cell ranges of this sheet that a formula references (« SUM(G5:G9) », « G8+G13 », « Budget!G5 »). */
export function plagesFormule(formule: string, feuille: string): Plage[] {
  const out: Plage[] = [];
  // String literals are not references.
  const f = formule.replace(/"[^"]*"/g, '""');
  for (const m of f.matchAll(REFERENCE)) {
    if (m[1]) {
      const nom = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
      if (nom.toLowerCase() !== feuille.toLowerCase()) continue;
    }
    const c1 = lettreColonne(m[2]);
    const r1 = Number(m[3]) - 1;
    const c2 = m[4] ? lettreColonne(m[4]) : c1;
    const r2 = m[5] ? Number(m[5]) - 1 : r1;
    out.push({ r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) });
  }
  return out;
}

function dans(p: readonly Plage[], row: number, col: number): boolean {
  return p.some((x) => row >= x.r1 && row <= x.r2 && col >= x.c1 && col <= x.c2);
}

/**
 * Says how each producer's subtotal / total is proven (`preuve`), never by its wording: its amount is the sum
 * of the lines it covers to the cent (rounding of one cent allowed), its formula references the amount cells of
 * those lines or of the subtotals it closes, or (a total) it is the sum of the subtotals and loose lines it covers.
 */
export function prouverTotaux(totaux: LigneTotalProducteur[], lignes: readonly LigneDevis[], feuille: string): void {
  const montants = new Map<string, LigneDevis>();
  for (const l of lignes) montants.set(l.id, l);
  const somme = (ids: readonly string[]) => {
    let s = 0;
    for (const id of ids) s += montants.get(id)?.montant ?? 0;
    return s;
  };
  const proche = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE_CENTIMES;
  for (let i = 0; i < totaux.length; i++) {
    const t = totaux[i];
    t.preuve = undefined;
    if (t.lignesCouvertes.length > 0 ? proche(somme(t.lignesCouvertes), t.montant) : t.montant === 0) {
      t.preuve = "somme";
      continue;
    }
    const cible = parseCelluleRef(t.cellule);
    const avant = totaux.slice(0, i).filter((s) => s.type === "sous-total");
    const couverts = new Set(t.lignesCouvertes);
    if (t.formule) {
      const p = plagesFormule(t.formule, feuille).filter((x) => !dans([x], cible.row, cible.col));
      const celluleDe = (ref: string | undefined) => (ref ? parseCelluleRef(ref) : undefined);
      const lignesRef = t.lignesCouvertes.some((id) => {
        const c = celluleDe(montants.get(id)?.source.cellules.montant);
        return c !== undefined && dans(p, c.row, c.col);
      });
      if (lignesRef) {
        t.preuve = "formule";
        continue;
      }
      const sousTotauxRef = avant.some((s) => {
        const c = parseCelluleRef(s.cellule);
        return dans(p, c.row, c.col) && s.lignesCouvertes.some((id) => couverts.has(id));
      });
      if (sousTotauxRef) {
        t.preuve = "formule";
        continue;
      }
    }
    if (t.type === "total" && avant.length) {
      // « TOTAL = Σ of the chapter subtotals » (the producer's own chain, right or wrong line by line).
      const fermes = avant.filter(
        (s) => s.lignesCouvertes.length > 0 && s.lignesCouvertes.every((id) => couverts.has(id)),
      );
      const sousCouverts = new Set(fermes.flatMap((s) => s.lignesCouvertes));
      let s = 0;
      for (const f of fermes) s += f.montant;
      s += somme(t.lignesCouvertes.filter((id) => !sousCouverts.has(id)));
      if (fermes.length && proche(s as Cents, t.montant)) t.preuve = "sous-totaux";
    }
  }
}
