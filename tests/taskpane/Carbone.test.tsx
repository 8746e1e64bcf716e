/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { COL, ENTETES_ACTIVITES } from "../../src/core/carbone/colonnes";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";

const ENTETE = ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"];
/** A devis renting its equipment by the week and its editing room by the month, one line already in days. */
const LIGNES: CelluleMemoire[][] = [
  ["7", "MOYENS TECHNIQUES"],
  ["7.1", "Location caméra", 3, "semaine", 1, 2500, 7500],
  ["7.2", "Location lumière (forfait semaine)", 1, "forfait", 1, 1200, 1200],
  ["7.3", "Location machinerie", 4, "jours", 1, 300, 1200],
  ["8", "POST-PRODUCTION"],
  ["8.1", "Salle de montage", 2, "mois", 1, 3000, 6000],
];

let wb = new MemoryWorkbook();
jest.mock("../../src/app/catalogue", () => jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => wb));

import { Carbone, IDS_CARBONE } from "../../src/taskpane/pages/Carbone";

beforeAll(sansResizeObserver);

async function estimer(autres: Record<string, CelluleMemoire[][]> = {}, prodbook: string[] = []) {
  wb = new MemoryWorkbook({ Budget: [ENTETE, ...LIGNES], ...autres }, { prodbook });
  const rendu = afficherPage(<Carbone />);
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_CARBONE.estimer));
  });
  await waitFor(() => expect(screen.getByTestId(IDS_CARBONE.total)).toBeTruthy());
  return rendu;
}

const lignes = (code: string) =>
  [...screen.getByTestId(IDS_CARBONE.conversions(code)).querySelectorAll("li")].map((l) => l.textContent);

test("page Carbone : semaines et mois convertis en jours d'utilisation, dits sous leur catégorie, « à vérifier »", async () => {
  const { unmount } = await estimer();
  // Each number bound to its unit by a no-break space, « : » after one too: nothing starts a line at 320 px.
  expect(lignes("materiel")).toEqual([
    "Location caméra\u00a0: 3\u00a0semaines → 15\u00a0jours d'utilisation (5\u00a0jours par semaine, à vérifier)",
    "Location lumière (forfait semaine)\u00a0: 1\u00a0semaine → 5\u00a0jours d'utilisation " +
      "(5\u00a0jours par semaine, à vérifier)",
  ]);
  expect(lignes("postproduction")).toEqual([
    "Salle de montage\u00a0: 2\u00a0mois → 40\u00a0jours d'utilisation (20\u00a0jours par mois, à vérifier)",
  ]);
  // Under the category row that counts the line; a line in days, or a category without such a line, says nothing.
  const materiel = screen.getByTestId(IDS_CARBONE.categorie("materiel"));
  expect(materiel.contains(screen.getByTestId(IDS_CARBONE.conversions("materiel")))).toBe(true);
  expect(materiel.textContent).not.toContain("Location machinerie");
  expect(screen.queryByTestId(IDS_CARBONE.conversions("transport"))).toBeNull();
  // No rule code, Paramètres key or confidence letter in the pane.
  expect(materiel.textContent).not.toMatch(/jours-par-semaine|carbone\.|confiance|\bL\b/);
  expect(wb.ecritures).toBe(0);
  unmount();
});

test("jours par semaine donnés dans la feuille Paramètres : la conversion suit, dite venir de la feuille", async () => {
  const { unmount } = await estimer({
    Paramètres: [
      ["Paramètre", "Valeur"],
      ["carbone.jours-par-semaine", 4],
    ],
  });
  expect(lignes("materiel")).toEqual([
    "Location caméra\u00a0: 3\u00a0semaines → 12\u00a0jours d'utilisation (4\u00a0jours par semaine, feuille Paramètres)",
    "Location lumière (forfait semaine)\u00a0: 1\u00a0semaine → 4\u00a0jours d'utilisation " +
      "(4\u00a0jours par semaine, feuille Paramètres)",
  ]);
  // The month keeps the table's convention.
  expect(lignes("postproduction")[0]).toContain("(20\u00a0jours par mois, à vérifier)");
  unmount();
});

test("plan de travail de 4 jours par semaine : la semaine de matériel en compte 4, dits venir du plan ; le mois reste", async () => {
  // Tue 12 to Fri 15, Mon 18 to Thu 21, Mon 25 and Tue 26 May 2026: 4, 4 and 2 shooting days.
  const jours = ["12", "13", "14", "15", "18", "19", "20", "21", "25", "26"].map((j) => `2026-05-${j}`);
  const { unmount } = await estimer({
    PDT: [
      ["Date", "Nom", "Fonction", "Début", "Fin", "Lieu"],
      ...jours.map((d) => [d, "A", "Cadreur", "08:00", "18:00", "Studio"]),
    ],
  });
  expect(lignes("materiel")).toEqual([
    "Location caméra\u00a0: 3\u00a0semaines → 12\u00a0jours d'utilisation " +
      "(4\u00a0jours de tournage par semaine, plan de travail, à vérifier)",
    "Location lumière (forfait semaine)\u00a0: 1\u00a0semaine → 4\u00a0jours d'utilisation " +
      "(4\u00a0jours de tournage par semaine, plan de travail, à vérifier)",
  ]);
  expect(lignes("postproduction")[0]).toContain("(20\u00a0jours par mois, à vérifier)");
  unmount();
});

test("quantité corrigée dans la feuille « Bilan carbone » : la conversion lue reste dite, suivie des jours retenus", async () => {
  // The user typed 12 days for the camera in the sheet Prodbook wrote before.
  const ligne: CelluleMemoire[] = [];
  ligne[COL.id] = "devis:Budget!3";
  ligne[COL.source] = "Budget!B3";
  ligne[COL.libelle] = "Location caméra";
  ligne[COL.quantiteLue] = 15;
  ligne[COL.quantite] = 12;
  ligne[COL.unite] = "jour";
  ligne[COL.facteur] = "location-materiel";
  ligne[COL.facteurPropose] = "location-materiel";
  const { unmount } = await estimer(
    { "Bilan carbone": [["Bilan carbone — pré-estimation préparée par Prodbook"], [], ENTETES_ACTIVITES, ligne] },
    ["Bilan carbone"],
  );
  expect(lignes("materiel")[0]).toBe(
    "Location caméra\u00a0: 3\u00a0semaines → 15\u00a0jours d'utilisation (5\u00a0jours par semaine, à vérifier)\u202f; " +
      "quantité corrigée dans la feuille «\u00a0Bilan carbone\u00a0»\u00a0: 12\u00a0jours",
  );
  unmount();
});
