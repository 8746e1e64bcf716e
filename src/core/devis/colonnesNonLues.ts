import { Cents, sumCents, ZERO } from "../money/cents";
import type { Convention } from "../money/parse";
import type { SheetData } from "../port/workbook";
import { celluleRef, colonneLettre, parseCelluleRef } from "../util/adresse";
import { cellulesMontant } from "./conservation";
import type { Entete } from "./entetes";
import { norm } from "./lecture";
import type { ColonneNonLue, EpisodesNonProuves, LigneDevis } from "./model";

/** « Réalisé », « Réel », « Dépensé », « Engagé », « Coût définitif »: what was spent, compared to the devis, not it. */
const REALISE = new RegExp(
  String.raw`^(montant |cout |couts |total |budget |depenses? )?` +
    String.raw`(realises?|reels?|reelles?|depenses?|engages?|factures?|definitifs?|finals?|constates?)$`,
);
/** « Écart », « Différence », « Variance », « Écart (%) ». */
const ECART = /^(ecarts?|difference|diff|variance|delta)\b/;
/** « Ép. 1 », « Épisode 2 », « Ep 3 », « Montant ép. 1 », « Épisode n° 4 ». */
const EPISODE = /^(montant |cout |total |budget )?(ep|epi|episode|eps)\.? ?(n° ?|no ?)?\d{1,3}$/;

function nature(texte: string): ColonneNonLue["nature"] | undefined {
  const s = norm(texte)
    .replace(/\((€|eur|euros|en €|ht|%)\)/g, "")
    .replace(/\s*(€|eur|euros|ht)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (REALISE.test(s)) return "realise";
  if (ECART.test(s)) return "ecart";
  if (EPISODE.test(s)) return "episode";
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
): { colonnes: ColonneNonLue[]; episodes?: EpisodesNonProuves } {
  const enTete = sheet.rows[entete.ligne] ?? [];
  const prises = new Set<number>(Object.values(entete.colonnes).filter((c): c is number => c !== undefined));
  for (const m of entete.montants ? [entete.montants.retenue, ...entete.montants.ecartees] : []) prises.add(m.col);
  const colonnes: (ColonneNonLue & { col: number })[] = [];
  for (let c = 0; c < enTete.length; c++) {
    const v = enTete[c]?.v;
    if (prises.has(c) || typeof v !== "string") continue;
    const n = nature(v);
    if (!n) continue;
    const somme = sumCents(cellulesMontant(sheet, entete.ligne, c, convention).map((x) => x.montant ?? ZERO));
    if (somme === 0 && n !== "episode") continue;
    colonnes.push({
      col: c,
      colonne: colonneLettre(c),
      cellule: celluleRef(sheet.name, entete.ligne, c),
      entete: v.trim(),
      nature: n,
      somme,
    });
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
  return { colonnes: colonnes.map(({ col: _col, ...c }) => c), episodes };
}
