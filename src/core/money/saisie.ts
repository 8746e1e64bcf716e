import Decimal from "decimal.js";
import { cents, type Cents, MONTANT_MAX_CENTIMES } from "./cents";
import { formatMontantFr } from "./format";
import { phraseDeviseEcrite } from "./messages";
import { analyserMontant, analyserNombre } from "./parse";
import { decimalFr } from "../util/texte";

/**
 * A value typed in a form field (the pane's amounts, durations, counts), read by the same parser as the devis
 * cells, the `PROD.*` arguments and the CLI options. `vide` when nothing was typed; `refus` carries the French
 * message the pane shows right under the field (the field's label says what it is, the message says why).
 */
export type Saisie<T> = { type: "vide" } | { type: "ok"; valeur: T } | { type: "refus"; message: string };

/** 12.5 → « 12,5 »; 12500 → « 12 500 » (grouped as `formatMontantFr` does: « 12 500 » is not ambiguous). */
const nombreFr = (d: Decimal): string => decimalFr(d.toFixed());

/**
 * One reading of an ambiguous amount, exact: « 12,50 € », « 12 500 € » (whole euros without « ,00 »), « 12,345 € »
 * (a reading with more than two decimals is not rounded).
 */
function euros(d: Decimal): string {
  if (d.isInteger()) return `${nombreFr(d)}\u00a0€`;
  if (d.times(100).isInteger()) return `${nombreFr(d).replace(/,(\d)$/, ",$10")}\u00a0€`;
  return `${nombreFr(d)}\u00a0€`;
}

/**
 * An amount in euros: « 12.500 » is refused naming both readings (« 12,50 € ou 12 500 € ? »), « 0,125 » naming
 * its rounding, a 16-digit reference naming the limit; `positif` also refuses 0 and below, `nonNegatif` below 0.
 */
export function saisieMontant(texte: string, { positif = false, nonNegatif = false } = {}): Saisie<Cents> {
  const t = texte.trim();
  if (t === "") return { type: "vide" };
  const n = analyserNombre(t);
  if (n.type === "ambigu")
    return {
      type: "refus",
      message:
        `« ${t} » : ${euros(n.decimale)} ou ${euros(n.milliers)} ? ` +
        `Écrivez « ${nombreFr(n.decimale)} » ou « ${nombreFr(n.milliers)} ».`,
    };
  const a = analyserMontant(t);
  switch (a.type) {
    case "ambigu": // already answered above (same parser, same text)
      return { type: "refus", message: `« ${t} » : montant ambigu.` };
    case "hors-limite":
      return {
        type: "refus",
        message:
          `« ${t} » dépasse la limite de Prodbook (± ${formatMontantFr(cents(MONTANT_MAX_CENTIMES))}) : ` +
          `un numéro ou une référence a-t-il été saisi à la place d'un montant ?`,
      };
    case "invalide":
      if (a.devise) return { type: "refus", message: `« ${t} » : ${phraseDeviseEcrite(a.devise)}.` };
      return { type: "refus", message: `« ${t} » n'est pas un montant en euros (ex. 3 000 000 ou 12 500,50).` };
  }
  if (a.sousCentime)
    return {
      type: "refus",
      message: `« ${t} » a plus de deux décimales : écrivez le montant au centime près (« ${nombreFr(
        new Decimal(a.cents).dividedBy(100),
      )} » ?).`,
    };
  if (positif && a.cents <= 0) return { type: "refus", message: `Un montant supérieur à 0 est attendu (« ${t} »).` };
  if (nonNegatif && a.cents < 0) return { type: "refus", message: `Un montant positif ou nul est attendu (« ${t} »).` };
  return { type: "ok", valeur: a.cents };
}

/**
 * A number (a duration in minutes, a count of days): « 1.500 » is refused naming both readings; `entier` refuses
 * decimals, `min` (with `strict`: above it) and `max` the values out of range; `unite` names what is counted in the messages.
 */
export function saisieNombre(
  texte: string,
  {
    unite,
    min,
    max,
    strict = false,
    entier = false,
  }: { unite: string; min?: number; max?: number; strict?: boolean; entier?: boolean },
): Saisie<Decimal> {
  const t = texte.trim();
  if (t === "") return { type: "vide" };
  const a = analyserNombre(t);
  if (a.type === "ambigu")
    return {
      type: "refus",
      message:
        `« ${t} » : ${nombreFr(a.decimale)} ou ${nombreFr(a.milliers)} ${unite} ? ` +
        `Écrivez « ${nombreFr(a.decimale)} » ou « ${nombreFr(a.milliers)} ».`,
    };
  if (a.type === "invalide") return { type: "refus", message: `« ${t} » n'est pas un nombre de ${unite}.` };
  const v = a.valeur;
  if (entier && !v.isInteger())
    return { type: "refus", message: `Un nombre entier de ${unite} est attendu (« ${t} »).` };
  if (min !== undefined && (strict ? v.lessThanOrEqualTo(min) : v.lessThan(min)))
    return {
      type: "refus",
      message: `Un nombre de ${unite} ${strict ? "supérieur à" : "d'au moins"} ${nombreFr(new Decimal(min))} est attendu (« ${t} »).`,
    };
  if (max !== undefined && v.greaterThan(max))
    return {
      type: "refus",
      message: `Un nombre de ${unite} d'au plus ${nombreFr(new Decimal(max))} est attendu (« ${t} »).`,
    };
  return { type: "ok", valeur: v };
}

/**
 * The longest duration taken, in minutes: past any œuvre one devis covers (a daily soap's season is about 7 000 min).
 * More is a date, an amount or a reference typed instead (the bound of the pane's field, the CLI's --duree and src/app).
 */
export const DUREE_MAX_MINUTES = 100_000;

/**
 * The duration of a work in minutes, above 0 (the production context's « Durée (minutes) », the CLI's --duree). A
 * duration written with its units (« 1h30 ») is refused, its minutes named in the form asked for: never taken unsaid.
 */
export function saisieDuree(texte: string): Saisie<Decimal> {
  const s = saisieNombre(texte, { unite: "minutes", min: 0, strict: true, max: DUREE_MAX_MINUTES });
  const m = s.type === "refus" ? minutesEcrites(texte) : undefined;
  return s.type === "refus" && m !== undefined
    ? { ...s, message: `${s.message.replace(/\.$/, "")} : écrivez « ${m} ».` }
    : s;
}

/**
 * A duration written with its units (« 1h30 », « 1 h 30 min », « 52 min », « 90' », « 2h »): its whole minutes, when
 * above 0 and at most DUREE_MAX_MINUTES; else undefined.
 */
export function minutesEcrites(valeur: string): number | undefined {
  const v = valeur.trim().toLowerCase();
  const hm = /^(\d{1,3})\s*h(?:eures?)?\s*(?:(\d{1,2})\s*(?:min(?:utes?)?|mn|')?)?$/.exec(v);
  const mn = /^(\d{1,6})\s*(?:min(?:utes?)?|mn|'|’)$/.exec(v);
  const m = hm ? Number(hm[1]) * 60 + Number(hm[2] ?? 0) : mn ? Number(mn[1]) : undefined;
  return m !== undefined && m > 0 && m <= DUREE_MAX_MINUTES ? m : undefined;
}

/** A year of expenses, four digits (« 2026 »); required (an empty field is refused too). */
export function saisieAnnee(texte: string): Saisie<number> {
  const t = texte.trim();
  if (t === "") return { type: "refus", message: "L'année des dépenses est attendue (« 2026 »)." };
  return /^\d{4}$/.test(t)
    ? { type: "ok", valeur: Number(t) }
    : { type: "refus", message: `« ${t} » n'est pas une année : quatre chiffres sont attendus (« 2026 »).` };
}
