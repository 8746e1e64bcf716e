import { pluriel } from "../../core/util/texte";
import { cents, eurosToCents, formatMontantFr, pourcentsComplementaires } from "../../core/money";
import { executerBilanCarbone, type ResultatCarbone } from "../../app/commandes/carbone";
import { detailDate } from "../../app/arguments";
import { verifierDateRegles } from "../../app/dateRegles";
import { dateValide } from "../../app/commandes/regles";
import { CliError, type Io } from "../io";
import { definirCommande, estUnDossier, lusPar, memeFichier, verifierEmplacement, verifierSortie } from "../runner";
import { ligneConstat, texteRegles } from "../constats";
import * as path from "path";
import { encodageArg, OPTION_ENCODAGE } from "../args";
import { avertissementEncodageCli, lireFichierFec, lireMapping } from "./fec";
import { lireCorrespondances } from "./ecarts";
import { OPTION_EXPLIQUE, resume, texteTraces } from "../explique";

const USAGE =
  "prodbook carbone <classeur.xlsx> [--planning FEUILLE] [--feuille DEVIS] [--date AAAA-MM-JJ] [--json] " +
  "[--explique] [-o sortie.xlsx] [--csv export.csv] [--fec <fichier> [--correspondances <fichier.csv>] " +
  `${OPTION_ENCODAGE} [--colonnes correspondance.json]]`;

/** « 0,52 t », « non chiffré », and with a réalisé « → définitif 0,55 t » (« définitif inconnu » without one). */
function chiffreCategorie(c: ResultatCarbone["bilan"]["categories"][number], definitif: boolean): string {
  const prev = c.nonChiffree ? "non chiffré" : `${virgule(c.tCO2e)} t`;
  if (!definitif) return prev.padStart(11);
  const def = c.tCO2eDefinitif === null ? "définitif inconnu" : `définitif ${virgule(c.tCO2eDefinitif)} t`;
  return `${prev.padStart(11)}  ${def.padEnd(19)}`;
}

const virgule = (s: string) => s.replace(".", ",");

function texte(r: ResultatCarbone, io: Io): void {
  const b = r.bilan;
  const [partActivite, partMonetaire] = pourcentsComplementaires(b.partActivite, b.partMonetaire);
  io.out(
    `Bilan carbone — pré-estimation (devis « ${r.feuilleDevis} »${b.plan ? `, plan de travail « ${b.plan.feuille} »` : ""})`,
  );
  io.out(
    `Total prévisionnel : ${virgule(b.total)} t CO₂e` +
      (b.definitif !== null ? ` ; définitif : ${virgule(b.definitif)} t CO₂e` : "") +
      ` (données d'activité ${partActivite}, ratios monétaires ${partMonetaire})`,
  );
  // The plan de travail's days × people: the set's meals, next to the devis's (or counted, when the devis has none).
  if (b.plan) {
    const p = b.plan;
    const repasDevis = b.categories
      .find((c) => c.code === "repas")!
      .activites.filter((a) => !a.cellule.startsWith(`${p.feuille}!`) && !a.cellule.startsWith(`'${p.feuille}'!`));
    const lus = repasDevis.reduce(
      (s, a) => (a.unite === "repas" && a.quantite !== null ? s + Number(a.quantite) : s),
      0,
    );
    io.out(
      `Plan de travail « ${p.feuille} » : ${pluriel(p.jours, "jour")} de tournage, ${pluriel(p.personnes, "personne")}, ` +
        `${pluriel(p.joursPersonne, "jour-personne", "jours-personne")} = ${pluriel(p.joursPersonne, "repas", "repas")} ` +
        `sur le tournage (un par personne et par jour) ; ` +
        (repasDevis.length
          ? `le devis en compte ${pluriel(lus, "repas", "repas")} : à rapprocher, seuls ceux du devis sont comptés.`
          : "le devis n'a pas de ligne de repas : ceux du plan sont comptés."),
    );
  }
  const o = b.realise;
  if (o.source === "fec")
    io.out(
      `Réalisé : FEC « ${o.fec} », correspondances ${
        o.correspondances === "fichier"
          ? "du fichier donné"
          : o.correspondances === "feuille"
            ? "de la feuille « Correspondances » du classeur"
            : "par défaut de Prodbook (à vérifier)"
      }${b.definitif === null ? " : aucun poste du bilan n'y a de réalisé" : ""}.`,
    );
  else if (o.source === "ecarts") io.out(`Réalisé : feuille « ${o.feuille} » du classeur.`);
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
    // « 0,00 t » would read as no emissions: no line of the category could be computed. With a réalisé, the
    // définitif stands next to the prévisionnel.
    io.out(`  ${c.libelle.padEnd(w)}  ${chiffreCategorie(c, b.definitif !== null)}  (${details.join(", ")})`);
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
    "Données d'activité du bilan carbone (devis et plan de travail), pré-estimation en t CO₂e ; -o écrit les feuilles, " +
    "--csv l'export pour le calculateur homologué, --fec le définitif depuis le Grand Livre ; --explique : d'où vient " +
    "chaque chiffre (total et définitif, catégories, lignes, facteurs, cellules du devis et réalisé)",
  usage: USAGE,
  entree: "un classeur .xlsx",
  ecrit: true,
  options: {
    planning: { type: "string" },
    feuille: { type: "string" },
    date: { type: "string" },
    csv: { type: "string" },
    fec: { type: "string", fichier: true },
    correspondances: { type: "string", fichier: true },
    encodage: { type: "string" },
    colonnes: { type: "string", fichier: true },
    ...OPTION_EXPLIQUE,
  },
  champs: { date: "--date" },
  verifier(v, { entree, sortie }) {
    if (v.date !== undefined && !dateValide(v.date)) throw new CliError(`L'option --date ${detailDate(v.date)}.`);
    verifierDateRegles(v.date, "date");
    const csv = v.csv;
    if (csv !== undefined) {
      if (!/\.csv$/i.test(csv) && estUnDossier(csv))
        throw new CliError(
          `Le fichier de l'option --csv « ${csv} » est un dossier : indiquez un nom de fichier .csv ` +
            `(--csv ${path.join(csv, "export.csv")}).`,
        );
      if (!/\.csv$/i.test(csv))
        throw new CliError(`Le fichier de l'option --csv « ${csv} » doit avoir l'extension .csv.`);
      if (/^\.csv$/i.test(path.basename(csv)))
        throw new CliError(`Le fichier de l'option --csv « ${csv} » n'a pas de nom avant .csv : indiquez-en un.`);
      if (memeFichier(csv, entree) || (sortie !== undefined && memeFichier(csv, sortie)))
        throw new CliError(
          `Le fichier de l'option --csv « ${csv} » est ${memeFichier(csv, entree) ? "le fichier lu" : "le fichier de sortie -o"} : ` +
            `indiquez un autre nom.`,
        );
      verifierEmplacement(csv);
    }
    const fec = v.fec;
    for (const [o, val] of [
      ["--correspondances", v.correspondances],
      ["--encodage", v.encodage],
      ["--colonnes", v.colonnes],
    ] as const)
      if (val !== undefined && fec === undefined)
        throw new CliError(
          `L'option ${o} ne sert qu'avec --fec <fichier> (le Grand Livre du réalisé).\nUsage : ${USAGE}`,
        );
    if (fec !== undefined) {
      const lus = [fec, v.correspondances, v.colonnes].filter((f): f is string => f !== undefined);
      verifierSortie(sortie, ...lusPar({ fec, correspondances: v.correspondances, colonnes: v.colonnes }));
      // Every file read, not the FEC alone: `--correspondances c.csv --csv c.csv` overwrote the correspondances.
      const lu = csv === undefined ? undefined : lus.find((f) => memeFichier(csv, f));
      if (lu !== undefined) {
        const quoi =
          lu === fec
            ? "le FEC lu"
            : lu === v.correspondances
              ? "le fichier de correspondances lu"
              : "la correspondance de colonnes lue";
        throw new CliError(`Le fichier de l'option --csv « ${csv} » est ${quoi} : indiquez un autre nom.`);
      }
    }
    const encodage = encodageArg(v.encodage);
    const corr = v.correspondances ? lireCorrespondances(v.correspondances) : undefined;
    return {
      planning: v.planning,
      feuille: v.feuille,
      date: v.date,
      csv,
      fec,
      encodage,
      correspondances: corr?.table,
      alertes: corr?.alertes,
      colonnes: v.colonnes ? lireMapping(v.colonnes) : undefined,
      explique: v.explique === true,
    };
  },
  async executer({ wb, args, sortie }) {
    const fec =
      args.fec === undefined
        ? undefined
        : {
            resultat: await lireFichierFec(args.fec, { encodage: args.encodage, colonnes: args.colonnes }),
            nom: path.basename(args.fec),
            ...(args.correspondances ? { correspondances: args.correspondances } : {}),
            ...(args.alertes ? { alertes: args.alertes } : {}),
          };
    const r = await executerBilanCarbone(wb, {
      planning: args.planning,
      feuille: args.feuille,
      date: args.date,
      ecrire: sortie !== undefined,
      explique: args.explique,
      ...(fec ? { fec } : {}),
    });
    return { ...r, formatFec: fec?.resultat.format };
  },
  avertissements: (r) => (r.formatFec ? [avertissementEncodageCli(r.formatFec)] : []),
  // Added with --explique: the traces of every figure (activities, categories, chapters, totals, shares), and the
  // totals down to each line (`totalDetaille`, `definitifDetaille`: the trees the text and the pane show).
  json: (r) =>
    r.traces
      ? {
          ...r.bilan,
          traces: { ...r.traces.carbone, totalDetaille: r.traces.total, definitifDetaille: r.traces.definitif },
        }
      : r.bilan,
  texte: (r, io) => {
    texte(r, io);
    const t = r.traces;
    if (!t) return;
    // The total down to each line's factor (its Base Carbone identifier) and devis cells; the définitif, as deep (each
    // line's réalisé, its Écarts cell or FEC poste, and factor), as the pane shows it; the shares, whose lines are those
    // of the total above.
    texteTraces(io, {
      total: t.total,
      definitif: r.bilan.definitif !== null ? t.definitif : undefined,
      partActivite: resume(t.carbone.partActivite, 1),
      partMonetaire: resume(t.carbone.partMonetaire, 1),
    });
  },
  feuillesEcrites: (r) => r.bilan.feuilles,
  autresFichiers: (r, { args }) =>
    args.csv === undefined
      ? []
      : [{ chemin: args.csv, contenu: r.csv, ecrit: "export pour le calculateur, séparateur « ; », virgule décimale" }],
});
