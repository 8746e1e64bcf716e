import { celluleDeLigne, type Devis, type LigneDevis } from "../devis/model";
import type { RapportEcarts, LigneEcart } from "../ecarts/calcul";
import type { ResultatFec, EcritureFec } from "../comptabilite/fec/types";
import { posteDe, type TableCorrespondances } from "../comptabilite/correspondances";
import { cents } from "../money";
import { dateIso } from "../comptabilite/fec/champs";
import { dateEnLettres } from "../util/texte";
import { traceLigne } from "./devis";
import { euros, feuille, noeud, type Trace } from "./trace";

/** FEC lines listed one by one under an account (beyond, the account's debit and credit totals stand for them). */
export const LIGNES_FEC_MAX = 50;

export interface TracePoste {
  realise: Trace;
  budget: Trace;
  /** Écart = réalisé − budget. */
  ecart: Trace;
  /** Écart estimé = estimation finale − budget. */
  ecartEstime: Trace;
}

function ligneFec(l: EcritureFec): Trace {
  // The entry's date in words (« écriture du 3 mars 2026 »), when the line has one.
  const date = Number.isFinite(l.date) && l.date > 0 ? `, écriture du ${dateEnLettres(dateIso(l.date))}` : "";
  return feuille(`${l.journal} ${l.ecritureNum} « ${l.libelle} »`, euros(cents(l.debit - l.credit)), "euros", {
    formule: `débit − crédit, compte ${l.compte}${date}`,
    cellule: `FEC ligne ${l.ligne}`,
  });
}

/** An account's net (débit − crédit) under one poste: its FEC lines when kept and few, else its totals. */
function traceCompte(compte: string, fec: ResultatFec, lignes: EcritureFec[] | undefined): Trace {
  const s = fec.comptes.get(compte);
  const libelle = `Compte ${compte}${s ? ` ${s.libelle}` : ""}`;
  if (lignes && lignes.length <= LIGNES_FEC_MAX) {
    const net = lignes.reduce((a, l) => a + l.debit - l.credit, 0);
    return noeud(libelle, euros(cents(net)), "euros", "somme", lignes.map(ligneFec), {
      formule: `Σ ${lignes.length} ligne${lignes.length > 1 ? "s" : ""} du FEC (débit − crédit)`,
    });
  }
  const debit = lignes ? lignes.reduce((a, l) => a + l.debit, 0) : (s?.debit ?? 0);
  const credit = lignes ? lignes.reduce((a, l) => a + l.credit, 0) : (s?.credit ?? 0);
  const n = lignes?.length;
  return noeud(
    libelle,
    euros(cents(debit - credit)),
    "euros",
    "difference",
    [
      feuille("Débits", euros(cents(debit)), "euros", {
        formule: n ? `Σ ${n} lignes du FEC` : "total du compte au FEC",
      }),
      feuille("Crédits", euros(cents(credit)), "euros", {
        formule: n ? `Σ ${n} lignes du FEC` : "total du compte au FEC",
      }),
    ],
    { formule: "débits − crédits" },
  );
}

/**
 * Réalisé, budget, écart (réalisé − budget) and écart estimé (estimation finale − budget) of each devis poste, the
 * réalisé down to the accounts and FEC lines mapped to it (through the correspondances), the budget down to the devis
 * lines carrying that code. Keyed by poste code; lines without a code have no trace (their réalisé is not looked up).
 */
export function tracesEcarts(
  rapport: RapportEcarts,
  devis: Devis,
  fec: ResultatFec,
  correspondances: TableCorrespondances,
): Record<string, TracePoste> {
  // Lines of class 6 grouped by poste then account (when kept), else accounts grouped by poste.
  const parPoste = new Map<string, Map<string, EcritureFec[] | undefined>>();
  const ajouter = (poste: string, compte: string, l?: EcritureFec) => {
    const comptes = parPoste.get(poste) ?? new Map<string, EcritureFec[] | undefined>();
    parPoste.set(poste, comptes);
    if (!l) comptes.set(compte, undefined);
    else comptes.set(compte, [...(comptes.get(compte) ?? []), l]);
  };
  const avecSections = fec.lignes?.some((l) => l.section);
  if (fec.lignes) {
    for (const l of fec.lignes) {
      if (!l.compte.startsWith("6")) continue;
      const p = posteDe(correspondances, l.compte, avecSections ? l.section : undefined);
      if (p !== undefined) ajouter(p, l.compte, l);
    }
  } else {
    for (const compte of fec.comptes.keys()) {
      if (!compte.startsWith("6")) continue;
      const p = posteDe(correspondances, compte);
      if (p !== undefined) ajouter(p, compte);
    }
  }
  const out: Record<string, TracePoste> = {};
  // A line placed in no chapter is no budget (MontantNonPlaceEcarts): only the placed lines carrying the code.
  const lignesParCode = (code: string) => devis.lignes.filter((l) => l.code === code && l.chapitre);
  for (const e of rapport.lignes) {
    if (e.sansCode || !e.code) continue;
    out[e.code] = tracePoste(e, parPoste.get(e.code), lignesParCode(e.code), fec);
  }
  return out;
}

/**
 * A devis line in a budget: its amount cell; an amount not read (its cell empty or absent: computed from quantité ×
 * nombre × taux) is traced down to the cells of its factors, so every input of the budget names where it was read.
 */
function ligneBudget(l: LigneDevis, libelle: string): Trace {
  const c = celluleDeLigne(l, "montant");
  if (!c || l.montantCalcule) return { ...traceLigne(l), libelle };
  return feuille(libelle, euros(l.montant), "euros", { cellule: c });
}

function tracePoste(
  e: LigneEcart,
  comptes: Map<string, EcritureFec[] | undefined> | undefined,
  lignesDevis: Devis["lignes"],
  fec: ResultatFec,
): TracePoste {
  const entreesRealise = [...(comptes ?? new Map<string, EcritureFec[] | undefined>())].map(([c, ls]) =>
    traceCompte(c, fec, ls),
  );
  const realise = noeud(`Réalisé ${e.code}`, euros(e.realise), "euros", "somme", entreesRealise, {
    formule: `Σ ${entreesRealise.length} compte${entreesRealise.length > 1 ? "s" : ""} de classe 6 affecté${
      entreesRealise.length > 1 ? "s" : ""
    } au poste`,
  });
  const budget = noeud(
    `Budget ${e.code}`,
    euros(e.budget),
    "euros",
    "somme",
    lignesDevis.map((l) => ligneBudget(l, `« ${l.libelle} »`)),
    {
      formule: lignesDevis.length
        ? "Σ lignes du devis portant ce code"
        : e.nonPlace
          ? "ligne du devis placée dans aucun chapitre : montant non placé, hors total, sans budget ici"
          : "poste absent du devis",
    },
  );
  const ecart = noeud(`Écart ${e.code}`, euros(cents(e.realise - e.budget)), "euros", "difference", [realise, budget], {
    formule: "réalisé − budget",
  });
  return { realise, budget, ecart, ecartEstime: traceEcartEstime(e, e.code, realise, budget) };
}

/**
 * Écart estimé of a row of the Écarts table (poste or chapter `nom`): estimation finale (réalisé + reste à engager,
 * the reste typed in the sheet or max(0 ; budget − réalisé)) − budget, on the row's réalisé and budget traces.
 */
export function traceEcartEstime(e: LigneEcart, nom: string, realise: Trace, budget: Trace, chapitre = false): Trace {
  const reste = traceResteAEngager(e, chapitre ? `du chapitre ${nom}` : `du poste ${nom}`);
  const estimation = noeud("Estimation finale", euros(e.estimation), "euros", "somme", [realise, reste], {
    formule: "réalisé + reste à engager",
  });
  return noeud(
    `Écart estimé ${nom}`,
    euros(cents(e.estimation - e.budget)),
    "euros",
    "difference",
    [estimation, budget],
    {
      formule: "estimation finale − budget",
    },
  );
}

/**
 * Reste à engager of a row: typed in the Écarts sheet (its cell named), else computed, max(0 ; budget − réalisé), on
 * the row's budget and réalisé (their detail is beside it in the écart estimé's tree, not repeated here).
 */
export function traceResteAEngager(
  e: Pick<LigneEcart, "budget" | "realise" | "reste" | "celluleReste">,
  de = "de la ligne",
): Trace {
  const calcule = Math.max(0, e.budget - e.realise);
  if (e.celluleReste || e.reste !== calcule)
    return feuille("Reste à engager", euros(e.reste), "euros", {
      formule: "saisi dans la feuille Écarts",
      ...(e.celluleReste ? { cellule: e.celluleReste } : {}),
    });
  return noeud(
    "Reste à engager",
    euros(e.reste),
    "euros",
    "maximum",
    [
      feuille("Rien à engager", "0", "euros"),
      noeud(
        "Budget − réalisé",
        euros(cents(e.budget - e.realise)),
        "euros",
        "difference",
        [
          feuille("Budget", euros(e.budget), "euros", { formule: `budget ${de}` }),
          feuille("Réalisé", euros(e.realise), "euros", { formule: `réalisé ${de}` }),
        ],
        { formule: "budget − réalisé" },
      ),
    ],
    { formule: "max(0 ; budget − réalisé)" },
  );
}

/**
 * A devis line without a code, a row of the Écarts table: no account is mapped to it (the correspondances go by code),
 * so its réalisé is 0, said so; its budget is the amount written in `celluleBudget`; écart and écart estimé as a poste's.
 */
export function tracePosteSansCode(e: LigneEcart, celluleBudget: string, celluleRealise: string): TracePoste {
  const nom = `« ${e.libelle} »`;
  const realise = feuille(`Réalisé ${nom}`, euros(e.realise), "euros", {
    formule:
      "ligne du devis sans code : aucune écriture du Grand livre ne lui est rapprochée, les correspondances allant par code",
    cellule: celluleRealise,
  });
  const budget = feuille(`Budget ${nom}`, euros(e.budget), "euros", {
    formule: "montant de la ligne du devis",
    cellule: celluleBudget,
  });
  const ecart = noeud(`Écart ${nom}`, euros(cents(e.realise - e.budget)), "euros", "difference", [realise, budget], {
    formule: "réalisé − budget",
  });
  return { realise, budget, ecart, ecartEstime: traceEcartEstime(e, nom, realise, budget) };
}

/** A chapter row of the Écarts table: its réalisé, its écart (réalisé − budget) and écart estimé. */
export interface TraceChapitreEcart {
  realise: Trace;
  budget: Trace;
  ecart: Trace;
  /** Écart estimé = estimation finale (réalisé + the chapter's own reste à engager) − budget. */
  ecartEstime: Trace;
}

/**
 * Réalisé, budget and écart of each chapter of the report (keyed by chapter code), built on the postes' traces
 * (`tracesEcarts`): réalisé = Σ its postes' réalisé (down to the FEC lines), budget = Σ its postes' budget and its
 * uncoded devis lines (each with its cell), écart = réalisé − budget, écart estimé = estimation finale − budget (the
 * chapter's reste à engager is its own, not the sum of its postes').
 */
export function tracesEcartsChapitres(
  rapport: RapportEcarts,
  postes: Record<string, TracePoste>,
  devis: Devis,
): Record<string, TraceChapitreEcart> {
  const out: Record<string, TraceChapitreEcart> = {};
  for (const c of rapport.chapitres) {
    const ls = rapport.lignes.filter((l) => l.chapitre === c.code);
    const avecCode = ls.filter((l) => !l.sansCode && l.code && postes[l.code]);
    const realises = avecCode.filter((l) => l.realise !== 0).map((l) => postes[l.code].realise);
    const nom = `${c.code} ${c.libelle}`;
    const realise = noeud(`Réalisé ${nom}`, euros(c.realise), "euros", "somme", realises, {
      formule: realises.length ? "Σ réalisé des postes du chapitre" : "aucune écriture affectée au chapitre",
    });
    const sansCode = devis.lignes
      .filter((l) => !l.code && l.chapitre === c.code && l.montant !== 0)
      .map((l) => ligneBudget(l, `« ${l.libelle} » (sans code)`));
    const budgets = [...avecCode.filter((l) => l.budget !== 0).map((l) => postes[l.code].budget), ...sansCode];
    const budget = noeud(`Budget ${nom}`, euros(c.budget), "euros", "somme", budgets, {
      formule: budgets.length ? "Σ lignes du devis du chapitre" : "chapitre absent du devis",
    });
    const ecart = noeud(`Écart ${nom}`, euros(cents(c.realise - c.budget)), "euros", "difference", [realise, budget], {
      formule: "réalisé − budget",
    });
    out[c.code] = { realise, budget, ecart, ecartEstime: traceEcartEstime(c, nom, realise, budget, true) };
  }
  return out;
}

/**
 * The total row of the Écarts table: réalisé = Σ the chapters' réalisé, budget = Σ their budgets (each down to its
 * postes, devis lines and FEC lines, see `tracesEcartsChapitres`), écart = réalisé − budget, écart estimé = Σ the
 * chapters' écart estimé (as the sheet's total row adds them up).
 */
export function traceEcartsTotal(
  rapport: RapportEcarts,
  chapitres: Record<string, TraceChapitreEcart>,
): TraceChapitreEcart {
  const ts = rapport.chapitres.map((c) => chapitres[c.code]).filter((t): t is TraceChapitreEcart => t !== undefined);
  const n = ts.length;
  const pluriel = n > 1 ? "s" : "";
  const realise = noeud(
    "Réalisé total",
    euros(rapport.total.realise),
    "euros",
    "somme",
    ts.map((t) => t.realise),
    {
      formule: `Σ réalisé des ${n} chapitre${pluriel}`,
    },
  );
  const budget = noeud(
    "Budget total",
    euros(rapport.total.budget),
    "euros",
    "somme",
    ts.map((t) => t.budget),
    {
      formule: `Σ budget des ${n} chapitre${pluriel}`,
    },
  );
  const ecart = noeud("Écart total", euros(rapport.total.ecart), "euros", "difference", [realise, budget], {
    formule: "réalisé total − budget total",
  });
  const ecartEstime = noeud(
    "Écart estimé total",
    euros(rapport.total.ecartEstime),
    "euros",
    "somme",
    ts.map((t) => t.ecartEstime),
    { formule: `Σ écart estimé des ${n} chapitre${pluriel}` },
  );
  return { realise, budget, ecart, ecartEstime };
}
