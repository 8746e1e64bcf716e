import * as fs from "fs";
import * as path from "path";
import { REGLES_DEVIS } from "../../../src/core/devis/regles";
import { REGLES_FINANCEMENT } from "../../../src/core/financement/regles";
import { REGLES_TEMPS_DE_TRAVAIL } from "../../../src/core/planning/tempsDeTravail";
import { TITRES_CONSTATS, titreConstat } from "../../../src/core/controles/titres";

const RACINE = path.join(__dirname, "../../..");

function fichiers(dossier: string): string[] {
  return fs.readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dossier, e.name);
    return e.isDirectory() ? fichiers(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/**
 * Every finding code the engine can emit: the registered rules' ids, the `regle: "…"` (or `const regle = "…"`) literals of src/core and
 * src/app (findings made outside a registry: écarts, financement's crédit d'impôt), and the codes passed to the
 * shared checkers (verifierTotaux, verifierTauxAccord).
 */
function codesEmis(): Set<string> {
  const codes = new Set<string>([...REGLES_DEVIS, ...REGLES_FINANCEMENT, ...REGLES_TEMPS_DE_TRAVAIL].map((r) => r.id));
  for (const f of [...fichiers(path.join(RACINE, "src/core")), ...fichiers(path.join(RACINE, "src/app"))]) {
    const texte = fs.readFileSync(f, "utf8");
    for (const m of texte.matchAll(/\bregle\s*[:=]\s*"([a-z0-9-]+)"/g)) codes.add(m[1]);
    for (const m of texte.matchAll(/verifier(?:Totaux|TauxAccord)\([^)]*"([a-z0-9]+(?:-[a-z0-9]+)+)"/g))
      codes.add(m[1]);
  }
  return codes;
}

describe("titres français des constats", () => {
  const codes = codesEmis();

  it("chaque code de constat émis a un titre français, et chaque titre un code émis", () => {
    expect(codes.size).toBeGreaterThan(30);
    for (const c of ["montant-calcul", "total-non-prouve", "montant-ambigu", "comptes-non-affectes"])
      expect(codes).toContain(c);
    // A new rule? Give its code a French title in src/core/controles/titres.ts (the pane never shows the code).
    expect([...codes].filter((c) => !(c in TITRES_CONSTATS)).sort()).toEqual([]);
    expect(Object.keys(TITRES_CONSTATS).filter((c) => !codes.has(c))).toEqual([]);
  });

  it("un titre est une phrase française courte, jamais un code", () => {
    for (const [code, titre] of Object.entries(TITRES_CONSTATS)) {
      expect(titre).not.toMatch(/(^|\s)[a-z0-9]+(-[a-z0-9]+)+(?=[\s,.)]|$)/); // no kebab-case id
      for (const c of codes) expect(titre).not.toContain(c);
      expect(titre).not.toMatch(/--/); // no CLI option
      expect(titre.length).toBeLessThanOrEqual(42);
      expect(titre[0]).toBe(titre[0].toUpperCase());
      expect(titreConstat(code)).toBe(titre);
    }
    expect(titreConstat("montant-calcul")).toBe("Montant ≠ quantité × taux");
    // A code this version does not know (a newer engine) never shows as such.
    expect(titreConstat("regle-future")).toBe("Constat");
    expect(titreConstat("toString")).toBe("Constat");
  });

  it("aucun message du moteur ne renvoie à une commande de la CLI (le volet le montre tel quel)", () => {
    // A finding's message reaches the pane and the « Contrôles » sheet word for word: « (prodbook ecarts) » there
    // sent a chargée de production to a command line she does not have (issue 13). Comments are not messages.
    const renvois: string[] = [];
    for (const f of [...fichiers(path.join(RACINE, "src/core")), ...fichiers(path.join(RACINE, "src/app"))]) {
      if (f.includes(`${path.sep}commandes${path.sep}`) || f.endsWith(`${path.sep}trace.ts`)) continue;
      fs.readFileSync(f, "utf8")
        .split("\n")
        .forEach((ligne, i) => {
          if (/^\s*(\*|\/\/|\/\*)/.test(ligne)) return;
          if (/["'`][^"'`]*\bprodbook [a-z-]+/.test(ligne)) renvois.push(`${path.relative(RACINE, f)}:${i + 1}`);
        });
    }
    expect(renvois).toEqual([]);
  });
});
