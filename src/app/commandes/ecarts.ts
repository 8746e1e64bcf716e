import type { ResultatFec } from "../../core/comptabilite/fec";
import {
  correspondancesParDefaut,
  FEUILLE_CORRESPONDANCES,
  feuilleCorrespondances,
  lireFeuilleCorrespondances,
  validerCorrespondances,
  type TableCorrespondances,
} from "../../core/comptabilite/correspondances";
import { centsToDecimalString } from "../../core/money";
import { choisirNomFeuille, type WorkbookPort } from "../../core/port/workbook";
import { rapprocher } from "../../core/ecarts/rapprocher";

/** One chapter of the report as the pane shows it (amounts as "1234.56"). */
export interface ChapitreEcartVue {
  code: string;
  libelle: string;
  budget: string;
  realise: string;
  estimation: string;
  ecart: string;
  ecartPct: string | null;
  alerte: boolean;
}

export interface ResultatRapprochementVue {
  chapitres: ChapitreEcartVue[];
  nonAffecte: { total: string; comptes: { compte: string; libelle: string; total: string }[] };
  classe6: string;
  conserve: boolean;
  feuilles: string[];
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

  async rapprocherGrandLivre(
    wb: WorkbookPort,
    args: {
      fec: ResultatFec;
      correspondances?: TableCorrespondances;
      onProgress?: (fait: number, total: number) => void;
    },
  ): Promise<ResultatRapprochementVue> {
    // Edited in the pane: checked like the sheet it will be written to.
    const correspondances = args.correspondances && validerCorrespondances(args.correspondances);
    const r = await rapprocher(wb, { fec: args.fec, correspondances, onProgress: args.onProgress });
    const m = centsToDecimalString;
    return {
      chapitres: r.rapport.chapitres.map((c) => ({
        code: c.code,
        libelle: c.libelle,
        budget: m(c.budget),
        realise: m(c.realise),
        estimation: m(c.estimation),
        ecart: m(c.ecart),
        ecartPct: c.ecartPct === undefined ? null : c.ecartPct.times(100).toFixed(2),
        alerte: c.alerte,
      })),
      nonAffecte: {
        total: m(r.rapport.realise.totalNonAffecte),
        comptes: r.rapport.realise.nonAffectes.map((c) => ({
          compte: c.compte,
          libelle: c.libelle,
          total: m(c.total),
        })),
      },
      classe6: m(r.rapport.realise.classe6),
      conserve: r.rapport.realise.conserve,
      feuilles: r.feuilles,
    };
  },
};
