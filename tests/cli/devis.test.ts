import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { GRAVITES, TITRES_CONSTATS } from "../../src/core/controles/titres";
import { fr } from "../helpers/cli";

const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

function enregistreur(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-cli-devis-"));
});

describe("prodbook devis --json", () => {
  it("imprime exactement un objet JSON au contrat de l'issue", async () => {
    const io = enregistreur();
    const code = await main(
      ["devis", EXEMPLE, "--json", "--duree", "52", "--genre", "documentaire", "--date", "2026-01-15"],
      io,
    );
    expect(code).toBe(0);
    expect(io.erreurs).toEqual([]);
    expect(io.sortie).toHaveLength(1);
    const j = JSON.parse(io.sortie[0]);
    // `duree` added after the others: the duration used and where it comes from (here the option).
    expect(Object.keys(j)).toEqual(["devis", "controles", "tables", "duree"]);
    expect(j.duree).toEqual({ minutes: "52", origine: "option", cellule: null });
    // The tables the checks read: the IDCC 2642 grid in force and the accord transparence (documentary); last, the
    // CNC nomenclature the devis was structured with.
    expect(j.tables.map((t: { id: string; effetDu: string }) => `${t.id}@${t.effetDu}`)).toEqual([
      "idcc2642-minima@2025-07-01",
      "accord-transparence@2024-11-08",
      "nomenclature-cnc@2000-01-01",
    ]);
    expect(Object.keys(j.tables[0])).toEqual(["id", "effetDu", "effetAu", "confiance", "aVerifier", "sources"]);
    // tauxContreMontant: « Frais généraux 15 % » and « Imprévus 7 % » typed as 15 % and 7 % of the producer's
    // « TOTAL HT » (G71), not of the coût hors frais read (said as info, autreBase).
    expect(Object.keys(j.devis)).toEqual([
      "total",
      "lignes",
      "coutMinute",
      "chapitres",
      "nonPlaces",
      "feuille",
      "conservation",
      "tauxContreMontant",
    ]);
    // The sheet read, as the text says it (« Devis lu dans la feuille « Budget Gardiens » »): added to the contract.
    expect(j.devis.feuille).toBe("Budget Gardiens");
    expect(
      j.devis.tauxContreMontant.map(
        (t: { cellule: string; base: string; calcule: string; montant: string; autreBase: { cellule: string } }) =>
          `${t.cellule} ${t.base} ${t.calcule} ${t.montant} ${t.autreBase.cellule}`,
      ),
    ).toEqual([
      "'Budget Gardiens'!G73 151020.60 22653.09 21714.93 'Budget Gardiens'!G71",
      "'Budget Gardiens'!G74 151020.60 10571.44 10133.63 'Budget Gardiens'!G71",
    ]);
    // Every amount of column G is a placed line, a proven total or listed: no gap (issue 10 §1).
    expect(j.devis.conservation).toEqual({
      lu: "649016.32",
      lignes: "182869.16",
      totauxProuves: "464947.16",
      nonPlaces: "1200.00",
      listes: "0.00",
      ecart: "0.00",
      colonne: "G",
      cellules: { lues: 50, lignes: 38, totauxProuves: 11, nonPlaces: 1, listees: 0 },
      nonComptees: [],
    });
    expect(j.devis.total).toBe("182869.16");
    expect(j.devis.lignes).toBe(39);
    expect(j.devis.coutMinute).toBe("3516.71");
    expect(j.devis.chapitres[1]).toEqual({ code: "2", libelle: "Personnel", total: "54110.00" });
    expect(j.devis.chapitres.map((c: { code: string }) => c.code)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "FG",
      "IMP",
    ]);
    expect(j.devis.nonPlaces).toEqual([{ cellule: "'Budget Gardiens'!G6", montant: "1200.00" }]);
    // The two amounts written as text (1.2, repas) are lines; the producer's SUM subtotals skip them, as Excel does:
    // both subtotals, TOTAL HT and the total général that take them up are flagged.
    expect(j.controles.map((c: { regle: string }) => c.regle)).toEqual([
      "montant-calcul",
      "sous-total-producteur",
      "sous-total-producteur",
      "total-producteur",
      "total-producteur",
      "ligne-hors-chapitre",
      "salaire-minimum",
      // Frais généraux 15 % and imprévus 7 % typed on TOTAL HT (G71), not on the coût hors frais read: said (info).
      "montant-pourcentage",
      "montant-pourcentage",
    ]);
    expect(j.controles.slice(1, 5).map((c: { cellule: string }) => c.cellule)).toEqual(
      ["G12", "G49", "G71", "G76"].map((g) => `'Budget Gardiens'!${g}`),
    );
    expect(j.controles[1].message).toContain(
      "« Sous-total droits artistiques » indique 17\u202f000,00\u00a0€ mais les 3 lignes qu'il couvre totalisent 23\u202f000,00\u00a0€",
    );
    const sm = j.controles[6];
    expect(Object.keys(sm)).toEqual(["regle", "gravite", "message", "cellule"]);
    expect(sm).toMatchObject({ gravite: "alerte", cellule: "'Budget Gardiens'!F17" }); // after 1 July 2025: a floor
    expect(sm.message).toMatch(/230,00.*240,87/);
  });

  it("--strict sort en 1 quand il y a des erreurs ; sans --duree le coût par minute vient de la durée du titre (52')", async () => {
    const io = enregistreur();
    expect(await main(["devis", EXEMPLE, "--json", "--strict"], io)).toBe(1);
    const j = JSON.parse(io.sortie[0]).devis;
    // « documentaire 52' » in 'Budget Gardiens'!A2: total ÷ 52, to the cent.
    expect(j.coutMinute).toBe((Math.round((Number(j.total) * 100) / 52) / 100).toFixed(2));
  });
});

describe("prodbook devis, texte", () => {
  it("chaque constat par son titre français et sa gravité en français, jamais l'identifiant de la règle (réservé à --json)", async () => {
    const opts = ["--duree", "52", "--genre", "documentaire", "--date", "2026-01-15"];
    const json = enregistreur();
    expect(await main(["devis", EXEMPLE, "--json", ...opts], json)).toBe(0);
    const controles = JSON.parse(json.sortie[0]).controles as { regle: string; gravite: string; message: string }[];
    expect(controles.length).toBe(9);
    const io = enregistreur();
    expect(await main(["devis", EXEMPLE, ...opts], io)).toBe(0);
    const texte = io.sortie.join("\n");
    for (const c of controles) {
      expect(texte).toContain(
        fr(`[${GRAVITES[c.gravite as keyof typeof GRAVITES].singulier}] ${TITRES_CONSTATS[c.regle]} — ${c.message}`),
      );
      expect(texte).not.toMatch(new RegExp(`(^|[\\s\\]])${c.regle}\\b`, "m"));
    }
    expect(texte).toContain("[erreur] Montant ≠ quantité × taux — ");
    // Counts in French, without « (s) ».
    expect(texte).toContain("Contrôles\u00a0: 5 erreurs, 2 alertes, 2 informations\n");
  });
});

describe("prodbook devis -o", () => {
  it("écrit le classeur d'entrée plus Devis, Synthèse et Contrôles, et remplace ses feuilles au deuxième passage", async () => {
    const sortie = path.join(dir, "structure.xlsx");
    const io = enregistreur();
    expect(await main(["devis", EXEMPLE, "--duree", "52", "-o", sortie], io)).toBe(0);
    const texte = io.sortie.join("\n");
    expect(texte).toMatch(/TOTAL\s+182\u202f869,16/);
    expect(texte).toMatch(/Coût par minute \(52 min\)\s+3\u202f516,71/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const visibles = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(visibles).toEqual(["Budget Gardiens", "Post-production", "Devis", "Synthèse", "Contrôles"]);
    // The summary and the Contrôles sheet say where every amount read went.
    const conservation =
      /Montants lus \(colonne G\)\s: 649\u202f016,32\s€ = lignes placées 182\u202f869,16\s€ .*écart 0,00\s€\./;
    expect(texte).toMatch(conservation);
    expect(String(wb.getWorksheet("Contrôles")?.getCell("A3").value)).toMatch(conservation);
    // Second run on the output: same sheets, no copies, source sheet intact.
    const sortie2 = path.join(dir, "structure2.xlsx");
    expect(await main(["devis", sortie, "--duree", "52", "-o", sortie2], enregistreur())).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(sortie2);
    expect(wb2.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual(visibles);
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(EXEMPLE);
    const a = src.getWorksheet("Budget Gardiens") as ExcelJS.Worksheet;
    const b = wb2.getWorksheet("Budget Gardiens") as ExcelJS.Worksheet;
    for (let r = 1; r <= a.rowCount; r++)
      expect(JSON.stringify(b.getRow(r).values)).toBe(JSON.stringify(a.getRow(r).values));
  });
});

describe("prodbook devis : erreurs (exit 2, message français, rien d'écrit)", () => {
  const cas: [string, () => Promise<string>, RegExp][] = [
    [
      "un fichier texte",
      async () => ecrire("notes.txt", "Code;Libellé;Montant\n1;x;3\n"),
      /n'est pas un fichier \.xlsx/,
    ],
    [
      "un ancien .xls",
      async () => ecrire("vieux.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])),
      /ancien classeur \.xls/,
    ],
    [
      "un zip corrompu",
      async () => ecrire("casse.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])),
      /n'est pas un classeur Excel lisible/,
    ],
    ["un fichier absent", async () => path.join(dir, "absent.xlsx"), /introuvable/],
    ["un classeur sans en-tête de devis", async () => sansEntete(), /Aucun devis reconnu.*«\u00a0Notes\u00a0»/],
    // Said as it is, not « il faut une ligne d'en-tête » (issue of the Structurer page: an empty sheet picked).
    [
      "un classeur d'une feuille vide",
      async () => feuillesVides("vide.xlsx", ["Vide"]),
      /^vide\.xlsx\u00a0: La feuille «\u00a0Vide\u00a0» est vide\u00a0: elle ne contient aucun devis à lire\.$/,
    ],
  ];
  it.each(cas)("%s", async (_nom, fabrique, message) => {
    const fichier = await fabrique();
    const sortie = path.join(dir, `sortie-${path.basename(fichier)}.xlsx`);
    const io = enregistreur();
    expect(await main(["devis", fichier, "--json", "-o", sortie], io)).toBe(2);
    expect(io.sortie).toEqual([]);
    expect(io.erreurs.join("\n")).toMatch(message);
    expect(existsSync(sortie)).toBe(false);
  });

  it("--feuille sur une feuille vide : « La feuille « X » est vide », celle-là nommée, pas l'en-tête demandé", async () => {
    const fichier = await feuillesVides("vides.xlsx", ["Budget", "Brouillon"]);
    const io = enregistreur();
    expect(await main(["devis", fichier, "--feuille", "Brouillon", "--json"], io)).toBe(2);
    expect(io.sortie).toEqual([]);
    expect(io.erreurs).toEqual([
      "vides.xlsx\u00a0: La feuille «\u00a0Brouillon\u00a0» est vide\u00a0: elle ne contient aucun devis à lire.",
    ]);
  });

  it("refuse une feuille inconnue et un genre inconnu", async () => {
    const io = enregistreur();
    expect(await main(["devis", EXEMPLE, "--feuille", "Budget"], io)).toBe(2);
    expect(io.erreurs[0]).toMatch(
      /La feuille de devis «\u00a0Budget\u00a0» n'existe pas.*«\u00a0Budget Gardiens\u00a0»/,
    );
    const io2 = enregistreur();
    expect(await main(["devis", EXEMPLE, "--genre", "western"], io2)).toBe(2);
    expect(io2.erreurs[0]).toMatch(/--genre attend l'une des valeurs fiction, documentaire/);
  });
});

async function ecrire(nom: string, contenu: string | Buffer): Promise<string> {
  const f = path.join(dir, nom);
  await fs.writeFile(f, contenu);
  return f;
}

/** A workbook of empty sheets named `noms`. */
async function feuillesVides(nom: string, noms: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const n of noms) wb.addWorksheet(n);
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return f;
}

async function sansEntete(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Notes");
  ws.addRow(["Réunion du 3 mars"]);
  ws.addRow(["Montant à confirmer", 1200]);
  const f = path.join(dir, "notes.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}
