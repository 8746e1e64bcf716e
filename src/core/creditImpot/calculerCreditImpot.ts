import type { Devis } from "../devis/model";
import { libelleChapitre } from "../devis/nomenclature";
import { cents, formatMontantFr, sumCents } from "../money";
import { clesInconnues, suggestionCle } from "../regles/parametres";
import { appliquerCredit, type Assiette } from "./appliquer";
import { CLE_BASE_ARTISTES, plafonnerArtistes } from "./artistes";
import {
  lignesBase,
  plafonnerHebergement,
  plafonnerRealisateur,
  retirerChargesSalairesExclus,
  TEXTE_DEPENSES_ELIGIBLES,
} from "./eligibilite";
import { Figures } from "./figures";
import {
  type AjustementBase,
  type BaseChapitre,
  AnneeNonCouverteError,
  CreditImpotError,
  GENRES_CREDIT,
  AJUSTEMENT_SUBVENTIONS,
  type OptionsCreditImpot,
  REGIMES,
  type ResultatCreditImpot,
} from "./modele";
import { anneeCouverte, periodesCouvertes, regleAnnee, TABLES_CREDIT_IMPOT } from "./regles";
import { NOMS_REGIME } from "./contexteCalcul";

/** Keys of the « Paramètres » sheet this domain reads (a typo under credit-impot.* is reported, never ignored). */
export const PREFIXE_CLES = "credit-impot.";

function verifierOptions(o: OptionsCreditImpot): void {
  if (!REGIMES.includes(o.regime))
    throw new CreditImpotError(`Régime de crédit d'impôt inconnu « ${o.regime} » (attendu : ${REGIMES.join(", ")}).`);
  if (!GENRES_CREDIT.includes(o.genre))
    throw new CreditImpotError(`Genre inconnu « ${o.genre} » (attendu : ${GENRES_CREDIT.join(", ")}).`);
}

/**
 * The tax credit of a devis, line by line: eligible amounts spent in France (default by chapter, overridden by the
 * line's « Éligible CI » and « Territoire » columns), rate, each cap in turn, eligibility conditions.
 * The plan de financement takes `credit` as a public-aid source.
 */
export function calculerCreditImpot(devis: Devis, options: OptionsCreditImpot): ResultatCreditImpot {
  verifierOptions(options);
  const figures = new Figures(options.surcharges);
  const alertes: string[] = [];
  // One answer for any year refused, before the first rule or after the last: the periods every table this credit
  // reads covers (not those of whichever table happens to be read first).
  const couvertes = periodesCouvertes(options);
  const re = anneeCouverte(options.annee, couvertes.periodes)
    ? regleAnnee(TABLES_CREDIT_IMPOT.eligibilite, options.annee)
    : undefined;
  if (!re)
    throw new AnneeNonCouverteError(
      `Aucune règle du crédit d'impôt ${NOMS_REGIME[options.regime]} en vigueur en ${options.annee} ` +
        `(périodes couvertes : ${couvertes.texte}).`,
      options.annee,
      couvertes.texte,
    );
  const lignes = lignesBase(devis, re);
  figures.table(
    "credit-impot.eligibilite",
    "Éligibilité par défaut des lignes (chapitre, catégorie, libellé)",
    re,
    "table par chapitre",
  );
  // Before any cap: the charges of salaries outside the base are outside it too.
  const ajustements: AjustementBase[] = retirerChargesSalairesExclus(lignes);
  const heb = plafonnerHebergement(lignes, devis, options, figures);
  ajustements.push(...heb.ajustements);
  alertes.push(...heb.alertes);
  const budget = devis.total;
  ajustements.push(...plafonnerRealisateur(lignes, budget, options, figures));
  const art = plafonnerArtistes(lignes, devis, options, figures);
  ajustements.push(...art.ajustements);
  alertes.push(...art.alertes);

  const nonPlaces = new Set(devis.nonPlaces.map((n) => n.cellule));
  for (const l of lignes) {
    if (!l.chapitre && !nonPlaces.has(l.cellule ?? ""))
      alertes.push(`${l.cellule ?? l.id} : ligne « ${l.libelle} » hors chapitre, exclue de la base.`);
    if (l.horsTexte)
      alertes.push(
        `${l.cellule ?? l.id} : « ${l.libelle} » (${formatMontantFr(l.montant)}) déclarée éligible par sa colonne ` +
          `« Éligible CI », exclue de la base : ${l.horsTexte} ne sont pas des dépenses éligibles au crédit d'impôt ` +
          `(${TEXTE_DEPENSES_ELIGIBLES}).`,
      );
    // The column wins, but an accountant should look at a line declared eligible against the default rule.
    if (l.contreDefaut && l.eligible)
      alertes.push(
        `${l.cellule ?? l.id} : « ${l.libelle} » déclarée éligible par sa colonne « Éligible CI » alors qu'elle ` +
          `serait ${l.contreDefaut} — à vérifier.`,
      );
  }
  for (const n of devis.nonPlaces)
    alertes.push(
      `${n.cellule} : montant non placé ${formatMontantFr(n.montant)} (« ${n.libelle} »), exclu de la base.`,
    );

  const baseParChapitre: BaseChapitre[] = devis.chapitres.map((c) => ({
    code: c.code,
    libelle: c.libelle || libelleChapitre(c.code),
    total: c.total,
    base: sumCents(lignes.filter((l) => l.chapitre === c.code).map((l) => l.base)),
  }));
  const depensesFrance = sumCents(baseParChapitre.map((b) => b.base));
  const montantFrais = sumCents(devis.chapitres.filter((c) => c.code === "FG" || c.code === "IMP").map((c) => c.total));
  const duree = options.dureeMinutes ?? devis.dureeMinutes;
  const origineDuree = options.dureeMinutes !== undefined ? options.origineDuree : devis.origineDuree;
  // The base before the 80 % cap and the subsidies, which appliquerCredit deducts in one step for the three credits.
  const assiette: Assiette = {
    base: depensesFrance,
    budget,
    coutHorsFrais: cents(devis.total - montantFrais),
    dureeMinutes: duree,
    ...(origineDuree ? { origineDuree } : {}),
    depensesFrance,
  };
  const calc = appliquerCredit(assiette, options, figures);
  const subventions = calc.subventions;
  if (subventions && subventions.deduit !== 0)
    ajustements.push({ nom: AJUSTEMENT_SUBVENTIONS, montant: subventions.deduit, detail: subventions.detail });

  for (const a of ajustements) alertes.push(`Base réduite (${a.nom}) de ${formatMontantFr(a.montant)} : ${a.detail}.`);
  const surcharges = options.surcharges ?? new Map();
  for (const k of clesInconnues(surcharges, PREFIXE_CLES, connues(figures, options), CLES_CREDIT_IMPOT)) {
    // A key of the list (another regime's) is « sans objet », not a typo: no suggestion then.
    const proches = CLES_CREDIT_IMPOT.includes(k.cle) ? [] : k.proches;
    alertes.push(
      `${k.cellule} : paramètre « ${k.cle} » inconnu ou sans objet pour ce calcul, ignoré.${suggestionCle(proches)}`,
    );
  }
  return {
    regime: options.regime,
    genre: options.genre,
    annee: options.annee,
    ...(duree !== undefined ? { dureeMinutes: duree } : {}),
    budget,
    ...(calc.coutMinute !== undefined ? { coutMinute: calc.coutMinute } : {}),
    base: calc.base,
    ...(calc.plafondBase ? { plafondBase: calc.plafondBase } : {}),
    ...(subventions ? { subventions } : {}),
    taux: calc.taux.toString(),
    creditAvantPlafonds: calc.creditAvantPlafonds,
    plafonds: calc.plafonds,
    credit: calc.credit,
    eligible: calc.conditions.every((c) => c.remplie),
    conditions: calc.conditions,
    ajustements,
    baseParChapitre,
    lignes,
    alertes: [...calc.alertes, ...alertes, ...figures.surchargesUtilisees(), ...figures.aVerifier()],
    parametres: figures.utilises,
    tables: figures.tables(),
  };
}

/** Keys used here plus those of the other regimes/genres (known, just not relevant to this calculation). */
function connues(figures: Figures, o: OptionsCreditImpot): string[] {
  return [
    ...figures.utilises.map((p) => p.cle),
    ...CLES_CREDIT_IMPOT.filter((k) => !k.startsWith(`credit-impot.${o.regime}.`)),
  ];
}

/** Every overridable key (for the template « Paramètres » sheet and typo detection). */
export const CLES_CREDIT_IMPOT: readonly string[] = [
  "credit-impot.cinema.taux",
  "credit-impot.cinema.taux-majore",
  "credit-impot.cinema.part-plans-vfx",
  "credit-impot.cinema.plafond-oeuvre",
  "credit-impot.plafond-budget.part",
  "credit-impot.cinema.realisateur.tranche-1",
  "credit-impot.cinema.realisateur.tranche-2",
  "credit-impot.cinema.realisateur.tranche-3",
  ...GENRES_CREDIT.flatMap((g) => [
    `credit-impot.audiovisuel.taux.${g}`,
    `credit-impot.audiovisuel.plafond-minute.${g}`,
    `credit-impot.audiovisuel.minimum-minute.${g}`,
  ]),
  "credit-impot.audiovisuel.duree-minimum.fiction",
  "credit-impot.audiovisuel.duree-minimum.documentaire",
  "credit-impot.audiovisuel.duree-minimum.animation",
  "credit-impot.audiovisuel.minimum-minute.fiction-jeunesse",
  "credit-impot.audiovisuel.cout-minimum.documentaire",
  "credit-impot.international.jours-tournage-france",
  "credit-impot.audiovisuel.plafond-minute.fiction-coproduction",
  "credit-impot.audiovisuel.coproduction.part-etrangere",
  "credit-impot.audiovisuel.coproduction.cout-minute",
  "credit-impot.international.taux",
  "credit-impot.international.taux-vfx",
  "credit-impot.international.seuil-vfx",
  "credit-impot.international.part-plans-vfx",
  "credit-impot.international.part-budget",
  "credit-impot.international.plafond-oeuvre",
  "credit-impot.international.minimum-france",
  "credit-impot.international.part-france-petit-budget",
  "credit-impot.hebergement.paris",
  "credit-impot.hebergement.ailleurs",
  "credit-impot.aides-publiques.plafond",
  "credit-impot.aides-publiques.plafond-difficile",
  "credit-impot.international.plafond-aides-publiques",
  CLE_BASE_ARTISTES,
];
