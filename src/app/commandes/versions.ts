import { aujourdhui, structurerDevis } from "../../core/devis/structurer";
import { sumCents, type Cents } from "../../core/money/cents";
import { choisirNomFeuille, type WorkbookPort } from "../../core/port/workbook";
import { FEUILLE_VERSIONS, feuilleVersions, lireVersions } from "../../core/versions/feuilleVersions";
import { lignesDeVersion } from "../../core/versions/depuisDevis";
import { nomVersionValide, VersionExistanteError, type Version } from "../../core/versions/modele";

/** A saved version as listed (amounts in cents). */
export interface ResumeVersion {
  nom: string;
  date: string;
  auteur: string;
  lignes: number;
  total: Cents;
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

const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const resumer = (v: Version): ResumeVersion => ({
  nom: v.nom,
  date: v.date,
  auteur: v.auteur,
  lignes: v.lignes.length,
  total: sumCents(v.lignes.map((l) => l.montant)),
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
  return { nom, ...lireVersions(s), existe: true };
}

/** Versions commands: save the structured devis under a name, list the saved versions. */
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
  ): Promise<{ version: ResumeVersion; remplacee: boolean; feuille: string; versions: ResumeVersion[] }> {
    const nom = nomVersionValide(args.nom);
    const f = await lireFeuilleVersions(wb);
    const i = f.versions.findIndex((v) => egal(v.nom, nom));
    if (i >= 0 && !args.remplacer) throw new VersionExistanteError(f.versions[i].nom);
    const { devis } = await structurerDevis(wb, { feuille: args.feuille, ecrire: false });
    const version: Version = {
      nom,
      date: args.date ?? aujourdhui(),
      auteur: (args.auteur ?? "").trim(),
      lignes: lignesDeVersion(devis),
    };
    // Replacing keeps the version's place in the list; a new one goes last.
    const versions = f.versions.slice();
    if (i >= 0) versions[i] = version;
    else versions.push(version);
    await wb.writeSheets([feuilleVersions(versions, args.masquer ?? f.masquee, f.nom)]);
    return { version: resumer(version), remplacee: i >= 0, feuille: f.nom, versions: versions.map(resumer) };
  },
};
