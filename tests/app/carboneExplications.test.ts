import * as path from "path";
import { commandesCarbone } from "../../src/app/commandes/carbone";
import { bilanCarbone } from "../../src/core/carbone/bilanClasseur";
import { facteursEnVigueur } from "../../src/core/carbone/facteurs";
import type { ActiviteEstimee } from "../../src/core/carbone/modele";
import { totalDetaille, traceFacteur } from "../../src/core/traces/carbone";
import { chercherTrace, type Trace } from "../../src/core/traces/trace";
import { traceAffichee, type TraceAffichee } from "../../src/app/traces";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";

const PLAN = path.resolve(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

/** What the pane must not show: a factor code, a Paramètres key, a confidence letter, a table id. */
const TECHNIQUE = /carbone\.[a-z]|\bcode «|confiance [HML]\b|\[[HML](, à vérifier)?\]|carbone-facteurs|Facteur « /;

function textes(t: Trace | TraceAffichee): string[] {
  return [t.libelle, t.formule ?? "", ...(t.entrees ?? []).flatMap((e: Trace | TraceAffichee) => textes(e))];
}

/** The first node of the pane's tree (depth first) that `ok` accepts. */
function trouver(t: TraceAffichee, ok: (x: TraceAffichee) => boolean): TraceAffichee | undefined {
  if (ok(t)) return t;
  for (const e of t.entrees ?? []) {
    const x = trouver(e, ok);
    if (x) return x;
  }
  return undefined;
}

/** Every string of the pane's tree (labels, formulas, cells, the rule's name and links), URLs left out. */
function tout(t: TraceAffichee): string[] {
  const r = t.regle;
  return [
    ...textes({ ...t, entrees: [] }),
    t.cellule ?? "",
    ...(r
      ? [r.nom, r.surcharge ?? "", ...[r.source, ...(r.sources ?? [])].flatMap((s) => (s ? [s.libelle] : []))]
      : []),
    ...(t.entrees ?? []).flatMap(tout),
  ];
}

describe("Carbone page: « D'où vient ce chiffre ? » in the pane's words", () => {
  test("core traces: ids and confidence in the rule (structured), none in the text; values unchanged", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await bilanCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    const { total } = totalDetaille(r.traces, r.activites);
    // The text of the tree (labels, formulas) is the pane's: no code, key, confidence letter or table id…
    expect(textes(total).filter((x) => TECHNIQUE.test(x))).toEqual([]);
    // …those are the rules' fields, which the CLI writes and the pane names.
    const facteur = chercherTrace(
      total,
      (x) => x.libelle === "Facteur d'émission (kg CO₂e / k€ HT)" && x.valeur === "77",
    );
    expect(facteur).toMatchObject({
      formule: "Base Carbone 43475 — Assurance, réassurance, retraites, 2023",
      regle: { table: "carbone-facteurs", effetDu: "2023-03-31", confiance: "M", cle: "carbone.ratio-assurance" },
    });
    // The ferry line: no factor in the table; the rule names the key the table lists as missing.
    const ferry = chercherTrace(total, (x) => x.cellule === "'Budget Gardiens'!B47")!;
    expect(ferry).toMatchObject({
      valeur: "0",
      operation: "nul",
      formule: "facteur d'émission manquant : non chiffré",
      regle: { table: "carbone-facteurs", cle: "carbone.ferry", confiance: "M" },
    });
    // The editing room: no factor per day, estimated on its amount (G59) with the 2023 money ratio 43375 (M).
    const salle = chercherTrace(total, (x) => x.cellule === "'Budget Gardiens'!B59")!;
    expect(salle).toMatchObject({ valeur: "0.5616", formule: "base × facteur ÷ 1 000" });
    expect(chercherTrace(salle, (x) => x.cellule === "'Budget Gardiens'!G59")).toMatchObject({ valeur: "3600.00" });
    expect(chercherTrace(salle, (x) => x.libelle === "Facteur d'émission (kg CO₂e / k€ HT)")).toMatchObject({
      valeur: "156",
      formule:
        "Base Carbone 43375 — Cinéma, TV, musique, enregistrement / Programmation, diffusion – 2023 (ratio " +
        "monétaire, export V23.6)",
      regle: { table: "carbone-facteurs", cle: "carbone.ratio-cinema-audiovisuel", confiance: "M" },
    });
    // A week of shooting equipment counted by the plan de travail: no table rule, the plan said in words.
    const camera = chercherTrace(total, (x) => x.cellule === "'Budget Gardiens'!C52, E52")!;
    expect(camera.formule).toContain("(jours de tournage par semaine au plan de travail « PDT »)");
    expect(camera.regle).toBeUndefined();
  });

  test("estimerCarbone: the pane's trees are the core's through traceAffichee, rules by name, « à vérifier », links", async () => {
    const wb = await XlsxWorkbook.ouvrir(PLAN);
    const r = await commandesCarbone.estimerCarbone(wb, { planning: "PDT", date: "2026-06-01" });
    expect(r.traces).toBeUndefined();
    const ex = r.explications!;
    expect(ex.total.libelle).toBe("Total prévisionnel (t CO₂e)");
    // 978,88 kg + the post-production's 9,7 k€ × 156 kg CO₂e/k€ HT (1 513,2 kg).
    expect(ex.total.valeur).toBe("2,49208");
    expect(Object.keys(ex.categories).sort()).toEqual(r.bilan.categories.map((c) => c.code).sort());
    for (const t of [ex.total, ex.definitif, ex.partActivite, ex.partMonetaire, ...Object.values(ex.categories)])
      expect(tout(t).filter((x) => TECHNIQUE.test(x))).toEqual([]);
    const assurance = trouver(
      ex.total,
      (x) => x.libelle === "Facteur d'émission (kg CO₂e / k€ HT)" && x.valeur === "77",
    );
    expect(assurance?.formule).toBe("Base Carbone 43475 — Assurance, réassurance, retraites, 2023");
    expect(assurance?.regle).toMatchObject({
      nom: "Facteurs d'émission du bilan carbone",
      effetDu: "2023-03-31",
      aVerifier: true,
    });
    // The missing factor and the convention: « à vérifier » from their rules, the table by its French name.
    const ferry = trouver(ex.categories.transport, (x) => x.cellule === "'Budget Gardiens'!B47")!;
    expect(ferry.formule).toBe("facteur d'émission manquant : non chiffré");
    expect(ferry.regle).toMatchObject({ nom: "Facteurs d'émission du bilan carbone", aVerifier: true });
    const salle = trouver(
      ex.categories.postproduction,
      (x) => x.libelle === "Facteur d'émission (kg CO₂e / k€ HT)" && x.valeur === "156",
    )!;
    expect(salle.formule).toMatch(/^Base Carbone 43375 — Cinéma, TV/);
    expect(salle.regle).toMatchObject({ nom: "Facteurs d'émission du bilan carbone", aVerifier: true });
  });

  test("a factor's own pinned page is named by its source's title, not by the URL's host", () => {
    const jeu = facteursEnVigueur("2026-06-01");
    const f = jeu.facteurs.get("train-tgv")!;
    const t = traceAffichee(traceFacteur({ facteurTrouve: f } as ActiviteEstimee, jeu)!);
    expect(t).toMatchObject({
      libelle: "Facteur d'émission (kg CO₂e / passager.km)",
      valeur: "0,00293",
      formule: "Base Carbone 43256 — TGV, 2022",
      regle: { nom: "Facteurs d'émission du bilan carbone", aVerifier: false },
    });
    expect(t.regle?.source).toMatchObject({
      libelle: "Source\u00a0: Impact CO2, deplacement.json, élément 43256",
      url: f.url,
    });
  });

  test("a factor typed in « Paramètres »: its cell in the text, the override in the rule (confidence L, no source)", () => {
    const jeu = facteursEnVigueur(
      "2026-06-01",
      new Map([["carbone.train-tgv", { valeur: "0,004", cellule: "Paramètres!B2" }]]),
    );
    const a = { facteurTrouve: jeu.facteurs.get("train-tgv")! } as ActiviteEstimee;
    const t = traceFacteur(a, jeu)!;
    expect(t).toMatchObject({
      libelle: "Facteur d'émission (kg CO₂e / passager.km)",
      valeur: "0.004",
      formule: "valeur saisie en Paramètres!B2",
      regle: { table: "carbone-facteurs", cle: "carbone.train-tgv", confiance: "L", surcharge: "Paramètres!B2" },
    });
    expect(t.regle?.source).toBeUndefined();
    expect(traceAffichee(t).regle).toEqual({
      nom: "Facteurs d'émission du bilan carbone",
      effetDu: "2023-03-31",
      confiance: "L",
      aVerifier: true,
      surcharge: "Paramètres!B2",
    });
  });
});
