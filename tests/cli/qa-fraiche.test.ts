import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * A first-time user's pass over every command (December 2026): what a chargée de production and a production
 * accountant met on real and hostile inputs, each case failing before its fix.
 */
const dossier = dossierTemporaire("prodbook-qa-fraiche-");
const HOSTILES = path.join(__dirname, "../fixtures/hostiles");

describe("un classeur illisible : la phrase se termine par un point, comme tous les autres refus", () => {
  it.each([
    ["vide", "vide.xlsx", "le fichier est vide."],
    [
      "ancien .xls",
      "ancien.xls",
      "c'est un ancien classeur .xls (Excel 97-2003)\u00a0: ouvrez-le dans Excel et enregistrez-le au format .xlsx.",
    ],
    ["OpenDocument", "classeur.ods", "puis relancez sur ce fichier."],
    ["CSV renommé", "csv-renomme.xlsx", "enregistrez-le au format .xlsx."],
  ])("%s (avant : sans point final)", async (_cas, fichier, fin) => {
    const chemin = fichier === "vide.xlsx" ? path.join(dossier(), "vide.xlsx") : path.join(HOSTILES, fichier);
    if (fichier === "vide.xlsx") await fs.writeFile(chemin, "");
    for (const commande of [["devis"], ["carbone"], ["credit-impot", "--regime", "cinema", "--genre", "fiction"]]) {
      const r = await lancerCli(main, [commande[0], chemin, ...commande.slice(1)]);
      refus(
        r,
        new RegExp(`^Le fichier «\u00a0${fichier.replace(".", "\\.")}\u00a0» n'est pas un classeur Excel lisible`),
      );
      expect(r.err.trimEnd().endsWith(fin)).toBe(true);
    }
  });

  it("un dossier donné pour le classeur (avant : « … : c'est un dossier » sans point)", async () => {
    const rep = path.join(dossier(), "budget.xlsx");
    await fs.mkdir(rep);
    refus(
      await lancerCli(main, ["devis", rep]),
      "Le fichier «\u00a0budget.xlsx\u00a0» n'est pas un classeur Excel lisible (.xlsx)\u00a0: c'est un dossier.",
    );
  });
});

describe("un classeur que le système ne peut pas lire (avant : « EIO: i/o error, read », le texte anglais de Node)", () => {
  it("/proc/self/mem : existe, mais sa lecture échoue (EIO)", async () => {
    const lien = path.join(dossier(), "memoire.xlsx");
    await fs.symlink("/proc/self/mem", lien);
    refus(
      await lancerCli(main, ["devis", lien]),
      "Le fichier «\u00a0memoire.xlsx\u00a0» n'est pas un classeur Excel lisible (.xlsx)\u00a0: " +
        "erreur de lecture du disque (EIO).",
    );
  });
});

describe("une durée en minutes s'écrit en français partout où un texte la cite (avant : « 26.5 min », « 1500 min »)", () => {
  const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
  const CINEMA = path.join(__dirname, "../fixtures/financement/cinema.xlsx");
  const sansEspaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

  it("devis : le coût par minute nomme la durée comme la ligne « Durée »", async () => {
    const r = await lancerCli(main, ["devis", EXEMPLE, "--duree", "26,5"]);
    expect(r.code).toBe(0);
    expect(sansEspaces(r.out)).toMatch(/^ {2}Coût par minute \(26,5 min\) +6 900,72 €$/m);
    expect(sansEspaces(r.out)).toContain("Durée : 26,5 min (durée saisie avec l'option --duree)");
  });

  it("credit-impot : le plafond par minute et la condition de dépenses par minute, en texte et dans les traces", async () => {
    const r = await lancerCli(main, [
      "credit-impot",
      EXEMPLE,
      "--regime",
      "audiovisuel",
      "--genre",
      "documentaire",
      "--duree",
      "1500,5",
      "--explique",
    ]);
    expect(r.code).toBe(0);
    const texte = sansEspaces(r.out);
    // 96,3276… €/min, rounded down as every figure compared with a per-minute minimum (never shown as reaching it).
    expect(texte).toContain("dépenses éligibles 144 538,60 € / 1 500,5 min = 96,32 €/min");
    expect(texte).toContain("Plafond par minute : 2 175 725,00 € = 1 450,00 €/min × 1 500,5 min");
    expect(texte).not.toMatch(/\d\.\d+ min|\d{4} min/);
  });

  it("financement : le genre et la durée sans effet", async () => {
    const r = await lancerCli(main, ["financement", CINEMA, "--duree", "1500", "--genre", "fiction"]);
    expect(r.code).toBe(0);
    expect(sansEspaces(r.out)).toContain("Le genre (« fiction ») et la durée (1 500 min) indiqués restent sans effet");
  });
});

describe("ecarts : le chapitre en alerte que le README annonce se voit dans le texte (avant : rien ne le disait)", () => {
  it("l'exemple : le chapitre 7 (écart estimé +1 100,00 €, 12,64 %) au-delà des seuils de 5 % et 1 000 €", async () => {
    const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
    const FEC_EXEMPLE = path.join(__dirname, "../../assets/exemple/fec-exemple.txt");
    const r = await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC_EXEMPLE]);
    expect(r.code).toBe(0);
    const lignes = r.out.replace(/[\u00a0\u202f]/g, " ").split("\n");
    const i = lignes.indexOf(
      "Écart = réalisé − budget ; écart estimé = estimation finale (réalisé + reste à engager) − budget.",
    );
    // The headline the pane's Écarts page shows, then the thresholds.
    expect(lignes.slice(i + 1, i + 9)).toEqual([
      "Budget : 182 869,16 €",
      "Réalisé : 153 545,19 €",
      "Écart : −29 323,97 €",
      "Estimation finale : 187 470,89 €",
      "Écart estimé : +4 601,73 €",
      "Sans poste : 4 comptes, 2 046,80 €",
      "Chapitre en alerte : 7 Moyens techniques (+1 100,00 €)",
      "Seuils d'alerte : écart estimé au-delà de 5,00 % du budget et de 1 000,00 € (feuille Écarts).",
    ]);
    // The same chapter as the JSON's figures: écart estimé above both thresholds, the only one.
    const json = JSON.parse((await lancerCli(main, ["ecarts", EXEMPLE, "--fec", FEC_EXEMPLE, "--json"])).out) as {
      postes: { code: string; ecartEstime: string; ecartEstimePct: string }[];
    };
    const auDela = json.postes.filter((p) => Math.abs(+p.ecartEstime) > 1000 && Math.abs(+p.ecartEstimePct) > 5);
    expect(auDela.map((p) => p.code)).toEqual(["7"]);
  });
});

describe("planning : la première ligne accorde le nombre d'étapes et nomme la zone en français (avant : « 1 étapes, … zone metropole »)", () => {
  it("une seule étape, en métropole puis en Alsace-Moselle", async () => {
    const classeur = path.join(dossier(), "une-etape.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Étapes");
    ws.addRow(["Étape", "Durée"]);
    ws.addRow(["Mixage", 3]);
    await wb.xlsx.writeFile(classeur);
    const r = await lancerCli(main, ["planning", classeur, "--livraison", "2026-05-15"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(
      "Rétroplanning du 12\u00a0mai\u00a02026 au 15\u00a0mai\u00a02026 (1\u00a0étape, jours ouvrés, zone Métropole)",
    );
    const alsace = await lancerCli(main, [
      "planning",
      classeur,
      "--livraison",
      "2026-05-15",
      "--zone",
      "alsace-moselle",
    ]);
    expect(alsace.out.split("\n")[0]).toMatch(/\(1\u00a0étape, jours ouvrés, zone Alsace-Moselle\)$/);
  });
});
