import { Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { saisieAnnee, saisieDuree } from "../../core/money/saisie";
import { guillemets } from "../francais";
import { GENRES, REGIMES, libelle } from "../listes";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";
import type { FormulaireProduction } from "./FormulaireProduction";
import { Infobulle } from "./Infobulle";
import { MessageErreur } from "./MessageErreur";

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
  // Two lines at most while the form is closed, so the sticky header stays small; « Modifier » shows every value.
  resserre: { display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden" },
  bouton: { flexShrink: 0, whiteSpace: "nowrap" },
});

type Formulaire = typeof FormulaireProduction;
let formulaire: Formulaire | undefined;
let chargement: Promise<Formulaire | undefined> | undefined;

/**
 * The form behind « Modifier » (its fields, Fluent's Input, Select, Checkbox and Field) is a chunk of its own, out of
 * the pane's first load (npm run bench): fetched once when the banner is drawn, so it is there before the first click;
 * until it arrives « Modifier » shows « Chargement du formulaire… ». A chunk that cannot be fetched is tried again at
 * the next opening.
 */
function chargerFormulaire(): Promise<Formulaire | undefined> {
  chargement ??= import(/* webpackChunkName: "formulaire-production" */ "./FormulaireProduction").then(
    (m) => (formulaire = m.FormulaireProduction),
    () => {
      chargement = undefined;
      return undefined;
    },
  );
  return chargement;
}

/**
 * The production context in one line under the tabs (« Budget Gardiens · Documentaire · 52 min · 2026 »),
 * with « Modifier » to correct any value; each detected value says where it was read.
 */
export function BandeauProduction() {
  const styles = useStyles();
  const p = useProduction();
  const [ouvert, setOuvert] = React.useState(false);
  const [Formulaire, setFormulaire] = React.useState<Formulaire | undefined>(() => formulaire);
  const [echec, setEchec] = React.useState(false);
  React.useEffect(() => {
    if (Formulaire) return;
    let actif = true;
    setEchec(false);
    void chargerFormulaire().then((f) => {
      if (!actif) return;
      if (f) setFormulaire(() => f);
      else setEchec(true);
    });
    return () => {
      actif = false;
    };
  }, [Formulaire, ouvert]);
  const c = p.contexte;
  // The devis sheet detected is hidden in the workbook: said beside its name, as `devis` says it (feuille-lue).
  const masquee = !!p.detecte?.feuilleDevisMasquee && p.detecte.valeurs.feuilleDevis === c.feuilleDevis;
  // Other sheets that look like a devis, not read: named beside the one read, as every command says it (feuille-lue).
  const autres =
    p.detecte?.valeurs.feuilleDevis === c.feuilleDevis
      ? (p.detecte?.autresFeuillesDevis ?? []).filter((f) => f !== c.feuilleDevis)
      : [];
  const nonLues = autres.length
    ? ` (${autres.length > 1 ? "autres feuilles de devis non lues" : "autre feuille de devis non lue"}\u00a0: ` +
      `${autres.map(guillemets).join(", ")})`
    : "";
  // The shared parser: « 1.500 » minutes is refused under the field (1,5 or 1 500?), as on every page.
  // A value being typed that cannot be read (« 20xx », « cinquante ») is refused under its field and used by no page:
  // the summary does not echo it as if it were the production's.
  const morceaux = [
    c.feuilleDevis ? `${c.feuilleDevis}${masquee ? " (feuille masquée)" : ""}${nonLues}` : "Devis à détecter",
    libelle(GENRES, c.genre),
    c.duree && saisieDuree(c.duree).type === "ok" ? `${c.duree.trim()}\u00a0min` : undefined,
    libelle(REGIMES, c.regime)?.replace(/ \(.*\)$/, ""),
    c.oeuvre === "cinema" && c.annexe3097 ? "Annexe III" : undefined,
    c.annee && saisieAnnee(c.annee).type === "ok" ? c.annee.trim() : undefined,
    c.fec ? `FEC ${c.fec.nom}` : undefined,
  ].filter(Boolean);
  const resume = p.pret ? morceaux.join(" · ") : "Lecture du classeur…";
  return (
    <section className={styles.bandeau} aria-label="Production" data-testid={TEST_IDS.production.bandeau}>
      <div className={styles.resume}>
        {/* Clamped at two lines while the form is closed: its whole text in an infobulle on hover (the text stays
          whole in the page for screen readers; the keyboard has « Modifier », which shows every value). */}
        <Infobulle relation="inaccessible" texte={resume}>
          <Caption1
            className={mergeClasses(styles.texte, !ouvert && styles.resserre)}
            data-testid={TEST_IDS.production.resume}
          >
            {resume}
          </Caption1>
        </Infobulle>
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
      {ouvert &&
        (Formulaire ? (
          <Formulaire masquee={masquee} />
        ) : echec ? (
          <MessageErreur
            erreur={
              "Le formulaire n'a pas pu être chargé\u00a0: vérifiez la connexion, puis cliquez sur " +
              `${guillemets("Fermer")} et ${guillemets("Modifier")}.`
            }
          />
        ) : (
          <Spinner size="tiny" label="Chargement du formulaire…" />
        ))}
    </section>
  );
}
