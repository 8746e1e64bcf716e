import { REGLES_DEVIS, controlerDevis } from "../../../src/core/devis/regles";
import { masculiniser, TABLE_ACCORD_TRANSPARENCE, TABLE_MINIMA_2642 } from "../../../src/core/devis/regles/donnees";
import { cents } from "../../../src/core/money/cents";
import { devis, ligne } from "./fabrique";

const DATE = "2026-01-15";
const regles = (d: ReturnType<typeof devis>, id?: string) =>
  controlerDevis(d, DATE).filter((c) => !id || c.regle === id);

describe("registre des règles du devis", () => {
  it("a des identifiants uniques en kebab-case et des tables datées valides", () => {
    const ids = REGLES_DEVIS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "montant-calcul",
        "sous-total-producteur",
        "total-producteur",
        "ligne-hors-chapitre",
        "charges-sociales-absentes",
        "frais-generaux-taux",
        "imprevus-taux",
        "salaire-minimum",
      ]),
    );
    expect(TABLE_ACCORD_TRANSPARENCE.versions[0].sources.length).toBeGreaterThan(0);
    // The 2012 grid read in KALI (H), then nothing until the 2025 grids.
    expect(TABLE_MINIMA_2642.versions.map((v) => `${v.effetDu}→${v.effetAu ?? ""}`)).toEqual([
      "2012-07-01→2016-09-30",
      "2025-01-01→2025-06-30",
      "2025-07-01→",
    ]);
  });
});

describe("montant-calcul", () => {
  const l = (montant: number) =>
    ligne({ libelle: "Location caméra", chapitre: "7", quantite: "3", nombre: "2", taux: "100.005", montant });
  it("tolère un centime d'écart, signale à partir de deux", () => {
    expect(regles(devis([l(60003)]), "montant-calcul")).toEqual([]); // 600.03 exact
    expect(regles(devis([l(60004)]), "montant-calcul")).toEqual([]);
    const c = regles(devis([l(60005)]), "montant-calcul");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "erreur", cellule: expect.stringMatching(/^Budget!G\d+$/) });
    expect(c[0].message).toMatch(/600,05.*3 × 2 × 100,01.*600,03.*écart 0,02/);
  });
  it("ignore les lignes dont le montant a été calculé ou sans facteurs", () => {
    expect(
      regles(
        devis([ligne({ chapitre: "7", taux: "10", quantite: "1", montant: 999, montantCalcule: true })]),
        "montant-calcul",
      ),
    ).toEqual([]);
    expect(regles(devis([ligne({ chapitre: "7", taux: "10", montant: 999 })]), "montant-calcul")).toEqual([]);
  });
});

describe("sous-total-producteur et total-producteur", () => {
  const a = ligne({ chapitre: "2", montant: 100000 });
  const b = ligne({ chapitre: "2", montant: 50000 });
  const st = (montant: number, type: "sous-total" | "total" = "sous-total") => ({
    type,
    libelle: type === "total" ? "TOTAL" : "Sous-total personnel",
    montant: cents(montant),
    cellule: "Budget!G9",
    chapitre: "2" as const,
    lignesCouvertes: [a.id, b.id],
  });
  it("accepte un écart d'un centime (dit en info, jamais absorbé en silence), signale au-delà avec l'écart", () => {
    const arrondi = regles(devis([a, b], {}, [st(150001)]));
    expect(arrondi.map((c) => [c.regle, c.gravite])).toEqual([["sous-total-producteur", "info"]]);
    expect(arrondi[0].message).toMatch(/1\u202f500,01.*1\u202f500,00.€ : écart d'arrondi de 0,01.€, accepté/);
    const c = regles(devis([a, b], {}, [st(152000)]), "sous-total-producteur");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(/1\u202f520,00.*1\u202f500,00.*écart 20,00/);
    expect(c[0].cellule).toBe("Budget!G9");
  });
  it("le total a sa propre règle", () => {
    expect(regles(devis([a, b], {}, [st(149000, "total")])).map((c) => c.regle)).toEqual(["total-producteur"]);
  });
});

describe("ligne-hors-chapitre", () => {
  it("signale chaque montant non placé avec sa cellule", () => {
    const l = ligne({ libelle: "Divers à ventiler", montant: 12000 });
    const c = regles(devis([l, ligne({ chapitre: "9", montant: 100 })]), "ligne-hors-chapitre");
    expect(c).toEqual([expect.objectContaining({ gravite: "alerte", cellule: l.source.cellules.montant })]);
    expect(c[0].message).toMatch(/120,00/);
  });
});

describe("charges-sociales-absentes", () => {
  const sal = ligne({ chapitre: "2", categorie: "salaire-technicien", montant: 100000 });
  it("alerte quand il y a des salaires et un chapitre 4 vide", () => {
    expect(regles(devis([sal]), "charges-sociales-absentes")).toHaveLength(1);
    expect(
      regles(
        devis([sal, ligne({ chapitre: "4", categorie: "charges-sociales", montant: 0 })]),
        "charges-sociales-absentes",
      ),
    ).toHaveLength(1);
  });
  it("se tait avec des charges, ou sans salaires", () => {
    expect(regles(devis([sal, ligne({ chapitre: "4", montant: 1 })]), "charges-sociales-absentes")).toEqual([]);
    expect(
      regles(devis([ligne({ chapitre: "7", categorie: "prestation", montant: 100000 })]), "charges-sociales-absentes"),
    ).toEqual([]);
  });
});

describe("frais-generaux-taux et imprevus-taux (accord transparence)", () => {
  const base = () => [ligne({ chapitre: "2", montant: 10000000 }), ligne({ chapitre: "4", montant: 1 })]; // 100 000,01 €
  it("documentaire : 15 % de frais généraux passent, un centime de plus déclenche", () => {
    const hf = 10000001;
    expect(
      regles(
        devis([...base(), ligne({ chapitre: "FG", montant: Math.round(hf * 0.15) })], { genre: "documentaire" }),
        "frais-generaux-taux",
      ),
    ).toEqual([]);
    const c = regles(
      devis([...base(), ligne({ chapitre: "FG", montant: Math.round(hf * 0.15) + 2 })], { genre: "documentaire" }),
      "frais-generaux-taux",
    );
    expect(c).toHaveLength(1);
    // The same shape as frais-cinema-taux: rate, admitted rate, base, and the excess in euros.
    expect(c[0].message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      `${c[0].cellule} : les frais généraux de 15 000,02 € représentent 15,00 % du coût hors frais (chapitres 1 à 9 : ` +
        "100 000,01 €), au-delà du taux admis de 15,00 % pour le genre « documentaire » (soit 15 000,00 € au plus) : " +
        "0,02 € au-delà (taux issu d'une source secondaire : à vérifier).",
    );
  });
  it("fiction : 10 % ; sans genre ou pour le cinéma, pas de constat", () => {
    const fg = ligne({ chapitre: "FG", montant: 1200000 });
    expect(regles(devis([...base(), fg], { genre: "fiction" }), "frais-generaux-taux")).toHaveLength(1);
    expect(regles(devis([...base(), fg]), "frais-generaux-taux")).toEqual([]);
    expect(regles(devis([...base(), fg], { genre: "fiction", typeOeuvre: "cinema" }), "frais-generaux-taux")).toEqual(
      [],
    );
  });
  it("fiction : ligne du tableau lue dans l'avenant n° 3 (texte primaire), le constat ne dit pas « à vérifier » ; documentaire : si", () => {
    const hf = 10000001;
    const fiction = regles(devis([...base(), ligne({ chapitre: "FG", montant: 1200000 })], { genre: "fiction" }));
    const fg = fiction.find((c) => c.regle === "frais-generaux-taux");
    expect(fg?.message.replace(/[\u00a0\u202f]/g, " ")).toBe(
      `${fg?.cellule} : les frais généraux de 12 000,00 € représentent 12,00 % du coût hors frais (chapitres 1 à 9 : ` +
        "100 000,01 €), au-delà du taux admis de 10,00 % pour le genre « fiction » (soit 10 000,00 € au plus) : " +
        "2 000,00 € au-delà.",
    );
    const doc = regles(
      devis([...base(), ligne({ chapitre: "FG", montant: Math.round(hf * 0.15) + 2 })], { genre: "documentaire" }),
    );
    expect(doc.find((c) => c.regle === "frais-generaux-taux")?.message).toMatch(/source secondaire : à vérifier\)\.$/);
  });
  it("imprévus déclarés en % : 7 % passent, 7,5 % déclenchent, quelle que soit la base du producteur", () => {
    const imp = (p: string) => ligne({ chapitre: "IMP", pourcentage: p, montant: 800000, libelle: `Imprévus ${p}` });
    expect(regles(devis([...base(), imp("0.07")], { genre: "animation" }), "imprevus-taux")).toEqual([]);
    const c = regles(devis([...base(), imp("0.075")], { genre: "animation" }), "imprevus-taux");
    expect(c).toHaveLength(1);
    // 8 000,00 € at 7,5 % stated: 7 % on the same base gives 7 466,67 €, so 533,33 € above it.
    expect(c[0].message.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "les imprévus de 8 000,00 € sont écrits à 7,50 % sur les lignes, au-delà du taux admis de 7,00 % pour le genre " +
        "« animation » (coût hors frais, chapitres 1 à 9 : 100 000,01 €, soit 7 000,00 € au plus) : 533,33 € au-delà de " +
        "ce que donne le taux admis sur la même base",
    );
  });
});

describe("salaire-minimum (IDCC 2642, documentaire, grille du 1er janvier 2025)", () => {
  const AV_2025 = "2025-03-01";
  const doc = (ls: Parameters<typeof devis>[0]) => devis(ls, { genre: "documentaire" });
  const regles = (d: ReturnType<typeof devis>, id?: string) =>
    controlerDevis(d, AV_2025).filter((c) => !id || c.regle === id);
  const sal = (libelle: string, taux: string, unite = "jour") =>
    ligne({
      chapitre: "2",
      categorie: "salaire-technicien",
      libelle,
      unite,
      quantite: "10",
      taux,
      montant: Math.round(Number(taux) * 1000),
    });
  it.each([
    ["Chef monteur", "282.12", "282.11"],
    ["Cheffe monteuse", "282.12", "282.11"],
    ["Monteuse", "235.60", "235.59"],
    ["Chargée de production", "240.87", "240.86"],
    ["Chargé·e de production", "240.87", "240.86"],
    ["1ère assistante réalisatrice", "240.87", "240.86"],
    ["Ingénieure du son", "303.46", "303.45"],
    ["Directrice de production", "383.39", "383.38"],
    ["Régisseuse générale", "240.87", "240.86"],
  ])("%s : %s €/jour passe, %s €/jour déclenche", (libelle, ok, ko) => {
    expect(regles(doc([sal(libelle, ok)]), "salaire-minimum")).toEqual([]);
    const c = regles(doc([sal(libelle, ko)]), "salaire-minimum");
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ gravite: "erreur", cellule: expect.stringMatching(/^Budget!F\d+$/) });
    expect(c[0].message).toMatch(new RegExp(`${ok.replace(".", ",")} € par jour`.replace(" €", "\u00a0€")));
  });
  it("à la semaine : minimum = journalier × 4,5 (chef monteur 1 269,54 €)", () => {
    expect(regles(doc([sal("Chef monteur", "1269.54", "semaine")]), "salaire-minimum")).toEqual([]);
    const c = regles(doc([sal("Chef monteur", "1269.53", "sem.")]), "salaire-minimum");
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(/1\u202f269,54\u00a0€ par semaine/);
  });
  it("pas de constat quand la fonction est inconnue, l'unité n'est ni jour ni semaine, ou la ligne est une prestation", () => {
    expect(regles(doc([sal("JRI", "100")]), "salaire-minimum")).toEqual([]);
    expect(regles(doc([sal("Chef monteur", "100", "forfait")]), "salaire-minimum")).toEqual([]);
    expect(
      regles(
        devis([
          ligne({
            chapitre: "8",
            categorie: "prestation",
            libelle: "Monteur (société)",
            unite: "jour",
            quantite: "1",
            taux: "100",
            montant: 10000,
          }),
        ]),
        "salaire-minimum",
      ),
    ).toEqual([]);
  });
  it("sans taux, le taux unitaire est le montant ÷ (quantité × nombre) ; avant 2025 la grille ne s'applique pas", () => {
    const l = ligne({
      chapitre: "2",
      categorie: "salaire-technicien",
      libelle: "Monteur",
      unite: "jours",
      quantite: "10",
      nombre: "2",
      montant: 400000,
    });
    expect(regles(doc([l]), "salaire-minimum")).toHaveLength(1); // 200 €/jour
    expect(controlerDevis(doc([l]), "2024-06-01").filter((c) => c.regle === "salaire-minimum")).toEqual([]);
  });
  it("fiction ou genre inconnu : la grille n'est qu'un plancher (grille fiction du 1er juillet 2024), en alerte", () => {
    for (const d of [
      devis([sal("Chef monteur", "282.11")], { genre: "fiction" }),
      devis([sal("Chef monteur", "282.11")]),
    ]) {
      const c = controlerDevis(d, AV_2025).filter((x) => x.regle === "salaire-minimum");
      expect(c).toHaveLength(1);
      expect(c[0].gravite).toBe("alerte");
      expect(c[0].message).toMatch(/sous le plancher connu IDCC 2642.*282,12/);
    }
    const fiction = controlerDevis(devis([sal("Chef monteur", "282.11")], { genre: "fiction" }), AV_2025);
    expect(fiction.find((x) => x.regle === "salaire-minimum")?.message).toMatch(
      /1er juillet 2024 la fiction a sa propre grille/,
    );
  });
  it("au 30 juin 2025 la grille du documentaire vaut minimum (erreur) ; dès le 1er juillet 2025 elle n'est qu'un plancher", () => {
    const d = doc([sal("Chef monteur", "282.11")]);
    const avant = controlerDevis(d, "2025-06-30").filter((x) => x.regle === "salaire-minimum");
    const apres = controlerDevis(d, "2025-07-01").filter((x) => x.regle === "salaire-minimum");
    expect(avant.map((x) => x.gravite)).toEqual(["erreur"]);
    expect(apres.map((x) => x.gravite)).toEqual(["alerte"]);
    expect(apres[0].message).toMatch(
      /table idcc2642-minima en vigueur au 1er\u00a0juillet\u00a02025.*revalorisation du 1er juillet 2025/,
    );
  });
  it("masculinise les formes féminines et inclusives", () => {
    expect(masculiniser("Cheffe monteuse")).toBe("chef monteur");
    expect(masculiniser("Chargé(e) de production")).toBe("charge de production");
    expect(masculiniser("1re assistante réalisatrice")).toBe("1er assistant realisateur");
    expect(masculiniser("Opératrice de prise de vues")).toBe("operateur de prise de vues");
  });
});

describe("surcharges de la feuille Paramètres", () => {
  const s = (o: Record<string, string>) =>
    new Map(Object.entries(o).map(([k, v], i) => [k, { valeur: v, cellule: `Paramètres!B${i + 2}` }]));
  const sal = ligne({
    chapitre: "2",
    categorie: "salaire-technicien",
    libelle: "Chef monteuse",
    unite: "jour",
    quantite: "1",
    taux: "290",
    montant: 29000,
  });
  it("un minimum surchargé remplace la grille et le message cite la cellule", () => {
    expect(controlerDevis(devis([sal]), DATE, s({})).filter((c) => c.regle === "salaire-minimum")).toEqual([]);
    const c = controlerDevis(devis([sal]), DATE, s({ "devis.salaire-minimum.chef-monteur": "300 €" })).filter(
      (c) => c.regle === "salaire-minimum",
    );
    expect(c).toHaveLength(1);
    expect(c[0].message).toMatch(/300,00.*paramètre Paramètres!B2/);
  });
  it("un taux d'imprévus surchargé, et une clé inconnue signalée", () => {
    const ls = [ligne({ chapitre: "2", montant: 1000000 }), ligne({ chapitre: "IMP", montant: 60000 })];
    expect(controlerDevis(devis(ls, { genre: "fiction" }), DATE).filter((c) => c.regle === "imprevus-taux")).toEqual(
      [],
    );
    const c = controlerDevis(
      devis(ls, { genre: "fiction" }),
      DATE,
      s({ "devis.accord-transparence.fiction.imprevus": "5 %", "devis.salaire-minimum.chef-monteu": "1" }),
    );
    expect(c.map((x) => x.regle)).toEqual(["imprevus-taux", "devis-parametre-inconnu"]);
    expect(c[0].message.replace(/[\u00a0\u202f]/g, " ")).toMatch(
      /représentent 6,00 % .*au-delà du taux admis de 5,00 % .*\(soit 500,00 € au plus\) : 100,00 € au-delà \(taux du paramètre Paramètres!B2\)\.$/,
    );
    expect(c[1].cellule).toBe("Paramètres!B3");
  });
  it("le minimum d'une fonction de la seule grille cinéma (IDCC 3097) n'est pas une clé inconnue", () => {
    // Before: only IDCC 2642's functions were known, so « chef-operateur-son » (3097 only) was called a typo.
    const cles = s({
      "devis.salaire-minimum.chef-operateur-son": "300 €",
      "devis.salaire-minimum.chef-operateur-so": "1",
    });
    const c = controlerDevis(devis([], { typeOeuvre: "cinema" }), DATE, cles).filter(
      (x) => x.regle === "devis-parametre-inconnu",
    );
    expect(c.map((x) => x.cellule)).toEqual(["Paramètres!B3"]);
  });
});

describe("salaire-minimum (IDCC 2642, grille de l'avenant n° 4 du 3 juillet 2012, lue dans KALI)", () => {
  const sal = (libelle: string, taux: string) =>
    ligne({
      chapitre: "2",
      categorie: "salaire-technicien",
      libelle,
      unite: "jour",
      quantite: "10",
      taux,
      montant: Math.round(Number(taux) * 1000),
    });
  const minima = (genre: "fiction" | "documentaire", libelle: string, taux: string) =>
    controlerDevis(devis([sal(libelle, taux)], { genre }), "2014-06-02").filter((c) => c.regle === "salaire-minimum");

  it("en fiction, une fonction fermée à la fiction lourde (renvoi (24)) est un plancher, les autres la grille", () => {
    // Chef monteur (24): 256,92 € (8 h), a floor in fiction (the « spécialisé » line applies in fiction lourde).
    expect(minima("fiction", "Chef monteur", "256.92")).toEqual([]);
    expect(minima("fiction", "Chef monteur", "256.91")).toMatchObject([{ gravite: "alerte" }]);
    expect(minima("fiction", "Chef monteur", "256.91")[0].message).toMatch(/sous le plancher connu/);
    // Mixeur (filière K, no (24)): 316,36 €, the minimum in every genre.
    expect(minima("fiction", "Mixeur", "316.36")).toEqual([]);
    const c = minima("fiction", "Mixeur", "316.35");
    expect(c).toMatchObject([{ gravite: "erreur" }]);
    expect(c[0].message).toMatch(/sous le minimum IDCC 2642 de la fonction « Mixeur » : 316,36\u00a0€ par jour/);
    // Documentary: the chef monteur's 256,92 € is the minimum itself.
    expect(minima("documentaire", "Chef monteur", "256.91")).toMatchObject([{ gravite: "erreur" }]);
  });
});
