import * as fs from "fs";
import * as path from "path";
import { LecteurFec } from "../../../src/core/comptabilite/fec";

/**
 * The kept lines' texts are decoded once per distinct value (memoTextes.ts): on the real FEC files, read in
 * small chunks so that repeated values straddle chunk boundaries, every text field of every line must be the one
 * a plain split of the decoded file gives.
 */
const DOSSIER = path.resolve(__dirname, "../../fixtures/fec-reel");
const CHAMPS = [
  ["journal", "journalcode"],
  ["ecritureNum", "ecriturenum"],
  ["compte", "comptenum"],
  ["compteLib", "comptelib"],
  ["compAux", "compauxnum"],
  ["pieceRef", "pieceref"],
  ["libelle", "ecriturelib"],
] as const;

describe("lignes conservées : textes décodés une fois par valeur", () => {
  test.each(fs.readdirSync(DOSSIER).filter((f) => /\.txt$/i.test(f)))("%s", (fichier) => {
    const octets = new Uint8Array(fs.readFileSync(path.join(DOSSIER, fichier)));
    const l = new LecteurFec({ conserver: true });
    for (let i = 0; i < octets.length; i += 997) l.pousser(octets.subarray(i, i + 997));
    const r = l.terminer();
    expect(r.erreurs).toEqual([]);
    const texte = new TextDecoder(r.format.encodage).decode(octets).replace(/^\uFEFF/, "");
    const lignes = texte.split(/\r*\n|\r/).filter((x) => x.trim() !== "");
    const sep = r.format.separateur === "tab" ? "\t" : "|";
    const noms = lignes[0].split(sep).map((n) => n.trim().toLowerCase());
    const attendues = lignes.slice(1).map((x) => {
      const c = x.split(sep);
      return Object.fromEntries(CHAMPS.map(([k, n]) => [k, (c[noms.indexOf(n)] ?? "").replace(/^ +| +$/g, "")]));
    });
    expect(r.lignes!.length).toBe(attendues.length);
    expect(r.lignes!.map((e) => Object.fromEntries(CHAMPS.map(([k]) => [k, e[k]])))).toEqual(attendues);
  });
});
