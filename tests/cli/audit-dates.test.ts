import * as path from "path";
import { main } from "../../src/cli/main";
import { premierJourDesRegles } from "../../src/core/regles/audit";
import { dateEnLettres } from "../../src/core/util/texte";
import { dossierTemporaire, lancerCli, refus } from "../helpers/cli";

/**
 * A date typed the French way or that does not exist: refused (exit 2, nothing written) with the reason, and the date
 * meant written in the form asked for when there is one, instead of repeating « AAAA-MM-JJ » to a user who wrote it.
 */
const RACINE = path.resolve(__dirname, "../..");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const PLANNING = path.join(RACINE, "tests/fixtures/planning/gardiens-planning.xlsx");
const dossier = dossierTemporaire("prodbook-audit-dates-");

describe("prodbook : une date mal écrite dit pourquoi", () => {
  it.each([
    ["2026/13/01", "il n'y a pas de mois 13"],
    ["31/02/2026", "février 2026 n'a que 28 jours"],
    ["2026-02-31", "février 2026 n'a que 28 jours"],
    ["2024-02-30", "février 2024 n'a que 29 jours"],
    ["2026-06-00", "il n'y a pas de jour 00"],
    ["15/04/2025", "écrivez «\u00a02025-04-15\u00a0»"],
    ["1/10/2026", "écrivez «\u00a02026-10-01\u00a0»"],
  ])("devis --date %s : « %s », rien n'est écrit", async (date, raison) => {
    const sortie = path.join(dossier(), `devis-${date.replace(/\W/g, "")}.xlsx`);
    const r = await lancerCli(main, ["devis", DEVIS, "--date", date, "-o", sortie]);
    refus(r, `L'option --date attend une date AAAA-MM-JJ, reçu «\u00a0${date}\u00a0»\u00a0: ${raison}.`, sortie);
  });

  it("la même raison pour planning --livraison, carbone --date, regles --date et versions --date", async () => {
    const sortie = path.join(dossier(), "autres.xlsx");
    const cas: [string[], string][] = [
      [["planning", PLANNING, "--livraison", "31/02/2026", "-o", sortie], "--livraison"],
      [["carbone", DEVIS, "--date", "31/02/2026", "-o", sortie], "--date"],
      [["regles", "--date", "31/02/2026"], "--date"],
      [["versions", "enregistrer", DEVIS, "--nom", "V1", "--date", "31/02/2026", "-o", sortie], "--date"],
    ];
    for (const [args, option] of cas) {
      const r = await lancerCli(main, args);
      refus(
        r,
        `L'option ${option} attend une date AAAA-MM-JJ, reçu «\u00a031/02/2026\u00a0»\u00a0: février 2026 n'a que 28 jours.`,
        sortie,
      );
    }
  });

  it("un texte qui n'est pas une date garde le message court", async () => {
    const r = await lancerCli(main, ["devis", DEVIS, "--date", "1er juin"]);
    refus(r, "L'option --date attend une date AAAA-MM-JJ, reçu «\u00a01er juin\u00a0».");
  });
});

describe("prodbook : une date avant toutes les tables de règles (avant : répondu sans aucune table, exit 0)", () => {
  // The first day of the tables, read from their data (src/core/regles/data): the earliest `effetDu`.
  const PREMIER = "2000-01-01";
  const cas: [string, (date: string, sortie: string) => string[]][] = [
    ["devis", (d, s) => ["devis", DEVIS, "--date", d, "-o", s]],
    ["carbone", (d, s) => ["carbone", DEVIS, "--date", d, "-o", s]],
    ["regles", (d) => ["regles", "--date", d]],
  ];
  it.each(cas.flatMap(([nom, args]) => ["1850-01-01", "0001-01-01", "1999-12-31"].map((d) => [nom, d, args] as const)))(
    "%s --date %s : refusée en nommant la première date des tables, rien n'est écrit",
    async (nom, date, args) => {
      const sortie = path.join(dossier(), `${nom}-${date}.xlsx`);
      refus(
        await lancerCli(main, args(date, sortie)),
        `L'option --date attend une date à partir du 1er\u00a0janvier\u00a02000\u00a0: les tables de règles de Prodbook commencent en ` +
          `2000, reçu «\u00a0${dateEnLettres(date)}\u00a0».`,
        sortie,
      );
    },
  );

  it("le premier jour des tables est accepté", async () => {
    expect(premierJourDesRegles()).toBe(PREMIER);
    for (const [, args] of cas)
      expect((await lancerCli(main, args(PREMIER, path.join(dossier(), "premier.xlsx")))).code).toBe(0);
  });
});
