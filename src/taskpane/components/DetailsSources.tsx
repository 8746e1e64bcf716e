import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  panneau: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
});

/**
 * « Détails et sources »: the technical detail of a page (sources, parameters, « à vérifier »), closed by
 * default under the headline figures, opened by click or keyboard (Fluent Accordion).
 */
export function DetailsSources({
  children,
  testId,
  titre = "Détails et sources",
}: {
  children: React.ReactNode;
  testId?: string;
  titre?: string;
}) {
  const styles = useStyles();
  return (
    <Accordion collapsible data-testid={testId}>
      <AccordionItem value="details">
        <AccordionHeader size="small">{titre}</AccordionHeader>
        <AccordionPanel>
          <div className={styles.panneau}>{children}</div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
