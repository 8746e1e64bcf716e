/**
 * `prodbook versions comparer --explique` (built CLI) on a workbook `prodbook ecarts … -o` wrote from the example's
 * files: the JSON's `traces` gains `coutDefinitif` (the écart réalisé − à of the total and of each chapter), whose
 * figures are `coutDefinitif`'s, and the text tree writes them, down to the postes' cells of the Écarts sheet.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { eurosToCents, formatEcartFr, formatMontantFr } from "../../src/core/money";
import { incoherences, type Trace } from "../../src/core/traces/trace";
import { sortieBinaire } from "../helpers/cli";

const RACINE = path.join(__dirname, "../..");
const ex = (f: string) => path.join(RACINE, "assets/exemple", f);
const prodbook = (args: string[], cwd: string): string => sortieBinaire(args, { cwd });
const feuilles = (t: Trace): Trace[] => (t.entrees ? t.entrees.flatMap(feuilles) : [t]);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-cli-versions-cd-"));
  prodbook(["ecarts", ex("devis-producteur.xlsx"), "--fec", ex("fec-exemple.txt"), "-o", "e.xlsx"], dir);
  prodbook(["versions", "enregistrer", "e.xlsx", "--nom", "Dépôt agrément", "-o", "v.xlsx"], dir);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("prodbook versions comparer --explique, against the coût définitif (built CLI)", () => {
  const args = ["versions", "comparer", "v.xlsx", "--de", "Dépôt agrément", "--a", "courant", "--explique"];

  it("JSON: traces.coutDefinitif re-evaluates to coutDefinitif's écarts, the postes in their Écarts cells", () => {
    const j = JSON.parse(prodbook([...args, "--json"], dir));
    // Added, not renamed: the version comparison's traces are still there (with `nonPlaces`, the example's unplaced
    // line on both sides).
    expect(Object.keys(j.traces)).toEqual(["total", "chapitres", "nonPlaces", "coutDefinitif"]);
    const t: { total: Trace; chapitres: Record<string, Trace>; nonPlaces: Trace } = j.traces.coutDefinitif;
    expect(t.total.valeur).toBe(j.coutDefinitif.total.ecart);
    expect(incoherences(t.total)).toEqual([]);
    // Added: the unplaced lines' écart réalisé − à (the example's G6, no code, no réalisé), down to its cell.
    expect(t.nonPlaces.valeur).toBe(j.coutDefinitif.nonPlaces.ecart);
    expect(j.coutDefinitif.nonPlaces).toEqual({ realise: "0.00", a: "1200.00", ecart: "-1200.00" });
    expect(incoherences(t.nonPlaces)).toEqual([]);
    expect(feuilles(t.nonPlaces.entrees![1]).map((f) => [f.cellule, f.valeur])).toEqual([
      ["'Budget Gardiens'!G6", "1200.00"],
    ]);
    expect(Object.keys(t.chapitres)).toEqual(j.coutDefinitif.chapitres.map((c: { code: string }) => c.code));
    for (const c of j.coutDefinitif.chapitres) {
      expect([c.code, t.chapitres[c.code].valeur]).toEqual([c.code, c.ecart]);
      expect(incoherences(t.chapitres[c.code])).toEqual([]);
    }
    const postes = Object.values(t.chapitres).flatMap((c) => feuilles(c.entrees![0]));
    expect(postes.map((p) => [p.cellule, p.valeur])).toEqual(
      j.coutDefinitif.postes
        .filter((p: { realise: string }) => eurosToCents(p.realise) !== 0)
        .map((p: { cellule: string; realise: string }) => [p.cellule, p.realise]),
    );
  });

  it("text: each chapter's écart réalisé − à, then the total's, with the postes' Écarts cells", () => {
    const j = JSON.parse(prodbook([...args, "--json"], dir)).coutDefinitif;
    // French typography (no-break spaces before « : » and inside « … ») read as plain spaces.
    const sp = (x: string) => x.replace(/[\u00a0\u202f]/g, " ");
    const t = sp(prodbook(args, dir));
    const ecart = (x: string) => sp(formatEcartFr(eurosToCents(x)));
    for (const c of j.chapitres)
      expect(t).toContain(
        `Écart réalisé chapitre ${c.code} ${c.libelle} : ${ecart(c.ecart)} = réalisé − Devis actuel (feuille « Budget Gardiens »)`,
      );
    expect(t).toContain(`Écart réalisé total : ${ecart(j.total.ecart)} = réalisé − Devis actuel`);
    expect(t).toContain(`← Réalisé total : ${sp(formatMontantFr(eurosToCents(j.total.realise)))}`);
    const p = j.postes.find((x: { code: string }) => x.code === "2");
    expect(t).toMatch(
      new RegExp(
        `← Réalisé 2 « [^»]+ » : ${sp(formatMontantFr(eurosToCents(p.realise)))} = .*\\[${p.cellule.replace(/[$'!]/g, "\\$&")}\\]`,
      ),
    );
  });
});
