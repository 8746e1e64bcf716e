#!/usr/bin/env node
"use strict";
/**
 * Runs every tests/bench/*.bench.js in turn (each in its own Node process, so memory figures stay separate)
 * and prints their output. Exit code 1 when one of them fails. Expects `npm run build:cli` first (npm run bench).
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const benches = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js"))
  .sort();
let echecs = 0;
for (const b of benches) {
  process.stdout.write(`\n=== ${b} ===\n`);
  const debut = Date.now();
  const r = spawnSync(process.execPath, [path.join(__dirname, b)], { stdio: "inherit" });
  const duree = ((Date.now() - debut) / 1000).toFixed(1);
  if (r.status !== 0) {
    echecs++;
    process.stdout.write(`--- ${b} : ÉCHEC (code ${r.status ?? r.signal}) en ${duree} s\n`);
  } else process.stdout.write(`--- ${b} : ok en ${duree} s\n`);
}
process.stdout.write(`\n${benches.length} benchmark(s), ${echecs} échec(s)\n`);
process.exitCode = echecs ? 1 : 0;
