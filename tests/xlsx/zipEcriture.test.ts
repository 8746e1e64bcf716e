import { execFile } from "child_process";
import { createWriteStream, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { Writable } from "stream";
import { promisify } from "util";
import JSZip from "jszip";
import { ecrireZip, type EntreeAEcrire } from "../../src/xlsx/zipEcriture";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "prodbook-zip-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const DATE = new Date(Date.UTC(2026, 11, 4, 15, 30, 42));

/** Pieces of a large, repetitive part (rows), as a sheet's rows are generated. */
function* lignes(n: number): Generator<Buffer> {
  for (let i = 0; i < n; i++)
    yield Buffer.from(`<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>Poste ${i} « é »</t></is></c></row>`);
}

const texteLignes = (n: number) => Buffer.concat([...lignes(n)]).toString("utf8");

describe("ecrireZip", () => {
  it("writes a zip that JSZip (CRC checked) and unzip -t read back: buffers, an empty part, generated pieces", async () => {
    const p = path.join(dir, "a.zip");
    const entrees: EntreeAEcrire[] = [
      { nom: "[Content_Types].xml", date: DATE, donnees: Buffer.from("<Types/>") },
      { nom: "vide.txt", date: DATE, donnees: Buffer.alloc(0) },
      { nom: "xl/worksheets/sheet1.xml", date: DATE, donnees: lignes(20000) },
      {
        nom: "xl/comments1.xml",
        date: DATE,
        donnees: (async function* () {
          yield Buffer.from("<comments>");
          yield Buffer.from("</comments>");
        })(),
      },
    ];
    await ecrireZip(entrees, createWriteStream(p));
    const zip = await JSZip.loadAsync(await fs.readFile(p), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual([
      "[Content_Types].xml",
      "vide.txt",
      "xl/worksheets/sheet1.xml",
      "xl/comments1.xml",
    ]);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toBe("<Types/>");
    expect(await zip.file("vide.txt")!.async("string")).toBe("");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(texteLignes(20000));
    expect(await zip.file("xl/comments1.xml")!.async("string")).toBe("<comments></comments>");
    expect(zip.file("xl/worksheets/sheet1.xml")!.date.toISOString()).toBe("2026-12-04T15:30:42.000Z");
    // Deflated: 20 000 repetitive rows take far less than their 1.8 MB.
    expect((await fs.stat(p)).size).toBeLessThan(texteLignes(20000).length / 5);
    const { stdout } = await promisify(execFile)("unzip", ["-t", p]);
    expect(stdout).toMatch(/No errors detected/);
  });

  it("into any writable (a workbook kept in memory), the same bytes as into a file", async () => {
    const entrees = (): EntreeAEcrire[] => [
      { nom: "a.xml", date: DATE, donnees: Buffer.from("<a/>") },
      { nom: "b.xml", date: DATE, donnees: lignes(500) },
    ];
    const morceaux: Buffer[] = [];
    await ecrireZip(
      entrees(),
      new Writable({
        write(c: Buffer, _e, fini) {
          morceaux.push(c);
          fini();
        },
      }),
    );
    const p = path.join(dir, "b.zip");
    await ecrireZip(entrees(), createWriteStream(p));
    expect(Buffer.concat(morceaux).equals(await fs.readFile(p))).toBe(true);
  });

  it("rejects with a generated part's own error, the stream closed (its file can be removed)", async () => {
    const p = path.join(dir, "echec.zip");
    const sortie = createWriteStream(p);
    function* casse(): Generator<Buffer> {
      yield Buffer.from("<row/>");
      throw new Error("12 lignes générées au lieu de 13");
    }
    await expect(
      ecrireZip(
        [
          { nom: "a.xml", date: DATE, donnees: Buffer.from("<a/>") },
          { nom: "b.xml", date: DATE, donnees: casse() },
        ],
        sortie,
      ),
    ).rejects.toThrow("12 lignes générées au lieu de 13");
    expect(sortie.closed).toBe(true);
    await fs.rm(p, { force: true });
    await expect(fs.stat(p)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("rejects with the stream's error when the file cannot be created", async () => {
    const p = path.join(dir, "absent", "c.zip");
    await expect(
      ecrireZip([{ nom: "a.xml", date: DATE, donnees: lignes(10) }], createWriteStream(p)),
    ).rejects.toMatchObject({ code: "ENOENT" });
  });
});
