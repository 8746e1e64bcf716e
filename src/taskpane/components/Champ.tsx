import { Field, Input, type InputProps, Select } from "@fluentui/react-components";
import * as React from "react";
import { ChoixFeuille, ChoixFeuilleDevis } from "./ChoixFeuille";
import type { Champ } from "./useChamp";

/**
 * The fields of every page's form, written once: a Fluent `Field` (label, hint, the French refusal under it) around
 * an `Input` read by the shared parser (`ChampSaisie`), a `Select` of fixed choices (`ChampListe`) or a sheet picker
 * (`ChampFeuille`). `id` is the control's data-testid. The page (or the production context) keeps the value, so it
 * survives a tab change.
 */
export interface PropsChamp {
  id?: string;
  label: string;
  hint?: string;
  className?: string;
  /** Greyed out while the page's action runs (what it reads cannot change under it). */
  disabled?: boolean;
}

/** A typed field: text, change, blur and refusal come from its `useChamp`/`useChampLocal`. */
export function ChampSaisie<T>({
  id,
  label,
  hint,
  className,
  disabled,
  champ,
  inputMode,
  placeholder,
  list,
}: PropsChamp & {
  champ: Champ<T>;
  inputMode?: InputProps["inputMode"];
  placeholder?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
}) {
  return (
    <Field label={label} hint={hint} className={className} {...champ.field}>
      <Input
        {...champ.input}
        data-testid={id}
        disabled={disabled}
        inputMode={inputMode}
        placeholder={placeholder}
        list={list}
      />
    </Field>
  );
}

export interface Choix<T extends string> {
  valeur: T;
  libelle: string;
}

/** A list field: the options, the value shown, and what choosing one changes ("" = the empty choice `vide`). */
export function ChampListe<T extends string>({
  id,
  label,
  hint,
  className,
  valeur,
  options,
  vide,
  disabled,
  avertissement,
  onChange,
}: PropsChamp & {
  valeur: string;
  options: readonly Choix<T>[];
  /** The label of the empty choice, when there is one. */
  vide?: string;
  /** A warning on the value chosen (Fluent's warning state, under the list), with its data-testid. */
  avertissement?: { texte: string; testId?: string };
  onChange: (v: T | "") => void;
}) {
  return (
    <Field
      label={label}
      hint={hint}
      className={className}
      validationState={avertissement ? "warning" : undefined}
      validationMessage={avertissement && <span data-testid={avertissement.testId}>{avertissement.texte}</span>}
    >
      <Select data-testid={id} value={valeur} disabled={disabled} onChange={(_e, d) => onChange(d.value as T | "")}>
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

/**
 * A sheet of the workbook: any sheet, or (`devis`) the devis pickers' order, the sheets recognised as devis first.
 * "" is « Détection automatique » (or `vide`).
 */
export function ChampFeuille({
  id,
  label,
  hint,
  className,
  valeur,
  onChange,
  vide,
  devis = false,
  disabled,
}: PropsChamp & { valeur: string; onChange: (feuille: string) => void; vide?: string; devis?: boolean }) {
  return (
    <Field label={label} hint={hint} className={className}>
      {devis ? (
        <ChoixFeuilleDevis id={id} valeur={valeur} onChange={onChange} disabled={disabled} />
      ) : (
        <ChoixFeuille id={id} valeur={valeur} onChange={onChange} vide={vide} disabled={disabled} />
      )}
    </Field>
  );
}
