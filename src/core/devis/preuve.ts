import { cents, type Cents } from "../money/cents";
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

/**
 * Cell ranges of this sheet that a formula references (« SUM(G5:G9) », « G8+G13 », « Budget!G5 »). Called for every
 * line's formula (5,000 per devis in the bench): REFERENCE.exec in a loop instead of matchAll (which clones the regex and
 * allocates an iterator per call), and no copy of a formula without a string literal.
 */
export function plagesFormule(formule: string, feuille: string): Plage[] {
  const out: Plage[] = [];
  // String literals are not references.
  const f = formule.includes('"') ? formule.replace(/"[^"]*"/g, '""') : formule;
  // The loop runs until exec returns null, which leaves lastIndex at 0 for the next call.
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(f); m; m = REFERENCE.exec(f)) {
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

/**
 * Every reference of a formula with its sheet (undefined: the formula's own sheet), and whether the formula is nothing
 * but a sum of them (« 'Devis'!G9+'Devis'!G12 », « SUM('Devis'!G5:G8) », « ='Devis'!G13 »).
 */
export function referencesFormule(formule: string): {
  refs: { feuille?: string; plage: Plage }[];
  somme: boolean;
  /** The formula without its references nor strings' contents (« SUM(-)*24 »): what it does with them. */
  reste: string;
} {
  const f = formule.replace(/"[^"]*"/g, '""');
  const refs: { feuille?: string; plage: Plage }[] = [];
  for (const m of f.matchAll(REFERENCE)) {
    const feuille = m[1] ? (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : undefined;
    const c1 = lettreColonne(m[2]);
    const r1 = Number(m[3]) - 1;
    const c2 = m[4] ? lettreColonne(m[4]) : c1;
    const r2 = m[5] ? Number(m[5]) - 1 : r1;
    const plage = { r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2) };
    refs.push({ ...(feuille !== undefined ? { feuille } : {}), plage });
  }
  const reste = f.replace(REFERENCE, "").replace(/^\s*=/, "");
  return { refs, somme: refs.length > 0 && /^(?:\s|\+|\(|\)|,|;|SUM|SOMME)*$/i.test(reste), reste };
}

function dans(p: readonly Plage[], row: number, col: number): boolean {
  return p.some((x) => row >= x.r1 && row <= x.r2 && col >= x.c1 && col <= x.c2);
}

/** Context for proving one total: the lines read so far (by id) and the sheet, to read references. */
export interface ContextePreuve {
  lignes: ReadonlyMap<string, LigneDevis>;
  feuille: string;
  /** Totals whose label looks like a total but that are counted as lines until proven (id of their line). */
  lignesProvisoires?: ReadonlyMap<LigneTotalProducteur, string>;
}

const proche = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE_CENTIMES;

/**
 * How a producer's subtotal / total is proven, never by its wording: its amount is the sum of the lines it
 * covers to the cent (a rounding cent allowed), its formula references the amount cells of those lines or of the
 * subtotals it closes, or (a total) it is the sum of the subtotals and loose lines it covers. `avant` are the
 * totals above it. Undefined: not proven.
 */
export function preuveDe(
  t: LigneTotalProducteur,
  avant: readonly LigneTotalProducteur[],
  ctx: ContextePreuve,
): LigneTotalProducteur["preuve"] {
  const somme = (ids: readonly string[]) => {
    let s = 0;
    for (const id of ids) s += ctx.lignes.get(id)?.montant ?? 0;
    return s;
  };
  if (t.lignesCouvertes.length > 0 ? proche(somme(t.lignesCouvertes), t.montant) : proche(0, t.montant)) return "somme";
  const couverts = new Set(t.lignesCouvertes);
  const sousTotaux = avant.filter((s) => s.type === "sous-total" && s !== t);
  if (t.formule) {
    const cible = parseCelluleRef(t.cellule);
    const p = plagesFormule(t.formule, ctx.feuille).filter((x) => !dans([x], cible.row, cible.col));
    if (p.length) {
      const lignesRef = t.lignesCouvertes.some((id) => {
        const ref = ctx.lignes.get(id)?.source.cellules.montant;
        const c = ref ? parseCelluleRef(ref) : undefined;
        return c !== undefined && dans(p, c.row, c.col);
      });
      if (lignesRef) return "formule";
      const sousTotauxRef = sousTotaux.some((s) => {
        const c = parseCelluleRef(s.cellule);
        return dans(p, c.row, c.col) && s.lignesCouvertes.some((id) => couverts.has(id));
      });
      if (sousTotauxRef) return "formule";
    }
  }
  if (t.type === "total" && sousTotaux.length) {
    // « TOTAL = Σ of the chapter subtotals » (the producer's own chain, right or wrong line by line).
    const provisoire = (s: LigneTotalProducteur) => ctx.lignesProvisoires?.get(s);
    const fermes = sousTotaux.filter(
      (s) =>
        s.lignesCouvertes.length > 0 &&
        s.lignesCouvertes.every((id) => couverts.has(id)) &&
        (!provisoire(s) || couverts.has(provisoire(s) as string)),
    );
    const horsChaine = new Set(fermes.flatMap((s) => s.lignesCouvertes));
    for (const f of fermes) if (provisoire(f)) horsChaine.add(provisoire(f) as string);
    let s = 0;
    for (const f of fermes) s += f.montant;
    s += somme(t.lignesCouvertes.filter((id) => !horsChaine.has(id)));
    if (fermes.length && proche(s, t.montant)) return "sous-totaux";
  }
  return undefined;
}

/** Proves every total again once the lines are final (percentages of the coût hors frais computed). */
export function prouverTotaux(
  totaux: LigneTotalProducteur[],
  lignes: readonly LigneDevis[],
  feuille: string,
  enTete: ReadonlySet<LigneTotalProducteur> = new Set(),
): void {
  const parId = new Map<string, LigneDevis>();
  for (const l of lignes) parId.set(l.id, l);
  for (let i = 0; i < totaux.length; i++) {
    const t = totaux[i];
    // A total at the top of the sheet closes everything below it.
    const avant = enTete.has(t) ? totaux.filter((x) => !enTete.has(x)) : totaux.slice(0, i);
    t.preuve = preuveDe(t, avant, { lignes: parId, feuille });
  }
  prouverParTranches(totaux, parId);
}

/**
 * Totals in a row, none proven, covering the same lines (« TOTAL ABOVE-THE-LINE », « TOTAL BELOW-THE-LINE » under all
 * the accounts of a Movie Magic topsheet, typed without formulas): proven together when their amounts, in order, cut
 * those lines, in order, into consecutive runs each adding up to the cent to its total, every line in one run. Each
 * then covers its run. Arithmetic only: their words play no part.
 */
function prouverParTranches(totaux: LigneTotalProducteur[], parId: ReadonlyMap<string, LigneDevis>): void {
  const cle = (t: LigneTotalProducteur) => t.lignesCouvertes.join("\u0000");
  for (let i = 0; i < totaux.length;) {
    let j = i + 1;
    if (!totaux[i].preuve && totaux[i].lignesCouvertes.length)
      while (j < totaux.length && !totaux[j].preuve && cle(totaux[j]) === cle(totaux[i])) j++;
    if (j - i >= 2) {
      const serie = totaux.slice(i, j);
      const ids = serie[0].lignesCouvertes;
      const tranches: string[][] = [];
      let k = 0;
      for (const t of serie) {
        const tranche: string[] = [];
        let s = 0;
        while (k < ids.length && (tranche.length === 0 || s !== t.montant)) {
          s += parId.get(ids[k])?.montant ?? 0;
          tranche.push(ids[k++]);
        }
        if (s !== t.montant) break;
        tranches.push(tranche);
      }
      // Lines of no amount after the last run belong to it; any other line left over: no proof.
      while (tranches.length === serie.length && k < ids.length && (parId.get(ids[k])?.montant ?? 0) === 0)
        tranches[tranches.length - 1].push(ids[k++]);
      if (tranches.length === serie.length && k === ids.length) {
        serie.forEach((t, n) => {
          t.lignesCouvertes = tranches[n];
          t.preuve = "somme";
        });
        // Right under them, a total of them all (« Total Above and Below-the-Line »), covering no other line.
        const tout = serie.reduce((a, t) => a + t.montant, 0);
        for (; j < totaux.length && !totaux[j].preuve && totaux[j].montant === tout; j++) {
          const c = totaux[j].lignesCouvertes;
          if (c.length && c.join("\u0000") !== ids.join("\u0000")) break;
          totaux[j].lignesCouvertes = [...ids];
          totaux[j].preuve = "somme";
        }
      }
    }
    i = j;
  }
}

/** Sum of the cents of these line ids. */
export function sommeIds(lignes: ReadonlyMap<string, LigneDevis>, ids: readonly string[]): Cents {
  let s = 0;
  for (const id of ids) s += lignes.get(id)?.montant ?? 0;
  return cents(s);
}

export { proche as egalAuCentime };
