import { cents, sumCents } from "../../../src/core/money/cents";
import type { Devis, LigneDevis, LigneTotalProducteur } from "../../../src/core/devis/model";
import { calculerTotaux } from "../../../src/core/devis/totaux";

let n = 0;
/** A line of sheet « Budget », amount in cents; cells named after its row. */
export function ligne(o: Partial<Omit<LigneDevis, "montant">> & { montant: number }): LigneDevis {
  const r = ++n + 1;
  return {
    id: `Budget!${r}`,
    libelle: "Ligne",
    eligibleCI: "auto",
    ...o,
    montant: cents(o.montant),
    source: { feuille: "Budget", ligne: r, cellules: { montant: `Budget!G${r}`, taux: `Budget!F${r}` } },
  };
}

export function devis(lignes: LigneDevis[], o: Partial<Devis> = {}, totaux: LigneTotalProducteur[] = []): Devis {
  const t = calculerTotaux(lignes, totaux, o.dureeMinutes);
  const nonPlaces = lignes
    .filter((l) => !l.chapitre)
    .map((l) => ({
      cellule: l.source.cellules.montant as string,
      montant: l.montant,
      libelle: l.libelle,
      ligne: l.source.ligne,
    }));
  return { feuille: "Budget", lignes, nonPlaces, totauxProducteur: totaux, ...t, ...o };
}

export const somme = (ls: LigneDevis[]) => sumCents(ls.map((l) => l.montant));

/** A technician's pay line of chapter 2: one `unite` (semaine, jour…) at `taux` euros, its amount to the cent. */
export const salaireTechnicien = (libelle: string, taux: string, unite = "semaine") =>
  ligne({
    chapitre: "2",
    categorie: "salaire-technicien",
    libelle,
    unite,
    quantite: "1",
    taux,
    montant: Math.round(Number(taux) * 100),
  });
