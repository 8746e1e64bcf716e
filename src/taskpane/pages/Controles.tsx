import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import { ConstatsCliquables, constatsAffiches } from "../components/ConstatsCliquables";
import { ChiffreExplicable, PanneauTrace, useExplication } from "../components/DouVientCeChiffre";
import { Retour } from "../components/Retour";
import { DetailsSources } from "../components/DetailsSources";
import { TextesAppliques } from "../components/TextesAppliques";
import { compte } from "../francais";
import { useCommande } from "../components/useCommande";
import { useEtat } from "../etat";
import { optionsDevisDe } from "../listes";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const useStyles = makeStyles({
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function Controles() {
  const styles = useStyles();
  const etat = useEtat();
  const production = useProduction();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const constats = etat.constats;
  const traces = etat.tracesConstats;
  // New findings: the open tree was another run's.
  const explication = useExplication(constats);
  const aller = (cellule: string) => lancer(() => envoyer("selectionnerCellule", { cellule }), "controles-aller");
  const elements = constatsAffiches(constats ?? []).map((e, i) => {
    const trace = traces?.[i];
    if (!trace) return e;
    const cle = `constat-${i}`;
    return {
      ...e,
      // « D'où vient ce chiffre ? » under the finding (a salary under its minimum), its tree right below it.
      suite: (
        <>
          <div>
            <ChiffreExplicable
              cle={cle}
              trace={trace}
              explication={explication}
              testId={TEST_IDS.controles.explication(i)}
            >
              D'où vient ce chiffre{"\u202f"}?
            </ChiffreExplicable>
          </div>
          {explication.ouverte?.cle === cle && <PanneauTrace explication={explication} onAller={aller} />}
        </>
      ),
    };
  });

  const relancer = () =>
    lancer(
      async () => {
        // The production as it is now (sheet, genre, duration chosen on any page), with each finding's tree.
        const o = { ...optionsDevisDe(production.contexte, production.detecte), explique: true };
        const r = await envoyer("analyserDevis", o);
        etat.definirConstats(r.constats, o, r.explications?.constats, r.textes);
        return r.constats;
      },
      "controles-lancer",
      (cs) => (cs.length ? `${compte(cs.length, "constat")}.` : "Aucun constat."),
    );

  return (
    <section className={styles.liste} aria-label="Contrôles du devis">
      <Button data-testid={TEST_IDS.controles.lancer} onClick={relancer} disabled={occupe}>
        {constats ? "Relancer les contrôles" : "Lancer les contrôles"}
      </Button>
      <Retour commande={commande} action="controles-lancer" resultat enCours="Contrôle du devis…" />
      {/* The invitation only before a first run: after a failed one, the error under the button says what to do. */}
      {!constats && !commande.erreur && !occupe && (
        <Text data-testid={TEST_IDS.controles.invitation}>
          Analysez un devis (page Structurer) ou lancez les contrôles.
        </Text>
      )}
      {constats && constats.length === 0 && (
        <Text data-testid={TEST_IDS.controles.vide}>Aucun constat{"\u00a0"}: le devis passe tous les contrôles.</Text>
      )}
      {constats && constats.length > 0 && (
        <ConstatsCliquables
          elements={elements}
          onAller={aller}
          etiquette="Constats du devis"
          testId={TEST_IDS.controles.liste}
          testIdGroupe={TEST_IDS.controles.groupe}
          testIdElement={TEST_IDS.controles.constat}
        />
      )}
      {/* The rule tables the checks read (grids, accord, SMIC…), each with its version and text, closed by default. */}
      {constats && !!etat.textesConstats?.length && (
        <DetailsSources testId={TEST_IDS.controles.details}>
          <TextesAppliques textes={etat.textesConstats} />
        </DetailsSources>
      )}
      {/* After the findings: a selection's wait or error held at the bottom of the pane, under what was clicked. */}
      <Retour commande={commande} action="controles-aller" enCours="Sélection de la cellule…" flottant />
    </section>
  );
}
