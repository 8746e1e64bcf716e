#!/usr/bin/env node
"use strict";
// Compiled by `npm run build:cli` (tsc -p tsconfig.cli.json).
const { main } = require("../build/cli/main.js");

// A reader that stops early (`prodbook … --json | head -c 10`) closes the pipe: what is left to print goes nowhere,
// quietly, as with any Unix tool, and the command's own exit code stands. Any other stream error is a real one.
for (const flux of [process.stdout, process.stderr]) {
  flux.on("error", (err) => {
    if (err && (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED")) return;
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Erreur interne\u00a0: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
