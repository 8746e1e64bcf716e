import * as v from "valibot";
import { decimal, jours, minutes, texte, taux } from "../schema";
import { CLES_FERIES } from "../../planning/feries";

const confiance = v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`);
const heures = v.pipe(v.number(), v.minValue(0, "une durée en heures est ≥ 0"));

const regles = v.strictObject({
  libelle: texte,
  confiance,
  dureeQuotidienneMax: v.nullable(heures),
  reposQuotidien: heures,
  reposReduit: heures,
  reposReduitsParSemaine: v.pipe(v.number(), v.integer(), v.minValue(0)),
  dureeHebdomadaireMax: v.nullable(heures),
  dureeHebdomadaireReference: heures,
  tranches: v.array(v.strictObject({ "au-dela": heures, jusqua: v.nullable(heures), majoration: taux })),
  noteTranches: v.optional(texte),
});

const majoration = v.strictObject({ majoration: decimal, article: texte, precision: v.optional(texte) });
const dimanchesFeries = v.strictObject({
  libelle: texte,
  confiance,
  dimanche: v.nullable(majoration),
  feries: v.record(v.picklist(CLES_FERIES), majoration),
});

const parGenre = v.strictObject({ fiction: jours, documentaire: jours, animation: jours, spectacle: jours });

/** Planning rule tables: working time by collective agreement, default post-production steps. */
export const SCHEMAS_PLANNING = {
  "temps-de-travail": v.record(v.picklist(["2642", "3097"]), regles),
  "dimanches-feries": v.strictObject({
    premierMai: v.strictObject({ indemnite: decimal, article: texte }),
    conventions: v.record(v.picklist(["2642", "3097"]), dimanchesFeries),
  }),
  "postproduction-etapes": v.strictObject({
    dureeReferenceMinutes: minutes,
    etapes: v.array(
      v.strictObject({
        nom: texte,
        predecesseurs: v.array(texte),
        echelle: v.picklist(["fixe", "proportionnelle"]),
        jalon: v.optional(v.boolean()),
        jours: parGenre,
      }),
    ),
  }),
} as const;
