import type * as React from "react";
import { Carbone } from "./Carbone";
import { Controles } from "./Controles";
import { CreditImpot } from "./CreditImpot";
import { Ecarts } from "./Ecarts";
import { Financement } from "./Financement";
import { Structurer } from "./Structurer";
import { TableauDeBord } from "./TableauDeBord";
import { Planning } from "./Planning";
import { Sources } from "./Sources";
import { Versions } from "./Versions";

/**
 * The pane's pages, in tab order. To add one: write src/taskpane/pages/<Page>.tsx (it talks to the workbook
 * only through `envoyer` from src/app/catalogue), add its test ids to ../testIds.ts, then add ONE line here.
 */
export interface Page {
  id: string;
  titre: string;
  composant: React.ComponentType;
}

export const PAGES: readonly Page[] = [
  { id: "tableau-de-bord", titre: "Tableau de bord", composant: TableauDeBord },
  { id: "structurer", titre: "Structurer", composant: Structurer },
  { id: "controles", titre: "Contrôles", composant: Controles },
  { id: "credit-impot", titre: "Crédit d'impôt", composant: CreditImpot },
  { id: "financement", titre: "Financement", composant: Financement },
  { id: "planning", titre: "Planning", composant: Planning },
  { id: "ecarts", titre: "Écarts", composant: Ecarts },
  { id: "carbone", titre: "Carbone", composant: Carbone },
  { id: "versions", titre: "Versions", composant: Versions },
  { id: "sources", titre: "Sources", composant: Sources },
];
