import Decimal from "decimal.js";
import type { Constat, Regle } from "../controles/constat";
import { executerRegles } from "../controles/constat";
import { creerRegistre } from "../controles/registre";
import { validerTable, versionEnVigueur, type Confiance, type TableRegles } from "../regles/table";
import { dateFr, normaliser } from "../util/texte";
import donnees from "../regles/data/temps-de-travail.json";
import type { Zone } from "./calendrier";
import { heuresFr, hhmm } from "./cellules";
import { constatsDimanchesFeries } from "./dimanchesFeries";
import { dateEnLettres, jourDepuisIso, semaineIso, texteSemaine } from "./dates";
import {
  bornes,
  dureeEffective,
  plagesLignes,
  type Convention,
  type PlanDeTravail,
  type Vacation,
} from "./planDeTravail";
import { pluriel } from "../util/texte";
import { constatsTotauxPlan } from "./totauxPlan";
import { constatsDoublons, plageHoraire, qui } from "./doublonsPlan";

export interface Tranche {
  "au-dela": number;
  jusqua: number | null;
  majoration: string;
}

export interface ReglesConvention {
  libelle: string;
  confiance: Confiance;
  dureeQuotidienneMax: number | null;
  reposQuotidien: number;
  reposReduit: number;
  reposReduitsParSemaine: number;
  dureeHebdomadaireMax: number | null;
  dureeHebdomadaireReference: number;
  tranches: Tranche[];
}

export type ValeursTempsDeTravail = Record<Convention, ReglesConvention>;

export const TABLE_TEMPS_DE_TRAVAIL: TableRegles<ValeursTempsDeTravail> = validerTable(
  donnees,
  "temps-de-travail.json",
);

/** Overtime of one person in one ISO week, minutes per band. */
export interface HeuresSemaine {
  nom: string;
  fonction: string;
  convention: Convention;
  semaine: string;
  minutes: number;
  /** Minutes in each band of the convention, in order (majoration "0.25", "0.50", "0.75"). */
  tranches: { majoration: string; minutes: number }[];
  cellule: string;
}

interface Contexte {
  plan: PlanDeTravail;
  regles: (v: Vacation) => ReglesConvention | undefined;
  /** Vacations grouped by person, sorted by start. */
  parPersonne: Vacation[][];
}

const aVerifier = (r: ReglesConvention) => (r.confiance === "H" ? "" : " [à vérifier]");

/** A person's rows of one day (their start date), in start order: a split day (07:00–13:00, 14:00–21:00) is one day. */
function parJour(vs: readonly Vacation[]): Vacation[][] {
  const jours: Vacation[][] = [];
  for (const v of vs) {
    const dernier = jours[jours.length - 1];
    if (dernier && dernier[0].date === v.date) dernier.push(v);
    else jours.push([v]);
  }
  return jours;
}

/** « 07:00–13:00 (PDT!D2, PDT!E2) »: a row's hours and the cells they were read in. */
const horaires = (v: Vacation) => `${plageHoraire(v)} (${v.cellules.debut}, ${v.cellules.fin})`;

/** A person's rows by ISO week (« 2026-W14 »), in their order. */
function parSemaine(vs: readonly Vacation[]): Map<string, Vacation[]> {
  const semaines = new Map<string, Vacation[]>();
  for (const v of vs) {
    const s = semaineIso(jourDepuisIso(v.date));
    semaines.set(s, [...(semaines.get(s) ?? []), v]);
  }
  return semaines;
}

const dureeQuotidienne: Regle<Contexte> = {
  id: "duree-quotidienne",
  description:
    "Durée de travail effectif d'une journée, toutes ses lignes du plan de travail comptées, au-delà du maximum " +
    "conventionnel (12 h en production audiovisuelle).",
  verifier: ({ parPersonne, regles }) =>
    parPersonne.flatMap((vs) =>
      parJour(vs).flatMap((jour) => {
        const v = jour[0];
        const r = regles(v);
        const d = jour.reduce((t, x) => t + dureeEffective(x), 0);
        if (!r || r.dureeQuotidienneMax === null || d <= r.dureeQuotidienneMax * 60) return [];
        const detail =
          jour.length === 1 ? plageHoraire(v) : `sur ${jour.length} lignes du plan : ${jour.map(horaires).join(" ; ")}`;
        return [
          {
            regle: "duree-quotidienne",
            gravite: "erreur" as const,
            message:
              `${qui(v)} le ${dateEnLettres(v.date)} : ${heuresFr(d)} de travail effectif (${detail}), au-delà du ` +
              `maximum de ${r.dureeQuotidienneMax} h par jour (${r.libelle})${aVerifier(r)}.`,
            cellule: jour[jour.length - 1].cellules.fin,
          },
        ];
      }),
    ),
};

const reposQuotidien: Regle<Contexte> = {
  id: "repos-quotidien",
  description:
    "Repos quotidien : 11 h consécutives entre deux journées, réductible à 9 h deux fois par semaine en audiovisuel " +
    "(IDCC 2642), pas au cinéma ; la coupure entre deux lignes d'une même journée n'en est pas un.",
  verifier: ({ parPersonne, regles }) => {
    const out: Constat[] = [];
    /** Two rows of one day that overlap: no break between them, the same hours counted twice. */
    const chevauchement = (avant: Vacation, v: Vacation) =>
      out.push({
        regle: "repos-quotidien",
        gravite: "erreur",
        message:
          `${qui(v)} le ${dateEnLettres(v.date)} : deux lignes du plan se chevauchent, ${horaires(avant)} et ` +
          `${horaires(v)} ; les heures communes seraient comptées deux fois.`,
        cellule: v.cellules.debut,
      });
    for (const vs of parPersonne) {
      const reduits = new Map<string, number>();
      // The day before's row that ends last: the rest runs from its end to the next day's first start.
      let finAvant: Vacation | undefined;
      for (const jour of parJour(vs)) {
        const v = jour[0];
        const r = regles(v);
        if (finAvant && r) {
          const avant = finAvant;
          const repos = bornes(v).debut - bornes(avant).fin;
          const lieu =
            `${qui(v)} entre le ${dateEnLettres(avant.date)} (fin ${hhmm(avant.fin)}) ` +
            `et le ${dateEnLettres(v.date)} (début ${hhmm(v.debut)})`;
          if (repos < 0)
            out.push({
              regle: "repos-quotidien",
              gravite: "erreur",
              message: `${lieu} : les deux journées se chevauchent.`,
              cellule: v.cellules.debut,
            });
          else if (repos < r.reposReduit * 60) {
            out.push({
              regle: "repos-quotidien",
              gravite: "erreur",
              message:
                `${lieu} : ${heuresFr(repos)} de repos seulement, moins que le minimum ` +
                `absolu de ${r.reposReduit} h (${r.libelle})${aVerifier(r)}.`,
              cellule: v.cellules.debut,
            });
          } else if (repos < r.reposQuotidien * 60) {
            const semaine = semaineIso(jourDepuisIso(v.date));
            const n = (reduits.get(semaine) ?? 0) + 1;
            reduits.set(semaine, n);
            const trop = n > r.reposReduitsParSemaine;
            out.push({
              regle: "repos-quotidien",
              gravite: trop ? "erreur" : "alerte",
              message: trop
                ? `${lieu} : repos réduit à ${heuresFr(repos)}, ${n}e réduction de la ${texteSemaine(semaine)} alors que ` +
                  `${r.reposReduitsParSemaine} au plus sont admises (${r.libelle})${aVerifier(r)}.`
                : `${lieu} : repos réduit à ${heuresFr(repos)} (moins de ${r.reposQuotidien} h ; réduction ${n} sur ` +
                  `${r.reposReduitsParSemaine} admises la ${texteSemaine(semaine)}).`,
              cellule: v.cellules.debut,
            });
          }
        }
        let fin = jour[0];
        for (const x of jour.slice(1)) {
          if (bornes(x).debut < bornes(fin).fin) chevauchement(fin, x);
          if (bornes(x).fin > bornes(fin).fin) fin = x;
        }
        if (!finAvant || bornes(fin).fin > bornes(finAvant).fin) finAvant = fin;
      }
    }
    return out;
  },
};

/** The rules in force during each week (on its first working day), kept out of the public HeuresSemaine. */
const reglesSemaine = new WeakMap<HeuresSemaine, ReglesConvention>();

/** heuresParSemaine per analysis context: two rules and the result read them, computed once. */
const heuresDuContexte = new WeakMap<Contexte, HeuresSemaine[]>();

/** Hours per person and ISO week with their overtime bands (computed once per analysis context). */
export function heuresParSemaine(ctx: Contexte): HeuresSemaine[] {
  let h = heuresDuContexte.get(ctx);
  if (!h) {
    h = calculerHeuresParSemaine(ctx);
    heuresDuContexte.set(ctx, h);
  }
  return h;
}

function calculerHeuresParSemaine(ctx: Contexte): HeuresSemaine[] {
  const out: HeuresSemaine[] = [];
  for (const vs of ctx.parPersonne) {
    for (const [semaine, liste] of parSemaine(vs)) {
      const r = ctx.regles(liste[0]);
      if (!r) continue;
      const minutes = liste.reduce((t, v) => t + dureeEffective(v), 0);
      const h: HeuresSemaine = {
        nom: liste[0].nom,
        fonction: liste[0].fonction,
        convention: liste[0].convention,
        semaine,
        minutes,
        tranches: r.tranches.map((t) => {
          const haut = t.jusqua === null ? Infinity : t.jusqua * 60;
          return { majoration: t.majoration, minutes: Math.max(0, Math.min(minutes, haut) - t["au-dela"] * 60) };
        }),
        cellule: liste[0].cellules.nom,
      };
      reglesSemaine.set(h, r);
      out.push(h);
    }
  }
  return out;
}

const pct = (m: string) => `${new Decimal(m).times(100).toString()} %`;

const dureeHebdomadaire: Regle<Contexte> = {
  id: "duree-hebdomadaire",
  description: "Durée hebdomadaire de travail au-delà de 48 heures.",
  verifier: (ctx) =>
    heuresParSemaine(ctx).flatMap((h) => {
      const r = reglesSemaine.get(h);
      if (!r || r.dureeHebdomadaireMax === null || h.minutes <= r.dureeHebdomadaireMax * 60) return [];
      return [
        {
          regle: "duree-hebdomadaire",
          gravite: "erreur" as const,
          message:
            `${h.nom} : ${heuresFr(h.minutes)} de travail la ${texteSemaine(h.semaine)}, au-delà du maximum de ` +
            `${r.dureeHebdomadaireMax} h (${r.libelle})${aVerifier(r)}.`,
          cellule: h.cellule,
        },
      ];
    }),
};

const heuresSupplementaires: Regle<Contexte> = {
  id: "heures-supplementaires",
  description:
    "Heures supplémentaires par semaine et par personne, par tranche de majoration (information pour la paie et le devis).",
  verifier: (ctx) =>
    heuresParSemaine(ctx).flatMap((h) => {
      const parts = h.tranches.filter((t) => t.minutes > 0).map((t) => `${heuresFr(t.minutes)} à ${pct(t.majoration)}`);
      if (parts.length === 0) return [];
      return [
        {
          regle: "heures-supplementaires",
          gravite: "info" as const,
          message: `${h.nom}, ${texteSemaine(h.semaine)} : ${heuresFr(h.minutes)} travaillées, dont ${parts.join(", ")}.`,
          cellule: h.cellule,
        },
      ];
    }),
};

const conventionsMelangees: Regle<Contexte> = {
  id: "conventions-semaine",
  description:
    "Une personne sous deux conventions dans la même semaine : ses heures de la semaine sont comptées selon la première.",
  verifier: ({ parPersonne }) =>
    parPersonne.flatMap((vs) =>
      [...parSemaine(vs)].flatMap(([semaine, liste]) => {
        const autres = liste.filter((v) => v.convention !== liste[0].convention);
        if (!autres.length) return [];
        const ou = (v: Vacation) => `IDCC ${v.convention} en ${v.cellules.convention ?? v.cellules.date}`;
        return [
          {
            regle: "conventions-semaine",
            gravite: "alerte" as const,
            message:
              `${qui(liste[0])}, ${texteSemaine(semaine)} : deux conventions (${ou(liste[0])}, ${ou(autres[0])}) ; ` +
              `la durée hebdomadaire et les heures supplémentaires de la semaine sont comptées selon IDCC ` +
              `${liste[0].convention}, celle de sa première journée. Vérifiez la convention de ces journées.`,
            cellule: autres[0].cellules.convention ?? autres[0].cellules.date,
          },
        ];
      }),
    ),
};

export const REGLES_TEMPS_DE_TRAVAIL: readonly Regle<Contexte>[] = creerRegistre("planning", [
  conventionsMelangees,
  dureeQuotidienne,
  reposQuotidien,
  dureeHebdomadaire,
  heuresSupplementaires,
]);

export function contexte(
  plan: PlanDeTravail,
  table: TableRegles<ValeursTempsDeTravail> = TABLE_TEMPS_DE_TRAVAIL,
): Contexte {
  const groupes = new Map<string, Vacation[]>();
  for (const v of plan.vacations) {
    const k = normaliser(v.nom);
    groupes.set(k, [...(groupes.get(k) ?? []), v]);
  }
  const parPersonne = [...groupes.values()].map((vs) => vs.slice().sort((a, b) => bornes(a).debut - bornes(b).debut));
  return { plan, parPersonne, regles: (v) => versionEnVigueur(table, v.date)?.valeurs[v.convention] };
}

const LIBELLES_CONVENTION: Record<Convention, string> = {
  "2642": "IDCC 2642 (production audiovisuelle)",
  "3097": "IDCC 3097 (production cinématographique)",
};

/**
 * The rows read without a convention, said: the convention of the production's kind of work (information,
 * `convention-deduite`), or IDCC 2642 assumed (alerte, `convention-supposee`): the daily maximum, the rest, the
 * overtime bands and the Sunday and holiday majorations of those rows are that convention's. Never silent.
 */
export function constatsConvention(plan: PlanDeTravail): Constat[] {
  const s = plan.conventionsSupposees;
  if (!s?.lignes.length) return [];
  const { defaut } = s;
  const ou = s.colonne
    ? `convention non indiquée pour ${pluriel(s.lignes.length, "journée")} (${plagesLignes(plan.feuille, s.colonne, s.lignes)})`
    : `pas de colonne « Convention » (${pluriel(s.lignes.length, "journée")})`;
  const regles =
    "durée quotidienne, repos, heures supplémentaires et majorations du dimanche et des jours fériés de ces journées";
  if (defaut.motif)
    return [
      {
        regle: "convention-deduite",
        gravite: "info",
        message:
          `Plan de travail « ${plan.feuille} » : ${ou} : ${LIBELLES_CONVENTION[defaut.convention]} retenue d'après ` +
          `${defaut.motif} (${regles}).`,
        cellule: s.cellule,
      },
    ];
  const autre: Convention = defaut.convention === "2642" ? "3097" : "2642";
  return [
    {
      regle: "convention-supposee",
      gravite: "alerte",
      message:
        `Plan de travail « ${plan.feuille} » : ${ou} : ${LIBELLES_CONVENTION[defaut.convention]} supposée, faute de mieux (${regles}). ` +
        (s.colonne
          ? `Indiquez la convention de chaque journée (« IDCC ${autre} » ou « IDCC ${defaut.convention} »)`
          : `Ajoutez une colonne « Convention » (« IDCC ${autre} » ou « IDCC ${defaut.convention} »)`) +
        `, ou le type d'œuvre de la production (cinéma : IDCC 3097 ; audiovisuel : IDCC 2642).`,
      cellule: s.cellule,
    },
  ];
}

/** Where `planning` counts a repeated row once: every working-time use of the plan. */
const COMPTEE_TEMPS_DE_TRAVAIL =
  "(durée du jour et de la semaine, repos, heures supplémentaires, dimanches et fériés, quantités du devis, " +
  "feuille Plan de travail)";

export interface AnalyseTempsDeTravail {
  constats: Constat[];
  heures: HeuresSemaine[];
}

/**
 * Findings on the plan de travail (working time, and the days worked on a Sunday or on a public holiday of `zone`),
 * plus the hours/overtime table per person and ISO week.
 */
export function analyserTempsDeTravail(
  plan: PlanDeTravail,
  table?: TableRegles<ValeursTempsDeTravail>,
  zone: Zone = "metropole",
): AnalyseTempsDeTravail {
  const ctx = contexte(plan, table);
  const constats = [
    ...constatsConvention(plan),
    ...constatsDoublons(plan, COMPTEE_TEMPS_DE_TRAVAIL),
    ...constatsTotauxPlan(plan),
    ...executerRegles(REGLES_TEMPS_DE_TRAVAIL, ctx),
    ...constatsDimanchesFeries(plan, zone),
  ];
  const sansRegle = plan.vacations.filter((v) => !ctx.regles(v));
  if (sansRegle.length) {
    // The table the analysis used (the Paramètres sheet's may start elsewhere), its earliest version.
    const debut = (table ?? TABLE_TEMPS_DE_TRAVAIL).versions.map((v) => v.effetDu).sort()[0];
    constats.push({
      regle: "duree-quotidienne",
      gravite: "info",
      message:
        `${sansRegle.length} journée(s) avant l'entrée en vigueur des règles ` +
        `connues (${dateFr(debut)}) : temps de travail non contrôlé.`,
      cellule: sansRegle[0].cellules.date,
    });
  }
  return { constats, heures: heuresParSemaine(ctx) };
}
