import * as fc from "fast-check";
import { cents } from "../../../src/core/money";
import { devinerMapping, lireFec, lireGrandLivreCsv, type ResultatFec } from "../../../src/core/comptabilite/fec";
import {
  correspondancesParDefaut,
  CorrespondancesError,
  ecrireCorrespondancesCsv,
  feuilleCorrespondances,
  lireCorrespondancesCsv,
  lireFichierCorrespondances,
  lireFeuilleCorrespondances,
  posteDe,
} from "../../../src/core/comptabilite/correspondances";
import { calculerRealise, lignesEnBref } from "../../../src/core/comptabilite/realise";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";

describe("correspondances compte → poste", () => {
  test("le préfixe le plus long l'emporte, quel que soit l'ordre des lignes", () => {
    const t = lireCorrespondancesCsv("compte;poste\n6;9\n64;2\n6413;3\n641;2.1\n645;4\n");
    expect(["641100", "641300", "642000", "645100", "606400", "701000"].map((c) => posteDe(t, c))).toEqual([
      "2.1",
      "3",
      "2",
      "4",
      "9",
      undefined,
    ]);
  });

  test("propriété : le poste trouvé est celui du plus long préfixe qui convient", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^6[0-9]{0,4}$/), { minLength: 1, maxLength: 12 }),
        fc.stringMatching(/^6[0-9]{5}$/),
        (prefixes, compte) => {
          const csv = "compte;poste\n" + prefixes.map((p, i) => `${p};${i + 1}`).join("\n");
          const t = lireCorrespondancesCsv(csv);
          const candidats = prefixes.map((p, i) => ({ p, poste: String(i + 1) })).filter((x) => compte.startsWith(x.p));
          const attendu = candidats.sort((a, b) => b.p.length - a.p.length)[0]?.poste;
          expect(posteDe(t, compte)).toBe(attendu);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("CSV : erreurs en français avec le nom du fichier et la ligne", () => {
    const err = (csv: string) => {
      try {
        lireCorrespondancesCsv(csv, "corr.csv");
      } catch (e) {
        expect(e).toBeInstanceOf(CorrespondancesError);
        return (e as Error).message;
      }
      throw new Error("pas d'erreur");
    };
    expect(err("compte,poste\n641,2\n")).toBe(
      "corr.csv, ligne 1 : en-tête « compte,poste » inattendu ; attendu « compte;poste » (séparateur point-virgule).",
    );
    expect(err("compte;poste\n641;2\n\n64A-1;3\n")).toBe(
      "corr.csv, ligne 4 : « 64A-1 » n'est pas un début de numéro de compte (ex. 6411) ni « section:CODE ».",
    );
    expect(err("compte;poste\n641;2\n641;3\n")).toBe(
      "corr.csv, ligne 3 : « 641 » figure déjà ligne 2 (un préfixe ne peut aller qu'à un poste).",
    );
    expect(err("compte;poste\n641;\n")).toBe("corr.csv, ligne 2 : poste vide pour « 641 ».");
    expect(err("compte;poste\n641\n")).toBe("corr.csv, ligne 2 : « 641 » n'a pas deux colonnes séparées par « ; ».");
    expect(err("")).toMatch(/fichier vide/);
  });

  test('CSV lu par papaparse : un libellé entre guillemets avec « ; », « "" » ou un saut de ligne ; la ligne physique nommée', () => {
    const t = lireCorrespondancesCsv(
      'compte;poste;libelle\n611;7.1;"Sous-traitance ; prestations"\n6135;7.2;"Location\ncaméra ""A"""\n641;2\n',
    );
    expect(t.comptes.map((c) => [c.cle, c.poste, c.libelle, c.ligne])).toEqual([
      ["611", "7.1", "Sous-traitance ; prestations", 2],
      ["6135", "7.2", 'Location\ncaméra "A"', 3],
      ["641", "2", undefined, 5],
    ]);
    // After a field spanning two lines, errors still name the line of the file.
    const err = () => lireCorrespondancesCsv('compte;poste;libelle\n611;7.1;"a\nb"\n64A-1;3\n', "corr.csv");
    expect(err).toThrow("corr.csv, ligne 4 : « 64A-1 » n'est pas un début de numéro de compte");
    expect(() => lireCorrespondancesCsv('compte;poste\n641;2\n611;"7.1\n', "corr.csv")).toThrow(
      /^corr\.csv, ligne 3 : guillemet non fermé/,
    );
    // Written back, the « ; » and the quote survive the round trip.
    const relu = lireCorrespondancesCsv(ecrireCorrespondancesCsv(t));
    expect(relu.comptes.map((c) => c.libelle)).toEqual(t.comptes.map((c) => c.libelle));
  });

  test("CSV : ce qui n'est pas lu est dit (alerte), la table est lue quand même", () => {
    const messages = (t: string) => lireFichierCorrespondances(t, "c.csv").alertes.map((a) => a.message);
    // Nothing left out: no alerte (a libellé without header name, trailing empty fields of a spreadsheet export).
    expect(messages("compte;poste\n641;2;Salaires\n")).toEqual([]);
    expect(messages("compte;poste;libellé;;\n641;2;Salaires;;\n")).toEqual([]);
    expect(lireCorrespondancesCsv("compte;poste\n641;2;Salaires\n").comptes[0].libelle).toBe("Salaires");
    // A third column under another name is not a libellé: ignored, and said.
    const r = lireFichierCorrespondances("compte;poste;Responsable;Note\n641;2;Anne;ok\n", "c.csv");
    expect(r.table.comptes.map((c) => [c.cle, c.poste, c.libelle])).toEqual([["641", "2", undefined]]);
    expect(r.alertes).toEqual([
      {
        regle: "correspondances-colonnes",
        gravite: "alerte",
        message:
          "c.csv, ligne 1 : colonnes « Responsable » (C), « Note » (D) ignorées ; seules « compte », « poste » et « libellé » sont lues.",
      },
    ]);
    // A libellé holding an unquoted « ; » is cut: the rest is named with its line.
    expect(messages("compte;poste;libelle\n# commentaire;x;y;z\n625;6;Déplacements; repas; hôtel\n")).toEqual([
      "c.csv, ligne 3 : 5 champs pour 3 colonnes dans l'en-tête ; « repas;hôtel » ignoré (colonne D et suivantes). " +
        "Un libellé qui contient « ; » s'écrit entre guillemets.",
    ]);
    // compte or poste missing stays an error.
    expect(() => lireFichierCorrespondances("compte;libelle;poste\n641;x;2\n", "c.csv")).toThrow(CorrespondancesError);
  });

  test("table par défaut PCG (donnée datée et sourcée) ; aller-retour CSV et feuille « Correspondances »", async () => {
    const d = correspondancesParDefaut("2026-01-01");
    expect(d.source).toMatchObject({ id: "correspondances-pcg", confiance: "L" });
    expect(posteDe(d, "651600")).toBe("1");
    expect(posteDe(d, "641100")).toBe("2");
    expect(posteDe(d, "641200")).toBe("4");
    expect(posteDe(d, "645300")).toBe("4");
    expect(posteDe(d, "613500")).toBe("7");
    expect(posteDe(d, "661100")).toBe("FF");
    const csv = lireCorrespondancesCsv(ecrireCorrespondancesCsv(d));
    expect(csv.comptes.map((c) => [c.cle, c.poste])).toEqual(d.comptes.map((c) => [c.cle, c.poste]));
    const wb = new MemoryWorkbook({});
    await wb.writeSheets([
      feuilleCorrespondances({ ...d, sections: [{ type: "section", cle: "TOURNAGE", poste: "2.3" }] }),
    ]);
    const relue = lireFeuilleCorrespondances((await wb.readSheet("Correspondances"))!);
    expect(relue.comptes.length).toBe(d.comptes.length);
    expect(relue.sections).toEqual([expect.objectContaining({ cle: "TOURNAGE", poste: "2.3" })]);
    expect(posteDe(relue, "641100", "tournage")).toBe("2.3");
  });
});

describe("réalisé par poste et conservation de la classe 6", () => {
  const E =
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
  const ligne = (compte: string, d: number, c: number) =>
    `AC\tA\t1\t20240101\t${compte}\tL${compte}\t\t\tP\t20240101\tx\t${(d / 100).toFixed(2).replace(".", ",")}\t${(c / 100).toFixed(2).replace(".", ",")}\t\t\t20240101\t\t`;

  test("un avoir réduit le réalisé ; les comptes sans poste sont listés avec leur total", () => {
    const fec = lireFec(
      [
        E,
        ligne("611000", 980000, 0),
        ligne("611000", 0, 30000),
        ligne("606400", 8590, 0),
        ligne("401000", 0, 958590),
      ].join("\n"),
    );
    const r = calculerRealise(fec, lireCorrespondancesCsv("compte;poste\n611;8\n"));
    expect(Object.fromEntries(r.parPoste)).toEqual({ "8": 950000 });
    // With the line it was read on (header = 1), as `prodbook ecarts` prints it.
    expect(r.nonAffectes).toEqual([
      { compte: "606400", libelle: "L606400", total: 8590, lignes: [4], nombreLignes: 1 },
    ]);
    expect([r.classe6, r.affecte, r.totalNonAffecte, r.conserve]).toEqual([958590, 950000, 8590, true]);
    expect(r.constats.map((c) => c.regle)).toEqual(["comptes-non-affectes"]);
    // Where it was read: line 4 of the file (header = 1), account 606400.
    expect(r.constats[0].fec).toEqual({ lignes: [4], nombreLignes: 1, comptes: ["606400"] });
    expect(r.constats[0].message).toContain(" : 606400 (ligne 4 du FEC). Complétez");
  });

  test("comptes sans poste : leurs premières lignes du fichier, toutes comptées, qu'elles soient gardées ou non", () => {
    // 606400 on 12 lines, 618000 on one; the others mapped. Lines 2…: the header is line 1.
    const lignes = [E];
    for (let i = 0; i < 14; i++) lignes.push(ligne(i === 5 ? "618000" : i % 7 === 3 ? "611000" : "606400", 1000, 0));
    const attendu = lignes
      .map((l, i) => ({ l, n: i + 1 }))
      .filter(({ l }) => /\t(606400|618000)\t/.test(l))
      .map(({ n }) => n);
    expect(attendu).toHaveLength(12);
    for (const conserver of [false, true]) {
      const r = calculerRealise(
        lireFec(lignes.join("\n"), { conserver }),
        lireCorrespondancesCsv("compte;poste\n611;8\n"),
      );
      const c = r.constats.find((x) => x.regle === "comptes-non-affectes");
      expect(c?.fec).toEqual({ lignes: attendu.slice(0, 10), nombreLignes: 12, comptes: ["606400", "618000"] });
      expect(c?.message).toContain(`(12\u00a0lignes du FEC : ${attendu.slice(0, 10).join(", ")}…)`);
      expect(c?.message).not.toMatch(/\)\)/);
      // Each account its own: 606400's first ten lines of eleven, 618000's one.
      const parCompte = attendu.filter((n) => n !== 7);
      expect(r.nonAffectes.map((x) => [x.compte, x.lignes, x.nombreLignes])).toEqual([
        ["606400", parCompte.slice(0, 10), 11],
        ["618000", [7], 1],
      ]);
      expect(r.nonAffectes.map((x) => lignesEnBref(x.lignes!, x.nombreLignes!))).toEqual([
        `lignes ${parCompte.slice(0, 3).join(", ")}… (11\u00a0lignes)`,
        "ligne 7",
      ]);
    }
  });

  test("avec des sections analytiques : les lignes de la seule section sans poste", () => {
    // A CSV ledger with sections, kept line by line: 641100 is mapped in section TOURNAGE only.
    const csv = [
      "Date;Compte;Section;Débit;Crédit",
      "05/01/2024;641100;TOURNAGE;100,00;",
      "05/01/2024;641100;BUREAU;50,00;",
      "06/01/2024;641100;TOURNAGE;10,00;",
      "06/01/2024;641100;BUREAU;5,00;",
    ].join("\n");
    const gl = lireGrandLivreCsv(csv, devinerMapping(csv.split("\n")[0].split(";"))!, { conserver: true });
    const r = calculerRealise(gl, lireCorrespondancesCsv("compte;poste\nsection:TOURNAGE;2.3\n"));
    expect(Object.fromEntries(r.parPoste)).toEqual({ "2.3": 11000 });
    const c = r.constats.find((x) => x.regle === "comptes-non-affectes");
    expect(c?.fec).toEqual({ lignes: [3, 5], nombreLignes: 2, comptes: ["641100"] });
    expect(c?.message).toContain("(lignes 3 et 5 du grand livre)");
    // The account's lines placed in no poste, not its lines of section TOURNAGE.
    expect(r.nonAffectes).toMatchObject([{ compte: "641100", lignes: [3, 5], nombreLignes: 2 }]);
    expect(lignesEnBref([3, 5], 2)).toBe("lignes 3 et 5");
  });

  test("lignes rejetées à la lecture : nommées dans une erreur, jamais perdues en silence", () => {
    const fec = lireFec(
      [E, ligne("611000", 1000, 0), ligne("611000", 500, 0).replace("20240101", "20240231")].join("\n"),
    );
    const r = calculerRealise(fec, lireCorrespondancesCsv("compte;poste\n611;8\n"));
    expect(r.classe6).toBe(1000);
    expect(r.constats).toEqual([
      {
        regle: "lignes-fec-rejetees",
        gravite: "erreur",
        message:
          "1\u00a0ligne du grand livre rejetée à la lecture, absente du réalisé : ligne 3 du FEC. " +
          "Ligne 3 rejetée : EcritureDate « 20240231 » n'est pas une date AAAAMMJJ valide. Corrigez l'export " +
          "comptable puis relancez le rapprochement.",
        // Where it comes from: the file's line (header = 1), no account (the line was refused before).
        fec: { lignes: [3], nombreLignes: 1, comptes: [] },
      },
      {
        // The file's only imported line is a debit with no credit: its entry does not balance, said too.
        regle: "fec-ecritures-desequilibrees",
        gravite: "alerte",
        message:
          "1\u00a0écriture du FEC déséquilibrée (débit ≠ crédit, 10,00\u00a0€ d'écarts en valeur absolue) : écriture AC 1 (ligne 2) " +
          "débit − crédit = 10,00\u00a0€. Le réalisé est lu tel que le fichier l'écrit : vérifiez l'export comptable " +
          "(une ligne manquante ?) puis relancez le rapprochement.",
        fec: { lignes: [2], nombreLignes: 1, comptes: [] },
      },
    ]);
  });

  test("propriété : classe 6 nette = affecté + non affecté, pour toute table et tout grand livre", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[1-7][0-9]{5}$/), fc.nat(10_000_000), fc.nat(10_000_000)), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.uniqueArray(fc.stringMatching(/^6[0-9]{0,3}$/), { maxLength: 8 }),
        (ecritures, prefixes) => {
          const fec: ResultatFec = lireFec([E, ...ecritures.map(([c, d, cr]) => ligne(c, d, cr))].join("\n"));
          // No prefix at all: an empty table (a file with its header only is refused, tested in tests/cli).
          const t = prefixes.length
            ? lireCorrespondancesCsv("compte;poste\n" + prefixes.map((p, i) => `${p};${i + 1}`).join("\n"))
            : { comptes: [], sections: [] };
          const r = calculerRealise(fec, t);
          const attendu = ecritures.filter(([c]) => c.startsWith("6")).reduce((s, [, d, cr]) => s + d - cr, 0);
          expect(r.classe6).toBe(cents(attendu));
          expect(r.affecte + r.totalNonAffecte).toBe(attendu);
          expect(r.conserve).toBe(true);
          // Every line accounted for: the class-6 ones attributed or without poste, the others ignored.
          const six = ecritures.filter(([c]) => c.startsWith("6")).length;
          expect(r.lignes).toEqual({
            lues: ecritures.length,
            affectees: six - r.lignes.sansPoste,
            sansPoste: r.lignes.sansPoste,
            ignorees: ecritures.length - six,
            horsClasse6: ecritures.length - six,
            rejetees: 0,
            vides: 0,
            conserve: true,
          });
          const sansPoste = ecritures.filter(([c]) => c.startsWith("6") && !prefixes.some((p) => c.startsWith(p)));
          expect(r.lignes.sansPoste).toBe(sansPoste.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
