/**
 * A producer's « TOTAL » row under the plan de travail (as scheduling tools export it), through the built binary
 * (bin/prodbook.js, npm run build:cli): a row without a date whose numbers are proven totals of the rows above (their
 * sum, or a formula on their column) is no day of work, and is named; the same words with an unproven number are
 * refused as before, the cell named.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-planning-total-");

/** `prodbook …args` through the built binary (npm run build:cli). */
const prodbook = (...args: string[]) => binaire(args);

type Valeur = string | number | null | { formula: string; result: number };

/** A « PDT » sheet: Date | Nom | Fonction | Début | Fin | Pause (min) | Heures, three days of Alice, then `total`. */
async function classeur(nom: string, total: Valeur[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)", "Heures"]);
  ws.addRow(["15/04/2026", "Alice Martin", "Cheffe monteuse", "07:00", "21:00", 60, 13]);
  ws.addRow(["16/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60, 8]);
  ws.addRow(["17/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "17:30", 30, 8]);
  ws.addRow(total);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

interface Sortie {
  controles: { regle: string; gravite: string; message: string; cellule: string | null }[];
}

describe("prodbook planning : la ligne « TOTAL » du producteur sous le plan de travail", () => {
  it.each([
    [
      "une formule sur sa colonne",
      { formula: "SUM(G2:G4)", result: 29 },
      "PDT!G5 (29, =SUM(G2:G4)) : formule sur sa colonne au-dessus",
    ],
    ["la somme de sa colonne", 29, "PDT!G5 (29) : somme de sa colonne au-dessus"],
  ])("un total prouvé par %s : pas une journée, nommé avec sa cellule", async (_, heures, preuve) => {
    const f = await classeur(`total-${typeof heures}.xlsx`, [null, "TOTAL", null, null, null, 150, heures]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    expect(j.controles.filter((c) => c.regle === "total-plan-de-travail")).toEqual([
      {
        regle: "total-plan-de-travail",
        gravite: "info",
        cellule: "PDT!B5",
        message: expect.any(String),
      },
    ]);
    const message = espacesSimples(j.controles.find((c) => c.regle === "total-plan-de-travail")!.message);
    expect(message).toBe(
      "PDT!B5 : ligne 5 « TOTAL » lue comme un total du plan de travail, pas comme une journée : PDT!F5 (150) : " +
        `somme de sa colonne au-dessus ; ${preuve}. Non comptée dans les durées ni les quantités.`,
    );
    // Only Alice's three days are work: the 15th (14 h span − 1 h = 13 h) is the one over 12 h; no « TOTAL » person.
    expect(
      j.controles.filter((c) => c.regle === "duree-quotidienne" && c.gravite !== "info").map((c) => c.cellule),
    ).toEqual(["PDT!E2"]);
    // Three days read, no « TOTAL » person in any other finding.
    expect(espacesSimples(j.controles.find((c) => c.regle === "convention-supposee")?.message ?? "")).toContain(
      "(3 journées)",
    );
    expect(j.controles.filter((c) => c.regle !== "total-plan-de-travail" && c.message.includes("TOTAL"))).toEqual([]);
    const texte = espacesSimples(prodbook("planning", f).out);
    expect(texte).toContain("[information] Ligne de total du plan de travail — PDT!B5 : ligne 5 « TOTAL »");
  });

  it("« TOTAL » dont un nombre n'est pas la somme de sa colonne : refusé comme avant, la cellule nommée", async () => {
    const f = await classeur("total-faux.xlsx", [null, "TOTAL", null, null, null, null, 30]);
    const r = prodbook("planning", f, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(espacesSimples(r.err).trim()).toBe(
      "total-faux.xlsx : Ligne 5 : heure de début manquante pour TOTAL (PDT!D5) ; attendu HH:MM.",
    );
  });

  it("une formule qui lit une autre colonne ne prouve rien : refusé", async () => {
    const f = await classeur("total-autre-colonne.xlsx", [
      null,
      "TOTAL",
      null,
      null,
      null,
      null,
      { formula: "SUM(F2:F4)*0+29", result: 29 },
    ]);
    // 29 is the sum of G2:G4 by arithmetic: the formula is not the proof, the sum is; a wrong sum with it is refused.
    expect(prodbook("planning", f, "--json").code).toBe(0);
    const g = await classeur("total-autre-colonne-faux.xlsx", [
      null,
      "TOTAL",
      null,
      null,
      null,
      null,
      { formula: "SUM(F2:F4)", result: 150 },
    ]);
    const r = prodbook("planning", g, "--json");
    expect(r.code).toBe(2);
    expect(espacesSimples(r.err)).toContain("PDT!D5");
  });
});

/** A duration cell as Excel writes it: days, number format « [h]:mm » (29:00 is 1,2083…). */
const duree = (h: number, mn = 0) => ({ duree: (h * 60 + mn) / 1440 });
type ValeurDuree = Valeur | { duree: number };

/**
 * The same « PDT » sheet whose « Heures » column holds durations (« [h]:mm »: 13:00, 8:00, 8:00) and whose TOTAL row
 * may give durations past 24 h in Début / Fin (the span and the worked hours of the three days), as scheduling tools
 * export it.
 */
async function classeurDurees(nom: string, total: ValeurDuree[], heures = [duree(13), duree(8), duree(8)]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)", "Heures"]);
  const jours: [string, string, string, number][] = [
    ["15/04/2026", "07:00", "21:00", 60],
    ["16/04/2026", "09:00", "18:00", 60],
    ["17/04/2026", "09:00", "17:30", 30],
  ];
  const lignes: ValeurDuree[][] = jours.map(([d, a, b, p], i) => [
    d,
    "Alice Martin",
    "Cheffe monteuse",
    a,
    b,
    p,
    heures[i],
  ]);
  for (const valeurs of [...lignes, total]) {
    const row = ws.addRow(valeurs.map((v) => (v !== null && typeof v === "object" && "duree" in v ? v.duree : v)));
    valeurs.forEach((v, i) => {
      if (v !== null && typeof v === "object") row.getCell(i + 1).numFmt = "[h]:mm";
    });
  }
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("prodbook planning : une ligne « TOTAL » en durées « [h]:mm » (au-delà de 24 h)", () => {
  it("Début = somme des amplitudes, Fin = somme des durées de travail effectif : un total, pas une journée", async () => {
    // Before, 31:30 and 29:00 were read as the times 07:30 and 05:00: a day of « TOTAL » on the 17th.
    const f = await classeurDurees("total-durees.xlsx", [
      null,
      "TOTAL",
      null,
      duree(31, 30),
      duree(29),
      150,
      duree(29),
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    const totaux = j.controles.filter((c) => c.regle === "total-plan-de-travail");
    expect(totaux.map((c) => [c.gravite, c.cellule])).toEqual([["info", "PDT!B5"]]);
    expect(espacesSimples(totaux[0].message)).toBe(
      "PDT!B5 : ligne 5 « TOTAL » lue comme un total du plan de travail, pas comme une journée : PDT!D5 (31:30) : " +
        "somme des amplitudes des journées au-dessus, à la minute ; PDT!E5 (29:00) : somme des durées de travail " +
        "effectif des journées au-dessus, à la minute ; PDT!F5 (150) : somme de sa colonne au-dessus ; PDT!G5 " +
        "(29:00) : somme de sa colonne au-dessus. Non comptée dans les durées ni les quantités.",
    );
    expect(espacesSimples(j.controles.find((c) => c.regle === "convention-supposee")?.message ?? "")).toContain(
      "(3 journées)",
    );
    expect(j.controles.filter((c) => c.regle !== "total-plan-de-travail" && c.message.includes("TOTAL"))).toEqual([]);
  });

  it("une durée prouvée par une formule sur les lignes des journées (les heures payées du producteur)", async () => {
    // Paid hours 13:00 + 8:00 + 8:30 = 29:30: neither the worked 29:00 nor the span 31:30, but the formula reads them.
    const f = await classeurDurees(
      "total-formule.xlsx",
      [null, "TOTAL", null, null, { formula: "SUM(G2:G4)", result: (29 * 60 + 30) / 1440 }, null, null],
      [duree(13), duree(8), duree(8, 30)],
    );
    // The formula's cell keeps its « [h]:mm » format: the row is written with it below.
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    expect(espacesSimples(j.controles.find((c) => c.regle === "total-plan-de-travail")!.message)).toContain(
      "PDT!E5 (29:30, =SUM(G2:G4)) : formule sur toutes les lignes des journées au-dessus.",
    );
    const texte = espacesSimples(prodbook("planning", f).out);
    expect(texte).toContain("[information] Ligne de total du plan de travail — PDT!B5 : ligne 5 « TOTAL »");
  });

  it("une durée qui n'est ni la somme ni une formule des journées : refusée, la cellule et les sommes nommées", async () => {
    const f = await classeurDurees("total-durees-faux.xlsx", [null, "TOTAL", null, null, duree(152, 30), null, null]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(espacesSimples(r.err).trim()).toBe(
      "total-durees-faux.xlsx : Ligne 5 : heure de fin illisible « 152:30 » pour TOTAL (PDT!E5) ; attendu HH:MM : " +
        "« 152:30 » est une durée (format [h]:mm), pas une heure. Une ligne de total n'est lue comme telle que si ses " +
        "durées sont prouvées : 29 h 00 de travail effectif ou 31 h 30 d'amplitude pour les 3 journées au-dessus, ou " +
        "une formule sur leurs lignes.",
    );
    // A constant dressed as a formula on the days proves nothing either.
    const g = await classeurDurees("total-durees-constante.xlsx", [
      null,
      "TOTAL",
      null,
      null,
      { formula: "SUM(G2:G4)*0+6.35", result: 6.35 },
      null,
      null,
    ]);
    expect(prodbook("planning", g, "--json").code).toBe(2);
  });
});

/**
 * The « PDT » sheet with two days of Alice (15th: 09:00–18:00, pause 60: 8:00 worked, 9:00 span; 16th: 09:00–11:30,
 * no pause: 2:30), then `total`, whose Début / Fin numbers (a fraction of a day, under 24 h) are shown with `format`.
 */
async function classeurSousUnJour(nom: string, format: string, total: Valeur[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)"]);
  ws.addRow(["15/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60]);
  ws.addRow(["16/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "11:30", 0]);
  const row = ws.addRow(total);
  for (const i of [4, 5]) row.getCell(i).numFmt = format;
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

/** 11:30 or 10:30 as Excel stores a time or a duration under 24 h: a fraction of a day. */
const h = (heures: number, mn = 0) => (heures * 60 + mn) / 1440;

describe("prodbook planning : une ligne « TOTAL » dont les durées sont sous 24 h (« 10:30 »)", () => {
  it.each(["[h]:mm", "hh:mm"])(
    "format %s : 11:30 = somme des amplitudes, 10:30 = somme des durées : un total, pas une journée",
    async (format) => {
      // Before: read as the times 11:30 and 10:30, a day of « TOTAL » on the 16th (22 h of work past midnight).
      const f = await classeurSousUnJour(`sous-24h-${format.length}.xlsx`, format, [
        null,
        "TOTAL",
        null,
        h(11, 30),
        h(10, 30),
        60,
      ]);
      const r = prodbook("planning", f, "--json");
      expect([r.code, r.err]).toEqual([0, ""]);
      const j = JSON.parse(r.out) as Sortie;
      expect(
        j.controles.filter((c) => c.regle === "total-plan-de-travail").map((c) => espacesSimples(c.message)),
      ).toEqual([
        "PDT!B4 : ligne 4 « TOTAL » lue comme un total du plan de travail, pas comme une journée : PDT!D4 (11:30) : " +
          "somme des amplitudes des journées au-dessus, à la minute ; PDT!E4 (10:30) : somme des durées de travail " +
          "effectif des journées au-dessus, à la minute ; PDT!F4 (60) : somme de sa colonne au-dessus. Non comptée " +
          "dans les durées ni les quantités.",
      ]);
      expect(j.controles.filter((c) => c.regle !== "total-plan-de-travail" && c.message.includes("TOTAL"))).toEqual([]);
      expect(espacesSimples(j.controles.find((c) => c.regle === "convention-supposee")?.message ?? "")).toContain(
        "(2 journées)",
      );
    },
  );

  it("« 10:30 » prouvé par une formule sur sa colonne (format heure) : un total", async () => {
    const f = await classeurSousUnJour("sous-24h-formule.xlsx", "hh:mm", [
      null,
      "TOTAL",
      null,
      null,
      { formula: "SUM(E2:E3)", result: h(10, 30) },
      null,
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    expect(espacesSimples(j.controles.find((c) => c.regle === "total-plan-de-travail")!.message)).toContain(
      "PDT!E4 (10:30, =SUM(E2:E3)) : formule sur sa colonne au-dessus.",
    );
  });

  it.each([
    ["[h]:mm", "TOTAL", "11:30", "10:00"],
    ["hh:mm", "TOTAL", "11:30", "10:00"],
    ["[h]:mm", "", "11:30", "10:00"],
  ])("format %s, « %s » non prouvé : nommé avec ses deux lectures, jamais lu comme des heures", async (format, nom) => {
    const f = await classeurSousUnJour(`sous-24h-faux-${format.length}-${nom.length}.xlsx`, format, [
      null,
      nom,
      null,
      h(11, 30),
      h(10),
      60,
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(espacesSimples(r.err).trim()).toBe(
      `${path.basename(f)} : Ligne 4 : « 11:30 » (PDT!D4) peut être une durée (11 h 30) ou une heure de début ` +
        "(11:30) ; « 10:00 » (PDT!E4) peut être une durée (10 h 00) ou une heure de fin (10:00), sans que la feuille " +
        "dise laquelle. Une ligne de total n'est lue comme telle que si ses durées sont prouvées : 10 h 30 de travail " +
        "effectif ou 11 h 30 d'amplitude pour les 2 journées au-dessus, ou une formule sur leurs lignes ; une journée " +
        "s'écrit avec sa date ou sous celle d'une journée, son nom et ses heures au format HH:MM.",
    );
  });

  it("une deuxième personne aux mêmes heures (09:00–18:00 en nombres) reste une journée, jamais un total", async () => {
    // 09:00 and 18:00 are the sums of the Début / Fin columns above (one day): times of day added prove nothing.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("PDT");
    ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)"]);
    for (const [d, nom] of [
      ["15/04/2026", "Alice Martin"],
      [null, "Bob Leroy"],
    ]) {
      const row = ws.addRow([d, nom, "Monteur", h(9), h(18), 60]);
      for (const i of [4, 5]) row.getCell(i).numFmt = "hh:mm";
    }
    const f = path.join(dossier(), "deux-personnes.xlsx");
    await wb.xlsx.writeFile(f);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as Sortie;
    expect(j.controles.filter((c) => c.regle === "total-plan-de-travail")).toEqual([]);
    expect(espacesSimples(j.controles.find((c) => c.regle === "convention-supposee")?.message ?? "")).toContain(
      "(2 journées)",
    );
  });
});
