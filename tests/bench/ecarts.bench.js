#!/usr/bin/env node
"use strict";
/**
 * Benchmark of `prodbook ecarts -o` on the generated 1,000,000-line FEC (the one fec.bench.js generates, in
 * tests/bench/data/): the example devis reconciled and written with Grand livre, Correspondances, Écarts and
 * Coût définitif; then the same command on its own output (the monthly re-import: the old Grand livre is
 * replaced), then `prodbook devis -o` on that output (the Grand livre is set aside and put back unchanged).
 * Targets: each ecarts run ≤ 15 s and ≤ 800 MB peak RSS (issue 12), the devis run ≤ 60 s and ≤ 1.5 GB. Checks: the table covers every line, both ecarts runs
 * give the same JSON, the Grand livre kept by `devis` has the same rows, and LibreOffice recalculating the first
 * output finds the JSON's figures (about a minute more).
 * Run: npm run build:cli && node tests/bench/ecarts.bench.js   (or npm run bench)
 */
const fs = require("fs");
const path = require("path");
const os = require("os");
const JSZip = require("jszip");
const { spawnSync } = require("child_process");
const { pathToFileURL } = require("url");
const { generer, FICHIER, LIGNES, mesurer } = require("./fec.bench.js");

const RACINE = path.resolve(__dirname, "../..");
const SORTIES = path.join(__dirname, "data");
const CLI = path.join(RACINE, "bin/prodbook.js");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const CORRESPONDANCES = path.join(RACINE, "tests/fixtures/fec/correspondances.csv");
/** Per run: wall time (ms) and peak RSS (MB). */
const OBJECTIFS_ECARTS = { ms: 15_000, rss: 800 };
const OBJECTIFS_DEVIS = { ms: 60_000, rss: 1536 };

/** The Grand livre's table range and a digest of its rows (style ids aside: the two writers number them apart). */
async function grandLivre(fichier) {
  const zip = await JSZip.loadAsync(fs.readFileSync(fichier));
  let ref;
  for (const f of zip.file(/^xl\/tables\/.*\.xml$/)) {
    const xml = await f.async("string");
    if (/name="tblGrandLivre"/.test(xml)) ref = /<table\b[^>]*\bref="([^"]*)"/.exec(xml)[1];
  }
  const hash = require("crypto").createHash("sha1");
  let partie;
  const wb = await zip.file("xl/workbook.xml").async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  const rid = /<sheet\b[^>]*name="Grand livre"[^>]*r:id="([^"]*)"/.exec(wb)[1];
  partie = "xl/" + new RegExp(`Id="${rid}"[^>]*Target="([^"]*)"`).exec(rels)[1].replace(/^\/?xl\//, "");
  let reste = "",
    donnees = false;
  await new Promise((ok, ko) =>
    zip
      .file(partie)
      .nodeStream("nodebuffer")
      .on("data", (c) => {
        let t = reste + c.toString("latin1");
        if (!donnees) {
          const i = t.indexOf('<row r="2"');
          if (i < 0) {
            reste = t.slice(-20);
            return;
          }
          donnees = true;
          t = t.slice(i);
        }
        const k = t.lastIndexOf("</row>") + 6;
        if (k < 6) {
          reste = t;
          return;
        }
        hash.update(t.slice(0, k).replace(/ s="\d+"/g, ""), "latin1");
        reste = t.slice(k);
      })
      .on("end", ok)
      .on("error", ko),
  );
  return { ref, empreinte: hash.digest("hex") };
}

/** The 1-based position of sheet `nom` in the workbook's order (what LibreOffice's CSV filter numbers). */
async function rangFeuille(fichier, nom) {
  const zip = await JSZip.loadAsync(fs.readFileSync(fichier));
  const classeur = await zip.file("xl/workbook.xml").async("string");
  const noms = [...classeur.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const rang = noms.indexOf(nom) + 1;
  if (!rang) throw new Error(`Feuille « ${nom} » absente de ${fichier} (feuilles : ${noms.join(", ")})`);
  return rang;
}

/**
 * The Écarts sheet of `fichier` recalculated by LibreOffice (CSV of that sheet, found by its name), or undefined
 * without soffice. A real engine over the million lines: SUMIFS on the Grand livre must give the figures of the JSON.
 */
async function ecartsRecalcules(fichier) {
  const profil = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-bench-lo-"));
  fs.mkdirSync(path.join(profil, "user"));
  fs.copyFileSync(path.join(RACINE, "tests/helpers/recalcul.xcu"), path.join(profil, "user/registrymodifications.xcu"));
  const sortie = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-bench-csv-"));
  const filtre = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${await rangFeuille(fichier, "Écarts")}`;
  const debut = Date.now();
  const r = spawnSync(
    process.env.SOFFICE || "soffice",
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${pathToFileURL(profil).href}`,
      "--convert-to",
      filtre,
      "--outdir",
      sortie,
      fichier,
    ],
    { encoding: "utf8", timeout: 900_000 },
  );
  if (r.error && r.error.code === "ENOENT") return undefined;
  const csv = fs.readdirSync(sortie).find((f) => f.endsWith(".csv"));
  if (!csv) throw new Error(`LibreOffice n'a pas converti ${fichier} : ${r.stderr || r.stdout}`);
  const lignes = require("papaparse").parse(fs.readFileSync(path.join(sortie, csv), "utf8")).data;
  fs.rmSync(sortie, { recursive: true, force: true });
  fs.rmSync(profil, { recursive: true, force: true });
  return { lignes, ms: Date.now() - debut };
}

async function principal() {
  if (!fs.existsSync(path.join(RACINE, "build/cli/main.js")))
    throw new Error("CLI non compilée : lancez npm run build:cli");
  generer();
  console.log(
    `FEC : ${LIGNES} lignes, ${(fs.statSync(FICHIER).size / 1e6).toFixed(1)} Mo ; charge machine ${os.loadavg()[0].toFixed(1)} sur ${os.cpus().length} cœurs`,
  );
  const un = path.join(SORTIES, "ecarts-1.xlsx");
  const deux = path.join(SORTIES, "ecarts-2.xlsx");
  const trois = path.join(SORTIES, "devis-3.xlsx");
  const ecarts = (source, sortie) =>
    mesurer(process.execPath, [
      CLI,
      "ecarts",
      source,
      "--fec",
      FICHIER,
      "--correspondances",
      CORRESPONDANCES,
      "--json",
      "-o",
      sortie,
    ]);
  // The machine's load when each run starts, printed with it.
  const charge = (r) => {
    const c = os.loadavg()[0];
    return { ...r(), charge: c };
  };
  const runs = [
    ["ecarts -o (devis de l'exemple)", charge(() => ecarts(DEVIS, un)), un, OBJECTIFS_ECARTS],
    ["ecarts -o sur sa propre sortie", charge(() => ecarts(un, deux)), deux, OBJECTIFS_ECARTS],
    [
      "devis -o sur cette sortie",
      charge(() => mesurer(process.execPath, [CLI, "devis", deux, "-o", trois])),
      trois,
      OBJECTIFS_DEVIS,
    ],
  ];
  let ok = true;
  for (const [nom, r, f, o] of runs) {
    const taille = (fs.statSync(f).size / 1e6).toFixed(1);
    const bon = r.ms <= o.ms && r.rss <= o.rss;
    ok &&= bon;
    // CPU time (all threads) is shown too: less sensitive than wall time to other tenants of a shared machine.
    console.log(
      `${nom.padEnd(32)} : ${(r.ms / 1000).toFixed(1)} s (CPU ${r.cpu.toFixed(1)} s), RSS max ${r.rss.toFixed(0)} Mo, ` +
        `fichier ${taille} Mo ; objectif ≤ ${o.ms / 1000} s et ≤ ${o.rss} Mo${bon ? "" : "  ← au-delà de l'objectif"}` +
        ` (charge ${r.charge.toFixed(1)})`,
    );
  }
  if (runs[0][1].out !== runs[1][1].out) throw new Error("Les deux rapprochements ne donnent pas le même JSON");
  const j = JSON.parse(runs[0][1].out);
  const gl = await Promise.all([un, deux, trois].map(grandLivre));
  const attendu = `A1:N${LIGNES + 1}`;
  gl.forEach((g, i) => {
    if (g.ref !== attendu) throw new Error(`Sortie ${i + 1} : table du Grand livre ${g.ref}, attendu ${attendu}`);
  });
  if (new Set(gl.map((g) => g.empreinte)).size !== 1) throw new Error("Le Grand livre diffère d'une sortie à l'autre");
  console.log(
    `Grand livre ${attendu} identique dans les trois sorties ; classe 6 nette ${j.totaux.classe6}, réalisé ${j.totaux.realise}`,
  );
  const lo = await ecartsRecalcules(un);
  if (!lo) console.log("LibreOffice absent : recalcul non vérifié");
  else {
    const cellule = (ref) => lo.lignes[Number(ref.slice(1)) - 1][ref.charCodeAt(0) - 65];
    const ecart = (a, b) => Math.abs(Number(a) - Number(b));
    if (ecart(cellule("H3"), 0) > 0.005)
      throw new Error(`Recalcul LibreOffice : contrôle classe 6 = ${cellule("H3")} au lieu de 0`);
    if (ecart(cellule("B3"), j.totaux.classe6) > 0.005)
      throw new Error(`Recalcul LibreOffice : classe 6 ${cellule("B3")} ≠ ${j.totaux.classe6}`);
    j.postes.forEach((p, i) => {
      const [code, , , budget, , , realise] = lo.lignes[5 + i];
      if (code !== p.code || ecart(budget, p.budget) > 0.005 || ecart(realise, p.realise) > 0.005) {
        throw new Error(
          `Recalcul LibreOffice, chapitre ${p.code} : budget ${budget} / réalisé ${realise}, attendu ${p.budget} / ${p.realise}`,
        );
      }
    });
    console.log(
      `LibreOffice recalcule les SOMME.SI.ENS sur le million de lignes en ${(lo.ms / 1000).toFixed(0)} s : ${j.postes.length} chapitres conformes au JSON, contrôle classe 6 = 0`,
    );
  }
  console.log(ok ? "Écarts bench : objectifs atteints" : "Écarts bench : OBJECTIF NON ATTEINT");
  return ok;
}

module.exports = { grandLivre };
if (require.main === module)
  principal().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
