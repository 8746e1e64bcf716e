import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { commandesPlanning } from "../../src/app/commandes/planning";
import { commande } from "../../src/cli/commands/planning";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { CHAMPS_PLANNING_JSON, fr, lancerCli } from "../helpers/cli";

const planning = (args: string[]) => lancerCli((argv, io) => commande.executer(argv, io), args);

const h = (t: string) => {
  const [a, b] = t.split(":").map(Number);
  return (a * 60 + b) / 1440;
};

/**
 * A shoot in spring 2026: Sunday 12 April (a cinema technician and an audiovisual one), Monday 13 April (an ordinary
 * day), Friday 1 May, Whit Monday 25 May, Sunday 1 November (Toussaint) and Saturday 26 December (a holiday in
 * Alsace-Moselle only).
 */
const LIGNES: [string, string, string, string, string, string, number][] = [
  ["2026-04-12", "Lucie Morel", "Cheffe opératrice", "IDCC 3097", "08:00", "18:00", 60],
  ["2026-04-12", "Marc Diallo", "Ingénieur du son", "IDCC 2642", "08:00", "18:00", 60],
  ["2026-04-13", "Lucie Morel", "Cheffe opératrice", "IDCC 3097", "08:00", "18:00", 60],
  ["2026-05-01", "Marc Diallo", "Ingénieur du son", "IDCC 2642", "09:00", "17:00", 60],
  ["2026-05-25", "Marc Diallo", "Ingénieur du son", "IDCC 2642", "09:00", "17:00", 60],
  ["2026-11-01", "Lucie Morel", "Cheffe opératrice", "IDCC 3097", "09:00", "17:00", 60],
  ["2026-12-26", "Marc Diallo", "Ingénieur du son", "IDCC 2642", "09:00", "17:00", 60],
];

let dir: string;
let classeur: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-dimanches-"));
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet("PDT");
  p.addRow(["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)"]);
  for (const [d, nom, fonction, conv, debut, fin, pause] of LIGNES) {
    const row = p.addRow([new Date(`${d}T00:00:00Z`), nom, fonction, conv, h(debut), h(fin), pause]);
    row.getCell(1).numFmt = "dd/mm/yyyy";
    row.getCell(5).numFmt = "hh:mm";
    row.getCell(6).numFmt = "hh:mm";
  }
  classeur = path.join(dir, "tournage.xlsx");
  await wb.xlsx.writeFile(classeur);
});

interface ConstatJson {
  regle: string;
  gravite: string;
  message: string;
  cellule: string | null;
}

const jours = (cs: ConstatJson[]) => cs.filter((c) => /^travail-(dimanche|jour-ferie)$/.test(c.regle));
const nb = "\u00a0";

const DIMANCHE_12_AVRIL =
  `Tournage le dimanche 12${nb}avril${nb}2026 (cellule PDT!A2, 2${nb}personnes) : travail du dimanche — majoration ` +
  `conventionnelle à prévoir : IDCC 2642 : +50 % (art. VI.9 : cumulable avec la majoration des heures ` +
  `supplémentaires) ; IDCC 3097 : +100 % (titre II art. 41 : et une journée de repos le lundi ou le vendredi de la ` +
  `semaine suivante).`;
const PREMIER_MAI =
  `Tournage le vendredi 1er${nb}mai${nb}2026, fête du Travail (cellule PDT!A5, 1${nb}personne) : travail un jour ` +
  `férié — le 1er mai est férié et chômé : n'y travaille qu'un établissement dont l'activité ne peut être ` +
  `interrompue, et le salarié a droit en plus de son salaire à une indemnité égale à ce salaire (+100 %, Code du ` +
  `travail, art. L3133-4 et L3133-6) ; majoration conventionnelle à prévoir : IDCC 2642 : +200 % (art. VII.2.3 a : ` +
  `rémunération à 300 % d'un jour non férié).`;
const PENTECOTE =
  `Tournage le lundi 25${nb}mai${nb}2026, lundi de Pentecôte (cellule PDT!A6, 1${nb}personne) : travail un jour ` +
  `férié — majoration conventionnelle à prévoir : IDCC 2642 : pas de majoration (art. VII.2.4 : journée de ` +
  `solidarité de la branche, travaillée sans majoration).`;
const RECUP_3097 =
  "titre II art. 42 : plus une journée de récupération payée 7 h dans la semaine qui suit (à défaut, 7 h payées en plus)";

describe("prodbook planning : tournage un dimanche ou un jour férié", () => {
  test("--json : une alerte par jour, nommant le jour, la cellule et la majoration de chaque convention", async () => {
    const io = await planning([classeur, "--json"]);
    expect(io.code).toBe(0);
    expect(io.erreurs).toEqual([]);
    const j = JSON.parse(io.sortie[0]) as { etapes: unknown[]; controles: ConstatJson[] };
    expect(Object.keys(j)).toEqual(CHAMPS_PLANNING_JSON);
    // No steps: no delivery date (added: `livraison`, null without a rétroplanning).
    expect((j as unknown as { livraison: unknown }).livraison).toBeNull();
    // The majorations read are named with their version (added: `tables`, as the other commands).
    expect((j as unknown as { tables: { id: string }[] }).tables.map((t) => t.id)).toContain("dimanches-feries");
    // A plan de travail without steps nor devis: no dates, no critical path, nothing proposed.
    expect(j).toMatchObject({ etapes: [], debut: null, fin: null, cheminCritique: [], propositions: [] });
    expect(jours(j.controles)).toEqual([
      { regle: "travail-dimanche", gravite: "alerte", message: DIMANCHE_12_AVRIL, cellule: "PDT!A2" },
      { regle: "travail-jour-ferie", gravite: "alerte", message: PREMIER_MAI, cellule: "PDT!A5" },
      { regle: "travail-jour-ferie", gravite: "alerte", message: PENTECOTE, cellule: "PDT!A6" },
      // Sunday 1 November 2026 is also Toussaint: both are said.
      {
        regle: "travail-dimanche",
        gravite: "alerte",
        message:
          `Tournage le dimanche 1er${nb}novembre${nb}2026 (cellule PDT!A7, 1${nb}personne) : travail du dimanche — ` +
          `majoration conventionnelle à prévoir : IDCC 3097 : +100 % (titre II art. 41 : et une journée de repos le ` +
          `lundi ou le vendredi de la semaine suivante).`,
        cellule: "PDT!A7",
      },
      {
        regle: "travail-jour-ferie",
        gravite: "alerte",
        message:
          `Tournage le dimanche 1er${nb}novembre${nb}2026, Toussaint (cellule PDT!A7, 1${nb}personne) : travail un ` +
          `jour férié — majoration conventionnelle à prévoir : IDCC 3097 : +100 % (${RECUP_3097}).`,
        cellule: "PDT!A7",
      },
    ]);
    // Monday 13 April (A4) and Saturday 26 December in metropolitan France are ordinary days.
    expect(j.controles.some((c) => c.cellule === "PDT!A4" || c.cellule === "PDT!A8")).toBe(false);
  });

  test("--zone alsace-moselle : le 26 décembre est dit, sans pourcentage que la convention ne donne pas", async () => {
    const io = await planning([classeur, "--zone", "alsace-moselle", "--json"]);
    expect(io.code).toBe(0);
    const j = JSON.parse(io.sortie[0]) as { controles: ConstatJson[] };
    expect(jours(j.controles).find((c) => c.cellule === "PDT!A8")).toEqual({
      regle: "travail-jour-ferie",
      gravite: "alerte",
      message:
        `Tournage le samedi 26${nb}décembre${nb}2026, Saint-Étienne (Alsace-Moselle) (cellule PDT!A8, 1${nb}personne) : ` +
        `travail un jour férié — majoration conventionnelle à prévoir : IDCC 2642 : majoration non connue ici pour ce ` +
        `jour, à vérifier dans la convention.`,
      cellule: "PDT!A8",
    });
  });

  test("texte : le titre français et la gravité, jamais le code de la règle", async () => {
    const io = await planning([classeur]);
    expect(io.code).toBe(0);
    const t = io.sortie.join("\n");
    expect(t).toContain(`  [alerte] Travail du dimanche — ${fr(DIMANCHE_12_AVRIL)} (PDT!A2)`);
    expect(t).toContain(`  [alerte] Travail un jour férié — ${fr(PREMIER_MAI)} (PDT!A5)`);
    expect(t).not.toMatch(/travail-dimanche|travail-jour-ferie/);
  });

  test("-o : la feuille « Plan de travail » liste les alertes dans ses contrôles", async () => {
    const sortie = path.join(dir, "sortie.xlsx");
    expect((await planning([classeur, "-o", sortie])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Plan de travail")!;
    const lignes: string[][] = [];
    ws.eachRow((r) => lignes.push([1, 2, 3, 4].map((c) => String(r.getCell(c).value ?? ""))));
    expect(lignes).toEqual(
      expect.arrayContaining([
        ["Alerte", "Travail du dimanche", DIMANCHE_12_AVRIL, "PDT!A2"],
        ["Alerte", "Travail un jour férié", PREMIER_MAI, "PDT!A5"],
        ["Alerte", "Travail un jour férié", PENTECOTE, "PDT!A6"],
      ]),
    );
  });

  test("volet (calculerPlanning, la porte du volet) : les mêmes alertes parmi les contrôles affichés", async () => {
    const wb = await XlsxWorkbook.ouvrir(classeur);
    const a = await commandesPlanning.calculerPlanning(wb, {});
    expect(a.controles.filter((c) => c.regle === "travail-dimanche").map((c) => c.message)).toEqual([
      DIMANCHE_12_AVRIL,
      expect.stringContaining("dimanche 1er\u00a0novembre\u00a02026"),
    ]);
    expect(a.controles.find((c) => c.cellule === "PDT!A5")?.message).toBe(PREMIER_MAI);
  });
});

describe("dimanches et fériés : chiffres datés", () => {
  test("avant le 1er mars 2018, l'IDCC 2642 n'a pas de chiffre de jour férié ; l'IDCC 3097 garde le sien", async () => {
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("PDT");
    p.addRow(["Date", "Nom", "Convention", "Début", "Fin"]);
    p.addRow(["25/12/2017", "Marc Diallo", "IDCC 2642", "09:00", "17:00"]);
    p.addRow(["25/12/2017", "Lucie Morel", "IDCC 3097", "09:00", "17:00"]);
    const f = path.join(dir, "noel-2017.xlsx");
    await wb.xlsx.writeFile(f);
    const io = await planning([f, "--json"]);
    expect(io.code).toBe(0);
    const j = JSON.parse(io.sortie[0]) as { controles: ConstatJson[] };
    expect(jours(j.controles).map((c) => c.message)).toEqual([
      `Tournage le lundi 25${nb}décembre${nb}2017, Noël (cellule PDT!A2, 2${nb}personnes) : travail un jour férié — ` +
        `majoration conventionnelle à prévoir : IDCC 2642 : majoration non connue ici pour ce jour, à vérifier dans la ` +
        `convention ; IDCC 3097 : +100 % (${RECUP_3097}).`,
    ]);
  });
});
