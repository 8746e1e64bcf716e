import Decimal from "decimal.js";
import type { AnalyseMontant, AnalyseNombre } from "./parse";
import type { Cents } from "./cents";
import { formatMontantFr } from "./format";

/** 12.5 → "12,5" (a number as a French reader writes it, without grouping). */
function nombreFr(d: Decimal): string {
  return d.toFixed().replace(".", ",");
}

/**
 * After a quoted text beyond ±2^51 cents (a 16-digit reference pasted as an amount), in the FEC and grand livre
 * readers: why the line is refused, in the devis' words (see MontantAberrantError).
 */
export const HORS_LIMITE =
  "n'est pas un montant plausible (au-delà de ± 22 517 998 136 852,48 €), sans doute un numéro ou une référence " +
  "collé à la place d'un montant";

/**
 * A number shown in another currency than the euro, named: « 1 500,00 $ est affiché en « $ » (format de nombre
 * « [$$-409]#,##0.00 »), pas en euros » — the devis and the financement plan say it alike.
 */
export function phraseMontantDevise(montant: Cents, devise: string, format: string): string {
  return (
    `${formatMontantFr(montant, false)}\u00a0${devise} est affiché en « ${devise} » (format de nombre « ${format} »), ` +
    `pas en euros`
  );
}

/**
 * Why such a number is not counted, in brackets: no exchange rate at run time; for a format showing thousands or
 * millions of euros (« k€ », « M€ », the number not scaled by the format), the cell holds 50 where 50 000 € is meant.
 */
export function pourquoiNonCompte(devise: string): string {
  if (devise === "k€") return "(la cellule contient ce nombre, pas 1 000 fois plus : Prodbook ne devine pas l'échelle)";
  if (devise === "M€")
    return "(la cellule contient ce nombre, pas 1 000 000 fois plus : Prodbook ne devine pas l'échelle)";
  return "(aucun taux de change n'est appliqué)";
}

/** What to do about it, after « Convertissez-le » / « Convertissez le montant ». */
export const CONSEIL_DEVISE = "en euros et donnez à la cellule un format en € ou sans devise, puis relancez.";

/**
 * Why a figure written in another currency is refused (« montant en dollars US : Prodbook ne convertit pas,
 * convertissez en euros »): one wording for the devis, the financement plan, the PROD.* arguments and the CLI.
 */
export function phraseDeviseEcrite(devise: string): string {
  return `montant en ${devise} : Prodbook ne convertit pas, convertissez en euros`;
}

/**
 * Why a value typed by the user (a function argument, a CLI option) is refused as an amount; `sujet` names it
 * (« L'argument « montant » », « L'option --cout »).
 */
export function messageMontantRefuse(
  a: Exclude<AnalyseMontant, { type: "montant" }>,
  sujet: string,
  valeur: string | number,
): string {
  switch (a.type) {
    case "ambigu":
      return (
        `${sujet} : « ${valeur} » peut se lire ${formatMontantFr(a.decimale)} ou ${formatMontantFr(a.milliers)} ; ` +
        `écrivez « ${nombreFr(new Decimal(a.decimale).dividedBy(100))} » ou « ${nombreFr(
          new Decimal(a.milliers).dividedBy(100),
        )} ».`
      );
    case "hors-limite":
      return (
        `${sujet} : « ${valeur} » dépasse la limite de Prodbook (± 22 517 998 136 852,48 €) : ` +
        `un numéro ou une référence a-t-il été saisi à la place d'un montant ?`
      );
    default:
      return a.devise
        ? `${sujet} (« ${valeur} ») : ${phraseDeviseEcrite(a.devise)}.`
        : `${sujet} (« ${valeur} ») n'est pas un montant.`;
  }
}

/** Why a value typed by the user is refused as a number (quantity, duration, rate in euros). */
export function messageNombreRefuse(
  a: Exclude<AnalyseNombre, { type: "nombre" }>,
  sujet: string,
  valeur: string | number,
): string {
  if (a.type === "ambigu")
    return (
      `${sujet} : « ${valeur} » peut se lire ${nombreFr(a.decimale)} ou ${nombreFr(a.milliers)} ; ` +
      `écrivez « ${nombreFr(a.decimale)} » ou « ${nombreFr(a.milliers)} ».`
    );
  return `${sujet} (« ${valeur} ») n'est pas un nombre.`;
}
