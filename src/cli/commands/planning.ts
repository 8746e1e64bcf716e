import { pluriel } from "../../core/util/texte";
import type { Constat } from "../../core/controles/constat";
import { centsToDecimalString } from "../../core/money";
import { GENRES, type TypeOeuvre } from "../../core/devis/model";
import { ZONES, type Zone } from "../../core/planning/calendrier";
import { etatProposition, quantiteEnUnite, type PropositionQuantite } from "../../core/planning/quantitesDevis";
import { dateEnLettres, dateFr, nomJour } from "../../core/planning/dates";
import { planifier, type OptionsPlanningPane, type ResultatPlanning } from "../../app/commandes/planning";
import { JOURS_MAX, verifierEntier } from "../../app/arguments";
import { choixArg, dureeArg, jsonDuree, nombreArg, origineDureeArg, texteDuree, texteDureesAmbigues } from "../args";
import { CliError, type Io } from "../io";
import { CONTROLE_CLASSEUR, definirCommande } from "../runner";
import { ligneConstat, texteRegles } from "../constats";
import { jsonTablesUtilisees } from "../../core/regles/utilisees";

const USAGE =
  "prodbook planning <classeur.xlsx> [--feuille NOM] [--livraison AAAA-MM-JJ | --debut AAAA-MM-JJ] [--zone metropole|alsace-moselle] " +
  "[--service AAAA-MM-JJ] [--genre fiction|documentaire|animation|spectacle [--duree MINUTES] [--tournage JOURS]] " +
  "[--oeuvre cinema|audiovisuel] [--json] [-o " +
  "sortie.xlsx] [--strict]";

/** The public JSON contract of `prodbook planning --json` (issue 6 §5). */
export function jsonPlanning(r: ResultatPlanning) {
  return {
    etapes: (r.planning?.etapes ?? []).map((e) => ({
      nom: e.nom,
      debut: e.debut,
      fin: e.fin,
      joursOuvres: e.joursOuvres,
      marge: e.marge,
      critique: e.critique,
    })),
    controles: r.controles.map((c: Constat) => ({
      regle: c.regle,
      gravite: c.gravite,
      message: c.message,
      cellule: c.cellule ?? null,
    })),
    // Added after the others: the duration that sized the default steps (--genre) and where it comes from; the
    // durations the workbook writes when none was taken.
    ...jsonDuree(r.duree?.minutes, r.duree?.origine, r.dureesAmbigues),
    // Added (December 2026), what the text prints: the plan's first and last day (ISO, null without steps), the
    // critical path (the steps whose marge is 0, in plan order), the devis quantities proposed from the plan de
    // travail (nothing changed without validation), amounts as "1234.56".
    debut: r.planning?.debut ?? null,
    fin: r.planning?.fin ?? null,
    cheminCritique: r.planning?.cheminCritique ?? [],
    propositions: r.propositions.map((q) => ({
      ligneId: q.ligneId,
      libelle: q.libelle,
      cellule: q.cellule ?? null,
      fonction: q.fonction,
      personnes: q.personnes,
      joursPersonne: q.joursPersonne,
      unite: q.unite,
      ancienneQuantite: q.ancienneQuantite ?? null,
      nouvelleQuantite: q.nouvelleQuantite,
      ancienMontant: centsToDecimalString(q.ancienMontant),
      nouveauMontant: q.nouveauMontant === undefined ? null : centsToDecimalString(q.nouveauMontant),
      // Added (December 2026): whether an earlier « Appliquer » wrote the line in Prodbook's Devis sheet —
      // « proposee » (never), « appliquee » (with this quantity), « a-mettre-a-jour » (with `quantiteAppliquee`,
      // another since the plan changed); `quantiteAppliquee` null when never applied.
      etat: etatProposition(q),
      quantiteAppliquee: q.quantiteAppliquee ?? null,
    })),
    // Added: the rule tables the planning used (default post-production steps, working time and Sunday/holiday
    // majorations on the plan de travail's days), same shape as credit-impot / devis / financement / carbone / ecarts.
    tables: jsonTablesUtilisees(r.tables),
    // Added (December 2026): the delivery date (PAD) the rétroplanning ends on and where it comes from: « option »
    // (--livraison) or « classeur » (written in the steps sheet, `cellule`); null for a planning forward (--debut) or
    // none computed.
    livraison: r.livraison
      ? {
          date: r.livraison.date,
          origine: r.livraison.origine === "feuille" ? ("classeur" as const) : ("option" as const),
          cellule: r.livraison.origine === "feuille" ? r.livraison.cellule : null,
        }
      : null,
  };
}

/**
 * What Prodbook's Devis sheet holds for a proposal when it is not the producer's quantity (an earlier « Appliquer »,
 * or a `devis -o` before the producer changed it), in the pane's words and units: « » when nothing.
 */
function texteEtat(q: PropositionQuantite): string {
  const etat = etatProposition(q);
  if (etat === "appliquee") return " — appliquée dans la feuille Devis de Prodbook";
  if (etat === "a-mettre-a-jour")
    return (
      ` — à mettre à jour (feuille Devis de Prodbook : ${quantiteEnUnite(q.quantiteAppliquee!, q.unite)} → ` +
      `${quantiteEnUnite(q.nouvelleQuantite, q.unite)})`
    );
  return "";
}

function texte(r: ResultatPlanning, io: Io): void {
  const p = r.planning;
  if (p) {
    io.out(
      `${p.mode === "retro" ? "Rétroplanning" : "Planning"} du ${dateEnLettres(p.debut)} au ${dateEnLettres(p.fin)} (` +
        `${pluriel(p.etapes.length, "étape")}, jours ouvrés, zone ${p.zone === "alsace-moselle" ? "Alsace-Moselle" : "Métropole"})`,
    );
    // The delivery date and where it comes from (the steps sheet's cell, the option).
    if (r.livraison)
      io.out(
        `  Livraison (PAD) : ${nomJour(r.livraison.date)} ${dateEnLettres(r.livraison.date)} (` +
          (r.livraison.origine === "feuille"
            ? `lue dans la feuille « ${r.livraison.feuille} », cellule ${r.livraison.cellule})`
            : "date saisie avec l'option --livraison)"),
      );
    // The duration that sized the default steps, and where it comes from (the devis title's cell, the option).
    if (r.duree) io.out(`  ${texteDuree(r.duree.minutes, r.duree.origine)}`);
    else if (r.dureesAmbigues) io.out(`  ${texteDureesAmbigues(r.dureesAmbigues)}`);
    const w = Math.max(5, ...p.etapes.map((e) => e.nom.length));
    io.out(`  ${"Étape".padEnd(w)}  Début       Fin         Jours  Marge`);
    for (const e of p.etapes) {
      io.out(
        `  ${e.nom.padEnd(w)}  ${dateFr(e.debut)}  ${dateFr(e.fin)}  ${String(e.joursOuvres).padStart(5)}  ` +
          `${String(e.marge).padStart(5)}${e.critique ? "  critique" : ""}`,
      );
    }
    io.out(`Chemin critique : ${p.cheminCritique.join(" → ")}`);
  }
  if (r.plan)
    io.out(`Plan de travail « ${r.plan.feuille} » : ${pluriel(r.plan.vacations.length, "journée")} de travail.`);
  for (const c of r.controles) io.out(ligneConstat(c, "  ", true));
  if (r.propositions.length) {
    io.out("Quantités du devis proposées d'après le plan de travail (rien n'est modifié sans validation) :");
    for (const q of r.propositions)
      io.out(
        `  ${q.cellule ?? q.ligneId} « ${q.libelle} » : ${q.ancienneQuantite ?? "—"} → ${q.nouvelleQuantite} (` +
          `${pluriel(q.joursPersonne, "jour-personne", "jours-personne")}, ${q.fonction})${texteEtat(q)}`,
      );
  }
  for (const l of texteRegles(r.tables)) io.out(l);
}

export const commande = definirCommande({
  nom: "planning",
  resume:
    "Rétroplanning depuis la livraison (jours ouvrés, fériés), chemin critique ; contrôles du plan de travail ; -o écrit les feuilles",
  usage: USAGE,
  ...CONTROLE_CLASSEUR,
  options: {
    feuille: { type: "string" },
    livraison: { type: "string" },
    debut: { type: "string" },
    zone: { type: "string" },
    service: { type: "string" },
    genre: { type: "string" },
    duree: { type: "string" },
    tournage: { type: "string" },
    oeuvre: { type: "string" },
  },
  champs: {
    dureeMinutes: "--duree",
    joursTournage: "--tournage",
    livraison: "--livraison",
    debut: "--debut",
    feuilleDeService: "--service",
    typeOeuvre: "--oeuvre",
  },
  verifier(v, { sortie }): OptionsPlanningPane {
    if (v.service !== undefined && sortie === undefined)
      throw new CliError("L'option --service écrit la feuille de service : indiquez aussi -o sortie.xlsx.");
    // An option error, named by its options (as financement's --devis and --cout), not the workbook's.
    if (v.livraison !== undefined && v.debut !== undefined)
      throw new CliError(
        "Les options --livraison et --debut s'excluent : le planning part soit de la livraison (à rebours), soit du " +
          "début.",
      );
    const genre = choixArg(v.genre, "--genre", GENRES);
    const dureeMinutes = dureeArg(v.duree);
    const joursTournage = nombreArg(v.tournage, "--tournage", { min: 1 });
    // The app's check (the pane's alike), before the workbook is opened; named by its option through `champs`.
    verifierEntier(joursTournage, "joursTournage", 1, "jours", { max: JOURS_MAX, recu: v.tournage });
    if ((dureeMinutes !== undefined || joursTournage !== undefined) && !genre)
      throw new CliError(
        "Les options --duree et --tournage accompagnent --genre (étapes de post-production par défaut).",
      );
    return {
      feuille: v.feuille,
      livraison: v.livraison,
      debut: v.debut,
      zone: choixArg(v.zone, "--zone", ZONES) as Zone | undefined,
      feuilleDeService: v.service,
      modele: genre ? { genre, dureeMinutes, joursTournage } : undefined,
      origineDuree: origineDureeArg(v.duree),
      dureeDuClasseur: true,
      typeOeuvre: choixArg(v.oeuvre, "--oeuvre", ["cinema", "audiovisuel"] as const) as TypeOeuvre | undefined,
    };
  },
  executer: ({ wb, args, sortie }) => planifier(wb, args, sortie !== undefined),
  json: (r) => jsonPlanning(r),
  texte: (r, io) => texte(r, io),
  constats: (r) => r.controles,
  feuillesEcrites: (r) => r.feuillesEcrites,
});
