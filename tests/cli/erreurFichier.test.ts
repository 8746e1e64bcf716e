import * as path from "path";
import { ErreurDonnees } from "../../src/core/erreurs";
import { DevisIntrouvableError } from "../../src/core/devis/import";
import { PlanningError } from "../../src/core/planning/modele";
import { FichierIllisibleError } from "../../src/xlsx/read";
import { CliError, erreurFichier } from "../../src/cli/io";

describe("erreurFichier", () => {
  it("fait de toute erreur de données une erreur CLI (code 2) qui nomme le fichier", () => {
    const e = erreurFichier(new PlanningError("ligne 4 : durée négative (-3)"), path.join("dossier", "planning.xlsx"));
    expect(e).toBeInstanceOf(CliError);
    expect((e as CliError).code).toBe(2);
    expect((e as CliError).message).toBe("planning.xlsx : ligne 4 : durée négative (-3)");
  });

  it("ne répète pas le nom du fichier quand le message le donne déjà", () => {
    const e = erreurFichier(new FichierIllisibleError("budget.xls", "ancien format"), "dossier/budget.xls") as CliError;
    expect(e.message.match(/budget\.xls/g)).toHaveLength(1);
  });

  it("laisse passer un bug tel quel", () => {
    const bug = new TypeError("x is undefined");
    expect(erreurFichier(bug, "a.xlsx")).toBe(bug);
  });

  it("les erreurs de données de chaque domaine deviennent une erreur CLI de code 2, pas un bug", () => {
    for (const err of [
      new DevisIntrouvableError("Feuil1", ["Feuil1"]),
      new PlanningError("x"),
      new ErreurDonnees("y"),
    ]) {
      const e = erreurFichier(err, "classeur.xlsx");
      expect(e).not.toBe(err);
      expect((e as CliError).code).toBe(2);
      expect((e as CliError).message).toMatch(/^classeur\.xlsx : /);
    }
  });
});
