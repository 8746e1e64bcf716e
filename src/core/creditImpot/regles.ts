import { type TableRegles, type VersionRegle, validerTable, versionEnVigueur } from "../regles/table";
import { ErreurDonnees } from "../erreurs";
import cinemaJson from "../regles/data/credit-impot-cinema.json";
import cinemaPlafondJson from "../regles/data/credit-impot-cinema-plafond.json";
import plafondBudgetJson from "../regles/data/credit-impot-plafond-budget.json";
import subventionsJson from "../regles/data/credit-impot-subventions.json";
import realisateurJson from "../regles/data/credit-impot-cinema-realisateur.json";
import hebergementJson from "../regles/data/credit-impot-hebergement.json";
import audiovisuelJson from "../regles/data/credit-impot-audiovisuel.json";
import minuteFictionJson from "../regles/data/credit-impot-audiovisuel-plafond-minute-fiction.json";
import minuteCoproJson from "../regles/data/credit-impot-audiovisuel-plafond-minute-coproduction.json";
import minuteDocJson from "../regles/data/credit-impot-audiovisuel-plafond-minute-documentaire.json";
import minuteAnimJson from "../regles/data/credit-impot-audiovisuel-plafond-minute-animation.json";
import minimumFictionJson from "../regles/data/credit-impot-audiovisuel-minimum-fiction.json";
import minimumJeunesseJson from "../regles/data/credit-impot-audiovisuel-minimum-fiction-jeunesse.json";
import minimumDocumentaireJson from "../regles/data/credit-impot-audiovisuel-minimum-documentaire.json";
import minimumAnimationJson from "../regles/data/credit-impot-audiovisuel-minimum-animation.json";
import artistesJson from "../regles/data/credit-impot-artistes.json";
import artistesMinimaJson from "../regles/data/idcc3097-artistes-minima.json";
import internationalJson from "../regles/data/credit-impot-international.json";
import aidesJson from "../regles/data/credit-impot-aides-publiques.json";
import spectacleJson from "../regles/data/credit-impot-spectacle-vivant.json";
import phonoJson from "../regles/data/credit-impot-phonographique.json";
import eligibiliteJson from "../regles/data/credit-impot-eligibilite.json";
import { type GENRES_CREDIT, type ValeursCredit } from "../regles/schemas/creditImpot";
import { listePeriodesEnLettres, periodesEnLettres } from "../util/texte";
import { fusionnerPeriodes, type Periode } from "../util/periodes";

/** Values of each table: typed by its schema (src/core/regles/schemas/creditImpot.ts); amounts in cents. */
export type GenreCredit = (typeof GENRES_CREDIT)[number];
export type ValeursTaux = ValeursCredit<"credit-impot-cinema">;
export type ValeursPlafondOeuvre = ValeursCredit<"credit-impot-cinema-plafond">;
export type ValeursPlafondBudget = ValeursCredit<"credit-impot-plafond-budget">;
export type ValeursSubventions = ValeursCredit<"credit-impot-subventions">;
export type ValeursRealisateur = ValeursCredit<"credit-impot-cinema-realisateur">;
export type ValeursHebergement = ValeursCredit<"credit-impot-hebergement">;
export type ValeursTauxAudiovisuel = ValeursCredit<"credit-impot-audiovisuel">;
export type ValeursMinuteFiction = ValeursCredit<"credit-impot-audiovisuel-plafond-minute-fiction">;
export type ValeursMinute = ValeursCredit<"credit-impot-audiovisuel-plafond-minute-documentaire">;
export type ValeursMinuteCoproduction = ValeursCredit<"credit-impot-audiovisuel-plafond-minute-coproduction">;
export type ValeursMinimumCout = ValeursCredit<"credit-impot-audiovisuel-minimum-fiction">;
export type ValeursMinimumJeunesse = ValeursCredit<"credit-impot-audiovisuel-minimum-fiction-jeunesse">;
export type ValeursMinimumDocumentaire = ValeursCredit<"credit-impot-audiovisuel-minimum-documentaire">;
export type ValeursArtistes = ValeursCredit<"credit-impot-artistes">;
export type ValeursArtistesMinima = ValeursCredit<"idcc3097-artistes-minima">;
export type ValeursInternational = ValeursCredit<"credit-impot-international">;
export type ValeursAides = ValeursCredit<"credit-impot-aides-publiques">;
export type ValeursSpectacle = ValeursCredit<"credit-impot-spectacle-vivant">;
export type ValeursPhono = ValeursCredit<"credit-impot-phonographique">;
export type ValeursEligibilite = ValeursCredit<"credit-impot-eligibilite">;
export type RegleEligibilite = ValeursEligibilite["chapitres"][string];

/** Every table is validated when the module loads: a broken JSON file fails loudly, naming the file. */
export const TABLES_CREDIT_IMPOT = {
  cinema: validerTable<ValeursTaux>(cinemaJson, "credit-impot-cinema.json"),
  cinemaPlafond: validerTable<ValeursPlafondOeuvre>(cinemaPlafondJson, "credit-impot-cinema-plafond.json"),
  plafondBudget: validerTable<ValeursPlafondBudget>(plafondBudgetJson, "credit-impot-plafond-budget.json"),
  subventions: validerTable<ValeursSubventions>(subventionsJson, "credit-impot-subventions.json"),
  realisateur: validerTable<ValeursRealisateur>(realisateurJson, "credit-impot-cinema-realisateur.json"),
  hebergement: validerTable<ValeursHebergement>(hebergementJson, "credit-impot-hebergement.json"),
  audiovisuel: validerTable<ValeursTauxAudiovisuel>(audiovisuelJson, "credit-impot-audiovisuel.json"),
  minuteFiction: validerTable<ValeursMinuteFiction>(
    minuteFictionJson,
    "credit-impot-audiovisuel-plafond-minute-fiction.json",
  ),
  minuteCoproduction: validerTable<ValeursMinuteCoproduction>(
    minuteCoproJson,
    "credit-impot-audiovisuel-plafond-minute-coproduction.json",
  ),
  minuteDocumentaire: validerTable<ValeursMinute>(
    minuteDocJson,
    "credit-impot-audiovisuel-plafond-minute-documentaire.json",
  ),
  minuteAnimation: validerTable<ValeursMinute>(
    minuteAnimJson,
    "credit-impot-audiovisuel-plafond-minute-animation.json",
  ),
  minimumFiction: validerTable<ValeursMinimumCout>(minimumFictionJson, "credit-impot-audiovisuel-minimum-fiction.json"),
  minimumJeunesse: validerTable<ValeursMinimumJeunesse>(
    minimumJeunesseJson,
    "credit-impot-audiovisuel-minimum-fiction-jeunesse.json",
  ),
  minimumDocumentaire: validerTable<ValeursMinimumDocumentaire>(
    minimumDocumentaireJson,
    "credit-impot-audiovisuel-minimum-documentaire.json",
  ),
  minimumAnimation: validerTable<ValeursMinimumCout>(
    minimumAnimationJson,
    "credit-impot-audiovisuel-minimum-animation.json",
  ),
  artistes: validerTable<ValeursArtistes>(artistesJson, "credit-impot-artistes.json"),
  artistesMinima: validerTable<ValeursArtistesMinima>(artistesMinimaJson, "idcc3097-artistes-minima.json"),
  international: validerTable<ValeursInternational>(internationalJson, "credit-impot-international.json"),
  aidesPubliques: validerTable<ValeursAides>(aidesJson, "credit-impot-aides-publiques.json"),
  spectacleVivant: validerTable<ValeursSpectacle>(spectacleJson, "credit-impot-spectacle-vivant.json"),
  phonographique: validerTable<ValeursPhono>(phonoJson, "credit-impot-phonographique.json"),
  eligibilite: validerTable<ValeursEligibilite>(eligibiliteJson, "credit-impot-eligibilite.json"),
} as const;

export type NomTable = keyof typeof TABLES_CREDIT_IMPOT;

/** A version in force with the table it comes from (for sources and « à vérifier »). */
export interface RegleDatee<V> {
  table: string;
  version: VersionRegle<V>;
}

/** The expenditure year picks the version: the one in force on 31 December of that year. */
export function dateAnnee(annee: number): string {
  if (!Number.isInteger(annee) || annee < 1000 || annee > 9999)
    throw new ErreurDonnees(`Année des dépenses invalide « ${annee} » (attendu AAAA).`);
  return `${annee}-12-31`;
}

export function regleAnnee<V>(table: TableRegles<V>, annee: number): RegleDatee<V> | undefined {
  const version = versionEnVigueur(table, dateAnnee(annee));
  return version && { table: table.id, version };
}

/** Periods a table covers, in words (« du 1er janvier 2016 à ce jour »), for the message when no version is in force. */
export function periodes(table: TableRegles<unknown>): string {
  return periodesEnLettres(table.versions);
}

/** The days covered by both lists of periods (each merged by fusionnerPeriodes), in date order. */
function intersection(a: Periode[], b: Periode[]): Periode[] {
  const r: Periode[] = [];
  for (const x of a)
    for (const y of b) {
      const du = x.du > y.du ? x.du : y.du;
      const au = x.au === undefined ? y.au : y.au === undefined ? x.au : x.au < y.au ? x.au : y.au;
      if (au === undefined || du <= au) r.push({ du, ...(au ? { au } : {}) });
    }
  return r;
}

/**
 * The tables a credit always reads for these options (regime, genre, jeunesse, subsidies): the year must be covered
 * by every one of them, else the credit cannot be computed.
 */
function tablesLues(o: {
  regime: string;
  genre: GenreCredit;
  jeunesse?: boolean;
  subventionsPubliques?: unknown;
}): TableRegles<unknown>[] {
  const T = TABLES_CREDIT_IMPOT;
  const tables: TableRegles<unknown>[] = [T.eligibilite];
  if (o.regime === "cinema") tables.push(T.cinema, T.cinemaPlafond, T.plafondBudget, T.aidesPubliques);
  else if (o.regime === "international") tables.push(T.international);
  else {
    tables.push(T.audiovisuel, T.plafondBudget, T.aidesPubliques);
    if (o.genre === "documentaire") tables.push(T.minimumDocumentaire, T.minuteDocumentaire);
    else if (o.genre === "animation") tables.push(T.minimumAnimation, T.minuteAnimation);
    else tables.push(T.minimumFiction, T.minuteFiction, ...(o.jeunesse ? [T.minimumJeunesse] : []));
  }
  if (o.subventionsPubliques !== undefined) tables.push(T.subventions);
  return tables;
}

/**
 * The periods in which the credit asked for can be computed: those every table it reads covers. One answer for any
 * year refused (before the first rule or after the last), in words: « du 1er janvier 2016 au 31 décembre 2028 ».
 */
export function periodesCouvertes(o: Parameters<typeof tablesLues>[0]): { periodes: Periode[]; texte: string } {
  const periodes = tablesLues(o)
    .map((t) => fusionnerPeriodes(t.versions))
    .reduce((a, b) => intersection(a, b));
  return { periodes, texte: listePeriodesEnLettres(periodes) || "aucune" };
}

/** Whether the expenditure year (its 31 December, as `regleAnnee` reads it) falls in one of the periods. */
export function anneeCouverte(annee: number, periodes: Periode[]): boolean {
  const d = dateAnnee(annee);
  return periodes.some((p) => p.du <= d && (p.au === undefined || d <= p.au));
}
