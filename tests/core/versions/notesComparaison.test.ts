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
