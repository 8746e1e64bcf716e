import {
  baliseOuvrante,
  enfants,
  NS_MAIN,
  ouvertureModifiee,
  racine,
  remplacer,
  type Element,
  type Remplacement,
} from "./xml";

/**
 * Rows of height 0 (`<row ht="0">`, written by a tool or a macro that set the row's height to 0 rather than hiding
 * it): hidden to the user like a hidden row, whether or not `customHeight` says the height was set by hand. ExcelJS
 * drops a height of 0 (it reads no height and writes none: the row would come back shown), so such a row is given to
 * ExcelJS with hidden="1": read as hidden (`lignesMasquees`, the `lignes-masquees` finding) and saved hidden. So is a
 * row without a height of its own in a sheet whose rows are hidden by default (`<sheetFormatPr zeroHeight="1">`,
 * which ExcelJS ignores). The streaming reader (lectureMiseDeCote.ts) asks `cacheeParSaHauteur` of each row.
 */

const ignorer = () => {};
/** The tokenizer's callbacks these readers have no use for (text, closing tags, entities, comments…). */
const SANS_SUITE = {
  ontext: ignorer,
  onclosetag: ignorer,
  ontextentity: ignorer,
  onattribentity: ignorer,
  oncdata: ignorer,
  oncomment: ignorer,
  ondeclaration: ignorer,
  onprocessinginstruction: ignorer,
  onend: ignorer,
};

/** A row's `ht` attribute says a height of 0 (« 0 », « 0.0 »). */
export function hauteurNulle(ht: string | undefined): boolean {
  return ht !== undefined && ht.trim() !== "" && Number(ht) === 0;
}

/** A boolean attribute of the spreadsheet schema set (« 1 », « true »). */
const vrai = (x: string | undefined) => x !== undefined && (x.trim() === "1" || x.trim() === "true");

/**
 * `<sheetFormatPr zeroHeight="1">`: the sheet's default row height is 0, rows are hidden by default (Excel writes it
 * when every row below the used area was hidden, the visible ones then carry their own height). ExcelJS ignores it.
 */
export const hauteurZeroParDefaut = vrai;

/**
 * A row hidden to the user by its height: a height of 0, or, when the sheet's rows are hidden by default
 * (`zeroHeight`), no height of its own (no `customHeight` with a height above 0).
 */
export function cacheeParSaHauteur(
  ht: string | undefined,
  customHeight: string | undefined,
  zeroHeight: boolean,
): boolean {
  if (hauteurNulle(ht)) return true;
  return zeroHeight && !(vrai(customHeight) && ht !== undefined && Number(ht) > 0);
}

/**
 * The sheet's XML with hidden="1" on each row hidden by its height (`cacheeParSaHauteur`: of height 0, or without a
 * height of its own in a sheet whose rows are hidden by default) not said hidden, or undefined when there is none. The
 * rows' start tags are found by htmlparser2's tokenizer (as lignesRestituees.ts finds them) and edited at their
 * offsets: the attribute is added after the tag's name, or a hidden="0" replaced.
 */
export function masquerHauteursNulles(xml: string): string | undefined {
  // No height starting with 0 or « . » anywhere, no zeroHeight: no row to look at (the common case, one scan).
  if (!/\bht\s*=\s*["']\s*[0.]/.test(xml) && !/\bzeroHeight\s*=\s*["']\s*(?:1|true)/.test(xml)) return undefined;
  const { Tokenizer: Tok } = require("htmlparser2") as typeof import("htmlparser2");
  const remplacements: Remplacement[] = [];
  // The start tag being read, when it is a row: where its name ends, its ht, its hidden attribute (offsets, value).
  let row = false,
    format = false,
    zeroHeight = false,
    finNom = 0,
    attribut = "",
    debutAttribut = 0,
    valeur = "";
  let ht: string | undefined;
  let customHeight: string | undefined;
  let hidden: { debut: number; fin: number; valeur: string } | undefined;
  const finOuverture = () => {
    if (
      row &&
      cacheeParSaHauteur(ht, customHeight, zeroHeight) &&
      !(hidden && (hidden.valeur === "1" || hidden.valeur === "true"))
    )
      remplacements.push(
        hidden
          ? { debut: hidden.debut, fin: hidden.fin, texte: 'hidden="1"' }
          : { debut: finNom, fin: finNom, texte: ' hidden="1"' },
      );
    row = format = false;
  };
  const tok = new Tok(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname: (a, b) => {
        const nom = xml.slice(a, b);
        row = nom === "row" || nom.endsWith(":row");
        format = nom === "sheetFormatPr" || nom.endsWith(":sheetFormatPr");
        finNom = b;
        ht = customHeight = hidden = undefined;
      },
      onattribname: (a, b) => {
        if (!row && !format) return;
        attribut = xml.slice(a, b);
        debutAttribut = a;
        valeur = "";
      },
      onattribdata: (a, b) => {
        if (row || format) valeur += xml.slice(a, b);
      },
      // `fin`: just after the value and its closing quote.
      onattribend: (_q, fin) => {
        if (format) {
          if (attribut === "zeroHeight") zeroHeight = hauteurZeroParDefaut(valeur);
          return;
        }
        if (!row) return;
        if (attribut === "ht") ht = valeur;
        else if (attribut === "customHeight") customHeight = valeur;
        else if (attribut === "hidden") hidden = { debut: debutAttribut, fin, valeur };
      },
      onopentagend: finOuverture,
      onselfclosingtag: finOuverture,
      ...SANS_SUITE,
    },
  );
  tok.write(xml);
  tok.end();
  return remplacements.length ? remplacer(xml, remplacements) : undefined;
}

/**
 * The attributes of `<sheetFormatPr>` that ExcelJS does not write back as they were: it reads neither zeroHeight,
 * customHeight, thickTop, thickBottom nor baseColWidth (a sheet whose rows were hidden by default comes back with its
 * empty rows shown), writes customHeight="1" whenever the default height is not 15, and a default height of 0 when
 * the sheet gave none. They are taken from the original sheet and put back, as they were, in the saved one.
 */
const FORMAT_RESTITUE = ["defaultRowHeight", "customHeight", "zeroHeight", "thickTop", "thickBottom", "baseColWidth"];

/** The original `<sheetFormatPr>`'s attributes of FORMAT_RESTITUE, in written order. */
export type FormatLignes = [string, string][];

/**
 * From the original `<sheetFormatPr>`'s attributes (`ecrits`, as written), those to put back in the saved sheet, or
 * undefined when ExcelJS writes them back as they were (a default height of 15 and nothing else of FORMAT_RESTITUE).
 */
export function formatLignesAConserver(ecrits: [string, string][]): FormatLignes | undefined {
  const gardes = ecrits.filter(([n]) => FORMAT_RESTITUE.includes(n));
  const hauteur = gardes.find(([n]) => n === "defaultRowHeight")?.[1];
  const seule = gardes.length === 1 && hauteur !== undefined && Number(hauteur) === 15;
  return seule ? undefined : gardes;
}

/**
 * The sheet's original `<sheetFormatPr>` attributes to put back (formatLignesAConserver), or undefined. Only the
 * sheet's head is read, by htmlparser2's tokenizer (as masquerHauteursNulles), up to `<sheetData>`: the element
 * comes before it (CT_Worksheet), a sheet's megabytes of rows are not tokenized.
 */
export function formatLignesDeTete(xml: string): FormatLignes | undefined {
  if (!xml.includes("sheetFormatPr")) return undefined;
  const { Tokenizer: Tok } = require("htmlparser2") as typeof import("htmlparser2");
  let format = false,
    attribut = "",
    valeur = "";
  let ecrits: [string, string][] | undefined;
  const local = (a: number, b: number) => {
    const nom = xml.slice(a, b);
    return nom.slice(nom.indexOf(":") + 1);
  };
  const finOuverture = () => {
    if (format) tok.pause();
  };
  const tok = new Tok(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname: (a, b) => {
        const nom = local(a, b);
        format = nom === "sheetFormatPr";
        if (format) ecrits = [];
        else if (nom === "sheetData") tok.pause();
      },
      onattribname: (a, b) => {
        attribut = xml.slice(a, b);
        valeur = "";
      },
      onattribdata: (a, b) => {
        if (format) valeur += xml.slice(a, b);
      },
      onattribend: () => {
        if (format) ecrits!.push([attribut, valeur]);
      },
      onopentagend: finOuverture,
      onselfclosingtag: finOuverture,
      ...SANS_SUITE,
    },
  );
  tok.write(xml);
  return ecrits && formatLignesAConserver(ecrits);
}

/**
 * The saved sheet's `<sheetFormatPr>` start tag (`e`, as ExcelJS wrote it) with the attributes of FORMAT_RESTITUE
 * as the original had them (`original`): the others (outline levels, column width, x14ac:dyDescent) as written.
 */
export function formatRestitue(e: Element, original: FormatLignes): string {
  return ouvertureModifiee(e, (a) => [...a.filter(([n]) => !FORMAT_RESTITUE.includes(n)), ...original]);
}

/**
 * The edit giving the saved sheet's `<sheetFormatPr>` (`tous`: its elements) the original's attributes
 * (formatRestitue); when ExcelJS wrote none, one with them, where CT_Worksheet puts it (before <cols>, <sheetData>).
 */
export function remplacementFormat(tous: Element[], original: FormatLignes): Remplacement | undefined {
  const r = racine(tous);
  const e = enfants(tous, r, "sheetFormatPr").find((x) => x.uri === NS_MAIN);
  if (e) return { debut: e.debut, fin: e.finOuverture, texte: formatRestitue(e, original) };
  const suivant = enfants(tous, r).find((x) => x.uri === NS_MAIN && ["cols", "sheetData"].includes(x.local));
  if (!suivant) return undefined;
  const p = suivant.nom.includes(":") ? suivant.nom.slice(0, suivant.nom.indexOf(":") + 1) : "";
  return { debut: suivant.debut, fin: suivant.debut, texte: baliseOuvrante(`${p}sheetFormatPr`, original, true) };
}

/** The saved sheet's XML with its `<sheetFormatPr>` given back the original's attributes (remplacementFormat). */
export function restituerFormatLignes(xml: string, tous: Element[], original: FormatLignes): string {
  const r = remplacementFormat(tous, original);
  return r ? remplacer(xml, [r]) : xml;
}
