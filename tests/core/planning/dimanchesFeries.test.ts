import { feriesAnnee } from "../../../src/core/planning/calendrier";
import { CLES_FERIES, ferieConnu } from "../../../src/core/planning/feries";
import { TABLE_DIMANCHES_FERIES } from "../../../src/core/planning/dimanchesFeries";
import { versionEnVigueur } from "../../../src/core/regles/table";

describe("jours fériés : les noms de @socialgouv/jours-feries et les clés de la table", () => {
  test("chaque jour férié de la bibliothèque (Alsace-Moselle comprise) a sa clé, et chaque clé un jour", () => {
    const noms = new Set([
      ...feriesAnnee(2026, "alsace-moselle").values(),
      ...feriesAnnee(2027, "alsace-moselle").values(),
    ]);
    expect(noms.size).toBe(13);
    const cles = [...noms].map((n) => ferieConnu(n)?.cle);
    expect(cles).not.toContain(undefined);
    expect(new Set(cles)).toEqual(new Set(CLES_FERIES));
  });

  test("les chiffres lus : IDCC 2642 1er mai payé 300 % (+200 %), Pentecôte sans majoration ; IDCC 3097 +100 % le dimanche", () => {
    const v = versionEnVigueur(TABLE_DIMANCHES_FERIES, "2026-05-01")!.valeurs;
    expect(v.conventions["2642"].feries["1er-mai"]?.majoration).toBe("2");
    expect(v.conventions["2642"].feries["lundi-de-pentecote"]?.majoration).toBe("0");
    expect(v.conventions["2642"].feries["vendredi-saint"]).toBeUndefined();
    expect(v.conventions["2642"].dimanche?.majoration).toBe("0.5");
    expect(v.conventions["3097"].dimanche?.majoration).toBe("1");
    expect(v.premierMai.indemnite).toBe("1");
    // Before the 2642 holidays' 2018 wording: no figure rather than a guessed one.
    expect(versionEnVigueur(TABLE_DIMANCHES_FERIES, "2017-05-01")!.valeurs.conventions["2642"].feries).toEqual({});
  });
});
