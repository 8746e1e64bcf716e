import fc from "fast-check";
import { Calendrier, dateRetro, joursOuvres } from "../../../src/core/planning/calendrier";
import { ajouterJours, jourDepuisIso } from "../../../src/core/planning/dates";
import { planifier, type Etape } from "../../../src/core/planning/retroplanning";

const cal = new Calendrier();
const J = jourDepuisIso;

/** Random DAGs: step i may depend on any earlier step, with a lag of 0–2 working days. */
const dag = fc
  .array(
    fc.record({
      d: fc.integer({ min: 0, max: 12 }),
      calendaire: fc.boolean(),
      preds: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }),
    }),
    {
      minLength: 1,
      maxLength: 12,
    },
  )
  .map((xs) =>
    xs.map((x, i): Etape => ({
      nom: `E${i}`,
      dureeJoursOuvres: x.d,
      calendaire: x.calendaire && x.d > 0,
      predecesseurs:
        i === 0
          ? []
          : [...new Map(x.preds.map(([p, lag]) => [`E${p % i}`, lag])).entries()].map(([nom, decalage]) => ({
              nom,
              decalage,
            })),
    })),
  );
const jour = fc.integer({ min: 0, max: 3 * 365 }).map((n) => ajouterJours("2025-01-01", n));

describe("propriétés du rétroplanning (fast-check)", () => {
  test("durées respectées, prédécesseurs finis avant leurs successeurs (décalage compris), marges ≥ 0, chemin critique non vide", () => {
    fc.assert(
      fc.property(dag, jour, fc.boolean(), (etapes, date, retro) => {
        const p = planifier(etapes, retro ? { livraison: date } : { debut: date });
        const par = new Map(p.etapes.map((e) => [e.nom, e]));
        for (const e of etapes) {
          const x = par.get(e.nom)!;
          if (e.dureeJoursOuvres > 0)
            expect(cal.compter(J(x.debut), J(x.fin), !!e.calendaire)).toBe(e.dureeJoursOuvres);
          if (e.dureeJoursOuvres > 0)
            expect(cal.utilisable(J(x.debut), !!e.calendaire) && cal.utilisable(J(x.fin), !!e.calendaire)).toBe(true);
          expect(x.marge).toBeGreaterThanOrEqual(0);
          for (const q of e.predecesseurs) {
            const y = par.get(q.nom)!;
            expect(y.fin < x.debut).toBe(true);
            // At least `decalage` working days strictly between the predecessor's end and this start.
            expect(cal.compter(J(y.fin) + 1, J(x.debut) - 1)).toBeGreaterThanOrEqual(q.decalage ?? 0);
          }
        }
        if (retro) expect(p.fin <= date).toBe(true);
        else expect(p.debut >= date).toBe(true);
        expect(p.cheminCritique.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  test("DATE.RETRO et JOURS.OUVRES sont cohérents : n jours finissant un jour ouvré en comptent n", () => {
    fc.assert(
      fc.property(jour, fc.integer({ min: 1, max: 60 }), (fin, n) => {
        const debut = dateRetro(fin, n);
        const finOuvree = dateRetro(fin, 1);
        expect(joursOuvres(debut, finOuvree)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
