import { Field, Input, Select } from "@fluentui/react-components";
import * as React from "react";
import type { LangueOeuvre, RegimeCredit } from "../../core/creditImpot/modele";
import type { Genre, TypeOeuvre } from "../../core/devis/model";
import { GENRES, HEBERGEMENTS, LANGUES, OEUVRES, REGIMES, anneeCourante, oeuvreDe, regimeDe } from "../listes";
import { saisieAnnee, saisieDuree } from "../../core/money/saisie";
import { useProduction } from "../production";
import { ChoixFeuilleDevis } from "./ChoixFeuille";
import { type Champ, useChamp } from "./useChamp";

/**
 * The fields of the production context, written once and used by the « Production » panel and the pages
 * (Structurer, Crédit d'impôt, Financement): each reads and changes the shared context, so a value typed on one
 * page is the value of every page. `id` is the field's data-testid; `label`/`hint` may be adapted to the page.
 */
interface PropsChamp {
  id: string;
  label?: string;
  hint?: string;
  className?: string;
}

/** A list field of the context: the options, the value shown, and what choosing one changes ("" = none). */
function ChampListe<T extends string>({
  id,
  label,
  hint,
  className,
  valeur,
  options,
  vide,
  choisir,
}: PropsChamp & {
  label: string;
  valeur: string;
  options: readonly { valeur: T; libelle: string }[];
  /** The label of the empty choice, when there is one. */
  vide?: string;
  choisir: (v: T | undefined) => void;
}) {
  return (
    <Field label={label} hint={hint} className={className}>
      <Select data-testid={id} value={valeur} onChange={(_e, d) => choisir((d.value || undefined) as T | undefined)}>
        {vide !== undefined && <option value="">{vide}</option>}
        {options.map((o) => (
          <option key={o.valeur} value={o.valeur}>
            {o.libelle}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ChampFeuilleDevis({ id, label = "Feuille du devis", hint, className }: PropsChamp) {
  const p = useProduction();
  return (
    <Field label={label} hint={hint} className={className}>
      <ChoixFeuilleDevis
        id={id}
        valeur={p.contexte.feuilleDevis ?? ""}
        onChange={(f) => p.modifier({ feuilleDevis: f || undefined })}
      />
    </Field>
  );
}

/**
 * The genre. `choix` narrows the list (the tax credits know three genres) and `valeur` is then the one shown when
 * the context's genre is not among them.
 */
export function ChampGenre({
  label = "Genre",
  choix = GENRES,
  valeur,
  ...props
}: PropsChamp & { choix?: readonly { valeur: Genre; libelle: string }[]; valeur?: Genre }) {
  const p = useProduction();
  return (
    <ChampListe
      {...props}
      label={label}
      valeur={valeur ?? p.contexte.genre ?? ""}
      options={choix}
      vide={valeur === undefined ? "Non précisé" : undefined}
      choisir={(genre) => p.modifier({ genre })}
    />
  );
}

/**
 * Durée and année are read by the shared parser: a refusal shows under the field. A page that checks them before
 * its action passes its own `champ` (useChamp on the same text) so `champsValides` shows and focuses it.
 */
export function ChampDuree({
  id,
  label = "Durée (minutes)",
  hint,
  className,
  champ,
}: PropsChamp & { champ?: Champ<unknown> }) {
  const p = useProduction();
  const interne = useChamp(p.contexte.duree ?? "", saisieDuree);
  const c = champ ?? interne;
  return (
    <Field label={label} hint={hint} className={className} {...c.field}>
      <Input
        {...c.input}
        data-testid={id}
        value={p.contexte.duree ?? ""}
        inputMode="decimal"
        onChange={(_e, d) => p.modifier({ duree: d.value || undefined })}
      />
    </Field>
  );
}

export function ChampAnnee({
  id,
  label = "Année des dépenses",
  hint,
  className,
  champ,
}: PropsChamp & { champ?: Champ<unknown> }) {
  const p = useProduction();
  const interne = useChamp(p.contexte.annee ?? anneeCourante(), saisieAnnee);
  const c = champ ?? interne;
  return (
    <Field label={label} hint={hint} className={className} {...c.field}>
      <Input
        {...c.input}
        data-testid={id}
        value={p.contexte.annee ?? anneeCourante()}
        inputMode="numeric"
        onChange={(_e, d) => p.modifier({ annee: d.value })}
      />
    </Field>
  );
}

export function ChampOeuvre({ label = "Type d'œuvre", ...props }: PropsChamp) {
  const p = useProduction();
  return (
    <ChampListe<TypeOeuvre>
      {...props}
      label={label}
      valeur={oeuvreDe(p.contexte)}
      options={OEUVRES}
      choisir={(oeuvre) => p.modifier({ oeuvre })}
    />
  );
}

export function ChampRegime({ label = "Crédit d'impôt", ...props }: PropsChamp) {
  const p = useProduction();
  return (
    <ChampListe<RegimeCredit>
      {...props}
      label={label}
      valeur={regimeDe(p.contexte)}
      options={REGIMES}
      choisir={(regime) => p.modifier({ regime })}
    />
  );
}

export function ChampHebergement({ label = "Hébergement", ...props }: PropsChamp) {
  const p = useProduction();
  return (
    <ChampListe
      {...props}
      label={label}
      valeur={p.contexte.hebergement ?? "ailleurs"}
      options={HEBERGEMENTS}
      choisir={(hebergement) => p.modifier({ hebergement })}
    />
  );
}

export function ChampLangue({
  label = "Langue de l'œuvre",
  vide = "Non renseignée",
  ...props
}: PropsChamp & { vide?: string }) {
  const p = useProduction();
  return (
    <ChampListe<LangueOeuvre>
      {...props}
      label={label}
      valeur={p.contexte.langue ?? ""}
      options={LANGUES}
      vide={vide}
      choisir={(langue) => p.modifier({ langue })}
    />
  );
}
