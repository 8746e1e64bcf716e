import * as v from "valibot";
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

const tauxAccord = v.strictObject({ fraisGeneraux: taux, imprevus: taux, fraisFinanciers: taux });

/** Devis rule tables: accord transparence rates by genre, IDCC 2642 and 3097 minimum-pay grids (amounts in cents). */
export const SCHEMAS_DEVIS = {
  "accord-transparence": v.strictObject({
    fiction: tauxAccord,
    documentaire: tauxAccord,
    animation: tauxAccord,
    spectacle: tauxAccord,
  }),
  "idcc2642-minima": minima,
  "idcc3097-minima": minima,
} as const;
