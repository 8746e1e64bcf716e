import { Calendrier, dateRetro, feriesAnnee, joursOuvres } from "../../../src/core/planning/calendrier";
import { isoDepuisJour, jourDepuisIso, libelleSemaine, semaineIso } from "../../../src/core/planning/dates";

describe("jours fériés", () => {
  test("2026, métropole : les 11 jours fériés aux bonnes dates", () => {
    const f = [...feriesAnnee(2026).entries()].map(([j, n]) => `${isoDepuisJour(j)} ${n}`).sort();
    expect(f).toEqual([
      "2026-01-01 Jour de l'an",
      "2026-04-06 Lundi de Pâques",
      "2026-05-01 Fête du travail",
      "2026-05-08 Victoire des alliés",
      "2026-05-14 Ascension",
      "2026-05-25 Lundi de Pentecôte",
      "2026-07-14 Fête Nationale",
      "2026-08-15 Assomption",
      "2026-11-01 Toussaint",
      "2026-11-11 Armistice",
      "2026-12-25 Noël",
    ]);
  });

  test("Alsace-Moselle ajoute le Vendredi saint et la Saint-Étienne", () => {
    const cal = new Calendrier("alsace-moselle");
    expect(cal.ferie(jourDepuisIso("2026-04-03"))).toBe("Vendredi Saint");
    expect(cal.ferie(jourDepuisIso("2025-12-26"))).toBe("Saint Étienne");
    expect(new Calendrier().ferie(jourDepuisIso("2026-04-03"))).toBeUndefined();
  });

  test("indépendant du fuseau horaire du processus (la bibliothèque construit des dates locales)", () => {
    const tz = process.env.TZ;
    const lundiPaques = (a: number) =>
      isoDepuisJour([...feriesAnnee(a).entries()].find(([, n]) => n === "Lundi de Pâques")![0]);
    const noel = (a: number) => isoDepuisJour([...feriesAnnee(a).entries()].find(([, n]) => n === "Noël")![0]);
    try {
      process.env.TZ = "Pacific/Kiritimati"; // UTC+14
      expect(lundiPaques(2031)).toBe("2031-04-14");
      expect(noel(2031)).toBe("2031-12-25");
      process.env.TZ = "America/Los_Angeles"; // UTC-8, DST from 14 March 2032
      expect(lundiPaques(2032)).toBe("2032-03-29");
      expect(noel(2032)).toBe("2032-12-25");
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe("jours ouvrés", () => {
  test("mai 2026 : 21 jours de semaine moins 1er, 8, 14 (Ascension) et 25 (Pentecôte) = 17", () => {
    expect(joursOuvres("2026-05-01", "2026-05-31")).toBe(17);
  });
  test("juillet 2026 : 23 jours de semaine moins le 14 juillet (mardi) = 22", () => {
    expect(joursOuvres("2026-07-01", "2026-07-31")).toBe(22);
  });
  test("avril 2026 : 22 jours de semaine moins le lundi de Pâques = 21 ; Alsace-Moselle moins le Vendredi saint = 20", () => {
    expect(joursOuvres("2026-04-01", "2026-04-30")).toBe(21);
    expect(joursOuvres("2026-04-01", "2026-04-30", "alsace-moselle")).toBe(20);
  });
  test("bornes incluses, ordre inversé négatif comme NETWORKDAYS", () => {
    expect(joursOuvres("2026-05-13", "2026-05-13")).toBe(1);
    expect(joursOuvres("2026-05-14", "2026-05-14")).toBe(0);
    expect(joursOuvres("2026-05-31", "2026-05-01")).toBe(-17);
  });
  test("dateRetro : 3 jours ouvrés finissant le mercredi 13 mai 2026 commencent le lundi 11", () => {
    expect(dateRetro("2026-05-13", 3)).toBe("2026-05-11");
    // 5 days ending Thursday 7 May: 7, 6, 5, 4 then Friday 1 May is a holiday → Thursday 30 April.
    expect(dateRetro("2026-05-07", 5)).toBe("2026-04-30");
    // A Sunday end moves back to Friday 15 May first.
    expect(dateRetro("2026-05-17", 1)).toBe("2026-05-15");
    expect(dateRetro("2026-05-15", 0)).toBe("2026-05-13");
    expect(() => dateRetro("2026-05-15", -1)).toThrow(/jours ouvrés invalide/);
  });
  test("dates invalides refusées", () => {
    expect(() => joursOuvres("2026-02-30", "2026-03-01")).toThrow(/Date invalide « 2026-02-30 »/);
    expect(() => joursOuvres("15/05/2026", "2026-06-01")).toThrow(/Date invalide/);
  });
});

describe("semaines", () => {
  test("semaines ISO", () => {
    expect(semaineIso(jourDepuisIso("2026-05-11"))).toBe("2026-W20");
    expect(semaineIso(jourDepuisIso("2027-01-01"))).toBe("2026-W53");
    expect(semaineIso(jourDepuisIso("2024-12-30"))).toBe("2025-W01");
  });
  test("libellé de la colonne « Semaine » : numéro sur deux chiffres et lundi en lettres, y compris à cheval sur deux ans", () => {
    const libelle = (iso: string) => libelleSemaine(semaineIso(jourDepuisIso(iso)));
    // Every day of a week gives its Monday's label: Thursday 14 and Sunday 17 May 2026 are in S20 (Monday 11).
    expect(libelle("2026-05-14")).toBe("S20 – 11\u00a0mai\u00a02026");
    expect(libelle("2026-05-17")).toBe("S20 – 11\u00a0mai\u00a02026");
    expect(libelle("2026-05-18")).toBe("S21 – 18\u00a0mai\u00a02026");
    // Week 1 of 2025 starts on Monday 30 December 2024; 1 January 2027 is in week 53 of 2026 (Monday 28 December).
    expect(libelle("2025-01-01")).toBe("S01 – 30\u00a0décembre\u00a02024");
    expect(libelle("2027-01-01")).toBe("S53 – 28\u00a0décembre\u00a02026");
    expect(libelle("2026-06-01")).toBe("S23 – 1er\u00a0juin\u00a02026");
    // Not a week key: left as it is, never guessed.
    expect(libelleSemaine("2026-05-11")).toBe("2026-05-11");
  });
});
