import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { LangueOeuvre, RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { compte, dateFr, taille } from "../francais";
import { GENRES, HEBERGEMENTS, LANGUES, OEUVRES, REGIMES, anneeCourante, libelle, oeuvreDe, regimeDe } from "../listes";
import { saisieAnnee, saisieDuree } from "../../core/money/saisie";
import { useProduction } from "../production";
import { useChamp } from "./useChamp";
import { TEST_IDS } from "../testIds";
import { ChoixFeuilleDevis } from "./ChoixFeuille";

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
  // The shared parser: « 1.500 » minutes is refused under the field (1,5 or 1 500?), as on every page.
  const champDuree = useChamp(c.duree ?? "", saisieDuree);
  const champAnnee = useChamp(c.annee ?? anneeCourante(), saisieAnnee);
  const morceaux = [
    c.feuilleDevis ?? "devis à détecter",
    libelle(GENRES, c.genre),
    c.duree ? `${c.duree}\u00a0min` : undefined,
    libelle(REGIMES, c.regime)?.replace(/ \(.*\)$/, ""),
    c.annee,
    c.fec ? `FEC ${c.fec.nom}` : undefined,
  ].filter(Boolean);
  const source = (champ: "feuilleDevis" | "genre" | "duree") => {
    const d = p.detecte;
    if (!d?.sources[champ] || d.valeurs[champ] !== c[champ]) return undefined;
    return champ === "feuilleDevis" ? "Détectée : son en-tête ressemble à un devis." : `Lu dans ${d.sources[champ]}.`;
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
          aria-expanded={ouvert}
          data-testid={TEST_IDS.production.modifier}
          onClick={() => setOuvert((o) => !o)}
        >
          {ouvert ? "Fermer" : "Modifier"}
        </Button>
      </div>
      {ouvert && (
        <div className={styles.formulaire} data-testid={TEST_IDS.production.formulaire}>
          <Field label="Feuille du devis" hint={source("feuilleDevis")} className={styles.large}>
            <ChoixFeuilleDevis
              id={TEST_IDS.production.feuille}
              valeur={c.feuilleDevis ?? ""}
              onChange={(f) => p.modifier({ feuilleDevis: f || undefined })}
            />
          </Field>
          <Field label="Genre" hint={source("genre")}>
            <Select
              data-testid={TEST_IDS.production.genre}
              value={c.genre ?? ""}
              onChange={(_e, d) => p.modifier({ genre: (d.value || undefined) as Genre | undefined })}
            >
              <option value="">Non précisé</option>
              {GENRES.map((g) => (
                <option key={g.valeur} value={g.valeur}>
                  {g.libelle}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Durée (minutes)" hint={source("duree")} {...champDuree.field}>
            <Input
              {...champDuree.input}
              data-testid={TEST_IDS.production.duree}
              value={c.duree ?? ""}
              inputMode="decimal"
              onChange={(_e, d) => p.modifier({ duree: d.value || undefined })}
            />
          </Field>
          <Field label="Type d'œuvre">
            <Select
              value={oeuvreDe(c)}
              onChange={(_e, d) => p.modifier({ oeuvre: d.value as TypeOeuvre })}
              data-testid={TEST_IDS.production.oeuvre}
            >
              {OEUVRES.map((o) => (
                <option key={o.valeur} value={o.valeur}>
                  {o.libelle}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Crédit d'impôt">
            <Select
              value={regimeDe(c)}
              onChange={(_e, d) => p.modifier({ regime: d.value as RegimeCredit })}
              data-testid={TEST_IDS.production.regime}
            >
              {REGIMES.map((r) => (
                <option key={r.valeur} value={r.valeur}>
                  {r.libelle}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Année des dépenses" {...champAnnee.field}>
            <Input
              {...champAnnee.input}
              data-testid={TEST_IDS.production.annee}
              value={c.annee ?? anneeCourante()}
              inputMode="numeric"
              onChange={(_e, d) => p.modifier({ annee: d.value })}
            />
          </Field>
          <Field label="Hébergement">
            <Select
              value={c.hebergement ?? "ailleurs"}
              onChange={(_e, d) => p.modifier({ hebergement: d.value as "ailleurs" | "paris" })}
              data-testid={TEST_IDS.production.hebergement}
            >
              {HEBERGEMENTS.map((h) => (
                <option key={h.valeur} value={h.valeur}>
                  {h.libelle}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Langue de l'œuvre">
            <Select
              value={c.langue ?? ""}
              onChange={(_e, d) => p.modifier({ langue: (d.value || undefined) as LangueOeuvre | undefined })}
              data-testid={TEST_IDS.production.langue}
            >
              <option value="">Non renseignée</option>
              {LANGUES.map((l) => (
                <option key={l.valeur} value={l.valeur}>
                  {l.libelle}
                </option>
              ))}
            </Select>
          </Field>
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
