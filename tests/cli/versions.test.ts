import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { dossierTemp, ecrireDevis, modifierDevis } from "../core/versions/classeurs";

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
    expect(io.sortie.join("\n")).toMatch(/Version « Devis initial » enregistrée : 8 ligne\(s\), total 47\u202f197,82/);
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
      version: { nom: "Dépôt agrément provisoire", date: "2026-11-20", auteur: "Paul", lignes: 8, total: "44774.93" },
      remplacee: false,
      feuille: "Versions",
      sortie: v2,
    });

    io = enregistreur();
    expect(await main(["versions", "lister", v2, "--json"], io)).toBe(0);
    expect(io.sortie).toHaveLength(1);
    expect(JSON.parse(io.sortie[0])).toEqual({
      versions: [
        { nom: "Devis initial", date: "2026-11-02", auteur: "Claire", lignes: 8, total: "47197.82" },
        { nom: "Dépôt agrément provisoire", date: "2026-11-20", auteur: "Paul", lignes: 8, total: "44774.93" },
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
