import { centsToDecimalString, multiplyCents, centsToEuros, FORMAT_EXCEL, formatPourcentFr, sumCents } from "../money";
import type { CellSpec, NoteSpec, RangeFormat, SheetSpec } from "../port/workbook";
import { traceChapitreSansBase, traceCreditImpot } from "../traces/creditImpot";
import { noteDeTrace } from "../traces/note";
import { chercherTrace, feuille, noeud, type Trace } from "../traces/trace";
import type { Source } from "../regles/table";
import { adresse } from "../util/adresse";
import { CHECKLIST_AGREMENT } from "./agrement";
import { AJUSTEMENT_SUBVENTIONS, libellePlafond, type ResultatCreditImpot } from "./modele";

export const NOM_FEUILLE_CREDIT_IMPOT = "Crédit d'impôt";

const TITRES = {
  cinema: "cinéma (CGI art. 220 sexies)",
  audiovisuel: "audiovisuel (CGI art. 220 sexies)",
  international: "international (CGI art. 220 quaterdecies)",
} as const;
const BLEU = "#DDEBF7";
const COLS = 9; // A..I

/**
 * The « Crédit d'impôt » sheet: result with live formulas (base = Σ chapters, credit = base × taux, then MIN of the
 * caps, 0 when a condition fails), base by chapter (SUMIF over the line detail), conditions, parameters with their
 * sources and « à vérifier » flags, alerts, line detail and the agrément provisoire checklist. Pure: data in, spec out.
 */
export function feuilleCreditImpot(r: ResultatCreditImpot, source: string, nom = NOM_FEUILLE_CREDIT_IMPOT): SheetSpec {
  const rows: CellSpec[][] = [];
  const formats: RangeFormat[] = [];
  const euros = (c: number) => centsToEuros(c as Parameters<typeof centsToEuros>[0]);
  const ligne = (...cells: CellSpec[]) => {
    rows.push(cells);
    return rows.length - 1; // 0-based row index
  };
  const a = (r0: number, c: number) => adresse(r0, c);
  const montant = (r0: number, c = 1) => formats.push({ range: a(r0, c), numFmt: FORMAT_EXCEL.montant });
  const section = (titre: string) => {
    ligne();
    const i = ligne(titre);
    formats.push({ range: `${a(i, 0)}:${a(i, COLS - 1)}`, bold: true, fill: BLEU });
  };
  const entete = (...titres: string[]) => {
    const i = ligne(...titres);
    formats.push({ range: `${a(i, 0)}:${a(i, titres.length - 1)}`, bold: true, borderTop: true });
    return i;
  };

  // Row positions known in advance: the result block refers to the chapter block, which refers to the line detail.
  const iTitre = ligne(`Crédit d'impôt ${TITRES[r.regime]} — ${r.genre} — dépenses ${r.annee}`);
  formats.push({ range: a(iTitre, 0), bold: true });
  ligne(
    `Calculé par Prodbook à partir de la feuille « ${source} ». Les chiffres marqués « à vérifier » viennent de sources ` +
      `secondaires : faites-les confirmer.`,
  );
  formats.push({ range: a(1, 0), italic: true });

  section("Résultat");
  const iCond = ligne("Conditions d'éligibilité remplies", r.eligible ? "oui" : "non");
  const iBaseChap = ligne("Base éligible par chapitre (dépenses en France)");
  const deduites = r.ajustements.filter((x) => x.nom === AJUSTEMENT_SUBVENTIONS).reduce((t, x) => t + x.montant, 0);
  const ligneDeduc = () => ligne("Déductions de la base (subventions publiques)", euros(deduites));
  // The base retenue, all live, in the order the table gives for the credit type (credit-impot-subventions):
  // « apres-plafond » (cinema, audiovisual): MAX(0, MIN(eligible spend, part × budget) − subsidies), the deduction row
  // after the cap's; « avant-plafond »: MIN(MAX(0, eligible spend − subsidies), part × budget), the deduction row
  // before it; without a cap of the base (international, whose 80 % caps the credit): eligible spend − subsidies.
  const pb = r.plafondBase;
  const avant = !pb || r.subventions?.ordre === "avant-plafond";
  const iDeducAvant = avant ? ligneDeduc() : undefined;
  const iPlafBase = pb
    ? ligne(
        `Plafond de la base : ${formatPourcentFr(pb.part, 0)} du budget de production`,
        euros(pb.montant),
        pb.applique ? "appliqué" : "non atteint",
        pb.detail,
      )
    : undefined;
  const iDeduc = iDeducAvant ?? ligneDeduc();
  const iBase = ligne("Base retenue", {
    formula:
      iPlafBase === undefined
        ? `${a(iBaseChap, 1)}-${a(iDeduc, 1)}`
        : avant
          ? `MIN(MAX(0,${a(iBaseChap, 1)}-${a(iDeduc, 1)}),${a(iPlafBase, 1)})`
          : `MAX(0,MIN(${a(iBaseChap, 1)},${a(iPlafBase, 1)})-${a(iDeduc, 1)})`,
    result: euros(r.base),
  });
  const iTaux = ligne("Taux", Number(r.taux));
  formats.push({ range: a(iTaux, 1), numFmt: FORMAT_EXCEL.pourcent });
  const iAvant = ligne("Crédit avant plafonds", {
    formula: `ROUND(${a(iBase, 1)}*${a(iTaux, 1)},2)`,
    result: euros(r.creditAvantPlafonds),
  });
  const iPlafonds = r.plafonds.map((p) =>
    ligne(libellePlafond(p.nom), euros(p.montant), p.applique ? "appliqué" : "non atteint", p.detail ?? ""),
  );
  const mins = [a(iAvant, 1), ...iPlafonds.map((i) => a(i, 1))].join(",");
  const iCredit = ligne("Crédit d'impôt", {
    formula: `IF(${a(iCond, 1)}="oui",MIN(${mins}),0)`,
    result: euros(r.credit),
  });
  formats.push({ range: `${a(iCredit, 0)}:${a(iCredit, 1)}`, bold: true, borderTop: true });
  for (const i of [
    iBaseChap,
    iDeduc,
    ...(iPlafBase === undefined ? [] : [iPlafBase]),
    iBase,
    iAvant,
    ...iPlafonds,
    iCredit,
  ])
    montant(i);
  // « D'où vient ce chiffre ? » as notes on the computed cells, from the credit's trace.
  const trace = traceCreditImpot(r);
  const notes: NoteSpec[] = [];
  const annoter = (cell: string, t: Trace | undefined, formule?: string) => {
    if (t) notes.push({ cell, text: noteDeTrace(t, formule) });
  };
  const nomme = (libelle: string) => chercherTrace(trace, (x) => x.libelle === libelle);
  annoter(
    a(iBase, 1),
    chercherTrace(trace, (x) => x.libelle.startsWith("Base du crédit")),
  );
  annoter(a(iAvant, 1), nomme("Crédit avant plafonds"));
  r.plafonds.forEach((p, k) => annoter(a(iPlafonds[k], 1), nomme(libellePlafond(p.nom))));
  annoter(a(iCredit, 1), trace);
  if (r.dureeMinutes !== undefined) ligne("Durée (minutes)", r.dureeMinutes);
  if (r.coutMinute !== undefined)
    montant(ligne("Coût par minute (hors frais généraux et imprévus)", euros(r.coutMinute)));
  const iBudget = ligne("Budget de production (total du devis)", euros(r.budget));
  montant(iBudget);
  if (pb && iPlafBase !== undefined) {
    rows[iPlafBase][1] = { formula: `ROUND(${a(iBudget, 1)}*${pb.part},2)`, result: euros(pb.montant) };
    annoter(a(iPlafBase, 1), nomme(`Plafond : ${formatPourcentFr(pb.part, 0)} du budget de production`));
  }

  section("Base par chapitre");
  entete("Code", "Chapitre", "Total devis", "Base éligible en France");
  const iChap0 = rows.length;
  // Line detail position: after the chapter block (n + total), conditions, adjustments, parameters, alerts sections.
  const nChap = r.baseParChapitre.length;
  const apresChap = iChap0 + nChap + 1;
  const tailleSection = (n: number, avecEntete: boolean) => 2 + (avecEntete ? 1 : 0) + Math.max(n, 1);
  const iEnteteLignes =
    apresChap +
    tailleSection(r.conditions.length, true) +
    tailleSection(r.ajustements.length, true) +
    tailleSection(r.parametres.length, true) +
    tailleSection(r.alertes.length, false) +
    2;
  const iL0 = iEnteteLignes + 1;
  const iLn = iL0 + Math.max(r.lignes.length, 1) - 1;
  const colL = (c: number) => `$${String.fromCharCode(65 + c)}$${iL0 + 1}:$${String.fromCharCode(65 + c)}$${iLn + 1}`;
  r.baseParChapitre.forEach((b) => {
    const i = ligne(b.code, b.libelle, euros(b.total), {
      formula: `SUMIF(${colL(3)},${a(rows.length, 0)},${colL(7)})`,
      result: euros(b.base),
    });
    annoter(
      a(i, 3),
      b.base === 0 ? traceChapitreSansBase(r, b.code, b.libelle) : nomme(`Chapitre ${b.code} ${b.libelle}`),
      `Σ bases retenues (colonne H) des lignes du chapitre ${b.code} dans « Détail par ligne du devis » ci-dessous`,
    );
    montant(i, 2);
    montant(i, 3);
  });
  const iTotChap = ligne(
    "Total",
    null,
    { formula: `SUM(${a(iChap0, 2)}:${a(iChap0 + nChap - 1, 2)})`, result: euros(r.budget) },
    {
      formula: `SUM(${a(iChap0, 3)}:${a(iChap0 + nChap - 1, 3)})`,
      result: euros(r.baseParChapitre.reduce((t, b) => t + b.base, 0)),
    },
  );
  montant(iTotChap, 2);
  montant(iTotChap, 3);
  annoter(
    a(iTotChap, 2),
    noeud(
      "Total devis",
      centsToDecimalString(sumCents(r.baseParChapitre.map((b) => b.total))),
      "euros",
      "somme",
      r.baseParChapitre.map((b, k) =>
        feuille(`Chapitre ${b.code} ${b.libelle}`, centsToDecimalString(b.total), "euros", {
          cellule: a(iChap0 + k, 2),
        }),
      ),
      { formule: `Σ ${a(iChap0, 2)} à ${a(iChap0 + nChap - 1, 2)} ci-dessus : total du devis par chapitre` },
    ),
  );
  formats.push({ range: `${a(iTotChap, 0)}:${a(iTotChap, 3)}`, bold: true, borderTop: true });
  annoter(
    a(iTotChap, 3),
    nomme("Dépenses éligibles en France") ?? chercherTrace(trace, (x) => x.libelle.startsWith("Base du crédit")),
    `Σ ${a(iChap0, 3)} à ${a(iChap0 + nChap - 1, 3)} ci-dessus`,
  );
  rows[iBaseChap][1] = { formula: a(iTotChap, 3), result: (rows[iTotChap][3] as { result: number }).result };
  // The result block's first figure repeats the chapters' total: the same trace, said from here.
  annoter(
    a(iBaseChap, 1),
    nomme("Dépenses éligibles en France") ?? chercherTrace(trace, (x) => x.libelle.startsWith("Base du crédit")),
    `${a(iTotChap, 3)} : Σ des bases éligibles par chapitre (« Base par chapitre » ci-dessous)`,
  );

  section("Conditions d'éligibilité");
  entete("Condition", "Remplie", "Détail");
  if (!r.conditions.length) ligne("(aucune condition de coût, de durée ou de dépenses minimales pour ce régime)");
  for (const c of r.conditions) ligne(c.nom, c.remplie ? "oui" : "non", c.detail);

  section("Ajustements de la base");
  entete("Ajustement", "Montant retiré", "Détail");
  if (!r.ajustements.length) ligne("(aucun)");
  for (const x of r.ajustements) montant(ligne(x.nom, euros(x.montant), x.detail));

  section("Paramètres utilisés");
  entete(
    "Paramètre",
    "Valeur",
    "Confiance",
    "À vérifier",
    "Surcharge (feuille Paramètres)",
    "En vigueur depuis",
    "Clé",
    "Source",
  );
  for (const p of r.parametres) {
    ligne(
      p.libelle,
      p.valeur,
      p.confiance,
      p.aVerifier ? "à vérifier" : "",
      p.surcharge ?? "",
      p.effetDu,
      p.cle,
      p.sources.map((s) => s.url).join(" ; "),
    );
  }
  if (!r.parametres.length) ligne("(aucun)");

  section("Alertes");
  if (!r.alertes.length) ligne("(aucune)");
  for (const x of r.alertes) ligne(x);

  section("Détail par ligne du devis");
  if (rows.length !== iEnteteLignes)
    throw new Error(`feuilleCreditImpot : disposition incohérente (${rows.length} ≠ ${iEnteteLignes})`);
  entete("Cellule", "Code", "Libellé", "Chapitre", "Montant", "Éligible", "Part France", "Base retenue", "Motif");
  for (const l of r.lignes) {
    const i = rows.length;
    const recalculable = !l.eligible || l.base === multiplyCents(l.montant, l.partFrance);
    const base: CellSpec = recalculable
      ? { formula: `IF(${a(i, 5)}="oui",ROUND(${a(i, 4)}*${a(i, 6)},2),0)`, result: euros(l.base) }
      : euros(l.base);
    ligne(
      l.cellule ?? l.id,
      l.code ?? "",
      l.libelle,
      l.chapitre ?? "",
      euros(l.montant),
      l.eligible ? "oui" : "non",
      Number(l.partFrance),
      base,
      l.motif,
    );
    if (recalculable) {
      // The formula's own terms on this row: montant (E) × part France (G) when F says « oui », else 0.
      const [E, F, G] = [a(i, 4), a(i, 5), a(i, 6)];
      const nom = `Base retenue ${l.code ? `${l.code} ` : ""}« ${l.libelle} »`;
      annoter(
        a(i, 7),
        l.eligible
          ? noeud(
              nom,
              centsToDecimalString(l.base),
              "euros",
              "produit",
              [
                feuille("Montant", centsToDecimalString(l.montant), "euros", { cellule: E }),
                feuille("Part France", l.partFrance, "taux", { cellule: G }),
              ],
              { formule: `montant × part France (${E} × ${G}), arrondi au centime, puisque ${F} vaut « oui »` },
            )
          : feuille(nom, "0.00", "euros", {
              formule: `0 : ${F} vaut « non » (${l.motif || "non éligible"}) ; ${E} × ${G} quand ${F} vaut « oui »`,
              cellule: F,
            }),
      );
    }
  }
  if (!r.lignes.length) ligne("(aucune ligne)");
  formats.push(
    { range: `${a(iL0, 4)}:${a(iLn, 4)}`, numFmt: FORMAT_EXCEL.montant },
    { range: `${a(iL0, 7)}:${a(iLn, 7)}`, numFmt: FORMAT_EXCEL.montant },
  );
  formats.push({ range: `${a(iL0, 6)}:${a(iLn, 6)}`, numFmt: "0%" });

  section("Agrément provisoire — liste de contrôle");
  entete("Étape ou pièce", "Fait", "Précision");
  const iCk0 = rows.length;
  for (const c of CHECKLIST_AGREMENT.filter((x) => x.regimes.includes(r.regime))) ligne(c.texte, "non", c.precision);
  const iCkN = rows.length - 1;

  section("Tables de règles utilisées");
  entete("Table", "En vigueur", "Confiance", "À vérifier", "Pourquoi pas H", "Sources");
  for (const t of r.tables)
    ligne(
      t.table,
      `${t.effetDu} → ${t.effetAu ?? "…"}`,
      t.confiance,
      t.aVerifier ? "à vérifier" : "",
      t.motifConfiance ?? "",
      t.sources.map((x) => x.url).join(" ; "),
    );

  section("Sources");
  const vues = new Set<string>();
  const sources: Source[] = [];
  for (const s of [...r.tables.flatMap((t) => t.sources), ...CHECKLIST_AGREMENT.flatMap((c) => c.sources)]) {
    if (vues.has(s.url)) continue;
    vues.add(s.url);
    sources.push(s);
  }
  for (const s of sources) ligne(s.titre, s.url);

  return {
    name: nom,
    rows,
    columns: [
      { width: 48 },
      { width: 18 },
      { width: 40 },
      { width: 16 },
      { width: 16 },
      { width: 12 },
      { width: 12 },
      { width: 16 },
      { width: 60 },
    ],
    formats,
    validations: [
      {
        range: `${a(iL0, 5)}:${a(iLn, 5)}`,
        list: ["oui", "non"],
        prompt: "Éligible au crédit d'impôt (à corriger plutôt dans la colonne « Éligible CI » du devis)",
      },
      ...(iCkN >= iCk0 ? [{ range: `${a(iCk0, 1)}:${a(iCkN, 1)}`, list: ["oui", "non"] }] : []),
    ],
    conditionalFormats: [{ range: a(iCond, 1), formula: `${a(iCond, 1)}="non"`, fill: "#F8CBAD", bold: true }],
    freeze: { rows: 1 },
    tabColor: "#2E75B6",
    notes,
  };
}
