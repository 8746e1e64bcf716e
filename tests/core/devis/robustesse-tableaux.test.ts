import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);
const constats = (d: ReturnType<typeof importerDevis>) =>
  controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule]);

describe("robustesse — tableaux plats et sous-totaux sans libellé", () => {
  it("une colonne « Chapitre » sur chaque ligne (export comptable) place les lignes que les mots-clés ne placent pas", async () => {
    const s = await feuilleXlsx("Export", [
      ["Chapitre", "Désignation", "Montant"],
      ["1 - Droits artistiques", "Achat de sujet", 3000],
      ["02", "Monteur", 2500],
      ["Personnel", "Stagiaire", 600],
      ["Post-production", "Prestataire A", 1200],
      ["Assurances et divers", "Dépenses diverses", 300],
      [9, "Frais de dossier", 150],
      ["FG", "Structure", 700],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.libelle, l.chapitre, l.placement])).toEqual([
      ["Achat de sujet", "1", "section"],
      ["Monteur", "2", "section"],
      ["Stagiaire", "2", "section"],
      ["Prestataire A", "8", "section"],
      ["Dépenses diverses", "9", "section"],
      ["Frais de dossier", "9", "section"],
      ["Structure", "FG", "section"],
    ]);
    expect(d.chapitres.map((c) => [c.code, e(c.total)])).toEqual([
      ["1", "3000.00"],
      ["2", "3100.00"],
      ["8", "1200.00"],
      ["9", "450.00"],
      ["FG", "700.00"],
    ]);
    expect(e(d.total)).toBe("8450.00");
    expect(d.nonPlaces).toEqual([]);
  });

  it("sous-totaux et total sans aucun libellé (une SOMME seule, ou un nombre qui tombe juste) : jamais comptés comme lignes", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["PERSONNEL"],
      ["2.1", "Monteur", 10, 250, 2500],
      ["2.2", "Assistant monteur", 10, 150, 1500],
      [null, null, null, null, 4000],
      ["POST-PRODUCTION"],
      ["8.1", "Mixage", 2, 900, 1800],
      ["8.2", "Étalonnage", 2, 650, 1300],
      // A stale cached result: the SUM is still the producer's subtotal, and it is wrong.
      [null, null, null, null, { formula: "SUM(E7:E8)", result: 3000 }],
      [null, null, null, null, 7100],
      [null, "Ligne orpheline", null, null, 250],
      [null, null, null, null, 40],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code ?? l.libelle, e(l.montant), l.chapitre ?? null])).toEqual([
      ["2.1", "2500.00", "2"],
      ["2.2", "1500.00", "2"],
      ["8.1", "1800.00", "8"],
      ["8.2", "1300.00", "8"],
      ["Ligne orpheline", "250.00", null],
      // Named by its row (before: « (sans libellé) », no row said).
      ["(ligne sans libellé, ligne 12)", "40.00", null],
    ]);
    expect(
      d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.cellule, t.lignesCouvertes.length]),
    ).toEqual([
      ["sous-total", "2", "4000.00", "Devis!E5", 2],
      ["sous-total", "8", "3000.00", "Devis!E9", 2],
      ["total", undefined, "7100.00", "Devis!E10", 4],
    ]);
    expect(e(d.total)).toBe("7100.00");
    // A label-less amount that adds up nothing stays a line: listed unplaced, with its cell.
    expect(d.nonPlaces.map((n) => [n.cellule, e(n.montant)])).toEqual([
      ["Devis!E11", "250.00"],
      ["Devis!E12", "40.00"],
    ]);
    expect(constats(d)).toEqual([
      ["sous-total-producteur", "erreur", "Devis!E9"],
      ["ligne-hors-chapitre", "alerte", "Devis!E11"],
      ["ligne-hors-chapitre", "alerte", "Devis!E12"],
      ["charges-sociales-absentes", "alerte", "Devis!E3"],
    ]);
  });

  it("quantités saisies avec leur unité (« 10 j », « 2 sem »), « - » pour zéro, « 1 200,- » sans centimes, facteur illisible listé", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Qté", "Tarif", "Montant"],
      ["2.1", "Monteur", "10 j", 250, null],
      ["2.2", "Assistant monteur", "2 sem", "900", null],
      ["2.3", "Étalonneur", "10 à 12", 300, null],
      ["7.1", "Caméra", "3 jours", 400, 1200],
      ["7.2", "Son", "-", null, "-"],
      ["7.3", "Machinerie", null, null, "1 200,-"],
      ["7.4", "Avoir loueur", null, null, "150-"],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.quantite, l.unite, e(l.montant), l.montantCalcule])).toEqual([
      ["2.1", "10", "j", "2500.00", true],
      ["2.2", "2", "sem", "1800.00", true],
      ["7.1", "3", "jours", "1200.00", undefined],
      ["7.2", undefined, undefined, "0.00", undefined],
      ["7.3", undefined, undefined, "1200.00", undefined],
      ["7.4", undefined, undefined, "-150.00", undefined],
    ]);
    expect(d.illisibles?.map((m) => [m.cellule, m.texte, m.libelle])).toEqual([["Devis!C4", "10 à 12", "Étalonneur"]]);
    expect(e(d.total)).toBe("6550.00");
    // The amounts computed from a quantity written as text are named (issue 10: never in silence).
    expect(
      d.facteursTexte?.map((x) => [x.cellule, x.facteurs.map((f) => [f.cellule, f.texte, f.valeur, f.unite])]),
    ).toEqual([
      ["Devis!E2", [["Devis!C2", "10 j", "10", "j"]]],
      ["Devis!E3", [["Devis!C3", "2 sem", "2", "sem"]]],
    ]);
    expect(constats(d)).toEqual([
      ["quantite-texte", "alerte", "Devis!E2"],
      ["quantite-texte", "alerte", "Devis!E3"],
      ["montant-illisible", "alerte", "Devis!C4"],
      ["charges-sociales-absentes", "alerte", "Devis!E2"],
    ]);
  });
});
