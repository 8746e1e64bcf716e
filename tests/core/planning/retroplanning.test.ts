import { planifier, PlanningError, type Etape } from "../../../src/core/planning/retroplanning";

const e = (nom: string, d: number, preds: (string | [string, number])[] = [], extra: Partial<Etape> = {}): Etape => ({
  nom,
  dureeJoursOuvres: d,
  predecesseurs: preds.map((p) => (typeof p === "string" ? { nom: p } : { nom: p[0], decalage: p[1] })),
  ...extra,
});

describe("rétroplanning à rebours depuis la livraison (ponts de mai 2026)", () => {
  // Delivery (PAD) Friday 15 May 2026.
  //  PAD (milestone): 15 May.
  //  Mixage 3 d: ends on the last working day before 15 May = Wed 13 (Thu 14 is Ascension) → 11, 12, 13.
  //  Montage son 5 d: ends before Mon 11 → Fri 8 is a holiday → Thu 7; 7, 6, 5, 4, (Fri 1 May holiday) Thu 30 Apr.
  //  Musique 4 d (after Montage image, before Mixage): late 4..7 May; early start = day after Montage image
  //  (Thu 30 Apr) → slack = working days in [30 Apr, 4 May) = 1 (1 May holiday, 2–3 weekend).
  //  Montage image 10 d: ends before Thu 30 Apr → Wed 29; 29, 28, 27, 24, 23, 22, 21, 20, 17, 16 → Thu 16 Apr.
  const etapes = [
    e("Montage image", 10),
    e("Montage son", 5, ["Montage image"]),
    e("Musique", 4, ["Montage image"]),
    e("Mixage", 3, ["Montage son", "Musique"]),
    e("PAD", 0, ["Mixage"], { jalon: true }),
  ];
  const p = planifier(etapes, { livraison: "2026-05-15" });
  const par = (n: string) => p.etapes.find((x) => x.nom === n)!;

  test("dates calculées à la main", () => {
    expect([par("Mixage").debut, par("Mixage").fin]).toEqual(["2026-05-11", "2026-05-13"]);
    expect([par("Montage son").debut, par("Montage son").fin]).toEqual(["2026-04-30", "2026-05-07"]);
    expect([par("Musique").debut, par("Musique").fin]).toEqual(["2026-05-04", "2026-05-07"]);
    expect([par("Montage image").debut, par("Montage image").fin]).toEqual(["2026-04-16", "2026-04-29"]);
    expect([par("PAD").debut, par("PAD").fin]).toEqual(["2026-05-15", "2026-05-15"]);
    expect([p.debut, p.fin]).toEqual(["2026-04-16", "2026-05-15"]);
  });

  test("chemin critique et marges", () => {
    expect(p.cheminCritique).toEqual(["Montage image", "Montage son", "Mixage", "PAD"]);
    expect(par("Musique")).toMatchObject({
      marge: 1,
      critique: false,
      debutAuPlusTot: "2026-04-30",
      debutAuPlusTard: "2026-05-04",
    });
    expect(par("Mixage")).toMatchObject({ marge: 0, critique: true, joursOuvres: 3 });
    expect(p.jalons).toEqual([{ nom: "PAD", date: "2026-05-15" }]);
  });

  test("une livraison un dimanche recule au dernier jour ouvré (vendredi 15 mai)", () => {
    const q = planifier(etapes, { livraison: "2026-05-17" });
    expect(q.etapes.map((x) => x.fin)).toEqual(p.etapes.map((x) => x.fin));
  });

  test("le planning en avant depuis le début retrouve les mêmes dates (symétrie)", () => {
    const q = planifier(etapes, { debut: "2026-04-16" });
    for (const x of p.etapes) {
      const y = q.etapes.find((k) => k.nom === x.nom)!;
      if (x.critique) expect([y.debut, y.fin]).toEqual([x.debut, x.fin]);
    }
    // Forward, Musique starts as early as possible: Thu 30 Apr, 4, 5, 6 May.
    expect(q.etapes.find((k) => k.nom === "Musique")).toMatchObject({
      debut: "2026-04-30",
      fin: "2026-05-06",
      marge: 1,
    });
  });
});

describe("planning en avant (lundi de Pâques, décalage, 14 juillet, jours calendaires)", () => {
  test("étalonnage puis conformation avec 1 jour de décalage", () => {
    // From Wed 1 Apr 2026: Étalonnage 5 d = 1, 2, 3, (Mon 6 Easter Monday) 7, 8 → ends Wed 8.
    // Lag 1 working day: Thu 9 stays free; Conformation 2 d = Fri 10, Mon 13.
    const p = planifier([e("Étalonnage", 5), e("Conformation", 2, [["Étalonnage", 1]])], { debut: "2026-04-01" });
    expect(p.etapes.map((x) => [x.debut, x.fin])).toEqual([
      ["2026-04-01", "2026-04-08"],
      ["2026-04-10", "2026-04-13"],
    ]);
    // Backward from Mon 13 Apr gives the same plan.
    const r = planifier([e("Étalonnage", 5), e("Conformation", 2, [["Étalonnage", 1]])], { livraison: "2026-04-13" });
    expect(r.etapes.map((x) => [x.debut, x.fin])).toEqual(p.etapes.map((x) => [x.debut, x.fin]));
  });

  test("un tournage en jours calendaires traverse le week-end et le 14 juillet ; la suite reprend en jours ouvrés", () => {
    // Tournage 6 calendar days from Thu 9 Jul: 9, 10, 11, 12, 13, 14 → ends Tue 14 (holiday but calendar step).
    // Dérushage 2 working days: Wed 15, Thu 16. Préparation décors 3 working days from Mon 13: 13, (14 off) 15, 16.
    const p = planifier(
      [e("Tournage", 6, [], { calendaire: true }), e("Dérushage", 2, ["Tournage"]), e("Préparation décors", 3)],
      { debut: "2026-07-13" },
    );
    const q = planifier([e("Tournage", 6, [], { calendaire: true }), e("Dérushage", 2, ["Tournage"])], {
      debut: "2026-07-09",
    });
    expect(q.etapes.map((x) => [x.debut, x.fin])).toEqual([
      ["2026-07-09", "2026-07-14"],
      ["2026-07-15", "2026-07-16"],
    ]);
    expect(p.etapes.find((x) => x.nom === "Préparation décors")).toMatchObject({
      debut: "2026-07-13",
      fin: "2026-07-16",
    });
  });

  test("jalon d'agrément provisoire avant le premier jour de tournage", () => {
    // Backward from the shoot's last day Fri 29 May, Tournage 4 d: 29, 28, 27, 26 → Tue 26 (Mon 25 is Whit
    // Monday); the agrément request milestone is the last working day before Tue 26, skipping Mon 25: Fri 22.
    const p = planifier(
      [e("Demande d'agrément provisoire", 0, [], { jalon: true }), e("Tournage", 4, ["Demande d'agrément provisoire"])],
      {
        livraison: "2026-05-29",
      },
    );
    expect(p.etapes.map((x) => [x.nom, x.debut, x.fin])).toEqual([
      ["Demande d'agrément provisoire", "2026-05-22", "2026-05-22"],
      ["Tournage", "2026-05-26", "2026-05-29"],
    ]);
  });
});

describe("erreurs nommant la ligne", () => {
  const err = (f: () => unknown): PlanningError => {
    try {
      f();
    } catch (x) {
      expect(x).toBeInstanceOf(PlanningError);
      return x as PlanningError;
    }
    throw new Error("aucune erreur levée");
  };
  test("cycle : les étapes et leurs lignes", () => {
    const x = err(() =>
      planifier([e("A", 1, ["C"], { ligne: 3 }), e("B", 1, ["A"], { ligne: 4 }), e("C", 1, ["B"], { ligne: 5 })], {
        livraison: "2026-06-01",
      }),
    );
    expect(x.message).toMatch(/^Cycle de dépendances/);
    expect(x.message).toContain("« A » (ligne 3) → « C » (ligne 5) → « B » (ligne 4) → « A » (ligne 3)");
  });
  test("durée négative", () => {
    expect(err(() => planifier([e("Montage", -2, [], { ligne: 7 })], { livraison: "2026-06-01" })).message).toBe(
      "Durée négative ou invalide (-2) pour l'étape « Montage » (ligne 7) : un nombre de jours ≥ 0 est attendu.",
    );
  });
  test("prédécesseur inconnu, avec suggestion", () => {
    const x = err(() =>
      planifier([e("Montage", 2, [], { ligne: 2 }), e("Mixage", 2, ["montage"], { ligne: 3 })], {
        livraison: "2026-06-01",
      }),
    );
    expect(x.message).toContain("« Mixage » (ligne 3) dépend de « montage »");
    expect(x.message).toContain("Vouliez-vous dire « Montage »");
    expect(x.ligne).toBe(3);
  });
  test("date de livraison impossible", () => {
    expect(() => planifier([e("Montage", 2)], { livraison: "2026-02-30" })).toThrow(/Date invalide « 2026-02-30 »/);
  });
  test("doublon", () => {
    expect(
      err(() =>
        planifier([e("Montage", 2, [], { ligne: 2 }), e("Montage", 1, [], { ligne: 9 })], { livraison: "2026-06-01" }),
      ).message,
    ).toContain("(ligne 2) et « Montage » (ligne 9)");
  });
});
