import { decouperEnBlocs, octetsJson, octetsLigneJson } from "../../src/core/port/blocs";
import { estFormatDate } from "../../src/core/port/dates";
import { isoDepuisSerie, serieDepuisIso } from "../../src/core/util/serieExcel";
import { celluleLue, texteSur, valeurOffice } from "../../src/office/cellules";

describe("block splitting", () => {
  it("estimates JSON bytes exactly for rows of mixed cells", () => {
    const rows = [['a"b', "é—€", 12.5, -3, true, null, "ligne\nsuivante"], [], [0]];
    for (const r of rows) expect(octetsLigneJson(r)).toBe(Buffer.byteLength(JSON.stringify(r)) + 1);
    expect(octetsJson("x\\y")).toBe(Buffer.byteLength(JSON.stringify("x\\y")));
  });

  it("keeps every block under the limit, covers every row once, and isolates an oversized row", () => {
    const tailles = [10, 500, 400, 100, 2000, 30, 30];
    const blocs = decouperEnBlocs(tailles.length, (i) => tailles[i], 1000, 100, 0);
    expect(blocs.map((b) => [b.debut, b.lignes])).toEqual([
      [0, 3],
      [3, 1],
      [4, 1],
      [5, 2],
    ]);
    expect(blocs.filter((b) => b.lignes > 1).every((b) => b.octets <= 1000)).toBe(true);
    expect(decouperEnBlocs(0, () => 1)).toEqual([]);
    expect(decouperEnBlocs(45, () => 1, 1e9, 20, 0).map((b) => b.lignes)).toEqual([20, 20, 5]);
  });
});

describe("Excel cell conventions", () => {
  it("converts serial dates and recognises date formats", () => {
    expect(isoDepuisSerie(45717)).toBe("2025-03-01");
    expect(serieDepuisIso("2025-03-01")).toBe(45717);
    expect(serieDepuisIso("1900-03-01")).toBe(61);
    for (const f of ["dd/mm/yyyy", "d-mmm-yy", "mmm yyyy", "[$-40C]dddd d mmmm yyyy", "yyyy-mm-dd hh:mm"])
      expect(estFormatDate(f)).toBe(true);
    for (const f of ["General", "#,##0.00 €", "0%", "hh:mm", "[h]:mm:ss", "@", '0.00 "jours"', "mm:ss"])
      expect(estFormatDate(f)).toBe(false);
  });

  it("protects strings Excel would reinterpret and leaves plain words alone", () => {
    for (const s of [
      "=SUM(A1)",
      "+33 6",
      "-frais",
      "@chef",
      "2.1",
      "02.03",
      "01/02/2025",
      "TRUE",
      "faux",
      "Jan 2025",
      " 12",
      "'déjà",
      "S20 – 11\u00a0mai\u00a02026",
    ])
      expect(texteSur(s)).toBe("'" + s);
    for (const s of ["Réalisateur", "Chef opérateur", "Droits artistiques", ""]) expect(texteSur(s)).toBe(s);
    expect(valeurOffice({ formula: "=A1*2" })).toBe("=A1*2");
    expect(valeurOffice({ date: "2025-03-01" })).toBe(45717);
    expect(() => valeurOffice(NaN)).toThrow(/invalide/);
  });

  it("reads cells as the xlsx reader does", () => {
    expect(celluleLue(45717, 45717, "dd/mm/yyyy", "Double")).toEqual({ v: "2025-03-01", fmt: "dd/mm/yyyy" });
    expect(celluleLue(200, "=C2*D2", "General", "Double")).toEqual({ v: 200, f: "C2*D2" });
    expect(celluleLue("=SUM(A1)", "=SUM(A1)", "General", "String")).toEqual({ v: "=SUM(A1)" });
    expect(celluleLue("#DIV/0!", "=1/0", "General", "Error")).toEqual({ v: "#DIV/0!", f: "1/0", erreur: true });
    expect(celluleLue("", "", "General", "Empty")).toEqual({ v: null });
  });
});
