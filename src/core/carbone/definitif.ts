import type { Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import type { SheetData } from "../port/workbook";
import { realiseParCode, type RealiseDePoste } from "../ecarts/realiseParCode";
import { calculerEcarts, constatsPostesHorsDevis } from "../ecarts/calcul";
import { calculerRealise } from "../comptabilite/realise";
import type { TableCorrespondances } from "../comptabilite/correspondances";
import type { ResultatFec } from "../comptabilite/fec/types";
import type { Constat } from "../controles/constat";
import { sourceLigne, type Devis } from "../devis/model";
import type { Manquant } from "./modele";

/** The réalisé the définitif can use, by devis line code, and what it cannot use, named with its cell. */
export interface RealisesCarbone {
  parCode: Map<string, Cents>;
  /** Where each réalisé is on the « Écarts » sheet (the sheet's path only; none from a FEC). */
  cellules?: Map<string, string>;
  manquants: Manquant[];
}

/**
 * Réalisé by devis line code, read from Prodbook's « Écarts » sheet (its detail block: Code … Réalisé, the cached
 * result of the SUMIFS over the Grand livre). Lines without a code have no réalisé of their own and are absent.
 *
 * A chapter whose accounts are mapped to the chapter itself (the row « … — imputé au chapitre », code = chapter)
 * spends money on none of its lines: a line of that chapter with no réalisé of its own may have spent it, so its
 * réalisé is unknown, not 0 (never a définitif of 0 t it did not prove); the chapter's amount is named as missing
 * from the définitif (for the chapters of `chapitresDuBilan`, when given). A line with a réalisé of its own keeps it.
 */
export function realisesDesEcarts(s: SheetData, chapitresDuBilan?: ReadonlySet<string>): RealisesCarbone {
  const postes = realiseParCode(s);
  const r = depuisPostes(postes, chapitresDuBilan, "");
  return { ...r, cellules: new Map([...r.parCode.keys()].map((code) => [code, postes.get(code)!.cellule])) };
}

function depuisPostes(
  postes: ReadonlyMap<string, RealiseDePoste>,
  chapitresDuBilan: ReadonlySet<string> | undefined,
  origine: string,
): RealisesCarbone {
  const imputes = new Map<string, RealiseDePoste>();
  for (const [code, r] of postes) if (code === r.chapitre && r.montant !== 0) imputes.set(code, r);
  // Named only for the chapters holding activities of the bilan (salaries, rights… are none of its business).
  const nommes = [...imputes].filter(([c]) => !chapitresDuBilan || chapitresDuBilan.has(c));
  const parCode = new Map<string, Cents>();
  for (const [code, r] of postes)
    if (!(r.montant === 0 && code !== r.chapitre && imputes.has(r.chapitre))) parCode.set(code, r.montant);
  const manquants = nommes.map(([chapitre, r]) => ({
    cellule: r.cellule,
    message:
      `${formatMontantFr(r.montant)} de réalisé du chapitre ${chapitre}${origine} sont imputés au chapitre, à aucune de ` +
      `ses lignes (« ${r.libelle} ») : ils manquent au bilan définitif, et les lignes du chapitre sans réalisé propre ` +
      `n'ont pas de définitif. Affectez ces comptes aux postes dans les correspondances.`,
  }));
  return { parCode, manquants };
}

/** The ledger given to the bilan carbone: its name (for the messages) and the correspondances to read it with. */
export interface FecCarbone {
  resultat: ResultatFec;
  /** The file's name, as the user gave it (« fec-2026.txt »). */
  nom: string;
  correspondances: TableCorrespondances;
}

/**
 * Réalisé by devis line code computed from the ledger itself (the same reconciliation as `prodbook ecarts`, without
 * writing its sheets): each poste's réalisé = Σ(debit − credit) of the class-6 accounts the correspondances map to
 * it. A poste is found again by its code on the devis line (its label cell); a chapter-level booking is named on the
 * chapter's first line, like the Écarts sheet's « imputé au chapitre » row. The ledger's findings (accounts mapped to
 * no poste…) come back with it.
 */
export function realisesDuFec(
  devis: Devis,
  fec: FecCarbone,
  chapitresDuBilan?: ReadonlySet<string>,
): RealisesCarbone & { constats: Constat[] } {
  const realise = calculerRealise(fec.resultat, fec.correspondances);
  const rapport = calculerEcarts(devis, realise);
  const celluleDe = (l: Devis["lignes"][number]) => sourceLigne(l, ["libelle", "montant"]);
  const postes = new Map<string, RealiseDePoste>();
  for (const l of rapport.lignes) {
    if (l.niveau !== "ligne" || !l.code || l.sansCode) continue;
    const ligne =
      devis.lignes.find((x) => x.code === l.code) ?? devis.lignes.find((x) => (x.chapitre as string) === l.chapitre);
    postes.set(l.code, {
      cellule: ligne ? celluleDe(ligne) : devis.feuille,
      montant: l.realise,
      chapitre: l.chapitre,
      libelle: l.libelle,
    });
  }
  // The ledger's findings as the Écarts report gives them: accounts without poste, then postes the devis lacks (their
  // réalisé reaches no line of the bilan: named, never dropped without a word).
  return {
    ...depuisPostes(postes, chapitresDuBilan, ` dans le FEC « ${fec.nom} »`),
    constats: [...realise.constats, ...constatsPostesHorsDevis(rapport, "carbone")],
  };
}
