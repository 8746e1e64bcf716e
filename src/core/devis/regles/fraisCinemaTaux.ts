import Decimal from "decimal.js";
import type { Constat, Regle } from "../../controles/constat";
import { multiplyCents, ratio, subCents, sumCents } from "../../money/cents";
import { formatPourcentFr } from "../../money/format";
import { surchargeTaux } from "../../regles/parametres";
import { versionEnVigueur } from "../../regles/table";
import type { CodeChapitre } from "../model";
import { celluleMontant, type ContexteDevis, eur, TOLERANCE_CENTIMES } from "./contexte";
import { TABLE_FRAIS_CINEMA, type ValeursFraisCinema } from "./donnees";

export const ID_FRAIS_CINEMA = "frais-cinema-taux";

/** « Paramètres » keys replacing the admitted rates of a cinema devis. */
export const CLE_FRAIS_CINEMA = (cle: "frais-generaux" | "imprevus") => `devis.frais-cinema.${cle}`;

const POSTES: readonly {
  chapitre: CodeChapitre;
  cle: keyof ValeursFraisCinema;
  parametre: "frais-generaux" | "imprevus";
  nom: string;
}[] = [
  { chapitre: "FG", cle: "fraisGeneraux", parametre: "frais-generaux", nom: "les frais généraux" },
  { chapitre: "IMP", cle: "imprevus", parametre: "imprevus", nom: "les imprévus" },
];

/** True when a cinema devis has frais généraux or imprévus lines: the rule then reads the table. */
export function fraisCinemaConcernes(ctx: Pick<ContexteDevis, "devis">): boolean {
  const { devis } = ctx;
  return devis.typeOeuvre === "cinema" && devis.lignes.some((l) => l.chapitre === "FG" || l.chapitre === "IMP");
}

/**
 * Cinema devis: frais généraux and imprévus above the admitted rate of the coût de fabrication (chapters 1–9, the
 * devis without frais généraux, imprévus, frais financiers and producer's fee), table devis-frais-cinema or the
 * « Paramètres » override. The finding names the cell(s) of the block, its rate, the admitted rate, the base and the
 * excess in euros; a rate known by no text (confidence L) only informs (info). Audiovisual works have their own
 * rule (accord transparence by genre).
 */
export function verifierFraisCinema(ctx: ContexteDevis): Constat[] {
  const { devis } = ctx;
  if (!fraisCinemaConcernes(ctx) || devis.totalHorsFrais <= 0) return [];
  const version = versionEnVigueur(TABLE_FRAIS_CINEMA, ctx.date);
  const out: Constat[] = [];
  for (const p of POSTES) {
    const lignes = devis.lignes.filter((l) => l.chapitre === p.chapitre);
    if (lignes.length === 0) continue;
    const surcharge = ctx.surcharges && surchargeTaux(ctx.surcharges, CLE_FRAIS_CINEMA(p.parametre));
    if (!version && !surcharge) continue;
    const admis = version?.valeurs[p.cle];
    const plafond = surcharge ? surcharge.valeur : new Decimal((admis as NonNullable<typeof admis>).taux);
    const montant = sumCents(lignes.map((l) => l.montant));
    const max = multiplyCents(devis.totalHorsFrais, plafond);
    const exces = subCents(montant, max);
    if (exces <= TOLERANCE_CENTIMES) continue;
    const taux = ratio(montant, devis.totalHorsFrais) as Decimal;
    const confiance = admis?.confiance ?? version?.confiance;
    const origine = surcharge
      ? ` (taux du paramètre ${surcharge.cellule})`
      : confiance === "H"
        ? ""
        : confiance === "M"
          ? " (taux d'usage issu d'une source secondaire : à vérifier)"
          : ` (aucun texte trouvé : taux par défaut, à vérifier ou à fixer par le paramètre ` +
            `« ${CLE_FRAIS_CINEMA(p.parametre)} »)`;
    const cellules = lignes.map(celluleMontant);
    const ou = cellules.length > 1 ? `${cellules.join(", ")} (${lignes.length} lignes)` : cellules[0];
    // A default rate without any text (confidence L) is said, not alleged: information, not alerte.
    const sansTexte = !surcharge && confiance !== "H" && confiance !== "M";
    out.push({
      regle: ID_FRAIS_CINEMA,
      gravite: sansTexte ? "info" : "alerte",
      message:
        `${ou} : ${p.nom} de ${eur(montant)} représentent ${formatPourcentFr(taux)} du coût de fabrication ` +
        `(chapitres 1 à 9 : ${eur(devis.totalHorsFrais)}), au-delà du taux admis de ${formatPourcentFr(plafond)} ` +
        `pour une œuvre cinématographique (soit ${eur(max)} au plus) : ${eur(exces)} au-delà${origine}.`,
      cellule: cellules[0],
    });
  }
  return out;
}

export const fraisCinemaTaux: Regle<ContexteDevis> = {
  id: ID_FRAIS_CINEMA,
  description:
    "Les frais généraux et les imprévus d'un devis cinéma ne dépassent pas le taux admis du coût de fabrication " +
    "(chapitres 1 à 9).",
  verifier: verifierFraisCinema,
};
