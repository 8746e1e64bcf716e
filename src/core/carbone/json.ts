import Decimal from "decimal.js";
import { centsToDecimalString } from "../money/cents";
import { tablesBilanCarbone, type ResultatBilanCarbone } from "./bilanClasseur";
import { tonnes } from "./estimer";
import { jsonTablesUtilisees } from "../regles/utilisees";
import { citation } from "./facteurs";
import { CATEGORIES, LIBELLES_METHODE } from "./modele";

const kg = (v: string | undefined) =>
  v === undefined ? null : new Decimal(v).toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toFixed();

/**
 * The public JSON contract of `prodbook carbone --json` (issue 15): total in t CO₂e (two decimals), categories with
 * their activities (cellule, quantite, unite, facteur in kg CO₂e per unit, source), manquants { cellule, message }.
 * Fields may be added, never renamed or removed.
 */
export function jsonCarbone(r: ResultatBilanCarbone) {
  const t = r.totaux;
  return {
    total: tonnes(t.total),
    definitif: t.definitifsDisponibles ? tonnes(t.definitif) : null,
    partActivite: t.partActivite.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    partMonetaire: t.partMonetaire.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4),
    categories: CATEGORIES.map((c) => ({
      code: c.code,
      libelle: c.libelle,
      tCO2e: tonnes(t.parCategorie.get(c.code)!.kg),
      // Added field: every line of the category waits for a quantity or a factor, so its « 0.00 » is no figure.
      nonChiffree:
        r.activites.some((a) => a.categorie === c.code) &&
        r.activites.every((a) => a.categorie !== c.code || a.kgCO2e === undefined),
      // Unknown (null) for a category none of whose lines has a réalisé: never « 0 t » it did not prove.
      tCO2eDefinitif: t.parCategorie.get(c.code)!.definitifs ? tonnes(t.parCategorie.get(c.code)!.kgDefinitif) : null,
      activites: r.activites
        .filter((a) => a.categorie === c.code)
        .map((a) => ({
          cellule: a.cellule,
          libelle: a.libelle,
          poste: a.poste,
          quantite: a.quantiteRetenue ?? null,
          unite: a.unite,
          facteur: a.facteurTrouve?.valeur ?? null,
          uniteFacteur: a.facteurTrouve?.unite ?? null,
          codeFacteur: a.facteurRetenu,
          source: a.facteurTrouve ? citation(a.facteurTrouve) : null,
          methode: LIBELLES_METHODE[a.methode],
          kgCO2e: kg(a.kgCO2e),
          kgCO2eDefinitif: kg(a.kgCO2eDefinitif),
          montant: a.montant === undefined ? null : centsToDecimalString(a.montant),
          corrigee: a.corrigee,
          /** Added: weeks or months of the devis turned into days (quantite, unite as read; joursParUnite), or null. */
          conversion: a.conversion
            ? {
                code: a.conversion.code,
                quantite: a.conversion.quantite,
                unite: a.conversion.unite,
                joursParUnite: a.conversion.jours,
                confiance: a.conversion.confiance,
                /** Added: the plan de travail sheet whose shooting weeks gave the days per week, or null. */
                plan: a.conversion.plan ?? null,
              }
            : null,
        })),
    })),
    manquants: r.manquants.map((m) => ({ cellule: m.cellule, message: m.message })),
    facteursManquants: [...r.jeu.manquants.values()].map((m) => ({
      code: m.code,
      libelle: m.libelle,
      raison: m.raison,
      /** Added: what to do instead (what the homologated calculators ask for), or null. */
      conseil: m.conseil ?? null,
    })),
    /** Added: the conventions turning weeks and months into days of use, with their confidence and reason. */
    conversions: [...r.jeu.conversions.values(), ...(r.jeu.plan?.conversion ? [r.jeu.plan.conversion] : [])].map(
      (c) => ({
        code: c.code,
        libelle: c.libelle,
        joursParUnite: c.valeur,
        de: c.de,
        fixeLe: c.fixeLe,
        confiance: c.confiance,
        source: c.source,
        surcharge: c.surcharge ?? null,
        /** Added: the plan de travail sheet this week of shooting equipment was read in, or null (the table's). */
        plan: c.plan ?? null,
      }),
    ),
    plan: r.plan
      ? {
          feuille: r.plan.feuille,
          jours: r.plan.jours,
          personnes: r.plan.personnes,
          joursPersonne: r.plan.joursPersonne,
          lieux: r.plan.lieux.map((l) => ({ lieu: l.lieu, jours: l.jours, personnes: l.personnes })),
          /** Added: shooting days per calendar week (Monday), and the days per week they give (null: they differ). */
          semaines: r.plan.semaines.map((s) => ({ lundi: s.lundi, jours: s.jours })),
          joursParSemaine: r.plan.joursParSemaine ?? null,
        }
      : null,
    couverture: {
      lignes: centsToDecimalString(r.couverture.lignes),
      activite: centsToDecimalString(r.couverture.parMethode.activite),
      monetaire: centsToDecimalString(r.couverture.parMethode.monetaire),
      aCompleter: centsToDecimalString(r.couverture.parMethode["a-completer"]),
      facteurManquant: centsToDecimalString(r.couverture.parMethode["facteur-manquant"]),
      personnel: centsToDecimalString(r.couverture.hors.personnel),
      droits: centsToDecimalString(r.couverture.hors.droits),
      frais: centsToDecimalString(r.couverture.hors.frais),
      nonClassees: centsToDecimalString(r.couverture.hors["non-classee"]),
      conserve: r.couverture.conserve,
    },
    feuilles: r.feuillesEcrites,
    /**
     * Added: where the définitif's réalisé came from — `{ "source": "fec", "fec": "<file>", "correspondances":
     * "fichier" | "feuille" | "defaut" }`, `{ "source": "ecarts", "feuille": "Écarts" }`, or `{ "source": null }`.
     */
    realise: r.realise,
    /**
     * The rule-table versions used (the emission factors; the default PCG correspondances of a FEC's réalisé), like
     * devis / financement / credit-impot / ecarts.
     */
    tables: jsonTablesUtilisees(tablesBilanCarbone(r)),
  };
}
