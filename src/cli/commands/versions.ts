import { dateFr, pluriel } from "../../core/util/texte";
import * as os from "os";
import { commandesVersions, type ResumeVersion } from "../../app/commandes/versions";
import { centsToDecimalString, formatEcartFr, formatMontantFr, sumCents, type Cents } from "../../core/money";
import { changementDeChapitre, type Comparaison } from "../../core/versions/comparer";
import { FEUILLE_VERSIONS } from "../../core/versions/feuilleVersions";
import type { CoutDefinitifCompare, FaceAuRealise } from "../../core/versions/realise";
import { FEUILLE_COMPARAISON } from "../../core/versions/feuilleComparaison";
import {
  estNonPlacee,
  LIBELLE_NON_PLACE,
  VERSION_COURANTE,
  VersionExistanteError,
  type LigneVersion,
} from "../../core/versions/modele";
import { detailDate } from "../../app/arguments";
import { estDateIso as dateValide } from "../../core/planning/dates";
import type { Constat } from "../../core/controles/constat";
import { CliError, procheDe, type Commande } from "../io";
import { ligneConstat } from "../constats";
import { definirCommande } from "../runner";
import { OPTION_EXPLIQUE, resume, texteTraces } from "../explique";

/** A version's date as the text lists it (« 20/11/2026 », as `regles` writes its dates); --json keeps it ISO. */
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const USAGE_ENREGISTRER =
  "prodbook versions enregistrer <classeur.xlsx> --nom NOM -o sortie.xlsx [--auteur NOM] [--date AAAA-MM-JJ] " +
  "[--remplacer] [--masquer | --afficher] [--feuille NOM] [--json]";
const USAGE_LISTER = "prodbook versions lister <classeur.xlsx> [--json]";
const USAGE_COMPARER =
  "prodbook versions comparer <classeur.xlsx> --de NOM --a NOM|courant [--json] [-o sortie.xlsx] [--feuille NOM] " +
  "[--explique]";
// Continuation lines under the first one, after « Usage : » (8 characters; `prodbook --help` re-indents them).
const USAGE = `${USAGE_ENREGISTRER}\n        ${USAGE_LISTER}\n        ${USAGE_COMPARER}`;

const m = (c: Cents) => centsToDecimalString(c);

/** Added (issue 10): the findings on the devis read, { regle, gravite, message, cellule } like ecarts and carbone. */
const jsonControles = (cs: readonly Constat[]) =>
  cs.map((c) => ({ regle: c.regle, gravite: c.gravite, message: c.message, cellule: c.cellule ?? null }));

/**
 * The « Versions » sheet (10 000 rows for two versions of a 5 000-line devis) and « Comparaison » (5 000 lines with
 * their notes) are read by streaming, not by ExcelJS; so are the producer's sheets (the devis), put back from their
 * original rows when the workbook is saved.
 */
const OUVERTURE = { aLire: [FEUILLE_VERSIONS, FEUILLE_COMPARAISON], utilisateurEnFlux: true };
/**
 * `comparer -o` rewrites « Comparaison »: it is read by streaming for its comment column (kept across refreshes),
 * its notes are not loaded (the new sheet writes its own).
 */
const OUVERTURE_COMPARAISON = { ...OUVERTURE, remplacees: [FEUILLE_COMPARAISON] };
/** Listing, or comparing two saved versions without -o, reads none of the user's sheets: ExcelJS does not load them. */
const OUVERTURE_SANS_DEVIS = { ...OUVERTURE, sansFeuillesUtilisateur: true };

/** The public JSON of a listed version. */
export function jsonVersion(v: ResumeVersion) {
  return {
    nom: v.nom,
    date: v.date,
    auteur: v.auteur,
    lignes: v.lignes,
    total: m(v.total),
    // Additive: the unplaced lines, out of the total, as `devis --json` lists them.
    nonPlaces: v.nonPlaces.map((n) => ({ cellule: n.cellule, montant: m(n.montant) })),
  };
}

/** « ; non placé (hors total) : 1 200,00 € ('Budget'!G6) », or nothing when every line is placed. */
function texteNonPlaces(v: ResumeVersion): string {
  if (!v.nonPlaces.length) return "";
  const total = sumCents(v.nonPlaces.map((n) => n.montant));
  const cellules = v.nonPlaces.map((n) => n.cellule);
  const ou = cellules.length > 3 ? `${cellules.slice(0, 3).join(", ")}…` : cellules.join(", ");
  return ` ; ${LIBELLE_NON_PLACE.toLowerCase()} : ${formatMontantFr(total)} (${pluriel(v.nonPlaces.length, "ligne")} : ${ou})`;
}

function dateArg(d: string | undefined): string | undefined {
  if (d !== undefined && !dateValide(d)) throw new CliError(`L'option --date ${detailDate(d)}.`);
  // Excel's calendar starts on 1 January 1900: an earlier date would be written as « ###### » and read back empty.
  if (d !== undefined && d < "1900-01-01")
    throw new CliError(
      `L'option --date attend une date à partir du 1900-01-01 (le calendrier d'Excel), reçu « ${d} ».`,
    );
  return d;
}

function auteurParDefaut(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? "";
  }
}

const enregistrer = definirCommande({
  nom: "versions enregistrer",
  ouverture: OUVERTURE,
  resume: "Enregistre le devis structuré sous un nom dans la feuille « Versions »",
  usage: USAGE_ENREGISTRER,
  entree: "un classeur .xlsx",
  ecrit: true,
  options: {
    nom: { type: "string" },
    auteur: { type: "string" },
    date: { type: "string" },
    remplacer: { type: "boolean" },
    masquer: { type: "boolean" },
    afficher: { type: "boolean" },
    feuille: { type: "string" },
  },
  champs: { nom: "--nom", date: "--date" },
  verifier(v, { sortie }) {
    if (v.nom === undefined) throw new CliError(`Indiquez le nom de la version (--nom).\nUsage : ${USAGE_ENREGISTRER}`);
    if (sortie === undefined)
      throw new CliError(`Indiquez le classeur à écrire (-o sortie.xlsx).\nUsage : ${USAGE_ENREGISTRER}`);
    if (v.masquer && v.afficher) throw new CliError("Choisissez --masquer ou --afficher, pas les deux.");
    return {
      nom: v.nom,
      auteur: v.auteur ?? auteurParDefaut(),
      date: dateArg(v.date),
      remplacer: v.remplacer,
      masquer: v.masquer ? true : v.afficher ? false : undefined,
      feuille: v.feuille,
    };
  },
  async executer({ wb, args, entree }) {
    try {
      return await commandesVersions.enregistrerVersion(wb, args);
    } catch (e) {
      if (e instanceof VersionExistanteError) {
        // « Devis definitif » refused for « Devis définitif »: the rule said, the user not left wondering why.
        const tape = args.nom.normalize("NFC").replace(/\s+/g, " ").trim();
        const regle =
          tape === e.nom ? "" : ` (les noms de version ne se distinguent ni par les majuscules ni par les accents)`;
        throw new CliError(
          `Une version « ${e.nom} » existe déjà dans ${entree}${regle} : ajoutez --remplacer pour la remplacer ` +
            `(rien n'a été écrit).`,
        );
      }
      throw e;
    }
  },
  json: (r, { sortie }) => ({
    version: jsonVersion(r.version),
    remplacee: r.remplacee,
    feuille: r.feuille,
    sortie,
    controles: jsonControles(r.controles),
  }),
  texte: (r, io) => {
    io.out(
      `Version « ${r.version.nom} » ${r.remplacee ? "remplacée" : "enregistrée"} : ${pluriel(r.version.lignes, "ligne")}, total ` +
        `${formatMontantFr(r.version.total)}${texteNonPlaces(r.version)} ` +
        `(${r.version.date}${r.version.auteur ? `, ${r.version.auteur}` : ""}), ` +
        `${pluriel(r.versions.length, "version")} dans le classeur.`,
    );
    for (const c of r.controles) io.out(ligneConstat(c, ""));
  },
  feuillesEcrites: (r) => [r.feuille],
});

const lister = definirCommande({
  nom: "versions lister",
  ouverture: OUVERTURE_SANS_DEVIS,
  resume: "Liste les versions enregistrées",
  usage: USAGE_LISTER,
  entree: "un classeur .xlsx",
  options: {},
  verifier: () => ({}) as Record<string, never>,
  executer: ({ wb, args }) => commandesVersions.listerVersions(wb, args),
  json: (r) => ({ versions: r.versions.map(jsonVersion) }),
  texte(r, io) {
    if (!r.versions.length) {
      io.out("Aucune version enregistrée dans ce classeur.");
      return;
    }
    const w = Math.max(7, ...r.versions.map((v) => v.nom.length));
    io.out(`${"Version".padEnd(w)}  Date        Auteur          Lignes            Total`);
    for (const v of r.versions) {
      const date = ISO.test(v.date) ? dateFr(v.date) : v.date;
      io.out(
        `${v.nom.padEnd(w)}  ${date.padEnd(10)}  ${v.auteur.padEnd(14)}  ${String(v.lignes).padStart(6)}  ` +
          `${formatMontantFr(v.total).padStart(15)}${texteNonPlaces(v)}`,
      );
    }
  },
});

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
          // Additive: the chapter in « de » when it changed (« ? » for a line placed since), else null.
          ancienChapitre: l.ancienChapitre ?? null,
        };
      }),
    // Additive: the unplaced lines (chapter « ? »), out of the total and of the chapters.
    nonPlaces: {
      de: m(c.nonPlaces.de),
      a: m(c.nonPlaces.a),
      delta: m(c.nonPlaces.delta),
      lignesDe: c.nonPlaces.lignesDe,
      lignesA: c.nonPlaces.lignesA,
    },
  };
}

/**
 * Added: the comparison against the coût définitif (the workbook's Écarts sheet), as the « Comparaison » sheet's columns
 * S and T compute it: réalisé, « à » and écart = réalisé − à of the total, each chapter, the unplaced lines and each
 * poste with a réalisé (a poste's réalisé counted once however many lines carry its code). null without Écarts sheet.
 */
export function jsonCoutDefinitif(d: CoutDefinitifCompare) {
  const face = (f: FaceAuRealise) => ({ realise: m(f.realise), a: m(f.a), ecart: m(f.ecart) });
  return {
    total: face(d.total),
    chapitres: d.chapitres.map((ch) => ({ code: ch.code, libelle: ch.libelle, ...face(ch) })),
    nonPlaces: face(d.nonPlaces),
    postes: d.postes.map((p) => ({
      code: p.code,
      chapitre: p.chapitre,
      ...face(p),
      cellule: p.cellule,
      lignes: p.lignes,
    })),
  };
}

const STATUT: Record<string, string> = { ajoutee: "ajoutée", supprimee: "supprimée", modifiee: "modifiée" };

const comparerCmd = definirCommande({
  nom: "versions comparer",
  ouverture: (args: { de: string; a: string; feuille?: string }, { sortie }) =>
    sortie !== undefined
      ? OUVERTURE_COMPARAISON
      : args.a.trim().toLowerCase() !== VERSION_COURANTE
        ? OUVERTURE_SANS_DEVIS
        : OUVERTURE,
  resume: "Compare deux versions, ou une version et le devis actuel",
  usage: USAGE_COMPARER,
  entree: "un classeur .xlsx",
  ecrit: true,
  options: { de: { type: "string" }, a: { type: "string" }, feuille: { type: "string" }, ...OPTION_EXPLIQUE },
  verifier(v) {
    if (v.de === undefined || v.a === undefined)
      throw new CliError(`Indiquez les deux versions à comparer (--de et --a).\nUsage : ${USAGE_COMPARER}`);
    return { de: v.de, a: v.a, feuille: v.feuille, explique: v.explique === true };
  },
  executer: ({ wb, args, sortie }) => commandesVersions.comparerVersions(wb, { ...args, ecrire: sortie !== undefined }),
  json: (r) => ({
    ...jsonComparaison(r.comparaison),
    controles: jsonControles(r.controles),
    coutDefinitif: r.coutDefinitif ? jsonCoutDefinitif(r.coutDefinitif) : null,
    // Added with --explique: « D'où vient ce chiffre ? » of the total's écart and of each chapter's (by code); with an
    // Écarts sheet, `traces.coutDefinitif` too: the écart réalisé − à of the total and of each chapter.
    ...(r.traces ? { traces: r.traces } : {}),
  }),
  texte(r, io, { sortie }) {
    const c = r.comparaison;
    const f = (x: Cents) => formatMontantFr(x).padStart(15);
    // A variance signed as ecarts and the pane write it: « +1 200,00 € », « −1 200,00 € » (the JSON keeps « -1200.00 »).
    const signe = (x: Cents) => formatEcartFr(x);
    const d = (x: Cents) => signe(x).padStart(15);
    io.out(`Comparaison « ${c.de} » → « ${c.a === "courant" ? "devis actuel" : c.a} » (écart = à − de)`);
    io.out(`  ${"Chapitre".padEnd(40)} ${"De".padStart(15)} ${"À".padStart(15)} ${"Écart".padStart(15)}`);
    for (const ch of c.chapitres)
      io.out(`  ${`${ch.code} ${ch.libelle}`.padEnd(40)} ${f(ch.de)} ${f(ch.a)} ${d(ch.delta)}`);
    io.out(`  ${"TOTAL".padEnd(40)} ${f(c.total.de)} ${f(c.total.a)} ${d(c.total.delta)}`);
    if (r.coutDefinitif)
      io.out(
        `Coût définitif (feuille Écarts) : réalisé ${formatMontantFr(r.coutDefinitif.total.realise)}, ` +
          `écart réalisé − à ${signe(r.coutDefinitif.total.ecart)}`,
      );
    if (c.nonPlaces.lignesDe || c.nonPlaces.lignesA)
      io.out(
        `  ${`? ${LIBELLE_NON_PLACE}`.padEnd(40)} ${f(c.nonPlaces.de)} ${f(c.nonPlaces.a)} ${d(c.nonPlaces.delta)}`,
      );
    const changees = c.lignes.filter((l) => l.statut !== "inchangee");
    io.out(changees.length ? `Lignes changées (${changees.length}) :` : "Aucune ligne changée.");
    for (const l of changees) {
      const ref = (l.a ?? l.de) as LigneVersion;
      const nom = l.renommee && l.de ? `« ${l.de.libelle} » → « ${ref.libelle} »` : `« ${ref.libelle} »`;
      const deplacee = changementDeChapitre(l, c.de);
      const np = deplacee ? ` — ${deplacee}` : estNonPlacee(l) ? ` — ${LIBELLE_NON_PLACE.toLowerCase()}` : "";
      io.out(
        `  ${STATUT[l.statut].padEnd(9)} ${(ref.code ?? "").padEnd(6)} ${nom} ${signe(l.delta)} (${ref.cellule})${np}`,
      );
    }
    if (sortie !== undefined && (r.commentaires || r.realise))
      io.out(
        [
          ...(r.commentaires ? [`${pluriel(r.commentaires, "commentaire conservé", "commentaires conservés")}`] : []),
          ...(r.realise ? ["réalisé de la feuille Écarts"] : []),
        ].join(", ") + ".",
      );
    for (const ct of r.controles) io.out(ligneConstat(ct, ""));
    // Each chapter's écart down to its lines, then the total's cut above the lines (its chapters are just above).
    if (r.traces) {
      const d = r.traces.coutDefinitif;
      texteTraces(io, {
        ...r.traces.chapitres,
        total: resume(r.traces.total, 2),
        // The unplaced lines' écart (out of the total), down to their cells.
        ...(r.traces.nonPlaces ? { "non places": r.traces.nonPlaces } : {}),
        // Against the coût définitif: each chapter's écart réalisé − à down to the postes' cells of the Écarts sheet.
        ...(d ? Object.fromEntries(Object.entries(d.chapitres).map(([k, t]) => [`realise ${k}`, t])) : {}),
        ...(d ? { "realise total": resume(d.total, 2) } : {}),
        // The unplaced lines' écart réalisé − à (out of the total), down to their cells.
        ...(d?.nonPlaces ? { "realise non places": d.nonPlaces } : {}),
      });
    }
  },
  feuillesEcrites: (r) => (r.feuille ? [r.feuille] : []),
});

const SOUS_COMMANDES: Record<string, Commande> = { enregistrer, lister, comparer: comparerCmd };

/** « Lister », « comparé »: the action meant, said. */
function suggestion(sous: string): string {
  const p = procheDe(sous, Object.keys(SOUS_COMMANDES));
  return p ? ` (vouliez-vous dire « ${p} » ?)` : "";
}

export const commande: Commande = {
  nom: "versions",
  resume:
    "Versions du devis : enregistre le devis structuré sous un nom, liste les versions, compare deux versions ou le devis actuel",
  usage: USAGE,
  async executer(args, io) {
    const [sous, ...reste] = args;
    const f = sous === undefined ? undefined : SOUS_COMMANDES[sous];
    // `prodbook versions devis.xlsx lister`, or the action forgotten: the workbook is named, the action asked first.
    const action = f ? undefined : args.find((a) => Object.prototype.hasOwnProperty.call(SOUS_COMMANDES, a));
    if (!f && sous !== undefined && /\.xls[xmb]?$/i.test(sous))
      throw new CliError(
        (action
          ? `L'action « ${action} » s'écrit avant le classeur : prodbook versions ${action} ${sous} …`
          : `Indiquez l'action avant le classeur « ${sous} » : enregistrer, lister ou comparer.`) +
          `\nUsage : ${USAGE}`,
      );
    if (!f)
      throw new CliError(
        `${sous === undefined ? "Indiquez une action" : `Action inconnue « ${sous} »${suggestion(sous)}`} : ` +
          `enregistrer, lister ou comparer.\n` +
          `Usage : ${USAGE}`,
      );
    return f.executer(reste, io);
  },
};
