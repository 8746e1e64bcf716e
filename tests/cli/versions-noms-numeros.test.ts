/**
 * Issue 14 sweep (versions): version names equal but for their accents, and a « Versions » sheet whose rows were
 * deleted or given another version's name by hand. Real workbooks written by the test, the CLI's `main`.
 */
import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";
import { lancerCli } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

/** A copy of `fichier` whose « Versions » sheet `modifier` edited (as a user would in Excel). */
async function editerVersions(fichier: string, sortie: string, modifier: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  modifier(wb.getWorksheet("Versions")!);
  await wb.xlsx.writeFile(sortie);
}

/** Rows of the « Versions » sheet (1-based) holding version `nom`. */
function lignesDe(ws: ExcelJS.Worksheet, nom: string): number[] {
  const out: number[] = [];
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === nom) out.push(n);
  });
  return out;
}

let dir: string;
let v2: string;
beforeAll(async () => {
  dir = await dossierTemp("prodbook-versions-noms-");
  ({ v2 } = await deuxVersions(dir));
});

describe("« Devis definitif » est « Devis définitif » : les accents ne distinguent pas deux noms de version", () => {
  it("enregistrer sous le nom sans accents est refusé (exit 2, rien écrit), --remplacer remplace la version", async () => {
    // « Dépôt agrément » is saved; the producer types it without accents.
    const sortie = path.join(dir, "sans-accents.xlsx");
    const r = await lancer(["versions", "enregistrer", v2, "--nom", "Depot agrement", "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "Une version « Dépôt agrément » existe déjà dans " +
        `${v2} (les noms de version ne se distinguent ni par les majuscules ni par les accents) : ajoutez --remplacer`,
    );
    expect(existsSync(sortie)).toBe(false);

    const ok = await lancer(["versions", "enregistrer", v2, "--nom", "DEPOT AGREMENT", "--remplacer", "-o", sortie]);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    const l = await lancer(["versions", "lister", sortie, "--json"]);
    expect(JSON.parse(l.out).versions.map((v: { nom: string }) => v.nom)).toEqual(["Devis initial", "DEPOT AGREMENT"]);
  });

  it("comparer trouve la version tapée sans ses accents ; « à » sans accents est « de » : comparée à elle-même", async () => {
    const r = await lancer(["versions", "comparer", v2, "--de", "devis initial", "--a", "Depot agrement", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect([j.de, j.a]).toEqual(["Devis initial", "Dépôt agrément"]);
    expect(j.total.delta).toBe("-2422.89");
    const soi = await lancer(["versions", "comparer", v2, "--de", "Dépôt agrément", "--a", "DEPOT AGREMENT"]);
    expect(soi.code).toBe(2);
    expect(soi.err).toContain("« Dépôt agrément » est comparée à elle-même");
  });

  it("une feuille d'avant cette règle, qui a les deux noms : chacun par son nom exact, un nom ambigu refusé", async () => {
    // Both names saved before the rule: the sheet is read as it is, each version found by its exact name.
    const avant = path.join(dir, "deux-noms.xlsx");
    await editerVersions(v2, avant, (ws) => {
      for (const n of lignesDe(ws, "Devis initial")) ws.getCell(n, 1).value = "Devis définitif";
      for (const n of lignesDe(ws, "Dépôt agrément")) ws.getCell(n, 1).value = "Devis definitif";
    });
    const r = await lancer([
      "versions",
      "comparer",
      avant,
      "--de",
      "DEVIS DÉFINITIF",
      "--a",
      "devis definitif",
      "--json",
    ]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect([j.de, j.a, j.total.delta]).toEqual(["Devis définitif", "Devis definitif", "-2422.89"]);
    const ambigu = await lancer(["versions", "comparer", avant, "--de", "Dévis definitif", "--a", "courant"]);
    expect(ambigu.code).toBe(2);
    expect(ambigu.err).toContain(
      "« Dévis definitif » désigne « Devis définitif » et « Devis definitif », qui ne diffèrent que par leurs " +
        "accents ou leurs majuscules : tapez le nom exact de la version voulue.",
    );
    expect(ambigu.err).not.toMatch(/Error|at |undefined/);
  });
});

describe("une ligne de « Versions » supprimée ou renommée à la main : refusé, la version et le N° nommés", () => {
  const message = (version: string, n: number, max: number) =>
    `Version « ${version} » : la ligne N° ${n} manque dans la feuille « Versions » (ses lignes sont numérotées de ` +
    `1 à ${max}, colonne N°) : une ligne a été supprimée, ou son nom de version changé`;

  it("une ligne supprimée : lister, comparer et enregistrer disent laquelle manque (exit 2, rien écrit)", async () => {
    const f = path.join(dir, "ligne-supprimee.xlsx");
    // « Devis initial » has 8 lines (rows 2–9); its N° 3 (row 4) deleted.
    await editerVersions(v2, f, (ws) => {
      expect(lignesDe(ws, "Devis initial")).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      expect(ws.getCell("D4").value).toBe(3);
      ws.spliceRows(4, 1);
    });
    for (const args of [
      ["versions", "lister", f],
      ["versions", "comparer", f, "--de", "Devis initial", "--a", "courant", "--json"],
    ]) {
      const r = await lancer(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(message("Devis initial", 3, 8));
      expect(r.out).toBe("");
    }
    const sortie = path.join(dir, "ligne-supprimee-v3.xlsx");
    const e = await lancer(["versions", "enregistrer", f, "--nom", "V3", "-o", sortie]);
    expect(e.code).toBe(2);
    expect(existsSync(sortie)).toBe(false);
  });

  it("une ligne passée sous le nom d'une autre version (nouvelle ou existante) : jamais comptée en silence", async () => {
    const f = path.join(dir, "ligne-renommee.xlsx");
    await editerVersions(v2, f, (ws) => {
      ws.getCell("A3").value = "Devis intial";
    });
    const r = await lancer(["versions", "comparer", f, "--de", "Devis initial", "--a", "Dépôt agrément"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message("Devis initial", 2, 8));
    // Given the name of a version that has the same N°: its N° counted twice, refused as before.
    const g = path.join(dir, "ligne-autre-version.xlsx");
    await editerVersions(v2, g, (ws) => {
      ws.getCell("A3").value = "Dépôt agrément";
    });
    const s = await lancer(["versions", "lister", g]);
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/Version « (Devis initial|Dépôt agrément) » : la ligne N° \d+ (manque|figure deux fois)/);
  });

  it("les lignes d'une version triées à la main (même N°, autre ordre) restent lues, au même total", async () => {
    const f = path.join(dir, "lignes-triees.xlsx");
    await editerVersions(v2, f, (ws) => {
      const rows = lignesDe(ws, "Devis initial").map((n) => ws.getRow(n).values as ExcelJS.CellValue[]);
      rows.reverse().forEach((v, i) => {
        ws.getRow(2 + i).values = v;
      });
    });
    const r = await lancer(["versions", "lister", f, "--json"]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out).versions[0]).toMatchObject({ nom: "Devis initial", lignes: 8, total: "47197.82" });
  });
});
