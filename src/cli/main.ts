import * as fs from "fs";
import * as path from "path";
import { COMMANDES } from "./commandes";
import { ErreurDonnees } from "../core/erreurs";
import { CliError, Io, ioFrancais, processIo, procheDe } from "./io";

/** The help, on stdout when asked for (`--help`), on stderr when the command is missing (exit 2, nothing on stdout). */
function aide(ecrire: (t: string) => void): void {
  ecrire("prodbook — devis CNC, financement, planning, Grand Livre (FEC) et crédits d'impôt\n");
  ecrire("Usage : prodbook <commande> [options]\n\nCommandes :");
  for (const e of COMMANDES) {
    const c = e.charger();
    // A usage of several lines (versions: enregistrer, lister, comparer): each under the first, at the same indent.
    const usage = c.usage
      .split("\n")
      .map((l) => l.trim())
      .join("\n      ");
    ecrire(`  ${c.nom.padEnd(14)} ${c.resume}\n      ${usage}`);
  }
}

/** « Commande inconnue « devs » : vouliez-vous dire « devis » ? Commandes : … ». */
function commandeInconnue(nom: string): string {
  const noms = COMMANDES.map((c) => c.nom);
  const proche = procheDe(nom, noms);
  return (
    `Commande inconnue « ${nom} »${proche ? ` : vouliez-vous dire « ${proche} » ?` : "."} Commandes : ` +
    `${noms.join(", ")} ; prodbook --help les décrit.`
  );
}

/**
 * Returns the exit code: 0 ok (findings are output, not failures), 1 with --strict when a finding is an « erreur
 * », 2 bad input or arguments.
 */
export async function main(argv: string[], processus: Io = processIo): Promise<number> {
  // Every text below, the help and the messages in French typography; --json as it is.
  const io = ioFrancais(processus, argv);
  const [nom, ...reste] = argv;
  // `prodbook help devis` (as git and npm take it): the command's own help.
  const aideDe = (nom === "aide" || nom === "help") && COMMANDES.find((c) => c.nom === reste[0]);
  if (aideDe) {
    const c = aideDe.charger();
    io.out(`${c.resume}\nUsage : ${c.usage}`);
    return 0;
  }
  // `prodbook help devs`: the command asked about does not exist, said as for `prodbook devs` (never the general help
  // with exit 0, as if it had been found).
  if ((nom === "aide" || nom === "help") && reste[0] !== undefined && !reste[0].startsWith("-")) {
    io.err(commandeInconnue(reste[0]));
    return 2;
  }
  if (!nom || nom === "--help" || nom === "-h" || nom === "aide" || nom === "help") {
    aide(nom ? io.out : io.err);
    return nom ? 0 : 2;
  }
  // `--version` is not a misspelt « versions »: the version of Prodbook, from its package.json.
  if (nom === "--version" || nom === "-V" || nom === "-v") {
    const paquet = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    io.out(`prodbook ${paquet.version}`);
    return 0;
  }
  const cmd = COMMANDES.find((c) => c.nom === nom)?.charger();
  if (!cmd) {
    io.err(commandeInconnue(nom));
    return 2;
  }
  if (reste.includes("--help") || reste.includes("-h")) {
    io.out(`${cmd.resume}\nUsage : ${cmd.usage}`);
    return 0;
  }
  try {
    return await cmd.executer(reste, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.code;
    }
    // A data error a command did not attribute to a file is still the user's input, not a crash.
    if (e instanceof ErreurDonnees) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
}
