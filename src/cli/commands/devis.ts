import { minutesFr, pluriel } from "../../core/util/texte";
import type { Constat } from "../../core/controles/constat";
import {
  GENRES,
  sourceLigne,
  type ColonneMontantNommee,
  type ColonnesMontant,
  type ColonneNonLue,
  type Conservation,
  type Devis,
  type Genre,
  type TypeOeuvre,
} from "../../core/devis/model";
import { texteConservation } from "../../core/devis/feuilleControles";
import { jsonTablesUtilisees, type RegleUtilisee } from "../../core/regles/utilisees";
import { structurer, type OptionsDevis } from "../../app/commandes/devis";
import { centsToDecimalString, formatMontantFr, ZERO, type Cents } from "../../core/money";
import { choixArg, dureeArg, jsonDuree, origineDureeArg, texteDuree, texteDureesAmbigues } from "../args";
import { CliError, type Io } from "../io";
import { CONTROLE_CLASSEUR, definirCommande } from "../runner";
import { OPTION_EXPLIQUE, texteTraces } from "../explique";
import { arbreTexte } from "../../core/traces/trace";
import { ligneConstat, resumeConstats, texteRegles } from "../constats";

const USAGE =
  "prodbook devis <classeur.xlsx> [--feuille NOM] [--duree MINUTES] [--genre fiction|documentaire|animation|spectacle] " +
  "[--oeuvre cinema|audiovisuel [--annexe-iii]] [--json] [-o sortie.xlsx] [--strict] [--date AAAA-MM-JJ] [--explique]";
const m = (c: Cents) => centsToDecimalString(c);

/**
 * A rate read in a cell while the label may say another (pourcentagesMontant, pourcentagesTaux): the same JSON shape,
 * `entre` the fields one of them adds after `cellule`; the amount is its line's.
 */
function tauxLu(
  devis: Devis,
  p: NonNullable<Devis["pourcentagesMontant"]>[number],
  entre: Record<string, string> = {},
): Record<string, unknown> {
  return {
    cellule: p.cellule,
    ...entre,
    libelle: p.libelle,
    pourcentage: p.pourcentage,
    ...(p.pourcentageLibelle ? { pourcentageLibelle: p.pourcentageLibelle } : {}),
    ...(p.pourcentageLibelleNonLu ? { pourcentageLibelleNonLu: p.pourcentageLibelleNonLu } : {}),
    montant: m(devis.lignes.find((l) => l.id === p.ligne)?.montant ?? ZERO),
  };
}

/** A column not read, in the JSON: its sums in euros (a recap's amounts and the devis's totals they are compared to). */
function colonneNonLueJson(c: ColonneNonLue) {
  const r = c.recapitulatif;
  return {
    ...c,
    somme: m(c.somme),
    ...(r
      ? {
          recapitulatif: {
            ...r,
            ecarts: r.ecarts.map((e) => ({ ...e, montant: m(e.montant), attendu: m(e.attendu) })),
          },
        }
      : {}),
  };
}

/** The public JSON contract of `prodbook devis --json` (issue 2 §6). */
export function jsonDevis(devis: Devis, constats: Constat[], tables: readonly RegleUtilisee[] = []) {
  return {
    devis: {
      total: m(devis.total),
      lignes: devis.lignes.length,
      coutMinute: devis.coutMinute === undefined ? null : m(devis.coutMinute),
      chapitres: devis.chapitres.map((c) => ({ code: c.code, libelle: c.libelle, total: m(c.total) })),
      nonPlaces: devis.nonPlaces.map((n) => ({
        cellule: n.cellule,
        montant: m(n.montant),
        // Only for an English account name fitting two chapters (« MUSIC »): those chapters. Additive.
        ...(n.chapitresPossibles ? { chapitresPossibles: n.chapitresPossibles.chapitres } : {}),
      })),
      // The sheet read (found, or named by --feuille): what the text says « Devis lu dans la feuille … ». Additive.
      feuille: devis.feuille,
      // Only when lines were placed by an English account name (« DIRECTION » → 2), to check. Additive.
      ...(devis.lignes.some((l) => l.chapitreDeduit)
        ? {
            chapitresDeduits: devis.lignes
              .filter((l) => l.chapitreDeduit)
              .map((l) => ({
                cellule: sourceLigne(l),
                libelle: l.libelle,
                chapitre: l.chapitre,
                selon: l.chapitreDeduit,
              })),
          }
        : {}),
      conservation: jsonConservation(devis.conservation),
      // Only when the import chose a column (several amount columns, unheaded labels): additive fields.
      ...(devis.colonneMontant ? { colonneMontant: jsonColonneMontant(devis.colonneMontant) } : {}),
      ...(devis.colonneLibelles ? { colonneLibelles: devis.colonneLibelles } : {}),
      // Only when the header names columns of figures that are not the devis (réalisé, écart, per episode).
      ...(devis.colonnesNonLues ? { colonnesNonLues: devis.colonnesNonLues.map(colonneNonLueJson) } : {}),
      // Only when the header has per-week columns (« Semaine 1 | Semaine 2 »), never read as amounts: the rows whose
      // weeks add up to their amount (proven), the week cells of the others listed with their sum. Additive.
      ...(devis.semaines ? { semaines: { ...devis.semaines, somme: m(devis.semaines.somme) } } : {}),
      // Only when the header has per-month columns (« Sept. 2025 », « oct-25 »), checked row by row as weeks. Additive.
      ...(devis.mois ? { mois: { ...devis.mois, somme: m(devis.mois.somme) } } : {}),
      // Only when the sheet states its figures in thousands of euros (finding unite-milliers): read × 1 000.
      ...(devis.uniteMilliers
        ? {
            uniteMilliers: {
              cellule: devis.uniteMilliers.cellule,
              texte: devis.uniteMilliers.texte,
              portee: devis.uniteMilliers.portee,
              // Only when the unit is stated by a note below or beside the table: additive.
              ...(devis.uniteMilliers.note ? { note: true } : {}),
              colonnes: devis.uniteMilliers.colonnes,
              cellules: devis.uniteMilliers.cellules,
              facteur: devis.uniteMilliers.facteur,
              // Only when numbers of those columns hold euros shown in k€ by their format (« #,##0, »): additive.
              ...(devis.uniteMilliers.enEurosParFormat
                ? { enEurosParFormat: devis.uniteMilliers.enEurosParFormat }
                : {}),
              // Only when the sheet holds stacked tables: each table read in thousands, by its own header. Additive.
              ...(devis.uniteMilliers.tableaux ? { tableaux: devis.uniteMilliers.tableaux } : {}),
              // Only when a stacked table states no unit beside one in thousands: read in euros, named. Additive.
              ...(devis.uniteMilliers.sansUnite
                ? { sansUnite: devis.uniteMilliers.sansUnite.map((t) => ({ ...t, somme: m(t.somme) })) }
                : {}),
            },
          }
        : {}),
      // Only when other sheets look like a devis and hold amounts, not read (finding feuille-lue): additive.
      ...(devis.autresFeuilles
        ? {
            autresFeuilles: devis.autresFeuilles.map(({ recapitulatifNonProuve: r, ...a }) => ({
              ...a,
              somme: m(a.somme),
              // Named as a recap, its amounts not proving it (they differ from the sheet read): additive.
              ...(r
                ? {
                    recapitulatifNonProuve: {
                      ...r,
                      ecarts: r.ecarts.map((e) => ({ ...e, montant: m(e.montant), attendu: m(e.attendu) })),
                    },
                  }
                : {}),
            })),
          }
        : {}),
      // Only when a sheet of its own recaps the devis by chapter (« Récapitulatif »), compared, never counted. Additive.
      ...(devis.recapitulatif
        ? {
            recapitulatif: {
              ...devis.recapitulatif,
              ecarts: devis.recapitulatif.ecarts.map((e) => ({ ...e, montant: m(e.montant), attendu: m(e.attendu) })),
            },
          }
        : {}),
      // Only when a block of the devis sheet itself recaps it by chapter (above the header, or under a « Récapitulatif »
      // title below the lines), proven by arithmetic: its figures never lines. Additive.
      ...(devis.recapitulatifSurFeuille
        ? {
            recapitulatifSurFeuille: {
              ...devis.recapitulatifSurFeuille,
              ecarts: devis.recapitulatifSurFeuille.ecarts.map((e) => ({
                ...e,
                montant: m(e.montant),
                attendu: m(e.attendu),
              })),
            },
          }
        : {}),
      // Only when amounts sit right of the table, under none of its headers (finding colonnes-lues): additive.
      ...(devis.horsTableau ? { horsTableau: devis.horsTableau.map((h) => ({ ...h, somme: m(h.somme) })) } : {}),
      // Only when a table stacked lower has a header of other columns, read with them (finding nouvel-entete): additive.
      ...(devis.entetesSuivants
        ? {
            entetesSuivants: devis.entetesSuivants.map((x) => ({
              ...x,
              somme: m(x.somme),
              // Only when this table has several amount columns: its own choice, with each column's sum. Additive.
              ...(x.colonneMontant ? { colonneMontant: jsonColonneMontant(x.colonneMontant) } : {}),
              // Only when this table names columns of figures that are not the devis (réalisé, écart). Additive.
              ...(x.colonnesNonLues ? { colonnesNonLues: x.colonnesNonLues.map(colonneNonLueJson) } : {}),
              // Only when this table has per-week columns, compared row by row with its amount read. Additive.
              ...(x.semaines ? { semaines: { ...x.semaines, somme: m(x.semaines.somme) } } : {}),
              // Only when this table has per-month columns, compared row by row as the first table's. Additive.
              ...(x.mois ? { mois: { ...x.mois, somme: m(x.mois.somme) } } : {}),
            })),
          }
        : {}),
      // Only when the amount column read is hidden in the sheet (finding colonnes-lues): additive.
      ...(devis.colonneMontantMasquee
        ? { colonneMontantMasquee: { ...devis.colonneMontantMasquee, somme: m(devis.colonneMontantMasquee.somme) } }
        : {}),
      // Only when a unit note between the lines was not applied (finding unite-milliers): additive.
      ...(devis.uniteNonAppliquee ? { uniteNonAppliquee: devis.uniteNonAppliquee } : {}),
      // Only when a line below the total holds a percentage in its amount cell (finding montant-pourcentage).
      ...(devis.pourcentagesMontant
        ? {
            pourcentagesMontant: devis.pourcentagesMontant.map((p) => tauxLu(devis, p)),
          }
        : {}),
      // Only when a line below the total takes its rate from the Taux column while its label says another one or one
      // not read (finding montant-pourcentage, alerte): both cells, both readings. Additive.
      ...(devis.pourcentagesTaux
        ? {
            pourcentagesTaux: devis.pourcentagesTaux.map((p) => tauxLu(devis, p, { celluleLibelle: p.celluleLibelle })),
          }
        : {}),
      // Only when a line's rate (label or Taux column) does not give its typed amount on its base, to the cent (finding
      // montant-pourcentage, alerte): the amount typed is counted. Additive.
      ...(devis.tauxContreMontant
        ? {
            tauxContreMontant: devis.tauxContreMontant.map((t) => ({
              cellule: t.cellule,
              celluleTaux: t.celluleTaux,
              dans: t.dans,
              libelle: t.libelle,
              pourcentage: t.pourcentage,
              base: m(t.base),
              nomBase: t.nomBase,
              calcule: m(t.calcule),
              montant: m(t.montant),
              ...(t.autreBase ? { autreBase: { ...t.autreBase, montant: m(t.autreBase.montant) } } : {}),
            })),
          }
        : {}),
      // Only when « Remise -N % » rows have no amount (finding montant-pourcentage): neither computed nor counted.
      ...(devis.remisesSansMontant
        ? {
            remisesSansMontant: devis.remisesSansMontant.map((r) => ({
              cellule: r.cellule,
              libelle: r.libelle,
              pourcentage: r.pourcentage,
            })),
          }
        : {}),
      // Only when amounts were read on hidden rows (finding lignes-masquees): still counted, proven or listed.
      ...(devis.masquees
        ? {
            masquees: devis.masquees.map((x) => ({
              cellule: x.cellule,
              libelle: x.libelle,
              montant: m(x.montant),
              nature: x.nature,
            })),
          }
        : {}),
    },
    controles: constats.map((c) => ({
      regle: c.regle,
      gravite: c.gravite,
      message: c.message,
      cellule: c.cellule ?? null,
    })),
    tables: jsonTablesUtilisees(tables),
  };
}

/** Several amount columns: each one's sum in euros (« 8400.00 »), how the one read was chosen. */
function jsonColonneMontant(c: ColonnesMontant) {
  const col = (x: ColonneMontantNommee) => ({ ...x, somme: x.somme === undefined ? null : m(x.somme) });
  return {
    retenue: col(c.retenue),
    ecartees: c.ecartees.map(col),
    choix: c.choix ?? null,
    identiques: c.identiques ?? false,
  };
}

/** `devis.conservation` (issue 10 §1): lu = lignes + totauxProuves + nonPlaces + listes + ecart, in euros. */
export function jsonConservation(c: Conservation | undefined) {
  if (!c) return null;
  return {
    lu: m(c.lu),
    lignes: m(c.lignes),
    totauxProuves: m(c.totauxProuves),
    nonPlaces: m(c.nonPlaces),
    listes: m(c.listes),
    ecart: m(c.ecart),
    colonne: c.colonne ?? null,
    // Several amount columns: the one read (header, nature) and those not counted; additive field.
    ...(c.colonneMontant ? { colonneMontant: jsonColonneMontant(c.colonneMontant) } : {}),
    cellules: c.cellules,
    nonComptees: c.nonComptees.map((n) => ({
      cellule: n.cellule,
      montant: n.montant === undefined ? null : m(n.montant),
      texte: n.texte,
      doublon: n.doublon ?? false,
    })),
    // Only when figures in another currency were read (listed, a finding each, never summed in euros): additive.
    ...(c.enDevise
      ? { enDevise: c.enDevise.map((d) => ({ cellule: d.cellule, texte: d.texte, devise: d.devise })) }
      : {}),
    // Only when tables are stacked in the sheet, each with its header: each one's header cell and amount column.
    // A lower table with several amount columns also carries its own `colonneMontant` (additive).
    ...(c.tableaux
      ? {
          tableaux: c.tableaux.map((t) => ({
            cellule: t.cellule,
            colonne: t.colonne ?? null,
            ...(t.colonneMontant ? { colonneMontant: jsonColonneMontant(t.colonneMontant) } : {}),
          })),
        }
      : {}),
    // Only when cells outside the amount column under the header are counted (figures above the header, a recap's in
    // another column): each one's cell and amount; additive.
    // An Excel error there: `montant` null. `nature` (additive): "montant", or "nombre" / "date" for a figure whose unit
    // proves it no amount (« Durée | 90 | min », « Année | 2026 »), then `montant` null, its `valeur` and `unite`. A
    // figure above the header of a table stacked lower carries that header's cell (`entete`).
    ...(c.ailleurs
      ? {
          ailleurs: c.ailleurs.map((x) => ({
            cellule: x.cellule,
            montant: x.montant === undefined ? null : m(x.montant),
            place: x.place,
            nature: x.nature ?? "montant",
            ...(x.nature ? { valeur: x.valeur ?? null, unite: x.unite ?? null } : {}),
            ...(x.entete ? { entete: x.entete } : {}),
          })),
        }
      : {}),
    // Only when columns the import does not read hold numbers (« Budget N-1 »), per column, never counted: additive.
    ...(c.horsColonnes
      ? {
          horsColonnes: c.horsColonnes.map((h) => ({
            colonne: h.colonne,
            entete: h.entete,
            cellule: h.cellule,
            nombres: h.nombres,
            total: m(h.total),
            ...(h.cellules ? { cellules: h.cellules.map((x) => ({ cellule: x.cellule, montant: m(x.montant) })) } : {}),
            ...(h.totauxProuves ? { totauxProuves: h.totauxProuves } : {}),
            // A column without header: each figure, counted in lu and listed (additive).
            ...(h.listees ? { listees: h.listees.map((x) => ({ cellule: x.cellule, montant: m(x.montant) })) } : {}),
            // A margin column (right against a table's last headed column): its Excel errors and, beside its amounts,
            // its dates (ISO), each counted in lu and listed without amount (additive).
            ...(h.erreurs ? { erreurs: h.erreurs } : {}),
            ...(h.dates ? { dates: h.dates } : {}),
          })),
        }
      : {}),
  };
}

function texteDevis(devis: Devis, constats: Constat[], io: Io): void {
  const f = (c: Cents) => formatMontantFr(c).padStart(16);
  // The lines counted are those of the chapters below (and of the conservation's « lignes placées »); a line read but
  // placed in no chapter is counted apart, as the « Montants non placés » below list it (--json `lignes` counts both).
  const placees = devis.chapitres.reduce((n, c) => n + c.lignes, 0);
  const nonPlacees = devis.lignes.length - placees;
  io.out(
    `Devis lu dans la feuille « ${devis.feuille} » : ` +
      (nonPlacees > 0
        ? `${pluriel(placees, "ligne placée", "lignes placées")} et ` +
          `${pluriel(nonPlacees, "ligne non placée", "lignes non placées")} (hors total)`
        : pluriel(placees, "ligne")),
  );
  for (const c of devis.chapitres)
    io.out(
      `  ${c.code.padEnd(4)} ${c.libelle.padEnd(34)} ${f(c.total)}  (${c.lignes} ligne${c.lignes > 1 ? "s" : ""})`,
    );
  io.out(`  ${"Coût hors frais (chapitres 1 à 9)".padEnd(39)} ${f(devis.totalHorsFrais)}`);
  io.out(`  ${"TOTAL".padEnd(39)} ${f(devis.total)}`);
  if (devis.coutMinute !== undefined)
    io.out(`  ${`Coût par minute (${minutesFr(devis.dureeMinutes)} min)`.padEnd(39)} ${f(devis.coutMinute)}`);
  if (devis.dureeMinutes !== undefined) io.out(`  ${texteDuree(devis.dureeMinutes, devis.origineDuree)}`);
  if (devis.nonPlaces.length) {
    io.out(`Montants non placés (hors total) :`);
    for (const n of devis.nonPlaces) io.out(`  ${n.cellule} « ${n.libelle} » ${formatMontantFr(n.montant)}`);
  }
  if (devis.conservation) io.out(texteConservation(devis.conservation));
  io.out(resumeConstats(constats));
  for (const c of constats) io.out(ligneConstat(c));
}

export const commande = definirCommande({
  nom: "devis",
  resume:
    "Structure le devis d'un producteur (chapitres CNC, totaux, contrôles) ; -o écrit Devis, Synthèse et Contrôles ; " +
    "--annexe-iii : film de cinéma déclaré sous l'annexe III de l'IDCC 3097 (budget limité), salaires comparés à ses " +
    "minima réduits sous le plafond de son genre",
  usage: USAGE,
  ...CONTROLE_CLASSEUR,
  options: {
    feuille: { type: "string" },
    duree: { type: "string" },
    genre: { type: "string" },
    oeuvre: { type: "string" },
    "annexe-iii": { type: "boolean" },
    date: { type: "string" },
    ...OPTION_EXPLIQUE,
  },
  champs: { dureeMinutes: "--duree", date: "--date" },
  verifier: (v): OptionsDevis => {
    const typeOeuvre = choixArg(v.oeuvre, "--oeuvre", ["cinema", "audiovisuel"] as const) as TypeOeuvre | undefined;
    // Annexe III is a derogation of the cinema convention: declared by the producer, never inferred.
    if (v["annexe-iii"] && typeOeuvre !== "cinema")
      throw new CliError(
        "L'option --annexe-iii (film relevant de l'annexe III de l'IDCC 3097) ne vaut que pour un film de cinéma : " +
          "ajoutez --oeuvre cinema.",
      );
    return {
      feuille: v.feuille,
      dureeMinutes: dureeArg(v.duree),
      origineDuree: origineDureeArg(v.duree),
      dureeDuClasseur: true,
      genre: choixArg(v.genre, "--genre", GENRES) as Genre | undefined,
      typeOeuvre,
      ...(v["annexe-iii"] ? { annexe3097: true } : {}),
      date: v.date,
      explique: v.explique === true,
    };
  },
  executer: ({ wb, args, sortie }) => structurer(wb, args, sortie !== undefined),
  json: (r) => ({
    ...jsonDevis(r.devis, r.constats, r.tables),
    // Added after the others: the duration used, where it comes from; the durations written but not taken.
    ...jsonDuree(r.devis.dureeMinutes, r.devis.origineDuree, r.dureesAmbigues),
    ...(r.traces ? { traces: r.traces } : {}),
  }),
  texte: (r, io) => {
    texteDevis(r.devis, r.constats, io);
    if (r.dureesAmbigues) io.out(`  ${texteDureesAmbigues(r.dureesAmbigues)}`);
    for (const l of texteRegles(r.tables)) io.out(l);
    if (r.traces) {
      texteTraces(io, { total: r.traces.total, coutMinute: r.traces.coutMinute });
      // Each salary under its minimum: what it lacks, down to the grid's figure (its source) and the line's cells.
      const salaires = r.traces.salairesMinimum ?? [];
      if (salaires.length) {
        io.out("");
        io.out(`Salaires sous le minimum conventionnel (${salaires.length}) :`);
        for (const t of salaires) for (const l of arbreTexte(t, 50, 0, true)) io.out(`  ${l}`);
      }
    }
  },
  constats: (r) => r.constats,
  feuillesEcrites: (r) => r.feuillesEcrites,
});
