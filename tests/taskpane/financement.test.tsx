/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook, CelluleMemoire } from "../helpers/memoryWorkbook";
import { LIGNES_CINEMA, LIGNES_DEVIS_CINEMA } from "../core/financement/plans";
import { afficherPage, messageSousChamp, sansResizeObserver } from "./rendu";

sansResizeObserver();

// Dates as ISO text, formulas with their cached value: what the adapters hand to the core.
const memoire = (lignes: typeof LIGNES_CINEMA) =>
  lignes.map((l) =>
    l.map((v) =>
      v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === "object" ? { f: v.formula, v: v.result } : v,
    ),
  ) as CelluleMemoire[][];
const plan = memoire(LIGNES_CINEMA);
let classeur = new MemoryWorkbook({ "Plan de financement": plan });
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(classeur)(nom, args) };
});

import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { IDS_TEXTES } from "../../src/taskpane/components/TextesAppliques";
import { Financement, IDS_FINANCEMENT } from "../../src/taskpane/pages/Financement";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { creerEnvoyeur } from "../../src/app/catalogue";
import type { ApercuFinancement } from "../../src/app/commandes/financement";
import { eurosToCents, formatMontantFr } from "../../src/core/money";
import { moisFr } from "../../src/taskpane/francais";

const afficher = () => afficherPage(<Financement />);
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
    // The finding shows its French title, never its code.
    expect(screen.getByTestId(IDS_FINANCEMENT.constat(0)).textContent).toContain("Intensité des aides publiques");
    expect(screen.getByTestId(IDS_FINANCEMENT.constat(0)).textContent).not.toContain("intensite-aides-publiques");
    expect(classeur.ecritures).toBe(0);
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.creer));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.succes).textContent).toContain(
        "«\u00a0Plan de financement (Prodbook)\u00a0»",
      ),
    );
    expect([...classeur.ecrites.keys()]).toEqual([
      "Listes financement",
      "Plan de financement (Prodbook)",
      "Échéancier",
    ]);
  });

  it("« D'où vient ce chiffre ? » : la part des aides publiques, jusqu'aux cellules des sources et à la règle", async () => {
    classeur.selections.length = 0;
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    saisir(IDS_FINANCEMENT.cout, "2 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    const part = await screen.findByTestId(IDS_FINANCEMENT.expliquerIntensite);
    await waitFor(() => expect(part.tagName).toBe("BUTTON"));
    fireEvent.click(part);
    const panneau = screen.getByTestId(IDS_TRACE.panneau);
    expect(panneau.textContent).toContain("Intensité des aides publiques");
    expect(panneau.textContent).toContain("= aides publiques ÷ coût ; plafond 50 %");
    expect(within(panneau).getByTestId(IDS_TRACE.regle).textContent).toContain(
      "Plafonds d'intensité des aides publiques",
    );
    expect(panneau.textContent).not.toContain("intensite-aides");
    fireEvent.click(within(panneau).getAllByTestId(IDS_TRACE.deplier)[1]);
    const cellule = within(panneau).getAllByTestId(IDS_TRACE.cellule)[0];
    expect(cellule.textContent).toMatch(/^'?Plan de financement'?!\$?[A-Z]+\$?\d+$/);
    fireEvent.click(cellule);
    await waitFor(() => expect(classeur.selections).toEqual([cellule.textContent]));
  });

  it("sans régime choisi, l'œuvre est audiovisuelle comme au Crédit d'impôt ; sa dérogation est l'œuvre difficile, pas le premier film", async () => {
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    // The same default as the Crédit d'impôt page's régime (Audiovisuel), never « Cinéma » on one page and not the other.
    expect((screen.getByTestId(IDS_FINANCEMENT.oeuvre) as HTMLSelectElement).value).toBe("audiovisuel");
    expect(screen.queryByTestId(IDS_FINANCEMENT.premierFilm)).toBeNull();
    saisir(IDS_FINANCEMENT.cout, "2 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    // 1 050 000 € of public aid on 2 000 000 €: 52,50 %, over the general 50 %.
    await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.resultat).textContent).toContain("(plafond 50,00"));
    // The ceiling comes from a table read in secondary sources (confidence M): « à vérifier » beside it.
    const badge = within(screen.getByTestId(IDS_FINANCEMENT.resultat)).getAllByTestId(IDS_TEXTES.aVerifier)[0];
    expect(badge.closest("dt")?.textContent).toMatch(
      /^Intensité des aides publiques \(plafond 50,00\s%\)\s*à vérifier$/,
    );
    // Declared « œuvre difficile » (art. D331-17): 60 %, said with its reason.
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.oeuvreDifficile));
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.resultat).textContent).toContain("(plafond 60,00"));
    // The ceiling's reason, among the plan's findings (after the headline and the folded parameters).
    expect(screen.getByRole("region", { name: "Financement" }).textContent).toContain("œuvre difficile (innovante");
    // Cinema: the first or second film instead.
    saisir(IDS_FINANCEMENT.oeuvre, "cinema");
    expect(screen.queryByTestId(IDS_FINANCEMENT.oeuvreDifficile)).toBeNull();
    expect(screen.getByTestId(IDS_FINANCEMENT.premierFilm)).toBeTruthy();
  });

  it("refuse sous le champ un coût ambigu ou illisible, sans lancer la vérification", async () => {
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    const champ = screen.getByTestId(IDS_FINANCEMENT.cout);
    const refus = async (saisie: string, attendu: RegExp) => {
      saisir(IDS_FINANCEMENT.cout, saisie);
      fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
      expect(messageSousChamp(champ)).toMatch(attendu);
      // The action did not run: no result, no error box, the field has the focus.
      expect(screen.queryByTestId(IDS_FINANCEMENT.resultat)).toBeNull();
      expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
      expect(document.activeElement).toBe(champ);
    };
    // « 3.500 » is 3,50 € or 3 500 €: both readings named, neither chosen.
    await refus("3.500", /^« 3\.500 » : 3,50\u00a0€ ou 3\u202f500\u00a0€ \? Écrivez « 3,5 » ou « 3\u202f500 »\.$/);
    await refus("trois millions", /« trois millions » n'est pas un montant en euros/);
    await refus("0", /Un montant supérieur à 0 est attendu/);
    await refus("1234567890123456789", /dépasse la limite de Prodbook/);
    await refus("12,345", /12,345\u00a0€ ou 12\u202f345\u00a0€ \?/);
    // An unambiguous cost clears the message and runs the check.
    saisir(IDS_FINANCEMENT.cout, "2 000 000");
    expect(messageSousChamp(champ)).toBeUndefined();
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.reste).textContent).toBe("1\u202f000\u202f000,00\u00a0€"),
    );
  });

  it("crédit d'impôt cinéma ajouté au plan : la langue choisie fixe le taux (30 % en français, 20 % sinon)", async () => {
    // The plan without its « Crédit d'impôt cinéma » line (row 19), and the « Budget » devis (base 2 850 000 €).
    classeur = new MemoryWorkbook({
      "Plan de financement": memoire(LIGNES_CINEMA.filter((_, i) => i !== 18)),
      Budget: memoire(LIGNES_DEVIS_CINEMA),
    });
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.devis).textContent).toContain("Budget"));
    saisir(IDS_FINANCEMENT.devis, "Budget");
    saisir(IDS_FINANCEMENT.oeuvre, "cinema");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.premierFilm));
    expect(screen.queryByTestId(IDS_FINANCEMENT.langue)).toBeNull();
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.creditImpot));
    const total = async (attendu: string) => {
      fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
      await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.expliquerTotal).textContent).toContain(attendu));
    };
    saisir(IDS_FINANCEMENT.langue, "francais");
    // Base 2 850 000 € capped at 80 % of the 3 000 000 € devis = 2 400 000 € (220 sexies III-3).
    await total("3\u202f470\u202f000,00"); // 2 750 000 + 30 % × 2 400 000
    saisir(IDS_FINANCEMENT.langue, "etrangere");
    await total("3\u202f230\u202f000,00"); // 2 750 000 + 20 % × 2 400 000
  });

  it("plan introuvable : l'erreur ne cite aucune option de la ligne de commande et propose de choisir la feuille", async () => {
    // A plan whose header names no financeur, on a sheet whose name says nothing: not recognised on its own.
    const sansFinanceur = memoire(LIGNES_CINEMA.map((l, i) => (i === 3 ? ["Ligne", "Nature", "Montant (€)"] : l)));
    classeur = new MemoryWorkbook({ Notes: [["Tournage en mars"]], Feuil2: sansFinanceur });
    afficher();
    await waitFor(() => expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Feuil2"));
    saisir(IDS_FINANCEMENT.cout, "3 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    const erreur = await screen.findByTestId(TEST_IDS.erreur);
    expect(erreur.textContent).toContain("Aucune feuille ne ressemble à un plan de financement");
    expect(erreur.textContent).toContain("Choisissez la feuille du plan de financement.");
    expect(erreur.textContent).not.toMatch(/--/);
    // The action is right there: choosing the sheet runs the check again with it.
    saisir(IDS_FINANCEMENT.feuilleErreur, "Feuil2");
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.resultat).textContent).toContain("Plan «\u00a0Feuil2\u00a0»"),
    );
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
    expect(screen.queryByTestId(IDS_FINANCEMENT.feuilleErreur)).toBeNull();
    expect((screen.getByTestId(IDS_FINANCEMENT.feuille) as HTMLSelectElement).value).toBe("Feuil2");
  });
  it("« D'où vient ce chiffre ? » : la durée du seuil « petit budget » est celle lue dans le classeur, avec sa cellule", async () => {
    // A devis whose title writes the duration (« 52' »): the production context detects it in 'Devis'!A1.
    classeur = new MemoryWorkbook({
      "Plan de financement": plan,
      Devis: [["Documentaire 52'"], [], ["Code", "Désignation", "Montant"], ["1", "Droits d'auteur", 1000]],
    });
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    saisir(IDS_FINANCEMENT.cout, "2 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    const part = await screen.findByTestId(IDS_FINANCEMENT.expliquerIntensite);
    await waitFor(() => expect(part.tagName).toBe("BUTTON"));
    fireEvent.click(part);
    // 100 000 € per hour × 52 min: the threshold's duration comes from that cell, not « durée saisie ».
    expect(screen.getByTestId(IDS_TRACE.panneau).textContent).toMatch(
      /seuil «\s?petit budget\s?» pour 52 min, durée lue dans le classeur \(Devis!A1\)/,
    );
  });

  it("« Échéancier mois par mois » : chaque mois du JSON, ses montants, le badge du besoin maximal et les apports hors échéancier", async () => {
    classeur = new MemoryWorkbook({ "Plan de financement": plan });
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    saisir(IDS_FINANCEMENT.cout, "3 000 000");
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    const section = await screen.findByTestId(IDS_FINANCEMENT.echeancier);
    // Closed by default: the months show once the section is opened.
    expect(screen.queryByTestId(IDS_FINANCEMENT.mois(0))).toBeNull();
    fireEvent.click(within(section).getByRole("button", { name: "Échéancier mois par mois" }));
    // The same app call as the page: its JSON months, in order, with their French labels and amounts.
    const attendu = (await creerEnvoyeur(classeur)("analyserFinancement", {
      feuille: "Plan de financement",
      cout: eurosToCents("3000000"),
      typeOeuvre: "audiovisuel",
      premierOuDeuxiemeFilm: false,
    })) as ApercuFinancement;
    const e = attendu.echeancier;
    expect(e.mois.length).toBeGreaterThan(2);
    const m = (s: string) => formatMontantFr(eurosToCents(s));
    e.mois.forEach((mo, i) => {
      const ligne = within(section).getByTestId(IDS_FINANCEMENT.mois(i));
      expect(ligne.textContent).toContain(moisFr(mo.mois));
      expect(ligne.textContent).toContain(`Encaissements${m(mo.encaissements)}`);
      expect(ligne.textContent).toContain(`Dépenses${m(mo.depenses)}`);
      expect(ligne.textContent).toContain(`Cumul${m(mo.cumul)}`);
    });
    expect(within(section).queryByTestId(IDS_FINANCEMENT.mois(e.mois.length))).toBeNull();
    // Anchor: February 2026 receives the producer's cash contribution (150 000 € on 1 February).
    expect(e.mois[0].mois).toBe("2026-02");
    const fevrier = within(section).getByTestId(IDS_FINANCEMENT.mois(0));
    expect(fevrier.textContent).toMatch(/^février\u00a02026/);
    expect(fevrier.textContent).toContain("Encaissements150\u202f000,00\u00a0€");
    // Each month's payments stay closed until asked for; they add up to its encaissements.
    expect(within(section).queryByTestId(IDS_FINANCEMENT.versements(0))).toBeNull();
    e.mois.forEach((mo, i) => {
      const bouton = within(section).queryByTestId(IDS_FINANCEMENT.deplierMois(i));
      if (!mo.versements.length) return expect(bouton).toBeNull();
      expect(bouton?.getAttribute("aria-expanded")).toBe("false");
      fireEvent.click(bouton as HTMLElement);
      expect(bouton?.getAttribute("aria-expanded")).toBe("true");
      const liste = within(section).getByTestId(IDS_FINANCEMENT.versements(i));
      expect(bouton?.getAttribute("aria-controls")).toBe(liste.id);
      expect(within(liste).getAllByRole("listitem")).toHaveLength(mo.versements.length);
      const somme = mo.versements.reduce((t, v) => t + eurosToCents(v.montant), 0);
      expect(somme).toBe(eurosToCents(mo.encaissements));
    });
    // Anchor: February's one payment, the producer's cash on 1 February 2026, read in its amount's cell.
    expect(screen.getByTestId(IDS_FINANCEMENT.deplierMois(0)).textContent).toBe("Masquer le versement");
    const apport = screen.getByTestId(IDS_FINANCEMENT.versement(0, 0));
    expect(apport.textContent).toBe(
      "Les Films de l'Estran150\u202f000,00\u00a0€1er\u00a0février\u00a02026 · 'Plan de financement'!C6",
    );
    // Its cell selects it in Excel, through the app layer like every cell of the pane.
    classeur.selections.length = 0;
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.celluleVersement(0, 0)));
    await waitFor(() => expect(classeur.selections).toEqual(["'Plan de financement'!C6"]));
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.deplierMois(0)));
    expect(screen.queryByTestId(IDS_FINANCEMENT.versements(0))).toBeNull();
    // Each month's cumul opens « D'où vient ce chiffre ? »: the previous month's + the month's solde, the solde =
    // encaissements (each payment with its cell, which selects it) − dépenses.
    e.mois.forEach((mo, i) =>
      expect(within(section).getByTestId(IDS_FINANCEMENT.expliquerMois(i)).textContent).toBe(m(mo.cumul)),
    );
    const mars = within(section).getByTestId(IDS_FINANCEMENT.expliquerMois(1));
    expect(mars.tagName).toBe("BUTTON");
    fireEvent.click(mars);
    expect(mars.getAttribute("aria-expanded")).toBe("true");
    const arbre = screen.getByTestId(IDS_TRACE.panneau);
    expect(within(arbre).getAllByTestId(IDS_TRACE.noeud)[0].textContent).toMatch(
      /^Trésorerie cumulée à fin mars\u00a02026242\u202f857,14\u00a0€= trésorerie cumulée à fin février\u00a02026 \+ solde du mois/,
    );
    fireEvent.click(
      within(arbre)
        .getAllByTestId(IDS_TRACE.deplier)
        .find((b) => /^Solde de mars/.test(b.textContent!))!,
    );
    fireEvent.click(
      within(arbre)
        .getAllByTestId(IDS_TRACE.deplier)
        .find((b) => /^Encaissements de mars/.test(b.textContent!))!,
    );
    classeur.selections.length = 0;
    fireEvent.click(within(arbre).getByText("'Plan de financement'!C15"));
    await waitFor(() => expect(classeur.selections).toEqual(["'Plan de financement'!C15"]));
    fireEvent.click(mars);
    expect(screen.queryByTestId(IDS_TRACE.panneau)).toBeNull();
    // The badge, in words, on the month(s) whose need is the largest, and on no other.
    expect(eurosToCents(e.besoinMaximal)).toBeGreaterThan(0);
    const pires = e.mois.flatMap((mo, i) => (mo.besoin === e.besoinMaximal ? [i] : []));
    expect(pires.length).toBeGreaterThan(0);
    const badges = within(section).getAllByTestId(IDS_FINANCEMENT.besoinMaximal);
    expect(badges.map((b) => b.textContent)).toEqual(pires.map(() => "besoin maximal"));
    expect(badges.map((b) => b.closest("li")?.getAttribute("data-testid"))).toEqual(pires.map(IDS_FINANCEMENT.mois));
    // Anchor: the need peaks in February 2026 (53 571,43 €); February 2027 has a smaller need, and no badge.
    expect(pires).toEqual([0]);
    expect(e.besoinMaximal).toBe("53571.43");
    const fevrier2027 = e.mois.findIndex((mo) => mo.mois === "2027-02");
    expect(eurosToCents(e.mois[fevrier2027].besoin)).toBeGreaterThan(0);
    const ligne2027 = within(section).getByTestId(IDS_FINANCEMENT.mois(fevrier2027));
    expect(within(ligne2027).queryByTestId(IDS_FINANCEMENT.besoinMaximal)).toBeNull();
    const cumuls = e.mois.map((mo) => eurosToCents(mo.cumul));
    expect(eurosToCents(e.mois[pires[0]].cumul)).toBe(Math.min(...cumuls));
    // The two mises en participation (60 000 + 90 000 €) are no cash: said outside the échéancier, with their count.
    expect(within(section).getByTestId(IDS_FINANCEMENT.horsEcheancier).textContent).toBe(
      "Hors échéancier\u00a0: 2\u00a0apports non numéraires (150\u202f000,00\u00a0€).",
    );
    // Ciné+'s payment without its date: counted off the échéancier too.
    classeur = new MemoryWorkbook({
      "Plan de financement": memoire(LIGNES_CINEMA.map((l, i) => (i === 12 ? l.slice(0, 5) : l))),
    });
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.horsEcheancier).textContent).toBe(
        "Hors échéancier\u00a0: 1\u00a0versement sans date (100\u202f000,00\u00a0€) et " +
          "2\u00a0apports non numéraires (150\u202f000,00\u00a0€).",
      ),
    );
  });

  it("sans aucun mois (aucune date de versement, aucun coût), pas de section « Échéancier mois par mois »", async () => {
    classeur = new MemoryWorkbook({ "Plan de financement": memoire(LIGNES_CINEMA.map((l) => l.slice(0, 5))) });
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_FINANCEMENT.feuille).textContent).toContain("Plan de financement"),
    );
    fireEvent.click(screen.getByTestId(IDS_FINANCEMENT.verifier));
    await screen.findByTestId(IDS_FINANCEMENT.resultat);
    expect(screen.getByTestId(IDS_FINANCEMENT.details)).toBeTruthy();
    expect(screen.queryByTestId(IDS_FINANCEMENT.echeancier)).toBeNull();
    expect(screen.getByTestId(IDS_FINANCEMENT.resultat).textContent).not.toContain("Échéancier mois par mois");
  });
});
