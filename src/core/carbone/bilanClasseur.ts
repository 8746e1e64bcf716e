import { feuilleNonTrouvee } from "../util/nomsFeuilles";
import Decimal from "decimal.js";
import { devisIntrouvable, feuillesAutreUsage, importerDevis } from "../devis/import";
import { sourceLigne, type Devis } from "../devis/model";
import { CHAPITRES_AUDIOVISUEL, ORDRE_CHAPITRES } from "../devis/nomenclature";
import { cellulesNonLues } from "../devis/regles/montantsNonLus";
import { importerDevisTrouve, trouverFeuilleDevis } from "../devis/trouver";
import { ErreurDonnees } from "../erreurs";
import { formatMontantFr } from "../money/format";
import { FEUILLE_ECARTS } from "../ecarts/feuilleEcarts";
import { PlanningError } from "../planning/modele";
import { lirePlanDeTravail, trouverFeuillePlan, type PlanDeTravail } from "../planning/planDeTravail";
import { choisirNomFeuille, type SheetData, type SheetSpec, type WorkbookPort } from "../port/workbook";
import { estFeuilleParametres, lireParametres, nomFeuilleParametres, suggestionCle } from "../regles/parametres";
import { parseCelluleRef } from "../util/adresse";
import { normaliser, pluriel } from "../util/texte";
import { classerLigne, type LigneHorsBilan } from "./classer";
import { NOM_FEUILLE_CARBONE, NOM_FEUILLE_EXPORT } from "./colonnes";
import { blocsCouverture, couverture, type Couverture } from "./couverture";
import { realisesDesEcarts, realisesDuFec, type FecCarbone, type RealisesCarbone } from "./definitif";
import {
  correspondancesParDefaut,
  tablesCorrespondances,
  FEUILLE_CORRESPONDANCES,
  lireFeuilleCorrespondances,
  type TableCorrespondances,
} from "../comptabilite/correspondances";
import type { Constat } from "../controles/constat";
import { estimer, totaliser, type TotauxCarbone } from "./estimer";
import { csvExport, feuilleExport, regrouperExport, type LigneExport } from "./export";
import { conversionDuPlan, facteursEnVigueur, PREFIXE_PARAMETRES, tablesCarbone, type JeuFacteurs } from "./facteurs";
import type { RegleUtilisee } from "../regles/utilisees";
import { feuilleBilan } from "./feuilleBilan";
import { tracesCarbone, type TracesCarbone } from "../traces/carbone";
import type { Activite, ActiviteEstimee, Manquant, SaisieCarbone } from "./modele";
import { activitesDuPlan, resumerPlan, texteSemaines, type ResumePlan } from "./plan";
import { apparierSaisies, lireSaisiesCarbone, type SaisieRelue } from "./relecture";

export interface OptionsBilanCarbone {
  /** Plan de travail sheet; omitted = the user's sheet with Date / Nom / Début / Fin headers, if any. */
  planning?: string;
  /** Devis sheet; omitted = the user's sheet that looks most like a devis. */
  feuille?: string;
  /** ISO date for the factor table; today by default. */
  date?: string;
  /** Write « Bilan carbone » and « Export carbone » (false = compute only). */
  ecrire?: boolean;
  /**
   * The ledger (FEC) whose réalisé by poste gives the définitif, instead of the « Écarts » sheet. Without
   * correspondances: the workbook's « Correspondances » sheet Prodbook wrote, else the default table.
   */
  fec?: Omit<FecCarbone, "correspondances"> & { correspondances?: TableCorrespondances };
}

export interface ResultatBilanCarbone {
  devis: Devis;
  activites: ActiviteEstimee[];
  totaux: TotauxCarbone;
  /**
   * « D'où vient ce chiffre ? » of every figure (activities, categories, chapters, totals, shares): the notes of the
   * « Bilan carbone » sheet; `prodbook carbone --json` may add them (as new fields).
   */
  traces: TracesCarbone;
  manquants: Manquant[];
  hors: LigneHorsBilan[];
  couverture: Couverture;
  plan?: ResumePlan;
  /** The plan de travail as read (its TOTAL rows set aside, said by src/app), when the workbook has one. */
  planDeTravail?: PlanDeTravail;
  jeu: JeuFacteurs;
  export: LigneExport[];
  csv: string;
  /** Activities whose réalisé came from the Écarts sheet. */
  ecarts: boolean;
  /**
   * Where the réalisé came from: the ledger given (its name, and the correspondances used: the file given, the
   * workbook's sheet, or the default table), the « Écarts » sheet, or nothing.
   */
  realise:
    | { source: "fec"; fec: string; correspondances: "fichier" | "feuille" | "defaut" }
    | { source: "ecarts"; feuille: string }
    | { source: null };
  /** The source of the correspondances that mapped the ledger (the default table's, untouched), for its `tables`. */
  sourceCorrespondances?: TableCorrespondances["source"];
  /** The ledger's findings (class-6 accounts mapped to no poste…), when a FEC was given. */
  constatsFec: Constat[];
  /** Corrections kept from the previous sheet. */
  corrections: number;
  feuillesEcrites: string[];
}

const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function aujourdhui(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The devis's cells whose amount was not read (#REF!, « 12.500 », dollars…): no activity nor money ratio comes from
 * them, so the pre-estimate leaves them out — each listed with its cell, as credit-impot, ecarts and financement say.
 */
function montantsNonLus(devis: Devis): Manquant[] {
  return [...new Set(cellulesNonLues(devis))].map((cellule) => ({
    cellule,
    message:
      "Montant non lu (erreur Excel, texte ambigu, date ou autre devise) : cette ligne n'entre pas dans la " +
      "pré-estimation. Le contrôle du devis dit pourquoi ; corrigez-la, puis relancez.",
  }));
}

/**
 * A quantity typed in weeks (or months) in a sheet written before the conversion into days: the row then said
 * « semaine ». Kept, but converted like the line (× days per unit) and said on the row, so that 4 weeks typed never
 * become 4 days.
 */
function enJoursSaisis(activites: Activite[], saisies: Map<string, SaisieCarbone>): void {
  for (const a of activites) {
    const s = saisies.get(a.id);
    const c = a.conversion;
    if (!s || !c || normaliser(s.unite ?? "") !== c.unite) continue;
    const jours = (q: string | undefined) => (q === undefined ? undefined : new Decimal(q).times(c.jours).toFixed());
    const converties = {
      ...s,
      quantite: jours(s.quantite),
      quantiteRealisee: jours(s.quantiteRealisee),
      unite: "jour",
    };
    saisies.set(a.id, converties);
    const v = (d: string) => d.replace(".", ",");
    for (const [avant, apres, quoi] of [
      [s.quantite, converties.quantite, "Quantité retenue"],
      [s.quantiteRealisee, converties.quantiteRealisee, "Quantité réalisée"],
    ] as const)
      if (avant !== undefined && apres !== undefined)
        a.notes.push(
          `${quoi} saisie en ${c.unite} (${v(avant)}) dans la feuille précédente : comptée ${v(apres)} jours ` +
            `(× ${v(c.jours)} j).`,
        );
  }
}

/** « 3 semaines × 5 jours »: the duration read in the devis and the days per unit it was converted with. */
function dureeLue(e: ActiviteEstimee): string {
  const c = e.conversion!;
  const q = new Decimal(c.quantite);
  const n = q.toFixed().replace(".", ",");
  const unite = c.unite === "semaine" ? (q.gte(2) ? "semaines" : "semaine") : "mois";
  return `${n} ${unite} × ${c.jours.replace(".", ",")} jours`;
}

/**
 * Where the days per week (month) of a converted line come from, for its finding: the table's convention (to check),
 * the plan de travail's shooting weeks, or the Paramètres cell.
 */
function origineConversion(e: ActiviteEstimee): string {
  const c = e.conversion!;
  if (c.surcharge) return `jours par ${c.unite} saisis en ${c.surcharge}`;
  if (c.plan) return `jours de tournage par semaine au plan de travail « ${c.plan} »`;
  return `convention${c.confiance === "H" ? "" : " à vérifier"}, clé ${PREFIXE_PARAMETRES}${c.code}`;
}

/** « — jours d'utilisation lus : 15 ; montant lu : 7 500,00 € HT »: what to carry to the calculator, as read. */
function lu(e: ActiviteEstimee): string {
  const conversion = e.conversion && !e.corrigee ? ` (${dureeLue(e)} : ${origineConversion(e)})` : "";
  const parts = [
    e.quantiteRetenue !== undefined && e.unite === "jour"
      ? `jours d'utilisation lus : ${e.quantiteRetenue.replace(".", ",")}${conversion}`
      : undefined,
    e.montant ? `montant lu : ${formatMontantFr(e.montant)} HT` : undefined,
  ].filter((x): x is string => !!x);
  return parts.length ? ` — ${parts.join(" ; ")}` : "";
}

/**
 * « Durée convertie par convention : 3 semaines × 5 jours = 15 jours d'utilisation (…) ; corrigez … »: an estimated
 * line whose days come from the table's convention, not from the devis, the plan de travail or the user.
 */
function messageConvention(e: ActiviteEstimee, jeu: JeuFacteurs): string {
  const c = e.conversion!;
  const semaine = c.unite === "semaine";
  const jours = new Decimal(e.quantiteRetenue ?? "0").toFixed().replace(".", ",");
  const tournage = semaine && e.categorie === "materiel";
  const plan = !tournage
    ? ""
    : jeu.plan
      ? ` ; le plan de travail « ${jeu.plan.feuille} » ne compte pas le même nombre de jours chaque semaine, ` +
        `${jeu.plan.semaines}`
      : " ; aucun plan de travail lu";
  return (
    `Durée convertie par convention : ${dureeLue(e)} = ${jours} jours d'utilisation (${semaine ? "une semaine" : "un mois"} ` +
    `= ${c.jours.replace(".", ",")} jours, convention du tableau des facteurs, à vérifier${plan}) ; corrigez la ` +
    `quantité retenue de la feuille « ${NOM_FEUILLE_CARBONE} », ou donnez la clé ${PREFIXE_PARAMETRES}${c.code} dans ` +
    `la feuille « Paramètres »` +
    (tournage && !jeu.plan ? ", ou un plan de travail (ses jours de tournage par semaine sont alors comptés)." : ".")
  );
}

/** The findings: data to complete, factors missing, unknown Paramètres keys. */
function lesManquants(es: ActiviteEstimee[], jeu: JeuFacteurs): Manquant[] {
  const out: Manquant[] = [];
  for (const e of es) {
    // Activity data the calculators ask for is listed even when the line is estimated on its amount.
    for (const m of e.manques) out.push({ cellule: e.cellule, message: m });
    // An estimate on days counted by the table's convention (a week = 5 days, L): named, so that it is corrected.
    const c = e.conversion;
    if (c && !c.surcharge && !c.plan && c.confiance !== "H" && !e.corrigee && e.methode === "activite")
      out.push({ cellule: e.cellule, message: messageConvention(e, jeu) });
    if (e.methode === "facteur-manquant") {
      const m = jeu.manquants.get(e.facteurRetenu);
      // What to do, in the trade's words. Why no factor could be sourced (the bases searched, a research note) is in
      // the « Source » column of the sheet's factor table and in `facteursManquants` of the JSON, not in the finding.
      out.push({
        cellule: e.cellule,
        message: m
          ? `Facteur manquant pour « ${e.poste} » (${e.libelle}) : aucun facteur d'émission sourcé en kg CO₂e par ` +
            `${m.unite} (« ${m.libelle} », raison dans le tableau des facteurs de la feuille « ${NOM_FEUILLE_CARBONE} ») ; ` +
            (m.conseil
              ? `${m.conseil}${lu(e)} ; ou donnez ` +
                `un facteur dans la feuille « Paramètres » (clé ${PREFIXE_PARAMETRES}${m.code}).`
              : `donnez-en un dans la feuille « Paramètres » (clé ${PREFIXE_PARAMETRES}${m.code}) ou chiffrez ce ` +
                `poste avec le calculateur homologué.`)
          : `Facteur manquant pour « ${e.poste} » (${e.libelle}) : code « ${e.facteurRetenu} » inconnu.`,
      });
    }
  }
  for (const k of jeu.inconnues)
    out.push({
      cellule: k.cellule,
      message: `Paramètre « ${k.cle} » inconnu : aucun facteur ne porte ce code.${suggestionCle(k.proches)}`,
    });
  return out;
}

/**
 * A devis line with an amount that no category of the bilan recognises (« Repérages Bretagne (à ventiler) »): its money
 * is in the coverage's « Non classées » row, and the line is named here with its cell, so that nothing is left out
 * silently: the producer splits it in the devis, or chooses its category in the calculator.
 */
function nonClassees(hors: LigneHorsBilan[]): Manquant[] {
  return hors
    .filter((h) => h.motif === "non-classee" && h.ligne.montant !== 0)
    .map(({ ligne: l }) => ({
      cellule: sourceLigne(l, ["libelle", "montant"]),
      message:
        `Ligne non classée « ${l.libelle} » (${formatMontantFr(l.montant)} HT) : aucune catégorie du bilan ` +
        "(transport, hébergement, repas, matériel, énergie, achats, post-production) ne la reconnaît, elle n'entre pas " +
        "dans la pré-estimation. Ventilez-la dans le devis par poste (trajets, nuitées, repas…), ou saisissez-la dans " +
        "le calculateur homologué.",
    }));
}

/** A correction of the previous sheet whose devis line is gone: said, with what was typed, never put elsewhere. */
function correctionNonReprise(r: SaisieRelue): Manquant {
  const s = r.saisie;
  const valeurs = [
    s.quantite !== undefined ? `quantité retenue ${s.quantite}` : undefined,
    s.facteur !== undefined ? `code facteur ${s.facteur}` : undefined,
    s.realise !== undefined ? `réalisé ${formatMontantFr(s.realise)}` : undefined,
    s.quantiteRealisee !== undefined ? `quantité réalisée ${s.quantiteRealisee}` : undefined,
    s.commentaire !== undefined ? `commentaire « ${s.commentaire} »` : undefined,
  ].filter((v): v is string => v !== undefined);
  return {
    cellule: r.source,
    message:
      `Correction non reprise : la ligne « ${r.libelle} » n'est plus dans le devis (${valeurs.join(", ")}). ` +
      "Saisissez-la à nouveau sur la bonne ligne de « Bilan carbone ».",
  };
}

/**
 * Collects the carbon activity data from the devis and the plan de travail, estimates them with the sourced
 * factors, keeps the user's corrections of a previous « Bilan carbone » sheet, and (if asked) writes that sheet
 * and the « Export carbone » sheet. Never writes over a user's sheet.
 */
export async function bilanCarbone(wb: WorkbookPort, opts: OptionsBilanCarbone = {}): Promise<ResultatBilanCarbone> {
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const anous = (n: string) => prodbook.some((p) => egal(p, n));
  const utilisateur: SheetData[] = [];
  for (const n of existantes.filter((e) => !anous(e) && !estFeuilleParametres(e))) {
    const s = await wb.readSheet(n);
    if (s) utilisateur.push(s);
  }
  const chercher = (nom: string, quoi: string) => {
    const s = utilisateur.find((x) => egal(x.name, nom));
    if (!s)
      throw new ErreurDonnees(
        feuilleNonTrouvee(
          nom,
          quoi,
          utilisateur.map((x) => x.name),
          existantes.filter(anous),
          // A devis asked for: the sheets that are another kind (steps, plan de travail…) named apart.
          quoi === "de devis" ? feuillesAutreUsage(utilisateur) : undefined,
        ),
      );
    return s;
  };
  const planSheet = opts.planning ? chercher(opts.planning, "de plan de travail") : trouverFeuillePlan(utilisateur);
  if (opts.planning && planSheet && !trouverFeuillePlan([planSheet]))
    throw new PlanningError(
      `La feuille « ${planSheet.name} » n'a pas d'en-tête de plan de travail : colonnes « Date », « Nom », « Début » et « Fin » attendues.`,
    );
  const candidates = utilisateur.filter((s) => s !== planSheet);
  const devisSheet = opts.feuille ? chercher(opts.feuille, "de devis") : trouverFeuilleDevis(candidates);
  if (!devisSheet) throw devisIntrouvable(candidates);
  // Found by Prodbook (no --feuille): a hidden sheet is flagged, said by src/app (feuille-lue).
  const devis = opts.feuille ? importerDevis(devisSheet) : importerDevisTrouve(devisSheet, undefined, candidates);
  const planLu = planSheet && lirePlanDeTravail(planSheet);
  // A plan de travail of its header alone (a template not filled yet) has nothing to count: refused when named, left
  // aside when found, never « 0 repas » set against the devis's meals.
  if (opts.planning && planLu && !planLu.vacations.length)
    throw new PlanningError(
      `La feuille de plan de travail « ${planLu.feuille} » n'a aucune journée sous son en-tête : rien à compter ` +
        `(remplissez ses lignes Date, Nom, Début, Fin, ou n'indiquez pas de plan de travail).`,
    );
  const plan = planLu && planLu.vacations.length ? resumerPlan(planLu) : undefined;

  const parametres = nomFeuilleParametres(existantes);
  const jeu = facteursEnVigueur(
    opts.date ?? aujourdhui(),
    lireParametres(parametres ? await wb.readSheet(parametres) : undefined),
  );
  // A rented week of shooting equipment counts the plan's shooting days per week, when every week has as many.
  if (plan?.semaines.length) {
    const semaines = texteSemaines(plan);
    jeu.plan = {
      feuille: plan.feuille,
      semaines,
      ...(plan.joursParSemaine !== undefined
        ? { conversion: conversionDuPlan(jeu, plan.feuille, plan.joursParSemaine, plan.semaines[0].lundi, semaines) }
        : {}),
    };
  }
  const activites: Activite[] = [];
  const hors: LigneHorsBilan[] = [];
  for (const l of devis.lignes) {
    const c = classerLigne(l, jeu);
    if ("activite" in c) activites.push(c.activite);
    else hors.push(c.hors);
  }
  const repas = activites.filter((a) => a.categorie === "repas");
  if (plan && repas.length)
    repas[0].notes.push(
      `Plan de travail « ${plan.feuille} » : ${pluriel(plan.joursPersonne, "jour-personne", "jours-personne")} ` +
        "de tournage (un repas chacun), à rapprocher.",
    );
  if (plan) activites.push(...activitesDuPlan(plan, repas.length > 0));

  const nomBilan = choisirNomFeuille(NOM_FEUILLE_CARBONE, existantes, prodbook);
  const precedente = anous(nomBilan) ? await wb.readSheet(nomBilan) : undefined;
  const { saisies, orphelines } = apparierSaisies(activites, precedente ? lireSaisiesCarbone(precedente) : []);
  const chapitresDuBilan = new Set(activites.flatMap((a) => (a.chapitre ? [a.chapitre] : [])));
  const nomEcarts = choisirNomFeuille(FEUILLE_ECARTS, existantes, prodbook);
  // A ledger given wins over the Écarts sheet of an earlier run: it is the réalisé asked for now.
  const ecarts = !opts.fec && anous(nomEcarts) ? await wb.readSheet(nomEcarts) : undefined;
  let realises: RealisesCarbone = { parCode: new Map(), manquants: [] };
  let origine: ResultatBilanCarbone["realise"] = { source: null };
  let constatsFec: Constat[] = [];
  let sourceCorrespondances: TableCorrespondances["source"];
  if (opts.fec) {
    let correspondances = opts.fec.correspondances;
    let depuis: "fichier" | "feuille" | "defaut" = "fichier";
    if (!correspondances) {
      const nomCorr = choisirNomFeuille(FEUILLE_CORRESPONDANCES, existantes, prodbook);
      const feuille = anous(nomCorr) ? await wb.readSheet(nomCorr) : undefined;
      correspondances = feuille ? lireFeuilleCorrespondances(feuille) : correspondancesParDefaut();
      depuis = feuille ? "feuille" : "defaut";
    }
    const r = realisesDuFec(devis, { ...opts.fec, correspondances }, chapitresDuBilan);
    realises = r;
    constatsFec = r.constats;
    origine = { source: "fec", fec: opts.fec.nom, correspondances: depuis };
    sourceCorrespondances = correspondances.source;
  } else if (ecarts) {
    realises = realisesDesEcarts(ecarts, chapitresDuBilan);
    origine = { source: "ecarts", feuille: ecarts.name };
  }
  enJoursSaisis(activites, saisies);
  const es = estimer(activites, jeu, saisies, realises.parCode, realises.cellules);
  const totaux = totaliser(es);
  const lignesExport = regrouperExport(es);
  const couv = couverture(devis, es, hors);
  const r: ResultatBilanCarbone = {
    devis,
    activites: es,
    totaux,
    traces: tracesCarbone(es, jeu),
    manquants: [
      ...lesManquants(es, jeu),
      ...nonClassees(hors),
      ...orphelines.map(correctionNonReprise),
      ...montantsNonLus(devis),
      ...realises.manquants,
    ],
    hors,
    couverture: couv,
    plan,
    ...(planLu ? { planDeTravail: planLu } : {}),
    jeu,
    export: lignesExport,
    csv: csvExport(lignesExport),
    ecarts: ecarts !== undefined,
    realise: origine,
    ...(sourceCorrespondances ? { sourceCorrespondances } : {}),
    constatsFec,
    // A row's input is kept when some of it is used: a réalisé typed over the ledger's is not (it is named instead).
    corrections: es.filter((e) => {
      const s = saisies.get(e.id);
      if (!s) return false;
      const { quantite, facteur, quantiteRealisee, commentaire, realise } = s;
      return (
        [quantite, facteur, quantiteRealisee, commentaire].some((v) => v !== undefined) ||
        (realise !== undefined && !e.realiseDuGrandLivre)
      );
    }).length,
    feuillesEcrites: [],
  };
  if (!opts.ecrire) return r;

  const numerique = (ref: string) => {
    const p = parseCelluleRef(ref);
    const s = utilisateur.find((x) => p.feuille !== undefined && egal(x.name, p.feuille));
    const c = s?.rows[p.row]?.[p.col];
    return !!c && !c.erreur && typeof c.v === "number";
  };
  const codes = new Set(es.map((e) => e.chapitre ?? "plan"));
  const libelles = new Map<string, string>(CHAPITRES_AUDIOVISUEL.map((c) => [c.code, c.libelle]));
  for (const c of devis.chapitres) libelles.set(c.code, c.libelle);
  const chapitres = [...ORDRE_CHAPITRES, "plan"]
    .filter((c) => codes.has(c))
    .map((code) => ({
      code,
      libelle: code === "plan" ? "Plan de travail (hors devis)" : (libelles.get(code) ?? code),
    }));
  const bilan = feuilleBilan(
    {
      activites: es,
      totaux,
      jeu,
      chapitres,
      numerique,
      traces: r.traces,
      blocsApres: (l, col, ligne) => blocsCouverture(couv, plan, l, col, es, ligne),
    },
    nomBilan,
  );
  const entete = bilan.rows.findIndex((row) => row[0] === "Id");
  const specs: SheetSpec[] = [
    bilan,
    feuilleExport(
      lignesExport,
      {
        nom: nomBilan,
        premiere: entete + 2,
        derniere: entete + 1 + Math.max(es.length, 1),
        activites: es,
        traces: r.traces.activites,
      },
      choisirNomFeuille(NOM_FEUILLE_EXPORT, existantes, prodbook),
    ),
  ];
  await wb.writeSheets(specs);
  return { ...r, feuillesEcrites: specs.map((s) => s.name) };
}

/**
 * The rule-table versions a bilan used: the emission factors', then the default PCG correspondances' when they gave the
 * définitif's réalisé from a FEC, decided as `prodbook ecarts` decides it (tablesCorrespondances).
 */
export function tablesBilanCarbone(r: Pick<ResultatBilanCarbone, "jeu" | "sourceCorrespondances">): RegleUtilisee[] {
  return [...tablesCarbone(r.jeu), ...tablesCorrespondances(r.sourceCorrespondances)];
}
