import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { commande } from "../../src/cli/commands/creditImpot";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { binaire, dossierTemporaire, espacesSimples, FICTION_52_2025, fr, lancerCli, refus } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli((a, io) => commande.executer(a, io), args);
/** `prodbook credit-impot …` through the built binary, as a user runs it (npm run build:cli). */
const credit = (args: string[]) => {
  const r = binaire(["credit-impot", ...args]);
  return { ...r, err: r.err.replace(/\n$/, "") };
};
const dossier = dossierTemporaire("prodbook-cli-ci-");
let dir: string;
let devis: string;
beforeAll(async () => {
  dir = dossier();
  devis = path.join(dir, "devis.xlsx");
  await ecrireDevisFiction(devis);
});

/*
 * The workbook (tests/core/creditImpot/classeurs.ts), a 52' fiction in the producer's layout, total 419 000 €:
 *   eligible in France: 1.1 droits 40 000 + 2.1 réalisateur 60 000 + 3.1 comédiens 80 000 + 4.1 charges 70 000
 *   + 6.1 hôtel 20 × 150 = 3 000 (≤ 200 €/nuit) + 7.1 caméra 30 000 × « 50 % » = 15 000 + 8.1 montage 50 000 = 318 000 €;
 *   out: 4.2 taxe d'apprentissage 1 000, 5.1 décors 20 000 (« Éligible CI » = Non), 8.2 mixage 10 000 (« Étranger »),
 *   9.1 assurance 5 000, frais généraux 30 000, imprévus 20 000.
 *   Cost hors FG/imprévus 369 000 / 52 = 7 096,15 €/min → fiction tranche < 10 000 €/min → 1 250 €/min.
 */
describe("prodbook credit-impot, texte", () => {
  it("les règles appliquées et les alertes nomment les tables en français, jamais par leur identifiant (réservé à --json)", async () => {
    const j = JSON.parse((await lancer([devis, ...FICTION_52_2025, "--json"])).sortie[0]);
    const ids = (j.tables as { id: string }[]).map((t) => t.id);
    expect(ids).toContain("credit-impot-audiovisuel");
    // The JSON's alerts name tables by id (a public contract): the text must not.
    expect((j.alertes as string[]).some((a) => ids.some((id) => a.includes(`, ${id},`)))).toBe(true);
    const r = await lancer([devis, ...FICTION_52_2025]);
    expect(r.code).toBe(0);
    const texte = r.sortie.join("\n");
    expect(texte).toContain("Règles appliquées\u00a0:\n");
    // The euros left out of the base, each line with its cell and why.
    expect(texte).toContain("\nHors base (7\u00a0lignes, 101\u202f000,00\u00a0€ non retenus)\u00a0:\n");
    expect(texte).toMatch(
      /\n {2}'?[^\n!]+'?![A-Z]+\d+ «\u00a0Location caméra\u00a0» 30\u202f000,00\u00a0€, 15\u202f000,00\u00a0€ retenus — /,
    );
    expect(texte).toMatch(
      /\n {2}Taux du crédit d'impôt audiovisuel, version du \d{1,2}(er)?\s\p{L}+\s\d{4}( au \d{1,2}(er)?\s\p{L}+\s\d{4})? \((à vérifier|texte officiel)\) — (Texte|Source)\s: .+ https:\/\//u,
    );
    for (const id of ids) expect([id, new RegExp(`(?<![\\w.-])${id}(?![\\w.-])`).test(texte)]).toEqual([id, false]);
    expect(texte).not.toMatch(/confiance [HML]\b/);
  });
});

describe("prodbook credit-impot --json", () => {
  it("audiovisuel fiction 2025 : 318 000 × 25 % = 79 500 € → plafond 1 250 × 52 = 65 000 €", async () => {
    const r = await lancer([devis, ...FICTION_52_2025, "--json"]);
    expect(r.erreurs).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.sortie).toHaveLength(1);
    const j = JSON.parse(r.sortie[0]);
    expect(Object.keys(j)).toEqual([
      "regime",
      "genre",
      "annee",
      "base",
      "taux",
      "creditAvantPlafonds",
      "plafonds",
      "credit",
      "baseParChapitre",
      "alertes",
      "tables",
      "parametres",
      "plafondBase",
      "subventionsPubliques",
      "duree",
      "lignesHorsBase",
      "controles",
    ]);
    // Added field: the findings on what was read (none here: no plan de travail read).
    expect(j.controles).toEqual([]);
    // Added field: every line the base does not take in full, with its cell and why; with the chapters' bases they
    // account for the 419 000 € of the devis to the cent (101 000 € out, 318 000 € in).
    const hors = j.lignesHorsBase as {
      cellule: string;
      libelle: string;
      montant: string;
      base: string;
      motif: string;
    }[];
    expect(hors.map((l) => [l.libelle, l.montant, l.base])).toEqual([
      ["Taxe d'apprentissage", "1000.00", "0.00"],
      ["Décors", "20000.00", "0.00"],
      ["Location caméra", "30000.00", "15000.00"],
      ["Mixage à Bruxelles", "10000.00", "0.00"],
      ["Assurance production", "5000.00", "0.00"],
      ["Frais généraux", "30000.00", "0.00"],
      ["Imprévus", "20000.00", "0.00"],
    ]);
    expect(hors.every((l) => /^'?[^!]+'?![A-Z]+\d+$/.test(l.cellule) && l.motif.length > 0)).toBe(true);
    const cts = (s: string) => Math.round(Number(s) * 100);
    const dehors = hors.reduce((t, l) => t + cts(l.montant) - cts(l.base), 0);
    expect(dehors).toBe(10_100_000);
    expect(dehors + (j.baseParChapitre as { base: string }[]).reduce((t, c) => t + cts(c.base), 0)).toBe(41_900_000);
    // Added field: the duration used and where it comes from (here the option).
    expect(j.duree).toEqual({ minutes: "52", origine: "option", cellule: null });
    // Added field (issue 11): 220 sexies III-3, base ≤ 80 % of the budget (419 000 €) = 335 200 €, not reached here.
    expect(j.plafondBase).toEqual({
      part: "0.80",
      budget: "419000.00",
      montant: "335200.00",
      baseAvant: "318000.00",
      applique: false,
    });
    expect(j).toMatchObject({
      regime: "audiovisuel",
      genre: "fiction",
      annee: 2025,
      base: "318000.00",
      taux: "0.25",
      creditAvantPlafonds: "79500.00",
      credit: "65000.00",
    });
    expect(j.plafonds).toEqual([
      { nom: "plafond par minute", montant: "65000.00", applique: true },
      { nom: "plafond des aides publiques (50\u00a0% du budget)", montant: "209500.00", applique: false },
    ]);
    expect(j.baseParChapitre).toEqual([
      { code: "1", base: "40000.00" },
      { code: "2", base: "60000.00" },
      { code: "3", base: "80000.00" },
      { code: "4", base: "70000.00" },
      { code: "5", base: "0.00" },
      { code: "6", base: "3000.00" },
      { code: "7", base: "15000.00" },
      { code: "8", base: "50000.00" },
      { code: "9", base: "0.00" },
      { code: "FG", base: "0.00" },
      { code: "IMP", base: "0.00" },
    ]);
    // 2025: the fiction rate is read in the text (H), the aid ceiling is not (M).
    expect(j.alertes.some((a: string) => a.startsWith("à vérifier : Taux fiction"))).toBe(false);
    expect(j.alertes.some((a: string) => a.startsWith("à vérifier : Plafond des aides publiques = 50,00"))).toBe(true);
    // Each table version used is named once, with its dates, confidence and sources.
    expect(j.tables).toContainEqual({
      id: "credit-impot-audiovisuel-plafond-minute-fiction",
      effetDu: "2016-01-01",
      effetAu: null,
      confiance: "H",
      aVerifier: false,
      sources: [{ titre: expect.stringMatching(/^CNC/), url: "http://www.cnc.fr/web/fr/credit-d-impot-audiovisuel" }],
    });
    expect(j.parametres).toContainEqual({
      cle: "credit-impot.audiovisuel.plafond-minute.fiction",
      valeur: "1\u202f250,00\u00a0€",
      table: "credit-impot-audiovisuel-plafond-minute-fiction",
      effetDu: "2016-01-01",
      confiance: "H",
      surcharge: null,
    });
    const ids = j.tables.map((t: { id: string; effetDu: string }) => `${t.id}@${t.effetDu}`);
    for (const p of j.parametres) expect(ids).toContain(`${p.table}@${p.effetDu}`);
  });

  it("fiction de 10 min : sous la durée minimale de 45 min (D331-4) → crédit 0 avec la raison ; part étrangère illisible refusée", async () => {
    const base = [devis, "--regime", "audiovisuel", "--genre", "fiction", "--duree", "10", "--annee", "2025", "--json"];
    const courte = JSON.parse((await lancer(base)).sortie[0]);
    expect(courte.credit).toBe("0.00");
    expect(courte.alertes[0]).toBe(
      "Condition non remplie (durée minimale) : durée 10 min, minimum 45 min (fiction) — crédit d'impôt nul.",
    );
    const faux = await lancer([...base, "--financement-etranger", "150"]);
    expect(faux.code).toBe(2);
    expect(faux.erreurs[0]).toMatch(
      /^L'option --financement-etranger attend la part du coût couverte par des financements étrangers \(«\u00a035\u00a0%\u00a0» ou 0,35\), reçu «\u00a0150\u00a0»\.$/,
    );
  });

  it("cinéma 2025 --langue francais : 318 000 × 30 % = 95 400 € (réalisateur 60 000 ≤ 15 % × 419 000 = 62 850)", async () => {
    const cinema = [devis, "--regime", "cinema", "--genre", "fiction", "--annee", "2025", "--json"];
    const j = JSON.parse((await lancer([...cinema, "--langue", "francais"])).sortie[0]);
    expect(j).toMatchObject({ base: "318000.00", taux: "0.30", credit: "95400.00" });
    expect(j.plafonds.map((p: { applique: boolean }) => p.applique)).toEqual([false, false]);
    // Foreign language, or no language given: base rate 20 % → 63 600 € (the latter with an alert).
    expect(JSON.parse((await lancer([...cinema, "--langue", "etrangere"])).sortie[0]).credit).toBe("63600.00");
    const sans = JSON.parse((await lancer(cinema)).sortie[0]);
    expect(sans).toMatchObject({ taux: "0.20", credit: "63600.00" });
    expect(sans.alertes.some((a: string) => a.startsWith("Langue de l'œuvre non renseignée"))).toBe(true);
    const faux = await lancer([...cinema, "--langue", "italien"]);
    expect(faux.code).toBe(2);
    expect(faux.erreurs[0]).toBe(
      "L'option --langue attend l'une des valeurs francais, etrangere\u202f; reçu «\u00a0italien\u00a0».",
    );
  });

  it("international avec --vfx-france 3 000 000 : 40 %, 318 000 × 40 % = 127 200 € < 80 % × 419 000 × 40 % = 134 080 €", async () => {
    // Budget 419 000 € < 500 000 € : French spend must reach 50 % × 419 000 = 209 500 € (318 000 € : met).
    const j = JSON.parse(
      (
        await lancer([
          devis,
          "--regime",
          "international",
          "--genre",
          "fiction",
          "--annee",
          "2025",
          "--vfx-france",
          "3 000 000",
          "--json",
        ])
      ).sortie[0],
    );
    expect(j).toMatchObject({ taux: "0.40", creditAvantPlafonds: "127200.00", credit: "127200.00" });
    expect(j.plafonds[0]).toEqual({
      nom: "plafond 40\u00a0% × 80\u00a0% du budget de production",
      montant: "134080.00",
      applique: false,
    });
  });

  it("international en prises de vues réelles : --jours-tournage-france 4 → crédit 0 avec la raison ; 5 → 127 200 € ; 2,5 refusé", async () => {
    const base = [
      devis,
      "--regime",
      "international",
      "--genre",
      "fiction",
      "--annee",
      "2025",
      "--vfx-france",
      "3 000 000",
      "--json",
    ];
    const quatre = JSON.parse((await lancer([...base, "--jours-tournage-france", "4"])).sortie[0]);
    expect(quatre.credit).toBe("0.00");
    expect(quatre.alertes[0]).toBe(
      "Condition non remplie (jours de tournage en France) : 4\u00a0jours, minimum 5 (fiction en prises de vues réelles) — crédit d'impôt nul.",
    );
    expect(JSON.parse((await lancer([...base, "--jours-tournage-france", "5"])).sortie[0]).credit).toBe("127200.00");
    const faux = await lancer([...base, "--jours-tournage-france", "2,5"]);
    expect(faux.code).toBe(2);
    expect(faux.erreurs[0]).toBe(
      "L'option --jours-tournage-france attend un nombre entier de jours, reçu «\u00a02,5\u00a0».",
    );
  });

  it("--jeunesse : le minimum de la fiction jeunesse (3 000 €/min) est celui vérifié", async () => {
    const j = JSON.parse((await lancer([devis, ...FICTION_52_2025, "--jeunesse", "--json"])).sortie[0]);
    expect(j.credit).toBe("65000.00");
    expect(j.alertes.some((a: string) => /Coût minimal par minute d'une fiction jeunesse/.test(a))).toBe(true);
  });

  it("la feuille Paramètres surcharge un chiffre et la sortie le dit : taux 20 % → 63 600 € (plafond 65 000 non atteint)", async () => {
    const f = path.join(dir, "avec-parametres.xlsx");
    await ecrireDevisFiction(f, [["credit-impot.audiovisuel.taux.fiction", "20 %"]]);
    const j = JSON.parse((await lancer([f, ...FICTION_52_2025, "--json"])).sortie[0]);
    expect(j).toMatchObject({ taux: "0.20", creditAvantPlafonds: "63600.00", credit: "63600.00" });
    expect(j.plafonds[0].applique).toBe(false);
    expect(j.alertes).toContain(
      "surcharge utilisée : credit-impot.audiovisuel.taux.fiction = 20,00\u00a0% ('Paramètres'!B2)",
    );
  });

  it("documentaire de 20 minutes : durée < 24 min → crédit 0 avec la raison", async () => {
    const j = JSON.parse(
      (
        await lancer([
          devis,
          "--regime",
          "audiovisuel",
          "--genre",
          "documentaire",
          "--duree",
          "20",
          "--annee",
          "2025",
          "--json",
        ])
      ).sortie[0],
    );
    expect(j.credit).toBe("0.00");
    expect(j.alertes[0]).toMatch(/^Condition non remplie \(durée minimale\) : durée 20 min, minimum 24 min/);
  });
});

describe("prodbook credit-impot : erreurs (message français, code 2)", () => {
  it.each([
    [
      ["--regime", "sofica", "--genre", "fiction"],
      /--regime attend l'une des valeurs cinema, audiovisuel, international\u202f; reçu «\u00a0sofica\u00a0»/,
    ],
    [["--regime", "cinema"], /L'option --genre est obligatoire/],
    [["--regime", "cinema", "--genre", "fiction", "--annee", "25"], /--annee attend une année AAAA/],
    [["--regime", "international", "--genre", "fiction", "--vfx-france", "beaucoup"], /--vfx-france attend un montant/],
    [
      ["--regime", "cinema", "--genre", "fiction", "--annee", "2010"],
      // The year is at fault, not the workbook: the option is named, with the periods the rules cover.
      /^L'option --annee attend une année de dépenses couverte par les règles du crédit d'impôt \(périodes couvertes\u00a0: du 1er\u00a0janvier\u00a02016 au 31\u00a0décembre\u00a02028\), reçu «\u00a02010\u00a0»\.$/,
    ],
  ])("%j", async (args, message) => {
    const r = await lancer([devis, ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.sortie).toEqual([]);
    expect(r.erreurs.join("\n")).toMatch(message as RegExp);
  });

  it("valeur illisible dans Paramètres : la cellule est nommée", async () => {
    const f = path.join(dir, "parametre-faux.xlsx");
    await ecrireDevisFiction(f, [["credit-impot.cinema.taux", "trente pour cent"]]);
    const r = await lancer([f, "--regime", "cinema", "--genre", "fiction", "--annee", "2025", "--json"]);
    expect(r.code).toBe(2);
    expect(r.erreurs[0]).toBe(
      "parametre-faux.xlsx\u00a0: 'Paramètres'!B2\u00a0: «\u00a0trente pour cent\u00a0» n'est pas un taux valable pour «\u00a0credit-impot.cinema.taux\u00a0» (attendu par exemple «\u00a025\u00a0%\u00a0» ou «\u00a00,25\u00a0»).",
    );
  });

  it("une valeur de part dans Paramètres hors de 0 à 1 (« 1,5 ») : la cellule est nommée, code 2", async () => {
    const f = path.join(dir, "part-parametre.xlsx");
    await ecrireDevisFiction(f, [["credit-impot.plafond-budget.part", 1.5]]);
    refus(
      credit([f, ...FICTION_52_2025]),
      fr(
        "part-parametre.xlsx : 'Paramètres'!B2 : « 1,5 » n'est pas un taux valable pour « credit-impot.plafond-budget.part » " +
          "(attendu par exemple « 25 % » ou « 0,25 »).",
      ),
    );
  });

  // « 150 % » typed with its sign: a share above 100 % is refused naming the cell (before, read as 1,5 in silence).
  it.each([
    ["credit-impot.plafond-budget.part", "150 %"],
    ["credit-impot.audiovisuel.taux.fiction", "120 %"],
  ])("Paramètres « %s » = « %s » : au-delà de 100 %, refusé en nommant la cellule, code 2", async (cle, valeur) => {
    const f = path.join(dir, `part-${valeur.replace(/\W/g, "")}.xlsx`);
    await ecrireDevisFiction(f, [[cle, valeur]]);
    const sortie = path.join(dir, `part-${valeur.replace(/\W/g, "")}-sortie.xlsx`);
    refus(
      credit([f, ...FICTION_52_2025, "-o", sortie]),
      fr(
        `${path.basename(f)} : 'Paramètres'!B2 : « ${valeur} » pour « ${cle} » dépasse 100 % : un taux ou une part va ` +
          "de 0 à 100 % (par exemple « 25 % » ou « 0,25 »).",
      ),
      sortie,
    );
  });

  // A key no table reads (« ….taux » for « ….taux.fiction »): said with its cell and the keys it may have meant, through
  // the built binary, in credit-impot's alerts and in the devis's findings (devis key typed « imprevu »).
  it("clé inconnue dans Paramètres : nommée avec sa cellule et les clés proches", async () => {
    const f = path.join(dir, "cle-inconnue.xlsx");
    await ecrireDevisFiction(f, [
      ["credit-impot.audiovisuel.taux", "25 %"],
      ["devis.accord-transparence.fiction.imprevu", "5 %"],
    ]);
    const r = credit([f, ...FICTION_52_2025, "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { alertes: string[] }).alertes.map(espacesSimples)).toContain(
      "'Paramètres'!B2 : paramètre « credit-impot.audiovisuel.taux » inconnu ou sans objet pour ce calcul, ignoré. " +
        "Vouliez-vous dire « credit-impot.audiovisuel.taux.fiction », « credit-impot.audiovisuel.taux.documentaire » " +
        "ou « credit-impot.audiovisuel.taux.animation » ?",
    );
    const d = binaire(["devis", f, "--date", "2026-01-15", "--json"]);
    expect(d.code).toBe(0);
    const c = (JSON.parse(d.out) as { controles: { regle: string; cellule: string; message: string }[] }).controles;
    const inconnus = c.filter((x) => x.regle === "devis-parametre-inconnu");
    expect(inconnus.map((x) => x.cellule)).toEqual(["'Paramètres'!B3"]);
    expect(inconnus[0].message).toMatch(/\. Vouliez-vous dire «\sdevis\.accord-transparence\.fiction\.imprevus\s» \?$/);
  });

  // The share spent in France of a line (its « Territoire » cell) out of 0 to 100 %: the producer's input, refused by
  // the built binary with the cell and the line named, exit 2, no internal error, nothing written.
  it.each([
    ["120 %", "120"],
    [150, "150"],
    ["-20 %", "\u221220"],
  ])("part France « %s » dans la colonne Territoire : refusée en nommant la cellule", async (territoire, lu) => {
    const f = path.join(dir, `territoire-${String(lu).replace(/\W/g, "")}.xlsx`);
    await ecrireDevisFiction(f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    // 7.1 « Location caméra », whose « Territoire » says « 50 % » in the fixture.
    expect(wb.getWorksheet("Budget")!.getCell("G18").value).toBe("50 %");
    wb.getWorksheet("Budget")!.getCell("G18").value = territoire;
    await wb.xlsx.writeFile(f);
    const sortie = path.join(dir, `territoire-${String(lu).replace(/\W/g, "")}-sortie.xlsx`);
    refus(
      credit([f, ...FICTION_52_2025, "-o", sortie]),
      fr(
        `${path.basename(f)} : Budget!G18 : part France « ${lu} % » de la ligne « Location caméra » hors de 0 à 100 % : ` +
          "corrigez la colonne « Territoire ».",
      ),
      sortie,
    );
  });

  it("--annee 26 par le binaire : l'option est nommée, code 2", () => {
    refus(
      credit([devis, "--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "--annee", "26"]),
      fr("L'option --annee attend une année AAAA, reçu « 26 »."),
    );
  });

  it("fichier qui n'est pas un classeur", async () => {
    const f = path.join(dir, "pas-un-classeur.xlsx");
    await fs.writeFile(f, "Code;Montant\n1;2\n");
    const r = await lancer([f, "--regime", "cinema", "--genre", "fiction"]);
    expect(r.code).toBe(2);
    expect(r.erreurs[0]).toMatch(/n'est pas un classeur Excel lisible/);
  });
});

describe("prodbook credit-impot -o --modele-parametres", () => {
  it("ajoute un modèle « Paramètres » (clés, valeurs en vigueur, sources) que la commande relit sans surcharge", async () => {
    const sortie = path.join(dir, "avec-modele.xlsx");
    expect(
      (
        await lancer([
          devis,
          "--regime",
          "cinema",
          "--genre",
          "fiction",
          "--annee",
          "2025",
          "-o",
          sortie,
          "--modele-parametres",
        ])
      ).code,
    ).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const p = wb.getWorksheet("Paramètres")!;
    expect(p.getRow(3).values).toEqual([
      undefined,
      "Paramètre",
      "Valeur",
      "Commentaire",
      "Libellé",
      "En vigueur",
      "Confiance",
      "Source",
    ]);
    expect(p.getRow(4).getCell(1).value).toBe("credit-impot.cinema.taux");
    expect(p.getRow(4).getCell(5).value).toBe("20,00 %");
    // Read back as is: no override, same credit as without the sheet (318 000 × 30 % = 95 400 € in French).
    const j = JSON.parse(
      (
        await lancer([
          sortie,
          "--regime",
          "cinema",
          "--genre",
          "fiction",
          "--annee",
          "2025",
          "--langue",
          "francais",
          "--json",
        ])
      ).sortie[0],
    );
    expect(j.credit).toBe("95400.00");
    expect(j.alertes.some((a: string) => a.startsWith("surcharge utilisée"))).toBe(false);
  });

  it("sans -o : refusé (code 2)", async () => {
    expect((await lancer([devis, "--regime", "cinema", "--genre", "fiction", "--modele-parametres"])).code).toBe(2);
  });
});

/** The figure in column B of the row whose column A is `libelle` (a row not found fails the test). */
const chiffres = (ws: ExcelJS.Worksheet) => (libelle: string) => {
  for (let i = 1; i <= ws.rowCount; i++) {
    if (ws.getRow(i).getCell(1).value === libelle) return nombre(ws.getRow(i).getCell(2));
  }
  throw new Error(`ligne « ${libelle} » absente`);
};

/**
 * `sortie` with each row of its « Crédit d'impôt » sheet passed to `modifier` (the user's edit), saved as `nom` and
 * recomputed by LibreOffice, every cached result dropped first: that sheet's figures by their label (chiffres).
 */
async function recalculeModifie(sortie: string, nom: string, modifier: (row: ExcelJS.Row) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  wb.getWorksheet("Crédit d'impôt")!.eachRow(modifier);
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return chiffres((await lireRecalcule(await recalculerSansCache(f))).getWorksheet("Crédit d'impôt")!);
}

describe("prodbook credit-impot -o : la feuille « Crédit d'impôt »", () => {
  it("écrit la feuille à côté du devis ; LibreOffice recalcule les formules au même crédit ; relancer ne duplique rien", async () => {
    const sortie = path.join(dir, "sortie.xlsx");
    const r = await lancer([devis, ...FICTION_52_2025, "-o", sortie]);
    expect(r.code).toBe(0);
    // Every cached result dropped first: the figures below are LibreOffice's own.
    const wb = await lireRecalcule(await recalculerSansCache(sortie));
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(["Budget", "Crédit d'impôt"]);
    const ws = wb.getWorksheet("Crédit d'impôt")!;
    const valeur = chiffres(ws);
    expect(valeur("Base retenue")).toBe(318000);
    expect(valeur("Crédit avant plafonds")).toBe(79500);
    expect(valeur("Crédit d'impôt")).toBe(65000);
    const texte = ws.getSheetValues().flat().map(String).join("\n");
    expect(texte).toContain("Agrément provisoire — liste de contrôle");
    expect(texte).toContain("Déposer la demande d'agrément provisoire au CNC avant le premier jour de tournage");
    expect(texte).toContain(
      "https://www.cnc.fr/professionnels/aides-et-financements/cinema/production/credit-dimpot-cinema_132769",
    );

    // Live formulas: the user changes the rate and makes « Montage » ineligible in the sheet; LibreOffice recomputes
    // base 318 000 − 50 000 = 268 000 € × 20 % = 53 600 € = MIN(53 600 ; 65 000 ; 209 500).
    const lire = await recalculeModifie(sortie, "modifie.xlsx", (row) => {
      if (row.getCell(1).value === "Taux") row.getCell(2).value = 0.2;
      if (row.getCell(3).value === "Montage") row.getCell(6).value = "non";
    });
    expect(lire("Base retenue")).toBe(268000);
    expect(lire("Crédit avant plafonds")).toBe(53600);
    expect(lire("Crédit d'impôt")).toBe(53600);

    // The base's cap is live too: the budget lowered to 300 000 € in the sheet, LibreOffice caps the base at
    // ROUND(300 000 × 0,8) = 240 000 € (220 sexies III-3), × 25 % = 60 000 € = MIN(60 000 ; 65 000 ; 209 500).
    const lireB = await recalculeModifie(sortie, "budget-modifie.xlsx", (row) => {
      if (row.getCell(1).value === "Budget de production (total du devis)") row.getCell(2).value = 300000;
    });
    expect(lireB("Plafond de la base : 80\u00a0% du budget de production")).toBe(240000);
    expect(lireB("Base retenue")).toBe(240000);
    expect(lireB("Crédit avant plafonds")).toBe(60000);
    expect(lireB("Crédit d'impôt")).toBe(60000);
    // Untouched, the same cell gives 80 % × 419 000 = 335 200 €, above the base: 318 000 € retained.
    expect(valeur("Plafond de la base : 80\u00a0% du budget de production")).toBe(335200);

    const encore = path.join(dir, "sortie2.xlsx");
    expect((await lancer([sortie, ...FICTION_52_2025, "-o", encore])).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(encore);
    expect(wb2.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "Budget",
      "Crédit d'impôt",
    ]);
  });
});
