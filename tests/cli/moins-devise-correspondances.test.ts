import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, fabriqueVariantes, lancerCli, refus } from "../helpers/cli";

/**
 * Three faults left by the « nothing lost, nothing guessed » sweep: the minus sign U+2212 of a figure pasted from a
 * PDF or Word, an amount shown in a foreign currency, a correspondances key that is no account number.
 */
const dossier = dossierTemporaire("prodbook-moins-devise-");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
const variante = fabriqueVariantes(dossier);

const controles = controlesJson;

describe("le signe moins U+2212 (« −300 », collé d'un PDF ou de Word)", () => {
  it("devis : « −300 » et « −1 234,56 € » lus comme des montants négatifs (avant : « n'est pas un montant », non comptés)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow(["21", "Réalisateur", 1, 1, 5000, 5000]);
    ws.addRow(["22", "Remise scripte", null, null, null, "\u2212300"]);
    ws.addRow(["23", "Avoir régie", null, null, null, "\u22121\u00a0234,56\u00a0€"]);
    const f = path.join(dossier(), "devis-moins.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { devis: { total: string; conservation: { lu: string; ecart: string } } };
    expect(j.devis.total).toBe("3465.44");
    expect([j.devis.conservation.lu, j.devis.conservation.ecart]).toEqual(["3465.44", "0.00"]);
    expect(controles(r.out).filter((c) => /n'est pas un montant/.test(c.message))).toEqual([]);
  });

  it("FEC : un débit « −12000,00 » est lu −12 000,00 € (avant : la ligne rejetée, « n'est pas un montant »)", async () => {
    const fec = path.join(dossier(), "fec-moins.txt");
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n");
    lignes[1] = lignes[1].replace("\t12000,00\t", "\t\u221212000,00\t");
    await fs.writeFile(fec, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", fec, "--json"]);
    const j = JSON.parse(r.out) as { lignesImportees: number; debit: string; erreurs: unknown[] };
    expect([j.lignesImportees, j.debit, j.erreurs]).toEqual([23, "23112.65", []]);
  });

  it("grand livre CSV : un crédit « 12000,00− » (signe en fin) est lu −12 000,00 €", async () => {
    const csv = path.join(dossier(), "grand-livre-moins.csv");
    const lignes = (await fs.readFile(FEC, "utf8")).replace(/\t/g, ";").split("\n");
    lignes[2] = lignes[2].replace(";12000,00;", ";12000,00\u2212;");
    await fs.writeFile(csv, lignes.join("\n"));
    const r = await lancerCli(main, ["fec", csv, "--json"]);
    const j = JSON.parse(r.out) as { lignesImportees: number; credit: string; erreurs: unknown[] };
    expect([j.lignesImportees, j.credit, j.erreurs]).toEqual([23, "23112.65", []]);
  });

  it("financement : « −50 000 » est un montant négatif, nommé comme tel (avant : « illisible »)", async () => {
    const f = await variante(FICTION, "fin-moins.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").value = "\u221250\u00a0000";
      ws.getCell("F5").value = null;
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E5")).toEqual([
      expect.objectContaining({
        gravite: "erreur",
        message: expect.stringMatching(
          /^Financement!E5 : montant négatif \(.50\u202f000,00\u00a0€\) pour « Région Bretagne »/,
        ),
      }),
    ]);
  });
});

describe("un montant au format d'une autre devise que l'euro", () => {
  it("devis : nommé avec sa devise et son montant, ni converti ni compté (avant : lu en euros sans un mot) ; €, EUR, [$€-40C] et sans devise restent des euros", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    const lignes: [string, string, number, string | undefined][] = [
      ["21", "Réalisateur", 5000, undefined],
      ["22", "Location caméra", 1500, "[$$-409]#,##0.00"],
      ["23", "Hôtel Londres", 800, "[$£-809]#,##0"],
      ["24", "Musique", 1200.5, "#,##0.00 [$USD]"],
      ["25", "Transport", 300, "$#,##0"],
      ["26", "Scripte", 1000, "#,##0.00 [$€-40C]"],
      ["27", "Régisseur", 2000, '#,##0.00 "€"'],
      ["28", "Cantine", 500, '#,##0 "EUR"'],
    ];
    lignes.forEach(([code, libelle, montant, fmt], i) => {
      ws.addRow([code, libelle, null, null, null, montant]);
      if (fmt) ws.getCell(`F${i + 2}`).numFmt = fmt;
    });
    const f = path.join(dossier(), "devis-devises.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      devis: { total: string; conservation: { lu: string; lignes: string; ecart: string; nonComptees?: unknown[] } };
    };
    expect(j.devis.total).toBe("8500.00");
    expect([j.devis.conservation.lu, j.devis.conservation.lignes, j.devis.conservation.ecart]).toEqual([
      "8500.00",
      "8500.00",
      "0.00",
    ]);
    const suite =
      " (aucun taux de change n'est appliqué). Convertissez le montant en euros et donnez à la cellule un format en € " +
      "ou sans devise, puis relancez.";
    expect(controles(r.out).filter((c) => c.regle === "montant-devise")).toEqual([
      {
        regle: "montant-devise",
        gravite: "alerte",
        message:
          "Devis!F3 « Location caméra » : 1\u202f500,00\u00a0$ est affiché en « $ » (format de nombre " +
          "« [$$-409]#,##0.00 »), pas en euros ; la ligne n'est pas comptée" +
          suite,
        cellule: "Devis!F3",
      },
      expect.objectContaining({
        cellule: "Devis!F4",
        message: expect.stringMatching(/^Devis!F4 « Hôtel Londres » : 800,00\u00a0£ est affiché en « £ »/),
      }),
      expect.objectContaining({
        cellule: "Devis!F5",
        message: expect.stringMatching(/^Devis!F5 « Musique » : 1\u202f200,50\u00a0USD est affiché en « USD »/),
      }),
      expect.objectContaining({
        cellule: "Devis!F6",
        message: expect.stringMatching(
          /^Devis!F6 « Transport » : 300,00\u00a0\$ est affiché en « \$ ».* la ligne n'est pas comptée /,
        ),
      }),
    ]);
  });

  it("devis : un sous-total en dollars n'est pas comparé, et c'est dit", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    ws.addRow(["Code", "Désignation", "Quantité", "Nombre", "Taux", "Montant"]);
    ws.addRow(["21", "Réalisateur", null, null, null, 5000]);
    ws.addRow(["22", "Scripte", null, null, null, 2000]);
    ws.addRow([null, "Sous-total", null, null, null, { formula: "SUM(F2:F3)", result: 7000 }]);
    ws.getCell("F4").numFmt = "[$$-409]#,##0.00";
    const f = path.join(dossier(), "devis-sous-total-dollars.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    const j = JSON.parse(r.out) as { devis: { total: string; conservation: { ecart: string } } };
    expect([j.devis.total, j.devis.conservation.ecart]).toEqual(["7000.00", "0.00"]);
    expect(controles(r.out).filter((c) => c.cellule === "Devis!F4")).toEqual([
      expect.objectContaining({
        regle: "montant-devise",
        message: expect.stringMatching(
          /« Sous-total » : 7\u202f000,00\u00a0\$ .* ce total du producteur n'est pas comparé/,
        ),
      }),
    ]);
  });
});

describe("financement : un montant au format d'une autre devise que l'euro", () => {
  it("nommé, non compté (avant : 100 000 $ comptés 100 000,00 € sans un mot) ; « € » reste compté", async () => {
    const f = await variante(FICTION, "fin-devise.xlsx", (wb) => {
      const ws = wb.getWorksheet("Financement")!;
      ws.getCell("E5").numFmt = "[$$-409]#,##0.00";
      ws.getCell("F5").value = null;
      ws.getCell("E4").numFmt = '#,##0.00\\ "€"';
    });
    const r = await lancerCli(main, ["financement", f, "--cout", "1000000", "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { total: string }).total).toBe("900000.00");
    expect(controles(r.out).filter((c) => c.cellule === "Financement!E5")).toEqual([
      {
        regle: "lecture-plan",
        gravite: "alerte",
        message:
          "Financement!E5 : 100\u202f000,00\u00a0$ est affiché en « $ » (format de nombre « [$$-409]#,##0.00 »), pas " +
          "en euros ; ce montant n'est pas compté (aucun taux de change n'est appliqué). Convertissez-le en euros et " +
          "donnez à la cellule un format en € ou sans devise, puis relancez.",
        cellule: "Financement!E5",
      },
    ]);
  });
});

describe("correspondances : une clé qui ne commence aucun numéro de compte", () => {
  const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

  it.each(["abc", "64A", "A641"])(
    "« %s » refusé, fichier et ligne nommés (avant : accepté sans un mot, aucun compte ne s'y rattachait)",
    async (cle) => {
      const csv = path.join(dossier(), "corr.csv");
      await fs.writeFile(csv, `compte;poste\n641;2\nsection:TOURNAGE;3\n${cle};2\n`);
      const sortie = path.join(dossier(), "jamais-ecarts.xlsx");
      const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", csv, "-o", sortie]);
      refus(
        r,
        `corr.csv, ligne 4\u00a0: «\u00a0${cle}\u00a0» n'est pas un début de numéro de compte (ex. 6411) ni «\u00a0section:CODE\u00a0».`,
        sortie,
      );
    },
  );

  it("une section analytique (« section:abc »), un compte alphanumérique (« 6411A ») et un préfixe court (« 6 ») restent lus", async () => {
    const csv = path.join(dossier(), "corr-valide.csv");
    await fs.writeFile(csv, "compte;poste\n6;7\n6411A;2\nsection:abc;3\n");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC, "--correspondances", csv, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
  });
});
