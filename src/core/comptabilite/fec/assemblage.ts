import { cents, type Cents } from "../../money/cents";
import { formatMontantFr } from "../../money/format";
import { milliers } from "../../util/texte";
import { ALERTE_SIGNE_MONETAIRE, type EncodageFec } from "./decodage";
import type { ContradictionEncodage, EncodageUtf16 } from "./detection";
import type { PageCode8Bits } from "./pagesCodes";
import { nomEncodage } from "./nomEncodage";
import { compterClesSuivies, type ClesOctets } from "./cle";
import { texteDoublon, trouverDoublons, type RunsFec } from "./doublons";
import type { FormeDate } from "./champs";
import type { EnteteFec } from "./entete";
import {
  LIGNES_PAR_COMPTE,
  type AlerteFec,
  type EcritureDesequilibree,
  type EcritureFec,
  type LigneRejetee,
  type MontantsNegatifs,
  type ResultatFec,
  type SoldeCompte,
} from "./types";

/** The file-wide alert of dates written AAAA-MM-JJ or JJ/MM/AAAA, read as written, naming the first line. */
function alerteDatesHorsNorme(d: DateHorsNorme): string {
  return (
    `Dates écrites ${d.forme} au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne ${d.ligne} ` +
    `(${d.champ} ${d.texte}) : lues comme écrites${d.forme === "JJ/MM/AAAA" ? ", le jour avant le mois" : ""}. Corrigez l'export ` +
    `comptable pour un FEC conforme.`
  );
}

/**
 * A « � » (U+FFFD) written in the file as a valid character: no byte is invalid, the text was damaged before (a program
 * that could not read a letter wrote « � » in its place). Said at its first line; the line is read as it is.
 */
export const ALERTE_CARACTERE_REMPLACEMENT =
  "Caractère de remplacement « � » présent dans le fichier (le texte a déjà été abîmé par un logiciel précédent, " +
  "qui ne savait pas lire une lettre) : la ligne est lue telle quelle. Corrigez le libellé à la source si besoin.";

/** A UTF-16 file of an odd number of bytes: cut short (or a byte added); its last byte is not read. */
export function alerteUtf16Impair(e: EncodageUtf16, octets: number): string {
  return (
    `Le fichier ${nomEncodage(e)} a un nombre impair d'octets (${milliers(octets)}) : son dernier octet ne forme pas ` +
    "un caractère et n'est pas lu. Le fichier semble tronqué (copie ou export interrompu) : vérifiez sa dernière " +
    "ligne ou demandez un nouvel export."
  );
}

/** A part's first date written in another form than AAAAMMJJ: its line (local to the part), form, field and text. */
export interface DateHorsNorme {
  ligne: number;
  forme: FormeDate;
  champ: string;
  texte: string;
}

/** The alerte of a header line met again (two exports appended), at its line. */
export function alerteEnteteRepete(ligne: number): AlerteFec {
  return {
    ligne,
    nature: "entete-repete",
    message:
      "En-tête du FEC répété (deux exports mis bout à bout ?) : ligne ni importée ni rejetée. Les écritures qui " +
      "suivent sont lues comme les autres ; celles déjà lues plus haut sont signalées en double.",
  };
}

/** What one reader (a whole file or one part of it) found; `assemblerFec` makes the final result. */
export interface PartielFec {
  entete: EnteteFec;
  encodage?: EncodageFec;
  /** The file was UTF-16 (converted to UTF-8 while read). */
  utf16?: EncodageUtf16;
  /** The file was EBCDIC or CP850 (converted to UTF-8 by table while read; `encodage` is then the UTF-8 read). */
  page8Bits?: PageCode8Bits;
  encodageForce: boolean;
  /** The encoding forced contradicted by the file's first bytes (the first part only). */
  contradictionEncodage?: ContradictionEncodage;
  bom: boolean;
  /** Bytes read as UTF-8 that are not UTF-8 (each read « � »). */
  remplacements: boolean;
  /** The part's first line (local) holding a « � » of valid bytes: text damaged before the file was written. */
  ligneRemplacement?: number;
  /** A UTF-16 file holding a lone surrogate (invalid UTF-16, read « � »). */
  utf16Invalide?: boolean;
  /** A UTF-16 file of an odd number of bytes (this number): its last byte is no character (a file cut short). */
  utf16Impair?: number;
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
  /** The part's first date written in another form than AAAAMMJJ (said once for the file by assemblerParties). */
  dateHorsNorme?: DateHorsNorme;
  /** Lines repeating the header (local numbers). */
  entetesRepetes?: number[];
  desequilibres: Map<string, { d: number; l: number; n: string }>;
  /** Lines with a negative debit or credit (local numbers, the first LIGNES_PAR_COMPTE), when any. */
  negatifs?: MontantsNegatifs;
  /** Distinct entries (JournalCode + EcritureNum) of the part. */
  entrees: ClesOctets;
  /** Entries of the part met again, not next to their first lines (EnsembleCles.repetitions). */
  repetitions?: number;
  /** Its runs of lines of one entry (local numbers, blocks in order), for the entries listed twice. */
  runs?: RunsFec[];
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
  let nombreNegatifs = 0;
  const lignesNegatives: number[] = [];
  let lignes: EcritureFec[] | undefined;
  let remplacements = false;
  let ligneRemplacement: number | undefined;
  let signeMonetaire = false;
  // Parts of one file may share an entry cut at their border (or listed again further on).
  const { nombre: entrees, suivies } = compterClesSuivies(parties.map((p) => p.entrees));
  const entetesRepetes: number[] = [];
  let horsNorme: DateHorsNorme | undefined;
  const runs: { runs?: RunsFec[]; octets: Uint8Array; decalage: number }[] = [];
  for (const p of parties) {
    const total = decalage;
    if (p.numerosAbsolus) decalage = 0;
    for (const l of p.entetesRepetes ?? []) entetesRepetes.push(l + decalage);
    if (p.dateHorsNorme && (!horsNorme || p.dateHorsNorme.ligne + decalage < horsNorme.ligne))
      horsNorme = { ...p.dateHorsNorme, ligne: p.dateHorsNorme.ligne + decalage };
    runs.push({ runs: p.runs, octets: p.entrees.octets, decalage });
    importees += p.importees;
    vides += p.vides;
    debit += p.debit;
    credit += p.credit;
    dateMin = Math.min(dateMin, p.dateMin);
    dateMax = Math.max(dateMax, p.dateMax);
    remplacements ||= p.remplacements;
    // A part read again (numerosAbsolus: the deferred lines) was met by the first reading already.
    if (p.ligneRemplacement !== undefined && !p.numerosAbsolus) {
      const l = p.ligneRemplacement + decalage;
      if (ligneRemplacement === undefined || l < ligneRemplacement) ligneRemplacement = l;
    }
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
    if (p.negatifs) {
      nombreNegatifs += p.negatifs.nombre;
      for (const l of p.negatifs.lignes) lignesNegatives.push(l + decalage);
    }
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
  const desequilibres: EcritureDesequilibree[] = [];
  for (const [k, so] of deseq) {
    if (so.d !== 0) {
      desequilibres.push({
        journal: k.slice(0, k.indexOf("\u0000")),
        ecritureNum: so.n,
        ligne: so.l,
        ecart: cents(so.d),
      });
      const journal = k.slice(0, k.indexOf("\u0000")).trim();
      alertes.push({
        ligne: so.l,
        ecritureNum: so.n,
        nature: "desequilibre",
        // Named by journal and number (one EcritureNum may be used in several journals: « Écriture OD 0 »), as ecarts's
        // finding names it. An empty EcritureNum (outside the norm, read all the same) is said so, never
        // « Écriture  déséquilibrée »; an empty JournalCode too.
        message:
          `Écriture ${
            so.n
              ? journal
                ? `${journal} ${so.n}`
                : `${so.n} (journal sans code)`
              : `du journal ${journal || "sans code"} sans EcritureNum`
          } ` + `déséquilibrée : débit − crédit = ${formatMontantFr(cents(so.d))}.`,
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
  if (p0.utf16Impair !== undefined) alertes.push({ ligne: 0, message: alerteUtf16Impair(p0.utf16!, p0.utf16Impair) });
  if (p0.utf16Invalide)
    alertes.push({
      ligne: ligneRemplacement ?? 0,
      message:
        `Caractère invalide en ${nomEncodage(p0.utf16!)} (demi-caractère isolé), remplacé par « � » : le fichier est ` +
        "abîmé à cet endroit. Demandez un nouvel export au cabinet comptable.",
    });
  else if (ligneRemplacement !== undefined)
    alertes.push({ ligne: ligneRemplacement, message: ALERTE_CARACTERE_REMPLACEMENT });
  const encodage =
    p0.utf16 ?? p0.page8Bits ?? parties.find((p) => p.encodage && p.encodage !== "utf-8")?.encodage ?? "utf-8";
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
  // Dates written AAAA-MM-JJ or JJ/MM/AAAA: each part noted its first; the file's first is said once, for the file.
  if (horsNorme) alertes.push({ ligne: 0, message: alerteDatesHorsNorme(horsNorme) });
  entetesRepetes.sort((a, b) => a - b);
  for (const l of entetesRepetes) alertes.push(alerteEnteteRepete(l));
  // Entries listed twice: looked for only when a key came back (in a part, or across parts not proved apart).
  const doublons =
    parties.some((p) => p.repetitions) || !suivies
      ? trouverDoublons(runs, parties.find((p) => p.encodage)?.encodage, entetesRepetes)
      : undefined;
  for (const d of doublons?.doublons ?? [])
    alertes.push({
      ligne: d.lignes.du,
      ecritureNum: d.ecritureNum,
      nature: "doublon",
      message:
        `Écriture en double (mêmes journal, numéro, date et lignes) : ${texteDoublon(d)} ; comptée deux fois ` +
        `dans les totaux.`,
    });
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
    ...(entetesRepetes.length ? { entetesRepetes } : {}),
    ...(desequilibres.length ? { desequilibres: desequilibres.sort((a, b) => a.ligne - b.ligne) } : {}),
    ...(nombreNegatifs
      ? {
          montantsNegatifs: {
            nombre: nombreNegatifs,
            lignes: lignesNegatives.sort((a, b) => a - b).slice(0, LIGNES_PAR_COMPTE),
          },
        }
      : {}),
    ...(doublons?.nombre
      ? {
          doublons: {
            nombre: doublons.nombre,
            debit: doublons.debit,
            nombreLignes: doublons.nombreLignes,
            ecritures: doublons.doublons,
          },
        }
      : {}),
  };
}
