import Decimal from "decimal.js";
import { centsToEuros, eurosToCents, subCents, type Cents } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, NoteSpec, SheetSpec } from "../port/workbook";
import { nomFeuilleRef } from "../util/adresse";
import type { Devis } from "../devis/model";
import type { TraceChapitreEcart } from "../traces/ecarts";
import { noteDeRatio, noteDeTrace } from "../traces/note";
import { feuille, noeud, type Trace } from "../traces/trace";
import { TITRE_NON_PLACES_ECARTS, type RapportEcarts } from "./calcul";
import type { Constat } from "../controles/constat";
import { comptes, sectionControles, type PlanEcarts, type TracesFeuilleEcarts } from "./feuilleEcarts";

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

/** France = ROUND(réalisé × part France ; 2) and Étranger = réalisé − France, as the sheet computes them. */
export function tracesTerritoire(nom: string, realise: Trace, part: Decimal): { france: Trace; etranger: Trace } {
  const taux = feuille("Part France", part.toString(), "taux", {
    formule: "moyenne des parts France des lignes du devis, pondérée par leur montant",
  });
  const fr = new Decimal(realise.valeur).times(part).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const france = noeud(`France ${nom}`, fr.toFixed(2), "euros", "produit", [realise, taux], {
    formule: "réalisé × part France, arrondi au centime",
  });
  const etranger = noeud(
    `Étranger ${nom}`,
    new Decimal(realise.valeur).minus(fr).toFixed(2),
    "euros",
    "difference",
    [realise, france],
    { formule: "réalisé − France" },
  );
  return { france, etranger };
}

/**
 * « Coût définitif » by CNC chapter, linked to the Écarts sheet; France / Étranger columns when the devis has
 * territories. With `traces` (those of the Écarts sheet), each chapter's and the total's budget, coût définitif, écart,
 * France and Étranger carry a note saying where the figure comes from. Below the total, the findings of the
 * reconciliation (`constats`, the list the Écarts sheet shows, computed once by constatsEcarts), as text: whoever signs
 * the coût définitif reads them on the sheet they sign.
 */
export function feuilleCoutDefinitif(
  r: RapportEcarts,
  devis: Devis,
  ecarts: PlanEcarts,
  nom = FEUILLE_COUT_DEFINITIF,
  traces?: Pick<TracesFeuilleEcarts, "chapitres" | "total">,
  constats: readonly Constat[] = [],
): SheetSpec {
  const ref = nomFeuilleRef(ecarts.spec.name);
  const parts = partsFrance(devis);
  const notes: NoteSpec[] = [];
  const territoires: { france: Trace; etranger: Trace }[] = [];
  const annoter = (row: number, t: TraceChapitreEcart | undefined, ou: { budget: string; realise: string }) => {
    if (!t) return;
    notes.push({ cell: `C${row}`, text: noteDeTrace(t.budget, `${t.budget.formule} ; ${ou.budget}`) });
    notes.push({
      cell: `D${row}`,
      text: noteDeTrace(t.realise, `${t.realise.formule} ; ${ou.realise}`, comptes(t.realise)),
    });
    notes.push({ cell: `E${row}`, text: noteDeTrace(t.ecart) });
  };
  const ecartPct = (row: number, nom: string, x: { ecart: Cents; budget: Cents }) =>
    notes.push({
      cell: `F${row}`,
      text: noteDeRatio(
        `Écart % ${nom}`,
        { libelle: "écart", montant: x.ecart, cellule: `E${row}` },
        { libelle: "budget", montant: x.budget, cellule: `C${row}` },
        "vide",
      ),
    });
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
      { formula: `${ref}!D${l}`, result: centsToEuros(c.budget) },
      { formula: `${ref}!G${l}`, result: centsToEuros(c.realise) },
      { formula: `D${row}-C${row}`, result: centsToEuros(subCents(c.realise, c.budget)) },
      { formula: `IF(C${row}=0,"",E${row}/C${row})` },
    ];
    const t = traces?.chapitres[c.code];
    annoter(row, t, { budget: `repris de ${ref}!D${l}`, realise: `repris de ${ref}!G${l}` });
    if (t) ecartPct(row, `${c.code} ${c.libelle}`, { ecart: subCents(c.realise, c.budget), budget: c.budget });
    if (parts) {
      const p = (parts.get(c.code) ?? new Decimal(1)).toDecimalPlaces(6, Decimal.ROUND_HALF_UP);
      cells.push(p.toNumber(), { formula: `ROUND(D${row}*G${row},2)` }, { formula: `D${row}-H${row}` });
      if (t) {
        const x = tracesTerritoire(`${c.code} ${c.libelle}`, t.realise, p);
        territoires.push(x);
        notes.push({ cell: `H${row}`, text: noteDeTrace(x.france) });
        notes.push({ cell: `I${row}`, text: noteDeTrace(x.etranger) });
      }
    }
    rows.push(cells);
  });
  const total = premier + r.chapitres.length;
  const s = (c: string) => ({ formula: `SUM(${c}${premier}:${c}${total - 1})` });
  const t: CellSpec[] = ["Total", null, s("C"), s("D"), s("E"), { formula: `IF(C${total}=0,"",E${total}/C${total})` }];
  if (parts) t.push({ formula: `IF(D${total}=0,"",H${total}/D${total})` }, s("H"), s("I"));
  rows.push(t);
  const ci = (c: string) => `${c}${premier} à ${c}${total - 1} ci-dessus`;
  annoter(total, traces?.total, { budget: ci("C"), realise: ci("D") });
  if (traces?.total)
    ecartPct(total, "total", { ecart: subCents(r.total.realise, r.total.budget), budget: r.total.budget });
  if (parts && traces?.total && territoires.length === r.chapitres.length) {
    const somme = (libelle: string, ts: Trace[], c: string) => {
      const v = ts.reduce((a, x) => a.plus(x.valeur), new Decimal(0));
      return noeud(libelle, v.toFixed(2), "euros", "somme", ts, { formule: `Σ des ${ts.length} chapitres ; ${ci(c)}` });
    };
    notes.push({
      cell: `H${total}`,
      text: noteDeTrace(
        somme(
          "France total",
          territoires.map((x) => x.france),
          "H",
        ),
      ),
    });
    const france = territoires.reduce((a, x) => a.plus(x.france.valeur), new Decimal(0));
    notes.push({
      cell: `G${total}`,
      text: noteDeRatio(
        "Part France du coût définitif",
        { libelle: "France total", montant: eurosToCents(france), cellule: `H${total}` },
        { libelle: "coût définitif total", montant: r.total.realise, cellule: `D${total}` },
        "vide",
      ),
    });
    notes.push({
      cell: `I${total}`,
      text: noteDeTrace(
        somme(
          "Étranger total",
          territoires.map((x) => x.etranger),
          "I",
        ),
      ),
    });
  }
  const last = parts ? "I" : "F";
  // The devis amounts placed in no chapter, under the total that leaves them out (as the Écarts sheet lists them).
  const formatsNonPlaces =
    r.nonPlaces.length > 0
      ? [
          { range: `A${total + 1}:${last}${total + 1}`, italic: true },
          { range: `C${total + 2}:C${total + 1 + r.nonPlaces.length}`, numFmt: FORMAT_EXCEL.montant },
        ]
      : [];
  if (r.nonPlaces.length) {
    rows.push([TITRE_NON_PLACES_ECARTS]);
    for (const x of r.nonPlaces) rows.push([x.cellule, x.libelle, centsToEuros(x.montant)]);
  }
  rows.push([]);
  const controles = sectionControles(constats, rows.length + 1, last);
  rows.push(...controles.rows);
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
      ...formatsNonPlaces,
      ...controles.formats,
    ],
    freeze: { rows: 4 },
    tabColor: "#2F5597",
    print: { landscape: true, repeatRows: 4, fitToWidth: true },
    ...(notes.length ? { notes } : {}),
  };
}
