import { cents, type Cents, centsToEuros, subCents } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { Devis } from "../devis/model";
import type { CellSpec, NoteSpec, RangeFormat } from "../port/workbook";
import { noteDeTrace, plagesDeCellules } from "../traces/note";
import { euros, feuille, noeud } from "../traces/trace";
import type { LigneHorsBilan } from "./classer";
import { colonneLettre } from "../util/adresse";
import { COL } from "./colonnes";
import { LIBELLES_METHODE, type ActiviteEstimee, type Methode } from "./modele";
import type { ResumePlan } from "./plan";

/** Where every euro of the devis lines went: estimated (activity / ratio), to complete, factor missing, outside. */
export interface Couverture {
  /** Σ of the amounts of every devis line read (placed or not). */
  lignes: Cents;
  parMethode: Record<Methode, Cents>;
  hors: Record<LigneHorsBilan["motif"], Cents>;
  /** Σ parMethode + Σ hors. */
  classe: Cents;
  /** classe = lignes (checked, and re-checked by a formula on the sheet). */
  conserve: boolean;
}

const METHODES: Methode[] = ["activite", "monetaire", "a-completer", "facteur-manquant"];
const MOTIFS: { motif: LigneHorsBilan["motif"]; libelle: string }[] = [
  { motif: "personnel", libelle: "Hors bilan : personnel et charges sociales" },
  { motif: "droits", libelle: "Hors bilan : droits artistiques" },
  { motif: "frais", libelle: "Hors bilan : frais généraux, imprévus, frais financiers" },
  { motif: "non-classee", libelle: "Non classées (à vérifier)" },
];

export function couverture(devis: Devis, es: ActiviteEstimee[], hors: LigneHorsBilan[]): Couverture {
  const parMethode = Object.fromEntries(METHODES.map((m) => [m, 0])) as Record<Methode, number>;
  for (const e of es) if (e.origine === "devis") parMethode[e.methode] += e.montant ?? 0;
  const h = Object.fromEntries(MOTIFS.map((m) => [m.motif, 0])) as Record<LigneHorsBilan["motif"], number>;
  for (const x of hors) h[x.motif] += x.ligne.montant;
  const lignes = devis.lignes.reduce((s, l) => s + l.montant, 0);
  const somme = [...Object.values(parMethode), ...Object.values(h)].reduce((s, v) => s + v, 0);
  return {
    lignes: cents(lignes),
    parMethode: parMethode as Record<Methode, Cents>,
    hors: h as Record<LigneHorsBilan["motif"], Cents>,
    classe: cents(somme),
    conserve: somme === lignes,
  };
}

/**
 * The plan de travail summary (when there is one) and the coverage of the devis, with its check at 0. Each sum carries
 * a note naming the activity rows (`ligne`) and devis cells it adds up.
 */
export function blocsCouverture(
  c: Couverture,
  plan: ResumePlan | undefined,
  premiere: number,
  col: (c: number) => string,
  es: ActiviteEstimee[] = [],
  ligne: (id: string) => number = () => 0,
): { rows: CellSpec[][]; formats: RangeFormat[]; notes: NoteSpec[] } {
  const rows: CellSpec[][] = [];
  const formats: RangeFormat[] = [];
  const notes: NoteSpec[] = [];
  const J = colonneLettre(COL.montant);
  const ici = () => premiere + rows.length;
  if (plan) {
    formats.push({ range: `A${ici()}`, bold: true });
    rows.push([`Plan de travail « ${plan.feuille} »`]);
    rows.push(["Jours de tournage", plan.jours]);
    rows.push(["Personnes", plan.personnes]);
    rows.push(["Jours-personne (repas sur le tournage)", plan.joursPersonne]);
    for (const l of plan.lieux)
      rows.push([
        `Lieu « ${l.lieu} »`,
        l.jours,
        l.jours >= 2 ? "jours" : "jour",
        l.personnes,
        l.personnes >= 2 ? "personnes" : "personne",
      ]);
    rows.push([]);
  }
  formats.push({ range: `A${ici()}`, bold: true });
  rows.push(["Couverture du devis : chaque montant lu est estimé, à compléter ou hors bilan"]);
  formats.push({ range: `A${ici()}:C${ici()}`, bold: true, fill: "#DDEBF7" });
  rows.push(["Lignes du devis", "Montant (€)"]);
  const debut = ici();
  for (const m of METHODES) {
    const de = es.filter((a) => a.origine === "devis" && a.methode === m && a.montant !== undefined);
    const lignes = de.map((a) => ligne(a.id)).filter((r) => r > 0);
    notes.push({
      cell: `B${ici()}`,
      text: noteDeTrace(
        noeud(
          `Lignes « ${LIBELLES_METHODE[m]} » (€ HT)`,
          euros(c.parMethode[m]),
          "euros",
          "somme",
          de.map((a) => feuille(a.libelle, euros(a.montant!), "euros", { cellule: a.celluleMontant ?? a.cellule })),
        ),
        `Σ ${lignes.length ? plagesDeCellules(lignes.map((r) => `${J}${r}`)) : "aucune ligne"} : ` +
          `lignes du devis dont la méthode (colonne P) est « ${LIBELLES_METHODE[m]} »`,
      ),
    });
    rows.push([
      `Lignes estimées ou à estimer — ${LIBELLES_METHODE[m]}`,
      {
        formula: `SUMIFS(${col(COL.montant)},${col(COL.methode)},"${LIBELLES_METHODE[m]}",${col(COL.id)},"devis:*")`,
        result: centsToEuros(c.parMethode[m]),
      },
    ]);
  }
  for (const m of MOTIFS) rows.push([m.libelle, centsToEuros(c.hors[m.motif])]);
  const fin = ici() - 1;
  const termes = [
    ...METHODES.map((m) => [`Lignes « ${LIBELLES_METHODE[m]} »`, c.parMethode[m]] as const),
    ...MOTIFS.map((m) => [m.libelle, c.hors[m.motif]] as const),
  ].map(([libelle, v], i) => feuille(libelle, euros(v), "euros", { cellule: `B${debut + i}` }));
  const totalClasse = noeud("Total des montants classés", euros(c.classe), "euros", "somme", termes);
  notes.push({ cell: `B${ici()}`, text: noteDeTrace(totalClasse, `Σ B${debut}:B${fin}`) });
  rows.push(["Total des montants classés", { formula: `SUM(B${debut}:B${fin})`, result: centsToEuros(c.classe) }]);
  rows.push(["Montants des lignes du devis lues", centsToEuros(c.lignes)]);
  const controle = ici();
  notes.push({
    cell: `B${controle}`,
    text: noteDeTrace(
      noeud("Contrôle", euros(subCents(c.classe, c.lignes)), "euros", "difference", [
        feuille("Total des montants classés", euros(c.classe), "euros", { cellule: `B${controle - 2}` }),
        feuille("Montants des lignes du devis lues", euros(c.lignes), "euros", { cellule: `B${controle - 1}` }),
      ]),
      `B${controle - 2} − B${controle - 1}, arrondi au centime : 0 quand chaque euro du devis est classé une fois`,
    ),
  });
  rows.push([
    "Contrôle (doit valoir 0)",
    { formula: `ROUND(B${controle - 2}-B${controle - 1},2)`, result: centsToEuros(subCents(c.classe, c.lignes)) },
  ]);
  formats.push({ range: `B${debut}:B${controle}`, numFmt: FORMAT_EXCEL.montant });
  formats.push({ range: `A${controle - 2}:B${controle}`, bold: true });
  return { rows, formats, notes };
}
