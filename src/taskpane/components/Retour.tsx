import { ProgressBar, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { CACHE_VISUELLEMENT } from "../stylesGlobaux";
import { TEST_IDS } from "../testIds";
import { MessageErreur } from "./MessageErreur";
import type { Commande } from "./useCommande";

const useStyles = makeStyles({
  retour: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  cache: CACHE_VISUELLEMENT,
});

/**
 * The feedback of one action, placed right under its button: a labelled spinner (or progress bar) while it
 * runs, its error scrolled into view when it fails, and what it produced announced to screen readers.
 */
export function Retour({
  commande,
  action = "principale",
  enCours,
  testId,
  progressionTestId,
}: {
  commande: Commande;
  action?: string;
  /** « Lecture du classeur… » */
  enCours: string;
  testId?: string;
  /** data-testid of the progress bar (browser tests follow its aria-valuenow). */
  progressionTestId?: string;
}) {
  const styles = useStyles();
  const ici = commande.action === action;
  const erreur = ici && !commande.occupe ? commande.erreur : undefined;
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (erreur) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [erreur]);
  const p = ici && commande.occupe ? commande.progression : undefined;
  return (
    <div className={styles.retour} ref={ref} data-testid={testId ?? TEST_IDS.retour(action)}>
      {ici && commande.occupe && !p && <Spinner size="tiny" labelPosition="after" label={enCours} />}
      {p && (
        <>
          <Text size={200} data-testid={TEST_IDS.progressionLibelle}>
            {p.libelle}
            {p.valeur !== undefined ? ` ${Math.floor(p.valeur * 100)}\u00a0%` : ""}
          </Text>
          <ProgressBar value={p.valeur} thickness="large" aria-label={p.libelle} data-testid={progressionTestId} />
        </>
      )}
      <MessageErreur erreur={erreur} />
      <div className={styles.cache} aria-live="polite" role="status">
        {ici && commande.annonce?.action === action ? commande.annonce.texte : ""}
      </div>
    </div>
  );
}
