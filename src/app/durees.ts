import { minutesFr } from "../core/util/texte";

/**
 * Durations written in the workbook but not taken, as every door names them. Apart from ./commandes/production (which
 * re-exports them) so that the CLI's argument helpers do not load the production context and the devis reader with
 * them: `prodbook fec` started 0.1 s slower for it.
 */

/** A duration written in the workbook, with its cell (« 52 » in 'Budget'!A2). */
export interface DureeEcrite {
  minutes: string;
  cellule: string;
}

/** Durations written but not taken, as the messages name them: « 52 min ('Budget'!A2), 90 min ('Budget'!A2) ». */
export const nommerDurees = (d: readonly DureeEcrite[]) =>
  d.map((x) => `${minutesFr(x.minutes)} min (${x.cellule})`).join(", ");

/** What a use case says of durations written but not taken (« 52 min ('Budget'!A2), 90 min ('Budget'!A2) »). */
export const texteDureesAmbigues = (d: readonly DureeEcrite[]) =>
  `le classeur écrit plusieurs durées, aucune n'est prise : ${nommerDurees(d)}`;
