import { Readable, type Writable } from "stream";
import { finished } from "stream/promises";
import JSZip from "jszip";
import type { CellSpec, SheetSpec } from "../core/port/workbook";
import { serieDepuisIso } from "../core/util/serieExcel";
import { colonneLettre, lettreColonne, plage } from "../core/util/adresse";
import { parsePlage } from "./ecrireFeuille";
import { partiesFeuilles } from "./zipParties";
import { attr, elements, enfants, ouvertureModifiee, racine, remplacer, type Element } from "./xml";
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
    generees.set(p, () => Readable.from(xmlFeuille(xml, f)));
    await etendreTables(zip, f.spec);
  }
  for (const f of restituees) {
    const { p, xml } = await partie(f.nom);
    generees.set(p, () => Readable.from(restituerFeuille(xml, f)));
  }
  // Loaded here: a command that writes no bulk sheet does not pay for archiver's modules.
  const archiver = require("archiver") as typeof import("archiver");
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

const TAILLE_MORCEAU = 1 << 20;

/**
 * Text written row by row straight into ~1 MB buffers (one stream chunk per row would be slow). Joining the rows
 * into a 256 KB string first and encoding it with Buffer.from cost a third of the whole `ecarts -o` on a
 * million-line ledger (the engine flattens a tree of thousands of small strings): five times the cost of
 * writing each row.
 */
class Morceaux {
  private tampon = Buffer.allocUnsafe(TAILLE_MORCEAU);
  private pos = 0;

  /** Writes `s`; returns the full buffer when it had to be started anew. */
  ecrire(s: string): Buffer | undefined {
    let plein: Buffer | undefined;
    if (this.pos + 3 * s.length > TAILLE_MORCEAU) {
      plein = this.vider();
      // Too long for a buffer (the sheet's head or tail, at most): given along with what precedes it.
      if (3 * s.length > TAILLE_MORCEAU) return Buffer.concat([plein ?? Buffer.alloc(0), Buffer.from(s, "utf8")]);
    }
    this.pos += this.tampon.write(s, this.pos, "utf8");
    return plein;
  }

  /** What was written since the last call (a new buffer is started: the stream may still hold the old one). */
  vider(): Buffer | undefined {
    if (!this.pos) return undefined;
    const plein = this.tampon.subarray(0, this.pos);
    this.tampon = Buffer.allocUnsafe(TAILLE_MORCEAU);
    this.pos = 0;
    return plein;
  }
}

/** The template sheet's XML with its template row replaced by every bulk row. */
function* xmlFeuille(xml: string, f: FeuilleEnFlux): Generator<Buffer> {
  const tous = elements(xml, { profondeurMax: 3, partie: f.spec.name });
  const r = racine(tous);
  const donnees = enfants(tous, r, "sheetData")[0];
  if (!donnees) throw new Error(`Feuille « ${f.spec.name} » : pas de <sheetData>`);
  const lignes = enfants(tous, donnees, "row");
  const i = lignes.findIndex((l) => attr(l, "r") === String(f.gabarit));
  const gabarit = i >= 0 ? lignes[i] : undefined;
  if (gabarit && i < lignes.length - 1)
    throw new Error(`Feuille « ${f.spec.name} » : des lignes suivent la ligne modèle`);
  const styles = stylesColonnes(tous, r, gabarit);
  const largeur = Math.max(styles.length, 1);
  const total = f.spec.rows.length + f.spec.bulk!.count;
  const dim = enfants(tous, r, "dimension")[0];
  const edits = dim
    ? [
        {
          debut: dim.debut,
          fin: dim.fin,
          texte: ouvertureModifiee(dim, (a) =>
            a.map(([n, v]) => [n, n === "ref" ? `A1:${colonneLettre(largeur - 1)}${Math.max(total, 1)}` : v]),
          ),
        },
      ]
    : [];
  const avant = donnees.autoFermant ? "" : xml.slice(donnees.finOuverture, gabarit?.debut ?? donnees.debutFermeture);
  const sortie = new Morceaux();
  sortie.ecrire(remplacer(xml.slice(0, donnees.debut), edits) + `<${donnees.nom}>` + avant);
  // Per column, what surrounds the row number in the cell's opening tag: `<c r="B` … `" s="3"`.
  const avantNumero: string[] = [];
  const apresNumero: string[] = [];
  let n = f.spec.rows.length;
  for (const row of f.spec.bulk!.rows()) {
    n++;
    const nr = String(n);
    let s = `<row r="${nr}">`;
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (c === null || c === undefined) continue;
      if (avantNumero[j] === undefined) {
        avantNumero[j] = `<c r="${colonneLettre(j)}`;
        apresNumero[j] = styles[j] === undefined ? '"' : `" s="${styles[j]}"`;
      }
      s += celluleXml(c, avantNumero[j] + nr + apresNumero[j], f.spec.name, nr, j);
    }
    const plein = sortie.ecrire(s + "</row>");
    if (plein) yield plein;
  }
  if (n !== total)
    throw new Error(
      `Feuille « ${f.spec.name} » : ${n - f.spec.rows.length} lignes générées au lieu de ${f.spec.bulk!.count}`,
    );
  const plein = sortie.ecrire(`</${donnees.nom}>` + xml.slice(donnees.fin));
  if (plein) yield plein;
  const reste = sortie.vider();
  if (reste) yield reste;
}

/** The style id of each column: the template row's cell, else the column's own style. */
function stylesColonnes(tous: Element[], r: Element, gabarit: Element | undefined): (string | undefined)[] {
  const styles: (string | undefined)[] = [];
  for (const cols of enfants(tous, r, "cols"))
    for (const col of enfants(tous, cols, "col")) {
      const min = Number(attr(col, "min")),
        max = Number(attr(col, "max")),
        style = attr(col, "style");
      if (style && max - min < 16384) for (let c = min; c <= max; c++) styles[c - 1] = style;
    }
  for (const c of gabarit ? enfants(tous, gabarit, "c") : []) {
    const ref = /^([A-Z]+)\d+$/.exec(attr(c, "r") ?? "")?.[1];
    const s = attr(c, "s");
    if (ref && s) styles[lettreColonne(ref)] = s;
  }
  return styles;
}

// XML 1.0 refuses control characters; a ledger label may carry one from the accounting program.
const INTERDIT =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INTERDITS = new RegExp(INTERDIT.source, "g");
const ESC = /[&<>"\r]/;
// One test for the usual case (plain text): nothing to remove, escape or preserve.
const PARTICULIER = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]|^\s|\s$/;

function texteXml(s: string): string {
  return PARTICULIER.test(s) ? texteXmlParticulier(s) : s;
}

/** A text with something to remove, escape or preserve (PARTICULIER matched). */
function texteXmlParticulier(s: string): string {
  let t = INTERDIT.test(s) ? s.replace(INTERDITS, "") : s;
  // A raw CR would come back as LF: it is written as a character reference.
  if (ESC.test(t))
    t = t
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/\r/g, "&#13;");
  return t;
}

// A ledger has a few hundred distinct dates for a million lines.
const series = new Map<string, number>();
function serie(iso: string): number {
  let n = series.get(iso);
  if (n === undefined) {
    n = serieDepuisIso(iso);
    if (series.size > 100000) series.clear();
    series.set(iso, n);
  }
  return n;
}

/**
 * One cell; `ouverture` is its opening tag up to its attributes' end (`<c r="B7" s="3"`). `ligne` and `colonne`
 * name the cell in an error.
 */
function celluleXml(
  c: Exclude<CellSpec, null>,
  ouverture: string,
  feuille: string,
  ligne: string,
  colonne: number,
): string {
  if (typeof c === "string") {
    if (!PARTICULIER.test(c)) return ouverture + ' t="inlineStr"><is><t>' + c + "</t></is></c>";
    const espace = /^\s|\s$/.test(c) ? ' xml:space="preserve"' : "";
    return `${ouverture} t="inlineStr"><is><t${espace}>${texteXmlParticulier(c)}</t></is></c>`;
  }
  if (typeof c === "number") {
    if (!Number.isFinite(c))
      throw new RangeError(
        `Valeur numérique invalide (${c}) pour la cellule ${feuille}!${colonneLettre(colonne)}${ligne}`,
      );
    return ouverture + "><v>" + c + "</v></c>";
  }
  if (typeof c === "boolean") return `${ouverture} t="b"><v>${c ? 1 : 0}</v></c>`;
  if ("date" in c) return ouverture + "><v>" + serie(c.date) + "</v></c>";
  const f = `<f>${texteXml(c.formula.replace(/^=/, ""))}</f>`;
  if (c.result === undefined) return `${ouverture}>${f}</c>`;
  if (typeof c.result === "number") return `${ouverture}>${f}<v>${c.result}</v></c>`;
  return `${ouverture} t="str">${f}<v>${texteXml(c.result)}</v></c>`;
}

/** Gives the sheet's tables (cut to the template by specGabarit) their full range again. */
async function etendreTables(zip: JSZip, spec: SheetSpec): Promise<void> {
  const voulues = new Map((spec.tables ?? []).map((t) => [t.name, t]));
  if (!voulues.size) return;
  for (const f of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const xml = await f.async("string");
    const tous = elements(xml, { profondeurMax: 1, partie: f.name });
    const table = racine(tous);
    const t = voulues.get(attr(table, "name") ?? "");
    if (!t) continue;
    const p = parsePlage(t.range);
    const ref = (e: Element, valeur: string) => ({
      debut: e.debut,
      fin: e.finOuverture,
      texte: ouvertureModifiee(e, (a) => a.map(([n, v]) => [n, n === "ref" ? valeur : v])),
    });
    const filtre = enfants(tous, table, "autoFilter")[0];
    zip.file(
      f.name,
      remplacer(xml, [
        ref(table, plage(p.r1, p.c1, p.r2, p.c2)),
        ...(filtre ? [ref(filtre, plage(p.r1, p.c1, t.showTotals ? p.r2 - 1 : p.r2, p.c2))] : []),
      ]),
    );
  }
}
