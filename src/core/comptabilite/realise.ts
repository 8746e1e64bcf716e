import type { Constat, OrigineFec } from "../controles/constat";
import { milliers, pluriel } from "../util/texte";
import { cents, sumCents, type Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import { LIGNES_PAR_COMPTE, type ResultatFec } from "./fec/types";
import {
  constatsPrefixesSansCompte,
  constatsSectionsSansLigne,
  posteDe,
  sectionsDuGrandLivre,
  type TableCorrespondances,
} from "./correspondances";
import { texteDoublon } from "./fec/doublons";
import { texteAlerteFec, texteMontantsNegatifs } from "./fec/alerte";

export interface CompteNonAffecte {
  compte: string;
  libelle: string;
  total: Cents;
  /** Its first lines placed in no poste (physical numbers, ascending, at most LIGNES_PAR_COMPTE), when known. */
  lignes?: number[];
  /** How many lines of it are placed in no poste. */
  nombreLignes?: number;
}

export interface Realise {
  /** Σ(debit − credit) of the class-6 lines mapped to each poste (a refund reduces it). */
  parPoste: Map<string, Cents>;
  /** Class-6 accounts that map nowhere, with their net total, by account number. */
  nonAffectes: CompteNonAffecte[];
  totalNonAffecte: Cents;
  /** Net total of class 6 (debit − credit). */
  classe6: Cents;
  affecte: Cents;
  /** classe6 = affecte + totalNonAffecte. */
  conserve: boolean;
  constats: Constat[];
  /** Where every line of the file went: read = attributed + placed in no poste + ignored (with the reason). */
  lignes: BilanLignes;
}

/**
 * Every line after the header, accounted for: `lues` = `affectees` + `sansPoste` + `ignorees`, and `ignorees` =
 * `horsClasse6` (imported lines of other classes: counterparts, suppliers, bank…) + `rejetees` (refused by the reader,
 * each with its number and reason) + `vides` (blank lines).
 */
export interface BilanLignes {
  lues: number;
  /** Class-6 lines mapped to a poste. */
  affectees: number;
  /** Class-6 lines mapped to no poste (« Comptes sans poste »). */
  sansPoste: number;
  ignorees: number;
  horsClasse6: number;
  rejetees: number;
  vides: number;
  /** The counts add up (lues = affectees + sansPoste + ignorees, and the accounts' lines = the lines imported). */
  conserve: boolean;
}

/**
 * Réalisé per poste from the ledger. With kept lines (which may carry an analytic section) each line is mapped;
 * otherwise the per-account totals are enough (a FEC has no section).
 */
export function calculerRealise(fec: ResultatFec, t: TableCorrespondances): Realise {
  const parPoste = new Map<string, number>();
  const non = new Map<string, { libelle: string; total: number; lignes: number[]; nombreLignes: number }>();
  let classe6 = 0;
  // Lines of class 6 mapped to a poste or to none (counted per account, or per line with sections).
  let lignesAffectees = 0;
  let lignesSansPoste = 0;
  // The lines of the money placed in no poste, when it is placed line by line (with sections).
  const lignesNon: number[] = [];
  let nombreLignesNon = 0;
  const imputer = (compte: string, libelle: string, net: number, section?: string, ligne?: number, nombre = 1) => {
    classe6 += net;
    const p = posteDe(t, compte, section);
    if (p !== undefined) {
      parPoste.set(p, (parPoste.get(p) ?? 0) + net);
      lignesAffectees += nombre;
    } else {
      lignesSansPoste += nombre;
      if (ligne !== undefined && nombreLignesNon++ < LIGNES_PAR_COMPTE) lignesNon.push(ligne);
      let n = non.get(compte);
      if (n) n.total += net;
      else non.set(compte, (n = { libelle, total: net, lignes: [], nombreLignes: 0 }));
      if (ligne !== undefined && n.nombreLignes++ < LIGNES_PAR_COMPTE) n.lignes.push(ligne);
    }
  };
  const avecSections = fec.lignes?.some((l) => l.section);
  const avecLignes = fec.lignes !== undefined && avecSections === true;
  if (fec.lignes && avecSections) {
    for (const l of fec.lignes)
      if (l.compte.startsWith("6")) imputer(l.compte, l.compteLib, l.debit - l.credit, l.section, l.ligne);
  } else {
    for (const [compte, s] of fec.comptes)
      if (compte.startsWith("6"))
        imputer(compte, s.libelle, s.debit - s.credit, undefined, undefined, s.nombreLignes ?? 0);
  }
  const lignes = bilanLignes(fec, lignesAffectees, lignesSansPoste);
  const nonAffectes = [...non]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([compte, v]): CompteNonAffecte => {
      // Line by line (sections): the lines placed in no poste; else the account's first lines, which the reader keeps.
      const s = avecLignes ? v : fec.comptes.get(compte);
      return {
        compte,
        libelle: v.libelle,
        total: cents(v.total),
        ...(s?.lignes && s.nombreLignes ? { lignes: s.lignes, nombreLignes: s.nombreLignes } : {}),
      };
    });
  const totalNonAffecte = nonAffectes.reduce((s, c) => s + c.total, 0);
  const affecte = [...parPoste.values()].reduce((s, v) => s + v, 0);
  // Independent figure: the reader's class-6 totals.
  const c6 = fec.parClasse.get("6");
  const classe6Lue = c6 ? c6.debit - c6.credit : 0;
  const constats: Constat[] = [];
  const conserve = classe6 === classe6Lue && classe6Lue === affecte + totalNonAffecte;
  if (!conserve) {
    constats.push({
      regle: "conservation-classe-6",
      gravite: "erreur",
      message:
        `Classe 6 nette ${formatMontantFr(cents(classe6Lue))} ≠ affecté ` +
        `${formatMontantFr(cents(affecte))} + non affecté ${formatMontantFr(cents(totalNonAffecte))}.`,
    });
  }
  // After the read, from the accounts seen: the user's prefixes that start none of them map nothing.
  constats.push(...constatsPrefixesSansCompte(t, fec.comptes.keys()));
  // And the user's section rows that start none of the ledger's sections (a FEC has none).
  if (t.sections.length) constats.push(...constatsSectionsSansLigne(t, sectionsDuGrandLivre(fec.lignes)));
  const document = fec.format.type === "fec" ? "du FEC" : "du grand livre";
  if (!lignes.conserve) {
    // Never expected: a line neither attributed, nor without poste, nor ignored with its reason would be money lost.
    constats.push({
      regle: "conservation-lignes",
      gravite: "erreur",
      message:
        `Lignes ${document} : ${milliers(lignes.lues)} lues ≠ ${milliers(lignes.affectees)} affectées + ` +
        `${milliers(lignes.sansPoste)} sans poste + ${milliers(lignes.ignorees)} ignorées (${milliers(fec.ecritures)} importées).`,
    });
  }
  if (fec.erreurs.length) {
    // Lines the reader refused carry money the réalisé cannot include: named, never dropped silently.
    const n = fec.erreurs.length;
    const origine: OrigineFec = {
      lignes: fec.erreurs
        .map((e) => e.ligne)
        .sort((a, b) => a - b)
        .slice(0, LIGNES_PAR_COMPTE),
      nombreLignes: n,
      comptes: [],
    };
    const pl = n >= 2 ? "s" : "";
    constats.push({
      regle: "lignes-fec-rejetees",
      gravite: "erreur",
      message:
        `${pluriel(n, "ligne")} du grand livre rejetée${pl} à la lecture, absente${pl} du réalisé : ` +
        `${citerLignes(origine, document, false)}. ${fec.erreurs
          .slice(0, 3)
          .map((e) => e.message)
          .join(" ")}${n > 3 ? " …" : ""} Corrigez l'export comptable puis relancez le rapprochement.`,
      fec: origine,
    });
  }
  if (fec.doublons) {
    // Entries listed twice (two exports appended): the réalisé counts them twice, as the file does. Which copy to
    // drop is the accountant's call, never guessed: an error naming both listings.
    const d = fec.doublons;
    const cites = d.ecritures.slice(0, 3);
    const lignesDoublons = d.ecritures.flatMap((e) => {
      const ls: number[] = [];
      for (let k = e.lignes.du; k <= e.lignes.au && ls.length < LIGNES_PAR_COMPTE; k++) ls.push(k);
      return ls;
    });
    constats.push({
      regle: "fec-ecritures-en-double",
      gravite: "erreur",
      message:
        `${pluriel(d.nombre, "écriture")} ${document} en double (mêmes journal, numéro, date et lignes), ` +
        `${d.nombre > 1 ? "comptées" : "comptée"} deux fois dans le réalisé : ${formatMontantFr(d.debit)} au débit ` +
        `en trop. ${cites.map((e) => texteDoublon(e)).join(" ; ")}${d.nombre > cites.length ? " …" : ""}. ` +
        `Deux exports mis bout à bout ? Retirez la copie de l'export comptable puis relancez le rapprochement.`,
      fec: {
        lignes: lignesDoublons.sort((a, b) => a - b).slice(0, LIGNES_PAR_COMPTE),
        nombreLignes: d.nombreLignes,
        comptes: [],
      },
    });
  }
  if (fec.entetesRepetes?.length) {
    const ls = fec.entetesRepetes;
    constats.push({
      regle: "fec-entete-repete",
      gravite: "alerte",
      message:
        `En-tête ${document} répété ${ls.length > 1 ? `lignes ${ls.slice(0, -1).join(", ")} et ${ls[ls.length - 1]}` : `ligne ${ls[0]}`} ` +
        `(deux exports mis bout à bout ?) : ni importé ni rejeté ; les lignes qui suivent sont lues comme les autres.`,
      fec: { lignes: ls.slice(0, LIGNES_PAR_COMPTE), nombreLignes: ls.length, comptes: [] },
    });
  }
  if (fec.desequilibres?.length) {
    // Entries whose debit is not their credit: the réalisé is read as the file writes it, from a ledger that does not
    // balance (a line lost in the export?). Said here as the fec command says it, never left to its alertes alone.
    const ds = fec.desequilibres;
    // The differences in absolute value: two entries at +100 and −100 are 200 € of imbalance, never « 0,00 € ».
    const ecart = sumCents(ds.map((d) => cents(Math.abs(d.ecart))));
    const cites = ds.slice(0, 3);
    constats.push({
      regle: "fec-ecritures-desequilibrees",
      gravite: "alerte",
      message:
        `${pluriel(ds.length, "écriture")} ${document} ${ds.length > 1 ? "déséquilibrées" : "déséquilibrée"} ` +
        `(débit ≠ crédit, ${formatMontantFr(ecart)} d'écarts en valeur absolue) : ` +
        `${cites
          .map(
            (d) =>
              `${nomEcriture(d.journal, d.ecritureNum)} (ligne ${d.ligne}) débit − crédit = ${formatMontantFr(d.ecart)}`,
          )
          .join(" ; ")}${ds.length > cites.length ? " …" : ""}. Le réalisé est lu tel que le fichier l'écrit : ` +
        `vérifiez l'export comptable (une ligne manquante ?) puis relancez le rapprochement.`,
      fec: {
        lignes: ds.map((d) => d.ligne).slice(0, LIGNES_PAR_COMPTE),
        nombreLignes: ds.length,
        comptes: [],
      },
    });
  }
  // The reader's other alertes at a line (a norm column missing from the header, line 1; a line repaired by joining
  // a separator back into a label): told by their line, neither a repeated header, nor an entry listed twice, nor an
  // unbalanced one (each said above). One finding citing the first three, never dropped because ecarts has no other.
  // Those said above are told apart by their kind, never by line and number: a repaired line may start an unbalanced
  // entry, and the repair must not be the one taken out.
  const autres = fec.alertes.filter((a) => a.ligne > 0 && a.nature === undefined);
  if (autres.length) {
    const cites = autres.slice(0, 3);
    constats.push({
      regle: "grand-livre-fichier",
      gravite: "alerte",
      message:
        `${cites.map((a) => texteAlerteFec(a)).join(" ")}` +
        (autres.length > cites.length
          ? ` … et ${pluriel(autres.length - cites.length, "autre alerte", "autres alertes")} ${document}.`
          : ""),
      fec: {
        lignes: autres.map((a) => a.ligne).slice(0, LIGNES_PAR_COMPTE),
        nombreLignes: autres.length,
        comptes: [],
      },
    });
  }
  // What the reader says of the whole file (line 0): bytes the encoding could not read (a Windows-1252 file read as
  // UTF-8, whose labels are written into the sheets with « � »), quotes left open. A finding, never left aside.
  for (const a of fec.alertes.filter((x) => x.ligne === 0)) {
    constats.push({ regle: "grand-livre-fichier", gravite: "alerte", message: a.message });
  }
  if (fec.montantsNegatifs) {
    // Negative debits or credits (« -12,00 », « (12,00) »): read as written, the réalisé takes them so. Information
    // for the accountant (a reversal written as a negative?), with the lines; the amounts are never changed.
    const m = fec.montantsNegatifs;
    constats.push({
      regle: "fec-montants-negatifs",
      gravite: "info",
      message: texteMontantsNegatifs(m, document),
      fec: { lignes: m.lignes, nombreLignes: m.nombre, comptes: [] },
    });
  }
  if (![...fec.comptes.keys()].some((c) => c.startsWith("6"))) {
    // A header-only export, or the wrong period or journal: every réalisé would read 0 without a word.
    // No line imported at all (header only, or every line rejected): the réalisé is read from no line, said so.
    const n = fec.erreurs.length;
    constats.push({
      regle: "grand-livre-sans-charges",
      gravite: "alerte",
      message:
        fec.ecritures === 0
          ? `Aucune ligne ${document} n'est lue (${
              n ? `${pluriel(n, "ligne")} ${n >= 2 ? "rejetées" : "rejetée"}, aucune importée` : "en-tête seul"
            }) : le réalisé n'est lu d'aucune ligne, il vaut ${formatMontantFr(cents(0))} partout sans rien prouver. ` +
            "Vérifiez le fichier exporté et sa période."
          : "Le grand livre ne contient aucune ligne de charges (comptes de classe 6) : le réalisé est nul partout. " +
            "Vérifiez le fichier exporté et sa période.",
    });
  }
  if (nonAffectes.length) {
    // Their lines: by line with sections (an account may be mapped in one section and not in another), else from
    // each account's first lines, which the reader keeps.
    const parCompte = nonAffectes.map((c) => fec.comptes.get(c.compte));
    const origine: OrigineFec =
      fec.lignes && avecSections
        ? { lignes: lignesNon, nombreLignes: nombreLignesNon, comptes: nonAffectes.map((c) => c.compte) }
        : {
            lignes: parCompte
              .flatMap((s) => s?.lignes ?? [])
              .sort((a, b) => a - b)
              .slice(0, LIGNES_PAR_COMPTE),
            nombreLignes: parCompte.reduce((n, s) => n + (s?.nombreLignes ?? 0), 0),
            comptes: nonAffectes.map((c) => c.compte),
          };
    constats.push({
      regle: "comptes-non-affectes",
      gravite: "alerte",
      message: `${pluriel(nonAffectes.length, "compte")} de classe 6 sans poste (${formatMontantFr(cents(totalNonAffecte))}) : ${nonAffectes
        .slice(0, 8)
        .map((c) => c.compte)
        .join(", ")}${nonAffectes.length > 8 ? "…" : ""}${
        origine.nombreLignes ? ` (${citerLignes(origine, document)})` : ""
      }. Complétez les correspondances.`,
      fec: origine,
    });
  }
  return {
    parPoste: new Map([...parPoste].map(([k, v]) => [k, cents(v)])),
    nonAffectes,
    totalNonAffecte: cents(totalNonAffecte),
    classe6: cents(classe6Lue),
    affecte: cents(affecte),
    conserve,
    constats,
    lignes,
  };
}

/** The lines' account: the class-6 counts from the mapping, the rest from the reader's counts, checked against each other. */
function bilanLignes(fec: ResultatFec, affectees: number, sansPoste: number): BilanLignes {
  let horsClasse6 = 0;
  let classe6 = 0;
  for (const [compte, s] of fec.comptes)
    if (compte.startsWith("6")) classe6 += s.nombreLignes ?? 0;
    else horsClasse6 += s.nombreLignes ?? 0;
  const rejetees = fec.erreurs.length;
  const vides = fec.lignesVides;
  const lues = fec.lignesDonnees + vides;
  const ignorees = horsClasse6 + rejetees + vides;
  const conserve =
    affectees + sansPoste === classe6 &&
    classe6 + horsClasse6 === fec.ecritures &&
    fec.ecritures + rejetees === fec.lignesDonnees &&
    lues === affectees + sansPoste + ignorees;
  return { lues, affectees, sansPoste, ignorees, horsClasse6, rejetees, vides, conserve };
}

/** « écriture ACH 12 »; without number « écriture du journal ACH sans EcritureNum » (outside the norm, read). */
function nomEcriture(journal: string, num: string): string {
  if (!num) return `écriture du journal ${journal || "sans code"} sans EcritureNum`;
  return journal ? `écriture ${journal} ${num}` : `écriture ${num} (journal sans code)`;
}

/**
 * An account's lines in a short list line (`prodbook ecarts`, « sans poste »): « ligne 12 », « lignes 12 et 48 »,
 * « lignes 12, 48 et 97 », « lignes 12, 48, 97… (23 lignes) » — the first `max` lines, then how many in all.
 */
export function lignesEnBref(lignes: readonly number[], nombre: number, max = 3): string {
  if (nombre === 1 && lignes.length) return `ligne ${lignes[0]}`;
  if (nombre <= max && lignes.length === nombre)
    return `lignes ${lignes.slice(0, -1).join(", ")} et ${lignes[lignes.length - 1]}`;
  return `lignes ${lignes.slice(0, max).join(", ")}… (${pluriel(nombre, "ligne")})`;
}

/**
 * « ligne 12 du FEC », « lignes 12, 57 et 98 du FEC »; more than are cited: « 41 lignes du FEC : 12, 57, 98… », the
 * count said once, without a parenthesis inside the finding's own (`avecNombre`), or « lignes 12, 57, 98… du FEC »
 * when the sentence has already counted them.
 */
function citerLignes(o: OrigineFec, document: string, avecNombre = true): string {
  const n = o.nombreLignes;
  if (n === 1) return `ligne ${o.lignes[0]} ${document}`;
  if (n === o.lignes.length)
    return `lignes ${o.lignes.slice(0, -1).join(", ")} et ${o.lignes[o.lignes.length - 1]} ${document}`;
  return avecNombre
    ? `${pluriel(n, "ligne")} ${document} : ${o.lignes.join(", ")}…`
    : `lignes ${o.lignes.join(", ")}… ${document}`;
}
