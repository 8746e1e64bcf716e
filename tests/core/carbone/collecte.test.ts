import * as path from "path";
import Decimal from "decimal.js";
import { bilanCarbone } from "../../../src/core/carbone/bilanClasseur";
import { tonnes } from "../../../src/core/carbone/estimer";
import { jsonCarbone } from "../../../src/core/carbone/json";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";

const EXEMPLE = path.resolve(__dirname, "../../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.resolve(__dirname, "../../fixtures/planning/gardiens-planning.xlsx");

describe("collecte sur le devis d'exemple « Les Gardiens du littoral »", () => {
  test("chaque ligne de transport, d'hébergement, de repas et de matériel est trouvée, avec sa cellule", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(EXEMPLE), { date: "2026-06-01" });
    const vues = r.activites.map((a) => [
      a.cellule,
      a.categorie,
      a.poste,
      a.quantite ?? null,
      a.unite,
      a.facteurRetenu,
      a.methode,
    ]);
    expect(vues).toEqual([
      [
        "'Budget Gardiens'!B39",
        "achats",
        "Décors, accessoires, costumes",
        "300",
        "€ HT",
        "ratio-autres-produits-manufactures",
        "monetaire",
      ],
      ["'Budget Gardiens'!B43", "transport", "Train", null, "passager.km", "train-tgv", "a-completer"],
      ["'Budget Gardiens'!B44", "transport", "Véhicule utilitaire", null, "km", "utilitaire", "a-completer"],
      [
        "'Budget Gardiens'!B45",
        "hebergement",
        "Hébergement (nuitées)",
        "72",
        "nuitée",
        "hebergement-nuitee",
        "activite",
      ],
      ["'Budget Gardiens'!B46", "repas", "Repas (régime non précisé)", "72", "repas", "repas-moyen", "activite"],
      ["'Budget Gardiens'!B47", "transport", "Ferry", null, "passager.km", "ferry", "facteur-manquant"],
      ["'Budget Gardiens'!B48", "energie", "Carburant (gazole)", null, "litre", "gazole", "a-completer"],
      ["'Budget Gardiens'!B52", "materiel", "Location caméra", "20", "jour", "location-materiel", "facteur-manquant"],
      ["'Budget Gardiens'!B53", "materiel", "Location son", "20", "jour", "location-materiel", "facteur-manquant"],
      ["'Budget Gardiens'!B54", "materiel", "Location drone", "2", "jour", "location-materiel", "facteur-manquant"],
      [
        "'Budget Gardiens'!B55",
        "achats",
        "Consommables (supports, batteries)",
        "600",
        "€ HT",
        "ratio-produits-electroniques",
        "monetaire",
      ],
      // Post-production: no factor per room day, estimated on its amount (Base Carbone 43375, 2023).
      [
        "'Budget Gardiens'!B59",
        "postproduction",
        "Post-production",
        "40",
        "jour",
        "ratio-cinema-audiovisuel",
        "monetaire",
      ],
      [
        "'Budget Gardiens'!B60",
        "postproduction",
        "Post-production",
        "3",
        "jour",
        "ratio-cinema-audiovisuel",
        "monetaire",
      ],
      [
        "'Budget Gardiens'!B61",
        "postproduction",
        "Post-production",
        "2",
        "jour",
        "ratio-cinema-audiovisuel",
        "monetaire",
      ],
      [
        "'Budget Gardiens'!B62",
        "postproduction",
        "Post-production",
        "1500",
        "€ HT",
        "ratio-cinema-audiovisuel",
        "monetaire",
      ],
      ["'Budget Gardiens'!B66", "achats", "Assurances", "2200", "€ HT", "ratio-assurance", "monetaire"],
      [
        "'Budget Gardiens'!B67",
        "achats",
        "Services juridiques et comptables",
        "1500",
        "€ HT",
        "ratio-services-juridiques-comptables",
        "monetaire",
      ],
      [
        "'Budget Gardiens'!B68",
        "achats",
        "Services juridiques et comptables",
        "800",
        "€ HT",
        "ratio-services-juridiques-comptables",
        "monetaire",
      ],
    ]);
    // 72 nuitées = 18 nuits × 4 personnes, read by live formula from the producer's cells.
    expect(r.activites[3].formuleQuantite).toBe("'Budget Gardiens'!C45*'Budget Gardiens'!E45");
  });

  test("ce qui manque est listé avec sa cellule : distances, litres, ligne mixte, facteurs manquants", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(EXEMPLE), { date: "2026-06-01" });
    const par = (c: string) => r.manquants.filter((m) => m.cellule === c).map((m) => m.message);
    expect(par("'Budget Gardiens'!B43")).toEqual([
      "Distance manquante : indiquez les passager.km — 24 A/R, C43 × E43.",
    ]);
    expect(par("'Budget Gardiens'!B48")).toEqual(["Litres de carburant à indiquer — 1 forfait, C48 × E48."]);
    expect(par("'Budget Gardiens'!B47")[0]).toMatch(/^Ligne mixte \(transport et hébergement\)/);
    expect(par("'Budget Gardiens'!B47")[2]).toMatch(/^Facteur manquant pour « Ferry »/);
    expect(par("'Budget Gardiens'!B52")).toEqual([expect.stringMatching(/^Facteur manquant pour « Location caméra »/)]);
    // The van has a factor now (Base Carbone 21030, archived: L): only its km are asked for, by the weeks read.
    expect(par("'Budget Gardiens'!B44")).toEqual(["Distance manquante : indiquez les km — 3 semaines, C44 × E44."]);
    // A missing factor says what to do, not the bases searched (that research note stays in the factor table).
    // (the amount is written with non-breaking spaces, normalised here)
    expect(par("'Budget Gardiens'!B47")[2].replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Facteur manquant pour « Ferry » (Ferry Roscoff–Cork et hébergement Irlande) : aucun facteur d'émission " +
        "sourcé en kg CO₂e par passager.km (« Ferry », raison dans le tableau des facteurs de la feuille " +
        "« Bilan carbone ») ; chiffrez la traversée avec le calculateur homologué (nombre de passagers et distance " +
        "de la traversée), ou, pour une première estimation sur son montant, choisissez dans la colonne « Code " +
        "facteur » le ratio monétaire « Transport par eau » (Base Carbone 43560, 2023, à vérifier) — " +
        "montant lu : 2 400,00 € HT ; ou donnez un facteur dans la feuille « Paramètres » (clé carbone.ferry).",
    );
    const facteurs = r.manquants.filter((m) => m.message.startsWith("Facteur manquant")).map((m) => m.message);
    expect(facteurs.length).toBeGreaterThan(3);
    expect(facteurs.join("\n")).not.toMatch(/incubateur|Impact CO2|Base Carbone V20|futureco|Nos Gestes/);
    // Lines with an estimate and nothing to complete are not findings.
    expect(par("'Budget Gardiens'!B46")).toEqual([]);
    // Post-production: no factor per room day, estimated on its amount with the 2023 money ratio 43375: no finding.
    expect(par("'Budget Gardiens'!B62")).toEqual([]);
    expect(facteurs.join("\n")).not.toMatch(/« Post-production »/);
  });

  test("une durée en semaines (caméra, son, salle de montage) devient des jours d'utilisation, conversion dite sur sa ligne", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(EXEMPLE), { date: "2026-06-01" });
    const a = (c: string) => r.activites.find((x) => x.cellule === c)!;
    const note = (semaines: number, cellules: string) =>
      `${semaines} semaines (${cellules}) × 5 j = ${semaines * 5} jours d'utilisation (une semaine = 5 jours : ` +
      "convention du 2026-12-05, confiance L, à vérifier ; corrigez la quantité retenue, ou la clé " +
      "carbone.jours-par-semaine de la feuille « Paramètres »).";
    expect(a("'Budget Gardiens'!B52").notes).toEqual([note(4, "C52 × E52")]);
    expect(a("'Budget Gardiens'!B59").notes).toEqual([
      note(8, "C59 × E59"),
      "Pas de facteur par jour de salle sourcé : estimé sur le montant (ratio monétaire cinéma, télévision, " +
        "post-production, Base Carbone 43375, 2023, à vérifier).",
    ]);
    // The days stay a live formula over the producer's cells, × the days per week.
    expect(a("'Budget Gardiens'!B52").formuleQuantite).toBe("'Budget Gardiens'!C52*'Budget Gardiens'!E52*5");
    expect(a("'Budget Gardiens'!B52").conversion).toEqual({
      code: "jours-par-semaine",
      quantite: "4",
      unite: "semaine",
      jours: "5",
      confiance: "L",
    });
    // In days already: nothing to say.
    expect(a("'Budget Gardiens'!B54").notes).toEqual([]);
    expect(a("'Budget Gardiens'!B54").conversion).toBeUndefined();
  });

  test("chaque euro des lignes du devis est classé : estimé, à compléter, facteur manquant ou hors bilan", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(EXEMPLE), { date: "2026-06-01" });
    const c = r.couverture;
    expect(c.conserve).toBe(true);
    expect(c.lignes).toBe(r.devis.lignes.reduce((s, l) => s + l.montant, 0));
    expect(c).toMatchObject({
      // The van (1 950 €) has a factor now: « à compléter » (its km), no longer « facteur manquant ».
      // Post-production (3 600 + 2 700 + 1 900 + 1 500 = 9 700 €) is estimated by its money ratio since the 8th pass.
      parMethode: { activite: 757440, monetaire: 1510000, "a-completer": 563000, "facteur-manquant": 1050000 },
      hors: { personnel: 8921620, droits: 2300000, frais: 3184856, "non-classee": 120000 },
    });
    expect(r.hors.find((h) => h.motif === "non-classee")?.ligne.libelle).toBe("Repérages Bretagne (à ventiler)");
  });

  test("première estimation : 2,49 t CO₂e, dont 18,3 % par données d'activité (repas, nuitées) et le reste par ratios monétaires", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(EXEMPLE), { date: "2026-06-01" });
    // 72 repas × 2,04 + 72 nuitées × 4,3 + 0,3 × 231 + 0,6 × 216 + 2,2 × 77 + 2,3 × 67 = 978,88 kg, plus the
    // post-production: (3 600 + 2 700 + 1 900 + 1 500) € = 9,7 k€ × 156 kg CO₂e/k€ HT (Base Carbone 43375) = 1 513,2 kg.
    const postproduction = new Decimal(3600 + 2700 + 1900 + 1500).dividedBy(1000).times(156);
    expect(postproduction.toFixed()).toBe("1513.2");
    expect(r.totaux.parCategorie.get("postproduction")!.kg.toFixed()).toBe(postproduction.toFixed());
    expect(tonnes(r.totaux.parCategorie.get("postproduction")!.kg)).toBe("1.51");
    expect(r.totaux.total.toFixed()).toBe(new Decimal("978.88").plus(postproduction).toFixed());
    expect(r.totaux.total.toFixed()).toBe("2492.08");
    expect(tonnes(r.totaux.total)).toBe("2.49");
    // Activity data: 146,88 + 309,6 = 456,48 kg of 2 492,08.
    expect(r.totaux.partActivite.toFixed(4)).toBe("0.1832");
    // The nights counted by the devis (24 × 3) use the per-night factor, no longer the 2016 money ratio.
    expect(r.totaux.parCategorie.get("hebergement")!.kg.toFixed()).toBe("309.6");
  });

  test("avec le plan de travail : un déplacement à compléter par lieu, les jours-personne rapprochés des repas du devis", async () => {
    const r = await bilanCarbone(await XlsxWorkbook.ouvrir(PLAN), { date: "2026-06-01" });
    expect(r.plan).toMatchObject({ feuille: "PDT", jours: 5, personnes: 4, joursPersonne: 16 });
    const lieux = r.activites.filter((a) => a.origine === "plan");
    expect(lieux.map((a) => [a.id, a.cellule, a.methode])).toEqual([
      ["plan:lieu:phare du creac'h, ouessant", "PDT!A2", "a-completer"],
      ["plan:lieu:port de lampaul", "PDT!A4", "a-completer"],
      ["plan:lieu:reperages", "PDT!A13", "a-completer"],
    ]);
    // The devis already has a meal line: the plan does not add meals, it cross-checks them.
    expect(r.activites.find((a) => a.categorie === "repas")?.notes).toContain(
      "Plan de travail « PDT » : 16\u00a0jours-personne de tournage (un repas chacun), à rapprocher.",
    );
    expect(tonnes(r.totaux.total)).toBe("2.49");
  });

  test("--planning nomme une feuille absente ou sans en-tête : message en français, rien n'est écrit", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    await expect(bilanCarbone(wb, { planning: "Tournage", ecrire: true })).rejects.toThrow(
      /La feuille de plan de travail « Tournage » n'existe pas dans le classeur/,
    );
    await expect(bilanCarbone(wb, { planning: "Budget Gardiens", ecrire: true })).rejects.toThrow(
      /« Budget Gardiens » n'a pas d'en-tête de plan de travail/,
    );
    expect(await wb.feuillesProdbook()).toEqual([]);
  });
});

test("le JSON public : total en t CO₂e, catégories avec leurs activités (cellule, quantité, unité, facteur, source), manquants", async () => {
  const r = await bilanCarbone(await XlsxWorkbook.ouvrir(PLAN), { date: "2026-06-01" });
  const j = jsonCarbone(r);
  expect(j.total).toBe("2.49");
  expect(j.definitif).toBeNull();
  expect(j.categories.map((c) => [c.code, c.tCO2e, c.activites.length])).toEqual([
    ["transport", "0.00", 6],
    ["hebergement", "0.31", 1],
    ["repas", "0.15", 1],
    ["materiel", "0.00", 3],
    ["energie", "0.00", 1],
    ["achats", "0.52", 5],
    ["postproduction", "1.51", 4],
  ]);
  expect(j.categories[2].activites[0]).toMatchObject({
    cellule: "'Budget Gardiens'!B46",
    quantite: "72",
    unite: "repas",
    facteur: "2.04",
    source: "Base Carbone 20682 — Repas moyen [M, à vérifier]",
    methode: "donnée d'activité",
    kgCO2e: "146.88",
    montant: "1454.40",
  });
  expect(j.categories[0].activites[0]).toMatchObject({
    cellule: "'Budget Gardiens'!B43",
    quantite: null,
    facteur: "0.00293",
  });
  expect(j.manquants[0]).toEqual({
    cellule: "'Budget Gardiens'!B43",
    message: "Distance manquante : indiquez les passager.km — 24 A/R, C43 × E43.",
  });
  expect(j.couverture).toMatchObject({ lignes: "185709.13", conserve: true });
  expect(j.plan).toMatchObject({ feuille: "PDT", joursPersonne: 16 });
});
