import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import "../../src/app/commandes";
import { NOMS_TABLES, alerteLisible, libelleSource, nomTable, regleLisible } from "../../src/app/presentationRegles";
import { tablesRegles } from "../../src/core/regles/audit";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

/**
 * The pane's French presentation of the rules, on the real tables of src/core/regles/data and a real calculation:
 * no table id, no Paramètres key, no URL in what the user reads; each figure « à vérifier » or backed by its text.
 */
const GARDIENS = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
/** What must never reach the pane's text: a table id or key, a confidence letter, a raw URL. */
const TECHNIQUE = /https?:\/\/|credit-impot[-.]|confiance [HML]\b|\bidcc\d/;

describe("noms et textes des barèmes", () => {
  test("chaque table de src/core/regles/data a un nom français (pas son identifiant)", () => {
    for (const t of tablesRegles()) {
      expect([t.id, NOMS_TABLES[t.id]]).toEqual([t.id, expect.any(String)]);
      expect(nomTable(t.id)).not.toMatch(TECHNIQUE);
    }
    expect(nomTable("credit-impot-hebergement")).toBe("Hébergement retenu par nuitée");
  });

  test("titre de source → référence courte, sans citation ni commentaire", () => {
    expect(libelleSource("CGI art. 220 sexies, version du 12 décembre 2013 : « III. - 1. Le crédit d'impôt »")).toBe(
      "CGI art. 220 sexies",
    );
    expect(libelleSource("LF 2021 (loi n° 2020-1721), art. 145 : « II.-Le I s'applique aux exercices »")).toBe(
      "LF 2021, art. 145",
    );
    expect(libelleSource("Code du cinéma et de l'image animée, art. D331-4 (version en vigueur)")).toBe(
      "Code du cinéma et de l'image animée, art. D331-4",
    );
    // A repository file is not named in the link.
    expect(libelleSource("Impact CO2 (ADEME), src/data/categories/repas.json : repas avec l'identifiant")).toBe(
      "Impact CO2",
    );
    expect(libelleSource("Impact CO2 (ADEME), src/data/categories/caspratiques.ts, cas pratique « hotel »")).toBe(
      "Impact CO2",
    );
    expect(libelleSource("publicodes-commun (incubateur-ademe), src/commun.publicodes au commit du 22 mai 2025")).toBe(
      "publicodes-commun",
    );
    // Every real title gives a short label, without URL nor file path.
    for (const t of tablesRegles())
      for (const v of t.versions)
        for (const s of v.sources) {
          const l = libelleSource(s.titre);
          expect(l.length).toBeGreaterThan(2);
          expect(l.length).toBeLessThanOrEqual(80);
          expect(l).not.toMatch(/https?:\/\//);
          expect(l).not.toMatch(/[\w-]\/[\w.-]+\.(json|csv|js|ts|publicodes)\b/);
        }
  });

  test("plafond d'hébergement (données réelles) : texte officiel (H), version du 12 décembre 2013, lien vers le texte", () => {
    const t = tablesRegles().find((x) => x.id === "credit-impot-hebergement")!;
    const [v] = t.versions;
    const r = regleLisible({ table: t.id, ...v });
    expect(r.nom).toBe("Hébergement retenu par nuitée");
    expect(r.version).toBe("version du 12\u00a0décembre\u00a02013");
    expect([r.confiance, r.aVerifier, r.mention]).toEqual(["H", false, "texte officiel"]);
    expect(r.texte?.primaire).toBe(true);
    expect(r.texte?.url).toBe(v.sources[0].url);
    expect(r.texte?.libelle).toBe("Texte\u00a0: BOFiP ACTU-2014-00023, LFR 2012 art. 33");
    expect(r.motif).toBeUndefined();
  });

  test("une version M (taux cinéma) : « à vérifier », son motif, un lien vers sa première source", () => {
    const t = tablesRegles().find((x) => x.id === "credit-impot-cinema-realisateur")!;
    const v = t.versions[0];
    expect(v.confiance).toBe("M");
    const r = regleLisible({ table: t.id, ...v });
    expect([r.aVerifier, r.mention]).toEqual([true, "à vérifier"]);
    expect(r.motif).toBe(v.motifConfiance);
    expect(r.texte?.url).toMatch(/^https:\/\//);
    expect(r.texte?.libelle).toMatch(/^(Texte|Source)\u00a0: \S/);
  });

  test("un message du cœur : identifiant de table → nom, confiance → « à vérifier », adresse → lien nommé", () => {
    const src = tablesRegles().find((x) => x.id === "credit-impot-cinema")!.versions[0].sources[0];
    const a = alerteLisible(`Taux lu dans credit-impot-cinema (confiance M, source ${src.url}).`);
    expect(a.texte).toBe("Taux lu dans Taux du crédit d'impôt cinéma (à vérifier).");
    expect(a.liens).toEqual([expect.objectContaining({ url: src.url, titre: src.titre })]);
    // A « Paramètres » key, bare or already between guillemets, becomes its label once.
    const libelles = new Map([["credit-impot.cinema.taux", "Taux de base du crédit d'impôt cinéma"]]);
    expect(
      alerteLisible("'Paramètres'!B2 : paramètre « credit-impot.cinema.taux » sans objet, ignoré.", libelles).texte,
    ).toBe("'Paramètres'!B2 : paramètre «\u00a0Taux de base du crédit d'impôt cinéma\u00a0» sans objet, ignoré.");
    expect(alerteLisible("indiquez-le (credit-impot.cinema.taux).", libelles).texte).toBe(
      "indiquez-le («\u00a0Taux de base du crédit d'impôt cinéma\u00a0»).",
    );
  });
});

describe("présentation d'un calcul réel de crédit d'impôt (« Budget Gardiens »)", () => {
  test("alertes sans identifiant ni adresse ; chaque chiffre « à vérifier » ou « texte officiel » avec son lien", async () => {
    const wb = await XlsxWorkbook.ouvrir(GARDIENS);
    const r = await creerEnvoyeur(wb)("calculerCreditImpot", {
      regime: "audiovisuel",
      genre: "documentaire",
      annee: 2025,
      dureeMinutes: 52,
      hebergement: "paris",
    });
    const p = r.presentation;
    // The core's lines name tables, confidences and URLs (the CLI prints them); the pane's do not.
    expect(r.alertes.some((a) => TECHNIQUE.test(a))).toBe(true);
    expect(p.alertes.length).toBeGreaterThan(0);
    for (const a of p.alertes) expect(a.texte).not.toMatch(TECHNIQUE);
    // The « à vérifier : … » lines became badges on the figures, not alerts.
    expect(p.alertes.filter((a) => a.texte.startsWith("à vérifier"))).toEqual([]);
    // The Paramètres key the user must fill is named by its label.
    expect(p.alertes.map((a) => a.texte).join("\n")).toContain(
      "dans la feuille Paramètres («\u00a0Rémunérations des artistes-interprètes au minimum conventionnel\u00a0»)",
    );
    const hebergement = p.chiffres.find((c) => c.libelle.startsWith("Hébergement retenu par nuit"))!;
    expect([hebergement.valeur, hebergement.aVerifier, hebergement.mention]).toEqual([
      "270,00\u00a0€",
      false,
      "texte officiel",
    ]);
    expect(hebergement.texte?.primaire).toBe(true);
    const taux = p.chiffres.find((c) => c.libelle === "Taux documentaire")!;
    const param = r.parametres.find((x) => x.libelle === "Taux documentaire")!;
    expect([taux.aVerifier, taux.mention]).toEqual([
      param.confiance !== "H",
      param.confiance !== "H" ? "à vérifier" : "texte officiel",
    ]);
    expect(p.chiffres.filter((c) => c.aVerifier).length).toBe(r.parametres.filter((x) => x.aVerifier).length);
    for (const c of p.chiffres) expect(c.texte?.url).toMatch(/^https?:\/\//);
    // One text per table version used, in French.
    expect(p.textes.map((t) => t.cle)).toEqual(r.tables.map((t) => `${t.table}@${t.effetDu}`));
    for (const t of p.textes) {
      expect(`${t.nom} ${t.version} ${t.mention} ${t.texte?.libelle}`).not.toMatch(TECHNIQUE);
      expect(t.version).toMatch(/^version du (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}/);
    }
  });
});
