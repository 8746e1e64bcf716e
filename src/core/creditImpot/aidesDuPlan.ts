import { ErreurDonnees } from "../erreurs";
import { categorie } from "../financement/categories";
import { choisirFeuillePlan } from "../financement/entetesPlan";
import { lirePlanFinancement } from "../financement/lecture";
import { type Cents, formatMontantFr, sumCents } from "../money";
import type { SheetData } from "../port/workbook";
import type { RegimeCredit } from "./modele";

/** At most this many aids named one by one in the sentence (the rest summed). */
const AIDES_NOMMEES = 5;

/**
 * The public aids the workbook's financing plan lists (French money, the tax credit itself left out), said to the user
 * of the cinema and audiovisual credits: the non-refundable subsidies directly allotted to eligible expenses come off
 * the base (220 sexies V), but which of these aids they are is the user's to say — none is deducted without their
 * amount (`subventionsPubliques`). Undefined when there is no plan, it cannot be read (`financement` names its
 * faults), or it lists no public aid.
 */
export function aidesPubliquesDuPlan(
  feuilles: SheetData[],
  regime: RegimeCredit,
  annee: number,
  subventions: Cents | undefined,
): string | undefined {
  if (regime === "international") return undefined;
  const feuille = choisirFeuillePlan(feuilles);
  if (!feuille) return undefined;
  const date = `${annee}-12-31`;
  let aides;
  try {
    aides = lirePlanFinancement(feuille, { date }).sources.filter(
      (s) => s.categorie !== "credit-impot" && !s.etranger && categorie(s.categorie, date).public,
    );
  } catch (e) {
    if (e instanceof ErreurDonnees) return undefined;
    throw e;
  }
  if (!aides.length) return undefined;
  const total = sumCents(aides.map((s) => s.montant));
  const nommees = aides
    .slice(0, AIDES_NOMMEES)
    .map(
      (s) =>
        `« ${categorie(s.categorie, date).libelle} » de ${s.financeur}, ${formatMontantFr(s.montant)}` +
        `${s.cellule ? ` (${s.cellule})` : ""}`,
    );
  const reste = aides.length > AIDES_NOMMEES ? ` ; et ${aides.length - AIDES_NOMMEES} autres` : "";
  const saisies =
    subventions === undefined
      ? "aucune n'est déduite de la base"
      : `les subventions saisies (${formatMontantFr(subventions)}) sont déduites de la base`;
  return (
    `Le plan de financement « ${feuille.name} » compte ${formatMontantFr(total)} d'aides publiques ` +
    `(${nommees.join(" ; ")}${reste}) : ${saisies}. Seules les subventions publiques non remboursables directement ` +
    `affectées aux dépenses éligibles en sont déduites (CGI art. 220 sexies, V) : indiquez lesquelles, par leur ` +
    `montant (option --subventions, champ « Subventions publiques non remboursables » du volet).`
  );
}
