import { makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { BandeauProduction } from "./components/BandeauProduction";
import { BarreOnglets } from "./components/BarreOnglets";
import { chargerTooltip } from "./components/Infobulle";
import { LienAide } from "./components/LienAide";
import { PageDifferee } from "./components/PageDifferee";
import { chargerBarre } from "./components/Retour";
import { EtatProvider } from "./etat";
import { NavigationContexte } from "./navigation";
import { PAGES } from "./pages";
import { ProductionProvider } from "./production";
import { useStylesGlobaux } from "./stylesGlobaux";
import { TEST_IDS } from "./testIds";

const useStyles = makeStyles({
  racine: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // The tabs and the production line stay in view on long results.
  entete: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  page: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

/** Room kept above what the focus reaches, under the sticky header: the header's bottom and a little air. */
const AIR_SOUS_ENTETE = 8;

/**
 * What the keyboard focuses (Shift+Tab up a long page, Tab to a button scrolled under the tabs) is scrolled into view
 * below the sticky header, not under it: the document's scroll-padding-top follows the header's height (one or two
 * production lines, the production form open).
 */
function useDefilementSousEntete(entete: React.RefObject<HTMLElement>) {
  React.useLayoutEffect(() => {
    const e = entete.current;
    if (!e) return;
    const racine = e.ownerDocument.documentElement;
    const mesurer = () => {
      racine.style.scrollPaddingTop = `${Math.ceil(e.getBoundingClientRect().height) + AIR_SOUS_ENTETE}px`;
    };
    mesurer();
    if (typeof ResizeObserver === "undefined") return;
    const o = new ResizeObserver(mesurer);
    o.observe(e);
    return () => o.disconnect();
  }, [entete]);
}

export function App() {
  useStylesGlobaux();
  const styles = useStyles();
  const entete = React.useRef<HTMLElement>(null);
  useDefilementSousEntete(entete);
  const [pageId, setPageId] = React.useState(PAGES[0].id);
  // Pages stay mounted once visited (hidden when another tab is chosen): fields, previews and results survive.
  const [visitees, setVisitees] = React.useState<Set<string>>(() => new Set([PAGES[0].id]));
  // The infobulles' Tooltip and the progress bar, out of the first load, fetched once the pane is drawn.
  React.useEffect(() => {
    void chargerTooltip();
    void chargerBarre();
  }, []);
  const aller = React.useCallback((id: string) => {
    if (!PAGES.some((p) => p.id === id)) return;
    setPageId(id);
    setVisitees((v) => (v.has(id) ? v : new Set(v).add(id)));
  }, []);
  return (
    <ProductionProvider>
      <EtatProvider>
        <NavigationContexte.Provider value={aller}>
          <div className={styles.racine} data-testid={TEST_IDS.app}>
            <header className={styles.entete} ref={entete}>
              <BarreOnglets pages={PAGES} selection={pageId} choisir={aller} fin={<LienAide />} />
              <BandeauProduction />
            </header>
            {PAGES.filter((p) => visitees.has(p.id)).map((p) => {
              const Composant = p.composant;
              return (
                <main
                  key={p.id}
                  className={styles.page}
                  hidden={p.id !== pageId}
                  style={p.id !== pageId ? { display: "none" } : undefined}
                  aria-label={p.titre}
                  data-testid={TEST_IDS.page(p.id)}
                >
                  <PageDifferee titre={p.titre}>
                    <Composant />
                  </PageDifferee>
                </main>
              );
            })}
          </div>
        </NavigationContexte.Provider>
      </EtatProvider>
    </ProductionProvider>
  );
}
