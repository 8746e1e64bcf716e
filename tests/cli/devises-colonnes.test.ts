import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { importerDevis } from "../../src/core/devis/import";
import { centsToDecimalString } from "../../src/core/money/cents";
import { chargerXlsx, lireFeuille } from "../../src/xlsx/read";
import { controlesJson, dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * Issue 10 « chaque montant compté » : a foreign currency is named in every column the devis reads amounts from
 * (dont France, dont étranger, charges), and a figure typed as text in a foreign currency is refused naming it,
 * in the devis, the financement plan, the PROD.* arguments and the CLI options.
 */
const dossier = dossierTemporaire("prodbook-devises-colonnes-");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const variante = fabriqueVariantes(dossier);

interface Conservation {
  lu: string;
  lignes: string;
  totauxProuves: string;
  nonPlaces: string;
  ecart: string;
}

async function devis(
  nom: string,
  entete: string[],
  rangees: (string | number | null)[][],
  formats: Record<string, string> = {},
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(entete);
  for (const l of rangees) ws.addRow(l);
  for (const [c, f] of Object.entries(formats)) ws.getCell(c).numFmt = f;
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
  expect([r.code, r.err]).toEqual([0, ""]);
  const j = JSON.parse(r.out) as { devis: { total: string; conservation: Conservation } };
  // The lines, as the import made them from the same file read back by the xlsx adapter.
  const relu = await chargerXlsx(await fs.readFile(f), nom);
  const lues = importerDevis(lireFeuille(relu.getWorksheet("Devis") as ExcelJS.Worksheet)).lignes.map((l) => ({
    libelle: l.libelle,
    montant: centsToDecimalString(l.montant),
    partFrance: l.partFrance,
  }));
  const c = j.devis.conservation;
  // lu = lignes + totaux prouvés + non placés, to the cent: nothing read in dollars slips into the euros.
  expect(c.ecart).toBe("0.00");
  expect(Number(c.lu)).toBeCloseTo(Number(c.lignes) + Number(c.totauxProuves) + Number(c.nonPlaces), 2);
  return { j, lignes: lues, controles: controlesJson(r.out) };
}

const CONVERTIR =
  " (aucun taux de change n'est appliqué). Convertissez le montant en euros et donnez à la cellule un format en € " +
  "ou sans devise, puis relancez.";

describe("dont France / dont étranger au format d'une autre devise", () => {
  it("montant lu en euros : la ligne est comptée, le dont étranger en dollars nommé et non tiré en part France (avant : 4 000 $ lus 4 000 €, part France 0,5)", async () => {
    const { j, lignes, controles } = await devis(
      "devis-dont-devises.xlsx",
      ["Code", "Désignation", "Montant", "Dont France", "Dont étranger"],
      [
        ["21", "Réalisateur", 8000, 8000, null],
        ["61", "Voyages", 8000, null, 4000],
        ["62", "Hébergement", 3000, "1.500", null],
      ],
      { E3: "[$$-409]#,##0.00" },
    );
    expect(j.devis.total).toBe("19000.00");
    expect(j.devis.conservation.lu).toBe("19000.00");
    // Voyages: no part read (it came from 4 000 $ as if euros: 1 − 4000/8000 = 0.5).
    expect(lignes.map((l) => [l.libelle, l.montant, l.partFrance])).toEqual([
      ["Réalisateur", "8000.00", "1"],
      ["Voyages", "8000.00", undefined],
      ["Hébergement", "3000.00", undefined],
    ]);
    expect(controles.filter((c) => ["Devis!E3", "Devis!D4"].includes(c.cellule ?? ""))).toEqual([
      {
        regle: "montant-ambigu",
        gravite: "alerte",
        message:
          "Devis!D4 « Hébergement » : « 1.500 » peut se lire 1,50\u00a0€ ou 1\u202f500,00\u00a0€ ; la ligne est comptée " +
          "avec son montant lu, 3\u202f000,00\u00a0€, sans ce dont France. Saisissez le montant comme un nombre (ou " +
          "« 12 500,00 »), puis relancez.",
        cellule: "Devis!D4",
      },
      {
        regle: "montant-devise",
        gravite: "alerte",
        message:
          "Devis!E3 « Voyages » : 4\u202f000,00\u00a0$ est affiché en « $ » (format de nombre « [$$-409]#,##0.00 »), " +
          "pas en euros ; la ligne est comptée avec son montant lu, 8\u202f000,00\u00a0€, sans ce dont étranger" +
          CONVERTIR,
        cellule: "Devis!E3",
      },
    ]);
  });

  it("montant vide : la ligne n'est pas faite de la seule part en euros (avant : 1 000 £ + 2 000 € comptés 3 000 €)", async () => {
    const { j, lignes, controles } = await devis(
      "devis-dont-vide.xlsx",
      ["Code", "Désignation", "Montant", "Dont France", "Dont étranger"],
      [
        ["21", "Réalisateur", 5000, null, null],
        ["62", "Hôtel Londres", null, 2000, 1000],
        ["63", "Repas", null, 300, 200],
      ],
      { E3: "£#,##0.00" },
    );
    expect(j.devis.total).toBe("5500.00");
    expect(lignes.map((l) => [l.libelle, l.montant])).toEqual([
      ["Réalisateur", "5000.00"],
      ["Repas", "500.00"],
    ]);
    expect(controles.filter((c) => c.regle === "montant-devise")).toEqual([
      expect.objectContaining({
        cellule: "Devis!E3",
        message:
          "Devis!E3 « Hôtel Londres » : 1\u202f000,00\u00a0£ est affiché en « £ » (format de nombre « £#,##0.00 »), " +
          "pas en euros ; la ligne n'est pas comptée" +
          CONVERTIR,
      }),
    ]);
  });
});

describe("charges sur la ligne du salaire, au format d'une autre devise ou en texte illisible", () => {
  it("les charges en USD, « $800 », « 1.500 », #REF! sont nommées, non comptées ; le brut reste compté (avant : 2 750 USD comptés 2 750 €, les autres perdus sans un mot)", async () => {
    const { j, lignes, controles } = await devis(
      "devis-charges-devises.xlsx",
      ["Code", "Désignation", "Brut", "Charges"],
      [
        ["21", "Réalisatrice", 10000, 5500],
        ["22", "Monteuse", 5000, 2750],
        ["23", "Scripte", 2000, "$800"],
        ["24", "Cadreur", 3000, "1.500"],
        ["25", "Régisseur", 1000, { error: "#REF!" } as unknown as string],
      ],
      { D3: "#,##0.00 [$USD]" },
    );
    expect(lignes.map((l) => [l.libelle, l.montant])).toEqual([
      ["Réalisatrice", "10000.00"],
      ["Charges sociales — Réalisatrice", "5500.00"],
      ["Monteuse", "5000.00"],
      ["Scripte", "2000.00"],
      ["Cadreur", "3000.00"],
      ["Régisseur", "1000.00"],
    ]);
    expect(j.devis.total).toBe("26500.00");
    const parCellule = new Map(controles.map((c) => [c.cellule, c]));
    expect(parCellule.get("Devis!D3")).toEqual({
      regle: "montant-devise",
      gravite: "alerte",
      message:
        "Devis!D3 « Monteuse » : 2\u202f750,00\u00a0USD est affiché en « USD » (format de nombre « #,##0.00 [$USD] »), " +
        "pas en euros ; ces charges ne sont pas comptées (la ligne l'est, avec son montant lu, 5\u202f000,00\u00a0€)" +
        CONVERTIR,
      cellule: "Devis!D3",
    });
    // A figure written in another currency has its own code, montant-devise (was montant-illisible).
    expect(parCellule.get("Devis!D4")).toEqual({
      regle: "montant-devise",
      gravite: "alerte",
      message:
        "Devis!D4 « Scripte » : « $800 » est en dollars ; Prodbook compte en euros et n'applique aucun taux de change : " +
        "ces charges ne sont pas comptées (la ligne l'est, avec son montant lu, 2\u202f000,00\u00a0€). Convertissez-le " +
        "ou indiquez le montant en euros, puis relancez.",
      cellule: "Devis!D4",
    });
    expect(parCellule.get("Devis!D5")?.regle).toBe("montant-ambigu");
    expect(parCellule.get("Devis!D6")).toEqual(
      expect.objectContaining({
        regle: "montant-illisible",
        gravite: "erreur",
        message: expect.stringMatching(
          /^Devis!D6 « Régisseur » : la cellule des charges est une erreur Excel \(#REF!\) ; ces charges/,
        ),
      }),
    );
  });
});

describe("un montant écrit en texte dans une autre devise : la devise est nommée", () => {
  it.each([
    ["$1,500", "dollars"],
    ["USD 1 500", "dollars US"],
    ["1 500 £", "livres sterling"],
    ["1.500 CHF", "francs suisses"],
  ])("devis : « %s » → montant en %s, la ligne n'est pas comptée", async (texte, nom) => {
    const { j, lignes, controles } = await devis(
      "devis-texte-devise.xlsx",
      ["Code", "Désignation", "Montant"],
      [
        ["21", "Réalisateur", 5000],
        ["22", "Musique", texte],
      ],
    );
    expect(lignes.map((l) => l.libelle)).toEqual(["Réalisateur"]);
    expect(j.devis.total).toBe("5000.00");
    expect(controles.filter((c) => c.cellule === "Devis!C3")).toEqual([
      {
        regle: "montant-devise",
        gravite: "alerte",
        message:
          `Devis!C3 « Musique » : « ${texte} » est en ${nom} ; Prodbook compte en euros et n'applique aucun taux de ` +
          "change : la ligne n'est pas comptée. Convertissez-le ou indiquez le montant en euros, puis relancez.",
        cellule: "Devis!C3",
      },
    ]);
  });

  it("financement : « USD 100 000 » nommé (avant : « n'est pas un montant »)", async () => {
    const f = await variante(FICTION, "fin-texte-devise.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").value = "USD 100 000";
      ws.getCell("F5").value = null;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).find((c) => c.cellule === "Financement!E5")?.message).toMatch(
      /^Financement!E5 : « USD 100 000 » : montant en dollars US : Prodbook ne convertit pas, convertissez en euros ; ce montant n'est pas compté\.$/,
    );
  });

  it("option de la CLI : --cout « $1,500,000 » refusé en nommant la devise, rien n'est écrit", async () => {
    const f = path.join(dossier(), "jamais.xlsx");
    const r = await lancerCli(main, ["financement", FICTION, "--cout", "$1,500,000", "-o", f]);
    refus(
      r,
      "L'option --cout («\u00a0$1,500,000\u00a0»)\u00a0: montant en dollars\u00a0: Prodbook ne convertit pas, convertissez en euros.",
      f,
    );
  });
});
