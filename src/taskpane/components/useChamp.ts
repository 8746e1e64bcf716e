import * as React from "react";
import type { Saisie } from "../../core/money/saisie";

/**
 * A typed field read by the shared parser (`saisieMontant`, `saisieNombre`, `saisieTaux`…): its refusal shows right
 * under the field (Fluent Field `validationState` / `validationMessage`) once the user has left the field or pressed
 * the action, then follows what they type. A hidden field (`actif` false) reads as empty.
 */
export interface Champ<T> {
  lecture: Saisie<T>;
  /** Spread on the Fluent `<Field>`. */
  field: { validationState?: "error"; validationMessage?: string };
  /** Spread on the `<Input>`. */
  input: { onBlur: () => void; ref: React.RefObject<HTMLInputElement> };
  /** The value read; undefined when empty (call only after `champsValides`). */
  valeur: T | undefined;
  montrer(): void;
}

export function useChamp<T>(texte: string, lire: (t: string) => Saisie<T>, actif = true): Champ<T> {
  const [montre, setMontre] = React.useState(false);
  const ref = React.useRef<HTMLInputElement>(null);
  const lecture: Saisie<T> = actif ? lire(texte) : { type: "vide" };
  const refus = montre && lecture.type === "refus" ? lecture.message : undefined;
  return {
    lecture,
    field: refus ? { validationState: "error", validationMessage: refus } : {},
    input: { onBlur: () => setMontre(true), ref },
    valeur: lecture.type === "ok" ? lecture.valeur : undefined,
    montrer: () => setMontre(true),
  };
}

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
