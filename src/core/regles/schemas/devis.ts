import * as v from "valibot";
import { CATEGORIES_LIGNE, CODES_CHAPITRE, ROLES_CHAPITRE } from "../../devis/model";
import { estSourcePrimaire } from "../primaires";
import { centimes, texte, taux } from "../schema";

const confiance = v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`);
const statut = v.picklist(["grille", "plancher"], (i) => `${String(i.received)} : le statut vaut grille ou plancher`);
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en kebab-case"));
/** A pattern matched against a normalised label: lower case, no accents. */
const motif = v.pipe(v.string(), v.regex(/^[a-z0-9' -]+$/, "motif en minuscules sans accents (ex. « chef monteur »)"));

const fonction = v.pipe(
  v.strictObject({
    id: slug,
    libelle: texte,
    journalier: v.optional(centimes),
    hebdomadaire: v.optional(centimes),
    statut: v.optional(statut),
    confiance: v.optional(confiance),
    motifs: v.pipe(v.array(motif), v.minLength(1, "au moins un motif")),
  }),
  v.check(
    (f) => (f.journalier === undefined) !== (f.hebdomadaire === undefined),
    "journalier ou hebdomadaire, un seul",
  ),
);

const minima = v.strictObject({
  convention: texte,
  categorie: texte,
  baseHeures: v.pipe(v.number(), v.integer(), v.minValue(1)),
  fonctions: v.pipe(v.array(fonction), v.minLength(1, "la grille ne doit pas être vide")),
  genres: v.optional(
    v.strictObject({
      fiction: v.strictObject({ statut, motif: v.optional(texte) }),
      documentaire: v.strictObject({ statut, motif: v.optional(texte) }),
      animation: v.strictObject({ statut, motif: v.optional(texte) }),
      spectacle: v.strictObject({ statut, motif: v.optional(texte) }),
      inconnu: v.strictObject({ statut, motif: v.optional(texte) }),
    }),
  ),
  journeeSurSemaine: v.optional(taux),
});

/** A regular expression tested against a normalised label: it must compile. */
const expression = v.pipe(
  v.string(),
  v.check((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, "expression régulière invalide"),
);

const chapitreNomenclature = v.pipe(
  v.strictObject({
    code: v.picklist(CODES_CHAPITRE, (i) => `${String(i.received)} : code de chapitre 1 à 9, FG, IMP, FF ou PROD`),
    /** What the chapter holds, for the rules that treat it apart (one chapter per role, each numbered chapter one). */
    role: v.optional(v.picklist(ROLES_CHAPITRE, (i) => `${String(i.received)} : rôle de chapitre inconnu`)),
    libelle: texte,
    sousLeTotal: v.boolean(),
    categorieParDefaut: v.optional(
      v.picklist(CATEGORIES_LIGNE, (i) => `${String(i.received)} : catégorie de ligne inconnue`),
    ),
    motsCles: v.pipe(
      v.array(motif),
      v.minLength(1, "au moins un mot-clé"),
      v.check((ms) => new Set(ms).size === ms.length, "un mot-clé figure deux fois"),
    ),
    debutLibelle: v.optional(expression),
    titres: v.optional(v.array(motif)),
    debutTitre: v.optional(expression),
    titreAnglais: v.optional(expression),
    compteAnglais: v.optional(expression),
  }),
  v.check((c) => c.sousLeTotal === !/^\d$/.test(c.code), "sousLeTotal vaut vrai pour FG, IMP, FF et PROD seulement"),
  v.check((c) => !c.sousLeTotal || c.debutLibelle !== undefined, "un chapitre sous le total a un debutLibelle"),
  v.check((c) => c.sousLeTotal === (c.role === undefined), "un rôle pour chaque chapitre 1 à 9, aucun sous le total"),
);

/** The CNC nomenclature: every chapter code once, in the devis order; known cinema 2018 sub-chapters. */
const nomenclature = v.strictObject({
  chapitres: v.pipe(
    v.array(chapitreNomenclature),
    v.check(
      (cs) => cs.map((c) => c.code).join(",") === CODES_CHAPITRE.join(","),
      `les chapitres ${CODES_CHAPITRE.join(", ")}, chacun une fois et dans cet ordre`,
    ),
    v.check(
      (cs) => ROLES_CHAPITRE.every((r) => cs.filter((c) => c.role === r).length === 1),
      `les rôles ${ROLES_CHAPITRE.join(", ")}, chacun à un seul chapitre`,
    ),
  ),
  sousChapitresCinema: v.pipe(
    v.array(
      v.pipe(
        v.strictObject({
          code: v.pipe(v.string(), v.regex(/^[1-9][1-9]$/, "sous-chapitre à deux chiffres")),
          libelle: texte,
        }),
      ),
    ),
    v.check((xs) => new Set(xs.map((x) => x.code)).size === xs.length, "un sous-chapitre figure deux fois"),
  ),
  comptesAnglaisAmbigus: v.optional(
    v.array(
      v.strictObject({
        motif: expression,
        chapitres: v.pipe(
          v.array(v.picklist(CODES_CHAPITRE, (i) => `${String(i.received)} : code de chapitre inconnu`)),
          v.minLength(2, "au moins deux chapitres possibles"),
        ),
        raison: texte,
      }),
    ),
  ),
});

/**
 * One genre's rates. A genre may carry its own confidence when the text was read for some rows of the table only: a
 * row at H quotes its row and cites a primary source; without it the version's confidence applies.
 */
const tauxAccord = v.pipe(
  v.strictObject({
    fraisGeneraux: taux,
    imprevus: taux,
    fraisFinanciers: taux,
    confiance: v.optional(confiance),
    extrait: v.optional(texte),
    source: v.optional(v.strictObject({ titre: texte, url: texte })),
  }),
  v.check(
    (t) => t.confiance !== "H" || (t.extrait !== undefined && !!t.source && estSourcePrimaire(t.source.url)),
    "une ligne à H cite son extrait et une source primaire",
  ),
);

/** A rate admitted in a cinema devis, with its own confidence when it differs from the version's. */
const tauxAdmis = v.strictObject({ taux, confiance: v.optional(confiance) });

/**
 * Devis rule tables: accord transparence rates by genre, IDCC 2642 and 3097 minimum-pay grids and the IDCC 3097
 * annexe III formula (amounts in cents).
 */
export const SCHEMAS_DEVIS = {
  "accord-transparence": v.strictObject({
    fiction: tauxAccord,
    documentaire: tauxAccord,
    animation: tauxAccord,
    spectacle: tauxAccord,
  }),
  /** Cinema: frais généraux and imprévus admitted, as a part of the devis hors frais généraux et imprévus. */
  "devis-frais-cinema": v.strictObject({ fraisGeneraux: tauxAdmis, imprevus: tauxAdmis }),
  "idcc2642-minima": minima,
  "idcc3097-minima": minima,
  /** Annexe III of IDCC 3097 (films under a budget limit): minimum = socle + part × (annexe I minimum − socle). */
  "idcc3097-annexe3": v.strictObject({
    socle: centimes,
    partAuDela: taux,
    budgetMaxFiction: centimes,
    budgetMaxDocumentaire: centimes,
  }),
  "nomenclature-cnc": nomenclature,
} as const;
