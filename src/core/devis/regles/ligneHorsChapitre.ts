import type { Constat, Regle } from "../../controles/constat";
import { type Cents, sumCents } from "../../money/cents";
import { parseCelluleRef } from "../../util/adresse";
import { norm } from "../lecture";
import type { Devis, MontantNonPlace } from "../model";
import { libelleChapitre } from "../nomenclature";
import { cite, ContexteDevis, eur } from "./contexte";

/** « Net », « Net à payer », « Montant net », « Reste à payer », « Solde »: what is left to pay after the total. */
const NET = /^(net|montant net|total net|net a payer|reste a payer|solde|solde a payer|a payer)\b/;

/**
 * A « Net à payer » row below a proven total (or a derived TTC) equal to it plus or minus the unplaced rows between
 * them (« Acompte versé », « Remise 10 % »): proven by arithmetic, not words alone. The base and the rows, or
 * undefined.
 */
function netProuve(
  np: MontantNonPlace,
  devis: Devis,
): { base: { cellule: string; montant: Cents }; signe: "plus" | "moins"; entre: MontantNonPlace[] } | undefined {
  if (!NET.test(norm(np.libelle))) return undefined;
  const ligne = (cellule: string) => parseCelluleRef(cellule).row + 1;
  const bases = [
    ...devis.totauxProducteur.filter((t) => t.type === "total" && t.preuve),
    ...(devis.horsLignes ?? []).filter((h) => h.motif === "derive"),
  ]
    .filter((b) => ligne(b.cellule) < np.ligne)
    .sort((a, b) => ligne(b.cellule) - ligne(a.cellule));
  for (const base of bases) {
    const entre = devis.nonPlaces.filter((x) => x.ligne > ligne(base.cellule) && x.ligne < np.ligne);
    const somme = entre.reduce((s, x) => s + x.montant, 0);
    if (np.montant === base.montant - somme && somme !== 0) return { base, signe: "moins", entre };
    if (np.montant === base.montant + somme) return { base, signe: "plus", entre };
  }
  return undefined;
}

/** Where an unplaced line's amount went, and what to do: the same words in the text output and the « Contrôles » sheet. */
const SUITE =
  "Il est listé parmi les montants non placés (hors total). Indiquez le chapitre de la ligne dans une colonne " +
  "« Chapitre » ou par un titre de chapitre au-dessus d'elle (« 07 MOYENS TECHNIQUES »), puis relancez.";

/**
 * Several lines under one title naming no chapter: one alerte, « 3 lignes sous « Communication » (Budget!A10) … »,
 * naming each cell with its amount and their sum, pointed at the first; each other line keeps a finding of its own
 * (info) pointing to it, so that every unplaced cell is a finding's cell.
 */
function constatsDuTitre(groupe: readonly MontantNonPlace[]): Constat[] {
  const t = groupe[0].titreInconnu as NonNullable<MontantNonPlace["titreInconnu"]>;
  const somme = sumCents(groupe.map((np) => np.montant));
  const detail = groupe.map((np) => `${np.cellule} ${cite(np.libelle)} (${eur(np.montant)})`).join(", ");
  const premiere = groupe[0].cellule;
  return [
    {
      regle: "ligne-hors-chapitre",
      gravite: "alerte",
      message:
        `${groupe.length} lignes sous ${cite(t.titre)} (${t.cellule}), qui ne nomme pas un chapitre du devis CNC, ne ` +
        `sont rattachées à aucun chapitre (ni leur code ni leur libellé n'en désignent un) : ${eur(somme)} en tout, ` +
        `non comptés dans le total : ${detail}. Indiquez leur chapitre dans une colonne « Chapitre » ou par un titre ` +
        `de chapitre au-dessus d'elles.`,
      cellule: premiere,
    },
    ...groupe.slice(1).map((np) => ({
      regle: "ligne-hors-chapitre",
      gravite: "info" as const,
      message:
        `${np.cellule} ${cite(np.libelle)} : ${eur(np.montant)}, une des ${groupe.length} lignes sous ` +
        `${cite(t.titre)} non rattachées à un chapitre (voir ${premiere}) ; il n'est pas compté dans le total.`,
      cellule: np.cellule,
    })),
  ];
}

/** The one finding of a line out of every chapter, on its cell. */
function dire(np: MontantNonPlace, gravite: Constat["gravite"], message: string): Constat[] {
  return [{ regle: "ligne-hors-chapitre", gravite, message, cellule: np.cellule }];
}

export const ligneHorsChapitre: Regle<ContexteDevis> = {
  id: "ligne-hors-chapitre",
  description: "Chaque montant du devis source est rattaché à un chapitre CNC.",
  verifier({ devis }) {
    // Lines under the same title naming no chapter (« Technique » of a live-show budget): said together, each cell named.
    const parTitre = new Map<string, MontantNonPlace[]>();
    for (const np of devis.nonPlaces)
      if (np.titreInconnu && !np.chapitresPossibles)
        parTitre.set(np.titreInconnu.cellule, [...(parTitre.get(np.titreInconnu.cellule) ?? []), np]);
    const groupes = new Map<MontantNonPlace, MontantNonPlace[]>();
    const dansUnGroupe = new Set<MontantNonPlace>();
    for (const xs of parTitre.values()) {
      const hors = xs.filter((np) => !netProuve(np, devis));
      if (hors.length < 2) continue;
      groupes.set(hors[0], hors);
      for (const np of hors) dansUnGroupe.add(np);
    }
    return devis.nonPlaces.flatMap((np): Constat[] => {
      const groupe = groupes.get(np);
      if (groupe) return constatsDuTitre(groupe);
      if (dansUnGroupe.has(np)) return [];
      const net = netProuve(np, devis);
      if (net) {
        const rangs = net.entre.map((x) => `${x.cellule} ${cite(x.libelle)} (${eur(x.montant)})`).join(", ");
        return dire(
          np,
          "info",
          `${np.cellule} ${cite(np.libelle)} : ${eur(np.montant)} vaut le total ${net.base.cellule} ` +
            `(${eur(net.base.montant)})${rangs ? ` ${net.signe} ${rangs}` : ""} : un net calculé après le total du ` +
            `devis, pas une ligne de dépense ; il n'est pas compté dans le total.`,
        );
      }
      // Below the grand total, in no chapter: outside the devis, or a line of a chapter written in the wrong place.
      const sous = np.sousLeTotal;
      if (sous)
        return dire(
          np,
          "alerte",
          `${np.cellule} ${cite(np.libelle)} : cette ligne est sous le total du devis ${cite(sous.libelle)} ` +
            `(${sous.cellule}, ${eur(sous.montant)}) et n'est rattachée à aucun chapitre : son montant ` +
            `${eur(np.montant)} n'est pas compté dans le total ; il est listé parmi les montants non placés. S'il est ` +
            `hors devis, il n'y a rien à faire. S'il fait partie du devis, déplacez la ligne dans son chapitre, ` +
            `au-dessus du total, et ajoutez son montant au sous-total du chapitre et au total, puis relancez.`,
        );
      const p = np.chapitresPossibles;
      if (p)
        return dire(
          np,
          "alerte",
          `${np.cellule} ${cite(np.libelle)} : ce compte anglais peut relever de deux chapitres, ` +
            `${p.chapitres.map((c) => `${c} « ${libelleChapitre(c)} »`).join(" ou ")} (${p.raison}) ; son montant ` +
            `${eur(np.montant)} n'est placé dans aucun et n'est pas compté dans le total. Indiquez son chapitre dans ` +
            `une colonne « Chapitre » ou par un titre de chapitre en français au-dessus de la ligne.`,
        );
      const t = np.titreInconnu;
      if (t)
        return dire(
          np,
          "alerte",
          `${np.cellule} ${cite(np.libelle)} : le montant ${eur(np.montant)} n'est rattaché à aucun chapitre : le ` +
            `${t.minuscules ? "texte" : "titre"} ${cite(t.titre)} au-dessus (${t.cellule}) ne nomme pas un chapitre ` +
            `du devis CNC, et ni le code ni le libellé de la ligne n'en désignent un ; il n'est pas compté dans le ` +
            `total. ${SUITE}`,
        );
      return dire(
        np,
        "alerte",
        `${np.cellule} ${cite(np.libelle)} : le montant ${eur(np.montant)} n'est rattaché à aucun chapitre ` +
          `(ni code, ni titre de chapitre au-dessus, ni mot-clé reconnu) ; il n'est pas compté dans le total. ${SUITE}`,
      );
    });
  },
};
