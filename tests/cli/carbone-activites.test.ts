/**
 * Issue 15 through the built binary (bin/prodbook.js, npm run build:cli): a real .xlsx devis with a ferry, a van, a
 * truck, hotel nights, a lodging forfait, meals and equipment rental. What the factor table can estimate is estimated
 * (the van per km, the truck per t.km by its PTAC class, hotel nights by the night, the forfait by its amount, meals);
 * what it cannot (the ferry, the equipment) stays « facteur manquant », with its cell and what to enter instead.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, dossierTemporaire } from "../helpers/cli";
import { lireRecalcule, recalculer, resultat, sansResultats } from "../helpers/libreoffice";

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
  conversion: {
    code: string;
    quantite: string;
    unite: string;
    joursParUnite: string;
    confiance: string;
    plan: string | null;
  } | null;
}
interface Sortie {
  total: string;
  partActivite: string;
  partMonetaire: string;
  categories: { code: string; tCO2e: string; activites: Activite[] }[];
  manquants: { cellule: string; message: string }[];
  facteursManquants: { code: string; libelle: string; raison: string; conseil: string | null }[];
  couverture: Record<string, string | boolean>;
  conversions: {
    code: string;
    joursParUnite: string;
    de: string;
    fixeLe: string;
    confiance: string;
    source: string;
    plan: string | null;
  }[];
  plan: { feuille: string; semaines: { lundi: string; jours: number }[]; joursParSemaine: number | null } | null;
}

async function devisTournageCorse(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const r of [
    ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"],
    ["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"],
    ["6.1", "Ferry Marseille–Ajaccio (400 km)", 6, "billet", 1, 90, 540],
    ["6.2", "Location utilitaire 12 m3", 850, "km", 1, 0.6, 510],
    ["6.3", "Camion 19 t machinerie", 2400, "t.km", 1, 0.5, 1200],
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

const carbone = (fichier: string, ...options: string[]) =>
  binaire(["carbone", fichier, "--date", "2026-06-01", ...options]);

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

  test("les nuits d'hôtel sont estimées par nuitée (4,3 kg CO₂e, étude ADEME tourisme 2022, M)", () => {
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
    // A forfait without nights: on its amount, 0,64 k€ × 250 (Base Carbone 43525, 2023) = 160 kg, and the nights are asked for.
    expect(vue(activite("Devis!B7"))).toEqual([
      "Hébergement (nuitées)",
      null,
      "nuitée",
      "ratio-hebergement-restauration",
      "250",
      "ratio monétaire",
      "160",
    ]);
    expect(j.manquants).toContainEqual({
      cellule: "Devis!B7",
      message: "Nombre de nuitées à indiquer — 1 forfait, C7 × E7.",
    });
  });

  test("utilitaire et camion estimés avec leur élément de la Base Carbone ; ferry : facteur manquant, ce qu'il faut saisir", () => {
    // 850 km × 0,547 kg CO₂e/km (Base Carbone 21030, VUL 3,5 t, élément archivé : L).
    expect(vue(activite("Devis!B4"))).toEqual([
      "Véhicule utilitaire",
      "850",
      "km",
      "utilitaire",
      "0.547",
      "donnée d'activité",
      "464.95",
    ]);
    expect(activite("Devis!B4").source).toMatch(
      /^Base Carbone 21030 — Véhicule Utilitaire Léger, PTAC 3,5 t, express, .* \[L, à vérifier\]$/,
    );
    // 2 400 t.km × 0,16 (Base Carbone 28033, camion rigide 12 à 20 t, PTAC 19 t lu dans le libellé : M).
    expect(vue(activite("Devis!B5"))).toEqual([
      "Camion",
      "2400",
      "t.km",
      "camion-rigide-12-20t",
      "0.16",
      "donnée d'activité",
      "384",
    ]);
    expect([activite("Devis!B5").uniteFacteur, activite("Devis!B5").source]).toEqual([
      "t.km",
      "Base Carbone 28033 — Rigide, 12 à 20 tonnes, diesel routier, incorporation 7 % de biodiesel (GLEC Framework, " +
        "février 2020) [M, à vérifier]",
    ]);
    expect(vue(activite("Devis!B3"))).toEqual([
      "Ferry",
      "2400",
      "passager.km",
      "ferry",
      null,
      "facteur manquant",
      null,
    ]);
    const message = (c: string) => j.manquants.find((m) => m.cellule === c)?.message;
    expect(message("Devis!B3")).toBe(
      "Facteur manquant pour « Ferry » (Ferry Marseille–Ajaccio (400 km)) : aucun facteur d'émission sourcé en kg " +
        "CO₂e par passager.km (« Ferry », raison dans le tableau des facteurs de la feuille « Bilan carbone ») ; " +
        "chiffrez la traversée avec le calculateur homologué (nombre de passagers et distance de la traversée), ou, " +
        "pour une première estimation sur son montant, choisissez dans la colonne « Code facteur » le ratio " +
        "monétaire « Transport par eau » (Base Carbone 43560, 2023, à vérifier) — montant lu : " +
        "540,00\u00a0€ HT ; ou donnez un facteur dans la feuille « Paramètres » (clé carbone.ferry).",
    );
    // Estimated: nothing to complete for the van and the truck.
    expect([message("Devis!B4"), message("Devis!B5")]).toEqual([undefined, undefined]);
    expect(j.facteursManquants.find((m) => m.code === "ferry")?.raison).toMatch(/21856 .*21860 /);
  });

  test("location de matériel : facteur manquant, avec ce que demande Carbon'Clap, les jours et le montant lus", () => {
    expect(["Devis!B10", "Devis!B11", "Devis!B12"].map((c) => vue(activite(c)))).toEqual([
      ["Location caméra", "12", "jour", "location-materiel", null, "facteur manquant", null],
      ["Location lumière", "12", "jour", "location-materiel", null, "facteur manquant", null],
      // 2 semaines × 5 jours d'utilisation (convention L of the table).
      ["Location machinerie", "10", "jour", "location-materiel", null, "facteur manquant", null],
    ]);
    expect(j.manquants.find((m) => m.cellule === "Devis!B10")?.message).toBe(
      "Facteur manquant pour « Location caméra » (Location caméra Alexa Mini) : aucun facteur d'émission sourcé en " +
        "kg CO₂e par jour (« Location de matériel (caméra, lumière, machinerie, son) », raison dans le tableau des " +
        "facteurs de la feuille « Bilan carbone ») ; Carbon'Clap demande le type de matériel et sa durée " +
        "d'utilisation (FAQ Carbon'Clap d'Ecoprod) : saisissez-y la catégorie de matériel (caméra, lumière, " +
        "machinerie, son) et ses jours d'utilisation — jours d'utilisation lus : 12 ; montant lu : " +
        "5\u202f400,00\u00a0€ HT ; ou donnez un facteur dans la feuille « Paramètres » (clé carbone.location-materiel).",
    );
    // Weeks: the days of use carried to the calculator are the converted ones (2 semaines × 5 j).
    expect(j.manquants.find((m) => m.cellule === "Devis!B12")?.message).toMatch(
      /jours d'utilisation lus : 10 \(2 semaines × 5 jours : convention à vérifier, clé carbone\.jours-par-semaine\) ; montant lu : 3\u202f000,00\u00a0€ HT ; ou donnez/,
    );
    expect(j.facteursManquants.find((m) => m.code === "location-materiel")?.conseil).toMatch(
      /^Carbon'Clap demande le type de matériel et sa durée d'utilisation \(FAQ Carbon'Clap d'Ecoprod\)/,
    );
    // The field is added for every missing factor (null when the table gives no advice).
    expect(j.facteursManquants.find((m) => m.code === "regie")?.conseil).toBeNull();
    expect(j.facteursManquants.map((m) => m.code).sort()).toEqual(
      ["camion-porteur", "ferry", "location-materiel", "postproduction", "regie"].sort(),
    );
  });

  test("totaux : 464,95 + 384 + 258 + 160 + 61,2 = 1 328,15 kg, soit 1,33 t CO₂e ; chaque euro du devis est classé", () => {
    expect(vue(activite("Devis!B8"))).toEqual([
      "Repas végétarien",
      "120",
      "repas",
      "repas-vegetarien",
      "0.51",
      "donnée d'activité",
      "61.2",
    ]);
    expect([j.total, j.partActivite, j.partMonetaire]).toEqual(["1.33", "0.8795", "0.1205"]);
    expect(j.categories.map((c) => [c.code, c.tCO2e])).toEqual([
      ["transport", "0.85"],
      ["hebergement", "0.42"],
      ["repas", "0.06"],
      ["materiel", "0.00"],
      ["energie", "0.00"],
      ["achats", "0.00"],
      ["postproduction", "0.00"],
    ]);
    expect(j.couverture).toMatchObject({
      lignes: "21670.00",
      activite: "8490.00",
      monetaire: "640.00",
      facteurManquant: "12540.00",
      conserve: true,
    });
  });

  test("sortie texte : le total et les manquants avec leur cellule", () => {
    const r = carbone(fichier);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "Total prévisionnel\u00a0: 1,33 t CO₂e (données d'activité 88,0\u00a0%, ratios monétaires 12,0\u00a0%)",
    );
    expect(r.out).toContain("À compléter (5)\u00a0:");
    expect(r.out).toMatch(/Transport de personnes +0,85 t +\(3\u00a0activités, 1\u00a0facteur manquant\)/);
    expect(r.out).toMatch(/Hébergement +0,42 t +\(2\u00a0activités\)/);
    expect(r.out).toMatch(
      /Devis!B11 — Facteur manquant pour «\u00a0Location lumière\u00a0» .*montant lu\u00a0: 3\u202f600,00\u00a0€ HT/,
    );
  });
});

/** A rental devis counted in weeks, with a per-day factor the production typed in « Paramètres » for the equipment. */
async function devisSemaines(parametres: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const r of [
    ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"],
    ["6", "TRANSPORTS"],
    ["6.1", "Ferry Toulon–Bastia (350 km)", 4, "billet", 1, 80, 320],
    ["6.2", "Fourgon régie", 600, "km", 1, 0.5, 300],
    ["7", "MOYENS TECHNIQUES"],
    ["7.1", "Location caméra", 3, "semaine", 1, 2500, 7500],
    ["7.2", "Location lumière (forfait semaine)", 2, "forfait", 1, 1200, 2400],
  ])
    ws.addRow(r);
  const p = wb.addWorksheet("Paramètres");
  for (const r of [["Paramètre", "Valeur"], ...parametres]) p.addRow(r);
  const f = path.join(dossier(), "devis-semaines.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

const vueManquant = (a: Activite) => [a.poste, a.codeFacteur, a.facteur, a.methode, a.kgCO2e];

describe("prodbook carbone (binaire) : location à la semaine comptée en jours d'utilisation", () => {
  const FACTEUR = ["carbone.location-materiel", "12"];

  test("« Location caméra | 3 | semaine » : 15 jours (3 semaines × 5 j), × 12 kg = 180 kg ; fourgon estimé, ferry manquant", async () => {
    const r = carbone(await devisSemaines([FACTEUR]), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j: Sortie = JSON.parse(r.out);
    const a = (c: string) => j.categories.flatMap((x) => x.activites).find((x) => x.cellule === c)!;
    expect([a("Devis!B6").quantite, a("Devis!B6").unite, a("Devis!B6").facteur, a("Devis!B6").kgCO2e]).toEqual([
      "15",
      "jour",
      "12",
      "180",
    ]);
    expect(a("Devis!B6").conversion).toEqual({
      code: "jours-par-semaine",
      quantite: "3",
      unite: "semaine",
      joursParUnite: "5",
      confiance: "L",
      plan: null,
    });
    // « forfait semaine » in the label: 2 weeks, 10 days, 120 kg.
    expect([a("Devis!B7").quantite, a("Devis!B7").kgCO2e, a("Devis!B7").conversion?.quantite]).toEqual([
      "10",
      "120",
      "2",
    ]);
    expect(a("Devis!B6").source).toBe("Paramètres 'Paramètres'!B2 [L, à vérifier]");
    // 300 kg of equipment + 600 km × 0,547 = 328,2 kg of van = 0,63 t CO₂e.
    expect(j.total).toBe("0.63");
    expect(j.categories.find((c) => c.code === "materiel")?.tCO2e).toBe("0.30");
    // No factor in force for the ferry: listed, not estimated; the van is (Base Carbone 21030, L).
    expect(vueManquant(a("Devis!B3"))).toEqual(["Ferry", "ferry", null, "facteur manquant", null]);
    expect(vueManquant(a("Devis!B4"))).toEqual([
      "Véhicule utilitaire",
      "utilitaire",
      "0.547",
      "donnée d'activité",
      "328.2",
    ]);
    expect(a("Devis!B3").conversion).toBeNull();
    expect(j.conversions.find((c) => c.code === "jours-par-semaine")).toMatchObject({
      joursParUnite: "5",
      de: "semaine",
      fixeLe: "2026-12-05",
      confiance: "L",
    });
  });

  test("Paramètres carbone.jours-par-semaine = 4 : 12 + 8 jours × 12 kg = 240 kg (+ 328,2 kg de fourgon), la conversion suit la clé", async () => {
    const r = carbone(await devisSemaines([FACTEUR, ["carbone.jours-par-semaine", 4]]), "--json");
    expect(r.code).toBe(0);
    const j: Sortie = JSON.parse(r.out);
    const a = j.categories.flatMap((x) => x.activites).find((x) => x.cellule === "Devis!B6")!;
    expect([a.quantite, a.kgCO2e, a.conversion?.joursParUnite]).toEqual(["12", "144", "4"]);
    expect(j.total).toBe("0.57");
    // The text output says the conversion and where it comes from.
    const t = carbone(await devisSemaines([FACTEUR, ["carbone.jours-par-semaine", 4]]));
    expect(t.out).toContain(
      "Durées converties en jours d'utilisation (2\u00a0lignes)\u00a0: une semaine = 4 jours " +
        "[Paramètres 'Paramètres'!B3\u202f; clé carbone.jours-par-semaine].",
    );
    expect(carbone(await devisSemaines([FACTEUR])).out).toContain(
      "Durées converties en jours d'utilisation (2\u00a0lignes)\u00a0: une semaine = 5 jours " +
        "[L, à vérifier\u202f; clé carbone.jours-par-semaine].",
    );
  });

  test("ferry : le ratio monétaire « Transport fluvial et maritime » choisi dans « Code facteur » est repris au calcul suivant", async () => {
    const sortie = path.join(dossier(), "bilan-corse.xlsx");
    const r = carbone(await devisTournageCorse(), "-o", sortie);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const bc = wb.getWorksheet("Bilan carbone")!;
    let ligne = 0;
    bc.eachRow((row, i) => {
      if (row.getCell(1).value === "devis:Devis!3") ligne = i;
    });
    // Column K, « Code facteur » (a yellow cell): the user picks the ratio the ferry's finding names.
    expect(bc.getCell(`K${ligne}`).value).toBe("ferry");
    bc.getCell(`K${ligne}`).value = "ratio-transport-maritime";
    const corrige = path.join(dossier(), "bilan-corse-ratio.xlsx");
    await wb.xlsx.writeFile(corrige);
    const apres = carbone(corrige, "--json");
    expect(apres.code).toBe(0);
    const k = JSON.parse(apres.out) as Sortie;
    const ferry = k.categories.flatMap((c) => c.activites).find((a) => a.cellule === "Devis!B3")!;
    // 540 € HT = 0,54 k€ × 590 kg CO₂e/k€ HT = 318,6 kg (Base Carbone 25006, 2016, copy of the v22.0 export: M).
    expect([ferry.codeFacteur, ferry.facteur, ferry.uniteFacteur, ferry.methode, ferry.kgCO2e]).toEqual([
      "ratio-transport-maritime",
      "590",
      "k€ HT",
      "ratio monétaire",
      "318.6",
    ]);
    expect(ferry.source).toBe(
      "Base Carbone 25006 — Service — Transport fluvial et maritime, ratio monétaire (créé en 2016) [M, à vérifier]",
    );
    expect(k.manquants.filter((m) => m.cellule === "Devis!B3")).toEqual([]);
  });

  test("la feuille écrite : conversion sur la ligne, formule vivante recalculée par LibreOffice (semaines changées dans le devis)", async () => {
    const entree = await devisSemaines([FACTEUR]);
    const sortie = path.join(dossier(), "bilan-semaines.xlsx");
    const r = carbone(entree, "-o", sortie);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const bc = wb.getWorksheet("Bilan carbone")!;
    let ligne = 0;
    let conv = 0;
    bc.eachRow((row, i) => {
      if (row.getCell(1).value === "devis:Devis!6") ligne = i;
      if (row.getCell(1).value === "jours-par-semaine") conv = i;
    });
    expect(ligne).toBeGreaterThan(0);
    // Quantité lue: the producer's weeks × 5, live; unit « jour »; the row says what was read and how.
    expect(bc.getCell(`G${ligne}`).value).toMatchObject({ formula: "Devis!C6*Devis!E6*5" });
    expect(bc.getCell(`I${ligne}`).value).toBe("jour");
    expect(String(bc.getCell(`T${ligne}`).value)).toContain(
      "3 semaines (C6 × E6) × 5 j = 15 jours d'utilisation (une semaine = 5 jours : convention du 2026-12-05, " +
        "confiance L, à vérifier ; corrigez la quantité retenue, ou la clé carbone.jours-par-semaine de la feuille " +
        "« Paramètres »).",
    );
    // The conversion itself, under the factor table: 5 days per week, L, its reason.
    expect([bc.getCell(`C${conv}`).value, bc.getCell(`E${conv}`).value, bc.getCell(`G${conv}`).value]).toEqual([
      5,
      "semaine",
      "L (à vérifier)",
    ]);
    expect(String(bc.getCell(`H${conv}`).value)).toMatch(/sans source primaire/);

    // The producer changes the camera to 4 weeks in the devis; every cached result is dropped: LibreOffice alone
    // gives 20 days × 12 kg = 0,24 t on the row and 0,36 t + 0,3282 t of van in total.
    wb.getWorksheet("Devis")!.getCell("C6").value = 4;
    const modifie = path.join(dossier(), "bilan-semaines-4.xlsx");
    await wb.xlsx.writeFile(modifie);
    const { fichier } = await sansResultats(modifie);
    const lu = await lireRecalcule(await recalculer(fichier));
    const ws = lu.getWorksheet("Bilan carbone")!;
    expect(resultat(ws.getCell(`G${ligne}`))).toBe(20);
    expect(resultat(ws.getCell(`O${ligne}`))).toBeCloseTo(0.24, 9);
    expect(resultat(ws.getCell(`P${ligne}`))).toBe("donnée d'activité");
    expect(resultat(ws.getCell("B5"))).toBeCloseTo(0.6882, 9);
  }, 240_000);
});

/**
 * A devis renting the camera and the lights by the week, the editing room by the week, a ferry and a van, with the
 * production's plan de travail (one person per shooting day, JJ/MM/AAAA) and a per-day equipment factor in
 * « Paramètres ».
 */
async function devisAvecPlan(jours: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  for (const r of [
    ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"],
    ["6", "TRANSPORTS"],
    ["6.1", "Ferry Toulon–Bastia (350 km)", 4, "billet", 1, 80, 320],
    ["6.2", "Fourgon régie", 600, "km", 1, 0.5, 300],
    ["7", "MOYENS TECHNIQUES"],
    ["7.1", "Location caméra", 3, "semaine", 1, 2500, 7500],
    ["7.2", "Location lumière (forfait semaine)", 2, "forfait", 1, 1200, 2400],
    ["8", "POST-PRODUCTION"],
    ["8.1", "Salle de montage", 2, "semaine", 1, 900, 1800],
  ])
    ws.addRow(r);
  const pdt = wb.addWorksheet("PDT");
  pdt.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Lieu"]);
  for (const j of jours) pdt.addRow([j, "Ana Leroy", "Cheffe opératrice", "08:00", "18:00", "Bastia"]);
  const p = wb.addWorksheet("Paramètres");
  for (const r of [
    ["Paramètre", "Valeur"],
    ["carbone.location-materiel", "12"],
  ])
    p.addRow(r);
  const f = path.join(dossier(), `devis-plan-${jours.length}.xlsx`);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("prodbook carbone (binaire) : une semaine de matériel de tournage compte les jours de tournage du plan", () => {
  // Tue 12 to Fri 15 May, Mon 18 to Thu 21 May, Mon 25 and Tue 26 May 2026: 4, 4 and 2 shooting days.
  const REGULIER = ["12/05/2026", "13/05/2026", "14/05/2026", "15/05/2026", "18/05/2026", "19/05/2026"].concat([
    "20/05/2026",
    "21/05/2026",
    "25/05/2026",
    "26/05/2026",
  ]);
  // 5, 6, 5 and 4 shooting days: the plan gives no single number of days per week.
  const IRREGULIER = ["11", "12", "13", "14", "15", "18", "19", "20", "21", "22", "23", "25", "26", "27", "28", "29"]
    .map((d) => `${d}/05/2026`)
    .concat(["01/06/2026", "02/06/2026", "03/06/2026", "04/06/2026"]);

  test("plan de 4 jours par semaine : caméra 3 semaines = 12 jours (144 kg), lumière 8 jours ; montage et ferry inchangés", async () => {
    const r = carbone(await devisAvecPlan(REGULIER), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j: Sortie = JSON.parse(r.out);
    const a = (c: string) => j.categories.flatMap((x) => x.activites).find((x) => x.cellule === c)!;
    expect(j.plan).toMatchObject({
      feuille: "PDT",
      semaines: [
        { lundi: "2026-05-11", jours: 4 },
        { lundi: "2026-05-18", jours: 4 },
        { lundi: "2026-05-25", jours: 2 },
      ],
      joursParSemaine: 4,
    });
    expect([a("Devis!B6").quantite, a("Devis!B6").kgCO2e, a("Devis!B6").conversion]).toEqual([
      "12",
      "144",
      { code: "jours-par-semaine", quantite: "3", unite: "semaine", joursParUnite: "4", confiance: "M", plan: "PDT" },
    ]);
    expect([a("Devis!B7").quantite, a("Devis!B7").kgCO2e, a("Devis!B7").conversion?.plan]).toEqual(["8", "96", "PDT"]);
    // Editing comes after the shoot: the table's convention (5 days, L) for its days; no factor per day, so it is
    // estimated on its amount: 1 800 € = 1,8 k€ × 156 kg CO₂e/k€ HT (Base Carbone 43375, 2023) = 280,8 kg.
    expect([a("Devis!B9").quantite, a("Devis!B9").methode, a("Devis!B9").kgCO2e, a("Devis!B9").conversion]).toEqual([
      "10",
      "ratio monétaire",
      "280.8",
      { code: "jours-par-semaine", quantite: "2", unite: "semaine", joursParUnite: "5", confiance: "L", plan: null },
    ]);
    // Estimated on its amount, the days do not change the figure: no finding on the line.
    expect(j.manquants.filter((m) => m.cellule === "Devis!B9")).toEqual([]);
    // The ferry still has no factor in force: listed, not estimated.
    expect(vueManquant(a("Devis!B3"))).toEqual(["Ferry", "ferry", null, "facteur manquant", null]);
    expect(j.manquants.find((m) => m.cellule === "Devis!B3")?.message).toMatch(/^Facteur manquant pour « Ferry »/);
    // Days from the plan are not a convention: no « Durée convertie par convention » finding for them.
    expect(j.manquants.filter((m) => /^Durée convertie/.test(m.message))).toEqual([]);
    // 144 + 96 kg of equipment + 328,2 kg of van + 10 meals × 2,04 (the plan, no meal line in the devis) = 588,6 kg,
    // + 280,8 kg of editing (on its amount) = 869,4 kg.
    expect(j.total).toBe("0.87");
    expect(j.conversions.find((c) => c.plan === "PDT")).toMatchObject({
      code: "jours-par-semaine",
      joursParUnite: "4",
      de: "semaine",
      fixeLe: "2026-05-11",
      confiance: "M",
    });
    const t = carbone(await devisAvecPlan(REGULIER));
    expect(t.out).toContain(
      "Durées converties en jours d'utilisation (3\u00a0lignes)\u00a0: une semaine = 5 jours " +
        "[L, à vérifier\u202f; clé carbone.jours-par-semaine], une semaine de tournage = 4 jours " +
        "[plan de travail «\u00a0PDT\u00a0», à vérifier\u202f; clé carbone.jours-par-semaine].",
    );
  });

  test("la feuille écrite dit d'où viennent les 4 jours, et la règle figure sous le tableau des facteurs", async () => {
    const sortie = path.join(dossier(), "bilan-plan.xlsx");
    const r = carbone(await devisAvecPlan(REGULIER), "-o", sortie);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const bc = wb.getWorksheet("Bilan carbone")!;
    let ligne = 0;
    const conv: number[] = [];
    bc.eachRow((row, i) => {
      if (row.getCell(1).value === "devis:Devis!6") ligne = i;
      if (row.getCell(1).value === "jours-par-semaine") conv.push(i);
    });
    expect(bc.getCell(`G${ligne}`).value).toMatchObject({ formula: "Devis!C6*Devis!E6*4" });
    expect(String(bc.getCell(`T${ligne}`).value)).toContain(
      "3 semaines (C6 × E6) × 4 j = 12 jours d'utilisation (une semaine = 4 jours : jours de tournage par semaine au " +
        "plan de travail « PDT », 3\u00a0semaines de tournage à partir du lundi 11\u00a0mai\u00a02026 : 4, 4 et 2 jours, à " +
        "vérifier ; corrigez la quantité retenue, ou la clé carbone.jours-par-semaine de la feuille « Paramètres »).",
    );
    // The table's convention, then the plan's shooting week (4 days, M, its reason).
    expect(conv).toHaveLength(2);
    expect([bc.getCell(`C${conv[1]}`).value, bc.getCell(`F${conv[1]}`).value, bc.getCell(`G${conv[1]}`).value]).toEqual(
      [4, "2026-05-11", "M (à vérifier)"],
    );
    expect(String(bc.getCell(`H${conv[1]}`).value)).toMatch(/^Plan de travail « PDT » : 3\u00a0semaines de tournage/);
  });

  test("plan irrégulier (5, 6, 5 et 4 jours) : la convention de 5 jours reste, et le constat le dit avec les semaines", async () => {
    const r = carbone(await devisAvecPlan(IRREGULIER), "--json");
    expect(r.code).toBe(0);
    const j: Sortie = JSON.parse(r.out);
    expect(j.plan?.joursParSemaine).toBeNull();
    expect(j.plan?.semaines.map((s) => s.jours)).toEqual([5, 6, 5, 4]);
    const camera = j.categories.flatMap((x) => x.activites).find((x) => x.cellule === "Devis!B6")!;
    expect([camera.quantite, camera.kgCO2e, camera.conversion?.joursParUnite, camera.conversion?.plan]).toEqual([
      "15",
      "180",
      "5",
      null,
    ]);
    expect(j.manquants.find((m) => m.cellule === "Devis!B6")?.message).toBe(
      "Durée convertie par convention : 3 semaines × 5 jours = 15 jours d'utilisation (une semaine = 5 jours, " +
        "convention du tableau des facteurs, à vérifier ; le plan de travail « PDT » ne compte pas le même nombre de " +
        "jours chaque semaine, 4\u00a0semaines de tournage à partir du lundi 11\u00a0mai\u00a02026 : 5, 6, 5 et 4 jours) ; " +
        "corrigez la quantité retenue de la feuille « Bilan carbone », ou donnez la clé carbone.jours-par-semaine " +
        "dans la feuille « Paramètres ».",
    );
    expect(j.conversions.some((c) => c.plan !== null)).toBe(false);
  });

  test("sans plan de travail : le constat nomme la convention de 5 jours et dit qu'un plan de travail la remplacerait", async () => {
    const r = carbone(await devisSemaines([["carbone.location-materiel", "12"]]), "--json");
    const j: Sortie = JSON.parse(r.out);
    expect(j.manquants.find((m) => m.cellule === "Devis!B6")?.message).toBe(
      "Durée convertie par convention : 3 semaines × 5 jours = 15 jours d'utilisation (une semaine = 5 jours, " +
        "convention du tableau des facteurs, à vérifier ; aucun plan de travail lu) ; corrigez la quantité retenue de " +
        "la feuille « Bilan carbone », ou donnez la clé carbone.jours-par-semaine dans la feuille « Paramètres », ou un " +
        "plan de travail (ses jours de tournage par semaine sont alors comptés).",
    );
    // Days typed in « Paramètres » are the user's: no finding.
    const k: Sortie = JSON.parse(
      carbone(
        await devisSemaines([
          ["carbone.location-materiel", "12"],
          ["carbone.jours-par-semaine", 4],
        ]),
        "--json",
      ).out,
    );
    expect(k.manquants.filter((m) => /^Durée convertie/.test(m.message))).toEqual([]);
  });
});
