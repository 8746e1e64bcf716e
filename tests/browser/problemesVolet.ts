import type { Page } from "playwright-core";
import { espacesInsecables } from "../../src/taskpane/francais";
import { cliquablesNonInteractifs } from "./cliquables";
import { couleurSeule } from "./couleurs";
import { fautes, fautesDeLecture, textesDuVolet } from "./francaisVolet";
import { debordements, motsCoupes } from "./volet";

/**
 * What is wrong now on the pane: overflows, words broken over two lines, what reacts to a click but not to the keyboard,
 * what is told by colour alone, then the French presentation of its texts and of its attributes.
 */
export async function problemes(page: Page, etape: string): Promise<string[]> {
  const { affiche, attributs } = await textesDuVolet(page);
  return [
    ...(await debordements(page)),
    ...(await motsCoupes(page)).map((m) => `mot coupé ${m}`),
    ...(await cliquablesNonInteractifs(page)).map((c) => `cliquable sans clavier : ${c}`),
    ...(await couleurSeule(page)),
    ...fautes(affiche),
    ...fautesDeLecture(affiche),
    // An accessible name is heard, not laid out: its spaces may break anywhere.
    ...attributs
      .map((a) => (/^aria-/.test(a) ? espacesInsecables(a) : a))
      .flatMap((a) => [...fautes(a), ...fautesDeLecture(a)]),
  ].map((p) => `${etape} — ${p}`);
}
