import Decimal from "decimal.js";
import { type Cents } from "../money";
import { appliquerCredit, plafondParMinute } from "./appliquer";
import { Figures } from "./figures";
import type { Ctx } from "./contexteCalcul";
import {
  CreditImpotError,
  GENRES_CREDIT,
  type GenreCredit,
  type LangueOeuvre,
  LANGUES,
  type Plafond,
  type RegimeCredit,
  REGIMES,
} from "./modele";

export interface EntreeCreditSurBase {
  regime: string;
  genre: string;
  annee: number;
  base: Cents;
  dureeMinutes?: number;
  /** Total cost of the work: budget for the caps and, for the audiovisual credit, cost per minute. */
  coutTotal?: Cents;
  /** Cinema: original language (francais | etrangere). */
  langue?: string;
  /**
   * Public subsidies deducted from the base, before or after its 80 % cap as the table credit-impot-subventions says
   * for the credit type (the same step as the devis's credit).
   */
  subventionsPubliques?: Cents;
}

export interface ResultatCreditSurBase {
  credit: Cents;
  /** The base the rate applied to: after the 80 % cap (when a total cost is given) and the subsidies. */
  base: Cents;
  taux: string;
  creditAvantPlafonds: Cents;
  plafonds: Plafond[];
  alertes: string[];
}

function regime(r: string): RegimeCredit {
  const n = r.trim().toLowerCase().replace("é", "e");
  if (!(REGIMES as readonly string[]).includes(n))
    throw new CreditImpotError(`Régime inconnu « ${r} » (attendu : ${REGIMES.join(", ")}).`);
  return n as RegimeCredit;
}

export function genreCredit(g: string): GenreCredit {
  const n = g.trim().toLowerCase();
  if (!(GENRES_CREDIT as readonly string[]).includes(n))
    throw new CreditImpotError(`Genre inconnu « ${g} » (attendu : ${GENRES_CREDIT.join(", ")}).`);
  return n as GenreCredit;
}

export function langueOeuvre(l: string): LangueOeuvre {
  const n = l.trim().toLowerCase().replace("ç", "c").replace("è", "e");
  if (!(LANGUES as readonly string[]).includes(n))
    throw new CreditImpotError(`Langue inconnue « ${l} » (attendu : ${LANGUES.join(", ")}).`);
  return n as LangueOeuvre;
}

/** The credit on a base already known (custom function PROD.CREDIT.IMPOT): rate, conditions, caps. */
export function calculerCreditSurBase(e: EntreeCreditSurBase): ResultatCreditSurBase {
  const figures = new Figures();
  const c = appliquerCredit(
    { base: e.base, budget: e.coutTotal, coutHorsFrais: e.coutTotal, dureeMinutes: e.dureeMinutes },
    {
      regime: regime(e.regime),
      genre: genreCredit(e.genre),
      annee: e.annee,
      autresAidesPubliques: undefined,
      ...(e.langue !== undefined ? { langue: langueOeuvre(e.langue) } : {}),
      ...(e.subventionsPubliques !== undefined ? { subventionsPubliques: e.subventionsPubliques } : {}),
    },
    figures,
  );
  return {
    credit: c.credit,
    base: c.base,
    taux: c.taux.toString(),
    creditAvantPlafonds: c.creditAvantPlafonds,
    plafonds: c.plafonds,
    alertes: c.alertes,
  };
}

/** €/min cap of the audiovisual credit for a genre and a cost per minute (PROD.PLAFOND.MINUTE). */
export function plafondMinute(genre: string, coutMinute: Cents, annee: number): Cents {
  const g = genreCredit(genre);
  const ctx: Ctx = {
    a: { base: coutMinute },
    opts: { regime: "audiovisuel", genre: g, annee },
    figures: new Figures(),
    conditions: [],
    alertes: [],
    plafonds: [],
    coutMinute: new Decimal(coutMinute),
  };
  return plafondParMinute(g, ctx);
}
