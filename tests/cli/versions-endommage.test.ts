import { existsSync } from "fs";
import { readFile, writeFile } from "fs/promises";
import JSZip from "jszip";
import * as path from "path";
import { main } from "../../src/cli/main";
import { partiesFeuilles } from "../../src/xlsx/zipParties";
import { deuxVersions, dossierTemp } from "../core/versions/classeurs";
import { lancerCli } from "../helpers/cli";

/**
 * A workbook whose zip is whole but one sheet's XML has bytes changed in the middle of its rows (the versions
 * commands read the sheets by streaming, which read what they could before): refused, the file and the part named,
 * exit 2, nothing written.
 */
const lancer = (args: string[]) => lancerCli(main, args);

/** `source` with bytes `octets` written over the middle of the rows of sheet `feuille`, zipped again by JSZip. */
async function endommager(source: string, sortie: string, feuille: string, octets: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(source));
  const partie = (await partiesFeuilles(zip)).get(feuille);
  if (!partie) throw new Error(`pas de feuille ${feuille}`);
  const xml = Buffer.from(await zip.file(partie)!.async("nodebuffer"));
  const debut = xml.indexOf("<sheetData>"),
    fin = xml.indexOf("</sheetData>");
  expect(debut).toBeGreaterThan(0);
  expect(fin - debut).toBeGreaterThan(400);
  octets.copy(xml, Math.floor((debut + fin) / 2));
  zip.file(partie, xml);
  await writeFile(sortie, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  // The zip itself is sound: only that part's XML is not.
  const relu = await JSZip.loadAsync(await readFile(sortie));
  expect(Buffer.compare(await relu.file(partie)!.async("nodebuffer"), xml)).toBe(0);
  return partie;
}

const DEGATS: [string, Buffer][] = [
  ["octets binaires (NUL, UTF-8 invalide)", Buffer.from([0x00, 0xff, 0xfe, 0x3c, 0x3c, 0x2f, 0x22, 0x26])],
  ["balise fermante de trop", Buffer.from("</row>", "latin1")],
  ["guillemets", Buffer.from('"""""', "latin1")],
];

let dir: string;
let v1m: string;
let v2: string;
beforeAll(async () => {
  dir = await dossierTemp("prodbook-cli-versions-endommage-");
  ({ v1m, v2 } = await deuxVersions(dir));
});

describe("un classeur dont une feuille est endommagée est refusé (exit 2, fichier et partie nommés, rien d'écrit)", () => {
  it.each(DEGATS)("%s dans la feuille du devis", async (nom, octets) => {
    const fichier = path.join(dir, `devis-endommage-${DEGATS.findIndex((d) => d[0] === nom)}.xlsx`);
    const partie = await endommager(v1m, fichier, "Budget", octets);
    const base = path.basename(fichier);
    const attendu = `Le classeur « ${base} » est endommagé (la partie « ${partie} » est illisible)`;
    const commandes = [
      ["versions", "enregistrer", fichier, "--nom", "Tournage", "--date", "2026-12-01"],
      ["versions", "comparer", fichier, "--de", "Devis initial", "--a", "courant"],
      ["devis", fichier],
    ];
    for (const [i, c] of commandes.entries()) {
      const sortie = path.join(dir, `sortie-${base}-${i}.xlsx`);
      const r = await lancer([...c, "-o", sortie]);
      expect({ commande: c.slice(0, 2), code: r.code }).toEqual({ commande: c.slice(0, 2), code: 2 });
      expect(r.err.replace(/\u00a0/g, " ")).toContain(attendu);
      expect(r.err).not.toMatch(/Erreur interne|Error/);
      expect(existsSync(sortie)).toBe(false);
    }
  });

  it.each(DEGATS)("%s dans la feuille « Versions »", async (nom, octets) => {
    const fichier = path.join(dir, `versions-endommagee-${DEGATS.findIndex((d) => d[0] === nom)}.xlsx`);
    const partie = await endommager(v2, fichier, "Versions", octets);
    const attendu = `Le classeur « ${path.basename(fichier)} » est endommagé (la partie « ${partie} » est illisible)`;
    const commandes = [
      ["versions", "enregistrer", fichier, "--nom", "Tournage", "--date", "2026-12-01", "-o"],
      ["versions", "comparer", fichier, "--de", "Devis initial", "--a", "Dépôt agrément", "-o"],
      ["versions", "comparer", fichier, "--de", "Devis initial", "--a", "Dépôt agrément", "--json"],
      ["versions", "lister", fichier, "--json"],
    ];
    for (const [i, c] of commandes.entries()) {
      const sortie = path.join(dir, `sortie-versions-${path.basename(fichier)}-${i}.xlsx`);
      const r = await lancer(c[c.length - 1] === "-o" ? [...c, sortie] : c);
      expect({ commande: c.slice(0, 2), code: r.code }).toEqual({ commande: c.slice(0, 2), code: 2 });
      expect(r.err.replace(/\u00a0/g, " ")).toContain(attendu);
      expect(existsSync(sortie)).toBe(false);
    }
  });

  it("le même classeur intact passe (le contrôle ne refuse pas un classeur sain)", async () => {
    const sortie = path.join(dir, "sain.xlsx");
    const r = await lancer(["versions", "enregistrer", v1m, "--nom", "Tournage", "--date", "2026-12-01", "-o", sortie]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(existsSync(sortie)).toBe(true);
  });
});
