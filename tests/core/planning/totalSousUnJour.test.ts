import type { CellData, SheetData } from "../../../src/core/port/workbook";
import { lirePlanDeTravail } from "../../../src/core/planning/planDeTravail";
import { PlanningError } from "../../../src/core/planning/modele";

/**
 * A « TOTAL » row whose Début / Fin hold a duration under 24 h (« 10:30 », a fraction of a day): read as a total's
 * duration when proven, named with both readings when not, never read as a time of day.
 */
type Valeur = string | number | null | CellData;
const h = (heures: number, mn: number, fmt: string): CellData => ({ v: (heures * 60 + mn) / 1440, fmt });

function plan(total: Valeur[]): SheetData {
  const rows: Valeur[][] = [
    ["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)"],
    ["15/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60],
    ["16/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "11:30", 0],
    total,
  ];
  return {
    name: "PDT",
    merges: [],
    rows: rows.map((r) => r.map((v): CellData => (v !== null && typeof v === "object" ? v : { v }))),
  };
}

describe("ligne « TOTAL » aux durées de moins de 24 h", () => {
  it.each(["[h]:mm", "hh:mm"])("prouvée (amplitudes, durées) au format %s : un total, deux journées", (fmt) => {
    const p = lirePlanDeTravail(plan([null, "TOTAL", null, h(11, 30, fmt), h(10, 30, fmt), 60]));
    expect(p.vacations.map((v) => v.nom)).toEqual(["Alice Martin", "Alice Martin"]);
    expect(p.totaux?.map((t) => t.montants.map((m) => `${m.cellule} ${m.preuve} ${m.minutes ?? m.valeur}`))).toEqual([
      ["PDT!D4 amplitudes 690", "PDT!E4 durees 630", "PDT!F4 somme 60"],
    ]);
  });

  it("prouvée par une formule sur sa colonne au format heure", () => {
    const p = lirePlanDeTravail(
      plan([null, "TOTAL", null, null, { v: 630 / 1440, fmt: "hh:mm", f: "SUM(E2:E3)" }, null]),
    );
    expect(p.totaux?.[0].montants.map((m) => `${m.preuve} ${m.minutes}`)).toEqual(["formule 630"]);
  });

  it.each([
    ["hh:mm", "TOTAL"],
    ["[h]:mm", "Sous-total"],
    ["[h]:mm", null],
  ])("non prouvée (%s, nom « %s ») : refusée avec ses deux lectures, jamais une journée", (fmt, nom) => {
    const lire = () => lirePlanDeTravail(plan([null, nom, null, h(11, 30, fmt), h(10, 0, fmt), 60]));
    expect(lire).toThrow(PlanningError);
    expect(lire).toThrow(
      /^Ligne 4 : « 11:30 » \(PDT!D4\) peut être une durée \(11\sh\s30\) ou une heure de début \(11:30\) ; « 10:00 » \(PDT!E4\) peut être une durée \(10\sh\s00\) ou une heure de fin \(10:00\)/,
    );
  });

  // No words of a total and a person's name: a person's day under the date above, its times as before, whatever the
  // format (templates format their time columns « [h]:mm » too).
  it.each(["hh:mm", "[h]:mm"])(
    "une personne sous une date, heures au format %s (18:00 → 05:30) : une journée, pas une question",
    (fmt) => {
      const p = lirePlanDeTravail(plan([null, "Bob Leroy", null, { v: 18 / 24, fmt }, { v: 29.5 / 24 - 1, fmt }, 60]));
      expect(p.totaux).toBeUndefined();
      expect(p.vacations.map((v) => v.nom)).toEqual(["Alice Martin", "Alice Martin", "Bob Leroy"]);
      expect(p.vacations[2].debut).toBe(18 * 60);
    },
  );

  // A second person repeating the first's hours by formula (« =D2 », « =E2 ») and the same pause: the formulas cover the
  // day above, yet a named person's row is a day, never a total (before this rule: Bob's day dropped as a « TOTAL »).
  it.each(["hh:mm", "[h]:mm"])("une personne aux heures recopiées par formule (%s) reste une journée", (fmt) => {
    const rows: Valeur[][] = [
      ["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)"],
      ["15/04/2026", "Alice Martin", "Électro", { v: 9 / 24, fmt }, { v: 18 / 24, fmt }, 60],
      [null, "Bob Leroy", "Électro", { v: 9 / 24, fmt, f: "D2" }, { v: 18 / 24, fmt, f: "E2" }, 60],
    ];
    const p = lirePlanDeTravail({
      name: "PDT",
      merges: [],
      rows: rows.map((r) => r.map((v): CellData => (v !== null && typeof v === "object" ? v : { v }))),
    });
    expect(p.totaux).toBeUndefined();
    expect(p.vacations.map((v) => `${v.nom} ${v.debut}-${v.fin}`)).toEqual([
      "Alice Martin 540-1080",
      "Bob Leroy 540-1080",
    ]);
  });
});
