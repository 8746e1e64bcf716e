import type { SheetData } from "../../../src/core/port/workbook";
import { importerDevis } from "../../../src/core/devis/import";
import { recapEtAutresFeuilles, trouverFeuilleDevis } from "../../../src/core/devis/trouver";
import { structurerDevis } from "../../../src/core/devis/structurer";
import { cents } from "../../../src/core/money/cents";
import { constatsFeuilleLue } from "../../../src/core/devis/regles/feuilleLue";
import { ClasseurLu } from "../../helpers/classeurLu";
import { feuilleXlsx, type Cellule } from "./outils";
import { DEVIS_DETAILLE, recapDevis } from "../../helpers/devisRecap";

const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/**
 * Which sheet of a workbook is read as the devis, which one is its recap and which others are named (finding
 * « feuille-lue »): each sheet built with ExcelJS and read back by the xlsx adapter. A recap is proven by its amounts
 * agreeing, to the cent, with the chapter totals of the sheet read: never by its name alone.
 */

const DETAILLE = DEVIS_DETAILLE;
const recap = recapDevis;
const JUSTE = recap([12500, 12200.5, 3000, 27700.5]);

const feuilles = (def: Record<string, Cellule[][]>): Promise<SheetData[]> =>
  Promise.all(Object.entries(def).map(([nom, rows]) => feuilleXlsx(nom, rows)));

async function decision(def: Record<string, Cellule[][]>) {
  const sheets = await feuilles(def);
  const lue = trouverFeuilleDevis(sheets) as SheetData;
  const devis = importerDevis(lue);
  return { lue: lue.name, devis, ...recapEtAutresFeuilles(lue, devis, sheets) };
}

async function feuilleLue(def: Record<string, Cellule[][]>) {
  const r = await structurerDevis(new ClasseurLu(await feuilles(def)), { date: "2026-01-15" });
  return { r, constats: r.constats.filter((c) => c.regle === "feuille-lue") };
}

describe("recapEtAutresFeuilles : la feuille lue, son récapitulatif, les autres devis", () => {
  it("devis détaillé et son vrai récapitulatif « Récap » : le récapitulatif n'est ni lu ni nommé comme autre devis", async () => {
    const d = await decision({ "Devis détaillé": DETAILLE, Récap: JUSTE });
    expect(d.lue).toBe("Devis détaillé");
    expect(d.devis.total).toBe(2_770_050);
    expect(d.recapitulatif).toMatchObject({ feuille: "Récap", chapitres: 3, total: true, ecarts: [] });
    expect(d.autres).toEqual([]);
    const { constats } = await feuilleLue({ "Devis détaillé": DETAILLE, Récap: JUSTE });
    expect(constats.map((c) => c.gravite)).toEqual(["info"]);
    expect(sp(constats[0].message)).toContain("Récapitulatif conforme au devis, au centime.");
  });

  it("un récapitulatif nommé « Synthèse budget » dont les montants sont justes n'est pas un autre devis", async () => {
    const d = await decision({ "Devis détaillé": DETAILLE, "Synthèse budget": JUSTE });
    expect(d.recapitulatif).toMatchObject({ feuille: "Synthèse budget", ecarts: [] });
    expect(d.autres).toEqual([]);
  });

  it("un récapitulatif en retard d'un chapitre (son total, somme de ses chapitres, en retard d'autant) reste le récapitulatif : le chapitre et le total faux sont nommés", async () => {
    // Chapter 2 typed 200 € short, and the recap's own total (the sum of its chapters) 200 € short with it.
    const d = await decision({ "Devis détaillé": DETAILLE, Récap: recap([12500, 12000.5, 3000, 27500.5]) });
    expect(d.recapitulatif?.ecarts).toEqual([
      { cellule: "'Récap'!C3", libelle: "2 Personnel", chapitre: "2", montant: 1_200_050, attendu: 1_220_050 },
      { cellule: "'Récap'!C5", libelle: "Total", chapitre: "total", montant: 2_750_050, attendu: 2_770_050 },
    ]);
    expect(d.autres).toEqual([]);
  });

  it("un récapitulatif dont seul le total est faux reste le récapitulatif : le total est nommé", async () => {
    const d = await decision({ "Devis détaillé": DETAILLE, Récap: recap([12500, 12200.5, 3000, 30000]) });
    expect(d.recapitulatif?.ecarts.map((e) => e.chapitre)).toEqual(["total"]);
    expect(d.autres).toEqual([]);
  });

  it("devis détaillé et un second devis complet « Devis V1 » : l'autre feuille est nommée dans l'alerte", async () => {
    const v1 = DETAILLE.map((r) => [...r]);
    v1[3] = ["1.2", "Droits musicaux", 3000];
    const def = { "Devis détaillé": DETAILLE, "Devis V1": v1, Récap: JUSTE };
    const d = await decision(def);
    expect(d.lue).toBe("Devis détaillé");
    expect(d.recapitulatif?.feuille).toBe("Récap");
    expect(d.autres).toEqual([{ feuille: "Devis V1", cellule: "'Devis V1'!C1", cellules: 5, somme: 2_820_050 }]);
    const { constats } = await feuilleLue(def);
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([
      ["alerte", "'Devis V1'!C1"],
      ["info", "'Récap'!C1"],
    ]);
    expect(sp(constats[0].message)).toBe(
      "La feuille « Devis V1 » ressemble aussi à un devis et tient des montants ('Devis V1'!C1 et dessous : 5 " +
        "cellules, somme 28 200,50 €) ; elle n'est pas lue : seule la feuille « Devis détaillé » l'est. Si elle fait " +
        "partie du devis, réunissez les deux feuilles en une ; si c'est elle le devis, indiquez-la comme feuille à lire.",
    );
  });

  it("« Devis V1 » avec une ligne « Total » : sa somme est celle de ses lignes, le total n'y est pas ajouté", async () => {
    const v1: Cellule[][] = [...DETAILLE.map((r) => [...r]), [null, "Total", 28200.5]];
    v1[3] = ["1.2", "Droits musicaux", 3000];
    const def = { "Devis détaillé": DETAILLE, "Devis V1": v1 };
    const d = await decision(def);
    // Before: 6 cells, 56 401,00 € (the total added to the lines it sums).
    expect(d.autres).toEqual([{ feuille: "Devis V1", cellule: "'Devis V1'!C1", cellules: 5, somme: 2_820_050 }]);
    const { constats } = await feuilleLue(def);
    expect(sp(constats[0].message)).toContain("('Devis V1'!C1 et dessous : 5 cellules, somme 28 200,50 €)");
  });

  it("« Devis V1 » : une ligne dite « Total » dont le montant ne fait pas la somme reste une ligne comptée", async () => {
    // A supplier « TOTAL ENERGIES » (450 €) and a « Total » off by 1 € are lines: words never decide alone.
    const v1: Cellule[][] = [...DETAILLE.map((r) => [...r]), ["8.2", "TOTAL ENERGIES", 450], [null, "Total", 28149]];
    const d = await decision({ "Devis détaillé": DETAILLE, "Devis V1": v1 });
    expect(d.autres).toEqual([{ feuille: "Devis V1", cellule: "'Devis V1'!C1", cellules: 7, somme: 5_629_950 }]);
    // Sub-totals proven by their lines and a grand total proven by all lines are all left out.
    const sous: Cellule[][] = [
      ...DETAILLE.slice(0, 4),
      [null, "Total 1", 12500],
      ...DETAILLE.slice(4, 7),
      [null, "Total 2", 12200.5],
      ...DETAILLE.slice(7),
      [null, "Total général", 27700.5],
    ];
    const e = await decision({ "Devis détaillé": DETAILLE, "Devis V2": sous });
    expect(e.autres).toEqual([{ feuille: "Devis V2", cellule: "'Devis V2'!C1", cellules: 5, somme: 2_770_050 }]);
  });

  it("seulement un récapitulatif : c'est lui qui est lu, rien d'autre n'est nommé", async () => {
    const d = await decision({ Récapitulatif: JUSTE });
    expect(d.lue).toBe("Récapitulatif");
    expect(d.recapitulatif).toBeUndefined();
    expect(d.autres).toEqual([]);
    const { constats } = await feuilleLue({ Récapitulatif: JUSTE });
    expect(constats).toEqual([]);
  });
});

describe("la feuille du devis choisie par ce qu'elle tient, jamais par son seul nom", () => {
  // A full devis: more recognised columns than the recap's, and more lines.
  const COMPLET: Cellule[][] = [
    ["Code", "Libellé", "Quantité", "Unité", "Tarif", "Montant"],
    ["1 - DROITS ARTISTIQUES"],
    ["1.1", "Droits d'auteur", 1, "forfait", 10000, 10000],
    ["1.2", "Droits musicaux", 1, "forfait", 2500, 2500],
    ["2 - PERSONNEL"],
    ["2.1", "Réalisateur", 20, "jour", 400, 8000],
    ["2.2", "Chef opérateur", 10, "jour", 420.05, 4200.5],
    ["8 - POST-PRODUCTION"],
    ["8.1", "Montage", 10, "jour", 300, 3000],
  ];
  // A small table of another use with a header read as a devis's.
  const NOTES: Cellule[][] = [
    ["Code", "Libellé", "Montant"],
    [null, "Repérages", 500],
  ];

  it("un devis complet nommé « Synthèse budget » est lu, non la petite feuille « Notes » (avant : « Notes », par le seul nom)", async () => {
    const def = { Notes: NOTES, "Synthèse budget": COMPLET };
    const d = await decision(def);
    expect(d.lue).toBe("Synthèse budget");
    expect(d.devis.total).toBe(2_770_050);
    expect(d.devis.lignes).toHaveLength(5);
    expect(d.recapitulatif).toBeUndefined();
    const { r } = await feuilleLue(def);
    expect(r.devis.feuille).toBe("Synthèse budget");
    expect(r.devis.total).toBe(2_770_050);
    // The same when « Notes » has the very header of the devis (same columns): the amounts decide.
    const memeEntete: Cellule[][] = [COMPLET[0], [null, "Repérages", null, null, null, 500]];
    expect((await decision({ Notes: memeEntete, "Synthèse budget": COMPLET })).lue).toBe("Synthèse budget");
  });

  it("un vrai « Récapitulatif » n'est pas lu à la place du devis, même avec plus de montants : ses montants le prouvent", async () => {
    // Sous-chapitres and chapter totals: nine amounts, more than the devis's five lines, same columns recognised.
    const parSousChapitres: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 10000],
      ["1.2", "Droits musicaux", 2500],
      [null, "Total 1", 12500],
      ["2.1", "Réalisateur", 8000],
      ["2.2", "Chef opérateur", 4200.5],
      [null, "Total 2", 12200.5],
      ["8.1", "Montage", 3000],
      [null, "Total 8", 3000],
      [null, "Total", 27700.5],
    ];
    const d = await decision({ Récapitulatif: parSousChapitres, Feuil1: DETAILLE });
    expect(d.lue).toBe("Feuil1");
    expect(d.devis.total).toBe(2_770_050);
    expect(d.recapitulatif).toMatchObject({ feuille: "Récapitulatif", ecarts: [] });
    expect(d.autres).toEqual([]);
    // Its amounts no longer the devis's (a stale recap): its chapter totals and grand total are no lines, its five
    // sous-chapitres no more than Feuil1's five lines. Feuil1 is read and the recap named with its amounts out of total
    // (before: the recap read for its nine amounts, Feuil1 named nowhere).
    const perime = parSousChapitres.map((r) => r.map((v) => (typeof v === "number" ? v * 2 : v)));
    const p = await decision({ Récapitulatif: perime, Feuil1: DETAILLE });
    expect(p.lue).toBe("Feuil1");
    expect(p.devis.total).toBe(2_770_050);
    expect(p.recapitulatif).toBeUndefined();
    expect(p.autres).toMatchObject([
      { feuille: "Récapitulatif", cellule: "'Récapitulatif'!C1", cellules: 5, somme: 5_540_100 },
    ]);
    expect(p.autres[0].recapitulatifNonProuve).toMatchObject({ figures: 7, accords: 0 });
    const { constats } = await feuilleLue({ Récapitulatif: perime, Feuil1: DETAILLE });
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "'Récapitulatif'!C2"]]);
    expect(sp(constats[0].message)).toContain("5 cellules hors total, somme 55 401,00 €");
    expect(sp(constats[0].message)).toContain("seule la feuille « Feuil1 » l'est");
    // A « Total 2 » that adds up to nothing it covers (12 000 for 8 000 + 4 200,50, doubled) is an amount of its own:
    // counted with the rest, whatever its place; the grand total, no longer the sum of the chapters, is counted too.
    // (Feuil1 read as the devis, as a sheet named by the user is: the recap-named sheet, seven amounts now, is compared.)
    const fauxTotal = perime.map((r) => (r[1] === "Total 2" ? [null, "Total 2", 24000] : r));
    const sheets = await feuilles({ Récapitulatif: fauxTotal, Feuil1: DETAILLE });
    const feuil1 = sheets.find((x) => x.name === "Feuil1")!;
    const f = recapEtAutresFeuilles(feuil1, importerDevis(feuil1), sheets);
    expect(f.autres).toMatchObject([
      { feuille: "Récapitulatif", cellules: 7, somme: 5_540_100 + 2_400_000 + 5_540_100 },
    ]);
  });

  it("une feuille au nom de récapitulatif qui tient plus de lignes que le devis est lue, et l'autre feuille à en-tête est nommée", async () => {
    // Another production's devis under a recap's name: six lines (no total row), none a chapter total of Feuil1.
    const autreDevis: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 20000],
      ["1.2", "Droits musicaux", 5000],
      ["2.1", "Réalisateur", 16000],
      ["2.2", "Chef opérateur", 8401],
      ["8.1", "Montage", 6000],
      ["8.2", "Étalonnage", 1500],
    ];
    const def = { Récapitulatif: autreDevis, Feuil1: DETAILLE };
    const d = await decision(def);
    expect(d.lue).toBe("Récapitulatif");
    expect(d.devis.total).toBe(5_690_100);
    // Feuil1: neither named as a devis nor with the same header, named all the same (before: named nowhere).
    expect(d.autres).toEqual([{ feuille: "Feuil1", cellule: "Feuil1!C1", cellules: 5, somme: 2_770_050 }]);
    const { r, constats } = await feuilleLue(def);
    expect(r.devis.feuille).toBe("Récapitulatif");
    expect(r.devis.autresFeuilles?.map((a) => a.feuille)).toEqual(["Feuil1"]);
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "Feuil1!C1"]]);
    expect(sp(constats[0].message)).toContain("La feuille « Feuil1 » ressemble aussi à un devis");
  });

  it("une feuille au nom de récapitulatif, non prouvée, est comptée comme l'alerte la compte : ses lignes de chapitre prouvées par calcul n'en font pas un devis plus grand", async () => {
    // Chapter rows (no « Total » wording) each the sum of its sous-chapitres: eight amounts, five once the chapter rows
    // proven by arithmetic are set aside — no more than Feuil1's five lines. Its figures are doubled: no recap of Feuil1.
    const chapitres: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1", "Droits artistiques", 25000],
      ["1.1", "Droits d'auteur", 20000],
      ["1.2", "Droits musicaux", 5000],
      ["2", "Personnel", 24401],
      ["2.1", "Réalisateur", 16000],
      ["2.2", "Chef opérateur", 8401],
      ["8", "Post-production", 6000],
      ["8.1", "Montage", 6000],
    ];
    // Before: eight amounts against five, the recap-named sheet read and Feuil1 named, while the finding about the
    // recap-named sheet, had Feuil1 been read, would have said five cells.
    for (const def of [
      { Récapitulatif: chapitres, Feuil1: DETAILLE },
      { Feuil1: DETAILLE, Récapitulatif: chapitres },
    ]) {
      const d = await decision(def);
      expect(d.lue).toBe("Feuil1");
      expect(d.devis.total).toBe(2_770_050);
      expect(d.recapitulatif).toBeUndefined();
      expect(d.autres).toMatchObject([{ feuille: "Récapitulatif", cellules: 5, somme: 5_540_100 }]);
    }
    // One more sous-chapitre line: six amounts against five, the recap-named sheet is read and Feuil1 named.
    const plus = [...chapitres, ["8.2", "Étalonnage", 1500]].map((r) =>
      r[0] === "8" ? ["8", "Post-production", 7500] : r,
    );
    const p = await decision({ Récapitulatif: plus, Feuil1: DETAILLE });
    expect(p.lue).toBe("Récapitulatif");
    expect(p.autres).toEqual([{ feuille: "Feuil1", cellule: "Feuil1!C1", cellules: 5, somme: 2_770_050 }]);
  });

  it("un récapitulatif périmé dont les totaux de chapitre disent « Total … » : ses seuls sous-chapitres comptent, le devis est lu", async () => {
    // Per-chapter « Total … » rows, each the sum of its sous-chapitres, and a grand total: three amounts of its own, fewer
    // than Feuil1's four lines (before the smaller count was kept: five, the recap-named sheet read for 19 000 €).
    const recap: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 10000],
      ["1.2", "Droits musicaux", 2000],
      [null, "Total droits", 12000],
      ["2.1", "Réalisateur", 7000],
      [null, "Total personnel", 7000],
      [null, "TOTAL", 19000],
    ];
    const feuil1: Cellule[][] = [
      ["Code", "Poste", "Montant"],
      ["1.1", "Droits d'auteur", 20000],
      ["1.2", "Droits musicaux", 5000],
      ["2.1", "Réalisateur", 16000],
      ["2.2", "Chef opérateur", 8400],
    ];
    const d = await decision({ Récapitulatif: recap, Feuil1: feuil1 });
    expect(d.lue).toBe("Feuil1");
    expect(d.devis.total).toBe(4_940_000);
    expect(d.autres).toMatchObject([{ feuille: "Récapitulatif", cellules: 3, somme: 1_900_000 }]);
  });

  it("à score égal, l'ordre des feuilles ne décide pas : la feuille au nom de récapitulatif passe la même règle avant ou après l'autre", async () => {
    const notes: Cellule[][] = [
      COMPLET[0],
      [null, "Repérages", null, null, null, 500],
      [null, "Note a"],
      [null, "Note b"],
    ];
    // Same columns, same rows counted: equal scores. The recap-named sheet holds more amounts and proves no recap.
    const avant = await decision({ Récapitulatif: COMPLET, Notes: notes });
    const apres = await decision({ Notes: notes, Récapitulatif: COMPLET });
    expect(avant.lue).toBe("Récapitulatif");
    expect(apres.lue).toBe("Récapitulatif");
    expect(apres.devis.total).toBe(2_770_050);
    expect(apres.autres).toEqual([{ feuille: "Notes", cellule: "Notes!F1", cellules: 1, somme: 50_000 }]);
    // Its true recap, after or before the devis at equal score: the devis is read either way.
    const vrai: Cellule[][] = [
      COMPLET[0],
      [1, "Droits artistiques", null, null, null, 12500],
      [2, "Personnel", null, null, null, 12200.5],
      [8, "Post-production", null, null, null, 3000],
      [null, "Total", null, null, null, 27700.5],
    ];
    const court: Cellule[][] = [COMPLET[0], ...COMPLET.slice(2, 4), COMPLET[5], COMPLET[6]];
    for (const def of [
      { Récapitulatif: vrai, Feuil1: court },
      { Feuil1: court, Récapitulatif: vrai },
    ]) {
      const v = await decision(def);
      expect(v.lue).toBe("Feuil1");
      expect(v.recapitulatif).toMatchObject({ feuille: "Récapitulatif" });
    }
  });

  it("un vrai « Récapitulatif » placé avant le devis, moins de montants que lui : le devis est lu", async () => {
    const d = await decision({ Récapitulatif: JUSTE, "Devis détaillé": DETAILLE });
    expect(d.lue).toBe("Devis détaillé");
    expect(d.recapitulatif).toMatchObject({ feuille: "Récapitulatif", ecarts: [] });
    const e = await decision({ Récapitulatif: JUSTE, Feuil1: DETAILLE });
    expect(e.lue).toBe("Feuil1");
    expect(e.recapitulatif).toMatchObject({ feuille: "Récapitulatif", ecarts: [] });
  });
});

describe("un nom de récapitulatif ne suffit pas : ses montants doivent valoir les totaux des chapitres", () => {
  // Every amount differs from the devis's chapter totals (another version's recap, or another devis).
  const FAUX = recap([13000, 11800, 3500, 28300]);

  it("« Synthèse budget » aux montants tous différents : pas le récapitulatif, nommée avec un chapitre qui diffère", async () => {
    const def = { "Devis détaillé": DETAILLE, "Synthèse budget": FAUX };
    const d = await decision(def);
    expect(d.recapitulatif).toBeUndefined();
    expect(d.autres).toEqual([
      {
        feuille: "Synthèse budget",
        cellule: "'Synthèse budget'!C1",
        cellules: 3,
        somme: 2_830_000,
        recapitulatifNonProuve: {
          cellule: "'Synthèse budget'!C1",
          figures: 4,
          accords: 0,
          ecarts: [
            {
              cellule: "'Synthèse budget'!C2",
              libelle: "1 Droits artistiques",
              chapitre: "1",
              montant: 1_300_000,
              attendu: 1_250_000,
            },
            {
              cellule: "'Synthèse budget'!C3",
              libelle: "2 Personnel",
              chapitre: "2",
              montant: 1_180_000,
              attendu: 1_220_050,
            },
            {
              cellule: "'Synthèse budget'!C4",
              libelle: "8 Post-production",
              chapitre: "8",
              montant: 350_000,
              attendu: 300_000,
            },
            {
              cellule: "'Synthèse budget'!C5",
              libelle: "Total",
              chapitre: "total",
              montant: 2_830_000,
              attendu: 2_770_050,
            },
          ],
        },
      },
    ]);
    const { r, constats } = await feuilleLue(def);
    expect(r.devis.recapitulatif).toBeUndefined();
    expect(r.devis.autresFeuilles?.map((a) => a.feuille)).toEqual(["Synthèse budget"]);
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "'Synthèse budget'!C2"]]);
    expect(sp(constats[0].message)).toBe(
      "La feuille « Synthèse budget » porte un nom de récapitulatif, mais ses totaux diffèrent de ceux de la feuille " +
        "lue « Devis détaillé » (4 montants sur 4 diffèrent, dont 'Synthèse budget'!C2 « 1 Droits artistiques » : " +
        "13 000,00 €, le chapitre 1 du devis fait 12 500,00 €) : elle n'est donc pas prise pour son récapitulatif. " +
        "Elle tient des montants ('Synthèse budget'!C1 et dessous : 3 cellules hors total, somme 28 300,00 €) et " +
        "n'est pas lue : " +
        "seule la feuille « Devis détaillé » l'est. Si c'est elle le devis, indiquez-la comme feuille à lire ; si " +
        "c'est un récapitulatif d'une autre version, mettez-le à jour.",
    );
  });

  it("« Récap » à deux montants justes sur quatre (chapitres compensés) : pas prouvé, nommé comme autre feuille", async () => {
    const d = await decision({ "Devis détaillé": DETAILLE, Récap: recap([13000, 11700.5, 3000, 27700.5]) });
    expect(d.recapitulatif).toBeUndefined();
    expect(
      d.autres.map((a) => [a.feuille, a.recapitulatifNonProuve?.accords, a.recapitulatifNonProuve?.figures]),
    ).toEqual([["Récap", 2, 4]]);
  });

  it("sans ligne d'en-tête, un « Récapitulatif » aux montants tous faux est nommé aussi (avant : passé sous silence)", async () => {
    const sansEntete: Cellule[][] = [["Récapitulatif du devis"], ...FAUX.slice(1)];
    const d = await decision({ "Devis détaillé": DETAILLE, Récapitulatif: sansEntete });
    expect(d.recapitulatif).toBeUndefined();
    expect(d.autres).toMatchObject([
      {
        feuille: "Récapitulatif",
        cellule: "'Récapitulatif'!C2",
        cellules: 3,
        somme: 2_830_000,
        recapitulatifNonProuve: { figures: 4, accords: 0 },
      },
    ]);
  });

  it("des chapitres à zéro ne prouvent rien : un modèle à neuf chapitres dont tous les montants non nuls diffèrent n'est pas le récapitulatif", async () => {
    const modele: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      [1, "Droits artistiques", 20000],
      [2, "Personnel", 30000],
      [3, "Interprétation", 0],
      [4, "Charges sociales", 0],
      [5, "Décors et costumes", 0],
      [6, "Transports", 0],
      [7, "Moyens techniques", 0],
      [8, "Post-production", 9000],
      [9, "Assurances", 0],
      [null, "Total", 59000],
    ];
    const d = await decision({ "Devis détaillé": DETAILLE, Récapitulatif: modele });
    expect(d.recapitulatif).toBeUndefined();
    expect(d.autres).toMatchObject([
      { feuille: "Récapitulatif", cellules: 3, somme: 5_900_000, recapitulatifNonProuve: { figures: 10, accords: 0 } },
    ]);
    // The same template filled with the devis's totals: its zeros neither prove nor disprove it.
    const juste = modele.map((r) => [...r]);
    juste[1][2] = 12500;
    juste[2][2] = 12200.5;
    juste[8][2] = 3000;
    juste[10][2] = 27700.5;
    const ok = await decision({ "Devis détaillé": DETAILLE, Récapitulatif: juste });
    expect(ok.recapitulatif).toMatchObject({ feuille: "Récapitulatif", chapitres: 9, ecarts: [] });
    expect(ok.autres).toEqual([]);
  });

  it("un récapitulatif d'un seul montant, faux : « son seul montant diffère »", async () => {
    const un: Cellule[][] = [
      ["N°", "Poste", "Montant"],
      [1, "Droits artistiques", 13000],
    ];
    const { constats } = await feuilleLue({ "Devis détaillé": DETAILLE, Récap: un });
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "'Récap'!C2"]]);
    expect(sp(constats[0].message)).toContain(
      "(son seul montant diffère : 'Récap'!C2 « 1 Droits artistiques » : 13 000,00 €, le chapitre 1 du devis fait " +
        "12 500,00 €)",
    );
  });

  it("feuille du devis indiquée : un récapitulatif non prouvé est quand même nommé (alerte), non plus passé sous silence", async () => {
    const sheets = await feuilles({ "Devis détaillé": DETAILLE, Récap: FAUX, "Devis V1": DETAILLE });
    const r = await structurerDevis(new ClasseurLu(sheets), { date: "2026-01-15", feuille: "Devis détaillé" });
    expect(r.devis.recapitulatif).toBeUndefined();
    // Only the recap not proven is named: the sheet indicated is the devis, the other devis sheets are not named.
    expect(r.devis.autresFeuilles).toMatchObject([
      { feuille: "Récap", cellules: 3, somme: 2_830_000, recapitulatifNonProuve: { figures: 4, accords: 0 } },
    ]);
    const constats = r.constats.filter((c) => c.regle === "feuille-lue");
    expect(constats.map((c) => [c.gravite, c.cellule])).toEqual([["alerte", "'Récap'!C2"]]);
    expect(sp(constats[0].message)).toContain("La feuille « Récap » porte un nom de récapitulatif");
    // The sheet was asked for: « indiquez-la comme feuille à lire » would make no sense.
    expect(sp(constats[0].message)).toMatch(
      /n'est pas lue : seule la feuille « Devis détaillé », demandée, l'est\. Si le devis est dans « Récap », indiquez celle-ci ; si c'est un récapitulatif d'une autre version, mettez-le à jour\.$/,
    );
    expect(constats[0].message).not.toContain("indiquez-la");
  });

  it("feuille indiquée, une autre feuille de devis nommée : « indiquez celle-ci », pas « indiquez-la comme feuille à lire »", () => {
    const autre = { feuille: "Devis V1", cellule: "'Devis V1'!C1", cellules: 5, somme: cents(2_820_050) };
    const [indiquee] = constatsFeuilleLue({
      feuille: "Devis détaillé",
      feuilleIndiquee: true,
      autresFeuilles: [autre],
    });
    expect(sp(indiquee.message)).toBe(
      "La feuille « Devis V1 » ressemble aussi à un devis et tient des montants ('Devis V1'!C1 et dessous : 5 " +
        "cellules, somme 28 200,50 €) ; elle n'est pas lue : seule la feuille « Devis détaillé », demandée, l'est. Si " +
        "le devis est dans « Devis V1 », indiquez celle-ci ; si elle fait partie du devis, réunissez les deux feuilles en une.",
    );
    const [trouvee] = constatsFeuilleLue({ feuille: "Devis détaillé", autresFeuilles: [autre] });
    expect(sp(trouvee.message)).toContain("si c'est elle le devis, indiquez-la comme feuille à lire.");
  });
});
