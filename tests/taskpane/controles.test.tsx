/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { CLE_CONTEXTE_PRODUCTION } from "../../src/core/production/contexte";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";

sansResizeObserver();

/**
 * The Contrôles page's « D'où vient ce chiffre ? » on a salary under its minimum: a cinema devis whose secretary is
 * paid 900 € a week, under the 916,77 € of IDCC 3097 (table idcc3097-minima in force on 1 September 2025). The use
 * cases run for real on an in-memory workbook.
 */
const classeur = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
    ["2.1", "Secrétaire de production", 10, "semaine", 900, 9000],
    // 2 × 100 ≠ 250: a finding without a tree.
    ["2.2", "Repérages", 2, "forfait", 100, 250],
    ["4.1", "Charges sociales", 1, "forfait", 5000, 5000],
  ],
});
classeur.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return {
    ...reel,
    // The pane checks with today's date: pinned to 1 September 2025 here.
    envoyer: (nom: string, args: Record<string, unknown>) =>
      reel.creerEnvoyeur(classeur)(nom, nom === "analyserDevis" ? { ...args, date: "2025-09-01" } : args),
  };
});

import { BandeauProduction } from "../../src/taskpane/components/BandeauProduction";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { Controles } from "../../src/taskpane/pages/Controles";
import { TEST_IDS } from "../../src/taskpane/testIds";

describe("page Contrôles : « D'où vient ce chiffre ? » d'un salaire sous le minimum", () => {
  it("le bouton sous le constat ouvre son arbre : le minimum de la grille, sa source, les cellules de la ligne", async () => {
    afficherPage(
      <>
        <BandeauProduction />
        <Controles />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.production.resume).textContent).toBe("Budget · Fiction"));
    fireEvent.click(screen.getByTestId(TEST_IDS.controles.lancer));
    const liste = await screen.findByTestId(TEST_IDS.controles.liste);
    const constats = within(liste).getAllByRole("listitem");
    // Only the salary's finding opens a tree.
    expect(constats.length).toBeGreaterThan(1);
    const boutons = liste.querySelectorAll("[data-testid^='controles-explication-']");
    expect(boutons).toHaveLength(1);
    expect(boutons[0].textContent).toBe("D'où vient ce chiffre\u202f?");
    const i = constats.findIndex((c) => c.textContent?.includes("Salaire sous le minimum conventionnel"));
    const bouton = screen.getByTestId(TEST_IDS.controles.explication(i));
    expect(bouton.tagName).toBe("BUTTON");
    expect(bouton.getAttribute("aria-expanded")).toBe("false");
    // Its description names the line (the pane's own typography pass, veillerTypographie, is not run here), so that two findings' buttons are told apart.
    await waitFor(() =>
      expect(document.getElementById(bouton.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
        "D'où vient ce chiffre\u202f? (Manque au minimum par semaine, 2.1 « Secrétaire de production »)",
      ),
    );
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();

    fireEvent.click(bouton);
    const panneau = screen.getByTestId(IDS_TRACE.panneau);
    expect(bouton.getAttribute("aria-expanded")).toBe("true");
    // Right under its finding.
    expect(constats[i].contains(panneau)).toBe(true);
    // 916,77 − 900,00 = 16,77 € a week, the grid's figure with its table in French, its version and its source.
    expect(panneau.textContent).toContain("Manque au minimum par semaine");
    expect(panneau.textContent).toContain("16,77\u00a0€");
    expect(panneau.textContent).toContain("Minimum hebdomadaire de la fonction « Secrétaire de production »");
    expect(panneau.textContent).toContain("916,77\u00a0€");
    const regle = within(panneau).getByTestId(IDS_TRACE.regle);
    expect(regle.textContent).toContain("version du 1er\u00a0avril\u00a02024");
    const source = within(regle).getByRole("link");
    expect(source.getAttribute("href")).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    // No rule id in the pane.
    expect(panneau.textContent).not.toMatch(/idcc3097-minima|salaire-minimum/);

    // The pay from the line's rate cell (900 € a week), a link that selects it in Excel; the line's amount cell is named
    // in the comparison.
    expect(panneau.textContent).toContain("Payé par semaine900,00\u00a0€= taux de la ligne");
    expect(panneau.textContent).toContain("9\u202f000,00\u00a0€ (Budget!F2) < minimum 9\u202f167,70\u00a0€");
    const cellules = within(panneau).getAllByTestId(IDS_TRACE.cellule);
    expect(cellules.map((c) => c.textContent)).toEqual(["Budget!E2", "Budget!E2"]);
    fireEvent.click(cellules[1]);
    await waitFor(() => expect(classeur.selections).toEqual(["Budget!E2"]));

    // Escape closes the tree and gives the focus back to the button.
    fireEvent.keyDown(panneau, { key: "Escape" });
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId(TEST_IDS.controles.explication(i)));
  });
});
