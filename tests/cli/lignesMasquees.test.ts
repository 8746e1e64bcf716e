import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { devisBinaire, lancerCli } from "../helpers/cli";
import { formatMontantFr } from "../../src/core/money/format";
import type { Cents } from "../../src/core/money/cents";
import { donnerHauteurNulle, masquerLignesParDefaut } from "../helpers/hauteurNulle";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { attr, elements } from "../../src/xlsx/xml";
import { resoudre } from "../../src/xlsx/zipParties";
import { NS_R } from "../../src/xlsx/chartXml";

/**
 * A devis whose producer hid rows — last version's line of a poste, and two options folded in a collapsed group —
 * is read as before (the same total, the same conservation) and the hidden lines are named, with cells and sum.
 */
let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-lignes-masquees-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const LIGNES: [string, string, number, number][] = [
  ["2.1", "Monteur", 20, 250],
  ["2.2", "Assistant monteur", 15, 180],
  ["2.2", "Assistant monteur (version de juin)", 15, 160],
  ["7.1", "Location banc de montage", 4, 400],
  ["8.1", "Mixage stéréo", 3, 850],
  ["8.2", "Mixage 5.1 (option)", 2, 900],
  ["8.3", "Étalonnage (option)", 2, 1200],
];

/** The devis, its rows 4 (hidden) and 7-8 (a collapsed group) hidden when `masquer`. */
async function classeur(nom: string, masquer: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Désignation", "Qté", "Tarif", "Montant"]);
  for (const [code, lib, q, t] of LIGNES) ws.addRow([code, lib, q, t, q * t]);
  ws.addRow([null, "TOTAL", null, null, { formula: "SUM(E2:E8)", result: 18450 }]);
  if (masquer) {
    ws.getRow(4).hidden = true;
    // A group folded by its « − » button: Excel writes its rows with their outline level and hidden="1".
    for (const r of [7, 8]) {
      ws.getRow(r).outlineLevel = 1;
      ws.getRow(r).hidden = true;
    }
  }
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return f;
}

async function devisJson(f: string) {
  const io = await lancerCli(main, ["devis", f, "--json", "--date", "2026-11-02"]);
  expect([io.code, io.err]).toEqual([0, ""]);
  return JSON.parse(io.sortie[0]) as {
    devis: Record<string, unknown> & { total: string; conservation: unknown };
    controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
  };
}

const eur = (c: number) => formatMontantFr(c as Cents);
/** The finding on the example's three hidden rows (E4, E7, E8: 6 600,00 €), however they were hidden. */
const ALERTE_E4_E7_E8 = {
  regle: "lignes-masquees",
  gravite: "alerte",
  message:
    `3 lignes masquées de la feuille « Budget » comptées dans le devis (${eur(660000)}) : E4, E7, E8 — ` +
    `affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
  cellule: "Budget!E4",
};

describe("prodbook devis : lignes masquées", () => {
  it("--json : les lignes masquées restent comptées (même total, même conservation) et sont nommées, cellules et somme", async () => {
    const avec = await devisJson(await classeur("masquees.xlsx", true));
    const sans = await devisJson(await classeur("visibles.xlsx", false));
    expect(avec.devis.total).toBe("18450.00");
    expect(avec.devis.total).toBe(sans.devis.total);
    expect(avec.devis.conservation).toEqual(sans.devis.conservation);
    expect(sans.controles.map((c) => c.regle)).not.toContain("lignes-masquees");
    expect(sans.devis).not.toHaveProperty("masquees");

    const c = avec.controles.filter((x) => x.regle === "lignes-masquees");
    expect(c).toEqual([ALERTE_E4_E7_E8]);
    // Nothing else changes: the other findings are those of the same devis with every row shown.
    expect(avec.controles.filter((x) => x.regle !== "lignes-masquees")).toEqual(sans.controles);
    expect(avec.devis.masquees).toEqual([
      { cellule: "Budget!E4", libelle: "Assistant monteur (version de juin)", montant: "2400.00", nature: "ligne" },
      { cellule: "Budget!E7", libelle: "Mixage 5.1 (option)", montant: "1800.00", nature: "ligne" },
      { cellule: "Budget!E8", libelle: "Étalonnage (option)", montant: "2400.00", nature: "ligne" },
    ]);
  });

  it("texte : le constat sous son titre français, en alerte", async () => {
    const f = await classeur("masquees-texte.xlsx", true);
    const io = await lancerCli(main, ["devis", f, "--date", "2026-11-02"]);
    expect(io.code).toBe(0);
    const texte = io.sortie.join("\n");
    expect(texte).toContain(
      `[alerte] Lignes masquées lues dans le devis — 3 lignes masquées de la feuille «\u00a0Budget\u00a0» comptées dans le ` +
        `devis (${eur(660000)})\u00a0: E4, E7, E8 — affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
    );
    expect(texte).not.toMatch(/lignes-masquees/);
    expect(texte).toMatch(new RegExp(`TOTAL\\s+${eur(1845000).replace(/\s/g, "\\s")}`));
  });
});

describe("prodbook devis : ligne de hauteur nulle", () => {
  it("--json : une ligne de hauteur 0, cachée à l'écran, est comptée et nommée comme une ligne masquée", async () => {
    const f = await classeur("hauteur-nulle.xlsx", false);
    // Row 4 (« version de juin », 2 400 €) given a height of 0 instead of being hidden.
    await donnerHauteurNulle(f, [4]);
    const avec = await devisJson(f);
    const sans = await devisJson(await classeur("hauteur-visible.xlsx", false));
    expect(avec.devis.total).toBe("18450.00");
    expect(avec.devis.conservation).toEqual(sans.devis.conservation);
    expect(avec.devis.masquees).toEqual([
      { cellule: "Budget!E4", libelle: "Assistant monteur (version de juin)", montant: "2400.00", nature: "ligne" },
    ]);
    expect(avec.controles.filter((x) => x.regle === "lignes-masquees")).toEqual([
      {
        regle: "lignes-masquees",
        gravite: "alerte",
        message:
          `Une ligne masquée de la feuille « Budget » comptée dans le devis (${eur(240000)}) : E4 — ` +
          `affichez-la ou supprimez-la si elle ne fait pas partie de ce devis.`,
        cellule: "Budget!E4",
      },
    ]);
    expect(avec.controles.filter((x) => x.regle !== "lignes-masquees")).toEqual(sans.controles);
  });
});

describe("prodbook devis : lignes masquées par la hauteur par défaut de la feuille (zeroHeight)", () => {
  it("bin/prodbook.js --json : les lignes sans hauteur propre d'une feuille zeroHeight sont comptées et nommées", async () => {
    const f = await classeur("zero-height.xlsx", false);
    // Every row has a height of its own but 4, 7 and 8: the sheet's default height of 0 hides those three.
    await masquerLignesParDefaut(f, [1, 2, 3, 5, 6, 9]);
    const r = devisBinaire(f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Awaited<ReturnType<typeof devisJson>>;
    const masque = await devisJson(await classeur("masquees-zh.xlsx", true));
    expect(j.devis.total).toBe("18450.00");
    expect(j.devis.conservation).toEqual(masque.devis.conservation);
    expect(j.devis.conservation).toMatchObject({ ecart: "0.00" });
    expect(j.devis.masquees).toEqual([
      { cellule: "Budget!E4", libelle: "Assistant monteur (version de juin)", montant: "2400.00", nature: "ligne" },
      { cellule: "Budget!E7", libelle: "Mixage 5.1 (option)", montant: "1800.00", nature: "ligne" },
      { cellule: "Budget!E8", libelle: "Étalonnage (option)", montant: "2400.00", nature: "ligne" },
    ]);
    expect(j.controles.filter((x) => x.regle === "lignes-masquees")).toEqual([ALERTE_E4_E7_E8]);
    // The same reading as the rows hidden one by one.
    expect(j.controles).toEqual(masque.controles);
  });

  it("bin/prodbook.js texte : le constat « Lignes masquées » pour ces lignes", async () => {
    const f = await classeur("zero-height-texte.xlsx", false);
    await masquerLignesParDefaut(f, [1, 2, 3, 5, 6, 9]);
    const r = devisBinaire(f);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      `[alerte] Lignes masquées lues dans le devis — 3 lignes masquées de la feuille «\u00a0Budget\u00a0» comptées dans le ` +
        `devis (${eur(660000)})\u00a0: E4, E7, E8 — affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
    );
  });
});

describe("prodbook devis -o : la feuille zeroHeight de l'utilisateur revient telle quelle", () => {
  it("bin/prodbook.js -o : zeroHeight gardé sur « Budget », absent des feuilles de Prodbook ; lignes relues masquées", async () => {
    const f = await classeur("zero-height-sortie.xlsx", false);
    await masquerLignesParDefaut(f, [1, 2, 3, 5, 6, 9]);
    const sortie = path.join(dir, "zero-height-sortie-ecrite.xlsx");
    const r = devisBinaire(f, "--duree", "52", "--genre", "documentaire", "-o", sortie);
    expect([r.code, r.err]).toEqual([0, ""]);
    const zip = await JSZip.loadAsync(await fs.readFile(sortie));
    const classeurXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const formats = new Map<string, string>();
    for (const e of elements(classeurXml).filter((x) => x.local === "sheet")) {
      const id = attr(e, "id", NS_R)!;
      const rel = elements(rels).find((x) => attr(x, "Id") === id)!;
      const partie = resoudre("xl/workbook.xml", attr(rel, "Target")!);
      const xml = await zip.file(partie)!.async("string");
      const format = elements(xml, { profondeurMax: 1 }).find((x) => x.local === "sheetFormatPr");
      formats.set(attr(e, "name")!, format ? xml.slice(format.debut, format.fin) : "");
    }
    expect([...formats.keys()]).toEqual(["Budget", "Devis", "Synthèse", "Contrôles", "_prodbook"]);
    expect(formats.get("Budget")).toContain('zeroHeight="1"');
    expect(formats.get("Budget")).toContain('defaultRowHeight="15"');
    for (const n of ["Devis", "Synthèse", "Contrôles", "_prodbook"]) expect(formats.get(n)).not.toContain("zeroHeight");
    // Read back by the xlsx reader: the rows without a height of their own still hidden.
    const relu = (await (await XlsxWorkbook.ouvrir(sortie)).readSheet("Budget"))!;
    expect(relu.lignesMasquees).toEqual([3, 6, 7]);
    // And the devis of the saved workbook reads as the original's.
    const avant = devisBinaire(f, "--json"),
      apres = devisBinaire(sortie, "--json");
    expect(JSON.parse(apres.out).devis.masquees).toEqual(JSON.parse(avant.out).devis.masquees);
  });
});

/** A plan de financement whose last hypothesis (Région Normandie) and total row the producer hid. */
async function plan(nom: string, masquer: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Financeur", "Nature", "Montant", "Statut"]);
  ws.addRow(["Canal+", "Préachat", 500000, "Acquis"]);
  ws.addRow(["Région Bretagne", "Aide régionale", 200000, "Acquis"]);
  ws.addRow(["Région Normandie", "Aide régionale", 150000, "Envisagé"]);
  ws.addRow(["Producteur", "Apport numéraire", 100000, "Acquis"]);
  ws.addRow(["TOTAL", null, { formula: "SUM(C2:C5)", result: 950000 }]);
  if (masquer) for (const r of [4, 6]) ws.getRow(r).hidden = true;
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("prodbook financement : lignes masquées", () => {
  it("--json : la source masquée reste comptée, nommée avec le total masqué ; le reste du plan inchangé", async () => {
    const lancer = async (f: string) => {
      const io = await lancerCli(main, ["financement", f, "--cout", "950000", "--json", "--date", "2026-11-02"]);
      expect([io.code, io.err]).toEqual([0, ""]);
      return JSON.parse(io.sortie[0]) as { total: string; controles: { regle: string }[] } & Record<string, unknown>;
    };
    const avec = await lancer(await plan("plan-masque.xlsx", true));
    const sans = await lancer(await plan("plan-visible.xlsx", false));
    expect(avec.total).toBe("950000.00");
    const { controles: ca, ...restea } = avec;
    const { controles: cs, ...restes } = sans;
    expect(restea).toEqual(restes);
    expect(ca.filter((c) => c.regle !== "lignes-masquees-plan")).toEqual(cs);
    expect(ca.filter((c) => c.regle === "lignes-masquees-plan")).toEqual([
      {
        regle: "lignes-masquees-plan",
        gravite: "alerte",
        message:
          `Une ligne masquée de la feuille « Plan » comptée dans le plan de financement (${eur(15000000)}) : C4 ; ` +
          `sur des lignes masquées aussi, lus comme s'ils étaient affichés : 1 total du plan (C6, ${eur(95000000)}) — ` +
          `affichez-les ou supprimez-les si elles ne font pas partie de ce plan de financement.`,
        cellule: "Plan!C4",
      },
    ]);
  });
});

describe("prodbook versions enregistrer : lignes masquées (devis lu en flux, hors d'ExcelJS)", () => {
  it("la version compte les lignes masquées comme avant et le dit dans controles", async () => {
    const lancer = async (f: string, nom: string) => {
      const args = ["versions", "enregistrer", f, "--nom", "Initial", "--date", "2026-11-02", "--auteur", "Claire"];
      const io = await lancerCli(main, [...args, "-o", path.join(dir, nom), "--json"]);
      expect([io.code, io.err]).toEqual([0, ""]);
      return JSON.parse(io.sortie[0]) as {
        version: { total: string };
        controles: { regle: string; message: string }[];
      };
    };
    const avec = await lancer(await classeur("versions-masquees.xlsx", true), "v-masquees.xlsx");
    const sans = await lancer(await classeur("versions-visibles.xlsx", false), "v-visibles.xlsx");
    expect(avec.version.total).toBe("18450.00");
    expect(avec.version).toEqual(sans.version);
    expect(sans.controles).toEqual([]);
    expect(avec.controles).toEqual([ALERTE_E4_E7_E8]);
  });
});

describe("prodbook carbone : lignes masquées", () => {
  it("--json : l'estimation compte les lignes masquées comme avant et le dit dans controles", async () => {
    const lancer = async (f: string) => {
      const io = await lancerCli(main, ["carbone", f, "--json", "--date", "2026-11-02"]);
      expect([io.code, io.err]).toEqual([0, ""]);
      return JSON.parse(io.sortie[0]) as { total: string; controles: { regle: string; message: string }[] } & Record<
        string,
        unknown
      >;
    };
    const avec = await lancer(await classeur("carbone-masquees.xlsx", true));
    const sans = await lancer(await classeur("carbone-visibles.xlsx", false));
    const { controles: ca, ...restea } = avec;
    const { controles: cs, ...restes } = sans;
    expect(restea).toEqual(restes);
    expect(cs.map((c) => c.regle)).not.toContain("lignes-masquees");
    expect(ca.filter((c) => c.regle === "lignes-masquees").map((c) => c.message)).toEqual([
      `3 lignes masquées de la feuille « Budget » comptées dans le devis (${eur(660000)}) : E4, E7, E8 — ` +
        `affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
    ]);
  });
});

describe("prodbook credit-impot : lignes masquées", () => {
  it("--json : la base compte les lignes masquées comme avant et l'alerte les nomme", async () => {
    const lancer = async (f: string) => {
      const args = ["credit-impot", f, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"];
      const io = await lancerCli(main, [...args, "--annee", "2026", "--json"]);
      expect([io.code, io.err]).toEqual([0, ""]);
      return JSON.parse(io.sortie[0]) as { alertes: string[] } & Record<string, unknown>;
    };
    const avec = await lancer(await classeur("credit-masquees.xlsx", true));
    const sans = await lancer(await classeur("credit-visibles.xlsx", false));
    const { alertes: aa, ...restea } = avec;
    const { alertes: as, ...restes } = sans;
    expect(restea).toEqual(restes);
    expect(aa.filter((a) => !as.includes(a))).toEqual([
      `3 lignes masquées de la feuille « Budget » comptées dans le devis (${eur(660000)}) : E4, E7, E8 — ` +
        `affichez-les ou supprimez-les si elles ne font pas partie de ce devis.`,
    ]);
  });
});
