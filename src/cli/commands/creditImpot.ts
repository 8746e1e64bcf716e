import { NOMS_REGIME } from "../../core/creditImpot/contexteCalcul";
import { creditImpot, type ApercuCreditImpot, type OptionsCreditImpotPane } from "../../app/commandes/creditImpot";
import {
  GENRES_CREDIT,
  LANGUES,
  libellePlafond,
  REGIMES,
  type ResultatCreditImpot,
} from "../../core/creditImpot/modele";
import {
  cents,
  centsToDecimalString,
  formatMontantFr,
  formatPourcentFr,
  subCents,
  sumCents,
  type Cents,
} from "../../core/money";
import { pluriel } from "../../core/util/texte";
import {
  choixArg,
  dureeArg,
  jsonDuree,
  montantArg,
  nombreArg,
  origineDureeArg,
  texteDuree,
  texteDureesAmbigues,
} from "../args";
import { parseTaux } from "../../core/regles/parametres";
import { jsonTablesUtilisees } from "../../core/regles/utilisees";
import { JOURS_MAX, verifierEntier } from "../../app/arguments";
import { CliError, type Io } from "../io";
import { definirCommande } from "../runner";
import { OPTION_EXPLIQUE, texteTraces } from "../explique";
import { alerteTexte, ligneConstat, texteRegles } from "../constats";

const USAGE =
  "prodbook credit-impot <devis.xlsx> --regime cinema|audiovisuel|international --genre fiction|documentaire|animation " +
  "[--duree MINUTES] [--langue francais|etrangere] [--vfx-france MONTANT] [--subventions MONTANT] [--annee AAAA] " +
  "[--feuille NOM] " +
  "[--hebergement paris|ailleurs] [--financement-etranger " +
  "PART] [--jeunesse] [--jours-tournage-france N] [--json] [--explique] [-o sortie.xlsx [--modele-parametres]]";
const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook credit-impot --json` (issue 4 §5). */
export function jsonCreditImpot(r: Omit<ResultatCreditImpot, "lignes">) {
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
    // Added after the others (issue 11): cinema and audiovisual base capped at 80 % of the budget (220 sexies III-3).
    plafondBase: r.plafondBase
      ? {
          part: r.plafondBase.part.includes(".") ? r.plafondBase.part.padEnd(4, "0") : r.plafondBase.part,
          budget: m(r.plafondBase.budget),
          montant: m(r.plafondBase.montant),
          baseAvant: m(r.plafondBase.baseAvant),
          applique: r.plafondBase.applique,
        }
      : null,
    // Added after the others (issue 11): the public subsidies deducted from the base (220 sexies V, 220 quaterdecies
    // V), when --subventions was given.
    subventionsPubliques: r.subventions
      ? { montant: m(r.subventions.montant), deduit: m(r.subventions.deduit), baseAvant: m(r.subventions.baseAvant) }
      : null,
  };
}

function texte(r: ApercuCreditImpot, source: string, io: Io): void {
  const f = (c: Cents) => formatMontantFr(c).padStart(18);
  io.out(`Crédit d'impôt ${NOMS_REGIME[r.regime]} — ${r.genre} — dépenses ${r.annee} (devis « ${source} »)`);
  if (r.dureeMinutes !== undefined) io.out(texteDuree(r.dureeMinutes, r.origineDuree));
  else if (r.dureesAmbigues) io.out(texteDureesAmbigues(r.dureesAmbigues));
  io.out("Base éligible en France par chapitre :");
  // Every label whole (« 6 Transports, défraiements, régie », « Plafond des aides publiques (50 % du
  // budget) »), the amounts in one column: the label column is as wide as its longest label.
  const lignes: [string, string, string][] = r.baseParChapitre.map((b) => [
    `${b.code.padEnd(4)} ${b.libelle}`,
    f(b.base),
    `  sur ${formatMontantFr(b.total)}`,
  ]);
  // The subsidies line before the cap of the base or after it, in the order the table gives for the credit type.
  const pb = r.plafondBase;
  const sub = r.subventions;
  const ligneSub = (s: NonNullable<typeof sub>) =>
    lignes.push(["Subventions publiques déduites", f(cents(-s.deduit)), `  sur ${formatMontantFr(s.montant)}`]);
  if (sub && sub.ordre === "avant-plafond") ligneSub(sub);
  if (pb)
    lignes.push([
      `Plafond de la base : ${formatPourcentFr(pb.part, 0)} du budget`,
      f(pb.montant),
      `  ${pb.applique ? "appliqué" : "non atteint"}`,
    ]);
  if (sub && sub.ordre !== "avant-plafond") ligneSub(sub);
  lignes.push(["Base retenue", f(r.base), ""]);
  lignes.push(["Taux", formatPourcentFr(r.taux).padStart(18), ""]);
  lignes.push(["Crédit avant plafonds", f(r.creditAvantPlafonds), ""]);
  for (const p of r.plafonds)
    lignes.push([libellePlafond(p.nom), f(p.montant), `  ${p.applique ? "appliqué" : "non atteint"}`]);
  lignes.push(["CRÉDIT D'IMPÔT", f(r.credit), ""]);
  const largeur = Math.max(39, ...lignes.map(([l]) => l.length));
  for (const [libelle, montant, suite] of lignes) io.out(`  ${libelle.padEnd(largeur)} ${montant}${suite}`);
  // The euros the base leaves out, line by line with their cell: what « 53 010,00 € sur 54 110,00 € » does not say.
  if (r.horsBase.length) {
    const total = sumCents(r.horsBase.map((l) => subCents(l.montant, l.base)));
    io.out(`Hors base (${pluriel(r.horsBase.length, "ligne")}, ${formatMontantFr(total)} non retenus) :`);
    for (const l of r.horsBase)
      io.out(
        `  ${l.cellule} « ${l.libelle} » ${formatMontantFr(l.montant)}` +
          (l.base > 0 ? `, ${formatMontantFr(l.base)} retenus` : "") +
          ` — ${l.motif}`,
      );
  }
  for (const l of texteRegles(r.tables)) io.out(l);
  if (r.alertes.length) {
    io.out("Alertes :");
    for (const a of r.alertes) io.out(`  - ${alerteTexte(a)}`);
  }
  for (const c of r.controles) io.out(ligneConstat(c, ""));
}

export const commande = definirCommande({
  nom: "credit-impot",
  resume:
    "Calcule le crédit d'impôt (cinéma, audiovisuel, international) d'un devis, ligne par ligne, avec chaque plafond",
  usage: USAGE,
  entree: "un classeur .xlsx",
  ecrit: true,
  options: {
    regime: { type: "string" },
    genre: { type: "string" },
    duree: { type: "string" },
    langue: { type: "string" },
    "vfx-france": { type: "string" },
    subventions: { type: "string" },
    annee: { type: "string" },
    feuille: { type: "string" },
    hebergement: { type: "string" },
    "financement-etranger": { type: "string" },
    jeunesse: { type: "boolean" },
    "jours-tournage-france": { type: "string" },
    "modele-parametres": { type: "boolean" },
    ...OPTION_EXPLIQUE,
  },
  champs: {
    dureeMinutes: "--duree",
    annee: "--annee",
    depensesVfxFrance: "--vfx-france",
    subventionsPubliques: "--subventions",
    partFinancementEtranger: "--financement-etranger",
    joursTournageFrance: "--jours-tournage-france",
    jeunesse: "--jeunesse",
    langue: "--langue",
  },
  verifier(v, { sortie }): OptionsCreditImpotPane {
    if (v.regime === undefined)
      throw new CliError(`L'option --regime est obligatoire (${REGIMES.join(", ")}).\nUsage : ${USAGE}`);
    if (v.genre === undefined)
      throw new CliError(`L'option --genre est obligatoire (${GENRES_CREDIT.join(", ")}).\nUsage : ${USAGE}`);
    const vfx = v["vfx-france"];
    const attenduVfx = "un montant en euros (« 2 500 000 » ou 2500000)";
    const depensesVfxFrance = vfx === undefined ? undefined : montantArg(vfx, "--vfx-france", attenduVfx);
    if (depensesVfxFrance !== undefined && depensesVfxFrance < 0)
      throw new CliError(`L'option --vfx-france attend ${attenduVfx}, reçu « ${vfx} ».`);
    const attenduSubventions = "un montant en euros (« 150 000 » ou 150000)";
    const subventionsPubliques =
      v.subventions === undefined ? undefined : montantArg(v.subventions, "--subventions", attenduSubventions);
    if (subventionsPubliques !== undefined && subventionsPubliques < 0)
      throw new CliError(`L'option --subventions attend ${attenduSubventions}, reçu « ${v.subventions} ».`);
    if (v.annee !== undefined && !/^[1-9]\d{3}$/.test(v.annee))
      throw new CliError(`L'option --annee attend une année AAAA, reçu « ${v.annee} ».`);
    const etranger = v["financement-etranger"];
    const partEtrangere = etranger === undefined ? undefined : parseTaux(etranger);
    if (etranger !== undefined && (partEtrangere === undefined || partEtrangere.greaterThan(1))) {
      throw new CliError(
        `L'option --financement-etranger attend la part du coût couverte par des financements étrangers (« 35 % » ou 0,35), ` +
          `reçu « ${etranger} ».`,
      );
    }
    const jours = nombreArg(v["jours-tournage-france"], "--jours-tournage-france", { min: 0 });
    // The app's check (the pane's alike), before the workbook is opened; named by its option through `champs`.
    verifierEntier(jours, "joursTournageFrance", 0, "jours", { max: JOURS_MAX, recu: v["jours-tournage-france"] });
    const modeleParametres = v["modele-parametres"] === true;
    if (modeleParametres && sortie === undefined)
      throw new CliError("L'option --modele-parametres écrit une feuille : indiquez aussi -o sortie.xlsx.");
    return {
      regime: choixArg(v.regime, "--regime", REGIMES)!,
      genre: choixArg(v.genre, "--genre", GENRES_CREDIT)!,
      annee: v.annee === undefined ? new Date().getFullYear() : Number(v.annee),
      dureeMinutes: dureeArg(v.duree),
      origineDuree: origineDureeArg(v.duree),
      dureeDuClasseur: true,
      langue: choixArg(v.langue, "--langue", LANGUES),
      depensesVfxFrance,
      subventionsPubliques,
      hebergement: choixArg(v.hebergement, "--hebergement", ["paris", "ailleurs"] as const),
      partFinancementEtranger: partEtrangere?.toString(),
      jeunesse: v.jeunesse === true,
      joursTournageFrance: jours,
      feuille: v.feuille,
      modeleParametres,
      explique: v.explique === true,
    };
  },
  executer: ({ wb, args, sortie }) => creditImpot(wb, args, sortie !== undefined),
  json: (r) => ({
    ...jsonCreditImpot(r),
    // Added after the others: the duration used and where it comes from (a cell, or the option); the durations written
    // but not taken.
    ...jsonDuree(r.dureeMinutes, r.origineDuree, r.dureesAmbigues),
    // Added: each devis line the base does not take in full, with its cell and why.
    lignesHorsBase: r.horsBase.map((l) => ({
      cellule: l.cellule,
      libelle: l.libelle,
      montant: m(l.montant),
      base: m(l.base),
      motif: l.motif,
    })),
    // Added: the findings on what was read (the plan de travail's TOTAL rows set aside), like planning and carbone.
    controles: r.controles.map((c) => ({ ...c, cellule: c.cellule ?? null })),
    ...(r.traces ? { traces: r.traces } : {}),
  }),
  texte: (r, io) => {
    texte(r, r.source, io);
    if (r.traces) texteTraces(io, r.traces);
  },
  feuillesEcrites: (r) => r.feuillesEcrites,
});
