import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ecrireClasseurs, ecrireClasseursGenres, Classeurs } from "../core/financement/plans";
import { lancerCli } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli(main, ["financement", ...args]);

let c: Classeurs;
beforeAll(async () => {
  c = await ecrireClasseurs();
});

describe("prodbook financement --json", () => {
  test("cinéma, devis « Budget » : exactement l'objet du contrat", async () => {
    const r = await lancer([c.cinema, "--devis", "Budget", "--premier-film", "--json", "--date", "2026-01-15"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual([
      "total",
      "cout",
      "resteAFinancer",
      "parCategorie",
      "aidesPubliques",
      "intensiteAidesPubliques",
      "plafond",
      "controles",
      "tables",
      "echeancier",
    ]);
    // Categories, then the aid ceiling (a cinema plan: no FSA table), then the CNC nomenclature the devis « Budget »
    // was structured with (the cost comes from it).
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual([
      "financement-categories",
      "intensite-aides",
      "nomenclature-cnc",
    ]);
    expect(j).toMatchObject({
      total: "3000000.00",
      cout: "3000000.00",
      resteAFinancer: "0.00",
      aidesPubliques: "1050000.00",
      intensiteAidesPubliques: "0.3500",
      plafond: "0.60",
    });
    expect(j.parCategorie).toEqual([
      { categorie: "apport-numeraire", montant: "150000.00", public: false },
      { categorie: "apport-salaire-producteur", montant: "60000.00", public: false },
      { categorie: "apport-frais-generaux", montant: "90000.00", public: false },
      { categorie: "credit-impot", montant: "250000.00", public: true },
      { categorie: "diffuseur-preachat", montant: "800000.00", public: false },
      { categorie: "diffuseur-part-coproducteur", montant: "400000.00", public: false },
      { categorie: "cnc-avance-recettes", montant: "500000.00", public: true },
      { categorie: "region", montant: "300000.00", public: true },
      { categorie: "sofica", montant: "200000.00", public: false },
      { categorie: "distribution-minimum-garanti", montant: "250000.00", public: false },
    ]);
    const regles = j.controles.map((x: { regle: string; gravite: string }) => `${x.regle}:${x.gravite}`);
    expect(regles).toEqual(
      ["equilibre:info", "intensite-aides-publiques:info", "statut-envisage:alerte", "statut-envisage:info"].sort(
        (a, b) => order(a) - order(b),
      ),
    );
    for (const x of j.controles)
      expect(Object.keys(x).every((k) => ["regle", "gravite", "message", "cellule"].includes(k))).toBe(true);
  });

  test("--cout plus élevé : reste à financer et alerte d'équilibre ; sans premier film le plafond est 0.50", async () => {
    const r = await lancer([c.cinema, "--cout", "3 200 000,00", "--json", "--date", "2026-01-15"]);
    const j = JSON.parse(r.out);
    expect(j.resteAFinancer).toBe("200000.00");
    expect(j.plafond).toBe("0.50");
    expect(j.intensiteAidesPubliques).toBe("0.3281");
    expect(j.controles[0]).toMatchObject({ regle: "equilibre", gravite: "alerte" });
  });

  test("fiction TV audiovisuelle : part française, diffuseurs conformes", async () => {
    const r = await lancer([
      c.fiction,
      "--cout",
      "1000000",
      "--oeuvre",
      "audiovisuel",
      "--genre",
      "fiction",
      "--duree",
      "52",
      "--json",
      "--date",
      "2026-01-15",
    ]);
    const j = JSON.parse(r.out);
    // Aides françaises : FSA 150 000 + région 100 000 + CI 200 000 = 450 000 sur 900 000 (coût − coproducteur belge).
    expect(j.aidesPubliques).toBe("450000.00");
    expect(j.intensiteAidesPubliques).toBe("0.5000");
    expect(j.controles.some((x: { regle: string }) => x.regle === "diffuseurs-fsa")).toBe(false);
    // The FSA thresholds were read even though the plan meets them.
    expect(j.tables.map((t: { id: string }) => t.id)).toEqual([
      "financement-categories",
      "intensite-aides",
      "financement-fsa",
    ]);
  });

  describe("diffuseurs-fsa sur des plans réels (RGA art. 311-9 : coût de l'œuvre, plancher horaire par genre)", () => {
    const fsa = async (args: string[]) => {
      const r = await lancer([...args, "--oeuvre", "audiovisuel", "--json", "--date", "2026-01-15"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      return (j.controles as { regle: string; gravite: string; message: string }[])
        .filter((x) => x.regle === "diffuseurs-fsa")
        .map((x) => `${x.gravite} ${x.message.replace(/[\u00a0\u202f]/g, " ")}`);
    };
    let g: { animation: string; spectacle: string };
    beforeAll(async () => {
      g = await ecrireClasseursGenres();
    });

    test("fiction en coproduction internationale (coproducteur belge) : base = participation française", async () => {
      expect(await fsa([c.fiction, "--cout", "1000000", "--genre", "fiction", "--duree", "52"])).toEqual([]);
      // A higher cost: 300 000 over 1 400 000 (1 500 000 − Panache Productions, Belgique, 100 000).
      expect(await fsa([c.fiction, "--cout", "1500000", "--genre", "fiction", "--duree", "52"])).toEqual([
        "alerte Diffuseurs français : 300 000,00 € = 21,43 % de la participation française en coproduction " +
          "internationale (1 400 000,00 € = coût de l'œuvre 1 500 000,00 € − parts des coproducteurs étrangers " +
          "100 000,00 €), en dessous des 25,00 % (chiffre à vérifier) exigés pour le soutien automatique FSA ; " +
          "sinon, passage en commission sélective.",
      ]);
    });

    test("animation : 25 % du coût écrit dans le plan, pas du financement réuni", async () => {
      // 90 000 = 25 % des 360 000 financés, mais 22,5 % du coût de 400 000 (« Coût total », B2).
      expect(await fsa([g.animation, "--genre", "animation", "--duree", "26"])).toEqual([
        "alerte Diffuseurs français : 90 000,00 € = 22,50 % du coût de l'œuvre (400 000,00 €), en dessous des 25,00 % " +
          "(chiffre à vérifier) exigés pour le soutien automatique FSA ; les 15,00 % du taux réduit en animation (RGA " +
          "art. 311-10) demandent des préventes internationales d'au moins l'écart à 25,00 % : 10 000,00 € = " +
          "(100 000,00 € exigés − 90 000,00 €), préventes internationales du plan (sources de diffuseurs d'origine " +
          "étrangère) 0,00 € ; sinon, passage en commission sélective.",
      ]);
    });

    test("documentaire : 12 000 € par heure en numéraire (52 min conforme, 240 min non)", async () => {
      expect(await fsa([c.documentaire, "--genre", "documentaire", "--duree", "52"])).toEqual([]);
      expect(await fsa([c.documentaire, "--genre", "documentaire", "--duree", "240"])).toEqual([
        "alerte Documentaire de 240 min : numéraire des diffuseurs français 45 000,00 €, en dessous du minimum de " +
          "48 000,00 € (12 000,00 € par heure ; chiffre à vérifier).",
      ]);
    });

    test("adaptation de spectacle vivant : 20 000 € par heure, l'apport en industrie ne compte pas", async () => {
      // 25 000 in cash (+ 5 000 in industry) for 90 min: above 18 000 (12 000/h), under 30 000 (20 000/h).
      expect(await fsa([g.spectacle, "--genre", "spectacle", "--duree", "90"])).toEqual([
        "alerte Adaptation de spectacle vivant de 90 min : numéraire des diffuseurs français 25 000,00 €, en dessous " +
          "du minimum de 30 000,00 € (20 000,00 € par heure ; chiffre à vérifier).",
      ]);
      expect(await fsa([g.spectacle, "--genre", "fiction", "--duree", "90"])).toEqual([]);
    });

    test("sans genre : le plancher horaire n'est pas vérifié, une info le dit", async () => {
      expect(await fsa([c.documentaire])).toEqual([
        "info Minimum de numéraire par heure des diffuseurs non vérifié : genre de l'œuvre non précisé (par heure : " +
          "12 000,00 € en fiction, animation et documentaire de création ; 20 000,00 € en adaptation de spectacle vivant).",
      ]);
    });
  });

  test("le coût est lu dans le plan du documentaire, la source non classée est listée", async () => {
    const r = await lancer([c.documentaire, "--oeuvre", "audiovisuel", "--json", "--date", "2026-01-15"]);
    const j = JSON.parse(r.out);
    expect(j.cout).toBe("180000.00");
    expect(j.controles).toContainEqual(
      expect.objectContaining({ regle: "source-non-classee", gravite: "alerte", cellule: "'Plan fin.'!C10" }),
    );
  });

  test("texte : le plafond d'intensité de l'audiovisuel (M) est « chiffre à vérifier », celui du cinéma (RGA lu, H) non", async () => {
    const nbsp = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
    const ligne = (out: string) =>
      nbsp(out)
        .split("\n")
        .find((l) => l.startsWith("  Intensité des aides publiques : "));
    const doc = await lancer([c.documentaire, "--oeuvre", "audiovisuel", "--duree", "52", "--date", "2026-01-15"]);
    expect(doc.code).toBe(0);
    expect(ligne(doc.out)).toBe(
      "  Intensité des aides publiques : 38,89 % — plafond 50,00 % (chiffre à vérifier) : plafond général",
    );
    const cine = await lancer([c.cinema, "--oeuvre", "cinema", "--date", "2026-01-15"]);
    expect(cine.code).toBe(0);
    expect(ligne(cine.out)).toMatch(
      /^ {2}Intensité des aides publiques : [\d,]+ % — plafond 50,00 % : plafond général$/,
    );
  });

  test("le coût du plan diffère du total du devis trouvé à côté : les deux nommés, le plan vérifié sur le sien", async () => {
    // Same workbook, the plan's « Budget du film » (C2) typed 3 100 000 € while the « Budget » devis totals 3 000 000 €.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.cinema);
    wb.getWorksheet("Plan de financement")!.getCell("C2").value = 3100000;
    const fichier = path.join(c.dossier, "cinema-cout-different.xlsx");
    await wb.xlsx.writeFile(fichier);
    const r = await lancer([fichier, "--json", "--date", "2026-01-15"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cout).toBe("3100000.00");
    const alerte = j.controles.find((x: { regle: string }) => x.regle === "cout-plan-devis");
    expect(alerte).toMatchObject({ gravite: "alerte", cellule: "'Plan de financement'!C2" });
    expect(alerte.message).toMatch(/^Le coût indiqué dans le plan \(3\s100\s000,00\s€, 'Plan de financement'!C2\)/);
    expect(alerte.message).toMatch(/total du devis « Budget »[^(]*\(3\s000\s000,00\s€\) de 100\s000,00\s€/);
    // The texts say it too; with the same figures, nothing is said.
    expect((await lancer([fichier, "--date", "2026-01-15"])).out).toContain("Coût du plan différent du devis");
    const pareil = JSON.parse((await lancer([c.cinema, "--json", "--date", "2026-01-15"])).out);
    expect(pareil.controles.some((x: { regle: string }) => x.regle === "cout-plan-devis")).toBe(false);
  });

  test("--strict : code 1 quand l'intensité dépasse le plafond", async () => {
    const r = await lancer([c.cinema, "--cout", "2000000", "--json", "--strict", "--date", "2026-01-15"]);
    const j = JSON.parse(r.out);
    expect(j.intensiteAidesPubliques).toBe("0.5250");
    expect(j.controles[0]).toMatchObject({ regle: "intensite-aides-publiques", gravite: "erreur" });
    expect(r.code).toBe(1);
  });
});

test("--credit-impot : sans ligne de crédit d'impôt dans le plan, celui du devis est ajouté comme aide publique", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.cinema);
  wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
  const p = path.join(c.dossier, "cinema-sans-ci.xlsx");
  await wb.xlsx.writeFile(p);
  const sans = JSON.parse((await lancer([p, "--devis", "Budget", "--json", "--date", "2026-01-15"])).out);
  expect(sans.parCategorie.some((x: { categorie: string }) => x.categorie === "credit-impot")).toBe(false);
  expect(sans.aidesPubliques).toBe("800000.00");
  const r = await lancer([
    p,
    "--devis",
    "Budget",
    "--credit-impot",
    "cinema",
    "--genre",
    "fiction",
    "--json",
    "--date",
    "2026-01-15",
  ]);
  expect(r.err).toBe("");
  const j = JSON.parse(r.out);
  const ci = j.parCategorie.find((x: { categorie: string }) => x.categorie === "credit-impot");
  expect(ci.public).toBe(true);
  const montant = Number(ci.montant);
  // 30 % of an eligible base that is at most the devis total; the plan's public aids grow by exactly the credit.
  expect(montant).toBeGreaterThan(0);
  expect(montant).toBeLessThanOrEqual(900000);
  expect(Number(j.aidesPubliques)).toBeCloseTo(800000 + montant, 2);
  expect(Number(j.total)).toBeCloseTo(2750000 + montant, 2);
});

test("--credit-impot sans --genre : le crédit est calculé comme pour une fiction, et une alerte le dit", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.cinema);
  wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
  const p = path.join(c.dossier, "cinema-sans-ci-sans-genre.xlsx");
  await wb.xlsx.writeFile(p);
  const args = [p, "--devis", "Budget", "--credit-impot", "cinema", "--json", "--date", "2026-01-15"];
  const sans = await lancer(args);
  const fiction = await lancer([...args, "--genre", "fiction"]);
  expect(sans.code).toBe(0);
  const [js, jf] = [JSON.parse(sans.out), JSON.parse(fiction.out)];
  const credit = (j: { parCategorie: { categorie: string; montant: string }[] }) =>
    j.parCategorie.find((x) => x.categorie === "credit-impot")?.montant;
  expect(credit(js)).toBe(credit(jf));
  const genre = (j: { controles: { gravite: string; message: string }[] }) =>
    j.controles.filter((x) => x.message.includes("genre de l'œuvre non précisé"));
  expect(genre(js)).toEqual([
    expect.objectContaining({
      gravite: "alerte",
      message:
        "Crédit d'impôt calculé par Prodbook : genre de l'œuvre non précisé, crédit calculé comme pour une fiction " +
        "(taux, coût minimal par minute) ; précisez le genre (fiction, documentaire ou animation) pour un crédit qui " +
        "vaut pour votre œuvre.",
    }),
  ]);
  expect(genre(jf)).toEqual([]);
});

test("--credit-impot sans --date : le crédit est celui des règles de l'année en cours, et une alerte le dit", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(c.cinema);
  wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
  const p = path.join(c.dossier, "cinema-sans-ci-sans-date.xlsx");
  await wb.xlsx.writeFile(p);
  const args = [p, "--devis", "Budget", "--credit-impot", "cinema", "--genre", "fiction", "--json"];
  const annee = new Date().getFullYear();
  const [sans, date] = await Promise.all([lancer(args), lancer([...args, "--date", `${annee}-01-15`])]);
  expect(sans.code).toBe(0);
  const [js, jd] = [JSON.parse(sans.out), JSON.parse(date.out)];
  const credit = (j: { parCategorie: { categorie: string; montant: string }[] }) =>
    j.parCategorie.find((x) => x.categorie === "credit-impot")?.montant;
  expect(credit(js)).toBe(credit(jd));
  const dite = (j: { controles: { gravite: string; message: string }[] }) =>
    j.controles.filter((x) => x.message.includes("année des dépenses non précisée"));
  expect(dite(js)).toEqual([
    expect.objectContaining({
      gravite: "alerte",
      message:
        `Crédit d'impôt calculé par Prodbook : année des dépenses non précisée, crédit calculé selon les règles de ${annee} ` +
        "(l'année en cours) ; pour une autre année, indiquez l'année des dépenses (page Crédit d'impôt ; en ligne de commande, la date des règles).",
    }),
  ]);
  expect(dite(jd)).toEqual([]);
});

test("les classeurs d'exemple de tests/fixtures/financement donnent le même résultat que ceux générés par plans.ts", async () => {
  const dossier = path.join(__dirname, "../fixtures/financement");
  for (const [nom, args] of [
    ["cinema", ["--devis", "Budget"]],
    ["fiction", ["--cout", "1000000", "--oeuvre", "audiovisuel"]],
    ["documentaire", ["--oeuvre", "audiovisuel"]],
  ] as const) {
    const genere = await lancer([c[nom], ...args, "--json", "--date", "2026-01-15"]);
    const committe = await lancer([path.join(dossier, `${nom}.xlsx`), ...args, "--json", "--date", "2026-01-15"]);
    expect(committe.code).toBe(0);
    expect(JSON.parse(committe.out)).toEqual(JSON.parse(genere.out));
  }
});

/** "1234.56" → cents, exactly (no float). */
const centimes = (x: string) => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(x);
  if (!m) throw new Error(`montant JSON « ${x} » hors convention`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3]));
};

interface MoisJson {
  mois: string;
  versements: { financeur: string; categorie: string; date: string; montant: string; cellule: string | null }[];
  encaissements: string;
  depenses: string;
  solde: string;
  cumul: string;
  besoin: string;
}

describe("prodbook financement --json : l'échéancier (ajouté après les autres champs)", () => {
  test("cinéma : mois ISO, versements datés avec leur cellule, besoin maximal, apports non numéraires hors échéancier", async () => {
    const r = await lancer([c.cinema, "--devis", "Budget", "--premier-film", "--json", "--date", "2026-01-15"]);
    const e = JSON.parse(r.out).echeancier;
    expect(Object.keys(e)).toEqual(["mois", "sansDate", "nonNumeraire", "besoinMaximal", "repartition"]);
    expect(e.mois.map((m: MoisJson) => m.mois)).toEqual([
      ...["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"].map((m) => `2026-${m}`),
      "2027-01",
      "2027-02",
      "2027-03",
    ]);
    // 3 000 000 € of cost, 150 000 € of mises en participation never paid out: 2 850 000 € over 14 months.
    expect(e.mois[0]).toEqual({
      mois: "2026-02",
      versements: [
        {
          financeur: "Les Films de l'Estran",
          categorie: "apport-numeraire",
          date: "2026-02-01",
          montant: "150000.00",
          cellule: "'Plan de financement'!C6",
        },
      ],
      encaissements: "150000.00",
      depenses: "203571.43",
      solde: "-53571.43",
      cumul: "-53571.43",
      besoin: "53571.43",
    });
    expect(e.mois[6]).toMatchObject({ mois: "2026-08", versements: [], encaissements: "0.00", cumul: "824999.99" });
    expect(e.mois[13]).toMatchObject({ mois: "2027-03", encaissements: "250000.00", cumul: "0.00", besoin: "0.00" });
    expect(e.mois[13].versements[0]).toMatchObject({ financeur: "DGFiP", categorie: "credit-impot" });
    expect([e.sansDate, e.nonNumeraire, e.besoinMaximal]).toEqual(["0.00", "150000.00", "53571.43"]);
    // The text's wording, as it prints it.
    expect(e.repartition).toBe(
      "sans planning : coût réparti également de février\u00a02026 à mars\u00a02027 (dates des versements) ; hors apports non " +
        "numéraires (150\u202f000,00\u00a0€), qui ne se décaissent pas",
    );
    // The text prints the same words (its typography puts non-breaking spaces before « : » and « ; »).
    const espaces = (t: string) => t.replace(/[\s\u00a0\u202f]+/g, " ");
    const texte = (await lancer([c.cinema, "--devis", "Budget", "--date", "2026-01-15"])).out;
    expect(espaces(texte)).toContain(espaces(`besoin de trésorerie maximal 53 571,43 € (${e.repartition})`));
  });

  test("propriété : Σ mois + sans date = total des sources en numéraire ; mois = Σ versements ; cumul et besoin", async () => {
    // A payment without a date (the SOFICA's, F17 emptied) stays out of the months, in sansDate.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.cinema);
    wb.getWorksheet("Plan de financement")!.getCell("F17").value = null;
    const sansDate = path.join(c.dossier, "cinema-sofica-sans-date.xlsx");
    await wb.xlsx.writeFile(sansDate);
    const cas: [string, string[], string][] = [
      [c.cinema, ["--devis", "Budget"], "0.00"],
      [sansDate, ["--devis", "Budget"], "200000.00"],
      [c.fiction, ["--cout", "1000000", "--oeuvre", "audiovisuel", "--duree", "52"], "0.00"],
      [c.documentaire, ["--oeuvre", "audiovisuel"], "0.00"],
    ];
    for (const [fichier, args, attenduSansDate] of cas) {
      const r = await lancer([fichier, ...args, "--json", "--date", "2026-01-15"]);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.out);
      const e = j.echeancier;
      expect(e.sansDate).toBe(attenduSansDate);
      expect(e.mois.length).toBeGreaterThan(0);
      const somme = e.mois.reduce((t: number, m: MoisJson) => t + centimes(m.encaissements), 0);
      expect(somme + centimes(e.sansDate)).toBe(centimes(j.total) - centimes(e.nonNumeraire));
      let cumul = 0;
      let besoin = 0;
      for (const m of e.mois as MoisJson[]) {
        expect(m.mois).toMatch(/^\d{4}-\d{2}$/);
        expect(m.versements.reduce((t, v) => t + centimes(v.montant), 0)).toBe(centimes(m.encaissements));
        for (const v of m.versements) expect(v.date.slice(0, 7)).toBe(m.mois);
        expect(centimes(m.solde)).toBe(centimes(m.encaissements) - centimes(m.depenses));
        cumul += centimes(m.solde);
        expect(centimes(m.cumul)).toBe(cumul);
        expect(centimes(m.besoin)).toBe(Math.max(0, -cumul));
        besoin = Math.max(besoin, centimes(m.besoin));
      }
      expect(centimes(e.besoinMaximal)).toBe(besoin);
    }
  });
});

function order(s: string): number {
  return s.endsWith(":erreur") ? 0 : s.endsWith(":alerte") ? 1 : 2;
}

describe("prodbook financement : entrées invalides → message français, code 2", () => {
  test("fichier qui n'est pas un xlsx", async () => {
    const p = path.join(c.dossier, "faux.xlsx");
    fs.writeFileSync(p, "Financeur;Montant\n");
    const r = await lancer([p, "--cout", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/n'est pas un classeur Excel lisible/);
  });
  test("feuille absente", async () => {
    const r = await lancer([c.cinema, "--feuille", "Plan B", "--cout", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/La feuille du plan de financement «\u00a0Plan B\u00a0» n'existe pas/);
  });
  test("--devis et --cout ensemble, --cout illisible, --oeuvre inconnue", async () => {
    expect((await lancer([c.cinema, "--devis", "Budget", "--cout", "1"])).code).toBe(2);
    const r = await lancer([c.cinema, "--cout", "beaucoup"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--cout attend un montant positif/);
    const o = await lancer([c.cinema, "--oeuvre", "theatre"]);
    expect(o.code).toBe(2);
    expect(o.err).toMatch(/--oeuvre attend l'une des valeurs cinema, audiovisuel/);
  });
  test("aucun plan dans le classeur", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").getCell("A1").value = "Rien ici";
    const p = path.join(c.dossier, "vide.xlsx");
    await wb.xlsx.writeFile(p);
    const r = await lancer([p, "--cout", "1000"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Aucune feuille ne ressemble à un plan de financement/);
    // The CLI names its option; the core's message (the pane's) names none.
    expect(r.err).toMatch(/Indiquez-la avec --feuille\.$/m);
  });
  test("une feuille vide : dite vide, pas « il faut une ligne d'en-tête » (avec ou sans --feuille)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Plan");
    const p = path.join(c.dossier, "plan-vide.xlsx");
    await wb.xlsx.writeFile(p);
    for (const args of [
      [p, "--cout", "1000"],
      [p, "--cout", "1000", "--feuille", "Plan"],
    ]) {
      const r = await lancer(args);
      expect([r.code, r.out]).toEqual([2, ""]);
      expect(r.err).toBe(
        "plan-vide.xlsx\u00a0: La feuille «\u00a0Plan\u00a0» est vide\u00a0: elle ne contient aucun plan de financement à lire.",
      );
    }
    // Two sheets, one empty: which one holds the plan is not guessed, both are named.
    wb.addWorksheet("Notes").getCell("A1").value = "Rien ici";
    await wb.xlsx.writeFile(p);
    expect((await lancer([p, "--cout", "1000"])).err).toMatch(
      /Aucune feuille ne ressemble .* parmi\u00a0: Plan, Notes\./,
    );
  });
  test("date sans règle en vigueur", async () => {
    const r = await lancer([c.cinema, "--cout", "1000", "--date", "2010-01-01"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "L'option --date attend une date couverte par les règles du financement (périodes couvertes\u00a0: du 1er\u00a0janvier\u00a02016 à ce jour), " +
        "reçu «\u00a01er\u00a0janvier\u00a02010\u00a0».",
    );
  });
  test("coût introuvable", async () => {
    const r = await lancer([c.fiction, "--json"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/coût de production introuvable/);
    expect(r.out).toBe("");
  });
});

describe("--credit-impot cinema : la langue de l'œuvre fixe le taux du crédit ajouté au plan", () => {
  let p: string;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.cinema);
    wb.getWorksheet("Plan de financement")!.spliceRows(19, 1);
    p = path.join(c.dossier, "cinema-sans-ci-langue.xlsx");
    await wb.xlsx.writeFile(p);
  });
  type Json = {
    parCategorie: { categorie: string; montant: string }[];
    controles: { regle: string; gravite: string; message: string }[];
  };
  const plan = async (...options: string[]): Promise<Json> => {
    const r = await lancer([p, "--devis", "Budget", "--credit-impot", "cinema", "--genre", "fiction", ...options]);
    expect(r.err).toBe("");
    return JSON.parse(r.out);
  };
  const ci = (j: Json) => j.parCategorie.find((x) => x.categorie === "credit-impot")?.montant;
  const json = ["--json", "--date", "2026-01-15"];

  test("premier film (plafond d'aides 60 %) : français 30 % de la base, étrangère 20 %, comme prodbook credit-impot", async () => {
    const e = await lancerCli(main, [
      ...["credit-impot", p, "--feuille", "Budget", "--regime", "cinema", "--genre", "fiction", "--annee", "2026"],
      ...["--langue", "francais", "--json"],
    ]);
    expect(e.code).toBe(0);
    const credit = JSON.parse(e.out);
    // 2 850 000 € eligible on a 3 000 000 € devis: base capped at 80 % = 2 400 000 € (220 sexies III-3).
    expect(credit.base).toBe("2400000.00");
    expect(credit.plafondBase).toEqual({
      part: "0.80",
      budget: "3000000.00",
      montant: "2400000.00",
      baseAvant: "2850000.00",
      applique: true,
    });
    expect(credit.taux).toBe("0.30");
    // 2 400 000 × 30 % = 720 000 ; × 20 % = 480 000 (the plan's other aids, 800 000 €, leave 1 000 000 € under 60 %).
    expect(ci(await plan("--langue", "francais", "--premier-film", ...json))).toBe("720000.00");
    expect(ci(await plan("--langue", "etrangere", "--premier-film", ...json))).toBe("480000.00");
  });

  test("plafond général 50 % : le crédit à 30 % s'arrête à 1 500 000 − 800 000 = 700 000 €", async () => {
    const j = await plan("--langue", "francais", ...json);
    expect(ci(j)).toBe("700000.00");
    // The credit's own tables follow the plan's: the cinema rate and the aid ceiling of 220 sexies among them.
    const ids = (j as unknown as { tables: { id: string }[] }).tables.map((t) => t.id);
    expect(ids.slice(0, 2)).toEqual(["financement-categories", "intensite-aides"]);
    expect(ids).toEqual(expect.arrayContaining(["credit-impot-cinema", "credit-impot-aides-publiques"]));
    // Last and once, the CNC nomenclature the devis was structured with (as `devis` names it).
    expect(ids.filter((id) => id === "nomenclature-cnc")).toHaveLength(1);
    expect(ids.at(-1)).toBe("nomenclature-cnc");
  });

  test("langue non renseignée : taux de base 20 %, et l'alerte du calcul dans les contrôles du plan", async () => {
    const j = await plan(...json);
    expect(ci(j)).toBe("480000.00"); // 2 400 000 (80 % du budget) × 20 %
    const alerte = j.controles.find((x) => x.regle === "credit-impot-calcule" && x.gravite === "alerte");
    expect(alerte?.message).toMatch(/Langue de l'œuvre non renseignée : taux de base de 20,00\u00a0% retenu/);
    expect(j.controles.find((x) => x.message.includes("à vérifier : Taux cinéma de base"))?.gravite).toBe("info");
  });

  test("--langue sans --credit-impot, ou inconnue : message français, code 2", async () => {
    const sans = await lancer([p, "--devis", "Budget", "--langue", "francais", "--json"]);
    expect(sans.code).toBe(2);
    expect(sans.err).toMatch(/--langue .* indiquez aussi --credit-impot/);
    const inconnue = await lancer([p, "--devis", "Budget", "--credit-impot", "cinema", "--langue", "breton"]);
    expect(inconnue.code).toBe(2);
    expect(inconnue.err).toMatch(/--langue/);
  });
});
