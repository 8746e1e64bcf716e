import Decimal from "decimal.js";
import { Cents, centsToEuros, FORMAT_EXCEL, formatMontantFr, multiplyCents, subCents, ZERO } from "../money";
import { seuilsFsa } from "./plafonds";
import { baseFsa, GENRE_RGA, minimumNumeraire, tauxReduitFsa } from "./regles/diffuseursFsa";
import {
  type CellSpec,
  cellulesVides,
  type ConditionalFormat as ConditionalFormatSpec,
  type RangeFormat as FormatSpec,
  type NoteSpec,
  type SheetSpec,
} from "../port/workbook";
import { noteDeTrace, noteVide } from "../traces/note";
import type { TracesFinancement } from "../traces/financement";
import { euros as eurosTrace, feuille, type Trace } from "../traces/trace";
import { sourcePrincipale } from "../regles/primaires";
import { parseCelluleRef, celluleRef, nomFeuilleRef } from "../util/adresse";
import { dateEnLettres, minutesFr } from "../util/texte";
import { categorie, categoriesEnVigueur } from "./categories";
import type { AnalyseFinancement } from "./evaluer";
import { NON, OUI, ORIGINES, PlagesListes } from "./feuilleListes";
import { LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS, LIBELLE_PART_DIFFUSEURS_FSA, LIBELLES_STATUT } from "./model";

export const NOM_FEUILLE_PLAN = "Plan de financement";

/** Rows (1-based) of the parameter block, shared with the échéancier and the tests. */
export const CELLULES_PLAN = {
  cout: "B2",
  typeOeuvre: "B3",
  premierFilm: "B4",
  plafondGeneral: "B5",
  plafondDerogatoire: "B6",
  seuilPetitBudget: "B7",
  plafondCnc: "B8",
};
const P = CELLULES_PLAN;
/** "B2" → "$B$2", for a formula. */
const abs = (cellule: string) => cellule.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const LIGNE_ENTETE = 10;
/** The fill of the cells the producer may edit. */
const BLEU = "#DDEBF7";

const ratio = (d: Decimal | undefined) => (d ? d.toNumber() : 0);
const f = (formula: string, result?: number | string): CellSpec => ({ formula, result });

/**
 * The formula a plan note writes: the trace's, then where this sheet computes it (« Σ sources étrangères ; Σ colonne
 * F, lignes 11 à 18, … »), so the note says what `financement --explique` says, and the sheet's cells.
 */
export function formuleIci(t: Trace, ici: string): [string] {
  return [t.formule ? `${t.formule} ; ${ici}` : ici];
}

/**
 * Cost cell: a live link to the devis total when it sits in a cell of the workbook as a number, else the value (a
 * link to a text « 1 000 000 € » would give text, and every formula using the cost #VALUE!).
 */
function celluleCout(a: AnalyseFinancement): CellSpec {
  const c = a.contexte.cout;
  if (!c) return null;
  if (c.cellule && !c.texte) {
    const p = parseCelluleRef(c.cellule);
    if (p.feuille) return f(celluleRef(p.feuille, p.row, p.col), centsToEuros(c.montant));
  }
  return centsToEuros(c.montant);
}

/**
 * The « Plan de financement » sheet: one table row per source (category, status and origin from validated lists,
 * public/CNC/broadcaster flags looked up live in the lists sheet), then totals, the synthesis (reste à financer,
 * intensity against the applicable ceiling) and totals by category, all by formula.
 */
export function feuillePlan(a: AnalyseFinancement, nom: string, listes: PlagesListes, t: TracesFinancement): SheetSpec {
  const { synthese: s, plafond: p, contexte: ctx } = a;
  const sources = a.sources;
  const n = Math.max(sources.length, 1);
  const d = LIGNE_ENTETE + 1; // first data row (1-based)
  const e = LIGNE_ENTETE + n; // last data row
  const col = (l: string) => `$${l}$${d}:$${l}$${e}`;
  const ligneTotal = e + 1;
  const tot = `$F$${ligneTotal}`;
  const oeuvre = ctx.typeOeuvre === "cinema" ? "Cinéma" : "Audiovisuel";
  const seuil = p.seuilPetitBudget;
  const confiance =
    `table intensite-aides (en vigueur ` +
    `depuis le ${dateEnLettres(p.version.effetDu)}, confiance ${p.confiance}${p.confiance === "H" ? "" : ", à vérifier"})`;

  const rows: CellSpec[][] = [
    ["Plan de financement", null, "Établi par Prodbook — les cellules bleues sont modifiables, le reste se recalcule."],
    ["Coût de production (devis)", celluleCout(a), ctx.cout?.origine ?? `Coût inconnu : saisissez-le en ${P.cout}.`],
    ["Type d'œuvre", oeuvre, "Cinéma ou Audiovisuel"],
    ctx.typeOeuvre === "cinema"
      ? [
          "Premier ou deuxième film du réalisateur",
          ctx.premierOuDeuxiemeFilm ? OUI : NON,
          "Oui : plafond dérogatoire (œuvre difficile, art. D331-17)",
        ]
      : [
          "Œuvre difficile (innovante, peu accessible ou délicate)",
          ctx.oeuvreDifficile ? OUI : NON,
          "Oui : plafond dérogatoire (art. D331-17)",
        ],
    ["Plafond général des aides publiques", ratio(p.plafondGeneral), confiance],
    [
      "Plafond dérogatoire (œuvre difficile ou petit budget)",
      ratio(p.plafondDerogatoire),
      sourcePrincipale(p.version.sources, p.version.confiance)?.url ?? null,
    ],
    [
      "Seuil « petit budget » (coût ≤)",
      seuil === undefined ? null : centsToEuros(seuil),
      seuil === undefined
        ? p.seuilPetitBudgetParHeure !== undefined
          ? `Audiovisuel : ${formatMontantFr(p.seuilPetitBudgetParHeure)} par heure — durée inconnue`
          : "Pas de seuil connu pour ce type d'œuvre"
        : p.seuilPetitBudgetParHeure !== undefined
          ? `Audiovisuel : ${formatMontantFr(p.seuilPetitBudgetParHeure)} par heure × ${minutesFr(ctx.dureeMinutes)} min`
          : "Cinéma : coût définitif ≤ seuil",
    ],
    ["Plafond des aides du CNC", ratio(p.plafondCnc), null],
    [],
    [
      "Financeur",
      "Nature (producteur)",
      "Catégorie",
      "Statut",
      "Origine",
      "Montant",
      "% du total",
      "Aide publique",
      "Aide CNC",
      "Diffuseur",
      "Premier versement",
      "Cellule source",
    ],
  ];
  const lookup = (r: number, k: number, vrai: boolean | undefined) =>
    f(`IFERROR(VLOOKUP($C${r},${listes.table},${k},FALSE),"${NON}")`, vrai ? OUI : NON);
  sources.forEach((src, i) => {
    const r = d + i;
    const c = categorie(src.categorie, ctx.date);
    const date = src.tranches.find((t) => t.date)?.date;
    const partTotal = s.total === 0 ? 0 : src.montant / s.total;
    rows.push([
      src.financeur,
      src.nature ?? null,
      c.libelle,
      LIBELLES_STATUT[src.statut],
      src.etranger ? ORIGINES[1] : ORIGINES[0],
      centsToEuros(src.montant),
      f(`IF(${tot}=0,0,F${r}/${tot})`, partTotal),
      lookup(r, 2, c.public),
      lookup(r, 3, c.cnc),
      lookup(r, 4, c.diffuseur),
      date ? { date } : src.tranches.length > 1 ? "échelonné" : null,
      src.cellule ?? (src.classement === "calcul" ? "calcul Prodbook" : null),
    ]);
  });
  if (sources.length === 0) rows.push([...cellulesVides(6), f(`IF(${tot}=0,0,F${d}/${tot})`, 0)]);

  const euro = (c: Cents | undefined) => (c === undefined ? 0 : centsToEuros(c));
  const ls = ligneTotal + 2; // synthesis block
  const libCoproducteur = categorie("coproducteur-etranger", ctx.date).libelle;
  const L = (k: number) => ls + k;
  const base = `$B$${L(5)}`;
  rows.push([
    "Total",
    ...cellulesVides(4),
    f(`SUM(${col("F")})`, euro(s.total)),
    f(`SUM(${col("G")})`, s.total === 0 ? 0 : 1),
  ]);
  rows.push([]);
  const synthese: CellSpec[][] = [
    ["Synthèse", null],
    ["Coût de production", f(abs(P.cout), euro(s.cout))],
    ["Total des financements", f(tot, euro(s.total))],
    ["Reste à financer (négatif : excédent)", f(`${abs(P.cout)}-${tot}`, euro(s.resteAFinancer))],
    ["Financement étranger", f(`SUMIFS(${col("F")},${col("E")},"${ORIGINES[1]}")`, euro(s.financementEtranger))],
    s.modeBaseIntensite === "cout"
      ? ["Base de l'intensité (coût)", f(abs(P.cout), euro(s.baseIntensite))]
      : [
          "Base de l'intensité (coût − coproducteurs étrangers)",
          f(
            `${abs(P.cout)}-SUMIFS(${col("F")},${col("C")},"${libCoproducteur}",${col("E")},"${ORIGINES[1]}")`,
            euro(s.baseIntensite),
          ),
        ],
    [
      "Aides publiques (France)",
      f(`SUMIFS(${col("F")},${col("H")},"${OUI}",${col("E")},"${ORIGINES[0]}")`, euro(s.aidesPubliques)),
    ],
    ["Financements privés", f(`SUMIFS(${col("F")},${col("H")},"${NON}")`, euro(s.financementPrive))],
    ["Intensité des aides publiques", f(`IF(${base}<=0,0,$B$${L(6)}/${base})`, ratio(s.intensite))],
    [
      "Plafond applicable",
      f(
        `IF(OR(${abs(P.premierFilm)}="${OUI}",AND(ISNUMBER(${abs(P.seuilPetitBudget)}),` +
          `${abs(P.cout)}<=${abs(P.seuilPetitBudget)})),${abs(P.plafondDerogatoire)},${abs(P.plafondGeneral)})`,
        ratio(p.plafond),
      ),
      p.motif,
    ],
    ["Aides du CNC", f(`SUMIFS(${col("F")},${col("I")},"${OUI}",${col("E")},"${ORIGINES[0]}")`, euro(s.aidesCnc))],
    ["Intensité des aides du CNC", f(`IF(${base}<=0,0,$B$${L(10)}/${base})`, ratio(s.intensiteCnc))],
    [
      "Part envisagée",
      f(
        `IF(${tot}=0,0,SUMIFS(${col("F")},${col("D")},"${LIBELLES_STATUT.envisage}")/${tot})`,
        s.total === 0 ? 0 : s.parStatut.envisage / s.total,
      ),
    ],
    [
      "Part en négociation",
      f(
        `IF(${tot}=0,0,SUMIFS(${col("F")},${col("D")},"${LIBELLES_STATUT["en-negociation"]}")/${tot})`,
        s.total === 0 ? 0 : s.parStatut["en-negociation"] / s.total,
      ),
    ],
    [
      LIBELLE_DIFFUSEURS_FINANCEMENT_FRANCAIS,
      f(
        `IF(${tot}-$B$${L(4)}<=0,0,SUMIFS(${col("F")},${col("J")},"${OUI}",${col("E")},"${ORIGINES[0]}")/(${tot}-$B$${L(4)}))`,
        s.financementFrancais <= 0 ? 0 : s.diffuseursFrancais / s.financementFrancais,
      ),
    ],
  ];
  rows.push(...synthese);
  // « D'où vient ce chiffre ? » as notes on the computed cells: each is the figure's trace, the one `financement
  // --explique` prints (tracesFinancement), its formula followed by where this sheet computes it (columns, cells).
  // The notes name the plan's cells: `t` is built without the computed crédit d'impôt's own tree, which stays one
  // input there (its tree, down to the devis lines, is --explique's and the « Crédit d'impôt » sheet's).
  const notes: NoteSpec[] = [];
  const noter = (cell: string, trace: Trace | undefined, ici: string) => {
    if (trace) notes.push({ cell, text: noteDeTrace(trace, ...formuleIci(trace, ici)) });
  };
  const lignesF = `colonne F, lignes ${d} à ${e}`;
  const colonneF = `Σ ${lignesF} (${sources.length} source${sources.length > 1 ? "s" : ""})`;
  const surTotal = (x: string) => `${x} ÷ total F${ligneTotal}, 0 quand F${ligneTotal} vaut 0`;
  noter(`F${ligneTotal}`, t.total, colonneF);
  noter(`B${L(2)}`, t.total, `${colonneF}, recopié de F${ligneTotal}`);
  noter(`B${L(3)}`, t.resteAFinancer, `${P.cout} − F${ligneTotal}`);
  noter(
    `B${L(4)}`,
    t.financementEtranger,
    `Σ ${lignesF}, des sources dont « Origine » (colonne E) vaut ${ORIGINES[1]}`,
  );
  noter(
    `B${L(5)}`,
    t.baseIntensite,
    `${P.cout} − Σ ${lignesF}, des sources dont « Catégorie » (colonne C) vaut « ${libCoproducteur} » et « Origine » (colonne E) ` +
      `« ${ORIGINES[1]} » (les autres ` +
      `financements étrangers, préventes comprises, restent dans la participation française)`,
  );
  noter(
    `B${L(6)}`,
    t.aidesPubliques,
    `Σ ${lignesF}, des sources françaises dont « Aide publique » (colonne H) vaut ${OUI}`,
  );
  noter(`B${L(7)}`, t.financementPrive, `Σ ${lignesF}, des sources dont « Aide publique » (colonne H) vaut ${NON}`);
  noter(`B${L(8)}`, t.intensite, `B${L(6)} ÷ B${L(5)}, 0 quand B${L(5)} ≤ 0`);
  noter(
    `B${L(9)}`,
    t.plafond,
    `${P.plafondDerogatoire} si ${P.premierFilm} vaut ${OUI} ou si ${P.cout} ≤ ${P.seuilPetitBudget}, sinon ` +
      `${P.plafondGeneral}`,
  );
  noter(`B${L(10)}`, t.aidesCnc, `Σ ${lignesF}, des sources françaises dont « Aide CNC » (colonne I) vaut ${OUI}`);
  noter(`B${L(11)}`, t.intensiteCnc, `B${L(10)} ÷ B${L(5)}, 0 quand B${L(5)} ≤ 0`);
  noter(`B${L(12)}`, t.partEnvisagee, surTotal(`Σ F${d}:F${e} dont la colonne D vaut « ${LIBELLES_STATUT.envisage} »`));
  noter(
    `B${L(13)}`,
    t.partEnNegociation,
    surTotal(`Σ F${d}:F${e} dont la colonne D vaut « ${LIBELLES_STATUT["en-negociation"]} »`),
  );
  noter(
    `B${L(14)}`,
    t.diffuseursFrancais,
    `Σ F${d}:F${e} dont Diffuseur (J) vaut ${OUI} et Origine (E) ${ORIGINES[0]} ÷ (F${ligneTotal} − B${L(4)})`,
  );
  (t.partsSources ?? []).forEach((x, i) => noter(`G${d + i}`, x, surTotal(`F${d + i}`)));
  noter(`G${ligneTotal}`, t.totalParts, `Σ colonne G, lignes ${d} à ${e}`);
  // The cost: a link to the devis total when it is a cell of the workbook; its copy in the synthesis.
  const celluleCoutLu = ctx.cout?.texte ? undefined : ctx.cout?.cellule;
  if (celluleCoutLu && parseCelluleRef(celluleCoutLu).feuille && s.cout !== undefined)
    notes.push({
      cell: P.cout,
      text: noteDeTrace(
        feuille("Coût de production (devis)", eurosTrace(s.cout), "euros", {
          formule: `lien vers ${celluleCoutLu}, ${ctx.cout!.origine.replace(`, ${celluleCoutLu}`, "")}`,
          cellule: celluleCoutLu,
        }),
      ),
    });
  if (s.cout !== undefined)
    notes.push({
      cell: `B${L(1)}`,
      text: noteDeTrace(
        feuille("Coût de production", eurosTrace(s.cout), "euros", { cellule: P.cout }),
        `coût de production recopié de ${P.cout}`,
      ),
    });
  // The FSA check as `diffuseurs-fsa` computes it (audiovisual works): base, required and actual French broadcasters'
  // contributions, the reduced share of the genre, the cash floor per hour.
  const fsa =
    ctx.typeOeuvre === "audiovisuel"
      ? blocFsa(a, rows.length + 2, { col, tot, bleu: BLEU })
      : { rows: [], formats: [], conditionalFormats: [], notes: [] };
  if (fsa.rows.length) rows.push([], ...fsa.rows);
  notes.push(...fsa.notes);
  rows.push([]);
  const lc = rows.length + 1; // header of the by-category block
  rows.push(["Catégorie", "Montant", "% du total", "Aide publique"]);
  const cats = listes.nbCategories;
  categoriesEnVigueur(ctx.date).forEach((c, i) => {
    const r = lc + 1 + i;
    const montant = s.parCategorie.find((x) => x.categorie === c.id)?.montant ?? ZERO;
    rows.push([
      f(`INDEX(${listes.categories},${i + 1})`, c.libelle),
      f(`SUMIFS(${col("F")},${col("C")},$A${r})`, centsToEuros(montant)),
      f(`IF(${tot}=0,0,B${r}/${tot})`, s.total === 0 ? 0 : montant / s.total),
      f(`INDEX(${listes.table},${i + 1},2)`, c.public ? OUI : NON),
    ]);
    noter(`B${r}`, t.categories?.[c.id], `Σ ${lignesF}, des sources dont la catégorie (colonne C) est A${r}`);
    noter(`C${r}`, t.partsCategories?.[c.id], surTotal(`B${r}`));
  });
  // The findings as they were when Prodbook analysed the plan (the figures above stay live).
  rows.push([]);
  const lk = rows.length + 1;
  rows.push([`Contrôles au ${dateEnLettres(ctx.date)}`, "Gravité", "Message", ...cellulesVides(8), "Cellule"]);
  for (const k of a.constats) rows.push([k.regle, k.gravite, k.message, ...cellulesVides(8), k.cellule ?? null]);
  const fin = rows.length;

  const bleu = BLEU;
  return {
    name: nom,
    rows,
    columns: [
      { width: 44 },
      { width: 22 },
      { width: 40 },
      { width: 16 },
      { width: 11 },
      { width: 16, numFmt: FORMAT_EXCEL.montant },
      { width: 10, numFmt: FORMAT_EXCEL.pourcent },
      { width: 10 },
      { width: 10 },
      { width: 10 },
      { width: 12, numFmt: FORMAT_EXCEL.date },
      { width: 22 },
    ],
    formats: [
      { range: "A1", bold: true },
      { range: P.cout, numFmt: FORMAT_EXCEL.montant, fill: bleu },
      { range: `${P.typeOeuvre}:${P.premierFilm}`, fill: bleu },
      { range: `${P.plafondGeneral}:${P.plafondDerogatoire}`, numFmt: FORMAT_EXCEL.pourcent },
      { range: P.seuilPetitBudget, numFmt: FORMAT_EXCEL.montant },
      { range: P.plafondCnc, numFmt: FORMAT_EXCEL.pourcent },
      { range: `A${LIGNE_ENTETE}:L${LIGNE_ENTETE}`, bold: true },
      { range: `A${ligneTotal}:G${ligneTotal}`, bold: true, borderTop: true },
      { range: `A${L(0)}`, bold: true },
      { range: `B${L(1)}:B${L(7)}`, numFmt: FORMAT_EXCEL.montant },
      { range: `B${L(8)}:B${L(9)}`, numFmt: FORMAT_EXCEL.pourcent },
      { range: `B${L(10)}`, numFmt: FORMAT_EXCEL.montant },
      { range: `B${L(11)}:B${L(14)}`, numFmt: FORMAT_EXCEL.pourcent },
      { range: `A${lc}:D${lc}`, bold: true },
      { range: `A${lk}:L${lk}`, bold: true, borderTop: true },
      { range: `B${lc + 1}:B${lc + cats}`, numFmt: FORMAT_EXCEL.montant },
      { range: `C${lc + 1}:C${lc + cats}`, numFmt: FORMAT_EXCEL.pourcent },
      ...fsa.formats,
    ],
    tables: [{ name: "tblFinancement", range: `A${LIGNE_ENTETE}:L${e}`, style: "TableStyleMedium2" }],
    validations: [
      {
        range: `C${d}:C${e}`,
        list: { source: `=${listes.categories}` },
        prompt: "Catégorie de la source (liste Prodbook)",
      },
      { range: `D${d}:D${e}`, list: { source: `=${listes.statuts}` }, prompt: "Acquis, en négociation ou envisagé" },
      { range: `E${d}:E${e}`, list: { source: `=${listes.origines}` } },
      { range: P.typeOeuvre, list: ["Cinéma", "Audiovisuel"] },
      { range: P.premierFilm, list: [OUI, NON] },
    ],
    conditionalFormats: [
      { range: `B${L(3)}`, formula: `ROUND($B$${L(3)},2)<>0`, fill: "#F8CBAD", bold: true },
      { range: `B${L(8)}`, formula: `$B$${L(8)}>$B$${L(9)}`, fill: "#FF9999", bold: true },
      { range: `B${L(8)}`, formula: `$B$${L(8)}>0.5`, fill: "#FFE699" },
      { range: `B${L(11)}`, formula: `$B$${L(11)}>${abs(P.plafondCnc)}`, fill: "#FF9999", bold: true },
      { range: `A${d}:L${e}`, formula: `$D${d}="${LIBELLES_STATUT.envisage}"`, fontColor: "#7F7F7F" },
      { range: `C${d}:C${e}`, formula: `$C${d}="Autre"`, fill: "#FFF2CC" },
      ...fsa.conditionalFormats,
      ...(fin > lk
        ? [
            { range: `B${lk + 1}:B${fin}`, formula: `$B${lk + 1}="erreur"`, fill: "#FF9999" },
            { range: `B${lk + 1}:B${fin}`, formula: `$B${lk + 1}="alerte"`, fill: "#FFE699" },
          ]
        : []),
    ],
    charts: sources.length
      ? [
          {
            type: "pie",
            title: "Sources de financement",
            categories: `${nomFeuilleRef(nom)}!$A$${d}:$A$${e}`,
            series: [{ name: "Montant", values: `${nomFeuilleRef(nom)}!$F$${d}:$F$${e}` }],
            anchor: "N2",
            widthCols: 8,
            heightRows: 18,
          },
        ]
      : [],
    freeze: { rows: LIGNE_ENTETE },
    print: { landscape: true, repeatRows: LIGNE_ENTETE, fitToWidth: true },
    tabColor: "#2E75B6",
    notes,
  };
}

/** The genre as the FSA block names it. */
/**
 * The « Soutien automatique FSA » block (audiovisual works), from row `l0`: the figures of `diffuseurs-fsa` (RGA art.
 * 311-9 and 311-10, read in an unofficial copy: confidence M, « à vérifier »), live where their inputs are on the sheet
 * (cost, sources' category, origin and amount; the duration, editable), the cash part of the broadcasters as Prodbook
 * read it (each source's cash/in-kind nature is not on the sheet).
 */
function blocFsa(
  a: AnalyseFinancement,
  l0: number,
  { col, tot, bleu }: { col: (l: string) => string; tot: string; bleu: string },
): { rows: CellSpec[][]; formats: FormatSpec[]; conditionalFormats: ConditionalFormatSpec[]; notes: NoteSpec[] } {
  const { synthese: s, contexte: ctx } = a;
  const seuils = seuilsFsa(ctx.date);
  const base = baseFsa(ctx);
  const aVerifier = seuils.version.confiance === "H" ? "" : ", à vérifier";
  const confiance =
    `table financement-fsa en vigueur depuis le ${dateEnLettres(seuils.version.effetDu)}, ` +
    `confiance ${seuils.version.confiance}${aVerifier}`;
  // « à vérifier » and the unofficial copy follow the table's confidence: a version confirmed on the primary text (H)
  // drops both.
  const chiffre = `${aVerifier ? "Chiffre à vérifier" : "Chiffre"} (${confiance})`;
  const B = (k: number) => `$B$${l0 + k}`;
  const libCopro = categorie("coproducteur-etranger", ctx.date).libelle;
  const coproducteurs = base.coproducteurs;
  const coutOuTotal = s.cout ?? s.total;
  const exige = base.montant <= 0 ? ZERO : multiplyCents(base.montant, seuils.partMinimale);
  const reduit = ctx.genre ? seuils.tauxReduits[ctx.genre] : undefined;
  const r = reduit ? tauxReduitFsa(ctx, base.montant, reduit, seuils.partMinimale) : undefined;
  const parHeure = ctx.genre ? seuils.numeraireParHeure[ctx.genre] : undefined;
  const duree = ctx.dureeMinutes;
  const minimum = parHeure !== undefined && duree ? minimumNumeraire(parHeure, duree) : undefined;
  const eur = (c: Cents) => centsToEuros(c);
  const rows: CellSpec[][] = [
    [
      `Soutien automatique FSA (RGA art. 311-9${reduit ? " et 311-10" : ""})`,
      null,
      `${aVerifier ? "Copie non officielle du r" : "R"}èglement général des aides du CNC : ${confiance}.`,
    ],
    [
      "Coût de l'œuvre (à défaut, total du financement)",
      f(`IF(ISNUMBER(${abs(P.cout)}),${abs(P.cout)},${tot})`, eur(coutOuTotal)),
      s.cout === undefined ? `Coût inconnu (${P.cout}) : total des financements` : `Coût de production, ${P.cout}`,
    ],
    [
      "Parts des coproducteurs étrangers",
      f(`SUMIFS(${col("F")},${col("C")},"${libCopro}",${col("E")},"${ORIGINES[1]}")`, eur(coproducteurs)),
      `Sources de la catégorie « ${libCopro} » : leur présence fait une coproduction internationale`,
    ],
    [
      f(
        `IF(${B(2)}>0,"Base : participation française (coût − coproducteurs étrangers)","Base : coût de l'œuvre")`,
        coproducteurs > 0
          ? "Base : participation française (coût − coproducteurs étrangers)"
          : "Base : coût de l'œuvre",
      ),
      f(`${B(1)}-${B(2)}`, eur(base.montant)),
      "Base des parts exigées des diffuseurs français",
    ],
    ["Part minimale des diffuseurs français", ratio(seuils.partMinimale), chiffre],
    [
      "Apport exigé des diffuseurs français",
      f(`IF(${B(3)}<=0,0,ROUND(${B(3)}*${B(4)},2))`, eur(exige)),
      "Base × part minimale, arrondi au centime",
    ],
    [
      "Apport des diffuseurs français",
      f(`SUMIFS(${col("F")},${col("J")},"${OUI}",${col("E")},"${ORIGINES[0]}")`, eur(s.diffuseursFrancais)),
      `Sources dont Diffuseur (colonne J) vaut ${OUI} et Origine (colonne E) ${ORIGINES[0]}`,
    ],
    [
      LIBELLE_PART_DIFFUSEURS_FSA,
      f(`IF(${B(3)}<=0,0,${B(6)}/${B(3)})`, base.montant <= 0 ? 0 : s.diffuseursFrancais / base.montant),
    ],
    ["Écart à l'apport exigé (négatif : manque)", f(`${B(6)}-${B(5)}`, eur(subCents(s.diffuseursFrancais, exige)))],
  ];
  const montants = [1, 2, 3, 5, 6, 8];
  const pourcents = [4, 7];
  const rouges: ConditionalFormatSpec[] = [{ range: `B${l0 + 8}`, formula: `${B(8)}<0`, fill: "#FF9999", bold: true }];
  if (reduit && r && ctx.genre) {
    const k = rows.length;
    const { preventes, requis } = r;
    const fois = reduit.multiplePreventes === 1 ? "" : `${reduit.multiplePreventes} × `;
    rows.push(
      [
        `Part réduite en ${GENRE_RGA[ctx.genre]} (art. 311-10)`,
        ratio(reduit.partMinimale),
        ctx.genre === "animation"
          ? "À vérifier aussi : 30 points « Création » et 36 « Fabrication » au barème de l'art. 311-44, préventes " +
            "conclues avant la fin de la fabrication de l'animation"
          : "À vérifier aussi : préventes conclues avant la fin des prises de vues (avant le montage pour des images " +
            "préexistantes)",
      ],
      [
        "Préventes internationales (diffuseurs d'origine étrangère)",
        f(`SUMIFS(${col("F")},${col("J")},"${OUI}",${col("E")},"${ORIGINES[1]}")`, eur(preventes)),
        "Un minimum garanti de vendeur international n'est pas une prévente",
      ],
      [
        "Préventes exigées pour la part réduite",
        f(`ROUND(MAX(0,${B(5)}-${B(6)})*${reduit.multiplePreventes},2)`, eur(requis)),
        `${fois}l'écart à l'apport exigé (apport exigé − apport des diffuseurs français), quand la part atteint la ` +
          `part réduite`,
      ],
    );
    pourcents.push(k);
    montants.push(k + 1, k + 2);
    rouges.push({
      range: `B${l0 + k + 1}`,
      formula: `AND(${B(8)}<0,${B(7)}>=${B(k)},${B(k + 1)}<${B(k + 2)})`,
      fill: "#FF9999",
      bold: true,
    });
  }
  const g = rows.length;
  rows.push(
    [
      "Genre de l'œuvre",
      ctx.genre ? GENRE_RGA[ctx.genre].charAt(0).toUpperCase() + GENRE_RGA[ctx.genre].slice(1) : "non précisé",
      "Plancher de numéraire selon le genre",
    ],
    ["Durée de l'œuvre (minutes)", duree ?? null, duree ? null : "Durée inconnue : saisissez-la pour le minimum"],
    [
      "Plancher de numéraire par heure",
      parHeure === undefined ? null : eur(parHeure),
      parHeure === undefined
        ? ctx.genre
          ? `Aucun plancher pour ce genre`
          : "Genre non précisé : plancher non vérifié"
        : chiffre,
    ],
    [
      "Minimum de numéraire des diffuseurs",
      f(
        `IF(AND(ISNUMBER(${B(g + 1)}),ISNUMBER(${B(g + 2)})),ROUND(${B(g + 2)}*${B(g + 1)}/60,2),"")`,
        minimum === undefined ? "" : eur(minimum),
      ),
      "Plancher par heure × durée ÷ 60",
    ],
    [
      "Numéraire des diffuseurs français",
      eur(s.numeraireDiffuseursFrancais),
      "Lu par Prodbook à l'analyse : sources françaises des diffuseurs hors apports en industrie (valeur, ne suit " +
        "pas les modifications)",
    ],
    [
      "Numéraire par heure",
      f(
        `IF(AND(ISNUMBER(${B(g + 1)}),${B(g + 1)}>0),ROUND(${B(g + 4)}/(${B(g + 1)}/60),2),"")`,
        duree
          ? new Decimal(s.numeraireDiffuseursFrancais)
              .dividedBy(duree)
              .times(60)
              .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
              .toNumber() / 100
          : "",
      ),
      "Numéraire ÷ (durée ÷ 60)",
    ],
  );
  montants.push(g + 2, g + 3, g + 4, g + 5);
  // « D'où vient ce chiffre ? » on each formula cell: its value at the analysis and how the sheet computes it.
  const notes: NoteSpec[] = [];
  const regle = "règle diffuseurs-fsa";
  const noter = (k: number, libelle: string, valeur: Cents | Decimal | undefined, comment: string, col = "B") =>
    notes.push({
      cell: `${col}${l0 + k}`,
      text:
        valeur === undefined
          ? noteVide(libelle, comment, [regle])
          : noteDeTrace(
              feuille(
                libelle,
                valeur instanceof Decimal ? valeur.toString() : eurosTrace(valeur),
                valeur instanceof Decimal ? "taux" : "euros",
              ),
              comment,
              [regle],
            ),
    });
  const ref = (k: number) => `B${l0 + k}`;
  noter(
    1,
    "Coût de l'œuvre",
    coutOuTotal,
    `${P.cout} quand il est un nombre, sinon le total ${tot.replace(/\$/g, "")}`,
  );
  noter(
    2,
    "Parts des coproducteurs étrangers",
    coproducteurs,
    `Σ colonne F des sources de la catégorie « ${libCopro} »`,
  );
  noter(3, "Base des parts exigées", base.montant, `${ref(1)} − ${ref(2)} : ${base.nom}`);
  notes.push({
    cell: `A${l0 + 3}`,
    text:
      `Nom de la base : participation française quand ${ref(2)} > 0 (coproduction internationale), sinon coût ` +
      `de l'œuvre\n(Prodbook, « D'où vient ce chiffre ? »)`,
  });
  noter(5, "Apport exigé des diffuseurs français", exige, `arrondi(${ref(3)} × ${ref(4)}, 2), 0 quand ${ref(3)} ≤ 0`);
  noter(
    6,
    "Apport des diffuseurs français",
    s.diffuseursFrancais,
    `Σ colonne F des sources dont Diffuseur (J) vaut ${OUI} et Origine (E) ${ORIGINES[0]}`,
  );
  noter(
    7,
    LIBELLE_PART_DIFFUSEURS_FSA,
    base.montant <= 0 ? new Decimal(0) : new Decimal(s.diffuseursFrancais).dividedBy(base.montant),
    `${ref(6)} ÷ ${ref(3)}, 0 quand ${ref(3)} ≤ 0`,
  );
  noter(8, "Écart à l'apport exigé", subCents(s.diffuseursFrancais, exige), `${ref(6)} − ${ref(5)}`);
  if (reduit && r) {
    const k = g - 3;
    noter(
      k + 1,
      "Préventes internationales",
      r.preventes,
      `Σ colonne F des sources dont Diffuseur (J) vaut ${OUI} et Origine (E) ${ORIGINES[1]}`,
    );
    noter(
      k + 2,
      "Préventes exigées pour la part réduite",
      r.requis,
      `arrondi(max(0 ; ${ref(5)} − ${ref(6)}) × ${reduit.multiplePreventes}, 2)`,
    );
  }
  noter(g + 3, "Minimum de numéraire des diffuseurs", minimum, `arrondi(${ref(g + 2)} × ${ref(g + 1)} ÷ 60, 2)`);
  noter(
    g + 5,
    "Numéraire par heure",
    duree ? multiplyCents(s.numeraireDiffuseursFrancais, new Decimal(60).dividedBy(duree)) : undefined,
    `${ref(g + 4)} ÷ (${ref(g + 1)} ÷ 60), vide sans durée`,
  );
  rouges.push({
    range: `B${l0 + g + 4}`,
    formula: `AND(ISNUMBER(${B(g + 3)}),${B(g + 4)}<${B(g + 3)})`,
    fill: "#FF9999",
    bold: true,
  });
  return {
    rows,
    formats: [
      { range: `A${l0}`, bold: true },
      ...montants.map((k) => ({ range: `B${l0 + k}`, numFmt: FORMAT_EXCEL.montant })),
      ...pourcents.map((k) => ({ range: `B${l0 + k}`, numFmt: FORMAT_EXCEL.pourcent })),
      { range: `B${l0 + g + 1}`, fill: bleu },
    ],
    conditionalFormats: rouges,
    notes,
  };
}
