const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    // tsconfig.json sets isolatedModules: ts-jest then transpiles each file alone (ts.transpileModule), without
    // type-checking it: types are checked once, by `npm run typecheck` (tsc) before jest in `npm test`.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  // Two workers on the CI machine's two cores (Jest's default, cores − 1, is one worker there, running every file in
  // one process while the other core waits for its Chromium, LibreOffice or CLI child); cores − 1 on larger machines.
  // Each worker has its own LibreOffice profile (tests/helpers/libreoffice.ts) and its own Chromium profile.
  maxWorkers: Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) - 1),
  // The longest files first (tests/helpers/sequenceur.js), so that no long file runs alone at the end.
  testSequencer: "<rootDir>/tests/helpers/sequenceur.js",
  testTimeout: 120000,
};
