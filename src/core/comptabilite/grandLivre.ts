import { centsToEuros } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, SheetSpec } from "../port/workbook";
import { dateIso } from "./fec/champs";
import type { EcritureFec } from "./fec/types";

export const FEUILLE_GRAND_LIVRE = "Grand livre";
export const POSTE_NON_AFFECTE = "Non affecté";

const ENTETES = [
  "Ligne FEC",
  "Journal",
  "N° écriture",
  "Date",
  "Compte",
  "Libellé compte",
  "Compte auxiliaire",
  "Pièce",
  "Libellé",
  "Débit",
  "Crédit",
  "Section",
  "Poste",
  "Chapitre",
];

export interface LigneGrandLivre {
  e: EcritureFec;
  /** Poste (class-6 lines mapped), POSTE_NON_AFFECTE (class 6 unmapped) or undefined. */
  poste?: string;
  chapitre?: string;
}

/** Where each poste's and chapter's lines sit in the sheet (1-based Excel rows, inclusive). */
export interface BlocsGrandLivre {
  postes: Map<string, { de: number; a: number }>;
  chapitres: Map<string, { de: number; a: number }>;
  /** Last data row (header is row 1). */
  derniere: number;
}

/**
 * The Grand livre sheet: one row per imported line, sorted so that the lines of one chapter, then of one poste,
 * are contiguous (a link from Écarts can select them); the rest keeps the file order. Text stays text.
 * `ordre` gives the chapter/poste order (the Écarts order). The data rows are generated while writing
 * (`bulk`): a million-line ledger is never held as cells.
 */
export function feuilleGrandLivre(
  lignes: LigneGrandLivre[],
  ordre: (chapitre: string, poste: string) => number,
  nom = FEUILLE_GRAND_LIVRE,
): { spec: SheetSpec; blocs: BlocsGrandLivre } {
  // Lines grouped by (rank, order, poste) in order of first appearance; file order within a group.
  // (rank and order follow from poste and chapter: the groups are found by those two, without building a key per line)
  type Groupe = { r: number; o: number; poste?: string; chapitre?: string; lignes: number[] };
  const groupes: Groupe[] = [];
  const parPoste = new Map<string | undefined, Map<string | undefined, Groupe>>();
  let dernier: Groupe | undefined;
  lignes.forEach((l, i) => {
    let g = dernier && dernier.poste === l.poste && dernier.chapitre === l.chapitre ? dernier : undefined;
    if (!g) {
      let m = parPoste.get(l.poste);
      if (!m) parPoste.set(l.poste, (m = new Map()));
      g = m.get(l.chapitre);
      if (!g) {
        const r = l.poste === undefined ? 2 : l.poste === POSTE_NON_AFFECTE ? 1 : 0;
        const o = l.poste && l.chapitre ? ordre(l.chapitre, l.poste) : 0;
        g = { r, o, poste: l.poste, chapitre: l.chapitre, lignes: [] };
        m.set(l.chapitre, g);
        groupes.push(g);
      }
      dernier = g;
    }
    g.lignes.push(i);
  });
  const ordreLignes = new Uint32Array(lignes.length);
  const postes = new Map<string, { de: number; a: number }>();
  const chapitres = new Map<string, { de: number; a: number }>();
  const etendre = (m: Map<string, { de: number; a: number }>, k: string, de: number, a: number) => {
    const b = m.get(k);
    if (b) b.a = a;
    else m.set(k, { de, a });
  };
  let n = 0;
  for (const g of groupes.sort((a, b) => a.r - b.r || a.o - b.o)) {
    const de = n + 2;
    for (const i of g.lignes) ordreLignes[n++] = i;
    if (g.poste) etendre(postes, g.poste, de, n + 1);
    if (g.chapitre) etendre(chapitres, g.chapitre, de, n + 1);
  }
  const rows: CellSpec[][] = [ENTETES.slice()];
  const bulk = {
    count: lignes.length,
    *rows(): Iterable<CellSpec[]> {
      // A ledger has a few hundred dates for a million lines: one date cell each.
      const dates = new Map<number, { date: string }>();
      for (let k = 0; k < ordreLignes.length; k++) yield ligneGrandLivre(lignes[ordreLignes[k]], dates);
    },
  };
  const derniere = Math.max(2, lignes.length + 1);
  return {
    spec: {
      name: nom,
      rows,
      bulk,
      columns: [
        { width: 9 },
        { width: 8, numFmt: "@" },
        { width: 13, numFmt: "@" },
        { width: 11, numFmt: FORMAT_EXCEL.date },
        { width: 11, numFmt: "@" },
        { width: 28 },
        { width: 12, numFmt: "@" },
        { width: 12, numFmt: "@" },
        { width: 40 },
        { width: 13, numFmt: FORMAT_EXCEL.montant },
        { width: 13, numFmt: FORMAT_EXCEL.montant },
        { width: 10, numFmt: "@" },
        { width: 12, numFmt: "@" },
        { width: 9, numFmt: "@" },
      ],
      tables: [{ name: "tblGrandLivre", range: `A1:N${derniere}`, style: "TableStyleLight1" }],
      freeze: { rows: 1 },
      tabColor: "#385723",
    },
    blocs: { postes, chapitres, derniere },
  };
}

function ligneGrandLivre(l: LigneGrandLivre, dates: Map<number, { date: string }>): CellSpec[] {
  const e = l.e;
  let date = dates.get(e.date);
  if (!date) dates.set(e.date, (date = { date: dateIso(e.date) }));
  return [
    e.ligne,
    e.journal,
    e.ecritureNum,
    date,
    e.compte,
    e.compteLib,
    e.compAux || null,
    e.pieceRef || null,
    e.libelle,
    centsToEuros(e.debit),
    centsToEuros(e.credit),
    e.section ?? null,
    l.poste ?? null,
    l.chapitre ?? null,
  ];
}
