import Decimal from "decimal.js";
import { analyserMontant, Cents, messageMontantRefuse, subCents, sumCents } from "../money";
import { categorieDepuisTexte } from "./categories";
import { ErreurDonnees } from "../erreurs";

/** A cell of a range passed to a custom function. */
export type ValeurPlage = number | string | boolean | null;

export class ArgumentFinancementError extends ErreurDonnees {}

function vide(v: ValeurPlage | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function montant(v: ValeurPlage, ou: string): Cents {
  // An error cell of the range (#DIV/0!, #N/A), should Excel hand it over: named, never read as text.
  if (typeof v === "object" && v !== null) throw new ArgumentFinancementError(`${ou} : ${erreurExcel(v)}.`);
  if (typeof v === "boolean")
    throw new ArgumentFinancementError(`${ou} : ${v ? "VRAI" : "FAUX"} n'est pas un montant.`);
  // « 12.500 » in a range: refused with both readings, never guessed (the parser of every PROD.* argument).
  const a = v === null ? undefined : analyserMontant(v);
  if (a?.type === "montant") return a.cents;
  if (!a || (a.type === "invalide" && !a.devise))
    throw new ArgumentFinancementError(`${ou} : « ${v} » n'est pas un montant.`);
  throw new ArgumentFinancementError(messageMontantRefuse(a, ou, v as string | number));
}

/** What an error cell of a range is said to be: « une erreur Excel (#DIV/0!) ». */
function erreurExcel(v: object): string {
  const code = (v as { code?: unknown }).code;
  return typeof code === "string" ? `une erreur Excel (${code})` : "une erreur Excel";
}

/** The amounts of a range, row by row (empty cells skipped). */
export function montantsPlage(plage: ValeurPlage[][]): Cents[] {
  const out: Cents[] = [];
  plage.forEach((l, i) =>
    l.forEach((v, j) => {
      if (!vide(v)) out.push(montant(v, `montants, ligne ${i + 1} colonne ${j + 1}`));
    }),
  );
  return out;
}

/** cout − Σ montants: positive = still to find, negative = excédent. */
export function resteAFinancer(montants: ValeurPlage[][], cout: Cents): Cents {
  return subCents(cout, sumCents(montantsPlage(montants)));
}

/**
 * Σ amounts whose category is public aid / cost. Categories are ids, labels or free text read like the plan's
 * « Nature » column; a category nobody recognises is refused rather than guessed.
 */
export function intensiteAides(
  montants: ValeurPlage[][],
  categories: ValeurPlage[][],
  cout: Cents,
  date: string,
): Decimal {
  if (montants.length !== categories.length || montants.some((l, i) => l.length !== categories[i].length)) {
    throw new ArgumentFinancementError(
      `montants (${montants.length}×${montants[0]?.length ?? 0}) et categories (${categories.length}×` +
        `${categories[0]?.length ?? 0}) doivent avoir la même taille.`,
    );
  }
  if (cout <= 0) throw new ArgumentFinancementError("cout_total doit être un montant positif.");
  let publiques = 0;
  montants.forEach((l, i) =>
    l.forEach((v, j) => {
      if (vide(v)) return;
      const ou = `ligne ${i + 1} colonne ${j + 1}`;
      const m = montant(v, `montants, ${ou}`);
      const t = categories[i][j];
      if (typeof t === "object" && t !== null)
        throw new ArgumentFinancementError(`categories, ${ou} : ${erreurExcel(t)}.`);
      if (vide(t)) throw new ArgumentFinancementError(`categories, ${ou} : catégorie vide pour un montant de ${v}.`);
      if (typeof t === "boolean")
        throw new ArgumentFinancementError(`categories, ${ou} : ${t ? "VRAI" : "FAUX"} n'est pas une catégorie.`);
      const c = categorieDepuisTexte(String(t), date);
      if (!c)
        throw new ArgumentFinancementError(
          `categories, ${ou} : catégorie « ${t} » inconnue (ex. « région », « CNC », « SOFICA », « préachat », « crédit d'impôt »).`,
        );
      if (c.public) publiques += m;
    }),
  );
  return new Decimal(publiques).dividedBy(cout);
}
