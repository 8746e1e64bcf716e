import * as fs from "fs";
import * as iconv from "iconv-lite";
import * as os from "os";
import * as path from "path";
import type { ResultatFec } from "../../src/core/comptabilite/fec";

/**
 * The parallel reading of a large FEC (src/cli/commands/fec.ts, lireEnParallele): from 24 MiB the file is cut at
 * line ends, the first part read here and each other one by a worker thread that is given the header line (read
 * once, by the core's reading of a first line: mark dropped, separator kept) and guesses its own encoding; the
 * parts are then assembled (line numbers made global). Through the built CLI module (npm run build:cli: workers
 * run compiled JavaScript), real FEC files of tests/fixtures/fec-reel — a UTF-8 one with a BOM, a « | » one, one
 * with CRLF and CR line ends, and one in Windows-1252 — grown past the threshold by repeating their lines, read
 * with four threads and with one, give the same result.
 */
const REEL = path.join(__dirname, "../fixtures/fec-reel");
const MODULE = path.join(__dirname, "../../build/cli/commands/fec.js");
const SEUIL = 24 << 20;

type Fec = {
  lireFichierFec(chemin: string, opts?: object): Promise<ResultatFec>;
  jsonFec(r: ResultatFec): unknown;
  avertissementEncodageCli(f: ResultatFec["format"]): string | undefined;
};
let fec: Fec;
let dir: string;
let threads = 0;
// The module object itself (an `import * as` copy has read-only getters): the built module reads `Worker` from it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const workerThreads = require("worker_threads") as { Worker: typeof import("worker_threads").Worker };
const WorkerOrigine = workerThreads.Worker;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-fec-parallele-"));
  // Count the worker threads the reading starts (the built module reads `Worker` from this object at each use).
  workerThreads.Worker = class extends WorkerOrigine {
    constructor(...args: ConstructorParameters<typeof WorkerOrigine>) {
      super(...args);
      threads++;
    }
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fec = require(MODULE) as Fec;
});
afterAll(() => {
  workerThreads.Worker = WorkerOrigine;
  delete process.env.PRODBOOK_FEC_FILS;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The header line once, then the file's lines repeated until the file passes the parallel threshold. */
function agrandir(octets: Buffer, nom: string): string {
  const finEntete = octets.indexOf(10) + 1;
  let corps = octets.subarray(finEntete);
  if (corps[corps.length - 1] !== 10) corps = Buffer.concat([corps, Buffer.from("\r\n")]);
  const fois = Math.ceil((SEUIL + (1 << 20)) / corps.length);
  const f = path.join(dir, nom);
  fs.writeFileSync(f, Buffer.concat([octets.subarray(0, finEntete), ...Array<Buffer>(fois).fill(corps)]));
  return f;
}

async function lire(f: string, fils: string, opts?: object): Promise<{ r: ResultatFec; threads: number }> {
  process.env.PRODBOOK_FEC_FILS = fils;
  const avant = threads;
  const r = await fec.lireFichierFec(f, opts);
  return { r, threads: threads - avant };
}

const utf8 = (nom: string) => fs.readFileSync(path.join(REEL, nom));
const CAS: [string, () => Buffer, { separateur: string; encodage: string; bom: boolean }][] = [
  [
    "UTF-8 avec BOM, tabulation",
    () => utf8("0000000001FEC20220831.txt"),
    { separateur: "tab", encodage: "utf-8", bom: true },
  ],
  // ASCII only: no byte tells UTF-8, the reader names it Windows-1252 (the same characters).
  [
    "ASCII, « | »",
    () => utf8("111111111FEC20221231.TXT"),
    { separateur: "pipe", encodage: "windows-1252", bom: false },
  ],
  [
    "UTF-8, fins de ligne CRLF et CR",
    () => utf8("123456789FEC20500930.txt"),
    { separateur: "tab", encodage: "utf-8", bom: false },
  ],
  [
    "Windows-1252 (le FEC UTF-8 transcodé)",
    () => iconv.encode(utf8("000000000FEC20231231.txt").toString("utf8"), "windows-1252"),
    { separateur: "tab", encodage: "windows-1252", bom: false },
  ],
];

describe("lecture parallèle d'un grand FEC réel : en-tête lu une fois, encodage, séparateur", () => {
  it.each(CAS)(
    "%s : quatre fils = un fil",
    async (nom, octets, format) => {
      const f = agrandir(octets(), `${nom.replace(/\W+/g, "-")}.txt`);
      expect(fs.statSync(f).size).toBeGreaterThan(SEUIL);
      const seq = await lire(f, "1");
      const par = await lire(f, "4");
      // The parallel path really ran: three worker threads beside the main one; the sequential one started none.
      expect([seq.threads, par.threads]).toEqual([0, 3]);
      expect(seq.r.format).toMatchObject(format);
      expect(par.r).toEqual(seq.r);
      expect(fec.jsonFec(par.r)).toEqual(fec.jsonFec(seq.r));
      // The header is read once: no part took it for a data line, every line after it is one.
      expect(par.r.ecritures).toBeGreaterThan(100_000);
      expect(par.r.erreurs.filter((e) => /JournalCode/.test(e.message))).toEqual([]);
      expect(par.r.lignesDonnees).toBe(par.r.ecritures + par.r.erreurs.length);
    },
    120_000,
  );
});

describe("lecture parallèle et encodage imposé que les octets contredisent", () => {
  it("Windows-1252 lu avec utf-8 imposé : le fil du début le constate dans les octets qu'il lit", async () => {
    const octets = iconv.encode(utf8("000000000FEC20231231.txt").toString("utf8"), "windows-1252");
    const f = agrandir(octets, "windows-1252-impose-utf-8.txt");
    const par = await lire(f, "4", { encodage: "utf-8" });
    expect(par.threads).toBe(3);
    // « € » is 0x80 in Windows-1252, an invalid byte in UTF-8.
    expect(par.r.format.contradictionEncodage).toEqual({
      force: "utf-8",
      montre: "windows-1252",
      attendu: "€",
      lu: "\ufffd",
    });
    expect(fec.avertissementEncodageCli(par.r.format)).toBe(
      "Le fichier ne semble pas encodé en UTF-8 : « € » (en Windows-1252) est lu « \ufffd » ; l'encodage UTF-8 " +
        "imposé par --encodage est gardé : retirez --encodage ou indiquez --encodage windows-1252 si les libellés sont " +
        "mal lus.",
    );
  }, 120_000);
});

describe("lecture parallèle d'un FEC UTF-8 dont une partie commence par un octet invalide", () => {
  it("quatre fils = un fil : lu en UTF-8, l'alerte « Octets invalides en UTF-8 » dite (avant : relu en Windows-1252 sans un mot)", async () => {
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
      "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n";
    const ecriture = (n: number, compteLib: string, lib: string) =>
      `AC|Achats|A${n}|20240105|401000|${compteLib}|||P${n}|20240105|${lib}|0,00|10,00||||||\n` +
      `AC|Achats|A${n}|20240105|606400|Achats|||P${n}|20240105|${lib}|10,00|0,00||||||\n`;
    const n = Math.ceil((SEUIL + (1 << 20)) / ecriture(1_000_000, "Fournisseur", "Location camera").length);
    const invalide = Math.floor(n * 0.9); // in the last of four parts, whose first non-ASCII byte it is
    const morceaux = [Buffer.from(entete + ecriture(1, "Fournisseur été", "Régie"), "utf8")];
    for (let k = 2; k <= n; k++)
      morceaux.push(
        k === invalide
          ? Buffer.from(ecriture(k, "Fournisseur été", "Location cam\u00e9ra"), "latin1") // « é » as byte E9
          : Buffer.from(ecriture(k, "Fournisseur", "Location camera"), "ascii"),
      );
    const f = path.join(dir, "utf8-octet-invalide-en-fin.txt");
    fs.writeFileSync(f, Buffer.concat(morceaux));
    const seq = await lire(f, "1");
    const par = await lire(f, "4");
    expect([seq.threads, par.threads]).toEqual([0, 3]);
    expect(par.r.format.encodage).toBe("utf-8");
    expect(par.r.comptes.get("401000")?.libelle).toBe("Fournisseur été");
    expect(par.r.alertes.map((a) => a.message)).toContain(
      "Octets invalides en UTF-8 : des caractères ont été remplacés par « \ufffd ». Essayez l'encodage Windows-1252.",
    );
    expect(par.r).toEqual(seq.r);
  }, 180_000);

  it("quatre fils = un fil : un « � » en UTF-8 valide dans la dernière partie, une alerte à sa ligne du fichier", async () => {
    const entete =
      "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
      "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\n";
    const ecriture = (n: number, lib: string) =>
      `AC|Achats|A${n}|20240105|401000|Fournisseur|||P${n}|20240105|${lib}|0,00|10,00||||||\n` +
      `AC|Achats|A${n}|20240105|606400|Achats|||P${n}|20240105|${lib}|10,00|0,00||||||\n`;
    const n = Math.ceil((SEUIL + (1 << 20)) / ecriture(1_000_000, "Location camera").length);
    const abimee = Math.floor(n * 0.9);
    const morceaux = [Buffer.from(entete + ecriture(1, "Régie été"), "utf8")];
    for (let k = 2; k <= n; k++)
      morceaux.push(Buffer.from(ecriture(k, k === abimee ? "Facture n\ufffd 12" : "Location camera"), "utf8"));
    const f = path.join(dir, "utf8-remplacement-en-fin.txt");
    fs.writeFileSync(f, Buffer.concat(morceaux));
    const seq = await lire(f, "1");
    const par = await lire(f, "4");
    expect([seq.threads, par.threads]).toEqual([0, 3]);
    // Header line 1, entry k on lines 2k and 2k + 1.
    expect(par.r.alertes.filter((a) => a.message.includes("\ufffd"))).toEqual([
      {
        ligne: 2 * abimee,
        message:
          "Caractère de remplacement « \ufffd » présent dans le fichier (le texte a déjà été abîmé par un logiciel " +
          "précédent, qui ne savait pas lire une lettre) : la ligne est lue telle quelle. Corrigez le libellé à la " +
          "source si besoin.",
      },
    ]);
    expect(par.r).toEqual(seq.r);
  }, 180_000);
});

describe("lecture parallèle d'exports mis bout à bout (en-tête répété, écritures en double)", () => {
  it("quatre fils = un fil : chaque en-tête répété nommé, chaque copie en double, les totaux comme le fichier", async () => {
    let octets = utf8("000000000FEC20231231.txt");
    if (octets[octets.length - 1] !== 10) octets = Buffer.concat([octets, Buffer.from("\n")]);
    const fois = Math.ceil((SEUIL + (1 << 20)) / octets.length);
    const f = path.join(dir, "exports-bout-a-bout.txt");
    fs.writeFileSync(f, Buffer.concat(Array<Buffer>(fois).fill(octets)));
    const seul = await lire(path.join(REEL, "000000000FEC20231231.txt"), "1");
    const seq = await lire(f, "1");
    const par = await lire(f, "4");
    expect([seq.threads, par.threads]).toEqual([0, 3]);
    expect(par.r).toEqual(seq.r);
    expect(fec.jsonFec(par.r)).toEqual(fec.jsonFec(seq.r));
    const lignesParCopie = octets.toString("latin1").split("\n").length - 1;
    expect(par.r.entetesRepetes).toEqual(Array.from({ length: fois - 1 }, (_, k) => (k + 1) * lignesParCopie + 1));
    expect(par.r.erreurs).toEqual(seul.r.erreurs.length ? expect.any(Array) : []);
    // Nothing dropped: the file's arithmetic, and what it counts twice named.
    expect(par.r.debit).toBe(seul.r.debit * fois);
    expect(par.r.doublons!.debit).toBe(seul.r.debit * (fois - 1));
    expect(par.r.doublons!.ecritures[0]).toMatchObject({
      premieres: { du: 2 },
      lignes: { du: lignesParCopie + 2 },
    });
    const j = fec.jsonFec(par.r) as { doublons: { debit: string }; entetesRepetes: number[] };
    expect(j.doublons.debit).toBe(((seul.r.debit * (fois - 1)) / 100).toFixed(2));
    expect(j.entetesRepetes).toHaveLength(fois - 1);
  }, 180_000);
});
