import type { Cents } from "../../money/cents";
import { DecodeurTexte, detecterEncodage, type EncodageFec } from "./decodage";
import { centimesDe, dateDe, vide } from "./champs";
import { CHAMPS_TEXTE, FecFormatError, lireEntete, type ChampFec, type EnteteFec } from "./entete";
import type { AlerteFec, EcritureFec, LigneRejetee, ResultatFec, SoldeCompte } from "./types";
import { assemblerFec, type PartielFec } from "./assemblage";

export interface OptionsFec {
  /** Forces the encoding instead of detecting it. */
  encodage?: EncodageFec;
  /** Keep every imported line (for writing the Grand livre). */
  conserver?: boolean;
  /**
   * Reading one part of a file split at line ends (parallel reading): the header line's text, the bytes
   * pushed start after it. Line numbers are then local to the part (see assemblerFec).
   */
  suite?: { entete: string };
}


const LF = 10;
const CR = 13;
const MAX_CHAMPS = 64;

interface EntreeCompte extends SoldeCompte {
  cle: Uint8Array;
  suivant?: EntreeCompte;
}

/** A byte key kept between lines (previous account, previous entry). */
class Cle {
  octets = new Uint8Array(64);
  n = -1;
  egale(u: Uint8Array, a: number, b: number): boolean {
    if (b - a !== this.n) return false;
    const o = this.octets;
    for (let i = 0; i < this.n; i++) if (o[i] !== u[a + i]) return false;
    return true;
  }
  copier(u: Uint8Array, a: number, b: number): void {
    if (b - a > this.octets.length) this.octets = new Uint8Array(2 * (b - a));
    const o = this.octets;
    for (let i = a; i < b; i++) o[i - a] = u[i];
    this.n = b - a;
  }
}

/**
 * Streaming FEC reader: push byte chunks as they come, then `terminer()`.
 * The hot loop works on bytes: one pass finds separators and line ends, amounts and dates are read digit by digit
 * into integers, and text is decoded only for what the summary needs (a new account, an unbalanced entry, a
 * rejected line) — or for every field when the lines are kept for the Grand livre.
 */
export class LecteurFec {
  private reste: Uint8Array = new Uint8Array(0);
  private debutFichier = true;
  private bom = false;
  private encodage?: EncodageFec;
  private decodeur?: DecodeurTexte;
  private numero = 0; // physical line number of the last line handled
  private entete?: EnteteFec;
  private sep = -1;
  private pos!: Record<ChampFec, number>;
  private minimum = 0;
  private readonly bornes = new Int32Array(MAX_CHAMPS + 2);
  private readonly essai = new Int32Array(MAX_CHAMPS + 2);
  // Current line, filled by `analyser`.
  private vM = 0;
  private vJ0 = 0; private vJ1 = 0; private vN0 = 0; private vN1 = 0; private vC0 = 0; private vC1 = 0;
  private vDate = 0;
  private vDebit = 0;
  private vCredit = 0;
  private vErreur = "";
  private debit = 0;
  private credit = 0;
  private importees = 0;
  private vides = 0;
  private dateMin = 99999999;
  private dateMax = 0;
  private readonly comptes = new Map<string, SoldeCompte>();
  private readonly parHash = new Map<number, EntreeCompte>();
  private readonly erreurs: LigneRejetee[] = [];
  private readonly alertes: AlerteFec[] = [];
  private compteCourant?: EntreeCompte;
  private comptePrecedent?: EntreeCompte;
  // Entry balance: checked per run of consecutive lines; only unbalanced runs are kept (balance is additive).
  private readonly cleJournal = new Cle();
  private readonly cleNum = new Cle();
  private soldeRun = 0;
  private ligneRun = 0;
  private readonly desequilibres = new Map<string, { d: number; l: number; n: string }>();
  private readonly lignes?: EcritureFec[];
  /** Bytes pushed so far (progress). */
  octets = 0;

  constructor(opts: OptionsFec = {}) {
    if (opts.encodage) this.choisir(opts.encodage);
    this.forcee = opts.encodage !== undefined;
    if (opts.conserver) this.lignes = [];
    if (opts.suite) {
      this.debutFichier = false;
      this.poserEntete(opts.suite.entete);
    }
  }

  private poserEntete(texte: string): void {
    this.entete = lireEntete(texte);
    this.sep = this.entete.separateur === "tab" ? 9 : 124;
    this.pos = this.entete.pos;
    const x = this.pos;
    this.minimum = Math.max(x.JournalCode, x.EcritureNum, x.EcritureDate, x.CompteNum, x.Debit, x.Credit, x.Montant, x.Sens) + 1;
  }

  private choisir(enc: EncodageFec): void {
    this.encodage = enc;
    this.decodeur = new DecodeurTexte(enc);
  }

  private forcee = false;

  /** Text input (already decoded): encoded back to UTF-8 bytes. */
  pousserTexte(t: string): void {
    if (!this.encodage) this.choisir("utf-8");
    this.pousser(new TextEncoder().encode(t));
  }

  pousser(chunk: Uint8Array, fin = false): void {
    this.octets += chunk.length;
    // A plain Uint8Array view (not a Buffer subclass) keeps the hot loop's element access monomorphic.
    let u = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.reste.length) {
      u = new Uint8Array(this.reste.length + chunk.length);
      u.set(this.reste);
      u.set(chunk, this.reste.length);
    }
    let p = 0;
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
    if (this.entete) p = this.boucle(u, p, fin);
    this.reste = p >= u.length ? new Uint8Array(0) : u.slice(p);
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
        else if (q === u.length && !fin) return p; // an LF may follow in the next chunk
        else fins = q - e;
      } else if (e < u.length) q++;
      this.numero += fins - 1;
      this.vides += fins - 1;
      this.numero++;
      if (vide(u, p, e)) this.vides++;
      else {
        this.poserEntete(this.texte(u, p, e, false));
      }
      p = Math.min(q, u.length);
    }
    return p;
  }

  /**
   * The hot loop: one pass over the bytes, field bounds into `bornes`, one call per line. Four bytes at a time
   * (SWAR) skip the words holding no separator, line end or (while the encoding is undecided) non-ASCII byte.
   */
  private boucle(u: Uint8Array, p: number, fin: boolean): number {
    const n = u.length;
    const sep = this.sep;
    const b = this.bornes;
    const w = (u.byteOffset & 3) === 0 ? new Uint32Array(u.buffer, u.byteOffset, n >> 2) : undefined;
    const kmax = n >> 2;
    // Bytes < 14 (tab, LF, CR) are found by the "has a byte less than" trick; "|" by "has a zero byte" on x ^ mask.
    const masque = sep > 13 ? sep * 0x01010101 : 0;
    let deb = p;
    let m = 0;
    b[0] = p;
    let i = p;
    while (i < n) {
      if (w !== undefined && (i & 3) === 0) {
        let k = i >> 2;
        const haut = this.encodage ? 0 : 0x80808080;
        if (masque === 0) {
          while (k < kmax) {
            const x = w[k];
            if ((((x - 0x0e0e0e0e) & ~x) | (x & haut)) & 0x80808080) break;
            k++;
          }
        } else {
          while (k < kmax) {
            const x = w[k];
            const y = x ^ masque;
            if ((((x - 0x0e0e0e0e) & ~x) | ((y - 0x01010101) & ~y) | (x & haut)) & 0x80808080) break;
            k++;
          }
        }
        const j = k << 2;
        if (j >= n) {
          i = n;
          break;
        }
        if (j > i) i = j;
      }
      const c = u[i];
      if (c === sep) {
        if (++m <= MAX_CHAMPS) b[m] = i + 1;
      } else if (c === LF || c === CR) {
        let q = i + 1;
        let fins = 1;
        if (c === CR) {
          while (q < n && u[q] === CR) q++;
          if (q < n && u[q] === LF) q++; // CR LF and CR CR LF end one line
          else if (q === n && !fin) return deb; // an LF may follow in the next chunk
          else fins = q - i; // bare CRs: each ends a line
        }
        if (++m <= MAX_CHAMPS) b[m] = i + 1;
        this.ligne(u, deb, i, m);
        if (fins > 1) (this.numero += fins - 1), (this.vides += fins - 1);
        deb = q;
        i = q;
        m = 0;
        b[0] = q;
        continue;
      } else if (c > 127 && !this.encodage) this.choisir(detecterEncodage(u, i));
      i++;
    }
    if (fin && deb < n) {
      if (++m <= MAX_CHAMPS) b[m] = n + 1;
      this.ligne(u, deb, n, m);
      deb = n;
    }
    return deb;
  }

  private texte(u: Uint8Array, a: number, b: number, decider = true): string {
    if (!this.decodeur) {
      let k = a;
      while (k < b && u[k] < 0x80) k++;
      if (k === b) return new DecodeurTexte("utf-8").texte(u, a, b);
      if (!decider) return String.fromCharCode.apply(null, u.subarray(a, b) as unknown as number[]).trim();
      this.choisir(detecterEncodage(u, k));
    }
    return this.decodeur!.texte(u, a, b);
  }

  private ligne(u: Uint8Array, debut: number, fin: number, m: number): void {
    this.numero++;
    if (m === 1 && vide(u, debut, fin)) {
      this.vides++;
      return;
    }
    if (m > MAX_CHAMPS) return this.rejeter(`${m} champs au lieu de ${this.entete!.colonnes}`);
    const b = this.bornes;
    const nc = this.entete!.colonnes;
    const dernierVide = b[m] - b[m - 1] === 1;
    if (this.entete!.sepFinal && dernierVide && m > 1) m--; // the trailing separator every line carries
    else if (m === nc + 1 && dernierVide) {
      // A trailing separator the header does not have, or a separator inside a text field: try the first.
      if (this.analyser(u, b, nc)) return this.accepter(u, b);
      return this.recuperer(u, b, m);
    }
    if (m === nc || (m < nc && m >= this.minimum)) {
      if (this.analyser(u, b, m)) this.accepter(u, b);
      else this.rejeter(this.vErreur);
    } else if (m < nc) this.rejeter(`${m} champs au lieu de ${nc}`);
    else this.recuperer(u, b, m);
  }

  /** Too many fields: separator(s) inside a text field. Recovered only when exactly one merge gives a valid line. */
  private recuperer(u: Uint8Array, b: Int32Array, m: number): void {
    const nc = this.entete!.colonnes;
    const extra = m - nc;
    const ok: string[] = [];
    let bon: Int32Array | undefined;
    for (const champ of CHAMPS_TEXTE) {
      const k = this.pos[champ];
      if (k < 0) continue;
      const t = this.essai;
      for (let i = 0; i <= k; i++) t[i] = b[i];
      for (let i = k + 1; i <= nc; i++) t[i] = b[i + extra];
      if (this.analyser(u, t, nc)) {
        ok.push(champ);
        bon = t.slice(0, nc + 1);
      }
    }
    if (ok.length === 1 && bon) {
      this.analyser(u, bon, nc);
      this.accepter(u, bon);
      const sep = this.entete!.separateur === "tab" ? "tabulation" : "|";
      this.alertes.push({
        ligne: this.numero,
        ecritureNum: this.texte(u, this.vN0, this.vN1),
        message: `Séparateur « ${sep} » dans ${ok[0]} : ligne récupérée en réunissant ${extra + 1} champs.`,
      });
      return;
    }
    this.rejeter(ok.length > 1 ? `${m} champs au lieu de ${nc} : séparateur en trop, champ ambigu (${ok.join(" ou ")})` : `${m} champs au lieu de ${nc}`);
  }

  private extrait(u: Uint8Array, b: Int32Array, k: number): string {
    const s = this.texte(u, b[k], b[k + 1] - 1);
    return s.length > 30 ? `« ${s.slice(0, 30)}… »` : `« ${s} »`;
  }

  /** Reads the line's fields (bounds in b, m fields); false with vErreur set when invalid. */
  private analyser(u: Uint8Array, b: Int32Array, m: number): boolean {
    const pos = this.pos;
    this.vM = m;
    let k = pos.JournalCode;
    let a = b[k];
    let z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    if (a === z) return this.erreur("JournalCode vide");
    this.vJ0 = a;
    this.vJ1 = z;
    k = pos.EcritureNum;
    a = b[k];
    z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    this.vN0 = a;
    this.vN1 = z;
    k = pos.CompteNum;
    a = b[k];
    z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    if (a === z) return this.erreur("CompteNum vide");
    this.vC0 = a;
    this.vC1 = z;
    k = pos.EcritureDate;
    this.vDate = dateDe(u, b[k], b[k + 1] - 1);
    if (this.vDate !== this.vDate) return this.erreur(`EcritureDate ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
    if (!this.dateOptionnelle(u, b, m, pos.PieceDate, "PieceDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.ValidDate, "ValidDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.DateLet, "DateLet")) return false;
    if (this.entete!.montants === "debit-credit") {
      k = pos.Debit;
      this.vDebit = centimesDe(u, b[k], b[k + 1] - 1);
      if (this.vDebit !== this.vDebit) return this.erreur(`Debit ${this.extrait(u, b, k)} n'est pas un montant`);
      k = pos.Credit;
      this.vCredit = centimesDe(u, b[k], b[k + 1] - 1);
      if (this.vCredit !== this.vCredit) return this.erreur(`Credit ${this.extrait(u, b, k)} n'est pas un montant`);
    } else {
      k = pos.Montant;
      const v = centimesDe(u, b[k], b[k + 1] - 1);
      if (v !== v) return this.erreur(`Montant ${this.extrait(u, b, k)} n'est pas un montant`);
      k = pos.Sens;
      const sens = this.texte(u, b[k], b[k + 1] - 1).toUpperCase();
      if (sens === "D" || sens === "+1" || sens === "1" || sens === "+") (this.vDebit = v), (this.vCredit = 0);
      else if (sens === "C" || sens === "-1" || sens === "-") (this.vDebit = 0), (this.vCredit = v);
      else return this.erreur(`Sens ${this.extrait(u, b, k)} : D, C, +1 ou -1 attendu`);
    }
    return true;
  }

  private dateOptionnelle(u: Uint8Array, b: Int32Array, m: number, k: number, nom: string): boolean {
    if (k < 0 || k >= m) return true;
    const a = b[k];
    const z = b[k + 1] - 1;
    if (a === z) return true;
    const d = dateDe(u, a, z);
    if (d === d || vide(u, a, z)) return true;
    return this.erreur(`${nom} ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
  }

  private erreur(m: string): false {
    this.vErreur = m;
    return false;
  }

  private rejeter(message: string): void {
    this.erreurs.push({ ligne: this.numero, message: `Ligne ${this.numero} rejetée : ${message}.` });
  }

  private compte(u: Uint8Array, b: Int32Array): EntreeCompte {
    const a = this.vC0;
    const z = this.vC1;
    let h = 0;
    for (let i = a; i < z; i++) h = (Math.imul(h, 31) + u[i]) | 0;
    let e = this.parHash.get(h);
    while (e && !egal(e.cle, u, a, z)) e = e.suivant;
    if (!e) {
      const k = this.pos.CompteLib;
      e = {
        cle: u.slice(a, z),
        libelle: k >= 0 && k < this.vM ? this.texte(u, b[k], b[k + 1] - 1) : "",
        debit: 0 as Cents,
        credit: 0 as Cents,
        suivant: this.parHash.get(h),
      };
      this.parHash.set(h, e);
      this.comptes.set(this.texte(u, a, z), e);
    }
    return e;
  }

  private accepter(u: Uint8Array, b: Int32Array): void {
    const d = this.vDebit;
    const c = this.vCredit;
    this.importees++;
    this.debit += d;
    this.credit += c;
    if (this.vDate < this.dateMin) this.dateMin = this.vDate;
    if (this.vDate > this.dateMax) this.dateMax = this.vDate;
    // The last two accounts: ledgers alternate between a charge and its counterpart.
    let tc = this.compteCourant;
    if (!tc || !egal(tc.cle, u, this.vC0, this.vC1)) {
      const autre = this.comptePrecedent;
      this.comptePrecedent = tc;
      tc = this.compteCourant = autre && egal(autre.cle, u, this.vC0, this.vC1) ? autre : this.compte(u, b);
    }
    tc.debit = (tc.debit + d) as Cents;
    tc.credit = (tc.credit + c) as Cents;
    if (!this.cleNum.egale(u, this.vN0, this.vN1) || !this.cleJournal.egale(u, this.vJ0, this.vJ1)) {
      this.fermerRun();
      this.cleJournal.copier(u, this.vJ0, this.vJ1);
      this.cleNum.copier(u, this.vN0, this.vN1);
      this.ligneRun = this.numero;
    }
    this.soldeRun += d - c;
    if (this.lignes) {
      const pos = this.pos;
      const t = (k: number) => (k >= 0 && k < this.vM ? this.texte(u, b[k], b[k + 1] - 1) : "");
      this.lignes.push({
        ligne: this.numero,
        journal: this.texte(u, this.vJ0, this.vJ1),
        ecritureNum: this.texte(u, this.vN0, this.vN1),
        date: this.vDate,
        compte: this.texte(u, this.vC0, this.vC1),
        compteLib: t(pos.CompteLib),
        compAux: t(pos.CompAuxNum),
        pieceRef: t(pos.PieceRef),
        libelle: t(pos.EcritureLib),
        debit: d as Cents,
        credit: c as Cents,
      });
    }
  }

  private fermerRun(): void {
    if (this.soldeRun !== 0) {
      const j = this.texte(this.cleJournal.octets, 0, this.cleJournal.n);
      const n = this.texte(this.cleNum.octets, 0, this.cleNum.n);
      const cle = j + "\u0000" + n;
      const e = this.desequilibres.get(cle);
      if (e) e.d += this.soldeRun;
      else this.desequilibres.set(cle, { d: this.soldeRun, l: this.ligneRun, n });
    }
    this.soldeRun = 0;
  }

  /** Ends the reading: the part's raw findings (line numbers local to the part). */
  terminerPartiel(): PartielFec {
    const reste = this.reste;
    this.reste = new Uint8Array(0);
    this.octets -= reste.length;
    this.pousser(reste, true);
    if (!this.entete) throw new FecFormatError("Fichier vide : pas de ligne d'en-tête.");
    this.fermerRun();
    return {
      entete: this.entete,
      encodage: this.encodage,
      encodageForce: this.forcee,
      bom: this.bom,
      remplacements: this.decodeur?.remplacements ?? false,
      lignesPhysiques: this.numero,
      importees: this.importees,
      vides: this.vides,
      debit: this.debit,
      credit: this.credit,
      dateMin: this.dateMin,
      dateMax: this.dateMax,
      comptes: this.comptes,
      erreurs: this.erreurs,
      alertes: this.alertes,
      desequilibres: this.desequilibres,
      lignes: this.lignes,
    };
  }

  terminer(): ResultatFec {
    return assemblerFec([this.terminerPartiel()]);
  }
}

function egal(cle: Uint8Array, u: Uint8Array, a: number, z: number): boolean {
  if (cle.length !== z - a) return false;
  for (let i = 0; i < cle.length; i++) if (cle[i] !== u[a + i]) return false;
  return true;
}

/** Whole-content convenience (tests, small files). */
export function lireFec(contenu: Uint8Array | string, opts: OptionsFec = {}): ResultatFec {
  const l = new LecteurFec(opts);
  if (typeof contenu === "string") l.pousserTexte(contenu);
  else for (let i = 0; i < contenu.length; i += 1 << 20) l.pousser(contenu.subarray(i, Math.min(contenu.length, i + (1 << 20))));
  return l.terminer();
}

export { FecFormatError, assemblerFec, type PartielFec };
