import { SaxesParser, type SaxesTagNS } from "saxes";

/**
 * The parts of an xlsx package that Prodbook reads or edits beside ExcelJS (workbook, relationships, content
 * types, sheet heads and tails, tables, shared strings) are read with saxes, a conforming streaming XML parser:
 * entities (named and numeric) are decoded, namespaces resolved whatever their prefix, and each element's
 * position in the text is known, so that an edit is a splice at an element's bounds, never a regular expression.
 */
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_XMLNS = "http://www.w3.org/2000/xmlns/";

export interface Attribut {
  /** Qualified name as written ("r:id"). */
  nom: string;
  local: string;
  uri: string;
  valeur: string;
}

export interface Element {
  nom: string;
  local: string;
  uri: string;
  /** Attributes other than namespace declarations, by qualified name. */
  attributs: Attribut[];
  /** Namespace declarations written on this element: prefix ("" for the default) → URI. */
  declarations: Map<string, string>;
  /** Every attribute, declarations included, by qualified name in written order. */
  ecrits: [string, string][];
  /** Index of its "<". */
  debut: number;
  /** Index just after its start tag's ">". */
  finOuverture: number;
  /** Index of its end tag's "</" (its content ends there); `fin` when self-closing. */
  debutFermeture: number;
  /** Index just after its end tag (or of its self-closing start tag). */
  fin: number;
  autoFermant: boolean;
  profondeur: number;
  parent?: Element;
  /** Its text (direct and in descendants), when asked for. */
  texte?: string;
}

export function attr(e: Element, local: string, uri = ""): string | undefined {
  return e.attributs.find((a) => a.local === local && a.uri === uri)?.valeur;
}

/** Thrown when a part is not well-formed XML; `partie` names it. */
export class XmlIllisibleError extends Error {
  constructor(
    public readonly partie: string,
    cause: string,
  ) {
    super(`Partie « ${partie} » : XML illisible (${cause})`);
  }
}

export interface OptionsLecture {
  /** Elements deeper than this are not kept (their text still counts for `texte`); default: all. */
  profondeurMax?: number;
  /** Children of the root with these local names are kept whole, whatever `profondeurMax`. */
  complets?: string[];
  /** Collect the text of the elements kept (off by default). */
  texte?: boolean;
  /** Name of the part, for error messages. */
  partie?: string;
}

/** Every element of `xml` in document order (depth 0 = root), with its bounds in the text. */
export function elements(xml: string, opts: OptionsLecture = {}): Element[] {
  const max = opts.profondeurMax ?? Infinity;
  const out: Element[] = [];
  const pile: (Element | undefined)[] = [];
  const ouverts: Element[] = [];
  const complets = opts.complets ?? [];
  let dansComplet = 0;
  const p = new SaxesParser({ xmlns: true, position: true });
  let debut = 0;
  p.on("opentagstart", (t) => {
    debut = xml.lastIndexOf("<" + t.name, p.position);
  });
  p.on("opentag", (t: SaxesTagNS) => {
    const profondeur = pile.length;
    if (profondeur === 1 && complets.includes(t.local)) dansComplet = 1;
    else if (dansComplet) dansComplet++;
    if (profondeur > max && !dansComplet) {
      pile.push(undefined);
      return;
    }
    const attributs: Attribut[] = [];
    const declarations = new Map<string, string>();
    for (const a of Object.values(t.attributes)) {
      if (a.uri === NS_XMLNS || a.name === "xmlns") declarations.set(a.name === "xmlns" ? "" : a.local, a.value);
      else attributs.push({ nom: a.name, local: a.local, uri: a.uri, valeur: a.value });
    }
    const e: Element = {
      nom: t.name,
      local: t.local,
      uri: t.uri,
      attributs,
      declarations,
      ecrits: Object.values(t.attributes).map((a) => [a.name, a.value]),
      debut,
      finOuverture: p.position,
      debutFermeture: p.position,
      fin: p.position,
      autoFermant: t.isSelfClosing,
      profondeur,
      parent: ouverts[ouverts.length - 1],
      ...(opts.texte ? { texte: "" } : {}),
    };
    out.push(e);
    pile.push(e);
    ouverts.push(e);
  });
  p.on("closetag", () => {
    if (dansComplet) dansComplet--;
    const e = pile.pop();
    if (!e) return;
    e.fin = p.position;
    if (!e.autoFermant) e.debutFermeture = xml.lastIndexOf("</", p.position - 1);
    ouverts.pop();
  });
  if (opts.texte) {
    const ajouter = (s: string) => {
      for (const e of ouverts) e.texte += s;
    };
    p.on("text", ajouter);
    p.on("cdata", ajouter);
  }
  try {
    p.write(xml).close();
  } catch (e) {
    throw new XmlIllisibleError(opts.partie ?? "?", (e as Error).message);
  }
  return out;
}

/** The children of `parent` (or the root's, when omitted) with the given local name. */
export function enfants(tous: Element[], parent: Element | undefined, local?: string): Element[] {
  return tous.filter((e) => e.parent === parent && (local === undefined || e.local === local));
}

export function racine(tous: Element[]): Element {
  const r = tous.find((e) => e.profondeur === 0);
  if (!r) throw new XmlIllisibleError("?", "pas d'élément racine");
  return r;
}

/** Text as XML character data: & < > escaped, and CR kept as a reference (a parser would turn a raw one into LF). */
export function echapperTexte(s: string): string {
  return /[&<>\r]/.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;")
    : s;
}

/** An attribute value between double quotes: also " and the whitespace characters a parser would normalise. */
export function echapperAttribut(s: string): string {
  return /[&<>"\r\n\t]/.test(s)
    ? s
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/\r/g, "&#13;")
        .replace(/\n/g, "&#10;")
        .replace(/\t/g, "&#9;")
    : s;
}

/** A start tag from a name and attributes (values escaped). */
export function baliseOuvrante(nom: string, attributs: [string, string][], autoFermante = false): string {
  let s = "<" + nom;
  for (const [n, v] of attributs) s += ` ${n}="${echapperAttribut(v)}"`;
  return s + (autoFermante ? "/>" : ">");
}

/** The element's start tag written again with `changer` applied to its attributes (declarations included). */
export function ouvertureModifiee(
  e: Element,
  changer: (attributs: [string, string][]) => [string, string][],
  autoFermante = e.autoFermant,
): string {
  return baliseOuvrante(e.nom, changer(e.ecrits.map(([n, v]) => [n, v])), autoFermante);
}

export interface Remplacement {
  debut: number;
  fin: number;
  texte: string;
}

/** Applies non-overlapping replacements to `xml`. */
export function remplacer(xml: string, remplacements: Remplacement[]): string {
  const tries = [...remplacements].sort((a, b) => a.debut - b.debut);
  let out = "",
    i = 0;
  for (const r of tries) {
    if (r.debut < i) throw new Error("Remplacements XML qui se chevauchent");
    out += xml.slice(i, r.debut) + r.texte;
    i = r.fin;
  }
  return out + xml.slice(i);
}

/** The end of the sequence of <worksheet>'s children in the schema (CT_Worksheet, ECMA-376 Part 1), in order. */
const FIN_DE_FEUILLE = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** The children of <worksheet> that CT_Worksheet puts after `local`, for `positionAvant`. */
export function apresDansFeuille(local: (typeof FIN_DE_FEUILLE)[number]): string[] {
  return FIN_DE_FEUILLE.slice(FIN_DE_FEUILLE.indexOf(local) + 1);
}

/**
 * Where a new child of the root goes so that the children keep the schema's order: before the first child
 * whose local name is in `suivants`, else before the root's end tag.
 */
export function positionAvant(tous: Element[], suivants: string[]): number {
  const r = racine(tous);
  const suivant = enfants(tous, r).find((e) => suivants.includes(e.local));
  if (suivant) return suivant.debut;
  if (r.autoFermant) throw new XmlIllisibleError("?", `élément racine <${r.nom}/> vide`);
  return r.debutFermeture;
}

/**
 * An element written again on its own: children in the spreadsheet main namespace lose their prefix (the
 * target part has it as default namespace), attributes in other namespaces are left out unless `garder`
 * names their URI, in which case their prefix is declared on the subtree's root.
 */
export function sousArbre(xml: string, tous: Element[], e: Element, garder: string[] = []): string {
  const dedans = tous.filter((x) => x === e || descend(x, e));
  const usages = new Map<string, string>();
  let out = "";
  let i = e.debut;
  const pile: Element[] = [];
  const fermer = (jusqua: number) => {
    while (pile.length && pile[pile.length - 1].fin <= jusqua) {
      const f = pile.pop()!;
      out += texteEntre(xml, i, f.debutFermeture);
      out += `</${nomSans(f, garder, usages)}>`;
      i = f.fin;
    }
  };
  for (const x of dedans) {
    fermer(x.debut);
    out += texteEntre(xml, i, x.debut);
    const attrs: [string, string][] = [];
    for (const a of x.attributs) {
      if (a.uri === "" || a.nom.startsWith("xml:")) attrs.push([a.nom, a.valeur]);
      else if (garder.includes(a.uri)) {
        usages.set(a.nom.split(":")[0], a.uri);
        attrs.push([a.nom, a.valeur]);
      }
    }
    out += baliseOuvrante(nomSans(x, garder, usages), attrs, x.autoFermant);
    i = x.finOuverture;
    if (!x.autoFermant) pile.push(x);
  }
  fermer(Infinity);
  if (usages.size === 0) return out;
  const decl = [...usages].map(([p, u]) => ` xmlns:${p}="${echapperAttribut(u)}"`).join("");
  // Declarations first, right after the element's name.
  const k = out.search(/[\s/>]/);
  return out.slice(0, k) + decl + out.slice(k);
}

function nomSans(e: Element, garder: string[], usages: Map<string, string>): string {
  if (e.uri === NS_MAIN) return e.local;
  if (e.nom.includes(":") && garder.includes(e.uri)) usages.set(e.nom.split(":")[0], e.uri);
  return e.nom;
}

function descend(x: Element, e: Element): boolean {
  for (let p = x.parent; p; p = p.parent) if (p === e) return true;
  return false;
}

/** Character data between two tags, written again (entities decoded then escaped; comments dropped). */
function texteEntre(xml: string, de: number, a: number): string {
  if (a <= de) return "";
  const brut = xml.slice(de, a);
  if (!/[<&]/.test(brut)) return brut;
  let t = "";
  const p = new SaxesParser({ fragment: true });
  p.on("text", (s) => (t += s));
  p.on("cdata", (s) => (t += s));
  p.write(brut).close();
  return echapperTexte(t);
}
