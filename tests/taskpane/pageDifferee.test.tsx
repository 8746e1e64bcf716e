/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import * as React from "react";
import { afficherNu, sansResizeObserver } from "./fluentNu";
import { PageDifferee } from "../../src/taskpane/components/PageDifferee";
import { PAGES } from "../../src/taskpane/pages";

/*
 * A page of the pane that cannot be shown: its chunk cannot be fetched (connection lost, add-in updated meanwhile),
 * or it throws on its first reading. The pane says so in French, with what to do, and a screen reader announces it
 * (role « alert »): a visual message bar alone is silent (Fluent's MessageBar announces nothing without an
 * AriaLiveAnnouncer).
 */
jest.mock("../../src/taskpane/pages/Ecarts", () => {
  throw new Error("ChunkLoadError: Loading chunk 412 failed. (error: https://localhost:3000/412.js)");
});

sansResizeObserver();
const afficher = afficherNu;

let erreurs: jest.SpyInstance;
// React reports the error caught by the boundary on the console: expected here, kept out of the test output.
beforeEach(() => (erreurs = jest.spyOn(console, "error").mockImplementation(() => undefined)));
afterEach(() => erreurs.mockRestore());

describe("une page qui ne se charge pas", () => {
  it("son module ne peut pas être chargé : l'échec est annoncé en français, avec ce qu'il faut faire", async () => {
    const page = PAGES.find((p) => p.id === "ecarts")!;
    const Ecarts = page.composant;
    afficher(
      <PageDifferee titre={page.titre}>
        <Ecarts />
      </PageDifferee>,
    );
    const alerte = await screen.findByRole("alert");
    // The message bar's title « Erreur », then the message.
    expect(alerte.textContent).toBe(
      "Erreur" +
        "La page «\u00a0Écarts\u00a0» n'a pas pu être chargée\u00a0: vérifiez la connexion, puis cliquez sur " +
        "«\u00a0Recharger le volet\u00a0». Rien n'est perdu\u00a0: la production est enregistrée dans le classeur.",
    );
    // What to do is there to be done, and the technical error is not shown to the user.
    expect(screen.getByRole("button", { name: "Recharger le volet" })).toBeTruthy();
    expect(document.body.textContent).not.toContain("ChunkLoadError");
    expect(document.body.textContent).not.toContain("Chargement de la page");
  });

  it("sa première lecture échoue (une exception au premier rendu) : même message annoncé", async () => {
    function Lecture(): React.ReactElement {
      throw new TypeError("Cannot read properties of undefined (reading 'feuilles')");
    }
    afficher(
      <PageDifferee titre="Sources">
        <Lecture />
      </PageDifferee>,
    );
    const alerte = await screen.findByRole("alert");
    expect(alerte.textContent).toContain(
      "La page «\u00a0Sources\u00a0» n'a pas pu être chargée\u00a0: vérifiez la connexion",
    );
    expect(document.body.textContent).not.toContain("Cannot read");
  });
});
