import { analyserNombre, type Cents, type Convention } from "../money";
import { MONTANT_MAX_CENTIMES, eurosToCents } from "../money/cents";
import { deviseEcrite } from "../money/devises";
import { normaliser } from "../util/texte";

/**
 * A unit of thousands or millions of euros (« k€ », « KEUR », « milliers d'euros », « en milliers », « M€ », « MEUR »,
 * « millions d'euros »), on normalised text (lower case, no accents), its groups telling which.
 */
const UNITE =
  String.raw`(?:(k ?€|k ?eur(?:o?s)?|keur(?:o?s)?|milliers?(?: (?:d'|de )?(?:euros?|€))?)|` +
  String.raw`(m ?€|m ?eur(?:o?s)?|meur(?:o?s)?|millions?(?: (?:d'|de )?(?:euros?|€))?))`;

/**
 * The unit written as such (not a figure: « 850 k€ » states an amount, not the unit of a column); « milliers » and
 * « millions » alone only after « en » or « ( » (« en milliers », « (millions) »).
 */
const ECHELLE = new RegExp(String.raw`(?<![\p{L}\d])(?<!\d[ .,])${UNITE}(?![\p{L}\d])`, "u");

/** 1 000 for a text stating thousands of euros, 1 000 000 for millions; undefined otherwise. */
export function echelleDite(texte: string): 1000 | 1000000 | undefined {
  if (!/k|milli|m ?€|meur|m ?eur/i.test(texte)) return undefined;
  const s = normaliser(texte);
  const m = ECHELLE.exec(s);
  if (!m) return undefined;
  const mot = m[1] ?? m[2];
  // « milliers », « millions » alone say a unit only after « en » or « ( ».
  if (/^milli(er|on)s?$/.test(mot) && !/(\ben |\()$/.test(s.slice(0, m.index))) return undefined;
  return m[1] !== undefined ? 1000 : 1000000;
}

/** True when the (raw) text states that its figures are thousands (or millions) of euros. */
export function ditMilliers(texte: string): boolean {
  return echelleDite(texte) !== undefined;
}

/**
 * A header's normalised text without the thousands- or millions-of-euros unit it states: « montant (k€) »,
 * « montant en k€ », « total keur », « budget (en milliers d'euros) », « montant (m€) » → « montant », « total »,
 * « budget »; the unit alone (« keur », « k€ », « en milliers d'euros ») → « montant ». Any other text is returned as
 * it is.
 */
export function sansUniteMilliers(s: string): string {
  if (!ditMilliers(s)) return s;
  const t = s
    .replace(new RegExp(String.raw`\(\s*(?:en |montants? en )?${UNITE}(?: ht)?\s*\)`, "g"), " ")
    .replace(new RegExp(String.raw`(?:^|[\s,;:-]+)(?:en |montants? en )?${UNITE}(?= ht$|$)`), " ")
    .replace(/\s+/g, " ")
    .trim();
  return t === "" || t === "en" || t === "ht" ? "montant" + (t === "ht" ? " ht" : "") : t;
}

/** Every statement of the unit in a normalised text (ECHELLE, global). */
const ECHELLES = new RegExp(ECHELLE.source, "gu");

/** What a column's header may be named (« Montant (k€) »): a note holding one needs a verb or a mark (MARQUES_NOTE). */
const NOMS =
  "montant montants chiffre chiffres somme sommes valeur valeurs prix cout couts budget budgets donnee donnees";
/** The verbs and marks of a note (« … sont exprimés en k€ », « Unité : k€ », « N.B. »). */
const MARQUES =
  "tous toutes tout ensemble sont est exprime exprimes exprimee exprimees indique indiques indiquee indiquees donne " +
  "donnes presente presentes affiche affiches unite unites note nota nb";
const motsDe = (...listes: string[]) => new Set(listes.join(" ").split(" "));
const NOMS_NOTE = motsDe(NOMS);
const MARQUES_NOTE = motsDe(MARQUES);
/**
 * The words a note stating the unit of the amounts may hold besides the unit (« Montants exprimés en milliers
 * d'euros », « * Tous les montants sont en k€ HT », « Unité : k€ »), normalised. Any other word (« Location k€
 * matériel », « Total k€ », « Source : … ») makes the text something else than such a note.
 */
const MOTS_NOTE = motsDe(NOMS, MARQUES, "les des du de la le l d en n b hors taxe taxes ht ttc");
/** Words of such a note that say what the unit is of (a lone « k€ » is not a note: parentheses or one of these). */
const SUJETS_NOTE = motsDe(NOMS, "en unite unites");

/**
 * 1 000 or 1 000 000 when the (raw) text is a note that states the unit of the amounts and nothing else (« Montants
 * exprimés en milliers d'euros », « (en k€) », « Unité : k€ »): no figure, every other word among those such a note
 * holds, all its units the same; undefined for any other text, a devis line's label among them (« Location k€
 * matériel »). `phrase`: and not worded as a column's header (« Montant (k€) »), for a cell on the header's rows.
 */
export function noteDUnite(texte: string, phrase = false): 1000 | 1000000 | undefined {
  if (texte.length > 120 || /\d/.test(texte)) return undefined;
  const facteur = echelleDite(texte);
  if (!facteur) return undefined;
  const s = normaliser(texte);
  let memes = true;
  const reste = s.replace(ECHELLES, (_m, k: string | undefined) => {
    if ((k !== undefined ? 1000 : 1000000) !== facteur) memes = false;
    return " ";
  });
  if (!memes) return undefined;
  const mots = reste
    .replace(/[()*:;,.!'\-–—/]/g, " ")
    .split(" ")
    .filter(Boolean);
  if (!mots.every((m) => MOTS_NOTE.has(m))) return undefined;
  // `phrase`: not a column's header (« Montant (k€) », « Budget en k€ »): a sentence (« … sont exprimés en k€ »), a
  // marked note (« Unité : », « N.B. », « * ») or the unit alone (« (en k€) »).
  if (phrase && mots.some((m) => NOMS_NOTE.has(m)) && !mots.some((m) => MARQUES_NOTE.has(m)) && !/^\s*\*/.test(s))
    return undefined;
  const entreParentheses = /\(\s*(?:en\s*)?$/.test(s.slice(0, s.search(ECHELLE))) || /^\(.*\)$/.test(s);
  return entreParentheses || mots.some((m) => SUJETS_NOTE.has(m)) ? facteur : undefined;
}

/**
 * A figure followed by a unit of thousands or millions of euros and nothing else (« 50 k€ », « 1,2 M€ HT »), or the
 * whole in an accountant's parentheses (« (3 k€) », a negative amount): group 3 is that closing parenthesis.
 */
const FIGURE_UNITE =
  /^\s*([-+\u2212(]?\s*\d[\d\s\u00a0\u202f.,']*\)?)\s*([km]\s?(?:€|eur(?:o?s)?))\s*(?:ht|ttc)?\s*(\))?\s*$/i;

/**
 * A text typed in the amount column as a figure with its unit of thousands or millions of euros (« 50 k€ »,
 * « 12,5 kEUR HT », « 1,2 M€ », « (3 k€) » for −3 000,00 €): its value in euros, exact (50 000,00 €), read with the
 * sheet's convention; `ambigu` when the figure is (« 12.500 k€ »); undefined for any other text or beyond the cents'
 * limit. The import names such a cell (« n'est pas un montant ») and does not count it: this value is what
 * conservation reads in it.
 */
export function montantAvecUnite(texte: string, convention?: Convention): Cents | "ambigu" | undefined {
  const m = FIGURE_UNITE.exec(texte);
  if (!m) return undefined;
  // « (3 k€) »: the parenthesis opened before the figure closes after the unit (never twice, never alone).
  if (m[3] && (!m[1].trimStart().startsWith("(") || m[1].includes(")"))) return undefined;
  const facteur = echelleDite(m[2]);
  if (!facteur) return undefined;
  return enEuros(m[1].replace(/\u2212/g, "-") + (m[3] ?? ""), facteur, convention);
}

/** A figure (read with the sheet's convention) times `facteur`, in cents; `ambigu` or undefined as montantAvecUnite. */
function enEuros(figure: string, facteur: number, convention?: Convention): Cents | "ambigu" | undefined {
  const n = analyserNombre(figure, convention);
  if (n.type === "ambigu") return "ambigu";
  if (n.type !== "nombre") return undefined;
  const euros = n.valeur.times(facteur);
  if (euros.times(100).abs().greaterThan(MONTANT_MAX_CENTIMES)) return undefined;
  return eurosToCents(euros);
}

/** The period of a rate, normalised text → its French name after « par » (« jour », « semaine »…). */
const PERIODES: readonly [RegExp, string][] = [
  [/^(?:j|jr|jrs|jour|jours|journee|journees|day|days)$/, "jour"],
  [/^(?:sem|semaine|semaines|week|weeks|wk)$/, "semaine"],
  [/^(?:h|hr|heure|heures|hour|hours)$/, "heure"],
  [/^(?:mois|month|months)$/, "mois"],
  [/^(?:nuit|nuits|nuitee|nuitees|night|nights)$/, "nuit"],
  [/^(?:cachet|cachets)$/, "cachet"],
  [/^(?:episode|episodes|ep)$/, "épisode"],
];

/** A figure, euros or not, then « / » or « par » and a period (« 50 €/jour », « 300 € HT / sem. », « 80 € par h »). */
const TARIF =
  /^\s*([-+\u2212]?\s*\d[\d\s\u00a0\u202f.,']*?)\s*(?:€|eur(?:o?s)?)?\s*(?:ht|ttc)?\s*(?:\/|par\b)\s*([a-z]+)\.?\s*(?:ht|ttc)?\s*$/;

/**
 * A rate typed in the amount column (« 50 €/jour », « 300 €/sem », « 1 200 € par semaine »): the figure in cents
 * (read with the sheet's convention; `ambigu` for « 12.500 €/sem » without one) and the period's French name, or
 * undefined for any other text. The import names such a cell (montant-tarif) and never takes it as the line's amount;
 * conservation reads it at that figure and lists it.
 */
export function tarifEcrit(
  texte: string,
  convention?: Convention,
): { montant: Cents | "ambigu"; periode: string } | undefined {
  if (!/\d/.test(texte) || !/\/|par/i.test(texte)) return undefined;
  const m = TARIF.exec(normaliser(texte));
  if (!m) return undefined;
  const periode = PERIODES.find(([re]) => re.test(m[2]))?.[1];
  if (!periode) return undefined;
  const montant = enEuros(m[1].replace(/\u2212/g, "-"), 1, convention);
  return montant === undefined ? undefined : { montant, periode };
}

/** A figure, « / », « par » or « per », a period (« 500 $/day », « 500 USD / jour », « 80 £ per hour »). */
const TARIF_AUTRE = /^\s*(.+?)\s*(?:\/|\bpar\b|\bper\b)\s*(\p{L}+)\.?\s*$/iu;

/**
 * A rate written in another currency than the euro (« 500 $/day », « 500 USD/jour », « 80 £ par heure »): the
 * currency's French name (« dollars ») and the period's (« jour »); undefined for any other text (a rate in euros
 * is tarifEcrit's). Never converted: the import names the cell (montant-devise) and does not count the line.
 */
export function tarifEnDevise(texte: string): { devise: string; periode: string } | undefined {
  if (!/\d/.test(texte) || texte.length > 60) return undefined;
  const m = TARIF_AUTRE.exec(texte);
  if (!m) return undefined;
  const p = normaliser(m[2]);
  const periode = PERIODES.find(([re]) => re.test(p))?.[1];
  const devise = periode ? deviseEcrite(m[1]) : undefined;
  return devise && periode ? { devise, periode } : undefined;
}
