import { fireEvent, screen } from "@testing-library/react";
import type { WorkbookPort } from "../../src/core/port/workbook";
import { MemoryWorkbook } from "./memoryWorkbook";

/**
 * The pane tests' shared setup. The pages reach the workbook only through the catalogue: a test binds it to an
 * in-memory workbook with
 *   jest.mock("../../src/app/catalogue", () => jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => classeur));
 */
export function catalogueSur(classeur: () => WorkbookPort) {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(classeur())(nom, args) };
}

type Ligne = (string | number | null)[];

/**
 * The production's « Budget » sheet of the pane tests: 2.1 crew 100 000 €, 4.1 social charges 50 000 €, 6.1 hotel
 * 10 nights × 250 €, 8.1 editing abroad 30 000 € (182 500 €). `chapitre2`: more chapter 2 lines, after 2.1 (row 3 on).
 */
export function classeurBudget(chapitre2: Ligne[] = []): MemoryWorkbook {
  return new MemoryWorkbook({
    Budget: [
      ["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant", "Territoire"],
      ["2.1", "Équipe technique", 1, 1, 100000, 100000, null],
      ...chapitre2,
      ["4.1", "Charges sociales", 1, 1, 50000, 50000, null],
      ["6.1", "Hôtel équipe (nuitées)", 10, 1, 250, 2500, null],
      ["8.1", "Montage", 1, 1, 30000, 30000, "Étranger"],
    ],
  });
}

/** Types `valeur` into the field of test id `id`, as the user would. */
export const saisir = (id: string, valeur: string) =>
  fireEvent.change(screen.getByTestId(id), { target: { value: valeur } });
