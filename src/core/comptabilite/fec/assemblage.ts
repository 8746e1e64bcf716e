import { cents, type Cents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { ALERTE_SIGNE_MONETAIRE, type EncodageFec } from "./decodage";
import type { ContradictionEncodage, EncodageUtf16 } from "./detection";
import { nomEncodage } from "./nomEncodage";
import { compterCles, type ClesOctets } from "./cle";
import type { EnteteFec } from "./entete";
import {
  LIGNES_PAR_COMPTE,
  type AlerteFec,
  type EcritureFec,
  type LigneRejetee,
  type ResultatFec,
  type SoldeCompte,
} from "./types";

/** How a part marks its first date written in another form than AAAAMMJJ: « Dates écrites JJ/MM/AAAA (…) ». */
export const PREFIXE_DATES_HORS_NORME = "Dates écrites ";

/** The file-wide alert of dates written AAAA-MM-JJ or JJ/MM/AAAA, read as written, naming the first line. */
function alerteDatesHorsNorme(a: AlerteFec): string {
  const [forme, ...reste] = a.message.slice(PREFIXE_DATES_HORS_NORME.length).split(" ");
  const champ = reste.join(" ");
  return (
    `Dates écrites ${forme} au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne ${a.ligne} ` +
    `${champ} : lues comme écrites${forme === "JJ/MM/AAAA" ? ", le jour avant le mois" : ""}. Corrigez l'export ` +
    `comptable pour un FEC conforme.`
  );
}

/** What one reader (a whole file or one part of it) found; `assemblerFec` makes the final result. */
export interface PartielFec {
  entete: EnteteFec;
  encodage?: EncodageFec;
  /** The file was UTF-16 (converted to UTF-8 while read). */
  utf16?: EncodageUtf16;
  encodageForce: boolean;
  /** The encoding forced contradicted by the file's first bytes (the first part only). */
  contradictionEncodage?: ContradictionEncodage;
  bom: boolean;
  remplacements: boolean;
  /** Windows-1252 read « ¤ » (byte A4, « € » in ISO-8859-15). */
  signeMonetaire?: boolean;
  /** Physical lines handled (header included for the first part). */
  lignesPhysiques: number;
  importees: number;
  vides: number;
  debit: number;
  credit: number;
  dateMin: number;
  dateMax: number;
  comptes: Map<string, SoldeCompte>;
  erreurs: LigneRejetee[];
  alertes: AlerteFec[];
  desequilibres: Map<string, { d: number; l: number; n: string }>;
  /** Distinct entries (JournalCode + EcritureNum) of the part. */
  entrees: ClesOctets;
  lignes?: EcritureFec[];
  /** The first line (local) whose amounts prove a decimal comma, a decimal dot; 0 when none. */
  preuves?: { virgule: number; point: number };
  /** Lines (local numbers) whose only fault is an ambiguous amount (« 12.000 »), read again by assemblerFec. */
  differees?: { lignes: number[]; octets: Uint8Array };
  /** The first ambiguous amounts this part read by the convention it was given (second reading): line, field, text. */
  resolus?: { ligne: number; champ: string; texte: string; cents: number }[];
  /** How many it read so in all. */
  nResolus?: number;
  /** Its line numbers are the file's already (the deferred lines read again), not local to the part. */
  numerosAbsolus?: boolean;
}

/**
 * Joins the parts of a file read in order (one part for a plain reading) into the final result, the deferred lines
 * aside (assemblerFec reads them first).
 */
export function assemblerParties(parties: PartielFec[]): ResultatFec {
  const p0 = parties[0];
  let decalage = 0;
  let importees = 0,
    vides = 0,
    debit = 0,
    credit = 0,
    dateMin = 99999999,
    dateMax = 0;
  const comptes = new Map<string, SoldeCompte>();
  const erreurs: LigneRejetee[] = [];
  const alertes: AlerteFec[] = [];
  const deseq = new Map<string, { d: number; l: number; n: string }>();
  let lignes: EcritureFec[] | undefined;
  let remplacements = false;
  let signeMonetaire = false;
  // Parts of one file may share an entry cut at their border (or listed again further on).
  const entrees = compterCles(parties.map((p) => p.entrees));
  for (const p of parties) {
    const total = decalage;
    if (p.numerosAbsolus) decalage = 0;
    importees += p.importees;
    vides += p.vides;
    debit += p.debit;
    credit += p.credit;
    dateMin = Math.min(dateMin, p.dateMin);
    dateMax = Math.max(dateMax, p.dateMax);
    remplacements ||= p.remplacements;
    signeMonetaire ||= p.signeMonetaire === true;
    for (const [k, v] of p.comptes) {
      // The part's line numbers are local to it (unless numerosAbsolus): the file's are the part's plus its offset.
      const ls = (v.lignes ?? []).map((l) => l + decalage);
      const c = comptes.get(k);
      if (c) {
        c.debit = cents(c.debit + v.debit);
        c.credit = cents(c.credit + v.credit);
        c.nombreLignes = (c.nombreLignes ?? 0) + (v.nombreLignes ?? 0);
        // The lines read again (numerosAbsolus) come last but may be earlier in the file: merged, the first kept.
        c.lignes = (c.lignes ?? [])
          .concat(ls)
          .sort((a, b) => a - b)
          .slice(0, LIGNES_PAR_COMPTE);
      } else
        comptes.set(k, {
          libelle: v.libelle,
          debit: cents(v.debit),
          credit: cents(v.credit),
          lignes: ls,
          nombreLignes: v.nombreLignes ?? 0,
        });
    }
    for (const e of p.erreurs)
      erreurs.push(
        decalage
          ? { ligne: e.ligne + decalage, message: e.message.replace(/^Ligne \d+/, `Ligne ${e.ligne + decalage}`) }
          : e,
      );
    for (const a of p.alertes) alertes.push(decalage && a.ligne ? { ...a, ligne: a.ligne + decalage } : a);
    for (const [k, v] of p.desequilibres) {
      const e = deseq.get(k);
      if (e) e.d += v.d;
      else deseq.set(k, { d: v.d, l: v.l + decalage, n: v.n });
    }
    if (p.lignes) {
      // The first part's lines are taken as they are (a million of them, copied, cost a second).
      if (!lignes && !decalage) lignes = p.lignes;
      else {
        lignes ??= [];
        for (const l of p.lignes) lignes.push(decalage ? { ...l, ligne: l.ligne + decalage } : l);
      }
    }
    decalage = total + p.lignesPhysiques;
  }
  for (const so of deseq.values()) {
    if (so.d !== 0) {
      alertes.push({
        ligne: so.l,
        ecritureNum: so.n,
        message: `Écriture ${so.n} déséquilibrée : débit − crédit = ${formatMontantFr(cents(so.d))}.`,
      });
    }
  }
  if (remplacements) {
    alertes.push({
      ligne: 0,
      message:
        "Octets invalides en UTF-8 : des caractères ont été remplacés par « � ». Essayez l'encodage Windows-1252.",
    });
  }
  const encodage = p0.utf16 ?? parties.find((p) => p.encodage && p.encodage !== "utf-8")?.encodage ?? "utf-8";
  if (signeMonetaire) alertes.push({ ligne: 0, message: ALERTE_SIGNE_MONETAIRE });
  if (p0.bom && p0.encodageForce && encodage !== "utf-8") {
    // The UTF-8 mark opens the file, yet another encoding was asked for: every accented letter reads « Ã© ».
    alertes.push({
      ligne: 0,
      message:
        `Le fichier commence par la marque UTF-8 (BOM) mais est lu en ${nomEncodage(encodage)} comme demandé : ses lettres ` +
        "accentuées deviennent « Ã© ». Essayez l'encodage UTF-8.",
    });
  }
  // Dates written AAAA-MM-JJ or JJ/MM/AAAA: each part said its first; the file's first is said once, for the file.
  const horsNorme = alertes.filter((a) => a.message.startsWith(PREFIXE_DATES_HORS_NORME));
  if (horsNorme.length) {
    const premiere = horsNorme.reduce((x, y) => (y.ligne < x.ligne ? y : x));
    for (let i = alertes.length - 1; i >= 0; i--)
      if (alertes[i].message.startsWith(PREFIXE_DATES_HORS_NORME)) alertes.splice(i, 1);
    alertes.push({ ligne: 0, message: alerteDatesHorsNorme(premiere) });
  }
  alertes.sort((a, b) => a.ligne - b.ligne);
  const classes = new Map<string, { debit: number; credit: number }>();
  for (const [k, v] of comptes) {
    const c = classes.get(k[0]);
    if (c) {
      c.debit += v.debit;
      c.credit += v.credit;
    } else classes.set(k[0], { debit: v.debit, credit: v.credit });
  }
  const parClasse = new Map<string, { debit: Cents; credit: Cents }>();
  for (const k of [...classes.keys()].sort())
    parClasse.set(k, { debit: cents(classes.get(k)!.debit), credit: cents(classes.get(k)!.credit) });
  const e = p0.entete;
  return {
    format: {
      type: "fec",
      separateur: e.separateur,
      encodage,
      encodageForce: p0.encodageForce,
      ...(p0.contradictionEncodage ? { contradictionEncodage: p0.contradictionEncodage } : {}),
      bom: p0.bom,
      montants: e.montants,
      colonnes: e.colonnes,
    },
    ecritures: importees,
    ecrituresDistinctes: entrees,
    lignesDonnees: importees + erreurs.length,
    lignesVides: vides,
    debit: cents(debit),
    credit: cents(credit),
    comptes,
    parClasse,
    erreurs,
    alertes,
    periode: importees ? { du: dateMin, au: dateMax } : undefined,
    lignes,
  };
}
