import { dateEnLettres, decimalFr } from "../util/texte";
import Decimal from "decimal.js";
import { Cents, multiplyCents } from "../money";
import { analyserNombre } from "../money/parse";
import { Confiance, Surcharges, TableRegles, VersionRegle, versionEnVigueur } from "../regles/table";
import { normaliser } from "../util/texte";
import { TABLE_CHARGES, ValeursCharges } from "./tableCharges";
import { ErreurDonnees } from "../erreurs";
import { ParametreInvalideError, surchargeVue } from "../regles/parametres";

/** Key of a workbook override in the « Paramètres » sheet: "charges-sociales.<categorie>". */
export const CLE_SURCHARGE = "charges-sociales.";

/** Every « charges-sociales.<catégorie> » key tauxCharges reads, over all the table's versions. */
export function clesCharges(table: TableRegles<ValeursCharges> = TABLE_CHARGES): string[] {
  return [...new Set(table.versions.flatMap((v) => Object.keys(v.valeurs.categories).map((c) => CLE_SURCHARGE + c)))];
}

export interface TauxCharges {
  categorie: string;
  libelle: string;
  taux: Decimal;
  /** Where the rate comes from: the dated table (with its version) or a « Paramètres » cell. */
  origine: { type: "table"; effetDu: string; confiance: Confiance } | { type: "parametres"; cellule: string };
}

export class CategorieInconnueError extends ErreurDonnees {
  constructor(
    public readonly saisie: string,
    connues: string[],
  ) {
    super(`Catégorie de charges « ${saisie} » inconnue (attendu : ${connues.join(", ")}, ou un taux comme « 45 % »)`);
  }
}

export class AucunTauxError extends ErreurDonnees {
  constructor(public readonly date: string) {
    super(
      `Aucun taux de charges sociales connu au ${dateEnLettres(date)} ` +
        `(la table commence le ${dateEnLettres(premierEffet(TABLE_CHARGES))})`,
    );
  }
}

function premierEffet(t: TableRegles<ValeursCharges>): string {
  return t.versions.map((v) => v.effetDu).sort()[0];
}

/** The category slug for what the producer typed ("Technicien", "salaire-artiste", "Cadres"), or undefined. */
export function trouverCategorie(saisie: string, version: VersionRegle<ValeursCharges>): string | undefined {
  const cle = normaliser(saisie).replace(/\s*-\s*/g, "-");
  const cats = version.valeurs.categories;
  for (const [slug, c] of Object.entries(cats)) {
    const noms = [slug, c.libelle, ...(c.alias ?? [])].map((n) => normaliser(n).replace(/\s*-\s*/g, "-"));
    if (noms.includes(cle)) return slug;
  }
  return undefined;
}

/**
 * The employer charge rate of a category on `date` (ISO): a « Paramètres » override wins over the dated table.
 * Throws CategorieInconnueError / AucunTauxError with a French message.
 */
export function tauxCharges(
  saisie: string,
  date: string,
  surcharges?: Surcharges,
  table: TableRegles<ValeursCharges> = TABLE_CHARGES,
): TauxCharges {
  const version = versionEnVigueur(table, date);
  if (!version) throw new AucunTauxError(date);
  const slug = trouverCategorie(saisie, version);
  if (!slug) throw new CategorieInconnueError(saisie, Object.keys(version.valeurs.categories));
  const cat = version.valeurs.categories[slug];
  const surcharge = surcharges?.get(CLE_SURCHARGE + slug);
  if (surcharge) {
    const lu = surcharge.nombre ? Number(surcharge.valeur) : surcharge.valeur;
    const a = typeof lu === "string" ? analyserNombre(lu.replace(/%\s*$/, "")) : undefined;
    // « 62.500 % » or « 1.500 » the sheet does not decide: both readings named, never read as 62,5 %.
    if (a?.type === "ambigu") {
      const pourcent = typeof lu === "string" && /%\s*$/.test(lu);
      const pc = (d: Decimal) => `${decimalFr((pourcent || d.greaterThan(1) ? d : d.times(100)).toFixed())} %`;
      throw new ParametreInvalideError(
        surcharge.cellule,
        `« ${surchargeVue(surcharge)} » peut se lire ${pc(a.decimale)} ou ${pc(a.milliers)} ; ce taux de charges ` +
          `n'est pas lu. Écrivez-le sans séparateur ambigu (ex. « 0,62 » ou « 62 % »).`,
      );
    }
    const t = lireTaux(lu);
    if (!t)
      throw new ParametreInvalideError(
        surcharge.cellule,
        `« ${surchargeVue(surcharge)} » n'est pas un taux de charges (ex. « 0,62 » ou « 62 % »).`,
      );
    return {
      categorie: slug,
      libelle: cat.libelle,
      taux: t,
      origine: { type: "parametres", cellule: surcharge.cellule },
    };
  }
  return {
    categorie: slug,
    libelle: cat.libelle,
    taux: new Decimal(cat.taux),
    origine: { type: "table", effetDu: version.effetDu, confiance: version.confiance },
  };
}

/**
 * "62 %", "62%", "0,62", 0.62 → 0.62; a bare number above 1 is read as a percentage ("62" → 0.62). A text whose lone
 * « . » or « , » before three digits may be decimal or grouping (« 62.500 % ») is not read (undefined).
 */
export function lireTaux(s: string | number): Decimal | undefined {
  const pourcent = typeof s === "string" && /%\s*$/.test(s);
  // The shared number reader: « −20 % », « 1 500 % »; « 62.500 % » (decimal or thousands?) is not read.
  const a = analyserNombre(typeof s === "string" ? s.replace(/%\s*$/, "") : s);
  const d = a.type === "nombre" ? a.valeur : undefined;
  if (!d || d.isNegative()) return undefined;
  const t = pourcent || d.greaterThan(1) ? d.dividedBy(100) : d;
  return t.greaterThan(1) ? undefined : t;
}

/** Employer charges on a gross amount, rounded half-up to the cent. */
export function montantCharges(brutCents: Cents, taux: Decimal.Value): Cents {
  return multiplyCents(brutCents, taux);
}
