import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { nomEncodage } from "../../core/comptabilite/fec/nomEncodage";
import { compte, dateFr, taille } from "../francais";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";
import {
  ChampAnnee,
  ChampAnnexe3,
  ChampDuree,
  ChampFeuilleDevis,
  ChampGenre,
  ChampHebergement,
  ChampLangue,
  ChampOeuvre,
  ChampRegime,
} from "./ChampsProduction";

const useStyles = makeStyles({
  formulaire: {
    display: "grid",
    // Columns wide enough for a select's longest choice (« International (220 quaterdecies) ») drawn whole: one column
    // in a 320–500 px pane, where two would cut « Documentaire » into « Documenta… ».
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 250px), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  large: { gridColumn: "1 / -1" },
});

/**
 * The production context's fields, opened by « Modifier » in the banner (BandeauProduction); each detected value says
 * where it was read. A chunk of its own, fetched by the banner, so that its fields (Fluent's Input, Select, Checkbox,
 * Field) stay out of the pane's first load. `masquee`: the devis sheet in use is the hidden one that was detected.
 */
export function FormulaireProduction({ masquee }: { masquee: boolean }) {
  const styles = useStyles();
  const p = useProduction();
  const c = p.contexte;
  const source = (champ: "feuilleDevis" | "genre" | "duree") => {
    const d = p.detecte;
    if (!d?.sources[champ] || d.valeurs[champ] !== c[champ]) return undefined;
    if (champ !== "feuilleDevis") return `Lu dans ${d.sources[champ]}.`;
    return (
      "Détectée : son en-tête ressemble à un devis." +
      (masquee ? " Elle est masquée dans le classeur ; si le devis est dans une autre feuille, choisissez-la." : "")
    );
  };
  const etat =
    p.enregistrement === "session"
      ? "Gardé pour cette session : ce classeur ne peut pas enregistrer de réglages."
      : p.enregistrement === "erreur"
        ? "Non enregistré dans le classeur (erreur d'enregistrement)."
        : p.enregistrement === "en-cours"
          ? "Enregistrement dans le classeur…"
          : "Enregistré dans le classeur (invisible dans ses feuilles).";
  return (
    <div className={styles.formulaire} data-testid={TEST_IDS.production.formulaire}>
      <ChampFeuilleDevis id={TEST_IDS.production.feuille} hint={source("feuilleDevis")} className={styles.large} />
      <ChampGenre id={TEST_IDS.production.genre} hint={source("genre")} />
      <ChampDuree id={TEST_IDS.production.duree} hint={source("duree")} />
      <ChampOeuvre id={TEST_IDS.production.oeuvre} />
      <ChampRegime id={TEST_IDS.production.regime} />
      <ChampAnnee id={TEST_IDS.production.annee} />
      <ChampHebergement id={TEST_IDS.production.hebergement} />
      <ChampLangue id={TEST_IDS.production.langue} />
      <ChampAnnexe3 id={TEST_IDS.production.annexe3} className={styles.large} />
      <Caption1 className={styles.large} data-testid={TEST_IDS.production.fec}>
        {c.fec
          ? `Grand livre : ${c.fec.nom} (${taille(c.fec.octets)}, ${nomEncodage(c.fec.encodage)}, ${compte(c.fec.lignes, "ligne")}` +
            `${c.fec.chargeLe ? `, chargé le ${dateFr(c.fec.chargeLe)}` : ""}).`
          : "Aucun grand livre chargé (page Écarts)."}
        {c.correspondances
          ? ` ${compte(c.correspondances.length, "correspondance")} ` +
            `${c.correspondances.length >= 2 ? "modifiées, non enregistrées" : "modifiée, non enregistrée"}.`
          : ""}
      </Caption1>
      <Caption1 className={styles.large} data-testid={TEST_IDS.production.enregistrement}>
        {etat}
      </Caption1>
    </div>
  );
}
