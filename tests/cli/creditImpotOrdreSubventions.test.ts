import * as path from "path";
import type { commande as Commande } from "../../src/cli/commands/creditImpot";
import TABLE from "../../src/core/regles/data/credit-impot-subventions.json";
import { lireRecalcule, nombre, recalculerSansCache } from "../helpers/libreoffice";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/*
 * tests/fixtures/devis-cinema/devis-cinema.xlsx (« Devis La Rade »): budget 510 900 €, 492 900 € eligible in France
 * (cinema credit: 491 772,12 €, the « Rôle principal » line limited to 20 days × 412,08 €, idcc3097-artistes-minima, and
 * the artists' charges on the 758,40 € removed, 369,48 €), the
 * cap of the base at 80 % × 510 900 = 408 720 €. The same devis and the same 100 000 € of subsidies through
 * `prodbook credit-impot`: the order of the deduction comes from the table credit-impot-subventions per credit type,
 * and the figure changes with it.
 */
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const dossier = dossierTemporaire("prodbook-cli-ci-ordre-");
type Ordre = "avant-plafond" | "apres-plafond";

/** The command, loaded with the cinema entry of the table set to `ordre` (the rest as shipped). */
function commandeAvec(ordre?: Ordre): typeof Commande {
  const table = JSON.parse(JSON.stringify(TABLE)) as typeof TABLE;
  if (ordre) for (const v of table.versions) v.valeurs.cinema.ordre = ordre;
  let c: typeof Commande | undefined;
  jest.isolateModules(() => {
    jest.doMock("../../src/core/regles/data/credit-impot-subventions.json", () => table);
    c = jest.requireActual<{ commande: typeof Commande }>("../../src/cli/commands/creditImpot").commande;
  });
  return c!;
}
const lancer = (c: typeof Commande, args: string[]) => lancerCli((a, io) => c.executer(a, io), args);
afterEach(() => jest.dontMock("../../src/core/regles/data/credit-impot-subventions.json"));

describe("prodbook credit-impot --subventions : la place de la déduction suit la table, par type de crédit", () => {
  it("international (table livrée : avant le plafond) : 492 900 − 100 000 = 392 900 € × 30 % = 117 870 €", async () => {
    const r = await lancer(commandeAvec(), [
      CINEMA,
      ...["--regime", "international", "--genre", "fiction", "--annee", "2025", "--jours-tournage-france", "20"],
      ...["--subventions", "100 000", "--json"],
    ]);
    expect([r.code, r.erreurs]).toEqual([0, []]);
    const j = JSON.parse(r.sortie[0]);
    // JSON fields as before: subventionsPubliques {montant, deduit, baseAvant}, no plafondBase for this credit.
    expect(j.subventionsPubliques).toEqual({ montant: "100000.00", deduit: "100000.00", baseAvant: "492900.00" });
    expect([j.plafondBase, j.base, j.credit]).toEqual([null, "392900.00", "117870.00"]);
    expect(j.alertes).toContain(
      "Subventions publiques déduites des dépenses éligibles avant le plafond de la base (80\u00a0% du budget de " +
        "production, 408\u202f720,00\u00a0€) : 492\u202f900,00\u00a0€ − 100\u202f000,00\u00a0€ = 392\u202f900,00\u00a0€. " +
        "Le CGI (art. 220 quaterdecies, III-3 et V) ne dit pas dans quel ordre ; déduites après ce plafond, la base " +
        "serait 308\u202f720,00\u00a0€ — à vérifier avec votre expert-comptable.",
    );
  });

  it("cinéma, après le plafond (table livrée) : 408 720 − 100 000 = 308 720 € × 30 % = 92 616 €", async () => {
    const r = await lancer(commandeAvec(), [
      CINEMA,
      ...["--regime", "cinema", "--genre", "fiction", "--langue", "francais", "--annee", "2025"],
      ...["--subventions", "100000", "--json"],
    ]);
    const j = JSON.parse(r.sortie[0]);
    expect([j.base, j.credit, j.subventionsPubliques.baseAvant]).toEqual(["308720.00", "92616.00", "408720.00"]);
  });

  it("cinéma, la table mise à « avant-plafond » : min(391 772,12 ; 408 720) = 391 772,12 € × 30 % = 117 531,64 € ; LibreOffice recalcule la feuille au même chiffre", async () => {
    const sortie = path.join(dossier(), "avant.xlsx");
    const args = [CINEMA, ...["--regime", "cinema", "--genre", "fiction", "--langue", "francais", "--annee", "2025"]];
    const c = commandeAvec("avant-plafond");
    const r = await lancer(c, [...args, "--subventions", "100000", "--json"]);
    const j = JSON.parse(r.sortie[0]);
    expect(j.subventionsPubliques).toEqual({ montant: "100000.00", deduit: "100000.00", baseAvant: "491772.12" });
    expect(j.plafondBase).toMatchObject({ montant: "408720.00", baseAvant: "391772.12", applique: false });
    expect([j.base, j.credit]).toEqual(["391772.12", "117531.64"]);
    expect(j.alertes.some((a: string) => a.includes("déduites après ce plafond, la base serait 308\u202f720,00"))).toBe(
      true,
    );
    // Text: the subsidies line before the cap's.
    const t = await lancer(c, [...args, "--subventions", "100000"]);
    const i = t.sortie.findIndex((l) => l.trimStart().startsWith("Subventions publiques déduites"));
    expect(t.sortie[i + 1]).toContain("Plafond de la base");
    // The sheet: every cached result dropped, LibreOffice's own figures.
    expect((await lancer(c, [...args, "--subventions", "100000", "-o", sortie])).code).toBe(0);
    const ws = (await lireRecalcule(await recalculerSansCache(sortie))).getWorksheet("Crédit d'impôt")!;
    const valeur = (libelle: string) => {
      for (let k = 1; k <= ws.rowCount; k++)
        if (ws.getRow(k).getCell(1).value === libelle) return nombre(ws.getRow(k).getCell(2));
      throw new Error(`ligne « ${libelle} » absente`);
    };
    expect(valeur("Base retenue")).toBe(391772.12);
    expect(valeur("Crédit d'impôt")).toBe(117531.64);
  });
});
