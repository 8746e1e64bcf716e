import type { SheetData } from "../port/workbook";
import { parseCelluleRef } from "../util/adresse";
import { sourceLigne, type Devis, type MontantMasque } from "./model";

/**
 * The amounts of the devis that sit on rows the producer hid (old lines, helper rows, a hidden variant of a poste, a
 * collapsed group). A hidden row usually means « not in this version », but nothing proves it: the import keeps its
 * reading (the line stays counted, the total proven, the amount listed) and these are named, never dropped. Lines of
 * zero and cells not read (errors, texts) are left to their own findings.
 */
export function montantsMasques(sheet: SheetData, devis: Devis): MontantMasque[] {
  if (!sheet.lignesMasquees?.length) return [];
  const masquees = new Set(sheet.lignesMasquees);
  const ligneDe = (cellule: string) => parseCelluleRef(cellule).row;
  const out: (MontantMasque & { r: number })[] = [];
  for (const l of devis.lignes) {
    if (!l.chapitre || l.montant === 0 || !masquees.has(l.source.ligne - 1)) continue;
    const cellule = sourceLigne(l, ["montant", "libelle"]);
    out.push({ cellule, libelle: l.libelle, montant: l.montant, nature: "ligne", r: l.source.ligne - 1 });
  }
  for (const n of devis.nonPlaces)
    if (masquees.has(n.ligne - 1))
      out.push({ cellule: n.cellule, libelle: n.libelle, montant: n.montant, nature: "nonPlace", r: n.ligne - 1 });
  for (const t of devis.totauxProducteur) {
    const r = ligneDe(t.cellule);
    if (masquees.has(r))
      out.push({ cellule: t.cellule, libelle: t.libelle, montant: t.montant, nature: t.preuve ? "total" : "liste", r });
  }
  for (const h of devis.horsLignes ?? []) {
    const r = ligneDe(h.cellule);
    if (masquees.has(r))
      out.push({ cellule: h.cellule, libelle: h.libelle, montant: h.montant, nature: h.prouve ? "total" : "liste", r });
  }
  return out.sort((a, b) => a.r - b.r).map(({ r: _r, ...m }) => m);
}
