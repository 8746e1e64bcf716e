import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** util.parseArgs with French errors (exit 2) instead of Node's English TypeError. */
export function analyserArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const m = (e as Error).message;
    const inconnue = /Unknown option '([^']+)'/.exec(m);
    const valeur = /Option '([^']+)'.* argument missing/.exec(m);
    const detail = inconnue
      ? `option inconnue « ${inconnue[1]} »`
      : valeur
        ? `l'option « ${valeur[1].split(",")[0].replace(/^-+\w?\s*/, "")} » attend une valeur`
        : m;
    throw new CliError(`Arguments invalides : ${detail}.\nUsage : ${usage}`);
  }
}

/** A number argument (accepts "52", "52,5"); French error naming the option otherwise. */
export function nombreArg(valeur: string | undefined, option: string, { min = 0 } = {}): number | undefined {
  if (valeur === undefined) return undefined;
  const n = Number(valeur.replace(",", "."));
  if (!Number.isFinite(n) || n < min)
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

/** The -o output file: only .xlsx (we write a workbook). */
export function sortieXlsx(valeur: string | undefined): string | undefined {
  if (valeur !== undefined && !/\.xlsx$/i.test(valeur))
    throw new CliError(`Le fichier de sortie « ${valeur} » doit avoir l'extension .xlsx.`);
  return valeur;
}
