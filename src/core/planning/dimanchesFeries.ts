import Decimal from "decimal.js";
import type { Constat, Regle } from "../controles/constat";
import { executerRegles } from "../controles/constat";
import { creerRegistre } from "../controles/registre";
import donnees from "../regles/data/dimanches-feries.json";
import { validerTable, versionEnVigueur, type Confiance, type TableRegles } from "../regles/table";
import { dateEnLettres, normaliser, pluriel } from "../util/texte";
import { Calendrier, type Zone } from "./calendrier";
import { jourDepuisIso, jourSemaine, nomJour } from "./dates";
import { ferieConnu, type CleFerie } from "./feries";
import type { Convention, PlanDeTravail, Vacation } from "./planDeTravail";

/** A convention's figure for a Sunday or a holiday worked: `majoration` "1" = +100 % (paid double). */
export interface MajorationJour {
  majoration: string;
  article: string;
  precision?: string;
}

export interface DimanchesFeriesConvention {
  libelle: string;
  confiance: Confiance;
  dimanche: MajorationJour | null;
  /** A holiday missing here has no known figure: the finding names the day without a percentage. */
  feries: Partial<Record<CleFerie, MajorationJour>>;
}

export interface ValeursDimanchesFeries {
  premierMai: { indemnite: string; article: string };
  conventions: Record<Convention, DimanchesFeriesConvention>;
}

export const TABLE_DIMANCHES_FERIES: TableRegles<ValeursDimanchesFeries> = validerTable(
  donnees,
  "dimanches-feries.json",
);

/** « dimanche 12 avril 2026 », « vendredi 1er mai 2026 ». */
export function jourEnLettres(iso: string): string {
  return `${nomJour(iso)} ${dateEnLettres(iso)}`;
}

/** One worked day of the plan that is a Sunday or a holiday: its vacations (in sheet order) by convention. */
interface JourParticulier {
  date: string;
  vacations: Vacation[];
  /** `cle` undefined: a holiday the rule table does not know (a name the holiday library may add one day). */
  ferie?: { cle?: CleFerie; nom: string };
}

interface Contexte {
  dimanches: JourParticulier[];
  feries: JourParticulier[];
  table: TableRegles<ValeursDimanchesFeries>;
}

const pct = (m: string) => `${new Decimal(m).times(100).toString()} %`;

/** « 3 personnes » counted by name, and the date cell of the day's first row. */
function ou(j: JourParticulier): string {
  const personnes = new Set(j.vacations.map((v) => normaliser(v.nom))).size;
  return `cellule ${j.vacations[0].cellules.date}, ${pluriel(personnes, "personne")}`;
}

/** « IDCC 3097 : +100 % (titre II art. 41), et une journée de repos… » for each convention present that day. */
function majorations(
  j: JourParticulier,
  table: TableRegles<ValeursDimanchesFeries>,
  quoi: "dimanche" | { cle?: CleFerie },
): string {
  const conventions = [...new Set(j.vacations.map((v) => v.convention))].sort();
  const valeurs = versionEnVigueur(table, j.date)?.valeurs;
  return conventions
    .map((c) => {
      const r = valeurs?.conventions[c];
      const m = r && (quoi === "dimanche" ? r.dimanche : quoi.cle && r.feries[quoi.cle]);
      if (!r || !m) return `IDCC ${c} : majoration non connue ici pour ce jour, à vérifier dans la convention`;
      const taux = new Decimal(m.majoration).isZero() ? "pas de majoration" : `+${pct(m.majoration)}`;
      const verifier = r.confiance === "H" ? "" : " [à vérifier]";
      return `IDCC ${c} : ${taux} (${m.article}${m.precision ? ` : ${m.precision}` : ""})${verifier}`;
    })
    .join(" ; ");
}

const travailDimanche: Regle<Contexte> = {
  id: "travail-dimanche",
  description:
    "Journée du plan de travail un dimanche : permise par dérogation (production audiovisuelle et cinématographique), " +
    "avec la majoration de la convention collective et le repos hebdomadaire un autre jour.",
  verifier: ({ dimanches, table }) =>
    dimanches.map((j) => ({
      regle: "travail-dimanche",
      gravite: "alerte" as const,
      message:
        `Tournage le ${jourEnLettres(j.date)} (${ou(j)}) : travail du dimanche — majoration conventionnelle à ` +
        `prévoir : ${majorations(j, table, "dimanche")}.`,
      cellule: j.vacations[0].cellules.date,
    })),
};

const travailJourFerie: Regle<Contexte> = {
  id: "travail-jour-ferie",
  description:
    "Journée du plan de travail un jour férié (le 1er mai est chômé : travaillé, il est payé double) : majoration de la " +
    "convention collective à prévoir.",
  verifier: ({ feries, table }) =>
    feries.map((j) => {
      const f = j.ferie!;
      const premierMai = versionEnVigueur(table, j.date)?.valeurs.premierMai;
      const mai =
        f.cle === "1er-mai"
          ? `le 1er mai est férié et chômé : n'y travaille qu'un établissement dont l'activité ne peut être ` +
            `interrompue, et le salarié a droit en plus de son salaire à une indemnité égale à ce salaire` +
            `${premierMai ? ` (+${pct(premierMai.indemnite)}, ${premierMai.article})` : ""} ; `
          : "";
      return {
        regle: "travail-jour-ferie",
        gravite: "alerte" as const,
        message:
          `Tournage le ${jourEnLettres(j.date)}, ${f.nom} (${ou(j)}) : travail un jour férié — ${mai}majoration ` +
          `conventionnelle à prévoir : ${majorations(j, table, f)}.`,
        cellule: j.vacations[0].cellules.date,
      };
    }),
};

export const REGLES_DIMANCHES_FERIES: readonly Regle<Contexte>[] = creerRegistre("planning", [
  travailDimanche,
  travailJourFerie,
]);

/**
 * Alerts for the plan de travail's days that fall on a Sunday or on a public holiday of the zone (Alsace-Moselle
 * adds Vendredi saint and 26 December), one per day, naming the day, its first date cell and the majoration of each
 * convention worked that day.
 */
export function constatsDimanchesFeries(
  plan: PlanDeTravail,
  zone: Zone = "metropole",
  table: TableRegles<ValeursDimanchesFeries> = TABLE_DIMANCHES_FERIES,
): Constat[] {
  const cal = new Calendrier(zone);
  const parDate = new Map<string, Vacation[]>();
  for (const v of plan.vacations) parDate.set(v.date, [...(parDate.get(v.date) ?? []), v]);
  const dimanches: JourParticulier[] = [];
  const feries: JourParticulier[] = [];
  for (const date of [...parDate.keys()].sort()) {
    const vacations = parDate
      .get(date)!
      .slice()
      .sort((a, b) => a.ligne - b.ligne);
    const j = jourDepuisIso(date);
    if (jourSemaine(j) === 7) dimanches.push({ date, vacations });
    const nom = cal.ferie(j);
    if (nom !== undefined) {
      // A name the holiday library may add one day is still said, without a figure.
      feries.push({ date, vacations, ferie: ferieConnu(nom) ?? { nom } });
    }
  }
  // In the plan's date order (a Sunday that is also a holiday: the Sunday first), the way a reader goes through it.
  const ordre = new Map([...dimanches, ...feries].map((j) => [j.vacations[0].cellules.date, j.date]));
  return executerRegles(REGLES_DIMANCHES_FERIES, { dimanches, feries, table })
    .map((c, i) => ({ c, i, date: ordre.get(c.cellule ?? "") ?? "" }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i)
    .map((x) => x.c);
}
