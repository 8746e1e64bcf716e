import { cents, type Cents } from "../../money/cents";
import { DecodeurFec, type EncodageFec } from "./decodage";
import { centimesDe, dateDe, texte, vide } from "./champs";
import { CHAMPS_TEXTE, FecFormatError, lireEntete, type EnteteFec } from "./entete";
import type { AlerteFec, EcritureFec, LigneRejetee, ResultatFec, SoldeCompte } from "./types";

export interface OptionsFec {
  /** Forces the encoding instead of detecting it. */
  encodage?: EncodageFec;
  /** Keep every imported line (for writing the Grand livre). */
  conserver?: boolean;
}

const LF = 10;
const CR = 13;
const MAX_CHAMPS = 64;

interface Solde {
  d: number;
  l: number;
  n: string;
}

const extrait = (s: string) => (s.length > 30 ? `« ${s.slice(0, 30)}… »` : `« ${s} »`);

/**
 * Streaming FEC reader: push byte chunks (or decoded text) as they come, then `terminer()`.
 * The hot loop scans each line in place: field bounds by indexOf, amounts and dates read digit by digit
 * into integers, only the few keys needed for the summary are cut out as strings.
 */
export class LecteurFec {
  private readonly decodeur: DecodeurFec;
  private reste = "";
  private numero = 0; // physical line number of the last line handled
  private entete?: EnteteFec;
  private bornes = new Int32Array(MAX_CHAMPS + 2);
  private essai = new Int32Array(MAX_CHAMPS + 2);
  // Parsed values of the current line (filled by `analyser`).
  private vJournal = "";
  private vNum = "";
  private vCompte = "";
  private vDate = 0;
  private vDebit = 0;
  private vCredit = 0;
  private vErreur = "";
  private vM = 0;
  private debit = 0;
  private credit = 0;
  private importees = 0;
  private vides = 0;
  private dateMin = 99999999;
  private dateMax = 0;
  private readonly comptes = new Map<string, SoldeCompte>();
  private readonly classes = new Map<string, { debit: number; credit: number }>();
  private readonly erreurs: LigneRejetee[] = [];
  private readonly alertes: AlerteFec[] = [];
  private readonly soldes = new Map<string, Solde>();
  private cleCourante = "";
  private journalCourant = "";
  private numCourant = "";
  private soldeCourant: Solde | undefined;
  private compteCourant = "";
  private totalCompteCourant: SoldeCompte | undefined;
  private readonly lignes?: EcritureFec[];
  /** Bytes pushed so far (progress). */
  octets = 0;

  constructor(private readonly opts: OptionsFec = {}) {
    this.decodeur = new DecodeurFec(opts.encodage);
    if (opts.conserver) this.lignes = [];
  }

  pousser(chunk: Uint8Array): void {
    this.octets += chunk.length;
    this.pousserTexte(this.decodeur.decoder(chunk));
  }

  pousserTexte(t: string, fin = false): void {
    const s = this.reste.length ? this.reste + t : t;
    const n = s.length;
    let p = 0;
    let lf = s.indexOf("\n");
    let cr = s.indexOf("\r");
    while (p < n) {
      if (lf >= 0 && lf < p) lf = s.indexOf("\n", p);
      if (cr >= 0 && cr < p) cr = s.indexOf("\r", p);
      let e: number;
      if (lf < 0) e = cr;
      else if (cr < 0) e = lf;
      else e = lf < cr ? lf : cr;
      if (e < 0) break;
      let q = e;
      let fins = 1;
      if (s.charCodeAt(e) === CR) {
        while (q < n && s.charCodeAt(q) === CR) q++;
        if (q < n && s.charCodeAt(q) === LF) q++; // CR LF and CR CR LF end one line
        else if (q === n && !fin) break; // an LF may follow in the next chunk
        else fins = q - e; // bare CRs: each ends a line
      } else q++;
      this.ligne(s, p, e);
      this.numero += fins - 1;
      if (fins > 1) this.vides += fins - 1;
      p = q;
    }
    if (fin && p < n) {
      this.ligne(s, p, n);
      p = n;
    }
    this.reste = p === 0 ? s : s.substring(p);
  }

  private ligne(s: string, debut: number, fin: number): void {
    this.numero++;
    if (!this.entete) {
      if (vide(s, debut, fin)) {
        this.vides++;
        return;
      }
      this.entete = lireEntete(s.substring(debut, fin).replace(/^\ufeff/, ""));
      return;
    }
    if (vide(s, debut, fin)) {
      this.vides++;
      return;
    }
    const e = this.entete;
    const b = this.bornes;
    // b[k] = start of field k, b[k+1]-1 its end (one past the separator).
    let m = 0;
    b[0] = debut;
    let p = s.indexOf(e.sep, debut);
    while (p >= 0 && p < fin && m < MAX_CHAMPS) {
      b[++m] = p + 1;
      p = s.indexOf(e.sep, p + 1);
    }
    b[++m] = fin + 1;
    // m = number of fields
    const nc = e.colonnes;
    if (m === nc + 1 && b[m] - b[m - 1] === 1) m = nc; // trailing separator
    if (m === nc) {
      if (this.analyser(s, b, m)) this.accepter(s, b);
      else this.rejeter(this.vErreur);
      return;
    }
    if (m < nc) {
      if (m >= this.minimumChamps() && this.analyser(s, b, m)) this.accepter(s, b);
      else this.rejeter(m >= this.minimumChamps() ? this.vErreur : `${m} champs au lieu de ${nc}`);
      return;
    }
    this.recuperer(s, b, m);
  }

  /** Lines may omit trailing optional fields, not the amounts. */
  private minimumChamps(): number {
    const p = this.entete!.pos;
    return Math.max(p.JournalCode, p.EcritureNum, p.EcritureDate, p.CompteNum, p.Debit, p.Credit, p.Montant, p.Sens) + 1;
  }

  /** One field too many: a separator inside a text field. Recovered only when exactly one merge gives a valid line. */
  private recuperer(s: string, b: Int32Array, m: number): void {
    const e = this.entete!;
    let extra = m - e.colonnes;
    if (b[m] - b[m - 1] === 1) extra--; // plus a trailing separator
    const ok: string[] = [];
    let bon: Int32Array | undefined;
    for (const champ of CHAMPS_TEXTE) {
      const k = e.pos[champ];
      if (k < 0) continue;
      const t = this.essai;
      for (let i = 0; i <= k; i++) t[i] = b[i];
      for (let i = k + 1; i <= e.colonnes; i++) t[i] = b[i + extra];
      if (this.analyser(s, t, e.colonnes)) {
        ok.push(champ);
        bon = new Int32Array(t.subarray(0, e.colonnes + 1));
      }
    }
    if (ok.length === 1 && bon) {
      this.analyser(s, bon, e.colonnes);
      this.accepter(s, bon);
      this.alertes.push({
        ligne: this.numero,
        ecritureNum: this.vNum,
        message: `Séparateur « ${e.separateur === "tab" ? "tabulation" : "|"} » dans ${ok[0]} : ligne récupérée en réunissant ${extra + 1} champs.`,
      });
      return;
    }
    this.rejeter(
      ok.length > 1
        ? `${m} champs au lieu de ${e.colonnes} : séparateur en trop, champ ambigu (${ok.join(" ou ")})`
        : `${m} champs au lieu de ${e.colonnes}`,
    );
  }

  /** Reads the current line's fields (bounds in b, m fields); false with vErreur set when invalid. */
  private analyser(s: string, b: Int32Array, m: number): boolean {
    const pos = this.entete!.pos;
    const f = (k: number) => (k >= 0 && k < m ? k : -1);
    this.vM = m;
    const d0 = (k: number) => (k < 0 ? 0 : b[k]);
    const d1 = (k: number) => (k < 0 ? 0 : b[k + 1] - 1);
    const jc = f(pos.JournalCode);
    const en = f(pos.EcritureNum);
    const cn = f(pos.CompteNum);
    const ed = f(pos.EcritureDate);
    this.vJournal = texte(s, d0(jc), d1(jc));
    if (!this.vJournal) return this.erreur("JournalCode vide");
    this.vNum = texte(s, d0(en), d1(en));
    this.vCompte = texte(s, d0(cn), d1(cn));
    if (!this.vCompte) return this.erreur("CompteNum vide");
    this.vDate = dateDe(s, d0(ed), d1(ed));
    if (this.vDate !== this.vDate) return this.erreur(`EcritureDate ${extrait(texte(s, d0(ed), d1(ed)))} n'est pas une date AAAAMMJJ valide`);
    for (const champ of ["PieceDate", "DateLet", "ValidDate"] as const) {
      const k = f(pos[champ]);
      if (k >= 0 && !vide(s, d0(k), d1(k)) && dateDe(s, d0(k), d1(k)) !== dateDe(s, d0(k), d1(k))) {
        return this.erreur(`${champ} ${extrait(texte(s, d0(k), d1(k)))} n'est pas une date AAAAMMJJ valide`);
      }
    }
    if (this.entete!.montants === "debit-credit") {
      const kd = f(pos.Debit);
      const kc = f(pos.Credit);
      this.vDebit = centimesDe(s, d0(kd), d1(kd));
      if (this.vDebit !== this.vDebit) return this.erreur(`Debit ${extrait(texte(s, d0(kd), d1(kd)))} n'est pas un montant`);
      this.vCredit = centimesDe(s, d0(kc), d1(kc));
      if (this.vCredit !== this.vCredit) return this.erreur(`Credit ${extrait(texte(s, d0(kc), d1(kc)))} n'est pas un montant`);
    } else {
      const km = f(pos.Montant);
      const ks = f(pos.Sens);
      const v = centimesDe(s, d0(km), d1(km));
      if (v !== v) return this.erreur(`Montant ${extrait(texte(s, d0(km), d1(km)))} n'est pas un montant`);
      const sens = texte(s, d0(ks), d1(ks)).toUpperCase();
      if (sens === "D" || sens === "+1" || sens === "1") (this.vDebit = v), (this.vCredit = 0);
      else if (sens === "C" || sens === "-1") (this.vDebit = 0), (this.vCredit = v);
      else return this.erreur(`Sens ${extrait(sens)} : D, C, +1 ou -1 attendu`);
    }
    return true;
  }

  private erreur(m: string): false {
    this.vErreur = m;
    return false;
  }

  private rejeter(message: string): void {
    this.erreurs.push({ ligne: this.numero, message: `Ligne ${this.numero} rejetée : ${message}.` });
  }

  private accepter(s: string, b: Int32Array): void {
    const d = this.vDebit;
    const c = this.vCredit;
    this.importees++;
    this.debit += d;
    this.credit += c;
    if (this.vDate < this.dateMin) this.dateMin = this.vDate;
    if (this.vDate > this.dateMax) this.dateMax = this.vDate;
    const compte = this.vCompte;
    let tc = this.totalCompteCourant;
    if (compte !== this.compteCourant || !tc) {
      tc = this.comptes.get(compte);
      if (!tc) {
        const k = this.entete!.pos.CompteLib;
        tc = { libelle: k >= 0 && k < this.vM ? texte(s, b[k], b[k + 1] - 1) : "", debit: 0 as Cents, credit: 0 as Cents };
        this.comptes.set(compte, tc);
      }
      this.compteCourant = compte;
      this.totalCompteCourant = tc;
    }
    tc.debit = (tc.debit + d) as Cents;
    tc.credit = (tc.credit + c) as Cents;
    const classe = compte[0];
    let cl = this.classes.get(classe);
    if (!cl) this.classes.set(classe, (cl = { debit: 0, credit: 0 }));
    cl.debit += d;
    cl.credit += c;
    // Balance per entry (JournalCode + EcritureNum); consecutive lines of one entry skip the map.
    if (this.vJournal !== this.journalCourant || this.vNum !== this.numCourant || !this.soldeCourant) {
      this.journalCourant = this.vJournal;
      this.numCourant = this.vNum;
      this.cleCourante = this.vJournal + "\u0000" + this.vNum;
      let so = this.soldes.get(this.cleCourante);
      if (!so) this.soldes.set(this.cleCourante, (so = { d: 0, l: this.numero, n: this.vNum }));
      this.soldeCourant = so;
    }
    this.soldeCourant.d += d - c;
    if (this.lignes) {
      const pos = this.entete!.pos;
      const t = (k: number) => (k >= 0 && k < this.vM ? texte(s, b[k], b[k + 1] - 1) : "");
      this.lignes.push({
        ligne: this.numero,
        journal: this.vJournal,
        ecritureNum: this.vNum,
        date: this.vDate,
        compte,
        compteLib: t(pos.CompteLib),
        compAux: t(pos.CompAuxNum),
        pieceRef: t(pos.PieceRef),
        libelle: t(pos.EcritureLib),
        debit: d as Cents,
        credit: c as Cents,
      });
    }
  }

  terminer(): ResultatFec {
    this.pousserTexte(this.decodeur.decoder(new Uint8Array(0), true), true);
    if (!this.entete) throw new FecFormatError("Fichier vide : pas de ligne d'en-tête.");
    for (const so of this.soldes.values()) {
      if (so.d !== 0) {
        this.alertes.push({
          ligne: so.l,
          ecritureNum: so.n,
          message: `Écriture ${so.n} déséquilibrée : débit − crédit = ${(so.d / 100).toFixed(2).replace(".", ",")} €.`,
        });
      }
    }
    if (this.decodeur.remplacements) {
      this.alertes.push({ ligne: 0, message: "Octets invalides en UTF-8 : certains caractères ont été remplacés par « � ». Essayez l'encodage windows-1252." });
    }
    this.alertes.sort((a, b) => a.ligne - b.ligne);
    const e = this.entete;
    const parClasse = new Map<string, { debit: Cents; credit: Cents }>();
    for (const k of [...this.classes.keys()].sort()) {
      const v = this.classes.get(k)!;
      parClasse.set(k, { debit: cents(v.debit), credit: cents(v.credit) });
    }
    return {
      format: {
        type: "fec",
        separateur: e.separateur,
        encodage: this.decodeur.encodage ?? "utf-8",
        encodageForce: this.decodeur.forcee,
        bom: this.decodeur.bom,
        montants: e.montants,
        colonnes: e.colonnes,
      },
      ecritures: this.importees,
      lignesDonnees: this.importees + this.erreurs.length,
      lignesVides: this.vides,
      debit: cents(this.debit),
      credit: cents(this.credit),
      comptes: this.comptes,
      parClasse,
      erreurs: this.erreurs,
      alertes: this.alertes,
      periode: this.importees ? { du: this.dateMin, au: this.dateMax } : undefined,
      lignes: this.lignes,
    };
  }
}

/** Whole-content convenience (tests, small files). */
export function lireFec(contenu: Uint8Array | string, opts: OptionsFec = {}): ResultatFec {
  const l = new LecteurFec(opts);
  if (typeof contenu === "string") l.pousserTexte(contenu);
  else for (let i = 0; i < contenu.length; i += 1 << 20) l.pousser(contenu.subarray(i, Math.min(contenu.length, i + (1 << 20))));
  return l.terminer();
}

export { FecFormatError };
