import JSZip from "jszip";
import type { ChartSpec } from "../core/port/workbook";
import { chartXml, drawingXml, NS_R, xmlEsc } from "./chartXml";
import {
  cheminRels,
  desEsc,
  insererDrawing,
  lireRels,
  nouvelId,
  partiesFeuilles,
  prochainNumero,
  relsXml,
  type Rel,
} from "./zipParties";
import { conserverDessins, type Original } from "./conserverDessins";
import { restituer, type MisesDeCote } from "./validationsVolumineuses";

export interface GraphiquesFeuille {
  feuille: string;
  charts: ChartSpec[];
}
/** Custom totals-row formulas of a table, by 0-based column (ExcelJS does not write <totalsRowFormula>). */
export interface TotauxTable {
  table: string;
  formules: Map<number, string>;
}

const T_DRAWING = `${NS_R}/drawing`;
const T_CHART = `${NS_R}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * Completes a saved xlsx with what ExcelJS cannot write: drawing and chart parts (with their
 * relationships and content types) and the custom formulas of tables' totals rows.
 */
export async function completerXlsx(
  xlsx: Buffer,
  feuilles: GraphiquesFeuille[],
  totaux: TotauxTable[] = [],
  original?: Original,
  validations?: { misesDeCote: MisesDeCote; feuilles: string[] },
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (original) await conserverDessins(zip, original);
  if (validations) await restituer(zip, validations.misesDeCote, validations.feuilles);
  if (totaux.length) await ecrireTotaux(zip, totaux);
  const parties = await partiesFeuilles(zip);
  const overrides: string[] = [];
  let nDrawing = prochainNumero(zip, "xl/drawings", "drawing");
  let nChart = prochainNumero(zip, "xl/charts", "chart");
  for (const g of feuilles) {
    const partie = parties.get(g.feuille);
    if (!partie) throw new Error(`Graphiques : feuille « ${g.feuille} » absente du fichier enregistré`);
    const sheetXml = await zip.file(partie)!.async("string");
    if (/<drawing\b/.test(sheetXml)) throw new Error(`Graphiques : la feuille « ${g.feuille} » a déjà un dessin`);
    const relsPath = cheminRels(partie);
    const sheetRels = lireRels(await zip.file(relsPath)?.async("string"));
    const drawing = `drawing${nDrawing++}.xml`;
    const rid = nouvelId(sheetRels);
    sheetRels.push({ id: rid, type: T_DRAWING, target: `../drawings/${drawing}` });
    zip.file(relsPath, relsXml(sheetRels));
    zip.file(partie, insererDrawing(sheetXml, rid));
    const drawingRels: Rel[] = [];
    g.charts.forEach((c, i) => {
      const chart = `chart${nChart++}.xml`;
      zip.file(`xl/charts/${chart}`, chartXml(c));
      drawingRels.push({ id: `rId${i + 1}`, type: T_CHART, target: `../charts/${chart}` });
      overrides.push(`<Override PartName="/xl/charts/${chart}" ContentType="${CT_CHART}"/>`);
    });
    zip.file(`xl/drawings/${drawing}`, drawingXml(g.charts));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/${xmlEsc(drawing)}" ContentType="${CT_DRAWING}"/>`);
  }
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", overrides.join("") + "</Types>"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function ecrireTotaux(zip: JSZip, totaux: TotauxTable[]): Promise<void> {
  const fichiers = zip.file(/^xl\/tables\/[^/]+\.xml$/);
  for (const f of fichiers) {
    let xml = await f.async("string");
    const nom = desEsc(/<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? "");
    const t = totaux.find((x) => x.table === nom);
    if (!t) continue;
    // Excel writes no <filterColumn> for a plain visible filter button; ExcelJS writes one per column.
    xml = xml.replace(/<filterColumn colId="\d+" hiddenButton="0"\/>/g, "");
    if (!/totalsRowCount="1"/.test(xml)) {
      // Without a totals row Excel writes totalsRowShown="0" and no totals attributes on the columns.
      xml = xml
        .replace(/ totalsRowShown="1"/, ' totalsRowShown="0"')
        .replace(/ totalsRowLabel="[^"]*"/g, "")
        .replace(/ totalsRowFunction="none"/g, "");
    }
    let j = 0;
    xml = xml.replace(/<tableColumn\b([^>]*?)\/>/g, (tout, attrs: string) => {
      const formule = t.formules.get(j++);
      return formule === undefined
        ? tout
        : `<tableColumn${attrs}><totalsRowFormula>${xmlEsc(formule)}</totalsRowFormula></tableColumn>`;
    });
    zip.file(f.name, xml);
  }
}
