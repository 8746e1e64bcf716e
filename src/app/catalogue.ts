/**
 * The command catalogue: the ONLY way the task pane reaches the workbook (React never imports src/office). The
 * workbook itself is chosen by the composition root, src/taskpane/index.tsx (`brancherClasseur`).
 * Each domain exports its handlers from src/app/commandes/<domaine>.ts — `(wb: WorkbookPort, args) => Promise<result>`
 * — and adds one spread line to HANDLERS in src/app/commandes/index.ts. `Commandes` (names, args, results) is
 * derived from them. The handlers (every use case and src/core behind it) are loaded on the first command, not
 * with the pane's first page.
 */
import type { WorkbookPort } from "../core/port/workbook";
import type { HANDLERS } from "./commandes";

type Handlers = typeof HANDLERS;

/** `{ structurer: { args, result }, … }` for every command of every domain. */
export type Commandes = {
  [K in keyof Handlers]: { args: Parameters<Handlers[K]>[1]; result: Awaited<ReturnType<Handlers[K]>> };
};

export type Envoyer = <K extends keyof Commandes>(
  nom: K,
  args: Commandes[K]["args"],
) => Promise<Commandes[K]["result"]>;

let handlers: Promise<Handlers> | undefined;

/** The handlers, loaded once on the first command (a chunk of their own in the pane). */
function chargerHandlers(): Promise<Handlers> {
  handlers ??= import(/* webpackChunkName: "commandes" */ "./commandes").then(
    (m) => m.HANDLERS,
    () => {
      handlers = undefined; // the next command tries again
      throw new Error("Prodbook n'a pas pu charger ses calculs : vérifiez la connexion puis recommencez.");
    },
  );
  return handlers;
}

/** A sender bound to one workbook (the Office workbook in the pane, a fake in tests). */
export function creerEnvoyeur(wb: WorkbookPort): Envoyer {
  return async <K extends keyof Commandes>(nom: K, args: Commandes[K]["args"]) => {
    const tous = await chargerHandlers();
    const handler = tous[nom] as (wb: WorkbookPort, a: Commandes[K]["args"]) => Promise<Commandes[K]["result"]>;
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
