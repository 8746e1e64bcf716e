import { creerFauxExcel, type FauxExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { lireTotauxEcarts } from "../../src/core/ecarts/lectureEcarts";

/**
 * Excel.__calculer (scripts/captures.js): the fake Excel, which does not calculate, is given the values LibreOffice
 * computed for the sheets Prodbook wrote. Only the sheet's own formulas get a value, and every one of them must.
 */
const ECARTS = [
  ["Code", "Chapitre", "Budget", "Réalisé", "Estimation finale"],
  ["2", "Personnel", 1000, { f: "=SUMIFS(GL!C:C,GL!A:A,A2)" }, { f: "=MAX(C2,D2)" }],
  ["Total", "", { f: "=SUM(C2:C2)" }, { f: "=SUM(D2:D2)" }, { f: "=SUM(E2:E2)" }],
];

function excel(): FauxExcel {
  const x = creerFauxExcel({ sheets: { Écarts: ECARTS } });
  (globalThis as unknown as { Excel: FauxExcel }).Excel = x;
  return x;
}

const CALCULS = {
  D2: { f: "=SUMIFS(GL!C:C,GL!A:A,A2)", v: 1250.5 },
  E2: { f: "=MAX(C2,D2)", v: 1250.5 },
  C3: { f: "=SUM(C2:C2)", v: 1000 },
  D3: { f: "=SUM(D2:D2)", v: 1250.5 },
  E3: { f: "=SUM(E2:E2)", v: 1250.5 },
};

describe("Excel.__calculer du faux Excel", () => {
  it("sans calcul, les formules n'ont pas de valeur ; calculées, le tableau de bord lit les totaux", async () => {
    const x = excel();
    const wb = new OfficeWorkbook();
    expect(lireTotauxEcarts((await wb.readSheet("Écarts"))!)!.sansValeur).toEqual(["'Écarts'!D2", "'Écarts'!E2"]);
    expect(x.__calculer("Écarts", CALCULS)).toBe(5);
    const t = lireTotauxEcarts((await wb.readSheet("Écarts"))!)!;
    expect(t.sansValeur).toEqual([]);
    expect([t.budget, t.realise, t.estimation, t.ecart]).toEqual([100000, 125050, 125050, 25050]);
    expect(x.__etat().feuilles[0].formules[1][3]).toBe("=SUMIFS(GL!C:C,GL!A:A,A2)");
  });

  it("refuse une formule qui n'est pas celle du classeur, en nommant la cellule", () => {
    const x = excel();
    expect(() => x.__calculer("Écarts", { ...CALCULS, E2: { f: "=MIN(C2,D2)", v: 1000 } })).toThrow(
      "Écarts!E2 : formule =MAX(C2,D2) dans le classeur, =MIN(C2,D2) calculée",
    );
    expect(() => x.__calculer("Écarts", { ...CALCULS, C2: { f: "=1000", v: 1000 } })).toThrow("Écarts!C2");
  });

  it("refuse de laisser une formule de la feuille sans valeur", () => {
    const x = excel();
    const { E3: _e3, ...sansE3 } = CALCULS;
    expect(() => x.__calculer("Écarts", sansE3)).toThrow("Écarts!E3 : formule sans valeur calculée");
  });

  it("une erreur calculée est une erreur Excel", async () => {
    const x = excel();
    x.__calculer("Écarts", { ...CALCULS, E2: { f: "=MAX(C2,D2)", v: { erreur: "#N/A" } } });
    const t = lireTotauxEcarts((await new OfficeWorkbook().readSheet("Écarts"))!)!;
    expect(t.illisibles).toEqual(["'Écarts'!E2"]);
  });
});

describe("réponses du faux Excel : les items d'une collection comptent dans les octets de la réponse", () => {
  type Ctx = {
    workbook: {
      worksheets: {
        load: (q: string) => void;
        getItem: (n: string) => { notes: { add: (c: string, t: string) => void; load: (q: string) => void } };
      };
    };
    sync: () => Promise<void>;
  };
  const run = (x: FauxExcel, f: (ctx: Ctx) => Promise<void>) =>
    (x as unknown as { run: (f: (ctx: Ctx) => Promise<void>) => Promise<void> }).run(f);

  it("3 000 notes de 900 caractères chargées en une fois : plus de 2 Mo de réponse ; les feuilles, leurs propriétés", async () => {
    const x = creerFauxExcel({ sheets: { Écarts: ECARTS, Devis: [["Code"]] } });
    const contenu = "é".repeat(450) + "x".repeat(450);
    await run(x, async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Écarts").notes;
      for (let i = 1; i <= 3000; i++) notes.add(`H${i}`, contenu);
      await ctx.sync();
    });
    const avant = x.__etat().syncs.length;
    await run(x, async (ctx) => {
      ctx.workbook.worksheets.getItem("Écarts").notes.load("items");
      await ctx.sync();
    });
    const lecture = x.__etat().syncs[avant];
    // 3 000 × (450 × 2 + 450 octets en UTF-8, plus les guillemets et le nom du champ).
    expect(lecture.reponse).toBeGreaterThan(3000 * 1350);
    expect(lecture.reponse).toBeLessThan(3000 * 1400);
    expect(lecture.reponse).toBeGreaterThan(2 * 1024 * 1024);
    const ensuite = x.__etat().syncs.length;
    await run(x, async (ctx) => {
      ctx.workbook.worksheets.load("items");
      await ctx.sync();
    });
    const feuilles = x.__etat().syncs[ensuite];
    // Two sheets: id, name, position, visibility and tabColor each, a few dozen bytes, not zero.
    expect(feuilles.reponse).toBeGreaterThan(2 * 40);
    expect(feuilles.reponse).toBeLessThan(2 * 200);
  });
});
