/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage, messageSousChamp, sansResizeObserver } from "./rendu";

sansResizeObserver();

const classeur = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Nb", "Tarif", "Montant"],
    ["2.1", "Équipe technique", 1, 1, 100000, 100000],
    ["4.1", "Charges sociales", 1, 1, 50000, 50000],
  ],
});
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(classeur)(nom, args) };
});

import { BandeauProduction } from "../../src/taskpane/components/BandeauProduction";
import { Structurer } from "../../src/taskpane/pages/Structurer";
import { TEST_IDS } from "../../src/taskpane/testIds";

const saisir = (id: string, valeur: string) => fireEvent.change(screen.getByTestId(id), { target: { value: valeur } });
const sous = (id: string) => messageSousChamp(screen.getByTestId(id));

describe("bandeau Production et page Structurer : la durée et l'année passent par l'analyseur commun", () => {
  beforeEach(() => classeur.reglages.clear());

  it("« 1.500 » minutes est refusé sous le champ du bandeau et sous celui de Structurer, sans lire le devis", async () => {
    afficherPage(
      <>
        <BandeauProduction />
        <Structurer />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId(TEST_IDS.structurer.feuille).textContent).toContain("Budget"));
    fireEvent.click(screen.getByTestId(TEST_IDS.production.modifier));
    saisir(TEST_IDS.production.duree, "1.500");
    // Shown once the user leaves the field, not while typing.
    expect(sous(TEST_IDS.production.duree)).toBeUndefined();
    fireEvent.blur(screen.getByTestId(TEST_IDS.production.duree));
    expect(sous(TEST_IDS.production.duree)).toBe(
      "« 1.500 » : 1,5 ou 1\u202f500 minutes ? Écrivez « 1,5 » ou « 1\u202f500 ».",
    );
    saisir(TEST_IDS.production.annee, "deux mille");
    fireEvent.blur(screen.getByTestId(TEST_IDS.production.annee));
    expect(sous(TEST_IDS.production.annee)).toMatch(/« deux mille » n'est pas une année/);
    // The same context value on Structurer: « Analyser » refuses it under its own field and reads nothing.
    expect((screen.getByTestId(TEST_IDS.structurer.duree) as HTMLInputElement).value).toBe("1.500");
    fireEvent.click(screen.getByTestId(TEST_IDS.structurer.analyser));
    expect(sous(TEST_IDS.structurer.duree)).toMatch(/1,5 ou 1\u202f500 minutes \?/);
    expect(document.activeElement).toBe(screen.getByTestId(TEST_IDS.structurer.duree));
    expect(screen.queryByTestId(TEST_IDS.structurer.apercu)).toBeNull();
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
    // Written unambiguously, the duration clears both messages and the devis is read.
    saisir(TEST_IDS.structurer.duree, "1 500");
    expect(sous(TEST_IDS.structurer.duree)).toBeUndefined();
    expect(sous(TEST_IDS.production.duree)).toBeUndefined();
    fireEvent.click(screen.getByTestId(TEST_IDS.structurer.analyser));
    await screen.findByTestId(TEST_IDS.structurer.apercu);
  });
});
