import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import * as React from "react";
import { flushSync } from "react-dom";
import { basEntete } from "./Retour";
import { type Champ, champsValides } from "./useChamp";

const useStyles = makeStyles({
  bascule: {
    alignSelf: "stretch",
    justifyContent: "flex-start",
    minWidth: 0,
    maxWidth: "100%",
    height: "auto",
    paddingInline: 0,
    textAlign: "left",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    fontWeight: tokens.fontWeightRegular,
  },
  modifier: { color: tokens.colorBrandForegroundLink, whiteSpace: "nowrap" },
  champs: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/**
 * The parameters of a page's calculation once it has a result: the result comes first, and the fields fold into one
 * line that says what they are (« Film de cinéma · 90 min · français · 2026 — Modifier »), a button that unfolds them
 * (mouse or keyboard, `aria-expanded`). Before any result (`resultat` false) the fields show as a plain form. The page
 * keeps `ouvert` (its pages stay mounted: the choice survives tab changes); the action buttons stay outside, always
 * seen, their feedback under them.
 */
export function ParametresRepliables({
  resultat,
  ouvert,
  setOuvert,
  resume,
  id,
  testId,
  children,
}: {
  resultat: boolean;
  ouvert: boolean;
  setOuvert: (o: boolean) => void;
  /** « Film de cinéma · 90 min · français · 2026 » */
  resume: string;
  /** id of the fields' block (aria-controls). */
  id: string;
  /** data-testid of the toggle; its block is `${testId}-champs`. */
  testId: string;
  children: React.ReactNode;
}) {
  const styles = useStyles();
  const visibles = !resultat || ouvert;
  return (
    <>
      {resultat && (
        <Button
          appearance="transparent"
          className={styles.bascule}
          icon={ouvert ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
          aria-expanded={ouvert}
          aria-controls={id}
          data-testid={testId}
          onClick={() => setOuvert(!ouvert)}
        >
          <span>
            {resume}
            {" — "}
            <span className={styles.modifier}>{ouvert ? "Replier" : "Modifier"}</span>
          </span>
        </Button>
      )}
      <div
        id={id}
        className={styles.champs}
        hidden={!visibles}
        style={visibles ? undefined : { display: "none" }}
        data-testid={`${testId}-champs`}
      >
        {children}
      </div>
    </>
  );
}

/**
 * Each new result (`cle` changes, defined) brings the page's headline (`ref`) into view when it is out of the visible
 * pane (the button pressed was far down a long form): its top just under the sticky header. Nothing moves otherwise.
 */
export function useMontrerEnTete(ref: React.RefObject<HTMLElement>, cle: unknown) {
  React.useEffect(() => {
    if (cle === undefined) return;
    const montrer = () => {
      const e = ref.current;
      if (!e || e.getClientRects().length === 0) return;
      const haut = basEntete(e);
      const r = e.getBoundingClientRect();
      if (r.top >= haut && r.top < window.innerHeight - 80) return;
      window.scrollBy({ top: r.top - haut - 8 });
    };
    requestAnimationFrame(montrer);
  }, [ref, cle]);
}

/**
 * champsValides for folded parameters: when a field is refused, they unfold first (at once, so that the refused field
 * can take the focus and show its message under it).
 */
export function champsValidesDeplies(deplier: () => void, ...champs: Champ<unknown>[]): boolean {
  if (champs.some((c) => c.lecture.type === "refus")) flushSync(deplier);
  return champsValides(...champs);
}
