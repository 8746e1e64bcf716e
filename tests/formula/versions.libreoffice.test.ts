/**
 * The « Comparaison » sheet's formulas (SUMIFS over the « Versions » table, écarts, chapter totals), recalculated
 * by LibreOffice headless after every cached result was dropped, give the core's écarts to the cent; the user's
 * comments survive a refresh, and a comment whose line left the comparison is kept at the bottom.
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { eurosToCents } from "../../src/core/money/cents";
import { lireRecalcule, nombre, recalculer, resultat, sansResultats } from "../helpers/libreoffice";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";

const io = { out: () => undefined, err: (t: string) => void process.stderr.write(t) };

/** A cell's value, a formula's result (a formula without one fails, naming the cell). */
const valeur = (c: ExcelJS.Cell) => resultat(c);
/** The recalculated amount in cents (a text, an error or no result fails). */
const centimes = (c: ExcelJS.Cell) => eurosToCents(nombre(c));

/** A note's text as ExcelJS reads it (a string, or rich text), its no-break spaces as spaces. */
const texteNote = (n: ExcelJS.Cell["note"]): string =>
  (typeof n === "string" ? n : (n?.texts ?? []).map((t) => t.text).join("")).replace(/[\u00a0\u202f]/g, " ");

/** Row number of the line (or chapter / total) whose column `col` holds `texte`. */
function ligne(ws: ExcelJS.Worksheet, col: number, texte: string, statut?: string): number {
  for (let r = 1; r <= ws.rowCount; r++)
    if (valeur(ws.getCell(r, col)) === texte && (!statut || valeur(ws.getCell(r, 1)) === statut)) return r;
  throw new Error(`« ${texte} » absent de la colonne ${col}`);
}

async function verifierRecalcul(fichier: string): Promise<ExcelJS.Worksheet> {
  const { fichier: casse, formules } = await sansResultats(fichier);
  expect(formules).toBeGreaterThan(30);
  const x = await lireRecalcule(await recalculer(casse));
  const ws = x.getWorksheet("Comparaison")!;
  const ecart = (libelle: string) => centimes(ws.getCell(ligne(ws, 4, libelle), 14));
  expect(ecart("Archives INA")).toBe(-600000);
  expect(ecart("Directrice de production")).toBe(123711);
  expect(centimes(ws.getCell(ligne(ws, 4, "Directrice de production"), 15))).toBe(123711);
  expect(ecart("Directeur de la photographie")).toBe(54000);
  expect(centimes(ws.getCell(ligne(ws, 4, "Directeur de la photographie"), 16))).toBe(54000);
  expect(ecart("Drone et télépilote")).toBe(180000);
  expect(ecart("Consommables (cartes, disques)")).toBe(0);
  expect(ecart("Location caméra et optiques")).toBe(0);
  expect(centimes(ws.getCell(ligne(ws, 4, "Location caméra et optiques"), 12))).toBe(484938);
  const chap = (code: string) => ligne(ws, 2, code, "Chapitre");
  expect([
    centimes(ws.getCell(chap("1"), 12)),
    centimes(ws.getCell(chap("1"), 13)),
    centimes(ws.getCell(chap("1"), 14)),
  ]).toEqual([1800000, 1200000, -600000]);
  expect(centimes(ws.getCell(chap("2"), 14))).toBe(177711);
  expect(centimes(ws.getCell(chap("7"), 14))).toBe(180000);
  const t = ligne(ws, 1, "Total");
  expect([centimes(ws.getCell(t, 12)), centimes(ws.getCell(t, 13)), centimes(ws.getCell(t, 14))]).toEqual([
    4719782, 4477493, -242289,
  ]);
  return ws;
}

describe("feuille Comparaison recalculée par LibreOffice", () => {
  let f: { v1m: string; v2: string };
  let dir: string;
  beforeAll(async () => {
    dir = await dossierTemp("prodbook-versions-lo-");
    f = await deuxVersions(dir);
  });

  it("deux versions : les SOMME.SI.ENS sur la table Versions donnent les écarts du cœur au centime", async () => {
    const comp = path.join(dir, "comparaison.xlsx");
    expect(
      await main(["versions", "comparer", f.v2, "--de", "Devis initial", "--a", "Dépôt agrément", "-o", comp], io),
    ).toBe(0);
    // Each line's écart (N) has a note naming the two rows of « Versions » it compares: those rows hold the amounts.
    const ecrit = new ExcelJS.Workbook();
    await ecrit.xlsx.readFile(comp);
    const c = ecrit.getWorksheet("Comparaison")!,
      v = ecrit.getWorksheet("Versions")!;
    let lignes = 0;
    for (let r = 1; r <= c.rowCount; r++) {
      if (!["ajoutée", "supprimée", "modifiée", "inchangée"].includes(String(c.getCell(r, 1).value))) continue;
      lignes++;
      const note = texteNote(c.getCell(r, 14).note);
      expect(note).toContain(`= Montant à − Montant de (M${r} − L${r})`);
      for (const [col, cote] of [
        [12, "de"],
        [13, "à"],
      ] as const) {
        const m = new RegExp(
          `← Montant ${cote}, version « [^»]+ » : [^(]+\\((?:lu en Versions!M(\\d+)|ligne absente)`,
        ).exec(note);
        expect(m).not.toBeNull();
        if (m![1]) expect(v.getCell(`M${m![1]}`).value).toBe(valeur(c.getCell(r, col)));
        else expect(c.getCell(r, col).value).toBeNull();
      }
    }
    expect(lignes).toBe(9);
    const ws = await verifierRecalcul(comp);
    expect(valeur(ws.getCell(ligne(ws, 4, "Directeur de la photographie"), 5))).toBe("Chef opérateur");
    expect(valeur(ws.getCell(ligne(ws, 4, "Archives INA"), 1))).toBe("supprimée");
    // LibreOffice read the notes written with the streamed rows: they are in the file it saved.
    expect(texteNote(ws.getCell(ligne(ws, 4, "Archives INA"), 14).note)).toContain(
      "Montant à, version « Dépôt agrément » : 0,00 € (ligne absente de cette version)",
    );
  });

  it("une version et le devis courant : mêmes écarts ; les commentaires survivent à l'actualisation", async () => {
    const comp = path.join(dir, "courant.xlsx");
    expect(await main(["versions", "comparer", f.v1m, "--de", "Devis initial", "--a", "courant", "-o", comp], io)).toBe(
      0,
    );
    await verifierRecalcul(comp);

    // The producer writes comments on two lines, a chapter and the total.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(comp);
    const ws = wb.getWorksheet("Comparaison")!;
    ws.getCell(ligne(ws, 4, "Directeur de la photographie"), 18).value = "Tarif négocié avec l'agent";
    ws.getCell(ligne(ws, 4, "Archives INA"), 18).value = "Archives remplacées par des images d'amateurs";
    ws.getCell(ligne(ws, 2, "2", "Chapitre"), 18).value = "Équipe renforcée";
    ws.getCell(ligne(ws, 1, "Total"), 18).value = "Validé par le diffuseur";
    const commente = path.join(dir, "commente.xlsx");
    await wb.xlsx.writeFile(commente);

    // Refresh the same comparison: every comment is back on its line.
    const rafraichi = path.join(dir, "rafraichi.xlsx");
    expect(
      await main(["versions", "comparer", commente, "--de", "Devis initial", "--a", "courant", "-o", rafraichi], io),
    ).toBe(0);
    const r1 = new ExcelJS.Workbook();
    await r1.xlsx.readFile(rafraichi);
    const w1 = r1.getWorksheet("Comparaison")!;
    expect(valeur(w1.getCell(ligne(w1, 4, "Directeur de la photographie"), 18))).toBe("Tarif négocié avec l'agent");
    expect(valeur(w1.getCell(ligne(w1, 4, "Archives INA"), 18))).toBe("Archives remplacées par des images d'amateurs");
    expect(valeur(w1.getCell(ligne(w1, 2, "2", "Chapitre"), 18))).toBe("Équipe renforcée");
    expect(valeur(w1.getCell(ligne(w1, 1, "Total"), 18))).toBe("Validé par le diffuseur");

    // Another comparison (Dépôt agrément → courant): the archives line is gone, its comment is kept at the bottom,
    // and kept again at the next refresh.
    const r2 = path.join(dir, "r2.xlsx");
    expect(await main(["versions", "enregistrer", rafraichi, "--nom", "Dépôt agrément", "-o", r2], io)).toBe(0);
    let dernier = r2;
    for (const n of [3, 4]) {
      const sortie = path.join(dir, `r${n}.xlsx`);
      expect(
        await main(["versions", "comparer", dernier, "--de", "Dépôt agrément", "--a", "courant", "-o", sortie], io),
      ).toBe(0);
      dernier = sortie;
      const r = new ExcelJS.Workbook();
      await r.xlsx.readFile(sortie);
      const w = r.getWorksheet("Comparaison")!;
      expect(valeur(w.getCell(ligne(w, 4, "Directeur de la photographie"), 18))).toBe("Tarif négocié avec l'agent");
      expect(valeur(w.getCell(ligne(w, 4, "Directeur de la photographie"), 1))).toBe("inchangée");
      expect(valeur(w.getCell(ligne(w, 1, "Total"), 18))).toBe("Validé par le diffuseur");
      const o = ligne(w, 18, "Archives remplacées par des images d'amateurs");
      expect(valeur(w.getCell(o, 1))).toBe("commentaire conservé");
      expect(valeur(w.getCell(o, 3))).toBe("1.2");
    }
  });
});
