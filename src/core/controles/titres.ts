import type { Gravite } from "./constat";

/**
 * The French title of every finding code, in one place: the pane and the « Contrôles » sheets show the title
 * (« Montant ≠ quantité × taux »), never the code. The code (`Constat.regle`) stays in the CLI's JSON, where it
 * is a public contract. A test checks that every code the engine can emit has a title here.
 */
export const TITRES_CONSTATS: Readonly<Record<string, string>> = {
  // Devis
  "montant-calcul": "Montant ≠ quantité × taux",
  "montant-illisible": "Montant illisible",
  "montant-tarif": "Tarif saisi à la place du montant",
  "montant-ambigu": "Montant ambigu (décimales ou milliers)",
  "montant-sous-centime": "Montant arrondi au centime",
  "montant-taxe-ecrite": "Mention HT ou TTC contraire à la colonne",
  "montant-devise": "Montant dans une autre devise que l'euro",
  "unite-milliers": "Montants en milliers ou millions d'euros",
  "montant-pourcentage": "Pourcentage lu comme taux de la ligne",
  "remise-positive": "Remise au montant positif",
  "formule-sans-resultat": "Formule sans résultat enregistré",
  "sous-total-producteur": "Sous-total ≠ somme des lignes",
  "total-producteur": "Total ≠ somme des lignes",
  "total-non-prouve": "Total non prouvé, compté comme ligne",
  "quantite-texte": "Montant calculé d'une quantité en texte",
  "total-partiel": "Total d'une partie des lignes seulement",
  "lignes-masquees": "Lignes masquées lues dans le devis",
  "ligne-hors-chapitre": "Montant hors chapitre",
  "ligne-sous-total": "Ligne sous le total du devis",
  "chapitre-deduit-anglais": "Chapitre déduit d'un libellé anglais",
  "repartition-france-etranger": "Parts France et étranger ≠ montant",
  "territoire-hors-bornes": "Part France hors de 0 à 100 %",
  "territoire-ambigu": "Part France ambiguë (% ou fraction)",
  "territoire-illisible": "Territoire illisible, part France non lue",
  "charges-sociales-absentes": "Charges sociales absentes",
  "frais-generaux-taux": "Frais généraux au-delà du taux",
  "imprevus-taux": "Imprévus au-delà du taux",
  "frais-cinema-taux": "Frais généraux ou imprévus au-delà du taux",
  "salaire-minimum": "Salaire sous le minimum conventionnel",
  "grille-minima-inconnue": "Grille des minima inconnue à cette date",
  "devis-parametre-inconnu": "Paramètre inconnu",
  "parametre-non-lu": "Paramètre lu par aucun calcul",
  "montant-hors-lignes": "Montant lu hors des lignes",
  "report-non-prouve": "Report ou total de page non prouvé",
  "colonnes-lues": "Colonne des montants choisie",
  "feuille-lue": "Feuille lue",
  "nouvel-entete": "Second tableau lu selon son en-tête",
  "montants-non-lus": "Montants du devis non lus, hors calcul",
  "ht-tva-ttc": "HT + TVA ≠ TTC",
  // Planning (temps de travail)
  "duree-quotidienne": "Journée trop longue",
  "repos-quotidien": "Repos quotidien trop court",
  "duree-hebdomadaire": "Semaine trop longue",
  "heures-supplementaires": "Heures supplémentaires",
  "travail-dimanche": "Travail du dimanche",
  "travail-jour-ferie": "Travail un jour férié",
  "livraison-jour-ouvre": "Livraison un jour non ouvré",
  "livraison-avant-fin-plan": "Journées du plan après la livraison",
  "feuilles-non-lues": "Feuille de planning non lue",
  "convention-supposee": "Convention collective supposée",
  "convention-deduite": "Convention déduite du type d'œuvre",
  "conventions-semaine": "Deux conventions dans la semaine",
  "lignes-masquees-planning": "Lignes masquées lues dans le planning",
  "ligne-en-double": "Ligne du plan de travail en double",
  "total-plan-de-travail": "Ligne de total du plan de travail",
  "livraison-ambigue": "Plusieurs dates de livraison",
  "livraison-saisie": "Livraison saisie, autre que la feuille",
  "temps-de-travail-parametre": "Paramètre du classeur utilisé",
  "temps-de-travail-parametre-inconnu": "Paramètre inconnu",
  // Plan de financement
  "aides-cnc": "Aides du CNC",
  equilibre: "Équilibre du plan",
  "lecture-plan": "Lecture du plan de financement",
  "versement-sans-date": "Versement sans date",
  "diffuseurs-fsa": "Apport des diffuseurs (FSA)",
  "source-non-classee": "Financeur non classé",
  "lignes-masquees-plan": "Lignes masquées lues dans le plan",
  "intensite-aides-publiques": "Intensité des aides publiques",
  "total-plan": "Total du plan ≠ somme des financements",
  "pourcent-plan": "Pourcentage du plan ≠ montants",
  "statut-envisage": "Financements seulement envisagés",
  "credit-impot-calcule": "Crédit d'impôt calculé",
  "credit-impot-non-ajoute": "Crédit d'impôt non ajouté",
  "genre-duree-sans-effet": "Genre ou durée sans effet",
  "cout-plan-devis": "Coût du plan différent du devis",
  "intensite-aides-parametre": "Paramètre du classeur utilisé",
  "intensite-aides-parametre-inconnu": "Paramètre inconnu",
  // Écarts (Grand livre)
  "conservation-classe-6": "Classe 6 incomplète",
  "conservation-lignes": "Lignes du grand livre non comptées",
  "correspondance-sans-compte": "Correspondance sans compte du grand livre",
  "correspondance-sans-section": "Correspondance sans section du grand livre",
  "lignes-fec-rejetees": "Lignes du FEC rejetées",
  "fec-ecritures-en-double": "Écritures du FEC en double",
  "fec-entete-repete": "En-tête du FEC répété",
  "comptes-non-affectes": "Comptes sans poste",
  "postes-hors-devis": "Poste absent du devis",
  "grand-livre-sans-charges": "Grand livre sans charges",
  "grand-livre-fichier": "Fichier du grand livre à vérifier",
  "correspondances-colonnes": "Colonne ignorée (correspondances)",
  "correspondance-laissee": "Correspondance laissée de côté",
};

/** What each severity is called, singular and plural (the pane writes « 2 alertes », the sheets « Alerte »). */
export const GRAVITES: Readonly<Record<Gravite, { singulier: string; pluriel: string; titre: string }>> = {
  erreur: { singulier: "erreur", pluriel: "erreurs", titre: "Erreurs" },
  alerte: { singulier: "alerte", pluriel: "alertes", titre: "Alertes" },
  info: { singulier: "information", pluriel: "informations", titre: "Informations" },
};

/** The title of a finding code; an unknown code (a newer engine) gets a neutral word, never the code itself. */
export function titreConstat(regle: string): string {
  return Object.prototype.hasOwnProperty.call(TITRES_CONSTATS, regle) ? TITRES_CONSTATS[regle] : "Constat";
}
