import type { CellSpec, RangeFormat } from "../port/workbook";
import { COL_FACTEUR, ENTETES_FACTEURS, TYPE_ACTIVITE, TYPE_MANQUANT, TYPE_MONETAIRE } from "./colonnes";
import type { JeuFacteurs } from "./facteurs";

/**
 * The factor table written under the activities: every factor (value, unit, type, base, identifier, confidence,
 * source), then the « manquants » with an empty value and their reason. The activity rows look their factor up
 * here by code, so a value replaced in Paramètres shows, and is used, on the sheet itself.
 */
export function blocFacteurs(
  jeu: JeuFacteurs,
  ligneTitre: number,
): { rows: CellSpec[][]; formats: RangeFormat[]; premiere: number; derniere: number } {
  const rows: CellSpec[][] = [ENTETES_FACTEURS.slice()];
  for (const f of jeu.facteurs.values()) {
    const r: CellSpec[] = [];
    r[COL_FACTEUR.code] = f.code;
    r[COL_FACTEUR.libelle] = f.libelle;
    r[COL_FACTEUR.valeur] = Number(f.valeur);
    r[COL_FACTEUR.unite] = f.unite;
    r[COL_FACTEUR.type] = f.type === "monetaire" ? TYPE_MONETAIRE : TYPE_ACTIVITE;
    r[COL_FACTEUR.base] = f.base;
    r[COL_FACTEUR.identifiant] = f.identifiant;
    r[COL_FACTEUR.nom] = f.nom;
    r[COL_FACTEUR.confiance] = f.confiance === "H" ? "H" : `${f.confiance} (à vérifier)`;
    r[COL_FACTEUR.source] = f.url ? `${f.source} — ${f.url}` : f.source;
    rows.push(r);
  }
  for (const m of jeu.manquants.values()) {
    const r: CellSpec[] = [];
    r[COL_FACTEUR.code] = m.code;
    r[COL_FACTEUR.libelle] = m.libelle;
    r[COL_FACTEUR.valeur] = null;
    r[COL_FACTEUR.unite] = m.unite;
    r[COL_FACTEUR.type] = TYPE_MANQUANT;
    r[COL_FACTEUR.base] = null;
    r[COL_FACTEUR.identifiant] = null;
    r[COL_FACTEUR.nom] = null;
    r[COL_FACTEUR.confiance] = null;
    r[COL_FACTEUR.source] = m.raison;
    rows.push(r);
  }
  const entete = ligneTitre + 1;
  const premiere = entete + 1;
  const derniere = entete + rows.length - 1;
  return {
    rows,
    premiere,
    derniere,
    formats: [
      { range: `A${entete}:J${entete}`, bold: true, fill: "#DDEBF7" },
      { range: `C${premiere}:C${derniere}`, numFmt: "General" },
    ],
  };
}

/**
 * The conversions of weeks and months into days of use, under the factor table: code, days per unit, date,
 * confidence and reason, so that the « 3 semaines × 5 j » of an activity row can be checked and overridden
 * (Paramètres, clé carbone.<code>), then the plan de travail's shooting week when it gives one. `ligneBlanche` is
 * the sheet row of the blank row before the block.
 */
export function blocConversions(
  jeu: JeuFacteurs,
  ligneBlanche: number,
): { rows: CellSpec[][]; formats: RangeFormat[] } {
  if (!jeu.conversions.size) return { rows: [], formats: [] };
  const rows: CellSpec[][] = [
    [],
    ["Durées converties en jours d'utilisation (remplaçables dans la feuille Paramètres : clé carbone.<code>)"],
    ["Code", "Libellé", "Jours par unité", "Unité", "Unité du devis", "Fixé le", "Confiance", "Source"],
  ];
  // The plan de travail's shooting week (for the rented shooting equipment) comes after the table's conventions.
  for (const c of [...jeu.conversions.values(), ...(jeu.plan?.conversion ? [jeu.plan.conversion] : [])])
    rows.push([
      c.code,
      c.libelle,
      Number(c.valeur),
      c.unite,
      c.de,
      c.fixeLe,
      c.confiance === "H" ? "H" : `${c.confiance} (à vérifier)`,
      c.source,
    ]);
  const titre = ligneBlanche + 1;
  return {
    rows,
    formats: [
      { range: `A${titre}`, bold: true },
      { range: `A${titre + 1}:H${titre + 1}`, bold: true, fill: "#DDEBF7" },
    ],
  };
}
