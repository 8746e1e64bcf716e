import JSZip from "jszip";
import type { ChartSpec } from "../core/port/workbook";
import { chartXml, drawingXml, NS_R, relsXml, xmlEsc } from "./chartXml";

export interface GraphiquesFeuille { feuille: string; charts: ChartSpec[] }
/** Custom totals-row formulas of a table, by 0-based column (ExcelJS does not write <totalsRowFormula>). */
export interface TotauxTable { table: string; formules: Map<number, string> }

const T_DRAWING = `${NS_R}/drawing`;
const T_CHART = `${NS_R}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

const desEsc = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

interface Rel { id: string; type: string; target: string }

function lireRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const attr = (n: string) => desEsc(new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "");
    return { id: attr("Id"), type: attr("Type"), target: attr("Target") };
  });
}

function prochainNumero(zip: JSZip, dossier: string, prefixe: string): number {
  let max = 0;
  zip.forEach((p) => {
    const m = new RegExp(`^${dossier}/${prefixe}(\\d+)\\.xml$`).exec(p);
    if (m) max = Math.max(max, +m[1]);
  });
  return max + 1;
}

function nouvelId(rels: Rel[]): string {
  let i = rels.length + 1;
  while (rels.some((r) => r.id === `rId${i}`)) i++;
  return `rId${i}`;
}

/** Sheet name → worksheet part path ("xl/worksheets/sheet3.xml"). */
async function partiesFeuilles(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = lireRels(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/>/g)) {
    const nom = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = rels.find((r) => r.id === rid);
    if (nom === undefined || !rel) continue;
    const cible = rel.target.startsWith("/") ? rel.target.slice(1) : `xl/${rel.target}`;
    out.set(desEsc(nom), cible);
  }
  return out;
}

/** Where <drawing> goes in CT_Worksheet: before legacyDrawing, tableParts, extLst, or at the end. */
function insererDrawing(sheetXml: string, rid: string): string {
  const balise = `<drawing r:id="${rid}"/>`;
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  const m = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(xml);
  const i = m ? m.index : xml.lastIndexOf("</worksheet>");
  return xml.slice(0, i) + balise + xml.slice(i);
}

/**
 * Completes a saved xlsx with what ExcelJS cannot write: drawing and chart parts (with their
 * relationships and content types) and the custom formulas of tables' totals rows.
 */
export async function completerXlsx(xlsx: Buffer, feuilles: GraphiquesFeuille[], totaux: TotauxTable[] = []): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (totaux.length) await ecrireTotaux(zip, totaux);
  const parties = await partiesFeuilles(zip);
  let types = await zip.file("[Content_Types].xml")!.async("string");
  const overrides: string[] = [];
  let nDrawing = prochainNumero(zip, "xl/drawings", "drawing");
  let nChart = prochainNumero(zip, "xl/charts", "chart");
  for (const g of feuilles) {
    const partie = parties.get(g.feuille);
    if (!partie) throw new Error(`Graphiques : feuille « ${g.feuille} » absente du fichier enregistré`);
    const sheetXml = await zip.file(partie)!.async("string");
    if (/<drawing\b/.test(sheetXml)) throw new Error(`Graphiques : la feuille « ${g.feuille} » a déjà un dessin`);
    const dossier = partie.slice(0, partie.lastIndexOf("/"));
    const relsPath = `${dossier}/_rels/${partie.slice(dossier.length + 1)}.rels`;
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
  types = types.replace("</Types>", overrides.join("") + "</Types>");
  zip.file("[Content_Types].xml", types);
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
    let j = 0;
    xml = xml.replace(/<tableColumn\b([^>]*?)\/>/g, (tout, attrs: string) => {
      const formule = t.formules.get(j++);
      return formule === undefined ? tout : `<tableColumn${attrs}><totalsRowFormula>${xmlEsc(formule)}</totalsRowFormula></tableColumn>`;
    });
    zip.file(f.name, xml);
  }
}
