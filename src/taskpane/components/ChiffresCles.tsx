import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";

const useStyles = makeStyles({
  liste: { display: "flex", flexDirection: "column", gap: "2px", margin: 0 },
  chiffre: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  terme: { minWidth: 0 },
  valeur: { marginLeft: "auto", marginRight: 0, textAlign: "right", whiteSpace: "nowrap" },
  // A long sentence (« coût inconnu : … ») wraps under its label instead of running out of the pane, its lines
  // aligned on the left as a paragraph (right-aligned, each line started elsewhere); on one line it stays on the right.
  texte: { whiteSpace: "normal", overflowWrap: "anywhere", textAlign: "left" },
  fort: { fontWeight: tokens.fontWeightSemibold },
});

/** The headline figures of a page, first under its actions: a description list, label left, figure right. */
export function ChiffresCles({
  children,
  testId,
  refListe,
}: {
  children: React.ReactNode;
  testId?: string;
  refListe?: React.Ref<HTMLDListElement>;
}) {
  return (
    <dl className={useStyles().liste} data-testid={testId} ref={refListe}>
      {children}
    </dl>
  );
}

/** One headline figure; `fort` for the one the page is about; `texte` when the value is a sentence. */
export function ChiffreCle({
  terme,
  children,
  fort = false,
  texte = false,
  testId,
}: {
  terme: React.ReactNode;
  children: React.ReactNode;
  fort?: boolean;
  texte?: boolean;
  testId?: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.chiffre}>
      <dt className={mergeClasses(styles.terme, fort && styles.fort)}>{terme}</dt>
      <dd className={mergeClasses(styles.valeur, texte && styles.texte, fort && styles.fort)} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
