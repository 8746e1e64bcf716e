import type { CellData, SheetData } from "../port/workbook";
import { estFormatDate } from "../port/dates";
import { datesDansTexte } from "../util/datesEcrites";
import { estSerieDate, isoDepuisSerie } from "../util/serieExcel";
import { dateFr, estDateIso } from "./dates";
import { normaliser } from "../util/texte";
import { cite, ouiNon, ref, sansFusions, texte, trouverEntetes, vide } from "./cellules";
import { PlanningError, type Etape, type Predecesseur } from "./modele";

const MOTIFS = {
  nom: /^(etape|tache|step|task|activite|phase)s?\b/,
  duree: /^(duree|jours|nb jours|nombre de jours|duration|days)\b/,
  depend: /^(depend|predecesseur|apres|depends|prerequis|antecedent)/,
  calendaire: /^(calendaire|jours calendaires|calendar)/,
  decalage: /^(decalage|delai|lag|battement)/,
  jalon: /^(jalon|milestone)/,
};

const AUCUN = /^(-|—|–|aucun|aucune|debut|néant|neant|none)$/;

export function estFeuilleEtapes(sheet: SheetData): boolean {
  return trouverEntetes(sheet, MOTIFS, ["nom", "duree"]) !== undefined;
}

/**
 * Reads the steps of a schedule sheet (columns like Étape | Durée (jours ouvrés) | Dépend de | Calendaire |
 * Décalage). An empty « Dépend de » means the previous row; « - » or « aucun » means no predecessor.
 * An empty duration is a milestone. Errors name the cell and its row.
 */
export function lireEtapes(feuille: SheetData): Etape[] {
  // A predecessor or a duration merged down several steps is read on each of them, as the user sees it.
  const sheet = sansFusions(feuille);
  const ent = trouverEntetes(sheet, MOTIFS, ["nom", "duree"]);
  if (!ent) {
    throw new PlanningError(
      `La feuille « ${sheet.name} » n'a pas d'en-tête d'étapes : colonnes « Étape » et « Durée (jours ouvrés) » attendues.`,
    );
  }
  const col = ent.colonnes;
  const brutes: { etape: Etape; depend: string | undefined; decalage: number }[] = [];
  for (let r = ent.ligne + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    const nom = texte(row[col.nom!]);
    const celDuree = row[col.duree!];
    if (!nom && vide(celDuree)) continue;
    const ligne = r + 1;
    if (!nom)
      throw new PlanningError(`Ligne ${ligne} : une durée sans nom d'étape (${ref(sheet, r, col.duree!)}).`, ligne);
    const duree = lireNombre(celDuree?.v ?? null);
    if (duree === undefined) {
      throw new PlanningError(
        `Ligne ${ligne} : durée illisible ${cite(celDuree)} pour l'étape « ${nom} » (` +
          `${ref(sheet, r, col.duree!)}) ; un nombre de jours est attendu.`,
        ligne,
      );
    }
    // Named by the duration's own cell (the step's name cell is not where the user corrects it), in French digits.
    if (duree < 0 || !Number.isInteger(duree)) {
      throw new PlanningError(
        `Ligne ${ligne} : durée ${duree < 0 ? "négative" : "non entière"} (${String(duree).replace(".", ",")}) pour ` +
          `l'étape « ${nom} » (${ref(sheet, r, col.duree!)}) ; un nombre entier de jours ≥ 0 est attendu.`,
        ligne,
      );
    }
    const celLag = col.decalage === undefined ? undefined : row[col.decalage];
    const decalage = vide(celLag) ? 0 : lireNombre(celLag!.v);
    if (decalage === undefined || decalage < 0 || !Number.isInteger(decalage)) {
      throw new PlanningError(
        `Ligne ${ligne} : décalage invalide ${cite(celLag)} pour l'étape « ${nom} » (` +
          `${ref(sheet, r, col.decalage!)}) ; un nombre entier de jours ouvrés ≥ 0 est attendu.`,
        ligne,
      );
    }
    /** A « Calendaire » or « Jalon » cell: oui or non, anything else named (never read as « non »). */
    const coche = (c: number | undefined, colonne: string): boolean => {
      if (c === undefined) return false;
      const lu = ouiNon(row[c]);
      const titre = texte(sheet.rows[ent.ligne][c]) || colonne;
      if (lu === undefined)
        throw new PlanningError(
          `Ligne ${ligne} : valeur ${cite(row[c])} illisible dans la colonne « ${titre} » pour l'étape « ${nom} » (` +
            `${ref(sheet, r, c)}) ; « oui » ou « non » est attendu.`,
          ligne,
        );
      return lu;
    };
    brutes.push({
      etape: {
        nom,
        dureeJoursOuvres: duree,
        predecesseurs: [],
        calendaire: coche(col.calendaire, "Calendaire"),
        jalon: coche(col.jalon, "Jalon") || duree === 0,
        ligne,
        cellule: ref(sheet, r, col.nom!),
      },
      decalage,
      depend: col.depend === undefined ? undefined : dependance(sheet, r, col.depend, nom),
    });
  }
  if (brutes.length === 0)
    throw new PlanningError(`La feuille « ${sheet.name} » n'a aucune étape sous son en-tête (ligne ${ent.ligne + 1}).`);
  const noms = new Map(brutes.map((b) => [normaliser(b.etape.nom), b.etape.nom]));
  return brutes.map((b, i) => {
    const lag = (n: number) => (n ? { decalage: n } : {});
    let preds: Predecesseur[];
    if (b.depend === undefined || b.depend === "")
      preds = i > 0 ? [{ nom: brutes[i - 1].etape.nom, ...lag(b.decalage) }] : [];
    else if (AUCUN.test(normaliser(b.depend))) preds = [];
    else {
      preds = b.depend
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          // « Montage image (+2 j) »: a lag for this predecessor only (the Rétroplanning sheet writes it so).
          const m = /^(.*?)\s*\(\+\s*(\d+)\s*(?:j|jours?)?\)$/i.exec(s);
          const nom = m ? m[1] : s;
          return { nom: noms.get(normaliser(nom)) ?? nom, ...lag(m ? Number(m[2]) : b.decalage) };
        });
    }
    return { ...b.etape, predecesseurs: preds };
  });
}

/** The « Dépend de » text; an Excel error there is named (read as empty it would mean « the row above »). */
function dependance(sheet: SheetData, r: number, c: number, nom: string): string {
  const cel = sheet.rows[r][c];
  if (cel?.erreur)
    throw new PlanningError(
      `Ligne ${r + 1} : prédécesseurs illisibles ${cite(cel)} pour l'étape « ${nom} » (${ref(sheet, r, c)}) ; ` +
        `des noms d'étapes séparés par des virgules sont attendus.`,
      r + 1,
    );
  return texte(cel);
}

/** "3", 3, "3 j", "3 jours", "-2"; decimals kept so that planifier can refuse them by name. */
function lireNombre(v: string | number | boolean | null): number | undefined {
  if (v === null || v === "") return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return undefined;
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(j|jo|jours?|jours? ouvres|d|days?)?$/i.exec(normaliser(v));
  return m ? Number(m[1].replace(",", ".")) : undefined;
}

/** A cell that labels the delivery: « PAD », « livraison », « prêt à diffuser » (accents and case aside). */
const LIBELLE_LIVRAISON = /(^|[^a-z])(pad|livraison|pret.a.diffuser)([^a-z]|$)/;

/** A date the steps sheet writes as the delivery's: the ISO date (undefined: unreadable, named), the cell, the words. */
export interface LivraisonEcrite {
  iso?: string;
  cellule: string;
  texte: string;
}

/** A cell that holds a date alone: a real date (ISO text from the adapters, a serial shown as a date) or a typed one. */
function dateSeule(c: CellData | undefined): { iso?: string; texte: string } | undefined {
  if (!c || c.erreur || c.v === null || typeof c.v === "boolean") return undefined;
  if (typeof c.v === "number")
    return estFormatDate(c.fmt) && estSerieDate(c.v)
      ? { iso: isoDepuisSerie(c.v), texte: dateFr(isoDepuisSerie(c.v)) }
      : undefined;
  const s = c.v.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:$|T)/.test(s)) {
    const iso = s.slice(0, 10);
    return estDateIso(iso) ? { iso, texte: dateFr(iso) } : { texte: s };
  }
  const dates = datesDansTexte(s);
  return dates.length === 1 && dates[0].texte === s ? dates[0] : undefined;
}

/**
 * The delivery dates the steps sheet writes (above its steps, beside them): a cell labelled as the delivery (« PAD au
 * diffuseur le vendredi 30 octobre 2026 », « Livraison : 30/10/2026 ») with the date in its own text, or a label cell
 * (« Date de livraison (PAD) ») followed on its row by a cell holding a date alone. Every one is returned with its
 * cell, a date that is no day (« 31 avril 2026 », « lundi 30 octobre 2026 ») with `iso` undefined: the caller takes one
 * date only when they all say the same, and names them otherwise.
 */
export function livraisonsEcrites(sheet: SheetData): LivraisonEcrite[] {
  // The sheet as stored, not `sansFusions`: a title merged down rows is one label, read on its top cell.
  const out: LivraisonEcrite[] = [];
  const vues = new Set<string>();
  sheet.rows.forEach((row, r) =>
    row.forEach((c, i) => {
      if (typeof c?.v !== "string" || c.erreur || !LIBELLE_LIVRAISON.test(normaliser(c.v))) return;
      const cellule = ref(sheet, r, i);
      const dansTexte = datesDansTexte(c.v);
      if (dansTexte.length) {
        for (const d of dansTexte) out.push({ ...d, cellule });
        return;
      }
      // The label alone: the next filled cell of its row, when it holds a date alone (a duration is no date).
      let j = i + 1;
      while (j < row.length && vide(row[j])) j++;
      const d = dateSeule(row[j]);
      const la = ref(sheet, r, j);
      if (d && !vues.has(la)) {
        vues.add(la);
        out.push({ ...d, cellule: la });
      }
    }),
  );
  return out;
}
