import { remplacer, type Remplacement } from "./xml";

/**
 * Rows of height 0 (`<row ht="0">`, written by a tool or a macro that set the row's height to 0 rather than hiding
 * it): hidden to the user like a hidden row, whether or not `customHeight` says the height was set by hand. ExcelJS
 * drops a height of 0 (it reads no height and writes none: the row would come back shown), so such a row is given to
 * ExcelJS with hidden="1": read as hidden (`lignesMasquees`, the `lignes-masquees` finding) and saved hidden. So is a
 * row without a height of its own in a sheet whose rows are hidden by default (`<sheetFormatPr zeroHeight="1">`,
 * which ExcelJS ignores). The streaming reader (lectureMiseDeCote.ts) asks `cacheeParSaHauteur` of each row.
 */

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
  const ignorer = () => {};
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
      ontext: ignorer,
      onclosetag: ignorer,
      ontextentity: ignorer,
      onattribentity: ignorer,
      oncdata: ignorer,
      oncomment: ignorer,
      ondeclaration: ignorer,
      onprocessinginstruction: ignorer,
      onend: ignorer,
    },
  );
  tok.write(xml);
  tok.end();
  return remplacements.length ? remplacer(xml, remplacements) : undefined;
}
