import * as path from "path";
import {
  ecarts,
  lireCsvCorrespondances,
  origineCorrespondances,
  type ResultatRapprochementVue,
} from "../../app/commandes/ecarts";
import { chiffresEcarts, seuilsEcarts } from "../../app/ecartsEnBref";
import { eurosToCents, formatEcartFr, formatMontantFr } from "../../core/money";
import { CorrespondancesError } from "../../core/comptabilite/correspondances";
import { jsonTablesUtilisees } from "../../core/regles/utilisees";
import { FEUILLE_GRAND_LIVRE } from "../../core/comptabilite/grandLivre";
import { GrandLivreTropGrandError } from "../../core/ecarts/rapprocher";
import { TITRE_NON_PLACES_ECARTS } from "../../core/ecarts/calcul";
import { lignesEnBref } from "../../core/comptabilite/realise";
import { encodageArg, OPTION_ENCODAGE } from "../args";
import { CliError, erreurFichier, lireFichierTexte, type Io } from "../io";
import { definirCommande, lusPar, verifierSortie } from "../runner";
import { OPTION_EXPLIQUE, resume, texteTraces } from "../explique";
import { avertissementEncodageCli, lireFichierFec, lireMapping } from "./fec";
import { ligneConstat, texteRegles } from "../constats";

const USAGE =
  "prodbook ecarts <devis.xlsx> --fec <fichier> [--correspondances <fichier.csv>] " +
  `${OPTION_ENCODAGE} [--colonnes correspondance.json] [--json] [--explique] ` +
  "[-o sortie.xlsx] [--strict]";

/**
 * The public JSON contract of `prodbook ecarts --json` (issue 3 §5): écart = réalisé − budget per chapter; then
 * (issue 13) the pane's other columns: engagé (null when not typed in the Écarts sheet), reste à engager,
 * estimation finale and écart estimé = estimation finale − budget.
 */
export function jsonEcarts(r: ResultatRapprochementVue) {
  return {
    postes: r.chapitres.map((c) => ({
      code: c.code,
      libelle: c.libelle,
      budget: c.budget,
      realise: c.realise,
      ecart: c.ecart,
      ecartPct: c.ecartPct,
      engage: c.engage,
      reste: c.reste,
      estimation: c.estimation,
      ecartEstime: c.ecartEstime,
      ecartEstimePct: c.ecartEstimePct,
    })),
    nonAffecte: {
      total: r.nonAffecte.total,
      comptes: r.nonAffecte.comptes.map((c) => ({ compte: c.compte, total: c.total })),
    },
    totaux: {
      budget: r.totaux.budget,
      realise: r.totaux.realise,
      classe6: r.classe6,
      ecart: r.totaux.ecart,
      engage: r.totaux.engage,
      reste: r.totaux.reste,
      estimation: r.totaux.estimation,
      ecartEstime: r.totaux.ecartEstime,
    },
    // Added (issue 10): the findings the text prints, the devis sheet's (feuille-lue) and the ledger's.
    controles: r.constats.map((c) => ({
      regle: c.regle,
      gravite: c.gravite,
      message: c.message,
      cellule: c.cellule ?? null,
      // Added (December 2026), on the ledger's findings that have no cell (lignes-fec-rejetees, comptes-non-affectes):
      // the file's first lines (physical numbers), how many in all, and the accounts.
      ...(c.fec ? { fec: { lignes: c.fec.lignes, nombreLignes: c.fec.nombreLignes, comptes: c.fec.comptes } } : {}),
    })),
    // Added (issue 10, « one name, one meaning »): the devis amounts placed in no chapter, outside totaux.budget (the
    // devis total), as `prodbook devis` lists them; budgetNonPlace is their sum.
    budgetNonPlace: r.budgetNonPlace,
    nonPlaces: r.nonPlaces.map((n) => ({ cellule: n.cellule, libelle: n.libelle, montant: n.montant, code: n.code })),
  };
}

function texteEcarts(r: ResultatRapprochementVue, io: Io): void {
  const e = (montant: string) => formatMontantFr(eurosToCents(montant));
  // The pane's and the Écarts sheet's seven columns, under the same names; « — » when engagé was not typed.
  const f = (montant: string | null) => (montant === null ? "—" : e(montant)).padStart(17);
  const colonnes = ["Budget", "Engagé", "Réalisé", "Reste à engager", "Estimation finale", "Écart", "Écart estimé"];
  // The chapter column is as wide as its longest name (« 6 Transports, défraiements, régie » whole), within 48 characters.
  const noms = r.chapitres.map((c) => `${c.code} ${c.libelle}`);
  const largeur = Math.min(48, Math.max("Chapitre".length, "Total".length, ...noms.map((n) => n.length)));
  const coupe = (nom: string) => (nom.length > largeur ? `${nom.slice(0, largeur - 1)}…` : nom.padEnd(largeur));
  io.out(`${"Chapitre".padEnd(largeur)}${colonnes.map((c) => ` ${c.padStart(17)}`).join("")}`);
  type Montants = Pick<ResultatRapprochementVue["totaux"], "budget" | "engage" | "realise" | "reste" | "estimation">;
  // The écarts signed as the pane and the README write them: « +1 785,00 € » (overspend), « −900,00 € ».
  const signe = (montant: string) => formatEcartFr(eurosToCents(montant)).padStart(17);
  const ligne = (nom: string, c: Montants & { ecart: string; ecartEstime: string }) =>
    `${coupe(nom)} ${[c.budget, c.engage, c.realise, c.reste, c.estimation].map(f).join(" ")} ` +
    `${signe(c.ecart)} ${signe(c.ecartEstime)}`;
  r.chapitres.forEach((c, i) => io.out(ligne(noms[i], c)));
  io.out(ligne("Total", r.totaux));
  if (r.nonPlaces.length) {
    // Outside the Budget total (the devis total), as `prodbook devis` lists them.
    io.out(`${TITRE_NON_PLACES_ECARTS} : ${e(r.budgetNonPlace)}`);
    for (const n of r.nonPlaces)
      io.out(`  ${n.cellule} « ${n.libelle} » ${e(n.montant)}${n.code ? ` (poste ${n.code})` : ""}`);
  }
  io.out("Écart = réalisé − budget ; écart estimé = estimation finale (réalisé + reste à engager) − budget.");
  // The headline, in the words and figures of the pane's Écarts page (one function builds both), with the chapters the
  // Écarts sheet and the pane mark in alert (both thresholds exceeded): the table alone does not show which ones.
  for (const c of chiffresEcarts(r)) io.out(`${c.terme} : ${c.valeur}`);
  io.out(`Seuils d'alerte : ${seuilsEcarts(r)} (feuille Écarts).`);
  io.out(
    `Classe 6 nette : ${e(r.classe6)} = affecté ${e(r.affecte)} + non affecté ${e(r.nonAffecte.total)}` +
      `${r.conserve ? "" : "  (INCOHÉRENT)"}`,
  );
  // Each account with its first lines in the file, as the finding's `fec` says in --json: « lignes 12, 48, 97… (23 lignes) ».
  for (const c of r.nonAffecte.comptes)
    io.out(
      `  sans poste : ${c.compte} ${c.libelle} ${e(c.total)}` +
        (c.lignes && c.nombreLignes ? ` — ${lignesEnBref(c.lignes, c.nombreLignes)}` : ""),
    );
  for (const c of r.constats) io.out(ligneConstat(c, ""));
}

/** The line saying which correspondances the réalisé was computed with. */
function texteOrigine(
  o: { origine: "fichier"; fichier: string } | { origine: "feuille"; feuille: string } | { origine: "defaut" },
): string {
  if (o.origine === "fichier") return `Correspondances : fichier « ${o.fichier} »`;
  if (o.origine === "feuille")
    return `Correspondances : feuille « ${o.feuille} » du classeur (modifications comprises)`;
  return (
    "Correspondances : table par défaut de Prodbook (usage de la profession, à vérifier : " +
    "adaptez-la à votre plan de comptes avec --correspondances <fichier.csv>)"
  );
}

/** The correspondances file (ecarts, carbone --fec), and its alertes (columns or text it holds that are not read). */
export function lireCorrespondances(chemin: string): ReturnType<typeof lireCsvCorrespondances> {
  const octets = lireFichierTexte(chemin, "Fichier de correspondances");
  try {
    return lireCsvCorrespondances(octets, path.basename(chemin));
  } catch (e) {
    if (e instanceof CorrespondancesError) throw new CliError(e.message);
    throw e;
  }
}

export const commande = definirCommande({
  nom: "ecarts",
  resume:
    "Rapproche le Grand Livre (FEC) du devis : réalisé par poste, écarts, comptes sans poste ; -o écrit Grand livre, " +
    "Correspondances, Écarts et Coût définitif",
  usage: USAGE,
  entree: "le classeur du devis (.xlsx)",
  ecrit: true,
  // As devis, fec, financement and planning: findings are part of the result (exit 0); --strict exits 1 on one of
  // gravity « erreur » (ledger lines rejected, entries listed twice, classe 6 not conserved…), the sheets written.
  strict: true,
  // The Grand livre of an earlier run is written anew (-o) or not used: its rows (600 MB of XML for a million lines)
  // are never inflated.
  ouverture: { remplacees: [FEUILLE_GRAND_LIVRE] },
  options: {
    fec: { type: "string", fichier: true },
    correspondances: { type: "string", fichier: true },
    encodage: { type: "string" },
    colonnes: { type: "string", fichier: true },
    ...OPTION_EXPLIQUE,
  },
  verifier(v, { sortie }) {
    if (!v.fec) throw new CliError(`L'option --fec <fichier> est obligatoire.\nUsage : ${USAGE}`);
    verifierSortie(sortie, ...lusPar(v));
    const encodage = encodageArg(v.encodage);
    // Without a file: the workbook's « Correspondances » sheet of an earlier run, else the default table (the pane's).
    const { table: correspondances, alertes } = v.correspondances
      ? lireCorrespondances(v.correspondances)
      : { table: undefined, alertes: undefined };
    return {
      fec: v.fec,
      fichierCorrespondances: v.correspondances,
      encodage,
      correspondances,
      alertes,
      colonnes: v.colonnes ? lireMapping(v.colonnes) : undefined,
      explique: v.explique === true,
    };
  },
  async executer({ wb, args, sortie }) {
    // Kept lines are needed for the Grand livre sheet (a ledger CSV keeps them anyway, for its analytic sections), and
    // for --explique: each poste's réalisé is traced down to the FEC lines, not to the accounts' totals.
    const fec = await lireFichierFec(args.fec, {
      encodage: args.encodage,
      colonnes: args.colonnes,
      conserver: sortie !== undefined || args.explique,
    });
    // Read before the run writes its own « Correspondances » sheet (-o).
    const origine = args.fichierCorrespondances
      ? ({ origine: "fichier", fichier: path.basename(args.fichierCorrespondances) } as const)
      : await origineCorrespondances(wb);
    try {
      // What the correspondances file holds that was not read, with the other findings (text, --json controles, and
      // the Écarts sheet written with -o).
      const r = await ecarts(
        wb,
        {
          fec,
          correspondances: args.correspondances,
          explique: args.explique,
          alertes: args.alertes,
          nomFec: path.basename(args.fec),
        },
        sortie !== undefined,
      );
      return { ...r, origineCorrespondances: origine, formatFec: fec.format };
    } catch (e) {
      // Too many ledger lines for a sheet: the FEC is at stake, not the devis.
      throw e instanceof GrandLivreTropGrandError ? erreurFichier(e, args.fec) : e;
    }
  },
  avertissements: (r) => [avertissementEncodageCli(r.formatFec)],
  // « Écrit : sortie.xlsx (feuilles « Grand livre », …) » as the other commands say it: a sheet of the producer's
  // with the same name keeps it, and Prodbook's is then « Écarts (Prodbook) », named here.
  feuillesEcrites: (r) => r.feuilles,
  constats: (r) => r.constats,
  json: (r) => ({
    ...jsonEcarts(r),
    // Added: where the correspondances came from (« fichier » given, the workbook's « feuille », or the « defaut » table).
    correspondances: r.origineCorrespondances,
    // Added: the rule tables the report used, same shape as credit-impot / devis / financement / carbone (the default
    // PCG correspondances when neither a file nor the workbook's sheet gave them, then the CNC nomenclature), as the
    // pane's « Détails et sources » names them (tablesEcarts, src/app).
    tables: jsonTablesUtilisees(r.tables),
    // Added: the ledger read — its format with the encoding named (detected or forced), its period, and every line
    // accounted for: lignes.lues = affectees + sansPoste + ignorees (horsClasse6 + rejetees + vides).
    grandLivre: r.grandLivre,
    ...(r.traces ? { traces: r.traces } : {}),
    // Added with --explique: the traces of the figures `postes` (the chapter rows) and `totaux` give, keyed as there.
    ...(r.tracesChapitres ? { tracesChapitres: r.tracesChapitres } : {}),
    ...(r.traceTotal ? { traceTotal: r.traceTotal } : {}),
  }),
  texte: (r, io) => {
    texteEcarts(r, io);
    // The ledger read (its encoding named) and where each of its lines went.
    for (const l of r.grandLivre.resume) io.out(l);
    io.out(texteOrigine(r.origineCorrespondances));
    for (const l of texteRegles(r.tables)) io.out(l);
    // One « D'où viennent ces chiffres » block: the figures of the table above (each chapter's écart and écart
    // estimé, then the total's, its chapters named without their detail), then each poste's (keys that are not
    // integers, so that they keep this order).
    if (r.traces)
      texteTraces(io, {
        ...Object.fromEntries(
          Object.entries(r.tracesChapitres ?? {}).flatMap(([code, t]) => [
            [`chapitre ${code}`, t.ecart],
            [`chapitre ${code} estime`, t.ecartEstime],
          ]),
        ),
        ...(r.traceTotal
          ? { total: resume(r.traceTotal.ecart), "total estime": resume(r.traceTotal.ecartEstime, 1) }
          : {}),
        ...Object.fromEntries(
          Object.entries(r.traces).flatMap(([code, t]) => [
            [`ecart ${code}`, t.ecart],
            [`estime ${code}`, t.ecartEstime],
          ]),
        ),
      });
  },
});
