/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { COL, ENTETES_ACTIVITES } from "../../src/core/carbone/colonnes";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";
import { afficherPage, sansResizeObserver } from "./rendu";
import * as fs from "fs";
import * as path from "path";
import { TextDecoder as TD, TextEncoder as TE } from "util";
import { lireFec } from "../../src/core/comptabilite/fec";
import type { Correspondance } from "../../src/core/comptabilite/correspondances";
import { executerBilanCarbone } from "../../src/app/commandes/carbone";
import { lireCsvCorrespondances } from "../../src/app/commandes/ecarts";
import type { Constat } from "../../src/core/controles/constat";
import { titreConstat } from "../../src/core/controles/titres";
import { useProduction } from "../../src/taskpane/production";
import { CLE_CONTEXTE_PRODUCTION } from "../../src/core/production/contexte";

// jsdom lacks the encoding API the FEC reader uses (browsers and workers have it).
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TD, TextEncoder: globalThis.TextEncoder ?? TE });

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
import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";

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
  // The parameters folded under the total: the plan de travail field left on « Détection automatique » is said so.
  const bascule = screen.getByTestId(IDS_CARBONE.parametres);
  expect(bascule.getAttribute("aria-expanded")).toBe("false");
  expect(bascule.textContent?.replace(/\s+/g, " ")).toMatch(/ · plan de travail : détection automatique — Modifier$/);
  expect(screen.getByTestId(`${IDS_CARBONE.parametres}-champs`).hidden).toBe(true);
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

/** Issue 13: a failed request leaves no old figure reading as its answer. */
test("erreur sur une feuille qui n'est pas un plan de travail : le résultat d'avant est dit « Résultat précédent », avec son plan", async () => {
  const jours = ["12", "13", "14"].map((j) => `2026-05-${j}`);
  const { unmount } = await estimer({
    PDT: [
      ["Date", "Nom", "Fonction", "Début", "Fin", "Lieu"],
      ...jours.map((d) => [d, "A", "Cadreur", "08:00", "18:00", "Studio"]),
    ],
    Notes: [["Penser à réserver le camion"]],
  });
  expect(screen.queryByTestId(IDS_CARBONE.perime)).toBeNull();
  const total = screen.getByTestId(IDS_CARBONE.total).textContent;
  fireEvent.change(screen.getByTestId(IDS_CARBONE.planning), { target: { value: "Notes" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_CARBONE.estimer));
  });
  const perime = await screen.findByTestId(IDS_CARBONE.perime);
  expect(perime.textContent).toBe(
    "Résultat précédent — devis «\u00a0Budget\u00a0», plan de travail «\u00a0PDT\u00a0», sans réalisé\u00a0: la " +
      "dernière demande a échoué (voir le message sous les boutons), ces chiffres n'y répondent pas.",
  );
  // The error is shown (under the button), and the old figures stay below the warning, not above it.
  expect(screen.getByTestId("retour-carbone-estimer").textContent).toContain("Notes");
  const resultat = screen.getByTestId(IDS_CARBONE.resultat);
  expect(resultat.contains(screen.getByTestId(IDS_CARBONE.total))).toBe(true);
  expect(perime.compareDocumentPosition(resultat) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(screen.getByTestId(IDS_CARBONE.total).textContent).toBe(total);
  // A request that works again: its figures, no warning.
  fireEvent.change(screen.getByTestId(IDS_CARBONE.planning), { target: { value: "PDT" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId(IDS_CARBONE.estimer));
  });
  await waitFor(() => expect(screen.queryByTestId(IDS_CARBONE.perime)).toBeNull());
  unmount();
});

/** Issue 15: the définitif from the Grand livre loaded on the Écarts page, through the CLI's use case (`--fec`). */
describe("page Carbone et Grand livre chargé", () => {
  const octets = fs.readFileSync(path.resolve(__dirname, "../fixtures/fec/production-2024.txt"));
  const NOM = "production-2024.txt";
  // 616000 Primes d'assurance 1 250 € → 9.1; 613500 Locations mobilières 3 400 € → 7.1.
  const EDITEES: Correspondance[] = [
    { type: "compte", cle: "616", poste: "9.1" },
    { type: "compte", cle: "6135", poste: "7.1" },
  ];
  const DEVIS: CelluleMemoire[][] = [
    ENTETE,
    ...LIGNES,
    ["9", "ASSURANCES ET DIVERS"],
    ["9.1", "Assurance production", 1, "forfait", 1, 1200, 1200],
  ];

  /** The Écarts page's doing, in the shared context: the ledger loaded (and correspondances edited). */
  function ApresEcarts({ lignes, alertes }: { lignes?: Correspondance[]; alertes?: Constat[] }) {
    const { definirFec, modifier, definirAlertesCorrespondances } = useProduction();
    React.useEffect(() => {
      definirFec(lireFec(octets), { nom: NOM, octets: octets.length });
      if (lignes) modifier({ correspondances: lignes });
      if (alertes) definirAlertesCorrespondances(alertes);
    }, [definirFec, modifier, definirAlertesCorrespondances, lignes, alertes]);
    return <Carbone />;
  }

  const cliquer = async (id: string) =>
    act(async () => {
      fireEvent.click(screen.getByTestId(id));
    });

  test("case cochée : définitif du Grand livre, mêmes chiffres que prodbook carbone --fec, origine dite", async () => {
    wb = new MemoryWorkbook({ Budget: DEVIS });
    const { unmount } = afficherPage(<ApresEcarts lignes={EDITEES} />);
    const caseGl = await screen.findByTestId(IDS_CARBONE.grandLivre);
    expect(caseGl.closest("div")!.textContent).toContain(
      "Réalisé\u00a0: depuis le Grand livre chargé (production-2024.txt)",
    );
    // Unchecked: today's behaviour, said (no Écarts sheet here: no définitif).
    await cliquer(IDS_CARBONE.estimer);
    await waitFor(() => expect(screen.getByTestId(IDS_CARBONE.realise).textContent).toContain("Pas de réalisé"));
    expect(screen.getByTestId(IDS_CARBONE.origineRealise).textContent).toContain("feuille «\u00a0Écarts\u00a0»");
    expect(screen.getByTestId(IDS_CARBONE.categories).textContent).not.toContain("Définitif");

    fireEvent.click(caseGl);
    await cliquer(IDS_CARBONE.estimer);
    await waitFor(() => expect(screen.getByTestId(IDS_CARBONE.realise).textContent).toContain("Grand livre"));
    expect(screen.getByTestId(IDS_CARBONE.realise).textContent).toBe(
      "Réalisé\u00a0: Grand livre «\u00a0production-2024.txt\u00a0», correspondances modifiées sur la page Écarts.",
    );
    // The CLI's use case on the same ledger and correspondances: the same définitif, shown in French.
    const cli = await executerBilanCarbone(new MemoryWorkbook({ Budget: DEVIS }), {
      fec: { resultat: lireFec(octets), nom: NOM, correspondances: { comptes: EDITEES, sections: [] } },
    });
    expect(cli.bilan.definitif).not.toBeNull();
    const assurance = cli.bilan.categories.find((c) => c.activites.some((a) => a.cellule === "Budget!B9"))!;
    // 1 250 € réalisés × 77 kg/k€ = 96,25 kg.
    expect(assurance.activites.find((a) => a.cellule === "Budget!B9")!.kgCO2eDefinitif).toBe("96.25");
    const caption = screen.getByTestId(IDS_CARBONE.total).parentElement!.parentElement!.textContent;
    expect(caption).toContain(`définitif ${cli.bilan.definitif!.replace(".", ",")} t CO₂e`);
    expect(screen.getByTestId(IDS_CARBONE.categorie(assurance.code)).textContent).toContain(
      assurance.tCO2eDefinitif!.replace(".", ","),
    );
    // « D'où vient ce chiffre ? » on the définitif: the total's tree, then the category's, down to the line's réalisé.
    const panneau = () => screen.getByTestId(IDS_TRACE.panneau).textContent;
    fireEvent.click(screen.getByTestId(IDS_CARBONE.expliquerDefinitif));
    expect(panneau()).toContain("Total définitif (t CO₂e)");
    fireEvent.click(screen.getByTestId(IDS_CARBONE.expliquerCategorieDefinitif(assurance.code)));
    expect(panneau()).toContain(`${assurance.libelle}, définitif (t CO₂e)0,09625`);
    const deplier = (t: string) =>
      fireEvent.click(screen.getAllByTestId(IDS_TRACE.deplier).find((b) => b.textContent!.includes(t))!);
    deplier("Assurance production");
    deplier("Réalisé (k€ HT)");
    expect(panneau()).toMatch(/Réalisé \(€\)1\s250,00\s€= Grand Livre \(FEC\), poste 9\.1/);
    // And on the share of money ratios (the insurance is one).
    fireEvent.click(screen.getByTestId(IDS_CARBONE.expliquerPartMonetaire));
    expect(panneau()).toMatch(/^D'où vient ce chiffre.*Part ratios monétaires/);
    expect(wb.ecritures).toBe(0);
    unmount();
  });

  test("correspondances fautives : chaque ligne laissée de côté nommée, avec les comptes sans poste et le poste hors devis", async () => {
    wb = new MemoryWorkbook({ Budget: DEVIS });
    const fautives: Correspondance[] = [
      { type: "compte", cle: "616", poste: "9.1" },
      // No poste: left out of the calculation (the Écarts page marks the row).
      { type: "compte", cle: "6135", poste: "" },
      // A poste the devis does not have: used, its réalisé reaching no line of the bilan.
      { type: "compte", cle: "6411", poste: "2.9" },
    ];
    const { unmount } = afficherPage(<ApresEcarts lignes={fautives} />);
    fireEvent.click(await screen.findByTestId(IDS_CARBONE.grandLivre));
    await cliquer(IDS_CARBONE.estimer);
    const liste = await screen.findByTestId(IDS_CARBONE.controles);
    expect(screen.getByTestId(IDS_CARBONE.realise).textContent).toContain("(1\u00a0incomplète laissée de côté)");
    const titres = [...liste.querySelectorAll("li")].map((li) => li.querySelector(".fui-Text")?.textContent);
    expect(titres).toEqual(["Correspondance laissée de côté", "Comptes sans poste", "Poste absent du devis"]);
    const textes = [...liste.querySelectorAll("li")].map((li) => li.textContent);
    expect(textes[0]).toContain(
      "Correspondance n° 2\u00a0: poste vide pour «\u00a06135\u00a0». Cette correspondance est laissée de côté\u00a0: " +
        "corrigez-la sur la page Écarts.",
    );
    expect(textes[2]).toContain("il ne va à aucune ligne du bilan définitif");
    // Nothing signalled by colour alone, no rule id.
    expect(liste.textContent).toContain("Alertes");
    expect(liste.textContent).not.toMatch(/correspondance-laissee|postes-hors-devis|comptes-non-affectes/);
    expect(wb.ecritures).toBe(0);
    unmount();
  });

  test("correspondances importées d'un fichier : ses alertes (colonne ignorée) dites comme par prodbook carbone --fec", async () => {
    wb = new MemoryWorkbook({ Budget: DEVIS });
    // What the Écarts page's « Importer un fichier .csv… » reads (importerCorrespondances), then puts in the context.
    const fichier = "compte;poste;libelle;note\n616;9.1;Assurance;à revoir\n6135;7.1;Caméra;\n";
    const { table, alertes } = lireCsvCorrespondances(new TextEncoder().encode(fichier), "corr.csv");
    const { unmount } = afficherPage(<ApresEcarts lignes={[...table.comptes]} alertes={alertes} />);
    fireEvent.click(await screen.findByTestId(IDS_CARBONE.grandLivre));
    await cliquer(IDS_CARBONE.estimer);
    const liste = await screen.findByTestId(IDS_CARBONE.controles);
    const premier = liste.querySelector("li")!;
    expect(premier.querySelector(".fui-Text")!.textContent).toBe("Colonne ignorée (correspondances)");
    expect(premier.textContent).toContain(
      "corr.csv, ligne 1\u00a0: colonne «\u00a0note\u00a0» (D) ignorée\u202f; seules «\u00a0compte\u00a0», " +
        "«\u00a0poste\u00a0» et «\u00a0libellé\u00a0» sont lues.",
    );
    // The same findings as the CLI's use case given the same file.
    const cli = await executerBilanCarbone(new MemoryWorkbook({ Budget: DEVIS }), {
      fec: { resultat: lireFec(octets), nom: NOM, correspondances: table, alertes },
    });
    expect([...liste.querySelectorAll("li")].map((li) => li.querySelector(".fui-Text")!.textContent)).toEqual(
      cli.controles.map((c) => titreConstat(c.regle)),
    );
    unmount();
  });

  test("sans correspondances modifiées : celles par défaut, dites « à vérifier »", async () => {
    wb = new MemoryWorkbook({ Budget: DEVIS });
    const { unmount } = afficherPage(<ApresEcarts />);
    fireEvent.click(await screen.findByTestId(IDS_CARBONE.grandLivre));
    await cliquer(IDS_CARBONE.estimer);
    await waitFor(() =>
      expect(screen.getByTestId(IDS_CARBONE.realise).textContent).toContain(
        "correspondances par défaut de Prodbook (à vérifier)",
      ),
    );
    unmount();
  });

  test("workbook rouvert : le Grand livre n'est plus en mémoire, la page le dit et garde la feuille Écarts", async () => {
    wb = new MemoryWorkbook({ Budget: DEVIS });
    const resume = { nom: NOM, octets: octets.length, encodage: "utf-8", lignes: 23 };
    wb.reglages.set(CLE_CONTEXTE_PRODUCTION, JSON.stringify({ fec: resume }));
    const { unmount } = afficherPage(<Carbone />);
    await waitFor(() =>
      expect(screen.getByTestId(IDS_CARBONE.origineRealise).textContent).toBe(
        "Le Grand livre «\u00a0production-2024.txt\u00a0» n'est plus en mémoire\u00a0: rechargez-le sur la page " +
          "Écarts pour en tirer le définitif. Réalisé (définitif)\u00a0: feuille «\u00a0Écarts\u00a0» du classeur, " +
          "si elle existe.",
      ),
    );
    expect(screen.queryByTestId(IDS_CARBONE.grandLivre)).toBeNull();
    unmount();
  });
});
