import { pluriel } from "../../core/util/texte";
import * as path from "path";
import { LANGUES, type RegimeCredit } from "../../core/creditImpot/modele";
import { financement, type OptionsFinancementPane } from "../../app/commandes/financement";
import { GENRES, type Genre, type OrigineDuree, type TypeOeuvre } from "../../core/devis/model";
import { AucunPlanError, type ResultatAnalyseFinancement } from "../../core/financement/analyser";
import { echeancierJson, resultatJson } from "../../core/financement/json";
import { formatMontantFr, formatPourcentFr } from "../../core/money";
import { mentionConfiance } from "../../core/financement/contexte";
import type { DureeEcrite } from "../../app/commandes/production";
import { choixArg, dureeArg, jsonDuree, montantArg, origineDureeArg, texteDuree, texteDureesAmbigues } from "../args";
import { CliError, type Io } from "../io";
import { CONTROLE_CLASSEUR, definirCommande } from "../runner";
import { OPTION_EXPLIQUE, resume, texteTraces } from "../explique";
import type { Trace } from "../../core/traces/trace";
import type { TracesFinancement } from "../../core/traces/financement";
import { ligneConstat, resumeConstats, texteRegles } from "../constats";

const USAGE =
  "prodbook financement <classeur.xlsx> [--feuille NOM] [--devis FEUILLE | --cout MONTANT] [--oeuvre cinema|audiovisuel] " +
  "[--premier-film] [--oeuvre-difficile] [--genre fiction|documentaire|animation|spectacle] [--duree MINUTES] [--credit-impot " +
  "cinema|audiovisuel|international] [--langue francais|etrangere] [--subventions MONTANT] " +
  "[--date AAAA-MM-JJ] [--json] [--explique] [-o sortie.xlsx] [--strict]";

function texte(
  r: ResultatAnalyseFinancement & { origineDuree?: OrigineDuree; dureesAmbigues?: DureeEcrite[] },
  io: Io,
): void {
  const s = r.synthese;
  const f = (c: number) => formatMontantFr(c as Parameters<typeof formatMontantFr>[0]).padStart(18);
  io.out(`Plan de financement lu dans « ${r.plan.feuille} » : ${pluriel(r.sources.length, "source")}`);
  for (const c of s.parCategorie)
    io.out(`  ${c.libelle.padEnd(62)} ${f(c.montant)}${c.public ? "  (aide publique)" : ""}`);
  io.out(`  ${"Total des financements".padEnd(62)} ${f(s.total)}`);
  if (r.contexte.cout) {
    io.out(`  ${`Coût de production — ${r.contexte.cout.origine}`.padEnd(62)} ${f(r.contexte.cout.montant)}`);
    io.out(`  ${"Reste à financer (négatif : excédent)".padEnd(62)} ${f(s.resteAFinancer ?? 0)}`);
  }
  if (r.contexte.dureeMinutes !== undefined) io.out(`  ${texteDuree(r.contexte.dureeMinutes, r.origineDuree)}`);
  else if (r.dureesAmbigues) io.out(`  ${texteDureesAmbigues(r.dureesAmbigues)}`);
  io.out(`  ${"Aides publiques".padEnd(62)} ${f(s.aidesPubliques)}`);
  if (s.intensite)
    io.out(
      `  Intensité des aides publiques : ${formatPourcentFr(s.intensite)} — plafond ${formatPourcentFr(r.plafond.plafond)}` +
        // The motif has its own parentheses (« œuvre difficile (premier ou deuxième film…) »): after a colon, never
        // inside others. The ceiling's own confidence (audiovisual: D331-17 and the VII of 220 sexies not read in
        // force): said here too, after the figure, as the findings say it (mentionConfiance).
        `${mentionConfiance(r.plafond.confiance)} : ${r.plafond.motif}`,
    );
  if (r.echeancier.mois.length)
    io.out(
      `Échéancier : ${r.echeancier.mois.length} mois, besoin de trésorerie maximal ` +
        `${formatMontantFr(r.echeancier.besoinMaximal)} (${r.echeancier.repartition})`,
    );
  io.out(resumeConstats(r.constats));
  for (const c of r.constats) io.out(ligneConstat(c));
  for (const l of texteRegles(r.tables)) io.out(l);
}

export const commande = definirCommande({
  nom: "financement",
  resume:
    "Vérifie le plan de financement (équilibre avec le devis, intensité des aides publiques, diffuseurs FSA, statuts) ; -o écrit " +
    "Plan de financement et Échéancier",
  usage: USAGE,
  ...CONTROLE_CLASSEUR,
  options: {
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
    subventions: { type: "string" },
    date: { type: "string" },
    ...OPTION_EXPLIQUE,
  },
  champs: {
    dureeMinutes: "--duree",
    date: "--date",
    cout: "--cout",
    genre: "--genre",
    subventionsPubliques: "--subventions",
  },
  verifier(v): OptionsFinancementPane {
    if (v.devis !== undefined && v.cout !== undefined)
      throw new CliError(
        "Les options --devis et --cout s'excluent : le coût vient soit d'une feuille de devis, soit d'un montant.",
      );
    let cout;
    if (v.cout !== undefined) {
      const attendu = "un montant positif (ex. « 3000000 » ou « 3 000 000,00 »)";
      cout = montantArg(v.cout, "--cout", attendu);
      if (cout <= 0) throw new CliError(`L'option --cout attend ${attendu}, reçu « ${v.cout} ».`);
    }
    const regime = choixArg(v["credit-impot"], "--credit-impot", [
      "cinema",
      "audiovisuel",
      "international",
    ] as const) as RegimeCredit | undefined;
    const langue = choixArg(v.langue, "--langue", LANGUES);
    if (langue !== undefined && regime === undefined)
      throw new CliError(
        "L'option --langue fixe le taux du crédit d'impôt cinéma calculé sur le devis : indiquez aussi --credit-impot.",
      );
    // The subsidies come off the base of the credit computed on the devis (the same step as credit-impot --subventions).
    const attenduSubventions = "un montant en euros (« 150 000 » ou 150000)";
    const subventionsPubliques =
      v.subventions === undefined ? undefined : montantArg(v.subventions, "--subventions", attenduSubventions);
    if (subventionsPubliques !== undefined && subventionsPubliques < 0)
      throw new CliError(`L'option --subventions attend ${attenduSubventions}, reçu « ${v.subventions} ».`);
    if (subventionsPubliques !== undefined && regime === undefined)
      throw new CliError(
        "L'option --subventions se déduit de la base du crédit d'impôt calculé sur le devis : indiquez aussi --credit-impot.",
      );
    return {
      feuille: v.feuille,
      feuilleDevis: v.devis,
      cout,
      typeOeuvre: (choixArg(v.oeuvre, "--oeuvre", ["cinema", "audiovisuel"] as const) ?? "cinema") as TypeOeuvre,
      genre: choixArg(v.genre, "--genre", GENRES) as Genre | undefined,
      dureeMinutes: dureeArg(v.duree),
      origineDuree: origineDureeArg(v.duree),
      dureeDuClasseur: true,
      premierOuDeuxiemeFilm: !!v["premier-film"],
      oeuvreDifficile: !!v["oeuvre-difficile"],
      date: v.date,
      creditImpot: regime,
      langue,
      ...(subventionsPubliques !== undefined ? { subventionsPubliques } : {}),
      explique: v.explique === true,
    };
  },
  async executer({ wb, args, entree, sortie }) {
    const r = await financement(wb, args, sortie !== undefined).catch((e: unknown) => {
      // The core's message says « choose the sheet »; here the way to choose it is the option.
      throw e instanceof AucunPlanError ? new AucunPlanError(e.feuilles, "Indiquez-la avec --feuille.", e.vide) : e;
    });
    const illisible = r.plan.coutIllisible;
    if (!r.contexte.cout && illisible) {
      // The plan has its « Coût » line, but its cell is not an amount: named, rather than « introuvable ».
      throw new CliError(
        `${path.basename(entree)} : coût de production illisible en ${illisible.cellule} : ${illisible.quoi} n'est pas un montant ` +
          `(et pas de feuille de devis). Corrigez la cellule, ou indiquez --devis FEUILLE ou --cout MONTANT.`,
      );
    }
    if (!r.contexte.cout) {
      throw new CliError(
        `${path.basename(entree)} : coût de production introuvable (ni feuille de devis, ni ligne « Coût » dans le plan). ` +
          `Indiquez --devis FEUILLE ou --cout MONTANT.`,
      );
    }
    return r;
  },
  json: (r) => ({
    ...resultatJson(r),
    // Added after the others: the duration used, where it comes from; the durations written but not taken.
    ...jsonDuree(r.contexte.dureeMinutes, r.origineDuree, r.dureesAmbigues),
    // Added (December 2026): the échéancier the text and the -o sheet give, month by month.
    echeancier: echeancierJson(r.sources, r.echeancier),
    ...(r.traces ? { traces: r.traces } : {}),
  }),
  texte: (r, io) => {
    texte(r, io);
    if (r.traces)
      texteTraces(io, {
        total: r.traces.total,
        resteAFinancer: r.traces.resteAFinancer,
        intensite: r.traces.intensite,
        // The other figures of the « Plan de financement » sheet, whose notes are these traces (-o): the synthesis
        // (column B), each source's share and their total (column G), each category holding a source. The shares
        // name the total without its sources again (listed above).
        ...figuresDuPlan(r.traces),
        // The duration used (small-budget threshold per hour, the credit computed on the devis), with its cell.
        duree: r.traces.duree,
        // The crédit d'impôt computed on the devis, which the sources name, down to its lines and caps.
        creditImpot: r.traces.creditImpot,
        // Payments of the échéancier without a date (none: nothing to explain).
        sansDate: r.traces.sansDate?.entrees?.length ? r.traces.sansDate : undefined,
        // The échéancier's largest gap (min of the months' cumulative positions, each in --json `traces.cumul`).
        besoinMaximal: r.echeancier.mois.length ? r.traces.besoinMaximal : undefined,
        // Then month by month, as the « Échéancier » sheet computes it: cumul = the previous month's + the month's
        // balance, the balance = its encaissements (down to the payments dated in it and their cells) − its dépenses
        // (the cost spread by the planning's days or evenly). The first month spent in down to the cost's cell; the
        // others (same cost, same total) one level.
        ...moisDetailles(r.traces.mois ?? {}),
      });
  },
  constats: (r) => r.constats,
  feuillesEcrites: (r) => r.feuillesEcrites,
});

/** The plan sheet's figures beyond total, reste à financer and intensity, for the text tree (`texteTraces`). */
function figuresDuPlan(t: TracesFinancement): Record<string, Trace | undefined> {
  const part = (x: Trace | undefined) => x && resume(x, 1);
  const categories = Object.entries(t.categories ?? {}).filter(([, x]) => x.entrees?.length);
  return {
    aidesPubliques: t.aidesPubliques,
    financementEtranger: t.financementEtranger,
    baseIntensite: t.baseIntensite,
    financementPrive: t.financementPrive,
    plafond: t.plafond,
    aidesCnc: t.aidesCnc,
    intensiteCnc: t.intensiteCnc,
    partEnvisagee: part(t.partEnvisagee),
    partEnNegociation: part(t.partEnNegociation),
    diffuseursFrancais: part(t.diffuseursFrancais),
    ...Object.fromEntries((t.partsSources ?? []).map((x, i) => [`part ${i}`, part(x)])),
    totalParts: part(t.totalParts),
    ...Object.fromEntries(
      categories.flatMap(([id, x]) => [
        [`categorie ${id}`, x],
        [`part categorie ${id}`, part(t.partsCategories?.[id])],
      ]),
    ),
  };
}

/**
 * The échéancier's months for the text tree (`traces.mois`), keyed apart from the other figures: each month's dépenses
 * in full for the first month spent in, cut one level below for the others (`resume`), which repeat the same cost.
 */
function moisDetailles(mois: Record<string, Trace>): Record<string, Trace> {
  let premier = true;
  const alleger = (t: Trace): Trace => {
    if (/^Dépenses d/.test(t.libelle) && t.operation !== "valeur") {
      const garder = premier;
      premier = false;
      return garder ? t : resume(t, 1);
    }
    return t.entrees ? { ...t, entrees: t.entrees.map(alleger) } : t;
  };
  return Object.fromEntries(Object.entries(mois).map(([m, t]) => [`mois ${m}`, alleger(t)]));
}
