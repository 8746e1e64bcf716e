import { Badge, Button, Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { envoyer } from "../../app/catalogue";
import type { Constat, Gravite } from "../../core/controles/constat";
import { Retour } from "../components/Retour";
import { compte } from "../francais";
import { useCommande } from "../components/useCommande";
import { useEtat } from "../etat";
import { optionsDevisDe } from "../listes";
import { useProduction } from "../production";
import { TEST_IDS } from "../testIds";

const GROUPES: { gravite: Gravite; titre: string; couleur: "danger" | "warning" | "informative" }[] = [
  { gravite: "erreur", titre: "Erreurs", couleur: "danger" },
  { gravite: "alerte", titre: "Alertes", couleur: "warning" },
  { gravite: "info", titre: "Informations", couleur: "informative" },
];

const useStyles = makeStyles({
  liste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  groupe: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  constat: {
    display: "block",
    textAlign: "left",
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  sansCellule: { cursor: "default" },
  cellule: { color: tokens.colorBrandForeground1, fontFamily: tokens.fontFamilyMonospace },
});

export function Controles() {
  const styles = useStyles();
  const etat = useEtat();
  const production = useProduction();
  const commande = useCommande();
  const { occupe, lancer } = commande;
  const constats = etat.constats;

  const relancer = () =>
    lancer(
      async () => {
        // The production as it is now (sheet, genre, duration chosen on any page).
        const o = optionsDevisDe(production.contexte);
        const r = await envoyer("analyserDevis", o);
        etat.definirConstats(r.constats, o);
        return r.constats;
      },
      "controles-lancer",
      (cs) => (cs.length ? `${compte(cs.length, "constat")}.` : "Aucun constat."),
    );
  const aller = (c: Constat) =>
    c.cellule && lancer(() => envoyer("selectionnerCellule", { cellule: c.cellule as string }), "controles-aller");

  let index = 0;
  return (
    <section className={styles.liste} aria-label="Contrôles du devis">
      <Button data-testid={TEST_IDS.controles.lancer} onClick={relancer} disabled={occupe}>
        {constats ? "Relancer les contrôles" : "Lancer les contrôles"}
      </Button>
      <Retour commande={commande} action="controles-lancer" enCours="Contrôle du devis…" />
      <Retour commande={commande} action="controles-aller" enCours="Sélection de la cellule…" />
      {!constats && <Text>Analysez un devis (page Structurer) ou lancez les contrôles.</Text>}
      {constats && constats.length === 0 && (
        <Text data-testid={TEST_IDS.controles.vide}>Aucun constat : le devis passe tous les contrôles.</Text>
      )}
      {constats && constats.length > 0 && (
        <div className={styles.liste} data-testid={TEST_IDS.controles.liste}>
          {GROUPES.map((g) => {
            const dugroupe = constats.filter((c) => c.gravite === g.gravite);
            if (dugroupe.length === 0) return null;
            return (
              <div key={g.gravite} className={styles.groupe} data-testid={TEST_IDS.controles.groupe(g.gravite)}>
                <Subtitle2>
                  {g.titre} <Badge color={g.couleur}>{dugroupe.length}</Badge>
                </Subtitle2>
                {dugroupe.map((c) => {
                  const i = index++;
                  return (
                    <button
                      key={i}
                      type="button"
                      className={mergeClasses(styles.constat, !c.cellule && styles.sansCellule)}
                      data-testid={TEST_IDS.controles.constat(i)}
                      title={c.cellule ? `Aller à ${c.cellule}` : undefined}
                      onClick={() => aller(c)}
                    >
                      <Text block>{c.message}</Text>
                      <Caption1>
                        {c.regle}
                        {c.cellule && (
                          <>
                            {" · "}
                            <span className={styles.cellule}>{c.cellule}</span>
                          </>
                        )}
                      </Caption1>
                    </button>
                  );
                })}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
