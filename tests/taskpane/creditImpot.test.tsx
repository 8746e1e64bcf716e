/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { classeurBudget, saisir } from "../helpers/catalogueMemoire";
import { afficherPage, messageSousChamp, sansResizeObserver } from "./rendu";

sansResizeObserver();

// The page reaches the workbook only through the catalogue: bind it to the shared in-memory « Budget ».
const classeur = classeurBudget();
jest.mock("../../src/app/catalogue", () =>
  jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => classeur),
);

import { CreditImpot, IDS_CREDIT_IMPOT } from "../../src/taskpane/pages/CreditImpot";
import { TEST_IDS } from "../../src/taskpane/testIds";

const afficher = () => afficherPage(<CreditImpot />);

/** The calculation and alerts sit in the collapsed « Détails et sources »: open it (once) and return the element. */
function detail(id: string): HTMLElement {
  const bouton = within(screen.getByTestId(IDS_CREDIT_IMPOT.details)).getByRole("button", {
    name: /Détails et sources/,
  });
  if (bouton.getAttribute("aria-expanded") !== "true") fireEvent.click(bouton);
  return screen.getByTestId(id);
}

describe("page Crédit d'impôt", () => {
  // Each test opens a workbook whose production context was never saved (the context persists otherwise).
  beforeEach(() => classeur.reglages.clear());

  it("calcule le crédit documentaire puis écrit la feuille", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    saisir(IDS_CREDIT_IMPOT.genre, "documentaire");
    saisir(IDS_CREDIT_IMPOT.duree, "52");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    // Eligible 100 000 + 50 000 + hotel 10 nights capped at 200 € = 2 000 (montage abroad) = 152 000 €, capped at 80 % of
    // the 182 500 € budget = 146 000 € (220 sexies III-3) × 25 % = 36 500 € < 1 450 × 52 = 75 400 €.
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.credit).textContent).toBe("36\u202f500,00\u00a0€"));
    const alertes = detail(IDS_CREDIT_IMPOT.alertes).textContent;
    expect(alertes).toMatch(/Base plafonnée à 80\s% du budget de production \(CGI art\.\s220\ssexies, III-3\)/);
    expect(alertes).toMatch(/dépenses éligibles 152\s000,00\s€ ramenées à 146\s000,00\s€/);
    expect(detail(IDS_CREDIT_IMPOT.plafond(0)).textContent).toContain("non atteint");
    expect(classeur.ecritures).toBe(0);
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.modeleParametres));
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.creer));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_CREDIT_IMPOT.succes).textContent).toBe(
        "Écrit\u00a0: «\u00a0Crédit d'impôt\u00a0», «\u00a0Paramètres\u00a0»",
      ),
    );
    expect([...classeur.ecrites.keys()]).toEqual(["Crédit d'impôt", "Paramètres"]);
  });

  it("subventions publiques non remboursables : « 12.500 » refusé sous le champ, « 10 000 » déduit de la base", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    saisir(IDS_CREDIT_IMPOT.genre, "documentaire");
    saisir(IDS_CREDIT_IMPOT.duree, "52");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    const champ = screen.getByTestId(IDS_CREDIT_IMPOT.subventions);
    expect(screen.getByLabelText(/Subventions publiques non remboursables/)).toBe(champ);
    saisir(IDS_CREDIT_IMPOT.subventions, "12.500");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    expect(messageSousChamp(champ)).toBe(
      "« 12.500 » : 12,50\u00a0€ ou 12\u202f500\u00a0€ ? Écrivez « 12,5 » ou « 12\u202f500 ».",
    );
    expect(screen.queryByTestId(IDS_CREDIT_IMPOT.resultat)).toBeNull();
    expect(document.activeElement).toBe(champ);
    // Base 146 000 € (80 % of the budget, as above) − 10 000 € (220 sexies V) = 136 000 € × 25 % = 34 000 €.
    saisir(IDS_CREDIT_IMPOT.subventions, "10 000");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.credit).textContent).toBe("34\u202f000,00\u00a0€"));
    expect(detail(IDS_CREDIT_IMPOT.alertes).textContent).toMatch(
      /Subventions publiques déduites après le plafond de la base\s:\s146\s000,00\s€\s−\s10\s000,00\s€\s=\s136\s000,00\s€/,
    );
  });

  it("fiction en coproduction : la part de financement étranger porte le plafond à 10 000 €/min", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    // The in-memory « Budget » says no genre: chosen, as the page asks before any estimate.
    saisir(IDS_CREDIT_IMPOT.genre, "fiction");
    saisir(IDS_CREDIT_IMPOT.duree, "5");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    // 182 500 € / 5 min = 36 500 €/min: tranche 7 500 €/min (37 500 €), 10 000 €/min (50 000 €) with ≥ 30 % foreign financing.
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await waitFor(() => expect(detail(IDS_CREDIT_IMPOT.plafond(0)).textContent).toContain("37\u202f500,00"));
    saisir(IDS_CREDIT_IMPOT.financementEtranger, "35 %");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await waitFor(() => expect(detail(IDS_CREDIT_IMPOT.plafond(0)).textContent).toContain("50\u202f000,00"));
    saisir(IDS_CREDIT_IMPOT.financementEtranger, "beaucoup");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    expect(messageSousChamp(screen.getByTestId(IDS_CREDIT_IMPOT.financementEtranger))).toBe(
      "« beaucoup » n'est pas une part du coût (« 35 % » ou « 0,35 »).",
    );
    // « 12,500 % » is 12,5 % or 12 500 %: refused under the field; the previous estimate stays, nothing recomputed.
    saisir(IDS_CREDIT_IMPOT.financementEtranger, "12,500 %");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    expect(messageSousChamp(screen.getByTestId(IDS_CREDIT_IMPOT.financementEtranger))).toMatch(/12,5 % ou 12500 % \?/);
    expect(detail(IDS_CREDIT_IMPOT.plafond(0)).textContent).toContain("50\u202f000,00");
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
  });

  it("refuse sous chaque champ une durée, des dépenses VFX ou des jours ambigus ou illisibles, sans calculer", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    // The in-memory « Budget » says no genre: chosen, as the page asks before any estimate.
    saisir(IDS_CREDIT_IMPOT.genre, "fiction");
    saisir(IDS_CREDIT_IMPOT.regime, "international");
    saisir(IDS_CREDIT_IMPOT.duree, "1.500");
    saisir(IDS_CREDIT_IMPOT.annee, "25");
    saisir(IDS_CREDIT_IMPOT.joursTournage, "2,5");
    saisir(IDS_CREDIT_IMPOT.vfx, "12.500");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    const sous = (id: string) => messageSousChamp(screen.getByTestId(id));
    expect(sous(IDS_CREDIT_IMPOT.duree)).toBe(
      "« 1.500 » : 1,5 ou 1\u202f500 minutes ? Écrivez « 1,5 » ou « 1\u202f500 ».",
    );
    expect(sous(IDS_CREDIT_IMPOT.annee)).toMatch(/« 25 » n'est pas une année/);
    expect(sous(IDS_CREDIT_IMPOT.joursTournage)).toMatch(/Un nombre entier de jours est attendu/);
    expect(sous(IDS_CREDIT_IMPOT.vfx)).toBe(
      "« 12.500 » : 12,50\u00a0€ ou 12\u202f500\u00a0€ ? Écrivez « 12,5 » ou « 12\u202f500 ».",
    );
    // Nothing ran: no estimate, no error box; the focus is on the first refused field.
    expect(screen.queryByTestId(IDS_CREDIT_IMPOT.resultat)).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId(IDS_CREDIT_IMPOT.duree));
    // Corrected values clear the messages and the estimate runs with 12 500 € of VFX.
    saisir(IDS_CREDIT_IMPOT.duree, "90");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    saisir(IDS_CREDIT_IMPOT.joursTournage, "3");
    saisir(IDS_CREDIT_IMPOT.vfx, "12 500");
    for (const id of [
      IDS_CREDIT_IMPOT.duree,
      IDS_CREDIT_IMPOT.annee,
      IDS_CREDIT_IMPOT.joursTournage,
      IDS_CREDIT_IMPOT.vfx,
    ])
      expect(sous(id)).toBeUndefined();
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await screen.findByTestId(IDS_CREDIT_IMPOT.resultat);
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
  });

  it("international en prises de vues réelles : les jours de tournage en France comptent ; fiction jeunesse : case dédiée", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    // The in-memory « Budget » says no genre: chosen, as the page asks before any estimate.
    saisir(IDS_CREDIT_IMPOT.genre, "fiction");
    expect(screen.getByTestId(IDS_CREDIT_IMPOT.jeunesse)).toBeTruthy();
    saisir(IDS_CREDIT_IMPOT.regime, "international");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    saisir(IDS_CREDIT_IMPOT.joursTournage, "3");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await waitFor(() =>
      expect(detail(IDS_CREDIT_IMPOT.alertes).textContent).toMatch(
        /jours de tournage en France\)\s:\s3\sjours, minimum 5/,
      ),
    );
    expect(screen.getByTestId(IDS_CREDIT_IMPOT.credit).textContent).toBe("0,00\u00a0€");
    expect(screen.queryByTestId(IDS_CREDIT_IMPOT.jeunesse)).toBeNull();
  });

  it("hébergement à Paris : la nuit est retenue jusqu'à 270 € au lieu de 200 €", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    saisir(IDS_CREDIT_IMPOT.genre, "documentaire");
    saisir(IDS_CREDIT_IMPOT.duree, "52");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    saisir(IDS_CREDIT_IMPOT.hebergement, "paris");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    // 10 nights × 250 € all retained (≤ 270 €): 152 500 € eligible, capped at 80 % of the budget = 146 000 € × 25 %.
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.credit).textContent).toBe("36\u202f500,00\u00a0€"));
    expect(detail(IDS_CREDIT_IMPOT.alertes).textContent).toMatch(
      /dépenses éligibles 152\s500,00\s€ ramenées à 146\s000,00\s€/,
    );
  });

  it("refuse l'audiovisuel sans durée avec un message français", async () => {
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    // The in-memory « Budget » says no genre: chosen, as the page asks before any estimate.
    saisir(IDS_CREDIT_IMPOT.genre, "fiction");
    saisir(IDS_CREDIT_IMPOT.duree, "");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.erreur).textContent).toMatch(
        /plafonné par minute, indiquez la durée en minutes/,
      ),
    );
  });
});
