import { makeStyles, SelectTabData, Tab, TabList, tokens } from "@fluentui/react-components";
import * as React from "react";
import { EtatProvider } from "./etat";
import { PAGES } from "./pages";
import { TEST_IDS } from "./testIds";

const useStyles = makeStyles({
  racine: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  onglets: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: "wrap" },
  page: { padding: tokens.spacingHorizontalM, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function App() {
  const styles = useStyles();
  const [pageId, setPageId] = React.useState(PAGES[0].id);
  const page = PAGES.find((p) => p.id === pageId) ?? PAGES[0];
  const Composant = page.composant;
  return (
    <EtatProvider>
      <div className={styles.racine} data-testid={TEST_IDS.app}>
        <TabList
          className={styles.onglets}
          selectedValue={pageId}
          onTabSelect={(_e, d: SelectTabData) => setPageId(String(d.value))}
          size="small"
        >
          {PAGES.map((p) => (
            <Tab key={p.id} value={p.id} data-testid={TEST_IDS.onglet(p.id)}>
              {p.titre}
            </Tab>
          ))}
        </TabList>
        <main className={styles.page}>
          <Composant />
        </main>
      </div>
    </EtatProvider>
  );
}
