import type ExcelJS from "exceljs";
import type { CellData, SheetData } from "../core/port/workbook";
import { ErreurDonnees } from "../core/erreurs";
import { plage } from "../core/util/adresse";
import { classeExcelJS } from "./exceljsInterne";
import { elements, XmlIllisibleError } from "./xml";
import { catalogueZip, octetsEntree } from "./zipLecture";
import { estSerieDate, isoDepuisSerie, MS_JOUR, SERIE_1970 } from "../core/util/serieExcel";
import { estFormatDuree } from "../core/port/dates";

export { BOUCLE, raisonSysteme } from "./raisonsSysteme";

/** Thrown for files that cannot be opened as a workbook; the message is French and names the file. */
export class FichierIllisibleError extends ErreurDonnees {
  constructor(
    public readonly fichier: string,
    raison: string,
  ) {
    // Every reason is a clause without its full stop: the sentence ends here, as every other refusal does.
    super(`Le fichier « ${fichier} » n'est pas un classeur Excel lisible (.xlsx) : ${raison.replace(/[\s.]*$/, ".")}`);
  }
}

/**
 * A package whose zip is whole but one of its XML parts is not (bytes changed in it, cut short): named with that part
 * when Prodbook's own parser finds it (partieXmlIllisible), with how to recover. Excel repairs such a file.
 */
export class ClasseurEndommageError extends FichierIllisibleError {
  constructor(
    fichier: string,
    public readonly partie?: string,
  ) {
    super(fichier, "");
    this.message =
      `Le classeur « ${fichier} » est endommagé${partie ? ` (la partie « ${partie} » est illisible)` : ""} : ` +
      "ouvrez-le dans Excel, qui propose de le réparer, puis enregistrez-le à nouveau.";
  }
}

/**
 * The first XML part of the package (in the zip's order) that is not well-formed, read with Prodbook's own parser
 * once a library failed on the file: the libraries' messages never name the part. Undefined when every part parses,
 * or when the zip itself cannot be listed (said by raisonLecture).
 */
export async function partieXmlIllisible(data: Buffer): Promise<string | undefined> {
  try {
    for (const [nom, entree] of await catalogueZip(data)) {
      if (!/\.(xml|rels)$/i.test(nom)) continue;
      try {
        elements((await octetsEntree(entree)).toString("utf8"), { profondeurMax: 0, partie: nom });
      } catch (e) {
        if (e instanceof XmlIllisibleError) return nom;
        throw e;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The damaged part behind `e`, a failure reading the package `data`: the one Prodbook's parser named (a zip path),
 * else the first one that is no XML (partieXmlIllisible); undefined when every part parses.
 */
export async function partieEndommagee(e: unknown, data: Buffer): Promise<string | undefined> {
  if (e instanceof XmlIllisibleError && /\.(xml|rels)$/i.test(e.partie)) return e.partie;
  return partieXmlIllisible(data);
}

/** A part the workbook's relationships name but the archive lacks (see partieDeDonneesAbsente). */
export class PartieAbsenteError extends Error {
  constructor(public readonly partie: string) {
    super(`part ${partie} missing`);
  }
}

/** A new ExcelJS workbook (ExcelJS is loaded on first use, see classeExcelJS). */
export function nouveauClasseurExcelJS(): ExcelJS.Workbook {
  const Workbook = classeExcelJS();
  return new Workbook();
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const commence = (data: Buffer, magic: number[]) => data.length >= magic.length && magic.every((b, i) => data[i] === b);
/** A stream name in a CFB (OLE) directory: UTF-16LE, as the directory entries store it. */
const fluxOle = (data: Buffer, nom: string) => data.includes(Buffer.from(nom, "utf16le"));

/**
 * Where a zip names its parts: its central directory, and its first kilobyte (where an OpenDocument package keeps
 * its mimetype in clear). A name searched there gives the same answer as in the whole file without a pass over a
 * 75 MB workbook (a second of CPU for the five names looked for). A zip whose directory is not found where the
 * end record says (damaged, Zip64) is searched whole.
 */
export function zonesDesNoms(data: Buffer): Buffer[] {
  const fin = data.lastIndexOf(EOCD, data.length - 22);
  if (fin < 0 || fin < data.length - 22 - 0xffff) return [data];
  const taille = data.readUInt32LE(fin + 12),
    debut = data.readUInt32LE(fin + 16);
  if (debut === 0xffffffff || debut + taille > fin) return [data];
  return [data.subarray(0, Math.min(1024, debut)), data.subarray(debut, fin)];
}
const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** The zip names `nom` (a part, or the OpenDocument mimetype); see zonesDesNoms. */
export function nomme(zones: Buffer[], nom: string): boolean {
  return zones.some((z) => z.includes(nom));
}

/**
 * Why these bytes are not an .xlsx Prodbook can read, named by their format, with what to do; undefined for a
 * zip that looks like an .xlsx. Entry names of a zip are stored in clear, so they are found in the bytes.
 */
export function formatNonPrisEnCharge(data: Buffer): string | undefined {
  if (data.length === 0) return "le fichier est vide";
  if (commence(data, CFB_MAGIC)) {
    // An encrypted .xlsx is an OLE container holding EncryptionInfo and EncryptedPackage ([MS-OFFCRYPTO] 2.3.4).
    if (fluxOle(data, "EncryptedPackage") || fluxOle(data, "EncryptionInfo"))
      return (
        "il est protégé par mot de passe : ouvrez-le dans Excel, retirez le mot de passe (Fichier > Informations > " +
        "Protéger le classeur > Chiffrer avec mot de passe, effacer le mot de passe), enregistrez, puis relancez"
      );
    if (fluxOle(data, "Workbook") || fluxOle(data, "Book"))
      return "c'est un ancien classeur .xls (Excel 97-2003) : ouvrez-le dans Excel et enregistrez-le au format .xlsx";
    return (
      "c'est un ancien classeur .xls (Excel 97-2003) ou un autre document Office d'ancien format : ouvrez-le dans " +
      "Excel et enregistrez-le au format .xlsx"
    );
  }
  if (!commence(data, ZIP_MAGIC)) {
    const debut = data
      .subarray(0, 512)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    if (/^\s*<\?xml[^>]*>\s*<\?mso-application[^>]*Excel/i.test(debut) || /<Workbook[^>]*spreadsheet/i.test(debut))
      return "c'est un classeur XML 2003 (SpreadsheetML) : ouvrez-le dans Excel et enregistrez-le au format .xlsx";
    if (/^\s*<(!doctype\s+html|html)/i.test(debut))
      return "c'est une page HTML, pas un classeur : ouvrez-la dans Excel et enregistrez-la au format .xlsx";
    if (!/[\x00-\x08\x0e-\x1a]/.test(debut) && /[;,\t]/.test(debut))
      return (
        "ce n'est pas un fichier .xlsx mais un fichier texte (CSV ?) : ouvrez-le dans Excel ou LibreOffice et " +
        "enregistrez-le au format .xlsx"
      );
    return "ce n'est pas un fichier .xlsx (archive ZIP attendue)";
  }
  const zones = zonesDesNoms(data);
  if (nomme(zones, "application/vnd.oasis.opendocument.spreadsheet"))
    return (
      "c'est un classeur OpenDocument (.ods, LibreOffice) : dans LibreOffice, Fichier > Enregistrer sous, " +
      "type « Excel 2007-365 (.xlsx) », puis relancez sur ce fichier"
    );
  if (nomme(zones, "xl/workbook.bin"))
    return "c'est un classeur binaire Excel (.xlsb) : ouvrez-le dans Excel et enregistrez-le au format .xlsx";
  if (nomme(zones, "word/document.xml")) return "c'est un document Word, pas un classeur Excel";
  if (nomme(zones, "ppt/presentation.xml")) return "c'est une présentation PowerPoint, pas un classeur Excel";
  return undefined;
}

/**
 * A French reason for an error thrown while a library read the package (JSZip, yauzl, ExcelJS, saxes): their
 * messages are English and speak of their own internals, never shown to the user.
 */
export function raisonLecture(e: unknown): string {
  if (e instanceof PartieAbsenteError)
    return (
      `il y manque la partie « ${e.partie} »${/sharedStrings/i.test(e.partie) ? " (les textes des cellules)" : ""}, ` +
      "l'archive est endommagée : ouvrez-le dans Excel, qui propose de le réparer, enregistrez-le, puis relancez"
    );
  const m = e instanceof Error ? e.message : String(e);
  const zip = /end of (central directory|data)|corrupt|invalid (signature|relative offset|comment length|central)/i;
  if (zip.test(m) || /zip|crc|inflat|unexpected end|truncated|offset/i.test(m))
    return (
      "l'archive est endommagée ou incomplète (fichier tronqué ?) : ouvrez-le dans Excel, qui propose de le réparer, " +
      "enregistrez-le, puis relancez"
    );
  return (
    "une partie du classeur a une structure que Prodbook ne sait pas lire : ouvrez-le dans Excel ou LibreOffice, " +
    "enregistrez-le au format .xlsx, puis relancez"
  );
}

/** Opens an .xlsx file with ExcelJS; wrong type or corrupt file → FichierIllisibleError. */
export async function chargerXlsx(data: Buffer, nomFichier: string): Promise<ExcelJS.Workbook> {
  const format = formatNonPrisEnCharge(data);
  if (format) throw new FichierIllisibleError(nomFichier, format);
  const wb = nouveauClasseurExcelJS();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    // A zip that lists its parts but one of them is no XML: said damaged, with that part (never the library's words).
    const partie = await partieEndommagee(e, data);
    if (partie) throw new ClasseurEndommageError(nomFichier, partie);
    throw new FichierIllisibleError(nomFichier, raisonLecture(e));
  }
  // Excel has no workbook without a sheet: none read means a package ExcelJS did not understand.
  if (wb.worksheets.length === 0)
    throw new FichierIllisibleError(
      nomFichier,
      nomme(zonesDesNoms(data), "xl/workbook.xml")
        ? "aucune feuille de calcul n'a pu y être lue : ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format .xlsx, puis relancez"
        : "l'archive ne contient pas de classeur Excel (partie xl/workbook.xml absente)",
    );
  return wb;
}

/**
 * ExcelJS gives date cells as Dates, converted from the file's serial without Excel's 29/02/1900 (serial = days
 * since 1899-12-30 at any date): that serial comes back first. A whole day becomes ISO text (through the one
 * serial ↔ date module, so the 1900 days before March are right); a time, a date-time ("08:00" is serial 0.333…)
 * or serial 0 or 60 stays the serial number, as Excel itself reports it to the Office adapter, so hours are never lost.
 */
function dateCellule(d: Date, fmt?: string): string | number {
  // A number too large for a date (a reference typed in a date column): ExcelJS's Date is invalid and its serial lost;
  // the cell is quoted as Excel shows it, « ######## », never as « NaN ».
  if (Number.isNaN(d.getTime())) return "########";
  const serie = d.getTime() / MS_JOUR + SERIE_1970;
  // A duration (« [h]:mm »: 48:00 is serial 2) is no day: it stays the number, as the Office adapter reports it.
  if (estFormatDuree(fmt)) return serie;
  return Number.isInteger(serie) && estSerieDate(serie) ? isoDepuisSerie(serie) : serie;
}

export function lireCellule(cell: ExcelJS.Cell): CellData {
  const val = cell.value as unknown;
  const fmt = cell.numFmt || undefined;
  if (val === null || val === undefined) return { v: null };
  if (typeof val === "number" || typeof val === "boolean") return { v: val, fmt };
  if (typeof val === "string") return { v: val, fmt };
  if (val instanceof Date) return { v: dateCellule(val, fmt), fmt };
  if (typeof val === "object") {
    const o = val as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = (o.formula as string | undefined) ?? (cell.formula as string | undefined) ?? "";
      // ExcelJS's value drops a falsy result (0, "", FALSE: exceljs issues #1528, #2943); its public
      // `cell.result` getter reads the model, which keeps it.
      const r = (o.result ?? (cell.result as unknown)) as unknown;
      if (r && typeof r === "object" && "error" in (r as object))
        return { v: String((r as { error: string }).error), f, fmt, erreur: true };
      if (r instanceof Date) return { v: dateCellule(r, fmt), f, fmt };
      if (r === undefined || r === null) return { v: null, f, fmt };
      return { v: r as string | number | boolean, f, fmt };
    }
    if ("richText" in o) return { v: (o.richText as { text: string }[]).map((t) => t.text).join(""), fmt };
    if ("text" in o) return { v: String(o.text), fmt };
    if ("error" in o) return { v: String(o.error), fmt, erreur: true };
  }
  return { v: String(val), fmt };
}

/** Merged ranges from the cells' public isMerged/master: each master's range reaches its farthest cell. */
function etendreFusion(
  fusions: Map<string, { r1: number; c1: number; r2: number; c2: number }>,
  cell: ExcelJS.Cell,
  r: number,
  c: number,
): void {
  const m = cell.master;
  const f = fusions.get(m.address);
  if (!f) fusions.set(m.address, { r1: Number(m.row), c1: Number(m.col), r2: r, c2: c });
  else {
    f.r2 = Math.max(f.r2, r);
    f.c2 = Math.max(f.c2, c);
  }
}

export function lireFeuille(ws: ExcelJS.Worksheet): SheetData {
  const rows: CellData[][] = [];
  const nRows = ws.actualRowCount > 0 ? ws.rowCount : 0;
  let maxCol = 0;
  const fusions = new Map<string, { r1: number; c1: number; r2: number; c2: number }>();
  for (let r = 1; r <= nRows; r++) {
    const row = ws.getRow(r);
    const out: CellData[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (out.length < col - 1) out.push({ v: null });
      out[col - 1] = lireCellule(cell);
      if (cell.isMerged) etendreFusion(fusions, cell, r, col);
    });
    // A merged cell's slaves repeat the master's value in ExcelJS; keep only the master.
    for (let c = 0; c < out.length; c++) {
      const cell = row.getCell(c + 1);
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) out[c] = { v: null };
    }
    while (out.length && out[out.length - 1].v === null && !out[out.length - 1].f) out.pop();
    maxCol = Math.max(maxCol, out.length);
    rows.push(out);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  for (const r of rows) while (r.length < maxCol) r.push({ v: null });
  const merges = [...fusions.values()].map((f) => plage(f.r1 - 1, f.c1 - 1, f.r2 - 1, f.c2 - 1));
  const colonnesMasquees: number[] = [];
  for (let c = 1; c <= maxCol; c++) if (ws.getColumn(c).hidden) colonnesMasquees.push(c - 1);
  // Rows hidden by the producer, or folded in a collapsed group (Excel writes those hidden="1" too).
  const lignesMasquees: number[] = [];
  for (let r = 1; r <= rows.length; r++) if (ws.findRow(r)?.hidden) lignesMasquees.push(r - 1);
  return {
    name: ws.name,
    rows,
    merges,
    ...(colonnesMasquees.length ? { colonnesMasquees } : {}),
    ...(lignesMasquees.length ? { lignesMasquees } : {}),
  };
}
