import type { Constat } from "../core/controles/constat";
import type { WorkbookPort } from "../core/port/workbook";
import { clesProches, lireParametres, nomFeuilleParametres, suggestionCle } from "../core/regles/parametres";
import { clesParametresLues } from "./commandes/regles";

/** The « Paramètres » keys a command reads: its prefixes, and those under which its calculation already names a key. */
export interface DomaineParametres {
  /** The prefixes of the keys the command's calculations read (« credit-impot. »). */
  prefixes: readonly string[];
  /** The prefixes whose unknown keys the calculation already names (its own finding): not said twice. */
  dejaNommes: readonly string[];
}

/** The domains of the commands that read the « Paramètres » sheet. */
export const DOMAINES_PARAMETRES = {
  creditImpot: { prefixes: ["credit-impot."], dejaNommes: ["credit-impot."] },
  devis: { prefixes: ["devis.", "charges-sociales."], dejaNommes: ["devis."] },
  financement: { prefixes: ["intensite-aides."], dejaNommes: ["intensite-aides."] },
  planning: { prefixes: ["temps-de-travail."], dejaNommes: ["temps-de-travail."] },
  carbone: { prefixes: ["carbone."], dejaNommes: ["carbone."] },
} as const satisfies Record<string, DomaineParametres>;

/**
 * The « Paramètres » keys that no calculation reads (clesParametresLues, the list `prodbook regles` checks) and that
 * this command could have meant: a typo in the prefix (« credit-impt.cinema.taux ») is read by nothing, and the
 * command's own check, which looks only under its prefix, never sees it. Each is an alert naming its cell and the known
 * keys it most likely meant (« Vouliez-vous dire … »). Said by the command whose domain holds the closest known key,
 * and by every command when no known key is close (its domain cannot be told): a typo in a carbon factor's key is not
 * repeated by devis, financement, planning and credit-impot, and a key nothing resembles is never silent.
 */
export async function constatsParametresNonLus(wb: WorkbookPort, domaine: DomaineParametres): Promise<Constat[]> {
  const nom = nomFeuilleParametres(await wb.listSheets());
  if (!nom) return [];
  const lues = clesParametresLues();
  const dans = (cle: string, prefixes: readonly string[]) => prefixes.some((p) => cle.startsWith(p));
  const out: Constat[] = [];
  for (const [cle, e] of lireParametres(await wb.readSheet(nom))) {
    if (lues.has(cle) || dans(cle, domaine.dejaNommes)) continue;
    const proches = clesProches(cle, lues);
    if (proches.length && !proches.some((k) => dans(k, domaine.prefixes))) continue;
    out.push({
      regle: "parametre-non-lu",
      gravite: "alerte",
      message:
        `${e.cellule} : paramètre « ${cle} » lu par aucun calcul, ignoré (la valeur en vigueur reste celle des ` +
        `règles).${suggestionCle(proches)}`,
      cellule: e.cellule,
    });
  }
  return out;
}
