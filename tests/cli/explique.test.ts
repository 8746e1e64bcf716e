import { execFileSync } from "child_process";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { Io } from "../../src/cli/io";
import { evaluerNoeud, incoherences, type Trace } from "../../src/core/traces/trace";

const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.resolve(__dirname, "../fixtures");

async function lancer(args: string[]): Promise<{ code: number; sortie: string; erreurs: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(args, io);
  return { code, sortie: out.join("\n"), erreurs: err.join("\n") };
}

/** Every node re-evaluates from its inputs, and the root gives the figure the command printed. */
function verifier(t: Trace, figure: string): void {
  expect(incoherences(t)).toEqual([]);
  expect(evaluerNoeud(t).toFixed(2)).toBe(figure);
}

describe("--explique: « D'où vient ce chiffre ? » in the CLI", () => {
  it("devis --json --explique: traces of the total, chapters and cost per minute, equal to the figures", async () => {
    const r = await lancer(["devis", EXEMPLE, "--duree", "52", "--json", "--explique"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie);
    verifier(j.traces.total, j.devis.total);
    for (const c of j.devis.chapitres) verifier(j.traces.chapitres[c.code], c.total);
    expect(j.traces.coutMinute.formule).toBe("total ÷ durée");
    // Without the option, the contract is unchanged.
    const sans = JSON.parse((await lancer(["devis", EXEMPLE, "--duree", "52", "--json"])).sortie);
    expect(sans.traces).toBeUndefined();
    expect(Object.keys(sans)).toEqual(Object.keys(j).filter((k) => k !== "traces"));
  });

  it("devis --explique (text): an indented tree down to the cells", async () => {
    const r = await lancer(["devis", EXEMPLE, "--duree", "52", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.sortie).toContain("D'où viennent ces chiffres :");
    expect(r.sortie).toMatch(/ {2}Total du devis : [\d\u202f]+,\d\d\u00a0€ = /);
    expect(r.sortie).toMatch(/← Taux : [\d\u202f]+,\d\d\u00a0€ \['Budget Gardiens'!F\d+\]/);
  });

  it("credit-impot --explique: credit = min(base × taux ; caps), the rate with its rule table", async () => {
    const args = ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"];
    const j = JSON.parse((await lancer([...args, "--annee", "2025", "--json", "--explique"])).sortie);
    verifier(j.traces.credit, j.credit);
    const texte = (await lancer([...args, "--annee", "2025", "--explique"])).sortie;
    expect(texte).toMatch(/Crédit d'impôt : [\d\u202f]+,\d\d\u00a0€ = min\(crédit avant plafonds ; plafonds\)/);
    expect(texte).toMatch(/← Taux : 25,00\u00a0% = taux du crédit audiovisuel \[credit-impot\.audiovisuel\.taux/);
  });

  it("financement --explique: total, reste à financer and public-aid share", async () => {
    const r = await lancer(["financement", path.join(FIX, "financement/cinema.xlsx"), "--json", "--explique"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie);
    verifier(j.traces.total, j.total);
    expect(incoherences(j.traces.resteAFinancer)).toEqual([]);
    expect(incoherences(j.traces.intensite)).toEqual([]);
    expect(j.traces.intensite.regle.table).toBe("intensite-aides");
  });

  it("financement --explique (text, built binary): the échéancier's payments without a date, each with its cell", () => {
    // The built CLI (npm run build:cli), as a producer runs it.
    const bin = path.resolve(__dirname, "../../bin/prodbook.js");
    const sortie = execFileSync(
      process.execPath,
      [bin, "financement", path.join(FIX, "financement/cinema.xlsx"), "--explique"],
      {
        encoding: "utf8",
      },
    );
    const arbre = sortie.slice(sortie.indexOf("D'où viennent ces chiffres :"));
    expect(arbre).toMatch(/\n {2}Encaissements sans date : 150\u202f000,00\u00a0€ = Σ tranches sans date\n/);
    expect(arbre).toContain(
      "    ← Les Films de l'Estran (sans date) : 60\u202f000,00\u00a0€ = montant de la source, sans échéance ['Plan de financement'!C7]",
    );
    expect(arbre).toContain("← Les Films de l'Estran (sans date) : 90\u202f000,00\u00a0€");
    // A plan whose payments are all dated has nothing to list.
    const docu = execFileSync(
      process.execPath,
      [bin, "financement", path.join(FIX, "financement/documentaire.xlsx"), "--explique"],
      {
        encoding: "utf8",
      },
    );
    expect(docu).toContain("D'où viennent ces chiffres :");
    expect(docu).not.toContain("Encaissements sans date");
  });

  it("ecarts --explique: each poste's écart = réalisé − budget down to the FEC lines", async () => {
    const r = await lancer([
      "ecarts",
      EXEMPLE,
      "--fec",
      path.join(FIX, "fec/production-2024.txt"),
      "--correspondances",
      path.join(FIX, "fec/correspondances.csv"),
      "--json",
      "--explique",
    ]);
    expect(r.erreurs).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.sortie);
    const postes = Object.keys(j.traces);
    expect(postes.length).toBeGreaterThan(3);
    for (const p of postes) {
      expect(incoherences(j.traces[p].ecart)).toEqual([]);
      expect(incoherences(j.traces[p].ecartEstime)).toEqual([]);
      expect(j.traces[p].ecart.formule).toBe("réalisé − budget");
    }
  });
});
