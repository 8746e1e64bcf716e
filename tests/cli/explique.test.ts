import { MOIS } from "../../src/core/util/texte";
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { chercherTrace, evaluerNoeud, incoherences, type RegleTrace, type Trace } from "../../src/core/traces/trace";
import { sourcePrincipale } from "../../src/core/regles/primaires";
import { nomTable } from "../../src/app/presentationRegles";
import ExcelJS from "exceljs";
import { devisBinaire, dossierTemporaire, lancerCli, sortieBinaire } from "../helpers/cli";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";

const EXEMPLE = path.resolve(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FIX = path.resolve(__dirname, "../fixtures");
/** `prodbook ecarts` on the example devis with the FEC of production 2024 and its correspondences. */
const ECARTS_EXEMPLE = [
  "ecarts",
  EXEMPLE,
  "--fec",
  path.join(FIX, "fec/production-2024.txt"),
  "--correspondances",
  path.join(FIX, "fec/correspondances.csv"),
];

const lancer = (args: string[]) => lancerCli(main, args);

/** Every node re-evaluates from its inputs, and the root gives the figure the command printed. */
function verifier(t: Trace, figure: string): void {
  expect(incoherences(t)).toEqual([]);
  expect(evaluerNoeud(t).toFixed(2)).toBe(figure);
}

describe("--explique: « D'où vient ce chiffre ? » in the CLI", () => {
  it("devis --json --explique: traces of the total, chapters and cost per minute, equal to the figures", async () => {
    const r = await lancer(["devis", EXEMPLE, "--duree", "52", "--json", "--explique"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    verifier(j.traces.total, j.devis.total);
    for (const c of j.devis.chapitres) verifier(j.traces.chapitres[c.code], c.total);
    expect(j.traces.coutMinute.formule).toBe("total ÷ durée");
    // Without the option, the contract is unchanged.
    const sans = JSON.parse((await lancer(["devis", EXEMPLE, "--duree", "52", "--json"])).out);
    expect(sans.traces).toBeUndefined();
    expect(Object.keys(sans)).toEqual(Object.keys(j).filter((k) => k !== "traces"));
  });

  it("devis --explique (text): an indented tree down to the cells", async () => {
    const r = await lancer(["devis", EXEMPLE, "--duree", "52", "--explique"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("D'où viennent ces chiffres\u00a0:");
    expect(r.out).toMatch(/ {2}Total du devis\u00a0: [\d\u202f]+,\d\d\u00a0€ = /);
    expect(r.out).toMatch(/← Taux\u00a0: [\d\u202f]+,\d\d\u00a0€ \['Budget Gardiens'!F\d+\]/);
    // An amount read from a formula of the producer names it, hence the cells it was computed from.
    expect(r.out).toContain(
      "← «\u00a0Frais généraux 15\u00a0%\u00a0»\u00a0: 21\u202f714,93\u00a0€ = montant lu, calculé par la formule du producteur " +
        "=ROUND(G71*15%,2) ['Budget Gardiens'!G73]",
    );
  });

  it("devis --explique (built binary): a quantité × nombre × taux line names each factor's cell, the duration typed", () => {
    const r = devisBinaire(EXEMPLE, "--duree", "52", "--explique");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "← 1.1 «\u00a0Auteur-réalisateur — droits d'auteur\u00a0»\u00a0: 12\u202f000,00\u00a0€ = quantité × nombre × taux " +
        "('Budget Gardiens'!C9 × E9 × F9) ['Budget Gardiens'!G9]\n",
    );
    expect(r.out).toMatch(/\n {4}← Durée\u00a0: 52\u00a0min = durée saisie avec l'option --duree\n/);
    // --json: the same formula, each factor with its cell (field names unchanged: libelle, valeur, cellule…).
    const j = JSON.parse(devisBinaire(EXEMPLE, "--duree", "52", "--json", "--explique").out);
    const ligne = chercherTrace(j.traces.total, (t) => t.cellule === "'Budget Gardiens'!G9")!;
    expect(ligne.formule).toBe("quantité × nombre × taux ('Budget Gardiens'!C9 × E9 × F9)");
    expect(ligne.entrees!.map((e) => e.cellule)).toEqual([
      "'Budget Gardiens'!C9",
      "'Budget Gardiens'!E9",
      "'Budget Gardiens'!F9",
    ]);
    expect(j.traces.coutMinute.entrees[1]).toEqual({
      libelle: "Durée",
      valeur: "52",
      unite: "minutes",
      operation: "valeur",
      formule: "durée saisie avec l'option --duree",
    });
  });

  it("credit-impot --explique (built binary): the share spent in France names its « Territoire » cell, the duration typed", () => {
    const sortie = sortieBinaire(
      ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"].concat([
        "--annee",
        "2025",
        "--explique",
      ]),
    );
    expect(sortie).toContain(
      // The share's own origin (the « Territoire » cell it names), not the line's eligibility column.
      "← Part dépensée en France\u00a0: 100,00\u00a0% = colonne «\u00a0Territoire\u00a0» de la ligne ['Budget Gardiens'!H9]\n",
    );
    expect(sortie).toContain("      ← Durée\u00a0: 52\u00a0min = durée saisie avec l'option --duree\n");
  });

  it("credit-impot --explique: credit = min(base × taux ; caps), the rate with its rule table", async () => {
    const args = ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"];
    const j = JSON.parse((await lancer([...args, "--annee", "2025", "--json", "--explique"])).out);
    verifier(j.traces.credit, j.credit);
    const texte = (await lancer([...args, "--annee", "2025", "--explique"])).out;
    expect(texte).toMatch(
      /Crédit d'impôt\u00a0: [\d\u202f]+,\d\d\u00a0€ = min\(crédit avant plafonds\u202f; plafonds\)/,
    );
    expect(texte).toMatch(/← Taux\u00a0: 25,00\u00a0% = taux du crédit audiovisuel \[credit-impot\.audiovisuel\.taux/);
    // Other public aid not given: counted for 0 in its ceiling, said so — never a « 0 » that reads as known.
    expect(texte).toContain(
      "← Autres aides publiques\u00a0: 0,00\u00a0€ = non renseignées, comptées pour 0\u00a0: plafond à vérifier",
    );
    // Each cap down to its rule figures: plafond par minute × durée; the public-aid ceiling, part × budget − aids.
    const lignes = texte.split("\n");
    const i = lignes.indexOf(
      "    ← Plafond par minute\u00a0: 75\u202f400,00\u00a0€ = 1\u202f450,00\u00a0€/min × 52 min",
    );
    expect(i).toBeGreaterThan(0);
    expect(lignes[i + 1]).toMatch(
      /^ {6}← Montant par minute\u00a0: 1\u202f450,00\u00a0€ \[credit-impot\.audiovisuel\.plafond-minute\.documentaire \(table credit-impot-audiovisuel-plafond-minute-documentaire\), en vigueur au (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}, confiance [HML]/,
    );
    // Every rule-table figure of the tree names its key, its table, its version in words and the version's source.
    const regles = lignes.filter((l) => /^ *← .*\[.*en vigueur au /.test(l));
    expect(regles.length).toBeGreaterThan(3);
    for (const l of regles)
      expect(l).toMatch(
        /\[[\w.-]+ \(table [\w-]+\), en vigueur au (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}, confiance [HML].* — https:\/\//,
      );
    // The duration typed as an option says so (no cell holds it).
    expect(lignes[i + 2]).toBe("      ← Durée\u00a0: 52\u00a0min = durée saisie avec l'option --duree");
    expect(texte).toMatch(
      /← Part maximale des aides publiques\u00a0: 50,00\u00a0% \[credit-impot\.aides-publiques\.plafond \(table credit-impot-aides-publiques\), /,
    );
    const ci = j.traces.credit as Trace;
    for (const p of ci.entrees!.filter((e) => e.libelle.startsWith("Plafond"))) {
      expect(incoherences(p)).toEqual([]);
      expect(p.operation).not.toBe("valeur");
    }
  });

  it("credit-impot --explique (2026): one rule version is cited by the same source in « Règles appliquées » and the tree", async () => {
    const args = ["credit-impot", EXEMPLE, "--regime", "audiovisuel", "--genre", "documentaire", "--annee", "2026"];
    const j = JSON.parse((await lancer([...args, "--json", "--explique"])).out);
    const regles: RegleTrace[] = [];
    const parcourir = (t: Trace) => {
      if (t.regle) regles.push(t.regle);
      (t.entrees ?? []).forEach(parcourir);
    };
    parcourir(j.traces.credit);
    const taux = regles.find((r) => r.cle === "credit-impot.audiovisuel.taux.documentaire")!;
    // The 2026 version (M) lists the Assemblée amendment its rate was read in first: it is cited by it, in the JSON as in
    // the text, not by the 2022 BOFiP page listed after it (which does not give the 2026 rate).
    expect(taux).toMatchObject({ table: "credit-impot-audiovisuel", effetDu: "2026-01-01", confiance: "M" });
    expect(taux.source).toMatch(/assemblee-nationale\.fr/);
    expect(taux.sources![0]).toBe(taux.source);
    const tables = j.tables as { id: string; effetDu: string; sources: { url: string }[] }[];
    expect(tables.find((t) => t.id === taux.table)!.sources[0].url).toMatch(/assemblee-nationale/);
    for (const r of regles.filter((x) => !x.surcharge)) {
      const v = tables.find((t) => t.id === r.table && t.effetDu === r.effetDu)!;
      expect(r.source).toBe(sourcePrincipale(v.sources, r.confiance)!.url);
    }
    // The text: the rate's line in « Règles appliquées » and its node in the tree end on the same address.
    const texte = (await lancer([...args, "--explique"])).out;
    const appliquees = texte
      .split(/Règles appliquées\s:\n/)[1]
      .split("\n")
      .filter((l) => l.startsWith("  "));
    const ligne = appliquees.find((l) => l.startsWith(`  ${nomTable(taux.table)},`))!;
    expect(ligne.endsWith(` ${taux.source}`)).toBe(true);
    expect(texte).toContain(
      `(table credit-impot-audiovisuel), en vigueur au 1er\u00a0janvier\u00a02026, confiance M, à vérifier — ${taux.source} (`,
    );
    // No node of that version cites the BOFiP page instead.
    expect(texte).not.toContain(
      "confiance M, à vérifier — https://bofip.impots.gouv.fr/bofip/13601-PGP.html/ACTU-2022-00085",
    );
  });

  it("financement --explique: total, reste à financer and public-aid share", async () => {
    const r = await lancer(["financement", path.join(FIX, "financement/cinema.xlsx"), "--json", "--explique"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    verifier(j.traces.total, j.total);
    expect(incoherences(j.traces.resteAFinancer)).toEqual([]);
    expect(incoherences(j.traces.intensite)).toEqual([]);
    expect(j.traces.intensite.regle.table).toBe("intensite-aides");
    // The échéancier's spending, cumulative position and largest gap (fields added to the JSON), as its figures.
    expect(j.echeancier.mois.length).toBeGreaterThan(0);
    for (const m of j.echeancier.mois) {
      verifier(j.traces.depenses[m.mois], m.depenses);
      verifier(j.traces.cumul[m.mois], m.cumul);
    }
    verifier(j.traces.besoinMaximal, j.echeancier.besoinMaximal);
    expect(Number(j.echeancier.besoinMaximal)).toBeGreaterThan(0);
    const texte = (await lancer(["financement", path.join(FIX, "financement/cinema.xlsx"), "--explique"])).out;
    expect(texte).toMatch(/\n {2}Besoin de trésorerie maximal\u00a0: [\d\u202f]+,\d\d\u00a0€ = max\(0\u202f; − min/);
    expect(texte).toMatch(/\n {6}← Dépenses d(e |')[a-zéû]+\u00a0\d{4}\u00a0: [\d\u202f]+,\d\d\u00a0€ = coût décaissé/);
    // Month by month (field added to the JSON: `traces.mois`), as the « Échéancier » sheet computes it: the cumul =
    // the previous month's + the month's balance (encaissements − dépenses), each re-evaluating to the figures.
    expect(Object.keys(j.traces.mois)).toEqual(j.echeancier.mois.map((m: { mois: string }) => m.mois));
    j.echeancier.mois.forEach(
      (m: Record<"mois" | "cumul" | "solde" | "encaissements" | "depenses", string>, i: number) => {
        const t: Trace = j.traces.mois[m.mois];
        verifier(t, m.cumul);
        expect(t.libelle).toBe(j.traces.cumul[m.mois].libelle);
        const solde = t.entrees![i ? 1 : 0];
        verifier(solde, m.solde);
        expect(solde.entrees!.map((e) => e.valeur)).toEqual([m.encaissements, m.depenses].map(String));
        if (i) expect(t.entrees![0]).toMatchObject({ libelle: j.traces.cumul[j.echeancier.mois[i - 1].mois].libelle });
      },
    );
    // The text prints each month once, its payments with their cells, in the order of the échéancier.
    const blocs = texte.split(/\n {2}(?=Trésorerie cumulée à fin )/).slice(1);
    expect(blocs).toHaveLength(j.echeancier.mois.length);
    expect(blocs[1]).toBe(
      "Trésorerie cumulée à fin mars\u00a02026\u00a0: 242\u202f857,14\u00a0€ = trésorerie cumulée à fin février\u00a02026 " +
        "+ solde du mois\n" +
        "    ← Trésorerie cumulée à fin février\u00a02026\u00a0: −53\u202f571,43\u00a0€ = reprise du mois précédent\n" +
        "    ← Solde de mars\u00a02026\u00a0: 296\u202f428,57\u00a0€ = encaissements − dépenses du mois\n" +
        "      ← Encaissements de mars\u00a02026\u00a0: 500\u202f000,00\u00a0€ = Σ échéances datées du mois\n" +
        "        ← CNC (1er\u00a0mars\u00a02026)\u00a0: 500\u202f000,00\u00a0€ = montant de la source, en un versement " +
        "['Plan de financement'!C15]\n" +
        "      ← Dépenses de mars\u00a02026\u00a0: 203\u202f571,43\u00a0€ = coût décaissé ÷ nombre de mois de dépense\n" +
        "        ← Coût décaissé × poids du mois\u00a0: 2\u202f850\u202f000,00\u00a0€ = coût décaissé × 1\n" +
        "        ← Mois de dépense\u00a0: 14 = mois de février\u00a02026 à mars\u00a02027",
    );
    // The first month spent in goes down to the cost's cell.
    expect(blocs[0]).toContain(
      "← Coût de l'œuvre\u00a0: 3\u202f000\u202f000,00\u00a0€ = lu\u00a0: coût indiqué dans le plan ['Plan de financement'!C2]",
    );
  });

  it("financement --explique (text, built binary): the échéancier's payments without a date, each with its cell", () => {
    // The built CLI (npm run build:cli), as a producer runs it.
    const sortie = sortieBinaire(["financement", path.join(FIX, "financement/cinema.xlsx"), "--explique"]);
    const arbre = sortie.slice(sortie.indexOf("D'où viennent ces chiffres\u00a0:"));
    // The producer's 150 000 € without a date are mises en participation (salary, frais généraux): no cash, so no
    // payment « sans date » of the échéancier (they stay out of its spending too).
    expect(arbre).not.toContain("Encaissements sans date");
    expect(arbre).not.toContain("(sans date)");
    expect(sortie).toContain("hors apports non numéraires (150\u202f000,00\u00a0€), qui ne se décaissent pas");
    // Each month of the échéancier, down to its payments, each with the cell it was read in.
    // Months and dates in words (« Encaissements de mars 2026 », « CNC (1er mars 2026) »), never « 2026-03 ».
    // Each inside its month's block: « Trésorerie cumulée à fin … » ← solde du mois ← encaissements ← versements.
    const mois = arbre.split(/\n {6}← Encaissements d(?:e |')/).slice(1);
    expect(mois.map((m) => m.slice(0, m.indexOf("\u00a0:")))).toEqual([
      ...MOIS.slice(1).map((m) => `${m}\u00a02026`),
      ...MOIS.slice(0, 3).map((m) => `${m}\u00a02027`),
    ]);
    expect(arbre).not.toMatch(/\d{4}-\d{2}/);
    // The month's payments: the lines right under its encaissements, one level deeper.
    const sous = (m: string) => {
      const l = m.split("\n").slice(1);
      const fin = l.findIndex((x) => !x.startsWith("        ← "));
      return fin < 0 ? l : l.slice(0, fin);
    };
    const versements = mois.flatMap(sous);
    expect(versements.length).toBe(9);
    for (const v of versements) expect(v).toMatch(/ \['Plan de financement'!C\d+\]$/);
    expect(arbre).toContain(
      "\n      ← Encaissements de mars\u00a02026\u00a0: 500\u202f000,00\u00a0€ = Σ échéances datées du mois\n" +
        "        ← CNC (1er\u00a0mars\u00a02026)\u00a0: 500\u202f000,00\u00a0€ = montant de la source, en un versement " +
        "['Plan de financement'!C15]\n",
    );
    // A plan whose payments are all dated has nothing to list.
    const docu = sortieBinaire(["financement", path.join(FIX, "financement/documentaire.xlsx"), "--explique"]);
    expect(docu).toContain("D'où viennent ces chiffres\u00a0:");
    expect(docu).not.toContain("Encaissements sans date");
  });

  it("ecarts --explique: each poste's écart = réalisé − budget down to the FEC lines", async () => {
    const r = await lancer([...ECARTS_EXEMPLE, "--json", "--explique"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const postes = Object.keys(j.traces);
    expect(postes.length).toBeGreaterThan(3);
    for (const p of postes) {
      expect(incoherences(j.traces[p].ecart)).toEqual([]);
      expect(incoherences(j.traces[p].ecartEstime)).toEqual([]);
      expect(j.traces[p].ecart.formule).toBe("réalisé − budget");
    }
    // Without -o too, each poste's réalisé goes down to the FEC lines, not to the accounts' debit and credit totals.
    const feuilles = (t: Trace): Trace[] => (t.entrees?.length ? t.entrees.flatMap(feuilles) : [t]);
    const realises = postes.map((p) => j.traces[p].realise as Trace).filter((t) => t.valeur !== "0.00");
    expect(realises.length).toBeGreaterThan(3);
    for (const t of realises) for (const f of feuilles(t)) expect(f.cellule).toMatch(/^FEC ligne \d+$/);
    // The figures the command prints (`postes`: the chapter rows, and `totaux`) have their trace, keyed as there.
    expect(Object.keys(j.tracesChapitres)).toEqual(j.postes.map((p: { code: string }) => p.code));
    for (const c of j.postes) {
      const t = j.tracesChapitres[c.code];
      verifier(t.realise, c.realise);
      verifier(t.ecart, c.ecart);
      verifier(t.ecartEstime, c.ecartEstime);
    }
    verifier(j.traceTotal.realise, j.totaux.realise);
    verifier(j.traceTotal.budget, j.totaux.budget);
    verifier(j.traceTotal.ecart, j.totaux.ecart);
    verifier(j.traceTotal.ecartEstime, j.totaux.ecartEstime);
    // Machine values: no « + » on a positive écart, « - » on a negative one.
    expect([j.traceTotal.ecartEstime.valeur, j.traceTotal.ecart.valeur]).toEqual(["600.50", "-143372.41"]);
  });

  it("ecarts --explique (text, built binary): one block, each chapter's écart down to the FEC lines, then the total", () => {
    const sortie = sortieBinaire([...ECARTS_EXEMPLE, "--explique"]);
    expect(sortie.split("D'où viennent ces chiffres\u00a0:")).toHaveLength(2);
    const arbre = sortie.slice(sortie.indexOf("D'où viennent ces chiffres\u00a0:"));
    const lignes = arbre.split("\n");
    const i = lignes.indexOf("  Écart 2 Personnel\u00a0: −46\u202f110,00\u00a0€ = réalisé − budget");
    expect(i).toBeGreaterThan(0);
    expect(lignes.slice(i, i + 6)).toEqual([
      "  Écart 2 Personnel\u00a0: −46\u202f110,00\u00a0€ = réalisé − budget",
      "    ← Réalisé 2 Personnel\u00a0: 8\u202f000,00\u00a0€ = Σ réalisé des postes du chapitre",
      "      ← Réalisé 2\u00a0: 8\u202f000,00\u00a0€ = Σ 1 compte de classe 6 affecté au poste",
      "        ← Compte 641100 Salaires techniciens\u00a0: 8\u202f000,00\u00a0€ = Σ 1 ligne du FEC (débit − crédit)",
      "          ← OD OD0001 «\u00a0Paie janvier réalisateur\u00a0»\u00a0: 8\u202f000,00\u00a0€ = débit − crédit, compte 641100, écriture du 31\u00a0janvier\u00a02024 [FEC ligne 4]",
      "    ← Budget 2 Personnel\u00a0: 54\u202f110,00\u00a0€ = Σ lignes du devis du chapitre",
    ]);
    // The total after the chapters, its chapters named without their detail (given above).
    const t = lignes.indexOf("  Écart total\u00a0: −143\u202f372,41\u00a0€ = réalisé total − budget total");
    expect(t).toBeGreaterThan(i);
    expect(lignes[t + 2]).toBe(
      "      ← Réalisé 1 Droits artistiques\u00a0: 12\u202f000,00\u00a0€ = Σ réalisé des postes du chapitre",
    );
    expect(lignes[t + 3]).toMatch(/^ {6}← Réalisé 2 Personnel/);
    // A positive écart (over budget) is signed « + » in the text, as in the pane; the JSON keeps « 600.50 ».
    expect(
      lignes.indexOf("  Écart estimé total\u00a0: +600,50\u00a0€ = Σ écart estimé des 11 chapitres"),
    ).toBeGreaterThan(t);
    expect(arbre).not.toMatch(/Écart[^:\n]*\u00a0: [1-9]/);
  });
});

describe("credit-impot --explique: a line whose amount the sheet leaves empty", () => {
  const dossier = dossierTemporaire("prodbook-explique-ci-");

  it("its « Montant » is quantité × taux on the factors' cells, never the empty amount cell", async () => {
    const f = path.join(dossier(), "montant-absent.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    ws.addRow(["Code", "Libellé", "Quantité", "Tarif", "Montant"]);
    ws.addRow(["7.1", "Caméra", 10, 300, null]);
    ws.addRow(["7.2", "Éclairage", 4, 500, 2000]);
    await wb.xlsx.writeFile(f);
    const r = await lancer(
      ["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "--annee", "2025"].concat([
        "--json",
        "--explique",
      ]),
    );
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out).traces.credit as Trace;
    expect(incoherences(t)).toEqual([]);
    const camera = chercherTrace(t, (x) => x.libelle === "7.1 « Caméra »")!;
    expect(camera.entrees![0]).toEqual({
      libelle: "Montant",
      valeur: "3000.00",
      unite: "euros",
      operation: "produit",
      formule: "calculé : quantité × taux (Budget!C2 × D2)",
      entrees: [
        { libelle: "Quantité", valeur: "10", unite: "nombre", operation: "valeur", cellule: "Budget!C2" },
        { libelle: "Taux", valeur: "300", unite: "euros", operation: "valeur", cellule: "Budget!D2" },
      ],
    });
    expect(JSON.stringify(t)).not.toContain("Budget!E2");
    // A written amount is still its cell.
    const eclairage = chercherTrace(t, (x) => x.libelle === "7.2 « Éclairage »")!;
    expect(eclairage.entrees![0]).toMatchObject({ libelle: "Montant", operation: "valeur", cellule: "Budget!E3" });
  });
});

describe("carbone --explique: the pre-estimate's figures down to the factors and the devis cells", () => {
  const PDT = path.join(FIX, "planning/gardiens-planning.xlsx");
  const args = ["carbone", PDT, "--planning", "PDT", "--date", "2026-06-01"];

  it("text: the total's tree reaches each line's factor with its Base Carbone identifier and its devis cells", async () => {
    const r = await lancer([...args, "--explique"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("D'où viennent ces chiffres\u00a0:");
    // The total printed above is the tree's root (2,49208 t, 2,49 t rounded).
    expect(r.out).toContain("Total prévisionnel\u00a0: 2,49 t CO₂e");
    expect(r.out).toMatch(/\n {2}Total prévisionnel \(t CO₂e\)\u00a0: 2,49208 = Σ des catégories\n/);
    // The hotel nights: C45 × E45 of the devis × the nuitée factor, under « Hébergement ».
    expect(r.out).toMatch(
      /\n {4}← Hébergement, prévisionnel \(t CO₂e\)\u00a0: [\d,]+ = Σ des prévisionnels de ses lignes\n/,
    );
    expect(r.out).toMatch(
      /\n {6}← Hébergement \(nuitées\)\u00a0: 0,3096 = base × facteur ÷ 1.000 \['Budget Gardiens'!B45\]\n/,
    );
    expect(r.out).toContain(
      "← Base (nuitée)\u00a0: 72 = produit des cellules lues du devis (quantité × nombre) ['Budget Gardiens'!C45, E45]",
    );
    // The factor: its identifier in the text, its key, table, version and confidence in its rule (as every command's).
    expect(r.out).toContain(
      "← Facteur d'émission (kg CO₂e / k€ HT)\u00a0: 77 = Base Carbone 43475 — Assurance, réassurance, retraites, 2023 " +
        "[carbone.ratio-assurance (table carbone-facteurs), en vigueur au 31\u00a0mars\u00a02023, confiance M, à vérifier]",
    );
    // A line without factor: the key the table lists as missing, in the rule; the text says it in words.
    expect(r.out).toContain(
      "← Ferry Roscoff–Cork et hébergement Irlande\u00a0: 0 = facteur d'émission manquant\u00a0: non chiffré " +
        "['Budget Gardiens'!B47\u202f; carbone.ferry (table carbone-facteurs), en vigueur au 31\u00a0mars\u00a02023, confiance M, " +
        "à vérifier]",
    );
    // The editing room, without a factor per day: its amount (G59) × the 2023 money ratio 43375, with its rule.
    expect(r.out).toMatch(
      /\n {6}← Salle de montage \(location\)\u00a0: 0,5616 = base × facteur ÷ 1.000 \['Budget Gardiens'!B59\]\n/,
    );
    expect(r.out).toContain(
      "← Facteur d'émission (kg CO₂e / k€ HT)\u00a0: 156 = Base Carbone 43375 — Cinéma, TV, musique, enregistrement / " +
        "Programmation, diffusion – 2023 (ratio monétaire, export V23.6) [carbone.ratio-cinema-audiovisuel (table " +
        "carbone-facteurs), en vigueur au 31\u00a0mars\u00a02023, confiance M, à vérifier — https://github.com/" +
        "ChadouMohamedAli/BaseCarbone/blob/577efaf789faff3b8dc42fd46fc3c9139bf3ebaa/dataSource/Base_Carbone_V23.6-v2.xlsx]",
    );
    // 456,48 kg of activity data (meals, nights) of 2 492,08.
    expect(r.out).toMatch(/Part données d'activité\u00a0: 18,32\u00a0% = /);
    // Without the option, no tree.
    expect((await lancer(args)).out).not.toContain("D'où viennent ces chiffres");
  });

  it("--json: `traces` only with --explique; every node re-evaluates, the total's to the figure", async () => {
    const r = await lancer([...args, "--json", "--explique"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    verifier(j.traces.total, j.total);
    for (const c of j.categories) verifier(j.traces.categories[c.code].previsionnel, c.tCO2e);
    for (const a of Object.values(j.traces.activites) as { previsionnel: Trace }[])
      expect(incoherences(a.previsionnel)).toEqual([]);
    expect(incoherences(j.traces.partActivite)).toEqual([]);
    expect(evaluerNoeud(j.traces.partActivite).toFixed(4)).toBe(j.partActivite);
    const hotel = j.traces.activites["devis:Budget Gardiens!45"];
    expect(hotel.quantite).toMatchObject({ valeur: "72", cellule: "'Budget Gardiens'!C45, E45" });
    expect(hotel.facteur.regle).toMatchObject({ table: "carbone-facteurs", cle: "carbone.hebergement-nuitee" });
    // The total down to each line (the text's tree, the pane's), added next to the other traces.
    verifier(j.traces.totalDetaille, j.total);
    expect(j.traces.totalDetaille.entrees.map((c: Trace) => c.valeur)).toEqual(
      j.traces.total.entrees.map((c: Trace) => c.valeur),
    );
    expect(chercherTrace(j.traces.totalDetaille, (x) => x.cellule === "'Budget Gardiens'!B45")?.valeur).toBe("0.3096");
    // Without the option, the contract is unchanged.
    const sans = JSON.parse((await lancer([...args, "--json"])).out);
    expect(sans.traces).toBeUndefined();
    expect(Object.keys(sans)).toEqual(Object.keys(j).filter((k) => k !== "traces"));
  });

  describe("with the ledger (--fec): the définitif as deep as the pane's, down to each line's réalisé", () => {
    const dossier = dossierTemporaire("prodbook-explique-carbone-");
    let fec: string[];
    beforeAll(() => {
      // The fixture's correspondances, plus the insurance premiums (616 → poste 9.1 « Assurance production »), as the
      // pane's test imports them on the Écarts page.
      const csv = path.join(dossier(), "correspondances.csv");
      fs.writeFileSync(
        csv,
        `${fs.readFileSync(path.join(FIX, "fec/correspondances.csv"), "utf8").trimEnd()}\n616;9.1;Assurance\n`,
      );
      fec = ["--fec", path.join(FIX, "fec/production-2024.txt"), "--correspondances", csv];
    });

    it("text: Total définitif → category → line → réalisé (FEC poste) and factor", async () => {
      const r = await lancer([...args, ...fec, "--explique"]);
      expect([r.code, r.err]).toEqual([0, ""]);
      const arbre = r.out.slice(r.out.indexOf("D'où viennent ces chiffres"));
      const lignes = arbre.split("\n");
      const i = lignes.indexOf(
        "  Total définitif (t CO₂e)\u00a0: 0,09625 = Σ des catégories (lignes ayant un réalisé)",
      );
      expect(i).toBeGreaterThan(0);
      const j = lignes.findIndex((l, k) => k > i && l.startsWith("    ← Achats et services, définitif"));
      expect(lignes.slice(j, j + 1)).toEqual([
        "    ← Achats et services, définitif (t CO₂e)\u00a0: 0,09625 = Σ des définitifs de ses lignes qui en ont un",
      ]);
      const k = lignes.findIndex((l, n) => n > j && l.startsWith("      ← Assurance production"));
      expect(lignes.slice(k, k + 5)).toEqual([
        "      ← Assurance production\u00a0: 0,09625 = réalisé ÷ 1\u00a0000 × facteur ÷ 1\u00a0000 (ratio monétaire) " +
          "['Budget Gardiens'!B66]",
        "        ← Réalisé (k€ HT)\u00a0: 1,25 = réalisé ÷ 1\u00a0000",
        "          ← Réalisé (€)\u00a0: 1\u202f250,00\u00a0€ = Grand Livre (FEC), poste 9.1",
        "          ← € par k€\u00a0: 1\u202f000",
        "        ← Facteur d'émission (kg CO₂e / k€ HT)\u00a0: 77 = Base Carbone 43475 — Assurance, réassurance, retraites, " +
          "2023 [carbone.ratio-assurance (table carbone-facteurs), en vigueur au 31\u00a0mars\u00a02023, confiance M, à vérifier]",
      ]);
    });

    it("--json: `definitifDetaille` down to the lines re-evaluates to the définitif; `definitif` unchanged", async () => {
      const j = JSON.parse((await lancer([...args, ...fec, "--json", "--explique"])).out);
      expect(j.definitif).toBe("0.10");
      verifier(j.traces.definitifDetaille, j.definitif);
      const achats = j.traces.definitifDetaille.entrees.find((c: Trace) => c.libelle.startsWith("Achats et services"));
      expect(achats.entrees.map((a: Trace) => [a.libelle, a.valeur])).toContainEqual([
        "Assurance production",
        "0.09625",
      ]);
      const realise = chercherTrace(achats, (x) => x.libelle === "Réalisé (€)" && x.valeur === "1250.00");
      expect(realise?.formule).toBe("Grand Livre (FEC), poste 9.1");
      // The existing field keeps its shape: the total définitif by category, each a value.
      expect(j.traces.definitif.entrees.every((c: Trace) => c.operation === "valeur")).toBe(true);
      expect(j.traces.definitif.valeur).toBe(j.traces.definitifDetaille.valeur);
    });
  });
});

describe("versions comparer --explique (built binary): each écart of the comparison down to the lines' cells", () => {
  const binaire = (args: string[]) => sortieBinaire(args);
  let f: { v1m: string; v2: string };
  beforeAll(async () => {
    f = await deuxVersions(await dossierTemp("prodbook-cli-versions-explique-"));
  });

  it("--json: `traces` only with --explique; the total's and each chapter's écart re-evaluate to the JSON's figures", () => {
    const args = ["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"];
    expect(JSON.parse(binaire(args)).traces).toBeUndefined();
    const j = JSON.parse(binaire([...args, "--explique"]));
    verifier(j.traces.total, j.total.delta);
    for (const ch of j.chapitres) verifier(j.traces.chapitres[ch.code], ch.delta);
    // Each side of the total is its version's total, each chapter of it the Σ of its lines, each line in « Versions ».
    const [a, de] = j.traces.total.entrees as Trace[];
    expect([a.valeur, de.valeur]).toEqual([j.total.a, j.total.de]);
    const lignes = (t: Trace): Trace[] => (t.entrees ? t.entrees.flatMap(lignes) : [t]);
    expect(lignes(j.traces.total).every((l) => /^Versions!M\d+$/.test(l.cellule ?? ""))).toBe(true);
    const archives = lignes(de).find((l) => /Archives INA/.test(l.libelle));
    expect(archives).toMatchObject({ valeur: "6000.00" });
    expect(lignes(a).some((l) => /Archives INA/.test(l.libelle))).toBe(false);
  });

  it("text, against the current devis: the tree names the producer's cells on the « à » side", () => {
    const t = binaire(["versions", "comparer", f.v1m, "--de", "Devis initial", "--a", "courant", "--explique"]);
    const arbre = t.split("D'où viennent ces chiffres\u00a0:")[1];
    expect(arbre).toMatch(/\n {2}Écart total\u00a0: \u22122\u202f422,89\u00a0€ = Devis actuel/);
    expect(arbre).toMatch(
      /\n {6}← 7\.3 «\u00a0Drone et télépilote\u00a0»\u00a0: 1\u202f800,00\u00a0€ = .*\[Budget!G14\]/,
    );
    expect(arbre).toMatch(/← 1\.2 «\u00a0Archives INA\u00a0»\u00a0: 6\u202f000,00\u00a0€ = .*\[Versions!M\d+\]/);
  });
});
