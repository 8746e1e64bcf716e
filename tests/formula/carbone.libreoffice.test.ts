/**
 * « Bilan carbone » with a définitif: after `prodbook ecarts` (réalisé by poste from a real FEC) and `prodbook carbone
 * -o`, every cached result is broken, a quantity is typed, and LibreOffice recomputes the prévisionnel and the définitif
 * side by side — by activity, by category, by chapter — to the core's figures. The chart is in the file.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { bilanCarbone } from "../../src/core/carbone/bilanClasseur";
import { COL } from "../../src/core/carbone/colonnes";
import { CATEGORIES } from "../../src/core/carbone/modele";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lireRecalcule, recalculer, resultat, sansResultats } from "../helpers/libreoffice";
import { lancerCli } from "../helpers/cli";

const FEC = path.resolve(__dirname, "../fixtures/fec/production-2024.txt");
const col = (c: number) => String.fromCharCode(65 + c);

/** `prodbook …args`, expected to succeed silently (exit 0, nothing on stderr). */
async function lancer(args: string[]): Promise<void> {
  const r = await lancerCli(main, args);
  expect([r.code, r.erreurs]).toEqual([0, []]);
}

/** A recalculated cell's value: a formula LibreOffice left without a result fails, naming the cell. */
const valeur = (ws: ExcelJS.Worksheet, ref: string) => resultat(ws.getCell(ref));

function ligne(ws: ExcelJS.Worksheet, texte: string, colonne = 1): number {
  let n = 0;
  ws.eachRow((row, i) => {
    if (!n && row.getCell(colonne).value === texte) n = i;
  });
  if (!n) throw new Error(`« ${texte} » absent de ${ws.name}`);
  return n;
}

test("prévisionnel et définitif côte à côte, recalculés par LibreOffice depuis les formules (activité, catégorie, chapitre)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "carbone-def-lo-"));
  const devis = path.join(dir, "devis.xlsx");
  await ecrireDevisTest(devis);
  const corr = path.join(dir, "correspondances.csv");
  fs.writeFileSync(corr, "compte;poste;libelle\n625;6.1;Déplacements\n616;9.1;Assurance\n6135;7.1;Caméra\n");
  const ecarts = path.join(dir, "ecarts.xlsx");
  await lancer(["ecarts", devis, "--fec", FEC, "--correspondances", corr, "-o", ecarts]);
  const bilan = path.join(dir, "bilan.xlsx");
  await lancer(["carbone", ecarts, "--date", "2026-06-01", "-o", bilan]);

  // The chart (prévisionnel and définitif by category) is a part of the file, tied to the sheet's cells.
  const zip = await JSZip.loadAsync(fs.readFileSync(bilan));
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  const xml = await Promise.all(charts.map((f) => zip.file(f)!.async("string")));
  const notre = xml.find((x) => x.includes("'Bilan carbone'!$B$8:$B$14"));
  expect(notre).toBeDefined();
  expect(notre).toContain("'Bilan carbone'!$C$8:$C$14");

  // Type the train's passager.km (the réalisé 996 € of compte 625 is already there), then drop every cached result.
  const modifie = new ExcelJS.Workbook();
  await modifie.xlsx.readFile(bilan);
  const bc = modifie.getWorksheet("Bilan carbone")!;
  const train = ligne(bc, "devis:Budget doc!14");
  bc.getCell(`${col(COL.quantite)}${train}`).value = 1000;
  const corrige = path.join(dir, "corrige.xlsx");
  await modifie.xlsx.writeFile(corrige);
  const { fichier: aRecalculer, formules } = await sansResultats(corrige);
  expect(formules).toBeGreaterThan(50);

  // The core's figures on the corrected workbook (with its cached results: the core reads the Écarts sheet's réalisé,
  // which the Bilan carbone sheet links to).
  const r = await bilanCarbone(await XlsxWorkbook.ouvrir(corrige), { date: "2026-06-01" });
  const t = (id: string) => r.activites.find((a) => a.id === id)!;
  // Train: 1 000 × 0,00293 = 2,93 kg; définitif at the prorata of the spend: × 996 / 800.
  expect([t("devis:Budget doc!14").kgCO2e, t("devis:Budget doc!14").kgCO2eDefinitif]).toEqual(["2.93", "3.64785"]);
  // Assurance: 1,2 k€ × 77 = 92,4 kg; réalisé 1 250 € → 96,25 kg.
  expect([t("devis:Budget doc!20").kgCO2e, t("devis:Budget doc!20").kgCO2eDefinitif]).toEqual(["92.4", "96.25"]);
  // Montage et étalonnage: 9 k€ × 156 (Base Carbone 43375, 2023) = 1 404 kg; no réalisé booked on it, no définitif.
  expect([t("devis:Budget doc!18").kgCO2e, t("devis:Budget doc!18").kgCO2eDefinitif]).toEqual(["1404", "0"]);
  expect([r.totaux.total.toFixed(), r.totaux.definitif.toFixed()]).toEqual(["1499.33", "99.89785"]);

  const lu = await lireRecalcule(await recalculer(aRecalculer));
  const ws = lu.getWorksheet("Bilan carbone")!;
  expect(valeur(ws, "B5")).toBeCloseTo(1.49933, 12);
  expect(valeur(ws, "D5")).toBeCloseTo(0.09989785, 12);
  for (const [id, a] of [
    ["devis:Budget doc!14", t("devis:Budget doc!14")],
    ["devis:Budget doc!20", t("devis:Budget doc!20")],
    ["devis:Budget doc!18", t("devis:Budget doc!18")],
  ] as const) {
    const l = ligne(ws, id);
    expect(valeur(ws, `${col(COL.previsionnel)}${l}`)).toBeCloseTo(Number(a.kgCO2e) / 1000, 12);
    expect(valeur(ws, `${col(COL.definitif)}${l}`)).toBeCloseTo(Number(a.kgCO2eDefinitif) / 1000, 12);
  }
  for (const c of CATEGORIES) {
    const l = ligne(ws, c.libelle);
    const k = r.totaux.parCategorie.get(c.code)!;
    expect([valeur(ws, `B${l}`), valeur(ws, `C${l}`)]).toEqual([
      expect.closeTo(k.kg.dividedBy(1000).toNumber(), 12),
      expect.closeTo(k.kgDefinitif.dividedBy(1000).toNumber(), 12),
    ]);
  }
  // By chapter: 6 Transports (train), 8 Post-production and 9 Assurances (insurance), prévisionnel and définitif.
  const titre = ligne(ws, "Chapitre du devis");
  for (const [code, kg, kgDef] of [
    ["6", 2.93, 3.64785],
    ["8", 1404, 0],
    ["9", 92.4, 96.25],
  ] as const) {
    let l = 0;
    for (let i = titre + 1; i < titre + 12 && !l; i++) if (ws.getCell(`A${i}`).value === code) l = i;
    expect(l).toBeGreaterThan(0);
    expect([valeur(ws, `C${l}`), valeur(ws, `D${l}`)]).toEqual([
      expect.closeTo(kg / 1000, 12),
      expect.closeTo(kgDef / 1000, 12),
    ]);
  }
  // Share of the estimate from activity data: 2,93 / 1 499,33.
  expect(valeur(ws, "F5")).toBeCloseTo(2.93 / 1499.33, 12);
  // The export sums the typed quantity.
  const ex = lu.getWorksheet("Export carbone")!;
  const lt = ligne(ex, "Train", 2);
  expect([valeur(ex, `C${lt}`), valeur(ex, `E${lt}`), valeur(ex, `G${lt}`)]).toEqual([1000, 800, 0]);
  // …and, for the bilan définitif, the réalisé next to the devis amount: 996 € (compte 625), 1 250 € (616).
  expect(ex.getCell("I5").value).toBe("Réalisé (€)");
  expect(valeur(ex, `I${lt}`)).toBe(996);
  expect(valeur(ex, `I${ligne(ex, "Assurances", 2)}`)).toBe(1250);
}, 240_000);
