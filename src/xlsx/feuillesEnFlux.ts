import type { Writable } from "stream";
import JSZip from "jszip";
import type { CellSpec, NoteSpec, SheetSpec } from "../core/port/workbook";
import { verifierTexteCellule } from "../core/port/possession";
import { serieDepuisIso } from "../core/util/serieExcel";
import { colonneLettre, lettreColonne, plage } from "../core/util/adresse";
import { parsePlage } from "./ecrireFeuille";
import { cheminRels, lireRels, partiesFeuilles, resoudre } from "./zipParties";
import { attr, elements, enfants, ouvertureModifiee, racine, remplacer, type Element } from "./xml";
import { restituerFeuille, type FeuilleVolumineuse } from "./feuillesVolumineuses";
import { ecrireZip, type EntreeAEcrire } from "./zipEcriture";

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
  return {
    ...spec,
    rows,
    bulk: undefined,
    tables,
    formats,
    notes: premiere ? repartirNotes(spec).gabarit : spec.notes,
  };
}

/**
 * A bulk sheet's notes: those on the rows ExcelJS holds (`rows` and the template row) go through ExcelJS, the others
 * are written into the notes parts ExcelJS wrote for the sheet, while saving (notesEnFlux). When none is on ExcelJS's
 * rows, a `support` note on the template row makes ExcelJS write those parts; it is dropped from them.
 */
function repartirNotes(spec: SheetSpec): { gabarit: NoteSpec[]; flux: NoteSpec[]; support?: NoteSpec } {
  const notes = spec.notes ?? [];
  if (!spec.bulk || spec.bulk.count === 0) return { gabarit: notes, flux: [] };
  const tenues = spec.rows.length + 1;
  const gabarit: NoteSpec[] = [],
    flux: NoteSpec[] = [];
  for (const n of notes) (ligneDe(n.cell) <= tenues ? gabarit : flux).push(n);
  if (!flux.length || gabarit.length) return { gabarit, flux };
  const support = { cell: `A${tenues}`, text: "Prodbook" };
  return { gabarit: [support], flux, support };
}

/** The row number ending a cell reference ("N1234" → 1234; 0 without one): 45 000 notes, no regular expression. */
function ligneDe(cell: string): number {
  let n = 0;
  for (let i = cell.length - 1, f = 1; i >= 0; i--, f *= 10) {
    const x = cell.charCodeAt(i) - 48;
    if (x < 0 || x > 9) break;
    n += x * f;
  }
  return n;
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
  const generees = new Map<string, () => Pieces>();
  for (const f of flux) {
    const { p, xml } = await partie(f.spec.name);
    generees.set(p, () => xmlFeuille(xml, f));
    await etendreTables(zip, f.spec);
    await notesEnFlux(zip, p, f.spec, generees);
  }
  for (const f of restituees) {
    const { p, xml } = await partie(f.nom);
    generees.set(p, () => restituerFeuille(xml, f));
    if (f.notes) await remettreNotes(zip, p, f.nom, f.notes, generees);
  }
  // Zipped by Node's zlib (zipEcriture.ts), the generated parts piece by piece.
  await ecrireZip(
    (async function* () {
      for (const f of Object.values(zip.files)) {
        if (f.dir) continue;
        const gen = generees.get(f.name);
        yield { nom: f.name, date: f.date, donnees: gen ? gen() : await f.async("nodebuffer") };
      }
    })(),
    sortie,
  );
}

/** A part's bytes, or its pieces. */
type Pieces = EntreeAEcrire["donnees"];

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

// A note's text: its line ends (LF) are written as they are, under xml:space="preserve".
const NOTE_PARTICULIERE = /[\u0000-\u0008\u000B-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;
const texteNote = (s: string) => (NOTE_PARTICULIERE.test(s) ? texteXmlParticulier(s) : s);

function texteXml(s: string): string {
  return PARTICULIER.test(s) ? texteXmlParticulier(s) : s;
}

/** A text with something to remove, escape or preserve (PARTICULIER matched). */
function texteXmlParticulier(s: string): string {
  const t = INTERDIT.test(s) ? s.replace(INTERDITS, "") : s;
  // A raw CR would come back as LF: it is written as a character reference. One pass (a formula's quotes).
  return ESC.test(t) ? t.replace(ECHAPPES, (x) => ECHAPPEMENTS[x]) : t;
}
const ECHAPPES = /[&<>"\r]/g;
const ECHAPPEMENTS: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;" };

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
    verifierTexteCellule(feuille, Number(ligne) - 1, colonne, c);
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

/** The comments part and the VML drawing a sheet's relationships point at (undefined when it has none). */
async function partiesDesNotes(zip: JSZip, partie: string): Promise<{ commentaires?: string; dessin?: string }> {
  const rels = lireRels(await zip.file(cheminRels(partie))?.async("string"), cheminRels(partie));
  const cible = (type: string) => {
    const r = rels.find((x) => !x.externe && x.type.endsWith(type));
    return r && resoudre(partie, r.target);
  };
  return { commentaires: cible("/comments"), dessin: cible("/vmlDrawing") };
}

/** A sheet put back with its original notes parts (feuillesVolumineuses.ts): they replace ExcelJS's. */
async function remettreNotes(
  zip: JSZip,
  partie: string,
  feuille: string,
  notes: NonNullable<FeuilleVolumineuse["notes"]>,
  generees: Map<string, () => Pieces>,
): Promise<void> {
  const { commentaires, dessin } = await partiesDesNotes(zip, partie);
  if (!commentaires || !dessin || !zip.file(commentaires) || !zip.file(dessin))
    throw new Error(`Feuille « ${feuille} » : parties des notes absentes du classeur enregistré`);
  generees.set(commentaires, () => notes.commentaires);
  generees.set(dessin, () => notes.dessin);
}

/**
 * The notes of a bulk sheet's rows (5 000 lines of a comparison, one note each), written into the comments part and
 * the VML drawing ExcelJS wrote for the sheet's other notes, each as ExcelJS writes one: the comment after
 * ExcelJS's, its shape made from ExcelJS's last one (next id, the cell's row and column, ExcelJS's default anchor).
 */
async function notesEnFlux(
  zip: JSZip,
  partie: string,
  spec: SheetSpec,
  generees: Map<string, () => Pieces>,
): Promise<void> {
  const { flux: notes, support } = repartirNotes(spec);
  if (!notes.length) return;
  const { commentaires, dessin } = await partiesDesNotes(zip, partie);
  const cx = commentaires && (await zip.file(commentaires)?.async("string"));
  const vx = dessin && (await zip.file(dessin)?.async("string"));
  if (!commentaires || !dessin || !cx || !vx)
    throw new Error(`Feuille « ${spec.name} » : parties des notes absentes du classeur enregistré`);
  generees.set(commentaires, () => commentairesAvecNotes(cx, notes, support, spec.name));
  generees.set(dessin, () => dessinAvecNotes(vx, notes, support, spec.name));
}

/** ExcelJS's comments part with `notes` added (and the support note dropped). */
function* commentairesAvecNotes(
  xml: string,
  notes: NoteSpec[],
  support: NoteSpec | undefined,
  feuille: string,
): Generator<Buffer> {
  let x = xml;
  if (support) {
    const d = x.indexOf(`<comment ref="${support.cell}"`);
    const f = x.indexOf("</comment>", d);
    if (d < 0 || f < 0) throw new Error(`Feuille « ${feuille} » : note support introuvable`);
    x = x.slice(0, d) + x.slice(f + "</comment>".length);
  }
  const i = x.lastIndexOf("</commentList>");
  if (i < 0) throw new Error(`Feuille « ${feuille} » : <commentList> introuvable`);
  const sortie = new Morceaux();
  let plein = sortie.ecrire(x.slice(0, i));
  if (plein) yield plein;
  for (const n of notes) {
    plein = sortie.ecrire(
      `<comment ref="${n.cell}" authorId="0"><text><r><t xml:space="preserve">${texteNote(n.text)}</t></r></text></comment>`,
    );
    if (plein) yield plein;
  }
  plein = sortie.ecrire(x.slice(i));
  if (plein) yield plein;
  const reste = sortie.vider();
  if (reste) yield reste;
}

const CHAMPS_FORME = /(id="_x0000_s\d+"|<x:Anchor>[^<]*<\/x:Anchor>|<x:Row>\d+<\/x:Row>|<x:Column>\d+<\/x:Column>)/;

/** ExcelJS's VML drawing with a shape for each of `notes` (the support note's shape dropped). */
function* dessinAvecNotes(
  xml: string,
  notes: NoteSpec[],
  support: NoteSpec | undefined,
  feuille: string,
): Generator<Buffer> {
  const debut = xml.lastIndexOf("<v:shape ");
  const fin = xml.indexOf("</v:shape>", debut) + "</v:shape>".length;
  if (debut < 0 || fin < debut) throw new Error(`Feuille « ${feuille} » : forme de note introuvable`);
  // The support note is then the only one ExcelJS wrote: its shape is the model, and goes.
  let deja = xml.split("<v:shape ").length - 1 - (support ? 1 : 0);
  const morceaux = xml.slice(debut, fin).split(CHAMPS_FORME);
  // What each piece of the model shape is: kept as it is (0), or the id, anchor, row or column of each note (1-4).
  const genres = morceaux.map((p) =>
    p.startsWith('id="_x0000_s')
      ? 1
      : p.startsWith("<x:Anchor>")
        ? 2
        : p.startsWith("<x:Row>")
          ? 3
          : p.startsWith("<x:Column>")
            ? 4
            : 0,
  );
  // ExcelJS numbers a sheet's shapes from 1025 (block 1 of the drawing's id map): the blocks used are declared.
  const blocs = Math.floor((1025 + deja + notes.length - 1) / 1024);
  const tete = xml
    .slice(0, support ? debut : fin)
    .replace(
      /(<o:idmap\b[^>]*\bdata=")1(")/,
      (_m, a: string, b: string) => a + Array.from({ length: blocs }, (_x, k) => k + 1).join(",") + b,
    );
  const sortie = new Morceaux();
  let plein = sortie.ecrire(tete);
  if (plein) yield plein;
  for (const n of notes) {
    const m = /^([A-Z]+)(\d+)$/.exec(n.cell);
    if (!m) throw new Error(`Feuille « ${feuille} » : note sur « ${n.cell} »`);
    const col = lettreColonne(m[1]) + 1,
      ligne = Number(m[2]);
    const haut = Math.max(ligne - 2, 0);
    let forme = "";
    for (let k = 0; k < morceaux.length; k++)
      forme +=
        genres[k] === 0
          ? morceaux[k]
          : genres[k] === 1
            ? `id="_x0000_s${1025 + deja}"`
            : genres[k] === 2
              ? `<x:Anchor>${col}, 6, ${haut}, 14, ${col + 2}, 2, ${haut + 4}, 16</x:Anchor>`
              : genres[k] === 3
                ? `<x:Row>${ligne - 1}</x:Row>`
                : `<x:Column>${col - 1}</x:Column>`;
    deja++;
    plein = sortie.ecrire(forme);
    if (plein) yield plein;
  }
  plein = sortie.ecrire(xml.slice(fin));
  if (plein) yield plein;
  const reste = sortie.vider();
  if (reste) yield reste;
}
