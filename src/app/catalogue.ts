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
import { ErreurExpliquee } from "../core/erreurs";

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
      throw new ErreurExpliquee("Prodbook n'a pas pu charger ses calculs : vérifiez la connexion puis recommencez.");
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

/** The workbook, given as it is or as a loader (the pane's Office adapter is a chunk fetched on the first command). */
export type ClasseurBranche = WorkbookPort | (() => Promise<WorkbookPort>);

/** A loader called once, on the first command; called again by the next command if it failed. */
function classeurDiffere(charger: () => Promise<WorkbookPort>): () => Promise<WorkbookPort> {
  let wb: Promise<WorkbookPort> | undefined;
  return () => {
    wb ??= charger().catch(() => {
      wb = undefined;
      throw new ErreurExpliquee(
        "Prodbook n'a pas pu charger l'accès au classeur : vérifiez la connexion puis recommencez.",
      );
    });
    return wb;
  };
}

/**
 * Binds `envoyer` to the open workbook. Called once by the composition root (src/taskpane/index.tsx, with a loader
 * of the Office workbook, so that the adapter stays out of the pane's first load); src/app itself imports no adapter.
 */
export function brancherClasseur(wb: ClasseurBranche): void {
  if (typeof wb !== "function") {
    envoyeur = creerEnvoyeur(wb);
    return;
  }
  const classeur = classeurDiffere(wb);
  envoyeur = async (nom, args) => {
    // The adapter and the use cases arrive together (two chunks fetched side by side).
    const [w] = await Promise.all([classeur(), chargerHandlers()]);
    return creerEnvoyeur(w)(nom, args);
  };
}

/** Runs a command against the workbook given to `brancherClasseur` (the open Excel workbook in the pane). */
export function envoyer<K extends keyof Commandes>(
  nom: K,
  args: Commandes[K]["args"],
): Promise<Commandes[K]["result"]> {
  if (!envoyeur) throw new Error("Classeur non branché : brancherClasseur() doit être appelé au démarrage du volet.");
  return envoyeur(nom, args);
}
