import type { ChartSpec } from "../core/port/workbook";
import { parseAdresse } from "../core/util/adresse";
import { echapperAttribut } from "./xml";

/** DrawingML for Prodbook's charts (ExcelJS cannot write them): one chart part per ChartSpec. */
export const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Escaped for both text and attribute values (see xml.ts). */
export const xmlEsc = echapperAttribut;

const ref = (f: string) => xmlEsc(f.replace(/^=/, ""));

function serie(c: ChartSpec, s: ChartSpec["series"][number], i: number): string {
  const debut = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlEsc(s.name)}</c:v></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${ref(c.categories)}</c:f></c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val>`;
  if (c.type === "line")
    return `<c:ser>${debut}<c:marker><c:symbol val="circle"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
  if (c.type === "pie") return `<c:ser>${debut}${cat}${val}</c:ser>`;
  return `<c:ser>${debut}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

function axes(horizontal: boolean): string {
  const [posCat, posVal] = horizontal ? ["l", "b"] : ["b", "l"];
  return (
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${posCat}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${posVal}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

const IDS_AXES = `<c:axId val="500000001"/><c:axId val="500000002"/>`;

export function chartXml(c: ChartSpec): string {
  const series = c.series.map((s, i) => serie(c, s, i)).join("");
  let trace: string;
  if (c.type === "pie") {
    trace = `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (c.type === "line") {
    trace =
      `<c:lineChart><c:grouping val="standard"/><c:varyColors ` +
      `val="0"/>${series}<c:marker val="1"/>${IDS_AXES}</c:lineChart>${axes(false)}`;
  } else {
    const dir = c.type === "bar" ? "bar" : "col";
    trace =
      `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
      `<c:gapWidth val="150"/>${IDS_AXES}</c:barChart>${axes(c.type === "bar")}`;
  }
  const titre =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="fr-FR" b="1"/>` +
    `<a:t>${xmlEsc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:lang val="fr-FR"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titre}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${trace}</c:plotArea>` +
    `<c:legend><c:legendPos val="${c.type === "pie" ? "r" : "b"}"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One drawing part anchoring the given charts; chart i uses relationship rId(i+1). */
export function drawingXml(charts: ChartSpec[]): string {
  const ancres = charts.map((c, i) => {
    const a = parseAdresse(c.anchor);
    const w = c.widthCols ?? 8,
      h = c.heightRows ?? 15;
    const pos = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(a.col, a.row)}</xdr:from><xdr:to>${pos(a.col + w, a.row + h)}</xdr:to>` +
      `<xdr:graphicFrame ` +
      `macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Graphique ${i + 1}" descr="` +
      `${xmlEsc(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}">` +
      `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId` +
      `${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ` +
    `xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${ancres.join("")}</xdr:wsDr>`
  );
}
