import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Link,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type {
  ApercuFinancement,
  ExplicationsFinancement,
  OptionsFinancementPane,
} from "../../app/commandes/financement";
import type { TraceAffichee } from "../../app/traces";
import { AucunPlanError } from "../../core/financement/analyser";
import { eurosToCents, formatMontantFr, formatPourcentFr, saisieMontant } from "../../core/money";
import { ChiffreCle, ChiffresCles } from "../components/ChiffresCles";
import { ConstatsCliquables, constatsAffiches } from "../components/ConstatsCliquables";
import { DetailsSources } from "../components/DetailsSources";
import { FeuillesEcrites, annonceEcriture } from "../components/FeuillesEcrites";
import { ChiffreExplicable, type Explication, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { Infobulle } from "../components/Infobulle";
import { ParametresRepliables, champsValidesDeplies, useMontrerEnTete } from "../components/ParametresRepliables";
import { Retour } from "../components/Retour";
import { BadgeAVerifier, TextesAppliques } from "../components/TextesAppliques";
import { ChampFeuille, ChampSaisie } from "../components/Champ";
import { ChampFeuilleDevis, ChampLangue, ChampOeuvre, useChampSubventions } from "../components/ChampsProduction";
import { useChamp } from "../components/useChamp";
import { useCommande } from "../components/useCommande";
import { compte, dateFr, guillemets, moisFr, typographie } from "../francais";
import { oeuvreDe, optionsFinancementDe } from "../listes";
import { useProduction } from "../production";

/** Stable ids for browser tests of this page. */
export const IDS_FINANCEMENT = {
  feuille: "fin-feuille",
  devis: "fin-devis",
  cout: "fin-cout",
  oeuvre: "fin-oeuvre",
  premierFilm: "fin-premier-film",
  oeuvreDifficile: "fin-oeuvre-difficile",
  creditImpot: "fin-credit-impot",
  langue: "fin-langue",
  subventions: "fin-subventions",
  verifier: "fin-verifier",
  creer: "fin-creer",
  /** The result's headline (plan, total, reste à financer, aid share); its details come after the parameters. */
  resultat: "fin-resultat",
  /** Once a result is shown: the parameters' one-line summary, a button that unfolds them (`-champs`: the fields). */
  parametres: "fin-parametres",
  reste: "fin-reste",
  intensite: "fin-intensite",
  /** « D'où vient ce chiffre ? » of the total, the rest to finance, the public aids and their share. */
  expliquerTotal: "fin-expliquer-total",
  expliquerReste: "fin-expliquer-reste",
  expliquerAides: "fin-expliquer-aides",
  expliquerIntensite: "fin-expliquer-intensite",
  constat: (i: number) => `fin-constat-${i}`,
  feuilleErreur: "fin-feuille-erreur",
  succes: "fin-succes",
  details: "fin-details",
  /** « Échéancier mois par mois »: the section, each month's row, the « besoin maximal » badge, the line off it. */
  echeancier: "fin-echeancier",
  mois: (i: number) => `fin-mois-${i}`,
  besoinMaximal: "fin-besoin-maximal",
  horsEcheancier: "fin-hors-echeancier",
  /** A month's « n versements » button, its list, each payment and the cell of a payment (month i, payment j). */
  deplierMois: (i: number) => `fin-mois-${i}-deplier`,
  versements: (i: number) => `fin-mois-${i}-versements`,
  versement: (i: number, j: number) => `fin-mois-${i}-versement-${j}`,
  celluleVersement: (i: number, j: number) => `fin-mois-${i}-versement-${j}-cellule`,
  /** A month's cumul, which opens « D'où vient ce chiffre ? » (month i). */
  expliquerMois: (i: number) => `fin-mois-${i}-expliquer`,
} as const;

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  montant: { textAlign: "right", whiteSpace: "nowrap" },
  fort: { fontWeight: tokens.fontWeightSemibold },
  choixErreur: { maxWidth: "100%" },
  listeMois: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  mois: {
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  enteteMois: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  chiffresMois: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalS, margin: 0 },
  dd: { margin: 0, textAlign: "right", whiteSpace: "nowrap" },
  deplier: { alignSelf: "flex-start", minWidth: 0, paddingInline: 0, fontWeight: tokens.fontWeightRegular },
  listeVersements: {
    listStyleType: "none",
    margin: 0,
    padding: `0 0 0 ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
  versement: { display: "flex", flexDirection: "column", minWidth: 0 },
  teteVersement: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "space-between", minWidth: 0 },
  financeur: { minWidth: 0, overflowWrap: "anywhere" },
  // « 'Plan de financement'!F12 » may be wider than the pane: it wraps instead of overflowing.
  cellule: { fontFamily: tokens.fontFamilyMonospace, fontSize: "inherit", overflowWrap: "anywhere", textAlign: "left" },
});

/** JSON amounts ("1234.56") → French display. */
const m = (s: string) => formatMontantFr(eurosToCents(s));
const lireCout = (t: string) => saisieMontant(t, { positif: true });

export function Financement() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const production = useProduction();
  // The plan sheet is the production's (shared context): the Tableau de bord reads the same one.
  const feuille = production.contexte.feuilleFinancement ?? "";
  const setFeuille = (f: string) => production.modifier({ feuilleFinancement: f || undefined });
  const oeuvre = oeuvreDe(production.contexte);
  // The ceiling's derogation (a first or second film in cinema, an « œuvre difficile » in audiovisual, art. D331-17)
  // and the crédit d'impôt added: the production's too, saved with it and read by the Tableau de bord.
  const premierFilm = production.contexte.premierFilm === true;
  const difficile = production.contexte.oeuvreDifficile === true;
  const creditImpot = production.contexte.creditImpotPlan === true;
  const cocher = (cle: "premierFilm" | "oeuvreDifficile" | "creditImpotPlan", oui: boolean) =>
    production.modifier({ [cle]: oui || undefined });
  const [resultat, setResultat] = React.useState<ApercuFinancement & { explications?: ExplicationsFinancement }>();
  // Once there is a result, the parameters fold under it; the user's choice stays (the page stays mounted).
  const [parametresOuverts, setParametresOuverts] = React.useState(false);
  // A new check closes the tree of the previous one, and brings its headline into view.
  const explication = useExplication(resultat);
  const tete = React.useRef<HTMLDivElement>(null);
  useMontrerEnTete(tete, resultat);

  // The cost typed is the production's (empty = the plan's or the devis'); read by the shared parser: « 3.500 » is
  // refused under the field, never read as 3,50 €.
  const champCout = useChamp(
    production.contexte.coutProduction ?? "",
    (t) => production.modifier({ coutProduction: t || undefined }),
    lireCout,
  );
  // The production's subsidies (the Crédit d'impôt page's figure): deducted from the base of the credit added.
  const champSubventions = useChampSubventions(creditImpot);

  // The same options as the Tableau de bord's (one reading of the context), the plan sheet just chosen if any.
  const options = (plan = feuille): OptionsFinancementPane => ({
    ...optionsFinancementDe({ ...production.contexte, feuilleFinancement: plan || undefined }, production.detecte),
    explique: true,
  });

  const devis = production.contexte.feuilleDevis;
  const resume = [
    feuille ? `Plan ${guillemets(feuille)}` : "Plan détecté",
    oeuvre === "cinema" ? "Film de cinéma" : "Œuvre audiovisuelle",
    champCout.valeur !== undefined
      ? `coût ${formatMontantFr(champCout.valeur)}`
      : devis
        ? `coût du devis ${guillemets(devis)}`
        : undefined,
    oeuvre === "cinema" && premierFilm ? "premier ou deuxième film" : undefined,
    oeuvre !== "cinema" && difficile ? "œuvre difficile" : undefined,
    creditImpot ? "crédit d'impôt ajouté" : undefined,
  ]
    .filter((x) => x)
    .join(" · ");
  const aller = (c: string) => lancer(() => envoyer("selectionnerCellule", { cellule: c }), "fin-aller");

  const executer = (ecrire: boolean, plan = feuille) => {
    // A field refused is said under it, focused: the folded parameters unfold to show it.
    if (!champsValidesDeplies(() => setParametresOuverts(true), champCout, champSubventions)) return;
    return lancer(
      async () => {
        const o = options(plan);
        const r = await envoyer(ecrire ? "creerFeuillesFinancement" : "analyserFinancement", o);
        setResultat(r);
        return r;
      },
      ecrire ? "fin-creer" : "fin-verifier",
      (r) =>
        annonceEcriture(
          ecrire ? r.feuillesEcrites : [],
          typographie(`Plan « ${r.source} » : total des financements ${m(r.total)}.`),
        ),
    );
  };

  return (
    <section className={styles.page} aria-label="Financement">
      {resultat && <Tete key="tete" r={resultat} explication={explication} aller={aller} refTete={tete} />}
      <ParametresRepliables
        key="parametres"
        resultat={!!resultat}
        ouvert={parametresOuverts}
        setOuvert={setParametresOuverts}
        resume={resume}
        id="fin-parametres-champs"
        testId={IDS_FINANCEMENT.parametres}
      >
        <div className={styles.ligne}>
          <ChampFeuille
            id={IDS_FINANCEMENT.feuille}
            label="Feuille du plan de financement"
            valeur={feuille}
            onChange={setFeuille}
          />
          <ChampFeuilleDevis id={IDS_FINANCEMENT.devis} />
        </div>
        <div className={styles.ligne}>
          <ChampSaisie
            id={IDS_FINANCEMENT.cout}
            label="ou coût de production (€)"
            champ={champCout}
            inputMode="decimal"
          />
          <ChampOeuvre id={IDS_FINANCEMENT.oeuvre} />
        </div>
        {oeuvre === "cinema" ? (
          <Checkbox
            data-testid={IDS_FINANCEMENT.premierFilm}
            checked={premierFilm}
            onChange={(_, d) => cocher("premierFilm", !!d.checked)}
            label="Premier ou deuxième film du réalisateur (plafond 60 %)"
          />
        ) : (
          <Checkbox
            data-testid={IDS_FINANCEMENT.oeuvreDifficile}
            checked={difficile}
            onChange={(_, d) => cocher("oeuvreDifficile", !!d.checked)}
            label="Œuvre difficile : innovante, peu accessible ou délicate (plafond 60 %)"
          />
        )}
        <Checkbox
          data-testid={IDS_FINANCEMENT.creditImpot}
          checked={creditImpot}
          onChange={(_, d) => cocher("creditImpotPlan", !!d.checked)}
          label="Ajouter le crédit d'impôt calculé sur le devis s'il manque au plan"
        />
        {creditImpot && oeuvre === "cinema" && (
          <ChampLangue
            id={IDS_FINANCEMENT.langue}
            hint="30 % en français ou langue régionale, 20 % sinon (animation : 30 %)"
            vide="Non renseignée (taux de base)"
          />
        )}
        {creditImpot && (
          // 220 sexies V: only the non-refundable subsidies directly allotted to eligible expenses come off the base.
          <ChampSaisie
            id={IDS_FINANCEMENT.subventions}
            label="Subventions publiques non remboursables (€)"
            hint="déduites de la base du crédit ; les aides du plan ne le sont pas d'office"
            champ={champSubventions}
            inputMode="decimal"
          />
        )}
      </ParametresRepliables>
      <div key="actions" className={styles.ligne}>
        <Button data-testid={IDS_FINANCEMENT.verifier} onClick={() => executer(false)} disabled={occupe}>
          Vérifier le plan
        </Button>
        <Button
          appearance="primary"
          data-testid={IDS_FINANCEMENT.creer}
          onClick={() => executer(true)}
          disabled={occupe}
        >
          Créer les feuilles Plan de financement et Échéancier
        </Button>
      </div>
      {/* Under the buttons; the result, above, is brought into view by useMontrerEnTete. */}
      <Retour
        key="retour-verifier"
        commande={commande}
        action="fin-verifier"
        enCours="Lecture du plan de financement…"
      />
      <Retour
        key="retour-creer"
        commande={commande}
        action="fin-creer"
        enCours="Écriture du plan et de l'échéancier…"
      />
      {!occupe && commande.erreur instanceof AucunPlanError && (
        // The plan was not found: the sheet picker right at the error, choosing a sheet runs the action again.
        <ChampFeuille
          key="feuille-erreur"
          id={IDS_FINANCEMENT.feuilleErreur}
          label="Feuille du plan de financement"
          className={styles.choixErreur}
          valeur={feuille}
          vide="Choisissez une feuille…"
          onChange={(f) => {
            setFeuille(f);
            if (f) void executer(commande.action === "fin-creer", f);
          }}
        />
      )}
      {resultat && <Details key="details" r={resultat} explication={explication} aller={aller} />}
      <Retour key="retour-aller" commande={commande} action="fin-aller" enCours="Sélection de la cellule…" flottant />
    </section>
  );
}

type ResultatFinancement = ApercuFinancement & { explications?: ExplicationsFinancement };

/** The result's headline, first on the page: each figure opens « D'où vient ce chiffre ? ». */
function Tete({
  r,
  explication,
  aller,
  refTete,
}: {
  r: ResultatFinancement;
  explication: Explication;
  aller: (cellule: string) => void;
  refTete: React.RefObject<HTMLDivElement>;
}) {
  const styles = useStyles();
  const ex = r.explications;
  const reste = Number(r.resteAFinancer);
  const plafondAVerifier = r.textes.some((t) => t.cle.startsWith("intensite-aides@") && t.aVerifier);
  return (
    <div className={styles.page} data-testid={IDS_FINANCEMENT.resultat} ref={refTete}>
      <FeuillesEcrites feuilles={r.feuillesEcrites} testId={IDS_FINANCEMENT.succes} />
      <Subtitle2>Plan {guillemets(r.source)}</Subtitle2>
      {/* The figures first (each opens « D'où vient ce chiffre ? »); how they are reached in « Détails et sources ». */}
      <ChiffresCles>
        <ChiffreCle terme="Total des financements">
          <ChiffreExplicable
            cle="total"
            trace={ex?.total}
            explication={explication}
            testId={IDS_FINANCEMENT.expliquerTotal}
          >
            {m(r.total)}
          </ChiffreExplicable>
        </ChiffreCle>
        <ChiffreCle
          terme={r.origineCout && reste < 0 ? "Excédent de financement" : "Reste à financer"}
          fort
          texte={!r.origineCout}
          testId={IDS_FINANCEMENT.reste}
        >
          {r.origineCout ? (
            <ChiffreExplicable
              cle="reste"
              trace={ex?.resteAFinancer}
              explication={explication}
              testId={IDS_FINANCEMENT.expliquerReste}
            >
              {m(reste < 0 ? r.resteAFinancer.slice(1) : r.resteAFinancer)}
            </ChiffreExplicable>
          ) : (
            "coût inconnu : choisissez la feuille du devis ou saisissez le coût"
          )}
        </ChiffreCle>
        <ChiffreCle
          terme={
            <>
              Intensité des aides publiques (plafond {formatPourcentFr(r.plafond)})
              {/* The ceiling's table read in a secondary source (M, L): said next to the figure, as on Crédit d'impôt. */}
              {plafondAVerifier && (
                <>
                  {" "}
                  <BadgeAVerifier />
                </>
              )}
            </>
          }
          fort
          testId={IDS_FINANCEMENT.intensite}
        >
          <ChiffreExplicable
            cle="intensite"
            trace={ex?.intensite}
            explication={explication}
            testId={IDS_FINANCEMENT.expliquerIntensite}
          >
            {formatPourcentFr(r.intensiteAidesPubliques)}
          </ChiffreExplicable>
        </ChiffreCle>
      </ChiffresCles>
      <PanneauTrace explication={explication} onAller={aller} />
    </div>
  );
}

/** The plan's findings, its month-by-month échéancier and how the figures are reached: after the parameters. */
function Details({
  r,
  explication,
  aller,
}: {
  r: ResultatFinancement;
  explication: Explication;
  aller: (cellule: string) => void;
}) {
  const styles = useStyles();
  const ex = r.explications;
  const ligne = (libelle: string, valeur: React.ReactNode, id?: string, fort = false) => (
    <TableRow>
      <TableCell className={fort ? styles.fort : undefined}>{libelle}</TableCell>
      <TableCell className={styles.montant} data-testid={id}>
        {valeur}
      </TableCell>
    </TableRow>
  );
  return (
    <>
      {r.controles.length > 0 && (
        <ConstatsCliquables
          elements={constatsAffiches(r.controles)}
          onAller={aller}
          etiquette="Contrôles du plan"
          testIdElement={IDS_FINANCEMENT.constat}
        />
      )}
      <EcheancierMois r={r} aller={aller} explication={explication} traces={ex?.mois} />
      <DetailsSources testId={IDS_FINANCEMENT.details}>
        <Table size="extra-small" aria-label="Synthèse du plan de financement">
          <TableBody>
            {r.origineCout
              ? ligne(`Coût de production (${r.origineCout})`, m(r.cout))
              : ligne("Coût de production", "inconnu")}
            {ligne(
              "Aides publiques",
              <ChiffreExplicable
                cle="aides"
                trace={ex?.aidesPubliques}
                explication={explication}
                testId={IDS_FINANCEMENT.expliquerAides}
              >
                {m(r.aidesPubliques)}
              </ChiffreExplicable>,
            )}
            {ligne(`Plafond des aides publiques (${r.motifPlafond})`, formatPourcentFr(r.plafond))}
            {ligne(
              "Besoin de trésorerie maximal",
              <ChiffreExplicable cle="besoin" trace={ex?.besoinMaximal} explication={explication}>
                {formatMontantFr(r.besoinTresorerie)}
              </ChiffreExplicable>,
            )}
          </TableBody>
        </Table>
        <Text size={200}>{r.repartition}</Text>
        <TextesAppliques textes={r.textes} />
      </DetailsSources>
    </>
  );
}

/**
 * « Échéancier mois par mois »: each month stacked (encaissements, dépenses, cumul) so it fits 320 px, the month(s)
 * where the need peaks named by a badge in words; what stays off the échéancier said once. Nothing without months.
 * A month with payments opens the list of them (financeur, date, montant, the cell that selects it in Excel).
 */
function EcheancierMois({
  r,
  aller,
  explication,
  traces,
}: {
  r: ApercuFinancement;
  aller: (cellule: string) => void;
  explication: Explication;
  traces?: ExplicationsFinancement["mois"];
}) {
  const styles = useStyles();
  const e = r.echeancier;
  if (!e.mois.length) return null;
  const besoin = eurosToCents(e.besoinMaximal) > 0;
  const hors: string[] = [];
  if (eurosToCents(e.sansDate) > 0)
    hors.push(`${compte(r.horsEcheancier.versementsSansDate, "versement")} sans date (${m(e.sansDate)})`);
  if (eurosToCents(e.nonNumeraire) > 0)
    hors.push(
      `${compte(r.horsEcheancier.apportsNonNumeraires, "apport non numéraire", "apports non numéraires")} ` +
        `(${m(e.nonNumeraire)})`,
    );
  return (
    <DetailsSources testId={IDS_FINANCEMENT.echeancier} titre="Échéancier mois par mois">
      <ul className={styles.listeMois} aria-label="Échéancier mois par mois">
        {e.mois.map((mo, i) => (
          <MoisEcheancier
            key={mo.mois}
            mo={mo}
            i={i}
            besoinMaximal={besoin && mo.besoin === e.besoinMaximal}
            aller={aller}
            explication={explication}
            trace={traces?.[mo.mois]}
          />
        ))}
      </ul>
      {hors.length > 0 && (
        <Text size={200} data-testid={IDS_FINANCEMENT.horsEcheancier}>
          {typographie(`Hors échéancier : ${hors.join(" et ")}.`)}
        </Text>
      )}
    </DetailsSources>
  );
}

function MoisEcheancier({
  mo,
  i,
  besoinMaximal,
  aller,
  explication,
  trace,
}: {
  mo: ApercuFinancement["echeancier"]["mois"][number];
  i: number;
  besoinMaximal: boolean;
  aller: (cellule: string) => void;
  explication: Explication;
  /** The month's cumul = the previous month's + encaissements − dépenses, down to the payments' cells. */
  trace?: TraceAffichee;
}) {
  const styles = useStyles();
  const [ouvert, setOuvert] = React.useState(false);
  const idListe = `${IDS_FINANCEMENT.versements(i)}-liste`;
  const chiffre = (terme: string, valeur: React.ReactNode) => (
    <>
      <dt>{terme}</dt>
      <dd className={styles.dd}>{valeur}</dd>
    </>
  );
  const n = mo.versements.length;
  return (
    <li className={styles.mois} data-testid={IDS_FINANCEMENT.mois(i)}>
      <div className={styles.enteteMois}>
        <Text weight="semibold">{moisFr(mo.mois)}</Text>
        {besoinMaximal && (
          <Badge appearance="tint" color="danger" size="small" data-testid={IDS_FINANCEMENT.besoinMaximal}>
            besoin maximal
          </Badge>
        )}
      </div>
      <dl className={styles.chiffresMois}>
        {chiffre("Encaissements", m(mo.encaissements))}
        {chiffre("Dépenses", m(mo.depenses))}
        {chiffre(
          "Cumul",
          // Opens « D'où vient ce chiffre ? »: the previous month's cumul + encaissements (each payment's cell) − dépenses.
          <ChiffreExplicable
            cle={`mois-${mo.mois}`}
            trace={trace}
            explication={explication}
            testId={IDS_FINANCEMENT.expliquerMois(i)}
          >
            {m(mo.cumul)}
          </ChiffreExplicable>,
        )}
      </dl>
      {n > 0 && (
        // The payments making up the month's encaissements, closed by default: a button the keyboard reaches.
        <Button
          appearance="transparent"
          size="small"
          className={styles.deplier}
          icon={ouvert ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={ouvert}
          aria-controls={ouvert ? idListe : undefined}
          data-testid={IDS_FINANCEMENT.deplierMois(i)}
          onClick={() => setOuvert((o) => !o)}
        >
          {`${ouvert ? "Masquer" : "Voir"} ${n > 1 ? `les ${compte(n, "versement")}` : "le versement"}`}
        </Button>
      )}
      {ouvert && (
        <ul
          id={idListe}
          className={styles.listeVersements}
          aria-label={`Versements de ${moisFr(mo.mois)}`}
          data-testid={IDS_FINANCEMENT.versements(i)}
        >
          {mo.versements.map((v, j) => (
            <li key={j} className={styles.versement} data-testid={IDS_FINANCEMENT.versement(i, j)}>
              <div className={styles.teteVersement}>
                <Text className={styles.financeur}>{v.financeur}</Text>
                <Text className={styles.dd}>{m(v.montant)}</Text>
              </div>
              <Caption1>
                {dateFr(v.date)}
                {v.cellule && (
                  <>
                    {" · "}
                    <Infobulle relation="description" texte={`Sélectionner ${v.cellule} dans Excel`}>
                      <Link
                        as="button"
                        className={styles.cellule}
                        data-testid={IDS_FINANCEMENT.celluleVersement(i, j)}
                        onClick={() => aller(v.cellule as string)}
                      >
                        {v.cellule}
                      </Link>
                    </Infobulle>
                  </>
                )}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
