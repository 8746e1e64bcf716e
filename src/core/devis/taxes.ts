import { estFormatPourcentage } from "../port/devises";
import { cents, eurosToCents, MONTANT_MAX_CENTIMES } from "../money/cents";
import type { SheetData } from "../port/workbook";
import type { Convention } from "../money/parse";
import { celluleRef } from "../util/adresse";
import type { ColonneMontant, Entete } from "./entetes";
import type { LigneDevis, MontantTaxe, TaxesLigne, TvaSansHT } from "./model";
import { lireMontantCellule } from "./valeurs";

/**
 * « Montant HT | TVA | Montant TTC »: for each line whose three cells hold an amount, the three amounts and
 * TTC − (HT + TVA), computed on the cells' exact values and rounded to the cent (so a formula's float noise is no
 * gap, a cent is). The HT column is the one read (« HT », or « Montant » read as HT); undefined when the header
 * lacks one of the three.
 */
export function lireTaxes(
  sheet: SheetData,
  lignes: readonly LigneDevis[],
  montants: Entete["montants"],
  convention?: Convention,
): TaxesLigne[] | undefined {
  if (!montants) return undefined;
  const ht = montants.retenue.nature === "ht" || montants.retenue.nature === "montant" ? montants.retenue : undefined;
  const tva = montants.ecartees.find((c) => c.nature === "tva");
  const ttc = montants.ecartees.find((c) => c.nature === "ttc");
  if (!ht || !tva || !ttc) return undefined;
  const out: TaxesLigne[] = [];
  const vues = new Set<number>();
  for (const l of lignes) {
    // A charges line drawn from a salary's cell shares its row: one check per row.
    if (l.chargesDe || vues.has(l.source.ligne)) continue;
    vues.add(l.source.ligne);
    const r = l.source.ligne - 1;
    const lus = [ht, tva, ttc].map((c) => lire(sheet, r, c, convention));
    const [h, t, c] = lus;
    if (!h || !t || !c) continue;
    out.push({
      libelle: l.libelle,
      base: ht.nature === "ht" ? "ht" : "montant",
      ht: h.montant,
      tva: t.montant,
      ttc: c.montant,
      ecart: eurosToCents(c.valeur.minus(h.valeur).minus(t.valeur)),
    });
  }
  return out;
}

/**
 * « Montant TTC | TVA » without a HT column: over the rows of the lines read whose two cells hold an amount, Σ TTC
 * and Σ TVA (the HT they imply is the difference, said in the finding, never counted). Undefined otherwise.
 */
export function tvaSansHT(
  sheet: SheetData,
  lignes: readonly LigneDevis[],
  montants: Entete["montants"],
  convention?: Convention,
): TvaSansHT | undefined {
  const tva = montants?.ecartees.find((c) => c.nature === "tva");
  if (!montants || montants.retenue.nature !== "ttc" || !tva) return undefined;
  let ttc = 0,
    somme = 0,
    n = 0;
  const vues = new Set<number>();
  for (const l of lignes) {
    if (l.chargesDe || vues.has(l.source.ligne)) continue;
    vues.add(l.source.ligne);
    const [c, t] = [montants.retenue, tva].map((x) => lire(sheet, l.source.ligne - 1, x, convention));
    if (!c || !t) continue;
    ttc += c.montant.montant;
    somme += t.montant.montant;
    n++;
  }
  return { ttc: cents(ttc), tva: cents(somme), lignes: n };
}

/**
 * A cell's exact amount and its cents; undefined for anything else (empty, text, error, date, absurd size, or a
 * number shown as a percentage: a « TVA » column holding the rate, 20 %, not its amount).
 */
function lire(sheet: SheetData, r: number, col: ColonneMontant, convention?: Convention) {
  const cellule = sheet.rows[r]?.[col.col];
  if (estFormatPourcentage(cellule?.fmt)) return undefined;
  const lu = lireMontantCellule(cellule, convention);
  if (lu.type !== "montant" || lu.valeur.abs().times(100).greaterThanOrEqualTo(MONTANT_MAX_CENTIMES)) return undefined;
  const montant: MontantTaxe = { cellule: celluleRef(sheet.name, r, col.col), montant: eurosToCents(lu.valeur) };
  return { valeur: lu.valeur, montant };
}
