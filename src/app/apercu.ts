import type { Constat } from "../core/controles/constat";
import type { CodeChapitre, Devis } from "../core/devis/model";
import { Cents, subCents } from "../core/money";

/** What the « Structurer » page shows before anything is written: plain data, amounts in cents. */
export interface ApercuDevis {
  feuille: string;
  lignes: number;
  chapitres: { code: CodeChapitre; libelle: string; total: Cents; lignes: number }[];
  total: Cents;
  coutMinute?: Cents;
  nonPlaces: { cellule: string; libelle: string; montant: Cents }[];
  /** The producer's own grand total row, compared with the computed total. */
  totalProducteur?: { cellule: string; montant: Cents; ecart: Cents };
  constats: Constat[];
}

export function apercuDevis(devis: Devis, constats: Constat[]): ApercuDevis {
  const totalProd = [...devis.totauxProducteur].reverse().find((t) => t.type === "total");
  return {
    feuille: devis.feuille,
    lignes: devis.lignes.length,
    chapitres: devis.chapitres.map((c) => ({ code: c.code, libelle: c.libelle, total: c.total, lignes: c.lignes })),
    total: devis.total,
    coutMinute: devis.coutMinute,
    nonPlaces: devis.nonPlaces.map((n) => ({ cellule: n.cellule, libelle: n.libelle, montant: n.montant })),
    totalProducteur: totalProd && {
      cellule: totalProd.cellule,
      montant: totalProd.montant,
      ecart: subCents(devis.total, totalProd.montant),
    },
    constats,
  };
}
