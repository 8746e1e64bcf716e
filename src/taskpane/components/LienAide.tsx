import { Button, makeStyles } from "@fluentui/react-components";
import { QuestionCircle20Regular } from "@fluentui/react-icons";
import * as React from "react";
import { TEST_IDS } from "../testIds";
import { Infobulle } from "./Infobulle";

/** The help page, beside the pane (copied there by the build): the header's « ? » and the dashboard's details open it. */
export const URL_AIDE = "aide.html";

const useStyles = makeStyles({ bouton: { flexShrink: 0, minWidth: "32px" } });

/**
 * « Aide de Prodbook » from every page: a « ? » at the end of the tab row (a link, reached by Tab after the tabs),
 * opening the help page in a new window; its name in an infobulle on hover and on focus.
 */
export function LienAide() {
  const styles = useStyles();
  return (
    <Infobulle texte="Aide de Prodbook (nouvelle fenêtre)" relation="label">
      <Button
        as="a"
        href={URL_AIDE}
        target="_blank"
        rel="noopener noreferrer"
        appearance="subtle"
        size="small"
        className={styles.bouton}
        icon={<QuestionCircle20Regular />}
        data-testid={TEST_IDS.aide}
      />
    </Infobulle>
  );
}
