import Decimal from "decimal.js";
import { type Cents } from "../money";
import { appliquerCredit, plafondParMinute } from "./appliquer";
import { Figures } from "./figures";
import { CreditImpotError, GENRES_CREDIT, type GenreCredit, type Plafond, type RegimeCredit, REGIMES } from "./modele";

export interface EntreeCreditSurBase {
  regime: string;
  genre: string;
  annee: number;
  base: Cents;
  dureeMinutes?: number;
  /** Total cost of the work: budget for the caps and, for the audiovisual credit, cost per minute. */
  coutTotal?: Cents;
}

export interface ResultatCreditSurBase {
  credit: Cents;
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

/** The credit on a base already known (custom function PROD.CREDIT.IMPOT): rate, conditions, caps. */
export function calculerCreditSurBase(e: EntreeCreditSurBase): ResultatCreditSurBase {
  const figures = new Figures();
  const c = appliquerCredit(
    { base: e.base, budget: e.coutTotal, coutHorsFrais: e.coutTotal, dureeMinutes: e.dureeMinutes },
    { regime: regime(e.regime), genre: genreCredit(e.genre), annee: e.annee, autresAidesPubliques: undefined },
    figures,
  );
  return {
    credit: c.credit,
    taux: c.taux.toString(),
    creditAvantPlafonds: c.creditAvantPlafonds,
    plafonds: c.plafonds,
    alertes: c.alertes,
  };
}

/** €/min cap of the audiovisual credit for a genre and a cost per minute (PROD.PLAFOND.MINUTE). */
export function plafondMinute(genre: string, coutMinute: Cents, annee: number): Cents {
  return plafondParMinute(genreCredit(genre), new Decimal(coutMinute), annee, new Figures());
}
