/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { tablesRegles } from "../../src/core/regles/audit";
import { versionEnVigueur } from "../../src/core/regles/table";
import { classeurBudget, saisir } from "../helpers/catalogueMemoire";
import { afficherPage, sansResizeObserver } from "./rendu";

sansResizeObserver();

// The pages reach the workbook only through the catalogue: bind it to the shared in-memory « Budget », with one more
// chapter 2 line (Budget!F3 = 20 × 300).
const classeur = classeurBudget([["2.2", "Assistant réalisateur", 20, 1, 300, 6000, null]]);
jest.mock("../../src/app/catalogue", () =>
  jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => classeur),
);

import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { CreditImpot, IDS_CREDIT_IMPOT } from "../../src/taskpane/pages/CreditImpot";
import { Structurer } from "../../src/taskpane/pages/Structurer";
import { TEST_IDS } from "../../src/taskpane/testIds";

const panneau = () => screen.getByTestId(IDS_TRACE.panneau);

describe("« D'où vient ce chiffre ? » dans le volet", () => {
  beforeEach(() => {
    classeur.reglages.clear();
    classeur.selections.length = 0;
  });

  it("Structurer : le total ouvre son arbre, une entrée dépliée mène à sa cellule, un second clic le referme", async () => {
    afficherPage(<Structurer />);
    await waitFor(() =>
      expect((screen.getByTestId(TEST_IDS.structurer.analyser) as HTMLButtonElement).disabled).toBe(false),
    );
    saisir(TEST_IDS.structurer.duree, "52");
    fireEvent.click(screen.getByTestId(TEST_IDS.structurer.analyser));
    const total = await screen.findByTestId(TEST_IDS.structurer.expliquerTotal);
    expect(total.tagName).toBe("BUTTON");
    expect(total.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();
    fireEvent.click(total);
    expect(total.getAttribute("aria-expanded")).toBe("true");
    // The root: the total, its formula in words; its inputs one level down.
    expect(panneau().textContent).toContain("Total du devis");
    expect(panneau().textContent).toContain("188\u202f500,00\u00a0€");
    expect(panneau().textContent).toContain("coût hors frais + frais généraux");
    expect(panneau().textContent).toContain("Coût hors frais (chapitres 1 à 9)");
    // Open « Coût hors frais », then chapter 2, then its line « Assistant réalisateur » = 20 × 300.
    const deplier = (texte: string) => {
      const b = within(panneau())
        .getAllByTestId(IDS_TRACE.deplier)
        .find((x) => x.textContent?.includes(texte)) as HTMLElement;
      expect(b).toBeDefined();
      fireEvent.click(b);
    };
    deplier("Coût hors frais");
    deplier("Chapitre 2");
    deplier("Assistant réalisateur");
    expect(panneau().textContent).toContain("= quantité × nombre × taux");
    const cellules = within(panneau()).getAllByTestId(IDS_TRACE.cellule);
    const montant = cellules.find((c) => c.textContent === "Budget!F3") as HTMLElement;
    expect(montant).toBeDefined();
    expect(cellules.map((c) => c.textContent)).toEqual(expect.arrayContaining(["Budget!C3", "Budget!E3"]));
    fireEvent.click(montant);
    await waitFor(() => expect(classeur.selections).toEqual(["Budget!F3"]));
    // The same figure again closes the tree.
    fireEvent.click(total);
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();
    // A chapter total opens its own tree.
    fireEvent.click(screen.getByTestId(TEST_IDS.structurer.totalChapitre("2")));
    expect(panneau().textContent).toMatch(/^D'où vient ce chiffre.*Chapitre 2 .*106\u202f000,00\u00a0€/);
    // The cost per minute: total ÷ duration.
    fireEvent.click(screen.getByTestId(TEST_IDS.structurer.coutMinute));
    expect(panneau().textContent).toContain("= total ÷ durée");
    expect(panneau().textContent).toContain("52\u00a0min");
    // The duration typed in the pane says so, without naming a CLI option.
    expect(panneau().textContent).toContain("durée saisie");
    expect(panneau().textContent).not.toMatch(/--duree|option/);
  });

  it("Crédit d'impôt : le crédit, sa base et chaque plafond ; la règle par son nom français et sa source, jamais son id", async () => {
    afficherPage(<CreditImpot />);
    await waitFor(() => expect(screen.getByTestId(IDS_CREDIT_IMPOT.feuille).textContent).toContain("Budget"));
    saisir(IDS_CREDIT_IMPOT.genre, "documentaire");
    saisir(IDS_CREDIT_IMPOT.duree, "52");
    saisir(IDS_CREDIT_IMPOT.annee, "2025");
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.calculer));
    const credit = await screen.findByTestId(IDS_CREDIT_IMPOT.credit);
    await waitFor(() => expect(credit.tagName).toBe("BUTTON"));
    fireEvent.click(credit);
    expect(panneau().textContent).toContain("Crédit d'impôt");
    expect(panneau().textContent).toContain("min(crédit avant plafonds ; plafonds)");
    // The rate's rule, one level down: French name of the table, version date, source as a link.
    fireEvent.click(
      within(panneau())
        .getAllByTestId(IDS_TRACE.deplier)
        .find((b) => b.textContent?.includes("Crédit avant plafonds")) as HTMLElement,
    );
    const regle = within(panneau()).getByTestId(IDS_TRACE.regle);
    // French name, date in words, « à vérifier » written out for a version below H, then the version's several
    // sources by their short names: all of them, as links in the table's order (BOFiP ACTU-2022-00085 first in 2025).
    expect(regle.textContent).toMatch(
      /^Règle\u00a0: Taux du crédit d'impôt audiovisuel, version du 31\u00a0décembre\u00a02021 Sources\u00a0: BOFiP ACTU-2022-00085 · /u,
    );
    const version = versionEnVigueur(
      tablesRegles().find((t) => t.id === "credit-impot-audiovisuel")!,
      "2025-06-30",
    )!;
    const liens = within(regle).getAllByRole("link");
    expect(version.sources.length).toBeGreaterThan(1);
    expect(liens.map((l) => l.getAttribute("href"))).toEqual(version.sources.map((x) => x.url));
    const lien = liens[0];
    expect(liens.every((l) => !/https?:|«/.test(l.textContent ?? ""))).toBe(true);
    // The source's full title is the link's infobulle and accessible description (Fluent Tooltip, loaded on demand).
    const description = await waitFor(() => {
      const l = within(within(panneau()).getByTestId(IDS_TRACE.regle)).getAllByRole("link")[0];
      const texte = document.getElementById(l.getAttribute("aria-describedby") ?? "")?.textContent ?? "";
      expect(texte).not.toBe("");
      return texte;
    });
    expect(description.length).toBeGreaterThan(lien.textContent!.length);
    expect(description).not.toMatch(/https?:/);
    expect(panneau().textContent).not.toMatch(/credit-impot[.-]/);
    // The base: Σ chapters' eligible expenses, down to the lines and their cells.
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.base));
    expect(panneau().textContent).toMatch(/Base du crédit.*158\u202f000,00\u00a0€/);
    // Each cap, in « Détails et sources ».
    fireEvent.click(within(screen.getByTestId(IDS_CREDIT_IMPOT.details)).getByRole("button", { name: /Détails/ }));
    fireEvent.click(screen.getByTestId(IDS_CREDIT_IMPOT.plafondChiffre(0)));
    // The cap and the figure of its table, each by its own name (never « Plafond : plafond par minute »).
    expect(panneau().textContent).toMatch(/Plafond par minute75\u202f400,00\u00a0€.*Montant par minute1\u202f450/);
    expect(panneau().textContent).not.toMatch(/Plafond : plafond/i);
  });
});
