import { ZERO, type Cents } from "../../money/cents";
import { Cle, EnsembleCles, egal } from "./cle";
import type { LigneFec, SourceTexte } from "./ligneFec";
import { EnregistreurRuns } from "./doublons";
import { LIGNES_PAR_COMPTE, type SoldeCompte } from "./types";

interface EntreeCompte extends SoldeCompte {
  lignes: number[];
  nombreLignes: number;
  cle: Uint8Array;
  /** Hash of the account's bytes (the same in every part of a file): part of each line's fingerprint. */
  h: number;
  suivant?: EntreeCompte;
}

/**
 * What the summary keeps of the imported lines: totals, period, per-account balances and the balance of each
 * entry (JournalCode + EcritureNum). Accounts are looked up by their bytes; text is decoded once per account.
 */
export class CumulsFec {
  debit = 0;
  credit = 0;
  importees = 0;
  /** Lines with a negative debit or credit (read as written): how many, and the first LIGNES_PAR_COMPTE. */
  negatifs = 0;
  readonly lignesNegatives: number[] = [];
  dateMin = 99999999;
  dateMax = 0;
  readonly comptes = new Map<string, SoldeCompte>();
  /** Entries found unbalanced, keyed by journal + "\0" + number: balance, first line, number. */
  readonly desequilibres = new Map<string, { d: number; l: number; n: string }>();
  /** Distinct entries (JournalCode + EcritureNum, as bytes). */
  readonly entrees = new EnsembleCles();
  private readonly parHash = new Map<number, EntreeCompte>();
  private compteCourant?: EntreeCompte;
  private comptePrecedent?: EntreeCompte;
  // Entry balance: checked per run of consecutive lines; only unbalanced runs are kept (balance is additive).
  private readonly cleJournal = new Cle();
  private readonly cleNum = new Cle();
  private soldeRun = 0;
  private ligneRun = 0;
  /** The current run (see RunsFec): its key's offset, last line, line count, first date, fingerprint and totals. */
  private cleRun = -1;
  private finRun = 0;
  private lignesRun = 0;
  private dateRun = 0;
  private empreinteRun = 0;
  private debitRun = 0;
  private creditRun = 0;
  /** Every run of the part, for the écritures listed twice (doublons.ts). */
  readonly runs = new EnregistreurRuns();

  constructor(
    private readonly posCompteLib: number,
    private readonly source: SourceTexte,
  ) {}

  /** Adds the line just read (`l`, bounds b), physical line `numero`. */
  ajouter(u: Uint8Array, b: Int32Array, l: LigneFec, numero: number): void {
    const d = l.debit;
    const c = l.credit;
    this.importees++;
    if ((d < 0 || c < 0) && this.negatifs++ < LIGNES_PAR_COMPTE) this.lignesNegatives.push(numero);
    this.debit += d;
    this.credit += c;
    if (l.date < this.dateMin) this.dateMin = l.date;
    if (l.date > this.dateMax) this.dateMax = l.date;
    // The last two accounts: ledgers alternate between a charge and its counterpart.
    let tc = this.compteCourant;
    if (!tc || !egal(tc.cle, u, l.c0, l.c1)) {
      const autre = this.comptePrecedent;
      this.comptePrecedent = tc;
      tc = this.compteCourant = autre && egal(autre.cle, u, l.c0, l.c1) ? autre : this.compte(u, b, l);
    }
    // Hot loop (bench): integer cents from the byte parser; each account's sum passes cents() in assemblage.
    tc.debit = (tc.debit + d) as Cents;
    tc.credit = (tc.credit + c) as Cents;
    if (tc.nombreLignes++ < LIGNES_PAR_COMPTE) tc.lignes.push(numero);
    if (!this.cleNum.egale(u, l.n0, l.n1) || !this.cleJournal.egale(u, l.j0, l.j1)) {
      this.fermerRun();
      this.cleJournal.copier(u, l.j0, l.j1);
      this.cleNum.copier(u, l.n0, l.n1);
      this.ligneRun = numero;
      this.dateRun = l.date;
      this.cleRun = this.entrees.ajouter(u, l.j0, l.j1, l.n0, l.n1);
    }
    this.soldeRun += d - c;
    // The line's fingerprint: account, date, debit and credit (low 32 bits; the totals are compared exactly).
    this.empreinteRun =
      (this.empreinteRun +
        (Math.imul(tc.h ^ l.date, 0x9e3779b1) ^
          Math.imul(d | 0, 0x85ebca6b) ^
          Math.imul((c | 0) + 0x68e31da4, 0xc2b2ae35))) |
      0;
    this.debitRun += d;
    this.creditRun += c;
    this.lignesRun++;
    this.finRun = numero;
  }

  private compte(u: Uint8Array, b: Int32Array, l: LigneFec): EntreeCompte {
    const a = l.c0;
    const z = l.c1;
    let h = 0;
    for (let i = a; i < z; i++) h = (Math.imul(h, 31) + u[i]) | 0;
    let e = this.parHash.get(h);
    while (e && !egal(e.cle, u, a, z)) e = e.suivant;
    if (!e) {
      const k = this.posCompteLib;
      e = {
        cle: u.slice(a, z),
        libelle: k >= 0 && k < l.m ? this.source.texte(u, b[k], b[k + 1] - 1) : "",
        debit: ZERO,
        credit: ZERO,
        lignes: [],
        nombreLignes: 0,
        h,
        suivant: this.parHash.get(h),
      };
      this.parHash.set(h, e);
      this.comptes.set(this.source.texte(u, a, z), e);
    }
    return e;
  }

  /** A break in the file (a header line met again): the next line starts a new run, even of the same entry. */
  couper(): void {
    this.fermerRun();
    this.cleNum.n = -1;
  }

  /** Ends the current run of lines of one entry (call once more after the last line). */
  fermerRun(): void {
    if (this.soldeRun !== 0) {
      const j = this.source.texte(this.cleJournal.octets, 0, this.cleJournal.n);
      const n = this.source.texte(this.cleNum.octets, 0, this.cleNum.n);
      const cle = j + "\u0000" + n;
      const e = this.desequilibres.get(cle);
      if (e) e.d += this.soldeRun;
      else this.desequilibres.set(cle, { d: this.soldeRun, l: this.ligneRun, n });
    }
    this.soldeRun = 0;
    if (this.lignesRun) {
      this.runs.ajouter(
        this.cleRun,
        this.ligneRun,
        this.finRun,
        this.lignesRun,
        this.dateRun,
        this.empreinteRun,
        this.debitRun,
        this.creditRun,
      );
      this.lignesRun = this.empreinteRun = this.debitRun = this.creditRun = 0;
    }
  }
}
