import { nomVisible } from "../util/nomsFeuilles";
import { sumCents, type Cents } from "../money/cents";
import { ErreurDonnees } from "../erreurs";

/** One line of the structured devis as saved in a version (a row of the « Versions » table). */
export interface LigneVersion {
  /** 1-based rank of the line in its version (the devis order). */
  numero: number;
  /**
   * CNC chapter code ("1".."9", "FG", "IMP", "FF", "PROD"), or CHAPITRE_NON_PLACE ("?") for a line the devis could not
   * place in a chapter: kept in the version, shown apart (« Non placé »), never counted in its total.
   */
  chapitre: string;
  sousChapitre?: string;
  code?: string;
  libelle: string;
  /** Decimal strings (dot), as read from the devis. */
  quantite?: string;
  nombre?: string;
  unite?: string;
  /** Unit rate in euros, decimal string. */
  taux?: string;
  montant: Cents;
  /** The producer's cell of the amount when the version was saved ("'Budget'!G12"). */
  cellule: string;
}

/** The chapter of a line the devis did not place (the devis's « nonPlaces »); old « Versions » sheets hold it too. */
export const CHAPITRE_NON_PLACE = "?";
/** How sheets, CLI and pane name those lines, as `prodbook devis` does (« Montants non placés (hors total) »). */
export const LIBELLE_NON_PLACE = "Non placé (hors total)";

export const estNonPlacee = (l: Pick<LigneVersion, "chapitre">): boolean => l.chapitre === CHAPITRE_NON_PLACE;

/** A version's total: its placed lines, as the devis total (the unplaced lines are apart). */
export function totalVersion(lignes: readonly LigneVersion[]): Cents {
  return sumCents(lignes.filter((l) => !estNonPlacee(l)).map((l) => l.montant));
}

/** A version's unplaced lines (chapter « ? »), in devis order. */
export const lignesNonPlacees = (lignes: readonly LigneVersion[]): LigneVersion[] => lignes.filter(estNonPlacee);

/** A named snapshot of the structured devis. */
export interface Version {
  nom: string;
  /** ISO date "AAAA-MM-JJ". */
  date: string;
  auteur: string;
  lignes: LigneVersion[];
}

/** Name of the current devis when compared with a saved version (CLI: --a courant). */
export const VERSION_COURANTE = "courant";

/**
 * A name holding a character that prints as nothing or turns the text around (U+200B, U+202E): refused, the character
 * shown, so that the version is never saved under a name no one can type again.
 */
function invisible(nom: string, quoi: string): void {
  if (/[\p{Cf}\p{Cc}]/u.test(nom))
    throw new ErreurDonnees(
      `${quoi} « ${nomVisible(nom)} » contient un caractère invisible (montré entre ⟨ ⟩) : retapez-le sans.`,
    );
}

/** A version name the user gave: trimmed, not empty, not the reserved « courant ». */
export function nomVersionValide(nom: string): string {
  const n = nom.replace(/\s+/g, " ").trim();
  if (!n)
    throw new ErreurDonnees(
      "Le nom de la version est vide : donnez-lui un nom (« Devis initial », « Dépôt agrément »…).",
    );
  if (n.toLowerCase() === VERSION_COURANTE)
    throw new ErreurDonnees(`« ${VERSION_COURANTE} » désigne le devis actuel : choisissez un autre nom de version.`);
  if (n.length > 100) throw new ErreurDonnees(`Le nom de version « ${n.slice(0, 40)}… » dépasse 100 caractères.`);
  invisible(n, "Le nom de version");
  return n;
}

/**
 * The author the user gave (may be empty), trimmed; past 100 characters refused as a name is: a cell holds at most
 * 32 767 (a longer text made a workbook Excel repairs on opening), and an author is a name, not a paste.
 */
export function auteurVersionValide(auteur: string): string {
  const a = auteur.replace(/\s+/g, " ").trim();
  if (a.length > 100) throw new ErreurDonnees(`Le nom d'auteur « ${a.slice(0, 40)}… » dépasse 100 caractères.`);
  invisible(a, "Le nom d'auteur");
  return a;
}

export class VersionExistanteError extends ErreurDonnees {
  constructor(public readonly nom: string) {
    super(`Une version « ${nom} » existe déjà : confirmez pour la remplacer.`);
  }
}

export class VersionIntrouvableError extends ErreurDonnees {
  constructor(
    public readonly nom: string,
    existantes: string[],
  ) {
    super(
      existantes.length
        ? `Aucune version « ${nom} » dans le classeur (versions : ${existantes.map((e) => `« ${e} »`).join(", ")}).`
        : `Aucune version « ${nom} » : le classeur n'a encore aucune version enregistrée.`,
    );
  }
}

/**
 * Two version names are one whatever their case, their spaces (« V  1 » is « V 1 », as the name is saved), the way
 * their accents are encoded (« é » typed as one character or as « e » and its accent, as macOS may) and their accents
 * themselves: « Devis definitif », typed on a keyboard without accents, is « Devis définitif » (saving it is refused
 * without --remplacer, comparing with it finds it). The pane, the CLI and the sheet's reading compare names so.
 */
export function cleNomVersion(nom: string): string {
  return nom.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** The name exactly as saved (only spaces and the encoding of accents set aside), case aside. */
const cleExacte = (nom: string) => nom.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();

/**
 * The version `nom` designates: its exact name (case aside) first, then the one name equal to it accents aside. A
 * sheet saved before names were compared without accents may hold both « Devis définitif » and « Devis definitif »:
 * each is found by its exact name, and a name matching both accents aside is refused, both named, rather than one
 * picked. Undefined when none matches.
 */
export function versionNommee<T extends { nom: string }>(versions: readonly T[], nom: string): T | undefined {
  const exacte = versions.find((v) => cleExacte(v.nom) === cleExacte(nom));
  if (exacte) return exacte;
  const semblables = versions.filter((v) => cleNomVersion(v.nom) === cleNomVersion(nom));
  if (semblables.length > 1)
    throw new ErreurDonnees(
      `« ${nom.replace(/\s+/g, " ").trim()} » désigne ${semblables.map((v) => `« ${v.nom} »`).join(" et ")}, qui ne ` +
        `diffèrent que par leurs accents ou leurs majuscules : tapez le nom exact de la version voulue.`,
    );
  return semblables[0];
}
