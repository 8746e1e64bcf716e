import { lirePlanFinancement } from "../../../src/core/financement/lecture";
import { evaluerFinancement } from "../../../src/core/financement/evaluer";
import { formatMontantFr } from "../../../src/core/money/format";
import type { Cents } from "../../../src/core/money/cents";
import type { SheetData } from "../../../src/core/port/workbook";

/** Sources of the plan on hidden rows: still counted, named together (lignes-masquees-plan). */
const DATE = "2026-11-02";
const c = (v: string | number | null) => ({ v });
const eur = (x: number) => formatMontantFr(x as Cents);

const PLAN: SheetData = {
  name: "Plan",
  merges: [],
  rows: [
    [c("Financeur"), c("Acquis"), c("En cours"), c("À trouver"), c("Total")],
    [c("Canal+ (préachat)"), c(700000), c(null), c(null), c(700000)],
    [c("Région Occitanie"), c(null), c(200000), c(100000), c(300000)],
    [c("SOFICA"), c(null), c(null), c(150000), c(150000)],
    [c("Coût de production"), c(null), c(null), c(null), c(1150000)],
  ],
};
const constats = (s: SheetData) =>
  evaluerFinancement(lirePlanFinancement(s, { date: DATE }), { date: DATE }).constats.filter(
    (x) => x.regle === "lignes-masquees-plan",
  );

describe("plan de financement : lignes masquées", () => {
  it("une ligne lue en deux sources (« En cours | À trouver ») est une ligne masquée, ses parts additionnées", () => {
    const masque = lirePlanFinancement({ ...PLAN, lignesMasquees: [2] }, { date: DATE });
    const visible = lirePlanFinancement(PLAN, { date: DATE });
    expect(masque.sources).toEqual(visible.sources);
    expect(masque.masquees).toEqual([{ cellule: "Plan!C3", montant: 30000000, nature: "source" }]);
    expect(visible).not.toHaveProperty("masquees");
    expect(constats({ ...PLAN, lignesMasquees: [2] })).toEqual([
      {
        regle: "lignes-masquees-plan",
        gravite: "alerte",
        message:
          `Une ligne masquée de la feuille « Plan » comptée dans le plan de financement (${eur(30000000)}) : C3 — ` +
          `affichez-la ou supprimez-la si elle ne fait pas partie de ce plan de financement.`,
        cellule: "Plan!C3",
      },
    ]);
  });

  it("seul le coût indiqué masqué : lu, dit sans source comptée ; rien de masqué, rien de dit", () => {
    expect(constats({ ...PLAN, lignesMasquees: [4] }).map((x) => x.message)).toEqual([
      `Une ligne masquée de la feuille « Plan » lue dans le plan de financement : 1 coût indiqué ` +
        `(E5, ${eur(115000000)}) — affichez-la ou supprimez-la si elle ne fait pas partie de ce plan de financement.`,
    ]);
    expect(constats(PLAN)).toEqual([]);
    expect(constats({ ...PLAN, lignesMasquees: [0, 30] })).toEqual([]);
  });
});
