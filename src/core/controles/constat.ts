/** A finding of the validation engine. Field names are part of the CLI's public JSON contract. */
export type Gravite = "erreur" | "alerte" | "info";

export interface Constat {
  /** Stable rule id, kebab-case ("salaire-minimum"). */
  regle: string;
  gravite: Gravite;
  /** French, says what is wrong, what was expected and where. */
  message: string;
  /** "Feuille!B12" when the finding points at a cell. */
  cellule?: string;
}

export interface Regle<C> {
  id: string;
  /** One French sentence for the « Contrôles » sheet legend and the pane. */
  description: string;
  verifier(ctx: C): Constat[];
}

const ORDRE: Record<Gravite, number> = { erreur: 0, alerte: 1, info: 2 };

export function executerRegles<C>(regles: readonly Regle<C>[], ctx: C): Constat[] {
  const out: Constat[] = [];
  for (const r of regles) out.push(...r.verifier(ctx));
  return trierConstats(out);
}

export function trierConstats(cs: Constat[]): Constat[] {
  return cs
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDRE[a.c.gravite] - ORDRE[b.c.gravite] || a.i - b.i)
    .map((x) => x.c);
}
