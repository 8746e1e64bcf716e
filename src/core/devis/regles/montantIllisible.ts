import type { Regle } from "../../controles/constat";
import { cite, ContexteDevis } from "./contexte";

/** Amount cells that hold an Excel error or text that is not an amount: the line is not in the devis. */
export const montantIllisible: Regle<ContexteDevis> = {
  id: "montant-illisible",
  description: "Chaque cellule de montant du devis source contient un nombre lisible.",
  verifier({ devis }) {
    return (devis.illisibles ?? []).map((m) => ({
      regle: "montant-illisible",
      gravite: m.erreurExcel || m.formuleSansValeur ? ("erreur" as const) : ("alerte" as const),
      message: m.erreurExcel
        ? `${m.cellule} ${cite(m.libelle)} : le montant est une erreur Excel (${m.texte}) ; la ligne n'est pas comptée.`
        : m.formuleSansValeur
          ? `${m.cellule} ${cite(m.libelle)} : la formule ${m.texte} a été enregistrée sans son résultat ; ouvrez le classeur dans ` +
            `Excel et ` +
            `enregistrez-le, puis relancez. La ligne n'est pas comptée.`
          : `${m.cellule} ${cite(m.libelle)} : « ${m.texte} » n'est pas un montant ; la ligne n'est pas comptée.`,
      cellule: m.cellule,
    }));
  },
};
