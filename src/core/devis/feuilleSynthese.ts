import { Cents, centsToEuros, ratio } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, SheetSpec } from "../port/workbook";
import { nomFeuilleRef } from "../util/adresse";
import type { Devis } from "./model";
import type { PlanDevis } from "./feuilleDevis";

const LIGNE_DUREE = 2; // Excel row of the editable duration (B2)

/** « Synthèse »: chapter totals read from the Devis sheet, share of the total, cost per minute from an editable duration. */
export function feuilleSynthese(devis: Devis, nom: string, plan: PlanDevis): SheetSpec {
  const d = nomFeuilleRef(plan.spec.name);
  const rows: CellSpec[][] = [
    ["Synthèse du devis"],
    ["Durée (minutes)", devis.dureeMinutes ?? null, "← modifiable : le coût par minute se recalcule"],
    [],
    ["Chapitre", "Libellé", "Montant", "% du total"],
  ];
  const premiere = rows.length + 1;
  const nChap = devis.chapitres.length;
  const ligneTotal = premiere + nChap + 1; // Excel row of TOTAL (after the hors-frais row)
  const pct = (r: number, montant: Cents): CellSpec => ({
    formula: `IF($C$${ligneTotal}=0,0,C${r}/$C$${ligneTotal})`,
    result: ratio(montant, devis.total)?.toNumber() ?? 0,
  });
  devis.chapitres.forEach((ch, k) => {
    const r = premiere + k;
    const src = plan.ligneChapitre.get(ch.code) as number;
    rows.push([ch.code, ch.libelle, { formula: `${d}!H${src + 1}`, result: centsToEuros(ch.total) }, pct(r, ch.total)]);
  });
  const rHf = premiere + nChap;
  rows.push([
    null,
    "Coût hors frais (chapitres 1 à 9)",
    { formula: `${d}!H${plan.ligneHorsFrais + 1}`, result: centsToEuros(devis.totalHorsFrais) },
    pct(rHf, devis.totalHorsFrais),
  ]);
  rows.push([
    null,
    "TOTAL",
    { formula: `${d}!H${plan.ligneTotal + 1}`, result: centsToEuros(devis.total) },
    pct(ligneTotal, devis.total),
  ]);
  rows.push([
    null,
    "Coût par minute",
    {
      formula: `IF(AND(ISNUMBER($B$${LIGNE_DUREE}),$B$${LIGNE_DUREE}>0),ROUND(C${ligneTotal}/$B$${LIGNE_DUREE},2),"")`,
      result: devis.coutMinute !== undefined ? centsToEuros(devis.coutMinute) : "",
    },
  ]);
  const fin = ligneTotal + 1;
  const moi = nomFeuilleRef(nom);
  const charts: SheetSpec["charts"] = nChap
    ? [
        {
          type: "bar",
          title: "Répartition par chapitre",
          categories: `${moi}!$B$${premiere}:$B$${premiere + nChap - 1}`,
          series: [{ name: "Montant", values: `${moi}!$C$${premiere}:$C$${premiere + nChap - 1}` }],
          anchor: "F4",
          widthCols: 9,
          heightRows: Math.max(14, nChap + 6),
        },
      ]
    : [];
  return {
    name: nom,
    rows,
    columns: [
      { width: 10 },
      { width: 40 },
      { width: 16, numFmt: FORMAT_EXCEL.montant },
      { width: 11, numFmt: FORMAT_EXCEL.pourcent },
    ],
    formats: [
      { range: "A1", bold: true },
      { range: `B${LIGNE_DUREE}`, fill: "#FFF2CC", numFmt: "General" },
      { range: `C${LIGNE_DUREE}`, italic: true, fontColor: "#595959" },
      { range: "A4:D4", bold: true, fill: "#DDEBF7" },
      { range: `A${rHf}:D${rHf}`, bold: true, borderTop: true },
      { range: `A${ligneTotal}:D${fin}`, bold: true },
    ],
    freeze: { rows: 4 },
    tabColor: "#2F5597",
    charts,
    print: { repeatRows: 4, fitToWidth: true, landscape: true },
  };
}
