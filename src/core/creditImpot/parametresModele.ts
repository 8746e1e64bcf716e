import { type Cents, formatMontantFr, formatPourcentFr } from "../money";
import type { EntreeParametre } from "../regles/parametres";
import type { TableRegles } from "../regles/table";
import { GENRES_CREDIT } from "./modele";
import { regleAnnee, TABLES_CREDIT_IMPOT as T } from "./regles";

type Lecture = { texte: string } | undefined;
const pct = (v: string | undefined): Lecture => (v === undefined ? undefined : { texte: formatPourcentFr(v) });
const eur = (v: Cents | undefined): Lecture => (v === undefined ? undefined : { texte: formatMontantFr(v) });
const min = (v: number | undefined): Lecture => (v === undefined ? undefined : { texte: `${v} min` });

function entree<V>(
  table: TableRegles<V>,
  annee: number,
  cle: string,
  libelle: string,
  lire: (v: V) => Lecture,
): EntreeParametre | undefined {
  const r = regleAnnee(table, annee);
  const l = r && lire(r.version.valeurs);
  if (!r || !l) return undefined;
  return {
    cle,
    libelle,
    enVigueur: l.texte,
    confiance: r.version.confiance,
    source: r.version.sources.map((s) => s.url).join(" ; "),
    table: r.table,
  };
}

/** The overridable figures of the tax credits with their value in force for `annee` (template « Paramètres » sheet). */
export function entreesParametresCreditImpot(annee: number): EntreeParametre[] {
  const e: (EntreeParametre | undefined)[] = [
    entree(T.cinema, annee, "credit-impot.cinema.taux", "Taux de base du crédit d'impôt cinéma", (v) => pct(v.taux)),
    entree(
      T.cinema,
      annee,
      "credit-impot.cinema.taux-majore",
      "Taux cinéma majoré (animation, français ou langue régionale, effets visuels)",
      (v) => pct(v.tauxMajore),
    ),
    entree(
      T.cinema,
      annee,
      "credit-impot.cinema.part-plans-vfx",
      "Part de plans truqués d'une fiction assimilée à l'animation",
      (v) => pct(v.partPlansVfxAnimation),
    ),
    entree(T.cinemaPlafond, annee, "credit-impot.cinema.plafond-oeuvre", "Plafond par œuvre (cinéma)", (v) =>
      eur(v.plafondOeuvre),
    ),
    ...[0, 1, 2].map((i) =>
      entree(
        T.realisateur,
        annee,
        `credit-impot.cinema.realisateur.tranche-${i + 1}`,
        `Rémunération du réalisateur : part de la tranche ${i + 1} du coût`,
        (v) => pct(v.tranches[i]?.taux),
      ),
    ),
    ...GENRES_CREDIT.flatMap((g) => [
      entree(T.audiovisuel, annee, `credit-impot.audiovisuel.taux.${g}`, `Taux audiovisuel ${g}`, (v) => pct(v[g])),
      g === "fiction"
        ? entree(
            T.minuteFiction,
            annee,
            "credit-impot.audiovisuel.plafond-minute.fiction",
            "Plafond par minute fiction (remplace la tranche selon le coût par minute)",
            (v) => ({
              texte: `selon le coût par minute : ${v.tranches.map((t) => formatMontantFr(t.plafond)).join(" … ")}`,
            }),
          )
        : entree(
            g === "documentaire" ? T.minuteDocumentaire : T.minuteAnimation,
            annee,
            `credit-impot.audiovisuel.plafond-minute.${g}`,
            `Plafond par minute ${g}`,
            (v) => eur(v.plafond),
          ),
    ]),
    entree(
      T.minuteCoproduction,
      annee,
      "credit-impot.audiovisuel.plafond-minute.fiction-coproduction",
      "Plafond par minute fiction en coproduction internationale",
      (v) => eur(v.plafond),
    ),
    entree(
      T.minuteCoproduction,
      annee,
      "credit-impot.audiovisuel.coproduction.part-etrangere",
      "Part minimale de financement étranger (fiction en coproduction internationale)",
      (v) => pct(v.partEtrangereMin),
    ),
    entree(
      T.minuteCoproduction,
      annee,
      "credit-impot.audiovisuel.coproduction.cout-minute",
      "Coût minimal par minute (fiction en coproduction internationale)",
      (v) => eur(v.coutMinuteMin),
    ),
    entree(
      T.minimumFiction,
      annee,
      "credit-impot.audiovisuel.minimum-minute.fiction",
      "Coût minimal par minute fiction (hors FG et imprévus)",
      (v) => eur(v.coutMinute),
    ),
    entree(T.minimumFiction, annee, "credit-impot.audiovisuel.duree-minimum.fiction", "Durée minimale fiction", (v) =>
      min(v.dureeMinutes),
    ),
    entree(
      T.minimumJeunesse,
      annee,
      "credit-impot.audiovisuel.minimum-minute.fiction-jeunesse",
      "Coût minimal par minute d'une fiction jeunesse",
      (v) => eur(v.coutMinute),
    ),
    entree(
      T.minimumDocumentaire,
      annee,
      "credit-impot.audiovisuel.minimum-minute.documentaire",
      "Dépenses éligibles minimales par minute (documentaire)",
      (v) => eur(v.depensesMinute),
    ),
    entree(
      T.minimumDocumentaire,
      annee,
      "credit-impot.audiovisuel.duree-minimum.documentaire",
      "Durée minimale documentaire",
      (v) => min(v.dureeMinutes),
    ),
    entree(
      T.minimumDocumentaire,
      annee,
      "credit-impot.audiovisuel.cout-minimum.documentaire",
      "Coût de production minimal par minute (documentaire, hors FG et imprévus)",
      (v) => eur(v.coutMinute),
    ),
    entree(
      T.minimumAnimation,
      annee,
      "credit-impot.audiovisuel.minimum-minute.animation",
      "Coût minimal par minute animation (hors FG et imprévus)",
      (v) => eur(v.coutMinute),
    ),
    entree(
      T.minimumAnimation,
      annee,
      "credit-impot.audiovisuel.duree-minimum.animation",
      "Durée minimale animation",
      (v) => min(v.dureeMinutes),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.plafond-aides-publiques",
      "Plafond des aides publiques (international)",
      (v) => pct(v.plafondAidesPubliques),
    ),
    entree(
      T.artistes,
      annee,
      "credit-impot.artistes.base-minimum",
      "Rémunérations des artistes-interprètes au minimum conventionnel (à saisir)",
      () => ({ texte: "non fournie : rémunérations retenues en entier" }),
    ),
    entree(T.international, annee, "credit-impot.international.taux", "Taux international", (v) => pct(v.taux)),
    entree(
      T.international,
      annee,
      "credit-impot.international.jours-tournage-france",
      "Jours de tournage minimum en France (prises de vues réelles)",
      (v) => ({ texte: `${v.joursTournageFranceMin} jours` }),
    ),
    entree(T.international, annee, "credit-impot.international.taux-vfx", "Taux international majoré (VFX)", (v) =>
      pct(v.tauxVfx),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.seuil-vfx",
      "Dépenses VFX en France à dépasser pour le taux majoré",
      (v) => eur(v.seuilVfxFrance),
    ),
    entree(T.international, annee, "credit-impot.international.part-plans-vfx", "Part minimale de plans VFX", (v) =>
      pct(v.partPlansVfxMin),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.part-budget",
      "Part maximale du budget retenue dans la base",
      (v) => pct(v.partBudgetMax),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.plafond-oeuvre",
      "Plafond par œuvre (international)",
      (v) => eur(v.plafondOeuvre),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.minimum-france",
      "Dépenses éligibles minimales en France",
      (v) => eur(v.minimumFrance),
    ),
    entree(
      T.international,
      annee,
      "credit-impot.international.part-france-petit-budget",
      "Part minimale des dépenses en France (budget < 500 000 €)",
      (v) => pct(v.partFrancePetitBudget),
    ),
    entree(
      T.hebergement,
      annee,
      "credit-impot.hebergement.paris",
      "Hébergement retenu par nuit (Paris et petite couronne)",
      (v) => eur(v.paris),
    ),
    entree(T.hebergement, annee, "credit-impot.hebergement.ailleurs", "Hébergement retenu par nuit (hors Paris)", (v) =>
      eur(v.ailleurs),
    ),
    entree(
      T.aidesPubliques,
      annee,
      "credit-impot.aides-publiques.plafond",
      "Plafond des aides publiques (part du budget)",
      (v) => pct(v.plafond),
    ),
    entree(
      T.aidesPubliques,
      annee,
      "credit-impot.aides-publiques.plafond-difficile",
      "Plafond des aides publiques (œuvres difficiles et à petit budget)",
      (v) => pct(v.plafondDifficile),
    ),
    entree(
      T.plafondBudget,
      annee,
      "credit-impot.plafond-budget.part",
      "Part maximale du budget de production retenue dans la base (cinéma, audiovisuel)",
      (v) => pct(v.partBudgetMax),
    ),
  ];
  return e.filter((x): x is EntreeParametre => x !== undefined);
}
