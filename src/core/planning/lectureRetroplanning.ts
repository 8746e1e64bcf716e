import type { SheetData } from "../port/workbook";
import { normaliser } from "../util/texte";

/** One step of a « Rétroplanning » sheet written by Prodbook, as the sheet holds it now. */
export interface EtapeLue {
  nom: string;
  debut?: string;
  fin?: string;
  /** Working days the step can slip (column « Marge (j ouvrés) »). */
  marge?: number;
  critique: boolean;
}

export interface RetroplanningLu {
  etapes: EtapeLue[];
  /** First start and last end of the steps (ISO). */
  debut?: string;
  fin?: string;
  /** The steps marked critical, in sheet order. */
  cheminCritique: string[];
  /** The non-critical step with the least slack: the next one to become critical. */
  margeMinimale?: { etape: string; jours: number };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads the steps table of Prodbook's « Rétroplanning » sheet (Étape, Début, Fin, Marge, Critique), found by its
 * headers; undefined when the sheet has no such table. Dates are the ISO text the adapters give for date cells.
 */
export function lireRetroplanning(s: SheetData): RetroplanningLu | undefined {
  const h = s.rows.findIndex((r) => normaliser(String(r[0]?.v ?? "")) === "etape" && r.length > 4);
  if (h < 0) return undefined;
  const entetes = s.rows[h].map((c) => normaliser(String(c.v ?? "")));
  const col = (debut: string) => entetes.findIndex((e) => e.startsWith(debut));
  const [cDebut, cFin, cMarge, cCritique] = [col("debut"), col("fin"), col("marge"), col("critique")];
  if (cDebut < 0 || cFin < 0 || cCritique < 0) return undefined;
  const etapes: EtapeLue[] = [];
  for (let i = h + 1; i < s.rows.length; i++) {
    const r = s.rows[i];
    const nom = r[0]?.v;
    if (nom === null || nom === undefined || nom === "") break;
    const date = (c: number) => {
      const v = r[c]?.v;
      return typeof v === "string" && ISO.test(v) ? v : undefined;
    };
    const marge = cMarge >= 0 ? r[cMarge]?.v : undefined;
    etapes.push({
      nom: String(nom),
      debut: date(cDebut),
      fin: date(cFin),
      marge: typeof marge === "number" ? marge : undefined,
      critique: normaliser(String(r[cCritique]?.v ?? "")) === "oui",
    });
  }
  if (etapes.length === 0) return undefined;
  const debuts = etapes.map((e) => e.debut).filter((d): d is string => d !== undefined);
  const fins = etapes.map((e) => e.fin).filter((d): d is string => d !== undefined);
  let margeMinimale: RetroplanningLu["margeMinimale"];
  for (const e of etapes)
    if (!e.critique && e.marge !== undefined && (!margeMinimale || e.marge < margeMinimale.jours))
      margeMinimale = { etape: e.nom, jours: e.marge };
  return {
    etapes,
    debut: debuts.length ? debuts.reduce((a, b) => (a < b ? a : b)) : undefined,
    fin: fins.length ? fins.reduce((a, b) => (a > b ? a : b)) : undefined,
    cheminCritique: etapes.filter((e) => e.critique).map((e) => e.nom),
    margeMinimale,
  };
}
