/**
 * The « Soutien automatique FSA » block of the « Plan de financement » sheet written by `prodbook financement -o`
 * (audiovisual works): the base of the 25 % (cost, or the French participation in an international coproduction), the
 * required and actual French broadcasters' contributions, the reduced share of RGA art. 311-10 with the international
 * presales, the cash part per hour against the genre's floor. Through the built binary on a real .xlsx; every cached
 * result dropped before LibreOffice recalculates, then after the producer edits a presale, the duration and the cost.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, type ConstatJson, dossierTemporaire, espacesSimples } from "../helpers/cli";
import { lireRecalcule, nombre, recalculerSansCache, resultat } from "../helpers/libreoffice";

const dossier = dossierTemporaire("prodbook-financement-fsa-");

/**
 * An animation series plan: 1 000 000 €, a Luxembourg coproducer (100 000 €: participation française 900 000 €,
 * 25 % = 225 000 €), France Télévisions 200 000 € (22,22 %), an RTBF presale 50 000 € (≥ the gap of 25 000 €).
 */
async function classeur(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan de financement");
  ws.addRow(["Source de financement", "Type", "Pays", "Statut", "Montant"]);
  ws.addRow(["France Télévisions", "Préachat", "France", "Acquis", 200000]);
  ws.addRow(["RTBF", "Préachat", "Belgique", "Acquis", 50000]);
  ws.addRow(["Studio Lux", "Coproduction", "Luxembourg", "Acquis", 100000]);
  ws.addRow(["CNC", "FSA", "France", "Acquis", 150000]);
  ws.addRow(["Société de production", "Apport producteur", "France", "Acquis", 500000]);
  const f = path.join(dossier(), "animation.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

const OPTIONS = ["--cout", "1000000", "--oeuvre", "audiovisuel", "--genre", "animation", "--duree", "26"];
const OPTIONS_JSON = [...OPTIONS, "--date", "2026-01-15"];

/** Row (1-based) whose column A reads `libelle` (its value, or a formula's result). */
function ligne(ws: ExcelJS.Worksheet, libelle: string): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    const t = v && typeof v === "object" && "formula" in v ? v.result : v;
    if (t === libelle) return r;
  }
  throw new Error(`ligne « ${libelle} » absente de ${ws.name}`);
}
const valeur = (ws: ExcelJS.Worksheet, libelle: string) => nombre(ws.getCell(ligne(ws, libelle), 2));

test("financement -o : le bloc FSA donne les chiffres du contrôle, recalculés par LibreOffice, et suit les modifications", async () => {
  const f = await classeur();
  const j = binaire(["financement", f, ...OPTIONS_JSON, "--json"]);
  expect([j.code, j.err]).toEqual([0, ""]);
  const fsa = (JSON.parse(j.out) as { controles: ConstatJson[] }).controles.filter((c) => c.regle === "diffuseurs-fsa");
  expect(fsa.map((c) => espacesSimples(c.message))).toEqual([
    expect.stringContaining(
      "Diffuseurs français : 200 000,00 € = 22,22 % de la participation française en coproduction internationale " +
        "(900 000,00 € = coût de l'œuvre 1 000 000,00 € − parts des coproducteurs étrangers 100 000,00 €), en dessous " +
        "des 25,00 % (chiffre à vérifier) exigés pour le soutien automatique FSA, mais au moins des 15,00 % du taux " +
        "réduit en animation (RGA art. 311-10) : préventes internationales du plan (sources de diffuseurs d'origine " +
        "étrangère) 50 000,00 €, au moins l'écart à 25,00 % : 25 000,00 € = (225 000,00 € exigés − 200 000,00 €) ; à " +
        "vérifier, le plan ne le dit pas :",
    ),
  ]);

  const sortie = path.join(dossier(), "animation-prodbook.xlsx");
  const r = binaire(["financement", f, ...OPTIONS_JSON, "-o", sortie]);
  expect([r.code, r.err]).toEqual([0, ""]);

  // 1. As written: LibreOffice's results = the check's figures.
  const x1 = await lireRecalcule(await recalculerSansCache(sortie));
  const p1 = x1.getWorksheet("Plan de financement (Prodbook)")!;
  const titre = ligne(p1, "Soutien automatique FSA (RGA art. 311-9 et 311-10)");
  expect(espacesSimples(p1.getCell(titre, 3).text)).toMatch(/^Copie non officielle .*confiance M, à vérifier\.$/);
  expect(valeur(p1, "Coût de l'œuvre (à défaut, total du financement)")).toBeCloseTo(1000000, 2);
  expect(valeur(p1, "Parts des coproducteurs étrangers")).toBeCloseTo(100000, 2);
  expect(valeur(p1, "Base : participation française (coût − coproducteurs étrangers)")).toBeCloseTo(900000, 2);
  expect(valeur(p1, "Part minimale des diffuseurs français")).toBe(0.25);
  expect(valeur(p1, "Apport exigé des diffuseurs français")).toBeCloseTo(225000, 2);
  expect(valeur(p1, "Apport des diffuseurs français")).toBeCloseTo(200000, 2);
  expect(valeur(p1, "Part des diffuseurs français dans la base FSA")).toBeCloseTo(200000 / 900000, 10);
  expect(valeur(p1, "Écart à l'apport exigé (négatif : manque)")).toBeCloseTo(-25000, 2);
  expect(valeur(p1, "Part réduite en animation (art. 311-10)")).toBe(0.15);
  expect(valeur(p1, "Préventes internationales (diffuseurs d'origine étrangère)")).toBeCloseTo(50000, 2);
  expect(valeur(p1, "Préventes exigées pour la part réduite")).toBeCloseTo(25000, 2);
  expect(p1.getCell(ligne(p1, "Genre de l'œuvre"), 2).value).toBe("Animation");
  expect(valeur(p1, "Durée de l'œuvre (minutes)")).toBe(26);
  expect(valeur(p1, "Plancher de numéraire par heure")).toBe(12000);
  expect(valeur(p1, "Minimum de numéraire des diffuseurs")).toBeCloseTo(5200, 2);
  expect(valeur(p1, "Numéraire des diffuseurs français")).toBe(200000);
  expect(valeur(p1, "Numéraire par heure")).toBeCloseTo(461538.46, 2);
  // Every formula cell of the block says where its figure comes from.
  const note = (libelle: string) => {
    const n = p1.getCell(ligne(p1, libelle), 2).note as string | { texts?: { text: string }[] } | undefined;
    return espacesSimples(typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join(""));
  };
  expect(note("Apport exigé des diffuseurs français")).toMatch(
    /^Apport exigé des diffuseurs français : 225 000,00 €\n= arrondi\(B\d+ × B\d+, 2\), 0 quand B\d+ ≤ 0/,
  );
  expect(note("Préventes exigées pour la part réduite")).toContain("25 000,00 €");
  expect(note("Numéraire par heure")).toContain("461 538,46 €");
  for (let r = titre; r <= ligne(p1, "Numéraire par heure"); r++)
    for (const c of [1, 2]) {
      const cellule = p1.getCell(r, c);
      if (cellule.formula) expect([cellule.address, cellule.note === undefined]).toEqual([cellule.address, false]);
    }
  // French formats: amounts in euros, shares in per cent.
  expect(p1.getCell(ligne(p1, "Apport exigé des diffuseurs français"), 2).numFmt).toContain("€");
  expect(p1.getCell(ligne(p1, "Part des diffuseurs français dans la base FSA"), 2).numFmt).toBe("0.00%");

  // 2. The producer edits the written workbook: the RTBF presale down to 20 000 €, the duration to 52 min, the cost
  // to 1 100 000 € (participation française 1 000 000 €, 25 % = 250 000 €).
  const x2 = new ExcelJS.Workbook();
  await x2.xlsx.readFile(sortie);
  const p2 = x2.getWorksheet("Plan de financement (Prodbook)")!;
  let rtbf = 0;
  p2.eachRow((row, n) => {
    if (row.getCell(1).value === "RTBF") rtbf = n;
  });
  expect(rtbf).toBeGreaterThan(10);
  p2.getCell(rtbf, 6).value = 20000;
  p2.getCell(ligne(p2, "Durée de l'œuvre (minutes)"), 2).value = 52;
  p2.getCell("B2").value = 1100000;
  const modifie = path.join(dossier(), "animation-modifie.xlsx");
  await x2.xlsx.writeFile(modifie);
  const x3 = await lireRecalcule(await recalculerSansCache(modifie));
  const p3 = x3.getWorksheet("Plan de financement (Prodbook)")!;
  expect(valeur(p3, "Base : participation française (coût − coproducteurs étrangers)")).toBeCloseTo(1000000, 2);
  expect(valeur(p3, "Apport exigé des diffuseurs français")).toBeCloseTo(250000, 2);
  expect(valeur(p3, "Écart à l'apport exigé (négatif : manque)")).toBeCloseTo(-50000, 2);
  expect(valeur(p3, "Préventes internationales (diffuseurs d'origine étrangère)")).toBeCloseTo(20000, 2);
  expect(valeur(p3, "Préventes exigées pour la part réduite")).toBeCloseTo(50000, 2);
  expect(valeur(p3, "Minimum de numéraire des diffuseurs")).toBeCloseTo(10400, 2);
  expect(valeur(p3, "Numéraire par heure")).toBeCloseTo(230769.23, 2);

  // 3. Without a foreign coproducer and without a duration: the base is named the cost, the minimum stays empty.
  x2.getWorksheet("Plan de financement (Prodbook)")!.getCell(ligne(p2, "Durée de l'œuvre (minutes)"), 2).value = null;
  let lux = 0;
  p2.eachRow((row, n) => {
    if (row.getCell(1).value === "Studio Lux") lux = n;
  });
  p2.getCell(lux, 3).value = "Apport producteur — numéraire";
  const sansCopro = path.join(dossier(), "animation-sans-copro.xlsx");
  await x2.xlsx.writeFile(sansCopro);
  const x4 = await lireRecalcule(await recalculerSansCache(sansCopro));
  const p4 = x4.getWorksheet("Plan de financement (Prodbook)")!;
  expect(valeur(p4, "Parts des coproducteurs étrangers")).toBe(0);
  expect(valeur(p4, "Base : coût de l'œuvre")).toBeCloseTo(1100000, 2);
  expect(resultat(p4.getCell(ligne(p4, "Minimum de numéraire des diffuseurs"), 2))).toBe("");
});

test("financement -o : un plan de cinéma n'a pas de bloc FSA", async () => {
  const f = await classeur();
  const sortie = path.join(dossier(), "cinema-prodbook.xlsx");
  const r = binaire(["financement", f, "--cout", "1000000", "--date", "2026-01-15", "-o", sortie]);
  expect([r.code, r.err]).toEqual([0, ""]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  const ws = wb.getWorksheet("Plan de financement (Prodbook)")!;
  expect(() => ligne(ws, "Apport exigé des diffuseurs français")).toThrow(/absente/);
});
