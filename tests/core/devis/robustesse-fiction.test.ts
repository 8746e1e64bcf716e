import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import { centsToDecimalString } from "../../../src/core/money/cents";
import type { Cents } from "../../../src/core/money/cents";
import { feuilleXlsx } from "./outils";

const e = (c: Cents) => centsToDecimalString(c);
const chapitres = (d: ReturnType<typeof importerDevis>) => d.chapitres.map((c) => [c.code, e(c.total), c.lignes]);

describe("robustesse — devis de fiction : chiffres romains, lettres, codes « 2-3-1 »", () => {
  it("titres « II - PERSONNEL », codes « 2-3-1 », sous-totaux « TOTAL II », en-tête « Réf. »", async () => {
    const s = await feuilleXlsx("Budget fiction", [
      ["DEVIS — « La Maison des Vignes » — unitaire 90' fiction"],
      ["Réf.", "Libellé", "Qté", "Unité", "Nb", "Tarif", "Total"],
      ["I - DROITS ARTISTIQUES"],
      ["1-1-1", "Scénario — auteur principal", 1, "forfait", 1, 25000, 25000],
      ["1-1-2", "Dialoguiste", 1, "forfait", 1, 6000, 6000],
      [null, "TOTAL I", null, null, null, null, 31000],
      ["II - PERSONNEL"],
      ["2-3-1", "1er assistant réalisateur", 30, "jour", 1, 380, 11400],
      ["2-3-2", "Scripte", 30, "jour", 1, 230, 6900],
      ["2-5-1", "Chef électricien", 25, "jour", 1, 330, 8250],
      [null, "TOTAL II", null, null, null, null, 26550],
      ["III - INTERPRÉTATION"],
      ["3-1-1", "Rôles principaux", 25, "cachet", 2, 800, 40000],
      ["3-2-1", "Figuration", 4, "cachet", 10, 110, 4400],
      [null, "TOTAL III", null, null, null, null, 44400],
      ["IV - CHARGES SOCIALES"],
      ["4-1-1", "Charges techniciens 55 %", null, null, null, null, 14602.5],
      ["4-1-2", "Charges artistes 50 %", null, null, null, null, 22200],
      [null, "TOTAL IV", null, null, null, null, 36802.5],
      ["V - DÉCORS ET COSTUMES"],
      ["5-1-1", "Construction décor salon", 1, "forfait", 1, 18000, 18000],
      ["5-8-1", "Costumes", 1, "forfait", 1, 7500, 7500],
      [null, "TOTAL V", null, null, null, null, 25500],
      [null, "TOTAL GÉNÉRAL HT", null, null, null, null, 164252.5],
    ]);
    const d = importerDevis(s, { genre: "fiction", dureeMinutes: 90 });
    expect(d.lignes).toHaveLength(11);
    expect(d.lignes.map((l) => [l.code, l.chapitre, l.sousChapitre, l.placement])).toEqual([
      ["1-1-1", "1", "11", "code"],
      ["1-1-2", "1", "11", "code"],
      ["2-3-1", "2", "23", "code"],
      ["2-3-2", "2", "23", "code"],
      ["2-5-1", "2", "25", "code"],
      ["3-1-1", "3", "31", "code"],
      ["3-2-1", "3", "32", "code"],
      ["4-1-1", "4", "41", "code"],
      ["4-1-2", "4", "41", "code"],
      ["5-1-1", "5", "51", "code"],
      ["5-8-1", "5", "58", "code"],
    ]);
    expect(chapitres(d)).toEqual([
      ["1", "31000.00", 2],
      ["2", "26550.00", 3],
      ["3", "44400.00", 2],
      ["4", "36802.50", 2],
      ["5", "25500.00", 2],
    ]);
    expect(e(d.total)).toBe("164252.50");
    expect(e(d.coutMinute as Cents)).toBe("1825.03");
    expect(d.nonPlaces).toEqual([]);
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.lignesCouvertes.length])).toEqual([
      ["sous-total", "1", "31000.00", 2],
      ["sous-total", "2", "26550.00", 3],
      ["sous-total", "3", "44400.00", 2],
      ["sous-total", "4", "36802.50", 2],
      ["sous-total", "5", "25500.00", 2],
      ["total", undefined, "164252.50", 11],
    ]);
    // Scripte at 230 €/day is under the 240.87 € minimum (since 1 July 2025 a floor: alerte).
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["salaire-minimum", "alerte", "'Budget fiction'!F9"],
    ]);
  });

  it("chapitres en lettres « A. », « B. » (le nom l'emporte sur la lettre), codes « A1 », sous-totaux « Total B »", async () => {
    const s = await feuilleXlsx("Devis", [
      ["Code", "Désignation", "Jours", "Tarif", "Montant"],
      ["A. DROITS ARTISTIQUES"],
      ["A1", "Droits d'auteur", null, null, 12000],
      ["Total A", null, null, null, 12000],
      ["B. ÉQUIPE TECHNIQUE"],
      ["B1", "Réalisatrice", 25, 420, 10500],
      ["B2", "Monteuse", 20, 250, 5000],
      ["Total B", null, null, null, 15500],
      ["C. MOYENS TECHNIQUES"],
      ["C1", "Caméra", 5, 600, 3000],
      ["C2", "Éclairage", 5, 250, 1250],
      ["Total C", null, null, null, 4250],
      ["TOTAL DU DEVIS", null, null, null, 31750],
    ]);
    const d = importerDevis(s);
    expect(d.lignes.map((l) => [l.code, l.chapitre, l.placement])).toEqual([
      ["A1", "1", "section"],
      ["B1", "2", "section"],
      ["B2", "2", "section"],
      ["C1", "7", "section"],
      ["C2", "7", "section"],
    ]);
    expect(chapitres(d)).toEqual([
      ["1", "12000.00", 1],
      ["2", "15500.00", 2],
      ["7", "4250.00", 2],
    ]);
    expect(e(d.total)).toBe("31750.00");
    expect(d.totauxProducteur.map((t) => [t.type, t.chapitre, e(t.montant), t.cellule])).toEqual([
      ["sous-total", "1", "12000.00", "Devis!E4"],
      ["sous-total", "2", "15500.00", "Devis!E8"],
      ["sous-total", "7", "4250.00", "Devis!E12"],
      ["total", undefined, "31750.00", "Devis!E13"],
    ]);
    expect(d.nonPlaces).toEqual([]);
    expect(controlerDevis(d, "2026-01-15").map((c) => [c.regle, c.gravite])).toEqual([
      ["charges-sociales-absentes", "alerte"],
    ]);
  });
});
