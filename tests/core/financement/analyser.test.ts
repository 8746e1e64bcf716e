import { analyserFinancement } from "../../../src/core/financement/analyser";
import { calculerEcheancier } from "../../../src/core/financement/echeancier";
import { eurosToCents } from "../../../src/core/money";
import type { CellSpec } from "../../../src/core/port/workbook";
import { MemoryWorkbook, CelluleMemoire } from "../../helpers/memoryWorkbook";
import { LIGNES_FICTION } from "./plans";

const fiction = LIGNES_FICTION as CelluleMemoire[][];
const DATE = "2026-01-15";
const euros = (c: number) => c / 100;

describe("analyserFinancement (classeur en mémoire)", () => {
  test("sans planning : coût réparti également de janvier à décembre 2026, besoin de trésorerie de 116 666,67 €", async () => {
    const wb = new MemoryWorkbook({ Financement: fiction });
    const r = await analyserFinancement(wb, {
      cout: eurosToCents(1000000),
      typeOeuvre: "audiovisuel",
      genre: "fiction",
      dureeMinutes: 52,
      date: DATE,
    });
    const e = r.echeancier;
    expect(e.mois.map((m) => m.mois)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    // 1 000 000 € / 12 = 83 333,33 € reste 4 centimes, donnés aux premiers mois (restes égaux).
    expect(e.mois.map((m) => euros(m.depenses))).toEqual([
      83333.34, 83333.34, 83333.34, 83333.34, 83333.33, 83333.33, 83333.33, 83333.33, 83333.33, 83333.33, 83333.33,
      83333.33,
    ]);
    expect(e.mois.map((m) => euros(m.encaissements))).toEqual([
      200000, 75000, 100000, 100000, 100000, 150000, 0, 0, 75000, 0, 0, 200000,
    ]);
    expect(e.mois.map((m) => euros(m.cumul))).toEqual([
      116666.66, 108333.32, 124999.98, 141666.64, 158333.31, 224999.98, 141666.65, 58333.32, 49999.99, -33333.34,
      -116666.67, 0,
    ]);
    expect(euros(e.besoinMaximal)).toBe(116666.67);
    expect(e.sansDate).toBe(0);
    // The months in words, as the pane and the CLI show them (not « 2026-01 à 2026-12 »).
    expect(e.repartition).toMatch(
      /^sans planning : coût réparti également de janvier\u00a02026 à décembre\u00a02026 \(dates des versements\)/,
    );
    expect(wb.ecritures).toBe(0);
  });

  test("avec une feuille Planning : dépenses au prorata des jours de chaque étape", async () => {
    const wb = new MemoryWorkbook({
      Financement: fiction,
      Planning: [
        ["Étape", "Début", "Fin"],
        ["Préparation", "01/02/2026", "28/02/2026"],
        ["Tournage", "02/03/2026", "10/04/2026"],
        ["Post-production", "13/04/2026", "30/06/2026"],
      ],
    });
    const r = await analyserFinancement(wb, { cout: eurosToCents(1000000), typeOeuvre: "audiovisuel", date: DATE });
    // Jours : février 28, mars 30, avril 10 + 18 = 28, mai 31, juin 30 → 147 ; le centime restant va à mai (plus grand reste).
    const dep = Object.fromEntries(r.echeancier.mois.map((m) => [m.mois, euros(m.depenses)]));
    expect(dep).toMatchObject({
      "2026-01": 0,
      "2026-02": 190476.19,
      "2026-03": 204081.63,
      "2026-04": 190476.19,
      "2026-05": 210884.36,
      "2026-06": 204081.63,
      "2026-07": 0,
      "2026-12": 0,
    });
    expect(r.echeancier.repartition).toMatch(/selon le planning \(3\u00a0étapes, au prorata/);
  });

  test("lit aussi le « Rétroplanning » écrit par Prodbook (dates en formules, jours fériés ignorés)", async () => {
    const wb = new MemoryWorkbook(
      {
        Financement: fiction,
        Rétroplanning: [
          ["Rétroplanning"],
          ["Étape", "Durée (j)", "Calendaire", "Début", "Fin", "Marge (j ouvrés)"],
          ["Tournage", 22, "non", { f: "WORKDAY(E4,-22)", v: "2026-03-02" }, { f: "E4", v: "2026-03-31" }, 0],
          ["Montage", 21, "non", { f: "E3+1", v: "2026-04-01" }, { f: "x", v: "2026-04-30" }, 0],
          [],
          ["Lundi de Pâques", null, null, "2026-04-06"],
        ],
      },
      { prodbook: ["Rétroplanning"] },
    );
    const r = await analyserFinancement(wb, { cout: eurosToCents(1000000), typeOeuvre: "audiovisuel", date: DATE });
    // 30 jours en mars, 30 en avril : 500 000 € chacun.
    const dep = Object.fromEntries(
      r.echeancier.mois.filter((m) => m.depenses > 0).map((m) => [m.mois, euros(m.depenses)]),
    );
    expect(dep).toEqual({ "2026-03": 500000, "2026-04": 500000 });
  });

  test("écrit le plan, l'échéancier et les listes ; relancer remplace les mêmes feuilles sans toucher celle du producteur", async () => {
    const wb = new MemoryWorkbook({ Financement: fiction });
    const opts = { cout: eurosToCents(1000000), typeOeuvre: "audiovisuel" as const, date: DATE, ecrire: true };
    const r = await analyserFinancement(wb, opts);
    expect(r.feuillesEcrites).toEqual(["Plan de financement", "Échéancier", "Listes financement"]);
    const plan = wb.ecrites.get("Plan de financement")!;
    expect(plan.tables).toEqual([{ name: "tblFinancement", range: "A10:L16", style: "TableStyleMedium2" }]);
    // Written out, not taken from feuillePlan.ts: the written table's header is pinned on its own.
    expect(plan.rows[9]).toEqual([
      "Financeur",
      "Nature (producteur)",
      "Catégorie",
      "Statut",
      "Origine",
      "Montant",
      "% du total",
      "Aide publique",
      "Aide CNC",
      "Diffuseur",
      "Premier versement",
      "Cellule source",
    ]);
    expect(plan.rows[10].slice(0, 6)).toEqual([
      "France Télévisions (France 2)",
      "Préachat",
      "Diffuseur — préachat",
      "Acquis",
      "France",
      300000,
    ]);
    expect(plan.rows[11][4]).toBe("Étranger");
    expect(plan.rows[10][7]).toEqual({
      formula: "IFERROR(VLOOKUP($C11,'Listes financement'!$A$2:$E$25,2,FALSE),\"Non\")",
      result: "Non",
    });
    expect(plan.validations?.map((v) => v.range)).toEqual(["C11:C16", "D11:D16", "E11:E16", "B3", "B4"]);
    expect(plan.validations?.[0].list).toEqual({ source: "='Listes financement'!$A$2:$A$25" });
    expect(plan.charts?.[0]).toMatchObject({
      type: "pie",
      categories: "'Plan de financement'!$A$11:$A$16",
      series: [{ values: "'Plan de financement'!$F$11:$F$16" }],
    });
    const libelles = plan.rows.map((l) => l[0]);
    const intensite = plan.rows[libelles.indexOf("Intensité des aides publiques")][1] as {
      formula: string;
      result: number;
    };
    expect(intensite.result).toBe(0.5);
    expect(plan.rows[libelles.indexOf("Reste à financer (négatif : excédent)")][1]).toEqual({
      formula: "$B$2-$F$17",
      result: 0,
    });
    const controles = plan.rows
      .slice(libelles.indexOf("Contrôles au 15\u00a0janvier\u00a02026") + 1)
      .map((l) => [l[0], l[1]]);
    expect(controles).toEqual(r.constats.map((c) => [c.regle, c.gravite]));
    expect(controles).toContainEqual(["statut-envisage", "alerte"]);
    const listes = wb.ecrites.get("Listes financement")!;
    expect(listes.hidden).toBe(true);
    expect(listes.rows.length).toBe(25);
    const ech = wb.ecrites.get("Échéancier")!;
    expect(ech.rows[4][8]).toEqual({
      formula: 'SUMIFS($E$5:$E$13,$D$5:$D$13,">="&H5,$D$5:$D$13,"<="&EOMONTH(H5,0))',
      result: 200000,
    }); // 9 tranches: rows 5 to 13

    const avant = JSON.stringify([...wb.ecrites.entries()]);
    await analyserFinancement(wb, opts);
    expect(await wb.listSheets()).toEqual(["Financement", "Listes financement", "Plan de financement", "Échéancier"]);
    expect(JSON.stringify([...wb.ecrites.entries()])).toBe(avant);
    expect((await wb.readSheet("Financement"))!.rows[1][0].v).toBe("France Télévisions (France 2)");
  });

  test("un texte importé qui ressemble à une formule reste du texte", async () => {
    const rows: CelluleMemoire[][] = [
      ["Financeur", "Nature", "Montant"],
      ['=HYPERLINK("x")', "SOFICA", 1000],
    ];
    const wb = new MemoryWorkbook({ Plan: rows });
    await analyserFinancement(wb, { feuille: "Plan", cout: eurosToCents(1000), date: DATE, ecrire: true });
    const c: CellSpec = wb.ecrites.get("Plan de financement")!.rows[10][0];
    expect(c).toBe('=HYPERLINK("x")');
  });
});

describe("calculerEcheancier", () => {
  test("aucune date : pas de mois, tout est « sans date »", () => {
    const e = calculerEcheancier(
      [
        {
          id: "x",
          financeur: "x",
          categorie: "sofica",
          classement: "nature",
          montant: eurosToCents(10),
          statut: "acquis",
          etranger: false,
          numeraire: true,
          tranches: [{ montant: eurosToCents(10) }],
        },
      ],
      eurosToCents(10),
    );
    expect(e.mois).toEqual([]);
    expect(e.sansDate).toBe(1000);
  });

  test("une mise en participation ne s'encaisse ni ne se décaisse : 100 000 € de coût, 20 000 € en participation", () => {
    const source = (id: string, montant: number, numeraire: boolean, date?: string) => ({
      id,
      financeur: id,
      categorie: "sofica" as const,
      classement: "nature" as const,
      montant: eurosToCents(montant),
      statut: "acquis" as const,
      etranger: false,
      numeraire,
      tranches: [{ montant: eurosToCents(montant), ...(date ? { date } : {}) }],
    });
    const e = calculerEcheancier(
      [
        source("Diffuseur", 40000, true, "2026-01-15"),
        source("Région", 40000, true, "2026-02-15"),
        source("Salaire producteur en participation", 20000, false),
      ],
      eurosToCents(100000),
    );
    // 80 000 € paid out over January–February (40 000 each), against 40 000 € in each month: no gap, nothing left
    // « sans date » (the participation is no payment), the plan balanced on both sides.
    expect(e.mois.map((m) => [m.mois, euros(m.encaissements), euros(m.depenses), euros(m.cumul)])).toEqual([
      ["2026-01", 40000, 40000, 0],
      ["2026-02", 40000, 40000, 0],
    ]);
    expect([e.sansDate, e.nonNumeraire, e.besoinMaximal]).toEqual([0, eurosToCents(20000), 0]);
    expect(e.repartition).toContain("hors apports non numéraires (20\u202f000,00\u00a0€), qui ne se décaissent pas");
  });
});
