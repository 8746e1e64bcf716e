import Decimal from "decimal.js";
import { feuilleNonTrouvee } from "../util/nomsFeuilles";
import { nomFeuilleRef } from "../util/adresse";
import type { Constat } from "../controles/constat";
import { trierConstats } from "../controles/constat";
import { controlerDevis, tablesDevis } from "../devis/regles";
import { tracesDesConstats, tracesSalaireMinimum } from "../devis/regles/salaireMinimum";
import { feuillesDevis, NOMS_SOUHAITES } from "../devis/feuilles";
import { lignesEcrites, sourceLigne } from "../devis/feuilleDevis";
import { normaliser } from "../util/texte";
import type { Devis, Genre, TypeOeuvre } from "../devis/model";
import { feuilleVide, type OptionsImport } from "../devis/import";
import { importerDevisTrouve, trouverFeuilleDevis } from "../devis/trouver";
import { estFeuilleParametres, lireParametres } from "../regles/parametres";
import { choisirNomFeuille, type SheetData, type SheetSpec, type WorkbookPort } from "../port/workbook";
import type { Zone } from "./calendrier";
import { dateEnLettres, estDateIso, jourDepuisIso, nomJour } from "./dates";
import { feriesAnnee } from "./calendrier";
import {
  NOM_FEUILLE_DE_SERVICE,
  NOM_PLAN_DE_TRAVAIL,
  feuilleDeService,
  feuillePlanDeTravail,
} from "./feuillePlanDeTravail";
import { NOM_RETROPLANNING, feuilleRetroplanning } from "./feuilleRetroplanning";
import { estFeuilleEtapes, lireEtapes, livraisonsEcrites, type LivraisonEcrite } from "./lectureEtapes";
import { PlanningError, type Etape } from "./modele";
import { etapesPostProduction } from "./postproduction";
import { surchargerTempsDeTravail } from "./parametresPlanning";
import { lirePlanDeTravail, trouverFeuillePlan, type ConventionParDefaut, type PlanDeTravail } from "./planDeTravail";
import { appliquerQuantites, etatProposition, proposerQuantites, type PropositionQuantite } from "./quantitesDevis";
import { planifier, type Planning } from "./retroplanning";
import { analyserTempsDeTravail, TABLE_TEMPS_DE_TRAVAIL, type AnalyseTempsDeTravail } from "./tempsDeTravail";

export interface OptionsPlanningClasseur {
  /** Steps sheet; omitted = the first user sheet with Étape/Durée headers (none = no rétroplanning). */
  feuille?: string;
  livraison?: string;
  debut?: string;
  zone?: Zone;
  /** Default post-production steps when the workbook has no steps sheet (see postproduction-etapes.json). */
  modele?: { genre: Genre; dureeMinutes?: number; joursTournage?: number };
  /** Day of the feuille de service to write (ISO). */
  feuilleDeService?: string;
  /** Write Rétroplanning / Plan de travail / Feuille de service (false = compute only). */
  ecrire?: boolean;
  /**
   * The production's kind of work, when known (the pane's context, the CLI's --oeuvre): the convention of the plan de
   * travail's rows that give none (cinéma → IDCC 3097, audiovisuel → IDCC 2642), said as deduced. Without it, IDCC
   * 2642 is assumed, and said so.
   */
  typeOeuvre?: TypeOeuvre;
}

/** The convention of a plan de travail's rows that give none: the kind of work's, else IDCC 2642 (assumed). */
export function conventionDeLOeuvre(typeOeuvre: TypeOeuvre | undefined): ConventionParDefaut {
  if (typeOeuvre === "cinema") return { convention: "3097", motif: "le type d'œuvre de la production (cinéma)" };
  if (typeOeuvre === "audiovisuel")
    return { convention: "2642", motif: "le type d'œuvre de la production (audiovisuel)" };
  return { convention: "2642" };
}

export interface ResultatPlanningClasseur {
  planning?: Planning;
  plan?: PlanDeTravail;
  analyse?: AnalyseTempsDeTravail;
  /** Working-time findings (for the Contrôles sheet). */
  controles: Constat[];
  /** Proposed devis quantities: reviewed by the user, never applied here. */
  propositions: PropositionQuantite[];
  /**
   * The proposals already applied by an earlier « Appliquer » (their line ids): Prodbook's Devis sheet, read back,
   * holds the quantity proposed. The pane marks them « appliquée » after a reload; absent when none. A line applied
   * before whose proposal has changed since is not one of them: its proposal carries the quantity applied
   * (`quantiteAppliquee`), « à mettre à jour ».
   */
  dejaAppliquees?: string[];
  feuillesEcrites: string[];
  /** The devis read to propose quantities (a plan de travail and a devis sheet found). */
  devis?: Devis;
  /**
   * The delivery date (PAD) the rétroplanning ends on, and where it comes from: typed (the CLI's --livraison, the
   * pane's field), or read in the steps sheet (`cellule`, the words it is written in). Absent for a planning forward.
   */
  livraison?:
    | { date: string; origine: "saisie" }
    | { date: string; origine: "feuille"; feuille: string; cellule: string; texte: string };
}

/**
 * An AAAA-MM-JJ day that exists, whatever its year: the call sheet's day is only compared with the plan's days (a
 * day of year 0001 is said outside the plan, not « invalide », which Date.UTC would make it by reading year 1 as 1901).
 */
function jourExiste(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const x = new Date(0);
  x.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
  return x.getUTCFullYear() === +m[1] && x.getUTCMonth() === +m[2] - 1 && x.getUTCDate() === +m[3];
}

function verifierDate(d: string | undefined, quoi: string, existe = estDateIso): void {
  if (d !== undefined && !existe(d))
    throw new PlanningError(`Date ${quoi} invalide « ${d} » : attendu AAAA-MM-JJ (par exemple 2026-05-15).`);
}

/**
 * Working-time analysis with the « Paramètres » sheet's overrides (temps-de-travail.<idcc>.<champ>); Sundays and the
 * public holidays of `zone` (metropolitan France by default) worked on the plan are said.
 */
function analyser(plan: PlanDeTravail, sheets: SheetData[], zone?: Zone): AnalyseTempsDeTravail {
  const parametres = sheets.find((s) => estFeuilleParametres(s.name));
  const { table, constats } = surchargerTempsDeTravail(TABLE_TEMPS_DE_TRAVAIL, lireParametres(parametres));
  const a = analyserTempsDeTravail(plan, table, zone);
  return { ...a, constats: trierConstats([...a.constats, ...constats]) };
}

/** The sheets of `existantes` (the workbook's list) that Prodbook did not write (`prodbook`), read. */
async function feuillesUtilisateur(wb: WorkbookPort, existantes: string[], prodbook: string[]): Promise<SheetData[]> {
  const deProdbook = new Set(prodbook.map((n) => n.toLowerCase()));
  const out: SheetData[] = [];
  for (const n of existantes) {
    if (deProdbook.has(n.toLowerCase())) continue;
    const s = await wb.readSheet(n);
    if (s) out.push(s);
  }
  return out;
}

/**
 * Reads the user's steps sheet, plan de travail and devis (whichever exist), computes the schedule, the
 * working-time findings and the proposed devis quantities, and (if asked) writes Prodbook's planning sheets.
 */
export async function planifierClasseur(
  wb: WorkbookPort,
  opts: OptionsPlanningClasseur = {},
): Promise<ResultatPlanningClasseur> {
  verifierDate(opts.livraison, "de livraison");
  verifierDate(opts.debut, "de début");
  verifierDate(opts.feuilleDeService, "de la feuille de service", jourExiste);
  if (opts.livraison && opts.debut)
    throw new PlanningError("Indiquez soit une date de livraison, soit une date de début, pas les deux.");
  // The workbook's sheets and Prodbook's, listed once: nothing is written before the end (two round trips on Office).
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const sheets = await feuillesUtilisateur(wb, existantes, prodbook);
  let etapesSheet: SheetData | undefined;
  if (opts.feuille) {
    etapesSheet = sheets.find((s) => s.name.toLowerCase() === opts.feuille!.toLowerCase());
    if (!etapesSheet)
      throw new PlanningError(
        feuilleNonTrouvee(
          opts.feuille,
          "d'étapes",
          sheets.map((s) => s.name),
          prodbook,
        ),
      );
    // The plan de travail named as the steps sheet: it is read without being named; the sheet to name is the steps'.
    if (!estFeuilleEtapes(etapesSheet) && trouverFeuillePlan([etapesSheet])) {
      const etapes = sheets.find(estFeuilleEtapes);
      throw new PlanningError(
        `La feuille « ${etapesSheet.name} » est un plan de travail (colonnes « Date », « Nom », « Début », « Fin ») : il ` +
          `est lu sans être désigné. La feuille à désigner est celle des étapes (colonnes « Étape » et « Durée (jours ` +
          `ouvrés) »)${etapes ? ` : « ${etapes.name} » dans ce classeur` : ""}.`,
      );
    }
  } else etapesSheet = sheets.find(estFeuilleEtapes);
  // Several sheets of steps: the first is planned, the others are named, never left out without a word.
  const autresEtapes = opts.feuille ? [] : sheets.filter((x) => x !== etapesSheet && estFeuilleEtapes(x));
  if (etapesSheet && opts.modele)
    // The default steps of a genre would be dropped without a word: the workbook's own steps are what is planned.
    throw new PlanningError(
      `Le classeur a sa feuille d'étapes « ${etapesSheet.name} » : ce sont ses étapes qui sont planifiées, pas les ` +
        `étapes par défaut d'un genre : retirez le genre (et sa durée, ses jours de tournage).`,
    );

  let planning: Planning | undefined;
  const etapes: Etape[] | undefined = etapesSheet
    ? lireEtapes(etapesSheet)
    : opts.modele && etapesPostProduction(opts.modele);
  // The delivery date the steps sheet writes (a title « PAD au diffuseur le 30 octobre 2026 »): taken when it is one
  // date and none is given; several, or one that is no day, are named and none is taken.
  const ecrites = etapesSheet ? livraisonsEcrites(etapesSheet) : [];
  const datesEcrites = [...new Set(ecrites.map((e) => e.iso))];
  const lue = datesEcrites.length === 1 && datesEcrites[0] !== undefined ? ecrites[0] : undefined;
  const livraison: ResultatPlanningClasseur["livraison"] = opts.livraison
    ? { date: opts.livraison, origine: "saisie" }
    : !opts.debut && lue
      ? { date: lue.iso!, origine: "feuille", feuille: etapesSheet!.name, cellule: lue.cellule, texte: lue.texte }
      : undefined;
  const constatsLivraison: Constat[] = [];
  if (etapes) {
    if (!livraison && !opts.debut) {
      if (ecrites.length) {
        const ambigue = livraisonAmbigue(etapesSheet!.name, ecrites);
        // Nothing else to report without a plan de travail: the message is the answer.
        if (!trouverFeuillePlan(sheets.filter((s) => s !== etapesSheet))) throw new PlanningError(ambigue.message);
        constatsLivraison.push(ambigue);
      } else
        throw new PlanningError(
          "Indiquez la date de livraison (PAD) pour un rétroplanning, ou la date de début pour un planning en avant.",
        );
    } else
      planning = planifier(
        etapes,
        livraison ? { livraison: livraison.date, zone: opts.zone } : { debut: opts.debut!, zone: opts.zone },
      );
    if (opts.livraison && ecrites.length && !ecrites.some((e) => e.iso === opts.livraison))
      constatsLivraison.push(livraisonSaisie(opts.livraison, etapesSheet!.name, ecrites));
  }
  const autres = sheets.filter((s) => s !== etapesSheet);
  const planSheet = trouverFeuillePlan(autres);
  const autresPlans = planSheet ? autres.filter((x) => x !== planSheet && trouverFeuillePlan([x])) : [];
  const plan = planSheet && lirePlanDeTravail(planSheet, conventionDeLOeuvre(opts.typeOeuvre));
  const analyse = plan && analyser(plan, sheets, opts.zone);
  const devisParmi = autres.filter((s) => s !== planSheet);
  const devisSheet = trouverFeuilleDevis(devisParmi);
  // The devis is read only to propose quantities from a plan de travail; a hidden sheet, or another that looks like a
  // devis, is flagged (feuille-lue).
  // Read for the production's kind of work, as `devis` and « Appliquer » read it (the devis's typeOeuvre).
  const devis =
    plan && devisSheet
      ? importerDevisTrouve(devisSheet, opts.typeOeuvre ? { typeOeuvre: opts.typeOeuvre } : undefined, devisParmi)
      : undefined;
  // Each proposal says whether an earlier « Appliquer » wrote it, or another quantity since changed by the plan.
  const propositions =
    plan && devis ? proposerQuantites(plan, devis, await quantitesAppliquees(wb, devis, existantes, prodbook)) : [];
  const dejaAppliquees = propositions.filter((p) => etatProposition(p) === "appliquee").map((p) => p.ligneId);
  // A call sheet asked for is drawn from the plan de travail, or said impossible: never dropped without a word, and
  // its day checked whether or not the sheets are written.
  if (opts.feuilleDeService && !plan)
    throw new PlanningError(
      `Pas de feuille de service sans plan de travail : le classeur n'a pas de feuille aux colonnes « Date », « Nom », ` +
        `« Début », « Fin ».`,
    );
  const service =
    plan && opts.feuilleDeService
      ? feuilleDeService(plan, opts.feuilleDeService, {
          nom: choisirNomFeuille(NOM_FEUILLE_DE_SERVICE, existantes, prodbook),
        })
      : undefined;
  if (!planning && !plan) {
    // A new workbook of one empty sheet: said as such (as `devis` says it), not « no sheet of steps ».
    if (sheets.length === 1 && feuilleVide(sheets[0]))
      throw new PlanningError(
        `La feuille « ${sheets[0].name} » est vide : elle ne contient ni étapes ni plan de travail à lire.`,
      );
    throw new PlanningError(
      `Aucune feuille d'étapes (colonnes « Étape », « Durée ») ni de plan de travail (« Date », « Nom », « Début », « Fin ») dans ` +
        `le classeur.`,
    );
  }

  const feuillesEcrites: string[] = [];
  if (opts.ecrire) {
    const specs: SheetSpec[] = [];
    if (planning)
      specs.push(
        feuilleRetroplanning(
          planning,
          choisirNomFeuille(NOM_RETROPLANNING, existantes, prodbook),
          livraison?.date ?? opts.debut,
        ),
      );
    if (plan && analyse) {
      specs.push(
        feuillePlanDeTravail(plan, analyse, choisirNomFeuille(NOM_PLAN_DE_TRAVAIL, existantes, prodbook), opts.zone),
      );
      if (service) specs.push(service);
    }
    await wb.writeSheets(specs);
    feuillesEcrites.push(...specs.map((s) => s.name));
  }
  return {
    planning,
    plan,
    analyse,
    controles: trierConstats([
      ...feuillesNonLues("etapes", etapesSheet, autresEtapes),
      ...feuillesNonLues("plan", planSheet, autresPlans),
      ...(analyse?.constats ?? []),
      ...constatsLivraison,
      ...(planning && livraison ? livraisonAvancee(livraison.date, planning, opts.zone) : []),
      ...(planning && plan ? joursApresLivraison(livraison?.date ?? planning.fin, plan) : []),
      ...lignesMasquees(
        etapesSheet,
        (etapesSheet ? (etapes ?? []) : []).map((e) => ({ ligne: e.ligne, cellule: e.cellule, quoi: e.nom })),
        "étapes",
      ),
      ...lignesMasquees(
        planSheet,
        (plan?.vacations ?? []).map((v) => ({
          ligne: v.ligne,
          cellule: v.cellules.nom,
          quoi: `${v.nom}, ${dateEnLettres(v.date)}`,
        })),
        "plan",
      ),
    ]),
    propositions,
    ...(dejaAppliquees.length ? { dejaAppliquees } : {}),
    feuillesEcrites,
    ...(devis ? { devis } : {}),
    ...(planning && livraison ? { livraison } : {}),
  };
}

/**
 * The production the devis belongs to, as `prodbook devis` and the pane's Contrôles take it: the work (cinema: IDCC
 * 3097's grid and chapter names), genre, duration, and annexe III when the producer declares it (never assumed).
 */
export type ProductionDevis = OptionsImport & { annexe3097?: boolean };

/**
 * Applies the quantity changes the user accepted: the producer's devis sheet is left as it is; Prodbook's own
 * Devis, Synthèse and Contrôles sheets are (re)written from it with the new quantities — those accepted now and
 * those applied before (read back from Prodbook's Devis sheet), so applying proposals in several batches keeps every
 * batch, and applying the same ones again writes the same sheets. The result's `appliquees` lists the lines written
 * with the plan's quantity (each « appliquée » now: `quantiteAppliquee` is its `nouvelleQuantite`). A line
 * « à mettre à jour » (Prodbook's Devis sheet holds another quantity than the plan's) takes the plan's when accepted;
 * left unticked, it goes back to the producer's quantity (`ancienneQuantite`), never the other one, and is listed in
 * `aMettreAJour` (`quantiteAppliquee`: the quantity the sheet held). The Contrôles sheet
 * also listing the working-time findings (Sundays and the public holidays of `zone` worked included). The devis is
 * read and checked for `production` with the workbook's « Paramètres », as `structurerDevis` does, so the sheets
 * rewritten say what `prodbook devis` wrote: the same grid, and each salary finding's « D'où vient ce chiffre ? » note.
 */
export async function appliquerPropositions(
  wb: WorkbookPort,
  acceptees: string[],
  date: string,
  zone?: Zone,
  production: ProductionDevis = {},
): Promise<{ appliquees: PropositionQuantite[]; aMettreAJour: PropositionQuantite[]; feuillesEcrites: string[] }> {
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const sheets = await feuillesUtilisateur(wb, existantes, prodbook);
  const planSheet = trouverFeuillePlan(sheets);
  const devisSheet = trouverFeuilleDevis(sheets.filter((s) => s !== planSheet && !estFeuilleEtapes(s)));
  if (!planSheet || !devisSheet)
    throw new PlanningError(
      "Il faut une feuille de plan de travail et une feuille de devis pour appliquer des quantités.",
    );
  const plan = lirePlanDeTravail(planSheet, conventionDeLOeuvre(production.typeOeuvre));
  const { annexe3097, ...lecture } = production;
  const devis = importerDevisTrouve(devisSheet, lecture);
  const noms = {
    devis: choisirNomFeuille(NOMS_SOUHAITES.devis, existantes, prodbook),
    synthese: choisirNomFeuille(NOMS_SOUHAITES.synthese, existantes, prodbook),
    controles: choisirNomFeuille(NOMS_SOUHAITES.controles, existantes, prodbook),
  };
  // The quantities applied before are kept, so a second batch never drops the first. A line « à mettre à jour » left
  // unticked takes the producer's quantity: the other quantity read back in Prodbook's Devis sheet may be a stale
  // `devis -o` write as well as an application, and a quantity nobody ticked is never written over the producer's.
  const propositions = proposerQuantites(plan, devis, await quantitesAppliquees(wb, devis, existantes, prodbook));
  const acceptee = (p: PropositionQuantite) => acceptees.includes(p.ligneId);
  const appliquees = propositions.filter((p) => acceptee(p) || etatProposition(p) === "appliquee");
  const aMettreAJour = propositions.filter((p) => !acceptee(p) && etatProposition(p) === "a-mettre-a-jour");
  const nouveau = appliquerQuantites(devis, appliquees);
  const surcharges = lireParametres(sheets.find((s) => estFeuilleParametres(s.name)));
  const constats = trierConstats([
    ...controlerDevis(nouveau, date, surcharges, annexe3097),
    ...analyser(plan, sheets, zone).constats,
  ]);
  // Each salary finding keeps its « D'où vient ce chiffre ? » note, as `prodbook devis` writes it.
  const salaires = tracesSalaireMinimum({ devis: nouveau, date, surcharges, ...(annexe3097 ? { annexe3097 } : {}) });
  const traces = tracesDesConstats(constats, salaires);
  const specs = feuillesDevis(nouveau, constats, noms, traces, tablesDevis(nouveau, date, annexe3097));
  await wb.writeSheets(specs);
  // As the sheets now stand: each line applied holds its proposal; those left to update went back to the producer's
  // quantity (`ancienneQuantite`), their `quantiteAppliquee` the one Prodbook's Devis sheet held before.
  return {
    appliquees: appliquees.map((p) => ({ ...p, quantiteAppliquee: p.nouvelleQuantite })),
    aMettreAJour,
    feuillesEcrites: specs.map((s) => s.name),
  };
}

/**
 * The quantities an earlier « Appliquer » wrote, by line id: read back from Prodbook's Devis sheet (the one it would
 * write among `existantes`, `prodbook` the caller's lists), each line whose quantity there is not the producer's. A
 * row counts for a line only when its label is the line's (normalised): a row inserted in the producer's sheet since
 * shifts the source cells, and another line's quantity is never taken for this one. The sheet is read only when
 * Prodbook wrote it.
 */
async function quantitesAppliquees(
  wb: WorkbookPort,
  devis: Devis,
  existantes: string[],
  prodbook: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const nom = choisirNomFeuille(NOMS_SOUHAITES.devis, existantes, prodbook);
  if (!prodbook.some((n) => n.toLowerCase() === nom.toLowerCase())) return out;
  const ecrites = lignesEcrites(await wb.readSheet(nom));
  // A label two lines of the devis share (a second « Machiniste » for a renfort) proves nothing after a row shift: the
  // first line would read the second's row. Neither is read back, as for two rows pointing to one cell.
  const libelles = devis.lignes.map((l) => normaliser(l.libelle));
  const parLibelle = new Map<string, number>();
  for (const c of libelles) parLibelle.set(c, (parLibelle.get(c) ?? 0) + 1);
  devis.lignes.forEach((l, i) => {
    const e = ecrites.get(sourceLigne(l));
    if (!e || e.libelle === undefined || parLibelle.get(libelles[i])! > 1 || normaliser(e.libelle) !== libelles[i])
      return;
    if (l.quantite === undefined || !new Decimal(e.quantite).eq(l.quantite)) out.set(l.id, e.quantite);
  });
  return out;
}

/**
 * A delivery date that is no working day (a week-end, a public holiday of the zone): the rétroplanning ends on the
 * working day before, and says so — never a date moved without a word.
 */
function livraisonAvancee(livraison: string, planning: Planning, zone: Zone | undefined): Constat[] {
  if (planning.fin >= livraison) return [];
  const ferie = feriesAnnee(Number(livraison.slice(0, 4)), zone).get(jourDepuisIso(livraison));
  const pourquoi = ferie ? `jour férié, ${ferie}` : "week-end";
  return [
    {
      regle: "livraison-jour-ouvre",
      gravite: "info",
      message:
        `Livraison demandée le ${nomJour(livraison)} ${dateEnLettres(livraison)} (${pourquoi}) : le ` +
        `rétroplanning finit le ${nomJour(planning.fin)} ${dateEnLettres(planning.fin)}, dernier ` +
        `jour ouvré avant. Indiquez une autre date si la livraison peut se faire ce jour-là.`,
    },
  ];
}

/** « le vendredi 30 octobre 2026 (« PAD au diffuseur le vendredi 30 octobre 2026 », 'Post-production'!A2) ». */
function citeLivraison(e: LivraisonEcrite): string {
  return e.iso
    ? `le ${nomJour(e.iso)} ${dateEnLettres(e.iso)} (${e.cellule})`
    : `« ${e.texte} » (${e.cellule}, pas une date existante)`;
}

/** The steps sheet writes several delivery dates, or one that is no day: none is taken, each is named. */
function livraisonAmbigue(feuille: string, ecrites: readonly LivraisonEcrite[]): Constat {
  const lisibles = ecrites.filter((e) => e.iso);
  const quoi =
    new Set(lisibles.map((e) => e.iso)).size > 1
      ? `plusieurs dates de livraison (PAD) : ${ecrites.map(citeLivraison).join(", ")}`
      : `une date de livraison (PAD) illisible : ${ecrites.map(citeLivraison).join(", ")}`;
  return {
    regle: "livraison-ambigue",
    gravite: "erreur",
    message:
      `La feuille d'étapes « ${feuille} » écrit ${quoi} : aucune n'est retenue, le rétroplanning n'est pas calculé. ` +
      `Corrigez la feuille pour qu'elle n'en écrive qu'une, ou indiquez la date de livraison.`,
    cellule: ecrites[0].cellule,
  };
}

/** A delivery date typed that the steps sheet does not write: the typed one is planned, the sheet's is named. */
function livraisonSaisie(saisie: string, feuille: string, ecrites: readonly LivraisonEcrite[]): Constat {
  return {
    regle: "livraison-saisie",
    gravite: "info",
    message:
      `Rétroplanning calculé depuis la livraison indiquée, le ${nomJour(saisie)} ${dateEnLettres(saisie)} ; la feuille ` +
      `d'étapes « ${feuille} » écrit ${ecrites.map(citeLivraison).join(", ")}. Mettez la feuille à jour si la ` +
      `livraison a changé.`,
    cellule: ecrites[0].cellule,
  };
}

/**
 * Sheets of one kind beyond the one read (two steps sheets, two plans de travail): the first is read, the others are
 * named with what to do, so that a second schedule is never left out without a word.
 */
function feuillesNonLues(quoi: "etapes" | "plan", lue: SheetData | undefined, autres: readonly SheetData[]): Constat[] {
  if (!lue || !autres.length) return [];
  const noms = autres.map((x) => `« ${x.name} »`).join(", ");
  const g =
    quoi === "etapes"
      ? { des: "feuilles d'étapes", fait: "planifiée", premier: "la première", lu: "lue", une: "feuille d'étapes" }
      : { des: "plans de travail", fait: "lu", premier: "le premier", lu: "lu", une: "feuille de plan de travail" };
  return [
    {
      regle: "feuilles-non-lues",
      gravite: "alerte",
      message:
        `Le classeur a ${autres.length + 1} ${g.des} : « ${lue.name} » est ${g.fait} (${g.premier}), ${noms} ` +
        `${autres.length > 1 ? `ne sont pas ${g.lu}s` : `n'est pas ${g.lu}`}. Choisissez la feuille à lire, ou ` +
        `réunissez-les en une seule ${g.une}.`,
      cellule: `${nomFeuilleRef(autres[0].name)}!A1`,
    },
  ];
}

/**
 * Steps or working days read on rows the producer hid: a hidden row usually means « not in this version », but
 * nothing proves it, so they are read as if shown (planned, counted in the hours) and named with their cells, as the
 * devis and the financing plan name theirs.
 */
function lignesMasquees(
  sheet: SheetData | undefined,
  lues: readonly { ligne?: number; cellule?: string; quoi: string }[],
  quoi: "étapes" | "plan",
): Constat[] {
  if (!sheet?.lignesMasquees?.length) return [];
  const masquees = new Set(sheet.lignesMasquees);
  const dedans = lues.filter((x) => x.ligne !== undefined && masquees.has(x.ligne - 1));
  if (!dedans.length) return [];
  const n = dedans.length;
  const liste = dedans.map((x) => `${x.cellule ?? `ligne ${x.ligne}`} (${x.quoi})`).join(", ");
  const un = n === 1;
  const qui =
    quoi === "étapes"
      ? `${un ? "Une étape" : `${n} étapes`} de la feuille d'étapes « ${sheet.name} »`
      : `${un ? "Une journée" : `${n} journées`} du plan de travail « ${sheet.name} »`;
  const fait = quoi === "étapes" ? "planifiée" : "comptée";
  return [
    {
      regle: "lignes-masquees-planning",
      gravite: "alerte",
      message: un
        ? `${qui} est lue sur une ligne masquée et ${fait} comme si elle était affichée : ${liste} — affichez la ` +
          `ligne ou supprimez-la si elle ne fait pas partie du planning.`
        : `${qui} sont lues sur des lignes masquées et ${fait}s comme si elles étaient affichées : ${liste} — ` +
          `affichez les lignes ou supprimez-les si elles ne font pas partie du planning.`,
      cellule: dedans[0].cellule,
    },
  ];
}

/**
 * Days of the plan de travail after the delivery (PAD): the schedule would deliver before the shoot (or the crew's
 * work) ends. Said with the last day and its cell, never left to the reader to spot.
 */
function joursApresLivraison(livraison: string, plan: PlanDeTravail): Constat[] {
  const apres = plan.vacations.filter((v) => v.date > livraison);
  if (!apres.length) return [];
  const derniere = apres.reduce((a, v) => (v.date > a.date ? v : a));
  const jours = new Set(apres.map((v) => v.date)).size;
  return [
    {
      regle: "livraison-avant-fin-plan",
      gravite: "alerte",
      message:
        `Livraison (PAD) le ${nomJour(livraison)} ${dateEnLettres(livraison)}, mais le plan de travail « ${plan.feuille} » ` +
        `compte ${jours} ${jours > 1 ? "jours" : "jour"} de travail après elle, jusqu'au ${nomJour(derniere.date)} ` +
        `${dateEnLettres(derniere.date)} (cellule ${derniere.cellules.date}) : la livraison ne peut précéder la fin du ` +
        `tournage. Vérifiez la date de livraison ou les dates du plan de travail.`,
      cellule: derniere.cellules.date,
    },
  ];
}
