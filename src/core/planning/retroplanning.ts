import { Calendrier, type Zone } from "./calendrier";
import { dateEnLettres, isoDepuisJour, jourDepuisIso } from "./dates";
import { ordreTopologique } from "./graphe";
import { JOURS_MAX, PlanningError, designation, type Etape, type Predecesseur } from "./modele";
import { decimalFr } from "../util/texte";

export { PlanningError, designation, type Etape, type Predecesseur } from "./modele";

export interface EtapePlanifiee {
  nom: string;
  debut: string;
  fin: string;
  joursOuvres: number;
  /** Working days the step can slip without moving the plan's start (backward) or end (forward). */
  marge: number;
  critique: boolean;
  calendaire: boolean;
  jalon: boolean;
  predecesseurs: Predecesseur[];
  /** Earliest and latest start, for the sheets. */
  debutAuPlusTot: string;
  debutAuPlusTard: string;
  ligne?: number;
}

export interface Planning {
  mode: "retro" | "avant";
  zone: Zone;
  /** First and last day of the plan. */
  debut: string;
  fin: string;
  etapes: EtapePlanifiee[];
  cheminCritique: string[];
  jalons: { nom: string; date: string }[];
}

export type OptionsPlanning = { zone?: Zone } & (
  { livraison: string; debut?: undefined } | { debut: string; livraison?: undefined }
);

interface Passe {
  debut: number[];
  fin: number[];
}

export { JOURS_MAX };

/** « 2 600 »; past 15 digits as the cell shows it (« 1e+300 »), never its 300 digits spelt out. */
const joursFr = (n: number) => (n >= 1e15 ? String(n) : decimalFr(String(n)));

function valider(etapes: Etape[]): void {
  if (etapes.length === 0) throw new PlanningError("Aucune étape à planifier.");
  etapes.forEach((e) => {
    if (!e.nom.trim()) throw new PlanningError(`Étape sans nom${e.ligne ? ` à la ligne ${e.ligne}` : ""}.`, e.ligne);
    const d = e.dureeJoursOuvres;
    if (!Number.isFinite(d) || d < 0)
      throw new PlanningError(
        `Durée négative ou invalide (${d}) pour l'étape ${designation(e)} : un nombre de jours ≥ 0 est attendu.`,
        e.ligne,
      );
    if (!Number.isInteger(d))
      throw new PlanningError(
        `Durée non entière (${d}) pour l'étape ${designation(e)} : les étapes se comptent en jours entiers.`,
        e.ligne,
      );
    if (d > JOURS_MAX)
      throw new PlanningError(
        `Durée de ${joursFr(d)} jours pour l'étape ${designation(e)} : au-delà de ${joursFr(JOURS_MAX)} jours (dix ans ` +
          `de jours ouvrés) ; une date ou un montant a-t-il été saisi à la place d'une durée ?`,
        e.ligne,
      );
    for (const p of e.predecesseurs) {
      const l = p.decalage ?? 0;
      if (!Number.isInteger(l) || l < 0)
        throw new PlanningError(
          `Décalage invalide (${l}) après « ${p.nom} » pour l'étape ${designation(e)} : un entier ≥ 0 est attendu.`,
          e.ligne,
        );
      if (l > JOURS_MAX)
        throw new PlanningError(
          `Décalage de ${joursFr(l)} jours après « ${p.nom} » pour l'étape ${designation(e)} : au-delà de ` +
            `${joursFr(JOURS_MAX)} jours (dix ans de jours ouvrés).`,
          e.ligne,
        );
    }
  });
}

export function planifier(etapes: Etape[], opts: OptionsPlanning): Planning {
  valider(etapes);
  const zone = opts.zone ?? "metropole";
  const cal = new Calendrier(zone);
  const ordre = ordreTopologique(etapes);
  const index = new Map(etapes.map((e, i) => [e.nom, i]));
  const preds = etapes.map((e) => e.predecesseurs.map((p) => ({ i: index.get(p.nom)!, lag: p.decalage ?? 0 })));
  const succs: { i: number; lag: number }[][] = etapes.map(() => []);
  preds.forEach((ps, i) => ps.forEach((p) => succs[p.i].push({ i, lag: p.lag })));

  const versArriere = (fin: number): Passe => {
    const p: Passe = { debut: [], fin: [] };
    for (const i of [...ordre].reverse()) {
      const e = etapes[i];
      const cald = !!e.calendaire;
      let f = cal.caler(fin, -1, cald);
      for (const s of succs[i]) {
        let k = p.debut[s.i];
        for (let n = 0; n < s.lag; n++) k = cal.caler(k - 1, -1);
        f = Math.min(f, cal.caler(k - 1, -1, cald));
      }
      p.fin[i] = f;
      p.debut[i] = e.dureeJoursOuvres === 0 ? f : cal.decaler(f, e.dureeJoursOuvres, -1, cald);
    }
    return p;
  };
  const versAvant = (debut: number): Passe => {
    const p: Passe = { debut: [], fin: [] };
    for (const i of ordre) {
      const e = etapes[i];
      const cald = !!e.calendaire;
      let d = cal.caler(debut, 1, cald);
      for (const q of preds[i]) {
        let k = p.fin[q.i];
        for (let n = 0; n < q.lag; n++) k = cal.caler(k + 1, 1);
        d = Math.max(d, cal.caler(k + 1, 1, cald));
      }
      p.debut[i] = d;
      p.fin[i] = e.dureeJoursOuvres === 0 ? d : cal.decaler(d, e.dureeJoursOuvres, 1, cald);
    }
    return p;
  };

  const ref = jourDepuisIso(opts.livraison ?? opts.debut!);
  let tot: Passe, tard: Passe;
  if (opts.livraison !== undefined) {
    tard = versArriere(ref);
    tot = versAvant(Math.min(...tard.debut));
  } else {
    tot = versAvant(ref);
    tard = versArriere(Math.max(...tot.fin));
  }
  const affiche = opts.livraison !== undefined ? tard : tot;
  const planifiees: EtapePlanifiee[] = etapes.map((e, i) => {
    verifierAnnee(e, affiche.debut[i]);
    const marge = Math.max(0, cal.compter(tot.debut[i], tard.debut[i] - 1, !!e.calendaire));
    return {
      nom: e.nom,
      debut: isoDepuisJour(affiche.debut[i]),
      fin: isoDepuisJour(affiche.fin[i]),
      joursOuvres: e.dureeJoursOuvres,
      marge,
      critique: marge === 0,
      calendaire: !!e.calendaire,
      jalon: !!e.jalon || e.dureeJoursOuvres === 0,
      predecesseurs: e.predecesseurs,
      debutAuPlusTot: isoDepuisJour(tot.debut[i]),
      debutAuPlusTard: isoDepuisJour(tard.debut[i]),
      ligne: e.ligne,
    };
  });
  return {
    mode: opts.livraison !== undefined ? "retro" : "avant",
    zone,
    debut: isoDepuisJour(Math.min(...affiche.debut)),
    fin: isoDepuisJour(Math.max(...affiche.fin)),
    etapes: planifiees,
    cheminCritique: ordre.filter((i) => planifiees[i].critique).map((i) => etapes[i].nom),
    jalons: planifiees.filter((p) => p.jalon).map((p) => ({ nom: p.nom, date: p.debut })),
  };
}

/** Guards against plans that leave the range Excel and the holiday tables handle. */
function verifierAnnee(e: Etape, j: number): void {
  const iso = isoDepuisJour(j);
  const a = Number(iso.slice(0, 4));
  if (a < 1901 || a > 2199)
    throw new PlanningError(
      `Date impossible pour l'étape ${designation(e)} : le calcul tombe le ${dateEnLettres(iso)}.`,
      e.ligne,
    );
}
