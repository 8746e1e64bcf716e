import { Cents, centsToEuros, ratio } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, NoteSpec, SheetSpec } from "../port/workbook";
import { noteDeRatio, noteDeTrace } from "../traces/note";
import type { Trace } from "../traces/trace";
import { nomFeuilleRef } from "../util/adresse";
import type { Devis } from "./model";
import type { PlanDevis } from "./feuilleDevis";

const LIGNE_DUREE = 2; // Excel row of the editable duration (B2)

/**
 * « Synthèse »: chapter totals read from the Devis sheet, share of the total, cost per minute from an editable duration.
 * Each amount carries the note of the Devis figure it repeats (« repris de Devis!H12 »), the cost per minute its own.
 */
export function feuilleSynthese(devis: Devis, nom: string, plan: PlanDevis): SheetSpec {
  const d = nomFeuilleRef(plan.spec.name);
  const notes: NoteSpec[] = [];
  const annoter = (cell: string, t: Trace | undefined, ou?: string) => {
    if (t) notes.push({ cell, text: noteDeTrace(t, [t.formule, ou].filter(Boolean).join(" ; ") || undefined) });
  };
  const rows: CellSpec[][] = [
    ["Synthèse du devis"],
    ["Durée (minutes)", devis.dureeMinutes ?? null, "← modifiable : le coût par minute se recalcule"],
    [],
    ["Chapitre", "Libellé", "Montant", "% du total"],
  ];
  const premiere = rows.length + 1;
  const nChap = devis.chapitres.length;
  const ligneTotal = premiere + nChap + 1; // Excel row of TOTAL (after the hors-frais row)
  const pct = (r: number, montant: Cents, libelle: string): CellSpec => {
    // The ratio's note: which amount over the total, read in which cells of this sheet.
    notes.push({
      cell: `D${r}`,
      text: noteDeRatio(
        `Part du total : ${libelle}`,
        { libelle, montant, cellule: `C${r}` },
        { libelle: "total du devis", montant: devis.total, cellule: `C${ligneTotal}` },
      ),
    });
    return {
      formula: `IF($C$${ligneTotal}=0,0,C${r}/$C$${ligneTotal})`,
      result: ratio(montant, devis.total)?.toNumber() ?? 0,
    };
  };
  devis.chapitres.forEach((ch, k) => {
    const r = premiere + k;
    const src = plan.ligneChapitre.get(ch.code) as number;
    rows.push([
      ch.code,
      ch.libelle,
      { formula: `${d}!H${src + 1}`, result: centsToEuros(ch.total) },
      pct(r, ch.total, `chapitre ${ch.code} ${ch.libelle}`),
    ]);
    annoter(`C${r}`, plan.traces.chapitres[ch.code], `repris de ${d}!H${src + 1}`);
  });
  annoter(`C${premiere + nChap}`, plan.traces.totalHorsFrais, `repris de ${d}!H${plan.ligneHorsFrais + 1}`);
  annoter(`C${ligneTotal}`, plan.traces.total, `repris de ${d}!H${plan.ligneTotal + 1}`);
  annoter(`C${ligneTotal + 1}`, plan.traces.coutMinute, `durée modifiable en B${LIGNE_DUREE}`);
  const rHf = premiere + nChap;
  rows.push([
    null,
    "Coût hors frais (chapitres 1 à 9)",
    { formula: `${d}!H${plan.ligneHorsFrais + 1}`, result: centsToEuros(devis.totalHorsFrais) },
    pct(rHf, devis.totalHorsFrais, "coût hors frais"),
  ]);
  rows.push([
    null,
    "TOTAL",
    { formula: `${d}!H${plan.ligneTotal + 1}`, result: centsToEuros(devis.total) },
    pct(ligneTotal, devis.total, "total du devis"),
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
    ...(notes.length ? { notes } : {}),
  };
}
