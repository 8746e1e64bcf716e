import { evaluerFinancement, OptionsEvaluation } from "../../../src/core/financement/evaluer";
import type { PlanFinancement, SourceFinancement } from "../../../src/core/financement/model";
import { Cents, eurosToCents, formatMontantFr } from "../../../src/core/money";
import { resultatJson } from "../../../src/core/financement/json";

const DATE = "2026-01-15";
let n = 0;
function src(categorie: string, euros: number, o: Partial<SourceFinancement> = {}): SourceFinancement {
  n++;
  return {
    id: `P!${n}`,
    financeur: o.financeur ?? categorie,
    categorie,
    classement: "nature",
    montant: eurosToCents(euros),
    statut: "acquis",
    etranger: false,
    numeraire: true,
    tranches: [],
    cellule: `P!C${n}`,
    ...o,
  };
}
function plan(sources: SourceFinancement[], extra: Partial<PlanFinancement> = {}): PlanFinancement {
  return { feuille: "P", sources, nonClasses: [], avertissements: [], ...extra };
}
const euros = (e: number) => formatMontantFr(eurosToCents(e));
const cout = (euros: number) => ({ montant: eurosToCents(euros), origine: "coût saisi" });
const evaluer = (p: PlanFinancement, o: OptionsEvaluation) => evaluerFinancement(p, { date: DATE, ...o });
const de = (a: ReturnType<typeof evaluer>, regle: string) =>
  a.constats.filter((c) => c.regle === regle).map((c) => c.gravite);

describe("equilibre", () => {
  const p = plan([src("apport-numeraire", 400000), src("sofica", 600000)]);
  test("plan équilibré : une info", () => {
    const a = evaluer(p, { cout: cout(1000000) });
    expect(de(a, "equilibre")).toEqual(["info"]);
    expect(a.synthese.resteAFinancer).toBe(0);
  });
  test("reste à financer : une alerte qui donne le montant et la part du coût", () => {
    const a = evaluer(p, { cout: cout(1250000) });
    expect(de(a, "equilibre")).toEqual(["alerte"]);
    expect(a.synthese.resteAFinancer).toBe(eurosToCents(250000));
    expect(a.constats.find((c) => c.regle === "equilibre")!.message).toMatch(
      /^Reste à financer : 250\u202f000,00\u00a0€ \(20,00\u00a0% du coût\)/,
    );
  });
  test("excédent : une alerte, reste à financer négatif", () => {
    const a = evaluer(p, { cout: cout(900000) });
    expect(a.synthese.resteAFinancer).toBe(eurosToCents(-100000));
    expect(a.constats.find((c) => c.regle === "equilibre")!.message).toMatch(
      /^Excédent de financement : 100\u202f000,00/,
    );
  });
  test("le coût indiqué dans le plan qui diffère du devis est signalé sur sa cellule", () => {
    const q = plan(p.sources, { coutIndique: { montant: eurosToCents(950000), cellule: "P!C2" } });
    const cs = evaluer(q, {
      cout: { montant: eurosToCents(1000000), origine: "total du devis", cellule: "Budget!C17" },
    }).constats.filter((c) => c.regle === "equilibre");
    expect(cs.map((c) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "P!C2"],
      ["info", "Budget!C17"],
    ]);
    expect(cs[0].message).toContain("950\u202f000,00");
  });
  test("coût inconnu : une alerte, pas de chiffre inventé", () => {
    expect(de(evaluer(p, {}), "equilibre")).toEqual(["alerte"]);
  });
});

describe("intensite-aides-publiques (cinéma)", () => {
  // 3 000 000 € : CNC 1 000 000 + région 500 000 + crédit d'impôt 250 000 = 1 750 000 € publics = 58,33 %.
  const p = plan([
    src("cnc-avance-recettes", 1000000),
    src("region", 500000),
    src("credit-impot", 250000),
    src("diffuseur-preachat", 1250000),
  ]);
  test("au-delà de 50 % sans dérogation : erreur", () => {
    const a = evaluer(p, { cout: cout(3000000), typeOeuvre: "cinema" });
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.5833");
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(de(a, "intensite-aides-publiques")).toEqual(["erreur"]);
    expect(resultatJson(a).intensiteAidesPubliques).toBe("0.5833");
  });
  test("premier film : plafond 60 %, 58,33 % n'est qu'une alerte", () => {
    const a = evaluer(p, { cout: cout(3000000), typeOeuvre: "cinema", premierOuDeuxiemeFilm: true });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(de(a, "intensite-aides-publiques")).toEqual(["alerte"]);
    expect(resultatJson(a).plafond).toBe("0.60");
  });
  test("œuvre déclarée difficile sans premier film : pas de dérogation en cinéma, le motif dit pourquoi", () => {
    const a = evaluer(p, { cout: cout(3000000), typeOeuvre: "cinema", oeuvreDifficile: true });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(de(a, "intensite-aides-publiques")).toEqual(["erreur"]);
    expect(a.plafond.motif).toMatch(/seule la première ou deuxième œuvre du réalisateur est une œuvre difficile/);
    const b = evaluer(p, {
      cout: cout(3000000),
      typeOeuvre: "cinema",
      oeuvreDifficile: true,
      premierOuDeuxiemeFilm: true,
    });
    expect(b.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(b.plafond.motif).not.toMatch(/déclarée difficile/);
  });
  test("premier film au-delà de 60 % : erreur", () => {
    const q = plan([
      src("cnc-avance-recettes", 1000000),
      src("region", 700000),
      src("credit-impot", 250000),
      src("diffuseur-preachat", 1050000),
    ]);
    const a = evaluer(q, { cout: cout(3000000), premierOuDeuxiemeFilm: true });
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.6500");
    expect(de(a, "intensite-aides-publiques")).toEqual(["erreur"]);
  });
  test("sous 50 % : une info, pas d'alerte", () => {
    const q = plan([
      src("cnc-avance-recettes", 500000),
      src("region", 300000),
      src("credit-impot", 250000),
      src("diffuseur-preachat", 1950000),
    ]);
    const a = evaluer(q, { cout: cout(3000000) });
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.3500");
    expect(de(a, "intensite-aides-publiques")).toEqual(["info"]);
  });
  test("le pourcentage du constat est celui de la synthèse (arrondi au plus proche), sauf s'il franchirait un seuil", () => {
    const message = (q: PlanFinancement, euros: number) =>
      evaluer(q, { cout: cout(euros) }).constats.find((c) => c.regle === "intensite-aides-publiques")!.message;
    // 70 000 / 184 509,13 = 37,9385… % : « 37,94 % » comme la synthèse du volet et la feuille, pas « 37,93 % ».
    expect(message(plan([src("region", 70000), src("sofica", 114509.13)]), 184509.13)).toContain("= 37,94\u00a0%");
    // 49,996 % s'arrondirait à 50,00 % : il reste « 49,99 % », sous le plafond.
    expect(message(plan([src("region", 49996), src("sofica", 50004)]), 100000)).toContain("= 49,99\u00a0%");
    // 50,004 % s'arrondirait à 50,00 % : il devient « 50,01 % », au-delà du plafond.
    expect(message(plan([src("region", 50004), src("sofica", 49996)]), 100000)).toContain("= 50,01\u00a0%");
  });
  test("exactement 50 % n'est pas au-delà du plafond", () => {
    const q = plan([src("region", 500000), src("sofica", 500000)]);
    expect(de(evaluer(q, { cout: cout(1000000) }), "intensite-aides-publiques")).toEqual(["info"]);
  });
});

describe("dérogation petit budget (cinéma, coût ≤ 1 250 000 €)", () => {
  // 700 000 € d'aides publiques.
  const p = (c: number) =>
    plan([src("region", 400000), src("cnc-selectif", 300000), src("apport-numeraire", c - 700000)]);
  test("coût = 1 250 000 € pile : plafond 60 %, 56 % en alerte", () => {
    const a = evaluer(p(1250000), { cout: cout(1250000), typeOeuvre: "cinema" });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(a.plafond.motif).toMatch(/petit budget/);
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.5600");
    expect(de(a, "intensite-aides-publiques")).toEqual(["alerte"]);
  });
  test("coût = 1 250 000,01 € : plus de dérogation, erreur", () => {
    const a = evaluerFinancement(p(1250000), {
      date: DATE,
      cout: { montant: eurosToCents("1250000.01"), origine: "x" },
      typeOeuvre: "cinema",
    });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(de(a, "intensite-aides-publiques")).toEqual(["erreur"]);
  });
  test("audiovisuel sans durée : le seuil par heure n'est pas vérifié, et le motif le dit", () => {
    const a = evaluer(p(1000000), { cout: cout(1000000), typeOeuvre: "audiovisuel" });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(a.plafond.motif).toMatch(/100\u202f000,00\u00a0€ par heure non vérifié faute de durée/);
  });
  test("la feuille Paramètres peut changer le seuil", () => {
    const surcharges = new Map([
      ["intensite-aides.cinema.seuil-petit-budget", { valeur: "1 500 000", cellule: "Paramètres!B2" }],
    ]);
    const a = evaluer(p(1400000), { cout: cout(1400000), surcharges });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(a.plafond.surchargesUtilisees).toEqual([
      { cle: "intensite-aides.cinema.seuil-petit-budget", cellule: "Paramètres!B2" },
    ]);
  });
});

describe("audiovisuel : œuvre difficile et petit budget selon l'art. D331-17", () => {
  // 45 000 € d'aides publiques, pour un coût autour de 86 666 € (52 min) : 51,9 %.
  const q = (c: string) =>
    plan([src("region", 25000), src("cnc-selectif", 20000), src("apport-numeraire", Number(c) - 45000)]);
  const av = (c: string, o: Partial<OptionsEvaluation> = {}) =>
    evaluerFinancement(q(c), {
      date: DATE,
      cout: { montant: eurosToCents(c), origine: "x" },
      typeOeuvre: "audiovisuel",
      dureeMinutes: 52,
      ...o,
    });
  test("52 min à 86 666,66 € (99 999,99 € par heure) : petit budget, plafond 60 %", () => {
    const a = av("86666.66");
    expect(a.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(a.plafond.seuilPetitBudget).toBe(eurosToCents("86666.66"));
    expect(a.plafond.motif).toMatch(
      /petit budget \(100\u202f000,00\u00a0€ par heure au plus : 86\u202f666,66\u00a0€ pour 52 min\)/,
    );
    expect(de(a, "intensite-aides-publiques")).toEqual(["alerte"]);
  });
  test("52 min à 86 666,67 € (100 000,004 € par heure) : plus de dérogation, erreur", () => {
    const a = av("86666.67");
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(de(a, "intensite-aides-publiques")).toEqual(["erreur"]);
  });
  test("60 min : 100 000 € pile passe, 100 000,01 € non", () => {
    expect(av("100000.00", { dureeMinutes: 60 }).plafond.plafond.toFixed(2)).toBe("0.60");
    expect(av("100000.01", { dureeMinutes: 60 }).plafond.plafond.toFixed(2)).toBe("0.50");
  });
  test("un premier film n'ouvre pas la dérogation en audiovisuel ; une œuvre difficile déclarée, si", () => {
    const a = av("200000", { premierOuDeuxiemeFilm: true });
    expect(a.plafond.plafond.toFixed(2)).toBe("0.50");
    expect(a.plafond.motif).toMatch(/premier ou deuxième film n'est pas une œuvre difficile en audiovisuel/);
    const b = av("200000", { oeuvreDifficile: true });
    expect(b.plafond.plafond.toFixed(2)).toBe("0.60");
    expect(b.plafond.motif).toMatch(/innovante, peu accessible ou délicate/);
  });
  test("le plafond et son motif dans une phrase à eux : jamais de parenthèses dans des parenthèses", () => {
    /** The deepest nesting of parentheses in a text. */
    const profondeur = (t: string) =>
      [...t].reduce(
        (a, ch) => {
          const d = a.d + (ch === "(" ? 1 : ch === ")" ? -1 : 0);
          return { d, max: Math.max(a.max, d) };
        },
        { d: 0, max: 0 },
      ).max;
    const message = (a: ReturnType<typeof av>) => a.constats.find((x) => x.regle === "intensite-aides-publiques")!;
    // Info: 45 000 € of aid on 200 000 €, a declared « œuvre difficile » (its motif has its own parentheses).
    const info = message(av("200000", { oeuvreDifficile: true }));
    expect(info.gravite).toBe("info");
    expect(info.message).toMatch(
      /^Aides publiques 45\u202f000,00\u00a0€ = 22,50\u00a0% du coût \(200\u202f000,00\u00a0€\)\. Plafond 60,00\u00a0% \(chiffre à vérifier\) : œuvre difficile \(innovante, peu accessible ou délicate, déclarée par le producteur\)\.$/,
    );
    // Alerte: over 50 % under the small budget's 60 %; erreur: over the general 50 %.
    const alerte = message(av("86666.66"));
    expect(alerte.gravite).toBe("alerte");
    expect(alerte.message).toMatch(
      /admis seulement par dérogation\. Plafond 60,00\u00a0% \(chiffre à vérifier\) : œuvre à petit budget \(/,
    );
    const erreur = message(av("86666.67"));
    expect(erreur.gravite).toBe("erreur");
    expect(erreur.message).toMatch(/\. Plafond 50,00\u00a0% \(chiffre à vérifier\) : plafond général\. Attention : /);
    for (const c of [info, alerte, erreur]) expect(`${profondeur(c.message)} ${c.message}`).toMatch(/^1 /);
  });
  test("au-delà du plafond, le constat chiffre l'excédent et cite le Conseil d'État (fraction excédentaire)", () => {
    const a = av("86666.67");
    const c = a.constats.find((x) => x.regle === "intensite-aides-publiques")!;
    // 45 000 − 50 % × 86 666,67 = 45 000 − 43 333,34 = 1 666,66
    expect(c.message).toMatch(/au-delà du plafond 50,00\u00a0%.*de 1\u202f666,66\u00a0€\./);
    expect(c.message).toMatch(
      /Attention : pour le crédit d'impôt, le Conseil d'État \(15 mars 2023, n° 452317\) ne retire que la fraction qui excède/,
    );
    expect(c.message).not.toMatch(/totalité de l'aide/);
    expect(c.message).toMatch(/à vérifier\.$/);
  });
});

describe("coproduction internationale : intensité sur la participation française (RGA art. 311-9 et 211-16)", () => {
  const intensite = (a: ReturnType<typeof evaluer>) => a.constats.find((c) => c.regle === "intensite-aides-publiques")!;
  test("seules les parts des coproducteurs étrangers sortent de la base ; les aides étrangères ne comptent pas", () => {
    // Coût 2 000 000 ; coproducteur belge 400 000 → participation française 1 600 000 ; un fonds régional belge
    // (100 000, étranger, pas une part de coproducteur) reste dans la base et hors des aides françaises ;
    // aides françaises 700 000 = 43,75 %. (Avant décembre 2026, tout l'étranger sortait : 1 500 000, 46,67 %.)
    const q = plan([
      src("coproducteur-etranger", 400000, { etranger: true }),
      src("region", 100000, { etranger: true, financeur: "Wallimage" }),
      src("region", 400000),
      src("cnc-selectif", 300000),
      src("apport-numeraire", 800000),
    ]);
    const a = evaluer(q, { cout: cout(2000000) });
    expect(a.synthese.partsCoproducteursEtrangers).toBe(eurosToCents(400000));
    expect(a.synthese.baseIntensite).toBe(eurosToCents(1600000));
    expect(a.synthese.aidesPubliques).toBe(eurosToCents(700000));
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.4375");
    const c = intensite(a);
    expect(c.message).toContain(
      "de la participation française (1\u202f600\u202f000,00\u00a0€ = coût 2\u202f000\u202f000,00\u00a0€ − parts des " +
        "coproducteurs étrangers 400\u202f000,00\u00a0€)",
    );
    expect(c.message).toContain(
      "Financements étrangers hors coproducteurs (100\u202f000,00\u00a0€, préventes comprises)",
    );
    // Left out of the public aid, and said so: no text read settles whether another State's aid counts.
    expect(c.message).toContain(
      "Aides publiques d'origine étrangère (Wallimage, 100\u202f000,00\u00a0€) non comptées dans les aides publiques : " +
        "aucun texte lu ne dit si l'ensemble des aides financières publiques du plafond comprend celles d'un autre " +
        "État — à vérifier.",
    );
  });
  test("une ligne « Coproducteur étranger » dont le pays est la France n'est pas une part étrangère et ne cache pas une prévente étrangère", () => {
    // Coût 1 000 000 ; « Coproducteur étranger » marqué France (100 000 : argent français, reste dans la base) ;
    // prévente RTBF 200 000 (étrangère, hors coproducteurs) ; aides françaises 300 000 = 30 %.
    // (Avant : parts = 100 000, base 900 000, et « étranger hors coproducteurs » = 200 000 − 100 000 = 100 000.)
    const q = plan([
      src("coproducteur-etranger", 100000, { financeur: "Coprod Paris" }),
      src("diffuseur-preachat", 200000, { etranger: true, financeur: "RTBF" }),
      src("region", 300000),
      src("apport-numeraire", 400000),
    ]);
    const a = evaluer(q, { cout: cout(1000000), typeOeuvre: "audiovisuel" });
    expect(a.synthese.partsCoproducteursEtrangers).toBe(0);
    expect(a.synthese.autresFinancementsEtrangers).toBe(eurosToCents(200000));
    expect(a.synthese.baseIntensite).toBe(eurosToCents(1000000));
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.3000");
    expect(intensite(a).message).toContain(
      "Financements étrangers hors coproducteurs (200\u202f000,00\u00a0€, préventes comprises)",
    );
    // A foreign presale is not public aid: no sentence on foreign public aid.
    expect(intensite(a).message).not.toContain("Aides publiques d'origine étrangère");
  });
  test("la base vient de la table en vigueur : participation française en cinéma (art. 211-8), confiance selon la période", () => {
    const q = plan([
      src("coproducteur-etranger", 400000, { etranger: true }),
      src("cnc-selectif", 300000),
      src("apport-numeraire", 1300000),
    ]);
    for (const date of ["2022-06-01", "2026-01-15"]) {
      const a = evaluerFinancement(q, { date, cout: cout(2000000) });
      expect(a.synthese.modeBaseIntensite).toBe("participation-francaise");
      expect(a.synthese.baseIntensite).toBe(eurosToCents(1600000));
    }
    // The definition of the French participation is read for cinema only in the text in force since 1 February 2023.
    expect(evaluerFinancement(q, { date: "2022-06-01", cout: cout(2000000) }).plafond.confiance).toBe("M");
    expect(evaluerFinancement(q, { date: "2026-01-15", cout: cout(2000000) }).plafond.confiance).toBe("H");
    expect(intensite(evaluerFinancement(q, { date: "2022-06-01", cout: cout(2000000) })).message).toMatch(
      /Plafond 50,00\u00a0% \(chiffre à vérifier\)|à vérifier/,
    );
  });
  // Boundary: a presale to a foreign broadcaster stays in the French participation. Coût 1 000 000, prévente RTBF
  // 200 000 (étrangère), aides françaises 500 000 : 500 000 / 1 000 000 = 50,00 % exactement, au plafond, pas au-delà
  // (l'ancienne base, 800 000, donnait 62,5 % : une erreur à tort).
  const prevente = (aides: number) =>
    plan([
      src("diffuseur-preachat", 200000, { etranger: true, financeur: "RTBF" }),
      src("region", aides),
      src("apport-numeraire", 800000 - aides),
    ]);
  test("une prévente à l'étranger reste dans la base : 50,00 % pile n'est pas au-delà du plafond", () => {
    const a = evaluer(prevente(500000), { cout: cout(1000000), typeOeuvre: "audiovisuel" });
    expect(a.synthese.partsCoproducteursEtrangers).toBe(0);
    expect(a.synthese.baseIntensite).toBe(eurosToCents(1000000));
    expect(a.synthese.intensite!.toFixed(4)).toBe("0.5000");
    const c = intensite(a);
    expect(c.gravite).toBe("info");
    expect(c.message).toContain("du coût (1\u202f000\u202f000,00\u00a0€)");
    expect(c.message).toContain(
      "Financements étrangers hors coproducteurs (200\u202f000,00\u00a0€, préventes comprises) comptés dans la base",
    );
  });
  test("un centime de plus au-delà de 50 % : au-delà du seuil d'alerte", () => {
    const a = evaluer(prevente(500000.01), { cout: cout(1000000), typeOeuvre: "audiovisuel" });
    expect(a.synthese.baseIntensite).toBe(eurosToCents(1000000));
    expect(intensite(a).gravite).not.toBe("info");
  });
});

describe("aides-cnc", () => {
  test("CNC au-delà de 50 % : erreur ; à 50 % : rien", () => {
    const trop = plan([
      src("cnc-avance-recettes", 800000),
      src("apport-soutien-automatique", 300000),
      src("sofica", 900000),
    ]);
    expect(de(evaluer(trop, { cout: cout(2000000), premierOuDeuxiemeFilm: true }), "aides-cnc")).toEqual(["erreur"]);
    const juste = plan([
      src("cnc-avance-recettes", 700000),
      src("apport-soutien-automatique", 300000),
      src("sofica", 1000000),
    ]);
    expect(de(evaluer(juste, { cout: cout(2000000) }), "aides-cnc")).toEqual([]);
  });
  // RGA art. 311-18 (from 1 February 2023): an audiovisual work's CNC aids ≤ 40 % of the cost (of the French
  // participation in an international coproduction). Boundary: 400 000 of 1 000 000 passes, one cent more does not.
  const fsa = (euros: number) =>
    plan([src("cnc-fsa", euros), src("diffuseur-preachat", 300000), src("apport-numeraire", 700000 - euros)]);
  const audiovisuel = (p: PlanFinancement, date = DATE) =>
    evaluerFinancement(p, { date, cout: cout(1000000), typeOeuvre: "audiovisuel" });
  test("audiovisuel depuis février 2023 : 40 % pile passe, un centime de plus est une erreur au plafond de 40 %", () => {
    expect(de(audiovisuel(fsa(400000)), "aides-cnc")).toEqual([]);
    const trop = audiovisuel(fsa(400000.01));
    expect(de(trop, "aides-cnc")).toEqual(["erreur"]);
    expect(trop.constats.find((c) => c.regle === "aides-cnc")!.message).toMatch(
      /^Aides du CNC 400\u202f000,01\u00a0€ = 40,01\u00a0% du coût : au-delà du plafond de 40,00\u00a0% \(chiffre à vérifier\)\.$/,
    );
    expect(trop.plafond.plafondCnc.toString()).toBe("0.4");
  });
  test("audiovisuel avant février 2023 : la version précédente (50 %) s'applique encore", () => {
    expect(de(audiovisuel(fsa(450000), "2023-01-31"), "aides-cnc")).toEqual([]);
    expect(de(audiovisuel(fsa(450000), "2023-02-01"), "aides-cnc")).toEqual(["erreur"]);
  });
  test("coproduction internationale : le plafond se mesure sur la participation française, nommée", () => {
    // Coût 1 000 000, coproducteur étranger 100 000 → participation française 900 000 ; 40 % = 360 000.
    const p = (euros: number) =>
      plan([
        src("coproducteur-etranger", 100000, { etranger: true }),
        src("cnc-fsa", euros),
        src("apport-numeraire", 900000 - euros),
      ]);
    expect(de(audiovisuel(p(360000)), "aides-cnc")).toEqual([]);
    const trop = audiovisuel(p(360000.01));
    expect(trop.constats.find((c) => c.regle === "aides-cnc")!.message).toContain("du coût (participation française)");
  });
});

describe("diffuseurs-fsa (audiovisuel)", () => {
  // Coproduction internationale : participation française = coût 1 000 000 − coproducteur étranger 100 000 = 900 000 ;
  // 25 % = 225 000.
  const fiction = (diffuseur: number, o: Partial<SourceFinancement> = {}) =>
    plan([
      src("diffuseur-preachat", diffuseur, o),
      src("coproducteur-etranger", 100000, { etranger: true }),
      src("cnc-fsa", 150000),
      src("apport-numeraire", 750000 - diffuseur),
    ]);
  const messages = (a: ReturnType<typeof evaluer>) =>
    a.constats.filter((c) => c.regle === "diffuseurs-fsa").map((c) => c.message);
  const av = { typeOeuvre: "audiovisuel" as const };
  test("coproduction internationale : diffuseurs français à 25 % pile de la participation française, conforme", () => {
    const a = evaluer(fiction(225000), { cout: cout(1000000), ...av, genre: "fiction", dureeMinutes: 52 });
    expect(de(a, "diffuseurs-fsa")).toEqual([]);
  });
  test("coproduction internationale sous 25 % : l'alerte nomme la participation française et son calcul", () => {
    const a = evaluer(fiction(224999.99), { cout: cout(1000000), ...av, genre: "fiction", dureeMinutes: 52 });
    expect(de(a, "diffuseurs-fsa")).toEqual(["alerte"]);
    expect(messages(a)[0]).toBe(
      "Diffuseurs français : 224\u202f999,99\u00a0€ = 24,99\u00a0% de la participation française en coproduction " +
        "internationale (900\u202f000,00\u00a0€ = coût de l'œuvre 1\u202f000\u202f000,00\u00a0€ − parts des coproducteurs " +
        "étrangers 100\u202f000,00\u00a0€), en dessous des 25,00\u00a0% (chiffre à vérifier) exigés pour le soutien " +
        "automatique FSA ; sinon, passage en commission sélective.",
    );
  });
  test("sans coproducteur étranger, la base est le coût de l'œuvre, pas le financement (plan sous-financé)", () => {
    // 240 000 = 25,53 % des 940 000 financés, mais 24 % du coût de 1 000 000.
    const p = plan([src("diffuseur-preachat", 240000), src("apport-numeraire", 700000)]);
    const a = evaluer(p, { cout: cout(1000000), ...av, genre: "fiction", dureeMinutes: 52 });
    expect(messages(a)).toEqual([
      expect.stringContaining(
        "240\u202f000,00\u00a0€ = 24,00\u00a0% du coût de l'œuvre (1\u202f000\u202f000,00\u00a0€), en dessous",
      ),
    ]);
  });
  test("un financement étranger qui n'est pas un coproducteur (préachat à l'étranger) ne fait pas une coproduction", () => {
    const p = plan([
      src("diffuseur-preachat", 240000),
      src("diffuseur-preachat", 100000, { etranger: true, financeur: "RTBF" }),
      src("apport-numeraire", 660000),
    ]);
    const a = evaluer(p, { cout: cout(1000000), ...av, genre: "fiction", dureeMinutes: 52 });
    // L'ancienne base (financement français 900 000) aurait donné 26,67 % : conforme.
    expect(messages(a)).toEqual([
      expect.stringContaining("= 24,00\u00a0% du coût de l'œuvre (1\u202f000\u202f000,00\u00a0€)"),
    ]);
  });
  test("sans coût, la base est le total du financement, dit comme tel", () => {
    const p = plan([src("diffuseur-preachat", 200000), src("apport-numeraire", 800000)]);
    expect(messages(evaluer(p, { ...av, genre: "fiction", dureeMinutes: 52 }))).toEqual([
      expect.stringContaining(
        "= 20,00\u00a0% du total du financement (coût de l'œuvre non indiqué) (1\u202f000\u202f000,00\u00a0€), en dessous",
      ),
    ]);
  });
  test("les coproducteurs étrangers couvrent tout le coût : la part n'est pas calculée, une alerte le dit", () => {
    const p = plan([
      src("coproducteur-etranger", 100000, { etranger: true }),
      src("diffuseur-preachat", 50000),
      src("apport-numeraire", 10000),
    ]);
    const a = evaluer(p, { cout: cout(100000), ...av, genre: "fiction", dureeMinutes: 52 });
    expect(messages(a)[0]).toContain(
      "Diffuseurs français : part non calculée, la base des 25,00\u00a0% exigés pour le soutien automatique FSA est " +
        "nulle ou négative : participation française en coproduction internationale (0,00\u00a0€ = coût de l'œuvre",
    );
  });
  test("fiction : numéraire des diffuseurs sous 12 000 €/heure (52 min → 10 400 €)", () => {
    const p = plan([src("diffuseur-preachat", 10399.99), src("apport-numeraire", 20000)]);
    const a = evaluer(p, { cout: cout(30399.99), typeOeuvre: "audiovisuel", genre: "fiction", dureeMinutes: 52 });
    expect(a.constats.filter((c) => c.regle === "diffuseurs-fsa").map((c) => c.message)).toEqual([
      expect.stringContaining("10\u202f400,00"),
    ]);
    const ok = plan([src("diffuseur-preachat", 10400), src("apport-numeraire", 20000)]);
    expect(
      de(
        evaluer(ok, { cout: cout(30400), typeOeuvre: "audiovisuel", genre: "fiction", dureeMinutes: 52 }),
        "diffuseurs-fsa",
      ),
    ).toEqual([]);
  });
  test.each([
    ["animation", 12000, "Animation"],
    ["documentaire", 12000, "Documentaire"],
    ["spectacle", 20000, "Adaptation de spectacle vivant"],
  ] as const)("%s : plancher de %i € par heure en numéraire (90 min)", (genre, parHeure, nom) => {
    const minimum = (parHeure * 3) / 2;
    const sous = plan([src("diffuseur-preachat", minimum - 0.01), src("apport-numeraire", 2 * minimum)]);
    const a = evaluer(sous, { cout: cout(3 * minimum - 0.01), ...av, genre, dureeMinutes: 90 });
    expect(messages(a)).toEqual([
      `${nom} de 90 min : numéraire des diffuseurs français ${euros(minimum - 0.01)}, en dessous du minimum de ` +
        `${euros(minimum)} (${euros(parHeure)} par heure ; chiffre à vérifier).`,
    ]);
    const juste = plan([src("diffuseur-preachat", minimum), src("apport-numeraire", 2 * minimum)]);
    expect(messages(evaluer(juste, { cout: cout(3 * minimum), ...av, genre, dureeMinutes: 90 }))).toEqual([]);
  });
  test("sans genre : le plancher en numéraire n'est pas vérifié, une info le dit avec les planchers par genre", () => {
    const p = plan([src("diffuseur-preachat", 1000), src("apport-numeraire", 3000)]);
    expect(messages(evaluer(p, { cout: cout(4000), ...av, dureeMinutes: 90 }))).toEqual([
      "Minimum de numéraire par heure des diffuseurs non vérifié : genre de l'œuvre non précisé (par heure : " +
        "12\u202f000,00\u00a0€ en fiction, animation et documentaire de création ; 20\u202f000,00\u00a0€ en adaptation de " +
        "spectacle vivant).",
    ]);
    expect(de(evaluer(p, { cout: cout(4000), ...av, dureeMinutes: 90 }), "diffuseurs-fsa")).toEqual(["info"]);
  });
  test("sans durée : le plancher du genre n'est pas vérifié, une info le dit", () => {
    const p = plan([src("diffuseur-preachat", 1000), src("apport-numeraire", 3000)]);
    expect(messages(evaluer(p, { cout: cout(4000), ...av, genre: "spectacle" }))).toEqual([
      "Adaptation de spectacle vivant : le minimum de 20\u202f000,00\u00a0€ par heure en numéraire des diffuseurs n'a pas " +
        "été vérifié faute de durée de l'œuvre.",
    ]);
  });
  test("un apport en industrie du diffuseur ne compte pas comme numéraire", () => {
    const p = plan([src("diffuseur-part-coproducteur", 300000, { numeraire: false }), src("apport-numeraire", 700000)]);
    const a = evaluer(p, { cout: cout(1000000), typeOeuvre: "audiovisuel", genre: "fiction", dureeMinutes: 52 });
    expect(de(a, "diffuseurs-fsa")).toEqual(["alerte"]);
  });
  test("ne s'applique pas au cinéma", () => {
    expect(de(evaluer(fiction(10000), { cout: cout(1000000), typeOeuvre: "cinema" }), "diffuseurs-fsa")).toEqual([]);
  });

  describe("taux réduits (RGA art. 311-10) : 15 % en animation, 20 % en documentaire de création", () => {
    // Coût 1 000 000 : 25 % = 250 000 exigés des diffuseurs français.
    const avecPreventes = (francais: number, preventes: number, autres: SourceFinancement[] = []) =>
      plan([
        src("diffuseur-preachat", francais, { financeur: "France Télévisions" }),
        src("diffuseur-preachat", preventes, { etranger: true, financeur: "RTBF" }),
        ...autres,
        src("apport-numeraire", 1000000 - francais - preventes - autres.reduce((t, x) => t + x.montant / 100, 0)),
      ]);
    const o = (genre: "animation" | "documentaire" | "fiction") => ({
      cout: cout(1000000),
      ...av,
      genre,
      dureeMinutes: 52,
    });
    test("animation à 20 % avec des préventes égales à l'écart : taux réduit atteint, conditions du barème à vérifier", () => {
      const a = evaluer(avecPreventes(200000, 50000), o("animation"));
      expect(de(a, "diffuseurs-fsa")).toEqual(["alerte"]);
      expect(messages(a)).toEqual([
        "Diffuseurs français : 200\u202f000,00\u00a0€ = 20,00\u00a0% du coût de l'œuvre (1\u202f000\u202f000,00\u00a0€), " +
          "en dessous des 25,00\u00a0% (chiffre à vérifier) exigés pour le soutien automatique FSA, mais au moins des " +
          "15,00\u00a0% du taux réduit en animation (RGA art. 311-10) : préventes internationales du plan (sources de " +
          "diffuseurs d'origine étrangère) 50\u202f000,00\u00a0€, au moins l'écart à 25,00\u00a0% : 50\u202f000,00\u00a0€ = " +
          "(250\u202f000,00\u00a0€ exigés − 200\u202f000,00\u00a0€) ; à vérifier, le plan ne le dit pas : contrats de " +
          "prévente conclus avec des éditeurs de services établis à l'étranger avant la fin de la fabrication de " +
          "l'animation, et au moins 30 points au groupe « Création » et 36 au groupe « Fabrication » du barème de " +
          "l'art. 311-44 (III, A ou B) ; sinon, passage en commission sélective.",
      ]);
    });
    test("animation à 20 % avec des préventes sous l'écart d'un centime : le taux réduit n'est pas atteint", () => {
      const a = evaluer(avecPreventes(200000, 49999.99), o("animation"));
      expect(messages(a)).toEqual([
        expect.stringContaining(
          "exigés pour le soutien automatique FSA ; les 15,00\u00a0% du taux réduit en animation (RGA art. 311-10) " +
            "demandent des préventes internationales d'au moins l'écart à 25,00\u00a0% : 50\u202f000,00\u00a0€ = " +
            "(250\u202f000,00\u00a0€ exigés − 200\u202f000,00\u00a0€), préventes internationales du plan (sources de " +
            "diffuseurs d'origine étrangère) 49\u202f999,99\u00a0€ ; sinon, passage en commission sélective.",
        ),
      ]);
    });
    test("animation sous 15 % : ni la part de droit commun ni le taux réduit", () => {
      const a = evaluer(avecPreventes(149999.99, 500000), o("animation"));
      expect(messages(a)).toEqual([
        expect.stringContaining(
          "= 14,99\u00a0% du coût de l'œuvre (1\u202f000\u202f000,00\u00a0€), en dessous des 25,00\u00a0% (chiffre à " +
            "vérifier) exigés pour le soutien automatique FSA, et des 15,00\u00a0% du taux réduit en animation (RGA " +
            "art. 311-10) ; sinon",
        ),
      ]);
    });
    test("documentaire à 22 % : préventes au double de l'écart, le minimum garanti du vendeur n'est pas compté", () => {
      const vendeur = src("vendeur-international", 100000, { etranger: true });
      const juste = evaluer(avecPreventes(220000, 60000, [vendeur]), o("documentaire"));
      expect(messages(juste)).toEqual([
        expect.stringContaining(
          "mais au moins des 20,00\u00a0% du taux réduit en documentaire de création (RGA art. 311-10) : préventes " +
            "internationales du plan (sources de diffuseurs d'origine étrangère) 60\u202f000,00\u00a0€, au moins le " +
            "double de l'écart à 25,00\u00a0% : 60\u202f000,00\u00a0€ = 2 × (250\u202f000,00\u00a0€ exigés − " +
            "220\u202f000,00\u00a0€) ; le vendeur international (100\u202f000,00\u00a0€) n'est pas compté : un minimum " +
            "garanti n'est pas un contrat de prévente ; à vérifier, le plan ne le dit pas : contrats de prévente conclus " +
            "avec des éditeurs de services établis à l'étranger avant la fin des prises de vues (avant le début du " +
            "montage pour une œuvre d'images préexistantes) ; sinon",
        ),
      ]);
      // Le minimum garanti du vendeur aurait couvert le double de l'écart : il ne compte pas.
      const court = evaluer(avecPreventes(220000, 59999.99, [vendeur]), o("documentaire"));
      expect(messages(court)).toEqual([expect.stringContaining("demandent des préventes internationales d'au moins")]);
    });
    test("la fiction n'a pas de taux réduit : les préventes ne changent rien au message", () => {
      const a = evaluer(avecPreventes(200000, 500000), o("fiction"));
      expect(messages(a)).toEqual([
        "Diffuseurs français : 200\u202f000,00\u00a0€ = 20,00\u00a0% du coût de l'œuvre (1\u202f000\u202f000,00\u00a0€), " +
          "en dessous des 25,00\u00a0% (chiffre à vérifier) exigés pour le soutien automatique FSA ; sinon, passage en " +
          "commission sélective.",
      ]);
    });
  });
});

describe("statut-envisage", () => {
  test("donne la part envisagée et la part en négociation", () => {
    const p = plan([
      src("sofica", 200000, { statut: "envisage", financeur: "Cofimage" }),
      src("region", 300000, { statut: "en-negociation" }),
      src("apport-numeraire", 500000),
    ]);
    const a = evaluer(p, { cout: cout(1000000) });
    const cs = a.constats.filter((c) => c.regle === "statut-envisage");
    expect(cs.map((c) => c.gravite)).toEqual(["alerte", "info"]);
    expect(cs[0].message).toMatch(/^200\u202f000,00\u00a0€ \(20,00\u00a0% du plan\) seulement envisagés : Cofimage\.$/);
  });
  test("rien quand tout est acquis", () => {
    expect(de(evaluer(plan([src("apport-numeraire", 10)]), { cout: cout(10) }), "statut-envisage")).toEqual([]);
  });
});

describe("crédit d'impôt calculé", () => {
  const base = [src("region", 300000), src("apport-numeraire", 500000)];
  test("ajouté comme aide publique quand le plan n'en a pas", () => {
    const a = evaluer(plan(base), {
      cout: cout(1000000),
      creditImpot: { montant: eurosToCents(200000), detail: "cinéma 30 %" },
    });
    expect(a.creditImpotAjoute).toBe(true);
    expect(a.synthese.aidesPubliques).toBe(eurosToCents(500000));
    expect(a.synthese.resteAFinancer).toBe(0 as Cents);
  });
  test("la ligne du plan prime sur le calcul", () => {
    const a = evaluer(plan([...base, src("credit-impot", 150000)]), {
      cout: cout(1000000),
      creditImpot: { montant: eurosToCents(200000), detail: "x" },
    });
    expect(a.creditImpotAjoute).toBe(false);
    expect(a.synthese.aidesPubliques).toBe(eurosToCents(450000));
  });
});

describe("total-plan et sources non classées", () => {
  test("un total du producteur faux est signalé sur sa cellule", () => {
    const p = plan([src("apport-numeraire", 100)], {
      totalProducteur: { montant: eurosToCents(110), cellule: "P!C9" },
    });
    const c = evaluer(p, { cout: cout(100) }).constats.find((x) => x.regle === "total-plan");
    expect(c).toMatchObject({ gravite: "alerte", cellule: "P!C9" });
  });
  test("une source non classée est une alerte qui nomme la cellule", () => {
    const p = plan([src("autre", 100)], {
      nonClasses: [{ cellule: "P!C4", texte: "Don", montant: eurosToCents(100) }],
    });
    expect(evaluer(p, { cout: cout(100) }).constats.find((x) => x.regle === "source-non-classee")).toMatchObject({
      gravite: "alerte",
      cellule: "P!C4",
    });
  });
});
