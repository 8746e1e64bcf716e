/**
 * A FEC whose header lacks a column of the norm (article A47 A-1 du LPF: 18 columns) — here CompteLib — is read
 * (amounts, balance) and the missing column is reported as a finding naming it, in text and in --json.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";
import { COLONNES_NORME_FEC_ORACLE } from "../helpers/normeFec";

const dir = dossierTemporaire("prodbook-fec-norme-");
const COLONNES: readonly string[] = COLONNES_NORME_FEC_ORACLE;

/** A balanced two-line FEC with the norm's columns except `sans`. */
async function fec(nom: string, sans: string[]): Promise<string> {
  const cols = COLONNES.filter((c) => !sans.includes(c));
  const valeurs: Record<string, string>[] = [
    { CompteNum: "606100", CompteLib: "Achats", Debit: "100,00", Credit: "0,00" },
    { CompteNum: "401000", CompteLib: "Fournisseurs", Debit: "0,00", Credit: "100,00" },
  ];
  const commun = { JournalCode: "HA", JournalLib: "Achats", EcritureNum: "1", EcritureDate: "20250110" };
  const lignes = valeurs.map((v) => cols.map((c) => ({ ...commun, ...v })[c as keyof typeof commun] ?? "").join("\t"));
  const f = path.join(dir(), nom);
  await fs.writeFile(f, [cols.join("\t"), ...lignes, ""].join("\n"), "utf8");
  return f;
}

describe("FEC sans une colonne de la norme A47 A-1", () => {
  it("sans CompteLib : lu (équilibré, code 0), la colonne absente signalée en la nommant", async () => {
    const f = await fec("sans-comptelib.txt", ["CompteLib"]);
    const j = await lancerCli(main, ["fec", f, "--json"]);
    expect(j.code).toBe(0);
    const r = JSON.parse(j.out) as {
      debit: string;
      credit: string;
      erreurs: unknown[];
      alertes: { ligne: number; message: string }[];
    };
    expect([r.debit, r.credit, r.erreurs]).toEqual(["100.00", "100.00", []]);
    expect(r.alertes).toEqual([
      {
        ligne: 1,
        message:
          "Colonne prévue par la norme FEC (18 colonnes) absente de l'en-tête : CompteLib. " +
          "Les montants sont lus ; les comptes n'auront pas de libellé. Demandez un FEC complet au cabinet comptable.",
      },
    ]);
    const t = await lancerCli(main, ["fec", f]);
    expect(t.code).toBe(0);
    expect(t.out).toContain("absente de l'en-tête\u00a0: CompteLib.");
  });

  it("les 18 colonnes : aucune alerte ; plusieurs absentes : toutes nommées", async () => {
    const complet = JSON.parse((await lancerCli(main, ["fec", await fec("complet.txt", []), "--json"])).out) as {
      alertes: unknown[];
    };
    expect(complet.alertes).toEqual([]);
    const f = await fec("sans-trois.txt", ["CompteLib", "EcritureLet", "Idevise"]);
    const r = JSON.parse((await lancerCli(main, ["fec", f, "--json"])).out) as { alertes: { message: string }[] };
    expect(r.alertes.map((a) => a.message)).toEqual([
      expect.stringContaining(
        "Colonnes prévues par la norme FEC (18 colonnes) absentes de l'en-tête : CompteLib, EcritureLet, Idevise.",
      ),
    ]);
  });
});
