import ExcelJS from "exceljs";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * Less-trodden paths of the CLI, each tried as a user would and found wrong: the message must be French, name the
 * file or sheet, exit 2 and write nothing.
 */
const HOSTILES = path.join(__dirname, "../fixtures/hostiles");
const PLANNING = path.join(__dirname, "../fixtures/planning/gardiens-planning.xlsx");
const dossier = dossierTemporaire("prodbook-qa-chemins-");

const lancer = (args: string[]) => lancerCli(main, args, { espaces: "simples" });

describe("un texte partagé absent (cellule qui renvoie au-delà de xl/sharedStrings.xml)", () => {
  const fichier = path.join(HOSTILES, "chaine-partagee-absente.xlsx");

  it("devis le refuse (référence)", async () => {
    const r = await lancer(["devis", fichier]);
    expect(r.code).toBe(2);
  });

  it("versions enregistrer le refuse aussi : jamais une cellule lue vide à la place de son texte", async () => {
    const sortie = path.join(dossier(), "partagee-enregistrer.xlsx");
    const r = await lancer(["versions", "enregistrer", fichier, "--nom", "V1", "--date", "2026-12-01", "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("chaine-partagee-absente.xlsx");
    expect(r.err).toMatch(/endommagé|ne sait pas lire/);
    expect(r.err).not.toMatch(/Erreur interne|Error|undefined/);
    expect(r.out).toBe("");
    expect(existsSync(sortie)).toBe(false);
  });
});

/** The planning fixture whose plan de travail « PDT » keeps its header row alone (a template not filled yet). */
async function planVide(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(PLANNING);
  const pdt = wb.getWorksheet("PDT")!;
  for (let r = pdt.rowCount; r > 1; r--) pdt.spliceRows(r, 1);
  const sortie = path.join(dossier(), "plan-vide.xlsx");
  await wb.xlsx.writeFile(sortie);
  return sortie;
}

describe("carbone : plan de travail réduit à son en-tête", () => {
  it("--planning sur cette feuille : refusé, la feuille nommée, rien d'écrit", async () => {
    const f = await planVide();
    const sortie = path.join(dossier(), "carbone-plan-vide.xlsx");
    const csv = path.join(dossier(), "carbone-plan-vide.csv");
    const r = await lancer(["carbone", f, "--planning", "PDT", "-o", sortie, "--csv", csv]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan-vide\.xlsx.*« PDT ».*aucune journée/);
    expect(r.out).toBe("");
    expect(existsSync(sortie)).toBe(false);
    expect(existsSync(csv)).toBe(false);
  });

  it("trouvée seule : le plan vide est laissé de côté, pas de « 0 repas » à rapprocher des repas du devis", async () => {
    const f = await planVide();
    const r = await lancer(["carbone", f]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/0 repas sur le tournage/);
    expect(r.out).not.toMatch(/à rapprocher/);
    const j = JSON.parse((await lancer(["carbone", f, "--json"])).out) as { categories: { code: string }[] };
    expect(j.categories.length).toBeGreaterThan(0);
  });
});

describe("planning --feuille sur le plan de travail (la feuille Date / Nom / Début / Fin)", () => {
  it("dit que c'est le plan de travail, lu sans être désigné, et quelle feuille désigner : pas « pas d'en-tête d'étapes »", async () => {
    const sortie = path.join(dossier(), "planning-feuille-pdt.xlsx");
    const r = await lancer(["planning", PLANNING, "--feuille", "PDT", "--livraison", "2027-01-04", "-o", sortie]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/gardiens-planning\.xlsx.*« PDT » est un plan de travail/);
    expect(r.err).toContain("lu sans être désigné");
    expect(r.err).toContain("« Étapes post-prod »");
    expect(r.err).not.toMatch(/n'a pas d'en-tête d'étapes/);
    expect(existsSync(sortie)).toBe(false);
  });

  it("sans --feuille, le même classeur planifie et contrôle PDT (référence)", async () => {
    const r = await lancer(["planning", PLANNING, "--livraison", "2027-01-04"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Plan de travail « PDT »/);
  });
});

describe("une feuille d'un autre usage donnée pour le devis : ce qu'elle est, dit", () => {
  const FINANCEMENT = path.join(__dirname, "../fixtures/financement/fiction.xlsx");
  it.each([
    ["devis", [FINANCEMENT], /« Financement » : c'est un plan de financement/],
    ["carbone", [PLANNING, "--feuille", "PDT"], /« PDT » : c'est un plan de travail/],
    [
      "credit-impot",
      [PLANNING, "--feuille", "Étapes post-prod", "--regime", "cinema", "--genre", "fiction"],
      /c'est une feuille d'étapes/,
    ],
    ["versions enregistrer", [FINANCEMENT, "--nom", "V1", "-o"], /c'est un plan de financement/],
  ])("%s", async (commande, args, attendu) => {
    const sortie = path.join(dossier(), `autre-usage-${commande.replace(" ", "-")}.xlsx`);
    const r = await lancer([...commande.split(" "), ...args, ...(args[args.length - 1] === "-o" ? [sortie] : [])]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(attendu);
    expect(r.err).toContain("Aucun devis reconnu");
    expect(r.out).toBe("");
    expect(existsSync(sortie)).toBe(false);
  });
});

describe("financement sur son propre résultat : les feuilles écrites par Prodbook ne sont pas celles du producteur", () => {
  const CINEMA = path.join(__dirname, "../fixtures/financement/cinema.xlsx");
  const ecrit = async () => {
    const f = path.join(dossier(), "financement-ecrit.xlsx");
    if (!existsSync(f)) expect((await lancer(["financement", CINEMA, "-o", f])).code).toBe(0);
    return f;
  };

  it.each([
    ["--feuille", "Échéancier"],
    ["--feuille", "plan de financement (prodbook)"],
    ["--devis", "Plan de financement (Prodbook)"],
  ])(
    "%s « %s » : refusé comme carbone et planning le refusent, feuilles du producteur proposées",
    async (option, nom) => {
      const f = await ecrit();
      const sortie = path.join(dossier(), "financement-ecrit-2.xlsx");
      const r = await lancer(["financement", f, option, nom, "-o", sortie]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/a été créée par Prodbook/);
      expect(r.err).toContain("« Plan de financement », « Budget »");
      expect(r.err).not.toContain("Listes financement");
      expect(r.out).toBe("");
      expect(existsSync(sortie)).toBe(false);
    },
  );

  it("aucun plan trouvé : seules les feuilles du producteur sont proposées", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await ecrit());
    wb.removeWorksheet(wb.getWorksheet("Plan de financement")!.id);
    const f = path.join(dossier(), "financement-sans-plan.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await lancer(["financement", f, "--cout", "1000000"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Aucune feuille ne ressemble à un plan de financement .* parmi : Budget\. /);
  });
});

describe("credit-impot --feuille sur une feuille écrite par Prodbook", () => {
  it.each(["Devis", "versions"])(
    "« %s » : refusé comme devis le refuse (jamais toutes les versions lues comme un devis)",
    async (nom) => {
      const base = path.join(dossier(), "ci-devis.xlsx");
      const avecVersions = path.join(dossier(), "ci-versions.xlsx");
      if (!existsSync(avecVersions)) {
        expect((await lancer(["devis", PLANNING, "-o", base])).code).toBe(0);
        const v = ["versions", "enregistrer"];
        expect((await lancer([...v, base, "--nom", "A", "--date", "2026-12-01", "-o", avecVersions])).code).toBe(0);
      }
      const sortie = path.join(dossier(), "ci-sortie.xlsx");
      const args = ["--regime", "audiovisuel", "--genre", "fiction", "--duree", "52", "-o", sortie, "--json"];
      const r = await lancer(["credit-impot", avecVersions, "--feuille", nom, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /ci-versions\.xlsx.*a été créée par Prodbook : indiquez comme feuille de devis une feuille du producteur \(« Budget Gardiens » ; « Étapes post-prod » est une feuille d'étapes, « PDT » est un plan de travail\)\.$/,
      );
      expect(r.out).toBe("");
      expect(existsSync(sortie)).toBe(false);
    },
  );
});

afterAll(async () => {
  await fs.rm(dossier(), { recursive: true, force: true });
});
