import { traceLigne } from "./devis";
import Decimal from "decimal.js";
import { formatMontantFr, multiplyCents, sumCents, formatPourcentFr } from "../money";
import {
  libellePlafond,
  type LigneBase,
  type ParametreUtilise,
  type Plafond,
  type ResultatCreditImpot,
  type TermePlafond,
} from "../creditImpot/modele";
import { euros, feuille, noeud, sourcesDeVersion, type RegleTrace, type Trace } from "./trace";

function regleDe(p: ParametreUtilise): RegleTrace {
  return {
    table: p.table,
    effetDu: p.effetDu,
    confiance: p.confiance,
    cle: p.cle,
    ...sourcesDeVersion(p.sources, p.confiance),
    ...(p.surcharge ? { surcharge: p.surcharge } : {}),
  };
}

/**
 * A cap of the credit: its rule figure (« Plafond par œuvre »), or the product of its terms (plafond par minute ×
 * durée; part × budget × taux), less the other public aids for the public-aid ceiling (at least 0), each term with the
 * rule table it comes from. A cap computed otherwise is the amount with its detail in words.
 */
export function tracePlafond(p: Plafond, parametres: readonly ParametreUtilise[]): Trace {
  const libelle = libellePlafond(p.nom);
  const formule = `${p.detail ?? p.nom}${p.applique ? " (appliqué)" : ""}`;
  const regle = (cle?: string) => {
    const x = cle ? parametres.find((y) => y.cle === cle) : undefined;
    return x ? { regle: regleDe(x) } : {};
  };
  const terme = (t: TermePlafond): Trace =>
    feuille(t.libelle, t.valeur, t.unite, {
      ...(t.origine ? { formule: t.origine } : {}),
      ...(t.cellule ? { cellule: t.cellule } : {}),
      ...regle(t.cle),
    });
  const c = p.calcul;
  if (!c || !c.facteurs.length) return feuille(libelle, euros(p.montant), "euros", { formule });
  if (c.facteurs.length === 1 && !c.moins)
    return feuille(libelle, euros(p.montant), "euros", { formule, ...regle(c.facteurs[0].cle) });
  const facteurs = c.facteurs.map(terme);
  if (!c.moins) return noeud(libelle, euros(p.montant), "euros", "produit", facteurs, { formule });
  const produit = facteurs
    .reduce((a, f) => a.times(f.valeur), new Decimal(1))
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
  const admis = noeud("Aides publiques admises", produit, "euros", "produit", facteurs, {
    formule: c.facteurs.map((f) => f.libelle.toLowerCase()).join(" × "),
  });
  const reste = new Decimal(produit).minus(c.moins.valeur).toFixed(2);
  const difference = noeud(libelle, reste, "euros", "difference", [admis, terme(c.moins)], { formule });
  if (!new Decimal(reste).isNegative()) return difference;
  // The other aids already reach the ceiling: nothing is left for the credit.
  return noeud(
    libelle,
    euros(p.montant),
    "euros",
    "maximum",
    [feuille("Zéro", "0", "euros"), { ...difference, libelle: "Reste sous le plafond" }],
    { formule: `max(0 ; ${formule})` },
  );
}

/**
 * A line's amount: its cell, or, computed (no amount written), quantité × nombre × taux on its factors' cells (as the
 * devis traces it, `traceLigne`), never the empty amount cell.
 */
function montantDe(l: LigneBase): Trace {
  if (!l.ligneCalculee) return feuille("Montant", euros(l.montant), "euros", l.cellule ? { cellule: l.cellule } : {});
  // traceLigne's node names the (empty) amount cell as its own: left out.
  const { cellule: _vide, ...t } = traceLigne(l.ligneCalculee);
  return t.operation === "produit" && t.valeur === euros(l.montant)
    ? { ...t, libelle: "Montant", formule: `calculé : ${t.formule?.replace(/, montant absent, calculé$/, "") ?? ""}` }
    : feuille("Montant", euros(l.montant), "euros", { formule: "montant absent, calculé" });
}

/** The share of a line spent in France, with the cell it was read from. */
function partFrance(l: LigneBase): Trace {
  return feuille("Part dépensée en France", l.partFrance, "taux", {
    formule: l.motifPartFrance,
    ...(l.cellulePartFrance ? { cellule: l.cellulePartFrance } : {}),
  });
}

/** A line's eligible base: montant × part France, or the amount left after a per-line cap, or 0 with its reason. */
export function traceLigneBase(l: LigneBase): Trace {
  const libelle = `${l.code ? `${l.code} ` : ""}« ${l.libelle} »`;
  // A computed amount's cell is empty: not named (its factors' cells are, under « Montant »).
  const cel = l.cellule && !l.ligneCalculee ? { cellule: l.cellule } : {};
  if (l.eligible && multiplyCents(l.montant, l.partFrance) === l.base)
    return noeud(libelle, euros(l.base), "euros", "produit", [montantDe(l), partFrance(l)], {
      formule: "montant × part France",
      ...cel,
    });
  const limite = `montant ${formatMontantFr(l.montant)} limité : ${l.motif}`;
  const produit = multiplyCents(l.montant, l.partFrance);
  // A line limited (the director's pay cap, artists at the minimum, the charges of salaries out of the base…):
  // min(montant × part France ; the amount the limit leaves), the amount on its cell, or on its factors' cells when
  // it was computed (its amount cell is empty), as for a line not limited.
  if (l.eligible && l.base < produit)
    return noeud(
      libelle,
      euros(l.base),
      "euros",
      "minimum",
      [
        noeud("Montant × part France", euros(produit), "euros", "produit", [montantDe(l), partFrance(l)], {
          formule: "montant × part France",
        }),
        feuille("Montant retenu après la limite", euros(l.base), "euros", { formule: l.motif }),
      ],
      { formule: limite, ...cel },
    );
  return feuille(libelle, euros(l.base), "euros", {
    formule: l.eligible ? limite : `non éligible : ${l.motif}`,
    ...cel,
  });
}

/**
 * A chapter's eligible base that is 0 (the tax credit's trace leaves it out): Σ its lines, each 0 with its reason
 * (« non éligible : chapitre FG : frais généraux », its cell), so its cell on the sheet says why it is empty.
 */
export function traceChapitreSansBase(r: ResultatCreditImpot, code: string, libelle: string): Trace {
  const ls = r.lignes.filter((l) => l.chapitre === code);
  return noeud(`Chapitre ${code} ${libelle}`, "0.00", "euros", "somme", ls.map(traceLigneBase), {
    formule: ls.length
      ? `aucune dépense éligible : Σ ${ls.length} ligne${ls.length > 1 ? "s" : ""} du chapitre, chacune à 0`
      : "aucune ligne du chapitre",
  });
}

/**
 * The trace of a tax credit: credit = min(base × taux ; each cap), or 0 when a condition fails; base = Σ chapters'
 * eligible bases (at most 80 % of the production budget for the cinema and audiovisual credits), less the public
 * subsidies given, after that cap or before it as the table says for the credit type (for the international credit,
 * off the eligible spend); each chapter = Σ its eligible lines.
 */
export function traceCreditImpot(r: ResultatCreditImpot): Trace {
  const chapitres = r.baseParChapitre
    .filter((c) => c.base !== 0)
    .map((c) => {
      const ls = r.lignes.filter((l) => l.chapitre === c.code && l.base !== 0);
      return noeud(`Chapitre ${c.code} ${c.libelle}`, euros(c.base), "euros", "somme", ls.map(traceLigneBase), {
        formule: `Σ ${ls.length} ligne${ls.length > 1 ? "s" : ""} éligible${ls.length > 1 ? "s" : ""}`,
      });
    });
  const depenses = sumCents(r.baseParChapitre.map((c) => c.base));
  const traceDepenses = noeud("Dépenses éligibles en France", euros(depenses), "euros", "somme", chapitres, {
    formule: "Σ chapitres",
  });
  const sub = r.subventions && r.subventions.deduit !== 0 ? r.subventions : undefined;
  const pSub = r.parametres.find((p) => p.cle === "credit-impot.subventions");
  const moinsSubventions = (de: Trace, valeur: string, libelle: string, formule: string): Trace =>
    noeud(
      libelle,
      valeur,
      "euros",
      "difference",
      [
        de,
        feuille("Subventions publiques", euros(sub!.deduit), "euros", {
          formule: sub!.detail,
          ...(pSub ? { regle: regleDe(pSub) } : {}),
        }),
      ],
      { formule },
    );
  const pb = r.plafondBase;
  // Cinema and audiovisual (220 sexies III-3): base = min(eligible spend ; 80 % of the production budget), the
  // subsidies (V) deducted after that cap or before it, from the spend, as the table says for the credit type.
  // International: eligible spend less the subsidies (220 quaterdecies V), its 80 % cap being one of the credit's.
  const pPart = r.parametres.find(
    (p) => p.cle === "credit-impot.plafond-budget.part" || p.cle === "credit-impot.international.part-budget",
  );
  const plafonnee = (libelle: string, de: Trace, quoi: string): Trace =>
    noeud(
      libelle,
      euros(pb!.applique ? pb!.montant : pb!.baseAvant),
      "euros",
      "minimum",
      [
        de,
        noeud(
          `Plafond : ${formatPourcentFr(pb!.part, 0)} du budget de production`,
          euros(pb!.montant),
          "euros",
          "produit",
          [
            feuille("Part maximale du budget", pb!.part, "taux", pPart ? { regle: regleDe(pPart) } : {}),
            feuille("Budget de production", euros(pb!.budget), "euros", { formule: "total du devis" }),
          ],
          // The rule stays on the cap too (where it was before its terms were given).
          { formule: `${pb!.detail}${pb!.applique ? " (appliqué)" : ""}`, ...(pPart ? { regle: regleDe(pPart) } : {}) },
        ),
      ],
      { formule: `min(${quoi} ; ${formatPourcentFr(pb!.part, 0)} du budget de production)` },
    );
  const article = r.regime === "international" ? "220 quaterdecies" : "220 sexies";
  const base = pb
    ? sub
      ? sub.ordre === "avant-plafond"
        ? plafonnee(
            "Base du crédit",
            moinsSubventions(
              traceDepenses,
              euros(pb.baseAvant),
              "Dépenses éligibles moins les subventions",
              `dépenses éligibles − subventions publiques (${article}, V)`,
            ),
            "dépenses éligibles − subventions",
          )
        : moinsSubventions(
            plafonnee("Base plafonnée", traceDepenses, "dépenses éligibles"),
            euros(r.base),
            "Base du crédit",
            `base plafonnée − subventions publiques (${article}, V)`,
          )
      : plafonnee("Base du crédit", traceDepenses, "dépenses éligibles")
    : sub
      ? moinsSubventions(traceDepenses, euros(r.base), "Base du crédit", "dépenses éligibles − subventions publiques")
      : { ...traceDepenses, libelle: "Base du crédit (dépenses éligibles en France)" };
  const pTaux = r.parametres.find((p) => /\.taux(-|\.|$)/.test(p.cle) && p.valeur === formatPourcentFr(r.taux));
  const taux = feuille("Taux", r.taux, "taux", {
    formule: `taux du crédit ${r.regime}`,
    ...(pTaux ? { regle: regleDe(pTaux) } : {}),
  });
  const avant = noeud("Crédit avant plafonds", euros(r.creditAvantPlafonds), "euros", "produit", [base, taux], {
    formule: "base × taux",
  });
  const plafonds = r.plafonds.map((p) => tracePlafond(p, r.parametres));
  const echecs = r.conditions.filter((c) => !c.remplie);
  if (echecs.length)
    return noeud(
      "Crédit d'impôt",
      euros(r.credit),
      "euros",
      "nul",
      // The caps too: the command shows them, each is explained even when the credit is nil.
      [
        avant,
        ...plafonds,
        ...echecs.map((c) => feuille(`Condition non remplie : ${c.nom}`, "0", "nombre", { formule: c.detail })),
      ],
      { formule: "nul : une condition d'éligibilité n'est pas remplie" },
    );
  return noeud("Crédit d'impôt", euros(r.credit), "euros", "minimum", [avant, ...plafonds], {
    formule: plafonds.length ? "min(crédit avant plafonds ; plafonds)" : "crédit avant plafonds",
  });
}
