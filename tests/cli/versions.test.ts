import ExcelJS from "exceljs";
import { existsSync } from "fs";
import { readFile } from "fs/promises";
import { inflateRawSync } from "zlib";
import JSZip from "jszip";
import * as path from "path";
import type { Io } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { cheminRels, lireRels, partiesFeuilles, resoudre } from "../../src/xlsx/zipParties";
import { alleger } from "../../src/xlsx/validationsVolumineuses";
import type { PartieCompressee } from "../../src/xlsx/zipEcriture";
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
    expect(io.sortie.join("\n")).toMatch(
      /Version «\u00a0Devis initial\u00a0» enregistrée\u00a0: 8\u00a0lignes, total 47\u202f197,82/,
    );
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
    expect(io.sortie.join("\n")).toMatch(/Dépôt agrément provisoire\s+20\/11\/2026\s+Paul\s+8\s+44\u202f774,93/);
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
      [["versions", "effacer", initial], /Action inconnue «\u00a0effacer\u00a0»/],
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
    expect(Object.keys(j)).toEqual([
      "de",
      "a",
      "total",
      "chapitres",
      "lignes",
      "nonPlaces",
      "controles",
      "coutDefinitif",
    ]);
    // No Écarts sheet in the workbook: no comparison against the coût définitif.
    expect(j).toEqual({ ...attendu, controles: [], coutDefinitif: null });
  });

  it("une version et le devis courant donnent les mêmes écarts", async () => {
    const io = enregistreur();
    expect(await main(["versions", "comparer", f.v1m, "--de", "devis initial", "--a", "courant", "--json"], io)).toBe(
      0,
    );
    const j = JSON.parse(io.sortie[0]);
    expect(j).toEqual({ ...attendu, a: "courant", controles: [], coutDefinitif: null });
  });

  it("texte lisible, et erreurs en français (exit 2) pour une version absente ou « courant » en premier", async () => {
    let io = enregistreur();
    expect(await main(["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément"], io)).toBe(0);
    const t = io.sortie.join("\n");
    expect(t).toMatch(/TOTAL\s+47\u202f197,82\u00a0€\s+44\u202f774,93\u00a0€\s+−2\u202f422,89\u00a0€/);
    // Every variance signed, as ecarts and the pane write them: « +540,00 € », « −2 422,89 € » (the JSON keeps « -2422.89 »).
    const chapitres = t.split("\n").filter((l) => /^ {2}\d /.test(l));
    expect(chapitres.length).toBeGreaterThan(1);
    for (const l of chapitres) expect(l).toMatch(/ ([+\u2212][\d\u202f]+,\d\d|0,00)\u00a0€$/);
    expect(chapitres.some((l) => /\+[\d\u202f]+,\d\d\u00a0€$/.test(l))).toBe(true);
    expect(chapitres.some((l) => /\u2212[\d\u202f]+,\d\d\u00a0€$/.test(l))).toBe(true);
    expect(t).toMatch(
      /modifiée\s+2\.3\s+«\u00a0Chef opérateur\u00a0» → «\u00a0Directeur de la photographie\u00a0» \+540,00\u00a0€ \(Budget!G9\)/,
    );
    const cas: [string[], RegExp][] = [
      [
        ["--de", "Devis final", "--a", "courant"],
        /Aucune version «\u00a0Devis final\u00a0».*«\u00a0Devis initial\u00a0», «\u00a0Dépôt agrément\u00a0»/,
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

describe("prodbook versions sur un classeur qui a déjà une « Comparaison »", () => {
  /** The « Comparaison » sheet's rows (its <sheetData>), its comments part and its VML drawing, as bytes. */
  async function partiesComparaison(fichier: string): Promise<{ lignes: string; commentaires: string; vml: string }> {
    const zip = await JSZip.loadAsync(await readFile(fichier));
    const p = (await partiesFeuilles(zip)).get("Comparaison")!;
    const xml = await zip.file(p)!.async("string");
    const rels = lireRels(await zip.file(cheminRels(p))!.async("string"));
    const cible = async (t: string) =>
      zip.file(resoudre(p, rels.find((r) => r.type.endsWith(t))!.target))!.async("string");
    return {
      lignes: xml.slice(xml.indexOf("<sheetData"), xml.indexOf("</sheetData>")),
      commentaires: await cible("/comments"),
      vml: await cible("/vmlDrawing"),
    };
  }

  it("ExcelJS ne reçoit que la première de ses notes, qu'elle soit remise (enregistrer) ou réécrite (comparer -o)", async () => {
    const d = await dossierTemp("prodbook-cli-versions-notes-reduites-");
    const f = await deuxVersions(d);
    const comp = path.join(d, "comparaison.xlsx");
    expect(
      await main(
        ["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "-o", comp],
        enregistreur(),
      ),
    ).toBe(0);
    const data = await readFile(comp);
    const original = await partiesComparaison(comp);
    expect(original.commentaires.split("<comment ").length - 1).toBeGreaterThan(10);
    // The package given to ExcelJS, opened as `versions enregistrer` (kept) and `versions comparer -o` (replaced) open it.
    for (const remplacees of [[], ["Comparaison"]]) {
      const { donnees, misesDeCote } = await alleger(
        data,
        undefined,
        ["Versions", "Comparaison"],
        false,
        true,
        remplacees,
      );
      const zip = await JSZip.loadAsync(donnees);
      const p = (await partiesFeuilles(zip)).get("Comparaison")!;
      const rels = lireRels(await zip.file(cheminRels(p))!.async("string"));
      const partie = (t: string) =>
        zip.file(resoudre(p, rels.find((r) => r.type.endsWith(t))!.target))!.async("string");
      const [commentaires, vml] = [await partie("/comments"), await partie("/vmlDrawing")];
      expect(commentaires.split("<comment ").length - 1).toBe(1);
      expect(vml.split("<v:shape ").length - 1).toBe(1);
      expect(commentaires).toBe(
        original.commentaires.slice(0, original.commentaires.indexOf("</comment>") + 10) + "</commentList></comments>",
      );
      // Kept: the original parts are put back when saving; replaced: none (the new sheet writes its own).
      const notes = misesDeCote.feuilles.get("Comparaison")!.notes;
      if (remplacees.length) expect(notes).toBeUndefined();
      else {
        // Kept as deflated in the original package (copied as they are when saving): the same parts once inflated.
        const texte = (x: Buffer | PartieCompressee) =>
          (Buffer.isBuffer(x) ? x : inflateRawSync(x.compressee)).toString("utf8");
        expect(Buffer.isBuffer(notes!.commentaires)).toBe(false);
        expect([texte(notes!.commentaires), texte(notes!.dessin)]).toEqual([original.commentaires, original.vml]);
      }
    }
  });

  it("enregistrer la remet telle quelle (lignes, notes, commentaire) ; comparer -o garde le commentaire et écrit ses notes", async () => {
    const d = await dossierTemp("prodbook-cli-versions-comparaison-");
    const f = await deuxVersions(d);
    const comp = path.join(d, "comparaison.xlsx");
    const args = ["--de", "Devis initial", "--a", "Dépôt agrément"];
    expect(await main(["versions", "comparer", f.v2, ...args, "-o", comp], enregistreur())).toBe(0);
    // enregistrer does not rewrite it: its notes parts come back byte for byte; its rows too, once its shared
    // strings are inline (the first time it is put back: ExcelJS rewrites the shared strings part).
    const v3a = path.join(d, "v3a.xlsx");
    const v4a = path.join(d, "v4a.xlsx");
    expect(await main(["versions", "enregistrer", comp, "--nom", "Tournage", "-o", v3a], enregistreur())).toBe(0);
    expect(await main(["versions", "enregistrer", v3a, "--nom", "Montage", "-o", v4a], enregistreur())).toBe(0);
    const [c0, c3, c4] = await Promise.all([comp, v3a, v4a].map(partiesComparaison));
    expect([c3.commentaires, c3.vml]).toEqual([c0.commentaires, c0.vml]);
    expect(c4).toEqual(c3);
    expect(c3.lignes).toContain("<is><t>Comparaison des versions du devis</t></is>");

    // The producer writes a comment on a line.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(comp);
    const ws = wb.getWorksheet("Comparaison")!;
    let ligne = 0;
    ws.eachRow((r, n) => {
      if (!ligne && r.getCell(4).value === "Archives INA") ligne = n;
    });
    expect(ligne).toBeGreaterThan(0);
    ws.getCell(ligne, 18).value = "Archives remplacées par des images d'amateurs";
    const commente = path.join(d, "commente.xlsx");
    await wb.xlsx.writeFile(commente);
    const avant = await partiesComparaison(commente);
    const nbNotes = avant.commentaires.split("<comment ").length - 1;
    expect(nbNotes).toBeGreaterThan(10);

    // After the producer's edit (saved by ExcelJS, shared strings: made inline), the notes parts are the same bytes.
    const v3 = path.join(d, "v3.xlsx");
    const io = enregistreur();
    expect(await main(["versions", "enregistrer", commente, "--nom", "Tournage", "-o", v3], io)).toBe(0);
    expect(io.erreurs).toEqual([]);
    const gardees = await partiesComparaison(v3);
    expect([gardees.commentaires, gardees.vml]).toEqual([avant.commentaires, avant.vml]);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(v3);
    const w3 = lu.getWorksheet("Comparaison")!;
    expect(w3.getCell(ligne, 18).value).toBe("Archives remplacées par des images d'amateurs");
    expect(
      String(
        (w3.getCell(ligne, 14).note as ExcelJS.Comment | undefined)?.texts?.[0]?.text ?? w3.getCell(ligne, 14).note,
      ),
    ).toContain("Archives INA");

    // comparer -o rewrites it: the comment is read back by streaming and kept, every note written again.
    const rafraichi = path.join(d, "rafraichi.xlsx");
    const io2 = enregistreur();
    expect(await main(["versions", "comparer", v3, ...args, "-o", rafraichi], io2)).toBe(0);
    expect(io2.sortie.join("\n")).toMatch(/1\u00a0commentaire conservé/);
    const apres = await partiesComparaison(rafraichi);
    expect(apres.commentaires.split("<comment ").length - 1).toBe(nbNotes);
    const r = new ExcelJS.Workbook();
    await r.xlsx.readFile(rafraichi);
    expect(r.getWorksheet("Comparaison")!.getCell(ligne, 18).value).toBe(
      "Archives remplacées par des images d'amateurs",
    );
  });
});
