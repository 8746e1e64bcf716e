import brut from "../../../src/core/regles/data/carbone-facteurs.json";
import { citation, facteursEnVigueur, validerTableCarbone } from "../../../src/core/carbone/facteurs";
import { ParametreInvalideError } from "../../../src/core/regles/parametres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a broken copy of the JSON, on purpose
type Table = any;
const copie = (): Table => JSON.parse(JSON.stringify(brut));
const surcharges = (e: Record<string, string>) =>
  new Map(Object.entries(e).map(([k, v], i) => [k, { valeur: v, cellule: `Paramètres!B${i + 2}` }]));

describe("table des facteurs d'émission (carbone-facteurs.json)", () => {
  test("la table livrée passe le contrôle strict ; chaque facteur a un identifiant, une source, une confiance", () => {
    const t = validerTableCarbone(brut);
    const v = t.versions[0].valeurs;
    expect(Object.keys(v.facteurs).length).toBeGreaterThanOrEqual(20);
    for (const [code, f] of Object.entries(v.facteurs)) {
      expect([code, f.identifiant.length > 0, f.source.length > 0, Number(f.valeur) > 0]).toEqual([
        code,
        true,
        true,
        true,
      ]);
      // No figure is H: the ADEME base itself was not read, only copies of it.
      expect(f.confiance).not.toBe("H");
    }
    expect(Object.keys(v.manquants).sort()).toEqual(
      [
        "avion-2000-5000km",
        "ferry",
        "hebergement-nuitee",
        "location-materiel",
        "postproduction",
        "regie",
        "utilitaire",
      ].sort(),
    );
  });

  test.each([
    [
      "un identifiant vide",
      (t: Table) => (t.versions[0].valeurs.facteurs["train-tgv"].identifiant = ""),
      /versions\[0\]\.valeurs\.facteurs\.train-tgv\.identifiant : ne doit pas être vide/,
    ],
    [
      "une valeur négative",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeur = "-0.2"),
      /facteurs\.voiture\.valeur : « -0\.2 » n'est pas un décimal/,
    ],
    [
      "une valeur en nombre",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeur = 0.2),
      /facteurs\.voiture\.valeur : 0\.2 : un texte attendu/,
    ],
    [
      "un champ inconnu",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeurs = "x"),
      /facteurs\.voiture\.valeurs : clé inconnue/,
    ],
    [
      "une catégorie inconnue",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.categorie = "loisirs"),
      /facteurs\.voiture\.categorie : "loisirs" : catégorie transport, hebergement/,
    ],
    [
      "un ratio monétaire hors k€",
      (t: Table) => (t.versions[0].valeurs.facteurs["ratio-assurance"].unite = "€"),
      /ratio monétaire est en k€ HT/,
    ],
    [
      "un code facteur et manquant",
      (t: Table) => (t.versions[0].valeurs.manquants.voiture = t.versions[0].valeurs.manquants.ferry),
      /valeurs : voiture : un code ne peut pas être à la fois un facteur et un manquant/,
    ],
    [
      "une source absente",
      (t: Table) => (t.versions[0].sources = []),
      /versions\[0\]\.sources : vide : chaque chiffre doit être sourcé/,
    ],
  ])("refuse %s en nommant le chemin", (_nom, casser, attendu) => {
    const t = copie();
    casser(t);
    expect(() => validerTableCarbone(t, "carbone-facteurs.json")).toThrow(attendu);
  });

  test("Paramètres remplace un facteur (confiance L, cellule citée) et fournit un facteur manquant", () => {
    const j = facteursEnVigueur(
      "2026-06-01",
      surcharges({ "carbone.train-tgv": "0,004", "carbone.hebergement-nuitee": "6,93" }),
    );
    expect(j.facteurs.get("train-tgv")).toMatchObject({ valeur: "0.004", confiance: "L", surcharge: "Paramètres!B2" });
    expect(j.facteurs.get("hebergement-nuitee")).toMatchObject({ valeur: "6.93", unite: "nuitée", type: "activite" });
    expect(j.manquants.has("hebergement-nuitee")).toBe(false);
    expect(citation(j.facteurs.get("train-tgv")!)).toBe("Paramètres Paramètres!B2 [L, à vérifier]");
    expect(citation(facteursEnVigueur("2026-06-01").facteurs.get("train-tgv")!)).toBe(
      "Base Carbone 43256 — TGV, 2022 [M, à vérifier]",
    );
  });

  test("une valeur illisible ou nulle en Paramètres est refusée avec sa cellule ; une clé inconnue est listée", () => {
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.voiture": "beaucoup" }))).toThrow(
      ParametreInvalideError,
    );
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.voiture": "0" }))).toThrow(/Paramètres!B2/);
    const j = facteursEnVigueur("2026-06-01", surcharges({ "carbone.trottinette": "0,01" }));
    expect(j.inconnues).toEqual([{ cle: "carbone.trottinette", cellule: "Paramètres!B2" }]);
  });

  test("avant la première version, la version la plus récente sert (les facteurs ne sont pas un barème à date)", () => {
    expect(facteursEnVigueur("2020-01-01").facteurs.get("voiture")?.valeur).toBe("0.256");
  });
});
