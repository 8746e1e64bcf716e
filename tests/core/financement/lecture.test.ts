import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import fs from "node:fs";
import { lirePlanFinancement, PlanIntrouvableError } from "../../../src/core/financement/lecture";
import { ecrireClasseurs, Classeurs } from "./plans";
import { evaluerFinancement } from "../../../src/core/financement/evaluer";
import { eurosToCents } from "../../../src/core/money";

const DATE = "2026-01-15";
let c: Classeurs;
beforeAll(async () => {
  c = await ecrireClasseurs();
});

async function feuille(p: string, nom: string) {
  const wb = await chargerXlsx(fs.readFileSync(p), p);
  return lireFeuille(wb.getWorksheet(nom)!);
}

describe("lirePlanFinancement", () => {
  test("lit un plan cinéma avec sections, sous-totaux et total : 11 sources, catégories par mots-clés", async () => {
    const plan = lirePlanFinancement(await feuille(c.cinema, "Plan de financement"), { date: DATE });
    const parId = Object.fromEntries(plan.sources.map((s) => [s.financeur + "|" + (s.nature ?? ""), s.categorie]));
    expect(plan.sources.map((s) => s.montant / 100)).toEqual([
      150000, 60000, 90000, 700000, 400000, 100000, 500000, 300000, 200000, 250000, 250000,
    ]);
    expect(parId).toEqual({
      "Les Films de l'Estran|Apport en numéraire": "apport-numeraire",
      "Les Films de l'Estran|Mise en participation salaire producteur": "apport-salaire-producteur",
      "Les Films de l'Estran|Mise en participation frais généraux": "apport-frais-generaux",
      "Canal+|Préachat": "diffuseur-preachat",
      "France 2 Cinéma|Coproduction": "diffuseur-part-coproducteur",
      "Ciné+|Préachat": "diffuseur-preachat",
      "CNC|Avance sur recettes avant réalisation": "cnc-avance-recettes",
      "Région Île-de-France|Fonds de soutien": "region",
      "Cofimage 37|SOFICA": "sofica",
      "Pyramide Distribution|Minimum garanti salles": "distribution-minimum-garanti",
      "DGFiP|Crédit d'impôt cinéma": "credit-impot",
    });
    expect(plan.sources.map((s) => s.statut)).toEqual([
      "acquis",
      "acquis",
      "acquis",
      "acquis",
      "acquis",
      "en-negociation",
      "acquis",
      "en-negociation",
      "envisage",
      "acquis",
      "acquis",
    ]);
    expect(plan.coutIndique).toEqual({ montant: 300000000, cellule: "'Plan de financement'!C2" });
    expect(plan.totalProducteur).toEqual({ montant: 300000000, cellule: "'Plan de financement'!C20" });
    expect(plan.sources[3].tranches).toEqual([{ montant: 70000000, date: "2026-06-15" }]);
    expect(plan.sources[1].numeraire).toBe(false);
    expect(plan.nonClasses).toEqual([]);
    expect(plan.avertissements).toEqual([]);
  });

  test("lit les tranches numérotées et la colonne Pays d'une fiction TV", async () => {
    const plan = lirePlanFinancement(await feuille(c.fiction, "Financement"), { date: DATE });
    expect(plan.sources).toHaveLength(6);
    const copro = plan.sources[1];
    expect(copro.categorie).toBe("coproducteur-etranger");
    expect(copro.etranger).toBe(true);
    expect(plan.sources[0].categorie).toBe("diffuseur-preachat");
    expect(plan.sources[0].tranches).toEqual([
      { montant: 15000000, date: "2026-01-15", cellule: "Financement!F2" },
      { montant: 15000000, date: "2026-06-15", cellule: "Financement!H2" },
    ]);
    expect(plan.sources[2].categorie).toBe("cnc-fsa");
    expect(plan.sources[4].categorie).toBe("credit-impot");
    expect(plan.sources[4].statut).toBe("en-negociation");
    expect(plan.sources[5].categorie).toBe("apport-numeraire");
    expect(plan.sources[3].statut).toBe("envisage");
  });

  test("lit des montants en texte et des colonnes de mois, et liste ce qu'il ne sait pas classer", async () => {
    const plan = lirePlanFinancement(await feuille(c.documentaire, "Plan fin."), { date: DATE });
    expect(plan.coutIndique?.montant).toBe(18000000);
    expect(plan.totalProducteur?.montant).toBe(18000000);
    expect(plan.sources.reduce((a, s) => a + s.montant, 0)).toBe(18000000);
    expect(plan.sources[0].tranches).toEqual([
      { montant: 2000000, date: "2026-01-01", cellule: "'Plan fin.'!D5" },
      { montant: 2500000, date: "2026-03-01", cellule: "'Plan fin.'!E5" },
    ]);
    expect(plan.sources.map((s) => s.categorie)).toEqual([
      "diffuseur-preachat",
      "cnc-fsa",
      "procirep-angoa",
      "financement-participatif",
      "mecenat",
      "autre",
      "credit-impot",
      "apport-numeraire",
    ]);
    expect(plan.nonClasses).toEqual([
      { cellule: "'Plan fin.'!C10", texte: "M. et Mme Le Goff — Don des familles", montant: 500000 },
    ]);
    expect(plan.sources.every((s) => s.statut === "acquis")).toBe(true);
  });

  test("signale un montant illisible, une date illisible et un statut inconnu en nommant la cellule", () => {
    const sheet = {
      name: "Plan",
      merges: [],
      rows: [
        [{ v: "Financeur" }, { v: "Montant" }, { v: "Statut" }, { v: "Échéance" }],
        [{ v: "Canal+" }, { v: "douze mille" }, { v: "Acquis" }, { v: null }],
        [{ v: "SOFICA Cinémage" }, { v: 120000 }, { v: "peut-être" }, { v: "à la livraison" }],
      ],
    };
    const plan = lirePlanFinancement(sheet, { date: DATE });
    expect(plan.sources).toHaveLength(1);
    expect(plan.avertissements.map((a) => [a.cellule, a.gravite])).toEqual([
      ["Plan!B2", "erreur"],
      ["Plan!D3", "alerte"],
      ["Plan!C3", "alerte"],
    ]);
    expect(plan.avertissements[0].message).toContain("« douze mille » illisible");
    expect(plan.sources[0].statut).toBe("envisage");
  });

  test("lit « Prévisionnel » dans la cellule de statut d'une ligne comme envisagé, sans alerte", () => {
    const sheet = {
      name: "Plan",
      merges: [],
      rows: [
        [{ v: "Financeur" }, { v: "Montant" }, { v: "Statut" }],
        [{ v: "Canal+" }, { v: 700000 }, { v: "Signé" }],
        [{ v: "Région Bretagne" }, { v: 150000 }, { v: "Prévisionnel" }],
        [{ v: "SOFICA Cinémage" }, { v: 120000 }, { v: "prévisionnelle" }],
      ],
    };
    const plan = lirePlanFinancement(sheet, { date: DATE });
    expect(plan.sources.map((s) => [s.financeur, s.statut])).toEqual([
      ["Canal+", "acquis"],
      ["Région Bretagne", "envisage"],
      ["SOFICA Cinémage", "envisage"],
    ]);
    expect(plan.avertissements.filter((a) => /statut/i.test(a.message))).toEqual([]);
  });

  test("ignore la ligne « reste à financer » du producteur et les lignes « dont … » de détail", () => {
    const r = (a: string, b: string | null, m: number | null) => [{ v: a }, { v: b }, { v: m }];
    const sheet = {
      name: "Plan",
      merges: [],
      rows: [
        [{ v: "Sources" }, { v: "Type" }, { v: "Montant en €" }],
        r("Canal+", "Préachat", 700000),
        r("", "dont numéraire", 600000),
        r("SOFICA Cinémage", null, 150000),
        r("Reste à financer", null, 150000),
        r("TOTAL", null, 1000000),
      ],
    };
    const plan = lirePlanFinancement(sheet, { date: DATE });
    expect(plan.sources.map((s) => [s.financeur, s.montant])).toEqual([
      ["Canal+", 70000000],
      ["SOFICA Cinémage", 15000000],
    ]);
    expect(plan.totalProducteur).toEqual({ montant: 100000000, cellule: "Plan!C6" });
    expect(plan.resteIndique).toEqual({ montant: 15000000, cellule: "Plan!C5" });
    const a = evaluerFinancement(plan, { date: DATE, cout: { montant: eurosToCents(1000000), origine: "coût saisi" } });
    expect(a.constats.filter((c) => c.regle === "total-plan")).toEqual([]);
    expect(a.synthese.resteAFinancer).toBe(15000000);
  });

  test("lit la mise en page « Acquis | En cours | À trouver » : une source par statut, le Total seulement vérifié", () => {
    const c = (v: string | number | null) => ({ v });
    const sheet = {
      name: "Plan",
      merges: [],
      rows: [
        [c("Financeur"), c("Acquis"), c("En cours"), c("À trouver"), c("Total")],
        [c("Canal+ (préachat)"), c(700000), c(null), c(null), c(700000)],
        [c("Région Occitanie"), c(null), c(200000), c(100000), c(300000)],
        [c("SOFICA"), c(null), c(null), c(150000), c(100000)],
      ],
    };
    const plan = lirePlanFinancement(sheet, { date: DATE });
    expect(plan.sources.map((s) => [s.financeur, s.categorie, s.statut, s.montant / 100, s.cellule])).toEqual([
      ["Canal+ (préachat)", "diffuseur-preachat", "acquis", 700000, "Plan!B2"],
      ["Région Occitanie", "region", "en-negociation", 200000, "Plan!C3"],
      ["Région Occitanie", "region", "envisage", 100000, "Plan!D3"],
      ["SOFICA", "sofica", "envisage", 150000, "Plan!D4"],
    ]);
    expect(plan.avertissements.map((a) => a.cellule)).toEqual(["Plan!E4"]);
  });

  test("refuse une feuille sans en-tête de plan, en la nommant", () => {
    expect(() =>
      lirePlanFinancement({ name: "Notes", merges: [], rows: [[{ v: "Bonjour" }]] }, { date: DATE }),
    ).toThrow(PlanIntrouvableError);
    expect(() =>
      lirePlanFinancement({ name: "Notes", merges: [], rows: [[{ v: "Bonjour" }]] }, { date: DATE }),
    ).toThrow(/feuille « Notes »/);
  });
});
