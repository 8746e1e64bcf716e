import { signeMoinsFr } from "../money/format";
import { fusionnerPeriodes, type Periode, type PeriodeVersion } from "./periodes";

/** Lower case, no accents, single spaces: the key used to match headers and labels. */
export function normaliser(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u00a0\u202f\u2009]/g, " ")
    .replace(/[’']/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Imported text that Excel would read as a formula (= + - @) is kept as text by the adapters; this tells which. */
export function ressembleAFormule(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** 1048576 → "1 048 576": a count in a French message (money has its own formatter). */
export function milliers(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/**
 * « 12.5 » → « 12,5 », « 12500 » → « 12 500 », « -0.25 » → « −0,25 »: an exact decimal written as a plain string
 * (Decimal#toFixed()) in French, digit groups split by a narrow no-break space and a negative one signed with the minus
 * sign U+2212, as `formatMontantFr` does.
 */
export function decimalFr(s: string): string {
  const [entier, dec] = signeMoinsFr(s).split(".");
  // At most three digits (a comparison's quantities and rates, 5 000 lines): nothing to group, no regular expression.
  const groupe = entier.length <= 3 ? entier : entier.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return dec ? `${groupe},${dec}` : groupe;
}

/**
 * 26.5 → « 26,5 », 1500 → « 1 500 »: a number of minutes in a French text, as « Durée : 26,5 min » writes it.
 * Undefined only where the caller's own test already excludes it (a duration typed as optional): written « ? ».
 */
export const minutesFr = (minutes: number | { toString(): string } | undefined) =>
  minutes === undefined ? "?" : decimalFr(String(minutes));

/**
 * (3, "jour") → "3 jours", (1, "nuit") → "1 nuit", (2, "jour-personne", "jours-personne"): a count and its noun in a
 * French message, plural from 2 on (0 and 1 take the singular), a no-break space between them.
 */
export function pluriel(n: number, singulier: string, formePlurielle = `${singulier}s`): string {
  const [entier, decimales] = String(Math.abs(n)).split(".");
  const nombre = `${n < 0 ? "-" : ""}${milliers(Number(entier))}${decimales ? `,${decimales}` : ""}`;
  return `${nombre}\u00a0${Math.abs(n) >= 2 ? formePlurielle : singulier}`;
}

/** The months in French, lower case (« janvier » … « décembre »). */
export const MOIS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
] as const;

/** « septembre 2025 » for « 2025-09 » (or an ISO date « 2025-09-01 »): a month in words; anything else as it is. */
export function moisEnLettres(mois: string): string {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?$/.exec(mois);
  const nom = m ? MOIS[Number(m[2]) - 1] : undefined;
  return m && nom ? `${nom}\u00a0${m[1]}` : mois;
}

/** "2013-12-12" (or an ISO date-time) → « 12 décembre 2013 », « 1er janvier 2016 »; anything else as it is. */
export function dateEnLettres(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  const jour = Number(m[3]);
  return `${jour === 1 ? "1er" : jour}\u00a0${MOIS[Number(m[2]) - 1]}\u00a0${m[1]}`;
}

/**
 * A rule's period in words, as messages write it: « du 1er janvier 2016 à ce jour », « du 1er janvier 2021 au
 * 31 décembre 2024 » (`au` absent: still in force).
 */
export function periodeEnLettres(du: string, au?: string): string {
  return `du ${dateEnLettres(du)} ${au ? `au ${dateEnLettres(au)}` : "à ce jour"}`;
}

/**
 * Periods in words, joined by commas: « du 1er janvier 2016 au 31 décembre 2020, du 1er janvier 2022 à ce jour ».
 */
export function listePeriodesEnLettres(periodes: readonly Periode[]): string {
  return periodes.map((p) => periodeEnLettres(p.du, p.au)).join(", ");
}

/**
 * The periods a table's versions cover, in words, successive versions merged (fusionnerPeriodes): a version that
 * starts the day after the previous one ends adds no gap (« du 1er janvier 2016 au 31 janvier 2023, du 1er février
 * 2023 à ce jour » is one period, « du 1er janvier 2016 à ce jour »); a gap between versions stays visible.
 */
export function periodesEnLettres(versions: readonly PeriodeVersion[]): string {
  return listePeriodesEnLettres(fusionnerPeriodes(versions));
}

/**
 * The no-break spaces of French typography, one function for the pane (veillerTypographie: every text it shows) and
 * the CLI (its text output and messages, src/cli/io.ts): the space after « and before » and « : » becomes a no-break
 * space U+00A0, the one before « ; », « ? » and « ! » a narrow no-break space U+202F (a no-break space already there
 * too), so the sign never starts a line; so do the space of « 60 % » and those between the digit groups of
 * « 3 000 000 » (U+00A0, as formatMontantFr and formatPourcentFr write them), so a number is never cut at the end of a
 * line. A year followed by a number (« 2026 150 ») is not a group of three: left as it is. Only spaces change.
 */
export function espacesInsecables(s: string): string {
  return s
    .replace(/«[ \t\n]/g, "«\u00a0")
    .replace(/[ \t\n]»/g, "\u00a0»")
    .replace(/ :/g, "\u00a0:")
    .replace(/[ \u00a0]([;?!])/g, "\u202f$1")
    .replace(/(\d) %/g, "$1\u00a0%")
    .replace(/(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)/g, (n) => n.replace(/ /g, "\u00a0"));
}

/** « 2026-05-01 » → « 01/05/2026 »: an ISO date as messages write it. */
export function dateFr(iso: string): string {
  const [a, m, j] = iso.split("-");
  return `${j}/${m}/${a}`;
}
