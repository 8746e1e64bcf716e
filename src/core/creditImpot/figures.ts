import Decimal from "decimal.js";
import { type Cents, formatMontantFr, formatPourcentFr } from "../money";
import { sourcePrincipale } from "../regles/primaires";
import { surchargeMontant, surchargeNombre, surchargeTaux } from "../regles/parametres";
import { aVerifier, type Surcharges } from "../regles/table";
import type { ParametreUtilise, RegleUtilisee } from "./modele";
import type { RegleDatee } from "./regles";

/**
 * The figures one calculation uses: each read from its dated table, replaced by the « Paramètres » sheet
 * when the workbook overrides it, and recorded (value, source, confidence, override cell) for the output.
 * Every table version consulted is recorded once (`tables`), figure or not: the result names them all.
 */
export class Figures {
  readonly utilises: ParametreUtilise[] = [];
  private readonly versions = new Map<string, RegleUtilisee>();

  constructor(private readonly surcharges: Surcharges = new Map()) {}

  taux(cle: string, libelle: string, regle: RegleDatee<unknown>, defaut: Decimal.Value): Decimal {
    const s = surchargeTaux(this.surcharges, cle);
    const v = s ? s.valeur : new Decimal(defaut);
    this.noter(cle, libelle, regle, formatPourcentFr(v), s?.cellule);
    return v;
  }

  /** `defaut` in cents, from the table. */
  montant(cle: string, libelle: string, regle: RegleDatee<unknown>, defaut: Cents): Cents {
    const s = surchargeMontant(this.surcharges, cle);
    const v = s ? s.valeur : defaut;
    this.noter(cle, libelle, regle, formatMontantFr(v), s?.cellule);
    return v;
  }

  /** An amount only the workbook can give (no figure in the table): undefined when the sheet has none. */
  montantSaisi(cle: string, libelle: string, regle: RegleDatee<unknown>): Cents | undefined {
    this.consulter(regle);
    const s = surchargeMontant(this.surcharges, cle);
    if (s) this.noter(cle, libelle, regle, formatMontantFr(s.valeur), s.cellule);
    return s?.valeur;
  }

  nombre(cle: string, libelle: string, regle: RegleDatee<unknown>, defaut: Decimal.Value, unite: string): Decimal {
    const s = surchargeNombre(this.surcharges, cle);
    const v = s ? s.valeur : new Decimal(defaut);
    this.noter(cle, libelle, regle, `${v.toString().replace(".", ",")} ${unite}`, s?.cellule);
    return v;
  }

  /** A rule table used as a whole (not one figure): listed with its source and confidence. */
  table(cle: string, libelle: string, regle: RegleDatee<unknown>, texte: string): void {
    this.noter(cle, libelle, regle, texte);
  }

  /** A table version read (a condition, an alert) without a figure of its own in the output. */
  consulter(regle: RegleDatee<unknown>): void {
    const v = regle.version;
    const cle = `${regle.table}@${v.effetDu}`;
    if (this.versions.has(cle)) return;
    this.versions.set(cle, {
      table: regle.table,
      effetDu: v.effetDu,
      ...(v.effetAu ? { effetAu: v.effetAu } : {}),
      confiance: v.confiance,
      aVerifier: aVerifier(v.confiance),
      ...(v.motifConfiance ? { motifConfiance: v.motifConfiance } : {}),
      sources: v.sources,
    });
  }

  /** Every table version used, in the order first used. */
  tables(): RegleUtilisee[] {
    return [...this.versions.values()];
  }

  /** "surcharge utilisée : <clé> = <valeur> (<cellule>)" for each overridden figure. */
  surchargesUtilisees(): string[] {
    return this.utilises
      .filter((p) => p.surcharge)
      .map((p) => `surcharge utilisée : ${p.cle} = ${p.valeur} (${p.surcharge})`);
  }

  /** "à vérifier : …" for each figure from a table tagged [M] or [L] (overridden figures are the user's own). */
  aVerifier(): string[] {
    return this.utilises
      .filter((p) => p.aVerifier)
      .map(
        (p) =>
          `à vérifier : ${p.libelle} = ${p.valeur} (confiance ${p.confiance}, ${p.table}, ` +
          `source ${sourcePrincipale(p.sources, p.confiance)?.url ?? "?"})`,
      );
  }

  private noter(cle: string, libelle: string, regle: RegleDatee<unknown>, valeur: string, surcharge?: string): void {
    this.consulter(regle);
    if (this.utilises.some((p) => p.cle === cle)) return;
    const v = regle.version;
    this.utilises.push({
      cle,
      libelle,
      valeur,
      table: regle.table,
      effetDu: v.effetDu,
      ...(v.effetAu ? { effetAu: v.effetAu } : {}),
      confiance: v.confiance,
      aVerifier: !surcharge && aVerifier(v.confiance),
      sources: v.sources,
      ...(surcharge ? { surcharge } : {}),
    });
  }
}
