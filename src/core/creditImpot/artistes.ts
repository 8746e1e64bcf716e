import Decimal from "decimal.js";
import type { Devis, LigneDevis } from "../devis/model";
import { type Cents, cents, formatMontantFr, multiplyCents, repartir, subCents, sumCents } from "../money";
import { lecturesPourcentDansTexte } from "../devis/lecture";
import { chapitreDuRole } from "../devis/nomenclature";
import { dateFr, decimalFr, normaliser } from "../util/texte";
import type { Figures } from "./figures";
import type { AjustementBase, LigneBase, OptionsCreditImpot } from "./modele";
import {
  type RegleDatee,
  regleAnnee,
  TABLES_CREDIT_IMPOT,
  type ValeursArtistes,
  type ValeursArtistesMinima,
} from "./regles";

export const CLE_BASE_ARTISTES = "credit-impot.artistes.base-minimum";

/** An artist line the IDCC 3097 grid limits: how its minimum is computed (« 20 jours × 412,08 € ») and the cap. */
interface LigneGrille {
  ligne: LigneBase;
  calcul: string;
  plafond: Cents;
  /** A week whose length (5 or 6 days) the line does not say: what a 6-day week would leave. */
  semaineIncertaine?: Cents;
}

/** A line outside the grid, and why (said in the alert). */
interface LigneHorsGrille {
  ligne: LigneBase;
  raison: string;
}

const cellule = (b: LigneBase) => b.cellule ?? b.id;

function liste(lignes: LigneBase[]): string {
  const cellules = lignes.map(cellule);
  return cellules.length > 4 ? `${cellules.slice(0, 4).join(", ")}…` : cellules.join(", ");
}

const nombreFr = (n: Decimal) => n.toString().replace(".", ",");
const joursFr = (j: Decimal) => `${nombreFr(j)} jour${j.gt(1) ? "s" : ""}`;
const semainesFr = (s: Decimal) => `${nombreFr(s)} semaine${s.gt(1) ? "s" : ""}`;

/**
 * Is a devis line an artist's pay (chapter or category of the table credit-impot-artistes)? The tax credit limits
 * these lines, the salaire-minimum check of a cinema devis compares them to the IDCC 3097 artists' minima.
 */
export function estLigneArtiste(l: Pick<LigneDevis, "chapitre" | "categorie">, v: ValeursArtistes): boolean {
  return (
    (l.chapitre !== undefined && (v.chapitres as string[]).includes(l.chapitre)) ||
    (l.categorie !== undefined && (v.categories as string[]).includes(l.categorie))
  );
}

/**
 * How an artist line is engaged, as the IDCC 3097 grid reads it: by the day (unit « jour », « cachet »…) or by the week
 * (« semaine », « sem. »; 5 or 6 days when the label or the unit says « 5 jours », « 6 j »), with the number of days or
 * weeks (quantité × nombre).
 */
export type EngagementArtiste =
  { unite: "jour"; nombre: Decimal } | { unite: "semaine"; nombre: Decimal; joursSemaine?: 5 | 6 };

const JOURS_SEMAINE = /(?:^|[^\d,.])([56])\s*(?:j|jr|jrs|jours?)(?![a-z])/;

/**
 * The engagement of an artist line, or why the grid does not limit it (an extra, rehearsals: other minima; a unit the
 * grid has no minimum for; a number of days or weeks the devis does not give).
 */
export function engagementArtiste(
  l: LigneDevis | undefined,
  v: ValeursArtistesMinima,
  horsGrille: readonly string[] = v.horsGrille,
): EngagementArtiste | string {
  if (!l) return "ligne introuvable dans le devis";
  const libelle = normaliser(l.libelle);
  const hors = horsGrille.find((m) => libelle.includes(m));
  if (hors) return `libellé « ${l.libelle} » hors grille (${hors})`;
  const brute = normaliser(l.unite ?? "");
  const jours = JOURS_SEMAINE.exec(`${libelle} ${brute}`);
  const unite = brute
    .replace(JOURS_SEMAINE, "")
    .replace(/[\s(]+$/, "")
    .replace(/\.$/, "")
    .trim();
  if (!unite) return "unité non indiquée";
  const parJour = v.unitesJournee.includes(unite);
  if (!parJour && !v.unitesSemaine.includes(unite))
    return `unité « ${l.unite} » (seules les journées, cachets et semaines sont limités)`;
  let nombre: Decimal;
  try {
    nombre = new Decimal(l.quantite ?? "NaN").times(l.nombre ?? "1");
  } catch {
    return `nombre de ${parJour ? "jours" : "semaines"} illisible`;
  }
  if (!nombre.isFinite() || !nombre.gt(0)) return `nombre de ${parJour ? "jours" : "semaines"} non indiqué`;
  if (parJour) return { unite: "jour", nombre };
  return jours ? { unite: "semaine", nombre, joursSemaine: jours[1] === "5" ? 5 : 6 } : { unite: "semaine", nombre };
}

/** The acteurs de complément of annexe III.2 (IDCC 3097 titre III, sous-titre II), as the table names their minima. */
export type ActeurComplement =
  "figuration" | "silhouetteMuette" | "silhouetteParlante" | "doublureSimple" | "doublurePolyvalente";

/** Words of a label naming an acteur de complément (normalised); the artists' grid leaves them out (horsGrille). */
const MOTS_COMPLEMENT = ["figurant", "figuration", "complement", "silhouette", "doublure"];

/**
 * The acteur de complément a label names, or undefined: « silhouette parlante » (its own minimum; a silhouette not
 * said « parlante » is taken as muette, the lower minimum: no false alarm), « doublure polyvalente » (a doublure not
 * said « polyvalente » is a doublure simple, the lower), « figurant », « figuration » or « acteurs de complément »
 * (figuration, the lowest).
 */
export function acteurComplement(libelle: string): ActeurComplement | undefined {
  const t = normaliser(libelle);
  if (t.includes("silhouette")) return t.includes("parlant") ? "silhouetteParlante" : "silhouetteMuette";
  if (t.includes("doublure")) return t.includes("polyvalent") ? "doublurePolyvalente" : "doublureSimple";
  if (["figurant", "figuration", "complement"].some((m) => t.includes(m))) return "figuration";
  return undefined;
}

/**
 * The engagement (day or week) of an acteur de complément's line: as an artist's, its label's words naming the
 * acteur de complément aside (rehearsals, services stay out: other minima).
 */
export function engagementComplement(l: LigneDevis, v: ValeursArtistesMinima): EngagementArtiste | string {
  return engagementArtiste(
    l,
    v,
    v.horsGrille.filter((m) => !MOTS_COMPLEMENT.includes(m)),
  );
}

/** The film format whose artists' minima apply: long-métrage (annexe III.1) or court-métrage (accord of 9 July 2014). */
export type FormatFilm = "longMetrage" | "courtMetrage";

/**
 * The IDCC 3097 minimum (long-métrage unless `format` says otherwise) of one day or week of an engagement: the daily
 * one, or the weekly one of the week's length; a week whose length is not said is the normal shooting week of the
 * table (`joursSemaineNormale`: 5 days, titre III, art. 4.2.1 « Le tournage s'organise normalement sur 5 jours »), for
 * the credit and for the salaire-minimum check alike.
 */
export function minimumArtiste(
  e: EngagementArtiste,
  v: ValeursArtistesMinima,
  format: FormatFilm = "longMetrage",
): { minimum: Cents; libelle: string } {
  const grille = v[format];
  if (e.unite === "jour") return { minimum: grille.journee, libelle: "engagement à la journée" };
  const jours = e.joursSemaine ?? v.joursSemaineNormale;
  return {
    minimum: jours === 5 ? grille.semaine5Jours : grille.semaine6Jours,
    libelle:
      `engagement à la semaine de ${jours} jours` +
      (e.joursSemaine ? "" : " (durée de la semaine non dite : semaine normale de tournage, titre III, art. 4.2.1)"),
  };
}

/**
 * Cinema and audiovisual credits (220 sexies III-1-b): artists' pay counts only within the conventional minimum,
 * « par référence pour chacun d'eux ». Order: the pay at the minimum the accountant gives in Paramètres
 * (CLE_BASE_ARTISTES) limits all artist lines; else, for the cinema credit, each line paid by the day is limited to
 * its days × the daily minimum of the IDCC 3097 grid (table idcc3097-artistes-minima, long-métrage); the other lines
 * stay in full, with an alert saying the credit may be overstated.
 */
export function plafonnerArtistes(
  lignes: LigneBase[],
  devis: Devis,
  opts: OptionsCreditImpot,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[] } {
  const vide = { ajustements: [], alertes: [] };
  if (opts.regime === "international") return vide;
  const regle = regleAnnee(TABLES_CREDIT_IMPOT.artistes, opts.annee);
  if (!regle) return vide;
  const v = regle.version.valeurs;
  const parId = new Map(devis.lignes.map((l) => [l.id, l]));
  const concernees = lignes.filter(
    (b) =>
      b.eligible && b.base > 0 && estLigneArtiste({ chapitre: b.chapitre, categorie: parId.get(b.id)?.categorie }, v),
  );
  if (!concernees.length) return vide;
  const total = sumCents(concernees.map((b) => b.base));
  const minimum = figures.montantSaisi(
    CLE_BASE_ARTISTES,
    "Rémunérations des artistes-interprètes au minimum conventionnel",
    regle,
  );
  if (minimum === undefined) {
    const grille = opts.regime === "cinema" ? regleAnnee(TABLES_CREDIT_IMPOT.artistesMinima, opts.annee) : undefined;
    if (!grille) return { ajustements: [], alertes: [alerteEntier(concernees)] };
    const r = parGrille(concernees, parId, grille, figures);
    return avecCharges(r, lignes, parId, r.retraits, regle);
  }
  if (total <= minimum) return vide;
  const parts = repartir(
    minimum,
    concernees.map((b) => b.base),
  );
  const retraits = new Map<string, Cents>();
  concernees.forEach((b, i) => {
    if (b.base > parts[i]) retraits.set(b.id, subCents(b.base, parts[i]));
    b.base = parts[i];
    b.motif += " ; artistes-interprètes limités au minimum conventionnel";
  });
  const r = {
    ajustements: [
      {
        nom: "artistes-interprètes au minimum conventionnel",
        montant: subCents(total, minimum),
        detail: `${formatMontantFr(total)} retenus dans la limite de ${formatMontantFr(minimum)} (${liste(concernees)})`,
      },
    ],
    alertes: [],
  };
  return avecCharges(r, lignes, parId, retraits, regle);
}

/** Where the charges of a capped artist line are: its own charges line, or a chapter-4 line covering chapter 3. */
interface LigneCharges {
  charges: LigneBase;
  /** The artist lines (ids) whose charges it carries, and their amount. */
  salaires: Set<string>;
  assiette: Cents;
  /** How the charges on a removed part are computed, in words (« 48 % (taux du libellé) »). */
  taux: Decimal;
  commentaire: string;
}

/** Words naming the artists in a charges label (word starts: « facteur » is not « acteur »). */
const MOTS_ARTISTES = /(?:^|[^a-z])(?:artiste|interprete|comedien|acteur|actrice|cachet)/;

/**
 * The charges lines of the artist lines: a line drawn from a salary's « Charges » cell (`chargesDe`) carries that
 * line's charges, at its rate or its amount ÷ the salary; a chapter-4 line carries those of chapter 3 when its label
 * gives a rate that × chapter 3's total is its amount to the cent (as retirerChargesSalairesExclus proves it), or when
 * its label names the artists (« Charges sociales artistes »): its amount ÷ chapter 3's total, the average rate.
 */
function lignesCharges(lignes: LigneBase[], parId: Map<string, LigneDevis>, regle: ValeursArtistes): LigneCharges[] {
  const out: LigneCharges[] = [];
  const propres = new Set<string>();
  for (const c of lignes) {
    const de = parId.get(c.id)?.chargesDe;
    const salaire = de && parId.get(de.salaire);
    if (!de || !salaire || salaire.montant <= 0 || !estLigneArtiste(salaire, regle)) continue;
    propres.add(salaire.id);
    const taux = de.taux ? new Decimal(de.taux) : new Decimal(c.montant).dividedBy(salaire.montant);
    const commentaire = de.taux
      ? `${decimalFr(taux.times(100).toFixed())}\u00a0% (taux de la cellule des charges)`
      : `${formatMontantFr(c.montant)} ÷ ${formatMontantFr(salaire.montant)} (charges de la ligne ÷ son salaire)`;
    out.push({ charges: c, salaires: new Set([salaire.id]), assiette: salaire.montant, taux, commentaire });
  }
  const interpretation = chapitreDuRole("interpretation");
  const chapitre3 = lignes.filter(
    (x) => x.chapitre === interpretation && !propres.has(x.id) && !parId.get(x.id)?.chargesDe,
  );
  const assiette = sumCents(chapitre3.map((x) => x.montant));
  if (assiette <= 0) return out;
  for (const c of lignes) {
    if (c.chapitre !== chapitreDuRole("charges-sociales") || parId.get(c.id)?.chargesDe) continue;
    // The label's rate when the amount proves it (« 1.500 % » the sheet does not decide: the reading proven, if any).
    const taux = lecturesPourcentDansTexte(c.libelle).find((t) => multiplyCents(assiette, t) === c.montant);
    const prouve = taux !== undefined;
    const libelle = normaliser(c.libelle);
    if (!prouve && !MOTS_ARTISTES.test(libelle)) continue;
    out.push({
      charges: c,
      salaires: new Set(chapitre3.map((x) => x.id)),
      assiette,
      ...(prouve
        ? {
            taux,
            commentaire: `${decimalFr(taux.times(100).toFixed())}\u00a0% (taux du libellé × chapitre 3 = son montant)`,
          }
        : {
            taux: new Decimal(c.montant).dividedBy(assiette),
            commentaire:
              `${formatMontantFr(c.montant)} ÷ ${formatMontantFr(assiette)} (charges des artistes ÷ salaires du ` +
              `chapitre 3, taux moyen)`,
          }),
    });
  }
  return out;
}

/**
 * 220 sexies III-1-b retains the artists' pay within the minimum « ainsi que les charges sociales afférentes »: the
 * charges on the part removed leave the base too, at the rate of the line carrying them (× its share in France); the
 * part whose charges no line is found to carry stays, said in an alert.
 */
function avecCharges(
  r: { ajustements: AjustementBase[]; alertes: string[] },
  lignes: LigneBase[],
  parId: Map<string, LigneDevis>,
  retraits: Map<string, Cents>,
  regle: RegleDatee<ValeursArtistes>,
): { ajustements: AjustementBase[]; alertes: string[] } {
  const retire = sumCents([...retraits.values()]);
  if (retire <= 0) return r;
  const details: string[] = [];
  const couverts = new Set<string>();
  let total = cents(0);
  for (const lc of lignesCharges(lignes, parId, regle.version.valeurs)) {
    const ids = [...retraits.keys()].filter((id) => lc.salaires.has(id));
    if (!ids.length || !lc.charges.eligible || lc.charges.base <= 0) continue;
    ids.forEach((id) => couverts.add(id));
    const part = sumCents(ids.map((id) => retraits.get(id) ?? cents(0)));
    const exact = multiplyCents(part, lc.taux, lc.charges.partFrance);
    const retrait = cents(Math.min(lc.charges.base, exact));
    if (retrait <= 0) continue;
    const france = new Decimal(lc.charges.partFrance).equals(1)
      ? ""
      : ` × part France ${decimalFr(lc.charges.partFrance)}`;
    const calcul = `${formatMontantFr(part)} retirés × ${lc.commentaire}${france} = ${formatMontantFr(retrait)}`;
    details.push(`${cellule(lc.charges)} : ${calcul}`);
    lc.charges.base = subCents(lc.charges.base, retrait);
    lc.charges.motif += ` ; charges afférentes à la part retirée des artistes-interprètes : ${calcul}`;
    total = sumCents([total, retrait]);
  }
  const ajustements = [...r.ajustements];
  if (total > 0)
    ajustements.push({
      nom: "charges sociales afférentes à la part retirée des artistes-interprètes",
      montant: total,
      detail: `${details.join(" ; ")} (CGI art. 220 sexies, III-1-b : « ainsi que les charges sociales afférentes »)`,
    });
  const sans = [...retraits.entries()].filter(([id]) => !couverts.has(id));
  const alertes = [...r.alertes];
  if (sans.length) {
    const montant = sumCents(sans.map(([, m]) => m));
    const cellules = sans.map(([id]) => {
      const b = lignes.find((x) => x.id === id);
      return b ? cellule(b) : id;
    });
    alertes.push(
      `Artistes-interprètes limités au minimum conventionnel : les charges sociales afférentes à la part retirée ` +
        `(${formatMontantFr(montant)} : ${cellules.join(", ")}) restent dans la base, aucune ligne de charges des ` +
        `artistes n'étant trouvée (colonne « Charges » de la ligne, ou ligne du chapitre 4 dont le libellé nomme les ` +
        `artistes ou donne son taux) ; retirez-les ou indiquez la base au minimum dans la feuille Paramètres ` +
        `(${CLE_BASE_ARTISTES}).`,
    );
  }
  return { ajustements, alertes };
}

function alerteEntier(lignes: LigneBase[], horsGrille?: LigneHorsGrille[]): string {
  const total = sumCents(lignes.map((b) => b.base));
  const pourquoi = horsGrille
    ? `que Prodbook n'applique qu'aux lignes d'artistes-interprètes payées à la journée ou à la semaine (cachets, ` +
      `jours, semaines ; grille IDCC 3097) : ${horsGrille.map((h) => `${cellule(h.ligne)} : ${h.raison}`).join(" ; ")}`
    : "que Prodbook ne connaît pas";
  return (
    `Rémunérations des artistes-interprètes retenues en entier : ${formatMontantFr(total)} (${liste(lignes)}). Le ` +
    `crédit ne les retient que dans la limite des minima conventionnels, ${pourquoi}. Indiquez leur montant ` +
    `au minimum conventionnel dans la feuille Paramètres (${CLE_BASE_ARTISTES}), sinon le crédit peut être ` +
    `surestimé (charges sociales afférentes comprises).`
  );
}

/**
 * Each line paid by the day limited to its days × the daily minimum, each line paid by the week to its weeks × the
 * weekly minimum (the normal 5-day week when the line does not say 5 or 6, with an alert when a 6-day week would keep
 * more); the others kept in full, named in an alert.
 */
function parGrille(
  concernees: LigneBase[],
  parId: Map<string, LigneDevis>,
  grille: RegleDatee<ValeursArtistesMinima>,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[]; retraits: Map<string, Cents> } {
  figures.consulter(grille);
  const g = grille.version.valeurs;
  const limitees: LigneGrille[] = [];
  const hors: LigneHorsGrille[] = [];
  for (const b of concernees) {
    const e = engagementArtiste(parId.get(b.id), g);
    if (typeof e === "string") {
      hors.push({ ligne: b, raison: e });
      continue;
    }
    const { minimum } = minimumArtiste(e, g);
    const plafond = multiplyCents(minimum, e.nombre);
    const calcul =
      `${e.unite === "jour" ? joursFr(e.nombre) : semainesFr(e.nombre)} × ${formatMontantFr(minimum)}` +
      `${e.unite === "semaine" ? ` (semaine de ${e.joursSemaine ?? g.joursSemaineNormale} jours)` : ""} = ` +
      formatMontantFr(plafond);
    const incertaine = e.unite === "semaine" && !e.joursSemaine && g.joursSemaineNormale === 5;
    limitees.push({
      ligne: b,
      calcul,
      plafond,
      ...(incertaine ? { semaineIncertaine: multiplyCents(g.longMetrage.semaine6Jours, e.nombre) } : {}),
    });
  }
  const alertes = hors.length
    ? [
        alerteEntier(
          hors.map((h) => h.ligne),
          hors,
        ),
      ]
    : [];
  for (const l of limitees)
    if (l.semaineIncertaine !== undefined && l.ligne.base > l.plafond)
      alertes.push(
        `${cellule(l.ligne)} : artiste-interprète payé à la semaine sans que la ligne dise 5 ou 6 jours : retenu dans ` +
          `la limite du minimum de la semaine de 5 jours (${l.calcul}), la semaine normale de tournage (IDCC 3097, ` +
          `titre III, art. 4.2.1) ; si la semaine est de 6 jours, la limite est ` +
          `${formatMontantFr(l.semaineIncertaine)} et le crédit est sous-estimé — écrivez « 6 jours » dans le libellé ` +
          `ou l'unité.`,
      );
  const retraits = new Map<string, Cents>();
  if (!limitees.some((l) => l.ligne.base > l.plafond)) return { ajustements: [], alertes, retraits };
  const details: string[] = [];
  for (const { ligne: b, calcul, plafond } of limitees) {
    if (b.base <= plafond) {
      details.push(`${cellule(b)} : ${formatMontantFr(b.base)} retenus en entier (minimum ${calcul})`);
      continue;
    }
    details.push(`${cellule(b)} : ${formatMontantFr(b.base)} limités à ${calcul}`);
    retraits.set(b.id, subCents(b.base, plafond));
    b.base = plafond;
    b.motif += ` ; artiste-interprète limité au minimum IDCC 3097 : ${calcul}`;
  }
  const semaines = limitees.some((l) => l.calcul.includes("semaine"));
  const table =
    `grille des artistes-interprètes en vigueur au ${dateFr(grille.version.effetDu)}, ` +
    `long-métrage, engagement à la journée${semaines ? " ou à la semaine" : ""}`;
  return {
    ajustements: [
      {
        nom: `artistes-interprètes au minimum ${semaines ? "" : "journalier "}IDCC 3097`,
        montant: sumCents([...retraits.values()]),
        detail: `${details.join(" ; ")} (${table})`,
      },
    ],
    alertes,
    retraits,
  };
}
