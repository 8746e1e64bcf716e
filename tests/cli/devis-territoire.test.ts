import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, devisJsonBinaire, dossierTemporaire, FICTION_52_2025, fr, refus } from "../helpers/cli";

/**
 * The « Territoire » column (share spent in France) of a devis, through the built binary on real .xlsx files:
 * a bare number above 1 (« 1,5 ») is read only when the column proves its convention, else named with both readings
 * (1,5 % or 150 %); a share out of 0 to 100 % (« 120 % ») is an `erreur` finding naming the cell, the devis still read.
 */
const dossier = dossierTemporaire("prodbook-territoire-");

/** A devis « Budget » whose two lines say `camera` and `lumiere` in their « Territoire » cell (D2, D3). */
async function devis(nom: string, camera: string | number, lumiere: string | number, pourcent = false) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Libellé", "Montant", "Territoire"]);
  ws.addRow(["7.1", "Location caméra", 10000, camera]);
  ws.addRow(["7.2", "Location lumière", 5000, lumiere]);
  if (pourcent) ws.getCell("D3").numFmt = "0%";
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

const territoire = (controles: { regle: string }[]) => controles.filter((c) => c.regle.startsWith("territoire-"));
const credit = (f: string) => binaire(["credit-impot", f, ...FICTION_52_2025, "--json"]);

describe("prodbook devis : colonne « Territoire »", () => {
  it("« 1,5 » sans autre nombre dans la colonne : les deux lectures sont nommées, aucune n'est retenue", async () => {
    const f = await devis("ambigu.xlsx", 1.5, "France");
    const { controles } = devisJsonBinaire(f);
    expect(territoire(controles)).toEqual([
      {
        regle: "territoire-ambigu",
        gravite: "alerte",
        cellule: "Budget!D2",
        message:
          "Budget!D2 : part France « 1,5 » de la ligne « Location caméra » : peut se lire 1,5 % ou 150 % " +
          "(hors de 0 à 100 %) ; la part France n'est pas lue. Saisissez-la avec « % » (« 1,5 % »), puis relancez.",
      },
    ]);
    // credit-impot does not take 100 % by default for it: refused, the cell and both readings named, exit 2.
    refus(
      credit(f),
      fr(
        "ambigu.xlsx : Budget!D2 : part France « 1,5 » de la ligne « Location caméra » : 1,5 % ou 150 % ? " +
          "Saisissez-la avec « % » dans la colonne « Territoire ».\n",
      ),
    );
  });

  it("« 1,5 » dans une colonne de pourcentages sans « % » (« 80 ») : lu 1,5 %, sans constat", async () => {
    const f = await devis("pourcents.xlsx", 1.5, 80);
    expect(territoire(devisJsonBinaire(f).controles)).toEqual([]);
    const r = credit(f);
    expect(r.code).toBe(0);
    // 10 000 × 1,5 % + 5 000 × 80 % = 150 + 4 000.
    expect(JSON.parse(r.out).base).toBe("4150.00");
  });

  it.each([
    ["une fraction (0,5)", 0.5, false],
    ["un nombre au format pourcentage (50 %)", 0.5, true],
  ])("« 1,5 » dans une colonne qui montre %s : lu 150 %, erreur nommant la cellule", async (_, lumiere, pourcent) => {
    const f = await devis(`fractions-${pourcent}.xlsx`, 1.5, lumiere, pourcent);
    const { devis: d, controles } = devisJsonBinaire(f);
    expect(d.total).toBe("15000.00");
    expect(territoire(controles)).toEqual([
      {
        regle: "territoire-hors-bornes",
        gravite: "erreur",
        cellule: "Budget!D2",
        message:
          "Budget!D2 : part France « 150 % » de la ligne « Location caméra » hors de 0 à 100 % : " +
          "corrigez la colonne « Territoire ».",
      },
    ]);
  });

  it.each([
    ["120 %", "120 %"],
    ["-20 %", "-20 %"],
    [150, "150 %"],
  ])("« %s » : erreur nommant la cellule, le devis est lu", async (valeur, lu) => {
    const f = await devis(`hors-${String(valeur).replace(/\W/g, "")}.xlsx`, valeur, "France");
    const { devis: d, controles } = devisJsonBinaire(f);
    expect(d.total).toBe("15000.00");
    const c = territoire(controles) as { regle: string; gravite: string; cellule: string; message: string }[];
    expect(c.map((x) => [x.regle, x.gravite, x.cellule])).toEqual([["territoire-hors-bornes", "erreur", "Budget!D2"]]);
    expect(c[0].message.replace("\u2212", "-")).toBe(
      `Budget!D2 : part France « ${lu} » de la ligne « Location caméra » hors de 0 à 100 % : ` +
        "corrigez la colonne « Territoire ».",
    );
  });

  it("France, Étranger, « 80 % », 0,8 : aucun constat", async () => {
    for (const [i, [a, b]] of (
      [
        ["France", "Étranger"],
        ["80 %", 0.8],
      ] as const
    ).entries()) {
      const f = await devis(`valides-${i}.xlsx`, a, b);
      expect(territoire(devisJsonBinaire(f).controles)).toEqual([]);
    }
  });
});
