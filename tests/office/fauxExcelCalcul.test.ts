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
