import * as v from "valibot";
import type { Correspondance, TableCorrespondances } from "../comptabilite/correspondances";
import type { LangueOeuvre, RegimeCredit } from "../creditImpot/modele";
import { trouverEntete } from "../devis/entetes";
import type { Genre, TypeOeuvre } from "../devis/model";
import { ZONES, type Zone } from "../planning/calendrier";
import { autresFeuillesNommees, trouverFeuilleDevis } from "../devis/trouver";
import type { SheetData } from "../port/workbook";
import { celluleRef } from "../util/adresse";
import { normaliser } from "../util/texte";

/**
 * The production the user works on, entered once and shared by every page of the pane: the source devis
 * sheet, genre, duration, tax-credit regime, year, lodging zone, language, public-holiday zone, the FEC last loaded
 * and the correspondances edited in the pane. Saved in the workbook (Office document settings, key
 * `CLE_CONTEXTE_PRODUCTION`), never in a visible sheet. Text fields are kept as typed (« 52 », « 2026 »):
 * each page checks them when it runs.
 */
export interface ContexteProduction {
  /** The user's devis sheet; undefined = automatic detection. */
  feuilleDevis?: string;
  /**
   * The user's plan de financement sheet, chosen on the Financement page; undefined = automatic detection. The Tableau
   * de bord reads the same sheet, so both give the same verdict.
   */
  feuilleFinancement?: string;
  /**
   * The production cost typed on the Financement page, in euros as typed (« 1 250 000 »); undefined = the cost the
   * plan or the devis gives (detected). The Tableau de bord reads the same, so both give the same rest to finance.
   */
  coutProduction?: string;
  /** Cinema: a first or second film of its director (aid ceiling 60 %, art. D331-17). Undefined = not declared. */
  premierFilm?: boolean;
  /** Audiovisual: an « œuvre difficile » (aid ceiling 60 %, art. D331-17). Undefined = not declared. */
  oeuvreDifficile?: boolean;
  /** The Financement page adds the crédit d'impôt computed on the devis when the plan has none. */
  creditImpotPlan?: boolean;
  genre?: Genre;
  /** Minutes, as typed (« 52 », « 52,5 »). */
  duree?: string;
  regime?: RegimeCredit;
  oeuvre?: TypeOeuvre;
  /**
   * The producer declares the cinema film under annexe III of IDCC 3097 (films under a budget limit, reduced minima):
   * checked against its budget cap, never assumed. Undefined = not declared.
   */
  annexe3097?: boolean;
  /** Year of the expenses (AAAA), as typed. */
  annee?: string;
  hebergement?: "paris" | "ailleurs";
  langue?: LangueOeuvre;
  /**
   * The calendar of public holidays (planning): « metropole » or « alsace-moselle » (Vendredi saint and 26 décembre
   * too). Undefined = métropole, as in a context saved before this field existed.
   */
  zone?: Zone;
  /**
   * The public subsidies deducted from the tax credit's base (CGI 220 sexies V, 220 quaterdecies V), in euros as
   * typed (« 150 000 »): entered once, used by the Crédit d'impôt page and by the credit the Financement page adds.
   */
  subventions?: string;
  /** The FEC last loaded (its content stays in memory only; reopening the workbook asks for the file again). */
  fec?: FecCharge;
  /** Correspondances edited in the pane and not yet written to the « Correspondances » sheet. */
  correspondances?: Correspondance[];
}

export interface FecCharge {
  nom: string;
  octets: number;
  encodage: string;
  /** Lines imported (écritures). */
  lignes: number;
  /** ISO date-time of the loading. */
  chargeLe?: string;
}

/** Key of the document setting that holds the context (JSON). */
export const CLE_CONTEXTE_PRODUCTION = "prodbook.production";

/** Fields detected from the workbook, each with the cell it was read from. */
export interface ContexteDetecte {
  valeurs: Pick<ContexteProduction, "feuilleDevis" | "genre" | "duree">;
  /** Where each detected value was read ("'Budget Gardiens'!A2"). */
  sources: Partial<Record<"feuilleDevis" | "genre" | "duree", string>>;
  /** The user's sheets that have a recognised devis header (the ones a devis picker should offer first). */
  feuillesDevis: string[];
  /** The sheet detected as the devis is hidden in the workbook: the pane says so (as `devis` says « feuille-lue »). */
  feuilleDevisMasquee?: boolean;
  /**
   * The other sheets that look like a devis and hold amounts, not read (`autresFeuillesNommees`: a sheet named as a
   * recap only when its amounts do not prove it the devis's recap): the pane names them beside the devis detected, as
   * every command says it (« feuille-lue »). Only when there are some, and only when asked (`autresFeuilles`: the
   * pane's banner, `lireProduction`; not the duration of a command, `dureeDuClasseur`).
   */
  autresFeuillesDevis?: string[];
  /** Several different durations written above the devis header: none taken, each named with its cell. */
  dureesAmbigues?: { duree: string; cellule: string }[];
}

const enumere = <T extends string>(valeurs: readonly T[]) => v.picklist(valeurs);
const CHAMPS = {
  feuilleDevis: v.pipe(v.string(), v.maxLength(200)),
  feuilleFinancement: v.pipe(v.string(), v.maxLength(200)),
  coutProduction: v.pipe(v.string(), v.maxLength(30)),
  premierFilm: v.boolean(),
  oeuvreDifficile: v.boolean(),
  creditImpotPlan: v.boolean(),
  genre: enumere(["fiction", "documentaire", "animation", "spectacle"] as const),
  duree: v.pipe(v.string(), v.maxLength(20)),
  regime: enumere(["cinema", "audiovisuel", "international"] as const),
  oeuvre: enumere(["cinema", "audiovisuel"] as const),
  annexe3097: v.boolean(),
  annee: v.pipe(v.string(), v.maxLength(10)),
  hebergement: enumere(["paris", "ailleurs"] as const),
  langue: enumere(["francais", "etrangere"] as const),
  zone: enumere(ZONES),
  subventions: v.pipe(v.string(), v.maxLength(30)),
  fec: v.object({
    nom: v.pipe(v.string(), v.maxLength(500)),
    octets: v.pipe(v.number(), v.minValue(0)),
    encodage: v.pipe(v.string(), v.maxLength(40)),
    lignes: v.pipe(v.number(), v.minValue(0)),
    chargeLe: v.optional(v.pipe(v.string(), v.maxLength(40))),
  }),
  correspondances: v.pipe(
    v.array(
      v.object({
        type: enumere(["compte", "section"] as const),
        cle: v.pipe(v.string(), v.maxLength(100)),
        poste: v.pipe(v.string(), v.maxLength(100)),
        libelle: v.optional(v.pipe(v.string(), v.maxLength(300))),
      }),
    ),
    v.maxLength(2000),
  ),
} satisfies Record<keyof ContexteProduction, v.GenericSchema>;

/**
 * The context saved in a workbook, from its JSON text. A field that is missing or not what Prodbook writes
 * (an older version, an edit by hand) is dropped, never guessed; unreadable JSON gives an empty context.
 */
export function lireContexte(json: string | undefined | null): ContexteProduction {
  if (!json) return {};
  let brut: unknown;
  try {
    brut = JSON.parse(json);
  } catch {
    return {};
  }
  if (!brut || typeof brut !== "object" || Array.isArray(brut)) return {};
  const sortie: Record<string, unknown> = {};
  for (const [cle, schema] of Object.entries(CHAMPS)) {
    const r = v.safeParse(schema, (brut as Record<string, unknown>)[cle]);
    if (r.success) sortie[cle] = r.output;
  }
  return sortie as ContexteProduction;
}

/** JSON text to save (undefined and empty fields left out). */
export function ecrireContexte(c: ContexteProduction): string {
  const propre: Record<string, unknown> = {};
  for (const cle of Object.keys(CHAMPS) as (keyof ContexteProduction)[]) {
    const x = c[cle];
    if (x === undefined || x === "") continue;
    if (cle === "correspondances") {
      propre[cle] = (x as Correspondance[]).map(({ type, cle: k, poste, libelle }) =>
        libelle === undefined ? { type, cle: k, poste } : { type, cle: k, poste, libelle },
      );
    } else propre[cle] = x;
  }
  return JSON.stringify(propre);
}

/** Correspondances as one ordered list (what the pane edits) → the table the use cases take. */
export function tableDepuisListe(lignes: Correspondance[]): TableCorrespondances {
  return {
    comptes: lignes.filter((c) => c.type !== "section"),
    sections: lignes.filter((c) => c.type === "section"),
  };
}

const GENRES: readonly [Genre, RegExp][] = [
  ["documentaire", /\bdocumentaires?\b|\bdocu\b/],
  ["animation", /\b(animation|anime)\b/],
  ["fiction", /\b(fiction|telefilm|serie de fiction|long[- ]metrage de fiction)\b/],
  ["spectacle", /\b(spectacle vivant|captation)\b/],
];
/** « 52' », « 52 min », « 90 minutes », « durée : 52 » (a duration in minutes written in a title cell). */
const NOMBRE = String.raw`\d{1,3}(?:[.,]\d+)?`;
const MINUTES = String.raw`(?:'|mn\b|min\b|minutes?\b)`;
/** « 6 × 26 min », « 2 x 52' »: episodes of a series, read two ways (one episode, or all of them). */
const EPISODES = new RegExp(String.raw`\b(\d{1,3})\s*[x×]\s*(${NOMBRE})\s*${MINUTES}`, "g");
/** « 1 h 30 », « 1h30 », « 2 heures », « 1 h 30 min ». */
const HEURES = new RegExp(String.raw`\b(\d{1,2})\s*(?:h|heures?)(?:\s*(\d{1,2})(?:\s*${MINUTES})?)?(?![\w'])`, "g");
/** « durée : 52 » (not « durée : 90 secondes », nor « durée : 1 h 30 », read above), « 52' », « 52 min ». */
const DUREE = new RegExp(
  String.raw`(?:\bduree\s*:?\s*(${NOMBRE})\b(?!\s*(?:s\b|sec|seconde|h\b|h\d|heure|[x×]|[.,]\d)))|(?:\b(${NOMBRE})\s*${MINUTES})`,
  "g",
);
const SECONDES = new RegExp(String.raw`\b${NOMBRE}\s*(?:s|sec|secondes?)\b`, "g");

/** « 52,5 » (a comma, as the context keeps durations) from minutes. */
const minutesFr = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

/**
 * The durations a title cell writes, in minutes (« 52 », « 52,5 »): « 52' », « 52 min », « durée : 52 », « 1 h 30 »
 * (90). A series « 6 × 26 min » gives both readings (26 for one episode, 156 for all), so that nothing is picked among
 * them; seconds (« 90 secondes ») are no duration of a work.
 */
export function dureesDuTexte(texte: string): string[] {
  let t = normaliser(texte);
  const out: string[] = [];
  const ajouter = (n: number) => {
    if (n > 0 && !out.includes(minutesFr(n))) out.push(minutesFr(n));
  };
  // Each form read is blanked, so that « 26 min » of « 6 × 26 min » or « 30 min » of « 1 h 30 min » is not read again.
  const lire = (re: RegExp, f: (m: RegExpMatchArray) => void) => {
    t = t.replace(re, (...a) => {
      f(a.slice(0, -2) as unknown as RegExpMatchArray);
      return " ";
    });
  };
  lire(EPISODES, (m) => {
    const une = Number(m[2].replace(",", "."));
    ajouter(une);
    ajouter(Number(m[1]) * une);
  });
  lire(HEURES, (m) => ajouter(Number(m[1]) * 60 + Number(m[2] ?? 0)));
  lire(SECONDES, () => undefined);
  for (const m of t.matchAll(DUREE)) ajouter(Number((m[1] ?? m[2]).replace(",", ".")));
  return out;
}

/**
 * What the workbook says about the production, before anyone types anything: the sheet that looks most like a
 * devis, and the genre and duration written in the title rows above its header (« documentaire 52' »).
 * A value found twice with different readings is left out (the user chooses); every value names its cell.
 * `autresFeuilles`: also the other sheets that look like a devis (`autresFeuillesDevis`), for the pane's banner; off by
 * default, as proving a recap-named sheet imports the devis (a cost a command asking the duration need not pay).
 */
export function detecterContexte(feuilles: SheetData[], opts: { autresFeuilles?: boolean } = {}): ContexteDetecte {
  const feuillesDevis = feuilles.filter((s) => trouverEntete(s) !== undefined).map((s) => s.name);
  const devis = trouverFeuilleDevis(feuilles);
  const resultat: ContexteDetecte = { valeurs: {}, sources: {}, feuillesDevis };
  if (!devis) return resultat;
  resultat.valeurs.feuilleDevis = devis.name;
  if (devis.masquee) resultat.feuilleDevisMasquee = true;
  // Named as every command reading the devis names them: a recap-named sheet left out only when its amounts prove it.
  // Only when asked (the pane's banner): proving a recap imports the devis, which the duration alone does not need.
  const autres = opts.autresFeuilles ? autresFeuillesNommees(devis, feuilles) : [];
  if (autres.length) resultat.autresFeuillesDevis = autres.map((a) => a.feuille);
  const entete = trouverEntete(devis);
  const genres = new Map<Genre, string>();
  const durees = new Map<string, string>();
  const fin = Math.min(entete?.ligne ?? 0, 15);
  for (let r = 0; r < fin; r++) {
    const ligne = devis.rows[r] ?? [];
    for (let c = 0; c < ligne.length; c++) {
      const x = ligne[c]?.v;
      if (typeof x !== "string" || !x.trim()) continue;
      const t = normaliser(x);
      for (const [g, re] of GENRES) if (re.test(t) && !genres.has(g)) genres.set(g, celluleRef(devis.name, r, c));
      for (const minutes of dureesDuTexte(x))
        if (!durees.has(minutes)) durees.set(minutes, celluleRef(devis.name, r, c));
    }
  }
  if (genres.size === 1) {
    const [[g, cellule]] = [...genres];
    resultat.valeurs.genre = g;
    resultat.sources.genre = cellule;
  }
  if (durees.size === 1) {
    const [[d, cellule]] = [...durees];
    resultat.valeurs.duree = d;
    resultat.sources.duree = cellule;
  } else if (durees.size > 1) resultat.dureesAmbigues = [...durees].map(([duree, cellule]) => ({ duree, cellule }));
  resultat.sources.feuilleDevis = celluleRef(devis.name, entete?.ligne ?? 0, 0);
  return resultat;
}

/** The context a page starts from: what the user saved wins, detection fills what is still empty. */
export function contexteInitial(enregistre: ContexteProduction, detecte: ContexteDetecte): ContexteProduction {
  const c: ContexteProduction = { ...enregistre };
  for (const [cle, val] of Object.entries(detecte.valeurs) as [keyof ContexteDetecte["valeurs"], string][]) {
    if (c[cle] === undefined && val !== undefined) (c as Record<string, unknown>)[cle] = val;
  }
  return c;
}
