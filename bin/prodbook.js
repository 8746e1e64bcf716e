#!/usr/bin/env node
"use strict";
// Compiled by `npm run build:cli` (tsc -p tsconfig.cli.json).
const { main } = require("../build/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Erreur interne : ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
