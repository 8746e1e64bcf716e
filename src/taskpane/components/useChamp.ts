import * as React from "react";
import type { Saisie } from "../../core/money/saisie";

/**
 * A typed field read by the shared parser (`saisieMontant`, `saisieNombre`, `saisieTaux`…): its refusal shows right
 * under the field (Fluent Field `validationState` / `validationMessage`) once the user has left the field or pressed
 * the action, then follows what they type. A hidden field (`actif` false) reads as empty. Shown by `ChampSaisie`.
 */
export interface Champ<T> {
  lecture: Saisie<T>;
  /** Spread on the Fluent `<Field>`. */
  field: { validationState?: "error"; validationMessage?: string };
  /** Spread on the `<Input>`: the text, its change, and the blur that shows a refusal. */
  input: {
    value: string;
    onChange: (e: unknown, d: { value: string }) => void;
    onBlur: () => void;
    ref: React.RefObject<HTMLInputElement>;
  };
  /** The value read; undefined when empty (call only after `champsValides`). */
  valeur: T | undefined;
  montrer(): void;
}

/** A field whose text lives elsewhere (the shared production context): `changer` receives what the user types. */
export function useChamp<T>(
  texte: string,
  changer: (texte: string) => void,
  lire: (t: string) => Saisie<T>,
  actif = true,
): Champ<T> {
  const [montre, setMontre] = React.useState(false);
  const ref = React.useRef<HTMLInputElement>(null);
  const lecture: Saisie<T> = actif ? lire(texte) : { type: "vide" };
  const refus = montre && lecture.type === "refus" ? lecture.message : undefined;
  return {
    lecture,
    field: refus ? { validationState: "error", validationMessage: refus } : {},
    input: { value: texte, onChange: (_e, d) => changer(d.value), onBlur: () => setMontre(true), ref },
    valeur: lecture.type === "ok" ? lecture.valeur : undefined,
    montrer: () => setMontre(true),
  };
}

/** A field of the page itself: its text is kept by the page (which stays mounted across tab changes). */
export function useChampLocal<T>(lire: (t: string) => Saisie<T>, actif = true, initial = ""): Champ<T> {
  const [texte, setTexte] = React.useState(initial);
  return useChamp(texte, setTexte, lire, actif);
}

/** Free text (a name, an author): never refused, empty when blank. */
export const lireTexte = (t: string): Saisie<string> =>
  t.trim() ? { type: "ok", valeur: t.trim() } : { type: "vide" };

/**
 * Before an action: shows every field's refusal, moves the focus to the first refused field and says whether the
 * action may run (it must not when one is refused).
 */
export function champsValides(...champs: Champ<unknown>[]): boolean {
  for (const c of champs) c.montrer();
  const premier = champs.find((c) => c.lecture.type === "refus");
  premier?.input.ref.current?.focus();
  return premier === undefined;
}

/**
 * The field with a refusal that comes from the action rather than its parser (a year no rule covers): shown under it
 * as its own refusals are, unless the parser already refuses what is typed.
 */
export function avecRefus<T>(champ: Champ<T>, refus: string | undefined): Champ<T> {
  if (!refus || champ.field.validationState === "error") return champ;
  return { ...champ, field: { validationState: "error", validationMessage: refus } };
}
