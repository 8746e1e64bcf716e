import { promises as fs } from "fs";
import { executerBilanCarbone, type ResultatCarbone } from "../../app/commandes/carbone";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";
import { analyserArgs, sortieXlsx } from "../args";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";

const USAGE =
  "prodbook carbone <classeur.xlsx> [--planning FEUILLE] [--feuille DEVIS] [--date AAAA-MM-JJ] [--json] " +
  "[-o sortie.xlsx] [--csv export.csv]";

const virgule = (s: string) => s.replace(".", ",");
const pourcent = (s: string) => `${virgule((Number(s) * 100).toFixed(1))} %`;

function texte(r: ResultatCarbone, io: Io): void {
  const b = r.bilan;
  io.out(
    `Bilan carbone — pré-estimation (devis « ${r.feuilleDevis} »${b.plan ? `, plan de travail « ${b.plan.feuille} »` : ""})`,
  );
  io.out(
    `Total prévisionnel : ${virgule(b.total)} t CO2e` +
      (b.definitif !== null ? ` ; définitif : ${virgule(b.definitif)} t CO2e` : "") +
      ` (données d'activité ${pourcent(b.partActivite)}, ratios monétaires ${pourcent(b.partMonetaire)})`,
  );
  const w = Math.max(...b.categories.map((c) => c.libelle.length));
  for (const c of b.categories) {
    const aCompleter = c.activites.filter((a) => a.methode === "à compléter").length;
    const manquant = c.activites.filter((a) => a.methode === "facteur manquant").length;
    const details = [
      `${c.activites.length} activité(s)`,
      ...(aCompleter ? [`${aCompleter} à compléter`] : []),
      ...(manquant ? [`${manquant} facteur manquant`] : []),
    ];
    io.out(`  ${c.libelle.padEnd(w)}  ${virgule(c.tCO2e).padStart(8)} t  (${details.join(", ")})`);
  }
  if (r.corrections) io.out(`${r.corrections} correction(s) de la feuille « Bilan carbone » gardée(s).`);
  if (b.manquants.length) {
    io.out(`À compléter (${b.manquants.length}) :`);
    for (const m of b.manquants) io.out(`  ${m.cellule} — ${m.message}`);
  }
  io.out(r.avertissement);
}

export const commande: Commande = {
  nom: "carbone",
  resume:
    "Données d'activité du bilan carbone (devis et plan de travail), pré-estimation en t CO2e ; -o écrit les feuilles, " +
    "--csv l'export pour le calculateur homologué",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(
      args,
      {
        planning: { type: "string" },
        feuille: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean" },
        o: { type: "string", short: "o" },
        csv: { type: "string" },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`Indiquez un classeur .xlsx.\nUsage : ${USAGE}`);
    const fichier = positionals[0];
    const date = values.date as string | undefined;
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))
      throw new CliError(`L'option --date attend une date AAAA-MM-JJ, reçu « ${date} ».`);
    const sortie = values.o as string | undefined;
    sortieXlsx(sortie);
    const csv = values.csv as string | undefined;
    if (csv !== undefined && !/\.csv$/i.test(csv))
      throw new CliError(`Le fichier de l'option --csv « ${csv} » doit avoir l'extension .csv.`);
    let wb: XlsxWorkbook;
    let r: ResultatCarbone;
    try {
      wb = await XlsxWorkbook.ouvrir(fichier);
      r = await executerBilanCarbone(wb, {
        planning: values.planning as string | undefined,
        feuille: values.feuille as string | undefined,
        date,
        ecrire: sortie !== undefined,
      });
    } catch (e) {
      throw erreurFichier(e, fichier);
    }
    if (sortie !== undefined) await enregistrerSortie(wb, sortie);
    if (csv !== undefined) {
      try {
        await fs.writeFile(csv, r.csv, "utf8");
      } catch (e) {
        throw new CliError(`Écriture impossible de « ${csv} » : ${(e as Error).message}`);
      }
    }
    if (values.json) ecrireJson(io, r.bilan);
    else {
      texte(r, io);
      if (sortie !== undefined)
        io.out(`Écrit : ${sortie} (feuilles ${r.bilan.feuilles.map((f) => `« ${f} »`).join(", ")})`);
      if (csv !== undefined) io.out(`Écrit : ${csv} (export pour le calculateur, séparateur « ; », virgule décimale)`);
    }
    return 0;
  },
};
