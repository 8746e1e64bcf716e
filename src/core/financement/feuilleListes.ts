import type { CellSpec, SheetSpec } from "../port/workbook";
import { nomFeuilleRef } from "../util/adresse";
import { CategorieFinancement, categoriesEnVigueur } from "./categories";
import { LIBELLES_STATUT, STATUTS } from "./model";

/** Hidden sheet holding the lists of the « Plan de financement » validations and the category flags. */
export const NOM_FEUILLE_LISTES = "Listes financement";

export const ORIGINES = ["France", "Étranger"] as const;
export const OUI = "Oui";
export const NON = "Non";

export interface PlagesListes {
  /** Category labels, e.g. 'Listes financement'!$A$2:$A$25 (absolute). */
  categories: string;
  /** Label → flags lookup table: A (label) … E (diffuseur). */
  table: string;
  statuts: string;
  origines: string;
  nbCategories: number;
}

export function plagesListes(nomListes: string, nbCategories: number): PlagesListes {
  const f = nomFeuilleRef(nomListes);
  const fin = nbCategories + 1;
  return {
    categories: `${f}!$A$2:$A$${fin}`,
    table: `${f}!$A$2:$E$${fin}`,
    statuts: `${f}!$H$2:$H$${STATUTS.length + 1}`,
    origines: `${f}!$I$2:$I$${ORIGINES.length + 1}`,
    nbCategories,
  };
}

const ouiNon = (b: boolean | undefined) => (b ? OUI : NON);

export function feuilleListes(
  nom: string,
  date: string,
): { spec: SheetSpec; plages: PlagesListes; categories: CategorieFinancement[] } {
  const cats = categoriesEnVigueur(date);
  const rows: CellSpec[][] = [
    [
      "Catégorie",
      "Aide publique",
      "Aide CNC",
      "Diffuseur",
      "Étranger",
      "Identifiant",
      "Classement (confiance, source)",
      "Statut",
      "Origine",
    ],
  ];
  const n = Math.max(cats.length, STATUTS.length, ORIGINES.length);
  for (let i = 0; i < n; i++) {
    const c = cats[i];
    rows.push([
      c ? c.libelle : null,
      c ? ouiNon(c.public) : null,
      c ? ouiNon(c.cnc) : null,
      c ? ouiNon(c.diffuseur) : null,
      c ? ouiNon(c.etranger) : null,
      c ? c.id : null,
      c ? `[${c.classement.confiance}] ${c.classement.source.titre} — ${c.classement.source.url}` : null,
      i < STATUTS.length ? LIBELLES_STATUT[STATUTS[i]] : null,
      i < ORIGINES.length ? ORIGINES[i] : null,
    ]);
  }
  return {
    spec: {
      name: nom,
      rows,
      hidden: true,
      columns: [
        { width: 48 },
        { width: 12 },
        { width: 10 },
        { width: 10 },
        { width: 10 },
        { width: 28 },
        { width: 80 },
        { width: 16 },
        { width: 10 },
      ],
    },
    plages: plagesListes(nom, cats.length),
    categories: cats,
  };
}
