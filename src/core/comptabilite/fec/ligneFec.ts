import { centimesDe, dateDe, vide } from "./champs";
import { MAX_CHAMPS } from "./decoupeurLignes";
import { CHAMPS_TEXTE, type ChampFec, type EnteteFec } from "./entete";

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
  /** Set by `lire` when the line was recovered by merging fields: the field that held the stray separator. */
  recupere: ChampFec | "" = "";
  /** How many fields were merged into it. */
  fusionnes = 0;
  private readonly pos: Record<ChampFec, number>;
  /** Fewer fields than the header is accepted when every field read is there (trailing empty fields cut). */
  private readonly minimum: number;
  private readonly essai = new Int32Array(MAX_CHAMPS + 2);

  constructor(
    private readonly entete: EnteteFec,
    private readonly source: SourceTexte,
  ) {
    const x = (this.pos = entete.pos);
    this.minimum =
      Math.max(x.JournalCode, x.EcritureNum, x.EcritureDate, x.CompteNum, x.Debit, x.Credit, x.Montant, x.Sens) + 1;
  }

  /** Reads a line of m fields (bounds in b); the bounds to import it with, or undefined with `erreur` set. */
  lire(u: Uint8Array, b: Int32Array, m: number): Int32Array | undefined {
    this.recupere = "";
    if (m > MAX_CHAMPS) return this.refuser(`${m} champs au lieu de ${this.entete.colonnes}`);
    const nc = this.entete.colonnes;
    const dernierVide = b[m] - b[m - 1] === 1;
    if (this.entete.sepFinal && dernierVide && m > 1)
      m--; // the trailing separator every line carries
    else if (m === nc + 1 && dernierVide) {
      // A trailing separator the header does not have, or a separator inside a text field: try the first.
      if (this.analyser(u, b, nc)) return b;
      return this.recuperer(u, b, m);
    }
    if (m === nc || (m < nc && m >= this.minimum)) return this.analyser(u, b, m) ? b : undefined;
    if (m < nc) return this.refuser(`${m} champs au lieu de ${nc}`);
    return this.recuperer(u, b, m);
  }

  /** Too many fields: separator(s) inside a text field. Recovered only when exactly one merge gives a valid line. */
  private recuperer(u: Uint8Array, b: Int32Array, m: number): Int32Array | undefined {
    const nc = this.entete.colonnes;
    const extra = m - nc;
    const ok: ChampFec[] = [];
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
      this.recupere = ok[0];
      this.fusionnes = extra + 1;
      return bon;
    }
    return this.refuser(
      ok.length > 1
        ? `${m} champs au lieu de ${nc} : séparateur en trop, champ ambigu (${ok.join(" ou ")})`
        : `${m} champs au lieu de ${nc}`,
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
    if (this.date !== this.date)
      return this.erreurChamp(`EcritureDate ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
    if (!this.dateOptionnelle(u, b, m, pos.PieceDate, "PieceDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.ValidDate, "ValidDate")) return false;
    if (!this.dateOptionnelle(u, b, m, pos.DateLet, "DateLet")) return false;
    if (this.entete.montants === "debit-credit") {
      k = pos.Debit;
      this.debit = centimesDe(u, b[k], b[k + 1] - 1);
      if (this.debit !== this.debit) return this.erreurChamp(`Debit ${this.extrait(u, b, k)} n'est pas un montant`);
      k = pos.Credit;
      this.credit = centimesDe(u, b[k], b[k + 1] - 1);
      if (this.credit !== this.credit) return this.erreurChamp(`Credit ${this.extrait(u, b, k)} n'est pas un montant`);
    } else {
      k = pos.Montant;
      const v = centimesDe(u, b[k], b[k + 1] - 1);
      if (v !== v) return this.erreurChamp(`Montant ${this.extrait(u, b, k)} n'est pas un montant`);
      k = pos.Sens;
      const sens = this.source.texte(u, b[k], b[k + 1] - 1).toUpperCase();
      if (sens === "D" || sens === "+1" || sens === "1" || sens === "+") {
        this.debit = v;
        this.credit = 0;
      } else if (sens === "C" || sens === "-1" || sens === "-") {
        this.debit = 0;
        this.credit = v;
      } else return this.erreurChamp(`Sens ${this.extrait(u, b, k)} : D, C, +1 ou -1 attendu`);
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
    return this.erreurChamp(`${nom} ${this.extrait(u, b, k)} n'est pas une date AAAAMMJJ valide`);
  }

  /** Field k as quoted in a message, cut at 30 characters. */
  private extrait(u: Uint8Array, b: Int32Array, k: number): string {
    const s = this.source.texte(u, b[k], b[k + 1] - 1);
    return s.length > 30 ? `« ${s.slice(0, 30)}… »` : `« ${s} »`;
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
