import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { commandesProduction, dureeDuClasseur } from "../../../src/app/commandes/production";
import * as trouver from "../../../src/core/devis/trouver";
import type { SheetData } from "../../../src/core/port/workbook";
import {
  CLE_CONTEXTE_PRODUCTION,
  detecterContexte,
  ecrireContexte,
  lireContexte,
} from "../../../src/core/production/contexte";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";
import { ClasseurLu } from "../../helpers/classeurLu";
import { DEVIS_DETAILLE, recapDevis } from "../../helpers/devisRecap";
import { feuilleXlsx, type Cellule } from "../devis/outils";

const EXEMPLE = path.join(__dirname, "../../../assets/exemple/devis-producteur.xlsx");

async function feuilles(fichier: string): Promise<SheetData[]> {
  const wb = await XlsxWorkbook.ouvrir(fichier);
  const r: SheetData[] = [];
  for (const n of await wb.listSheets()) r.push((await wb.readSheet(n)) as SheetData);
  return r;
}

describe("contexte de production", () => {
  it("détecte dans l'exemple la feuille du devis, le genre et la durée écrits au-dessus de l'en-tête, avec leur cellule", async () => {
    const notes: SheetData = { name: "Notes", rows: [[{ v: "Tournage en Bretagne, mars" }]], merges: [] };
    const d = detecterContexte([notes, ...(await feuilles(EXEMPLE))]);
    expect(d.valeurs).toEqual({ feuilleDevis: "Budget Gardiens", genre: "documentaire", duree: "52" });
    expect(d.sources.genre).toBe("'Budget Gardiens'!A2");
    expect(d.sources.duree).toBe("'Budget Gardiens'!A2");
    // « Notes » has no devis header: never offered first, never preselected.
    expect(d.feuillesDevis).toEqual(["Budget Gardiens"]);
  });

  it("la feuille du devis détectée est masquée dans le classeur (.xlsx réel) : c'est noté, pour le volet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXEMPLE);
    wb.getWorksheet("Budget Gardiens")!.state = "hidden";
    wb.addWorksheet("Notes").getCell("A1").value = "Tournage en Bretagne, mars";
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-contexte-")), "masquee.xlsx");
    await wb.xlsx.writeFile(f);
    const d = detecterContexte(await feuilles(f));
    expect(d.valeurs.feuilleDevis).toBe("Budget Gardiens");
    expect(d.feuilleDevisMasquee).toBe(true);
    expect(detecterContexte(await feuilles(EXEMPLE)).feuilleDevisMasquee).toBeUndefined();
  });

  it("ne choisit pas quand le titre donne deux genres ou deux durées", () => {
    const s: SheetData = {
      name: "Devis",
      rows: [
        [{ v: "Fiction 90' — version documentaire 52 min" }],
        [{ v: "Code" }, { v: "Libellé" }, { v: "Quantité" }, { v: "Taux" }, { v: "Montant" }],
        [{ v: "2.1" }, { v: "Réalisateur" }, { v: 1 }, { v: 1000 }, { v: 1000 }],
      ],
      merges: [],
    };
    const d = detecterContexte([s]);
    expect(d.valeurs.feuilleDevis).toBe("Devis");
    expect(d.valeurs.genre).toBeUndefined();
    expect(d.valeurs.duree).toBeUndefined();
    // Each duration named with its cell, for whoever must say why none was taken (the CLI without --duree).
    expect(d.dureesAmbigues).toEqual([
      { duree: "90", cellule: "Devis!A1" },
      { duree: "52", cellule: "Devis!A1" },
    ]);
  });

  it.each([
    ["Documentaire 52'", "52", undefined],
    ["Durée : 1 h 30", "90", undefined],
    ["Unitaire 1h30 min", "90", undefined],
    ["Durée : 52,5 min", "52,5", undefined],
    // A series: one episode or all of them; nothing picked, both named.
    ["Série documentaire 6 × 26 min", undefined, ["26", "156"]],
    ["2 x 52'", undefined, ["52", "104"]],
    // Seconds are no duration of a work: none read (the commands then ask for it).
    ["Durée : 90 secondes", undefined, undefined],
  ])("titre « %s » : durée %s, lectures %j", (titre, duree, ambigues) => {
    const s: SheetData = {
      name: "Devis",
      rows: [
        [{ v: titre }],
        [{ v: "Code" }, { v: "Libellé" }, { v: "Quantité" }, { v: "Taux" }, { v: "Montant" }],
        [{ v: "2.1" }, { v: "Réalisateur" }, { v: 1 }, { v: 1000 }, { v: 1000 }],
      ],
      merges: [],
    };
    const d = detecterContexte([s]);
    expect(d.valeurs.duree).toBe(duree);
    expect(d.dureesAmbigues?.map((x) => [x.duree, x.cellule])).toEqual(ambigues?.map((x) => [x, "Devis!A1"]));
  });

  it("relit ce qui a été enregistré, sans garder un champ invalide", () => {
    const c = {
      feuilleDevis: "Budget",
      genre: "documentaire" as const,
      duree: "52",
      subventions: "150 000",
      fec: { nom: "gl.txt", octets: 1200, encodage: "utf-8", lignes: 23 },
      correspondances: [{ type: "compte" as const, cle: "611", poste: "8.1", ligne: 4 }],
    };
    expect(lireContexte(ecrireContexte(c))).toEqual({
      ...c,
      correspondances: [{ type: "compte", cle: "611", poste: "8.1" }],
    });
    expect(lireContexte('{"genre":"opéra","duree":"52","regime":"cinema"}')).toEqual({ duree: "52", regime: "cinema" });
    // Subsidies as typed (the pages read them by the shared parser); a number or an overlong text is dropped.
    expect(lireContexte('{"subventions":150000,"duree":"52"}')).toEqual({ duree: "52" });
    expect(lireContexte(JSON.stringify({ subventions: "1".repeat(31) }))).toEqual({});
    expect(lireContexte("pas du JSON")).toEqual({});
    expect(lireContexte(undefined)).toEqual({});
  });

  it("la zone des jours fériés fait l'aller-retour ; un contexte enregistré sans elle (version antérieure) reste en métropole", async () => {
    const c = { genre: "fiction" as const, zone: "alsace-moselle" as const };
    expect(JSON.parse(ecrireContexte(c))).toEqual({ genre: "fiction", zone: "alsace-moselle" });
    expect(lireContexte(ecrireContexte(c))).toEqual(c);
    // Saved before the field existed: read as it was, the zone left to its default (métropole, `zone ?? "metropole"`).
    expect(lireContexte('{"genre":"fiction","duree":"90"}')).toEqual({ genre: "fiction", duree: "90" });
    // A zone Prodbook does not know (an edit by hand) is dropped, never guessed.
    expect(lireContexte('{"genre":"fiction","zone":"alsace"}')).toEqual({ genre: "fiction" });
    // Through the workbook's document settings: saved, then found again on the next reading.
    const wb = new MemoryWorkbook({ Notes: [["Notes"]] });
    await commandesProduction.enregistrerProduction(wb, { contexte: c });
    expect((await commandesProduction.lireProduction(wb, {})).contexte).toEqual(c);
  });

  it("lireProduction : l'enregistré l'emporte sur le détecté ; une feuille disparue revient à la détection", async () => {
    const wb = new MemoryWorkbook({
      Notes: [["Notes"]],
      Budget: [["Documentaire 26 min"], ["Code", "Libellé", "Montant"], ["2.1", "Réalisateur", 1000]],
    });
    let r = await commandesProduction.lireProduction(wb, {});
    expect(r.contexte).toEqual({ feuilleDevis: "Budget", genre: "documentaire", duree: "26" });
    expect(r.enregistrable).toBe(true);
    await commandesProduction.enregistrerProduction(wb, {
      contexte: { ...r.contexte, duree: "28", feuilleDevis: "Ancien budget" },
    });
    expect(JSON.parse(wb.reglages.get(CLE_CONTEXTE_PRODUCTION)!)).toMatchObject({ duree: "28" });
    r = await commandesProduction.lireProduction(wb, {});
    expect(r.contexte).toEqual({ feuilleDevis: "Budget", genre: "documentaire", duree: "28" });
    expect(r.feuilles).toEqual(["Notes", "Budget"]);
  });

  it("la feuille du plan de financement choisie est gardée avec la production ; disparue, le plan est de nouveau détecté", async () => {
    const wb = new MemoryWorkbook({
      Notes: [["Notes"]],
      "Plan B": [
        ["Financeur", "Nature", "Montant"],
        ["CNC", "Subvention", 1000],
      ],
    });
    await commandesProduction.enregistrerProduction(wb, {
      contexte: { feuilleFinancement: "Plan B", genre: "fiction" },
    });
    expect(JSON.parse(wb.reglages.get(CLE_CONTEXTE_PRODUCTION)!)).toEqual({
      feuilleFinancement: "Plan B",
      genre: "fiction",
    });
    expect((await commandesProduction.lireProduction(wb, {})).contexte).toEqual({
      feuilleFinancement: "Plan B",
      genre: "fiction",
    });
    // Too long to be a sheet name of Prodbook's saving: dropped, never guessed.
    expect(lireContexte(JSON.stringify({ feuilleFinancement: "x".repeat(201) }))).toEqual({});
    await commandesProduction.enregistrerProduction(wb, { contexte: { feuilleFinancement: "Plan supprimé" } });
    expect((await commandesProduction.lireProduction(wb, {})).contexte).toEqual({});
  });

  it("le coût saisi, premier film, œuvre difficile et le crédit d'impôt ajouté au plan sont gardés avec la production", async () => {
    const wb = new MemoryWorkbook({ Notes: [["Notes"]] });
    const financement = {
      coutProduction: "1 250 000",
      premierFilm: true,
      oeuvreDifficile: true,
      creditImpotPlan: true,
      genre: "documentaire" as const,
    };
    await commandesProduction.enregistrerProduction(wb, { contexte: financement });
    expect(JSON.parse(wb.reglages.get(CLE_CONTEXTE_PRODUCTION)!)).toEqual(financement);
    expect((await commandesProduction.lireProduction(wb, {})).contexte).toEqual(financement);
    // Unticked (undefined) and emptied: left out of what is saved, as a context saved before these fields existed.
    expect(ecrireContexte({ premierFilm: undefined, coutProduction: "", oeuvreDifficile: false })).toBe(
      JSON.stringify({ oeuvreDifficile: false }),
    );
    // Not what Prodbook writes (a box as text, a cost too long): dropped, never guessed.
    expect(
      lireContexte(JSON.stringify({ oeuvreDifficile: "oui", premierFilm: 1, coutProduction: "9".repeat(31) })),
    ).toEqual({});
  });

  it("la feuille du devis et les autres feuilles nommées comme par `devis` : un nom de récapitulatif ne décide jamais seul", async () => {
    const xlsx = (def: Record<string, Cellule[][]>) =>
      Promise.all(Object.entries(def).map(([nom, rows]) => feuilleXlsx(nom, rows)));
    // A full devis named « Synthèse budget » next to a small table with a devis header: the devis is detected.
    const notes: Cellule[][] = [
      ["Code", "Libellé", "Montant"],
      [null, "Repérages", 500],
    ];
    const synthese = detecterContexte(await xlsx({ Notes: notes, "Synthèse budget": DEVIS_DETAILLE }));
    expect(synthese.valeurs.feuilleDevis).toBe("Synthèse budget");
    expect(synthese.feuillesDevis).toEqual(["Notes", "Synthèse budget"]);
    // Its true recap: left out of the other sheets named, as `devis` leaves it out.
    const juste = detecterContexte(
      await xlsx({ Récap: recapDevis([12500, 12200.5, 3000, 27700.5]), "Devis détaillé": DEVIS_DETAILLE }),
      { autresFeuilles: true },
    );
    expect(juste.valeurs.feuilleDevis).toBe("Devis détaillé");
    expect(juste.autresFeuillesDevis).toBeUndefined();
    // A sheet named as a recap whose amounts all differ: named beside the devis, as `devis` names it (before: hidden).
    const fauxDef = { "Devis détaillé": DEVIS_DETAILLE, Récap: recapDevis([13000, 11800, 3500, 28300]) };
    const faux = detecterContexte(await xlsx(fauxDef), { autresFeuilles: true });
    expect(faux.valeurs.feuilleDevis).toBe("Devis détaillé");
    expect(faux.autresFeuillesDevis).toEqual(["Récap"]);
    // Not asked (the duration of a command, `dureeDuClasseur`): the same sheet detected, the devis not imported to
    // prove the recap, no list (before: 79 ms more per command on a devis of 3 000 lines).
    const importe = jest.spyOn(trouver, "autresFeuillesNommees");
    const sansListe = detecterContexte(await xlsx(fauxDef));
    expect(sansListe.valeurs.feuilleDevis).toBe("Devis détaillé");
    expect(sansListe.autresFeuillesDevis).toBeUndefined();
    const titre = await xlsx({ ...fauxDef, "Devis détaillé": [["Documentaire 52'"], ...DEVIS_DETAILLE] });
    expect(await dureeDuClasseur(new ClasseurLu(titre))).toMatchObject({ dureeMinutes: 52 });
    expect(importe).not.toHaveBeenCalled();
    // The pane's banner (lireProduction) names it, as `devis` does.
    const banniere = await commandesProduction.lireProduction(new ClasseurLu(titre), {});
    expect(banniere.contexte).toMatchObject({ feuilleDevis: "Devis détaillé", duree: "52" });
    expect(banniere.detecte.autresFeuillesDevis).toEqual(["Récap"]);
    expect(importe).toHaveBeenCalledTimes(1);
    importe.mockRestore();
  });
});
