/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { TextDecoder as TD, TextEncoder as TE } from "util";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";

// jsdom lacks the encoding API the FEC reader uses (browsers and workers have it).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TD, TextEncoder: globalThis.TextEncoder ?? TE });

const rows: CelluleMemoire[][] = [
  ["Code", "Libellé", "Montant"],
  ["1", "DROITS ARTISTIQUES"],
  ["1.1", "Droits d'auteur", 12000],
  ["8", "POST-PRODUCTION"],
  ["8.1", "Montage", 9000],
];
const wb = new MemoryWorkbook({ Budget: rows });
jest.mock("../../src/app/catalogue", () => ({
  envoyer: (nom: string, args: unknown) => {
    const { commandesEcarts } = jest.requireActual("../../src/app/commandes/ecarts");
    return (commandesEcarts as Record<string, (w: unknown, a: unknown) => Promise<unknown>>)[nom](wb, args);
  },
}));

import { Ecarts } from "../../src/taskpane/pages/Ecarts";
import { TEST_IDS } from "../../src/taskpane/testIds";

test("page Écarts : choisir le FEC, voir le format et les totaux, modifier une correspondance, écrire les feuilles", async () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <Ecarts />
    </FluentProvider>,
  );
  // Default PCG table loaded from the catalogue (no Correspondances sheet yet).
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.ecarts.correspondance(0))).toBeTruthy());
  const octets = fs.readFileSync(path.resolve(__dirname, "../fixtures/fec/production-2024.txt"));
  const fichier = new File([octets], "production-2024.txt");
  if (!("arrayBuffer" in Blob.prototype)) {
    Object.defineProperty(Blob.prototype, "arrayBuffer", {
      value(this: Blob) {
        return new Promise((ok) => {
          const r = new FileReader();
          r.onload = () => ok(r.result);
          r.readAsArrayBuffer(this);
        });
      },
    });
  }
  await act(async () => {
    fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.fichier), { target: { files: [fichier] } });
  });
  await waitFor(() =>
    expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("23 lignes importées sur 23"),
  );
  expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("FEC · séparateur tabulation · utf-8");

  // Map 611 (post-production) to the line 8.1 instead of chapter 8.
  const lignes = [...document.querySelectorAll("[data-testid^='ecarts-correspondance-']")];
  const i611 = lignes.findIndex((l) => (l.querySelector("input") as HTMLInputElement).value === "611");
  const poste = lignes[i611].querySelectorAll("input")[1];
  fireEvent.change(poste, { target: { value: "8.1" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId(TEST_IDS.ecarts.rapprocher));
  });
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.ecarts.rapport)).toBeTruthy());
  expect(screen.getByTestId(TEST_IDS.ecarts.rapport).textContent).toContain(
    "Feuilles écrites : Grand livre, Correspondances, Écarts, Coût définitif",
  );
  const gl = wb.ecrites.get("Grand livre")!;
  expect(gl.rows.filter((r) => r[4] === "611000").map((r) => r[12])).toEqual(["8.1", "8.1"]);
  const corr = wb.ecrites.get("Correspondances")!;
  expect(corr.rows.find((r) => r[0] === "611")![1]).toBe("8.1");
});
