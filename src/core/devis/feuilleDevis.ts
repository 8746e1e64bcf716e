import Decimal from "decimal.js";
import { centsToEuros, montantLigne, multiplyCents } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellData, CellSpec, NoteSpec, SheetData, SheetSpec } from "../port/workbook";
import { traceLigne, tracesDevis, type TracesDevis } from "../traces/devis";
import { noteDeTrace } from "../traces/note";
import { adresse, colonneLettre, lienCellule } from "../util/adresse";

export { lienCellule };
import type { Constat } from "../controles/constat";
import { CATEGORIES_LIGNE, sourceLigne, type CodeChapitre, type Devis, type LigneDevis } from "./model";
import { CHAPITRES_HORS_TOTAL, ORDRE_CHAPITRES } from "./nomenclature";
import { estCout } from "./totaux";

export const ENTETES_DEVIS = [
  "Chapitre",
  "Code",
  "Libellé",
  "Quantité",
  "Nombre",
  "Unité",
  "Taux",
  "Montant",
  "Catégorie",
  "Taux charges",
  "Territoire",
  "Éligible CI",
  "Source",
] as const;
/** The category column's validation list: the model's categories. */
export const LISTE_CATEGORIES: string[] = [...CATEGORIES_LIGNE];

const C = {
  chapitre: 0,
  code: 1,
  libelle: 2,
  quantite: 3,
  nombre: 4,
  unite: 5,
  taux: 6,
  montant: 7,
  categorie: 8,
  tauxCharges: 9,
  territoire: 10,
  eligible: 11,
  source: 12,
};
const LIGNE_ENTETE = 3; // 0-based: row 4 in Excel
const H = colonneLettre(C.montant);
/** Quantities: "General", since "#,##0.##" shows a dangling separator ("10,") on whole numbers in Excel. */
const FORMAT_GENERAL = "General";

/** Where the Synthèse finds the Devis figures (0-based rows). */
export interface PlanDevis {
  spec: SheetSpec;
  ligneChapitre: Map<CodeChapitre, number>;
  ligneHorsFrais: number;
  ligneTotal: number;
  /** « D'où vient ce chiffre ? » of the totals, for the notes of the sheets that repeat them (Synthèse). */
  traces: TracesDevis;
}

/** Lines in CNC order (source order within a chapter); unplaced lines last, outside every total. */
export function ordonnerLignes(devis: Devis): LigneDevis[] {
  const rang = (l: LigneDevis) => (l.chapitre ? ORDRE_CHAPITRES.indexOf(l.chapitre) : ORDRE_CHAPITRES.length);
  return devis.lignes
    .map((l, i) => ({ l, i }))
    .sort((a, b) => rang(a.l) - rang(b.l) || a.i - b.i)
    .map((x) => x.l);
}

/** The cell of the producer's sheet a Devis row points back to (its Source column): the amount's, else the row's A. */
export { sourceLigne };

/** A row of a « Devis » sheet written by `feuilleDevis`, read back: its quantity and the label written beside it. */
export interface LigneEcrite {
  quantite: string;
  /** The Libellé column's text (absent when the cell holds no text). */
  libelle?: string;
}

/**
 * The quantities a « Devis » sheet written by `feuilleDevis` holds, by the producer's cell each row points back to
 * (its Source column, `sourceLigne`): how Prodbook reads back the quantities it wrote there (those applied from the
 * plan de travail). A sheet whose header row is not the Devis table's gives none; a quantity that is no number is
 * left out.
 */
export function quantitesEcrites(sheet: SheetData | undefined): Map<string, string> {
  return new Map([...lignesEcrites(sheet)].map(([source, l]) => [source, l.quantite]));
}

/**
 * As `quantitesEcrites`, each quantity with the label written on its row: a row inserted in the producer's sheet
 * since shifts the cells the Source column points to, so a quantity read back belongs to a line only when the label
 * is that line's too (the caller compares them).
 */
export function lignesEcrites(sheet: SheetData | undefined): Map<string, LigneEcrite> {
  const r = new Map<string, LigneEcrite>();
  const entete = sheet?.rows[LIGNE_ENTETE]?.map((c) => c.v);
  if (!sheet || !entete || ENTETES_DEVIS.some((e, i) => entete[i] !== e)) return r;
  const vues = new Set<string>();
  for (const row of sheet.rows.slice(LIGNE_ENTETE + 1)) {
    const source = texteLien(row[C.source]);
    const quantite = row[C.quantite]?.v;
    const libelle = row[C.libelle]?.v;
    // The table ends at its first row without a Source (the blank row before the chapter totals).
    if (typeof source !== "string" || !source) break;
    // Two rows pointing back to one cell: which quantity is that line's cannot be told, neither is read.
    if (vues.has(source)) r.delete(source);
    else if (typeof quantite === "number" && Number.isFinite(quantite))
      r.set(source, {
        quantite: new Decimal(quantite).toFixed(),
        ...(typeof libelle === "string"
          ? { libelle }
          : typeof libelle === "number"
            ? { libelle: String(libelle) }
            : {}),
      });
    vues.add(source);
  }
  return r;
}

/**
 * The text a Source cell shows: its value, or, where the host gave no result for the formula (a workbook in manual
 * calculation, a file saved without cached values), the text `lienCellule` put in its HYPERLINK.
 */
function texteLien(c: CellData | undefined): string | undefined {
  if (typeof c?.v === "string" && c.v) return c.v;
  const m = c?.f && /^=?HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/i.exec(c.f);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : new Decimal(s).toNumber());

function territoire(part?: string): CellSpec {
  if (part === undefined) return null;
  if (new Decimal(part).equals(1)) return "France";
  if (new Decimal(part).isZero()) return "Étranger";
  return num(part);
}

/** The « Devis » sheet: an Excel table of lines with live amounts, then chapter totals and the total by formula. */
export function feuilleDevis(devis: Devis, nom: string, constats: readonly Constat[] = []): PlanDevis {
  // Lines pointed at by a finding are tinted, so the producer sees them in the table too.
  const gravite = new Map<string, Constat["gravite"]>();
  for (const c of constats)
    if (c.cellule && c.gravite !== "info" && gravite.get(c.cellule) !== "erreur") gravite.set(c.cellule, c.gravite);
  const lignes = ordonnerLignes(devis);
  const premiere = LIGNE_ENTETE + 1;
  const derniere = LIGNE_ENTETE + lignes.length; // 0-based, inclusive
  const nbHorsFrais = lignes.filter((l) => l.chapitre && !CHAPITRES_HORS_TOTAL.includes(l.chapitre)).length;
  const plageHorsFrais = nbHorsFrais ? `${H}$${premiere + 1}:${H}$${premiere + nbHorsFrais}` : undefined;

  const rows: CellSpec[][] = [
    [`Devis structuré — source : feuille « ${devis.feuille} »`],
    [
      "Créé par Prodbook. Montant = quantité × nombre × taux ; totaux par formule. La colonne Source renvoie à la cellule d'origine.",
    ],
    [],
    [...ENTETES_DEVIS],
  ];
  const formats: SheetSpec["formats"] = [
    { range: "A1:M1", bold: true },
    { range: "A2:M2", italic: true, fontColor: "#595959" },
    { range: `A${LIGNE_ENTETE + 1}:M${LIGNE_ENTETE + 1}`, bold: true },
  ];
  // « D'où vient ce chiffre ? » on each total, and on each line computed on the coût hors frais (frais généraux,
  // imprévus…: « taux × coût hors frais »), whose formula reads the lines of chapters 1 to 9.
  const traces = tracesDevis(devis);
  const notes: NoteSpec[] = [];
  const rangDansChapitre = new Map<CodeChapitre, number>();
  lignes.forEach((l, k) => {
    const r = premiere + k;
    const rang = l.chapitre ? (rangDansChapitre.get(l.chapitre) ?? 0) : -1;
    if (l.chapitre) rangDansChapitre.set(l.chapitre, rang + 1);
    // Once per line: the amount's formula and its note both follow from the factors.
    const facteurs = facteursProduit(l, r);
    const montant = montantCellule(l, r, plageHorsFrais, devis, facteurs);
    if (facteurs) {
      // quantité × nombre × taux: the factors on this row, each from its cell of the producer's sheet.
      const t = (l.chapitre && traces.chapitres[l.chapitre]?.entrees?.[rang]) || traceLigne(l);
      if (t.operation === "produit")
        notes.push({
          cell: `${H}${r + 1}`,
          text: noteDeTrace(
            t,
            `${facteurs.mots} de cette ligne (${facteurs.cellules.join(" × ")}), arrondi au centime`,
          ),
        });
    } else if (l.chapitre && plageHorsFrais && montant && typeof montant === "object" && "formula" in montant) {
      const t = traces.chapitres[l.chapitre]?.entrees?.[rang];
      if (t && t.formule === "coût hors frais × pourcentage")
        notes.push({
          cell: `${H}${r + 1}`,
          text: noteDeTrace(
            t,
            `taux G${r + 1} × coût hors frais (Σ ${plageHorsFrais.replace(/\$/g, "")} : lignes des chapitres 1 à 9 ` +
              `de cette feuille), arrondi au centime`,
          ),
        });
    }
    rows.push([
      l.chapitre ?? null,
      l.code ?? null,
      l.libelle,
      num(l.quantite),
      num(l.nombre),
      l.unite ?? null,
      l.pourcentage && !l.taux ? num(l.pourcentage) : num(l.taux),
      montant,
      l.categorie ?? null,
      num(l.tauxCharges),
      territoire(l.partFrance),
      l.eligibleCI,
      lienCellule(sourceLigne(l)),
    ]);
    if (l.pourcentage && !l.taux) formats.push({ range: adresse(r, C.taux), numFmt: FORMAT_EXCEL.pourcent });
    const gs = Object.values(l.source.cellules).map((x) => gravite.get(x));
    const g = gs.includes("erreur") ? "erreur" : gs.includes("alerte") ? "alerte" : undefined;
    if (g) formats.push({ range: `A${r + 1}:M${r + 1}`, fill: g === "erreur" ? "#F8CBAD" : "#FFE699" });
  });

  // Totals block below the table: SUMIF on the chapter column keeps working when lines are added or re-chaptered.
  const crit = `$A$${premiere + 1}:$A$${Math.max(derniere, premiere) + 1}`;
  const somme = `$${H}$${premiere + 1}:$${H}$${Math.max(derniere, premiere) + 1}`;
  rows.push([]);
  rows.push([null, null, "Totaux par chapitre"]);
  formats.push({ range: `C${rows.length}`, bold: true });
  const ligneChapitre = new Map<CodeChapitre, number>();
  const ajouterChapitre = (code: CodeChapitre) => {
    const ch = devis.chapitres.find((c) => c.code === code);
    if (!ch) return;
    const t = traces.chapitres[code];
    if (t) notes.push({ cell: `${H}${rows.length + 1}`, text: noteDeTrace(t, sommeLignes(lignes, code, premiere)) });
    ligneChapitre.set(code, rows.length);
    rows.push([
      code,
      null,
      `Total ${code} — ${ch.libelle}`,
      null,
      null,
      null,
      null,
      { formula: `SUMIF(${crit},"${code}",${somme})`, result: centsToEuros(ch.total) },
    ]);
  };
  const neuf = ORDRE_CHAPITRES.filter((c) => !CHAPITRES_HORS_TOTAL.includes(c));
  neuf.forEach(ajouterChapitre);
  const rangs = [...ligneChapitre.values()];
  const ligneHorsFrais = rows.length;
  rows.push([
    null,
    null,
    "Coût hors frais (chapitres 1 à 9)",
    null,
    null,
    null,
    null,
    rangs.length
      ? {
          formula: `SUM(${H}${rangs[0] + 1}:${H}${rangs[rangs.length - 1] + 1})`,
          result: centsToEuros(devis.totalHorsFrais),
        }
      : 0,
  ]);
  formats.push({ range: `A${ligneHorsFrais + 1}:M${ligneHorsFrais + 1}`, bold: true, borderTop: true });
  if (rangs.length)
    notes.push({
      cell: `${H}${ligneHorsFrais + 1}`,
      text: noteDeTrace(
        traces.totalHorsFrais,
        `Σ totaux des chapitres 1 à 9 (${H}${rangs[0] + 1} à ${H}${rangs[rangs.length - 1] + 1} ci-dessus)`,
      ),
    });
  CHAPITRES_HORS_TOTAL.forEach(ajouterChapitre);
  const ligneTotal = rows.length;
  const basDeDevis = CHAPITRES_HORS_TOTAL.map((c) => ligneChapitre.get(c)).filter((x): x is number => x !== undefined);
  rows.push([
    null,
    null,
    "TOTAL",
    null,
    null,
    null,
    null,
    {
      formula: [`${H}${ligneHorsFrais + 1}`, ...basDeDevis.map((r) => `${H}${r + 1}`)].join("+"),
      result: centsToEuros(devis.total),
    },
  ]);
  formats.push({ range: `A${ligneTotal + 1}:M${ligneTotal + 1}`, bold: true, borderTop: true, fill: "#DDEBF7" });
  notes.push({ cell: `${H}${ligneTotal + 1}`, text: noteDeTrace(traces.total) });

  const fin = Math.max(derniere, premiere) + 1; // Excel row of the last table row
  const spec: SheetSpec = {
    name: nom,
    rows,
    columns: [
      { width: 9 },
      { width: 9 },
      { width: 42 },
      { width: 10, numFmt: FORMAT_GENERAL },
      { width: 9, numFmt: FORMAT_GENERAL },
      { width: 10 },
      { width: 13, numFmt: FORMAT_EXCEL.montant },
      { width: 15, numFmt: FORMAT_EXCEL.montant },
      { width: 19 },
      { width: 12, numFmt: FORMAT_EXCEL.pourcent },
      { width: 12 },
      { width: 11 },
      { width: 18 },
    ],
    formats,
    tables: lignes.length
      ? [{ name: "tblDevis", range: `A${LIGNE_ENTETE + 1}:M${fin}`, style: "TableStyleMedium2" }]
      : [],
    validations: lignes.length
      ? [
          {
            range: `A${premiere + 1}:A${fin}`,
            list: [...ORDRE_CHAPITRES],
            prompt: "Chapitre CNC (1 à 9) ou FG, IMP, FF, PROD",
          },
          { range: `I${premiere + 1}:I${fin}`, list: LISTE_CATEGORIES, prompt: "Catégorie de la ligne" },
          {
            range: `K${premiere + 1}:K${fin}`,
            list: ["France", "Étranger"],
            strict: false,
            prompt: "Lieu de la dépense",
          },
          { range: `L${premiere + 1}:L${fin}`, list: ["oui", "non", "auto"], prompt: "Éligible au crédit d'impôt" },
        ]
      : [],
    freeze: { rows: LIGNE_ENTETE + 1 },
    tabColor: "#2F5597",
    print: { landscape: true, repeatRows: LIGNE_ENTETE + 1, fitToWidth: true },
    notes,
  };
  return { spec, ligneChapitre, ligneHorsFrais, ligneTotal, traces };
}

/** « Σ lignes 12 à 40 du chapitre 3 » (Excel rows of this sheet: the lines are in chapter order, so contiguous). */
function sommeLignes(lignes: LigneDevis[], code: CodeChapitre, premiere: number): string | undefined {
  const debut = lignes.findIndex((l) => l.chapitre === code);
  if (debut < 0) return undefined;
  let fin = debut;
  while (fin + 1 < lignes.length && lignes[fin + 1].chapitre === code) fin++;
  const [a, b] = [premiere + debut + 1, premiere + fin + 1];
  const n = fin - debut + 1;
  const quelles = a === b ? `Σ ligne ${a}` : `Σ lignes ${a} à ${b}`;
  return `${quelles} du chapitre ${code} (colonne ${H} de cette feuille ; ${n} ligne${n > 1 ? "s" : ""})`;
}

/** Live formula when the producer's amount is exactly what the formula gives; otherwise the amount read (flagged in Contrôles). */
function montantCellule(
  l: LigneDevis,
  r: number,
  plageHorsFrais: string | undefined,
  devis: Devis,
  facteurs: ReturnType<typeof facteursProduit>,
): CellSpec {
  const valeur = centsToEuros(l.montant);
  const ligne = r + 1;
  // Only a line whose base is the coût hors frais (basePourcentage): a cost line of chapters 1 to 9 at a rate is summed
  // by that range, its formula would be circular.
  if (
    l.pourcentage &&
    !l.taux &&
    plageHorsFrais &&
    !estCout(l) &&
    multiplyCents(devis.totalHorsFrais, l.pourcentage) === l.montant
  ) {
    return { formula: `ROUND(G${ligne}*SUM(${plageHorsFrais}),2)`, result: valeur };
  }
  if (facteurs) return { formula: `ROUND(${facteurs.cellules.join("*")},2)`, result: valeur };
  return valeur;
}

/**
 * The cells of this sheet a line's quantité × nombre × taux formula multiplies (D, E, G of its row, the factors it has)
 * and their names, when the producer's amount is exactly that product; undefined otherwise.
 */
function facteursProduit(l: LigneDevis, r: number): { cellules: string[]; mots: string } | undefined {
  if (l.taux === undefined || l.pourcentage || (l.quantite === undefined && l.nombre === undefined)) return undefined;
  if (montantLigne(l.quantite ?? 1, l.nombre ?? 1, l.taux) !== l.montant) return undefined;
  const ligne = r + 1;
  const f = [
    ...(l.quantite !== undefined ? [[`D${ligne}`, "quantité"]] : []),
    ...(l.nombre !== undefined ? [[`E${ligne}`, "nombre"]] : []),
    [`G${ligne}`, "taux"],
  ];
  return { cellules: f.map((x) => x[0]), mots: f.map((x) => x[1]).join(" × ") };
}
