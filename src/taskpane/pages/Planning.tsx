import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChampDate } from "../components/ChampDate";
import { ChampZone } from "../components/ChampsProduction";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { ApercuPlanning } from "../../app/commandes/planning";
import type { Zone } from "../../core/planning/calendrier";
import { phraseRetourAuDevis, quantiteEnUnite } from "../../core/planning/quantitesDevis";
import { ChiffreCle, ChiffresCles } from "../components/ChiffresCles";
import { ConstatsCliquables, constatsAffiches } from "../components/ConstatsCliquables";
import { DetailsSources } from "../components/DetailsSources";
import { annonceEcriture } from "../components/FeuillesEcrites";
import { Infobulle } from "../components/Infobulle";
import { ParametresRepliables, useMontrerEnTete } from "../components/ParametresRepliables";
import { Retour } from "../components/Retour";
import { TableauAdaptatif, type Colonne } from "../components/TableauAdaptatif";
import { LienVersTexte, TextesAppliques } from "../components/TextesAppliques";
import { useCommande, useRefusDuChamp } from "../components/useCommande";
import { ICONE_INTENTION } from "../components/iconeIntention";
import { compte, dateFr, guillemets, typographie } from "../francais";
import { ZONES, libelle, optionsDevisDe } from "../listes";
import { useProduction } from "../production";

/** Test ids of this page (kept here: the page is self-contained). */
export const IDS_PLANNING = {
  livraison: "planning-livraison",
  /** The delivery date read in the steps sheet, with its cell (no date typed). */
  livraisonLue: "planning-livraison-lue",
  /** That cell, a link selecting it in Excel. */
  livraisonCellule: "planning-livraison-cellule",
  service: "planning-service",
  zone: "planning-zone",
  recalculer: "planning-recalculer",
  ecrire: "planning-ecrire",
  etapes: "planning-etapes",
  critique: "planning-critique",
  propositions: "planning-propositions",
  appliquer: "planning-appliquer",
  message: "planning-message",
  /** What « Appliquer » wrote, under that button. */
  applique: "planning-applique",
  /** A proposal already applied: its state in words with the quantity written (no box to tick it twice). */
  propositionAppliquee: (i: number) => `planning-proposition-appliquee-${i}`,
  /** A proposal applied before with another quantity (the plan changed since): « à mettre à jour », a box to tick. */
  propositionAMettreAJour: (i: number) => `planning-proposition-a-mettre-a-jour-${i}`,
  chiffres: "planning-chiffres",
  /** Over the figures of an earlier request, once the last one failed. */
  perime: "planning-perime",
  /** Once a result is shown: the parameters' one-line summary, a button that unfolds them (`-champs`: the fields). */
  parametres: "planning-parametres",
  tempsDeTravail: "planning-temps-de-travail",
  /** The working-time findings themselves, on the page (not only in the written sheet). */
  constats: "planning-constats",
  constat: (i: number) => `planning-constat-${i}`,
  details: "planning-details",
  feries: "planning-feries",
};

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  ligne: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  critique: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // « 'Budget Gardiens'!C19 » is wider than its column in the pane: wrap it instead of overlapping the next one.
  cellule: { overflowWrap: "anywhere" },
  liste: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

const fr = (iso?: string) => dateFr(iso);

const COLONNES_ETAPES: Colonne<ApercuPlanning["etapes"][number]>[] = [
  { id: "etape", titre: "Étape", valeur: (e) => e.nom },
  { id: "debut", titre: "Début", valeur: (e) => fr(e.debut), montant: true },
  { id: "fin", titre: "Fin", valeur: (e) => fr(e.fin), montant: true },
  { id: "jours", titre: "Jours ouvrés", valeur: (e) => e.joursOuvres, montant: true },
  { id: "marge", titre: "Marge (jours)", valeur: (e) => e.marge, montant: true },
];

/** A devis quantity in its unit, with a decimal comma: « 18 j », « 2,5 sem. » (as the CLI says it). */
const quantite = quantiteEnUnite;
export function Planning() {
  const styles = useStyles();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  // Selecting a cell in Excel (a link in the results) runs apart: it never clears the last request's error nor the
  // « Résultat précédent » banner that goes with it.
  const navigation = useCommande();
  const [livraison, setLivraison] = React.useState("");
  // The public-holiday zone is the production's (shared by the pages, saved in the workbook): set once.
  const production = useProduction();
  const zone: Zone = production.contexte.zone ?? "metropole";
  const [service, setService] = React.useState("");
  const [apercu, setApercu] = React.useState<ApercuPlanning>();
  const [choisies, setChoisies] = React.useState<Set<string>>(new Set());
  // « Feuilles écrites » with the parameters it was written for: said only while they are still the fields' values.
  const [message, setMessage] = React.useState<{ texte: string; parametres: string }>();
  const [applique, setApplique] = React.useState<string>();
  // The quantities written by « Appliquer » (line → quantity): each sheet written holds all of them, the page says
  // which, and a line applied cannot be ticked again — until the plan proposes another quantity for it: then it is
  // « à mettre à jour » (the quantity Prodbook's Devis sheet holds → the one proposed), a box to tick.
  const [appliquees, setAppliquees] = React.useState<ReadonlyMap<string, string>>(new Map());
  const dejaAppliquee = (p: { ligneId: string; nouvelleQuantite: string }) =>
    appliquees.get(p.ligneId) === p.nouvelleQuantite;
  // Once there is a result, the parameters fold under its figures; the user's choice stays (the page stays mounted).
  const [parametresOuverts, setParametresOuverts] = React.useState(false);
  const tete = React.useRef<HTMLDListElement>(null);
  useMontrerEnTete(tete, apercu);
  // A date the calculation refuses (past 2199) is said under its field, and cleared once that date is changed.
  const refusLivraison = useRefusDuChamp(commande, "livraison", livraison);
  const refusService = useRefusDuChamp(commande, "feuilleDeService", service);
  React.useEffect(() => {
    if (refusLivraison || refusService) setParametresOuverts(true);
  }, [refusLivraison, refusService]);
  const resume = [
    livraison ? `Livraison (PAD) le ${fr(livraison)}` : "Livraison (PAD) du classeur",
    libelle(ZONES, zone),
    service ? `feuille de service du ${fr(service)}` : undefined,
  ]
    .filter((x) => x)
    .join(" · ");

  // The production's kind of work, when chosen: the convention of the plan de travail's rows that give none.
  const options = () => ({
    livraison: livraison || undefined,
    zone,
    feuilleDeService: service || undefined,
    typeOeuvre: production.contexte.oeuvre,
  });
  const parametres = JSON.stringify(options());
  const recalculer = (ecrire: boolean) =>
    lancer(
      async () => {
        const r = await envoyer(ecrire ? "ecrireFeuillesPlanning" : "calculerPlanning", options());
        setApercu(r);
        setChoisies(new Set());
        // What an earlier « Appliquer » wrote (read back from the Devis sheet): marked « appliquée », or « à mettre à
        // jour » when the plan proposes another quantity since, even after a reload.
        setAppliquees(
          new Map(r.propositions.flatMap((p) => (p.quantiteAppliquee ? [[p.ligneId, p.quantiteAppliquee]] : []))),
        );
        setMessage(
          ecrire
            ? { texte: typographie(`Feuilles écrites : ${r.feuillesEcrites.map(guillemets).join(", ")}.`), parametres }
            : undefined,
        );
        return r;
      },
      ecrire ? "planning-ecrire" : "planning-recalculer",
      (r) =>
        annonceEcriture(
          ecrire ? r.feuillesEcrites : [],
          r.fin ? `Planning recalculé : livraison le ${fr(r.fin)}.` : "Planning recalculé.",
        ),
    );
  // Its outcome under its own button (the list of proposals stands between it and the page's other messages).
  const appliquer = () =>
    lancer(
      async () => {
        setApplique(undefined);
        // The devis is checked for the production (work, genre, duration, annexe III), as the Contrôles page does.
        const { typeOeuvre, genre, dureeMinutes, origineDuree, annexe3097 } = optionsDevisDe(
          production.contexte,
          production.detecte,
        );
        // Only the lines ticked now: the sheets written keep the lines applied before (read back from the workbook).
        const nouvelles = [...choisies];
        const r = await envoyer("appliquerQuantitesDevis", {
          lignes: nouvelles,
          date: new Date().toISOString().slice(0, 10),
          zone,
          production: { typeOeuvre, genre, dureeMinutes, origineDuree, annexe3097 },
        });
        const n = r.appliquees.filter((p) => nouvelles.includes(p.ligneId)).length;
        const total = r.appliquees.length;
        const texte =
          `${compte(n, "quantité")} ${n >= 2 ? "appliquées" : "appliquée"} dans les ` +
          `feuilles ${r.feuillesEcrites.map(guillemets).join(", ")} (${total > n ? `${total}\u00a0en tout ; ` : ""}` +
          `votre devis n'est pas modifié).` +
          // The lines « à mettre à jour » left unticked went back to the producer's quantity: each said, with both.
          r.aMettreAJour.map((p) => ` ${phraseRetourAuDevis(p)}`).join("");
        setApplique(texte);
        // Those lines now hold the producer's quantity in the Devis sheet: proposed again, not applied.
        setAppliquees(new Map(r.appliquees.map((p): [string, string] => [p.ligneId, p.nouvelleQuantite])));
        setChoisies(new Set());
        return texte;
      },
      "planning-appliquer",
      (texte) => texte,
    );
  const allerLivraison = (cellule: string) =>
    navigation.lancer(() => envoyer("selectionnerCellule", { cellule }), "planning-aller-livraison");
  const basculer = (id: string) =>
    setChoisies((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  // While the last « Recalculer » or « Écrire » shows its error (a date refused), the figures shown answer an earlier
  // request, and say so (as on Carbone); the error cleared (the date changed), they are the page's again.
  const perime =
    !!commande.erreur && ["planning-recalculer", "planning-ecrire"].includes(commande.action ?? "") && !occupe;
  const erreurs = apercu?.controles.filter((c) => c.gravite === "erreur").length ?? 0;
  const nCritiques = apercu?.etapes.filter((e) => e.critique).length ?? 0;
  return (
    <section className={styles.page} aria-label="Planning">
      {apercu && perime && (
        <MessageBar key="perime" layout="multiline" intent="warning" icon={ICONE_INTENTION.warning}>
          <MessageBarBody data-testid={IDS_PLANNING.perime}>
            {typographie(
              `Résultat précédent${apercu.fin ? ` — livraison le ${fr(apercu.fin)}` : ""} : la dernière demande a ` +
                "échoué (voir le message sous les boutons), ces chiffres n'y répondent pas.",
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {apercu && (
        // The figures first: delivery, start, critical path, working-time errors; the parameters, then the details.
        <ChiffresCles key="tete" testId={IDS_PLANNING.chiffres} refListe={tete}>
          {apercu.fin && (
            <ChiffreCle terme="Livraison (PAD)" fort>
              {fr(apercu.fin)}
            </ChiffreCle>
          )}
          {apercu.livraisonLue && (
            <ChiffreCle terme="Date de livraison" texte testId={IDS_PLANNING.livraisonLue}>
              {fr(apercu.livraisonLue.date)}, lue dans la feuille {guillemets(apercu.livraisonLue.feuille)} (cellule{" "}
              {/* The cell selects itself in Excel, as the findings' cells do (the sheet is said before it). */}
              <Infobulle relation="description" texte={`Sélectionner ${apercu.livraisonLue.cellule} dans Excel`}>
                <Link
                  as="button"
                  className={styles.cellule}
                  data-testid={IDS_PLANNING.livraisonCellule}
                  onClick={() => allerLivraison(apercu.livraisonLue!.cellule)}
                >
                  {apercu.livraisonLue.cellule.replace(/^.*!/, "")}
                </Link>
              </Infobulle>
              )
            </ChiffreCle>
          )}
          {apercu.debut && <ChiffreCle terme="Début de la post-production">{fr(apercu.debut)}</ChiffreCle>}
          {apercu.etapes.length > 0 && (
            <ChiffreCle terme="Étapes">
              {compte(apercu.etapes.length, "étape")}, dont {compte(nCritiques, "critique", "critiques")}
            </ChiffreCle>
          )}
          {apercu.feuillePlan && (
            <ChiffreCle terme="Temps de travail" testId={IDS_PLANNING.tempsDeTravail}>
              {compte(erreurs, "erreur")} sur {compte(apercu.controles.length, "constat")}
            </ChiffreCle>
          )}
        </ChiffresCles>
      )}
      {apercu?.livraisonLue && (
        <Retour
          key="aller-livraison"
          commande={navigation}
          action="planning-aller-livraison"
          enCours="Sélection de la cellule…"
          flottant
        />
      )}
      <ParametresRepliables
        key="parametres"
        resultat={!!apercu}
        ouvert={parametresOuverts}
        setOuvert={setParametresOuverts}
        resume={resume}
        id="planning-parametres-champs"
        testId={IDS_PLANNING.parametres}
      >
        <div className={styles.ligne}>
          <ChampDate
            label="Date de livraison (PAD)"
            value={livraison}
            data-testid={IDS_PLANNING.livraison}
            onChange={setLivraison}
            refus={refusLivraison}
          />
          <ChampDate
            label="Jour de la feuille de service (facultatif)"
            value={service}
            data-testid={IDS_PLANNING.service}
            onChange={setService}
            refus={refusService}
          />
          <ChampZone id={IDS_PLANNING.zone} />
        </div>
      </ParametresRepliables>
      <div key="actions" className={styles.ligne}>
        <Button
          appearance="primary"
          disabled={occupe}
          data-testid={IDS_PLANNING.recalculer}
          onClick={() => recalculer(false)}
        >
          Recalculer
        </Button>
        <Button disabled={occupe || !apercu} data-testid={IDS_PLANNING.ecrire} onClick={() => recalculer(true)}>
          Écrire les feuilles de planning
        </Button>
      </div>
      {/* Under the buttons; the figures, above, are brought into view by useMontrerEnTete. */}
      <Retour
        key="retour-recalculer"
        commande={commande}
        action="planning-recalculer"
        enCours="Calcul du rétroplanning…"
      />
      <Retour
        key="retour-ecrire"
        commande={commande}
        action="planning-ecrire"
        enCours="Écriture des feuilles de planning…"
      />
      {/* A write message about a previous result (a request failed since, or the fields changed) is not left shown. */}
      {message && !perime && message.parametres === parametres && (
        <Text key="message" data-testid={IDS_PLANNING.message}>
          {message.texte}
        </Text>
      )}
      {apercu && apercu.etapes.length > 0 && (
        <>
          <Text data-testid={IDS_PLANNING.critique}>Chemin critique : {apercu.cheminCritique.join(" → ")}</Text>
          <TableauAdaptatif
            testId={IDS_PLANNING.etapes}
            titre="Étapes"
            lignes={apercu.etapes}
            cle={(e) => e.nom}
            colonnes={COLONNES_ETAPES}
            seuil={420}
            classeLigne={(e) => (e.critique ? styles.critique : undefined)}
            marque={(e) => (e.critique ? <Badge appearance="outline">critique</Badge> : null)}
          />
        </>
      )}
      {apercu && apercu.controles.length > 0 && (
        // What the « Temps de travail » count is about, here (each finding selects its cell), not only in the sheet.
        <ConstatsCliquables
          elements={constatsAffiches(apercu.controles)}
          onAller={(cellule) => navigation.lancer(() => envoyer("selectionnerCellule", { cellule }), "planning-aller")}
          etiquette="Temps de travail du plan de travail"
          testId={IDS_PLANNING.constats}
          testIdElement={IDS_PLANNING.constat}
        />
      )}
      {apercu && apercu.controles.length > 0 && (
        <Retour commande={navigation} action="planning-aller" enCours="Sélection de la cellule…" flottant />
      )}
      {apercu && apercu.propositions.length > 0 && (
        <>
          <Subtitle2>Quantités du devis proposées d'après le plan de travail</Subtitle2>
          <Caption1>Cochez les changements à appliquer : seules les feuilles de Prodbook sont réécrites.</Caption1>
          <TableauAdaptatif
            testId={IDS_PLANNING.propositions}
            titre="Quantités proposées"
            lignes={apercu.propositions}
            cle={(p) => p.ligneId}
            // Four equal columns under 560 px leave the checkbox's label a column where « Réalisateur » breaks: cards.
            seuil={560}
            colonnes={[
              {
                id: "ligne",
                titre: "Ligne",
                valeur: (p) =>
                  dejaAppliquee(p) ? (
                    // Said in words, not by a colour or a greyed box: applied, with the quantity written.
                    <Text data-testid={IDS_PLANNING.propositionAppliquee(apercu.propositions.indexOf(p))}>
                      {p.libelle} : <strong>appliquée</strong> ({quantite(p.nouvelleQuantite, p.unite)})
                    </Text>
                  ) : appliquees.has(p.ligneId) ? (
                    // Applied before, the plan proposes another quantity since: the quantity applied → the new one.
                    <Checkbox
                      checked={choisies.has(p.ligneId)}
                      onChange={() => basculer(p.ligneId)}
                      label={
                        <span data-testid={IDS_PLANNING.propositionAMettreAJour(apercu.propositions.indexOf(p))}>
                          {p.libelle} : <strong>à mettre à jour</strong> (feuille Devis de Prodbook{"\u00a0"}:{" "}
                          {quantite(appliquees.get(p.ligneId)!, p.unite)} → {quantite(p.nouvelleQuantite, p.unite)})
                        </span>
                      }
                    />
                  ) : (
                    <Checkbox
                      checked={choisies.has(p.ligneId)}
                      onChange={() => basculer(p.ligneId)}
                      label={p.libelle}
                    />
                  ),
              },
              {
                id: "cellule",
                titre: "Cellule",
                valeur: (p) => <span className={styles.cellule}>{p.cellule ?? ""}</span>,
                // In cards, a long reference (« 'Budget_…'!F40 ») on its own line, wrapping, its label left whole.
                large: true,
              },
              // Both in the line's unit (days or weeks), written the French way (« 2,5 sem. »).
              {
                id: "actuelle",
                titre: "Actuelle",
                valeur: (p) => (p.ancienneQuantite === undefined ? "—" : quantite(p.ancienneQuantite, p.unite)),
                montant: true,
              },
              {
                id: "proposee",
                titre: "Proposée",
                valeur: (p) => quantite(p.nouvelleQuantite, p.unite),
                montant: true,
              },
            ]}
          />
          <Button disabled={occupe || choisies.size === 0} data-testid={IDS_PLANNING.appliquer} onClick={appliquer}>
            {choisies.size ? `Appliquer ${compte(choisies.size, "changement")}` : "Aucun changement coché"}
          </Button>
          <Retour commande={commande} action="planning-appliquer" enCours="Écriture des quantités…" />
          {applique && <Text data-testid={IDS_PLANNING.applique}>{applique}</Text>}
        </>
      )}
      {apercu && (
        <DetailsSources testId={IDS_PLANNING.details}>
          <ul className={styles.liste}>
            {apercu.etapes.length > 0 && (
              <li data-testid={IDS_PLANNING.feries}>
                Dates en jours ouvrés, sans les jours fériés{"\u00a0"}: {apercu.joursFeries ?? "Métropole"}.
                {apercu.sourcesFeries.map((l) => (
                  <Caption1 block key={l.url}>
                    <LienVersTexte lien={l} />
                  </Caption1>
                ))}
              </li>
            )}
            {apercu.feuillePlan ? (
              <li>
                Temps de travail contrôlé sur le plan de travail {guillemets(apercu.feuillePlan)}
                {"\u00a0"}: constats sur cette page, et dans la feuille {guillemets("Plan de travail")} écrite avec les
                feuilles de planning.
              </li>
            ) : (
              <li>Aucun plan de travail dans le classeur{"\u00a0"}: temps de travail non contrôlé.</li>
            )}
          </ul>
          <TextesAppliques textes={apercu.textes} />
        </DetailsSources>
      )}
    </section>
  );
}
