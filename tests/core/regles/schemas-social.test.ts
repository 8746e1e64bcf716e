import * as fs from "fs";
import * as path from "path";
import { estSourcePrimaire } from "../../../src/core/regles/primaires";
import { TableReglesInvalideError, validerTable } from "../../../src/core/regles/table";

const DATA = path.join(__dirname, "../../../src/core/regles/data");
/** A table as raw JSON, to break one field at a time (the test reaches into it freely). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Brut = any;
const lire = (id: string): Brut => JSON.parse(fs.readFileSync(path.join(DATA, `${id}.json`), "utf8"));

function refus(id: string, casser: (t: Brut) => void): string {
  const t = lire(id);
  casser(t);
  try {
    validerTable(t, `${id}.json`);
  } catch (e) {
    expect(e).toBeInstanceOf(TableReglesInvalideError);
    return (e as Error).message;
  }
  throw new Error("la table aurait dû être refusée");
}

describe("schémas stricts des tables sociales et de financement", () => {
  it.each([
    [
      "un minimum en euros au lieu de centimes",
      "idcc3097-minima",
      (t: Brut) => (t.versions[0].valeurs.fonctions[0].hebdomadaire = "1364.56"),
      /idcc3097-minima.json : versions\[0\]\.valeurs\.fonctions\[0\]\.hebdomadaire/,
    ],
    [
      "une fonction à la fois journalière et hebdomadaire",
      "idcc2642-minima",
      (t: Brut) => (t.versions[0].valeurs.fonctions[0].hebdomadaire = 100000),
      /fonctions\[0\].*journalier ou hebdomadaire, un seul/,
    ],
    [
      "un genre manquant dans la portée de la grille",
      "idcc2642-minima",
      (t: Brut) => delete t.versions[1].valeurs.genres.inconnu,
      /versions\[1\]\.valeurs\.genres\.inconnu/,
    ],
    [
      "un taux de chômage hors de [0, 1]",
      "charges-sociales",
      (t: Brut) => (t.versions[1].valeurs.composantes["chomage-intermittents"].taux = "9"),
      /composantes\.chomage-intermittents\.taux/,
    ],
    [
      "deux versions du chômage qui se chevauchent",
      "charges-sociales",
      (t: Brut) => (t.versions[2].effetAu = "2025-05-01"),
      /versions\[3\]\.effetDu : 2025-05-01 chevauche versions\[2\]/,
    ],
    [
      "un seuil petit budget en texte",
      "intensite-aides",
      (t: Brut) => (t.versions[0].valeurs.audiovisuel.seuilPetitBudgetParHeure = "100000.00"),
      /audiovisuel\.seuilPetitBudgetParHeure/,
    ],
    [
      "une définition d'œuvre difficile inconnue",
      "intensite-aides",
      (t: Brut) => (t.versions[0].valeurs.audiovisuel.difficile = "premier-film"),
      /audiovisuel\.difficile/,
    ],
    [
      "un compte PCG qui n'est pas un numéro",
      "correspondances-pcg",
      (t: Brut) => (t.versions[0].valeurs.correspondances[0].compte = "six-cent-quatre"),
      /correspondances\[0\]\.compte/,
    ],
  ])("refuse %s, en nommant le chemin", (_, id, casser, attendu) => {
    expect(refus(id, casser)).toMatch(attendu);
  });
});

describe("charges sociales : chaque figure porte sa preuve", () => {
  const table = lire("charges-sociales");
  type Figure = { libelle: string; confiance: string; source?: string; motif?: string };
  const figures = (v: Brut): [string, Figure][] =>
    ["composantes", "majorations", "assiettes", "forfaits"].flatMap((k) =>
      Object.entries((v.valeurs[k] ?? {}) as Record<string, Figure>).map(([id, f]): [string, Figure] => [
        `${v.effetDu} ${k}.${id}`,
        f,
      ]),
    );

  it("une figure à H cite un texte primaire qui est une source de sa version ; à M ou L, son motif", () => {
    let h = 0;
    for (const v of table.versions as Brut[])
      for (const [ou, f] of figures(v)) {
        if (f.confiance === "H") {
          h++;
          expect([ou, estSourcePrimaire(f.source ?? "")]).toEqual([ou, true]);
          expect([ou, (v.sources as { url: string }[]).some((s) => s.url === f.source)]).toEqual([ou, true]);
        } else expect([ou, (f.motif ?? "").length > 20]).toEqual([ou, true]);
      }
    // 4 versions × (chômage, CSA, Fnal × 2, taux réduits artistes) + CDDU ≤ 3 mois ×3 + AGS 2024 (1er semestre)
    // + Congés Spectacles d'avril à décembre 2023 (taux « au 1er avril 2023 » du guide d'Audiens).
    expect(h).toBe(25);
  });

  it.each([
    [
      "une composante à H sans source",
      (t: Brut) => delete t.versions[0].valeurs.composantes.csa.source,
      /versions\[0\]\.valeurs\.composantes\.csa : une figure à H cite l'adresse de son texte primaire/,
    ],
    [
      "une composante à H dont la source n'est pas un texte primaire",
      (t: Brut) => (t.versions[0].valeurs.composantes.csa.source = "https://www.legisocial.fr/taux-2024"),
      /composantes\.csa : une figure à H/,
    ],
    [
      "une composante à M sans motif",
      (t: Brut) => delete t.versions[3].valeurs.composantes.ags.motif,
      /versions\[3\]\.valeurs\.composantes\.ags : .*à M ou L, elle dit pourquoi/,
    ],
  ])("refuse %s", (_, casser, attendu) => {
    expect(refus("charges-sociales", casser)).toMatch(attendu);
  });
});
