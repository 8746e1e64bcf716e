import * as os from "os";
import { commandesVersions, type ResumeVersion } from "../../app/commandes/versions";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import type { Comparaison } from "../../core/versions/comparer";
import { VersionExistanteError, type LigneVersion } from "../../core/versions/modele";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";
import { analyserArgs, sortieXlsx } from "../args";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";

const USAGE_ENREGISTRER =
  "prodbook versions enregistrer <classeur.xlsx> --nom NOM -o sortie.xlsx [--auteur NOM] [--date AAAA-MM-JJ] " +
  "[--remplacer] [--masquer | --afficher] [--feuille NOM] [--json]";
const USAGE_LISTER = "prodbook versions lister <classeur.xlsx> [--json]";
const USAGE_COMPARER =
  "prodbook versions comparer <classeur.xlsx> --de NOM --a NOM|courant [--json] [-o sortie.xlsx] [--feuille NOM]";
const USAGE = `${USAGE_ENREGISTRER}\n       ${USAGE_LISTER}\n       ${USAGE_COMPARER}`;

const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON of a listed version. */
export function jsonVersion(v: ResumeVersion) {
  return { nom: v.nom, date: v.date, auteur: v.auteur, lignes: v.lignes, total: m(v.total) };
}

function dateArg(d: string | undefined): string | undefined {
  if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d))
    throw new CliError(`L'option --date attend une date AAAA-MM-JJ, reçu « ${d} ».`);
  return d;
}

function auteurParDefaut(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? "";
  }
}

async function ouvrir(fichier: string): Promise<XlsxWorkbook> {
  try {
    return await XlsxWorkbook.ouvrir(fichier);
  } catch (e) {
    throw erreurFichier(e, fichier);
  }
}

function unClasseur(positionals: string[], usage: string): string {
  if (positionals.length !== 1) throw new CliError(`Indiquez un classeur .xlsx.\nUsage : ${usage}`);
  return positionals[0];
}

async function enregistrer(args: string[], io: Io): Promise<number> {
  const { values, positionals } = analyserArgs(
    args,
    {
      nom: { type: "string" },
      auteur: { type: "string" },
      date: { type: "string" },
      remplacer: { type: "boolean" },
      masquer: { type: "boolean" },
      afficher: { type: "boolean" },
      feuille: { type: "string" },
      json: { type: "boolean" },
      o: { type: "string", short: "o" },
      sortie: { type: "string" },
    },
    USAGE_ENREGISTRER,
  );
  const fichier = unClasseur(positionals, USAGE_ENREGISTRER);
  const nom = values.nom as string | undefined;
  if (nom === undefined) throw new CliError(`Indiquez le nom de la version (--nom).\nUsage : ${USAGE_ENREGISTRER}`);
  const sortie = sortieXlsx((values.o ?? values.sortie) as string | undefined);
  if (sortie === undefined)
    throw new CliError(`Indiquez le classeur à écrire (-o sortie.xlsx).\nUsage : ${USAGE_ENREGISTRER}`);
  if (values.masquer && values.afficher) throw new CliError("Choisissez --masquer ou --afficher, pas les deux.");
  const date = dateArg(values.date as string | undefined);
  const wb = await ouvrir(fichier);
  let r;
  try {
    r = await commandesVersions.enregistrerVersion(wb, {
      nom,
      auteur: (values.auteur as string | undefined) ?? auteurParDefaut(),
      date,
      remplacer: values.remplacer as boolean | undefined,
      masquer: values.masquer ? true : values.afficher ? false : undefined,
      feuille: values.feuille as string | undefined,
    });
  } catch (e) {
    if (e instanceof VersionExistanteError)
      throw new CliError(
        `Une version « ${e.nom} » existe déjà dans ${fichier} : ajoutez --remplacer pour la remplacer (rien n'a été écrit).`,
      );
    throw erreurFichier(e, fichier);
  }
  await enregistrerSortie(wb, sortie);
  if (values.json)
    ecrireJson(io, { version: jsonVersion(r.version), remplacee: r.remplacee, feuille: r.feuille, sortie });
  else
    io.out(
      `Version « ${r.version.nom} » ${r.remplacee ? "remplacée" : "enregistrée"} : ${r.version.lignes} ligne(s), total ` +
        `${formatMontantFr(r.version.total)} (${r.version.date}${r.version.auteur ? `, ${r.version.auteur}` : ""}).\n` +
        `Écrit : ${sortie} (feuille « ${r.feuille} », ${r.versions.length} version(s)).`,
    );
  return 0;
}

async function lister(args: string[], io: Io): Promise<number> {
  const { values, positionals } = analyserArgs(args, { json: { type: "boolean" } }, USAGE_LISTER);
  const fichier = unClasseur(positionals, USAGE_LISTER);
  const wb = await ouvrir(fichier);
  let r;
  try {
    r = await commandesVersions.listerVersions(wb, {});
  } catch (e) {
    throw erreurFichier(e, fichier);
  }
  if (values.json) ecrireJson(io, { versions: r.versions.map(jsonVersion) });
  else if (!r.versions.length) io.out("Aucune version enregistrée dans ce classeur.");
  else {
    const w = Math.max(7, ...r.versions.map((v) => v.nom.length));
    io.out(`${"Version".padEnd(w)}  Date        Auteur          Lignes            Total`);
    for (const v of r.versions)
      io.out(
        `${v.nom.padEnd(w)}  ${v.date.padEnd(10)}  ${v.auteur.padEnd(14)}  ${String(v.lignes).padStart(6)}  ` +
          `${formatMontantFr(v.total).padStart(15)}`,
      );
  }
  return 0;
}

/** The public JSON contract of `prodbook versions comparer --json` (issue 14 §1). */
export function jsonComparaison(c: Comparaison) {
  const n = (x: Cents | undefined) => (x === undefined ? null : m(x));
  return {
    de: c.de,
    a: c.a,
    total: { de: m(c.total.de), a: m(c.total.a), delta: m(c.total.delta) },
    chapitres: c.chapitres.map((ch) => ({
      code: ch.code,
      de: m(ch.de),
      a: m(ch.a),
      delta: m(ch.delta),
      libelle: ch.libelle,
    })),
    lignes: c.lignes
      .filter((l) => l.statut !== "inchangee")
      .map((l) => {
        const ref = (l.a ?? l.de) as LigneVersion;
        return {
          statut: l.statut,
          code: ref.code ?? null,
          libelle: ref.libelle,
          de: n(l.de?.montant),
          a: n(l.a?.montant),
          delta: m(l.delta),
          cellule: ref.cellule,
          chapitre: l.chapitre,
          ancienLibelle: l.renommee && l.de ? l.de.libelle : null,
          effetQuantite: n(l.effetQuantite),
        };
      }),
  };
}

const STATUT: Record<string, string> = { ajoutee: "ajoutée", supprimee: "supprimée", modifiee: "modifiée" };

async function comparerCmd(args: string[], io: Io): Promise<number> {
  const { values, positionals } = analyserArgs(
    args,
    {
      de: { type: "string" },
      a: { type: "string" },
      json: { type: "boolean" },
      feuille: { type: "string" },
      o: { type: "string", short: "o" },
      sortie: { type: "string" },
    },
    USAGE_COMPARER,
  );
  const fichier = unClasseur(positionals, USAGE_COMPARER);
  if (values.de === undefined || values.a === undefined)
    throw new CliError(`Indiquez les deux versions à comparer (--de et --a).\nUsage : ${USAGE_COMPARER}`);
  const sortie = sortieXlsx((values.o ?? values.sortie) as string | undefined);
  const wb = await ouvrir(fichier);
  let r;
  try {
    r = await commandesVersions.comparerVersions(wb, {
      de: values.de as string,
      a: values.a as string,
      feuille: values.feuille as string | undefined,
      ecrire: sortie !== undefined,
    });
  } catch (e) {
    throw erreurFichier(e, fichier);
  }
  if (sortie !== undefined) await enregistrerSortie(wb, sortie);
  const c = r.comparaison;
  if (values.json) ecrireJson(io, jsonComparaison(c));
  else {
    const f = (x: Cents) => formatMontantFr(x).padStart(15);
    const signe = (x: Cents) => (x > 0 ? "+" : "") + formatMontantFr(x);
    io.out(`Comparaison « ${c.de} » → « ${c.a === "courant" ? "devis actuel" : c.a} » (écart = à − de)`);
    io.out(`  ${"Chapitre".padEnd(40)} ${"De".padStart(15)} ${"À".padStart(15)} ${"Écart".padStart(15)}`);
    for (const ch of c.chapitres)
      io.out(`  ${`${ch.code} ${ch.libelle}`.padEnd(40)} ${f(ch.de)} ${f(ch.a)} ${f(ch.delta)}`);
    io.out(`  ${"TOTAL".padEnd(40)} ${f(c.total.de)} ${f(c.total.a)} ${f(c.total.delta)}`);
    const changees = c.lignes.filter((l) => l.statut !== "inchangee");
    io.out(changees.length ? `Lignes changées (${changees.length}) :` : "Aucune ligne changée.");
    for (const l of changees) {
      const ref = (l.a ?? l.de) as LigneVersion;
      const nom = l.renommee && l.de ? `« ${l.de.libelle} » → « ${ref.libelle} »` : `« ${ref.libelle} »`;
      io.out(`  ${STATUT[l.statut].padEnd(9)} ${(ref.code ?? "").padEnd(6)} ${nom} ${signe(l.delta)} (${ref.cellule})`);
    }
    if (sortie !== undefined)
      io.out(
        `Écrit : ${sortie} (feuille « ${r.feuille} »${r.commentaires ? `, ${r.commentaires} commentaire(s) conservé(s)` : ""}` +
          `${r.realise ? ", réalisé de la feuille Écarts" : ""}).`,
      );
  }
  return 0;
}

const SOUS_COMMANDES: Record<string, (args: string[], io: Io) => Promise<number>> = {
  enregistrer,
  lister,
  comparer: comparerCmd,
};

export const commande: Commande = {
  nom: "versions",
  resume:
    "Versions du devis : enregistre le devis structuré sous un nom, liste les versions, compare deux versions ou le devis actuel",
  usage: USAGE,
  async executer(args, io) {
    const [sous, ...reste] = args;
    const f = sous === undefined ? undefined : SOUS_COMMANDES[sous];
    if (!f)
      throw new CliError(
        `${sous === undefined ? "Indiquez une action" : `Action inconnue « ${sous} »`} : enregistrer, lister ou comparer.\n` +
          `Usage : ${USAGE}`,
      );
    return f(reste, io);
  },
};
