import type { Cents } from "../money/cents";
import { nomFeuilleRef } from "../util/adresse";
import type { Comparaison } from "../versions/comparer";
import { ligneDansVersions } from "../versions/feuilleVersions";
import type { LigneVersion, Version } from "../versions/modele";
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
}

/**
 * « D'où vient ce chiffre ? » of a comparison's écarts: each chapter's écart = its amount in « à » − in « de », each
 * the Σ of that version's lines in the chapter (each line's amount with its cell: its row of « Versions » for a saved
 * version, the producer's cell for the current devis); the total's = Σ chapters of « à » − Σ chapters of « de ».
 * The unplaced lines (chapter « ? ») are out of the total, as in the comparison.
 */
export function tracesComparaison(c: Comparaison, cotes: CotesComparaison): TracesComparaison {
  const V = nomFeuilleRef(cotes.feuilleVersions);
  const nomDe = `version « ${c.de} »`;
  const nomA = cotes.versionA ? `version « ${cotes.versionA.nom} »` : cotes.libelleA;
  const ligne = (l: LigneVersion, sauvee: boolean): Trace => {
    const n = sauvee ? ligneDansVersions(l) : undefined;
    return feuille(`${l.code ? `${l.code} ` : ""}« ${l.libelle} »`, euros(l.montant), "euros", {
      cellule: n !== undefined ? `${V}!M${n}` : sauvee ? undefined : l.cellule,
      formule: sauvee
        ? `ligne n° ${l.numero} de la version, lue dans « ${cotes.feuilleVersions} »`
        : "montant du devis actuel",
    });
  };
  const parChapitre = (cote: "de" | "a") => {
    const m = new Map<string, LigneVersion[]>();
    for (const lc of c.lignes) {
      const l = lc[cote];
      if (!l) continue;
      const x = m.get(l.chapitre);
      if (x) x.push(l);
      else m.set(l.chapitre, [l]);
    }
    return m;
  };
  const de = parChapitre("de");
  const a = parChapitre("a");
  const cote = (code: string, lignes: LigneVersion[] | undefined, nom: string, sauvee: boolean, montant: Cents) =>
    noeud(
      `Chapitre ${code}, ${nom}`,
      euros(montant),
      "euros",
      "somme",
      (lignes ?? []).map((l) => ligne(l, sauvee)),
      {
        formule: `Σ ${lignes?.length ?? 0} ligne${(lignes?.length ?? 0) > 1 ? "s" : ""} du chapitre`,
      },
    );
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
  };
}
