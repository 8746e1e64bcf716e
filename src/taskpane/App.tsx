import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
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
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  collant: { position: "sticky", top: 0 },
  page: {
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // Focused by a link or button of another page (allerDepuisPage): the page is named to screen readers, not framed.
    ":focus": { outlineStyle: "none" },
  },
});

/** Room kept above what the focus reaches, under the sticky header: the header's bottom and a little air. */
const AIR_SOUS_ENTETE = 8;
/** Past this share of the pane's height, the header is not held at the top: it would cover the page under it. */
const PART_MAX_ENTETE = 0.5;

/**
 * Whether the header (tabs and production line) is held at the top of the pane: yes while it takes at most half of
 * its height; taller (the production form open in a low pane), it scrolls with the page, so that neither the end of
 * the form nor the page under it is out of reach. While held, what the keyboard focuses (Shift+Tab up a long page,
 * Tab to a button scrolled under the tabs) is scrolled into view below it, not under it: the document's
 * scroll-padding-top follows the header's height.
 */
function useEnteteCollant(entete: React.RefObject<HTMLElement>): boolean {
  const [collant, setCollant] = React.useState(true);
  React.useLayoutEffect(() => {
    const e = entete.current;
    if (!e) return;
    const racine = e.ownerDocument.documentElement;
    const fenetre = e.ownerDocument.defaultView;
    const mesurer = () => {
      const hauteur = Math.ceil(e.getBoundingClientRect().height);
      const oui = !fenetre || hauteur <= fenetre.innerHeight * PART_MAX_ENTETE;
      racine.style.scrollPaddingTop = oui ? `${hauteur + AIR_SOUS_ENTETE}px` : "";
      setCollant(oui);
    };
    mesurer();
    fenetre?.addEventListener("resize", mesurer);
    const o = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(mesurer);
    o?.observe(e);
    return () => {
      fenetre?.removeEventListener("resize", mesurer);
      o?.disconnect();
    };
  }, [entete]);
  return collant;
}

export function App() {
  useStylesGlobaux();
  const styles = useStyles();
  const entete = React.useRef<HTMLElement>(null);
  const collant = useEnteteCollant(entete);
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
  // A page opened from another page (a dashboard block's button, « voir la page Contrôles »): the focus follows into
  // it, not left on the button now hidden (the document's body, where the next Tab starts again from the top).
  const aFocaliser = React.useRef<string | null>(null);
  const allerDepuisPage = React.useCallback(
    (id: string) => {
      aFocaliser.current = id;
      aller(id);
    },
    [aller],
  );
  React.useEffect(() => {
    if (aFocaliser.current !== pageId) return;
    aFocaliser.current = null;
    document.querySelector<HTMLElement>(`[data-testid="${TEST_IDS.page(pageId)}"]`)?.focus({ preventScroll: true });
  }, [pageId]);
  return (
    <ProductionProvider>
      <EtatProvider>
        <NavigationContexte.Provider value={allerDepuisPage}>
          <div className={styles.racine} data-testid={TEST_IDS.app}>
            <header className={mergeClasses(styles.entete, collant && styles.collant)} ref={entete}>
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
                  tabIndex={-1}
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
