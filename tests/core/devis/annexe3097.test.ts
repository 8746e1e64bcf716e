import type { Surcharges } from "../../../src/core/regles/table";
import { controlerDevis, tablesDevis } from "../../../src/core/devis/regles";
import type { Devis, Genre, LigneDevis, TypeOeuvre } from "../../../src/core/devis/model";
import { devis, ligne, salaireTechnicien } from "./fabrique";

/**
 * IDCC 3097, titre II, annexe III (films under a budget limit), applied by salaire-minimum only when the producer
 * declares the film under it (`annexe3097`), and only under the cap of its genre. Figures of the table
 * idcc3097-annexe3: socle 850,00 € and 37 % from 11 April 2025, socle 821,00 € and 35 % before (both M: « à
 * vérifier »); caps 3 100 000 € (fiction) and 600 000 € (documentary), hors imprévus. Annexe I minima of
 * idcc3097-minima (1 April 2024): secrétaire de production 916,77 €, régisseur général 1 436,49 €, 1er assistant
 * opérateur 1 364,56 € per week.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";
/** Spaces as Prodbook writes amounts: « 1 067,00 € » with U+202F between digit groups, U+00A0 before €. */
const e = (s: string) => s.replace(/(\d) (?=\d)/g, `$1${NNBSP}`).replace(/ ([€%])/g, `${NBSP}$1`);

const sal = salaireTechnicien;
/** A line of chapter `chapitre` that brings the devis to its total (décors, or imprévus). */
const autre = (montant: number, chapitre: "5" | "IMP" = "5") =>
  ligne({ chapitre, categorie: "forfait", libelle: chapitre === "IMP" ? "Imprévus" : "Décors", montant });

interface Cas {
  lignes: LigneDevis[];
  date?: string;
  /** null: the devis states no genre. */
  genre?: Genre | null;
  typeOeuvre?: TypeOeuvre;
  annexe3097?: boolean;
  surcharges?: Surcharges;
}
function controle({
  lignes,
  date = "2025-09-01",
  genre = "fiction",
  typeOeuvre = "cinema",
  annexe3097 = true,
  surcharges,
}: Cas) {
  const d: Devis = devis(lignes, { typeOeuvre, ...(genre ? { genre } : {}) });
  return controlerDevis(d, date, surcharges, annexe3097).filter((c) => c.regle === "salaire-minimum");
}

describe("annexe III déclarée, sous le plafond : minima réduits de la version du jour, au centime", () => {
  it("secrétaire de production : 850 + 37 % × (916,77 − 850) = 874,7049 → 874,70 € passe, 874,69 € déclenche", () => {
    expect(controle({ lignes: [sal("Secrétaire de production", "874.70")] })).toEqual([]);
    const c = controle({ lignes: [sal("Secrétaire de production", "874.69")] });
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "alerte", cellule: expect.stringMatching(/^Budget!F\d+$/) });
    expect(c[0].message).toContain(
      e(
        "874,69 € par semaine, sous le plancher connu IDCC 3097, annexe III, de la fonction « Secrétaire de production » : " +
          "874,70 € par semaine (annexe III : socle 850,00 € + 37",
      ),
    );
    expect(c[0].message).toContain(
      e(
        "37 % × (916,77 € − 850,00 €) = 874,70 € par semaine, table idcc3097-annexe3 en vigueur au 11\u00a0avril\u00a02025, à vérifier ;",
      ),
    );
    expect(c[0].message).toContain(
      "minimum de l'annexe I : table idcc3097-minima en vigueur au 1er\u00a0avril\u00a02024, titre II, annexe I, base 39 h ; plancher",
    );
    expect(c[0].message).not.toMatch(/non vérifiés/);
  });

  it("la veille du 11 avril 2025 : socle 821 € et 35 % → 821 + 35 % × 95,77 = 854,5195 → 854,52 €", () => {
    expect(controle({ lignes: [sal("Secrétaire de production", "854.52")], date: "2025-04-10" })).toEqual([]);
    const c = controle({ lignes: [sal("Secrétaire de production", "854.51")], date: "2025-04-10" });
    expect(c).toHaveLength(1);
    expect(c[0].message).toContain(e("854,52 € par semaine (annexe III : socle 821,00 € + 35"));
    expect(c[0].message).toContain("idcc3097-annexe3 en vigueur au 1er\u00a0septembre\u00a02023, à vérifier");
    // From 11 April 2025 (socle 850 €, 37 %) the same 854,52 € is under 874,70 €.
    expect(controle({ lignes: [sal("Secrétaire de production", "854.52")], date: "2025-04-11" })).toHaveLength(1);
  });

  it("à la journée : (850 + 37 % × 586,49 = 1 067,00 €) × 0,25 = 266,75 € passe, 266,74 € déclenche", () => {
    expect(controle({ lignes: [sal("Régisseur général", "266.75", "jour")] })).toEqual([]);
    const c = controle({ lignes: [sal("Régisseur général", "266.74", "jour")] });
    expect(c).toHaveLength(1);
    expect(c[0].message).toContain(e("266,74 € par jour, sous le plancher connu IDCC 3097, annexe III,"));
    expect(c[0].message).toContain(
      e(": 266,75 € par jour (1 067,00 € par semaine × 0,25) (annexe III : socle 850,00 €"),
    );
  });

  it("fonction de la grille (1er assistant opérateur, M) : 850 + 37 % × 514,56 = 1 040,3872 → 1 040,39 €", () => {
    expect(controle({ lignes: [sal("1er assistant opérateur", "1040.39")] })).toEqual([]);
    const c = controle({ lignes: [sal("1er assistant opérateur", "1040.38")] });
    expect(c[0].message).toContain(
      e("sous le minimum IDCC 3097, annexe III, de la fonction « 1er assistant opérateur » : 1 040,39 €"),
    );
    expect(c[0].message).toMatch(/titre II, annexe I, base 39 h, à vérifier\)\.$/);
  });

  it("un minimum de l'annexe I surchargé dans Paramètres entre dans la formule ; sous le socle, la fonction garde l'annexe I", () => {
    const p = (cle: string, valeur: string): Surcharges =>
      new Map([[`devis.salaire-minimum.${cle}`, { valeur, cellule: "Paramètres!B2" }]]);
    // 850 + 37 % × (1 000 − 850) = 905,50 €
    const s = p("secretaire-production", "1000");
    expect(controle({ lignes: [sal("Secrétaire de production", "905.50")], surcharges: s })).toEqual([]);
    const c = controle({ lignes: [sal("Secrétaire de production", "905.49")], surcharges: s });
    expect(c[0].message).toContain(e("905,50 € par semaine (annexe III : socle 850,00 € + 37"));
    expect(c[0].message).toContain("minimum de l'annexe I : paramètre Paramètres!B2");
    // 800 € < socle 850 €: not eligible, the minimum is 800 € itself.
    const h = p("habilleur", "800");
    expect(controle({ lignes: [sal("Habilleur", "800")], surcharges: h })).toEqual([]);
    const n = controle({ lignes: [sal("Habilleur", "799.99")], surcharges: h });
    expect(n[0].message).toContain(e("sous le minimum IDCC 3097, annexe I, de la fonction « Habilleur » : 800,00 €"));
    expect(n[0].message).toContain(
      e(
        "fonction non éligible à l'annexe III : son minimum de l'annexe I, 800,00 € par semaine, est sous le socle de 850,00 €",
      ),
    );
  });

  it("--json nomme la version de l'annexe III lue, seulement quand elle est déclarée", () => {
    const d = devis([sal("Scripte", "1300")], { typeOeuvre: "cinema", genre: "fiction" });
    const ids = (a: boolean) => tablesDevis(d, "2025-09-01", a).map((t) => `${t.table}@${t.effetDu}:${t.aVerifier}`);
    const nomenclature = "nomenclature-cnc@2000-01-01:true";
    expect(ids(false)).toEqual(["idcc3097-minima@2024-04-01:true", nomenclature]);
    expect(ids(true)).toEqual(["idcc3097-minima@2024-04-01:true", "idcc3097-annexe3@2025-04-11:true", nomenclature]);
  });
});

describe("annexe III déclarée, au-delà du plafond de son genre : alerte, et les minima de l'annexe I restent", () => {
  const sec = () => sal("Secrétaire de production", "900");
  it("fiction : 3 100 000,00 € hors imprévus applique l'annexe III, 3 100 000,01 € non", () => {
    // 900 € ≥ 874,70 € (annexe III) but < 916,77 € (annexe I).
    expect(controle({ lignes: [sec(), autre(310000000 - 90000)] })).toEqual([]);
    const c = controle({ lignes: [sec(), autre(310000000 - 90000 + 1)] });
    expect(c).toHaveLength(2);
    expect(c[0].cellule).toBeUndefined();
    expect(c[0].message).toBe(
      e(
        "Annexe III de l'IDCC 3097 déclarée : le devis dépasse le plafond de l'annexe III : 3 100 000,01 € hors imprévus, " +
          "pour un plafond de 3 100 000,00 € (film de fiction ; dépenses extérieures à la société de production, hors " +
          "imprévus ; table idcc3097-annexe3 en vigueur au 11\u00a0avril\u00a02025, à vérifier) ; les minima de l'annexe I sont appliqués.",
      ),
    );
    expect(c[1].message).toContain(e("900,00 € par semaine, sous le plancher connu IDCC 3097 de la fonction"));
    expect(c[1].message).toContain(e(": 916,77 € par semaine (table idcc3097-minima"));
    expect(c[1].message).toContain("annexe III déclarée, non appliquée (voir son alerte)");
  });

  it("les imprévus ne comptent pas : 3 150 000 € dont 100 000 € d'imprévus restent sous le plafond", () => {
    expect(controle({ lignes: [sec(), autre(305000000 - 90000), autre(10000000, "IMP")] })).toEqual([]);
  });

  it("documentaire : plafond de 600 000,00 €", () => {
    expect(controle({ lignes: [sec(), autre(60000000 - 90000)], genre: "documentaire" })).toEqual([]);
    const c = controle({ lignes: [sec(), autre(60000000 - 90000 + 1)], genre: "documentaire" });
    expect(c[0].message).toContain(
      e("600 000,01 € hors imprévus, pour un plafond de 600 000,00 € (film documentaire ;"),
    );
    expect(c[1].message).toContain(e("916,77 €"));
  });

  it("genre non indiqué : l'annexe III s'applique sous le plus bas des plafonds, sinon l'alerte demande le genre", () => {
    expect(controle({ lignes: [sec(), autre(60000000 - 90000)], genre: null })).toEqual([]);
    const c = controle({ lignes: [sec(), autre(60000000 - 90000 + 1)], genre: null });
    expect(c[0].message).toContain("le genre du film n'est pas indiqué");
    expect(c[0].message).toContain("Indiquez le genre (fiction ou documentaire).");
    expect(c).toHaveLength(2);
  });

  it("animation : l'annexe III ne fixe pas de plafond, l'annexe I reste", () => {
    const c = controle({ lignes: [sec()], genre: "animation" });
    expect(c[0].message).toContain(e("pas pour un film d'animation"));
    expect(c[1].message).toContain(e("916,77 €"));
  });
});

describe("annexe III non déclarée, ou hors cinéma", () => {
  it("non déclarée : rien ne change (annexe I, et le rappel que l'annexe III n'est pas vérifiée)", () => {
    const c = controle({ lignes: [sal("Secrétaire de production", "900")], annexe3097: false });
    expect(c).toHaveLength(1);
    expect(c[0].message).toContain(e(": 916,77 € par semaine (table idcc3097-minima"));
    expect(c[0].message).toMatch(
      /un film dérogé à l'annexe III \(budget limité\) a des minima plus bas, non vérifiés\)\.$/,
    );
    expect(
      controle({ lignes: [sal("Secrétaire de production", "900")], annexe3097: false, genre: "animation" }),
    ).toHaveLength(1);
  });

  it("déclarée pour une œuvre audiovisuelle : alerte, la grille IDCC 2642 s'applique seule", () => {
    const c = controle({
      lignes: [sal("Régisseur général", "300", "jour")],
      typeOeuvre: "audiovisuel",
      genre: "documentaire",
    });
    expect(c.map((x) => x.message)).toEqual([
      "Annexe III de l'IDCC 3097 déclarée : elle ne vaut que pour un film de cinéma, et l'œuvre n'est pas déclarée " +
        "« cinéma » ; elle n'est pas appliquée.",
    ]);
  });
});
