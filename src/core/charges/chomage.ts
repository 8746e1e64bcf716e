import Decimal from "decimal.js";
import { Confiance, TableRegles, versionEnVigueur } from "../regles/table";
import { TABLE_CHARGES, ValeursCharges } from "./tableCharges";
import { AucunTauxError } from "./tauxCharges";

/** The employer unemployment rate of an intermittent (annexes 8 and 10) on a date, and what it is made of. */
export interface TauxChomage {
  taux: Decimal;
  /** « 4,00 % + 5 % » style explanation, with the surcharge when it applies. */
  detail: string;
  majore: boolean;
  effetDu: string;
  confiance: Confiance;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Last day of a contract of exactly three months from `debut` (date to date: 15 Jan → 14 Apr). */
export function finTroisMois(debut: string): string {
  const [a, m, j] = debut.split("-").map(Number);
  const mois = m - 1 + 3;
  const annee = a + Math.floor(mois / 12);
  const m2 = mois % 12;
  const dernier = new Date(Date.UTC(annee, m2 + 1, 0)).getUTCDate();
  // The day before the same day three months later; when that month has no such day (30 Nov → no 30 Feb), its last day.
  const d = new Date(Date.UTC(annee, m2, j > dernier ? dernier : j - 1));
  return d.toISOString().slice(0, 10);
}

/**
 * True when a CDD d'usage runs three months or less: the initial duration of the contract, renewals excluded, taken
 * from date to date (Unédic, « Majoration des contributions générales »). `fin` is the contract's last day.
 */
export function cdduCourt(debut: string, fin: string): boolean {
  if (!ISO.test(debut) || !ISO.test(fin)) throw new RangeError(`Dates de contrat invalides « ${debut} » → « ${fin} »`);
  if (fin < debut) throw new RangeError(`Le contrat finit (${fin}) avant de commencer (${debut})`);
  return fin <= finTroisMois(debut);
}

const pct = (d: Decimal) => d.times(100).toFixed(2, Decimal.ROUND_HALF_UP).replace(".", ",") + " %";

/**
 * Employer unemployment contribution for an intermittent on `date` (ISO): common-law rate + 5 % specific, plus the
 * 0.5-point surcharge when the CDD d'usage runs three months or less (`cdduCourt`).
 */
export function tauxChomageIntermittents(
  date: string,
  cdduTroisMoisOuMoins: boolean,
  table: TableRegles<ValeursCharges> = TABLE_CHARGES,
): TauxChomage {
  const v = versionEnVigueur(table, date);
  if (!v) throw new AucunTauxError(date);
  const base = v.valeurs.composantes["chomage-intermittents"];
  const maj = v.valeurs.majorations?.["cddu-3-mois"];
  const t = new Decimal(base.taux);
  const commun = pct(new Decimal(base.parts?.droitCommun ?? base.taux));
  const specifique = base.parts?.specifique ? ` + ${pct(new Decimal(base.parts.specifique))} spécifique` : "";
  const majore = cdduTroisMoisOuMoins && maj !== undefined;
  const taux = majore ? t.plus(maj.taux) : t;
  const detail = majore
    ? `${commun} droit commun + ${pct(new Decimal(maj.taux))} (CDDU de 3 mois au plus)${specifique}`
    : `${commun} droit commun${specifique}`;
  const confiance = majore && maj.confiance !== "H" ? maj.confiance : base.confiance;
  return { taux, detail, majore, effetDu: v.effetDu, confiance };
}
