import { ErreurDonnees } from "../erreurs";

/**
 * Ten years of working days: a longer step or lag is a typing error (a date or an amount in the duration column), and
 * the calendar would walk day by day through it before saying anything. Here rather than in retroplanning.ts, so
 * that the argument checks of src/app (and the custom functions through them) do not bring the scheduler along.
 */
export const JOURS_MAX = 2600;
/** The steps of a schedule, as read from a sheet or from the default post-production data. */
export interface Predecesseur {
  nom: string;
  /** Working days that must separate the predecessor's end from this step's start (finish-to-start lag). */
  decalage?: number;
}

export interface Etape {
  nom: string;
  /** Working days (or calendar days when `calendaire`); 0 = milestone. */
  dureeJoursOuvres: number;
  predecesseurs: Predecesseur[];
  /** Runs on calendar days (a shoot that works Saturdays). */
  calendaire?: boolean;
  jalon?: boolean;
  /** Where the step was read, for messages: 1-based row and "Feuille!A5". */
  ligne?: number;
  cellule?: string;
}

/** Bad schedule input: French message naming the step and its row. */
export class PlanningError extends ErreurDonnees {
  constructor(
    message: string,
    public readonly ligne?: number,
  ) {
    super(message);
  }
}

export function designation(e: Pick<Etape, "nom" | "ligne" | "cellule">): string {
  const ou = e.ligne ? ` (ligne ${e.ligne}${e.cellule ? `, ${e.cellule}` : ""})` : e.cellule ? ` (${e.cellule})` : "";
  return `« ${e.nom} »${ou}`;
}
