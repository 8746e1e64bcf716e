import {
  AGREMENT_PROVISOIRE,
  etapesPostProduction,
  TABLE_POSTPRODUCTION,
} from "../../../src/core/planning/postproduction";
import { planifier } from "../../../src/core/planning/retroplanning";

describe("étapes de post-production par défaut", () => {
  test("données datées, confiance L, source citée (RNCP)", () => {
    const v = TABLE_POSTPRODUCTION.versions[0];
    expect(v.confiance).toBe("L");
    expect(v.sources[0].url).toContain("rncp38766");
    expect(v.valeurs.etapes.map((e) => e.nom)).toEqual([
      "Réception et vérification des rushes",
      "Montage image",
      "VFX",
      "Conformation",
      "Étalonnage",
      "Montage son",
      "Bruitages",
      "Musique",
      "Mixage",
      "Génériques",
      "Sous-titrage",
      "PAD",
    ]);
  });

  test("mise à l'échelle de la durée : documentaire 52 min = valeurs de référence ; 90 min ≈ × 1,73 arrondi au jour supérieur", () => {
    const d52 = etapesPostProduction({ genre: "documentaire", dureeMinutes: 52 });
    const d90 = etapesPostProduction({ genre: "documentaire", dureeMinutes: 90 });
    const duree = (es: typeof d52, nom: string) => es.find((e) => e.nom === nom)!.dureeJoursOuvres;
    expect(duree(d52, "Montage image")).toBe(30);
    expect(duree(d90, "Montage image")).toBe(52); // 30 × 90/52 = 51.9 → 52
    expect(duree(d90, "Conformation")).toBe(2); // fixed
    expect(duree(d90, "PAD")).toBe(0);
  });

  test("avec tournage : jalon d'agrément provisoire avant le premier jour, et le tout se planifie à rebours", () => {
    const es = etapesPostProduction({ genre: "fiction", dureeMinutes: 52, joursTournage: 20 });
    expect(es.slice(0, 3).map((e) => [e.nom, e.predecesseurs.map((p) => p.nom)])).toEqual([
      [AGREMENT_PROVISOIRE, []],
      ["Tournage", [AGREMENT_PROVISOIRE]],
      ["Réception et vérification des rushes", ["Tournage"]],
    ]);
    const p = planifier(es, { livraison: "2026-12-18" });
    const a = p.etapes.find((e) => e.nom === AGREMENT_PROVISOIRE)!;
    const t = p.etapes.find((e) => e.nom === "Tournage")!;
    expect(a.jalon).toBe(true);
    expect(a.debut < t.debut).toBe(true);
    expect(p.jalons.map((j) => j.nom)).toEqual([AGREMENT_PROVISOIRE, "PAD"]);
    expect(p.etapes.find((e) => e.nom === "PAD")!.fin).toBe("2026-12-18");
    expect(p.cheminCritique[0]).toBe(AGREMENT_PROVISOIRE);
  });
});
