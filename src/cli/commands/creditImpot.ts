import { creditImpotClasseur } from "../../core/creditImpot/creditImpotClasseur";
import { GENRES_CREDIT, LANGUES, REGIMES, type ResultatCreditImpot } from "../../core/creditImpot/modele";
import { centsToDecimalString, formatMontantFr, formatPourcentFr, parseMontant, type Cents } from "../../core/money";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";
import { analyserArgs, choixArg, nombreArg, sortieXlsx } from "../args";
import { parseTaux } from "../../core/regles/parametres";
import { jsonTablesUtilisees, texteTablesUtilisees } from "../../core/regles/utilisees";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";

const USAGE =
  "prodbook credit-impot <devis.xlsx> --regime cinema|audiovisuel|international --genre fiction|documentaire|animation " +
  "[--duree MINUTES] [--langue francais|etrangere] [--vfx-france MONTANT] [--annee AAAA] [--feuille NOM] " +
  "[--hebergement paris|ailleurs] [--financement-etranger " +
  "PART] [--jeunesse] [--jours-tournage-france N] [--json] [-o sortie.xlsx [--modele-parametres]]";
const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook credit-impot --json` (issue 4 §5). */
export function jsonCreditImpot(r: ResultatCreditImpot) {
  return {
    regime: r.regime,
    genre: r.genre,
    annee: r.annee,
    base: m(r.base),
    taux: r.taux.includes(".") ? r.taux.padEnd(4, "0") : r.taux,
    creditAvantPlafonds: m(r.creditAvantPlafonds),
    plafonds: r.plafonds.map((p) => ({ nom: p.nom, montant: m(p.montant), applique: p.applique })),
    credit: m(r.credit),
    baseParChapitre: r.baseParChapitre.map((b) => ({ code: b.code, base: m(b.base) })),
    alertes: r.alertes,
    tables: jsonTablesUtilisees(r.tables),
    parametres: r.parametres.map((p) => ({
      cle: p.cle,
      valeur: p.valeur,
      table: p.table,
      effetDu: p.effetDu,
      confiance: p.confiance,
      surcharge: p.surcharge ?? null,
    })),
  };
}

function texte(r: ResultatCreditImpot, source: string, io: Io): void {
  const f = (c: Cents) => formatMontantFr(c).padStart(18);
  io.out(`Crédit d'impôt ${r.regime} — ${r.genre} — dépenses ${r.annee} (devis « ${source} »)`);
  io.out("Base éligible en France par chapitre :");
  for (const b of r.baseParChapitre)
    io.out(`  ${b.code.padEnd(4)} ${b.libelle.padEnd(34)} ${f(b.base)}  sur ${formatMontantFr(b.total)}`);
  io.out(`  ${"Base retenue".padEnd(39)} ${f(r.base)}`);
  io.out(`  ${"Taux".padEnd(39)} ${formatPourcentFr(r.taux).padStart(18)}`);
  io.out(`  ${"Crédit avant plafonds".padEnd(39)} ${f(r.creditAvantPlafonds)}`);
  for (const p of r.plafonds)
    io.out(`  ${`Plafond : ${p.nom}`.padEnd(39)} ${f(p.montant)}  ${p.applique ? "appliqué" : "non atteint"}`);
  io.out(`  ${"CRÉDIT D'IMPÔT".padEnd(39)} ${f(r.credit)}`);
  for (const l of texteTablesUtilisees(r.tables)) io.out(l);
  if (r.alertes.length) {
    io.out("Alertes :");
    for (const a of r.alertes) io.out(`  - ${a}`);
  }
}

export const commande: Commande = {
  nom: "credit-impot",
  resume:
    "Calcule le crédit d'impôt (cinéma, audiovisuel, international) d'un devis, ligne par ligne, avec chaque plafond",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(
      args,
      {
        regime: { type: "string" },
        genre: { type: "string" },
        duree: { type: "string" },
        langue: { type: "string" },
        "vfx-france": { type: "string" },
        annee: { type: "string" },
        feuille: { type: "string" },
        hebergement: { type: "string" },
        "financement-etranger": { type: "string" },
        jeunesse: { type: "boolean" },
        "jours-tournage-france": { type: "string" },
        json: { type: "boolean" },
        o: { type: "string", short: "o" },
        "modele-parametres": { type: "boolean" },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`Indiquez un classeur .xlsx.\nUsage : ${USAGE}`);
    const fichier = positionals[0];
    if (values.regime === undefined)
      throw new CliError(`L'option --regime est obligatoire (${REGIMES.join(", ")}).\nUsage : ${USAGE}`);
    if (values.genre === undefined)
      throw new CliError(`L'option --genre est obligatoire (${GENRES_CREDIT.join(", ")}).\nUsage : ${USAGE}`);
    const regime = choixArg(values.regime as string, "--regime", REGIMES)!;
    const genre = choixArg(values.genre as string, "--genre", GENRES_CREDIT)!;
    const dureeMinutes = nombreArg(values.duree as string | undefined, "--duree", { min: 0 });
    if (dureeMinutes === 0) throw new CliError("L'option --duree attend une durée en minutes supérieure à 0.");
    if (regime === "audiovisuel" && dureeMinutes === undefined) {
      throw new CliError(
        "Le crédit d'impôt audiovisuel est plafonné par minute : l'option --duree MINUTES est obligatoire.",
      );
    }
    const vfx = values["vfx-france"] as string | undefined;
    const depensesVfxFrance = vfx === undefined ? undefined : parseMontant(vfx);
    if (vfx !== undefined && (depensesVfxFrance === undefined || depensesVfxFrance < 0)) {
      throw new CliError(
        `L'option --vfx-france attend un montant en euros (« 2 500 000 » ou 2500000), reçu « ${vfx} ».`,
      );
    }
    const anneeTexte = values.annee as string | undefined;
    if (anneeTexte !== undefined && !/^\d{4}$/.test(anneeTexte))
      throw new CliError(`L'option --annee attend une année AAAA, reçu « ${anneeTexte} ».`);
    const annee = anneeTexte === undefined ? new Date().getFullYear() : Number(anneeTexte);
    const langue = choixArg(values.langue as string | undefined, "--langue", LANGUES);
    const hebergement = choixArg(values.hebergement as string | undefined, "--hebergement", [
      "paris",
      "ailleurs",
    ] as const);
    const etranger = values["financement-etranger"] as string | undefined;
    const partEtrangere = etranger === undefined ? undefined : parseTaux(etranger);
    if (etranger !== undefined && (partEtrangere === undefined || partEtrangere.greaterThan(1))) {
      throw new CliError(
        `L'option --financement-etranger attend la part du coût couverte par des financements étrangers (« 35 % » ou 0,35), ` +
          `reçu « ${etranger} ».`,
      );
    }
    const joursTournageFrance = nombreArg(
      values["jours-tournage-france"] as string | undefined,
      "--jours-tournage-france",
      { min: 0 },
    );
    if (joursTournageFrance !== undefined && !Number.isInteger(joursTournageFrance)) {
      throw new CliError(
        `L'option --jours-tournage-france attend un nombre entier de jours, reçu « ${values["jours-tournage-france"]} ».`,
      );
    }
    const sortie = values.o as string | undefined;
    sortieXlsx(sortie);
    const modeleParametres = values["modele-parametres"] === true;
    if (modeleParametres && sortie === undefined)
      throw new CliError("L'option --modele-parametres écrit une feuille : indiquez aussi -o sortie.xlsx.");

    let wb: XlsxWorkbook;
    let r;
    try {
      wb = await XlsxWorkbook.ouvrir(fichier);
      r = await creditImpotClasseur(wb, {
        regime,
        genre,
        annee,
        dureeMinutes,
        langue,
        depensesVfxFrance,
        hebergement,
        partFinancementEtranger: partEtrangere?.toString(),
        jeunesse: values.jeunesse === true,
        joursTournageFrance,
        feuille: values.feuille as string | undefined,
        ecrire: sortie !== undefined,
        modeleParametres,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new CliError(`Fichier introuvable : ${fichier}`);
      throw erreurFichier(e, fichier);
    }
    if (sortie !== undefined) {
      await enregistrerSortie(wb, sortie);
    }
    if (values.json) ecrireJson(io, jsonCreditImpot(r.resultat));
    else {
      texte(r.resultat, r.source, io);
      if (sortie !== undefined)
        io.out(
          `Écrit : ${sortie} (feuille${r.feuillesEcrites.length > 1 ? "s" : ""} ${r.feuillesEcrites.map((f) => `« ${f} »`).join(", ")})`,
        );
    }
    return 0;
  },
};
