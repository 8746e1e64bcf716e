import Decimal from "decimal.js";
import type { Regle } from "../../controles/constat";
import type { ColonneAnnexe, MontantIllisible, SommeDeTaux } from "../model";
import { decimalFr } from "../../util/texte";
import { cite, ContexteDevis, eur, suiteAnnexe } from "./contexte";

const NOM_COLONNE = {
  quantite: "la quantité",
  nombre: "le nombre",
  taux: "le taux",
  tauxCharges: "le taux de charges",
  libelle: "le pourcentage du libellé",
  montantFrance: "le dont France",
  montantEtranger: "le dont étranger",
  montantCharges: "la cellule des charges",
} as const;

/** What the cell is to the line (« le montant », « le taux », « le dont France »). */
export function quoiIllisible(m: MontantIllisible): string {
  return m.colonne ? NOM_COLONNE[m.colonne] : m.total ? "le montant de ce total" : "le montant";
}

/** What becomes of the line without that cell (« la ligne n'est pas comptée. »). */
export function suiteIllisible(m: MontantIllisible): string {
  const annexe = m.colonne === "montantFrance" || m.colonne === "montantEtranger" || m.colonne === "montantCharges";
  return annexe
    ? `${suiteAnnexe(m.colonne as ColonneAnnexe, m.compte)}.`
    : m.compte !== undefined
      ? `la ligne est comptée avec son montant lu, ${eur(m.compte)}.`
      : m.total
        ? "ce total du producteur n'est pas comparé."
        : m.colonne
          ? "le montant n'est pas calculé sans cette valeur ; la ligne n'est pas comptée."
          : "la ligne n'est pas comptée.";
}

/** « 1,5 % », « 1 500 % » for the fraction "0.015", "15". */
export function pourcentFr(fraction: string): string {
  return `${decimalFr(new Decimal(fraction).times(100).toFixed())} %`;
}

/** « une somme de taux (5 % + 10 %) », its terms as read (« une somme de taux » when one of them reads as none). */
export function sommeDeTauxFr(somme: SommeDeTaux): string {
  return `une somme de taux${somme.termes ? ` (${somme.termes.map(pourcentFr).join(" + ")})` : ""}`;
}

function message(m: MontantIllisible): string {
  const ou = `${m.cellule} ${cite(m.libelle)}`;
  const quoi = quoiIllisible(m);
  const annexe = m.colonne === "montantFrance" || m.colonne === "montantEtranger" || m.colonne === "montantCharges";
  const suite = suiteIllisible(m);
  if (m.fusionneAvec)
    return (
      `${ou} : la cellule du montant est fusionnée avec ${m.fusionneAvec}, dont le montant est compté une fois, sur sa ` +
      `propre ligne ; cette ligne n'est pas calculée à part.`
    );
  if (m.region === "marge")
    return (
      `${ou} : cette cellule, contre le tableau à droite de sa dernière colonne titrée, est ` +
      `une erreur Excel (${m.texte}) ; elle n'est pas comptée dans le devis. Si elle cache un montant du devis, ` +
      `corrigez-la et mettez ce montant dans la colonne des montants, puis relancez.`
    );
  if (m.region === "sans-entete")
    return (
      `${ou} : cette cellule, dans une colonne sans en-tête du tableau, est une erreur Excel (${m.texte}) ; elle ` +
      `n'est pas comptée dans le devis. Si elle cache un montant du devis, corrigez-la et mettez ce montant dans la ` +
      `colonne des montants, puis relancez.`
    );
  if (m.region)
    return (
      `${ou} : cette cellule, ` +
      (m.region === "au-dessus"
        ? `au-dessus de la ligne d'en-tête ${m.entete ? `du tableau en ${m.entete.replace(/^.*!/, "")}` : "du devis"}`
        : "dans le récapitulatif placé sous la ligne d'en-tête") +
      `, est une erreur Excel (${m.texte}) ; elle n'est pas comptée dans le devis. Corrigez-la, puis relancez.`
    );
  if (m.autreColonne)
    return (
      `${ou} : ce montant est vide, mais la colonne « ${m.autreColonne.entete} » tient ` +
      (m.autreColonne.texte
        ? `« ${m.autreColonne.texte} » (${eur(m.autreColonne.montant)}, un montant et non une TVA) `
        : `${eur(m.autreColonne.montant)} `) +
      `sur cette ligne (${m.autreColonne.cellule.replace(/^.*!/, "")}) ; ce montant n'est pas compté. Si c'est une ` +
      `ligne du devis, écrivez son montant dans la colonne lue, puis relancez.`
    );
  if (m.tauxSeul !== undefined)
    return (
      `${ou} : le taux ${eur(m.tauxSeul)} est écrit sans quantité ni montant ; Prodbook ne devine pas la quantité, ` +
      `la ligne n'est pas comptée. Indiquez sa quantité ou son montant, puis relancez.`
    );
  if (m.quantiteSeule !== undefined)
    return (
      `${ou} : ${m.colonne === "nombre" ? "nombre" : "quantité"} ${decimalFr(m.quantiteSeule)} sans taux ni montant : ` +
      `ligne non comptée ; si c'est un montant, mettez-le dans la colonne des montants, puis relancez.`
    );
  if (m.erreurExcel) return `${ou} : ${quoi} est une erreur Excel (${m.texte}) ; ${suite}`;
  if (m.date)
    return `${ou} : ${quoi} est une date (${m.texte}), pas un ${m.colonne && !annexe ? "nombre" : "montant"} ; ${suite}`;
  if (m.formuleSansValeur)
    return (
      `${ou} : la formule ${m.texte} a été enregistrée sans son résultat ; ouvrez le classeur dans Excel et ` +
      `enregistrez-le, puis relancez. La ligne n'est pas comptée.`
    );
  if (m.avecUnite !== undefined)
    return (
      `${ou} : « ${m.texte} » se lit ${eur(m.avecUnite)} (en ${/k\s?(?:€|eur)/i.test(m.texte) ? "milliers" : "millions"} ` +
      `d'euros${/^\s*\(/.test(m.texte) ? ", entre parenthèses : négatif" : ""}), mais un montant écrit avec son unité ` +
      `n'est pas compté sans vérification : ${suite} Écrivez ce montant en euros dans la cellule, puis relancez.`
    );
  if (m.pourcent)
    return m.pourcent.decimale !== undefined && m.pourcent.milliers !== undefined
      ? `${ou} : ${quoi} « ${m.texte} » peut se lire ${pourcentFr(m.pourcent.decimale)} ou ` +
          `${pourcentFr(m.pourcent.milliers)}, sans que la feuille dise lequel ; ${suite} Saisissez « ` +
          `${pourcentFr(m.pourcent.decimale)} » ou « ${pourcentFr(m.pourcent.milliers)} », puis relancez.`
      : m.pourcent.fourchette
        ? `${ou} : ${quoi} « ${m.texte} » est une fourchette, pas un taux ; ${suite} Saisissez le taux retenu, puis ` +
          `relancez.`
        : m.pourcent.somme
          ? `${ou} : ${quoi} « ${m.texte} » est ${sommeDeTauxFr(m.pourcent.somme)}, pas un taux unique ; ${suite} ` +
            `Saisissez le taux retenu, puis relancez.`
          : `${ou} : ${quoi} « ${m.texte} » n'est pas un pourcentage lisible ; ${suite}`;
  // A quantity or a number in words (« NaN »): the factor named, then why.
  if (m.colonne && !annexe) return `${ou} : ${quoi} « ${m.texte} » n'est pas un nombre ; ${suite}`;
  return `${ou} : « ${m.texte} » n'est pas un montant ; ${suite}`;
}

/**
 * Amount cells (or factors of a line without amount) that hold an Excel error, a date or text that is not an
 * amount: named, never replaced by quantité × nombre × taux.
 */
export const montantIllisible: Regle<ContexteDevis> = {
  id: "montant-illisible",
  description:
    "Chaque cellule de montant du devis source contient un nombre lisible (ni erreur Excel, ni date, ni texte).",
  verifier({ devis }) {
    // A rate typed in the amount cell (« 50 €/jour ») is named by montant-tarif, a figure in another currency
    // (« 500 $ », « 500 USD/jour ») by montant-devise.
    return (devis.illisibles ?? [])
      .filter((m) => !m.tarif && (!m.devise || m.fusionneAvec))
      .map((m) => ({
        regle: "montant-illisible",
        // Outside the devis's lines (above its header): the devis is whole without it, said as an alerte. Beside a line
        // (the table's margin, an unheaded column between its headers), an error as one in the amount column: it may hide
        // an amount of the devis.
        gravite: m.fusionneAvec
          ? ("info" as const)
          : m.region && m.region !== "marge" && m.region !== "sans-entete"
            ? ("alerte" as const)
            : m.erreurExcel || m.formuleSansValeur || (m.date && !m.colonne)
              ? ("erreur" as const)
              : ("alerte" as const),
        message: message(m),
        cellule: m.cellule,
      }));
  },
};
