import JSZip from "jszip";
import { catalogueZip, octetsEntree, type EntreeZip } from "./zipLecture";
import { baliseOuvrante, elements, NS_MAIN, racine, remplacer, type Element, type Remplacement } from "./xml";

const NS_RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/**
 * Namespaces whose elements ExcelJS expects unprefixed: SpreadsheetML, package relationships, content types.
 * Others keep their prefix (ExcelJS reads « cp:coreProperties » with it).
 */
const SANS_PREFIXE = [
  NS_MAIN,
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/content-types",
];

/** The first bytes of a part, enough to see its root's start tag. */
async function tete(entree: EntreeZip, octets = 4096): Promise<string> {
  if (entree.debut) return (await entree.debut(octets)).toString("utf8");
  const flux = await entree.flux();
  const morceaux: Buffer[] = [];
  let n = 0;
  for await (const m of flux) {
    morceaux.push(m as Buffer);
    n += (m as Buffer).length;
    if (n >= octets) break;
  }
  flux.destroy();
  return Buffer.concat(morceaux).toString("utf8");
}

/** The root's qualified name, read from the part's head: the first tag that is not a declaration or comment. */
function nomRacine(debut: string): string | undefined {
  return /<(?![?!])([^\s/>]+)/.exec(debut)?.[1];
}

/**
 * The part written without namespace prefixes on the root's namespace (« <x:worksheet xmlns:x="…main"> » →
 * « <worksheet xmlns="…main"> »), and with relationship attributes under the prefix « r »: the names ExcelJS
 * looks for, since it reads qualified names literally. Excel and LibreOffice accept any prefix (XML Namespaces),
 * so such a file is valid. Undefined when the part needs no change.
 */
export function sansPrefixes(xml: string, partie: string): string | undefined {
  const nom = nomRacine(xml.slice(0, 4096));
  if (!nom || !nom.includes(":")) return undefined;
  const tous = elements(xml, { partie });
  const r = racine(tous);
  // A default namespace of another URI on the root would capture the unprefixed names: left as it is.
  if (!SANS_PREFIXE.includes(r.uri) || (r.declarations.has("") && r.declarations.get("") !== r.uri)) return undefined;
  const prefixeRel = (e: Element) => e.attributs.some((a) => a.uri === NS_RELATIONS && a.nom !== `r:${a.local}`);
  const remplacements: Remplacement[] = [];
  for (const e of tous) {
    const prefixe = e.uri === r.uri && e.nom !== e.local;
    if (!prefixe && !prefixeRel(e) && e !== r) continue;
    const nouveau = prefixe ? e.local : e.nom;
    const ecrits = e.ecrits.map(([n, v]): [string, string] => {
      const a = e.attributs.find((x) => x.nom === n);
      return a && a.uri === NS_RELATIONS ? [`r:${a.local}`, v] : [n, v];
    });
    if (e === r) {
      ecrits.unshift(["xmlns", r.uri]);
      if (!ecrits.some(([n]) => n === "xmlns:r")) ecrits.push(["xmlns:r", NS_RELATIONS]);
    }
    remplacements.push({ debut: e.debut, fin: e.finOuverture, texte: baliseOuvrante(nouveau, ecrits, e.autoFermant) });
    if (prefixe && !e.autoFermant) remplacements.push({ debut: e.debutFermeture, fin: e.fin, texte: `</${nouveau}>` });
  }
  return remplacer(xml, remplacements);
}

/**
 * Whether the part whose head is `debut` and root `nom` (prefixed) may need `sansPrefixes`: false when its root
 * start tag, whole in the head, binds the root's prefix to a namespace ExcelJS reads prefixed (« cp:coreProperties »
 * of every workbook ExcelJS writes), which `sansPrefixes` leaves as it is.
 */
function aReecrire(debut: string, nom: string): boolean {
  const i = debut.indexOf("<" + nom);
  const fin = i < 0 ? -1 : debut.indexOf(">", i);
  if (fin < 0) return true;
  const prefixe = nom.slice(0, nom.indexOf(":")).replace(/[.-]/g, "\\$&");
  const uri = new RegExp(`\\sxmlns:${prefixe}\\s*=\\s*(["'])([^"'&<]*)\\1`).exec(debut.slice(i, fin + 1))?.[2];
  return uri === undefined || SANS_PREFIXE.includes(uri);
}

/** The package with every prefixed XML part rewritten by `sansPrefixes`; undefined when none is prefixed. */
export async function normaliserPrefixes(data: Buffer): Promise<Buffer | undefined> {
  const catalogue = await catalogueZip(data);
  const nouveaux = new Map<string, string>();
  for (const e of catalogue.values()) {
    if (!/\.(xml|rels)$/i.test(e.nom)) continue;
    const debut = await tete(e);
    const nom = nomRacine(debut);
    if (!nom || !nom.includes(":") || !aReecrire(debut, nom)) continue;
    const nouveau = sansPrefixes((await octetsEntree(e)).toString("utf8"), e.nom);
    if (nouveau !== undefined) nouveaux.set(e.nom, nouveau);
  }
  // JSZip reads the package only when a part changes (its reader goes over every byte of the file first).
  if (!nouveaux.size) return undefined;
  const zip = await JSZip.loadAsync(data);
  for (const [nom, xml] of nouveaux) zip.file(nom, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
