import { phrasesGrandLivre } from "../comptabilite/resumeGrandLivre";
import { cents, eurosToCents, type Cents } from "../money/cents";
import { choisirNomFeuille, LIGNES_MAX_FEUILLE, type SheetData, type WorkbookPort } from "../port/workbook";
import { ErreurDonnees } from "../erreurs";
import { devisIntrouvable } from "../devis/import";
import type { Devis } from "../devis/model";
import { importerDevisTrouve, trouverFeuilleDevis } from "../devis/trouver";
import { milliers, normaliser } from "../util/texte";
import { celluleRef } from "../util/adresse";
import { montantSaisi, refusSaisie } from "../util/saisie";
import type { ResultatFec } from "../comptabilite/fec/types";
import {
  correspondancesParDefaut,
  FEUILLE_CORRESPONDANCES,
  feuilleCorrespondances,
  lireFeuilleCorrespondances,
  posteDe,
  type TableCorrespondances,
} from "../comptabilite/correspondances";
import { calculerRealise } from "../comptabilite/realise";
import {
  FEUILLE_GRAND_LIVRE,
  feuilleGrandLivre,
  POSTE_NON_AFFECTE,
  type LigneGrandLivre,
} from "../comptabilite/grandLivre";
import { trierConstats, type Constat } from "../controles/constat";
import { constatsFeuilleLue } from "../devis/regles/feuilleLue";
import { constatsMontantsNonLus } from "../devis/regles/montantsNonLus";
import { constatsLignesMasquees } from "../devis/regles/lignesMasquees";
import { constatsTotauxNonProuves } from "../devis/regles/totalNonProuve";
import {
  calculerEcarts,
  chapitreDuPoste,
  constatsPostesHorsDevis,
  SEUILS_DEFAUT,
  type RapportEcarts,
  type SaisiesEcarts,
  type Seuils,
} from "./calcul";
import { FEUILLE_ECARTS, feuilleEcarts, type TracesFeuilleEcarts } from "./feuilleEcarts";
import { traceEcartsTotal, tracesEcarts, tracesEcartsChapitres } from "../traces/ecarts";
import { FEUILLE_COUT_DEFINITIF, feuilleCoutDefinitif } from "./coutDefinitif";

export interface OptionsRapprocher {
  /** The ledger, read with `conserver: true`. */
  fec: ResultatFec;
  /** Omitted: the workbook's « Correspondances » sheet if Prodbook wrote one, else the default PCG table. */
  correspondances?: TableCorrespondances;
  /** Omitted: imported from the user's devis sheet. */
  devis?: Devis;
  seuils?: Seuils;
  onProgress?: (fait: number, total: number) => void;
  /** Findings from outside the workbook (a correspondances file's columns not read), listed first among theirs. */
  constats?: readonly Constat[];
  /** The ledger file's name, as the head of the Écarts sheet names it with its format and lines. */
  nomFec?: string;
}

/** The ledger has more lines than a worksheet holds: nothing is written (the report itself needs no sheet). */
export class GrandLivreTropGrandError extends ErreurDonnees {
  constructor(public readonly lignes: number) {
    super(
      `Le FEC compte ${milliers(lignes)} lignes importées : le Grand livre ne tient pas dans une feuille Excel ` +
        `(${milliers(LIGNES_MAX_FEUILLE - 1)} lignes au plus sous l'en-tête). Scindez le FEC par période, ou demandez le rapport ` +
        `seul, sans écrire le Grand livre.`,
    );
  }
}

export interface ResultatRapprocher {
  rapport: RapportEcarts;
  devis: Devis;
  correspondances: TableCorrespondances;
  feuilles: string[];
  /** The findings written on the Écarts and Coût définitif sheets (constatsEcarts): the same the CLI prints. */
  constats: Constat[];
}

/**
 * The findings of a reconciliation, in one order for the summary, the JSON and the Écarts sheet: `autres` (a
 * correspondances file's), the devis sheet's (« feuille-lue » when the sheet read is hidden), then the ledger's.
 */
export function constatsEcarts(rapport: RapportEcarts, devis: Devis, autres: readonly Constat[] = []): Constat[] {
  return trierConstats([
    ...autres,
    ...constatsFeuilleLue(devis),
    ...constatsMontantsNonLus(devis, "le budget est compté"),
    // Lines read on hidden rows are in the budget: said, as `devis` says it.
    ...constatsLignesMasquees(devis),
    // « TOTAL » rows no arithmetic proves are budget lines: said, as `devis` says it.
    ...constatsTotauxNonProuves(devis),
    ...rapport.realise.constats,
    ...constatsPostesHorsDevis(rapport),
  ]);
}

const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Reconciles the ledger with the devis and writes Grand livre, Correspondances, Écarts and Coût définitif.
 * Values the user typed in a previous Écarts sheet (budget révisé, engagé, reste à engager, thresholds) are kept.
 */
export async function rapprocher(wb: WorkbookPort, opts: OptionsRapprocher): Promise<ResultatRapprocher> {
  if (!opts.fec.lignes)
    throw new Error("rapprocher : le FEC doit être lu avec conserver: true (lignes du Grand livre).");
  if (opts.fec.lignes.length + 1 > LIGNES_MAX_FEUILLE) throw new GrandLivreTropGrandError(opts.fec.lignes.length);
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const anous = (n: string) => prodbook.some((p) => egal(p, n));
  const devis =
    opts.devis ??
    (await devisDuClasseur(
      wb,
      existantes.filter((e) => !anous(e)),
    ));
  const nomCorr = choisirNomFeuille(FEUILLE_CORRESPONDANCES, existantes, prodbook);
  let correspondances = opts.correspondances;
  if (!correspondances) {
    const s = anous(nomCorr) ? await wb.readSheet(nomCorr) : undefined;
    correspondances = s ? lireFeuilleCorrespondances(s) : correspondancesParDefaut();
  }
  const nomEcarts = choisirNomFeuille(FEUILLE_ECARTS, existantes, prodbook);
  const precedente = anous(nomEcarts) ? await wb.readSheet(nomEcarts) : undefined;
  const { saisies, seuils } = precedente ? lireSaisies(precedente) : { saisies: {}, seuils: undefined };
  const realise = calculerRealise(opts.fec, correspondances);
  const rapport = calculerEcarts(devis, realise, saisies, opts.seuils ?? seuils ?? SEUILS_DEFAUT);

  const rangs = new Map<string, number>();
  rapport.lignes.forEach((l, i) => rangs.set(`${l.chapitre}\u0000${l.code}`, i));
  // A ledger has a few hundred accounts for a million lines: each (account, section) is looked up once.
  const affectations = new Map<string, { poste?: string; chapitre?: string }>();
  const affectation = (compte: string, section: string | undefined) => {
    const k = section ? `${compte}\u0000${section}` : compte;
    let a = affectations.get(k);
    if (!a) {
      const poste = posteDe(correspondances!, compte, section);
      a = poste === undefined ? { poste: POSTE_NON_AFFECTE } : { poste, chapitre: chapitreDuPoste(poste, devis) };
      affectations.set(k, a);
    }
    return a;
  };
  const lignesGl: LigneGrandLivre[] = opts.fec.lignes.map((e) => {
    if (!e.compte.startsWith("6")) return { e };
    const a = affectation(e.compte, e.section);
    return a.chapitre === undefined ? { e, poste: a.poste } : { e, poste: a.poste, chapitre: a.chapitre };
  });
  const nomGl = choisirNomFeuille(FEUILLE_GRAND_LIVRE, existantes, prodbook);
  const gl = feuilleGrandLivre(lignesGl, (c, p) => rangs.get(`${c}\u0000${p}`) ?? 1e9, nomGl);
  const traces = tracesPourNotes(rapport, devis, opts.fec, correspondances);
  const constats = constatsEcarts(rapport, devis, opts.constats);
  const phrases = phrasesGrandLivre(opts.fec, realise.lignes, opts.nomFec);
  const ecarts = feuilleEcarts(
    rapport,
    { nom: nomGl, blocs: gl.blocs },
    nomEcarts,
    traces,
    constats,
    `${phrases.source} ${phrases.lignes}`,
  );
  const cout = feuilleCoutDefinitif(
    rapport,
    devis,
    ecarts,
    choisirNomFeuille(FEUILLE_COUT_DEFINITIF, existantes, prodbook),
    traces,
    constats,
  );
  const specs = [gl.spec, feuilleCorrespondances(correspondances, nomCorr), ecarts.spec, cout];
  await wb.writeSheets(specs, opts.onProgress);
  return { rapport, devis, correspondances, feuilles: specs.map((s) => s.name), constats };
}

/**
 * The traces written as notes on the Écarts and Coût définitif sheets. Without analytical sections an account maps to one poste whatever
 * the line, so the accounts' totals stand for the lines (a million-line ledger is not walked a second time).
 */
function tracesPourNotes(
  rapport: RapportEcarts,
  devis: Devis,
  fec: ResultatFec,
  correspondances: TableCorrespondances,
): TracesFeuilleEcarts {
  const avecSections = fec.lignes?.some((l) => l.section) === true;
  const postes = tracesEcarts(rapport, devis, avecSections ? fec : { ...fec, lignes: undefined }, correspondances);
  const chapitres = tracesEcartsChapitres(rapport, postes, devis);
  return { postes, chapitres, total: traceEcartsTotal(rapport, chapitres) };
}

async function devisDuClasseur(wb: WorkbookPort, noms: string[]): Promise<Devis> {
  const feuilles: SheetData[] = [];
  for (const n of noms) {
    const s = await wb.readSheet(n);
    if (s) feuilles.push(s);
  }
  const source = trouverFeuilleDevis(feuilles);
  if (!source) throw devisIntrouvable(feuilles);
  return importerDevisTrouve(source, undefined, feuilles);
}

/** The columns of the Écarts sheet whose typed values are kept (0-based), as its header names them. */
const COLONNES_SAISIES: Record<number, string> = { 4: "Budget révisé", 5: "Engagé", 7: "Reste à engager" };

/**
 * Values typed by the user in a previous Écarts sheet (not formulas), by level and code. A number typed as text
 * (« 1 200 ») is read; a text that is no amount (« mille »), an ambiguous one or an Excel error is refused naming its
 * cell (montantSaisi): dropped, it would be lost from the refreshed sheet without a word.
 */
export function lireSaisies(s: SheetData): { saisies: SaisiesEcarts; seuils?: Seuils } {
  const saisies: Required<SaisiesEcarts> = {
    budgetRevise: new Map(),
    engage: new Map(),
    reste: new Map(),
    cellulesReste: new Map(),
  };
  const num = (r: number, c: number): Cents | undefined => {
    const x = s.rows[r]?.[c];
    if (x && !x.f && !x.erreur && typeof x.v === "number") return eurosToCents(x.v);
    return montantSaisi(s, r, c, COLONNES_SAISIES[c], "un montant");
  };
  let niveau: "chapitre" | "ligne" | undefined;
  let entetes = 0;
  for (let r = 0; r < s.rows.length; r++) {
    const a = s.rows[r][0]?.v;
    if (typeof a === "string" && normaliser(a) === "code" && s.rows[r].some((c) => c.v === "Budget révisé")) {
      niveau = entetes++ === 0 ? "chapitre" : "ligne";
      continue;
    }
    if (!niveau || a === null || a === undefined || a === "" || a === "Total") continue;
    if (typeof a === "string" && /^Comptes de classe 6/.test(a)) break;
    const k = `${niveau}:${String(a)}`;
    const br = num(r, 4);
    const en = num(r, 5);
    const re = num(r, 7);
    if (br !== undefined) saisies.budgetRevise.set(k, br);
    if (en !== undefined) saisies.engage.set(k, en);
    if (re !== undefined) {
      saisies.reste.set(k, re);
      saisies.cellulesReste.set(k, celluleRef(s.name, r, 7));
    }
  }
  const pct = s.rows[1]?.[1];
  const mnt = s.rows[1]?.[3];
  // A threshold typed over is a number; anything else typed there (« cinq ») is named, not replaced by the default.
  const seuil = (c: number, colonne: string) => {
    const x = s.rows[1]?.[c];
    if (x && !x.f && (x.erreur || (typeof x.v !== "number" && x.v !== null && String(x.v).trim() !== "")))
      throw refusSaisie(s, 1, c, colonne, `« ${String(x.v).trim()} » n'est pas un nombre`);
  };
  seuil(1, "Seuil d'alerte (%)");
  seuil(3, "Seuil d'alerte (€)");
  const seuils =
    typeof pct?.v === "number" && typeof mnt?.v === "number"
      ? { pct: String(pct.v), montant: cents(eurosToCents(mnt.v)) }
      : undefined;
  return { saisies, seuils };
}
