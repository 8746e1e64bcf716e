import type { CodeChapitre } from "./model";

/**
 * CNC devis nomenclature as data (domain-facts §1). Audiovisual grid: 9 chapters plus the block below the total.
 * Source: ArteGEIE/production-cost-analyzer cnc-grid.ts [M]; cinema 2018 sub-chapters from engintosun/prodapp [M].
 */
export interface Chapitre {
  code: CodeChapitre;
  libelle: string;
  /** Words that, in a line label or a section title, point to this chapter (normalised: lower case, no accents). */
  motsCles: string[];
}

export interface SousChapitre {
  code: string; // two digits
  libelle: string;
}

export const SOURCE_NOMENCLATURE = {
  audiovisuel: "https://github.com/ArteGEIE/production-cost-analyzer",
  cinema2018: "https://github.com/engintosun/prodapp",
} as const;

export const CHAPITRES_AUDIOVISUEL: readonly Chapitre[] = [
  { code: "1", libelle: "Droits artistiques", motsCles: ["droits", "droit d'auteur", "auteur", "scenario", "scenariste", "adaptation", "musique originale", "archives", "traduction", "sujet", "option", "autrice", "scenariste", "compositeur", "compositrice", "writer", "story rights", "music rights", "archive footage"] },
  { code: "2", libelle: "Personnel", motsCles: ["personnel", "equipe technique", "realisateur", "assistant", "directeur de production", "charge de production", "administrateur", "regisseur", "cadreur", "chef operateur", "directeur photo", "ingenieur du son", "chef op", "monteur", "scripte", "electricien", "machiniste", "jri", "preneur de son", "secretaire de production", "maquilleu", "costumier", "decorateur", "etalonneur", "realisatrice", "assistante", "directrice de production", "chargee de production", "administratrice", "regisseuse", "cadreuse", "cheffe", "monteuse", "electricienne", "etalonneuse", "mixeur", "mixeuse", "fixeur", "production manager", "editor", "camera operator", "sound recordist", "gaffer", "director", "line producer", "production coordinator", "production assistant"] },
  { code: "3", libelle: "Interprétation", motsCles: ["interpretation", "comedien", "acteur", "actrice", "role", "figurant", "figuration", "voix", "doublure", "cascadeur", "artiste interprete", "interpretes", "comedienne", "cast", "actor", "actress", "voice over", "narrator"] },
  { code: "4", libelle: "Charges sociales", motsCles: ["charges sociales", "charges patronales", "cotisations", "urssaf", "audiens", "conges spectacles", "agessa", "charges"] },
  { code: "5", libelle: "Décors et costumes", motsCles: ["decor", "costume", "accessoire", "studio", "construction", "maquillage", "coiffure", "habillage", "props", "wardrobe"] },
  { code: "6", libelle: "Transports, défraiements, régie", motsCles: ["transport", "defraiement", "regie", "voyage", "train", "avion", "hotel", "hebergement", "repas", "restauration", "catering", "per diem", "vehicule", "carburant", "peage", "taxi", "location vehicule", "nuitee", "ferry", "billet", "travel", "flights", "accommodation", "catering"] },
  { code: "7", libelle: "Moyens techniques", motsCles: ["moyens techniques", "camera", "objectif", "lumiere", "eclairage", "machinerie", "materiel", "drone", "grip", "son hf", "location materiel", "consommables", "optique", "equipment rental", "lighting"] },
  { code: "8", libelle: "Post-production", motsCles: ["post-production", "postproduction", "post production", "montage", "mixage", "etalonnage", "laboratoire", "pellicule", "vfx", "effets visuels", "generique", "sous-titrage", "pad", "master", "bruitage", "auditorium", "conformation", "dcp", "salle de montage", "editing", "grading", "colour grading", "color grading", "sound mix"] },
  { code: "9", libelle: "Assurances et divers", motsCles: ["assurance", "divers", "frais juridiques", "avocat", "expert-comptable", "commissaire aux comptes", "publicite", "promotion", "insurance", "legal fees"] },
  { code: "FG", libelle: "Frais généraux", motsCles: ["frais generaux", "frais de structure", "overhead"] },
  { code: "IMP", libelle: "Imprévus", motsCles: ["imprevus", "imprevu", "contingency", "aleas"] },
  { code: "FF", libelle: "Frais financiers", motsCles: ["frais financiers", "agios", "interets", "frais bancaires"] },
  { code: "PROD", libelle: "Rémunération du producteur", motsCles: ["remuneration du producteur", "remuneration producteur", "salaire producteur", "producteur delegue", "remuneration du producteur delegue"] },
];

/** Cinema "devis détaillé" 2018, two-digit sub-chapters as far as known (the full line list was not found). */
export const SOUS_CHAPITRES_CINEMA_2018: Readonly<Record<string, readonly SousChapitre[]>> = {
  "1": [
    { code: "11", libelle: "Sujet" },
    { code: "19", libelle: "Agents littéraires et conseils" },
  ],
  "2": [{ code: "21", libelle: "Producteurs" }],
  "3": [
    { code: "31", libelle: "Rôles principaux" },
    { code: "39", libelle: "Agents artistiques" },
  ],
  "4": [
    { code: "41", libelle: "Charges sociales" },
    { code: "47", libelle: "Impôts et taxes imputés au film" },
  ],
  "5": [
    { code: "51", libelle: "Studio" },
    { code: "52", libelle: "Décors naturels" },
    { code: "53", libelle: "Aménagements décors" },
    { code: "54", libelle: "Meubles et accessoires" },
    { code: "55", libelle: "Animaux" },
    { code: "56", libelle: "Moyens de transports (à l'image)" },
    { code: "57", libelle: "Effets spéciaux et cascades" },
    { code: "58", libelle: "Costumes" },
    { code: "59", libelle: "Maquillage et coiffure" },
  ],
  "6": [
    { code: "67", libelle: "Transitaire et douane" },
    { code: "68", libelle: "Bureaux et frais afférents" },
    { code: "69", libelle: "Régie et divers" },
  ],
  "7": [
    { code: "71", libelle: "Prise de vues" },
    { code: "76", libelle: "Pellicules et supports" },
  ],
  "8": [{ code: "81", libelle: "Postproduction image et son" }],
  "9": [
    { code: "91", libelle: "Assurances" },
    { code: "92", libelle: "Publicité, promotion, divers" },
    { code: "93", libelle: "Frais juridiques, divers, certification des comptes" },
    { code: "94", libelle: "Frais financiers" },
  ],
};

export const LIBELLES_CINEMA: Readonly<Partial<Record<CodeChapitre, string>>> = {
  "3": "Équipe artistique",
  "4": "Charges sociales et fiscales",
  "5": "Décors, costumes, maquillage, coiffure",
  "8": "Postproduction image et son",
};

export const ORDRE_CHAPITRES: readonly CodeChapitre[] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "FG", "IMP", "FF", "PROD"];

export function libelleChapitre(code: CodeChapitre, type: "audiovisuel" | "cinema" = "audiovisuel"): string {
  if (type === "cinema" && LIBELLES_CINEMA[code]) return LIBELLES_CINEMA[code] as string;
  const c = CHAPITRES_AUDIOVISUEL.find((x) => x.code === code);
  return c ? c.libelle : code;
}
