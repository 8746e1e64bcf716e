import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, fr, lancerCli } from "../helpers/cli";

/**
 * Hostile QA round 3, the remainders: each input a real file written here, each refusal exit 2 with a French message
 * naming the file (or the cell), nothing on stdout.
 */
const dossier = dossierTemporaire("prodbook-restes-qa-3-");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");

/** `source` with a « Paramètres » sheet: each row a key and a value cell, with its number format when given. */
async function avecParametres(source: string, nom: string, lignes: [string, ExcelJS.CellValue, string?][]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.addWorksheet("Paramètres");
  ws.addRow(["Paramètre", "Valeur"]);
  for (const [cle, valeur, format] of lignes) {
    const r = ws.addRow([cle, valeur]);
    if (format) r.getCell(2).numFmt = format;
  }
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

function refus(r: { code: number; out: string; err: string }, message: RegExp) {
  expect([r.code, r.out]).toEqual([2, ""]);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/Erreur interne|Error|ENO[A-Z]+|at .*\.js/);
}

describe("versions lister / comparer : un classeur endommagé est refusé, pas « aucune version »", () => {
  let avecVersion: string;
  beforeAll(async () => {
    avecVersion = path.join(dossier(), "versions.xlsx");
    const r = await lancerCli(main, [
      "versions",
      "enregistrer",
      EXEMPLE,
      "--nom",
      "V1",
      "--date",
      "2026-01-01",
      "-o",
      avecVersion,
    ]);
    expect(r.code).toBe(0);
  });

  /** `avecVersion` without its shared strings (the « Versions » sheet's texts): the part dropped from the zip. */
  async function sansTextesPartages(): Promise<string> {
    const zip = await JSZip.loadAsync(await fs.readFile(avecVersion));
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    zip.remove("xl/sharedStrings.xml");
    const f = path.join(dossier(), "sans-textes.xlsx");
    await fs.writeFile(f, await zip.generateAsync({ type: "nodebuffer" }));
    return f;
  }

  it("le classeur intact liste sa version", async () => {
    const r = await lancerCli(main, ["versions", "lister", avecVersion, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { versions: { nom: string }[] }).versions.map((v) => v.nom)).toEqual(["V1"]);
  });

  it("sans xl/sharedStrings.xml : lister et comparer refusent le fichier en le nommant (avant : « Aucune version », 0)", async () => {
    const f = await sansTextesPartages();
    const message =
      /^Le fichier «\u00a0sans-textes\.xlsx\u00a0» n'est pas un classeur Excel lisible \(\.xlsx\)\u00a0: il y manque la partie «\u00a0xl\/sharedStrings\.xml\u00a0» \(les textes des cellules\), l'archive est endommagée\u00a0: ouvrez-le dans Excel/;
    refus(await lancerCli(main, ["versions", "lister", f]), message);
    refus(await lancerCli(main, ["versions", "lister", f, "--json"]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "courant"]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "V1", "--json"]), message);
    // The same refusal as every other command reading the file.
    refus(await lancerCli(main, ["devis", f, "--date", "2026-01-15"]), message);
  });

  it("tronqué : lister et comparer refusent le fichier en le nommant", async () => {
    const octets = await fs.readFile(avecVersion);
    const f = path.join(dossier(), "tronque.xlsx");
    await fs.writeFile(f, octets.subarray(0, Math.floor(octets.length / 2)));
    const message =
      /^Le fichier «\u00a0tronque\.xlsx\u00a0» n'est pas un classeur Excel lisible \(\.xlsx\)\u00a0: l'archive est endommagée/;
    refus(await lancerCli(main, ["versions", "lister", f]), message);
    refus(await lancerCli(main, ["versions", "comparer", f, "--de", "V1", "--a", "courant", "--json"]), message);
  });
});

describe("Paramètres : une valeur refusée est citée comme Excel l'affiche", () => {
  it("une cellule au format pourcentage qui tient 1,5 est « 150,00 % » (avant : « 1.5 »)", async () => {
    const f = await avecParametres(FICTION, "pourcent.xlsx", [
      ["intensite-aides.cinema.plafond-general", 1.5, "0.00%"],
    ]);
    refus(
      await lancerCli(main, ["financement", f, "--cout", "3000000", "--oeuvre", "cinema"]),
      /^pourcent\.xlsx\u00a0: 'Paramètres'!B2\u00a0: «\u00a0150,00\u00a0%\u00a0» n'est pas un taux valable pour «\u00a0intensite-aides\.cinema\.plafond-general\u00a0» \(attendu par exemple «\u00a025\u00a0%\u00a0» ou «\u00a00,25\u00a0»\)\.$/,
    );
    const c = await avecParametres(EXEMPLE, "pourcent-ci.xlsx", [["credit-impot.international.taux", 1.5, "0%"]]);
    refus(
      await lancerCli(main, ["credit-impot", c, "--regime", "international", "--genre", "fiction"]),
      /^pourcent-ci\.xlsx\u00a0: 'Paramètres'!B2\u00a0: «\u00a0150,00\u00a0%\u00a0» n'est pas un taux valable pour «\u00a0credit-impot\.international\.taux\u00a0»/,
    );
  });

  it("une cellule nombre (format standard) qui tient 1,5 est « 1,5 », en décimale française", async () => {
    const f = await avecParametres(FICTION, "nombre.xlsx", [["intensite-aides.cinema.plafond-general", 1.5]]);
    refus(
      await lancerCli(main, ["financement", f, "--cout", "3000000", "--oeuvre", "cinema"]),
      /^nombre\.xlsx\u00a0: 'Paramètres'!B2\u00a0: «\u00a01,5\u00a0» n'est pas un taux valable pour «\u00a0intensite-aides\.cinema\.plafond-general\u00a0»/,
    );
  });

  it("un texte est cité tel que tapé", async () => {
    const f = await avecParametres(FICTION, "texte.xlsx", [["intensite-aides.cinema.plafond-general", "1.5"]]);
    refus(
      await lancerCli(main, ["financement", f, "--cout", "3000000", "--oeuvre", "cinema"]),
      /^texte\.xlsx\u00a0: 'Paramètres'!B2\u00a0: «\u00a01\.5\u00a0» n'est pas un taux valable/,
    );
  });
});

describe("regles --classeur : une surcharge que le calcul refuse n'est pas « en vigueur »", () => {
  it("« 720 » heures par jour : listée refusée avec le message et la cellule du planning (avant : « Surchargé »)", async () => {
    const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
    const f = await avecParametres(PLAN, "regles-720.xlsx", [
      ["temps-de-travail.2642.duree-quotidienne-max", 720],
      ["temps-de-travail.2642.repos-quotidien", 10],
    ]);
    // The planning's own refusal: the one rule regles must repeat.
    const p = await lancerCli(main, ["planning", f, "--livraison", "2026-12-01"]);
    expect(p.code).toBe(2);
    const attendu = p.err.replace(/^regles-720\.xlsx\u00a0: /, "");
    expect(attendu).toMatch(
      /^'Paramètres'!B2\u00a0: «\u00a0720\u00a0» pour «\u00a0temps-de-travail\.2642\.duree-quotidienne-max\u00a0»\u00a0: attendu/,
    );

    const r = await lancerCli(main, ["regles", "--date", "2026-06-01", "--classeur", f, "--json"]);
    expect(r.code).toBe(0);
    const t = (
      JSON.parse(r.out) as {
        tables: { id: string; surcharges: object; surchargesRefusees: object }[];
      }
    ).tables.find((x) => x.id === "temps-de-travail")!;
    expect(t.surcharges).toEqual({
      "temps-de-travail.2642.repos-quotidien": { valeur: "10", cellule: "'Paramètres'!B3" },
    });
    const refusees = t.surchargesRefusees as Record<string, { valeur: string; cellule: string; message: string }>;
    expect(refusees).toEqual({
      "temps-de-travail.2642.duree-quotidienne-max": {
        valeur: "720",
        cellule: "'Paramètres'!B2",
        message: expect.any(String),
      },
    });
    // The planning's own words; its stderr has the text's no-break spaces, --json keeps the message as src/app wrote it.
    expect(fr(refusees["temps-de-travail.2642.duree-quotidienne-max"].message)).toBe(attendu);

    const x = await lancerCli(main, ["regles", "--date", "2026-06-01", "--classeur", f]);
    expect(x.code).toBe(0);
    expect(x.out).not.toContain("Surchargé par le classeur\u00a0: temps-de-travail.2642.duree-quotidienne-max");
    expect(x.out).toContain(
      `  Refusé par le calcul\u00a0: temps-de-travail.2642.duree-quotidienne-max = 720 ('Paramètres'!B2) — ${attendu}`,
    );
    expect(x.out).toContain(
      "  Surchargé par le classeur\u00a0: temps-de-travail.2642.repos-quotidien = 10 ('Paramètres'!B3)",
    );
  });
});
