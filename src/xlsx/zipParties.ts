import type JSZip from "jszip";
import { NS_R } from "./chartXml";
import {
  apresDansFeuille,
  attr,
  baliseOuvrante,
  echapperAttribut,
  elements,
  enfants,
  positionAvant,
  racine,
  remplacer,
} from "./xml";

/** Small helpers over the parts of an xlsx package (OPC): relationships, sheet parts, content types. */
export interface Rel {
  id: string;
  type: string;
  target: string;
  externe?: boolean;
}

export function lireRels(xml: string | undefined, partie = "rels"): Rel[] {
  if (!xml) return [];
  return elements(xml, { profondeurMax: 1, partie })
    .filter((e) => e.profondeur === 1 && e.local === "Relationship")
    .map((e) => ({
      id: attr(e, "Id") ?? "",
      type: attr(e, "Type") ?? "",
      target: attr(e, "Target") ?? "",
      ...(attr(e, "TargetMode") === "External" ? { externe: true } : {}),
    }));
}

export function relsXml(rels: Rel[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships ` +
    `xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels
      .map((r) =>
        baliseOuvrante(
          "Relationship",
          [
            ["Id", r.id],
            ["Type", r.type],
            ["Target", r.target],
            ...(r.externe ? [["TargetMode", "External"]] : []),
          ] as [string, string][],
          true,
        ),
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
  const rels = lireRels(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"), "xl/_rels/workbook.xml.rels");
  const out = new Map<string, string>();
  const tous = elements(wb, { profondeurMax: 2, partie: "xl/workbook.xml" });
  const sheets = enfants(tous, racine(tous), "sheets")[0];
  for (const e of sheets ? enfants(tous, sheets, "sheet") : []) {
    const nom = attr(e, "name");
    const rid = attr(e, "id", NS_R);
    const rel = rels.find((r) => r.id === rid);
    // A chart sheet (« Graphique1 », a chart on its own tab) has no cells: it is no worksheet part.
    if (nom === undefined || !rel || !rel.type.endsWith("/worksheet")) continue;
    out.set(nom, resoudre("xl/workbook.xml", rel.target));
  }
  return out;
}

/**
 * The first part holding the workbook's data (its shared strings, a worksheet) that the workbook's relationships
 * name but the archive lacks (OPC part names compare case-insensitively), or undefined: such a file is damaged —
 * read as it is, every text cell would be empty, and a command would answer as if the workbook held nothing.
 */
export async function partieDeDonneesAbsente(zip: JSZip): Promise<string | undefined> {
  const rels = lireRels(await zip.file("xl/_rels/workbook.xml.rels")?.async("string"), "xl/_rels/workbook.xml.rels");
  const presentes = new Set(Object.keys(zip.files).map((n) => n.toLowerCase()));
  return rels
    .filter((r) => !r.externe && /\/(sharedStrings|worksheet)$/.test(r.type))
    .map((r) => resoudre("xl/workbook.xml", r.target))
    .find((p) => !presentes.has(p.toLowerCase()));
}

/** Adds <drawing r:id> to a worksheet part where CT_Worksheet puts it, declaring the r prefix if needed. */
export function insererDrawing(sheetXml: string, rid: string): string {
  const tous = elements(sheetXml, { profondeurMax: 1, partie: "feuille" });
  const r = racine(tous);
  const prefixeR = [...r.declarations].find(([, u]) => u === NS_R)?.[0];
  const i = positionAvant(tous, apresDansFeuille("drawing"));
  const ajouts = [{ debut: i, fin: i, texte: `<drawing ${prefixeR ?? "r"}:id="${echapperAttribut(rid)}"/>` }];
  const j = r.debut + 1 + r.nom.length;
  if (prefixeR === undefined) ajouts.push({ debut: j, fin: j, texte: ` xmlns:r="${NS_R}"` });
  return remplacer(sheetXml, ajouts);
}

/** [Content_Types].xml: default types by extension (lower case) and overrides by part name ("/xl/…"). */
export interface TypesContenu {
  defauts: Map<string, string>;
  surcharges: Map<string, string>;
}

export function lireTypes(xml: string): TypesContenu {
  const t: TypesContenu = { defauts: new Map(), surcharges: new Map() };
  for (const e of elements(xml, { profondeurMax: 1, partie: "[Content_Types].xml" })) {
    if (e.profondeur !== 1) continue;
    const ct = attr(e, "ContentType") ?? "";
    if (e.local === "Default") t.defauts.set((attr(e, "Extension") ?? "").toLowerCase(), ct);
    else if (e.local === "Override") t.surcharges.set(attr(e, "PartName") ?? "", ct);
  }
  return t;
}

export function typesXml(t: TypesContenu): string {
  const defauts = [...t.defauts].map(([ext, ct]) =>
    baliseOuvrante(
      "Default",
      [
        ["Extension", ext],
        ["ContentType", ct],
      ],
      true,
    ),
  );
  const surcharges = [...t.surcharges].map(([p, ct]) =>
    baliseOuvrante(
      "Override",
      [
        ["PartName", p],
        ["ContentType", ct],
      ],
      true,
    ),
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    defauts.join("") +
    surcharges.join("") +
    `</Types>`
  );
}

export async function lireTexte(zip: JSZip, chemin: string): Promise<string | undefined> {
  return zip.file(chemin)?.async("string");
}
