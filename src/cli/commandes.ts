import type { Commande } from "./io";

/** A command known by name, loaded only when it runs: `prodbook fec` does not pay for the others' modules. */
export interface EntreeCommande {
  nom: string;
  charger(): Commande;
}

/**
 * The CLI's commands. Each lives in src/cli/commands/<module>.ts and exports `commande` with the same `nom`.
 * Add one line here per command (keep alphabetical order).
 */
export const COMMANDES: EntreeCommande[] = [
  { nom: "carbone", charger: () => (require("./commands/carbone") as typeof import("./commands/carbone")).commande },
  {
    nom: "credit-impot",
    charger: () => (require("./commands/creditImpot") as typeof import("./commands/creditImpot")).commande,
  },
  { nom: "devis", charger: () => (require("./commands/devis") as typeof import("./commands/devis")).commande },
  { nom: "ecarts", charger: () => (require("./commands/ecarts") as typeof import("./commands/ecarts")).commande },
  { nom: "fec", charger: () => (require("./commands/fec") as typeof import("./commands/fec")).commande },
  {
    nom: "financement",
    charger: () => (require("./commands/financement") as typeof import("./commands/financement")).commande,
  },
  { nom: "planning", charger: () => (require("./commands/planning") as typeof import("./commands/planning")).commande },
  { nom: "regles", charger: () => (require("./commands/regles") as typeof import("./commands/regles")).commande },
  { nom: "versions", charger: () => (require("./commands/versions") as typeof import("./commands/versions")).commande },
];
