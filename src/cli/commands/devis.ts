import type { Constat } from "../../core/controles/constat";
import type { Conservation, Devis, Genre, TypeOeuvre } from "../../core/devis/model";
import { texteConservation } from "../../core/devis/feuilleControles";
import { structurerDevis } from "../../core/devis/structurer";
import { jsonTablesUtilisees, texteTablesUtilisees, type RegleUtilisee } from "../../core/regles/utilisees";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";
import { analyserArgs, choixArg, nombreArg, sortieXlsx } from "../args";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";

const USAGE =
  "prodbook devis <classeur.xlsx> [--feuille NOM] [--duree MINUTES] [--genre fiction|documentaire|animation|spectacle] " +
  "[--oeuvre cinema|audiovisuel] [--json] [-o sortie.xlsx] [--strict] [--date AAAA-MM-JJ]";
const GENRES = ["fiction", "documentaire", "animation", "spectacle"] as const;
const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook devis --json` (issue 2 §6). */
export function jsonDevis(devis: Devis, constats: Constat[], tables: readonly RegleUtilisee[] = []) {
  return {
    devis: {
      total: m(devis.total),
      lignes: devis.lignes.length,
      coutMinute: devis.coutMinute === undefined ? null : m(devis.coutMinute),
      chapitres: devis.chapitres.map((c) => ({ code: c.code, libelle: c.libelle, total: m(c.total) })),
      nonPlaces: devis.nonPlaces.map((n) => ({ cellule: n.cellule, montant: m(n.montant) })),
      conservation: jsonConservation(devis.conservation),
    },
    controles: constats.map((c) => ({
      regle: c.regle,
      gravite: c.gravite,
      message: c.message,
      cellule: c.cellule ?? null,
    })),
    tables: jsonTablesUtilisees(tables),
  };
}

/** `devis.conservation` (issue 10 §1): lu = lignes + totauxProuves + nonPlaces + listes + ecart, in euros. */
export function jsonConservation(c: Conservation | undefined) {
  if (!c) return null;
  return {
    lu: m(c.lu),
    lignes: m(c.lignes),
    totauxProuves: m(c.totauxProuves),
    nonPlaces: m(c.nonPlaces),
    listes: m(c.listes),
    ecart: m(c.ecart),
    colonne: c.colonne ?? null,
    cellules: c.cellules,
    nonComptees: c.nonComptees.map((n) => ({
      cellule: n.cellule,
      montant: n.montant === undefined ? null : m(n.montant),
      texte: n.texte,
      doublon: n.doublon ?? false,
    })),
  };
}

function texteDevis(devis: Devis, constats: Constat[], io: Io): void {
  const f = (c: Cents) => formatMontantFr(c).padStart(16);
  io.out(`Devis lu dans la feuille « ${devis.feuille} » : ${devis.lignes.length} ligne(s)`);
  for (const c of devis.chapitres)
    io.out(
      `  ${c.code.padEnd(4)} ${c.libelle.padEnd(34)} ${f(c.total)}  (${c.lignes} ligne${c.lignes > 1 ? "s" : ""})`,
    );
  io.out(`  ${"Coût hors frais (chapitres 1 à 9)".padEnd(39)} ${f(devis.totalHorsFrais)}`);
  io.out(`  ${"TOTAL".padEnd(39)} ${f(devis.total)}`);
  if (devis.coutMinute !== undefined)
    io.out(`  ${`Coût par minute (${devis.dureeMinutes} min)`.padEnd(39)} ${f(devis.coutMinute)}`);
  if (devis.nonPlaces.length) {
    io.out(`Montants non placés (hors total) :`);
    for (const n of devis.nonPlaces) io.out(`  ${n.cellule} « ${n.libelle} » ${formatMontantFr(n.montant)}`);
  }
  if (devis.conservation) io.out(texteConservation(devis.conservation));
  const n = (g: Constat["gravite"]) => constats.filter((c) => c.gravite === g).length;
  io.out(`Contrôles : ${n("erreur")} erreur(s), ${n("alerte")} alerte(s), ${n("info")} info(s)`);
  for (const c of constats) io.out(`  [${c.gravite}] ${c.regle} — ${c.message}`);
}

export const commande: Commande = {
  nom: "devis",
  resume:
    "Structure le devis d'un producteur (chapitres CNC, totaux, contrôles) ; -o écrit Devis, Synthèse et Contrôles",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(
      args,
      {
        feuille: { type: "string" },
        duree: { type: "string" },
        genre: { type: "string" },
        oeuvre: { type: "string" },
        json: { type: "boolean" },
        o: { type: "string", short: "o" },
        sortie: { type: "string" },
        strict: { type: "boolean" },
        date: { type: "string" },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`Indiquez un classeur .xlsx.\nUsage : ${USAGE}`);
    const fichier = positionals[0];
    const dureeMinutes = nombreArg(values.duree as string | undefined, "--duree", { min: 0 });
    if (dureeMinutes === 0) throw new CliError("L'option --duree attend une durée en minutes supérieure à 0.");
    const genre = choixArg(values.genre as string | undefined, "--genre", GENRES) as Genre | undefined;
    const typeOeuvre = choixArg(values.oeuvre as string | undefined, "--oeuvre", ["cinema", "audiovisuel"] as const) as
      TypeOeuvre | undefined;
    const date = values.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new CliError(`L'option --date attend une date AAAA-MM-JJ, reçu « ${date} ».`);
    const sortie = (values.o ?? values.sortie) as string | undefined;
    sortieXlsx(sortie);
    let wb: XlsxWorkbook;
    let r;
    try {
      wb = await XlsxWorkbook.ouvrir(fichier);
      r = await structurerDevis(wb, {
        feuille: values.feuille as string | undefined,
        genre,
        dureeMinutes,
        typeOeuvre,
        date,
        ecrire: sortie !== undefined,
      });
    } catch (e) {
      throw erreurFichier(e, fichier);
    }
    if (sortie !== undefined) {
      await enregistrerSortie(wb, sortie);
    }
    if (values.json) ecrireJson(io, jsonDevis(r.devis, r.constats, r.tables));
    else {
      texteDevis(r.devis, r.constats, io);
      for (const l of texteTablesUtilisees(r.tables)) io.out(l);
      if (sortie !== undefined)
        io.out(`Écrit : ${sortie} (feuilles ${r.feuillesEcrites.map((f) => `« ${f} »`).join(", ")})`);
    }
    // Findings are the result, not a failure: exit 0 unless --strict asks for 1 on « erreur » findings.
    return values.strict && r.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
  },
};
