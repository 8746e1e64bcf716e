import * as fs from "fs";
import * as path from "path";
import { CLES_CREDIT_IMPOT } from "../../../src/core/creditImpot/calculerCreditImpot";
import { entreesParametresCreditImpot } from "../../../src/core/creditImpot/parametresModele";
import { CLES_TEMPS_DE_TRAVAIL } from "../../../src/core/planning/parametresPlanning";
import { auditRegles, figuresLisibles, tablesDeSurcharge, tablesRegles } from "../../../src/core/regles/audit";
import { libelleCle } from "../../../src/core/regles/libellesCles";
import { CLE_ACCORD, CLE_MINIMUM } from "../../../src/core/devis/regles/contexte";
import { CLES_PARAMETRES_INTENSITE } from "../../../src/core/financement/plafonds";

const DATA = path.join(__dirname, "../../../src/core/regles/data");

test("chaque fichier de src/core/regles/data est dans l'audit, une fois", () => {
  const fichiers = fs
    .readdirSync(DATA)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
  expect(tablesRegles().map((t) => t.id)).toEqual(fichiers);
});

describe("rattacher une clé de la feuille Paramètres à sa table", () => {
  test("chaque clé du modèle Paramètres des crédits d'impôt va à la table d'où vient son chiffre", () => {
    const entrees = entreesParametresCreditImpot(2026);
    expect(entrees.length).toBeGreaterThan(15);
    for (const e of entrees) expect([e.cle, tablesDeSurcharge(e.cle)]).toEqual([e.cle, [e.table]]);
  });
  test("chaque clé des crédits d'impôt va à une seule table de crédit d'impôt ; les clés groupées par chiffre aussi", () => {
    for (const k of CLES_CREDIT_IMPOT)
      expect([k, tablesDeSurcharge(k)]).toEqual([k, [expect.stringMatching(/^credit-impot-/)]]);
    expect(tablesDeSurcharge("credit-impot.audiovisuel.duree-minimum.documentaire")).toEqual([
      "credit-impot-audiovisuel-minimum-documentaire",
    ]);
    expect(tablesDeSurcharge("credit-impot.audiovisuel.minimum-minute.fiction")).toEqual([
      "credit-impot-audiovisuel-minimum-fiction",
    ]);
    expect(tablesDeSurcharge("credit-impot.audiovisuel.minimum-minute.fiction-jeunesse")).toEqual([
      "credit-impot-audiovisuel-minimum-fiction-jeunesse",
    ]);
    expect(tablesDeSurcharge("credit-impot.audiovisuel.coproduction.part-etrangere")).toEqual([
      "credit-impot-audiovisuel-plafond-minute-coproduction",
    ]);
    expect(tablesDeSurcharge("credit-impot.audiovisuel.taux.fiction")).toEqual(["credit-impot-audiovisuel"]);
    expect(tablesDeSurcharge("credit-impot.cinema.realisateur.tranche-2")).toEqual(["credit-impot-cinema-realisateur"]);
    expect(tablesDeSurcharge("credit-impot.international.taux-vfx")).toEqual(["credit-impot-international"]);
  });
  test("financement, planning, charges, devis, carbone", () => {
    for (const k of CLES_PARAMETRES_INTENSITE)
      expect(tablesDeSurcharge(`intensite-aides.cinema.${k}`)).toEqual(["intensite-aides"]);
    for (const k of CLES_TEMPS_DE_TRAVAIL) expect(tablesDeSurcharge(k)).toEqual(["temps-de-travail"]);
    expect(tablesDeSurcharge("charges-sociales.technicien")).toEqual(["charges-sociales"]);
    expect(tablesDeSurcharge(CLE_ACCORD("fiction", "imprevus"))).toEqual(["accord-transparence"]);
    expect(tablesDeSurcharge(CLE_MINIMUM("chef-operateur"))).toEqual(["idcc2642-minima", "idcc3097-minima"]);
    expect(tablesDeSurcharge("carbone.train-km")).toEqual(["carbone-facteurs"]);
  });
  test("une clé qu'aucune table ne lit n'est rattachée à rien (pas à la table la plus proche)", () => {
    expect(tablesDeSurcharge("credit-impot")).toEqual([]);
    expect(tablesDeSurcharge("credit-impot.cinemax.taux")).toEqual([]);
    expect(tablesDeSurcharge("taux-tva")).toEqual([]);
  });
});

describe("version en vigueur à une date : bornes incluses", () => {
  const version = (date: string, id: string) => auditRegles(date).tables.find((t) => t.id === id)!.version;
  test("charges sociales : 30/04/2025 l'ancienne, 01/05/2025 la nouvelle", () => {
    // AGS 0,25 % from 1 July 2024: the version that ends on 30 April 2025 starts there.
    expect(version("2025-04-30", "charges-sociales")?.effetDu).toBe("2024-07-01");
    expect(version("2025-04-30", "charges-sociales")?.effetAu).toBe("2025-04-30");
    expect(version("2025-05-01", "charges-sociales")?.effetDu).toBe("2025-05-01");
    expect(version("2025-05-01", "charges-sociales")?.effetAu).toBeNull();
  });
  test("avant toute version : null, et les périodes couvertes sont données", () => {
    const t = auditRegles("2015-12-31").tables.find((x) => x.id === "credit-impot-cinema")!;
    expect(t.version).toBeNull();
    const brut = lireTable("credit-impot-cinema");
    expect(t.periodes).toEqual(
      brut.versions.map((v) => ({
        effetDu: v.effetDu,
        effetAu: v.effetAu ?? null,
        confiance: v.confiance,
        aVerifier: v.confiance !== "H",
      })),
    );
    expect(t.periodes.map((p) => [p.effetDu, p.effetAu, p.confiance])).toEqual([
      ["2016-01-01", "2025-12-31", "H"],
      ["2026-01-01", "2028-12-31", "M"],
    ]);
  });
});

/** A data file as written (not through the loader): what the audit must give back. */
function lireTable(id: string): {
  versions: { effetDu: string; effetAu?: string; confiance: string; valeurs: unknown }[];
} {
  return JSON.parse(fs.readFileSync(path.join(DATA, `${id}.json`), "utf8"));
}

describe("confiance de chaque période d'une table", () => {
  test("chaque période de chaque table porte la confiance de sa version ; M et L sont « à vérifier »", () => {
    for (const t of auditRegles("2026-01-01").tables) {
      const brut = lireTable(t.id);
      expect(t.periodes).toEqual(
        brut.versions.map((v) => ({
          effetDu: v.effetDu,
          effetAu: v.effetAu ?? null,
          confiance: v.confiance,
          aVerifier: v.confiance !== "H",
        })),
      );
    }
  });
  test("plafond d'hébergement : une seule période, du 12 décembre 2013, lue dans le texte (H)", () => {
    const t = auditRegles("2026-01-01").tables.find((x) => x.id === "credit-impot-hebergement")!;
    expect(t.periodes).toEqual([{ effetDu: "2013-12-12", effetAu: null, confiance: "H", aVerifier: false }]);
  });
  test("une table dont les périodes n'ont pas la même confiance les distingue (audiovisuel : H, H puis M en 2026)", () => {
    const t = auditRegles("2026-01-01").tables.find((x) => x.id === "credit-impot-audiovisuel")!;
    expect(t.periodes.map((p) => [p.effetDu, p.confiance, p.aVerifier])).toEqual([
      ["2016-01-01", "H", false],
      ["2021-12-31", "H", false],
      ["2026-01-01", "M", true],
    ]);
  });
});

test("figures en français selon leur type : centimes en euros, taux en pourcentage, minutes, grilles ligne à ligne", () => {
  expect(figuresLisibles("credit-impot-cinema-plafond", { plafondOeuvre: 3000000000 })).toEqual([
    { chemin: "Plafond par œuvre", valeur: "30\u202f000\u202f000,00\u00a0€" },
  ]);
  expect(
    figuresLisibles("credit-impot-audiovisuel-minimum-documentaire", { dureeMinutes: 24, depensesMinute: 200000 }),
  ).toEqual([
    { chemin: "Durée minimale", valeur: "24 min" },
    { chemin: "Dépenses par minute minimales", valeur: "2\u202f000,00\u00a0€" },
  ]);
  expect(
    figuresLisibles("credit-impot-cinema-realisateur", {
      tranches: [
        { jusqua: 400000000, taux: "0.15" },
        { jusqua: 700000000, taux: "0.0805" },
      ],
    }),
  ).toEqual([
    { chemin: "Tranches 1", valeur: "jusqu'à = 4\u202f000\u202f000,00\u00a0€ ; taux = 15,00\u00a0%" },
    { chemin: "Tranches 2", valeur: "jusqu'à = 7\u202f000\u202f000,00\u00a0€ ; taux = 8,05\u00a0%" },
  ]);
});

test("chaque champ des tables a son nom français dans les chiffres lus (jamais « plafondOeuvre »)", () => {
  // Every key of every version's values, at any depth, written as a field name (camelCase: « partPlansVfxMin »).
  const champs = new Set<string>();
  const parcourir = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(parcourir);
    else if (x && typeof x === "object")
      for (const [k, e] of Object.entries(x)) {
        if (/^[a-z]+[A-Z]/.test(k)) champs.add(k);
        parcourir(e);
      }
  };
  let figures = 0;
  for (const t of tablesRegles())
    for (const ver of t.versions) {
      parcourir(ver.valeurs);
      for (const f of figuresLisibles(t.id, ver.valeurs)) {
        figures++;
        // A path's fields and a grid row's « champ = valeur » labels, in French.
        const etiquettes = [
          ...f.chemin.split(" › "),
          ...[...f.valeur.matchAll(/(?:^|; )([^=;]+) = /g)].map((m) => m[1]),
        ];
        for (const e of etiquettes) expect(`${t.id} : ${e}`).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b/);
      }
    }
  expect(champs.size).toBeGreaterThan(50);
  expect(figures).toBeGreaterThan(200);
  for (const k of champs) expect(`${k} → ${libelleCle(k)}`).not.toBe(`${k} → ${k}`);
});

test("les surcharges vont à leur table ; une clé inconnue est listée à part", () => {
  const a = auditRegles(
    "2026-01-15",
    new Map([
      ["credit-impot.cinema.taux", { valeur: "25 %", cellule: "'Paramètres'!B2" }],
      ["taux-tva", { valeur: "20 %", cellule: "'Paramètres'!B3" }],
    ]),
  );
  expect(a.tables.find((t) => t.id === "credit-impot-cinema")!.surcharges).toEqual({
    "credit-impot.cinema.taux": { valeur: "25 %", cellule: "'Paramètres'!B2", lisible: "25 %" },
  });
  expect(a.tables.filter((t) => Object.keys(t.surcharges).length).map((t) => t.id)).toEqual(["credit-impot-cinema"]);
  expect(a.surchargesNonRattachees).toEqual({
    "taux-tva": { valeur: "20 %", cellule: "'Paramètres'!B3", lisible: "20 %" },
  });
});

test("une surcharge se lit en français : nombre « −0,25 », cellule au format pourcentage « −20,00 % »", () => {
  const a = auditRegles(
    "2026-01-15",
    new Map([
      ["a.taux", { valeur: "-0.2", cellule: "P!B2", nombre: true, pourcent: true }],
      ["a.seuil", { valeur: "-0.25", cellule: "P!B3", nombre: true }],
      ["a.texte", { valeur: "0.125", cellule: "P!B4" }],
      ["a.petit", { valeur: "1e-7", cellule: "P!B5", nombre: true }],
      ["a.pct", { valeur: "0.125", cellule: "P!B6", nombre: true, pourcent: true }],
    ]),
  );
  expect(Object.fromEntries(Object.entries(a.surchargesNonRattachees).map(([k, s]) => [k, s.lisible]))).toEqual({
    "a.taux": "−20,00\u00a0%",
    "a.seuil": "−0,25",
    "a.texte": "0,125",
    "a.petit": "0,0000001",
    "a.pct": "12,50\u00a0%",
  });
});

describe("un chiffre qui porte sa propre confiance M ou L est écrit « à vérifier »", () => {
  /** Every `confiance` of a figure inside a version's values (the version's own confidence is apart). */
  function confiancesDeChiffres(x: unknown): string[] {
    if (Array.isArray(x)) return x.flatMap(confiancesDeChiffres);
    if (x === null || typeof x !== "object") return [];
    return Object.entries(x as Record<string, unknown>).flatMap(([k, e]) =>
      k === "confiance" && typeof e === "string" ? [e] : confiancesDeChiffres(e),
    );
  }

  test("à chaque date où une table change de version, chaque chiffre M ou L de chaque table, et lui seul", () => {
    const dates = [...new Set(tablesRegles().flatMap((t) => t.versions.map((v) => v.effetDu)))].sort();
    let vus = 0;
    for (const date of dates)
      for (const t of auditRegles(date).tables) {
        if (!t.version) continue;
        const brut = lireTable(t.id).versions.find((v) => v.effetDu === t.version!.effetDu)!;
        const attendus = confiancesDeChiffres(brut.valeurs).filter((c) => c !== "H").length;
        const texte = t.version.lisibles.map((f) => `${f.chemin} : ${f.valeur}`).join("\n");
        const mentions = texte.match(/(?:confiance = |confiance : )[ML] \(à vérifier\)/g) ?? [];
        expect([date, t.id, mentions.length]).toEqual([date, t.id, attendus]);
        // Never a bare « M » or « L » figure confidence, never « H (à vérifier) ».
        expect([date, t.id, /(?:confiance = |confiance : )[ML](?! \(à vérifier\))/.test(texte)]).toEqual([
          date,
          t.id,
          false,
        ]);
        expect(texte).not.toMatch(/H \(à vérifier\)/);
        vus += attendus;
      }
    // The charges components, the accord lines, the grid functions, the carbon factors, the frais cinéma rates.
    expect(vus).toBeGreaterThan(100);
  });

  test("frais cinéma : frais généraux M et imprévus L, chacun « à vérifier » ; une confiance H reste nue", () => {
    expect(
      figuresLisibles("devis-frais-cinema", {
        fraisGeneraux: { taux: "0.07", confiance: "M" },
        imprevus: { taux: "0.07", confiance: "L" },
      }).map((f) => f.valeur),
    ).toEqual(["taux = 7,00\u00a0% ; confiance = M (à vérifier)", "taux = 7,00\u00a0% ; confiance = L (à vérifier)"]);
    const h = figuresLisibles("accord-transparence", lireTable("accord-transparence").versions[0].valeurs);
    expect(h.find((f) => f.chemin === "Fiction › confiance")?.valeur).toBe("H");
  });
});
