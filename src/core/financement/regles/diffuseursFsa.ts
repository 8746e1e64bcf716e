import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import type { Genre } from "../../devis/model";
import { type Cents, multiplyCents, subCents, sumCents } from "../../money/cents";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";
import { seuilsFsa } from "../plafonds";
import { minutesFr } from "../../util/texte";

/** The work's genre at the head of a finding. */
const GENRE_FSA: Record<Genre, string> = {
  fiction: "Fiction",
  animation: "Animation",
  documentaire: "Documentaire",
  spectacle: "Adaptation de spectacle vivant",
};
/** The genre as the rule names it in the list of floors. */
const GENRE_PLANCHER: Record<Genre, string> = {
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
  const coproducteursEtrangers = sumCents(
    ctx.sources.filter((x) => x.categorie === "coproducteur-etranger").map((x) => x.montant),
  );
  const cout = s.cout ?? s.total;
  const quoi = s.cout !== undefined ? "coût de l'œuvre" : "total du financement (coût de l'œuvre non indiqué)";
  if (coproducteursEtrangers <= 0) return { montant: cout, nom: `${quoi} (${euros(cout)})`, de: "du" };
  const montant = subCents(cout, coproducteursEtrangers);
  return {
    montant,
    nom:
      `participation française en coproduction internationale (${euros(montant)} = ${quoi} ` +
      `${euros(cout)} − parts des coproducteurs étrangers ${euros(coproducteursEtrangers)})`,
    de: "de la",
  };
}

/** « 12 000,00 € en fiction, animation et documentaire de création ; 20 000,00 € en adaptation de spectacle vivant ». */
function planchers(parGenre: Partial<Record<Genre, Cents>>): string {
  const groupes = new Map<Cents, string[]>();
  for (const [g, m] of Object.entries(parGenre) as [Genre, Cents][])
    groupes.set(m, [...(groupes.get(m) ?? []), GENRE_PLANCHER[g]]);
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
    "20 000 € par heure en adaptation de spectacle vivant (soutien automatique FSA, RGA art. 311-9).",
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
      if (part.lessThan(f.partMinimale)) {
        out.push({
          regle: "diffuseurs-fsa",
          gravite: "alerte",
          message:
            `Diffuseurs français : ${euros(s.diffuseursFrancais)} = ${pctVers(part, f.partMinimale)} ${base.de} ${base.nom}, ` +
            `en dessous des ${pct(f.partMinimale)}${mentionConfiance(f.version.confiance)} exigés pour le soutien ` +
            `automatique FSA ; sinon, passage en ` +
            `commission sélective.`,
        });
      }
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
    const minimum = multiplyCents(parHeure, new Decimal(ctx.dureeMinutes).dividedBy(60));
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
