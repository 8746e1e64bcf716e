import { DecodeurTexte, detecterEncodage, sequenceUtf8, type EncodageFec } from "./decodage";
import {
  contradictionEncodage,
  detecterUtf16,
  ECHANTILLON_ENCODAGE,
  type ContradictionEncodage,
  type EncodageUtf16,
} from "./detection";
import { vide } from "./champs";
import { colonnesNormeAbsentes, FecFormatError, lireEntete, type EnteteFec } from "./entete";
import type { AlerteFec, EcritureFec, LigneRejetee, ResultatFec } from "./types";
import { assemblerParties, type PartielFec } from "./assemblage";
import { CR, decouperLignes, LF, MAX_CHAMPS, type CibleLignes } from "./decoupeurLignes";
import { LigneFec, type MontantsAmbigus } from "./ligneFec";
import { CumulsFec } from "./cumulsFec";
import { MemoTextes } from "./memoTextes";
import type { Cents } from "../../money/cents";
import { alerteConvention, preuveConvention, RESOLUS_CITES } from "./conventionMontants";
import { estEbcdic, Transcodeur8Bits } from "./pagesCodes";
import { nomEncodage } from "./nomEncodage";

const RIEN = new Uint8Array(0);

export interface OptionsFec {
  /** Forces the encoding instead of detecting it. */
  encodage?: EncodageFec;
  /** Keep every imported line (for writing the Grand livre). */
  conserver?: boolean;
  /**
   * Reading one part of a file split at line ends (parallel reading): the header line's text, the bytes
   * pushed start after it. Line numbers are then local to the part (see assemblerFec).
   */
  suite?: { entete: string | EnteteFec };
  /**
   * Amounts like « 12.000 » read by this convention (or refused for this reason) at once, instead of deferred to the
   * end of the file: the second reading of the deferred lines (assemblerFec).
   */
  montantsAmbigus?: MontantsAmbigus;
}

/**
 * Streaming FEC reader: push byte chunks as they come, then `terminer()`.
 * Lines are split on bytes (decouperLignes), amounts and dates read digit by digit into integers (LigneFec), and
 * text is decoded only for what the summary needs (a new account, an unbalanced entry, a rejected line) — or for
 * every field when the lines are kept for the Grand livre.
 */
export class LecteurFec implements CibleLignes {
  private reste: Uint8Array = RIEN;
  private debutFichier = true;
  private bom = false;
  private encodage?: EncodageFec;
  private readonly forcee: boolean;
  private decodeur?: DecodeurTexte;
  /**
   * Byte A4 met in a file read as Windows-1252 (« ¤ »): the « € » of ISO-8859-15, which no detection tells from the
   * bytes (both encodings decode every byte). Looked for once per chunk (a native scan), never per line.
   */
  private signeMonetaire = false;
  /**
   * Every byte read as UTF-8 is checked as it comes, while the encoding is undecided or UTF-8: the scanner reports each
   * non-ASCII byte (nonAscii) and its sequence is checked in place (sequenceUtf8); `remplace` is set at the first
   * invalid one, which ends the check, whichever fields are decoded. Before, only the fields decoded could tell, so
   * `ecarts --json` (lines not kept) said nothing of an EcritureLib that `ecarts -o` (lines kept for the Grand livre
   * sheet) named. (A TextDecoder over every chunk did the same check at 0.8 s of CPU per million lines.)
   */
  private verifUtf8 = true;
  private remplace = false;
  /**
   * A « � » (U+FFFD) in the text read, valid in itself (bytes EF BF BD, or the code unit FFFD in UTF-16): the text was
   * damaged before this file was written, nothing is invalid in it. Set by the UTF-8 check; the next lines are then
   * looked at (ligne, lireEnteteDe) until the one holding it is found — a flag read per line, the search only then.
   */
  private chercherRemplacement = false;
  /** The first line (local) holding a « � », once found. */
  private ligneRemplacement?: number;
  /** The part's first date written in another form than AAAAMMJJ: its line, form, field and text. */
  private dateHorsNorme?: PartielFec["dateHorsNorme"];
  /** Lines that repeat the header (two exports appended): neither imported nor rejected. */
  private readonly entetesRepetes: number[] = [];
  private numero = 0; // physical line number of the last line handled
  private entete?: EnteteFec;
  private sep = -1;
  readonly bornes = new Int32Array(MAX_CHAMPS + 2);
  // Set with the header.
  private l!: LigneFec;
  private cumuls!: CumulsFec;
  private vides = 0;
  private readonly erreurs: LigneRejetee[] = [];
  private readonly alertes: AlerteFec[] = [];
  private readonly lignes?: EcritureFec[];
  /** What the imported lines' amounts proved (bits: 1 decimal comma, 2 decimal dot), and the first line of each. */
  private preuves = 0;
  private readonly lignesPreuves = { virgule: 0, point: 0 };
  /** Lines whose only fault is an ambiguous amount (« 12.000 »): their bytes, read again at the end (assemblerFec). */
  private differees = new Uint8Array(0);
  /** Bytes used in `differees` (each line followed by a line feed), and the line number of each. */
  private differeesFin = 0;
  private readonly lignesDifferees: number[] = [];
  private readonly ambigus?: MontantsAmbigus;
  /** The first amounts resolved by `ambigus` (second reading, as the alerte names them): line, field, text, cents. */
  private readonly resolus: { ligne: number; champ: string; texte: string; cents: number }[] = [];
  private nResolus = 0;
  /** Kept lines' texts, each distinct value decoded once (see memoTextes.ts). */
  private readonly memos?: Record<
    "journal" | "ecritureNum" | "compte" | "compteLib" | "compAux" | "pieceRef" | "libelle",
    MemoTextes
  >;
  private readonly decoder = (u: Uint8Array, a: number, b: number) => this.texte(u, a, b);
  /** The first bytes, held until they tell whether the file is UTF-16 (undefined once decided). */
  private tete?: Uint8Array = RIEN;
  /** A UTF-16 file is converted to UTF-8 as it comes, then read like any other. */
  private utf16?: {
    encodage: EncodageUtf16;
    decodeur: TextDecoder;
    encodeur: TextEncoder;
    /** The same bytes through a strict decoder, until it meets a lone surrogate (`invalide`). */
    verif?: TextDecoder;
    /** Bytes of the file (its mark included): an odd count leaves a last byte that is no character. */
    octets: number;
    invalide: boolean;
  };
  /** An EBCDIC or CP850 file is converted to UTF-8 by table as it comes, then read like any other. */
  private page8?: Transcodeur8Bits;
  /** The encoding the user forced (undefined when detected). */
  private readonly encodageDemande?: EncodageFec;
  /**
   * With an encoding forced, at the start of a file: copies of its first bytes (ECHANTILLON_ENCODAGE in all), checked
   * against it once gathered (contradictionEncodage); undefined otherwise or once checked. No second reading of the file.
   */
  private echantillon?: { force: EncodageFec; morceaux: Uint8Array[]; n: number };
  private contradiction?: ContradictionEncodage;

  constructor(opts: OptionsFec = {}) {
    this.ambigus = opts.montantsAmbigus;
    this.encodageDemande = opts.encodage;
    if (opts.encodage === "ebcdic" || opts.encodage === "cp850") {
      this.page8 = new Transcodeur8Bits(opts.encodage);
      this.choisir("utf-8");
    } else if (opts.encodage) this.choisir(opts.encodage);
    this.forcee = opts.encodage !== undefined;
    if (opts.conserver) {
      this.lignes = [];
      this.memos = {
        journal: new MemoTextes(true),
        ecritureNum: new MemoTextes(false),
        compte: new MemoTextes(true),
        compteLib: new MemoTextes(true),
        compAux: new MemoTextes(true),
        pieceRef: new MemoTextes(false),
        libelle: new MemoTextes(false),
      };
    }
    // EBCDIC forced is checked on the first line instead (verifierEbcdic): its bytes are no 8-bit ASCII superset.
    if (opts.encodage && opts.encodage !== "ebcdic" && !opts.suite)
      this.echantillon = { force: opts.encodage, morceaux: [], n: 0 };
    if (opts.suite) {
      this.debutFichier = false;
      this.tete = undefined;
      this.poserEntete(opts.suite.entete);
    }
  }

  private poserEntete(texte: string | EnteteFec): void {
    this.entete = typeof texte === "string" ? lireEntete(texte) : texte;
    this.sep = this.entete.separateur === "tab" ? 9 : 124;
    this.l = new LigneFec(this.entete, this, this.ambigus);
    this.cumuls = new CumulsFec(this.entete.pos.CompteLib, this);
  }

  private choisir(enc: EncodageFec): void {
    this.encodage = enc;
    this.decodeur = new DecodeurTexte(enc);
  }

  /** Text input (already decoded): encoded back to UTF-8 bytes. */
  pousserTexte(t: string): void {
    if (!this.encodage) this.choisir("utf-8");
    this.pousser(new TextEncoder().encode(t));
  }

  pousser(chunk: Uint8Array, fin = false): void {
    if (this.echantillon) this.echantillonner(chunk, fin);
    if (this.tete) {
      const t = this.tete.length ? concat(this.tete, chunk) : chunk;
      // Held until the first line end (ASCII or EBCDIC), 64 KiB or the end: UTF-16 and EBCDIC are told on it.
      if (!fin && (t.length < 4 || (t.length < TETE_MAX && !finLigneAsciiOuEbcdic(t)))) {
        this.tete = t.slice();
        return;
      }
      this.tete = undefined;
      const e = detecterUtf16(t);
      if (e) {
        // TextDecoder drops the byte-order mark; the UTF-8 it gives is what the reader reads.
        // UTF-16 is converted whatever was forced, as Windows-1252 forced is: a code page forced is dropped too.
        this.utf16 = {
          encodage: e,
          decodeur: new TextDecoder(e),
          encodeur: new TextEncoder(),
          verif: new TextDecoder(e, { fatal: true }),
          octets: 0,
          invalide: false,
        };
        this.page8 = undefined;
        this.bom = t[0] === 0xff || t[0] === 0xfe;
        this.choisir("utf-8");
      } else this.verifierEbcdic(t);
      chunk = t;
    }
    if (this.page8) chunk = this.page8.enUtf8(chunk);
    else if (this.utf16) chunk = this.enUtf8(this.utf16, chunk, fin);
    this.lireOctets(chunk, fin);
    if (!this.signeMonetaire && this.encodage === "windows-1252" && chunk.indexOf(0xa4) >= 0)
      this.signeMonetaire = true;
  }

  /**
   * UTF-16 bytes as UTF-8. A lone surrogate (invalid UTF-16) is noted by the strict decoder; an odd byte count at the end
   * (a file cut short) leaves a last byte that is no character: it is dropped, never read as « � », and the count is
   * said (alerteUtf16Impair).
   */
  private enUtf8(u: NonNullable<LecteurFec["utf16"]>, chunk: Uint8Array, fin: boolean): Uint8Array {
    u.octets += chunk.length;
    if (u.verif)
      try {
        // At the end of an even count, flushed: a file cut after the first half of a surrogate pair is invalid UTF-16,
        // never a « � » taken for text damaged upstream. An odd count stays in stream: its last byte is told by the
        // count, not as a lone surrogate.
        u.verif.decode(chunk, { stream: !(fin && u.octets % 2 === 0) });
      } catch {
        u.invalide = true;
        u.verif = undefined;
      }
    let s = u.decodeur.decode(chunk, { stream: !fin });
    if (fin && u.octets % 2 === 1 && s.endsWith("\ufffd")) s = s.slice(0, -1);
    return u.encodeur.encode(s);
  }

  /** Are the bytes read checked as UTF-8 (see `verifUtf8`)? */
  private verifierUtf8(): boolean {
    return this.verifUtf8 && (this.encodage === undefined || this.encodage === "utf-8");
  }

  /**
   * The non-ASCII byte u[i] checked as the start of a UTF-8 sequence; returns the offset after the bytes looked at. An
   * invalid sequence ends the check (`remplace`); a « � » that is valid UTF-8 (EF BF BD) is no invalid byte: its line
   * is looked for. A sequence cut by the end of u is its line's, read again with the next bytes unless u ends the file.
   */
  private verifierSequence(u: Uint8Array, i: number, fin: boolean): number {
    const n = sequenceUtf8(u, i);
    if (n > 0) {
      if (n === 3 && u[i] === 0xef && u[i + 1] === 0xbf && u[i + 2] === 0xbd && this.ligneRemplacement === undefined)
        this.chercherRemplacement = true;
      return i + n;
    }
    if (n < 0 && !fin) return u.length;
    this.remplace = true;
    this.verifUtf8 = false;
    return i + 1;
  }

  /** u[a, b), a whole line the scanner does not read (the header, blank lines before it), checked as UTF-8. */
  private verifierPlage(u: Uint8Array, a: number, b: number): void {
    for (let i = a; i < b && this.verifierUtf8();) i = u[i] < 0x80 ? i + 1 : this.verifierSequence(u, i, true);
  }

  /** u[a, b) holds a « � » (EF BF BD): the first such line is noted, and the search stops. */
  private remplacementDans(u: Uint8Array, a: number, b: number): void {
    for (let i = u.indexOf(0xef, a); i >= 0 && i + 2 < b; i = u.indexOf(0xef, i + 1))
      if (u[i + 1] === 0xbf && u[i + 2] === 0xbd) {
        this.ligneRemplacement = this.numero;
        this.chercherRemplacement = false;
        return;
      }
  }

  /**
   * EBCDIC from the first line (estEbcdic: a FEC header in IBM-1147 and no ASCII letter), detected when no encoding is
   * forced; a file EBCDIC beyond doubt with another encoding forced, or a file whose first line is an ASCII FEC header
   * with EBCDIC forced, is refused naming what it is (either reading would only give unreadable column names).
   */
  private verifierEbcdic(t: Uint8Array): void {
    const ebcdic = estEbcdic(t);
    const demande = this.encodageDemande;
    if (ebcdic && !demande) {
      this.page8 = new Transcodeur8Bits("ebcdic");
      this.choisir("utf-8");
    } else if (ebcdic && demande !== "ebcdic")
      throw new FecFormatError(
        `Ligne 1 : le fichier est encodé en ${nomEncodage("ebcdic")} : sa ligne d'en-tête se lit dans ce jeu de ` +
          `caractères et n'a aucune lettre ASCII ; l'encodage ${nomEncodage(demande!)} demandé ne peut pas le lire. ` +
          `Choisissez l'encodage ${nomEncodage("ebcdic")} ou la détection automatique.`,
      );
    else if (!ebcdic && demande === "ebcdic" && enteteAscii(t))
      throw new FecFormatError(
        `Ligne 1 : le fichier n'est pas encodé en ${nomEncodage("ebcdic")} : sa ligne d'en-tête se lit en ASCII ` +
          `(« JournalCode… »). Choisissez la détection automatique ou l'encodage de l'export (UTF-8, Windows-1252…).`,
      );
  }

  /** Gathers the first bytes while an encoding forced is to be checked, and checks it once they are all there. */
  private echantillonner(chunk: Uint8Array, fin: boolean): void {
    const e = this.echantillon!;
    const k = Math.min(chunk.length, ECHANTILLON_ENCODAGE - e.n);
    // A copy (not Buffer#slice, a view): the caller may reuse its buffer for the next chunk.
    if (k > 0) {
      e.morceaux.push(new Uint8Array(chunk.subarray(0, k)));
      e.n += k;
    }
    if (e.n < ECHANTILLON_ENCODAGE && !fin) return;
    this.echantillon = undefined;
    this.contradiction = contradictionEncodage(
      e.morceaux.length === 1 ? e.morceaux[0] : concatTous(e.morceaux, e.n),
      e.force,
    );
  }

  private lireOctets(chunk: Uint8Array, fin: boolean): void {
    // A plain Uint8Array view (not a Buffer subclass) keeps the hot loop's element access monomorphic.
    let u = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    let p = 0;
    if (this.reste.length) {
      const k = this.entete ? this.finPremiereLigne(u) : -1;
      if (k >= 0) {
        // Only the line cut by the chunk boundary is joined: copying whole chunks cost more than scanning them.
        const tete = new Uint8Array(this.reste.length + k + 1);
        tete.set(this.reste);
        tete.set(u.subarray(0, k + 1), this.reste.length);
        this.reste = RIEN;
        decouperLignes(tete, 0, false, this.sep, this);
        p = k + 1;
      } else {
        u = new Uint8Array(this.reste.length + chunk.length);
        u.set(this.reste);
        u.set(chunk, this.reste.length);
      }
    }
    if (this.debutFichier) {
      if (u.length < 3 && !fin) {
        this.reste = u.slice();
        return;
      }
      this.debutFichier = false;
      if (u[0] === 0xef && u[1] === 0xbb && u[2] === 0xbf) {
        this.bom = true;
        p = 3;
        if (!this.encodage) this.choisir("utf-8");
      }
    }
    if (!this.entete) p = this.lireEnteteDe(u, p, fin);
    if (this.entete) p = decouperLignes(u, p, fin, this.sep, this);
    this.reste = p >= u.length ? RIEN : u.slice(p);
  }

  /**
   * The first LF of u, or -1 when the joined line cannot be read alone: the encoding, still undecided, would
   * then be decided on that line only instead of the next 64 KB.
   */
  private finPremiereLigne(u: Uint8Array): number {
    const k = u.indexOf(LF);
    if (k < 0 || this.encodage) return k;
    for (let i = 0; i < k; i++) if (u[i] > 127) return -1;
    return k;
  }

  /** Blank lines then the header line; returns the offset after it (or where to wait for more bytes). */
  private lireEnteteDe(u: Uint8Array, p: number, fin: boolean): number {
    while (!this.entete && p < u.length) {
      let e = p;
      while (e < u.length && u[e] !== LF && u[e] !== CR) e++;
      if (e === u.length && !fin) return p;
      let q = e;
      let fins = 1;
      if (u[e] === CR) {
        while (q < u.length && u[q] === CR) q++;
        if (q < u.length && u[q] === LF) q++;
        else if (q === u.length && !fin)
          return p; // an LF may follow in the next chunk
        else fins = q - e;
      } else if (e < u.length) q++;
      this.numero += fins - 1;
      this.vides += fins - 1;
      this.numero++;
      this.verifierPlage(u, p, e);
      if (this.chercherRemplacement) this.remplacementDans(u, p, e);
      if (vide(u, p, e)) this.vides++;
      else {
        this.poserEntete(this.texte(u, p, e, false));
        const absentes = colonnesNormeAbsentes(this.entete!);
        if (absentes.length)
          this.alertes.push({
            ligne: this.numero,
            message:
              `${absentes.length > 1 ? "Colonnes prévues" : "Colonne prévue"} par la norme FEC ` +
              `(18 colonnes) ${absentes.length > 1 ? "absentes" : "absente"} de l'en-tête : ` +
              `${absentes.join(", ")}. Les montants sont lus` +
              (absentes.includes("CompteLib") ? " ; les comptes n'auront pas de libellé" : "") +
              ". Demandez un FEC complet au cabinet comptable.",
          });
      }
      p = Math.min(q, u.length);
    }
    return p;
  }

  // CibleLignes: called back by decouperLignes (public only for it; a separate object would cost an indirection
  // per line in the hot loop).
  voirNonAscii(): boolean {
    return this.encodage === undefined || this.verifierUtf8();
  }

  /**
   * The first non-ASCII byte decides the encoding — undecided while its sequence is cut by the end of u: its line is
   * incomplete, scanned again with the next bytes. Read as UTF-8, each sequence is checked.
   */
  nonAscii(u: Uint8Array, i: number, fin: boolean): number {
    if (this.encodage === undefined) {
      const e = detecterEncodage(u, i);
      if (!e) return u.length;
      this.choisir(e);
    }
    return this.verifierUtf8() ? this.verifierSequence(u, i, fin) : i + 1;
  }

  lignesVides(n: number): void {
    this.numero += n;
    this.vides += n;
  }

  /** u[a, b) as text; the first non-ASCII byte decides the encoding unless `decider` is false (the header). */
  texte(u: Uint8Array, a: number, b: number, decider = true): string {
    if (!this.decodeur) {
      let k = a;
      while (k < b && u[k] < 0x80) k++;
      if (k === b) return new DecodeurTexte("utf-8").texte(u, a, b);
      if (!decider) return String.fromCharCode.apply(null, u.subarray(a, b) as unknown as number[]).trim();
      // The line is whole: a sequence cut at the end of u is cut at the end of the file.
      this.choisir(detecterEncodage(u, k, true)!);
    }
    return this.decodeur!.texte(u, a, b);
  }

  /** One line from the scanner: rejected with its reason, or added to the totals (and kept when asked). */
  ligne(u: Uint8Array, debut: number, fin: number, m: number): void {
    this.numero++;
    if (this.chercherRemplacement) this.remplacementDans(u, debut, fin);
    if (m === 1 && vide(u, debut, fin)) {
      this.vides++;
      return;
    }
    const l = this.l;
    const sansDate = !l.dateHorsNorme;
    const b = l.lire(u, this.bornes, m);
    if (!b) {
      // A refused line's date form is not a date read: the alert names the first line imported with one.
      if (sansDate) l.dateHorsNorme = undefined;
      if (l.differee) {
        // What its other amount proves counts, when the line was read as it is (no field merged or left out).
        if (m === this.entete!.colonnes) this.prouver(l.preuve);
        this.differer(u, debut, fin);
      } else if (this.repeteEntete(u, debut, fin)) {
        this.entetesRepetes.push(this.numero);
        this.cumuls.couper();
      } else this.erreurs.push({ ligne: this.numero, message: `Ligne ${this.numero} rejetée : ${l.erreur}.` });
      return;
    }
    if ((l.preuve & ~this.preuves) !== 0) this.prouver(l.preuve);
    if (l.resolus.length)
      for (const r of l.resolus) if (this.nResolus++ < RESOLUS_CITES) this.resolus.push({ ligne: this.numero, ...r });
    this.cumuls.ajouter(u, b, l, this.numero);
    if (this.lignes) this.conserver(u, b);
    if (l.dateHorsNorme && !this.dateHorsNorme)
      // Once per part: the assembler keeps the file's first and says it for the whole file (alerteDatesHorsNorme).
      this.dateHorsNorme = { ligne: this.numero, ...l.dateHorsNorme };
    if (l.recupere) {
      const sep = this.entete!.separateur === "tab" ? "tabulation" : "|";
      this.alertes.push({
        ligne: this.numero,
        ecritureNum: this.texte(u, l.n0, l.n1),
        message: `Séparateur « ${sep} » dans ${l.recupere} : ligne récupérée en réunissant ${l.fusionnes} champs.`,
      });
    }
  }

  /**
   * Is the refused line u[debut, fin) the header again (a second export appended, its UTF-8 mark included)? Its
   * fields, trimmed, are the header's names (case aside). Only refused lines are looked at: no cost on the others.
   */
  private repeteEntete(u: Uint8Array, debut: number, fin: number): boolean {
    const e = this.entete!;
    let t = this.texte(u, debut, fin).replace(/^(\ufeff|ï»¿)/, "");
    if (t.endsWith("\r")) t = t.slice(0, -1);
    const champs = t.split(e.sep).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .toLowerCase(),
    );
    while (champs.length > e.noms.length && champs[champs.length - 1] === "") champs.pop();
    return champs.length === e.noms.length && champs.every((c, i) => c === e.noms[i].trim().toLowerCase());
  }

  /** Keeps u[debut, fin) and a line feed in one growing buffer (no object per deferred line). */
  private differer(u: Uint8Array, debut: number, fin: number): void {
    const n = fin - debut + 1;
    if (this.differeesFin + n > this.differees.length) {
      const plus = new Uint8Array(Math.max(2 * this.differees.length, this.differeesFin + n, 1 << 12));
      plus.set(this.differees.subarray(0, this.differeesFin));
      this.differees = plus;
    }
    this.differees.set(u.subarray(debut, fin), this.differeesFin);
    this.differeesFin += n;
    this.differees[this.differeesFin - 1] = LF;
    this.lignesDifferees.push(this.numero);
  }

  /** The first line proving each decimal separator (bits of LigneFec.preuve). */
  private prouver(preuve: number): void {
    const nouvelles = preuve & ~this.preuves;
    if (nouvelles & 1) this.lignesPreuves.virgule = this.numero;
    if (nouvelles & 2) this.lignesPreuves.point = this.numero;
    this.preuves |= preuve;
  }

  /** The whole line as text, for the Grand livre. */
  private conserver(u: Uint8Array, b: Int32Array): void {
    const l = this.l;
    const pos = this.entete!.pos;
    const m = this.memos!;
    const d = this.decoder;
    this.lignes!.push({
      ligne: this.numero,
      journal: m.journal.texte(u, l.j0, l.j1, d),
      ecritureNum: m.ecritureNum.texte(u, l.n0, l.n1, d),
      date: l.date,
      compte: m.compte.texte(u, l.c0, l.c1, d),
      compteLib: this.champ(u, b, pos.CompteLib, m.compteLib),
      compAux: this.champ(u, b, pos.CompAuxNum, m.compAux),
      pieceRef: this.champ(u, b, pos.PieceRef, m.pieceRef),
      libelle: this.champ(u, b, pos.EcritureLib, m.libelle),
      // Hot loop (bench): integer cents within ± 2^51 as the byte parser (champs.ts) reads them, checked there.
      debit: l.debit as Cents,
      credit: l.credit as Cents,
    });
  }

  /** Field k of the line as text ("" when the line has no such field). */
  private champ(u: Uint8Array, b: Int32Array, k: number, memo: MemoTextes): string {
    return k >= 0 && k < this.l.m ? memo.texte(u, b[k], b[k + 1] - 1, this.decoder) : "";
  }

  /** Ends the reading: the part's raw findings (line numbers local to the part). */
  terminerPartiel(): PartielFec {
    this.pousser(RIEN, true); // the held first bytes, the UTF-16 decoder's last ones, the unfinished last line
    if (!this.entete) throw new FecFormatError("Fichier vide : pas de ligne d'en-tête.");
    const c = this.cumuls;
    c.fermerRun();
    return {
      entete: this.entete,
      encodage: this.encodage,
      utf16: this.utf16?.encodage,
      ...(this.page8 ? { page8Bits: this.page8.page } : {}),
      encodageForce: this.forcee && !this.utf16,
      ...(this.contradiction && !this.utf16 ? { contradictionEncodage: this.contradiction } : {}),
      bom: this.bom,
      // Bytes invalid in UTF-8 are said only of a file read as UTF-8: a header whose only non-ASCII bytes are
      // Windows-1252 (« EcritureLibellé ») over an ASCII body decides no encoding and is read byte for byte.
      remplacements: (this.decodeur?.remplacements ?? false) || (this.remplace && this.encodage === "utf-8"),
      ...(this.ligneRemplacement !== undefined ? { ligneRemplacement: this.ligneRemplacement } : {}),
      ...(this.utf16?.invalide ? { utf16Invalide: true } : {}),
      ...(this.utf16 && this.utf16.octets % 2 === 1 ? { utf16Impair: this.utf16.octets } : {}),
      signeMonetaire: this.signeMonetaire,
      lignesPhysiques: this.numero,
      importees: c.importees,
      vides: this.vides,
      debit: c.debit,
      credit: c.credit,
      dateMin: c.dateMin,
      dateMax: c.dateMax,
      comptes: c.comptes,
      erreurs: this.erreurs,
      alertes: this.alertes,
      ...(this.dateHorsNorme ? { dateHorsNorme: this.dateHorsNorme } : {}),
      entetesRepetes: this.entetesRepetes,
      desequilibres: c.desequilibres,
      ...(c.negatifs ? { negatifs: { nombre: c.negatifs, lignes: c.lignesNegatives } } : {}),
      entrees: c.entrees.cles(),
      repetitions: c.entrees.repetitions,
      runs: c.runs.runs(),
      lignes: this.lignes,
      preuves: { virgule: this.lignesPreuves.virgule, point: this.lignesPreuves.point },
      differees: this.lignesDifferees.length
        ? { lignes: this.lignesDifferees, octets: this.differees.slice(0, this.differeesFin) }
        : undefined,
      resolus: this.resolus,
      nResolus: this.nResolus,
    };
  }

  terminer(): ResultatFec {
    return assemblerFec([this.terminerPartiel()]);
  }
}

function concatTous(morceaux: Uint8Array[], n: number): Uint8Array {
  const t = new Uint8Array(n);
  let p = 0;
  for (const m of morceaux) {
    t.set(m, p);
    p += m.length;
  }
  return t;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const t = new Uint8Array(a.length + b.length);
  t.set(a);
  t.set(b, a.length);
  return t;
}

/** Whole-content convenience (tests, small files). */
export function lireFec(contenu: Uint8Array | string, opts: OptionsFec = {}): ResultatFec {
  const l = new LecteurFec(opts);
  if (typeof contenu === "string") l.pousserTexte(contenu);
  else
    for (let i = 0; i < contenu.length; i += 1 << 20)
      l.pousser(contenu.subarray(i, Math.min(contenu.length, i + (1 << 20))));
  return l.terminer();
}

/**
 * Joins the parts of a file read in order (one part for a plain reading) into the final result. The lines deferred
 * for an ambiguous amount (« 12.000 », « 1,500 ») are read again first, by the convention the whole file proves: a
 * decimal comma when some amount reads « 1234,56 » (or « 0,500 », « 12,5 ») and none a decimal dot, and the
 * reverse. The decision and its evidence are an alerte of the whole file (line 0, which `ecarts` lists among its
 * findings and on its sheets); without a proof, or with both, each such line is refused naming both readings.
 */
export function assemblerFec(parties: PartielFec[]): ResultatFec {
  const lignes: number[] = [];
  const blocs: Uint8Array[] = [];
  const preuves = { virgule: 0, point: 0 };
  let decalage = 0;
  for (const p of parties) {
    if (p.preuves?.virgule && !preuves.virgule) preuves.virgule = p.preuves.virgule + decalage;
    if (p.preuves?.point && !preuves.point) preuves.point = p.preuves.point + decalage;
    if (p.differees) {
      for (const l of p.differees.lignes) lignes.push(l + decalage);
      blocs.push(p.differees.octets);
    }
    decalage += p.lignesPhysiques;
  }
  if (!lignes.length) return assemblerParties(parties);
  const { virgule, point } = preuves;
  const ambigus: MontantsAmbigus =
    virgule && !point
      ? { convention: "fr", preuve: preuveConvention("fr", virgule) }
      : point && !virgule
        ? { convention: "en", preuve: preuveConvention("en", point) }
        : {
            raison: virgule
              ? `le fichier écrit ses montants des deux façons : virgule décimale ligne ${virgule}, point décimal ` +
                `ligne ${point}`
              : "aucun autre montant du fichier ne dit lequel (ni « 1234,56 » ni « 1234.56 »)",
          };
  const p0 = parties[0];
  const seconde = new LecteurFec({
    encodage: p0.utf16 ? "utf-8" : parties.find((p) => p.encodage)?.encodage,
    conserver: parties.some((p) => p.lignes),
    suite: { entete: p0.entete },
    montantsAmbigus: ambigus,
  });
  for (const b of blocs) seconde.pousser(b);
  const relue = seconde.terminerPartiel();
  // Its lines are numbered 1, 2…: the file's numbers instead.
  const n = (k: number) => lignes[k - 1] ?? k;
  const resolus = (relue.resolus ?? []).map((r) => ({ ...r, ligne: n(r.ligne) }));
  const r = assemblerParties([
    ...parties,
    {
      ...relue,
      lignesPhysiques: 0,
      numerosAbsolus: true,
      erreurs: relue.erreurs.map((e) => ({
        ligne: n(e.ligne),
        message: e.message.replace(/^Ligne \d+/, `Ligne ${n(e.ligne)}`),
      })),
      alertes: relue.alertes.map((a) => (a.ligne ? { ...a, ligne: n(a.ligne) } : a)),
      ...(relue.dateHorsNorme
        ? { dateHorsNorme: { ...relue.dateHorsNorme, ligne: n(relue.dateHorsNorme.ligne) } }
        : {}),
      entetesRepetes: relue.entetesRepetes?.map(n),
      runs: relue.runs?.map((r) => ({ ...r, debut: r.debut.map(n), fin: r.fin.map(n) })),
      desequilibres: new Map([...relue.desequilibres].map(([k, v]) => [k, { ...v, l: n(v.l) }])),
      negatifs: relue.negatifs && { ...relue.negatifs, lignes: relue.negatifs.lignes.map(n) },
      comptes: new Map([...relue.comptes].map(([k, v]) => [k, { ...v, lignes: v.lignes?.map(n) }])),
      lignes: relue.lignes?.map((l) => ({ ...l, ligne: n(l.ligne) })),
    },
  ]);
  // The lines read again take their place in the file's order.
  r.erreurs.sort((a, b) => a.ligne - b.ligne);
  r.lignes?.sort((a, b) => a.ligne - b.ligne);
  if (ambigus.convention && resolus.length)
    r.alertes.unshift({
      ligne: 0,
      message: alerteConvention(ambigus.convention, ambigus.preuve, resolus, relue.nResolus),
    });
  return r;
}

export { FecFormatError, type PartielFec };

/** How many first bytes the reader holds, at most, to tell UTF-16 and EBCDIC from the first line. */
const TETE_MAX = 1 << 16;

/** A line end among the bytes, ASCII (LF, CR) or EBCDIC (NL 0x15, LF 0x25). */
function finLigneAsciiOuEbcdic(t: Uint8Array): boolean {
  for (let i = 0; i < t.length; i++) {
    const o = t[i];
    if (o === 0x0a || o === 0x0d || o === 0x15 || o === 0x25) return true;
  }
  return false;
}

/** The first line (up to LF or CR), read as ASCII, names JournalCode: an ASCII-compatible FEC header. */
function enteteAscii(t: Uint8Array): boolean {
  let fin = 0;
  while (fin < t.length && t[fin] !== 0x0a && t[fin] !== 0x0d && fin < TETE_MAX) fin++;
  let s = "";
  for (let i = 0; i < fin; i++) s += String.fromCharCode(t[i]);
  return s.toLowerCase().includes("journalcode");
}
