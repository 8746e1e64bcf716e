/**
 * LibreOffice headless recalculation for formula tests (office-addin-engineering.md §3).
 * By default LibreOffice keeps the cached results of an .xlsx; a private profile with
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0 ("always recalculate") makes it recompute.
 */
import { execFile } from "child_process";
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
