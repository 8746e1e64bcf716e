import type { RealiseDePoste } from "../ecarts/realiseParCode";
import { type Cents, centsToEuros, subCents, sumCents, ZERO } from "../money/cents";
import { FORMAT_EXCEL, formatEcartFr, formatMontantFr } from "../money/format";
import type { CellData, CellSpec, ConditionalFormat, NoteSpec, SheetData, SheetSpec } from "../port/workbook";
import { LONGUEUR_NOTE_MAX, noteDeRatio, noteDeTrace } from "../traces/note";
import { euros, feuille, noeud } from "../traces/trace";
import { lienCellule, nomFeuilleRef } from "../util/adresse";
import { critereExact } from "../util/criteres";
import { decimalFr, normaliser } from "../util/texte";
import { quantiteTotale, type Comparaison, type LigneComparee, type StatutLigne } from "./comparer";
import { CHAPITRE_NON_PLACE, LIBELLE_NON_PLACE, type LigneVersion, type Version } from "./modele";
import { ligneDansVersions } from "./feuilleVersions";
import { realiseCompare } from "./realise";

export const FEUILLE_COMPARAISON = "Comparaison";
export const TABLE_COMPARAISON = "tblComparaison";

/** Columns of the comparison's line block (0-based); the chapter block uses the same amount and comment columns. */
export const COL_C = {
  statut: 0,
  chapitre: 1,
  code: 2,
  libelle: 3,
  ancienLibelle: 4,
  numeroDe: 5,
  numeroA: 6,
  quantiteDe: 7,
  quantiteA: 8,
  tauxDe: 9,
  tauxA: 10,
  montantDe: 11,
  montantA: 12,
  ecart: 13,
  effetQuantite: 14,
  effetTaux: 15,
  cellule: 16,
  commentaire: 17,
  realise: 18,
  ecartRealise: 19,
} as const;

export const ENTETES_LIGNES = [
  "Statut",
  "Chapitre",
  "Code",
  "Libellé",
  "Ancien libellé",
  "N° de",
  "N° à",
  "Quantité de",
  "Quantité à",
  "Taux de",
  "Taux à",
  "Montant de",
  "Montant à",
  "Écart (à − de)",
  "dont effet quantité",
  "dont effet taux et autres",
  "Cellule",
  "Commentaire",
];
const ENTETES_REALISE = ["Réalisé (coût définitif)", "Écart réalisé − à"];

export const LIBELLE_STATUT: Record<StatutLigne, string> = {
  ajoutee: "ajoutée",
  supprimee: "supprimée",
  modifiee: "modifiée",
  inchangee: "inchangée",
};
const CHAPITRE = "Chapitre";
/** The row below the total of the lines the devis did not place (chapter « ? »): shown, never in the total. */
const NON_PLACE = "Non placé";
const CONSERVE = "commentaire conservé";
/** A réalisé of the Écarts sheet on no compared line (imputé au chapitre, poste absent du devis): shown, counted. */
export const REALISE_SANS_LIGNE = "réalisé sans ligne";

/** A comment typed in a previous « Comparaison » sheet, with the line (or chapter) it was on, as shown. */
export interface Commentaire {
  texte: string;
  chapitre: string;
  code: string;
  libelle: string;
  /** On a chapter row (« Chapitre »), not a line. */
  surChapitre: boolean;
}

/** The user's comments of a previous « Comparaison » sheet, by line or chapter key (several per key: in order). */
export type Commentaires = Map<string, Commentaire[]>;

const cleChapitre = (code: string) => `chapitre|${normaliser(code)}`;
const cleLigne = (chapitre: string, code: string | undefined, libelle: string) =>
  `ligne|${normaliser(chapitre)}|${normaliser(code ?? "")}|${normaliser(libelle)}`;

const texte = (c: CellData | undefined): string => (c && !c.erreur && c.v !== null ? String(c.v).trim() : "");

/** Reads the comments typed in a previous « Comparaison » sheet (column « Commentaire »). */
export function lireCommentaires(s: SheetData): Commentaires {
  const out: Commentaires = new Map();
  const ajouter = (cle: string, texteC: string, r: CellData[], surChapitre = false) => {
    const c: Commentaire = {
      texte: texteC,
      chapitre: texte(r[COL_C.chapitre]),
      code: texte(r[COL_C.code]),
      libelle: texte(r[COL_C.libelle]),
      surChapitre,
    };
    const l = out.get(cle);
    if (l) l.push(c);
    else out.set(cle, [c]);
  };
  for (const r of s.rows) {
    const com = texte(r[COL_C.commentaire]);
    const a = texte(r[COL_C.statut]);
    if (!com || a === "Statut" || texte(r[COL_C.commentaire]) === "Commentaire") continue;
    if (a === CHAPITRE) ajouter(cleChapitre(texte(r[COL_C.chapitre])), com, r, true);
    else if (a === "Total") ajouter("total", com, r);
    else if (a === NON_PLACE) ajouter(cleChapitre(CHAPITRE_NON_PLACE), com, r, true);
    else if (Object.values(LIBELLE_STATUT).includes(a) || a === CONSERVE || a === REALISE_SANS_LIGNE)
      ajouter(cleLigne(texte(r[COL_C.chapitre]), texte(r[COL_C.code]), texte(r[COL_C.libelle])), com, r);
  }
  return out;
}

export interface EntreeComparaison {
  comparaison: Comparaison;
  /** The « Versions » sheet the formulas read. */
  feuilleVersions: string;
  versionDe: Version;
  /** undefined when « à » is the current devis: its figures are written as values. */
  versionA?: Version;
  /** Label of the « à » side in the sheet ("Devis actuel (feuille « Budget »)"). */
  libelleA: string;
  commentaires?: Commentaires;
  /**
   * Réalisé by poste code (the Écarts sheet): cell to link to, amount, chapter and label. A poste no compared line
   * carries (réalisé imputé au chapitre, poste absent du devis) gets a row of its own, « réalisé sans ligne ».
   */
  realise?: Map<string, RealiseDePoste>;
}

/** A decimal string's number: the value Decimal's toNumber gives (the same exact value), without a Decimal. */
const dec = (s: string | undefined): number | null => (s === undefined ? null : Number(s));
const qte = (l: LigneVersion | undefined): number | null => {
  if (!l || (l.quantite === undefined && l.nombre === undefined)) return null;
  // One factor only (or a number of 1) of at most 20 digits: the product is the other, exactly (Decimal's 20-digit
  // precision leaves it as it is), without a Decimal for each line.
  const seul = l.nombre === undefined || l.nombre === "1" ? (l.quantite ?? "1") : l.quantite === "1" ? l.nombre : "";
  if (seul && seul.length <= 20) return Number(seul);
  const q = quantiteTotale(l);
  return q === undefined ? null : q.toNumber();
};

/**
 * The « Comparaison » sheet: chapters and total, then every line of both versions (unchanged ones included), with
 * live formulas: the version amounts are SUMIFS over the « Versions » table (by version name and line number), the
 * écarts are differences, the chapter totals SUMIFS by chapter. The « Commentaire » column is the user's: comments
 * are put back on their line (chapter, code, label) when the comparison is refreshed; those whose line is gone are
 * kept at the bottom.
 */
export function feuilleComparaison(e: EntreeComparaison, nom = FEUILLE_COMPARAISON): SheetSpec {
  const c = e.comparaison;
  const V = nomFeuilleRef(e.feuilleVersions);
  const col = (l: string) => `${V}!$${l}:$${l}`;
  const critDe = critereExact(c.de, "$B$2");
  const critA = e.versionA ? critereExact(c.a, "$B$3") : undefined;
  const restants: Commentaires = new Map([...(e.commentaires ?? new Map()).entries()].map(([k, v]) => [k, v.slice()]));
  const prendre = (...cles: string[]): string | null => {
    for (const k of cles) {
      const l = restants.get(k);
      if (l?.length) return (l.shift() as Commentaire).texte;
    }
    return null;
  };
  const avecRealise = e.realise !== undefined;
  // The Écarts sheet's réalisé that no compared line carries (imputé au chapitre, poste absent du devis): each gets
  // a row after the lines, so the chapters' and the total's réalisé are the Écarts sheet's, not only the lines'.
  // A poste's réalisé is carried by the first compared line with its code (realiseCompare), once.
  const rc = realiseCompare(c, e.realise ?? new Map<string, RealiseDePoste>());
  const { sansLigne, chapitres, lignesDuCode } = rc;
  const largeur = avecRealise ? ENTETES_LIGNES.length + ENTETES_REALISE.length : ENTETES_LIGNES.length;
  const ligneVide = (): CellSpec[] => new Array(largeur).fill(null);

  const rows: CellSpec[][] = [];
  rows.push(["Comparaison des versions du devis"]);
  rows.push([
    "De (version)",
    c.de,
    null,
    "Date",
    e.versionDe.date ? { date: e.versionDe.date } : null,
    "Auteur",
    e.versionDe.auteur,
  ]);
  rows.push(
    e.versionA
      ? [
          "À (version)",
          c.a,
          null,
          "Date",
          e.versionA.date ? { date: e.versionA.date } : null,
          "Auteur",
          e.versionA.auteur,
        ]
      : ["À", e.libelleA],
  );
  rows.push([
    `Montants des versions lus dans la feuille « ${e.feuilleVersions} » par formules (SOMME.SI.ENS)` +
      (e.versionA ? "" : " ; le devis actuel est écrit en valeurs") +
      ". Écart = à − de. La colonne « Commentaire » est la vôtre : elle est conservée quand la comparaison est actualisée.",
  ]);
  rows.push([]);

  // Chapters.
  const enteteChap = rows.length; // 0-based
  const h = ligneVide();
  h[COL_C.chapitre] = "Chapitre";
  h[COL_C.libelle] = "Libellé";
  h[COL_C.montantDe] = "De";
  h[COL_C.montantA] = "À";
  h[COL_C.ecart] = "Écart (à − de)";
  h[COL_C.effetQuantite] = "Écart %";
  h[COL_C.commentaire] = "Commentaire";
  if (avecRealise) {
    h[COL_C.realise] = ENTETES_REALISE[0];
    h[COL_C.ecartRealise] = ENTETES_REALISE[1];
  }
  rows.push(h);
  const premChap = rows.length + 1; // 1-based
  const nChap = chapitres.length;
  const ligneTotal = premChap + nChap;
  // The unplaced lines' row, right below the total and out of it, when either side has some.
  const avecNonPlaces = c.nonPlaces.lignesDe + c.nonPlaces.lignesA > 0;
  const ligneNonPlaces = ligneTotal + 1;
  const premLigne = ligneTotal + (avecNonPlaces ? 4 : 3); // 1-based first line row (total, [non placé], blank, header)
  const derLigne = premLigne + Math.max(c.lignes.length + sansLigne.length, 1) - 1;
  const L = (lettre: string) => `$${lettre}$${premLigne}:$${lettre}$${derLigne}`;
  // « D'où vient ce chiffre ? »: each écart of a chapter, of the total and of a line says which two versions it
  // compares, read where (a line's: the two rows of « Versions », or the producer's cell of the current devis).
  const notes: NoteSpec[] = [];
  const nomA = e.versionA ? `version « ${c.a} »` : e.libelleA;
  const nomDe = `version « ${c.de} »`;
  // The réalisé columns (S, T) when the Écarts sheet is in the workbook: each line's réalisé is its poste's cell there,
  // a chapter's the Σ of its lines' (SOMME.SI.ENS on B), the total the Σ of the chapters'; each écart réalisé is S − M.
  const codeDe = (i: number) => (c.lignes[i].a ?? (c.lignes[i].de as LigneVersion)).code;
  /** The réalisé on line i: its poste's, when it is the first line with that code; else none. */
  const realiseDe = (i: number): RealiseDePoste | undefined => {
    const code = codeDe(i);
    return code && lignesDuCode.get(code)?.[0] === i ? e.realise?.get(code) : undefined;
  };
  /** The « à » amounts the poste's réalisé is compared with: M of each line carrying its code. */
  const montantsADuPoste = (code: string) => (lignesDuCode.get(code) ?? []).map((j) => `M${premLigne + j}`);
  const realiseParChapitre = rc.parChapitre;
  const noteRealise = (r: number, quoi: string, realise: Cents, a: Cents, source: string, ma = [`M${r}`]) => {
    notes.push(
      noteDifferee(
        `S${r}`,
        () => `Réalisé (coût définitif), ${quoi} : ${formatMontantFr(realise)}\n= ${source}${SIGNATURE}`,
      ),
    );
    notes.push(
      noteDifferee(
        `T${r}`,
        () =>
          `Écart réalisé − à, ${quoi} : ${formatEcartFr(subCents(realise, a))}\n` +
          `= Réalisé − Montant à (${nomA}) : S${r} − ${ma.length > 1 ? `(${ma.join(" + ")})` : ma[0]} = ` +
          `${formatMontantFr(realise)} − ${formatMontantFr(a)}` +
          SIGNATURE,
      ),
    );
  };
  const realiseDuPoste = (code: string, re: RealiseDePoste) =>
    `réalisé du poste ${code} lu en ${re.cellule} (analyse des écarts : les écritures du FEC / grand livre ` +
    `affectées au poste, dont la note de cette cellule nomme les comptes)`;
  const realiseDesLignes = (ch: string) =>
    `Σ colonne S des lignes du chapitre ${ch} ci-dessous (SOMME.SI.ENS sur S${premLigne}:S${derLigne} ` +
    `où le chapitre, colonne B, est « ${ch} »)`;
  const annoter = (r: number, quoi: string, de: Cents, a: Cents, delta: Cents, ou: { de: string; a: string }) => {
    // The two amounts compared, each with where its formula reads it.
    notes.push({
      cell: `L${r}`,
      text: noteDeTrace(feuille(`Montant de, ${quoi}, ${nomDe}`, euros(de), "euros"), ou.de),
    });
    notes.push({
      cell: `M${r}`,
      text: noteDeTrace(feuille(`Montant à, ${quoi}, ${nomA}`, euros(a), "euros"), ou.a),
    });
    const entrees = [
      feuille(`${quoi}, ${nomA}`, euros(a), "euros", { cellule: `M${r}`, formule: ou.a }),
      feuille(`${quoi}, ${nomDe}`, euros(de), "euros", { cellule: `L${r}`, formule: ou.de }),
    ];
    const t = noeud(`Écart ${quoi}`, euros(delta), "euros", "difference", entrees, {
      formule: `${nomA} − ${nomDe} (M${r} − L${r})`,
    });
    notes.push({ cell: `N${r}`, text: noteDeTrace(t) });
    notes.push({
      cell: `O${r}`,
      text: noteDeRatio(
        `Écart % ${quoi}`,
        { libelle: "écart", montant: delta, cellule: `N${r}` },
        { libelle: `montant de la ${nomDe}`, montant: de, cellule: `L${r}` },
        "vide",
      ),
    });
  };
  const dansVersions = (v: string, chapitre: string) =>
    `Σ colonne M de « ${e.feuilleVersions} » où la version (A) est « ${v} » et le chapitre (E) ${chapitre}`;
  chapitres.forEach((ch, i) => {
    const r = premChap + i;
    annoter(r, `chapitre ${ch.code}`, ch.de, ch.a, ch.delta, {
      de: dansVersions(c.de, ch.code),
      a: e.versionA ? dansVersions(c.a, ch.code) : `Σ colonne M des lignes du chapitre ${ch.code} ci-dessous`,
    });
    const row = ligneVide();
    const crit = critereExact(ch.code, `$B${r}`);
    row[COL_C.statut] = CHAPITRE;
    row[COL_C.chapitre] = ch.code;
    row[COL_C.libelle] = ch.libelle;
    row[COL_C.montantDe] = {
      formula: `SUMIFS(${col("M")},${col("A")},${critDe},${col("E")},${crit})`,
      result: centsToEuros(ch.de),
    };
    row[COL_C.montantA] = {
      formula: critA
        ? `SUMIFS(${col("M")},${col("A")},${critA},${col("E")},${crit})`
        : `SUMIFS(${L("M")},${L("B")},${crit})`,
      result: centsToEuros(ch.a),
    };
    row[COL_C.ecart] = { formula: `M${r}-L${r}`, result: centsToEuros(ch.delta) };
    row[COL_C.effetQuantite] = { formula: `IF(L${r}=0,"",N${r}/L${r})` };
    row[COL_C.commentaire] = prendre(cleChapitre(ch.code));
    if (avecRealise) {
      row[COL_C.realise] = { formula: `SUMIFS(${L("S")},${L("B")},${crit})` };
      row[COL_C.ecartRealise] = { formula: `S${r}-M${r}` };
      noteRealise(r, `chapitre ${ch.code}`, realiseParChapitre.get(ch.code) ?? ZERO, ch.a, realiseDesLignes(ch.code));
    }
    rows.push(row);
  });
  const t = ligneVide();
  const somme = (l: string) => ({ formula: `SUM(${l}${premChap}:${l}${ligneTotal - 1})` });
  t[COL_C.statut] = "Total";
  t[COL_C.montantDe] = { ...somme("L"), result: centsToEuros(c.total.de) };
  t[COL_C.montantA] = { ...somme("M"), result: centsToEuros(c.total.a) };
  t[COL_C.ecart] = { formula: `M${ligneTotal}-L${ligneTotal}`, result: centsToEuros(c.total.delta) };
  t[COL_C.effetQuantite] = { formula: `IF(L${ligneTotal}=0,"",N${ligneTotal}/L${ligneTotal})` };
  t[COL_C.commentaire] = prendre("total");
  const chapitresCi = `Σ des ${nChap} chapitre${nChap > 1 ? "s" : ""} ci-dessus`;
  annoter(ligneTotal, "total", c.total.de, c.total.a, c.total.delta, {
    de: `${chapitresCi} (L${premChap} à L${ligneTotal - 1})`,
    a: `${chapitresCi} (M${premChap} à M${ligneTotal - 1})`,
  });
  if (avecRealise) {
    t[COL_C.realise] = somme("S");
    t[COL_C.ecartRealise] = { formula: `S${ligneTotal}-M${ligneTotal}` };
    noteRealise(ligneTotal, "total", rc.total, c.total.a, `${chapitresCi} (S${premChap} à S${ligneTotal - 1})`);
  }
  rows.push(t);
  if (avecNonPlaces) {
    const r = ligneNonPlaces;
    const np = c.nonPlaces;
    const crit = critereExact(CHAPITRE_NON_PLACE, `$B${r}`);
    const row = ligneVide();
    row[COL_C.statut] = NON_PLACE;
    row[COL_C.chapitre] = CHAPITRE_NON_PLACE;
    row[COL_C.libelle] = `${LIBELLE_NON_PLACE} : montants sans chapitre, hors du total ci-dessus`;
    row[COL_C.montantDe] = {
      formula: `SUMIFS(${col("M")},${col("A")},${critDe},${col("E")},${crit})`,
      result: centsToEuros(np.de),
    };
    row[COL_C.montantA] = {
      formula: critA
        ? `SUMIFS(${col("M")},${col("A")},${critA},${col("E")},${crit})`
        : `SUMIFS(${L("M")},${L("B")},${crit})`,
      result: centsToEuros(np.a),
    };
    row[COL_C.ecart] = { formula: `M${r}-L${r}`, result: centsToEuros(np.delta) };
    row[COL_C.effetQuantite] = { formula: `IF(L${r}=0,"",N${r}/L${r})` };
    row[COL_C.commentaire] = prendre(cleChapitre(CHAPITRE_NON_PLACE));
    // The réalisé the correspondances map onto unplaced lines' codes (affecté, on the Écarts sheet), outside the total.
    if (avecRealise) {
      row[COL_C.realise] = { formula: `SUMIFS(${L("S")},${L("B")},${crit})` };
      row[COL_C.ecartRealise] = { formula: `S${r}-M${r}` };
      const realiseNp = realiseParChapitre.get(CHAPITRE_NON_PLACE) ?? ZERO;
      noteRealise(r, "non placé (hors total)", realiseNp, np.a, realiseDesLignes(CHAPITRE_NON_PLACE));
    }
    annoter(r, "non placé (hors total)", np.de, np.a, np.delta, {
      de: dansVersions(c.de, CHAPITRE_NON_PLACE),
      a: e.versionA
        ? dansVersions(c.a, CHAPITRE_NON_PLACE)
        : `Σ colonne M des lignes du chapitre ${CHAPITRE_NON_PLACE} ci-dessous`,
    });
    rows.push(row);
  }
  rows.push([]);

  // Lines.
  const entetes = avecRealise ? [...ENTETES_LIGNES, ...ENTETES_REALISE] : ENTETES_LIGNES.slice();
  rows.push(entetes);
  const lus = e.versionA
    ? `les deux montants lus dans « ${e.feuilleVersions} » (version en A, n° de ligne en D, montant en M)`
    : `le montant de la ${nomDe} lu dans « ${e.feuilleVersions} » (version en A, n° de ligne en D, montant en M), ` +
      `celui du devis actuel écrit en valeur`;
  notes.push({
    cell: `N${premLigne - 1}`,
    text:
      `Écart (à − de) de chaque ligne = Montant à (M) − Montant de (L) : la ligne n° « N° à » (G) de la ${nomA} ` +
      `moins la ligne n° « N° de » (F) de la ${nomDe} ; ${lus}.\n` +
      `Ligne ajoutée : seulement « à » ; supprimée : seulement « de » ; renommée : l'ancien libellé en E.\n` +
      `dont effet quantité (O) = (quantité à − quantité de) × taux de (J) ; effet taux et autres (P) = écart − effet quantité.\n` +
      `(Prodbook, « D'où vient ce chiffre ? »)`,
  });
  const valeurVersion = (lettre: string, critV: string, r: number, numCol: string) =>
    `SUMIFS(${col(lettre)},${col("A")},${critV},${col("D")},$${numCol}${r})`;
  const quantite = (l: LigneVersion, critV: string, r: number, numCol: string): CellSpec => {
    if (l.quantite === undefined && l.nombre === undefined) return null;
    const f = [
      l.quantite !== undefined ? valeurVersion("I", critV, r, numCol) : "",
      l.nombre !== undefined ? valeurVersion("J", critV, r, numCol) : "",
    ]
      .filter(Boolean)
      .join("*");
    return { formula: f, result: qte(l) ?? undefined };
  };
  const cote = (l: LigneVersion | undefined, critV: string | undefined, r: number, numCol: string) => {
    if (!l) return { q: null, t: null, m: null } as { q: CellSpec; t: CellSpec; m: CellSpec };
    if (!critV) return { q: qte(l), t: dec(l.taux), m: centsToEuros(l.montant) };
    return {
      q: quantite(l, critV, r, numCol),
      t:
        l.taux === undefined
          ? null
          : { formula: valeurVersion("L", critV, r, numCol), result: dec(l.taux) ?? undefined },
      m: { formula: valeurVersion("M", critV, r, numCol), result: centsToEuros(l.montant) },
    };
  };
  // Each line's écart carries a note naming the two rows it compares (issue 14 §2); each figure read from « Versions »
  // (quantité, taux, montant of a version) and the écart's two parts carry their own.
  // Their texts are written when read (noteDifferee): 45 000 notes for 5 000 lines, not held as text meanwhile.
  c.lignes.forEach((lc, i) => {
    const r = premLigne + i;
    notes.push(noteDifferee(`N${r}`, () => noteDeLigne(lc, r, e, nomDe, nomA).text));
    notesDesCotes(notes, lc, premLigne + i, e, nomDe, nomA);
    const re = avecRealise ? realiseDe(i) : undefined;
    const ref = lc.a ?? (lc.de as LigneVersion);
    const autres = ref.code ? (lignesDuCode.get(ref.code) ?? []) : [];
    if (re) {
      const quoi = `ligne ${ref.code} « ${ref.libelle} »`;
      if (autres.length === 1)
        noteRealise(premLigne + i, quoi, re.montant, lc.a?.montant ?? ZERO, realiseDuPoste(ref.code as string, re));
      else
        noteRealise(
          premLigne + i,
          `poste ${ref.code} (${autres.length} lignes du devis)`,
          re.montant,
          sumCents(autres.map((j) => c.lignes[j].a?.montant ?? ZERO)),
          `${realiseDuPoste(ref.code as string, re)} ; compté une fois pour les ${autres.length} lignes qui portent ` +
            `ce code (${autres.map((j) => `ligne ${premLigne + j}`).join(", ")})`,
          montantsADuPoste(ref.code as string),
        );
    }
  });
  sansLigne.forEach(([code, re], i) =>
    noteRealise(
      premLigne + c.lignes.length + i,
      `poste ${code} « ${re.libelle || code} » (${REALISE_SANS_LIGNE})`,
      re.montant,
      ZERO,
      realiseDuPoste(code, re),
    ),
  );
  // Comments are given to the lines once, before the rows are generated (bulk rows may be generated twice).
  // (Keys are only made when there are comments to give: 5 000 lines' normalised labels otherwise.)
  const commentairesLignes = c.lignes.map((lc) => {
    if (!restants.size) return null;
    const ref = lc.a ?? (lc.de as LigneVersion);
    return prendre(
      cleLigne(lc.chapitre, ref.code, ref.libelle),
      ...(lc.de && lc.de !== ref ? [cleLigne(lc.chapitre, lc.de.code, lc.de.libelle)] : []),
    );
  });
  const ligneComparee = (lc: LigneComparee, i: number): CellSpec[] => {
    const r = premLigne + i;
    const row = ligneVide();
    const ref = lc.a ?? (lc.de as LigneVersion);
    row[COL_C.statut] = LIBELLE_STATUT[lc.statut];
    row[COL_C.chapitre] = lc.chapitre;
    row[COL_C.code] = ref.code ?? null;
    row[COL_C.libelle] = ref.libelle;
    row[COL_C.ancienLibelle] = lc.renommee && lc.de ? lc.de.libelle : null;
    row[COL_C.numeroDe] = lc.de ? lc.de.numero : null;
    row[COL_C.numeroA] = lc.a ? lc.a.numero : null;
    const d = cote(lc.de, critDe, r, "F");
    const a = cote(lc.a, critA, r, "G");
    row[COL_C.quantiteDe] = d.q;
    row[COL_C.quantiteA] = a.q;
    row[COL_C.tauxDe] = d.t;
    row[COL_C.tauxA] = a.t;
    row[COL_C.montantDe] = d.m;
    row[COL_C.montantA] = a.m;
    row[COL_C.ecart] = { formula: `M${r}-L${r}`, result: centsToEuros(lc.delta) };
    row[COL_C.effetQuantite] =
      lc.effetQuantite === undefined
        ? null
        : { formula: `ROUND((I${r}-H${r})*J${r},2)`, result: centsToEuros(lc.effetQuantite) };
    row[COL_C.effetTaux] = {
      formula: `N${r}-O${r}`,
      result: centsToEuros(subCents(lc.delta, lc.effetQuantite ?? ZERO)),
    };
    row[COL_C.cellule] = lienCellule(ref.cellule);
    row[COL_C.commentaire] = commentairesLignes[i];
    if (avecRealise) {
      const re = realiseDe(i);
      const ma = re ? montantsADuPoste(ref.code as string) : [];
      row[COL_C.realise] = re ? { formula: re.cellule, result: centsToEuros(re.montant) } : null;
      row[COL_C.ecartRealise] = re ? { formula: ma.length > 1 ? `S${r}-SUM(${ma.join(",")})` : `S${r}-M${r}` } : null;
    }
    return row;
  };

  const ligneSansLigne = ([code, re]: [string, RealiseDePoste], i: number): CellSpec[] => {
    const r = premLigne + c.lignes.length + i;
    const row = ligneVide();
    row[COL_C.statut] = REALISE_SANS_LIGNE;
    row[COL_C.chapitre] = re.chapitre || code;
    row[COL_C.code] = code;
    row[COL_C.libelle] = re.libelle || code;
    row[COL_C.cellule] = lienCellule(re.cellule);
    row[COL_C.commentaire] = commentairesSansLigne[i];
    row[COL_C.realise] = { formula: re.cellule, result: centsToEuros(re.montant) };
    row[COL_C.ecartRealise] = { formula: `S${r}-M${r}` };
    return row;
  };
  const commentairesSansLigne = sansLigne.map(([code, re]) =>
    restants.size ? prendre(cleLigne(re.chapitre || code, code, re.libelle || code)) : null,
  );

  // Comments whose line is no longer in the comparison: kept, never dropped.
  const orphelins = [...restants.values()].flat();
  const fin: CellSpec[][] = [];
  if (orphelins.length) {
    fin.push([]);
    fin.push([`Commentaires d'une comparaison précédente dont la ligne n'est plus comparée (conservés) :`]);
    for (const o of orphelins) {
      const row = ligneVide();
      row[COL_C.statut] = o.surChapitre ? CHAPITRE : CONSERVE;
      row[COL_C.chapitre] = o.chapitre || null;
      row[COL_C.code] = o.code || null;
      row[COL_C.libelle] = o.libelle || null;
      row[COL_C.commentaire] = o.texte;
      fin.push(row);
    }
  }
  if (!c.lignes.length) rows.push(["Aucune ligne dans les deux versions."], ...fin);
  // The lines are generated while writing (bulk): a 5 000-line comparison is never held as cells.
  const bulk = c.lignes.length
    ? {
        count: c.lignes.length + sansLigne.length + fin.length,
        *rows(): Iterable<CellSpec[]> {
          for (let i = 0; i < c.lignes.length; i++) yield ligneComparee(c.lignes[i], i);
          for (let i = 0; i < sansLigne.length; i++) yield ligneSansLigne(sansLigne[i], i);
          yield* fin;
        },
      }
    : undefined;

  const money = FORMAT_EXCEL.montant;
  const plageLignes = `A${premLigne}:${avecRealise ? "T" : "R"}${derLigne}`;
  const cf: ConditionalFormat[] = [
    { range: plageLignes, formula: `$A${premLigne}="${LIBELLE_STATUT.ajoutee}"`, fill: "#E2EFDA" },
    {
      range: plageLignes,
      formula: `$A${premLigne}="${LIBELLE_STATUT.supprimee}"`,
      fill: "#EDEDED",
      fontColor: "#7F7F7F",
    },
    { range: plageLignes, formula: `$A${premLigne}="${LIBELLE_STATUT.modifiee}"`, fill: "#FFF2CC" },
    { range: `N${premChap}:N${derLigne}`, formula: `N${premChap}>0`, fontColor: "#C00000", bold: true },
    { range: `N${premChap}:N${derLigne}`, formula: `N${premChap}<0`, fontColor: "#375623", bold: true },
  ];
  if (avecRealise)
    cf.push(
      { range: `T${premChap}:T${derLigne}`, formula: `T${premChap}>0`, fontColor: "#C00000", bold: true },
      { range: `T${premChap}:T${derLigne}`, formula: `T${premChap}<0`, fontColor: "#375623", bold: true },
    );
  return {
    name: nom,
    rows,
    ...(bulk ? { bulk } : {}),
    columns: [
      { width: 11 },
      { width: 9, numFmt: FORMAT_EXCEL.texte },
      { width: 9, numFmt: FORMAT_EXCEL.texte },
      { width: 36 },
      { width: 24 },
      { width: 6 },
      { width: 6 },
      { width: 10, numFmt: FORMAT_EXCEL.quantite },
      { width: 10, numFmt: FORMAT_EXCEL.quantite },
      { width: 11, numFmt: FORMAT_EXCEL.montantSansSymbole },
      { width: 11, numFmt: FORMAT_EXCEL.montantSansSymbole },
      { width: 15, numFmt: money },
      { width: 15, numFmt: money },
      { width: 15, numFmt: money },
      { width: 14, numFmt: money },
      { width: 14, numFmt: money },
      { width: 18 },
      { width: 40 },
      ...(avecRealise
        ? [
            { width: 16, numFmt: money },
            { width: 15, numFmt: money },
          ]
        : []),
    ],
    formats: [
      { range: "A1", bold: true },
      { range: "A2:A3", bold: true },
      { range: "B2:B3", bold: true, fill: "#FFF2CC" },
      { range: "A4", italic: true },
      { range: `A${enteteChap + 1}:${avecRealise ? "T" : "R"}${enteteChap + 1}`, bold: true, fill: "#D9E1F2" },
      { range: `O${premChap}:O${avecNonPlaces ? ligneNonPlaces : ligneTotal}`, numFmt: FORMAT_EXCEL.pourcent },
      ...(avecNonPlaces
        ? [{ range: `A${ligneNonPlaces}:${avecRealise ? "T" : "R"}${ligneNonPlaces}`, italic: true }]
        : []),
      { range: `A${ligneTotal}:${avecRealise ? "T" : "R"}${ligneTotal}`, bold: true, borderTop: true },
      { range: `R${premChap}:R${derLigne}`, wrap: true },
    ],
    tables: c.lignes.length
      ? [
          {
            name: TABLE_COMPARAISON,
            range: `A${premLigne - 1}:${avecRealise ? "T" : "R"}${derLigne}`,
            style: "TableStyleLight1",
          },
        ]
      : [],
    conditionalFormats: cf,
    notes,
    freeze: { rows: 3 },
    tabColor: "#7030A0",
  };
}

/** Where a side's amount of a line comes from: its row of « Versions » (by version and N°), or the producer's cell. */
function sourceMontant(l: LigneVersion | undefined, version: Version | undefined, e: EntreeComparaison): string {
  if (!l) return "ligne absente de cette version";
  if (!version) return `devis actuel, écrit en valeur depuis ${l.cellule}`;
  const n = ligneDansVersions(l);
  const critere = `SOMME.SI.ENS par version et N° ${l.numero}`;
  return n === undefined
    ? `${critere} dans « ${e.feuilleVersions} »`
    : `lu en ${nomFeuilleRef(e.feuilleVersions)}!M${n}, ${critere}`;
}

/**
 * The note of a line's écart (column N): the two cells it compares on the line (L and M) and where each is read —
 * the line's row of each version in « Versions » (or, for the current devis, the producer's cell) — then its two
 * parts, effet quantité (O) and effet taux et autres (P), with their formulas (each part has its own note too,
 * `notesDesCotes`).
 *
 * The text is noteDeTrace's for the trace `traceDeLigne` gives (a test holds them equal), written directly: 5 000
 * lines, where the generic writer's decimal arithmetic and cell-range parsing cost a tenth of `comparer -o`.
 */
export function noteDeLigne(lc: LigneComparee, r: number, e: EntreeComparaison, nomDe: string, nomA: string): NoteSpec {
  const ref = lc.a ?? (lc.de as LigneVersion);
  const m = (c: Cents) => formatMontantFr(c);
  const texte =
    // Signed as noteDeTrace writes an écart (valeurSigneeFr).
    `${libelleEcart(ref)} : ${formatEcartFr(lc.delta)}\n` +
    `= Montant à − Montant de (M${r} − L${r})\n` +
    `← Montant à, ${nomA} : ${m(lc.a?.montant ?? ZERO)} (${sourceMontant(lc.a, e.versionA, e)}) [M${r}]\n` +
    `← Montant de, ${nomDe} : ${m(lc.de?.montant ?? ZERO)} (${sourceMontant(lc.de, e.versionDe, e)}) [L${r}]\n` +
    `Cellules lues : M${r}, L${r}\n` +
    partiesDeLigne(lc, r) +
    "\n(Prodbook, « D'où vient ce chiffre ? »)";
  // Cut as noteDeTrace cuts (a label of 700 characters).
  return {
    cell: `N${r}`,
    text: texte.length > LONGUEUR_NOTE_MAX ? `${texte.slice(0, LONGUEUR_NOTE_MAX - 1)}…` : texte,
  };
}

const SIGNATURE = "\n(Prodbook, « D'où vient ce chiffre ? »)";

/** A line's quantity as the sheet computes it (quantité × nombre), exactly, in French. */
function quantiteFr(l: LigneVersion): string {
  const seul = l.nombre === undefined || l.nombre === "1" ? (l.quantite ?? "1") : l.quantite === "1" ? l.nombre : "";
  return decimalFr(seul || (quantiteTotale(l)?.toFixed() ?? "0"));
}

/**
 * The notes of the figures of a line that a version's row of « Versions » gives (columns H to M: quantité, taux,
 * montant, the formula of each side read by SOMME.SI.ENS on the version's name and the line's N°; none on the current
 * devis' side, written as values) and of the écart's two parts (O, P). Written directly, short: 5 000 lines.
 */
export function notesDesCotes(
  notes: NoteSpec[],
  lc: LigneComparee,
  r: number,
  e: EntreeComparaison,
  nomDe: string,
  nomA: string,
): void {
  const V = nomFeuilleRef(e.feuilleVersions);
  const cote = (
    l: LigneVersion | undefined,
    version: Version | undefined,
    nom: string,
    qte: string,
    tx: string,
    mt: string,
  ) => {
    if (!l || !version) return;
    const n = ligneDansVersions(l);
    // « lu en Versions!M45 » (the row the formula finds), else the sheet named; the criteria said in either case.
    const lu = (x: string) =>
      n === undefined ? `lu dans « ${e.feuilleVersions} » (colonne ${x})` : `lu en ${V}!${x}${n}`;
    const fin = () => ` de la ligne n° ${l.numero} de la ${nom}, `;
    const critere = ` (SOMME.SI.ENS par version (A) et N° (D))${SIGNATURE}`;
    if (l.quantite !== undefined || l.nombre !== undefined)
      notes.push(
        noteDifferee(qte + r, () => {
          const ou =
            l.quantite === undefined
              ? `nombre${fin()}${lu("J")}`
              : l.nombre === undefined
                ? `quantité${fin()}${lu("I")}`
                : n === undefined
                  ? `quantité × nombre${fin()}lus dans « ${e.feuilleVersions} » (colonnes I et J)`
                  : `quantité × nombre${fin()}lus en ${V}!I${n} et J${n}`;
          return `Quantité, ${nom} : ${quantiteFr(l)}\n= ${ou}${critere}`;
        }),
      );
    const taux = l.taux;
    if (taux !== undefined)
      notes.push(noteDifferee(tx + r, () => `Taux, ${nom} : ${decimalFr(taux)} €\n= taux${fin()}${lu("L")}${critere}`));
    notes.push(
      noteDifferee(
        mt + r,
        () => `Montant, ${nom} : ${formatMontantFr(l.montant)}\n= montant${fin()}${lu("M")}${critere}`,
      ),
    );
  };
  cote(lc.de, e.versionDe, nomDe, "H", "J", "L");
  cote(lc.a, e.versionA, nomA, "I", "K", "M");
  const effet = lc.effetQuantite;
  const de = lc.de,
    a = lc.a;
  if (effet !== undefined && de && a && de.taux !== undefined) {
    const tauxDe = de.taux;
    notes.push(
      noteDifferee(
        `O${r}`,
        () =>
          `dont effet quantité : ${formatEcartFr(effet)}\n` +
          `= (quantité à − quantité de) × taux de, arrondi au centime : ARRONDI((I${r} − H${r}) × J${r} ; 2) = ` +
          `(${quantiteFr(a)} − ${quantiteFr(de)}) × ${decimalFr(tauxDe)} €${SIGNATURE}`,
      ),
    );
  }
  notes.push(
    noteDifferee(
      `P${r}`,
      () =>
        `dont effet taux et autres : ${formatEcartFr(subCents(lc.delta, effet ?? ZERO))}\n` +
        (effet === undefined
          ? `= écart (N${r}) : pas d'effet quantité (quantité ou taux absent d'un côté) ; N${r} − O${r} = ` +
            formatEcartFr(lc.delta)
          : `= écart − effet quantité : N${r} − O${r} = ${formatEcartFr(lc.delta)} − ${formatEcartFr(effet)}`) +
        SIGNATURE,
    ),
  );
}

/**
 * A note whose text is written each time it is read (a getter), not held: the 45 000 notes of a 5 000-line
 * comparison, held as text (a few hundred characters each) from the sheet's building to its writing, kept the
 * engine's garbage collector copying them. A reader reads `text` once per use.
 *
 * The getter is the class's, not each object's: an object literal with its own getter is built by a call into the
 * engine's runtime each time (an accessor pair per note), which cost about a tenth of `versions comparer -o`.
 */
class NoteDifferee implements NoteSpec {
  constructor(
    readonly cell: string,
    private readonly texte: () => string,
  ) {}
  get text(): string {
    return this.texte();
  }
}

export function noteDifferee(cell: string, texte: () => string): NoteSpec {
  return new NoteDifferee(cell, texte);
}

const libelleEcart = (ref: LigneVersion) => `Écart de la ligne ${ref.code ? `${ref.code} ` : ""}« ${ref.libelle} »`;

/** The line of the note telling the écart's two parts (columns O and P). */
function partiesDeLigne(lc: LigneComparee, r: number): string {
  const effet = lc.effetQuantite;
  return effet === undefined
    ? `dont effet quantité (O${r}) : sans objet (quantité ou taux absent d'un côté) ; ` +
        `effet taux et autres (P${r}) = écart : ${formatMontantFr(lc.delta)}`
    : `dont effet quantité (O${r}) = ARRONDI((I${r} − H${r}) × J${r} ; 2), (quantité à − quantité de) × taux de : ` +
        `${formatMontantFr(effet)} ; effet taux et autres (P${r}) = N${r} − O${r} : ` +
        formatMontantFr(subCents(lc.delta, effet));
}

/** The trace of a line's écart, as « D'où vient ce chiffre ? » has it: what noteDeLigne writes (see the test). */
export function traceDeLigne(lc: LigneComparee, r: number, e: EntreeComparaison, nomDe: string, nomA: string) {
  const ref = lc.a ?? (lc.de as LigneVersion);
  const montant = (l: LigneVersion | undefined) => euros(l?.montant ?? ZERO);
  const trace = noeud(
    libelleEcart(ref),
    euros(lc.delta),
    "euros",
    "difference",
    [
      feuille(`Montant à, ${nomA}`, montant(lc.a), "euros", {
        cellule: `M${r}`,
        formule: sourceMontant(lc.a, e.versionA, e),
      }),
      feuille(`Montant de, ${nomDe}`, montant(lc.de), "euros", {
        cellule: `L${r}`,
        formule: sourceMontant(lc.de, e.versionDe, e),
      }),
    ],
    { formule: `Montant à − Montant de (M${r} − L${r})` },
  );
  return { trace, complements: [partiesDeLigne(lc, r)] };
}
