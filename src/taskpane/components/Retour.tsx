import { Spinner, Text, makeStyles, mergeClasses, tokens, type ProgressBarProps } from "@fluentui/react-components";
import * as React from "react";
import { CACHE_VISUELLEMENT } from "../stylesGlobaux";
import { TEST_IDS } from "../testIds";
import { MessageErreur, texteErreur } from "./MessageErreur";
import type { Commande } from "./useCommande";

const useStyles = makeStyles({
  retour: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Held at the bottom of the visible pane while its page is in view: seen without scrolling away from the click.
  flottant: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  flottantPlein: { paddingBlock: tokens.spacingVerticalXS },
  cache: CACHE_VISUELLEMENT,
});

type ComposantBarre = React.ComponentType<ProgressBarProps>;
let composantBarre: ComposantBarre | undefined;
let chargementBarre: Promise<ComposantBarre | undefined> | undefined;

/** Fetches the progress bar's chunk (once): called by the pane once drawn (App), so it is there before a long action. */
export function chargerBarre(): Promise<ComposantBarre | undefined> {
  chargementBarre ??= import(/* webpackChunkName: "barre-progression" */ "./barreProgression").then(
    (m) => (composantBarre = m.ProgressBar as ComposantBarre),
    // Chunk not fetched (the pane's files unreachable): the progress is still said in words above the bar's place.
    () => undefined,
  );
  return chargementBarre;
}

/** Fluent's ProgressBar once its chunk is there (at once, in practice: App fetches it when the pane is drawn). */
function BarreProgression(props: ProgressBarProps) {
  const [Barre, setBarre] = React.useState<ComposantBarre | undefined>(() => composantBarre);
  React.useEffect(() => {
    if (Barre) return;
    let actif = true;
    void chargerBarre().then((b) => actif && b && setBarre(() => b));
    return () => {
      actif = false;
    };
  }, [Barre]);
  return Barre ? <Barre {...props} /> : null;
}

/** How much of a result must be in view after its action: its title and first headline figures. */
const LIGNES_DU_RESULTAT = 160;

/** Bottom of the pane's sticky header (tabs and production line), which hides what scrolls under it. */
export function basEntete(e: Element): number {
  return e.ownerDocument.querySelector("header")?.getBoundingClientRect().bottom ?? 0;
}

/**
 * Once the page has painted what the action produced: if `e` (the feedback, with `suite` the first lines of the
 * result after it) is not wholly in the visible part of the pane, scroll just enough to show it, never so far that
 * its top goes under the sticky header. Nothing moves when it is already in view.
 */
function montrerLaSuite(e: HTMLElement | null, suite: boolean) {
  const montrer = () => {
    // Not laid out (its page is hidden, another tab chosen meanwhile): nothing to show, nothing to scroll.
    if (!e || e.getClientRects().length === 0) return;
    const r = e.getBoundingClientRect();
    const haut = basEntete(e);
    const bas = window.innerHeight;
    // What must be seen: the feedback itself, and with a result the first lines (its headline) after it.
    const fin = suite ? r.bottom + LIGNES_DU_RESULTAT : r.bottom;
    if (r.top >= haut && fin <= bas) return;
    // As little as needed (the button pressed stays in view when it can), never past the feedback's top.
    window.scrollBy({ top: r.top < haut ? r.top - haut - 8 : Math.min(fin - bas + 8, r.top - haut - 8) });
  };
  // Once painted, and again once Fluent has measured its message bars (a long one is laid out on one line
  // first, then wrapped): the second pass moves nothing when the first was right, nor when the user has scrolled
  // meanwhile (the pane then stays where they took it).
  let apres: number | undefined;
  requestAnimationFrame(() => {
    montrer();
    apres = window.scrollY;
  });
  setTimeout(() => {
    if (apres === undefined || window.scrollY === apres) montrer();
  }, 250);
}

/**
 * A feedback held at the bottom of the pane (`flottant`) now showing an error: if it covers what was clicked (the
 * focused element), scroll just enough to bring that above it. Once painted, and again once Fluent has measured its
 * message bar.
 */
function degager(e: HTMLElement | null) {
  const degage = () => {
    const cible = e?.ownerDocument.activeElement;
    if (!e || !cible || cible === e.ownerDocument.body || e.contains(cible)) return;
    const r = cible.getBoundingClientRect();
    const haut = e.getBoundingClientRect().top;
    if (r.height > 0 && r.bottom > haut - 4) window.scrollBy({ top: r.bottom - haut + 8 });
  };
  requestAnimationFrame(degage);
  setTimeout(degage, 250);
}

/**
 * A feedback held at the bottom of the pane (`flottant`): while it shows something (a wait, an error), what the
 * keyboard focuses next (Tab to the next finding) is scrolled into view above it, not under it: the document's
 * scroll-padding-bottom follows its height. Nothing kept once it is empty, hidden (its page left) or gone.
 */
function useMargeBasse(ref: React.RefObject<HTMLDivElement>, flottant: boolean) {
  React.useLayoutEffect(() => {
    const e = ref.current;
    if (!flottant || !e || typeof ResizeObserver === "undefined") return;
    const racine = e.ownerDocument.documentElement;
    let posee = false;
    const mesurer = () => {
      const hauteur = Math.ceil(e.getBoundingClientRect().height);
      if (hauteur > 0) racine.style.scrollPaddingBottom = `${hauteur + 8}px`;
      else if (posee) racine.style.scrollPaddingBottom = "";
      posee = hauteur > 0;
    };
    const o = new ResizeObserver(mesurer);
    o.observe(e);
    return () => {
      o.disconnect();
      if (posee) racine.style.scrollPaddingBottom = "";
    };
  }, [ref, flottant]);
}

/**
 * The feedback of one action, placed right under its button: a labelled spinner (or progress bar) while it
 * runs, its error scrolled into view when it fails, and what it produced (or its error) announced to screen readers. With
 * `resultat` (the result is shown right after this feedback), a success scrolls that result into view too: the
 * headline figures are seen without scrolling past the form.
 */
export function Retour({
  commande,
  action = "principale",
  enCours,
  testId,
  progressionTestId,
  resultat = false,
  flottant = false,
}: {
  commande: Commande;
  action?: string;
  /** « Lecture du classeur… » */
  enCours: string;
  testId?: string;
  /** data-testid of the progress bar (browser tests follow its aria-valuenow). */
  progressionTestId?: string;
  resultat?: boolean;
  /**
   * For an action started from anywhere in a long page (a finding or a cell reference clicked: « Sélection de la
   * cellule… »): its wait and error are held at the bottom of the visible pane, so the page is not scrolled away from
   * what was clicked to show them at its foot.
   */
  flottant?: boolean;
}) {
  const styles = useStyles();
  const ici = commande.action === action;
  const erreur = ici && !commande.occupe ? commande.erreur : undefined;
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (erreur) {
      if (flottant) degager(ref.current);
      else montrerLaSuite(ref.current, false);
    }
  }, [erreur, flottant]);
  // This action was busy at the previous render: at its end without error, its result is brought into view.
  const lancee = React.useRef(false);
  const occupeIci = ici && commande.occupe;
  React.useEffect(() => {
    if (occupeIci) lancee.current = true;
    else if (lancee.current) {
      lancee.current = false;
      if (resultat && !erreur) montrerLaSuite(ref.current, true);
    }
  }, [occupeIci, erreur, resultat]);
  useMargeBasse(ref, flottant);
  const p = ici && commande.occupe ? commande.progression : undefined;
  return (
    <div
      className={mergeClasses(
        styles.retour,
        flottant && styles.flottant,
        flottant && ici && (commande.occupe || !!erreur) && styles.flottantPlein,
      )}
      ref={ref}
      data-testid={testId ?? TEST_IDS.retour(action)}
    >
      {ici && commande.occupe && !p && <Spinner size="tiny" labelPosition="after" label={enCours} />}
      {p && (
        <>
          <Text size={200} data-testid={TEST_IDS.progressionLibelle}>
            {p.libelle}
            {p.valeur !== undefined ? ` ${Math.floor(p.valeur * 100)}\u00a0%` : ""}
          </Text>
          <BarreProgression value={p.valeur} thickness="large" aria-label={p.libelle} data-testid={progressionTestId} />
        </>
      )}
      <MessageErreur erreur={erreur} />
      {/* What the action produced, or its error: Fluent's MessageBar announces nothing without an AriaLiveAnnouncer. */}
      <div className={styles.cache} aria-live="polite" role="status">
        {erreur
          ? `Erreur : ${texteErreur(erreur)}`
          : ici && commande.annonce?.action === action
            ? commande.annonce.texte
            : ""}
      </div>
    </div>
  );
}
