/**
 * A FEC in UTF-8 whose one EcritureLib holds bytes that are not UTF-8 (« Location cam\xE9ra », a Windows-1252 « é »
 * pasted into a UTF-8 export). `prodbook ecarts --json` (the lines not kept: only the fields the summary needs are
 * decoded) and `prodbook ecarts -o` (every field decoded for the Grand livre sheet) used to disagree: only -o named the
 * invalid bytes. Both now check every byte read as UTF-8, and report the same findings: same gravity, same message,
 * same count, in the JSON, the text output and the Écarts sheet.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const dossier = dossierTemporaire("ecarts-fec-octets-invalides-");
const ENTETE =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
const INVALIDE =
  "Octets invalides en UTF-8 : des caractères ont été remplacés par « � ». Essayez l'encodage Windows-1252.";

/** One FEC line as UTF-8 bytes, its EcritureLib given as bytes. */
const ligne = (num: number, compte: string, lib: Buffer, debit: string, credit: string) =>
  Buffer.concat([
    Buffer.from(`AC|Achats|AC${num}|20240115|${compte}|Locations mobilières|||F${num}|20240115|`, "utf8"),
    lib,
    Buffer.from(`|${debit}|${credit}|||20240120||`, "utf8"),
  ]);

/**
 * `entrees` balanced entries (613500 debit 10,00 € / 401000 credit) with accented labels in UTF-8; the last entry's
 * debit line has an EcritureLib with a lone byte E9 and the pair C3 28, neither of them UTF-8.
 */
function fec(entrees: number): Buffer {
  const lignes = [Buffer.from(ENTETE, "utf8")];
  for (let n = 1; n <= entrees; n++) {
    const lib =
      n === entrees
        ? Buffer.from([...Buffer.from("Location cam"), 0xe9, 0x72, 0x61, 0x20, 0xc3, 0x28])
        : Buffer.from("Location caméra été", "utf8");
    lignes.push(
      ligne(n, "613500", lib, "10,00", "0,00"),
      ligne(n, "401000", Buffer.from("Loueur", "utf8"), "0,00", "10,00"),
    );
  }
  return Buffer.concat(lignes.flatMap((l) => [l, Buffer.from("\r\n")]));
}

interface Controle {
  regle: string;
  gravite: string;
  message: string;
}

/** The findings of `prodbook ecarts` three ways: --json, the text printed with -o, and the Écarts sheet written. */
async function constats(devis: string, fichier: string, options: string[]) {
  const j = binaire(["ecarts", devis, "--fec", fichier, "--json", ...options]);
  expect(j.code).toBe(0);
  const json = (JSON.parse(j.out).controles as Controle[]).map((c) => `${c.gravite} | ${espacesSimples(c.message)}`);
  const sortie = path.join(dossier(), `ecarts-${path.basename(fichier)}.xlsx`);
  const t = binaire(["ecarts", devis, "--fec", fichier, "-o", sortie, ...options]);
  expect(t.code).toBe(0);
  const texte = espacesSimples(t.out)
    .split("\n")
    .filter((l) => /^\[(alerte|erreur|info)\] /.test(l))
    .map((l) => l.replace(/^\[(\w+)\] .*? — /, "$1 | "));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sortie);
  const ws = wb.getWorksheet("Écarts")!;
  const feuille: string[] = [];
  let dans = false;
  ws.eachRow((row) => {
    const v = row.values as unknown[];
    if (v[1] === "Gravité" && v[4] === "Message") dans = true;
    // « — Aucun constat. » stands for an empty list.
    else if (dans && typeof v[1] === "string" && v[1] !== "—" && typeof v[4] === "string")
      feuille.push(`${v[1].toLowerCase()} | ${espacesSimples(v[4])}`);
  });
  return { json: json.sort(), texte: texte.sort(), feuille: feuille.sort() };
}

describe("FEC UTF-8 avec des octets invalides dans un EcritureLib : mêmes constats en --json et en -o", () => {
  let devis: string;
  beforeAll(async () => {
    devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
  });

  test("détecté UTF-8 (octets invalides au-delà des 64 Kio de la détection) : le constat est dans les trois sorties", async () => {
    const octets = fec(700);
    // The first accent opens the file; the invalid bytes lie beyond the 64 KiB the detection reads: UTF-8 is chosen.
    expect(octets.length).toBeGreaterThan(65536 + 200);
    expect(octets.indexOf(Buffer.from([0x20, 0xc3, 0x28]))).toBeGreaterThan(65536 + 200);
    const f = path.join(dossier(), "fec-utf8-octets-invalides.txt");
    fs.writeFileSync(f, octets);
    const lu = JSON.parse(binaire(["fec", f, "--json"]).out);
    expect(lu.format.encodage).toBe("utf-8");
    const c = await constats(devis, f, []);
    expect(c.json).toContain(`alerte | ${INVALIDE}`);
    expect(c.json.filter((m) => m.includes("Octets invalides"))).toHaveLength(1);
    expect(c.texte).toEqual(c.json);
    expect(c.feuille).toEqual(c.json);
  });

  test("UTF-8 imposé par --encodage : les mêmes constats dans les trois sorties", async () => {
    const f = path.join(dossier(), "fec-court-octets-invalides.txt");
    fs.writeFileSync(f, fec(3));
    const c = await constats(devis, f, ["--encodage", "utf-8"]);
    expect(c.json).toContain(`alerte | ${INVALIDE}`);
    expect(c.texte).toEqual(c.json);
    expect(c.feuille).toEqual(c.json);
  });

  test("sans octet invalide, aucune des deux sorties n'en parle", async () => {
    const f = path.join(dossier(), "fec-sain.txt");
    fs.writeFileSync(
      f,
      fec(3)
        .toString("utf8")
        .replace(/Location cam\uFFFDra \uFFFD\(/, "Location caméra"),
    );
    const c = await constats(devis, f, []);
    expect(c.json.some((m) => m.includes("Octets invalides"))).toBe(false);
    expect(c.feuille).toEqual(c.json);
  });
});
