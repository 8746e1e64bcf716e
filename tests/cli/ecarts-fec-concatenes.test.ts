/**
 * A production accountant's FEC made of two exports appended (the second header line mid-file, the last entries of
 * the first export listed again): `prodbook fec` and `prodbook ecarts` (through the built binary) name the repeated
 * header at its line and each entry listed twice with both line ranges and its amount, as an error; the réalisé keeps
 * the file's arithmetic (the copy is counted, never guessed away). The findings are in the JSON `controles`, the text,
 * and the Écarts sheet's controls; `--strict` exits 1 on them. A `section:X` correspondance that matches no section
 * of the ledger is named as a prefix that starts no account is.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const FIX = path.resolve(__dirname, "../fixtures/fec");
const FEC = path.join(FIX, "production-2024.txt");
const CORR = path.join(FIX, "correspondances.csv");

/** `prodbook …args` through the built binary (npm run build:cli). */
const prodbook = (...args: string[]) => binaire(args);

interface Controle {
  regle: string;
  gravite: string;
  message: string;
  fec?: { lignes: number[]; nombreLignes: number; comptes: string[] };
}

const dossier = dossierTemporaire("ecarts-fec-concatenes-");

describe("FEC de deux exports mis bout à bout", () => {
  let devis: string;
  let fec: string;
  beforeAll(async () => {
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const lignes = fs.readFileSync(FEC, "utf8").split("\n").filter(Boolean);
    // The second export: its header, the first export's last three entries (lines 19 to 24) again, one new entry.
    const nouvelle = [
      "AC\tAchats\tAC0008\t20240402\t606400\tFournitures\t\t\tAC0008\t20240402\tPapeterie\t100,00\t0,00\t\t\t20240402\t\t",
      "AC\tAchats\tAC0008\t20240402\t401000\tFournisseurs\t\t\tAC0008\t20240402\tPapeterie\t0,00\t100,00\t\t\t20240402\t\t",
    ];
    fec = path.join(dossier(), "fec-concatene.txt");
    fs.writeFileSync(fec, [...lignes, lignes[0], ...lignes.slice(18, 24), ...nouvelle].join("\n") + "\n");
  });

  test("prodbook fec : en-tête répété ligne 25, trois écritures en double nommées, totaux du fichier", () => {
    const r = prodbook("fec", fec, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.erreurs).toEqual([]);
    expect(j.lignesImportees).toBe(23 + 6 + 2);
    expect(j.entetesRepetes).toEqual([25]);
    expect(j.doublons).toEqual({
      nombre: 3,
      debit: "6335.90",
      nombreLignes: 6,
      ecritures: [
        {
          journal: "AC",
          ecritureNum: "AC0006",
          date: "2024-03-20",
          lignes: { du: 26, au: 27 },
          premieres: { du: 19, au: 20 },
          nombreLignes: 2,
          debit: "85.90",
          credit: "85.90",
        },
        expect.objectContaining({ ecritureNum: "AC0007", lignes: { du: 28, au: 29 }, premieres: { du: 21, au: 22 } }),
        expect.objectContaining({ ecritureNum: "BQ0001", lignes: { du: 30, au: 31 }, premieres: { du: 23, au: 24 } }),
      ],
    });
    expect(j.alertes.map((a: { ligne: number; message: string }) => [a.ligne, espacesSimples(a.message)])).toEqual([
      [
        25,
        "En-tête du FEC répété (deux exports mis bout à bout ?) : ligne ni importée ni rejetée. Les écritures qui " +
          "suivent sont lues comme les autres ; celles déjà lues plus haut sont signalées en double.",
      ],
      [
        26,
        "Écriture en double (mêmes journal, numéro, date et lignes) : écriture AC AC0006 du 20/03/2024, lignes 26 à " +
          "27, déjà lignes 19 à 20 (85,90 €) ; comptée deux fois dans les totaux.",
      ],
      [
        28,
        expect.stringContaining("écriture AC AC0007 du 22/03/2024, lignes 28 à 29, déjà lignes 21 à 22 (1 250,00 €)"),
      ],
      [
        30,
        expect.stringContaining("écriture BQ BQ0001 du 25/03/2024, lignes 30 à 31, déjà lignes 23 à 24 (5 000,00 €)"),
      ],
    ]);
    // The file's arithmetic: the copy is in the totals.
    const seul = JSON.parse(prodbook("fec", FEC, "--json").out);
    expect(Number(j.debit) * 100).toBeCloseTo(Number(seul.debit) * 100 + 633590 + 10000, 6);
    expect(prodbook("fec", fec, "--strict").code).toBe(1);
    const texte = espacesSimples(prodbook("fec", fec).out);
    expect(texte).toContain("Écritures en double : 3 (6 lignes, 6 335,90 € au débit comptés deux fois)");
    expect(texte).toContain("Ligne 25 : en-tête du FEC répété");
  });

  test("prodbook ecarts : erreur nommant les deux plages et le montant, alerte d'en-tête ; réalisé du fichier ; --strict 1", () => {
    const r = prodbook("ecarts", devis, "--fec", fec, "--correspondances", CORR, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as {
      controles: Controle[];
      totaux: { realise: string };
      grandLivre: { lignes: object };
    };
    const doublons = j.controles.filter((c) => c.regle === "fec-ecritures-en-double");
    expect(doublons.map((c) => ({ ...c, message: espacesSimples(c.message) }))).toEqual([
      {
        regle: "fec-ecritures-en-double",
        gravite: "erreur",
        cellule: null,
        message:
          "3 écritures du FEC en double (mêmes journal, numéro, date et lignes), comptées deux fois dans le réalisé : " +
          "6 335,90 € au débit en trop. écriture AC AC0006 du 20/03/2024, lignes 26 à 27, déjà lignes 19 à 20 " +
          "(85,90 €) ; écriture AC AC0007 du 22/03/2024, lignes 28 à 29, déjà lignes 21 à 22 (1 250,00 €) ; " +
          "écriture BQ BQ0001 du 25/03/2024, lignes 30 à 31, déjà lignes 23 à 24 (5 000,00 €). Deux exports mis " +
          "bout à bout ? Retirez la copie de l'export comptable puis relancez le rapprochement.",
        fec: { lignes: [26, 27, 28, 29, 30, 31], nombreLignes: 6, comptes: [] },
      },
    ]);
    expect(j.controles.find((c) => c.regle === "fec-entete-repete")).toMatchObject({
      gravite: "alerte",
      fec: { lignes: [25], nombreLignes: 1 },
    });
    // No rejected line: the header met again is not one.
    expect(j.controles.some((c) => c.regle === "lignes-fec-rejetees")).toBe(false);
    expect(j.grandLivre.lignes).toMatchObject({ rejetees: 0, conserve: true });
    // The réalisé as the file says it: 606400 and 616000 (mapped to no poste here) counted twice, the rest unchanged.
    const seul = JSON.parse(prodbook("ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--json").out);
    expect(j.totaux.realise).toBe(seul.totaux.realise);
    const c6 = (x: { totaux: { classe6: string } }) => Math.round(Number(x.totaux.classe6) * 100);
    expect(c6(j as never) - c6(seul)).toBe(8590 + 125000 + 10000);
    expect(prodbook("ecarts", devis, "--fec", fec, "--correspondances", CORR, "--strict").code).toBe(1);
    expect(prodbook("ecarts", devis, "--fec", FEC, "--correspondances", CORR, "--strict").code).toBe(0);
    const texte = espacesSimples(prodbook("ecarts", devis, "--fec", fec, "--correspondances", CORR).out);
    expect(texte).toContain("[erreur] Écritures du FEC en double — 3 écritures du FEC en double");
    expect(texte).toContain("[alerte] En-tête du FEC répété — En-tête du FEC répété ligne 25");
  });

  test("prodbook ecarts -o : les deux constats dans les contrôles de la feuille Écarts", async () => {
    const sortie = path.join(dossier(), "ecarts.xlsx");
    const r = prodbook("ecarts", devis, "--fec", fec, "--correspondances", CORR, "-o", sortie);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const textes: string[] = [];
    wb.getWorksheet("Écarts")!.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") textes.push(espacesSimples(c.value));
      }),
    );
    expect(textes).toContain("Écritures du FEC en double");
    expect(textes).toContain("En-tête du FEC répété");
    expect(textes.some((t) => t.includes("lignes 26 à 27, déjà lignes 19 à 20 (85,90 €)"))).toBe(true);
  });
});

describe("correspondance d'une section analytique absente du grand livre", () => {
  let devis: string;
  beforeAll(async () => {
    devis = path.join(dossier(), "devis-sections.xlsx");
    await ecrireDevisTest(devis);
  });

  test("grand livre CSV à sections : seule la section absente est nommée, avec la ligne du fichier", () => {
    const gl = path.join(dossier(), "grand-livre.csv");
    fs.writeFileSync(
      gl,
      [
        "Date;Compte;Section;Débit;Crédit",
        "05/01/2024;641100;TOURNAGE;100,00;",
        "05/01/2024;641100;BUREAU;50,00;",
        "06/01/2024;421000;;;150,00",
      ].join("\n") + "\n",
    );
    const corr = path.join(dossier(), "corr-sections.csv");
    fs.writeFileSync(corr, "compte;poste\n641;2\nsection:TOURN;2\nsection:MONTAGE;8\n");
    const r = prodbook("ecarts", devis, "--fec", gl, "--correspondances", corr, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out) as { controles: Controle[] };
    expect(
      j.controles
        .filter((c) => c.regle === "correspondance-sans-section")
        .map((c) => [c.gravite, espacesSimples(c.message)]),
    ).toEqual([
      [
        "alerte",
        "corr-sections.csv, ligne 4 : aucune section analytique du grand livre ne commence par « MONTAGE » ; la " +
          "correspondance section:MONTAGE → 8 n'affecte aucune ligne.",
      ],
    ]);
    const texte = espacesSimples(prodbook("ecarts", devis, "--fec", gl, "--correspondances", corr).out);
    expect(texte).toContain("[alerte] Correspondance sans section du grand livre — corr-sections.csv, ligne 4");
  });

  test("FEC (sans section) : chaque section de l'utilisateur est nommée", () => {
    const corr = path.join(dossier(), "corr-fec-section.csv");
    fs.writeFileSync(corr, "compte;poste\n641;2\nsection:TOURNAGE;2\n");
    const j = JSON.parse(prodbook("ecarts", devis, "--fec", FEC, "--correspondances", corr, "--json").out) as {
      controles: Controle[];
    };
    expect(
      j.controles.filter((c) => c.regle === "correspondance-sans-section").map((c) => espacesSimples(c.message)),
    ).toEqual([
      "corr-fec-section.csv, ligne 3 : le grand livre n'a aucune section analytique (un FEC n'en a pas) ; la " +
        "correspondance section:TOURNAGE → 2 n'affecte aucune ligne.",
    ]);
  });
});
