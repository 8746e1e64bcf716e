/**
 * A « Paramètres » key that no calculation reads — a typo in its prefix (« credit-impt.… »), or a key nothing
 * resembles — is never silent in the commands that read the sheet: the command whose domain holds the closest known key
 * says it (alert « parametre-non-lu », the cell, « Vouliez-vous dire … »), in its JSON `controles` and its text; a key
 * nothing resembles is said by every command; the other commands do not repeat another domain's typo. Through the
 * built binary (bin/prodbook.js, npm run build:cli), on real .xlsx workbooks.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { ecrireDevisFiction } from "../core/creditImpot/classeurs";
import { ecrireClasseurs } from "../core/financement/plans";
import { binaire, type ConstatJson as Controle, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-parametres-non-lus-");

const prodbook = (...args: string[]) => binaire(args);

/** One typo per domain, and a key nothing resembles (rows 2 to 7 of « Paramètres »). */
const PARAMETRES: [string, string][] = [
  ["credit-impt.cinema.taux", "25 %"],
  ["carbon.train-tgv", "0,004"],
  ["intensite-aide.cinema.plafond-general", "60 %"],
  ["temps-de-travial.2642.repos-quotidien", "11"],
  ["devis-salaire-minimum.directeur-photo", "600"],
  ["smic-horaire", "12"],
];

const message = (ligne: number, proche?: string) =>
  `'Paramètres'!B${ligne} : paramètre « ${PARAMETRES[ligne - 2][0]} » lu par aucun calcul, ignoré (la valeur en ` +
  `vigueur reste celle des règles).${proche ? ` Vouliez-vous dire « ${proche} » ?` : ""}`;

/** The `controles` list of a command's JSON. */
const controlesDe = (j: unknown) => (j as { controles: Controle[] }).controles;

/** A fiction devis with the « Paramètres » above, and a « PDT » of two days. */
async function classeurDevis(): Promise<string> {
  const f = path.join(dossier(), "devis-parametres.xlsx");
  await ecrireDevisFiction(f, PARAMETRES);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f);
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Début", "Fin", "Pause (min)"]);
  ws.addRow(["11/05/2026", "Yann Le Goff", "08:00", "17:00", 60]);
  ws.addRow(["12/05/2026", "Anne Kerbrat", "09:00", "17:30", 30]);
  await wb.xlsx.writeFile(f);
  return f;
}

/** A cinema plan de financement with the same « Paramètres ». */
async function classeurFinancement(): Promise<string> {
  const { cinema } = await ecrireClasseurs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(cinema);
  const p = wb.addWorksheet("Paramètres");
  p.addRow(["Paramètre", "Valeur"]);
  for (const ligne of PARAMETRES) p.addRow(ligne);
  const f = path.join(dossier(), "financement-parametres.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

const COMMANDES: [string, () => Promise<string>, string[], string, (j: unknown) => Controle[], string[]][] = [
  [
    "credit-impot",
    classeurDevis,
    ["--regime", "international", "--genre", "fiction", "--annee", "2025", "--jours-tournage-france", "2"],
    "controles",
    controlesDe,
    [message(2, "credit-impot.cinema.taux"), message(7)],
  ],
  ["carbone", classeurDevis, [], "controles", controlesDe, [message(3, "carbone.train-tgv"), message(7)]],
  [
    "financement",
    classeurFinancement,
    ["--cout", "2000000", "--date", "2026-01-15"],
    "controles",
    controlesDe,
    [message(4, "intensite-aides.cinema.plafond-general"), message(7)],
  ],
  [
    "planning",
    classeurDevis,
    [],
    "controles",
    controlesDe,
    [message(5, "temps-de-travail.2642.repos-quotidien"), message(7)],
  ],
  [
    "devis",
    classeurDevis,
    ["--date", "2026-01-15"],
    "controles",
    controlesDe,
    [message(6, "devis.salaire-minimum.directeur-photo"), message(7)],
  ],
];

describe("une clé de Paramètres qu'aucun calcul ne lit est nommée par la commande qu'elle concerne", () => {
  it.each(COMMANDES)("prodbook %s", async (commande, classeur, options, _champ, controles, attendus) => {
    const f = await classeur();
    const r = prodbook(commande, f, ...options, "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const nonLus = controles(JSON.parse(r.out)).filter((c) => c.regle === "parametre-non-lu");
    expect(nonLus.map((c) => ({ ...c, message: espacesSimples(c.message) }))).toEqual(
      attendus.map((m) => ({ regle: "parametre-non-lu", gravite: "alerte", message: m, cellule: m.split(" : ")[0] })),
    );
    const texte = prodbook(commande, f, ...options);
    expect(texte.code).toBe(0);
    for (const m of attendus) expect(espacesSimples(texte.out)).toContain(`Paramètre lu par aucun calcul — ${m}`);
  });
});

describe("la feuille « Contrôles » écrite par prodbook devis -o", () => {
  it("liste la clé de Paramètres qu'aucun calcul ne lit, comme le JSON", async () => {
    const f = await classeurDevis();
    const sortie = path.join(dossier(), "devis-controles.xlsx");
    const r = prodbook("devis", f, "--date", "2026-01-15", "-o", sortie);
    expect([r.code, r.err]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Contrôles");
    const textes: string[] = [];
    ws?.eachRow((row) => row.eachCell((c) => textes.push(espacesSimples(c.text))));
    expect(textes).toEqual(expect.arrayContaining([message(6, "devis.salaire-minimum.directeur-photo"), message(7)]));
  });
});

describe("la feuille « Plan de financement » écrite par prodbook financement -o", () => {
  it("liste la clé de Paramètres qu'aucun calcul ne lit dans ses contrôles, comme le JSON", async () => {
    const f = await classeurFinancement();
    const sortie = path.join(dossier(), "financement-controles.xlsx");
    const r = prodbook("financement", f, "--cout", "2000000", "--date", "2026-01-15", "-o", sortie);
    expect([r.code, r.err]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    // The producer's sheet is « Plan de financement »: Prodbook's is « Plan de financement (Prodbook) ».
    const ws = wb.getWorksheet("Plan de financement (Prodbook)")!;
    const lignes: [string, string, string, string][] = [];
    ws.eachRow((row) =>
      lignes.push([
        row.getCell(1).text,
        row.getCell(2).text,
        espacesSimples(row.getCell(3).text),
        row.getCell(12).text,
      ]),
    );
    const debut = lignes.findIndex((l) => l[0].startsWith("Contrôles au "));
    expect(debut).toBeGreaterThan(0);
    expect(lignes.slice(debut + 1)).toEqual(
      expect.arrayContaining([
        ["parametre-non-lu", "alerte", message(4, "intensite-aides.cinema.plafond-general"), "'Paramètres'!B4"],
        ["parametre-non-lu", "alerte", message(7), "'Paramètres'!B7"],
      ]),
    );
  });
});
