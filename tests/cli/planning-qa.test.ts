import ExcelJS from "exceljs";
import { existsSync } from "fs";
import * as path from "path";
import { commandesPlanning } from "../../src/app/commandes/planning";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/xlsx/xlsxWorkbook";
import { classeurPlanning } from "../core/planning/classeur";
import { dossierTemporaire, espacesSimples, lancerCli } from "../helpers/cli";

/**
 * A new user's plans de travail, each a real .xlsx written here from the « Gardiens » workbook (tests/core/planning/
 * classeur.ts: PDT rows 2–17, columns Date | Nom | Fonction | Convention | Début | Fin | Pause | Lieu | Téléphone):
 * a blank convention is said (assumed or deduced from the kind of work), a cell that cannot be a day or an hour is
 * named in French (exit 2, nothing written), never an internal error nor a silently wrong figure.
 */
const dossier = dossierTemporaire("prodbook-planning-qa-");

interface ControleJson {
  regle: string;
  gravite: string;
  message: string;
  cellule: string | null;
}

let n = 0;
/** The Gardiens workbook with its PDT sheet changed by `modifier`. */
async function variante(modifier: (pdt: ExcelJS.Worksheet) => void): Promise<string> {
  const f = await classeurPlanning(path.join(dossier(), `v${++n}.xlsx`));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  modifier(wb.getWorksheet("PDT")!);
  await wb.xlsx.writeFile(f);
  return f;
}

async function controles(...args: string[]): Promise<ControleJson[]> {
  const r = await lancerCli(main, ["planning", ...args, "--json"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out).controles;
}

/** The command refuses the workbook: exit 2, the French message on stderr, the -o file not written. */
async function refus(commande: "planning" | "carbone", f: string): Promise<string> {
  const sortie = path.join(dossier(), `sortie${++n}.xlsx`);
  const args =
    commande === "planning"
      ? ["planning", f, "--livraison", "2026-06-15", "-o", sortie]
      : ["carbone", f, "--planning", "PDT", "--date", "2026-06-01", "-o", sortie];
  const r = await lancerCli(main, args);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  expect(existsSync(sortie)).toBe(false);
  expect(r.err).not.toMatch(/Erreur interne|RangeError|TypeError|\bat \w+ \(/);
  return espacesSimples(r.err);
}

describe("convention collective non indiquée au plan de travail", () => {
  test("cellules vides : IDCC 2642 supposée, dit en alerte avec les cellules", async () => {
    const f = await variante((p) => {
      for (let r = 2; r <= 17; r++) p.getCell(r, 4).value = null;
    });
    const c = await controles(f, "--livraison", "2026-06-15");
    const supposee = c.filter((x) => x.regle === "convention-supposee");
    expect(supposee).toHaveLength(1);
    expect(supposee[0].gravite).toBe("alerte");
    expect(supposee[0].cellule).toBe("PDT!D2");
    expect(espacesSimples(supposee[0].message)).toContain(
      "Plan de travail « PDT » : convention non indiquée pour 16 journées (PDT!D2:D17)",
    );
    expect(supposee[0].message).toContain("IDCC 2642 (production audiovisuelle) supposée");
    // Its figures are still 2642's: the 12-hour day of Yann is an error.
    expect(c.some((x) => x.regle === "duree-quotidienne" && x.cellule === "PDT!F3")).toBe(true);
  });

  test("une seule cellule vide parmi des conventions données : elle seule est nommée", async () => {
    const f = await variante((p) => {
      p.getCell(3, 4).value = null;
    });
    const c = (await controles(f, "--livraison", "2026-06-15")).filter((x) => x.regle.startsWith("convention-"));
    expect(c.map((x) => [x.regle, x.cellule])).toEqual([["convention-supposee", "PDT!D3"]]);
    expect(espacesSimples(c[0].message)).toContain("pour 1 journée (PDT!D3)");
  });

  test("pas de colonne Convention : l'en-tête est nommé", async () => {
    const f = await variante((p) => {
      p.spliceColumns(4, 1);
    });
    const c = (await controles(f, "--livraison", "2026-06-15")).filter((x) => x.regle.startsWith("convention-"));
    expect(c).toHaveLength(1);
    expect(c[0].cellule).toBe("PDT!B1");
    expect(espacesSimples(c[0].message)).toContain(
      "Plan de travail « PDT » : pas de colonne « Convention » (16 journées)",
    );
  });

  test("--oeuvre cinema : IDCC 3097 déduite et dite ; les majorations sont celles du cinéma", async () => {
    const f = await variante((p) => {
      for (let r = 2; r <= 17; r++) p.getCell(r, 4).value = null;
    });
    const c = await controles(f, "--livraison", "2026-06-15", "--oeuvre", "cinema");
    expect(c.some((x) => x.regle === "convention-supposee")).toBe(false);
    const deduite = c.filter((x) => x.regle === "convention-deduite");
    expect(deduite.map((x) => [x.gravite, x.cellule])).toEqual([["info", "PDT!D2"]]);
    expect(deduite[0].message).toContain("IDCC 3097 (production cinématographique) retenue d'après le type d'œuvre");
    // IDCC 3097 has no daily maximum (the 12 h 30 day is no error) and pays the Ascension +100 %.
    expect(c.some((x) => x.regle === "duree-quotidienne")).toBe(false);
    expect(c.find((x) => x.regle === "travail-jour-ferie")?.message).toContain("IDCC 3097 : +100 %");
  });

  test("conventions toutes données : rien à dire, même avec --oeuvre", async () => {
    const f = await variante(() => undefined);
    for (const oeuvre of [[], ["--oeuvre", "cinema"]]) {
      const c = await controles(f, "--livraison", "2026-06-15", ...oeuvre);
      expect(c.filter((x) => x.regle.startsWith("convention-"))).toEqual([]);
      // The cell says 2642: the kind of work does not override it.
      expect(c.some((x) => x.regle === "duree-quotidienne" && x.cellule === "PDT!F3")).toBe(true);
    }
  });

  test("deux conventions pour une personne dans la semaine : dit, avec la convention retenue", async () => {
    const f = await variante((p) => {
      p.getCell(4, 4).value = "cinéma";
    });
    const c = (await controles(f, "--livraison", "2026-06-15")).filter((x) => x.regle === "conventions-semaine");
    expect(c.map((x) => [x.gravite, x.cellule])).toEqual([["alerte", "PDT!D4"]]);
    expect(espacesSimples(c[0].message)).toContain(
      "Yann Le Goff (Chef opérateur), semaine 20 (du lundi 11 mai 2026) : deux conventions (IDCC 2642 en PDT!D2, " +
        "IDCC 3097 en PDT!D4) ; la durée hebdomadaire et les heures supplémentaires de la semaine sont comptées selon " +
        "IDCC 2642",
    );
    // Another convention the next week: each week has one, nothing to say.
    const semaineSuivante = await variante((p) => {
      p.addRow([new Date(Date.UTC(2026, 4, 18)), "Yann Le Goff", "Chef opérateur", "cinéma", 8 / 24, 17 / 24, 60]);
    });
    const c2 = await controles(semaineSuivante, "--livraison", "2026-06-15");
    expect(c2.filter((x) => x.regle === "conventions-semaine")).toEqual([]);
  });

  test("une erreur Excel en convention est nommée, jamais lue vide", async () => {
    const f = await variante((p) => {
      p.getCell(3, 4).value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellValue;
    });
    expect(await refus("planning", f)).toContain("convention « #N/A » (une erreur Excel) pour Yann Le Goff (PDT!D3)");
  });

  test("--oeuvre inconnue : refusée en français", async () => {
    const f = await variante(() => undefined);
    const r = await lancerCli(main, ["planning", f, "--livraison", "2026-06-15", "--oeuvre", "film"]);
    expect(r.code).toBe(2);
    expect(espacesSimples(r.err)).toContain("L'option --oeuvre attend l'une des valeurs cinema, audiovisuel");
  });
});

describe("dates et heures hostiles", () => {
  test("série 60 (le 29/02/1900 d'Excel) et série au-delà de 9999 : cellule nommée, jamais une erreur interne", async () => {
    for (const serie of [60, 3000000]) {
      const f = await variante((p) => {
        p.getCell(3, 1).value = serie;
        p.getCell(3, 1).numFmt = "General";
      });
      for (const cmd of ["planning", "carbone"] as const)
        expect(await refus(cmd, f)).toContain(`Ligne 3 : date illisible « ${serie} » pour Yann Le Goff (PDT!A3)`);
    }
  });

  test("un petit nombre en date (le 15 janvier 1900 pour Excel) est refusé, pas planifié", async () => {
    const f = await variante((p) => {
      p.getCell(3, 1).value = 15;
      p.getCell(3, 1).numFmt = "General";
    });
    expect(await refus("planning", f)).toContain(
      "Ligne 3 : date « 15 » pour Yann Le Goff (PDT!A3) : le 15 janvier 1900 pour Excel, hors des années 1901 à 2199",
    );
  });

  test("dates en texte « 11/05/2026 » et en numéros de série : les mêmes journées que des cellules date", async () => {
    const reference = await controles(await variante(() => undefined), "--livraison", "2026-06-15");
    for (const ecrire of [
      (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/2026`,
      (d: Date) => d.getTime() / 86_400_000 + 25_569,
    ]) {
      const f = await variante((p) => {
        for (let r = 2; r <= 17; r++) {
          const c = p.getCell(r, 1);
          c.value = ecrire(c.value as Date);
          c.numFmt = "General";
        }
      });
      expect(await controles(f, "--livraison", "2026-06-15")).toEqual(reference);
    }
  });

  test("première ligne sans date : « date manquante », sans date au-dessus", async () => {
    const f = await variante((p) => {
      p.getCell(2, 1).value = null;
    });
    expect(await refus("planning", f)).toContain(
      "Ligne 2 : date manquante pour Yann Le Goff (PDT!A2), sans date au-dessus à reprendre",
    );
  });

  test("une heure tapée en nombre (8, 8,5) est nommée, jamais lue minuit ou midi", async () => {
    for (const v of [8, 8.5]) {
      const f = await variante((p) => {
        p.getCell(2, 5).value = v;
        p.getCell(2, 5).numFmt = "General";
      });
      for (const cmd of ["planning", "carbone"] as const)
        expect(await refus(cmd, f)).toContain(
          `Ligne 2 : heure de début illisible « ${String(v).replace(".", ",")} » pour Yann Le Goff (PDT!E2)`,
        );
    }
  });

  test("heures « 8h30 », « 8:30 » et date-heure au format hh:mm : lues comme l'heure affichée", async () => {
    const f = await variante((p) => {
      p.getCell(2, 5).value = "8h30";
      p.getCell(6, 5).value = "8:30";
      // 11 May 2026 07:00 as a date and time, shown « dd/mm/yyyy hh:mm »: its time of day.
      p.getCell(10, 5).value = 46153 + 7 / 24;
      p.getCell(10, 5).numFmt = "dd/mm/yyyy hh:mm";
    });
    const c = await controles(f, "--livraison", "2026-06-15");
    const hs = (nom: string) =>
      espacesSimples(c.find((x) => x.regle === "heures-supplementaires" && x.message.startsWith(nom))!.message);
    // Yann: 39 h 30 − 30 min; Anne: 36 h 00 − 30 min; Claire: 42 h 30 + 30 min.
    expect(hs("Yann")).toContain("39 h 00 travaillées");
    expect(hs("Anne")).toContain("35 h 30 travaillées");
    expect(hs("Claire")).toContain("43 h 00 travaillées");
  });

  test("heure de début vide sur une ligne nommée : « manquante », cellule nommée", async () => {
    const f = await variante((p) => {
      p.addRow([new Date(Date.UTC(2026, 4, 13)), "Paul Rivière", "Machiniste", "IDCC 2642", null, null, null, "Port"]);
    });
    expect(await refus("carbone", f)).toContain("Ligne 18 : heure de début manquante pour Paul Rivière (PDT!E18)");
  });

  test("une ligne qui décrit une journée sans nom ni horaires est nommée, jamais écartée sans un mot", async () => {
    const f = await variante((p) => {
      p.addRow([new Date(Date.UTC(2026, 4, 13)), null, "Machiniste", null, null, null, null, "Port"]);
    });
    for (const cmd of ["planning", "carbone"] as const)
      expect(await refus(cmd, f)).toContain("Ligne 18 : « Machiniste » (PDT!C18) sans nom ni horaires");
    // A date and a place alone head the day, a template's convention and pause name no one: skipped, as before, the
    // same findings as without them.
    const reference = await controles(await variante(() => undefined), "--livraison", "2026-06-15");
    const entete = await variante((p) => {
      p.addRow([new Date(Date.UTC(2026, 4, 13)), null, null, null, null, null, null, "Port"]);
      p.addRow([null, null, null, "IDCC 2642", null, null, 60]);
    });
    expect(await controles(entete, "--livraison", "2026-06-15")).toEqual(reference);
  });
});

describe("livraison et plan de travail", () => {
  test("une livraison avant la dernière journée du plan est dite, avec sa cellule", async () => {
    const f = await variante(() => undefined);
    const c = (await controles(f, "--livraison", "2026-05-13")).filter((x) => x.regle === "livraison-avant-fin-plan");
    expect(c).toHaveLength(1);
    expect(c[0].gravite).toBe("alerte");
    expect(c[0].cellule).toBe("PDT!A5");
    expect(espacesSimples(c[0].message)).toContain(
      "Livraison (PAD) le mercredi 13 mai 2026, mais le plan de travail « PDT » compte 2 jours de travail après elle, " +
        "jusqu'au vendredi 15 mai 2026 (cellule PDT!A5)",
    );
    // Delivered after the last day of the plan: nothing to say.
    const apres = await controles(f, "--livraison", "2026-05-15");
    expect(apres.some((x) => x.regle === "livraison-avant-fin-plan")).toBe(false);
  });
});

describe("porte du volet : le type d'œuvre du contexte de production", () => {
  const sansConvention = () =>
    variante((p) => {
      for (let r = 2; r <= 17; r++) p.getCell(r, 4).value = null;
    });

  test("calculerPlanning : cinéma → IDCC 3097 déduite ; un type inconnu est refusé en français", async () => {
    const wb = await XlsxWorkbook.ouvrir(await sansConvention());
    const a = await commandesPlanning.calculerPlanning(wb, { livraison: "2026-06-15", typeOeuvre: "cinema" });
    expect(a.controles.filter((c) => c.regle.startsWith("convention-")).map((c) => [c.regle, c.cellule])).toEqual([
      ["convention-deduite", "PDT!D2"],
    ]);
    const sans = await commandesPlanning.calculerPlanning(wb, { livraison: "2026-06-15" });
    expect(sans.controles.filter((c) => c.regle.startsWith("convention-")).map((c) => c.regle)).toEqual([
      "convention-supposee",
    ]);
    await expect(
      commandesPlanning.calculerPlanning(wb, { livraison: "2026-06-15", typeOeuvre: "film" as unknown as "cinema" }),
    ).rejects.toThrow("« Type d'œuvre » attend « cinema » ou « audiovisuel », reçu « film ».");
  });

  test("appliquerQuantitesDevis : la feuille Contrôles écrite dit la convention retenue pour l'œuvre", async () => {
    const wb = await XlsxWorkbook.ouvrir(await sansConvention());
    const r = await commandesPlanning.appliquerQuantitesDevis(wb, {
      lignes: ["Budget Gardiens!19"],
      date: "2026-06-01",
      production: { typeOeuvre: "cinema" },
    });
    expect(r.appliquees.map((p) => p.ligneId)).toEqual(["Budget Gardiens!19"]);
    const controles = JSON.stringify((await wb.readSheet("Contrôles"))!.rows);
    expect(controles).toContain("Convention déduite du type d'œuvre");
    expect(controles).toContain("IDCC 3097 (production cinématographique) retenue");
    expect(controles).not.toContain("Convention collective supposée");
  });
});

describe("plusieurs feuilles de planning", () => {
  test("deux feuilles d'étapes, deux plans de travail : la première est lue, l'autre nommée en alerte", async () => {
    const f = await classeurPlanning(path.join(dossier(), `deux${++n}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    // A second steps sheet and a second plan de travail, copies of the first ones' header and rows.
    for (const [source, copie] of [
      ["Étapes post-prod", "Étapes version longue"],
      ["PDT", "PDT équipe B"],
    ]) {
      const s = wb.getWorksheet(source)!;
      const c = wb.addWorksheet(copie);
      s.eachRow((r) => c.addRow(r.values as ExcelJS.CellValue[]));
    }
    await wb.xlsx.writeFile(f);
    const ctl = (await controles(f, "--livraison", "2026-05-15")).filter((c) => c.regle === "feuilles-non-lues");
    expect(ctl.map((c) => [c.gravite, espacesSimples(c.message), c.cellule])).toEqual([
      [
        "alerte",
        "Le classeur a 2 feuilles d'étapes : « Étapes post-prod » est planifiée (la première), « Étapes version longue » " +
          "n'est pas lue. Choisissez la feuille à lire, ou réunissez-les en une seule feuille d'étapes.",
        "'Étapes version longue'!A1",
      ],
      [
        "alerte",
        "Le classeur a 2 plans de travail : « PDT » est lu (le premier), « PDT équipe B » n'est pas lu. Choisissez " +
          "la feuille à lire, ou réunissez-les en une seule feuille de plan de travail.",
        "'PDT équipe B'!A1",
      ],
    ]);
    // The steps sheet named: nothing to say about the other steps sheet.
    const nommee = await controles(f, "--livraison", "2026-05-15", "--feuille", "Étapes version longue");
    expect(nommee.filter((c) => c.regle === "feuilles-non-lues").map((c) => c.cellule)).toEqual(["'PDT équipe B'!A1"]);
  });
});
