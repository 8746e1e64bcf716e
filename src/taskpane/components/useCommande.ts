import * as React from "react";

/** Runs an async command with busy / error state for a page (one at a time). */
export function useCommande() {
  const [occupe, setOccupe] = React.useState(false);
  const [erreur, setErreur] = React.useState<unknown>();
  const lancer = React.useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setOccupe(true);
    setErreur(undefined);
    try {
      return await fn();
    } catch (e) {
      setErreur(e);
      return undefined;
    } finally {
      setOccupe(false);
    }
  }, []);
  return { occupe, erreur, lancer };
}
