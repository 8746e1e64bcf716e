import brut from "../regles/data/nomenclature-cnc.json";
import type { CodeChapitre } from "./model";

/**
 * The CNC chapters' codes and names alone, read straight from the nomenclature's one data table
 * (src/core/regles/data/nomenclature-cnc.json, its last version) without loading the rule-table machinery (valibot,
 * the schemas): `prodbook versions` names the chapters of a comparison and needs nothing else of the nomenclature.
 * nomenclature.ts re-exports both and validates the same table at load against its schema (so does the test of every
 * data table), so every other command still reads a validated nomenclature; the data has one source.
 */
const CHAPITRES: readonly { code: string; libelle: string }[] =
  brut.versions[brut.versions.length - 1].valeurs.chapitres;

/** Every chapter in the devis order: 1 to 9, then FG, IMP, FF, PROD. */
export const ORDRE_CHAPITRES: readonly CodeChapitre[] = CHAPITRES.map((c) => c.code as CodeChapitre);

const LIBELLES = new Map<string, string>(CHAPITRES.map((c) => [c.code, c.libelle]));

/**
 * The one name of a chapter: `prodbook devis`, `prodbook credit-impot` (any regime), the sheets and the pane print the
 * same name for the same chapter, whatever the type of work (the 2018 cinema devis titles are recognised, not printed).
 */
export function libelleChapitre(code: CodeChapitre): string {
  return LIBELLES.get(code) ?? code;
}
