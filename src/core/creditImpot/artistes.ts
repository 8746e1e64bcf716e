import Decimal from "decimal.js";
import type { Devis, LigneDevis } from "../devis/model";
import { type Cents, cents, formatMontantFr, multiplyCents, repartir, subCents, sumCents } from "../money";
import { dateFr, normaliser } from "../util/texte";
import type { Figures } from "./figures";
import type { AjustementBase, LigneBase, OptionsCreditImpot } from "./modele";
import { type RegleDatee, regleAnnee, TABLES_CREDIT_IMPOT, type ValeursArtistesMinima } from "./regles";

export const CLE_BASE_ARTISTES = "credit-impot.artistes.base-minimum";

/** An artist line the IDCC 3097 grid limits: its days and the pay at the daily minimum. */
interface LigneGrille {
  ligne: LigneBase;
  jours: Decimal;
  plafond: Cents;
}

/** A line outside the grid, and why (said in the alert). */
interface LigneHorsGrille {
  ligne: LigneBase;
  raison: string;
}

const cellule = (b: LigneBase) => b.cellule ?? b.id;

function liste(lignes: LigneBase[]): string {
  const cellules = lignes.map(cellule);
  return cellules.length > 4 ? `${cellules.slice(0, 4).join(", ")}…` : cellules.join(", ");
}

const joursFr = (j: Decimal) => `${j.toString().replace(".", ",")} jour${j.gt(1) ? "s" : ""}`;

/**
 * Days of an artist line paid by the day (unit « jour », « cachet »…: quantité × nombre), or why the grid does not
 * limit it (a week, an extra, rehearsals: other minima, or a number of days the devis does not give).
 */
function joursGrille(l: LigneDevis | undefined, v: ValeursArtistesMinima): Decimal | string {
  if (!l) return "ligne introuvable dans le devis";
  const libelle = normaliser(l.libelle);
  const hors = v.horsGrille.find((m) => libelle.includes(m));
  if (hors) return `libellé « ${l.libelle} » hors grille (${hors})`;
  const unite = normaliser(l.unite ?? "").replace(/\.$/, "");
  if (!unite) return "unité non indiquée";
  if (!v.unitesJournee.includes(unite)) return `unité « ${l.unite} » (seules les journées et cachets sont limités)`;
  try {
    const jours = new Decimal(l.quantite ?? "NaN").times(l.nombre ?? "1");
    return jours.isFinite() && jours.gt(0) ? jours : "nombre de jours non indiqué";
  } catch {
    return "nombre de jours illisible";
  }
}

/**
 * Cinema and audiovisual credits (220 sexies III-1-b): artists' pay counts only within the conventional minimum,
 * « par référence pour chacun d'eux ». Order: the pay at the minimum the accountant gives in Paramètres
 * (CLE_BASE_ARTISTES) limits all artist lines; else, for the cinema credit, each line paid by the day is limited to
 * its days × the daily minimum of the IDCC 3097 grid (table idcc3097-artistes-minima, long-métrage); the other lines
 * stay in full, with an alert saying the credit may be overstated.
 */
export function plafonnerArtistes(
  lignes: LigneBase[],
  devis: Devis,
  opts: OptionsCreditImpot,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[] } {
  const vide = { ajustements: [], alertes: [] };
  if (opts.regime === "international") return vide;
  const regle = regleAnnee(TABLES_CREDIT_IMPOT.artistes, opts.annee);
  if (!regle) return vide;
  const v = regle.version.valeurs;
  const parId = new Map(devis.lignes.map((l) => [l.id, l]));
  const concernees = lignes.filter((b) => {
    if (!b.eligible || b.base <= 0) return false;
    const categorie = parId.get(b.id)?.categorie;
    return (
      (b.chapitre !== undefined && (v.chapitres as string[]).includes(b.chapitre)) ||
      (categorie !== undefined && (v.categories as string[]).includes(categorie))
    );
  });
  if (!concernees.length) return vide;
  const total = sumCents(concernees.map((b) => b.base));
  const minimum = figures.montantSaisi(
    CLE_BASE_ARTISTES,
    "Rémunérations des artistes-interprètes au minimum conventionnel",
    regle,
  );
  if (minimum === undefined) {
    const grille = opts.regime === "cinema" ? regleAnnee(TABLES_CREDIT_IMPOT.artistesMinima, opts.annee) : undefined;
    return grille
      ? parGrille(concernees, parId, grille, figures)
      : { ajustements: [], alertes: [alerteEntier(concernees)] };
  }
  if (total <= minimum) return vide;
  const parts = repartir(
    minimum,
    concernees.map((b) => b.base),
  );
  concernees.forEach((b, i) => {
    b.base = parts[i];
    b.motif += " ; artistes-interprètes limités au minimum conventionnel";
  });
  return {
    ajustements: [
      {
        nom: "artistes-interprètes au minimum conventionnel",
        montant: subCents(total, minimum),
        detail: `${formatMontantFr(total)} retenus dans la limite de ${formatMontantFr(minimum)} (${liste(concernees)})`,
      },
    ],
    alertes: [],
  };
}

function alerteEntier(lignes: LigneBase[], horsGrille?: LigneHorsGrille[]): string {
  const total = sumCents(lignes.map((b) => b.base));
  const pourquoi = horsGrille
    ? `que Prodbook n'applique qu'aux lignes payées à la journée (cachets, jours) d'artistes-interprètes (grille IDCC ` +
      `3097) : ${horsGrille.map((h) => `${cellule(h.ligne)} : ${h.raison}`).join(" ; ")}`
    : "que Prodbook ne connaît pas";
  return (
    `Rémunérations des artistes-interprètes retenues en entier : ${formatMontantFr(total)} (${liste(lignes)}). Le ` +
    `crédit ne les retient que dans la limite des minima conventionnels, ${pourquoi}. Indiquez leur montant ` +
    `au minimum conventionnel dans la feuille Paramètres (${CLE_BASE_ARTISTES}), sinon le crédit peut être ` +
    `surestimé (charges sociales afférentes comprises).`
  );
}

/** Each line paid by the day limited to its days × the daily minimum; the others kept in full, named in an alert. */
function parGrille(
  concernees: LigneBase[],
  parId: Map<string, LigneDevis>,
  grille: RegleDatee<ValeursArtistesMinima>,
  figures: Figures,
): { ajustements: AjustementBase[]; alertes: string[] } {
  figures.consulter(grille);
  const g = grille.version.valeurs;
  const journee = g.longMetrage.journee;
  const limitees: LigneGrille[] = [];
  const hors: LigneHorsGrille[] = [];
  for (const b of concernees) {
    const j = joursGrille(parId.get(b.id), g);
    if (typeof j === "string") hors.push({ ligne: b, raison: j });
    else limitees.push({ ligne: b, jours: j, plafond: multiplyCents(journee, j) });
  }
  const alertes = hors.length
    ? [
        alerteEntier(
          hors.map((h) => h.ligne),
          hors,
        ),
      ]
    : [];
  if (!limitees.some((l) => l.ligne.base > l.plafond)) return { ajustements: [], alertes };
  const details: string[] = [];
  let retire = cents(0);
  for (const { ligne: b, jours, plafond } of limitees) {
    const calcul = `${joursFr(jours)} × ${formatMontantFr(journee)} = ${formatMontantFr(plafond)}`;
    if (b.base <= plafond) {
      details.push(`${cellule(b)} : ${formatMontantFr(b.base)} retenus en entier (minimum ${calcul})`);
      continue;
    }
    details.push(`${cellule(b)} : ${formatMontantFr(b.base)} limités à ${calcul}`);
    retire = sumCents([retire, subCents(b.base, plafond)]);
    b.base = plafond;
    b.motif += " ; artiste-interprète limité au minimum journalier IDCC 3097";
  }
  const table =
    `grille des artistes-interprètes en vigueur au ${dateFr(grille.version.effetDu)}, ` +
    "long-métrage, engagement à la journée";
  if (retire > 0)
    alertes.push(
      `Artistes-interprètes limités au minimum journalier IDCC 3097 : les charges sociales afférentes à la part ` +
        `retirée (${formatMontantFr(retire)}) restent dans la base, Prodbook ne les rattachant pas aux lignes ; ` +
        `retirez-les ou indiquez la base au minimum dans la feuille Paramètres (${CLE_BASE_ARTISTES}).`,
    );
  return {
    ajustements: [
      {
        nom: "artistes-interprètes au minimum journalier IDCC 3097",
        montant: retire,
        detail: `${details.join(" ; ")} (${table})`,
      },
    ],
    alertes,
  };
}
