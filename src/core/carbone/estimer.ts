import Decimal from "decimal.js";
import type { Cents } from "../money/cents";
import { formatMontantFr } from "../money/format";
import type { JeuFacteurs } from "./facteurs";
import { CATEGORIES, type Activite, type ActiviteEstimee, type CodeCategorie, type SaisieCarbone } from "./modele";

/** Euro cents → k€ (the unit of the money-based ratios). */
function kEuros(c: Cents): Decimal {
  return new Decimal(c).dividedBy(100000);
}

/**
 * Applies the user's corrections (kept from the previous sheet) and estimates each activity: quantity × factor for
 * activity data, amount (k€ HT) × ratio for a money-based factor. No factor, or no quantity: not estimated, said so.
 * The définitif uses the quantité réalisée typed by the user, else the réalisé (€) of the poste: × ratio for a
 * money-based factor, prorata of the budget for an activity.
 */
export function estimer(
  activites: Activite[],
  jeu: JeuFacteurs,
  saisies: ReadonlyMap<string, SaisieCarbone> = new Map(),
  realises: ReadonlyMap<string, Cents> = new Map(),
  cellulesRealises: ReadonlyMap<string, string> = new Map(),
): ActiviteEstimee[] {
  return activites.map((a) => {
    const s = saisies.get(a.id) ?? {};
    const connu = (c: string | undefined) => c !== undefined && (jeu.facteurs.has(c) || jeu.manquants.has(c));
    const facteurRetenu = connu(s.facteur) ? s.facteur! : a.facteur;
    const f = jeu.facteurs.get(facteurRetenu);
    const quantiteRetenue = s.quantite ?? a.quantite;
    const duGrandLivre = a.codeLigne !== undefined ? realises.get(a.codeLigne) : undefined;
    const realise = duGrandLivre ?? s.realise;
    // A réalisé typed over the ledger's: the ledger's is used (it is the accounts'), and the typed one is named.
    const ecarte =
      duGrandLivre !== undefined && s.realise !== undefined && s.realise !== duGrandLivre
        ? [
            `Réalisé saisi ${formatMontantFr(s.realise)} non retenu : le Grand Livre donne ${formatMontantFr(duGrandLivre)} ` +
              `au poste ${a.codeLigne}. Corrigez les correspondances (ou l'écriture), ou saisissez plutôt la quantité ` +
              `réalisée.`,
          ]
        : [];
    const e: ActiviteEstimee = {
      ...a,
      // The missing quantity stays listed until the user types it in the sheet.
      manques: [
        ...(quantiteRetenue === undefined && a.manqueQuantite ? [...a.manques, a.manqueQuantite] : a.manques),
        ...ecarte,
      ],
      quantiteRetenue,
      corrigee: s.quantite !== undefined && s.quantite !== a.quantite,
      facteurRetenu,
      facteurTrouve: f,
      methode: "facteur-manquant",
      realise,
      ...(duGrandLivre !== undefined
        ? {
            realiseDuGrandLivre:
              a.codeLigne && cellulesRealises.has(a.codeLigne) ? { cellule: cellulesRealises.get(a.codeLigne) } : {},
          }
        : {}),
      quantiteRealisee: s.quantiteRealisee,
      commentaire: s.commentaire,
    };
    if (!f) return e;
    const base =
      f.type === "monetaire"
        ? a.montant
          ? kEuros(a.montant)
          : undefined
        : quantiteRetenue !== undefined
          ? new Decimal(quantiteRetenue)
          : undefined;
    if (base === undefined) return { ...e, methode: "a-completer" };
    const kg = base.times(f.valeur);
    let definitif: Decimal | undefined;
    if (f.type === "monetaire") definitif = realise !== undefined ? kEuros(realise).times(f.valeur) : undefined;
    else if (s.quantiteRealisee !== undefined) definitif = new Decimal(s.quantiteRealisee).times(f.valeur);
    else if (realise !== undefined && a.montant) definitif = kg.times(realise).dividedBy(a.montant);
    return {
      ...e,
      methode: f.type === "monetaire" ? "monetaire" : "activite",
      base: base.toFixed(),
      kgCO2e: kg.toFixed(),
      kgCO2eDefinitif: definitif?.toFixed(),
    };
  });
}

export interface TotauxCarbone {
  /** kg CO₂e, exact. */
  total: Decimal;
  definitif: Decimal;
  /** Activities with a définitif figure / all estimated ones. */
  definitifsDisponibles: number;
  /** By category; `definitifs`: its activities with a définitif figure (none: the category's définitif is unknown). */
  parCategorie: Map<CodeCategorie, { kg: Decimal; kgDefinitif: Decimal; definitifs: number }>;
  parChapitre: Map<string, { kg: Decimal; kgDefinitif: Decimal }>;
  /** Shares of the estimate (0..1) from activity data and from money-based ratios. */
  partActivite: Decimal;
  partMonetaire: Decimal;
}

export function totaliser(es: ActiviteEstimee[]): TotauxCarbone {
  const parCategorie = new Map<CodeCategorie, { kg: Decimal; kgDefinitif: Decimal; definitifs: number }>();
  for (const c of CATEGORIES)
    parCategorie.set(c.code, { kg: new Decimal(0), kgDefinitif: new Decimal(0), definitifs: 0 });
  const parChapitre = new Map<string, { kg: Decimal; kgDefinitif: Decimal }>();
  let total = new Decimal(0);
  let definitif = new Decimal(0);
  let activite = new Decimal(0);
  let definitifsDisponibles = 0;
  for (const e of es) {
    const kg = new Decimal(e.kgCO2e ?? 0);
    const kgD = new Decimal(e.kgCO2eDefinitif ?? 0);
    if (e.kgCO2eDefinitif !== undefined) definitifsDisponibles++;
    total = total.plus(kg);
    definitif = definitif.plus(kgD);
    if (e.methode === "activite") activite = activite.plus(kg);
    const c = parCategorie.get(e.categorie)!;
    c.kg = c.kg.plus(kg);
    c.kgDefinitif = c.kgDefinitif.plus(kgD);
    if (e.kgCO2eDefinitif !== undefined) c.definitifs++;
    const ch = e.chapitre ?? "plan";
    const p = parChapitre.get(ch) ?? { kg: new Decimal(0), kgDefinitif: new Decimal(0) };
    p.kg = p.kg.plus(kg);
    p.kgDefinitif = p.kgDefinitif.plus(kgD);
    parChapitre.set(ch, p);
  }
  const partActivite = total.isZero() ? new Decimal(0) : activite.dividedBy(total);
  return {
    total,
    definitif,
    definitifsDisponibles,
    parCategorie,
    parChapitre,
    partActivite,
    partMonetaire: total.isZero() ? new Decimal(0) : new Decimal(1).minus(partActivite),
  };
}

/** kg CO₂e → « 12.34 » t CO₂e (half-up, two decimals): the CLI contract. */
export function tonnes(kg: Decimal.Value): string {
  return new Decimal(kg).dividedBy(1000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}
