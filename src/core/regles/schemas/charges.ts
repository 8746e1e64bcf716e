import * as v from "valibot";
import { centimes, texte, taux } from "../schema";

const confiance = v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`);
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en kebab-case"));

const composante = v.strictObject({
  libelle: texte,
  taux,
  confiance,
  parts: v.optional(v.record(v.string(), taux)),
});

/** charges-sociales: budgeting rates by category, and the sourced components, surcharges, bases and flat fees. */
export const SCHEMAS_CHARGES = {
  "charges-sociales": v.strictObject({
    categories: v.record(
      slug,
      v.strictObject({
        libelle: texte,
        taux,
        alias: v.optional(v.array(texte)),
        inclut: v.optional(v.array(slug)),
      }),
    ),
    composantes: v.record(slug, composante),
    majorations: v.optional(v.record(slug, v.strictObject({ libelle: texte, taux, confiance, ajouteeA: slug }))),
    assiettes: v.optional(v.record(slug, v.strictObject({ libelle: texte, coefficient: taux, confiance }))),
    forfaits: v.optional(v.record(slug, v.strictObject({ libelle: texte, montant: centimes, confiance }))),
    lacunes: v.optional(v.array(v.strictObject({ id: slug, libelle: texte, motif: texte }))),
  }),
} as const;
