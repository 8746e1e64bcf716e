import type { Cents } from "../money/cents";
import type { Confiance } from "../regles/table";

/**
 * The calculators' categories (SeCO2, Carbon'Clap, Carbon Stage ask for the same five blocks plus post-production):
 * the « Bilan carbone » sheet, its export and the CLI JSON group activities by these codes.
 */
export type CodeCategorie =
  "transport" | "hebergement" | "repas" | "materiel" | "energie" | "achats" | "postproduction";

export const CATEGORIES: readonly { code: CodeCategorie; libelle: string }[] = [
  { code: "transport", libelle: "Transport de personnes" },
  { code: "hebergement", libelle: "Hébergement" },
  { code: "repas", libelle: "Repas" },
  { code: "materiel", libelle: "Matériel technique" },
  { code: "energie", libelle: "Énergie" },
  { code: "achats", libelle: "Achats et services" },
  { code: "postproduction", libelle: "Post-production" },
];

export function libelleCategorie(code: CodeCategorie): string {
  return CATEGORIES.find((c) => c.code === code)!.libelle;
}

/** activite = a physical quantity (km, repas, litres…); monetaire = euros × a money-based ratio. */
export type TypeFacteur = "activite" | "monetaire";

/** One emission factor of the rule table (or of the « Paramètres » sheet). */
export interface Facteur {
  code: string;
  libelle: string;
  categorie: CodeCategorie;
  type: TypeFacteur;
  /** kg CO₂e per `unite`, exact decimal string. */
  valeur: string;
  unite: string;
  /** "Base Carbone", "JORF", or "Paramètres" when the workbook gives it. */
  base: string;
  identifiant: string;
  nom: string;
  confiance: Confiance;
  source: string;
  /** The page where the value and its identifier were read (pinned), when the table gives it. */
  url?: string;
  /** The Paramètres cell that overrides (or provides) it. */
  surcharge?: string;
}

/** A category the table knows but cannot estimate: listed « facteur manquant », never estimated. */
export interface FacteurManquant {
  code: string;
  libelle: string;
  categorie: CodeCategorie;
  unite: string;
  raison: string;
  /** What the user should do instead (what the homologated calculators ask for), shown in the finding. */
  conseil?: string;
}

/**
 * A devis duration unit turned into days of use (« semaine de location = 5 jours »): a dated convention of the rule
 * table (or of the « Paramètres » sheet), with its confidence and its reason.
 */
export interface Conversion {
  code: string;
  libelle: string;
  /** Days per `de`, exact decimal string. */
  valeur: string;
  unite: string;
  de: "semaine" | "mois";
  fixeLe: string;
  confiance: Confiance;
  source: string;
  /** The Paramètres cell that overrides it. */
  surcharge?: string;
  /** The plan de travail sheet whose shooting weeks gave the days (a rented week of shooting equipment). */
  plan?: string;
}

/** What the devis said before a conversion into days: « 3 semaine × 5 j ». */
export interface ConversionAppliquee {
  /** Conversion code (« jours-par-semaine »). */
  code: string;
  /** The quantity read in the devis, in `unite` (exact decimal string). */
  quantite: string;
  unite: "semaine" | "mois";
  /** Days per unit used (exact decimal string). */
  jours: string;
  confiance: Confiance;
  /** The Paramètres cell that gave the days per unit, when the user typed them. */
  surcharge?: string;
  /** The plan de travail sheet whose shooting weeks gave the days per week. */
  plan?: string;
}

/** What Prodbook read for one activity (a devis line or a plan de travail count). */
export interface Activite {
  /** Stable key of the row in the « Bilan carbone » sheet: "devis:<feuille>!<ligne>" or "plan:…". */
  id: string;
  origine: "devis" | "plan";
  /** Where it was read ("'Budget'!B45"); the devis line's label cell, or the plan's column. */
  cellule: string;
  libelle: string;
  categorie: CodeCategorie;
  /** The calculator's line: « Train », « Hébergement (nuitées) », « Location caméra »… */
  poste: string;
  chapitre?: string;
  /** Activity quantity as read (exact decimal string); undefined when the devis does not give it. */
  quantite?: string;
  /** Weeks or months of the devis turned into days: the quantity and unit as read, and the days per unit. */
  conversion?: ConversionAppliquee;
  /** Live formula giving `quantite` from the producer's cells ("'Budget'!C45*'Budget'!E45"). */
  formuleQuantite?: string;
  unite: string;
  montant?: Cents;
  celluleMontant?: string;
  /** Factor code (from the table, or a « manquant » code). */
  facteur: string;
  /** What the user must complete or fix (listed in `manquants`), in French. */
  manques: string[];
  /** The missing activity quantity (distance, nights, litres…): listed until the user types it in the sheet. */
  manqueQuantite?: string;
  /** Assumptions Prodbook made (shown next to the row), in French. */
  notes: string[];
  /** The devis line's code, to find its réalisé in the Écarts sheet. */
  codeLigne?: string;
}

/** What the user typed in a previous « Bilan carbone » sheet, kept across refreshes (by activity id). */
export interface SaisieCarbone {
  quantite?: string;
  facteur?: string;
  quantiteRealisee?: string;
  realise?: Cents;
  commentaire?: string;
  /** The row's unit in that sheet (« semaine » before weeks were converted into days): not typed, read with it. */
  unite?: string;
}

export type Methode = "activite" | "monetaire" | "a-completer" | "facteur-manquant";

export const LIBELLES_METHODE: Record<Methode, string> = {
  activite: "donnée d'activité",
  monetaire: "ratio monétaire",
  "a-completer": "à compléter",
  "facteur-manquant": "facteur manquant",
};

/** An activity with the user's corrections applied and its estimate. */
export interface ActiviteEstimee extends Activite {
  /** Quantity used: the user's correction, else the one read. */
  quantiteRetenue?: string;
  corrigee: boolean;
  /** Factor code used (the user may have chosen another one in the sheet). */
  facteurRetenu: string;
  facteurTrouve?: Facteur;
  methode: Methode;
  /** Base of the estimate in the factor's unit (k€ HT for a money-based ratio). */
  base?: string;
  /** kg CO₂e, exact decimal string; undefined when not estimated. */
  kgCO2e?: string;
  realise?: Cents;
  /**
   * The réalisé came from the ledger (the « Écarts » sheet, at `cellule`, or the FEC given): written on the sheet as a
   * formula (a link to that cell, or the amount), so that the next run never reads it back as the user's input.
   */
  realiseDuGrandLivre?: { cellule?: string };
  quantiteRealisee?: string;
  /** kg CO₂e from actuals (quantité réalisée, or réalisé €). */
  kgCO2eDefinitif?: string;
  commentaire?: string;
}

/** A finding of the carbon collection: what to complete, and where. */
export interface Manquant {
  cellule: string;
  message: string;
}
