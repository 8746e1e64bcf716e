import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { importerDevis } from "../../../src/core/devis/import";
import { appliquerPropositions, planifierClasseur } from "../../../src/core/planning/planningClasseur";
import {
  appliquerQuantites,
  etatProposition,
  ligneDeFonction,
  phraseRetourAuDevis,
  proposerQuantites,
} from "../../../src/core/planning/quantitesDevis";
import { lirePlanDeTravail } from "../../../src/core/planning/planDeTravail";
import type { SheetData } from "../../../src/core/port/workbook";
import { chargerXlsx, lireFeuille } from "../../../src/xlsx/read";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { feuilleDevis, lignesEcrites, quantitesEcrites, sourceLigne } from "../../../src/core/devis/feuilleDevis";
import { structurerDevis } from "../../../src/core/devis/structurer";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";
import { classeurPlanning, DEVIS_EXEMPLE, PDT } from "./classeur";
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

/** Prodbook's Devis sheet of a saved file, read back with ExcelJS: label → quantity (column D). */
async function quantites(fichier: string): Promise<Record<string, unknown>> {
  const lu = new ExcelJS.Workbook();
  await lu.xlsx.readFile(fichier);
  const q: Record<string, unknown> = {};
  lu.getWorksheet("Devis")!.eachRow((r, n) => {
    if (n > 4 && typeof r.getCell(3).value === "string") q[String(r.getCell(3).value)] = r.getCell(4).value;
  });
  return q;
}
/** Every sheet Prodbook wrote, as read back from the file (values, formulas, cached results). */
async function feuillesProdbook(fichier: string) {
  const wb = await chargerXlsx(await fs.readFile(fichier), path.basename(fichier));
  return ["Devis", "Synthèse", "Contrôles"].map((n) => lireFeuille(wb.getWorksheet(n)!));
}

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

  test("une ligne appliquée avant : son état selon la quantité proposée, même revenue à celle du devis du producteur", () => {
    const devis = importerDevis(budget);
    const plan = lirePlanDeTravail(
      feuille(
        "PDT",
        lignesPdt().map((r) => r.map((c) => (c === undefined || typeof c === "object" ? null : c))),
      ),
    );
    const id = (libelle: string) => devis.lignes.find((l) => l.libelle === libelle)!.id;
    const p = proposerQuantites(
      plan,
      devis,
      new Map([
        [id("Chef opérateur"), "4"],
        [id("Ingénieur du son"), "7"],
      ]),
    );
    const etat = (libelle: string) => {
      const x = p.find((q) => q.libelle === libelle)!;
      return [x.quantiteAppliquee, x.nouvelleQuantite, etatProposition(x)];
    };
    expect(etat("Chef opérateur")).toEqual(["4", "4", "appliquee"]);
    expect(etat("Ingénieur du son")).toEqual(["7", "4", "a-mettre-a-jour"]);
    expect(etat("Chargée de production")).toEqual([undefined, "3", "proposee"]);
    // The producer's devis now says 4 days for the sound engineer, as the plan: a line never applied is not proposed,
    // one applied at 7 days is (7 → 4), or a later « Appliquer » would write the 4 days without a word.
    const a4 = {
      ...devis,
      lignes: devis.lignes.map((l) => (l.libelle === "Ingénieur du son" ? { ...l, quantite: "4" } : l)),
    };
    expect(proposerQuantites(plan, a4).map((q) => q.libelle)).not.toContain("Ingénieur du son");
    const revenue = proposerQuantites(plan, a4, new Map([[id("Ingénieur du son"), "7"]])).find(
      (q) => q.libelle === "Ingénieur du son",
    )!;
    expect([revenue.ancienneQuantite, revenue.quantiteAppliquee, revenue.nouvelleQuantite]).toEqual(["4", "7", "4"]);
    expect(etatProposition(revenue)).toBe("a-mettre-a-jour");
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
    // Recalculated later (the pane reloaded): the line applied is read back from the Devis sheet, the others are not.
    const apres = await planifierClasseur(wb);
    expect(apres.dejaAppliquees).toEqual([choisie.ligneId]);
    expect(r.dejaAppliquees).toBeUndefined();
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

describe("application des quantités sur un devis de cinéma : les notes « D'où vient ce chiffre ? » de la feuille Contrôles", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-quantites-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /**
   * The example devis with its plan de travail, as a real .xlsx: the « Ingénieur du son » quantity (18 days) set to
   * the 4 days of the plan, the workbook saved, then its Contrôles sheet read back with ExcelJS: each row's message
   * (column C) and each note, by cell.
   */
  async function appliquer(nom: string, production?: Parameters<typeof appliquerPropositions>[4]) {
    const wb = await XlsxWorkbook.ouvrir(await classeurPlanning(path.join(dir, `${nom}.xlsx`)));
    const p = (await planifierClasseur(wb, { livraison: "2026-09-30" })).propositions;
    const son = p.find((x) => x.libelle === "Ingénieur du son")!;
    const a = await appliquerPropositions(wb, [son.ligneId], "2026-05-01", undefined, production);
    expect(a.feuillesEcrites).toEqual(["Devis", "Synthèse", "Contrôles"]);
    const sortie = path.join(dir, `${nom}-applique.xlsx`);
    await wb.enregistrer(sortie);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    const ws = lu.getWorksheet("Contrôles")!;
    const notes: Record<string, string> = {};
    const salaires: string[] = [];
    ws.eachRow((r, n) => {
      // A finding's row (its severity in column A), not the legend's below.
      const constat = ["erreur", "alerte", "info"].includes(String(r.getCell(1).value));
      if (constat && r.getCell(2).value === "Salaire sous le minimum conventionnel") salaires.push(`C${n}`);
      r.eachCell((c) => {
        if (c.note !== undefined) notes[c.address] = typeof c.note === "string" ? c.note : JSON.stringify(c.note);
      });
    });
    const message = (cellule: string) => String(ws.getCell(cellule).value);
    return { notes, salaires, message };
  }

  test("chaque constat de salaire porte sa note sur son message (colonne C), calculée sur la quantité appliquée", async () => {
    const { notes, salaires, message } = await appliquer("cinema", { typeOeuvre: "cinema", genre: "fiction" });
    // Three lines under IDCC 3097's annexe I (cinema): each finding's message, and only it, carries a note.
    expect(salaires).toHaveLength(3);
    expect(Object.keys(notes).sort()).toEqual(salaires);
    const son = salaires.find((c) => message(c).includes("« Ingénieur du son » : 310,00\u00a0€ par jour"))!;
    expect(message(son)).toContain("sous le plancher connu IDCC 3097 de la fonction « Chef opérateur du son »");
    // The line's 4 days of the plan (it was 18 in the producer's devis, left as it is): 4 × 471,77 € = 1 887,08 €.
    expect(notes[son].split("\n")).toEqual([
      "Manque au minimum par jour, 2.6 « Ingénieur du son » : 161,77\u00a0€",
      "= minimum \u2212 payé par jour ; 1\u202f240,00\u00a0€ ('Budget Gardiens'!G20) < minimum 1\u202f887,08\u00a0€ = " +
        "4\u00a0jours × 471,77\u00a0€ (IDCC 3097)",
      "\u2190 Minimum par jour : 471,77\u00a0€ (minimum hebdomadaire × part d'une semaine pour un jour)",
      "\u2190 Payé par jour : 310,00\u00a0€ (taux de la ligne) ['Budget Gardiens'!F20]",
      "Cellules lues : 'Budget Gardiens'!F20",
      "Règle : idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024, confiance H — " +
        "https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044080 (et 5 autres sources de cette version)",
      "(Prodbook, « D'où vient ce chiffre ? »)",
    ]);
    // The other two findings' notes name their own line and the same grid.
    for (const c of salaires.filter((x) => x !== son)) {
      expect(notes[c]).toMatch(/^Manque au minimum par (jour|semaine), 2\.\d « /);
      expect(notes[c]).toContain("Règle : idcc3097-minima, en vigueur au 1er\u00a0avril\u00a02024");
    }
  });

  test("un minimum remplacé dans la feuille Paramètres : la note donne ce chiffre et sa cellule, comme `prodbook devis`", async () => {
    const wb = new MemoryWorkbook({
      "Budget Gardiens": versMemoire(budget),
      PDT: lignesPdt(),
      Paramètres: [
        ["Paramètre", "Valeur"],
        ["devis.salaire-minimum.chef-operateur-son", "1500"],
      ],
    });
    const son = (await planifierClasseur(wb)).propositions.find((x) => x.libelle === "Ingénieur du son")!;
    await appliquerPropositions(wb, [son.ligneId], "2026-05-01", undefined, { typeOeuvre: "cinema" });
    const controles = wb.ecrites.get("Contrôles")!;
    // The note sits on the finding's message (column C of its row).
    const ligne = controles.rows.findIndex((r) => String(r[2]).includes("« Ingénieur du son » : 310,00\u00a0€"));
    expect(ligne).toBeGreaterThan(0);
    const note = controles.notes?.find((n) => n.cell === `C${ligne + 1}`);
    // 1 500 € a week × 0,25 = 375 € a day, from 'Paramètres'!B2 instead of the grid's 471,77 €.
    expect(note?.text).toContain("< minimum 1\u202f500,00\u00a0€ = 4\u00a0jours × 375,00\u00a0€ (IDCC 3097)");
    expect(note?.text).toContain("Cellules lues : 'Paramètres'!B2 ; 'Budget Gardiens'!F20");
    expect(note?.text).toContain(
      "Règle : devis.salaire-minimum.chef-operateur-son, en vigueur au 1er\u00a0avril\u00a02024, confiance H, " +
        "remplacé par Paramètres 'Paramètres'!B2",
    );
  });

  test("sans œuvre de cinéma, le même devis est contrôlé sur la grille de l'audiovisuel (IDCC 2642), dont la note cite la table", async () => {
    const { notes, salaires, message } = await appliquer("audiovisuel");
    expect(salaires).toHaveLength(1);
    expect(Object.keys(notes)).toEqual(salaires);
    expect(message(salaires[0])).toContain("« Chargée de production » : 230,00\u00a0€ par jour");
    expect(notes[salaires[0]]).toContain("Règle : idcc2642-minima, en vigueur au 1er\u00a0juillet\u00a02025");
    expect(Object.values(notes).join("\n")).not.toContain("idcc3097");
  });
});

describe("application en plusieurs fois, sur un vrai classeur : les lignes appliquées avant restent", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-lots-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Applies `libelles` to the workbook saved at `depuis` (reopened from the file), saves it at `vers`. */
  async function appliquerLot(depuis: string, vers: string, libelles: string[]) {
    const wb = await XlsxWorkbook.ouvrir(depuis);
    const p = (await planifierClasseur(wb, { livraison: "2026-09-30" })).propositions;
    const ids = libelles.map((l) => p.find((x) => x.libelle === l)!.ligneId);
    const a = await appliquerPropositions(wb, ids, "2026-05-01");
    await wb.enregistrer(vers);
    return a;
  }

  test("deux lots l'un après l'autre : les deux sont dans la feuille Devis ; appliquer de nouveau ne change rien", async () => {
    const f0 = await classeurPlanning(path.join(dir, "plan.xlsx"));
    const [f1, f2, f3] = ["lot1", "lot2", "lot2-encore"].map((n) => path.join(dir, `${n}.xlsx`));

    const a1 = await appliquerLot(f0, f1, ["Chef opérateur"]);
    expect(a1.appliquees.map((p) => p.libelle)).toEqual(["Chef opérateur"]);
    expect(await quantites(f1)).toMatchObject({ "Chef opérateur": 4, "Ingénieur du son": 18 });

    // The second batch names only its own line: the first, read back from the saved Devis sheet, is kept.
    const a2 = await appliquerLot(f1, f2, ["Ingénieur du son"]);
    expect(a2.appliquees.map((p) => p.libelle)).toEqual(["Chef opérateur", "Ingénieur du son"]);
    const apres = await quantites(f2);
    expect(apres).toMatchObject({ "Chef opérateur": 4, "Ingénieur du son": 4, "Chargée de production": 25 });
    // The producer's sheet is never written.
    const producteur = new ExcelJS.Workbook();
    await producteur.xlsx.readFile(f2);
    expect(producteur.getWorksheet("Budget Gardiens")!.getCell("C19").value).toBe(18);

    // The same batch again: the same lines, the same sheets, cell for cell.
    const a3 = await appliquerLot(f2, f3, ["Ingénieur du son"]);
    expect(a3.appliquees).toEqual(a2.appliquees);
    expect(await feuillesProdbook(f3)).toEqual(await feuillesProdbook(f2));
    // Nothing ticked: the lines applied before are written again as they are.
    const f4 = path.join(dir, "rien.xlsx");
    expect((await appliquerLot(f2, f4, [])).appliquees).toEqual(a2.appliquees);
    expect(await feuillesProdbook(f4)).toEqual(await feuillesProdbook(f2));
  });
});

describe("le plan de travail change après une application : la ligne appliquée est « à mettre à jour »", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-maj-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** Planning then « Appliquer » of `libelles` on the workbook saved at `depuis` (reopened), saved at `vers`. */
  async function appliquerLot(depuis: string, vers: string, libelles: string[]) {
    const wb = await XlsxWorkbook.ouvrir(depuis);
    const r = await planifierClasseur(wb, { livraison: "2026-09-30" });
    const ids = libelles.map((l) => r.propositions.find((x) => x.libelle === l)!.ligneId);
    const a = await appliquerPropositions(wb, ids, "2026-05-01");
    await wb.enregistrer(vers);
    return { r, a };
  }
  /** The file at `depuis` with Yann Le Goff (chef opérateur) shooting `jours` more days, saved at `vers` by ExcelJS. */
  async function ajouterJours(depuis: string, vers: string, jours: string[]) {
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(depuis);
    const pdt = x.getWorksheet("PDT")!;
    for (const d of jours) {
      const row = pdt.addRow([
        new Date(`${d}T00:00:00Z`),
        "Yann Le Goff",
        "Chef opérateur",
        "IDCC 2642",
        minutes("08:00"),
        minutes("18:00"),
        60,
        "Port de Lampaul",
        "06 11 22 33 44",
      ]);
      row.getCell(1).numFmt = "dd/mm/yyyy";
      row.getCell(5).numFmt = "hh:mm";
      row.getCell(6).numFmt = "hh:mm";
    }
    await x.xlsx.writeFile(vers);
    return vers;
  }
  const f = (n: string) => path.join(dir, `${n}.xlsx`);

  test("4 jours appliqués, le plan passe à 5 : « à mettre à jour » 4 → 5 ; coché → 5, laissé → 18 du devis, dit", async () => {
    const f0 = await classeurPlanning(f("plan"));
    await appliquerLot(f0, f("applique"), ["Chef opérateur"]);
    expect(await quantites(f("applique"))).toMatchObject({ "Chef opérateur": 4 });
    // The shoot gains a day for the chef opérateur after the application.
    await ajouterJours(f("applique"), f("plan-change"), ["2026-05-14"]);

    const wb = await XlsxWorkbook.ouvrir(f("plan-change"));
    const r = await planifierClasseur(wb, { livraison: "2026-09-30" });
    const operateur = r.propositions.find((p) => p.libelle === "Chef opérateur")!;
    // Producer's devis 18, Prodbook's Devis sheet 4, the plan now 5: the proposal says the 4, and is not « appliquée ».
    expect([operateur.ancienneQuantite, operateur.quantiteAppliquee, operateur.nouvelleQuantite]).toEqual([
      "18",
      "4",
      "5",
    ]);
    expect(etatProposition(operateur)).toBe("a-mettre-a-jour");
    expect(r.dejaAppliquees).toBeUndefined();
    expect(r.propositions.filter((p) => p !== operateur).map((p) => p.quantiteAppliquee)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);

    // Another line applied, the update left unticked: no quantity nobody ticked is written — the producer's 18 is,
    // and the result names the line with both quantities.
    const { a: autre } = await appliquerLot(f("plan-change"), f("autre"), ["Ingénieur du son"]);
    expect(autre.appliquees.map((p) => p.libelle)).toEqual(["Ingénieur du son"]);
    expect(autre.aMettreAJour.map((p) => [p.libelle, p.quantiteAppliquee, p.ancienneQuantite])).toEqual([
      ["Chef opérateur", "4", "18"],
    ]);
    expect(autre.aMettreAJour.map(phraseRetourAuDevis)).toEqual([
      "Chef opérateur : la feuille Devis de Prodbook portait 4\u00a0j ; sans case cochée, elle reprend la quantité de " +
        "votre devis (18\u00a0j).",
    ]);
    expect(await quantites(f("autre"))).toMatchObject({ "Chef opérateur": 18, "Ingénieur du son": 4 });
    // Back to the producer's quantity: proposed again (18 → 5), nothing applied for it; nothing ticked writes the same.
    const { r: encore } = await appliquerLot(f("autre"), f("autre-encore"), []);
    expect(await feuillesProdbook(f("autre-encore"))).toEqual(await feuillesProdbook(f("autre")));
    const operateurEncore = encore.propositions.find((p) => p.libelle === "Chef opérateur")!;
    expect([
      etatProposition(operateurEncore),
      operateurEncore.ancienneQuantite,
      operateurEncore.nouvelleQuantite,
    ]).toEqual(["proposee", "18", "5"]);

    // The update ticked: 5 days written (5 × 350,00 € in the amount), and « appliquée » on the next run.
    const { a: maj } = await appliquerLot(f("autre"), f("maj"), ["Chef opérateur"]);
    expect(maj.appliquees.map((p) => [p.libelle, p.nouvelleQuantite])).toEqual([
      ["Chef opérateur", "5"],
      ["Ingénieur du son", "4"],
    ]);
    expect(maj.aMettreAJour).toEqual([]);
    expect(await quantites(f("maj"))).toMatchObject({ "Chef opérateur": 5, "Ingénieur du son": 4 });
    const apres = await planifierClasseur(await XlsxWorkbook.ouvrir(f("maj")), { livraison: "2026-09-30" });
    expect(apres.dejaAppliquees).toEqual([operateur.ligneId, autre.appliquees[0].ligneId]);
    // Applying again with nothing changed writes the same workbook.
    await appliquerLot(f("maj"), f("maj-encore"), []);
    expect(await feuillesProdbook(f("maj-encore"))).toEqual(await feuillesProdbook(f("maj")));
  });
});

describe("quantitesEcrites : les quantités relues dans la feuille Devis de Prodbook", () => {
  /** The Devis sheet as a host gives it back: formulas with their result, or without (calcul manuel). */
  const relue = (devis: ReturnType<typeof importerDevis>, avecResultats: boolean): SheetData => ({
    name: "Devis",
    merges: [],
    rows: feuilleDevis(devis, "Devis").spec.rows.map((r) =>
      r.map((c) =>
        c !== null && typeof c === "object" && "formula" in c
          ? { f: c.formula, v: avecResultats ? (c.result ?? null) : null }
          : { v: c as string | number | boolean | null },
      ),
    ),
  });

  test("par la cellule d'origine (colonne Source), que la formule du lien ait son résultat ou non", () => {
    const devis = importerDevis(budget);
    const operateur = devis.lignes.find((l) => l.libelle === "Chef opérateur")!;
    const son = devis.lignes.find((l) => l.libelle === "Ingénieur du son")!;
    const applique = appliquerQuantites(devis, [
      {
        ligneId: operateur.id,
        libelle: operateur.libelle,
        fonction: "Chef opérateur",
        personnes: ["Yann Le Goff"],
        joursPersonne: 4,
        unite: "jour",
        nouvelleQuantite: "4",
        ancienMontant: operateur.montant,
      },
    ]);
    for (const avecResultats of [true, false]) {
      const q = quantitesEcrites(relue(applique, avecResultats));
      expect(q.get(sourceLigne(operateur))).toBe("4");
      expect(q.get(sourceLigne(son))).toBe("18");
      // With the label written on the row: a quantity counts for a line only under its own label.
      expect(lignesEcrites(relue(applique, avecResultats)).get(sourceLigne(operateur))).toEqual({
        quantite: "4",
        libelle: "Chef opérateur",
      });
    }
    // Not a Devis sheet of Prodbook (its header row differs): nothing is read.
    expect(quantitesEcrites(budget).size).toBe(0);
    expect(quantitesEcrites(undefined).size).toBe(0);
  });

  test("deux lignes renvoyant à la même cellule : aucune des deux quantités n'est lue", () => {
    const devis = importerDevis(budget);
    const l = devis.lignes.find((x) => x.libelle === "Chef opérateur")!;
    const son = devis.lignes.find((x) => x.libelle === "Ingénieur du son")!;
    const double = { ...devis, lignes: [...devis.lignes, { ...l, id: `${l.id}-bis`, quantite: "7" }] };
    const q = quantitesEcrites(relue(double, true));
    expect(q.has(sourceLigne(l))).toBe(false);
    expect(q.get(sourceLigne(son))).toBe("18");
  });
});

describe("après prodbook devis -o, la feuille du producteur change : sa quantité est celle écrite", () => {
  /** The producer's devis and plan in memory, `prodbook devis -o` run on them; the producer's sheet given back. */
  async function apresDevisO() {
    const wb = new MemoryWorkbook({ "Budget Gardiens": versMemoire(budget), PDT: lignesPdt() });
    await structurerDevis(wb, { ecrire: true });
    const producteur = versMemoire((await wb.readSheet("Budget Gardiens"))!);
    return { wb, producteur };
  }
  /** The workbook with the producer's sheet replaced by `producteur`, Prodbook's sheets as `devis -o` wrote them. */
  async function avecFeuille(wb: MemoryWorkbook, producteur: CelluleMemoire[][]) {
    const sheets: Record<string, CelluleMemoire[][]> = {};
    for (const n of await wb.listSheets())
      sheets[n] = n === "Budget Gardiens" ? producteur : versMemoire((await wb.readSheet(n))!);
    return new MemoryWorkbook(sheets, { prodbook: await wb.feuillesProdbook() });
  }
  /** Prodbook's Devis sheet: label → quantity (column D). */
  async function quantitesDevis(wb: MemoryWorkbook): Promise<Record<string, unknown>> {
    const q: Record<string, unknown> = {};
    for (const r of (await wb.readSheet("Devis"))!.rows.slice(4)) if (typeof r[2]?.v === "string") q[r[2].v] = r[3]?.v;
    return q;
  }

  test("18 j devenus 10 j dans le devis du producteur : non cochée, la ligne prend 10 (pas les 18 de devis -o), dit", async () => {
    const { wb, producteur } = await apresDevisO();
    const ligne = producteur.findIndex((r) => r.includes("Ingénieur du son"));
    const iq = producteur[ligne].indexOf(18);
    expect(iq).toBeGreaterThan(-1);
    producteur[ligne][iq] = 10;
    const wb2 = await avecFeuille(wb, producteur);

    const r = await planifierClasseur(wb2);
    const son = r.propositions.find((p) => p.libelle === "Ingénieur du son")!;
    // The 18 of devis -o is what Prodbook's Devis sheet holds: said as such, « à mettre à jour », never « appliquée ».
    expect([son.ancienneQuantite, son.quantiteAppliquee, son.nouvelleQuantite, etatProposition(son)]).toEqual([
      "10",
      "18",
      "4",
      "a-mettre-a-jour",
    ]);
    const chef = r.propositions.find((p) => p.libelle === "Chef opérateur")!;
    const a = await appliquerPropositions(wb2, [chef.ligneId], "2026-05-01");
    expect(a.appliquees.map((p) => p.libelle)).toEqual(["Chef opérateur"]);
    expect(a.aMettreAJour.map(phraseRetourAuDevis)).toEqual([
      "Ingénieur du son : la feuille Devis de Prodbook portait 18\u00a0j ; sans case cochée, elle reprend la quantité " +
        "de votre devis (10\u00a0j).",
    ]);
    expect(await quantitesDevis(wb2)).toMatchObject({ "Chef opérateur": 4, "Ingénieur du son": 10 });
  });

  test("une ligne insérée dans la feuille du producteur : aucune ligne ne prend la quantité écrite d'une autre", async () => {
    const { wb, producteur } = await apresDevisO();
    const avantEcrit = await quantitesDevis(wb);
    const ligne = producteur.findIndex((r) => r.includes("Chef opérateur"));
    producteur.splice(ligne, 0, [null, "Note : voir contrat"]);
    const wb2 = await avecFeuille(wb, producteur);

    const r = await planifierClasseur(wb2);
    // Each source cell now points one row above its line: no label matches, nothing is read as written before.
    expect(r.propositions.map((p) => [p.libelle, p.quantiteAppliquee])).toEqual(
      r.propositions.map((p) => [p.libelle, undefined]),
    );
    expect(r.propositions.length).toBeGreaterThan(0);
    const chef = r.propositions.find((p) => p.libelle === "Chef opérateur")!;
    const a = await appliquerPropositions(wb2, [chef.ligneId], "2026-05-01");
    expect(a.aMettreAJour).toEqual([]);
    // Every line but the one ticked holds the producer's own quantity, as devis -o wrote it.
    const apres = await quantitesDevis(wb2);
    expect(apres).toEqual({ ...avantEcrit, "Chef opérateur": 4 });
  });

  test("deux lignes au même libellé, une ligne insérée au-dessus : la première ne prend pas la quantité de la seconde", async () => {
    // A second « Chef opérateur » line (a renfort, 4 j) right below the first (18 j), then `devis -o`.
    const base = versMemoire(budget);
    const i = base.findIndex((r) => r.includes("Chef opérateur"));
    const renfort = [...base[i]];
    renfort[renfort.indexOf(18)] = 4;
    base.splice(i + 1, 0, renfort);
    const wb = new MemoryWorkbook({ "Budget Gardiens": base, PDT: lignesPdt() });
    await structurerDevis(wb, { ecrire: true });
    const producteur = versMemoire((await wb.readSheet("Budget Gardiens"))!);
    producteur.splice(
      producteur.findIndex((r) => r.includes("Chef opérateur")),
      0,
      [null, "Note : voir contrat"],
    );
    const wb2 = await avecFeuille(wb, producteur);

    const r = await planifierClasseur(wb2);
    const chefs = r.propositions.filter((p) => p.libelle === "Chef opérateur");
    expect(chefs.length).toBeGreaterThan(0);
    // The first line's source cell now points to the renfort's row, same label: nothing is read back for either.
    expect(chefs.map((p) => [p.quantiteAppliquee, etatProposition(p)])).toEqual(
      chefs.map(() => [undefined, "proposee"]),
    );
    const son = r.propositions.find((p) => p.libelle === "Ingénieur du son")!;
    await appliquerPropositions(wb2, [son.ligneId], "2026-05-01");
    const q: unknown[] = [];
    for (const row of (await wb2.readSheet("Devis"))!.rows.slice(4))
      if (row[2]?.v === "Chef opérateur") q.push(row[3]?.v);
    // The producer's own quantities, in their order: never the renfort's 4 j on the first line.
    expect(q).toEqual([18, 4]);
  });
});
