import { devisIntrouvable, importerDevis } from "../devis/import";
import { constatsMontantsNonLus } from "../devis/regles/montantsNonLus";
import { constatsFeuilleLue } from "../devis/regles/feuilleLue";
import { constatsLignesMasquees } from "../devis/regles/lignesMasquees";
import { constatsTotauxNonProuves } from "../devis/regles/totalNonProuve";
import { feuilleDevisIntrouvable, FeuilleIntrouvableError } from "../devis/structurer";
import { importerDevisTrouve, trouverFeuilleDevis } from "../devis/trouver";
import type { Devis } from "../devis/model";
import { avecNomenclature } from "../devis/nomenclature";
import { choisirNomFeuille, type SheetData, type WorkbookPort } from "../port/workbook";
import { feuilleParametresModele, lireParametres, NOM_FEUILLE_PARAMETRES } from "../regles/parametres";
import { ErreurDonnees } from "../erreurs";
import { lirePlanDeTravail, trouverFeuillePlan, type PlanDeTravail } from "../planning/planDeTravail";
import { normaliser } from "../util/texte";
import { aidesPubliquesDuPlan } from "./aidesDuPlan";
import { calculerCreditImpot } from "./calculerCreditImpot";
import { feuilleCreditImpot, NOM_FEUILLE_CREDIT_IMPOT } from "./feuilleCreditImpot";
import type { OptionsCreditImpot, ResultatCreditImpot } from "./modele";
import { entreesParametresCreditImpot } from "./parametresModele";

export interface OptionsClasseur extends Omit<OptionsCreditImpot, "surcharges"> {
  /** The devis sheet; omitted = the user's sheet that looks most like a devis. */
  feuille?: string;
  /** Write the « Crédit d'impôt » sheet. */
  ecrire?: boolean;
  /** Also write a template « Paramètres » sheet listing the overridable figures, when the workbook has none. */
  modeleParametres?: boolean;
}

export interface ResultatClasseur {
  resultat: ResultatCreditImpot;
  source: string;
  feuillesEcrites: string[];
  /**
   * The devis sheet, found (not named), is hidden in the workbook: the `devis` sentence (feuille-lue) is the last
   * of `resultat.alertes`, and so of the sheet's « Alertes » section.
   */
  feuilleMasquee: boolean;
  /** The devis the credit was computed on, as read. */
  devis: Devis;
  /** The plan de travail read for the days in France (international), its TOTAL rows set aside (said by src/app). */
  planDeTravail?: PlanDeTravail;
}

const egal = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The shooting days (distinct dates) of the workbook's plan de travail, the user's sheet with Date | Nom | Début | Fin
 * headers, to check the days in France given against; undefined when there is none (a year is the bound then). A plan
 * that cannot be read is refused with its fault and cell (« date illisible « 60 » … (PDT!A3) »): dropped, its days
 * would give way to the year's bound without a word.
 */
async function joursDuPlan(
  lire: (nom: string) => Promise<SheetData | undefined>,
  existantes: string[],
  prodbook: string[],
  devis: string,
): Promise<{ jours: number; feuille: string; plan: PlanDeTravail } | undefined> {
  const f = trouverFeuillePlan(await feuillesUtilisateur(lire, existantes, prodbook, [devis]));
  if (!f) return undefined;
  try {
    const plan = lirePlanDeTravail(f);
    const jours = new Set(plan.vacations.map((v) => v.date)).size;
    return jours > 0 ? { jours, feuille: plan.feuille, plan } : undefined;
  } catch (e) {
    if (e instanceof ErreurDonnees)
      throw new ErreurDonnees(
        `Plan de travail « ${f.name} », lu pour vérifier les jours de tournage en France : ${e.message}`,
      );
    throw e;
  }
}

/** The user's sheets (not Prodbook's, nor those named in `sauf`), each read once through `lire`. */
async function feuillesUtilisateur(
  lire: (nom: string) => Promise<SheetData | undefined>,
  existantes: string[],
  prodbook: string[],
  sauf: (string | undefined)[],
): Promise<SheetData[]> {
  const feuilles: SheetData[] = [];
  for (const n of existantes) {
    if (prodbook.some((p) => egal(p, n)) || sauf.some((x) => x !== undefined && egal(x, n))) continue;
    const s = await lire(n);
    if (s) feuilles.push(s);
  }
  return feuilles;
}

/** Reads the devis (as the foundation's import does) and the « Paramètres » sheet, computes the credit, writes its sheet. */
export async function creditImpotClasseur(wb: WorkbookPort, o: OptionsClasseur): Promise<ResultatClasseur> {
  const existantes = await wb.listSheets();
  const prodbook = await wb.feuillesProdbook();
  // Each sheet read once: the plan de travail is looked for among the sheets already read to find the devis.
  const lues = new Map<string, Promise<SheetData | undefined>>();
  const lire = (nom: string) => {
    let s = lues.get(nom);
    if (!s) lues.set(nom, (s = wb.readSheet(nom)));
    return s;
  };
  const nomParam = existantes.find((e) => normaliser(e) === normaliser(NOM_FEUILLE_PARAMETRES));
  let source: SheetData | undefined;
  // The sheets the devis was found among (no --feuille): the others that look like a devis are named (feuille-lue).
  let parmi: SheetData[] | undefined;
  if (o.feuille) {
    const nom = existantes.find((e) => egal(e, o.feuille as string));
    // Missing, or one of Prodbook's own sheets (its « Devis », « Versions » of every version), never read as the
    // producer's devis: the producer's sheets listed (shared with every --feuille).
    if (!nom || prodbook.some((p) => egal(p, nom)))
      throw await feuilleDevisIntrouvable(wb, o.feuille, existantes, prodbook);
    source = await lire(nom);
  } else {
    const candidates: SheetData[] = [];
    for (const n of existantes) {
      if (prodbook.some((p) => egal(p, n)) || n === nomParam) continue;
      const s = await lire(n);
      if (s) candidates.push(s);
    }
    source = trouverFeuilleDevis(candidates);
    if (!source) throw devisIntrouvable(candidates);
    parmi = candidates;
  }
  if (!source) throw new FeuilleIntrouvableError(o.feuille ?? "", existantes, prodbook);
  const surcharges = lireParametres(nomParam ? await lire(nomParam) : undefined);
  const typeOeuvre = o.regime === "cinema" ? "cinema" : "audiovisuel";
  const importOpts = {
    genre: o.genre,
    dureeMinutes: o.dureeMinutes,
    origineDuree: o.origineDuree,
    typeOeuvre,
  } as const;
  // Found, not named: a hidden sheet is flagged (feuille-lue).
  const devis = o.feuille ? importerDevis(source, importOpts) : importerDevisTrouve(source, importOpts, parmi);
  const planLu =
    o.regime === "international" && o.joursTournageFrance !== undefined
      ? await joursDuPlan(lire, existantes, prodbook, source.name)
      : undefined;
  const joursPlanDeTravail = planLu && { jours: planLu.jours, feuille: planLu.feuille };
  const planDeTravail = planLu ? { planDeTravail: planLu.plan } : {};
  // Always the workbook's own plan: never a count handed in with the options.
  const calcul = calculerCreditImpot(devis, { ...o, surcharges, joursPlanDeTravail });
  const feuilleMasquee = devis.feuilleMasquee === true;
  // The public aids of the workbook's financing plan are named, never deducted without the user's amount (220 sexies V).
  const aides =
    o.regime === "international"
      ? undefined
      : aidesPubliquesDuPlan(
          await feuillesUtilisateur(lire, existantes, prodbook, [source.name, nomParam]),
          o.regime,
          o.annee,
          o.subventionsPubliques,
        );
  // The devis sheet found hidden: the same sentence as `devis` (feuille-lue), in the alerts the sheet writes too.
  // Amounts of the devis not read (#REF!, « 12.500 », dollars): the credit is computed without them, and says so.
  // Lines on hidden rows are in the base, named like `devis` names them (lignes-masquees), and so are the « TOTAL »
  // rows no arithmetic proves, counted as lines (total-non-prouve): their amount is in the budget and the base.
  const masquee = [
    ...constatsFeuilleLue(devis),
    ...constatsLignesMasquees(devis),
    ...constatsMontantsNonLus(devis, "le crédit d'impôt est calculé"),
    ...constatsTotauxNonProuves(devis),
  ].map((c) => c.message);
  const ajouts = [...(aides ? [aides] : []), ...masquee];
  const resultat = ajouts.length ? { ...calcul, alertes: [...calcul.alertes, ...ajouts] } : calcul;
  if (!o.ecrire) return { resultat, source: source.name, feuillesEcrites: [], feuilleMasquee, devis, ...planDeTravail };
  const specs = [
    // The sheet's « Tables de règles utilisées » as --json names them: the CNC nomenclature last.
    feuilleCreditImpot(
      { ...resultat, tables: avecNomenclature(resultat.tables, devis) },
      source.name,
      choisirNomFeuille(NOM_FEUILLE_CREDIT_IMPOT, existantes, prodbook),
    ),
  ];
  // The template is written once: afterwards « Paramètres » holds the user's own figures and is never rewritten.
  if (!nomParam && o.modeleParametres) specs.push(feuilleParametresModele(entreesParametresCreditImpot(o.annee)));
  await wb.writeSheets(specs);
  return {
    resultat,
    source: source.name,
    feuillesEcrites: specs.map((s) => s.name),
    feuilleMasquee,
    devis,
    ...planDeTravail,
  };
}
