import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { incoherences, type Trace } from "../../src/core/traces/trace";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { binaire, dossierTemporaire, espacesSimples, fabriqueVariantes, fr, lancerCli } from "../helpers/cli";

/**
 * Without --duree, `devis`, `credit-impot` and `financement` take the duration the workbook writes above the devis
 * header (« documentaire 52' » in 'Budget Gardiens'!A2), as the pane's production context detects it, and say where
 * it comes from; --duree still wins. Two different durations, or none: nothing is picked.
 */
const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const PLAN = path.resolve(__dirname, "../fixtures/financement/documentaire.xlsx");
const CELLULE = "'Budget Gardiens'!A2";
const LUE = fr(`Durée : 52 min (durée lue dans le classeur, cellule ${CELLULE})`);
const dossier = dossierTemporaire("prodbook-duree-classeur-");
const variante = fabriqueVariantes(dossier);

const prodbook = (...args: string[]) => binaire(args);

const lancer = (args: string[]) => lancerCli(main, args);

/** The « Durée » input of the cost per minute's trace. */
const dureeDe = (t: Trace) => t.entrees!.find((e) => e.libelle === "Durée");
/** The duration's node of a trace when the workbook's title gives it: 52 min, with its cell. */
const NOEUD_DUREE_LUE = {
  libelle: "Durée",
  valeur: "52",
  unite: "minutes",
  operation: "valeur",
  formule: "durée lue dans le classeur",
  cellule: CELLULE,
};

describe("prodbook devis: the duration read in the workbook", () => {
  it("without --duree (built binary): 52 min from the title cell, in the text and the trace; the same figure as --duree 52", async () => {
    const r = prodbook("devis", EXEMPLE, "--date", "2026-01-15", "--explique");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(`\n  ${LUE}\n`);
    expect(r.out).toMatch(/\n {2}Coût par minute \(52 min\) +3\u202f516,71\u00a0€\n/);
    expect(r.out).toContain(fr(`← Durée : 52\u00a0min = durée lue dans le classeur [${CELLULE}]\n`));
    const j = JSON.parse((await lancer(["devis", EXEMPLE, "--date", "2026-01-15", "--json", "--explique"])).out);
    const saisie = JSON.parse(
      (await lancer(["devis", EXEMPLE, "--date", "2026-01-15", "--json", "--duree", "52"])).out,
    );
    expect(j.devis.coutMinute).toBe(saisie.devis.coutMinute);
    expect(j.devis.coutMinute).toBe("3516.71");
    // The JSON says where the duration comes from (added field): the title cell, or the option.
    expect(j.duree).toEqual({ minutes: "52", origine: "classeur", cellule: CELLULE });
    expect(saisie.duree).toEqual({ minutes: "52", origine: "option", cellule: null });
    expect(j.dureesAmbigues).toBeUndefined();
    expect(incoherences(j.traces.coutMinute)).toEqual([]);
    expect(dureeDe(j.traces.coutMinute)).toEqual(NOEUD_DUREE_LUE);
  });

  it("--duree wins over the title: 90 min, « durée saisie avec l'option --duree », no cell", async () => {
    const r = await lancer(["devis", EXEMPLE, "--date", "2026-01-15", "--duree", "90", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(fr("\n  Durée : 90 min (durée saisie avec l'option --duree)\n"));
    expect(r.out).not.toContain("durée lue dans le classeur");
    const j = JSON.parse((await lancer(["devis", EXEMPLE, "--duree", "90", "--json", "--explique"])).out);
    expect(j.devis.coutMinute).toBe("2031.88");
    expect(j.duree).toEqual({ minutes: "90", origine: "option", cellule: null });
    expect(dureeDe(j.traces.coutMinute)).toEqual({
      libelle: "Durée",
      valeur: "90",
      unite: "minutes",
      operation: "valeur",
      formule: "durée saisie avec l'option --duree",
    });
  });

  it("two different durations in the title: none picked, no cost per minute; --feuille reads the sheet named", async () => {
    const deux = await variante(EXEMPLE, "deux-durees.xlsx", (wb) => {
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value =
        "« Les Gardiens du littoral » — documentaire 52' (version 90 min)";
    });
    const r = await lancer(["devis", deux, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).devis.coutMinute).toBeNull();
    // The JSON names them too, each with its cell, and no duration used.
    expect(JSON.parse(r.out).dureesAmbigues).toEqual([
      { minutes: "52", cellule: CELLULE },
      { minutes: "90", cellule: CELLULE },
    ]);
    expect(JSON.parse(r.out).duree).toBeUndefined();
    // Named, each with its cell, never one picked among them.
    expect((await lancer(["devis", deux])).out).toContain(
      fr(
        `\n  Durée : le classeur écrit plusieurs durées, aucune n'est prise : 52 min (${CELLULE}), 90 min (${CELLULE}) ; ` +
          "indiquez --duree\n",
      ),
    );
    // A second devis whose title says 26 min: named with --feuille, its own duration is the one read.
    const deuxFeuilles = await variante(EXEMPLE, "deux-feuilles.xlsx", (wb) => {
      const ws = wb.addWorksheet("Budget court");
      ws.addRow(["Court métrage — fiction 26 min"]);
      ws.addRow([]);
      ws.addRow(["Code", "Désignation", "Qté", "Tarif", "Montant"]);
      ws.addRow(["1", "DROITS ARTISTIQUES"]);
      ws.addRow(["1.1", "Droits d'auteur", 1, 2600, 2600]);
    });
    const c = JSON.parse(
      (await lancer(["devis", deuxFeuilles, "--feuille", "Budget court", "--json", "--explique"])).out,
    );
    expect(c.devis.total).toBe("2600.00");
    expect(c.devis.coutMinute).toBe("100.00");
    expect(dureeDe(c.traces.coutMinute)!.cellule).toBe("'Budget court'!A1");
    // Without --feuille, the example's devis and its 52'.
    const e = JSON.parse((await lancer(["devis", deuxFeuilles, "--json", "--explique"])).out);
    expect(dureeDe(e.traces.coutMinute)!.cellule).toBe(CELLULE);
  });
});

describe("prodbook credit-impot: the duration read in the workbook", () => {
  const args = ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--annee", "2025"];

  it("audiovisual credit without --duree (built binary): the per-minute cap × 52 min, its cell named", async () => {
    const r = prodbook(...args, "--explique");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.split("\n")[1]).toBe(LUE);
    const lignes = r.out.split("\n");
    const i = lignes.indexOf(
      fr("    ← Plafond par minute : 75\u202f400,00\u00a0€ = 1\u202f450,00\u00a0€/min × 52 min"),
    );
    expect(i).toBeGreaterThan(0);
    expect(lignes[i + 2]).toBe(fr(`      ← Durée : 52\u00a0min = durée lue dans le classeur [${CELLULE}]`));
    const j = JSON.parse((await lancer([...args, "--json"])).out);
    const saisie = JSON.parse((await lancer([...args, "--json", "--duree", "52"])).out);
    // The same figures; only the duration's origin differs (the cell, or the option).
    expect({ ...j, duree: undefined }).toEqual({ ...saisie, duree: undefined });
    expect(j.duree).toEqual({ minutes: "52", origine: "classeur", cellule: CELLULE });
    expect(saisie.duree).toEqual({ minutes: "52", origine: "option", cellule: null });
  });

  it("--duree wins; a devis writing no duration or two still requires --duree (exit 2, nothing printed)", async () => {
    const r = await lancer([...args, "--duree", "40", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[1]).toBe(fr("Durée : 40 min (durée saisie avec l'option --duree)"));
    expect(r.out).toContain(fr("      ← Durée : 40\u00a0min = durée saisie avec l'option --duree\n"));
    const sans = path.join(dossier(), "sans-duree.xlsx");
    await ecrireDevisTest(sans);
    const deux = await variante(EXEMPLE, "deux-durees-ci.xlsx", (wb) => {
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value = "documentaire 52' ou 90 min";
    });
    const ci = (f: string) =>
      lancer(["credit-impot", f, "--regime", "audiovisuel", "--genre", "documentaire", "--annee", "2025"]);
    for (const f of [sans, deux]) {
      const x = await ci(f);
      expect([x.code, x.out]).toEqual([2, ""]);
      expect(x.err).toMatch(
        /^L'option --duree est obligatoire\s: le crédit d'impôt audiovisuel est plafonné par minute/,
      );
    }
    // The durations written are named in the refusal.
    expect((await ci(deux)).err).toBe(
      fr(
        "L'option --duree est obligatoire : le crédit d'impôt audiovisuel est plafonné par minute, et le classeur écrit " +
          `plusieurs durées, aucune n'est prise : 52 min (${CELLULE}), 90 min (${CELLULE}).`,
      ),
    );
  });
});

describe("prodbook credit-impot: two durations written, a cinema work", () => {
  const args = ["--regime", "cinema", "--genre", "documentaire", "--annee", "2025"];

  it("none taken, each named in the text (built binary) and in --json (dureesAmbigues), as devis and financement do", async () => {
    const deux = await variante(EXEMPLE, "deux-durees-cinema.xlsx", (wb) => {
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value = "documentaire 52' ou 90 min";
    });
    const r = prodbook("credit-impot", deux, ...args);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out.split("\n")[1]).toBe(
      fr(
        `Durée : le classeur écrit plusieurs durées, aucune n'est prise : 52 min (${CELLULE}), 90 min (${CELLULE}) ; ` +
          "indiquez --duree",
      ),
    );
    const j = JSON.parse((await lancer(["credit-impot", deux, ...args, "--json"])).out);
    expect(j.dureesAmbigues).toEqual([
      { minutes: "52", cellule: CELLULE },
      { minutes: "90", cellule: CELLULE },
    ]);
    expect(j.duree).toBeUndefined();
    // The credit itself is the one computed without a duration (the cinema credit has no per-minute cap).
    const un = JSON.parse((await lancer(["credit-impot", EXEMPLE, ...args, "--json"])).out);
    expect(un.dureesAmbigues).toBeUndefined();
    expect(un.duree).toEqual({ minutes: "52", origine: "classeur", cellule: CELLULE });
    expect(j.credit).toBe(un.credit);
    // --duree: that duration, nothing ambiguous said.
    const s = await lancer(["credit-impot", deux, ...args, "--duree", "90"]);
    expect(s.out.split("\n")[1]).toBe(fr("Durée : 90 min (durée saisie avec l'option --duree)"));
    const sj = JSON.parse((await lancer(["credit-impot", deux, ...args, "--duree", "90", "--json"])).out);
    expect(sj.dureesAmbigues).toBeUndefined();
    expect(sj.duree).toEqual({ minutes: "90", origine: "option", cellule: null });
  });
});

describe("prodbook financement: the duration read in the workbook", () => {
  /** The example devis beside the documentary's plan de financement (values copied from the fixture). */
  async function devisEtPlan(sansCredit = false): Promise<string> {
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(PLAN);
    const source = plan.worksheets[0];
    return variante(EXEMPLE, sansCredit ? "devis-et-plan-sans-credit.xlsx" : "devis-et-plan.xlsx", (wb) => {
      const ws = wb.addWorksheet(source.name);
      source.eachRow({ includeEmpty: true }, (row, n) => {
        // Without its crédit d'impôt line, the plan gets the one Prodbook computes on the devis.
        if (!sansCredit || !/crédit d'impôt/i.test(String(row.getCell(1).value ?? "")))
          ws.getRow(n).values = row.values as ExcelJS.CellValue[];
      });
    });
  }

  it("audiovisual work without --duree: the duration of the devis title, said with its cell; --duree wins", async () => {
    const f = await devisEtPlan();
    const r = await lancer(["financement", f, "--oeuvre", "audiovisuel", "--date", "2026-01-15"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(`\n  ${LUE}\n`);
    const s = await lancer(["financement", f, "--oeuvre", "audiovisuel", "--duree", "26", "--date", "2026-01-15"]);
    expect(s.out).toContain(fr("\n  Durée : 26 min (durée saisie avec l'option --duree)\n"));
    expect(s.out).not.toContain("durée lue dans le classeur");
    const j = (...x: string[]) =>
      lancer(["financement", f, ...x, "--date", "2026-01-15", "--json"]).then((y) => JSON.parse(y.out));
    expect((await j("--oeuvre", "audiovisuel")).duree).toEqual({
      minutes: "52",
      origine: "classeur",
      cellule: CELLULE,
    });
    expect((await j("--oeuvre", "audiovisuel", "--duree", "26")).duree).toEqual({
      minutes: "26",
      origine: "option",
      cellule: null,
    });
    // A cinema work without a credit computed: the duration serves nothing, none is read (nor said of no use).
    const c = await lancer(["financement", f, "--oeuvre", "cinema", "--date", "2026-01-15", "--json"]);
    expect(c.code).toBe(0);
    expect(JSON.stringify(JSON.parse(c.out).controles)).not.toContain("genre-duree-sans-effet");
    expect(JSON.parse(c.out).duree).toBeUndefined();
    expect((await lancer(["financement", f, "--oeuvre", "cinema", "--date", "2026-01-15"])).out).not.toContain(
      "Durée :",
    );
  });

  it("two durations in the devis title: none taken, each named in the text and in --json (dureesAmbigues)", async () => {
    const deux = await variante(await devisEtPlan(), "devis-et-plan-deux.xlsx", (wb) => {
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value = "documentaire 52' (version 90 min)";
    });
    const args = ["financement", deux, "--oeuvre", "audiovisuel", "--date", "2026-01-15"];
    const r = await lancer(args);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      fr(
        `\n  Durée : le classeur écrit plusieurs durées, aucune n'est prise : 52 min (${CELLULE}), 90 min (${CELLULE}) ; ` +
          "indiquez --duree\n",
      ),
    );
    const j = JSON.parse((await lancer([...args, "--json"])).out);
    expect(j.duree).toBeUndefined();
    expect(j.dureesAmbigues).toEqual([
      { minutes: "52", cellule: CELLULE },
      { minutes: "90", cellule: CELLULE },
    ]);
  });

  it("--explique: the duration node with its cell, and the credit computed on the devis down to its per-minute cap", async () => {
    const f = await devisEtPlan(true);
    const args = ["financement", f, "--devis", "Budget Gardiens", "--oeuvre", "audiovisuel", "--date", "2026-01-15"];
    const ci = [...args, "--credit-impot", "audiovisuel", "--genre", "documentaire", "--explique"];
    const r = prodbook(...ci);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lignes = r.out.split("\n");
    expect(lignes).toContain(fr(`  Durée : 52\u00a0min = durée lue dans le classeur [${CELLULE}]`));
    // The credit's tree: its per-minute cap × the duration read, with its cell.
    const i = lignes.indexOf(
      fr("    ← Plafond par minute : 75\u202f400,00\u00a0€ = 1\u202f450,00\u00a0€/min × 52 min"),
    );
    expect(i).toBeGreaterThan(0);
    expect(lignes[i + 2]).toBe(fr(`      ← Durée : 52\u00a0min = durée lue dans le classeur [${CELLULE}]`));
    const j = JSON.parse((await lancer([...ci, "--json"])).out);
    expect(j.traces.duree).toEqual(NOEUD_DUREE_LUE);
    expect(incoherences(j.traces.creditImpot)).toEqual([]);
    expect(incoherences(j.traces.total)).toEqual([]);
    const credit = j.parCategorie.find((c: { categorie: string }) => c.categorie === "credit-impot");
    expect(j.traces.creditImpot.valeur).toBe(credit.montant);
    // --duree: the node says the option, no cell.
    const s = JSON.parse((await lancer([...ci, "--json", "--duree", "52"])).out);
    expect(s.traces.duree).toMatchObject({ valeur: "52", formule: "durée saisie avec l'option --duree" });
    expect(s.traces.duree.cellule).toBeUndefined();
  });
});

describe("prodbook planning: the duration of the default steps read in the workbook", () => {
  const args = (f: string) => ["planning", f, "--livraison", "2026-12-18", "--genre", "documentaire"];
  // The default steps are planned for a workbook without steps of its own: the example's « Post-production » taken out
  // (with it, --genre is refused: hostile-qa-2).
  const sansEtapes = (wb: ExcelJS.Workbook) => wb.removeWorksheet(wb.getWorksheet("Post-production")!.id);
  // The text's « Durée » line (under the title and the delivery date the rétroplanning ends on).
  const ligneDuree = (out: string) => out.split("\n").find((l) => l.startsWith("  Durée"));

  it("--genre without --duree: the steps sized to the devis title's duration, said with its cell; --duree wins", async () => {
    const devisSeul = await variante(EXEMPLE, "planning-devis-seul.xlsx", sansEtapes);
    const r = prodbook(...args(devisSeul));
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(espacesSimples(r.out.split("\n")[1])).toBe(
      "  Livraison (PAD) : vendredi 18 décembre 2026 (date saisie avec l'option --livraison)",
    );
    expect(ligneDuree(r.out)).toBe(`  ${LUE}`);
    const j = JSON.parse((await lancer([...args(devisSeul), "--json"])).out);
    expect(j.duree).toEqual({ minutes: "52", origine: "classeur", cellule: CELLULE });
    // A title saying 26': the steps of --duree 26, not those of 52 minutes.
    const court = await variante(EXEMPLE, "planning-26.xlsx", (wb) => {
      sansEtapes(wb);
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value = "« Les Gardiens du littoral » — documentaire 26'";
    });
    const lu = JSON.parse((await lancer([...args(court), "--json"])).out);
    const vingtSix = JSON.parse((await lancer([...args(court), "--json", "--duree", "26"])).out);
    const cinquanteDeux = JSON.parse((await lancer([...args(court), "--json", "--duree", "52"])).out);
    expect(lu.etapes).toEqual(vingtSix.etapes);
    expect(lu.etapes).not.toEqual(cinquanteDeux.etapes);
    expect(lu.duree).toEqual({ minutes: "26", origine: "classeur", cellule: CELLULE });
    expect(cinquanteDeux.duree).toEqual({ minutes: "52", origine: "option", cellule: null });
    const t = await lancer([...args(court), "--duree", "52"]);
    expect(ligneDuree(t.out)).toBe(fr("  Durée : 52 min (durée saisie avec l'option --duree)"));
    expect(t.out).not.toContain("durée lue dans le classeur");
  });

  it("two durations written: none taken (the steps of the reference duration), each named, the steps those of a workbook writing none", async () => {
    const deux = await variante(EXEMPLE, "planning-deux.xlsx", (wb) => {
      sansEtapes(wb);
      wb.getWorksheet("Budget Gardiens")!.getCell("A2").value = "documentaire 26' (version 90 min)";
    });
    const r = await lancer(args(deux));
    expect(r.code).toBe(0);
    expect(ligneDuree(r.out)).toBe(
      fr(
        `  Durée : le classeur écrit plusieurs durées, aucune n'est prise : 26 min (${CELLULE}), 90 min (${CELLULE}) ; ` +
          "indiquez --duree",
      ),
    );
    const j = JSON.parse((await lancer([...args(deux), "--json"])).out);
    expect(j.duree).toBeUndefined();
    expect(j.dureesAmbigues).toEqual([
      { minutes: "26", cellule: CELLULE },
      { minutes: "90", cellule: CELLULE },
    ]);
    // The steps without a duration: as before this change (the reference duration of the list).
    const sans = path.join(dossier(), "planning-sans-duree.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["Projet sans durée"]);
    await wb.xlsx.writeFile(sans);
    expect(j.etapes).toEqual(JSON.parse((await lancer([...args(sans), "--json"])).out).etapes);
  });
});
