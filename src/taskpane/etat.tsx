import * as React from "react";
import type { OptionsDevis } from "../app/commandes/devis";
import type { TraceAffichee } from "../app/traces";
import type { Constat } from "../core/controles/constat";

/** State shared by the pages: the last findings, the options they were computed with and their trees. */
export interface EtatApp {
  constats?: Constat[];
  options: OptionsDevis;
  /** « D'où vient ce chiffre ? » of each finding, in the findings' order (null: a finding without a tree). */
  tracesConstats?: (TraceAffichee | null)[];
  definirConstats(constats: Constat[], options: OptionsDevis, traces?: (TraceAffichee | null)[]): void;
}

const Contexte = React.createContext<EtatApp | undefined>(undefined);

export function EtatProvider({ children }: { children: React.ReactNode }) {
  const [etat, setEtat] = React.useState<{
    constats?: Constat[];
    options: OptionsDevis;
    tracesConstats?: (TraceAffichee | null)[];
  }>({ options: {} });
  const valeur = React.useMemo<EtatApp>(
    () => ({
      ...etat,
      definirConstats: (constats, options, tracesConstats) => setEtat({ constats, options, tracesConstats }),
    }),
    [etat],
  );
  return <Contexte.Provider value={valeur}>{children}</Contexte.Provider>;
}

export function useEtat(): EtatApp {
  const e = React.useContext(Contexte);
  if (!e) throw new Error("useEtat hors de <EtatProvider>");
  return e;
}
