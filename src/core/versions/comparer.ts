import Decimal from "decimal.js";
import { distance } from "fastest-levenshtein";
import { cents, type Cents, negCents, subCents, sumCents } from "../money/cents";
import { libelleChapitre, ORDRE_CHAPITRES } from "../devis/chapitres";
import type { CodeChapitre } from "../devis/model";
import { normaliser } from "../util/texte";
import { estNonPlacee, LIBELLE_NON_PLACE, type LigneVersion } from "./modele";

export type StatutLigne = "ajoutee" | "supprimee" | "modifiee" | "inchangee";

/** One line of the comparison: the line in version « de », its match in version « à », or one of them only. */
export interface LigneComparee {
  statut: StatutLigne;
  chapitre: string;
  de?: LigneVersion;
  a?: LigneVersion;
  /** Montant à − montant de (an absent side counts 0). */
  delta: Cents;
  /** Part of delta due to the quantity: (Qà − Qde) × taux de, when both sides have quantity and rate. */
  effetQuantite?: Cents;
  /** The label changed (a renamed line: one change, not a removal plus an addition). */
  renommee: boolean;
  /** How the two sides were matched. */
  appariement?: "code" | "libelle" | "ressemblance";
  /**
   * The line's chapter in « de » when it changed: a line placed since « de » (« ? » → « 4 ») or no longer placed
   * (« 4 » → « ? »), one modified line rather than a removal plus an addition.
   */
  ancienChapitre?: string;
}

export interface ChapitreCompare {
  code: string;
  libelle: string;
  de: Cents;
  a: Cents;
  delta: Cents;
}

export interface Comparaison {
  de: string;
  a: string;
  /** The placed lines (the devis total); the unplaced ones are in nonPlaces, never in the total. */
  total: { de: Cents; a: Cents; delta: Cents };
  /** CNC chapters, placed lines only. */
  chapitres: ChapitreCompare[];
  /**
   * The lines the devis did not place (chapter « ? »), out of the total. A line placed since « de » is one modified
   * line (ancienChapitre « ? »): the total grows by its amount, this écart falls by as much.
   */
  nonPlaces: { de: Cents; a: Cents; delta: Cents; lignesDe: number; lignesA: number };
  /** Every line of both versions, in devis order (unchanged ones included: the sheet totals them). */
  lignes: LigneComparee[];
}

/** Similarity threshold of two labels (0..1) for the last matching pass. */
export const SEUIL_RESSEMBLANCE = 0.6;

/** Short words that say nothing about which line it is. */
const MOTS_VIDES = new Set([
  "de",
  "du",
  "des",
  "la",
  "le",
  "les",
  "et",
  "en",
  "au",
  "aux",
  "pour",
  "par",
  "sur",
  "avec",
  "une",
  "un",
]);

const mots = (s: string) => new Set(s.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !MOTS_VIDES.has(w)));

/**
 * 0..1 likeness of two labels (normalised): the share of the shorter label's meaningful words found in the other
 * (« Consommables » → « Consommables (cartes, disques) » = 1), or the edit-distance ratio when it is at least 0.8
 * (a typo, a gender: « Assistant » / « Assistante »). Plain edit distance on short labels is not trusted
 * (« Mixeuse » / « Monteuse » = 0.63).
 */
export function ressemblance(a: string, b: string): number {
  const x = normaliser(a);
  const y = normaliser(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const lev = 1 - distance(x, y) / Math.max(x.length, y.length);
  const mx = mots(x);
  const my = mots(y);
  let commun = 0;
  for (const w of mx) if (my.has(w)) commun++;
  const recouvrement = mx.size && my.size ? commun / Math.min(mx.size, my.size) : 0;
  return Math.max(lev >= 0.8 ? lev : 0, recouvrement);
}

/** quantité × nombre (a missing factor counts 1), undefined when the line has neither. */
export function quantiteTotale(l: LigneVersion): Decimal | undefined {
  if (l.quantite === undefined && l.nombre === undefined) return undefined;
  return new Decimal(l.quantite ?? 1).times(l.nombre ?? 1);
}

/**
 * normaliser with a memory: the two versions of a 5 000-line devis share most of their labels and codes, each is
 * normalised once (a pure function: the same text gives the same key).
 */
function normaliseur(): (s: string) => string {
  const faits = new Map<string, string>();
  return (s) => {
    let n = faits.get(s);
    if (n === undefined) faits.set(s, (n = normaliser(s)));
    return n;
  };
}

function ordreChapitre(c: string): number {
  const i = ORDRE_CHAPITRES.indexOf(c as CodeChapitre);
  return i < 0 ? ORDRE_CHAPITRES.length : i;
}

function identiques(x: LigneVersion, y: LigneVersion): boolean {
  return (
    x.chapitre === y.chapitre &&
    x.montant === y.montant &&
    x.libelle === y.libelle &&
    (x.code ?? "") === (y.code ?? "") &&
    (x.sousChapitre ?? "") === (y.sousChapitre ?? "") &&
    (x.unite ?? "") === (y.unite ?? "") &&
    eq(x.quantite, y.quantite) &&
    eq(x.nombre, y.nombre) &&
    eq(x.taux, y.taux)
  );
}
const eq = (a?: string, b?: string) =>
  a === undefined || b === undefined ? a === b : a === b || new Decimal(a).equals(new Decimal(b));

/** Above this many (unplaced × placed) pairs left, lines moved in or out of « Non placé » are matched exactly only. */
const PAIRES_DEPLACEES_MAX = 50_000;

/**
 * Matches the lines of two versions, within each CNC chapter: first by code and label, then by code (in order),
 * then by identical label, then by label similarity (best pairs first, ≥ SEUIL_RESSEMBLANCE). Then a line unplaced
 * on one side only (« Non placé (hors total) » then placed in a chapter, or the reverse) is matched across chapters
 * the same way (code and label, label, similarity). Two lines whose codes both exist and differ are never matched.
 * Unmatched lines are removed (« de » only) or added (« à » only).
 */
export function apparier(
  de: readonly LigneVersion[],
  a: readonly LigneVersion[],
): {
  paires: [LigneVersion, LigneVersion, LigneComparee["appariement"]][];
  supprimees: LigneVersion[];
  ajoutees: LigneVersion[];
} {
  const paires: [LigneVersion, LigneVersion, LigneComparee["appariement"]][] = [];
  // Each label and code normalised once for every pass.
  const norme = normaliseur();
  const libelle = (l: LigneVersion) => norme(l.libelle);
  const codeNorm = (l: LigneVersion) => (l.code ? norme(l.code) : "");
  /** Two lines whose codes both exist and differ are different lines, whatever their labels. */
  const codesCompatibles = (x: LigneVersion, y: LigneVersion) => !x.code || !y.code || codeNorm(x) === codeNorm(y);
  const libreDe = new Set(de);
  const libreA = new Set(a);
  /** Pairs the free lines of « de » and « a » with the same key, each with the first free one `accepte` takes. */
  const passe = (
    cle: (l: LigneVersion) => string | undefined,
    mode: LigneComparee["appariement"],
    accepte: (x: LigneVersion, y: LigneVersion) => boolean = (x, y) => libreA.has(y) && codesCompatibles(x, y),
  ) => {
    const file = new Map<string, LigneVersion[]>();
    for (const l of libreA) {
      const k = cle(l);
      if (k === undefined) continue;
      const q = file.get(k);
      if (q) q.push(l);
      else file.set(k, [l]);
    }
    for (const x of [...libreDe]) {
      const k = cle(x);
      const m = k === undefined ? undefined : file.get(k)?.find((y) => accepte(x, y));
      if (!m) continue;
      paires.push([x, m, mode]);
      libreDe.delete(x);
      libreA.delete(m);
    }
  };
  passe((l) => (l.code ? `${l.chapitre}|${codeNorm(l)}|${libelle(l)}` : undefined), "code");
  passe((l) => (l.code ? `${l.chapitre}|${codeNorm(l)}` : undefined), "code");
  passe((l) => `${l.chapitre}|${libelle(l)}`, "libelle");
  // Similar labels, chapter by chapter, best pairs first.
  const parChapitre = new Map<string, { de: LigneVersion[]; a: LigneVersion[] }>();
  const groupe = (c: string) =>
    parChapitre.get(c) ?? (parChapitre.set(c, { de: [], a: [] }).get(c) as { de: LigneVersion[]; a: LigneVersion[] });
  for (const l of libreDe) groupe(l.chapitre).de.push(l);
  for (const l of libreA) groupe(l.chapitre).a.push(l);
  for (const g of parChapitre.values()) {
    if (!g.de.length || !g.a.length) continue;
    const candidats: { x: LigneVersion; y: LigneVersion; s: number }[] = [];
    for (const x of g.de)
      for (const y of g.a) {
        if (!codesCompatibles(x, y)) continue;
        const s = ressemblance(x.libelle, y.libelle);
        if (s >= SEUIL_RESSEMBLANCE) candidats.push({ x, y, s });
      }
    candidats.sort((p, q) => q.s - p.s || p.x.numero - q.x.numero || p.y.numero - q.y.numero);
    for (const c of candidats) {
      if (!libreDe.has(c.x) || !libreA.has(c.y)) continue;
      paires.push([c.x, c.y, "ressemblance"]);
      libreDe.delete(c.x);
      libreA.delete(c.y);
    }
  }
  // A line placed since « de » (or no longer placed): its chapter changed, it is still the same line.
  const deplacable = (x: LigneVersion, y: LigneVersion) =>
    estNonPlacee(x) !== estNonPlacee(y) && libreDe.has(x) && libreA.has(y) && codesCompatibles(x, y);
  if ([...libreDe].some(estNonPlacee) || [...libreA].some(estNonPlacee)) {
    passe((l) => (l.code ? `${codeNorm(l)}|${libelle(l)}` : undefined), "code", deplacable);
    passe(libelle, "libelle", deplacable);
    const npDe = [...libreDe].filter(estNonPlacee);
    const npA = [...libreA].filter(estNonPlacee);
    const paquets = [
      ...npDe.map((x) => ({ x, ys: [...libreA].filter((y) => !estNonPlacee(y)) })),
      ...[...libreDe].filter((x) => !estNonPlacee(x)).map((x) => ({ x, ys: npA })),
    ];
    if (paquets.reduce((n, p) => n + p.ys.length, 0) <= PAIRES_DEPLACEES_MAX) {
      const candidats: { x: LigneVersion; y: LigneVersion; s: number }[] = [];
      for (const { x, ys } of paquets)
        for (const y of ys) {
          if (!deplacable(x, y)) continue;
          const s = ressemblance(x.libelle, y.libelle);
          if (s >= SEUIL_RESSEMBLANCE) candidats.push({ x, y, s });
        }
      candidats.sort((p, q) => q.s - p.s || p.x.numero - q.x.numero || p.y.numero - q.y.numero);
      for (const c of candidats) {
        if (!deplacable(c.x, c.y)) continue;
        paires.push([c.x, c.y, "ressemblance"]);
        libreDe.delete(c.x);
        libreA.delete(c.y);
      }
    }
  }
  return { paires, supprimees: [...libreDe], ajoutees: [...libreA] };
}

function effetQuantite(x: LigneVersion, y: LigneVersion): Cents | undefined {
  if (x.taux === undefined || y.taux === undefined) return undefined;
  // The same quantity and number written alike: no effect (0 × taux, signed as decimal.js signs it), no Decimal.
  if (
    (x.quantite !== undefined || x.nombre !== undefined) &&
    x.quantite === y.quantite &&
    x.nombre === y.nombre &&
    !x.quantite?.startsWith("-") &&
    !x.nombre?.startsWith("-") &&
    /^-?\d+(\.\d+)?$/.test(x.taux)
  )
    return cents(x.taux.startsWith("-") ? -0 : 0);
  const qx = quantiteTotale(x);
  const qy = quantiteTotale(y);
  if (qx === undefined || qy === undefined || x.taux === undefined || y.taux === undefined) return undefined;
  return cents(qy.minus(qx).times(x.taux).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** Compares two versions line by line, by chapter and in total (écart = à − de). */
export function comparerVersions(
  nomDe: string,
  de: readonly LigneVersion[],
  nomA: string,
  a: readonly LigneVersion[],
): Comparaison {
  const { paires, supprimees, ajoutees } = apparier(de, a);
  type Trie = { l: LigneComparee; k: [number, number, number, number] };
  const tries: Trie[] = [];
  const matchDe = new Map<LigneVersion, LigneVersion>();
  for (const [x, y, mode] of paires) {
    matchDe.set(x, y);
    const same = identiques(x, y);
    tries.push({
      l: {
        statut: same ? "inchangee" : "modifiee",
        chapitre: y.chapitre,
        de: x,
        a: y,
        delta: subCents(y.montant, x.montant),
        effetQuantite: effetQuantite(x, y),
        renommee: x.libelle !== y.libelle,
        appariement: mode,
        ...(x.chapitre !== y.chapitre ? { ancienChapitre: x.chapitre } : {}),
      },
      k: [ordreChapitre(y.chapitre), y.numero, 0, 0],
    });
  }
  for (const y of ajoutees)
    tries.push({
      l: { statut: "ajoutee", chapitre: y.chapitre, a: y, delta: y.montant, renommee: false },
      k: [ordreChapitre(y.chapitre), y.numero, 0, 0],
    });
  // A removed line goes right after the nearest earlier line of its version, in its chapter, that is still there:
  // one walk through « de » by N°, keeping each chapter's last line still there.
  const deTries = [...de].sort((p, q) => p.numero - q.numero);
  const apres = new Map<LigneVersion, number>();
  const dernier = new Map<string, number>();
  const supprimeesTriees = [...supprimees].sort((p, q) => p.numero - q.numero);
  let j = 0;
  for (const x of supprimeesTriees) {
    for (; j < deTries.length && deTries[j].numero < x.numero; j++) {
      const m = matchDe.get(deTries[j]);
      if (m) dernier.set(deTries[j].chapitre, m.numero);
    }
    apres.set(x, dernier.get(x.chapitre) ?? 0);
  }
  for (const x of supprimees)
    tries.push({
      l: { statut: "supprimee", chapitre: x.chapitre, de: x, delta: negCents(x.montant), renommee: false },
      k: [ordreChapitre(x.chapitre), apres.get(x) as number, 1, x.numero],
    });
  tries.sort((p, q) => {
    for (let i = 0; i < 4; i++) if (p.k[i] !== q.k[i]) return p.k[i] - q.k[i];
    return p.l.chapitre < q.l.chapitre ? -1 : p.l.chapitre > q.l.chapitre ? 1 : 0;
  });
  const lignes = tries.map((t) => t.l);
  const codes = [...new Set([...de, ...a].filter((l) => !estNonPlacee(l)).map((l) => l.chapitre))].sort(
    (p, q) => ordreChapitre(p) - ordreChapitre(q) || (p < q ? -1 : p > q ? 1 : 0),
  );
  // Each chapter's amounts, gathered in one pass over each version.
  const parChapitre = (ls: readonly LigneVersion[]) => {
    const m = new Map<string, Cents[]>();
    for (const l of ls) {
      const x = m.get(l.chapitre);
      if (x) x.push(l.montant);
      else m.set(l.chapitre, [l.montant]);
    }
    return m;
  };
  const chDe = parChapitre(de),
    chA = parChapitre(a);
  const chapitres = codes.map((code) => {
    const sde = sumCents(chDe.get(code) ?? []);
    const sa = sumCents(chA.get(code) ?? []);
    return {
      code,
      libelle: ordreChapitre(code) < ORDRE_CHAPITRES.length ? libelleChapitre(code as CodeChapitre) : "Hors chapitre",
      de: sde,
      a: sa,
      delta: subCents(sa, sde),
    };
  });
  const tde = sumCents(chapitres.map((c) => c.de));
  const ta = sumCents(chapitres.map((c) => c.a));
  const npDe = de.filter(estNonPlacee);
  const npA = a.filter(estNonPlacee);
  const sNpDe = sumCents(npDe.map((l) => l.montant));
  const sNpA = sumCents(npA.map((l) => l.montant));
  return {
    de: nomDe,
    a: nomA,
    total: { de: tde, a: ta, delta: subCents(ta, tde) },
    chapitres,
    nonPlaces: { de: sNpDe, a: sNpA, delta: subCents(sNpA, sNpDe), lignesDe: npDe.length, lignesA: npA.length },
    lignes,
  };
}

/**
 * A line whose chapter changed, as the CLI and the pane say it: « placée au chapitre 4, non placé (hors total) dans
 * « A » », or « non placé (hors total), au chapitre 4 dans « A » »; undefined when the chapter did not change.
 */
export function changementDeChapitre(l: LigneComparee, nomDe: string): string | undefined {
  if (l.ancienChapitre === undefined) return undefined;
  const np = LIBELLE_NON_PLACE.toLowerCase();
  return estNonPlacee({ chapitre: l.ancienChapitre })
    ? `placée au chapitre ${l.chapitre}, ${np} dans « ${nomDe} »`
    : `${np}, au chapitre ${l.ancienChapitre} dans « ${nomDe} »`;
}
