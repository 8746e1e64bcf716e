import * as fs from "fs";
import * as path from "path";
import { lireFec, texteAlerteFec } from "../../../src/core/comptabilite/fec";

/** A real FEC (pipe-separated, Latin-1), read as the pane reads it. */
const PETIT = path.join(__dirname, "../../fixtures/fec-reel/111111111FEC20221231.TXT");

describe("alertes du FEC : « Ligne N » en tête de phrase, le message continue en minuscule", () => {
  const brut = fs.readFileSync(PETIT, "latin1").split(/\r\n|\n/);
  const champs = brut[0].split("|");
  const iLib = champs.indexOf("EcritureLib");
  // Line 3 (physical, header = 1) loses its credit: entry 00000001 no longer balances. Line 4 gets a « | » inside
  // its EcritureLib: recovered by joining the fields, with an alerte naming the field.
  const l3 = brut[2].split("|");
  l3[champs.indexOf("Credit")] = "0000000000,00";
  brut[2] = l3.join("|");
  const l4 = brut[3].split("|");
  l4[iLib] = "VENTE | NECTAR";
  brut[3] = l4.join("|");
  const r = lireFec(brut.join("\r\n"));
  const textes = r.alertes.map(texteAlerteFec);

  it("chaque alerte située commence par « Ligne N : » suivi d'une minuscule", () => {
    expect(r.alertes.filter((a) => a.ligne > 0).length).toBeGreaterThanOrEqual(2);
    for (const t of textes.filter((_, i) => r.alertes[i].ligne > 0)) expect(t).toMatch(/^Ligne \d+ : \p{Ll}/u);
    expect(textes).toContain("Ligne 4 : séparateur « | » dans EcritureLib : ligne récupérée en réunissant 2 champs.");
    expect(textes.some((t) => /^Ligne 2 : écriture VE 00000001 déséquilibrée : débit − crédit = /.test(t))).toBe(true);
  });

  it("une alerte du fichier entier (ligne 0) reste telle quelle ; un sigle en tête garde ses capitales", () => {
    expect(texteAlerteFec({ ligne: 0, message: "Octets invalides en UTF-8." })).toBe("Octets invalides en UTF-8.");
    expect(texteAlerteFec({ ligne: 3, message: "FEC incomplet." })).toBe("Ligne 3 : FEC incomplet.");
  });
});
