import { creerFauxExcel, type FauxExcel } from "../helpers/fake-excel";
import { OfficeWorkbook } from "../../src/office/officeWorkbook";
import { OCTETS_NOTES_PAR_SYNC, octetsNote } from "../../src/office/miseEnForme";
import { comparerVersions } from "../../src/core/versions/comparer";
import { feuilleComparaison } from "../../src/core/versions/feuilleComparaison";
import type { LigneVersion, Version } from "../../src/core/versions/modele";
import type { Cents } from "../../src/core/money/cents";

/**
 * The pane writes a sheet's notes in requests of at most 2 MB, batched by their size, not by a count: the 45 000 notes
 * of a 5 000-line comparison (about 15 MB of text) go in a handful of full requests.
 */
const LIGNES = 5000;
const MO = 1024 * 1024;

/** A 5 000-line devis as a version, and the same modified (quantities, labels, lines removed and added). */
function versions(): [Version, Version] {
  const ligne = (i: number, modifie: boolean): LigneVersion => {
    const chapitre = String(1 + Math.floor((i * 9) / LIGNES));
    const quantite = 1 + (i % 30) + (modifie && i % 25 === 0 ? 2 : 0);
    const taux = 150 + ((i * 37) % 5000) / 10;
    return {
      numero: i + 1,
      chapitre,
      code: `${chapitre}.${i + 1}`,
      libelle: `Poste ${i + 1} ${["caméra", "lumière", "régie", "montage", "son"][i % 5]}${modifie && i % 40 === 0 ? " (révisé)" : ""}`,
      quantite: String(quantite),
      nombre: "1",
      unite: "jour",
      taux: taux.toFixed(1),
      montant: Math.round(quantite * taux * 100) as Cents,
      cellule: `'Budget'!G${i + 3}`,
    };
  };
  const de = Array.from({ length: LIGNES }, (_x, i) => ligne(i, false));
  const a = Array.from({ length: LIGNES }, (_x, i) => ligne(i, true)).filter((_l, i) => i % 50 !== 49);
  a.forEach((l, i) => (l.numero = i + 1));
  return [
    { nom: "Devis initial", date: "2026-11-02", auteur: "A", lignes: de },
    { nom: "Dépôt agrément", date: "2026-11-20", auteur: "B", lignes: a },
  ];
}

let excel: FauxExcel;

describe("notes written by the pane, batched by size", () => {
  it("a 5 000-line comparison's 45 000 notes: every request ≤ 2 MB, each batch filled up to its size budget", async () => {
    const [de, a] = versions();
    const c = comparerVersions(de.nom, de.lignes, a.nom, a.lignes);
    const spec = feuilleComparaison({
      comparaison: c,
      feuilleVersions: "Versions",
      versionDe: de,
      versionA: a,
      libelleA: a.nom,
    });
    const notes = spec.notes ?? [];
    expect(notes.length).toBeGreaterThan(8 * LIGNES);
    const taille = notes.reduce((s, n) => s + octetsNote(n.cell, n.text), 0);
    expect(taille).toBeGreaterThan(10 * MO);

    excel = creerFauxExcel({ sheets: { Feuil1: [["x"]] } });
    (globalThis as unknown as { Excel: FauxExcel }).Excel = excel;
    await new OfficeWorkbook().writeSheets([spec]);

    // Every note arrived, as the spec gives it.
    const ecrites = excel.__etat().feuilles.find((f) => f.name === "Comparaison")!.notes;
    expect(Object.keys(ecrites)).toHaveLength(notes.length);
    for (const n of [notes[0], notes[notes.length - 1], notes[Math.floor(notes.length / 2)]])
      expect(ecrites[n.cell]).toBe(n.text);

    const syncs = excel.__etat().syncs;
    // No request over 2 MB (the fake's measure: JSON bytes of what is set, plus a cost per call).
    const plusGros = Math.max(...syncs.map((s) => s.octets));
    expect(plusGros).toBeLessThanOrEqual(2 * MO);
    // The notes went in as few requests as their size allows: each batch but the last holds at least 1.5 MB less one
    // note (a count of 500 a request would have made 90 requests of 150 KB).
    const avecNotes = syncs.filter((s) => s.ops.some((o) => (typeof o === "string" ? o : o.op) === "notes.add"));
    const attendues = Math.ceil(taille / OCTETS_NOTES_PAR_SYNC);
    expect(avecNotes.length).toBeGreaterThanOrEqual(attendues);
    expect(avecNotes.length).toBeLessThanOrEqual(attendues + 1);
    for (const s of avecNotes.slice(0, -1)) expect(s.octets).toBeGreaterThan(MO);
  }, 120_000);
});
