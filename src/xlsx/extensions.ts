/**
 * Excel 2010+ writes some sheet features only in the sheet's <extLst> (x14 namespace): list
 * validations whose source is on another sheet, and sparklines. ExcelJS drops the whole <extLst>, so
 * these self-contained entries are kept from the original file and put back into the sheets Prodbook
 * did not rewrite. Entries that point to other parts (slicers, timelines…) are not kept: without their
 * parts Excel would have to repair the file.
 */
const URIS_CONSERVEES = ["{CCE6A557-97BC-4B89-ADB6-D9C93CAAB3DF}", "{05C60535-1F16-4FD2-B633-F4F36F0B64E0}"];
const NS = {
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
};

/** The worksheet-level <ext> entries worth keeping, ready to be inserted into another sheet part. */
export function extensionsAConserver(feuilleXml: string): string[] {
  const fin = /<extLst>((?:(?!<extLst>)[\s\S])*)<\/extLst>\s*<\/worksheet>\s*$/.exec(feuilleXml);
  if (!fin) return [];
  const out: string[] = [];
  for (const m of fin[1].matchAll(/<ext\b([^>]*)>([\s\S]*?)<\/ext>/g)) {
    const uri = /\buri="([^"]*)"/.exec(m[1])?.[1]?.toUpperCase();
    if (!uri || !URIS_CONSERVEES.includes(uri)) continue;
    let ext = m[0].replace(/\s(?:xr\d*|mc):\w+="[^"]*"/g, "");
    // Prefixes declared on the original root must be declared on the entry itself.
    for (const [p, ns] of Object.entries(NS)) {
      if (new RegExp(`<${p}:`).test(ext) && !new RegExp(`xmlns:${p}=`).test(ext))
        ext = ext.replace(/^<ext\b/, `<ext xmlns:${p}="${ns}"`);
    }
    out.push(ext);
  }
  return out;
}

/** Adds the entries to the sheet's own <extLst> (created when absent), skipping URIs it already has. */
export function remettreExtensions(feuilleXml: string, extensions: string[]): string {
  if (extensions.length === 0) return feuilleXml;
  const fin = /<extLst>((?:(?!<extLst>)[\s\S])*)<\/extLst>\s*<\/worksheet>\s*$/.exec(feuilleXml);
  const present = (e: string) => {
    const uri = /\buri="([^"]*)"/.exec(e)?.[1];
    return !!fin && !!uri && fin[1].toUpperCase().includes(uri.toUpperCase());
  };
  const ajout = extensions.filter((e) => !present(e)).join("");
  if (!ajout) return feuilleXml;
  if (fin) {
    const i = fin.index + fin[0].lastIndexOf("</extLst>");
    return feuilleXml.slice(0, i) + ajout + feuilleXml.slice(i);
  }
  const i = feuilleXml.lastIndexOf("</worksheet>");
  return feuilleXml.slice(0, i) + `<extLst>${ajout}</extLst>` + feuilleXml.slice(i);
}
