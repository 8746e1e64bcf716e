import { ErreurExpliquee } from "../core/erreurs";

/**
 * The only place that calls Excel.run: every Office operation of Prodbook goes through here, so the
 * batching rules (one sync per block, no sync per cell) are applied in one adapter.
 */
export function excelRun<T>(travail: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(travail).catch((e: unknown) => {
    throw erreurOfficeExpliquee(e);
  });
}

/**
 * Office errors the user causes and can undo, by their code (Excel.ErrorCodes), in French with what to do. Any other
 * error is left as it is: the pane tells it as unexpected, its text kept for support.
 */
const ERREURS_OFFICE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    "Excel est en cours de saisie dans une cellule\u00a0: validez (Entrée) ou quittez la cellule, puis relancez.",
  AccessDenied:
    "Excel refuse la modification\u00a0: la feuille ou le classeur est protégé, ou le classeur est ouvert en lecture " +
    "seule (fichier partagé, mode Protégé, droits limités). Ôtez la protection (Révision > Ôter la protection) ou " +
    "ouvrez une copie modifiable, puis relancez.",
};

/** An Office error the user can act on as an ErreurExpliquee (its code and text kept in the details); others as is. */
export function erreurOfficeExpliquee(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(ERREURS_OFFICE, code)) return e;
  return new ErreurExpliquee(ERREURS_OFFICE[code], `${e.name} (${code}): ${e.message}`);
}

/**
 * True when the host supports ExcelApi `version`. Outside Office (tests, a browser page with a fake
 * Excel) Office.context.requirements is undefined: the fake implements everything, so answer true.
 */
export function apiExcel(version: string): boolean {
  const office = (
    globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (s: string, v: string) => boolean } } } }
  ).Office;
  const req = office?.context?.requirements;
  return req && typeof req.isSetSupported === "function" ? req.isSetSupported("ExcelApi", version) : true;
}
