import type { Constat } from "../controles/constat";
import { descriptionRegle } from "../controles/registre";
import { GRAVITES, titreConstat } from "../controles/titres";
import type { CellSpec, NoteSpec, SheetSpec } from "../port/workbook";
import { noteDeTrace } from "../traces/note";
import type { Trace } from "../traces/trace";
import { lienCellule } from "./feuilleDevis";
import { conservationRespectee } from "./conservation";
import { valeurEnMots } from "./natureChiffre";
import type { Conservation } from "./model";
import { formatMontantFr } from "../money/format";
import { sumCents } from "../money/cents";
import { colonneLettre, parseCelluleRef } from "../util/adresse";
import type { RegleUtilisee } from "../regles/utilisees";
import { dateEnLettres } from "../util/texte";

const NATURE = { ht: "hors taxes", montant: "lue comme hors taxes", ttc: "toutes taxes comprises", tva: "TVA" };

/** Several amount columns: the one read, by its header, and those not counted. */
function colonneRetenue(m: Conservation["colonneMontant"]): string {
  if (!m) return "";
  const { retenue, ecartees } = m;
  const autres = ecartees.map((e) => `${e.colonne} « ${e.entete} »`);
  const liste = autres.length > 1 ? `${autres.slice(0, -1).join(", ")} et ${autres[autres.length - 1]}` : autres[0];
  return (
    ` « ${retenue.entete} », ${NATURE[retenue.nature]}` +
    (autres.length ? ` ; ${liste} non comptée${autres.length > 1 ? "s" : ""}` : "")
  );
}

/**
 * Cells in words, without their sheet, those following each other in a column as one range: « D4:D8, F2 » (the
 * first ten ranges, then « … »).
 */
export function plagesEnMots(cellules: readonly string[]): string {
  const plages: { col: number; de: number; a: number }[] = [];
  const refs = cellules.map((x) => parseCelluleRef(x)).sort((a, b) => a.col - b.col || a.row - b.row);
  for (const p of refs) {
    const der = plages[plages.length - 1];
    if (der && der.col === p.col && der.a + 1 === p.row) der.a = p.row;
    else plages.push({ col: p.col, de: p.row, a: p.row });
  }
  const mot = (x: (typeof plages)[number]) => {
    const l = colonneLettre(x.col);
    return x.de === x.a ? `${l}${x.de + 1}` : `${l}${x.de + 1}:${l}${x.a + 1}`;
  };
  return plages.slice(0, 10).map(mot).join(", ") + (plages.length > 10 ? "…" : "");
}

/** One sentence: where every amount of the producer's amount column went (issue 10 §1). */
export function texteConservation(c: Conservation): string {
  const e = formatMontantFr;
  // Tables stacked in the sheet, each read under its own header: each one's amount column, with its header's cell.
  // A table with several amount columns: the one read and those not counted, the first table's as each lower one's.
  const sous = (t: NonNullable<Conservation["tableaux"]>[number], i: number) => {
    const m = i === 0 ? c.colonneMontant : t.colonneMontant;
    return (
      `${t.colonne ? `colonne ${t.colonne}` : "sans colonne de montant"} sous l'en-tête en ` +
      `${t.cellule.replace(/^.*!/, "")}${m ? ` :${colonneRetenue(m)}` : ""}`
    );
  };
  // Cells counted outside that column under the header (a recap's or other figures above the header, a recap block
  // under it in another column): named by their own cells, never said to be the amount column's.
  // A figure proven no amount by its unit (« Durée | 90 | min ») is said apart, never among the euros.
  const montants = (c.ailleurs ?? []).filter((x) => !x.nature);
  const cellulesDe = (place: NonNullable<Conservation["ailleurs"]>[number]["place"], entete?: string) =>
    montants.filter((x) => x.place === place && x.entete === entete).map((x) => x.cellule);
  const [dessus, dessous, cote] = [cellulesDe("au-dessus"), cellulesDe("sous-entete"), cellulesDe("a-cote")];
  // Above a table stacked lower: each header's cells, by that header.
  const entetesBas = [...new Set(montants.map((x) => x.entete).filter((x): x is string => !!x))];
  const ailleurs =
    (dessus.length ? `, et au-dessus de l'en-tête ${plagesEnMots(dessus)}` : "") +
    entetesBas
      .map((t) => `, et ${plagesEnMots(cellulesDe("au-dessus", t))} au-dessus de l'en-tête en ${t.replace(/^.*!/, "")}`)
      .join("") +
    (dessous.length ? `, et ${plagesEnMots(dessous)} du récapitulatif sous l'en-tête` : "") +
    (cote.length ? `, et ${plagesEnMots(cote)} du récapitulatif à côté du tableau` : "");
  const col = c.tableaux
    ? ` (${c.tableaux.map(sous).join(", ")}${ailleurs})`
    : c.colonne
      ? ` (colonne ${c.colonne}${colonneRetenue(c.colonneMontant)}${ailleurs})`
      : "";
  const base =
    `Montants lus${col} : ${e(c.lu)} = lignes placées ${e(c.lignes)} + totaux prouvés ${e(c.totauxProuves)} + ` +
    `non placés ${e(c.nonPlaces)} + listés ${e(c.listes)} ; écart ${e(c.ecart)}.`;
  const cites = (cellules: readonly { cellule: string }[]) =>
    cellules
      .slice(0, 10)
      .map((n) => n.cellule.replace(/^.*!/, ""))
      .join(", ") + (cellules.length > 10 ? "…" : "");
  // Figures in another currency: read and listed, never summed in euros (no exchange rate), named here by their cells.
  const d = c.enDevise ?? [];
  const devises = d.length
    ? d.length === 1
      ? ` Une cellule dans une autre devise, listée sans montant en euros : ${cites(d)}.`
      : ` ${d.length} cellules dans une autre devise, listées sans montant en euros : ${cites(d)}.`
    : "";
  // Numbers under columns the import does not read (« Budget N-1 »), per column: never counted, named here too.
  const h = (c.horsColonnes ?? []).filter((x) => !x.listees);
  // A column without header: its figures are in `lu`, listed cell by cell.
  const sansEntete = (c.horsColonnes ?? []).flatMap((x) => x.listees ?? []);
  const plus = sansEntete.length > 1;
  const listees = sansEntete.length
    ? ` ${plus ? "Nombres" : "Nombre"} d'une colonne sans en-tête, ${plus ? "lus et listés" : "lu et listé"} ` +
      `(hors total) : ${plagesEnMots(sansEntete.map((x) => x.cellule))} ` +
      `(${e(sumCents(sansEntete.map((x) => x.montant)))}).`
    : "";
  // Beside a table's lines, in an unheaded column (between its headers or right against its last headed column): its
  // dates and Excel errors, listed without amount.
  const sansMontant = (c.horsColonnes ?? []).flatMap((x) => [...(x.erreurs ?? []), ...(x.dates ?? [])]);
  const plusieurs = sansMontant.length > 1;
  const marge = sansMontant.length
    ? ` ${plusieurs ? "Dates ou erreurs Excel" : "Date ou erreur Excel"} d'une colonne sans en-tête, ` +
      `${plusieurs ? "lues et listées" : "lue et listée"} sans montant : ${plagesEnMots(sansMontant.map((x) => x.cellule))}.`
    : "";
  const hors = h.length
    ? ` Nombres hors des colonnes lues, non comptés : ${h
        .map(
          (x) =>
            `colonne ${x.colonne}${x.entete ? ` « ${x.entete} »` : ""} ` +
            `${x.nombres > 1 ? `${x.nombres} nombres` : "un nombre"} (${e(x.total)})`,
        )
        .join(", ")}.`
    : "";
  // Figures outside the table whose unit proves them no amount: listed by cell, value and unit, never in euros.
  const nb = (c.ailleurs ?? []).filter((x) => x.nature);
  const nombres = nb.length
    ? (nb.length > 1
        ? " Nombres lus hors du tableau, qui ne sont pas des montants (ni en euros ni dans les sommes) : "
        : " Nombre lu hors du tableau, qui n'est pas un montant (ni en euros ni dans les sommes) : ") +
      nb
        .slice(0, 10)
        .map((x) => `${x.cellule.replace(/^.*!/, "")} ${valeurEnMots(x)}`)
        .join(", ") +
      (nb.length > 10 ? "…" : "") +
      "."
    : "";
  if (c.nonComptees.length === 0) return base + devises + listees + marge + hors + nombres;
  return `${base}${devises}${listees}${marge}${hors}${nombres} Cellules non comptées : ${cites(c.nonComptees)}.`;
}

/**
 * « Contrôles »: one row per finding, the cell as a clickable link. `traces`, lined up with `constats`
 * (tracesDesConstats), gives a finding its « D'où vient ce chiffre ? »: an Excel note on its message (column C) naming
 * the grid's table, version and sources, the minimum applied and the line's rate with its cell. `tables`: the rule-table
 * versions the checks read (the `tables` of `prodbook devis --json`), listed at the bottom with their confidence and
 * sources.
 */
export function feuilleControles(
  constats: readonly Constat[],
  nom: string,
  feuilleSource: string,
  conservation?: Conservation,
  traces: readonly (Trace | undefined)[] = [],
  tables: readonly RegleUtilisee[] = [],
): SheetSpec {
  const n = (g: Constat["gravite"]) => {
    const k = constats.filter((c) => c.gravite === g).length;
    return `${k} ${k >= 2 ? GRAVITES[g].pluriel : GRAVITES[g].singulier}`;
  };
  const rows: CellSpec[][] = [
    [`Contrôles du devis — source : feuille « ${feuilleSource} »`],
    [`${n("erreur")}, ${n("alerte")}, ${n("info")}. Cliquez sur une cellule pour y aller.`],
    [conservation ? texteConservation(conservation) : null],
    ["Gravité", "Contrôle", "Message", "Cellule"],
  ];
  if (constats.length === 0)
    rows.push(["info", "Aucun constat", "Aucun constat : le devis passe tous les contrôles.", null]);
  // Column A keeps the severity's key (« erreur », « alerte », « info »): the conditional formats test it.
  const notes: NoteSpec[] = [];
  constats.forEach((c, i) => {
    rows.push([c.gravite, titreConstat(c.regle), c.message, c.cellule ? lienCellule(c.cellule) : null]);
    const t = traces[i];
    if (t) notes.push({ cell: `C${rows.length}`, text: noteDeTrace(t) });
  });
  const fin = rows.length;
  const regles = [...new Set(constats.map((c) => c.regle))];
  if (regles.length) {
    rows.push([], [null, "Contrôle", "Ce qui est vérifié"]);
    for (const r of regles) rows.push([null, titreConstat(r), descriptionRegle(r) ?? ""]);
  }
  const debutTables = rows.length + 2;
  if (tables.length) {
    rows.push([], [null, "Table de règles utilisée", "Version, confiance et sources"]);
    for (const t of tables)
      rows.push([
        null,
        t.table,
        `version du ${dateEnLettres(t.effetDu)}${t.effetAu ? ` au ${dateEnLettres(t.effetAu)}` : ""}, confiance ` +
          `${t.confiance} (${t.aVerifier ? "à vérifier" : "texte officiel"}) ; sources : ` +
          t.sources.map((x) => x.url).join(" ; "),
      ]);
  }
  return {
    name: nom,
    rows,
    columns: [{ width: 10 }, { width: 36 }, { width: 110 }, { width: 20 }],
    formats: [
      { range: "A1", bold: true },
      { range: "A2", italic: true },
      ...(conservation
        ? [{ range: "A3", italic: true, ...(conservationRespectee(conservation) ? {} : { bold: true }) }]
        : []),
      { range: `C5:C${fin}`, wrap: true },
      ...(regles.length ? [{ range: `B${fin + 2}:C${fin + 2}`, bold: true }] : []),
      ...(tables.length ? [{ range: `B${debutTables}:C${debutTables}`, bold: true }] : []),
    ],
    tables: [{ name: "tblControles", range: `A4:D${fin}`, style: "TableStyleLight9" }],
    conditionalFormats: [
      { range: `A5:D${fin}`, formula: `$A5="erreur"`, fill: "#F8CBAD" },
      { range: `A5:D${fin}`, formula: `$A5="alerte"`, fill: "#FFE699" },
    ],
    freeze: { rows: 4 },
    tabColor: "#C00000",
    ...(notes.length ? { notes } : {}),
  };
}
