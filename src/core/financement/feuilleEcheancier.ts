import { type Cents, centsToEuros, FORMAT_EXCEL, sumCents } from "../money";
import { type CellSpec, cellulesVides, type NoteSpec, type SheetSpec } from "../port/workbook";
import type { TracesFinancement } from "../traces/financement";
import { deMois } from "../traces/echeancier";
import { euros, feuille, noeud, type Trace } from "../traces/trace";
import { noteDeTrace } from "../traces/note";
import { nomFeuilleRef } from "../util/adresse";
import { dateEnLettres } from "../util/texte";
import { categorie } from "./categories";
import type { Echeancier } from "./echeancier";
import { LIBELLES_STATUT, SourceFinancement } from "./model";

export const NOM_FEUILLE_ECHEANCIER = "Échéancier";
const LIGNE_ENTETE = 4;

/**
 * The « Échéancier » sheet: the payments (tranches) on the left, and by month on the right the cash in (SUMIFS
 * over the payments' dates), the spending, the month's balance and the cumulative treasury position, by formula.
 */
export function feuilleEcheancier(
  nom: string,
  sources: SourceFinancement[],
  ech: Echeancier,
  date: string,
  traces?: Pick<TracesFinancement, "encaissements" | "sansDate" | "depenses" | "cumul" | "besoinMaximal" | "mois">,
): SheetSpec {
  // Cash only: a mise en participation pays part of the cost without a payment (calculerEcheancier).
  const tranches = sources
    .filter((s) => s.numeraire)
    .flatMap((s) => s.tranches.map((t) => ({ s, t })))
    .sort((a, b) => (a.t.date ?? "9999").localeCompare(b.t.date ?? "9999"));
  const d = LIGNE_ENTETE + 1;
  const m = LIGNE_ENTETE + Math.max(tranches.length, 1);
  const n = LIGNE_ENTETE + Math.max(ech.mois.length, 1);
  const last = Math.max(m, n);
  const rows: CellSpec[][] = [
    [
      "Échéancier de trésorerie",
      ...cellulesVides(6),
      "Établi par Prodbook : encaissements issus des tranches, dépenses saisissables en colonne J.",
    ],
    [ech.repartition],
    [],
    [
      "Financeur",
      "Catégorie",
      "Statut",
      "Date",
      "Montant",
      null,
      null,
      "Mois",
      "Encaissements",
      "Dépenses",
      "Solde du mois",
      "Trésorerie cumulée",
    ],
  ];
  for (let r = d; r <= last; r++) rows.push([]);
  const set = (r: number, c: number, v: CellSpec) => {
    const row = rows[r - 1];
    while (row.length < c) row.push(null);
    row[c] = v;
  };
  tranches.forEach(({ s, t }, i) => {
    const r = d + i;
    set(r, 0, s.financeur);
    set(r, 1, categorie(s.categorie, date).libelle);
    set(r, 2, LIBELLES_STATUT[s.statut]);
    set(r, 3, t.date ? { date: t.date } : null);
    set(r, 4, centsToEuros(t.montant));
  });
  const E = `$E$${d}:$E$${m}`;
  const D = `$D$${d}:$D$${m}`;
  ech.mois.forEach((mo, i) => {
    const r = d + i;
    set(r, 7, { date: `${mo.mois}-01` });
    set(r, 8, {
      formula: `SUMIFS(${E},${D},">="&H${r},${D},"<="&EOMONTH(H${r},0))`,
      result: centsToEuros(mo.encaissements),
    });
    set(r, 9, centsToEuros(mo.depenses));
    set(r, 10, { formula: `I${r}-J${r}`, result: centsToEuros(mo.encaissements) - centsToEuros(mo.depenses) });
    set(r, 11, { formula: i === 0 ? `K${r}` : `L${r - 1}+K${r}`, result: centsToEuros(mo.cumul) });
  });
  const t = last + 2;
  const totalTranches = sumCents(tranches.map((x) => x.t.montant));
  const enc = sumCents(ech.mois.map((x) => x.encaissements));
  const dep = sumCents(ech.mois.map((x) => x.depenses));
  const I = `I${d}:I${n}`;
  rows.push(
    [],
    [
      ...cellulesVides(3),
      "Total",
      { formula: `SUM(${E})`, result: centsToEuros(totalTranches) },
      null,
      null,
      "Total",
      { formula: `SUM(${I})`, result: centsToEuros(enc) },
      { formula: `SUM(J${d}:J${n})`, result: centsToEuros(dep) },
    ],
  );
  rows.push([
    ...cellulesVides(7),
    "Versements sans date",
    { formula: `SUM(${E})-SUM(${I})`, result: centsToEuros(ech.sansDate) },
  ]);
  rows.push([
    ...cellulesVides(7),
    "Besoin de trésorerie maximal",
    { formula: ech.mois.length ? `MAX(0,-MIN(L${d}:L${n}))` : "0", result: centsToEuros(ech.besoinMaximal) },
  ]);
  // « D'où vient ce chiffre ? »: each month's cash in down to its payments and their cells, the payments without a date.
  const notes: NoteSpec[] = [];
  ech.mois.forEach((mo, i) => {
    const tr = traces?.encaissements?.[mo.mois];
    if (tr)
      notes.push({
        cell: `I${d + i}`,
        text: noteDeTrace(tr, `Σ des versements datés du mois (colonne E, date en colonne D, lignes ${d} à ${m})`),
      });
  });
  // The spending side: each month's share of the cost (the spread Prodbook computed; the column stays an input), the
  // cumulative position, the largest gap.
  ech.mois.forEach((mo, i) => {
    const dep = traces?.depenses?.[mo.mois];
    if (dep && dep.operation !== "valeur")
      notes.push({
        cell: `J${d + i}`,
        text: noteDeTrace(dep, `${dep.formule} (valeur calculée par Prodbook, modifiable)`),
      });
    // The month's balance (K = I − J) and its cumulative position as the sheet writes it: the previous month's
    // (L of the row above) + the month's balance (K), each input named by its cell.
    const r = d + i;
    const cu = traces?.mois?.[mo.mois];
    const solde = cu?.entrees?.[cu.entrees.length - 1];
    if (!cu || !solde) return;
    const [enc, depMois] = solde.entrees ?? [];
    const soldeIci: Trace = {
      ...solde,
      formule: `encaissements − dépenses du mois (I${r} − J${r})`,
      entrees: [...(enc ? [{ ...enc, cellule: `I${r}` }] : []), ...(depMois ? [{ ...depMois, cellule: `J${r}` }] : [])],
    };
    notes.push({ cell: `K${r}`, text: noteDeTrace(soldeIci) });
    const precedent = i > 0 ? cu.entrees?.[0] : undefined;
    notes.push({
      cell: `L${r}`,
      text: noteDeTrace(
        {
          ...cu,
          entrees: [
            ...(precedent ? [{ ...precedent, cellule: `L${r - 1}` }] : []),
            { ...soldeIci, cellule: `K${r}`, formule: "encaissements − dépenses du mois" },
          ],
        },
        precedent
          ? `trésorerie cumulée du mois précédent + solde du mois (L${r - 1} + K${r})`
          : `solde du premier mois de l'échéancier (K${r})`,
      ),
    });
  });
  // The totals of row t: the payments (E), the months' cash in (I) and spending (J), each term on its row.
  if (traces) {
    const somme = (libelle: string, total: Cents, termes: Trace[], formule: string) =>
      noteDeTrace(noeud(libelle, euros(total), "euros", "somme", termes, { formule }));
    if (tranches.length)
      notes.push({
        cell: `E${t}`,
        text: somme(
          "Total des versements",
          totalTranches,
          tranches.map(({ s, t: v }, i) =>
            feuille(
              `${s.financeur}${v.date ? ` au ${dateEnLettres(v.date)}` : " (sans date)"}`,
              euros(v.montant),
              "euros",
              {
                cellule: `E${d + i}`,
              },
            ),
          ),
          `Σ des versements, colonne E, lignes ${d} à ${m}`,
        ),
      });
    if (ech.mois.length) {
      const parMois = (quoi: string, col: string, de: (x: (typeof ech.mois)[number]) => Cents) =>
        somme(
          `Total des ${quoi.toLowerCase()}`,
          sumCents(ech.mois.map(de)),
          ech.mois.map((x, i) =>
            feuille(`${quoi} ${deMois(x.mois)}`, euros(de(x)), "euros", { cellule: `${col}${d + i}` }),
          ),
          `Σ des ${quoi.toLowerCase()} des mois, colonne ${col}, lignes ${d} à ${n}`,
        );
      notes.push({ cell: `I${t}`, text: parMois("Encaissements", "I", (x) => x.encaissements) });
      notes.push({ cell: `J${t}`, text: parMois("Dépenses", "J", (x) => x.depenses) });
    }
  }
  if (traces?.besoinMaximal && ech.mois.length)
    notes.push({
      cell: `I${t + 2}`,
      text: noteDeTrace(traces.besoinMaximal, `max(0 ; − min de la trésorerie cumulée, colonne L, lignes ${d} à ${n})`),
    });
  if (traces?.sansDate)
    notes.push({
      cell: `I${t + 1}`,
      text: noteDeTrace(
        traces.sansDate,
        `Σ colonne E − Σ colonne I : les versements sans date (${traces.sansDate.formule})`,
      ),
    });
  const ref = nomFeuilleRef(nom);
  return {
    name: nom,
    rows,
    columns: [
      { width: 36 },
      { width: 30 },
      { width: 15 },
      { width: 12, numFmt: FORMAT_EXCEL.date },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 3 },
      { width: 3 },
      { width: 26, numFmt: "mmm yyyy" },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 17, numFmt: FORMAT_EXCEL.montant },
    ],
    formats: [
      { range: "A1", bold: true },
      { range: "A2", italic: true },
      { range: `A${LIGNE_ENTETE}:L${LIGNE_ENTETE}`, bold: true },
      { range: `D${t}:L${t + 2}`, bold: true },
      { range: `J${d}:J${n}`, fill: "#DDEBF7" },
    ],
    tables: [
      ...(tranches.length ? [{ name: "tblTranches", range: `A${LIGNE_ENTETE}:E${m}`, style: "TableStyleLight9" }] : []),
      ...(ech.mois.length
        ? [{ name: "tblEcheancier", range: `H${LIGNE_ENTETE}:L${n}`, style: "TableStyleLight9" }]
        : []),
    ],
    conditionalFormats: ech.mois.length
      ? [{ range: `L${d}:L${n}`, formula: `$L${d}<0`, fill: "#FF9999", bold: true }]
      : [],
    charts: ech.mois.length
      ? [
          {
            type: "column",
            title: "Encaissements et dépenses par mois",
            categories: `${ref}!$H$${d}:$H$${n}`,
            series: [
              { name: "Encaissements", values: `${ref}!$I$${d}:$I$${n}` },
              { name: "Dépenses", values: `${ref}!$J$${d}:$J$${n}` },
            ],
            anchor: "N4",
            widthCols: 10,
            heightRows: 18,
          },
        ]
      : [],
    freeze: { rows: LIGNE_ENTETE },
    ...(notes.length ? { notes } : {}),
    tabColor: "#2E75B6",
  };
}
