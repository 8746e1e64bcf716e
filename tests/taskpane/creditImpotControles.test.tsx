/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { saisir } from "../helpers/catalogueMemoire";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";

sansResizeObserver();

/**
 * The pane tests' « Budget », a « PDT » whose row 4 repeats row 3 and whose row 6 is a TOTAL of the pauses (proven:
 * 60 + 60 + 60 + 30 = 210), and a « Paramètres » sheet whose key has a typo in its prefix (« credit-impt.… »).
 */
const classeur = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant", "Territoire"],
    ["2.1", "Équipe technique", 1, 1, 100000, 100000, null],
    ["4.1", "Charges sociales", 1, 1, 50000, 50000, null],
    ["6.1", "Hôtel équipe (nuitées)", 10, 1, 250, 2500, null],
    ["8.1", "Montage", 1, 1, 30000, 30000, "Étranger"],
  ],
  PDT: [
    ["Date", "Nom", "Début", "Fin", "Pause (min)"],
    ["11/05/2026", "Yann Le Goff", "07:00", "17:00", 60],
    ["12/05/2026", "Yann Le Goff", "09:00", "18:00", 60],
    ["12/05/2026", "Yann Le Goff", "09:00", "18:00", 60],
    ["13/05/2026", "Anne Kerbrat", "09:00", "17:30", 30],
    [null, "TOTAL", null, null, 210],
  ],
  Paramètres: [
    ["Paramètre", "Valeur"],
    ["credit-impt.international.taux", "40 %"],
  ],
});
jest.mock("../../src/app/catalogue", () =>
  jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => classeur),
);

import { CreditImpot, IDS_CREDIT_IMPOT } from "../../src/taskpane/pages/CreditImpot";

describe("page Crédit d'impôt : les constats de la lecture", () => {
  it("alertes sous le résultat (titre français, cellule cliquable), informations dans « Détails et sources »", async () => {
    afficherPage(<CreditImpot />);
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    saisir(IDS_CREDIT_IMPOT.genre, "fiction");
    saisir(IDS_CREDIT_IMPOT.regime, "international");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    saisir(IDS_CREDIT_IMPOT.joursTournage, "3");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    const alertes = await screen.findByTestId(IDS_CREDIT_IMPOT.controles);
    // Results first: the headline comes before the findings.
    const tete = screen.getByTestId(IDS_CREDIT_IMPOT.resultat);
    expect(tete.compareDocumentPosition(alertes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const texte = alertes.textContent!.replace(/[\u00a0\u202f]/g, " ");
    expect(texte).toContain("Paramètre lu par aucun calcul");
    expect(texte).toMatch(/Paramètre « credit-impt\.international\.taux » lu par aucun calcul, ignoré/);
    expect(texte).toMatch(/Vouliez-vous dire « credit-impot\.international\.taux » \?/);
    expect(texte).toContain("Ligne du plan de travail en double");
    expect(texte).toMatch(/la ligne 4 \(PDT!B4, PDT!A4, PDT!C4, PDT!D4\) répète la ligne 3/);
    // No rule id shown, and the TOTAL row (information) is not among the alerts.
    expect(texte).not.toMatch(/parametre-non-lu|ligne-en-double|total-plan-de-travail/);
    expect(texte).not.toContain("Ligne de total du plan de travail");
    // Each cell is a button that selects it in the workbook.
    fireEvent.click(within(alertes).getByRole("button", { name: /credit-impt\.international\.taux/ }));
    await waitFor(() => expect(classeur.selections).toEqual(["'Paramètres'!B2"]));
    fireEvent.click(within(alertes).getByRole("button", { name: /répète la ligne 3/ }));
    await waitFor(() => expect(classeur.selections).toEqual(["'Paramètres'!B2", "PDT!B4"]));
    // The information, folded in « Détails et sources ».
    expect(screen.queryByTestId(IDS_CREDIT_IMPOT.controlesInfo)).toBeNull();
    fireEvent.click(
      within(screen.getByTestId(IDS_CREDIT_IMPOT.details)).getByRole("button", { name: /Détails et sources/ }),
    );
    const infos = screen.getByTestId(IDS_CREDIT_IMPOT.controlesInfo).textContent!.replace(/[\u00a0\u202f]/g, " ");
    expect(infos).toContain("Ligne de total du plan de travail");
    expect(infos).toMatch(
      /Ligne 6 « TOTAL » lue comme un total du plan de travail.*PDT!E6 \(210\) : somme de sa colonne au-dessus/,
    );
  });
});
