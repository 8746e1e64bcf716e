/**
 * Hostile sweep of `prodbook ecarts` (December 2026): the ledger read is named in the report — its encoding, detected
 * or forced, in the text, the JSON and the Écarts sheet — and every line of the file is accounted for (lues =
 * affectées + sans poste + ignorées, each ignored line with its reason); an ISO-8859-15 file, which the bytes cannot
 * tell from Windows-1252, is named when its « € » reads « ¤ »; a correspondances file with a header only is refused.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { dossierTemporaire, espacesSimples, lancerCli, refus } from "../helpers/cli";

const FIX = path.resolve(__dirname, "../fixtures/fec");
const CORR = path.join(FIX, "correspondances.csv");

const lancer = (args: string[]) => lancerCli(main, args);

/** ISO-8859-15 bytes of a text whose characters all have one (the euro sign is A4 there, 80 in Windows-1252). */
function iso885915(texte: string): Buffer {
  const octets: number[] = [];
  for (const c of texte) {
    if (c === "€") octets.push(0xa4);
    else if (c.charCodeAt(0) < 0x100) octets.push(c.charCodeAt(0));
    else throw new Error(`« ${c} » hors ISO-8859-15 dans ce test`);
  }
  return Buffer.from(octets);
}

const dossier = dossierTemporaire("qa-ecarts-gl-");

describe("prodbook ecarts : le grand livre lu, nommé et compté ligne à ligne", () => {
  let devis: string;
  /** The fixture's 23 lines, plus a blank line and a line whose date is no date (rejected), in ISO-8859-15 with a « € ». */
  let fec: string;
  let lignesFichier: string[];
  beforeAll(async () => {
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const source = fs.readFileSync(path.join(FIX, "production-2024.txt"), "utf8").replace(/\n$/, "").split("\n");
    const champs = source[3].split("\t");
    champs[3] = "31/02/2024"; // EcritureDate: no such day, the line is rejected (its 1 500,50 € named, not read)
    champs[10] = "Cachet 1 500 € comédiens";
    const rejetee = champs.join("\t");
    lignesFichier = [...source.slice(0, 6), "", rejetee, ...source.slice(6)];
    fec = path.join(dossier(), "fec-iso-8859-15.txt");
    fs.writeFileSync(fec, iso885915(lignesFichier.join("\r\n") + "\r\n"));
  });

  test("--json : grandLivre nomme l'encodage détecté et rend compte de chaque ligne (lues = affectées + sans poste + ignorées)", async () => {
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORR, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    // Counted here from the file itself: class-6 lines of the imported ones, the rest of them, the blank line.
    const donnees = lignesFichier.slice(1).filter((l) => l.trim() !== "");
    const compte = (l: string) => l.split("\t")[4];
    const importees = donnees.filter((l) => /^\d{8}$/.test(l.split("\t")[3]));
    const classe6 = importees.filter((l) => compte(l).startsWith("6")).length;
    expect([donnees.length, importees.length, classe6]).toEqual([24, 23, 11]);
    expect(j.grandLivre).toEqual({
      fichier: "fec-iso-8859-15.txt",
      type: "fec",
      format: {
        separateur: "tab",
        encodage: "windows-1252",
        nomEncodage: "Windows-1252",
        encodageImpose: false,
        bom: false,
        montants: "debit-credit",
        colonnes: 18,
      },
      periode: { du: "2024-01-10", au: "2024-03-25" },
      lignes: {
        lues: 25,
        // 606400 and 616000 have no correspondance; the nine other class-6 lines do.
        affectees: 9,
        sansPoste: 2,
        ignorees: 14,
        horsClasse6: importees.length - classe6,
        rejetees: 1,
        vides: 1,
        conserve: true,
      },
      resume: [
        "Grand livre « fec-iso-8859-15.txt » : FEC, séparateur tabulation, encodage Windows-1252 (détecté), " +
          "Debit/Credit, 18 colonnes, écritures du 10/01/2024 au 25/03/2024.",
        "Lignes du FEC sous l'en-tête : 25 lues = 9 affectées à un poste + 2 sans poste + 14 ignorées " +
          "(12 hors classe 6, 1\u00a0rejetée à la lecture, 1\u00a0vide).",
      ],
    });
    const l = j.grandLivre.lignes;
    expect(l.lues).toBe(l.affectees + l.sansPoste + l.ignorees);
    expect(l.ignorees).toBe(l.horsClasse6 + l.rejetees + l.vides);
    // The « € » read « ¤ » in Windows-1252 is named, with the encoding to try; the rejected line is named too.
    const messages = j.controles.map((c: { regle: string; message: string }) => `${c.regle} ${c.message}`);
    expect(messages).toContain(
      "grand-livre-fichier Lu en Windows-1252, le fichier contient le caractère « ¤ » (octet A4), qui est « € » en " +
        "ISO-8859-15 : si ses libellés écrivent des euros, essayez l'encodage ISO-8859-15.",
    );
    expect(messages.find((m: string) => m.startsWith("lignes-fec-rejetees"))).toMatch(/ligne 8 du FEC/);
  });

  test("texte : l'encodage imposé (--encodage iso-8859-15) et le compte des lignes sont écrits ; plus d'alerte « ¤ »", async () => {
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", CORR, "--encodage", "iso-8859-15"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const texte = espacesSimples(r.out);
    expect(texte).toContain(
      "Grand livre « fec-iso-8859-15.txt » : FEC, séparateur tabulation, encodage ISO-8859-15 (imposé), Debit/Credit, " +
        "18 colonnes, écritures du 10/01/2024 au 25/03/2024.",
    );
    expect(texte).toContain(
      "Lignes du FEC sous l'en-tête : 25 lues = 9 affectées à un poste + 2 sans poste + 14 ignorées " +
        "(12 hors classe 6, 1 rejetée à la lecture, 1 vide).",
    );
    expect(texte).not.toContain("¤");
  });

  test("-o : la tête de la feuille Écarts nomme le fichier, son encodage et le compte de ses lignes (texte)", async () => {
    const sortie = path.join(dossier(), "rapproche.xlsx");
    const r = await lancer([
      "ecarts",
      devis,
      "--fec",
      fec,
      "--correspondances",
      CORR,
      "--encodage",
      "iso-8859-15",
      "-o",
      sortie,
    ]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Écarts")!;
    expect(ws.getCell("A4").value).toBe(
      "Grand livre « fec-iso-8859-15.txt » : FEC, séparateur tabulation, encodage ISO-8859-15 (imposé), Debit/Credit, " +
        "18 colonnes, écritures du 10/01/2024 au 25/03/2024. Lignes du FEC sous l'en-tête : 25 lues = 9 affectées à un " +
        "poste + 2 sans poste + 14 ignorées (12 hors classe 6, 1\u00a0rejetée à la lecture, 1\u00a0vide).",
    );
    // The chapters' header stays on row 5, where the next run reads what was typed.
    expect(ws.getCell("A5").value).toBe("Code");
    // The libellé of the rejected line is not in the Grand livre; the others' accents are read as written.
    const gl = wb.getWorksheet("Grand livre")!;
    expect(gl.getCell("I1").value).toBe("Libellé");
    const libelles: string[] = [];
    gl.eachRow((row) => libelles.push(String(row.getCell(9).value)));
    expect(libelles).toContain("Paie janvier réalisateur");
    expect(libelles.filter((x) => x.includes("Cachet"))).toEqual([]);
  });

  test("dates JJ/MM/AAAA : lues (au centime, dates justes dans le Grand livre), dites une fois pour le fichier", async () => {
    const source = fs.readFileSync(path.join(FIX, "production-2024.txt"), "utf8").replace(/\n$/, "").split("\n");
    const jj = source.map((l, i) => {
      if (i === 0) return l;
      const c = l.split("\t");
      for (const k of [3, 9, 15])
        if (/^\d{8}$/.test(c[k])) c[k] = `${c[k].slice(6)}/${c[k].slice(4, 6)}/${c[k].slice(0, 4)}`;
      return c.join("\t");
    });
    const fecJj = path.join(dossier(), "fec-jj-mm-aaaa.txt");
    fs.writeFileSync(fecJj, jj.join("\n") + "\n");
    const sortie = path.join(dossier(), "rapproche-jj.xlsx");
    const [norme, lu] = [
      await lancer([
        "ecarts",
        devis,
        "--fec",
        path.join(FIX, "production-2024.txt"),
        "--correspondances",
        CORR,
        "--json",
      ]),
      await lancer(["ecarts", devis, "--fec", fecJj, "--correspondances", CORR, "--json", "-o", sortie]),
    ];
    expect([lu.code, lu.err]).toEqual([0, ""]);
    const [a, b] = [JSON.parse(norme.out), JSON.parse(lu.out)];
    expect(b.totaux).toEqual(a.totaux);
    expect(b.postes).toEqual(a.postes);
    expect(b.grandLivre.lignes).toEqual({ ...a.grandLivre.lignes });
    expect(b.grandLivre.lignes.rejetees).toBe(0);
    expect(b.controles.filter((c: { regle: string }) => c.regle === "grand-livre-fichier")).toEqual([
      {
        regle: "grand-livre-fichier",
        gravite: "alerte",
        message:
          "Dates écrites JJ/MM/AAAA au lieu de AAAAMMJJ (format de l'article A47 A-1 du LPF), la première ligne 2 " +
          "(EcritureDate « 10/01/2024 ») : lues comme écrites, le jour avant le mois. Corrigez l'export comptable " +
          "pour un FEC conforme.",
        cellule: null,
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const gl = wb.getWorksheet("Grand livre")!;
    const dates = new Map<number, string>();
    gl.eachRow((row, n) => {
      if (n > 1) dates.set(Number(row.getCell(1).value), (row.getCell(4).value as Date).toISOString().slice(0, 10));
    });
    expect([dates.get(2), dates.get(4), dates.get(24)]).toEqual(["2024-01-10", "2024-01-31", "2024-03-25"]);
  });

  test("correspondances réduites à leur en-tête : refusées (code 2, le fichier nommé, rien d'écrit)", async () => {
    const corr = path.join(dossier(), "corr-entete.csv");
    fs.writeFileSync(corr, "compte;poste;libelle\r\n\r\n");
    const sortie = path.join(dossier(), "jamais.xlsx");
    const r = await lancer(["ecarts", devis, "--fec", fec, "--correspondances", corr, "-o", sortie]);
    refus(
      { ...r, err: espacesSimples(r.err) },
      "corr-entete.csv : aucune correspondance sous l'en-tête (ligne 1) ; attendu une ligne « compte;poste » par " +
        "préfixe de compte (« 641;2 »).",
      sortie,
    );
  });
});
