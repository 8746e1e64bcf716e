import fc from "fast-check";
import * as fs from "node:fs";
import { lireFec } from "../../../src/core/comptabilite/fec";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";
import { rapprocher } from "../../../src/core/ecarts/rapprocher";
import { traceEcartsTotal, tracesEcarts, tracesEcartsChapitres } from "../../../src/core/traces/ecarts";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";
import { calculerEcarts, type SaisiesEcarts } from "../../../src/core/ecarts/calcul";
import { calculerRealise } from "../../../src/core/comptabilite/realise";
import { traceReste, traceReviseChapitre } from "../../../src/core/ecarts/feuilleEcarts";
import Decimal from "decimal.js";
import path from "node:path";
import type { CodeChapitre } from "../../../src/core/devis/model";
import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { libellePlafond } from "../../../src/core/creditImpot/modele";
import { cents, centsToDecimalString, montantLigne, multiplyCents } from "../../../src/core/money";
import { calculerTotaux } from "../../../src/core/devis/totaux";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { tracesDevis } from "../../../src/core/traces/devis";
import {
  arbreTexte,
  chercherTrace,
  evaluerNoeud,
  feuille,
  incoherences,
  noeud,
  type Trace,
  valeurFr,
} from "../../../src/core/traces/trace";
import { unDevis, type LigneSimple } from "../creditImpot/fabrique";
import { importerDevis } from "../../../src/core/devis/import";
import { analyserFinancement } from "../../../src/core/financement/analyser";
import { tracesFinancement } from "../../../src/core/traces/financement";
import { tracesEcheancier } from "../../../src/core/traces/echeancier";
import { calculerEcheancier } from "../../../src/core/financement/echeancier";
import { synthetiser } from "../../../src/core/financement/synthese";
import { plafondApplicable } from "../../../src/core/financement/plafonds";
import type { SourceFinancement } from "../../../src/core/financement/model";
import { creditImpotPourPlan } from "../../../src/core/financement/creditImpotPlan";
import ExcelJS from "exceljs";
import * as os from "node:os";
import { XlsxWorkbook } from "../../../src/xlsx/xlsxWorkbook";

const CHAPITRES: CodeChapitre[] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "FG", "IMP"];

const arbLigne: fc.Arbitrary<LigneSimple> = fc
  .record({
    ch: fc.constantFrom(...CHAPITRES),
    libelle: fc.constantFrom("Chef opérateur", "Location caméra", "Hôtel", "Décors", "Transports", "Régie"),
    quantite: fc.integer({ min: 1, max: 40 }),
    taux: fc.integer({ min: 1, max: 2_000_000 }).map((c) => c / 100),
    calcule: fc.boolean(),
    ecart: fc.integer({ min: -5000, max: 5000 }),
    eligibleCI: fc.constantFrom<"oui" | "non" | undefined>("oui", "non", undefined),
    partFrance: fc.constantFrom<string | undefined>(undefined, "1", "0.5", "0.333", "0"),
  })
  .map((r) => {
    const produit = montantLigne(r.quantite, 1, r.taux) / 100;
    return {
      ch: r.ch,
      libelle: r.libelle,
      quantite: r.quantite,
      taux: r.taux,
      // Half the lines hold the product, the others a producer's amount that differs from it.
      montant: r.calcule ? produit : Math.max(0, produit + r.ecart / 100),
      ...(r.eligibleCI ? { eligibleCI: r.eligibleCI } : {}),
      ...(r.partFrance !== undefined ? { partFrance: r.partFrance } : {}),
    };
  });

/** Every node of the tree re-evaluated from its inputs gives its own value, and the root gives the figure. */
function verifier(t: Trace, attendu: string): void {
  expect(incoherences(t)).toEqual([]);
  expect(evaluerNoeud(t).toFixed(2)).toBe(new Decimal(attendu).toFixed(2));
}

describe("« D'où vient ce chiffre ? » : traces re-evaluated from their inputs", () => {
  it("devis: total, coût hors frais, each chapter and line, FG and imprévus, the cost per minute (property, 300 devis)", () => {
    const vus = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(arbLigne, { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 1, max: 240 }),
        fc.option(fc.integer({ min: 1, max: 250 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 150 }), { nil: undefined }),
        (ls, nombres, duree, fg, imp) => {
          // Lines of chapters 1 to 9 (some with a nombre: quantité × nombre × taux), then the frais généraux and
          // imprévus as the producer writes them: a percentage of the coût hors frais (« 15 % »), or an amount.
          const dessus = ls
            .filter((l) => !["FG", "IMP"].includes(l.ch))
            .map((l, i) => {
              const n = nombres[i];
              if (n === 1 || l.montant !== montantLigne(l.quantite!, 1, l.taux!) / 100) return l;
              return { ...l, nombre: n, montant: montantLigne(l.quantite!, n, l.taux!) / 100 };
            });
          const d = unDevis(
            [...dessus, ...ls.filter((l) => ["FG", "IMP"].includes(l.ch)).map(({ quantite: _q, taux: _t, ...l }) => l)],
            { dureeMinutes: duree },
          );
          const horsFrais = calculerTotaux(d.lignes, [], duree).totalHorsFrais;
          const pourcents = [
            ["FG", "Frais généraux", fg],
            ["IMP", "Imprévus", imp],
          ] as const;
          for (const [ch, libelle, p] of pourcents) {
            if (p === undefined) continue;
            const pct = new Decimal(p).dividedBy(1000).toString();
            const row = d.lignes.length + 2;
            d.lignes.push({
              id: `Budget!${row}`,
              libelle: `${libelle} ${p / 10} %`,
              montant: multiplyCents(horsFrais, pct),
              chapitre: ch,
              eligibleCI: "auto",
              pourcentage: pct,
              source: {
                feuille: "Budget",
                ligne: row,
                cellules: { montant: `Budget!E${row}`, pourcentage: `Budget!D${row}` },
              },
            });
          }
          // The figures as the importer computes them (calculerTotaux), not as the test would.
          Object.assign(d, calculerTotaux(d.lignes, [], duree));
          const t = tracesDevis(d);
          verifier(t.total, centsToDecimalString(d.total));
          verifier(t.totalHorsFrais, centsToDecimalString(d.totalHorsFrais));
          for (const c of d.chapitres) {
            const tc = t.chapitres[c.code] as Trace;
            verifier(tc, centsToDecimalString(c.total));
            // Each line of the chapter, in its order, gives the line's amount.
            const lignes = d.lignes.filter((l) => l.chapitre === c.code);
            tc.entrees!.forEach((e, i) => verifier(e, centsToDecimalString(lignes[i].montant)));
            for (const [i, l] of lignes.entries()) {
              const e = tc.entrees![i];
              if (l.pourcentage) {
                // « 15 % » of the coût hors frais: the product of the coût hors frais and the percentage's cell.
                expect(e.operation).toBe("produit");
                expect(e.entrees!.map((x) => [x.libelle, x.cellule])).toEqual([
                  ["Coût hors frais (chapitres 1 à 9)", undefined],
                  ["Pourcentage", `Budget!D${l.source!.ligne}`],
                ]);
                expect(e.entrees![0].valeur).toBe(t.totalHorsFrais.valeur);
              }
              vus.add(`${e.operation} ${e.entrees?.length ?? 0}`);
            }
          }
          verifier(t.coutMinute as Trace, centsToDecimalString(d.coutMinute!));
        },
      ),
      { numRuns: 300 },
    );
    // Each form met: an amount read, quantité × taux, quantité × nombre × taux, coût hors frais × pourcentage.
    expect([...vus].sort()).toEqual(["produit 2", "produit 3", "valeur 0"]);
  });

  it("crédit d'impôt audiovisuel and cinéma: credit = min(base × taux ; caps) down to the lines (property)", () => {
    fc.assert(
      fc.property(
        fc.array(arbLigne, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<"audiovisuel" | "cinema">("audiovisuel", "cinema"),
        fc.constantFrom<"fiction" | "documentaire" | "animation">("fiction", "documentaire", "animation"),
        fc.integer({ min: 10, max: 200 }),
        (ls, regime, genre, duree) => {
          const d = unDevis(ls, { dureeMinutes: duree });
          const r = calculerCreditImpot(d, { regime, genre, annee: 2025, dureeMinutes: duree });
          const t = traceCreditImpot(r);
          verifier(t, centsToDecimalString(r.credit));
          // Each figure of the result under the credit: before caps, the base, each chapter's and each line's base.
          const avant = chercherTrace(t, (x) => x.libelle === "Crédit avant plafonds")!;
          verifier(avant, centsToDecimalString(r.creditAvantPlafonds));
          verifier(avant.entrees![0], centsToDecimalString(r.base));
          expect(avant.entrees![0].libelle).toMatch(/^Base du crédit/);
          for (const c of r.baseParChapitre.filter((x) => x.base !== 0)) {
            const tc = chercherTrace(t, (x) => x.libelle === `Chapitre ${c.code} ${c.libelle}`)!;
            verifier(tc, centsToDecimalString(c.base));
            const lignes = r.lignes.filter((l) => l.chapitre === c.code && l.base !== 0);
            tc.entrees!.forEach((e, i) => verifier(e, centsToDecimalString(lignes[i].base)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("crédit d'impôt: a line limited (director's pay, lodging per night) is min(montant × part France ; retenu), re-evaluated (property)", () => {
    const arbLimitee: fc.Arbitrary<LigneSimple> = fc
      .record({
        quoi: fc.constantFrom("Réalisateur", "Réalisatrice", "Hébergement équipe", "Chef opérateur"),
        quantite: fc.integer({ min: 1, max: 60 }),
        taux: fc.integer({ min: 5_000, max: 3_000_000 }).map((c) => c / 100),
        partFrance: fc.constantFrom<string | undefined>(undefined, "1", "0.5"),
        ecrit: fc.boolean(),
      })
      .map((r) => ({
        ch: (r.quoi.startsWith("Héberg") ? "6" : "2") as CodeChapitre,
        libelle: r.quoi,
        montant: montantLigne(r.quantite, 1, r.taux) / 100,
        ...(r.ecrit ? {} : { quantite: r.quantite, taux: r.taux }),
        ...(r.quoi.startsWith("Héberg") ? { quantite: r.quantite, taux: r.taux, unite: "nuit" } : {}),
        ...(r.partFrance !== undefined ? { partFrance: r.partFrance } : {}),
      }));
    let limitees = 0;
    fc.assert(
      fc.property(
        fc.array(arbLimitee, { minLength: 1, maxLength: 6 }),
        fc.array(arbLigne, { minLength: 0, maxLength: 10 }),
        fc.constantFrom<"audiovisuel" | "cinema">("audiovisuel", "cinema"),
        (limites, autres, regime) => {
          const d = unDevis([...limites, ...autres], { dureeMinutes: 90 });
          const r = calculerCreditImpot(d, { regime, genre: "fiction", annee: 2025, dureeMinutes: 90 });
          const t = traceCreditImpot(r);
          verifier(t, centsToDecimalString(r.credit));
          for (const c of r.baseParChapitre.filter((x) => x.base !== 0)) {
            const tc = chercherTrace(t, (x) => x.libelle === `Chapitre ${c.code} ${c.libelle}`)!;
            const lignes = r.lignes.filter((l) => l.chapitre === c.code && l.base !== 0);
            lignes.forEach((l, i) => {
              const tl = tc.entrees![i];
              verifier(tl, centsToDecimalString(l.base));
              if (!l.eligible || l.base >= multiplyCents(l.montant, l.partFrance)) return;
              limitees++;
              expect(tl.operation).toBe("minimum");
              // The amount in euros as a reader writes it, never « 75000.00 ».
              expect(tl.formule).toMatch(/^montant [\d\u202f]+,\d\d\u00a0€ limité : /);
              const montant = chercherTrace(tl, (x) => x.libelle === "Montant")!;
              if (!l.ligneCalculee) expect([tl.cellule, montant.cellule]).toEqual([l.cellule, l.cellule]);
              else expect(montant.operation).toBe("produit");
            });
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(limitees).toBeGreaterThan(20);
  });

  it("each cap of the three credits is traced to its rule figures and terms, the public-aid ceiling at least 0 (property)", () => {
    const feuilles = (t: Trace): Trace[] => (t.entrees?.length ? t.entrees.flatMap(feuilles) : [t]);
    const vus = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(arbLigne, { minLength: 1, maxLength: 20 }),
        fc.constantFrom<"audiovisuel" | "cinema" | "international">("audiovisuel", "cinema", "international"),
        fc.constantFrom<"fiction" | "documentaire" | "animation">("documentaire", "animation"),
        fc.integer({ min: 10, max: 200 }),
        fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: undefined }),
        fc.boolean(),
        (ls, regime, genre, duree, autres, difficile) => {
          const d = unDevis(ls, { dureeMinutes: duree });
          const r = calculerCreditImpot(d, {
            regime,
            genre,
            annee: 2025,
            dureeMinutes: duree,
            joursTournageFrance: 10,
            ...(autres !== undefined ? { autresAidesPubliques: cents(autres) } : {}),
            ...(difficile ? { oeuvreDifficile: true } : {}),
          });
          const t = traceCreditImpot(r);
          verifier(t, centsToDecimalString(r.credit));
          expect(r.plafonds.length).toBeGreaterThan(0);
          for (const p of r.plafonds) {
            const tp = chercherTrace(t, (x) => x.libelle === libellePlafond(p.nom)) as Trace;
            verifier(tp, centsToDecimalString(p.montant));
            // Every cap names the rule table of its figure, and every term is a rule figure or says where it comes from.
            expect(chercherTrace(tp, (x) => x.regle !== undefined)).toBeDefined();
            for (const f of feuilles(tp)) if (f.libelle !== "Zéro") expect(f.regle ?? f.formule).toBeDefined();
            if (p.nom === "plafond par minute")
              expect(tp.entrees!.map((e) => [e.libelle, e.regle?.cle])).toEqual([
                ["Montant par minute", `credit-impot.audiovisuel.plafond-minute.${genre}`],
                ["Durée", undefined],
              ]);
            if (p.nom.startsWith("plafond des aides publiques") && p.montant === 0 && autres)
              expect(tp.operation).toBe("maximum");
            vus.add(`${tp.operation} ${p.nom.replace(/ \(.*/, "")}`);
          }
        },
      ),
      { numRuns: 200 },
    );
    // Each form of cap was met: a rule figure, a product of terms, the public-aid ceiling and its floor at 0.
    expect([...vus].sort()).toEqual([
      "difference plafond des aides publiques",
      "maximum plafond des aides publiques",
      "produit plafond 30\u00a0% × 80\u00a0% du budget de production",
      "produit plafond par minute",
      "valeur plafond par œuvre",
    ]);
  });

  it("charges per line: salary × the rate typed in its Charges cell, or the amount read there (property, 100 devis)", async () => {
    const arbSalaire = fc.record({
      jours: fc.integer({ min: 1, max: 60 }),
      tarif: fc.integer({ min: 10_000, max: 90_000 }).map((c) => c / 100),
      charges: fc.oneof(
        fc.integer({ min: 1, max: 99 }).map((p) => `${p} %`),
        fc.integer({ min: 1, max: 999 }).map((p) => p / 1000),
        fc.integer({ min: 100, max: 2_000_000 }).map((c) => c / 100),
      ),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arbSalaire, { minLength: 1, maxLength: 15 }), async (ss) => {
        const rows: CelluleMemoire[][] = [
          ["Code", "Désignation", "Nb jours", "Salaire brut / jour", "Brut", "Charges"],
        ];
        rows.push(["2 - PERSONNEL"]);
        ss.forEach((x, i) => {
          const r = rows.length + 1;
          rows.push([
            `2.${i + 1}`,
            "Chef opérateur",
            x.jours,
            x.tarif,
            { f: `C${r}*D${r}`, v: x.jours * x.tarif },
            x.charges,
          ]);
        });
        const wb = new MemoryWorkbook({ Personnel: rows });
        const d = importerDevis((await wb.readSheet("Personnel"))!);
        const charges = d.lignes.filter((l) => l.chargesDe);
        expect(charges.length).toBe(ss.length);
        const t = tracesDevis(d);
        verifier(t.total, centsToDecimalString(d.total));
        const ch4 = t.chapitres["4"] as Trace;
        verifier(ch4, centsToDecimalString(d.chapitres.find((c) => c.code === "4")!.total));
        ch4.entrees!.forEach((e, i) => {
          const x = ss[i];
          const r = i + 3;
          expect(e.cellule).toBe(`Personnel!F${r}`);
          if (typeof x.charges === "string" || x.charges < 1) {
            // A rate: salary (its cell) × the rate (the Charges cell).
            expect(e.operation).toBe("produit");
            expect(e.entrees!.map((y) => y.cellule)).toEqual([`Personnel!E${r}`, `Personnel!F${r}`]);
          } else {
            expect(e.operation).toBe("valeur");
            expect(e.formule).toMatch(/^charges lues sur la ligne du salaire 2\.\d+ « Chef opérateur »$/);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it("a trace that does not compute is caught, naming the node (an input changed after the fact)", () => {
    const d = unDevis([
      { ch: "2", libelle: "Chef opérateur", montant: 3000, quantite: 10, taux: 300 },
      { ch: "2", libelle: "Régie", montant: 500 },
    ]);
    const t = tracesDevis(d);
    expect(incoherences(t.total)).toEqual([]);
    const ligne = (t.chapitres["2"] as Trace).entrees![0];
    expect(ligne.operation).toBe("produit");
    ligne.entrees![0].valeur = "11";
    expect(incoherences(t.total)).toEqual([
      "Total du devis › Coût hors frais (chapitres 1 à 9) › Chapitre 2 Personnel › « Chef opérateur » : 3000.00 ≠ 3300",
    ]);
  });

  it("the example devis: the tree names the cells read and the rule used, and prints as an indented tree", async () => {
    const wb = await XlsxWorkbook.ouvrir(path.join(__dirname, "../../../assets/exemple/devis-producteur.xlsx"));
    const feuille = (await wb.listSheets())[0];
    const d = importerDevis((await wb.readSheet(feuille))!, { dureeMinutes: 52, genre: "documentaire" });
    const t = tracesDevis(d);
    verifier(t.total, centsToDecimalString(d.total));
    const feuilles: Trace[] = [];
    const parcourir = (x: Trace) => (x.entrees?.length ? x.entrees.forEach(parcourir) : feuilles.push(x));
    parcourir(t.total);
    expect(feuilles.filter((f) => f.cellule).length).toBeGreaterThan(10);
    const r = calculerCreditImpot(d, { regime: "audiovisuel", genre: "documentaire", annee: 2025, dureeMinutes: 52 });
    const ci = traceCreditImpot(r);
    verifier(ci, centsToDecimalString(r.credit));
    const texte = arbreTexte(ci).join("\n");
    expect(texte.split("\n")[0]).toMatch(/^Crédit d'impôt : [\d\u202f]+,\d\d\u00a0€ = /);
    expect(texte).toMatch(/ {2}← Crédit avant plafonds : .* = base × taux/);
    expect(texte).toMatch(
      /← Taux : \d+,\d\d\u00a0% .*\[credit-impot\.audiovisuel\.taux\.documentaire, en vigueur au (1er|\d{1,2})\u00a0[a-zéû]+\u00a0\d{4}/,
    );
  });
});

describe("« D'où vient ce chiffre ? » : the plan de financement", () => {
  it.each(["cinema.xlsx", "documentaire.xlsx", "fiction.xlsx"])(
    "%s: total, reste à financer, aides publiques, their share and each month's payments re-evaluate to the figures",
    async (nom) => {
      const wb = await XlsxWorkbook.ouvrir(path.join(__dirname, "../../fixtures/financement", nom));
      const r = await analyserFinancement(wb, { date: "2026-01-15" });
      const t = tracesFinancement(r, r.echeancier);
      expect(r.echeancier.mois.length).toBeGreaterThan(0);
      verifier(t.total, centsToDecimalString(r.synthese.total));
      verifier(t.aidesPubliques, centsToDecimalString(r.synthese.aidesPubliques));
      expect(t.total.entrees!.some((e) => e.cellule)).toBe(true);
      if (r.synthese.resteAFinancer !== undefined) {
        verifier(t.resteAFinancer as Trace, centsToDecimalString(r.synthese.resteAFinancer));
        // The cost names its cell once, as the node's cell (before: « lu : coût indiqué dans le plan, 'Plan fin.'!B2 »
        // and the same cell again after it).
        const cout = t.resteAFinancer!.entrees![0];
        if (cout.cellule) expect(cout.formule).not.toContain(cout.cellule);
      }
      // Each month is named in words; its key stays « 2026-03 » (the JSON's contract).
      for (const [mois, tm] of Object.entries(t.encaissements!)) {
        expect(mois).toMatch(/^\d{4}-\d{2}$/);
        expect(tm.libelle).toMatch(/^Encaissements d(e |')[a-zéû]+\u00a0\d{4}$/);
        for (const e of tm.entrees ?? []) expect(e.libelle).not.toMatch(/\d{4}-\d{2}/);
      }
      // cinema.xlsx and documentaire.xlsx carry their cost (share 35 % and 7/18), fiction.xlsx does not.
      expect(r.synthese.intensite !== undefined).toBe(nom !== "fiction.xlsx");
      if (r.synthese.intensite !== undefined) {
        expect(incoherences(t.intensite as Trace)).toEqual([]);
        expect(evaluerNoeud(t.intensite as Trace).equals(r.synthese.intensite)).toBe(true);
      }
      for (const m of r.echeancier.mois) verifier(t.encaissements![m.mois], centsToDecimalString(m.encaissements));
      verifier(t.sansDate as Trace, centsToDecimalString(r.echeancier.sansDate));
      // The spending side: each month's spending, cumulative position, and the largest gap.
      for (const m of r.echeancier.mois) {
        verifier(t.depenses![m.mois], centsToDecimalString(m.depenses));
        verifier(t.cumul![m.mois], centsToDecimalString(m.cumul));
        verifier(t.mois![m.mois], centsToDecimalString(m.cumul));
        // The month's payments, each with its cell, inside its month's tree.
        for (const v of t.encaissements![m.mois].entrees ?? [])
          expect(chercherTrace(t.mois![m.mois], (x) => x === v)).toBeDefined();
        expect(t.cumul![m.mois].libelle).toMatch(/^Trésorerie cumulée à fin [a-zéû]+\u00a0\d{4}$/);
      }
      verifier(t.besoinMaximal as Trace, centsToDecimalString(r.echeancier.besoinMaximal));
      // A month spent in names the cost it spreads (its cell, when the plan gives one) and its weight.
      // fiction.xlsx gives no cost: nothing is spread, each month says why.
      const depense = Object.values(t.depenses!).find((x) => x.operation !== "valeur");
      expect(depense === undefined).toBe(nom === "fiction.xlsx");
      if (!depense) {
        for (const x of Object.values(t.depenses!)) expect(x.formule).toMatch(/^aucune dépense répartie \(/);
        return;
      }
      expect(chercherTrace(depense!, (x) => x.libelle === "Coût décaissé")).toBeDefined();
      expect(
        chercherTrace(depense!, (x) => /^(Jours de dépense du mois|Poids du mois)$/.test(x.libelle)),
      ).toBeDefined();
    },
  );
});

describe("« D'où vient ce chiffre ? » : the échéancier's spending, cumulative position and largest gap", () => {
  it("property: every month's spending and cumulative position, and the largest gap, re-evaluate from their inputs", () => {
    const jour = fc
      .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const arbTranche = fc.record({
      montant: fc.integer({ min: 0, max: 10 ** 9 }).map((n) => cents(n)),
      date: fc.option(jour, { nil: undefined }),
    });
    const arbPeriode = fc
      .tuple(jour, jour, fc.option(fc.constantFrom("Préparation", "Tournage", "Montage"), { nil: undefined }))
      .map(([a, b, nom]) => ({ debut: a < b ? a : b, fin: a < b ? b : a, ...(nom ? { nom } : {}) }));
    let etales = 0;
    let arrondis = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(arbTranche, { maxLength: 4 }), fc.boolean()), { maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 10 ** 10 }), { nil: undefined }),
        fc.array(arbPeriode, { maxLength: 3 }),
        (parSource, cout, periodes) => {
          const sources = parSource.map(
            ([tranches, numeraire], i) =>
              ({
                id: `Plan!${i + 2}`,
                financeur: `F${i}`,
                montant: tranches.reduce((a, x) => a + x.montant, 0),
                numeraire,
                tranches,
              }) as unknown as SourceFinancement,
          );
          const e = calculerEcheancier(sources, cout === undefined ? undefined : cents(cout), periodes);
          const enc = Object.fromEntries(
            e.mois.map((m) => [
              m.mois,
              feuille(`Encaissements ${m.mois}`, centsToDecimalString(m.encaissements), "euros"),
            ]),
          );
          const coutLu =
            cout === undefined ? undefined : feuille("Coût de l'œuvre", centsToDecimalString(cents(cout)), "euros");
          const t = tracesEcheancier(e, enc, coutLu);
          for (const m of e.mois) {
            verifier(t.depenses[m.mois], centsToDecimalString(m.depenses));
            verifier(t.cumul[m.mois], centsToDecimalString(m.cumul));
            // Month by month as the sheet computes it (L = L du mois précédent + I − J): the same figure.
            verifier(t.mois[m.mois], centsToDecimalString(m.cumul));
            if (t.depenses[m.mois].operation !== "valeur") etales++;
            if (chercherTrace(t.depenses[m.mois], (x) => x.libelle === "Arrondi au centime")) arrondis++;
          }
          verifier(t.besoinMaximal, centsToDecimalString(e.besoinMaximal));
        },
      ),
      { numRuns: 300 },
    );
    // The property met spread months, and months the cent's spread corrected.
    expect(etales).toBeGreaterThan(50);
    expect(arrondis).toBeGreaterThan(0);
  });
});

describe("« D'où vient ce chiffre ? » : each month of the échéancier as the plan's traces give it (property)", () => {
  it("cash in of each month down to its payments' cells, the undated payments, the month's balance and cumulative position re-evaluate", () => {
    const jour = fc
      .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2026-12-31T00:00:00Z"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    // A payment: dated or not; a source's one payment read in its own cell or not (then in the source's amount cell).
    const arbTranche = fc.record({
      montant: fc.integer({ min: 0, max: 10 ** 9 }),
      date: fc.option(jour, { nil: undefined }),
      celluleAPart: fc.boolean(),
    });
    let moisAvecVersements = 0;
    let sansDateCalcules = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(arbTranche, { minLength: 1, maxLength: 4 }), fc.boolean()), { maxLength: 5 }),
        fc.option(fc.integer({ min: 1, max: 10 ** 10 }), { nil: undefined }),
        (parSource, cout) => {
          const sources = parSource.map(([tranches, numeraire], i) => {
            const ts = tranches.map((t, k) => ({
              montant: cents(t.montant),
              ...(t.date ? { date: t.date } : {}),
              // Several dated payments are read each in its column, so each has its cell; an undated one without a
              // cell is the rest of the source (montant − tranches saisies).
              ...(t.celluleAPart || (tranches.length > 1 && t.date)
                ? { cellule: `Plan!${String.fromCharCode(69 + k)}${i + 2}` }
                : {}),
            }));
            return {
              id: `Plan!${i + 2}`,
              financeur: `Financeur ${i + 1}`,
              categorie: "diffuseur-national",
              classement: "financeur",
              statut: "acquis",
              montant: cents(ts.reduce((a, x) => a + x.montant, 0)),
              numeraire,
              tranches: ts,
              cellule: `Plan!D${i + 2}`,
            } as unknown as SourceFinancement;
          });
          const e = calculerEcheancier(sources, cout === undefined ? undefined : cents(cout), []);
          const total = cents(sources.reduce((a, x) => a + x.montant, 0));
          const coutC = cout === undefined ? undefined : cents(cout);
          const analyse = {
            sources,
            synthese: synthetiser(sources, coutC, "2026-01-15", "audiovisuel"),
            plafond: plafondApplicable({
              typeOeuvre: "audiovisuel",
              cout: coutC ?? cents(0),
              premierOuDeuxiemeFilm: false,
              oeuvreDifficile: false,
              date: "2026-01-15",
            }),
            contexte: { date: "2026-01-15", typeOeuvre: "audiovisuel" },
          } as unknown as Parameters<typeof tracesFinancement>[0];
          const t = tracesFinancement(analyse, e);
          verifier(t.total, centsToDecimalString(total));
          // The plan sheet's figures (its notes): each re-evaluates from its inputs (the sources' amounts).
          const plan = [
            t.financementEtranger,
            t.financementPrive,
            t.aidesCnc,
            t.baseIntensite,
            t.intensiteCnc,
            t.totalParts,
            t.partEnvisagee,
            t.partEnNegociation,
            t.diffuseursFrancais,
            ...(t.partsSources ?? []),
            ...Object.values(t.categories ?? {}),
            ...Object.values(t.partsCategories ?? {}),
          ];
          for (const x of plan) if (x) expect([x.libelle, incoherences(x)]).toEqual([x.libelle, []]);
          expect(t.partsSources).toHaveLength(sources.length);
          verifier(t.sansDate as Trace, centsToDecimalString(e.sansDate));
          if (t.sansDate!.entrees!.some((x) => x.operation === "difference")) sansDateCalcules++;
          for (const m of e.mois) {
            const enc = t.encaissements![m.mois];
            verifier(enc, centsToDecimalString(m.encaissements));
            // Each payment of the month names a cell: its own, or its source's amount when it is its only payment.
            for (const v of enc.entrees ?? []) expect(v.cellule).toMatch(/^Plan!/);
            if (enc.entrees?.length) moisAvecVersements++;
            verifier(t.depenses![m.mois], centsToDecimalString(m.depenses));
            verifier(t.cumul![m.mois], centsToDecimalString(m.cumul));
            // As the sheet writes it: L = L of the month before + K, K = I − J, I the month's cash in.
            const mois = t.mois![m.mois];
            verifier(mois, centsToDecimalString(m.cumul));
            const solde = mois.entrees![mois.entrees!.length - 1];
            verifier(solde, centsToDecimalString(cents(m.encaissements - m.depenses)));
            expect(solde.entrees![0]).toBe(enc);
          }
          verifier(t.besoinMaximal as Trace, centsToDecimalString(e.besoinMaximal));
        },
      ),
      { numRuns: 300 },
    );
    expect(moisAvecVersements).toBeGreaterThan(100);
    expect(sansDateCalcules).toBeGreaterThan(5);
  });
});

describe("« D'où vient ce chiffre ? » : the duration the plan de financement uses", () => {
  it("the credit computed on the devis: its tree down to the per-minute cap's duration and cell, named by its source", async () => {
    // The documentary's plan without its crédit d'impôt line, beside the example devis (52' written in its title).
    const plan = new ExcelJS.Workbook();
    await plan.xlsx.readFile(path.join(__dirname, "../../fixtures/financement/documentaire.xlsx"));
    const wbx = new ExcelJS.Workbook();
    await wbx.xlsx.readFile(path.join(__dirname, "../../../assets/exemple/devis-producteur.xlsx"));
    const ws = wbx.addWorksheet(plan.worksheets[0].name);
    plan.worksheets[0].eachRow({ includeEmpty: true }, (row, n) => {
      if (!/crédit d'impôt/i.test(String(row.getCell(1).value ?? "")))
        ws.getRow(n).values = row.values as ExcelJS.CellValue[];
    });
    const fichier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-traces-duree-")), "plan.xlsx");
    await wbx.xlsx.writeFile(fichier);
    const origine = { formule: "durée lue dans le classeur", cellule: "'Budget Gardiens'!A2" };
    const r = await analyserFinancement(await XlsxWorkbook.ouvrir(fichier), {
      date: "2026-01-15",
      typeOeuvre: "audiovisuel",
      feuilleDevis: "Budget Gardiens",
      dureeMinutes: 52,
      calculerCreditImpot: creditImpotPourPlan({
        regime: "audiovisuel",
        genre: "documentaire",
        annee: 2026,
        dureeMinutes: 52,
        origineDuree: origine,
      }),
    });
    expect(r.creditImpotAjoute).toBe(true);
    const t = tracesFinancement(r, r.echeancier, origine);
    expect(t.duree).toEqual({ ...feuille("Durée", "52", "minutes", origine) });
    const credit = r.sources.find((x) => x.classement === "calcul")!;
    verifier(t.creditImpot as Trace, centsToDecimalString(credit.montant));
    const duree = chercherTrace(t.creditImpot as Trace, (x) => x.libelle === "Durée");
    expect(duree).toMatchObject({ valeur: "52", unite: "minutes", ...origine });
    // The source in the total and the public aids names the credit's tree; the figures still re-evaluate.
    const source = t.total.entrees!.find((e) => e.libelle === credit.financeur)!;
    expect(source).toMatchObject({ valeur: centsToDecimalString(credit.montant), operation: "valeur" });
    expect(source.formule).toBe("calculé par Prodbook, voir « Crédit d'impôt calculé par Prodbook »");
    verifier(t.total, centsToDecimalString(r.synthese.total));
    verifier(t.aidesPubliques, centsToDecimalString(r.synthese.aidesPubliques));
    // creditDetaille (the pane): the credit's whole tree inside each figure it counts in, down to the duration's cell,
    // and every figure still re-evaluates from its inputs.
    const d = tracesFinancement(r, r.echeancier, origine, { creditDetaille: true });
    const dedans = d.total.entrees!.find((e) => e.libelle === credit.financeur)!;
    expect(dedans).toEqual({ ...t.creditImpot, libelle: credit.financeur });
    for (const x of [d.total, d.aidesPubliques, d.resteAFinancer!, d.intensite!]) {
      expect(incoherences(x)).toEqual([]);
      expect(chercherTrace(x, (y) => y.libelle === "Durée")).toMatchObject({ valeur: "52", ...origine });
    }
    verifier(d.total, centsToDecimalString(r.synthese.total));
    expect(d.intensite!.valeur).toBe(t.intensite!.valeur);
    // The aid ceiling's threshold per hour was sized to that duration: the intensity says where it comes from.
    expect(t.intensite!.formule).toMatch(
      / ; seuil « petit budget » pour 52 min, durée lue dans le classeur \('Budget Gardiens'!A2\)$/,
    );
    // Without a duration, no duration node.
    const sans = await analyserFinancement(await XlsxWorkbook.ouvrir(fichier), { date: "2026-01-15" });
    expect(tracesFinancement(sans, sans.echeancier).duree).toBeUndefined();
  });
});

describe("« D'où vient ce chiffre ? » : écarts down to the FEC lines", () => {
  const FIX = path.resolve(__dirname, "../../fixtures/fec");
  const lignesDevis: CelluleMemoire[][] = [["Code", "Libellé", "Quantité", "Tarif", "Montant"]];
  for (const [code, lib, q, t] of [
    ["1.1", "Droits d'auteur", 1, 12000],
    ["2.1", "Réalisateur", 15, 500],
    ["2.2", "Monteur", 10, 200],
    ["3.1", "Comédiens", 3, 500],
    ["6.1", "Train et défraiements", 1, 800],
    ["7.1", "Caméra", 10, 300],
    ["8.1", "Montage et étalonnage", 1, 9000],
  ] as const) {
    const n = lignesDevis.length + 1;
    lignesDevis.push([code, lib, q, t, { f: `C${n}*D${n}`, v: q * t }]);
  }

  it.each([true, false])(
    "the production FEC (lines kept: %s): réalisé = Σ accounts = Σ lines; écart = réalisé − budget; écart estimé = estimation − budget",
    async (conserver) => {
      const fec = lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
      const corr = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
      const wb = new MemoryWorkbook({ Budget: lignesDevis });
      const r = await rapprocher(wb, { fec, correspondances: corr });
      const sansLignes = { ...fec, lignes: conserver ? fec.lignes : undefined };
      const t = tracesEcarts(r.rapport, r.devis, sansLignes, r.correspondances);
      let avecRealise = 0;
      for (const e of r.rapport.lignes.filter((x) => x.code && !x.sansCode)) {
        const p = t[e.code];
        verifier(p.realise, centsToDecimalString(e.realise));
        verifier(p.budget, centsToDecimalString(e.budget));
        verifier(p.ecart, centsToDecimalString(cents(e.realise - e.budget)));
        verifier(p.ecartEstime, centsToDecimalString(cents(e.estimation - e.budget)));
        if (e.realise !== 0) {
          avecRealise++;
          const feuillesFec: Trace[] = [];
          const parcourir = (x: Trace) => (x.entrees?.length ? x.entrees.forEach(parcourir) : feuillesFec.push(x));
          parcourir(p.realise);
          if (conserver) expect(feuillesFec.every((f) => /^FEC ligne \d+$/.test(f.cellule ?? ""))).toBe(true);
        }
      }
      expect(avecRealise).toBeGreaterThan(3);
      // Each chapter row of the pane: réalisé = Σ its postes, budget = Σ its lines, écart = réalisé − budget.
      const ch = tracesEcartsChapitres(r.rapport, t, r.devis);
      expect(Object.keys(ch)).toEqual(r.rapport.chapitres.map((c) => c.code));
      for (const c of r.rapport.chapitres) {
        verifier(ch[c.code].realise, centsToDecimalString(c.realise));
        verifier(ch[c.code].budget, centsToDecimalString(c.budget));
        verifier(ch[c.code].ecart, centsToDecimalString(c.ecart));
        verifier(ch[c.code].ecartEstime, centsToDecimalString(c.ecartEstime));
      }
      expect(r.rapport.chapitres.filter((c) => c.realise !== 0).length).toBeGreaterThan(2);
      // The total row: Σ the chapters, écart total = réalisé total − budget total.
      const total = traceEcartsTotal(r.rapport, ch);
      verifier(total.realise, centsToDecimalString(r.rapport.total.realise));
      verifier(total.budget, centsToDecimalString(r.rapport.total.budget));
      verifier(total.ecart, centsToDecimalString(r.rapport.total.ecart));
      verifier(total.ecartEstime, centsToDecimalString(r.rapport.total.ecartEstime));
      expect(total.realise.entrees).toHaveLength(r.rapport.chapitres.length);
    },
  );
});

describe("« D'où vient ce chiffre ? » : écarts per poste, per chapter and in total (property)", () => {
  const CORR = lireCorrespondancesCsv(
    fs.readFileSync(path.resolve(__dirname, "../../fixtures/fec/correspondances.csv"), "utf8"),
  );
  // Postes of the correspondances (accounts 6516 → 1.1, 641 → 2, 6413 → 3, 6135 → 7.1, 611 → 8, 625 → 6…), and an
  // account mapped to none (606100).
  const POSTES = [
    ["1.1", "1"],
    ["2.1", "2"],
    ["2.2", "2"],
    ["3.1", "3"],
    ["6.1", "6"],
    ["7.1", "7"],
    ["8.1", "8"],
  ] as const;
  const COMPTES = ["651600", "641100", "641300", "645100", "613500", "611000", "625100", "606100"];
  const arbLigneDevis = fc.record({
    poste: fc.option(fc.constantFrom(...POSTES), { nil: undefined }),
    ch: fc.constantFrom<CodeChapitre>("1", "2", "3", "6", "7", "8"),
    montant: fc.integer({ min: 0, max: 5_000_000 }),
  });
  const arbEcriture = fc.record({
    compte: fc.constantFrom(...COMPTES),
    debit: fc.integer({ min: 0, max: 3_000_000 }),
    avoir: fc.boolean(),
  });
  const fecTexte = (ecritures: { compte: string; debit: number; avoir: boolean }[]) => {
    const tete =
      "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t" +
      "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
    const m = (c: number) => (c / 100).toFixed(2).replace(".", ",");
    const lignes = ecritures.flatMap((e, i) => {
      const num = `OD${String(i + 1).padStart(4, "0")}`;
      const [d, c] = e.avoir ? ["0,00", m(e.debit)] : [m(e.debit), "0,00"];
      return [
        `OD\tOpérations diverses\t${num}\t20240115\t${e.compte}\tCompte ${e.compte}\t\t\t${num}\t20240115\tPièce ${i}\t${d}\t${c}\t\t\t20240115\t\t`,
        `OD\tOpérations diverses\t${num}\t20240115\t401000\tFournisseurs\t\t\t${num}\t20240115\tPièce ${i}\t${c}\t${d}\t\t\t20240115\t\t`,
      ];
    });
    return [tete, ...lignes].join("\n") + "\n";
  };

  it("réalisé, budget, écart and écart estimé of every poste, chapter and the total, and each chapter's budget révisé, re-evaluate (200 ledgers)", () => {
    let avecRealise = 0;
    let revises = 0;
    let restesSaisis = 0;
    fc.assert(
      fc.property(
        fc.array(arbLigneDevis, { minLength: 1, maxLength: 25 }),
        fc.array(arbEcriture, { minLength: 0, maxLength: 40 }),
        fc.boolean(),
        // Typed in a previous Écarts sheet: revised budgets and restes à engager, on postes and chapters.
        fc.array(
          fc.record({
            niveau: fc.constantFrom<"ligne" | "chapitre">("ligne", "chapitre"),
            code: fc.constantFrom(...POSTES.map((p) => p[0]), ...POSTES.map((p) => p[1])),
            quoi: fc.constantFrom<"budgetRevise" | "reste">("budgetRevise", "reste"),
            montant: fc.integer({ min: 0, max: 5_000_000 }),
          }),
          { maxLength: 6 },
        ),
        (ls, ecritures, conserver, saisis) => {
          const d = unDevis(ls.map((l) => ({ ch: l.poste?.[1] ?? l.ch, libelle: "Ligne", montant: l.montant / 100 })));
          d.lignes.forEach((l, i) => {
            const p = ls[i].poste;
            if (p) l.code = p[0];
          });
          const fec = lireFec(fecTexte(ecritures), { conserver: true });
          const saisies: Required<Pick<SaisiesEcarts, "budgetRevise" | "reste">> = {
            budgetRevise: new Map(),
            reste: new Map(),
          };
          for (const x of saisis) saisies[x.quoi].set(`${x.niveau}:${x.code}`, cents(x.montant));
          const rapport = calculerEcarts(d, calculerRealise(fec, CORR), saisies);
          const t = tracesEcarts(rapport, d, conserver ? fec : { ...fec, lignes: undefined }, CORR);
          for (const e of rapport.lignes.filter((x) => x.code && !x.sansCode)) {
            const p = t[e.code];
            verifier(p.realise, centsToDecimalString(e.realise));
            verifier(p.budget, centsToDecimalString(e.budget));
            verifier(p.ecart, centsToDecimalString(e.ecart));
            verifier(p.ecartEstime, centsToDecimalString(e.ecartEstime));
            if (e.realise !== 0) avecRealise++;
            if (saisies.reste.has(`ligne:${e.code}`)) restesSaisis++;
          }
          const ch = tracesEcartsChapitres(rapport, t, d);
          for (const c of rapport.chapitres) {
            verifier(ch[c.code].realise, centsToDecimalString(c.realise));
            verifier(ch[c.code].budget, centsToDecimalString(c.budget));
            verifier(ch[c.code].ecart, centsToDecimalString(c.ecart));
            verifier(ch[c.code].ecartEstime, centsToDecimalString(c.ecartEstime));
            // The sheet's own cells of the chapter row: reste à engager (H) and budget révisé (E).
            verifier(traceReste(c, 6, c.code), centsToDecimalString(c.reste));
            if (c.budgetRevise !== undefined) {
              verifier(traceReviseChapitre(c, rapport.lignes, 20), centsToDecimalString(c.budgetRevise));
              if (c.budgetReviseDesPostes) revises++;
            }
          }
          const total = traceEcartsTotal(rapport, ch);
          verifier(total.realise, centsToDecimalString(rapport.total.realise));
          verifier(total.budget, centsToDecimalString(rapport.total.budget));
          verifier(total.ecart, centsToDecimalString(rapport.total.ecart));
          verifier(total.ecartEstime, centsToDecimalString(rapport.total.ecartEstime));
        },
      ),
      { numRuns: 200 },
    );
    // The property met postes with a réalisé, chapters revised from their postes, and restes typed.
    expect(avecRealise).toBeGreaterThan(100);
    expect(revises).toBeGreaterThan(20);
    expect(restesSaisis).toBeGreaterThan(20);
  });
});

describe("« D'où vient ce chiffre ? » : negative values in the text tree (CLI --explique)", () => {
  it("a negative amount, rate, duration or number is written with « − » (U+2212), the trace values stay « -… »", () => {
    expect(valeurFr({ valeur: "-1200.00", unite: "euros" })).toBe("\u22121\u202f200,00\u00a0€");
    expect(valeurFr({ valeur: "-0.2", unite: "taux" })).toBe("\u221220,00\u00a0%");
    expect(valeurFr({ valeur: "-1.5", unite: "minutes" })).toBe("\u22121,5\u00a0min");
    expect(valeurFr({ valeur: "-3", unite: "nombre" })).toBe("\u22123");
    expect(valeurFr({ valeur: "1200.00", unite: "euros" })).toBe("1\u202f200,00\u00a0€");
    const avoir = feuille("AC AC0005 « Avoir étalonnage »", "-300.00", "euros", { cellule: "FEC ligne 17" });
    const realise = noeud("Réalisé 8", "-300.00", "euros", "somme", [avoir]);
    const budget = feuille("Budget 8", "900.00", "euros", { cellule: "Devis!H40" });
    const ecart = noeud("Écart 8", "-1200.00", "euros", "difference", [realise, budget], {
      formule: "réalisé − budget",
    });
    expect(incoherences(ecart)).toEqual([]);
    expect(arbreTexte(ecart)).toEqual([
      "Écart 8 : \u22121\u202f200,00\u00a0€ = réalisé − budget",
      "  ← Réalisé 8 : \u2212300,00\u00a0€ = Σ",
      "    ← AC AC0005 « Avoir étalonnage » : \u2212300,00\u00a0€ [FEC ligne 17]",
      "  ← Budget 8 : 900,00\u00a0€ [Devis!H40]",
    ]);
    expect(JSON.parse(JSON.stringify(ecart)).valeur).toBe("-1200.00");
  });
});
