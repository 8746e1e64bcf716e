import * as v from "valibot";
import { estSourcePrimaire } from "../primaires";
import { centimes, nombreEntier, texte, taux } from "../schema";

const confiance = v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`);
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en kebab-case"));

/**
 * Each sourced figure carries its own proof: at H the address of the primary text that states it (one of the
 * version's sources), at M or L the reason no primary text backs it.
 */
const preuve = {
  /** H: URL of the primary text (Légifrance, Urssaf, Unédic…) that states this figure. */
  source: v.optional(texte),
  /** M / L: why no primary text was found for this figure. */
  motif: v.optional(texte),
};
const MESSAGE_PREUVE =
  "une figure à H cite l'adresse de son texte primaire (« source ») ; à M ou L, elle dit pourquoi (« motif »)";
const prouvee = (f: { confiance: string; source?: string; motif?: string }) =>
  f.confiance === "H" ? !!f.source && estSourcePrimaire(f.source) : !!f.motif;

const composante = v.pipe(
  v.strictObject({
    libelle: texte,
    taux,
    confiance,
    parts: v.optional(v.record(v.string(), taux)),
    ...preuve,
  }),
  v.check((f) => prouvee(f), MESSAGE_PREUVE),
);
const majoration = v.pipe(
  v.strictObject({ libelle: texte, taux, confiance, ajouteeA: slug, ...preuve }),
  v.check((f) => prouvee(f), MESSAGE_PREUVE),
);
const assiette = v.pipe(
  v.strictObject({ libelle: texte, coefficient: taux, confiance, ...preuve }),
  v.check((f) => prouvee(f), MESSAGE_PREUVE),
);
const forfait = v.pipe(
  v.strictObject({ libelle: texte, montant: centimes, confiance, ...preuve }),
  v.check((f) => prouvee(f), MESSAGE_PREUVE),
);

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
    majorations: v.optional(v.record(slug, majoration)),
    assiettes: v.optional(v.record(slug, assiette)),
    forfaits: v.optional(v.record(slug, forfait)),
    lacunes: v.optional(v.array(v.strictObject({ id: slug, libelle: texte, motif: texte }))),
  }),
  /** smic-horaire: the gross hourly SMIC (cents) and the legal week (hours, days) that turn it into a day or week. */
  "smic-horaire": v.strictObject({
    horaireBrut: centimes,
    heuresSemaineLegale: nombreEntier,
    joursSemaineLegale: nombreEntier,
  }),
} as const;
