import Decimal from "decimal.js";
import type { Regle } from "../../controles/constat";
import { decimalFr } from "../../util/texte";
import type { LigneDevis } from "../model";
import { celluleMontant, cite, ContexteDevis } from "./contexte";

/** The cell a line's share spent in France was read in: its « Territoire » cell, else its amount (dont France). */
function celluleTerritoire(l: LigneDevis): string {
  return (!l.repartition && l.source.cellules.territoire) || celluleMontant(l);
}

/** « 150 % » for the fraction "1.5". */
function pourcent(fraction: string): string {
  return `${decimalFr(new Decimal(fraction).times(100).toFixed())} %`;
}

/**
 * A share spent in France out of 0 to 100 % (« 120 % », « -20 % » in the « Territoire » column): an input error, named
 * with its cell. The devis is still structured; credit-impot refuses it (exit 2).
 */
export const territoireHorsBornes: Regle<ContexteDevis> = {
  id: "territoire-hors-bornes",
  description: "La part dépensée en France d'une ligne (colonne « Territoire ») est comprise entre 0 et 100 %.",
  verifier({ devis }) {
    return devis.lignes.flatMap((l) => {
      if (l.partFrance === undefined || l.chargesDe) return [];
      const d = new Decimal(l.partFrance);
      if (!d.isNegative() && !d.greaterThan(1)) return [];
      const cellule = celluleTerritoire(l);
      return [
        {
          regle: "territoire-hors-bornes",
          gravite: "erreur" as const,
          message:
            `${cellule} : part France « ${pourcent(l.partFrance)} » de la ligne ${cite(l.libelle)} hors de 0 à 100 % : ` +
            `corrigez la colonne « Territoire ».`,
          cellule,
        },
      ];
    });
  },
};

/**
 * A bare number above 1 in the « Territoire » column (« 1,5 ») whose column proves neither percentages (« 80 ») nor
 * fractions (« 0,8 », « 80 % »): 1,5 % or 150 %, neither picked; the share is not read, both readings are named.
 */
export const territoireAmbigu: Regle<ContexteDevis> = {
  id: "territoire-ambigu",
  description:
    "Un nombre sans « % » au-dessus de 1 dans la colonne « Territoire » (« 1,5 ») peut être un pourcentage ou une " +
    "fraction, sans que la colonne dise lequel.",
  verifier({ devis }) {
    return devis.lignes.flatMap((l) => {
      const a = l.territoireAmbigu;
      if (!a || l.chargesDe) return [];
      const cellule = l.source.cellules.territoire ?? celluleMontant(l);
      return [
        {
          regle: "territoire-ambigu",
          gravite: "alerte" as const,
          message:
            `${cellule} : part France « ${decimalFr(a.texte)} » de la ligne ${cite(l.libelle)} : peut se lire ` +
            `${pourcent(a.pourcent)} ou ${pourcent(a.fraction)} (hors de 0 à 100 %) ; la part France n'est pas lue. ` +
            `Saisissez-la avec « % » (« ${pourcent(a.pourcent)} »), puis relancez.`,
          cellule,
        },
      ];
    });
  },
};

/** « 1,5 » for the plain decimal "1.5", « 1 500 » for "1500". */
const nombre = (x: string) => decimalFr(x);

/**
 * A filled « Territoire » cell that says no share: a word that is neither France nor abroad (« moitié », « 80 pour
 * cent », « Guadeloupe »), an Excel error, or a text « 1.500 » whose separator the sheet does not decide. Named with the
 * cell and its text, never dropped (the line would count 100 % in France); credit-impot refuses it.
 */
export const territoireIllisible: Regle<ContexteDevis> = {
  id: "territoire-illisible",
  description:
    "Chaque cellule remplie de la colonne « Territoire » dit une part dépensée en France : « France », « Étranger », " +
    "un pays étranger, « 80 % » ou un nombre.",
  verifier({ devis }) {
    return devis.lignes.flatMap((l) => {
      const i = l.territoireIllisible;
      if (!i || l.chargesDe) return [];
      const cellule = l.source.cellules.territoire ?? celluleMontant(l);
      const lu = (x: string) => (i.pourcent ? pourcent(x) : nombre(x));
      const pourquoi = i.lectures
        ? `peut se lire ${lu(i.lectures.decimale)} ou ${lu(i.lectures.milliers)}, sans que la feuille dise lequel`
        : `n'est ni « France », ni « Étranger », ni un pays étranger, ni une part (« 80 % »)`;
      return [
        {
          regle: "territoire-illisible",
          gravite: "alerte" as const,
          message:
            `${cellule} : territoire « ${i.texte} » de la ligne ${cite(l.libelle)} : ${pourquoi} ; la part France ` +
            `n'est pas lue. Saisissez « France », « Étranger » ou la part avec « % » (« 80 % »), puis relancez.`,
          cellule,
        },
      ];
    });
  },
};
