import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";
import {
  cite,
  dateCellule,
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
  cellules: { date: string; nom: string; debut: string; fin: string };
}

export interface PlanDeTravail {
  feuille: string;
  vacations: Vacation[];
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

/**
 * Reads a plan de travail sheet: Date | Nom | Fonction | Convention | Début | Fin | Pause (min) | Lieu |
 * Téléphone. A row without date, name and times is skipped; a partly filled row is an error naming its cells.
 */
export function lirePlanDeTravail(feuille: SheetData, conventionParDefaut: Convention = "2642"): PlanDeTravail {
  // A name or a call time merged down a person's days is read on each of them, as the date written once is.
  const sheet = sansFusions(feuille);
  const ent = trouverEntetes(sheet, MOTIFS, ["date", "nom", "debut", "fin"]);
  if (!ent)
    throw new PlanningError(
      `La feuille « ${sheet.name} » n'a pas d'en-tête de plan de travail : colonnes « Date », « Nom », « Début » et « Fin » attendues.`,
    );
  const c = ent.colonnes;
  const vacations: Vacation[] = [];
  let derniereDate: string | undefined;
  for (let r = ent.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const cel = (k: keyof typeof MOTIFS) => (c[k] === undefined ? undefined : row[c[k]!]);
    if (vide(cel("nom")) && vide(cel("debut")) && vide(cel("fin"))) continue;
    const ligne = r + 1;
    const at = (k: keyof typeof MOTIFS) => ref(sheet, r, c[k]!);
    const nom = texte(cel("nom"));
    if (!nom) throw new PlanningError(`Ligne ${ligne} : horaires sans nom de personne (${at("nom")}).`, ligne);
    // An empty date repeats the one above (plans group people under a day).
    const date = vide(cel("date")) ? derniereDate : dateCellule(cel("date"));
    if (!date)
      throw new PlanningError(
        `Ligne ${ligne} : date illisible ${cite(cel("date"))} pour ${nom} (${at("date")}) ; attendu JJ/MM/AAAA.`,
        ligne,
      );
    derniereDate = date;
    const debut = heureCellule(cel("debut"));
    const fin = heureCellule(cel("fin"));
    if (debut === undefined)
      throw new PlanningError(
        `Ligne ${ligne} : heure de début illisible ${cite(cel("debut"))} pour ${nom} (${at("debut")}) ; attendu HH:MM.`,
        ligne,
      );
    if (fin === undefined)
      throw new PlanningError(
        `Ligne ${ligne} : heure de fin illisible ${cite(cel("fin"))} pour ${nom} (${at("fin")}) ; attendu HH:MM.`,
        ligne,
      );
    const convention = lireConvention(texte(cel("convention")), conventionParDefaut);
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
    vacations.push({
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
      cellules: { date: at("date"), nom: at("nom"), debut: at("debut"), fin: at("fin") },
    });
  }
  return { feuille: sheet.name, vacations };
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
