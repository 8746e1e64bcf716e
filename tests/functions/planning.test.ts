import { erreurDe } from "./customFunctionsStub";
import { dateRetroPlanning, joursOuvres } from "../../src/functions/functions";
import { serieDepuisIso } from "../../src/core/util/serieExcel";

// Serials (1900 system): 45658 = 2025-01-01, so 2026-05-01 = 45658 + 365 + 120 = 46143.
const S = serieDepuisIso;

describe("PROD.JOURS.OUVRES", () => {
  it("mai 2026 en numéros de série : 17 jours ouvrés (1er, 8, 14 et 25 mai fériés)", () => {
    expect(S("2026-05-01")).toBe(46143);
    expect(joursOuvres(46143, S("2026-05-31"))).toBe(17);
  });
  it("avril 2026 : 21, et 20 en Alsace-Moselle (Vendredi saint 3 avril) ; dates en texte acceptées", () => {
    expect(joursOuvres("2026-04-01", "30/04/2026")).toBe(21);
    expect(joursOuvres(S("2026-04-01"), S("2026-04-30"), "alsace-moselle")).toBe(20);
    expect(joursOuvres(S("2026-04-01"), S("2026-04-30"), "Alsace-Moselle")).toBe(20);
  });
  it("erreurs #VALUE! en français", () => {
    const z = erreurDe(() => joursOuvres(46143, 46150, "corse"));
    expect(z.code).toBe("#VALUE!");
    expect(z.message).toBe("Zone inconnue « corse » : metropole ou alsace-moselle.");
    expect(erreurDe(() => joursOuvres("demain", 46150)).message).toMatch(
      /^L'argument « debut » \(« demain »\) n'est pas une date/,
    );
    expect(erreurDe(() => joursOuvres(60, 46150)).message).toMatch(/« debut » \(60\) n'est pas une date Excel valide/);
  });
});

describe("PROD.DATE.RETRO", () => {
  it("3 jours ouvrés finissant le mercredi 13 mai 2026 → lundi 11 mai (numéro de série)", () => {
    expect(dateRetroPlanning(S("2026-05-13"), 3)).toBe(S("2026-05-11"));
  });
  it("5 jours finissant le jeudi 7 mai → jeudi 30 avril (le 1er mai est férié) ; 14 juillet sauté", () => {
    expect(dateRetroPlanning(S("2026-05-07"), 5)).toBe(S("2026-04-30"));
    // 2 working days ending Wed 15 July 2026: 15, (Tue 14 holiday) Mon 13.
    expect(dateRetroPlanning("2026-07-15", 2)).toBe(S("2026-07-13"));
  });
  it("jours_ouvres négatif ou décimal refusé", () => {
    expect(erreurDe(() => dateRetroPlanning(46143, -1)).message).toMatch(
      /« jours_ouvres » doit être un entier entre 0 et/,
    );
    expect(erreurDe(() => dateRetroPlanning(46143, 1.5)).code).toBe("#VALUE!");
  });
});
