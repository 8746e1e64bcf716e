import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
  tableHeaderCellClassNames,
  tokens,
} from "@fluentui/react-components";
import { Warning16Filled } from "@fluentui/react-icons";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import { pourcentsComplementaires } from "../../core/money/format";
import type { ConversionLisible, ResultatCarbone } from "../../app/commandes/carbone";
import { ChampFeuille } from "../components/Champ";
import { ConstatsCliquables, constatsAffiches, type GroupeConstats } from "../components/ConstatsCliquables";
import { DetailsSources } from "../components/DetailsSources";
import { ChiffreExplicable, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { annonceEcriture } from "../components/FeuillesEcrites";
import { ParametresRepliables, useMontrerEnTete } from "../components/ParametresRepliables";
import { Retour } from "../components/Retour";
import { BadgeAVerifier, ChiffresRetenus, TextesAppliques } from "../components/TextesAppliques";
import { useCommande } from "../components/useCommande";
import { compte, guillemets, typographie } from "../francais";
import { useProduction } from "../production";

/** Test ids of this page (kept here: the page is self-contained). */
export const IDS_CARBONE = {
  planning: "carbone-planning",
  /** Once a result exists, the parameters (plan de travail, réalisé) fold under this toggle (block: `…-champs`). */
  parametres: "carbone-parametres",
  estimer: "carbone-estimer",
  ecrire: "carbone-ecrire",
  total: "carbone-total",
  /** The total as a button: « D'où vient ce chiffre ? » (its tree opens under the total). */
  expliquerTotal: "carbone-expliquer-total",
  /** A category's figure as a button (its tree opens under the table). */
  expliquerCategorie: (code: string) => `carbone-expliquer-categorie-${code}`,
  /** The total définitif (with a réalisé) as a button; its tree opens under the total. */
  expliquerDefinitif: "carbone-expliquer-definitif",
  /** A category's définitif as a button (its tree opens under the table). */
  expliquerCategorieDefinitif: (code: string) => `carbone-expliquer-definitif-${code}`,
  /** The shares of activity data and of money ratios as buttons; their trees open under the total. */
  expliquerPartActivite: "carbone-expliquer-part-activite",
  expliquerPartMonetaire: "carbone-expliquer-part-monetaire",
  parts: "carbone-parts",
  categories: "carbone-categories",
  categorie: (code: string) => `carbone-categorie-${code}`,
  /** The lines of a category counted in weeks or months, turned into days of use. */
  conversions: (code: string) => `carbone-conversions-${code}`,
  manquants: "carbone-manquants",
  manquant: (i: number) => `carbone-manquant-${i}`,
  /** « Voir les 12 autres » under the first data to complete. */
  voirManquants: "carbone-manquants-voir",
  /**
   * Findings on what was read: the devis sheet, and with the Grand livre the correspondances left out, the accounts
   * without poste, the postes the devis lacks (as the Écarts page and `prodbook carbone --fec` give them).
   */
  controles: "carbone-controles",
  controle: (i: number) => `carbone-controle-${i}`,
  message: "carbone-message",
  /** « Réalisé : depuis le Grand livre chargé (…) » (only while a FEC is loaded in this session). */
  grandLivre: "carbone-grand-livre",
  /** Where the réalisé (définitif) will come from, before a run, and where it came from, with the result. */
  origineRealise: "carbone-origine-realise",
  realise: "carbone-realise",
  /** The figures shown, answering the request they name. */
  resultat: "carbone-resultat",
  /** « Résultat précédent — … »: the last request failed, the figures below answer an earlier one. */
  perime: "carbone-perime",
  homologation: "carbone-homologation",
  aVerifier: "carbone-a-verifier",
  details: "carbone-details",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  total: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  titre: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  nombre: { textAlign: "right", whiteSpace: "nowrap" },
  enteteNombre: { [`& .${tableHeaderCellClassNames.button}`]: { justifyContent: "flex-end" } },
  // The table shares its width equally by default: at 350 px « Hébergement » would break inside the word. The figures
  // take the width of « non chiffré », the category the rest.
  colonneChiffre: { width: "5.5rem" },
  colonneDefinitif: { width: "4.75rem" },
  // Figures answering an earlier request: dimmed (the warning above says why; not signalled by colour alone).
  perime: { opacity: 0.6 },
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  conversions: {
    margin: 0,
    marginTop: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
    minWidth: 0,
  },
});

/**
 * « Location caméra : 3 semaines → 15 jours d'utilisation (5 jours par semaine, à vérifier) »: how a line counted in
 * weeks or months became days of use, with the convention's standing (« à vérifier » below H, or the Paramètres sheet).
 */
const texteConversion = (c: ConversionLisible) =>
  typographie(
    `${c.libelle} : ${c.texte} (${c.regle}${c.mention ? `, ${c.mention}` : ""})` +
      (c.corrigee ? ` ; quantité corrigée dans la feuille « Bilan carbone » : ${c.corrigee}` : ""),
  );

/** The carbon findings are all of one kind: data to complete. */
const A_COMPLETER: GroupeConstats = {
  cle: "a-completer",
  titre: "À compléter",
  nom: "À compléter",
  icone: <Warning16Filled />,
  couleur: "warning",
};

/**
 * The data to complete shown before « Voir les N autres »: a devis gives dozens (every trip without its distance), which
 * would push the page's end far below the figures.
 */
const MANQUANTS_MONTRES = 5;

/** « 2.63 » → « 2,63 » (French decimal comma). */
const fr = (s: string) => s.replace(".", ",");
/** A cell the pane can select (« Feuille!B12 »), not a description such as « PDT (plan de travail) ». */
const estCellule = (c: string) => /^('[^']+'|[^'!\s]+)![A-Z]{1,3}\d+$/.test(c);

/** « Réalisé : Grand livre « fec.txt », correspondances de la feuille « Correspondances » du classeur. » */
function texteRealise(r: ResultatCarbone): string {
  const o = r.bilan.realise;
  const aucun = r.bilan.definitif === null;
  if (o.source === "fec") {
    const corr =
      o.correspondances === "fichier"
        ? "modifiées sur la page Écarts"
        : o.correspondances === "feuille"
          ? "de la feuille « Correspondances » du classeur"
          : "par défaut de Prodbook (à vérifier)";
    const laissees = r.correspondancesLaissees
      ? ` (${compte(r.correspondancesLaissees, "incomplète laissée", "incomplètes laissées")} de côté)`
      : "";
    return typographie(
      `Réalisé : Grand livre ${guillemets(o.fec)}, correspondances ${corr}${laissees}` +
        `${aucun ? " ; aucun poste du bilan n'y a de réalisé" : ""}.`,
    );
  }
  if (o.source === "ecarts")
    return typographie(
      `Réalisé : feuille ${guillemets(o.feuille)} du classeur` +
        `${aucun ? " ; aucun poste du bilan n'y a de réalisé" : ""}.`,
    );
  return typographie(
    "Pas de réalisé : ni feuille « Écarts » dans le classeur, ni Grand livre choisi ; pas de définitif.",
  );
}

/** « devis « Budget », plan de travail « PDT », réalisé du Grand livre « fec.txt » »: what a result answered. */
function demandeDe(r: ResultatCarbone): string {
  const o = r.bilan.realise;
  return [
    `devis ${guillemets(r.feuilleDevis)}`,
    r.bilan.plan ? `plan de travail ${guillemets(r.bilan.plan.feuille)}` : "sans plan de travail",
    o.source === "fec"
      ? `réalisé du Grand livre ${guillemets(o.fec)}`
      : o.source === "ecarts"
        ? `réalisé de la feuille ${guillemets(o.feuille)}`
        : "sans réalisé",
  ].join(", ");
}

/** The figures of the total's block, whose trees open under it (before the table of categories). */
const CHIFFRES_DU_TOTAL = ["total", "definitif", "part-activite", "part-monetaire"];

export function Carbone() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const production = useProduction();
  // The pane keeps pages mounted: the plan chosen and the last result stay while the user visits other pages.
  const [planning, setPlanning] = React.useState("");
  const [resultat, setResultat] = React.useState<ResultatCarbone>();
  const [message, setMessage] = React.useState<string>();
  // The last request failed: the figures shown answer an earlier one, and say so.
  const [perime, setPerime] = React.useState(false);
  // The FEC loaded on the Écarts page, usable while its lines are in memory (a reload keeps only its summary).
  const charge = production.fec && production.contexte.fec;
  const [depuisGrandLivre, setDepuisGrandLivre] = React.useState(false);
  const avecGrandLivre = depuisGrandLivre && !!charge;
  // Folded once a result exists (the total first); the state survives tab changes (the page stays mounted).
  const [parametresOuverts, setParametresOuverts] = React.useState(false);
  const tete = React.useRef<HTMLDivElement>(null);
  useMontrerEnTete(tete, resultat);
  const resume = typographie(
    [
      production.contexte.feuilleDevis ? `Devis ${guillemets(production.contexte.feuilleDevis)}` : undefined,
      // The field left on « Détection automatique »: the plan found, if any, is said with the total.
      planning ? `plan de travail ${guillemets(planning)}` : "plan de travail : détection automatique",
      avecGrandLivre && charge ? `réalisé du Grand livre ${guillemets(charge.nom)}` : undefined,
    ]
      .filter((x) => x)
      .join(" · ")
      .replace(/^./, (c) => c.toUpperCase()),
  );

  // Each action's spinner, error and announcement under its own button (Retour).
  const executer = async (ecrire: boolean) => {
    const r = await lancer(
      async () => {
        setMessage(undefined);
        const r = await envoyer(ecrire ? "ecrireBilanCarbone" : "estimerCarbone", {
          planning: planning || undefined,
          feuille: production.contexte.feuilleDevis,
          ...(avecGrandLivre && production.fec && charge
            ? {
                grandLivre: {
                  resultat: production.fec,
                  nom: charge.nom,
                  ...(production.contexte.correspondances
                    ? {
                        lignes: production.contexte.correspondances,
                        // The imported file's alertes go with its rows (never with the sheet's or default table).
                        ...(production.alertesCorrespondances ? { alertes: production.alertesCorrespondances } : {}),
                      }
                    : {}),
                },
              }
            : {}),
        });
        setResultat(r);
        setPerime(false);
        setMessage(
          ecrire
            ? typographie(
                `Feuilles écrites : ${r.bilan.feuilles.map(guillemets).join(", ")}.` +
                  (r.corrections
                    ? ` ${compte(r.corrections, "correction gardée", "corrections gardées")} dans « Bilan carbone ».`
                    : ""),
              )
            : undefined,
        );
        return r;
      },
      ecrire ? "carbone-ecrire" : "carbone-estimer",
      (r) =>
        annonceEcriture(ecrire ? r.bilan.feuilles : [], typographie(`Pré-estimation : ${fr(r.bilan.total)} t CO₂e.`)),
    );
    // An error: nothing new to show; the earlier figures stay, marked as answering an earlier request.
    if (r === undefined) setPerime(true);
  };
  const aller = (cellule: string) => lancer(() => envoyer("selectionnerCellule", { cellule }), "carbone-aller");
  const allerControle = (cellule: string) =>
    lancer(() => envoyer("selectionnerCellule", { cellule }), "carbone-aller-controle");

  const b = resultat?.bilan;
  const p = resultat?.presentation;
  // « D'où vient ce chiffre ? » on the total, the définitif, the shares and each category's figures, down to the lines'
  // factors, réalisé and devis cells.
  const ex = resultat?.explications;
  // A new estimate closes the tree of the previous one.
  const explication = useExplication(resultat);
  const panneau = (ici: boolean) => ici && <PanneauTrace explication={explication} onAller={aller} />;
  // The trees of the figures above the table open under them (the total's block); the categories', under the table.
  const totalOuvert = !!explication.ouverte && CHIFFRES_DU_TOTAL.includes(explication.ouverte.cle);
  const nAVerifier = p?.facteurs.filter((f) => f.aVerifier).length ?? 0;
  // The note on the homologated tools goes with the total once there is one (the figure is only a pre-estimate).
  const homologation = (
    <MessageBar layout="multiline" intent="info" data-testid={IDS_CARBONE.homologation}>
      <MessageBarBody>
        Le bilan remis au CNC (prévisionnel et définitif) doit être fait avec un outil homologué : SeCO2, Carbon'Clap ou
        Carbon Stage. Prodbook prépare les données et donne une pré-estimation ; la feuille « Export carbone » les
        regroupe comme le formulaire du calculateur.
      </MessageBarBody>
    </MessageBar>
  );
  return (
    <section className={styles.page} aria-label="Bilan carbone">
      {/* The figures answering an earlier request come after the warning that says so. */}
      {resultat && perime && (
        <MessageBar layout="multiline" intent="warning" data-testid={IDS_CARBONE.perime}>
          <MessageBarBody>
            {typographie(
              `Résultat précédent — ${demandeDe(resultat)} : la dernière demande a échoué (voir le message ` +
                "sous les boutons), ces chiffres n'y répondent pas.",
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {b && (
        // The headline first: the total, its « à vérifier », then the note on the homologated tools.
        <div
          ref={tete}
          data-testid={IDS_CARBONE.resultat}
          className={mergeClasses(styles.page, perime && styles.perime)}
        >
          <div className={styles.total}>
            <span className={styles.titre}>
              <Title3 data-testid={IDS_CARBONE.total}>
                <ChiffreExplicable
                  cle="total"
                  trace={ex?.total}
                  explication={explication}
                  testId={IDS_CARBONE.expliquerTotal}
                >
                  {fr(b.total)} t CO₂e
                </ChiffreExplicable>
              </Title3>
              {p?.totalAVerifier && <BadgeAVerifier />}
            </span>
            <Caption1>
              Prévisionnel
              {b.definitif !== null && (
                <>
                  {" · définitif "}
                  <ChiffreExplicable
                    cle="definitif"
                    trace={ex?.definitif}
                    explication={explication}
                    testId={IDS_CARBONE.expliquerDefinitif}
                  >
                    {fr(b.definitif)} t CO₂e
                  </ChiffreExplicable>
                </>
              )}
              {resultat?.feuilleDevis ? ` · devis ${guillemets(resultat.feuilleDevis)}` : ""}
              {b.plan ? ` · plan de travail ${guillemets(b.plan.feuille)}` : ""}
            </Caption1>
            {resultat && <Caption1 data-testid={IDS_CARBONE.realise}>{texteRealise(resultat)}</Caption1>}
            <Text size={200} data-testid={IDS_CARBONE.parts}>
              Données d'activité{" "}
              <ChiffreExplicable
                cle="part-activite"
                trace={ex?.partActivite}
                explication={explication}
                testId={IDS_CARBONE.expliquerPartActivite}
              >
                {pourcentsComplementaires(b.partActivite, b.partMonetaire)[0]}
              </ChiffreExplicable>{" "}
              · ratios monétaires{" "}
              <ChiffreExplicable
                cle="part-monetaire"
                trace={ex?.partMonetaire}
                explication={explication}
                testId={IDS_CARBONE.expliquerPartMonetaire}
              >
                {pourcentsComplementaires(b.partActivite, b.partMonetaire)[1]}
              </ChiffreExplicable>
            </Text>
            {nAVerifier > 0 && (
              <Caption1 data-testid={IDS_CARBONE.aVerifier}>
                {typographie(
                  `À vérifier : ${compte(nAVerifier, "facteur d'émission vient", "facteurs d'émission viennent")} de ` +
                    "sources secondaires, pas d'un texte officiel lu (liste dans « Détails et sources »).",
                )}
              </Caption1>
            )}
          </div>
          {panneau(totalOuvert)}
        </div>
      )}
      {b && homologation}
      <ParametresRepliables
        resultat={!!b}
        ouvert={parametresOuverts}
        setOuvert={setParametresOuverts}
        resume={resume}
        id="carbone-parametres-champs"
        testId={IDS_CARBONE.parametres}
      >
        <Caption1>
          Données d'activité du bilan carbone (transports, hébergement, repas, matériel, énergie, achats) lues dans le
          devis et le plan de travail, et une pré-estimation en tonnes de CO₂e.
        </Caption1>
        <ChampFeuille id={IDS_CARBONE.planning} label="Plan de travail" valeur={planning} onChange={setPlanning} />
        {charge ? (
          <div>
            <Checkbox
              data-testid={IDS_CARBONE.grandLivre}
              checked={depuisGrandLivre}
              onChange={(_, d) => setDepuisGrandLivre(d.checked === true)}
              label={typographie(`Réalisé : depuis le Grand livre chargé (${charge.nom})`)}
            />
            <Caption1 block data-testid={IDS_CARBONE.origineRealise}>
              {typographie(
                depuisGrandLivre
                  ? "Le définitif vient du Grand livre, avec les correspondances de la page Écarts."
                  : "Case décochée : le définitif vient de la feuille « Écarts » du classeur, si elle existe.",
              )}
            </Caption1>
          </div>
        ) : (
          <Caption1 data-testid={IDS_CARBONE.origineRealise}>
            {typographie(
              (production.contexte.fec
                ? `Le Grand livre ${guillemets(production.contexte.fec.nom)} n'est plus en mémoire : rechargez-le sur ` +
                  "la page Écarts pour en tirer le définitif. "
                : "") +
                "Réalisé (définitif) : feuille « Écarts » du classeur, si elle existe" +
                (production.contexte.fec ? "." : " ; ou chargez un Grand livre sur la page Écarts."),
            )}
          </Caption1>
        )}
      </ParametresRepliables>
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={occupe}
          data-testid={IDS_CARBONE.estimer}
          onClick={() => executer(false)}
        >
          {resultat ? "Recalculer" : "Estimer"}
        </Button>
        <Button disabled={occupe || !resultat} data-testid={IDS_CARBONE.ecrire} onClick={() => executer(true)}>
          Écrire les feuilles Bilan carbone et Export carbone
        </Button>
      </div>
      <Retour commande={commande} action="carbone-estimer" enCours="Lecture du devis et du plan de travail…" />
      <Retour
        commande={commande}
        action="carbone-ecrire"
        enCours="Écriture des feuilles Bilan carbone et Export carbone…"
      />
      {message && !perime && <Text data-testid={IDS_CARBONE.message}>{message}</Text>}
      {b && (
        <div className={mergeClasses(styles.page, perime && styles.perime)}>
          <Table size="small" data-testid={IDS_CARBONE.categories} aria-label="Estimation par catégorie">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Catégorie</TableHeaderCell>
                <TableHeaderCell className={mergeClasses(styles.enteteNombre, styles.colonneChiffre)}>
                  t CO₂e
                </TableHeaderCell>
                {b.definitif !== null && (
                  <TableHeaderCell className={mergeClasses(styles.enteteNombre, styles.colonneDefinitif)}>
                    Définitif
                  </TableHeaderCell>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {b.categories.map((c) => {
                const aCompleter = c.activites.filter((a) => a.methode === "à compléter").length;
                const manquant = c.activites.filter((a) => a.methode === "facteur manquant").length;
                const conversions = p?.conversions.filter((x) => x.categorie === c.code) ?? [];
                return (
                  <TableRow key={c.code} data-testid={IDS_CARBONE.categorie(c.code)}>
                    <TableCell>
                      <Text block>{c.libelle}</Text>
                      <Caption1>
                        {compte(c.activites.length, "ligne")}
                        {aCompleter ? ` · ${aCompleter} à compléter` : ""}
                        {manquant ? ` · ${compte(manquant, "facteur manquant", "facteurs manquants")}` : ""}
                      </Caption1>
                      {p?.categoriesAVerifier.includes(c.code) && (
                        <>
                          {" "}
                          <BadgeAVerifier />
                        </>
                      )}
                      {conversions.length > 0 && (
                        <ul
                          className={styles.conversions}
                          data-testid={IDS_CARBONE.conversions(c.code)}
                          aria-label="Durées converties en jours d'utilisation"
                        >
                          {conversions.map((x) => (
                            <li key={x.cellule}>
                              <Caption1>{texteConversion(x)}</Caption1>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell className={styles.nombre}>
                      {/* No line of the category could be computed (distances or factors missing): « 0,00 » would read as
                        no emissions at all. */}
                      <ChiffreExplicable
                        cle={`categorie-${c.code}`}
                        trace={ex?.categories[c.code]}
                        explication={explication}
                        testId={IDS_CARBONE.expliquerCategorie(c.code)}
                      >
                        {c.nonChiffree ? "non chiffré" : fr(c.tCO2e)}
                      </ChiffreExplicable>
                    </TableCell>
                    {b.definitif !== null && (
                      <TableCell className={styles.nombre}>
                        {/* No réalisé for the category's lines: unknown, not 0 t. */}
                        {c.tCO2eDefinitif === null ? (
                          <span aria-label="pas de réalisé" title="Pas de réalisé pour ces lignes">
                            —
                          </span>
                        ) : (
                          <ChiffreExplicable
                            cle={`definitif-${c.code}`}
                            trace={ex?.categoriesDefinitif[c.code]}
                            explication={explication}
                            testId={IDS_CARBONE.expliquerCategorieDefinitif(c.code)}
                          >
                            {fr(c.tCO2eDefinitif)}
                          </ChiffreExplicable>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {panneau(!!explication.ouverte && !totalOuvert)}
        </div>
      )}
      {p && (
        <DetailsSources testId={IDS_CARBONE.details}>
          <ChiffresRetenus chiffres={p.facteurs} />
          <TextesAppliques textes={p.textes} />
        </DetailsSources>
      )}
      {b && b.manquants.length > 0 && (
        <div className={mergeClasses(styles.liste, perime && styles.perime)}>
          <Caption1>
            {typographie(
              "Aucune distance ni aucun facteur n'est deviné : complétez les cellules jaunes de la feuille « Bilan carbone ».",
            )}
          </Caption1>
          <ConstatsCliquables
            elements={b.manquants.map((m) => ({
              groupe: "a-completer",
              message: typographie(m.message),
              ...(estCellule(m.cellule) ? { cellule: m.cellule } : { lieu: m.cellule }),
            }))}
            groupes={[A_COMPLETER]}
            onAller={aller}
            etiquette="Données à compléter"
            testId={IDS_CARBONE.manquants}
            testIdElement={IDS_CARBONE.manquant}
            limite={MANQUANTS_MONTRES}
            testIdPlus={() => IDS_CARBONE.voirManquants}
          />
          <Retour commande={commande} action="carbone-aller" enCours="Sélection de la cellule…" flottant />
        </div>
      )}
      {resultat && resultat.controles.length > 0 && (
        <div className={mergeClasses(styles.liste, perime && styles.perime)}>
          <ConstatsCliquables
            elements={constatsAffiches(resultat.controles)}
            onAller={allerControle}
            etiquette="Constats de la lecture"
            testId={IDS_CARBONE.controles}
            testIdElement={IDS_CARBONE.controle}
            limite={MANQUANTS_MONTRES}
          />
          <Retour commande={commande} action="carbone-aller-controle" enCours="Sélection de la cellule…" flottant />
        </div>
      )}
      {!b && homologation}
    </section>
  );
}
