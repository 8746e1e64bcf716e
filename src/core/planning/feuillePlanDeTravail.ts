import type { Constat } from "../controles/constat";
import { titreConstat } from "../controles/titres";
import type { CellSpec, ConditionalFormat, NoteSpec, RangeFormat, SheetSpec, TableSpec } from "../port/workbook";
import { adresse, colonneLettre, plage } from "../util/adresse";
import { normaliser, pluriel } from "../util/texte";
import { Calendrier, GRIS_DIMANCHE_FERIE, SOURCES_FERIES, type Zone } from "./calendrier";
import { hhmm } from "./cellules";
import { dateEnLettres, dateFr, jourDepuisIso, jourSemaine, libelleSemaine, nomJour } from "./dates";
import { PlanningError } from "./modele";
import { dureeEffective, type PlanDeTravail } from "./planDeTravail";
import type { AnalyseTempsDeTravail } from "./tempsDeTravail";

export const NOM_PLAN_DE_TRAVAIL = "Plan de travail";
export const NOM_FEUILLE_DE_SERVICE = "Feuille de service";

const H = "[h]:mm";
const jourFraction = (minutes: number) => minutes / 1440;
const GRAVITES: Record<Constat["gravite"], string> = { erreur: "Erreur", alerte: "Alerte", info: "Info" };

function densifier(rows: CellSpec[][]): CellSpec[][] {
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (c) => c ?? null);
  return rows;
}

/**
 * « Plan de travail » sheet: people × days with effective hours (totals by formula), the hours and overtime
 * bands per person and week (« S20 – 11 mai 2026 »), and the working-time findings with their cells. Each day's
 * date is a date cell above its column; a Sunday or a public holiday of `zone` (listed under the findings) greys the
 * column by a conditional format on that date, so the shading follows a date changed in Excel, as the Rétroplanning's
 * does.
 */
export function feuillePlanDeTravail(
  plan: PlanDeTravail,
  analyse: AnalyseTempsDeTravail,
  nom = NOM_PLAN_DE_TRAVAIL,
  zone: Zone = "metropole",
): SheetSpec {
  const dates = [...new Set(plan.vacations.map((v) => v.date))].sort();
  const personnes = new Map<string, { nom: string; fonction: string; parDate: Map<string, number> }>();
  for (const v of plan.vacations) {
    const k = normaliser(v.nom);
    const p = personnes.get(k) ?? { nom: v.nom, fonction: v.fonction, parDate: new Map<string, number>() };
    p.parDate.set(v.date, (p.parDate.get(v.date) ?? 0) + dureeEffective(v));
    personnes.set(k, p);
  }
  const rows: CellSpec[][] = [
    ["Plan de travail — heures effectives par personne et par jour"],
    [`Source : feuille « ${plan.feuille} » ; durées en heures:minutes, pauses déduites.`],
  ];
  const formats: RangeFormat[] = [
    { range: "A1", bold: true },
    { range: "A2", italic: true },
  ];
  const tables: TableSpec[] = [];

  // People × days, under a row of the days' dates (a table's header holds text only: the dates sit above it).
  const e1 = 3;
  const nbD = dates.length;
  const ligneDates = e1 - 1;
  rows[ligneDates] = ["Date", null, ...dates.map((d) => ({ date: d }))];
  formats.push(
    { range: adresse(ligneDates, 0), italic: true },
    { range: plage(ligneDates, 2, ligneDates, 1 + nbD), numFmt: "dd/mm/yyyy", align: "center" },
  );
  rows[e1] = [
    "Personne",
    "Fonction",
    ...dates.map(
      (d) =>
        `${["lun", "mar", "mer", "jeu", "ven", "sam", "dim"][jourSemaine(jourDepuisIso(d)) - 1]} ${dateFr(d).slice(0, 5)}`,
    ),
    "Total",
    "Jours",
  ];
  let r = e1 + 1;
  // « D'où vient ce chiffre ? » of each person's total (H) and days (I): the cells of the row they read.
  const notesLignes: NoteSpec[] = [];
  for (const p of personnes.values()) {
    const total = [...p.parDate.values()].reduce((a, b) => a + b, 0);
    const jours = `${adresse(r, 2)}:${adresse(r, 1 + nbD)}`;
    const fin = "(Prodbook, « D'où vient ce chiffre ? »)";
    notesLignes.push(
      {
        cell: adresse(r, 2 + nbD),
        text:
          `Total ${p.nom} : ${Math.floor(total / 60)} h ${String(total % 60).padStart(2, "0")}\n` +
          `= Σ des heures de chaque jour de cette ligne (${jours})\nCellules lues : ${jours}\n${fin}`,
      },
      {
        cell: adresse(r, 3 + nbD),
        text:
          `Jours ${p.nom} : ${p.parDate.size}\n= nombre de jours de cette ligne où des heures sont saisies ` +
          `(${jours})\nCellules lues : ${jours}\n${fin}`,
      },
    );
    rows[r] = [
      p.nom,
      p.fonction,
      ...dates.map((d) => (p.parDate.has(d) ? jourFraction(p.parDate.get(d)!) : null)),
      { formula: `SUM(${adresse(r, 2)}:${adresse(r, 1 + nbD)})`, result: jourFraction(total) },
      { formula: `COUNT(${adresse(r, 2)}:${adresse(r, 1 + nbD)})`, result: p.parDate.size },
    ];
    r++;
  }
  const fin1 = r - 1;
  tables.push({ name: "tblPlanDeTravail", range: plage(e1, 0, fin1, nbD + 3), style: "TableStyleMedium2" });
  formats.push(
    { range: plage(e1 + 1, 2, fin1, nbD + 2), numFmt: H },
    { range: plage(e1, 0, e1, nbD + 3), bold: true, wrap: true },
  );

  // Hours and overtime per week.
  const e2 = fin1 + 3;
  rows[e2 - 1] = ["Heures par semaine et heures supplémentaires (par tranche de majoration)"];
  formats.push({ range: adresse(e2 - 1, 0), bold: true });
  rows[e2] = ["Personne", "Fonction", "Convention", "Semaine", "Heures", "HS 25 %", "HS 50 %", "HS 75 %"];
  r = e2 + 1;
  for (const h of analyse.heures) {
    const bande = (m: string) => jourFraction(h.tranches.find((t) => t.majoration === m)?.minutes ?? 0);
    rows[r++] = [
      h.nom,
      h.fonction,
      `IDCC ${h.convention}`,
      // « S20 – 11 mai 2026 », not the ISO key « 2026-W20 »: the week as a chargé de production names it.
      libelleSemaine(h.semaine),
      jourFraction(h.minutes),
      bande("0.25"),
      bande("0.50"),
      bande("0.75"),
    ];
  }
  const fin2 = Math.max(r - 1, e2 + 1);
  if (r === e2 + 1) rows[r] = [];
  tables.push({ name: "tblHeuresSemaine", range: plage(e2, 0, fin2, 7), style: "TableStyleLight9" });
  formats.push({ range: plage(e2 + 1, 4, fin2, 7), numFmt: H });

  // Findings.
  const e3 = fin2 + 3;
  rows[e3 - 1] = ["Contrôles du temps de travail"];
  formats.push({ range: adresse(e3 - 1, 0), bold: true });
  rows[e3] = ["Gravité", "Contrôle", "Message", "Cellule"];
  r = e3 + 1;
  for (const c of analyse.constats)
    rows[r++] = [GRAVITES[c.gravite], titreConstat(c.regle), c.message, c.cellule ?? ""];
  if (analyse.constats.length === 0) rows[r++] = ["—", "", "Aucun dépassement constaté.", ""];
  tables.push({ name: "tblControlesTemps", range: plage(e3, 0, r - 1, 3), style: "TableStyleLight1" });
  const fin3 = r - 1;

  // The public holidays of the years the plan spans (a date moved within them is still shaded right).
  const zoneLisible = zone === "alsace-moselle" ? "Alsace-Moselle" : "métropole";
  const e4 = fin3 + 3;
  rows[e4 - 1] = [`Jours fériés (${zoneLisible}) : colonnes grisées avec les dimanches`];
  formats.push({ range: adresse(e4 - 1, 0), bold: true });
  const cal = new Calendrier(zone);
  const an = (d: string) => Number(d.slice(0, 4));
  const feries = nbD
    ? cal.feriesEntre(jourDepuisIso(`${an(dates[0])}-01-01`), jourDepuisIso(`${an(dates[nbD - 1])}-12-31`))
    : [];
  feries.forEach((f, i) => (rows[e4 + i] = [f.nom, { date: f.date }]));
  const fer2 = e4 + Math.max(1, feries.length) - 1;
  if (feries.length) formats.push({ range: plage(e4, 1, fer2, 1), numFmt: "dd/mm/yyyy" });
  const plageFeries = `$B$${e4 + 1}:$B$${fer2 + 1}`;
  const date1 = `${colonneLettre(2)}$${ligneDates + 1}`;
  const conditionalFormats: ConditionalFormat[] = nbD
    ? [
        {
          // Dates row, header and hours of a day worked on a Sunday or a public holiday.
          range: plage(ligneDates, 2, fin1, 1 + nbD),
          formula: `AND(ISNUMBER(${date1}),OR(WEEKDAY(${date1},2)=7,COUNTIF(${plageFeries},${date1})>0))`,
          fill: GRIS_DIMANCHE_FERIE,
        },
      ]
    : [];

  return {
    name: nom,
    rows: densifier(rows),
    columns: [{ width: 22 }, { width: 22 }, ...dates.map(() => ({ width: 11 })), { width: 10 }, { width: 8 }],
    formats,
    tables,
    conditionalFormats: [
      ...conditionalFormats,
      { range: plage(e3 + 1, 0, Math.max(fin3, e3 + 1), 3), formula: `$A${e3 + 2}="Erreur"`, fontColor: "#C00000" },
      { range: plage(e3 + 1, 0, Math.max(fin3, e3 + 1), 3), formula: `$A${e3 + 2}="Alerte"`, fontColor: "#C65911" },
    ],
    freeze: { rows: e1 + 1, columns: 1 },
    print: { landscape: true, fitToWidth: true },
    tabColor: "#70AD47",
    // The list feeds the shading: its note names the texts that make these days public holidays.
    notes: [
      {
        cell: adresse(e4 - 1, 0),
        text:
          `Jours fériés (zone ${zoneLisible}) ; un jour de tournage un dimanche ou un de ces jours est grisé :\n` +
          SOURCES_FERIES[zone].map((x) => `${x.titre}\n${x.url}`).join("\n"),
      },
      ...notesLignes,
    ],
  };
}

/** Printable call sheet for one day: crew calls sorted by call time, locations, contacts. */
export function feuilleDeService(
  plan: PlanDeTravail,
  date: string,
  opts: { production?: string; nom?: string } = {},
): SheetSpec {
  const jour = plan.vacations
    .filter((v) => v.date === date)
    .sort((a, b) => a.debut - b.debut || a.nom.localeCompare(b.nom, "fr"));
  const dates = plan.vacations.map((v) => v.date).sort();
  // A day outside the plan (« 1850-01-01 », a year typed wrong) says the plan's span, not that nobody is called that day.
  if (dates.length && (date < dates[0] || date > dates[dates.length - 1]))
    throw new PlanningError(
      `Le ${dateEnLettres(date)} est hors du plan de travail de la feuille « ${plan.feuille} » (du ` +
        `${dateEnLettres(dates[0])} au ${dateEnLettres(dates[dates.length - 1])}) : pas de feuille de service à établir.`,
    );
  if (jour.length === 0)
    throw new PlanningError(
      `Aucune personne n'est prévue le ${dateEnLettres(date)} dans la feuille « ${plan.feuille} » : pas de feuille de service à établir.`,
    );
  const lieux = [...new Set(jour.map((v) => v.lieu).filter((l): l is string => !!l))];
  const rows: CellSpec[][] = [
    [`Feuille de service — ${nomJour(date)} ${dateEnLettres(date)}`],
    [opts.production ? `Production : ${opts.production}` : ""],
    [`Lieu(x) de tournage : ${lieux.length ? lieux.join(" ; ") : "à préciser"}`],
    [`Première convocation : ${hhmm(jour[0].debut)} — ${pluriel(jour.length, "personne")}`],
    [],
    ["Nom", "Fonction", "Convocation", "Fin prévue", "Lieu", "Téléphone"],
  ];
  for (const v of jour)
    rows.push([
      v.nom,
      v.fonction,
      hhmm(v.debut),
      `${hhmm(v.fin)}${v.fin <= v.debut ? " (+1 j)" : ""}`,
      v.lieu ?? "",
      v.telephone ?? "",
    ]);
  const fin = rows.length - 1;
  return {
    name: opts.nom ?? NOM_FEUILLE_DE_SERVICE,
    rows,
    columns: [{ width: 24 }, { width: 24 }, { width: 12 }, { width: 12 }, { width: 30 }, { width: 18 }],
    formats: [
      { range: "A1", bold: true },
      { range: "A2:A4", italic: true },
      { range: "A6:F6", bold: true, borderTop: true },
    ],
    tables: [{ name: "tblFeuilleDeService", range: `A6:F${fin + 1}`, style: "TableStyleLight1" }],
    print: { landscape: true, repeatRows: 6, fitToWidth: true },
    tabColor: "#FFC000",
  };
}
