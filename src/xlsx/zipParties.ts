import type JSZip from "jszip";
import { NS_R, xmlEsc } from "./chartXml";

/** Small helpers over the parts of an xlsx package (OPC): relationships, sheet parts, content types. */
export interface Rel {
  id: string;
  type: string;
  target: string;
  externe?: boolean;
}

export const desEsc = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export function lireRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const attr = (n: string) => desEsc(new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "");
    return {
      id: attr("Id"),
      type: attr("Type"),
      target: attr("Target"),
      ...(attr("TargetMode") === "External" ? { externe: true } : {}),
    };
  });
}

export function relsXml(rels: Rel[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
    `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels
      .map(
        (r) =>
          `<Relationship Id="${xmlEsc(r.id)}" Type="${xmlEsc(r.type)}" Target="${xmlEsc(r.target)}"` +
          `${r.externe ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    `</Relationships>`
  );
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels" */
export function cheminRels(partie: string): string {
  const i = partie.lastIndexOf("/");
  return `${partie.slice(0, i)}/_rels/${partie.slice(i + 1)}.rels`;
}

/** The part a relationship of `source` points to, as a zip path. */
export function resoudre(source: string, cible: string): string {
  if (cible.startsWith("/")) return cible.slice(1);
  const out = source.split("/").slice(0, -1);
  for (const s of cible.split("/")) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/** Relative target from `source`'s folder to `partie`. */
export function relatif(source: string, partie: string): string {
  const a = source.split("/").slice(0, -1),
    b = partie.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

export function prochainNumero(zip: JSZip, dossier: string, prefixe: string, ext = "xml"): number {
  let max = 0;
  zip.forEach((p) => {
    const m = new RegExp(`^${dossier}/${prefixe}(\\d+)\\.${ext}$`).exec(p);
    if (m) max = Math.max(max, +m[1]);
  });
  return max + 1;
}

export function nouvelId(rels: Rel[]): string {
  let i = rels.length + 1;
  while (rels.some((r) => r.id === `rId${i}`)) i++;
  return `rId${i}`;
}

/** Sheet name → worksheet part path ("xl/worksheets/sheet3.xml"). */
export async function partiesFeuilles(zip: JSZip): Promise<Map<string, string>> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = lireRels(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const nom = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = rels.find((r) => r.id === rid);
    if (nom === undefined || !rel) continue;
    out.set(desEsc(nom), resoudre("xl/workbook.xml", rel.target));
  }
  return out;
}

/** Where <drawing> goes in CT_Worksheet: before legacyDrawing, tableParts, extLst…, or at the end. */
export function insererDrawing(sheetXml: string, rid: string): string {
  const balise = `<drawing r:id="${rid}"/>`;
  let xml = sheetXml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS_R}"`);
  const m =
    /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
      xml,
    );
  const i = m ? m.index : xml.lastIndexOf("</worksheet>");
  return xml.slice(0, i) + balise + xml.slice(i);
}

export async function lireTexte(zip: JSZip, chemin: string): Promise<string | undefined> {
  return zip.file(chemin)?.async("string");
}
