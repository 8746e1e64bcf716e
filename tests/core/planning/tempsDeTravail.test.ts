import { lirePlanDeTravail } from "../../../src/core/planning/planDeTravail";
import { analyserTempsDeTravail, TABLE_TEMPS_DE_TRAVAIL } from "../../../src/core/planning/tempsDeTravail";
import { PlanningError } from "../../../src/core/planning/modele";
import { feuille } from "./feuille";

const ENTETE = ["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)", "Lieu"];

function analyser(rows: (string | number | null)[][]) {
  const plan = lirePlanDeTravail(feuille("Plan", [ENTETE, ...rows]));
  return analyserTempsDeTravail(plan);
}

describe("durée quotidienne (IDCC 2642 : 12 h)", () => {
  // Alice: Mon 11 May 08:00–20:00 = exactly 12 h (allowed); Tue 12 08:00–20:01 = 12 h 01 (breach, row 3);
  // Wed 13 starts 07:01, i.e. exactly 11 h after 20:01 (allowed rest).
  const a = analyser([
    ["11/05/2026", "Alice Martin", "Cheffe opératrice", "IDCC 2642", "08:00", "20:00", 0, "Studio"],
    ["12/05/2026", "Alice Martin", "Cheffe opératrice", "IDCC 2642", "08:00", "20:01", 0, "Studio"],
    ["13/05/2026", "Alice Martin", "Cheffe opératrice", "IDCC 2642", "07:01", "15:00", 0, "Studio"],
  ]);
  test("12 h pile : pas de constat ; 12 h 01 : erreur sur la cellule de fin", () => {
    const q = a.constats.filter((c) => c.regle === "duree-quotidienne");
    expect(q).toEqual([
      {
        regle: "duree-quotidienne",
        gravite: "erreur",
        message:
          "Alice Martin (Cheffe opératrice) le 12\u00a0mai\u00a02026 : 12 h 01 de travail effectif (08:00–20:01), au-delà du maximum de 12 h par jour (IDCC 2642 — production audiovisuelle).",
        cellule: "Plan!F3",
      },
    ]);
  });
  test("11 h de repos pile : aucun constat de repos", () => {
    expect(a.constats.filter((c) => c.regle === "repos-quotidien")).toEqual([]);
  });
  test("la pause est déduite : 08:00–22:00 avec 120 min = 12 h effectives, permis", () => {
    const b = analyser([["11/05/2026", "Paul", "Machiniste", "2642", "08:00", "22:00", 120, ""]]);
    expect(b.constats.filter((c) => c.gravite !== "info")).toEqual([]);
  });
});

describe("repos quotidien, durée hebdomadaire, heures supplémentaires, travail de nuit", () => {
  // Bruno (2642), week 2026-W20:
  //  Mon 11 10:00–22:00 (12 h) · Tue 12 07:00–19:00 (12 h; rest 9 h → reduction 1, alerte)
  //  Wed 13 04:00–14:00 (10 h; rest 9 h → reduction 2, alerte) · Thu 14 23:00–Fri 09:00 (night, 10 h; rest 33 h)
  //  Fri 15 18:00–23:00 (5 h; rest 9 h → 3rd reduction in the week, erreur). Total 49 h > 48 h.
  //  Overtime (2642, Code du travail bands): 36th–43rd hour 8 h at 25 %, beyond 43 h: 6 h at 50 %.
  // Chloé (2642): Mon 08:00–22:00 with 2 h pause, Tue 06:00 → rest 8 h < 9 h, erreur.
  // Denis (3097 cinéma): 5 × 10 h = 50 h: no daily rule for cinema; > 48 h; 8 h at 25 %, 5 h at 50 %, 2 h at 75 %.
  const a = analyser([
    ["11/05/2026", "Bruno", "Électricien", "2642", "10:00", "22:00", 0, ""],
    ["12/05/2026", "Bruno", "Électricien", "2642", "07:00", "19:00", 0, ""],
    ["13/05/2026", "Bruno", "Électricien", "2642", "04:00", "14:00", 0, ""],
    ["14/05/2026", "Bruno", "Électricien", "2642", "23:00", "09:00", 0, ""],
    ["15/05/2026", "Bruno", "Électricien", "2642", "18:00", "23:00", 0, ""],
    ["11/05/2026", "Chloé", "Scripte", "2642", "08:00", "22:00", 120, ""],
    ["12/05/2026", "Chloé", "Scripte", "2642", "06:00", "12:00", 0, ""],
    ["11/05/2026", "Denis", "Chef machiniste", "IDCC 3097", "07:00", "17:00", 0, ""],
    ["12/05/2026", "Denis", "Chef machiniste", "cinéma", "07:00", "17:00", 0, ""],
    ["13/05/2026", "Denis", "Chef machiniste", "3097", "07:00", "17:00", 0, ""],
    ["14/05/2026", "Denis", "Chef machiniste", "3097", "07:00", "17:00", 0, ""],
    ["15/05/2026", "Denis", "Chef machiniste", "3097", "07:00", "17:00", 0, ""],
  ]);
  const de = (regle: string) => a.constats.filter((c) => c.regle === regle);

  test("repos : deux réductions à 9 h en alerte, la troisième en erreur, moins de 9 h en erreur", () => {
    expect(de("repos-quotidien").map((c) => [c.gravite, c.cellule])).toEqual([
      ["erreur", "Plan!E6"],
      ["erreur", "Plan!E8"],
      ["alerte", "Plan!E3"],
      ["alerte", "Plan!E4"],
    ]);
    expect(de("repos-quotidien")[0].message).toBe(
      "Bruno (Électricien) entre le 14\u00a0mai\u00a02026 (fin 09:00) et le 15\u00a0mai\u00a02026 (début 18:00) : repos réduit à 9 h 00, 3e réduction de la semaine 20 (du lundi 11\u00a0mai\u00a02026) alors que 2 au plus sont admises (IDCC 2642 — production audiovisuelle).",
    );
    expect(de("repos-quotidien")[1].message).toContain(
      "Chloé (Scripte) entre le 11\u00a0mai\u00a02026 (fin 22:00) et le 12\u00a0mai\u00a02026 (début 06:00) : 8 h 00 de repos seulement",
    );
  });

  test("durée hebdomadaire > 48 h pour Bruno (49 h) et Denis (50 h)", () => {
    expect(de("duree-hebdomadaire").map((c) => c.message)).toEqual([
      "Bruno : 49 h 00 de travail la semaine 20 (du lundi 11\u00a0mai\u00a02026), au-delà du maximum de 48 h (IDCC 2642 — production audiovisuelle).",
      "Denis : 50 h 00 de travail la semaine 20 (du lundi 11\u00a0mai\u00a02026), au-delà du maximum de 48 h (IDCC 3097 — production cinématographique).",
    ]);
    // No daily maximum is checked for cinema (10 h days anyway) nor for Bruno's 12 h days.
    expect(de("duree-quotidienne")).toEqual([]);
  });

  test("heures supplémentaires par tranche, par personne et par semaine ISO", () => {
    const t = (nom: string) => a.heures.find((h) => h.nom === nom)!;
    expect(t("Bruno")).toMatchObject({
      semaine: "2026-W20",
      minutes: 49 * 60,
      tranches: [
        { majoration: "0.25", minutes: 480 },
        { majoration: "0.50", minutes: 360 },
      ],
    });
    expect(t("Denis").tranches).toEqual([
      { majoration: "0.25", minutes: 480 },
      { majoration: "0.50", minutes: 300 },
      { majoration: "0.75", minutes: 120 },
    ]);
    expect(t("Chloé")).toMatchObject({ minutes: 18 * 60, tranches: [{ minutes: 0 }, { minutes: 0 }] });
    expect(de("heures-supplementaires").map((c) => c.message)).toEqual([
      "Bruno, semaine 20 (du lundi 11\u00a0mai\u00a02026) : 49 h 00 travaillées, dont 8 h 00 à 25 %, 6 h 00 à 50 %.",
      "Denis, semaine 20 (du lundi 11\u00a0mai\u00a02026) : 50 h 00 travaillées, dont 8 h 00 à 25 %, 5 h 00 à 50 %, 2 h 00 à 75 %.",
    ]);
    expect(de("heures-supplementaires").every((c) => c.gravite === "info")).toBe(true);
  });
});

describe("repos quotidien des techniciens cinéma (IDCC 3097, titre II art. 27 : 11 h, sans réduction)", () => {
  // Emma (3097): Mon 11 May 08:00–21:00, Tue 12 07:00 → 10 h rest; Tue 07:00–18:00, Wed 05:00 → 11 h (allowed).
  // Hugo (2642), same hours: 10 h rest is the first of the two 9 h reductions a week allowed by art. VI.3.
  const a = analyser([
    ["11/05/2026", "Emma", "Chef machiniste", "IDCC 3097", "08:00", "21:00", 60, ""],
    ["12/05/2026", "Emma", "Chef machiniste", "IDCC 3097", "07:00", "18:00", 60, ""],
    ["13/05/2026", "Emma", "Chef machiniste", "IDCC 3097", "05:00", "12:00", 0, ""],
    ["11/05/2026", "Hugo", "Chef machiniste", "IDCC 2642", "08:00", "21:00", 60, ""],
    ["12/05/2026", "Hugo", "Chef machiniste", "IDCC 2642", "07:00", "18:00", 60, ""],
  ]);
  test("10 h de repos : erreur sous le minimum de 11 h au cinéma, réduction admise en audiovisuel", () => {
    expect(a.constats.filter((c) => c.regle === "repos-quotidien")).toEqual([
      {
        regle: "repos-quotidien",
        gravite: "erreur",
        message:
          "Emma (Chef machiniste) entre le 11\u00a0mai\u00a02026 (fin 21:00) et le 12\u00a0mai\u00a02026 (début 07:00) : " +
          "10 h 00 de repos seulement, moins que le minimum absolu de 11 h (IDCC 3097 — production cinématographique).",
        cellule: "Plan!E3",
      },
      {
        regle: "repos-quotidien",
        gravite: "alerte",
        message:
          "Hugo (Chef machiniste) entre le 11\u00a0mai\u00a02026 (fin 21:00) et le 12\u00a0mai\u00a02026 (début 07:00) : " +
          "repos réduit à 10 h 00 (moins de 11 h ; réduction 1 sur 2 admises la semaine 20 (du lundi 11\u00a0mai\u00a02026)).",
        cellule: "Plan!E6",
      },
    ]);
  });
  test("la table le dit : 11 h, aucune réduction, confiance H", () => {
    const r = TABLE_TEMPS_DE_TRAVAIL.versions.at(-1)!.valeurs["3097"];
    expect([r.reposQuotidien, r.reposReduit, r.reposReduitsParSemaine, r.confiance]).toEqual([11, 11, 0, "H"]);
  });
});

describe("lecture du plan de travail", () => {
  test("heures en fractions de jour (cellules Excel) et date reprise de la ligne précédente", () => {
    const p = lirePlanDeTravail(
      feuille("PDT", [
        ["Plan de travail — Les Ponts de mai"],
        ["Date", "Nom", "Fonction", "Début", "Fin"],
        ["2026-05-11", "Alice", "Cheffe opératrice", 0.375, 0.8125],
        [null, "Bruno", "Électricien", "8h30", "19 h"],
      ]),
    );
    expect(p.vacations.map((v) => [v.date, v.nom, v.debut, v.fin, v.convention])).toEqual([
      ["2026-05-11", "Alice", 540, 1170, "2642"],
      ["2026-05-11", "Bruno", 510, 1140, "2642"],
    ]);
  });
  test("heure illisible : erreur nommant la ligne et la cellule", () => {
    expect(() =>
      lirePlanDeTravail(
        feuille("PDT", [
          ["Date", "Nom", "Début", "Fin"],
          ["11/05/2026", "Alice", "matin", "18:00"],
        ]),
      ),
    ).toThrow(new PlanningError("Ligne 2 : heure de début illisible « matin » pour Alice (PDT!C2) ; attendu HH:MM."));
  });
  test("date impossible (31 avril) : erreur nommant la ligne et la cellule", () => {
    expect(() =>
      lirePlanDeTravail(
        feuille("PDT", [
          ["Date", "Nom", "Début", "Fin"],
          ["31/04/2026", "Alice", "08:00", "18:00"],
        ]),
      ),
    ).toThrow(
      new PlanningError(
        "Ligne 2 : date illisible « 31/04/2026 » pour Alice (PDT!A2) ; attendu JJ/MM/AAAA ou la date en lettres avec l'année (15 avril 2026).",
      ),
    );
  });
  test("convention inconnue refusée", () => {
    expect(() =>
      lirePlanDeTravail(
        feuille("PDT", [
          ["Date", "Nom", "Convention", "Début", "Fin"],
          ["11/05/2026", "Alice", "Syntec", "08:00", "18:00"],
        ]),
      ),
    ).toThrow(/convention « Syntec » inconnue \(PDT!C2\)/);
  });
});

describe("surcharges de la feuille Paramètres", () => {
  test("temps-de-travail.2642.duree-quotidienne-max = 10 : 11 h devient une erreur ; clé inconnue signalée", async () => {
    const { MemoryWorkbook } = await import("../../helpers/memoryWorkbook");
    const { planifierClasseur } = await import("../../../src/core/planning/planningClasseur");
    const wb = new MemoryWorkbook({
      PDT: [ENTETE, ["11/05/2026", "Alice", "Scripte", "2642", "08:00", "19:00", 0, ""]],
      Paramètres: [
        ["Paramètre", "Valeur"],
        ["temps-de-travail.2642.duree-quotidienne-max", "10"],
        ["temps-de-travail.2642.pause-max", "1"],
      ],
    });
    const r = await planifierClasseur(wb);
    expect(r.controles.map((c) => [c.regle, c.gravite, c.cellule])).toEqual([
      ["duree-quotidienne", "erreur", "PDT!F2"],
      ["temps-de-travail-parametre-inconnu", "alerte", "'Paramètres'!B3"],
      ["temps-de-travail-parametre", "info", "'Paramètres'!B2"],
    ]);
    expect(r.controles[0].message).toContain("au-delà du maximum de 10 h par jour");
  });
});

describe("durée hebdomadaire : les règles en vigueur chaque semaine", () => {
  test("une nouvelle version des règles en cours de tournage s'applique aux semaines qui suivent son entrée en vigueur", () => {
    const v1 = TABLE_TEMPS_DE_TRAVAIL.versions[TABLE_TEMPS_DE_TRAVAIL.versions.length - 1];
    const v2 = {
      ...v1,
      effetDu: "2026-05-18",
      effetAu: undefined,
      valeurs: { ...v1.valeurs, "2642": { ...v1.valeurs["2642"], dureeHebdomadaireMax: 50 } },
    };
    const table = {
      ...TABLE_TEMPS_DE_TRAVAIL,
      versions: [...TABLE_TEMPS_DE_TRAVAIL.versions.slice(0, -1), { ...v1, effetAu: "2026-05-17" }, v2],
    };
    // Emma works 5 × 9 h 48 = 49 h in week 20 (old rules: 48 h max) and again in week 21 (new rules: 50 h max).
    const jours = ["11", "12", "13", "14", "15", "18", "19", "20", "21", "22"];
    const plan = lirePlanDeTravail(
      feuille("Plan", [
        ENTETE,
        ...jours.map((j) => [`${j}/05/2026`, "Emma", "Monteuse", "2642", "08:00", "17:48", 0, ""]),
      ]),
    );
    const semaines = analyserTempsDeTravail(plan, table)
      .constats.filter((c) => c.regle === "duree-hebdomadaire")
      .map((c) => c.message);
    expect(semaines).toHaveLength(1);
    expect(semaines[0]).toMatch(/semaine 20 \(du lundi 11\u00a0mai\u00a02026\), au-delà du maximum de 48 h/);
  });
});

describe("journées avant les règles connues", () => {
  test("l'information date le début de la table utilisée (celle des Paramètres), pas celle du dépôt", () => {
    const v1 = TABLE_TEMPS_DE_TRAVAIL.versions[TABLE_TEMPS_DE_TRAVAIL.versions.length - 1];
    const table = { ...TABLE_TEMPS_DE_TRAVAIL, versions: [{ ...v1, effetDu: "2026-05-18", effetAu: undefined }] };
    const plan = lirePlanDeTravail(
      feuille("Plan", [
        ENTETE,
        ["15/05/2026", "Emma", "Monteuse", "2642", "08:00", "17:00", 0, ""],
        ["18/05/2026", "Emma", "Monteuse", "2642", "08:00", "17:00", 0, ""],
      ]),
    );
    const info = analyserTempsDeTravail(plan, table).constats.filter(
      (c) => c.regle === "duree-quotidienne" && c.gravite === "info",
    );
    expect(info).toEqual([
      {
        regle: "duree-quotidienne",
        gravite: "info",
        message:
          "1 journée(s) avant l'entrée en vigueur des règles connues (18/05/2026) : temps de travail non contrôlé.",
        cellule: "Plan!A2",
      },
    ]);
  });
});
