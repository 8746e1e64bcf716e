import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import * as zlib from "zlib";
import type JSZip from "jszip";
import { FEUILLE_REGISTRE } from "../core/port/possession";
import { colonneLettre, lettreColonne } from "../core/util/adresse";
import { desEsc } from "./zipParties";

/**
 * Prodbook's own sheets whose XML exceeds this size (a Grand livre of a million lines is 600 MB) are not given
 * to ExcelJS, which would need gigabytes to load them and a string longer than V8 allows to read them.
 * ExcelJS gets a placeholder (the sheet's own head and tail, and one row of styled empty cells, one per
 * cell style of the file); when saving, a sheet that was not rewritten gets its original rows back, streamed,
 * with style ids mapped through that row and shared strings made inline.
 */
export const OCTETS_MAX_FEUILLE = 32 * 1024 * 1024;

export interface FeuilleVolumineuse {
  nom: string;
  /** The original part, still compressed. */
  objet: JSZip.JSZipObject;
  /** The original <dimension ref>. */
  dimension: string;
  /** The original shared strings part, for cells of type "s". */
  sst?: JSZip.JSZipObject;
}

interface DonneesInternes {
  uncompressedSize?: number;
  compressedContent?: Uint8Array;
  compression?: { magic?: string };
}
const interne = (o: JSZip.JSZipObject) => (o as unknown as { _data?: DonneesInternes })._data;

/** Uncompressed size of a part, when the zip says it (JSZip keeps it from the central directory). */
export function taillePartie(o: JSZip.JSZipObject): number | undefined {
  return interne(o)?.uncompressedSize;
}

/** The part's bytes as a stream; native inflate when possible (JSZip's own is three times slower). */
export function fluxPartie(o: JSZip.JSZipObject): Readable {
  const d = interne(o);
  const brut = d?.compressedContent;
  if (brut && d?.compression?.magic === "\x08\x00")
    return Readable.from([Buffer.from(brut.buffer, brut.byteOffset, brut.byteLength)]).pipe(zlib.createInflateRaw());
  if (brut && d?.compression?.magic === "\x00\x00")
    return Readable.from([Buffer.from(brut.buffer, brut.byteOffset, brut.byteLength)]);
  return o.nodeStream("nodebuffer") as unknown as Readable;
}

/** Names in Prodbook's registry sheet (inline or shared strings in column A). */
async function registre(zip: JSZip, parties: Map<string, string>): Promise<string[]> {
  const partie = parties.get(FEUILLE_REGISTRE);
  const xml = partie ? await zip.file(partie)?.async("string") : undefined;
  if (!xml) return [];
  let sst: string[] | undefined;
  const noms: string[] = [];
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const contenu = m[2] ?? "";
    if (/\bt="s"/.test(m[1])) {
      sst ??= [
        ...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g),
      ].map((s) => texteSi(s[1]));
      const i = Number(/<v>(\d+)<\/v>/.exec(contenu)?.[1]);
      if (sst[i] !== undefined) noms.push(sst[i]);
    } else {
      const t = /<t\b[^>]*>([\s\S]*?)<\/t>/.exec(contenu)?.[1] ?? /<v>([\s\S]*?)<\/v>/.exec(contenu)?.[1];
      if (t) noms.push(desEsc(t));
    }
  }
  return noms.map((n) => n.trim()).filter(Boolean);
}

const texteSi = (si: string) => desEsc([...si.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""));

/**
 * Replaces, in `zip`, each of Prodbook's sheets larger than `seuil` by its placeholder; returns them by name.
 */
export async function mettreDeCoteFeuilles(
  zip: JSZip,
  parties: Map<string, string>,
  seuil = OCTETS_MAX_FEUILLE,
): Promise<Map<string, FeuilleVolumineuse>> {
  const out = new Map<string, FeuilleVolumineuse>();
  const grandes = [...parties].filter(([, p]) => (taillePartie(zip.file(p)!) ?? 0) > seuil);
  if (!grandes.length) return out;
  const prodbook = (await registre(zip, parties)).map((n) => n.toLowerCase());
  const styles = await zip.file("xl/styles.xml")?.async("string");
  const nbStyles = Math.max(
    1,
    [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles ?? "")?.[1].matchAll(/<xf\b/g) ?? [])].length,
  );
  for (const [nom, partie] of grandes) {
    if (!prodbook.includes(nom.toLowerCase())) continue;
    const objet = zip.file(partie)!;
    const { tete, queue } = await teteEtQueue(objet, nom);
    const dimension = /<dimension ref="([^"]*)"/.exec(tete)?.[1] ?? "A1";
    zip.file(
      partie,
      tete.replace(/<sheetData\b[\s\S]*$/, "") + `<sheetData>${ligneDesStyles(nbStyles)}</sheetData>` + queue,
    );
    out.set(nom, { nom, objet, dimension, sst: zip.file("xl/sharedStrings.xml") ?? undefined });
  }
  return out;
}

/** One empty cell per style id, so that ExcelJS carries every style over and tells its new id. */
function ligneDesStyles(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    if (i % 16384 === 0) s += `${i ? "</row>" : ""}<row r="${i / 16384 + 1}">`;
    s += `<c r="${colonneLettre(i % 16384)}${Math.floor(i / 16384) + 1}" s="${i}"/>`;
  }
  return s + "</row>";
}

/** The XML before </sheetData> ends its opening tag (included) and after </sheetData>, read as a stream. */
async function teteEtQueue(objet: JSZip.JSZipObject, nom: string): Promise<{ tete: string; queue: string }> {
  let tete: Buffer = Buffer.alloc(0);
  const apres: Buffer[] = [];
  let etat: "tete" | "donnees" | "queue" = "tete";
  let reste: Buffer = Buffer.alloc(0);
  const FIN = Buffer.from("</sheetData>");
  for await (const morceau of fluxPartie(objet)) {
    let b = morceau as Buffer;
    if (etat === "tete") {
      // The head is a few kilobytes: kept whole until the opening tag of <sheetData> is complete.
      tete = Buffer.concat([tete, b]);
      const i = tete.indexOf("<sheetData");
      const j = i < 0 ? -1 : tete.indexOf(">", i);
      if (j < 0) continue;
      b = tete.subarray(j + 1);
      tete = tete.subarray(0, j + 1);
      if (tete[j - 1] === 0x2f) {
        etat = "queue";
        apres.push(b);
        continue;
      }
      etat = "donnees";
    }
    if (etat === "donnees") {
      b = Buffer.concat([reste, b]);
      const k = b.indexOf(FIN);
      if (k < 0) {
        reste = b.subarray(Math.max(0, b.length - FIN.length));
        continue;
      }
      etat = "queue";
      b = b.subarray(k + FIN.length);
    }
    apres.push(b);
  }
  if (etat !== "queue") throw new Error(`Feuille « ${nom} » : fin de <sheetData> introuvable`);
  return { tete: tete.toString("utf8"), queue: Buffer.concat(apres).toString("utf8") };
}

/**
 * The sheet's XML as saved: ExcelJS's placeholder (head and tail, in the new package's terms) around the
 * original rows, their style ids mapped and their shared strings made inline.
 */
export async function* restituerFeuille(placeholder: string, f: FeuilleVolumineuse): AsyncGenerator<Buffer> {
  const debut = placeholder.indexOf("<sheetData");
  const fin = placeholder.indexOf("</sheetData>");
  if (debut < 0 || fin < 0) throw new Error(`Feuille « ${f.nom} » : <sheetData> introuvable dans l'enregistrement`);
  const nouveaux = new Map<number, string>();
  for (const m of placeholder.slice(debut, fin).matchAll(/<c\b([^>]*?)\/?>/g)) {
    const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1]);
    const s = /\bs="(\d+)"/.exec(m[1])?.[1];
    if (ref && s) nouveaux.set((Number(ref[2]) - 1) * 16384 + lettreColonne(ref[1]), s);
  }
  let sst: string[] | undefined;
  const partage = async () =>
    (sst ??= [...((await f.sst?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((s) => s[1]));
  const tete = placeholder.slice(0, debut).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${f.dimension}"/>`);
  yield Buffer.from(tete + "<sheetData>", "utf8");
  const decodeur = new StringDecoder("utf8");
  let etat: "tete" | "donnees" | "fini" = "tete";
  let texte = "";
  for await (const morceau of fluxPartie(f.objet)) {
    if (etat === "fini") continue;
    texte += decodeur.write(morceau as Buffer);
    if (etat === "tete") {
      const i = texte.indexOf("<sheetData");
      const j = i < 0 ? -1 : texte.indexOf(">", i);
      if (j < 0) continue;
      // <sheetData/>: no row to put back.
      if (texte[j - 1] === "/") {
        etat = "fini";
        continue;
      }
      texte = texte.slice(j + 1);
      etat = "donnees";
    }
    const k = texte.indexOf("</sheetData>");
    const limite = k >= 0 ? k : texte.lastIndexOf("</row>") + 6;
    if (limite <= 5) continue;
    yield Buffer.from(await convertirLignes(texte.slice(0, limite), nouveaux, partage), "utf8");
    texte = texte.slice(limite);
    if (k >= 0) etat = "fini";
  }
  if (etat !== "fini") throw new Error(`Feuille « ${f.nom} » : fin de <sheetData> introuvable`);
  yield Buffer.from(placeholder.slice(fin), "utf8");
}

/** One stretch of whole rows: style ids through the map, shared strings inline (one pass each, no parsing). */
async function convertirLignes(
  brut: string,
  styles: Map<number, string>,
  partage: () => Promise<string[]>,
): Promise<string> {
  let xml = brut.replace(/(<(?:c|row)\b[^>]*?)\s+s="(\d+)"/g, (_, avant: string, s: string) =>
    styles.has(Number(s)) ? `${avant} s="${styles.get(Number(s))}"` : avant,
  );
  if (!xml.includes('t="s"')) return xml;
  const sst = await partage();
  xml = xml.replace(
    /<c\b([^>]*?)\bt="s"([^>]*?)(?<!\/)>([\s\S]*?)<\/c>/g,
    (_, a: string, b: string, corps: string) =>
      `<c${a}t="inlineStr"${b}><is>${sst[Number(/<v>(\d+)<\/v>/.exec(corps)?.[1])] ?? "<t></t>"}</is></c>`,
  );
  return xml;
}
