import * as path from "path";
import { commandesVersions } from "../../../src/app/commandes/versions";
import { importerDevis } from "../../../src/core/devis/import";
import { comparerVersions, ressemblance } from "../../../src/core/versions/comparer";
import { lignesDeVersion } from "../../../src/core/versions/depuisDevis";
import { feuilleVersions, lireVersions } from "../../../src/core/versions/feuilleVersions";
import { VersionExistanteError, VersionIntrouvableError, type Version } from "../../../src/core/versions/modele";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";
import { DELTA_TOTAL_CENTIMES, dossierTemp, ecrireDevis } from "./classeurs";

async function lignes(modifie: boolean) {
  const dir = await dossierTemp("prodbook-versions-");
  const f = path.join(dir, modifie ? "modifie.xlsx" : "initial.xlsx");
  await ecrireDevis(f, modifie);
  const wb = await XlsxWorkbook.ouvrir(f);
  return lignesDeVersion(importerDevis((await wb.readSheet("Budget"))!));
}

describe("comparaison de deux versions", () => {
  it("apparie par code puis par ressemblance du libellé : ajout, suppression, renommage, quantité", async () => {
    const de = await lignes(false);
    const a = await lignes(true);
    expect(de).toHaveLength(8);
    expect(a).toHaveLength(8);
    const c = comparerVersions("Devis initial", de, "Dépôt agrément", a);
    const changees = c.lignes.filter((l) => l.statut !== "inchangee");
    expect(
      changees.map((l) => [l.statut, l.a?.code ?? l.de?.code ?? null, l.a?.libelle ?? l.de?.libelle, l.delta]),
    ).toEqual([
      ["supprimee", "1.2", "Archives INA", -600000],
      ["modifiee", "2.2", "Directrice de production", 123711],
      ["modifiee", "2.3", "Directeur de la photographie", 54000],
      ["ajoutee", "7.3", "Drone et télépilote", 180000],
      ["modifiee", null, "Consommables (cartes, disques)", 0],
    ]);
    const q = changees[1];
    expect(q.effetQuantite).toBe(123711);
    const renommee = changees[2];
    expect(renommee.renommee).toBe(true);
    expect(renommee.de?.libelle).toBe("Chef opérateur");
    expect(renommee.effetQuantite).toBe(0);
    expect(changees[4].appariement).toBe("ressemblance");
    expect(c.total.delta).toBe(DELTA_TOTAL_CENTIMES);
    expect(c.chapitres.map((x) => [x.code, x.delta])).toEqual([
      ["1", -600000],
      ["2", 177711],
      ["7", 180000],
    ]);
    // The removed line sits where it was, after 1.1.
    expect(c.lignes.map((l) => l.a?.code ?? l.de?.code ?? "-")).toEqual([
      "1.1",
      "1.2",
      "2.1",
      "2.2",
      "2.3",
      "7.1",
      "7.2",
      "7.3",
      "-",
    ]);
  });

  it("ne rapproche jamais deux lignes aux codes différents, même de libellés voisins", () => {
    const l = (numero: number, code: string, libelle: string, montant: number) =>
      ({ numero, chapitre: "2", code, libelle, montant, cellule: `B!G${numero}` }) as never;
    const c = comparerVersions("a", [l(1, "2.4", "Assistant de production", 100)], "b", [
      l(1, "2.5", "Assistante de production", 100),
    ]);
    expect(c.lignes.map((x) => x.statut)).toEqual(["supprimee", "ajoutee"]);
    expect(ressemblance("Assistant de production", "Assistante de production")).toBeGreaterThan(0.9);
    expect(ressemblance("Chef opérateur", "Mixeuse")).toBeLessThan(0.6);
    expect(ressemblance("Chef opérateur", "Chef monteur")).toBeLessThan(0.6);
    expect(ressemblance("Mixeuse", "Monteuse")).toBeLessThan(0.6);
    expect(ressemblance("Location caméra", "Location véhicule")).toBeLessThan(0.6);
    expect(ressemblance("Consommables", "Consommables (cartes, disques)")).toBe(1);
  });
});

describe("feuille Versions", () => {
  it("relit exactement ce qu'elle écrit (textes restés textes, décimales, dates)", async () => {
    const v: Version = { nom: "Devis initial", date: "2026-12-03", auteur: "Claire", lignes: await lignes(false) };
    v.lignes[0].libelle = "=SOMME(A1)";
    const w: Version = { nom: "=2+2", date: "2026-12-04", auteur: "", lignes: await lignes(true) };
    const spec = feuilleVersions([v, w], true);
    expect(spec.hidden).toBe(true);
    expect(spec.tables).toEqual([{ name: "tblVersions", range: "A1:N17", style: "TableStyleLight9" }]);
    const wb = XlsxWorkbook.vide();
    await wb.writeSheets([spec]);
    const dir = await dossierTemp("prodbook-versions-");
    await wb.enregistrer(path.join(dir, "v.xlsx"));
    const relu = await XlsxWorkbook.ouvrir(path.join(dir, "v.xlsx"));
    const s = await relu.readSheet("Versions");
    expect(s!.rows[1][7].v).toBe("=SOMME(A1)");
    expect(s!.rows[1][7].f).toBeUndefined();
    const r = lireVersions(s!);
    expect(r.masquee).toBe(true);
    expect(r.versions).toEqual([v, w]);
  });

  it("refuse un tableau dont les colonnes ont été déplacées, en nommant la feuille", () => {
    expect(() => lireVersions({ name: "Versions", rows: [[{ v: "Nom" }]], merges: [] })).toThrow(
      /« Versions » n'a plus les colonnes des versions/,
    );
  });
});

describe("commandes enregistrer / lister", () => {
  const budget = [
    ["Code", "Désignation", "Qté", "Nb", "Unité", "Tarif", "Montant"],
    ["2 - PERSONNEL"],
    ["2.1", "Réalisateur", 6, 1, "semaine", 1850, 11100],
    ["2.2", "Monteuse", 10, 1, "jour", 240.5, 2405],
  ];

  it("enregistre, refuse un doublon sans confirmation, remplace avec, et garde le réglage « masquer »", async () => {
    const wb = new MemoryWorkbook({ Budget: budget });
    const r = await commandesVersions.enregistrerVersion(wb, {
      nom: " Devis  initial ",
      auteur: "Claire",
      date: "2026-12-01",
      masquer: true,
    });
    expect(r.version).toEqual({
      nom: "Devis initial",
      date: "2026-12-01",
      auteur: "Claire",
      lignes: 2,
      total: 1350500,
      nonPlaces: [],
    });
    expect(r.remplacee).toBe(false);
    expect(wb.ecrites.get("Versions")?.hidden).toBe(true);
    await expect(commandesVersions.enregistrerVersion(wb, { nom: "devis initial" })).rejects.toThrow(
      VersionExistanteError,
    );
    const ecritures = wb.ecritures;
    await commandesVersions.enregistrerVersion(wb, { nom: "Devis initial" }).catch(() => undefined);
    expect(wb.ecritures).toBe(ecritures);
    await commandesVersions.enregistrerVersion(wb, { nom: "Dépôt agrément", date: "2026-12-02" });
    const r2 = await commandesVersions.enregistrerVersion(wb, {
      nom: "Devis initial",
      remplacer: true,
      date: "2026-12-03",
    });
    expect(r2.remplacee).toBe(true);
    expect(wb.ecrites.get("Versions")?.hidden).toBe(true);
    const l = await commandesVersions.listerVersions(wb, {});
    expect(l.versions.map((v) => [v.nom, v.date])).toEqual([
      ["Devis initial", "2026-12-03"],
      ["Dépôt agrément", "2026-12-02"],
    ]);
  });

  it("refuse « courant » et un nom vide ; liste vide sans feuille", async () => {
    const wb = new MemoryWorkbook({ Budget: budget });
    await expect(commandesVersions.enregistrerVersion(wb, { nom: "Courant" })).rejects.toThrow(/devis actuel/);
    await expect(commandesVersions.enregistrerVersion(wb, { nom: "  " })).rejects.toThrow(/vide/);
    expect(await commandesVersions.listerVersions(wb, {})).toEqual({ feuille: null, versions: [] });
    expect(new VersionIntrouvableError("X", []).message).toMatch(/aucune version enregistrée/);
  });
});
