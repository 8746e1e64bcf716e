/**
 * LibreOffice headless recalculation for formula tests (office-addin-engineering.md §3).
 * By default LibreOffice keeps the cached results of an .xlsx; a private profile with
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate") makes it recompute.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/** The profile setting that makes LibreOffice recalculate on load (shared with tests/bench/ecarts.bench.js). */
const XCU = path.join(__dirname, "recalcul.xcu");

let profil: Promise<string> | undefined;

/** One private profile per test process (parallel jest workers must not share a LibreOffice profile). */
function profilePrive(): Promise<string> {
  profil ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-lo-profil-"));
    await fs.mkdir(path.join(dir, "user"), { recursive: true });
    await fs.copyFile(XCU, path.join(dir, "user", "registrymodifications.xcu"));
    return dir;
  })();
  return profil;
}

export function soffice(): string {
  return process.env.SOFFICE ?? "soffice";
}

/** Recalculates every formula of `xlsxPath` with LibreOffice and returns the path of the recalculated copy. */
export async function recalculer(xlsxPath: string): Promise<string> {
  const dir = await profilePrive();
  const sortie = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-lo-sortie-"));
  const args = [
    "--headless",
    "--norestore",
    `-env:UserInstallation=${pathToFileURL(dir).href}`,
    "--convert-to",
    "xlsx",
    "--outdir",
    sortie,
    xlsxPath,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile(soffice(), args, { timeout: 180_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`LibreOffice a échoué (${err.message}) : ${stderr || stdout}`));
      else resolve();
    });
  });
  const fichier = path.join(sortie, path.basename(xlsxPath).replace(/\.[^.]+$/, "") + ".xlsx");
  try {
    await fs.access(fichier);
  } catch {
    throw new Error(`LibreOffice n'a pas produit ${fichier} (conversion de ${xlsxPath})`);
  }
  return fichier;
}

/**
 * A copy of `xlsxPath` whose formulas hold no cached result (each `<v>` dropped), so every result read after
 * `recalculer` is LibreOffice's own. Returns the copy's path and the number of formulas emptied.
 */
export async function sansResultats(xlsxPath: string): Promise<{ fichier: string; formules: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsxPath);
  let formules = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type !== ExcelJS.ValueType.Formula) return;
        const { result: _result, ...formule } = c.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
        c.value = formule as ExcelJS.CellValue;
        formules++;
      }),
    ),
  );
  const fichier = path.join(
    path.dirname(xlsxPath),
    path.basename(xlsxPath).replace(/\.[^.]+$/, "") + "-sans-cache.xlsx",
  );
  await wb.xlsx.writeFile(fichier);
  return { fichier, formules };
}

/** `xlsxPath` recalculated by LibreOffice after every cached result was dropped (sansResultats). */
export async function recalculerSansCache(xlsxPath: string): Promise<string> {
  const { fichier, formules } = await sansResultats(xlsxPath);
  if (!formules) throw new Error(`${xlsxPath} : aucune formule à recalculer`);
  return recalculer(fichier);
}

/**
 * A recalculated formula's result, or an error naming the cell when it has none. ExcelJS's `value` drops a result
 * of 0 (`{ formula }` alone) while `cell.result` keeps it: a 0 LibreOffice wrote is 0, a missing result fails.
 * A cell without a formula gives its value.
 */
export function resultat(c: ExcelJS.Cell): number | string | boolean | Date | ExcelJS.CellErrorValue {
  if (c.type !== ExcelJS.ValueType.Formula) return c.value as number | string;
  const r = c.result as number | string | boolean | Date | ExcelJS.CellErrorValue | undefined;
  if (r === undefined) throw new Error(`${c.worksheet.name}!${c.address} : formule sans résultat (${c.formula})`);
  return r;
}

/** A recalculated formula's numeric result (an error, a text or no result fails, naming the cell). */
export function nombre(c: ExcelJS.Cell): number {
  const r = resultat(c);
  if (typeof r !== "number")
    throw new Error(`${c.worksheet.name}!${c.address} : nombre attendu, lu ${JSON.stringify(r)}`);
  return r;
}
