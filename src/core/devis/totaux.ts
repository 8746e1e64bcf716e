import Decimal from "decimal.js";
import { Cents, cents, sumCents, ZERO } from "../money/cents";
import type { CodeChapitre, LigneDevis, LigneTotalProducteur, TotalChapitre } from "./model";
import { CHAPITRES_HORS_TOTAL, libelleChapitre, ORDRE_CHAPITRES } from "./nomenclature";

export interface Totaux {
  chapitres: TotalChapitre[];
  total: Cents;
  totalHorsFrais: Cents;
  coutMinute?: Cents;
}

/** Chapter totals (CNC order), total of placed lines, total of chapters 1–9, cost per minute (half-up). */
export function calculerTotaux(
  lignes: readonly LigneDevis[],
  totauxProducteur: readonly LigneTotalProducteur[],
  dureeMinutes?: number,
): Totaux {
  const parChapitre = new Map<CodeChapitre, LigneDevis[]>();
  for (const l of lignes) {
    if (!l.chapitre) continue;
    const arr = parChapitre.get(l.chapitre) ?? [];
    arr.push(l);
    parChapitre.set(l.chapitre, arr);
  }
  const nommes = new Set(totauxProducteur.map((t) => t.chapitre).filter((c): c is CodeChapitre => !!c));
  const chapitres: TotalChapitre[] = [];
  for (const code of ORDRE_CHAPITRES) {
    const ls = parChapitre.get(code) ?? [];
    if (ls.length === 0 && !nommes.has(code)) continue;
    chapitres.push({
      code,
      libelle: libelleChapitre(code),
      total: sumCents(ls.map((l) => l.montant)),
      lignes: ls.length,
    });
  }
  const total = sumCents(chapitres.map((c) => c.total));
  const totalHorsFrais = sumCents(chapitres.filter((c) => !CHAPITRES_HORS_TOTAL.includes(c.code)).map((c) => c.total));
  return { chapitres, total, totalHorsFrais, coutMinute: coutParMinute(total, dureeMinutes) };
}

export function coutParMinute(total: Cents, dureeMinutes?: number): Cents | undefined {
  if (!dureeMinutes || !(dureeMinutes > 0)) return undefined;
  return cents(new Decimal(total).dividedBy(dureeMinutes).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** Sum of the amounts of the given line ids (the lines a producer's subtotal covers). */
export function sommeLignes(lignes: readonly LigneDevis[], ids: readonly string[]): Cents {
  const set = new Set(ids);
  return lignes.reduce((s, l) => (set.has(l.id) ? cents(s + l.montant) : s), ZERO);
}

/** A cost line: placed in chapters 1 to 9 (not frais généraux, imprévus, frais financiers nor the producer's fee). */
export function estCout(l: Pick<LigneDevis, "chapitre">): boolean {
  return !!l.chapitre && !CHAPITRES_HORS_TOTAL.includes(l.chapitre);
}

/** A line carrying a rate of a base (« Imprévus 7 % », « Assurance » with 3 % in the Taux column), computed or typed. */
export function aUnPourcentage(l: Pick<LigneDevis, "pourcentage" | "taux">): boolean {
  return !!l.pourcentage && l.taux === undefined;
}

export interface BasePourcentage {
  montant: Cents;
  /** How messages name it: « coût hors frais », or « coût hors frais sans les lignes en pourcentage ». */
  nom: string;
}

/**
 * The one base a line's rate applies to, for its computation and for every message naming it. Frais généraux,
 * imprévus, frais financiers, the producer's fee (and a line left unplaced): the coût hors frais, chapters 1 to 9 (CNC
 * convention: these are computed on the cost without them). A cost line of chapters 1 to 9 at a rate (« Frais
 * d'assurance » at 3 % in the Taux column, chapter 9) is a cost counted in the coût hors frais, so it cannot be computed
 * on it (itself included): its base is the costs of chapters 1 to 9 without the lines carrying a rate.
 */
export function basePourcentage(
  lignes: readonly Pick<LigneDevis, "chapitre" | "pourcentage" | "taux" | "montant">[],
  l: Pick<LigneDevis, "chapitre">,
): BasePourcentage {
  if (!estCout(l)) return { montant: sumCents(lignes.filter(estCout).map((x) => x.montant)), nom: "coût hors frais" };
  return {
    montant: sumCents(lignes.filter((x) => estCout(x) && !aUnPourcentage(x)).map((x) => x.montant)),
    nom: "coût hors frais sans les lignes en pourcentage",
  };
}
