import { cents, nombreSousCentime, subCents } from "../money/cents";
import { feuilleVide } from "../devis/import";
import { plagesFormule } from "../devis/preuve";
import Decimal from "decimal.js";
import {
  analyserMontant,
  Cents,
  conventionProuvee,
  type Convention,
  formatMontantFr,
  CONSEIL_DEVISE,
  messageMontantRefuse,
  phraseDeviseEcrite,
  phraseMontantDevise,
  pourquoiNonCompte,
  sumCents,
} from "../money";
import { deviseDuFormat, estFormatPourcentage, pourcentageAffiche } from "../port/devises";
import type { CellData, SheetData } from "../port/workbook";
import { celluleRef, parseCelluleRef } from "../util/adresse";
import { dateFr, normaliser } from "../util/texte";
import { ANNEES_VRAISEMBLABLES_MAX } from "../util/saisie";
import { categorie, classer } from "./categories";
import { lireDate } from "./dates";
import { lireStatut } from "./statut";
import { EntetePlan, trouverEntetePlan } from "./entetesPlan";
import type {
  AvertissementLecture,
  MontantMasquePlan,
  PlanFinancement,
  SourceFinancement,
  SourceNonClassee,
  StatutSource,
  Tranche,
} from "./model";
import { ErreurDonnees } from "../erreurs";

/**
 * A percentage written beside a source, as fractions (PourcentEcrit.valeurs): a number formatted as a percentage or a
 * text « 30 % » means one thing; a plain number means 30 % when above 1, and either 30 % or 0,3 % when at most 1 (both
 * kept: nothing guessed). An empty cell, an error or another text: nothing.
 */
export function pourcentEcrit(c: CellData | undefined): { affiche: string; valeurs: string[] } | undefined {
  if (!c || c.erreur || c.v === null || typeof c.v === "boolean") return undefined;
  if (typeof c.v === "number") {
    if (!Number.isFinite(c.v)) return undefined;
    if (estFormatPourcentage(c.fmt)) return { affiche: pourcentageAffiche(c.v), valeurs: [String(c.v)] };
    const cent = new Decimal(c.v).dividedBy(100).toString();
    const affiche = String(c.v).replace(".", ",");
    return { affiche, valeurs: Math.abs(c.v) > 1 ? [cent] : [String(c.v), cent] };
  }
  if (typeof c.v !== "string") return undefined;
  const m = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(c.v.trim());
  if (!m) return undefined;
  return { affiche: c.v.trim(), valeurs: [new Decimal(m[1].replace(",", ".")).dividedBy(100).toString()] };
}

/**
 * No plan header (Financeur / Nature / Montant…) in the sheet. `vide`: the sheet holds nothing at all, said as such
 * (as the devis reader says it) rather than asking for a header row.
 */
export class PlanIntrouvableError extends ErreurDonnees {
  constructor(
    public readonly feuille: string,
    vide = false,
  ) {
    super(
      vide
        ? `La feuille « ${feuille} » est vide : elle ne contient aucun plan de financement à lire.`
        : `Aucun plan de financement trouvé dans la feuille « ${feuille} » : il faut une ligne d'en-tête avec une ` +
            `colonne de montant (« Montant », « Apport »…) et une colonne « Financeur » ou « Nature ».`,
    );
  }
}

const TOTAL_GENERAL = new RegExp(
  String.raw`^(total|total general|total du plan|total des financements|total financements?|` +
    String.raw`total plan de financement|total ressources|total des ressources|total financement|` +
    String.raw`total \(?plan\)?)$`,
);
const SOUS_TOTAL = /^(sous[- ]?total|s\/total|total\b|st\b)/;
const COUT = new RegExp(
  String.raw`^(cout|budget|devis|cout total|cout de production|cout du film|cout de l'oeuvre|` +
    String.raw`total devis|budget total|cout definitif|cout previsionnel|budget de production|` +
    String.raw`total du devis|montant du devis)\b`,
);
/** The producer's own « reste à financer » line is a gap, not a source; « dont … » lines detail the line above. */
const RESTE = new RegExp(
  String.raw`^(reste a financer|reste a trouver|a financer|a trouver|gap|manque|besoin de financement|` +
    String.raw`solde a financer|non finance|restant a financer)\b`,
);
const DETAIL = /^(dont|soit|including|incl\.?)\b/;
const PAYS_FRANCE = /^(france|fr|fra|francais|francaise|french)$/;
const NON_NUMERAIRE = /\b(en industrie|en nature|mise en participation|participation en industrie|apport en nature)\b/;

function texte(c: CellData | undefined): string {
  if (!c || c.v === null) return "";
  if (typeof c.v === "boolean") return c.v ? "VRAI" : "FAUX";
  if (typeof c.v === "number" && estFormatPourcentage(c.fmt)) return pourcentageAffiche(c.v);
  return typeof c.v === "string" ? c.v.trim() : typeof c.v === "number" ? String(c.v) : "";
}

function vide(c: CellData | undefined): boolean {
  return !c || c.v === null || (typeof c.v === "string" && c.v.trim() === "");
}

/**
 * Amount of a cell: number or text; "" → null (empty), unreadable → undefined. A text whose lone « . » or « , »
 * precedes three digits (« 12.500 ») is read by the convention the plan's other text amounts prove; otherwise it is
 * named with both readings and not counted (« nomme »), as in the devis (montant-ambigu). A text below the cent
 * (« 0,125 ») is counted rounded, and said.
 */
function montantCellule(ctx: Contexte, c: CellData | undefined, cellule: string): Cents | null | undefined | "nomme" {
  if (vide(c)) return null;
  // An error, a check box (VRAI/FAUX) or a number shown as a percentage (0,1 as « 10 % », never 0,10 €): not an
  // amount, named by the caller.
  if (c!.erreur || typeof c!.v === "boolean" || (typeof c!.v === "number" && estFormatPourcentage(c!.fmt)))
    return undefined;
  const a = analyserMontant(c!.v as string | number, ctx.convention);
  // A number shown in another currency (« [$$-409]#,##0.00 »): named with its currency, never read as euros nor
  // converted (no exchange rate at run time).
  const devise = typeof c!.v === "number" && a.type === "montant" ? deviseDuFormat(c!.fmt) : undefined;
  if (devise && a.type === "montant") {
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message:
        `${cellule} : ${phraseMontantDevise(a.cents, devise, c!.fmt as string)} ; ce montant n'est pas compté ` +
        `${pourquoiNonCompte(devise)}. Convertissez-le ${CONSEIL_DEVISE}`,
    });
    return "nomme";
  }
  if (a.type === "ambigu") {
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message:
        `${cellule} : « ${texte(c)} » peut se lire ${formatMontantFr(a.decimale)} ou ${formatMontantFr(a.milliers)} ; ` +
        `ce montant n'est pas compté. Saisissez-le comme un nombre (ou « 12 500,00 »), puis relancez.`,
    });
    return "nomme";
  }
  if (a.type === "invalide" && a.devise) {
    // « USD 100 000 », « 100 000 $ »: a figure in another currency, named as such rather than « illisible ».
    ctx.avertissements.push({
      cellule,
      gravite: "erreur",
      message: `${cellule} : « ${texte(c)} » : ${phraseDeviseEcrite(a.devise)} ; ce montant n'est pas compté.`,
    });
    return "nomme";
  }
  if (a.type === "hors-limite") {
    // A reference pasted as an amount (1e14): its own reason, not « illisible ».
    ctx.avertissements.push({
      cellule,
      gravite: "erreur",
      message: `${messageMontantRefuse(a, cellule, texte(c))} Ce montant n'est pas compté.`,
    });
    return "nomme";
  }
  if (a.type !== "montant") return undefined;
  // A number typed beyond the cent (300000,005) too, once a float's noise (0,1 + 0,2; 12,34 through a float32) is set
  // aside: the rule of the devis's amounts (nombreSousCentime).
  const nombre = typeof c!.v === "number" && nombreSousCentime(c!.v);
  if (a.sousCentime || nombre)
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message:
        `${cellule} : « ${nombre ? String(c!.v).replace(".", ",") : texte(c)} » a plus de deux décimales ; compté ` +
        `${formatMontantFr(a.cents)} (arrondi au centime).`,
    });
  return a.cents;
}

/** The plan's amount columns: the amount, each tranche's amount and each status column, those the header has. */
const colonnesMontants = (e: EntetePlan): number[] =>
  [e.colonnes.montant, ...e.tranches.map((t) => t.montant), ...e.statuts.map((s) => s.col)].filter(
    (c): c is number => c !== undefined,
  );

/**
 * A row worded as a subtotal is one when the formula of an amount cell of it references the amount cell of a source
 * above (« =SOMME(C5:C9) », « =C5+C6 »), or when its amount is 0 or the sum of the sources right above it (from any of
 * them down to the last: a section, several, or all). Any other formula (« =5000*1 ») proves nothing.
 */
function sousTotalProuve(
  ctx: Contexte,
  sources: readonly SourceFinancement[],
  row: CellData[],
  montant: Cents,
): boolean {
  const { e, sheet } = ctx;
  const lignes = sources.filter((x) => x.ligne !== undefined).map((x) => (x.ligne as number) - 1);
  for (const k of colonnesMontants(e)) {
    const f = row[k]?.f;
    if (!f) continue;
    const plages = plagesFormule(f, sheet.name);
    if (lignes.some((r) => plages.some((p) => r >= p.r1 && r <= p.r2 && k >= p.c1 && k <= p.c2))) return true;
  }
  if (montant === 0) return true;
  let somme = 0;
  for (let i = sources.length - 1; i >= 0; i--) {
    somme += sources[i].montant;
    if (somme === montant) return true;
  }
  return false;
}

/** The convention (« 1 234,56 » or « 1,234.56 ») the plan's text amounts prove, in every amount column. */
function conventionPlan(sheet: SheetData, e: EntetePlan): Convention | undefined {
  const cols = colonnesMontants(e);
  const textes: string[] = [];
  for (const row of sheet.rows)
    for (const c of cols) {
      const v = row[c]?.v;
      if (typeof v === "string") textes.push(v);
    }
  return conventionProuvee(textes);
}

interface Contexte {
  sheet: SheetData;
  e: EntetePlan;
  date: string;
  avertissements: AvertissementLecture[];
  convention?: Convention;
  /**
   * The row's payments beside an empty date cell: said once the row is known to be a cash source (a total row or a
   * contribution in kind, never placed in a month, is not blamed for its missing date).
   */
  sansDate: AvertissementLecture[];
  /** The last date read was far from the analysis, already named (dateVraisemblable). */
  invraisemblable?: boolean;
  /** The producer's grand-total rows read (0-based row, amount, how many sources above it). */
  totaux: { r: number; montant: Cents; cellule: string; sources: number }[];
  /** The plan's proven end (finDuPlan): the rows below it are another table, their amounts named, never counted. */
  fin?: { r: number; cellule: string };
}

/**
 * A payment date read, kept when it lies within ANNEES_VRAISEMBLABLES_MAX years of the analysis; further, named with its
 * cell and not placed (`ctx.invraisemblable` says so to the caller): an échéancier from 1900 to 2026 is no plan.
 */
function dateVraisemblable(ctx: Contexte, date: string | undefined, cellule: string, quoi: string): string | undefined {
  ctx.invraisemblable = false;
  if (!date) return undefined;
  const ecart = Math.abs(Number(date.slice(0, 4)) - Number(ctx.date.slice(0, 4)));
  if (ecart <= ANNEES_VRAISEMBLABLES_MAX) return date;
  ctx.invraisemblable = true;
  ctx.avertissements.push({
    cellule,
    gravite: "alerte",
    message:
      `${cellule} : date « ${dateFr(date)} » à plus de ${ANNEES_VRAISEMBLABLES_MAX} ans de la date d'analyse ` +
      `(${dateFr(ctx.date)}) : une faute de frappe ? ${quoi === "tranche" ? "Tranche" : "Versement"} sans date.`,
  });
  return undefined;
}

/** A payment whose date cell is empty: named with its cell, never placed in a guessed month nor left out unsaid. */
function alerteSansDate(quoi: string, cellule: string, montant: Cents, celluleDate: string): AvertissementLecture {
  return {
    cellule,
    gravite: "alerte",
    sansDate: true,
    message:
      `${cellule} : ${quoi} de ${formatMontantFr(montant)} sans date (${celluleDate} vide) ; ` +
      `${quoi === "tranche" ? "elle n'est placée" : "il n'est placé"} dans aucun mois de l'échéancier.`,
  };
}

function lireTranches(
  ctx: Contexte,
  row: CellData[],
  r: number,
  total: Cents | null,
  celluleTotal: string,
): Tranche[] | undefined {
  const { sheet, e } = ctx;
  const out: Tranche[] = [];
  for (const t of e.tranches) {
    const cellule = celluleRef(sheet.name, r, t.montant);
    const m = montantCellule(ctx, row[t.montant], cellule);
    if (m === null && t.date !== undefined && !vide(row[t.date])) {
      // A date typed beside an empty payment: the amount forgotten, never a payment guessed nor the date dropped unsaid.
      const cd = celluleRef(sheet.name, r, t.date);
      const lue = lireDate(row[t.date]);
      const dite = lue && /^\d{4}-\d{2}-\d{2}$/.test(lue) ? dateFr(lue) : texte(row[t.date]);
      ctx.avertissements.push({
        cellule: cd,
        gravite: "alerte",
        message: `${cd} : date « ${dite} » sans montant de tranche (${cellule} vide) ; cette date n'est pas prise.`,
      });
    }
    if (m === null || m === "nomme") continue;
    if (m === undefined) {
      ctx.avertissements.push({
        cellule,
        gravite: "erreur",
        message: `${cellule} : montant de tranche « ${texte(row[t.montant])} » illisible.`,
      });
      continue;
    }
    let date = t.dateEntete;
    if (m !== 0 && date === undefined && t.date !== undefined && vide(row[t.date])) {
      // A payment beside an empty date: named, never placed in a guessed month nor left out of the échéancier unsaid.
      ctx.sansDate.push(alerteSansDate("tranche", cellule, m, celluleRef(sheet.name, r, t.date)));
    }
    if (t.date !== undefined && !vide(row[t.date])) {
      date = dateVraisemblable(ctx, lireDate(row[t.date]), celluleRef(sheet.name, r, t.date), "tranche");
      if (!date && !ctx.invraisemblable) {
        const cd = celluleRef(sheet.name, r, t.date);
        ctx.avertissements.push({
          cellule: cd,
          gravite: "alerte",
          message: `${cd} : date « ${texte(row[t.date])} » illisible (attendu JJ/MM/AAAA ou MM/AAAA) ; tranche sans date.`,
        });
      }
    }
    if (m !== 0) out.push({ montant: m, date, cellule });
  }
  if (e.tranches.length === 0) {
    let date: string | undefined;
    const dc = e.colonnes.date;
    if (dc !== undefined && vide(row[dc]) && total)
      ctx.sansDate.push(alerteSansDate("versement", celluleTotal, total, celluleRef(sheet.name, r, dc)));
    if (dc !== undefined && !vide(row[dc])) {
      date = dateVraisemblable(ctx, lireDate(row[dc]), celluleRef(sheet.name, r, dc), "versement");
      if (!date && !ctx.invraisemblable) {
        const cd = celluleRef(sheet.name, r, dc);
        ctx.avertissements.push({
          cellule: cd,
          gravite: "alerte",
          message: `${cd} : date « ${texte(row[dc])} » illisible (attendu JJ/MM/AAAA ou MM/AAAA) ; versement sans date.`,
        });
      }
    }
    return total === null ? undefined : [{ montant: total, date }];
  }
  return out;
}

/**
 * Reads a plan de financement laid out the producer's way: one row per source, section titles (« Apports
 * producteur », « Diffuseurs »…), subtotal and total rows (never counted), optional status, date, country and
 * payment columns. Every row with an amount is either a source or reported in `avertissements`.
 */
export function lirePlanFinancement(sheet: SheetData, opts: { date: string }): PlanFinancement {
  const e = trouverEntetePlan(sheet);
  if (!e) throw new PlanIntrouvableError(sheet.name, feuilleVide(sheet));
  const lu = lireLignes(sheet, e, opts);
  const fin = finDuPlan(lu);
  // A second table below the plan's proven total (a recap by status, by public / private…): read again up to it.
  const plan = fin ? lireLignes(sheet, e, opts, fin).plan : lu.plan;
  const masquees = montantsMasques(sheet, plan);
  if (masquees.length) plan.masquees = masquees;
  return plan;
}

/**
 * The plan's end when a second table sits below it: the last grand-total row (« TOTAL ») equal to the sum of every
 * source above it, with sources read below it that no later total proves part of the plan. A total proven by
 * arithmetic closes the plan; words alone never do (a « Total » that sums nothing above ends nothing).
 */
function finDuPlan(lu: { plan: PlanFinancement; ctx: Contexte }): Contexte["fin"] {
  const { sources } = lu.plan;
  let fin: Contexte["fin"];
  for (const t of lu.ctx.totaux)
    if (t.sources > 0 && t.montant === sumCents(sources.slice(0, t.sources).map((x) => x.montant)))
      fin = { r: t.r, cellule: t.cellule };
  return fin && sources.some((x) => (x.ligne ?? 0) - 1 > fin.r) ? fin : undefined;
}

function lireLignes(
  sheet: SheetData,
  e: EntetePlan,
  opts: { date: string },
  fin?: Contexte["fin"],
): { plan: PlanFinancement; ctx: Contexte } {
  const ctx: Contexte = {
    sheet,
    e,
    date: opts.date,
    avertissements: [],
    convention: conventionPlan(sheet, e),
    sansDate: [],
    totaux: [],
    fin,
  };
  const sources: SourceFinancement[] = [];
  const nonClasses: SourceNonClassee[] = [];
  const plan: PlanFinancement = { feuille: sheet.name, sources, nonClasses, avertissements: ctx.avertissements };
  chercherCout(ctx, plan);
  const col = e.colonnes;
  let section: string | undefined;
  for (let r = e.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    ctx.sansDate = [];
    const financeur = col.financeur !== undefined ? texte(row[col.financeur]) : "";
    const nature = col.nature !== undefined ? texte(row[col.nature]) : "";
    const premierTexte = row.map((c) => (typeof c.v === "string" ? c.v.trim() : "")).find((s) => s !== "") ?? "";
    const libelle = financeur || nature || premierTexte;
    const n = normaliser(libelle);
    const colMontant = col.montant ?? e.tranches[0]?.montant ?? e.statuts[0].col;
    let celluleMontant = celluleRef(sheet.name, r, colMontant);
    const lu = col.montant !== undefined ? montantCellule(ctx, row[col.montant], celluleMontant) : null;
    // An ambiguous amount is named (above) and the line not counted.
    if (lu === "nomme") continue;
    let montant = lu;
    // « Acquis | En cours | À trouver » columns win over a « Total » column, which is then only checked.
    const parts = e.statuts.length > 1 && e.tranches.length === 0 ? lireParStatut(ctx, row, r) : undefined;
    if (parts && parts.length) {
      const somme = sumCents(parts.map((p) => p.montant));
      if (typeof montant === "number" && montant !== somme) {
        ctx.avertissements.push({
          cellule: celluleMontant,
          gravite: "alerte",
          message:
            `${celluleMontant} : le total de la ligne (${formatMontantFr(montant)}) diffère de la somme des colonnes de ` +
            `statut (${formatMontantFr(somme)}) ; la somme est retenue.`,
        });
      }
      montant = somme;
      celluleMontant = parts[0].cellule;
    }
    if (montant === undefined) {
      const lue = texte(row[col.montant as number]);
      if ((COUT.test(n) || COUT.test(normaliser(premierTexte))) && !plan.coutIndique)
        plan.coutIllisible ??= { cellule: celluleMontant, quoi: contenu(lue) };
      // Dates are read as ISO text (« 2026-03-15 »): said as the date the producer typed, and as a date.
      const date = /^\d{4}-\d{2}-\d{2}$/.test(lue) ? dateFr(lue) : undefined;
      ctx.avertissements.push({
        cellule: celluleMontant,
        gravite: "erreur",
        message: date
          ? `${celluleMontant} : une date (${date}) à la place d'un montant pour « ${libelle} » ; ligne non comptée.`
          : `${celluleMontant} : montant « ${lue} » illisible pour « ${libelle} » ; ligne non comptée.`,
      });
      continue;
    }
    const tranchesLues = lireTranches(ctx, row, r, montant, celluleMontant);
    if (montant === null && tranchesLues && tranchesLues.length > 0)
      montant = sumCents(tranchesLues.map((t) => t.montant));
    if (COUT.test(n) || COUT.test(normaliser(premierTexte))) {
      if (montant !== null && !plan.coutIndique)
        plan.coutIndique = {
          montant,
          cellule: celluleMontant,
          ...(typeof row[colMontant]?.v === "string" ? { texte: true as const } : {}),
        };
      continue;
    }
    if (fin && r > fin.r) {
      if (RESTE.test(n)) {
        if (montant !== null && !plan.resteIndique) plan.resteIndique = { montant, cellule: celluleMontant };
      } else if (montant !== null && !DETAIL.test(n) && !DETAIL.test(normaliser(nature)))
        ctx.avertissements.push({
          cellule: celluleMontant,
          gravite: "alerte",
          message:
            `${celluleMontant} : ${formatMontantFr(montant)} (« ${libelle || "sans libellé"} ») sous le total du plan ` +
            `(${fin.cellule}, égal à la somme des sources au-dessus) : lu comme un autre tableau, non compté. Si c'est ` +
            `un financement, placez sa ligne au-dessus du total et corrigez le total.`,
        });
      continue;
    }
    if (TOTAL_GENERAL.test(n)) {
      if (montant !== null) {
        plan.totalProducteur = { montant, cellule: celluleMontant };
        ctx.totaux.push({ r, montant, cellule: celluleMontant, sources: sources.length });
      }
      continue;
    }
    if (RESTE.test(n)) {
      if (montant !== null) plan.resteIndique = { montant, cellule: celluleMontant };
      continue;
    }
    if (DETAIL.test(n) || DETAIL.test(normaliser(nature))) continue;
    if (SOUS_TOTAL.test(n)) {
      // A subtotal by arithmetic or formula, never by its first word alone: a sponsor « TOTAL ENERGIES » is a source.
      if (montant === null || sousTotalProuve(ctx, sources, row, montant)) continue;
      ctx.avertissements.push({
        cellule: celluleMontant,
        gravite: "alerte",
        message:
          `${celluleMontant} : « ${libelle} » commence comme un sous-total, mais ${formatMontantFr(montant)} n'est pas ` +
          `la somme des sources au-dessus et aucune formule ne les référence ; compté comme une source. Si c'est un ` +
          `sous-total, corrigez son montant ou écrivez-le en formule SOMME.`,
      });
    }
    if (montant === null) {
      const horsColonne = nombresHorsColonne(ctx, row, r);
      // A figure typed one column off (or a recap « Public | 300 000 » beside the plan): named, never a section title.
      for (const h of horsColonne)
        ctx.avertissements.push({
          cellule: h.cellule,
          gravite: "alerte",
          message:
            `${h.cellule} : ${formatMontantFr(h.montant)} sur la ligne « ${nature || premierTexte || "sans libellé"} », ` +
            `hors de la colonne des montants (${celluleMontant}, vide) : non compté. Si c'est un financement, ` +
            `écrivez-le dans la colonne des montants.`,
        });
      // A financeur with its nature (« CNC | FSA | » ) is a source whose amount is missing, not a section title: as a
      // title it would classify the rows below by its words (« Producteur | Apport » read as the CNC's soutien
      // automatique, a public aid). Named, not counted. Nor does the title above it reach past it: written over two
      // cells (« AIDES PUBLIQUES | sélectives »), it may be a title itself, and the rows below are then left to their
      // own words (not classified by an earlier title in silence).
      if (financeur && nature && normaliser(financeur) !== normaliser(nature) && !horsColonne.length) {
        ctx.avertissements.push({
          cellule: celluleMontant,
          gravite: "alerte",
          message:
            `${celluleMontant} : « ${financeur} — ${nature} » sans montant (cellule vide) : ligne non comptée, ni lue ` +
            `comme un titre de section. Si c'est un financement, écrivez son montant.`,
        });
        section = undefined;
      } else if (libelle && !horsColonne.length) section = libelle;
      continue;
    }
    const cl = classer({ nature, financeur, section }, opts.date);
    const paysTexte = col.pays !== undefined ? normaliser(texte(row[col.pays])) : "";
    // A French-looking coproducer whose country column says otherwise is a foreign coproducer.
    if (cl.categorie === "coproducteur-francais" && paysTexte !== "" && !PAYS_FRANCE.test(paysTexte))
      cl.categorie = "coproducteur-etranger";
    const cat = categorie(cl.categorie, opts.date);
    const statut = parts?.length
      ? parts[0].statut
      : parts
        ? statutSansColonne(ctx, celluleMontant, financeur || nature || libelle, montant)
        : lireStatutLigne(ctx, row, r, col.statut);
    const etranger = paysTexte !== "" ? !PAYS_FRANCE.test(paysTexte) : !!cat.etranger;
    const numeraire = cat.numeraire && !NON_NUMERAIRE.test(normaliser(`${nature} ${financeur}`));
    if (numeraire) ctx.avertissements.push(...ctx.sansDate);
    let tranches = tranchesLues ?? [];
    if (e.tranches.length > 0 && col.montant !== undefined)
      tranches = completerTranches(ctx, tranches, montant, celluleMontant);
    const source: SourceFinancement = {
      id: `${sheet.name}!${r + 1}`,
      financeur: financeur || nature || section || "(sans libellé)",
      nature: nature || undefined,
      categorie: cl.categorie,
      classement: cl.par,
      montant,
      statut,
      etranger,
      numeraire,
      tranches,
      cellule: celluleMontant,
      ligne: r + 1,
    };
    if (col.pourcent !== undefined) {
      const p = pourcentEcrit(row[col.pourcent]);
      if (p)
        (plan.pourcents ??= []).push({
          cellule: celluleRef(sheet.name, r, col.pourcent),
          ...p,
          montant,
          celluleMontant,
          libelle: source.financeur,
        });
    }
    if (montant < 0)
      // A financing is a positive amount: counted as written (no money moved silently), and named.
      ctx.avertissements.push({
        cellule: celluleMontant,
        gravite: "erreur",
        message:
          `${celluleMontant} : montant négatif (${formatMontantFr(montant)}) pour « ${source.financeur} » : un ` +
          `financement est positif ; compté tel quel, vérifiez la cellule.`,
      });
    const double = sources.find(
      (x) => normaliser(x.financeur) === normaliser(source.financeur) && x.montant === montant && x.statut === statut,
    );
    if (double)
      // A row copied twice counts its money twice: said, not guessed (two equal payments of one financeur exist).
      ctx.avertissements.push({
        cellule: celluleMontant,
        gravite: "alerte",
        message:
          `${celluleMontant} : même financeur (« ${source.financeur} »), même montant et même statut que la ligne ` +
          `${double.ligne} ; compté deux fois : supprimez la ligne si elle est en double.`,
      });
    if (parts && parts.length > 1) {
      // Part acquired, part still sought: one source per status, same financeur.
      parts.forEach((p, i) =>
        sources.push({
          ...source,
          id: `${source.id}:${i + 1}`,
          montant: p.montant,
          statut: p.statut,
          cellule: p.cellule,
          tranches: [{ montant: p.montant, date: tranches[0]?.date }],
        }),
      );
    } else sources.push(source);
    if (cl.par === "non-classe")
      nonClasses.push({
        cellule: celluleMontant,
        texte: [financeur, nature].filter(Boolean).join(" — ") || libelle,
        montant,
      });
  }
  return { plan, ctx };
}

/**
 * The amounts read on rows the producer hid: a hidden row usually means « not in this version », but nothing proves
 * it, so the reading is kept (the source counted) and they are named.
 */
function montantsMasques(sheet: SheetData, plan: PlanFinancement): MontantMasquePlan[] {
  if (!sheet.lignesMasquees?.length) return [];
  const masquees = new Set(sheet.lignesMasquees);
  const out: (MontantMasquePlan & { r: number })[] = [];
  const ajouter = (x: { montant: Cents; cellule: string } | undefined, nature: MontantMasquePlan["nature"]) => {
    const r = x ? parseCelluleRef(x.cellule).row : -1;
    if (!x || !masquees.has(r)) return;
    // A row read as one source per status (« Acquis | En cours ») is one hidden row: its parts summed on its first cell.
    const meme = nature === "source" ? out.find((y) => y.nature === "source" && y.r === r) : undefined;
    if (meme) meme.montant = sumCents([meme.montant, x.montant]);
    else out.push({ cellule: x.cellule, montant: x.montant, nature, r });
  };
  for (const s of plan.sources) if (s.cellule) ajouter({ montant: s.montant, cellule: s.cellule }, "source");
  ajouter(plan.totalProducteur, "total");
  ajouter(plan.coutIndique, "cout");
  ajouter(plan.resteIndique, "reste");
  return out.sort((a, b) => a.r - b.r).map(({ r: _r, ...m }) => m);
}

/**
 * The numbers of a row with no amount that sit where no amount column is: in the financeur or nature column, or in a
 * column without a header right of them (a figure typed one column off). Percentages, the recognised columns and a
 * numbering left of the labels are not amounts.
 */
function nombresHorsColonne(ctx: Contexte, row: CellData[], r: number): { cellule: string; montant: Cents }[] {
  const { e, sheet } = ctx;
  const entete = sheet.rows[e.ligne] ?? [];
  const out: { cellule: string; montant: Cents }[] = [];
  row.forEach((c, k) => {
    if (typeof c.v !== "number" || c.erreur || estFormatPourcentage(c.fmt) || c.v === 0) return;
    // Left of the labels, a number is the producer's numbering of the line (« 1 | APPORTS »), not an amount.
    if (k < Math.min(e.colonnes.financeur ?? Infinity, e.colonnes.nature ?? Infinity)) return;
    if (k !== e.colonnes.financeur && k !== e.colonnes.nature && !vide(entete[k])) return;
    const a = analyserMontant(c.v, ctx.convention);
    if (a.type === "montant") out.push({ cellule: celluleRef(sheet.name, r, k), montant: a.cents });
  });
  return out;
}

/** The « Acquis | En cours | À trouver » layout: the non-empty amount cells of the status columns. */
function lireParStatut(
  ctx: Contexte,
  row: CellData[],
  r: number,
): { montant: Cents; statut: StatutSource; cellule: string }[] {
  const out: { montant: Cents; statut: StatutSource; cellule: string }[] = [];
  for (const s of ctx.e.statuts) {
    const cellule = celluleRef(ctx.sheet.name, r, s.col);
    const m = montantCellule(ctx, row[s.col], cellule);
    if (m === "nomme") continue;
    if (m === undefined)
      ctx.avertissements.push({
        cellule,
        gravite: "erreur",
        message: `${cellule} : montant « ${texte(row[s.col])} » illisible ; non compté.`,
      });
    else if (m !== null && m !== 0) out.push({ montant: m, statut: s.statut, cellule });
  }
  return out;
}

function lireStatutLigne(ctx: Contexte, row: CellData[], r: number, c: number | undefined): StatutSource {
  // Without a status column the plan is taken as presented (acquired).
  if (c === undefined) return "acquis";
  const cellule = celluleRef(ctx.sheet.name, r, c);
  const t = texte(row[c]);
  if (!t) {
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message: `${cellule} : statut non renseigné, compté comme « envisagé ».`,
    });
    return "envisage";
  }
  const s = lireStatut(t);
  if (!s) {
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message: `${cellule} : statut « ${t} » inconnu (attendu acquis, en négociation ou envisagé), compté comme « envisagé ».`,
    });
    return "envisage";
  }
  return s;
}

/**
 * A row of the « Acquis | En cours | À trouver » layout whose amount is only in its « Total » column (its status cells
 * empty or unreadable): its status is not known, so it is counted « envisagé », as an empty status is, and said —
 * never taken as acquired.
 */
function statutSansColonne(ctx: Contexte, cellule: string, libelle: string, montant: Cents): StatutSource {
  const colonnes = ctx.e.statuts.map((s) => texte(ctx.sheet.rows[ctx.e.ligne][s.col])).join(", ");
  ctx.avertissements.push({
    cellule,
    gravite: "alerte",
    message:
      `${cellule} : ${formatMontantFr(montant)} pour « ${libelle} » sans montant lisible dans les colonnes de statut ` +
      `(${colonnes}) : statut inconnu, compté comme « envisagé ».`,
  });
  return "envisage";
}

/** When the payment columns do not add up to the source's amount, the rest is a payment without a date. */
function completerTranches(ctx: Contexte, tranches: Tranche[], montant: Cents, cellule: string): Tranche[] {
  const somme = sumCents(tranches.map((t) => t.montant));
  if (somme === montant) return tranches;
  if (tranches.length > 0) {
    ctx.avertissements.push({
      cellule,
      gravite: "alerte",
      message:
        `${cellule} : les tranches totalisent ${formatMontantFr(somme)} pour un montant de ` +
        `${formatMontantFr(montant)} ; l'écart est compté sans date.`,
    });
  }
  return tranches.concat([{ montant: subCents(montant, cents(somme)) }]);
}

/** What a cell that is no amount holds, in words: a date (read as ISO text) as the producer typed it, else its text. */
function contenu(lu: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(lu) ? `une date (${dateFr(lu)})` : `« ${lu} »`;
}

/** A « Coût / Budget : 3 000 000 € » line above the header (the cost the plan must cover). */
function chercherCout(ctx: Contexte, plan: PlanFinancement): void {
  const { sheet, e } = ctx;
  for (let r = 0; r < e.ligne; r++) {
    const row = sheet.rows[r];
    for (let c = 0; c < row.length; c++) {
      if (typeof row[c].v !== "string" || !COUT.test(normaliser(row[c].v as string))) continue;
      // « Coût total : 2 000 000 € » in one cell: the amount after the colon, read like any amount of the plan.
      const apres = /[:=]\s*(\S.*)$/.exec(row[c].v as string);
      if (apres) {
        const m = montantCellule(ctx, { v: apres[1].trim() }, celluleRef(sheet.name, r, c));
        if (m === "nomme") return;
        if (m !== null && m !== undefined && m > 0) {
          plan.coutIndique = { montant: m, cellule: celluleRef(sheet.name, r, c), texte: true };
          return;
        }
      }
      let premiere = true;
      for (let k = c + 1; k < row.length; k++) {
        const m = montantCellule(ctx, row[k], celluleRef(sheet.name, r, k));
        if (m === "nomme") return;
        // The cost's cell (the first filled after its label) holds a date, #REF!, a word: no cost from it, named —
        // in the plan's findings (CLI and pane), and by the refusal when no other cost is found. A later cell of the
        // row (« Mis à jour le | 15/03/2026 ») is not the cost's.
        if (m === undefined && premiere && !plan.coutIllisible) {
          const cellule = celluleRef(sheet.name, r, k);
          const quoi = contenu(texte(row[k]));
          plan.coutIllisible = { cellule, quoi };
          ctx.avertissements.push({
            cellule,
            gravite: "alerte",
            message:
              `${cellule} : le coût de production du plan (« ${texte(row[c])} ») tient ${quoi}, qui n'est pas un ` +
              `montant : il n'est pas lu. Écrivez-y le coût en euros.`,
          });
        }
        if (m !== null) premiere = false;
        if (m !== null && m !== undefined && m > 0) {
          plan.coutIndique = {
            montant: m,
            cellule: celluleRef(sheet.name, r, k),
            ...(typeof row[k].v === "string" ? { texte: true as const } : {}),
          };
          return;
        }
      }
    }
  }
}
