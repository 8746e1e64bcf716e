/**
 * The only place that calls Excel.run: every Office operation of Prodbook goes through here, so the
 * batching rules (one sync per block, no sync per cell) are applied in one adapter.
 */
export function excelRun<T>(travail: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(travail);
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
