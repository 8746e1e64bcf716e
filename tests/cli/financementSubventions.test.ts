import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ecrireClasseurs } from "../core/financement/plans";
import { binaire, lancerCli } from "../helpers/cli";

/*
 * The cinema workbook of tests/core/financement/plans.ts (the one committed as tests/fixtures/financement/cinema.xlsx),
 * its tax-credit line removed so that `--credit-impot` adds the devis's credit: devis « Budget » 3 000 000 €, 2 850 000 €
 * eligible in France, base capped at 80 % = 2 400 000 € (220 sexies III-3). The plan's public aids: the CNC's avance
 * sur recettes (500 000 €, C15) and the Île-de-France region (300 000 €, C16). They are named, never deducted; the
 * amount given with --subventions is, by the same step as `prodbook credit-impot --subventions` (after the cap for the
 * cinema credit, as the table credit-impot-subventions says).
 */
const lancer = (commande: string, args: string[]) => lancerCli(main, [commande, ...args]);

type Json = {
  parCategorie: { categorie: string; montant: string }[];
  aidesPubliques: string;
  controles: { regle: string; gravite: string; message: string }[];
};

const phrase = (saisies: string) =>
  "Crédit d'impôt calculé par Prodbook : Le plan de financement « Plan de financement » compte " +
  "800\u202f000,00\u00a0€ d'aides publiques (« CNC — avance sur recettes » de CNC, 500\u202f000,00\u00a0€ ('Plan de " +
  "financement'!C15) ; « Régions et collectivités » de Région Île-de-France, 300\u202f000,00\u00a0€ ('Plan de " +
  `financement'!C16)) : ${saisies}. Seules les subventions publiques non remboursables directement affectées aux ` +
  "dépenses éligibles en sont déduites (CGI art. 220 sexies, V) : indiquez leur montant en subventions publiques " +
  "non remboursables du calcul.";

describe("prodbook financement --subventions : déduites de la base du crédit ajouté, comme prodbook credit-impot", () => {
  let p: string;
  beforeAll(async () => {
    const c = await ecrireClasseurs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.cinema);
    wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
    p = path.join(c.dossier, "cinema-sans-ci-subventions.xlsx");
    await wb.xlsx.writeFile(p);
  });
  const CREDIT = ["--devis", "Budget", "--credit-impot", "cinema", "--genre", "fiction", "--langue", "francais"];
  const JSON_2026 = ["--premier-film", "--json", "--date", "2026-01-15"];
  const ci = (j: Json) => j.parCategorie.find((x) => x.categorie === "credit-impot")?.montant;

  it("sans --subventions : 2 400 000 × 30 % = 720 000 €, les aides du plan nommées, aucune déduite", async () => {
    const r = await lancer("financement", [p, ...CREDIT, ...JSON_2026]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Json;
    expect(ci(j)).toBe("720000.00");
    expect(j.controles.map((c) => c.message)).toContain(phrase("aucune n'est déduite de la base"));
  });

  it("--subventions 300 000 : (2 400 000 − 300 000) × 30 % = 630 000 €, le même crédit que prodbook credit-impot", async () => {
    const r = await lancer("financement", [p, ...CREDIT, "--subventions", "300 000", ...JSON_2026]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Json;
    expect(ci(j)).toBe("630000.00");
    // The plan's aids, 800 000 €, plus the credit: the subsidies are among them, not counted twice.
    expect(j.aidesPubliques).toBe("1430000.00");
    expect(j.controles.map((c) => c.message)).toContain(
      phrase("les subventions saisies (300\u202f000,00\u00a0€) sont déduites de la base"),
    );
    expect(j.controles.map((c) => c.message)).toContain(
      "Crédit d'impôt calculé par Prodbook : Subventions publiques déduites après le plafond de la base : " +
        "2\u202f400\u202f000,00\u00a0€ − 300\u202f000,00\u00a0€ = 2\u202f100\u202f000,00\u00a0€. Le CGI (art. 220 " +
        "sexies, III-3 et V) ne dit pas dans quel ordre ; déduites des dépenses éligibles avant ce plafond, la base " +
        "serait 2\u202f400\u202f000,00\u00a0€ — à vérifier avec votre expert-comptable.",
    );
    // The tax-credit command on the same workbook and the same amount: the same base and credit.
    const c = await lancer("credit-impot", [
      p,
      ...["--feuille", "Budget", "--regime", "cinema", "--genre", "fiction", "--langue", "francais"],
      ...["--annee", "2026", "--subventions", "300000", "--json"],
    ]);
    const k = JSON.parse(c.out);
    expect([k.base, k.credit, k.subventionsPubliques]).toEqual([
      "2100000.00",
      "630000.00",
      { montant: "300000.00", deduit: "300000.00", baseAvant: "2400000.00" },
    ]);
  });

  it("le binaire construit (npm run build:cli) donne le même crédit et le même texte", () => {
    const r = binaire([
      "financement",
      p,
      ...CREDIT,
      "--subventions",
      "300000",
      "--premier-film",
      "--date",
      "2026-01-15",
    ]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/Crédit d'impôt +630\u202f000,00\u00a0€ {2}\(aide publique\)/);
    expect(r.out).toContain("les subventions saisies (300\u202f000,00\u00a0€) sont déduites de la base");
  });

  it("« 12.500 » ambigu, négatif, ou sans --credit-impot : code 2, message en français, rien d'écrit", async () => {
    const ambigu = await lancer("financement", [p, ...CREDIT, "--subventions", "12.500", "--json"]);
    expect([ambigu.code, ambigu.out, ambigu.err]).toEqual([
      2,
      "",
      "L'option --subventions\u00a0: «\u00a012.500\u00a0» peut se lire 12,50\u00a0€ ou 12\u202f500,00\u00a0€\u202f; écrivez «\u00a012,5\u00a0» ou " +
        "«\u00a012500\u00a0».",
    ]);
    const negatif = await lancer("financement", [p, ...CREDIT, "--subventions", "-5"]);
    expect([negatif.code, negatif.err]).toEqual([2, expect.stringContaining("L'option --subventions attend")]);
    const seul = await lancer("financement", [p, "--devis", "Budget", "--subventions", "1000", "--json"]);
    expect([seul.code, seul.out, seul.err]).toEqual([
      2,
      "",
      "L'option --subventions se déduit de la base du crédit d'impôt calculé sur le devis\u00a0: indiquez aussi " +
        "--credit-impot.",
    ]);
  });
});
