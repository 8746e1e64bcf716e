import { type Cents, ZERO } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { parseCelluleRef } from "../util/adresse";
import type { SecondBloc } from "./entetes";
import { norm } from "./lecture";
import type { CodeChapitre, Devis, RecapitulatifChapitres } from "./model";
import { chapitreDeColonne } from "./placement";

/**
 * A block beside the devis that recaps it by chapter (« Chapitre | Libellé | Total »): every row holding an amount names
 * a chapter (by its code or its label) or the total. Each amount is compared, to the cent, with the devis's total of that
 * chapter (0 when the devis has none) or with the devis's total; never counted. Undefined when a row names neither
 * (the block is something else: a second list of lines), when no row names a chapter or one is named twice. A number
 * is read as a code in the block's first column only (elsewhere it is a quantity or a rate).
 */
export function recapitulatifChapitres(
  sheet: SheetData,
  bloc: SecondBloc,
  cellules: readonly { cellule: string; montant?: Cents }[],
  devis: Pick<Devis, "chapitres" | "total">,
): RecapitulatifChapitres | undefined {
  const lus: { cellule: string; montant: Cents; libelle: string; chapitre: CodeChapitre | "total" }[] = [];
  for (const x of cellules) {
    if (x.montant === undefined) continue;
    const row = sheet.rows[parseCelluleRef(x.cellule).row] ?? [];
    const textes: string[] = [];
    // Texts, and a number only in the block's first column (a chapter's code): a quantity is no chapter.
    for (let c = bloc.debut; c < bloc.montant; c++) {
      const v = row[c]?.v;
      if ((typeof v === "string" && v.trim() !== "") || (typeof v === "number" && c === bloc.debut))
        textes.push(String(v).trim());
    }
    const libelle = textes.join(" ");
    const chapitre = textes.map((t) => chapitreDeColonne(t)).find((c) => c !== undefined);
    if (chapitre) lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre });
    else if (textes.length && textes.every((t) => /^total\b/.test(norm(t))))
      lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre: "total" });
    else return undefined;
  }
  // A recap names each chapter once: a list of lines (several in one chapter) is not one.
  const codes = lus.filter((l) => l.chapitre !== "total").map((l) => l.chapitre);
  if (!codes.length || new Set(codes).size !== codes.length) return undefined;
  const ecarts: RecapitulatifChapitres["ecarts"] = [];
  for (const l of lus) {
    const attendu =
      l.chapitre === "total" ? devis.total : (devis.chapitres.find((c) => c.code === l.chapitre)?.total ?? ZERO);
    if (attendu !== l.montant)
      ecarts.push({ cellule: l.cellule, libelle: l.libelle, chapitre: l.chapitre, montant: l.montant, attendu });
  }
  return {
    chapitres: lus.filter((l) => l.chapitre !== "total").length,
    ...(lus.some((l) => l.chapitre === "total") ? { total: true as const } : {}),
    ecarts,
  };
}
