import Papa from "papaparse";
import type { CellSpec, SheetData, SheetSpec } from "../port/workbook";
import { validerTable, versionEnVigueur, type VersionRegle } from "../regles/table";
import { dateEnLettres, normaliser } from "../util/texte";
import brut from "../regles/data/correspondances-pcg.json";
import { ErreurDonnees } from "../erreurs";
import type { Constat } from "../controles/constat";
import { regleUtilisee, type RegleUtilisee } from "../regles/utilisees";

/**
 * Account → devis poste mapping: a prefix of the account number ("6411") or an analytic section
 * ("section:TOURNAGE") points to a poste, a chapter code ("2") or a line code ("2.3").
 * The longest matching prefix wins; a section, when the ledger line has one, wins over the account.
 */
export interface Correspondance {
  type: "compte" | "section";
  /** Account prefix (digits) or section code. */
  cle: string;
  poste: string;
  libelle?: string;
  /** Where it was read: CSV line or sheet row (1-based). */
  ligne?: number;
  /**
   * Where it was read, as a message names it: « corr.csv, ligne 3 », « Correspondances!A5 », « Correspondance n° 2 »
   * (a list edited in the pane).
   */
  ou?: string;
}

export interface TableCorrespondances {
  comptes: Correspondance[];
  sections: Correspondance[];
  /** Where the default came from, when it is the default. */
  source?: { id: string; effetDu: string; confiance: string; note?: string };
}

export class CorrespondancesError extends ErreurDonnees {}

const POSTE = /^[0-9A-Za-z]+([.-][0-9A-Za-z]+)*$/;
const PREFIXE_SECTION = /^section\s*:\s*/i;
/**
 * The start of an account number: the first three characters of a CompteNum are digits of the French chart of
 * accounts (LPF art. A47 A-1, 5th field), letters may follow (« 6411A »). « abc » or « 64A » starts no account.
 */
const DEBUT_COMPTE = /^(\d{1,2}|\d{3}[0-9A-Za-z]*)$/;

/** The poste of a ledger line, or undefined when nothing maps it. */
export function posteDe(t: TableCorrespondances, compte: string, section?: string): string | undefined {
  if (section) {
    const s = plusLongPrefixe(t.sections, section.trim().toUpperCase(), (c) => c.cle.toUpperCase());
    if (s) return s.poste;
  }
  return plusLongPrefixe(t.comptes, compte.trim(), (c) => c.cle)?.poste;
}

function plusLongPrefixe(
  cs: Correspondance[],
  cle: string,
  k: (c: Correspondance) => string,
): Correspondance | undefined {
  let best: Correspondance | undefined;
  for (const c of cs) {
    const p = k(c);
    if (cle.startsWith(p) && (!best || p.length > k(best).length)) best = c;
  }
  return best;
}

interface ValeursPcg {
  correspondances: { compte: string; poste: string; libelle: string }[];
}

const TABLE_PCG = validerTable<ValeursPcg>(brut, "correspondances-pcg.json");

function versionPcg(date: string): VersionRegle<ValeursPcg> {
  return versionEnVigueur(TABLE_PCG, date) ?? TABLE_PCG.versions[TABLE_PCG.versions.length - 1];
}

/**
 * The version of the default table a réalisé was computed with, for the same date as correspondancesParDefaut: the
 * `tables` of `prodbook ecarts` (and « Règles appliquées ») when neither a file nor the workbook's sheet gave them.
 */
export function regleCorrespondancesParDefaut(date = new Date().toISOString().slice(0, 10)): RegleUtilisee {
  return regleUtilisee(TABLE_PCG.id, versionPcg(date));
}

/**
 * The one place that decides whether the default PCG table mapped a réalisé, for écarts and the bilan carbone, the CLI
 * and the pane: its version when the correspondances used are that table, untouched (their `source`: set by
 * correspondancesParDefaut, dropped by a file, the workbook's « Correspondances » sheet and the pane's edits); none
 * otherwise.
 */
export function tablesCorrespondances(source: TableCorrespondances["source"]): RegleUtilisee[] {
  return source?.id === TABLE_PCG.id ? [regleCorrespondancesParDefaut(source.effetDu)] : [];
}

/** The default PCG class 6 table (dated, sourced data), for the given ISO date (today by default). */
export function correspondancesParDefaut(date = new Date().toISOString().slice(0, 10)): TableCorrespondances {
  const v = versionPcg(date);
  return {
    comptes: v.valeurs.correspondances.map((c) => ({
      type: "compte",
      cle: c.compte,
      poste: c.poste,
      libelle: c.libelle,
    })),
    sections: [],
    source: { id: TABLE_PCG.id, effetDu: v.effetDu, confiance: v.confiance, note: v.note },
  };
}

/** Adds one row; `ou` names the place for error messages ("ligne 4" / "Correspondances!A4"). */
function ajouter(
  t: TableCorrespondances,
  cle: string,
  poste: string,
  libelle: string | undefined,
  ligne: number,
  ou: string,
): void {
  const section = PREFIXE_SECTION.test(cle);
  const k = section ? cle.replace(PREFIXE_SECTION, "").trim() : cle.replace(/\s+/g, "");
  if (!k) throw new CorrespondancesError(`${ou} : compte (ou section) vide.`);
  if (!section && !DEBUT_COMPTE.test(k))
    throw new CorrespondancesError(
      `${ou} : « ${cle} » n'est pas un début de numéro de compte (ex. 6411) ni « section:CODE ».`,
    );
  if (!poste) throw new CorrespondancesError(`${ou} : poste vide pour « ${cle} ».`);
  if (!POSTE.test(poste))
    throw new CorrespondancesError(
      `${ou} : poste « ${poste} » invalide (attendu un code de chapitre « 2 » ou de ligne « 2.3 »).`,
    );
  const liste = section ? t.sections : t.comptes;
  const double = liste.find((c) => c.cle.toUpperCase() === k.toUpperCase());
  if (double)
    throw new CorrespondancesError(
      `${ou} : « ${k} » figure déjà ligne ${double.ligne} (un préfixe ne peut aller qu'à un poste).`,
    );
  liste.push({ type: section ? "section" : "compte", cle: k, poste, libelle: libelle || undefined, ligne, ou });
}

/**
 * A table edited in the task pane, checked row by row as a CSV or sheet would be (an empty poste, a bad
 * prefix or a duplicate is refused with the row's number instead of silently mapping accounts to nothing).
 */
export function validerCorrespondances(t: TableCorrespondances): TableCorrespondances {
  const v: TableCorrespondances = { comptes: [], sections: [], source: t.source };
  [...t.comptes, ...t.sections].forEach((c, i) =>
    ajouter(
      v,
      c.type === "section" ? `section:${c.cle.trim()}` : c.cle,
      c.poste.trim(),
      c.libelle,
      // A row read from a file or sheet keeps its place there; a row of the pane's list is named by its rank.
      c.ou ? (c.ligne ?? i + 1) : i + 1,
      c.ou ?? `Correspondance n° ${i + 1}`,
    ),
  );
  return v;
}

/** A faulty row of an edited list: `rang` is its index in the list (0-based). */
export interface ProblemeCorrespondance {
  rang: number;
  /** erreur: the row is left out of the calculation; alerte: used, but its poste is not in the devis. */
  gravite: "erreur" | "alerte";
  message: string;
}

/**
 * An edited list checked row by row, without stopping at the first faulty one: the rows that can be used (a
 * table for the calculation) and the faulty ones with the message `validerCorrespondances` would give (bad
 * prefix, empty or invalid poste, duplicate). With `postes` (the devis's chapter and line codes), a poste that is
 * none of them is an alerte: its réalisé shows apart, as « Poste … (absent du devis) ». With `comptes`, so is a
 * user's account prefix that starts none of the ledger's accounts.
 */
export function trierCorrespondances(
  lignes: readonly Correspondance[],
  postes?: ReadonlySet<string>,
  /** The loaded ledger's accounts: a user's prefix that starts none of them is an alerte (constatsPrefixesSansCompte). */
  comptes?: Iterable<string>,
  /** With `comptes`, the ledger's analytic sections (sectionsDuGrandLivre): a section row matching none is an alerte. */
  sections?: ReadonlySet<string>,
): { table: TableCorrespondances; problemes: ProblemeCorrespondance[] } {
  const table: TableCorrespondances = { comptes: [], sections: [] };
  const problemes: ProblemeCorrespondance[] = [];
  const connus = postes && new Set([...postes].map((p) => p.toUpperCase()));
  lignes.forEach((c, i) => {
    const ou = `Correspondance n° ${i + 1}`;
    try {
      ajouter(table, c.type === "section" ? `section:${c.cle.trim()}` : c.cle, c.poste.trim(), c.libelle, i + 1, ou);
    } catch (e) {
      if (!(e instanceof CorrespondancesError)) throw e;
      problemes.push({ rang: i, gravite: "erreur", message: e.message });
      return;
    }
    const poste = c.poste.trim();
    if (connus && !connus.has(poste.toUpperCase()))
      problemes.push({
        rang: i,
        gravite: "alerte",
        message: `${ou} : le poste « ${poste} » n'est ni un chapitre ni une ligne du devis ; son réalisé est montré à part.`,
      });
  });
  if (comptes)
    for (const c of prefixesSansCompte(table, comptes))
      problemes.push({ rang: (c.ligne ?? 1) - 1, gravite: "alerte", message: messageSansCompte(c, c.ou ?? "") });
  if (sections)
    for (const c of sectionsSansLigne(table, sections))
      problemes.push({
        rang: (c.ligne ?? 1) - 1,
        gravite: "alerte",
        message: messageSansSection(c, c.ou ?? "", sections),
      });
  problemes.sort((a, b) => a.rang - b.rang);
  return { table, problemes };
}

/** The rows of a `;` CSV read by papaparse, each with its physical line (a quoted field may span lines). */
function lignesCsv(texte: string, nomFichier: string): { champs: string[]; ligne: number }[] {
  const t = texte.replace(/^\ufeff/, "");
  const out: { champs: string[]; ligne: number }[] = [];
  let curseur = 0;
  let courante = 1;
  Papa.parse<string[]>(t, {
    delimiter: ";",
    skipEmptyLines: false,
    step: (res) => {
      const e = res.errors.find((x) => x.code === "MissingQuotes" || x.code === "InvalidQuotes");
      if (e)
        throw new CorrespondancesError(
          `${nomFichier}, ligne ${courante} : guillemet non fermé ou mal placé (un champ entre guillemets doit se ` +
            `terminer par un guillemet ; un guillemet dans le champ s'écrit « "" »).`,
        );
      out.push({ champs: res.data, ligne: courante });
      for (let k = curseur; k < res.meta.cursor; k++) {
        const ch = t.charCodeAt(k);
        if (ch === 10 || (ch === 13 && t.charCodeAt(k + 1) !== 10)) courante++;
      }
      curseur = res.meta.cursor;
    },
  });
  return out;
}

/** What a correspondances CSV's header may name its third column (read as the libellé); any other name is ignored. */
const LIBELLES = new Set(["libelle", "intitule", "designation", "label"]);

/**
 * CSV `compte;poste` (optional third column libelle), UTF-8, `;` separator, read by papaparse: a quoted field may
 * hold a `;`, a quote (« "" ») or a line break. Errors name the line.
 */
export function lireCorrespondancesCsv(texte: string, nomFichier = "correspondances.csv"): TableCorrespondances {
  return lireFichierCorrespondances(texte, nomFichier).table;
}

/**
 * The same reading, with what the file holds that is not read: a column of the header other than compte, poste and
 * libellé (« commentaire »…), and a line with more fields than the header (most often a libellé holding an unquoted
 * « ; », cut there). Both are alertes naming the file, the line and the column or the text left out: the table is
 * used, the user is told what it leaves aside. A missing compte or poste column stays an error.
 */
export function lireFichierCorrespondances(
  texte: string,
  nomFichier = "correspondances.csv",
): { table: TableCorrespondances; alertes: Constat[] } {
  const lignes = lignesCsv(texte, nomFichier).filter((l) => l.champs.some((c) => c.trim() !== ""));
  const t: TableCorrespondances = { comptes: [], sections: [] };
  const alertes: Constat[] = [];
  const alerte = (message: string) => alertes.push({ regle: "correspondances-colonnes", gravite: "alerte", message });
  if (!lignes.length)
    throw new CorrespondancesError(`${nomFichier} : fichier vide (attendu l'en-tête « compte;poste »).`);
  const [entete, ...donnees] = lignes;
  const noms = entete.champs.map((c) => normaliser(c));
  if (noms[0] !== "compte" || noms[1] !== "poste") {
    throw new CorrespondancesError(
      `${nomFichier}, ligne ${entete.ligne} : en-tête « ${entete.champs.join(";").trim()} » inattendu ; attendu ` +
        `« compte;poste » (séparateur point-virgule).`,
    );
  }
  // The third column is the libellé when the header calls it so (or leaves it blank); named otherwise, it is ignored.
  const avecLibelle = noms.length < 3 || noms[2] === "" || LIBELLES.has(noms[2]);
  const ignorees = entete.champs
    .map((nom, i) => ({ nom: nom.trim(), i }))
    .filter(({ nom, i }) => nom !== "" && i >= 2 && !(i === 2 && avecLibelle));
  if (ignorees.length)
    alerte(
      `${nomFichier}, ligne ${entete.ligne} : ${ignorees.length > 1 ? "colonnes" : "colonne"} ` +
        `${ignorees.map((c) => `« ${c.nom} » (${lettreColonne(c.i)})`).join(", ")} ignorée${ignorees.length > 1 ? "s" : ""} ; ` +
        `seules « compte », « poste » et « libellé » sont lues.`,
    );
  // Fields beyond the header (and beyond the libellé when the header has two columns) are text left out.
  const largeur = Math.max(noms.length, 3);
  for (const { champs, ligne } of donnees) {
    if (champs[0].trim().startsWith("#")) continue;
    const c = champs.map((x) => x.trim());
    const ou = `${nomFichier}, ligne ${ligne}`;
    if (c.length < 2)
      throw new CorrespondancesError(`${ou} : « ${c.join(";")} » n'a pas deux colonnes séparées par « ; ».`);
    ajouter(t, c[0], c[1], avecLibelle ? c[2] : undefined, ligne, ou);
    const enTrop = c.slice(largeur).filter((x) => x !== "");
    if (enTrop.length)
      alerte(
        `${ou} : ${c.length} champs pour ${compteColonnes(noms.length)} dans l'en-tête ; « ${enTrop.join(";")} » ` +
          `ignoré (colonne ${lettreColonne(largeur)}${c.length > largeur + 1 ? " et suivantes" : ""}). Un libellé ` +
          `qui contient « ; » s'écrit entre guillemets.`,
      );
  }
  // A header alone (an export cut short, the wrong file) would leave every account without poste: the whole réalisé
  // « non affecté » without a word of why.
  if (!t.comptes.length && !t.sections.length)
    throw new CorrespondancesError(
      `${nomFichier} : aucune correspondance sous l'en-tête (ligne ${entete.ligne}) ; attendu une ligne ` +
        `« compte;poste » par préfixe de compte (« 641;2 »).`,
    );
  return { table: t, alertes };
}

/** The spreadsheet letter of a 0-based column (A, B, … Z, AA): how Excel shows the CSV it opens. */
function lettreColonne(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : lettreColonne(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

const compteColonnes = (n: number) => `${n} ${n > 1 ? "colonnes" : "colonne"}`;

/** The table as the CSV `lireCorrespondancesCsv` reads (papaparse quotes a libellé holding `;`, `"` or a line break). */
export function ecrireCorrespondancesCsv(t: TableCorrespondances): string {
  const rows = [...t.comptes, ...t.sections].map((c) => [
    `${c.type === "section" ? "section:" : ""}${c.cle}`,
    c.poste,
    c.libelle ?? "",
  ]);
  return Papa.unparse({ fields: ["compte", "poste", "libelle"], data: rows }, { delimiter: ";", newline: "\n" }) + "\n";
}

export const FEUILLE_CORRESPONDANCES = "Correspondances";
const ENTETES = ["Compte (préfixe) ou section:CODE", "Poste", "Libellé"];

/** The editable « Correspondances » sheet: one mapping per row, read back by lireFeuilleCorrespondances. */
export function feuilleCorrespondances(t: TableCorrespondances, nom = FEUILLE_CORRESPONDANCES): SheetSpec {
  const rows: CellSpec[][] = [ENTETES.slice()];
  for (const c of [...t.comptes, ...t.sections])
    rows.push([c.type === "section" ? `section:${c.cle}` : c.cle, c.poste, c.libelle ?? null]);
  const n = rows.length;
  const note = t.source
    ? `Table par défaut ${t.source.id} du ${dateEnLettres(t.source.effetDu)} (confiance ${t.source.confiance}, ` +
      `à vérifier) : adaptez-la à votre plan de comptes.`
    : null;
  rows.push([]);
  rows.push([
    "Le préfixe le plus long l'emporte ; une section analytique l'emporte sur le compte. Relancez le rapprochement après modification.",
  ]);
  if (note) rows.push([note]);
  return {
    name: nom,
    rows,
    columns: [{ width: 30, numFmt: "@" }, { width: 10, numFmt: "@" }, { width: 60 }],
    tables: [{ name: "tblCorrespondances", range: `A1:C${Math.max(2, n)}`, style: "TableStyleLight9" }],
    formats: [{ range: `A${n + 2}:A${n + 3}`, italic: true }],
    freeze: { rows: 1 },
    tabColor: "#7F6000",
  };
}

/** Reads the user's (possibly edited) « Correspondances » sheet; errors name the cell. */
export function lireFeuilleCorrespondances(sheet: SheetData): TableCorrespondances {
  const t: TableCorrespondances = { comptes: [], sections: [] };
  const val = (r: number, c: number) => {
    const v = sheet.rows[r]?.[c]?.v;
    return v === null || v === undefined ? "" : String(v).trim();
  };
  const r0 = sheet.rows.findIndex((row) => row.some((c) => typeof c.v === "string" && normaliser(c.v) === "poste"));
  if (r0 < 0) throw new CorrespondancesError(`Feuille « ${sheet.name} » : colonne « Poste » introuvable.`);
  const cP = sheet.rows[r0].findIndex((c) => typeof c.v === "string" && normaliser(c.v) === "poste");
  const cC = cP > 0 ? cP - 1 : 0;
  for (let r = r0 + 1; r < sheet.rows.length; r++) {
    const cle = val(r, cC);
    const poste = val(r, cP);
    if (!cle && !poste) break; // the notes below the table
    ajouter(t, cle, poste, val(r, cP + 1), r + 1, `${sheet.name}!${lettreColonne(cC)}${r + 1}`);
  }
  return t;
}

/**
 * The user's account prefixes that start no account of the ledger read (« 0641 » typed for « 641 », « 6999 »): each
 * an alerte naming where it was read (CSV line, sheet cell, row of the pane's list) and the key, as the correspondance
 * maps nothing. Not for the default PCG table (its generic prefixes need not all occur in one ledger), nor for a row
 * of a list or sheet that is one of its rows untouched. Computed from the ledger's accounts once read (`comptes`).
 */
export function constatsPrefixesSansCompte(t: TableCorrespondances, comptes: Iterable<string>): Constat[] {
  return prefixesSansCompte(t, comptes).map((c) => ({
    regle: "correspondance-sans-compte",
    gravite: "alerte" as const,
    message: messageSansCompte(c, c.ou ?? (c.ligne ? `Correspondance n° ${c.ligne}` : "Correspondance")),
  }));
}

/**
 * The user's section rows (`section:X`) whose code starts no analytic section of the ledger read (posteDe matches a
 * section by prefix, case aside): each an alerte naming where it was read and the key, as the correspondance maps
 * nothing — a FEC has no section at all. `sections`: the ledger's lines' sections (sectionsDuGrandLivre).
 */
export function constatsSectionsSansLigne(t: TableCorrespondances, sections: ReadonlySet<string>): Constat[] {
  return sectionsSansLigne(t, sections).map((c) => ({
    regle: "correspondance-sans-section",
    gravite: "alerte" as const,
    message: messageSansSection(c, c.ou ?? (c.ligne ? `Correspondance n° ${c.ligne}` : "Correspondance"), sections),
  }));
}

/** The analytic sections of a ledger's kept lines, upper case (none for a FEC, or when the lines are not kept). */
export function sectionsDuGrandLivre(lignes: readonly { section?: string }[] | undefined): Set<string> {
  const s = new Set<string>();
  for (const l of lignes ?? []) if (l.section) s.add(l.section.trim().toUpperCase());
  return s;
}

const messageSansSection = (c: Correspondance, ou: string, sections: ReadonlySet<string>) =>
  `${ou} : ${
    sections.size
      ? `aucune section analytique du grand livre ne commence par « ${c.cle} »`
      : "le grand livre n'a aucune section analytique (un FEC n'en a pas)"
  } ; la correspondance section:${c.cle} → ${c.poste} n'affecte aucune ligne.`;

function sectionsSansLigne(t: TableCorrespondances, sections: ReadonlySet<string>): Correspondance[] {
  if (t.source) return [];
  return t.sections.filter((c) => {
    const k = c.cle.trim().toUpperCase();
    for (const s of sections) if (s.startsWith(k)) return false;
    return true;
  });
}

const messageSansCompte = (c: Correspondance, ou: string) =>
  `${ou} : aucun compte du grand livre ne commence par « ${c.cle} » ; la correspondance ${c.cle} → ${c.poste} ` +
  `n'affecte aucune ligne.`;

/** The user's account rows (not the default table's) whose prefix starts none of `comptes`. */
function prefixesSansCompte(t: TableCorrespondances, comptes: Iterable<string>): Correspondance[] {
  if (t.source) return [];
  const defaut = new Set(correspondancesParDefaut().comptes.map((c) => `${c.cle}\u0000${c.poste}`));
  const aVerifier = t.comptes.filter((c) => !defaut.has(`${c.cle}\u0000${c.poste}`));
  if (!aVerifier.length) return [];
  const restants = new Set(aVerifier.map((c) => c.cle));
  for (const compte of comptes) {
    for (const cle of restants) if (compte.startsWith(cle)) restants.delete(cle);
    if (!restants.size) break;
  }
  return aVerifier.filter((c) => restants.has(c.cle));
}
