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

/**
 * The reader fails on a fault of its own (a bug: « Cannot read properties of undefined », in JavaScript's English),
 * not on the file: the worker says it is no French error of Prodbook's (`expliquee` absent), and the pane shows its
 * own French sentence, the raw text only under the collapsed « Détails techniques ».
 */
const LECTEUR_FAUTIF = `(() => {
  const W = window.Worker;
  const script = "onmessage = (e) => postMessage({ type: 'erreur', message: e.data.nom + " +
    "\\" : Cannot read properties of undefined (reading 'pos')\\" });";
  window.Worker = class extends W {
    constructor() {
      super(URL.createObjectURL(new Blob([script], { type: "text/javascript" })));
    }
  };
})();`;

describe("Écarts : le lecteur du grand livre échoue sur une faute interne", () => {
  const v = voletDuBloc({ largeur: 350, initScripts: [LECTEUR_FAUTIF] });
  const { page } = v;

  it("la phrase française du volet, le texte technique replié sous « Détails techniques »", async () => {
    await page.getByTestId(TEST_IDS.onglet("ecarts")).click();
    await page.getByTestId(TEST_IDS.ecarts.fichier).setInputFiles(FEC);
    const erreur = page.getByTestId(TEST_IDS.retour("ecarts-lire")).getByTestId(TEST_IDS.erreur);
    await erreur.waitFor();
    const affiche = sansEspacesInsecables(await erreur.innerText());
    expect(affiche).toContain("Une erreur inattendue a interrompu l'action : elle ne vient pas de vos fichiers.");
    expect(affiche).toContain("Détails techniques");
    expect(affiche).not.toContain("Cannot read");
    expect(fautesDeLecture(affiche)).toEqual([]);
    const details = erreur.getByTestId(TEST_IDS.erreurDetails);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Opened with the keyboard, the raw text is there for support.
    await details.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.locator("pre").innerText()).toBe(
      "Error: 111111111FEC20221231.TXT : Cannot read properties of undefined (reading 'pos')",
    );
    expect(await debordements(page)).toEqual([]);
    expect(v.erreursPage).toEqual([]);
  });
});
