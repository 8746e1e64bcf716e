import Decimal from "decimal.js";
import { Cents, sumCents, ZERO } from "../money/cents";
import type { Convention } from "../money/parse";
import type { SheetData } from "../port/workbook";
import { celluleRef, colonneLettre, parseCelluleRef } from "../util/adresse";
import { cellulesMontant } from "./conservation";
import { REALISE, roleEntete, titreRealise, type Entete } from "./entetes";
import { norm } from "./lecture";
import { moisEnLettres } from "../util/texte";
import type { ColonneNonLue, EpisodesNonProuves, LigneDevis, NombresHorsColonne, SemainesNonProuvees } from "./model";

/** « Écart », « Différence », « Variance », « Écart (%) ». */
const ECART = /^(ecarts?|difference|diff|variance|delta)\b/;
/** « Ép. 1 », « Épisode 2 », « Ep 3 », « Montant ép. 1 », « Épisode n° 4 ». */
const EPISODE = /^(montant |cout |total |budget )?(ep|epi|episode|eps)\.? ?(n° ?|no ?)?\d{1,3}$/;
/** « Semaine 1 », « Sem. 2 », « S3 », « Montant semaine 4 », « Week 5 », « Semaine n° 6 »: a budget spread over weeks. */
const SEMAINE = /^(montant |cout |total |budget )?(semaine|sem|s|week|wk)\.? ?(n° ?|no ?)?\d{1,3}$/;

/**
 * A week's column headed by its date only: a date cell (read as « 2025-03-03 »), « 03/03/2025 », « 3/3 », « Semaine du
 * 3 mars », « Sem. du 03/03 », « Du 03/03 au 07/03 ».
 */
const SEMAINE_DATEE = new RegExp(
  String.raw`^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?|((semaine|sem|week|wk)\.? )?(du |of |starting )` +
    String.raw`\d{1,2}([/.]\d{1,2}([/.]\d{2,4})?| [a-z]+\.?( \d{4})?)( au \d{1,2}([/.]\d{1,2}([/.]\d{2,4})?| [a-z]+\.?( \d{4})?))?)$`,
);

/**
 * A month's column: « Sept. 2025 », « oct-25 », « Octobre 2025 », « Montant nov. 2025 », « Jan 2026 », « 09/2025 ».
 * (A real date at a month's start is told from a week's date by its neighbours: see `colonnesNonLues`.)
 */
const MOIS = new RegExp(
  String.raw`^(montant |cout |budget |total )?(janv(ier)?|jan(uary)?|fevr?(ier)?|feb(ruary)?|mars?|march|avr(il)?|` +
    String.raw`apr(il)?|mai|may|juin|june?|juil(let)?|july?|aout|aug(ust)?|sept?(embre|ember)?|oct(obre|ober)?|` +
    String.raw`nov(embre|ember)?|dec(embre|ember)?)\.?( ?[-/ ] ?(\d{2}|\d{4}))?$|^(0?[1-9]|1[0-2])/\d{4}$`,
);

/** A header as the producer sees it: a date cell (read as ISO text) written « 03/03/2025 ». */
export function enteteLisible(texte: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(texte.trim());
  return d ? `${d[3]}/${d[2]}/${d[1]}` : texte.trim();
}

function nature(texte: string): ColonneNonLue["nature"] | undefined {
  if (SEMAINE_DATEE.test(norm(texte).trim())) return "semaine";
  const s = norm(texte)
    .replace(/\((€|eur|euros|en €|ht|%)\)/g, "")
    .replace(/\s*(€|eur|euros|ht)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (REALISE.test(s)) return "realise";
  if (ECART.test(s)) return "ecart";
  if (EPISODE.test(s)) return "episode";
  if (SEMAINE.test(s)) return "semaine";
  if (MOIS.test(s)) return "mois";
  return undefined;
}

/**
 * Columns of figures the header names but no role reads, which are not the devis: the réalisé, an écart, the
 * amounts per episode. Named with their sums (never counted); per-episode columns are compared line by line with
 * the amount read: a line whose episodes do not add up to it is named.
 */
export function colonnesNonLues(
  sheet: SheetData,
  entete: Entete,
  lignes: readonly LigneDevis[],
  convention?: Convention,
): {
  colonnes: ColonneNonLue[];
  episodes?: EpisodesNonProuves;
  semaines?: SemainesNonProuvees;
  mois?: SemainesNonProuvees;
} {
  const enTete = sheet.rows[entete.ligne] ?? [];
  const prises = new Set<number>(Object.values(entete.colonnes).filter((c): c is number => c !== undefined));
  for (const m of entete.montants ? [entete.montants.retenue, ...entete.montants.ecartees] : []) prises.add(m.col);
  const colonnes: (ColonneNonLue & { col: number })[] = [];
  for (let c = 0; c < enTete.length; c++) {
    const v = enTete[c]?.v;
    if (prises.has(c) || typeof v !== "string") continue;
    // « Montant » under a title « Réel » merged above it: the réalisé, said with both (« Réel / Montant »).
    const titre = nature(v) || roleEntete(enTete[c]) !== "montant" ? undefined : titreRealise(sheet, entete.ligne, c);
    const n = nature(v) ?? (titre ? "realise" : undefined);
    if (!n) continue;
    const somme = sumCents(cellulesMontant(sheet, entete.ligne, c, convention).map((x) => x.montant ?? ZERO));
    if (somme === 0 && n !== "episode" && n !== "semaine" && n !== "mois") continue;
    colonnes.push({
      col: c,
      colonne: colonneLettre(c),
      cellule: celluleRef(sheet.name, entete.ligne, c),
      entete: titre ? `${titre} / ${enteteLisible(v)}` : enteteLisible(v),
      nature: n,
      somme,
    });
  }
  // Columns headed by real dates, all the first of a month, two or more: months (« 01/09/2025 | 01/10/2025 »), not weeks.
  const datees = colonnes.filter((c) => c.nature === "semaine" && /^\d{4}-\d{2}-\d{2}$/.test(String(enTete[c.col]?.v)));
  // Said as the month they stand for (« septembre 2025 »), never as its first day (« 01/09/2025 »).
  if (datees.length > 1 && datees.every((c) => String(enTete[c.col]?.v).endsWith("-01")))
    for (const c of datees) {
      c.nature = "mois";
      c.entete = moisEnLettres(String(enTete[c.col]?.v));
    }
  const eps = colonnes.filter((c) => c.nature === "episode").map((c) => c.col);
  let episodes: EpisodesNonProuves | undefined;
  if (eps.length && entete.colonnes.montant !== undefined) {
    const parLigne = new Map<number, Cents>();
    for (const col of eps)
      for (const x of cellulesMontant(sheet, entete.ligne, col, convention))
        if (x.montant !== undefined) {
          const r = parseCelluleRef(x.cellule).row;
          parLigne.set(r, sumCents([parLigne.get(r) ?? ZERO, x.montant]));
        }
    const cellules: string[] = [];
    let n = 0;
    for (const l of lignes) {
      const ref = l.source.cellules.montant;
      if (!ref) continue;
      n++;
      if ((parLigne.get(parseCelluleRef(ref).row) ?? 0) !== l.montant) cellules.push(ref);
    }
    episodes = { lignes: n, cellules };
  }
  const sems = colonnes.filter((c) => c.nature === "semaine").map((c) => c.col);
  const semaines =
    sems.length && entete.colonnes.montant !== undefined
      ? semainesParLigne(sheet, entete, entete.colonnes.montant, sems, lignes, convention)
      : undefined;
  // Month columns, checked row by row as weeks are: the months of a line add up to its amount, or they are named.
  const moisCols = colonnes.filter((c) => c.nature === "mois").map((c) => c.col);
  const mois =
    moisCols.length && entete.colonnes.montant !== undefined
      ? semainesParLigne(sheet, entete, entete.colonnes.montant, moisCols, lignes, convention)
      : undefined;
  // What the week cells count, as proven row by row: said with their sums (euros, days, or no unit when unknown).
  const unite = semaines && semaines.lignes ? semaines.unite : undefined;
  const uniteMois = mois && mois.lignes ? mois.unite : undefined;
  return {
    colonnes: colonnes.map(({ col: _col, ...c }) =>
      c.nature === "semaine" && unite !== undefined
        ? { ...c, unite }
        : c.nature === "mois" && uniteMois !== undefined
          ? { ...c, unite: uniteMois }
          : c,
    ),
    episodes,
    ...(semaines && semaines.lignes ? { semaines } : {}),
    ...(mois && mois.lignes ? { mois } : {}),
  };
}

/**
 * Each row holding figures in the week columns `sems`: proven when they add up, to the cent, to what the row's amount
 * cell (column `montant`) counts, its line's amount (computed when the cell is empty) or else the figure read there (a
 * subtotal's); otherwise its week cells holding money are listed, never counted.
 */
function semainesParLigne(
  sheet: SheetData,
  entete: Entete,
  montant: number,
  sems: readonly number[],
  lignes: readonly LigneDevis[],
  convention?: Convention,
): SemainesNonProuvees {
  const ligne = entete.ligne;
  const parLigne = new Map<number, { cellule: string; montant: Cents }[]>();
  for (const col of sems)
    for (const x of cellulesMontant(sheet, ligne, col, convention))
      if (x.montant !== undefined && x.montant !== 0) {
        const r = parseCelluleRef(x.cellule).row;
        parLigne.set(r, [...(parLigne.get(r) ?? []), { cellule: x.cellule, montant: x.montant }]);
      }
  const attendu = new Map<number, Cents>();
  for (const x of cellulesMontant(sheet, ligne, montant, convention))
    if (x.montant !== undefined) attendu.set(parseCelluleRef(x.cellule).row, x.montant);
  // The line's amount where it is read (a line computed from its factors has an empty amount cell), and its quantity
  // and number (in hundredths, as the figures of the week cells are read): weeks holding days, not money.
  const facteurs = new Map<number, number[]>();
  // Whether each factor counts days: its column's header (« Jours », « Nb jours », « Durée (j) ») or the line's unit.
  const texte = (c: number | undefined) => (c === undefined ? "" : norm(String(sheet.rows[ligne]?.[c]?.v ?? "")));
  const enTete = {
    quantite: JOURS.test(texte(entete.colonnes.quantite)),
    nombre: JOURS.test(texte(entete.colonnes.nombre)),
  };
  const jours = new Map<number, boolean[]>();
  for (const l of lignes) {
    const ref = l.source.cellules.montant;
    const c = ref ? parseCelluleRef(ref) : undefined;
    if (!c || c.col !== montant) continue;
    attendu.set(c.row, l.montant);
    const uniteJours = l.unite !== undefined && UNITE_JOURS.test(norm(l.unite));
    const f = (["quantite", "nombre"] as const).filter((k) => l[k] !== undefined);
    facteurs.set(
      c.row,
      f.map((k) => new Decimal(l[k] as string).times(100).toNumber()),
    );
    jours.set(
      c.row,
      f.map((k) => enTete[k] || (k === "quantite" && uniteJours)),
    );
  }
  let prouvees = 0;
  let enQuantite = 0;
  let toutEnJours = true;
  const cellules: string[] = [];
  const nonProuves: Cents[] = [];
  for (const [r, xs] of [...parLigne.entries()].sort((a, b) => a[0] - b[0])) {
    const somme = sumCents(xs.map((x) => x.montant));
    const a = attendu.get(r);
    if (a !== undefined && a === somme) prouvees++;
    else if (facteurs.get(r)?.includes(somme)) {
      enQuantite++;
      if (!jours.get(r)?.[(facteurs.get(r) as number[]).indexOf(somme)]) toutEnJours = false;
    } else
      for (const x of xs) {
        cellules.push(x.cellule);
        nonProuves.push(x.montant);
      }
  }
  // Proven money only: euros; proven days only: jours; a mix, or nothing proven: unknown, unless the week headers speak
  // of money (« Montant semaine 1 »).
  const argent = sems.every((c) => ARGENT.test(texte(c)));
  const unite =
    prouvees && !enQuantite
      ? "euros"
      : enQuantite && !prouvees
        ? toutEnJours
          ? "jours"
          : null
        : !prouvees && argent
          ? "euros"
          : null;
  return {
    lignes: parLigne.size,
    prouvees,
    ...(enQuantite ? { enQuantite } : {}),
    cellules,
    somme: sumCents(nonProuves),
    unite,
  };
}

/** A header or a unit counting days: « Jours », « Nb jours », « Durée (j) », « Days ». */
const JOURS = /\b(jours?|days?|j)\b/;
const UNITE_JOURS = /^(j|jr|jrs|jours?|jour\(s\)|days?|journees?)$/;

/** A header naming row numbers or codes (« N° », « Réf. », « Compte », « Code », « Ligne », « Année »): not money. */
const NUMEROTATION =
  /^(n ?°|no|nr|num|numero|#|ref|reference|compte|cpt|code|ligne|rang|id|index|art|article|annee|page|acct|account)s?\b/;
/** A header speaking of money: its numbers not read are an alerte. */
const ARGENT =
  /(budget|montant|total|€|\beur\b|euros?\b|\bht\b|\bttc\b|prix|cout|tarif|somme|depense|cachet|salaire|frais|devis|facture)/;

/**
 * What a column without header holds when it numbers the rows or codes them: whole numbers in order, each at most 10
 * above the one before (1, 2, 3 ; 21, 22, 23 ; 10, 20, 30), or whole numbers under 1 000 (2, 21, 81, 812).
 */
function numerotation(montants: readonly Cents[]): boolean {
  if (!montants.every((m) => m % 100 === 0)) return false;
  // A lone figure is a code only when it is one's size (« 21 »): « 350 » beside a line may be an amount typed one off.
  if (montants.length === 1) return montants[0] > 0 && montants[0] < 10_000;
  if (montants.every((m) => m > 0 && m < 100_000)) return true;
  return (
    montants.length > 1 && montants.every((m, i) => i === 0 || (m >= montants[i - 1] && m - montants[i - 1] <= 1000))
  );
}

/**
 * Columns of the table (up to its header's last cell; those right of it are chiffresADroite's) that no role reads
 * and that colonnesNonLues does not name (réalisé, écart, épisodes): « Observations », « Budget N-1 », « Notes », a
 * column without header. Their numbers other than 0, counted per column, never read as the devis: nothing lost in
 * silence. `lues`: the columns the import reads (roles, amount columns set aside, labels without header). A header
 * naming row numbers or codes, or a column without header holding a numbering or codes (1, 2, 3 ; 21, 81), is not
 * counted.
 */
export function nombresHorsColonnes(
  sheet: SheetData,
  ligne: number,
  lues: ReadonlySet<number>,
  derivees: { lignes: readonly LigneDevis[]; colonnes: readonly number[] },
  convention?: Convention,
): NombresHorsColonne[] {
  // By row: what the import counts there (its lines, a line's charges among them), else the figures of the money
  // columns it reads (a subtotal row's amount and charges). A column equal to it on every row (« Total chargé » =
  // brut + charges, a line total equal to the amount) is derived from what is counted: nothing in it is lost. Worked
  // out only when a column not read holds numbers.
  let parLigne: Map<number, Cents> | undefined;
  const ajouter = (m: Map<number, Cents>, r: number, c: Cents) => m.set(r, sumCents([m.get(r) ?? ZERO, c]));
  // The row of a cell of `cellulesMontant` (« Devis!G12 » → 11), its sheet-and-column part known.
  const rang = (cellule: string) => Number(cellule.slice(cellule.lastIndexOf("!") + 1).replace(/^[A-Z]+/, "")) - 1;
  const attendu = (r: number): Cents | undefined => {
    if (!parLigne) {
      const lignes = new Map<number, Cents>();
      for (const l of derivees.lignes) if (l.source.cellules.montant) ajouter(lignes, l.source.ligne - 1, l.montant);
      const lus = new Map<number, Cents>();
      for (const col of derivees.colonnes)
        for (const x of cellulesMontant(sheet, ligne, col, convention))
          if (x.montant !== undefined) ajouter(lus, rang(x.cellule), x.montant);
      for (const [k, v] of lus) if (!lignes.has(k)) lignes.set(k, v);
      parLigne = lignes;
    }
    return parLigne.get(r);
  };
  const enTete = sheet.rows[ligne] ?? [];
  let fin = -1;
  enTete.forEach((x, c) => {
    if (x && x.v !== null && String(x.v).trim() !== "") fin = c;
  });
  const out: NombresHorsColonne[] = [];
  for (let c = 0; c <= fin; c++) {
    if (lues.has(c)) continue;
    const entete = enTete[c]?.v === null || enTete[c]?.v === undefined ? "" : enteteLisible(String(enTete[c]?.v));
    const s = norm(entete);
    const role = entete ? roleEntete(enTete[c]) : undefined;
    // The « Montant » under a title « Réel » is named by colonnesNonLues (« Réel / Montant »), as the réalisé.
    if (entete && (nature(entete) || NUMEROTATION.test(s) || (role === "montant" && titreRealise(sheet, ligne, c))))
      continue;
    if (role === "montant") {
      // « Total » right of the « Subtotal » read (Movie Magic): account totals, and figures that are no total of the
      // lines (« Total Fringes »: payroll taxes, real costs). Those the lines do not prove are named, cell by cell.
      const x = totauxNonProuves(sheet, ligne, c, derivees.lignes, attendu, convention);
      if (x.cellules.length)
        out.push({
          colonne: colonneLettre(c),
          cellule: celluleRef(sheet.name, ligne, c),
          entete,
          nombres: x.cellules.length,
          total: sumCents(x.montants),
          argent: true,
          cellules: x.cellules.map((cellule, k) => ({ cellule, montant: x.montants[k] })),
          ...(x.prouves ? { totauxProuves: x.prouves } : {}),
        });
      continue;
    }
    if (role) continue; // another version of a rate, a second « Jours »: recognised
    const montants: Cents[] = [];
    const cellules: string[] = [];
    let derivee = true;
    // Shown in euros (« #,##0.00 € », « 350 € »): amounts, never a numbering.
    let enEuros = false;
    for (const x of cellulesMontant(sheet, ligne, c, convention))
      if (x.montant) {
        montants.push(x.montant);
        cellules.push(x.cellule);
        if (derivee && attendu(rang(x.cellule)) !== x.montant) derivee = false;
        const cel = sheet.rows[rang(x.cellule)]?.[c];
        if (cel?.fmt?.includes("€") || (typeof cel?.v === "string" && cel.v.includes("€"))) enEuros = true;
      }
    if (!montants.length || derivee || (!entete && !enEuros && numerotation(montants))) continue;
    out.push({
      colonne: colonneLettre(c),
      cellule: celluleRef(sheet.name, ligne, c),
      entete,
      nombres: montants.length,
      total: sumCents(montants),
      argent: ARGENT.test(s),
      // No header to say what they are: each figure listed in the conservation, by its cell.
      ...(entete ? {} : { listees: cellules.map((cellule, k) => ({ cellule, montant: montants[k] })) }),
    });
  }
  return out;
}

/**
 * A column of totals beside the amount column read, top to bottom: a figure is proven when it is, to the cent, the sum
 * of the lines read since the figure above it (an account's total), the sum of the column's figures since the last
 * such sum of sums (« Account Total for 1100 »), or the sum of all those sums or of all the lines above (a grand
 * total). A figure equal to what its row counts (`compte`: its line with its charges, a total read) repeats it. The
 * others are returned with their cells.
 */
function totauxNonProuves(
  sheet: SheetData,
  ligne: number,
  c: number,
  lignes: readonly LigneDevis[],
  compte: (r: number) => Cents | undefined,
  convention?: Convention,
): { cellules: string[]; montants: Cents[]; prouves: number } {
  const parRang = new Map<number, number>();
  for (const l of lignes)
    if (l.source.cellules.montant) parRang.set(l.source.ligne - 1, (parRang.get(l.source.ligne - 1) ?? 0) + l.montant);
  const figures = cellulesMontant(sheet, ligne, c, convention).filter((x) => x.montant);
  const rangs = [...parRang.keys()].sort((a, b) => a - b);
  let i = 0;
  let lignesDepuis = 0;
  let toutes = 0;
  let depuisBloc = 0;
  let blocs = 0;
  let prouves = 0;
  const cellules: string[] = [];
  const montants: Cents[] = [];
  // The sums of sums (« Account Total for 1100 ») in order, those from `debut` not yet covered by a group's total
  // (« TOTAL ABOVE-THE-LINE » covering 1100 and 1300, « TOTAL BELOW-THE-LINE » 2000). Figures that would be listed, in
  // a row, each the sum of the next of them from `curseur`, are proven together once they cover all of them (`attente`:
  // their indexes in `cellules`); a figure of another kind first, and they stay listed.
  const sommes: number[] = [];
  let debut = 0;
  let curseur = 0;
  let attente: number[] = [];
  const renoncer = () => {
    attente = [];
    curseur = debut;
  };
  for (const x of figures) {
    const r = parseCelluleRef(x.cellule).row;
    for (; i < rangs.length && rangs[i] < r; i++) {
      lignesDepuis += parRang.get(rangs[i]) ?? 0;
      toutes += parRang.get(rangs[i]) ?? 0;
    }
    const m = x.montant ?? ZERO;
    // What the row counts already (its line, with its charges; a total read in the amount column), repeated.
    if (compte(r) === m) continue;
    if (lignesDepuis !== 0 && m === lignesDepuis) {
      renoncer();
      prouves++;
      depuisBloc += m;
    } else if (depuisBloc !== 0 && m === depuisBloc) {
      renoncer();
      prouves++;
      blocs += m;
      depuisBloc = 0;
      sommes.push(m);
    } else if ((blocs !== 0 && m === blocs) || (toutes !== 0 && m === toutes)) {
      renoncer();
      prouves++;
      // A grand total covers every sum of sums.
      if (m === sommes.slice(debut).reduce((a, b) => a + b, 0)) debut = curseur = sommes.length;
    } else {
      cellules.push(x.cellule);
      montants.push(m);
      depuisBloc += m;
      // The sum of the next sums of sums not covered yet, one or more: a group's total, until proven otherwise.
      let k = curseur;
      let s = 0;
      while (k < sommes.length && s !== m) s += sommes[k++];
      if (k > curseur && s === m) {
        attente.push(cellules.length - 1);
        curseur = k;
        if (curseur === sommes.length) {
          for (const j of [...attente].reverse()) {
            depuisBloc -= montants[j];
            cellules.splice(j, 1);
            montants.splice(j, 1);
          }
          prouves += attente.length;
          debut = curseur;
          attente = [];
        }
      } else renoncer();
    }
    lignesDepuis = 0;
  }
  return { cellules, montants, prouves };
}
