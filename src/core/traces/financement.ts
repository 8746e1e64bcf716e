import Decimal from "decimal.js";
import { dateEnLettres, minutesFr } from "../util/texte";
import { deMois, tracesEcheancier } from "./echeancier";
import type { AnalyseFinancement } from "../financement/evaluer";
import type { Echeancier } from "../financement/echeancier";
import { categorie, categoriesEnVigueur } from "../financement/categories";
import {
  LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS,
  LIBELLES_STATUT,
  type SourceFinancement,
  type StatutSource,
} from "../financement/model";
import { moisDe } from "../financement/dates";
import type { OrigineDuree } from "../devis/model";
import { type Cents, ZERO } from "../money";
import { euros, feuille, noeud, regleDeVersion, type Trace } from "./trace";

export interface TracesFinancement {
  total: Trace;
  resteAFinancer?: Trace;
  aidesPubliques: Trace;
  /** Public-aid share of the cost (or of its French share): aides publiques ÷ base, against the ceiling. */
  intensite?: Trace;
  /** Cash in by month of the échéancier (« 2026-03 »): Σ the payments dated that month. */
  encaissements?: Record<string, Trace>;
  /**
   * Cash in without a date: Σ each source's undated payment, a payment column read without its date or the rest of
   * the source's amount once its payments are taken away (montant − tranches).
   */
  sansDate?: Trace;
  /**
   * The duration the plan used (audiovisual small-budget threshold per hour, the crédit d'impôt computed on the
   * devis), with where it comes from: a cell of the workbook, or typed. The computed credit's own trace names it too.
   */
  duree?: Trace;
  /**
   * The crédit d'impôt Prodbook computed on the devis and added to the plan (none in the plan): its tree down to the
   * devis lines, the rates and caps, and the duration's cell (the per-minute cap). Each source names it.
   */
  creditImpot?: Trace;
  /** Spending by month of the échéancier (« 2026-03 »): the cost paid out spread over the months (`tracesEcheancier`). */
  depenses?: Record<string, Trace>;
  /** Cumulative position at the end of each month of the échéancier: Σ cash in − Σ spending up to it. */
  cumul?: Record<string, Trace>;
  /** The échéancier's largest cumulative gap: max(0 ; − min of the cumulative positions). */
  besoinMaximal?: Trace;
  /**
   * Each month of the échéancier (« 2026-03 »), as its sheet computes it: cumulative position = the previous month's +
   * the month's balance (cash in down to the payments and their cells − spending down to the cost's cell).
   */
  mois?: Record<string, Trace>;
  /*
   * Added (December 2026): every other figure of the « Plan de financement » sheet Prodbook writes, whose notes are
   * these traces (the sheet adds where it computes them: its columns and cells).
   */
  /** Σ the foreign sources. */
  financementEtranger?: Trace;
  /** Σ the private sources (not public aid), foreign ones included. */
  financementPrive?: Trace;
  /** Σ the French sources of the CNC. */
  aidesCnc?: Trace;
  /** The intensity's base: cost − foreign financing (the cost when there is none). */
  baseIntensite?: Trace;
  /** CNC aid ÷ the intensity's base (none when the base is not positive). */
  intensiteCnc?: Trace;
  /** The applicable ceiling of the public-aid intensity: the derogatory or the general one, and why. */
  plafond?: Trace;
  /** Each source's share of the total (in the plan's order): its amount ÷ the total. */
  partsSources?: Trace[];
  /** Σ the sources' shares (100 % unless the total is 0). */
  totalParts?: Trace;
  /** Shares of the total of the sources « Envisagé » and « En négociation ». */
  partEnvisagee?: Trace;
  partEnNegociation?: Trace;
  /** French broadcasters ÷ French financing (total − foreign), when the French financing is positive. */
  diffuseursFrancais?: Trace;
  /** Each category in force (by id): Σ its sources, and its share of the total. */
  categories?: Record<string, Trace>;
  partsCategories?: Record<string, Trace>;
}

/** num ÷ den as a rate; « nul » (0) when den is 0, as the sheet's IF(…=0,0,…) gives. */
function quotient(libelle: string, num: Trace, den: Trace, formule: string): Trace {
  const d = new Decimal(den.valeur);
  return d.isZero()
    ? noeud(libelle, "0", "taux", "nul", [num, den], {
        formule: `${formule} ; 0 quand ${den.libelle.toLowerCase()} est nul`,
      })
    : noeud(libelle, new Decimal(num.valeur).dividedBy(d).toString(), "taux", "quotient", [num, den], { formule });
}

/**
 * A source as a trace: its amount and cell; the crédit d'impôt Prodbook computed, with its own trace (`calcul`): named
 * (« voir … »), or its whole tree when `detaille` (the pane, where each figure opens alone).
 */
export function traceSourceDe(s: SourceFinancement, calcul?: Trace, detaille = false): Trace {
  if (s.classement === "calcul" && calcul && detaille) return { ...calcul, libelle: s.financeur };
  if (s.classement === "calcul" && calcul)
    return feuille(s.financeur, euros(s.montant), "euros", {
      formule: `calculé par Prodbook, voir « ${calcul.libelle} »`,
    });
  return feuille(`${s.financeur}${s.etranger ? " (étranger)" : ""}`, euros(s.montant), "euros", {
    // The status as the plan's sheet writes it (« en négociation »), never its id (« en-negociation »).
    formule:
      s.classement === "calcul" ? "calculé par Prodbook" : `montant lu (${LIBELLES_STATUT[s.statut].toLowerCase()})`,
    ...(s.cellule ? { cellule: s.cellule } : {}),
  });
}

/**
 * Traces of a plan de financement's figures, down to each source's cell and each dated payment; `origineDuree` says
 * where the duration used was taken (a cell, typed), as the devis' cost per minute says it. `creditDetaille`: the
 * crédit d'impôt Prodbook computed is its whole tree (down to the devis lines and the per-minute cap's duration) inside
 * every figure it counts in, not a reference to `creditImpot` (the pane opens one figure's tree at a time; the CLI
 * prints `creditImpot` once).
 */
export function tracesFinancement(
  a: AnalyseFinancement,
  echeancier?: Echeancier,
  origineDuree?: OrigineDuree,
  { creditDetaille = false } = {},
): TracesFinancement {
  const s = a.synthese;
  const credit = a.traceCreditImpot && { ...a.traceCreditImpot(), libelle: "Crédit d'impôt calculé par Prodbook" };
  const traceSource = (x: SourceFinancement) => traceSourceDe(x, credit, creditDetaille);
  const jour = a.contexte.date;
  const total = noeud("Total des financements", euros(s.total), "euros", "somme", a.sources.map(traceSource), {
    formule: `Σ ${a.sources.length} source${a.sources.length > 1 ? "s" : ""}`,
  });
  const publiques = a.sources.filter((x) => categorie(x.categorie, jour).public && !x.etranger);
  const aidesPubliques = noeud(
    "Aides publiques",
    euros(s.aidesPubliques),
    "euros",
    "somme",
    publiques.map(traceSource),
    {
      formule: "Σ sources publiques françaises (crédit d'impôt compris)",
    },
  );
  const out: TracesFinancement = { total, aidesPubliques };
  if (credit) out.creditImpot = credit;
  const minutes = a.contexte.dureeMinutes;
  if (minutes !== undefined)
    out.duree = feuille("Durée", String(minutes), "minutes", {
      formule: origineDuree?.formule ?? "durée de l'œuvre",
      ...(origineDuree?.cellule ? { cellule: origineDuree.cellule } : {}),
    });
  let coutLu: Trace | undefined;
  if (s.cout !== undefined) {
    const origine = a.contexte.cout;
    const cout = feuille("Coût de l'œuvre", euros(s.cout), "euros", {
      // The origin names its cell (« coût indiqué dans le plan, 'Plan fin.'!B2 »): said once, as the node's cell.
      formule: origine
        ? `lu : ${origine.cellule ? origine.origine.replace(`, ${origine.cellule}`, "") : origine.origine}`
        : "coût indiqué",
      ...(origine?.cellule ? { cellule: origine.cellule } : {}),
    });
    coutLu = cout;
    if (s.resteAFinancer !== undefined)
      out.resteAFinancer = noeud("Reste à financer", euros(s.resteAFinancer), "euros", "difference", [cout, total], {
        formule: "coût − total des financements",
      });
    if (s.intensite !== undefined && s.baseIntensite !== undefined) {
      const coproducteurs = a.sources.filter((x) => x.categorie === "coproducteur-etranger" && x.etranger);
      const base =
        s.partsCoproducteursEtrangers > 0
          ? noeud(
              "Participation française (coproduction internationale)",
              euros(s.baseIntensite),
              "euros",
              "difference",
              [
                cout,
                noeud(
                  "Parts des coproducteurs étrangers",
                  euros(s.partsCoproducteursEtrangers),
                  "euros",
                  "somme",
                  coproducteurs.map(traceSource),
                  { formule: "Σ sources étrangères de la catégorie « Coproducteur étranger »" },
                ),
              ],
              {
                formule:
                  "coût − parts des coproducteurs étrangers (RGA art. 211-8 et 311-9 : la participation française comprend " +
                  "les financements français et étrangers apportés par les producteurs établis en France, préventes " +
                  "à l'étranger comprises)",
              },
            )
          : cout;
      const p = a.plafond;
      const plafond = p.plafond.times(100).toString().replace(".", ",");
      // The small-budget threshold per hour (audiovisual) was sized to the duration: where that duration comes from.
      const dureeSeuil =
        out.duree &&
        p.seuilPetitBudgetParHeure !== undefined &&
        p.seuilPetitBudget !== undefined &&
        !p.surchargesUtilisees.some((x) => x.cle.endsWith(".seuil-petit-budget"))
          ? ` ; seuil « petit budget » pour ${minutesFr(minutes)} min, ${out.duree.formule}` +
            (out.duree.cellule ? ` (${out.duree.cellule})` : "")
          : "";
      out.intensite = noeud(
        "Intensité des aides publiques",
        s.intensite.toString(),
        "taux",
        "quotient",
        [aidesPubliques, base],
        {
          formule:
            `aides publiques ÷ ${s.partsCoproducteursEtrangers > 0 ? "participation française" : "coût"} ; plafond ${plafond} % ` +
            `(${p.motif})${dureeSeuil}`,
          regle: regleDeVersion("intensite-aides", p.version, p.confiance),
        },
      );
    }
  }
  Object.assign(out, tracesDuPlan(a, traceSource, total, coutLu));
  if (echeancier) {
    // Cash only, as the échéancier counts it: a mise en participation is never paid in.
    const especes = a.sources.filter((s) => s.numeraire);
    const parMois = new Map<string, Trace[]>();
    for (const src of especes)
      for (const t of src.tranches) {
        if (!t.date) continue;
        const arr = parMois.get(moisDe(t.date)) ?? [];
        // A payment read in its own column has its cell; the source's one payment (its amount, dated by the plan's
        // date column) is read in the source's amount cell.
        const ou = t.cellule
          ? { cellule: t.cellule }
          : src.tranches.length === 1 && src.cellule
            ? { cellule: src.cellule, formule: "montant de la source, en un versement" }
            : {};
        arr.push(feuille(`${src.financeur} (${dateEnLettres(t.date)})`, euros(t.montant), "euros", ou));
        parMois.set(moisDe(t.date), arr);
      }
    const sansDate: Trace[] = [];
    for (const src of especes)
      for (const t of src.tranches) {
        if (t.date) continue;
        const nom = `${src.financeur} (sans date)`;
        const autres = src.tranches.filter((x) => x !== t);
        if (t.cellule) sansDate.push(feuille(nom, euros(t.montant), "euros", { cellule: t.cellule }));
        else if (!autres.length)
          sansDate.push(
            feuille(nom, euros(t.montant), "euros", {
              formule: "montant de la source, sans échéance",
              ...(src.cellule ? { cellule: src.cellule } : {}),
            }),
          );
        else
          sansDate.push(
            noeud(
              nom,
              euros(t.montant),
              "euros",
              "difference",
              [
                traceSource(src),
                ...autres.map((x) =>
                  feuille(`Tranche${x.date ? ` du ${dateEnLettres(x.date)}` : ""}`, euros(x.montant), "euros", {
                    ...(x.cellule ? { cellule: x.cellule } : {}),
                  }),
                ),
              ],
              { formule: "montant − tranches saisies" },
            ),
          );
      }
    out.sansDate = noeud("Encaissements sans date", euros(echeancier.sansDate), "euros", "somme", sansDate, {
      formule: "Σ tranches sans date",
    });
    out.encaissements = {};
    for (const m of echeancier.mois) {
      const ts = parMois.get(m.mois) ?? [];
      // Keyed by « 2026-03 » (the JSON's contract), named « Encaissements de mars 2026 » for a reader.
      out.encaissements[m.mois] = noeud(
        `Encaissements ${deMois(m.mois)}`,
        euros(m.encaissements),
        "euros",
        "somme",
        ts,
        {
          formule: "Σ échéances datées du mois",
        },
      );
    }
    const e = tracesEcheancier(echeancier, out.encaissements, coutLu);
    out.depenses = e.depenses;
    out.cumul = e.cumul;
    out.besoinMaximal = e.besoinMaximal;
    out.mois = e.mois;
  }
  return out;
}

/** The plan sheet's other figures (`TracesFinancement`'s fields added in December 2026), from its sources' traces. */
function tracesDuPlan(
  a: AnalyseFinancement,
  traceSource: (x: SourceFinancement) => Trace,
  total: Trace,
  cout: Trace | undefined,
): Partial<TracesFinancement> {
  const { synthese: s, plafond: p, contexte: ctx } = a;
  const attribut = (x: SourceFinancement) => categorie(x.categorie, ctx.date);
  const somme = (libelle: string, montant: Cents, garde: (x: SourceFinancement) => boolean, formule: string) => {
    const comptees = a.sources.filter(garde);
    return noeud(libelle, euros(montant), "euros", "somme", comptees.map(traceSource), {
      formule: `${formule}${comptees.length ? "" : " : aucune source"}`,
    });
  };
  const financementEtranger = somme(
    "Financement étranger",
    s.financementEtranger,
    (x) => x.etranger,
    "Σ sources étrangères",
  );
  const out: Partial<TracesFinancement> = {
    financementEtranger,
    financementPrive: somme(
      "Financements privés",
      s.financementPrive,
      (x) => !attribut(x).public,
      "Σ sources qui ne sont pas des aides publiques",
    ),
    aidesCnc: somme("Aides du CNC", s.aidesCnc, (x) => attribut(x).cnc && !x.etranger, "Σ sources françaises du CNC"),
  };
  if (cout && s.baseIntensite !== undefined) {
    out.baseIntensite = noeud(
      "Base de l'intensité (coût − parts des coproducteurs étrangers)",
      euros(s.baseIntensite),
      "euros",
      "difference",
      [
        cout,
        somme(
          "Parts des coproducteurs étrangers",
          s.partsCoproducteursEtrangers,
          (x) => x.categorie === "coproducteur-etranger" && x.etranger,
          "Σ sources étrangères de la catégorie « Coproducteur étranger »",
        ),
      ],
      { formule: "coût − parts des coproducteurs étrangers (participation française, RGA art. 211-8 et 311-9)" },
    );
    if (s.baseIntensite > 0)
      out.intensiteCnc = quotient(
        "Intensité des aides du CNC",
        out.aidesCnc!,
        out.baseIntensite,
        "aides du CNC ÷ base de l'intensité",
      );
  }
  const taux = (libelle: string, d: Decimal | undefined) => feuille(libelle, (d ?? new Decimal(0)).toString(), "taux");
  const condition = ctx.typeOeuvre === "cinema" ? "premier ou deuxième film" : "œuvre difficile";
  // A choice between the two ceilings, not a computation: its inputs are what the choice compares and picks from.
  out.plafond = {
    ...feuille("Plafond applicable", p.plafond.toString(), "taux", {
      formule:
        `plafond dérogatoire si « ${condition} » ou si le coût ≤ seuil « petit budget », sinon plafond général ; ` +
        `ici : ${p.motif}`,
      regle: regleDeVersion("intensite-aides", p.version, p.confiance),
    }),
    entrees: [
      ...(cout ? [cout] : []),
      ...(p.seuilPetitBudget === undefined
        ? []
        : [feuille("Seuil « petit budget »", euros(p.seuilPetitBudget), "euros")]),
      taux("Plafond général", p.plafondGeneral),
      taux("Plafond dérogatoire", p.plafondDerogatoire),
    ],
  };
  const parts = a.sources.map((x) =>
    quotient(`Part du total : ${x.financeur}`, traceSource(x), total, "montant de la source ÷ total des financements"),
  );
  out.partsSources = parts;
  out.totalParts = noeud(
    "Total des parts",
    parts.reduce((t, x) => t.plus(x.valeur), new Decimal(0)).toString(),
    "taux",
    "somme",
    parts,
    { formule: "Σ parts des sources dans le total" },
  );
  const statut = (k: StatutSource, libelle: string) =>
    quotient(
      libelle,
      somme(
        `Sources au statut « ${LIBELLES_STATUT[k]} »`,
        s.parStatut[k],
        (x) => x.statut === k,
        `Σ sources au statut « ${LIBELLES_STATUT[k]} »`,
      ),
      total,
      `sources au statut « ${LIBELLES_STATUT[k]} » ÷ total des financements`,
    );
  out.partEnvisagee = statut("envisage", "Part envisagée");
  out.partEnNegociation = statut("en-negociation", "Part en négociation");
  if (s.financementFrancais > 0)
    out.diffuseursFrancais = quotient(
      LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS,
      somme(
        "Diffuseurs français",
        s.diffuseursFrancais,
        (x) => !!attribut(x).diffuseur && !x.etranger,
        "Σ sources françaises des diffuseurs",
      ),
      noeud("Financement français", euros(s.financementFrancais), "euros", "difference", [total, financementEtranger], {
        formule: "total des financements − financement étranger",
      }),
      "diffuseurs français ÷ financement français (total − financement étranger ; la base FSA est une autre)",
    );
  out.categories = {};
  out.partsCategories = {};
  for (const c of categoriesEnVigueur(ctx.date)) {
    const t = somme(
      `Total de la catégorie « ${c.libelle} »`,
      s.parCategorie.find((x) => x.categorie === c.id)?.montant ?? ZERO,
      (x) => attribut(x).id === c.id,
      `Σ sources de la catégorie « ${c.libelle} »`,
    );
    out.categories[c.id] = t;
    out.partsCategories[c.id] = quotient(
      `Part du total : ${c.libelle}`,
      t,
      total,
      "total de la catégorie ÷ total des financements",
    );
  }
  return out;
}
