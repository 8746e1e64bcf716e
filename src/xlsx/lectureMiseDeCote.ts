import { StringDecoder } from "string_decoder";
import type { CellData, OptionsLecture, SheetData } from "../core/port/workbook";
import { colonneLettre, lettreColonne } from "../core/util/adresse";
import { estSerieDate, isoDepuisSerie, MS_JOUR, SERIE_1970 } from "../core/util/serieExcel";
import type { EntreeZip } from "./zipLecture";
import { LecteurJetons, LecteurLignes, type EvenementsXml } from "./jetonsXml";
import { cacheeParSaHauteur } from "./hauteursNulles";
import { XmlIllisibleError } from "./xml";

/**
 * Reads back one of Prodbook's sheets set aside on opening (feuillesVolumineuses.ts: the « Versions » sheet of
 * 10 000 rows, which ExcelJS takes seconds to load and to save again): its rows are streamed from the original
 * part through htmlparser2's tokenizer (jetonsXml.ts), and each cell gives what `lireFeuille` gives for it through
 * ExcelJS (read.ts), the same conversions in the same order: shared and inline strings (rich text joined, `_xHHHH_` escapes decoded where
 * ExcelJS decodes them), numbers, booleans, errors, dates from the style's number format (ISO text for a whole
 * day, the serial otherwise), formulas with their cached result, merged cells' value on the first cell only,
 * hidden columns and rows, a shared formula's other cells with the first cell's formula moved to them (ExcelJS's
 * slideFormula), a cell under an external hyperlink as its text.
 */
export interface SourceMiseDeCote {
  nom: string;
  entree: EntreeZip;
  /** Byte offsets of the rows in the part (after <sheetData>, at </sheetData>). */
  debutLignes: number;
  finLignes: number;
  /** Prefix of the spreadsheet namespace in the part ("" when default). */
  prefixe: string;
  /** Merged ranges and 0-based hidden columns, read from the sheet's head and tail. */
  fusions: string[];
  colonnesMasquees: number[];
  /** `<sheetFormatPr zeroHeight="1">` in its head: rows without a height of their own are hidden (hauteursNulles.ts). */
  lignesMasqueesParDefaut?: boolean;
}

export interface ContexteLecture {
  /** Number format of cell style id `s` (ExcelJS's own reading of the styles), undefined for General. */
  format(s: number): string | undefined;
  date1904: boolean;
  /** The text of each shared string. */
  partagees(): Promise<string[]>;
  /** The `ref` of each external hyperlink of the sheet: ExcelJS reads such a cell as a hyperlink (its text). */
  liens?: ReadonlySet<string>;
}

// ExcelJS's utils/shared-formula.js: the references a formula's text may hold, and a cell reference among them.
const CANDIDATS = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REF_CELLULE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;
const ADRESSE = /^([A-Z]+)(\d+)$/;

/**
 * A shared formula's text moved from its first cell `de` to `vers`, as ExcelJS moves it (slideFormula): relative
 * cell references shift by the offset, absolute parts and names (a function call, a column beyond XFD) stay.
 */
export function glisserFormule(formule: string, de: string, vers: string): string {
  const a = ADRESSE.exec(de),
    b = ADRESSE.exec(vers);
  if (!a || !b) return formule;
  const dc = lettreColonne(b[1]) - lettreColonne(a[1]),
    dl = Number(b[2]) - Number(a[2]);
  return formule.replace(CANDIDATS, (tout: string, feuille: string | undefined, _n, ref: string, parenthese) => {
    if (parenthese) return tout;
    const m = REF_CELLULE.exec(ref);
    if (!m) return tout;
    const lettres = m[2].toUpperCase();
    if (lettres.length > 3 || (lettres.length === 3 && lettres > "XFD")) return tout;
    const col = lettreColonne(lettres) + (m[1] ? 0 : dc);
    const ligne = parseInt(m[4], 10) + (m[3] ? 0 : dl);
    return `${feuille ?? ""}${m[1] ?? ""}${colonneLettre(col)}${m[3] ?? ""}${ligne}`;
  });
}

/** ExcelJS's date test of a number format (utils.isDateFmt): a date letter outside quotes and brackets. */
export function formatDate(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** ExcelJS's decoding of `_xHHHH_` escapes in a <t> of a shared string or a rich-text run. */
export const decoderEchappements = (s: string) =>
  s.includes("_x") ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

/** ExcelJS decodes the text of a t="str" cell once more (utils.xmlDecode). */
const ENTITES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };
const xmlDecode = (s: string) => (s.includes("&") ? s.replace(/&([a-z]*);/g, (c) => ENTITES[c] ?? c) : s);

/** A serial as ExcelJS turns it into a Date, then as read.ts turns that Date back (ISO day, or the serial). */
function dateCellule(v: number, date1904: boolean): string | number {
  const ms = Math.round((v - SERIE_1970 + (date1904 ? 1462 : 0)) * MS_JOUR);
  const serie = ms / MS_JOUR + SERIE_1970;
  return Number.isInteger(serie) && estSerieDate(serie) ? isoDepuisSerie(serie) : serie;
}

const VIDE: CellData = { v: null };

/** The 0-based column of a cell reference: its leading capital letters (« A » when it has none), as ExcelJS reads it. */
function colonneDe(ref: string): number {
  let n = 0,
    i = 0;
  for (; i < ref.length; i++) {
    const x = ref.charCodeAt(i);
    if (x < 65 || x > 90) break;
    n = n * 26 + x - 64;
  }
  return i ? n - 1 : 0;
}

/**
 * Whether a row's content may hold a cell in column `lettres`: a cell `<c r="R5"…` of that column, or a cell whose
 * start tag does not begin so (its reference elsewhere, or none: placed by its order). A row that can hold none is
 * left unread (a « Comparaison »'s comments are read from its 5 000 rows so: the few rows holding one). The cells'
 * start tags (`prefixe`: the spreadsheet namespace's, « x » for « <x:c ») are found by indexOf, several times faster
 * here than a regular expression; « < » is never raw in a text or an attribute value.
 */
export function ligneAvecColonne(lettres: string, prefixe = ""): (contenu: string) => boolean {
  const c = `<${prefixe ? prefixe + ":" : ""}c`;
  const reference = `${c} r="${lettres}`;
  const chiffre = (x: number) => x >= 0x31 && x <= 0x39;
  return (contenu) => {
    for (let i = contenu.indexOf(c); i >= 0; i = contenu.indexOf(c, i + c.length)) {
      const x = contenu.charCodeAt(i + c.length);
      // Not a cell (a longer name), or a cell « <c r="… » of another column.
      if (x !== 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x2f && x !== 0x3e) continue;
      if (!contenu.startsWith(' r="', i + c.length)) return true;
      if (contenu.startsWith(reference, i) && chiffre(contenu.charCodeAt(i + reference.length))) return true;
    }
    return false;
  };
}

/**
 * The sheet's rows. `options.lignesAvec`: only the rows that may hold a cell in that 0-based column are read, the
 * others come empty (`[]`) and rows are not padded to the sheet's width (OptionsLecture).
 */
export async function lireFeuilleMiseDeCote(
  f: SourceMiseDeCote,
  ctx: ContexteLecture,
  options: OptionsLecture = {},
): Promise<SheetData> {
  const p = f.prefixe ? f.prefixe + ":" : "";
  const [nRow, nC, nV, nF, nT, nR, nRPh] = ["row", "c", "v", "f", "t", "r", "rPh"].map((n) => p + n);
  const formats = new Map<number, { fmt: string | undefined; date: boolean }>();
  const style = (s: number) => {
    let x = formats.get(s);
    if (!x) {
      const fmt = ctx.format(s);
      formats.set(s, (x = { fmt, date: formatDate(fmt) }));
    }
    return x;
  };
  // A sheet has few distinct dates for 140 000 cells.
  const dates = new Map<number, string | number>();
  const date = (v: number) => {
    let d = dates.get(v);
    if (d === undefined) dates.set(v, (d = dateCellule(v, ctx.date1904)));
    return d;
  };
  let sst: string[] | undefined;
  const aPartager: { ligne: CellData[]; col: number; i: number; fmt?: string }[] = [];

  const lignes: CellData[][] = [];
  /** 0-based rows whose <row> says hidden="1", or a height of 0 (or none of its own, `parDefaut`). */
  const masquees: number[] = [];
  const parDefaut = f.lignesMasqueesParDefaut === true;
  let ligne: CellData[] = [];
  let numLigne = 0;
  let col = -1;
  // The cell being read.
  let t: string | undefined;
  let s: number | undefined;
  let valeur: string | undefined;
  /** The cell has a <v> element, even empty (<v></v>: a formula whose saved result is an empty text). */
  let vLu = false;
  let formule: string | undefined;
  let partage: string | undefined;
  let adresse: string | undefined;
  let si: string | undefined;
  let maitre = false;
  // The first cell of each shared formula (si → its address and formula), as ExcelJS's reconcile finds it.
  const maitres = new Map<string, { adresse: string; formule: string }>();
  let riche = false;
  let dans: "v" | "f" | "t" | "tr" | undefined;
  let phonetique = 0;
  let dansCellule = false;

  // The tags that matter, by index (prefix included), read by htmlparser2's tokenizer (jetonsXml.ts).
  const C = 0,
    ROW = 1,
    V = 2,
    F = 3,
    T = 4,
    R = 5,
    RPH = 6;
  const evenements: EvenementsXml = {
    ouverture(n, a) {
      if (n === C) {
        dansCellule = true;
        const ref = a.r;
        adresse = ref;
        col = ref ? colonneDe(ref) : col + 1;
        t = a.t;
        s = a.s === undefined ? undefined : parseInt(a.s, 10);
        valeur = formule = partage = undefined;
        vLu = false;
        riche = false;
        dans = undefined;
      } else if (n === ROW) {
        numLigne = a.r ? Number(a.r) : numLigne + 1;
        ligne = [];
        lignes[numLigne - 1] = ligne;
        col = -1;
        // Hidden by the producer or folded in a collapsed group (ExcelJS's parseBoolean of the attribute), or of
        // height 0 or without a height of its own in a sheet hidden by default, as the ExcelJS reader gets it
        // (hauteursNulles.ts).
        if (a.hidden === "1" || a.hidden === "true" || cacheeParSaHauteur(a.ht, a.customHeight, parDefaut))
          masquees.push(numLigne - 1);
      } else if (!dansCellule) return;
      else if (n === V) {
        dans = "v";
        vLu = true;
      } else if (n === F) {
        dans = "f";
        partage = a.t;
        si = a.si;
        maitre = a.ref !== undefined;
      } else if (n === RPH) phonetique++;
      else if (n === R) riche = true;
      else if (n === T && !phonetique) dans = riche ? "tr" : "t";
    },
    texte(x) {
      if (!dans) return;
      if (dans === "f") formule = formule === undefined ? x : formule + x;
      else {
        const y = dans === "tr" ? decoderEchappements(x) : x;
        valeur = valeur === undefined ? y : valeur + y;
      }
    },
    fermeture(n) {
      if (n === C) {
        dansCellule = false;
        const c = ctx.liens?.size && adresse !== undefined && ctx.liens.has(adresse) ? sousLien(cellule()) : cellule();
        if (c !== VIDE) ligne[col] = c;
      } else if (n === RPH) phonetique--;
      else if (n === V || n === F || n === T) dans = undefined;
    },
    // A cell in the plain form, at once: the state its events would leave (a <f> without attributes: no shared
    // formula), then the same cell as at its end tag. Most of the 140 000 cells of a « Versions » sheet.
    cellule(ref, sA, tA, f, v, texte) {
      adresse = ref;
      col = colonneDe(ref);
      t = tA;
      s = sA === undefined ? undefined : parseInt(sA, 10);
      formule = f;
      partage = si = undefined;
      maitre = false;
      vLu = v !== undefined;
      valeur = v || texte;
      riche = false;
      dans = undefined;
      const c = ctx.liens?.size && ctx.liens.has(ref) ? sousLien(cellule()) : cellule();
      if (c !== VIDE) ligne[col] = c;
    },
  };
  // Rows as Excel and Prodbook write them by regular expressions, anything else by htmlparser2's tokenizer.
  const jetons = new LecteurLignes(
    evenements,
    [nC, nRow, nV, nF, nT, nR, nRPh],
    ["r", "t", "s", "si", "ref", "hidden", "ht", "customHeight"],
    f.prefixe,
    options.lignesAvec === undefined ? undefined : ligneAvecColonne(colonneLettre(options.lignesAvec), f.prefixe),
    // A damaged part (bytes changed in it) is refused, never read as far as it goes: its name is in the error.
    { partie: f.entree.nom },
  );

  /**
   * A cell under an external hyperlink: ExcelJS reads its value (or its formula's result) as the link's text, a
   * string, and the formula is lost. Where ExcelJS's text is no text (an empty cell gives "undefined", a date or a
   * rich text "[object …]"), the text is the value as read here.
   */
  const sousLien = (c: CellData): CellData => {
    if (c === VIDE || c.v === null) return c.f === undefined ? c : VIDE;
    return { v: String(c.v), fmt: c.fmt };
  };

  /** ExcelJS's cell-xform (parseClose, reconcile) then read.ts's lireCellule. */
  const cellule = (): CellData => {
    const st = s === undefined || Number.isNaN(s) ? undefined : style(s);
    const fmt = st?.fmt;
    if (formule || partage) {
      let fo = formule ?? "";
      if (partage === "shared" && si !== undefined && adresse)
        if (maitre) maitres.set(si, { adresse, formule: fo });
        else if (!fo) {
          const m = maitres.get(si);
          if (m && m.formule) fo = glisserFormule(m.formule, m.adresse, adresse);
        }
      // A text result saved empty (<v></v> of =SI(A1="";"";A1)) is an empty text, not « no result »: ExcelJS cannot
      // tell them apart (both leave no value), this reader can.
      const r =
        t === "str" && (valeur || vLu)
          ? xmlDecode(valeur ?? "")
          : !valeur
            ? undefined
            : t === "b"
              ? parseInt(valeur, 10) !== 0
              : t === "e"
                ? { erreur: valeur }
                : parseFloat(valeur);
      const fc = { f: fo };
      if (r !== undefined && typeof r === "object") return { v: r.erreur, ...fc, fmt, erreur: true };
      if (r === undefined) return { v: null, ...fc, fmt };
      return { v: typeof r === "number" && st?.date ? date(r) : r, ...fc, fmt };
    }
    if (valeur === undefined) return VIDE;
    switch (t) {
      case "s": {
        const i = parseInt(valeur, 10);
        const c: CellData = { v: null, fmt };
        aPartager.push({ ligne, col, i, fmt });
        return c;
      }
      case "str":
        return { v: xmlDecode(valeur), fmt };
      case "inlineStr":
        return { v: valeur, fmt };
      case "b":
        return { v: parseInt(valeur, 10) !== 0, fmt };
      case "e":
        return { v: valeur, fmt, erreur: true };
      default: {
        const x = parseFloat(valeur);
        return { v: st?.date ? date(x) : x, fmt };
      }
    }
  };

  // The rows only: the part's head and tail are ExcelJS's (the placeholder).
  // Bytes that are no UTF-8 (a damaged part) are refused, not read as U+FFFD.
  const decodeur = new TextDecoder("utf-8", { fatal: true });
  const decoder = (b?: Buffer) => {
    try {
      return b ? decodeur.decode(b, { stream: true }) : decodeur.decode();
    } catch {
      throw new XmlIllisibleError(f.entree.nom, "octets qui ne sont pas de l'UTF-8");
    }
  };
  let vu = 0;
  for await (const morceau of await f.entree.flux()) {
    const b = morceau as Buffer;
    const debut = Math.max(0, f.debutLignes - vu),
      fin = Math.min(b.length, f.finLignes - vu);
    vu += b.length;
    if (fin > debut) jetons.ecrire(decoder(b.subarray(debut, fin)));
  }
  jetons.ecrire(decoder());
  jetons.finir();

  if (aPartager.length) {
    sst ??= await ctx.partagees();
    for (const x of aPartager) {
      const texte = sst[x.i];
      // A cell pointing past the shared strings has lost its text: the part is damaged (ExcelJS fails on it too),
      // never read as an empty cell (a header, a code, a label gone without a word).
      if (texte === undefined)
        throw new XmlIllisibleError(f.entree.nom, `texte partagé n° ${x.i} absent de xl/sharedStrings.xml`);
      x.ligne[x.col] = { v: texte, fmt: x.fmt };
    }
  }
  // A merged range's value is on its first cell only (ExcelJS repeats it on the others).
  for (const m of f.fusions) {
    const r = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(m);
    if (!r) continue;
    const c1 = lettreColonne(r[1]),
      l1 = Number(r[2]) - 1,
      c2 = r[3] ? lettreColonne(r[3]) : c1,
      l2 = r[4] ? Number(r[4]) - 1 : l1;
    for (let l = l1; l <= l2; l++)
      for (let c = c1; c <= c2; c++) if ((l !== l1 || c !== c1) && lignes[l]?.[c]) lignes[l][c] = VIDE;
  }
  // Dense rows, trailing empty cells and rows dropped, as lireFeuille.
  const rows: CellData[][] = [];
  let maxCol = 0;
  for (let i = 0; i < lignes.length; i++) {
    const l = lignes[i] ?? [];
    for (let c = 0; c < l.length; c++) if (!l[c]) l[c] = VIDE;
    while (l.length && l[l.length - 1].v === null && !l[l.length - 1].f) l.pop();
    maxCol = Math.max(maxCol, l.length);
    rows.push(l);
  }
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  // Rows left unread are not made as wide as the others (5 000 rows of 18 empty cells for a few comments).
  if (options.lignesAvec === undefined) for (const r of rows) while (r.length < maxCol) r.push({ v: null });
  // Fresh objects: a caller may change a cell it got.
  for (const r of rows) for (let c = 0; c < r.length; c++) if (r[c] === VIDE) r[c] = { v: null };
  const colonnesMasquees = f.colonnesMasquees.filter((c) => c < maxCol);
  // Row numbers need not be increasing in a hand-written part: sorted, once each, among the rows kept (as read.ts).
  const lignesMasquees = [...new Set(masquees)].filter((r) => r >= 0 && r < rows.length).sort((a, b) => a - b);
  return {
    name: f.nom,
    rows,
    merges: f.fusions,
    ...(colonnesMasquees.length ? { colonnesMasquees } : {}),
    ...(lignesMasquees.length ? { lignesMasquees } : {}),
  };
}

/** The text of each shared string as ExcelJS reads it (runs joined, phonetic runs aside, escapes decoded), streamed. */
export async function textesPartagesEnFlux(entree: EntreeZip): Promise<string[]> {
  if (entree.octets) return textesPartages((await entree.octets()).toString("utf8"));
  const out: string[] = [];
  const jetons = lecteurPartages(out);
  const decodeur = new StringDecoder("utf8");
  for await (const m of await entree.flux()) jetons.ecrire(decodeur.write(m as Buffer));
  jetons.ecrire(decodeur.end());
  jetons.finir();
  return out;
}

/** A tokenizer that pushes onto `out` the text of each <si> of the <sst> it reads. */
function lecteurPartages(out: string[]): LecteurJetons {
  let profondeur = 0;
  let phonetique = 0;
  let dansT = false;
  let courant = "";
  const SI = 0,
    T = 1,
    RPH = 2;
  // The part's names are unprefixed (prefixes.ts rewrites a part whose root carries one); CDATA counts as text.
  return new LecteurJetons(
    {
      ouverture(n) {
        profondeur++;
        if (profondeur === 2 && n === SI) courant = "";
        else if (n === RPH) phonetique++;
        else if (n === T && !phonetique) dansT = true;
      },
      texte(s) {
        if (dansT) courant += decoderEchappements(s);
      },
      fermeture(n) {
        if (profondeur === 2 && n === SI) out.push(courant);
        else if (n === RPH) phonetique--;
        else if (n === T) dansT = false;
        profondeur--;
      },
    },
    ["si", "t", "rPh"],
    [],
    true,
  );
}

/** A plain shared string, as Excel writes most: one <t> of text (entities aside), nothing else. */
const SI_SIMPLE = /<si><t(?: xml:space="preserve")?>([^<&\r]*)<\/t><\/si>|<si><t(?: xml:space="preserve")?\/><\/si>/y;
const BLANCS = /[ \t\r\n]*/y;

/**
 * The texts of a shared strings part held in memory: a plain <si> is read by a regular expression (its text has no
 * entity, no CR, no markup: taken as it is, `_xHHHH_` escapes decoded), any other through the tokenizer, alone. A
 * part that does not look like Excel's (a prefix, a comment…) goes through the tokenizer whole.
 */
export function textesPartages(xml: string): string[] {
  const tout = () => {
    const out: string[] = [];
    const j = lecteurPartages(out);
    j.ecrire(xml);
    j.finir();
    return out;
  };
  const r = /<sst(\s[^>]*)?>/.exec(xml);
  if (!r || /<!|<\?(?!xml )/.test(xml.slice(r.index))) return tout();
  const out: string[] = [];
  let i = r.index + r[0].length;
  for (;;) {
    BLANCS.lastIndex = i;
    BLANCS.exec(xml);
    i = BLANCS.lastIndex;
    if (xml.startsWith("</sst", i)) return out;
    SI_SIMPLE.lastIndex = i;
    const m = SI_SIMPLE.exec(xml);
    if (m) {
      out.push(m[1] ? decoderEchappements(m[1]) : "");
      i = SI_SIMPLE.lastIndex;
      continue;
    }
    if (!/^<si[\s>/]/.test(xml.slice(i, i + 4))) return tout();
    const fin = /^<si[^>]*\/>/.exec(xml.slice(i, i + 64))?.[0].length ?? xml.indexOf("</si>", i) + 5 - i;
    if (fin < 5) return tout();
    const un: string[] = [];
    const j = lecteurPartages(un);
    j.ecrire(`<sst>${xml.slice(i, i + fin)}</sst>`);
    j.finir();
    if (un.length !== 1) return tout();
    out.push(un[0]);
    i += fin;
  }
}
