/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import type { Constat } from "../../src/core/controles/constat";
import { CLE_CONTEXTE_PRODUCTION } from "../../src/core/production/contexte";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";

sansResizeObserver();

/**
 * The production context's box « Film relevant de l'annexe III (petit budget) »: shown for a cinema work, it declares
 * the film under annexe III of IDCC 3097, and Structurer's analysis then checks the secretary's 900 € per week
 * against 850 + 37 % × (916,77 − 850) = 874,70 € (table idcc3097-annexe3 on 1 September 2025) instead of annexe I's
 * 916,77 €. The use cases run for real on an in-memory workbook; only their results are recorded.
 */
const classeur = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
    ["2.1", "Secrétaire de production", 10, "semaine", 900, 9000],
    ["2.2", "Secrétaire de production (renfort)", 2, "semaine", 870, 1740],
    ["4.1", "Charges sociales", 1, "forfait", 5000, 5000],
  ],
});
const analyses: { args: Record<string, unknown>; constats: Constat[] }[] = [];
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return {
    ...reel,
    envoyer: async (nom: string, args: Record<string, unknown>) => {
      // The pane analyses with today's date: the check is pinned to 1 September 2025 here.
      const r = await reel.creerEnvoyeur(classeur)(
        nom,
        nom === "analyserDevis" ? { ...args, date: "2025-09-01" } : args,
      );
      if (nom === "analyserDevis") analyses.push({ args, constats: r.constats });
      return r;
    },
  };
});

import { BandeauProduction } from "../../src/taskpane/components/BandeauProduction";
import { Structurer } from "../../src/taskpane/pages/Structurer";
import { TEST_IDS } from "../../src/taskpane/testIds";

const minima = () =>
  analyses[analyses.length - 1].constats.filter((c) => c.regle === "salaire-minimum").map((c) => c.message);

async function analyser(n: number) {
  fireEvent.click(screen.getByTestId(TEST_IDS.structurer.analyser));
  await waitFor(() => expect(analyses).toHaveLength(n));
}

describe("contexte de production : film relevant de l'annexe III", () => {
  beforeEach(() => {
    classeur.reglages.clear();
    analyses.length = 0;
  });

  it("la case n'apparaît pas pour une œuvre audiovisuelle", async () => {
    classeur.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "audiovisuel" }));
    afficherPage(<BandeauProduction />);
    fireEvent.click(screen.getByTestId(TEST_IDS.production.modifier));
    await screen.findByTestId(TEST_IDS.production.oeuvre);
    expect(screen.queryByTestId(TEST_IDS.production.annexe3)).toBeNull();
  });

  it("cochée pour un film de cinéma : les salaires sont comparés aux minima de l'annexe III, au centime", async () => {
    classeur.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
    afficherPage(
      <>
        <BandeauProduction />
        <Structurer />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.structurer.feuille).textContent).toContain("Budget"));
    await analyser(1);
    // Not declared: annexe I (916,77 €) for both lines, and nothing says annexe III applied.
    expect(analyses[0].args.annexe3097).toBeUndefined();
    expect(minima()).toHaveLength(2);
    expect(minima().every((m) => m.includes("916,77\u00a0€ par semaine (table idcc3097-minima"))).toBe(true);

    fireEvent.click(screen.getByTestId(TEST_IDS.production.modifier));
    const caseAnnexe = screen.getByTestId(TEST_IDS.production.annexe3) as HTMLInputElement;
    expect(caseAnnexe.checked).toBe(false);
    expect(screen.getByText("Film relevant de l'annexe III (petit budget)")).toBeTruthy();
    fireEvent.click(caseAnnexe);
    await waitFor(() =>
      expect((screen.getByTestId(TEST_IDS.production.annexe3) as HTMLInputElement).checked).toBe(true),
    );
    expect(screen.getByTestId(TEST_IDS.production.resume).textContent).toContain("Annexe III");

    await analyser(2);
    expect(analyses[1].args.annexe3097).toBe(true);
    // 900 € ≥ 874,70 €: only the 870 € line stays under the minimum, now annexe III's.
    expect(minima()).toEqual([
      expect.stringContaining(
        "870,00\u00a0€ par semaine, sous le plancher connu IDCC 3097, annexe III, de la fonction « Secrétaire de " +
          "production » : 874,70\u00a0€ par semaine (annexe III : socle 850,00\u00a0€ + 37\u00a0% × (916,77\u00a0€ − " +
          "850,00\u00a0€) = 874,70\u00a0€ par semaine, table idcc3097-annexe3 en vigueur au 11\u00a0avril\u00a02025, à vérifier",
      ),
    ]);
    // Saved in the workbook's context.
    await waitFor(() =>
      expect(JSON.parse(classeur.reglages.get(CLE_CONTEXTE_PRODUCTION) ?? "{}").annexe3097).toBe(true),
    );
  });
});
