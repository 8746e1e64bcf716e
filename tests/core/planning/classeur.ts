import ExcelJS from "exceljs";
import * as path from "path";

export const DEVIS_EXEMPLE = path.join(__dirname, "../../../assets/exemple/devis-producteur.xlsx");

type Ligne = (string | number | null)[];

/** Times as Excel stores them: a day fraction with an « hh:mm » format (ExcelJS reads them back as Dates). */
const h = (t: string) => {
  const [a, b] = t.split(":").map(Number);
  return (a * 60 + b) / 1440;
};

export const ETAPES: Ligne[] = [
  ["Étape", "Durée (jours ouvrés)", "Dépend de", "Calendaire", "Décalage"],
  ["Montage image", 10, "-", null, null],
  ["Montage son", 5, null, null, null],
  ["Musique", 4, "Montage image", null, null],
  ["Mixage", 3, "Montage son, Musique", null, null],
  ["PAD", null, null, null, null],
];

/**
 * The shoot of « Les Gardiens du littoral », week of 11 May 2026: Yann's Tuesday is 12 h 30 (duree-quotidienne,
 * row 4 → F4), Anne's Friday runs past midnight.
 */
export const PDT: [string, string, string, string, string, string, number, string, string][] = [
  [
    "2026-05-11",
    "Yann Le Goff",
    "Chef opérateur",
    "IDCC 2642",
    "08:00",
    "19:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 11 22 33 44",
  ],
  [
    "2026-05-12",
    "Yann Le Goff",
    "Chef opérateur",
    "IDCC 2642",
    "08:00",
    "20:30",
    0,
    "Phare du Créac'h, Ouessant",
    "06 11 22 33 44",
  ],
  [
    "2026-05-13",
    "Yann Le Goff",
    "Chef opérateur",
    "IDCC 2642",
    "08:00",
    "18:00",
    60,
    "Port de Lampaul",
    "06 11 22 33 44",
  ],
  [
    "2026-05-15",
    "Yann Le Goff",
    "Chef opérateur",
    "IDCC 2642",
    "14:00",
    "23:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 11 22 33 44",
  ],
  [
    "2026-05-11",
    "Anne Kerbrat",
    "Ingénieure du son",
    "IDCC 2642",
    "08:00",
    "19:00",
    60,
    "Phare du Créac'h, Ouessant",
    "07 55 66 77 88",
  ],
  [
    "2026-05-12",
    "Anne Kerbrat",
    "Ingénieure du son",
    "IDCC 2642",
    "08:00",
    "19:00",
    60,
    "Phare du Créac'h, Ouessant",
    "07 55 66 77 88",
  ],
  [
    "2026-05-13",
    "Anne Kerbrat",
    "Ingénieure du son",
    "IDCC 2642",
    "08:00",
    "18:00",
    60,
    "Port de Lampaul",
    "07 55 66 77 88",
  ],
  [
    "2026-05-15",
    "Anne Kerbrat",
    "Ingénieure du son",
    "IDCC 2642",
    "18:00",
    "01:00",
    0,
    "Phare du Créac'h, Ouessant",
    "07 55 66 77 88",
  ],
  [
    "2026-05-11",
    "Claire Martin",
    "Réalisatrice",
    "IDCC 2642",
    "07:30",
    "19:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 00 00 00 01",
  ],
  [
    "2026-05-12",
    "Claire Martin",
    "Réalisatrice",
    "IDCC 2642",
    "07:30",
    "19:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 00 00 00 01",
  ],
  [
    "2026-05-13",
    "Claire Martin",
    "Réalisatrice",
    "IDCC 2642",
    "07:30",
    "18:00",
    60,
    "Port de Lampaul",
    "06 00 00 00 01",
  ],
  ["2026-05-14", "Claire Martin", "Réalisatrice", "IDCC 2642", "09:00", "13:00", 0, "Repérages", "06 00 00 00 01"],
  [
    "2026-05-15",
    "Claire Martin",
    "Réalisatrice",
    "IDCC 2642",
    "14:00",
    "23:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 00 00 00 01",
  ],
  [
    "2026-05-11",
    "Sophie Tanguy",
    "Chargée de production",
    "IDCC 2642",
    "07:00",
    "18:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 99 88 77 66",
  ],
  [
    "2026-05-12",
    "Sophie Tanguy",
    "Chargée de production",
    "IDCC 2642",
    "07:00",
    "18:00",
    60,
    "Phare du Créac'h, Ouessant",
    "06 99 88 77 66",
  ],
  [
    "2026-05-13",
    "Sophie Tanguy",
    "Chargée de production",
    "IDCC 2642",
    "07:00",
    "17:00",
    60,
    "Port de Lampaul",
    "06 99 88 77 66",
  ],
];

/** The example devis plus a steps sheet and a plan de travail with real date and time cells. */
export async function classeurPlanning(dest: string, etapes: Ligne[] = ETAPES, avecPdt = true): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEVIS_EXEMPLE);
  // The example's own « Post-production » steps give way to these: one steps sheet, the one these tests plan.
  const exemple = wb.getWorksheet("Post-production");
  if (exemple) wb.removeWorksheet(exemple.id);
  const e = wb.addWorksheet("Étapes post-prod");
  etapes.forEach((r) => e.addRow(r));
  if (avecPdt) {
    const p = wb.addWorksheet("PDT");
    p.addRow(["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)", "Lieu", "Téléphone"]);
    for (const [d, ...reste] of PDT) {
      const [nom, fonction, conv, debut, fin, pause, lieu, tel] = reste as [
        string,
        string,
        string,
        string,
        string,
        number,
        string,
        string,
      ];
      const row = p.addRow([new Date(`${d}T00:00:00Z`), nom, fonction, conv, h(debut), h(fin), pause, lieu, tel]);
      row.getCell(1).numFmt = "dd/mm/yyyy";
      row.getCell(5).numFmt = "hh:mm";
      row.getCell(6).numFmt = "hh:mm";
    }
  }
  await wb.xlsx.writeFile(dest);
  return dest;
}
