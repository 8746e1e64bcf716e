/**
 * The plan de travail as a chargé de production writes it, through the built binary (bin/prodbook.js, npm run
 * build:cli): a day split over two rows is one day (its maximum and its rest), a row copied is named and counted once,
 * dates written in words are read (and a day of the week that is another day's refused), the PAD date written in the
 * steps sheet is the rétroplanning's when none is typed, and credit-impot names the plan's unreadable date cell.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { binaire, dossierTemporaire } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-planning-temps-jour-");

/** `prodbook …args` through the built binary (npm run build:cli). */
const prodbook = (...args: string[]) => binaire(args);

type Ligne = (string | number | Date | null)[];

/** A workbook of a plan de travail « PDT » (Date | Nom | Fonction | Début | Fin | Pause) and other sheets. */
async function classeur(
  nom: string,
  lignes: Ligne[],
  autres: (wb: ExcelJS.Workbook) => void = () => undefined,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  autres(wb);
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Début", "Fin", "Pause (min)"]);
  for (const l of lignes) ws.addRow(l);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

interface ConstatJson {
  regle: string;
  gravite: string;
  message: string;
  cellule: string | null;
}
const json = (r: { out: string }) => JSON.parse(r.out) as { controles: ConstatJson[] } & Record<string, unknown>;
const de = (j: { controles: ConstatJson[] }, regle: string) => j.controles.filter((c) => c.regle === regle);

describe("la durée quotidienne par personne et par jour, toutes ses lignes comptées", () => {
  it("07:00–13:00 puis 14:00–21:00 sur une seconde ligne : 13 h, au-delà des 12 h, chaque cellule nommée ; la coupure n'est pas un repos", async () => {
    const f = await classeur("journee-coupee.xlsx", [
      ["15/04/2026", "Alice Martin", "Cheffe monteuse", "07:00", "13:00", null],
      [null, "Bruno Roy", "Monteur son", "08:00", "12:00", null],
      ["15/04/2026", "Alice Martin", "Cheffe monteuse", "14:00", "21:00", null],
      // Bruno: 4 h + 7 h = 11 h the same day, under the maximum.
      ["15/04/2026", "Bruno Roy", "Monteur son", "13:00", "20:00", null],
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = json(r);
    expect(de(j, "duree-quotidienne")).toEqual([
      {
        regle: "duree-quotidienne",
        gravite: "erreur",
        message:
          "Alice Martin (Cheffe monteuse) le 15\u00a0avril\u00a02026 : 13 h 00 de travail effectif (sur 2 lignes du plan : " +
          "07:00–13:00 (PDT!D2, PDT!E2) ; 14:00–21:00 (PDT!D4, PDT!E4)), au-delà du maximum de 12 h par jour " +
          "(IDCC 2642 — production audiovisuelle).",
        cellule: "PDT!E4",
      },
    ]);
    // The hour's break between two rows of a day is no daily rest: nothing said of it.
    expect(de(j, "repos-quotidien")).toEqual([]);
  });

  it("le repos quotidien court de la fin de la dernière ligne d'un jour au début du lendemain", async () => {
    const f = await classeur("repos-jours.xlsx", [
      ["15/04/2026", "Alice Martin", "Cheffe monteuse", "07:00", "11:00", null],
      ["15/04/2026", "Alice Martin", "Cheffe monteuse", "15:00", "23:00", null],
      // 23:00 → 06:00: 7 h of rest, under the absolute minimum of 9 h (from the second row's end, not the first's).
      ["16/04/2026", "Alice Martin", "Cheffe monteuse", "06:00", "12:00", null],
      // Two rows of one day that overlap: named with both rows' cells.
      ["17/04/2026", "Alice Martin", "Cheffe monteuse", "08:00", "12:00", null],
      ["17/04/2026", "Alice Martin", "Cheffe monteuse", "11:00", "15:00", null],
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(de(json(r), "repos-quotidien").map((c) => [c.gravite, c.message, c.cellule])).toEqual([
      [
        "erreur",
        "Alice Martin (Cheffe monteuse) entre le 15\u00a0avril\u00a02026 (fin 23:00) et le 16\u00a0avril\u00a02026 (début " +
          "06:00) : 7 h 00 de repos seulement, moins que le minimum absolu de 9 h (IDCC 2642 — production audiovisuelle).",
        "PDT!D4",
      ],
      [
        "erreur",
        "Alice Martin (Cheffe monteuse) le 17\u00a0avril\u00a02026 : deux lignes du plan se chevauchent, 08:00–12:00 " +
          "(PDT!D5, PDT!E5) et 11:00–15:00 (PDT!D6, PDT!E6) ; les heures communes seraient comptées deux fois.",
        "PDT!D6",
      ],
    ]);
  });
});

describe("une ligne en double : nommée avec les cellules des deux lignes, comptée une fois", () => {
  it("même personne, même jour, mêmes horaires : alerte ; ni chevauchement, ni 20 h dans la journée", async () => {
    const f = await classeur("doublon.xlsx", [
      ["16/04/2026", "Bruno Roy", "Monteur son", "08:00", "18:00", 60],
      ["16/04/2026", "Bruno Roy", "Monteur son", "08:00", "18:00", 60],
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = json(r);
    expect(de(j, "ligne-en-double")).toEqual([
      {
        regle: "ligne-en-double",
        gravite: "alerte",
        message:
          "Bruno Roy (Monteur son) le 16\u00a0avril\u00a02026 : la ligne 3 (PDT!B3, PDT!A3, PDT!D3, PDT!E3) répète la " +
          "ligne 2 (PDT!B2, PDT!A2, PDT!D2, PDT!E2) : même personne, même jour, mêmes horaires (08:00–18:00, pause 60 " +
          "min). Comptée une seule fois (durée du jour et de la semaine, repos, heures supplémentaires, dimanches et " +
          "fériés, quantités du devis, feuille Plan de travail) : supprimez la ligne en double, ou corrigez-la si elle " +
          "devait dire une autre personne, un autre jour ou d'autres horaires.",
        cellule: "PDT!B3",
      },
    ]);
    // Counted once: 9 h of work, no day over 12 h, no overlap.
    expect([...de(j, "duree-quotidienne"), ...de(j, "repos-quotidien")]).toEqual([]);
    const texte = prodbook("planning", f);
    expect(texte.out).toContain("Plan de travail «\u00a0PDT\u00a0»\u00a0: 1\u00a0journée de travail.");
  });
});

describe("les dates écrites en lettres dans la colonne Date", () => {
  it("« 15 avril 2026 », « mercredi 15 avril 2026 », « 1er mai 2026 » sont lues", async () => {
    const f = await classeur("dates-lettres.xlsx", [
      ["15 avril 2026", "Alice Martin", "Cheffe monteuse", "07:00", "13:00", null],
      ["mercredi 15 avril 2026", "Alice Martin", "Cheffe monteuse", "14:00", "21:00", null],
      ["1er mai 2026", "Alice Martin", "Cheffe monteuse", "09:00", "17:00", null],
    ]);
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = json(r);
    // The two rows are one day (15 April): 13 h; 1 May is the public holiday worked.
    expect(de(j, "duree-quotidienne").map((c) => c.cellule)).toEqual(["PDT!E3"]);
    expect(de(j, "duree-quotidienne")[0].message).toContain("le 15\u00a0avril\u00a02026 : 13 h 00");
    expect(de(j, "travail-jour-ferie").map((c) => c.cellule)).toEqual(["PDT!A4"]);
  });

  it.each([
    [
      "lundi 15 avril 2026",
      "Ligne 2\u00a0: date illisible «\u00a0lundi 15 avril 2026\u00a0» pour Alice Martin (PDT!A2)\u00a0: le 15\u00a0avril\u00a02026 " +
        "est un mercredi, pas un lundi\u202f; lequel des deux\u202f?\u202f; attendu JJ/MM/AAAA ou la date en lettres avec " +
        "l'année (15 avril 2026).",
    ],
    [
      "31 avril 2026",
      "Ligne 2\u00a0: date illisible «\u00a031 avril 2026\u00a0» pour Alice Martin (PDT!A2)\u00a0: ce jour n'existe pas\u202f; " +
        "attendu JJ/MM/AAAA ou la date en lettres avec l'année (15 avril 2026).",
    ],
    [
      "15 avril",
      "Ligne 2\u00a0: date illisible «\u00a015 avril\u00a0» pour Alice Martin (PDT!A2)\u202f; attendu JJ/MM/AAAA ou la date " +
        "en lettres avec l'année (15 avril 2026).",
    ],
  ])("« %s » refusée, la cellule nommée, code 2, rien d'écrit", async (date, message) => {
    const f = await classeur(`date-${date.replace(/\s/g, "-")}.xlsx`, [
      [date, "Alice Martin", "Cheffe monteuse", "07:00", "13:00", null],
    ]);
    const sortie = path.join(dossier(), `jamais-${date.replace(/\s/g, "-")}.xlsx`);
    const r = prodbook("planning", f, "-o", sortie);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`${path.basename(f)}\u00a0: ${message}`);
    expect(spawnSync("test", ["-e", sortie]).status).toBe(1);
  });
});

/** A steps sheet « Post-production »: a title on row 1, `entete` rows, then Étape | Durée on the next row. */
function etapes(titre: string, entete: Ligne[] = []) {
  return (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet("Post-production");
    ws.addRow([titre]);
    for (const l of entete) ws.addRow(l);
    ws.addRow(["Étape", "Durée (jours ouvrés)"]);
    ws.addRow(["Montage", 10]);
    ws.addRow(["Mixage", 3]);
    ws.addRow(["PAD", 0]);
  };
}

describe("la date de livraison (PAD) écrite dans la feuille d'étapes", () => {
  it("lue sans --livraison, avec sa cellule (JSON, texte) ; --livraison la remplace, la feuille citée", async () => {
    const f = await classeur(
      "pad-feuille.xlsx",
      [["02/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60]],
      etapes("« Les Gardiens » — PAD au diffuseur le vendredi 30 octobre 2026"),
    );
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = json(r);
    expect(j.livraison).toEqual({ date: "2026-10-30", origine: "classeur", cellule: "'Post-production'!A1" });
    expect(j.fin).toBe("2026-10-30");
    const texte = prodbook("planning", f);
    expect(texte.out).toContain(
      "  Livraison (PAD)\u00a0: vendredi 30\u00a0octobre\u00a02026 (lue dans la feuille «\u00a0Post-production\u00a0», cellule " +
        "'Post-production'!A1)",
    );
    const option = json(prodbook("planning", f, "--livraison", "2026-11-06", "--json"));
    expect([option.livraison, option.fin]).toEqual([
      { date: "2026-11-06", origine: "option", cellule: null },
      "2026-11-06",
    ]);
    expect(de(option, "livraison-saisie")).toEqual([
      {
        regle: "livraison-saisie",
        gravite: "info",
        message:
          "Rétroplanning calculé depuis la livraison indiquée, le vendredi 6\u00a0novembre\u00a02026 ; la feuille d'étapes " +
          "« Post-production » écrit le vendredi 30\u00a0octobre\u00a02026 ('Post-production'!A1). Mettez la feuille à jour " +
          "si la livraison a changé.",
        cellule: "'Post-production'!A1",
      },
    ]);
  });

  it("un libellé « Date de livraison (PAD) » suivi d'une vraie date sur sa ligne", async () => {
    const f = await classeur(
      "pad-cellule.xlsx",
      [["02/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60]],
      etapes("Post-production", [["Date de livraison (PAD)", null, new Date(Date.UTC(2026, 9, 30))]]),
    );
    const j = json(prodbook("planning", f, "--json"));
    expect(j.livraison).toEqual({ date: "2026-10-30", origine: "classeur", cellule: "'Post-production'!C2" });
  });

  it("deux dates différentes : constat nommant les deux cellules, aucune retenue, pas de rétroplanning ; sans plan de travail : code 2", async () => {
    const deux = etapes("PAD au diffuseur le 30 octobre 2026", [["Livraison", "06/11/2026"]]);
    const f = await classeur(
      "pad-deux.xlsx",
      [["02/04/2026", "Alice Martin", "Cheffe monteuse", "09:00", "18:00", 60]],
      deux,
    );
    const r = prodbook("planning", f, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = json(r);
    const message =
      "La feuille d'étapes « Post-production » écrit plusieurs dates de livraison (PAD) : le vendredi " +
      "30\u00a0octobre\u00a02026 ('Post-production'!A1), le vendredi 6\u00a0novembre\u00a02026 ('Post-production'!B2) : " +
      "aucune n'est retenue, le rétroplanning n'est pas calculé. Corrigez la feuille pour qu'elle n'en écrive qu'une, " +
      "ou indiquez la date de livraison.";
    expect(de(j, "livraison-ambigue")).toEqual([
      { regle: "livraison-ambigue", gravite: "erreur", message, cellule: "'Post-production'!A1" },
    ]);
    expect([j.etapes, j.livraison, j.fin]).toEqual([[], null, null]);
    // Without a plan de travail there is nothing else to say: refused, exit 2.
    const wb = new ExcelJS.Workbook();
    deux(wb);
    const seul = path.join(dossier(), "pad-deux-seul.xlsx");
    await wb.xlsx.writeFile(seul);
    const refus = prodbook("planning", seul);
    expect(refus.code).toBe(2);
    expect(refus.err).toContain("'Post-production'!A1");
    expect(refus.err).toContain("'Post-production'!B2");
  });
});

describe("credit-impot : les jours du plan de travail (régime international)", () => {
  it("une date du plan illisible (série 60, le 29/02/1900 qui n'existe pas) : message français nommant la cellule, code 2", async () => {
    const f = path.join(dossier(), "ci-plan.xlsx");
    await ecrireDevisFiction(f);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const ws = wb.addWorksheet("PDT");
    ws.addRow(["Date", "Nom", "Début", "Fin"]);
    ws.addRow([new Date(Date.UTC(2025, 3, 14)), "Alice Martin", "08:00", "18:00"]);
    ws.addRow([60, "Alice Martin", "08:00", "18:00"]);
    ws.getCell("A3").numFmt = "dd/mm/yyyy";
    await wb.xlsx.writeFile(f);
    const r = prodbook(
      "credit-impot",
      f,
      "--regime",
      "international",
      "--genre",
      "fiction",
      "--annee",
      "2025",
      "--vfx-france",
      "3 000 000",
      "--jours-tournage-france",
      "5",
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(
      "Plan de travail «\u00a0PDT\u00a0», lu pour vérifier les jours de tournage en France\u00a0: Ligne 3\u00a0: date " +
        "illisible «\u00a060\u00a0» pour Alice Martin (PDT!A3)",
    );
    expect(r.err).not.toMatch(/Erreur interne|Error|undefined/);
  });
});
