import ExcelJS from "exceljs";
import * as path from "path";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { lirePlanFinancement } from "../../../src/core/financement/lecture";
import { cents, nombreSousCentime } from "../../../src/core/money";
import { COL_V, feuilleVersions, lireVersions } from "../../../src/core/versions/feuilleVersions";
import type { Version } from "../../../src/core/versions/modele";
import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { feuilleXlsx } from "../devis/outils";
import { dossierTemp } from "../versions/classeurs";

/**
 * A cent amount that went through a float32 (12,34 → 12.340000152587891, 0,1 → 0.10000000149011612) or a double's
 * noise (1 234,56 → 1234.5600000000001) is no sub-cent amount; one typed beyond the cent (0,125, 10,005, 4 123,456,
 * and 10,005 through a float32) is. One rule (nombreSousCentime) for the devis, the plan de financement and the
 * « Versions » sheet, each read here from real .xlsx cells.
 */
const BRUITS: [string, number, number][] = [
  // [label, number in the cell, cents it is]
  // The double next to 1 234,56 (1234.5600000000001 as typed reads as it).
  ["Double", 1234.5600000000002, 123_456],
  ["Float32 dixième", 0.10000000149011612, 10],
  ["Float32 centimes", 12.340000152587891, 1_234],
  ["Float32 grand", Math.fround(99_999.99), 9_999_999],
  ["Float32 négatif", Math.fround(-45.67), -4_567],
];
const SOUS_CENTIMES: [string, number, number][] = [
  ["Huitième", 0.125, 13],
  ["Demi-centime", 10.005, 1_001],
  ["Demi-centime float32", Math.fround(10.005), 1_001],
  ["Millième", 4_123.456, 412_346],
  ["Grand", 300_000.005, 30_000_001],
  // Read rounded without a word by the plan de financement and « Versions » for a while (review of 8 December 2026).
  ["Très grand", 7_500_000.005, 750_000_001],
  ["Float32 tapé", 100_000.03125, 10_000_003],
];

describe("nombreSousCentime : le bruit d'un flottant n'est pas un sous-centime", () => {
  // Every cent up to 100 €, then one cent in 997 up to 131 072 € (each side of zero).
  const centimes = [...Array(10_000).keys(), ...Array.from({ length: 13_137 }, (_, i) => 10_000 + i * 997)];

  it("un montant au centime passé par un float32 n'est sous le centime, jusqu'à 131 072 €, que s'il a pu être tapé", () => {
    // Flagged: only a float32 with five decimals or fewer (65 536,06 → 65 536,0625), which a person may have typed.
    const decimales = (x: number) => (String(x).split(".")[1] ?? "").length;
    const signales = centimes.flatMap((c) => [c, -c]).filter((c) => nombreSousCentime(Math.fround(c / 100)));
    expect(signales.filter((c) => decimales(Math.fround(c / 100)) > 5)).toEqual([]);
    expect(signales.every((c) => Math.abs(c) >= 1_638_400)).toBe(true);
    // …a few of them: under one in five, none below 16 384 €.
    expect(signales.length).toBeLessThan((centimes.length * 2) / 5);
    expect(nombreSousCentime(Math.fround(65_536.06))).toBe(true);
  });

  it("un montant à trois décimales au-delà du centime l'est, tel quel, et passé par un float32 qui le distingue", () => {
    // m thousandths, the third decimal never 0 (0,001 … 0,009, then 0,011 …), typed as is up to 131 072 €; through a
    // float32 up to 16 384 € (2^14), past which a float32 no longer holds the thousandths (16 384,051 is 16 384,05's).
    const milliemes = centimes.flatMap((c) => [1, 3, 5, 9].map((k) => c * 10 + k));
    const manques = milliemes.filter(
      (m) =>
        !nombreSousCentime(m / 1000) ||
        !nombreSousCentime(-m / 1000) ||
        (m < 16_384_000 && !nombreSousCentime(Math.fround(m / 1000))),
    );
    expect(manques).toEqual([]);
  });

  it("au-delà de 131 072 €, un float32 ne tient plus les centimes : son écart au centime reste signalé", () => {
    expect(nombreSousCentime(Math.fround(131_072.03))).toBe(true);
    expect(nombreSousCentime(1_000_000.1 + 0.2)).toBe(false);
  });

  it("une valeur tapée reste signalée quelle que soit sa taille, même quand c'est un float32 exact (revue du 8 décembre 2026)", () => {
    // Before: 65 536,0625 or 100 000,03125 (exact float32s landing on a cent amount's float32) were read rounded without
    // a word, and from about 1 M€ the margin of 1e-9 of the cents hid 7 500 000,005.
    for (const x of [65_536.0625, 99_999.9375, 120_000.4375, 100_000.03125, 40_000.00390625])
      expect([x, nombreSousCentime(x), nombreSousCentime(-x)]).toEqual([x, true, true]);
    for (const x of [1_000_000.001, 2_000_000.001, 7_500_000.005, 12_000_000.004, 123_456_789.125])
      expect([x, nombreSousCentime(x)]).toEqual([x, true]);
    // Every value n + k/32 typed between 32 768 € and 131 072 € that is not a cent amount (one n in 97).
    const manques: number[] = [];
    for (let n = 32_768; n < 131_072; n += 97)
      for (let k = 1; k < 32; k++) if ((k * 100) % 32 !== 0 && !nombreSousCentime(n + k / 32)) manques.push(n + k / 32);
    expect(manques).toEqual([]);
    // A double's noise on large amounts is still none.
    expect(nombreSousCentime(7_499_999.9 + 0.1)).toBe(false);
    expect(nombreSousCentime(12_345_678.9 + 0.01)).toBe(false);
    expect([NaN, Infinity, -Infinity].map(nombreSousCentime)).toEqual([true, true, true]);
    expect(nombreSousCentime(0)).toBe(false);
  });
});

describe("un nombre d'un classeur : bruit d'un flottant compté sans un mot, sous-centime signalé", () => {
  const lignes = [...BRUITS, ...SOUS_CENTIMES];

  it("devis : montant-sous-centime pour les seuls montants au-delà du centime", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Poste", "Montant"],
      ["07 MOYENS TECHNIQUES"],
      ...lignes.map(([libelle, v]) => [libelle, v]),
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.montant])).toEqual(lignes.map(([l, , c]) => [l, c]));
    const constats = controlerDevis(d, "2026-01-15").filter((c) => c.regle === "montant-sous-centime");
    expect(constats.map((c) => c.cellule)).toEqual(SOUS_CENTIMES.map((_, i) => `Devis!B${BRUITS.length + 3 + i}`));
    expect(constats[0].message).toBe(
      "Devis!B8 « Huitième » : « 0,125 » a plus de deux décimales ; la ligne est comptée pour 0,13\u00a0€ (arrondi au centime).",
    );
  });

  it("plan de financement : « a plus de deux décimales » pour les seuls montants au-delà du centime", async () => {
    const s = await feuilleXlsx("Plan", [
      ["Financeur", "Nature", "Montant"],
      ...lignes.map(([libelle, v]) => [libelle, "Apport en numéraire", v]),
    ]);
    const plan = lirePlanFinancement(s, { date: "2026-01-15" });
    expect(plan.sources.map((x) => [x.financeur, x.montant])).toEqual(lignes.map(([l, , c]) => [l, c]));
    const dits = plan.avertissements.filter((a) => /plus de deux décimales/.test(a.message));
    expect(dits.map((a) => a.cellule)).toEqual(SOUS_CENTIMES.map((_, i) => `Plan!C${BRUITS.length + 2 + i}`));
  });

  it("feuille « Versions » : le bruit est relu au centime, un montant au-delà du centime refusé en nommant sa cellule", async () => {
    const v: Version = {
      nom: "V1",
      date: "2026-12-03",
      auteur: "",
      lignes: [{ numero: 1, chapitre: "7", code: "7.1", libelle: "Caméra", montant: cents(100), cellule: "Devis!B3" }],
    };
    const ecrit = XlsxWorkbook.vide();
    await ecrit.writeSheets([feuilleVersions([v], false)]);
    const f = path.join(await dossierTemp("prodbook-sous-centime-"), "versions.xlsx");
    await ecrit.enregistrer(f);
    const relire = async (x: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      const ws = wb.getWorksheet("Versions")!;
      ws.getCell(2, COL_V.montant + 1).value = x;
      const relu = await chargerXlsx(Buffer.from(await wb.xlsx.writeBuffer()), "v.xlsx");
      return lireVersions(lireFeuille(relu.getWorksheet("Versions")!));
    };
    for (const [, x, c] of BRUITS) expect((await relire(x)).versions[0].lignes[0].montant).toBe(c);
    for (const [, x] of SOUS_CENTIMES)
      await expect(relire(x)).rejects.toThrow(/Versions!\w+2 contient .*, un montant au-delà du centime/);
  });
});
