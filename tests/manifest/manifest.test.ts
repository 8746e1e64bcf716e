import * as fs from "fs";
import * as path from "path";
import { parseStringPromise } from "xml2js";

const RACINE = path.join(__dirname, "../..");

type Noeud = { $?: Record<string, string>; _?: string; [k: string]: unknown };

/** Every element of the parsed tree, with its tag name (xml2js keeps namespace prefixes: "bt:String"). */
function elements(n: unknown, tag = "", out: { tag: string; n: Noeud }[] = []): { tag: string; n: Noeud }[] {
  if (Array.isArray(n)) n.forEach((x) => elements(x, tag, out));
  else if (n && typeof n === "object") {
    out.push({ tag, n: n as Noeud });
    for (const [k, v] of Object.entries(n)) if (k !== "$" && k !== "_") elements(v, k, out);
  }
  return out;
}

async function lire(fichier: string) {
  const xml = fs.readFileSync(fichier, "utf8");
  const racine = (await parseStringPromise(xml)) as { OfficeApp: Noeud };
  const tous = elements(racine.OfficeApp, "OfficeApp");
  const par = (tag: string) => tous.filter((e) => e.tag === tag).map((e) => e.n);
  const attr = (tag: string, a: string) => par(tag).map((n) => n.$?.[a]);
  return { xml, racine: racine.OfficeApp, tous, par, attr };
}

describe("manifest.xml", () => {
  let m: Awaited<ReturnType<typeof lire>>;
  beforeAll(async () => {
    m = await lire(path.join(RACINE, "manifest.xml"));
  });

  it("a un Id GUID et une version à quatre nombres", () => {
    const [id] = m.racine.Id as string[];
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const [version] = m.racine.Version as string[];
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("cible Excel (Workbook) et exige SharedRuntime 1.1", () => {
    expect(m.attr("Host", "Name")).toContain("Workbook");
    expect(m.attr("Host", "xsi:type")).toContain("Workbook");
    const sets = m.par("Set").map((n) => n.$);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
  });

  it("partage un seul runtime de longue durée entre volet, fonctions et ruban", () => {
    const runtimes = m.par("Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].$).toEqual({ resid: "Taskpane.Url", lifetime: "long" });
    const cf = m.par("ExtensionPoint").find((n) => n.$?.["xsi:type"] === "CustomFunctions") as Noeud;
    const page = elements(cf.Page).find((e) => e.tag === "SourceLocation")?.n.$?.resid;
    expect(page).toBe("Taskpane.Url");
    expect(m.attr("FunctionFile", "resid")).toEqual(["Taskpane.Url"]);
    expect(m.attr("Namespace", "resid")).toEqual(["Functions.Namespace"]);
  });

  it("ouvre le volet depuis un bouton sans TaskpaneId (un seul volet par runtime partagé)", () => {
    const actions = m.par("Action");
    expect(actions.map((a) => a.$?.["xsi:type"])).toEqual(["ShowTaskpane"]);
    expect(actions[0].TaskpaneId).toBeUndefined();
  });

  it("définit chaque resid utilisé dans les ressources", () => {
    const definis = new Set(
      m.tous.filter((e) => /^bt:(Image|Url|String)$/.test(e.tag) && e.n.$?.id).map((e) => e.n.$?.id),
    );
    const utilises = m.tous.map((e) => e.n.$?.resid).filter((r): r is string => !!r);
    expect(utilises.length).toBeGreaterThan(10);
    for (const r of utilises) expect({ resid: r, defini: definis.has(r) }).toEqual({ resid: r, defini: true });
  });

  it("n'utilise que des URL https", () => {
    const urls = m.tous.flatMap((e) => [e.n.$?.DefaultValue, e.n.$?.Value]);
    expect(m.xml).not.toMatch(/http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)/);
    const http = urls.filter((u): u is string => !!u && /^https?:/.test(u));
    expect(http.length).toBeGreaterThan(8);
    for (const u of http) expect(u).toMatch(/^https:\/\//);
  });

  it("respecte les longueurs des chaînes (courtes ≤ 125, longues ≤ 250)", () => {
    const longueurs = (groupe: string) =>
      elements(m.par(groupe))
        .filter((e) => e.tag === "bt:String" || e.tag === "bt:Override")
        .map((e) => e.n.$?.DefaultValue ?? e.n.$?.Value ?? "");
    for (const s of longueurs("bt:ShortStrings")) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of longueurs("bt:LongStrings")) expect(s.length).toBeLessThanOrEqual(250);
  });

  it("est en français par défaut avec des traductions en-US pour chaque texte", () => {
    expect(m.racine.DefaultLocale).toEqual(["fr-FR"]);
    for (const tag of ["DisplayName", "Description"]) {
      expect(m.par(tag)[0].Override).toEqual([{ $: { Locale: "en-US", Value: expect.any(String) } }]);
    }
    const chaines = m.tous.filter((e) => e.tag === "bt:String");
    expect(chaines.length).toBeGreaterThan(4);
    for (const s of chaines) {
      const o = s.n["bt:Override"] as Noeud[] | undefined;
      expect({ id: s.n.$?.id, enUS: o?.[0]?.$?.Locale }).toEqual({ id: s.n.$?.id, enUS: "en-US" });
    }
  });

  it("a ses icônes dans assets/, au bon format PNG et à la bonne taille", () => {
    const icones = m.tous.filter((e) => e.tag === "bt:Image" && e.n.$?.id).map((e) => e.n.$?.DefaultValue as string);
    icones.push(...(m.racine.IconUrl as Noeud[]).map((n) => n.$?.DefaultValue as string));
    icones.push(...(m.racine.HighResolutionIconUrl as Noeud[]).map((n) => n.$?.DefaultValue as string));
    for (const url of icones) {
      const [, fichier, taille] = /^https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)$/.exec(url) ?? [];
      expect(fichier).toBeDefined();
      const png = fs.readFileSync(path.join(RACINE, fichier));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(taille), Number(taille)]);
    }
    for (const t of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(RACINE, `assets/icon-${t}.png`))).toBe(true);
  });
});
