import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { lireGrandLivreCsv } from "../../src/core/comptabilite/fec";
import { montantsPlage } from "../../src/core/financement/fonctions";
import { lireParametres, surchargeMontant, surchargeNombre, surchargeTaux } from "../../src/core/regles/parametres";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { feuilleXlsx } from "../core/devis/outils";
import { dossierTemporaire, FICTION_52_2025, lancerCli } from "../helpers/cli";

/**
 * Issue 10 §2 in the other readers: « 12.500 » in a plan de financement, a ledger CSV read through its column mapping,
 * a Paramètres cell or a PROD.* range is read by the convention the source proves, else named with both readings
 * (the shared analyserMontant / analyserNombre), never guessed.
 */
/** formatMontantFr separates with no-break spaces: compared as plain spaces. */
const esp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
function erreurDe(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return esp((e as Error).message);
  }
  throw new Error("aucune erreur");
}

const dossier = dossierTemporaire("prodbook-ambigus-");
let dir: string;
beforeAll(() => {
  dir = dossier();
});
const lancer = (args: string[]) => lancerCli(main, args);

async function plan(nom: string, lignes: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Plan");
  ws.addRow(["Financeur", "Nature", "Montant", "Statut"]);
  for (const l of lignes) ws.addRow(l);
  const f = path.join(dir, nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("plan de financement : montant ambigu nommé, jamais deviné", () => {
  it("« 12.500 » sans convention prouvée : alerte qui nomme la cellule et les deux lectures, source non comptée", async () => {
    const f = await plan("plan-ambigu.xlsx", [
      ["Les Films du Phare", "Apport en numéraire", 50000, "acquis"],
      ["Région Bretagne", "Fonds de soutien", "12.500", "acquis"],
    ]);
    const r = await lancer(["financement", f, "--cout", "100000", "--json", "--date", "2026-01-15"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(esp(r.out));
    expect(j.total).toBe("50000.00");
    expect(j.controles).toContainEqual({
      regle: "lecture-plan",
      gravite: "alerte",
      cellule: "Plan!C3",
      message:
        "Plan!C3 : « 12.500 » peut se lire 12,50 € ou 12 500,00 € ; ce montant n'est pas compté. " +
        "Saisissez-le comme un nombre (ou « 12 500,00 »), puis relancez.",
    });
  });

  it("la convention que le plan prouve (« 50 000,00 ») tranche : « 12.500 » vaut 12 500 €", async () => {
    const f = await plan("plan-convention.xlsx", [
      ["Les Films du Phare", "Apport en numéraire", "50 000,00", "acquis"],
      ["Région Bretagne", "Fonds de soutien", "12.500", "acquis"],
    ]);
    const j = JSON.parse((await lancer(["financement", f, "--cout", "100000", "--json"])).out);
    expect(j.total).toBe("62500.00");
    expect(j.controles.filter((c: { message: string }) => /peut se lire/.test(c.message))).toEqual([]);
  });
});

describe("feuille Paramètres : valeur ambiguë refusée en nommant la cellule (code 2)", () => {
  it("credit-impot : plafond par minute « 1.250 » → message français, code 2, rien sur la sortie", async () => {
    const f = path.join(dir, "parametre-ambigu.xlsx");
    await ecrireDevisFiction(f, [["credit-impot.audiovisuel.plafond-minute.fiction", "1.250"]]);
    const r = await lancer(["credit-impot", f, ...FICTION_52_2025, "--json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(esp(r.err)).toBe(
      "parametre-ambigu.xlsx : 'Paramètres'!B2 : « 1.250 » peut se lire 1,25 € ou 1 250,00 € pour " +
        "« credit-impot.audiovisuel.plafond-minute.fiction » ; écrivez « 1,25 » ou « 1250 ».",
    );
  });

  it("une cellule nombre n'est jamais ambiguë ; taux et nombres ambigus nommés", async () => {
    const s = lireParametres(
      await feuilleXlsx("Paramètres", [
        ["Paramètre", "Valeur"],
        ["a.montant", 12.345],
        ["b.montant", "12.345"],
        ["c.taux", "12,500 %"],
        ["d.nombre", "1.500 jours"],
        ["e.montant", "0,125"],
        ["f.montant", "1 250,50 €"],
      ]),
    );
    expect(surchargeMontant(s, "a.montant")?.valeur).toBe(1235);
    expect(erreurDe(() => surchargeMontant(s, "b.montant"))).toBe(
      "'Paramètres'!B3 : « 12.345 » peut se lire 12,35 € ou 12 345,00 € pour « b.montant » ; " +
        "écrivez « 12,35 » ou « 12345 ».",
    );
    expect(erreurDe(() => surchargeTaux(s, "c.taux"))).toBe(
      "'Paramètres'!B4 : « 12,500 % » peut se lire 12,5 % ou 12500 % pour « c.taux » ; écrivez « 12,5 % » ou « 12500 % ».",
    );
    expect(erreurDe(() => surchargeNombre(s, "d.nombre"))).toBe(
      "'Paramètres'!B5 : « 1.500 jours » peut se lire 1,5 ou 1500 pour « d.nombre » ; écrivez « 1,5 » ou « 1500 ».",
    );
    expect(erreurDe(() => surchargeMontant(s, "e.montant"))).toMatch(
      /« 0,125 » a plus de deux décimales pour « e.montant »/,
    );
    expect(surchargeMontant(s, "f.montant")?.valeur).toBe(125050);
  });
});

describe("grand livre CSV lu par sa correspondance de colonnes", () => {
  const mapping = { colonnes: { compte: "Compte", date: "Date", debit: "Débit", credit: "Crédit" } };
  it("« 1.500 » sans autre montant qui tranche : ligne rejetée avec son numéro et les deux lectures", () => {
    const r = lireGrandLivreCsv(
      ["Date;Compte;Débit;Crédit", "05/01/2024;613500;1.500;", "05/01/2024;401000;;1500"].join("\n"),
      mapping,
    );
    expect(r.erreurs.map((e) => ({ ...e, message: esp(e.message) }))).toEqual([
      {
        ligne: 2,
        message:
          "Ligne 2 rejetée : débit « 1.500 » peut se lire 1,50 € ou 1 500,00 € et aucun autre montant du fichier " +
          "ne dit lequel (écrivez « 1,50 » ou « 1500,00 »).",
      },
    ]);
  });

  it("« 1.500 » dans un fichier qui écrit « 1 200,00 » : 1 500 € ; dans un fichier « 1,200.00 » : 1,50 €", () => {
    const fr = lireGrandLivreCsv(
      ["Date;Compte;Débit;Crédit", "05/01/2024;613500;1.500;", "05/01/2024;401000;;1 200,00"].join("\n"),
      mapping,
    );
    expect(fr.erreurs).toEqual([]);
    expect(fr.debit).toBe(150000);
    const en = lireGrandLivreCsv(
      ["Date;Compte;Débit;Crédit", "05/01/2024;613500;1.500;", "05/01/2024;401000;;1,200.00"].join("\n"),
      mapping,
    );
    expect(en.debit).toBe(150);
  });
});

describe("PROD.* du plan de financement : une plage avec « 12.500 » est refusée, lectures nommées", () => {
  it("montantsPlage", () => {
    expect(erreurDe(() => montantsPlage([[1000, "12.500"]]))).toBe(
      "montants, ligne 1 colonne 2 : « 12.500 » peut se lire 12,50 € ou 12 500,00 € ; écrivez « 12,5 » ou « 12500 ».",
    );
    expect(montantsPlage([["12 500,00", 3]])).toEqual([1250000, 300]);
  });
});
