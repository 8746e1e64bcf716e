import fs from "node:fs";
import path from "node:path";

/**
 * docs/regles.md states how many table versions are confidence H, M and L. That line is what an accountant reads
 * before trusting the figures: it must be the count of src/core/regles/data/*.json, not the count of an older round.
 */
describe("docs/regles.md : l'état des sources est celui des tables", () => {
  it("le nombre de versions H, M et L écrit dans la documentation est celui des fichiers de règles", () => {
    const racine = path.join(__dirname, "../../..");
    const dossier = path.join(racine, "src/core/regles/data");
    const compte: Record<string, number> = { H: 0, M: 0, L: 0 };
    for (const f of fs.readdirSync(dossier).filter((n) => n.endsWith(".json"))) {
      const t = JSON.parse(fs.readFileSync(path.join(dossier, f), "utf8")) as { versions: { confiance: string }[] };
      for (const v of t.versions) compte[v.confiance] = (compte[v.confiance] ?? 0) + 1;
    }
    const doc = fs.readFileSync(path.join(racine, "docs/regles.md"), "utf8");
    const m = /(\d+) versions de tables : \*\*(\d+) H, (\d+) M, (\d+) L\*\*/.exec(doc);
    expect(m).not.toBeNull();
    const total = compte.H + compte.M + compte.L;
    expect(m!.slice(1, 5).map(Number)).toEqual([total, compte.H, compte.M, compte.L]);
  });
});
