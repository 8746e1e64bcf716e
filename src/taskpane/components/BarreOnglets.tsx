import { Button, SelectTabData, Tab, TabList, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronLeft16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import * as React from "react";
import { TEST_IDS } from "../testIds";

/** Width the arrows take over each end of the row: a tab scrolled into view is kept clear of them. */
const MARGE_FLECHE = 32;

const useStyles = makeStyles({
  barre: {
    display: "flex",
    alignItems: "center",
    minWidth: 0,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // The tabs' row and its arrows, beside what ends the bar (the help link), which never scrolls away.
  zone: { position: "relative", flexGrow: 1, flexShrink: 1, minWidth: 0 },
  // One row that scrolls sideways (by the arrows, the keyboard, a swipe) instead of four rows of tabs at 320 px.
  defilement: {
    overflowX: "auto",
    overflowY: "hidden",
    scrollbarWidth: "none",
    position: "relative",
    "::-webkit-scrollbar": { display: "none" },
  },
  onglets: { flexWrap: "nowrap", width: "max-content", whiteSpace: "nowrap" },
  fleche: {
    position: "absolute",
    top: 0,
    bottom: 0,
    display: "flex",
    alignItems: "center",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  gauche: { left: 0, boxShadow: `6px 0 6px -4px ${tokens.colorNeutralShadowAmbient}` },
  droite: { right: 0, boxShadow: `-6px 0 6px -4px ${tokens.colorNeutralShadowAmbient}` },
  bouton: { minWidth: "28px", height: "100%" },
});

/** Scrolls `conteneur` so that `e` is in view, clear of the arrows over its ends. */
function montrer(conteneur: HTMLElement, e: HTMLElement): void {
  const gauche = e.offsetLeft - MARGE_FLECHE;
  const droite = e.offsetLeft + e.offsetWidth + MARGE_FLECHE;
  if (gauche < conteneur.scrollLeft) conteneur.scrollLeft = Math.max(0, gauche);
  else if (droite > conteneur.scrollLeft + conteneur.clientWidth) conteneur.scrollLeft = droite - conteneur.clientWidth;
}

/**
 * The pages' tabs on one row, however narrow the pane: the row scrolls sideways, an arrow at each end that has more
 * tabs beyond (« Onglets précédents », « Onglets suivants », for the mouse; the keyboard moves with ← → in the tab
 * list, the tab focused or chosen always brought into view). Every tab keeps its label. `fin` (the help link) stays at
 * the right end of the bar, out of the scrolling row.
 */
export function BarreOnglets({
  pages,
  selection,
  choisir,
  fin,
}: {
  pages: readonly { id: string; titre: string }[];
  selection: string;
  choisir: (id: string) => void;
  fin?: React.ReactNode;
}) {
  const styles = useStyles();
  const conteneur = React.useRef<HTMLDivElement>(null);
  const [bords, setBords] = React.useState({ avant: false, apres: false });

  const mesurer = React.useCallback(() => {
    const c = conteneur.current;
    if (!c) return;
    const avant = c.scrollLeft > 1;
    const apres = c.scrollLeft + c.clientWidth < c.scrollWidth - 1;
    setBords((b) => (b.avant === avant && b.apres === apres ? b : { avant, apres }));
  }, []);

  React.useLayoutEffect(() => {
    const c = conteneur.current;
    if (!c) return;
    mesurer();
    if (typeof ResizeObserver === "undefined") return;
    const o = new ResizeObserver(mesurer);
    o.observe(c);
    if (c.firstElementChild) o.observe(c.firstElementChild);
    return () => o.disconnect();
  }, [mesurer]);

  // The tab chosen (by a click, a page's « voir la page » button) is brought into view. Found by its page, not by
  // aria-selected: the TabList passes the selection to its tabs in a later render, the old tab still carries it here.
  React.useLayoutEffect(() => {
    const c = conteneur.current;
    const t = Array.from(c?.querySelectorAll<HTMLElement>("[data-onglet]") ?? []).find(
      (e) => e.dataset.onglet === selection,
    );
    if (c && t) montrer(c, t);
  }, [selection]);

  const defiler = (sens: 1 | -1) => {
    const c = conteneur.current;
    if (c) c.scrollBy({ left: sens * Math.max(80, c.clientWidth - 2 * MARGE_FLECHE), behavior: "smooth" });
  };

  return (
    <div className={styles.barre}>
      <div className={styles.zone}>
        <div
          ref={conteneur}
          className={styles.defilement}
          data-defilement-horizontal=""
          onScroll={mesurer}
          onFocus={(e) => {
            // From the keyboard only: moved under a mouse button pressed, the row would take the click from the tab.
            const t = e.target;
            if (conteneur.current && t instanceof HTMLElement && t.matches(":focus-visible"))
              montrer(conteneur.current, t);
          }}
        >
          <TabList
            className={styles.onglets}
            selectedValue={selection}
            onTabSelect={(_e, d: SelectTabData) => choisir(String(d.value))}
            size="small"
          >
            {pages.map((p) => (
              <Tab key={p.id} value={p.id} data-onglet={p.id} data-testid={TEST_IDS.onglet(p.id)}>
                {p.titre}
              </Tab>
            ))}
          </TabList>
        </div>
        {/* Out of the Tab order: the arrows of the tab list do the same from the keyboard. */}
        {bords.avant && <Fleche sens={-1} defiler={defiler} />}
        {bords.apres && <Fleche sens={1} defiler={defiler} />}
      </div>
      {fin}
    </div>
  );
}

/** The arrow over one end of the row (« Onglets précédents » at the left, « Onglets suivants » at the right). */
function Fleche({ sens, defiler }: { sens: 1 | -1; defiler: (sens: 1 | -1) => void }) {
  const styles = useStyles();
  const avant = sens === -1;
  return (
    <div className={mergeClasses(styles.fleche, avant ? styles.gauche : styles.droite)}>
      <Button
        appearance="subtle"
        size="small"
        className={styles.bouton}
        icon={avant ? <ChevronLeft16Regular /> : <ChevronRight16Regular />}
        aria-label={avant ? "Onglets précédents" : "Onglets suivants"}
        tabIndex={-1}
        data-testid={avant ? TEST_IDS.ongletsPrecedents : TEST_IDS.ongletsSuivants}
        onClick={() => defiler(sens)}
      />
    </div>
  );
}
