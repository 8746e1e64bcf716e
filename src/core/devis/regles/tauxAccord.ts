import Decimal from "decimal.js";
import type { Constat } from "../../controles/constat";
import { multiplyCents, ratio, subCents, sumCents } from "../../money/cents";
import { formatPourcentFr } from "../../money/format";
import { versionEnVigueur } from "../../regles/table";
import type { CodeChapitre } from "../model";
import { surchargeTaux } from "../../regles/parametres";
import { CLE_ACCORD, celluleMontant, ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";
import { TABLE_ACCORD_TRANSPARENCE } from "./donnees";

/**
 * Frais généraux / imprévus above the accord-transparence rate of the genre (audiovisual works only).
 * The base is the coût hors frais (chapters 1–9). When every line of the block states its own % (« Imprévus 7 % »),
 * that stated % is compared, since some producers apply it to a base that already includes the frais généraux.
 */
export function verifierTauxAccord(
  ctx: ContexteDevis,
  chapitre: CodeChapitre,
  cle: "fraisGeneraux" | "imprevus" | "fraisFinanciers",
  regle: string,
  nom: string,
): Constat[] {
  const { devis } = ctx;
  if (!devis.genre || devis.typeOeuvre === "cinema") return [];
  const lignes = devis.lignes.filter((l) => l.chapitre === chapitre);
  if (lignes.length === 0 || devis.totalHorsFrais <= 0) return [];
  const version = versionEnVigueur(TABLE_ACCORD_TRANSPARENCE, ctx.date);
  const surcharge =
    ctx.surcharges &&
    surchargeTaux(ctx.surcharges, CLE_ACCORD(devis.genre, cle === "fraisGeneraux" ? "frais-generaux" : "imprevus"));
  if (!version && !surcharge) return [];
  const plafond = surcharge
    ? surcharge.valeur
    : new Decimal((version as NonNullable<typeof version>).valeurs[devis.genre][cle]);
  const montant = sumCents(lignes.map((l) => l.montant));
  const max = multiplyCents(devis.totalHorsFrais, plafond);
  const declare = lignes.every((l) => l.pourcentage !== undefined)
    ? lignes.reduce((s, l) => s.plus(l.pourcentage as string), new Decimal(0))
    : undefined;
  const depasse = declare ? declare.greaterThan(plafond) : subCents(montant, max) > TOLERANCE_CENTIMES;
  if (!depasse) return [];
  const taux = declare ?? (ratio(montant, devis.totalHorsFrais) as Decimal);
  // The excess in euros: above the admitted amount of the coût hors frais, or, for a stated %, above what the admitted
  // rate gives on the producer's own base (the amount × admitted / stated).
  const exces = declare ? subCents(montant, multiplyCents(montant, plafond.div(declare))) : subCents(montant, max);
  // The genre's own row may have been read in the text when the rest of the table was not.
  const confiance = version ? (version.valeurs[devis.genre].confiance ?? version.confiance) : undefined;
  const aVerifier = surcharge
    ? ` (taux du paramètre ${surcharge.cellule})`
    : confiance === "H"
      ? ""
      : " (taux issu d'une source secondaire : à vérifier)";
  const cellules = lignes.map(celluleMontant);
  const ou = cellules.length > 1 ? `${cellules.join(", ")} (${lignes.length} lignes)` : cellules[0];
  return [
    {
      regle,
      gravite: "alerte",
      message: declare
        ? `${ou} : ${nom} de ${eur(montant)} sont écrits à ${formatPourcentFr(taux)} sur les lignes, au-delà du taux ` +
          `admis de ${formatPourcentFr(plafond)} pour le genre « ${devis.genre} » (coût hors frais, chapitres 1 à 9 : ` +
          `${eur(devis.totalHorsFrais)}, soit ${eur(max)} au plus) : ${eur(exces)} au-delà de ce que donne le taux ` +
          `admis sur la même base${aVerifier}.`
        : `${ou} : ${nom} de ${eur(montant)} représentent ${formatPourcentFr(taux)} du coût hors frais ` +
          `(chapitres 1 à 9 : ${eur(devis.totalHorsFrais)}), au-delà du taux admis de ${formatPourcentFr(plafond)} ` +
          `pour le genre « ${devis.genre} » (soit ${eur(max)} au plus) : ${eur(exces)} au-delà${aVerifier}.`,
      cellule: cellules[0],
    },
  ];
}
