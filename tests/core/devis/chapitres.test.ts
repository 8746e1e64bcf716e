import { libelleChapitre, ORDRE_CHAPITRES } from "../../../src/core/devis/chapitres";
import { CHAPITRES_AUDIOVISUEL, TABLE_NOMENCLATURE } from "../../../src/core/devis/nomenclature";

/** chapitres.ts reads the nomenclature table without validating it: it must give what the validated table gives. */
it("les chapitres lus sans valider la table sont ceux de la nomenclature validée", () => {
  expect(TABLE_NOMENCLATURE.id).toBe("nomenclature-cnc");
  expect(ORDRE_CHAPITRES).toEqual(CHAPITRES_AUDIOVISUEL.map((c) => c.code));
  expect(ORDRE_CHAPITRES.slice(-4)).toEqual(["FG", "IMP", "FF", "PROD"]);
  for (const c of CHAPITRES_AUDIOVISUEL) expect(libelleChapitre(c.code)).toBe(c.libelle);
  expect(libelleChapitre("4")).toBe("Charges sociales");
});
