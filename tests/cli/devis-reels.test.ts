import ExcelJS from "exceljs";
import * as path from "path";
import { devisBinaire, dossierTemporaire } from "../helpers/cli";

/**
 * Issue 10, « tried as a new user would », through the built binary (npm run build:cli): the five producer layouts of
 * tests/fixtures/devis-reels (CNC devis type with sous-chapitres, Movie Magic export, live-show budget TTC / TVA / HT with
 * months, weeks headed by dates, merged labels and hidden rows). Each closes its conservation or names every cell of it.
 */
const fichier = (nom: string) => path.join(__dirname, "../fixtures/devis-reels", nom);
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function json(nom: string) {
  const r = devisBinaire(fichier(nom), "--json");
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
}
const chapitres = (j: { devis: { chapitres: { code: string; total: string }[] } }) =>
  Object.fromEntries(j.devis.chapitres.map((c) => [c.code, c.total]));

describe("prodbook devis --json sur des devis de producteurs", () => {
  it("devis type CNC à sous-chapitres : écart 0, rien de listé, aucun sous-total faux", () => {
    const j = json("devis-type-cnc.xlsx");
    expect(j.devis.conservation).toMatchObject({ lu: "787000.00", lignes: "196750.00", listes: "0.00", ecart: "0.00" });
    expect(j.devis.conservation.totauxProuves).toBe("590250.00");
    expect(chapitres(j)).toEqual({ "1": "67000.00", "2": "94650.00", "3": "35100.00" });
    expect(j.controles.filter((c: { gravite: string }) => c.gravite === "erreur")).toEqual([]);
  });

  it("récapitulatif par sous-chapitres à côté du devis : comparé, « 2.1 à 2.2 » faux de 2 000 € nommé", () => {
    const j = json("devis-type-cnc-recap-cote.xlsx");
    expect(j.devis.conservation.ecart).toBe("0.00");
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "'Devis détaillé'!K4");
    expect(sp(m.message)).toContain(
      "Récapitulatif des chapitres : un montant diffère des totaux du devis ('Devis détaillé'!K10 « sous-chapitres " +
        "2.1 à 2.2 » : 92 650,00 €, le chapitre 2 du devis fait 94 650,00 €).",
    );
  });

  it("récapitulatif sur une feuille « Résumé » : comparé au devis, 5 montants prouvés par formule, 2.1 à 2.2 nommé", () => {
    const j = json("devis-type-cnc-resume-formules.xlsx");
    expect(j.devis.conservation).toMatchObject({ lignes: "196750.00", ecart: "0.00" });
    expect(j.devis.recapitulatif).toEqual({
      feuille: "Résumé",
      cellule: "'Résumé'!C3",
      montants: 9,
      parFormule: 5,
      chapitres: 3,
      sousChapitres: 5,
      total: true,
      ecarts: [
        {
          cellule: "'Résumé'!C9",
          libelle: "sous-chapitres 2.1 à 2.2",
          chapitre: "2",
          montant: "92650.00",
          attendu: "94650.00",
        },
      ],
    });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "'Résumé'!C9");
    expect(m.gravite).toBe("alerte");
  });

  it("Movie Magic : la colonne « Total » nomme ses montants non prouvés (fringes), pas « Acct# »", () => {
    const j = json("movie-magic.xlsx");
    expect(j.devis.conservation.ecart).toBe("0.00");
    expect(j.devis.conservation.horsColonnes).toEqual([
      {
        colonne: "H",
        entete: "Total",
        cellule: "'Budget Detail'!H3",
        nombres: 3,
        total: "4924.00",
        // « TOTAL ABOVE-THE-LINE » (H34) and « TOTAL BELOW-THE-LINE » (H35), typed: proven by the account totals they
        // cover (before: listed here with the fringes).
        cellules: [
          { cellule: "'Budget Detail'!H9", montant: "1240.00" },
          { cellule: "'Budget Detail'!H21", montant: "2340.00" },
          { cellule: "'Budget Detail'!H28", montant: "1344.00" },
        ],
        totauxProuves: 11,
      },
    ]);
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "'Budget Detail'!H3");
    expect(sp(m.message)).toMatch(/^'Budget Detail'!H3 : la colonne H « Total » n'est pas lue ; 11 de ses montants/);
    expect(m.message).not.toContain("H34");
  });

  it("Movie Magic, topsheet en valeurs : « Total Above-the-Line » et « Below-the-Line » prouvés par le calcul", () => {
    const j = json("movie-magic-topsheet.xlsx");
    // Before: « STORY & RIGHTS » (capitals) left out of « Total Above-The-Line », every total then counted as a line
    // (758 136 € « non placés »); in mixed case, both summary totals listed with « Total ≠ somme des lignes » errors.
    expect(j.devis.conservation).toMatchObject({
      lu: "886620.00",
      totauxProuves: "709296.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(j.devis.conservation.cellules).toMatchObject({ totauxProuves: 7, listees: 0 });
    expect(j.controles.filter((c: { gravite: string }) => c.gravite === "erreur")).toEqual([]);
    const cellules = j.controles.map((c: { cellule?: string }) => c.cellule);
    for (const c of ["Topsheet!C14", "Topsheet!C15", "Topsheet!C16"]) expect(cellules).not.toContain(c);
    // « STORY & RIGHTS », « PRODUCTION STAFF », « EDITING » (capitals, no quantity) are lines that « Total Above-The-Line »,
    // « Total Production », « Total Post Production » prove by their sums. Before: three « titre en majuscules » alerts
    // (total-non-prouve) doubted them all the same.
    expect(j.controles.filter((c: { regle: string }) => c.regle === "total-non-prouve")).toEqual([]);
    expect(JSON.stringify(j.controles)).not.toContain("titre en majuscules");
    // Their chapters come from their English names: said, each with its cell; « MUSIC » (rights or recording) unplaced.
    expect(j.devis.chapitresDeduits.map((x: { cellule: string; chapitre: string }) => [x.cellule, x.chapitre])).toEqual(
      [
        ["Topsheet!C4", "1"],
        ["Topsheet!C5", "2"],
        ["Topsheet!C7", "2"],
        ["Topsheet!C8", "6"],
        ["Topsheet!C10", "8"],
      ],
    );
    expect(j.devis.nonPlaces).toEqual([
      { cellule: "Topsheet!C11", montant: "8000.00", chapitresPossibles: ["1", "8"] },
    ]);
  });

  it("topsheet aux comptes anglais usuels : chaque chapitre déduit est dit avec sa cellule, les comptes à deux chapitres nommés", () => {
    const j = json("movie-magic-comptes-anglais.xlsx");
    expect(j.devis.conservation).toMatchObject({
      lu: "2011050.00",
      lignes: "443025.00",
      totauxProuves: "1496025.00",
      nonPlaces: "72000.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(chapitres(j)).toEqual({
      "1": "45000.00",
      "2": "80000.00",
      "3": "150000.00",
      "4": "28000.00",
      "6": "18500.00",
      "7": "42000.00",
      "8": "45000.00",
      "9": "10000.00",
      IMP: "24525.00",
    });
    const deduits = j.devis.chapitresDeduits.map(
      (x: { libelle: string; chapitre: string }) => `${x.libelle}:${x.chapitre}`,
    );
    expect(deduits).toEqual([
      "Story & Rights:1",
      "Director:2",
      "Cast:3",
      "Camera:7",
      "Travel & Living:6",
      "Editing:8",
      "Post Production Sound:8",
      "Insurance:9",
      "Publicity:9",
      "Fringes:4",
    ]);
    // « Contingency » is the block below the total's own word for « Imprévus » (its start of label), not a deduction.
    const alerte = (cellule: string, regle: string) =>
      j.controles.find((c: { cellule?: string; regle: string }) => c.cellule === cellule && c.regle === regle);
    expect(sp(alerte("Topsheet!C11", "chapitre-deduit-anglais").message)).toBe(
      "Topsheet!C11 « Travel & Living » (18 500,00 €) : chapitre 6 « Transports, défraiements, régie » déduit du " +
        "libellé anglais, à vérifier ; s'il n'est pas le bon, indiquez le chapitre dans une colonne « Chapitre » ou par un " +
        "titre de chapitre en français.",
    );
    // « Producers » (producer's fee below the total, or an executive producer's salary) and « Music »: never guessed.
    expect(j.devis.nonPlaces).toEqual([
      { cellule: "Topsheet!C5", montant: "60000.00", chapitresPossibles: ["PROD", "2"] },
      { cellule: "Topsheet!C15", montant: "12000.00", chapitresPossibles: ["1", "8"] },
    ]);
    expect(sp(alerte("Topsheet!C15", "ligne-hors-chapitre").message)).toBe(
      "Topsheet!C15 « Music » : ce compte anglais peut relever de deux chapitres, 1 « Droits artistiques » ou 8 " +
        "« Post-production » (droits et compositeur au chapitre 1, enregistrement et mixage au chapitre 8) ; son montant " +
        "12 000,00 € n'est placé dans aucun et n'est pas compté dans le total. Indiquez son chapitre dans une colonne " +
        "« Chapitre » ou par un titre de chapitre en français au-dessus de la ligne.",
    );
    expect(j.controles.filter((c: { regle: string }) => c.regle === "total-non-prouve")).toEqual([]);
  });

  it("récapitulatif sans ligne d'en-tête : reconnu par le calcul, le sous-chapitre faux nommé", () => {
    const j = json("devis-type-cnc-recap-sans-entete.xlsx");
    expect(j.devis.conservation).toMatchObject({ lignes: "196750.00", ecart: "0.00", listes: "0.00" });
    // Before: no recap at all (no header row), its wrong « 2.2 » left unsaid.
    expect(j.devis.recapitulatif).toEqual({
      feuille: "Récapitulatif",
      cellule: "'Récapitulatif'!C4",
      sansEntete: true,
      montants: 9,
      parFormule: 0,
      chapitres: 3,
      sousChapitres: 5,
      total: true,
      ecarts: [
        {
          cellule: "'Récapitulatif'!C8",
          libelle: "sous-chapitres 2.1 à 2.2",
          chapitre: "2",
          montant: "92650.00",
          attendu: "94650.00",
        },
      ],
    });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "'Récapitulatif'!C8");
    expect(m.gravite).toBe("alerte");
    expect(sp(m.message)).toContain(
      "Elle n'a pas de ligne d'en-tête : sa colonne de montants est reconnue par le calcul, la plupart de ses montants " +
        "valant, au centime, les totaux du devis. Un montant diffère du devis ('Récapitulatif'!C8",
    );
  });

  it("spectacle TTC / TVA / HT et mois : le HT compté une fois, « TOTAL DES CHARGES » prouvé, rien au chapitre 4", () => {
    const j = json("spectacle-ttc-mois.xlsx");
    expect(j.devis.conservation).toMatchObject({
      lu: "152400.00",
      lignes: "42800.00",
      totauxProuves: "101600.00",
      nonPlaces: "8000.00",
      ecart: "0.00",
      colonne: "D",
    });
    expect(chapitres(j)["4"]).toBeUndefined();
    expect(j.devis.nonPlaces).toEqual([{ cellule: "'Budget création'!D7", montant: "8000.00" }]);
    // Monthly columns checked row by row as weeks (before: four columns « not recognised », only summed).
    expect(j.devis.mois).toEqual({ lignes: 12, prouvees: 12, cellules: [], somme: "0.00", unite: "euros" });
    expect(j.controles.some((c: { message: string }) => c.message.includes("TOTAL DES CHARGES"))).toBe(false);
  });

  it("semaines datées : colonnes de semaines en jours, dates en français, matériel au chapitre 7", () => {
    const j = json("semaines-datees.xlsx");
    expect(j.devis.conservation).toMatchObject({ ecart: "0.00", lignes: "26000.00" });
    expect(j.devis.conservation.horsColonnes).toBeUndefined();
    expect(chapitres(j)).toEqual({ "2": "15220.00", "7": "10780.00" });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "'Devis tournage'!C3");
    expect(sp(m.message)).toContain("les 4 colonnes par semaine (C « 03/03/2025 » à F « 24/03/2025 »)");
    expect(sp(m.message)).toContain("elles comptent des jours, pas des euros");
    expect(JSON.stringify(j)).not.toContain("2025-03-03");
  });

  it("fusions et lignes masquées : écart 0, la ligne masquée omise par la formule nommée", () => {
    const j = json("fusions-masquees.xlsx");
    expect(j.devis.conservation).toMatchObject({ lignes: "19550.00", totauxProuves: "30650.00", ecart: "0.00" });
    const cellules = j.controles.map((c: { cellule?: string }) => c.cellule);
    expect(cellules).toEqual(expect.arrayContaining(["Devis!F10", "Devis!F17"]));
  });
});

describe("prodbook devis : colonnes par mois datées au premier du mois, tableaux empilés", () => {
  const dossier = dossierTemporaire("prodbook-devis-mois-");

  it("le mois en lettres (« septembre 2025 ») dans le JSON, le résumé et la feuille Contrôles, jamais « 01/09/2025 »", async () => {
    const j = json("mois-dates.xlsx");
    expect(j.devis.colonnesNonLues.map((c: { entete: string }) => sp(c.entete))).toEqual([
      "septembre 2025",
      "octobre 2025",
      "novembre 2025",
    ]);
    expect(j.devis.conservation.ecart).toBe("0.00");
    const sortie = path.join(dossier(), "mois.xlsx");
    const r = devisBinaire(fichier("mois-dates.xlsx"), "-o", sortie);
    expect(r.code).toBe(0);
    expect(sp(r.out)).toContain("les 3 colonnes par mois (C « septembre 2025 » à E « novembre 2025 »)");
    expect(r.out).not.toContain("01/09/2025");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Contrôles") as ExcelJS.Worksheet;
    const messages: string[] = [];
    ws.eachRow((row) => messages.push(String(row.getCell(3).value ?? "")));
    const m = messages.find((x) => x.includes("colonnes par mois"));
    expect(sp(m ?? "")).toContain("C « septembre 2025 » à E « novembre 2025 »");
    expect(messages.join("\n")).not.toContain("01/09/2025");
  });

  it("tableau empilé plus bas : ses mois comparés ligne à ligne, dans le JSON de son en-tête", () => {
    const j = json("mois-empiles.xlsx");
    expect(j.devis.conservation).toMatchObject({ lignes: "16000.00", ecart: "0.00" });
    expect(j.devis.mois).toEqual({ lignes: 3, prouvees: 3, cellules: [], somme: "0.00", unite: "euros" });
    expect(j.devis.entetesSuivants[0].mois).toEqual({
      lignes: 3,
      prouvees: 1,
      cellules: ["Budget!E12", "Budget!F12", "Budget!E13", "Budget!F13"],
      somme: "7600.00",
      unite: "euros",
    });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Budget!E9");
    expect(sp(m.message)).toContain("les 2 colonnes par mois (E « novembre 2025 » à F « décembre 2025 »)");
    expect(JSON.stringify(j)).not.toMatch(/2025-1[12]-01|01\/1[12]\/2025/);
  });

  it("deux tableaux sous le même en-tête répété, chacun sa section et son sous-total : les deux lus, écart 0", () => {
    const j = json("deux-tableaux-meme-entete.xlsx");
    // The header printed again above « POST-PRODUCTION » is skipped as a repeat, its table's lines read all the same.
    expect(j.devis.conservation).toMatchObject({
      lu: "40050.00",
      lignes: "13350.00",
      totauxProuves: "26700.00",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(j.devis.conservation.cellules).toMatchObject({ lignes: 6, totauxProuves: 3 });
    expect(chapitres(j)).toEqual({ "2": "4150.00", "7": "3000.00", "8": "6200.00" });
    expect(j.devis.total).toBe("13350.00");
    expect(j.controles.filter((c: { gravite: string }) => c.gravite === "erreur")).toEqual([]);
  });

  it("court métrage aux montants en texte (« 1 234,56 € », espaces insécables) : lus au centime, totaux prouvés", () => {
    const j = json("court-metrage-textes.xlsx");
    expect(j.devis.conservation).toMatchObject({
      lu: "31426.94",
      lignes: "11980.50",
      totauxProuves: "19446.44",
      nonPlaces: "0.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(chapitres(j)).toEqual({ "1": "3734.56", "2": "7465.94", "6": "780.00" });
    expect(j.controles.map((c: { regle: string }) => c.regle)).toEqual(["charges-sociales-absentes"]);
  });

  it("spectacle HT | TVA | TTC, libellés fusionnés : le HT lu et dit, rien de perdu, chaque montant non placé nommé", () => {
    const j = json("spectacle-ht-tva-ttc.xlsx");
    expect(j.devis.conservation).toMatchObject({
      lu: "54480.00",
      totauxProuves: "27240.00",
      listes: "0.00",
      ecart: "0.00",
    });
    expect(j.devis.colonneMontant.retenue).toMatchObject({ colonne: "C", entete: "Montant HT", nature: "ht" });
    // Lines + unplaced = the HT total (27 240 €), every unplaced amount named by its cell.
    const places = Number(j.devis.conservation.lignes) + Number(j.devis.conservation.nonPlaces);
    expect(places).toBe(27240);
    const nommees = new Set(j.controles.map((c: { cellule?: string }) => c.cellule));
    for (const n of j.devis.nonPlaces) expect(nommees).toContain(n.cellule);
    // Before: « (ni code, ni titre de chapitre au-dessus, ni mot-clé reconnu) », though a title stood right above.
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Budget!C5");
    expect(sp(m.message)).toBe(
      "Budget!C5 « Cession du spectacle » : le montant 12 000,00 € n'est rattaché à aucun chapitre : le titre " +
        "« DÉPENSES ARTISTIQUES » au-dessus (Budget!A4) ne nomme pas un chapitre du devis CNC, et ni le code ni le " +
        "libellé de la ligne n'en désignent un ; il n'est pas compté dans le total. Il est listé parmi les montants " +
        "non placés (hors total). Indiquez le chapitre de la ligne dans une colonne « Chapitre » ou par un titre de " +
        "chapitre au-dessus d'elle (« 07 MOYENS TECHNIQUES »), puis relancez.",
    );
  });

  it("récapitulatif sur une feuille au nom quelconque (« Feuil2 ») : reconnu par le calcul seul, le sous-chapitre faux nommé", () => {
    const j = json("devis-type-cnc-recap-feuille-libre.xlsx");
    expect(j.devis.conservation).toMatchObject({ lignes: "196750.00", ecart: "0.00", listes: "0.00" });
    // Before: searched only on sheets named « Récapitulatif », « Résumé »…: this one left unsaid, its wrong « 2.2 » too.
    expect(j.devis.recapitulatif).toMatchObject({
      feuille: "Feuil2",
      cellule: "Feuil2!C4",
      montants: 9,
      chapitres: 3,
      sousChapitres: 5,
      total: true,
      ecarts: [{ cellule: "Feuil2!C8", chapitre: "2", montant: "92650.00", attendu: "94650.00" }],
    });
    expect(j.devis.autresFeuilles).toBeUndefined();
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Feuil2!C8");
    expect(m.gravite).toBe("alerte");
  });
  it("récapitulatif par chapitre au-dessus de l'en-tête, sur la feuille du devis : prouvé par le calcul, 03 faux nommé", () => {
    const j = json("devis-recap-haut.xlsx");
    // Before: its five figures (F4:F8) were neither read nor said, its wrong « 03 Interprétation » left in silence.
    expect(j.devis.lignes).toBe(7);
    expect(j.devis.total).toBe("160900.00");
    expect(j.devis.conservation).toMatchObject({
      lu: "804400.00",
      lignes: "160900.00",
      // The devis's 5 proven totals (321 800 €) and 4 figures of the recap (286 700 €), the wrong one listed.
      totauxProuves: "608500.00",
      nonPlaces: "0.00",
      listes: "35000.00",
      ecart: "0.00",
      cellules: { lues: 17, lignes: 7, totauxProuves: 9, nonPlaces: 0, listees: 1 },
      nonComptees: [],
    });
    expect(j.devis.recapitulatifSurFeuille).toEqual({
      place: "haut",
      cellule: "Devis!F4",
      montants: 5,
      chapitres: 4,
      total: true,
      ecarts: [
        { cellule: "Devis!F6", libelle: "03 Interprétation", chapitre: "3", montant: "35000.00", attendu: "35100.00" },
      ],
    });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Devis!F6");
    expect(m.gravite).toBe("alerte");
    expect(sp(m.message)).toBe(
      "Devis!F6 « 03 Interprétation » : 35 000,00 € n'est pas compté dans le devis ; ce montant répète un montant " +
        "dans un récapitulatif, mais il diffère du devis : le chapitre 3 du devis fait 35 100,00 €. Vérifiez cette " +
        "cellule : ce sont les lignes du devis qui sont comptées.",
    );
  });

  it("récapitulatif par chapitre sous les lignes, par formules : ses montants prouvés, jamais des lignes, 05 faux nommé", () => {
    const j = json("devis-recap-bas.xlsx");
    expect(j.devis.lignes).toBe(7);
    expect(j.devis.total).toBe("160900.00");
    // Before: its five figures listed (« répète un montant »), the wrong one too, its 1 000 € difference unsaid.
    expect(j.devis.conservation).toMatchObject({
      lu: "803500.00",
      lignes: "160900.00",
      totauxProuves: "625600.00",
      listes: "17000.00",
      ecart: "0.00",
      cellules: { lues: 17, lignes: 7, totauxProuves: 9, nonPlaces: 0, listees: 1 },
    });
    expect(j.devis.recapitulatifSurFeuille).toMatchObject({
      place: "bas",
      cellule: "Devis!F22",
      montants: 5,
      ecarts: [{ cellule: "Devis!F25", chapitre: "5", montant: "17000.00", attendu: "18000.00" }],
    });
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Devis!F25");
    expect(m.gravite).toBe("alerte");
    expect(sp(m.message)).toContain("17 000,00 €");
    expect(sp(m.message)).toContain("le chapitre 5 du devis fait 18 000,00 €");
    const infos = j.controles.filter((c: { regle: string; gravite: string }) => c.regle === "montant-hors-lignes");
    expect(infos.map((c: { cellule: string }) => c.cellule).sort()).toEqual(
      ["Devis!F22", "Devis!F23", "Devis!F24", "Devis!F25", "Devis!F26"].sort(),
    );
  });
  it("budget de tournée aux sections en minuscules : « Frais de tournée » pas en frais généraux, « Communication » dite en une fois", () => {
    const j = json("spectacle-sections.xlsx");
    expect(j.devis.lignes).toBe(10);
    expect(j.devis.total).toBe("13500.00");
    expect(j.devis.conservation).toMatchObject({
      lu: "41000.00",
      lignes: "13500.00",
      totauxProuves: "20500.00",
      nonPlaces: "7000.00",
      listes: "0.00",
      ecart: "0.00",
    });
    // Before: « Frais de tournée » read as « Frais » généraux, its hébergement and repas (3 300 €) below the total.
    expect(chapitres(j)).toEqual({ "2": "2200.00", "3": "5000.00", "6": "3300.00", "7": "3000.00" });
    // Before: three alertes, one per line, none saying the section they stand under: now one alerte for the section,
    // naming each cell and the sum, the other two lines an information each pointing to it.
    const hc = j.controles.filter((c: { regle: string }) => c.regle === "ligne-hors-chapitre");
    expect(hc.map((c: { gravite: string; cellule: string }) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "'Budget tournée'!D6"],
      ["alerte", "'Budget tournée'!D11"],
      ["alerte", "'Budget tournée'!D17"],
      ["info", "'Budget tournée'!D12"],
      ["info", "'Budget tournée'!D13"],
    ]);
    expect(sp(hc[1].message)).toBe(
      "3 lignes sous « Communication » ('Budget tournée'!A10), qui ne nomme pas un chapitre du devis CNC, ne sont " +
        "rattachées à aucun chapitre (ni leur code ni leur libellé n'en désignent un) : 2 250,00 € en tout, non " +
        "comptés dans le total : 'Budget tournée'!D11 « Affiches et flyers » (1 200,00 €), 'Budget tournée'!D12 " +
        "« Photographe » (600,00 €), 'Budget tournée'!D13 « Dossier de diffusion » (450,00 €). Indiquez leur " +
        "chapitre dans une colonne « Chapitre » ou par un titre de chapitre au-dessus d'elles.",
    );
    // A few words alone on their row are said as a text, not asserted a title.
    expect(sp(hc[2].message)).toContain("le texte « Frais de tournée » au-dessus ('Budget tournée'!A14)");
    // Every unplaced amount is a finding's cell.
    const cellules = new Set(hc.map((c: { cellule: string }) => c.cellule));
    for (const n of j.devis.nonPlaces) expect(cellules).toContain(n.cellule);
  });
});

describe("prodbook devis : récapitulatif sous l'en-tête, chiffres au-dessus de l'en-tête, récapitulatif dans une autre colonne", () => {
  const dossier = dossierTemporaire("prodbook-devis-recap-");
  /** The « Contrôles » sheet written by -o: each row's message (column C), and its conservation sentence (A3). */
  async function controles(nom: string) {
    const sortie = path.join(dossier(), nom);
    const r = devisBinaire(fichier(nom), "-o", sortie);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Contrôles") as ExcelJS.Worksheet;
    const messages: string[] = [];
    ws.eachRow((row) => messages.push(sp(String(row.getCell(3).value ?? ""))));
    return { messages, conservation: sp(String(ws.getCell("A3").value ?? "")) };
  }

  it("récapitulatif juste sous la ligne d'en-tête, sans titre : prouvé par le calcul, jamais des lignes, 02 faux nommé", async () => {
    const j = json("devis-recap-sous-entete.xlsx");
    // Before: its five figures read as lines, the devis doubled to 321 000 € and its « TOTAL GÉNÉRAL » called wrong.
    expect(j.devis.lignes).toBe(7);
    expect(j.devis.total).toBe("160900.00");
    expect(chapitres(j)).toEqual({ "1": "55000.00", "2": "52800.00", "3": "35100.00", "5": "18000.00" });
    expect(j.devis.conservation).toMatchObject({
      lu: "803700.00",
      lignes: "160900.00",
      totauxProuves: "590800.00",
      nonPlaces: "0.00",
      listes: "52000.00",
      ecart: "0.00",
      cellules: { lues: 17, lignes: 7, totauxProuves: 9, nonPlaces: 0, listees: 1 },
      nonComptees: [],
    });
    // In the amount column under the header: no cell to name apart.
    expect(j.devis.conservation.ailleurs).toBeUndefined();
    expect(j.devis.recapitulatifSurFeuille).toEqual({
      place: "sous-entete",
      cellule: "Devis!F4",
      montants: 5,
      chapitres: 4,
      total: true,
      ecarts: [
        { cellule: "Devis!F5", libelle: "02 Personnel", chapitre: "2", montant: "52000.00", attendu: "52800.00" },
      ],
    });
    expect(j.controles.filter((c: { gravite: string }) => c.gravite === "erreur")).toEqual([]);
    const m = j.controles.find((c: { cellule?: string }) => c.cellule === "Devis!F5");
    expect(m.gravite).toBe("alerte");
    expect(sp(m.message)).toBe(
      "Devis!F5 « 02 Personnel » : 52 000,00 € n'est pas compté dans le devis ; ce montant répète un montant dans " +
        "un récapitulatif, mais il diffère du devis : le chapitre 2 du devis fait 52 800,00 €. Vérifiez cette " +
        "cellule : ce sont les lignes du devis qui sont comptées.",
    );
    const infos = j.controles.filter((c: { regle: string; gravite: string }) => c.regle === "montant-hors-lignes");
    expect(infos.map((c: { cellule: string }) => c.cellule)).toEqual([
      "Devis!F5",
      "Devis!F4",
      "Devis!F6",
      "Devis!F7",
      "Devis!F8",
    ]);
    const r = devisBinaire(fichier("devis-recap-sous-entete.xlsx"));
    expect(r.code).toBe(0);
    expect(sp(r.out)).toContain(
      "Montants lus (colonne F) : 803 700,00 € = lignes placées 160 900,00 € + totaux prouvés 590 800,00 € + " +
        "non placés 0,00 € + listés 52 000,00 € ; écart 0,00 €.",
    );
    expect(sp(r.out)).toContain("  TOTAL                                       160 900,00 €\n");
    const c = await controles("devis-recap-sous-entete.xlsx");
    expect(c.messages.some((x) => x.startsWith("Devis!F5 « 02 Personnel » : 52 000,00 €"))).toBe(true);
  });

  it("récapitulatif au-dessus de l'en-tête dans la colonne D : le résumé nomme D4:D8, pas la seule colonne F", async () => {
    const j = json("devis-recap-haut-colonne.xlsx");
    expect(j.devis.total).toBe("160900.00");
    expect(j.devis.conservation).toMatchObject({
      lu: "804400.00",
      totauxProuves: "608500.00",
      listes: "35000.00",
      ecart: "0.00",
      colonne: "F",
      ailleurs: [
        { cellule: "Devis!D4", montant: "55000.00", place: "au-dessus" },
        { cellule: "Devis!D5", montant: "52800.00", place: "au-dessus" },
        { cellule: "Devis!D6", montant: "35000.00", place: "au-dessus" },
        { cellule: "Devis!D7", montant: "18000.00", place: "au-dessus" },
        { cellule: "Devis!D8", montant: "160900.00", place: "au-dessus" },
      ],
    });
    expect(j.devis.recapitulatifSurFeuille).toMatchObject({
      place: "haut",
      cellule: "Devis!D4",
      ecarts: [{ cellule: "Devis!D6", chapitre: "3", montant: "35000.00", attendu: "35100.00" }],
    });
    const r = devisBinaire(fichier("devis-recap-haut-colonne.xlsx"));
    // Before: « Montants lus (colonne F) », the recap's cells in D unsaid.
    expect(sp(r.out)).toContain(
      "Montants lus (colonne F, et au-dessus de l'en-tête D4:D8) : 804 400,00 € = lignes placées 160 900,00 € + " +
        "totaux prouvés 608 500,00 € + non placés 0,00 € + listés 35 000,00 € ; écart 0,00 €.",
    );
    expect(sp(r.out)).toContain("[alerte] Montant lu hors des lignes — Devis!D6 « 03 Interprétation » : 35 000,00 €");
    const c = await controles("devis-recap-haut-colonne.xlsx");
    expect(c.conservation).toContain("Montants lus (colonne F, et au-dessus de l'en-tête D4:D8)");
  });

  it("chiffres au-dessus de l'en-tête qui ne sont pas un récapitulatif : lus, comptés et nommés par leur cellule", async () => {
    const j = json("devis-chiffres-au-dessus.xlsx");
    expect(j.devis.total).toBe("160900.00");
    expect(j.devis.recapitulatifSurFeuille).toBeUndefined();
    // Before: lu 482 700 €, the 150 000 € and 20 000 € above the header neither read nor said.
    expect(j.devis.conservation).toMatchObject({
      lu: "813600.00",
      lignes: "160900.00",
      totauxProuves: "482700.00",
      nonPlaces: "0.00",
      listes: "170000.00",
      ecart: "0.00",
      // The date B5 is read and listed (a cell), never in euros.
      cellules: { lues: 17, lignes: 7, totauxProuves: 6, nonPlaces: 0, listees: 4 },
      nonComptees: [],
      ailleurs: [
        { cellule: "Devis!F2", montant: null, place: "au-dessus" },
        { cellule: "Devis!F3", montant: "150000.00", place: "au-dessus" },
        { cellule: "Devis!D4", montant: "20000.00", place: "au-dessus" },
        { cellule: "Devis!B5", montant: null, place: "au-dessus", nature: "date", valeur: "2025-04-15", unite: "date" },
        { cellule: "Devis!F6", montant: "160900.00", place: "au-dessus" },
      ],
    });
    const message = (cellule: string) =>
      sp(j.controles.find((c: { cellule?: string }) => c.cellule === cellule)?.message ?? "");
    expect(message("Devis!F3")).toBe(
      "Devis!F3 « Budget prévisionnel » : 150 000,00 € n'est pas compté dans le devis ; ce montant est écrit " +
        "au-dessus de la ligne d'en-tête du devis, hors de ses lignes : ce n'est ni une ligne ni un total prouvé. " +
        "Vérifiez cette cellule : si c'est une ligne du devis, placez-la sous l'en-tête, avec les autres.",
    );
    expect(message("Devis!D4")).toContain("Devis!D4 « Apport du producteur » : 20 000,00 € n'est pas compté");
    expect(message("Devis!F6")).toBe(
      "Devis!F6 « Total du devis » : 160 900,00 € n'est pas compté dans le devis ; ce montant est écrit au-dessus " +
        "de la ligne d'en-tête du devis, hors de ses lignes, et il est égal, au centime, au total du devis, déjà " +
        "compté par ses lignes.",
    );
    // An Excel error above the header: named (alerte), listed without amount, never lost with its row.
    const e = j.controles.find((c: { cellule?: string }) => c.cellule === "Devis!F2");
    expect(e.gravite).toBe("alerte");
    expect(sp(e.message)).toBe(
      "Devis!F2 « Frais de structure » : cette cellule, au-dessus de la ligne d'en-tête du devis, est une erreur " +
        "Excel (#REF!) ; elle n'est pas comptée dans le devis. Corrigez-la, puis relancez.",
    );
    // The devis's date (B5) is no amount: never in euros, but named as a date (before: dropped, said nowhere).
    expect(message("Devis!B5")).toBe(
      "Devis!B5 « Date du devis » : 15/04/2025 est écrit au-dessus de la ligne d'en-tête du devis ; c'est une date, " +
        "pas un montant : il n'est ni lu en euros ni compté dans le devis.",
    );
    const r = devisBinaire(fichier("devis-chiffres-au-dessus.xlsx"));
    expect(sp(r.out)).toContain(
      "Montants lus (colonne F, et au-dessus de l'en-tête D4, F2:F3, F6) : 813 600,00 € = lignes placées 160 900,00 € + " +
        "totaux prouvés 482 700,00 € + non placés 0,00 € + listés 170 000,00 € ; écart 0,00 €. Nombre lu hors du " +
        "tableau, qui n'est pas un montant (ni en euros ni dans les sommes) : B5 15/04/2025.",
    );
    expect(sp(r.out)).toContain("[information] Montant lu hors des lignes — Devis!F3 « Budget prévisionnel »");
    const c = await controles("devis-chiffres-au-dessus.xlsx");
    expect(c.conservation).toContain("au-dessus de l'en-tête D4, F2:F3, F6");
    for (const cellule of ["Devis!F2", "Devis!F3", "Devis!D4", "Devis!F6"])
      expect(c.messages.some((x) => x.startsWith(`${cellule} «`))).toBe(true);
  });
});
