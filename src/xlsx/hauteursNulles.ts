import { remplacer, type Remplacement } from "./xml";

/**
 * Rows of height 0 (`<row ht="0">`, written by a tool or a macro that set the row's height to 0 rather than hiding
 * it): hidden to the user like a hidden row, whether or not `customHeight` says the height was set by hand. ExcelJS
 * drops a height of 0 (it reads no height and writes none: the row would come back shown), so such a row is given to
 * ExcelJS with hidden="1": read as hidden (`lignesMasquees`, the `lignes-masquees` finding) and saved hidden. The
 * streaming reader (lectureMiseDeCote.ts) asks `hauteurNulle` of each row's `ht`.
 */

/** A row's `ht` attribute says a height of 0 (« 0 », « 0.0 »). */
export function hauteurNulle(ht: string | undefined): boolean {
  return ht !== undefined && ht.trim() !== "" && Number(ht) === 0;
}

/**
 * The sheet's XML with hidden="1" on each row of height 0 not said hidden, or undefined when there is none. The rows'
 * start tags are found by htmlparser2's tokenizer (as lignesRestituees.ts finds them) and edited at their offsets:
 * the attribute is added after the tag's name, or a hidden="0" replaced.
 */
export function masquerHauteursNulles(xml: string): string | undefined {
  // No height starting with 0 or « . » anywhere: no row to look at (the common case, one scan of the part).
  if (!/\bht\s*=\s*["']\s*[0.]/.test(xml)) return undefined;
  const { Tokenizer: Tok } = require("htmlparser2") as typeof import("htmlparser2");
  const remplacements: Remplacement[] = [];
  // The start tag being read, when it is a row: where its name ends, its ht, its hidden attribute (offsets, value).
  let row = false,
    finNom = 0,
    attribut = "",
    debutAttribut = 0,
    valeur = "";
  let ht: string | undefined;
  let hidden: { debut: number; fin: number; valeur: string } | undefined;
  const finOuverture = () => {
    if (row && hauteurNulle(ht) && !(hidden && (hidden.valeur === "1" || hidden.valeur === "true")))
      remplacements.push(
        hidden
          ? { debut: hidden.debut, fin: hidden.fin, texte: 'hidden="1"' }
          : { debut: finNom, fin: finNom, texte: ' hidden="1"' },
      );
    row = false;
  };
  const ignorer = () => {};
  const tok = new Tok(
    { xmlMode: true, decodeEntities: false },
    {
      onopentagname: (a, b) => {
        const nom = xml.slice(a, b);
        row = nom === "row" || nom.endsWith(":row");
        finNom = b;
        ht = hidden = undefined;
      },
      onattribname: (a, b) => {
        if (!row) return;
        attribut = xml.slice(a, b);
        debutAttribut = a;
        valeur = "";
      },
      onattribdata: (a, b) => {
        if (row) valeur += xml.slice(a, b);
      },
      // `fin`: just after the value and its closing quote.
      onattribend: (_q, fin) => {
        if (!row) return;
        if (attribut === "ht") ht = valeur;
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
