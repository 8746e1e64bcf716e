import { attr, elements, enfants, racine, remplacer, sousArbre, type Element } from "./xml";

/**
 * Excel 2010+ writes some sheet features only in the sheet's <extLst> (x14 namespace): list
 * validations whose source is on another sheet, and sparklines. ExcelJS drops the whole <extLst>, so
 * these self-contained entries are kept from the original file and put back into the sheets Prodbook
 * did not rewrite. Entries that point to other parts (slicers, timelines…) are not kept: without their
 * parts Excel would have to repair the file.
 */
const URIS_CONSERVEES = ["{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}", "{05C60535-1F16-4FD2-B633-F4F36F0B64E0}"];
const NS_GARDES = [
  "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  "http://schemas.microsoft.com/office/excel/2006/main",
];

/**
 * The worksheet-level <ext> entries worth keeping, ready to be inserted into another sheet part (their x14 and
 * xm prefixes declared on themselves). `tous`: the sheet's elements, with <extLst> kept whole.
 */
export function extensionsAConserver(feuilleXml: string, tous: Element[]): string[] {
  const lst = enfants(tous, racine(tous), "extLst")[0];
  if (!lst) return [];
  return enfants(tous, lst, "ext")
    .filter((e) => URIS_CONSERVEES.includes((attr(e, "uri") ?? "").toUpperCase()))
    .map((e) => sousArbre(feuilleXml, tous, e, NS_GARDES));
}

/** Adds the entries to the sheet's own <extLst> (created when absent), skipping URIs it already has. */
export function remettreExtensions(feuilleXml: string, extensions: string[]): string {
  if (extensions.length === 0) return feuilleXml;
  const tous = elements(feuilleXml, { profondeurMax: 2, partie: "feuille" });
  const r = racine(tous);
  const lst = enfants(tous, r, "extLst")[0];
  const presentes = new Set(lst ? enfants(tous, lst, "ext").map((e) => (attr(e, "uri") ?? "").toUpperCase()) : []);
  const ajout = extensions
    .filter((x) => {
      const uri = attr(racine(elements(x)), "uri");
      return !uri || !presentes.has(uri.toUpperCase());
    })
    .join("");
  if (!ajout) return feuilleXml;
  if (lst && !lst.autoFermant)
    return remplacer(feuilleXml, [{ debut: lst.debutFermeture, fin: lst.debutFermeture, texte: ajout }]);
  if (lst) return remplacer(feuilleXml, [{ debut: lst.debut, fin: lst.fin, texte: `<extLst>${ajout}</extLst>` }]);
  return remplacer(feuilleXml, [
    { debut: r.debutFermeture, fin: r.debutFermeture, texte: `<extLst>${ajout}</extLst>` },
  ]);
}
