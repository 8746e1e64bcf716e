import Decimal from "decimal.js";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, SheetSpec } from "../port/workbook";
import { nomFeuilleRef } from "../util/adresse";
import type { Devis } from "../devis/model";
import type { RapportEcarts } from "./calcul";
import type { PlanEcarts } from "./feuilleEcarts";

export const FEUILLE_COUT_DEFINITIF = "Coût définitif";

/**
 * Share spent in France per chapter: the budget-weighted mean of the devis lines' partFrance (a line that does
 * not say is in France). undefined when no line of the devis carries a territory.
 */
export function partsFrance(devis: Devis): Map<string, Decimal> | undefined {
  if (!devis.lignes.some((l) => l.partFrance !== undefined)) return undefined;
  const acc = new Map<string, { fr: Decimal; tot: Decimal }>();
  for (const l of devis.lignes) {
    const c = (l.chapitre ?? "?") as string;
    const a = acc.get(c) ?? { fr: new Decimal(0), tot: new Decimal(0) };
    a.fr = a.fr.plus(new Decimal(l.montant).times(l.partFrance ?? 1));
    a.tot = a.tot.plus(l.montant);
    acc.set(c, a);
  }
  return new Map([...acc].map(([c, a]) => [c, a.tot.isZero() ? new Decimal(1) : a.fr.dividedBy(a.tot)]));
}

/** « Coût définitif » by CNC chapter, linked to the Écarts sheet; France / Étranger columns when the devis has territories. */
export function feuilleCoutDefinitif(
  r: RapportEcarts,
  devis: Devis,
  ecarts: PlanEcarts,
  nom = FEUILLE_COUT_DEFINITIF,
): SheetSpec {
  const ref = nomFeuilleRef(ecarts.spec.name);
  const parts = partsFrance(devis);
  const entetes = ["Chapitre", "Libellé", "Budget (devis)", "Coût définitif (réalisé)", "Écart", "Écart %"];
  if (parts) entetes.push("Part France", "France", "Étranger");
  const rows: CellSpec[][] = [
    ["Coût définitif par chapitre CNC"],
    [
      "Réalisé du Grand livre affecté aux postes (feuille Écarts) ; la part France suit la territorialité des lignes du devis.",
    ],
    [],
    entetes,
  ];
  const premier = 5;
  r.chapitres.forEach((c, i) => {
    const row = premier + i;
    const l = ecarts.lignesChapitres.get(c.code)!;
    const cells: CellSpec[] = [
      c.code,
      c.libelle,
      { formula: `${ref}!D${l}`, result: c.budget / 100 },
      { formula: `${ref}!G${l}`, result: c.realise / 100 },
      { formula: `D${row}-C${row}`, result: (c.realise - c.budget) / 100 },
      { formula: `IF(C${row}=0,"",E${row}/C${row})` },
    ];
    if (parts) {
      const p = (parts.get(c.code) ?? new Decimal(1)).toDecimalPlaces(6).toNumber();
      cells.push(p, { formula: `ROUND(D${row}*G${row},2)` }, { formula: `D${row}-H${row}` });
    }
    rows.push(cells);
  });
  const total = premier + r.chapitres.length;
  const s = (c: string) => ({ formula: `SUM(${c}${premier}:${c}${total - 1})` });
  const t: CellSpec[] = ["Total", null, s("C"), s("D"), s("E"), { formula: `IF(C${total}=0,"",E${total}/C${total})` }];
  if (parts) t.push({ formula: `IF(D${total}=0,"",H${total}/D${total})` }, s("H"), s("I"));
  rows.push(t);
  const last = parts ? "I" : "F";
  return {
    name: nom,
    rows,
    columns: [
      { width: 9, numFmt: "@" },
      { width: 36 },
      { width: 16 },
      { width: 20 },
      { width: 14 },
      { width: 9 },
      { width: 11 },
      { width: 16 },
      { width: 16 },
    ],
    formats: [
      { range: "A1", bold: true },
      { range: "A2", italic: true },
      { range: `A4:${last}4`, bold: true, fill: "#D9E1F2" },
      { range: `A${total}:${last}${total}`, bold: true, borderTop: true },
      { range: `C${premier}:E${total}`, numFmt: FORMAT_EXCEL.montant },
      { range: `F${premier}:F${total}`, numFmt: FORMAT_EXCEL.pourcent },
      ...(parts
        ? [
            { range: `G${premier}:G${total}`, numFmt: FORMAT_EXCEL.pourcent },
            { range: `H${premier}:I${total}`, numFmt: FORMAT_EXCEL.montant },
          ]
        : []),
    ],
    freeze: { rows: 4 },
    tabColor: "#2F5597",
    print: { landscape: true, repeatRows: 4, fitToWidth: true },
  };
}
