import type { Tokenizer } from "htmlparser2";

/** What `LecteurJetons` reports: tags by their index in the names asked for (-1: another tag). */
export interface EvenementsXml {
  /** A start tag (or a self-closing one, then followed by `fermeture`); `attributs` holds the attributes asked for. */
  ouverture(balise: number, attributs: Readonly<Record<string, string | undefined>>): void;
  /** A text node, whole, entities decoded and line ends normalised (what saxes reports as one « text » event). */
  texte(texte: string): void;
  fermeture(balise: number): void;
}

/**
 * A streaming XML reader over htmlparser2's tokenizer (XML mode), for the rows of a sheet read back
 * (lectureMiseDeCote.ts) and the shared strings: saxes, which builds an object for every tag and attribute, reads
 * the 140 000 cells of a « Versions » sheet about three times slower (docs/architecture.md, « Large sheets »).
 * It reports what saxes reports for these parts: a text node as one text, entities (the five of XML and character
 * references) decoded, CR LF and lone CR of the source read as LF (XML 1.0 § 2.11; a `&#13;` stays a CR), CDATA
 * (unless asked for, then as a text of its own), comments and processing instructions left out, as the saxes
 * readers (and ExcelJS's) leave them. Tag and attribute names are compared as written, prefix included. It does not
 * check that the XML is well formed.
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

  constructor(
    private readonly evenements: EvenementsXml,
    /** Tag names reported by index, as written (« c », « x:row »). */
    private readonly noms: readonly string[],
    /** Attribute names kept on those tags (« r », « t »). */
    private readonly attributs: readonly string[],
    /** CDATA sections reported as text nodes of their own (as saxes reports « cdata » beside « text »). */
    cdata = false,
  ) {
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
          this.sur = b;
          this.balise = this.indice(a, b);
          if (this.balise >= 0) for (const n of this.attributs) this.valeurs[n] = undefined;
        },
        onattribname: (a, b) => {
          this.sur = b;
          this.attribut = undefined;
          if (this.balise < 0) return;
          for (const n of this.attributs) if (this.est(n, a, b)) this.attribut = n;
          this.valeur = "";
        },
        onattribdata: (a, b) => {
          this.sur = b;
          if (this.attribut !== undefined) this.valeur += this.lire(a, b);
        },
        onattribentity: (cp) => {
          if (this.attribut !== undefined) this.valeur += String.fromCodePoint(cp);
        },
        onattribend: (_q, fin) => {
          this.sur = fin;
          if (this.attribut !== undefined) this.valeurs[this.attribut] = this.valeur;
          this.attribut = undefined;
        },
        onopentagend: (fin) => {
          this.sur = fin + 1;
          this.evenements.ouverture(this.balise, this.valeurs);
        },
        onselfclosingtag: (fin) => {
          this.sur = fin + 1;
          this.evenements.ouverture(this.balise, this.valeurs);
          this.evenements.fermeture(this.balise);
        },
        onclosetag: (a, b) => {
          this.vider();
          this.sur = b;
          this.evenements.fermeture(this.indice(a, b));
        },
        ontext: (a, b) => {
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
    this.texteSource = this.texteSource.slice(this.sur - this.base) + morceau;
    this.base = this.sur;
    this.tok.write(morceau);
  }

  finir(): void {
    this.tok.end();
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
