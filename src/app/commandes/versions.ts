import { type Cents } from "../../core/money/cents";
import { choisirNomFeuille, type WorkbookPort } from "../../core/port/workbook";
import { FEUILLE_VERSIONS, feuilleVersions, lireVersions } from "../../core/versions/feuilleVersions";
import {
  lignesNonPlacees,
  nomVersionValide,
  auteurVersionValide,
  totalVersion,
  VERSION_COURANTE,
  VersionExistanteError,
  VersionIntrouvableError,
  versionNommee,
  type Version,
} from "../../core/versions/modele";
import { comparerVersions as comparer, type Comparaison } from "../../core/versions/comparer";
import {
  COL_C,
  FEUILLE_COMPARAISON,
  feuilleComparaison,
  lireCommentaires,
  type Commentaires,
} from "../../core/versions/feuilleComparaison";
import { realiseParCode } from "../../core/ecarts/realiseParCode";
import { coutDefinitifCompare, type CoutDefinitifCompare } from "../../core/versions/realise";
import { tracesComparaison, tracesCoutDefinitif, type TracesComparaison } from "../../core/traces/versions";
import type { RealiseDePoste } from "../../core/ecarts/realiseParCode";
import { traceSansRegle as traceAffichee, type TraceAffichee } from "../traceAffichee";
import { FEUILLE_ECARTS } from "../../core/ecarts/nomFeuille";
import { ErreurDonnees } from "../../core/erreurs";
import type { Constat } from "../../core/controles/constat";

/** The current devis' reader, loaded when a command reads the current devis (versionsDevisActuel.ts). */
const devisActuel = () => import("./versionsDevisActuel");

/** A saved version as listed (amounts in cents). */
export interface ResumeVersion {
  nom: string;
  date: string;
  auteur: string;
  lignes: number;
  /** The placed lines, as the devis total. */
  total: Cents;
  /** The lines the devis did not place (chapter « ? »): in the version, out of its total, as in `devis`. */
  nonPlaces: { cellule: string; libelle: string; montant: Cents }[];
}

/** A comparison's traces as the pane shows them: the total's, each chapter's (by code) and the unplaced lines'. */
export interface TracesAffichees {
  total: TraceAffichee;
  chapitres: Record<string, TraceAffichee>;
  /** The unplaced lines' écart (out of the total), when a side has such lines (or, face au réalisé, a réalisé). */
  nonPlaces?: TraceAffichee;
}

export interface ArgsEnregistrerVersion {
  nom: string;
  auteur?: string;
  /** ISO date of the version; today by default. */
  date?: string;
  /** Replace a version of the same name (otherwise VersionExistanteError). */
  remplacer?: boolean;
  /** Hide the « Versions » sheet; omitted = keep the sheet's own setting. */
  masquer?: boolean;
  /** The producer's devis sheet; omitted = the sheet that looks most like a devis. */
  feuille?: string;
}

/** Two sheet names are one whatever their case, as in Excel. */
const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const resumer = (v: Version): ResumeVersion => ({
  nom: v.nom,
  date: v.date,
  auteur: v.auteur,
  lignes: v.lignes.length,
  total: totalVersion(v.lignes),
  nonPlaces: lignesNonPlacees(v.lignes).map((l) => ({ cellule: l.cellule, libelle: l.libelle, montant: l.montant })),
});

/** The « Versions » sheet (Prodbook's own), its name, and what it holds. */
export async function lireFeuilleVersions(
  wb: WorkbookPort,
): Promise<{ nom: string; versions: Version[]; masquee: boolean; existe: boolean }> {
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  const nom = choisirNomFeuille(FEUILLE_VERSIONS, existantes, prodbook);
  const anous = prodbook.some((p) => egal(p, nom)) && existantes.some((e) => egal(e, nom));
  if (!anous) return { nom, versions: [], masquee: false, existe: false };
  const s = await wb.readSheet(nom);
  if (!s) return { nom, versions: [], masquee: false, existe: false };
  const lu = lireVersions(s);
  return { nom, ...lu, existe: true };
}

export interface ArgsComparerVersions {
  de: string;
  /** A version name, or « courant » for the current devis. */
  a: string;
  /** Write (or refresh) the « Comparaison » sheet. */
  ecrire?: boolean;
  /** The producer's devis sheet for « courant »; omitted = the sheet that looks most like a devis. */
  feuille?: string;
  /** « D'où vient ce chiffre ? »: add the traces of the total's, each chapter's and the unplaced lines' écart (the pane). */
  explique?: boolean;
}

export interface ResultatComparaison {
  comparaison: Comparaison;
  /** The « Comparaison » sheet written, when asked. */
  feuille: string | null;
  /** Comments of the previous sheet put back on their line (or kept at the bottom). */
  commentaires: number;
  /** The réalisé of the Écarts sheet is on the comparison. */
  realise: boolean;
  /**
   * The comparison against the coût définitif (the Écarts sheet's réalisé by poste), as the sheet's columns S and T
   * compute it; null when the workbook has no Écarts sheet with a réalisé.
   */
  coutDefinitif: CoutDefinitifCompare | null;
  /**
   * With `explique`: the écart of the total and of each chapter (by code), down to the lines' cells (the pane); with
   * `coutDefinitif`, the same for the écart réalisé − à, down to the postes' cells of the Écarts sheet.
   */
  explications?: TracesAffichees & { coutDefinitif?: TracesAffichees };
  /** The same traces as plain data (CLI --explique). */
  traces?: TracesComparaison & { coutDefinitif?: TracesComparaison };
  /** Findings on the devis read for « courant »: its sheet found hidden (« feuille-lue »), as `devis` says it. */
  controles: Constat[];
}

/** Versions commands: save the structured devis under a name, list the saved versions, compare two of them. */
export const commandesVersions = {
  async listerVersions(
    wb: WorkbookPort,
    _args: Record<string, never>,
  ): Promise<{ feuille: string | null; versions: ResumeVersion[] }> {
    const f = await lireFeuilleVersions(wb);
    return { feuille: f.existe ? f.nom : null, versions: f.versions.map(resumer) };
  },

  async enregistrerVersion(
    wb: WorkbookPort,
    args: ArgsEnregistrerVersion,
  ): Promise<{
    version: ResumeVersion;
    remplacee: boolean;
    feuille: string;
    versions: ResumeVersion[];
    /** Findings on the devis read: its sheet found hidden (« feuille-lue »), as `devis` says it. */
    controles: Constat[];
  }> {
    // One encoding of the accents (« é » as one character), as the names are compared.
    const nom = nomVersionValide(args.nom.normalize("NFC"));
    const f = await lireFeuilleVersions(wb);
    // The same name, case and accents aside (« Devis definitif » is « Devis définitif »): refused, or replaced.
    const existante = versionNommee(f.versions, nom);
    const i = existante ? f.versions.indexOf(existante) : -1;
    if (i >= 0 && !args.remplacer) throw new VersionExistanteError(f.versions[i].nom);
    const { lireDevisActuel, aujourdhui } = await devisActuel();
    const actuel = await lireDevisActuel(wb, args.feuille);
    const version: Version = {
      nom,
      date: args.date ?? aujourdhui(),
      auteur: auteurVersionValide(args.auteur ?? ""),
      lignes: actuel.lignes,
    };
    // Replacing keeps the version's place in the list; a new one goes last.
    const versions = f.versions.slice();
    if (i >= 0) versions[i] = version;
    else versions.push(version);
    await wb.writeSheets([feuilleVersions(versions, args.masquer ?? f.masquee, f.nom)]);
    return {
      version: resumer(version),
      remplacee: i >= 0,
      feuille: f.nom,
      versions: versions.map(resumer),
      // The version records the lines read on hidden rows too: said, as `devis` says it.
      controles: actuel.controles,
    };
  },

  async comparerVersions(wb: WorkbookPort, args: ArgsComparerVersions): Promise<ResultatComparaison> {
    if (args.de.trim().toLowerCase() === VERSION_COURANTE)
      throw new ErreurDonnees(
        `« ${VERSION_COURANTE} » (le devis actuel) se compare en second : choisissez une version enregistrée pour « de ».`,
      );
    const f = await lireFeuilleVersions(wb);
    const trouver = (nom: string) => {
      const v = versionNommee(f.versions, nom);
      if (!v)
        throw new VersionIntrouvableError(
          nom.replace(/\s+/g, " ").trim(),
          f.versions.map((x) => x.nom),
        );
      return v;
    };
    const de = trouver(args.de);
    const courant = args.a.trim().toLowerCase() === VERSION_COURANTE;
    if (!courant && versionNommee(f.versions, args.a) === de)
      throw new ErreurDonnees(
        `« ${de.nom} » est comparée à elle-même : tous les écarts seraient nuls. Choisissez une autre version, ou ` +
          `« ${VERSION_COURANTE} » pour le devis actuel.`,
      );
    let versionA: Version | undefined;
    let libelleA: string;
    let lignesA;
    let controles: Constat[] = [];
    if (courant) {
      const actuel = await (await devisActuel()).lireDevisActuel(wb, args.feuille);
      lignesA = actuel.lignes;
      controles = actuel.controles;
      libelleA = `Devis actuel (feuille « ${actuel.feuille} »)`;
    } else {
      versionA = trouver(args.a);
      lignesA = versionA.lignes;
      libelleA = versionA.nom;
    }
    const c = comparer(de.nom, de.lignes, courant ? VERSION_COURANTE : (versionA as Version).nom, lignesA);
    const existantes = await wb.listSheets();
    const prodbook = await wb.feuillesProdbook();
    const anous = (n: string) => prodbook.some((p) => egal(p, n)) && existantes.some((e) => egal(e, n));
    const nomEcarts = choisirNomFeuille(FEUILLE_ECARTS, existantes, prodbook);
    const ecarts = anous(nomEcarts) ? await wb.readSheet(nomEcarts) : undefined;
    const realise = ecarts ? realiseParCode(ecarts) : undefined;
    const coutDefinitif = realise?.size ? coutDefinitifCompare(c, realise) : null;
    const explications = args.explique
      ? expliquer(c, { feuilleVersions: f.nom, versionDe: de, versionA, libelleA }, realise?.size ? realise : undefined)
      : {};
    if (!args.ecrire)
      return {
        comparaison: c,
        feuille: null,
        commentaires: 0,
        realise: !!realise?.size,
        coutDefinitif,
        controles,
        ...explications,
      };
    const nom = choisirNomFeuille(FEUILLE_COMPARAISON, existantes, prodbook);
    // Only the rows holding a comment are needed (a workbook file reads those alone, not its 5 000 lines).
    const precedente = anous(nom) ? await wb.readSheet(nom, { lignesAvec: COL_C.commentaire }) : undefined;
    const commentaires: Commentaires = precedente ? lireCommentaires(precedente) : new Map();
    const spec = feuilleComparaison(
      {
        comparaison: c,
        feuilleVersions: f.nom,
        versionDe: de,
        versionA,
        libelleA,
        commentaires,
        realise: realise?.size ? realise : undefined,
      },
      nom,
    );
    await wb.writeSheets([spec]);
    let n = 0;
    for (const l of commentaires.values()) n += l.length;
    return {
      comparaison: c,
      feuille: nom,
      commentaires: n,
      realise: !!realise?.size,
      coutDefinitif,
      controles,
      ...explications,
    };
  },
};

/** « D'où vient ce chiffre ? » of a comparison, the total's and each chapter's écart: for the pane and the CLI. */
function expliquer(
  c: Comparaison,
  cotes: Parameters<typeof tracesComparaison>[1],
  realise: ReadonlyMap<string, RealiseDePoste> | undefined,
): Pick<ResultatComparaison, "explications" | "traces"> {
  const affichees = (t: TracesComparaison): TracesAffichees => {
    const chapitres: Record<string, TraceAffichee> = {};
    for (const [code, x] of Object.entries(t.chapitres)) chapitres[code] = traceAffichee(x);
    return {
      total: traceAffichee(t.total),
      chapitres,
      ...(t.nonPlaces ? { nonPlaces: traceAffichee(t.nonPlaces) } : {}),
    };
  };
  const t = tracesComparaison(c, cotes);
  if (!realise) return { explications: affichees(t), traces: t };
  // Against the coût définitif too: the écart réalisé − à of the total and of each chapter.
  const d = tracesCoutDefinitif(c, realise, cotes);
  return { explications: { ...affichees(t), coutDefinitif: affichees(d) }, traces: { ...t, coutDefinitif: d } };
}
