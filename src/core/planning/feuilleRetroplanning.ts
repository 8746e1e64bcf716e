import type { CellSpec, ConditionalFormat, RangeFormat, SheetSpec } from "../port/workbook";
import { adresse, colonneLettre, plage } from "../util/adresse";
import { Calendrier, GRIS_DIMANCHE_FERIE, SOURCES_FERIES } from "./calendrier";
import { serieDepuisIso } from "../util/serieExcel";
import { ajouterJours, dateEnLettres, jourDepuisIso } from "./dates";
import type { Planning } from "./retroplanning";

export const NOM_RETROPLANNING = "Rétroplanning";
/** Beyond this many days the Gantt grid is left out (the table stays). */
export const JOURS_GANTT_MAX = 400;

const LIGNE_ENTETE = 3; // 0-based: row 4
const COL_GANTT = 10; // column K
const ENTETES = [
  "Étape",
  "Durée (j)",
  "Calendaire",
  "Début",
  "Fin",
  "Marge (j ouvrés)",
  "Critique",
  "Dépend de",
  "Jours (calcul)",
];

/**
 * The « Rétroplanning » sheet: an Excel table (étape, durée, début, fin, marge, critique) and, to its right,
 * a Gantt grid drawn by conditional formatting that compares each column's date with the row's Début/Fin
 * cells, so bars move in Excel when dates are edited. Non-working days are shaded (weekends by WEEKDAY,
 * holidays from the list written under the table).
 */
export function feuilleRetroplanning(p: Planning, nom = NOM_RETROPLANNING, reference?: string): SheetSpec {
  const n = p.etapes.length;
  const premiere = LIGNE_ENTETE + 1;
  const derniere = LIGNE_ENTETE + n;
  const cal = new Calendrier(p.zone);
  const feries = cal.feriesEntre(jourDepuisIso(p.debut), jourDepuisIso(p.fin));
  const ligneFeries = derniere + 2;
  const fer1 = ligneFeries + 1;
  const fer2 = ligneFeries + Math.max(1, feries.length);
  const plageFeries = `$D$${fer1 + 1}:$D$${fer2 + 1}`;

  const rows: CellSpec[][] = [];
  const zone = p.zone === "alsace-moselle" ? "Alsace-Moselle" : "métropole";
  rows[0] = ["Rétroplanning"];
  // The reference date in words (« 15 mai 2026 »), as the rest of the product writes a date for a reader.
  const jours = `jours ouvrés (week-ends et jours fériés exclus, zone ${zone})`;
  rows[1] = [
    p.mode === "retro"
      ? `À rebours depuis la livraison du ${dateEnLettres(reference ?? p.fin)} — ${jours}`
      : `Depuis le début du ${dateEnLettres(reference ?? p.debut)} — ${jours}`,
  ];
  rows[2] = [`Chemin critique : ${p.cheminCritique.join(" → ")}`];
  rows[LIGNE_ENTETE] = [...ENTETES];
  p.etapes.forEach((e, i) => {
    const r = premiere + i;
    const R = r + 1;
    rows[r] = [
      e.nom,
      e.joursOuvres,
      e.calendaire ? "oui" : "non",
      { date: e.debut },
      { date: e.fin },
      e.marge,
      e.critique ? "oui" : "non",
      e.predecesseurs.map((x) => (x.decalage ? `${x.nom} (+${x.decalage} j)` : x.nom)).join(", "),
      {
        formula: `IF(B${R}=0,0,IF(C${R}="oui",E${R}-D${R}+1,NETWORKDAYS(D${R},E${R},${plageFeries})))`,
        result: e.joursOuvres,
      },
    ];
  });
  // « D'où vient ce chiffre ? » of each step's days (I): the formula's terms on its row, the public holidays below.
  const notesJours = p.etapes.map((e, i) => {
    const R = premiere + i + 1;
    return {
      cell: `I${R}`,
      text: [
        `Jours (calcul) « ${e.nom} » : ${e.joursOuvres}`,
        `= 0 quand la durée B${R} vaut 0 ; sinon, calendaire (C${R} = « oui ») : fin E${R} − début D${R} + 1 ; ` +
          `autrement les jours ouvrés de D${R} à E${R}, week-ends et jours fériés (${plageFeries.replace(/\$/g, "")}) exclus`,
        `Cellules lues : B${R}, C${R}, D${R}, E${R}, ${plageFeries.replace(/\$/g, "")}`,
        "(Prodbook, « D'où vient ce chiffre ? »)",
      ].join("\n"),
    };
  });
  rows[ligneFeries] = [`Jours fériés (${zone})`];
  feries.forEach((f, i) => (rows[fer1 + i] = [f.nom, null, null, { date: f.date }]));

  const formats: RangeFormat[] = [
    { range: "A1", bold: true },
    { range: "A2:A3", italic: true },
    { range: plage(LIGNE_ENTETE, 0, LIGNE_ENTETE, ENTETES.length - 1), bold: true, wrap: true },
    { range: `A${ligneFeries + 1}`, bold: true },
  ];
  const conditionalFormats: ConditionalFormat[] = [
    {
      range: plage(premiere, 0, derniere, ENTETES.length - 1),
      formula: `$G${premiere + 1}="oui"`,
      bold: true,
      fontColor: "#C00000",
    },
  ];
  const columns: SheetSpec["columns"] = [
    { width: 36 },
    { width: 9 },
    { width: 10 },
    { width: 11, numFmt: "dd/mm/yyyy" },
    { width: 11, numFmt: "dd/mm/yyyy" },
    { width: 9 },
    { width: 9 },
    { width: 30 },
    { width: 9 },
    { width: 2 },
  ];

  const nbJours = jourDepuisIso(p.fin) - jourDepuisIso(p.debut) + 1;
  if (nbJours <= JOURS_GANTT_MAX) {
    const derniereCol = COL_GANTT + nbJours - 1;
    const K = colonneLettre(COL_GANTT);
    for (let k = 0; k < nbJours; k++) {
      const c = COL_GANTT + k;
      const iso = ajouterJours(p.debut, k);
      // Only the first column holds a date: the others follow by formula, so the grid can be shifted in Excel.
      rows[LIGNE_ENTETE][c] =
        k === 0 ? { date: iso } : { formula: `${adresse(LIGNE_ENTETE, c - 1)}+1`, result: serieDepuisIso(iso) };
      if (k === 0 || iso.endsWith("-01")) {
        rows[LIGNE_ENTETE - 1][c] = { date: iso };
        formats.push({ range: adresse(LIGNE_ENTETE - 1, c), numFmt: "mmm yyyy", bold: true });
      }
      columns[c] = { width: 3.2 };
    }
    const entete = plage(LIGNE_ENTETE, COL_GANTT, LIGNE_ENTETE, derniereCol);
    const grille = plage(premiere, COL_GANTT, derniere, derniereCol);
    const col4 = `${K}$${LIGNE_ENTETE + 1}`;
    const r1 = premiere + 1;
    const chome = `OR(WEEKDAY(${col4},2)>5,COUNTIF(${plageFeries},${col4})>0)`;
    formats.push({ range: entete, numFmt: "d", align: "center" });
    conditionalFormats.push(
      { range: entete, formula: chome, fill: GRIS_DIMANCHE_FERIE },
      { range: grille, formula: `AND($C${r1}<>"oui",${chome})`, fill: "#E7E6E6" },
      { range: grille, formula: `AND(${col4}>=$D${r1},${col4}<=$E${r1},$G${r1}="oui")`, fill: "#C00000" },
      { range: grille, formula: `AND(${col4}>=$D${r1},${col4}<=$E${r1})`, fill: "#4472C4" },
    );
  } else {
    rows[2] = [
      `Chemin critique : ${p.cheminCritique.join(" → ")} — planning de ${nbJours} jours : diagramme de Gantt omis ` +
        `(au-delà de ${JOURS_GANTT_MAX} jours).`,
    ];
  }
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (c) => c ?? null);

  return {
    name: nom,
    rows,
    columns,
    formats,
    tables: [
      {
        name: "tblRetroplanning",
        range: plage(LIGNE_ENTETE, 0, derniere, ENTETES.length - 1),
        style: "TableStyleMedium2",
      },
    ],
    validations: [{ range: `C${premiere + 1}:C${derniere + 1}`, list: ["oui", "non"] }],
    conditionalFormats,
    freeze: { rows: LIGNE_ENTETE + 1, columns: 1 },
    print: { landscape: true, repeatRows: LIGNE_ENTETE + 1, fitToWidth: true },
    tabColor: "#4472C4",
    // The list under the table feeds NETWORKDAYS and the shading: its note names the texts that make these days
    // public holidays.
    notes: [
      {
        cell: `A${ligneFeries + 1}`,
        text:
          `Jours fériés retirés des jours ouvrés (zone ${zone}) :\n` +
          SOURCES_FERIES[p.zone].map((x) => `${x.titre}\n${x.url}`).join("\n"),
      },
      ...notesJours,
    ],
  };
}
