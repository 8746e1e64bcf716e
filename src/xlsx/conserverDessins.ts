import JSZip from "jszip";
import {
  cheminRels,
  insererDrawing,
  lireRels,
  lireTexte,
  lireTypes,
  nouvelId,
  partiesFeuilles,
  prochainNumero,
  relatif,
  relsXml,
  resoudre,
  typesXml,
  type TypesContenu,
} from "./zipParties";
import { NS_R } from "./chartXml";
import { attr, baliseOuvrante, elements, enfants, racine, remplacer } from "./xml";

/**
 * ExcelJS drops charts (and keeps only pictures) when it rewrites a workbook. For the sheets Prodbook
 * did not rewrite, the original drawing part is copied back with everything it points to (charts,
 * their styles, images, embedded data), so the user's charts — and ours from an earlier run — survive.
 */
export interface Original {
  donnees: Buffer;
  /** Sheets present in the original file and not rewritten in this session. */
  feuilles: string[];
  /** The original has chart sheets, which ExcelJS drops: copied back (conserverFeuillesGraphiques). */
  feuillesGraphiques?: boolean;
}

const echapperRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export async function conserverDessins(zip: JSZip, original: Original): Promise<void> {
  if (original.feuilles.length === 0) return;
  const src = await JSZip.loadAsync(original.donnees);
  const partiesSrc = await partiesFeuilles(src);
  const partiesDst = await partiesFeuilles(zip);
  const typesSrc = lireTypes((await lireTexte(src, "[Content_Types].xml")) ?? "<Types/>");
  const types = lireTypes((await lireTexte(zip, "[Content_Types].xml"))!);

  const copier = copieur(src, zip, typesSrc, types);

  for (const nom of original.feuilles) {
    const ps = partiesSrc.get(nom),
      pd = partiesDst.get(nom);
    if (!ps || !pd) continue;
    const relDessin = lireRels(await lireTexte(src, cheminRels(ps))).find(
      (r) => r.type.endsWith("/drawing") && !r.externe,
    );
    if (!relDessin) continue;
    const dessin = resoudre(ps, relDessin.target);
    const xml = await lireTexte(src, dessin);
    // Pictures only: ExcelJS already kept them.
    if (!xml || !elements(xml, { partie: dessin }).some((e) => e.local === "graphicFrame")) continue;
    let feuilleXml = (await lireTexte(zip, pd))!;
    const relsDst = lireRels(await lireTexte(zip, cheminRels(pd)));
    const i = relsDst.findIndex((r) => r.type.endsWith("/drawing"));
    if (i >= 0) {
      // ExcelJS's drawing holds the same pictures as the original one: replace it.
      const ancien = relsDst.splice(i, 1)[0];
      const tous = elements(feuilleXml, { profondeurMax: 1, partie: pd });
      const r = racine(tous);
      feuilleXml = remplacer(
        feuilleXml,
        tous
          .filter((e) => e.parent === r && e.local === "drawing")
          .map((e) => ({ debut: e.debut, fin: e.fin, texte: "" })),
      );
      const partie = resoudre(pd, ancien.target);
      zip.remove(partie);
      zip.remove(cheminRels(partie));
      types.surcharges.delete("/" + partie);
    }
    const rid = nouvelId(relsDst);
    relsDst.push({ id: rid, type: relDessin.type, target: relatif(pd, await copier(dessin)) });
    zip.file(cheminRels(pd), relsXml(relsDst));
    zip.file(pd, insererDrawing(feuilleXml, rid));
  }
  zip.file("[Content_Types].xml", typesXml(types));
}

/**
 * Copies a part of `src` into `zip` with everything its relationships point to (drawings, charts, their styles,
 * images), under a free name; the content types follow. Returns the copy's path; each part is copied once.
 */
function copieur(src: JSZip, zip: JSZip, typesSrc: TypesContenu, types: TypesContenu): (p: string) => Promise<string> {
  const copies = new Map<string, string>();
  const nomLibre = (p: string): string => {
    if (!zip.file(p)) return p;
    const m = /^(.*)\/([^/]*?)(\d*)\.([^./]+)$/.exec(p);
    if (!m) return p + "_";
    return `${m[1]}/${m[2]}${prochainNumero(zip, echapperRe(m[1]), echapperRe(m[2]), echapperRe(m[4]))}.${m[4]}`;
  };
  return async function copier(p: string): Promise<string> {
    const deja = copies.get(p);
    if (deja) return deja;
    const dst = nomLibre(p);
    copies.set(p, dst);
    zip.file(dst, await src.file(p)!.async("uint8array"));
    const rels = lireRels(await lireTexte(src, cheminRels(p)));
    for (const r of rels) {
      if (r.externe) continue;
      const cible = resoudre(p, r.target);
      if (!src.file(cible)) continue;
      r.target = relatif(dst, await copier(cible));
    }
    if (rels.length) zip.file(cheminRels(dst), relsXml(rels));
    const override = typesSrc.surcharges.get("/" + p);
    if (override !== undefined) types.surcharges.set("/" + dst, override);
    else {
      const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
      const defaut = typesSrc.defauts.get(ext);
      if (defaut !== undefined && !types.defauts.has(ext)) types.defauts.set(ext, defaut);
    }
    return dst;
  };
}

/**
 * ExcelJS drops the chart sheets (a chart on its own tab) when it rewrites a workbook: each chart sheet of the
 * original is copied back with its drawing and chart, as a tab after the others. Its place among them is not kept:
 * the sheets' indices, which defined names (print titles) and views use, stay those ExcelJS wrote.
 */
export async function conserverFeuillesGraphiques(zip: JSZip, donnees: Buffer): Promise<void> {
  const src = await JSZip.loadAsync(donnees);
  const wbSrc = await lireTexte(src, "xl/workbook.xml");
  if (!wbSrc) return;
  const relsSrc = lireRels(await lireTexte(src, "xl/_rels/workbook.xml.rels"));
  const tousSrc = elements(wbSrc, { profondeurMax: 2, partie: "xl/workbook.xml" });
  const sheetsSrc = enfants(tousSrc, racine(tousSrc), "sheets")[0];
  const graphiques = (sheetsSrc ? enfants(tousSrc, sheetsSrc, "sheet") : []).flatMap((e) => {
    const rel = relsSrc.find((r) => r.id === attr(e, "id", NS_R));
    return rel && !rel.externe && rel.type.endsWith("/chartsheet") ? [{ e, rel }] : [];
  });
  if (!graphiques.length) return;
  const wbXml = await lireTexte(zip, "xl/workbook.xml");
  if (!wbXml) return;
  const tous = elements(wbXml, { profondeurMax: 2, partie: "xl/workbook.xml" });
  const r = racine(tous);
  const sheets = enfants(tous, r, "sheets")[0];
  if (!sheets || sheets.autoFermant) return;
  const existantes = enfants(tous, sheets, "sheet");
  const noms = new Set(existantes.map((e) => (attr(e, "name") ?? "").toLowerCase()));
  let sheetId = Math.max(0, ...existantes.map((e) => Number(attr(e, "sheetId")) || 0));
  const prefixeR = [...r.declarations].find(([, u]) => u === NS_R)?.[0];
  const relsDst = lireRels(await lireTexte(zip, "xl/_rels/workbook.xml.rels"));
  const typesSrc = lireTypes((await lireTexte(src, "[Content_Types].xml")) ?? "<Types/>");
  const types = lireTypes((await lireTexte(zip, "[Content_Types].xml"))!);
  const copier = copieur(src, zip, typesSrc, types);
  let ajout = "";
  for (const { e, rel } of graphiques) {
    const nom = attr(e, "name");
    const partie = resoudre("xl/workbook.xml", rel.target);
    if (!nom || noms.has(nom.toLowerCase()) || !src.file(partie)) continue;
    const rid = nouvelId(relsDst);
    relsDst.push({ id: rid, type: rel.type, target: relatif("xl/workbook.xml", await copier(partie)) });
    const etat = attr(e, "state");
    ajout += baliseOuvrante(
      "sheet",
      [
        ["name", nom],
        ["sheetId", String(++sheetId)],
        ...(etat ? [["state", etat]] : []),
        [`${prefixeR ?? "r"}:id`, rid],
      ] as [string, string][],
      true,
    );
  }
  if (!ajout) return;
  const edits = [{ debut: sheets.debutFermeture, fin: sheets.debutFermeture, texte: ajout }];
  const j = r.debut + 1 + r.nom.length;
  if (prefixeR === undefined) edits.push({ debut: j, fin: j, texte: ` xmlns:r="${NS_R}"` });
  zip.file("xl/workbook.xml", remplacer(wbXml, edits));
  zip.file("xl/_rels/workbook.xml.rels", relsXml(relsDst));
  zip.file("[Content_Types].xml", typesXml(types));
}
