import type { Constat, Regle } from "../../controles/constat";
import { multiplyCents, subCents, sumCents, ZERO } from "../../money/cents";
import { categorie } from "../categories";
import { ContexteFinancement, euros, mentionConfiance, pct, pctVers } from "../contexte";

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** Public aid (crédit d'impôt included) over the production cost, or its French share in a coproduction. */
export const intensiteAidesPubliques: Regle<ContexteFinancement> = {
  id: "intensite-aides-publiques",
  description:
    "Les aides publiques (CNC, régions, Europe, crédit d'impôt) ne dépassent pas 50 % du coût (60 % pour une œuvre difficile ou à " +
    "petit budget, art. D331-17) ; au-delà, le constat chiffre l'excédent (pour le crédit d'impôt, seule cette fraction est " +
    "retirée selon le Conseil d'État, 15 mars 2023).",
  verifier(ctx) {
    const { synthese: s, plafond: p } = ctx;
    if (s.intensite === undefined || s.baseIntensite === undefined) {
      if (s.aidesPubliques === 0) return [];
      // A cost was given, but the foreign financing covers all of it: no French share to divide by.
      const pourquoi =
        s.baseIntensite !== undefined && s.cout !== undefined
          ? `: la participation française est nulle ou négative (coût ${euros(s.cout)} − parts des coproducteurs ` +
            `étrangers ${euros(s.partsCoproducteursEtrangers)} = ${euros(s.baseIntensite)}) ; vérifiez le coût de ` +
            `production`
          : "faute de coût de production";
      return [
        {
          regle: "intensite-aides-publiques",
          gravite: "alerte",
          message: `Aides publiques de ${euros(s.aidesPubliques)} : intensité non calculée ${pourquoi}.`,
        },
      ];
    }
    const base =
      s.modeBaseIntensite === "participation-francaise" && s.partsCoproducteursEtrangers > 0
        ? `de la participation française (${euros(s.baseIntensite)} = coût ${euros(s.cout ?? ZERO)} − parts des ` +
          `coproducteurs étrangers ${euros(s.partsCoproducteursEtrangers)})`
        : `du coût (${euros(s.baseIntensite)})`;
    // Foreign money that is not a foreign coproducer's share (a presale to a foreign broadcaster, a foreign fund) stays
    // in the French participation: the RGA counts the French and foreign financing brought by the French producers.
    // Said, never decided silently: a source the foreign coproducer brought belongs in « Coproducteur étranger ».
    const autresEtrangers = s.autresFinancementsEtrangers;
    const article = ctx.typeOeuvre === "cinema" ? "211-8" : "311-9";
    const dansLaBase =
      s.modeBaseIntensite === "participation-francaise" && autresEtrangers > 0
        ? ` Financements étrangers hors coproducteurs (${euros(autresEtrangers)}, préventes comprises) comptés dans ` +
          `la base : la participation française comprend les financements français et étrangers apportés par les ` +
          `producteurs établis en France (RGA art. ${article}) ; classez en « Coproducteur étranger » ce qu'apporte ` +
          `un coproducteur étranger.`
        : "";
    // A public fund of another country (a « Pays » other than France) is left out of the public aid: no text read says
    // whether « l'ensemble des aides financières publiques » of the ceiling includes another State's aid. Said, not
    // decided silently.
    const publiquesEtrangeres = ctx.sources.filter((src) => src.etranger && categorie(src.categorie, ctx.date).public);
    const horsAides = publiquesEtrangeres.length
      ? ` Aides publiques d'origine étrangère (${publiquesEtrangeres.map((src) => src.financeur).join(", ")}, ` +
        `${euros(sumCents(publiquesEtrangeres.map((src) => src.montant)))}) non comptées dans les aides publiques : ` +
        `aucun texte lu ne dit si l'ensemble des aides financières publiques du plafond comprend celles d'un autre ` +
        `État — à vérifier.`
      : "";
    const quoi = `Aides publiques ${euros(s.aidesPubliques)} = ${pctVers(s.intensite, p.seuilAlerte, p.plafond)} ${base}`;
    // The ceiling in a sentence of its own: its motif has its own parentheses (« œuvre difficile (premier ou
    // deuxième film…) »), never put inside others; the « chiffre à vérifier » note follows the figure, as everywhere.
    const plafond = `Plafond ${pct(p.plafond)}${mentionConfiance(p.confiance)} : ${p.motif}.`;
    let c: Constat;
    if (s.intensite.greaterThan(p.plafond)) {
      const consequence = p.version.valeurs.consequenceDepassement;
      const depasse = multiplyCents(s.baseIntensite, p.plafond, 1);
      c = {
        regle: "intensite-aides-publiques",
        gravite: "erreur",
        message:
          `${quoi} : au-delà du plafond ${pct(p.plafond)}, de ${euros(subCents(s.aidesPubliques, depasse))}. ${plafond}` +
          (consequence ? ` Attention : ${lowerFirst(consequence.replace(/\.$/, ""))} — à vérifier.` : ""),
      };
    } else if (s.intensite.greaterThan(p.seuilAlerte)) {
      c = {
        regle: "intensite-aides-publiques",
        gravite: "alerte",
        message: `${quoi} : au-delà de ${pct(p.seuilAlerte)}, admis seulement par dérogation. ${plafond}`,
      };
    } else {
      c = { regle: "intensite-aides-publiques", gravite: "info", message: `${quoi}. ${plafond}` };
    }
    const ajouts = dansLaBase + horsAides;
    return [ajouts ? { ...c, message: c.message + ajouts } : c];
  },
};
