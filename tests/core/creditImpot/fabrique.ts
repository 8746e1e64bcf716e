import type { CodeChapitre, Devis, LigneDevis } from "../../../src/core/devis/model";
import { libelleChapitre, ORDRE_CHAPITRES } from "../../../src/core/devis/nomenclature";
import { type Cents, eurosToCents, sumCents } from "../../../src/core/money";

export interface LigneSimple {
  ch: CodeChapitre;
  libelle: string;
  /** Euros. */
  montant: number;
  quantite?: number;
  nombre?: number;
  taux?: number;
  unite?: string;
  eligibleCI?: "oui" | "non";
  /** "0".."1" */
  partFrance?: string;
  sousChapitre?: string;
  categorie?: LigneDevis["categorie"];
}

/** A Devis as importerDevis would give it, built from simple lines (row numbers from 2). */
export function unDevis(
  lignes: LigneSimple[],
  o: { dureeMinutes?: number; typeOeuvre?: Devis["typeOeuvre"] } = {},
): Devis {
  const ls: LigneDevis[] = lignes.map((l, i) => ({
    id: `Budget!${i + 2}`,
    libelle: l.libelle,
    montant: eurosToCents(l.montant),
    chapitre: l.ch,
    eligibleCI: l.eligibleCI ?? "auto",
    ...(l.quantite !== undefined ? { quantite: String(l.quantite) } : {}),
    ...(l.nombre !== undefined ? { nombre: String(l.nombre) } : {}),
    ...(l.taux !== undefined ? { taux: String(l.taux) } : {}),
    ...(l.unite !== undefined ? { unite: l.unite } : {}),
    ...(l.partFrance !== undefined ? { partFrance: l.partFrance } : {}),
    ...(l.sousChapitre ? { sousChapitre: l.sousChapitre } : {}),
    ...(l.categorie ? { categorie: l.categorie } : {}),
    source: { feuille: "Budget", ligne: i + 2, cellules: { montant: `Budget!E${i + 2}` } },
  }));
  const chapitres = ORDRE_CHAPITRES.filter((c) => ls.some((l) => l.chapitre === c)).map((c) => {
    const du = ls.filter((l) => l.chapitre === c);
    return { code: c, libelle: libelleChapitre(c), total: sumCents(du.map((l) => l.montant)), lignes: du.length };
  });
  const total = sumCents(ls.map((l) => l.montant));
  const horsFrais = sumCents(
    ls.filter((l) => !["FG", "IMP", "FF", "PROD"].includes(l.chapitre as string)).map((l) => l.montant),
  );
  return {
    feuille: "Budget",
    ...o,
    lignes: ls,
    chapitres,
    total,
    totalHorsFrais: horsFrais,
    nonPlaces: [],
    totauxProducteur: [],
  };
}

export const euros = (e: number): Cents => eurosToCents(e);
