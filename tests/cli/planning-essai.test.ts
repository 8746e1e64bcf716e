/**
 * Plannings with hidden rows, as a producer leaves them (an old step, a day folded away): read as if shown, as the
 * devis and the financing plan read theirs, and named with their cells (lignes-masquees-planning), never in silence.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { dossierTemporaire, espacesSimples, lancerCli } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-planning-essai-");

interface Controle {
  regle: string;
  gravite: string;
  message: string;
  cellule?: string;
}

async function ecrire(nom: string, feuille: string, lignes: ExcelJS.CellValue[][], masquees: number[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(feuille);
  lignes.forEach((l, i) => {
    ws.getRow(i + 1).values = l;
  });
  for (const r of masquees) ws.getRow(r).hidden = true;
  const fichier = path.join(dossier(), nom);
  await wb.xlsx.writeFile(fichier);
  return fichier;
}

test("plan de travail exporté d'un outil de planification : une journée masquée comptée et nommée", async () => {
  const lignes: ExcelJS.CellValue[][] = [
    ["Exporté de l'outil de planification le 02/04/2026"],
    ["ID", "Date", "Jour", "Nom", "Prénom", "Fonction", "Département", "Début", "Fin", "Pause (min)", "Lieu"],
  ];
  for (let i = 0; i < 5; i++) {
    const d = new Date(Date.UTC(2026, 3, 7 + i)); // mardi 7 → samedi 11 avril 2026
    lignes.push([i + 1, d, "", "Martin", "Paul", "Chef opérateur", "Image", "08:00", "19:00", 60, "Paris"]);
  }
  // Row 7 (samedi 11 avril) hidden: still 10 h of work, counted in the week.
  const fichier = await ecrire("pdt-masque.xlsx", "Export", lignes, [7]);
  const r = await lancerCli(main, ["planning", fichier, "--oeuvre", "cinema", "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const controles = (JSON.parse(r.out) as { controles: Controle[] }).controles;
  const masquees = controles.filter((c) => c.regle === "lignes-masquees-planning");
  expect(masquees.map((c) => [c.gravite, c.cellule, espacesSimples(c.message)])).toEqual([
    [
      "alerte",
      "Export!D7",
      "Une journée du plan de travail « Export » est lue sur une ligne masquée et comptée comme si elle était " +
        "affichée : Export!D7 (Martin, 11 avril 2026) — affichez la ligne ou supprimez-la si elle ne fait pas partie " +
        "du planning.",
    ],
  ]);
  // 5 days × (11 h − 1 h of break) = 50 h: the hidden Saturday is in the week's hours.
  const semaine = controles.find((c) => c.regle === "duree-hebdomadaire");
  expect(espacesSimples(semaine?.message ?? "")).toMatch(/^Martin : 50 h 00 de travail la semaine 15/);
});

test("feuille d'étapes : deux étapes masquées planifiées et nommées ; sans ligne masquée, aucun constat", async () => {
  const lignes: ExcelJS.CellValue[][] = [
    ["RÉTROPLANNING POST-PRODUCTION"],
    ["Étape", "Durée", "Dépend de", "Commentaire"],
    ["Montage image", 10, "-", "Monteuse : Julie"],
    ["Montage son", 5, "Montage image"],
    ["Étalonnage", "3 j", "Montage image"],
    ["Mixage", 3, "Montage son, Étalonnage"],
    ["PAD", null, "Mixage"],
  ];
  const fichier = await ecrire("etapes-masquees.xlsx", "Rétroplanning", lignes, [4, 5]);
  const r = await lancerCli(main, ["planning", fichier, "--livraison", "2026-06-15", "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out) as { etapes: { nom: string }[]; controles: Controle[] };
  expect(j.etapes.map((e) => e.nom)).toEqual(["Montage image", "Montage son", "Étalonnage", "Mixage", "PAD"]);
  const masquees = j.controles.filter((c) => c.regle === "lignes-masquees-planning");
  expect(masquees.map((c) => [c.cellule, espacesSimples(c.message)])).toEqual([
    [
      "'Rétroplanning'!A4",
      "2 étapes de la feuille d'étapes « Rétroplanning » sont lues sur des lignes masquées et planifiées comme si " +
        "elles étaient affichées : 'Rétroplanning'!A4 (Montage son), 'Rétroplanning'!A5 (Étalonnage) — affichez les " +
        "lignes ou supprimez-les si elles ne font pas partie du planning.",
    ],
  ]);
  const visible = await ecrire("etapes-visibles.xlsx", "Rétroplanning", lignes, []);
  const v = await lancerCli(main, ["planning", visible, "--livraison", "2026-06-15", "--json"]);
  expect((JSON.parse(v.out) as { controles: Controle[] }).controles.map((c) => c.regle)).not.toContain(
    "lignes-masquees-planning",
  );
});
