import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { saisieAnnee, saisieDuree } from "../../core/money/saisie";
import { compte, dateFr, taille } from "../francais";
import { GENRES, REGIMES, libelle } from "../listes";
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
  bandeau: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  resume: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  texte: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  bouton: { flexShrink: 0, whiteSpace: "nowrap" },
  formulaire: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 130px), 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  large: { gridColumn: "1 / -1" },
});

/**
 * The production context in one line under the tabs (« Budget Gardiens · Documentaire · 52 min · 2026 »),
 * with « Modifier » to correct any value; each detected value says where it was read.
 */
export function BandeauProduction() {
  const styles = useStyles();
  const p = useProduction();
  const [ouvert, setOuvert] = React.useState(false);
  const c = p.contexte;
  // The devis sheet detected is hidden in the workbook: said beside its name, as `devis` says it (feuille-lue).
  const masquee = !!p.detecte?.feuilleDevisMasquee && p.detecte.valeurs.feuilleDevis === c.feuilleDevis;
  // The shared parser: « 1.500 » minutes is refused under the field (1,5 or 1 500?), as on every page.
  // A value being typed that cannot be read (« 20xx », « cinquante ») is refused under its field and used by no page:
  // the summary does not echo it as if it were the production's.
  const morceaux = [
    c.feuilleDevis ? `${c.feuilleDevis}${masquee ? " (feuille masquée)" : ""}` : "Devis à détecter",
    libelle(GENRES, c.genre),
    c.duree && saisieDuree(c.duree).type === "ok" ? `${c.duree.trim()}\u00a0min` : undefined,
    libelle(REGIMES, c.regime)?.replace(/ \(.*\)$/, ""),
    c.oeuvre === "cinema" && c.annexe3097 ? "Annexe III" : undefined,
    c.annee && saisieAnnee(c.annee).type === "ok" ? c.annee.trim() : undefined,
    c.fec ? `FEC ${c.fec.nom}` : undefined,
  ].filter(Boolean);
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
    <section className={styles.bandeau} aria-label="Production" data-testid={TEST_IDS.production.bandeau}>
      <div className={styles.resume}>
        <Caption1 className={styles.texte} data-testid={TEST_IDS.production.resume}>
          {p.pret ? morceaux.join(" · ") : "Lecture du classeur…"}
        </Caption1>
        <Button
          size="small"
          appearance="subtle"
          className={styles.bouton}
          aria-expanded={ouvert}
          data-testid={TEST_IDS.production.modifier}
          onClick={() => setOuvert((o) => !o)}
        >
          {ouvert ? "Fermer" : "Modifier"}
        </Button>
      </div>
      {ouvert && (
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
              ? `Grand livre : ${c.fec.nom} (${taille(c.fec.octets)}, ${c.fec.encodage}, ${compte(c.fec.lignes, "ligne")}` +
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
      )}
    </section>
  );
}
