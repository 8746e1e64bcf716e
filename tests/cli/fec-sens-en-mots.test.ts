/**
 * A FEC in Montant + Sens whose Sens column is written in whole words, as many exports write it (tests/fixtures/fec/
 * montant-sens-en-mots.txt, windows-1252, « | »): « Débit », « Crédit », « DEBIT », « credit », « Debit » between
 * spaces, next to the norm's D/C. Each word reads as D or C; « Avoir » is no sens: its lines are rejected, named in
 * French. `prodbook fec` and `prodbook ecarts` (the built binary) read the same réalisé.
 */
import * as fs from "fs";
import * as path from "path";
import { ecrireDevisTest } from "../core/ecarts/devisTest";
import { binaire, dossierTemporaire, espacesSimples } from "../helpers/cli";

const FEC = path.resolve(__dirname, "../fixtures/fec/montant-sens-en-mots.txt");
const dossier = dossierTemporaire("fec-sens-en-mots-");

/** The fixture's lines as written (windows-1252), each split on « | »: [physical line number, fields]. */
function lignesDuFichier(): [number, string[]][] {
  const t = new TextDecoder("windows-1252").decode(fs.readFileSync(FEC));
  return t
    .split("\r\n")
    .map((l, i): [number, string[]] => [i + 1, l.split("|")])
    .slice(1)
    .filter(([, f]) => f.length === 18);
}

describe("FEC Montant/Sens, Sens écrit en toutes lettres", () => {
  test("prodbook fec --json : Débit/Crédit (toute casse, accents ou non, espaces) lus ; « Avoir » rejeté en français", () => {
    // The fixture holds the words this test is about, as the file writes them.
    const sens = lignesDuFichier().map(([, f]) => f[12]);
    expect(sens).toEqual(["Débit", "Crédit", "DEBIT", "credit", " Debit ", "Crédit ", "D", "C", "Avoir", "Avoir"]);
    const r = binaire(["fec", FEC, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.format).toEqual({ separateur: "pipe", encodage: "windows-1252", montants: "montant-sens", colonnes: 18 });
    // Sum of the fixture's accepted lines, by hand: 100,00 + 1 200,00 + 89,90 + 2 000,00 on each side.
    expect([j.ecritures, j.debit, j.credit]).toEqual([8, "3389.90", "3389.90"]);
    expect(j.parClasse["6"]).toEqual({ debit: "3389.90", credit: "0.00" });
    expect(j.parClasse["4"]).toEqual({ debit: "0.00", credit: "3389.90" });
    expect(JSON.parse(espacesSimples(JSON.stringify(j.erreurs)))).toEqual([
      {
        ligne: 10,
        message:
          "Ligne 10 rejetée : Sens « Avoir » : attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit).",
      },
      {
        ligne: 11,
        message:
          "Ligne 11 rejetée : Sens « Avoir » : attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit).",
      },
    ]);
    expect(binaire(["fec", FEC, "--strict"]).code).toBe(1);
  });

  test("prodbook ecarts --json : le réalisé de classe 6 est celui des lignes en mots ; les rejets sont un constat", async () => {
    const devis = path.join(dossier(), "devis.xlsx");
    await ecrireDevisTest(devis);
    const r = binaire(["ecarts", devis, "--fec", FEC, "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const j = JSON.parse(r.out);
    expect(j.totaux.classe6).toBe("3389.90");
    const messages = (j.controles as { message: string }[]).map((c) => espacesSimples(c.message)).join("\n");
    expect(messages).toContain(
      "Ligne 10 rejetée : Sens « Avoir » : attendu D, Débit, +1, 1 ou + (débit) ; C, Crédit, -1 ou - (crédit).",
    );
    expect(messages).not.toMatch(/Sens « (Débit|Crédit|DEBIT|credit)/);
  });
});
