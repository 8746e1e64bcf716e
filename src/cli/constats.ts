import type { Constat } from "../core/controles/constat";
import { GRAVITES, titreConstat } from "../core/controles/titres";
import type { RegleUtilisee } from "../core/regles/utilisees";

/**
 * The rule tables' presentation, loaded when a text names a rule table: presentationRegles and the audit load every
 * table of src/core/regles/data (and their schemas), which a command printing no rule (`versions comparer`) does not
 * pay for on each run.
 */
const presentation = () => require("../app/presentationRegles") as typeof import("../app/presentationRegles");
const audit = () => require("../core/regles/audit") as typeof import("../core/regles/audit");

/**
 * A finding in the text output, as a user reads it: « [alerte] HT + TVA ≠ TTC — message (cellule) ». The French title
 * stands for the rule id, which stays in --json only (`regle`, a public contract).
 */
export function ligneConstat(c: Constat, retrait = "  ", avecCellule = false): string {
  const ou = avecCellule && c.cellule ? ` (${c.cellule})` : "";
  return `${retrait}[${GRAVITES[c.gravite].singulier}] ${titreConstat(c.regle)} — ${c.message}${ou}`;
}

/** « Contrôles : 1 erreur, 2 alertes, 0 information » (French plurals, no « (s) »). */
export function resumeConstats(constats: readonly Constat[]): string {
  const n = (g: Constat["gravite"]) => {
    const k = constats.filter((c) => c.gravite === g).length;
    return `${k} ${k >= 2 ? GRAVITES[g].pluriel : GRAVITES[g].singulier}`;
  };
  return `Contrôles : ${n("erreur")}, ${n("alerte")}, ${n("info")}`;
}

/**
 * « Règles appliquées » in the text output: each rule-table version by its French name and date in words, « texte
 * officiel » or « à vérifier », and the text it rests on (short title and address). The table ids are in --json
 * (`tables[].id`).
 */
export function texteRegles(ts: readonly RegleUtilisee[]): string[] {
  if (!ts.length) return [];
  const { regleLisible } = presentation();
  return [
    "Règles appliquées :",
    ...ts.map((t) => {
      const r = regleLisible(t);
      return `  ${r.nom}, ${r.version} (${r.mention})${r.texte ? ` — ${r.texte.libelle} ${r.texte.url}` : ""}`;
    }),
  ];
}

const echapper = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A core alert for the text output: each rule-table id becomes the table's French name and « confiance M » « à
 * vérifier »; the addresses stay (a terminal shows them) and so do the « Paramètres » keys, which the user types.
 */
export function alerteTexte(message: string): string {
  let t = message;
  const { nomTable } = presentation();
  // Longest first: « credit-impot-cinema-plafond » before « credit-impot-cinema ».
  const ids = audit()
    .tablesRegles()
    .map((x) => x.id)
    .sort((a, b) => b.length - a.length);
  for (const id of ids) {
    const nom = nomTable(id);
    if (nom) t = t.replace(new RegExp(`(?<![\\w.-])${echapper(id)}(?![\\w.-])`, "g"), `« ${nom} »`);
  }
  return t.replace(/confiance [ML]\b/g, "à vérifier").replace(/confiance H\b/g, "texte officiel");
}
