#!/usr/bin/env node
"use strict";
/**
 * Benchmark of `prodbook ecarts -o` on the generated 1,000,000-line FEC (the one fec.bench.js generates, in
 * tests/bench/data/): the example devis reconciled and written with Grand livre, Correspondances, Écarts and
 * Coût définitif; then the same command on its own output (the monthly re-import: the old Grand livre is
 * replaced), then `prodbook devis -o` on that output (the Grand livre is set aside and put back unchanged).
 * Targets, each run: ≤ 60 s and ≤ 1.5 GB peak RSS. Checks: the table covers every line, both ecarts runs
 * give the same JSON, and the Grand livre kept by `devis` has the same rows.
 * Run: npm run build:cli && node tests/bench/ecarts.bench.js   (or npm run bench)
 */
const fs = require("fs");
const path = require("path");
const os = require("os");
const JSZip = require("jszip");
const { generer, FICHIER, LIGNES, mesurer } = require("./fec.bench.js");

const RACINE = path.resolve(__dirname, "../..");
const SORTIES = path.join(__dirname, "data");
const CLI = path.join(RACINE, "bin/prodbook.js");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const CORRESPONDANCES = path.join(RACINE, "tests/fixtures/fec/correspondances.csv");
const MAX_MS = 60_000;
const MAX_RSS_MO = 1536;

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
  let reste = "", donnees = false;
  await new Promise((ok, ko) => zip.file(partie).nodeStream("nodebuffer")
    .on("data", (c) => {
      let t = reste + c.toString("latin1");
      if (!donnees) {
        const i = t.indexOf('<row r="2"');
        if (i < 0) { reste = t.slice(-20); return; }
        donnees = true;
        t = t.slice(i);
      }
      const k = t.lastIndexOf("</row>") + 6;
      if (k < 6) { reste = t; return; }
      hash.update(t.slice(0, k).replace(/ s="\d+"/g, ""), "latin1");
      reste = t.slice(k);
    })
    .on("end", ok).on("error", ko));
  return { ref, empreinte: hash.digest("hex") };
}

async function principal() {
  if (!fs.existsSync(path.join(RACINE, "build/cli/main.js"))) throw new Error("CLI non compilée : lancez npm run build:cli");
  generer();
  console.log(`FEC : ${LIGNES} lignes, ${(fs.statSync(FICHIER).size / 1e6).toFixed(1)} Mo ; charge machine ${os.loadavg()[0].toFixed(1)} sur ${os.cpus().length} cœurs`);
  const un = path.join(SORTIES, "ecarts-1.xlsx");
  const deux = path.join(SORTIES, "ecarts-2.xlsx");
  const trois = path.join(SORTIES, "devis-3.xlsx");
  const ecarts = (source, sortie) => mesurer(process.execPath, [CLI, "ecarts", source, "--fec", FICHIER, "--correspondances", CORRESPONDANCES, "--json", "-o", sortie]);
  const runs = [
    ["ecarts -o (devis de l'exemple)", ecarts(DEVIS, un), un],
    ["ecarts -o sur sa propre sortie", ecarts(un, deux), deux],
    ["devis -o sur cette sortie", mesurer(process.execPath, [CLI, "devis", deux, "-o", trois]), trois],
  ];
  let ok = true;
  for (const [nom, r, f] of runs) {
    const taille = (fs.statSync(f).size / 1e6).toFixed(1);
    const bon = r.ms <= MAX_MS && r.rss <= MAX_RSS_MO;
    ok &&= bon;
    console.log(`${nom.padEnd(32)} : ${(r.ms / 1000).toFixed(1)} s, RSS max ${r.rss.toFixed(0)} Mo, fichier ${taille} Mo${bon ? "" : "  ← au-delà de l'objectif"}`);
  }
  if (runs[0][1].out !== runs[1][1].out) throw new Error("Les deux rapprochements ne donnent pas le même JSON");
  const j = JSON.parse(runs[0][1].out);
  const gl = await Promise.all([un, deux, trois].map(grandLivre));
  const attendu = `A1:N${LIGNES + 1}`;
  gl.forEach((g, i) => { if (g.ref !== attendu) throw new Error(`Sortie ${i + 1} : table du Grand livre ${g.ref}, attendu ${attendu}`); });
  if (new Set(gl.map((g) => g.empreinte)).size !== 1) throw new Error("Le Grand livre diffère d'une sortie à l'autre");
  console.log(`Grand livre ${attendu} identique dans les trois sorties ; classe 6 nette ${j.totaux.classe6}, réalisé ${j.totaux.realise}`);
  console.log(`objectifs : ≤ ${MAX_MS / 1000} s et ≤ ${MAX_RSS_MO} Mo par passage`);
  console.log(ok ? "Écarts bench : objectifs atteints" : "Écarts bench : OBJECTIF NON ATTEINT");
  return ok;
}

module.exports = { grandLivre };
if (require.main === module) principal().then((ok) => { process.exitCode = ok ? 0 : 1; }, (e) => { console.error(e.message); process.exitCode = 1; });
