/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { TextDecoder as TD, TextEncoder as TE } from "util";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";
import { afficherPage } from "./rendu";

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
jest.mock("../../src/app/catalogue", () => {
  const reel = jest.requireActual("../../src/app/catalogue");
  return { ...reel, envoyer: (nom: string, args: unknown) => reel.creerEnvoyeur(wb)(nom, args) };
});

import { IDS_TRACE } from "../../src/taskpane/components/DouVientCeChiffre";
import { Ecarts } from "../../src/taskpane/pages/Ecarts";
import { CLE_CONTEXTE_PRODUCTION, lireContexte } from "../../src/core/production/contexte";
import { TEST_IDS } from "../../src/taskpane/testIds";
import { tablesRegles } from "../../src/core/regles/audit";
import { TABLES_8_BITS } from "../../src/core/comptabilite/fec";

// jsdom's Blob has no arrayBuffer() (browsers do): the FEC reader reads the file through it.
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

/**
 * The default PCG table loaded (no Correspondances sheet yet): all valid, its list folded behind « Afficher les N
 * correspondances » (the write step stays in view); unfolded here to work on its rows.
 */
async function deplierCorrespondances() {
  const bouton = await screen.findByTestId(TEST_IDS.ecarts.deplierCorrespondances);
  expect(bouton.getAttribute("aria-expanded")).toBe("false");
  expect(screen.queryByTestId(TEST_IDS.ecarts.correspondance(0))).toBeNull();
  fireEvent.click(bouton);
  await screen.findByTestId(TEST_IDS.ecarts.correspondance(0));
}

/** The production context as saved in the workbook's document settings. */
const contexteEnregistre = () => lireContexte(wb.reglages.get(CLE_CONTEXTE_PRODUCTION));

test("page Écarts : choisir le FEC, voir le format et les totaux, modifier une correspondance, écrire les feuilles", async () => {
  afficherPage(<Ecarts />);
  await deplierCorrespondances();
  const octets = fs.readFileSync(path.resolve(__dirname, "../fixtures/fec/production-2024.txt"));
  const fichier = new File([octets], "production-2024.txt");
  await act(async () => {
    fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.fichier), { target: { files: [fichier] } });
  });
  await waitFor(() =>
    expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("23 lignes importées sur 23"),
  );
  // Read with its spaces made ordinary (the pane puts no-break ones after numbers and before « : »).
  expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent?.replace(/\s/g, " ")).toContain(
    "Lu comme un FEC : 18 colonnes séparées par des tabulations, montants en débit et crédit, encodage UTF-8.",
  );
  // The loaded file stays named, and the workbook keeps its summary (name, size, encoding, lines).
  expect(screen.getByTestId(TEST_IDS.ecarts.nomFec).textContent).toContain("production-2024.txt");
  await waitFor(() =>
    expect(contexteEnregistre().fec).toMatchObject({
      nom: "production-2024.txt",
      octets: octets.length,
      encodage: "utf-8",
      lignes: 23,
    }),
  );

  // The réalisé was mapped with Prodbook's default table: « Détails et sources » names it in French, with its version,
  // its « à vérifier » badge (confidence L) and every source of that version, as links; never its id.
  const details = screen.getByTestId(TEST_IDS.ecarts.details);
  fireEvent.click(within(details).getByRole("button", { name: "Détails et sources" }));
  const textes = await within(details).findAllByTestId("texte-applique");
  // First, the ledger read as `prodbook ecarts` names it: the file with its format (encoding detected) and period, then
  // where every line under the header went (lues = affectées + sans poste + ignorées).
  const lu = within(details).getByTestId(TEST_IDS.ecarts.grandLivreLu);
  expect([...lu.children].map((p) => p.textContent?.replace(/\s/g, " "))).toEqual([
    "Grand livre « production-2024.txt » : FEC, séparateur tabulation, encodage UTF-8 (détecté), Debit/Credit, " +
      "18 colonnes, écritures du 10/01/2024 au 25/03/2024.",
    "Lignes du FEC sous l'en-tête : 23 lues = 10 affectées à un poste + 1 sans poste + 12 ignorées " +
      "(12 hors classe 6, 0 rejetée à la lecture, 0 vide).",
  ]);
  // Then, last, the CNC nomenclature the devis was structured with (as `prodbook ecarts --json` tables).
  expect(textes).toHaveLength(2);
  expect(textes[1].textContent).toContain("Nomenclature du devis CNC, version du 1er\u00a0janvier\u00a02000");
  expect(textes[0].textContent).toContain(
    "Correspondances des comptes PCG avec les postes du devis, version du 1er\u00a0janvier\u00a02016",
  );
  expect(within(textes[0]).getByTestId("badge-a-verifier").textContent).toBe("à vérifier");
  const pcg = tablesRegles().find((t) => t.id === "correspondances-pcg")!;
  expect(
    within(textes[0])
      .getAllByRole("link")
      .map((a) => a.getAttribute("href")),
  ).toEqual(pcg.versions[pcg.versions.length - 1].sources.map((s) => s.url));
  expect(details.textContent).not.toContain("correspondances-pcg");
  expect(details.textContent).not.toContain("nomenclature-cnc");

  // Map 611 (post-production) to the line 8.1 instead of chapter 8.
  const lignes = [...document.querySelectorAll("[data-testid^='ecarts-correspondance-']")];
  const i611 = lignes.findIndex((l) => (l.querySelector("input") as HTMLInputElement).value === "611");
  // Typed « 0611 » (a leading zero): no account of the loaded ledger starts so; the row says it, then typed back.
  const cle611 = lignes[i611].querySelector("input") as HTMLInputElement;
  fireEvent.change(cle611, { target: { value: "0611" } });
  const ligne611 = screen.getByTestId(TEST_IDS.ecarts.correspondance(i611));
  await waitFor(() => expect(ligne611.getAttribute("data-probleme")).toBe("alerte"));
  expect(ligne611.textContent?.replace(/\s/g, " ")).toContain("aucun compte du grand livre ne commence par « 0611 »");
  fireEvent.change(cle611, { target: { value: "611" } });
  await waitFor(() => expect(ligne611.getAttribute("data-probleme")).toBeNull());
  const poste = lignes[i611].querySelectorAll("input")[1];
  fireEvent.change(poste, { target: { value: "8.1" } });
  // An edit not yet written to a sheet is kept with the production (a tab change or a reload finds it).
  await waitFor(() => expect(contexteEnregistre().correspondances?.find((c) => c.cle === "611")?.poste).toBe("8.1"));
  await act(async () => {
    fireEvent.click(screen.getByTestId(TEST_IDS.ecarts.rapprocher));
  });
  await screen.findByTestId(TEST_IDS.ecarts.rapport);
  // What the button wrote is said right under it.
  expect(screen.getByTestId(TEST_IDS.ecarts.feuilles).textContent?.replace(/\s/g, " ")).toBe(
    "Feuilles écrites : « Grand livre », « Correspondances », « Écarts », « Coût définitif ».",
  );
  const gl = wb.ecrites.get("Grand livre")!;
  expect(gl.rows.filter((r) => r[4] === "611000").map((r) => r[12])).toEqual(["8.1", "8.1"]);
  const corr = wb.ecrites.get("Correspondances")!;
  expect(corr.rows.find((r) => r[0] === "611")![1]).toBe("8.1");
  // Written to the sheet: no longer pending in the context.
  await waitFor(() => expect(contexteEnregistre().correspondances).toBeUndefined());
  // Computed with edited rows, not the default table: the default table no longer named (as `prodbook ecarts` with a
  // file or sheet), only the CNC nomenclature.
  const apres = screen.getByTestId(TEST_IDS.ecarts.details);
  // Still open from above (the same section, its texts updated).
  expect(within(apres).getByRole("button", { name: "Détails et sources" }).getAttribute("aria-expanded")).toBe("true");
  // The ledger still named with its file, and the Écarts sheet's head names it too (as `prodbook ecarts -o`).
  expect(within(apres).getByTestId(TEST_IDS.ecarts.grandLivreLu).textContent).toContain("« production-2024.txt »");
  expect(
    wb.ecrites
      .get("Écarts")!
      .rows.flat()
      .some((v) => typeof v === "string" && v.startsWith("Grand livre « production-2024.txt » : FEC")),
  ).toBe(true);
  const restants = await within(apres).findAllByTestId("texte-applique");
  expect(restants.map((t) => t.textContent)).toEqual([expect.stringContaining("Nomenclature du devis CNC")]);

  // « D'où vient ce chiffre ? »: chapter 8's écart = réalisé (down to the FEC lines) − budget (down to its cell).
  fireEvent.click(screen.getByTestId(TEST_IDS.ecarts.expliquer("ecart", "8")));
  const panneau = screen.getByTestId(IDS_TRACE.panneau);
  expect(panneau.textContent).toContain("Écart 8 ");
  expect(panneau.textContent).toContain("= réalisé − budget");
  // The tree's écart is the figure clicked, signed the same way (« −9 700,00 € », « +1 785,00 € »).
  const ecart8 = screen.getByTestId(TEST_IDS.ecarts.expliquer("ecart", "8")).textContent!;
  expect(ecart8).toMatch(/^[+\u2212]\d/);
  expect(panneau.textContent).toContain(`Écart 8 Post-production${ecart8}`);
  const deplier = (texte: string) =>
    fireEvent.click(
      within(panneau)
        .getAllByTestId(IDS_TRACE.deplier)
        .find((b) => b.textContent?.startsWith(texte)) as HTMLElement,
    );
  deplier("Réalisé 8");
  deplier("Réalisé 8.1");
  deplier("Compte 611");
  // A FEC line is a place, not a cell: named, not a link.
  expect(panneau.textContent).toMatch(/FEC ligne \d+/);
  deplier("Budget 8 ");
  deplier("Budget 8.1");
  const cellules = within(panneau).getAllByTestId(IDS_TRACE.cellule);
  expect(cellules.map((c) => c.textContent)).toEqual(["Budget!C5"]);
  fireEvent.click(cellules[0]);
  await waitFor(() => expect(wb.selections).toEqual(["Budget!C5"]));
});

test("page Écarts : un encodage choisi que les octets contredisent est dit à côté de la liste Encodage, comme en CLI", async () => {
  afficherPage(<Ecarts />);
  await deplierCorrespondances();
  // A UTF-8 file (« Opération » written C3 A9) read as Windows-1252, the encoding chosen before loading it.
  const octets = fs.readFileSync(path.resolve(__dirname, "../fixtures/fec/production-2024.txt"));
  fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.encodage), { target: { value: "windows-1252" } });
  await act(async () => {
    fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.fichier), {
      target: { files: [new File([octets], "production-2024.txt")] },
    });
  });
  const avertissement = await screen.findByTestId(TEST_IDS.ecarts.avertissementEncodage);
  // The CLI's sentence (same core detection), with the pane's advice: its list, no option.
  // Spaces made ordinary: in Excel the pane's typography watcher makes them no-break (« : », « … »).
  expect(avertissement.textContent?.replace(/\s/g, " ")).toBe(
    "Le fichier semble encodé en UTF-8 : « é » est lu « Ã© » ; l'encodage Windows-1252 choisi est gardé : choisissez " +
      "« Détection automatique » ou UTF-8 dans la liste Encodage si les libellés sont mal lus.",
  );
  expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("encodage Windows-1252");
  // Back to the detection: the file is read again, in UTF-8, and the warning goes.
  await act(async () => {
    fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.encodage), { target: { value: "" } });
  });
  await waitFor(() => expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("encodage UTF-8"));
  expect(screen.queryByTestId(TEST_IDS.ecarts.avertissementEncodage)).toBeNull();
});

test("page Écarts : la liste Encodage propose l'EBCDIC et le CP850 ; un FEC EBCDIC est reconnu et lu, 23 lignes sur 23", async () => {
  afficherPage(<Ecarts />);
  await deplierCorrespondances();
  const liste = screen.getByTestId(TEST_IDS.ecarts.encodage) as HTMLSelectElement;
  expect([...liste.options].map((o) => [o.value, o.textContent])).toEqual([
    ["", "Détection automatique"],
    ["utf-8", "UTF-8"],
    ["windows-1252", "Windows-1252"],
    ["iso-8859-15", "ISO-8859-15"],
    ["ebcdic", "EBCDIC (IBM-1147, français)"],
    ["cp850", "CP850 (DOS)"],
  ]);
  // The same FEC written in IBM-1147 (inverse of the reader's table), records ending NL 0x15 as z/OS writes them.
  const texte = fs.readFileSync(path.resolve(__dirname, "../fixtures/fec/production-2024.txt"), "utf8");
  const inverse = new Map<string, number>();
  for (let o = 255; o >= 0; o--) if (o !== 0x25) inverse.set(TABLES_8_BITS.ebcdic[o], o);
  const octets = Uint8Array.from(Array.from(texte.replace(/\r\n/g, "\n"), (c) => inverse.get(c)!));
  await act(async () => {
    fireEvent.change(screen.getByTestId(TEST_IDS.ecarts.fichier), {
      target: { files: [new File([octets], "production-2024-ebcdic.txt")] },
    });
  });
  await waitFor(() =>
    expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent).toContain("23 lignes importées sur 23"),
  );
  expect(screen.getByTestId(TEST_IDS.ecarts.format).textContent?.replace(/\s/g, " ")).toContain(
    "montants en débit et crédit, encodage EBCDIC (IBM-1147, français).",
  );
  await waitFor(() => expect(contexteEnregistre().fec).toMatchObject({ encodage: "ebcdic", lignes: 23 }));
});
