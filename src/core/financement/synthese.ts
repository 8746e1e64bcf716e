import Decimal from "decimal.js";
import { Cents, subCents, sumCents } from "../money/cents";
import { categoriesEnVigueur, categorie } from "./categories";
import type { IdCategorie, SourceFinancement, StatutSource } from "./model";
import type { TypeOeuvre } from "../devis/model";
import { baseIntensiteEnVigueur, type BaseIntensite } from "./plafonds";

export interface TotalCategorie {
  categorie: IdCategorie;
  libelle: string;
  montant: Cents;
  public: boolean;
}

/** The plan's figures, all derived from its sources and the production cost. */
export interface SyntheseFinancement {
  total: Cents;
  cout?: Cents;
  /** cout − total: positive = still to find, negative = excédent. */
  resteAFinancer?: Cents;
  /** Categories with at least one source, in the order of the category table. */
  parCategorie: TotalCategorie[];
  parStatut: Record<StatutSource, Cents>;
  /** Public aid counted against the ceiling: public categories, French money only (crédit d'impôt included). */
  aidesPubliques: Cents;
  aidesCnc: Cents;
  financementPrive: Cents;
  /** Money from abroad (foreign coproducers, « Pays » other than France). */
  financementEtranger: Cents;
  /** French share of the financing (total − foreign). */
  financementFrancais: Cents;
  /**
   * The foreign coproducers' shares (category « coproducteur-etranger » from abroad — a row of that category whose
   * country is France is French money): what an international coproduction takes off the cost to give the French
   * participation (RGA art. 211-8 for cinema, art. 311-9, last paragraph, for audiovisual).
   */
  partsCoproducteursEtrangers: Cents;
  /** Foreign money that is not a foreign coproducer's share (a presale to a foreign broadcaster, a foreign fund). */
  autresFinancementsEtrangers: Cents;
  /** Which base the table in force gives for this kind of work (set when a cost is known). */
  modeBaseIntensite?: BaseIntensite;
  /**
   * What the intensity is measured on: the cost, or the French participation (cost − foreign coproducers' shares) in
   * an international coproduction. The French participation « comprend l'ensemble des financements français et
   * étrangers apportés par l'entreprise de production déléguée ou les autres entreprises de production établies en
   * France » (RGA art. 311-9): a foreign presale stays in it, only the foreign coproducers' shares leave.
   */
  baseIntensite?: Cents;
  intensite?: Decimal;
  intensiteCnc?: Decimal;
  /** French broadcasters' contributions, and the cash part of them. */
  diffuseursFrancais: Cents;
  numeraireDiffuseursFrancais: Cents;
}

export function synthetiser(
  sources: SourceFinancement[],
  cout: Cents | undefined,
  date: string,
  typeOeuvre: TypeOeuvre,
): SyntheseFinancement {
  const somme = (f: (s: SourceFinancement) => boolean) => sumCents(sources.filter(f).map((s) => s.montant));
  const cat = (s: SourceFinancement) => categorie(s.categorie, date);
  const total = somme(() => true);
  const parCategorie: TotalCategorie[] = [];
  for (const c of categoriesEnVigueur(date)) {
    const ss = sources.filter((s) => cat(s).id === c.id);
    if (ss.length)
      parCategorie.push({
        categorie: c.id,
        libelle: c.libelle,
        montant: sumCents(ss.map((s) => s.montant)),
        public: c.public,
      });
  }
  const aidesPubliques = somme((s) => cat(s).public && !s.etranger);
  const aidesCnc = somme((s) => cat(s).cnc && !s.etranger);
  const financementEtranger = somme((s) => s.etranger);
  const financementFrancais = subCents(total, financementEtranger);
  // A « Coproducteur étranger » row whose country is France is French money: not a foreign coproducer's share.
  const coproducteurEtranger = (s: SourceFinancement) => s.categorie === "coproducteur-etranger" && s.etranger;
  const partsCoproducteursEtrangers = somme(coproducteurEtranger);
  const autresFinancementsEtrangers = somme((s) => s.etranger && !coproducteurEtranger(s));
  // The base comes from the table in force for this date and kind of work (intensite-aides.json).
  let modeBaseIntensite: BaseIntensite | undefined;
  let baseIntensite: Cents | undefined;
  if (cout !== undefined) {
    modeBaseIntensite = baseIntensiteEnVigueur(date, typeOeuvre);
    baseIntensite =
      modeBaseIntensite === "participation-francaise" && partsCoproducteursEtrangers > 0
        ? subCents(cout, partsCoproducteursEtrangers)
        : cout;
  }
  const frac = (x: Cents) =>
    baseIntensite !== undefined && baseIntensite > 0 ? new Decimal(x).dividedBy(baseIntensite) : undefined;
  const diffuseur = (s: SourceFinancement) => !!cat(s).diffuseur && !s.etranger;
  return {
    total,
    cout,
    resteAFinancer: cout === undefined ? undefined : subCents(cout, total),
    parCategorie,
    parStatut: {
      acquis: somme((s) => s.statut === "acquis"),
      "en-negociation": somme((s) => s.statut === "en-negociation"),
      envisage: somme((s) => s.statut === "envisage"),
    },
    aidesPubliques,
    aidesCnc,
    financementPrive: somme((s) => !cat(s).public),
    financementEtranger,
    financementFrancais,
    partsCoproducteursEtrangers,
    autresFinancementsEtrangers,
    modeBaseIntensite,
    baseIntensite,
    intensite: frac(aidesPubliques),
    intensiteCnc: frac(aidesCnc),
    diffuseursFrancais: somme(diffuseur),
    numeraireDiffuseursFrancais: somme((s) => diffuseur(s) && s.numeraire),
  };
}
