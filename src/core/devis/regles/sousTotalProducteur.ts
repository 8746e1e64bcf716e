import type { Constat, Regle } from "../../controles/constat";
import { type Cents, subCents } from "../../money/cents";
import { parseCelluleRef } from "../../util/adresse";
import { pluriel } from "../../util/texte";
import { plagesFormule } from "../preuve";
import type { Devis, LigneDevis, LigneTotalProducteur } from "../model";
import { sommeLignes } from "../totaux";
import { cite, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";

/** Shared by the subtotal and total rules: the producer's row against the sum of the lines it covers. */
export function verifierTotaux(ctx: ContexteDevis, type: LigneTotalProducteur["type"], regle: string): Constat[] {
  const { devis } = ctx;
  // « TOTAL | 14 400 TTC » over 12 000 € of HT lines: their sum with TVA at 20 %, said by montant-taxe-ecrite, no écart.
  const taxes = new Set((devis.taxesEcrites ?? []).filter((m) => m.total?.taux).map((m) => m.cellule));
  return devis.totauxProducteur
    .filter((t) => t.type === type && !taxes.has(t.cellule))
    .flatMap((t): Constat[] => {
      const calcule = sommeLignes(devis.lignes, t.lignesCouvertes);
      const ecart = subCents(t.montant, calcule);
      const quoi = type === "total" ? "Le total" : "Le sous-total";
      const n = t.lignesCouvertes.length;
      if (ecart === 0 || (Math.abs(ecart) <= TOLERANCE_CENTIMES && n === 0)) return [];
      // Off by one cent (a rounding of the producer's sheet): accepted as proven, but said, never absorbed in silence.
      if (Math.abs(ecart) <= TOLERANCE_CENTIMES)
        return [
          {
            regle,
            gravite: "info" as const,
            message:
              `${t.cellule} : ${quoi} du producteur ${cite(t.libelle)} indique ${eur(t.montant)}, ` +
              `${n > 1 ? `les ${n} lignes qu'il couvre totalisent` : "la ligne qu'il couvre totalise"} ${eur(calcule)} : ` +
              `écart d'arrondi de ${eur(ecart)}, accepté ; le devis compte ses lignes (${eur(calcule)}).`,
            cellule: t.cellule,
          },
        ];
      const debut =
        `${t.cellule} : ${quoi} du producteur ${cite(t.libelle)} indique ${eur(t.montant)} mais ` +
        `${n > 1 ? `les ${n} lignes qu'il couvre totalisent` : "la ligne qu'il couvre totalise"} ` +
        `${eur(calcule)} (écart ${eur(ecart)})`;
      const textes = n === 0 ? "" : montantsEnTexte(devis, t, ecart);
      return [
        {
          regle,
          gravite: "erreur" as const,
          message:
            n === 0
              ? `${t.cellule} : ${quoi} du producteur ${cite(t.libelle)} indique ${eur(t.montant)} mais ` +
                `il ne couvre aucune ligne du devis (écart ${eur(ecart)}).` +
                (t.formule ? cellulesDeLaFormule(devis, t, ecart) : "")
              : textes
                ? `${debut}${textes}`
                : `${debut}.` + (t.formule ? cellulesDeLaFormule(devis, t, ecart) : ""),
          cellule: t.cellule,
        },
      ];
    });
}

/** Sums over ranges that leave text out: SUM/SOMME, SUBTOTAL/SOUS.TOTAL, AGGREGATE/AGREGAT, as Excel stores or shows them. */
const FONCTIONS_SOMME: readonly [RegExp, string][] = [
  [/^\s*(?:_xlfn\.)?(?:sum|somme)\s*\(/i, "SOMME"],
  [/^\s*(?:_xlfn\.)?(?:subtotal|sous\.total)\s*\(/i, "SOUS.TOTAL"],
  [/^\s*(?:_xlfn\.)?(?:aggregate|agregat)\s*\(/i, "AGREGAT"],
];

/**
 * The amounts typed as text among the lines a total covers (in its formula's ranges when it has one), when they make up
 * its gap to the cent: Excel's SUM leaves text out, so the producer's total falls short of exactly them. Said as the
 * cause, with the fix; « » when they are not the whole gap (the cause would then be a guess).
 */
function montantsEnTexte(devis: Devis, t: LigneTotalProducteur, ecart: Cents): string {
  const fonction = t.formule ? FONCTIONS_SOMME.find(([re]) => re.test(t.formule as string))?.[1] : undefined;
  // A formula adding cells one by one (« =G7+G10 ») converts a text to a number: the text is no cause there.
  if (t.formule && !fonction) return "";
  const plages = t.formule ? plagesFormule(t.formule, devis.feuille) : [];
  const dans = (ref: string) => {
    const c = parseCelluleRef(ref);
    return plages.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);
  };
  const couvertes = new Set(t.lignesCouvertes);
  const textes = devis.lignes
    .filter((l) => couvertes.has(l.id) && l.montantTexte && l.montant !== 0 && l.source.cellules.montant)
    .filter((l) => !t.formule || dans(l.source.cellules.montant as string))
    .map((l) => ({ cellule: l.source.cellules.montant as string, montant: l.montant }));
  if (!textes.length || textes.reduce((a, x) => a + x.montant, 0) !== -ecart) return "";
  const qui = fonction ? `la formule ${fonction}` : "une somme d'Excel";
  return textes.length > 1
    ? ` : ce sont les ${textes.length} montants écrits en texte en ${cellules(textes)}, que ${qui} ne compte pas ; ` +
        "saisissez-les comme nombres."
    : ` : c'est le montant écrit en texte en ${cellules(textes)}, que ${qui} ne compte pas ; saisissez-le comme nombre.`;
}

/** « Devis!C4 (2 000,00 €) », « Devis!C4 (2 000,00 €), Devis!C6 (…) », at most five then « … ». */
function cellules(items: readonly { cellule: string; montant: Cents }[]): string {
  const noms = items.slice(0, 5).map((x) => `${x.cellule} (${eur(x.montant)})`);
  return noms.join(", ") + (items.length > 5 ? `, … (${items.length} en tout)` : "");
}

/**
 * What the total's formula does with the lines it covers, cell by cell: the lines its ranges skip (« SUM(C2:C3) » over
 * C2 to C4), the subtotals they include on top of the lines (counted twice), the hidden rows a SUBTOTAL leaves out.
 * Said only when there is such a cell; « c'est tout l'écart » when they make up the gap to the cent.
 */
function cellulesDeLaFormule(devis: Devis, t: LigneTotalProducteur, ecart: Cents): string {
  const plages = plagesFormule(t.formule as string, devis.feuille);
  if (!plages.length) return "";
  const dans = (ref: string | undefined) => {
    if (!ref) return false;
    const c = parseCelluleRef(ref);
    return plages.some((x) => c.row >= x.r1 && c.row <= x.r2 && c.col >= x.c1 && c.col <= x.c2);
  };
  const couvertes = new Set(t.lignesCouvertes);
  const lignes = devis.lignes.filter((l) => couvertes.has(l.id) && l.source.cellules.montant);
  const item = (l: LigneDevis) => ({ cellule: l.source.cellules.montant as string, montant: l.montant });
  // A subtotal the formula references stands for its lines (« =C5+C6 »); with its lines in the ranges too, twice.
  const references = devis.totauxProducteur.filter((x) => x !== t && dans(x.cellule));
  const parSousTotal = new Set(references.flatMap((x) => x.lignesCouvertes));
  const directes = new Set(lignes.filter((l) => dans(l.source.cellules.montant)).map((l) => l.id));
  const omises = lignes.filter((l) => !directes.has(l.id) && !parSousTotal.has(l.id)).map(item);
  const doubles = references
    .filter((x) => x.lignesCouvertes.some((id) => couvertes.has(id) && directes.has(id)))
    .map((x) => ({ cellule: x.cellule, montant: x.montant }));
  // SUBTOTAL(9, …) and AGGREGATE leave out the rows a filter hides: the hidden lines it covers, counted in the devis.
  const sousTotal = /^\s*(?:_xlfn\.)?(subtotal|aggregate|sous\.total|agregat)\s*\(/i.test(t.formule as string);
  const masquees = new Set((devis.masquees ?? []).map((m) => m.cellule));
  const cachees = sousTotal
    ? lignes
        .filter((l) => dans(l.source.cellules.montant) && masquees.has(l.source.cellules.montant as string))
        .map(item)
    : [];
  // A subtotal it takes up that is itself wrong (named by its own finding): its gap carried into this total.
  const fausses = references
    .filter((x) => !doubles.some((d) => d.cellule === x.cellule))
    .map((x) => ({
      cellule: x.cellule,
      montant: x.montant,
      ecart: subCents(x.montant, sommeLignes(devis.lignes, x.lignesCouvertes)),
    }))
    .filter((x) => Math.abs(x.ecart) > TOLERANCE_CENTIMES);
  const parties: string[] = [];
  if (omises.length) parties.push(`omet ${pluriel(omises.length, "ligne")} : ${cellules(omises)}`);
  if (doubles.length) parties.push(`compte aussi, en plus de leurs lignes, ${cellules(doubles)}`);
  if (cachees.length)
    parties.push(`ne compte pas les lignes masquées (SOUS.TOTAL) : ${cellules(cachees)}, comptées dans le devis`);
  if (fausses.length)
    parties.push(
      `reprend ${fausses.length > 1 ? "les sous-totaux" : "le sous-total"} ` +
        fausses.map((x) => `${x.cellule}, faux de ${eur(x.ecart)}`).join(", "),
    );
  if (!parties.length) return "";
  const somme = (xs: readonly { montant: number }[]) => xs.reduce((a, x) => a + x.montant, 0);
  const report = fausses.reduce((a, x) => a + x.ecart, 0);
  const explique = somme(doubles) - somme(omises) - somme(cachees) + report === ecart;
  return ` Sa formule =${t.formule} ${parties.join(" ; ")}${explique ? " : c'est tout l'écart." : "."}`;
}

export const sousTotalProducteur: Regle<ContexteDevis> = {
  id: "sous-total-producteur",
  description: "Chaque sous-total du devis source est égal à la somme des lignes qu'il couvre.",
  verifier: (ctx) => verifierTotaux(ctx, "sous-total", "sous-total-producteur"),
};
