/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
// Loaded with the test file rather than on the first command (the catalogue imports them on demand).
import "../../src/app/commandes";

class ResizeObserverInerte {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverInerte;

const classeur = new MemoryWorkbook({
  Paramètres: [
    ["Paramètre", "Valeur"],
    ["credit-impot.cinema.taux", "25 %"],
    ["taux-tva", "20 %"],
    // A number cell: shown in French (« −0,25 », minus sign U+2212), never as JavaScript writes it (« -0.25 »).
    ["ecarts.seuil", -0.25],
    // 720 hours a day: the planning refuses it naming B5; the page says so, never « remplacé par le classeur ».
    ["temps-de-travail.2642.duree-quotidienne-max", 720],
    // A typo in the prefix: read by nothing, listed with the key it most likely meant.
    ["credit-impt.cinema.taux", "30 %"],
  ],
});
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(classeur)(nom, args) };
});

import { IDS_SOURCES, Sources } from "../../src/taskpane/pages/Sources";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { tablesRegles } from "../../src/core/regles/audit";

const afficher = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Sources />
    </FluentProvider>,
  );

describe("page Sources", () => {
  it("liste les barèmes du jour : liens vers les sources dans une nouvelle fenêtre, « à vérifier » et son motif, surcharges", async () => {
    afficher();
    await waitFor(() =>
      expect(screen.getByTestId(IDS_SOURCES.resume).textContent).toMatch(
        new RegExp(`\\s: ${tablesRegles().length}\\sbarèmes, dont \\d+\\slus`),
      ),
    );
    expect(classeur.ecritures).toBe(0);
    // H: the per-work cap of the cinema credit, read in the CGI.
    const plafond = screen.getByTestId(IDS_SOURCES.table("credit-impot-cinema-plafond"));
    expect(within(plafond).getByTestId(IDS_SOURCES.confiance("credit-impot-cinema-plafond")).textContent).toBe(
      "texte officiel",
    );
    fireEvent.click(within(plafond).getByRole("button"));
    await waitFor(() => expect(plafond.textContent).toContain("Plafond par œuvre : 30\u202f000\u202f000,00\u00a0€"));
    const lien = within(plafond).getAllByRole("link")[0];
    expect(lien.getAttribute("href")).toMatch(/^https:\/\/(www\.)?(legifrance|bofip|legal\.tricoteuses)/);
    expect(lien.getAttribute("target")).toBe("_blank");
    expect(lien.getAttribute("rel")).toContain("noopener");
    // M: the cinema rates, « à vérifier » with why, and the workbook's override.
    const cinema = screen.getByTestId(IDS_SOURCES.table("credit-impot-cinema"));
    expect(within(cinema).getByTestId(IDS_SOURCES.confiance("credit-impot-cinema")).textContent).toBe(
      "à vérifierremplacé par le classeur",
    );
    fireEvent.click(within(cinema).getByRole("button"));
    await waitFor(() => expect(cinema.textContent).toContain("Pourquoi à vérifier : "));
    expect(cinema.textContent).toContain("Taux : 20,00\u00a0%");
    expect(cinema.textContent).toContain("credit-impot.cinema.taux = 25 % ('Paramètres'!B2)");
    expect(screen.getByTestId(IDS_SOURCES.surcharges).textContent).toContain("taux-tva = 20 % ('Paramètres'!B3)");
    expect(screen.getByTestId(IDS_SOURCES.surcharges).textContent).toContain(
      "ecarts.seuil = \u22120,25 ('Paramètres'!B4)",
    );
    expect(screen.getByTestId(IDS_SOURCES.surcharges).textContent?.replace(/[\u00a0\u202f]/g, " ")).toContain(
      "credit-impt.cinema.taux = 30 % ('Paramètres'!B6) Vouliez-vous dire « credit-impot.cinema.taux » ?",
    );
  });

  it("une valeur que le calcul refuse est dite refusée, avec le message du calcul, pas « remplacé par le classeur »", async () => {
    afficher();
    const table = await waitFor(() => screen.getByTestId(IDS_SOURCES.table("temps-de-travail")));
    expect(within(table).getByTestId(IDS_SOURCES.confiance("temps-de-travail")).textContent).not.toContain(
      "remplacé par le classeur",
    );
    fireEvent.click(within(table).getByRole("button"));
    await waitFor(() =>
      expect(table.textContent).toContain("Refusé par le calcul (corrigez la feuille «\u00a0Paramètres\u00a0»)"),
    );
    expect(table.textContent).toMatch(
      /'Paramètres'!B5 : « 720 » pour « temps-de-travail\.2642\.duree-quotidienne-max » : attendu un nombre d'heures/,
    );
    expect(table.textContent).not.toContain("Remplacé par la feuille «\u00a0Paramètres\u00a0»");
  });

  it("« Seulement les chiffres à vérifier » retire les barèmes lus dans le texte officiel ; une date change la version", async () => {
    afficher();
    await waitFor(() => screen.getByTestId(IDS_SOURCES.table("credit-impot-cinema-plafond")));
    fireEvent.click(screen.getByTestId(IDS_SOURCES.aVerifier));
    expect(screen.queryByTestId(IDS_SOURCES.table("credit-impot-cinema-plafond"))).toBeNull();
    expect(screen.getByTestId(IDS_SOURCES.table("credit-impot-cinema"))).toBeTruthy();
    fireEvent.change(screen.getByTestId(IDS_SOURCES.date), { target: { value: "1er juin 2015" } });
    fireEvent.blur(screen.getByTestId(IDS_SOURCES.date));
    fireEvent.click(screen.getByTestId(IDS_SOURCES.actualiser));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_SOURCES.resume).textContent).toMatch(/^Le 1er\u00a0juin\u00a02015/),
    );
    expect(screen.getByTestId(IDS_SOURCES.confiance("credit-impot-cinema")).textContent).toBe(
      "aucune version à cette dateremplacé par le classeur",
    );
  });

  it("avant tout barème, le résumé compte à part ceux sans version : jamais « lus dans le texte officiel »", async () => {
    afficher();
    await waitFor(() => screen.getByTestId(IDS_SOURCES.resume));
    fireEvent.change(screen.getByTestId(IDS_SOURCES.date), { target: { value: "1er janvier 2000" } });
    fireEvent.blur(screen.getByTestId(IDS_SOURCES.date));
    fireEvent.click(screen.getByTestId(IDS_SOURCES.actualiser));
    await waitFor(() =>
      expect(screen.getByTestId(IDS_SOURCES.resume).textContent).toMatch(/^Le 1er\u00a0janvier\u00a02000/),
    );
    // What the page lists, by its badges: read in the official text, to check, no version on that date.
    const badges = tablesRegles().map((t) => screen.getByTestId(IDS_SOURCES.confiance(t.id)).textContent ?? "");
    const n = (texte: string) => badges.filter((b) => b.startsWith(texte)).length;
    const [lus, aVerifier, sans] = [n("texte officiel"), n("à vérifier"), n("aucune version à cette date")];
    expect(lus + aVerifier + sans).toBe(tablesRegles().length);
    expect(sans).toBeGreaterThan(tablesRegles().length / 2);
    const lu = lus > 1 ? "lus" : "lu";
    expect(screen.getByTestId(IDS_SOURCES.resume).textContent).toBe(
      `Le 1er\u00a0janvier\u00a02000\u00a0: ${tablesRegles().length}\u00a0barèmes, dont ${lus}\u00a0${lu} dans le texte ` +
        `officiel, ${aVerifier}\u00a0à vérifier et ${sans}\u00a0sans version à cette date.`,
    );
    // The announcement counts the tables in force on that date only.
    const annonce = within(screen.getByTestId(TEST_IDS.retour("sources-afficher"))).getByRole("status");
    expect(annonce.textContent).toBe(
      `${lus + aVerifier}\u00a0barème${lus + aVerifier > 1 ? "s" : ""} en vigueur le 1er\u00a0janvier\u00a02000.`,
    );
  });

  it("une date impossible est signalée sous le champ ; sans date, « Afficher » est désactivé", async () => {
    afficher();
    await waitFor(() => screen.getByTestId(IDS_SOURCES.resume));
    // An impossible date is said under the field and the previous date is kept, never guessed.
    fireEvent.change(screen.getByTestId(IDS_SOURCES.date), { target: { value: "31/02/2026" } });
    fireEvent.blur(screen.getByTestId(IDS_SOURCES.date));
    expect(
      screen.getByText(/Date non reconnue : « 31\/02\/2026 » \(février 2026 n'a que 28.jours\)\. La date reste le /),
    ).toBeTruthy();
    expect(screen.getByTestId(IDS_SOURCES.actualiser).hasAttribute("disabled")).toBe(false);
    fireEvent.change(screen.getByTestId(IDS_SOURCES.date), { target: { value: "" } });
    fireEvent.blur(screen.getByTestId(IDS_SOURCES.date));
    expect(screen.getByTestId(IDS_SOURCES.actualiser).hasAttribute("disabled")).toBe(true);
    expect(screen.queryByTestId(TEST_IDS.erreur)).toBeNull();
  });

  it("chaque période d'un barème dit sa confiance : audiovisuel lu dans le texte jusqu'en 2025, à vérifier en 2026", async () => {
    afficher();
    const table = await waitFor(() => screen.getByTestId(IDS_SOURCES.table("credit-impot-audiovisuel")));
    fireEvent.click(within(table).getByRole("button"));
    const periodes = await waitFor(() => screen.getByTestId(IDS_SOURCES.periodes("credit-impot-audiovisuel")));
    const lignes = within(periodes)
      .getAllByRole("listitem")
      .map((l) => l.textContent);
    // The data file says: 2016-01-01 → 2021-12-30 H, 2021-12-31 → 2025-12-31 H, 2026-01-01 → 2028-12-31 M.
    expect(lignes).toEqual([
      "du 1er\u00a0janvier\u00a02016 au 30\u00a0décembre\u00a02021 texte officiel",
      "du 31\u00a0décembre\u00a02021 au 31\u00a0décembre\u00a02025 texte officiel",
      "du 1er\u00a0janvier\u00a02026 au 31\u00a0décembre\u00a02028 à vérifier",
    ]);
    expect(table.textContent).not.toMatch(/confiance [HML]\b/);
  });
});
