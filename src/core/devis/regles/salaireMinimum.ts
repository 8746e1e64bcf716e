import Decimal from "decimal.js";
import type { Regle } from "../../controles/constat";
import { centsToDecimal, eurosToCents, montantLigne, type Cents } from "../../money/cents";
import { TableRegles, versionEnVigueur, VersionRegle } from "../../regles/table";
import { dateFr, normaliser } from "../../util/texte";
import type { CategorieLigne, Devis, LigneDevis } from "../model";
import { surchargeMontant } from "../../regles/parametres";
import { formuleAnnexe3, minimumAnnexe3, origineAnnexe3, regimeAnnexe3, type RegimeAnnexe3 } from "./annexe3";
import { CLE_MINIMUM, celluleMontant, cite, ContexteDevis, eur } from "./contexte";
import {
  FonctionMinimum,
  fonctionDuLibelle,
  StatutMinimum,
  TABLE_MINIMA_2642,
  TABLE_MINIMA_3097,
  ValeursMinima,
} from "./donnees";

/**
 * IDCC 2642: weekly minimum derived from the daily one. Domain-facts §6.1: for a CDDU of ≤ 4 days the daily minimum is
 * the weekly minimum ÷ 4.5. If the grid's daily figures are those "extra" rates, the weekly minimum is daily × 4.5;
 * if they were weekly ÷ 5, it would be daily × 5. We use 4.5, the lower of the two readings [L]: a weekly rate
 * flagged here is below the minimum under either reading (no false alarm), at the cost of missing some.
 */
export const JOURS_PAR_SEMAINE = "4.5";

const JOUR = /^(j|jr|jrs|jour|jours|journee|journees|day|days|jour\(s\)|\/j|par jour)$/;
const SEMAINE = /^(s|sem|sem\.|semaine|semaines|week|weeks|wk|hebdo|semaine\(s\)|\/sem|par semaine)$/;
const SALARIES: readonly (CategorieLigne | undefined)[] = ["salaire-technicien", "salaire-permanent", undefined];

/** The grid a devis is checked against: IDCC 3097 for a cinema work, IDCC 2642 otherwise (by genre and date). */
export interface GrilleMinima {
  table: TableRegles<ValeursMinima>;
  version: VersionRegle<ValeursMinima>;
}

export function grilleMinima(devis: Pick<Devis, "typeOeuvre">, date: string): GrilleMinima | undefined {
  const table = devis.typeOeuvre === "cinema" ? TABLE_MINIMA_3097 : TABLE_MINIMA_2642;
  const version = versionEnVigueur(table, date);
  return version && { table, version };
}

/** Unit rate of a line: its taux, or its amount ÷ (quantité × nombre). */
function tauxUnitaire(l: LigneDevis): Decimal | undefined {
  if (l.taux !== undefined) return new Decimal(l.taux);
  const q = new Decimal(l.quantite ?? 1).times(l.nombre ?? 1);
  if ((l.quantite === undefined && l.nombre === undefined) || q.isZero()) return undefined;
  return new Decimal(l.montant).dividedBy(100).dividedBy(q);
}

/** Minimum per day or per week for one function, with how it was derived (« 282,12 € × 4,5 jours »). */
function minimumUnitaire(
  f: FonctionMinimum,
  v: ValeursMinima,
  parSemaine: boolean,
  surcharge?: Cents,
): { minimum: Cents; derive: string } | undefined {
  const virgule = (s: string) => s.replace(".", ",");
  if (f.hebdomadaire !== undefined || v.journeeSurSemaine !== undefined) {
    // Weekly grid (IDCC 3097): an override is a weekly minimum too.
    const hebdo = surcharge ?? f.hebdomadaire;
    if (hebdo === undefined) return undefined;
    if (parSemaine) return { minimum: hebdo, derive: "" };
    const part = v.journeeSurSemaine ?? "0.25";
    return {
      minimum: montantLigne(1, part, centsToDecimal(hebdo)),
      derive: ` (${eur(hebdo)} par semaine × ${virgule(part)})`,
    };
  }
  const journalier = surcharge ?? f.journalier;
  if (journalier === undefined) return undefined;
  if (!parSemaine) return { minimum: journalier, derive: "" };
  return {
    minimum: montantLigne(1, JOURS_PAR_SEMAINE, centsToDecimal(journalier)),
    derive: ` (${eur(journalier)} × ${virgule(JOURS_PAR_SEMAINE)} jours)`,
  };
}

/**
 * The annexe III minimum of a line (declared film, under the cap): weekly from the annexe I weekly minimum (the grid's,
 * or a Paramètres override of it), then per day as annexe I does (× journeeSurSemaine). A function whose annexe I
 * minimum is under the socle keeps it (not eligible). `texte` names the formula and both table versions.
 */
function minimumAnnexe3Ligne(
  annexe1: Cents,
  a3: Extract<RegimeAnnexe3, { applique: true }>,
  grille: ValeursMinima,
  f: FonctionMinimum,
  parSemaine: boolean,
  origineAnnexe1: string,
): { minimum: Cents; derive: string; texte: string; eligible: boolean } | undefined {
  const v3 = a3.version.valeurs;
  const hebdo3 = minimumAnnexe3(annexe1, v3);
  const m = minimumUnitaire({ ...f, hebdomadaire: hebdo3 ?? annexe1 }, grille, parSemaine);
  if (!m) return undefined;
  const texte =
    hebdo3 !== undefined
      ? `annexe III : ${formuleAnnexe3(annexe1, v3)} = ${eur(hebdo3)} par semaine, ${origineAnnexe3(a3.version)} ; ` +
        `minimum de l'annexe I : ${origineAnnexe1}`
      : `fonction non éligible à l'annexe III : son minimum de l'annexe I, ${eur(annexe1)} par semaine, est sous le ` +
        `socle de ${eur(v3.socle)} (${origineAnnexe3(a3.version)}) ; minimum de l'annexe I : ${origineAnnexe1}`;
  return { ...m, texte, eligible: hebdo3 !== undefined };
}

export const salaireMinimum: Regle<ContexteDevis> = {
  id: "salaire-minimum",
  description:
    "Un salaire journalier ou hebdomadaire n'est pas inférieur au minimum conventionnel de la fonction (IDCC 3097 pour le " +
    "cinéma, minima réduits de son annexe III quand le film y est déclaré ; IDCC 2642 pour l'audiovisuel selon le genre).",
  verifier({ devis, date, surcharges, annexe3097 }) {
    const regime = annexe3097 ? regimeAnnexe3(devis, date) : undefined;
    const a3 = regime?.applique ? regime : undefined;
    const avant = regime && !regime.applique ? [regime.constat] : [];
    const g = grilleMinima(devis, date);
    if (!g) return avant;
    const { table, version } = g;
    const grille = version.valeurs;
    const cinema = devis.typeOeuvre === "cinema";
    const portee = grille.genres?.[devis.genre ?? "inconnu"];
    const dateGrille = dateFr(version.effetDu);
    const suiteCinema = !cinema
      ? ""
      : regime
        ? a3
          ? ""
          : " ; annexe III déclarée, non appliquée (voir son alerte)"
        : " ; un film dérogé à l'annexe III (budget limité) a des minima plus bas, non vérifiés";
    return avant.concat(
      devis.lignes.flatMap((l) => {
        if (!SALARIES.includes(l.categorie) || l.pourcentage) return [];
        const u = normaliser(l.unite ?? "");
        const parSemaine = SEMAINE.test(u);
        if (!parSemaine && !JOUR.test(u)) return [];
        const f = fonctionDuLibelle(l.libelle, grille);
        const taux = tauxUnitaire(l);
        if (!f || !taux) return [];
        const surcharge = surcharges && surchargeMontant(surcharges, CLE_MINIMUM(f.id));
        const statut: StatutMinimum = surcharge ? "grille" : (f.statut ?? portee?.statut ?? "grille");
        const confiance = f.confiance ?? version.confiance;
        const aVerifier = confiance === "H" ? "" : ", à vérifier";
        const motifPlancher =
          f.statut === "plancher" ? "grille antérieure, le minimum en vigueur est plus élevé" : portee?.motif;
        const origineGrille = surcharge
          ? `paramètre ${surcharge.cellule}`
          : `table ${table.id} en vigueur au ${dateGrille}, ${grille.categorie}, base ${grille.baseHeures} h${aVerifier}` +
            (statut === "plancher" ? ` ; plancher : ${motifPlancher ?? "minimum en vigueur plus élevé"}` : "");
        const annexe1 = surcharge?.valeur ?? f.hebdomadaire;
        const m3 =
          a3 && annexe1 !== undefined && minimumAnnexe3Ligne(annexe1, a3, grille, f, parSemaine, origineGrille);
        const m = m3 || minimumUnitaire(f, grille, parSemaine, surcharge?.valeur);
        if (!m) return [];
        const paye = eurosToCents(taux);
        if (paye >= m.minimum) return [];
        const unite = parSemaine ? "semaine" : "jour";
        const origine = m3 ? m3.texte : origineGrille + suiteCinema;
        const cellule = l.source.cellules.taux ?? celluleMontant(l);
        const quoi = statut === "plancher" ? "sous le plancher connu" : "sous le minimum";
        const convention = m3 ? `${grille.convention}, annexe ${m3.eligible ? "III" : "I"},` : grille.convention;
        return [
          {
            regle: "salaire-minimum",
            gravite: statut === "grille" && !cinema ? ("erreur" as const) : ("alerte" as const),
            message:
              `${cellule} ${cite(l.libelle)} : ${eur(paye)} par ${unite}, ${quoi} ${convention} de la fonction ` +
              `« ${f.libelle} » : ${eur(m.minimum)} par ${unite}${m.derive} (${origine}).`,
            cellule,
          },
        ];
      }),
    );
  },
};
