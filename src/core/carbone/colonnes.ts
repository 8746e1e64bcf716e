/**
 * Columns of the activity table of the « Bilan carbone » sheet (0-based), shared by the writer and by the reader
 * that keeps the user's corrections across refreshes.
 */
export const COL = {
  id: 0,
  source: 1,
  libelle: 2,
  categorie: 3,
  poste: 4,
  chapitre: 5,
  quantiteLue: 6,
  quantite: 7,
  unite: 8,
  montant: 9,
  facteur: 10,
  valeur: 11,
  uniteFacteur: 12,
  base: 13,
  previsionnel: 14,
  methode: 15,
  realise: 16,
  quantiteRealisee: 17,
  definitif: 18,
  aFaire: 19,
  commentaire: 20,
  facteurPropose: 21,
} as const;

export const ENTETES_ACTIVITES = [
  "Id",
  "Source",
  "Libellé",
  "Catégorie",
  "Poste du calculateur",
  "Chapitre",
  "Quantité lue",
  "Quantité retenue",
  "Unité",
  "Montant devis (€)",
  "Code facteur",
  "Facteur (kg CO₂e / unité)",
  "Unité du facteur",
  "Base de calcul",
  "Prévisionnel (t CO₂e)",
  "Méthode",
  "Réalisé (€)",
  "Quantité réalisée",
  "Définitif (t CO₂e)",
  "À compléter / hypothèses",
  "Commentaire",
  "Code proposé",
];

/** Columns of the factor table on the same sheet. */
export const COL_FACTEUR = {
  code: 0,
  libelle: 1,
  valeur: 2,
  unite: 3,
  type: 4,
  base: 5,
  identifiant: 6,
  nom: 7,
  confiance: 8,
  source: 9,
};

export const ENTETES_FACTEURS = [
  "Code",
  "Libellé",
  "kg CO₂e / unité",
  "Unité",
  "Type",
  "Base",
  "Identifiant",
  "Élément",
  "Confiance",
  "Source",
];

export const TYPE_ACTIVITE = "donnée d'activité";
export const TYPE_MONETAIRE = "ratio monétaire";
export const TYPE_MANQUANT = "facteur manquant";
export const A_COMPLETER = "à compléter";

export const NOM_FEUILLE_CARBONE = "Bilan carbone";
export const NOM_FEUILLE_EXPORT = "Export carbone";

export const AVERTISSEMENT_HOMOLOGATION =
  "Le bilan remis au CNC (prévisionnel et définitif, RGA art. 122-18) doit être fait avec un outil homologué : SeCO2, " +
  "Carbon'Clap ou Carbon Stage. Prodbook prépare les données et donne une pré-estimation.";
