import { ErreurDonnees } from "../erreurs";
import { categorie } from "../financement/categories";
import { choisirFeuillePlan } from "../financement/entetesPlan";
import { lirePlanFinancement } from "../financement/lecture";
import type { SourceFinancement } from "../financement/model";
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
    aides = aidesPubliquesFrancaises(lirePlanFinancement(feuille, { date }).sources, date);
  } catch (e) {
    if (e instanceof ErreurDonnees) return undefined;
    throw e;
  }
  return phraseAidesDuPlan(feuille.name, aides, date, subventions);
}

/**
 * The sentence naming the plan's public aids (French money, the tax credit left out) beside the credit of the cinema
 * and audiovisual credits: none is deducted from the base but the amount the user gives (`subventions`), since only
 * the non-refundable subsidies directly allotted to eligible expenses are (220 sexies V). The same words for the pane
 * and the CLI (no option name: the pane's field and the CLI's option carry the same name, « subventions publiques »).
 * Undefined when the plan lists no such aid. Shared by `prodbook credit-impot` and `prodbook financement`.
 */
export function phraseAidesDuPlan(
  nomFeuille: string,
  aides: readonly SourceFinancement[],
  date: string,
  subventions: Cents | undefined,
): string | undefined {
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
    `Le plan de financement « ${nomFeuille} » compte ${formatMontantFr(total)} d'aides publiques ` +
    `(${nommees.join(" ; ")}${reste}) : ${saisies}. Seules les subventions publiques non remboursables directement ` +
    `affectées aux dépenses éligibles en sont déduites (CGI art. 220 sexies, V) : indiquez leur montant en ` +
    `subventions publiques non remboursables du calcul.`
  );
}

/** The plan's public aids in French money, the tax credit left out (what the sentence names). */
export function aidesPubliquesFrancaises(sources: readonly SourceFinancement[], date: string): SourceFinancement[] {
  return sources.filter((s) => s.categorie !== "credit-impot" && !s.etranger && categorie(s.categorie, date).public);
}
