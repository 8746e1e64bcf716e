import * as fc from "fast-check";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { completerConservation } from "../../../src/core/devis/conservation";
import { importerDevis } from "../../../src/core/devis/import";
import { controlerDevis } from "../../../src/core/devis/regles";
import type { CellData, SheetData } from "../../../src/core/port/workbook";
import { parseCelluleRef } from "../../../src/core/util/adresse";
import type { Io } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { devisGenere, devisProducteur, grille, type MiseEnPage, type Rangee } from "./genererDevis";

/** Conservation of one sheet through the core reading path, and every non-line amount proven or named. */
function verifier(s: SheetData) {
  const d = importerDevis(s, { genre: "documentaire" });
  const constats = controlerDevis(d, "2026-01-15");
  const c = completerConservation(d.conservation!, constats);
  if (c.ecart !== 0 || c.nonComptees.length)
    throw new Error(`écart ${c.ecart}, non comptées ${JSON.stringify(c.nonComptees)}`);
  const nommees = new Set(constats.map((k) => k.cellule));
  for (const t of d.totauxProducteur)
    if (!t.preuve && !nommees.has(t.cellule)) throw new Error(`total ${t.cellule} ni prouvé ni nommé`);
  for (const i of d.illisibles ?? []) if (!nommees.has(i.cellule)) throw new Error(`${i.cellule} non nommée`);
  for (const n of d.nonPlaces) if (!nommees.has(n.cellule)) throw new Error(`non placé ${n.cellule} non nommé`);
  return { d, constats };
}

describe("conservation sur des devis générés (issue 10 §5)", () => {
  it("10 000 mises en page de producteur : chaque montant lu est une ligne, un total prouvé ou listé", () => {
    fc.assert(
      fc.property(devisGenere, (rangees) => void verifier(grille(rangees))),
      { numRuns: 10_000, seed: 20261203 },
    );
  });

  it("4 000 devis de producteur (note en k€, « 12,5 k€ », « (3 k€) », devises, tarifs, remise en %, sous-total qui saute une ligne, second bloc, montant masqué, tableau empilé)", () => {
    fc.assert(
      fc.property(devisProducteur, ({ rangees, mise }) => {
        // Each layout named, never lost: the second block's column, the hidden amount column, the note, the discount.
        const { d, constats } = verifier(grille(rangees, "Devis", mise));
        const bloc = d.colonnesNonLues?.find((c) => c.nature === "secondBloc");
        if (mise.secondBloc && bloc?.colonne !== "H") throw new Error(`second bloc non nommé ${JSON.stringify(bloc)}`);
        if (!mise.secondBloc && bloc) throw new Error(`second bloc inventé ${JSON.stringify(bloc)}`);
        if (!!mise.montantMasque !== (d.colonneMontantMasquee?.colonne === "E"))
          throw new Error(`colonne masquée ${JSON.stringify(d.colonneMontantMasquee)}`);
        // A second table stacked below: its header named, each of its amounts a line read in D (never guessed).
        const nouveaux = d.entetesSuivants ?? [];
        if (!mise.empile && nouveaux.length) throw new Error(`tableau empilé inventé ${JSON.stringify(nouveaux)}`);
        if (mise.empile) {
          if (nouveaux.length !== 1 || nouveaux[0].colonnes.montant !== "D")
            throw new Error(`tableau empilé non lu ${JSON.stringify(nouveaux)}`);
          const lus = d.lignes.filter((l) => l.source.ligne > nouveaux[0].ligne);
          const attendus = mise.empile.lignes.map((l) => l.cents);
          if (JSON.stringify(lus.map((l) => l.montant)) !== JSON.stringify(attendus))
            throw new Error(`tableau empilé mal lu ${JSON.stringify(lus.map((l) => [l.libelle, l.montant]))}`);
        }
        const regles = new Set(constats.map((k) => k.regle));
        if (rangees.some((r) => r.type === "remise") && !regles.has("montant-pourcentage"))
          throw new Error("remise en % non nommée");
        if (rangees.some((r) => r.type === "note-k") && !d.uniteNonAppliquee && !d.uniteMilliers)
          throw new Error("note en k€ non nommée");
        // « 12,5 k€ », « (3 k€) » and « 50 €/jour » are in lu and listed at 12 500,00 €, −3 000,00 € and 50,00 € (never
        // 0, never lost): every other listed amount is ≥ 0.
        const valeur = (r: Rangee) =>
          r.type === "texte-k"
            ? r.dixiemes * 10_000
            : r.type === "texte-k-negatif"
              ? -r.milliers * 100_000
              : r.type === "tarif"
                ? r.euros * 100
                : 0;
        const k = rangees.reduce((t, r) => t + valeur(r), 0);
        const c = completerConservation(d.conservation!, constats);
        if (c.listes < k) throw new Error(`montants en k€ et tarifs (${k} c) hors des listés (${c.listes} c)`);
        // Each figure in another currency read (enDevise) and named with its currency; each rate named as one.
        rangees.forEach((r, i) => {
          const cellule = `Devis!E${i + 2}`;
          const sur = constats.filter((x) => x.cellule === cellule);
          if (r.type === "devise") {
            if (!c.enDevise?.some((x) => x.cellule === cellule && x.devise === r.devise))
              throw new Error(`${cellule} « ${r.texte} » hors de enDevise`);
            const nommee = (x: { regle: string; message: string }) =>
              x.regle === "montant-devise" &&
              (x.message.includes(`» est en ${r.devise} ;`) || x.message.includes(`» est un tarif en ${r.devise} (`));
            if (!sur.some(nommee))
              throw new Error(`${cellule} « ${r.texte} » : devise non nommée ${JSON.stringify(sur)}`);
          }
          if (r.type === "tarif" && !sur.some((x) => x.regle === "montant-tarif"))
            throw new Error(`${cellule} : tarif non nommé ${JSON.stringify(sur)}`);
        });
      }),
      { numRuns: 4_000, seed: 20261205 },
    );
  });

  it("2 000 devis dont l'en-tête ne nomme que « Qté | Tarif | Montant » (libellés et codes sans en-tête) : conservation", () => {
    // Two detailed lines first: the unheaded label column is the one holding texts on most rows with an amount.
    const debut: Rangee[] = [
      { type: "ligne", libelle: "Monteur", montant: { cents: 300_000, forme: "nombre" }, facteurs: true },
      { type: "ligne", libelle: "Location caméra", montant: { cents: 120_000, forme: "nombre" }, facteurs: false },
    ];
    fc.assert(
      fc.property(devisGenere, (rangees) => {
        const s = grille([...debut, ...rangees], "Devis", { libellesSansEntete: true });
        const d = importerDevis(s, { genre: "documentaire" });
        if (d.colonneLibelles?.colonne !== "B") throw new Error(`libellés lus en ${d.colonneLibelles?.colonne}`);
        verifier(s);
      }),
      { numRuns: 2_000, seed: 20261203 },
    );
  });

  it("1 000 devis tenus en milliers d'euros (« Montant (k€) », nombres ÷ 1 000) : le même devis en euros, au centime", () => {
    // Amounts typed as numbers or formulas (a text « 1 234,56 » is the euro sheet's own writing, not divided here).
    const enNombres = devisGenere.map((rangees) =>
      rangees.map((r) =>
        r.type === "ligne" && (r.montant.forme === "fr" || r.montant.forme === "en")
          ? { ...r, montant: { ...r.montant, forme: "nombre" as const } }
          : r,
      ),
    );
    fc.assert(
      fc.property(enNombres, (rangees) => {
        const s = grille(rangees);
        const k: SheetData = {
          ...s,
          rows: s.rows.map((row, i) =>
            i === 0
              ? row.map((c, j) => (j === 4 ? { v: "Montant (k€)" } : c))
              : row.map((c, j) => (j === 4 && typeof c.v === "number" && !c.erreur ? { ...c, v: c.v / 1000 } : c)),
          ),
        };
        const [d, dk] = [importerDevis(s, { genre: "documentaire" }), importerDevis(k, { genre: "documentaire" })];
        if (dk.total !== d.total) throw new Error(`total ${dk.total} au lieu de ${d.total}`);
        const c = (x: typeof d) => JSON.stringify({ ...x.conservation, colonneMontant: undefined });
        if (c(dk) !== c(d)) throw new Error(`conservation ${c(dk)} au lieu de ${c(d)}`);
        if (dk.uniteMilliers?.cellule !== "Devis!E1") throw new Error("unité en k€ non dite");
        verifier(k);
      }),
      { numRuns: 1_000, seed: 20261205 },
    );
  });

  it("600 devis à deux tableaux empilés, l'un des deux en-têtes en k€ : chacun lu selon le sien, l'autre nommé", () => {
    // Before: the lower header's « Montant (k€) » was ignored (its amounts read ÷ 1 000), and the first header's reached
    // every row below it.
    const empiles = fc.tuple(devisProducteur, fc.boolean()).map(([{ rangees, mise }, basEnMilliers]) => ({
      rangees,
      mise: {
        ...mise,
        empile: mise.empile ?? { lignes: [{ cents: 123_400, facteurs: false }], repete: false, total: false },
      },
      basEnMilliers,
    }));
    fc.assert(
      fc.property(empiles, ({ rangees, mise, basEnMilliers }) => {
        const s = grille(rangees, "Devis", mise);
        const bas = s.rows.findIndex((row) => row[0]?.v === "Poste");
        const rows = s.rows.map((row, r) => {
          if (!basEnMilliers) return r === 0 ? row.map((c, j) => (j === 4 ? { v: "Montant (k€)" } : c)) : row;
          if (r === bas) return row.map((c, j) => (j === 3 ? { v: "Montant (k€)" } : c));
          return r > bas ? row.map((c, j) => (j === 3 && typeof c.v === "number" ? { ...c, v: c.v / 1000 } : c)) : row;
        });
        const { d, constats } = verifier({ ...s, rows });
        // The lower table's lines, in euros to the cent whichever header says k€.
        const lus = d.lignes.filter((l) => l.source.ligne > bas + 1).map((l) => l.montant);
        const attendus = mise.empile.lignes.map((l) => l.cents);
        if (JSON.stringify(lus) !== JSON.stringify(attendus))
          throw new Error(`tableau du bas mal lu ${JSON.stringify(lus)} au lieu de ${JSON.stringify(attendus)}`);
        const u = d.uniteMilliers;
        const tableau = basEnMilliers ? `Devis!A${bas + 1}` : "Devis!A1";
        if (!u?.tableaux?.some((t) => t.entete === tableau))
          throw new Error(`${tableau} non lu en k€ ${JSON.stringify(u)}`);
        // The table whose header says no unit: read as typed and named with both readings (unless a note « (en k€) »
        // on the row right under the first header, its row of units, states the first table's).
        const muet = basEnMilliers ? "Devis!E1" : `Devis!D${bas + 1}`;
        if (basEnMilliers && rangees[0].type === "note-k") return;
        if (!constats.some((k) => k.regle === "unite-milliers" && k.cellule === muet))
          throw new Error(`${muet} non nommé ${JSON.stringify(u?.sansUnite)}`);
      }),
      { numRuns: 600, seed: 20261205 },
    );
  });

  it("600 devis empilés, une date et un nombre d'unité prouvée au-dessus de l'en-tête et entre les tableaux : listés, jamais en euros", () => {
    const cas = fc.record({
      base: devisProducteur,
      entre: fc.record({
        nombre: fc.integer({ min: 1, max: 400 }),
        sorte: fc.constantFrom("jours" as const, "semaines" as const, "sansUnite" as const),
        date: fc.boolean(),
      }),
      dessus: fc.record({
        date: fc.boolean(),
        nombre: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
      }),
    });
    fc.assert(
      fc.property(cas, ({ base: { rangees, mise }, entre, dessus }) => {
        const empile = mise.empile ?? { lignes: [{ cents: 123_400, facteurs: false }], repete: false, total: false };
        const s = grille(rangees, "Devis", { ...mise, empile, entre });
        // Above the header: the devis's date (a real date, ISO as the adapters give it), a duration by its label.
        const haut: CellData[][] = [];
        if (dessus.date) haut.push([{ v: "Date du devis" }, { v: "2025-04-15" }]);
        if (dessus.nombre !== undefined)
          haut.push([{ v: "Durée (min)" }, { v: null }, { v: null }, { v: null }, { v: dessus.nombre }]);
        const k = haut.length;
        const decale = (f: string) => f.replace(/([A-Z]+)(\d+)/g, (_, c: string, n: string) => `${c}${Number(n) + k}`);
        const rows = [...haut, ...s.rows.map((row) => row.map((c) => (c.f ? { ...c, f: decale(c.f) } : c)))];
        const { d, constats } = verifier({ ...s, rows });
        const ailleurs = d.conservation?.ailleurs ?? [];
        const liste = (cellule: string) => ailleurs.find((a) => a.cellule === cellule);
        const nommee = (cellule: string) => constats.some((x) => x.cellule === cellule);
        const dateListee = (cellule: string) => {
          const a = liste(cellule);
          if (a?.nature !== "date" || a.montant !== undefined || !nommee(cellule))
            throw new Error(`${cellule} : date non listée ${JSON.stringify(a)}`);
        };
        if (dessus.date) dateListee("Devis!B1");
        if (dessus.nombre !== undefined) {
          const a = liste(`Devis!E${k}`);
          if (a?.nature !== "nombre" || a.unite !== "min")
            throw new Error(`E${k} : durée non listée ${JSON.stringify(a)}`);
        }
        // Between the tables, in E: with its unit proven, listed as a number, or a line (in euros) only when the first
        // table has no total above it that ends it; without one (« Reliquat »), an amount (a line, in k€ under a note
        // « (en k€) »), never a number.
        const r = rows.findIndex((row) => ["Jours de tournage", "Préparation", "Reliquat"].includes(String(row[1]?.v)));
        const cellule = `Devis!E${r + 1}`;
        const ligne = d.lignes.find((l) => l.source.cellules.montant === cellule);
        const a = liste(cellule);
        if (entre.sorte === "sansUnite") {
          if (!ligne || a?.nature)
            throw new Error(`${cellule} « Reliquat » : pas lu comme un montant ${JSON.stringify(a)}`);
        } else {
          if (!ligne && (a?.nature !== "nombre" || a.montant !== undefined))
            throw new Error(`${cellule} ni ligne ni nombre listé ${JSON.stringify(a)}`);
          if (ligne && d.totauxProducteur.some((t) => !!t.cellule && parseCelluleRef(t.cellule).row < r))
            throw new Error(`${cellule} lu en euros après le total du premier tableau`);
        }
        if (entre.date) {
          const rd = rows.findIndex((row) => row[0]?.v === "Révisé le");
          const cd = `Devis!B${rd + 1}`;
          // A date the first table reads (a line's label column) is named there; otherwise listed as a date.
          if (liste(cd) || !nommee(cd)) dateListee(cd);
        }
      }),
      { numRuns: 600, seed: 20261206 },
    );
  });

  it("quelques devis générés écrits en .xlsx et lus par prodbook devis --json : écart 0,00, aucune cellule oubliée", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-conservation-"));
    // Five generated devis, then three producer layouts (second block, hidden amount column, k€ note…) through ExcelJS.
    const exemples = [
      ...fc.sample(devisGenere, { numRuns: 5, seed: 42 }).map((rangees) => ({ rangees, mise: {} as MiseEnPage })),
      ...fc.sample(devisProducteur, { numRuns: 3, seed: 42 }),
    ];
    for (const [k, { rangees, mise }] of exemples.entries()) {
      const s = grille(rangees, "Devis", mise);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Devis");
      s.rows.forEach((row, i) =>
        row.forEach((c, j) => {
          if (c.v === null) return;
          const cell = ws.getCell(i + 1, j + 1);
          if (c.erreur)
            cell.value = { formula: c.f ?? "1/0", result: { error: c.v as ExcelJS.CellErrorValue["error"] } };
          else if (c.f) cell.value = { formula: c.f, result: c.v as number };
          else cell.value = c.v as ExcelJS.CellValue;
        }),
      );
      for (const c of s.colonnesMasquees ?? []) ws.getColumn(c + 1).hidden = true;
      const f = path.join(dir, `devis-${k}.xlsx`);
      await wb.xlsx.writeFile(f);
      const sortie: string[] = [];
      const io: Io = { out: (t) => sortie.push(t), err: (t) => sortie.push(`ERR ${t}`) };
      expect(await main(["devis", f, "--json", "--date", "2026-01-15"], io)).toBe(0);
      const j = JSON.parse(sortie[0]);
      expect(j.devis.conservation).toMatchObject({ ecart: "0.00", nonComptees: [] });
      expect(j.devis.colonneMontantMasquee?.colonne).toBe(mise.montantMasque ? "E" : undefined);
    }
  });
});
