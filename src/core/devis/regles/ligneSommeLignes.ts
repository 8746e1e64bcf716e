import type { Constat, Regle } from "../../controles/constat";
import { sumCents } from "../../money/cents";
import { parseCelluleRef } from "../../util/adresse";
import type { LigneDevis } from "../model";
import { referencesFormule } from "../preuve";
import { celluleMontant, cite, ContexteDevis, eur } from "./contexte";

/**
 * A line whose amount is a formula that only adds up other lines of the devis (« Équipe (forfait) » =C3+C4 under
 * « Chef op » and « Ingé son »), to the cent: those lines are counted, and this one too — the same euros twice. Its
 * wording says no total, so it stays a line (words never decide, nor a formula alone against the wording): named with
 * the lines it repeats, for the producer to say which it is.
 */
export const ligneSommeLignes: Regle<ContexteDevis> = {
  id: "ligne-somme-lignes",
  description:
    "Une ligne dont la formule ne fait que la somme d'autres lignes du devis, comptées elles aussi, est nommée : " +
    "ses euros seraient comptés deux fois.",
  verifier({ devis }) {
    const parCellule = new Map<string, LigneDevis>();
    for (const l of devis.lignes) if (l.source.cellules.montant) parCellule.set(l.source.cellules.montant, l);
    return devis.lignes.flatMap((l): Constat[] => {
      const ref = l.source.cellules.montant;
      if (!ref || !l.formuleMontant || l.montantCalcule) return [];
      const { refs, somme } = referencesFormule(l.formuleMontant);
      if (!somme) return [];
      const { feuille } = parseCelluleRef(ref);
      const reprises: LigneDevis[] = [];
      for (const autre of parCellule.values()) {
        if (autre === l) continue;
        const a = parseCelluleRef(autre.source.cellules.montant as string);
        const vise = refs.some(
          ({ feuille: f, plage: p }) =>
            (f === undefined || f.toLowerCase() === (feuille ?? "").toLowerCase()) &&
            a.row >= p.r1 &&
            a.row <= p.r2 &&
            a.col >= p.c1 &&
            a.col <= p.c2,
        );
        if (vise) reprises.push(autre);
      }
      if (reprises.length < 2 || sumCents(reprises.map((x) => x.montant)) !== l.montant) return [];
      const cellule = celluleMontant(l);
      const liste = reprises.map((x) => `${x.source.cellules.montant} ${cite(x.libelle)} (${eur(x.montant)})`);
      return [
        {
          regle: "ligne-somme-lignes",
          gravite: "alerte",
          message:
            `${cellule} ${cite(l.libelle)} : sa formule =${l.formuleMontant.replace(/^=/, "")} fait la somme de ` +
            `${reprises.length} lignes du devis, comptées elles aussi (${liste.join(", ")}) : ses ${eur(l.montant)} ` +
            `sont comptés deux fois dans le total. Si c'est un sous-total, écrivez « Sous-total » dans son libellé ; ` +
            `si c'est une ligne, saisissez son propre montant. Puis relancez.`,
          cellule,
        },
      ];
    });
  },
};
