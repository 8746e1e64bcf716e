import JSZip from "jszip";
import { partieDeDonneesAbsente, partiesFeuilles } from "./zipParties";
import { PartieAbsenteError } from "./read";
import { catalogueZip, octetsEntree, type EntreeZip } from "./zipLecture";
import { apresDansFeuille, attr, elements, enfants, NS_MAIN, positionAvant, racine, remplacer, sousArbre } from "./xml";
import { extensionsAConserver, remettreExtensions } from "./extensions";
import { mettreDeCoteFeuilles, type FeuilleVolumineuse } from "./feuillesVolumineuses";
import { formatLignesDeTete, masquerHauteursNulles, restituerFormatLignes, type FormatLignes } from "./hauteursNulles";

/**
 * ExcelJS expands every data validation to one entry per cell: a list on a whole column
 * (sqref="B2:B1048576", what Excel writes when a column is selected) costs seconds and hundreds of MB
 * per column to load and save. Such blocks are set aside before ExcelJS reads the file and put back
 * unchanged, when saving, into the sheets Prodbook did not rewrite. The sheets' x14 extensions are
 * collected in the same pass (extensions.ts).
 */
export const CELLULES_MAX_VALIDATIONS = 100000;

function cellules(sqref: string): number {
  let n = 0;
  for (const zone of sqref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(zone);
    if (!m) continue;
    const col = (l: string) => [...l.toUpperCase()].reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
    n += m[3] ? (Math.abs(col(m[3]) - col(m[1])) + 1) * (Math.abs(+m[4] - +m[2]) + 1) : 1;
  }
  return n;
}

export interface MisesDeCote {
  /** Oversized <dataValidations> blocks, by sheet name. */
  validations: Map<string, string>;
  /** Worksheet <ext> entries ExcelJS would drop (see extensions.ts), by sheet name. */
  extensions: Map<string, string[]>;
  /** Prodbook's sheets too large for ExcelJS (see feuillesVolumineuses.ts), by sheet name. */
  feuilles: Map<string, FeuilleVolumineuse>;
  /**
   * The original `<sheetFormatPr>` attributes ExcelJS does not write back as they were (zeroHeight…, see
   * hauteursNulles.ts), by sheet name: sheets given to ExcelJS (those set aside keep theirs, feuillesVolumineuses.ts).
   */
  formats: Map<string, FormatLignes>;
}

/**
 * The file with oversized <dataValidations> blocks removed and rows of height 0 said hidden (hauteursNulles.ts), and
 * what was set aside by sheet name.
 */
export async function alleger(
  data: Buffer,
  seuilFeuille?: number,
  aLire: readonly string[] = [],
  sansFeuillesUtilisateur = false,
  utilisateurEnFlux = false,
  aRemplacer: readonly string[] = [],
): Promise<{ donnees: Buffer; misesDeCote: MisesDeCote }> {
  const misesDeCote: MisesDeCote = {
    validations: new Map(),
    extensions: new Map(),
    feuilles: new Map(),
    formats: new Map(),
  };
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return { donnees: data, misesDeCote };
  }
  const absente = await partieDeDonneesAbsente(zip).catch(() => undefined);
  if (absente) throw new PartieAbsenteError(absente);
  const parties = await partiesFeuilles(zip).catch(() => new Map<string, string>());
  const catalogue = await catalogueZip(data);
  // Each part's bytes, inflated once by Node's zlib: read here, then given to the package rezipped for ExcelJS.
  const octets = new Map<string, Buffer>();
  const lire = async (e: EntreeZip) => {
    let b = octets.get(e.nom);
    if (!b) octets.set(e.nom, (b = await octetsEntree(e)));
    return b;
  };
  misesDeCote.feuilles = await mettreDeCoteFeuilles(
    zip,
    catalogue,
    parties,
    seuilFeuille,
    aLire,
    sansFeuillesUtilisateur,
    utilisateurEnFlux,
    aRemplacer,
  );
  /** Sheets given to ExcelJS with their rows of height 0 said hidden. */
  const hauteursNulles = new Set<string>();
  for (const [nom, partie] of parties) {
    if (misesDeCote.feuilles.has(nom)) continue;
    // Inflated by Node's zlib (JSZip's JavaScript inflate took longer than ExcelJS's own reading of the sheet).
    const entree = catalogue.get(partie);
    const lu = entree ? (await lire(entree)).toString("utf8") : await zip.file(partie)?.async("string");
    if (!lu) continue;
    const format = formatLignesDeTete(lu);
    if (format) misesDeCote.formats.set(nom, format);
    const masque = masquerHauteursNulles(lu);
    if (masque !== undefined) {
      zip.file(partie, masque);
      hauteursNulles.add(partie);
    }
    const xml = masque ?? lu;
    // Neither element named anywhere in the part: nothing to set aside, no need to parse its cells.
    if (!xml.includes("dataValidations") && !xml.includes("extLst")) continue;
    // The sheet's top-level elements and their children (dataValidation, ext); cells are not kept.
    let tous;
    try {
      tous = elements(xml, { profondeurMax: 1, complets: ["dataValidations", "extLst"], partie });
    } catch {
      continue; // ExcelJS will say what is wrong with it.
    }
    const ext = extensionsAConserver(xml, tous);
    if (ext.length) misesDeCote.extensions.set(nom, ext);
    const bloc = enfants(tous, racine(tous), "dataValidations").find((e) => e.uri === NS_MAIN);
    if (!bloc) continue;
    const total = enfants(tous, bloc, "dataValidation").reduce((s, v) => s + cellules(attr(v, "sqref") ?? ""), 0);
    if (total <= CELLULES_MAX_VALIDATIONS) continue;
    // Written again on its own: prefixes of the main namespace and attributes of others (xr:uid…) left out.
    misesDeCote.validations.set(nom, sousArbre(xml, tous, bloc));
    zip.file(partie, remplacer(xml, [{ debut: bloc.debut, fin: bloc.fin, texte: "" }]));
  }
  if (misesDeCote.validations.size === 0 && misesDeCote.feuilles.size === 0 && hauteursNulles.size === 0)
    return { donnees: data, misesDeCote };
  // The parts left as they were are given inflated (by zlib, JSZip's JavaScript inflate is several times slower):
  // the package is only read back by ExcelJS, stored.
  const remplacees = new Set([
    ...[...misesDeCote.feuilles.values()].map((f) => f.entree.nom),
    ...[...misesDeCote.validations.keys()].map((n) => parties.get(n)),
    // A sheet's notes parts reduced to their first note (feuillesVolumineuses.ts): ExcelJS gets them so.
    ...[...misesDeCote.feuilles.values()].flatMap((f) => f.partiesReduites ?? []),
    ...hauteursNulles,
  ]);
  for (const [nom, entree] of catalogue) {
    if (remplacees.has(nom) || !zip.file(nom)) continue;
    // A part zlib cannot inflate is left to JSZip, which says what is wrong with it as before.
    const b = await lire(entree).catch(() => undefined);
    if (b) zip.file(nom, b, { binary: true });
  }
  return { donnees: await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }), misesDeCote };
}

/** Puts what was set aside (validations, extensions, row format) back into the saved sheets named in `feuilles`. */
export async function restituer(zip: JSZip, misesDeCote: MisesDeCote, feuilles: string[]): Promise<void> {
  const parties = await partiesFeuilles(zip);
  for (const nom of feuilles) {
    const partie = parties.get(nom);
    if (!partie) continue;
    const bloc = misesDeCote.validations.get(nom),
      ext = misesDeCote.extensions.get(nom) ?? [],
      format = misesDeCote.formats.get(nom);
    if (!bloc && ext.length === 0 && !format) continue;
    let xml = await zip.file(partie)!.async("string");
    let tous = elements(xml, { profondeurMax: 1, partie });
    if (format) {
      xml = restituerFormatLignes(xml, tous, format);
      if (bloc) tous = elements(xml, { profondeurMax: 1, partie });
    }
    if (bloc && !enfants(tous, racine(tous), "dataValidations").length) {
      const i = positionAvant(tous, apresDansFeuille("dataValidations"));
      xml = remplacer(xml, [{ debut: i, fin: i, texte: bloc }]);
    }
    zip.file(partie, remettreExtensions(xml, ext));
  }
}
