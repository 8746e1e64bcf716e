import * as path from "path";
import { importerDevis } from "../../../src/core/devis/import";
import { noteDeTrace } from "../../../src/core/traces/note";
import { incoherences } from "../../../src/core/traces/trace";
import { comparerVersions } from "../../../src/core/versions/comparer";
import { lignesDeVersion } from "../../../src/core/versions/depuisDevis";
import { feuilleComparaison, noteDeLigne, traceDeLigne } from "../../../src/core/versions/feuilleComparaison";
import { feuilleVersions, lireVersions } from "../../../src/core/versions/feuilleVersions";
import type { Version } from "../../../src/core/versions/modele";
import { toutesLesLignes, celluleEcrite } from "../../../src/core/port/workbook";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { dossierTemp, ecrireDevis } from "./classeurs";
import { subCents, ZERO } from "../../../src/core/money/cents";
import { formatEcartFr, formatMontantFr } from "../../../src/core/money/format";
import { decimalFr } from "../../../src/core/util/texte";

/** French amounts' no-break spaces as plain spaces, to compare texts. */
const espaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

/** The versions as read back from their « Versions » sheet (the notes cite its rows). */
async function versionsLues(): Promise<Version[]> {
  const dir = await dossierTemp("prodbook-notes-");
  const lignes = async (modifie: boolean) => {
    const f = path.join(dir, modifie ? "modifie.xlsx" : "initial.xlsx");
    await ecrireDevis(f, modifie);
    const wb = await XlsxWorkbook.ouvrir(f);
    return lignesDeVersion(importerDevis((await wb.readSheet("Budget"))!));
  };
  const ecrites: Version[] = [
    { nom: "Devis initial", date: "2026-11-02", auteur: "A", lignes: await lignes(false) },
    { nom: "Dépôt agrément", date: "2026-11-20", auteur: "B", lignes: await lignes(true) },
  ];
  const spec = feuilleVersions(ecrites, false);
  return lireVersions({ name: "Versions", rows: toutesLesLignes(spec).map((r) => r.map(celluleEcrite)), merges: [] })
    .versions;
}

describe("notes des écarts de ligne de la feuille Comparaison", () => {
  it("chaque ligne a sa note sur son écart (N), celle de sa trace, qui nomme les deux lignes de « Versions » comparées", async () => {
    const [de, a] = await versionsLues();
    const c = comparerVersions(de.nom, de.lignes, a.nom, a.lignes);
    const e = { comparaison: c, feuilleVersions: "Versions", versionDe: de, versionA: a, libelleA: a.nom };
    const spec = feuilleComparaison(e);
    const premiere = spec.rows.length + 1;
    const parCellule = new Map((spec.notes ?? []).map((n) => [n.cell, espaces(n.text)]));
    c.lignes.forEach((lc, i) => {
      const r = premiere + i;
      const texte = parCellule.get(`N${r}`);
      // Written directly, the note is noteDeTrace's text of the line's trace, which re-evaluates to the écart.
      const { trace, complements } = traceDeLigne(lc, r, e, `version « ${de.nom} »`, `version « ${a.nom} »`);
      expect(texte).toBe(espaces(noteDeTrace(trace, undefined, complements)));
      expect(espaces(noteDeLigne(lc, r, e, `version « ${de.nom} »`, `version « ${a.nom} »`).text)).toBe(texte);
      expect(incoherences(trace)).toEqual([]);
      // The rows cited: the version's n-th line is on row (lines before it) + its rank + 1 (header).
      if (lc.de) expect(texte).toContain(`lu en Versions!M${de.lignes.indexOf(lc.de) + 2}, SOMME.SI.ENS`);
      else expect(texte).toContain("Montant de, version « Devis initial » : 0,00 € (ligne absente de cette version)");
      if (lc.a) expect(texte).toContain(`lu en Versions!M${de.lignes.length + a.lignes.indexOf(lc.a) + 2}, SOMME`);
      else expect(texte).toContain("Montant à, version « Dépôt agrément » : 0,00 € (ligne absente de cette version)");
    });
    const quantite = c.lignes.findIndex((l) => l.a?.libelle === "Directrice de production");
    expect(parCellule.get(`N${premiere + quantite}`)).toContain(
      `dont effet quantité (O${premiere + quantite}) = ARRONDI((I${premiere + quantite} − H${premiere + quantite})`,
    );
    expect(parCellule.get(`N${premiere + quantite}`)).toContain("× taux de : 1 237,11 € ; effet taux");
  });

  it("devis actuel : le côté « à » nomme la cellule du producteur, écrite en valeur", async () => {
    const [de, a] = await versionsLues();
    const c = comparerVersions(de.nom, de.lignes, "courant", a.lignes);
    const spec = feuilleComparaison({
      comparaison: c,
      feuilleVersions: "Versions",
      versionDe: de,
      libelleA: "Devis actuel (feuille « Budget »)",
    });
    const i = c.lignes.findIndex((l) => l.a?.libelle === "Drone et télépilote");
    const texte = espaces((spec.notes ?? []).find((n) => n.cell === `N${spec.rows.length + 1 + i}`)?.text ?? "");
    expect(texte).toContain(
      `← Montant à, Devis actuel (feuille « Budget ») : 1 800,00 € (devis actuel, écrit en valeur depuis ${c.lignes[i].a!.cellule})`,
    );
  });
});

describe("notes des chiffres lus dans « Versions » et des deux parts de l'écart (colonnes H à P)", () => {
  it("chaque formule des lignes et des chapitres porte sa note, qui nomme la ligne de « Versions » lue et le chiffre", async () => {
    const [de, a] = await versionsLues();
    const c = comparerVersions(de.nom, de.lignes, a.nom, a.lignes);
    const spec = feuilleComparaison({
      comparaison: c,
      feuilleVersions: "Versions",
      versionDe: de,
      versionA: a,
      libelleA: a.nom,
    });
    const premiere = spec.rows.length + 1;
    const parCellule = new Map((spec.notes ?? []).map((n) => [n.cell, espaces(n.text)]));
    // Every formula of the sheet (chapters and total held, lines generated) has its note.
    const sansNote: string[] = [];
    const formules = (row: unknown[], r: number) =>
      row.forEach((x, k) => {
        const adr = `${String.fromCharCode(65 + k)}${r}`;
        // A link (column Q, the producer's cell) is a link, not a figure (as in the notes audit).
        const f = x && typeof x === "object" && "formula" in x ? String(x.formula) : "";
        if (f && !f.startsWith("HYPERLINK(") && !parCellule.has(adr)) sansNote.push(adr);
      });
    spec.rows.forEach((row, i) => formules(row, i + 1));
    let i = 0;
    for (const row of spec.bulk!.rows()) formules(row, premiere + i++);
    expect(sansNote).toEqual([]);
    const rangDe = (l: (typeof de.lignes)[number]) => de.lignes.indexOf(l) + 2;
    const rangA = (l: (typeof a.lignes)[number]) => de.lignes.length + a.lignes.indexOf(l) + 2;
    c.lignes.forEach((lc, k) => {
      const r = premiere + k;
      if (lc.de) {
        expect(parCellule.get(`L${r}`)).toBe(
          espaces(
            `Montant, version « ${de.nom} » : ${formatMontantFr(lc.de.montant)}\n= montant de la ligne n° ` +
              `${lc.de.numero} de la version « ${de.nom} », lu en Versions!M${rangDe(lc.de)} ` +
              `(SOMME.SI.ENS par version (A) et N° (D))\n(Prodbook, « D'où vient ce chiffre ? »)`,
          ),
        );
        if (lc.de.taux !== undefined) expect(parCellule.get(`J${r}`)).toContain(`lu en Versions!L${rangDe(lc.de)} (`);
      } else for (const x of ["H", "J", "L"]) expect(parCellule.has(`${x}${r}`)).toBe(false);
      if (lc.a)
        expect(parCellule.get(`M${r}`)).toContain(`de la version « ${a.nom} », lu en Versions!M${rangA(lc.a)} (`);
      // The écart's parts: their amounts are those the comparison computed, as the sheet's formulas compute them.
      const effet = lc.effetQuantite;
      expect(parCellule.get(`P${r}`)?.split("\n")[0]).toBe(
        espaces(`dont effet taux et autres : ${formatEcartFr(subCents(lc.delta, effet ?? ZERO))}`),
      );
      if (effet === undefined) expect(parCellule.has(`O${r}`)).toBe(false);
      else
        expect(parCellule.get(`O${r}`)?.split("\n")[0]).toBe(espaces(`dont effet quantité : ${formatEcartFr(effet)}`));
    });
    // A line whose quantity changed: the quantities and the rate the effect multiplies.
    const k = c.lignes.findIndex((l) => l.a?.libelle === "Directrice de production");
    const r = premiere + k;
    const lc = c.lignes[k];
    expect(parCellule.get(`H${r}`)).toContain(`lus en Versions!I${rangDe(lc.de!)} et J${rangDe(lc.de!)} (`);
    expect(parCellule.get(`O${r}`)).toContain(`ARRONDI((I${r} − H${r}) × J${r} ; 2) = (`);
    expect(parCellule.get(`O${r}`)).toContain(espaces(`× ${decimalFr(lc.de!.taux!)} €`));
    // The chapters: each amount says which sum of « Versions » it is.
    const chapitre = c.chapitres[0];
    const rc = spec.rows.findIndex((row) => row[0] === "Chapitre" && row[1] === chapitre.code) + 1;
    expect(parCellule.get(`L${rc}`)).toBe(
      espaces(
        `Montant de, chapitre ${chapitre.code}, version « ${de.nom} » : ${formatMontantFr(chapitre.de)}\n` +
          `= Σ colonne M de « Versions » où la version (A) est « ${de.nom} » et le chapitre (E) ${chapitre.code}\n` +
          `(Prodbook, « D'où vient ce chiffre ? »)`,
      ),
    );
    expect(parCellule.get(`M${rc}`)).toContain(
      `: ${espaces(formatMontantFr(chapitre.a))}\n= Σ colonne M de « Versions »`,
    );
  });
});
