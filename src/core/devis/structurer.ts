import { feuilleNonTrouvee } from "../util/nomsFeuilles";
import type { Constat } from "../controles/constat";
import { choisirNomFeuille, SheetData, WorkbookPort } from "../port/workbook";
import { feuillesDevis, NOMS_SOUHAITES, NomsFeuilles } from "./feuilles";
import { completerConservation } from "./conservation";
import { devisIntrouvable, feuillesAutreUsage, importerDevis, type AutreUsage } from "./import";
import type { Devis, Genre, OrigineDuree, TypeOeuvre } from "./model";
import { controlerDevis, tablesDevis } from "./regles";
import { tracesDesConstats, tracesSalaireMinimum } from "./regles/salaireMinimum";
import type { Trace } from "../traces/trace";
import type { RegleUtilisee } from "../regles/utilisees";
import { recapEtAutresFeuilles, trouverFeuilleDevis } from "./trouver";
import { estRecapitulatif } from "./placement";
import { estFeuilleParametres, lireParametres, nomFeuilleParametres } from "../regles/parametres";
import { ErreurDonnees } from "../erreurs";

export interface OptionsStructurer {
  /** Source sheet; omitted = the user's sheet that looks most like a devis. */
  feuille?: string;
  genre?: Genre;
  dureeMinutes?: number;
  /** Where the duration was taken (a cell, or typed): its trace names it. */
  origineDuree?: OrigineDuree;
  typeOeuvre?: TypeOeuvre;
  /** Write Devis, Synthèse and Contrôles (false = analyse only); each salary finding gets its trace as a note. */
  ecrire?: boolean;
  /** ISO date for dated rules; today by default. */
  date?: string;
  /** The producer declares the film under annexe III of IDCC 3097 (reduced minima; never assumed). */
  annexe3097?: boolean;
  /** false: the structured devis only (versions save its lines), no rule run: `constats` and `tables` are empty. */
  controler?: boolean;
  /** « D'où vient ce chiffre ? »: the trace of each salaire-minimum finding (`salairesMinimum`). */
  tracer?: boolean;
  /**
   * Findings the caller made on the same workbook (a « Paramètres » key no calculation reads): listed after the devis'
   * own, in the result and on the « Contrôles » sheet written.
   */
  constatsAjoutes?: readonly Constat[];
}

export interface ResultatStructurer {
  devis: Devis;
  constats: Constat[];
  /** The rule-table versions the checks read (minimum-pay grid, accord transparence). */
  tables: RegleUtilisee[];
  feuillesEcrites: string[];
  /** With `tracer`: the trace of each salaire-minimum finding, in the findings' order (each root names its cell). */
  salairesMinimum?: Trace[];
}

/** The devis sheet named is not one of the producer's: missing, or written by Prodbook (`feuilleNonTrouvee`). */
export class FeuilleIntrouvableError extends ErreurDonnees {
  constructor(
    public readonly feuille: string,
    /** The workbook's sheets: only the producer's are listed. */
    existantes: readonly string[],
    /** The workbook's sheets Prodbook wrote. */
    deProdbook: readonly string[],
    /** The producer's sheets that are another kind (a steps sheet, a plan de travail…): not listed as a devis. */
    autreUsage?: ReadonlyMap<string, AutreUsage>,
  ) {
    const aNous = (n: string) => deProdbook.some((p) => p.toLowerCase() === n.toLowerCase());
    super(
      feuilleNonTrouvee(
        feuille,
        "de devis",
        existantes.filter((n) => !aNous(n)),
        existantes.filter(aNous),
        autreUsage,
      ),
    );
  }
}

/** The refusal of a --feuille that is missing or Prodbook's: the sheets that can be a devis listed, the others apart. */
export async function feuilleDevisIntrouvable(
  wb: WorkbookPort,
  feuille: string,
  existantes: readonly string[],
  deProdbook: readonly string[],
): Promise<FeuilleIntrouvableError> {
  const aNous = (n: string) => deProdbook.some((p) => p.toLowerCase() === n.toLowerCase());
  const lues: SheetData[] = [];
  for (const n of existantes.filter((e) => !aNous(e))) {
    const s = await wb.readSheet(n);
    if (s) lues.push(s);
  }
  return new FeuilleIntrouvableError(feuille, existantes, deProdbook, feuillesAutreUsage(lues));
}

export function aujourdhui(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads the producer's devis sheet, checks it, and (if asked) writes Prodbook's sheets next to it, never over it. */
export async function structurerDevis(wb: WorkbookPort, opts: OptionsStructurer = {}): Promise<ResultatStructurer> {
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const anous = (n: string) => prodbook.some((p) => p.toLowerCase() === n.toLowerCase());
  let source: SheetData | undefined;
  const candidates: SheetData[] = [];
  if (opts.feuille) {
    const nom = existantes.find((e) => e.toLowerCase() === (opts.feuille as string).toLowerCase());
    // Missing, or one of Prodbook's own sheets: the producer's sheets listed (shared with every --feuille).
    if (!nom || anous(nom)) throw await feuilleDevisIntrouvable(wb, opts.feuille, existantes, prodbook);
    source = await wb.readSheet(nom);
    if (!source) throw await feuilleDevisIntrouvable(wb, opts.feuille, existantes, prodbook);
  } else {
    for (const n of existantes.filter((e) => !anous(e) && !estFeuilleParametres(e))) {
      const s = await wb.readSheet(n);
      if (s) candidates.push(s);
    }
    source = trouverFeuilleDevis(candidates);
    // A workbook of one empty sheet (a new file): said as such.
    if (!source) throw devisIntrouvable(candidates);
  }
  const lue: SheetData = source;
  const devis = importerDevis(source, {
    genre: opts.genre,
    dureeMinutes: opts.dureeMinutes,
    origineDuree: opts.origineDuree,
    typeOeuvre: opts.typeOeuvre,
  });
  if (!opts.feuille && source.masquee) devis.feuilleMasquee = true;
  if (opts.feuille) devis.feuilleIndiquee = true;
  // A recap on a sheet of its own (« Récapitulatif », « Recap »): compared with the devis, never counted; the same
  // decision as every other command reading the devis (recapEtAutresFeuilles).
  const recapsNommes: SheetData[] = [];
  for (const n of existantes.filter((e) => e !== lue.name && !anous(e) && estRecapitulatif(e))) {
    const s = candidates.find((c) => c.name === n) ?? (await wb.readSheet(n));
    if (s) recapsNommes.push(s);
  }
  const { recapitulatif, autres } = recapEtAutresFeuilles(lue, devis, opts.feuille ? [] : candidates, recapsNommes);
  if (recapitulatif) devis.recapitulatif = recapitulatif;
  // With a sheet named by the user, `autres` holds only the sheets named as a recap that their amounts do not prove:
  // still named (feuille-lue), never left out in silence.
  if (autres.length) devis.autresFeuilles = autres;
  const parametres = nomFeuilleParametres(existantes);
  const surcharges = lireParametres(parametres ? await wb.readSheet(parametres) : undefined);
  if (opts.controler === false) return { devis, constats: [], tables: [], feuillesEcrites: [] };
  const date = opts.date ?? aujourdhui();
  const constats = controlerDevis(devis, date, surcharges, opts.annexe3097);
  if (devis.conservation) devis.conservation = completerConservation(devis.conservation, constats);
  if (opts.constatsAjoutes) constats.push(...opts.constatsAjoutes);
  const tables = tablesDevis(devis, date, opts.annexe3097);
  // The salaire-minimum traces: asked (`tracer`), or for the notes of the « Contrôles » sheet written.
  const salairesMinimum =
    opts.tracer || opts.ecrire
      ? tracesSalaireMinimum({ devis, date, surcharges, ...(opts.annexe3097 ? { annexe3097: true } : {}) })
      : undefined;
  const traces = opts.tracer ? { salairesMinimum } : {};
  if (!opts.ecrire) return { devis, constats, tables, feuillesEcrites: [], ...traces };
  const noms: NomsFeuilles = {
    devis: choisirNomFeuille(NOMS_SOUHAITES.devis, existantes, prodbook),
    synthese: choisirNomFeuille(NOMS_SOUHAITES.synthese, existantes, prodbook),
    controles: choisirNomFeuille(NOMS_SOUHAITES.controles, existantes, prodbook),
  };
  const specs = feuillesDevis(devis, constats, noms, tracesDesConstats(constats, salairesMinimum ?? []), tables);
  await wb.writeSheets(specs);
  return { devis, constats, tables, feuillesEcrites: specs.map((s) => s.name), ...traces };
}
