import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * docs/credit-impot.md, « Exemples chiffrés de Prodbook »: each example written as a producer's devis (.xlsx, one row
 * per line, unit and territory columns) and run through `prodbook credit-impot` with the options the documentation
 * gives in parentheses. tests/core/creditImpot/exemplesProdbook.test.ts checks every intermediate figure in the core;
 * here the documented options and the documented credit meet on a real file.
 */
type Ligne = [
  code: string,
  libelle: string,
  qte: number,
  unite: string | null,
  nb: number,
  tarif: number,
  terr?: string,
];

async function ecrire(chemin: string, lignes: Ligne[], frais: [string, number][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant", "Territoire"]);
  let total = 0;
  for (const [code, lib, q, u, n, t, terr] of lignes) {
    total += q * n * t;
    ws.addRow([code, lib, q, u, n, t, q * n * t, terr ?? null]);
  }
  for (const [lib, m] of frais) {
    total += m;
    ws.addRow([null, lib, null, null, null, null, m, null]);
  }
  ws.addRow([null, "TOTAL", null, null, null, null, total, null]);
  await wb.xlsx.writeFile(chemin);
}

const dossier = dossierTemporaire("prodbook-ci-exemples-");

async function credit(fichier: string, options: string): Promise<{ base: string; credit: string; taux: string }> {
  const args = ["credit-impot", fichier, ...options.split(" "), "--json"];
  const r = await lancerCli(main, args);
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
  return JSON.parse(r.out);
}

describe("docs/credit-impot.md, exemples chiffrés, par la CLI sur un vrai classeur", () => {
  it("1. cinéma, fiction en français : devis de 1 800 000 €, base 1 260 000 €, crédit 378 000 €", async () => {
    const f = path.join(dossier(), "cinema.xlsx");
    await ecrire(
      f,
      [
        ["1.1", "Scénario (droits d'auteur)", 1, "forfait", 1, 120000],
        ["2.1", "Réalisateur (salaire)", 1, "forfait", 1, 200000],
        ["2.2", "Équipe technique", 1, "forfait", 1, 400000],
        ["4.1", "Charges sociales", 1, "forfait", 1, 200000],
        ["6.1", "Hôtel équipe", 10, "nuits", 20, 250],
        ["7.1", "Caméra et lumière (location)", 1, "forfait", 1, 500000, "60 %"],
        ["9.1", "Assurance tournage", 1, "forfait", 1, 80000],
      ],
      [
        ["Frais généraux", 150000],
        ["Imprévus", 100000],
      ],
    );
    const r = await credit(f, "--regime cinema --genre fiction --langue francais --annee 2025");
    expect([r.base, r.taux, r.credit]).toEqual(["1260000.00", "0.30", "378000.00"]);
  });

  it("2. audiovisuel, fiction de 90 minutes : base 1 140 000 €, 285 000 € ramenés à 2 000 € × 90 = 180 000 €", async () => {
    const f = path.join(dossier(), "fiction.xlsx");
    await ecrire(
      f,
      [
        ["1.1", "Droits d'auteur", 1, "forfait", 1, 100000],
        ["2.1", "Réalisateur", 1, "forfait", 1, 90000],
        ["2.2", "Équipe technique", 1, "forfait", 1, 500000],
        ["3.1", "Comédiens", 1, "forfait", 1, 250000],
        ["7.1", "Moyens techniques", 1, "forfait", 1, 400000, "50 %"],
        ["9.1", "Assurance", 1, "forfait", 1, 100000],
      ],
      [["Frais généraux", 160000]],
    );
    const r = await credit(f, "--regime audiovisuel --genre fiction --duree 90 --annee 2025");
    expect([r.base, r.taux, r.credit]).toEqual(["1140000.00", "0.25", "180000.00"]);
  });

  it("3. international : base 4 500 000 €, crédit 1 320 000 € ; 2 000 000,01 € d'effets visuels : 40 %, 1 760 000 €", async () => {
    const f = path.join(dossier(), "c2i.xlsx");
    await ecrire(
      f,
      [
        ["2.1", "Équipe technique", 1, "forfait", 1, 1500000],
        ["3.1", "Comédiens", 1, "forfait", 1, 800000],
        ["6.1", "Transports", 1, "forfait", 1, 400000, "Étranger"],
        ["7.1", "Moyens techniques", 1, "forfait", 1, 1000000],
        ["8.1", "Effets visuels", 1, "forfait", 1, 1500000],
      ],
      [["Frais généraux", 300000]],
    );
    const options =
      "--regime international --genre fiction --jours-tournage-france 10 --subventions 300000 --annee 2025";
    const r = await credit(f, `${options} --vfx-france 1500000`);
    expect([r.base, r.taux, r.credit]).toEqual(["4500000.00", "0.30", "1320000.00"]);
    expect((await credit(f, `${options} --vfx-france 2000000`)).taux).toBe("0.30");
    const vfx = await credit(f, `${options} --vfx-france 2000000,01`);
    expect([vfx.taux, vfx.credit]).toEqual(["0.40", "1760000.00"]);
  });
});
