import { classeurDevis, type Cellule } from "../core/devis/outils";
import { binaire, devisBinaire as devis, dossierTemporaire, type ConstatJson as Constat } from "../helpers/cli";

/**
 * A cinema devis written as a real .xlsx, read by the built binary (npm run build:cli): frais généraux and imprévus
 * above the admitted rate of the coût de fabrication are findings naming their cell, rate, base and excess; at 7 %
 * nothing is said. `prodbook devis` and `prodbook credit-impot --regime cinema` print the same chapter names.
 */
const dir = dossierTemporaire("prodbook-frais-cinema-");

/** Chapters 3, 5 and 8: 1 000 000,00 € of coût de fabrication, then the two lines below it. */
const lignes = (fg: number, imp: number): Cellule[][] => [
  ["Libellé", "Montant"],
  ["3 - INTERPRÉTATION"],
  ["Comédiens", 300000],
  ["5 - DÉCORS ET COSTUMES"],
  ["Construction décors", 200000],
  ["8 - POST-PRODUCTION"],
  ["Montage", 500000],
  ["Frais généraux", fg],
  ["Imprévus", imp],
];

const frais = (out: string): Constat[] =>
  JSON.parse(out).controles.filter((c: Constat) => c.regle === "frais-cinema-taux");

describe("prodbook devis --oeuvre cinema : frais généraux et imprévus au-delà du taux admis", () => {
  it("frais généraux 80 000 € (8 %) et imprévus 70 000 € (7 %) : un constat sur B8, dépassement 10 000 €", async () => {
    const f = await classeurDevis(dir(), "frais-8.xlsx", lignes(80000, 70000));
    const r = devis(f, "--oeuvre", "cinema", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.devis.total).toBe("1150000.00");
    expect(frais(r.out)).toEqual([
      {
        regle: "frais-cinema-taux",
        gravite: "alerte",
        cellule: "Devis!B8",
        message:
          "Devis!B8 : les frais généraux de 80\u202f000,00\u00a0€ représentent 8,00\u00a0% du coût de fabrication " +
          "(chapitres 1 à 9 : 1\u202f000\u202f000,00\u00a0€), au-delà du taux admis de 7,00\u00a0% pour une œuvre " +
          "cinématographique (soit 70\u202f000,00\u00a0€ au plus) : 10\u202f000,00\u00a0€ au-delà (taux d'usage issu " +
          "d'une source secondaire : à vérifier).",
      },
    ]);
    expect(j.tables.map((t: { id: string }) => t.id)).toContain("devis-frais-cinema");
    // The text output gives the pane's title, never the rule id.
    const t = devis(f, "--oeuvre", "cinema");
    expect(t.out).toMatch(/\[alerte\] Frais généraux ou imprévus au-delà du taux — Devis!B8\s:\sles frais généraux/);
    expect(t.out).not.toContain("frais-cinema-taux");
  });

  it("frais généraux et imprévus à 7 % exactement : aucun constat", async () => {
    const f = await classeurDevis(dir(), "frais-7.xlsx", lignes(70000, 70000));
    const r = devis(f, "--oeuvre", "cinema", "--json");
    expect(r.code).toBe(0);
    expect(frais(r.out)).toEqual([]);
    expect(JSON.parse(r.out).controles.filter((c: Constat) => /taux/.test(c.regle))).toEqual([]);
  });

  it("devis et credit-impot --regime cinema impriment les mêmes noms de chapitres", async () => {
    const f = await classeurDevis(dir(), "noms.xlsx", lignes(70000, 70000));
    const chapitres = (out: string) =>
      out
        .split("\n")
        .map((l) => /^ {2}([1-9]|FG|IMP) +(.+?) {2,}/.exec(l))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => `${m[1]} ${m[2]}`);
    const d = chapitres(devis(f).out);
    const ci = binaire(["credit-impot", f, "--regime", "cinema", "--genre", "fiction", "--annee", "2025"]);
    expect(ci.code).toBe(0);
    expect(d.slice(0, 3)).toEqual(["3 Interprétation", "5 Décors et costumes", "8 Post-production"]);
    expect(chapitres(ci.out).filter((c) => /^[1-9] /.test(c))).toEqual(d.filter((c) => /^[1-9] /.test(c)));
  });
});

describe("prodbook devis --genre fiction : frais généraux et imprévus au-delà de l'accord transparence", () => {
  it("même forme que le cinéma : taux, taux admis, base et dépassement en euros, chaque cellule nommée", async () => {
    // Before: the audiovisual findings gave the rate and the maximum, never the excess in euros.
    const f = await classeurDevis(dir(), "fiction-12.xlsx", [...lignes(120000, 50000), ["Imprévus tournage", 40000]]);
    const r = devis(f, "--genre", "fiction", "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out).controles.filter((x: Constat) => /^(frais-generaux|imprevus)-taux$/.test(x.regle));
    expect(c).toEqual([
      {
        regle: "frais-generaux-taux",
        gravite: "alerte",
        cellule: "Devis!B8",
        message:
          "Devis!B8 : les frais généraux de 120\u202f000,00\u00a0€ représentent 12,00\u00a0% du coût hors frais " +
          "(chapitres 1 à 9 : 1\u202f000\u202f000,00\u00a0€), au-delà du taux admis de 10,00\u00a0% pour le genre " +
          "« fiction » (soit 100\u202f000,00\u00a0€ au plus) : 20\u202f000,00\u00a0€ au-delà.",
      },
      {
        regle: "imprevus-taux",
        gravite: "alerte",
        cellule: "Devis!B9",
        message:
          "Devis!B9, Devis!B10 (2 lignes) : les imprévus de 90\u202f000,00\u00a0€ représentent 9,00\u00a0% du coût " +
          "hors frais (chapitres 1 à 9 : 1\u202f000\u202f000,00\u00a0€), au-delà du taux admis de 7,00\u00a0% pour le " +
          "genre « fiction » (soit 70\u202f000,00\u00a0€ au plus) : 20\u202f000,00\u00a0€ au-delà.",
      },
    ]);
    // The text output says the same, with the pane's titles.
    const t = devis(f, "--genre", "fiction").out.replace(/[\u00a0\u202f]/g, " ");
    expect(t).toContain("[alerte] Frais généraux au-delà du taux — Devis!B8 : les frais généraux de 120 000,00 €");
    expect(t).toContain("(soit 70 000,00 € au plus) : 20 000,00 € au-delà.\n");
  });
});
