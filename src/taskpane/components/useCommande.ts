import * as React from "react";
import { ArgumentInvalideError } from "../../app/arguments";

/** Progress of a long action: « Lecture du FEC… 58 % », « Écriture du Grand livre… bloc 12 / 135 ». */
export interface Progression {
  libelle: string;
  /** 0..1; undefined = indeterminate. */
  valeur?: number;
}

/**
 * Runs an async command with busy / error state for a page (one at a time). Each run may name its action
 * (the button pressed), so that `<Retour action="…">` under that button shows its spinner, its progress and
 * its error, and `annonce` (read by screen readers through aria-live) says what it produced.
 */
export function useCommande() {
  const [occupe, setOccupe] = React.useState(false);
  const [erreur, setErreur] = React.useState<unknown>();
  const [action, setAction] = React.useState<string>();
  const [progression, setProgression] = React.useState<Progression>();
  const [annonce, setAnnonce] = React.useState<{ action: string; texte: string }>();
  const lancer = React.useCallback(
    async <T>(
      fn: () => Promise<T>,
      nom = "principale",
      succes?: (r: T) => string | undefined,
    ): Promise<T | undefined> => {
      setOccupe(true);
      setErreur(undefined);
      setAction(nom);
      setProgression(undefined);
      setAnnonce(undefined);
      try {
        const r = await fn();
        const texte = succes?.(r);
        if (texte) setAnnonce({ action: nom, texte });
        return r;
      } catch (e) {
        setErreur(e);
        return undefined;
      } finally {
        setOccupe(false);
        setProgression(undefined);
      }
    },
    [],
  );
  /** Clears `e` if it is still the error shown (a newer run's error is left as it is). */
  const effacerErreur = React.useCallback((e: unknown) => setErreur((x: unknown) => (x === e ? undefined : x)), []);
  return { occupe, erreur, lancer, action, progression, setProgression, annonce, effacerErreur };
}

export type Commande = ReturnType<typeof useCommande>;

/**
 * The page's last run refused the field `nom` (the use case's ArgumentInvalideError names it): its French message, to
 * show under that field, next to what must change. Once the field's value changes, the refusal no longer speaks of what
 * the field holds: it is cleared (under the field and under the button), not left until the action is run again.
 */
export function useRefusDuChamp(commande: Commande, nom: string, valeur: unknown): string | undefined {
  const { erreur, occupe, effacerErreur } = commande;
  const refus = !occupe && erreur instanceof ArgumentInvalideError && erreur.champ === nom ? erreur : undefined;
  const precedente = React.useRef(valeur);
  React.useEffect(() => {
    if (Object.is(precedente.current, valeur)) return;
    precedente.current = valeur;
    if (refus) effacerErreur(refus);
  }, [valeur, refus, effacerErreur]);
  return refus?.message;
}
