import Decimal from "decimal.js";
import { cents, centsToDecimalString, type Cents } from "../money";
import type { Echeancier } from "../financement/echeancier";
import { moisEnLettres } from "../util/texte";
import { feuille, noeud, type Trace } from "./trace";

/** « mars 2026 » for « 2026-03 » (util/texte). */
export { moisEnLettres };

/** Traces of the échéancier's spending side: each month's spending and cumulative position, the largest gap. */
export interface TracesEcheancier {
  /** Spending by month (« 2026-03 »): the cost paid out × the month's weight ÷ Σ weights, to the cent. */
  depenses: Record<string, Trace>;
  /** Cumulative position at the end of each month: Σ cash in − Σ spending, from the first month to that one. */
  cumul: Record<string, Trace>;
  /** Largest cumulative gap: max(0 ; − min of the cumulative positions). */
  besoinMaximal: Trace;
  /**
   * Each month as the « Échéancier » sheet computes it (L = L du mois précédent + K, K = I − J): the cumulative position
   * at the end of the month = the previous month's + the month's balance, the balance = the month's cash in (down to
   * its payments and their cells) − its spending (down to the cost's cell). Same figure as `cumul`, month by month.
   */
  mois: Record<string, Trace>;
}

/** « de mars 2026 », « d'avril 2026 ». */
export function deMois(mois: string): string {
  const l = moisEnLettres(mois);
  return `${/^[aeéio]/.test(l) ? "d'" : "de "}${l}`;
}

const euros = (c: number) => centsToDecimalString(cents(c));

/**
 * A month's spending: décaissé × the month's days (or 1) ÷ Σ of them, rounded half-up to the cent, plus the cent the
 * spread gives it or takes from it so that the months add up to the cost paid out (`repartir`). `cout` is the cost's
 * trace (its cell), non-cash contributions taken off it.
 */
function traceDepensesMois(ech: Echeancier, mois: string, montant: Cents, cout?: Trace): Trace {
  const libelle = `Dépenses ${deMois(mois)}`;
  const d = ech.detailRepartition;
  const w = d?.poids[mois];
  if (!d || w === undefined)
    return feuille(libelle, euros(montant), "euros", {
      formule: d
        ? d.unite === "jours"
          ? "aucun jour d'étape du planning dans le mois"
          : "mois hors de la période de dépense"
        : `aucune dépense répartie (${ech.repartition})`,
    });
  const coutLu = cout ?? feuille("Coût de l'œuvre", euros(d.decaisse + ech.nonNumeraire), "euros");
  const decaisse =
    ech.nonNumeraire > 0
      ? noeud(
          "Coût décaissé",
          euros(d.decaisse),
          "euros",
          "difference",
          [
            coutLu,
            feuille("Apports non numéraires", euros(ech.nonNumeraire), "euros", {
              formule: "mises en participation et apports en industrie, qui ne se décaissent pas",
            }),
          ],
          { formule: "coût − apports non numéraires" },
        )
      : {
          ...coutLu,
          libelle: "Coût décaissé",
          formule: `${coutLu.formule ? `${coutLu.formule} ; ` : ""}tout se décaisse`,
        };
  const etapes = d.etapes?.[mois] ?? [];
  const poids =
    d.unite === "jours"
      ? noeud(
          "Jours de dépense du mois",
          String(w),
          "nombre",
          "somme",
          etapes.map((e, i) =>
            feuille(e.nom ? `Étape « ${e.nom} »` : `Étape ${i + 1} du planning`, String(e.jours), "nombre", {
              formule: "jours de l'étape dans le mois",
            }),
          ),
          { formule: "Σ jours des étapes du planning dans le mois" },
        )
      : feuille("Poids du mois", "1", "nombre", { formule: "coût réparti également sur les mois" });
  const moisPoids = Object.keys(d.poids);
  const total = feuille(
    d.unite === "jours" ? "Jours de dépense de la période" : "Mois de dépense",
    String(d.totalPoids),
    "nombre",
    {
      formule:
        d.unite === "jours"
          ? `Σ jours des étapes du planning, ${moisEnLettres(moisPoids[0])} à ${moisEnLettres(moisPoids[moisPoids.length - 1])}`
          : `mois de ${moisEnLettres(moisPoids[0])} à ${moisEnLettres(moisPoids[moisPoids.length - 1])}`,
    },
  );
  const parPoids = noeud(
    d.unite === "jours" ? "Coût décaissé × jours du mois" : "Coût décaissé × poids du mois",
    euros(d.decaisse * w),
    "euros",
    "produit",
    [decaisse, poids],
    { formule: d.unite === "jours" ? "coût décaissé × jours du mois" : "coût décaissé × 1" },
  );
  const prorata = new Decimal(d.decaisse * w)
    .dividedBy(d.totalPoids)
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
  const formule =
    d.unite === "jours"
      ? "coût décaissé × jours du mois ÷ jours de la période"
      : "coût décaissé ÷ nombre de mois de dépense";
  if (prorata === montant) return noeud(libelle, euros(montant), "euros", "quotient", [parPoids, total], { formule });
  return noeud(
    libelle,
    euros(montant),
    "euros",
    "somme",
    [
      noeud("Part au prorata", euros(prorata), "euros", "quotient", [parPoids, total], { formule }),
      feuille("Arrondi au centime", euros(montant - prorata), "euros", {
        formule: "les centimes laissés par l'arrondi vont aux mois aux plus forts restes : Σ des mois = coût décaissé",
      }),
    ],
    { formule: `${formule}, au centime près` },
  );
}

/**
 * Traces of the échéancier's spending, cumulative position and largest gap; `encaissements` are the months' cash-in
 * traces (named in the cumulative positions), `cout` the cost's trace.
 */
export function tracesEcheancier(
  ech: Echeancier,
  encaissements: Readonly<Record<string, Trace>>,
  cout?: Trace,
): TracesEcheancier {
  const depenses: Record<string, Trace> = {};
  const cumul: Record<string, Trace> = {};
  for (const m of ech.mois) depenses[m.mois] = traceDepensesMois(ech, m.mois, m.depenses, cout);
  ech.mois.forEach((m, i) => {
    const avant = ech.mois.slice(0, i + 1);
    const fin = `à fin ${moisEnLettres(m.mois)}`;
    const somme = (quoi: "Encaissements" | "Dépenses", de: (x: (typeof avant)[number]) => Cents) => {
      const traces = quoi === "Encaissements" ? encaissements : depenses;
      return noeud(
        `${quoi} ${quoi === "Dépenses" ? "cumulées" : "cumulés"} ${fin}`,
        euros(avant.reduce((a, x) => a + de(x), 0)),
        "euros",
        "somme",
        avant.map((x) =>
          feuille(`${quoi} ${deMois(x.mois)}`, euros(de(x)), "euros", {
            ...(traces[x.mois]?.formule ? { formule: traces[x.mois].formule } : {}),
          }),
        ),
        { formule: `Σ ${quoi.toLowerCase()} des mois jusqu'${fin}` },
      );
    };
    cumul[m.mois] = noeud(
      `Trésorerie cumulée ${fin}`,
      euros(m.cumul),
      "euros",
      "difference",
      [somme("Encaissements", (x) => x.encaissements), somme("Dépenses", (x) => x.depenses)],
      { formule: "Σ encaissements − Σ dépenses depuis le premier mois (versements sans date non compris)" },
    );
  });
  const zero = feuille("Zéro", "0.00", "euros");
  const plusBas = Math.min(...ech.mois.map((m) => m.cumul));
  const besoinMaximal = ech.mois.length
    ? noeud(
        "Besoin de trésorerie maximal",
        euros(ech.besoinMaximal),
        "euros",
        "maximum",
        [
          zero,
          noeud(
            "Découvert cumulé le plus fort",
            euros(-plusBas || 0),
            "euros",
            "difference",
            [
              zero,
              noeud(
                "Trésorerie cumulée la plus basse",
                euros(plusBas),
                "euros",
                "minimum",
                ech.mois.map((m) =>
                  feuille(cumul[m.mois].libelle, euros(m.cumul), "euros", {
                    formule: "Σ encaissements − Σ dépenses jusqu'à ce mois",
                  }),
                ),
                { formule: "min des trésoreries cumulées de fin de mois" },
              ),
            ],
            { formule: "0 − trésorerie cumulée la plus basse" },
          ),
        ],
        { formule: "max(0 ; − min des trésoreries cumulées)" },
      )
    : feuille("Besoin de trésorerie maximal", euros(ech.besoinMaximal), "euros", {
        formule: "aucun mois d'échéancier",
      });
  const mois: Record<string, Trace> = {};
  ech.mois.forEach((m, i) => {
    const enc =
      encaissements[m.mois] ??
      feuille(`Encaissements ${deMois(m.mois)}`, euros(m.encaissements), "euros", { formule: "aucun versement daté" });
    const solde = noeud(
      `Solde ${deMois(m.mois)}`,
      euros(m.encaissements - m.depenses),
      "euros",
      "difference",
      [enc, depenses[m.mois]],
      { formule: "encaissements − dépenses du mois" },
    );
    const prec = ech.mois[i - 1];
    mois[m.mois] = prec
      ? noeud(
          cumul[m.mois].libelle,
          euros(m.cumul),
          "euros",
          "somme",
          [
            feuille(cumul[prec.mois].libelle, euros(prec.cumul), "euros", { formule: "reprise du mois précédent" }),
            solde,
          ],
          { formule: `trésorerie cumulée à fin ${moisEnLettres(prec.mois)} + solde du mois` },
        )
      : noeud(cumul[m.mois].libelle, euros(m.cumul), "euros", "somme", [solde], {
          formule: "solde du premier mois de l'échéancier",
        });
  });
  return { depenses, cumul, besoinMaximal, mois };
}
