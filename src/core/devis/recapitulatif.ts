import { type Cents, sumCents, ZERO } from "../money/cents";
import type { SheetData } from "../port/workbook";
import { parseCelluleRef } from "../util/adresse";
import type { SecondBloc } from "./entetes";
import { norm } from "./lecture";
import type { CodeChapitre, Devis, RecapitulatifChapitres } from "./model";
import { chapitreDeColonne } from "./placement";

/** « 1.1 », « 2.3 », « 1.1 Droits d'auteur »: a sous-chapitre's number in the recap's first text (its chapter first). */
const SOUS_CHAPITRE = /^\s*0?([1-9])\.\d{1,2}(?=\s|$)/;
/** « Total 1 », « Total chapitre 2 », « TOTAL CHAP. 3 »: a chapter's total by its number. */
const TOTAL_CHAPITRE = /^(?:sous[- ]?)?total (?:du |de la )?(?:chapitre |chap\.? ?)?0?([1-9])$/;

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
  // Sous-chapitres (« 1.1 Droits d'auteur », « 2.3 ») by chapter, in order: their sum is the chapter's.
  const sous = new Map<CodeChapitre, { cellule: string; code: string; montant: Cents }[]>();
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
    const sc = SOUS_CHAPITRE.exec(textes[0] ?? "");
    if (sc) {
      const ch = sc[1] as CodeChapitre;
      sous.set(ch, [...(sous.get(ch) ?? []), { cellule: x.cellule, code: sc[0].trim(), montant: x.montant }]);
      continue;
    }
    const totalCh = TOTAL_CHAPITRE.exec(norm(libelle));
    if (totalCh) {
      lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre: totalCh[1] as CodeChapitre });
      continue;
    }
    const chapitre = textes.map((t) => chapitreDeColonne(t)).find((c) => c !== undefined);
    if (chapitre) lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre });
    else if (textes.length && textes.every((t) => /^total\b/.test(norm(t))))
      lus.push({ cellule: x.cellule, montant: x.montant, libelle, chapitre: "total" });
    else return undefined;
  }
  // A recap names each chapter once: a list of lines (several in one chapter) is not one.
  const codes = lus.filter((l) => l.chapitre !== "total").map((l) => l.chapitre);
  if ((!codes.length && !sous.size) || new Set(codes).size !== codes.length) return undefined;
  const ecarts: RecapitulatifChapitres["ecarts"] = [];
  const attenduDe = (ch: CodeChapitre) => devis.chapitres.find((c) => c.code === ch)?.total ?? ZERO;
  for (const [ch, xs] of sous) {
    const montant = sumCents(xs.map((x) => x.montant));
    const attendu = attenduDe(ch);
    if (montant !== attendu) {
      const libelle = xs.length > 1 ? `${xs[0].code} à ${xs[xs.length - 1].code}` : xs[0].code;
      ecarts.push({ cellule: xs[0].cellule, libelle: `sous-chapitres ${libelle}`, chapitre: ch, montant, attendu });
    }
  }
  for (const l of lus) {
    const attendu =
      l.chapitre === "total" ? devis.total : (devis.chapitres.find((c) => c.code === l.chapitre)?.total ?? ZERO);
    if (attendu !== l.montant)
      ecarts.push({ cellule: l.cellule, libelle: l.libelle, chapitre: l.chapitre, montant: l.montant, attendu });
  }
  return {
    chapitres: new Set([...codes, ...sous.keys()]).size,
    ...(sous.size ? { sousChapitres: [...sous.values()].reduce((n, xs) => n + xs.length, 0) } : {}),
    ...(lus.some((l) => l.chapitre === "total") ? { total: true as const } : {}),
    ecarts,
  };
}
