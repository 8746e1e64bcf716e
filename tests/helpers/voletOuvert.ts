import type { Page } from "playwright-core";
import { ouvrirVolet, type Volet } from "../browser/volet";

type Fixture = Parameters<typeof ouvrirVolet>[0];

/**
 * The built pane in Chromium, opened once for the describe block that calls this (beforeAll) over the fake Excel
 * holding `fixture`, at the given viewport, and closed after its tests (afterAll). Read `.page` and `.volet` in
 * the tests (or in a later beforeAll).
 */
export function voletDuBloc(
  fixture: () => Fixture | Promise<Fixture>,
  taille = { width: 340, height: 900 },
): { readonly page: Page; readonly volet: Volet } {
  let v: Volet | undefined;
  beforeAll(async () => {
    v = await ouvrirVolet(await fixture());
    await v.page.setViewportSize(taille);
  });
  afterAll(async () => {
    await v?.fermer();
  });
  const ouvert = () => {
    if (!v) throw new Error("volet demandé avant son ouverture (beforeAll)");
    return v;
  };
  return {
    get page() {
      return ouvert().page;
    },
    get volet() {
      return ouvert();
    },
  };
}
