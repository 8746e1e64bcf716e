import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import { cents, centsToDecimal, eurosToCents, montantLigne, type Cents } from "../../money/cents";
import { euros, feuille, noeud, regleDeVersion, type RegleTrace, type Trace } from "../../traces/trace";
import { TableRegles, versionEnVigueur, VersionRegle } from "../../regles/table";
import { dateEnLettres, decimalFr, normaliser, pluriel } from "../../util/texte";
import { smicEnVigueur, TABLE_SMIC, type ValeursSmic } from "../../charges/smic";
import { celluleDeLigne, type CategorieLigne, type Devis, type LigneDevis } from "../model";
import { surchargeMontant } from "../../regles/parametres";
import { formuleAnnexe3, minimumAnnexe3, origineAnnexe3, regimeAnnexe3, type RegimeAnnexe3 } from "./annexe3";
import { CLE_MINIMUM, celluleMontant, cite, ContexteDevis, eur } from "./contexte";
import {
  type ActeurComplement,
  acteurComplement,
  engagementArtiste,
  type EngagementArtiste,
  engagementComplement,
  estLigneArtiste,
  type FormatFilm,
  minimumArtiste,
} from "../../creditImpot/artistes";
import { TABLES_CREDIT_IMPOT, type ValeursArtistes, type ValeursArtistesMinima } from "../../creditImpot/regles";
import {
  FonctionMinimum,
  fonctionDuLibelle,
  StatutMinimum,
  TABLE_ANNEXE3_3097,
  TABLE_MINIMA_2642,
  TABLE_MINIMA_3097,
  ValeursMinima,
} from "./donnees";

/**
 * IDCC 2642: weekly minimum derived from the daily one. Domain-facts §6.1: for a CDDU of ≤ 4 days the daily minimum is
 * the weekly minimum ÷ 4.5. If the grid's daily figures are those "extra" rates, the weekly minimum is daily × 4.5;
 * if they were weekly ÷ 5, it would be daily × 5. We use 4.5, the lower of the two readings [L]: a weekly rate
 * flagged here is below the minimum under either reading (no false alarm), at the cost of missing some.
 */
export const JOURS_PAR_SEMAINE = "4.5";

const JOUR = /^(j|jr|jrs|jour|jours|journee|journees|day|days|jour\(s\)|\/j|par jour)$/;
const SEMAINE = /^(s|sem|sem\.|semaine|semaines|week|weeks|wk|hebdo|semaine\(s\)|\/sem|par semaine)$/;
const SALARIES: readonly (CategorieLigne | undefined)[] = ["salaire-technicien", "salaire-permanent", undefined];

/** The grid a devis is checked against: IDCC 3097 for a cinema work, IDCC 2642 otherwise (by genre and date). */
export interface GrilleMinima {
  table: TableRegles<ValeursMinima>;
  version: VersionRegle<ValeursMinima>;
}

export function grilleMinima(devis: Pick<Devis, "typeOeuvre">, date: string): GrilleMinima | undefined {
  const table = devis.typeOeuvre === "cinema" ? TABLE_MINIMA_3097 : TABLE_MINIMA_2642;
  const version = versionEnVigueur(table, date);
  return version && { table, version };
}

/** Unit rate of a line: its taux, or its amount ÷ (quantité × nombre). */
function tauxUnitaire(l: LigneDevis): Decimal | undefined {
  if (l.taux !== undefined) return new Decimal(l.taux);
  const q = new Decimal(l.quantite ?? 1).times(l.nombre ?? 1);
  if ((l.quantite === undefined && l.nombre === undefined) || q.isZero()) return undefined;
  return centsToDecimal(l.montant).dividedBy(q);
}

/** A minimum per day or per week for one line, with how it was derived (« 282,12 € × 4,5 jours ») and its trace. */
interface MinimumLigne {
  minimum: Cents;
  derive: string;
  trace: Trace;
}

/** The figure a minimum starts from, as a trace: the grid's (or its override's) weekly or daily minimum. */
type TraceBase = (minimum: Cents, hebdomadaire: boolean) => Trace;

/** Minimum per day or per week for one function, with how it was derived (« 282,12 € × 4,5 jours »). */
function minimumUnitaire(
  f: FonctionMinimum,
  v: ValeursMinima,
  parSemaine: boolean,
  base: TraceBase,
  regleGrille: RegleTrace,
  surcharge?: Cents,
): MinimumLigne | undefined {
  const virgule = (s: string) => s.replace(".", ",");
  const libelle = `Minimum par ${parSemaine ? "semaine" : "jour"}`;
  if (f.hebdomadaire !== undefined || v.journeeSurSemaine !== undefined) {
    // Weekly grid (IDCC 3097): an override is a weekly minimum too.
    const hebdo = surcharge ?? f.hebdomadaire;
    if (hebdo === undefined) return undefined;
    const h = base(hebdo, true);
    if (parSemaine) return { minimum: hebdo, derive: "", trace: h };
    const part = v.journeeSurSemaine ?? "0.25";
    const minimum = montantLigne(1, part, centsToDecimal(hebdo));
    const journee = feuille(
      "Part d'une semaine pour un jour",
      part,
      "taux",
      v.journeeSurSemaine !== undefined
        ? { formule: "fraction de la grille", regle: regleGrille }
        : { formule: "un jour compté pour un quart de semaine" },
    );
    return {
      minimum,
      derive: ` (${eur(hebdo)} par semaine × ${virgule(part)})`,
      trace: noeud(libelle, euros(minimum), "euros", "produit", [h, journee], {
        formule: "minimum hebdomadaire × part d'une semaine pour un jour",
      }),
    };
  }
  const journalier = surcharge ?? f.journalier;
  if (journalier === undefined) return undefined;
  const j = base(journalier, false);
  if (!parSemaine) return { minimum: journalier, derive: "", trace: j };
  const minimum = montantLigne(1, JOURS_PAR_SEMAINE, centsToDecimal(journalier));
  const jours = feuille("Jours par semaine", JOURS_PAR_SEMAINE, "nombre", {
    formule:
      "lecture basse de la grille (un CDDU de 4 jours au plus a pour minimum journalier l'hebdomadaire ÷ 4,5), " +
      "à vérifier",
  });
  return {
    minimum,
    derive: ` (${eur(journalier)} × ${virgule(JOURS_PAR_SEMAINE)} jours)`,
    trace: noeud(libelle, euros(minimum), "euros", "produit", [j, jours], {
      formule: "minimum journalier × jours par semaine",
    }),
  };
}

/**
 * The weekly annexe III minimum as a trace: socle + part × (annexe I minimum − socle), each figure with its table; the
 * annexe I minimum itself when the function is under the socle (not eligible).
 */
function traceAnnexe3(
  annexe1: Trace,
  a1: Cents,
  hebdo3: Cents | undefined,
  a3: Extract<RegimeAnnexe3, { applique: true }>,
) {
  const v3 = a3.version.valeurs;
  const regle = regleDeVersion(TABLE_ANNEXE3_3097.id, a3.version);
  const socle = feuille("Socle de l'annexe III", euros(v3.socle), "euros", { regle });
  if (hebdo3 === undefined)
    return {
      ...annexe1,
      formule:
        `${annexe1.formule ?? ""} ; sous le socle de l'annexe III (${eur(v3.socle)}) : fonction non éligible, ` +
        "minimum de l'annexe I",
    };
  const auDela = noeud("Minimum de l'annexe I au-delà du socle", euros(cents(a1 - v3.socle)), "euros", "difference", [
    annexe1,
    socle,
  ]);
  const part = noeud(
    "Part au-delà du socle",
    euros(cents(hebdo3 - v3.socle)),
    "euros",
    "produit",
    [auDela, feuille("Part de l'annexe III", v3.partAuDela, "taux", { regle })],
    { formule: "(minimum de l'annexe I − socle) × part" },
  );
  return noeud("Minimum hebdomadaire de l'annexe III", euros(hebdo3), "euros", "somme", [socle, part], {
    formule: formuleAnnexe3(a1, v3),
  });
}

/**
 * The annexe III minimum of a line (declared film, under the cap): weekly from the annexe I weekly minimum (the grid's,
 * or a Paramètres override of it), then per day as annexe I does (× journeeSurSemaine). A function whose annexe I
 * minimum is under the socle keeps it (not eligible). `texte` names the formula and both table versions.
 */
function minimumAnnexe3Ligne(
  annexe1: Cents,
  a3: Extract<RegimeAnnexe3, { applique: true }>,
  grille: ValeursMinima,
  f: FonctionMinimum,
  parSemaine: boolean,
  origineAnnexe1: string,
  base: TraceBase,
  regleGrille: RegleTrace,
): (MinimumLigne & { texte: string; eligible: boolean }) | undefined {
  const v3 = a3.version.valeurs;
  const hebdo3 = minimumAnnexe3(annexe1, v3);
  const baseA3: TraceBase = () => traceAnnexe3(base(annexe1, true), annexe1, hebdo3, a3);
  const m = minimumUnitaire({ ...f, hebdomadaire: hebdo3 ?? annexe1 }, grille, parSemaine, baseA3, regleGrille);
  if (!m) return undefined;
  const texte =
    hebdo3 !== undefined
      ? `annexe III : ${formuleAnnexe3(annexe1, v3)} = ${eur(hebdo3)} par semaine, ${origineAnnexe3(a3.version)} ; ` +
        `minimum de l'annexe I : ${origineAnnexe1}`
      : `fonction non éligible à l'annexe III : son minimum de l'annexe I, ${eur(annexe1)} par semaine, est sous le ` +
        `socle de ${eur(v3.socle)} (${origineAnnexe3(a3.version)}) ; minimum de l'annexe I : ${origineAnnexe1}`;
  return { ...m, texte, eligible: hebdo3 !== undefined };
}

/** What the line pays per day or week, as the rule reads it: its rate, or its amount ÷ (quantité × nombre). */
function tracePaye(l: LigneDevis, paye: Cents, unite: string): Trace {
  const libelle = `Payé par ${unite}`;
  if (l.taux !== undefined)
    return feuille(libelle, euros(paye), "euros", {
      formule: new Decimal(l.taux).equals(centsToDecimal(paye))
        ? "taux de la ligne"
        : `taux de la ligne, ${decimalFr(l.taux)}, arrondi au centime`,
      cellule: celluleDeLigne(l, "taux"),
    });
  const facteurs: Trace[] = [];
  if (l.quantite !== undefined)
    facteurs.push(feuille("Quantité", l.quantite, "nombre", { cellule: celluleDeLigne(l, "quantite") }));
  if (l.nombre !== undefined)
    facteurs.push(feuille("Nombre", l.nombre, "nombre", { cellule: celluleDeLigne(l, "nombre") }));
  const n = new Decimal(l.quantite ?? 1).times(l.nombre ?? 1).toString();
  const unites =
    facteurs.length === 1
      ? facteurs[0]
      : noeud(`Nombre de ${unite}s`, n, "nombre", "produit", facteurs, { formule: "quantité × nombre" });
  const montant = feuille("Montant de la ligne", euros(l.montant), "euros", {
    cellule: celluleDeLigne(l, "montant"),
  });
  return noeud(libelle, euros(paye), "euros", "quotient", [montant, unites], {
    formule: `montant ÷ ${facteurs.length === 1 ? (l.quantite !== undefined ? "quantité" : "nombre") : "quantité × nombre"}`,
  });
}

/**
 * The trace of a salaire-minimum finding: what the line lacks per day or week, minimum − payé, the minimum down to the
 * grid's figure (table, version, source, confidence, or the « Paramètres » cell replacing it) and the pay down to the
 * line's cells; the comparison in words, on the whole line when it has a quantity (« 1 200,00 € < minimum
 * 1 450,00 € = 5 jours × 290,00 € »).
 */
/**
 * The alerte of an artist's line paid under its minimum (artistes-interprètes, acteurs de complément), on its rate
 * cell (else its amount's), with its trace: « C12 « Rôle » : 120,00 € par jour, sous le minimum <convention> des
 * <qui…> ».
 */
function sousMinimum(
  l: LigneDevis,
  m: MinimumLigne,
  paye: Cents,
  unite: string,
  convention: string,
  qui: string,
): Verification[] {
  const cellule = l.source.cellules.taux ?? celluleMontant(l);
  const message = `${cellule} ${cite(l.libelle)} : ${eur(paye)} par ${unite}, sous le minimum ${convention} des ${qui}`;
  return [
    {
      constat: { regle: "salaire-minimum", gravite: "alerte", message, cellule },
      trace: traceManque(l, m, paye, unite, cellule, convention),
    },
  ];
}

function traceManque(
  l: LigneDevis,
  m: MinimumLigne,
  paye: Cents,
  unite: string,
  cellule: string,
  convention: string,
): Trace {
  const n =
    l.quantite !== undefined || l.nombre !== undefined ? new Decimal(l.quantite ?? 1).times(l.nombre ?? 1) : undefined;
  const minLigne = n && montantLigne(n, 1, centsToDecimal(m.minimum));
  const montantCellule = celluleDeLigne(l, "montant");
  const comparaison =
    n && minLigne !== undefined && l.montant < minLigne
      ? `${eur(l.montant)}${montantCellule ? ` (${montantCellule})` : ""} < minimum ${eur(minLigne)} = ` +
        `${pluriel(n.toNumber(), unite)} × ${eur(m.minimum)}`
      : `${eur(paye)} < minimum ${eur(m.minimum)} par ${unite}`;
  return noeud(
    `Manque au minimum par ${unite}, ${l.code ? `${l.code} ` : ""}${cite(l.libelle)}`,
    euros(cents(m.minimum - paye)),
    "euros",
    "difference",
    [m.trace, tracePaye(l, paye, unite)],
    { formule: `minimum − payé par ${unite} ; ${comparaison} (${convention})`, cellule },
  );
}

/** A finding of salaire-minimum with its trace (none for the annexe III alert, which checks no line). */
interface Verification {
  constat: Constat;
  trace?: Trace;
}

/** « Paramètres » keys of the artists' minima a cinema devis is checked against (per day, per week). */
export const CLE_MINIMUM_ARTISTE = {
  jour: CLE_MINIMUM("artiste-interprete"),
  semaine: CLE_MINIMUM("artiste-interprete-semaine"),
};

/** The film format whose artists' minima a cinema devis is checked against, and the finding's words for it. */
export interface FormatArtistes {
  format: FormatFilm;
  texte: string;
}

/**
 * Short film when the work's duration is known and at most the table's maximum (code du cinéma, art. D. 210-2: one
 * hour); long feature when it is longer or not known (the finding says the duration was not given).
 */
export function formatArtistes(dureeMinutes: number | undefined, v: ValeursArtistesMinima): FormatArtistes {
  const max = v.courtMetrageDureeMaxMinutes;
  if (dureeMinutes === undefined || !(dureeMinutes > 0))
    return {
      format: "longMetrage",
      texte: "annexe III.1 (long-métrage ; durée du film non indiquée, minimum du long-métrage retenu)",
    };
  const d = `${decimalFr(new Decimal(dureeMinutes).toString())} min`;
  return dureeMinutes <= max
    ? { format: "courtMetrage", texte: `accord du 9 juillet 2014 (court-métrage : ${d}, une heure au plus)` }
    : { format: "longMetrage", texte: `annexe III.1 (long-métrage : ${d}, plus d'une heure)` };
}

/**
 * Before the grid binds every employer (its extension, `etenduLe`), the words saying it binds only the members of the
 * signatory employers' organisations; undefined from that date.
 */
export function texteExtension(v: ValeursArtistesMinima, date: string): string | undefined {
  return date < v.etenduLe
    ? `minimum applicable aux adhérents des organisations signataires ; étendu au ${dateEnLettres(v.etenduLe)} ` +
        `(${v.arreteExtension})`
    : undefined;
}

/**
 * The artists' grid a cinema devis is checked against on `date` (table idcc3097-artistes-minima: court-métrage for a
 * work of an hour at most, long-métrage otherwise) with the table saying which lines are artists' pay
 * (credit-impot-artistes, as the tax credit reads them), and before the grid's extension the words saying whom it
 * binds; undefined for an audiovisual devis or a date no version covers.
 */
export function grilleArtistes(
  devis: Pick<Devis, "typeOeuvre" | "dureeMinutes">,
  date: string,
):
  | {
      version: VersionRegle<ValeursArtistesMinima>;
      artistes: ValeursArtistes;
      format: FormatArtistes;
      extension?: string;
    }
  | undefined {
  if (devis.typeOeuvre !== "cinema") return undefined;
  const version = versionEnVigueur(TABLES_CREDIT_IMPOT.artistesMinima, date);
  const artistes = versionEnVigueur(TABLES_CREDIT_IMPOT.artistes, date);
  if (!version || !artistes) return undefined;
  const extension = texteExtension(version.valeurs, date);
  return {
    version,
    artistes: artistes.valeurs,
    format: formatArtistes(devis.dureeMinutes, version.valeurs),
    ...(extension ? { extension } : {}),
  };
}

/**
 * An artist line of a cinema devis as the salaire-minimum check reads it against the artists' grid `g`: its kind
 * (`quoi`, an acteur de complément's, or undefined for an artiste-interprète's), its engagement by the day or the week
 * and its unit rate (undefined when the line gives none); undefined for a line the grid does not cover (not an artist
 * line, a percentage, charges, a flat fee, rehearsals…). The one predicate of verifierArtiste, verifierComplement,
 * versionArtistesVerifiee and versionSmicVerifiee.
 */
type LigneArtisteLue = { quoi: ActeurComplement | undefined; e: EngagementArtiste; taux: Decimal | undefined };

function ligneArtisteLue(
  l: LigneDevis,
  g: NonNullable<ReturnType<typeof grilleArtistes>>,
): LigneArtisteLue | undefined {
  if (l.pourcentage || l.chargesDe || !estLigneArtiste(l, g.artistes)) return undefined;
  const quoi = acteurComplement(l.libelle);
  const e = (quoi ? engagementComplement : engagementArtiste)(l, g.version.valeurs);
  return typeof e === "string" ? undefined : { quoi, e, taux: tauxUnitaire(l) };
}

/** An acteur de complément's line compared to its minimum (verifierComplement): engagement read and rate known. */
function complementCompare(
  lue: LigneArtisteLue | undefined,
): lue is LigneArtisteLue & { quoi: ActeurComplement; taux: Decimal } {
  return lue?.quoi !== undefined && lue.taux !== undefined;
}

/** The artists' grid version when the salaire-minimum check compares at least one line of the devis to it. */
export function versionArtistesVerifiee(devis: Devis, date: string): VersionRegle<ValeursArtistesMinima> | undefined {
  const g = grilleArtistes(devis, date);
  return g && devis.lignes.some((l) => ligneArtisteLue(l, g)) ? g.version : undefined;
}

/**
 * The SMIC version the acteurs de complément check compared to on `date`: when at least one such line is compared to
 * the grid (the SMIC is read for each, used when it is higher).
 */
export function versionSmicVerifiee(devis: Devis, date: string): VersionRegle<ValeursSmic> | undefined {
  const g = grilleArtistes(devis, date);
  return g && devis.lignes.some((l) => complementCompare(ligneArtisteLue(l, g))) ? smicEnVigueur(date) : undefined;
}

/**
 * An artist line of a cinema devis paid by the day or the week under the IDCC 3097 artists' minimum of the film's
 * format (`g.format`): the daily one, or the weekly one of 5 days (6 when the line says so; 5 when it says nothing,
 * the normal shooting week of titre III, art. 4.2.1), or the « Paramètres » figure replacing it. Lines the grid does not cover (extras,
 * rehearsals, a flat fee) are not checked: the tax credit names them. Before the grid's extension the finding says it
 * binds only the members of the signatory organisations.
 */
function verifierArtiste(
  l: LigneDevis,
  g: NonNullable<ReturnType<typeof grilleArtistes>>,
  surcharges: ContexteDevis["surcharges"],
  date: string,
  tableSmic?: TableRegles<ValeursSmic>,
): Verification[] {
  const lue = ligneArtisteLue(l, g);
  if (!lue) return [];
  if (lue.quoi) return complementCompare(lue) ? verifierComplement(l, lue, g, date, tableSmic) : [];
  return [...journeesCourtMetrage(l, lue.e, g), ...minimumArtisteLigne(l, lue.e, g, surcharges)];
}

const NOMS_COMPLEMENT: Record<ActeurComplement, string> = {
  figuration: "figuration",
  silhouetteMuette: "silhouette muette",
  silhouetteParlante: "silhouette parlante",
  doublureSimple: "doublure simple",
  doublurePolyvalente: "doublure polyvalente",
};

/**
 * An acteur de complément's line (figurant, silhouette, doublure: titre III, sous-titre II) paid by the day or the week,
 * against the minimum of annexe III.2 (`acteursComplement`): daily, or weekly of 6 days when the line says so, of 5
 * otherwise (the normal shooting week, sous-titre II art. 4.2.1). The annex's grid applies only to films shot in its
 * zone (Paris within 40 km, six cities within 25 km), which a devis does not say: the alert says so. The same minima
 * for a short film and a feature (the accord of 9 July 2014 concerns the artistes-interprètes only).
 */
function verifierComplement(
  l: LigneDevis,
  { quoi, e, taux }: LigneArtisteLue & { quoi: ActeurComplement; taux: Decimal },
  g: NonNullable<ReturnType<typeof grilleArtistes>>,
  date: string,
  tableSmic?: TableRegles<ValeursSmic>,
): Verification[] {
  const v = g.version.valeurs;
  const grille = v.acteursComplement[quoi];
  const jours = e.unite === "semaine" ? (e.joursSemaine ?? v.joursSemaineNormale) : undefined;
  const minimumGrille =
    jours === undefined ? grille.journee : jours === 5 ? grille.semaine5Jours : grille.semaine6Jours;
  const unite = e.unite;
  const smic = smicComplement(date, unite, tableSmic);
  const minimum = smic && smic.montant > minimumGrille ? smic.montant : minimumGrille;
  const paye = eurosToCents(taux);
  if (paye >= minimum) return [];
  const engagement =
    jours === undefined
      ? "engagement à la journée"
      : `engagement à la semaine de ${jours} jours` +
        (e.unite === "semaine" && !e.joursSemaine
          ? " (durée de la semaine non dite : semaine normale de tournage)"
          : "");
  const id = TABLES_CREDIT_IMPOT.artistesMinima.id;
  const nom = NOMS_COMPLEMENT[quoi];
  const texte = `${v.convention}, acteurs de complément, ${v.acteursComplement.source}, ${nom}, ${engagement}`;
  const traceGrille = feuille(
    `Minimum par ${unite} des acteurs de complément (${nom})`,
    euros(minimumGrille),
    "euros",
    {
      formule: texte,
      regle: regleDeVersion(id, g.version),
    },
  );
  const origineGrille =
    `table ${id} en vigueur au ${dateEnLettres(g.version.effetDu)}, ${v.acteursComplement.source}, ${engagement}` +
    (g.version.confiance === "H" ? "" : ", à vérifier");
  const zone = `ce barème ne vaut que pour les ${v.acteursComplement.zone} : ailleurs, la convention n'en fixe pas`;
  if (smic && minimum === smic.montant) {
    const trace = noeud(`Minimum par ${unite} des acteurs de complément (${nom})`, euros(minimum), "euros", "maximum", [
      traceGrille,
      smic.trace,
    ]);
    return sousMinimum(
      l,
      { minimum, derive: "", trace },
      paye,
      unite,
      v.convention,
      `acteurs de complément (${nom}) : ${eur(minimum)} par ${unite}, le SMIC, plus haut que le minimum de la grille ` +
        `(${eur(minimumGrille)} par ${unite}, ${origineGrille}) : le SMIC prime (${smic.texte}) ; hors de la zone ` +
        `du barème, le SMIC reste le minimum.`,
    );
  }
  return sousMinimum(
    l,
    { minimum, derive: "", trace: traceGrille },
    paye,
    unite,
    v.convention,
    `acteurs de complément (${nom}) : ${eur(minimum)} par ${unite} (${origineGrille}) ; ${zone}.`,
  );
}

/**
 * The SMIC of a day or a week on `date` (table smic-horaire): the hourly SMIC × 7 hours a day (35 hours ÷ 5 days, the
 * legal week, code du travail art. L. 3121-27) or × 35 hours a week, the low reading (a longer day or week is owed
 * more). Undefined before the table's first version.
 */
export function smicComplement(
  date: string,
  unite: "jour" | "semaine",
  table: TableRegles<ValeursSmic> = TABLE_SMIC,
): { montant: Cents; texte: string; trace: Trace; version: VersionRegle<ValeursSmic> } | undefined {
  const version = smicEnVigueur(date, table);
  if (!version) return undefined;
  const s = version.valeurs;
  const heures = new Decimal(s.heuresSemaineLegale).dividedBy(unite === "jour" ? s.joursSemaineLegale : 1);
  const montant = montantLigne(heures, 1, centsToDecimal(s.horaireBrut));
  const h = decimalFr(heures.toString());
  const regle = regleDeVersion(table.id, version);
  const trace = noeud(`SMIC par ${unite}`, euros(montant), "euros", "produit", [
    feuille("SMIC horaire brut", euros(s.horaireBrut), "euros", { regle }),
    feuille(`Heures par ${unite}`, heures.toString(), "nombre", {
      formule:
        unite === "jour"
          ? `durée légale, ${s.heuresSemaineLegale} heures par semaine sur ${s.joursSemaineLegale} jours (lecture basse)`
          : `durée légale, ${s.heuresSemaineLegale} heures par semaine (lecture basse)`,
    }),
  ]);
  const texte =
    `SMIC ${eur(s.horaireBrut)} de l'heure × ${h} h = ${eur(montant)} par ${unite}, table ${table.id} en vigueur au ` +
    `${dateEnLettres(version.effetDu)}${version.confiance === "H" ? "" : ", à vérifier"} ; ${h} heures : durée légale, ` +
    "lecture basse";
  return { montant, texte, trace, version };
}

/** The finding code of artisteSansGrille (its own rule, grilleMinimaInconnue). */
const GRILLE_INCONNUE = "grille-minima-inconnue";

/**
 * An artist line of a cinema devis dated before the grid's first version (an acteur de complément's, or an
 * artiste-interprète's paid by the day or the week, as the grid's first version reads its unit): the grid is not known
 * on that date, said on the line's rate cell rather than compared to a later grid or left silent.
 */
function artisteSansGrille(l: LigneDevis, date: string): Verification[] | undefined {
  const quoi = acteurComplement(l.libelle);
  const table = TABLES_CREDIT_IMPOT.artistesMinima;
  const premiere = table.versions[0];
  const artistes = versionEnVigueur(TABLES_CREDIT_IMPOT.artistes, date);
  if (!premiere || date >= premiere.effetDu || l.chargesDe || !artistes || !estLigneArtiste(l, artistes.valeurs))
    return undefined;
  if (!quoi && (typeof engagementArtiste(l, premiere.valeurs) === "string" || tauxUnitaire(l) === undefined))
    return undefined;
  const cellule = l.source.cellules.taux ?? celluleMontant(l);
  const qui = quoi ? `acteurs de complément (${NOMS_COMPLEMENT[quoi]})` : "artistes-interprètes";
  return [
    {
      constat: {
        regle: GRILLE_INCONNUE,
        gravite: "info",
        message:
          `${cellule} ${cite(l.libelle)} : ${qui}, grille non connue à cette date (${dateEnLettres(date)}) : la table ` +
          `${table.id} commence le ${dateEnLettres(premiere.effetDu)} ; salaire non comparé à un minimum.`,
        cellule,
      },
    },
  ];
}

/**
 * Short film (accord du 9 juillet 2014, art. 1er): « l'engagement à la journée doit porter sur 4 jours au plus ». An
 * artist line paid by the day whose quantité (days per artist; the nombre column counts the artists) is above the
 * table's `courtMetrageJourneeMaxJours` gets an alert on its quantité cell; the text says no more (the minimum of the
 * line is still checked against the daily one).
 */
function journeesCourtMetrage(
  l: LigneDevis,
  e: EngagementArtiste,
  g: NonNullable<ReturnType<typeof grilleArtistes>>,
): Verification[] {
  const v = g.version.valeurs;
  const max = v.courtMetrageJourneeMaxJours;
  if (g.format.format !== "courtMetrage" || e.unite !== "jour" || l.quantite === undefined) return [];
  let jours: Decimal;
  try {
    jours = new Decimal(l.quantite);
  } catch {
    return [];
  }
  if (!jours.isFinite() || jours.lte(max)) return [];
  const cellule = celluleDeLigne(l, "quantite") ?? celluleMontant(l);
  return [
    {
      constat: {
        regle: "salaire-minimum",
        gravite: "alerte",
        message:
          `${cellule} ${cite(l.libelle)} : ${decimalFr(jours.toString())} jours d'engagement à la journée sur un ` +
          `court-métrage ; l'accord du 9 juillet 2014 (${v.convention}, artistes-interprètes, art. 1er) dit que ` +
          `« l'engagement à la journée doit porter sur ${max} jours au plus » (${g.format.texte}) : vérifiez la ` +
          `formule d'engagement (à la semaine, « au moins une semaine », minimum ${eur(v.courtMetrage.semaine5Jours)} ` +
          `la semaine de 5 jours).`,
        cellule,
      },
    },
  ];
}

/** The line's rate against the artists' minimum of its engagement (see verifierArtiste). */
function minimumArtisteLigne(
  l: LigneDevis,
  e: EngagementArtiste,
  g: NonNullable<ReturnType<typeof grilleArtistes>>,
  surcharges: ContexteDevis["surcharges"],
): Verification[] {
  const v = g.version.valeurs;
  const taux = tauxUnitaire(l);
  if (!taux) return [];
  const unite = e.unite;
  const cle = CLE_MINIMUM_ARTISTE[unite];
  const surcharge = surcharges && surchargeMontant(surcharges, cle);
  const grille = minimumArtiste(e, v, g.format.format);
  const minimum = surcharge?.valeur ?? grille.minimum;
  const paye = eurosToCents(taux);
  if (paye >= minimum) return [];
  const id = TABLES_CREDIT_IMPOT.artistesMinima.id;
  const regle = regleDeVersion(id, g.version);
  const version = `table ${id} en vigueur au ${dateEnLettres(g.version.effetDu)}`;
  const origine = surcharge
    ? `paramètre ${surcharge.cellule} remplaçant le minimum de la ${version}`
    : `${version}, ${g.format.texte}, ${grille.libelle}${g.version.confiance === "H" ? "" : ", à vérifier"}` +
      (g.extension ? ` ; ${g.extension}` : "");
  const trace = feuille(`Minimum par ${unite} des artistes-interprètes`, euros(minimum), "euros", {
    formule: surcharge
      ? "minimum saisi dans les Paramètres du classeur"
      : `${v.convention}, artistes-interprètes, ${g.format.texte}, ${grille.libelle}`,
    cellule: surcharge?.cellule,
    regle: surcharge ? { ...regle, cle, surcharge: surcharge.cellule } : regle,
  });
  return sousMinimum(
    l,
    { minimum, derive: "", trace },
    paye,
    unite,
    v.convention,
    `artistes-interprètes : ${eur(minimum)} par ${unite} (${origine}).`,
  );
}

function verifierSalaires({ devis, date, surcharges, annexe3097, tableSmic }: ContexteDevis): Verification[] {
  const regime = annexe3097 ? regimeAnnexe3(devis, date) : undefined;
  const a3 = regime?.applique ? regime : undefined;
  const avant: Verification[] = regime && !regime.applique ? [{ constat: regime.constat }] : [];
  const artistes = grilleArtistes(devis, date);
  // Artist lines (as the tax credit finds them) against the artists' grid, whatever the crew grid's dates.
  const artiste = (l: LigneDevis): Verification[] | undefined =>
    artistes && !l.chargesDe && estLigneArtiste(l, artistes.artistes)
      ? verifierArtiste(l, artistes, surcharges, date, tableSmic)
      : devis.typeOeuvre === "cinema" && !artistes
        ? artisteSansGrille(l, date)
        : undefined;
  const g = grilleMinima(devis, date);
  if (!g) return avant.concat(devis.lignes.flatMap((l) => (l.pourcentage ? [] : (artiste(l) ?? []))));
  const { table, version } = g;
  const grille = version.valeurs;
  const cinema = devis.typeOeuvre === "cinema";
  const portee = grille.genres?.[devis.genre ?? "inconnu"];
  const dateGrille = dateEnLettres(version.effetDu);
  const regleGrille = regleDeVersion(table.id, version);
  const suiteCinema = !cinema
    ? ""
    : regime
      ? a3
        ? ""
        : " ; annexe III déclarée, non appliquée (voir son alerte)"
      : " ; un film dérogé à l'annexe III (budget limité) a des minima plus bas, non vérifiés";
  return avant.concat(
    devis.lignes.flatMap((l): Verification[] => {
      if (l.pourcentage) return [];
      const a = artiste(l);
      if (a) return a;
      if (!SALARIES.includes(l.categorie)) return [];
      const u = normaliser(l.unite ?? "");
      const parSemaine = SEMAINE.test(u);
      if (!parSemaine && !JOUR.test(u)) return [];
      const f = fonctionDuLibelle(l.libelle, grille);
      const taux = tauxUnitaire(l);
      if (!f || !taux) return [];
      const surcharge = surcharges && surchargeMontant(surcharges, CLE_MINIMUM(f.id));
      const statut: StatutMinimum = surcharge ? "grille" : (f.statut ?? portee?.statut ?? "grille");
      const confiance = f.confiance ?? version.confiance;
      const aVerifier = confiance === "H" ? "" : ", à vérifier";
      const motifPlancher =
        f.statut === "plancher" ? "grille antérieure, le minimum en vigueur est plus élevé" : portee?.motif;
      const plancher = statut === "plancher" ? ` ; plancher : ${motifPlancher ?? "minimum en vigueur plus élevé"}` : "";
      const origineGrille = surcharge
        ? `paramètre ${surcharge.cellule}`
        : `table ${table.id} en vigueur au ${dateGrille}, ${grille.categorie}, base ${grille.baseHeures} h${aVerifier}` +
          plancher;
      // The grid's figure (or the « Paramètres » cell replacing it) as the trace's input.
      const base: TraceBase = (c, hebdo) =>
        feuille(`Minimum ${hebdo ? "hebdomadaire" : "journalier"} de la fonction « ${f.libelle} »`, euros(c), "euros", {
          formule: surcharge
            ? "minimum saisi dans les Paramètres du classeur"
            : `${grille.convention}, ${grille.categorie}, base ${grille.baseHeures} h${plancher}`,
          cellule: surcharge?.cellule,
          regle: surcharge
            ? { ...regleDeVersion(table.id, version, confiance), cle: CLE_MINIMUM(f.id), surcharge: surcharge.cellule }
            : regleDeVersion(table.id, version, confiance),
        });
      const annexe1 = surcharge?.valeur ?? f.hebdomadaire;
      const m3 =
        a3 &&
        annexe1 !== undefined &&
        minimumAnnexe3Ligne(annexe1, a3, grille, f, parSemaine, origineGrille, base, regleGrille);
      const m = m3 || minimumUnitaire(f, grille, parSemaine, base, regleGrille, surcharge?.valeur);
      if (!m) return [];
      const paye = eurosToCents(taux);
      if (paye >= m.minimum) return [];
      const unite = parSemaine ? "semaine" : "jour";
      const origine = m3 ? m3.texte : origineGrille + suiteCinema;
      const cellule = l.source.cellules.taux ?? celluleMontant(l);
      const quoi = statut === "plancher" ? "sous le plancher connu" : "sous le minimum";
      const convention = m3 ? `${grille.convention}, annexe ${m3.eligible ? "III" : "I"},` : grille.convention;
      return [
        {
          constat: {
            regle: "salaire-minimum",
            gravite: statut === "grille" && !cinema ? "erreur" : "alerte",
            message:
              `${cellule} ${cite(l.libelle)} : ${eur(paye)} par ${unite}, ${quoi} ${convention} de la fonction ` +
              `« ${f.libelle} » : ${eur(m.minimum)} par ${unite}${m.derive} (${origine}).`,
            cellule,
          },
          trace: traceManque(l, m, paye, unite, cellule, convention.replace(/,$/, "")),
        },
      ];
    }),
  );
}

export const salaireMinimum: Regle<ContexteDevis> = {
  id: "salaire-minimum",
  description:
    "Un salaire journalier ou hebdomadaire n'est pas inférieur au minimum conventionnel de la fonction (IDCC 3097 pour le " +
    "cinéma, minima réduits de son annexe III quand le film y est déclaré, minima des artistes-interprètes du " +
    "long ou du court métrage selon la durée et des acteurs de complément ; IDCC 2642 pour l'audiovisuel selon le genre).",
  verifier: (ctx) => verifierSalaires(ctx).flatMap((v) => (v.constat.regle === GRILLE_INCONNUE ? [] : [v.constat])),
};

/**
 * The artist lines of a cinema devis dated before the artists' grid's first version (artisteSansGrille): an info, not a
 * salary under its minimum, so under its own title. Read in the same pass as salaire-minimum (the lines it skips are
 * those), listed right after it.
 */
export const grilleMinimaInconnue: Regle<ContexteDevis> = {
  id: GRILLE_INCONNUE,
  description:
    "Une ligne d'artiste d'un devis de cinéma daté avant la première version de la grille des artistes-interprètes et " +
    "des acteurs de complément (IDCC 3097) est dite non comparée à un minimum, la grille n'étant pas connue à cette date.",
  verifier: (ctx) =>
    ctx.devis.typeOeuvre !== "cinema" || grilleArtistes(ctx.devis, ctx.date)
      ? []
      : verifierSalaires(ctx).flatMap((v) => (v.constat.regle === GRILLE_INCONNUE ? [v.constat] : [])),
};

/**
 * « D'où vient ce chiffre ? » of the salaire-minimum findings, one per line found under its minimum, in the findings'
 * order; each root names the finding's cell (`cellule`), so the finding and its trace are read together.
 */
export function tracesSalaireMinimum(ctx: ContexteDevis): Trace[] {
  return verifierSalaires(ctx).flatMap((v) => (v.trace ? [v.trace] : []));
}

/**
 * Each finding's trace, lined up with the findings: a salaire-minimum trace goes to the finding on its cell (the
 * findings are sorted by severity, the traces are in the lines' order), each trace to one finding only; undefined for
 * a finding without one. The pane's Contrôles page and the notes of the « Contrôles » sheet read them so.
 */
export function tracesDesConstats(constats: readonly Constat[], salaires: readonly Trace[]): (Trace | undefined)[] {
  const parCellule = new Map<string, Trace[]>();
  for (const t of salaires) if (t.cellule) parCellule.set(t.cellule, [...(parCellule.get(t.cellule) ?? []), t]);
  return constats.map((c) =>
    c.regle === "salaire-minimum" && c.cellule ? parCellule.get(c.cellule)?.shift() : undefined,
  );
}
