import { feuilleDeService, feuillePlanDeTravail } from "../../../src/core/planning/feuillePlanDeTravail";
import { feuilleRetroplanning } from "../../../src/core/planning/feuilleRetroplanning";
import { lireEtapes } from "../../../src/core/planning/lectureEtapes";
import { lirePlanDeTravail } from "../../../src/core/planning/planDeTravail";
import { planifier } from "../../../src/core/planning/retroplanning";
import { analyserTempsDeTravail } from "../../../src/core/planning/tempsDeTravail";
import { PlanningError } from "../../../src/core/planning/modele";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { lireRecalcule, nombre, recalculer } from "../../helpers/libreoffice";
import { feuille } from "./feuille";

const etapesSheet = feuille("Étapes", [
  ["Planning post-production « Les Gardiens »"],
  [],
  ["Étape", "Durée", "Dépend de", "Calendaire", "Décalage"],
  ["Montage image", "10 j", "aucun", null, null],
  ["Montage son", 5, null, null, null],
  ["musique", 4, "montage IMAGE", null, null],
  ["Mixage", 3, "Montage son; Musique", null, 0],
  [],
  ["PAD", null, null, null, null],
]);

describe("lecture de la feuille d'étapes", () => {
  test("en-tête trouvé sous un titre ; « Dépend de » vide = ligne précédente ; noms rapprochés sans casse ni accents", () => {
    const es = lireEtapes(etapesSheet);
    expect(es.map((e) => [e.nom, e.dureeJoursOuvres, e.predecesseurs.map((p) => p.nom), e.ligne, !!e.jalon])).toEqual([
      ["Montage image", 10, [], 4, false],
      ["Montage son", 5, ["Montage image"], 5, false],
      ["musique", 4, ["Montage image"], 6, false],
      ["Mixage", 3, ["Montage son", "musique"], 7, false],
      ["PAD", 0, ["Mixage"], 9, true],
    ]);
  });
  test("décalage par prédécesseur « Nom (+2 j) », comme l'écrit la feuille Rétroplanning", () => {
    const s = feuille("E", [
      ["Étape", "Durée", "Dépend de", "Décalage"],
      ["Tournage", 5, "-", null],
      ["Labo", 2, "-", null],
      ["Montage", 3, "Tournage (+2 j), Labo", 1],
    ]);
    expect(lireEtapes(s)[2].predecesseurs).toEqual([
      { nom: "Tournage", decalage: 2 },
      { nom: "Labo", decalage: 1 },
    ]);
  });
  test("décalage négatif refusé en nommant la cellule", () => {
    const s = feuille("E", [
      ["Étape", "Durée", "Décalage"],
      ["Montage", 3, -1],
    ]);
    expect(() => lireEtapes(s)).toThrow(
      new PlanningError(
        "Ligne 2 : décalage invalide « -1 » pour l'étape « Montage » (E!C2) ; un nombre entier de jours ouvrés ≥ 0 est attendu.",
      ),
    );
  });
});

describe("feuille Rétroplanning", () => {
  const p = planifier(lireEtapes(etapesSheet), { livraison: "2026-05-15" });
  const spec = feuilleRetroplanning(p);

  test("tableau Excel, dates en cellules date, critique, marge", () => {
    expect(spec.tables).toEqual([{ name: "tblRetroplanning", range: "A4:I9", style: "TableStyleMedium2" }]);
    expect(spec.rows[3].slice(0, 9)).toEqual([
      "Étape",
      "Durée (j)",
      "Calendaire",
      "Début",
      "Fin",
      "Marge (j ouvrés)",
      "Critique",
      "Dépend de",
      "Jours (calcul)",
    ]);
    expect(spec.rows[5].slice(0, 8)).toEqual([
      "Montage son",
      5,
      "non",
      { date: "2026-04-30" },
      { date: "2026-05-07" },
      0,
      "oui",
      "Montage image",
    ]);
    expect(spec.rows[6][5]).toBe(1);
    expect(spec.print).toMatchObject({ landscape: true });
  });

  test("la date de référence est écrite en toutes lettres, comme dans le reste du produit", () => {
    expect(spec.rows[1][0]).toBe(
      "À rebours depuis la livraison du 15\u00a0mai\u00a02026 — jours ouvrés (week-ends et jours fériés exclus, zone métropole)",
    );
    const debut = "2026-03-01"; // a Sunday: the plan starts on Monday 2, the sheet names the date asked for
    const avant = feuilleRetroplanning(planifier(lireEtapes(etapesSheet), { debut }), undefined, debut);
    expect(avant.rows[1][0]).toMatch(/^Depuis le début du 1er\u00a0mars\u00a02026 — /);
  });

  test("grille de Gantt : une colonne par jour du 16/04 au 15/05/2026, en-têtes enchaînés par formule, fériés listés", () => {
    expect(spec.rows[3][10]).toEqual({ date: "2026-04-16" });
    expect(spec.rows[3][11]).toEqual({ formula: "K4+1", result: 46129 });
    expect(spec.rows[3].length).toBe(10 + 30);
    // Holidays in the span: 1, 8 and 14 May, under the table from row 12.
    expect(spec.rows.slice(11, 14).map((r) => [r[0], r[3]])).toEqual([
      ["Fête du travail", { date: "2026-05-01" }],
      ["Victoire des alliés", { date: "2026-05-08" }],
      ["Ascension", { date: "2026-05-14" }],
    ]);
    const formules = spec.conditionalFormats!.map((c) => [c.range, c.formula]);
    expect(formules).toContainEqual(["K5:AN9", 'AND(K$4>=$D5,K$4<=$E5,$G5="oui")']);
    expect(formules).toContainEqual(["K5:AN9", 'AND($C5<>"oui",OR(WEEKDAY(K$4,2)>5,COUNTIF($D$12:$D$14,K$4)>0))']);
    expect(spec.rows[5][8]).toEqual({
      formula: 'IF(B6=0,0,IF(C6="oui",E6-D6+1,NETWORKDAYS(D6,E6,$D$12:$D$14)))',
      result: 5,
    });
  });

  test("lignes denses, une largeur par colonne écrite, assez large pour son contenu, jusque dans le fichier", async () => {
    // No hole anywhere: every index of the rows and of each row is its own property (holes are written as null).
    expect(Object.keys(spec.rows)).toHaveLength(spec.rows.length);
    for (const r of spec.rows) expect(Object.keys(r)).toHaveLength(r.length);
    expect(spec.rows.flat()).not.toContain(undefined);
    // One width for each column a row reaches: the table (A–I), the narrow separator J, 30 days of Gantt (K–AN).
    const largeur = Math.max(...spec.rows.map((r) => r.length));
    expect(largeur).toBe(10 + 30);
    const colonnes = spec.columns!;
    expect(Object.keys(colonnes)).toHaveLength(largeur);
    expect(colonnes.map((c) => c.width)).toEqual([36, 9, 10, 11, 11, 9, 9, 30, 9, 2, ...Array(30).fill(3.2)]);
    // Each table column is wide enough for its values (one character per unit; dates as dd/mm/yyyy, 10 characters);
    // the header row wraps.
    const texte = (c: unknown) =>
      c && typeof c === "object" && "date" in c ? "00/00/0000" : c && typeof c === "object" ? "" : String(c ?? "");
    const trop = spec.rows
      .slice(4, 9)
      .flatMap((r) => r.slice(0, 9).map((c, i) => ({ i, t: texte(c) })))
      .filter(({ i, t }) => t.length > colonnes[i].width!);
    expect(trop).toEqual([]);
    // The Gantt columns show the day of the month (format « d », two digits at most) in 3.2 characters.
    expect(spec.formats).toContainEqual({ range: "K4:AN4", numFmt: "d", align: "center" });

    // The widths reach the saved .xlsx.
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([spec]);
    const fichier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-retro-")), "retro.xlsx");
    await wb.enregistrer(fichier);
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(fichier);
    const ws = lu.getWorksheet("Rétroplanning")!;
    // A column without its own width shows the sheet's default one.
    const lue = (i: number) => ws.getColumn(i + 1).width ?? ws.properties.defaultColWidth;
    expect(Array.from({ length: largeur }, (_, i) => lue(i))).toEqual(colonnes.map((c) => c.width));
  });
});

describe("feuilles Plan de travail et Feuille de service", () => {
  const plan = lirePlanDeTravail(
    feuille("PDT", [
      ["Date", "Nom", "Fonction", "Début", "Fin", "Lieu", "Téléphone"],
      ["15/05/2026", "Yann", "Chef opérateur", "14:00", "23:00", "Phare du Créac'h", "06 11 22 33 44"],
      ["15/05/2026", "Anne", "Ingénieure du son", "08:00", "01:00", "Phare du Créac'h", "+33 7 55 66 77 88"],
      ["16/05/2026", "Anne", "Ingénieure du son", "10:00", "12:00", "Port", ""],
    ]),
  );
  const analyse = analyserTempsDeTravail(plan);

  test("personnes × jours en heures (fractions de jour, format [h]:mm), total par formule", () => {
    const s = feuillePlanDeTravail(plan, analyse);
    expect(s.rows[3]).toEqual(["Personne", "Fonction", "ven 15/05", "sam 16/05", "Total", "Jours"]);
    // Anne: 08:00 → 01:00 next day = 17 h (> 12 h: duree-quotidienne), then 2 h.
    expect(s.rows[5]).toEqual([
      "Anne",
      "Ingénieure du son",
      17 / 24,
      2 / 24,
      { formula: "SUM(C6:D6)", result: 19 / 24 },
      { formula: "COUNT(C6:D6)", result: 2 },
    ]);
    // Hours per week: the week named as a chargé de production says it, in text, never the ISO key « 2026-W20 ».
    const entete = s.rows.findIndex((r) => r[3] === "Semaine");
    expect(s.rows[entete]).toEqual([
      "Personne",
      "Fonction",
      "Convention",
      "Semaine",
      "Heures",
      "HS 25 %",
      "HS 50 %",
      "HS 75 %",
    ]);
    expect(s.rows.slice(entete + 1, entete + 3).map((r) => [r[0], r[3]])).toEqual([
      ["Yann", "S20 – 11\u00a0mai\u00a02026"],
      ["Anne", "S20 – 11\u00a0mai\u00a02026"],
    ]);
    expect(JSON.stringify(s.rows)).not.toMatch(/\d{4}-W\d{2}/);
    // The findings table shows the finding's French title, not its code.
    expect(JSON.stringify(s.rows)).toContain("Journée trop longue");
    expect(JSON.stringify(s.rows)).not.toContain("duree-quotidienne");
    // Rest from Sat 01:00 to Sat 10:00 = 9 h: reduced rest (alerte). The plan has no « Convention » column: IDCC 2642
    // is assumed, and said (alerte, on the header's « Nom » cell).
    expect(analyse.constats.map((c) => [c.regle, c.gravite])).toEqual([
      ["convention-supposee", "alerte"],
      ["duree-quotidienne", "erreur"],
      ["repos-quotidien", "alerte"],
    ]);
  });

  test("feuille de service du 15 mai : convocations triées, lieux, contacts, impression paysage", () => {
    const s = feuilleDeService(plan, "2026-05-15", { production: "Les Films du Large" });
    expect(s.rows[0]).toEqual(["Feuille de service — vendredi 15\u00a0mai\u00a02026"]);
    expect(s.rows[2]).toEqual(["Lieu(x) de tournage : Phare du Créac'h"]);
    expect(s.rows.slice(6)).toEqual([
      ["Anne", "Ingénieure du son", "08:00", "01:00 (+1 j)", "Phare du Créac'h", "+33 7 55 66 77 88"],
      ["Yann", "Chef opérateur", "14:00", "23:00", "Phare du Créac'h", "06 11 22 33 44"],
    ]);
    expect(s.print).toEqual({ landscape: true, repeatRows: 6, fitToWidth: true });
    // A day past the plan names the plan's span; a day inside it with nobody called keeps its own message.
    expect(() => feuilleDeService(plan, "2026-05-17")).toThrow(
      "Le 17\u00a0mai\u00a02026 est hors du plan de travail de la feuille « PDT » (du 15\u00a0mai\u00a02026 au " +
        "16\u00a0mai\u00a02026) : pas de feuille de service à établir.",
    );
    const trou = { ...plan, vacations: plan.vacations.map((v, i) => (i === 0 ? { ...v, date: "2026-05-13" } : v)) };
    expect(() => feuilleDeService(trou, "2026-05-14")).toThrow(/Aucune personne n'est prévue le 14\u00a0mai\u00a02026/);
  });
});

describe("feuille Plan de travail : dimanches et jours fériés grisés, en direct dans Excel", () => {
  // Vendredi saint (a holiday in Alsace-Moselle only), Ascension, an ordinary Friday, a Sunday.
  const plan = lirePlanDeTravail(
    feuille("PDT", [
      ["Date", "Nom", "Fonction", "Début", "Fin"],
      ["03/04/2026", "Yann", "Chef opérateur", "08:00", "17:00"],
      ["14/05/2026", "Yann", "Chef opérateur", "08:00", "17:00"],
      ["15/05/2026", "Anne", "Ingénieure du son", "08:00", "17:00"],
      ["17/05/2026", "Anne", "Ingénieure du son", "09:00", "13:00"],
    ]),
  );
  const zone = "alsace-moselle" as const;
  const spec = feuillePlanDeTravail(plan, analyserTempsDeTravail(plan, undefined, zone), undefined, zone);
  const titre = spec.rows.findIndex((r) => typeof r[0] === "string" && r[0].startsWith("Jours fériés"));
  const feries = spec.rows.slice(titre + 1).filter((r) => r[1] && typeof r[1] === "object" && "date" in r[1]);
  const plageFeries = `$B$${titre + 2}:$B$${titre + 1 + feries.length}`;
  const formule = `AND(ISNUMBER(C$3),OR(WEEKDAY(C$3,2)=7,COUNTIF(${plageFeries},C$3)>0))`;

  test("une date par colonne au-dessus de l'en-tête ; fériés de l'année listés ; une mise en forme conditionnelle", () => {
    expect(spec.rows[2]).toEqual([
      "Date",
      null,
      { date: "2026-04-03" },
      { date: "2026-05-14" },
      { date: "2026-05-15" },
      { date: "2026-05-17" },
    ]);
    expect(spec.rows[3]).toEqual([
      "Personne",
      "Fonction",
      "ven 03/04",
      "jeu 14/05",
      "ven 15/05",
      "dim 17/05",
      "Total",
      "Jours",
    ]);
    expect(spec.rows[titre][0]).toBe("Jours fériés (Alsace-Moselle) : colonnes grisées avec les dimanches");
    // All of 2026's in Alsace-Moselle: the eleven of L3133-1, Vendredi saint and 26 December (L3134-13).
    expect(feries).toHaveLength(13);
    const datesFeries = feries.map((r) => (r[1] as { date: string }).date);
    expect(datesFeries).toEqual(expect.arrayContaining(["2026-04-03", "2026-05-14", "2026-12-26"]));
    // People × days (with the dates row), greyed by the date above each column.
    expect(spec.conditionalFormats).toContainEqual({ range: "C3:F6", formula: formule, fill: "#D9D9D9" });
    expect(spec.notes?.[0].text).toContain("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006902635");
  });

  test("le fichier écrit garde la règle ; LibreOffice l'évalue vraie dimanche et fériés, et elle suit une date modifiée", async () => {
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([spec]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-pdt-gris-"));
    const fichier = path.join(dir, "pdt.xlsx");
    await wb.enregistrer(fichier);

    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(fichier);
    const ws = lu.getWorksheet("Plan de travail")!;
    const cfs = (
      ws as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
        }[];
      }
    ).conditionalFormattings;
    const grise = cfs.find((c) => c.ref === "C3:F6");
    expect(grise?.rules).toHaveLength(1);
    expect(grise!.rules[0].type).toBe("expression");
    expect(grise!.rules[0].formulae).toEqual([formule]);
    expect(grise!.rules[0].style?.fill?.bgColor?.argb).toMatch(/D9D9D9$/);
    expect(ws.getCell("C3").numFmt).toBe("dd/mm/yyyy");

    // The rule's truth, column by column, as Excel would evaluate it: the formula (relative to C3) copied below the
    // sheet for each day column. A partner then moves two dates in Excel: Sunday 17/05 → Saturday 16/05 (no longer
    // greyed), Friday 15/05 → Monday 25/05 (Lundi de Pentecôte, greyed).
    const colonnes = ["C", "D", "E", "F"];
    const copies = [
      { ligne: 60, dates: {} as Record<string, Date> },
      { ligne: 61, dates: { E: new Date(Date.UTC(2026, 4, 25)), F: new Date(Date.UTC(2026, 4, 16)) } },
    ];
    for (const { ligne, dates } of copies)
      for (const col of colonnes) {
        // Row 61 reads a copy of the dates row (row 62), edited; row 60 the sheet's own.
        const source = ligne === 60 ? `${col}$3` : `${col}$62`;
        const f = `IF(${formule.replace(/C\$3/g, source)},1,0)`;
        ws.getCell(`${col}${ligne}`).value = { formula: f } as ExcelJS.CellValue;
        if (ligne === 61) ws.getCell(`${col}62`).value = dates[col] ?? ws.getCell(`${col}3`).value;
      }
    const copie = path.join(dir, "pdt-verite.xlsx");
    await lu.xlsx.writeFile(copie);
    const r = await lireRecalcule(await recalculer(copie));
    const w = r.getWorksheet("Plan de travail")!;
    const verite = (ligne: number) => colonnes.map((c) => nombre(w.getCell(`${c}${ligne}`)));
    // Vendredi saint (Alsace-Moselle), Ascension: greyed; Friday 15/05: not; Sunday 17/05: greyed.
    expect(verite(60)).toEqual([1, 1, 0, 1]);
    expect(verite(61)).toEqual([1, 1, 1, 0]);
  }, 200_000);
});
