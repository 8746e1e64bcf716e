import * as fs from "fs";
import * as path from "path";
import { estSourcePrimaire, HOTES_PRIMAIRES } from "../../../src/core/regles/primaires";
import { estPublicationAdeme } from "../../../src/core/regles/schemas/carbone";

/**
 * Issue 11, « Done when »: every version of every rule table is either H with a source on an accepted primary host, or
 * M/L with its reason written in the table. The same holds for the figures that carry their own confidence inside a
 * version (a grid row, a component, a factor): at H they cite a primary text (their own, or the version's when they
 * have none; an emission factor: an ADEME publication), at M/L they say why (their own `motif`/`raison`, or the
 * version's `motifConfiance` when the version itself is M/L). The check reads the JSON files as they are, apart from
 * the loader, so a table the loader would let through still fails here.
 */
const DATA = path.join(__dirname, "../../../src/core/regles/data");
const fichiers = fs.readdirSync(DATA).filter((f) => f.endsWith(".json"));

interface Version {
  effetDu: string;
  confiance: string;
  motifConfiance?: string;
  sources: { url: string }[];
  valeurs: unknown;
}

const hote = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return `« ${url} »`;
  }
};

/** Objects of `v` that carry a `confiance` of their own, with their JSON path. */
function figures(v: unknown, chemin: string, out: { chemin: string; o: Record<string, unknown> }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => figures(x, `${chemin}[${i}]`, out));
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.confiance === "string") out.push({ chemin, o });
    for (const [k, x] of Object.entries(o)) figures(x, `${chemin}.${k}`, out);
  }
  return out;
}

/** The URL a figure cites itself: `source` (an address or { url }), or `url`. */
function urlPropre(o: Record<string, unknown>): string | undefined {
  const s = o.source;
  if (typeof s === "string" && /^https?:\/\//.test(s)) return s;
  if (s && typeof s === "object" && typeof (s as { url?: unknown }).url === "string") return (s as { url: string }).url;
  return typeof o.url === "string" ? o.url : undefined;
}

const ecrit = (x: unknown) => typeof x === "string" && x.trim().length > 0;

/** Every fault of one table: « fichier versions[i] (du AAAA-MM-JJ)[.chemin] : … ». */
function fautesDeConfiance(fichier: string, table: { versions: Version[] }): string[] {
  const fautes: string[] = [];
  table.versions.forEach((v, i) => {
    const ou = `${fichier} versions[${i}] (du ${v.effetDu})`;
    const primaire = v.sources.some((s) => estSourcePrimaire(s.url));
    if (v.confiance === "H" && !primaire)
      fautes.push(
        `${ou} : confiance H sans source d'un hôte accepté (${v.sources.map((s) => hote(s.url)).join(", ")})`,
      );
    if (v.confiance !== "H" && !ecrit(v.motifConfiance))
      fautes.push(`${ou} : confiance ${v.confiance} sans motif écrit`);
    for (const { chemin, o } of figures(v.valeurs, "valeurs")) {
      const url = urlPropre(o);
      if (o.confiance === "H") {
        const facteur = fichier === "carbone-facteurs.json" && chemin.startsWith("valeurs.facteurs.");
        const ok = facteur ? !!url && estPublicationAdeme(url) : url ? estSourcePrimaire(url) : primaire;
        if (!ok)
          fautes.push(`${ou}.${chemin} : confiance H sans texte primaire (${url ? hote(url) : "aucune source"})`);
      } else if (!ecrit(o.motif) && !ecrit(o.raison) && !(v.confiance !== "H" && ecrit(v.motifConfiance)))
        fautes.push(`${ou}.${chemin} : confiance ${String(o.confiance)} sans motif, dans une version H`);
    }
  });
  return fautes;
}

const lire = (f: string) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8")) as { versions: Version[] };

describe("chaque version de chaque table : H sur un texte primaire, ou M/L avec son motif écrit", () => {
  it("les hôtes acceptés pour H sont ceux de la liste (Légifrance, JO, BOFiP, CNC, Unédic, Urssaf, BOSS, Audiens…)", () => {
    expect(HOTES_PRIMAIRES.map((h) => h.hote)).toEqual(
      expect.arrayContaining(["legifrance.gouv.fr", "journal-officiel.gouv.fr", "bofip.impots.gouv.fr", "cnc.fr"]),
    );
  });

  it.each(fichiers)("%s : chaque version et chaque chiffre à confiance propre", (f) => {
    expect(fautesDeConfiance(f, lire(f))).toEqual([]);
  });

  it("l'inventaire couvre toutes les versions (H, M et L) et les chiffres à confiance propre", () => {
    const versions = fichiers.flatMap((f) => lire(f).versions.map((v) => v.confiance));
    expect(versions.length).toBeGreaterThanOrEqual(50);
    expect(new Set(versions)).toEqual(new Set(["H", "M", "L"]));
    const propres = fichiers.flatMap((f) => lire(f).versions.flatMap((v) => figures(v.valeurs, "valeurs")));
    expect(propres.length).toBeGreaterThan(100);
  });

  it("le contrôle voit chaque faute : M sans motif, H sur un hôte non accepté, chiffre M sans motif dans une version H", () => {
    const t = lire("idcc3097-minima.json");
    // The 2024 grid: it mixes H floors, M lines and two L floors.
    const v = t.versions.find((x) => x.effetDu === "2024-04-01")!;
    const casse: { versions: Version[] } = {
      versions: [
        { ...v, effetDu: "2020-01-01", confiance: "M", motifConfiance: "  " },
        {
          ...v,
          effetDu: "2021-01-01",
          confiance: "H",
          sources: [{ url: "https://www.aoassocies.com/conventions-salaires/" }],
        },
        { ...v, effetDu: "2022-01-01", confiance: "H", motifConfiance: undefined },
      ],
    };
    expect(fautesDeConfiance("idcc3097-minima.json", casse)).toEqual(
      expect.arrayContaining([
        "idcc3097-minima.json versions[0] (du 2020-01-01) : confiance M sans motif écrit",
        "idcc3097-minima.json versions[1] (du 2021-01-01) : confiance H sans source d'un hôte accepté (aoassocies.com)",
        // « Monteur adjoint » is L without a motif of its own: a version at H would leave it unexplained.
        "idcc3097-minima.json versions[2] (du 2022-01-01).valeurs.fonctions[14] : confiance L sans motif, dans une version H",
      ]),
    );
    const carbone = lire("carbone-facteurs.json");
    const facteur = Object.entries(
      (carbone.versions[0].valeurs as { facteurs: Record<string, { confiance: string; url?: string }> }).facteurs,
    ).find(([, x]) => x.confiance === "H")!;
    facteur[1].url = "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000034502756";
    expect(fautesDeConfiance("carbone-facteurs.json", carbone)).toEqual([
      `carbone-facteurs.json versions[0] (du 2023-03-31).valeurs.facteurs.${facteur[0]} : confiance H sans texte ` +
        "primaire (legifrance.gouv.fr)",
    ]);
  });
});
