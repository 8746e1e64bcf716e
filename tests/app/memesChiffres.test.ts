import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import { lireCorrespondancesCsv } from "../../src/core/comptabilite/correspondances";
import { lireFichierFec } from "../../src/cli/commands/fec";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { lancerCli } from "../helpers/cli";

/**
 * The pane (through the catalogue's `envoyer`) and the CLI call the same use cases of src/app: on one workbook they
 * give the same figures, and « écart » means réalisé − budget in both.
 */
const FIX = path.resolve(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

async function cli(args: string[]) {
  const r = await lancerCli(main, args);
  expect(r.erreurs).toEqual([]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}

const centimes = (s: string) => Math.round(Number(s) * 100);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-memes-chiffres-"));
});

describe("volet et CLI : mêmes cas d'usage, mêmes chiffres", () => {
  it("écarts : chaque chapitre a le même budget, le même réalisé et le même écart (réalisé − budget)", async () => {
    const devis = path.join(dir, "devis.xlsx");
    await ecrireDevisTest(devis);
    const j = await cli(["ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json"]);

    // The pane's path: the ledger as the worker gives it, the correspondances it edited, « Écrire … ».
    const wb = await XlsxWorkbook.ouvrir(devis);
    const fec = await lireFichierFec(FEC, { conserver: true });
    const correspondances = lireCorrespondancesCsv(fs.readFileSync(CORR, "utf8"));
    const vue = await creerEnvoyeur(wb)("rapprocherGrandLivre", { fec, correspondances });

    expect(vue.feuilles).toEqual(["Grand livre", "Correspondances", "Écarts", "Coût définitif"]);
    expect(vue.chapitres.map((c) => [c.code, c.budget, c.realise, c.ecart, c.ecartPct])).toEqual(
      j.postes.map((p: Record<string, string>) => [p.code, p.budget, p.realise, p.ecart, p.ecartPct]),
    );
    expect([vue.totaux.budget, vue.totaux.realise, vue.classe6]).toEqual([
      j.totaux.budget,
      j.totaux.realise,
      j.totaux.classe6,
    ]);
    for (const c of vue.chapitres) {
      expect(centimes(c.ecart)).toBe(centimes(c.realise) - centimes(c.budget));
      expect(centimes(c.ecartEstime)).toBe(centimes(c.estimation) - centimes(c.budget));
    }
    // Chapter 2: 8 000 € booked for 9 500 € budgeted: écart −1 500 €, while the estimate (réalisé + reste) is on budget.
    expect(vue.chapitres.find((c) => c.code === "2")).toMatchObject({
      ecart: "-1500.00",
      ecartPct: "-15.79",
      estimation: "9500.00",
      ecartEstime: "0.00",
    });
  });

  it("devis : l'aperçu du volet et le JSON de la CLI donnent les mêmes totaux", async () => {
    const j = await cli([
      "devis",
      EXEMPLE,
      "--json",
      "--duree",
      "52",
      "--genre",
      "documentaire",
      "--date",
      "2026-01-15",
    ]);
    const apercu = await creerEnvoyeur(await XlsxWorkbook.ouvrir(EXEMPLE))("analyserDevis", {
      dureeMinutes: 52,
      genre: "documentaire",
      date: "2026-01-15",
    });
    expect(apercu.total).toBe(centimes(j.devis.total));
    expect(apercu.coutMinute).toBe(centimes(j.devis.coutMinute));
    expect(apercu.chapitres.map((c) => [c.code, c.total])).toEqual(
      j.devis.chapitres.map((c: { code: string; total: string }) => [c.code, centimes(c.total)]),
    );
    expect(apercu.constats.map((c) => c.regle)).toEqual(j.controles.map((c: { regle: string }) => c.regle));
  });

  it("les mêmes contrôles d'arguments : le volet nomme le champ, la CLI nomme l'option", async () => {
    const envoyer = creerEnvoyeur(await XlsxWorkbook.ouvrir(EXEMPLE));
    await expect(envoyer("analyserDevis", { dureeMinutes: 0 })).rejects.toThrow(
      "« Durée (minutes) » attend une durée en minutes supérieure à 0, reçu « 0 ».",
    );
    await expect(
      envoyer("calculerCreditImpot", { regime: "audiovisuel", genre: "fiction", annee: 2025 }),
    ).rejects.toThrow(/^« Durée \(minutes\) » est obligatoire : le crédit d'impôt audiovisuel est plafonné par minute/);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(await main(["devis", EXEMPLE, "--duree", "0"], io)).toBe(2);
    // A devis that writes no duration (the CLI takes the one a devis writes, « 52' » in the example's title).
    const sansDuree = path.join(dir, "sans-duree.xlsx");
    await ecrireDevisTest(sansDuree);
    expect(await main(["credit-impot", sansDuree, "--regime", "audiovisuel", "--genre", "fiction"], io)).toBe(2);
    expect(err).toEqual([
      "L'option --duree attend une durée en minutes supérieure à 0, reçu «\u00a00\u00a0».",
      "L'option --duree est obligatoire\u00a0: le crédit d'impôt audiovisuel est plafonné par minute, indiquez la durée en minutes.",
    ]);
    expect(out).toEqual([]);
  });
});
