import type { Tokenizer } from "htmlparser2";
import { XmlIllisibleError } from "./xml";

/**
 * What a strict reader checks of the text it reads (XML 1.0 well-formedness, what a damaged part breaks): `partie`
 * names the part in the XmlIllisibleError thrown; `ouverts`, the elements open where the text begins (the rows of a
 * sheet are read from inside <sheetData>, a row or a cell: those the text closes, and no others).
 */
export interface Verification {
  partie: string;
  ouverts?: readonly string[];
}

/** Characters XML 1.0 forbids (§ 2.2): control characters, U+FFFE and U+FFFF. */
const CARACTERE_INTERDIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** A tag name (XML's Name, its start characters read broadly: letters, « _ », « : » and non-ASCII). */
const NOM_XML = /^[A-Za-z_:\u00C0-\uFFFD][-.\w:\u00B7\u00C0-\uFFFD]*$/;

/** A part's text with a character XML forbids: the error naming the part and the character, else undefined. */
export function caractereInterdit(texte: string, partie: string): XmlIllisibleError | undefined {
  const m = CARACTERE_INTERDIT.exec(texte);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
  return new XmlIllisibleError(partie, `caractère U+${code} interdit en XML`);
}

/** What `LecteurJetons` reports: tags by their index in the names asked for (-1: another tag). */
export interface EvenementsXml {
  /** A start tag (or a self-closing one, then followed by `fermeture`); `attributs` holds the attributes asked for. */
  ouverture(balise: number, attributs: Readonly<Record<string, string | undefined>>): void;
  /** A text node, whole, entities decoded and line ends normalised (what saxes reports as one « text » event). */
  texte(texte: string): void;
  fermeture(balise: number): void;
  /**
   * A cell in the plain form LecteurLignes reads by one regular expression (`<c r s t>` with an optional `<f>` without
   * attributes, then a `<v>` or an `<is><t>`), given at once when the reader has this (its texts decoded, `undefined`
   * for an element absent or empty): what the events of its tags would say, without them.
   */
  /** `v`: the text of <v>, "" for an empty <v></v>, undefined without one. */
  cellule?(r: string, s: string | undefined, t: string | undefined, f?: string, v?: string, texte?: string): void;
}

/**
 * A streaming XML reader over htmlparser2's tokenizer (XML mode), for the rows of a sheet read back
 * (lectureMiseDeCote.ts) and the shared strings: saxes, which builds an object for every tag and attribute, reads
 * the 140 000 cells of a « Versions » sheet about three times slower (docs/architecture.md, « Large sheets »).
 * It reports what saxes reports for these parts: a text node as one text, entities (the five of XML and character
 * references) decoded, CR LF and lone CR of the source read as LF (XML 1.0 § 2.11; a `&#13;` stays a CR), CDATA
 * (unless asked for, then as a text of its own), comments and processing instructions left out, as the saxes
 * readers (and ExcelJS's) leave them. Tag and attribute names are compared as written, prefix included. It checks
 * that the XML is well formed only when asked (`verification`: tags closed in order, no « < » or stray « & » in a text
 * or a value, quoted values, no character XML forbids), for the parts of a workbook a damaged byte must not pass.
 */
export class LecteurJetons {
  private readonly tok: Tokenizer;
  /** The text from absolute offset `base`: every token not yet reported starts at or after `sur`. */
  private texteSource = "";
  private base = 0;
  private sur = 0;
  /** The start tag being read: its index in `noms`, the attribute being read and the values kept. */
  private balise = -1;
  private attribut: string | undefined;
  private valeur = "";
  private readonly valeurs: Record<string, string | undefined> = {};
  /** The text node being read, and whether its last source character was a CR (a LF right after it goes). */
  private enCours = "";
  private cr = false;
  /** With a verification: the elements open (names as written), the attributes of the tag being read, and where
   * the last attribute ended (the next one must be after white space). */
  private readonly pile: string[] | undefined;
  private readonly nomsAttributs: string[] = [];
  private finAttribut = -1;

  constructor(
    private readonly evenements: EvenementsXml,
    /** Tag names reported by index, as written (« c », « x:row »). */
    private readonly noms: readonly string[],
    /** Attribute names kept on those tags (« r », « t »). */
    private readonly attributs: readonly string[],
    /** CDATA sections reported as text nodes of their own (as saxes reports « cdata » beside « text »). */
    cdata = false,
    private readonly verification?: Verification,
  ) {
    this.pile = verification ? [...(verification.ouverts ?? [])] : undefined;
    const pile = this.pile;
    // Loaded here (htmlparser2's entry loads its DOM modules too): only the commands that read a sheet so pay for it.
    const { Tokenizer: Tok } = require("htmlparser2") as typeof import("htmlparser2");
    const sur = (_a: number, b: number) => {
      this.vider();
      this.sur = b;
    };
    this.tok = new Tok(
      { xmlMode: true, decodeEntities: true },
      {
        onopentagname: (a, b) => {
          this.vider();
          if (pile) {
            const nom = this.lire(a, b);
            if (!NOM_XML.test(nom)) this.illisible(`nom de balise « ${nom.slice(0, 20)} » invalide`);
            pile.push(nom);
            this.nomsAttributs.length = 0;
          }
          this.sur = b;
          this.balise = this.indice(a, b);
          if (this.balise >= 0) for (const n of this.attributs) this.valeurs[n] = undefined;
        },
        onattribname: (a, b) => {
          if (pile) this.nomAttribut(a, b);
          this.sur = b;
          this.attribut = undefined;
          if (this.balise < 0) return;
          for (const n of this.attributs) if (this.est(n, a, b)) this.attribut = n;
          this.valeur = "";
        },
        onattribdata: (a, b) => {
          if (pile) this.sansBaliseNiEsperluette(a, b);
          this.sur = b;
          if (this.attribut !== undefined) this.valeur += this.lire(a, b);
        },
        onattribentity: (cp) => {
          if (this.attribut !== undefined) this.valeur += String.fromCodePoint(cp);
        },
        onattribend: (q, fin) => {
          // QuoteType: 0 no value, 1 unquoted (2 and 3: single and double quotes).
          if (pile && q < 2) this.illisible("valeur d'attribut sans guillemets");
          this.finAttribut = fin;
          this.sur = fin;
          if (this.attribut !== undefined) this.valeurs[this.attribut] = this.valeur;
          this.attribut = undefined;
        },
        onopentagend: (fin) => {
          this.sur = fin + 1;
          this.evenements.ouverture(this.balise, this.valeurs);
        },
        onselfclosingtag: (fin) => {
          pile?.pop();
          this.sur = fin + 1;
          this.evenements.ouverture(this.balise, this.valeurs);
          this.evenements.fermeture(this.balise);
        },
        onclosetag: (a, b) => {
          this.vider();
          if (pile) {
            const nom = this.lire(a, b),
              ouvert = pile.pop();
            if (nom !== ouvert)
              this.illisible(
                ouvert === undefined
                  ? `balise fermante </${nom.slice(0, 20)}> sans ouvrante`
                  : `</${nom.slice(0, 20)}> ferme <${ouvert}>`,
              );
          }
          this.sur = b;
          this.evenements.fermeture(this.indice(a, b));
        },
        ontext: (a, b) => {
          if (pile) this.sansBaliseNiEsperluette(a, b);
          this.sur = b;
          let x = this.lire(a, b);
          if (this.cr && x.charCodeAt(0) === 10) x = x.slice(1);
          if (x.length) this.cr = x.charCodeAt(x.length - 1) === 13;
          this.enCours += x.includes("\r") ? x.replace(/\r\n?/g, "\n") : x;
        },
        ontextentity: (cp, fin) => {
          this.sur = fin;
          this.cr = false;
          this.enCours += String.fromCodePoint(cp);
        },
        // `b`: the index of the closing « > » (the content ends `decalage` characters before it).
        oncdata: (a, b, decalage) => {
          this.vider();
          this.sur = b;
          const x = this.lire(a, b - decalage);
          if (cdata && x) this.evenements.texte(x.includes("\r") ? x.replace(/\r\n?/g, "\n") : x);
        },
        oncomment: sur,
        ondeclaration: sur,
        onprocessinginstruction: sur,
        onend: () => this.vider(),
      },
    );
  }

  ecrire(morceau: string): void {
    if (this.verification) {
      const e = caractereInterdit(morceau, this.verification.partie);
      if (e) throw e;
    }
    this.texteSource = this.texteSource.slice(this.sur - this.base) + morceau;
    this.base = this.sur;
    this.tok.write(morceau);
  }

  finir(): void {
    this.tok.end();
    if (this.pile?.length) this.illisible(`<${this.pile[this.pile.length - 1]}> non fermé`);
  }

  /** An attribute's name: a name, after white space, once on its tag. */
  private nomAttribut(a: number, b: number): void {
    const nom = this.lire(a, b);
    if (!NOM_XML.test(nom)) this.illisible(`nom d'attribut « ${nom.slice(0, 20)} » invalide`);
    if (a === this.finAttribut) this.illisible(`attribut « ${nom.slice(0, 20)} » sans espace avant`);
    if (this.nomsAttributs.includes(nom)) this.illisible(`attribut « ${nom.slice(0, 20)} » répété`);
    this.nomsAttributs.push(nom);
  }

  private illisible(cause: string): never {
    throw new XmlIllisibleError(this.verification?.partie ?? "?", cause);
  }

  /** A text or a value, read from the source: « < » and « & » there (not an entity the tokenizer decoded) are raw. */
  private sansBaliseNiEsperluette(a: number, b: number): void {
    const x = this.lire(a, b);
    if (x.includes("<")) this.illisible("« < » dans un texte");
    if (x.includes("&")) this.illisible("« & » hors d'une entité");
  }

  private vider(): void {
    this.cr = false;
    if (!this.enCours) return;
    const t = this.enCours;
    this.enCours = "";
    this.evenements.texte(t);
  }

  private lire(a: number, b: number): string {
    return this.texteSource.slice(a - this.base, b - this.base);
  }

  private est(nom: string, a: number, b: number): boolean {
    return b - a === nom.length && this.texteSource.startsWith(nom, a - this.base);
  }

  /** Called for every tag (600 000 for a « Versions » sheet): lengths and first characters are compared first. */
  private indice(a: number, b: number): number {
    const n = b - a,
      o = a - this.base,
      c = this.texteSource.charCodeAt(o);
    for (let i = 0; i < this.noms.length; i++) {
      const nom = this.noms[i];
      if (nom.length === n && nom.charCodeAt(0) === c && (n === 1 || this.texteSource.startsWith(nom, o))) return i;
    }
    return -1;
  }
}

const NOMMEES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** Every « & » of a text starts one of XML's five entities or a character reference. */
const ENTITE_INCONNUE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;
const ENTITE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;
const AUCUN: Record<string, string | undefined> = Object.freeze({});
const LT = 60,
  GT = 62,
  BARRE = 47,
  EGAL = 61,
  GUILLEMET = 34,
  APOSTROPHE = 39;
/** XML's white space (a CR between tags is white space like any other: the tokenizer's texts there are not read). */
const blanc = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * The rows of a sheet (the content of <sheetData>) read by a scanner written for the way Excel, LibreOffice, ExcelJS
 * and Prodbook write them: <row> of <c>, each cell holding <v>, <f> and <is><t> with plain text (XML's entities and
 * character references, no CR, no rich text). It reports the events `LecteurJetons` reports for the same text, for
 * the tags `c`, `row`, `v`, `f`, `t` (prefix included) and the attributes asked for (<is> is not reported: a
 * tag not asked for). From the first token outside that form (a comment, a CDATA section, a rich text, a raw CR in a
 * text…), the rest of the part goes to `LecteurJetons`, which reads anything: the two report the same events, so
 * where the handover falls changes nothing. It reads the rows of a « Versions » sheet in a fraction of the
 * tokenizer's time (each character of a tag is looked at once, the texts are found by indexOf).
 */
export class LecteurLignes {
  private reste = "";
  private jetons: LecteurJetons | undefined;
  /** The attributes asked for of the last start tag read (a new object for each tag that has some). */
  private valeurs: Record<string, string | undefined> = AUCUN;
  private readonly iRow: number;
  private readonly iC: number;
  private readonly iV: number;
  private readonly iF: number;
  private readonly iT: number;
  private readonly nRow: string;
  private readonly nC: string;
  private readonly nV: string;
  private readonly nF: string;
  private readonly nIs: string;
  private readonly nT: string;
  /** Where the start tag read by `ouverture` ends (after its « > »), and whether it closes itself. */
  private fin = 0;
  private autoFermante = false;
  /**
   * A cell exactly as ExcelJS and Prodbook write it (`r`, then `s` and `t` when present, double quotes, no white
   * space; a <f> without attributes, then a <v> or an <is><t>, each of plain text, entities aside, or nothing): read
   * by one regular expression, when the attributes asked for include r, s and t. Any other goes through the scanner
   * below, as does a text whose entities `decoder` leaves to the tokenizer.
   */
  private readonly cellule: RegExp | undefined;

  constructor(
    private readonly evenements: EvenementsXml,
    /** Tag names reported by index, as for LecteurJetons; `c`, `row`, `v`, `f` and `t` (with `prefixe`) among them. */
    private readonly noms: readonly string[],
    private readonly attributs: readonly string[],
    prefixe = "",
    /**
     * Given the content of a row (between its tags), whether to read its cells: a row left out is reported as an
     * empty row. The tokenizer, once it took over, reads every row.
     */
    private readonly garder?: (contenu: string) => boolean,
    /** Checks the XML is well formed (see Verification), the rows being read from inside <sheetData>. */
    private readonly verification?: Verification,
  ) {
    const p = prefixe ? prefixe + ":" : "";
    [this.nRow, this.nC, this.nV, this.nF, this.nIs, this.nT] = ["row", "c", "v", "f", "is", "t"].map((n) => p + n);
    [this.iRow, this.iC, this.iV, this.iF, this.iT] = [this.nRow, this.nC, this.nV, this.nF, this.nT].map((n) =>
      noms.indexOf(n),
    );
    if ([this.iRow, this.iC, this.iV, this.iF, this.iT].some((x) => x < 0))
      throw new Error("LecteurLignes : balises row, c, v, f et t attendues");
    if (["r", "s", "t"].every((a) => attributs.includes(a))) {
      const [c, f, v, is, t] = [this.nC, this.nF, this.nV, this.nIs, this.nT].map((n) => n.replace(/[.-]/g, "\\$&"));
      this.cellule = new RegExp(
        `<${c} r="([A-Z]{1,3}[1-9][0-9]{0,6})"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?` +
          `(?:/>|>(?:<${f}>([^<\\r]*)</${f}>)?(?:<${v}>([^<\\r]*)</${v}>|<${is}><${t}>([^<\\r]*)</${t}></${is}>)?</${c}>)`,
        "y",
      );
    }
  }

  /** The tokenizer took over (something outside the plain form was met). */
  get relaye(): boolean {
    return this.jetons !== undefined;
  }

  ecrire(morceau: string): void {
    if (this.jetons) return this.jetons.ecrire(morceau);
    if (this.verification) {
      const e = caractereInterdit(morceau, this.verification.partie);
      if (e) throw e;
    }
    const s = this.reste ? this.reste + morceau : morceau;
    this.reste = "";
    const i = this.lignes(s, false);
    if (!this.jetons) this.reste = s.slice(i);
  }

  finir(): void {
    if (!this.jetons) {
      const s = this.reste;
      this.reste = "";
      this.lignes(s, true);
    }
    this.jetons?.finir();
  }

  /** Reads the complete rows of `s` (all of it when `fin`); returns where it stopped (rows left for more text). */
  private lignes(s: string, fin: boolean): number {
    const finRow = `</${this.nRow}>`;
    let i = 0;
    for (;;) {
      // White space is reported once the tag after it is there (the tokenizer reports it as one text).
      const d = i;
      i = this.blancs(s, i);
      if (i >= s.length && !fin) return d;
      // A row is read once it is whole: its end tag is there, or it closes itself.
      if (!fin && s.indexOf(finRow, i) < 0 && !(this.ouverture(s, i, this.nRow) && this.autoFermante)) return d;
      this.espace(s, d, i);
      if (i >= s.length) return i;
      const j = this.ligne(s, i);
      if (j < 0) return s.length;
      i = j;
    }
  }

  private blancs(s: string, i: number): number {
    while (i < s.length && blanc(s.charCodeAt(i))) i++;
    return i;
  }

  /** White space between two tags, reported as the tokenizer reports it (a text, CR LF read as LF). */
  private espace(s: string, de: number, a: number): void {
    if (a > de) this.evenements.texte(s.slice(de, a).replace(/\r\n?/g, "\n"));
  }

  /** White space from `i`, reported: the index after it. */
  private sauter(s: string, i: number): number {
    const j = this.blancs(s, i);
    this.espace(s, i, j);
    return j;
  }

  /**
   * The start tag `<nom …>` at `i`: false when it is not one, or not in the plain form (then the tokenizer reads
   * it). The attributes asked for are in `valeurs`; `fin` and `autoFermante` say where and how it ends.
   */
  private ouverture(s: string, i: number, nom: string): boolean {
    if (s.charCodeAt(i) !== LT || !s.startsWith(nom, i + 1)) return false;
    // Those not found are undefined: a new object (cheaper than setting each asked-for name back to undefined).
    let v = AUCUN;
    this.valeurs = v;
    let k = i + 1 + nom.length;
    let c = s.charCodeAt(k);
    if (c !== GT && c !== BARRE && !blanc(c)) return false;
    for (;;) {
      k = this.blancs(s, k);
      c = s.charCodeAt(k);
      if (c === GT) {
        this.fin = k + 1;
        this.autoFermante = false;
        return true;
      }
      if (c === BARRE) {
        if (s.charCodeAt(k + 1) !== GT) return false;
        this.fin = k + 2;
        this.autoFermante = true;
        return true;
      }
      // An attribute: name = "value" (or 'value'), its value without « < » nor « & » when it is kept.
      const debut = k;
      while (k < s.length && (c = s.charCodeAt(k)) !== EGAL && !blanc(c) && c !== GT && c !== BARRE && c !== LT) k++;
      if (k === debut) return false;
      const nomAttribut = s.slice(debut, k);
      k = this.blancs(s, k);
      if (s.charCodeAt(k) !== EGAL) return false;
      k = this.blancs(s, k + 1);
      const q = s.charCodeAt(k);
      if (q !== GUILLEMET && q !== APOSTROPHE) return false;
      const j = s.indexOf(q === GUILLEMET ? '"' : "'", k + 1);
      if (j < 0) return false;
      if (this.attributs.includes(nomAttribut)) {
        const valeur = s.slice(k + 1, j);
        // An entity in a value is the tokenizer's to decode (a « < » is the value's, for both).
        if (valeur.includes("&")) return false;
        if (v === AUCUN) this.valeurs = v = {};
        v[nomAttribut] = valeur;
      }
      k = j + 1;
      c = s.charCodeAt(k);
      if (c !== GT && c !== BARRE && !blanc(c)) return false;
    }
  }

  /** One row from `i`: the index after it, or -1 once the rest was handed to the tokenizer. */
  private ligne(s: string, i: number): number {
    if (!this.ouverture(s, i, this.nRow)) return this.passer(s, i, []);
    const ev = this.evenements;
    ev.ouverture(this.iRow, this.valeurs);
    if (this.autoFermante) {
      ev.fermeture(this.iRow);
      return this.fin;
    }
    let k = this.fin;
    if (this.garder) {
      // The first end tag after the start tag is the row's own (rows do not nest, « < » is never raw in a text),
      // unless another row starts before it (its end tag written « </row > »): then the row is read.
      const finRow = `</${this.nRow}>`;
      const e = s.indexOf(finRow, k);
      const autre = s.indexOf(`<${this.nRow}`, k);
      if (e >= 0 && (autre < 0 || autre > e) && !this.garder(s.slice(k, e))) {
        ev.fermeture(this.iRow);
        return e + finRow.length;
      }
    }
    for (;;) {
      k = this.sauter(s, k);
      const f = this.fermeture(s, k, this.nRow);
      if (f > 0) {
        ev.fermeture(this.iRow);
        return f;
      }
      if (this.cellule) {
        const j = this.celluleSimple(s, k, this.cellule);
        if (j > 0) {
          k = j;
          continue;
        }
      }
      if (!this.ouverture(s, k, this.nC)) return this.passer(s, k, [this.nRow]);
      ev.ouverture(this.iC, this.valeurs);
      k = this.fin;
      if (!this.autoFermante) {
        k = this.contenu(s, k);
        if (k < 0) return -1;
      }
      ev.fermeture(this.iC);
    }
  }

  /** The cell at `k` when it has the form `cellule` reads, reported: the index after it, else -1. */
  private celluleSimple(s: string, k: number, re: RegExp): number {
    re.lastIndex = k;
    const m = re.exec(s);
    if (!m) return -1;
    // Texts decoded before anything is reported: one the tokenizer must read sends the whole cell to the scanner.
    let f: string | undefined = m[4],
      v: string | undefined = m[5],
      t: string | undefined = m[6];
    if (f !== undefined && f.includes("&") && (f = decoder(f)) === undefined) return -1;
    if (v !== undefined && v.includes("&") && (v = decoder(v)) === undefined) return -1;
    if (t !== undefined && t.includes("&") && (t = decoder(t)) === undefined) return -1;
    const ev = this.evenements;
    if (ev.cellule) {
      // An empty <v></v> is reported as "" (a formula whose saved result is an empty text), no <v> as undefined.
      ev.cellule(m[1], m[2], m[3], f || undefined, v, t || undefined);
      return re.lastIndex;
    }
    const a: Record<string, string | undefined> = { r: m[1] };
    if (m[2] !== undefined) a.s = m[2];
    if (m[3] !== undefined) a.t = m[3];
    ev.ouverture(this.iC, a);
    if (f !== undefined) this.enfant(this.iF, f);
    if (v !== undefined) this.enfant(this.iV, v);
    else if (t !== undefined) this.enfant(this.iT, t);
    ev.fermeture(this.iC);
    return re.lastIndex;
  }

  /** A child without attributes holding `texte`, reported. */
  private enfant(balise: number, texte: string): void {
    this.evenements.ouverture(balise, AUCUN);
    if (texte) this.evenements.texte(texte);
    this.evenements.fermeture(balise);
  }

  /** `</nom>` at `k`: the index after it, else -1. */
  private fermeture(s: string, k: number, nom: string): number {
    if (s.charCodeAt(k) !== LT || s.charCodeAt(k + 1) !== BARRE || !s.startsWith(nom, k + 2)) return -1;
    const j = this.blancs(s, k + 2 + nom.length);
    return s.charCodeAt(j) === GT ? j + 1 : -1;
  }

  /** The text from `k` up to the end tag `</nom>`: [text, index after the end tag], or undefined. */
  private texteJusqua(s: string, k: number, nom: string): [string, number] | undefined {
    const j = s.indexOf("<", k);
    if (j < 0) return undefined;
    const f = this.fermeture(s, j, nom);
    if (f < 0) return undefined;
    const t = decoder(s.slice(k, j));
    return t === undefined ? undefined : [t, f];
  }

  /** The children of a cell from `k`, up to and with its end tag: the index after it, or -1 (handed over). */
  private contenu(s: string, k: number): number {
    const ev = this.evenements;
    for (;;) {
      k = this.sauter(s, k);
      const f = this.fermeture(s, k, this.nC);
      if (f > 0) return f;
      let balise: number;
      let texte = "";
      let apres: number;
      const nom = this.ouverture(s, k, this.nV) ? this.nV : this.ouverture(s, k, this.nF) ? this.nF : undefined;
      if (nom !== undefined) {
        balise = nom === this.nV ? this.iV : this.iF;
        apres = this.fin;
        if (!this.autoFermante) {
          const x = this.texteJusqua(s, apres, nom);
          if (!x) return this.passer(s, k, [this.nRow, this.nC]);
          [texte, apres] = x;
        }
      } else if (this.ouverture(s, k, this.nIs)) {
        apres = this.fin;
        if (this.autoFermante) {
          k = apres;
          continue;
        }
        const debutT = this.blancs(s, apres);
        if (!this.ouverture(s, debutT, this.nT)) return this.passer(s, k, [this.nRow, this.nC]);
        let finT = this.fin;
        if (!this.autoFermante) {
          const x = this.texteJusqua(s, finT, this.nT);
          if (!x) return this.passer(s, k, [this.nRow, this.nC]);
          [texte, finT] = x;
        }
        const debutFin = this.blancs(s, finT);
        const finIs = this.fermeture(s, debutFin, this.nIs);
        if (finIs < 0) return this.passer(s, k, [this.nRow, this.nC]);
        // <is> itself is not reported (a tag not asked for); the white space around <t> is.
        this.espace(s, apres, debutT);
        ev.ouverture(this.iT, this.valeurs);
        if (texte) ev.texte(texte);
        ev.fermeture(this.iT);
        this.espace(s, finT, debutFin);
        k = finIs;
        continue;
      } else return this.passer(s, k, [this.nRow, this.nC]);
      ev.ouverture(balise, this.valeurs);
      if (texte) ev.texte(texte);
      ev.fermeture(balise);
      k = apres;
    }
  }

  /**
   * The rest of the part, from `i` (a tag's start, or where the text begins), goes to the tokenizer; `ouverts`: the
   * elements open there (below <sheetData>), for its verification.
   */
  private passer(s: string, i: number, ouverts: string[]): number {
    const v = this.verification;
    this.jetons = new LecteurJetons(this.evenements, this.noms, this.attributs, false, v && { ...v, ouverts });
    this.jetons.ecrire(s.slice(i));
    return -1;
  }
}

/** A text as the tokenizer reports it, or undefined when it holds what is left to the tokenizer (a raw CR, an odd entity). */
function decoder(x: string): string | undefined {
  if (x.includes("\r")) return undefined;
  if (!x.includes("&")) return x;
  if (ENTITE_INCONNUE.test(x)) return undefined;
  let ok = true;
  const t = x.replace(ENTITE, (_e, nom: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (nom) return NOMMEES[nom];
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
    // The tokenizer replaces some code points (0, C1 controls, surrogates): those are left to it.
    if (!(
      cp === 9 ||
      cp === 10 ||
      cp === 13 ||
      (cp >= 0x20 && cp < 0x7f) ||
      (cp >= 0xa0 && cp < 0xd800) ||
      (cp >= 0xe000 && cp <= 0x10ffff)
    ))
      ok = false;
    return ok ? String.fromCodePoint(cp) : "";
  });
  return ok ? t : undefined;
}
