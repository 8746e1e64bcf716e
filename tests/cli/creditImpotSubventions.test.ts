import { existsSync } from "fs";
import * as path from "path";
import { commande } from "../../src/cli/commands/creditImpot";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

const lancer = (args: string[]) => lancerCli((a, io) => commande.executer(a, io), args);
const dossier = dossierTemporaire("prodbook-cli-ci-subv-");
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const FILM = ["--regime", "cinema", "--genre", "fiction", "--langue", "francais", "--annee", "2025"];

/*
 * tests/fixtures/devis-cinema/devis-cinema.xlsx (« Devis La Rade »), budget 510 900 €, 491 772,12 € eligible in France (the
 * « Rôle principal » line limited to 20 days × 412,08 €, table idcc3097-artistes-minima, and the artists' charges on
 * the 758,40 € removed, 369,48 €):
 * base capped at 80 % × 510 900 = 408 720 € (220 sexies III-3). With 50 000 € of non-refundable public subsidies
 * directly allotted to eligible expenses (V), deducted after the cap: 358 720 € × 30 % = 107 616 €.
 */
describe("prodbook credit-impot --subventions (CGI 220 sexies, V)", () => {
  it("--json : base 408 720 − 50 000 = 358 720 €, crédit 107 616 € ; champ subventionsPubliques ajouté", async () => {
    const sans = JSON.parse((await lancer([CINEMA, ...FILM, "--json"])).sortie[0]);
    expect([sans.base, sans.credit, sans.subventionsPubliques]).toEqual(["408720.00", "122616.00", null]);
    const r = await lancer([CINEMA, ...FILM, "--subventions", "50 000", "--json"]);
    expect([r.code, r.erreurs]).toEqual([0, []]);
    const j = JSON.parse(r.sortie[0]);
    expect(Object.keys(j).slice(-4)).toEqual(["plafondBase", "subventionsPubliques", "lignesHorsBase", "controles"]);
    expect(j.subventionsPubliques).toEqual({ montant: "50000.00", deduit: "50000.00", baseAvant: "408720.00" });
    expect(j.plafondBase).toMatchObject({ montant: "408720.00", baseAvant: "491772.12", applique: true });
    expect([j.base, j.creditAvantPlafonds, j.credit]).toEqual(["358720.00", "107616.00", "107616.00"]);
    expect(j.tables.find((t: { id: string }) => t.id === "credit-impot-subventions")).toMatchObject({
      effetDu: "2016-01-01",
      confiance: "M",
      aVerifier: true,
    });
    expect(j.alertes).toContain(
      "Subventions publiques déduites après le plafond de la base : 408\u202f720,00\u00a0€ − 50\u202f000,00\u00a0€ = " +
        "358\u202f720,00\u00a0€. Le CGI (art. 220 sexies, III-3 et V) ne dit pas dans quel ordre ; déduites des " +
        "dépenses éligibles avant ce plafond, la base serait 408\u202f720,00\u00a0€ — à vérifier avec votre " +
        "expert-comptable.",
    );
  });

  it("texte : la ligne des subventions entre le plafond de la base et la base retenue", async () => {
    const r = await lancer([CINEMA, ...FILM, "--subventions", "50000"]);
    expect(r.code).toBe(0);
    const i = r.sortie.findIndex((l) => l.trimStart().startsWith("Subventions publiques déduites"));
    expect(r.sortie[i]).toMatch(/−50\u202f000,00\u00a0€ {2}sur 50\u202f000,00\u00a0€$/);
    expect(r.sortie[i - 1]).toContain("Plafond de la base");
    expect(r.sortie[i + 1]).toMatch(/Base retenue +358\u202f720,00\u00a0€$/);
    // Every label whole, every amount ending in the same column (the longest label, the public-aid ceiling, included).
    const debut = r.sortie.findIndex((l) => l.startsWith("Base éligible en France"));
    const fin = r.sortie.findIndex((l) => l.startsWith("  CRÉDIT D'IMPÔT"));
    const montants = r.sortie.slice(debut + 1, fin + 1).filter((l) => l.includes("€")); // the Taux line has none
    expect(montants.some((l) => /Plafond des aides publiques \(50\s%\sdu budget\)/.test(l))).toBe(true);
    expect(montants.some((l) => l.includes("5    Décors et costumes"))).toBe(true);
    const fins = new Set(montants.map((l) => l.indexOf("€")));
    expect(fins.size).toBe(1);
  });

  it("« 12.500 » est ambigu : code 2, message en français, rien n'est écrit", async () => {
    const sortie = path.join(dossier(), "jamais.xlsx");
    const r = await lancer([CINEMA, ...FILM, "--subventions", "12.500", "--json", "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.sortie).toEqual([]);
    expect(r.err).toBe(
      "L'option --subventions\u00a0: «\u00a012.500\u00a0» peut se lire 12,50\u00a0€ ou 12\u202f500,00\u00a0€\u202f; écrivez «\u00a012,5\u00a0» ou " +
        "«\u00a012500\u00a0».",
    );
    expect(existsSync(sortie)).toBe(false);
    for (const v of ["-5", "beaucoup"]) {
      const x = await lancer([CINEMA, ...FILM, "--subventions", v]);
      expect([v, x.code, x.err]).toEqual([v, 2, expect.stringContaining("L'option --subventions")]);
    }
  });

  it("-o : LibreOffice recalcule la feuille au même crédit (MIN(dépenses ; plafond) − subventions)", async () => {
    const sortie = path.join(dossier(), "subventions.xlsx");
    expect((await lancer([CINEMA, ...FILM, "--subventions", "50000", "-o", sortie])).code).toBe(0);
    // Every cached result dropped first: the figures below are LibreOffice's own.
    const ws = (await lireRecalcule(await recalculerSansCache(sortie))).getWorksheet("Crédit d'impôt")!;
    const valeur = (libelle: string) => {
      for (let i = 1; i <= ws.rowCount; i++)
        if (ws.getRow(i).getCell(1).value === libelle) return nombre(ws.getRow(i).getCell(2));
      throw new Error(`ligne « ${libelle} » absente`);
    };
    expect(valeur("Base éligible par chapitre (dépenses en France)")).toBe(491772.12);
    expect(valeur("Plafond de la base : 80\u00a0% du budget de production")).toBe(408720);
    expect(valeur("Déductions de la base (subventions publiques)")).toBe(50000);
    expect(valeur("Base retenue")).toBe(358720);
    expect(valeur("Crédit avant plafonds")).toBe(107616);
    expect(valeur("Crédit d'impôt")).toBe(107616);
  });

  it("un plan de financement dans le classeur : ses aides publiques nommées, jamais déduites sans montant saisi", async () => {
    // tests/fixtures/financement/cinema.xlsx: « Budget » and « Plan de financement », whose public aids (the tax
    // credit line left out) are the CNC's avance sur recettes (500 000 €, C15) and the Île-de-France region (300 000 €,
    // C16). Neither is deducted: the base stays the devis's; only the amount given with --subventions comes off it.
    const PLAN = path.join(__dirname, "../fixtures/financement/cinema.xlsx");
    const phrase = (saisies: string) =>
      "Le plan de financement « Plan de financement » compte 800\u202f000,00\u00a0€ d'aides publiques (« CNC — avance " +
      "sur recettes » de CNC, 500\u202f000,00\u00a0€ ('Plan de financement'!C15) ; « Régions et collectivités » de " +
      `Région Île-de-France, 300\u202f000,00\u00a0€ ('Plan de financement'!C16)) : ${saisies}. Seules les subventions ` +
      "publiques non remboursables directement affectées aux dépenses éligibles en sont déduites (CGI art. 220 " +
      "sexies, V) : indiquez leur montant en subventions publiques non remboursables du calcul.";
    const sans = JSON.parse((await lancer([PLAN, ...FILM, "--json"])).sortie[0]);
    expect([sans.base, sans.subventionsPubliques]).toEqual(["2400000.00", null]);
    expect(sans.alertes).toContain(phrase("aucune n'est déduite de la base"));
    const avec = JSON.parse((await lancer([PLAN, ...FILM, "--subventions", "300 000", "--json"])).sortie[0]);
    expect(avec.base).toBe("2100000.00");
    expect(avec.alertes).toContain(phrase("les subventions saisies (300\u202f000,00\u00a0€) sont déduites de la base"));
    // The international credit has its own rule (220 quaterdecies V): no such sentence.
    const c2i = await lancer([PLAN, "--regime", "international", "--genre", "fiction", "--annee", "2025", "--json"]);
    expect(JSON.parse(c2i.sortie[0]).alertes.some((a: string) => a.startsWith("Le plan de financement"))).toBe(false);
  });
});
