import { type Cents, sumCents } from "../money/cents";
import type { Convention } from "../money/parse";
import type { SheetData } from "../port/workbook";
import { celluleRef, colonneLettre } from "../util/adresse";
import type { ChiffresHorsTableau } from "./model";
import { lireMontantCellule } from "./valeurs";

/**
 * Amounts right of the table, below its header, in columns its header does not reach (`debut` and beyond): another
 * block whose header sits on another row (« Poste | Coût » two rows lower), a column of figures added beside the
 * devis. None is read as the devis; each column holding some is named with its cells and sum, never dropped in
 * silence. Amounts only (numbers and amounts written as text), not dates, rates, errors or other texts. The cells of
 * `deja` are read and counted elsewhere (a recap under the header proven against the devis): not named here twice.
 */
export function chiffresADroite(
  sheet: SheetData,
  ligneEntete: number,
  debut: number,
  convention?: Convention,
  deja: ReadonlySet<string> = new Set(),
): ChiffresHorsTableau[] {
  return resumerADroite(cellulesADroite(sheet, ligneEntete, debut, convention, deja));
}

/** The amounts of chiffresADroite, cell by cell, by column (0-based). */
export function cellulesADroite(
  sheet: SheetData,
  ligneEntete: number,
  debut: number,
  convention?: Convention,
  deja: ReadonlySet<string> = new Set(),
): Map<number, { cellules: string[]; montants: Cents[] }> {
  const parColonne = new Map<number, { cellules: string[]; montants: Cents[] }>();
  for (let r = ligneEntete + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = debut; c < row.length; c++) {
      const x = row[c];
      if (!x || x.v === null || typeof x.v === "boolean") continue;
      let lu;
      try {
        lu = lireMontantCellule(x, convention);
      } catch {
        continue; // beyond any production: not an amount to name here
      }
      if (lu.type !== "montant" || lu.cents === 0) continue;
      const cellule = celluleRef(sheet.name, r, c);
      if (deja.has(cellule)) continue;
      const col = parColonne.get(c) ?? { cellules: [], montants: [] };
      col.cellules.push(cellule);
      col.montants.push(lu.cents);
      parColonne.set(c, col);
    }
  }
  return parColonne;
}

/** Each column of cellulesADroite named with its first and last cells and its sum, left to right. */
export function resumerADroite(
  parColonne: ReadonlyMap<number, { cellules: string[]; montants: Cents[] }>,
): ChiffresHorsTableau[] {
  return [...parColonne.entries()]
    .sort(([a], [b]) => a - b)
    .map(([c, x]) => ({
      colonne: colonneLettre(c),
      cellules: x.cellules.length,
      premiere: x.cellules[0],
      derniere: x.cellules[x.cellules.length - 1],
      somme: sumCents(x.montants),
    }));
}

/**
 * The columns right against the table (`debut` and on, while each holds something below the header, down to the
 * sheet's end): the devis's margin, where a figure beside a line (« 350 » next to its amount) is the devis's own. The
 * first column empty on every row ends it: a block beyond (a « Prévisionnel » with its own header, a recap) is another
 * table, named as such, not the devis.
 */
export function colonnesAttenantes(sheet: SheetData, ligneEntete: number, debut: number): number[] {
  const out: number[] = [];
  for (let c = debut; ; c++) {
    let pleine = false;
    let existe = false;
    for (let r = ligneEntete + 1; r < sheet.rows.length && !pleine; r++) {
      const row = sheet.rows[r] ?? [];
      if (c < row.length) existe = true;
      const x = row[c];
      if (x && x.v !== null && String(x.v).trim() !== "") pleine = true;
    }
    if (!pleine || !existe) return out;
    out.push(c);
  }
}
