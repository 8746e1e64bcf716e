import type { CellData, SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import { parseAdresse, plagesFusionnees } from "../util/adresse";
import { sansUniteMilliers } from "./unites";
import { analyserMontant } from "../money";

/** The columns a producer's devis may have; `libelle` and `montant` (or `taux`) are needed to call it a devis. */
export type Colonne =
  | "code"
  | "libelle"
  | "quantite"
  | "nombre"
  | "unite"
  | "taux"
  | "montant"
  | "tauxCharges"
  | "categorie"
  | "territoire"
  | "eligibleCI"
  /** CNC forms: "Montant total | dont France | dont étranger" — the split gives the line's share spent in France. */
  | "montantFrance"
  | "montantEtranger"
  /** Flat tables: the chapter of each line in its own column ("2 - Personnel", "02", "Post-production"). */
  | "chapitre"
  /** "Brut | Charges patronales | Total chargé": each line's employer charges, in euros (or as a rate). */
  | "montantCharges";

export type Colonnes = Partial<Record<Colonne, number>>;

export interface Entete {
  /** 0-based row of the header (the lower row when the header is split over two rows). */
  ligne: number;
  /**
   * 0-based first row of the header (`ligne` for a header on one row; the upper row of one split over two or three).
   * Set for the headers of tables stacked lower (entetesSuivants): their rows from `debut` to `ligne` are the header's.
   */
  debut?: number;
  colonnes: Colonnes;
  /**
   * « | Tarif | Jours | Montant »: the header names only the numeric columns; the labels were found in the unheaded
   * text column `col` left of the numeric block, which starts at column `aGaucheDe`.
   */
  libelleSansEntete?: { col: number; aGaucheDe: number };
  /** Several amount columns (« Montant TTC | Montant TVA | Montant HT »): the one read and those left aside. */
  montants?: {
    retenue: ColonneMontant;
    ecartees: ColonneMontant[];
    choix: ChoixMontant;
    /** Columns alike holding amounts (the visible ones when some are): the totals of each decide (import.ts). */
    semblables?: ColonneMontant[];
  };
  /**
   * « Code | Désignation | Montant | | Code | Désignation | Montant »: the header repeats its label/amount block to
   * the right, on the same row. Only the first block is the devis (its columns end before `debut`); the second one,
   * columns `debut` to `fin`, is never read, its amount column `montant` named with its sum (import.ts).
   */
  secondBloc?: SecondBloc;
}

/** The block repeating the header to the right: its first and last columns, its amount column (0-based). */
export interface SecondBloc {
  debut: number;
  fin: number;
  montant: number;
  /** The first block's first and last columns (0-based). */
  premier: { debut: number; fin: number };
  /** The second block has headers of its own (« Poste | Coût »), not the first block's repeated. */
  autreEntete?: true;
}

/**
 * How the amount column was chosen among several: `taxes` HT before TTC and TVA (proven line by line when the
 * three are there); `version` the latest of « Montant V1 | Montant V2 »; `visible` the only visible one of columns
 * alike (the others hidden by the producer); `aDroite` the rightmost of columns alike; `seule` the only one of
 * columns alike holding amounts; `totaux` the one whose subtotals and totals its lines prove (sum or formula) when
 * the others' do not.
 */
export type ChoixMontant = "taxes" | "version" | "visible" | "aDroite" | "seule" | "totaux";

/** An amount column of the header: its 0-based index, the header's text and what it holds. */
export interface ColonneMontant {
  col: number;
  entete: string;
  /** ht: « Montant HT »; ttc: « Montant TTC »; tva: « Montant TVA »; montant: « Montant » with no tax mention. */
  nature: "ht" | "ttc" | "tva" | "montant";
  /** « Montant V2 »: the version number. */
  version?: number;
}

/**
 * Header synonyms, French and English, normalised (lower case, no accents). Order matters: the more specific
 * ones first ("taux charges" before "taux", "montant ht" and "total" last for the amount).
 */
const SYNONYMES: readonly [Colonne, RegExp][] = [
  [
    "tauxCharges",
    /^(taux|tx|%)\s*(de\s*)?(charges?|cs)\b|^charges?\s*(%|sociales\s*%|taux)|^(charges rate|social charges %|% charges)/,
  ],
  ["eligibleCI", /^(eligible|eligibilite)\b|^ci\b|^credit d'impot|^tax credit|^c\.i\.?$/],
  ["montantFrance", /^(dont |part |montant |depenses? )*(en )?france$/],
  ["montantEtranger", /^(dont |part |montant |depenses? )*(a l' ?|en |l')?etranger$|^(dont )?hors france$/],
  ["territoire", /^(territoire|territory|lieu de depense|pays|localisation|france\s*\/\s*etranger|fr\s*\/\s*etr)/],
  [
    "montantCharges",
    /^(charges|charges (patronales|sociales|employeur)|cotisations( patronales)?|montant (des )?charges)$/,
  ],
  ["chapitre", /^(chapitre|chap\.?|chapitre cnc|rubrique|rubrique cnc)$/],
  ["categorie", /^(categorie|category|cat\.?|type de (depense|ligne|poste)|nature)$/],
  ["unite", /^(unite|unit|u\.?|unites|units)$/],
  [
    "quantite",
    /^(qte|qt|qty|quantite|quantity|quant\.?|duree|jours|(nb|nbre|nombre) (de )?(jours|j|semaines|sem|heures|h|mois|cachets|unites))$/,
  ],
  [
    "nombre",
    /^(nb|nbre|nombre|number|no of|nb pers\.?|nb personnes|(nb|nombre) de personnes|effectif|pers\.?|personnes|people|headcount|x)$/,
  ],
  [
    "taux",
    new RegExp(
      String.raw`^(tarif|taux|prix|rate|pu|p\.?\s?u\.?|prix unit\.?|(prix|tarif|cout|taux|` +
        String.raw`salaire( brut)?|brut)\s*(unitaire|journalier|horaire|hebdo|hebdomadaire|` +
        String.raw`(\/ ?|par |a la )?(jour|j|journee|semaine|sem|heure|unite))|unit (price|cost|rate)|day rate|weekly rate)$`,
    ),
  ],
  [
    "montant",
    new RegExp(
      String.raw`^(montant|montant total|total|brut|brut total|total brut|salaire brut|montant brut|` +
        String.raw`amount|cost|cout|cout total|budget|budget previsionnel|prevu|prevision|` +
        String.raw`montant prevu|montant previsionnel|total budget|montant budget|montant budgete|budgete|devis|` +
        String.raw`total cost)$`,
    ),
  ],
  ["code", /^(code|n°|no|num|numero|n|compte|ref|reference|code poste|n° poste|#|line|code cnc|acct|account)$/],
  [
    "libelle",
    new RegExp(
      String.raw`^((designation|libelle|description|intitule|nature de la depense)( (du|` +
        String.raw`des) postes?)?|libelles|details?|description du poste|item description|` +
        String.raw`postes?|items?|line items?)$`,
    ),
  ],
];

/**
 * « Montant révisé », « Montant initial »: a revision of the estimate, ranked like a version (« initial »,
 * « d'origine », « ancien » below a column without mention; « révisé », « actualisé », « corrigé »… above every
 * numbered version). « Coût définitif », « Coût final » are not revisions: they are the costs actually spent (the
 * CNC's coût définitif), never read as the devis.
 */
const REVISION = new RegExp(
  String.raw`\s+(?:(initiale?s?|d'origine|anciens?|ancienne)|(revisee?s?|actualisee?s?|corrigee?s?|ajustee?s?|` +
    String.raw`modifiee?s?|mis a jour|nouveau|nouvelle))$`,
);
export const REVISION_ANCIENNE = -1;
const REVISION_RECENTE = 100;

/** « Montant V2 » → { base: "montant", version: 2 }; « Montant révisé » → version 100; undefined without one. */
function versionDe(s: string): { base: string; version: number } | undefined {
  const v = /^(.+?)\s*\(?\b(?:v|version|vers\.?)\s*(\d{1,2})\)?$/.exec(s);
  if (v) return { base: v[1], version: Number(v[2]) };
  const r = REVISION.exec(s);
  if (r) return { base: s.slice(0, r.index).trim(), version: r[1] ? REVISION_ANCIENNE : REVISION_RECENTE };
  return undefined;
}

function nettoyer(v: CellData): string | undefined {
  if (typeof v.v !== "string") return undefined;
  // « Montant (k€) », « KEUR »: the unit is read apart (unites.ts, echelle.ts), the column is still the amount.
  let s = sansUniteMilliers(normaliser(v.v)).replace(/\((€|eur|euros|en €|en euros|ht|€ ht|%)\)/g, "");
  // "Montant € HT :", "Total HT (€)": units and tax mentions after the name.
  for (let i = 0; i < 3; i++)
    s = s
      .replace(/[:*.]+$/, "")
      .replace(/\s*(€|eur|euros|ht|h\.t\.?)\s*$/, "")
      .trim();
  return s.replace(/\s+/g, " ").trim() || undefined;
}

/** Line totals in English budgets ("Amount | Units | X | Rate | Subtotal"), never a header's first choice. */
const SOUS_TOTAL_LIGNE = /^(sub-?total|sous-?total|line total|total ligne|total line)$/;

function roleDe(s: string): Colonne | undefined {
  for (const [role, re] of SYNONYMES) if (re.test(s)) return role;
  return undefined;
}

/** Roles of the cells of one row; each role taken by its first column. "Poste" is the code when another column holds the label. */
export function colonnesDe(row: CellData[], masquees: readonly number[] = []): Colonnes {
  return colonnesDeTextes(
    row.map((c) => [nettoyer(c)]),
    masquees,
  );
}

/**
 * Roles from candidate texts per column (for a two-row header: "top bottom", then bottom, then top). Hidden
 * columns (the producer's helpers, an old version of the amounts) take a role only when no visible column has it.
 */
function colonnesDeTextes(candidats: (string | undefined)[][], masquees: readonly number[]): Colonnes {
  const out: Colonnes = {};
  const postes: number[] = [];
  const sousTotaux: number[] = [];
  const versions: Partial<Record<Colonne, number>> = {};
  const ordre = candidats
    .map((_, c) => c)
    .sort((a, b) => Number(masquees.includes(a)) - Number(masquees.includes(b)) || a - b);
  for (const c of ordre) {
    for (const s of candidats[c]) {
      if (!s || s.length > 40) continue;
      // "Montant V2", "Tarif (version 3)", "Montant révisé": versions side by side, the latest one is the devis.
      const ver = versionDe(s);
      const role = roleDe(s) ?? (ver ? roleDe(ver.base) : undefined) ?? (montantTTC(s) ? "montant" : undefined);
      const version = ver && roleDe(ver.base) ? ver.version : undefined;
      if (!role) {
        if (SOUS_TOTAL_LIGNE.test(s)) {
          sousTotaux.push(c);
          break;
        }
        continue;
      }
      // "Poste" / "Item": the label, unless another column is the label (then the code).
      if (role === "libelle" && /^(postes?|items?)$/.test(s)) postes.push(c);
      else if (
        out[role] === undefined ||
        (version !== undefined &&
          version > (versions[role] ?? -1) &&
          (masquees.includes(c) || !masquees.includes(out[role] as number)))
      ) {
        out[role] = c;
        if (version !== undefined) versions[role] = version;
      }
      break;
    }
  }
  for (const c of postes) {
    if (out.libelle === undefined) out.libelle = c;
    else if (out.code === undefined && c < out.libelle) out.code = c;
  }
  // "Amount | Units | X | Rate | Subtotal" (Movie Magic): an "amount" left of the rate, with a total column to
  // the right of the rate, is the quantity; the line's amount is that total.
  const apresTaux = (c: number) => out.taux !== undefined && c > out.taux;
  const droite = [
    ...sousTotaux,
    ...candidats
      .map((_, c) => c)
      .filter((c) => c !== out.montant && candidats[c].some((s) => s && roleDe(s) === "montant")),
  ]
    .filter(apresTaux)
    .sort((a, b) => a - b)[0];
  if (out.montant === undefined) out.montant = droite ?? sousTotaux[0];
  else if (out.taux !== undefined && out.montant < out.taux && droite !== undefined) {
    if (out.quantite === undefined) out.quantite = out.montant;
    out.montant = droite;
  }
  return out;
}

/** Column → text of the header cell, a horizontally merged title repeated over the columns it spans. */
function textesAvecFusions(sheet: SheetData, r: number): (string | undefined)[] {
  const row = sheet.rows[r] ?? [];
  const out = row.map((c) => nettoyer(c));
  for (const m of sheet.merges) {
    const [a, b] = m.split(":");
    if (!b) continue;
    const p = parseAdresse(a),
      q = parseAdresse(b);
    if (r < p.row || r > q.row || !row[p.col]) continue;
    const t = r === p.row ? out[p.col] : nettoyer(sheet.rows[p.row]?.[p.col] ?? { v: null });
    for (let c = p.col; c <= q.col && c < out.length; c++) out[c] = t;
  }
  return out;
}

/** A second header row: short texts only (≥ 2 cells), no number. */
function ligneDeSousEntete(row: CellData[] | undefined): boolean {
  if (!row) return false;
  const pleines = row.filter((c) => c.v !== null && c.v !== "");
  return pleines.length >= 2 && pleines.every((c) => typeof c.v === "string" && c.v.trim().length <= 40);
}

/**
 * A header split over two rows ("Quantité" merged over "Nb | Unité", "Prix" over "unitaire", "Coût" over
 * "total"): the roles of "top bottom", else bottom, else top, per column. Undefined unless the lower row
 * adds a role the upper row alone does not give.
 */
function enteteSurDeuxLignes(
  sheet: SheetData,
  r: number,
  seule: Colonnes,
  masquees: readonly number[],
): Colonnes | undefined {
  if (!ligneDeSousEntete(sheet.rows[r + 1])) return undefined;
  const haut = textesAvecFusions(sheet, r);
  const bas = (sheet.rows[r + 1] ?? []).map((c) => nettoyer(c));
  const n = Math.max(haut.length, bas.length);
  const candidats: (string | undefined)[][] = [];
  for (let c = 0; c < n; c++) {
    const h = haut[c],
      b = bas[c];
    candidats.push([h && b ? `${h} ${b}` : undefined, b, h]);
  }
  const deux = colonnesDeTextes(candidats, masquees);
  const roles = (x: Colonnes) => JSON.stringify(Object.entries(x).sort());
  // « Coût » merged over « HT | TTC »: the same roles, but the lower row says which amount each column holds; it is
  // the header's (read as such by choisirMontant), not a line whose « HT » would be no amount.
  const dessous = sheet.rows[r + 1] ?? [];
  const natures =
    seule.montant !== undefined &&
    natureMontant(dessous[seule.montant]) !== undefined &&
    dessous.filter((c, i) => natureMontant(c) !== undefined && haut[i]).length >= 2;
  if (natures && roles(deux) === roles(seule)) return deux;
  if (score(deux) < score(seule) || roles(deux) === roles(seule)) return undefined;
  // The lower row must itself name something: otherwise it is a first line of text (a chapter title).
  const parLeBas = candidats.some(
    (cs, c) =>
      (cs[0] || cs[1]) &&
      [cs[0], cs[1]].some((s) => s && (roleDe(s) || SOUS_TOTAL_LIGNE.test(s))) &&
      Object.values(deux).includes(c),
  );
  return parLeBas ? deux : undefined;
}

/**
 * A header over three rows: a group row (« Prévisionnel » merged over the figures, « Code » and « Libellé » on
 * the left), then a two-row header under it. Per column: "middle bottom", else bottom, else middle, else top.
 * Undefined unless the third row adds a role (or a better one) to the header of rows r and r + 1.
 */
function enteteSurTroisLignes(
  sheet: SheetData,
  r: number,
  deux: Colonnes,
  masquees: readonly number[],
): Colonnes | undefined {
  if (!ligneDeSousEntete(sheet.rows[r + 1]) || !ligneDeSousEntete(sheet.rows[r + 2])) return undefined;
  const haut = textesAvecFusions(sheet, r);
  const milieu = textesAvecFusions(sheet, r + 1);
  const bas = (sheet.rows[r + 2] ?? []).map((c) => nettoyer(c));
  const n = Math.max(haut.length, milieu.length, bas.length);
  const candidats: (string | undefined)[][] = [];
  for (let c = 0; c < n; c++) {
    const h = haut[c],
      m = milieu[c],
      b = bas[c];
    candidats.push([m && b ? `${m} ${b}` : undefined, b, m, h]);
  }
  const trois = colonnesDeTextes(candidats, masquees);
  const roles = (x: Colonnes) => JSON.stringify(Object.entries(x).sort());
  if (score(trois) < score(deux) || roles(trois) === roles(deux)) return undefined;
  const parLeBas = candidats.some(
    (cs, c) => (cs[0] || cs[1]) && [cs[0], cs[1]].some((t) => t && roleDe(t)) && Object.values(trois).includes(c),
  );
  return parLeBas ? trois : undefined;
}

/**
 * Numbers or amounts typed as text (« 1 234,56 € », « € 1 200 », « 500 EUR », « 12.500 ») in column `col` of the 29
 * rows below row `r`: the texts the import reads as amounts (or names as ambiguous), by the same parser.
 */
function montantsOuTextesSous(sheet: SheetData, r: number, col: number): number {
  let n = 0;
  for (const row of sheet.rows.slice(r + 1, r + 30)) {
    const c = row[col];
    if (!c || c.erreur) continue;
    if (typeof c.v === "number") n++;
    else if (typeof c.v === "string" && /\d/.test(c.v) && ["montant", "ambigu"].includes(analyserMontant(c.v).type))
      n++;
  }
  return n;
}

function score(cols: Colonnes): number {
  return Object.keys(cols).length;
}

const qualifie = (cols: Colonnes) =>
  cols.libelle !== undefined && (cols.montant !== undefined || cols.taux !== undefined);

const TTC = /(^|[\s(])(ttc|t\.t\.c\.?|toutes taxes comprises|incl\.? vat|including vat)(?=$|[\s)])/;
const HT = /(^|[\s(])(ht|h\.t\.?|hors taxes?|hors tva|excl\.? vat|excluding vat)(?=$|[\s)])/;
const TVA = /(^|[\s(])(tva|t\.v\.a\.?|vat)(?=$|[\s)])/;

/** « Montant V2 », « Montant (version 3) »: a version suffix. */
const VERSION = /\s*\(?\b(?:v|version|vers\.?)\s*(\d{1,2})\)?\s*$/;

/** « Montant TTC » alone, the only amount column of a header: the amount, said to be TTC. */
function montantTTC(s: string): boolean {
  return natureDeTexte(s) === "ttc";
}

/** What an amount header holds: « Montant HT », « Total TTC », « TVA », « Montant »; undefined for anything else. */
function natureMontant(c: CellData | undefined): ColonneMontant["nature"] | undefined {
  return typeof c?.v === "string" ? natureDeTexte(c.v) : undefined;
}

function natureDeTexte(texte: string): ColonneMontant["nature"] | undefined {
  const n = sansUniteMilliers(normaliser(texte))
    .replace(/\((€|eur|euros|en €|en euros)\)|[€:*]/g, " ")
    .replace(VERSION, "")
    .replace(/\s+/g, " ")
    .trim();
  const s = n.replace(REVISION, "").trim();
  // « Taux TVA », « Prix unitaire HT », « Tarif TTC »: rates, not amounts.
  if (!s || s.length > 40 || /^(taux|tx)\b/.test(s)) return undefined;
  const montantOuRien = (base: string) => {
    const b = base
      .replace(/\(?\d+([.,]\d+)?\s*%\)?/, " ")
      .replace(/\b(de la|de|des|du)\s*$/, " ")
      .replace(/\s+/g, " ")
      .trim();
    return b === "" || roleDe(b) === "montant";
  };
  for (const [re, nature] of [
    [TTC, "ttc"],
    [HT, "ht"],
    [TVA, "tva"],
  ] as const)
    if (re.test(s)) return montantOuRien(s.replace(re, " ")) ? nature : undefined;
  return roleDe(s) === "montant" ? "montant" : undefined;
}

/** A number or a numeric text below the header in that column (within 300 rows). */
function tientDesMontants(sheet: SheetData, ligne: number, col: number): boolean {
  return sheet.rows.slice(ligne + 1, ligne + 301).some((row) => {
    const v = row[col]?.v;
    return typeof v === "number" || (typeof v === "string" && /^\s*[-(]?\s*\d[\d\s.,]*\)?\s*(€|eur)?\s*$/i.test(v));
  });
}

/** « Réalisé », « Réel », « Dépensé », « Engagé », « Coût définitif »: what was spent, compared to the devis, not it. */
export const REALISE = new RegExp(
  String.raw`^(montant |cout |couts |total |budget |depenses? )?` +
    String.raw`(realises?|reels?|reelles?|depenses?|engages?|factures?|definitifs?|finals?|constates?)$`,
);

/**
 * A title above the header saying the réalisé, in words that say nothing else: « Réel », « Réalisé », « Constaté »,
 * « Dépenses réelles ». Not « Dépenses » (over a budget's costs beside « Recettes »), « Engagé », « Facturé » nor
 * « Définitif » (« Budget définitif » is a version of the devis): a title of those would take the devis for the réalisé.
 */
const TITRE_REALISE = new RegExp(
  String.raw`^(montant |cout |couts |total |budget |depenses? )?(realises?|reels?|reelles?|constates?)$`,
);

/**
 * The title on the row right above the header `ligne` over column `col` (its own cell, a merged cell spanning it, or,
 * its cell empty, the nearest title to its left that no merge holds) when it says the réalisé (« Prévu | Réel »
 * over « Qté | Montant » pairs, merged or typed over each pair's first column): the column under it is no devis.
 */
export function titreRealise(sheet: SheetData, ligne: number, col: number): string | undefined {
  const c = colonneDuTitre(sheet, ligne, col);
  const v = c === undefined ? undefined : sheet.rows[ligne - 1]?.[c]?.v;
  if (typeof v !== "string") return undefined;
  const t = normaliser(v)
    .replace(/\((€|eur|euros|en €|ht)\)/g, "")
    .replace(/\s*(€|eur|euros|ht)\s*$/, "")
    .trim();
  return TITRE_REALISE.test(t) ? v.trim() : undefined;
}

/**
 * The column of the title over column `col` on the row right above the header `ligne` (see titreRealise): its own
 * cell, the first column of a merge spanning it, or its cell empty, the nearest cell to its left that no merge holds;
 * undefined when that walk meets a merge (the column lies under no title).
 */
function colonneDuTitre(sheet: SheetData, ligne: number, col: number): number | undefined {
  if (ligne < 1) return undefined;
  const dessus = sheet.rows[ligne - 1] ?? [];
  const fusionnees = new Set<number>();
  let c = col;
  for (const p of plagesFusionnees(sheet.merges))
    if (p.r1 <= ligne - 1 && p.r2 >= ligne - 1 && p.r2 < ligne) {
      for (let k = p.c1; k <= p.c2; k++) fusionnees.add(k);
      if (p.c1 <= col && p.c2 >= col) c = p.c1;
    }
  const vide = (k: number) => dessus[k]?.v === null || dessus[k]?.v === undefined || String(dessus[k]?.v).trim() === "";
  if (!fusionnees.has(col)) {
    while (c > 0 && vide(c) && !fusionnees.has(c - 1)) c--;
    if (fusionnees.has(c)) return undefined;
  }
  return c;
}

/** The factors of a line's amount: read from the same group as the amount when « Prévu » and « Réel » each have theirs. */
const FACTEURS: readonly Colonne[] = ["quantite", "nombre", "unite", "taux"];

/**
 * « Réel | Prévu » over two « Qté | PU | Montant »: the amount read is the prévu's (choisirMontant) whatever the order,
 * while the header's roles took the first « Qté » and « PU », the réalisé's when it comes first. A factor column
 * under the réalisé's title is then replaced by the column of the same role under the amount's own title (else, the
 * amount under no title, the nearest one left of it under no réalisé's title); none such: the factor is not read,
 * never the réalisé's quantity multiplied by the prévu's rate.
 */
function facteursDuMontant(sheet: SheetData, ligne: number, cols: Colonnes): Colonnes {
  const montant = cols.montant;
  if (montant === undefined || titreRealise(sheet, ligne, montant) !== undefined) return cols;
  const aRemplacer = FACTEURS.filter(
    (k) => cols[k] !== undefined && titreRealise(sheet, ligne, cols[k]!) !== undefined,
  );
  if (!aRemplacer.length) return cols;
  const row = sheet.rows[ligne] ?? [];
  const groupe = colonneDuTitre(sheet, ligne, montant);
  const pris = new Set(Object.values(cols));
  const out = { ...cols };
  for (const k of aRemplacer) {
    const candidates = row
      .map((c, col) => col)
      .filter((col) => !pris.has(col) && roleEntete(row[col]) === k && titreRealise(sheet, ligne, col) === undefined);
    const memeTitre = candidates.filter((col) => groupe !== undefined && colonneDuTitre(sheet, ligne, col) === groupe);
    const choisie = memeTitre[0] ?? candidates.filter((col) => col < montant).pop();
    if (choisie === undefined) delete out[k];
    else out[k] = choisie;
  }
  return out;
}

/**
 * Several amount columns in the header. With a tax mention (« Montant TTC | Montant TVA | Montant HT »), the amount
 * read is HT (else the one without tax mention, else TTC); the others are left aside, named. Among columns alike
 * (« Montant | Montant », « Montant V1 | Montant V2 », two « Montant HT ») holding amounts, the one read is the
 * latest version, else the only visible one, else the rightmost: the choice is said, never silent.
 */
function choisirMontant(
  sheet: SheetData,
  ligne: number,
  cols: Colonnes,
  masquees: readonly number[],
): Entete["montants"] {
  const row = sheet.rows[ligne] ?? [];
  const liste: ColonneMontant[] = [];
  row.forEach((c, col) => {
    const nature = natureMontant(c);
    if (nature && (cols.montant === col || !Object.values(cols).includes(col))) {
      const entete = String(c.v).trim();
      const v = versionDe(
        normaliser(entete)
          .replace(/\((€|eur|euros|en €|en euros)\)|[€:*]/g, " ")
          .trim(),
      );
      liste.push({ col, entete, nature, ...(v ? { version: v.version } : {}) });
    }
  });
  // « Prévu | Réel » merged over two « Montant »: the réalisé's is no amount column of the devis (named by
  // colonnesNonLues), the other one is read; never the réalisé because it is the rightmost.
  const realises = liste.filter((x) => titreRealise(sheet, ligne, x.col) !== undefined);
  if (realises.length && realises.length < liste.length) {
    const prevues = liste.filter((x) => !realises.includes(x));
    if (prevues.length === 1) return { retenue: prevues[0], ecartees: [], choix: "seule" };
    liste.splice(0, liste.length, ...prevues);
  }
  // « Montant TTC » alone: read, and said to be TTC (the devis CNC is HT).
  if (liste.length === 1 && liste[0].nature === "ttc" && cols.montant === liste[0].col)
    return { retenue: liste[0], ecartees: [], choix: "taxes" };
  if (liste.length < 2) return undefined;
  // The column the header gives (a Movie Magic subtotal after the rate…) is kept when it is not one of these.
  if (cols.montant !== undefined && !liste.some((x) => x.col === cols.montant)) return undefined;
  const parNature =
    liste.find((x) => x.nature === "ht") ??
    liste.find((x) => x.nature === "montant") ??
    liste.find((x) => x.nature === "ttc");
  if (!parNature) return undefined;
  const pareilles = liste.filter((x) => x.nature === parNature.nature);
  const pleines = pareilles.filter((x) => tientDesMontants(sheet, ligne, x.col));
  let retenue = parNature;
  let choix: ChoixMontant = "taxes";
  let semblables: ColonneMontant[] | undefined;
  if (pleines.length === 1 && pareilles.length > 1) {
    retenue = pleines[0];
    choix = "seule";
  } else if (pleines.length > 1) {
    const visibles = pleines.filter((x) => !masquees.includes(x.col));
    const parVersion = reglePareilles(pleines);
    if (parVersion.choix === "version") {
      ({ retenue, choix } = parVersion);
      semblables = pleines;
    } else if (visibles.length === 1) {
      retenue = visibles[0];
      choix = "visible";
    } else {
      semblables = visibles.length ? visibles : pleines;
      ({ retenue, choix } = reglePareilles(semblables));
    }
  }
  // Plain « Montant » columns all empty but one or none: nothing to choose when none holds amounts.
  if (choix === "taxes" && liste.every((x) => x.nature === "montant")) return undefined;
  return { retenue, ecartees: liste.filter((x) => x !== retenue), choix, ...(semblables ? { semblables } : {}) };
}

/**
 * Among columns alike holding amounts, when nothing proves which is the devis: the latest version (« V2 »,
 * « révisé »; a column without mention before « initial »), else the rightmost.
 */
export function reglePareilles(parmi: readonly ColonneMontant[]): { retenue: ColonneMontant; choix: ChoixMontant } {
  const versions = parmi.filter((x) => x.version !== undefined && x.version !== REVISION_ANCIENNE);
  const recentes = parmi.filter((x) => x.version !== REVISION_ANCIENNE);
  if (versions.length)
    return { retenue: versions.reduce((a, b) => ((b.version ?? 0) >= (a.version ?? 0) ? b : a)), choix: "version" };
  if (recentes.length === 1 && parmi.length > 1) return { retenue: recentes[0], choix: "version" };
  return { retenue: parmi[parmi.length - 1], choix: "aDroite" };
}

/** Roles of the numeric columns: the block a label column sits to the left of. */
const NUMERIQUES: readonly Colonne[] = ["quantite", "nombre", "unite", "taux", "montant"];

const CODE = /^\d{1,2}([.-]\d{1,3}){0,3}$/;

/**
 * « | Tarif | Jours | Montant »: a header that names only the numeric columns (two at least, an amount or rate
 * among them). The labels are in the unheaded column left of that block that holds a text on most rows carrying
 * an amount (labels in column B under section rows in column A: B); an unheaded column left of it holding
 * « 2.3 »-style references on most of those rows is the code.
 */
function enteteSansLibelle(sheet: SheetData, ligne: number, cols: Colonnes): Entete | undefined {
  if (cols.libelle !== undefined) return undefined;
  const montant = cols.montant ?? cols.taux;
  const numeriques = NUMERIQUES.map((k) => cols[k]).filter((c): c is number => c !== undefined);
  if (montant === undefined || numeriques.length < 2) return undefined;
  const debut = Math.min(...numeriques);
  const entete = sheet.rows[ligne] ?? [];
  const candidates: number[] = [];
  for (let c = 0; c < debut; c++) {
    const h = entete[c];
    if ((!h || h.v === null || (typeof h.v === "string" && !h.v.trim())) && !Object.values(cols).includes(c))
      candidates.push(c);
  }
  if (!candidates.length) return undefined;
  const textes = new Map<number, number>();
  const codes = new Map<number, number>();
  let lignes = 0;
  for (const row of sheet.rows.slice(ligne + 1, ligne + 301)) {
    const m = row[montant]?.v;
    if (!(typeof m === "number" || (typeof m === "string" && /^\s*[-(]?\s*\d[\d\s.,]*\)?\s*(€|eur)?\s*$/i.test(m))))
      continue;
    lignes++;
    for (const c of candidates) {
      const v = row[c]?.v;
      const t = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
      if (CODE.test(t)) codes.set(c, (codes.get(c) ?? 0) + 1);
      else if (/[a-zA-Zà-ÿ]/.test(t)) textes.set(c, (textes.get(c) ?? 0) + 1);
    }
  }
  const meilleure = (m: Map<number, number>, avant = debut) => {
    let best: number | undefined;
    for (const c of candidates)
      if (
        c < avant &&
        (m.get(c) ?? 0) >= 2 &&
        (m.get(c) ?? 0) * 2 >= lignes &&
        (m.get(c) ?? 0) >= (m.get(best ?? -1) ?? 0)
      )
        best = c;
    return best;
  };
  const libelle = meilleure(textes);
  if (libelle === undefined) return undefined;
  const colonnes: Colonnes = { ...cols, libelle };
  const code = cols.code === undefined ? meilleure(codes, libelle) : undefined;
  if (code !== undefined) colonnes.code = code;
  return { ligne, colonnes, libelleSansEntete: { col: libelle, aGaucheDe: debut } };
}

/**
 * The header row repeats its first label/amount block further right (« Code | Désignation | Montant », then the same
 * words again after the amount): the repeat's columns. The first label header and the first amount header after it
 * must both come again, in that order, to the right of that amount column; the repeat starts where the first block's
 * first header comes again (else at the repeated label) and spans the first block's width at least.
 */
function secondBlocDe(row: CellData[] | undefined): SecondBloc | undefined {
  if (!row) return undefined;
  const t = row.map((c) => nettoyer(c));
  const l1 = t.findIndex((s) => s !== undefined && roleDe(s) === "libelle");
  if (l1 < 0) return undefined;
  let m1 = -1;
  for (let c = l1 + 1; c < t.length && m1 < 0; c++) if (natureMontant(row[c]) !== undefined) m1 = c;
  if (m1 < 0) return undefined;
  let s1 = l1;
  while (s1 > 0 && t[s1 - 1] !== undefined) s1--;
  const l2 = t.findIndex((s, c) => c > m1 && s === t[l1]);
  const m2 = l2 < 0 ? -1 : t.findIndex((s, c) => c > l2 && s === t[m1]);
  if (m2 < 0) return autreBloc(row, t, s1, m1);
  const debut = l2 - (l1 - s1) > m1 && t[l2 - (l1 - s1)] === t[s1] ? l2 - (l1 - s1) : l2;
  return { debut, fin: Math.max(m2, debut + (m1 - s1)), montant: m2, premier: { debut: s1, fin: m1 } };
}

/**
 * « Code | Désignation | Montant | | Poste | Coût »: a second label column right of the first amount column, followed by
 * an amount column, in other words: a line has one label, so these are two blocks side by side (read as columns alike,
 * the rightmost amount would be paired with the first block's labels). The repeat starts at the run of headers holding
 * that label.
 */
function autreBloc(row: CellData[], t: (string | undefined)[], s1: number, m1: number): SecondBloc | undefined {
  const l2 = t.findIndex((s, c) => c > m1 && s !== undefined && roleDe(s) === "libelle");
  if (l2 < 0) return undefined;
  const m2 = row.findIndex((x, c) => c > l2 && ["montant", "ht", "ttc"].includes(natureMontant(x) ?? ""));
  if (m2 < 0) return undefined;
  let debut = l2;
  while (debut - 1 > m1 && t[debut - 1] !== undefined) debut--;
  return { debut, fin: m2, montant: m2, premier: { debut: s1, fin: m1 }, autreEntete: true };
}

/** The sheet cut before column `col` (a second block's first column): the first block alone. */
export function avantColonne(sheet: SheetData, col: number): SheetData {
  return { ...sheet, rows: sheet.rows.map((r) => (r.length > col ? r.slice(0, col) : r)) };
}

/**
 * The header row: the first of the top 60 rows with a label column, an amount or rate column and ≥ 3 roles. When
 * no row names its label column, a row naming only the numeric columns with the labels unheaded on their left.
 * A header repeating its block further right on the same row (two blocks side by side) is the first block's.
 */
export function trouverEntete(sheet: SheetData): Entete | undefined {
  const e = trouverEnteteSimple(sheet);
  const bloc = e && secondBlocDe(sheet.rows[e.ligne]);
  if (!e || !bloc) return e;
  const premier = trouverEnteteSimple(avantColonne(sheet, bloc.debut));
  return premier && premier.ligne === e.ligne ? { ...premier, secondBloc: bloc } : e;
}

/**
 * The header whose first row is `r`, read as the devis's own header is: that row alone, or with the one or two rows
 * below it when they add roles (« Montant » merged over « Qté | Taux | Total »: enteteSurDeuxLignes,
 * enteteSurTroisLignes), its amount column chosen among several (choisirMontant). `ligne` is its last row. Used for
 * the first header and for every header of a table stacked lower (entetesSuivants), never two ways of reading one.
 */
function enteteDepuis(
  sheet: SheetData,
  r: number,
  masquees: readonly number[],
): { ligne: number; colonnes: Colonnes; montants?: Entete["montants"] } {
  let cols = colonnesDe(sheet.rows[r] ?? [], masquees);
  let ligne = r;
  // A title row above a complete header is not the header's upper half.
  if (qualifie(cols) || !qualifie(colonnesDe(sheet.rows[r + 1] ?? [], masquees))) {
    const deux = enteteSurDeuxLignes(sheet, r, cols, masquees);
    if (deux && qualifie(deux)) {
      cols = deux;
      ligne = r + 1;
      const trois = enteteSurTroisLignes(sheet, r, deux, masquees);
      if (trois && qualifie(trois)) {
        cols = trois;
        ligne = r + 2;
      }
    }
  }
  const montants = choisirMontant(sheet, ligne, cols, masquees);
  if (montants) cols = facteursDuMontant(sheet, ligne, { ...cols, montant: montants.retenue.col });
  return { ligne, colonnes: cols, ...(montants ? { montants } : {}) };
}

function trouverEnteteSimple(sheet: SheetData): Entete | undefined {
  const max = Math.min(sheet.rows.length, 60);
  const masquees = sheet.colonnesMasquees ?? [];
  let best: Entete | undefined;
  let sansLibelle: Entete | undefined;
  const candidats: Entete[] = [];
  for (let r = 0; r < max; r++) {
    const { ligne, colonnes: cols, montants } = enteteDepuis(sheet, r, masquees);
    if (!qualifie(cols)) {
      const e = sansLibelle ? undefined : enteteSansLibelle(sheet, ligne, cols);
      if (e) sansLibelle = montants ? { ...e, montants } : e;
      continue;
    }
    // Two columns (label, amount) are enough when amounts follow: a minimal devis.
    if (score(cols) < 3 && !(cols.montant !== undefined && montantsOuTextesSous(sheet, ligne, cols.montant) >= 2))
      continue;
    candidats.push({ ligne, colonnes: cols, montants });
    if (!best || score(cols) > score(best.colonnes)) best = { ligne, colonnes: cols, montants };
    if (score(cols) >= 5) break;
  }
  if (!best) return sansLibelle;
  const retenu = best;
  // Two tables stacked, the lower one's header naming more columns: the upper table is read first (its own header,
  // amounts under it), the lower one under its header (entetesSuivants), never left out above the header read. Not
  // when its amounts add up to the lower table's (a summary of it on top: the detail alone is read, as before).
  for (const c of candidats) {
    if (c.ligne >= retenu.ligne) break;
    const e = ajusterColonnes(sheet, montantSousFusion(sheet, c));
    const haut = sommeNombres(sheet, e.colonnes.montant, e.ligne + 1, retenu.ligne);
    if (!haut.n) continue;
    const suivants = entetesSuivants(sheet, e).filter((x) => !x.repete);
    if (suivants[0]?.ligne !== retenu.ligne) continue;
    const fin = suivants[1]?.ligne ?? sheet.rows.length;
    const bas = sommeNombres(sheet, suivants[0].colonnes.montant, retenu.ligne + 1, fin);
    // A summary on top, with or without its total row (and the detail with or without its own).
    if ([1, 2, 0.5].some((k) => Math.abs(bas.somme * k - haut.somme) < 0.005)) continue;
    return e;
  }
  return ajusterColonnes(sheet, montantSousFusion(sheet, retenu));
}

/** The numbers of column `col` on rows `debut` to `fin` (excluded): how many, and their sum in euros (a float). */
function sommeNombres(
  sheet: SheetData,
  col: number | undefined,
  debut: number,
  fin: number,
): { n: number; somme: number } {
  let n = 0;
  let somme = 0;
  if (col === undefined) return { n, somme };
  for (let r = debut; r < fin && r < sheet.rows.length; r++) {
    const v = sheet.rows[r][col]?.v;
    if (typeof v === "number") {
      n++;
      somme += v;
    }
  }
  return { n, somme };
}

/**
 * « Montant » merged over two columns, the amounts typed in the second one (the first left empty, or narrow): the
 * header's cell is the merge's first column, the amounts are under another of its columns. When the first holds no
 * amount and exactly one other column of the merge does (and plays no other role), that one is the amount column;
 * otherwise every amount of the devis was read from an empty column, the total 0 without a word.
 */
function montantSousFusion(sheet: SheetData, entete: Entete): Entete {
  const col = entete.colonnes.montant;
  if (col === undefined || entete.montants || tientDesMontants(sheet, entete.ligne, col)) return entete;
  for (const { r1, c1, r2, c2 } of plagesFusionnees(sheet.merges)) {
    if (c1 !== col || c2 === c1 || entete.ligne < r1 || entete.ligne > r2) continue;
    const roles = new Set(Object.values(entete.colonnes));
    const pleines: number[] = [];
    for (let c = c1 + 1; c <= c2; c++) if (!roles.has(c) && tientDesMontants(sheet, entete.ligne, c)) pleines.push(c);
    if (pleines.length === 1) return { ...entete, colonnes: { ...entete.colonnes, montant: pleines[0] } };
  }
  return entete;
}

/**
 * "Poste | Détail": when the column taken as the code holds the wording (long texts) more often than the
 * label column holds anything, the producer's labels are in the code column; the other column is then notes.
 */
export function ajusterColonnes(sheet: SheetData, entete: Entete): Entete {
  const { code, libelle } = entete.colonnes;
  if (code === undefined || libelle === undefined) return entete;
  let mots = 0;
  let libelles = 0;
  for (const row of sheet.rows.slice(entete.ligne + 1, entete.ligne + 300)) {
    const c = row[code]?.v;
    if (typeof c === "string" && /[a-zA-Zà-ÿ]{3,}.*\s.*[a-zA-Zà-ÿ]{2,}/.test(c) && c.trim().length > 8) mots++;
    const l = row[libelle]?.v;
    if (typeof l === "string" && l.trim()) libelles++;
  }
  if (mots <= libelles) return entete;
  // The column headed as a label holds notes or details ("10 j", "devis 118", 3): not line codes.
  const colonnes = { ...entete.colonnes, libelle: code };
  delete colonnes.code;
  return { ...entete, colonnes };
}

/**
 * The role a header cell names (« Qté » → quantite), « montant » for any amount header (« Montant TTC », « TVA »,
 * « Montant V2 »); undefined for anything else (« Réalisé », « Notes ») and for a cell without text.
 */
export function roleEntete(c: CellData | undefined): Colonne | undefined {
  const s = c && nettoyer(c);
  if (!s) return undefined;
  const ver = versionDe(s);
  return roleDe(s) ?? (ver ? roleDe(ver.base) : undefined) ?? (natureMontant(c) ? "montant" : undefined);
}

/**
 * A header row below the devis's own: a second table stacked under the first (« Poste | Qté | Tarif | Montant »,
 * 40 rows lower) or the header printed again at a page break (`repete`: the same texts or the same roles as the
 * header in force, a row that is nothing of the devis).
 */
export interface EnteteSuivante extends Entete {
  repete: boolean;
}

/** At least two texts and no other value: checked without allocating (every row of the devis is tested). */
function textesSeuls(row: CellData[]): boolean {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    const v = row[i]?.v;
    if (v === null || v === undefined || v === "") continue;
    if (typeof v !== "string") return false;
    n++;
  }
  return n >= 2;
}

/** The sheet cut before column `col` from row `r` down (a block beside a lower table): the rows above kept whole. */
function gauche(sheet: SheetData, r: number, col: number): SheetData {
  return { ...sheet, rows: sheet.rows.map((x, i) => (i < r || x.length <= col ? x : x.slice(0, col))) };
}

/**
 * A lower header whose first row is `r`, read as the first header is (enteteDepuis, or the labels unheaded left of the
 * numeric columns): its columns, when they make a header (a label, an amount or rate column, ≥ 3 roles or two columns
 * with amounts below: numbers or amounts typed as text, « 1 234,56 € »), with the sheet it was read in.
 */
function lireEnteteBas(
  source: SheetData,
  r: number,
  masquees: readonly number[],
): (ReturnType<typeof enteteDepuis> & { source: SheetData; sansLibelle?: Entete }) | undefined {
  const lu = enteteDepuis(source, r, masquees);
  let cols = lu.colonnes;
  const sansLibelle = qualifie(cols) ? undefined : enteteSansLibelle(source, lu.ligne, cols);
  if (sansLibelle) cols = sansLibelle.colonnes;
  if (!qualifie(cols)) return undefined;
  if (score(cols) < 3 && !(cols.montant !== undefined && montantsOuTextesSous(source, lu.ligne, cols.montant) >= 2))
    return undefined;
  return { ...lu, colonnes: cols, source, ...(sansLibelle ? { sansLibelle } : {}) };
}

/**
 * The header rows below `entete`, recognised as the first one is (the same roles, one row: a label column and an
 * amount or rate column, ≥ 3 roles or amounts below) on a row of texts only. A row that is not the header in force
 * repeated opens a new table whose rows are read with its own columns (import.ts).
 */
export function entetesSuivants(sheet: SheetData, entete: Entete): EnteteSuivante[] {
  const masquees = sheet.colonnesMasquees ?? [];
  const textes = (r: number) => JSON.stringify((sheet.rows[r] ?? []).map((c) => nettoyer(c) ?? null));
  const roles = (x: Colonnes) => JSON.stringify(Object.entries(x).sort());
  // The first header's rows (a header over two or three rows is repeated whole at a page break).
  const premiers = new Set([entete.ligne - 2, entete.ligne - 1, entete.ligne].filter((r) => r >= 0).map(textes));
  let courant = { textes: textes(entete.ligne), roles: roles(entete.colonnes) };
  const out: EnteteSuivante[] = [];
  for (let r = entete.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!textesSeuls(row) || !ligneDeSousEntete(row)) continue;
    // A row naming no role at all (a chapter title « 2 | PERSONNEL ») heads no table: the cheap test, every row.
    if (!Object.keys(colonnesDe(row, masquees)).length) continue;
    // « Poste | Qté | Montant | | Chapitre | Libellé | Total »: a block beside the table on its header's row (a recap by
    // chapter, a second list), found as the first header's is (secondBlocDe): the table is read left of it, the block
    // named with its amounts (import.ts), never read as the table's columns. Unless the table alone is no header.
    const bloc = secondBlocDe(row);
    const lu = (bloc && lireEnteteBas(gauche(sheet, r, bloc.debut), r, masquees)) || lireEnteteBas(sheet, r, masquees);
    if (!lu) continue;
    const { ligne, montants, colonnes: cols, sansLibelle } = lu;
    const cote = bloc && lu.source !== sheet ? { secondBloc: bloc } : {};
    const t = textes(r);
    const premierEnVigueur = courant.roles === roles(entete.colonnes);
    if ((premiers.has(t) && premierEnVigueur) || t === courant.textes || roles(cols) === courant.roles) {
      out.push({ ligne, debut: r, colonnes: cols, repete: true, ...cote });
      r = ligne;
      continue;
    }
    // The first header again after another table: its columns again, as the first header read them.
    if (premiers.has(t)) {
      out.push({ ...entete, ligne, debut: r, repete: false, ...cote });
      courant = { textes: t, roles: roles(entete.colonnes) };
      r = ligne;
      continue;
    }
    const e = ajusterColonnes(
      lu.source,
      montantSousFusion(lu.source, {
        ligne,
        colonnes: cols,
        ...(montants ? { montants } : {}),
        ...(sansLibelle?.libelleSansEntete ? { libelleSansEntete: sansLibelle.libelleSansEntete } : {}),
      }),
    );
    out.push({ ...e, debut: r, repete: false, ...cote });
    courant = { textes: t, roles: roles(e.colonnes) };
    r = ligne;
  }
  return out;
}

/** The first non-empty cell of a row (0-based column). */
export function premiereCellule(sheet: SheetData, r: number): number {
  const i = (sheet.rows[r] ?? []).findIndex((c) => c && c.v !== null && String(c.v).trim() !== "");
  return Math.max(0, i);
}
