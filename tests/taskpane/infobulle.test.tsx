/** @jest-environment jsdom */
import { act, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { afficherNu, sansResizeObserver } from "./fluentNu";
import { Infobulle, chargerTooltip } from "../../src/taskpane/components/Infobulle";

/*
 * Infobulle before and after Fluent's Tooltip arrives (its own chunk, fetched on demand). This file does not import
 * ./rendu, which fetches it before the first render: here the first render comes before it.
 */
sansResizeObserver();
const afficher = afficherNu;

describe("Infobulle", () => {
  it("un bouton d'icône seule est nommé dès le premier rendu, puis garde ce nom et le focus quand le Tooltip arrive", async () => {
    afficher(
      <Infobulle relation="label" texte="Supprimer la correspondance 641 → 2.3">
        <button type="button" data-testid="x">
          ✕
        </button>
      </Infobulle>,
    );
    const avant = screen.getByTestId("x");
    // Named before the Tooltip is there (a chunk that never arrives leaves the button named all the same).
    expect(screen.getByRole("button", { name: "Supprimer la correspondance 641 → 2.3" })).toBe(avant);
    avant.focus();
    await act(() => chargerTooltip());
    // Drawn anew inside the Tooltip: the focus followed it.
    await waitFor(() => expect(screen.getByTestId("x")).not.toBe(avant));
    const apres = screen.getByTestId("x");
    expect(document.activeElement).toBe(apres);
    expect(apres.getAttribute("aria-label")).toBe("Supprimer la correspondance 641 → 2.3");
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("le texte entier d'un lien abrégé est sa description accessible, rendue avant tout survol", async () => {
    await chargerTooltip();
    const titre = "CGI art. 220 sexies, version du 12 décembre 2013 : « III. Le crédit d'impôt est plafonné… »";
    afficher(
      <Infobulle relation="description" texte={titre}>
        <a href="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000028399439">Texte : CGI art. 220 sexies</a>
      </Infobulle>,
    );
    const lien = screen.getByRole("link");
    expect(lien.getAttribute("title")).toBeNull();
    const id = lien.getAttribute("aria-describedby");
    expect(id).toBeTruthy();
    const description = document.getElementById(id as string) as HTMLElement;
    expect(description.getAttribute("role")).toBe("tooltip");
    expect(description.textContent).toBe(titre);
  });
});
