/**
 * The example production's Grand livre (assets/exemple/fec-exemple.txt, fabricated by scripts/exemple-fec.js from the
 * example devis) with the default correspondances (assets/exemple/correspondances-exemple.csv): the README's demo and
 * the pane's captures. `prodbook ecarts --json` gives the devis total as budget, the class-6 net read here from the
 * file itself (débits − crédits of the 6xxx accounts), the réalisé as that net less the deliberately unmapped
 * accounts, listed sans poste, and écart = réalisé − budget. The committed files are the script's output.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { lireCsvCorrespondances } from "../../src/app/commandes/ecarts";
import { correspondancesParDefaut } from "../../src/core/comptabilite/correspondances";
import { eurosToCents } from "../../src/core/money/cents";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

const RACINE = path.join(__dirname, "../..");
const EXEMPLE = path.join(RACINE, "assets/exemple");
const DEVIS = path.join(EXEMPLE, "devis-producteur.xlsx");
const FEC = path.join(EXEMPLE, "fec-exemple.txt");
const CORR = path.join(EXEMPLE, "correspondances-exemple.csv");
/** The accounts the script books outside the default correspondances. */
const SANS_POSTE = ["602200", "622800", "626200", "627800"];
const dir = dossierTemporaire("prodbook-ecarts-exemple-");

const cts = (euros: string) => eurosToCents(euros) as number;

interface LigneFec {
  journal: string;
  num: string;
  date: string;
  compte: string;
  debit: number;
  credit: number;
}

/** The FEC read here, without Prodbook's reader: tab-separated, 18 columns, amounts « 1234,56 » → cents. */
function lireFec(): LigneFec[] {
  const [entete, ...lignes] = fs.readFileSync(FEC, "utf8").split("\n");
  expect(lignes.pop()).toBe(""); // the file ends with a line end
  const colonnes = entete.split("\t");
  expect(colonnes).toHaveLength(18);
  const i = (nom: string) => colonnes.indexOf(nom);
  const montant = (t: string) => {
    expect(t).toMatch(/^\d+,\d\d$/);
    return Number(t.replace(",", ""));
  };
  return lignes.map((l) => {
    const c = l.split("\t");
    expect(c).toHaveLength(18);
    return {
      journal: c[i("JournalCode")],
      num: c[i("EcritureNum")],
      date: c[i("EcritureDate")],
      compte: c[i("CompteNum")],
      debit: montant(c[i("Debit")]),
      credit: montant(c[i("Credit")]),
    };
  });
}

/** Σ (débit − crédit) of the lines whose account passes `garder`, in cents. */
const net = (lignes: LigneFec[], garder: (compte: string) => boolean) =>
  lignes.filter((l) => garder(l.compte)).reduce((s, l) => s + l.debit - l.credit, 0);

describe("exemple : Grand livre fabriqué de la production d'exemple", () => {
  it("est un FEC de la production : journaux AC, BQ, OD, PA, écritures équilibrées, dates de 2026", async () => {
    const lignes = lireFec();
    expect(lignes.length).toBeGreaterThan(200);
    expect(lignes.length).toBeLessThan(500);
    expect([...new Set(lignes.map((l) => l.journal))].sort()).toEqual(["AC", "BQ", "OD", "PA"]);
    const soldes = new Map<string, number>();
    for (const l of lignes) soldes.set(l.num, (soldes.get(l.num) ?? 0) + l.debit - l.credit);
    expect([...soldes].filter(([, s]) => s !== 0)).toEqual([]);
    expect(lignes.every((l) => l.date >= "20260101" && l.date <= "20261130")).toBe(true);
    // An avoir: a class-6 credit reduces the réalisé.
    expect(lignes.some((l) => l.compte.startsWith("6") && l.credit > 0)).toBe(true);

    const r = await lancerCli(main, ["fec", FEC, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.format).toEqual({ separateur: "tab", encodage: "utf-8", montants: "debit-credit", colonnes: 18 });
    expect(j.lignesImportees).toBe(lignes.length);
    expect(j.ecrituresDistinctes).toBe(soldes.size);
    expect(j.erreurs).toEqual([]);
    expect(j.alertes).toEqual([]);
    expect(j.debit).toBe(j.credit);
  });

  it("ecarts --json : budget du devis, réalisé = classe 6 du fichier moins les comptes sans poste, écart", async () => {
    const lignes = lireFec();
    const classe6 = net(lignes, (c) => c.startsWith("6"));
    const sansPoste = SANS_POSTE.map((compte) => ({ compte, total: net(lignes, (c) => c === compte) }));
    expect(sansPoste.every((c) => c.total > 0)).toBe(true);
    const horsPoste = sansPoste.reduce((s, c) => s + c.total, 0);

    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC, "--correspondances", CORR, "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totaux.budget).toBe("182869.16");
    expect(cts(j.totaux.classe6)).toBe(classe6);
    expect(j.nonAffecte.comptes.map((c: { compte: string; total: string }) => ({ ...c, total: cts(c.total) }))).toEqual(
      sansPoste,
    );
    expect(cts(j.nonAffecte.total)).toBe(horsPoste);
    expect(cts(j.totaux.realise)).toBe(classe6 - horsPoste);
    expect(cts(j.totaux.ecart)).toBe(cts(j.totaux.realise) - cts(j.totaux.budget));
    const alerte = j.controles.find((c: { regle: string }) => c.regle === "comptes-non-affectes");
    expect(alerte?.gravite).toBe("alerte");
    for (const compte of SANS_POSTE) expect(alerte.message).toContain(compte);

    // Plausible écarts: each chapter spent within 85–115 % of its budget, except chapter 3 (its cachets are on
    // 641300, which the default table maps to chapter 2) and the frais généraux and imprévus, which no account carries.
    const postes: { code: string; budget: string; realise: string }[] = j.postes;
    expect(postes.map((p) => p.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "FG", "IMP"]);
    for (const p of postes.filter((p) => !["3", "FG", "IMP"].includes(p.code))) {
      const part = cts(p.realise) / cts(p.budget);
      expect([p.code, part > 0.85 && part < 1.15]).toEqual([p.code, true]);
    }
    for (const p of postes.filter((p) => ["3", "FG", "IMP"].includes(p.code))) expect(p.realise).toBe("0.00");
    // The écart estimé, the overspend expected at the end, is a few percent of the budget.
    const ecartEstime = cts(j.totaux.ecartEstime) / cts(j.totaux.budget);
    expect(ecartEstime > 0 && ecartEstime < 0.05).toBe(true);
  });

  it("ecarts (texte) : chaque compte sans poste dit ses premières lignes du FEC et combien il en a", async () => {
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC, "--correspondances", CORR]);
    expect(r.code).toBe(0);
    const sansPoste = r.out.split("\n").filter((l) => /^ {2}sans poste\s:/.test(l));
    expect(sansPoste).toHaveLength(SANS_POSTE.length);
    // Physical line numbers (header = 1), read here without Prodbook's reader.
    const lignes = lireFec();
    for (const [i, compte] of SANS_POSTE.entries()) {
      const n = lignes.map((l, k) => (l.compte === compte ? k + 2 : 0)).filter((k) => k > 0);
      // One line, up to three, or the first three and how many (this file has 1 and 3; the core test has more).
      const attendu =
        n.length === 1
          ? `ligne ${n[0]}`
          : n.length <= 3
            ? `lignes ${n.slice(0, -1).join(", ")} et ${n[n.length - 1]}`
            : `lignes ${n.slice(0, 3).join(", ")}… (${n.length}\u00a0lignes)`;
      expect(sansPoste[i]).toMatch(new RegExp(`^ {2}sans poste\\s: ${compte} `));
      expect([compte, sansPoste[i].slice(sansPoste[i].indexOf(" — ") + 3)]).toEqual([compte, attendu]);
    }
  });

  it("ecarts --json : les constats du grand livre sans cellule disent leurs lignes du fichier et leurs comptes", async () => {
    // Physical line numbers (header = 1) of the unmapped accounts' lines, read here without Prodbook's reader.
    const numeros = lireFec()
      .map((l, i) => ({ compte: l.compte, n: i + 2 }))
      .filter((l) => SANS_POSTE.includes(l.compte))
      .map((l) => l.n);
    expect(numeros).toEqual([30, 52, 55, 111, 161, 168, 181, 284]);
    const args = ["ecarts", DEVIS, "--fec", FEC, "--correspondances", CORR];
    // Summed per account (--json) or from the lines kept (--explique): the same origin.
    for (const options of [["--json"], ["--json", "--explique"]]) {
      const j = JSON.parse((await lancerCli(main, [...args, ...options])).out);
      const alerte = j.controles.find((c: { regle: string }) => c.regle === "comptes-non-affectes");
      expect(alerte).toEqual({
        regle: "comptes-non-affectes",
        gravite: "alerte",
        message: expect.stringContaining("(lignes 30, 52, 55, 111, 161, 168, 181 et 284 du FEC)"),
        cellule: null,
        fec: { lignes: numeros, nombreLignes: 8, comptes: SANS_POSTE },
      });
      expect(Object.keys(alerte)).toEqual(["regle", "gravite", "message", "cellule", "fec"]);
      // The other findings keep their four fields.
      for (const c of j.controles.filter((x: { regle: string }) => x.regle !== "comptes-non-affectes"))
        expect(Object.keys(c)).toEqual(["regle", "gravite", "message", "cellule"]);
    }
    // The text names them too.
    expect((await lancerCli(main, args)).out).toContain(
      "627800 (lignes 30, 52, 55, 111, 161, 168, 181 et 284 du FEC). Complétez les correspondances.",
    );

    // Twelve lines with a date that does not exist: refused, the first ten named, all counted, no account.
    const texte = fs.readFileSync(FEC, "utf8").split("\n");
    const rejetees = [5, 25, 45, 65, 85, 105, 125, 145, 165, 185, 205, 225];
    for (const n of rejetees) texte[n - 1] = texte[n - 1].replace(/\t2026\d{4}\t/, "\t20260231\t");
    const fichier = path.join(dir(), "fec-dates-impossibles.txt");
    fs.writeFileSync(fichier, texte.join("\n"));
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", fichier, "--correspondances", CORR, "--json"]);
    const erreur = JSON.parse(r.out).controles.find((c: { regle: string }) => c.regle === "lignes-fec-rejetees");
    expect(erreur).toMatchObject({
      gravite: "erreur",
      cellule: null,
      fec: { lignes: rejetees.slice(0, 10), nombreLignes: 12, comptes: [] },
    });
    const cites = "lignes 5, 25, 45, 65, 85, 105, 125, 145, 165, 185… du FEC";
    expect(erreur.message).toMatch(/^12\u00a0lignes du grand livre rejetées à la lecture, absentes du réalisé : /);
    expect(erreur.message).toContain(cites);
    const t = await lancerCli(main, ["ecarts", DEVIS, "--fec", fichier, "--correspondances", CORR]);
    expect(t.out).toContain(cites);
    expect(t.out).not.toContain("(s)");
  });

  it("sans --correspondances : la table par défaut, puis la feuille « Correspondances » du classeur, modifiée", async () => {
    const avec = JSON.parse(
      (await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC, "--correspondances", CORR, "--json"])).out,
    );
    expect(avec.correspondances).toEqual({ origine: "fichier", fichier: "correspondances-exemple.csv" });
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC, "--json"]);
    expect(r.code).toBe(0);
    const sans = JSON.parse(r.out);
    expect(sans.correspondances).toEqual({ origine: "defaut" });
    // Same figures; only the origin differs, and the default table is named among the tables used (a file is not one).
    expect({ ...sans, correspondances: null, tables: null }).toEqual({ ...avec, correspondances: null, tables: null });
    // Both name the CNC nomenclature the devis was structured with, last.
    const ids = (j: { tables: { id: string }[] }) => j.tables.map((t) => t.id);
    expect([ids(avec), ids(sans)]).toEqual([["nomenclature-cnc"], ["correspondances-pcg", "nomenclature-cnc"]]);
    const t = await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC]);
    expect(t.out).toMatch(/^Correspondances\u00a0: table par défaut de Prodbook \(usage de la profession, à vérifier/m);
    // Every chapter's name whole in the text table, its amounts in the same columns as the header's.
    expect(t.out).toMatch(/^6 Transports, défraiements, régie +15\s604,40\s€/m);
    const lignes = t.out.split("\n");
    const entete = lignes.find((l) => l.startsWith("Chapitre"))!;
    const total = lignes.find((l) => l.startsWith("Total "))!;
    expect(total.length).toBe(entete.length);

    // Written with -o, then edited in Excel: 6135 (locations mobilières) moved from chapter 7 to chapter 6.
    const sortie = path.join(dir(), "exemple-rapproche.xlsx");
    expect((await lancerCli(main, ["ecarts", DEVIS, "--fec", FEC, "-o", sortie])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const ws = wb.getWorksheet("Correspondances")!;
    let modifiee = 0;
    ws.eachRow((row) => {
      row.eachCell((cell, col) => {
        if (String(cell.value).trim() === "6135" && String(row.getCell(col + 1).value).trim() === "7") {
          row.getCell(col + 1).value = "6";
          modifiee++;
        }
      });
    });
    expect(modifiee).toBe(1);
    const modifie = path.join(dir(), "exemple-correspondances-modifiees.xlsx");
    await wb.xlsx.writeFile(modifie);
    const m = JSON.parse((await lancerCli(main, ["ecarts", modifie, "--fec", FEC, "--json"])).out);
    expect(m.correspondances).toEqual({ origine: "feuille", feuille: "Correspondances" });
    const realise = (j: { postes: { code: string; realise: string }[] }, code: string) =>
      cts(j.postes.find((p) => p.code === code)!.realise);
    const deplace = realise(sans, "7") - realise(m, "7");
    expect(deplace).toBeGreaterThan(0);
    expect(realise(m, "6") - realise(sans, "6")).toBe(deplace);
    expect(m.totaux.realise).toBe(sans.totaux.realise);
  });

  it("les correspondances de l'exemple sont celles du volet (table par défaut)", () => {
    const { table, alertes } = lireCsvCorrespondances(new Uint8Array(fs.readFileSync(CORR)), "correspondances.csv");
    expect(alertes).toEqual([]);
    const sansLigne = (cs: { cle: string; poste: string; libelle?: string }[]) =>
      cs.map(({ cle, poste, libelle }) => ({ cle, poste, libelle }));
    expect(sansLigne(table.comptes)).toEqual(sansLigne(correspondancesParDefaut().comptes));
    expect(table.sections).toEqual([]);
  });

  it("les fichiers enregistrés sont ceux que scripts/exemple-fec.js produit du devis", () => {
    const r = spawnSync(process.execPath, [path.join(RACINE, "scripts/exemple-fec.js"), dir()], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const f of ["fec-exemple.txt", "correspondances-exemple.csv"])
      expect([f, fs.readFileSync(path.join(dir(), f)).equals(fs.readFileSync(path.join(EXEMPLE, f)))]).toEqual([
        f,
        true,
      ]);
  });
});
