import Decimal from "decimal.js";
import { analyserMontant, formatMontantFr, HORS_LIMITE, phraseDeviseEcrite } from "../../money";
import { centimesDe, dateAutreForme, dateDe, formeDate, LecteurMontants, vide, type FormeDate } from "./champs";
import { MAX_CHAMPS } from "./decoupeurLignes";
import { CHAMPS_TEXTE, type ChampFec, type EnteteFec } from "./entete";
import { sensLu, SENS_ATTENDU } from "./sens";

/**
 * What a reader does with an amount whose lone « . » or « , » precedes exactly three digits (« 12.000 »): by default
 * the line is deferred (`differee`) until the end of the file proves its convention; the second reading of the
 * deferred lines gives the `convention` proved (« fr »: decimal comma, the dot groups thousands; « en »: the
 * reverse) and how it was proved (`preuve`, quoted in messages), or none and why (`raison`): the line is refused
 * with both readings.
 */
export type MontantsAmbigus = { convention: "fr" | "en"; preuve: string } | { convention?: undefined; raison: string };

/** Decodes a byte slice with the reader's encoding (which the first non-ASCII byte may decide). */
export interface SourceTexte {
  texte(u: Uint8Array, a: number, b: number): string;
}

/**
 * The current line's fields, read in place: text fields as byte offsets (decoded only when needed), the date
 * and amounts as integers. One instance per reader, overwritten by every line.
 */
export class LigneFec {
  m = 0;
  j0 = 0;
  j1 = 0; // JournalCode
  n0 = 0;
  n1 = 0; // EcritureNum
  c0 = 0;
  c1 = 0; // CompteNum
  date = 0;
  debit = 0;
  credit = 0;
  /** Why the last `lire` refused the line. */
  erreur = "";
  /**
   * Set by the first line read whose date is written AAAA-MM-JJ or JJ/MM/AAAA instead of AAAAMMJJ: its field and form,
   * for the reader's one alert (the reader clears it when that line is refused, so the first line imported names it).
   */
  dateHorsNorme?: { champ: string; texte: string; forme: FormeDate };
  /** What the debit and credit (or montant) of the last line analysed prove of the file's decimal separator. */
  preuve = 0;
  /** The last `lire` refused the line for an ambiguous amount only, to be read again at the end of the file. */
  differee = false;
  /** The ambiguous amounts the last line read resolved by the file's convention: field, text, cents. */
  readonly resolus: { champ: string; texte: string; cents: number }[] = [];
  private readonly montants = new LecteurMontants();
  /** Set by `lire` when the line was recovered by merging fields: the field that held the stray separator. */
  recupere: ChampFec | "" = "";
  /** How many fields were merged into it. */
  fusionnes = 0;
  /** Lines of this file were found to end with a separator the header does not have. */
  private finSep = false;
  private readonly pos: Record<ChampFec, number>;
  /** Fewer fields than the header is accepted when every field read is there (trailing empty fields cut). */
  private readonly minimum: number;
  private readonly essai = new Int32Array(MAX_CHAMPS + 2);

  constructor(
    private readonly entete: EnteteFec,
    private readonly source: SourceTexte,
    private readonly ambigus?: MontantsAmbigus,
  ) {
    const x = (this.pos = entete.pos);
    this.minimum =
      Math.max(x.JournalCode, x.EcritureNum, x.EcritureDate, x.CompteNum, x.Debit, x.Credit, x.Montant, x.Sens) + 1;
  }

  /** Reads a line of m fields (bounds in b); the bounds to import it with, or undefined with `erreur` set. */
  lire(u: Uint8Array, b: Int32Array, m: number): Int32Array | undefined {
    this.recupere = "";
    this.differee = false;
    if (m > MAX_CHAMPS) return this.refuser(`${m} champs au lieu de ${this.entete.colonnes}`);
    const nc = this.entete.colonnes;
    if (m === nc) return this.analyser(u, b, m) ? b : undefined;
    const dernierVide = m > 1 && b[m] - b[m - 1] === 1;
    if (dernierVide && (this.entete.sepFinal || this.finSep)) {
      // The trailing separator every line carries. A line whose ValidDate is then empty may instead hold a stray
      // separator without the trailing one: every reading is weighed (choisirLecture).
      if (m - 1 === nc) {
        if (this.analyser(u, b, nc) && this.validDateRemplie(u, b, nc)) return b;
        return this.choisirLecture(u, b, m);
      }
      if (m - 1 < nc) return m - 1 >= this.minimum && this.analyser(u, b, m - 1) ? b : this.refuserCourte(m - 1);
      return this.choisirLecture(u, b, m - 1, false);
    }
    if (m < nc) return m >= this.minimum && this.analyser(u, b, m) ? b : this.refuserCourte(m);
    return this.choisirLecture(u, b, m);
  }

  private refuserCourte(m: number): undefined {
    return m >= this.minimum
      ? undefined
      : this.refuser(`${m} champ${m > 1 ? "s" : ""} au lieu de ${this.entete.colonnes}`);
  }

  /** ValidDate, when the line has that column, is a date (analyser checked it is one when filled). */
  private validDateRemplie(u: Uint8Array, b: Int32Array, m: number): boolean {
    const k = this.pos.ValidDate;
    return k < 0 || k >= m || !vide(u, b[k], b[k + 1] - 1);
  }

  /**
   * Too many fields: a separator inside a text field, or a trailing separator the header does not have. Every
   * reading is tried — the m fields with one text field merged, and (last field empty) the m − 1 first fields as
   * they are or merged likewise — and weighed by how many of the amount and date columns it fills with a
   * value of their type. The single best reading is taken; a tie means the amounts could be shifted: the line is
   * rejected with its number, never kept with amounts read from the wrong columns.
   */
  private choisirLecture(u: Uint8Array, b: Int32Array, m: number, finale = true): Int32Array | undefined {
    const nc = this.entete.colonnes;
    const lectures: { bornes: Int32Array; champ: ChampFec | ""; n: number; poids: number }[] = [];
    const essayer = (n: number) => {
      if (n === nc) {
        if (this.analyser(u, b, nc))
          lectures.push({ bornes: b.slice(0, nc + 1), champ: "", n, poids: this.poids(u, b) });
        return;
      }
      const extra = n - nc;
      for (const champ of CHAMPS_TEXTE) {
        const k = this.pos[champ];
        if (k < 0) continue;
        const t = this.essai;
        for (let i = 0; i <= k; i++) t[i] = b[i];
        for (let i = k + 1; i <= nc; i++) t[i] = b[i + extra];
        if (this.analyser(u, t, nc)) lectures.push({ bornes: t.slice(0, nc + 1), champ, n, poids: this.poids(u, t) });
      }
    };
    essayer(m);
    const dernierVide = b[m] - b[m - 1] === 1;
    if (finale && dernierVide && m - 1 >= nc) essayer(m - 1);
    const max = Math.max(...lectures.map((l) => l.poids));
    const meilleures = lectures.filter((l) => l.poids === max);
    // The first nc fields as they are, the rest left over (never kept: its fields would be lost), weighed too: when
    // they fill the amount and date columns at least as well, the extra fields come after the last column, and
    // merging them into a label would shift the amounts (a 19th field after Idevise moved Debit into EcritureLib).
    if (meilleures.length === 1 && meilleures[0].champ && this.analyser(u, b, nc) && this.poids(u, b) >= max)
      return this.refuser(
        `${m} champs au lieu de ${nc} : ${m - nc > 1 ? `${m - nc} champs` : "un champ"} en trop après la dernière ` +
          `colonne ; le${m - nc > 1 ? "s" : ""} réunir à un libellé décalerait les montants et les dates`,
      );
    if (meilleures.length === 1) {
      const l = meilleures[0];
      this.analyser(u, l.bornes, nc);
      if (l.champ) {
        this.recupere = l.champ;
        this.fusionnes = l.n - nc + 1;
      } else if (finale && m === nc + 1) this.finSep = true;
      return l.bornes;
    }
    if (meilleures.length === 0) return this.refuser(`${m} champs au lieu de ${nc}`);
    const champs = meilleures.map((l) => l.champ || "séparateur final");
    return this.refuser(
      meilleures.every((l) => l.champ)
        ? `${m} champs au lieu de ${nc} : séparateur en trop, champ ambigu (${champs.join(" ou ")})`
        : `${m} champs au lieu de ${nc} : séparateur en trop ou en fin de ligne, lecture ambiguë des montants ` +
            `(${champs.join(" ou ")})`,
    );
  }

  /** Reads the fields (bounds in b, m fields); false with `erreur` set when invalid. */
  private analyser(u: Uint8Array, b: Int32Array, m: number): boolean {
    const pos = this.pos;
    this.m = m;
    let k = pos.JournalCode;
    let a = b[k];
    let z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    if (a === z) return this.erreurChamp("JournalCode vide");
    this.j0 = a;
    this.j1 = z;
    k = pos.EcritureNum;
    a = b[k];
    z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    this.n0 = a;
    this.n1 = z;
    k = pos.CompteNum;
    a = b[k];
    z = b[k + 1] - 1;
    while (a < z && u[a] === 32) a++;
    while (z > a && u[z - 1] === 32) z--;
    if (a === z) return this.erreurChamp("CompteNum vide");
    this.c0 = a;
    this.c1 = z;
    k = pos.EcritureDate;
    this.date = dateDe(u, b[k], b[k + 1] - 1);
    if (this.date !== this.date) {
      this.date = dateAutreForme(u, b[k], b[k + 1] - 1);
      if (this.date !== this.date)
        return this.erreurChamp(`EcritureDate ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
      this.horsNorme(u, b, k, "EcritureDate");
    }
    if (!this.dateOptionnelle(u, b, m, pos.PieceDate, "PieceDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.ValidDate, "ValidDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.DateLet, "DateLet")) return false;
    const mt = this.montants;
    if (this.resolus.length) this.resolus.length = 0;
    let differee = false;
    if (this.entete.montants === "debit-credit") {
      k = pos.Debit;
      this.debit = mt.centimes(u, b[k], b[k + 1] - 1);
      let preuve = mt.preuve;
      if (this.debit !== this.debit) {
        if (mt.ambigu === 0 || this.ambigus) {
          if (!this.montantAmbigu("Debit", u, b, k, 0)) return false;
        } else differee = true;
      }
      k = pos.Credit;
      this.credit = mt.centimes(u, b[k], b[k + 1] - 1);
      preuve |= mt.preuve;
      if (this.credit !== this.credit) {
        if (mt.ambigu === 0 || this.ambigus) {
          if (!this.montantAmbigu("Credit", u, b, k, 1)) return false;
        } else differee = true;
      }
      this.preuve = preuve;
    } else {
      k = pos.Montant;
      let v = mt.centimes(u, b[k], b[k + 1] - 1);
      this.preuve = mt.preuve;
      if (v !== v) {
        if (mt.ambigu === 0 || this.ambigus) {
          if (!this.montantAmbigu("Montant", u, b, k, 2)) return false;
          v = this.debit;
        } else differee = true;
      }
      k = pos.Sens;
      const sens = sensLu(this.source.texte(u, b[k], b[k + 1] - 1));
      if (sens === "D") {
        this.debit = v;
        this.credit = 0;
      } else if (sens === "C") {
        this.debit = 0;
        this.credit = v;
      } else return this.erreurChamp(`Sens ${this.extrait(u, b, k)} : ${SENS_ATTENDU}`);
    }
    if (differee) {
      // Every other field read: the line waits for the end of the file to know which reading is the file's.
      this.differee = true;
      return this.erreurChamp("montant ambigu, lu à la fin du fichier");
    }
    return true;
  }

  /**
   * The amount just read by `montants` is NaN in field k: not an amount, or ambiguous. An ambiguous one is read by
   * the file's convention when this reader knows it (into debit, credit, or debit for a Montant: `cible` 0, 1, 2);
   * otherwise refused, naming both readings and why neither is proved.
   */
  private montantAmbigu(nom: string, u: Uint8Array, b: Int32Array, k: number, cible: 0 | 1 | 2): boolean {
    const mt = this.montants;
    const a = this.ambigus;
    if (mt.ambigu === 0 || !a) return this.pasUnMontant(nom, u, b, k);
    if (a.convention === undefined) return this.pasUnMontant(nom, u, b, k, a.raison);
    const texte = this.source.texte(u, b[k], b[k + 1] - 1).trim();
    const decimal = (mt.ambigu === 44) === (a.convention === "fr");
    const v = decimal ? mt.decimale : mt.milliers;
    if (v !== v)
      return this.erreurChamp(
        `${nom} « ${texte} » se lit ${texte.replace(/[.,]/, ",")} € selon la convention du fichier (${a.preuve}) : ` +
          `plus de deux décimales, ce n'est pas un montant au centime`,
      );
    if (cible === 1) this.credit = v;
    else this.debit = v;
    this.resolus.push({ champ: nom, texte, cents: v });
    return true;
  }

  /**
   * How well the reading just analysed fits the FEC columns: amount columns holding a written amount, PieceDate and
   * ValidDate (mandatory in A.47 A-1) holding a date, Montantdevise an amount when filled. A shifted reading moves
   * empty fields into them.
   */
  private poids(u: Uint8Array, b: Int32Array): number {
    const x = this.pos;
    const m = this.m;
    const rempli = (k: number) => (k >= 0 && k < m && !vide(u, b[k], b[k + 1] - 1) ? 1 : 0);
    let p = rempli(x.PieceDate) + rempli(x.ValidDate);
    p += this.entete.montants === "debit-credit" ? rempli(x.Debit) + rempli(x.Credit) : rempli(x.Montant);
    const k = x.Montantdevise;
    if (rempli(k) && Number.isNaN(centimesDe(u, b[k], b[k + 1] - 1))) p--;
    return p;
  }

  private dateOptionnelle(u: Uint8Array, b: Int32Array, m: number, k: number, nom: string): boolean {
    if (k < 0 || k >= m) return true;
    const a = b[k];
    const z = b[k + 1] - 1;
    if (a === z) return true;
    const d = dateDe(u, a, z);
    if (d === d || vide(u, a, z)) return true;
    const autre = dateAutreForme(u, a, z);
    if (autre === autre) {
      this.horsNorme(u, b, k, nom);
      return true;
    }
    return this.erreurChamp(`${nom} ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
  }

  /** Notes the first date written in another form than AAAAMMJJ (the reader says it once for the file). */
  private horsNorme(u: Uint8Array, b: Int32Array, k: number, champ: string): void {
    if (!this.dateHorsNorme) this.dateHorsNorme = { champ, texte: this.extrait(u, b, k), forme: formeDate(u, b[k]) };
  }

  /** Field k as quoted in a message, cut at 30 characters. */
  private extrait(u: Uint8Array, b: Int32Array, k: number): string {
    const s = this.source.texte(u, b[k], b[k + 1] - 1);
    return s.length > 30 ? `« ${s.slice(0, 30)}… »` : `« ${s} »`;
  }

  /**
   * Why field k is not an amount: « 12.000 » names both readings (the grand livre CSV's words) and, when given, why
   * the file does not say which (`raison`), never guessed.
   */
  private pasUnMontant(nom: string, u: Uint8Array, b: Int32Array, k: number, raison?: string): false {
    const t = this.source.texte(u, b[k], b[k + 1] - 1).trim();
    const a = analyserMontant(t);
    // « 12.000,00 », « 12,000.00 », « 12000,00 € »: an amount, but not as a FEC writes one; the writing it wants is said.
    if (a.type === "montant")
      return this.erreurChamp(
        `${nom} ${this.extrait(u, b, k)} n'est pas écrit comme un montant de FEC (ni point ni virgule de milliers, ` +
          `ni devise) : écrivez « ${new Decimal(a.cents).dividedBy(100).toFixed(2).replace(".", ",")} »`,
      );
    if (a.type === "invalide" && a.devise)
      return this.erreurChamp(`${nom} ${this.extrait(u, b, k)} : ${phraseDeviseEcrite(a.devise)}`);
    if (a.type === "hors-limite") return this.erreurChamp(`${nom} ${this.extrait(u, b, k)} ${HORS_LIMITE}`);
    if (a.type !== "ambigu") return this.erreurChamp(`${nom} ${this.extrait(u, b, k)} n'est pas un montant`);
    const fr = (c: number) => new Decimal(c).dividedBy(100).toFixed(2).replace(".", ",");
    return this.erreurChamp(
      `${nom} « ${t} » peut se lire ${formatMontantFr(a.decimale)} ou ${formatMontantFr(a.milliers)}` +
        `${raison ? ` et ${raison}` : ""} (écrivez « ${fr(a.decimale)} » ou « ${fr(a.milliers)} »)`,
    );
  }

  private erreurChamp(m: string): false {
    this.erreur = m;
    return false;
  }

  private refuser(m: string): undefined {
    this.erreur = m;
    return undefined;
  }
}
