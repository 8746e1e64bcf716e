import {
  Badge,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { ApercuDevis } from "../../app/apercu";
import { envoyer } from "../../app/catalogue";
import type { ExplicationsDevis, OptionsDevis } from "../../app/commandes/devis";
import { formatEcartFr, formatMontantFr } from "../../core/money";
import { Infobulle } from "../components/Infobulle";
import { annonceEcriture } from "../components/FeuillesEcrites";
import { Retour } from "../components/Retour";
import { ICONE_INTENTION } from "../components/iconeIntention";
import { champsValides } from "../components/useChamp";
import { useCommande } from "../components/useCommande";
import { ChampFeuille } from "../components/Champ";
import { ChampDuree, ChampGenre, useChampDuree } from "../components/ChampsProduction";
import { ChiffreExplicable, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { useEtat } from "../etat";
import { compte, guillemets, typographie } from "../francais";
import { optionsDevisDe } from "../listes";
import { useNavigation } from "../navigation";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const useStyles = makeStyles({
  formulaire: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  apercu: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  montant: { textAlign: "right", whiteSpace: "nowrap" },
  enteteMontant: { justifyContent: "flex-end" },
  // Fluent's table shares its width equally (fixed layout): the count and the amount get what they need, the
  // chapter's name the rest (at 320 px a third of the width broke « Interprétation » letter by letter).
  colonneLignes: { width: "4.5em" },
  colonneTotal: { width: "7.5em" },
  // Amounts keep one line; a badge goes under its amount rather than past the pane's edge.
  valeur: { display: "flex", flexDirection: "column", alignItems: "flex-end", gap: tokens.spacingVerticalXXS },
  totaux: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
});

export function Structurer() {
  const styles = useStyles();
  const etat = useEtat();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const production = useProduction();
  // « 1.500 » minutes is refused under the field (1,5 or 1 500?), never read as 1,5.
  const champDuree = useChampDuree();
  const [apercu, setApercu] = React.useState<ApercuDevis & { explications?: ExplicationsDevis }>();
  const [ecrites, setEcrites] = React.useState<string[]>();
  // The sheet picked here is tried first: it becomes the production's devis sheet (every page's) only once read
  // without error, so picking the plan de travail by mistake never changes what the other pages read.
  const enUsage = production.contexte.feuilleDevis ?? "";
  const [choix, setChoix] = React.useState(enUsage);
  React.useEffect(() => setChoix(enUsage), [enUsage]);
  const choisir = (f: string) => {
    setChoix(f);
    // The preview and the sheets written were another sheet's.
    setApercu(undefined);
    setEcrites(undefined);
  };
  const adopter = () => {
    if (choix !== enUsage) production.modifier({ feuilleDevis: choix || undefined });
  };

  // With the figures' traces: « D'où vient ce chiffre ? » on the totals.
  const options = (): OptionsDevis => ({
    ...optionsDevisDe({ ...production.contexte, feuilleDevis: choix || undefined }, production.detecte),
    explique: true,
  });

  const analyser = () =>
    champsValides(champDuree) &&
    lancer(
      async () => {
        setEcrites(undefined);
        // A refusal shows alone, never above the preview of the sheet read before.
        setApercu(undefined);
        const o = options();
        const r = await envoyer("analyserDevis", o);
        adopter();
        setApercu(r);
        etat.definirConstats(r.constats, o, r.explications?.constats, r.textes);
        return r;
      },
      "structurer-analyser",
      (r) =>
        typographie(
          `Devis ${guillemets(r.feuille)} lu : ${compte(r.lignes, "ligne")}, total ${formatMontantFr(r.total)}.`,
        ),
    );

  const creer = () =>
    champsValides(champDuree) &&
    lancer(
      async () => {
        const o = options();
        const r = await envoyer("creerFeuilleDevis", o);
        adopter();
        setApercu(r);
        setEcrites(r.feuillesEcrites);
        etat.definirConstats(r.constats, o, r.explications?.constats, r.textes);
        return r;
      },
      "structurer-creer",
      (r) => annonceEcriture(r.feuillesEcrites, ""),
    );

  return (
    <section className={styles.formulaire} aria-label="Structurer un devis">
      <Text>Choisissez la feuille où vous tenez votre devis : Prodbook la lit sans la modifier.</Text>
      <ChampFeuille
        id={TEST_IDS.structurer.feuille}
        label="Feuille source"
        devis
        valeur={choix}
        onChange={choisir}
        disabled={occupe}
        hint={
          choix !== enUsage
            ? typographie(
                `Les autres pages lisent toujours ${enUsage ? guillemets(enUsage) : "la feuille détectée"} : ` +
                  `${choix ? guillemets(choix) : "la détection automatique"} ne sera retenue qu'après une analyse sans erreur.`,
              )
            : undefined
        }
      />
      <div className={styles.ligne}>
        <ChampGenre id={TEST_IDS.structurer.genre} disabled={occupe} />
        <ChampDuree id={TEST_IDS.structurer.duree} champ={champDuree} disabled={occupe} />
      </div>
      <div className={styles.ligne}>
        <Button
          appearance="primary"
          data-testid={TEST_IDS.structurer.analyser}
          disabled={occupe || !production.pret}
          onClick={analyser}
        >
          Analyser
        </Button>
      </div>
      <Retour commande={commande} action="structurer-analyser" resultat enCours="Lecture du devis…" />
      {apercu && (
        <Apercu
          apercu={apercu}
          allerA={(cellule) => lancer(() => envoyer("selectionnerCellule", { cellule }), "structurer-aller")}
        />
      )}
      <Retour commande={commande} action="structurer-aller" enCours="Sélection de la cellule…" flottant />
      {apercu && (
        <Button appearance="primary" data-testid={TEST_IDS.structurer.creer} disabled={occupe} onClick={creer}>
          Créer la feuille Devis
        </Button>
      )}
      <Retour
        commande={commande}
        action="structurer-creer"
        enCours="Écriture des feuilles Devis, Synthèse et Contrôles…"
      />
      {ecrites && (
        <MessageBar
          layout="multiline"
          intent="success"
          icon={ICONE_INTENTION.success}
          data-testid={TEST_IDS.structurer.succes}
        >
          <MessageBarBody>{typographie(`Feuilles écrites : ${ecrites.map(guillemets).join(", ")}.`)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function Apercu({
  apercu,
  allerA,
}: {
  apercu: ApercuDevis & { explications?: ExplicationsDevis };
  allerA: (cellule: string) => void;
}) {
  const styles = useStyles();
  const naviguer = useNavigation();
  const tp = apercu.totalProducteur;
  const ex = apercu.explications;
  // A new analysis closes the tree of the previous one.
  const explication = useExplication(apercu);
  // The tree opens right under the figure clicked (as on the Contrôles and Carbone pages), not above the table: the
  // totals' under the totals, a chapter's in a row under that chapter's row.
  const ouverte = explication.ouverte?.cle;
  const panneau = <PanneauTrace explication={explication} onAller={allerA} />;
  return (
    <div className={styles.apercu} data-testid={TEST_IDS.structurer.apercu}>
      <Subtitle2>Ce que Prodbook a trouvé dans {guillemets(apercu.feuille)}</Subtitle2>
      <Text data-testid={TEST_IDS.structurer.nbLignes}>
        {compte(apercu.lignes, "ligne")} de devis, {compte(apercu.chapitres.length, "chapitre")}
      </Text>
      {/* The totals first (the headline, in the first screen after « Analyser »); each chapter's in the table, last. */}
      <div className={styles.totaux}>
        <Text weight="semibold">Total calculé</Text>
        <Text weight="semibold" className={styles.montant} data-testid={TEST_IDS.structurer.totalCalcule}>
          <ChiffreExplicable
            cle="total"
            trace={ex?.total}
            explication={explication}
            testId={TEST_IDS.structurer.expliquerTotal}
          >
            {formatMontantFr(apercu.total)}
          </ChiffreExplicable>
        </Text>
        {tp && (
          <>
            <Text>Total du producteur ({tp.cellule})</Text>
            <Text className={styles.valeur} data-testid={TEST_IDS.structurer.totalProducteur}>
              <span className={styles.montant}>{formatMontantFr(tp.montant)}</span>{" "}
              {tp.ecart === 0 ? (
                <Badge color="success">identique</Badge>
              ) : (
                <Badge color="warning">écart {formatEcartFr(tp.ecart)}</Badge>
              )}
            </Text>
          </>
        )}
        {apercu.coutMinute !== undefined && (
          <>
            <Text>Coût à la minute</Text>
            <Text className={styles.montant}>
              <ChiffreExplicable
                cle="cout-minute"
                trace={ex?.coutMinute}
                explication={explication}
                testId={TEST_IDS.structurer.coutMinute}
              >
                {formatMontantFr(apercu.coutMinute)}
              </ChiffreExplicable>
            </Text>
          </>
        )}
      </div>
      {(ouverte === "total" || ouverte === "cout-minute") && panneau}
      <div data-testid={TEST_IDS.structurer.nonPlaces}>
        {apercu.nonPlaces.length === 0 ? (
          <Caption1>Tous les montants ont été placés dans un chapitre.</Caption1>
        ) : (
          <MessageBar layout="multiline" intent="warning" icon={ICONE_INTENTION.warning}>
            <MessageBarBody>
              {compte(apercu.nonPlaces.length, "montant")} hors chapitre{"\u00a0"}:{" "}
              {apercu.nonPlaces.map((n, i) => (
                <React.Fragment key={n.cellule}>
                  {i > 0 && "\u202f; "}
                  <Infobulle relation="description" texte={`Aller à ${n.cellule}`}>
                    <Link onClick={() => allerA(n.cellule)}>{n.cellule}</Link>
                  </Infobulle>{" "}
                  ({n.libelle || "sans libellé"}, {formatMontantFr(n.montant)})
                </React.Fragment>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <Caption1>
        {apercu.constats.length === 0 ? (
          "Aucun constat."
        ) : (
          <>
            {compte(apercu.constats.length, "constat")}
            {"\u00a0: "}
            <Link onClick={() => naviguer("controles")}>voir la page Contrôles</Link>.
          </>
        )}
      </Caption1>
      <Table size="extra-small" aria-label="Totaux par chapitre">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Chapitre</TableHeaderCell>
            <TableHeaderCell className={styles.colonneLignes}>Lignes</TableHeaderCell>
            <TableHeaderCell
              className={mergeClasses(styles.montant, styles.colonneTotal)}
              button={{ className: styles.enteteMontant }}
            >
              Total
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {apercu.chapitres.map((c) => (
            <React.Fragment key={c.code}>
              <TableRow data-testid={TEST_IDS.structurer.chapitre(c.code)}>
                <TableCell>
                  {/^\d$/.test(c.code) ? `${c.code}. ` : ""}
                  {c.libelle}
                </TableCell>
                <TableCell>{c.lignes}</TableCell>
                <TableCell className={styles.montant}>
                  <ChiffreExplicable
                    cle={`chapitre-${c.code}`}
                    trace={ex?.chapitres[c.code]}
                    explication={explication}
                    testId={TEST_IDS.structurer.totalChapitre(c.code)}
                  >
                    {formatMontantFr(c.total)}
                  </ChiffreExplicable>
                </TableCell>
              </TableRow>
              {ouverte === `chapitre-${c.code}` && (
                <TableRow data-testid={TEST_IDS.structurer.traceChapitre(c.code)}>
                  <TableCell colSpan={3}>{panneau}</TableCell>
                </TableRow>
              )}
            </React.Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
