import * as fs from "fs";
import * as path from "path";

const DATA = path.join(__dirname, "../../../src/core/regles/data");
const fichiers = fs.readdirSync(DATA).filter((f) => f.endsWith(".json"));

/** Every string of a JSON value, with its path. */
function textes(v: unknown, chemin: string, out: { chemin: string; texte: string }[]): void {
  if (typeof v === "string") out.push({ chemin, texte: v });
  else if (Array.isArray(v)) v.forEach((x, i) => textes(x, `${chemin}[${i}]`, out));
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) textes(x, `${chemin}.${k}`, out);
}

describe("rule tables: motifs and research logs read as sentences", () => {
  it.each(fichiers)("%s: a research log appended to a motif starts a new sentence", (f) => {
    const tous: { chemin: string; texte: string }[] = [];
    textes(JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8")), f, tous);
    // « … non sur Légifrance Recherche du 4 décembre 2026 : … » was two texts glued without a full stop.
    const colles = tous
      .filter((t) => /[\p{Ll}»)] (Seconde recherche|Recherche) du /u.test(t.texte))
      .map((t) => t.chemin);
    expect(colles).toEqual([]);
  });

  it("the AFDAS and AGS figures at M say what to verify and log what was searched", () => {
    const t = JSON.parse(fs.readFileSync(path.join(DATA, "charges-sociales.json"), "utf8")) as {
      versions: {
        effetDu: string;
        recherche: string;
        valeurs: { composantes: Record<string, { confiance: string; motif?: string }> };
      }[];
    };
    const derniere = t.versions[t.versions.length - 1];
    for (const id of ["formation-intermittents", "ags"]) {
      const c = derniere.valeurs.composantes[id];
      expect(c.confiance).toBe("M");
      // A motif for the user: short, ends on what to check; the log stays in `recherche`.
      expect(c.motif).toMatch(/\. Vérifiez .+\.$/);
      expect(c.motif!.length).toBeLessThanOrEqual(300);
      expect(c.motif).not.toMatch(/[Rr]echerche/);
    }
    expect(derniere.recherche).toMatch(/AFDAS \(recherches du 4 décembre 2026\)/);
    expect(derniere.recherche).toMatch(/AGS \(recherches du 4 décembre 2026\)/);
  });
});
