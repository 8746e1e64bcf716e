/**
 * The command catalogue: the ONLY way the task pane reaches the workbook (React never imports src/office). The
 * workbook itself is chosen by the composition root, src/taskpane/index.tsx (`brancherClasseur`).
 * Each domain exports its handlers from src/app/commandes/<domaine>.ts — `(wb: WorkbookPort, args) => Promise<result>`
 * — and adds one spread line to HANDLERS below. `Commandes` (names, args, results) is derived from them.
 */
import type { WorkbookPort } from "../core/port/workbook";
import { commandesCarbone } from "./commandes/carbone";
import { commandesClasseur } from "./commandes/classeur";
import { commandesCreditImpot } from "./commandes/creditImpot";
import { commandesDevis } from "./commandes/devis";
import { commandesEcarts } from "./commandes/ecarts";
import { commandesFinancement } from "./commandes/financement";
import { commandesPlanning } from "./commandes/planning";
import { commandesRegles } from "./commandes/regles";
import { commandesVersions } from "./commandes/versions";
import { commandesProduction } from "./commandes/production";
import { commandesTableauDeBord } from "./commandes/tableauDeBord";

const HANDLERS = {
  ...commandesCarbone,
  ...commandesClasseur,
  ...commandesCreditImpot,
  ...commandesDevis,
  ...commandesEcarts,
  ...commandesFinancement,
  ...commandesPlanning,
  ...commandesRegles,
  ...commandesVersions,
  ...commandesProduction,
  ...commandesTableauDeBord,
};

type Handlers = typeof HANDLERS;

/** `{ structurer: { args, result }, … }` for every command of every domain. */
export type Commandes = {
  [K in keyof Handlers]: { args: Parameters<Handlers[K]>[1]; result: Awaited<ReturnType<Handlers[K]>> };
};

export type Envoyer = <K extends keyof Commandes>(
  nom: K,
  args: Commandes[K]["args"],
) => Promise<Commandes[K]["result"]>;

/** A sender bound to one workbook (the Office workbook in the pane, a fake in tests). */
export function creerEnvoyeur(wb: WorkbookPort): Envoyer {
  return <K extends keyof Commandes>(nom: K, args: Commandes[K]["args"]) => {
    const handler = HANDLERS[nom] as (wb: WorkbookPort, a: Commandes[K]["args"]) => Promise<Commandes[K]["result"]>;
    return handler(wb, args);
  };
}

let envoyeur: Envoyer | undefined;

/**
 * Binds `envoyer` to the open workbook. Called once by the composition root (src/taskpane/index.tsx, with the
 * Office workbook); src/app itself imports no adapter.
 */
export function brancherClasseur(wb: WorkbookPort): void {
  envoyeur = creerEnvoyeur(wb);
}

/** Runs a command against the workbook given to `brancherClasseur` (the open Excel workbook in the pane). */
export function envoyer<K extends keyof Commandes>(
  nom: K,
  args: Commandes[K]["args"],
): Promise<Commandes[K]["result"]> {
  if (!envoyeur) throw new Error("Classeur non branché : brancherClasseur() doit être appelé au démarrage du volet.");
  return envoyeur(nom, args);
}
