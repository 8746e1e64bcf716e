import { dateEnLettres, minutesFr } from "../util/texte";
import Decimal from "decimal.js";
import brutIntensite from "../regles/data/intensite-aides.json";
import brutFsa from "../regles/data/financement-fsa.json";
import type { Genre, TypeOeuvre } from "../devis/model";
import { cents, type Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import { surchargeMontant, surchargeTaux } from "../regles/parametres";
import { Confiance, Surcharges, TableRegles, validerTable, versionEnVigueur, VersionRegle } from "../regles/table";
import { ErreurDonnees } from "../erreurs";

export interface PlafondsOeuvre {
  plafondGeneral: string;
  plafondDerogatoire: string;
  /** Cents; null when no small-budget threshold on the whole cost is known for this kind of work. */
  seuilPetitBudget: Cents | null;
  plafondAidesCnc: string;
  derogationPremierFilm: boolean;
  /** Cents per hour: audiovisual small budget (D331-17: budget ≤ 100 000 € per hour). */
  seuilPetitBudgetParHeure?: Cents | null;
  /**
   * What makes a work « difficile » (D331-17): a first or second film (cinema), or an assessment — innovative, hard to
   * access or sensitive — that only the producer can declare (audiovisual).
   */
  difficile?: "premier-ou-deuxieme-film" | "appreciation";
  /** Confidence of these figures for this kind of work (the version's tag is the lowest of both). */
  confiance: Confiance;
  /** What the aid intensity divides by: the whole cost, or the French participation (cost − foreign coproducers). */
  baseIntensite: BaseIntensite;
  /** The text that defines this base for this kind of work, and where it was read. */
  sourceBaseIntensite: string;
}

export type BaseIntensite = "cout" | "participation-francaise";

export interface ValeursIntensite {
  seuilAlerte: string;
  /** What going over the ceiling may cost, said in the finding. */
  consequenceDepassement?: string;
  cinema: PlafondsOeuvre;
  audiovisuel: PlafondsOeuvre;
}

export interface ValeursFsa {
  partMinimaleDiffuseurs: string;
  /** Cents per hour, per genre (RGA art. 311-9); a genre left out has no cash floor. */
  numeraireParHeure: Partial<Record<Genre, Cents>>;
  /** RGA art. 311-10: the lowered share of a genre, and how many times the gap to the common share presales must reach. */
  tauxReduits?: Partial<Record<"animation" | "documentaire", { partMinimale: string; multiplePreventes: number }>>;
}

/** A genre's lowered share (RGA art. 311-10) and the multiple of the gap to the common share presales must reach. */
export interface TauxReduitFsa {
  partMinimale: Decimal;
  multiplePreventes: number;
}

/** Shape, rates in [0, 1] and amounts in cents are checked by the schema (src/core/regles/schemas/financement.ts). */
export const TABLE_INTENSITE: TableRegles<ValeursIntensite> = validerTable<ValeursIntensite>(
  brutIntensite,
  "intensite-aides.json",
);
export const TABLE_FSA: TableRegles<ValeursFsa> = validerTable<ValeursFsa>(brutFsa, "financement-fsa.json");

/** No version of a financing rule table covers the date asked for: French message, the CLI exits 2. */
export class RegleFinancementError extends ErreurDonnees {}

function enVigueur<V>(t: TableRegles<V>, date: string, fichier: string): VersionRegle<V> {
  const v = versionEnVigueur(t, date);
  if (!v)
    throw new RegleFinancementError(
      `Aucune version de ${fichier} n'est en vigueur le ${dateEnLettres(date)} (périodes couvertes : ${t.versions
        .map((x) => `du ${dateEnLettres(x.effetDu)} ${x.effetAu ? `au ${dateEnLettres(x.effetAu)}` : "à ce jour"}`)
        .join(", ")}).`,
    );
  return v;
}

/** What the aid intensity divides by for this kind of work at this date (table intensite-aides in force). */
export function baseIntensiteEnVigueur(date: string, typeOeuvre: TypeOeuvre): BaseIntensite {
  return enVigueur(TABLE_INTENSITE, date, "intensite-aides.json").valeurs[typeOeuvre].baseIntensite;
}

/** The ceiling that applies to one plan, and why. */
export interface PlafondApplicable {
  /** Fraction, Decimal. */
  plafond: Decimal;
  seuilAlerte: Decimal;
  plafondCnc: Decimal;
  plafondGeneral: Decimal;
  plafondDerogatoire: Decimal;
  /** Small-budget threshold on the whole cost (cinema; audiovisual: per-hour threshold × duration, when known). */
  seuilPetitBudget?: Cents;
  /** Audiovisual per-hour threshold, when the table has one. */
  seuilPetitBudgetParHeure?: Cents;
  /** "général" or the derogation's reason. */
  motif: string;
  derogation: boolean;
  confiance: Confiance;
  version: VersionRegle<ValeursIntensite>;
  /** Overrides read from the « Paramètres » sheet that were used: key → cell. */
  surchargesUtilisees: { cle: string; cellule: string }[];
}

export interface CriteresPlafond {
  typeOeuvre: TypeOeuvre;
  /** Cost the small-budget threshold is compared with (the production cost). */
  cout: Cents;
  /** First or second film of the director (« œuvre difficile » for cinema). */
  premierOuDeuxiemeFilm: boolean;
  /** Audiovisual « œuvre difficile » (innovative, hard to access or sensitive) as declared by the producer. */
  oeuvreDifficile?: boolean;
  /** Duration in minutes: the audiovisual small-budget threshold is per hour. */
  dureeMinutes?: number;
  date: string;
  surcharges?: Surcharges;
}

/**
 * Keys a « Paramètres » sheet may override: "intensite-aides.<cinema|audiovisuel>.<plafond-general|plafond-derogatoire|
 * seuil-petit-budget|plafond-aides-cnc>" and "intensite-aides.seuil-alerte" (rates as "50 %" or "0,5").
 */
export const CLES_PARAMETRES_INTENSITE = [
  "plafond-general",
  "plafond-derogatoire",
  "seuil-petit-budget",
  "plafond-aides-cnc",
] as const;

/** Every key of the « Paramètres » sheet the aid-intensity ceiling reads (see plafondApplicable). */
export const CLES_INTENSITE: readonly string[] = [
  "intensite-aides.seuil-alerte",
  ...(["cinema", "audiovisuel"] as const).flatMap((t) =>
    CLES_PARAMETRES_INTENSITE.map((k) => `intensite-aides.${t}.${k}`),
  ),
];

export function plafondApplicable(c: CriteresPlafond): PlafondApplicable {
  const version = enVigueur(TABLE_INTENSITE, c.date, "intensite-aides.json");
  const p = version.valeurs[c.typeOeuvre];
  const utilisees: { cle: string; cellule: string }[] = [];
  const s = c.surcharges ?? new Map();
  const taux = (cle: string, defaut: string) => {
    const o = surchargeTaux(s, cle);
    if (o) utilisees.push({ cle, cellule: o.cellule });
    return o ? o.valeur : new Decimal(defaut);
  };
  const k = (champ: (typeof CLES_PARAMETRES_INTENSITE)[number]) => `intensite-aides.${c.typeOeuvre}.${champ}`;
  const general = taux(k("plafond-general"), p.plafondGeneral);
  const derog = taux(k("plafond-derogatoire"), p.plafondDerogatoire);
  const cnc = taux(k("plafond-aides-cnc"), p.plafondAidesCnc);
  const alerte = taux("intensite-aides.seuil-alerte", version.valeurs.seuilAlerte);
  const seuilLu = surchargeMontant(s, k("seuil-petit-budget"));
  if (seuilLu) utilisees.push({ cle: seuilLu.cle, cellule: seuilLu.cellule });
  const parHeure = p.seuilPetitBudgetParHeure ?? undefined;
  // Cost per hour ≤ threshold ⇔ cost ≤ threshold × duration ÷ 60, rounded down to the cent so that the sheet's
  // « coût ≤ seuil » formula gives the same answer as the exact comparison.
  const seuilDuree =
    parHeure !== undefined && c.dureeMinutes
      ? cents(new Decimal(parHeure).times(c.dureeMinutes).dividedToIntegerBy(60).toNumber())
      : undefined;
  const seuil = seuilLu ? seuilLu.valeur : (p.seuilPetitBudget ?? seuilDuree);
  let motif = "plafond général";
  let derogation = false;
  const appreciation = p.difficile === "appreciation";
  if (c.premierOuDeuxiemeFilm && p.derogationPremierFilm) {
    motif = "œuvre difficile (premier ou deuxième film du réalisateur)";
    derogation = true;
  } else if (appreciation && c.oeuvreDifficile) {
    motif = "œuvre difficile (innovante, peu accessible ou délicate, déclarée par le producteur)";
    derogation = true;
  } else if (seuil !== undefined && c.cout > 0 && c.cout <= seuil) {
    motif =
      parHeure !== undefined && !seuilLu
        ? `œuvre à petit budget (${formatMontantFr(parHeure)} par heure au plus : ${formatMontantFr(seuil)} pour ` +
          `${minutesFr(c.dureeMinutes)} min)`
        : `œuvre à petit budget (coût ≤ ${formatMontantFr(seuil)})`;
    derogation = true;
  }
  if (!derogation && parHeure !== undefined && seuil === undefined)
    motif += ` ; seuil « petit budget » de ${formatMontantFr(parHeure)} par heure non vérifié faute de durée`;
  if (!derogation && appreciation && c.premierOuDeuxiemeFilm)
    motif += " ; un premier ou deuxième film n'est pas une œuvre difficile en audiovisuel (art. D331-17)";
  // Cinema: the text defines « œuvre difficile » as the director's first or second work only (D331-17, 1° a) for
  // the tax credit; the RGA's wider derogation (short-film programme, répertoire work hard to distribute) is a
  // decision of the CNC's president on request. A declared « œuvre difficile » therefore opens nothing by itself.
  if (!derogation && !appreciation && c.oeuvreDifficile)
    motif +=
      " ; œuvre déclarée difficile sans être un premier ou deuxième film : en cinéma, seule la première ou deuxième " +
      "œuvre du réalisateur est une œuvre difficile (art. D331-17) ; la dérogation du règlement général des aides " +
      "(programme de courts métrages, œuvre de répertoire difficile à distribuer) se demande au président du CNC, " +
      "dans la limite de 60 %";
  return {
    confiance: p.confiance,
    plafond: derogation ? derog : general,
    seuilAlerte: alerte,
    plafondCnc: cnc,
    plafondGeneral: general,
    plafondDerogatoire: derog,
    seuilPetitBudget: seuil,
    seuilPetitBudgetParHeure: parHeure,
    motif,
    derogation,
    version,
    surchargesUtilisees: utilisees,
  };
}

export function seuilsFsa(date: string): {
  partMinimale: Decimal;
  /** Cents per hour for each genre that has a cash floor. */
  numeraireParHeure: Partial<Record<Genre, Cents>>;
  /** The genres whose minimal share RGA art. 311-10 lowers, on conditions. */
  tauxReduits: Partial<Record<Genre, TauxReduitFsa>>;
  version: VersionRegle<ValeursFsa>;
} {
  const version = enVigueur(TABLE_FSA, date, "financement-fsa.json");
  return {
    partMinimale: new Decimal(version.valeurs.partMinimaleDiffuseurs),
    numeraireParHeure: version.valeurs.numeraireParHeure,
    tauxReduits: Object.fromEntries(
      Object.entries(version.valeurs.tauxReduits ?? {}).map(([g, t]) => [
        g,
        { partMinimale: new Decimal(t.partMinimale), multiplePreventes: t.multiplePreventes },
      ]),
    ),
    version,
  };
}
