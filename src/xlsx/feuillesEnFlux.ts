import { Readable, type Writable } from "stream";
import { finished } from "stream/promises";
import archiver from "archiver";
import JSZip from "jszip";
import type { CellSpec, SheetSpec } from "../core/port/workbook";
import { isoVersSerie } from "../core/port/dates";
import { colonneLettre, lettreColonne, plage } from "../core/util/adresse";
import { parsePlage } from "./ecrireFeuille";
import { desEsc, partiesFeuilles } from "./zipParties";
import { restituerFeuille, type FeuilleVolumineuse } from "./feuillesVolumineuses";

/**
 * Sheets with bulk rows (a Grand livre of a million lines) are not built by ExcelJS, which keeps every cell
 * as an object (4 GB for a million ledger lines). ExcelJS writes the sheet with its first bulk row only, as
 * a template for the cell styles; when saving, that sheet's XML is regenerated as a stream (inline strings)
 * and the whole package is re-zipped on the fly, so that no more than one block of rows is in memory.
 */
export interface FeuilleEnFlux {
  spec: SheetSpec;
  /** 1-based row ExcelJS wrote as the template (the first bulk row). */
  gabarit: number;
}

/** What ExcelJS gets for a sheet with bulk rows: its rows plus the first bulk row, and tables cut to them. */
export function specGabarit(spec: SheetSpec): SheetSpec {
  const premiere = firstOf(spec.bulk!.rows());
  const rows = premiere ? [...spec.rows, premiere] : spec.rows;
  const derniere = Math.max(rows.length, 2);
  const tables = (spec.tables ?? []).map((t) => {
    const p = parsePlage(t.range);
    return p.r2 + 1 > derniere
      ? { ...t, range: plage(p.r1, p.c1, Math.max(derniere, p.r1 + 2) - 1, p.c2), showTotals: false }
      : t;
  });
  // Formats stop at the rows ExcelJS holds: applied cell by cell, a range over a million rows would not fit.
  const formats = (spec.formats ?? []).flatMap((f) => {
    const p = parsePlage(f.range);
    if (p.r1 + 1 > rows.length) return [];
    return p.r2 + 1 > rows.length ? [{ ...f, range: plage(p.r1, p.c1, rows.length - 1, p.c2) }] : [f];
  });
  return { ...spec, rows, bulk: undefined, tables, formats };
}

function firstOf<T>(it: Iterable<T>): T | undefined {
  for (const x of it) return x;
  return undefined;
}

/**
 * Re-zips `xlsx` into `sortie`, regenerating the XML of each sheet in `flux` and putting back the original rows
 * of each sheet in `restituees`. Resolves when `sortie` is flushed.
 */
export async function ecrireAvecFlux(
  xlsx: Buffer,
  flux: FeuilleEnFlux[],
  restituees: FeuilleVolumineuse[],
  sortie: Writable,
): Promise<void> {
  const zip = await JSZip.loadAsync(xlsx);
  const parties = await partiesFeuilles(zip);
  const partie = async (nom: string) => {
    const p = parties.get(nom);
    if (!p) throw new Error(`Feuille « ${nom} » absente du classeur enregistré`);
    return { p, xml: await zip.file(p)!.async("string") };
  };
  const generees = new Map<string, () => Readable>();
  for (const f of flux) {
    const { p, xml } = await partie(f.spec.name);
    generees.set(p, () => Readable.from(morceaux(xmlFeuille(xml, f))));
    await etendreTables(zip, f.spec);
  }
  for (const f of restituees) {
    const { p, xml } = await partie(f.nom);
    generees.set(p, () => Readable.from(restituerFeuille(xml, f)));
  }
  // Level 1: the rows are highly repetitive, and the default level costs three times the time for 10 % of size.
  const archive = archiver("zip", { zlib: { level: 1 } });
  const erreur = new Promise<never>((_, rejeter) => archive.on("error", rejeter));
  archive.pipe(sortie);
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    const gen = generees.get(f.name);
    archive.append(gen ? gen() : await f.async("nodebuffer"), { name: f.name, date: f.date });
  }
  await Promise.race([archive.finalize(), erreur]);
  await finished(sortie);
}

/** Joins small strings into ~256 KB buffers (one stream chunk per row would be slow). */
function* morceaux(parts: Iterable<string>): Generator<Buffer> {
  let tampon = "";
  for (const p of parts) {
    tampon += p;
    if (tampon.length >= 1 << 18) {
      yield Buffer.from(tampon, "utf8");
      tampon = "";
    }
  }
  if (tampon) yield Buffer.from(tampon, "utf8");
}

/** The template sheet's XML with its template row replaced by every bulk row. */
function* xmlFeuille(xml: string, f: FeuilleEnFlux): Generator<string> {
  const debutDonnees = xml.indexOf("<sheetData");
  const finDonnees = xml.indexOf("</sheetData>");
  if (debutDonnees < 0) throw new Error(`Feuille « ${f.spec.name} » : pas de <sheetData>`);
  const ouverture = xml.indexOf(">", debutDonnees) + 1;
  const autoFermee = xml[ouverture - 2] === "/";
  const lignes = autoFermee ? "" : xml.slice(ouverture, finDonnees);
  const gabarit = new RegExp(`<row\\b[^>]*\\br="${f.gabarit}"[^>]*>[\\s\\S]*?</row>`).exec(lignes);
  const avantGabarit = gabarit ? lignes.slice(0, gabarit.index) : lignes;
  if (gabarit && lignes.slice(gabarit.index + gabarit[0].length).trim())
    throw new Error(`Feuille « ${f.spec.name} » : des lignes suivent la ligne modèle`);
  const styles = stylesColonnes(xml, gabarit?.[0]);
  const largeur = Math.max(styles.length, 1);
  const total = f.spec.rows.length + f.spec.bulk!.count;
  const derniereCol = colonneLettre(largeur - 1);
  let tete = xml
    .slice(0, debutDonnees)
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${derniereCol}${Math.max(total, 1)}"/>`);
  tete += "<sheetData>" + avantGabarit;
  yield tete;
  const lettres: string[] = [];
  let r = f.spec.rows.length;
  for (const row of f.spec.bulk!.rows()) {
    r++;
    let s = `<row r="${r}">`;
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (c === null || c === undefined) continue;
      s += celluleXml(c, (lettres[j] ??= colonneLettre(j)) + r, styles[j], f.spec.name);
    }
    yield s + "</row>";
  }
  if (r !== total)
    throw new Error(
      `Feuille « ${f.spec.name} » : ${r - f.spec.rows.length} lignes générées au lieu de ${f.spec.bulk!.count}`,
    );
  yield "</sheetData>" + (autoFermee ? xml.slice(ouverture) : xml.slice(finDonnees + "</sheetData>".length));
}

/** The style id of each column: the template row's cell, else the column's own style. */
function stylesColonnes(xml: string, gabarit: string | undefined): (string | undefined)[] {
  const styles: (string | undefined)[] = [];
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? "";
  for (const m of cols.matchAll(/<col\b([^>]*)\/?>/g)) {
    const a = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1];
    const min = Number(a("min")),
      max = Number(a("max")),
      style = a("style");
    if (style && max - min < 16384) for (let c = min; c <= max; c++) styles[c - 1] = style;
  }
  for (const m of (gabarit ?? "").matchAll(/<c\b([^>]*?)\/?>/g)) {
    const ref = /\br="([A-Z]+)\d+"/.exec(m[1])?.[1];
    const s = /\bs="(\d+)"/.exec(m[1])?.[1];
    if (ref && s) styles[lettreColonne(ref)] = s;
  }
  return styles;
}

// XML 1.0 refuses control characters; a ledger label may carry one from the accounting program.
const INTERDIT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INTERDITS = new RegExp(INTERDIT.source, "g");
const ESC = /[&<>"]/;
// One test for the usual case (plain text): nothing to remove, escape or preserve.
const PARTICULIER = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$/;

function texteXml(s: string): string {
  if (!PARTICULIER.test(s)) return s;
  let t = INTERDIT.test(s) ? s.replace(INTERDITS, "") : s;
  if (ESC.test(t)) t = t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return t;
}

// A ledger has a few hundred distinct dates for a million lines.
const series = new Map<string, number>();
function serie(iso: string): number {
  let n = series.get(iso);
  if (n === undefined) {
    n = isoVersSerie(iso);
    if (series.size > 100000) series.clear();
    series.set(iso, n);
  }
  return n;
}

function celluleXml(c: Exclude<CellSpec, null>, ref: string, style: string | undefined, feuille: string): string {
  const s = style === undefined ? "" : ` s="${style}"`;
  if (typeof c === "string") {
    const espace = PARTICULIER.test(c) && /^\s|\s$/.test(c) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t${espace}>${texteXml(c)}</t></is></c>`;
  }
  if (typeof c === "number") {
    if (!Number.isFinite(c)) throw new RangeError(`Valeur numérique invalide (${c}) pour la cellule ${feuille}!${ref}`);
    return `<c r="${ref}"${s}><v>${c}</v></c>`;
  }
  if (typeof c === "boolean") return `<c r="${ref}"${s} t="b"><v>${c ? 1 : 0}</v></c>`;
  if ("date" in c) return `<c r="${ref}"${s}><v>${serie(c.date)}</v></c>`;
  const f = `<f>${texteXml(c.formula.replace(/^=/, ""))}</f>`;
  if (c.result === undefined) return `<c r="${ref}"${s}>${f}</c>`;
  if (typeof c.result === "number") return `<c r="${ref}"${s}>${f}<v>${c.result}</v></c>`;
  return `<c r="${ref}"${s} t="str">${f}<v>${texteXml(c.result)}</v></c>`;
}

/** Gives the sheet's tables (cut to the template by specGabarit) their full range again. */
async function etendreTables(zip: JSZip, spec: SheetSpec): Promise<void> {
  const voulues = new Map((spec.tables ?? []).map((t) => [t.name, t]));
  if (!voulues.size) return;
  for (const f of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await f.async("string");
    const nom = desEsc(/<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1] ?? "");
    const t = voulues.get(nom);
    if (!t) continue;
    const p = parsePlage(t.range);
    const table = plage(p.r1, p.c1, p.r2, p.c2);
    const filtre = plage(p.r1, p.c1, t.showTotals ? p.r2 - 1 : p.r2, p.c2);
    zip.file(
      f.name,
      xml
        .replace(/(<table\b[^>]*\bref=")[^"]*"/, `$1${table}"`)
        .replace(/(<autoFilter\b[^>]*\bref=")[^"]*"/, `$1${filtre}"`),
    );
  }
}
