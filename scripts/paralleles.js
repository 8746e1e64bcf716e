#!/usr/bin/env node
"use strict";
/**
 * Runs npm scripts side by side, as many at a time as the machine has cores (two on the CI machine), each in the
 * order given when a place frees up: `node scripts/paralleles.js lint typecheck build build:browser build:cli`
 * (npm test, before jest; the longest first: about 70, 55, 50, 20 and 20 s of CPU). The checks and builds each use
 * about one core, and write to separate places (build/, dist/, dist-test/; tsc and ESLint write nothing, ESLint and
 * Prettier skip the build folders), so on two cores they take about half the time one after the other did.
 * Each script's output is printed in one piece when it ends, with its duration. A script that fails fails the whole:
 * the others running are left to finish, none is started after it, and the exit code is the failed script's.
 */
const { spawn } = require("child_process");
const os = require("os");

const scripts = process.argv.slice(2);
if (!scripts.length) {
  process.stderr.write("Usage : node scripts/paralleles.js <script npm>…\n");
  process.exit(2);
}
const places = Math.max(1, Math.min(scripts.length, os.availableParallelism?.() ?? os.cpus().length));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs `npm run <script>`, its stdout and stderr kept together in order, and resolves with its exit code. */
function lancer(script) {
  const debut = Date.now();
  return new Promise((resolve) => {
    const sortie = [];
    const p = spawn(npm, ["run", script], { env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" } });
    p.stdout.on("data", (d) => sortie.push(d));
    p.stderr.on("data", (d) => sortie.push(d));
    const fin = (code, erreur) => {
      const s = ((Date.now() - debut) / 1000).toFixed(1);
      process.stdout.write(`\n── npm run ${script} (${s} s, code ${code}) ──\n`);
      process.stdout.write(Buffer.concat(sortie));
      if (erreur) process.stdout.write(`${erreur.message}\n`);
      resolve(code);
    };
    p.on("error", (e) => fin(1, e));
    p.on("close", (code, signal) => fin(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const restants = [...scripts];
  let echec = 0;
  const echoues = [];
  const voie = async () => {
    while (restants.length && !echec) {
      const script = restants.shift();
      const code = await lancer(script);
      if (code !== 0) {
        echoues.push(script);
        echec ||= code;
      }
    }
  };
  await Promise.all(Array.from({ length: places }, voie));
  if (echec) {
    const jamais = restants.length ? ` ; non lancés : ${restants.join(", ")}` : "";
    process.stderr.write(`\nÉchec de : ${echoues.join(", ")}${jamais}\n`);
  }
  process.exitCode = echec;
}

main();
