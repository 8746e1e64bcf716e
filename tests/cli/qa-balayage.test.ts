import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { binaire, dossierTemporaire, refus, type Execution } from "../helpers/cli";

/**
 * A sweep of every command by a new user and a hostile tester (qa-sweep), through the built binary: the faults it
 * found, each locked here.
 */
const dossier = dossierTemporaire("prodbook-qa-balayage-");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");
const FEC_EXEMPLE = path.join(__dirname, "../../assets/exemple/fec-exemple.txt");
const FEC = path.join(__dirname, "../fixtures/fec/production-2024.txt");
const FICTION = path.join(__dirname, "../fixtures/financement/fiction.xlsx");

/** `texte` whole, each space in it read as a space or a no-break one (the typography is audit-typographie's). */
const exact = (texte: string) =>
  new RegExp(`^${texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ \\u00a0\\u202f]")}$`);
/** `texte` within one line of the output, spaces read as in `exact`. */
const ligne = (texte: string) =>
  new RegExp(`^.*${texte.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ \\u00a0\\u202f]")}.*$`, "m");

function prodbook(...args: string[]): Execution {
  const r = binaire(args, { cwd: dossier() });
  return { ...r, err: r.err.replace(/\n$/, "") };
}

describe("ecarts -o où aucun fichier ne peut être créé (avant : « Unhandled 'error' event », trace, code 1)", () => {
  it("-o dans /proc : le Grand livre en flux dit le dossier, code 2, rien d'écrit", () => {
    const r = prodbook("ecarts", EXEMPLE, "--fec", FEC_EXEMPLE, "-o", "/proc/prodbook-ecarts.xlsx");
    refus(
      r,
      exact(
        "Écriture impossible de « /proc/prodbook-ecarts.xlsx » : le dossier « /proc » n'accepte pas de nouveau " +
          "fichier (dossier système).",
      ),
    );
    expect(r.err).not.toMatch(/node:events|Unhandled|WriteStream/);
  });

  it("le même -o ailleurs écrit bien le classeur, sans fichier temporaire laissé", async () => {
    const sortie = path.join(dossier(), "ecarts.xlsx");
    const r = prodbook("ecarts", EXEMPLE, "--fec", FEC_EXEMPLE, "-o", sortie);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(existsSync(sortie)).toBe(true);
    expect((await fs.readdir(dossier())).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("financement --date : la même borne que devis, carbone et regles (avant : 2999-12-31 accepté)", () => {
  it("2999-12-31 refusé comme par devis, rien d'écrit ; 2030-06-01 lu", () => {
    const sortie = path.join(dossier(), "jamais-financement.xlsx");
    const dit = exact(
      `L'option --date attend une date jusqu'au 31 décembre ${new Date().getUTCFullYear() + 20} : Prodbook ne lit ` +
        "pas les tables de règles à plus de 20 ans d'aujourd'hui, reçu « 31 décembre 2999 ».",
    );
    refus(prodbook("financement", FICTION, "--cout", "1000000", "--date", "2999-12-31", "-o", sortie), dit, sortie);
    refus(prodbook("devis", EXEMPLE, "--date", "2999-12-31"), dit);
    const lu = prodbook("financement", FICTION, "--cout", "1000000", "--date", "2030-06-01", "--json");
    expect(lu.code).toBe(0);
    expect(JSON.parse(lu.out)).toHaveProperty("controles");
  });
});

describe("une feuille absente se dit de la même façon dans chaque commande", () => {
  it("financement --devis et --feuille : « La feuille de devis « X » … (feuilles : « … ») », comme carbone", () => {
    refus(
      prodbook("financement", FICTION, "--devis", "Nope"),
      exact("fiction.xlsx : La feuille de devis « Nope » n'existe pas dans le classeur (feuilles : « Financement »)."),
    );
    refus(
      prodbook("financement", FICTION, "--cout", "1000000", "--feuille", "Nope"),
      exact(
        "fiction.xlsx : La feuille du plan de financement « Nope » n'existe pas dans le classeur " +
          "(feuilles : « Financement »).",
      ),
    );
    refus(
      prodbook("carbone", EXEMPLE, "--feuille", "Nope"),
      exact(
        "devis-producteur.xlsx : La feuille de devis « Nope » n'existe pas dans le classeur " +
          "(feuilles : « Budget Gardiens » ; « Post-production » est une feuille d'étapes).",
      ),
    );
  });

  it("devis et crédit d'impôt --feuille : ne proposent comme devis que les feuilles qui peuvent l'être, la feuille d'étapes de l'exemple nommée à part", () => {
    const attendu =
      "devis-producteur.xlsx : La feuille de devis « Devis » n'existe pas dans le classeur " +
      "(feuilles : « Budget Gardiens » ; « Post-production » est une feuille d'étapes).";
    refus(prodbook("devis", EXEMPLE, "--feuille", "Devis"), exact(attendu));
    refus(
      prodbook(
        "credit-impot",
        EXEMPLE,
        "--feuille",
        "Devis",
        "--regime",
        "audiovisuel",
        "--genre",
        "documentaire",
        "--duree",
        "52",
      ),
      exact(attendu),
    );
    // The steps sheet asked for by its name is read, and refused as what it is (never listed as a devis).
    refus(prodbook("devis", EXEMPLE, "--feuille", "Post-production"), /une feuille d'étapes/);
  });
});

describe("fec : le séparateur d'un grand livre CSV dit en mots (avant : « séparateur ,, UTF-8 »)", () => {
  it("virgule et point-virgule, les montants lus", async () => {
    const texte = await fs.readFile(FEC, "utf8");
    const virgule = path.join(dossier(), "grand-livre-virgule.csv");
    await fs.writeFile(virgule, texte.replace(/,/g, ".").replace(/\t/g, ","));
    const pv = path.join(dossier(), "grand-livre-pv.csv");
    await fs.writeFile(pv, texte.replace(/\t/g, ";"));
    const v = prodbook("fec", virgule);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(ligne("  Format : séparateur virgule, UTF-8, Debit/Credit, 18 colonnes"));
    expect(v.out).toMatch(ligne("Débit : 47 112,65 €   Crédit : 47 112,65 €   (équilibré)"));
    expect(prodbook("fec", pv).out).toMatch(ligne("  Format : séparateur point-virgule, UTF-8, Debit/Credit"));
  });
});

describe("l'aide des versions : ses trois lignes d'usage alignées (avant : décalées d'un ou deux caractères)", () => {
  it("prodbook --help et prodbook versions --help", () => {
    const general = prodbook("--help").out.split("\n");
    const i = general.findIndex((l) => l.startsWith("      prodbook versions enregistrer "));
    expect(general.slice(i + 1, i + 3).map((l) => l.slice(0, 31))).toEqual([
      "      prodbook versions lister ",
      "      prodbook versions compare",
    ]);
    const propre = prodbook("versions", "--help").out.split("\n");
    expect(propre[1]).toMatch(/^Usage[ \u00a0]: prodbook versions enregistrer /);
    expect(propre.slice(2, 4).map((l) => l.slice(0, 33))).toEqual([
      "        prodbook versions lister ",
      "        prodbook versions compare",
    ]);
  });
});

describe("un grand livre CSV aux champs entre guillemets (avant : « ni FEC ni grand livre CSV reconnu », dates rejetées)", () => {
  const guillemets = (champs: string[]) => champs.map((c) => `"${c.replace(/"/g, '""')}"`).join(",");

  it("en-tête et valeurs entre guillemets : lu comme le même fichier sans guillemets, au centime", async () => {
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n").filter((l) => l !== "");
    const tout = path.join(dossier(), "grand-livre-guillemets.csv");
    await fs.writeFile(tout, lignes.map((l) => guillemets(l.split("\t"))).join("\r\n") + "\r\n");
    // The header bare, every value quoted (« "20240110" » was rejected: attendu JJ/MM/AAAA).
    const valeurs = path.join(dossier(), "grand-livre-valeurs-guillemets.csv");
    await fs.writeFile(
      valeurs,
      [lignes[0].replace(/\t/g, ","), ...lignes.slice(1).map((l) => guillemets(l.split("\t")))].join("\n") + "\n",
    );
    for (const f of [tout, valeurs]) {
      const r = prodbook("fec", f, "--json");
      expect([r.code, r.err]).toEqual([0, ""]);
      const j = JSON.parse(r.out) as { lignesImportees: number; debit: string; credit: string; erreurs: unknown[] };
      expect([j.lignesImportees, j.debit, j.credit, j.erreurs]).toEqual([23, "47112.65", "47112.65", []]);
    }
    const e = prodbook("ecarts", EXEMPLE, "--fec", tout, "--json");
    expect(e.code).toBe(0);
  });
});

describe("prodbook help <commande inconnue> (avant : l'aide générale, code 0, comme si elle existait)", () => {
  it("dit la commande inconnue et la plus proche, code 2 ; help devis garde son aide", () => {
    refus(
      prodbook("help", "devs"),
      exact(
        "Commande inconnue « devs » : vouliez-vous dire « devis » ? Commandes : carbone, credit-impot, devis, " +
          "ecarts, fec, financement, planning, regles, versions ; prodbook --help les décrit.",
      ),
    );
    const aide = prodbook("aide", "devis");
    expect(aide.code).toBe(0);
    expect(aide.out).toMatch(/^Structure le devis d'un producteur/);
    expect(prodbook("help").code).toBe(0);
  });
});

describe("-o=sortie.xlsx (avant : un fichier « =sortie.xlsx » écrit)", () => {
  it("refusé avec la forme attendue, rien d'écrit ; -osortie.xlsx et -o sortie.xlsx écrivent", () => {
    const egal = path.join(dossier(), "=egal.xlsx");
    refus(
      prodbook("devis", EXEMPLE, "-o=egal.xlsx"),
      /^Arguments invalides[ \u00a0]: l'option «[ \u00a0]-o[ \u00a0]» prend sa valeur après une espace[ \u00a0]: écrivez «[ \u00a0]-o egal\.xlsx[ \u00a0]»\.\nUsage/,
      egal,
      path.join(dossier(), "egal.xlsx"),
    );
    expect(prodbook("devis", EXEMPLE, "-ocolle.xlsx").code).toBe(0);
    expect(existsSync(path.join(dossier(), "colle.xlsx"))).toBe(true);
  });
});

describe("ecarts -o nomme les feuilles écrites, comme devis, financement, planning… (avant : « Écrit : sortie.xlsx » seul)", () => {
  it("les noms réels : « Écarts (Prodbook) » quand le producteur a déjà une feuille « Écarts »", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXEMPLE);
    wb.addWorksheet("Écarts").addRow(["mes notes"]);
    const entree = path.join(dossier(), "devis-avec-ecarts.xlsx");
    await wb.xlsx.writeFile(entree);
    const sortie = path.join(dossier(), "ecarts-homonyme.xlsx");
    const r = prodbook("ecarts", entree, "--fec", FEC_EXEMPLE, "-o", sortie);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      ligne(
        `Écrit : ${sortie} (feuilles « Grand livre », « Correspondances », « Écarts (Prodbook) », « Coût définitif »)`,
      ),
    );
    const lu = new ExcelJS.Workbook();
    await lu.xlsx.readFile(sortie);
    expect(lu.getWorksheet("Écarts")!.getCell("A1").value).toBe("mes notes");
    expect(lu.getWorksheet("Écarts (Prodbook)")).toBeDefined();
  });
});

describe("--colonnes sans « separateur » sur un CSV à virgules (avant : « colonnes introuvables » seul)", () => {
  it("le séparateur qui coupe l'en-tête est nommé, avec la clé à écrire", async () => {
    const lignes = (await fs.readFile(FEC, "utf8")).split("\n").filter((l) => l !== "");
    const csv = path.join(dossier(), "grand-livre-virgules.csv");
    await fs.writeFile(csv, lignes.map((l) => l.replace(/,/g, ".").replace(/\t/g, ",")).join("\n") + "\n");
    const colonnes = path.join(dossier(), "colonnes-sans-separateur.json");
    await fs.writeFile(
      colonnes,
      JSON.stringify({
        formatDate: "AAAAMMJJ",
        colonnes: { compte: "CompteNum", date: "EcritureDate", debit: "Debit", credit: "Credit" },
      }),
    );
    refus(
      prodbook("fec", csv, "--colonnes", colonnes),
      exact(
        "grand-livre-virgules.csv : Ligne 1 : colonnes introuvables dans l'en-tête : CompteNum, EcritureDate, " +
          "Débit/Crédit ou Montant/Sens (correspondance de colonnes à revoir) ; l'en-tête n'est pas coupé par « ; » " +
          `mais semble l'être par « , » : indiquez "separateur": "," dans la correspondance.`,
      ),
    );
    await fs.writeFile(
      colonnes,
      JSON.stringify({ separateur: ",", ...JSON.parse(await fs.readFile(colonnes, "utf8")) }),
    );
    const lu = prodbook("fec", csv, "--colonnes", colonnes, "--json");
    expect(lu.code).toBe(0);
    expect((JSON.parse(lu.out) as { debit: string }).debit).toBe("47112.65");
  });
});
