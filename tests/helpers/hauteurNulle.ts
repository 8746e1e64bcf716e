import { promises as fs } from "fs";
import JSZip from "jszip";

/**
 * Gives rows (1-based) of a sheet of an .xlsx on disk a height of 0, `ht="0" customHeight="1"`, as a tool or a macro
 * that sets a row's height to 0 writes it: ExcelJS itself writes no height of 0 (a falsy height is left out).
 */
export async function donnerHauteurNulle(
  fichier: string,
  lignes: number[],
  partie = "xl/worksheets/sheet1.xml",
): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(fichier));
  let xml = await zip.file(partie)!.async("string");
  for (const r of lignes) {
    const avant = xml;
    xml = xml.replace(`<row r="${r}" `, `<row r="${r}" ht="0" customHeight="1" `);
    if (xml === avant) throw new Error(`Ligne ${r} absente de ${partie}`);
  }
  zip.file(partie, xml);
  await fs.writeFile(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/**
 * Makes the rows of a sheet of an .xlsx on disk hidden by default, as Excel writes a sheet whose unused rows were all
 * hidden: `<sheetFormatPr zeroHeight="1">`, and each row of `visibles` (1-based) given its own height,
 * `ht="15" customHeight="1"`. The other rows keep no height of their own: hidden.
 */
export async function masquerLignesParDefaut(
  fichier: string,
  visibles: number[],
  partie = "xl/worksheets/sheet1.xml",
): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(fichier));
  let xml = await zip.file(partie)!.async("string");
  const avant = xml;
  xml = xml.replace("<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ');
  if (xml === avant) throw new Error(`sheetFormatPr absent de ${partie}`);
  for (const r of visibles) {
    const ligne = xml;
    xml = xml.replace(`<row r="${r}" `, `<row r="${r}" ht="15" customHeight="1" `);
    if (xml === ligne) throw new Error(`Ligne ${r} absente de ${partie}`);
  }
  zip.file(partie, xml);
  await fs.writeFile(fichier, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
