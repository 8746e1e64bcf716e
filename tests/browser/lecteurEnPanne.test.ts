import * as path from "path";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { fautesDeLecture } from "./francaisVolet";
import { debordements, sansEspacesInsecables, voletDuBloc } from "./volet";

/**
 * The ledger's reader (the Web Worker) stops with an error of its own (a script error, in the browser's English):
 * the pane says so in French under the file picker, naming the file, and never shows the browser's message.
 */
const LECTEUR_EN_PANNE = `(() => {
  const W = window.Worker;
  window.Worker = class extends W {
    constructor() {
      super(URL.createObjectURL(new Blob(["throw new Error('Worker script crashed')"], { type: "text/javascript" })));
    }
  };
})();`;

const FEC = path.join(__dirname, "../fixtures/fec-reel/111111111FEC20221231.TXT");

describe("Écarts : le lecteur du grand livre s'arrête sur une erreur", () => {
  const v = voletDuBloc({ largeur: 350, initScripts: [LECTEUR_EN_PANNE] });
  const { page } = v;

  it("message en français sous le bouton, nommant le fichier, sans le message anglais du navigateur", async () => {
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    const erreur = page.getByTestId(TEST_IDS.retour("ecarts-lire")).getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    const texte = sansEspacesInsecables(await erreur.textContent());
    expect(texte).toContain(
      "111111111FEC20221231.TXT : Lecture du fichier impossible : le lecteur du grand livre s'est arrêté sur une " +
        "erreur. Choisissez de nouveau le fichier ; si l'erreur revient, rechargez le volet.",
    );
    expect(texte).not.toMatch(/Uncaught|Error|crashed|Worker/);
    expect(fautesDeLecture(texte)).toEqual([]);
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
