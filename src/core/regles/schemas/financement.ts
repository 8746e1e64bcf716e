import * as v from "valibot";
import { centimes, texte, taux } from "../schema";
import { estSourcePrimaire, HOTES_PRIMAIRES } from "../primaires";

const confiance = v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`);
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9+]+(-[a-z0-9+]+)*$/, "doit être en kebab-case"));

const plafonds = v.strictObject({
  plafondGeneral: taux,
  plafondDerogatoire: taux,
  seuilPetitBudget: v.nullable(centimes),
  seuilPetitBudgetParHeure: v.nullable(centimes),
  plafondAidesCnc: taux,
  derogationPremierFilm: v.boolean(),
  difficile: v.picklist(["premier-ou-deuxieme-film", "appreciation"]),
  confiance,
  /**
   * What the aid intensity divides by: the whole cost, or the French participation (cost − the foreign coproducers'
   * shares), with the text that defines it for this kind of work.
   */
  baseIntensite: v.picklist(["cout", "participation-francaise"]),
  sourceBaseIntensite: texte,
});

const tauxReduit = v.strictObject({
  partMinimale: taux,
  multiplePreventes: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** Financing rule tables: aid-intensity ceilings (D331-17, RGA), FSA thresholds, source categories. */
export const SCHEMAS_FINANCEMENT = {
  "intensite-aides": v.strictObject({
    seuilAlerte: taux,
    consequenceDepassement: v.optional(texte),
    cinema: plafonds,
    audiovisuel: plafonds,
  }),
  "financement-fsa": v.strictObject({
    partMinimaleDiffuseurs: taux,
    /** Cash floor per hour of the broadcasters' contribution, per genre; a genre left out has none. */
    numeraireParHeure: v.strictObject({
      fiction: v.optional(centimes),
      animation: v.optional(centimes),
      documentaire: v.optional(centimes),
      spectacle: v.optional(centimes),
    }),
    /**
     * RGA art. 311-10: the minimal share lowered for a genre when the international presales reach `multiplePreventes`
     * times the gap between the share at `partMinimaleDiffuseurs` and the contribution made.
     */
    tauxReduits: v.optional(
      v.strictObject({
        animation: v.optional(tauxReduit),
        documentaire: v.optional(tauxReduit),
      }),
    ),
  }),
  "financement-categories": v.strictObject({
    categories: v.pipe(
      v.array(
        v.strictObject({
          id: slug,
          libelle: texte,
          groupe: texte,
          public: v.boolean(),
          cnc: v.boolean(),
          numeraire: v.boolean(),
          diffuseur: v.optional(v.boolean()),
          etranger: v.optional(v.boolean()),
          motsCles: v.array(texte),
          classement: v.pipe(
            v.strictObject({
              confiance,
              source: v.strictObject({ titre: texte, url: v.pipe(v.string(), v.url("n'est pas une URL")) }),
              /** Why the classification is not H (M/L). */
              motif: v.optional(texte),
            }),
            v.check(
              (k) => k.confiance !== "H" || estSourcePrimaire(k.source.url),
              (i) =>
                `classement en confiance H sans texte primaire : ${(i.input as { source: { url: string } }).source.url} ` +
                `n'est pas un éditeur officiel (${HOTES_PRIMAIRES.map((h) => h.hote).join(", ")})`,
            ),
          ),
        }),
      ),
      v.minLength(1),
      v.check((cs) => new Set(cs.map((c) => c.id)).size === cs.length, "identifiants de catégorie en double"),
    ),
    raffinements: v.array(v.strictObject({ de: slug, vers: slug, siMotCle: v.array(texte) })),
  }),
} as const;
