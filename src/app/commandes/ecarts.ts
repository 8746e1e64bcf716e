import { tracesEcarts, type TracePoste } from "../../core/traces/ecarts";
import type { ResultatFec } from "../../core/comptabilite/fec";
import {
  correspondancesParDefaut,
  FEUILLE_CORRESPONDANCES,
  feuilleCorrespondances,
  lireFeuilleCorrespondances,
  validerCorrespondances,
  type TableCorrespondances,
} from "../../core/comptabilite/correspondances";
import Decimal from "decimal.js";
import { calculerRealise } from "../../core/comptabilite/realise";
import type { Constat } from "../../core/controles/constat";
import { DevisIntrouvableError, importerDevis } from "../../core/devis/import";
import { trouverFeuilleDevis } from "../../core/devis/trouver";
import { calculerEcarts, type RapportEcarts } from "../../core/ecarts/calcul";
import { centsToDecimalString } from "../../core/money";
import { choisirNomFeuille, type SheetData, type WorkbookPort } from "../../core/port/workbook";
import { rapprocher } from "../../core/ecarts/rapprocher";

/** One chapter of the report as the pane shows it and the CLI prints it (amounts as "1234.56", % as "12.34"). */
export interface ChapitreEcartVue {
  code: string;
  libelle: string;
  budget: string;
  realise: string;
  estimation: string;
  /** Écart = réalisé − budget (positive = overspend so far). */
  ecart: string;
  /** Écart ÷ budget in %, null when the budget is zero. */
  ecartPct: string | null;
  /** Écart estimé = estimation finale − budget (the expected overspend at the end). */
  ecartEstime: string;
  ecartEstimePct: string | null;
  /** The écart estimé is over both thresholds of the Écarts sheet. */
  alerte: boolean;
}

export interface ResultatRapprochementVue {
  chapitres: ChapitreEcartVue[];
  nonAffecte: { total: string; comptes: { compte: string; libelle: string; total: string }[] };
  /** Totals of the chapters; ecart = réalisé − budget, ecartEstime = estimation − budget. */
  totaux: { budget: string; realise: string; estimation: string; ecart: string; ecartEstime: string };
  classe6: string;
  /** Class 6 mapped to a poste. */
  affecte: string;
  /** classe6 = affecte + non affecté. */
  conserve: boolean;
  constats: Constat[];
  /** Sheets written (empty when the report is only computed). */
  feuilles: string[];
}

export interface OptionsEcarts {
  /** The ledger; read with `conserver: true` when the sheets are written. */
  fec: ResultatFec;
  /** Omitted: the workbook's « Correspondances » sheet if Prodbook wrote one, else the default PCG table. */
  correspondances?: TableCorrespondances;
  onProgress?: (fait: number, total: number) => void;
  /** « D'où vient ce chiffre ? »: add each poste's traces down to the FEC lines (CLI --explique). */
  explique?: boolean;
}

const m = centsToDecimalString;
const pct = (p: Decimal | undefined) => (p === undefined ? null : p.times(100).toFixed(2, Decimal.ROUND_HALF_UP));

function vue(r: RapportEcarts, feuilles: string[]): ResultatRapprochementVue {
  return {
    chapitres: r.chapitres.map((c) => ({
      code: c.code,
      libelle: c.libelle,
      budget: m(c.budget),
      realise: m(c.realise),
      estimation: m(c.estimation),
      ecart: m(c.ecart),
      ecartPct: pct(c.ecartPct),
      ecartEstime: m(c.ecartEstime),
      ecartEstimePct: pct(c.ecartEstimePct),
      alerte: c.alerte,
    })),
    nonAffecte: {
      total: m(r.realise.totalNonAffecte),
      comptes: r.realise.nonAffectes.map((c) => ({ compte: c.compte, libelle: c.libelle, total: m(c.total) })),
    },
    totaux: {
      budget: m(r.total.budget),
      realise: m(r.total.realise),
      estimation: m(r.total.estimation),
      ecart: m(r.total.ecart),
      ecartEstime: m(r.total.ecartEstime),
    },
    classe6: m(r.realise.classe6),
    affecte: m(r.realise.affecte),
    conserve: r.realise.conserve,
    constats: r.realise.constats,
    feuilles,
  };
}

/**
 * The écarts use case, for the pane and `prodbook ecarts`: the ledger against the devis, per chapter. With
 * `ecrire`, writes Grand livre, Correspondances, Écarts and Coût définitif (keeping what the user typed in a
 * previous Écarts sheet); without, only computes the report from the user's devis sheet.
 */
export async function ecarts(
  wb: WorkbookPort,
  args: OptionsEcarts,
  ecrire: boolean,
): Promise<ResultatRapprochementVue & { traces?: Record<string, TracePoste> }> {
  // Edited in the pane or read from a CSV: checked like the sheet it will be written to.
  const correspondances = args.correspondances && validerCorrespondances(args.correspondances);
  if (ecrire) {
    const r = await rapprocher(wb, { fec: args.fec, correspondances, onProgress: args.onProgress });
    const traces = args.explique ? tracesEcarts(r.rapport, r.devis, args.fec, r.correspondances) : undefined;
    return { ...vue(r.rapport, r.feuilles), ...(traces ? { traces } : {}) };
  }
  const prodbook = await wb.feuillesProdbook();
  const feuilles: SheetData[] = [];
  for (const n of await wb.listSheets()) {
    if (prodbook.some((p) => p.toLowerCase() === n.toLowerCase())) continue;
    const s = await wb.readSheet(n);
    if (s) feuilles.push(s);
  }
  const source = trouverFeuilleDevis(feuilles);
  if (!source)
    throw new DevisIntrouvableError(
      feuilles[0]?.name ?? "",
      feuilles.map((f) => f.name),
    );
  const table = correspondances ?? (await commandesEcarts.lireCorrespondances(wb, {}));
  const devis = importerDevis(source);
  const rapport = calculerEcarts(devis, calculerRealise(args.fec, table));
  const traces = args.explique ? tracesEcarts(rapport, devis, args.fec, table) : undefined;
  return { ...vue(rapport, []), ...(traces ? { traces } : {}) };
}

async function feuilleExistante(wb: WorkbookPort) {
  const nom = choisirNomFeuille(FEUILLE_CORRESPONDANCES, await wb.listSheets(), await wb.feuillesProdbook());
  const prodbook = await wb.feuillesProdbook();
  return prodbook.some((p) => p.toLowerCase() === nom.toLowerCase())
    ? { nom, sheet: await wb.readSheet(nom) }
    : { nom, sheet: undefined };
}

/** Écarts commands: read / save the correspondances, reconcile the ledger read by the worker. */
export const commandesEcarts = {
  async lireCorrespondances(wb: WorkbookPort, _args: Record<string, never>): Promise<TableCorrespondances> {
    const { sheet } = await feuilleExistante(wb);
    return sheet ? lireFeuilleCorrespondances(sheet) : correspondancesParDefaut();
  },

  async ecrireCorrespondances(wb: WorkbookPort, args: { table: TableCorrespondances }): Promise<{ feuille: string }> {
    const { nom } = await feuilleExistante(wb);
    await wb.writeSheets([feuilleCorrespondances(validerCorrespondances(args.table), nom)]);
    return { feuille: nom };
  },

  /** Writes Grand livre, Correspondances, Écarts and Coût définitif; the report as the CLI prints it. */
  async rapprocherGrandLivre(wb: WorkbookPort, args: OptionsEcarts): Promise<ResultatRapprochementVue> {
    return ecarts(wb, args, true);
  },
};
