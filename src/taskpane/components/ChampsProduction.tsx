import { Caption1, Checkbox } from "@fluentui/react-components";
import * as React from "react";
import type { Genre } from "../../core/devis/model";
import type { ContexteProduction } from "../../core/production/contexte";
import { GENRES, HEBERGEMENTS, LANGUES, OEUVRES, REGIMES, ZONES, anneeCourante, oeuvreDe, regimeDe } from "../listes";
import { saisieAnnee, saisieDuree, saisieMontant } from "../../core/money/saisie";
import { useProduction } from "../production";
import { ChampFeuille, ChampListe, ChampSaisie, type Choix } from "./Champ";
import { type Champ, useChamp } from "./useChamp";

/**
 * The fields of the production context, written once and used by the « Production » panel and the pages
 * (Structurer, Crédit d'impôt, Financement, Planning): each reads and changes the shared context, so a value typed
 * on one page is the value of every page. `id` is the field's data-testid; `label`/`hint` may be adapted to the page.
 */
interface PropsChamp {
  id: string;
  label?: string;
  hint?: string;
  className?: string;
  /** Greyed out while the page's action runs. */
  disabled?: boolean;
}

export function ChampFeuilleDevis({ label = "Feuille du devis", ...props }: PropsChamp) {
  const p = useProduction();
  return (
    <ChampFeuille
      {...props}
      label={label}
      devis
      valeur={p.contexte.feuilleDevis ?? ""}
      onChange={(f) => p.modifier({ feuilleDevis: f || undefined })}
    />
  );
}

/**
 * The genre. `choix` narrows the list (the tax credits know three genres) and `valeur` is then the one shown when
 * the context's genre is not among them ("" : « Non précisé »). `avertissement` highlights the field (a genre to
 * choose).
 */
export function ChampGenre({
  label = "Genre",
  choix = GENRES,
  valeur,
  avertissement,
  ...props
}: PropsChamp & {
  choix?: readonly Choix<Genre>[];
  valeur?: Genre | "";
  avertissement?: { texte: string; testId?: string };
}) {
  const p = useProduction();
  return (
    <ChampListe
      {...props}
      label={label}
      valeur={valeur ?? p.contexte.genre ?? ""}
      options={choix}
      vide={!valeur ? "Non précisé" : undefined}
      avertissement={avertissement}
      onChange={(genre) => p.modifier({ genre: genre || undefined })}
    />
  );
}

/** The durée of the context, read by the shared parser (a page checks it with `champsValides` before its action). */
export function useChampDuree() {
  const p = useProduction();
  return useChamp(p.contexte.duree ?? "", (t) => p.modifier({ duree: t || undefined }), saisieDuree);
}

/** The année of the context (the current year when none was typed). */
export function useChampAnnee() {
  const p = useProduction();
  return useChamp(p.contexte.annee ?? anneeCourante(), (t) => p.modifier({ annee: t }), saisieAnnee);
}

/**
 * The public subsidies of the production (euros, never negative), deducted from the tax credit's base: typed on the
 * Crédit d'impôt page or on Financement (when the plan gets the credit), the same figure on both.
 */
export function useChampSubventions(actif = true) {
  const p = useProduction();
  return useChamp(
    p.contexte.subventions ?? "",
    (t) => p.modifier({ subventions: t || undefined }),
    (t) => saisieMontant(t, { nonNegatif: true }),
    actif,
  );
}

/**
 * Durée and année are read by the shared parser: a refusal shows under the field. A page that checks them before
 * its action passes its own `champ` (`useChampDuree`/`useChampAnnee`) so `champsValides` shows and focuses it.
 */
export function ChampDuree({ label = "Durée (minutes)", champ, ...props }: PropsChamp & { champ?: Champ<unknown> }) {
  const interne = useChampDuree();
  return <ChampSaisie {...props} label={label} champ={champ ?? interne} inputMode="decimal" />;
}

export function ChampAnnee({ label = "Année des dépenses", champ, ...props }: PropsChamp & { champ?: Champ<unknown> }) {
  const interne = useChampAnnee();
  return <ChampSaisie {...props} label={label} champ={champ ?? interne} inputMode="numeric" />;
}

/**
 * A list field of the context: `cle` is the context's entry it shows and changes ("" = none), `lire` the value shown
 * (with the context's default).
 */
function ChampListeContexte<K extends "oeuvre" | "regime" | "hebergement" | "langue" | "zone">({
  cle,
  lire = (c) => c[cle] ?? defaut,
  defaut = "",
  ...props
}: PropsChamp & {
  label: string;
  cle: K;
  /** The value shown: the context's, else `defaut` ("" when none is). */
  lire?: (c: ContexteProduction) => string;
  defaut?: string;
  options: readonly Choix<NonNullable<ContexteProduction[K]>>[];
  vide?: string;
}) {
  const p = useProduction();
  return (
    <ChampListe
      {...props}
      valeur={lire(p.contexte)}
      onChange={(v) => p.modifier({ [cle]: v || undefined } as Partial<ContexteProduction>)}
    />
  );
}

export const ChampOeuvre = ({ label = "Type d'œuvre", ...props }: PropsChamp) => (
  <ChampListeContexte {...props} label={label} cle="oeuvre" lire={oeuvreDe} options={OEUVRES} />
);

export const ChampRegime = ({ label = "Crédit d'impôt", ...props }: PropsChamp) => (
  <ChampListeContexte {...props} label={label} cle="regime" lire={regimeDe} options={REGIMES} />
);

export const ChampHebergement = ({ label = "Hébergement", ...props }: PropsChamp) => (
  <ChampListeContexte {...props} label={label} cle="hebergement" defaut="ailleurs" options={HEBERGEMENTS} />
);

export const ChampLangue = ({
  label = "Langue de l'œuvre",
  vide = "Non renseignée",
  ...props
}: PropsChamp & { vide?: string }) => (
  <ChampListeContexte {...props} label={label} cle="langue" options={LANGUES} vide={vide} />
);

/** The public holidays' zone of the planning. */
export const ChampZone = ({ label = "Jours fériés", ...props }: PropsChamp) => (
  <ChampListeContexte {...props} label={label} cle="zone" defaut="metropole" options={ZONES} />
);

/**
 * The producer declares the cinema film under annexe III of IDCC 3097 (films under a budget limit): shown for a cinema
 * work only. Ticking it makes the context's work « cinéma » (the salary check it changes is the cinema one).
 */
export function ChampAnnexe3({ id, className }: PropsChamp) {
  const p = useProduction();
  if (oeuvreDe(p.contexte) !== "cinema") return null;
  const coche = p.contexte.oeuvre === "cinema" && p.contexte.annexe3097 === true;
  return (
    <div className={className}>
      <Checkbox
        data-testid={id}
        checked={coche}
        onChange={(_, d) => p.modifier(d.checked ? { annexe3097: true, oeuvre: "cinema" } : { annexe3097: undefined })}
        label="Film relevant de l'annexe III (petit budget)"
      />
      <Caption1 block>
        Dérogation accordée par la commission paritaire de la production cinématographique : les salaires du devis sont
        comparés aux minima réduits de l'annexe III tant que le devis reste sous le plafond de son genre.
      </Caption1>
    </div>
  );
}
