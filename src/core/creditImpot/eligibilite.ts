import Decimal from "decimal.js";
import { ErreurDonnees } from "../erreurs";
import { celluleDeLigne, type CodeChapitre, type Devis, type LigneDevis } from "../devis/model";
import {
  cents,
  type Cents,
  centsToDecimal,
  formatMontantFr,
  montantLigne,
  multiplyCents,
  repartir,
  subCents,
  sumCents,
  ZERO,
} from "../money";
import { decimalFr, normaliser, pluriel } from "../util/texte";
import { lecturesPourcentDansTexte } from "../devis/lecture";
import { chapitreDuRole } from "../devis/nomenclature";
import type { Figures } from "./figures";
import type { AjustementBase, LigneBase, OptionsCreditImpot } from "./modele";
import { regleAnnee, TABLES_CREDIT_IMPOT, type RegleDatee, type ValeursEligibilite } from "./regles";

/** Default eligibility of a line: label keywords, then sub-chapter, category, chapter (data: credit-impot-eligibilite.json). */
export function eligibiliteParDefaut(
  l: LigneDevis,
  r: ValeursEligibilite,
  cinema = false,
): { eligible: boolean; motif: string } {
  const lib = normaliser(l.libelle);
  for (const regle of r.libelles) {
    const mot = regle.motsCles.find((m) => lib.includes(normaliser(m)));
    if (mot) return { eligible: regle.eligible, motif: `${regle.motif} (libellé « ${mot} »)` };
  }
  const sc = cinema && l.sousChapitre && r.sousChapitresCinema[l.sousChapitre];
  if (sc) return { eligible: sc.eligible, motif: `sous-chapitre ${l.sousChapitre} : ${sc.motif}` };
  const cat = l.categorie && r.categories[l.categorie];
  if (cat) return { eligible: cat.eligible, motif: `catégorie ${l.categorie} : ${cat.motif}` };
  const ch = l.chapitre && r.chapitres[l.chapitre];
  if (ch) return { eligible: ch.eligible, motif: `chapitre ${l.chapitre} : ${ch.motif}` };
  return { eligible: false, motif: "ligne hors chapitre : exclue de la base" };
}

/**
 * A line's share spent in France, 0 to 100 %. One written out of that range in the devis (« 120 % » or « -20 % » in its
 * « Territoire » column) is the producer's input: refused naming the cell and the line, never clamped.
 */
function partFrance(l: LigneDevis): Decimal {
  const a = l.territoireAmbigu;
  if (a && !l.chargesDe)
    throw new ErreurDonnees(
      `${l.source.cellules.territoire ?? l.id} : part France « ${decimalFr(a.texte)} » de la ligne « ${l.libelle} » : ` +
        `${decimalFr(new Decimal(a.pourcent).times(100).toFixed())} % ou ` +
        `${decimalFr(new Decimal(a.fraction).times(100).toFixed())} % ? Saisissez-la avec « % » dans la colonne « Territoire ».`,
    );
  const i = l.territoireIllisible;
  // « 1.500 % »: its readings are fractions, said as percentages (1,5 % or 1 500 %).
  const lu = (x: string) => (i?.pourcent ? `${decimalFr(new Decimal(x).times(100).toFixed())} %` : decimalFr(x));
  if (i && !l.chargesDe)
    throw new ErreurDonnees(
      `${l.source.cellules.territoire ?? l.id} : territoire « ${i.texte} » de la ligne « ${l.libelle} » : ` +
        (i.lectures
          ? `${lu(i.lectures.decimale)} ou ${lu(i.lectures.milliers)} ?`
          : "ni « France », ni « Étranger », ni un pays étranger, ni une part ; la part dépensée en France n'est pas lue.") +
        ` Saisissez « France », « Étranger » ou la part avec « % » dans la colonne « Territoire ».`,
    );
  if (l.partFrance === undefined) return new Decimal(1);
  const d = new Decimal(l.partFrance);
  if (d.isNegative() || d.greaterThan(1)) {
    throw new ErreurDonnees(
      `${l.source.cellules.territoire ?? l.id} : part France « ${decimalFr(d.times(100).toFixed())} % » de la ligne ` +
        `« ${l.libelle} » hors de 0 à 100 % : corrigez la colonne « Territoire ».`,
    );
  }
  return d;
}

/** Where a line's share spent in France comes from, as its trace says it. */
function motifPartFrance(l: LigneDevis): string {
  if (l.partFrance === undefined) return "100 % par défaut : la ligne ne dit pas de dépense hors de France";
  if (l.repartition) return "montants « France » et « étranger » de la ligne";
  return l.source.cellules.territoire ? "colonne « Territoire » de la ligne" : "part France de la ligne";
}

/**
 * Frais généraux and imprévus are not eligible expenses whatever the line's column says: the texts list the eligible
 * expenses (remunerations and their social charges, technical industries, transport, catering and lodging,
 * depreciation) and these two are not among them (CGI art. 220 sexies III, 220 quaterdecies III; BOFiP
 * BOI-IS-RICI-10-20-20 and 10-30-20). A line of these chapters declared eligible stays out of the base, said.
 */
export const HORS_DEPENSES_ELIGIBLES: Readonly<Partial<Record<CodeChapitre, string>>> = {
  FG: "les frais généraux",
  IMP: "les imprévus",
};

export const TEXTE_DEPENSES_ELIGIBLES = "CGI art. 220 sexies III et 220 quaterdecies III ; BOFiP BOI-IS-RICI-10-20-20";

/** Each line's eligible amount spent in France, half-up to the cent per line. */
export function lignesBase(devis: Devis, r: RegleDatee<ValeursEligibilite>): LigneBase[] {
  return devis.lignes.map((l) => {
    const defaut = eligibiliteParDefaut(l, r.version.valeurs, devis.typeOeuvre === "cinema");
    const colonne = l.eligibleCI !== "auto";
    const horsTexte = l.chapitre ? HORS_DEPENSES_ELIGIBLES[l.chapitre] : undefined;
    const exclue = colonne && l.eligibleCI === "oui" && horsTexte !== undefined;
    const eligible = exclue ? false : colonne ? l.eligibleCI === "oui" : defaut.eligible;
    const motif = exclue
      ? `colonne « Éligible CI » = oui, mais ${horsTexte} ne sont pas des dépenses éligibles (${TEXTE_DEPENSES_ELIGIBLES})`
      : colonne
        ? `colonne « Éligible CI » = ${l.eligibleCI}${l.source.cellules.eligibleCI ? ` (${l.source.cellules.eligibleCI})` : ""}`
        : defaut.motif;
    const part = partFrance(l);
    return {
      id: l.id,
      code: l.code,
      libelle: l.libelle,
      chapitre: l.chapitre,
      montant: l.montant,
      eligible,
      motif,
      origine: colonne ? "colonne" : "defaut",
      ...(exclue ? { horsTexte } : {}),
      ...(colonne && eligible !== defaut.eligible
        ? { contreDefaut: `${defaut.eligible ? "éligible" : "non éligible"} par défaut (${defaut.motif})` }
        : {}),
      partFrance: part.toString(),
      motifPartFrance: motifPartFrance(l),
      base: eligible ? multiplyCents(l.montant, part) : ZERO,
      cellule: l.source.cellules.montant,
      // A computed amount (the cell empty): its trace names its factors' cells instead (traceCreditImpot).
      ...(l.montantCalcule ? { ligneCalculee: l } : {}),
      // Read in the line's « Territoire » cell (not from « dont France » columns, nor the 100 % default).
      ...(l.partFrance !== undefined && !l.repartition && l.source.cellules.territoire
        ? { cellulePartFrance: celluleDeLigne(l, "territoire") }
        : {}),
    };
  });
}

const HEBERGEMENT = /\b(hotels?|hebergements?|nuitees?|logements?)\b/;
const NUITS = /\bnuit(ee)?s?\b/;

/**
 * Nights of lodging a line shows: its unit says nights (« nuit », « nuitée ») or, without a unit, its label does;
 * then quantité × nombre counts the nights. Undefined when the line does not show nights (a forfait, a week…).
 */
function nuitsDe(l: LigneDevis): Decimal | undefined {
  const unite = l.unite ? normaliser(l.unite) : "";
  const parUnite = unite !== "" && NUITS.test(unite);
  const parLibelle = unite === "" && NUITS.test(normaliser(l.libelle));
  if (!parUnite && !parLibelle) return undefined;
  if (l.quantite === undefined && l.nombre === undefined) return undefined;
  const n = new Decimal(l.quantite ?? 1).times(l.nombre ?? 1);
  return n.greaterThan(0) ? n : undefined;
}

/**
 * The per-night lodging cap applies only to lines that show nights of lodging (unit or label): base limited to
 * nights × cap. Other lodging lines (« Transports, hébergement, repas » as a forfait) stay in the base, with a finding
 * naming the cell.
 */
export function plafonnerHebergement(
  lignes: LigneBase[],
  devis: Devis,
  opts: OptionsCreditImpot,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[] } {
  const ajustements: AjustementBase[] = [];
  const alertes: string[] = [];
  const parId = new Map(devis.lignes.map((l) => [l.id, l]));
  const enBase = lignes.filter((b) => b.eligible && b.base > 0 && b.chapitre === chapitreDuRole("transports"));
  const concernees = enBase.filter((b) => HEBERGEMENT.test(normaliser(b.libelle)));
  // Nights in the unit, no lodging word in the label (« Chambres équipe », 30 nuits): named, never capped by a guess.
  const nuitsSansHebergement = enBase.filter((b) => {
    const u = parId.get(b.id)?.unite;
    return !HEBERGEMENT.test(normaliser(b.libelle)) && u !== undefined && NUITS.test(normaliser(u));
  });
  if (!concernees.length && !nuitsSansHebergement.length) return { ajustements, alertes };
  const regle = regleAnnee(TABLES_CREDIT_IMPOT.hebergement, opts.annee);
  if (!regle) {
    alertes.push(`Aucun plafond d'hébergement en vigueur en ${opts.annee} : hébergement retenu sans plafond.`);
    return { ajustements, alertes };
  }
  const lieu = opts.hebergement ?? "ailleurs";
  const plafond = figures.montant(
    `credit-impot.hebergement.${lieu}`,
    lieu === "paris"
      ? "Hébergement retenu par nuit (Paris et petite couronne)"
      : "Hébergement retenu par nuit (hors Paris)",
    regle,
    regle.version.valeurs[lieu],
  );
  for (const b of nuitsSansHebergement)
    alertes.push(
      `${b.cellule ?? b.id} : « ${b.libelle} » — unité en nuits, mais le libellé ne dit pas « hôtel », « hébergement », ` +
        `« nuitée » ni « logement » : plafond d'hébergement (${formatMontantFr(plafond)} par nuit) non appliqué ; ` +
        `${formatMontantFr(b.base)} retenus dans la base. S'il s'agit d'hébergement, dites-le dans le libellé.`,
    );
  for (const b of concernees) {
    const l = parId.get(b.id);
    const nuits = l && nuitsDe(l);
    if (!nuits) {
      alertes.push(
        `${b.cellule ?? b.id} : « ${b.libelle} » — nombre de nuits inconnu : plafond d'hébergement non vérifié ` +
          `(${formatMontantFr(plafond)} par nuit) ; ${formatMontantFr(b.base)} retenus dans la base.`,
      );
      continue;
    }
    const plafonne = multiplyCents(montantLigne(nuits, 1, centsToDecimal(plafond)), b.partFrance);
    if (plafonne >= b.base) continue;
    ajustements.push({
      nom: "plafond hébergement",
      montant: subCents(b.base, plafonne),
      detail: `${b.cellule ?? b.id} : ${pluriel(nuits.toNumber(), "nuit")} à ${formatMontantFr(plafond)} au plus`,
    });
    b.base = plafonne;
    b.motif += ` ; hébergement plafonné à ${formatMontantFr(plafond)}/nuit`;
  }
  if (lieu === "ailleurs" && ajustements.length) {
    alertes.push(
      "Hébergement plafonné au tarif hors Paris ; pour Paris et la petite couronne, choisissez l'hébergement « Paris et petite couronne ».",
    );
  }
  return { ajustements, alertes };
}

const REALISATEUR = /realisat(eur|rice)/;

/** All three credits since 2020: the director's remuneration counts within 15 % / 8 % / 5 % of the cost tranches. */
export function plafonnerRealisateur(
  lignes: LigneBase[],
  budget: Cents,
  opts: OptionsCreditImpot,
  figures: Figures,
): AjustementBase[] {
  const concernees = lignes.filter(
    (b) =>
      b.eligible &&
      b.base > 0 &&
      (b.chapitre === chapitreDuRole("droits") || b.chapitre === chapitreDuRole("personnel")) &&
      REALISATEUR.test(normaliser(b.libelle)) &&
      !/assist/.test(normaliser(b.libelle)),
  );
  if (!concernees.length) return [];
  const regle = regleAnnee(TABLES_CREDIT_IMPOT.realisateur, opts.annee);
  if (!regle) return [];
  let plafond = new Decimal(0);
  let bas = new Decimal(0);
  regle.version.valeurs.tranches.forEach((t, i) => {
    const haut = new Decimal(t.jusqua);
    const taux = figures.taux(
      `credit-impot.cinema.realisateur.tranche-${i + 1}`,
      `Rémunération du réalisateur : part de la tranche ${i + 1} du coût (jusqu'à ${formatMontantFr(cents(haut.toNumber()))})`,
      regle,
      t.taux,
    );
    const dansTranche = Decimal.max(0, Decimal.min(budget, haut).minus(bas));
    plafond = plafond.plus(dansTranche.times(taux));
    bas = haut;
  });
  const max = cents(plafond.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
  const total = sumCents(concernees.map((b) => b.base));
  if (total <= max) return [];
  const parts = repartir(
    max,
    concernees.map((b) => b.base),
  );
  concernees.forEach((b, i) => {
    b.base = parts[i];
    b.motif += " ; rémunération du réalisateur plafonnée";
  });
  return [
    {
      nom: "plafond rémunération du réalisateur",
      montant: subCents(total, max),
      detail:
        `${formatMontantFr(total)} retenus dans la limite de ${formatMontantFr(max)} (tranches du coût de ` +
        `${formatMontantFr(budget)})`,
    },
  ];
}

/**
 * Social charges counted on salaries the base leaves out. A charges line (chapter 4) whose label gives its rate and
 * whose amount is exactly that rate × a salary chapter's total (to the cent: the arithmetic proves what it covers)
 * carries the charges of every line of that chapter, those excluded from the base too (a foreign fixeur, a line
 * declared « non »): rate × their amount outside the base leaves the base with the line's share spent in France. A line
 * whose amount proves nothing is left as it is.
 */
/** The chapters of pay that carry social charges, in the order a charges line is matched against their totals. */
const SALARIES = ["personnel", "interpretation", "droits"] as const;

export function retirerChargesSalairesExclus(lignes: LigneBase[]): AjustementBase[] {
  const ajustements: AjustementBase[] = [];
  for (const b of lignes) {
    if (b.chapitre !== chapitreDuRole("charges-sociales") || !b.eligible || b.base <= 0) continue;
    // « Charges sur salaires techniciens (62 %) »: the rate the label writes.
    // « (1.500 %) » the sheet does not decide: each reading tried, only the one the amount proves is kept.
    const lectures = lecturesPourcentDansTexte(b.libelle);
    for (const chapitre of SALARIES.map(chapitreDuRole)) {
      const salaires = lignes.filter((x) => x.chapitre === chapitre);
      const total = sumCents(salaires.map((x) => x.montant));
      const taux = salaires.length ? lectures.find((t) => multiplyCents(total, t) === b.montant) : undefined;
      if (!taux) continue;
      const hors = salaires.filter((x) => x.base < x.montant);
      const exclu = sumCents(hors.map((x) => subCents(x.montant, x.base)));
      const retrait = Math.min(b.base, multiplyCents(multiplyCents(exclu, taux), new Decimal(b.partFrance)));
      if (retrait > 0) {
        ajustements.push({
          nom: "charges sur salaires hors base",
          montant: cents(retrait),
          detail:
            `${b.cellule ?? b.id} : ${decimalFr(taux.times(100).toFixed())} % × ${formatMontantFr(exclu)} de salaires ` +
            `du chapitre ${chapitre} hors base (${hors.map((x) => x.cellule ?? x.id).join(", ")})`,
        });
        b.base = subCents(b.base, cents(retrait));
        b.motif += ` ; charges des salaires hors base retirées (${formatMontantFr(cents(retrait))})`;
      }
      break;
    }
  }
  return ajustements;
}
