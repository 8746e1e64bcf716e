import JSZip from "jszip";
import type { ChartSpec } from "../core/port/workbook";
import { chartXml, drawingXml, NS_R } from "./chartXml";
import {
  cheminRels,
  insererDrawing,
  lireRels,
  lireTypes,
  nouvelId,
  partiesFeuilles,
  prochainNumero,
  relsXml,
  typesXml,
  type Rel,
} from "./zipParties";
import { attr, echapperTexte, elements, ouvertureModifiee, racine, remplacer, type Remplacement } from "./xml";
import { conserverDessins, conserverFeuillesGraphiques, type Original } from "./conserverDessins";
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
  compression: "STORE" | "DEFLATE" = "DEFLATE",
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  if (original) await conserverDessins(zip, original);
  if (original?.feuillesGraphiques) await conserverFeuillesGraphiques(zip, original.donnees);
  if (validations) await restituer(zip, validations.misesDeCote, validations.feuilles);
  if (totaux.length) await ecrireTotaux(zip, totaux);
  const parties = await partiesFeuilles(zip);
  const types = lireTypes(await zip.file("[Content_Types].xml")!.async("string"));
  let nDrawing = prochainNumero(zip, "xl/drawings", "drawing");
  let nChart = prochainNumero(zip, "xl/charts", "chart");
  for (const g of feuilles) {
    const partie = parties.get(g.feuille);
    if (!partie) throw new Error(`Graphiques : feuille « ${g.feuille} » absente du fichier enregistré`);
    const sheetXml = await zip.file(partie)!.async("string");
    const tous = elements(sheetXml, { profondeurMax: 1, partie });
    if (tous.some((e) => e.profondeur === 1 && e.local === "drawing"))
      throw new Error(`Graphiques : la feuille « ${g.feuille} » a déjà un dessin`);
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
      types.surcharges.set(`/xl/charts/${chart}`, CT_CHART);
    });
    zip.file(`xl/drawings/${drawing}`, drawingXml(g.charts));
    zip.file(`xl/drawings/_rels/${drawing}.rels`, relsXml(drawingRels));
    types.surcharges.set(`/xl/drawings/${drawing}`, CT_DRAWING);
  }
  if (feuilles.length) zip.file("[Content_Types].xml", typesXml(types));
  return zip.generateAsync({ type: "nodebuffer", compression });
}

async function ecrireTotaux(zip: JSZip, totaux: TotauxTable[]): Promise<void> {
  const fichiers = zip.file(/^xl\/tables\/[^/]+\.xml$/);
  for (const f of fichiers) {
    const xml = await f.async("string");
    const tous = elements(xml, { partie: f.name });
    const table = racine(tous);
    const t = totaux.find((x) => x.table === attr(table, "name"));
    if (!t) continue;
    const edits: Remplacement[] = [];
    // Without a totals row Excel writes totalsRowShown="0" and no totals attributes on the columns.
    const sansTotaux = attr(table, "totalsRowCount") !== "1";
    if (sansTotaux && attr(table, "totalsRowShown") === "1")
      edits.push({
        debut: table.debut,
        fin: table.finOuverture,
        texte: ouvertureModifiee(table, (a) => a.map(([n, v]) => [n, n === "totalsRowShown" ? "0" : v])),
      });
    let j = 0;
    for (const e of tous) {
      // Excel writes no <filterColumn> for a plain visible filter button; ExcelJS writes one per column.
      if (e.local === "filterColumn" && e.autoFermant && attr(e, "hiddenButton") === "0" && e.attributs.length === 2)
        edits.push({ debut: e.debut, fin: e.fin, texte: "" });
      if (e.local !== "tableColumn") continue;
      const formule = t.formules.get(j++);
      const garder = (a: [string, string][]) =>
        sansTotaux ? a.filter(([n, v]) => n !== "totalsRowLabel" && !(n === "totalsRowFunction" && v === "none")) : a;
      if (formule === undefined && !sansTotaux) continue;
      if (formule === undefined || !e.autoFermant) {
        edits.push({ debut: e.debut, fin: e.finOuverture, texte: ouvertureModifiee(e, garder) });
        continue;
      }
      edits.push({
        debut: e.debut,
        fin: e.fin,
        texte:
          ouvertureModifiee(e, garder, false) +
          `<totalsRowFormula>${echapperTexte(formule)}</totalsRowFormula></${e.nom}>`,
      });
    }
    zip.file(f.name, remplacer(xml, edits));
  }
}
