/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryWorkbook, CelluleMemoire } from "../helpers/memoryWorkbook";
import { LIGNES_CINEMA } from "../core/financement/plans";

class ResizeObserverInerte {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverInerte;

// Dates as ISO text, formulas with their cached value: what the adapters hand to the core.
const plan = LIGNES_CINEMA.map((l) =>
  l.map((v) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === "object" ? { f: v.formula, v: v.result } : v,
  ),
) as CelluleMemoire[][];
const classeur = new MemoryWorkbook({ "Plan de financement": plan });
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(classeur)(nom, args) };
});

import { Financement, IDS_FINANCEMENT } from "../../src/taskpane/pages/Financement";
import { TEST_IDS } from "../../src/taskpane/testIds";

const afficher = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Financement />
    </FluentProvider>,
  );
const saisir = (id: string, valeur: string) => fireEvent.change(screen.getByTestId(id), { target: { value: valeur } });

describe("page Financement", () => {
  it("vérifie le plan (coût saisi), signale l'intensité, puis écrit les feuilles sans toucher celle du producteur", async () => {
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    saisir(IDS_FINANCEMENT.cout, "2 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    // 1 050 000 € d'aides publiques sur 2 000 000 € = 52,50 % > 50 % ; excédent de 1 000 000 €.
    await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.intensite).textContent).toBe("52,50\u00a0%"));
    expect(screen.getByTestId(IDS_FINANCEMENT.reste).textContent).toBe("1\u202f000\u202f000,00\u00a0€");
    expect(screen.getByTestId(IDS_FINANCEMENT.constat(0)).textContent).toContain("intensite-aides-publiques");
    expect(classeur.ecritures).toBe(0);
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.creer));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.succes).textContent).toContain("« Plan de financement (Prodbook) »"),
    );
    expect([...classeur.ecrites.keys()]).toEqual([
      "Listes financement",
      "Plan de financement (Prodbook)",
      "Échéancier",
    ]);
  });

  it("refuse un coût illisible avec un message français", async () => {
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    saisir(IDS_FINANCEMENT.cout, "trois millions");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    await waitFor(() =>
      expect(screen.getByTestId(TEST_IDS.erreur).textContent).toMatch(/Coût « trois millions » : un montant positif/),
    );
  });
});
