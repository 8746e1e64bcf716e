import { categoriesEnVigueur, classer, TABLE_CATEGORIES } from "../../../src/core/financement/categories";
import { plafondApplicable, TABLE_INTENSITE } from "../../../src/core/financement/plafonds";
import { eurosToCents } from "../../../src/core/money";

const DATE = "2026-01-15";

describe("catégories de financement (données)", () => {
  test("chaque catégorie dit si elle est une aide publique, avec sa source et sa confiance", () => {
    const cats = categoriesEnVigueur(DATE);
    expect(cats.length).toBeGreaterThanOrEqual(24);
    for (const c of cats) {
      expect(typeof c.public).toBe("boolean");
      expect(c.classement.source.url).toMatch(/^https?:\/\//);
      expect(["H", "M", "L"]).toContain(c.classement.confiance);
    }
    const publiques = cats.filter((c) => c.public).map((c) => c.id);
    expect(publiques).toEqual([
      "apport-soutien-automatique",
      "credit-impot",
      "cnc-soutien-automatique",
      "cnc-selectif",
      "cnc-avance-recettes",
      "cnc-fsa",
      "region",
      "europe-media",
      "eurimages",
    ]);
    expect(TABLE_CATEGORIES.versions[0].confiance).toBe("L");
  });

  test.each([
    [{ nature: "Préachat", financeur: "Canal+" }, "diffuseur-preachat", "nature"],
    [{ nature: "Coproduction", financeur: "Arte France Cinéma" }, "diffuseur-part-coproducteur", "nature"],
    [{ nature: "Coproduction", financeur: "Tarantula (Belgique)" }, "coproducteur-etranger", "nature"],
    [{ nature: "Soutien automatique", financeur: "CNC" }, "cnc-soutien-automatique", "nature"],
    [{ nature: "Soutien automatique investi", financeur: "Société" }, "apport-soutien-automatique", "nature"],
    [{ financeur: "Région Sud" }, "region", "financeur"],
    [{ financeur: "Ulule", section: "AUTRES" }, "financement-participatif", "financeur"],
    [{ financeur: "Cinémage 19", section: "SOFICA" }, "sofica", "financeur"],
    [{ financeur: "Banque Populaire", section: "Distribution" }, "distribution-minimum-garanti", "section"],
    [{ nature: "Eurimages" }, "eurimages", "nature"],
    [{ nature: "Europe Créative MEDIA" }, "europe-media", "nature"],
    [{ nature: "Canal +" }, "diffuseur-preachat", "nature"],
    [{ nature: "Avance sur recettes" }, "cnc-avance-recettes", "nature"],
    [{ nature: "Don de Tante Agathe" }, "autre", "non-classe"],
  ])("classe %j en %s (par %s)", (textes, categorie, par) => {
    expect(classer(textes, DATE)).toEqual({ categorie, par });
  });
});

describe("plafonds d'intensité (données datées)", () => {
  test("table sourcée : 50 % général, 60 % dérogatoire, seuil petit budget 1 250 000 € pour le cinéma", () => {
    const v = TABLE_INTENSITE.versions[0];
    expect(v.sources.length).toBeGreaterThanOrEqual(2);
    expect(v.valeurs.cinema).toMatchObject({
      plafondGeneral: "0.50",
      plafondDerogatoire: "0.60",
      seuilPetitBudget: 125000000,
      plafondAidesCnc: "0.50",
    });
  });
  test("avant la date d'effet : une erreur claire plutôt qu'un chiffre inventé", () => {
    expect(() =>
      plafondApplicable({
        typeOeuvre: "cinema",
        cout: eurosToCents(1),
        premierOuDeuxiemeFilm: false,
        date: "2010-01-01",
      }),
    ).toThrow(/Aucune version de intensite-aides.json n'est en vigueur le 1er\u00a0janvier\u00a02010/);
  });
});
