import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { deuxVersions, dossierTemp, ecrireDevis, modifierDevis } from "../core/versions/classeurs";

function enregistreur(): Io & { sortie: string[]; erreurs: string[] } {
  const sortie: string[] = [];
  const erreurs: string[] = [];
  return { sortie, erreurs, out: (t) => sortie.push(t), err: (t) => erreurs.push(t) };
}

let dir: string;
let initial: string;
beforeAll(async () => {
  dir = await dossierTemp("prodbook-cli-versions-");
  initial = path.join(dir, "devis.xlsx");
  await ecrireDevis(initial);
});

describe("prodbook versions enregistrer / lister", () => {
  it("enregistre deux versions, les liste (texte et JSON), refuse un doublon sans --remplacer (exit 2, rien écrit)", async () => {
    const v1 = path.join(dir, "v1.xlsx");
    let io = enregistreur();
    expect(
      await main(
        [
          "versions",
          "enregistrer",
          initial,
          "--nom",
          "Devis initial",
          "--auteur",
          "Claire",
          "--date",
          "2026-11-02",
          "-o",
          v1,
        ],
        io,
      ),
    ).toBe(0);
    expect(io.erreurs).toEqual([]);
    expect(io.sortie.join("\n")).toMatch(/Version « Devis initial » enregistrée : 8\u00a0lignes, total 47\u202f197,82/);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(v1);
    const ws = x.getWorksheet("Versions")!;
    expect(ws.state).toBe("visible");
    expect(ws.getCell("A2").value).toBe("Devis initial");
    expect(ws.getCell("H2").value).toBe("Auteur-réalisateur — droits d'auteur");

    const v2 = path.join(dir, "v2.xlsx");
    await modifierDevis(v1, path.join(dir, "v1-modifie.xlsx"));
    io = enregistreur();
    expect(
      await main(
        [
          "versions",
          "enregistrer",
          path.join(dir, "v1-modifie.xlsx"),
          "--nom",
          "Dépôt agrément provisoire",
          "--auteur",
          "Paul",
          "--date",
          "2026-11-20",
          "--masquer",
          "--json",
          "-o",
          v2,
        ],
        io,
      ),
    ).toBe(0);
    const j = JSON.parse(io.sortie[0]);
    expect(j).toEqual({
      version: {
        nom: "Dépôt agrément provisoire",
        date: "2026-11-20",
        auteur: "Paul",
        lignes: 8,
        total: "44774.93",
        nonPlaces: [],
      },
      remplacee: false,
      feuille: "Versions",
      sortie: v2,
      controles: [],
    });

    io = enregistreur();
    expect(await main(["versions", "lister", v2, "--json"], io)).toBe(0);
    expect(io.sortie).toHaveLength(1);
    expect(JSON.parse(io.sortie[0])).toEqual({
      versions: [
        { nom: "Devis initial", date: "2026-11-02", auteur: "Claire", lignes: 8, total: "47197.82", nonPlaces: [] },
        {
          nom: "Dépôt agrément provisoire",
          date: "2026-11-20",
          auteur: "Paul",
          lignes: 8,
          total: "44774.93",
          nonPlaces: [],
        },
      ],
    });
    io = enregistreur();
    expect(await main(["versions", "lister", v2], io)).toBe(0);
    expect(io.sortie.join("\n")).toMatch(/Dépôt agrément provisoire\s+2026-11-20\s+Paul\s+8\s+44\u202f774,93/);
    const y = new ExcelJS.Workbook();
    await y.xlsx.readFile(v2);
    expect(y.getWorksheet("Versions")!.state).toBe("hidden");

    const v3 = path.join(dir, "v3.xlsx");
    io = enregistreur();
    expect(await main(["versions", "enregistrer", v2, "--nom", "devis initial", "-o", v3], io)).toBe(2);
    expect(io.erreurs.join("\n")).toMatch(/existe déjà .* --remplacer/);
    expect(existsSync(v3)).toBe(false);
    io = enregistreur();
    expect(await main(["versions", "enregistrer", v2, "--nom", "Devis initial", "--remplacer", "-o", v3], io)).toBe(0);
    expect(io.sortie.join("\n")).toMatch(/remplacée/);
  });

  it("erreurs d'usage en français, exit 2", async () => {
    const cas: [string[], RegExp][] = [
      [["versions"], /Indiquez une action/],
      [["versions", "effacer", initial], /Action inconnue « effacer »/],
      [["versions", "enregistrer", initial, "-o", path.join(dir, "x.xlsx")], /--nom/],
      [["versions", "enregistrer", initial, "--nom", "A"], /-o sortie.xlsx/],
      [["versions", "enregistrer", initial, "--nom", "courant", "-o", path.join(dir, "x.xlsx")], /devis actuel/],
      [["versions", "lister", path.join(dir, "absent.xlsx")], /absent\.xlsx/],
    ];
    for (const [args, re] of cas) {
      const io = enregistreur();
      expect(await main(args, io)).toBe(2);
      expect(io.erreurs.join("\n")).toMatch(re);
    }
  });
});

describe("prodbook versions comparer --json", () => {
  let f: { v1m: string; v2: string };
  beforeAll(async () => {
    f = await deuxVersions(await dossierTemp("prodbook-cli-comparer-"));
  });

  const attendu = {
    de: "Devis initial",
    a: "Dépôt agrément",
    total: { de: "47197.82", a: "44774.93", delta: "-2422.89" },
    chapitres: [
      { code: "1", de: "18000.00", a: "12000.00", delta: "-6000.00", libelle: "Droits artistiques" },
      { code: "2", de: "22348.44", a: "24125.55", delta: "1777.11", libelle: "Personnel" },
      { code: "7", de: "6849.38", a: "8649.38", delta: "1800.00", libelle: "Moyens techniques" },
    ],
    lignes: [
      {
        statut: "supprimee",
        code: "1.2",
        libelle: "Archives INA",
        de: "6000.00",
        a: null,
        delta: "-6000.00",
        cellule: "Budget!G5",
        chapitre: "1",
        ancienLibelle: null,
        effetQuantite: null,
        ancienChapitre: null,
      },
      {
        statut: "modifiee",
        code: "2.2",
        libelle: "Directrice de production",
        de: "4948.44",
        a: "6185.55",
        delta: "1237.11",
        cellule: "Budget!G8",
        chapitre: "2",
        ancienLibelle: null,
        effetQuantite: "1237.11",
        ancienChapitre: null,
      },
      {
        statut: "modifiee",
        code: "2.3",
        libelle: "Directeur de la photographie",
        de: "6300.00",
        a: "6840.00",
        delta: "540.00",
        cellule: "Budget!G9",
        chapitre: "2",
        ancienLibelle: "Chef opérateur",
        effetQuantite: "0.00",
        ancienChapitre: null,
      },
      {
        statut: "ajoutee",
        code: "7.3",
        libelle: "Drone et télépilote",
        de: null,
        a: "1800.00",
        delta: "1800.00",
        cellule: "Budget!G14",
        chapitre: "7",
        ancienLibelle: null,
        effetQuantite: null,
        ancienChapitre: null,
      },
      {
        statut: "modifiee",
        code: null,
        libelle: "Consommables (cartes, disques)",
        de: "600.00",
        a: "600.00",
        delta: "0.00",
        cellule: "Budget!G15",
        chapitre: "7",
        ancienLibelle: "Consommables",
        effetQuantite: "0.00",
        ancienChapitre: null,
      },
    ],
    nonPlaces: { de: "0.00", a: "0.00", delta: "0.00", lignesDe: 0, lignesA: 0 },
  };

  it("deux versions enregistrées : un seul objet JSON, au contrat de l'issue, écarts au centime", async () => {
    const io = enregistreur();
    expect(
      await main(["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"], io),
    ).toBe(0);
    expect(io.sortie).toHaveLength(1);
    const j = JSON.parse(io.sortie[0]);
    expect(Object.keys(j)).toEqual(["de", "a", "total", "chapitres", "lignes", "nonPlaces", "controles"]);
    expect(j).toEqual({ ...attendu, controles: [] });
  });

  it("une version et le devis courant donnent les mêmes écarts", async () => {
    const io = enregistreur();
    expect(await main(["versions", "comparer", f.v1m, "--de", "devis initial", "--a", "courant", "--json"], io)).toBe(
      0,
    );
    const j = JSON.parse(io.sortie[0]);
    expect(j).toEqual({ ...attendu, a: "courant", controles: [] });
  });

  it("texte lisible, et erreurs en français (exit 2) pour une version absente ou « courant » en premier", async () => {
    let io = enregistreur();
    expect(await main(["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément"], io)).toBe(0);
    const t = io.sortie.join("\n");
    expect(t).toMatch(/TOTAL\s+47\u202f197,82\u00a0€\s+44\u202f774,93\u00a0€\s+-2\u202f422,89\u00a0€/);
    expect(t).toMatch(
      /modifiée\s+2\.3\s+« Chef opérateur » → « Directeur de la photographie » \+540,00\u00a0€ \(Budget!G9\)/,
    );
    const cas: [string[], RegExp][] = [
      [
        ["--de", "Devis final", "--a", "courant"],
        /Aucune version « Devis final ».*« Devis initial », « Dépôt agrément »/,
      ],
      [["--de", "courant", "--a", "Devis initial"], /se compare en second/],
      [["--de", "Devis initial"], /--de et --a/],
    ];
    for (const [args, re] of cas) {
      io = enregistreur();
      expect(await main(["versions", "comparer", f.v2, ...args], io)).toBe(2);
      expect(io.erreurs.join("\n")).toMatch(re);
    }
  });
});
