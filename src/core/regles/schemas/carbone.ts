import * as v from "valibot";
import { CATEGORIES } from "../../carbone/modele";
import { dateIso, texte } from "../schema";

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const categorie = v.picklist(
  CATEGORIES.map((c) => c.code),
  (i) => `${String(i.received)} : catégorie ${CATEGORIES.map((c) => c.code).join(", ")} attendue`,
);
/** kg CO₂e per unit, as an exact decimal string > 0 (« 0.00293 »). */
const valeur = v.pipe(
  v.string(),
  v.regex(/^\d+(\.\d+)?$/, (i) => `« ${String(i.input)} » n'est pas un décimal (ex. "0.00293")`),
  v.check((s) => Number(s) > 0, "un facteur d'émission est strictement positif"),
);

/**
 * Where ADEME itself publishes a figure: its own sites (data.ademe.fr, base-empreinte.ademe.fr…) or a repository of
 * its incubator (github.com/incubateur-ademe, e.g. Impact CO2, whose site ADEME edits) pinned to a commit.
 */
const PUBLICATION_ADEME = [
  /^https:\/\/([a-z0-9-]+\.)*ademe\.fr\//,
  /^https:\/\/github\.com\/incubateur-ademe\/[A-Za-z0-9._-]+\/blob\/[0-9a-f]{40}\//,
];
export const estPublicationAdeme = (url: string) => PUBLICATION_ADEME.some((re) => re.test(url));

const facteur = v.pipe(
  v.strictObject({
    libelle: texte,
    categorie,
    type: v.picklist(["activite", "monetaire"], (i) => `${String(i.received)} : type activite ou monetaire`),
    valeur,
    unite: texte,
    /** « Base Carbone », « JORF »… */
    base: texte,
    /** The element's identifier in that base (« 43256 », « JORFARTI000034502756 »): never empty. */
    identifiant: texte,
    nom: texte,
    confiance: v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`),
    /** Where the figure was read (a copy of the base is M at best). */
    source: texte,
    /** The page the value and its identifier were read in (a GitHub file pinned to its commit). */
    url: v.optional(v.pipe(v.string(), v.regex(/^https:\/\/\S+$/, "une adresse https:// attendue"))),
  }),
  v.check((f) => f.type !== "monetaire" || f.unite === "k€ HT", "un ratio monétaire est en k€ HT"),
  v.check(
    (f) => f.confiance !== "H" || (f.url !== undefined && estPublicationAdeme(f.url)),
    "confiance H sans publication de l'ADEME : url doit être une page ademe.fr ou un fichier de " +
      "github.com/incubateur-ademe épinglé à son commit, où la valeur et l'identifiant ont été lus",
  ),
);

/** A category the table cannot estimate: listed « facteur manquant » with its reason, never estimated. */
const manquant = v.strictObject({
  libelle: texte,
  categorie,
  unite: texte,
  raison: texte,
  /** What to do instead, in the finding (« le calculateur homologué demande … »): optional, in French. */
  conseil: v.optional(texte),
});

/**
 * A duration unit of the devis turned into the days of use the calculators count (« 3 semaines × 5 j »): a dated
 * convention with its own confidence and why, overridable in Paramètres (carbone.<code>) like a factor.
 */
const conversion = v.strictObject({
  libelle: texte,
  /** Days per `de`, exact decimal string > 0. */
  valeur,
  unite: texte,
  de: v.picklist(["semaine", "mois"], (i) => `${String(i.received)} : de vaut semaine ou mois`),
  /** When Prodbook set this value (the convention's date, the table's version aside). */
  fixeLe: dateIso,
  confiance: v.picklist(["H", "M", "L"], (i) => `${String(i.received)} : la confiance vaut H, M ou L`),
  /** What was searched and why this value: the reason shown with the conversion. */
  source: texte,
});

const parCode = <T extends v.GenericSchema>(s: T) =>
  v.record(v.pipe(v.string(), v.regex(CODE, "code en kebab-case (ex. train-tgv)")), s);

/** Schema of the emission-factor table (src/core/regles/data/carbone-facteurs.json). */
export const SCHEMAS_CARBONE = {
  "carbone-facteurs": v.pipe(
    v.strictObject({
      facteurs: parCode(facteur),
      manquants: parCode(manquant),
      conversions: parCode(conversion),
    }),
    v.check(
      (t) => Object.keys(t.manquants).every((k) => !(k in t.facteurs)),
      (i) => {
        const t = i.input as { facteurs: object; manquants: object };
        const double = Object.keys(t.manquants).filter((k) => k in t.facteurs);
        return `${double.join(", ")} : un code ne peut pas être à la fois un facteur et un manquant`;
      },
    ),
    v.check(
      (t) => Object.keys(t.conversions).every((k) => !(k in t.facteurs) && !(k in t.manquants)),
      "un code de conversion ne peut pas être celui d'un facteur ou d'un manquant",
    ),
    v.check(
      (t) =>
        (["semaine", "mois"] as const).every((u) => Object.values(t.conversions).filter((c) => c.de === u).length <= 1),
      "une seule conversion par unité (semaine, mois)",
    ),
  ),
} as const;
