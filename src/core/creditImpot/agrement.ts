import type { Source } from "../regles/table";
import type { RegimeCredit } from "./modele";

const CNC: Source = {
  titre: "CNC — Crédit d'impôt cinéma (agréments, barème de points)",
  url: "https://www.cnc.fr/professionnels/aides-et-financements/cinema/production/credit-dimpot-cinema_132769",
};
const DESCRIPTIF: Source = {
  titre: "CNC — descriptif complet du crédit d'impôt",
  url: "http://www.cnc.fr/web/fr/descriptif-complet21",
};
const SENAT: Source = {
  titre: "Sénat, rapport LF 2006 (dépenses retenues à compter de la demande d'agrément)",
  url: "http://www2.senat.fr/rap/l05-099-21-1/l05-099-21-122.html",
};
const H3P: Source = {
  titre: "Transparence financière en audiovisuel (certification du coût définitif)",
  url: "http://www.h3p.com/transparence-financiere-audiovisuel/",
};
const FISC: Source = {
  titre: "Fiscalonline — crédit d'impôt international",
  url:
    "https://fiscalonline.com/Entreprise/" +
    "credit-d-impot-cinematographique-international-bercy-commente-les-derniers-amenagements-legislatifs",
};

export interface EtapeAgrement {
  texte: string;
  precision: string;
  regimes: RegimeCredit[];
  sources: Source[];
}

const TOUS: RegimeCredit[] = ["cinema", "audiovisuel", "international"];
const SEXIES: RegimeCredit[] = ["cinema", "audiovisuel"];

/** Agrément provisoire: what to request and gather (domain-facts §2.1 « Agréments » ; indicative list, confirm with the CNC). */
export const CHECKLIST_AGREMENT: readonly EtapeAgrement[] = [
  {
    texte: "Déposer la demande d'agrément provisoire au CNC avant le premier jour de tournage",
    precision: "Les dépenses ne sont retenues qu'à compter de la réception de la demande.",
    regimes: TOUS,
    sources: [CNC, SENAT],
  },
  {
    texte: "Devis détaillé de l'œuvre",
    precision: "Avec la répartition des dépenses engagées en France et hors de France.",
    regimes: TOUS,
    sources: [CNC],
  },
  {
    texte: "Plan de financement prévisionnel",
    precision: "Aides publiques comprises (plafond d'intensité).",
    regimes: TOUS,
    sources: [CNC],
  },
  {
    texte: "Liste des dépenses éligibles au crédit d'impôt",
    precision: "Celle de la feuille « Crédit d'impôt », base par chapitre.",
    regimes: TOUS,
    sources: [CNC],
  },
  {
    texte: "Barème de points rempli",
    precision:
      "Langue de tournage, auteurs, artistes-interprètes, équipe technique, industries techniques, lieux de tournage.",
    regimes: TOUS,
    sources: [CNC, DESCRIPTIF],
  },
  {
    texte: "Contrats des auteurs et du réalisateur",
    precision: "Cession de droits, rémunérations.",
    regimes: SEXIES,
    sources: [CNC],
  },
  {
    texte: "Liste de l'équipe technique et artistique",
    precision: "Fonctions et nationalités (barème de points).",
    regimes: TOUS,
    sources: [CNC],
  },
  {
    texte: "Plan de tournage avec les lieux et les dates",
    precision: "Pour l'international : au moins 5 jours de tournage en France pour une œuvre en prise de vues réelles.",
    regimes: TOUS,
    sources: [CNC, FISC],
  },
  {
    texte: "Respect de la législation sociale par le producteur délégué",
    precision: "Pas de CDD d'usage pour des emplois permanents.",
    regimes: SEXIES,
    sources: [CNC],
  },
  {
    texte: "Contrat avec le producteur étranger (production exécutive)",
    precision: "Œuvre d'initiative étrangère, non aidée par le CNC.",
    regimes: ["international"],
    sources: [FISC],
  },
  {
    texte: "Co-délégués : répartir le crédit selon les dépenses supportées",
    precision: "Et non selon les parts de coproduction.",
    regimes: SEXIES,
    sources: [CNC],
  },
  {
    texte: "Après l'achèvement : demander l'agrément définitif",
    precision:
      "Audiovisuel : après l'autorisation définitive du soutien du CNC ; coût définitif certifié par un commissaire aux comptes.",
    regimes: TOUS,
    sources: [CNC, H3P],
  },
];
