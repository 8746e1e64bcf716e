import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import type { Genre } from "../../devis/model";
import { type Cents, multiplyCents, subCents, sumCents, ZERO } from "../../money/cents";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";
import { seuilsFsa, type TauxReduitFsa } from "../plafonds";
import { categorie } from "../categories";
import { minutesFr } from "../../util/texte";

/** The work's genre at the head of a finding. */
const GENRE_FSA: Record<Genre, string> = {
  fiction: "Fiction",
  animation: "Animation",
  documentaire: "Documentaire",
  spectacle: "Adaptation de spectacle vivant",
};
/** The genre as the RGA names it (the list of floors, the reduced shares, the « Plan de financement » sheet). */
export const GENRE_RGA: Record<Genre, string> = {
  fiction: "fiction",
  animation: "animation",
  documentaire: "documentaire de création",
  spectacle: "adaptation de spectacle vivant",
};

/** What the 25 % is measured on (RGA art. 311-9): the work's cost, or the French participation in a coproduction. */
export interface BaseFsa {
  montant: Cents;
  /** « coût de l'œuvre (1 000 000,00 €) », said in the finding. */
  nom: string;
  /** The French preposition before `nom`: « du » or « de la ». */
  de: "du" | "de la";
  /** The foreign coproducers' shares taken off the cost (0 outside an international coproduction). */
  coproducteurs: Cents;
}

/**
 * RGA art. 311-9 (read in an unofficial copy): the broadcasters' initial contribution is at least 25 % of the work's
 * final cost, or 25 % of the French participation in an international coproduction. The cost is the plan's (or
 * devis's, or given) cost; without one, the plan's financing total, said as such. An international coproduction is a
 * plan with foreign coproducers' shares (category « coproducteur-etranger »): the French participation is the cost
 * less those shares.
 */
export function baseFsa(ctx: ContexteFinancement): BaseFsa {
  const s = ctx.synthese;
  // One definition of the foreign coproducers' shares, the intensity's (synthetiser).
  const coproducteursEtrangers = s.partsCoproducteursEtrangers;
  const cout = s.cout ?? s.total;
  const quoi = s.cout !== undefined ? "coût de l'œuvre" : "total du financement (coût de l'œuvre non indiqué)";
  if (coproducteursEtrangers <= 0)
    return { montant: cout, nom: `${quoi} (${euros(cout)})`, de: "du", coproducteurs: coproducteursEtrangers };
  const montant = subCents(cout, coproducteursEtrangers);
  return {
    montant,
    nom:
      `participation française en coproduction internationale (${euros(montant)} = ${quoi} ` +
      `${euros(cout)} − parts des coproducteurs étrangers ${euros(coproducteursEtrangers)})`,
    de: "de la",
    coproducteurs: coproducteursEtrangers,
  };
}

/** The French broadcasters' minimum cash for the work (RGA art. 311-9): the genre's amount per hour × the duration. */
export function minimumNumeraire(parHeure: Cents, dureeMinutes: number): Cents {
  return multiplyCents(parHeure, new Decimal(dureeMinutes).dividedBy(60));
}

/** The genre as RGA art. 311-10 names it, after « en ». */
const GENRE_REDUIT: Partial<Record<Genre, string>> = {
  animation: "en animation",
  documentaire: "en documentaire de création",
};
/** What RGA art. 311-10 also requires and a plan de financement cannot show: said « à vérifier », never assumed. */
const CONDITIONS_NON_LUES: Partial<Record<Genre, string>> = {
  animation:
    "contrats de prévente conclus avec des éditeurs de services établis à l'étranger avant la fin de la fabrication " +
    "de l'animation, et au moins 30 points au groupe « Création » et 36 au groupe « Fabrication » du barème de " +
    "l'art. 311-44 (III, A ou B)",
  documentaire:
    "contrats de prévente conclus avec des éditeurs de services établis à l'étranger avant la fin des prises de vues " +
    "(avant le début du montage pour une œuvre d'images préexistantes)",
};

/**
 * International presales as a plan shows them (RGA art. 311-10): the broadcasters' sources from abroad (a
 * broadcaster's category, origin « Étranger »). A sales agent's minimum guarantee is not a presale contract: not
 * counted, its total returned to be said.
 */
export function preventesInternationales(ctx: ContexteFinancement): { preventes: Cents; vendeurs: Cents } {
  const somme = (ok: (x: (typeof ctx.sources)[number]) => boolean) =>
    sumCents(ctx.sources.filter(ok).map((x) => x.montant));
  return {
    preventes: somme((x) => x.etranger && !!categorie(x.categorie, ctx.date).diffuseur),
    vendeurs: somme((x) => x.categorie === "vendeur-international"),
  };
}

/**
 * The reduced share of RGA art. 311-10 that a plan below the common share could still meet: the presales required
 * (the gap to the common share, times the genre's multiple) against those of the plan.
 */
export function tauxReduitFsa(
  ctx: ContexteFinancement,
  base: Cents,
  t: TauxReduitFsa,
  partMinimale: Decimal,
): { exige: Cents; ecart: Cents; requis: Cents; preventes: Cents; vendeurs: Cents } {
  const exige = multiplyCents(base, partMinimale);
  const ecart = subCents(exige, ctx.synthese.diffuseursFrancais);
  const requis = ecart > 0 ? multiplyCents(ecart, t.multiplePreventes) : ZERO;
  return { exige, ecart, requis, ...preventesInternationales(ctx) };
}

/**
 * French broadcasters below the common share: an alert, which for a genre with a reduced share (RGA art. 311-10)
 * says whether the plan reaches it (share and presales) and what the plan cannot show (« à vérifier »).
 */
function sousLaPart(ctx: ContexteFinancement, base: BaseFsa, part: Decimal, f: ReturnType<typeof seuilsFsa>): Constat {
  const s = ctx.synthese;
  const reduit = ctx.genre ? f.tauxReduits[ctx.genre] : undefined;
  const mention = mentionConfiance(f.version.confiance);
  const seuils = reduit ? [f.partMinimale, reduit.partMinimale] : [f.partMinimale];
  const debut =
    `Diffuseurs français : ${euros(s.diffuseursFrancais)} = ${pctVers(part, ...seuils)} ${base.de} ${base.nom}, ` +
    `en dessous des ${pct(f.partMinimale)}${mention} exigés pour le soutien automatique FSA`;
  const fin = ` ; sinon, passage en commission sélective.`;
  const alerte = (message: string): Constat => ({ regle: "diffuseurs-fsa", gravite: "alerte", message });
  if (!reduit || !ctx.genre) return alerte(debut + fin);
  const taux = `${pct(reduit.partMinimale)} du taux réduit ${GENRE_REDUIT[ctx.genre]} (RGA art. 311-10)`;
  if (part.lessThan(reduit.partMinimale)) return alerte(`${debut}, et des ${taux}${fin}`);
  const r = tauxReduitFsa(ctx, base.montant, reduit, f.partMinimale);
  const double = reduit.multiplePreventes === 2 ? "le double de " : "";
  const calcul =
    `${double}l'écart à ${pct(f.partMinimale)} : ${euros(r.requis)} = ` +
    (reduit.multiplePreventes === 1 ? "" : `${reduit.multiplePreventes} × `) +
    `(${euros(r.exige)} exigés − ${euros(s.diffuseursFrancais)})`;
  const plan = `préventes internationales du plan (sources de diffuseurs d'origine étrangère) ${euros(r.preventes)}`;
  const vendeurs =
    r.vendeurs > 0
      ? ` ; le vendeur international (${euros(r.vendeurs)}) n'est pas compté : un minimum garanti n'est pas un ` +
        `contrat de prévente`
      : "";
  if (r.preventes < r.requis)
    return alerte(
      `${debut} ; les ${taux} demandent des préventes internationales d'au moins ${calcul}, ${plan}${vendeurs}${fin}`,
    );
  return alerte(
    `${debut}, mais au moins des ${taux} : ${plan}, au moins ${calcul}${vendeurs} ; à vérifier, le plan ne le dit pas : ` +
      `${CONDITIONS_NON_LUES[ctx.genre]}${fin}`,
  );
}

/** « 12 000,00 € en fiction, animation et documentaire de création ; 20 000,00 € en adaptation de spectacle vivant ». */
function planchers(parGenre: Partial<Record<Genre, Cents>>): string {
  const groupes = new Map<Cents, string[]>();
  for (const [g, m] of Object.entries(parGenre) as [Genre, Cents][])
    groupes.set(m, [...(groupes.get(m) ?? []), GENRE_RGA[g]]);
  const liste = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(", ")} et ${xs[xs.length - 1]}` : xs[0]);
  return [...groupes].map(([m, gs]) => `${euros(m)} en ${liste(gs)}`).join(" ; ");
}

/**
 * Audiovisual works: access to the FSA's automatic support needs French broadcasters to bring at least 25 % of the
 * work's cost (of the French participation in an international coproduction), with a cash part of at least 12 000 €
 * per hour in fiction, animation and documentary, 20 000 € per hour for a live-show adaptation (RGA art. 311-9).
 */
export const diffuseursFsa: Regle<ContexteFinancement> = {
  id: "diffuseurs-fsa",
  description:
    "Œuvre audiovisuelle : diffuseurs français ≥ 25 % du coût de l'œuvre (de la participation française en coproduction " +
    "internationale), dont au moins 12 000 € par heure en numéraire en fiction, animation et documentaire de création, " +
    "20 000 € par heure en adaptation de spectacle vivant (soutien automatique FSA, RGA art. 311-9) ; part ramenée à " +
    "15 % en animation et 20 % en documentaire de création avec des préventes internationales (art. 311-10).",
  verifier(ctx) {
    if (ctx.typeOeuvre !== "audiovisuel") return [];
    const s = ctx.synthese;
    if (s.financementFrancais <= 0) return [];
    const f = seuilsFsa(ctx.date);
    const out: Constat[] = [];
    const base = baseFsa(ctx);
    if (base.montant <= 0) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "alerte",
        message:
          `Diffuseurs français : part non calculée, la base des ${pct(f.partMinimale)} exigés pour le soutien ` +
          `automatique FSA est nulle ou négative : ${base.nom} ; vérifiez le coût de production.`,
      });
    } else {
      const part = new Decimal(s.diffuseursFrancais).dividedBy(base.montant);
      if (part.lessThan(f.partMinimale)) out.push(sousLaPart(ctx, base, part, f));
    }
    const parHeure = ctx.genre ? f.numeraireParHeure[ctx.genre] : undefined;
    if (!ctx.genre || parHeure === undefined) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "info",
        message:
          `Minimum de numéraire par heure des diffuseurs non vérifié : ` +
          (ctx.genre
            ? `aucun plancher pour le genre « ${ctx.genre} »`
            : `genre de l'œuvre non précisé (par heure : ${planchers(f.numeraireParHeure)})`) +
          `.`,
      });
      return out;
    }
    const quoi = GENRE_FSA[ctx.genre];
    if (!ctx.dureeMinutes) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "info",
        message:
          `${quoi} : le minimum de ${euros(parHeure)} par heure en numéraire des diffuseurs n'a pas été vérifié ` +
          `faute de durée de l'œuvre.`,
      });
      return out;
    }
    const minimum = minimumNumeraire(parHeure, ctx.dureeMinutes);
    if (s.numeraireDiffuseursFrancais < minimum) {
      out.push({
        regle: "diffuseurs-fsa",
        gravite: "alerte",
        message:
          `${quoi} de ${minutesFr(ctx.dureeMinutes)} min : numéraire des diffuseurs ` +
          `français ${euros(s.numeraireDiffuseursFrancais)}, en dessous du minimum de ${euros(minimum)}` +
          `${mentionConfiance(f.version.confiance, `${euros(parHeure)} par heure`)}.`,
      });
    }
    return out;
  },
};
