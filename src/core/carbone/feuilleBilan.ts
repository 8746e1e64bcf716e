import Decimal from "decimal.js";
import { centsToEuros } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, NoteSpec, RangeFormat, SheetSpec } from "../port/workbook";
import { tracesCarbone, UNITE_TONNES, type TracesActiviteCarbone, type TracesCarbone } from "../traces/carbone";
import { noteDeTrace, noteVide, plagesDeCellules } from "../traces/note";
import { feuille, noeud, type Trace } from "../traces/trace";
import { colonneLettre, nomFeuilleRef } from "../util/adresse";
import { critereExact } from "../util/criteres";
import {
  A_COMPLETER,
  AVERTISSEMENT_HOMOLOGATION,
  COL,
  ENTETES_ACTIVITES,
  TYPE_ACTIVITE,
  TYPE_MONETAIRE,
} from "./colonnes";
import type { TotauxCarbone } from "./estimer";
import type { JeuFacteurs } from "./facteurs";
import { blocConversions, blocFacteurs } from "./feuilleFacteurs";
import { CATEGORIES, LIBELLES_METHODE, libelleCategorie, type ActiviteEstimee } from "./modele";

const L = (c: number) => colonneLettre(c);
const AUCUN_REALISE = "aucun réalisé";
const t = (kg: Decimal.Value | undefined): number =>
  kg === undefined ? 0 : new Decimal(kg).dividedBy(1000).toNumber();
const FORMAT_T = "0.000";
const JAUNE = "#FFF2CC";

export interface EntreesFeuilleBilan {
  activites: ActiviteEstimee[];
  totaux: TotauxCarbone;
  jeu: JeuFacteurs;
  /** Chapters (code → libellé) in CNC order. */
  chapitres: { code: string; libelle: string }[];
  /** Is the producer's cell a number (a formula may refer to it), or text (its value is copied)? */
  numerique(ref: string): boolean;
  /** Extra blocks after the factor table (plan de travail, coverage of the devis); `ligne` gives an activity's row. */
  blocsApres?: (
    premiereLigne: number,
    colonne: (c: number) => string,
    ligne: (id: string) => number,
  ) => { rows: CellSpec[][]; formats: RangeFormat[]; notes?: NoteSpec[] };
  /** « D'où vient ce chiffre ? » of every figure (computed here when not given). */
  traces?: TracesCarbone;
}

/** The first sentence of a factor's source (« Lib&CO2 (copie de la Base Carbone V23.6). »), at most 200 characters. */
function premierePhrase(s: string): string {
  const m = /^.*?[.;](?=\s|$)/.exec(s);
  const p = (m ? m[0] : s).trim();
  return p.length > 200 ? `${p.slice(0, 199)}…` : p;
}

/** A count of activity rows as a trace: one per row, each named by its label and devis (plan de travail) cell. */
function compte(libelle: string, es: ActiviteEstimee[]): Trace {
  return noeud(
    libelle,
    String(es.length),
    "nombre",
    "somme",
    es.map((a) => feuille(a.libelle, "1", "nombre", { cellule: a.cellule })),
  );
}

/** « O26:O31, O35 » — the rows of a column on this sheet, or « aucune ligne ». */
function lignesDe(c: number, rangs: number[]): string {
  return rangs.length ? plagesDeCellules(rangs.map((r) => `${L(c)}${r}`)) : "aucune ligne";
}

/** « Σ O26:O31, O35 » of a column's rows, or « 0 : aucune ligne » when there is none. */
function sigma(c: number, rangs: number[]): string {
  return rangs.length ? `Σ ${lignesDe(c, rangs)}` : "0 : aucune ligne";
}

/**
 * The « Bilan carbone » sheet: totals, by category (charted) and by chapter, then one row per activity with live
 * formulas (quantity × factor looked up in the factor table below), then the factor table itself. Yellow cells
 * (quantité retenue, code facteur, réalisé, quantité réalisée, commentaire) are the user's and kept on refresh.
 */
export function feuilleBilan(e: EntreesFeuilleBilan, nom: string): SheetSpec {
  const moi = nomFeuilleRef(nom);
  const { activites: as, totaux } = e;
  const tr = e.traces ?? tracesCarbone(as, e.jeu);
  const rows: CellSpec[][] = [];
  const formats: RangeFormat[] = [];
  const notes: NoteSpec[] = [];
  const note = (cell: string, text: string) => notes.push({ cell, text });
  rows.push(["Bilan carbone — pré-estimation préparée par Prodbook"]);
  rows.push([AVERTISSEMENT_HOMOLOGATION]);
  rows.push([
    "Les cellules jaunes sont modifiables et gardées à chaque mise à jour. Confiance M ou L : facteur « à vérifier ».",
  ]);
  rows.push([]);
  const ligneKpi = 5;
  rows.push([]); // filled once the table rows are known
  rows.push([]);
  const premiereCat = 8;
  rows.push([
    "Catégorie",
    "Prévisionnel (t CO₂e)",
    "Définitif (t CO₂e)",
    "Activités",
    "À compléter",
    "Facteur manquant",
  ]);
  const nCat = CATEGORIES.length;
  const ligneTotalCat = premiereCat + nCat;
  const nChap = e.chapitres.length;
  const premiereChap = ligneTotalCat + 3;
  const titreAct = premiereChap + nChap + 1;
  const enteteAct = titreAct + 1;
  const premiereAct = enteteAct + 1;
  const derniereAct = Math.max(premiereAct, premiereAct + as.length - 1);
  const premiereFacteurs = derniereAct + 2; // title row of the factor table
  const facteurs = blocFacteurs(e.jeu, premiereFacteurs);
  const plageF = `$A$${facteurs.premiere}:$J$${facteurs.derniere}`;
  const col = (c: number) => `$${L(c)}$${premiereAct}:$${L(c)}$${derniereAct}`;
  const somme = (c: number, crit: string) => `SUMIFS(${col(c)},${col(COL.categorie)},${crit})`;
  const rang = new Map(as.map((a, i) => [a.id, premiereAct + i]));
  const rangs = (es: ActiviteEstimee[]) => es.map((a) => rang.get(a.id)!);
  const codesFacteurs = [...e.jeu.facteurs.keys(), ...e.jeu.manquants.keys()];
  const ligneFacteur = (code: string) => {
    const i = codesFacteurs.indexOf(code);
    return i < 0 ? undefined : facteurs.premiere + i;
  };

  CATEGORIES.forEach((c, i) => {
    const r = premiereCat + i;
    const de = as.filter((a) => a.categorie === c.code);
    const k = totaux.parCategorie.get(c.code)!;
    const ct = tr.categories[c.code];
    const ou = `catégorie « ${c.libelle} » (colonne D)`;
    note(`B${r}`, noteDeTrace(ct.previsionnel, `${sigma(COL.previsionnel, rangs(de))} : ${ou}`));
    const avecDef = de.filter((a) => a.kgCO2eDefinitif !== undefined);
    note(
      `C${r}`,
      noteDeTrace(ct.definitif, `${sigma(COL.definitif, rangs(avecDef))} : lignes de la ${ou} qui ont un définitif`),
    );
    const methode = (m: string, x: ActiviteEstimee[]) =>
      `nombre de lignes de la ${ou}${m ? ` dont la méthode (colonne P) est « ${m} »` : ""} : ${lignesDe(COL.categorie, rangs(x))}`;
    const aComp = de.filter((a) => a.methode === "a-completer");
    const sansF = de.filter((a) => a.methode === "facteur-manquant");
    note(`D${r}`, noteDeTrace(compte(`Activités « ${c.libelle} »`, de), methode("", de)));
    note(`E${r}`, noteDeTrace(compte(`À compléter « ${c.libelle} »`, aComp), methode(A_COMPLETER, aComp)));
    note(
      `F${r}`,
      noteDeTrace(
        compte(`Facteur manquant « ${c.libelle} »`, sansF),
        methode(LIBELLES_METHODE["facteur-manquant"], sansF),
      ),
    );
    rows.push([
      c.libelle,
      { formula: somme(COL.previsionnel, `$A${r}`), result: t(k.kg) },
      { formula: somme(COL.definitif, `$A${r}`), result: t(k.kgDefinitif) },
      { formula: `COUNTIFS(${col(COL.categorie)},$A${r})`, result: de.length },
      {
        formula: `COUNTIFS(${col(COL.categorie)},$A${r},${col(COL.methode)},"${A_COMPLETER}")`,
        result: de.filter((a) => a.methode === "a-completer").length,
      },
      {
        formula: `COUNTIFS(${col(COL.categorie)},$A${r},${col(COL.methode)},"${LIBELLES_METHODE["facteur-manquant"]}")`,
        result: de.filter((a) => a.methode === "facteur-manquant").length,
      },
    ]);
  });
  const s = (c: string) => ({ formula: `SUM(${c}${premiereCat}:${c}${ligneTotalCat - 1})` });
  const sommeCat = (c: string, libelle: string, valeur: (code: string) => string) =>
    noeud(
      libelle,
      CATEGORIES.reduce((x, k) => x.plus(valeur(k.code)), new Decimal(0)).toFixed(),
      "nombre",
      "somme",
      CATEGORIES.map((k, i) => feuille(k.libelle, valeur(k.code), "nombre", { cellule: `${c}${premiereCat + i}` })),
      { formule: `Σ ${c}${premiereCat}:${c}${ligneTotalCat - 1} (les catégories)` },
    );
  const nb = (code: string, m?: string) =>
    String(as.filter((a) => a.categorie === code && (!m || a.methode === m)).length);
  note(`B${ligneTotalCat}`, noteDeTrace(sommeCat("B", tr.total.libelle, (k) => tr.categories[k].previsionnel.valeur)));
  note(`C${ligneTotalCat}`, noteDeTrace(sommeCat("C", tr.definitif.libelle, (k) => tr.categories[k].definitif.valeur)));
  note(`D${ligneTotalCat}`, noteDeTrace(sommeCat("D", "Activités", (k) => nb(k))));
  note(`E${ligneTotalCat}`, noteDeTrace(sommeCat("E", "À compléter", (k) => nb(k, "a-completer"))));
  note(`F${ligneTotalCat}`, noteDeTrace(sommeCat("F", "Facteur manquant", (k) => nb(k, "facteur-manquant"))));
  rows.push([
    "Total",
    { ...s("B"), result: t(totaux.total) },
    { ...s("C"), result: t(totaux.definitif) },
    { ...s("D"), result: as.length },
    { ...s("E"), result: as.filter((a) => a.methode === "a-completer").length },
    { ...s("F"), result: as.filter((a) => a.methode === "facteur-manquant").length },
  ]);
  rows.push([]);
  rows.push(["Chapitre du devis", "Libellé", "Prévisionnel (t CO₂e)", "Définitif (t CO₂e)"]);
  e.chapitres.forEach((ch, i) => {
    const r = premiereChap + i;
    const k = totaux.parChapitre.get(ch.code);
    const crit = critereExact(ch.code, `$A${r}`);
    const de = as.filter((a) => (a.chapitre ?? "plan") === ch.code);
    const ct = tr.chapitres[ch.code];
    const ou = `chapitre « ${ch.code} » (colonne F)`;
    if (ct) {
      note(`C${r}`, noteDeTrace(ct.previsionnel, `${sigma(COL.previsionnel, rangs(de))} : lignes du ${ou}`));
      const avecDef = de.filter((a) => a.kgCO2eDefinitif !== undefined);
      note(
        `D${r}`,
        noteDeTrace(ct.definitif, `${sigma(COL.definitif, rangs(avecDef))} : lignes du ${ou} qui ont un définitif`),
      );
    }
    rows.push([
      ch.code,
      ch.libelle,
      { formula: `SUMIFS(${col(COL.previsionnel)},${col(COL.chapitre)},${crit})`, result: t(k?.kg) },
      { formula: `SUMIFS(${col(COL.definitif)},${col(COL.chapitre)},${crit})`, result: t(k?.kgDefinitif) },
    ]);
  });
  rows.push([]);
  rows.push(["Activités (une ligne par ligne du devis ou compte du plan de travail)"]);
  rows.push(ENTETES_ACTIVITES.slice());
  as.forEach((a, i) => {
    const r = premiereAct + i;
    rows.push(ligneActivite(a, r, plageF, e.numerique));
    notes.push(...notesActivite(a, r, tr.activites[a.id], e.jeu, ligneFacteur(a.facteurRetenu)));
  });
  if (as.length === 0) rows.push(["Aucune activité trouvée dans le devis ni le plan de travail."]);
  rows.push([]);
  rows.push(["Facteurs d'émission (remplaçables dans la feuille Paramètres : clé carbone.<code>)"]);
  rows.push(...facteurs.rows);
  const conversions = blocConversions(e.jeu, facteurs.derniere + 1);
  rows.push(...conversions.rows);
  formats.push(...conversions.formats);
  const apres = e.blocsApres?.(facteurs.derniere + conversions.rows.length + 2, col, (id) => rang.get(id) ?? 0);
  if (apres) {
    rows.push([]);
    rows.push(...apres.rows);
    formats.push(...apres.formats);
    notes.push(...(apres.notes ?? []));
  }

  const tot = `B${ligneTotalCat}`;
  note(`B${ligneKpi}`, noteDeTrace(tr.total, `${tot} (Σ des catégories)`));
  note(
    `D${ligneKpi}`,
    totaux.definitifsDisponibles
      ? noteDeTrace(tr.definitif, `C${ligneTotalCat} (Σ des catégories)`)
      : noteVide(
          tr.definitif.libelle,
          `« ${AUCUN_REALISE} » : aucune ligne n'a de réalisé ni de quantité réalisée (colonnes Q et R)`,
        ),
  );
  const parts = (m: string) =>
    `Σ ${L(COL.previsionnel)} des lignes « ${m} » (colonne P) ÷ ${tot} ; 0 quand le total vaut 0`;
  note(`F${ligneKpi}`, noteDeTrace(tr.partActivite, parts(TYPE_ACTIVITE)));
  note(`H${ligneKpi}`, noteDeTrace(tr.partMonetaire, parts(TYPE_MONETAIRE)));
  rows[ligneKpi - 1] = [
    "Total prévisionnel (t CO₂e)",
    { formula: tot, result: t(totaux.total) },
    "Total définitif (t CO₂e)",
    // No réalisé anywhere (no « Écarts » sheet, nothing typed): said, not shown as 0 t (the CLI gives null).
    {
      formula: `IF(COUNT(${col(COL.definitif)})=0,"${AUCUN_REALISE}",C${ligneTotalCat})`,
      result: totaux.definitifsDisponibles ? t(totaux.definitif) : AUCUN_REALISE,
    },
    "Part données d'activité",
    {
      formula: `IF(${tot}=0,0,SUMIFS(${col(COL.previsionnel)},${col(COL.methode)},"${TYPE_ACTIVITE}")/${tot})`,
      result: totaux.partActivite.toNumber(),
    },
    "Part ratios monétaires",
    {
      formula: `IF(${tot}=0,0,SUMIFS(${col(COL.previsionnel)},${col(COL.methode)},"${TYPE_MONETAIRE}")/${tot})`,
      result: totaux.partMonetaire.toNumber(),
    },
  ];
  formats.push(
    { range: "A1", bold: true },
    { range: "A2:A3", italic: true, fontColor: "#595959" },
    { range: `A${ligneKpi}:H${ligneKpi}`, bold: true },
    { range: `B${ligneKpi}`, numFmt: FORMAT_T },
    { range: `D${ligneKpi}`, numFmt: FORMAT_T },
    { range: `F${ligneKpi}`, numFmt: FORMAT_EXCEL.pourcent },
    { range: `H${ligneKpi}`, numFmt: FORMAT_EXCEL.pourcent },
    { range: `A${premiereCat - 1}:F${premiereCat - 1}`, bold: true, fill: "#DDEBF7" },
    { range: `B${premiereCat}:C${ligneTotalCat}`, numFmt: FORMAT_T },
    { range: `A${ligneTotalCat}:F${ligneTotalCat}`, bold: true, borderTop: true },
    { range: `A${premiereChap - 1}:D${premiereChap - 1}`, bold: true, fill: "#DDEBF7" },
    { range: `C${premiereChap}:D${premiereChap + Math.max(nChap, 1) - 1}`, numFmt: FORMAT_T },
    { range: `A${titreAct}`, bold: true },
    { range: `A${enteteAct}:${L(COL.facteurPropose)}${enteteAct}`, bold: true, fill: "#DDEBF7", wrap: true },
    { range: `A${premiereFacteurs}`, bold: true },
    ...facteurs.formats,
  );
  if (as.length) {
    const r = (c: number) => `${L(c)}${premiereAct}:${L(c)}${derniereAct}`;
    for (const c of [COL.quantite, COL.facteur, COL.realise, COL.quantiteRealisee, COL.commentaire])
      formats.push({ range: r(c), fill: JAUNE });
    formats.push({ range: r(COL.montant), numFmt: FORMAT_EXCEL.montant });
    formats.push({ range: r(COL.realise), numFmt: FORMAT_EXCEL.montant });
    formats.push({ range: r(COL.previsionnel), numFmt: FORMAT_T });
    formats.push({ range: r(COL.definitif), numFmt: FORMAT_T });
    formats.push({ range: r(COL.aFaire), wrap: true });
  }
  return {
    name: nom,
    rows,
    columns: [
      { width: 14 },
      { width: 22 },
      { width: 36 },
      { width: 20 },
      { width: 24 },
      { width: 9, numFmt: "@" },
      { width: 11 },
      { width: 11 },
      { width: 11 },
      { width: 14 },
      { width: 22 },
      { width: 12 },
      { width: 14 },
      { width: 11 },
      { width: 13 },
      { width: 16 },
      { width: 13 },
      { width: 11 },
      { width: 13 },
      { width: 50 },
      { width: 30 },
      { width: 22 },
    ],
    formats,
    validations: as.length
      ? [
          {
            range: `${L(COL.facteur)}${premiereAct}:${L(COL.facteur)}${derniereAct}`,
            list: { source: `=${moi}!$A$${facteurs.premiere}:$A$${facteurs.derniere}` },
            prompt: "Code d'un facteur de la table en bas de la feuille.",
          },
        ]
      : [],
    charts: [
      {
        type: "column",
        title: `Émissions par catégorie (${UNITE_TONNES})`,
        categories: `${moi}!$A$${premiereCat}:$A$${ligneTotalCat - 1}`,
        series: [
          { name: "Prévisionnel", values: `${moi}!$B$${premiereCat}:$B$${ligneTotalCat - 1}` },
          { name: "Définitif", values: `${moi}!$C$${premiereCat}:$C$${ligneTotalCat - 1}` },
        ],
        anchor: "H7",
        widthCols: 8,
        heightRows: 16,
      },
    ],
    tabColor: "#548235",
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The notes of one activity row: quantity (the devis or plan de travail cells), amount, factor (identifier, table
 * version, source, or why it is missing), base, prévisionnel, réalisé and définitif, each naming the cells of this
 * row its formula reads. Only on cells written (a value read as text stays a value, without note).
 */
function notesActivite(
  a: ActiviteEstimee,
  r: number,
  t: TracesActiviteCarbone,
  jeu: JeuFacteurs,
  ligneFacteur: number | undefined,
): NoteSpec[] {
  const K = (c: number) => `${L(c)}${r}`;
  const out: NoteSpec[] = [];
  const n = (c: number, text: string) => out.push({ cell: K(c), text });
  if (t.quantiteLue) n(COL.quantiteLue, noteDeTrace(t.quantiteLue));
  if (t.quantite && !a.corrigee)
    n(COL.quantite, noteDeTrace(t.quantite, `${K(COL.quantiteLue)} (quantité lue), modifiable : cellule jaune`));
  if (t.montant) n(COL.montant, noteDeTrace(t.montant));
  const table = ligneFacteur ? `tableau des facteurs de cette feuille, ligne ${ligneFacteur}` : "tableau des facteurs";
  const recherche = `lue par son code (${K(COL.facteur)}, « ${a.facteurRetenu} ») dans le ${table}`;
  const manquant = jeu.manquants.get(a.facteurRetenu);
  n(
    COL.valeur,
    t.facteur
      ? noteDeTrace(t.facteur, undefined, [
          ...(a.facteurTrouve && !a.facteurTrouve.url ? [`Source : ${premierePhrase(a.facteurTrouve.source)}`] : []),
          `Valeur ${recherche}.`,
        ])
      : noteVide(
          "Facteur (kg CO₂e / unité)",
          manquant
            ? `facteur manquant « ${manquant.libelle} » (${manquant.unite}) : ${manquant.raison}`
            : `code « ${a.facteurRetenu} » inconnu du tableau des facteurs`,
          [`Valeur ${recherche} ; donnez-en une dans la feuille « Paramètres » (clé carbone.${a.facteurRetenu}).`],
        ),
  );
  const formuleBase =
    a.facteurTrouve?.type === "monetaire"
      ? `${K(COL.montant)} ÷ 1 000 (ratio monétaire : montant en k€ HT)`
      : `${K(COL.quantite)} (quantité retenue)`;
  n(
    COL.base,
    t.base ? noteDeTrace(t.base, formuleBase) : noteVide("Base de calcul", t.previsionnel.formule ?? "non chiffré"),
  );
  n(
    COL.previsionnel,
    noteDeTrace(
      t.previsionnel,
      t.base ? `${K(COL.base)} × ${K(COL.valeur)} ÷ 1 000 (base × facteur, kg → t)` : undefined,
    ),
  );
  if (t.realise && a.realiseDuGrandLivre) n(COL.realise, noteDeTrace(t.realise));
  n(
    COL.definitif,
    t.definitif
      ? noteDeTrace(t.definitif)
      : noteVide(
          `Définitif (${UNITE_TONNES})`,
          !t.facteur
            ? "facteur manquant : non chiffré"
            : "ni quantité réalisée (colonne R) ni réalisé (colonne Q) sur cette ligne",
        ),
  );
  return out;
}

/** One activity row: the producer's cells by live formula when they hold numbers, else their value as read. */
function ligneActivite(a: ActiviteEstimee, r: number, plageF: string, numerique: (ref: string) => boolean): CellSpec[] {
  const refs = (f?: string) => (f ? f.split("*").filter((x) => x.includes("!")) : []);
  const lien = (f: string | undefined, valeur: number | undefined): CellSpec => {
    if (valeur === undefined) return null;
    return f && refs(f).every(numerique) ? { formula: f, result: valeur } : valeur;
  };
  const qLue = a.quantite === undefined ? undefined : Number(a.quantite);
  const v = (k: number) => `VLOOKUP($${L(COL.facteur)}${r},${plageF},${k},FALSE)`;
  const K = (c: number) => `${L(c)}${r}`;
  const f = a.facteurTrouve;
  const base = a.base === undefined ? "" : Number(a.base);
  const kg = a.kgCO2e;
  const retenue: CellSpec = a.corrigee
    ? Number(a.quantiteRetenue)
    : qLue === undefined
      ? null
      : { formula: K(COL.quantiteLue), result: qLue };
  return [
    a.id,
    a.cellule,
    a.libelle,
    libelleCategorie(a.categorie),
    a.poste,
    a.chapitre ?? "plan",
    lien(a.formuleQuantite, qLue),
    retenue,
    a.unite,
    lien(a.celluleMontant, a.montant === undefined ? undefined : centsToEuros(a.montant)),
    a.facteurRetenu,
    { formula: `IFERROR(IF(ISNUMBER(${v(3)}),${v(3)},""),"")`, result: f ? Number(f.valeur) : "" },
    { formula: `IFERROR(${v(4)},"")`, result: f?.unite ?? "" },
    {
      formula:
        `IF(IFERROR(${v(5)},"")="${TYPE_MONETAIRE}",IF(AND(ISNUMBER(${K(COL.montant)}),${K(COL.montant)}<>0),` +
        `${K(COL.montant)}/1000,""),IF(ISNUMBER(${K(COL.quantite)}),${K(COL.quantite)},""))`,
      result: base,
    },
    {
      formula: `IF(AND(ISNUMBER(${K(COL.base)}),ISNUMBER(${K(COL.valeur)})),${K(COL.base)}*${K(COL.valeur)}/1000,0)`,
      result: t(kg),
    },
    {
      formula: `IF(NOT(ISNUMBER(${K(COL.valeur)})),"${LIBELLES_METHODE["facteur-manquant"]}",IF(NOT(ISNUMBER(${K(
        COL.base,
      )})),"${A_COMPLETER}",${v(5)}))`,
      result: LIBELLES_METHODE[a.methode],
    },
    // The ledger's réalisé is a formula (a link to the Écarts cell, or the FEC's amount): read back, it is never taken
    // for the user's input; a number typed over it is.
    a.realise === undefined
      ? null
      : a.realiseDuGrandLivre
        ? { formula: a.realiseDuGrandLivre.cellule ?? String(centsToEuros(a.realise)), result: centsToEuros(a.realise) }
        : centsToEuros(a.realise),
    a.quantiteRealisee === undefined ? null : Number(a.quantiteRealisee),
    {
      formula:
        `IF(NOT(ISNUMBER(${K(COL.valeur)})),"",IF(${v(5)}="${TYPE_MONETAIRE}",IF(ISNUMBER(${K(COL.realise)}),` +
        `${K(COL.realise)}/1000*${K(COL.valeur)}/1000,""),IF(ISNUMBER(${K(COL.quantiteRealisee)}),` +
        `${K(COL.quantiteRealisee)}*${K(COL.valeur)}/1000,IF(AND(ISNUMBER(${K(COL.realise)}),` +
        `ISNUMBER(${K(COL.montant)}),${K(COL.montant)}<>0,ISNUMBER(${K(COL.base)})),` +
        `${K(COL.previsionnel)}*${K(COL.realise)}/${K(COL.montant)},"")))`,
      result: a.kgCO2eDefinitif === undefined ? "" : t(a.kgCO2eDefinitif),
    },
    [...a.manques, ...a.notes].join(" "),
    a.commentaire ?? null,
    a.facteur,
  ];
}
