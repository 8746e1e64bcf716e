/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { CLE_CONTEXTE_PRODUCTION } from "../../src/core/production/contexte";
import { tablesRegles } from "../../src/core/regles/audit";
import { versionEnVigueur } from "../../src/core/regles/table";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";

sansResizeObserver();

/**
 * The Contrôles page's « D'où vient ce chiffre ? » on a salary under its minimum: a cinema devis whose secretary is
 * paid 900 € a week, under the 916,77 € of IDCC 3097 (table idcc3097-minima in force on 1 September 2025). The use
 * cases run for real on an in-memory workbook.
 */
const classeur = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
    ["2.1", "Secrétaire de production", 10, "semaine", 900, 9000],
    // 2 × 100 ≠ 250: a finding without a tree.
    ["2.2", "Repérages", 2, "forfait", 100, 250],
    ["4.1", "Charges sociales", 1, "forfait", 5000, 5000],
  ],
});
classeur.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));
/**
 * A film declared under annexe III whose secretary is paid 800 € a week, checked on 1 June 2024: the minimum is the
 * annexe III socle + part × (annexe I − socle), read in idcc3097-annexe3's version of 1 September 2023, which lists
 * three sources (SPIAC-CGT and two Légifrance texts), and in idcc3097-minima's version of 1 April 2024 (six).
 */
const annexe3 = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
    ["2.1", "Secrétaire de production", 10, "semaine", 800, 8000],
    ["4.1", "Charges sociales", 1, "forfait", 5000, 5000],
  ],
});
annexe3.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction", annexe3097: true }));
/** The workbook the pane runs on and the date its check is pinned to (the pane checks with today's date). */
const essai = { classeur, date: "2025-09-01" };
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return {
    ...reel,
    envoyer: (nom: string, args: Record<string, unknown>) =>
      reel.creerEnvoyeur(essai.classeur)(nom, nom === "analyserDevis" ? { ...args, date: essai.date } : args),
  };
});

/** The source URLs of a rule table's version in force on `date`, in the table's order. */
const urls = (table: string, date: string) =>
  versionEnVigueur(
    tablesRegles().find((t) => t.id === table)!,
    date,
  )!.sources.map((s) => s.url);

import { BandeauProduction } from "../../src/taskpane/components/BandeauProduction";
import { sansCelluleEnTete } from "../../src/taskpane/components/ConstatsCliquables";
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { Controles } from "../../src/taskpane/pages/Controles";
import { TEST_IDS } from "../../src/taskpane/testIds";

/**
 * The page under the production banner, run on `wb` checked on `date`, once the banner's summary reads `resume` (the
 * devis detected): the list of its findings.
 */
async function listeDesControles(wb: MemoryWorkbook, date: string, resume: string | RegExp) {
  essai.classeur = wb;
  essai.date = date;
  afficherPage(
    <>
      <BandeauProduction />
      <Controles />
    </>,
  );
  const texte = () => screen.getByTestId(TEST_IDS.production.resume).textContent;
  await waitFor(() => (typeof resume === "string" ? expect(texte()).toBe(resume) : expect(texte()).toMatch(resume)));
  fireEvent.click(screen.getByTestId(TEST_IDS.controles.lancer));
  return screen.findByTestId(TEST_IDS.controles.liste);
}

describe("page Contrôles : la phrase d'un constat, sa cellule une seule fois", () => {
  it("le message ne recommence pas par la cellule que le constat montre déjà (le bouton qui la sélectionne)", async () => {
    afficherPage(<Controles />);
    fireEvent.click(screen.getByTestId(TEST_IDS.controles.lancer));
    const liste = await screen.findByTestId(TEST_IDS.controles.liste);
    const calcul = within(liste)
      .getAllByRole("button")
      .find((b) => b.textContent?.includes("Montant ≠ quantité × taux"))!;
    // The core's message opens with « Budget!F3 « Repérages » : … »: the pane reads the sentence, the cell under it.
    expect(calcul.textContent).toMatch(
      /^Erreur\u00a0: Montant ≠ quantité × taux«\sRepérages\s»\s: le montant 250,00\u00a0€ .*\(écart 50,00\u00a0€\)\.Budget!F3$/,
    );
    expect(calcul.textContent?.split("Budget!F3")).toHaveLength(2);
  });

  it("seule la cellule du constat, en tête, est retirée ; une autre cellule ou un constat sans cellule restent entiers", () => {
    expect(sansCelluleEnTete("'Plan fin.'!B2 : le coût indiqué diffère.", "'Plan fin.'!B2")).toBe(
      "Le coût indiqué diffère.",
    );
    // Quotes, « $ » and case do not make another cell.
    expect(sansCelluleEnTete("'Budget Gardiens'!$G$53 « Kit son HF » : écart.", "'budget gardiens'!G53")).toBe(
      "« Kit son HF » : écart.",
    );
    expect(sansCelluleEnTete("Budget!F3 « Repérages » : écart.", "'Budget'!F3")).toBe("« Repérages » : écart.");
    for (const [message, cellule] of [
      ["'Plan fin.'!B2 : le coût indiqué diffère.", "'Plan fin.'!C13"],
      ["'Plan fin.'!B2 : le coût indiqué diffère.", undefined],
      ["Reste à financer : 4 509,13 € ('Plan fin.'!C13).", "'Plan fin.'!C13"],
      ["'Plan fin.'!B20 : autre ligne.", "'Plan fin.'!B2"],
    ] as const)
      expect(sansCelluleEnTete(message, cellule)).toBe(message);
  });
});

describe("page Contrôles : « D'où vient ce chiffre ? » d'un salaire sous le minimum", () => {
  it("le bouton sous le constat ouvre son arbre : le minimum de la grille, sa source, les cellules de la ligne", async () => {
    const liste = await listeDesControles(classeur, "2025-09-01", "Budget · Fiction");
    const constats = within(liste).getAllByRole("listitem");
    // Only the salary's finding opens a tree.
    expect(constats.length).toBeGreaterThan(1);
    const boutons = liste.querySelectorAll("[data-testid^='controles-explication-']");
    expect(boutons).toHaveLength(1);
    expect(boutons[0].textContent).toBe("D'où vient ce chiffre\u202f?");
    const i = constats.findIndex((c) => c.textContent?.includes("Salaire sous le minimum conventionnel"));
    const bouton = screen.getByTestId(TEST_IDS.controles.explication(i));
    expect(bouton.tagName).toBe("BUTTON");
    expect(bouton.getAttribute("aria-expanded")).toBe("false");
    // Its description names the line (the pane's own typography pass, veillerTypographie, is not run here), so that two findings' buttons are told apart.
    await waitFor(() =>
      expect(document.getElementById(bouton.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
        "D'où vient ce chiffre\u202f? (Manque au minimum par semaine, 2.1 « Secrétaire de production »)",
      ),
    );
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();

    fireEvent.click(bouton);
    const panneau = screen.getByTestId(IDS_TRACE.panneau);
    expect(bouton.getAttribute("aria-expanded")).toBe("true");
    // Right under its finding.
    expect(constats[i].contains(panneau)).toBe(true);
    // 916,77 − 900,00 = 16,77 € a week, the grid's figure with its table in French, its version and its source.
    expect(panneau.textContent).toContain("Manque au minimum par semaine");
    expect(panneau.textContent).toContain("16,77\u00a0€");
    expect(panneau.textContent).toContain("Minimum hebdomadaire de la fonction « Secrétaire de production »");
    expect(panneau.textContent).toContain("916,77\u00a0€");
    const regle = within(panneau).getByTestId(IDS_TRACE.regle);
    expect(regle.textContent).toContain("version du 1er\u00a0avril\u00a02024");
    // The version lists six sources: all of them, as links, in the table's order (Légifrance first).
    const sources = within(regle).getAllByRole("link");
    expect(sources.map((a) => a.getAttribute("href"))).toEqual(urls("idcc3097-minima", "2025-09-01"));
    expect(sources[0].getAttribute("href")).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    // No rule id in the pane.
    expect(panneau.textContent).not.toMatch(/idcc3097-minima|salaire-minimum/);

    // The pay from the line's rate cell (900 € a week), a link that selects it in Excel; the line's amount cell is named
    // in the comparison.
    expect(panneau.textContent).toContain("Payé par semaine900,00\u00a0€= taux de la ligne");
    expect(panneau.textContent).toContain("9\u202f000,00\u00a0€ (Budget!F2) < minimum 9\u202f167,70\u00a0€");
    const cellules = within(panneau).getAllByTestId(IDS_TRACE.cellule);
    expect(cellules.map((c) => c.textContent)).toEqual(["Budget!E2", "Budget!E2"]);
    fireEvent.click(cellules[1]);
    await waitFor(() => expect(classeur.selections).toEqual(["Budget!E2"]));

    // Escape closes the tree and gives the focus back to the button.
    fireEvent.keyDown(panneau, { key: "Escape" });
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId(TEST_IDS.controles.explication(i)));
  });

  it("un minimum de l'annexe III cite toutes les sources de sa version : trois liens sous « Sources »", async () => {
    const liste = await listeDesControles(annexe3, "2024-06-01", /Annexe III/);
    const constats = within(liste).getAllByRole("listitem");
    const i = constats.findIndex((c) => c.textContent?.includes("Salaire sous le minimum conventionnel"));
    expect(constats[i].textContent).toContain("annexe III");
    fireEvent.click(screen.getByTestId(TEST_IDS.controles.explication(i)));
    const panneau = screen.getByTestId(IDS_TRACE.panneau);
    // Open every node down to the grids' figures.
    for (let n = 0; n < 10; n++) {
      const fermes = within(panneau)
        .queryAllByTestId(IDS_TRACE.deplier)
        .filter((b) => b.getAttribute("aria-expanded") === "false");
      if (!fermes.length) break;
      fermes.forEach((b) => fireEvent.click(b));
    }
    const regles = within(panneau).getAllByTestId(IDS_TRACE.regle);
    const socle = regles.find((r) => r.textContent?.includes("annexe III")) as HTMLElement;
    expect(socle).toBeDefined();
    // The annexe III version of 1 September 2023 (secondary source first: « à vérifier »), its three sources.
    const v2023 = urls("idcc3097-annexe3", "2024-06-01");
    expect(v2023).toHaveLength(3);
    expect(socle.textContent).toBe(
      "Règle\u00a0: Salaires minima de l'annexe III (films à budget limité), production cinématographique " +
        "(IDCC 3097), version du 1er\u00a0septembre\u00a02023 à vérifier " +
        "Sources\u00a0: SPIAC-CGT, « Vote sur la reconduction de l'Annexe 3 » · Légifrance KALI, IDCC 3097\u00a0(1) · " +
        "Légifrance KALI, IDCC 3097\u00a0(2)",
    );
    const liens = within(socle).getAllByTestId(IDS_TRACE.source);
    // Real links, opened outside the pane, to each source of that version, in the table's order.
    expect(liens.map((a) => a.tagName)).toEqual(["A", "A", "A"]);
    expect(liens.map((a) => a.getAttribute("href"))).toEqual(v2023);
    expect(liens.every((a) => a.getAttribute("target") === "_blank")).toBe(true);
    expect(within(socle).getAllByRole("link")).toEqual(liens);
    // Each link's full title is its description (the two Légifrance avenants told apart).
    await waitFor(() =>
      expect(
        liens.map((a) => document.getElementById(a.getAttribute("aria-describedby") ?? "")?.textContent ?? ""),
      ).toEqual([
        expect.stringMatching(/^SPIAC-CGT, « Vote sur la reconduction/),
        expect.stringMatching(/^Légifrance KALI, IDCC 3097 : avenant du 25 octobre 2019/),
        expect.stringMatching(/^Légifrance KALI, IDCC 3097 : avenant du 25 février 2022/),
      ]),
    );
    // The line of sources is a block of its own that wraps anywhere (the pane is 320 px wide).
    const ligne = liens[0].closest("span[class]:not(a)") as HTMLElement;
    expect(getComputedStyle(ligne).display).toBe("block");
    expect(getComputedStyle(ligne).overflowWrap).toBe("anywhere");
    // Annexe I's grid, in the same tree, cites its own version's six sources.
    const annexe1 = regles.find((r) =>
      r.textContent?.includes("production cinématographique (IDCC 3097), version du 1er\u00a0avril"),
    );
    expect(
      within(annexe1 as HTMLElement)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(urls("idcc3097-minima", "2024-06-01"));
    expect(panneau.textContent).not.toMatch(/idcc3097|https?:/);
  });
});

describe("page Contrôles : « Détails et sources », les tables lues par les contrôles", () => {
  it("la grille IDCC 3097 en vigueur le 1er septembre 2025, nommée en français avec sa version, sans identifiant", async () => {
    await listeDesControles(classeur, "2025-09-01", "Budget · Fiction");
    const details = screen.getByTestId(TEST_IDS.controles.details);
    fireEvent.click(within(details).getByRole("button", { name: "Détails et sources" }));
    const textes = await within(details).findAllByTestId("texte-applique");
    expect(textes).toHaveLength(2);
    expect(textes[0].textContent).toContain(
      "Salaires minima, production cinématographique (IDCC 3097), version du 1er\u00a0avril\u00a02024",
    );
    // The version at M carries its written badge; no table id in the pane.
    expect(within(textes[0]).getByTestId("badge-a-verifier").textContent).toBe("à vérifier");
    expect(details.textContent).not.toContain("idcc3097-minima");
    // The CNC nomenclature the devis was structured with (chapters, keywords), its confidence M and its sources.
    expect(textes[1].textContent).toContain("Nomenclature du devis CNC, version du 1er\u00a0janvier\u00a02000");
    expect(within(textes[1]).getByTestId("badge-a-verifier").textContent).toBe("à vérifier");
    expect(
      within(textes[1])
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual(urls("nomenclature-cnc", "2025-09-01"));
    expect(details.textContent).not.toContain("nomenclature-cnc");
  });
});

/**
 * A cinema devis dated before the artists' grid (1 January 2022): its artist line is not compared to a minimum, an
 * info under its own title, never « Salaire sous le minimum conventionnel ».
 */
const avantGrille = new MemoryWorkbook({
  Budget: [
    ["Code", "Désignation", "Qté", "Unité", "Tarif", "Montant"],
    ["3.1", "Seconds rôles", 2, "jour", 350, 700],
    ["4.1", "Charges sociales", 1, "forfait", 500, 500],
  ],
});
avantGrille.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ oeuvre: "cinema", genre: "fiction" }));

describe("page Contrôles : grille des artistes inconnue à la date du devis", () => {
  it("l'information a son propre titre, pas celui d'un salaire sous le minimum", async () => {
    const liste = await listeDesControles(avantGrille, "2021-06-01", "Budget · Fiction");
    const constats = within(liste).getAllByRole("listitem");
    const inconnue = constats.filter((c) => c.textContent?.includes("Grille des minima inconnue à cette date"));
    expect(inconnue).toHaveLength(1);
    expect(inconnue[0].textContent).toMatch(/^Information\u00a0: Grille des minima inconnue à cette date/);
    expect(inconnue[0].textContent).toContain("artistes-interprètes, grille non connue à cette date");
    expect(liste.textContent).not.toContain("Salaire sous le minimum conventionnel");
    expect(liste.textContent).not.toContain("grille-minima-inconnue");
  });
});
