import type { CellData, SheetData } from "../port/workbook";
import { dateEnMots, jourDeLaSemaine } from "../util/datesEcrites";
import { colonneLettre, nomFeuilleRef } from "../util/adresse";
import { referencesFormule } from "../devis/preuve";
import { dateEnLettres, normaliser } from "../util/texte";
import {
  cite,
  dateCellule,
  dureeCellule,
  heureCellule,
  heuresFr,
  hhmm,
  ref,
  sansFusions,
  texte,
  trouverEntetes,
  vide,
} from "./cellules";
import { jourDepuisIso } from "./dates";
import { PlanningError } from "./modele";
import { estFormatDuree } from "../port/dates";

export type Convention = "2642" | "3097";

/** One person's working day on the plan de travail (a « vacation »). */
export interface Vacation {
  date: string;
  nom: string;
  fonction: string;
  convention: Convention;
  /** Minutes since midnight; `fin` ≤ `debut` means the day ends after midnight. */
  debut: number;
  fin: number;
  pauseMinutes: number;
  lieu?: string;
  telephone?: string;
  /** 1-based row, and the cells used in findings. */
  ligne: number;
  cellules: { date: string; nom: string; debut: string; fin: string; convention?: string };
}

/**
 * The convention taken for a row that gives none: IDCC 2642 (Prodbook's default, said as assumed), or the one of the
 * production's kind of work (cinéma → IDCC 3097, audiovisuel → IDCC 2642), said as deduced, with `motif`.
 */
export interface ConventionParDefaut {
  convention: Convention;
  /** Why it applies, as the finding says it (« le type d'œuvre de la production, cinéma »); undefined = assumed. */
  motif?: string;
}

/** A row that repeats another exactly (same person, day, start, end and pause): counted once, said. */
export interface Doublon {
  /** The row kept (the first) and the one set aside, 1-based, with their cells. */
  gardee: Vacation;
  ligne: number;
  cellules: Vacation["cellules"];
}

/**
 * A producer's total row (« TOTAL » under the days, as scheduling tools export it): no date of its own, and every
 * number of the row proven a total of the rows above — the sum of its column, or a formula referencing that column's
 * cells above. Not a day of work: read in no duration, named by `constatsTotauxPlan`.
 */
export interface TotalPlanDeTravail {
  /** 1-based row, its first cell with words (« TOTAL ») or its first total, and the words it gives. */
  ligne: number;
  cellule: string;
  libelle: string;
  /**
   * The proven totals: their cell, value as written and how each is proven — the sum of its column (« somme »), a
   * formula summing that column (« formule »), or, for a duration (« [h]:mm », `minutes` set), the sum to the minute
   * of the days' effective durations (« durees ») or spans (« amplitudes »), or a formula on all those days' rows
   * (« formule-journees »).
   */
  montants: {
    cellule: string;
    valeur: number;
    preuve: "somme" | "formule" | "durees" | "amplitudes" | "formule-journees";
    formule?: string;
    minutes?: number;
  }[];
}

export interface PlanDeTravail {
  feuille: string;
  vacations: Vacation[];
  /** The producer's total rows (« TOTAL » at the bottom), proven by arithmetic or formula: not days of work. */
  totaux?: TotalPlanDeTravail[];
  /** Rows repeating an earlier one exactly: not in `vacations` (counted once), named by `constatsDoublons`. */
  doublons?: Doublon[];
  /**
   * The rows that give no convention (blank « Convention » cells, or a sheet without that column: `colonne`
   * undefined), read with `defaut`. Undefined when every row gives one.
   */
  conventionsSupposees?: {
    defaut: ConventionParDefaut;
    /** The « Convention » column's letter, when the sheet has one. */
    colonne?: string;
    /** Where the finding points: the first blank « Convention » cell, else the header's « Nom » cell. */
    cellule: string;
    /** 1-based rows of the vacations read with the default convention. */
    lignes: number[];
  };
}

const MOTIFS = {
  date: /^(date|jour|day)\b/,
  nom: /^(nom|personne|equipier|salarie|intervenant|name)\b/,
  fonction: /^(fonction|poste|role|job)\b/,
  convention: /^(convention|idcc|ccn)\b/,
  debut: /^(debut|heure de debut|convocation|pat|arrivee|start)\b/,
  fin: /^(fin|heure de fin|fin de journee|end)\b/,
  pause: /^(pause|repas|break)\b/,
  lieu: /^(lieu|decor|adresse|location)\b/,
  telephone: /^(telephone|tel|portable|contact|phone)\b/,
};

export function trouverFeuillePlan(sheets: SheetData[]): SheetData | undefined {
  return sheets.find((s) => trouverEntetes(s, MOTIFS, ["date", "nom", "debut", "fin"]) !== undefined);
}

export function lireConvention(s: string, defaut: Convention): Convention | undefined {
  const t = normaliser(s);
  if (!t) return defaut;
  if (/2642|audiovisuel|audiovisuelle|uspa|tv|television/.test(t)) return "2642";
  if (/3097|cinema|cinematographique|film/.test(t)) return "3097";
  return undefined;
}

/** Start and end as absolute minutes (day number × 1440 + minutes), night work carried past midnight. */
export function bornes(v: Vacation): { debut: number; fin: number } {
  const debut = jourDepuisIso(v.date) * 1440 + v.debut;
  return { debut, fin: debut + (v.fin > v.debut ? v.fin - v.debut : v.fin + 1440 - v.debut) };
}

export function dureeEffective(v: Vacation): number {
  const b = bornes(v);
  return b.fin - b.debut - v.pauseMinutes;
}

/** The years a plan de travail's day may fall in (public holidays known, Excel's calendar), as the delivery date's. */
export const ANNEE_PLAN_MIN = 1901;
export const ANNEE_PLAN_MAX = 2199;

/**
 * The columns that name someone: filled on a row without name nor times, the row is a person's day left out, not a
 * day's heading. A convention or a pause alone (a template's defaults down empty rows) names no one.
 */
const DETAILS_PERSONNE = ["fonction", "telephone"] as const;

/**
 * Reads a plan de travail sheet: Date | Nom | Fonction | Convention | Début | Fin | Pause (min) | Lieu |
 * Téléphone. A row without name and times is skipped when it gives no function nor phone (a day's heading: a date, a
 * place; a template's default convention or pause); one that gives a function or a phone is an error naming its cells,
 * as is any partly filled row. A row without convention is read with `conventionParDefaut` (IDCC 2642 unless given), and listed in
 * `conventionsSupposees` for the finding that says it.
 */
export function lirePlanDeTravail(
  feuille: SheetData,
  conventionParDefaut: Convention | ConventionParDefaut = "2642",
): PlanDeTravail {
  const defaut: ConventionParDefaut =
    typeof conventionParDefaut === "string" ? { convention: conventionParDefaut } : conventionParDefaut;
  // A name or a call time merged down a person's days is read on each of them, as the date written once is.
  const sheet = sansFusions(feuille);
  const ent = trouverEntetes(sheet, MOTIFS, ["date", "nom", "debut", "fin"]);
  if (!ent)
    throw new PlanningError(
      `La feuille « ${sheet.name} » n'a pas d'en-tête de plan de travail : colonnes « Date », « Nom », « Début » et « Fin » attendues.`,
    );
  const c = ent.colonnes;
  const vacations: Vacation[] = [];
  const sansConvention: number[] = [];
  const doublons: Doublon[] = [];
  const vues = new Map<string, Vacation>();
  const totaux: TotalPlanDeTravail[] = [];
  /** Every day row read (a copy included, as the producer's total counts it): its row and minutes, for the totals. */
  const lues: JourneeLue[] = [];
  let derniereDate: string | undefined;
  for (let r = ent.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const cel = (k: keyof typeof MOTIFS) => (c[k] === undefined ? undefined : row[c[k]!]);
    const ligne = r + 1;
    const at = (k: keyof typeof MOTIFS) => ref(sheet, r, c[k]!);
    // A row without a date nor times whose numbers are all proven totals of the rows above: the producer's TOTAL, not
    // a day. Only where the row would otherwise be refused, or skipped while it gives words (« TOTAL ») and numbers.
    const sansPersonne = vide(cel("nom")) && vide(cel("debut")) && vide(cel("fin"));
    const total = vacations.length ? ligneTotal(sheet, r, ent.ligne, c, totaux, lues) : undefined;
    if (total && (!sansPersonne || total.libelle !== "")) {
      totaux.push(total);
      continue;
    }
    if (sansPersonne) {
      // A date (and a place) alone heads the day's people; a function, a pause… without anyone would be dropped.
      const details = DETAILS_PERSONNE.filter((k) => c[k] !== undefined && !vide(cel(k)));
      if (details.length)
        throw new PlanningError(
          `Ligne ${ligne} : ${details.map((k) => `${cite(cel(k))} (${at(k)})`).join(", ")} sans nom ni horaires : ` +
            `complétez la ligne (nom en ${at("nom")}, début, fin) ou videz-la ; elle ne serait pas comptée.`,
          ligne,
        );
      continue;
    }
    // An Excel time under 24 h in Début / Fin on a row without its own date, shown as a duration (« [h]:mm ») or on a
    // row whose words say a total (« TOTAL »): a total's duration not proven (ligneTotal above) or a time of day?
    // Named with its cells and both readings, never read as a time (before: a day of « TOTAL », 11:30–10:30).
    const ambigues = ambiguesSousUnJour(row, c);
    if (ambigues.length && (vide(cel("date")) || dateCellule(cel("date")) === undefined))
      throw new PlanningError(
        `Ligne ${ligne} : ${ambigues
          .map(({ k, minutes, affiche }) => {
            const quoi = k === "debut" ? "de début" : "de fin";
            return `« ${affiche} » (${at(k)}) peut être une durée (${heuresFr(minutes)}) ou une heure ${quoi} (${hhmm(minutes)})`;
          })
          .join(
            " ; ",
          )}, sans que la feuille dise laquelle. Une ligne de total n'est lue comme telle que si ses durées ` +
          `sont prouvées : ${sommesJournees(lues, totaux, ent.ligne)} ; une journée s'écrit avec sa date ou sous ` +
          `celle d'une journée, son nom et ses heures au format HH:MM.`,
        ligne,
      );
    const nom = texte(cel("nom"));
    if (!nom) throw new PlanningError(`Ligne ${ligne} : horaires sans nom de personne (${at("nom")}).`, ligne);
    // An empty date repeats the one above (plans group people under a day).
    const date = vide(cel("date")) ? derniereDate : dateCellule(cel("date"));
    if (!date)
      throw new PlanningError(
        vide(cel("date"))
          ? `Ligne ${ligne} : date manquante pour ${nom} (${at("date")}), sans date au-dessus à reprendre ; attendu JJ/MM/AAAA.`
          : `Ligne ${ligne} : date illisible ${cite(cel("date"))} pour ${nom} (${at("date")})${pourquoiIllisible(cel("date"))} ; ` +
              `attendu JJ/MM/AAAA ou la date en lettres avec l'année (15 avril 2026).`,
        ligne,
      );
    const annee = Number(date.slice(0, 4));
    // A day number or a small figure typed in the date column is a day of 1900 for Excel: named, never planned.
    if (annee < ANNEE_PLAN_MIN || annee > ANNEE_PLAN_MAX)
      throw new PlanningError(
        `Ligne ${ligne} : date ${cite(cel("date"))} pour ${nom} (${at("date")}) : le ${dateEnLettres(date)} pour Excel, ` +
          `hors des années ${ANNEE_PLAN_MIN} à ${ANNEE_PLAN_MAX} ; attendu une date JJ/MM/AAAA.`,
        ligne,
      );
    derniereDate = date;
    const debut = heureCellule(cel("debut"));
    const fin = heureCellule(cel("fin"));
    // A duration (« [h]:mm », a total's) is named first: it says why the row is no day better than a missing hour.
    const heures = [
      ["debut", debut, "début"],
      ["fin", fin, "fin"],
    ] as const;
    for (const [k, h, quoi] of [...heures].sort(
      (a, b) => Number(dureeCellule(cel(b[0])) !== undefined) - Number(dureeCellule(cel(a[0])) !== undefined),
    )) {
      if (h !== undefined) continue;
      const x = cel(k);
      throw new PlanningError(
        vide(x)
          ? `Ligne ${ligne} : heure de ${quoi} manquante pour ${nom} (${at(k)}) ; attendu HH:MM.`
          : `Ligne ${ligne} : heure de ${quoi} illisible ${cite(x)} pour ${nom} (${at(k)}) ; attendu HH:MM` +
              (dureeCellule(x) !== undefined
                ? ` : ${cite(x)} est une durée (format [h]:mm), pas une heure. Une ligne de total n'est lue comme ` +
                  `telle que si ses durées sont prouvées : ${sommesJournees(lues, totaux, ent.ligne)}.`
                : typeof x?.v === "number" && x.v >= 1
                  ? ` (un nombre n'est pas une heure : écrivez 08:30, pas 8,5).`
                  : "."),
        ligne,
      );
    }
    if (debut === undefined || fin === undefined) continue;
    const celConvention = cel("convention");
    if (celConvention?.erreur)
      throw new PlanningError(
        `Ligne ${ligne} : convention ${cite(celConvention)} pour ${nom} (${at("convention")}) ; attendu IDCC 2642 ` +
          `(audiovisuel) ou IDCC 3097 (cinéma).`,
        ligne,
      );
    const supposee = vide(celConvention);
    if (supposee) sansConvention.push(ligne);
    const convention = lireConvention(texte(celConvention), defaut.convention);
    if (!convention)
      throw new PlanningError(
        `Ligne ${ligne} : convention « ${texte(cel("convention"))} » inconnue (${at("convention")}) ; attendu IDCC 2642 ` +
          `(audiovisuel) ou IDCC 3097 (cinéma).`,
        ligne,
      );
    const pauseTxt = texte(cel("pause"))
      .replace(",", ".")
      .replace(/\s*(min|mn|minutes?)$/i, "");
    const pause = pauseTxt === "" ? 0 : Number(pauseTxt);
    if (cel("pause")?.erreur || !Number.isFinite(pause) || pause < 0)
      throw new PlanningError(
        `Ligne ${ligne} : pause illisible ${cite(cel("pause"))} (${at("pause")}) ; un nombre de minutes est attendu.`,
        ligne,
      );
    // A pause as long as the day (hours typed in the minutes column, a day's total) would count negative work.
    const amplitude = fin > debut ? fin - debut : fin + 1440 - debut;
    if (pause >= amplitude)
      throw new PlanningError(
        `Ligne ${ligne} : pause de ${String(pause).replace(".", ",")} min pour ${nom} (${at("pause")}) : aussi longue ` +
          `que la journée (${hhmm(debut)}–${hhmm(fin)}, ${heuresFr(amplitude)}) ; la pause s'écrit en minutes.`,
        ligne,
      );
    const vacation: Vacation = {
      date,
      nom,
      fonction: texte(cel("fonction")),
      convention,
      debut,
      fin,
      pauseMinutes: pause,
      lieu: texte(cel("lieu")) || undefined,
      telephone: texte(cel("telephone")) || undefined,
      ligne,
      cellules: {
        date: at("date"),
        nom: at("nom"),
        debut: at("debut"),
        fin: at("fin"),
        ...(c.convention !== undefined ? { convention: at("convention") } : {}),
      },
    };
    // The same person, day and hours twice (a row copied): one day of work, counted once and named.
    lues.push({ ligne: r, duree: dureeEffective(vacation), amplitude });
    const cle = [normaliser(nom), date, debut, fin, pause].join("|");
    const gardee = vues.get(cle);
    if (gardee) doublons.push({ gardee, ligne, cellules: vacation.cellules });
    else {
      vues.set(cle, vacation);
      vacations.push(vacation);
    }
  }
  return {
    feuille: sheet.name,
    vacations,
    ...(totaux.length ? { totaux } : {}),
    ...(doublons.length ? { doublons } : {}),
    ...(sansConvention.length
      ? {
          conventionsSupposees: {
            defaut,
            ...(c.convention !== undefined ? { colonne: colonneLettre(c.convention) } : {}),
            cellule:
              c.convention !== undefined
                ? ref(sheet, sansConvention[0] - 1, c.convention)
                : ref(sheet, ent.ligne, c.nom!),
            lignes: sansConvention,
          },
        }
      : {}),
  };
}

/** Words of a total in the date, name or function cell of a row (« TOTAL », « Sous-total », « Totaux »). */
const MOT_TOTAL = /\b(sous )?tota(l|ux)\b/;

/**
 * The Début / Fin cells of a row that hold an Excel time under 24 h which may be a duration: on a row whose date, name
 * or function says a total, or shown as one (« [h]:mm ») on a row without a person's name. A person's row keeps its
 * hours as times whatever their format (templates format time columns « [h]:mm » too). Each with its minutes and as
 * Excel shows it.
 */
function ambiguesSousUnJour(
  row: CellData[],
  c: Partial<Record<keyof typeof MOTIFS, number>>,
): { k: "debut" | "fin"; minutes: number; affiche: string }[] {
  const motTotal = (["date", "nom", "fonction"] as const).some(
    (k) =>
      c[k] !== undefined &&
      typeof row[c[k]!]?.v === "string" &&
      MOT_TOTAL.test(normaliser(String(row[c[k]!].v)).replace(/-/g, " ")),
  );
  const sansNom = c.nom === undefined || !texte(row[c.nom]);
  return (["debut", "fin"] as const).flatMap((k) => {
    const x = c[k] === undefined ? undefined : row[c[k]!];
    if (!fractionDeJour(x) || (!(estFormatDuree(x!.fmt) && sansNom) && !motTotal)) return [];
    const minutes = Math.round((x!.v as number) * 1440) % 1440;
    const affiche = estFormatDuree(x!.fmt)
      ? `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`
      : hhmm(minutes);
    return [{ k, minutes, affiche }];
  });
}

/** An Excel time under 24 h: a number from 0 to less than one day (a time of day, or a duration « 10:30 »). */
function fractionDeJour(x: CellData | undefined): boolean {
  return !!x && !x.erreur && typeof x.v === "number" && Number.isFinite(x.v) && x.v >= 0 && x.v < 1;
}

/** Two sums equal but for the binary rounding of fractions of a day (hours stored as 0.3541666…). */
function egales(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A day row read: its 0-based row, effective minutes (pause deducted) and span (start to end). */
interface JourneeLue {
  ligne: number;
  duree: number;
  amplitude: number;
}

/** The day rows a total covers: since `depuis` (0-based: the header, or the last total's row). */
const couvertes = (lues: readonly JourneeLue[], depuis: number) => lues.filter((l) => l.ligne > depuis);

/**
 * What would prove a duration total, as a refusal says it: « 29 h 00 de travail effectif ou 32 h 00 d'amplitude pour
 * les 3 journées au-dessus, ou une formule sur leurs lignes ».
 */
function sommesJournees(lues: readonly JourneeLue[], totaux: readonly TotalPlanDeTravail[], entete: number): string {
  const j = couvertes(lues, totaux.length ? totaux[totaux.length - 1].ligne - 1 : entete);
  const duree = j.reduce((t, l) => t + l.duree, 0);
  const amplitude = j.reduce((t, l) => t + l.amplitude, 0);
  if (!j.length) return "aucune journée au-dessus à additionner";
  const journees = j.length > 1 ? `les ${j.length} journées` : "la journée";
  return (
    `${heuresFr(duree)} de travail effectif ou ${heuresFr(amplitude)} d'amplitude pour ${journees} au-dessus, ` +
    `ou une formule sur leurs lignes`
  );
}

/**
 * Row `r` as a producer's total, or undefined. It has no date (its date cell empty, or words: « TOTAL ») and no
 * start nor end time (a duration past 24 h, « [h]:mm », is none), and each of its numbers is proven: the sum of its
 * column over the rows above (since the header, or since the last total: a day's or a week's subtotal), or a formula
 * that is only a sum of that column's cells above; a duration (« [h]:mm ») also by the sum to the minute of the days'
 * effective durations or spans above, or by a formula on every one of those days' rows. Words never decide: « TOTAL »
 * with an unproven number stays a row of the plan (refused as today, its cell named).
 */
function ligneTotal(
  sheet: SheetData,
  r: number,
  entete: number,
  c: Partial<Record<keyof typeof MOTIFS, number>>,
  totaux: readonly TotalPlanDeTravail[],
  lues: readonly JourneeLue[],
): TotalPlanDeTravail | undefined {
  const row = sheet.rows[r];
  const cDate = c.date === undefined ? undefined : row[c.date];
  if (!vide(cDate) && (cDate!.erreur || typeof cDate!.v !== "string" || dateCellule(cDate) !== undefined))
    return undefined;
  // A start or an end time makes it a person's day (a second row of the day repeats the first's hours, by value or by
  // formula « =D2 »), unless it is an Excel time under 24 h that may be a duration (ambiguesSousUnJour: a row whose words
  // say a total, or shown « [h]:mm » without a person's name) and that the row proves as a total (see sousUnJour below).
  const candidates = new Set(ambiguesSousUnJour(row, c).map(({ k }) => k));
  const sousUnJour = new Set<number>();
  for (const k of ["debut", "fin"] as const) {
    if (c[k] === undefined || heureCellule(row[c[k]!]) === undefined) continue;
    if (!candidates.has(k)) return undefined;
    sousUnJour.add(c[k]!);
  }
  const lignesTotaux = new Set(totaux.map((t) => t.ligne - 1));
  const dernierTotal = totaux.length ? totaux[totaux.length - 1].ligne - 1 : entete;
  const blocs = [dernierTotal, entete];
  const montants: TotalPlanDeTravail["montants"] = [];
  const mots: string[] = [];
  let premier: string | undefined;
  for (let k = 0; k < row.length; k++) {
    const x = row[k];
    if (vide(x)) continue;
    if (x.erreur) return undefined;
    const cellule = ref(sheet, r, k);
    if (typeof x.v !== "number") {
      mots.push(texte(x));
      premier ??= cellule;
      continue;
    }
    // « 10:30 » under 24 h in Début / Fin, shown as a time or as a duration: a time of day or a duration. Read as a
    // duration only when proven a total: the sum to the minute of the days' effective durations or spans above, or a
    // formula on its column or on the days' rows. Never by the sum of its own column: times of day added prove
    // nothing (a second person's 09:00 under one day starting at 09:00 is that sum).
    const sousUnJourLue = sousUnJour.has(k);
    const minutes = dureeCellule(x) ?? (sousUnJourLue ? Math.round((x.v as number) * 1440) : undefined);
    const duree = minutes !== undefined ? { minutes } : {};
    // A formula that is nothing but a sum of this column's cells above (« SUM(G2:G4) », « G2+G3+G4 »).
    const f = x.f !== undefined ? referencesFormule(x.f) : undefined;
    const p = f?.refs.map((q) => q.plage);
    const surLaFeuille = f !== undefined && f.refs.every((q) => q.feuille === undefined || q.feuille === sheet.name);
    if (f?.somme && surLaFeuille && p!.every((q) => q.c1 === k && q.c2 === k && q.r1 > entete && q.r2 < r)) {
      montants.push({ cellule, valeur: x.v, preuve: "formule", formule: x.f, ...duree });
      continue;
    }
    const somme = (depuis: number) => {
      let t = 0;
      for (let i = depuis + 1; i < r; i++) {
        const v = sheet.rows[i][k]?.v;
        if (!lignesTotaux.has(i) && typeof v === "number") t += v;
      }
      return t;
    };
    if (
      !sousUnJourLue &&
      (blocs.some((d) => egales(x.v as number, somme(d))) ||
        (minutes !== undefined && blocs.some((d) => Math.round(somme(d) * 1440) === minutes)))
    ) {
      montants.push({ cellule, valeur: x.v, preuve: "somme", ...duree });
      continue;
    }
    if (minutes === undefined) return undefined;
    // A duration (« [h]:mm »): the days' effective durations or spans added to the minute, or a formula on all their rows.
    const journees = blocs.map((d) => couvertes(lues, d)).filter((j) => j.length);
    if (journees.some((j) => j.reduce((t, l) => t + l.duree, 0) === minutes)) {
      montants.push({ cellule, valeur: x.v, preuve: "durees", minutes });
      continue;
    }
    if (journees.some((j) => j.reduce((t, l) => t + l.amplitude, 0) === minutes)) {
      montants.push({ cellule, valeur: x.v, preuve: "amplitudes", minutes });
      continue;
    }
    // Only sums and differences of those rows' cells, converted between days, hours and minutes (24, 60, 1440): a
    // formula with other numbers (« SUM(E2:E4)*0+6,35 ») proves nothing.
    if (
      f?.refs.length &&
      surLaFeuille &&
      /^(?:\s|[-+*/(),;]|SUM|SOMME|SUMPRODUCT|SOMMEPROD|24|60|1440)*$/i.test(f.reste) &&
      blocs.some(
        (d) =>
          couvertes(lues, d).length > 0 &&
          p!.every((q) => q.r1 > d && q.r2 < r) &&
          couvertes(lues, d).every((l) => p!.some((q) => l.ligne >= q.r1 && l.ligne <= q.r2)),
      )
    ) {
      montants.push({ cellule, valeur: x.v, preuve: "formule-journees", formule: x.f, minutes });
      continue;
    }
    return undefined;
  }
  if (!montants.length) return undefined;
  return { ligne: r + 1, cellule: premier ?? montants[0].cellule, libelle: mots.join(" "), montants };
}

/**
 * Why a date written in words was not read: its day of the week is another day's (« lundi 15 avril 2026 »: the 15th
 * or the Monday?), or the day does not exist. Empty for anything else.
 */
function pourquoiIllisible(c: CellData | undefined): string {
  const mots = typeof c?.v === "string" && !c.erreur ? dateEnMots(c.v) : undefined;
  if (!mots) return "";
  if (!mots.iso) return " : ce jour n'existe pas";
  const vrai = jourDeLaSemaine(mots.iso);
  return mots.jourEcrit && mots.jourEcrit !== vrai
    ? ` : le ${dateEnLettres(mots.iso)} est un ${vrai}, pas un ${mots.jourEcrit} ; lequel des deux ?`
    : "";
}

/** Rows as cells of one column, consecutive rows as ranges: « PDT!D2:D17 », « 'Mon plan'!D3, D5:D6 ». */
export function plagesLignes(feuille: string, colonne: string, lignes: readonly number[]): string {
  const morceaux: string[] = [];
  for (let i = 0; i < lignes.length;) {
    let j = i;
    while (j + 1 < lignes.length && lignes[j + 1] === lignes[j] + 1) j++;
    morceaux.push(j > i ? `${colonne}${lignes[i]}:${colonne}${lignes[j]}` : `${colonne}${lignes[i]}`);
    i = j + 1;
  }
  const vus = morceaux.slice(0, 6);
  const reste = morceaux.length - vus.length;
  return `${nomFeuilleRef(feuille)}!${vus.join(", ")}${reste > 0 ? ` et ${reste} autre${reste > 1 ? "s" : ""}` : ""}`;
}

/** Distinct worked dates per person (key: normalised name). */
export function joursTravailles(
  plan: PlanDeTravail,
): Map<string, { nom: string; fonction: string; dates: Set<string> }> {
  const m = new Map<string, { nom: string; fonction: string; dates: Set<string> }>();
  for (const v of plan.vacations) {
    const k = normaliser(v.nom);
    const p = m.get(k) ?? { nom: v.nom, fonction: v.fonction, dates: new Set<string>() };
    if (!p.fonction) p.fonction = v.fonction;
    p.dates.add(v.date);
    m.set(k, p);
  }
  return m;
}
