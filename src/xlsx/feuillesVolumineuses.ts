import { StringDecoder } from "string_decoder";
import type JSZip from "jszip";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { FEUILLE_REGISTRE } from "../core/port/possession";
import { choisirNomFeuille } from "../core/port/workbook";
import { colonneLettre, lettreColonne } from "../core/util/adresse";
import { entreeEnMemoire, octetsEntree, type EntreeZip } from "./zipLecture";
import type { PartieCompressee } from "./zipEcriture";
import { LignesRestituees, partagesEnLigne } from "./lignesRestituees";
import { textesPartagesEnFlux } from "./lectureMiseDeCote";
import { cheminRels, lireRels, resoudre } from "./zipParties";
import { formatLignesAConserver, hauteurZeroParDefaut, remplacementFormat, type FormatLignes } from "./hauteursNulles";
import {
  attr,
  baliseOuvrante,
  echapperAttribut,
  ouvertureModifiee,
  echapperTexte,
  elements,
  enfants,
  NS_MAIN,
  racine,
  remplacer,
  type Element,
  type Remplacement,
  XmlIllisibleError,
} from "./xml";
import { NS_R } from "./chartXml";

/**
 * Prodbook's own sheets whose XML exceeds this size (a Grand livre of a million lines is 600 MB) are not given
 * to ExcelJS, which would need gigabytes to load them and a string longer than V8 allows to read them.
 * ExcelJS gets a placeholder (the sheet's own head and tail, and one row of styled empty cells, one per
 * cell style of the file); when saving, a sheet that was not rewritten gets its original rows back, streamed,
 * with style ids mapped through that row and shared strings made inline (lignesRestituees.ts).
 */
export const OCTETS_MAX_FEUILLE = 32 * 1024 * 1024;

export interface FeuilleVolumineuse {
  nom: string;
  /** The original part. */
  entree: EntreeZip;
  /** The original <dimension ref>. */
  dimension: string;
  /** Byte offsets in the part where its rows begin (after <sheetData>) and end (at </sheetData>). */
  debutLignes: number;
  finLignes: number;
  /** Prefix of the spreadsheet namespace in the original part ("" when default). */
  prefixe: string;
  /** Namespace declarations of the original root: the saved root declares the ones it lacks. */
  espaces: Map<string, string>;
  /** The original shared strings part, for cells of type "s". */
  sst?: EntreeZip;
  /** The original shared strings' texts (as ExcelJS reads them), read once. */
  partagees: () => Promise<string[]>;
  /** Set aside on request (`aLire`), not for its size: readSheet reads it back (lectureMiseDeCote.ts). */
  lisible: boolean;
  /** A user's sheet set aside because the command reads none (`sansFeuillesUtilisateur`), never saved. */
  nonChargee?: boolean;
  /** Cell styles of the original file (its cellXfs). */
  styles: number;
  /** Cells holding an external hyperlink (their `ref`), whose text ExcelJS reads as a string (lectureMiseDeCote.ts). */
  liens?: Set<string>;
  /** Set aside for the command to replace it (`remplacees`): its head only was read, it has no rows to put back. */
  remplacee?: boolean;
  /**
   * The original comments and VML parts of its notes, put back in place of ExcelJS's (only the first went to it): as
   * deflated in the original package when it can be (copied into the saved one as they are), else inflated.
   */
  notes?: { commentaires: Buffer | PartieCompressee; dessin: Buffer | PartieCompressee };
  /**
   * Parts of the package given to ExcelJS that hold a reduced form of the original (its notes parts: first note
   * only): they must stay so, not be replaced by the original's bytes.
   */
  partiesReduites?: string[];
  /** Its merged ranges and 0-based hidden columns (from its head and tail), for reading it back. */
  fusions: string[];
  colonnesMasquees: number[];
  /** `<sheetFormatPr zeroHeight="1">`: its rows without a height of their own are hidden (hauteursNulles.ts). */
  lignesMasqueesParDefaut?: boolean;
  /** Its `<sheetFormatPr>` attributes that ExcelJS does not write back as they were (hauteursNulles.ts). */
  formatLignes?: FormatLignes;
}

/** Names in Prodbook's registry sheet (inline or shared strings in column A). */
async function registre(
  zip: JSZip,
  parties: Map<string, string>,
  partagees: () => Promise<string[]>,
): Promise<string[]> {
  const partie = parties.get(FEUILLE_REGISTRE);
  const xml = partie ? await zip.file(partie)?.async("string") : undefined;
  if (!xml) return [];
  let sst: string[] | undefined;
  const noms: string[] = [];
  const tous = elements(xml, { texte: true, partie });
  for (const c of tous.filter((e) => e.local === "c" && e.uri === NS_MAIN)) {
    const v = enfants(tous, c, "v")[0]?.texte;
    if (attr(c, "t") === "s") {
      sst ??= await partagees();
      const t = sst[Number(v)];
      if (t !== undefined) noms.push(t);
    } else {
      const t = enfants(tous, c, "is")[0]?.texte ?? v;
      if (t) noms.push(t);
    }
  }
  return noms.map((n) => n.trim()).filter(Boolean);
}

/**
 * Replaces, in `zip`, each of Prodbook's sheets larger than `seuil` by its placeholder; returns them by name.
 * `aLire`: Prodbook's sheets (their usual names, « Versions ») set aside whatever their size, to be read back
 * by a streaming reader rather than by ExcelJS (lectureMiseDeCote.ts); the name Prodbook gave the sheet in this
 * workbook (« Versions (Prodbook) » beside a user's « Versions ») is found as choisirNomFeuille finds it.
 */
export async function mettreDeCoteFeuilles(
  zip: JSZip,
  catalogue: Map<string, EntreeZip>,
  parties: Map<string, string>,
  seuil = OCTETS_MAX_FEUILLE,
  aLire: readonly string[] = [],
  /** The user's sheets too, whatever their size (see OptionsOuverture.sansFeuillesUtilisateur). */
  sansFeuillesUtilisateur = false,
  /** The user's sheets too, read back by streaming and put back when saving (OptionsOuverture.utilisateurEnFlux). */
  utilisateurEnFlux = false,
  /** Prodbook's sheets the command replaces without reading them: their head only (see OptionsOuverture.remplacees). */
  remplacees: readonly string[] = [],
): Promise<Map<string, FeuilleVolumineuse>> {
  const out = new Map<string, FeuilleVolumineuse>();
  const grandes = [...parties].filter(([, p]) => (catalogue.get(p)?.taille ?? 0) > seuil);
  const utilisateurs = sansFeuillesUtilisateur || utilisateurEnFlux;
  if (!grandes.length && !aLire.length && !utilisateurs && !remplacees.length) return out;
  // The shared strings' texts, read once (streamed) for the registry and the sheets read back.
  // Parts read more than once are inflated once (the Grand livre's, too large, are streamed each time).
  const enMemoire = (e: EntreeZip | undefined) => (e && e.taille <= OCTETS_MAX_TELLES ? entreeEnMemoire(e) : e);
  const sstEntree = enMemoire(catalogue.get("xl/sharedStrings.xml"));
  let textes: Promise<string[]> | undefined;
  const partagees = () => (textes ??= sstEntree ? textesPartagesEnFlux(sstEntree) : Promise.resolve([]));
  const registreLu = await registre(zip, parties, partagees);
  const prodbook = registreLu.map((n) => n.toLowerCase());
  const deProdbook = (noms: readonly string[]) =>
    new Set(
      noms
        .map((n) => choisirNomFeuille(n, [...parties.keys()], registreLu).toLowerCase())
        .filter((n) => prodbook.includes(n)),
    );
  const demandees = deProdbook(aLire);
  const aRemplacer = deProdbook(remplacees);
  const utilisateur = (nom: string) => !prodbook.includes(nom.toLowerCase()) && nom !== FEUILLE_REGISTRE;
  for (const e of parties)
    if (
      (demandees.has(e[0].toLowerCase()) ||
        aRemplacer.has(e[0].toLowerCase()) ||
        (utilisateurs && utilisateur(e[0]))) &&
      !grandes.some(([n]) => n === e[0])
    )
      grandes.push(e);
  const styles = await zip.file("xl/styles.xml")?.async("string");
  let nbStyles = 1;
  if (styles) {
    const tous = elements(styles, { profondeurMax: 2, partie: "xl/styles.xml" });
    const xfs = enfants(tous, racine(tous), "cellXfs")[0];
    nbStyles = Math.max(1, xfs ? enfants(tous, xfs, "xf").length : 0);
  }
  for (const [nom, partie] of grandes) {
    const deLUtilisateur = utilisateurs && utilisateur(nom);
    const nonChargee = sansFeuillesUtilisateur && deLUtilisateur;
    if (!prodbook.includes(nom.toLowerCase()) && !deLUtilisateur) continue;
    const remplacee = aRemplacer.has(nom.toLowerCase()) && !demandees.has(nom.toLowerCase());
    // A sheet replaced unread is opened by its head only: not inflated whole.
    const entree = remplacee ? catalogue.get(partie)! : enMemoire(catalogue.get(partie))!;
    const d = await decouper(entree, nom, remplacee);
    const p = d.prefixe ? d.prefixe + ":" : "";
    let placeholder = `${d.tete}<${p}sheetData>${ligneDesStyles(nbStyles, p)}</${p}sheetData>${d.queue}`;
    let tous = elements(placeholder, { profondeurMax: 2, partie });
    let r = racine(tous);
    // ExcelJS keeps a hyperlink or a note only on a cell it holds: the placeholder holds those cells (empty ones,
    // dropped with the placeholder's rows when the original rows are put back).
    const liens = new Set<string>();
    for (const h of enfants(tous, enfants(tous, r, "hyperlinks")[0], "hyperlink")) {
      const ref = attr(h, "ref");
      if (ref && attr(h, "id", NS_R) !== undefined) liens.add(ref);
    }
    // A sheet read back and put back as it is (« Comparaison » on `versions enregistrer`) keeps its notes through
    // ExcelJS like a user's sheet; one the command rewrites (also in `remplacees`) does not load them.
    const gardee = demandees.has(nom.toLowerCase()) && !aRemplacer.has(nom.toLowerCase());
    // Prodbook's 5 000 notes of a « Comparaison » do not go through ExcelJS: it gets the first one (and writes the
    // comments and VML parts for it), the original parts are put back in place of those when saving. A sheet the
    // command rewrites gives ExcelJS the first note too, on no cell of the placeholder: ExcelJS drops it, and does
    // not parse megabytes of notes it would drop all the same.
    const reduite =
      !deLUtilisateur && (gardee || aRemplacer.has(nom.toLowerCase()))
        ? await reduireNotes(zip, catalogue, partie, gardee)
        : undefined;
    const notesDeCote = gardee ? reduite?.originales : undefined;
    // Read after the reduction: the first note only, then.
    const notes = deLUtilisateur || gardee ? await refsNotes(zip, partie) : [];
    if (liens.size || notes.length) {
      const cellules = ligneDesStyles(nbStyles, p, [...liens, ...notes]);
      placeholder = `${d.tete}<${p}sheetData>${cellules}</${p}sheetData>${d.queue}`;
      tous = elements(placeholder, { profondeurMax: 2, partie });
      r = racine(tous);
    }
    const dim = enfants(tous, r, "dimension")[0];
    const fusions = enfants(tous, enfants(tous, r, "mergeCells")[0], "mergeCell").map((m) => attr(m, "ref") ?? "");
    const colonnesMasquees: number[] = [];
    for (const c of enfants(tous, enfants(tous, r, "cols")[0], "col")) {
      const h = attr(c, "hidden");
      const min = Number(attr(c, "min")),
        max = Math.min(Number(attr(c, "max")), 16384);
      if ((h === "1" || h === "true") && min >= 1) for (let i = min; i <= max; i++) colonnesMasquees.push(i - 1);
    }
    const format = enfants(tous, r, "sheetFormatPr")[0];
    const parDefaut = hauteurZeroParDefaut(format && attr(format, "zeroHeight"));
    const formatLignes = format && formatLignesAConserver(format.ecrits);
    zip.file(partie, placeholder);
    out.set(nom, {
      nom,
      entree,
      dimension: (dim && attr(dim, "ref")) ?? "A1",
      debutLignes: d.debutLignes,
      finLignes: d.finLignes,
      prefixe: d.prefixe,
      espaces: d.espaces,
      sst: sstEntree,
      styles: nbStyles,
      lisible: demandees.has(nom.toLowerCase()) || (deLUtilisateur && !nonChargee),
      ...(nonChargee ? { nonChargee } : {}),
      ...(liens.size ? { liens } : {}),
      ...(remplacee ? { remplacee } : {}),
      ...(notesDeCote ? { notes: notesDeCote } : {}),
      ...(reduite ? { partiesReduites: reduite.parties } : {}),
      partagees,
      fusions: fusions.filter(Boolean),
      colonnesMasquees,
      ...(parDefaut ? { lignesMasqueesParDefaut: true } : {}),
      ...(formatLignes ? { formatLignes } : {}),
    });
  }
  return out;
}

/** The cells a sheet's notes are on (from its comments part), as ExcelJS finds them. */
async function refsNotes(zip: JSZip, partie: string): Promise<string[]> {
  const rels = lireRels(await zip.file(cheminRels(partie))?.async("string"), cheminRels(partie));
  const out: string[] = [];
  for (const rel of rels.filter((x) => !x.externe && x.type.endsWith("/comments"))) {
    const chemin = resoudre(partie, rel.target);
    const xml = await zip.file(chemin)?.async("string");
    if (!xml) continue;
    for (const e of elements(xml, { profondeurMax: 2, partie: chemin }))
      if (e.local === "comment" && e.profondeur === 2) out.push(attr(e, "ref") ?? "");
  }
  return out.filter(Boolean);
}

/**
 * The part's first bytes, as many as needed for `assez` (the whole part at most): its head inflated from 4 KB of
 * compressed bytes, then 16 KB, 64 KB… (a « Comparaison »'s first note is in its first kilobytes, of 3.6 MB).
 */
async function debutJusqua(e: EntreeZip, assez: (b: Buffer) => boolean): Promise<Buffer> {
  for (let n = 4096; e.debut; n *= 4) {
    const b = await e.debut(n);
    if (assez(b) || b.length >= e.taille) return b;
  }
  return octetsEntree(e);
}

/**
 * Replaces, in `zip`, a sheet's comments part and VML drawing by the same holding their first note only (the
 * shapes as Excel and ExcelJS write them: a <v:shape> each, after the shape types); returns the originals (inflated
 * by Node's zlib) and the two parts' paths, or nothing when there is at most one note or the parts are not of that
 * form (ExcelJS then reads every note). `originales` false (a sheet the command rewrites, whose notes are dropped):
 * only the parts' heads are inflated, up to their first note; the end tags are written after it.
 */
async function reduireNotes(
  zip: JSZip,
  catalogue: Map<string, EntreeZip>,
  partie: string,
  originales = true,
): Promise<
  | { originales: { commentaires: Buffer | PartieCompressee; dessin: Buffer | PartieCompressee }; parties: string[] }
  | undefined
> {
  const rels = lireRels(await zip.file(cheminRels(partie))?.async("string"), cheminRels(partie));
  const cible = (type: string) => {
    const r = rels.filter((x) => !x.externe && x.type.endsWith(type));
    return r.length === 1 ? resoudre(partie, r[0].target) : undefined;
  };
  const pc = cible("/comments"),
    pv = cible("/vmlDrawing");
  const ec = pc && zip.file(pc) && catalogue.get(pc),
    ev = pv && zip.file(pv) && catalogue.get(pv);
  if (!pc || !pv || !ec || !ev) return undefined;
  if (!originales) return reduireDebuts(zip, pc, ec, pv, ev);
  // Put back unchanged: their deflated bytes are copied when saving, and only their heads inflated here (7 MB of a
  // « Comparaison »'s notes are neither inflated nor deflated again).
  if (ec.brute && ev.brute && ec.debut && ev.debut) {
    const r = await reduireDebuts(zip, pc, ec, pv, ev);
    return r && { ...r, originales: { commentaires: await ec.brute(), dessin: await ev.brute() } };
  }
  const commentaires = await octetsEntree(ec),
    dessin = await octetsEntree(ev);
  // Cut as bytes (the markup searched for is ASCII): megabytes of notes are not decoded.
  const c1 = commentaires.indexOf("</comment>"),
    cf = commentaires.lastIndexOf("</commentList>");
  const v1 = dessin.indexOf("</v:shape>"),
    vf = dessin.lastIndexOf("</xml>");
  if (c1 < 0 || cf < c1 || v1 < 0 || vf < v1 || dessin.indexOf("<v:shape ") > v1) return undefined;
  // A single note: nothing to gain.
  const c2 = commentaires.indexOf("<comment", c1);
  if (c2 < 0 || c2 > cf) return undefined;
  const premiere = (b: Buffer, fin: number, queue: number) => Buffer.concat([b.subarray(0, fin), b.subarray(queue)]);
  zip.file(pc, premiere(commentaires, c1 + "</comment>".length, cf));
  zip.file(pv, premiere(dessin, v1 + "</v:shape>".length, vf));
  return { originales: { commentaires, dessin }, parties: [pc, pv] };
}

/** reduireNotes from the parts' heads: the same first note, the same checks, the end tags of their roots after it. */
async function reduireDebuts(
  zip: JSZip,
  pc: string,
  ec: EntreeZip,
  pv: string,
  ev: EntreeZip,
): Promise<{ originales: { commentaires: Buffer; dessin: Buffer }; parties: string[] } | undefined> {
  // The first note and the start of the second (or the list's end: a single note).
  const commentaires = await debutJusqua(ec, (b) => {
    const c1 = b.indexOf("</comment>");
    return c1 >= 0 && (b.indexOf("<comment", c1) >= 0 || b.indexOf("</commentList>", c1) >= 0);
  });
  const dessin = await debutJusqua(ev, (b) => b.indexOf("</v:shape>") >= 0);
  const c1 = commentaires.indexOf("</comment>"),
    v1 = dessin.indexOf("</v:shape>");
  if (c1 < 0 || v1 < 0 || dessin.indexOf("<v:shape ") > v1) return undefined;
  const c2 = commentaires.indexOf("<comment", c1);
  const cf = commentaires.indexOf("</commentList>", c1);
  if (c2 < 0 || (cf >= 0 && cf < c2)) return undefined;
  const racineDe = (b: Buffer) => /<(?![?!])([^\s/>]+)/.exec(b.toString("latin1", 0, 4096))?.[1];
  const [rc, rv] = [racineDe(commentaires), racineDe(dessin)];
  if (!rc || !rv) return undefined;
  const fin = (b: Buffer, i: number, queue: string) => Buffer.concat([b.subarray(0, i), Buffer.from(queue, "latin1")]);
  zip.file(pc, fin(commentaires, c1 + "</comment>".length, `</commentList></${rc}>`));
  zip.file(pv, fin(dessin, v1 + "</v:shape>".length, `</${rv}>`));
  return { originales: { commentaires, dessin }, parties: [pc, pv] };
}

/**
 * One empty cell per style id, so that ExcelJS carries every style over and tells its new id (style s at row
 * s / 16384 + 1, column s % 16384 + 1); and a cell at each address of `autres` (a hyperlink's, a note's).
 */
function ligneDesStyles(n: number, p: string, autres: string[] = []): string {
  const lignes = new Map<number, Map<number, number | undefined>>();
  const cellule = (l: number, c: number, s: number | undefined) => {
    let x = lignes.get(l);
    if (!x) lignes.set(l, (x = new Map()));
    if (s !== undefined || !x.has(c)) x.set(c, s);
  };
  for (let i = 0; i < n; i++) cellule(Math.floor(i / 16384) + 1, i % 16384, i);
  for (const a of autres) {
    const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(a);
    if (m && lettreColonne(m[1]) < 16384) cellule(Number(m[2]), lettreColonne(m[1]), undefined);
  }
  let s = "";
  for (const l of [...lignes.keys()].sort((a, b) => a - b)) {
    s += `<${p}row r="${l}">`;
    for (const [c, st] of [...lignes.get(l)!].sort((a, b) => a[0] - b[0]))
      // Not a style's cell: a value, else ExcelJS drops a cell without one nor a style (and its note with it).
      s += `<${p}c r="${colonneLettre(c)}${l}"${st === undefined ? `><${p}v>0</${p}v></${p}c>` : ` s="${st}"/>`}`;
    s += `</${p}row>`;
  }
  return s;
}

interface Decoupe {
  /** The XML before <sheetData> and after its end tag. */
  tete: string;
  queue: string;
  /** Byte offsets of the rows. */
  debutLignes: number;
  finLignes: number;
  prefixe: string;
  espaces: Map<string, string>;
}

/**
 * Reads the part once: the head through saxes up to the <sheetData> start tag, then the rows as bytes only,
 * up to the last "</sheetData>" (the end tag: "<" cannot occur raw in text or attribute values, and nothing
 * after <sheetData> may contain one). The placeholder built from head and tail is parsed again.
 * `teteSeule`: the part is read up to the <sheetData> start tag only (a 600 MB Grand livre is not inflated); no
 * rows, and the tail is the root's end tag.
 */
async function decouper(entree: EntreeZip, nom: string, teteSeule = false): Promise<Decoupe> {
  const decodeur = new StringDecoder("utf8");
  const sax = new SaxesParser({ xmlns: true, position: true });
  let lu = "";
  const luOctets: Buffer[] = [];
  let tete = undefined as { texte: string; fin: number; nom: string; autoFermant: boolean } | undefined;
  const espaces = new Map<string, string>();
  let profondeur = 0;
  let nomRacine = "";
  sax.on("opentag", (t: SaxesTagNS) => {
    if (profondeur === 0) nomRacine = t.name;
    if (profondeur++ === 0)
      for (const a of Object.values(t.attributes))
        if (a.prefix === "xmlns" || a.name === "xmlns") espaces.set(a.prefix === "xmlns" ? a.local : "", a.value);
    if (!tete && t.local === "sheetData" && t.uri === NS_MAIN && profondeur === 2)
      tete = {
        texte: lu.slice(0, lu.lastIndexOf("<" + t.name, sax.position)),
        fin: sax.position,
        nom: t.name,
        autoFermant: t.isSelfClosing,
      };
  });
  sax.on("closetag", () => profondeur--);
  // saxes sets `tete` in a callback: read through a function so that the compiler does not narrow it.
  const trouvee = () => tete;
  let debutLignes = -1;
  let vu = 0;
  let fermeture: Buffer = Buffer.alloc(0);
  let fenetre: Buffer = Buffer.alloc(0);
  let finLignes = -1;
  for await (const morceau of await entree.flux()) {
    const b = morceau as Buffer;
    const t = trouvee();
    if (!t) {
      luOctets.push(b);
      const texte = decodeur.write(b);
      lu += texte;
      // saxes reads the head only: the text goes to it up to the end of the next tag naming « sheetData », not the
      // 64 KB of rows that follow it in the same chunk.
      for (let reste = texte; reste && !trouvee();) {
        const k = reste.indexOf("sheetData");
        const fin = k < 0 ? -1 : reste.indexOf(">", k);
        const donne = fin < 0 ? reste : reste.slice(0, fin + 1);
        reste = reste.slice(donne.length);
        try {
          sax.write(donne);
        } catch (e) {
          throw new XmlIllisibleError(nom, (e as Error).message);
        }
      }
      const t2 = trouvee();
      if (!t2) continue;
      debutLignes = Buffer.byteLength(lu.slice(0, t2.fin), "utf8");
      if (teteSeule) break; // leaving the loop destroys the stream: the rows are never inflated
      fenetre = Buffer.concat(luOctets).subarray(debutLignes);
      vu = debutLignes;
      fermeture = Buffer.from(`</${t2.nom}>`, "utf8");
      lu = "";
      if (t2.autoFermant) continue;
    } else if (trouvee()!.autoFermant) fenetre = fenetre.length ? Buffer.concat([fenetre, b]) : b;
    else if (!fenetre.length || b.lastIndexOf(fermeture) >= 0) {
      // The window is joined to a chunk only when it must be: rows' chunks are not copied one after the other.
      vu += fenetre.length;
      fenetre = b;
    } else if (finLignes >= 0) fenetre = Buffer.concat([fenetre, b]);
    else if (Buffer.concat([fenetre, b.subarray(0, fermeture.length - 1)]).lastIndexOf(fermeture) >= 0)
      fenetre = Buffer.concat([fenetre, b]); // the end tag cut between the two
    else {
      vu += fenetre.length;
      fenetre = b;
    }
    if (trouvee()!.autoFermant) continue;
    // Once found, the window starts at the last end tag seen; until then it keeps a possible cut one.
    const k = fenetre.lastIndexOf(fermeture);
    const garde = k >= 0 ? k : Math.max(0, fenetre.length - fermeture.length + 1);
    if (k >= 0) finLignes = vu + k;
    vu += garde;
    fenetre = fenetre.subarray(garde);
  }
  const t = trouvee();
  if (t && teteSeule) {
    const prefixe = t.nom.includes(":") ? t.nom.split(":")[0] : "";
    return { tete: t.texte, queue: `</${nomRacine}>`, debutLignes, finLignes: debutLignes, prefixe, espaces };
  }
  if (!t || (!t.autoFermant && finLignes < 0)) throw new Error(`Feuille « ${nom} » : fin de <sheetData> introuvable`);
  const queue = (t.autoFermant ? fenetre : fenetre.subarray(fermeture.length)).toString("utf8");
  if (t.autoFermant) finLignes = debutLignes;
  const prefixe = t.nom.includes(":") ? t.nom.split(":")[0] : "";
  return { tete: t.texte, queue, debutLignes, finLignes, prefixe, espaces };
}

/**
 * The sheet's XML as saved: ExcelJS's placeholder (head and tail, in the new package's terms) around the
 * original rows, their style ids mapped and their shared strings made inline.
 */
export async function* restituerFeuille(placeholder: string, f: FeuilleVolumineuse): AsyncGenerator<Buffer> {
  const tous = elements(placeholder, { profondeurMax: 3, partie: f.nom });
  const r = racine(tous);
  const donnees = enfants(tous, r, "sheetData")[0];
  if (!donnees) throw new Error(`Feuille « ${f.nom} » : <sheetData> introuvable dans l'enregistrement`);
  const nouveaux = new Map<string, string>();
  for (const ligne of enfants(tous, donnees, "row"))
    for (const c of enfants(tous, ligne, "c")) {
      const ref = /^([A-Z]+)(\d+)$/.exec(attr(c, "r") ?? "");
      const s = attr(c, "s");
      if (ref && s) nouveaux.set(String((Number(ref[2]) - 1) * 16384 + lettreColonne(ref[1])), s);
    }
  yield Buffer.from(teteRestituee(placeholder, tous, r, donnees, f), "utf8");
  // The rows are converted as latin1 text (one character per byte, see lignesRestituees.ts): so are the strings.
  let contenus: string[] | undefined;
  const partagees = async () => (contenus ??= f.sst ? await contenusPartages(f.sst) : []);
  const convertisseur = async () => {
    const sst = await partagees();
    return new LignesRestituees(nouveaux, (i) => sst[i], f.prefixe);
  };
  const lignes = await lignesEnMemoire(f, nouveaux);
  if (lignes) {
    // Converted up to the last row that may hold a shared string (a header ExcelJS wrote), then copied.
    const k = debutTelles(lignes, f.prefixe);
    if (k > 0) {
      const texte = lignes.toString("latin1", 0, k);
      const sst = f.prefixe ? undefined : await partagees();
      const enLigne = sst && partagesEnLigne(texte, (i) => sst[i]);
      if (enLigne !== undefined) yield Buffer.from(enLigne, "latin1");
      else {
        const conv = await convertisseur();
        yield Buffer.from(conv.ecrire(texte) + conv.finir(), "latin1");
      }
    }
    yield lignes.subarray(k);
    yield Buffer.from(finRestituee(placeholder, donnees), "utf8");
    return;
  }
  const conv = await convertisseur();
  let vu = 0;
  for await (const morceau of await f.entree.flux()) {
    const b = morceau as Buffer;
    const debut = Math.max(0, f.debutLignes - vu),
      fin = Math.min(b.length, f.finLignes - vu);
    vu += b.length;
    if (fin <= debut) continue;
    const x = conv.ecrire(b.toString("latin1", debut, fin));
    if (x) yield Buffer.from(x, "latin1");
  }
  if (vu < f.finLignes) throw new Error(`Feuille « ${f.nom} » : lignes tronquées`);
  yield Buffer.from(conv.finir(), "latin1");
  yield Buffer.from(finRestituee(placeholder, donnees), "utf8");
}

/** The end of the saved sheet: </sheetData> and what follows it in ExcelJS's placeholder. */
function finRestituee(placeholder: string, donnees: Element): string {
  // ExcelJS writes <sheetData/> when the placeholder's cells all have the default style and no value.
  return donnees.autoFermant
    ? `</${donnees.nom}>${placeholder.slice(donnees.fin)}`
    : placeholder.slice(donnees.debutFermeture);
}

/** Rows of at most this size (XML) are checked whole for the copy as they are (a Grand livre's are converted). */
const OCTETS_MAX_TELLES = 64 * 1024 * 1024;

/**
 * The original rows, when their style ids need no conversion: every style id keeps its number in the saved styles
 * (ExcelJS gave each of the file's styles its own id again; id 0, the default, is the default in both). Only their
 * cells holding a shared string then need the tokenizer's pass (debutTelles).
 */
async function lignesEnMemoire(f: FeuilleVolumineuse, nouveaux: Map<string, string>): Promise<Buffer | undefined> {
  if (f.finLignes - f.debutLignes > OCTETS_MAX_TELLES) return undefined;
  for (let i = 1; i < f.styles; i++) if (nouveaux.get(String(i)) !== String(i)) return undefined;
  if ((nouveaux.get("0") ?? "0") !== "0") return undefined;
  const lignes = (await octetsEntree(f.entree)).subarray(f.debutLignes, f.finLignes);
  if (lignes.length !== f.finLignes - f.debutLignes) throw new Error(`Feuille « ${f.nom} » : lignes tronquées`);
  return lignes;
}

/**
 * Where the rows that can be copied as they are begin: after the row holding the last `"s"` or `'s'` (a type t="s"
 * is one; a text that happens to be one only makes more rows converted). 0: no shared string at all.
 */
export function debutTelles(lignes: Buffer, prefixe: string): number {
  const dernier = Math.max(lignes.lastIndexOf('"s"'), lignes.lastIndexOf("'s'"));
  if (dernier < 0) return 0;
  const row = Buffer.from(`<${prefixe ? prefixe + ":" : ""}row`, "latin1");
  for (let i = lignes.indexOf(row, dernier); i >= 0; i = lignes.indexOf(row, i + 1)) {
    const apres = lignes[i + row.length];
    if (apres === 0x3e || apres === 0x2f || apres === 0x20 || apres === 0x09 || apres === 0x0a || apres === 0x0d)
      return i;
  }
  return lignes.length;
}

/**
 * Head of the saved sheet: the original dimension, the original namespaces, the original row format
 * (`<sheetFormatPr>`, zeroHeight…) and <sheetData> opened.
 */
function teteRestituee(xml: string, tous: Element[], r: Element, donnees: Element, f: FeuilleVolumineuse): string {
  const edits: Remplacement[] = [];
  const manquants = [...f.espaces].filter(([p]) => !r.declarations.has(p));
  if (manquants.length) {
    const decl = manquants.map(([p, u]) => [p ? `xmlns:${p}` : "xmlns", u] as [string, string]);
    edits.push({ debut: r.debut, fin: r.finOuverture, texte: ouvertureModifiee(r, (a) => [...a, ...decl]) });
  }
  const dim = enfants(tous, r, "dimension")[0];
  if (dim)
    edits.push({ debut: dim.debut, fin: dim.fin, texte: `<${dim.nom} ref="${echapperAttribut(f.dimension)}"/>` });
  const format = f.formatLignes && remplacementFormat(tous, f.formatLignes);
  if (format) edits.push(format);
  edits.push({ debut: donnees.debut, fin: xml.length, texte: `<${donnees.nom}>` });
  return remplacer(xml, edits);
}

/**
 * Each shared string's content (<t>, <r>, <rPh>…) for an inline string, as latin1 text (one character per byte, as
 * the rows are converted). Excel's part (no prefix declared, no CDATA, comment or processing instruction) gives each
 * <si>'s content as written; any other is parsed and written again, prefixes aside.
 */
async function contenusPartages(entree: EntreeZip): Promise<string[]> {
  const octets = await octetsEntree(entree);
  const latin1 = octets.toString("latin1");
  return contenusTels(latin1) ?? (await contenusReecrits(octets)).map((x) => Buffer.from(x, "utf8").toString("latin1"));
}

/** The content of each <si> as written, or undefined when the part is not plain enough to be taken so. */
export function contenusTels(xml: string): string[] | undefined {
  const racineSst = /<sst(\s[^>]*)?(\/?)>/.exec(xml);
  if (!racineSst || /xmlns:/.test(racineSst[1] ?? "")) return undefined;
  if (racineSst[2]) return [];
  const corps = xml.slice(racineSst.index + racineSst[0].length);
  if (/xmlns|<!|<\?/.test(corps)) return undefined;
  const out: string[] = [];
  const si = /<si(\s[^>]*)?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = si.exec(corps))) {
    if (m[2]) {
      out.push("");
      continue;
    }
    const debut = si.lastIndex;
    const fin = corps.indexOf("</si", debut);
    if (fin < 0) return undefined;
    out.push(corps.slice(debut, fin));
    si.lastIndex = fin;
  }
  return out;
}

/** Each shared string's content written again for an inline string, prefixes aside (saxes). */
async function contenusReecrits(octets: Buffer): Promise<string[]> {
  const out: string[] = [];
  const sax = new SaxesParser({ xmlns: true });
  let profondeur = 0;
  let courant = "";
  sax.on("opentag", (t: SaxesTagNS) => {
    profondeur++;
    if (profondeur === 2 && t.local === "si") courant = "";
    else if (profondeur > 2) {
      const attrs = Object.values(t.attributes)
        .filter((a) => a.uri === "" || a.prefix === "xml")
        .map((a) => [a.name, a.value] as [string, string]);
      courant += baliseOuvrante(t.local, attrs, t.isSelfClosing);
    }
  });
  sax.on("text", (s) => {
    if (profondeur > 2) courant += echapperTexte(s);
  });
  sax.on("cdata", (s) => {
    if (profondeur > 2) courant += echapperTexte(s);
  });
  sax.on("closetag", (t) => {
    if (profondeur === 2 && t.local === "si") out.push(courant);
    else if (profondeur > 2 && !t.isSelfClosing) courant += `</${t.local}>`;
    profondeur--;
  });
  sax.write(octets.toString("utf8"));
  sax.close();
  return out;
}
