/**
 * `versions enregistrer` (and `comparer … --a courant`) read the current devis: a #REF! in a line's amount left that
 * line out of the version, and a « TOTAL » no arithmetic proves went in as a line, both in silence (controles: []),
 * where `devis`, `credit-impot`, `ecarts` and `financement` say them. Now `controles` names both, with their cells.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("prodbook-qa-versions-devis-lu-");

/** « Devis »: 50 000 € read, 60 000 € in #REF!, 20 000 € read, a « TOTAL » of 130 000 € (no formula). */
async function classeur(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis");
  ws.addRow(["DEVIS DOCUMENTAIRE (52 minutes)"]);
  ws.addRow([]);
  ws.addRow(["Réf", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant HT"]);
  for (const l of [
    ["2 - PERSONNEL"],
    ["2.1", "Réalisateur", 1, "forfait", 1, 50000, 50000],
    ["2.2", "Équipe technique", 1, "forfait", 1, 60000, { error: "#REF!" }],
    ["5 - DÉCORS"],
    ["5.1", "Décors", 1, "forfait", 1, 20000, 20000],
    [null, "TOTAL", null, null, null, null, 130000],
  ])
    ws.addRow(l);
  const f = path.join(dossier(), "devis-ref.xlsx");
  await wb.xlsx.writeFile(f);
  return f;
}

type Controle = { regle: string; gravite: string; cellule?: string; message: string };
const dits = (c: Controle[]) => c.map((x) => [x.regle, x.gravite, x.cellule]);

const NON_LU =
  "Une cellule du devis « Devis » sans montant lu (Devis!G6) : le devis actuel est compté sans elle. Le contrôle du " +
  "devis dit pourquoi ; corrigez-la, puis relancez.";

describe("versions : le devis lu avec une cellule #REF! et un « TOTAL » non prouvé", () => {
  it("enregistrer --json : la version (200 000 €) est enregistrée, controles dit les deux cellules", async () => {
    const f = await classeur();
    const sortie = path.join(dossier(), "v1.xlsx");
    const r = binaire(["versions", "enregistrer", f, "--nom", "V1", "-o", sortie, "--date", "2026-01-01", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { version: { total: string }; controles: Controle[] };
    expect(j.version.total).toBe("200000.00");
    expect(dits(j.controles)).toEqual([
      ["montants-non-lus", "alerte", "Devis!G6"],
      ["total-non-prouve", "alerte", "Devis!G9"],
    ]);
    expect(espacesSimples(j.controles[0].message)).toBe(NON_LU);

    const c = binaire(["versions", "comparer", sortie, "--de", "V1", "--a", "courant", "--json"]);
    expect(c.code).toBe(0);
    expect(dits((JSON.parse(c.out) as { controles: Controle[] }).controles)).toEqual([
      ["montants-non-lus", "alerte", "Devis!G6"],
      ["total-non-prouve", "alerte", "Devis!G9"],
    ]);
  });
});
