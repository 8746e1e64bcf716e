import { ErreurDonnees } from "../../erreurs";
/** FEC header: separator detection and column positions (names matched case-insensitively). */

export type Separateur = "tab" | "pipe";

export const CHAMPS_FEC = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
  "Montant",
  "Sens",
  "CodeEtablissement",
  "DateRglt",
  "ModeRglt",
  "NatOp",
  "IdClient",
] as const;
export type ChampFec = (typeof CHAMPS_FEC)[number];

/** Text fields where a stray separator may hide (a broken export); EcritureLib is tried first. */
export const CHAMPS_TEXTE: readonly ChampFec[] = ["EcritureLib", "CompteLib", "CompAuxLib", "JournalLib", "PieceRef"];

/**
 * The 18 columns of the FEC norm (article A47 A-1 of the LPF), in its order; Montant and Sens may stand for Debit and
 * Credit. Their values may be empty for some (CompAuxNum, EcritureLet…), the columns themselves may not be left out.
 */
export const COLONNES_NORME_FEC: readonly ChampFec[] = CHAMPS_FEC.slice(0, 18);

/**
 * The columns of the norm absent from the header, beyond those without which nothing can be read (refused by
 * lireEntete): a finding, the amounts being read all the same. Debit/Credit count as present when Montant/Sens are.
 */
export function colonnesNormeAbsentes(e: EnteteFec): ChampFec[] {
  return COLONNES_NORME_FEC.filter(
    (c) => e.pos[c] < 0 && !(e.montants === "montant-sens" && (c === "Debit" || c === "Credit")),
  );
}

export class FecFormatError extends ErreurDonnees {}

export interface EnteteFec {
  separateur: Separateur;
  sep: string;
  /** Columns of the header (a trailing empty name from a trailing separator is dropped). */
  colonnes: number;
  noms: string[];
  /** Position of each known field; -1 when absent. */
  pos: Record<ChampFec, number>;
  montants: "debit-credit" | "montant-sens";
  /** The header ends with a separator (then every line is expected to). */
  sepFinal: boolean;
}

const PAR_NOM = new Map<string, ChampFec>(CHAMPS_FEC.map((c) => [c.toLowerCase(), c]));

export function lireEntete(ligne: string): EnteteFec {
  const tabs = ligne.split("\t").length - 1;
  const pipes = ligne.split("|").length - 1;
  if (tabs === 0 && pipes === 0 && /journalcode\s+journallib\s+ecriturenum/i.test(ligne)) {
    // Article A47 A-1 of the LPF allows records « de longueur fixe ou variable, avec ou sans séparateur de zone »:
    // without a separator, each zone's width is only in the description given with the file.
    throw new FecFormatError(
      "Ligne 1 : FEC à enregistrements de longueur fixe sans séparateur de zone (« JournalCode JournalLib " +
        "EcritureNum… » séparés par des espaces). L'article A47 A-1 du LPF le permet, mais la largeur de chaque zone " +
        "n'est donnée que par la description jointe au fichier : Prodbook ne le lit pas. Demandez le FEC avec des " +
        "zones séparées par des tabulations ou des « | ».",
    );
  }
  if (tabs === 0 && pipes === 0) {
    throw new FecFormatError(
      // Said the same by both doors: a ledger CSV is recognised by its header, in the pane's picker as by the CLI.
      "Ligne 1 : le fichier n'a pas les colonnes d'un FEC (JournalCode, EcritureNum, CompteNum…, séparées par des " +
        "tabulations ou des « | »), ni celles d'un grand livre CSV lisible (colonnes Compte, Date et Débit/Crédit ou " +
        "Montant/Sens, séparées par « ; » ou « , »).",
    );
  }
  const separateur: Separateur = tabs >= pipes ? "tab" : "pipe";
  const sep = separateur === "tab" ? "\t" : "|";
  const noms = ligne.split(sep).map((n) => n.trim().replace(/^"(.*)"$/, "$1"));
  const sepFinal = noms.length > 1 && noms[noms.length - 1] === "";
  while (noms.length && noms[noms.length - 1] === "") noms.pop();
  const pos = Object.fromEntries(CHAMPS_FEC.map((c) => [c, -1])) as Record<ChampFec, number>;
  const inconnus: string[] = [];
  noms.forEach((n, i) => {
    const c = PAR_NOM.get(n.toLowerCase());
    if (!c) inconnus.push(n);
    else if (pos[c] === -1) pos[c] = i;
    else throw new FecFormatError(`Ligne 1 : la colonne « ${n} » apparaît deux fois dans l'en-tête.`);
  });
  const manquants = (["JournalCode", "EcritureNum", "EcritureDate", "CompteNum"] as ChampFec[]).filter(
    (c) => pos[c] < 0,
  );
  const dc = pos.Debit >= 0 && pos.Credit >= 0;
  const ms = pos.Montant >= 0 && pos.Sens >= 0;
  if (!dc && !ms) manquants.push("Debit/Credit ou Montant/Sens" as ChampFec);
  if (manquants.length) {
    throw new FecFormatError(
      `Ligne 1 : colonnes obligatoires absentes de l'en-tête : ${manquants.join(", ")}` +
        (inconnus.length ? ` (colonnes lues : ${noms.slice(0, 8).join(", ")}${noms.length > 8 ? "…" : ""})` : "") +
        ".",
    );
  }
  return {
    separateur,
    sep,
    colonnes: noms.length,
    noms,
    pos,
    montants: dc ? "debit-credit" : "montant-sens",
    sepFinal,
  };
}
