import type { Tokenizer } from "htmlparser2";

/**
 * The rows of a set-aside sheet, put back into the sheet ExcelJS saved: the style id of each <c> and <row>
 * goes through the map read from the placeholder (an unknown id is dropped: the cell takes the default style),
 * and a shared-string cell (t="s") becomes an inline string holding the same rich text. Everything else is
 * copied as it was written.
 *
 * The rows are 600 MB of XML for a million-line Grand livre: they go through htmlparser2's tokenizer (in XML
 * mode, entities left as written), which reports each token as offsets into the text, so that the output is the
 * input's own slices and only the style and type values are rebuilt. saxes, which builds an object for every
 * tag, reads the same rows three times slower (docs/architecture.md, « Large sheets »).
 *
 * The text may be the bytes read as latin1 (one character per byte): markup is ASCII, and the UTF-8 sequences
 * of the texts pass through unchanged; `partage` must then give its content in the same form.
 */
export class LignesRestituees {
  private readonly tok: Tokenizer;
  /** Text not yet emitted, from absolute offset `base`. */
  private texte = "";
  private base = 0;
  /** Absolute offset up to which the input has been written out. */
  private emis = 0;
  /** Absolute offset up to which the tokenizer has reported tokens. */
  private sur = 0;
  private sortie = "";
  /** Start of the <c> or <row> start tag being read (-1: none), and the bounds of its s and t attributes. */
  private tag = -1;
  private cellule = false;
  private attr = 0;
  private sNom = -1;
  private sDebut = -1;
  private sFin = -1;
  private sFinAttr = -1;
  private tDebut = -1;
  private tFin = -1;
  private valeurDebut = -1;
  private valeurFin = -1;
  /** Inside a shared-string cell: the start of its <v> and the index read in it. */
  private partagee = false;
  private debutV = -1;
  private indice = "";
  private readonly nomC: string;
  private readonly nomRow: string;
  private readonly nomV: string;
  private readonly p: string;

  constructor(
    private readonly styles: Map<string, string>,
    /** The inline content (<t>, <r>…) of shared string i. */
    private readonly partage: (i: number) => string | undefined,
    /** Prefix of the spreadsheet namespace in these rows ("" when it is the default one). */
    prefixe = "",
  ) {
    this.p = prefixe ? prefixe + ":" : "";
    this.nomC = this.p + "c";
    this.nomRow = this.p + "row";
    this.nomV = this.p + "v";
    const ignorer = () => {};
    const sur = (_a: number, b: number) => {
      this.sur = b;
    };
    // Loaded here (htmlparser2's entry loads its DOM modules too): only commands that put rows back pay for it.
    const { Tokenizer: Tok } = require("htmlparser2") as typeof import("htmlparser2");
    this.tok = new Tok(
      { xmlMode: true, decodeEntities: false },
      {
        onopentagname: (a, b) => this.ouverture(a, b),
        onattribname: (a, b) => {
          this.sur = b;
          if (this.tag < 0) return;
          // Only s and t matter: one letter each.
          this.attr = b - a === 1 ? this.texte.charCodeAt(a - this.base) : 0;
          this.sNom = this.attr === 115 ? a : this.sNom;
          this.valeurDebut = -1;
        },
        onattribdata: (a, b) => {
          this.sur = b;
          if (this.tag < 0 || this.attr === 0) return;
          if (this.valeurDebut < 0) this.valeurDebut = a;
          this.valeurFin = b;
        },
        // `fin`: just after the value and its closing quote.
        onattribend: (_q, fin) => {
          if (this.tag < 0 || this.attr === 0) return;
          const d = this.valeurDebut < 0 ? fin : this.valeurDebut,
            f = this.valeurDebut < 0 ? fin : this.valeurFin;
          if (this.attr === 115) {
            this.sDebut = d;
            this.sFin = f;
            this.sFinAttr = fin;
          } else if (this.attr === 116 && this.cellule) {
            this.tDebut = d;
            this.tFin = f;
          }
        },
        onopentagend: (fin) => this.finOuverture(fin, false),
        onselfclosingtag: (fin) => this.finOuverture(fin, true),
        ontext: (a, b) => {
          this.sur = b;
          if (this.debutV >= 0) this.indice += this.lire(a, b);
        },
        onclosetag: (a, b) => this.fermeture(a, b),
        ontextentity: ignorer,
        onattribentity: ignorer,
        oncdata: sur,
        oncomment: sur,
        ondeclaration: sur,
        onprocessinginstruction: sur,
        onend: ignorer,
      },
    );
  }

  /** Converts the next stretch of rows; returns what can be written out so far. */
  ecrire(morceau: string): string {
    this.texte = this.texte.length ? this.texte + morceau : morceau;
    this.tok.write(morceau);
    let limite = this.sur;
    if (this.tag >= 0) limite = Math.min(limite, this.tag);
    if (this.debutV >= 0) limite = Math.min(limite, this.debutV);
    this.copierJusqua(limite);
    this.texte = this.texte.slice(this.emis - this.base);
    this.base = this.emis;
    const s = this.sortie;
    this.sortie = "";
    return s;
  }

  finir(): string {
    this.tok.end();
    if (this.tag >= 0 || this.debutV >= 0) throw new Error("lignes tronquées");
    this.copierJusqua(this.base + this.texte.length);
    const s = this.sortie;
    this.sortie = "";
    return s;
  }

  private lire(a: number, b: number): string {
    return this.texte.slice(a - this.base, b - this.base);
  }

  private est(nom: string, a: number, b: number): boolean {
    return b - a === nom.length && this.texte.startsWith(nom, a - this.base);
  }

  private copierJusqua(fin: number): void {
    if (fin > this.emis) {
      this.sortie += this.lire(this.emis, fin);
      this.emis = fin;
    }
  }

  private ouverture(a: number, b: number): void {
    this.sur = b;
    const c = this.est(this.nomC, a, b);
    if (c || this.est(this.nomRow, a, b)) {
      this.tag = a - 1;
      this.cellule = c;
      this.sDebut = this.tDebut = -1;
    } else if (this.partagee && this.est(this.nomV, a, b)) {
      this.debutV = a - 1;
      this.indice = "";
    }
  }

  private finOuverture(fin: number, autoFermante: boolean): void {
    this.sur = fin + 1;
    if (this.tag < 0) return;
    const debut = this.tag;
    this.tag = -1;
    let nouveauS: string | undefined;
    let sDe = -1,
      sA = -1;
    if (this.sDebut >= 0) {
      nouveauS = this.styles.get(this.lire(this.sDebut, this.sFin));
      if (nouveauS === undefined) {
        // Unknown style: the attribute goes, with the whitespace before it.
        sDe = this.sNom;
        while (sDe > debut && this.texte.charCodeAt(sDe - 1 - this.base) <= 32) sDe--;
        sA = this.sFinAttr;
        nouveauS = "";
      } else {
        sDe = this.sDebut;
        sA = this.sFin;
      }
    }
    const partage =
      this.tDebut >= 0 && this.tFin - this.tDebut === 1 && this.texte.charCodeAt(this.tDebut - this.base) === 115;
    if (partage) this.partagee = !autoFermante;
    if (sDe < 0 && !partage) return;
    this.copierJusqua(debut);
    if (partage && (sDe < 0 || this.tDebut < sDe)) {
      this.remplacer(this.tDebut, this.tFin, "inlineStr");
      if (sDe >= 0) this.remplacer(sDe, sA, nouveauS!);
    } else {
      this.remplacer(sDe, sA, nouveauS!);
      if (partage) this.remplacer(this.tDebut, this.tFin, "inlineStr");
    }
    this.copierJusqua(fin + 1);
  }

  private remplacer(de: number, a: number, par: string): void {
    this.copierJusqua(de);
    this.sortie += par;
    this.emis = a;
  }

  private fermeture(a: number, b: number): void {
    this.sur = b;
    if (!this.partagee) return;
    if (this.debutV >= 0 && this.est(this.nomV, a, b)) {
      const fin = this.texte.indexOf(">", b - this.base) + this.base + 1;
      this.copierJusqua(this.debutV);
      const p = this.p;
      this.sortie += `<${p}is>${this.partage(Number(this.indice.trim())) ?? `<${p}t></${p}t>`}</${p}is>`;
      this.emis = fin;
      this.sur = fin;
      this.debutV = -1;
    } else if (this.est(this.nomC, a, b)) this.partagee = false;
  }
}

/** A shared-string cell as Excel and ExcelJS write it: attributes name="value", t="s" among them, one <v>index</v>. */
const CELLULE_PARTAGEE =
  /<c((?: [A-Za-z_][\w.:-]*="[^"<]*")*) t="s"((?: [A-Za-z_][\w.:-]*="[^"<]*")*)><v>(\d+)<\/v><\/c>/g;

/**
 * The rows with their shared-string cells made inline, as LignesRestituees converts them when no style id changes,
 * by one regular expression: or undefined when the rows are not plain enough to be sure of it — a comment, CDATA or
 * processing instruction (where « <c » need not be a tag), or a `"s"` / `'s'` that is not such a cell's type (a
 * cell written another way, or merely a text). The tokenizer (and the loading of htmlparser2) is then left for the
 * other files: most producers' devis, saved by Excel, hold their labels as shared strings.
 */
export function partagesEnLigne(lignes: string, partage: (i: number) => string | undefined): string | undefined {
  if (lignes.includes("<!") || lignes.includes("<?")) return undefined;
  let n = 0;
  const out = lignes.replace(CELLULE_PARTAGEE, (_m, avant: string, apres: string, i: string) => {
    n++;
    return `<c${avant} t="inlineStr"${apres}><is>${partage(Number(i)) ?? "<t></t>"}</is></c>`;
  });
  let guillemets = 0;
  for (const q of ['"s"', "'s'"]) for (let k = lignes.indexOf(q); k >= 0; k = lignes.indexOf(q, k + 3)) guillemets++;
  return guillemets === n ? out : undefined;
}
