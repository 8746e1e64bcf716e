import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { classeurPlanning } from "../core/planning/classeur";
import { fr, lancerCli } from "../helpers/cli";

/**
 * Issue 10: the devis sheet found by Prodbook is hidden in the workbook. `devis` says it (feuille-lue); so do the
 * other commands that read the devis — écarts, carbone, financement, planning, credit-impot, versions — through src/app, on
 * real .xlsx files whose devis
 * sheet is hidden (ExcelJS state « hidden », read back by the xlsx adapter).
 */
const FIX = path.resolve(__dirname, "../fixtures");
const FEC = path.join(FIX, "fec/production-2024.txt");
const CORR = path.join(FIX, "fec/correspondances.csv");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-feuille-masquee-"));

const lancer = (args: string[]) => lancerCli(main, args);

/** Copies `source` with the sheet `feuille` hidden (a visible « Notes » sheet first when none would be left). */
async function masquer(source: string, feuille: string, nom: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  if (wb.worksheets.length === 1) wb.addWorksheet("Notes").getCell("A1").value = "Notes de production";
  (wb.getWorksheet(feuille) as ExcelJS.Worksheet).state = "hidden";
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return f;
}

const message = (feuille: string) =>
  `La feuille « ${feuille} » est masquée dans le classeur ; c'est elle qui ressemble le plus à un devis et qui est ` +
  `lue. Si le devis est dans une autre feuille, indiquez laquelle lire.`;
const constat = (feuille: string) => ({
  regle: "feuille-lue",
  gravite: "info",
  message: message(feuille),
  cellule: null,
});
type Controle = { regle: string };
const feuilleLue = (cs: Controle[]) => cs.filter((c) => c.regle === "feuille-lue");

describe("la feuille de devis trouvée est masquée : écarts, carbone, financement et planning le disent comme devis", () => {
  it("ecarts : --json (controles) et texte ; rien quand la feuille est visible", async () => {
    const visible = path.join(dir, "ecarts-visible.xlsx");
    await ecrireDevisTest(visible);
    const f = await masquer(visible, "Budget doc", "ecarts-masquee.xlsx");
    const r = await lancer(["ecarts", f, "--fec", FEC, "--correspondances", CORR, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totaux.budget).toBe("41000.00");
    expect(feuilleLue(j.controles)).toEqual([constat("Budget doc")]);
    const t = await lancer(["ecarts", f, "--fec", FEC, "--correspondances", CORR]);
    expect(t.out).toContain(`[information] Feuille lue — ${fr(message("Budget doc"))}`);
    const v = JSON.parse((await lancer(["ecarts", visible, "--fec", FEC, "--correspondances", CORR, "--json"])).out);
    expect(feuilleLue(v.controles)).toEqual([]);
  });

  it("ecarts -o : la feuille « Écarts » écrite liste les constats du JSON, dont la phrase de la feuille masquée", async () => {
    const visible = path.join(dir, "ecarts-o-visible.xlsx");
    await ecrireDevisTest(visible);
    const f = await masquer(visible, "Budget doc", "ecarts-o-masquee.xlsx");
    /** The rows under the « Contrôles » title of the written Écarts sheet: gravité, contrôle, cellule, message. */
    const controlesEcrits = async (sortie: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(sortie);
      const ws = wb.getWorksheet("Écarts") as ExcelJS.Worksheet;
      const v = (r: number, c: number) => ws.getCell(r, c).value;
      let r = 1;
      while (r <= ws.rowCount && !String(v(r, 1) ?? "").startsWith("Contrôles")) r++;
      expect(r).toBeLessThanOrEqual(ws.rowCount);
      expect([1, 2, 3, 4].map((c) => v(r + 1, c))).toEqual(["Gravité", "Contrôle", "Cellule", "Message"]);
      const out: unknown[][] = [];
      for (r += 2; r <= ws.rowCount && v(r, 1) !== null; r++) out.push([1, 2, 3, 4].map((c) => v(r, c)));
      return out;
    };
    const sortie = path.join(dir, "ecarts-o-sortie.xlsx");
    const r = await lancer(["ecarts", f, "--fec", FEC, "--correspondances", CORR, "-o", sortie, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const ecrits = await controlesEcrits(sortie);
    // The sheet's findings are the JSON's, in its order; the hidden sheet's sentence once, under its French title.
    expect(ecrits.map((x) => x[3])).toEqual(j.controles.map((c: { message: string }) => c.message));
    expect(ecrits.filter((x) => x[3] === message("Budget doc"))).toEqual([
      ["Info", "Feuille lue", null, message("Budget doc")],
    ]);
    // Run again on its own output: the same findings, not doubled.
    const relance = path.join(dir, "ecarts-o-relance.xlsx");
    const r2 = await lancer(["ecarts", sortie, "--fec", FEC, "--correspondances", CORR, "-o", relance, "--json"]);
    expect(r2.code).toBe(0);
    expect(await controlesEcrits(relance)).toEqual(ecrits);
    // Visible: the section is there, without the sentence.
    const vis = path.join(dir, "ecarts-o-visible-sortie.xlsx");
    expect((await lancer(["ecarts", visible, "--fec", FEC, "--correspondances", CORR, "-o", vis])).code).toBe(0);
    expect((await controlesEcrits(vis)).map((x) => x[3])).not.toContain(message("Budget doc"));
  });

  it("carbone : --json (controles) et texte ; rien quand la feuille de devis est nommée (--feuille)", async () => {
    const f = await masquer(path.join(FIX, "planning/gardiens-planning.xlsx"), "Budget Gardiens", "carbone.xlsx");
    const r = await lancer(["carbone", f, "--planning", "PDT", "--date", "2026-06-01", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.total).toBe("2.49");
    expect(j.controles).toEqual([constat("Budget Gardiens")]);
    const t = await lancer(["carbone", f, "--planning", "PDT", "--date", "2026-06-01"]);
    expect(t.out).toContain(`[information] Feuille lue — ${fr(message("Budget Gardiens"))}`);
    const nommee = await lancer(["carbone", f, "--planning", "PDT", "--feuille", "Budget Gardiens", "--json"]);
    expect(JSON.parse(nommee.out).controles).toEqual([]);
  });

  it("financement : le devis lu pour le coût (le plan n'en donne pas), masqué, est dit (--json et texte)", async () => {
    // The example devis (hidden) and the fiction plan de financement, which gives no cost: the devis gives it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx"));
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(path.join(FIX, "financement/fiction.xlsx"));
    const dst = wb.addWorksheet("Financement");
    plan.getWorksheet("Financement")!.eachRow((row, r) =>
      row.eachCell((c, k) => {
        dst.getCell(r, k).value = c.value;
        dst.getCell(r, k).numFmt = c.numFmt;
      }),
    );
    const visible = path.join(dir, "financement-visible.xlsx");
    await wb.xlsx.writeFile(visible);
    const f = await masquer(visible, "Budget Gardiens", "financement-masquee.xlsx");
    const r = await lancer(["financement", f, "--json", "--date", "2026-01-15"]);
    expect(r.err).toBe("");
    const j = JSON.parse(r.out);
    expect(j.cout).toBe("182869.16");
    // The financement JSON leaves out a cell a finding does not point at (its own contract).
    const { cellule: _sans, ...sansCellule } = constat("Budget Gardiens");
    expect(feuilleLue(j.controles)).toEqual([sansCellule]);
    const t = await lancer(["financement", f, "--date", "2026-01-15"]);
    expect(t.out).toContain(`Feuille lue — ${fr(message("Budget Gardiens"))}`);
    const v = JSON.parse((await lancer(["financement", visible, "--json", "--date", "2026-01-15"])).out);
    expect(v.cout).toBe("182869.16");
    expect(feuilleLue(v.controles)).toEqual([]);
    // Written with -o: the « Plan de financement » sheet lists it among its findings (règle, gravité, message), once.
    const lignesPlan = async (sortie: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(sortie);
      const ws = wb.getWorksheet("Plan de financement") as ExcelJS.Worksheet;
      const out: string[][] = [];
      ws.eachRow((row) => out.push([1, 2, 3].map((k) => String(row.getCell(k).value ?? ""))));
      return out;
    };
    const sortie = path.join(dir, "financement-sortie.xlsx");
    const o = await lancer(["financement", f, "--date", "2026-01-15", "-o", sortie, "--json"]);
    expect(o.code).toBe(0);
    expect(feuilleLue(JSON.parse(o.out).controles)).toHaveLength(1);
    expect((await lignesPlan(sortie)).filter((l) => l[0] === "feuille-lue")).toEqual([
      ["feuille-lue", "info", message("Budget Gardiens")],
    ]);
    const sortieVisible = path.join(dir, "financement-sortie-visible.xlsx");
    expect((await lancer(["financement", visible, "--date", "2026-01-15", "-o", sortieVisible])).code).toBe(0);
    expect((await lignesPlan(sortieVisible)).some((l) => l[0] === "feuille-lue")).toBe(false);
  });

  it("planning : le devis lu pour les quantités, masqué, est dit dans les contrôles (--json et texte)", async () => {
    const visible = await classeurPlanning(path.join(dir, "planning-visible.xlsx"));
    const f = await masquer(visible, "Budget Gardiens", "planning-masquee.xlsx");
    const r = await lancer(["planning", f, "--livraison", "2026-05-15", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.controles[0].regle).toBe("duree-quotidienne");
    expect(feuilleLue(j.controles)).toEqual([constat("Budget Gardiens")]);
    const t = await lancer(["planning", f, "--livraison", "2026-05-15"]);
    expect(t.out).toContain(`[information] Feuille lue — ${fr(message("Budget Gardiens"))}`);
    const v = JSON.parse((await lancer(["planning", visible, "--livraison", "2026-05-15", "--json"])).out);
    expect(feuilleLue(v.controles)).toEqual([]);
  });

  it("credit-impot : la phrase de devis est ajoutée aux alertes (--json et texte) ; rien avec --feuille", async () => {
    const visible = path.join(dir, "credit-visible.xlsx");
    await ecrireDevisFiction(visible);
    const f = await masquer(visible, "Budget", "credit-masquee.xlsx");
    const args = ["--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "--annee", "2025"];
    const r = await lancer(["credit-impot", f, ...args, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const v = JSON.parse((await lancer(["credit-impot", visible, ...args, "--json"])).out);
    // The same credit as on the visible sheet; the alerts are those of the visible sheet plus the sentence, last.
    expect(j.base).toBe("318000.00");
    expect(j.credit).toBe(v.credit);
    expect(j.alertes).toEqual([...v.alertes, message("Budget")]);
    expect(v.alertes).not.toContain(message("Budget"));
    const t = await lancer(["credit-impot", f, ...args]);
    expect(t.out).toContain(`Alertes\u00a0:\n`);
    expect(t.out).toContain(`  - ${fr(message("Budget"))}`);
    const nommee = JSON.parse((await lancer(["credit-impot", f, ...args, "--feuille", "Budget", "--json"])).out);
    expect(nommee.credit).toBe(v.credit);
    expect(nommee.alertes).toEqual(v.alertes);
  });

  it("credit-impot -o : la feuille « Crédit d'impôt » écrite porte la phrase dans sa section Alertes", async () => {
    const visible = path.join(dir, "credit-o-visible.xlsx");
    await ecrireDevisFiction(visible);
    const f = await masquer(visible, "Budget", "credit-o-masquee.xlsx");
    const args = ["--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "--annee", "2025"];
    /** The texts of column A under « Alertes », down to the next blank row, as the written file holds them. */
    const alertesEcrites = async (sortie: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(sortie);
      const ws = wb.getWorksheet("Crédit d'impôt") as ExcelJS.Worksheet;
      const a = (r: number) => String(ws.getCell(r, 1).value ?? "");
      let r = 1;
      while (r <= ws.rowCount && a(r) !== "Alertes") r++;
      expect(r).toBeLessThanOrEqual(ws.rowCount);
      const out: string[] = [];
      for (r++; r <= ws.rowCount && a(r) !== ""; r++) out.push(a(r));
      return out;
    };
    const sortie = path.join(dir, "credit-o-sortie.xlsx");
    const r = await lancer(["credit-impot", f, ...args, "-o", sortie, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.alertes[j.alertes.length - 1]).toBe(message("Budget"));
    const ecrites = await alertesEcrites(sortie);
    // The sheet's alerts are the JSON's, the hidden sheet's sentence last, once.
    expect(ecrites).toEqual(j.alertes);
    expect(ecrites.filter((x) => x === message("Budget"))).toHaveLength(1);
    // Named with --feuille, or visible: not on the sheet.
    const nommee = path.join(dir, "credit-o-nommee.xlsx");
    expect((await lancer(["credit-impot", f, ...args, "--feuille", "Budget", "-o", nommee])).code).toBe(0);
    expect(await alertesEcrites(nommee)).not.toContain(message("Budget"));
  });

  it("versions enregistrer et comparer --a courant : controles (--json) et une ligne (texte) ; rien avec --feuille", async () => {
    const visible = path.join(dir, "versions-visible.xlsx");
    await ecrireDevisTest(visible);
    const f = await masquer(visible, "Budget doc", "versions-masquee.xlsx");
    const v1 = path.join(dir, "versions-v1.xlsx");
    const date = ["--date", "2026-11-02", "--auteur", "Claire"];
    const r = await lancer(["versions", "enregistrer", f, "--nom", "Initial", ...date, "-o", v1, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.version.total).toBe("41000.00");
    expect(j.controles).toEqual([constat("Budget doc")]);
    const t = await lancer([
      "versions",
      "enregistrer",
      f,
      "--nom",
      "Initial",
      ...date,
      "-o",
      path.join(dir, "v1t.xlsx"),
    ]);
    expect(t.out).toContain(`[information] Feuille lue — ${fr(message("Budget doc"))}`);
    const nommee = await lancer([
      "versions",
      "enregistrer",
      f,
      "--nom",
      "Initial",
      "--feuille",
      "Budget doc",
      ...date,
      "-o",
      path.join(dir, "v1n.xlsx"),
      "--json",
    ]);
    expect(JSON.parse(nommee.out).controles).toEqual([]);
    // The saved workbook keeps the devis sheet hidden: comparing with « courant » reads it again and says it.
    const c = await lancer(["versions", "comparer", v1, "--de", "Initial", "--a", "courant", "--json"]);
    expect(c.err).toBe("");
    const jc = JSON.parse(c.out);
    expect(jc.total).toEqual({ de: "41000.00", a: "41000.00", delta: "0.00" });
    expect(jc.controles).toEqual([constat("Budget doc")]);
    const ct = await lancer(["versions", "comparer", v1, "--de", "Initial", "--a", "courant"]);
    expect(ct.out).toContain(`[information] Feuille lue — ${fr(message("Budget doc"))}`);
    const cn = await lancer([
      "versions",
      "comparer",
      v1,
      "--de",
      "Initial",
      "--a",
      "courant",
      "--feuille",
      "Budget doc",
      "--json",
    ]);
    expect(JSON.parse(cn.out).controles).toEqual([]);
    expect(
      (await lancer(["versions", "comparer", v1, "--de", "Initial", "--a", "courant", "--feuille", "Budget doc"])).out,
    ).not.toContain("Feuille lue");
  });
});
