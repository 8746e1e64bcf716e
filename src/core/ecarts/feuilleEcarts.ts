import { type Cents, centsToEuros, subCents, sumCents, ZERO } from "../money/cents";
import { FORMAT_EXCEL } from "../money/format";
import type { CellSpec, ConditionalFormat, NoteSpec, RangeFormat, SheetSpec } from "../port/workbook";
import { euros, feuille, noeud, valeurFr, type Trace } from "../traces/trace";
import { nomFeuilleRef } from "../util/adresse";
import { critereExact } from "../util/criteres";
import { type BlocsGrandLivre, POSTE_NON_AFFECTE } from "../comptabilite/grandLivre";
import { alerte, TITRE_NON_PLACES_ECARTS, type LigneEcart, type RapportEcarts } from "./calcul";
import { tracePosteSansCode, type TraceChapitreEcart, type TracePoste } from "../traces/ecarts";
import { noteDeRatio, noteDeTrace } from "../traces/note";
import type { Constat } from "../controles/constat";
import { titreConstat } from "../controles/titres";

import { FEUILLE_ECARTS } from "./nomFeuille";

export { FEUILLE_ECARTS };
export const ENTETES_ECARTS = [
  "Code",
  "Libellé",
  "Chapitre",
  "Budget",
  "Budget révisé",
  "Engagé",
  "Réalisé",
  "Reste à engager",
  "Estimation finale",
  "Écart",
  "Écart estimé",
  "Écart estimé %",
  "Alerte",
  "Écritures",
];
/** Title of the findings section, below the unmapped accounts (a partner without the add-in reads them there). */
export const TITRE_CONTROLES_ECARTS = "Contrôles (constats de Prodbook lors du rapprochement)";
const GRAVITES_FEUILLE: Record<Constat["gravite"], string> = { erreur: "Erreur", alerte: "Alerte", info: "Info" };

/** First chapter row (1-based); rows 1–4 hold the title, thresholds and the class-6 check. */
export const PREMIERE_LIGNE_CHAPITRES = 6;

/** « D'où vient ce chiffre ? » of the sheet's figures, written as notes on their computed cells. */
export interface TracesFeuilleEcarts {
  postes: Record<string, TracePoste>;
  chapitres: Record<string, TraceChapitreEcart>;
  total?: TraceChapitreEcart;
}

export interface PlanEcarts {
  spec: SheetSpec;
  /** Excel row of each chapter (1-based) — Coût définitif refers to them. */
  lignesChapitres: Map<string, number>;
  ligneTotal: number;
}

/** The accounts under a réalisé (« Comptes : 641100 Salaires 8 000,00 € ; … »), when its inputs are not already them. */
export function comptes(t: Trace): string[] {
  if ((t.entrees ?? []).every((x) => x.libelle.startsWith("Compte "))) return [];
  const vus: Trace[] = [];
  const chercher = (x: Trace) => {
    if (x.libelle.startsWith("Compte ")) vus.push(x);
    else (x.entrees ?? []).forEach(chercher);
  };
  chercher(t);
  if (!vus.length) return [];
  const liste = vus.slice(0, 8).map((x) => `${x.libelle.slice("Compte ".length)} ${valeurFr(x)}`);
  return [`Comptes : ${liste.join(" ; ")}${vus.length > 8 ? ` … et ${vus.length - 8} autres` : ""}`];
}

/** The estimation finale under a row's écart estimé (estimation finale − budget); none under the total's (a Σ). */
const estimationDe = (t: Trace): Trace | undefined => (t.operation === "difference" ? t.entrees?.[0] : undefined);

/**
 * An estimation finale as this sheet's note names it: its reste à engager read in this row's H (where the sheet holds
 * it, typed or MAX(0,D−G); its own note details it), not the cell of the previous Écarts sheet it was typed in.
 */
function resteEnH(est: Trace, row: number): Trace {
  const entrees = est.entrees?.map((x): Trace => {
    if (x.libelle !== "Reste à engager") return x;
    const { entrees: _e, ...reste } = x;
    return { ...reste, operation: "valeur", cellule: `H${row}` };
  });
  return entrees ? { ...est, entrees } : est;
}

/** Under an écart estimé: « Estimation finale = réalisé 8 000,00 € + reste à engager 46 110,00 € (max(0 ; …)) ». */
function estimationFinale(t: Trace): string[] {
  const est = estimationDe(t);
  const [realise, reste] = est?.entrees ?? [];
  if (!est || !realise || !reste) return [];
  const comment = reste.formule ? ` (${reste.formule})` : "";
  return [`${est.libelle} = réalisé ${valeurFr(realise)} + reste à engager ${valeurFr(reste)}${comment}`];
}

/**
 * The findings of a reconciliation (constatsEcarts: the CLI's `controles` and summary) as a section of a written sheet,
 * its title on row `titre` (1-based): gravité, contrôle (its French title), cellule, message — every one a plain text
 * value, never a formula (the adapters keep a text starting with = + - @ as text). The Écarts and the Coût définitif
 * sheets list the same findings this way; « Aucun constat. » when there is none.
 */
export function sectionControles(
  constats: readonly Constat[],
  titre: number,
  derniereColonne: string,
): { rows: CellSpec[][]; formats: RangeFormat[] } {
  const rows: CellSpec[][] = [[TITRE_CONTROLES_ECARTS], ["Gravité", "Contrôle", "Cellule", "Message"]];
  for (const c of constats)
    rows.push([GRAVITES_FEUILLE[c.gravite], titreConstat(c.regle), c.cellule ?? null, c.message]);
  if (!constats.length) rows.push(["—", null, null, "Aucun constat."]);
  return {
    rows,
    formats: [
      { range: `A${titre}:${derniereColonne}${titre}`, bold: true },
      { range: `A${titre + 1}:${derniereColonne}${titre + 1}`, bold: true, fill: "#D9E1F2" },
    ],
  };
}

const e = (c: Cents | undefined): CellSpec => (c === undefined ? null : centsToEuros(c));

/**
 * The notes of a row's reste à engager (H: max(0 ; budget − réalisé) on this row's cells, or the amount typed in the
 * sheet) and écart estimé % (L: écart estimé ÷ budget, K over D).
 */
function notesResteEtRatio(x: LigneEcart, row: number, nom: string): NoteSpec[] {
  return [
    { cell: `M${row}`, text: noteAlerte(x, row, nom) },
    { cell: `H${row}`, text: noteDeTrace(traceReste(x, row, nom)) },
    {
      cell: `L${row}`,
      text: noteDeRatio(
        `Écart estimé % ${nom}`,
        { libelle: "écart estimé", montant: x.ecartEstime, cellule: `K${row}` },
        { libelle: "budget", montant: x.budget, cellule: `D${row}` },
        "vide",
      ),
    },
  ];
}

/**
 * The note of a row's alert (M): « Alerte » when the écart estimé (K) is over both thresholds, the amount (D2) and the
 * percentage of the budget (B2), or over the amount on a budget of 0; the row's figures named with their cells.
 */
function noteAlerte(x: Pick<LigneEcart, "alerte" | "ecartEstime" | "budget">, row: number, nom: string): string {
  return [
    `Alerte ${nom} : ${x.alerte ? "oui" : "non"}`,
    `= « Alerte » quand |écart estimé K${row}| dépasse le seuil en euros (D2) et |K${row}| ÷ |budget D${row}| le seuil ` +
      `en % (B2) ; dès le seuil en euros quand le budget D${row} vaut 0`,
    `← Écart estimé : ${valeurFr({ valeur: euros(x.ecartEstime), unite: "euros" })} [K${row}]`,
    `← Budget : ${valeurFr({ valeur: euros(x.budget), unite: "euros" })} [D${row}]`,
    "Cellules lues : K" + row + ", D" + row + ", B2, D2",
    "(Prodbook, « D'où vient ce chiffre ? »)",
  ].join("\n");
}

/**
 * The trace of a row's reste à engager (H): max(0 ; budget D − réalisé G) on this row's cells, or the amount typed in
 * the sheet.
 */
export function traceReste(x: Pick<LigneEcart, "budget" | "realise" | "reste">, row: number, nom: string): Trace {
  const D = `D${row}`;
  const G = `G${row}`;
  const calcule = x.reste === Math.max(0, x.budget - x.realise);
  return calcule
    ? noeud(
        `Reste à engager ${nom}`,
        euros(x.reste),
        "euros",
        "maximum",
        [
          feuille("Rien à engager", "0", "euros"),
          noeud(
            "Budget − réalisé",
            euros(subCents(x.budget, x.realise)),
            "euros",
            "difference",
            [
              feuille("Budget", euros(x.budget), "euros", { cellule: D }),
              feuille("Réalisé", euros(x.realise), "euros", { cellule: G }),
            ],
            { formule: "budget − réalisé" },
          ),
        ],
        { formule: `max(0 ; budget ${D} − réalisé ${G}) ; tapez à la place le reste connu (devis, bons de commande)` },
      )
    : feuille(`Reste à engager ${nom}`, euros(x.reste), "euros", {
        formule: `saisi dans la feuille Écarts et repris (au lieu de max(0 ; budget ${D} − réalisé ${G}))`,
      });
}

/** A chapter's engagé from its postes: Σ the engagé typed on its detail rows (a poste without one counts 0). */
function engageDesPostes(c: Pick<LigneEcart, "code">, lignes: readonly LigneEcart[]): Cents {
  return sumCents(lignes.filter((l) => l.chapitre === c.code).map((l) => l.engage ?? ZERO));
}

/**
 * A chapter's budget révisé from its postes: Σ the budget révisé typed on its postes, plus the budget of each poste
 * without one; undefined when none of its postes has one.
 */
function reviseDesPostes(
  c: Pick<LigneEcart, "code">,
  lignes: readonly LigneEcart[],
): { montant: Cents; saisis: LigneEcart[] } | undefined {
  const ls = lignes.filter((l) => l.chapitre === c.code);
  const saisis = ls.filter((l) => l.budgetRevise !== undefined);
  if (!saisis.length) return undefined;
  return { montant: sumCents(ls.map((l) => l.budgetRevise ?? l.budget)), saisis };
}

/**
 * The trace of a chapter's budget révisé (E): typed for the chapter, or (a SUMIFS over the postes' columns E and D) Σ
 * the budget révisé typed on its postes and the budget of its postes without one, each on its detail row (the
 * first is `premierDetail`).
 */
export function traceReviseChapitre(x: LigneEcart, lignes: readonly LigneEcart[], premierDetail: number): Trace {
  const nom = `Budget révisé ${x.code} ${x.libelle}`;
  if (!x.budgetReviseDesPostes)
    return feuille(nom, euros(x.budgetRevise ?? ZERO), "euros", {
      formule: "saisi pour le chapitre (il remplace alors le total de ses postes)",
    });
  const entrees: Trace[] = [];
  const rangs: number[] = [];
  lignes.forEach((l, k) => {
    if (l.chapitre !== x.code) return;
    const row = premierDetail + k;
    rangs.push(row);
    const lib = l.code ? `${l.code} ${l.libelle}` : `« ${l.libelle} »`;
    entrees.push(
      l.budgetRevise !== undefined
        ? feuille(`Budget révisé ${lib}`, euros(l.budgetRevise), "euros", {
            formule: "saisi sur le poste",
            cellule: `E${row}`,
          })
        : feuille(`Budget ${lib}`, euros(l.budget), "euros", {
            formule: "sans budget révisé : son budget",
            cellule: `D${row}`,
          }),
    );
  });
  const ou = rangs.length > 1 ? `lignes ${rangs[0]} à ${rangs[rangs.length - 1]}` : `ligne ${rangs[0]}`;
  return noeud(nom, euros(x.budgetRevise ?? ZERO), "euros", "somme", entrees, {
    formule:
      `Σ budget révisé des postes du chapitre (colonne E), le budget (colonne D) d'un poste qui n'en a pas ; ` +
      `postes du chapitre ${x.code} ci-dessous, ${ou}`,
  });
}

/**
 * The trace of a chapter's engagé (F, SUMIFS over the postes' column F): Σ the engagé typed on its postes, each on its
 * detail row (`premierDetail` is the first one), read from the previous Écarts sheet and written back there.
 */
function traceEngageChapitre(x: LigneEcart, lignes: readonly LigneEcart[], premierDetail: number): Trace {
  const rangs = lignes.flatMap((l, k) => (l.chapitre === x.code ? [premierDetail + k] : []));
  const saisis = lignes.flatMap((l, k) =>
    l.chapitre === x.code && l.engage !== undefined
      ? [
          feuille(`Engagé ${l.code ? `${l.code} ${l.libelle}` : `« ${l.libelle} »`}`, euros(l.engage), "euros", {
            formule: "saisi sur le poste",
            cellule: `F${premierDetail + k}`,
          }),
        ]
      : [],
  );
  const ou = rangs.length
    ? `colonne F des postes du chapitre ${x.code} ci-dessous, ${
        rangs.length > 1 ? `lignes ${rangs[0]} à ${rangs[rangs.length - 1]}` : `ligne ${rangs[0]}`
      }`
    : `aucun poste du chapitre ${x.code} ci-dessous`;
  return noeud(`Engagé ${x.code} ${x.libelle}`, euros(engageDesPostes(x, lignes)), "euros", "somme", saisis, {
    formule: saisis.length
      ? `Σ engagé des postes du chapitre ; ${ou}`
      : `Σ engagé des postes du chapitre : aucun n'est saisi (tapez-le en colonne F des postes) ; ${ou}`,
  });
}

/**
 * The notes of row 3, the class-6 check: the net class 6 read in the Grand livre (B3), the part placed in postes (D3,
 * the réalisé total), the part placed in none (F3, Σ the accounts listed at the bottom from `premierCompte`, each on
 * its row) and the check B3 − D3 − F3 (H3), which must be 0.
 */
function notesClasse6(
  r: RapportEcarts,
  nomGl: string,
  derniere: number,
  total: number,
  premierCompte: number,
  realiseTotal: Trace | undefined,
): NoteSpec[] {
  const x = r.realise;
  const lignes = `lignes 2 à ${derniere} de « ${nomGl} »`;
  const classe6 = feuille("Classe 6 nette", euros(x.classe6), "euros", {
    formule: `Σ débit (colonne J) − Σ crédit (colonne K) des ${lignes} dont le compte (colonne E) commence par 6`,
  });
  const affecte: Trace = realiseTotal
    ? { ...realiseTotal, libelle: "Affecté aux postes", formule: `${realiseTotal.formule} ; repris de G${total}` }
    : feuille("Affecté aux postes", euros(x.affecte), "euros", { formule: `réalisé total, repris de G${total}` });
  const sansPoste = x.nonAffectes.map((c, i) =>
    feuille(`Compte ${c.compte} ${c.libelle}`, euros(c.total), "euros", { cellule: `G${premierCompte + i}` }),
  );
  const nc = sansPoste.length;
  const nonAffecte = noeud("Non affecté", euros(x.totalNonAffecte), "euros", "somme", sansPoste, {
    formule:
      `Σ débit − crédit des ${lignes} dont la colonne M vaut « ${POSTE_NON_AFFECTE} » : ` +
      (nc
        ? `${nc} compte${nc > 1 ? "s" : ""} de classe 6 sans poste, listé${nc > 1 ? "s" : ""} en G${premierCompte}` +
          `${nc > 1 ? ` à G${premierCompte + nc - 1}` : ""} ci-dessous`
        : "aucun compte de classe 6 sans poste"),
  });
  const controle = noeud(
    "Contrôle de la classe 6",
    euros(subCents(subCents(x.classe6, x.affecte), x.totalNonAffecte)),
    "euros",
    "difference",
    [
      { ...classe6, cellule: "B3" },
      feuille("Affecté aux postes", euros(x.affecte), "euros", { cellule: "D3" }),
      feuille("Non affecté", euros(x.totalNonAffecte), "euros", { cellule: "F3" }),
    ],
    {
      formule:
        "classe 6 nette − affecté aux postes − non affecté (B3 − D3 − F3) ; doit valoir 0 : sinon une charge est " +
        "comptée deux fois ou oubliée",
    },
  );
  return [
    {
      cell: "B3",
      text: noteDeTrace(classe6, undefined, [
        "= affecté aux postes (D3) + non affecté (F3) quand chaque charge est placée une fois : contrôle en H3",
      ]),
    },
    { cell: "D3", text: noteDeTrace(affecte, undefined, realiseTotal ? comptes(realiseTotal) : []) },
    { cell: "F3", text: noteDeTrace(nonAffecte) },
    { cell: "H3", text: noteDeTrace(controle) },
  ];
}

/**
 * The « Écarts » sheet: chapters block (charted), total, then one row per poste, then the unmapped class-6
 * accounts. Réalisé is a live SUMIFS over the Grand livre; reste à engager is an editable formula; écart
 * (réalisé − budget, as in the pane, the CLI and Coût définitif), then écart estimé (estimation finale − budget),
 * its % and the alert, which follows from the editable thresholds in B2 and D2. With `traces`, the réalisé,
 * estimation finale, écart and écart estimé cells of chapters, total and postes, and the budget of chapters and total
 * (sums on this sheet), carry a note saying where the figure comes from. Last, below everything the formulas refer
 * to, the findings (`constats`: the same as the CLI's `controles` and summary), as text: gravité, contrôle, cellule,
 * message.
 */
export function feuilleEcarts(
  r: RapportEcarts,
  gl: { nom: string; blocs: BlocsGrandLivre },
  nom = FEUILLE_ECARTS,
  traces?: TracesFeuilleEcarts,
  constats: readonly Constat[] = [],
  grandLivre?: string,
): PlanEcarts {
  const g = nomFeuilleRef(gl.nom);
  const n = gl.blocs.derniere;
  const col = (c: string) => `${g}!$${c}$2:$${c}$${n}`;
  const net = (critCol: string, crit: string) =>
    `SUMIFS(${col("J")},${col(critCol)},${crit})-SUMIFS(${col("K")},${col(critCol)},${crit})`;
  const rows: CellSpec[][] = [];
  const formats: RangeFormat[] = [];
  const notes: NoteSpec[] = [];
  const annoter = (
    row: number,
    t: { realise: Trace; budget: Trace; ecart: Trace; ecartEstime: Trace } | undefined,
    ou: string,
    budgetCalcule?: string,
  ) => {
    if (!t) return;
    if (budgetCalcule)
      notes.push({ cell: `D${row}`, text: noteDeTrace(t.budget, `${t.budget.formule} ; ${budgetCalcule}`) });
    notes.push({ cell: `G${row}`, text: noteDeTrace(t.realise, `${t.realise.formule} ; ${ou}`, comptes(t.realise)) });
    const est = estimationDe(t.ecartEstime);
    if (est) notes.push({ cell: `I${row}`, text: noteDeTrace(resteEnH(est, row)) });
    notes.push({ cell: `J${row}`, text: noteDeTrace(t.ecart) });
    notes.push({ cell: `K${row}`, text: noteDeTrace(t.ecartEstime, undefined, estimationFinale(t.ecartEstime)) });
  };
  rows.push(["Écarts budget / réalisé (Grand livre)"]);
  rows.push([
    "Seuil d'alerte (%)",
    Number(r.seuils.pct),
    "Seuil d'alerte (€)",
    centsToEuros(r.seuils.montant),
    "Alerte quand l'écart estimé (estimation finale − budget) dépasse les deux seuils (cellules modifiables).",
  ]);
  const premier = PREMIERE_LIGNE_CHAPITRES;
  const nch = r.chapitres.length;
  const total = premier + nch;
  rows.push([
    "Classe 6 nette",
    {
      formula: `SUMIFS(${col("J")},${col("E")},"6*")-SUMIFS(${col("K")},${col("E")},"6*")`,
      result: centsToEuros(r.realise.classe6),
    },
    "Affecté aux postes",
    { formula: `G${total}`, result: centsToEuros(r.realise.affecte) },
    "Non affecté",
    { formula: net("M", `"${POSTE_NON_AFFECTE}"`), result: centsToEuros(r.realise.totalNonAffecte) },
    "Contrôle (doit valoir 0)",
    { formula: "B3-D3-F3", result: 0 },
  ]);
  // What the figures were computed from, as text: the ledger file, its format (encoding named) and where its lines went.
  rows.push(grandLivre ? [grandLivre] : []);
  rows.push(ENTETES_ECARTS.slice());
  const lignesChapitres = new Map<string, number>();
  const lien = (b: { de: number; a: number } | undefined, _x: LigneEcart): CellSpec => {
    if (!b) return null;
    const nb = b.a - b.de + 1;
    return {
      formula: `HYPERLINK("#${g.replace(/"/g, '""')}!A${b.de}:N${b.a}","${nb} écriture${nb > 1 ? "s" : ""}")`,
      result: `${nb} écriture${nb > 1 ? "s" : ""}`,
    };
  };
  const suite = (x: LigneEcart, row: number, realise: CellSpec, lienCell: CellSpec): CellSpec[] => [
    x.code,
    x.libelle,
    x.chapitre,
    null, // budget: set by caller
    e(x.budgetRevise),
    e(x.engage),
    realise,
    x.reste !== Math.max(0, x.budget - x.realise)
      ? centsToEuros(x.reste)
      : { formula: `MAX(0,D${row}-G${row})`, result: centsToEuros(x.reste) },
    { formula: `G${row}+H${row}`, result: centsToEuros(x.estimation) },
    { formula: `G${row}-D${row}`, result: centsToEuros(x.ecart) },
    { formula: `I${row}-D${row}`, result: centsToEuros(x.ecartEstime) },
    {
      formula: `IF(D${row}=0,"",K${row}/D${row})`,
      result: x.ecartEstimePct === undefined ? "" : x.ecartEstimePct.toNumber(),
    },
    {
      formula: `IF(ABS(K${row})<=$D$2,"",IF(D${row}=0,"Alerte",IF(ABS(K${row})/ABS(D${row})>$B$2,"Alerte","")))`,
      result: x.alerte ? "Alerte" : "",
    },
    lienCell,
  ];
  // Detail rows start after chapters, total, the devis amounts placed in no chapter (title and one row each, outside
  // every formula above), a blank row, a title and a header.
  const np = r.nonPlaces.length;
  const titreDetail = total + 2 + (np ? np + 1 : 0);
  const premierDetail = titreDetail + 2;
  const dernierDetail = premierDetail + r.lignes.length - 1;
  const det = (c: string) => `$${c}$${premierDetail}:$${c}$${Math.max(premierDetail, dernierDetail)}`;
  r.chapitres.forEach((x, i) => {
    const row = premier + i;
    lignesChapitres.set(x.code, row);
    const crit = critereExact(x.code, `$A${row}`);
    const cells = suite(
      x,
      row,
      { formula: net("N", crit), result: centsToEuros(x.realise) },
      lien(gl.blocs.chapitres.get(x.code), x),
    );
    cells[3] = { formula: `SUMIFS(${det("D")},${det("C")},${crit})`, result: centsToEuros(x.budget) };
    // Revised budgets typed on the postes make the chapter's (each poste without one counts its budget), unless one
    // is typed for the chapter itself: a live formula, so a revision typed later on a poste reaches its chapter.
    const revise = x.budgetReviseDesPostes ? reviseDesPostes(x, r.lignes) : undefined;
    if (revise) {
      cells[4] = {
        formula:
          `SUMIFS(${det("E")},${det("C")},${crit})+SUMIFS(${det("D")},${det("C")},${crit})` +
          `-SUMIFS(${det("D")},${det("C")},${crit},${det("E")},"<>")`,
        result: centsToEuros(revise.montant),
      };
    }
    if (traces && x.budgetRevise !== undefined)
      notes.push({ cell: `E${row}`, text: noteDeTrace(traceReviseChapitre(x, r.lignes, premierDetail)) });
    // Commitments typed on the lines add up to the chapter unless one is typed for the chapter itself.
    const engageLignes = engageDesPostes(x, r.lignes);
    if (x.engage === undefined) {
      cells[5] = { formula: `SUMIFS(${det("F")},${det("C")},${crit})`, result: centsToEuros(engageLignes) };
      if (traces) notes.push({ cell: `F${row}`, text: noteDeTrace(traceEngageChapitre(x, r.lignes, premierDetail)) });
    }
    rows.push(cells);
    if (traces) notes.push(...notesResteEtRatio(x, row, `${x.code} ${x.libelle}`));
    annoter(
      row,
      traces?.chapitres[x.code],
      `lignes de « ${gl.nom} » dont la colonne N vaut ${x.code}`,
      `colonne D des postes du chapitre ${x.code} ci-dessous`,
    );
  });
  const somme = (c: string) => ({ formula: `SUM(${c}${premier}:${c}${total - 1})` });
  rows.push([
    "Total",
    null,
    null,
    somme("D"),
    somme("E"),
    somme("F"),
    somme("G"),
    somme("H"),
    somme("I"),
    somme("J"),
    somme("K"),
    { formula: `IF(D${total}=0,"",K${total}/D${total})` },
    {
      formula: `IF(ABS(K${total})<=$D$2,"",IF(D${total}=0,"Alerte",IF(ABS(K${total})/ABS(D${total})>$B$2,"Alerte","")))`,
    },
  ]);
  formats.push({ range: `A${total}:N${total}`, bold: true, borderTop: true });
  annoter(total, traces?.total, `G${premier} à G${total - 1} ci-dessus`, `D${premier} à D${total - 1} ci-dessus`);
  if (traces && nch) {
    const restes = r.chapitres.map((c, i) =>
      feuille(`Reste à engager ${c.code}`, euros(c.reste), "euros", { cellule: `H${premier + i}` }),
    );
    const resteTotal = sumCents(r.chapitres.map((c) => c.reste));
    notes.push({
      cell: `H${total}`,
      text: noteDeTrace(
        noeud("Reste à engager total", euros(resteTotal), "euros", "somme", restes, {
          formule: `Σ reste à engager des ${nch} chapitre${nch > 1 ? "s" : ""} ; H${premier} à H${total - 1} ci-dessus`,
        }),
      ),
    });
    // The sums of columns E and F over the chapters, each chapter's figure on its row.
    const chapitres = (
      lib: string,
      val: (c: LigneEcart) => Cents | undefined,
      col: string,
      comment: (c: LigneEcart) => string,
    ) =>
      r.chapitres.flatMap((c, i) => {
        const v = val(c);
        return v === undefined
          ? []
          : [
              feuille(`${lib} ${c.code} ${c.libelle}`, euros(v), "euros", {
                cellule: `${col}${premier + i}`,
                formule: comment(c),
              }),
            ];
      });
    const engages = chapitres(
      "Engagé",
      (c) => c.engage ?? engageDesPostes(c, r.lignes),
      "F",
      (c) => (c.engage === undefined ? "Σ engagé de ses postes" : "saisi pour le chapitre"),
    );
    notes.push({
      cell: `F${total}`,
      text: noteDeTrace(
        noeud(
          "Engagé total",
          euros(sumCents(r.chapitres.map((c) => c.engage ?? engageDesPostes(c, r.lignes)))),
          "euros",
          "somme",
          engages,
          {
            formule: `Σ engagé des ${nch} chapitre${nch > 1 ? "s" : ""} ; F${premier} à F${total - 1} ci-dessus`,
          },
        ),
      ),
    });
    const revises = chapitres(
      "Budget révisé",
      (c) => c.budgetRevise,
      "E",
      () => "",
    );
    notes.push({
      cell: `E${total}`,
      text: noteDeTrace(
        noeud(
          "Budget révisé total",
          euros(sumCents(r.chapitres.map((c) => c.budgetRevise ?? ZERO))),
          "euros",
          "somme",
          revises,
          {
            formule:
              `Σ budget révisé des ${nch} chapitre${nch > 1 ? "s" : ""} ; E${premier} à E${total - 1} ci-dessus` +
              (!revises.length
                ? " : aucun n'est saisi (tapez-le en colonne E)"
                : revises.length < nch
                  ? " (un chapitre sans budget révisé y compte pour 0)"
                  : ""),
          },
        ),
      ),
    });
    notes.push({
      cell: `M${total}`,
      text: noteAlerte({ ...r.total, alerte: alerte(r.total.ecartEstime, r.total.budget, r.seuils) }, total, "total"),
    });
    notes.push({
      cell: `L${total}`,
      text: noteDeRatio(
        "Écart estimé % total",
        { libelle: "écart estimé total", montant: r.total.ecartEstime, cellule: `K${total}` },
        { libelle: "budget total", montant: r.total.budget, cellule: `D${total}` },
        "vide",
      ),
    });
  }
  const estimations = r.chapitres.map(
    (c) => traces?.chapitres[c.code] && estimationDe(traces.chapitres[c.code].ecartEstime),
  );
  if (traces?.total && nch && estimations.every((x): x is Trace => x !== undefined))
    notes.push({
      cell: `I${total}`,
      text: noteDeTrace(
        noeud("Estimation finale totale", euros(r.total.estimation), "euros", "somme", estimations, {
          formule: `Σ estimation finale des ${nch} chapitre${nch > 1 ? "s" : ""} ; I${premier} à I${total - 1} ci-dessus`,
        }),
      ),
    });
  if (np) {
    // As `prodbook devis` lists them: the producer's cell, the label, the amount — not in the Budget total above.
    rows.push([TITRE_NON_PLACES_ECARTS]);
    formats.push({ range: `A${total + 1}:N${total + 1}`, italic: true });
    for (const x of r.nonPlaces) rows.push([x.cellule, x.libelle, null, centsToEuros(x.montant)]);
  }
  rows.push([]);
  rows.push([
    "Détail par poste (le reste à engager d'un chapitre est sa propre estimation : les lignes ne s'y additionnent pas)",
  ]);
  rows.push(ENTETES_ECARTS.slice());
  r.lignes.forEach((x, i) => {
    const row = premierDetail + i;
    const realise: CellSpec = x.sansCode
      ? 0
      : { formula: net("M", critereExact(x.code, `$A${row}`)), result: centsToEuros(x.realise) };
    const cells = suite(x, row, realise, x.sansCode ? null : lien(gl.blocs.postes.get(x.code), x));
    cells[3] = centsToEuros(x.budget);
    rows.push(cells);
    if (!x.sansCode) annoter(row, traces?.postes[x.code], `lignes de « ${gl.nom} » dont la colonne M vaut ${x.code}`);
    // A line without a code: its estimation, écart and écart estimé on this row's cells, its réalisé 0 said so.
    else if (traces) {
      const t = tracePosteSansCode(x, `D${row}`, `G${row}`);
      annoter(row, t, "0 écrit ici, sans formule");
      // The réalisé's own note says why it is 0, not that it reads itself.
      const { cellule: _ici, ...realise } = t.realise;
      const i = notes.findIndex((y) => y.cell === `G${row}`);
      if (i >= 0)
        notes[i] = { cell: `G${row}`, text: noteDeTrace(realise, `${realise.formule} ; 0 écrit ici, sans formule`) };
    }
    if (traces) notes.push(...notesResteEtRatio(x, row, x.code ? `${x.code} ${x.libelle}` : `« ${x.libelle} »`));
  });
  const apres = premierDetail + r.lignes.length + 1;
  rows.push([]);
  rows.push([`Comptes de classe 6 sans poste (${POSTE_NON_AFFECTE})`]);
  rows.push(["Compte", "Libellé", null, null, null, null, "Réalisé"]);
  const premierCompte = rows.length + 1;
  for (const c of r.realise.nonAffectes)
    rows.push([c.compte, c.libelle, null, null, null, null, centsToEuros(c.total)]);
  if (traces) notes.push(...notesClasse6(r, gl.nom, n, total, premierCompte, traces.total?.realise));
  const nl = rows.length;
  // The findings, as plain text (the adapters keep a text starting with « = » as text), below the live tables.
  rows.push([]);
  const controles = sectionControles(constats, rows.length + 1, "N");
  rows.push(...controles.rows);
  formats.push(...controles.formats);
  for (const t of [1, titreDetail, apres + 1]) formats.push({ range: `A${t}:N${t}`, bold: true });
  for (const h of [premier - 1, premierDetail - 1, apres + 2])
    formats.push({ range: `A${h}:N${h}`, bold: true, fill: "#D9E1F2" });
  formats.push({ range: `D${premier}:K${nl}`, numFmt: FORMAT_EXCEL.montant });
  formats.push({ range: `L${premier}:L${dernierDetail}`, numFmt: FORMAT_EXCEL.pourcent });
  formats.push({ range: "B2", numFmt: FORMAT_EXCEL.pourcent });
  formats.push({ range: "D2", numFmt: FORMAT_EXCEL.montant });
  formats.push({ range: "B3:H3", numFmt: FORMAT_EXCEL.montant });
  formats.push({ range: "E2:E2", italic: true });
  const cf: ConditionalFormat[] = [
    { range: `A${premier}:N${total}`, formula: `$M${premier}="Alerte"`, fill: "#F8CBAD", bold: true },
    {
      range: `A${premierDetail}:N${Math.max(premierDetail, dernierDetail)}`,
      formula: `$M${premierDetail}="Alerte"`,
      fill: "#F8CBAD",
    },
    { range: "H3", formula: "ROUND(H3,2)<>0", fill: "#FF7C80", bold: true },
  ];
  const ref = nomFeuilleRef(nom);
  return {
    spec: {
      name: nom,
      rows,
      columns: [
        { width: 8, numFmt: "@" },
        { width: 40 },
        { width: 9, numFmt: "@" },
        ...Array(8).fill({ width: 15 }),
        { width: 10 },
        { width: 9 },
        { width: 14 },
      ],
      formats,
      conditionalFormats: cf,
      freeze: { rows: premier - 1 },
      charts: nch
        ? [
            {
              type: "column",
              title: "Budget et réalisé par chapitre",
              categories: `${ref}!$B$${premier}:$B$${total - 1}`,
              series: [
                { name: "Budget", values: `${ref}!$D$${premier}:$D$${total - 1}` },
                { name: "Réalisé", values: `${ref}!$G$${premier}:$G$${total - 1}` },
              ],
              anchor: "P5",
              widthCols: 10,
              heightRows: 20,
            },
          ]
        : [],
      tabColor: "#C00000",
      print: { landscape: true, repeatRows: premier - 1, fitToWidth: true },
      ...(notes.length ? { notes } : {}),
    },
    lignesChapitres,
    ligneTotal: total,
  };
}
