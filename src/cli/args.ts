import { CliError } from "./io";
import { analyserOptions, verifierSortie, type OptionsCli } from "./runner";

/** A number argument (accepts "52", "52,5"); French error naming the option otherwise. */
export function nombreArg(valeur: string | undefined, option: string, { min = 0 } = {}): number | undefined {
  if (valeur === undefined) return undefined;
  const n = Number(valeur.replace(",", "."));
  if (valeur.trim() === "" || !Number.isFinite(n) || n < min)
    throw new CliError(`L'option ${option} attend un nombre ≥ ${min}, reçu « ${valeur} ».`);
  return n;
}

export function choixArg<T extends string>(
  valeur: string | undefined,
  option: string,
  choix: readonly T[],
): T | undefined {
  if (valeur === undefined) return undefined;
  if (!(choix as readonly string[]).includes(valeur)) {
    throw new CliError(`L'option ${option} attend l'une des valeurs ${choix.join(", ")} ; reçu « ${valeur} ».`);
  }
  return valeur as T;
}

/**
 * Parses a command's options with the runner's French errors (see src/cli/runner.ts `analyserOptions`). For a
 * command not yet written with `definirCommande`; a new command should use `definirCommande` instead.
 */
export function analyserArgs(args: string[], options: OptionsCli, usage: string) {
  const { valeurs, positionnels } = analyserOptions(args, options, usage);
  return { values: valeurs, positionals: positionnels };
}

/** The -o output file: only .xlsx (we write a workbook). `definirCommande({ ecrit: true })` also refuses the input. */
export function sortieXlsx(valeur: string | undefined): string | undefined {
  return verifierSortie(valeur);
}
