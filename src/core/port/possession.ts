import { ConflitFeuilleError, LIGNES_MAX_FEUILLE, LONGUEUR_MAX_NOM_FEUILLE, type SheetSpec } from "./workbook";
import { ErreurDonnees } from "../erreurs";
import { milliers } from "../util/texte";
import { listeInline } from "./listes";
import { celluleRef, rectanglePlage } from "../util/adresse";

/** Name of the very hidden sheet listing Prodbook's own sheets (one name per row, column A). */
export const FEUILLE_REGISTRE = "_prodbook";

const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Checks that every spec targets either a new sheet or one of Prodbook's own sheets (Excel compares
 * sheet names case-insensitively). Throws ConflitFeuilleError on the first user sheet found.
 *
 * What the user's workbook can hold in the way (a sheet, a table of the same name) is said in French for the user
 * (ConflitFeuilleError, ErreurDonnees naming the table and the sheet); choisirNomFeuille keeps every name Prodbook
 * picks valid and free. The plain `Error`s here and in verifierTables / verifierSpecs are Prodbook's own specs
 * contradicting themselves (a sheet written twice in one call, a table name or range of its own that is wrong): a bug,
 * left as an internal error on purpose.
 */
export function verifierPossession(specs: SheetSpec[], existantes: string[], prodbook: string[]): void {
  verifierSpecs(specs);
  const vus: string[] = [];
  for (const s of specs) {
    if (egal(s.name, FEUILLE_REGISTRE)) throw new ConflitFeuilleError(s.name);
    if (vus.some((v) => egal(v, s.name)))
      throw new Error(`La feuille « ${s.name} » est demandée deux fois dans la même écriture.`);
    vus.push(s.name);
    const existe = existantes.some((e) => egal(e, s.name));
    if (existe && !prodbook.some((p) => egal(p, s.name))) throw new ConflitFeuilleError(s.name);
  }
}

/** The registry after writing `specs`: old names kept (in order), new ones appended, no duplicates. */
export function registreApres(prodbook: string[], specs: SheetSpec[]): string[] {
  const out = prodbook.slice();
  for (const s of specs) if (!out.some((p) => egal(p, s.name))) out.push(s.name);
  return out;
}

/** The existing sheet name matching `nom` case-insensitively, if any. */
export function nomExistant(nom: string, existantes: string[]): string | undefined {
  return existantes.find((e) => egal(e, nom));
}

/**
 * Table names must be valid Excel names and unique in the workbook (tables of the sheets not being
 * rewritten included): a duplicate makes Excel repair, i.e. drop, the table.
 */
export function verifierTables(specs: SheetSpec[], tablesAilleurs: string[]): void {
  const ailleurs = new Set(tablesAilleurs.map((t) => t.toLowerCase()));
  const vus: string[] = [];
  for (const s of specs) {
    for (const t of s.tables ?? []) {
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(t.name) || /^[A-Za-z]{1,3}\d+$/.test(t.name) || /^[rc]$/i.test(t.name)) {
        throw new Error(
          `Nom de table invalide « ${t.name} » (feuille « ${s.name} ») : lettres, chiffres, _ et . seulement, sans espace, et pas ` +
            `une adresse de cellule.`,
        );
      }
      // A table of the user's (or copied from a Prodbook sheet) already has the name: theirs to rename, never ours to
      // take (Excel would drop one of the two).
      if (ailleurs.has(t.name.toLowerCase()))
        throw new ErreurDonnees(
          `Le classeur a déjà un tableau nommé « ${t.name} » : Prodbook a besoin de ce nom pour sa feuille « ${s.name} ». ` +
            `Renommez ce tableau dans Excel (Création de tableau › Nom du tableau), puis recommencez.`,
        );
      if (vus.includes(t.name.toLowerCase()))
        throw new Error(`Le nom de table « ${t.name} » (feuille « ${s.name} ») est déjà utilisé dans le classeur.`);
      vus.push(t.name.toLowerCase());
    }
    // Excel repairs (drops) a table that overlaps another table or a merged range.
    const zones = [
      ...(s.tables ?? []).map((t) => ({ nom: `la table ${t.name}`, p: rectanglePlage(t.range) })),
      ...(s.merges ?? []).map((m) => ({ nom: `la fusion ${m}`, p: rectanglePlage(m) })),
    ];
    for (const t of s.tables ?? []) {
      const a = rectanglePlage(t.range);
      const autre = zones.find(
        (z) => z.nom !== `la table ${t.name}` && a.r1 <= z.p.r2 && z.p.r1 <= a.r2 && a.c1 <= z.p.c2 && z.p.c1 <= a.c2,
      );
      if (autre) throw new Error(`Feuille « ${s.name} » : la table ${t.name} (${t.range}) chevauche ${autre.nom}.`);
    }
  }
}

/** Checks made before anything is written, so that a bad spec never leaves a half-written workbook. */
export function verifierSpecs(specs: SheetSpec[]): void {
  for (const s of specs) {
    const n = s.name;
    if (
      !n.trim() ||
      n.length > LONGUEUR_MAX_NOM_FEUILLE ||
      /[\\/?*[\]:]/.test(n) ||
      n.startsWith("'") ||
      n.endsWith("'")
    ) {
      throw new Error(
        `Nom de feuille invalide « ${n} » : 1 à ${LONGUEUR_MAX_NOM_FEUILLE} caractères, sans \\ / ? * [ ] : ni apostrophe au début ` +
          `ou à la fin.`,
      );
    }
    for (const v of s.validations ?? []) if (Array.isArray(v.list)) listeInline(v.list, `${n}!${v.range}`);
    const lignes = s.rows.length + (s.bulk?.count ?? 0);
    if (lignes > LIGNES_MAX_FEUILLE) throw new FeuilleTropGrandeError(n, lignes);
    s.rows.forEach((ligne, r) => verifierTextesLigne(n, r, ligne));
  }
}

/**
 * Refuses a text of this row (0-based `r` on sheet `feuille`) longer than a cell holds, naming its cell: the one check
 * of verifierSpecs (rows given up front) and of the adapters (rows generated while writing, e.g. a Grand livre).
 */
export function verifierTextesLigne(feuille: string, r: number, ligne: readonly unknown[]): void {
  ligne.forEach((c, k) => verifierTexteCellule(feuille, r, k, c));
}

/** The same check for one cell (row `r`, column `k`, both 0-based). */
export function verifierTexteCellule(feuille: string, r: number, k: number, c: unknown): void {
  if (typeof c === "string" && c.length > CARACTERES_MAX_CELLULE)
    throw new TexteTropLongError(celluleRef(feuille, r, k), c.length);
}

/** The most characters a cell holds (Excel's specifications and limits). */
export const CARACTERES_MAX_CELLULE = 32767;

/**
 * A text longer than a cell holds (a 40 000-character label of a FEC line): written, it made a workbook Excel repairs
 * on opening. A data error (exit 2 in the CLI), naming the cell it was for; the adapters check the generated rows too.
 */
export class TexteTropLongError extends ErreurDonnees {
  constructor(
    public readonly cellule: string,
    public readonly longueur: number,
  ) {
    super(
      `le texte de la cellule ${cellule} aurait ${milliers(longueur)} caractères : une cellule Excel en tient au plus ` +
        `${milliers(CARACTERES_MAX_CELLULE)} ; raccourcissez-le à sa source (un libellé du FEC ou d'un fichier lu).`,
    );
  }
}

/** More rows than a worksheet holds: the data, not the program, is at stake (exit 2 in the CLI). */
export class FeuilleTropGrandeError extends ErreurDonnees {
  constructor(
    public readonly feuille: string,
    public readonly lignes: number,
  ) {
    super(
      `La feuille « ${feuille} » aurait ${milliers(lignes)} lignes : une feuille Excel en contient ` +
        `au plus ${milliers(LIGNES_MAX_FEUILLE)}.`,
    );
  }
}
