import ExcelJS from "exceljs";
import * as path from "path";
import { binaire, dossierTemporaire, type ConstatJson as Controle } from "../helpers/cli";

/**
 * `prodbook devis --oeuvre cinema --annexe-iii`, run through the built binary (npm run build:cli) on real .xlsx: the
 * producer declares the film under annexe III of IDCC 3097; the salaries are checked against its reduced minima
 * (table idcc3097-annexe3 on 1 September 2025: socle 850 €, 37 %) while the devis stays under the cap of its genre,
 * and against annexe I with an alerte beyond it. Never applied without the option.
 */
const CINEMA = path.join(__dirname, "../fixtures/devis-cinema/devis-cinema.xlsx");
const dossier = dossierTemporaire("prodbook-annexe3-");

const prodbook = (...args: string[]) => binaire(["devis", ...args]);

function json(...args: string[]) {
  const r = prodbook(...args, "--json", "--date", "2025-09-01");
  expect([r.code, r.err]).toEqual([0, ""]);
  const j = JSON.parse(r.out) as { controles: Controle[]; tables: { id: string; effetDu: string }[] };
  return { minima: j.controles.filter((c) => c.regle === "salaire-minimum"), tables: j.tables };
}

/** A documentary's devis in the fixture's layout: a secretary at 874,69 €/week, a régisseur at 266,75 €/day. */
async function documentaire(nom: string, decors: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Devis Rivages");
  ws.addRow(["DEVIS LONG MÉTRAGE DOCUMENTAIRE « Rivages » (cinéma)"]);
  ws.addRow([]);
  ws.addRow(["Réf", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant HT"]);
  ws.addRow(["2 - PERSONNEL"]);
  ws.addRow(["2.1", "Secrétaire de production", 10, "semaine", 1, 874.69, 8746.9]);
  ws.addRow(["2.2", "Régisseur général", 10, "jour", 1, 266.75, 2667.5]);
  ws.addRow(["5 - DÉCORS ET COSTUMES"]);
  ws.addRow(["5.1", "Construction décors", 1, "forfait", 1, decors, decors]);
  const total = Math.round((8746.9 + 2667.5 + decors) * 100) / 100;
  ws.addRow([null, "TOTAL", null, null, null, null, { formula: "SUM(G5:G8)", result: total }]);
  const f = path.join(dossier(), nom);
  await wb.xlsx.writeFile(f);
  return f;
}

describe("prodbook devis --annexe-iii (binaire construit)", () => {
  it("« La Rade » (fiction, 510 900 €) : les six salaires sous l'annexe I sont au-dessus des minima de l'annexe III", () => {
    const sans = json(CINEMA, "--oeuvre", "cinema", "--genre", "fiction");
    // Six technicians and one artist (F21, 350 €/jour < 412,08 €, idcc3097-artistes-minima).
    expect(sans.minima).toHaveLength(7);
    expect(sans.tables.map((t) => t.id)).toEqual(["idcc3097-minima", "idcc3097-artistes-minima", "nomenclature-cnc"]);
    const avec = json(CINEMA, "--oeuvre", "cinema", "--genre", "fiction", "--annexe-iii");
    // e.g. secrétaire de production 900 € ≥ 850 + 37 % × (916,77 − 850) = 874,70 €; régisseur 300 €/jour ≥ 266,75 €.
    // Annexe III (titre II) lowers the technicians' minima only: the artist line stays under its own.
    expect(avec.minima.map((m) => m.cellule)).toEqual(["'Devis La Rade'!F21"]);
    expect(avec.tables.map((t) => `${t.id}@${t.effetDu}`)).toEqual([
      "idcc3097-minima@2024-04-01",
      "idcc3097-annexe3@2025-04-11",
      "idcc3097-artistes-minima@2022-01-01",
      "nomenclature-cnc@2000-01-01",
    ]);
  });

  it("documentaire sous 600 000 € : 874,69 € par semaine est sous 874,70 € (annexe III), 266,75 € par jour passe", async () => {
    const f = await documentaire("rivages-sous-plafond.xlsx", 500000);
    const { minima } = json(f, "--oeuvre", "cinema", "--genre", "documentaire", "--annexe-iii");
    expect(minima).toHaveLength(1);
    expect(minima[0]).toMatchObject({ gravite: "alerte", cellule: "'Devis Rivages'!F5" });
    expect(minima[0].message).toContain(
      "annexe III, de la fonction « Secrétaire de production » : 874,70\u00a0€ par semaine",
    );
    expect(minima[0].message).toContain(
      "socle 850,00\u00a0€ + 37\u00a0% × (916,77\u00a0€ − 850,00\u00a0€) = 874,70\u00a0€ par semaine, " +
        "table idcc3097-annexe3 en vigueur au 11\u00a0avril\u00a02025, à vérifier",
    );
    // The text output says the same finding.
    const texte = prodbook(f, "--oeuvre", "cinema", "--genre", "documentaire", "--annexe-iii", "--date", "2025-09-01");
    expect(texte.code).toBe(0);
    expect(texte.out).toMatch(
      /'Devis Rivages'!F5 «\sSecrétaire de production\s»\s:\s874,69\s€ par semaine, sous le plancher connu IDCC 3097, annexe III,/,
    );
    expect(texte.out).toMatch(
      /Salaires minima de l'annexe III \(films à budget limité\).*version du 11\savril\s2025 \(à vérifier\)/,
    );
  });

  it("documentaire au-delà de 600 000 € : alerte « le devis dépasse le plafond », les minima de l'annexe I restent", async () => {
    const f = await documentaire("rivages-au-dela.xlsx", 600000);
    const { minima } = json(f, "--oeuvre", "cinema", "--genre", "documentaire", "--annexe-iii");
    expect(minima.map((c) => c.cellule)).toEqual([null, "'Devis Rivages'!F5", "'Devis Rivages'!F6"]);
    expect(minima[0].message).toContain(
      "le devis dépasse le plafond de l'annexe III : 611\u202f414,40\u00a0€ hors imprévus, pour un plafond de " +
        "600\u202f000,00\u00a0€ (film documentaire",
    );
    expect(minima[1].message).toContain(": 916,77\u00a0€ par semaine (table idcc3097-minima");
    expect(minima[2].message).toContain(": 359,12\u00a0€ par jour (1\u202f436,49\u00a0€ par semaine × 0,25)");
  });

  it("--annexe-iii sans --oeuvre cinema est refusé (code 2), en français", () => {
    const r = prodbook(CINEMA, "--annexe-iii", "--genre", "fiction");
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      "L'option --annexe-iii (film relevant de l'annexe III de l'IDCC 3097) ne vaut que pour un film de cinéma",
    );
    expect(r.out).toBe("");
  });
});
