import * as React from "react";
import { envoyer } from "../app/catalogue";
import type { ResultatFec } from "../core/comptabilite/fec";
import type { Constat } from "../core/controles/constat";
import type { ContexteDetecte, ContexteProduction } from "../core/production/contexte";

/**
 * The production context shared by every page (source devis sheet, genre, durée, régime, année, hébergement,
 * langue, the loaded FEC, edited correspondances). Read once from the workbook (its document settings, then
 * what Prodbook detects in the sheets), changed by any page, saved back in the workbook shortly after each
 * change, so a tab change, a reload of the pane or a colleague opening the file finds it again.
 */
export interface Production {
  contexte: ContexteProduction;
  /** What was detected in the workbook (with the cells), for hints next to the fields. */
  detecte?: ContexteDetecte;
  /** The user's sheets (Prodbook's apart). */
  feuilles: string[];
  /** True once the workbook has been read. */
  pret: boolean;
  /** « enregistre »: saved in the workbook; « session »: this workbook cannot keep it (outside Office). */
  enregistrement: "enregistre" | "en-cours" | "session" | "erreur";
  erreur?: unknown;
  modifier(partiel: Partial<ContexteProduction>): void;
  /** The FEC parsed in this session (its summary is in contexte.fec; the lines stay in memory only). */
  fec?: ResultatFec;
  definirFec(fec: ResultatFec | undefined, fichier?: { nom: string; octets: number }): void;
  /**
   * The alertes of the correspondances CSV imported on the Écarts page in this session (columns or text it holds that
   * are not read), in memory like the FEC's lines: the Carbone page hands them to its use case with the edited
   * correspondances, as `prodbook carbone --fec --correspondances` does with the file's.
   */
  alertesCorrespondances?: Constat[];
  definirAlertesCorrespondances(alertes: Constat[] | undefined): void;
  /** Reads the sheet list again (after the user added or renamed one). */
  relire(): Promise<void>;
}

const Contexte = React.createContext<Production | undefined>(undefined);

/** Delay before saving, so that typing « 52 » saves once. */
const DELAI_ENREGISTREMENT = 400;

export function ProductionProvider({ children }: { children: React.ReactNode }) {
  const [contexte, setContexte] = React.useState<ContexteProduction>({});
  const [detecte, setDetecte] = React.useState<ContexteDetecte>();
  const [feuilles, setFeuilles] = React.useState<string[]>([]);
  const [pret, setPret] = React.useState(false);
  const [enregistrement, setEnregistrement] = React.useState<Production["enregistrement"]>("enregistre");
  const [erreur, setErreur] = React.useState<unknown>();
  const [fec, setFec] = React.useState<ResultatFec>();
  const [alertesCorrespondances, definirAlertesCorrespondances] = React.useState<Constat[]>();
  const enregistrable = React.useRef(true);
  const minuterie = React.useRef<ReturnType<typeof setTimeout>>();
  const dernier = React.useRef<ContexteProduction>({});

  const relire = React.useCallback(async () => {
    try {
      const r = await envoyer("lireProduction", {});
      enregistrable.current = r.enregistrable;
      setDetecte(r.detecte);
      setFeuilles(r.feuilles);
      // Values typed before the workbook answered win over what was read.
      setContexte((avant) => {
        const c = { ...r.contexte, ...avant };
        dernier.current = c;
        return c;
      });
      setEnregistrement(r.enregistrable ? "enregistre" : "session");
    } catch (e) {
      setErreur(e);
    } finally {
      setPret(true);
    }
  }, []);

  React.useEffect(() => {
    void relire();
  }, [relire]);

  const enregistrer = React.useCallback(async () => {
    minuterie.current = undefined;
    if (!enregistrable.current) return;
    try {
      const r = await envoyer("enregistrerProduction", { contexte: dernier.current });
      setEnregistrement(r.enregistre ? "enregistre" : "session");
    } catch (e) {
      setErreur(e);
      setEnregistrement("erreur");
    }
  }, []);

  const modifier = React.useCallback(
    (partiel: Partial<ContexteProduction>) => {
      setContexte((avant) => {
        const c = { ...avant, ...partiel };
        for (const k of Object.keys(c) as (keyof ContexteProduction)[]) if (c[k] === undefined) delete c[k];
        dernier.current = c;
        return c;
      });
      if (!enregistrable.current) return;
      setEnregistrement("en-cours");
      if (minuterie.current) clearTimeout(minuterie.current);
      minuterie.current = setTimeout(() => void enregistrer(), DELAI_ENREGISTREMENT);
    },
    [enregistrer],
  );

  // Leaving the pane with a change not yet saved: save it now.
  React.useEffect(
    () => () => {
      if (minuterie.current) {
        clearTimeout(minuterie.current);
        void enregistrer();
      }
    },
    [enregistrer],
  );

  const definirFec = React.useCallback(
    (r: ResultatFec | undefined, fichier?: { nom: string; octets: number }) => {
      setFec(r);
      if (r && fichier)
        modifier({
          fec: {
            nom: fichier.nom,
            octets: fichier.octets,
            encodage: r.format.encodage,
            lignes: r.ecritures,
            chargeLe: new Date().toISOString(),
          },
        });
    },
    [modifier],
  );

  const valeur = React.useMemo<Production>(
    () => ({
      contexte,
      detecte,
      feuilles,
      pret,
      enregistrement,
      erreur,
      modifier,
      fec,
      definirFec,
      alertesCorrespondances,
      definirAlertesCorrespondances,
      relire,
    }),
    [
      contexte,
      detecte,
      feuilles,
      pret,
      enregistrement,
      erreur,
      modifier,
      fec,
      definirFec,
      alertesCorrespondances,
      relire,
    ],
  );
  return <Contexte.Provider value={valeur}>{children}</Contexte.Provider>;
}

export function useProduction(): Production {
  const p = React.useContext(Contexte);
  if (!p) throw new Error("useProduction hors de <ProductionProvider>");
  return p;
}
