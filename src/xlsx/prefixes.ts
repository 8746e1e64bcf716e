import JSZip from "jszip";
import { catalogueZip, type EntreeZip } from "./zipLecture";
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

/** The package with every prefixed XML part rewritten by `sansPrefixes`; undefined when none is prefixed. */
export async function normaliserPrefixes(data: Buffer): Promise<Buffer | undefined> {
  const catalogue = await catalogueZip(data);
  const prefixees: string[] = [];
  for (const e of catalogue.values()) {
    if (!/\.(xml|rels)$/i.test(e.nom)) continue;
    const nom = nomRacine(await tete(e));
    if (nom && nom.includes(":")) prefixees.push(e.nom);
  }
  if (!prefixees.length) return undefined;
  const zip = await JSZip.loadAsync(data);
  let change = false;
  for (const nom of prefixees) {
    const xml = await zip.file(nom)?.async("string");
    const nouveau = xml === undefined ? undefined : sansPrefixes(xml, nom);
    if (nouveau === undefined) continue;
    zip.file(nom, nouveau);
    change = true;
  }
  return change ? zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }) : undefined;
}
