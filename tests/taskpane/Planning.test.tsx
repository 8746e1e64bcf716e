/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage } from "./rendu";

// The page reaches the workbook only through the catalogue: route it to an in-memory workbook.
let wb = new MemoryWorkbook({
  Étapes: [
    ["Étape", "Durée (jours ouvrés)", "Dépend de"],
    ["Montage image", 10, "-"],
    ["Montage son", 5, null],
    ["Musique", 4, "Montage image"],
    ["Mixage", 3, "Montage son, Musique"],
    ["PAD", null, null],
  ],
});
jest.mock("../../src/app/catalogue", () => jest.requireActual("../helpers/catalogueMemoire").catalogueSur(() => wb));

import { CLE_CONTEXTE_PRODUCTION } from "../../src/core/production/contexte";
import { BandeauProduction } from "../../src/taskpane/components/BandeauProduction";
import { IDS_PLANNING, Planning } from "../../src/taskpane/pages/Planning";
import { TEST_IDS } from "../../src/taskpane/testIds";

/** The banner and the Planning page mounted, the production read (« Fiction »), then « Recalculer ». */
async function monterEtRecalculer(): Promise<void> {
  afficherPage(
    <>
      <BandeauProduction />
      <Planning />
    </>,
  );
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.production.resume).textContent).toContain("Fiction"));
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.recalculer));
  });
}

test("page Planning : date de livraison, recalcul, chemin critique, écriture des feuilles", async () => {
  afficherPage(<Planning />);
  // The French date picker reads a typed date when the field is left.
  fireEvent.change(screen.getByTestId(IDS_PLANNING.livraison), { target: { value: "15/05/2026" } });
  fireEvent.blur(screen.getByTestId(IDS_PLANNING.livraison));
  expect((screen.getByTestId(IDS_PLANNING.livraison) as HTMLInputElement).value).toBe("15\u00a0mai\u00a02026");
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.recalculer));
  });
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.critique).textContent).toBe(
      "Chemin critique : Montage image → Montage son → Mixage → PAD",
    ),
  );
  // Dates in French words (« 16 avril 2026 », no-break spaces); critical steps carry the word « critique ».
  const lignes = screen.getByTestId(IDS_PLANNING.etapes).querySelectorAll("[data-ligne]");
  const d = (j: string, m: string) => `${j}\u00a0${m}\u00a02026`;
  expect([...lignes].map((l) => [...l.querySelectorAll("[data-colonne]")].map((c) => c.textContent))).toEqual([
    ["Montage image", d("16", "avril"), d("29", "avril"), "10", "0"],
    ["Montage son", d("30", "avril"), d("7", "mai"), "5", "0"],
    ["Musique", d("4", "mai"), d("7", "mai"), "4", "1"],
    ["Mixage", d("11", "mai"), d("13", "mai"), "3", "0"],
    ["PAD", d("15", "mai"), d("15", "mai"), "0", "0"],
  ]);
  expect([...lignes].map((l) => /critique/.test(l.textContent ?? ""))).toEqual([true, true, false, true, true]);
  // The figures come first, in words: delivery, start, steps.
  const chiffres = [...screen.getByTestId(IDS_PLANNING.chiffres).querySelectorAll("dt, dd")].map((e) => e.textContent);
  expect(chiffres).toEqual([
    "Livraison (PAD)",
    d("15", "mai"),
    "Début de la post-production",
    d("16", "avril"),
    "Étapes",
    "5\u00a0étapes, dont 4\u00a0critiques",
  ]);
  // No plan de travail: the details say so instead of counting findings that were never looked for.
  const details = screen.getByTestId(IDS_PLANNING.details);
  fireEvent.click(details.querySelector("button")!);
  await waitFor(() => expect(details.textContent).toContain("Aucun plan de travail dans le classeur"));
  expect(details.textContent).toContain("sans les jours fériés\u00a0: Métropole.");
  expect(wb.ecritures).toBe(0);
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.ecrire));
  });
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.message).textContent).toBe(
      "Feuilles écrites\u00a0: «\u00a0Rétroplanning\u00a0».",
    ),
  );
  expect(wb.ecrites.get("Rétroplanning")?.tables?.[0].name).toBe("tblRetroplanning");
});

test("la zone des jours fériés est celle du contexte de production : relue du classeur, changée une fois pour toutes", async () => {
  // A workbook whose production context says Alsace-Moselle (saved by a colleague): the page starts from it.
  wb.reglages.set("prodbook.production", JSON.stringify({ zone: "alsace-moselle" }));
  const { unmount } = afficherPage(<Planning />);
  await waitFor(() =>
    expect((screen.getByTestId(IDS_PLANNING.zone) as HTMLSelectElement).value).toBe("alsace-moselle"),
  );
  fireEvent.change(screen.getByTestId(IDS_PLANNING.livraison), { target: { value: "15/05/2026" } });
  fireEvent.blur(screen.getByTestId(IDS_PLANNING.livraison));
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.recalculer));
  });
  const details = await screen.findByTestId(IDS_PLANNING.details);
  fireEvent.click(details.querySelector("button")!);
  await waitFor(() => expect(details.textContent).toContain("sans les jours fériés\u00a0: Alsace-Moselle."));
  // Back to métropole: saved in the workbook's settings (not a sheet), for every page and the next opening.
  fireEvent.change(screen.getByTestId(IDS_PLANNING.zone), { target: { value: "metropole" } });
  await waitFor(() => expect(JSON.parse(wb.reglages.get("prodbook.production")!)).toEqual({ zone: "metropole" }));
  unmount();
});

test("appliquer les quantités : le devis est contrôlé pour l'œuvre du contexte (cinéma : IDCC 3097), notes comprises", async () => {
  // A cinema film's devis: the sound engineer at 310 € a day for 18 days, 4 days in the plan de travail.
  const h = (t: string) => (Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) / 1440;
  wb = new MemoryWorkbook({
    Budget: [
      ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
      ["2.1", "Ingénieur du son", 18, "jour", 310, 5580],
      ["4.1", "Charges sociales", 1, "forfait", 5000, 5000],
    ],
    PDT: [
      ["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)", "Lieu", "Téléphone"],
      ...["2026-05-11", "2026-05-12", "2026-05-13", "2026-05-15"].map((d) => [
        d,
        "Anne Kerbrat",
        "Ingénieure du son",
        "IDCC 3097",
        h("09:00"),
        h("18:00"),
        60,
        "Brest",
        "06 00 00 00 02",
      ]),
    ],
  });
  wb.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
  await monterEtRecalculer();
  fireEvent.click(await screen.findByLabelText("Ingénieur du son"));
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.appliquer));
  });
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.applique).textContent).toContain("1\u00a0quantité appliquée"),
  );
  // 4 days × 310 € under IDCC 3097's minimum for the chef opérateur du son: the finding and its note, on its message.
  const controles = wb.ecrites.get("Contrôles")!;
  const ligne = controles.rows.findIndex((r) => String(r[2]).includes("« Ingénieur du son » : 310,00\u00a0€ par jour"));
  expect(String(controles.rows[ligne][2])).toContain("sous le plancher connu IDCC 3097");
  expect(controles.notes?.map((n) => n.cell)).toEqual([`C${ligne + 1}`]);
  expect(controles.notes![0].text).toMatch(/^Manque au minimum par jour, 2\.1 « Ingénieur du son » : /);
  // The plan's 4 days (18 in the producer's devis); the minimum is the grid in force today, as the pane checks it.
  expect(controles.notes![0].text).toMatch(/ = 4\u00a0jours × [\d\u202f]+,\d\d\u00a0€ \(IDCC 3097\)\n/);
  expect(controles.notes![0].text).toContain("Règle : idcc3097-minima, en vigueur au ");
});

test("après un rechargement du volet, « Recalculer » dit « appliquée » la ligne déjà appliquée, sans case à cocher", async () => {
  // The workbook of the test above, the Devis sheet written by its « Appliquer »: the pane mounted anew.
  expect(wb.ecrites.get("Devis")).toBeDefined();
  await monterEtRecalculer();
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.propositionAppliquee(0)).textContent).toBe(
      "Ingénieur du son : appliquée (4\u00a0j)",
    ),
  );
  expect(screen.queryByLabelText("Ingénieur du son")).toBeNull();
});

test("le plan change après « Appliquer » : la ligne est « à mettre à jour » (4 j → 5 j), cochée elle est écrite", async () => {
  // The workbook above, its Devis sheet written with the sound engineer's 4 days; a fifth day on the plan since.
  const devis = wb.ecrites.get("Devis")!;
  const budget = (await wb.readSheet("Budget"))!.rows.map((r) => r.map((c) => c.v));
  const pdt = (await wb.readSheet("PDT"))!.rows.map((r) => r.map((c) => c.v));
  wb = new MemoryWorkbook({ Budget: budget, PDT: [...pdt, ["2026-05-14", ...pdt[1].slice(1)]] });
  wb.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
  await wb.writeSheets([devis]);
  await monterEtRecalculer();
  const maj = await screen.findByTestId(IDS_PLANNING.propositionAMettreAJour(0));
  expect(maj.textContent).toBe(
    "Ingénieur du son : à mettre à jour (feuille Devis de Prodbook\u00a0: 4\u00a0j → 5\u00a0j)",
  );
  expect(screen.queryByTestId(IDS_PLANNING.propositionAppliquee(0))).toBeNull();
  fireEvent.click(screen.getByRole("checkbox"));
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.appliquer));
  });
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.propositionAppliquee(0)).textContent).toBe(
      "Ingénieur du son : appliquée (5\u00a0j)",
    ),
  );
  const ligne = wb.ecrites.get("Devis")!.rows.find((r) => r.includes("Ingénieur du son"))!;
  expect(ligne[3]).toBe(5);
});

test("non cochée, une ligne « à mettre à jour » reprend la quantité du devis : « Appliquer » le dit, avec les deux", async () => {
  // The workbook above, its Devis sheet with the sound engineer's 5 days; a sixth day on the plan since, and a chef
  // opérateur in the devis and the plan (the line ticked now).
  const devis = wb.ecrites.get("Devis")!;
  const budget = (await wb.readSheet("Budget"))!.rows.map((r) => r.map((c) => c.v));
  const pdt = (await wb.readSheet("PDT"))!.rows.map((r) => r.map((c) => c.v));
  wb = new MemoryWorkbook({
    Budget: [...budget.slice(0, 2), ["2.2", "Chef opérateur", 18, "jour", 350, 6300], ...budget.slice(2)],
    PDT: [
      ...pdt,
      ["2026-05-18", ...pdt[1].slice(1)],
      ["2026-05-18", "Yann Le Goff", "Chef opérateur", ...pdt[1].slice(3)],
    ],
  });
  wb.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
  await wb.writeSheets([devis]);
  await monterEtRecalculer();
  const maj = await screen.findByTestId(IDS_PLANNING.propositionAMettreAJour(0));
  expect(maj.textContent).toBe(
    "Ingénieur du son : à mettre à jour (feuille Devis de Prodbook\u00a0: 5\u00a0j → 6\u00a0j)",
  );
  fireEvent.click(await screen.findByLabelText("Chef opérateur"));
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_PLANNING.appliquer));
  });
  await waitFor(() =>
    expect(screen.getByTestId(IDS_PLANNING.applique).textContent).toContain(
      "Ingénieur du son : la feuille Devis de Prodbook portait 5\u00a0j ; sans case cochée, elle reprend la quantité " +
        "de votre devis (18\u00a0j).",
    ),
  );
  const lignes = wb.ecrites.get("Devis")!.rows;
  expect(lignes.find((r) => r.includes("Ingénieur du son"))![3]).toBe(18);
  expect(lignes.find((r) => r.includes("Chef opérateur"))![3]).toBe(1);
  // Back to the producer's quantity: proposed again with its box, not « appliquée ».
  await waitFor(() => expect(screen.getByLabelText("Ingénieur du son")).toBeDefined());
});
