import type { CodeChapitre, Devis, LigneDevis } from "../../../src/core/devis/model";
import { libelleChapitre, ORDRE_CHAPITRES } from "../../../src/core/devis/nomenclature";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import type { OptionsCreditImpot } from "../../../src/core/creditImpot/modele";
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

/** A 52-minute documentary of 2025 (audiovisuel), the options of the corrected-rules tests, with `o` on top. */
export const av = (o: Partial<OptionsCreditImpot>): OptionsCreditImpot => ({
  regime: "audiovisuel",
  genre: "documentaire",
  annee: 2025,
  dureeMinutes: 52,
  ...o,
});

export const condition = (r: ReturnType<typeof calculerCreditImpot>, nom: string) =>
  r.conditions.find((c) => c.nom === nom);

/**
 * The credit of a devis holding `l` (a chapter 6 line, lodging or not) between a 200 000 € crew line and 90 000 € of
 * frais généraux: budget 450 000 €, whose 80 % (360 000 €) does not cap the base (220 sexies III-3).
 */
export const creditAvecLigne = (l: LigneSimple) =>
  calculerCreditImpot(
    unDevis([
      { ch: "2", libelle: "Équipe technique", montant: 200000 },
      l,
      { ch: "FG", libelle: "Frais généraux", montant: 90000 },
    ]),
    av({}),
  );
