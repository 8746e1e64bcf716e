import { trierConstats, type Constat } from "../../core/controles/constat";
import { constatsFeuilleLue } from "../../core/devis/regles/feuilleLue";
import { SOURCES_FERIES, ZONES, type Zone } from "../../core/planning/calendrier";
import {
  appliquerPropositions,
  planifierClasseur,
  type OptionsPlanningClasseur,
  type ProductionDevis,
  type ResultatPlanningClasseur,
} from "../../core/planning/planningClasseur";
import type { PropositionQuantite } from "../../core/planning/quantitesDevis";
import type { EtapePlanifiee } from "../../core/planning/retroplanning";
import { ANNEE_PLAN_MAX, ANNEE_PLAN_MIN } from "../../core/planning/planDeTravail";
import type { WorkbookPort } from "../../core/port/workbook";
import { TABLE_TEMPS_DE_TRAVAIL } from "../../core/planning/tempsDeTravail";
import { versionEnVigueur, type TableRegles } from "../../core/regles/table";
import { TABLE_DIMANCHES_FERIES } from "../../core/planning/dimanchesFeries";
import { TABLE_POSTPRODUCTION } from "../../core/planning/postproduction";
import { regleUtilisee, sansDoublon, type RegleUtilisee } from "../../core/regles/utilisees";
import { invalide, JOURS_MAX, verifierDate, verifierDuree, verifierEntier } from "../arguments";
import { verifierDateRegles } from "../dateRegles";
import { lienTexte, regleLisible, type LienTexte, type RegleLisible } from "../presentationRegles";
import type { OrigineDuree, TypeOeuvre } from "../../core/devis/model";
import { origineDuree } from "../contexte";
import { avecDureeDuClasseur, type DureeEcrite } from "./production";
import { memoriserLectures } from "../lecturesMemorisees";
import { constatsParametresNonLus, DOMAINES_PARAMETRES } from "../parametresNonLus";
import { avecNomenclature } from "../../core/devis/nomenclature";
import { dateEnLettres } from "../../core/util/texte";

export interface OptionsPlanningPane {
  feuille?: string;
  livraison?: string;
  debut?: string;
  zone?: Zone;
  feuilleDeService?: string;
  /** Default post-production steps when the workbook has no steps sheet. */
  modele?: OptionsPlanningClasseur["modele"];
  /** Where the default steps' duration was typed (the CLI's --duree); a duration given without it is « saisie ». */
  origineDuree?: OrigineDuree;
  /**
   * Default steps without a duration: take the one written in the workbook, with its cell, as `devis` does (the CLI
   * without --duree); none when it writes none or several (each named).
   */
  dureeDuClasseur?: boolean;
  /**
   * The production's kind of work (the context's « Type d'œuvre », the CLI's --oeuvre): the convention of the plan de
   * travail's rows that give none, said as deduced (cinéma → IDCC 3097); without it IDCC 2642 is assumed and said.
   */
  typeOeuvre?: TypeOeuvre;
}

/** The planning, and the duration that sized the default steps with where it comes from (a cell, typed). */
export type ResultatPlanning = ResultatPlanningClasseur & {
  duree?: { minutes: number; origine: OrigineDuree };
  /** Default steps without a duration: the different ones the workbook writes, none taken. */
  dureesAmbigues?: DureeEcrite[];
  /** The rule-table versions used (tablesPlanning). */
  tables: RegleUtilisee[];
};

/** What the Planning page shows. */
export interface ApercuPlanning {
  etapes: EtapePlanifiee[];
  debut?: string;
  fin?: string;
  cheminCritique: string[];
  jalons: { nom: string; date: string }[];
  controles: Constat[];
  propositions: PropositionQuantite[];
  /**
   * The proposals already applied (line ids; read back from Prodbook's Devis sheet): « appliquée » on load. A
   * proposal whose line holds another quantity there carries it (`quantiteAppliquee`): « à mettre à jour ».
   */
  dejaAppliquees: string[];
  feuillesEcrites: string[];
  /** Where the figures come from: the plan de travail read, and the sheet's steps or the default ones. */
  feuillePlan?: string;
  /** Public holidays skipped: « Métropole » or « Alsace-Moselle ». */
  joursFeries?: string;
  /** The texts that list those holidays (Code du travail, on Légifrance), as links. */
  sourcesFeries: LienTexte[];
  /** The working-time rules applied to the plan de travail (each version in force on one of its days). */
  textes: RegleLisible[];
  /**
   * The delivery date (PAD) planned back from, when read in the steps sheet (none typed): the date, the sheet and
   * the cell it is written in, for the page to say where it comes from.
   */
  livraisonLue?: { date: string; feuille: string; cellule: string };
}

/**
 * The rule-table versions a planning used, each once: the default post-production steps (their latest version) when
 * they were planned, then the working-time and Sunday/holiday tables' versions in force on the plan de travail's days,
 * in date order. The `tables` of `prodbook planning --json` and the page's « Textes appliqués ».
 */
export function tablesPlanning(r: ResultatPlanningClasseur, etapesParDefaut: boolean): RegleUtilisee[] {
  const out: RegleUtilisee[] = [];
  const derniere = TABLE_POSTPRODUCTION.versions[TABLE_POSTPRODUCTION.versions.length - 1];
  if (etapesParDefaut && r.planning && derniere) out.push(regleUtilisee(TABLE_POSTPRODUCTION.id, derniere));
  const dates = [...new Set(r.plan?.vacations.map((v) => v.date) ?? [])].sort();
  // Working time, then the Sunday and holiday majorations (read on the same days).
  for (const table of [TABLE_TEMPS_DE_TRAVAIL, TABLE_DIMANCHES_FERIES] as TableRegles<unknown>[]) {
    for (const d of dates) {
      const v = versionEnVigueur(table, d);
      if (v) out.push(regleUtilisee(table.id, v));
    }
  }
  return sansDoublon(out);
}

function apercu(r: ResultatPlanning): ApercuPlanning {
  return {
    etapes: r.planning?.etapes ?? [],
    debut: r.planning?.debut,
    fin: r.planning?.fin,
    cheminCritique: r.planning?.cheminCritique ?? [],
    jalons: r.planning?.jalons ?? [],
    controles: r.controles,
    propositions: r.propositions,
    dejaAppliquees: r.dejaAppliquees ?? [],
    feuillesEcrites: r.feuillesEcrites,
    ...(r.plan ? { feuillePlan: r.plan.feuille } : {}),
    ...(r.planning ? { joursFeries: r.planning.zone === "alsace-moselle" ? "Alsace-Moselle" : "Métropole" } : {}),
    sourcesFeries: r.planning ? SOURCES_FERIES[r.planning.zone].map(lienTexte) : [],
    textes: r.tables.map(regleLisible),
    ...(r.livraison?.origine === "feuille"
      ? { livraisonLue: { date: r.livraison.date, feuille: r.livraison.feuille, cellule: r.livraison.cellule } }
      : {}),
  };
}

/** The public-holiday zone, when given, is one Prodbook knows (the pane sends the production context's). */
function verifierZone(zone: unknown): void {
  if (zone !== undefined && !ZONES.includes(zone as Zone))
    throw invalide("zone", `attend « ${ZONES.join(" » ou « ")} », reçu « ${String(zone)} »`);
}

/** The kind of work, when given, is one Prodbook knows. */
function verifierOeuvre(oeuvre: unknown): void {
  if (oeuvre !== undefined && oeuvre !== "cinema" && oeuvre !== "audiovisuel")
    throw invalide("typeOeuvre", `attend « cinema » ou « audiovisuel », reçu « ${String(oeuvre)} »`);
}

/** The years a schedule may span (public holidays known, Excel's calendar), as a plan de travail's days. */
const ANNEE_MIN = ANNEE_PLAN_MIN;
const ANNEE_MAX = ANNEE_PLAN_MAX;

/**
 * The planning use case, for the pane and `prodbook planning`: checks the arguments, computes the rétroplanning
 * and the plan de travail checks, and writes Rétroplanning / Plan de travail / Feuille de service when `ecrire`.
 */
export async function planifier(
  classeur: WorkbookPort,
  args: OptionsPlanningPane,
  ecrire: boolean,
): Promise<ResultatPlanning> {
  // The duration's reading and the use case's share their sheets.
  const wb = memoriserLectures(classeur);
  verifierDuree(args.modele?.dureeMinutes);
  verifierZone(args.zone);
  verifierOeuvre(args.typeOeuvre);
  verifierEntier(args.modele?.joursTournage, "joursTournage", 1, "jours", { max: JOURS_MAX });
  // Each date named by its field (the CLI: by its option), not the file's fault.
  for (const champ of ["livraison", "debut", "feuilleDeService"] as const) verifierDate(args[champ], champ);
  for (const champ of ["livraison", "debut"] as const) {
    // The range the holiday tables and Excel handle: beyond it, a step would be blamed for the date given.
    const annee = Number(args[champ]?.slice(0, 4));
    // The date in words, as the other date refusals (dateRegles): the pane's user typed « 31/12/2999 », not ISO.
    if (annee < ANNEE_MIN || annee > ANNEE_MAX)
      throw invalide(
        champ,
        `attend une date de ${ANNEE_MIN} à ${ANNEE_MAX}, reçu « ${dateEnLettres(args[champ] as string)} »`,
      );
  }
  const { origineDuree: origineDonnee, dureeDuClasseur, modele, ...options } = args;
  // The duration only sizes the default steps: read in the workbook (its devis title) for them alone.
  const d = modele
    ? await avecDureeDuClasseur(wb, { dureeMinutes: modele.dureeMinutes, origineDuree: origineDonnee, dureeDuClasseur })
    : undefined;
  // The « Paramètres » keys no calculation reads that the working-time rules could have meant: with the plan's findings.
  const parametres = await constatsParametresNonLus(wb, DOMAINES_PARAMETRES.planning);
  const r = await planifierClasseur(wb, {
    ...options,
    ...(modele ? { modele: { ...modele, dureeMinutes: d?.dureeMinutes } } : {}),
    ecrire,
  });
  const origine = d && origineDuree(d);
  return {
    ...r,
    // The devis read for the quantities, found hidden: said like `devis` says it (feuille-lue).
    ...(r.devis || parametres.length
      ? { controles: trierConstats([...r.controles, ...parametres, ...(r.devis ? constatsFeuilleLue(r.devis) : [])]) }
      : {}),
    ...(d?.dureeMinutes !== undefined && origine ? { duree: { minutes: d.dureeMinutes, origine } } : {}),
    ...(d?.dureesAmbigues ? { dureesAmbigues: d.dureesAmbigues } : {}),
    // The CNC nomenclature, last, when a devis was read for the quantities (as `devis` names it).
    tables: avecNomenclature(tablesPlanning(r, modele !== undefined), r.devis),
  };
}

/**
 * Planning commands: « Recalculer » reads only; « Écrire les feuilles » writes Rétroplanning / Plan de travail;
 * quantities are applied only on acceptance.
 */
export const commandesPlanning = {
  async calculerPlanning(wb: WorkbookPort, args: OptionsPlanningPane): Promise<ApercuPlanning> {
    return apercu(await planifier(wb, args, false));
  },
  async ecrireFeuillesPlanning(wb: WorkbookPort, args: OptionsPlanningPane): Promise<ApercuPlanning> {
    return apercu(await planifier(wb, args, true));
  },
  /**
   * The plan de travail is read again with the public holidays of `zone` (the production context's; métropole by
   * default), so the Contrôles sheet written lists the same Sunday and holiday findings as the page; the devis is read
   * for the production (`production`: the context's work, genre, duration, annexe III, as the Contrôles page takes
   * it), so a cinema devis keeps IDCC 3097's grid. `lignes` are the lines accepted now: those applied before are read
   * back from Prodbook's Devis sheet and kept; `appliquees` lists them all. A line « à mettre à jour » (another
   * quantity in Prodbook's Devis sheet than the plan's) takes the plan's when in `lignes`; otherwise it goes back to
   * the producer's quantity, never the other one (maybe a stale `devis -o`), and is listed in `aMettreAJour`.
   */
  async appliquerQuantitesDevis(
    wb: WorkbookPort,
    args: { lignes: string[]; date: string; zone?: Zone; production?: ProductionDevis },
  ): Promise<{ appliquees: PropositionQuantite[]; aMettreAJour: PropositionQuantite[]; feuillesEcrites: string[] }> {
    verifierZone(args.zone);
    verifierOeuvre(args.production?.typeOeuvre);
    verifierDateRegles(args.date, "date");
    verifierDuree(args.production?.dureeMinutes);
    return appliquerPropositions(wb, args.lignes, args.date, args.zone, args.production);
  },
};
