import type { Regle } from "./constat";

const DESCRIPTIONS = new Map<string, { domaine: string; description: string }>();

/**
 * Declares a domain's rules: ids must be unique across the whole engine (they are a public contract of the CLI
 * JSON and the « Contrôles » sheet). Returns the rules unchanged.
 */
export function creerRegistre<C>(domaine: string, regles: Regle<C>[]): readonly Regle<C>[] {
  const vus = new Set<string>();
  for (const r of regles) {
    if (vus.has(r.id)) throw new Error(`Règle « ${r.id} » déclarée deux fois dans le domaine ${domaine}.`);
    vus.add(r.id);
    const deja = DESCRIPTIONS.get(r.id);
    if (deja && deja.domaine !== domaine)
      throw new Error(`Règle « ${r.id} » déclarée deux fois (${deja.domaine}, ${domaine}).`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id))
      throw new Error(`Identifiant de règle invalide « ${r.id} » (kebab-case attendu).`);
    DESCRIPTIONS.set(r.id, { domaine, description: r.description });
  }
  return Object.freeze(regles.slice());
}

/** The one-sentence description of a rule, for legends (undefined when the rule is unknown). */
export function descriptionRegle(id: string): string | undefined {
  return DESCRIPTIONS.get(id)?.description;
}
