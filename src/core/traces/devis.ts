import { celluleDeLigne, type CodeChapitre, type Devis, type LigneDevis } from "../devis/model";
import { CHAPITRES_HORS_TOTAL, libelleChapitre } from "../devis/nomenclature";
import { estCout } from "../devis/totaux";
import { type Cents, montantLigne, multiplyCents, sumCents } from "../money";
import { euros, feuille, noeud, valeurFr, type Trace } from "./trace";

/** The traces of a structured devis: total, each chapter, coût hors frais, coût à la minute. */
export interface TracesDevis {
  total: Trace;
  totalHorsFrais: Trace;
  chapitres: Partial<Record<CodeChapitre, Trace>>;
  coutMinute?: Trace;
  /**
   * Added by the devis use case: each salaire-minimum finding's trace (minimum − payé per day or week, the minimum down
   * to its rule table, the pay down to the line's cells), in the findings' order; each root's `cellule` is the finding's.
   */
  salairesMinimum?: Trace[];
}

function libelleLigne(l: LigneDevis): string {
  return `${l.code ? `${l.code} ` : ""}« ${l.libelle} »`;
}

/**
 * A line's amount: quantité × nombre × taux or % × coût hors frais when Prodbook computed it, or when the producer's
 * amount is exactly that product (the structured sheet then writes the live formula); otherwise the amount read.
 */
export function traceLigne(
  l: LigneDevis,
  horsFrais?: { trace: Trace; montant: Cents },
  salaires?: ReadonlyMap<string, LigneDevis>,
): Trace {
  const v = euros(l.montant);
  const cel = celluleDeLigne(l, "montant");
  const salaire = l.chargesDe && salaires?.get(l.chargesDe.salaire);
  if (l.chargesDe && salaire) {
    const brut = feuille(`Salaire ${libelleLigne(salaire)}`, euros(salaire.montant), "euros", {
      ...(celluleDeLigne(salaire, "montant") ? { cellule: celluleDeLigne(salaire, "montant") } : {}),
    });
    const taux = l.chargesDe.taux;
    if (taux !== undefined && multiplyCents(salaire.montant, taux) === l.montant)
      return noeud(
        libelleLigne(l),
        v,
        "euros",
        "produit",
        [brut, feuille("Taux de charges", taux, "taux", { cellule: cel })],
        {
          formule: "salaire × taux de charges (colonne Charges de la ligne du salaire)",
          ...(cel ? { cellule: cel } : {}),
        },
      );
    return feuille(libelleLigne(l), v, "euros", {
      formule: `charges lues sur la ligne du salaire ${libelleLigne(salaire)}`,
      ...(cel ? { cellule: cel } : {}),
    });
  }
  if (
    l.pourcentage &&
    !l.taux &&
    horsFrais &&
    !estCout(l) &&
    multiplyCents(horsFrais.montant, l.pourcentage) === l.montant
  ) {
    const pct = feuille("Pourcentage", l.pourcentage, "taux", {
      cellule: celluleDeLigne(l, "pourcentage") ?? celluleDeLigne(l, "taux"),
    });
    return noeud(libelleLigne(l), v, "euros", "produit", [horsFrais.trace, pct], {
      formule: "coût hors frais × pourcentage",
      ...(cel ? { cellule: cel } : {}),
    });
  }
  if (l.taux !== undefined && !l.pourcentage && (l.quantite !== undefined || l.nombre !== undefined)) {
    if (montantLigne(l.quantite ?? 1, l.nombre ?? 1, l.taux) === l.montant) {
      const facteurs: { mot: string; trace: Trace }[] = [];
      if (l.quantite !== undefined)
        facteurs.push({
          mot: "quantité",
          trace: feuille("Quantité", l.quantite, "nombre", { cellule: celluleDeLigne(l, "quantite") }),
        });
      if (l.nombre !== undefined)
        facteurs.push({
          mot: "nombre",
          trace: feuille("Nombre", l.nombre, "nombre", { cellule: celluleDeLigne(l, "nombre") }),
        });
      facteurs.push({ mot: "taux", trace: feuille("Taux", l.taux, "euros", { cellule: celluleDeLigne(l, "taux") }) });
      const mots = facteurs.map((f) => f.mot).join(" × ");
      const cellules = cellulesDesFacteurs(facteurs.map((f) => f.trace));
      return noeud(
        libelleLigne(l),
        v,
        "euros",
        "produit",
        facteurs.map((f) => f.trace),
        {
          formule: `${mots} (${cellules})${l.montantCalcule ? ", montant absent, calculé" : ""}`,
          ...(cel ? { cellule: cel } : {}),
        },
      );
    }
  }
  return feuille(libelleLigne(l), v, "euros", { formule: montantLu(l), ...(cel ? { cellule: cel } : {}) });
}

/**
 * The factors of a line as its formula reads them, each by its cell, the sheet named once when they share it
 * (« 'Budget Gardiens'!D9 × E9 × F9 »); a factor without a cell by its value (« 1 × Budget!F3 »).
 */
function cellulesDesFacteurs(facteurs: Trace[]): string {
  let feuillePrecedente: string | undefined;
  return facteurs
    .map((f) => {
      if (!f.cellule) return valeurFr(f);
      const i = f.cellule.lastIndexOf("!");
      const nom = i < 0 ? undefined : f.cellule.slice(0, i);
      const court = nom !== undefined && nom === feuillePrecedente ? f.cellule.slice(i + 1) : f.cellule;
      feuillePrecedente = nom;
      return court;
    })
    .join(" × ");
}

/** Formulas of the producer quoted up to this length (a long SUM is cut, « … »). */
const FORMULE_PRODUCTEUR_MAX = 120;

/** « montant lu », with the producer's formula when the cell held one: the cells it was computed from. */
function montantLu(l: LigneDevis): string {
  const f = l.formuleMontant;
  if (!f) return "montant lu";
  const court = f.length > FORMULE_PRODUCTEUR_MAX ? `${f.slice(0, FORMULE_PRODUCTEUR_MAX - 1)}…` : f;
  return `montant lu, calculé par la formule du producteur =${court}`;
}

export function tracesDevis(devis: Devis): TracesDevis {
  const parChapitre = new Map<CodeChapitre, LigneDevis[]>();
  for (const l of devis.lignes) {
    if (!l.chapitre) continue;
    const arr = parChapitre.get(l.chapitre) ?? [];
    arr.push(l);
    parChapitre.set(l.chapitre, arr);
  }
  const chapitres: Partial<Record<CodeChapitre, Trace>> = {};
  // Salary lines a charges line was drawn from (one pass: a devis of 5 000 lines is not scanned per line).
  const ids = new Set(devis.lignes.flatMap((l) => (l.chargesDe ? [l.chargesDe.salaire] : [])));
  const salaires = new Map(devis.lignes.filter((l) => ids.has(l.id)).map((l) => [l.id, l]));
  const tracer = (code: CodeChapitre, horsFrais?: { trace: Trace; montant: Cents }): Trace => {
    const c = devis.chapitres.find((x) => x.code === code);
    const ls = parChapitre.get(code) ?? [];
    const libelle = `Chapitre ${code} ${c?.libelle || libelleChapitre(code)}`;
    return noeud(
      libelle,
      euros(sumCents(ls.map((l) => l.montant))),
      "euros",
      "somme",
      ls.map((l) => traceLigne(l, horsFrais, salaires)),
      { formule: `Σ ${ls.length} ligne${ls.length > 1 ? "s" : ""} du chapitre` },
    );
  };
  const dessus = devis.chapitres.filter((c) => !CHAPITRES_HORS_TOTAL.includes(c.code));
  for (const c of dessus) chapitres[c.code] = tracer(c.code);
  const totalHorsFrais = noeud(
    "Coût hors frais (chapitres 1 à 9)",
    euros(sumCents(dessus.map((c) => c.total))),
    "euros",
    "somme",
    dessus.map((c) => chapitres[c.code] as Trace),
    { formule: "Σ chapitres 1 à 9" },
  );
  const refHorsFrais = feuille(totalHorsFrais.libelle, totalHorsFrais.valeur, "euros", {
    formule: "voir « Coût hors frais »",
  });
  const dessous = devis.chapitres.filter((c) => CHAPITRES_HORS_TOTAL.includes(c.code));
  for (const c of dessous) chapitres[c.code] = tracer(c.code, { trace: refHorsFrais, montant: devis.totalHorsFrais });
  const total = noeud(
    "Total du devis",
    euros(devis.total),
    "euros",
    "somme",
    [totalHorsFrais, ...dessous.map((c) => chapitres[c.code] as Trace)],
    { formule: "coût hors frais + frais généraux, imprévus, frais financiers et producteur" },
  );
  const out: TracesDevis = { total, totalHorsFrais, chapitres };
  if (devis.coutMinute !== undefined && devis.dureeMinutes)
    out.coutMinute = noeud(
      "Coût à la minute",
      euros(devis.coutMinute),
      "euros",
      "quotient",
      [
        feuille("Total du devis", total.valeur, "euros", { formule: "voir « Total du devis »" }),
        feuille("Durée", String(devis.dureeMinutes), "minutes", {
          formule: devis.origineDuree?.formule ?? "durée de l'œuvre",
          ...(devis.origineDuree?.cellule ? { cellule: devis.origineDuree.cellule } : {}),
        }),
      ],
      { formule: "total ÷ durée" },
    );
  return out;
}
