import * as React from "react";
import type { OptionsDevis } from "../app/commandes/devis";
import type { TraceAffichee } from "../app/traces";
import type { Constat } from "../core/controles/constat";
import type { RegleLisible } from "../app/presentationRegles";

/** State shared by the pages: the last findings, the options they were computed with and their trees. */
export interface EtatApp {
  constats?: Constat[];
  options: OptionsDevis;
  /** « D'où vient ce chiffre ? » of each finding, in the findings' order (null: a finding without a tree). */
  tracesConstats?: (TraceAffichee | null)[];
  /** The rule-table versions the checks read, in French with their texts (« Détails et sources »). */
  textesConstats?: RegleLisible[];
  definirConstats(
    constats: Constat[],
    options: OptionsDevis,
    traces?: (TraceAffichee | null)[],
    textes?: RegleLisible[],
  ): void;
}

const Contexte = React.createContext<EtatApp | undefined>(undefined);

export function EtatProvider({ children }: { children: React.ReactNode }) {
  const [etat, setEtat] = React.useState<{
    constats?: Constat[];
    options: OptionsDevis;
    tracesConstats?: (TraceAffichee | null)[];
    textesConstats?: RegleLisible[];
  }>({ options: {} });
  const valeur = React.useMemo<EtatApp>(
    () => ({
      ...etat,
      definirConstats: (constats, options, tracesConstats, textesConstats) =>
        setEtat({ constats, options, tracesConstats, textesConstats }),
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
