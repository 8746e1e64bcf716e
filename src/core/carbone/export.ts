import Decimal from "decimal.js";
import Papa from "papaparse";
import { type Cents, centsToDecimalString, centsToEuros, sumCents, ZERO } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, NoteSpec, SheetSpec } from "../port/workbook";
import type { TracesActiviteCarbone } from "../traces/carbone";
import { noteDeTrace, noteVide, plagesDeCellules } from "../traces/note";
import { euros, feuille, noeud, type Trace } from "../traces/trace";
import { colonneLettre, nomFeuilleRef } from "../util/adresse";
import { AVERTISSEMENT_HOMOLOGATION, COL } from "./colonnes";
import { CATEGORIES, libelleCategorie, type ActiviteEstimee, type CodeCategorie } from "./modele";

/** One line of a calculator's form: a category, a poste (mode, diet, equipment…), a quantity in one unit. */
export interface LigneExport {
  categorie: CodeCategorie;
  poste: string;
  unite: string;
  /** Σ of the quantities known (retenues); undefined when none is. */
  quantite?: string;
  montant: Cents;
  lignes: number;
  /** Activities of the group whose quantity is still missing. */
  aCompleter: number;
  /** For the bilan définitif: Σ of the quantités réalisées typed, undefined when none is. */
  quantiteRealisee?: string;
  /** For the bilan définitif: Σ of the réalisés (Écarts, FEC or typed), undefined when no line has one. */
  realise?: Cents;
  sources: string[];
}

/** Activities grouped the way SeCO2, Carbon'Clap and Carbon Stage ask for them: category, then poste, then unit. */
export function regrouperExport(es: ActiviteEstimee[]): LigneExport[] {
  const groupes = new Map<string, LigneExport>();
  for (const e of es) {
    const k = `${e.categorie}\u0000${e.poste}\u0000${e.unite}`;
    const g: LigneExport = groupes.get(k) ?? {
      categorie: e.categorie,
      poste: e.poste,
      unite: e.unite,
      montant: ZERO,
      lignes: 0,
      aCompleter: 0,
      sources: [],
    };
    g.lignes++;
    g.montant = sumCents([g.montant, e.montant ?? ZERO]);
    if (e.quantiteRetenue !== undefined) g.quantite = new Decimal(g.quantite ?? 0).plus(e.quantiteRetenue).toFixed();
    else g.aCompleter++;
    if (e.quantiteRealisee !== undefined)
      g.quantiteRealisee = new Decimal(g.quantiteRealisee ?? 0).plus(e.quantiteRealisee).toFixed();
    if (e.realise !== undefined) g.realise = sumCents([g.realise ?? ZERO, e.realise]);
    g.sources.push(e.cellule);
    groupes.set(k, g);
  }
  const rang = (c: CodeCategorie) => CATEGORIES.findIndex((x) => x.code === c);
  return [...groupes.values()].sort(
    (a, b) =>
      rang(a.categorie) - rang(b.categorie) || a.poste.localeCompare(b.poste, "fr") || a.unite.localeCompare(b.unite),
  );
}

const ENTETES = [
  "Catégorie",
  "Poste du calculateur",
  "Quantité",
  "Unité",
  "Montant devis (€)",
  "Lignes",
  "À compléter",
  "Quantité réalisée",
  "Réalisé (€)",
  "Sources",
];

const virgule = (s: string) => s.replace(".", ",");

/**
 * The export as CSV (semicolons, decimal commas, UTF-8 with BOM for Excel). Papaparse's escapeFormulae keeps a text
 * that starts with = + - @ as text (a quote is put before it): an imported label never becomes a formula.
 */
export function csvExport(lignes: LigneExport[]): string {
  const data = lignes.map((l) => [
    libelleCategorie(l.categorie),
    l.poste,
    l.quantite === undefined ? "" : virgule(l.quantite),
    l.unite,
    virgule(centsToDecimalString(l.montant)),
    String(l.lignes),
    String(l.aCompleter),
    l.quantiteRealisee === undefined ? "" : virgule(l.quantiteRealisee),
    l.realise === undefined ? "" : virgule(new Decimal(l.realise).dividedBy(100).toFixed(2)),
    l.sources.join(" ; "),
  ]);
  return "\ufeff" + Papa.unparse({ fields: ENTETES, data }, { delimiter: ";", escapeFormulae: true, newline: "\r\n" });
}

/**
 * « Export carbone »: one row per calculator line, each total a live SUMIFS over the « Bilan carbone » activity
 * rows (quantité retenue and montant), so a correction in that sheet shows here too.
 */
export function feuilleExport(
  lignes: LigneExport[],
  bilan: {
    nom: string;
    premiere: number;
    derniere: number;
    /** The activities in the order of the « Bilan carbone » rows, and their traces: each total's note names them. */
    activites?: ActiviteEstimee[];
    traces?: Record<string, TracesActiviteCarbone>;
  },
  nom: string,
): SheetSpec {
  const b = nomFeuilleRef(bilan.nom);
  const notes: NoteSpec[] = [];
  const es = bilan.activites ?? [];
  const rang = new Map(es.map((a, i) => [a.id, bilan.premiere + i]));
  const col = (c: number) => `${b}!$${colonneLettre(c)}$${bilan.premiere}:$${colonneLettre(c)}$${bilan.derniere}`;
  const crit = (r: number) => `${col(COL.categorie)},$A${r},${col(COL.poste)},$B${r},${col(COL.unite)},$D${r}`;
  const rows: CellSpec[][] = [
    ["Export pour le calculateur homologué (SeCO2, Carbon'Clap, Carbon Stage)"],
    [AVERTISSEMENT_HOMOLOGATION],
    [
      "Repas « régime non précisé » : répartissez-les par régime dans le calculateur. Quantités modifiables dans « Bilan carbone ».",
    ],
    [],
    ENTETES.slice(),
  ];
  const premiere = rows.length + 1;
  lignes.forEach((l, i) => {
    const r = premiere + i;
    if (es.length) notes.push(...notesLigne(l, r, es, rang, bilan.traces ?? {}, b));
    rows.push([
      libelleCategorie(l.categorie),
      l.poste,
      { formula: `SUMIFS(${col(COL.quantite)},${crit(r)})`, result: l.quantite === undefined ? 0 : Number(l.quantite) },
      l.unite,
      { formula: `SUMIFS(${col(COL.montant)},${crit(r)})`, result: centsToEuros(l.montant) },
      { formula: `COUNTIFS(${crit(r)})`, result: l.lignes },
      {
        formula: `COUNTIFS(${crit(r)},${col(COL.quantite)},"")`,
        result: l.aCompleter,
      },
      // For the bilan définitif: empty while no line of the group has one (a sum of nothing is no 0).
      {
        formula:
          `IF(COUNTIFS(${crit(r)},${col(COL.quantiteRealisee)},"<>")=0,"",` +
          `SUMIFS(${col(COL.quantiteRealisee)},${crit(r)}))`,
        result: l.quantiteRealisee === undefined ? "" : Number(l.quantiteRealisee),
      },
      {
        formula: `IF(COUNTIFS(${crit(r)},${col(COL.realise)},"<>")=0,"",SUMIFS(${col(COL.realise)},${crit(r)}))`,
        result: l.realise === undefined ? "" : centsToEuros(l.realise),
      },
      l.sources.join(" ; "),
    ]);
  });
  const fin = Math.max(premiere, premiere + lignes.length - 1);
  return {
    name: nom,
    rows,
    columns: [
      { width: 24 },
      { width: 34 },
      { width: 12 },
      { width: 12 },
      { width: 16 },
      { width: 8 },
      { width: 12 },
      { width: 14 },
      { width: 14 },
      { width: 60 },
    ],
    formats: [
      { range: "A1", bold: true },
      { range: "A2:A3", italic: true, fontColor: "#595959" },
      { range: `A${premiere - 1}:J${premiere - 1}`, bold: true, fill: "#DDEBF7" },
      { range: `E${premiere}:E${fin}`, numFmt: FORMAT_EXCEL.montant },
      { range: `I${premiere}:I${fin}`, numFmt: FORMAT_EXCEL.montant },
      { range: `J${premiere}:J${fin}`, wrap: true },
    ],
    freeze: { rows: premiere - 1 },
    tabColor: "#548235",
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The notes of one export row: each total is a Σ (or a count) over the « Bilan carbone » rows of the same category,
 * poste and unit; the note names those rows and, through them, the devis (plan de travail) cells.
 */
function notesLigne(
  l: LigneExport,
  r: number,
  es: ActiviteEstimee[],
  rang: Map<string, number>,
  traces: Record<string, TracesActiviteCarbone>,
  b: string,
): NoteSpec[] {
  const groupe = es.filter((e) => e.categorie === l.categorie && e.poste === l.poste && e.unite === l.unite);
  const ou = `lignes de ${b} de même catégorie, poste et unité`;
  const plage = (c: number, x: ActiviteEstimee[]) =>
    x.length ? `${b}!${plagesDeCellules(x.map((e) => `${colonneLettre(c)}${rang.get(e.id)}`))}` : "aucune ligne";
  const sigma = (c: number, x: ActiviteEstimee[]) =>
    x.length ? `Σ ${plage(c, x)}` : `0 : aucune valeur dans ${plage(c, groupe)}`;
  const terme = (e: ActiviteEstimee, t: Trace | undefined, valeur: string, unite: Trace["unite"]) =>
    feuille(e.libelle, valeur, unite, {
      cellule: t?.cellule ?? e.cellule,
      ...(t?.formule ? { formule: t.formule } : {}),
    });
  const somme = (libelle: string, unite: Trace["unite"], termes: Trace[]) =>
    noeud(libelle, termes.reduce((s, t) => s.plus(t.valeur), new Decimal(0)).toFixed(), unite, "somme", termes);
  const out: NoteSpec[] = [];
  const n = (c: string, text: string) => out.push({ cell: `${c}${r}`, text });
  const avecQ = groupe.filter((e) => e.quantiteRetenue !== undefined);
  n(
    "C",
    noteDeTrace(
      somme(
        `Quantité (${l.unite})`,
        "nombre",
        avecQ.map((e) => terme(e, traces[e.id]?.quantite, e.quantiteRetenue!, "nombre")),
      ),
      `${sigma(COL.quantite, avecQ)} (quantité retenue) : ${ou}`,
    ),
  );
  const avecM = groupe.filter((e) => e.montant !== undefined);
  n(
    "E",
    noteDeTrace(
      somme(
        "Montant devis (€ HT)",
        "euros",
        avecM.map((e) => terme(e, traces[e.id]?.montant, euros(e.montant!), "euros")),
      ),
      `${sigma(COL.montant, avecM)} : ${ou}`,
    ),
  );
  const compte = (libelle: string, x: ActiviteEstimee[], quoi: string) =>
    noteDeTrace(
      somme(
        libelle,
        "nombre",
        x.map((e) => feuille(e.libelle, "1", "nombre", { cellule: e.cellule })),
      ),
      `nombre de ${ou}${quoi} : ${plage(COL.categorie, x)}`,
    );
  n("F", compte("Lignes", groupe, ""));
  n(
    "G",
    compte(
      "À compléter",
      groupe.filter((e) => e.quantiteRetenue === undefined),
      " dont la quantité retenue est vide",
    ),
  );
  const avecQR = groupe.filter((e) => e.quantiteRealisee !== undefined);
  n(
    "H",
    avecQR.length
      ? noteDeTrace(
          somme(
            `Quantité réalisée (${l.unite})`,
            "nombre",
            avecQR.map((e) => feuille(e.libelle, e.quantiteRealisee!, "nombre", { cellule: e.cellule })),
          ),
          `${sigma(COL.quantiteRealisee, avecQR)} : ${ou}`,
        )
      : noteVide("Quantité réalisée", `aucune quantité réalisée saisie dans ${plage(COL.quantiteRealisee, groupe)}`),
  );
  const avecR = groupe.filter((e) => e.realise !== undefined);
  n(
    "I",
    avecR.length
      ? noteDeTrace(
          somme(
            "Réalisé (€)",
            "euros",
            avecR.map((e) => terme(e, traces[e.id]?.realise, euros(e.realise!), "euros")),
          ),
          `${sigma(COL.realise, avecR)} : ${ou}`,
        )
      : noteVide("Réalisé (€)", `aucun réalisé dans ${plage(COL.realise, groupe)}`),
  );
  return out;
}
