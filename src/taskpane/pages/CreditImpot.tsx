import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { JOURS_MAX } from "../../app/arguments";
import { envoyer } from "../../app/catalogue";
import {
  genreCreditDe,
  genreCreditManquant,
  type OptionsCreditImpotPane,
  type VueCreditImpot,
} from "../../app/commandes/creditImpot";
import type { GenreCredit } from "../../core/creditImpot/modele";
import { type Cents, formatMontantFr, negCents, formatPourcentFr, saisieMontant, saisieNombre } from "../../core/money";
import { saisieTaux } from "../../core/regles/parametres";
import { ChiffreCle, ChiffresCles } from "../components/ChiffresCles";
import { ConstatsCliquables, constatsAffiches } from "../components/ConstatsCliquables";
import { DetailsSources } from "../components/DetailsSources";
import { FeuillesEcrites, annonceEcriture } from "../components/FeuillesEcrites";
import { ChiffreExplicable, type Explication, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { ParametresRepliables, champsValidesDeplies, useMontrerEnTete } from "../components/ParametresRepliables";
import { Retour } from "../components/Retour";
import { ICONE_INTENTION } from "../components/iconeIntention";
import { BadgeAVerifier, ChiffresRetenus, LienVersTexte, TextesAppliques } from "../components/TextesAppliques";
import {
  ChampAnnee,
  ChampDuree,
  ChampFeuilleDevis,
  ChampGenre,
  ChampHebergement,
  ChampLangue,
  ChampRegime,
  useChampAnnee,
  useChampDuree,
  useChampSubventions,
} from "../components/ChampsProduction";
import { ChampSaisie } from "../components/Champ";
import { avecRefus, useChampLocal } from "../components/useChamp";
import { useCommande, useRefusDuChamp } from "../components/useCommande";
import { compte, guillemets, typographie } from "../francais";
import { LANGUES, libelle, origineDureeDe, regimeDe } from "../listes";
import { useProduction } from "../production";

/** Stable ids for browser tests of this page. */
export const IDS_CREDIT_IMPOT = {
  feuille: "ci-feuille",
  regime: "ci-regime",
  genre: "ci-genre",
  /** Under the genre field and under the actions: the genre to choose before any estimate (none guessed). */
  genreManquant: "ci-genre-manquant",
  genreAChoisir: "ci-genre-a-choisir",
  duree: "ci-duree",
  annee: "ci-annee",
  vfx: "ci-vfx",
  subventions: "ci-subventions",
  financementEtranger: "ci-financement-etranger",
  jeunesse: "ci-jeunesse",
  hebergement: "ci-hebergement",
  langue: "ci-langue",
  joursTournage: "ci-jours-tournage",
  modeleParametres: "ci-modele-parametres",
  calculer: "ci-calculer",
  creer: "ci-creer",
  /** The result's headline (title, credit, rate, base); its details come after the parameters. */
  resultat: "ci-resultat",
  /** Once a result is shown: the parameters' one-line summary, a button that unfolds them (`-champs`: the fields). */
  parametres: "ci-parametres",
  credit: "ci-credit",
  plafond: (i: number) => `ci-plafond-${i}`,
  alertes: "ci-alertes",
  taux: "ci-taux",
  succes: "ci-succes",
  details: "ci-details",
  /**
   * The findings on what was read (a « Paramètres » key no calculation reads, a row of the plan de travail written
   * twice): alerts under the headline; information (a TOTAL row set aside) in « Détails et sources ».
   */
  controles: "ci-controles",
  controlesInfo: "ci-controles-info",
  controle: (i: number) => `ci-controle-${i}`,
  /** « D'où vient ce chiffre ? » of the base (the credit's is `credit`, each cap's `plafondChiffre`). */
  base: "ci-base",
  plafondChiffre: (i: number) => `ci-plafond-chiffre-${i}`,
} as const;

const GENRES: { valeur: GenreCredit; libelle: string }[] = [
  { valeur: "fiction", libelle: "Fiction" },
  { valeur: "documentaire", libelle: "Documentaire" },
  { valeur: "animation", libelle: "Animation" },
];

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  montant: { textAlign: "right", whiteSpace: "nowrap" },
  credit: { fontWeight: tokens.fontWeightSemibold },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const m = (c: Cents) => formatMontantFr(c);

/** The work as the credit's régime and genre name it: « Film de cinéma », « Documentaire audiovisuel »… */
function oeuvreResumee(regime: string, genre: GenreCredit): string {
  const film = genre === "fiction" ? "Film" : genre === "documentaire" ? "Documentaire" : "Animation";
  if (regime === "cinema") return `${film} de cinéma`;
  if (regime === "international") return `Crédit international, ${genre}`;
  return genre === "fiction" ? "Fiction audiovisuelle" : `${film} audiovisuel${genre === "animation" ? "le" : ""}`;
}
const lireJours = (t: string) => saisieNombre(t, { unite: "jours", min: 0, max: JOURS_MAX, entier: true });
const lireMontant = (t: string) => saisieMontant(t, { nonNegatif: true });

export function CreditImpot() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const production = useProduction();
  const c = production.contexte;
  const feuille = c.feuilleDevis ?? "";
  const regime = regimeDe(c);
  // The credits know three genres, and the genre changes the credit: a devis not yet marked (or « spectacle ») is
  // asked for its genre before any estimate, never computed as a fiction.
  const genre = genreCreditDe(c.genre);
  const [genreDemande, setGenreDemande] = React.useState(false);
  const hebergement = c.hebergement ?? "ailleurs";
  const langue = c.langue ?? "";
  const [jeunesse, setJeunesse] = React.useState(false);
  const [modeleParametres, setModeleParametres] = React.useState(false);
  const [resultat, setResultat] = React.useState<VueCreditImpot>();
  // Once there is a result, the parameters fold under it; the user's choice stays (the page stays mounted).
  const [parametresOuverts, setParametresOuverts] = React.useState(false);
  // A new calculation closes the tree of the previous one, and brings its headline into view.
  const explication = useExplication(resultat);
  const tete = React.useRef<HTMLDivElement>(null);
  useMontrerEnTete(tete, resultat);

  // Every typed figure goes through the shared parser: « 12.500 » is refused under its field, never read as 12,50 €.
  const coproduction = regime === "audiovisuel" && genre === "fiction";
  const tournage = regime === "international" && genre === "fiction";
  const champDuree = useChampDuree();
  const champAnneeLu = useChampAnnee();
  // A year the rules do not cover (« 1800 », « 2999 ») is refused by the calculation: said under the year, next to
  // what must change, and cleared once the year is changed.
  const refusAnnee = useRefusDuChamp(commande, "annee", champAnneeLu.input.value);
  const champAnnee = avecRefus(champAnneeLu, refusAnnee);
  React.useEffect(() => {
    if (refusAnnee) setParametresOuverts(true);
  }, [refusAnnee]);
  const champEtranger = useChampLocal(saisieTaux, coproduction);
  const champJours = useChampLocal(lireJours, tournage);
  const champVfx = useChampLocal(lireMontant, regime === "international");
  // The production's subsidies: the same figure as the credit the Financement page adds.
  const champSubventions = useChampSubventions();

  const options = (): OptionsCreditImpotPane => ({
    feuille: feuille || undefined,
    regime,
    genre: genre as GenreCredit,
    annee: champAnnee.valeur as number,
    dureeMinutes: champDuree.valeur?.toNumber(),
    // The cell it was detected in, else « durée saisie » (the page's field is the context's duration).
    origineDuree: champDuree.valeur ? origineDureeDe(c, production.detecte) : undefined,
    depensesVfxFrance: champVfx.valeur,
    subventionsPubliques: champSubventions.valeur,
    partFinancementEtranger: champEtranger.valeur?.toString(),
    jeunesse: coproduction && jeunesse,
    hebergement,
    langue: regime === "cinema" && genre !== "animation" && langue ? langue : undefined,
    joursTournageFrance: champJours.valeur?.toNumber(),
    modeleParametres,
    explique: true,
  });

  const resume = [
    feuille ? `Devis ${guillemets(feuille)}` : undefined,
    genre ? oeuvreResumee(regime, genre) : "Genre non précisé",
    champDuree.valeur ? `${champDuree.valeur.toString().replace(".", ",")}\u00a0min` : undefined,
    regime === "cinema" && genre !== "animation" && langue
      ? libelle(LANGUES, langue)?.replace(" ou langue régionale", "").toLowerCase()
      : undefined,
    champAnnee.valeur !== undefined ? String(champAnnee.valeur) : undefined,
  ]
    .filter((x) => x)
    .join(" · ");
  const allerA = (cellule: string) => lancer(() => envoyer("selectionnerCellule", { cellule }), "ci-aller");

  const executer = (ecrire: boolean) => {
    // A field refused is said under it, focused: the folded parameters unfold to show it.
    if (
      !champsValidesDeplies(
        () => setParametresOuverts(true),
        champDuree,
        champAnnee,
        champEtranger,
        champJours,
        champVfx,
        champSubventions,
      )
    )
      return;
    // No genre, no estimate: the field is highlighted, unfolded and focused, the reason said under the actions.
    if (!genre) {
      setGenreDemande(true);
      setParametresOuverts(true);
      setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="${IDS_CREDIT_IMPOT.genre}"]`)?.focus());
      return;
    }
    setGenreDemande(false);
    return lancer(
      async () => {
        const o = options();
        const r = await envoyer(ecrire ? "creerFeuilleCreditImpot" : "calculerCreditImpot", o);
        setResultat(r);
        return r;
      },
      ecrire ? "ci-creer" : "ci-calculer",
      (r) => annonceEcriture(ecrire ? r.feuillesEcrites : [], `Crédit d'impôt estimé : ${m(r.credit)}.`),
    );
  };

  return (
    <section className={styles.page} aria-label="Crédit d'impôt">
      {resultat && <Tete key="tete" r={resultat} explication={explication} allerA={allerA} refTete={tete} />}
      {resultat && <Controles key="controles" r={resultat} allerA={allerA} info={false} />}
      <ParametresRepliables
        key="parametres"
        resultat={!!resultat}
        ouvert={parametresOuverts}
        setOuvert={setParametresOuverts}
        resume={resume}
        id="ci-parametres-champs"
        testId={IDS_CREDIT_IMPOT.parametres}
      >
        <div className={styles.ligne}>
          <ChampFeuilleDevis id={IDS_CREDIT_IMPOT.feuille} />
          <ChampRegime id={IDS_CREDIT_IMPOT.regime} label="Régime" />
          <ChampGenre
            id={IDS_CREDIT_IMPOT.genre}
            choix={GENRES}
            valeur={genre ?? ""}
            avertissement={
              genre ? undefined : { texte: genreCreditManquant(c.genre), testId: IDS_CREDIT_IMPOT.genreManquant }
            }
          />
        </div>
        <div className={styles.ligne}>
          <ChampDuree id={IDS_CREDIT_IMPOT.duree} champ={champDuree} />
          {regime === "cinema" && genre !== "animation" && (
            <ChampLangue
              id={IDS_CREDIT_IMPOT.langue}
              hint="30 % en français ou langue régionale, 20 % sinon"
              vide="Non renseignée (taux de base)"
            />
          )}
          <ChampHebergement id={IDS_CREDIT_IMPOT.hebergement} label="Hébergement (plafond par nuit)" />
          <ChampAnnee id={IDS_CREDIT_IMPOT.annee} champ={champAnnee} />
          {coproduction && (
            <ChampSaisie
              id={IDS_CREDIT_IMPOT.financementEtranger}
              label="Coproduction internationale : part de financement étranger"
              hint="« 35 % » ; vide si l'œuvre n'est pas coproduite"
              champ={champEtranger}
            />
          )}
          {tournage && (
            <ChampSaisie
              id={IDS_CREDIT_IMPOT.joursTournage}
              label="Jours de tournage en France"
              champ={champJours}
              inputMode="numeric"
            />
          )}
          {regime === "international" && (
            <ChampSaisie
              id={IDS_CREDIT_IMPOT.vfx}
              label="Dépenses VFX en France (€)"
              champ={champVfx}
              inputMode="decimal"
            />
          )}
          {/* 220 sexies V: the non-refundable subsidies directly allotted to eligible expenses; 220 quaterdecies V:
            the subsidies received, refundable or not. The user says which aids they are. */}
          <ChampSaisie
            id={IDS_CREDIT_IMPOT.subventions}
            label={
              regime === "international" ? "Subventions publiques (€)" : "Subventions publiques non remboursables (€)"
            }
            hint={
              regime === "international"
                ? "remboursables ou non ; déduites de la base"
                : "directement affectées aux dépenses éligibles ; déduites de la base"
            }
            champ={champSubventions}
            inputMode="decimal"
          />
        </div>
        {regime === "audiovisuel" && genre === "fiction" && (
          <Checkbox
            data-testid={IDS_CREDIT_IMPOT.jeunesse}
            checked={jeunesse}
            onChange={(_, d) => setJeunesse(d.checked === true)}
            label="Fiction jeunesse (coût minimal par minute réduit)"
          />
        )}
        <Checkbox
          data-testid={IDS_CREDIT_IMPOT.modeleParametres}
          checked={modeleParametres}
          onChange={(_, d) => setModeleParametres(d.checked === true)}
          label="Ajouter une feuille « Paramètres » modèle (chiffres en vigueur et sources) si le classeur n'en a pas"
        />
      </ParametresRepliables>
      <div key="actions" className={styles.ligne}>
        <Button data-testid={IDS_CREDIT_IMPOT.calculer} onClick={() => executer(false)} disabled={occupe}>
          Calculer
        </Button>
        <Button
          appearance="primary"
          data-testid={IDS_CREDIT_IMPOT.creer}
          onClick={() => executer(true)}
          disabled={occupe}
        >
          Créer la feuille Crédit d'impôt
        </Button>
      </div>
      {genreDemande && !genre && (
        <MessageBar key="genre-a-choisir" layout="multiline" intent="warning" icon={ICONE_INTENTION.warning}>
          <MessageBarBody data-testid={IDS_CREDIT_IMPOT.genreAChoisir}>
            Choisissez d'abord le genre de l'œuvre (fiction, documentaire ou animation) : il change le crédit d'impôt,
            rien n'est estimé sans lui.
          </MessageBarBody>
        </MessageBar>
      )}
      {/* Under the buttons; the result, above, is brought into view by useMontrerEnTete. */}
      <Retour key="retour-calculer" commande={commande} action="ci-calculer" enCours="Calcul du crédit d'impôt…" />
      <Retour
        key="retour-creer"
        commande={commande}
        action="ci-creer"
        enCours="Écriture de la feuille Crédit d'impôt…"
      />
      {resultat && <Details key="details" r={resultat} explication={explication} allerA={allerA} />}
      <Retour key="retour-aller" commande={commande} action="ci-aller" enCours="Sélection de la cellule…" flottant />
    </section>
  );
}

/** The result's headline, first on the page: the credit, its rate and base, each opening « D'où vient ce chiffre ? ». */
function Tete({
  r,
  explication,
  allerA,
  refTete,
}: {
  r: VueCreditImpot;
  explication: Explication;
  allerA: (cellule: string) => void;
  refTete: React.RefObject<HTMLDivElement>;
}) {
  const styles = useStyles();
  const ex = r.explications;
  const p = r.presentation;
  const aVerifier = p.chiffres.filter((c) => c.aVerifier);
  // The rate's own figure (« Taux documentaire », « Taux cinéma de base »…): its badge sits by the headline rate.
  const taux = p.chiffres.find((c) => /^Taux\b/.test(c.libelle));
  return (
    <div className={styles.page} data-testid={IDS_CREDIT_IMPOT.resultat} ref={refTete}>
      <FeuillesEcrites feuilles={r.feuillesEcrites} testId={IDS_CREDIT_IMPOT.succes} />
      <Subtitle2>
        Devis {guillemets(r.source)} — dépenses {r.annee}
      </Subtitle2>
      {/* The figure first; how it is reached, and from which texts, in « Détails et sources ». */}
      <ChiffresCles>
        <ChiffreCle terme="Crédit d'impôt" fort>
          <ChiffreExplicable cle="credit" trace={ex?.credit} explication={explication} testId={IDS_CREDIT_IMPOT.credit}>
            {m(r.credit)}
          </ChiffreExplicable>
        </ChiffreCle>
        <ChiffreCle terme="Taux" testId={IDS_CREDIT_IMPOT.taux}>
          {formatPourcentFr(r.taux)}
          {taux?.aVerifier && (
            <>
              {" "}
              <BadgeAVerifier />
            </>
          )}
        </ChiffreCle>
        <ChiffreCle terme="Base retenue">
          <ChiffreExplicable cle="base" trace={ex?.base} explication={explication} testId={IDS_CREDIT_IMPOT.base}>
            {m(r.base)}
          </ChiffreExplicable>
        </ChiffreCle>
      </ChiffresCles>
      <PanneauTrace explication={explication} onAller={allerA} />
      {!r.eligible && (
        <MessageBar layout="multiline" intent="error" icon={ICONE_INTENTION.error}>
          <MessageBarBody>
            Une condition d'éligibilité n'est pas remplie : crédit nul (voir « Détails et sources »).
          </MessageBarBody>
        </MessageBar>
      )}
      {aVerifier.length > 0 && (
        <Caption1>
          À vérifier{"\u00a0"}: {compte(aVerifier.length, "chiffre vient", "chiffres viennent")} de sources secondaires
          (liste dans « Détails et sources »).
        </Caption1>
      )}
    </div>
  );
}

/** How the credit is reached, and from which texts: after the parameters, folded in « Détails et sources ». */
function Details({
  r,
  explication,
  allerA,
}: {
  r: VueCreditImpot;
  explication: Explication;
  allerA: (cellule: string) => void;
}) {
  const styles = useStyles();
  const ex = r.explications;
  const p = r.presentation;
  return (
    <>
      <DetailsSources testId={IDS_CREDIT_IMPOT.details}>
        <Table size="extra-small" aria-label="Calcul du crédit d'impôt">
          <TableBody>
            {r.baseParChapitre.map((b) => (
              <TableRow key={b.code}>
                <TableCell>
                  {b.code} {b.libelle}
                </TableCell>
                <TableCell className={styles.montant}>{m(b.base)}</TableCell>
              </TableRow>
            ))}
            {r.subventions && (
              <TableRow>
                <TableCell>Subventions publiques déduites</TableCell>
                <TableCell className={styles.montant}>{m(negCents(r.subventions.deduit))}</TableCell>
              </TableRow>
            )}
            <TableRow>
              <TableCell>Base retenue</TableCell>
              <TableCell className={styles.montant}>{m(r.base)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Taux</TableCell>
              <TableCell className={styles.montant}>{formatPourcentFr(r.taux)}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell>Crédit avant plafonds</TableCell>
              <TableCell className={styles.montant}>{m(r.creditAvantPlafonds)}</TableCell>
            </TableRow>
            {r.plafonds.map((p, i) => (
              <TableRow key={p.nom} data-testid={IDS_CREDIT_IMPOT.plafond(i)}>
                <TableCell>
                  {p.nom}{" "}
                  {p.applique ? (
                    <Badge color="warning">appliqué</Badge>
                  ) : (
                    <Badge appearance="outline">non atteint</Badge>
                  )}
                </TableCell>
                <TableCell className={styles.montant}>
                  <ChiffreExplicable
                    cle={`plafond-${i}`}
                    trace={ex?.plafonds[p.nom]}
                    explication={explication}
                    testId={IDS_CREDIT_IMPOT.plafondChiffre(i)}
                  >
                    {m(p.montant)}
                  </ChiffreExplicable>
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell className={styles.credit}>Crédit d'impôt</TableCell>
              <TableCell className={mergeClasses(styles.montant, styles.credit)}>{m(r.credit)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        {p.alertes.length > 0 && (
          <ul className={styles.liste} data-testid={IDS_CREDIT_IMPOT.alertes} aria-label="Alertes du calcul">
            {p.alertes.map((a, i) => (
              <li key={i}>
                {typographie(a.texte)}
                {a.liens.map((l) => (
                  <React.Fragment key={l.url}>
                    {" "}
                    <LienVersTexte lien={l} />
                  </React.Fragment>
                ))}
              </li>
            ))}
          </ul>
        )}
        <Controles r={r} allerA={allerA} info />
        <ChiffresRetenus chiffres={p.chiffres} />
        <TextesAppliques textes={p.textes} />
      </DetailsSources>
    </>
  );
}

/**
 * The findings on what the calculation read (`controles`): the alerts and errors under the headline (a « Paramètres »
 * key no calculation reads, a row of the plan de travail written twice), the information in « Détails et sources » (a
 * TOTAL row of the plan set aside); each with its French title, and its cell as a button that selects it.
 */
function Controles({ r, allerA, info }: { r: VueCreditImpot; allerA: (cellule: string) => void; info: boolean }) {
  const elements = constatsAffiches(r.controles.filter((c) => (c.gravite === "info") === info));
  if (elements.length === 0) return null;
  return (
    <ConstatsCliquables
      elements={elements}
      onAller={allerA}
      etiquette={info ? "Informations sur la lecture" : "Constats de la lecture"}
      testId={info ? IDS_CREDIT_IMPOT.controlesInfo : IDS_CREDIT_IMPOT.controles}
      testIdElement={info ? undefined : IDS_CREDIT_IMPOT.controle}
    />
  );
}
