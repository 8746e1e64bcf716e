import { pluriel } from "../../core/util/texte";
import { cents, eurosToCents, formatMontantFr } from "../../core/money";
import { executerBilanCarbone, type ResultatCarbone } from "../../app/commandes/carbone";
import { detailDate } from "../../app/arguments";
import { dateValide } from "../../app/commandes/regles";
import { CliError, type Io } from "../io";
import { definirCommande, memeFichier, verifierEmplacement } from "../runner";
import { ligneConstat, texteRegles } from "../constats";

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
  // The spend the estimate leaves out, said next to it: a total is only what its lines could be computed on.
  const aCompleter = eurosToCents(b.couverture.aCompleter);
  const manquant = eurosToCents(b.couverture.facteurManquant);
  if (aCompleter + manquant > 0)
    io.out(
      `Non chiffré : ${formatMontantFr(cents(aCompleter + manquant))} de dépenses du devis ` +
        `(${formatMontantFr(aCompleter)} à compléter, ${formatMontantFr(manquant)} sans facteur d'émission), ` +
        `hors de ce total.`,
    );
  const w = Math.max(...b.categories.map((c) => c.libelle.length));
  for (const c of b.categories) {
    const aCompleter = c.activites.filter((a) => a.methode === "à compléter").length;
    const manquant = c.activites.filter((a) => a.methode === "facteur manquant").length;
    const details = [
      pluriel(c.activites.length, "activité"),
      ...(aCompleter ? [`${aCompleter} à compléter`] : []),
      ...(manquant ? [pluriel(manquant, "facteur manquant", "facteurs manquants")] : []),
    ];
    // « 0,00 t » would read as no emissions: no line of the category could be computed.
    const chiffre = c.nonChiffree ? "non chiffré" : `${virgule(c.tCO2e)} t`;
    io.out(`  ${c.libelle.padEnd(w)}  ${chiffre.padStart(11)}  (${details.join(", ")})`);
  }
  // Weeks and months turned into days of use: said with the convention's confidence and its Paramètres key.
  const converties = b.categories.flatMap((c) => c.activites).filter((a) => a.conversion);
  const regles = b.conversions.filter((c) =>
    converties.some((a) => a.conversion!.code === c.code && a.conversion!.plan === c.plan),
  );
  if (regles.length)
    io.out(
      `Durées converties en jours d'utilisation (${pluriel(converties.length, "ligne")}) : ` +
        regles
          .map(
            (c) =>
              `${c.plan ? "une semaine de tournage" : c.de === "semaine" ? "une semaine" : "un mois"} = ` +
              `${virgule(c.joursParUnite)} jours ` +
              `[${
                c.surcharge
                  ? `Paramètres ${c.surcharge}`
                  : c.plan
                    ? `plan de travail « ${c.plan} », à vérifier`
                    : `${c.confiance}${c.confiance === "H" ? "" : ", à vérifier"}`
              } ; clé carbone.${c.code}]`,
          )
          .join(", ") +
        ".",
    );
  if (r.corrections)
    io.out(
      `${pluriel(r.corrections, "correction")} de la feuille « Bilan carbone » ${r.corrections >= 2 ? "gardées" : "gardée"}.`,
    );
  if (b.manquants.length) {
    io.out(`À compléter (${b.manquants.length}) :`);
    for (const m of b.manquants) io.out(`  ${m.cellule} — ${m.message}`);
  }
  for (const c of r.controles) io.out(ligneConstat(c, ""));
  io.out(r.avertissement);
  for (const l of texteRegles(r.tables)) io.out(l);
}

export const commande = definirCommande({
  nom: "carbone",
  resume:
    "Données d'activité du bilan carbone (devis et plan de travail), pré-estimation en t CO2e ; -o écrit les feuilles, " +
    "--csv l'export pour le calculateur homologué",
  usage: USAGE,
  entree: "un classeur .xlsx",
  ecrit: true,
  options: {
    planning: { type: "string" },
    feuille: { type: "string" },
    date: { type: "string" },
    csv: { type: "string" },
  },
  champs: { date: "--date" },
  verifier(v, { entree, sortie }) {
    if (v.date !== undefined && !dateValide(v.date)) throw new CliError(`L'option --date ${detailDate(v.date)}.`);
    const csv = v.csv;
    if (csv !== undefined) {
      if (!/\.csv$/i.test(csv))
        throw new CliError(`Le fichier de l'option --csv « ${csv} » doit avoir l'extension .csv.`);
      if (memeFichier(csv, entree) || (sortie !== undefined && memeFichier(csv, sortie)))
        throw new CliError(
          `Le fichier de l'option --csv « ${csv} » est ${memeFichier(csv, entree) ? "le fichier lu" : "le fichier de sortie -o"} : ` +
            `indiquez un autre nom.`,
        );
      verifierEmplacement(csv);
    }
    return { planning: v.planning, feuille: v.feuille, date: v.date, csv };
  },
  executer: ({ wb, args, sortie }) =>
    executerBilanCarbone(wb, {
      planning: args.planning,
      feuille: args.feuille,
      date: args.date,
      ecrire: sortie !== undefined,
    }),
  json: (r) => r.bilan,
  texte: (r, io) => texte(r, io),
  feuillesEcrites: (r) => r.bilan.feuilles,
  autresFichiers: (r, { args }) =>
    args.csv === undefined
      ? []
      : [{ chemin: args.csv, contenu: r.csv, ecrit: "export pour le calculateur, séparateur « ; », virgule décimale" }],
});
