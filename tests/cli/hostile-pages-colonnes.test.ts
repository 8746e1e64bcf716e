import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import { main } from "../../src/cli/main";
import { controlesJson, dossierTemporaire, lancerCli, type CelluleDevis, devisDeLignes } from "../helpers/cli";
import { recalculer } from "../helpers/libreoffice";

/**
 * A new chargé de production's paper habits (issue 10, conservation): « A reporter » / « Report » rows between
 * pages, never counted a second time; unprovable ones listed, never counted.
 */
const dossier = dossierTemporaire("prodbook-hostile-pages-");

const devis = (fichier: string, lignes: CelluleDevis[][]) => devisDeLignes(dossier(), fichier, lignes);

/** Messages write euros with narrow no-break spaces (« 9 000,00 € »): compared with plain spaces. */
const espaces = (m: string | undefined) => m?.replace(/[\u00a0\u202f]/g, " ");

const F = (formula: string, result: number) => ({ formula, result });

describe("« A reporter » / « Report » d'une page à l'autre", () => {
  it("reports justes (formules) : prouvés, jamais comptés une seconde fois (avant : 36 000,00 € au lieu de 18 000,00 €)", async () => {
    const { d, controles } = await devis("reporter-formules.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000],
      ["22", "Chef opérateur", 10, 400, 4000],
      [null, "A reporter", null, null, F("SUM(E3:E4)", 9000)],
      [null, "Report", null, null, F("E5", 9000)],
      ["23", "Ingénieur du son", 10, 300, 3000],
      [null, "Total personnel", null, null, F("SUM(E3:E4,E7)", 12000)],
      [null, "8 - POST-PRODUCTION"],
      ["81", "Montage", 20, 300, 6000],
      [null, "TOTAL GÉNÉRAL", null, null, F("E8+E10", 18000)],
    ]);
    expect([d.total, d.lignes]).toEqual(["18000.00", 4]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "12000.00"],
      ["8", "6000.00"],
    ]);
    expect(d.conservation).toMatchObject({ lignes: "18000.00", totauxProuves: "48000.00", ecart: "0.00" });
    expect(controles.filter((c) => /producteur|non-prouve/.test(c.regle))).toEqual([]);
    expect(espaces(controles.find((c) => c.cellule === "Devis!E6")?.message)).toBe(
      "Devis!E6 « Report » : 9 000,00 € n'est pas compté dans le devis ; ce montant reporte d'une page à l'autre " +
        "la somme des lignes au-dessus (somme au centime), déjà comptées.",
    );
  });

  it("« Total à reporter » cumulé sur deux pages, « Reportage photo » reste une ligne", async () => {
    const { d, controles } = await devis("reporter-cumul.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000],
      ["22", "Chef opérateur", 10, 400, 4000],
      [null, "Total à reporter", null, null, 9000],
      [null, "Report page 1", null, null, 9000],
      ["23", "Ingénieur du son", 10, 300, 3000],
      [null, "Reportage photo", null, null, 800],
      [null, "8 - POST-PRODUCTION"],
      ["81", "Montage", 20, 300, 6000],
      [null, "A reporter", null, null, 18800],
      [null, "Report", null, null, 18800],
      ["82", "Mixage", 5, 400, 2000],
      [null, "TOTAL GÉNÉRAL", null, null, 20800],
    ]);
    expect([d.total, d.lignes]).toEqual(["20800.00", 6]);
    expect(d.conservation).toMatchObject({ lu: "97200.00", totauxProuves: "76400.00", ecart: "0.00" });
    expect(controles.filter((c) => c.regle === "montant-hors-lignes").map((c) => c.cellule)).toEqual([
      "Devis!E5",
      "Devis!E6",
      "Devis!E11",
      "Devis!E12",
    ]);
    expect(controles.filter((c) => /producteur|non-prouve/.test(c.regle))).toEqual([]);
  });

  it("« Report de tournage (intempéries) » est une ligne, pas un report", async () => {
    const { d, controles } = await devis("report-tournage.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "9 - DIVERS"],
      [null, "Assurance", null, null, 2000],
      [null, "Report de tournage (intempéries)", null, null, 1500],
    ]);
    expect([d.total, d.lignes]).toEqual(["3500.00", 2]);
    expect(controles.filter((c) => c.regle === "report-non-prouve")).toEqual([]);
  });

  it("« Total page 1 » / « Total page 2 » : chaque page prouvée par ses lignes, le TOTAL GÉNÉRAL aussi (avant : « Total page 2 » en erreur et listé, « Total page 1 » fermait le chapitre)", async () => {
    const { d, controles } = await devis("total-page.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000],
      ["22", "Chef opérateur", 10, 400, 4000],
      [null, "Total page 1", null, null, 9000],
      ["23", "Ingénieur du son", 10, 300, 3000],
      [null, "8 - POST-PRODUCTION"],
      ["81", "Montage", 20, 300, 6000],
      [null, "Total page 2", null, null, 9000],
      [null, "TOTAL GÉNÉRAL", null, null, 18000],
    ]);
    expect([d.total, d.lignes]).toEqual(["18000.00", 4]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([
      ["2", "12000.00"],
      ["8", "6000.00"],
    ]);
    expect(d.conservation).toMatchObject({ lu: "54000.00", totauxProuves: "36000.00", listes: "0.00", ecart: "0.00" });
    expect(controles.filter((c) => /producteur|non-prouve/.test(c.regle))).toEqual([]);
  });

  it("« Total page 2 » faux : listé et nommé avec la somme de sa page", async () => {
    const { d, controles } = await devis("total-page-faux.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000],
      [null, "Total page 1", null, null, 5000],
      ["23", "Ingénieur du son", 10, 300, 3000],
      [null, "Total page 2", null, null, 3500],
    ]);
    expect([d.total, d.lignes]).toEqual(["8000.00", 2]);
    expect(d.conservation).toMatchObject({ listes: "3500.00", ecart: "0.00" });
    const c = controles.filter((x) => x.regle === "report-non-prouve");
    expect(c.map((x) => [x.cellule, x.gravite])).toEqual([["Devis!E6", "alerte"]]);
    expect(espaces(c[0].message)).toContain(
      "Ce total de page ne vaut ni la somme des lignes de sa page (3 000,00 €) ni celle des lignes au-dessus (8 000,00 €)",
    );
  });

  it("report faux : listé et nommé, jamais compté (avant : 31 000,00 € comptés sans un mot)", async () => {
    const { d, controles } = await devis("reporter-faux.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 10, 500, 5000],
      ["22", "Chef opérateur", 10, 400, 4000],
      [null, "À reporter", null, null, 9500],
      [null, "Report de la page précédente", null, null, 9500],
      ["23", "Ingénieur du son", 10, 300, 3000],
    ]);
    expect([d.total, d.lignes]).toEqual(["12000.00", 3]);
    expect(d.conservation).toMatchObject({ lu: "31000.00", listes: "19000.00", ecart: "0.00" });
    const reports = controles.filter((c) => c.regle === "report-non-prouve");
    expect(reports.map((c) => [c.cellule, c.gravite])).toEqual([
      ["Devis!E5", "alerte"],
      ["Devis!E6", "alerte"],
    ]);
    expect(espaces(reports[0].message)).toBe(
      "Devis!E5 « À reporter » : 9 500,00 € n'est pas compté dans le devis. Ce report ne vaut ni la somme des " +
        "lignes au-dessus (9 000,00 €) ni le report qui le précède : une ligne manque ou est en trop d'une page à " +
        "l'autre, ou le report est faux ; corrigez-le, ou saisissez ce montant comme une ligne s'il en est une.",
    );
  });
});

describe("colonnes de chiffres qui ne sont pas le devis : réalisé, écart, épisodes", () => {
  it("« Montant budget | Montant réalisé » : le budget est lu, le réalisé nommé (avant : « Aucun devis reconnu », code 2)", async () => {
    const { d, controles } = await devis("budget-realise.xlsx", [
      ["Code", "Désignation", "Montant budget", "Montant réalisé"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 5000, 5200],
      ["22", "Chef opérateur", 4000, 3900],
    ]);
    expect([d.total, d.lignes]).toEqual(["9000.00", 2]);
    expect(d.conservation).toMatchObject({ lu: "9000.00", ecart: "0.00" });
    expect(d.colonnesNonLues).toEqual([
      { colonne: "D", cellule: "Devis!D1", entete: "Montant réalisé", nature: "realise", somme: "9100.00" },
    ]);
    const c = controles.find((x) => x.regle === "colonnes-lues");
    expect([c?.gravite, c?.cellule, espaces(c?.message)]).toEqual([
      "info",
      "Devis!C1",
      "Devis!C1 : la colonne C « Montant budget » est lue comme le montant du devis. N'est pas comptée : D « Montant " +
        "réalisé » (Devis!D1, somme 9 100,00 €) : le réalisé se compare au devis (écarts avec le Grand livre), il n'en fait pas partie.",
    ]);
  });

  it("« Prévu | Réel | Écart » : le prévu est lu, le réel et l'écart nommés (avant : sans un mot)", async () => {
    const { d, controles } = await devis("prevu-reel.xlsx", [
      ["Code", "Désignation", "Prévu", "Réel", "Écart"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 5000, 5200, -200],
      ["22", "Chef opérateur", 4000, 3900, 100],
    ]);
    expect(d.total).toBe("9000.00");
    expect(d.colonnesNonLues?.map((c) => [c.colonne, c.nature, c.somme])).toEqual([
      ["D", "realise", "9100.00"],
      ["E", "ecart", "-100.00"],
    ]);
    expect(controles.filter((x) => x.regle === "colonnes-lues").map((x) => x.cellule)).toEqual(["Devis!C1"]);
  });

  it("série « Ép. 1 | Ép. 2 | Ép. 3 | Total » : le total est lu, les épisodes prouvés ligne à ligne", async () => {
    const { d, controles } = await devis("episodes.xlsx", [
      ["Code", "Désignation", "Ép. 1", "Ép. 2", "Ép. 3", "Total"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 5000, 5000, 5000, 15000],
      ["22", "Chef opérateur", 4000, 4000, 3000, 11000],
      [null, "8 - POST-PRODUCTION"],
      ["81", "Montage", 2000, 2500, 3000, 7500],
    ]);
    expect([d.total, d.lignes, d.conservation.colonne]).toEqual(["33500.00", 3, "F"]);
    expect(d.colonnesNonLues?.map((c) => [c.colonne, c.nature, c.somme])).toEqual([
      ["C", "episode", "11000.00"],
      ["D", "episode", "11500.00"],
      ["E", "episode", "11000.00"],
    ]);
    const c = controles.find((x) => x.regle === "colonnes-lues");
    expect([c?.gravite, c?.cellule]).toEqual(["info", "Devis!F1"]);
    expect(c?.message).toMatch(/^Devis!F1 : la colonne F « Total » est lue comme le montant du devis\./);
    expect(c?.message).toMatch(/Sur chacune des 3 lignes, les épisodes font le montant lu\.$/);
  });

  it("épisodes qui ne font pas le total d'une ligne : alerte nommant la ligne, le total reste lu", async () => {
    const { d, controles } = await devis("episodes-faux.xlsx", [
      ["Code", "Désignation", "Montant ép. 1", "Montant ép. 2", "Montant total"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 5000, 5000, 10000],
      ["22", "Chef opérateur", 4000, 3000, 8000],
    ]);
    expect(d.total).toBe("18000.00");
    const c = controles.find((x) => x.regle === "colonnes-lues");
    expect([c?.gravite, c?.cellule]).toEqual(["alerte", "Devis!E1"]);
    expect(c?.message).toMatch(
      /Sur 1 des 2 lignes, la somme des épisodes ne fait pas le montant lu \(Devis!E4\) : vérifiez ces lignes, c'est le montant lu qui est compté\.$/,
    );
  });
});

describe("le même devis enregistré par Google Sheets ou LibreOffice se lit pareil", () => {
  /** Reports, a merged label, a text amount, a discount and a percentage line computed by formula. */
  const RICHE: CelluleDevis[][] = [
    ["Code", "Désignation", "Quantité", "Taux", "Montant"],
    [null, "2 - PERSONNEL"],
    ["21", "Réalisateur", 10, 500, F("C3*D3", 5000)],
    ["22", "Chef opérateur (prépa + tournage)", 10, 400, F("C4*D4", 4000)],
    [null, null, null, null, null],
    [null, "A reporter", null, null, F("SUM(E3:E5)", 9000)],
    [null, "Report", null, null, F("E6", 9000)],
    ["23", "Ingénieur du son", 10, 300, 3000],
    [null, "Sous-total personnel", null, null, F("SUM(E3:E5,E8)", 12000)],
    [null, "5 - DÉCORS ET COSTUMES"],
    ["51", "Décors", 10, 500, 5000],
    ["52", "Remise fournisseur", null, null, -500],
    [null, "Sous-total", null, null, F("SUM(E11:E12)", 4500)],
    [null, "4 - CHARGES SOCIALES"],
    ["41", "Charges sociales 45 %", null, 0.45, F("E9*D15", 5400)],
    [null, "TOTAL GÉNÉRAL", null, null, F("E9+E13+E15", 21900)],
  ];

  async function ecrire(fichier: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Devis");
    for (const l of RICHE) ws.addRow(l);
    ws.mergeCells("B4:B5");
    const f = path.join(dossier(), fichier);
    await wb.xlsx.writeFile(f);
    return f;
  }

  async function resume(f: string) {
    const r = await lancerCli(main, ["devis", f, "--date", "2026-01-15", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      devis: { total: string; lignes: number; chapitres: unknown; conservation: unknown };
    };
    return { ...j.devis, controles: controlesJson(r.out) };
  }

  it("chaînes en ligne (inlineStr) sans sharedStrings.xml, comme un export Google Sheets : même devis, même conservation", async () => {
    const f = await ecrire("riche.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(f));
    const partagees = [
      ...((await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g),
    ].map((m) => m[1].replace(/<[^>]+>/g, ""));
    const feuille = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    let n = 0;
    const enLigne = feuille.replace(
      /<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_m, ref: string, a: string, b: string, i: string) => {
        n++;
        return `<c r="${ref}"${a} t="inlineStr"${b}><is><t>${partagees[Number(i)]}</t></is></c>`;
      },
    );
    expect(n).toBeGreaterThan(10);
    zip.file("xl/worksheets/sheet1.xml", enLigne);
    zip.remove("xl/sharedStrings.xml");
    for (const [nom, motif] of [
      ["xl/_rels/workbook.xml.rels", /<Relationship [^>]*sharedStrings[^>]*\/>/],
      ["[Content_Types].xml", /<Override [^>]*sharedStrings[^>]*\/>/],
    ] as const)
      zip.file(nom, ((await zip.file(nom)?.async("string")) ?? "").replace(motif, ""));
    const g = path.join(dossier(), "google.xlsx");
    await fs.writeFile(g, await zip.generateAsync({ type: "nodebuffer" }));
    const a = await resume(f);
    expect([a.total, a.lignes]).toEqual(["21900.00", 6]);
    expect(a.conservation).toMatchObject({ lu: "78300.00", totauxProuves: "56400.00", ecart: "0.00" });
    expect(await resume(g)).toEqual(a);
  });

  it("enregistré par LibreOffice (soffice --convert-to xlsx) : même devis, même conservation", async () => {
    const f = await ecrire("riche-lo.xlsx");
    const lo = await recalculer(f);
    const a = await resume(f);
    const b = await resume(lo);
    expect(b.controles.map((c) => c.cellule)).toEqual(a.controles.map((c) => c.cellule));
    expect({ ...b, controles: [] }).toEqual({ ...a, controles: [] });
  }, 180_000);
});

describe("« dont … » et « soit … » sous une ligne : le détail n'est jamais compté une seconde fois", () => {
  it("« dont caméra » / « dont optiques » sous « Location matériel » (avant : 34 000,00 € au lieu de 12 000,00 €, le TOTAL compté comme une ligne)", async () => {
    const { d, controles } = await devis("dont.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "7 - MOYENS TECHNIQUES"],
      ["71", "Location matériel", null, null, 10000],
      [null, "dont caméra", null, null, 6000],
      [null, "dont optiques", null, null, 4000],
      ["72", "Machinerie", 5, 400, 2000],
      [null, "TOTAL", null, null, 12000],
    ]);
    expect([d.total, d.lignes]).toEqual(["12000.00", 2]);
    expect(d.conservation).toMatchObject({
      lu: "34000.00",
      totauxProuves: "12000.00",
      listes: "10000.00",
      ecart: "0.00",
    });
    const details = controles.filter((c) => c.regle === "montant-hors-lignes");
    expect(details.map((c) => [c.cellule, c.gravite])).toEqual([
      ["Devis!E4", "info"],
      ["Devis!E5", "info"],
    ]);
    expect(espaces(details[0].message)).toBe(
      "Devis!E4 « dont caméra » : 6 000,00 € n'est pas compté dans le devis ; ce montant détaille la ligne au-dessus " +
        "(Devis!E3 « Location matériel », 10 000,00 €), déjà comptée.",
    );
    expect(controles.filter((c) => /producteur|non-prouve/.test(c.regle))).toEqual([]);
  });

  it("« soit 20 jours à 500 € » sans total : pas compté (avant : 23 000,00 € sans un mot) ; des « dont » qui dépassent la ligne : alerte", async () => {
    const { d, controles } = await devis("soit.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", null, null, 10000],
      [null, "soit 20 jours à 500 €", null, null, 10000],
      ["22", "Monteur", 10, 300, 3000],
      [null, "  - dont prépa", null, null, 2000],
      [null, "  - dont montage", null, null, 2000],
    ]);
    expect([d.total, d.lignes]).toEqual(["13000.00", 2]);
    expect(d.conservation).toMatchObject({ listes: "14000.00", ecart: "0.00" });
    const c = controles.filter((x) => x.regle === "montant-hors-lignes");
    expect(c.map((x) => [x.cellule, x.gravite]).sort()).toEqual([
      ["Devis!E4", "info"],
      ["Devis!E6", "info"],
      ["Devis!E7", "alerte"],
    ]);
    expect(c.find((x) => x.cellule === "Devis!E7")?.message).toContain("Ses « dont » dépassent cette ligne");
  });
});

describe("une ligne dont la formule additionne ses lignes de détail au-dessous", () => {
  it("« Location matériel » = SOMME(E4:E5) sur « Caméra » et « Optiques » : sous-total prouvé, pas une ligne de plus (avant : 22 000,00 € au lieu de 12 000,00 €, sans un mot)", async () => {
    const { d, controles } = await devis("detail-formule.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "7 - MOYENS TECHNIQUES"],
      ["71", "Location matériel", null, null, F("SUM(E4:E5)", 10000)],
      [null, "Caméra", 1, 6000, 6000],
      [null, "Optiques", 1, 4000, 4000],
      ["72", "Machinerie", 5, 400, 2000],
      [null, "TOTAL", null, null, 12000],
    ]);
    expect([d.total, d.lignes]).toEqual(["12000.00", 3]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([["7", "12000.00"]]);
    expect(d.conservation).toMatchObject({
      lu: "34000.00",
      lignes: "12000.00",
      totauxProuves: "22000.00",
      ecart: "0.00",
    });
    expect(controles.filter((c) => /producteur|non-prouve/.test(c.regle))).toEqual([]);
  });

  it("une formule sur les lignes au-dessous qui ne tombe pas juste reste une ligne", async () => {
    const { d } = await devis("detail-formule-faux.xlsx", [
      ["Code", "Désignation", "Quantité", "Taux", "Montant"],
      [null, "7 - MOYENS TECHNIQUES"],
      ["71", "Location matériel", null, null, F("E4*2", 12000)],
      [null, "Caméra", 1, 6000, 6000],
    ]);
    expect([d.total, d.lignes]).toEqual(["18000.00", 2]);
  });
});
