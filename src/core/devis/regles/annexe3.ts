import Decimal from "decimal.js";
import type { Constat } from "../../controles/constat";
import { cents, subCents, sumCents, type Cents } from "../../money/cents";
import { formatPourcentFr } from "../../money/format";
import { aVerifier, versionEnVigueur, type VersionRegle } from "../../regles/table";
import type { Devis } from "../model";
import { dateEnLettres } from "../../util/texte";
import { eur } from "./contexte";
import { TABLE_ANNEXE3_3097, type ValeursAnnexe3 } from "./donnees";

/**
 * IDCC 3097, titre II, annexe III: a film admitted by the joint commission (a derogation with conditions, a budget
 * under a cap among them) pays its technicians at least socle + part × (annexe I minimum − socle). Prodbook applies
 * it only when the producer declares it (`annexe3097`), never by itself; then the devis must stay under the cap of
 * its genre, else the annexe I minima stay and an alerte says why.
 */
export type RegimeAnnexe3 =
  | { applique: true; version: VersionRegle<ValeursAnnexe3> }
  | { applique: false; version?: VersionRegle<ValeursAnnexe3>; constat: Constat };

/** « table idcc3097-annexe3 en vigueur au 11 avril 2025, à vérifier ». */
export function origineAnnexe3(v: VersionRegle<ValeursAnnexe3>): string {
  return `table ${TABLE_ANNEXE3_3097.id} en vigueur au ${dateEnLettres(v.effetDu)}${aVerifier(v.confiance) ? ", à vérifier" : ""}`;
}

/** The devis amount compared with the cap: its total without the imprévus (the text's budget is « hors imprévus »). */
export function budgetAnnexe3(devis: Pick<Devis, "total" | "chapitres">): Cents {
  const imprevus = sumCents(devis.chapitres.filter((c) => c.code === "IMP").map((c) => c.total));
  return subCents(devis.total, imprevus);
}

const alerte = (message: string): Constat => ({
  regle: "salaire-minimum",
  gravite: "alerte",
  message: `Annexe III de l'IDCC 3097 déclarée : ${message}`,
});

/** Whether the declared annexe III applies to this devis on `date`, or the alerte saying why not. */
export function regimeAnnexe3(
  devis: Pick<Devis, "typeOeuvre" | "genre" | "total" | "chapitres">,
  date: string,
): RegimeAnnexe3 {
  if (devis.typeOeuvre !== "cinema")
    return {
      applique: false,
      constat: alerte(
        "elle ne vaut que pour un film de cinéma, et l'œuvre n'est pas déclarée « cinéma » ; " +
          "elle n'est pas appliquée.",
      ),
    };
  const version = versionEnVigueur(TABLE_ANNEXE3_3097, date);
  if (!version)
    return {
      applique: false,
      constat: alerte(
        `aucune version de la table ${TABLE_ANNEXE3_3097.id} n'est en vigueur au ${dateEnLettres(date)} ; ` +
          "les minima de l'annexe I sont appliqués.",
      ),
    };
  const v = version.valeurs;
  const budget = budgetAnnexe3(devis);
  const origine = origineAnnexe3(version);
  const base = "dépenses extérieures à la société de production, hors imprévus";
  if (devis.genre === "animation" || devis.genre === "spectacle")
    return {
      applique: false,
      version,
      constat: alerte(
        `l'annexe III ne fixe un budget maximal que pour la fiction (${eur(v.budgetMaxFiction)}) et le documentaire ` +
          `(${eur(v.budgetMaxDocumentaire)}), pas pour ${devis.genre === "animation" ? "un film d'animation" : "une œuvre de spectacle"}` +
          ` (${origine}) ; les minima de l'annexe I sont appliqués.`,
      ),
    };
  if (devis.genre === undefined) {
    const plafondMin = cents(Math.min(v.budgetMaxFiction, v.budgetMaxDocumentaire));
    if (budget <= plafondMin) return { applique: true, version };
    return {
      applique: false,
      version,
      constat: alerte(
        `le genre du film n'est pas indiqué et le devis, ${eur(budget)} hors imprévus, dépasse le plafond de l'annexe III ` +
          `du documentaire (${eur(v.budgetMaxDocumentaire)} ; fiction : ${eur(v.budgetMaxFiction)} ; ${base} ; ` +
          `${origine}) ; les minima de l'annexe I sont appliqués. Indiquez le genre (fiction ou documentaire).`,
      ),
    };
  }
  const plafond = devis.genre === "fiction" ? v.budgetMaxFiction : v.budgetMaxDocumentaire;
  if (budget <= plafond) return { applique: true, version };
  return {
    applique: false,
    version,
    constat: alerte(
      `le devis dépasse le plafond de l'annexe III : ${eur(budget)} hors imprévus, pour un plafond de ${eur(plafond)} ` +
        `(film ${devis.genre === "fiction" ? "de fiction" : "documentaire"} ; ${base} ; ${origine}) ; ` +
        "les minima de l'annexe I sont appliqués.",
    ),
  };
}

/** The weekly annexe III minimum from the weekly annexe I minimum (half-up to the cent); undefined below the socle. */
export function minimumAnnexe3(annexe1: Cents, v: ValeursAnnexe3): Cents | undefined {
  if (annexe1 < v.socle) return undefined;
  const mg = new Decimal(v.socle).plus(new Decimal(v.partAuDela).times(annexe1 - v.socle));
  return cents(mg.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** « socle 850,00 € + 37 % × (916,77 € − 850,00 €) ». */
export function formuleAnnexe3(annexe1: Cents, v: ValeursAnnexe3): string {
  const part = formatPourcentFr(v.partAuDela, new Decimal(v.partAuDela).times(100).isInteger() ? 0 : 2);
  return `socle ${eur(v.socle)} + ${part} × (${eur(annexe1)} − ${eur(v.socle)})`;
}
