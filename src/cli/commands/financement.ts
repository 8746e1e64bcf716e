import * as path from "path";
import { LANGUES, type GenreCredit, type RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { analyserFinancement, ResultatAnalyseFinancement } from "../../core/financement/analyser";
import { creditImpotPourPlan } from "../../core/financement/creditImpotPlan";
import { resultatJson } from "../../core/financement/json";
import { texteTablesUtilisees } from "../../core/regles/utilisees";
import { formatMontantFr, formatPourcentFr, parseMontant } from "../../core/money";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";
import { analyserArgs, choixArg, nombreArg, sortieXlsx } from "../args";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";

const USAGE =
  "prodbook financement <classeur.xlsx> [--feuille NOM] [--devis FEUILLE | --cout MONTANT] [--oeuvre cinema|audiovisuel] " +
  "[--premier-film] [--oeuvre-difficile] [--genre fiction|documentaire|animation|spectacle] [--duree MINUTES] [--credit-impot " +
  "cinema|audiovisuel|international] [--langue francais|etrangere] " +
  "[--date AAAA-MM-JJ] [--json] [-o sortie.xlsx] [--strict]";

function texte(r: ResultatAnalyseFinancement, io: Io): void {
  const s = r.synthese;
  const f = (c: number) => formatMontantFr(c as Parameters<typeof formatMontantFr>[0]).padStart(18);
  io.out(`Plan de financement lu dans « ${r.plan.feuille} » : ${r.sources.length} source(s)`);
  for (const c of s.parCategorie)
    io.out(`  ${c.libelle.padEnd(62)} ${f(c.montant)}${c.public ? "  (aide publique)" : ""}`);
  io.out(`  ${"Total des financements".padEnd(62)} ${f(s.total)}`);
  if (r.contexte.cout) {
    io.out(`  ${`Coût de production — ${r.contexte.cout.origine}`.padEnd(62)} ${f(r.contexte.cout.montant)}`);
    io.out(`  ${"Reste à financer (négatif : excédent)".padEnd(62)} ${f(s.resteAFinancer ?? 0)}`);
  }
  io.out(`  ${"Aides publiques".padEnd(62)} ${f(s.aidesPubliques)}`);
  if (s.intensite)
    io.out(
      `  Intensité des aides publiques : ${formatPourcentFr(s.intensite)} (plafond ${formatPourcentFr(r.plafond.plafond)}, ` +
        `${r.plafond.motif})`,
    );
  if (r.echeancier.mois.length)
    io.out(
      `Échéancier : ${r.echeancier.mois.length} mois, besoin de trésorerie maximal ` +
        `${formatMontantFr(r.echeancier.besoinMaximal)} (${r.echeancier.repartition})`,
    );
  const n = (g: string) => r.constats.filter((c) => c.gravite === g).length;
  io.out(`Contrôles : ${n("erreur")} erreur(s), ${n("alerte")} alerte(s), ${n("info")} info(s)`);
  for (const c of r.constats) io.out(`  [${c.gravite}] ${c.regle} — ${c.message}`);
  for (const l of texteTablesUtilisees(r.tables)) io.out(l);
}

export const commande: Commande = {
  nom: "financement",
  resume:
    "Vérifie le plan de financement (équilibre avec le devis, intensité des aides publiques, diffuseurs FSA, statuts) ; -o écrit " +
    "Plan de financement et Échéancier",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(
      args,
      {
        feuille: { type: "string" },
        devis: { type: "string" },
        cout: { type: "string" },
        oeuvre: { type: "string" },
        "premier-film": { type: "boolean" },
        "oeuvre-difficile": { type: "boolean" },
        genre: { type: "string" },
        duree: { type: "string" },
        "credit-impot": { type: "string" },
        langue: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean" },
        o: { type: "string", short: "o" },
        sortie: { type: "string" },
        strict: { type: "boolean" },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`Indiquez un classeur .xlsx.\nUsage : ${USAGE}`);
    const fichier = positionals[0];
    const v = values as Record<string, string | boolean | undefined>;
    if (v.devis !== undefined && v.cout !== undefined)
      throw new CliError(
        "Les options --devis et --cout s'excluent : le coût vient soit d'une feuille de devis, soit d'un montant.",
      );
    let cout;
    if (v.cout !== undefined) {
      cout = parseMontant(v.cout as string);
      if (cout === undefined || cout <= 0)
        throw new CliError(
          `L'option --cout attend un montant positif (ex. « 3000000 » ou « 3 000 000,00 »), reçu « ${v.cout} ».`,
        );
    }
    const typeOeuvre = (choixArg(v.oeuvre as string | undefined, "--oeuvre", ["cinema", "audiovisuel"] as const) ??
      "cinema") as TypeOeuvre;
    const genre = choixArg(v.genre as string | undefined, "--genre", [
      "fiction",
      "documentaire",
      "animation",
      "spectacle",
    ] as const) as Genre | undefined;
    const dureeMinutes = nombreArg(v.duree as string | undefined, "--duree", { min: 0 });
    if (dureeMinutes === 0) throw new CliError("L'option --duree attend une durée en minutes supérieure à 0.");
    const date = v.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new CliError(`L'option --date attend une date AAAA-MM-JJ, reçu « ${date} ».`);
    const regime = choixArg(v["credit-impot"] as string | undefined, "--credit-impot", [
      "cinema",
      "audiovisuel",
      "international",
    ] as const) as RegimeCredit | undefined;
    const langue = choixArg(v.langue as string | undefined, "--langue", LANGUES);
    if (langue !== undefined && regime === undefined)
      throw new CliError(
        "L'option --langue fixe le taux du crédit d'impôt cinéma calculé sur le devis : indiquez aussi --credit-impot.",
      );
    if (regime && genre === "spectacle")
      throw new CliError("Le crédit d'impôt calculé ici couvre la fiction, le documentaire et l'animation (--genre).");
    const sortie = (v.o ?? v.sortie) as string | undefined;
    sortieXlsx(sortie);

    let wb: XlsxWorkbook;
    let r: ResultatAnalyseFinancement;
    try {
      wb = await XlsxWorkbook.ouvrir(fichier);
      const annee = Number((date ?? new Date().toISOString()).slice(0, 4));
      r = await analyserFinancement(wb, {
        feuille: v.feuille as string | undefined,
        feuilleDevis: v.devis as string | undefined,
        cout,
        typeOeuvre,
        genre,
        dureeMinutes,
        premierOuDeuxiemeFilm: !!v["premier-film"],
        oeuvreDifficile: !!v["oeuvre-difficile"],
        date,
        calculerCreditImpot: regime
          ? creditImpotPourPlan({
              regime,
              genre: (genre ?? "fiction") as GenreCredit,
              annee,
              dureeMinutes,
              langue,
              premierOuDeuxiemeFilm: !!v["premier-film"],
              oeuvreDifficile: !!v["oeuvre-difficile"],
            })
          : undefined,
        ecrire: sortie !== undefined,
      });
    } catch (e) {
      throw erreurFichier(e, fichier);
    }
    if (!r.contexte.cout) {
      throw new CliError(
        `${path.basename(fichier)} : coût de production introuvable (ni feuille de devis, ni ligne « Coût » dans le plan). ` +
          `Indiquez --devis FEUILLE ou --cout MONTANT.`,
      );
    }
    if (sortie !== undefined) {
      await enregistrerSortie(wb, sortie);
    }
    if (v.json) ecrireJson(io, resultatJson(r));
    else {
      texte(r, io);
      if (sortie !== undefined)
        io.out(`Écrit : ${sortie} (feuilles ${r.feuillesEcrites.map((f) => `« ${f} »`).join(", ")})`);
    }
    return v.strict && r.constats.some((c) => c.gravite === "erreur") ? 1 : 0;
  },
};
