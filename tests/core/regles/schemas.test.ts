import * as fs from "fs";
import * as path from "path";
import {
  estExportLegi,
  estPageLegifranceIdentifiee,
  estSourcePrimaire,
  EXPORTS_LEGI,
  exportsSansLegifrance,
  HOTES_PRIMAIRES,
} from "../../../src/core/regles/primaires";
import { SCHEMAS_TABLES } from "../../../src/core/regles/schemas";
import { TableReglesInvalideError, validerTable } from "../../../src/core/regles/table";

const DATA = path.join(__dirname, "../../../src/core/regles/data");
const fichiers = fs.readdirSync(DATA).filter((f) => f.endsWith(".json"));
const lire = (f: string): unknown => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8"));

/** A valid table to break one field at a time. */
function cinema(): { id: string; description: string; versions: Record<string, unknown>[] } {
  return {
    id: "credit-impot-cinema",
    description: "Taux",
    versions: [
      {
        effetDu: "2020-01-01",
        effetAu: "2020-12-31",
        confiance: "M",
        sources: [{ titre: "t", url: "https://exemple.fr/a" }],
        motifConfiance: "Lu sur une fiche d'aide seulement.",
        valeurs: { taux: "0.20", tauxMajore: "0.30", partPlansVfxAnimation: "0.15" },
      },
      {
        effetDu: "2021-01-01",
        confiance: "H",
        sources: [{ titre: "CGI", url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048833463" }],
        valeurs: { taux: "0.20", tauxMajore: "0.30", partPlansVfxAnimation: "0.15" },
      },
    ],
  };
}

function erreur(brut: unknown, fichier = "credit-impot-cinema.json"): string {
  try {
    validerTable(brut, fichier);
  } catch (e) {
    expect(e).toBeInstanceOf(TableReglesInvalideError);
    return (e as Error).message;
  }
  throw new Error("la table aurait dû être refusée");
}

describe("schémas des tables de règles", () => {
  it("chaque fichier de données a un schéma dans le registre, et chaque schéma un fichier", () => {
    expect(fichiers.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(Object.keys(SCHEMAS_TABLES).sort());
  });

  it.each(fichiers)("%s est valide", (f) => {
    expect(() => validerTable(lire(f), f)).not.toThrow();
  });

  it("une table valide passe", () => {
    expect(validerTable(cinema(), "credit-impot-cinema.json").versions).toHaveLength(2);
  });

  it("un poste de correspondance PCG est un numéro de poste ou un chapitre sous le total du devis", () => {
    const table = (poste: string) => {
      const t = lire("correspondances-pcg.json") as { versions: { valeurs: { correspondances: object[] } }[] };
      t.versions[0].valeurs.correspondances = [{ compte: "6411", poste, libelle: "Salaires" }];
      return t;
    };
    for (const poste of ["2", "2.3.1", "FG", "IMP", "FF", "PROD"])
      expect(() => validerTable(table(poste), "correspondances-pcg.json")).not.toThrow();
    for (const poste of ["X", "FGX", "2.", "P"])
      expect(erreur(table(poste), "correspondances-pcg.json")).toMatch(/poste du devis/);
  });

  it.each([
    [
      "taux hors de [0, 1]",
      (t: ReturnType<typeof cinema>) =>
        (t.versions[0].valeurs = { taux: "1.5", tauxMajore: "0.30", partPlansVfxAnimation: "0.15" }),
      "versions[0].valeurs.taux : « 1.5 » n'est pas un taux décimal entre 0 et 1",
    ],
    [
      "taux en nombre",
      (t: ReturnType<typeof cinema>) =>
        (t.versions[1].valeurs = { taux: 0.3, tauxMajore: "0.30", partPlansVfxAnimation: "0.15" }),
      "versions[1].valeurs.taux : 0.3 : un texte attendu",
    ],
    [
      "clé de valeur manquante",
      (t: ReturnType<typeof cinema>) => (t.versions[0].valeurs = { tauxMajore: "0.30", partPlansVfxAnimation: "0.15" }),
      "versions[0].valeurs.taux : manquant",
    ],
    [
      "clé inconnue",
      (t: ReturnType<typeof cinema>) =>
        (t.versions[0].valeurs = { taux: "0.3", tauxMajore: "0.30", partPlansVfxAnimation: "0.15", tuax: "0.2" }),
      "versions[0].valeurs.tuax : clé inconnue",
    ],
    [
      "date impossible",
      (t: ReturnType<typeof cinema>) => (t.versions[0].effetDu = "2020-02-30"),
      "versions[0].effetDu : « 2020-02-30 » n'est pas une date AAAA-MM-JJ",
    ],
    [
      "effetAu avant effetDu",
      (t: ReturnType<typeof cinema>) => (t.versions[0].effetAu = "2019-12-31"),
      "versions[0].effetAu : 2019-12-31 est antérieur à effetDu 2020-01-01",
    ],
    [
      "versions qui se chevauchent",
      (t: ReturnType<typeof cinema>) => (t.versions[1].effetDu = "2020-12-31"),
      "versions[1].effetDu : 2020-12-31 chevauche versions[0]",
    ],
    [
      "version ouverte avant une autre",
      (t: ReturnType<typeof cinema>) => delete t.versions[0].effetAu,
      "versions[1].effetDu : versions[0] est sans effetAu",
    ],
    [
      "H sans texte primaire",
      (t: ReturnType<typeof cinema>) => (t.versions[1].sources = [{ titre: "blog", url: "https://blog.compta.com/x" }]),
      "versions[1].sources : confiance H sans texte primaire",
    ],
    [
      "M sans motif",
      (t: ReturnType<typeof cinema>) => delete t.versions[0].motifConfiance,
      "versions[0].motifConfiance : confiance M sans motif : dites pourquoi aucun texte primaire ne porte ces chiffres",
    ],
    [
      "journal des recherches vide",
      (t: ReturnType<typeof cinema>) => (t.versions[0].recherche = "  "),
      "versions[0].recherche : ne doit pas être vide",
    ],
    [
      "sans source",
      (t: ReturnType<typeof cinema>) => (t.versions[0].sources = []),
      "versions[0].sources : vide : chaque chiffre doit être sourcé",
    ],
    [
      "URL invalide",
      (t: ReturnType<typeof cinema>) => (t.versions[0].sources = [{ titre: "x", url: "legifrance" }]),
      "versions[0].sources[0].url : « legifrance » n'est pas une URL",
    ],
    [
      "confiance inconnue",
      (t: ReturnType<typeof cinema>) => (t.versions[0].confiance = "A"),
      'versions[0].confiance : "A" : la confiance vaut H, M ou L',
    ],
  ])("%s : refusée avec le fichier et le chemin JSON", (_nom, casser, attendu) => {
    const t = cinema();
    casser(t);
    expect(erreur(t)).toContain(`Table de règles credit-impot-cinema.json : ${attendu}`);
  });

  it("montants en centimes entiers, durées en minutes entières, grilles croissantes", () => {
    const plafond = { id: "credit-impot-cinema-plafond", description: "p", versions: [{ ...cinema().versions[0] }] };
    delete plafond.versions[0].effetAu;
    plafond.versions[0].valeurs = { plafondOeuvre: "30000000" };
    expect(erreur(plafond, "credit-impot-cinema-plafond.json")).toContain(
      `versions[0].valeurs.plafondOeuvre : "30000000" : un nombre attendu`,
    );
    plafond.versions[0].valeurs = { plafondOeuvre: 3000000000.5 };
    expect(erreur(plafond, "credit-impot-cinema-plafond.json")).toContain(
      "versions[0].valeurs.plafondOeuvre : 3000000000.5 n'est pas un montant en centimes (entier ≥ 0)",
    );
    const minimum = lire("credit-impot-audiovisuel-minimum-documentaire.json") as { versions: { valeurs: object }[] };
    minimum.versions[0].valeurs = { depensesMinute: 200000, dureeMinutes: 24.5 };
    expect(erreur(minimum, "credit-impot-audiovisuel-minimum-documentaire.json")).toContain(
      "versions[0].valeurs.dureeMinutes : 24.5 n'est pas un nombre entier de minutes ≥ 1",
    );
    const fiction = lire("credit-impot-audiovisuel-plafond-minute-fiction.json") as {
      versions: { valeurs: { tranches: { coutMinuteDe: number }[] } }[];
    };
    fiction.versions[0].valeurs.tranches[2].coutMinuteDe = 1000000;
    expect(erreur(fiction, "credit-impot-audiovisuel-plafond-minute-fiction.json")).toContain(
      "versions[0].valeurs.tranches : les lignes doivent être en ordre strictement croissant de « coutMinuteDe »",
    );
  });

  it("l'id doit être celui du fichier et avoir un schéma", () => {
    expect(erreur(cinema(), "credit-impot-cinema-plafond.json")).toContain(
      "Table de règles credit-impot-cinema-plafond.json : id : « credit-impot-cinema » ne correspond pas au nom du fichier",
    );
    expect(erreur({ ...cinema(), id: "inconnue" }, "inconnue.json")).toContain("« inconnue » n'a pas de schéma");
    expect(erreur("texte", "x.json")).toContain("Table de règles x.json : id : manquant");
  });
});

describe("sources primaires", () => {
  it("la liste des hôtes acceptés pour la confiance H", () => {
    expect(HOTES_PRIMAIRES.map((h) => h.hote)).toEqual([
      "legifrance.gouv.fr",
      "journal-officiel.gouv.fr",
      "bofip.impots.gouv.fr",
      "cnc.fr",
      "unedic.org",
      "urssaf.fr",
      "boss.gouv.fr",
      "audiens.org",
      "guidepratique-audiens.org",
      "eur-lex.europa.eu",
      "legal.tricoteuses.fr",
    ]);
    expect(HOTES_PRIMAIRES.every((h) => h.motif.length > 10)).toBe(true);
  });

  it.each([
    ["https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000048833463", true],
    ["https://bofip.impots.gouv.fr/bofip/5743-PGP.html", true],
    ["http://www.cnc.fr/web/fr/credit-d-impot-audiovisuel", true],
    ["https://www.unedic.org/a", true],
    ["http://www.guidepratique-audiens.org/conges-spectacles.html", true],
    ["https://guidepratique-audiens.org.exemple.com/x", false],
    ["https://legal.tricoteuses.fr/articles/JORFARTI000031732991", true],
    ["https://legal.tricoteuses.fr/recherche?q=220", false],
    ["https://www.assemblee-nationale.fr/dyn/17/amendements/1906A/CION_FIN/CF891", false],
    ["https://blog.compta.com/depenses-de-production-credit-dimpot-audiovisuel/", false],
    ["https://legifrance.gouv.fr.exemple.com/x", false],
    ["https://faux-cnc.fr/x", false],
    ["ftp://legifrance.gouv.fr/x", false],
    // A private republisher of the codes, not their official publisher: the RGA read there stays « à vérifier ».
    ["https://juriblio.fr/codes/code-du-cinema-et-de-l-image-animee/annexe/livre-ii/titre-i/chapitre-i", false],
  ])("%s → %s", (url, attendu) => {
    expect(estSourcePrimaire(url)).toBe(attendu);
  });
});

/**
 * Exports of the LEGI database (Etalab, Tricoteuses): a faithful copy of Légifrance, where a text may be read, never
 * cited alone. A version reaches H on such a reading only with the Légifrance page of the same identifier (LEGIARTI…,
 * JORFTEXT…) among its sources, and its note names the export (docs/regles.md, « Exports de la base LEGI »).
 */
describe("exports de la base LEGI : acceptés pour H seulement avec la page Légifrance de l'identifiant", () => {
  const GIT_TRICOTEUSES =
    "https://git.tricoteuses.fr/codes/code_general_des_impots/commit/2d0181abc0fe34bf549d9468e83ddc0604b5a3ad";
  const ETALAB =
    "https://github.com/etalab/codes-juridiques-francais/blob/219131b46c3bee82ec3d8fa7d920f6f80b831a43/codes-en-vigueur/code-du-cinema-et-de-l-image-animee/partie-reglementaire/livre-iii/titre-iii/chapitre-ier/section-1/sous-section-1/paragraphe-2/article-d331-4.md";
  const LEGIFRANCE_ARTICLE = "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000041520138";

  it("les deux exports acceptés et ce qu'ils sont", () => {
    expect(EXPORTS_LEGI.map((e) => [e.hote, e.chemin.source])).toEqual([
      ["git.tricoteuses.fr", "^\\/codes\\/"],
      ["github.com", "^\\/etalab\\/codes-juridiques-francais(\\/|$)"],
    ]);
    expect(EXPORTS_LEGI.every((e) => /base LEGI de la DILA/.test(e.motif))).toBe(true);
  });

  it.each([
    [GIT_TRICOTEUSES, true],
    [ETALAB, true],
    ["https://github.com/etalab/codes-juridiques-francais", true],
    // Another repository of the same hosts is not the export.
    ["https://github.com/etalab/calculette-impots-m-source-code/blob/master/README.md", false],
    ["https://github.com/exemple/codes-juridiques-francais/blob/x/article.md", false],
    ["https://git.tricoteuses.fr/autre/depot", false],
    ["https://git.tricoteuses.fr.exemple.com/codes/x", false],
  ])("%s est un export de la base LEGI → %s", (url, attendu) => {
    expect(estExportLegi(url)).toBe(attendu);
  });

  it("un export seul n'est pas un texte primaire, ni lien « Texte » dans le volet", () => {
    expect(estSourcePrimaire(GIT_TRICOTEUSES)).toBe(false);
    expect(estSourcePrimaire(ETALAB)).toBe(false);
  });

  it.each([
    [LEGIFRANCE_ARTICLE, true],
    ["https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000029223531", true],
    ["https://circulaires.legifrance.gouv.fr/loda/article_lc/LEGIARTI000039793007/2022-01-25", true],
    // A Légifrance page without the identifier of an article or a text, or the identifier on a mirror.
    ["https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000046044080", false],
    ["https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050", false],
    ["https://legal.tricoteuses.fr/articles/LEGIARTI000041520138", false],
    ["https://legifrance.gouv.fr.exemple.com/codes/article_lc/LEGIARTI000041520138", false],
  ])("%s est une page Légifrance identifiée → %s", (url, attendu) => {
    expect(estPageLegifranceIdentifiee(url)).toBe(attendu);
  });

  it("les exports d'une version ne comptent qu'à côté d'une page Légifrance identifiée", () => {
    expect(exportsSansLegifrance([GIT_TRICOTEUSES])).toEqual([GIT_TRICOTEUSES]);
    expect(exportsSansLegifrance([ETALAB, "https://legal.tricoteuses.fr/articles/LEGIARTI000041520138"])).toEqual([
      ETALAB,
    ]);
    expect(exportsSansLegifrance([GIT_TRICOTEUSES, LEGIFRANCE_ARTICLE])).toEqual([]);
    expect(exportsSansLegifrance([LEGIFRANCE_ARTICLE])).toEqual([]);
  });

  const version = (confiance: string, urls: string[]) => ({
    id: "credit-impot-cinema-realisateur",
    description: "Réalisateur",
    versions: [
      {
        effetDu: "2020-01-01",
        confiance,
        sources: urls.map((url) => ({ titre: "CGI art. 220 quaterdecies", url })),
        ...(confiance === "H" ? {} : { motifConfiance: "Lu dans un export seulement." }),
        valeurs: { tranches: [{ jusqua: 400000000, taux: "0.15" }] },
      },
    ],
  });

  it("validerTable refuse une version H lue dans un export sans la page Légifrance, même avec un miroir primaire", () => {
    expect(
      erreur(
        version("H", [GIT_TRICOTEUSES, "https://legal.tricoteuses.fr/articles/LEGIARTI000041520138"]),
        "credit-impot-cinema-realisateur.json",
      ),
    ).toBe(
      "Table de règles credit-impot-cinema-realisateur.json : versions[0].sources : confiance H lue dans un export " +
        `de la base LEGI (${GIT_TRICOTEUSES}) sans la page Légifrance de l'article (identifiant LEGIARTI… ou ` +
        "JORFTEXT…) : citez-la dans la même version",
    );
    expect(erreur(version("H", [GIT_TRICOTEUSES]), "credit-impot-cinema-realisateur.json")).toContain(
      "confiance H sans texte primaire",
    );
  });

  it("validerTable accepte l'export à H avec la page Légifrance, et à M seul", () => {
    expect(() =>
      validerTable(version("H", [GIT_TRICOTEUSES, LEGIFRANCE_ARTICLE]), "credit-impot-cinema-realisateur.json"),
    ).not.toThrow();
    expect(() => validerTable(version("M", [GIT_TRICOTEUSES]), "credit-impot-cinema-realisateur.json")).not.toThrow();
  });

  it("dans les tables, chaque version H lue dans un export cite la page Légifrance et nomme l'export dans sa note", () => {
    type V = { effetDu: string; confiance: string; note?: string; sources: { url: string }[] };
    const lues = fichiers.flatMap((f) =>
      (lire(f) as { versions: V[] }).versions
        .filter((v) => v.confiance === "H" && v.sources.some((s) => estExportLegi(s.url)))
        .map((v) => ({ ou: `${f} du ${v.effetDu}`, ...v })),
    );
    // The fiction minima of 2016-2021 are read in Etalab's export (D331-4, original wording).
    expect(lues.map((v) => v.ou)).toContain("credit-impot-audiovisuel-minimum-fiction.json du 2016-01-01");
    expect(lues.filter((v) => !v.sources.some((s) => estPageLegifranceIdentifiee(s.url))).map((v) => v.ou)).toEqual([]);
    expect(
      lues
        .filter(
          (v) =>
            !/export de la base LEGI publié par Etalab|export git de la base LEGI par Tricoteuses/.test(v.note ?? ""),
        )
        .map((v) => v.ou),
    ).toEqual([]);
  });
});

describe("catégories de financement : un classement H cite un texte primaire", () => {
  const fichier = path.join(__dirname, "../../../src/core/regles/data/financement-categories.json");
  const brut = () => JSON.parse(fs.readFileSync(fichier, "utf8"));
  type Cat = { id: string; classement: { confiance: string; source: { url: string }; motif?: string } };
  const categories = (t: { versions: { valeurs: { categories: Cat[] } }[] }) => t.versions[0].valeurs.categories;

  it("les classements H de la table ont tous une source officielle ; ceux lus sur juriblio.fr sont M avec leur motif", () => {
    const cats = categories(brut());
    for (const c of cats.filter((x) => x.classement.confiance === "H"))
      expect([c.id, estSourcePrimaire(c.classement.source.url)]).toEqual([c.id, true]);
    const juriblio = cats.filter((c) => c.classement.source.url.includes("juriblio.fr"));
    expect(juriblio.map((c) => c.id)).toEqual([
      "apport-soutien-automatique",
      "cnc-soutien-automatique",
      "cnc-selectif",
      "cnc-avance-recettes",
    ]);
    for (const c of juriblio) {
      expect(c.classement.confiance).toBe("M");
      expect(c.classement.motif).toContain("juriblio.fr");
    }
  });

  it("un classement H dont la source n'est pas officielle est refusé, l'adresse nommée", () => {
    const t = brut();
    const c = categories(t).find((x) => x.id === "cnc-selectif")!;
    c.classement.confiance = "H";
    expect(erreur(t, "financement-categories.json")).toContain(
      "classement en confiance H sans texte primaire : https://juriblio.fr/",
    );
  });
});

describe("base des crédits cinéma et audiovisuel plafonnée à 80 % du budget (220 sexies III-3)", () => {
  const fichier = path.join(__dirname, "../../../src/core/regles/data/credit-impot-plafond-budget.json");
  it("la table est valide : H sur le texte lu (rédaction du 12 décembre 2013), M ensuite avec son motif", () => {
    const t = validerTable<{ partBudgetMax: string }>(
      JSON.parse(fs.readFileSync(fichier, "utf8")),
      "credit-impot-plafond-budget.json",
    );
    expect(t.versions.map((v) => [v.effetDu, v.effetAu, v.confiance, v.valeurs.partBudgetMax])).toEqual([
      ["2013-12-12", "2015-12-31", "H", "0.80"],
      ["2016-01-01", "2028-12-31", "M", "0.80"],
    ]);
    expect(t.versions[0].sources[0].titre).toContain(
      "l'assiette des dépenses éligibles est plafonnée à 80 % du budget de production de l'oeuvre",
    );
    expect(t.versions[0].sources[0].url).toBe(
      "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949450/2013-12-12",
    );
    expect(t.versions[1].motifConfiance).toContain("rédaction du 12 décembre 2013");
  });
});

/** What the motif shown to the user must not be: a research log (issue 13). */
const JOURNAL = /recherche du|dépôt|github|https?:|frenchneo|SiERRA74|Legilibre|etalab|piste/i;

describe("motif « à vérifier » : une ou deux phrases pour le comptable, le journal des recherches à part", () => {
  type Version = { effetDu: string; confiance: string; motifConfiance?: string; recherche?: string };
  const versions = fichiers.flatMap((f) =>
    (lire(f) as { versions: Version[] }).versions.map((v) => ({ ou: `${f} du ${v.effetDu}`, ...v })),
  );

  it("chaque motif fait 300 caractères au plus, sans dépôt, adresse, date de recherche ni piste", () => {
    const motifs = versions.filter((v) => v.motifConfiance !== undefined);
    expect(motifs.length).toBeGreaterThanOrEqual(34);
    expect(motifs.filter((v) => (v.motifConfiance ?? "").length > 300).map((v) => v.ou)).toEqual([]);
    expect(motifs.filter((v) => JOURNAL.test(v.motifConfiance ?? "")).map((v) => v.ou)).toEqual([]);
    // The check sees a research log when there is one: the logs moved to `recherche` fail it.
    const journaux = versions.filter((v) => v.recherche !== undefined);
    expect(journaux.length).toBeGreaterThanOrEqual(20);
    expect(journaux.filter((v) => v.recherche!.length > 300 || JOURNAL.test(v.recherche!)).length).toBeGreaterThan(10);
  });

  it("chaque version M ou L garde un motif ; un journal des recherches n'existe qu'à côté d'un motif", () => {
    const aVerifier = versions.filter((v) => v.confiance !== "H");
    expect(aVerifier.length).toBeGreaterThanOrEqual(34);
    expect(aVerifier.filter((v) => !v.motifConfiance?.trim()).map((v) => v.ou)).toEqual([]);
    expect(versions.filter((v) => v.recherche && !v.motifConfiance).map((v) => v.ou)).toEqual([]);
  });

  it("le journal est gardé tel quel : loi de finances pour 2026 (cinéma), avenants IDCC 2642", () => {
    const v = (f: string, du: string) => versions.find((x) => x.ou === `${f} du ${du}`)!;
    const cinema = v("credit-impot-cinema.json", "2026-01-01");
    expect(cinema.motifConfiance).toContain("loi n° 2026-103 du 19 février 2026");
    expect(cinema.recherche).toContain("Seconde recherche du 4 décembre 2026 : la loi est identifiée");
    expect(cinema.recherche).toContain("Piste suivante : legal.tricoteuses.fr/textes/JORFTEXT000053508155");
    const idcc = v("idcc2642-minima.json", "2025-07-01");
    expect(idcc.motifConfiance).toContain("avenant n° 20");
    expect(idcc.recherche).toContain("KALITEXT000051379535");
  });

  it("issue 11 : sans texte primaire trouvé, les versions restent M et datent la recherche faite et la piste suivante", () => {
    const cherchees: [string, string][] = [
      ["credit-impot-cinema.json", "2026-01-01"],
      ["credit-impot-audiovisuel.json", "2026-01-01"],
      ["credit-impot-audiovisuel-plafond-minute-animation.json", "2026-01-01"],
      ["credit-impot-international.json", "2020-01-01"],
      ["credit-impot-international.json", "2027-01-01"],
      ["credit-impot-subventions.json", "2026-01-01"],
      ["credit-impot-plafond-budget.json", "2016-01-01"],
      ["credit-impot-audiovisuel-minimum-documentaire.json", "2016-01-01"],
      ["credit-impot-audiovisuel-minimum-animation.json", "2016-01-01"],
      ["credit-impot-audiovisuel-minimum-fiction-jeunesse.json", "2016-01-01"],
      ["credit-impot-cinema-realisateur.json", "2020-01-01"],
      ["credit-impot-aides-publiques.json", "2016-01-01"],
      ["intensite-aides.json", "2016-01-01"],
    ];
    for (const [f, du] of cherchees) {
      const v = versions.find((x) => x.ou === `${f} du ${du}`);
      expect([f, du, v?.confiance]).toEqual([f, du, "M"]);
      const entree = v!.recherche!.slice(v!.recherche!.indexOf("Nouvelle recherche du 5 décembre 2026"));
      expect([f, entree.startsWith("Nouvelle recherche du 5 décembre 2026")]).toEqual([f, true]);
      expect([f, /[Pp]iste suivante|[Rr]este M/.test(entree)]).toEqual([f, true]);
    }
    // The LF 2026 entry names the identifier of the law to read next, the D331-4 entry the decree that rewrote it.
    const c2i = versions.find((x) => x.ou === "credit-impot-international.json du 2020-01-01")!;
    expect(c2i.recherche).toContain("la date : « 31 décembre 2026 »");
    const doc = versions.find((x) => x.ou === "credit-impot-audiovisuel-minimum-documentaire.json du 2016-01-01")!;
    expect(doc.recherche).toContain("décret n° 2021-1854 du 28 décembre 2021");
  });

  it("issue 11, cinquième passe (a : IDCC 2642, b : majoration des CDDU, c : loi de finances pour 2026) : confiance inchangée, recherche datée", () => {
    const passe = "Recherche du 5 décembre 2026, cinquième passe (issue 11, demande ";
    const cherchees: [string, string, string, string][] = [
      ["idcc2642-minima.json", "2025-01-01", "M", "a"],
      ["idcc2642-minima.json", "2025-07-01", "L", "a"],
      ["charges-sociales.json", "2025-05-01", "L", "b"],
      ["credit-impot-cinema.json", "2026-01-01", "M", "c"],
      ["credit-impot-audiovisuel.json", "2026-01-01", "M", "c"],
      ["credit-impot-audiovisuel-plafond-minute-animation.json", "2026-01-01", "M", "c"],
      ["credit-impot-international.json", "2020-01-01", "M", "c"],
      ["credit-impot-international.json", "2027-01-01", "M", "c"],
    ];
    for (const [f, du, confiance, demande] of cherchees) {
      const v = versions.find((x) => x.ou === `${f} du ${du}`)!;
      expect([f, du, v.confiance]).toEqual([f, du, confiance]);
      const entree = v.recherche!.slice(v.recherche!.indexOf(passe));
      expect([f, du, entree.startsWith(`${passe}${demande} `)]).toEqual([f, du, true]);
      // Each entry names what was found and where to look next: it is the log an auditor reads.
      expect([f, du, /Piste suivante : .+\.$/.test(entree)]).toEqual([f, du, true]);
    }
    const lf = versions.find((x) => x.ou === "credit-impot-cinema.json du 2026-01-01")!;
    expect(lf.recherche).toContain("JORFARTI000053508293");
  });

  it("passe « sources récentes » (a : IDCC 2642, b : IDCC 3097, c : CGI en vigueur) : confiance inchangée, recherche datée", () => {
    const passe = "Recherche du 6 décembre 2026, passe « sources récentes » (";
    const cherchees: [string, string, string, string][] = [
      ["idcc2642-minima.json", "2025-01-01", "M", "a"],
      ["idcc2642-minima.json", "2025-07-01", "L", "a"],
      ["idcc3097-minima.json", "2023-09-01", "M", "b"],
      ["idcc3097-minima.json", "2024-04-01", "M", "b"],
      ["idcc3097-annexe3.json", "2023-09-01", "M", "b"],
      ["idcc3097-annexe3.json", "2025-04-11", "M", "b"],
      ["credit-impot-cinema.json", "2026-01-01", "M", "c"],
      ["credit-impot-audiovisuel.json", "2026-01-01", "M", "c"],
      ["credit-impot-audiovisuel-plafond-minute-animation.json", "2026-01-01", "M", "c"],
      ["credit-impot-international.json", "2020-01-01", "M", "c"],
      ["credit-impot-international.json", "2027-01-01", "M", "c"],
      ["credit-impot-subventions.json", "2026-01-01", "M", "c"],
    ];
    for (const [f, du, confiance, demande] of cherchees) {
      const v = versions.find((x) => x.ou === `${f} du ${du}`)!;
      expect([f, du, v.confiance]).toEqual([f, du, confiance]);
      // The entry is the last one of the log, and ends on what to read next.
      const entree = v.recherche!.slice(v.recherche!.indexOf(passe));
      expect([f, du, entree.startsWith(`${passe}${demande} : `)]).toEqual([f, du, true]);
      expect([f, du, /Piste suivante : [^.]+.*\.$/.test(entree)]).toEqual([f, du, true]);
    }
    // What the KALI republication holds, as read in the package: the last salary text of each convention.
    const av = (f: string, du: string) => versions.find((x) => x.ou === `${f} du ${du}`)!.recherche!;
    expect(av("idcc2642-minima.json", "2025-01-01")).toContain("le dernier étant l'avenant n° 14 du 23 décembre 2022");
    expect(av("idcc3097-minima.json", "2024-04-01")).toContain("l'avenant du 25 février 2022 (titre II)");
    expect(av("credit-impot-cinema.json", "2026-01-01")).toContain("legal.tricoteuses.fr/textes/JORFTEXT000053508155");
  });

  it("dernière passe de l'issue 11 (6 décembre 2026) : confiance inchangée, recherche datée en fin de journal", () => {
    const passe = "Recherche du 6 décembre 2026, dernière passe de l'issue 11 (";
    const cherchees: [string, string, string][] = [
      ["credit-impot-cinema.json", "2026-01-01", "M"],
      ["credit-impot-audiovisuel.json", "2026-01-01", "M"],
      ["credit-impot-audiovisuel-plafond-minute-animation.json", "2026-01-01", "M"],
      ["credit-impot-international.json", "2027-01-01", "M"],
      ["credit-impot-subventions.json", "2026-01-01", "M"],
      ["credit-impot-cinema-realisateur.json", "2020-01-01", "M"],
      ["intensite-aides.json", "2016-01-01", "M"],
      ["credit-impot-plafond-budget.json", "2016-01-01", "M"],
      ["credit-impot-audiovisuel-minimum-documentaire.json", "2016-01-01", "M"],
      ["credit-impot-audiovisuel-minimum-animation.json", "2016-01-01", "M"],
      ["credit-impot-audiovisuel-minimum-fiction-jeunesse.json", "2016-01-01", "M"],
      ["idcc3097-minima.json", "2023-09-01", "M"],
      ["idcc3097-minima.json", "2024-04-01", "M"],
      ["financement-fsa.json", "2015-01-01", "M"],
      ["charges-sociales.json", "2025-05-01", "L"],
    ];
    for (const [f, du, confiance] of cherchees) {
      const v = versions.find((x) => x.ou === `${f} du ${du}`)!;
      expect([f, du, v.confiance]).toEqual([f, du, confiance]);
      // The entry is the last one of the log (one entry per version), and ends on what to read next.
      expect([f, du, v.recherche!.split(passe).length]).toEqual([f, du, 2]);
      const entree = v.recherche!.slice(v.recherche!.indexOf(passe));
      expect([f, du, /Piste suivante[^:]* : [^.]+.*\.$/.test(entree)]).toEqual([f, du, true]);
    }
    // What the registry holds of the KALI republication after 2.671.0: no article of the IDCC 3097.
    const k = versions.find((x) => x.ou === "idcc3097-minima.json du 2024-04-01")!.recherche!;
    expect(k).toContain("(3.418.0 et 3.431.0)");
  });

  it("passe « textes primaires du RGA » (7 décembre 2026) : FSA et intensité restent M, ce qui a été lu est dit", () => {
    const passe = "Recherche du 7 décembre 2026, passe « textes primaires du RGA » (issue 11 : ";
    type AvecSources = { effetDu: string; note: string; sources: { url: string }[] };
    for (const [f, du] of [
      ["financement-fsa.json", "2015-01-01"],
      ["intensite-aides.json", "2023-02-01"],
    ]) {
      const v = versions.find((x) => x.ou === `${f} du ${du}`)!;
      expect([f, v.confiance]).toEqual([f, "M"]);
      // One entry, the last of the log, ending on what to read next.
      expect([f, v.recherche!.split(passe).length]).toEqual([f, 2]);
      const entree = v.recherche!.slice(v.recherche!.indexOf(passe));
      expect([f, /Piste suivante : [^.]+.*\.$/.test(entree)]).toEqual([f, true]);
    }
    const source = (f: string, du: string) =>
      (lire(f) as { versions: AvecSources[] }).versions.find((x) => x.effetDu === du)!;
    // FSA: the CNC's own page gives 25 % and 12 000 € an hour for documentaries, on « la part française du financement ».
    const fsa = source("financement-fsa.json", "2015-01-01");
    expect(fsa.sources.map((x) => x.url)).toContain("https://www.cnc.fr/web/fr/363");
    expect(fsa.note).toContain("pas le texte du règlement");
    // Intensity: the rules in force refer to thresholds in art. 311-18 and 311-19; 311-19 is unread, and said so.
    const intensite = source("intensite-aides.json", "2023-02-01");
    const art31245 = intensite.sources.map((x) => x.url).find((u) => u.includes("LEGIARTI000052395051"));
    expect(art31245 !== undefined && estSourcePrimaire(art31245)).toBe(true);
    expect(intensite.note).toContain("l'art. 311-19 et la date de cette rédaction n'ont pas été lus");
    expect(versions.find((x) => x.ou === "intensite-aides.json du 2023-02-01")!.motifConfiance).toContain("311-19");
  });

  it("majoration des CDDU depuis le 1er mai 2025 : base légale lue (L. 5422-12, L. 5424-20), taux toujours à vérifier", () => {
    type Social = {
      effetDu: string;
      note: string;
      sources: { url: string }[];
      valeurs: { majorations: Record<string, { taux: string; confiance: string }> };
    };
    const t = lire("charges-sociales.json") as { versions: Social[] };
    const v = t.versions.find((x) => x.effetDu === "2025-05-01")!;
    const urls = v.sources.map((s) => s.url);
    for (const id of ["LEGIARTI000052437203", "LEGIARTI000037388345"]) {
      const url = urls.find((u) => u.includes(id));
      expect([id, url !== undefined && estSourcePrimaire(url) && estPageLegifranceIdentifiee(url)]).toEqual([id, true]);
    }
    // The statute only makes the surcharge possible; the 4,50 % rate of annexe VIII (2024) was read in a non-primary copy.
    expect(v.valeurs.majorations["cddu-3-mois"]).toMatchObject({ taux: "0.005", confiance: "M" });
    expect(v.note).toContain("n'écarte pour les intermittents que la modulation du 1° (bonus-malus)");
  });
});
