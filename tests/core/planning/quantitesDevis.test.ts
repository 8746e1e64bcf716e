import { promises as fs } from "fs";
import { importerDevis } from "../../../src/core/devis/import";
import { appliquerPropositions, planifierClasseur } from "../../../src/core/planning/planningClasseur";
import { appliquerQuantites, ligneDeFonction, proposerQuantites } from "../../../src/core/planning/quantitesDevis";
import { lirePlanDeTravail } from "../../../src/core/planning/planDeTravail";
import type { SheetData } from "../../../src/core/port/workbook";
import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";
import { DEVIS_EXEMPLE, PDT } from "./classeur";
import { feuille } from "./feuille";

const minutes = (t: string) => {
  const [a, b] = t.split(":").map(Number);
  return (a * 60 + b) / 1440;
};
const lignesPdt = (): CelluleMemoire[][] => [
  ["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)", "Lieu", "Téléphone"],
  ...PDT.map(([d, nom, f, c, deb, fin, p, l, t]) => [d, nom, f, c, minutes(deb), minutes(fin), p, l, t]),
];

let budget: SheetData;
beforeAll(async () => {
  const wb = await chargerXlsx(await fs.readFile(DEVIS_EXEMPLE), "devis-producteur.xlsx");
  budget = lireFeuille(wb.getWorksheet("Budget Gardiens")!);
});

const versMemoire = (s: SheetData): CelluleMemoire[][] =>
  s.rows.map((r) => r.map((c) => (c.f ? { f: c.f, v: c.v } : c.v)));

describe("revue des quantités du devis d'après le plan de travail (devis réel assets/exemple)", () => {
  test("fonction → ligne : masculin/féminin, mots entiers, lignes au forfait et charges sociales exclues", () => {
    const devis = importerDevis(budget);
    expect(ligneDeFonction("Ingénieure du son", devis.lignes)?.libelle).toBe("Ingénieur du son");
    expect(ligneDeFonction("Réalisatrice", devis.lignes)?.libelle).toBe("Réalisateur (salaire technicien)");
    expect(ligneDeFonction("Cheffe monteuse", devis.lignes)?.libelle).toBe("Cheffe monteuse");
    expect(ligneDeFonction("Machiniste", devis.lignes)).toBeUndefined();
  });

  test("tableau des propositions : ligne, cellule, ancienne et nouvelle quantité, montant recalculé", () => {
    const devis = importerDevis(budget);
    const plan = lirePlanDeTravail(
      feuille(
        "PDT",
        lignesPdt().map((r) => r.map((c) => (c === undefined || typeof c === "object" ? null : c))),
      ),
    );
    const p = proposerQuantites(plan, devis);
    // Yann 4 days, Anne 4, Sophie 3; Claire 5 days on a weekly line (« semaine ») = 1 week.
    expect(
      p.map((x) => [x.cellule, x.libelle, x.ancienneQuantite, x.nouvelleQuantite, x.joursPersonne, x.unite]),
    ).toEqual([
      ["'Budget Gardiens'!C19", "Chef opérateur", "18", "4", 4, "jour"],
      ["'Budget Gardiens'!C20", "Ingénieur du son", "18", "4", 4, "jour"],
      ["'Budget Gardiens'!C15", "Réalisateur (salaire technicien)", "6", "1", 5, "semaine"],
      ["'Budget Gardiens'!C17", "Chargée de production", "25", "3", 3, "jour"],
    ]);
    // 4 × 1 × 350 € = 1 400,00 € (was 18 × 350 = 6 300,00 €).
    expect([p[0].ancienMontant, p[0].nouveauMontant]).toEqual([630000, 140000]);
    const apres = appliquerQuantites(devis, p.slice(0, 1));
    expect(apres.total).toBe(devis.total - 490000);
    expect(apres.lignes.find((l) => l.libelle === "Ingénieur du son")?.quantite).toBe("18");
  });

  test("rien n'est écrit avant acceptation ; l'acceptation réécrit la feuille Devis de Prodbook, pas celle du producteur", async () => {
    const wb = new MemoryWorkbook({ "Budget Gardiens": versMemoire(budget), PDT: lignesPdt() });
    const r = await planifierClasseur(wb);
    expect(r.propositions).toHaveLength(4);
    expect(wb.ecritures).toBe(0);
    const choisie = r.propositions.find((x) => x.libelle === "Chef opérateur")!;
    const a = await appliquerPropositions(wb, [choisie.ligneId], "2026-05-01");
    expect(a.appliquees.map((x) => x.libelle)).toEqual(["Chef opérateur"]);
    expect(a.feuillesEcrites).toEqual(["Devis", "Synthèse", "Contrôles"]);
    const source = await wb.readSheet("Budget Gardiens");
    expect(source!.rows[18][2].v).toBe(18);
    const devisEcrit = wb.ecrites.get("Devis")!;
    const ligne = devisEcrit.rows.find((row) => row.includes("Chef opérateur"))!;
    expect(ligne).toContain(4);
    // The Contrôles sheet lists the working-time findings next to the devis ones, by their French title.
    const controles = JSON.stringify(wb.ecrites.get("Contrôles")!.rows);
    expect(controles).toContain("Journée trop longue");
    expect(controles).not.toContain("duree-quotidienne");
  });
});

describe("application des quantités : le plan relu avec la zone des jours fériés", () => {
  test("Alsace-Moselle : le tournage du Vendredi saint (3 avril 2026) figure dans la feuille Contrôles écrite ; en métropole, non", async () => {
    const vendrediSaint: CelluleMemoire[] = [
      "2026-04-03",
      "Yann Le Goff",
      "Chef opérateur",
      "IDCC 2642",
      minutes("08:00"),
      minutes("17:00"),
      60,
      "Brest",
      "06 11 22 33 44",
    ];
    const controles = async (zone?: "alsace-moselle") => {
      const wb = new MemoryWorkbook({ "Budget Gardiens": versMemoire(budget), PDT: [...lignesPdt(), vendrediSaint] });
      const r = await planifierClasseur(wb, { zone });
      const choisie = r.propositions.find((x) => x.libelle === "Chef opérateur")!;
      await appliquerPropositions(wb, [choisie.ligneId], "2026-05-01", zone);
      return JSON.stringify(wb.ecrites.get("Contrôles")!.rows);
    };
    const alsace = await controles("alsace-moselle");
    expect(alsace).toMatch(/"Travail un jour férié","Tournage le vendredi\s3\savril\s2026, Vendredi saint/);
    expect(await controles()).not.toMatch(/Vendredi saint/);
  });
});
