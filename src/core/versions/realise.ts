import type { RealiseDePoste } from "../ecarts/realiseParCode";
import { type Cents, subCents, sumCents, ZERO } from "../money/cents";
import type { ChapitreCompare, Comparaison } from "./comparer";
import { CHAPITRE_NON_PLACE, type LigneVersion } from "./modele";

/**
 * A comparison set against the coût définitif: the réalisé of the Écarts sheet by poste code, as the « Comparaison »
 * sheet's columns S and T compute it and `versions comparer --json` gives it. A poste's réalisé is one figure however
 * many devis lines carry its code (the Écarts sheet sums their budgets into one poste): the first compared line with
 * the code carries it, so chapters and total count it once.
 */
export interface RealiseCompare {
  /** Indexes (in comparaison.lignes) of the lines carrying each poste code that has a réalisé; the first carries it. */
  lignesDuCode: Map<string, number[]>;
  /** Postes with a réalisé (not 0) that no compared line carries (imputé au chapitre, poste absent du devis). */
  sansLigne: [string, RealiseDePoste][];
  /** The comparison's chapters, then those only a poste without line reaches (amounts 0). */
  chapitres: ChapitreCompare[];
  /** Réalisé by chapter code; « ? » for the unplaced lines' postes (out of the total). */
  parChapitre: Map<string, Cents>;
  /** Σ réalisé of the chapters (the unplaced lines' out, as the devis total). */
  total: Cents;
}

const codeDe = (c: Comparaison, i: number) => (c.lignes[i].a ?? (c.lignes[i].de as LigneVersion)).code;

export function realiseCompare(c: Comparaison, realise: ReadonlyMap<string, RealiseDePoste>): RealiseCompare {
  const lignesDuCode = new Map<string, number[]>();
  c.lignes.forEach((_, i) => {
    const code = codeDe(c, i);
    if (!code || !realise.has(code)) return;
    const l = lignesDuCode.get(code);
    if (l) l.push(i);
    else lignesDuCode.set(code, [i]);
  });
  const codesLignes = new Set(c.lignes.map((_, i) => codeDe(c, i)).filter(Boolean));
  const sansLigne = c.lignes.length
    ? [...realise].filter(([code, r]) => !codesLignes.has(code) && r.montant !== 0)
    : [];
  const chapitres = c.chapitres.slice();
  for (const [code, r] of sansLigne) {
    const ch = r.chapitre || code;
    if (ch !== CHAPITRE_NON_PLACE && !chapitres.some((x) => x.code === ch))
      chapitres.push({ code: ch, libelle: ch, de: ZERO, a: ZERO, delta: ZERO });
  }
  const parChapitre = new Map<string, Cents>();
  const cumuler = (ch: string, m: Cents) => parChapitre.set(ch, sumCents([parChapitre.get(ch) ?? ZERO, m]));
  for (const [code, [i]] of lignesDuCode) cumuler(c.lignes[i].chapitre, (realise.get(code) as RealiseDePoste).montant);
  for (const [code, r] of sansLigne) cumuler(r.chapitre || code, r.montant);
  const total = sumCents(chapitres.map((ch) => parChapitre.get(ch.code) ?? ZERO));
  return { lignesDuCode, sansLigne, chapitres, parChapitre, total };
}

/** A poste's réalisé set against the « à » amounts of the lines carrying its code (0 for a poste without line). */
export interface PosteRealise {
  code: string;
  chapitre: string;
  realise: Cents;
  a: Cents;
  /** Réalisé − à. */
  ecart: Cents;
  /** The réalisé's cell on the Écarts sheet. */
  cellule: string;
  /** Compared lines carrying the code (0: a poste without line). */
  lignes: number;
}

/** Every poste with a réalisé, in the order of the lines, then the postes without line. */
export function postesRealises(
  c: Comparaison,
  realise: ReadonlyMap<string, RealiseDePoste>,
  r: RealiseCompare,
): PosteRealise[] {
  const poste = (code: string, chapitre: string, a: Cents, lignes: number): PosteRealise => {
    const re = realise.get(code) as RealiseDePoste;
    return { code, chapitre, realise: re.montant, a, ecart: subCents(re.montant, a), cellule: re.cellule, lignes };
  };
  return [
    ...[...r.lignesDuCode].map(([code, is]) =>
      poste(code, c.lignes[is[0]].chapitre, sumCents(is.map((i) => c.lignes[i].a?.montant ?? ZERO)), is.length),
    ),
    ...r.sansLigne.map(([code, re]) => poste(code, re.chapitre || code, ZERO, 0)),
  ];
}

/** A figure of « à » set against the réalisé: réalisé − à. */
export interface FaceAuRealise {
  realise: Cents;
  a: Cents;
  ecart: Cents;
}

/**
 * The comparison against the coût définitif as plain data (the pane and `versions comparer --json`): the total and
 * each chapter of the sheet (réalisé − « à »), the unplaced lines' (out of the total), and each poste with a réalisé.
 */
export interface CoutDefinitifCompare {
  total: FaceAuRealise;
  chapitres: (FaceAuRealise & { code: string; libelle: string })[];
  nonPlaces: FaceAuRealise;
  postes: PosteRealise[];
}

/**
 * The chapters set against the réalisé that say something: an amount in « à » or a réalisé (a chapter at 0 in both,
 * such as one only the other version has, is left out; the total is unchanged, since it adds nothing to it).
 */
export function chapitresFaceAuRealise<C extends FaceAuRealise>(chapitres: readonly C[]): C[] {
  return chapitres.filter((c) => c.a !== 0 || c.realise !== 0);
}

export function coutDefinitifCompare(
  c: Comparaison,
  realise: ReadonlyMap<string, RealiseDePoste>,
): CoutDefinitifCompare {
  const r = realiseCompare(c, realise);
  const face = (re: Cents, a: Cents): FaceAuRealise => ({ realise: re, a, ecart: subCents(re, a) });
  return {
    total: face(r.total, c.total.a),
    chapitres: r.chapitres.map((ch) => ({
      code: ch.code,
      libelle: ch.libelle,
      ...face(r.parChapitre.get(ch.code) ?? ZERO, ch.a),
    })),
    nonPlaces: face(r.parChapitre.get(CHAPITRE_NON_PLACE) ?? ZERO, c.nonPlaces.a),
    postes: postesRealises(c, realise, r),
  };
}
