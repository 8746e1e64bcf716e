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
  /** A finding on the ledger (FEC or CSV grand livre) with no cell: the file's lines and the accounts it is about. */
  fec?: OrigineFec;
}

/** Where a finding on the ledger was read (`fec` in the --json findings of `prodbook ecarts`). */
export interface OrigineFec {
  /** Its first lines in the file (physical numbers, header = 1), ascending, at most 10. */
  lignes: number[];
  /** How many lines in all. */
  nombreLignes: number;
  /** The account numbers concerned, ascending (empty for lines refused before their account was read). */
  comptes: string[];
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
