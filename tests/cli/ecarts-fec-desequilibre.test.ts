/**
 * A real FEC (tests/fixtures/fec-reel/0000000001FEC20220831.txt, UTF-8 with BOM) whose export lost a line and
 * mistyped an amount: two entries whose debit is not their credit. `prodbook fec` names each as an alerte; `prodbook
 * ecarts` (through the built binary) names them as a finding too (`fec-ecritures-desequilibrees`, with the line each
 * entry starts at), in the JSON `controles`, the text and the Écarts sheet, instead of reading the réalisé from a
 * ledger that does not balance without a word. The réalisé keeps the file's arithmetic, to the cent. The reader's
 * other alertes at a line (norm columns missing from the header, a line repaired) reach `ecarts` too
 * (`grand-livre-fichier`, with their lines).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { LecteurFec, analyserDebut } from "../../src/core/comptabilite/fec";
import { assemblerFec } from "../../src/core/comptabilite/fec/lecteurFec";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const REEL = path.resolve(__dirname, "../fixtures/fec-reel/0000000001FEC20220831.txt");
const dossier = dossierTemporaire("ecarts-fec-desequilibre-");

/** Cents of a FEC amount « 1234,56 », read here without Prodbook's reader. */
const cts = (s: string) => {
  const [e, d = "00"] = s.split(",");
  return Number(e) * 100 + Math.sign(Number(e) || 1) * Number(d.padEnd(2, "0"));
};

interface Controle {
  regle: string;
  gravite: string;
  message: string;
  fec?: { lignes: number[]; nombreLignes: number; comptes: string[] };
}

describe("FEC réel avec deux écritures déséquilibrées", () => {
  let fec: string;
  let devis: string;
  let lignes: string[];
  beforeAll(async () => {
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const texte = fs.readFileSync(REEL, "utf8");
    lignes = texte.split("\n");
    // Physical line n is lignes[n - 1]. Entry ACH 1 is lines 79–81, ACH 2 lines 82–84.
    expect(lignes[79].split("\t").slice(0, 13)).toEqual(expect.arrayContaining(["ACH", "1", "606300", "153,36"]));
    expect(lignes[83].split("\t").slice(0, 5)).toEqual(["ACH", "Achats marchandises", "2", "20210901", "445661"]);
    lignes[79] = lignes[79].replace("\t153,36\t", "\t153,46\t"); // ACH 1: debit 0,10 € too high
    lignes.splice(83, 1); // ACH 2: its VAT line (75,79 € debit) lost
    fec = path.join(dossier(), "fec-desequilibre.txt");
    fs.writeFileSync(fec, lignes.join("\n"));
  });

  /** The file's totals and class-6 net, summed here line by line (an awk of the file). */
  function totaux() {
    let debit = 0;
    let credit = 0;
    let classe6 = 0;
    for (const l of lignes.slice(1)) {
      const f = l.replace(/\r$/, "").split("\t");
      if (f.length < 13) continue;
      debit += cts(f[11]);
      credit += cts(f[12]);
      if (f[4].startsWith("6")) classe6 += cts(f[11]) - cts(f[12]);
    }
    return { debit, credit, classe6 };
  }

  test("prodbook fec : les deux écritures en alerte, totaux au centime, code 0 même avec --strict", () => {
    const r = binaire(["fec", fec, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    const t = totaux();
    expect(t.debit - t.credit).toBe(10 - 7579);
    expect([j.debit, j.credit]).toEqual([(t.debit / 100).toFixed(2), (t.credit / 100).toFixed(2)]);
    expect(JSON.parse(espacesSimples(JSON.stringify(j.alertes)))).toEqual([
      { ligne: 79, ecritureNum: "1", message: "Écriture ACH 1 déséquilibrée : débit − crédit = 0,10 €." },
      { ligne: 82, ecritureNum: "2", message: "Écriture ACH 2 déséquilibrée : débit − crédit = −75,79 €." },
    ]);
    expect(binaire(["fec", fec, "--strict"]).code).toBe(0);
  });

  test("prodbook ecarts --json : un constat nomme les deux écritures et leurs lignes ; le réalisé est celui du fichier", () => {
    const r = binaire(["ecarts", devis, "--fec", fec, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.totaux.classe6).toBe((totaux().classe6 / 100).toFixed(2));
    const c = (j.controles as Controle[]).find((x) => x.regle === "fec-ecritures-desequilibrees");
    expect(JSON.parse(espacesSimples(JSON.stringify(c)))).toEqual({
      regle: "fec-ecritures-desequilibrees",
      gravite: "alerte",
      cellule: null,
      message:
        "2 écritures du FEC déséquilibrées (débit ≠ crédit, 75,89 € d'écarts en valeur absolue) : écriture ACH 1 (ligne 79) " +
        "débit − crédit = 0,10 € ; écriture ACH 2 (ligne 82) débit − crédit = −75,79 €. Le réalisé est lu tel que " +
        "le fichier l'écrit : vérifiez l'export comptable (une ligne manquante ?) puis relancez le rapprochement.",
      fec: { lignes: [79, 82], nombreLignes: 2, comptes: [] },
    });
    // The untouched file: no such finding.
    const sain = JSON.parse(binaire(["ecarts", devis, "--fec", REEL, "--json"]).out);
    expect((sain.controles as Controle[]).map((x) => x.regle)).not.toContain("fec-ecritures-desequilibrees");
  });

  test("prodbook ecarts (texte, -o) : le constat est imprimé et écrit dans les contrôles de la feuille Écarts", async () => {
    const sortie = path.join(dossier(), "ecarts.xlsx");
    const r = binaire(["ecarts", devis, "--fec", fec, "-o", sortie]);
    expect(r.code).toBe(0);
    expect(espacesSimples(r.out)).toContain(
      "[alerte] Écritures du FEC déséquilibrées — 2 écritures du FEC déséquilibrées",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sortie);
    const textes: string[] = [];
    wb.getWorksheet("Écarts")!.eachRow((row) =>
      row.eachCell((cell) => textes.push(espacesSimples(String(cell.value)))),
    );
    expect(textes.some((t) => t.includes("2 écritures du FEC déséquilibrées (débit ≠ crédit"))).toBe(true);
  });

  test("une ligne sans EcritureNum : son écriture est nommée par son journal, jamais « Écriture  déséquilibrée »", () => {
    const l = fs.readFileSync(REEL, "utf8").split("\n");
    l[79] = l[79].replace(/^ACH\t([^\t]*)\t1\t/, "ACH\t$1\t\t"); // line 80 (606300, 153,36 € debit) loses its number
    const f = path.join(dossier(), "fec-sans-numero.txt");
    fs.writeFileSync(f, l.join("\n"));
    const j = JSON.parse(binaire(["fec", f, "--json"]).out);
    expect(JSON.parse(espacesSimples(JSON.stringify(j.alertes)))).toEqual([
      { ligne: 79, ecritureNum: "1", message: "Écriture ACH 1 déséquilibrée : débit − crédit = −153,36 €." },
      {
        ligne: 80,
        ecritureNum: "",
        message: "Écriture du journal ACH sans EcritureNum déséquilibrée : débit − crédit = 153,36 €.",
      },
    ]);
    const e = JSON.parse(binaire(["ecarts", devis, "--fec", f, "--json"]).out);
    const c = (e.controles as Controle[]).find((x) => x.regle === "fec-ecritures-desequilibrees")!;
    expect(espacesSimples(c.message)).toContain(
      ": écriture ACH 1 (ligne 79) débit − crédit = −153,36 € ; écriture du journal ACH sans EcritureNum (ligne 80) " +
        "débit − crédit = 153,36 €.",
    );
  });

  test("les autres alertes à une ligne (colonnes de la norme absentes, ligne réparée) sont un constat d'ecarts", () => {
    // The real file without its EcritureLet and DateLet columns (14th and 15th), and a tab inside line 80's label.
    const l = fs
      .readFileSync(REEL, "utf8")
      .split("\n")
      .map((x) =>
        x
          ? x
              .split("\t")
              .filter((_c, i) => i !== 13 && i !== 14)
              .join("\t")
          : x,
      );
    const champs = l[79].split("\t");
    champs[10] += "\tsuite du libellé";
    l[79] = champs.join("\t");
    const f = path.join(dossier(), "fec-sans-lettrage.txt");
    fs.writeFileSync(f, l.join("\n"));
    const j = JSON.parse(binaire(["fec", f, "--json"]).out);
    expect(j.erreurs).toEqual([]);
    expect(j.debit).toBe(JSON.parse(binaire(["fec", REEL, "--json"]).out).debit);
    expect(JSON.parse(espacesSimples(JSON.stringify(j.alertes)))).toEqual([
      {
        ligne: 1,
        message:
          "Colonnes prévues par la norme FEC (18 colonnes) absentes de l'en-tête : EcritureLet, DateLet. Les montants " +
          "sont lus. Demandez un FEC complet au cabinet comptable.",
      },
      {
        ligne: 80,
        ecritureNum: "1",
        message: "Séparateur « tabulation » dans EcritureLib : ligne récupérée en réunissant 2 champs.",
      },
    ]);
    const e = JSON.parse(binaire(["ecarts", devis, "--fec", f, "--json"]).out);
    const c = (e.controles as Controle[]).filter((x) => x.regle === "grand-livre-fichier");
    expect(JSON.parse(espacesSimples(JSON.stringify(c)))).toEqual([
      {
        regle: "grand-livre-fichier",
        gravite: "alerte",
        cellule: null,
        message:
          "Ligne 1 : colonnes prévues par la norme FEC (18 colonnes) absentes de l'en-tête : EcritureLet, DateLet. " +
          "Les montants sont lus. Demandez un FEC complet au cabinet comptable. Ligne 80 : séparateur « tabulation » " +
          "dans EcritureLib : ligne récupérée en réunissant 2 champs.",
        fec: { lignes: [1, 80], nombreLignes: 2, comptes: [] },
      },
    ]);
  });

  test("une ligne réparée qui ouvre une écriture déséquilibrée : la réparation est dite, le déséquilibre une fois", () => {
    // Line 79 starts ACH 1 (unbalanced above); a tab in its label makes the reader repair it: two alertes at one line
    // and one entry number, each of its kind — neither lost nor said twice.
    const l = [...lignes];
    const champs = l[78].split("\t");
    expect(champs.slice(0, 3)).toEqual(["ACH", "Achats marchandises", "1"]);
    champs[10] += "\tsuite du libellé";
    l[78] = champs.join("\t");
    const f = path.join(dossier(), "fec-repare-desequilibre.txt");
    fs.writeFileSync(f, l.join("\n"));
    const a = JSON.parse(binaire(["fec", f, "--json"]).out).alertes as { ligne: number; message: string }[];
    expect(a.filter((x) => x.ligne === 79).map((x) => x.message.slice(0, 18))).toEqual(
      expect.arrayContaining(["Séparateur « tabul", "Écriture ACH 1 dés"]),
    );
    const e = JSON.parse(binaire(["ecarts", devis, "--fec", f, "--json"]).out).controles as Controle[];
    const fichier = e.filter((x) => x.regle === "grand-livre-fichier").map((x) => espacesSimples(x.message));
    expect(fichier).toEqual([
      "Ligne 79 : séparateur « tabulation » dans EcritureLib : ligne récupérée en réunissant 2 champs.",
    ]);
    const d = e.filter((x) => x.regle === "fec-ecritures-desequilibrees");
    expect(d).toHaveLength(1);
    expect(espacesSimples(d[0].message)).toContain("écriture ACH 1 (ligne 79) débit − crédit = 0,10 €");
  });

  test("lu en parties (comme les fils de la CLI), les écritures déséquilibrées sont les mêmes", () => {
    const octets = new Uint8Array(fs.readFileSync(fec));
    const seul = new LecteurFec();
    seul.pousser(octets);
    const attendu = seul.terminer();
    expect(attendu.desequilibres).toEqual([
      { journal: "ACH", ecritureNum: "1", ligne: 79, ecart: 10 },
      { journal: "ACH", ecritureNum: "2", ligne: 82, ecart: -7579 },
    ]);
    // Cut inside entry ACH 2 (after line 82) and further on.
    const coupe = (n: number) => {
      let k = 0;
      for (let i = 0; i < n; i++) k = octets.indexOf(10, k) + 1;
      return k;
    };
    const bornes = [0, coupe(82), coupe(3000), octets.length];
    const entete = analyserDebut(octets.subarray(0, bornes[1])).premiereLigne;
    const parties = bornes.slice(0, -1).map((debut, i) => {
      const l = i === 0 ? new LecteurFec() : new LecteurFec({ suite: { entete } });
      l.pousser(octets.subarray(debut, bornes[i + 1]));
      return l.terminerPartiel();
    });
    expect(assemblerFec(parties).desequilibres).toEqual(attendu.desequilibres);
  });
});
