import { PlanningError, designation, type Etape } from "./modele";
import { normaliser } from "../util/texte";

/**
 * Indices of the steps in dependency order (predecessors first). Throws PlanningError for duplicate names,
 * unknown predecessors and cycles, naming the steps and their rows.
 */
export function ordreTopologique(etapes: Etape[]): number[] {
  const index = new Map<string, number>();
  etapes.forEach((e, i) => {
    const j = index.get(e.nom);
    if (j !== undefined)
      throw new PlanningError(
        `Deux étapes portent le nom « ${e.nom} » : ${designation(etapes[j])} et ${designation(e)}. Renommez l'une d'elles.`,
        e.ligne,
      );
    index.set(e.nom, i);
  });
  const preds = etapes.map((e) =>
    e.predecesseurs.map((p) => {
      const j = index.get(p.nom);
      if (j === undefined) {
        const proche = etapes.find((x) => normaliser(x.nom) === normaliser(p.nom));
        const suggestion = proche ? ` Vouliez-vous dire « ${proche.nom} » ?` : "";
        throw new PlanningError(
          `L'étape ${designation(e)} dépend de « ${p.nom} », qui n'est pas une étape du planning.${suggestion}`,
          e.ligne,
        );
      }
      return j;
    }),
  );
  const etat = etapes.map(() => 0); // 0 not seen, 1 in progress, 2 done
  const ordre: number[] = [];
  const pile: number[] = [];
  const visiter = (i: number): void => {
    if (etat[i] === 2) return;
    if (etat[i] === 1) {
      const cycle = [...pile.slice(pile.indexOf(i)), i].map((k) => designation(etapes[k]));
      throw new PlanningError(
        `Cycle de dépendances (« → » se lit « dépend de ») : ${cycle.join(" → ")}. Une étape ne peut pas dépendre d'elle-même, ` +
          `même indirectement.`,
        etapes[i].ligne,
      );
    }
    etat[i] = 1;
    pile.push(i);
    for (const j of preds[i]) visiter(j);
    pile.pop();
    etat[i] = 2;
    ordre.push(i);
  };
  etapes.forEach((_, i) => visiter(i));
  return ordre;
}
