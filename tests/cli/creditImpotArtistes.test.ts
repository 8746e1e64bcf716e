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
 * Chapter 3 base 18 741,60 €. G24 « Charges sociales artistes » 9 500 € (no rate in its label, which names the
 * artists): the charges afférentes to the 758,40 € removed leave too, at its average rate 9 500 ÷ 19 500 (chapter 3):
 * 758,40 × 9 500 ÷ 19 500 = 369,476… → 369,48 €; G24 retained 9 130,52 €, chapter 4 = 95 000 + 9 130,52 = 104 130,52 €.
 * Eligible spend 492 900 − 758,40 − 369,48 = 491 772,12 €, still capped at 80 % × 510 900 = 408 720 €.
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
const chapitre = (j: { baseParChapitre: { code: string; base: string }[] }, code: string) =>
  j.baseParChapitre.find((c) => c.code === code)?.base;
const chapitre3 = (j: { baseParChapitre: { code: string; base: string }[] }) => chapitre(j, "3");

/** The fixture with rows changed (columns B libellé, C qté, D unité, F tarif; the amount G kept), in a temp file. */
async function variante(nom: string, lignes: Record<number, { B?: string; C?: number; D?: string; F?: number }>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(CINEMA);
  const ws = wb.getWorksheet("Devis La Rade")!;
  for (const [n, cellules] of Object.entries(lignes))
    for (const [col, valeur] of Object.entries(cellules)) ws.getCell(`${col}${n}`).value = valeur;
  const fichier = path.join(dossier(), nom);
  await wb.xlsx.writeFile(fichier);
  return fichier;
}

describe("crédit cinéma : artistes-interprètes limités au minimum journalier IDCC 3097", () => {
  it("2025 : G20 limité à 20 × 412,08 € = 8 241,60 €, G21 retenu en entier ; chapitre 3 = 18 741,60 €", async () => {
    const j = await json(CINEMA, [...FILM, "--annee", "2025"]);
    expect(chapitre3(j)).toBe("18741.60");
    const g20 = (j.lignesHorsBase as Ligne[]).find((l) => l.cellule.endsWith("!G20"));
    expect(g20).toMatchObject({ montant: "9000.00", base: "8241.60" });
    expect((j.lignesHorsBase as Ligne[]).some((l) => l.cellule.endsWith("!G21"))).toBe(false);
    const g24 = (j.lignesHorsBase as Ligne[]).find((l) => l.cellule.endsWith("!G24"));
    expect(g24).toMatchObject({ montant: "9500.00", base: "9130.52" });
    expect(chapitre(j, "4")).toBe("104130.52");
    expect(j.plafondBase).toMatchObject({ baseAvant: "491772.12", montant: "408720.00", applique: true });
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
    expect(alertes).toContain(
      "Base réduite (charges sociales afférentes à la part retirée des artistes-interprètes) de 369,48\u00a0€ : " +
        "'Devis La Rade'!G24 : 758,40\u00a0€ retirés × 9\u202f500,00\u00a0€ ÷ 19\u202f500,00\u00a0€ (charges des " +
        "artistes ÷ salaires du chapitre 3, taux moyen) = 369,48\u00a0€ (CGI art. 220 sexies, III-1-b",
    );
    expect(alertes).not.toContain("restent dans la base");
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
    // Charges on the 4 500 € removed: 4 500 × 9 500 ÷ 19 500 = 2 192,307… → 2 192,31 €; G24 keeps 7 307,69 €.
    expect((j.lignesHorsBase as Ligne[]).find((l) => l.cellule.endsWith("!G24"))?.base).toBe("7307.69");
    expect((j.alertes as string[]).join("\n")).toContain(
      "'Devis La Rade'!G24 : 4\u202f500,00\u00a0€ retirés × 9\u202f500,00\u00a0€ ÷ 19\u202f500,00\u00a0€",
    );
    expect((j.tables as { id: string }[]).map((t) => t.id)).not.toContain("idcc3097-artistes-minima");
  });
});

describe("crédit cinéma : artistes-interprètes payés à la semaine (minimum hebdomadaire IDCC 3097)", () => {
  /*
   * G20 → 5 semaines × 1 800 € (semaine de durée non dite) = 9 000 €; G21 → « Seconds rôles (semaine de 5 jours) »
   * 7 sem. × 1 500 € = 10 500 €. Table: semaine de 5 jours 1 248,87 €, de 6 jours 1 548,03 €.
   * A week the line does not say 5 or 6 days of is the normal shooting week, 5 days (IDCC 3097 titre III, art. 4.2.1
   * « Le tournage s'organise normalement sur 5 jours au cours d'une semaine civile »):
   *   G20: 5 × 1 248,87 = 6 244,35 € retenus (2 755,65 € retirés), alert: 5 × 1 548,03 = 7 740,15 € for 6 days;
   *   G21: 7 × 1 248,87 = 8 742,09 € retenus (1 757,91 € retirés).
   * Chapter 3 = 14 986,44 €; charges on 4 513,56 € removed: × 9 500 ÷ 19 500 = 2 198,913… → 2 198,91 €; G24 7 301,09 €.
   */
  it("chaque semaine limitée au minimum de sa durée, 5 jours (semaine normale) quand la ligne ne dit rien", async () => {
    const fichier = await variante("devis-cinema-semaines.xlsx", {
      20: { C: 5, D: "semaine", F: 1800 },
      21: { B: "Seconds rôles (semaine de 5 jours)", C: 7, D: "sem.", F: 1500 },
    });
    const j = await json(fichier, [...FILM, "--annee", "2025"]);
    expect(chapitre3(j)).toBe("14986.44");
    const base = (c: string) => (j.lignesHorsBase as Ligne[]).find((l) => l.cellule.endsWith(c))?.base;
    expect([base("!G20"), base("!G21"), base("!G24")]).toEqual(["6244.35", "8742.09", "7301.09"]);
    const alertes = (j.alertes as string[]).join("\n");
    expect(alertes).toContain(
      "'Devis La Rade'!G20 : 9\u202f000,00\u00a0€ limités à 5 semaines × 1\u202f248,87\u00a0€ (semaine de 5 jours) = " +
        "6\u202f244,35\u00a0€ ; 'Devis La Rade'!G21 : 10\u202f500,00\u00a0€ limités à 7 semaines × 1\u202f248,87\u00a0€ " +
        "(semaine de 5 jours) = 8\u202f742,09\u00a0€",
    );
    expect(alertes).toContain(
      "'Devis La Rade'!G20 : artiste-interprète payé à la semaine sans que la ligne dise 5 ou 6 jours : retenu",
    );
    expect(alertes).toContain(
      "la semaine normale de tournage (IDCC 3097, titre III, art. 4.2.1) ; si la semaine est de 6 jours, la limite " +
        "est 7\u202f740,15\u00a0€ et le crédit est sous-estimé",
    );
    // G21 says « 5 jours »: no alert about its week.
    expect(alertes).not.toContain("'Devis La Rade'!G21 : artiste-interprète payé à la semaine sans");
    expect(alertes).toContain("4\u202f513,56\u00a0€ retirés × 9\u202f500,00\u00a0€ ÷ 19\u202f500,00\u00a0€");
    expect(alertes).not.toContain("retenues en entier");
  });

  it("sans ligne de charges des artistes, la part des charges reste et une alerte le dit", async () => {
    const fichier = await variante("devis-cinema-charges-communes.xlsx", { 24: { B: "Charges sociales diverses" } });
    const j = await json(fichier, [...FILM, "--annee", "2025"]);
    expect((j.lignesHorsBase as Ligne[]).some((l) => l.cellule.endsWith("!G24"))).toBe(false);
    expect((j.alertes as string[]).join("\n")).toContain(
      "les charges sociales afférentes à la part retirée (758,40\u00a0€ : 'Devis La Rade'!G20) restent dans la base",
    );
  });
});
