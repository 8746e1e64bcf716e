import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { controlesJson, dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * What a new chargé de production met trying the CLI on their own files, each found wrong and fixed: exit 2, a French
 * message naming what is wrong, nothing written.
 */
const dossier = dossierTemporaire("prodbook-sondes-");
const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

async function devis(nom: string): Promise<string> {
  const f = path.join(dossier(), nom);
  await ecrireDevisFiction(f);
  return f;
}

/** A file holding `contenu`, made read-only (mode 444). */
async function lectureSeule(nom: string, contenu: string): Promise<string> {
  const f = path.join(dossier(), nom);
  await fs.writeFile(f, contenu);
  await fs.chmod(f, 0o444);
  return f;
}

describe("-o sur un fichier en lecture seule", () => {
  // The workbook is written beside its name then renamed: the folder's rights would let it replace a read-only file.
  it("devis -o : refusé, le fichier garde son contenu et ses droits", async () => {
    const f = await devis("ro-devis.xlsx");
    const ro = await lectureSeule("ro-sortie.xlsx", "à garder");
    const r = await lancer(["devis", f, "-o", ro]);
    refus(
      r,
      `Écriture impossible de « ${ro} » : le fichier est en lecture seule, Prodbook ne le remplace pas ` +
        `(indiquez un autre nom, ou autorisez son écriture).`,
    );
    expect(await fs.readFile(ro, "utf8")).toBe("à garder");
    expect((await fs.stat(ro)).mode & 0o777).toBe(0o444);
    expect((await fs.readdir(dossier())).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("--json -o : même refus, rien sur la sortie standard", async () => {
    const f = await devis("ro-devis-json.xlsx");
    const ro = await lectureSeule("ro-sortie-json.xlsx", "à garder");
    const r = await lancer(["devis", f, "--json", "-o", ro]);
    refus(r, /« .*ro-sortie-json\.xlsx » : le fichier est en lecture seule/);
    expect(await fs.readFile(ro, "utf8")).toBe("à garder");
  });

  it("carbone --csv sur un fichier en lecture seule : refusé, ni le CSV ni le classeur écrits", async () => {
    const f = await devis("ro-carbone.xlsx");
    const csv = await lectureSeule("ro-export.csv", "ancien export");
    const sortie = path.join(dossier(), "ro-carbone-sortie.xlsx");
    const r = await lancer(["carbone", f, "--csv", csv, "-o", sortie]);
    refus(r, /« .*ro-export\.csv » : le fichier est en lecture seule/, sortie);
    expect(await fs.readFile(csv, "utf8")).toBe("ancien export");
  });

  it("un fichier qu'on peut écrire est remplacé comme avant", async () => {
    const f = await devis("rw-devis.xlsx");
    const rw = path.join(dossier(), "rw-sortie.xlsx");
    await fs.writeFile(rw, "ancien");
    const r = await lancer(["devis", f, "-o", rw]);
    expect(r.code).toBe(0);
    expect(existsSync(rw)).toBe(true);
    expect((await fs.readFile(rw)).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("planning --livraison et --debut ensemble", () => {
  it("une erreur d'option, nommée par ses options et non par le classeur ; rien d'écrit", async () => {
    const f = await devis("planning-deux-dates.xlsx");
    const sortie = path.join(dossier(), "planning-deux-dates-sortie.xlsx");
    const r = await lancer(["planning", f, "--livraison", "2026-10-30", "--debut", "2026-04-01", "-o", sortie]);
    refus(
      r,
      "Les options --livraison et --debut s'excluent : le planning part soit de la livraison (à rebours), soit du début.",
      sortie,
    );
  });
});

/**
 * The fiction devis (sheet « Budget ») and a copy of it on a sheet « Devis v2 » with one amount raised: two sheets that
 * look like a devis, of which Prodbook reads one. With `plan`, a « Plan de financement » sheet too.
 */
async function deuxDevis(nom: string, plan = false): Promise<string> {
  const f = await devis(nom);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const budget = wb.getWorksheet("Budget")!;
  const v2 = wb.addWorksheet("Devis v2");
  budget.eachRow((r, i) => r.eachCell((c, j) => (v2.getCell(i, j).value = c.value)));
  v2.getCell("F5").value = 45000;
  if (plan) {
    const p = wb.addWorksheet("Plan de financement");
    p.addRow(["Financeur", "Montant"]);
    p.addRow(["Apport producteur", 119000]);
    p.addRow(["France Télévisions", 300000]);
  }
  await wb.xlsx.writeFile(f);
  return f;
}

const MESSAGE_AUTRE_DEVIS =
  /La feuille « Devis v2 » ressemble aussi à un devis et tient des montants \('Devis v2'!F3 et dessous : 14 cellules, somme 843 000,00 €\) ; elle n'est pas lue : seule la feuille « Budget » l'est/;

describe("un classeur à deux feuilles de devis : chaque commande nomme celle qu'elle ne lit pas (feuille-lue)", () => {
  // Before: only `devis` said it; credit-impot, financement, carbone and ecarts read « Budget » in silence.
  it("devis (référence)", async () => {
    const r = await lancer(["devis", await deuxDevis("deux-devis.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).map((c) => c.message)).toContainEqual(expect.stringMatching(MESSAGE_AUTRE_DEVIS));
  });

  it("credit-impot : dans les alertes, en texte et en JSON", async () => {
    const f = await deuxDevis("deux-devis-ci.xlsx");
    const args = ["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "--annee", "2025"];
    const t = await lancer(args);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(MESSAGE_AUTRE_DEVIS);
    const j = await lancer([...args, "--json"]);
    expect((JSON.parse(j.out) as { alertes: string[] }).alertes).toContainEqual(
      expect.stringMatching(MESSAGE_AUTRE_DEVIS),
    );
  });

  it("financement : le coût pris au devis « Budget », l'autre feuille nommée", async () => {
    const f = await deuxDevis("deux-devis-fin.xlsx", true);
    const r = await lancer(["financement", f, "--json"]);
    expect(r.code).toBe(0);
    const c = controlesJson(r.out).find((x) => x.regle === "feuille-lue");
    expect(c).toMatchObject({ gravite: "alerte", cellule: "'Devis v2'!F3" });
    expect(c!.message).toMatch(MESSAGE_AUTRE_DEVIS);
  });

  it("carbone", async () => {
    const r = await lancer(["carbone", await deuxDevis("deux-devis-carbone.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).map((c) => c.message)).toContainEqual(expect.stringMatching(MESSAGE_AUTRE_DEVIS));
  });

  it("ecarts", async () => {
    const f = await deuxDevis("deux-devis-ecarts.xlsx");
    const fec = path.join(dossier(), "deux-devis.txt");
    await fs.writeFile(
      fec,
      [
        "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|" +
          "PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise",
        "AC|Achats|1|20260105|606400|Fournitures|||F1|20260105|Café|100,00|0,00|||20260110||",
        "AC|Achats|1|20260105|401000|Fournisseurs|||F1|20260105|Café|0,00|100,00|||20260110||",
      ].join("\n"),
    );
    const r = await lancer(["ecarts", f, "--fec", fec, "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).map((c) => c.message)).toContainEqual(expect.stringMatching(MESSAGE_AUTRE_DEVIS));
  });

  it("planning (le devis lu pour proposer les quantités du plan de travail)", async () => {
    const f = await deuxDevis("deux-devis-planning.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const pdt = wb.addWorksheet("PDT");
    pdt.addRow(["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)"]);
    pdt.addRow(["15/04/2026", "Claire Martin", "Réalisatrice", "IDCC 2642", "8h30", "18h30", 60]);
    await wb.xlsx.writeFile(f);
    const r = await lancer(["planning", f, "--json"]);
    expect(r.code).toBe(0);
    expect(controlesJson(r.out).map((c) => c.message)).toContainEqual(expect.stringMatching(MESSAGE_AUTRE_DEVIS));
  });

  it("--feuille nommant le devis : rien à dire", async () => {
    const f = await deuxDevis("deux-devis-feuille.xlsx");
    const r = await lancer(["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "--feuille", "Budget"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("Devis v2");
  });
});

/** The fiction devis on a sheet « Budget Gardiens » and its copy on « Devis v2 » (one amount raised). */
async function deuxDevisGardiens(nom: string): Promise<string> {
  const f = await deuxDevis(nom);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  wb.getWorksheet("Budget")!.name = "Budget Gardiens";
  await wb.xlsx.writeFile(f);
  return f;
}

const AUTRE_DEVIS_GARDIENS =
  /La feuille « Devis v2 » ressemble aussi à un devis et tient des montants \('Devis v2'!F3 et dessous : 14 cellules, somme 843 000,00 €\) ; elle n'est pas lue : seule la feuille « Budget Gardiens » l'est/;

describe("versions : la feuille de devis non lue nommée (feuille-lue)", () => {
  it("versions enregistrer : la première feuille enregistrée, l'autre nommée en texte et en JSON", async () => {
    const f = await deuxDevisGardiens("deux-devis-versions.xlsx");
    const sortie = path.join(dossier(), "deux-devis-versions-sortie.xlsx");
    const t = await lancer(["versions", "enregistrer", f, "--nom", "V1", "--date", "2026-11-20", "-o", sortie]);
    expect(t.code).toBe(0);
    expect(t.out).toMatch(/Version « V1 » enregistrée : 13 lignes, total 419 000,00 €/);
    expect(t.out).toMatch(AUTRE_DEVIS_GARDIENS);
    const j = await lancer([
      "versions",
      "enregistrer",
      f,
      "--nom",
      "V1",
      "--date",
      "2026-11-20",
      "--json",
      "-o",
      path.join(dossier(), "deux-devis-versions-json.xlsx"),
    ]);
    expect(j.code).toBe(0);
    const c = controlesJson(j.out).find((x) => x.regle === "feuille-lue");
    expect(c).toMatchObject({ gravite: "alerte", cellule: "'Devis v2'!F3" });
    expect(c!.message).toMatch(AUTRE_DEVIS_GARDIENS);

    // Compared with the current devis: the sheet not read named again.
    const cmp = await lancer(["versions", "comparer", sortie, "--de", "V1", "--a", "courant", "--json"]);
    expect(cmp.code).toBe(0);
    expect(controlesJson(cmp.out).map((x) => x.message)).toContainEqual(expect.stringMatching(AUTRE_DEVIS_GARDIENS));
    const cmpTexte = await lancer(["versions", "comparer", sortie, "--de", "V1", "--a", "courant"]);
    expect(cmpTexte.out).toMatch(AUTRE_DEVIS_GARDIENS);
  });
});

describe("-o ou --csv nommant un dossier (avant : « doit avoir l'extension .xlsx »)", () => {
  it("-o sur un dossier existant : c'est un dossier qui est nommé, rien d'écrit", async () => {
    const f = await devis("dossier-o.xlsx");
    const rep = path.join(dossier(), "sorties");
    await fs.mkdir(rep);
    refus(
      await lancer(["devis", f, "-o", rep]),
      `Le fichier de sortie « ${rep} » est un dossier : indiquez un nom de fichier .xlsx ` +
        `(-o ${path.join(rep, "sortie.xlsx")}).`,
    );
    expect(await fs.readdir(rep)).toEqual([]);
  });

  it("-o finissant par / (dossier absent) : même message", async () => {
    const f = await devis("dossier-slash.xlsx");
    const rep = path.join(dossier(), "nouveau") + "/";
    refus(
      await lancer(["financement", f, "--cout", "1000000", "-o", rep]),
      `Le fichier de sortie « ${rep} » est un dossier : indiquez un nom de fichier .xlsx ` +
        `(-o ${path.join(rep, "sortie.xlsx")}).`,
    );
    expect(existsSync(rep)).toBe(false);
  });

  it("-o sans extension qui n'est pas un dossier : l'extension demandée comme avant", async () => {
    const f = await devis("sans-extension.xlsx");
    refus(
      await lancer(["devis", f, "-o", path.join(dossier(), "sortie")]),
      `Le fichier de sortie « ${path.join(dossier(), "sortie")} » doit avoir l'extension .xlsx.`,
    );
  });

  it("carbone --csv sur un dossier : nommé comme un dossier, ni le CSV ni le classeur écrits", async () => {
    const f = await devis("dossier-csv.xlsx");
    const rep = path.join(dossier(), "exports");
    await fs.mkdir(rep);
    const sortie = path.join(dossier(), "dossier-csv-sortie.xlsx");
    refus(
      await lancer(["carbone", f, "--csv", rep, "-o", sortie]),
      `Le fichier de l'option --csv « ${rep} » est un dossier : indiquez un nom de fichier .csv ` +
        `(--csv ${path.join(rep, "export.csv")}).`,
      sortie,
    );
    expect(await fs.readdir(rep)).toEqual([]);
    const slash = path.join(dossier(), "exports-absent") + "/";
    refus(
      await lancer(["carbone", f, "--csv", slash]),
      `Le fichier de l'option --csv « ${slash} » est un dossier : indiquez un nom de fichier .csv ` +
        `(--csv ${path.join(slash, "export.csv")}).`,
    );
  });
});
