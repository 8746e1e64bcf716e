import * as React from "react";
import type { OptionsDevis } from "../app/commandes/devis";
import type { Constat } from "../core/controles/constat";

/** State shared by the pages: the last findings and the options they were computed with. */
export interface EtatApp {
  constats?: Constat[];
  options: OptionsDevis;
  definirConstats(constats: Constat[], options: OptionsDevis): void;
}

const Contexte = React.createContext<EtatApp | undefined>(undefined);

export function EtatProvider({ children }: { children: React.ReactNode }) {
  const [constats, setConstats] = React.useState<Constat[]>();
  const [options, setOptions] = React.useState<OptionsDevis>({});
  const valeur = React.useMemo<EtatApp>(
    () => ({
      constats,
      options,
      definirConstats: (c, o) => {
        setConstats(c);
        setOptions(o);
      },
    }),
    [constats, options],
  );
  return <Contexte.Provider value={valeur}>{children}</Contexte.Provider>;
}

export function useEtat(): EtatApp {
  const e = React.useContext(Contexte);
  if (!e) throw new Error("useEtat hors de <EtatProvider>");
  return e;
}
