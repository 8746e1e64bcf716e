import Decimal from "decimal.js";
import { designation, TABLE_CARBONE, type JeuFacteurs } from "../carbone/facteurs";
import { CATEGORIES, type ActiviteEstimee, type CodeCategorie } from "../carbone/modele";
import { plagesDeCellules } from "./note";
import { euros, feuille, noeud, type RegleTrace, type Trace } from "./trace";

/**
 * « D'où vient ce chiffre ? » for the carbon pre-estimate (issue 15): each activity's quantity (the devis or plan de
 * travail cells it was read in), its emission factor (code, value, Base Carbone / Base Empreinte identifier, the
 * table version and its source), its base, its prévisionnel and définitif in t CO₂e, then the totals by category and
 * by chapter and the shares of activity data and money ratios. Values in t CO₂e are exact (kg ÷ 1 000), as the sheet
 * computes them; the « Bilan carbone » sheet writes them as notes, and `prodbook carbone --json` may expose them.
 */
export interface TracesActiviteCarbone {
  /** The quantity as read (devis cells, plan de travail), before any correction. */
  quantiteLue?: Trace;
  /** The quantity used: the one read, or the user's correction. */
  quantite?: Trace;
  /** The devis line's amount (€ HT) and its cell. */
  montant?: Trace;
  /** The factor used (kg CO₂e per unit), with its identifier and the table version; absent when missing. */
  facteur?: Trace;
  /** The base of the estimate in the factor's unit (quantity, or k€ HT for a money ratio). */
  base?: Trace;
  /** t CO₂e = base × facteur ÷ 1 000; a `nul` node saying why when not estimated. */
  previsionnel: Trace;
  /** The réalisé (€) of the line: the Écarts cell, the ledger's, or typed. */
  realise?: Trace;
  /** t CO₂e from actuals, when there is one. */
  definitif?: Trace;
}

export interface TracesCarbone {
  /** By activity id (« devis:<feuille>!<ligne> », « plan:… »). */
  activites: Record<string, TracesActiviteCarbone>;
  /** By category code: Σ of its activities' prévisionnel and définitif. */
  categories: Record<string, { previsionnel: Trace; definitif: Trace }>;
  /** By devis chapter (« plan » for the plan de travail): Σ of its activities. */
  chapitres: Record<string, { previsionnel: Trace; definitif: Trace }>;
  total: Trace;
  definitif: Trace;
  /** Share of the total from activity data, and from money ratios (each a quotient of the total). */
  partActivite: Trace;
  partMonetaire: Trace;
}

export const UNITE_TONNES = "t CO₂e";

const t = (kg: Decimal.Value) => new Decimal(kg).dividedBy(1000).toFixed();
const KG_EN_T = feuille("kg → t", "0.001", "nombre", { formule: "÷ 1 000" });
const fr = (d: Decimal.Value) => new Decimal(d).toFixed().replace(".", ",");

/**
 * A figure of the factor table as a trace's rule: the table, its version's date, the figure's key (« carbone.<code> »,
 * also its « Paramètres » name) and confidence. The text of a trace names none of them: the CLI writes the rule with
 * its ids (`arbreTexte`), the pane with the table's French name and « à vérifier » (`traceAffichee`).
 */
function regleCarbone(
  jeu: Pick<JeuFacteurs, "effetDu">,
  code: string,
  confiance: RegleTrace["confiance"],
  surcharge?: string,
): RegleTrace {
  return {
    table: TABLE_CARBONE.id,
    effetDu: jeu.effetDu,
    confiance,
    cle: `carbone.${code}`,
    ...(surcharge ? { surcharge } : {}),
  };
}

/** The factor's rule: the table, its version's date, the factor's own confidence and source (its pinned page first). */
function regleFacteur(a: ActiviteEstimee, jeu: Pick<JeuFacteurs, "effetDu">): RegleTrace | undefined {
  const f = a.facteurTrouve;
  if (!f) return undefined;
  return {
    ...regleCarbone(jeu, f.code, f.confiance, f.surcharge),
    // The factor's own pinned page, with its title; the version's other sources back other factors, so none is cited
    // in its place.
    ...(f.url ? { source: f.url, titre: f.source } : {}),
  };
}

/**
 * The factor as a trace: its value, unit, identifier in its base (« Base Carbone 43256 — TGV, 2022 »), or the
 * « Paramètres » cell it was typed in; its code, confidence and source in its rule.
 */
export function traceFacteur(a: ActiviteEstimee, jeu: Pick<JeuFacteurs, "effetDu">): Trace | undefined {
  const f = a.facteurTrouve;
  if (!f) return undefined;
  const regle = regleFacteur(a, jeu);
  return feuille(`Facteur d'émission (kg CO₂e / ${f.unite})`, f.valeur, "nombre", {
    formule: f.surcharge ? `valeur saisie en ${f.identifiant}` : designation(f),
    ...(regle ? { regle } : {}),
  });
}

/** The version's confidence (a missing factor's rule: the table says it has none). */
function confianceVersion(jeu: Pick<JeuFacteurs, "effetDu">): RegleTrace["confiance"] {
  return TABLE_CARBONE.versions.find((v) => v.effetDu === jeu.effetDu)?.confiance ?? "M";
}

/** The devis cells of a live quantity formula (« 'Budget'!C45*'Budget'!E45*5 »): the references, not the numbers. */
function refsFormule(f: string | undefined): string[] {
  return f ? f.split("*").filter((x) => x.includes("!")) : [];
}

function quantiteLue(a: ActiviteEstimee, jeu: Pick<JeuFacteurs, "effetDu">): Trace | undefined {
  if (a.quantite === undefined) return undefined;
  const refs = refsFormule(a.formuleQuantite);
  const c = a.conversion;
  const conversion = c
    ? ` ; ${fr(c.quantite)} ${c.unite} × ${fr(c.jours)} jours ` +
      (c.surcharge
        ? `(saisis en ${c.surcharge})`
        : c.plan
          ? `(jours de tournage par semaine au plan de travail « ${c.plan} »)`
          : "(convention)")
    : "";
  // The days per week (month) of the table, or of « Paramètres »: its key and confidence as the rule of the quantity.
  const regle = c && !c.plan ? regleCarbone(jeu, c.code, c.confiance, c.surcharge) : undefined;
  const lue =
    a.origine === "plan"
      ? "compté au plan de travail"
      : refs.length > 1
        ? `produit des cellules lues du devis (quantité × nombre)${conversion}`
        : refs.length === 1
          ? a.formuleQuantite === a.celluleMontant
            ? "montant du devis (€)"
            : `lue dans le devis${conversion}`
          : `lue dans le libellé ou la quantité du devis${conversion}`;
  return feuille(`Quantité lue (${a.unite})`, a.quantite, "nombre", {
    formule: lue,
    cellule: refs.length ? plagesDeCellules(refs) : a.cellule,
    ...(regle ? { regle } : {}),
  });
}

function montant(a: ActiviteEstimee): Trace | undefined {
  if (a.montant === undefined) return undefined;
  return feuille("Montant devis (€ HT)", euros(a.montant), "euros", {
    ...(a.celluleMontant ? { cellule: a.celluleMontant } : {}),
  });
}

function realise(a: ActiviteEstimee): Trace | undefined {
  if (a.realise === undefined) return undefined;
  const g = a.realiseDuGrandLivre;
  return feuille("Réalisé (€)", euros(a.realise), "euros", {
    formule: g
      ? g.cellule
        ? "repris de la feuille des écarts"
        : `Grand Livre (FEC), poste ${a.codeLigne ?? ""}`.trim()
      : "saisi dans la feuille « Bilan carbone »",
    ...(g?.cellule ? { cellule: g.cellule } : {}),
  });
}

/** The traces of one activity row. */
export function traceActiviteCarbone(a: ActiviteEstimee, jeu: Pick<JeuFacteurs, "effetDu">): TracesActiviteCarbone {
  const lue = quantiteLue(a, jeu);
  const quantite =
    a.quantiteRetenue === undefined
      ? undefined
      : a.corrigee || !lue
        ? feuille(`Quantité retenue (${a.unite})`, a.quantiteRetenue, "nombre", {
            formule:
              "saisie dans la feuille « Bilan carbone »" +
              (a.quantite !== undefined ? ` (lue : ${fr(a.quantite)})` : ""),
          })
        : { ...lue, libelle: `Quantité retenue (${a.unite})` };
  const m = montant(a);
  const facteur = traceFacteur(a, jeu);
  const f = a.facteurTrouve;
  let base: Trace | undefined;
  if (f && a.base !== undefined)
    base =
      f.type === "monetaire"
        ? noeud("Base (k€ HT)", a.base, "nombre", "quotient", [m!, feuille("€ par k€", "1000", "nombre")], {
            formule: "montant du devis ÷ 1 000 (ratio monétaire)",
          })
        : { ...quantite!, libelle: `Base (${a.unite})` };
  const libPrev = `Prévisionnel (${UNITE_TONNES})`;
  const previsionnel =
    base && facteur && a.kgCO2e !== undefined
      ? noeud(libPrev, t(a.kgCO2e), "nombre", "produit", [base, facteur, KG_EN_T], {
          formule: "base × facteur ÷ 1 000",
        })
      : noeud(
          libPrev,
          "0",
          "nombre",
          "nul",
          [quantite, m].filter((x): x is Trace => !!x),
          !f
            ? {
                formule: "facteur d'émission manquant : non chiffré",
                // The code the table lists without a factor (« manquants »), as the rule of the 0.
                regle: regleCarbone(jeu, a.facteurRetenu, confianceVersion(jeu)),
              }
            : {
                formule:
                  f.type === "monetaire"
                    ? "montant du devis à compléter : non chiffré"
                    : `quantité (${a.unite}) à compléter : non chiffré`,
              },
        );
  const r = realise(a);
  let definitif: Trace | undefined;
  const libDef = `Définitif (${UNITE_TONNES})`;
  if (a.kgCO2eDefinitif !== undefined && f && facteur) {
    const v = t(a.kgCO2eDefinitif);
    if (f.type === "monetaire" && r)
      definitif = noeud(
        libDef,
        v,
        "nombre",
        "produit",
        [
          noeud(
            "Réalisé (k€ HT)",
            new Decimal(a.realise!).dividedBy(100000).toFixed(),
            "nombre",
            "quotient",
            [r, feuille("€ par k€", "1000", "nombre")],
            { formule: "réalisé ÷ 1 000" },
          ),
          facteur,
          KG_EN_T,
        ],
        { formule: "réalisé ÷ 1 000 × facteur ÷ 1 000 (ratio monétaire)" },
      );
    else if (a.quantiteRealisee !== undefined)
      definitif = noeud(
        libDef,
        v,
        "nombre",
        "produit",
        [
          feuille(`Quantité réalisée (${a.unite})`, a.quantiteRealisee, "nombre", {
            formule: "saisie dans la feuille « Bilan carbone »",
          }),
          facteur,
          KG_EN_T,
        ],
        { formule: "quantité réalisée × facteur ÷ 1 000" },
      );
    else if (r && m)
      definitif = noeud(
        libDef,
        v,
        "nombre",
        "quotient",
        [
          noeud(
            "Prévisionnel × réalisé",
            new Decimal(previsionnel.valeur).times(r.valeur).toFixed(),
            "nombre",
            "produit",
            [previsionnel, r],
          ),
          m,
        ],
        { formule: "prévisionnel × réalisé ÷ montant du devis (au prorata du budget)" },
      );
  }
  return {
    ...(lue ? { quantiteLue: lue } : {}),
    ...(quantite ? { quantite } : {}),
    ...(m ? { montant: m } : {}),
    ...(facteur ? { facteur } : {}),
    ...(base ? { base } : {}),
    previsionnel,
    ...(r ? { realise: r } : {}),
    ...(definitif ? { definitif } : {}),
  };
}

/** An activity's figure as an input of a total: named by its label, at its devis (plan de travail) cell. */
function terme(a: ActiviteEstimee, x: Trace): Trace {
  return feuille(a.libelle, x.valeur, x.unite, { formule: x.formule ?? "", cellule: a.cellule });
}

function somme(libelle: string, es: ActiviteEstimee[], tr: Record<string, TracesActiviteCarbone>, definitif: boolean) {
  const termes = es.flatMap((a) => {
    const x = definitif ? tr[a.id].definitif : tr[a.id].previsionnel;
    return x ? [terme(a, x)] : [];
  });
  const v = termes.reduce((s, x) => s.plus(x.valeur), new Decimal(0));
  return noeud(libelle, v.toFixed(), "nombre", "somme", termes, {
    formule: definitif ? "Σ des définitifs de ses lignes qui en ont un" : "Σ des prévisionnels de ses lignes",
  });
}

/** Every trace of the carbon pre-estimate, from the estimated activities and the factor set. */
export function tracesCarbone(es: ActiviteEstimee[], jeu: Pick<JeuFacteurs, "effetDu">): TracesCarbone {
  const activites: Record<string, TracesActiviteCarbone> = {};
  for (const a of es) activites[a.id] = traceActiviteCarbone(a, jeu);
  const categories: TracesCarbone["categories"] = {};
  for (const c of CATEGORIES) {
    const de = es.filter((a) => a.categorie === c.code);
    categories[c.code] = {
      previsionnel: somme(`${c.libelle}, prévisionnel (${UNITE_TONNES})`, de, activites, false),
      definitif: somme(`${c.libelle}, définitif (${UNITE_TONNES})`, de, activites, true),
    };
  }
  const chapitres: TracesCarbone["chapitres"] = {};
  for (const code of new Set(es.map((a) => a.chapitre ?? "plan"))) {
    const de = es.filter((a) => (a.chapitre ?? "plan") === code);
    const nom = code === "plan" ? "Plan de travail" : `Chapitre ${code}`;
    chapitres[code] = {
      previsionnel: somme(`${nom}, prévisionnel (${UNITE_TONNES})`, de, activites, false),
      definitif: somme(`${nom}, définitif (${UNITE_TONNES})`, de, activites, true),
    };
  }
  const cat = (d: boolean) =>
    CATEGORIES.map((c: { code: CodeCategorie; libelle: string }) => {
      const x = d ? categories[c.code].definitif : categories[c.code].previsionnel;
      return feuille(c.libelle, x.valeur, "nombre", { formule: x.formule ?? "" });
    });
  const total = noeud(
    `Total prévisionnel (${UNITE_TONNES})`,
    cat(false)
      .reduce((s, x) => s.plus(x.valeur), new Decimal(0))
      .toFixed(),
    "nombre",
    "somme",
    cat(false),
    { formule: "Σ des catégories" },
  );
  const definitif = noeud(
    `Total définitif (${UNITE_TONNES})`,
    cat(true)
      .reduce((s, x) => s.plus(x.valeur), new Decimal(0))
      .toFixed(),
    "nombre",
    "somme",
    cat(true),
    { formule: "Σ des catégories (lignes ayant un réalisé)" },
  );
  const part = (libelle: string, methode: "activite" | "monetaire", quoi: string) => {
    const lignes = es.filter((a) => a.methode === methode);
    const num = somme(`Prévisionnel des lignes « ${quoi} » (${UNITE_TONNES})`, lignes, activites, false);
    const entrees = [num, feuille(total.libelle, total.valeur, "nombre", { formule: "Σ des catégories" })];
    const formule = `Σ des prévisionnels des lignes « ${quoi} » ÷ total prévisionnel ; 0 quand le total vaut 0`;
    return new Decimal(total.valeur).isZero()
      ? noeud(libelle, "0", "taux", "nul", entrees, { formule })
      : noeud(libelle, new Decimal(num.valeur).dividedBy(total.valeur).toString(), "taux", "quotient", entrees, {
          formule,
        });
  };
  return {
    activites,
    categories,
    chapitres,
    total,
    definitif,
    partActivite: part("Part données d'activité", "activite", "donnée d'activité"),
    partMonetaire: part("Part ratios monétaires", "monetaire", "ratio monétaire"),
  };
}

/**
 * The total prévisionnel down to the factors, for `prodbook carbone --explique` and the pane: the total's categories
 * are their sums, whose terms are each activity's prévisionnel (base × facteur ÷ 1 000, down to the devis cells and
 * the factor's Base Carbone identifier) at its devis (plan de travail) cell. Same values as `total` and `categories`.
 * Likewise the total définitif (the pane, `--explique`): its categories' sums, whose terms are the définitif of each
 * line that has a réalisé, down to its réalisé cell and factor. Same values as `definitif` and the categories'
 * `definitif`.
 */
export function totalDetaille(
  t: TracesCarbone,
  es: readonly ActiviteEstimee[],
): {
  total: Trace;
  categories: Record<string, Trace>;
  definitif: Trace;
  categoriesDefinitif: Record<string, Trace>;
} {
  const detail = (definitif: boolean) => {
    const categories: Record<string, Trace> = {};
    for (const c of CATEGORIES) {
      const somme = definitif ? t.categories[c.code].definitif : t.categories[c.code].previsionnel;
      const termes = es
        .filter((a) => a.categorie === c.code)
        .flatMap((a) => {
          const x = definitif ? t.activites[a.id].definitif : t.activites[a.id].previsionnel;
          return x ? [{ ...x, libelle: a.libelle, cellule: a.cellule }] : [];
        });
      categories[c.code] = { ...somme, entrees: termes };
    }
    const total = definitif ? t.definitif : t.total;
    return { total: { ...total, entrees: CATEGORIES.map((c) => categories[c.code]) }, categories };
  };
  const p = detail(false);
  const d = detail(true);
  return { ...p, definitif: d.total, categoriesDefinitif: d.categories };
}
