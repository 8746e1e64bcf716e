import * as fs from "fs";
import * as path from "path";
import { ArgumentInvalideError } from "../../src/app/arguments";
import {
  GrandLivreNonReconnuError,
  lireFecDepuis,
  lireMappingTexte,
  MappingInvalideError,
  resumeFec,
  verifierOptionsFec,
  vueFec,
  type SourceFec,
} from "../../src/app/commandes/fec";
import { FecFormatError, LecteurFec } from "../../src/core/comptabilite/fec";
import { lireFichierFec } from "../../src/cli/commands/fec";
import { milliers } from "../../src/core/util/texte";

/**
 * The FEC use case (src/app/commandes/fec.ts) on the real FEC files of tests/fixtures/fec-reel, its bytes given in
 * memory as the pane gives a Blob's: the figures an independent reading of the text gives, the same view and summary
 * as `prodbook fec` reading the file from disk (src/cli), and the refusals of what is no FEC.
 */
const DOSSIER = path.resolve(__dirname, "../fixtures/fec-reel");

/** A source in memory: the FEC read in two parts cut at a line end, as the CLI's threads cut a large file. */
function enMemoire(nom: string, octets: Uint8Array, enDeux = true): SourceFec {
  return {
    nom,
    debut: () => octets.subarray(0, 4096),
    tout: () => octets,
    parties: async (opts) => {
      const finEntete = octets.indexOf(10) + 1;
      const milieu = octets.indexOf(10, Math.floor(octets.length / 2)) + 1;
      if (!enDeux || finEntete <= 0 || milieu <= finEntete) {
        const l = new LecteurFec(opts);
        l.pousser(octets);
        return [l.terminerPartiel()];
      }
      const premier = new LecteurFec(opts);
      premier.pousser(octets.subarray(0, milieu));
      const entete = new TextDecoder()
        .decode(octets.subarray(0, finEntete))
        .replace(/^\uFEFF/, "")
        .replace(/\r*\n$/, "");
      const second = new LecteurFec({ ...opts, suite: { entete } });
      second.pousser(octets.subarray(milieu));
      return [premier.terminerPartiel(), second.terminerPartiel()];
    },
  };
}

/** Debit and credit of the file summed from its text (split on the separator, amounts « 1234,56 »), in cents. */
function sommes(octets: Uint8Array) {
  const lignes = Buffer.from(octets)
    .toString("latin1")
    .split(/\r*\n|\r/)
    .filter((l) => l.trim() !== "");
  const sep = lignes[0].includes("\t") ? "\t" : "|";
  const noms = lignes[0].split(sep).map((n) => n.trim().toLowerCase());
  const centimes = (s: string) => {
    const [e, d = ""] = s.trim().split(",");
    return Number(e || "0") * 100 + Number((d + "00").slice(0, 2));
  };
  let debit = 0;
  let credit = 0;
  for (const l of lignes.slice(1)) {
    const c = l.split(sep);
    debit += centimes(c[noms.indexOf("debit")]);
    credit += centimes(c[noms.indexOf("credit")]);
  }
  return { donnees: lignes.length - 1, debit: (debit / 100).toFixed(2), credit: (credit / 100).toFixed(2) };
}

describe("lecture d'un FEC (cas d'usage partagé par le volet et la CLI)", () => {
  test.each([
    ["0000000001FEC20220831.txt", "tab", 18],
    ["111111111FEC20221231.TXT", "pipe", 18],
    ["123456789FEC20500930.txt", "tab", 18],
  ])("%s : les chiffres du texte, et ceux de `prodbook fec`", async (fichier, separateur, colonnes) => {
    const chemin = path.join(DOSSIER, fichier);
    const octets = new Uint8Array(fs.readFileSync(chemin));
    const attendu = sommes(octets);
    const vue = vueFec((await lireFecDepuis(enMemoire(fichier, octets))).resultat);
    expect(vue.format).toMatchObject({ separateur, montants: "debit-credit", colonnes });
    expect(vue.erreurs).toEqual([]);
    expect(vue.lignesImportees).toBe(attendu.donnees);
    expect([vue.debit, vue.credit]).toEqual([attendu.debit, attendu.credit]);
    expect(vue.debit).toBe(vue.credit);
    const parClasse = Object.values(vue.parClasse);
    const total = (k: "debit" | "credit") => parClasse.reduce((s, v) => s + Math.round(Number(v[k]) * 100), 0);
    expect([total("debit"), total("credit")]).toEqual([
      Math.round(Number(vue.debit) * 100),
      Math.round(Number(vue.credit) * 100),
    ]);
    // The CLI's door (the file from disk) gives the same view: one use case, one result.
    expect(vueFec(await lireFichierFec(chemin))).toEqual(vue);
    // Cut in two parts or read whole: the same figures.
    expect(vueFec((await lireFecDepuis(enMemoire(fichier, octets, false))).resultat)).toEqual(vue);
  });

  test("le résumé en français : format, lignes, totaux équilibrés, comptes, classes", async () => {
    const fichier = "0000000001FEC20220831.txt";
    const { resultat: r } = await lireFecDepuis(
      enMemoire(fichier, new Uint8Array(fs.readFileSync(path.join(DOSSIER, fichier)))),
    );
    const lignes = resumeFec(fichier, r);
    expect(lignes[0]).toBe(`FEC ${fichier}`);
    expect(lignes[1]).toMatch(/^ {2}Format : séparateur tabulation, UTF-8 \(BOM\), Debit\/Credit, 18 colonnes$/);
    // Distinct entries JournalCode + EcritureNum counted from the text.
    const texte = fs.readFileSync(path.join(DOSSIER, fichier), "utf8").replace(/^\uFEFF/, "");
    const cles = new Set(
      texte
        .split(/\r*\n/)
        .slice(1)
        .filter((l) => l.trim())
        .map((l) => l.split("\t"))
        .map((c) => `${c[0]}\t${c[2]}`),
    );
    // (the number and its word joined by a no-break space, as every count of the summary)
    expect(lignes[2].replace(/\u00a0/g, " ")).toBe(
      `  Lignes importées : ${milliers(5422)} sur ${milliers(5422)} lignes de données (0 rejetée), ` +
        `${milliers(cles.size)} écritures (JournalCode + EcritureNum)`,
    );
    expect(lignes[3]).toMatch(/équilibré\)$/);
    expect(lignes[4]).toBe(`  Comptes : ${milliers(r.comptes.size)}`);
    expect(lignes.filter((l) => l.startsWith("    classe "))).toHaveLength(r.parClasse.size);
    expect(lignes.some((l) => l.includes("Lignes rejetées"))).toBe(false);
  });

  test("une archive zip n'est pas lue comme un FEC : un classeur .xlsx ou .ods est à enregistrer en texte, une autre archive à décompresser", async () => {
    const lire = (nom: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/hostiles", nom)));
    // Before: « décompressez-le » for a workbook picked by mistake, which unzipped gives XML, not the ledger.
    await expect(lireFecDepuis(enMemoire("prefixes-xml.xlsx", lire("prefixes-xml.xlsx")))).rejects.toThrow(
      new FecFormatError(
        "prefixes-xml.xlsx n'est pas un FEC lisible : c'est un classeur Excel (.xlsx), pas un fichier texte : ouvrez-le " +
          "dans Excel et enregistrez-le en texte (Fichier › Enregistrer sous › Texte (séparateur : tabulation) ou CSV).",
      ),
    );
    await expect(lireFecDepuis(enMemoire("classeur.ods", lire("classeur.ods")))).rejects.toThrow(
      new FecFormatError(
        "classeur.ods n'est pas un FEC lisible : c'est un classeur OpenDocument (.ods), pas un fichier texte : " +
          "ouvrez-le et enregistrez-le en texte (.txt ou .csv).",
      ),
    );
    // Saved by LibreOffice: « _rels/.rels » first, each part's size after its data. Before: « décompressez-la ».
    await expect(lireFecDepuis(enMemoire("libreoffice.xlsx", lire("libreoffice.xlsx")))).rejects.toThrow(
      "libreoffice.xlsx n'est pas un FEC lisible : c'est un classeur Excel (.xlsx)",
    );
    // A zip holding no workbook (a compressed FEC, say): to unzip.
    await expect(lireFecDepuis(enMemoire("fec.zip", lire("zip-sans-classeur.xlsx")))).rejects.toThrow(
      new FecFormatError(
        "fec.zip n'est pas un FEC lisible : c'est une archive zip (un fichier compressé), pas un fichier texte : " +
          "décompressez-la et donnez le fichier qu'elle contient.",
      ),
    );
  });

  test("un CSV aux colonnes inconnues : ni FEC ni grand livre reconnu, nommé", async () => {
    const csv = new TextEncoder().encode("Nom;Ville;Âge\nDupont;Paris;42\n");
    const lu = lireFecDepuis(enMemoire("clients.csv", csv));
    await expect(lu).rejects.toBeInstanceOf(GrandLivreNonReconnuError);
    await expect(lireFecDepuis(enMemoire("clients.csv", csv))).rejects.toThrow(/^clients\.csv : ni FEC/);
  });

  test("les options : un encodage inconnu refusé, une correspondance de colonnes lue ou refusée en français", () => {
    expect(() => verifierOptionsFec({ encodage: "latin9" as never })).toThrow(ArgumentInvalideError);
    expect(verifierOptionsFec({})).toEqual({});
    expect(lireMappingTexte('\uFEFF{ "colonnes": { "compte": "Compte", "date": "Date" } }', "m.json")).toEqual({
      colonnes: { compte: "Compte", date: "Date" },
    });
    expect(() => lireMappingTexte("  \n", "m.json")).toThrow(
      /^Correspondance de colonnes illisible \(m\.json\) : le fichier est vide/,
    );
    expect(() => lireMappingTexte('{\n  "colonnes": {\n', "m.json")).toThrow(MappingInvalideError);
    expect(() => lireMappingTexte('{ "colonnes": { "compte": "Compte" } }', "m.json")).toThrow(
      /^m\.json : correspondance de colonnes attendue/,
    );
  });
});
