#!/usr/bin/env node
"use strict";
/**
 * Size of the task pane's first load: taskpane.html plus every script and stylesheet it loads before the first
 * render (the <script src> and <link rel=stylesheet> of the built page, office.js from Microsoft's CDN not
 * counted), each gzipped (zlib level 9, as a static server would serve it). Pages and libraries loaded later
 * (React.lazy, import()) are listed apart. Target: first load ≤ 230 KB (230 × 1024 bytes) gzip.
 *
 * Builds the production bundle (webpack --mode production) into a temporary folder, so the figure is the
 * current source's; TAILLE_DIST=<folder> measures an existing build instead (e.g. TAILLE_DIST=dist).
 * Run: node tests/bench/taille.bench.js   (or npm run bench)
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync } = require("child_process");

const RACINE = path.resolve(__dirname, "../..");
const CIBLE = 230 * 1024;

function construire() {
  if (process.env.TAILLE_DIST) return { dossier: path.resolve(RACINE, process.env.TAILLE_DIST), temporaire: false };
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), "prodbook-taille-"));
  const webpack = path.join(RACINE, "node_modules/webpack-cli/bin/cli.js");
  const r = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", dossier], {
    cwd: RACINE,
    encoding: "utf8",
    env: { ...process.env, LOCAL_OFFICE_JS: "" },
  });
  if (r.status !== 0) {
    process.stdout.write(r.stdout + r.stderr);
    throw new Error("webpack --mode production a échoué");
  }
  return { dossier, temporaire: true };
}

const gz = (octets) => zlib.gzipSync(octets, { level: 9 }).length;
const ko = (n) => `${(n / 1024).toFixed(1)} Ko`;

/** Local files the page loads up front: <script src> (not async/type=module-preload) and stylesheets, in order. */
function ressourcesInitiales(html) {
  const urls = [];
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc=["']?([^"'\s>]+)/gi)) urls.push(m[1]);
  for (const m of html.matchAll(/<link\b[^>]*?>/gi)) {
    if (!/rel=["']?stylesheet/i.test(m[0])) continue;
    const href = /href=["']?([^"'\s>]+)/i.exec(m[0]);
    if (href) urls.push(href[1]);
  }
  return urls;
}

function main() {
  const { dossier, temporaire } = construire();
  try {
    const html = fs.readFileSync(path.join(dossier, "taskpane.html"));
    const lignes = [["taskpane.html", html.length, gz(html)]];
    const externes = [];
    for (const url of ressourcesInitiales(html.toString("utf8"))) {
      if (/^(https?:)?\/\//.test(url)) {
        externes.push(url);
        continue;
      }
      const fichier = path.join(dossier, url.split(/[?#]/)[0]);
      if (!fs.existsSync(fichier)) throw new Error(`taskpane.html charge ${url}, absent du build`);
      const octets = fs.readFileSync(fichier);
      lignes.push([url, octets.length, gz(octets)]);
    }
    const initiaux = new Set(lignes.map((l) => l[0]));
    const total = lignes.reduce((s, l) => s + l[2], 0);
    process.stdout.write("Premier chargement de taskpane.html (gzip) :\n");
    for (const [nom, brut, comp] of lignes)
      process.stdout.write(`  ${nom.padEnd(36)} ${ko(brut).padStart(10)} → ${ko(comp)}\n`);
    for (const e of externes) process.stdout.write(`  ${e} (externe, non compté)\n`);
    const differes = fs
      .readdirSync(dossier)
      .filter((f) => f.endsWith(".js") && !initiaux.has(f))
      .map((f) => [f, gz(fs.readFileSync(path.join(dossier, f)))])
      .sort((a, b) => b[1] - a[1]);
    if (differes.length) {
      process.stdout.write("Chargés plus tard (pages, bibliothèques, worker) :\n");
      for (const [nom, comp] of differes) process.stdout.write(`  ${nom.padEnd(36)} ${ko(comp).padStart(10)}\n`);
    }
    process.stdout.write(
      `Total premier chargement : ${total} octets gzip (${ko(total)}), cible ≤ ${CIBLE} (${ko(CIBLE)})\n`,
    );
    if (total > CIBLE) {
      process.stdout.write(`ÉCHEC : ${total - CIBLE} octets de trop\n`);
      process.exitCode = 1;
    }
  } finally {
    if (temporaire) fs.rmSync(dossier, { recursive: true, force: true });
  }
}

main();
