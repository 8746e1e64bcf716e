import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * A hostile pass, seventh round: a quantity that reads as no number (« NaN » pasted from another tool), a sheet name
 * typed with an invisible character, a workbook of 200 sheets.
 */
const dossier = dossierTemporaire("prodbook-hostile-saisies-");
const variante = fabriqueVariantes(dossier);
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const PLAN = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");

describe("une quantité écrite en texte sans nombre lisible (avant : prise pour 1 sans un mot)", () => {
  it.each(["NaN", "Infinity", "1e3"])("« %s » en C53 : nommée, la ligne comptée avec son montant lu", async (q) => {
    const f = await variante(EXEMPLE, `quantite-${q}.xlsx`, (wb) => {
      wb.worksheets[0].getCell("C53").value = q;
    });
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).filter((c) => c.cellule === "'Budget Gardiens'!C53")).toEqual([
      expect.objectContaining({
        regle: "montant-illisible",
        gravite: "alerte",
        message:
          `'Budget Gardiens'!C53 « Kit son HF » : la quantité « ${q} » n'est pas un nombre ; la ligne est comptée ` +
          "avec son montant lu, 1\u202f500,00\u00a0€.",
      }),
    ]);
  });

  it.each<[string, ExcelJS.CellValue, string]>([
    ["« NaN »", "NaN", "« NaN » n'est pas un nombre"],
    ["« 3 à 4 »", "3 à 4", "« 3 à 4 » n'est pas un nombre"],
    ["#REF!", { error: "#REF!" } as ExcelJS.CellErrorValue, "est une erreur Excel (#REF!)"],
    ["une date", new Date(Date.UTC(2026, 2, 1)), "est une date (01/03/2026)"],
  ])(
    "quantité %s en C53 : jamais prise pour 1 dans « Montant ≠ quantité × taux » (avant : « 1 × 350,00 € » faux)",
    async (_nom, q, dit) => {
      // The line's own figures disagree (4 × 1 × 350 ≠ 1 500): the check fires on the untouched workbook…
      const avant = await lancerCli(main, ["devis", EXEMPLE, "--date", "2026-01-15", "--json"]);
      const calcul = (out: string) =>
        controlesJson(out).filter((c) => c.regle === "montant-calcul" && c.cellule === "'Budget Gardiens'!G53");
      expect(calcul(avant.out)).toHaveLength(1);
      // …but with an unreadable quantity, only that cell is named: no calculation with 1 in its place.
      const f = await variante(EXEMPLE, `quantite-calcul-${_nom.replace(/\W+/g, "")}.xlsx`, (wb) => {
        wb.worksheets[0].getCell("C53").value = q;
      });
      const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
      expect(r.code).toBe(0);
      expect(calcul(r.out)).toEqual([]);
      expect(controlesJson(r.out).filter((c) => c.cellule === "'Budget Gardiens'!C53")).toEqual([
        expect.objectContaining({ regle: "montant-illisible", message: expect.stringContaining(dit) }),
      ]);
    },
  );

  it("« forfait » (un mot sans chiffre) reste une unité écrite à la place de la quantité : rien à dire", async () => {
    const f = await variante(EXEMPLE, "quantite-forfait.xlsx", (wb) => {
      wb.worksheets[0].getCell("C53").value = "forfait";
    });
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).filter((c) => c.cellule === "'Budget Gardiens'!C53")).toEqual([]);
  });
});

describe("--feuille avec un caractère invisible (avant : « Budget Gardiens » n'existe pas, feuilles : « Budget Gardiens »)", () => {
  const INDICE = (nom: string) =>
    `\u202f; le nom demandé contient un caractère invisible\u00a0: vouliez-vous dire «\u00a0${nom}\u00a0»\u202f?`;
  it("devis, carbone, financement, planning : le caractère montré, la feuille proche nommée, jamais prise", async () => {
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "--feuille", "Budget Gardiens\u200b"]),
      "devis-producteur.xlsx\u00a0: La feuille de devis «\u00a0Budget Gardiens⟨U+200B⟩\u00a0» n'existe pas dans le classeur " +
        `(feuilles\u00a0: «\u00a0Budget Gardiens\u00a0»\u202f; «\u00a0Post-production\u00a0» est une feuille d'étapes)${INDICE("Budget Gardiens")}`,
    );
    refus(
      await lancerCli(main, ["carbone", EXEMPLE, "--feuille", "\u202eBudget Gardiens"]),
      "devis-producteur.xlsx\u00a0: La feuille de devis «\u00a0⟨U+202E⟩Budget Gardiens\u00a0» n'existe pas dans le " +
        `classeur (feuilles\u00a0: «\u00a0Budget Gardiens\u00a0»\u202f; «\u00a0Post-production\u00a0» est une feuille d'étapes)${INDICE("Budget Gardiens")}`,
    );
    refus(
      await lancerCli(main, ["financement", FICTION, "--cout", "1000000", "--feuille", "Financement\ufeff"]),
      "fiction.xlsx\u00a0: La feuille du plan de financement «\u00a0Financement⟨U+FEFF⟩\u00a0» n'existe pas dans le " +
        `classeur (feuilles\u00a0: «\u00a0Financement\u00a0»)${INDICE("Financement")}`,
    );
    refus(
      await lancerCli(main, ["planning", PLAN, "--livraison", "2026-06-01", "--feuille", "PDT\u200d"]),
      /^gardiens-planning\.xlsx\u00a0: La feuille d'étapes «\u00a0PDT⟨U\+200D⟩\u00a0» n'existe pas dans le classeur .*vouliez-vous dire «\u00a0PDT\u00a0»\u202f\?$/,
    );
  });

  it("des espaces doublés : dit aussi ; un autre nom : la liste seule", async () => {
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "--feuille", "Budget  Gardiens"]),
      /le nom demandé diffère par ses espaces\u00a0: vouliez-vous dire «\u00a0Budget Gardiens\u00a0»\u202f\?$/,
    );
    refus(
      await lancerCli(main, ["devis", EXEMPLE, "--feuille", "Devis"]),
      "devis-producteur.xlsx\u00a0: La feuille de devis «\u00a0Devis\u00a0» n'existe pas dans le classeur (feuilles\u00a0: " +
        "«\u00a0Budget Gardiens\u00a0»\u202f; «\u00a0Post-production\u00a0» est une feuille d'étapes).",
    );
  });
});

describe("un classeur de 200 feuilles sans devis (avant : les 200 noms sur une ligne)", () => {
  it("devis et financement : 30 noms puis « et 170 autres »", async () => {
    const f = path.join(dossier(), "200-feuilles.xlsx");
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 200; i++) wb.addWorksheet(`F${i}`);
    await wb.xlsx.writeFile(f);
    const trente = Array.from({ length: 30 }, (_, i) => `F${i}`);
    const devis = await lancerCli(main, ["devis", f]);
    refus(devis, /^200-feuilles\.xlsx\u00a0: Aucun devis reconnu dans les feuilles «\u00a0F0\u00a0», /);
    expect(devis.err).toContain(`${trente.map((n) => `«\u00a0${n}\u00a0»`).join(", ")} et 170 autres`);
    expect(devis.err).not.toContain("F30");
    const fin = await lancerCli(main, ["financement", f, "--cout", "1000"]);
    refus(fin, new RegExp(`parmi\u00a0: ${trente.join(", ")} et 170 autres\\. `));
  });
});

describe("versions enregistrer --nom ou --auteur avec un caractère invisible (avant : enregistrée sous un nom qu'on ne retape pas)", () => {
  it.each([
    [["--nom", "V1\u202e"], "Le nom de version «\u00a0V1⟨U+202E⟩\u00a0»"],
    [["--nom", "V1", "--auteur", "Claire\u200bMartin"], "Le nom d'auteur «\u00a0Claire⟨U+200B⟩Martin\u00a0»"],
  ])("%j : refusé, le caractère montré, rien d'écrit", async (options, dit) => {
    const sortie = path.join(dossier(), "jamais-version.xlsx");
    refus(
      await lancerCli(main, ["versions", "enregistrer", EXEMPLE, ...options, "-o", sortie]),
      `devis-producteur.xlsx\u00a0: ${dit} contient un caractère invisible (montré entre ⟨ ⟩)\u00a0: retapez-le sans.`,
      sortie,
    );
  });
});
