import * as fs from "fs";
import * as path from "path";

/** The repository's root, and its user documentation: README.md and every docs/*.md. */
export const RACINE = path.resolve(__dirname, "../..");
export const DOCS = [
  "README.md",
  ...fs
    .readdirSync(path.join(RACINE, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
/** A file of the repository, read as text (path from its root). */
export const lire = (f: string) => fs.readFileSync(path.join(RACINE, f), "utf8");
