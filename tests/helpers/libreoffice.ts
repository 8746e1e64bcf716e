/**
 * LibreOffice headless recalculation for formula tests (office-addin-engineering.md §3).
 * By default LibreOffice keeps the cached results of an .xlsx; a private profile with
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate") makes it recompute.
 */
import { execFile } from "child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
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

/**
 * Like sansResultats, but on the package's XML itself: in every worksheet part, each formula cell loses its cached
 * result (`<v>…</v>`) and its result type (`t="str"`, `t="b"`…); every other byte is kept. For sheets whose XML is
 * what the test is about (rows streamed by src/xlsx/feuillesEnFlux.ts), which sansResultats would have ExcelJS parse
 * and write again. Returns the copy's path and the number of formulas emptied, in all and per sheet.
 */
export async function sansResultatsXml(
  xlsxPath: string,
): Promise<{ fichier: string; formules: number; parFeuille: Record<string, number> }> {
  const zip = await JSZip.loadAsync(await fs.readFile(xlsxPath));
  const parFeuille: Record<string, number> = {};
  for (const [nom, partie] of await partiesFeuilles(zip)) {
    let n = 0;
    const xml = (await zip.file(partie)!.async("string")).replace(
      /<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g,
      (tout, attrs: string, _fin: string, corps: string | undefined) => {
        if (!corps || !/<f[\s>/]/.test(corps)) return tout;
        n++;
        return `<c${attrs.replace(/\st="[^"]*"/, "")}>${corps.replace(/<v>[\s\S]*?<\/v>|<v\/>/g, "")}</c>`;
      },
    );
    parFeuille[nom] = n;
    zip.file(partie, xml);
  }
  const fichier = path.join(
    path.dirname(xlsxPath),
    path.basename(xlsxPath).replace(/\.[^.]+$/, "") + "-sans-cache-xml.xlsx",
  );
  await fs.writeFile(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return { fichier, formules: Object.values(parFeuille).reduce((a, b) => a + b, 0), parFeuille };
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

const local = (nom: string) => nom.replace(/^.*:/, "");

/** Cells of a worksheet part whose formula's result is the empty text: `t="str"` and an empty `<v>`. */
function resultatsVides(xml: string): string[] {
  const out: string[] = [];
  let c: { r: string; texte: boolean; formule: boolean; v?: string } | undefined;
  let dansV = false;
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    const n = local(t.name);
    const a = t.attributes as Record<string, string>;
    if (n === "c") c = { r: a.r, texte: a.t === "str", formule: false };
    else if (c && n === "f") c.formule = true;
    else if (c && n === "v") [c.v, dansV] = ["", true];
  });
  p.on("text", (t) => {
    if (c && dansV) c.v += t;
  });
  p.on("closetag", (t) => {
    const n = local(t.name);
    if (n === "v") dansV = false;
    if (n === "c" && c) {
      if (c.texte && c.formule && c.v === "") out.push(c.r);
      c = undefined;
    }
  });
  p.write(xml).close();
  return out;
}

/** Sheet name → its part in the package ("xl/worksheets/sheet1.xml"), from workbook.xml and its relationships. */
async function partiesFeuilles(zip: JSZip): Promise<Map<string, string>> {
  const cibles = new Map<string, string>();
  const rels = new SaxesParser();
  rels.on("opentag", (t) => {
    const a = t.attributes as Record<string, string>;
    if (local(t.name) === "Relationship") cibles.set(a.Id, a.Target.replace(/^\/?(xl\/)?/, "xl/"));
  });
  rels.write(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).close();
  const parties = new Map<string, string>();
  const wb = new SaxesParser();
  wb.on("opentag", (t) => {
    const a = t.attributes as Record<string, string>;
    const id = Object.entries(a).find(([k]) => local(k) === "id")?.[1];
    if (local(t.name) === "sheet" && id && cibles.has(id)) parties.set(a.name, cibles.get(id)!);
  });
  wb.write(await zip.file("xl/workbook.xml")!.async("string")).close();
  return parties;
}

/**
 * A recalculated workbook read with ExcelJS, where a formula whose result is the empty text holds "" as its result.
 * LibreOffice writes such a result as `<v></v>`, which ExcelJS reads as no result at all; restored here from the
 * sheet's XML, `resultat` tells an empty text (« "" ») from a formula LibreOffice left without result (a failure).
 */
export async function lireRecalcule(fichier: string): Promise<ExcelJS.Workbook> {
  const octets = await fs.readFile(fichier);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(octets as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(octets);
  for (const [nom, partie] of await partiesFeuilles(zip)) {
    const ws = wb.getWorksheet(nom);
    const xml = await zip.file(partie)?.async("string");
    if (!ws || xml === undefined) continue;
    for (const ref of resultatsVides(xml)) {
      const c = ws.getCell(ref);
      c.value = { formula: c.formula, result: "" } as ExcelJS.CellFormulaValue;
    }
  }
  return wb;
}
