/**
 * Issue 15 through the built binary (bin/prodbook.js, npm run build:cli): a real .xlsx devis with a ferry, a van, a
 * truck, hotel nights, a lodging forfait, meals and equipment rental. What the factor table can estimate is estimated
 * (hotel nights by the night, the forfait by its amount, meals); what it cannot stays « facteur manquant », with its
 * cell and, for the equipment, what the homologated calculators ask for instead.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { BINAIRE, dossierTemporaire } from "../helpers/cli";

const dossier = dossierTemporaire("carbone-activites-");

interface Activite {
  cellule: string;
  poste: string;
  quantite: string | null;
  unite: string;
  codeFacteur: string;
  facteur: string | null;
  uniteFacteur: string | null;
  source: string | null;
  methode: string;
  kgCO2e: string | null;
}
interface Sortie {
  total: string;
  partActivite: string;
  partMonetaire: string;
  categories: { code: string; tCO2e: string; activites: Activite[] }[];
  manquants: { cellule: string; message: string }[];
  facteursManquants: { code: string; libelle: string; raison: string; conseil: string | null }[];
  couverture: Record<string, string | boolean>;
}

async function devisTournageCorse(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const r of [
    ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"],
    ["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"],
    ["6.1", "Ferry Marseille–Ajaccio (400 km)", 6, "billet", 1, 90, 540],
    ["6.2", "Location utilitaire 12 m3", 850, "km", 1, 0.6, 510],
    ["6.3", "Camion machinerie", 1200, "km", 1, 1, 1200],
    ["6.4", "Hôtel équipe Ajaccio", 15, "nuits", 4, 85, 5100],
    ["6.5", "Hébergement Marseille", 1, "forfait", 1, 640, 640],
    ["6.6", "Catering végétarien", 120, "repas", 1, 14, 1680],
    ["7", "MOYENS TECHNIQUES"],
    ["7.1", "Location caméra Alexa Mini", 12, "jours", 1, 450, 5400],
    ["7.2", "Location lumière", 12, "jours", 1, 300, 3600],
    ["7.3", "Machinerie (travelling, dolly)", 2, "semaines", 1, 1500, 3000],
  ])
    ws.addRow(r);
  const f = path.join(dossier(), "devis-corse.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

function carbone(fichier: string, ...options: string[]) {
  const r = spawnSync(process.execPath, [BINAIRE, "carbone", fichier, "--date", "2026-06-01", ...options], {
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("prodbook carbone (binaire) : ferry, utilitaire, camion, nuits d'hôtel et location de matériel", () => {
  let j: Sortie;
  let fichier: string;
  beforeAll(async () => {
    fichier = await devisTournageCorse();
    const r = carbone(fichier, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    j = JSON.parse(r.out);
  });
  const activite = (cellule: string) => j.categories.flatMap((c) => c.activites).find((a) => a.cellule === cellule)!;
  const vue = (a: Activite) => [a.poste, a.quantite, a.unite, a.codeFacteur, a.facteur, a.methode, a.kgCO2e];

  test("les nuits d'hôtel sont estimées par nuitée (4,3 kg CO2e, étude ADEME tourisme 2022, M)", () => {
    // 15 nuits × 4 chambres = 60 nuitées × 4,3 = 258 kg.
    expect(vue(activite("Devis!B6"))).toEqual([
      "Hébergement (nuitées)",
      "60",
      "nuitée",
      "hebergement-nuitee",
      "4.3",
      "donnée d'activité",
      "258",
    ]);
    expect(activite("Devis!B6").source).toBe(
      "Étude ADEME tourisme 2022 réf. 7637 — Nuit dans un hôtel, France, 2022 : énergie 2,1 + entretien 1,5 + " +
        "déplacements du personnel 0,3 + construction 0,4 (aucun poste repas) [M, à vérifier]",
    );
    // A forfait without nights: on its amount, 0,64 k€ × 320 = 204,8 kg, and the nights are asked for.
    expect(vue(activite("Devis!B7"))).toEqual([
      "Hébergement (nuitées)",
      null,
      "nuitée",
      "ratio-hebergement-restauration",
      "320",
      "ratio monétaire",
      "204.8",
    ]);
    expect(j.manquants).toContainEqual({
      cellule: "Devis!B7",
      message: "Nombre de nuitées à indiquer (1 forfait (C7 × E7)).",
    });
  });

  test("ferry, utilitaire et camion : quantités lues, facteur manquant, rien d'estimé", () => {
    expect(vue(activite("Devis!B3"))).toEqual([
      "Ferry",
      "2400",
      "passager.km",
      "ferry",
      null,
      "facteur manquant",
      null,
    ]);
    expect(vue(activite("Devis!B4"))).toEqual([
      "Véhicule utilitaire",
      "850",
      "km",
      "utilitaire",
      null,
      "facteur manquant",
      null,
    ]);
    expect(vue(activite("Devis!B5"))).toEqual([
      "Camion",
      "1200",
      "km",
      "camion-porteur",
      null,
      "facteur manquant",
      null,
    ]);
    const message = (c: string) => j.manquants.find((m) => m.cellule === c)?.message;
    expect(message("Devis!B3")).toBe(
      "Facteur manquant pour « Ferry » (Ferry Marseille–Ajaccio (400 km)) : aucun facteur d'émission sourcé en kg " +
        "CO2e par passager.km (« Ferry », raison dans le tableau des facteurs de la feuille « Bilan carbone ») ; " +
        "donnez-en un dans la feuille « Paramètres » (clé carbone.ferry) ou chiffrez ce poste avec le calculateur " +
        "homologué.",
    );
    expect(message("Devis!B5")).toMatch(
      /^Facteur manquant pour « Camion » \(Camion machinerie\) : .*carbone\.camion-porteur/,
    );
  });

  test("location de matériel : facteur manquant, avec ce que demandent Carbon'Clap et SeCO2 et le montant lu", () => {
    expect(["Devis!B10", "Devis!B11", "Devis!B12"].map((c) => vue(activite(c)))).toEqual([
      ["Location caméra", "12", "jour", "location-materiel", null, "facteur manquant", null],
      ["Location lumière", "12", "jour", "location-materiel", null, "facteur manquant", null],
      ["Location machinerie", "2", "semaine", "location-materiel", null, "facteur manquant", null],
    ]);
    expect(j.manquants.find((m) => m.cellule === "Devis!B10")?.message).toBe(
      "Facteur manquant pour « Location caméra » (Location caméra Alexa Mini) : aucun facteur d'émission sourcé en " +
        "kg CO2e par jour (« Location de matériel (caméra, lumière, machinerie, son) », raison dans le tableau des " +
        "facteurs de la feuille « Bilan carbone ») ; le calculateur homologué (Carbon'Clap, SeCO2) ne demande pas de " +
        "jours de location : saisissez-y le montant de la ligne (€ HT) ou la catégorie de matériel — montant lu : " +
        "5\u202f400,00\u00a0€ HT ; ou donnez un facteur dans la feuille « Paramètres » (clé carbone.location-materiel).",
    );
    expect(j.facteursManquants.find((m) => m.code === "location-materiel")?.conseil).toMatch(
      /^le calculateur homologué \(Carbon'Clap, SeCO2\) ne demande pas de jours de location/,
    );
    // The field is added for every missing factor (null when the table gives no advice).
    expect(j.facteursManquants.find((m) => m.code === "ferry")?.conseil).toBeNull();
    expect(j.facteursManquants.map((m) => m.code).sort()).toEqual(
      ["camion-porteur", "ferry", "location-materiel", "postproduction", "regie", "utilitaire"].sort(),
    );
  });

  test("totaux : 258 + 204,8 + 61,2 = 524 kg, soit 0,52 t CO2e ; chaque euro du devis est classé", () => {
    expect(vue(activite("Devis!B8"))).toEqual([
      "Repas végétarien",
      "120",
      "repas",
      "repas-vegetarien",
      "0.51",
      "donnée d'activité",
      "61.2",
    ]);
    expect([j.total, j.partActivite, j.partMonetaire]).toEqual(["0.52", "0.6092", "0.3908"]);
    expect(j.categories.map((c) => [c.code, c.tCO2e])).toEqual([
      ["transport", "0.00"],
      ["hebergement", "0.46"],
      ["repas", "0.06"],
      ["materiel", "0.00"],
      ["energie", "0.00"],
      ["achats", "0.00"],
      ["postproduction", "0.00"],
    ]);
    expect(j.couverture).toMatchObject({
      lignes: "21670.00",
      activite: "6780.00",
      monetaire: "640.00",
      facteurManquant: "14250.00",
      conserve: true,
    });
  });

  test("sortie texte : le total et les manquants avec leur cellule", () => {
    const r = carbone(fichier);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Total prévisionnel : 0,52 t CO2e (données d'activité 60,9 %, ratios monétaires 39,1 %)");
    expect(r.out).toContain("À compléter (7) :");
    expect(r.out).toMatch(/Transport de personnes +0,00 t +\(3\u00a0activités, 3\u00a0facteurs manquants\)/);
    expect(r.out).toMatch(/Hébergement +0,46 t +\(2\u00a0activités\)/);
    expect(r.out).toMatch(
      /Devis!B11 — Facteur manquant pour « Location lumière » .*montant lu : 3\u202f600,00\u00a0€ HT/,
    );
  });
});
