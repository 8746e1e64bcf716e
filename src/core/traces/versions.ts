import type { RealiseDePoste } from "../ecarts/realiseParCode";
import { type Cents, subCents, ZERO } from "../money/cents";
import { nomFeuilleRef } from "../util/adresse";
import type { Comparaison } from "../versions/comparer";
import { ligneDansVersions } from "../versions/feuilleVersions";
import { CHAPITRE_NON_PLACE, type LigneVersion, type Version } from "../versions/modele";
import { postesRealises, realiseCompare, type PosteRealise } from "../versions/realise";
import { euros, feuille, noeud, type Trace } from "./trace";

/** The two sides of a comparison as « D'où vient ce chiffre ? » names them. */
export interface CotesComparaison {
  /** The « Versions » sheet the saved versions were read in. */
  feuilleVersions: string;
  versionDe: Version;
  /** undefined when « à » is the current devis (its lines name the producer's cells). */
  versionA?: Version;
  /** « Devis actuel (feuille « Budget ») » or the version's name. */
  libelleA: string;
}

/** The écarts of a comparison (à − de) with their traces: the total, and each chapter, down to the lines' cells. */
export interface TracesComparaison {
  total: Trace;
  chapitres: Record<string, Trace>;
  /**
   * The écart of the lines the devis did not place (chapter « ? », out of the total): à − de, each the Σ of its
   * unplaced lines with their cells (field added; only when a side has such lines, as `nonPlaces` in the JSON).
   * Against the coût définitif (`tracesCoutDefinitif`): the réalisé of their postes − their amount in « à » (added;
   * only when « à » has such lines or one of their postes has a réalisé).
   */
  nonPlaces?: Trace;
}

const nomDeA = (cotes: CotesComparaison) => (cotes.versionA ? `version « ${cotes.versionA.nom} »` : cotes.libelleA);

/** A version's line with its cell: its row of « Versions » for a saved version, the producer's cell for the devis. */
function traceLigne(l: LigneVersion, sauvee: boolean, feuilleVersions: string): Trace {
  const n = sauvee ? ligneDansVersions(l) : undefined;
  return feuille(`${l.code ? `${l.code} ` : ""}« ${l.libelle} »`, euros(l.montant), "euros", {
    cellule: n !== undefined ? `${nomFeuilleRef(feuilleVersions)}!M${n}` : sauvee ? undefined : l.cellule,
    formule: sauvee ? `ligne n° ${l.numero} de la version, lue dans « ${feuilleVersions} »` : "montant du devis actuel",
  });
}

/** The lines of one side of a comparison, by chapter code. */
function parChapitre(c: Comparaison, cote: "de" | "a"): Map<string, LigneVersion[]> {
  const m = new Map<string, LigneVersion[]>();
  for (const lc of c.lignes) {
    const l = lc[cote];
    if (!l) continue;
    const x = m.get(l.chapitre);
    if (x) x.push(l);
    else m.set(l.chapitre, [l]);
  }
  return m;
}

/** A chapter's amount in one side: Σ its lines, each with its cell. */
const coteChapitre =
  (cotes: CotesComparaison) =>
  (code: string, lignes: LigneVersion[] | undefined, nom: string, sauvee: boolean, montant: Cents): Trace =>
    noeud(
      `Chapitre ${code}, ${nom}`,
      euros(montant),
      "euros",
      "somme",
      (lignes ?? []).map((l) => traceLigne(l, sauvee, cotes.feuilleVersions)),
      { formule: `Σ ${lignes?.length ?? 0} ligne${(lignes?.length ?? 0) > 1 ? "s" : ""} du chapitre` },
    );

/**
 * « D'où vient ce chiffre ? » of a comparison's écarts: each chapter's écart = its amount in « à » − in « de », each
 * the Σ of that version's lines in the chapter (each line's amount with its cell: its row of « Versions » for a saved
 * version, the producer's cell for the current devis); the total's = Σ chapters of « à » − Σ chapters of « de ».
 * The unplaced lines (chapter « ? ») are out of the total, as in the comparison.
 */
export function tracesComparaison(c: Comparaison, cotes: CotesComparaison): TracesComparaison {
  const nomDe = `version « ${c.de} »`;
  const nomA = nomDeA(cotes);
  const de = parChapitre(c, "de");
  const a = parChapitre(c, "a");
  const cote = coteChapitre(cotes);
  const chapitres: Record<string, Trace> = {};
  const totauxA: Trace[] = [];
  const totauxDe: Trace[] = [];
  for (const ch of c.chapitres) {
    const tA = cote(ch.code, a.get(ch.code), nomA, !!cotes.versionA, ch.a);
    const tDe = cote(ch.code, de.get(ch.code), nomDe, true, ch.de);
    totauxA.push(tA);
    totauxDe.push(tDe);
    chapitres[ch.code] = noeud(
      `Écart chapitre ${ch.code} ${ch.libelle}`,
      euros(ch.delta),
      "euros",
      "difference",
      [tA, tDe],
      {
        formule: `${nomA} − ${nomDe}`,
      },
    );
  }
  const total = (nom: string, montant: Cents, entrees: Trace[]) =>
    noeud(`Total, ${nom}`, euros(montant), "euros", "somme", entrees, { formule: "Σ chapitres" });
  const np = c.nonPlaces;
  const nonPlaces =
    np.lignesDe || np.lignesA
      ? {
          nonPlaces: noeud(
            "Écart non placé (hors total)",
            euros(np.delta),
            "euros",
            "difference",
            [
              coteNonPlace(cotes, a.get(CHAPITRE_NON_PLACE), nomA, !!cotes.versionA, np.a),
              coteNonPlace(cotes, de.get(CHAPITRE_NON_PLACE), nomDe, true, np.de),
            ],
            { formule: `${nomA} − ${nomDe}` },
          ),
        }
      : {};
  return {
    total: noeud(
      "Écart total",
      euros(c.total.delta),
      "euros",
      "difference",
      [total(nomA, c.total.a, totauxA), total(nomDe, c.total.de, totauxDe)],
      { formule: `${nomA} − ${nomDe} (lignes non placées hors total)` },
    ),
    chapitres,
    ...nonPlaces,
  };
}

/** The unplaced lines of one side: Σ of them, each with its cell (a line the devis could not place in a chapter). */
function coteNonPlace(
  cotes: CotesComparaison,
  lignes: LigneVersion[] | undefined,
  nom: string,
  sauvee: boolean,
  montant: Cents,
): Trace {
  const n = lignes?.length ?? 0;
  return noeud(
    `Non placé (hors total), ${nom}`,
    euros(montant),
    "euros",
    "somme",
    (lignes ?? []).map((l) => traceLigne(l, sauvee, cotes.feuilleVersions)),
    { formule: `Σ ${n} ligne${n > 1 ? "s" : ""} non placée${n > 1 ? "s" : ""}` },
  );
}

/**
 * « D'où vient ce chiffre ? » of the comparison against the coût définitif (`coutDefinitifCompare`, the « Comparaison »
 * sheet's columns S and T): each chapter's écart = its réalisé − its amount in « à », the réalisé the Σ of its postes'
 * réalisé, each read in its cell of the Écarts sheet (a poste counted once however many lines carry its code; a poste
 * with no line in « à » counted in the chapter it is imputed to), the amount in « à » the Σ of its lines with their
 * cells; the total's = Σ chapters' réalisé − Σ chapters of « à ». The unplaced lines (chapter « ? ») are out of it.
 */
export function tracesCoutDefinitif(
  c: Comparaison,
  realise: ReadonlyMap<string, RealiseDePoste>,
  cotes: CotesComparaison,
): TracesComparaison {
  const r = realiseCompare(c, realise);
  const postes = postesRealises(c, realise, r);
  const nomA = nomDeA(cotes);
  const a = parChapitre(c, "a");
  const cote = coteChapitre(cotes);
  const poste = (p: PosteRealise): Trace => {
    const libelle = (realise.get(p.code) as RealiseDePoste).libelle;
    const formule =
      p.lignes === 0
        ? "réalisé du poste, lu dans la feuille Écarts (aucune ligne ne porte ce code : imputé au chapitre)"
        : p.lignes > 1
          ? `réalisé du poste, lu dans la feuille Écarts, compté une fois pour ses ${p.lignes} lignes`
          : "réalisé du poste, lu dans la feuille Écarts";
    return feuille(`Réalisé ${p.code}${libelle ? ` « ${libelle} »` : ""}`, euros(p.realise), "euros", {
      cellule: p.cellule,
      formule,
    });
  };
  const chapitres: Record<string, Trace> = {};
  const realises: Trace[] = [];
  const totauxA: Trace[] = [];
  for (const ch of r.chapitres) {
    const ps = postes.filter((p) => p.chapitre === ch.code && p.realise !== 0);
    const montant = r.parChapitre.get(ch.code) ?? ZERO;
    const tR = noeud(`Réalisé chapitre ${ch.code}`, euros(montant), "euros", "somme", ps.map(poste), {
      formule: ps.length
        ? `Σ réalisé de ${ps.length} poste${ps.length > 1 ? "s" : ""} du chapitre (feuille Écarts)`
        : "aucun réalisé dans la feuille Écarts pour ce chapitre",
    });
    const tA = cote(ch.code, a.get(ch.code), nomA, !!cotes.versionA, ch.a);
    realises.push(tR);
    totauxA.push(tA);
    chapitres[ch.code] = noeud(
      `Écart réalisé chapitre ${ch.code} ${ch.libelle}`,
      euros(subCents(montant, ch.a)),
      "euros",
      "difference",
      [tR, tA],
      { formule: `réalisé − ${nomA}` },
    );
  }
  const n = r.chapitres.length;
  // The unplaced lines' (chapter « ? », out of the total): the réalisé of their postes − their amount in « à », only
  // when « à » has such lines or one of their postes has a réalisé (as the pane's and the sheet's row).
  const realiseNp = r.parChapitre.get(CHAPITRE_NON_PLACE) ?? ZERO;
  const aNp = a.get(CHAPITRE_NON_PLACE);
  const nonPlaces =
    aNp?.length || realiseNp !== 0
      ? {
          nonPlaces: ecartRealiseNonPlace(
            c,
            aNp,
            postes.filter((p) => p.chapitre === CHAPITRE_NON_PLACE && p.realise !== 0).map(poste),
            realiseNp,
            nomA,
            cotes,
          ),
        }
      : {};
  return {
    total: noeud(
      "Écart réalisé total",
      euros(subCents(r.total, c.total.a)),
      "euros",
      "difference",
      [
        noeud("Réalisé total", euros(r.total), "euros", "somme", realises, {
          formule: `Σ réalisé des ${n} chapitre${n > 1 ? "s" : ""}`,
        }),
        noeud(`Total, ${nomA}`, euros(c.total.a), "euros", "somme", totauxA, { formule: "Σ chapitres" }),
      ],
      { formule: `réalisé − ${nomA} (lignes non placées hors total)` },
    ),
    chapitres,
    ...nonPlaces,
  };
}

/**
 * The écart réalisé − à of the unplaced lines (out of the total): the réalisé of their postes, each in its cell of the
 * Écarts sheet, − the Σ of « à »'s unplaced lines with their cells.
 */
function ecartRealiseNonPlace(
  c: Comparaison,
  lignesA: LigneVersion[] | undefined,
  postes: Trace[],
  realise: Cents,
  nomA: string,
  cotes: CotesComparaison,
): Trace {
  const n = postes.length;
  const tR = noeud("Réalisé non placé", euros(realise), "euros", "somme", postes, {
    formule: n
      ? `Σ réalisé de ${n} poste${n > 1 ? "s" : ""} des lignes non placées (feuille Écarts)`
      : "aucun réalisé dans la feuille Écarts pour les lignes non placées",
  });
  const tA = coteNonPlace(cotes, lignesA, nomA, !!cotes.versionA, c.nonPlaces.a);
  return noeud(
    "Écart réalisé non placé (hors total)",
    euros(subCents(realise, c.nonPlaces.a)),
    "euros",
    "difference",
    [tR, tA],
    {
      formule: `réalisé − ${nomA}`,
    },
  );
}
