import Decimal from "decimal.js";
import * as fs from "fs";
import * as path from "path";
import { centsToDecimalString, formatMontantFr, type Cents } from "../../core/money";
import {
  CorrespondancesError,
  lireCorrespondancesCsv,
  type TableCorrespondances,
} from "../../core/comptabilite/correspondances";
import { calculerRealise } from "../../core/comptabilite/realise";
import { calculerEcarts, type RapportEcarts } from "../../core/ecarts/calcul";
import { GrandLivreTropGrandError, rapprocher } from "../../core/ecarts/rapprocher";
import { DevisIntrouvableError, importerDevis } from "../../core/devis/import";
import { trouverFeuilleDevis } from "../../core/devis/trouver";
import type { SheetData } from "../../core/port/workbook";
import { analyserArgs, sortieXlsx } from "../args";
import { CliError, ecrireJson, enregistrerSortie, erreurFichier, type Commande, type Io } from "../io";
import { lireFichierFec, lireMapping } from "./fec";
import { XlsxWorkbook } from "../../xlsx/xlsxWorkbook";

const USAGE =
  "prodbook ecarts <devis.xlsx> --fec <fichier> --correspondances <fichier.csv> [--encodage utf-8|windows-1252] [--colonnes " +
  "correspondance.json] [--json] [-o sortie.xlsx]";
const m = (c: Cents) => centsToDecimalString(c);

/** The public JSON contract of `prodbook ecarts --json` (issue 3 §5): here écart = réalisé − budget per chapter. */
export function jsonEcarts(r: RapportEcarts) {
  return {
    postes: r.chapitres.map((c) => {
      const ecart = c.realise - c.budget;
      return {
        code: c.code,
        libelle: c.libelle,
        budget: m(c.budget),
        realise: m(c.realise),
        ecart: m(ecart as Cents),
        ecartPct:
          c.budget === 0 ? null : new Decimal(ecart).times(100).dividedBy(c.budget).toFixed(2, Decimal.ROUND_HALF_UP),
      };
    }),
    nonAffecte: {
      total: m(r.realise.totalNonAffecte),
      comptes: r.realise.nonAffectes.map((c) => ({ compte: c.compte, total: m(c.total) })),
    },
    totaux: { budget: m(r.total.budget), realise: m(r.total.realise), classe6: m(r.realise.classe6) },
  };
}

function texteEcarts(r: RapportEcarts, io: Io): void {
  const f = (c: Cents) => formatMontantFr(c).padStart(16);
  io.out(`${"Chapitre".padEnd(40)} ${"Budget".padStart(16)} ${"Réalisé".padStart(16)} ${"Écart".padStart(16)}`);
  for (const c of r.chapitres)
    io.out(
      `${`${c.code} ${c.libelle}`.slice(0, 40).padEnd(40)} ${f(c.budget)} ${f(c.realise)} ${f((c.realise - c.budget) as Cents)}`,
    );
  io.out(
    `${"Total".padEnd(40)} ${f(r.total.budget)} ${f(r.total.realise)} ${f((r.total.realise - r.total.budget) as Cents)}`,
  );
  io.out(
    `Classe 6 nette : ${formatMontantFr(r.realise.classe6)} = affecté ${formatMontantFr(r.realise.affecte)} + non affecté ` +
      `${formatMontantFr(r.realise.totalNonAffecte)}${r.realise.conserve ? "" : "  (INCOHÉRENT)"}`,
  );
  for (const c of r.realise.nonAffectes) io.out(`  sans poste : ${c.compte} ${c.libelle} ${formatMontantFr(c.total)}`);
  for (const c of r.realise.constats) io.out(`[${c.gravite}] ${c.regle} — ${c.message}`);
}

function lireCsv(chemin: string): TableCorrespondances {
  let texte: string;
  try {
    texte = fs.readFileSync(chemin, "utf8");
  } catch {
    throw new CliError(`Fichier de correspondances introuvable : ${chemin}`);
  }
  try {
    return lireCorrespondancesCsv(texte, path.basename(chemin));
  } catch (e) {
    if (e instanceof CorrespondancesError) throw new CliError(e.message);
    throw e;
  }
}

export const commande: Commande = {
  nom: "ecarts",
  resume:
    "Rapproche le Grand Livre (FEC) du devis : réalisé par poste, écarts, comptes sans poste ; -o écrit Grand livre, " +
    "Correspondances, Écarts et Coût définitif",
  usage: USAGE,
  async executer(args, io) {
    const { values, positionals } = analyserArgs(
      args,
      {
        fec: { type: "string" },
        correspondances: { type: "string" },
        encodage: { type: "string" },
        colonnes: { type: "string" },
        json: { type: "boolean" },
        o: { type: "string", short: "o" },
      },
      USAGE,
    );
    if (positionals.length !== 1) throw new CliError(`Indiquez le classeur du devis (.xlsx).\nUsage : ${USAGE}`);
    if (!values.fec) throw new CliError(`L'option --fec <fichier> est obligatoire.\nUsage : ${USAGE}`);
    if (!values.correspondances)
      throw new CliError(`L'option --correspondances <fichier.csv> est obligatoire.\nUsage : ${USAGE}`);
    const sortie = values.o as string | undefined;
    sortieXlsx(sortie);
    const encodage = values.encodage as "utf-8" | "windows-1252" | undefined;
    if (encodage !== undefined && !["utf-8", "windows-1252", "iso-8859-15"].includes(encodage)) {
      throw new CliError(`L'option --encodage attend utf-8, windows-1252 ou iso-8859-15 ; reçu « ${encodage} ».`);
    }
    const correspondances = lireCsv(values.correspondances as string);
    let wb: XlsxWorkbook;
    try {
      wb = await XlsxWorkbook.ouvrir(positionals[0]);
    } catch (e) {
      throw erreurFichier(e, positionals[0]);
    }
    const colonnes = values.colonnes ? lireMapping(values.colonnes as string) : undefined;
    // Kept lines are needed for the Grand livre sheet (a ledger CSV keeps them anyway, for its analytic sections).
    const fec = await lireFichierFec(values.fec as string, { encodage, colonnes, conserver: sortie !== undefined });
    let rapport: RapportEcarts;
    try {
      if (sortie) {
        rapport = (await rapprocher(wb, { fec, correspondances })).rapport;
        await enregistrerSortie(wb, sortie);
      } else {
        const feuilles: SheetData[] = [];
        const prodbook = await wb.feuillesProdbook();
        for (const n of await wb.listSheets()) {
          if (prodbook.some((p) => p.toLowerCase() === n.toLowerCase())) continue;
          const s = await wb.readSheet(n);
          if (s) feuilles.push(s);
        }
        const source = trouverFeuilleDevis(feuilles);
        if (!source)
          throw new DevisIntrouvableError(
            feuilles[0]?.name ?? "",
            feuilles.map((f) => f.name),
          );
        rapport = calculerEcarts(importerDevis(source), calculerRealise(fec, correspondances));
      }
    } catch (e) {
      // Too many ledger lines for a sheet: the FEC is at stake, not the devis.
      throw erreurFichier(e, e instanceof GrandLivreTropGrandError ? (values.fec as string) : positionals[0]);
    }
    if (values.json) ecrireJson(io, jsonEcarts(rapport));
    else texteEcarts(rapport, io);
    if (sortie && !values.json) io.out(`Classeur écrit : ${sortie}`);
    return 0;
  },
};
