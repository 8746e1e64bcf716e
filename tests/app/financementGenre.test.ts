import { creerEnvoyeur } from "../../src/app/catalogue";
import { optionsFinancementDe } from "../../src/app/contexte";
import type { ContexteProduction } from "../../src/core/production/contexte";
import { ClasseurLu } from "../helpers/classeurLu";

/**
 * The genre of the production context, entered once (production line of the pane), is the one the Financement page
 * checks an audiovisual plan with: the FSA's broadcasters' cash floor per hour is the genre's. Before, the page passed
 * the genre only with the crédit d'impôt added to the plan, and said « genre de l'œuvre non précisé » under a
 * production line reading « Documentaire ».
 */
const contexte: ContexteProduction = {
  oeuvre: "audiovisuel",
  genre: "documentaire",
  duree: "52",
  feuilleFinancement: "Plan fin.",
  coutProduction: "182 869,16",
};

const messages = (r: { controles: { message: string }[] }) => r.controles.map((c) => c.message);

it("financement du volet, œuvre audiovisuelle : le genre du contexte de production sert aux contrôles FSA", async () => {
  const envoyer = creerEnvoyeur(await ClasseurLu.depuis("tests/fixtures/financement/documentaire.xlsx"));
  expect(optionsFinancementDe(contexte).genre).toBe("documentaire");
  const avec = messages(await envoyer("analyserFinancement", optionsFinancementDe(contexte)));
  expect(avec.filter((m) => m.includes("genre de l'œuvre non précisé"))).toEqual([]);
  // The broadcasters' share below 25 %: the documentary's reduced share (20 % with international presales) is said.
  expect(avec).toContainEqual(expect.stringMatching(/20,00\s%\sdu taux réduit en documentaire de création/));
  // Without a genre in the context, the floor is said unchecked, the genres' floors listed: nothing assumed.
  const sans = messages(await envoyer("analyserFinancement", optionsFinancementDe({ ...contexte, genre: undefined })));
  expect(sans).toContainEqual(expect.stringContaining("genre de l'œuvre non précisé"));
  expect(sans.filter((m) => m.includes("taux réduit"))).toEqual([]);
  // A cinema work without the crédit d'impôt: the genre has no effect there, so it is not passed.
  expect(optionsFinancementDe({ ...contexte, oeuvre: "cinema" }).genre).toBeUndefined();
});
