import * as fs from "fs";
import * as path from "path";
import { detecterCategorie } from "../../../src/core/devis/categorie";
import { CODES_CHAPITRE, ROLES_CHAPITRE } from "../../../src/core/devis/model";
import {
  chapitreDuRole,
  CHAPITRES_AUDIOVISUEL,
  CHAPITRES_HORS_TOTAL,
  libelleChapitre,
  ORDRE_CHAPITRES,
  SOUS_CHAPITRES_CINEMA,
} from "../../../src/core/devis/nomenclature";
import { chapitreDeColonne, chapitreDeTitre, chapitreParMotsCles } from "../../../src/core/devis/placement";
import { TableReglesInvalideError, validerTable } from "../../../src/core/regles/table";

const RACINE = path.join(__dirname, "../../..");
const DATA = path.join(RACINE, "src/core/regles/data");
const lire = (f: string) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8"));

function erreur(brut: unknown): string {
  try {
    validerTable(brut, "nomenclature-cnc.json");
  } catch (e) {
    expect(e).toBeInstanceOf(TableReglesInvalideError);
    return (e as Error).message;
  }
  throw new Error("la table aurait dû être refusée");
}

describe("nomenclature CNC : une seule table de données", () => {
  it("liste les chapitres 1 à 9 puis FG, IMP, FF, PROD, dans l'ordre du devis", () => {
    expect(ORDRE_CHAPITRES).toEqual([...CODES_CHAPITRE]);
    expect(CHAPITRES_HORS_TOTAL).toEqual(["FG", "IMP", "FF", "PROD"]);
    expect(libelleChapitre("3")).toBe("Interprétation");
    expect(libelleChapitre("FG")).toBe("Frais généraux");
  });

  it("l'éligibilité aux crédits d'impôt ne cite que des chapitres et sous-chapitres de la nomenclature", () => {
    const elig = lire("credit-impot-eligibilite.json");
    const connus = new Set(SOUS_CHAPITRES_CINEMA.map((s) => s.code));
    for (const ver of elig.versions) {
      expect(Object.keys(ver.valeurs.chapitres).sort()).toEqual([...ORDRE_CHAPITRES].sort());
      for (const sc of Object.keys(ver.valeurs.sousChapitresCinema)) expect(connus.has(sc)).toBe(true);
    }
  });

  it("aucun module de src ne récrit la liste des chapitres : les libellés ne sont que dans la table", () => {
    const libelles = CHAPITRES_AUDIOVISUEL.filter((c) => !c.sousLeTotal).flatMap((c) =>
      [c.libelle].filter((x): x is string => !!x && x.split(" ").length >= 2),
    );
    expect(libelles.length).toBeGreaterThan(5);
    const fautifs: string[] = [];
    const parcourir = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) parcourir(p);
        else if (/\.(ts|tsx)$/.test(e.name)) {
          const texte = fs.readFileSync(p, "utf8");
          for (const l of libelles)
            if (texte.includes(`"${l}"`)) fautifs.push(`${path.relative(RACINE, p)} : « ${l} »`);
        }
      }
    };
    parcourir(path.join(RACINE, "src"));
    expect(fautifs).toEqual([]);
  });

  it("le rôle de chaque chapitre numéroté vient de la table : un chapitre par rôle, aucun sous le total", () => {
    expect(Object.fromEntries(ROLES_CHAPITRE.map((r) => [r, chapitreDuRole(r)]))).toEqual({
      droits: "1",
      personnel: "2",
      interpretation: "3",
      "charges-sociales": "4",
      decors: "5",
      transports: "6",
      "moyens-techniques": "7",
      "post-production": "8",
      assurances: "9",
    });
    expect(CHAPITRES_AUDIOVISUEL.filter((c) => c.sousLeTotal && c.role)).toEqual([]);
  });

  it("aucun module de src ne compare un chapitre à un code écrit en dur : il demande le chapitre de son rôle", () => {
    // `l.chapitre === "4"`, `c.code !== "6"`, `"1" === b.chapitre`: the chapter of charges, lodging… is the table's.
    // A list of chapter codes (`["2", "3", "1"]`) is a role list too.
    const LISTE = /\[\s*["'][1-9]["']\s*,\s*["'][1-9]["']/;
    const COMPARAISON =
      /\b(chapitre|code|ch)\s*[!=]==?\s*["'][1-9]["']|["'][1-9]["']\s*[!=]==?\s*\w+\.(chapitre|code)\b/;
    const fautifs: string[] = [];
    const parcourir = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) parcourir(p);
        else if (/\.(ts|tsx)$/.test(e.name))
          fs.readFileSync(p, "utf8")
            .split("\n")
            .forEach((ligne, i) => {
              if ((COMPARAISON.test(ligne) || LISTE.test(ligne)) && !/CODES_CHAPITRE =/.test(ligne))
                fautifs.push(`${path.relative(RACINE, p)}:${i + 1} ${ligne.trim()}`);
            });
      }
    };
    parcourir(path.join(RACINE, "src"));
    expect(fautifs).toEqual([]);
  });

  it("le placement lit ses mots-clés, titres et débuts de libellé dans la table", () => {
    expect(chapitreParMotsCles("Chef opérateur")).toBe("2");
    expect(chapitreParMotsCles("Frais généraux 7 %")).toBe("FG");
    expect(chapitreDeTitre("ÉQUIPE TECHNIQUE")).toBe("2");
    expect(chapitreDeTitre("Transports et régie")).toBe("6");
    expect(chapitreDeTitre("TRAVEL & LIVING".replace("&", ""))).toBe("6");
    expect(chapitreDeColonne("prod")).toBe("PROD");
    expect(chapitreDeColonne("07")).toBe("7");
  });

  it("la catégorie par défaut d'un chapitre vient de la table, affinée par le libellé", () => {
    expect(detecterCategorie("1", "Scénario")).toBe("salaire-auteur");
    expect(detecterCategorie("1", "Achat d'archives")).toBe("achat");
    expect(detecterCategorie("2", "Comptable permanent")).toBe("salaire-permanent");
    expect(detecterCategorie("3", "Société de doublage, facture")).toBe("prestation");
    expect(detecterCategorie("4", "URSSAF")).toBe("charges-sociales");
    expect(detecterCategorie("IMP", "Imprévus")).toBe("forfait");
    expect(detecterCategorie("7", "Caméra", "forfait")).toBe("forfait");
    expect(detecterCategorie("7", "Caméra", "jour")).toBe("prestation");
  });
});

describe("schéma de la nomenclature : refus bruyant avec le chemin JSON", () => {
  const table = () => lire("nomenclature-cnc.json");

  it("un chapitre manquant ou déplacé", () => {
    const t = table();
    t.versions[0].valeurs.chapitres.splice(2, 1);
    expect(erreur(t)).toMatch(
      /^Table de règles nomenclature-cnc\.json : versions\[0\]\.valeurs\.chapitres : les chapitres 1, 2/,
    );
  });

  it("un code inconnu", () => {
    const t = table();
    t.versions[0].valeurs.chapitres[0].code = "10";
    expect(erreur(t)).toContain(`versions[0].valeurs.chapitres[0].code : "10" : code de chapitre 1 à 9`);
  });

  it("une expression régulière qui ne compile pas", () => {
    const t = table();
    t.versions[0].valeurs.chapitres[9].debutLibelle = "^(frais";
    expect(erreur(t)).toContain("versions[0].valeurs.chapitres[9].debutLibelle : expression régulière invalide");
  });

  it("un mot-clé accentué ou en double, un sous-chapitre en double", () => {
    const t = table();
    t.versions[0].valeurs.chapitres[1].motsCles.push("régisseur");
    expect(erreur(t)).toContain("versions[0].valeurs.chapitres[1].motsCles[");
    const u = table();
    u.versions[0].valeurs.chapitres[1].motsCles.push("personnel");
    expect(erreur(u)).toContain("un mot-clé figure deux fois");
    const w = table();
    w.versions[0].valeurs.sousChapitresCinema.push({ code: "47", libelle: "Taxes" });
    expect(erreur(w)).toContain("un sous-chapitre figure deux fois");
  });

  it("un rôle absent, en double ou sous le total", () => {
    const t = table();
    delete t.versions[0].valeurs.chapitres[3].role;
    expect(erreur(t)).toContain(
      "versions[0].valeurs.chapitres[3] : un rôle pour chaque chapitre 1 à 9, aucun sous le total",
    );
    const u = table();
    u.versions[0].valeurs.chapitres[5].role = "charges-sociales";
    expect(erreur(u)).toContain(
      "versions[0].valeurs.chapitres : les rôles droits, personnel, interpretation, charges-sociales, decors, " +
        "transports, moyens-techniques, post-production, assurances, chacun à un seul chapitre",
    );
    const w = table();
    w.versions[0].valeurs.chapitres[10].role = "assurances";
    expect(erreur(w)).toContain("versions[0].valeurs.chapitres[10] : un rôle pour chaque chapitre 1 à 9");
    const x = table();
    x.versions[0].valeurs.chapitres[0].role = "scenario";
    expect(erreur(x)).toContain(`versions[0].valeurs.chapitres[0].role : "scenario" : rôle de chapitre inconnu`);
  });

  it("un chapitre du bloc sous le total marqué dans le total", () => {
    const t = table();
    t.versions[0].valeurs.chapitres[10].sousLeTotal = false;
    expect(erreur(t)).toContain("sousLeTotal vaut vrai pour FG, IMP, FF et PROD seulement");
  });
});
