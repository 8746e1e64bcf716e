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

/** A devis « Budget » of lines of 10 000, 5 000 and 2 000 € whose « Territoire » cells (D2…) say `valeurs`. */
async function devisLignes(nom: string, ...valeurs: (string | number)[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Budget");
  ws.addRow(["Code", "Libellé", "Montant", "Territoire"]);
  const lignes = [
    ["Location caméra", 10000],
    ["Location lumière", 5000],
    ["Location machinerie", 2000],
  ] as const;
  valeurs.forEach((v, i) => ws.addRow([`7.${i + 1}`, lignes[i][0], lignes[i][1], v]));
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

/** credit-impot's eligible base spent in France of chapter 7 (before the 80 % cap), the run succeeding. */
function baseChapitre(f: string): string {
  const r = credit(f);
  expect([r.code, r.err]).toEqual([0, ""]);
  return (JSON.parse(r.out) as { baseParChapitre: { base: string }[] }).baseParChapitre[0].base;
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

  // A text that is only a number (« 80 », « 0,8 », « 80,5 ») is read as the same number would be: before, it was
  // dropped and credit-impot counted the line 100 % in France.
  it.each([
    ["« 80 », « 50 » (pourcentages)", ["80", "50", 20], "10900.00"],
    ["« 0,8 » (une fraction)", ["0,8", "France"], "13000.00"],
    ["« 80,5 » parmi des pourcentages", ["80,5", 50, 20], "10950.00"],
    ["« 1 » parmi des pourcentages (« 80 », « 50 »)", ["1", 80, 50], "5100.00"],
  ])("texte %s : lu comme le nombre, sans constat", async (_, valeurs, base) => {
    const f = await devisLignes(`texte-${valeurs.join("-").replace(/\W/g, "")}.xlsx`, ...valeurs);
    expect(territoire(devisJsonBinaire(f).controles)).toEqual([]);
    expect(baseChapitre(f)).toBe(base);
  });

  it("texte « 80 » seul dans la colonne : ambigu comme le nombre 80, nommé, credit-impot refuse", async () => {
    const f = await devis("texte-80-seul.xlsx", "80", "France");
    const c = territoire(devisJsonBinaire(f).controles) as { regle: string; cellule: string; message: string }[];
    expect(c.map((x) => [x.regle, x.cellule])).toEqual([["territoire-ambigu", "Budget!D2"]]);
    expect(c[0].message).toContain("peut se lire 80 % ou 8 000 %");
    refus(
      credit(f),
      fr(
        "texte-80-seul.xlsx : Budget!D2 : part France « 80 » de la ligne « Location caméra » : 80 % ou 8\u202f000 % ? " +
          "Saisissez-la avec « % » dans la colonne « Territoire ».\n",
      ),
    );
  });

  // The bare number 1 follows the column's convention: 1 % among percentages (« 80 », « 50 »), 100 % otherwise
  // (fractions, or nothing proven), named when the column proves both.
  it.each([
    ["une colonne de pourcentages (« 80 », « 50 ») : 1 %", [80, 50], "5100.00"],
    ["une colonne de fractions (« 0,5 ») : 100 %", [0.5], "12500.00"],
    ["une colonne sans autre nombre : 100 %", ["France"], "15000.00"],
  ])("le nombre 1 dans %s", async (_, autres, base) => {
    const f = await devisLignes(`un-${autres.join("-").replace(/\W/g, "")}.xlsx`, 1, ...autres);
    expect(territoire(devisJsonBinaire(f).controles)).toEqual([]);
    expect(baseChapitre(f)).toBe(base);
  });

  it("le nombre 1 dans une colonne qui montre pourcentages et fractions : nommé, 1 % ou 100 %", async () => {
    const f = await devisLignes("un-contradictoire.xlsx", 1, 0.5, 80);
    const c = territoire(devisJsonBinaire(f).controles) as { regle: string; cellule: string; message: string }[];
    expect(c.find((x) => x.cellule === "Budget!D2")).toEqual({
      regle: "territoire-ambigu",
      gravite: "alerte",
      cellule: "Budget!D2",
      message:
        "Budget!D2 : part France « 1 » de la ligne « Location caméra » : peut se lire 1 % ou 100 % (hors de 0 à " +
        "100 %) ; la part France n'est pas lue. Saisissez-la avec « % » (« 1 % »), puis relancez.",
    });
    refus(
      credit(f),
      fr(
        "un-contradictoire.xlsx : Budget!D2 : part France « 1 » de la ligne « Location caméra » : 1 % ou 100 % ? " +
          "Saisissez-la avec « % » dans la colonne « Territoire ».\n",
      ),
    );
  });

  // Any other text (neither France, abroad, a foreign country nor a number) is named with its cell and its text, and
  // credit-impot refuses it (exit 2, nothing written) rather than counting the line 100 % in France.
  it.each([["moitié"], ["80 pour cent"], ["Guadeloupe"]])(
    "texte « %s » : territoire-illisible, credit-impot refuse",
    async (texte) => {
      const nom = `illisible-${texte.replace(/\W/g, "")}.xlsx`;
      const f = await devis(nom, texte, "France");
      expect(territoire(devisJsonBinaire(f).controles)).toEqual([
        {
          regle: "territoire-illisible",
          gravite: "alerte",
          cellule: "Budget!D2",
          message:
            `Budget!D2 : territoire « ${texte} » de la ligne « Location caméra » : n'est ni « France », ni ` +
            "« Étranger », ni un pays étranger, ni une part (« 80 % ») ; la part France n'est pas lue. Saisissez " +
            "« France », « Étranger » ou la part avec « % » (« 80 % »), puis relancez.",
        },
      ]);
      const sortie = path.join(dossier(), `${nom}-sortie.xlsx`);
      refus(
        binaire(["credit-impot", f, ...FICTION_52_2025, "-o", sortie]),
        fr(
          `${nom} : Budget!D2 : territoire « ${texte} » de la ligne « Location caméra » : ni « France », ni ` +
            "« Étranger », ni un pays étranger, ni une part ; la part dépensée en France n'est pas lue. Saisissez " +
            "« France », « Étranger » ou la part avec « % » dans la colonne « Territoire ».\n",
        ),
        sortie,
      );
    },
  );

  it("texte « 1.500 » que la feuille ne tranche pas : les deux lectures nommées, credit-impot refuse", async () => {
    const f = await devis("illisible-1500.xlsx", "1.500", "France");
    const c = territoire(devisJsonBinaire(f).controles) as {
      regle: string;
      gravite: string;
      cellule: string;
      message: string;
    }[];
    expect(c.map((x) => [x.regle, x.gravite, x.cellule])).toEqual([["territoire-illisible", "alerte", "Budget!D2"]]);
    expect(c[0].message).toContain("territoire « 1.500 » de la ligne « Location caméra » : peut se lire 1,5 ou 1 500");
    refus(
      credit(f),
      fr(
        "illisible-1500.xlsx : Budget!D2 : territoire « 1.500 » de la ligne « Location caméra » : 1,5 ou 1\u202f500 ? " +
          "Saisissez « France », « Étranger » ou la part avec « % » dans la colonne « Territoire ».\n",
      ),
    );
  });

  // A foreign country (the documented list) is abroad: 0 % in France, no finding.
  it.each([["Belgique"], ["Royaume-Uni"], ["République tchèque"]])("« %s » : à l'étranger (0 %)", async (pays) => {
    const f = await devis(`pays-${pays.replace(/\W/g, "")}.xlsx`, pays, "France");
    expect(territoire(devisJsonBinaire(f).controles)).toEqual([]);
    expect(baseChapitre(f)).toBe("5000.00");
  });
});
