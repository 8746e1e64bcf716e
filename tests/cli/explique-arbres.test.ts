/**
 * « D'où vient ce chiffre ? » (issue 14 sweep): every trace tree `--explique --json` gives — devis, credit-impot,
 * financement, ecarts with a FEC, versions comparer — walked whole. Each node re-evaluates from its inputs to its figure
 * (sums, differences and products to the cent: `incoherences`); each input naming a cell of a workbook holds, in that
 * workbook opened by ExcelJS, the value the trace states (a FEC line: its débit − crédit on the account named); and the
 * text tree the built binary prints is French (no « undefined », NaN, null, no-break spaces before « : » and inside
 * « »).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";
import { incoherences, type Trace } from "../../src/core/traces/trace";
import { lancerCli, sortieBinaire } from "../helpers/cli";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";

const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.resolve(__dirname, "../fixtures");
const FEC = path.join(FIX, "fec/production-2024.txt");

async function json(args: string[]): Promise<Record<string, unknown>> {
  const r = await lancerCli(main, [...args, "--json", "--explique"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Record<string, unknown>;
}

/** Every trace tree in the JSON (an object with libelle, valeur, operation), wherever it is. */
function arbres(x: unknown, out: Trace[] = []): Trace[] {
  if (Array.isArray(x)) for (const y of x) arbres(y, out);
  else if (x && typeof x === "object") {
    const o = x as Record<string, unknown>;
    if (typeof o.libelle === "string" && typeof o.operation === "string" && typeof o.valeur === "string")
      out.push(o as unknown as Trace);
    else for (const v of Object.values(o)) arbres(v, out);
  }
  return out;
}

function noeuds(t: Trace, out: Trace[] = []): Trace[] {
  out.push(t);
  for (const e of t.entrees ?? []) noeuds(e, out);
  return out;
}

/** « 6 000,00 € » as typed in a text cell → 6000.00 (undefined for another text). */
function montantTexte(s: string): Decimal | undefined {
  const m = /^\s*(-?[\d\s\u00a0\u202f]+(?:,\d+)?)\s*€?\s*$/.exec(s);
  return m ? new Decimal(m[1].replace(/[\s\u00a0\u202f]/g, "").replace(",", ".")) : undefined;
}

/**
 * What is wrong with the inputs of `t` that name a cell: the cell missing, or not holding the stated value. A number
 * cell (or a formula's cached result) must equal the value (to the cent for euros; a rate typed as 25 for 25 % too); a
 * text cell, in euros, must read as the amount; a text read for another unit (« France » giving a part of 1) must be
 * there, its reading said in the formule.
 */
function cellulesFausses(traces: Trace[], classeurs: ExcelJS.Workbook[], fec?: string[]): string[] {
  const faux: string[] = [];
  let vues = 0;
  for (const t of traces.flatMap((x) => noeuds(x))) {
    if (t.operation !== "valeur" || !t.cellule) continue;
    const ligneFec = /^FEC ligne (\d+)$/.exec(t.cellule);
    if (ligneFec) {
      const champs = (fec as string[])[Number(ligneFec[1]) - 1].split("\t");
      const d = new Decimal(champs[11].replace(",", ".")).minus(champs[12].replace(",", "."));
      vues++;
      if (!d.equals(t.valeur) || !t.formule?.includes(`compte ${champs[4]}`))
        faux.push(`${t.cellule} : ${champs[4]} ${d.toFixed(2)} ≠ ${t.valeur} (${t.formule})`);
      continue;
    }
    const m = /^(?:'((?:[^']|'')+)'|([^!' ]+))!\$?([A-Z]{1,3})\$?(\d+)$/.exec(t.cellule);
    if (!m) {
      faux.push(`« ${t.cellule} » n'est pas une cellule (${t.libelle})`);
      continue;
    }
    const nom = (m[1] ?? m[2]).replace(/''/g, "'");
    const ws = classeurs.map((wb) => wb.getWorksheet(nom)).find(Boolean);
    if (!ws) {
      faux.push(`${t.cellule} : pas de feuille « ${nom} »`);
      continue;
    }
    vues++;
    let v = ws.getCell(`${m[3]}${m[4]}`).value;
    if (v && typeof v === "object" && "result" in v) v = v.result as ExcelJS.CellValue;
    const attendu = new Decimal(t.valeur);
    if (typeof v === "number") {
      const lu = new Decimal(v);
      const egal =
        t.unite === "euros"
          ? lu.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).equals(attendu)
          : lu.equals(attendu) || (t.unite === "taux" && lu.dividedBy(100).equals(attendu));
      if (!egal) faux.push(`${t.cellule} = ${v}, la trace dit ${t.valeur} (${t.libelle})`);
    } else if (typeof v === "string" && v.trim()) {
      if (t.unite === "euros" ? !montantTexte(v)?.equals(attendu) : !t.formule)
        faux.push(`${t.cellule} = « ${v} », la trace dit ${t.valeur} (${t.libelle})`);
    } else faux.push(`${t.cellule} est vide, la trace dit ${t.valeur} (${t.libelle})`);
  }
  expect(vues).toBeGreaterThan(0);
  return faux;
}

async function ouvrir(...fichiers: string[]): Promise<ExcelJS.Workbook[]> {
  return Promise.all(
    fichiers.map(async (f) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb;
    }),
  );
}

/** The text tree the built binary prints: French words and typography, nothing a program left in it. */
function texteLisible(args: string[]): void {
  const sortie = sortieBinaire([...args, "--explique"]);
  const arbre = sortie.slice(sortie.indexOf("D'où vien"));
  expect(arbre.length).toBeGreaterThan(200);
  const fautes = arbre
    .split("\n")
    .filter((l) => /\b(undefined|NaN|null|Infinity)\b|\[object|Erreur interne| :|« | »|\d \d{3}\b/.test(l));
  expect(fautes).toEqual([]);
}

let dir: string;
beforeAll(async () => {
  dir = await dossierTemp("prodbook-explique-arbres-");
});

describe("--explique : chaque arbre se recalcule, chaque cellule citée porte la valeur dite", () => {
  it("devis (l'exemple) : total, chapitres, coût par minute", async () => {
    const args = ["devis", EXEMPLE, "--duree", "52"];
    const j = await json(args);
    const t = arbres(j.traces);
    expect(t.length).toBeGreaterThan(10);
    for (const x of t) expect(incoherences(x)).toEqual([]);
    expect(cellulesFausses(t, await ouvrir(EXEMPLE))).toEqual([]);
    texteLisible(args);
  }, 60_000);

  it("credit-impot (l'exemple, documentaire 52 min) : crédit, base, plafonds, jusqu'aux cellules du devis", async () => {
    const args = [
      "credit-impot",
      EXEMPLE,
      "--regime",
      "audiovisuel",
      "--genre",
      "documentaire",
      "--duree",
      "52",
      "--annee",
      "2025",
    ];
    const j = await json(args);
    const t = arbres(j.traces);
    expect(t.length).toBeGreaterThan(0);
    for (const x of t) expect(incoherences(x)).toEqual([]);
    expect(cellulesFausses(t, await ouvrir(EXEMPLE))).toEqual([]);
    texteLisible(args);
  }, 60_000);

  it.each(["cinema", "documentaire"])(
    "financement (%s) : total, reste à financer, échéancier",
    async (plan) => {
      const fichier = path.join(FIX, `financement/${plan}.xlsx`);
      const args = ["financement", fichier];
      const j = await json(args);
      const t = arbres(j.traces);
      for (const x of t) expect(incoherences(x)).toEqual([]);
      expect(cellulesFausses(t, await ouvrir(fichier))).toEqual([]);
      texteLisible(args);
    },
    60_000,
  );

  it("ecarts (l'exemple et le FEC des fixtures) : postes, chapitres, total, jusqu'aux lignes du FEC", async () => {
    const args = ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", path.join(FIX, "fec/correspondances.csv")];
    const j = await json(args);
    const t = arbres([j.traces, j.tracesChapitres, j.traceTotal]);
    expect(t.length).toBeGreaterThan(20);
    for (const x of t) expect(incoherences(x)).toEqual([]);
    const fec = readFileSync(FEC, "utf8").split(/\r?\n/);
    expect(cellulesFausses(t, await ouvrir(EXEMPLE), fec)).toEqual([]);
    texteLisible(args);
  }, 60_000);

  it("versions comparer : deux versions, et une version face au devis actuel", async () => {
    const { v2 } = await deuxVersions(dir);
    const classeur = await ouvrir(v2);
    for (const a of ["Dépôt agrément", "courant"]) {
      const args = ["versions", "comparer", v2, "--de", "Devis initial", "--a", a];
      const j = await json(args);
      const t = arbres(j.traces);
      expect(t.length).toBeGreaterThan(3);
      for (const x of t) expect(incoherences(x)).toEqual([]);
      expect(cellulesFausses(t, classeur)).toEqual([]);
      expect((j.traces as { total: Trace }).total.valeur).toBe((j.total as { delta: string }).delta);
      texteLisible(args);
      // No unplaced line on either side: no `nonPlaces` trace.
      expect((j.traces as Record<string, unknown>).nonPlaces).toBeUndefined();
    }
  }, 60_000);

  it("versions comparer sur l'exemple (une ligne non placée) : l'écart non placé a son arbre, hors du total", async () => {
    const v = path.join(dir, "exemple-v.xlsx");
    const io: Io = { out: () => undefined, err: () => undefined };
    expect(await main(["versions", "enregistrer", EXEMPLE, "--nom", "Dépôt", "-o", v], io)).toBe(0);
    const classeurs = await ouvrir(v);
    const args = ["versions", "comparer", v, "--de", "Dépôt", "--a", "courant"];
    const j = await json(args);
    const np = (j.traces as { nonPlaces: Trace }).nonPlaces;
    expect(np.valeur).toBe((j.nonPlaces as { delta: string }).delta);
    expect(np.entrees!.map((e) => e.valeur)).toEqual(["1200.00", "1200.00"]);
    const t = arbres(j.traces);
    for (const x of t) expect(incoherences(x)).toEqual([]);
    expect(cellulesFausses(t, classeurs)).toEqual([]);
    expect(noeuds(np).map((x) => x.cellule ?? "")).toEqual(["", "", "'Budget Gardiens'!G6", "", "Versions!M2"]);
    texteLisible(args);
  }, 60_000);
});
