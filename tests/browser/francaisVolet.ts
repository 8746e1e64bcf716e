import type { Page } from "playwright-core";
import { TITRES_CONSTATS } from "../../src/core/controles/titres";
import { tablesRegles } from "../../src/core/regles/audit";

/**
 * Faults of French presentation in a text the pane shows: an ordinary (breakable) space before : ; ? ! » or after «,
 * before « % » or between the digit groups of a number, a « (s) » plural, a date « 01/07/2025 » or an ISO week
 * « 2026-W20 », a rule table's id or a finding's code (« montant-calcul »), a negative number with the hyphen-minus
 * (« écart -1 200,00 € » where the pane writes « −1 200,00 € »), what a program prints for a missing value
 * (« undefined », « NaN », « [object Object] ») or a CLI option (« --json », « prodbook fec »). Each is given with what
 * surrounds it.
 */
export function fautes(texte: string): string[] {
  const ids = [...tablesRegles().map((t) => t.id), ...Object.keys(TITRES_CONSTATS)];
  const motifs = [
    /\S {1,}[:;?!»]|« /g,
    // « 60 % » and « 3 000 000 » cut at the end of a line: an ordinary space before % or between digit groups.
    /\d %|(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)/g,
    /\p{L}\(s\)/gu,
    // An example of what to type, in guillemets (« écrivez-la comme « 15/04/2026 » »), is not a date shown.
    /(?<!«[\u00a0 ])\b\d{2}\/\d{2}\/\d{4}\b/g,
    /\b\d{4}-W\d{2}\b/g,
    /(^|[\s(«=])-\d/gm,
    /\bundefined\b|\bNaN\b|\[object \w+\]|(^|\s)--[a-z]|\bprodbook [a-z]/gm,
    new RegExp(`(?<![\\w-])(${ids.map((i) => i.replace(/-/g, "\\-")).join("|")})(?![\\w-])`, "g"),
  ];
  return motifs.flatMap((m) =>
    [...texte.matchAll(m)].map((x) => texte.slice(Math.max(0, x.index - 30), x.index + x[0].length + 10)),
  );
}

/** Words a count agrees with, singular: « 2 ligne » or « 1 lignes » is a wrong plural. */
const COMPTES = [
  "ligne",
  "constat",
  "erreur",
  "alerte",
  "information",
  "compte",
  "jour",
  "chapitre",
  "feuille",
  "poste",
  "version",
  "semaine",
  "étape",
  "écriture",
  "barème",
  "source",
  "colonne",
  "changement",
  "financement",
  "correspondance",
  "cellule",
  "bloc",
  "minute",
  "heure",
];

/**
 * What a French reader stumbles on beyond typography (fautes): an ISO date « 2026-03-12 » or month « 2026-03 » (the
 * pane writes « 12 mars 2026 », « mars 2026 »), a plural that disagrees with its count (« 1 lignes », « 3 ligne »), a
 * program's error shown as is (« Erreur interne », « Cannot read properties of undefined », « Invalid time value »), and
 * English words a library left in (« Close », « Loading », « Previous month »…).
 */
export function fautesDeLecture(texte: string): string[] {
  const mots = COMPTES.join("|");
  const motifs = [
    /(?<![\w/.-])\d{4}-\d{2}-\d{2}(?![\w/.-])/g,
    // An ISO month (« de 2026-01 à 2026-06 »): the pane writes « janvier 2026 ».
    /(?<![\w/.-])\d{4}-(0[1-9]|1[0-2])(?![\w/.-])/g,
    new RegExp(`(?<![\\d,.\\u202f\\u00a0 ])[01][\\u00a0\\u202f ](${mots})s(?![\\p{L}])`, "gu"),
    new RegExp(
      `(?<![\\p{L}\\d,.])(?:[2-9]|[1-9](?:[\\d\\u202f\\u00a0]*\\d))[\\u00a0\\u202f ](${mots})(?![\\p{L}])`,
      "gu",
    ),
    // A program's error shown as is: « Erreur interne », a JavaScript or library message in English.
    /Erreur interne|\b(Cannot read|Cannot set|Failed to|is not a function|is not defined|Unexpected (token|end)|Invalid (Date|time value|argument))\b/g,
    /\b(Close|Dismiss|Loading|Go to today|Previous|Next|Select a date|Clear|Remove|Open|Error|Warning|Success|Search|Choose|Calendar|Show more|Show less|Expand|Collapse|selected|Today|No results|Sunday|Monday|January)\b/g,
  ];
  return motifs.flatMap((m) =>
    [...texte.matchAll(m)].map((x) => texte.slice(Math.max(0, x.index - 30), x.index + x[0].length + 10)),
  );
}

/**
 * Everything of the pane a user reads or hears now: the text shown (the page, its header and what is opened over it:
 * popups, tooltips) and the texts of the attributes (a field's placeholder, a native tooltip's title, the accessible
 * name and description of a control), of every element not hidden. Input values are left out (what the user typed).
 */
export async function textesDuVolet(page: Page): Promise<{ affiche: string; attributs: string[] }> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      if (e.closest("[hidden]")) return false;
      const s = getComputedStyle(e);
      return s.display !== "none" && s.visibility !== "hidden";
    };
    const attributs: string[] = [];
    for (const e of Array.from(document.body.querySelectorAll("[placeholder],[title],[aria-label],[aria-description]")))
      if (visible(e))
        for (const a of ["placeholder", "title", "aria-label", "aria-description"]) {
          const t = e.getAttribute(a);
          if (t) attributs.push(`${a}="${t}"`);
        }
    return { affiche: document.body.innerText, attributs };
  });
}
