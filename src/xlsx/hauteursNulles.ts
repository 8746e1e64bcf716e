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

/** A start tag <row …> (prefix included, self-closing or not): its name, its attributes, its « / ». */
const ROW = /<((?:[A-Za-z_][\w.-]*:)?row)(\s[^>]*?)?(\/?)>/g;
const HT = /\sht\s*=\s*(["'])([^"']*)\1/;
const HIDDEN = /\shidden\s*=\s*(["'])([^"']*)\1/;

/** The sheet's XML with hidden="1" on each row of height 0 not said hidden, or undefined when there is none. */
export function masquerHauteursNulles(xml: string): string | undefined {
  // No height starting with 0 or « . » anywhere: no row to look at (the common case, one scan of the part).
  if (!/\bht\s*=\s*["']\s*[0.]/.test(xml)) return undefined;
  let change = false;
  const out = xml.replace(ROW, (tout: string, nom: string, attributs: string | undefined, fin: string) => {
    const a = attributs ?? "";
    if (!hauteurNulle(HT.exec(a)?.[2])) return tout;
    const h = HIDDEN.exec(a);
    if (h && (h[2] === "1" || h[2] === "true")) return tout;
    change = true;
    return `<${nom}${h ? a.replace(h[0], ' hidden="1"') : `${a} hidden="1"`}${fin}>`;
  });
  return change ? out : undefined;
}
