// ESLint (flat config): typescript-eslint's recommended rules, React hooks, and the house limits.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "dist-test/**",
      "build/**",
      "out/**",
      "coverage/**",
      "tests/bench/data/**",
      "tests/fixtures/**",
      "assets/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "max-len": [
        "error",
        { code: 140, ignoreUrls: false, ignoreStrings: false, ignoreTemplateLiterals: false, ignoreComments: false },
      ],
    },
  },
  {
    // Control characters are matched on purpose: XML-forbidden characters, FEC separators, ExcelJS escapes.
    rules: { "no-control-regex": "off" },
  },
  {
    // CLI commands and ExcelJS load when they run (start-up time of `prodbook fec`, measured by the FEC bench), and
    // so do archiver and htmlparser2 (only commands that write bulk rows, put rows back or read them back pay for them,
    // and a workbook with rows of height 0).
    files: [
      "src/cli/commandes.ts",
      "src/cli/constats.ts",
      "src/cli/runner.ts",
      "src/xlsx/read.ts",
      "src/xlsx/exceljsInterne.ts",
      "src/xlsx/feuillesEnFlux.ts",
      "src/xlsx/lignesRestituees.ts",
      "src/xlsx/jetonsXml.ts",
      "src/xlsx/hauteursNulles.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        Buffer: "readonly",
        window: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        exports: "writable",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["tests/**/*.{ts,tsx,js}"],
    rules: { "max-len": "off", "@typescript-eslint/no-this-alias": "off" },
  },
);
