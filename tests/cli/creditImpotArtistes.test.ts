import ExcelJS from "exceljs";
import * as path from "path";
import { commande } from "../../src/cli/commands/creditImpot";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/*
 * tests/fixtures/devis-cinema/devis-cinema.xlsx (« Devis La Rade »), chapter 3 (interprétation):
 *   G20 « Rôle principal (comédienne) » 20 jour × 450 € = 9 000 €; G21 « Seconds rôles » 30 jour × 350 € = 10 500 €.
 * Table idcc3097-artistes-minima (avenant du 20 décembre 2021, long-métrage, engagement à la journée): 412,08 €.
 *   G20: 20 × 412,08 = 8 241,60 € < 9 000 € → 8 241,60 € retenus (758,40 € retirés);
 *   G21: 30 × 412,08 = 12 362,40 € ≥ 10 500 € → 10 500 € retenus en entier.
 * Chapter 3 base 18 741,60 €; eligible spend 492 900 − 758,40 = 492 141,60 €, still capped at 80 % × 510 900 = 408 720 €.
 */
const lancer = (args: string[]) => lancerCli((a, io) => commande.executer(a, io), args);
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const FILM = ["--regime", "cinema", "--genre", "fiction", "--langue", "francais"];
const dossier = dossierTemporaire("prodbook-ci-artistes-");

interface Ligne {
  cellule: string;
  base: string;
}
const json = async (fichier: string, args: string[]) => {
  const r = await lancer([fichier, ...args, "--json"]);
  expect([r.code, r.erreurs]).toEqual([0, []]);
  return JSON.parse(r.sortie[0]);
};
const chapitre3 = (j: { baseParChapitre: { code: string; base: string }[] }) =>
  j.baseParChapitre.find((c) => c.code === "3")?.base;

describe("crédit cinéma : artistes-interprètes limités au minimum journalier IDCC 3097", () => {
  it("2025 : G20 limité à 20 × 412,08 € = 8 241,60 €, G21 retenu en entier ; chapitre 3 = 18 741,60 €", async () => {
    const j = await json(CINEMA, [...FILM, "--annee", "2025"]);
    expect(chapitre3(j)).toBe("18741.60");
    const g20 = (j.lignesHorsBase as Ligne[]).find((l) => l.cellule.endsWith("!G20"));
    expect(g20).toMatchObject({ montant: "9000.00", base: "8241.60" });
    expect((j.lignesHorsBase as Ligne[]).some((l) => l.cellule.endsWith("!G21"))).toBe(false);
    expect(j.plafondBase).toMatchObject({ baseAvant: "492141.60", montant: "408720.00", applique: true });
    expect(j.tables.find((t: { id: string }) => t.id === "idcc3097-artistes-minima")).toMatchObject({
      effetDu: "2022-01-01",
      confiance: "H",
      aVerifier: false,
    });
    const alertes = (j.alertes as string[]).join("\n");
    expect(alertes).toContain(
      "'Devis La Rade'!G20 : 9\u202f000,00\u00a0€ limités à 20 jours × 412,08\u00a0€ = 8\u202f241,60\u00a0€ ; " +
        "'Devis La Rade'!G21 : 10\u202f500,00\u00a0€ retenus en entier (minimum 30 jours × 412,08\u00a0€ = " +
        "12\u202f362,40\u00a0€)",
    );
    expect(alertes).toContain("charges sociales afférentes à la part retirée (758,40\u00a0€) restent dans la base");
    expect(alertes).not.toContain("retenues en entier");
  });

  it("2021 (avant l'avenant) et crédit audiovisuel : la grille ne s'applique pas, alerte comme avant", async () => {
    const avant = await json(CINEMA, [...FILM, "--annee", "2021"]);
    expect(chapitre3(avant)).toBe("19500.00");
    expect((avant.tables as { id: string }[]).map((t) => t.id)).not.toContain("idcc3097-artistes-minima");
    expect((avant.alertes as string[]).join("\n")).toMatch(
      /Rémunérations des artistes-interprètes retenues en entier : 19\u202f500,00\u00a0€ \('Devis La Rade'!G20, 'Devis La Rade'!G21\)\. .*que Prodbook ne connaît pas/,
    );
    const av = await json(CINEMA, [
      "--regime",
      "audiovisuel",
      "--genre",
      "fiction",
      "--annee",
      "2025",
      "--duree",
      "100",
    ]);
    expect(chapitre3(av)).toBe("19500.00");
  });

  it("la base saisie dans Paramètres prime sur la grille : 15 000 € répartis au prorata", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(CINEMA);
    const p = wb.addWorksheet("Paramètres");
    p.addRow(["Paramètre", "Valeur"]);
    p.addRow(["credit-impot.artistes.base-minimum", "15 000"]);
    const fichier = path.join(dossier(), "devis-cinema-parametres.xlsx");
    await wb.xlsx.writeFile(fichier);
    const j = await json(fichier, [...FILM, "--annee", "2025"]);
    expect(chapitre3(j)).toBe("15000.00");
    // 15 000 × 9 000 / 19 500 = 6 923,08 ; 15 000 × 10 500 / 19 500 = 8 076,92.
    const bases = (j.lignesHorsBase as Ligne[]).filter((l) => /!G2[01]$/.test(l.cellule)).map((l) => l.base);
    expect(bases).toEqual(["6923.08", "8076.92"]);
    expect((j.tables as { id: string }[]).map((t) => t.id)).not.toContain("idcc3097-artistes-minima");
  });
});
