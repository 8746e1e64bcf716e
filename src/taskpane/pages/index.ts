import * as React from "react";
import { TableauDeBord } from "./TableauDeBord";

/**
 * A page loaded on demand (its own chunk, fetched the first time its tab is opened; App shows « Chargement… »
 * meanwhile): every page but the first, so the pane's first load stays small (npm run bench, taille.bench.js).
 */
function differee<N extends string>(
  charger: () => Promise<Record<N, React.ComponentType>>,
  nom: N,
): React.ComponentType {
  return React.lazy<React.ComponentType>(() => charger().then((m) => ({ default: m[nom] })));
}

/**
 * The pane's pages, in tab order. To add one: write src/taskpane/pages/<Page>.tsx (it talks to the workbook
 * only through `envoyer` from src/app/catalogue), add its test ids to ../testIds.ts, then add ONE line here:
 * `composant: differee(() => import("./<Page>"), "<Page>")`. Only the first page is imported directly.
 */
export interface Page {
  id: string;
  titre: string;
  composant: React.ComponentType;
}

export const PAGES: readonly Page[] = [
  { id: "tableau-de-bord", titre: "Tableau de bord", composant: TableauDeBord },
  { id: "structurer", titre: "Structurer", composant: differee(() => import("./Structurer"), "Structurer") },
  { id: "controles", titre: "Contrôles", composant: differee(() => import("./Controles"), "Controles") },
  { id: "credit-impot", titre: "Crédit d'impôt", composant: differee(() => import("./CreditImpot"), "CreditImpot") },
  { id: "financement", titre: "Financement", composant: differee(() => import("./Financement"), "Financement") },
  { id: "planning", titre: "Planning", composant: differee(() => import("./Planning"), "Planning") },
  { id: "ecarts", titre: "Écarts", composant: differee(() => import("./Ecarts"), "Ecarts") },
  { id: "carbone", titre: "Carbone", composant: differee(() => import("./Carbone"), "Carbone") },
  { id: "versions", titre: "Versions", composant: differee(() => import("./Versions"), "Versions") },
  { id: "sources", titre: "Sources", composant: differee(() => import("./Sources"), "Sources") },
];
