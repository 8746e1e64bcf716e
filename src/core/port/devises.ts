import Decimal from "decimal.js";
import { CODES_DEVISES } from "../money/devises";
import { decimalFr } from "../util/texte";

/**
 * The currency a number format shows (« [$$-409]#,##0.00 », « #,##0.00 [$USD] », « [$£-809]#,##0 », « $#,##0 »,
 * « #,##0.00 "CHF" »), read from the format's own syntax: the symbol of a « [$symbole-langue] » block, a currency
 * sign or an ISO code written as literal text (quoted, escaped by « \ » or bare). Not the characters that only
 * reserve a width (« _$ ») or fill the cell (« *$ »), nor the text of a condition or a colour (« [>=100] », « [Red] »).
 */

/** The euro, however a format writes it: « € », « EUR », « [$€-40C] », « [$EUR] ». */
const EURO = /^(€|eur|euros?)$/i;
/** A currency sign (Unicode category Sc) other than the euro: $, £, ¥, ₹, ₩, ₽, ₺, ₪, ₱, ฿, ¢… */
const SIGNE = /(?!€)\p{Sc}/u;
/** Currency codes written as text in a format (« "CHF" #,##0.00 »): those the typed-text reading names. */
const CODE = new RegExp(`(?<![A-Za-z])(${CODES_DEVISES.join("|")})(?![A-Za-z])`);

/**
 * The currency `fmt` shows when it is not the euro (« $ », « USD », « £ », « CHF »), or « k€ » / « M€ » when it
 * shows thousands or millions of euros without scaling the number (« #,##0 "k€" »: 50 shows « 50 k€ »); undefined
 * for the euro, for no currency, and for an empty or missing format.
 */
export function deviseDuFormat(fmt: string | undefined | null): string | undefined {
  if (!fmt) return undefined;
  // Memoised: a sheet has a handful of formats for thousands of cells.
  let d = DEVISES.get(fmt);
  if (d === undefined) {
    if (DEVISES.size > 1000) DEVISES.clear();
    d = lireDevise(fmt) ?? null;
    DEVISES.set(fmt, d);
  }
  return d ?? undefined;
}

const DEVISES = new Map<string, string | null>();

function lireDevise(fmt: string): string | undefined {
  let litteral = "";
  let bloc: string | undefined;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '"') {
      const j = fmt.indexOf('"', i + 1);
      const fin = j < 0 ? fmt.length : j;
      litteral += ` ${fmt.slice(i + 1, fin)} `;
      i = fin;
    } else if (c === "\\") {
      litteral += fmt[++i] ?? "";
    } else if (c === "_" || c === "*") {
      i++; // « _x » reserves the width of x, « *x » fills the cell with x: neither says a currency
    } else if (c === "[") {
      const j = fmt.indexOf("]", i + 1);
      const fin = j < 0 ? fmt.length : j;
      const contenu = fmt.slice(i + 1, fin);
      // « [$symbole-langue] »: « [$-40C] » (a language alone) shows no currency.
      if (contenu.startsWith("$")) {
        const symbole = contenu.slice(1).split("-")[0].trim();
        if (symbole && !EURO.test(symbole)) bloc ??= symbole;
      }
      i = fin;
    } else litteral += c;
  }
  if (bloc) return bloc;
  // « 50 k€ » typed as 50 under « #,##0 "k€" »: the cell holds 50, it shows thousands of euros. Only a format that
  // scales the number itself (« #,##0, "k€" » shows 12 000 as « 12 k€ ») holds euros.
  const echelle = ECHELLE.exec(litteral);
  if (echelle) {
    const mille = echelle[1].toLowerCase() === "k";
    if (virgulesEchelle(fmt) !== (mille ? 1 : 2)) return mille ? "k€" : "M€";
  }
  return SIGNE.exec(litteral)?.[0] ?? CODE.exec(litteral)?.[0];
}

/** « k€ », « K€ », « kEUR », « M€ » written as literal text in a format: thousands or millions of euros. */
const ECHELLE = /(?:^|[^a-z])([km])\s*(?:€|eur)/i;

/**
 * How many times a number format divides the number it shows by 1 000 (« #,##0, "k€" »: 1; « 0,, » : 2; 0 for none or
 * no format): the cell holds euros, however its format shows them.
 */
export function echelleDuFormat(fmt: string | undefined | null): number {
  return fmt ? virgulesEchelle(fmt) : 0;
}

/**
 * The scaling commas of a format's first section: those right after its last digit placeholder (« #,##0, » divides
 * by 1 000, « 0,, » by 1 000 000); a comma between placeholders only groups thousands.
 */
function virgulesEchelle(fmt: string): number {
  let dernier = -1;
  let n = 0;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === ";") break;
    if (c === '"' || c === "[") {
      const j = fmt.indexOf(c === '"' ? '"' : "]", i + 1);
      i = j < 0 ? fmt.length : j;
    } else if (c === "\\" || c === "_" || c === "*") i++;
    else if (c === "0" || c === "#" || c === "?") {
      dernier = i;
      n = 0;
    } else if (c === "," && dernier >= 0 && i === dernier + 1 + n) n++;
  }
  return n;
}

/** A number format that shows a percentage (« 0 % », « 0.00% »): the number is a rate, not an amount. */
export function estFormatPourcentage(fmt: string | undefined | null): boolean {
  return !!fmt && fmt.includes("%");
}

/**
 * A number shown with a percentage format, as the cell shows it in French: 0.5 → « 50 % », 0.125 → « 12,5 % », 15 →
 * « 1 500 % » (grouped by a narrow no-break space, as formatMontantFr groups amounts), −0.05 → « −5 % » (the minus sign
 * U+2212); never an exponent (1e-7 → « 0,00001 % »). Twelve significant digits: 0.07 is « 7 % », not 7,000000000000001.
 */
export function pourcentageAffiche(v: number): string {
  return `${decimalFr(new Decimal((v * 100).toPrecision(12)).toFixed())} %`;
}
