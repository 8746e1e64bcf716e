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
