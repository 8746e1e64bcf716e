import * as fs from "fs";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import { FecFormatError, LecteurFec, type EncodageFec, type OptionsFec, type ResultatFec } from "../../core/comptabilite/fec";
import { analyserArgs, choixArg } from "../args";
import { CliError, ecrireJson, type Commande, type Io } from "../io";

const USAGE = "prodbook fec <fichier> [--encodage utf-8|windows-1252|iso-8859-15] [--json]";
const ENCODAGES = ["utf-8", "windows-1252", "iso-8859-15"] as const;

/** Streams a FEC file from disk into the core reader (the only fs access of the FEC path). */
export async function lireFichierFec(chemin: string, opts: OptionsFec = {}): Promise<ResultatFec> {
  let st: fs.Stats;
  try {
    st = fs.statSync(chemin);
  } catch {
    throw new CliError(`Fichier introuvable : ${chemin}`);
  }
  if (!st.isFile()) throw new CliError(`${chemin} n'est pas un fichier.`);
  const lecteur = new LecteurFec(opts);
  try {
    for await (const morceau of fs.createReadStream(chemin, { highWaterMark: 1 << 20 })) {
      lecteur.pousser(morceau as Buffer);
    }
    return lecteur.terminer();
  } catch (e) {
    if (e instanceof FecFormatError) throw new CliError(`${chemin} : ${e.message}`);
    if ((e as NodeJS.ErrnoException).code) throw new CliError(`Lecture impossible de ${chemin} : ${(e as Error).message}`);
    throw e;
  }
}

const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook fec --json` (issue 3). */
export function jsonFec(r: ResultatFec) {
  const parClasse: Record<string, { debit: string; credit: string }> = {};
  for (const [k, v] of r.parClasse) parClasse[k] = { debit: m(v.debit), credit: m(v.credit) };
  return {
    format: { separateur: r.format.separateur, encodage: r.format.encodage, montants: r.format.montants, colonnes: r.format.colonnes },
    ecritures: r.ecritures,
    debit: m(r.debit),
    credit: m(r.credit),
    comptes: r.comptes.size,
    parClasse,
    erreurs: r.erreurs.map((e) => ({ ligne: e.ligne, message: e.message })),
    alertes: r.alertes.map((a) => (a.ecritureNum !== undefined ? { ligne: a.ligne, ecritureNum: a.ecritureNum, message: a.message } : { ligne: a.ligne, message: a.message })),
  };
}

function texteFec(chemin: string, r: ResultatFec, io: Io): void {
  const f = r.format;
  io.out(`FEC ${chemin}`);
  io.out(
    `  Format : séparateur ${f.separateur === "tab" ? "tabulation" : "|"}, ${f.encodage}${f.bom ? " (BOM)" : ""}${f.encodageForce ? " imposé" : ""}, ` +
      `${f.montants === "debit-credit" ? "Debit/Credit" : "Montant/Sens"}, ${f.colonnes} colonnes`,
  );
  io.out(`  Écritures importées : ${r.ecritures} sur ${r.lignesDonnees} lignes de données (${r.erreurs.length} rejetée(s))`);
  io.out(`  Débit : ${formatMontantFr(r.debit)}   Crédit : ${formatMontantFr(r.credit)}${r.debit === r.credit ? "   (équilibré)" : "   (DÉSÉQUILIBRÉ)"}`);
  io.out(`  Comptes : ${r.comptes.size}`);
  for (const [k, v] of r.parClasse) io.out(`    classe ${k} : débit ${formatMontantFr(v.debit)}, crédit ${formatMontantFr(v.credit)}`);
  const max = 20;
  if (r.erreurs.length) io.out(`  Lignes rejetées :`);
  for (const e of r.erreurs.slice(0, max)) io.out(`    ${e.message}`);
  if (r.erreurs.length > max) io.out(`    … et ${r.erreurs.length - max} autre(s) (--json pour la liste complète)`);
  if (r.alertes.length) io.out(`  Alertes :`);
  for (const a of r.alertes.slice(0, max)) io.out(`    ligne ${a.ligne} : ${a.message}`);
  if (r.alertes.length > max) io.out(`    … et ${r.alertes.length - max} autre(s)`);
}

export const commande: Commande = {
  nom: "fec",
  resume: "Lit un FEC (Grand Livre) : format détecté, totaux au centime, lignes rejetées, écritures déséquilibrées",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(args, { encodage: { type: "string" }, json: { type: "boolean" } }, USAGE);
    if (positionals.length !== 1) throw new CliError(`Indiquez un fichier FEC.\nUsage : ${USAGE}`);
    const encodage = choixArg(values.encodage as string | undefined, "--encodage", ENCODAGES) as EncodageFec | undefined;
    const r = await lireFichierFec(positionals[0], { encodage });
    if (values.json) ecrireJson(io, jsonFec(r));
    else texteFec(positionals[0], r, io);
    return r.erreurs.length ? 1 : 0;
  },
};
