/**
 * The example workbook's post-production (assets/exemple/devis-producteur.xlsx, sheet « Post-production », written by
 * scripts/generer-exemple.js): the stored file is the script's, its steps take the devis's durations, and
 * `prodbook planning` plans them back from the PAD date with the critical path and the slack docs/planning.md shows.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { dossierTemporaire, lancerCli } from "../helpers/cli";

const RACINE = path.resolve(__dirname, "../..");
const EXEMPLE = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const dossier = dossierTemporaire("prodbook-planning-exemple-");

interface EtapeJson {
  nom: string;
  debut: string;
  fin: string;
  joursOuvres: number;
  marge: number;
  critique: boolean;
}
interface PlanningJson {
  etapes: EtapeJson[];
  controles: unknown[];
  debut: string;
  fin: string;
  cheminCritique: string[];
  propositions: unknown[];
}

/** Every sheet's cells as « A1=valeur » (a formula with its cached result), in order. */
async function cellules(fichier: string): Promise<Record<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fichier);
  const out: Record<string, string[]> = {};
  wb.eachSheet((ws) => {
    const liste: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => liste.push(`${c.address}=${JSON.stringify(c.value)}`)));
    out[ws.name] = liste;
  });
  return out;
}

describe("l'exemple : la feuille « Post-production »", () => {
  let j: PlanningJson;
  beforeAll(async () => {
    const r = await lancerCli(main, ["planning", EXEMPLE, "--livraison", "2026-10-30", "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    j = JSON.parse(r.out) as PlanningJson;
  });
  const etape = (nom: string) => {
    const e = j.etapes.find((x) => x.nom === nom);
    if (!e) throw new Error(`étape « ${nom} » absente`);
    return e;
  };

  it("le classeur enregistré est celui qu'écrit scripts/generer-exemple.js (devis et étapes)", async () => {
    const genere = path.join(dossier(), "devis-producteur.xlsx");
    const r = spawnSync(process.execPath, [path.join(RACINE, "scripts/generer-exemple.js"), genere], {
      encoding: "utf8",
    });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    const [enregistre, script] = await Promise.all([cellules(EXEMPLE), cellules(genere)]);
    expect(Object.keys(enregistre)).toEqual(["Budget Gardiens", "Post-production"]);
    expect(enregistre).toEqual(script);
  });

  it("du 1er juillet au PAD du 30 octobre 2026 : chemin critique par le montage, la conformation et l'étalonnage", () => {
    expect([j.debut, j.fin, j.etapes.length]).toEqual(["2026-07-01", "2026-10-30", 15]);
    expect(j.cheminCritique).toEqual([
      "Dérushage et synchronisation",
      "Montage image : ours",
      "Visionnage de l'ours (diffuseur)",
      "Montage image : version finale",
      "Validation du montage (diffuseur)",
      "Conformation",
      "Étalonnage",
      "Fabrication du PAD et contrôle technique",
      "PAD",
    ]);
    // The PAD is the last step, on the delivery date; nothing to say about the delivery day, no plan de travail.
    expect(etape("PAD")).toMatchObject({ debut: "2026-10-30", fin: "2026-10-30", joursOuvres: 0, critique: true });
    expect([j.controles, j.propositions]).toEqual([[], []]);
    // The slack before the PAD, in working days.
    const marges = Object.fromEntries(j.etapes.filter((e) => !e.critique).map((e) => [e.nom, e.marge]));
    expect(marges).toEqual({
      "Archives INA : masters des extraits": 41,
      "Musique originale": 39,
      "Enregistrement de la voix off": 1,
      Génériques: 4,
      Mixage: 1,
      "Sous-titrage": 3,
    });
    // The two lags: 20 working days after the rough cut's screening (August), 10 for the broadcaster's notes.
    expect([etape("Visionnage de l'ours (diffuseur)").fin, etape("Montage image : version finale").debut]).toEqual([
      "2026-08-07",
      "2026-09-07",
    ]);
    expect([etape("Montage image : version finale").fin, etape("Validation du montage (diffuseur)").debut]).toEqual([
      "2026-10-02",
      "2026-10-19",
    ]);
  });

  it("les durées des étapes sont celles du devis (quantités de ses lignes de post-production)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXEMPLE);
    const quantite = (libelle: string) => {
      let q: unknown;
      wb.getWorksheet("Budget Gardiens")!.eachRow((row) => {
        if (row.getCell(2).value === libelle) q = row.getCell(3).value;
      });
      if (typeof q !== "number") throw new Error(`ligne « ${libelle} » sans quantité`);
      return q;
    };
    const jours = (...noms: string[]) => noms.reduce((s, n) => s + etape(n).joursOuvres, 0);
    // Cheffe monteuse: 8 weeks of 5 working days, the rough cut and the final cut.
    expect(jours("Montage image : ours", "Montage image : version finale")).toBe(quantite("Cheffe monteuse") * 5);
    expect(jours("Dérushage et synchronisation", "Conformation", "Fabrication du PAD et contrôle technique")).toBe(
      quantite("Assistant monteur"),
    );
    expect(jours("Étalonnage")).toBe(quantite("Étalonneur"));
    expect(jours("Mixage")).toBe(quantite("Mixeuse"));
    expect(jours("Enregistrement de la voix off")).toBe(quantite("Voix off (comédienne), cachets"));
  });
});
