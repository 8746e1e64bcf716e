import { ErreurDonnees } from "../../core/erreurs";
import type { WorkbookPort } from "../../core/port/workbook";
import { auditRegles, type AuditRegles, type SurchargeLue } from "../../core/regles/audit";
import type { Surcharges } from "../../core/regles/table";
import { enTeteParametres, lireParametres, nomFeuilleParametres } from "../../core/regles/parametres";
import { CLES_TEMPS_DE_TRAVAIL, verifierSurchargeTempsDeTravail } from "../../core/planning/parametresPlanning";
import { CLES_INTENSITE } from "../../core/financement/plafonds";
import { CLES_CREDIT_IMPOT } from "../../core/creditImpot/calculerCreditImpot";
import { CLE_ACCORD } from "../../core/devis/regles/contexte";
import { GENRES } from "../../core/devis/model";
import { clesDevis } from "../../core/devis/regles/parametreInconnu";
import { clesCarbone } from "../../core/carbone/facteurs";
import { clesCharges } from "../../core/charges/tauxCharges";
import { clesProches } from "../../core/regles/parametres";
import { verifierDateRegles } from "../dateRegles";

/**
 * The « Paramètres » keys of the domains that list every key they read: under these prefixes, any other key is read
 * by no calculation (a typo), whatever table its prefix names.
 */
const FAMILLES: readonly (readonly [string, readonly string[]])[] = [
  ["temps-de-travail.", CLES_TEMPS_DE_TRAVAIL],
  ["intensite-aides.", CLES_INTENSITE],
  ["credit-impot.", CLES_CREDIT_IMPOT],
  ["devis.accord-transparence.", GENRES.flatMap((g) => [CLE_ACCORD(g, "frais-generaux"), CLE_ACCORD(g, "imprevus")])],
];

/**
 * Every key a calculation reads in the « Paramètres » sheet: the families above, the devis rules' keys (accord,
 * frais cinéma, minimum pay by function of both grids, artists' minima), the carbon factors and conversions, the
 * employer charge rates by category. Any other key — a typo in the key (« …plafond-generale ») or in its prefix
 * (« credit-impt.… », « temps-de-travial.… »), a key of a table no calculation overrides (« smic-horaire.… ») — is
 * read by nothing: listed apart with the known keys it most likely meant, never as an override in force.
 */
let clesLues: ReadonlySet<string> | undefined;
export function clesParametresLues(): ReadonlySet<string> {
  clesLues ??= new Set([...FAMILLES.flatMap(([, cles]) => cles), ...clesDevis(), ...clesCarbone(), ...clesCharges()]);
  return clesLues;
}

function cleConnue(cle: string): boolean {
  return clesParametresLues().has(cle);
}

/**
 * The checks the calculations apply to a value beyond reading it, by key prefix — the same functions they call, so
 * `regles` lists as refused what the calculation refuses (« 720 » hours a day), with its message and cell.
 */
const VERIFICATIONS: readonly (readonly [string, (s: Surcharges, cle: string) => void])[] = [
  ["temps-de-travail.", verifierSurchargeTempsDeTravail],
];

function verifierCle(s: Surcharges, cle: string): void {
  for (const [prefixe, verifier] of VERIFICATIONS) if (cle.startsWith(prefixe)) verifier(s, cle);
}

/** A date that is not a real AAAA-MM-JJ day. */
export class DateReglesError extends ErreurDonnees {}

export function dateValide(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/**
 * Use case « Règles et sources » (CLI `prodbook regles`, pane « Sources »): every rule table with the version in
 * force on `date` (today by default), its figures, confidence and sources, and the overrides of the workbook's
 * « Paramètres » sheet when a workbook is given.
 */
export async function reglesEnVigueur(wb: WorkbookPort | undefined, date?: string): Promise<AuditRegles> {
  const jour = date ?? new Date().toISOString().slice(0, 10);
  if (!dateValide(jour)) throw new DateReglesError(`Date « ${jour} » invalide : attendu AAAA-MM-JJ (ex. 2026-01-15).`);
  verifierDateRegles(jour, "date");
  if (!wb) return auditRegles(jour, new Map() as Surcharges);
  const nom = nomFeuilleParametres(await wb.listSheets());
  const feuille = nom ? await wb.readSheet(nom) : undefined;
  const etat = !feuille ? "absente" : enTeteParametres(feuille) ? "lue" : "sans-en-tete";
  const audit = auditRegles(jour, lireParametres(feuille), cleConnue, verifierCle);
  // Each key no calculation reads, with the known keys it most likely meant (« Vouliez-vous dire … »).
  const nonRattachees = Object.fromEntries(
    Object.entries(audit.surchargesNonRattachees).map(([cle, s]) => [
      cle,
      { ...s, proches: clesProches(cle, clesParametresLues()) },
    ]),
  );
  return { ...audit, surchargesNonRattachees: nonRattachees, feuilleParametres: etat };
}

/** The public JSON of `prodbook regles --json` (issue 11 §3): field names are a contract (add, never rename). */
export function jsonRegles(a: AuditRegles) {
  return {
    date: a.date,
    tables: a.tables.map((t) => ({
      id: t.id,
      description: t.description,
      version: t.version && {
        effetDu: t.version.effetDu,
        effetAu: t.version.effetAu,
        confiance: t.version.confiance,
        sources: t.version.sources.map((s) => ({ titre: s.titre, url: s.url })),
        valeurs: t.version.valeurs,
        aVerifier: t.version.aVerifier,
        motifConfiance: t.version.motifConfiance,
        // Additive: the research log behind the motif (null when there is none).
        recherche: t.version.recherche,
      },
      surcharges: jsonSurcharges(t.surcharges),
      // Additive: overrides the calculation refuses (not in force), each with that calculation's message.
      surchargesRefusees: Object.fromEntries(
        Object.entries(t.surchargesRefusees).map(([cle, { valeur, cellule, message }]) => [
          cle,
          { valeur, cellule, message },
        ]),
      ),
    })),
    // Additive: `proches`, the known keys each one most likely meant (empty when none is close).
    surchargesNonRattachees: Object.fromEntries(
      Object.entries(a.surchargesNonRattachees).map(([cle, { valeur, cellule, proches }]) => [
        cle,
        { valeur, cellule, proches: proches ?? [] },
      ]),
    ),
    // Additive: with --classeur, « lue », « absente » or « sans-en-tete » (the sheet's rows are then not read).
    ...(a.feuilleParametres ? { feuilleParametres: a.feuilleParametres } : {}),
  };
}

/** The overrides as --json has always given them: the cell's text and the cell (`lisible` is for people). */
function jsonSurcharges(s: Record<string, SurchargeLue>): Record<string, { valeur: string; cellule: string }> {
  return Object.fromEntries(Object.entries(s).map(([cle, { valeur, cellule }]) => [cle, { valeur, cellule }]));
}

/** Pane commands of the « Sources » page: reads only (the « Paramètres » sheet of the open workbook). */
export const commandesRegles = {
  async reglesEnVigueur(wb: WorkbookPort, args: { date?: string }): Promise<AuditRegles> {
    return reglesEnVigueur(wb, args.date);
  },
};
