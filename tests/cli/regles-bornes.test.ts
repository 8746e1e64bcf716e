import fs from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";

/**
 * `prodbook regles --date` at every boundary of every table: the day before a version's effetDu gives the previous
 * version (or none), effetDu gives the version, its effetAu still gives it, the day after gives the next (or none).
 * The tables are read from src/core/regles/data, so a version added later is checked at its own dates.
 */
const DATA = path.join(__dirname, "../../src/core/regles/data");
type V = { effetDu: string; effetAu?: string };
const tables = fs
  .readdirSync(DATA)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(fs.readFileSync(path.join(DATA, f), "utf8")) as { id: string; versions: V[] });

const decaler = (iso: string, jours: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + jours);
  return d.toISOString().slice(0, 10);
};

/** Each (table, date, expected effetDu or null) at the four boundaries of each version. */
const attendus: { id: string; date: string; effetDu: string | null }[] = [];
for (const t of tables)
  t.versions.forEach((v, i) => {
    const prec = t.versions[i - 1];
    const suiv = t.versions[i + 1];
    const avant = prec && prec.effetAu !== undefined && prec.effetAu >= decaler(v.effetDu, -1) ? prec.effetDu : null;
    attendus.push({ id: t.id, date: decaler(v.effetDu, -1), effetDu: avant });
    attendus.push({ id: t.id, date: v.effetDu, effetDu: v.effetDu });
    if (v.effetAu === undefined) return;
    attendus.push({ id: t.id, date: v.effetAu, effetDu: v.effetDu });
    const apres = suiv && suiv.effetDu === decaler(v.effetAu, 1) ? suiv.effetDu : null;
    attendus.push({ id: t.id, date: decaler(v.effetAu, 1), effetDu: apres });
  });

/** The first day any table answers for: the day before it is refused, not answered with no table. */
const PREMIER = tables.flatMap((t) => t.versions.map((v) => v.effetDu)).sort()[0];

const parDate = new Map<
  string,
  Promise<{ id: string; version: { effetDu: string; effetAu: string | null } | null }[]>
>();
function regles(date: string) {
  if (!parDate.has(date))
    parDate.set(
      date,
      (async () => {
        const out: string[] = [];
        const err: string[] = [];
        const code = await main(["regles", "--date", date, "--json"], {
          out: (t) => out.push(t),
          err: (t) => err.push(t),
        });
        expect([date, code, err]).toEqual([date, 0, []]);
        const j = JSON.parse(out.join("\n"));
        expect(j.date).toBe(date);
        return j.tables;
      })(),
    );
  return parDate.get(date)!;
}

describe("prodbook regles --date : chaque version à ses bornes", () => {
  it("les bornes couvrent chaque version de chaque table, dont au moins une succession jour pour jour", () => {
    expect(attendus.length).toBeGreaterThanOrEqual(4 * tables.length);
    // A version that follows its predecessor the next day: the boundary is exact (e.g. charges-sociales, 1 May 2025).
    expect(attendus).toEqual(
      expect.arrayContaining([
        { id: "charges-sociales", date: "2025-04-30", effetDu: "2024-07-01" },
        { id: "charges-sociales", date: "2025-05-01", effetDu: "2025-05-01" },
        { id: "credit-impot-audiovisuel", date: "2021-12-30", effetDu: "2016-01-01" },
        { id: "credit-impot-audiovisuel", date: "2021-12-31", effetDu: "2021-12-31" },
      ]),
    );
  });

  it("à chaque borne, la table donne la version attendue (ou aucune), et toutes les tables sont listées", async () => {
    const ids = tables.map((t) => t.id).sort();
    const faux: string[] = [];
    for (const a of attendus) {
      // Before the first day of all the tables, the date is refused (tests/cli/audit-dates.test.ts), never answered.
      if (a.date < PREMIER) continue;
      const liste = await regles(a.date);
      expect(liste.map((t) => t.id)).toEqual(ids);
      const v = liste.find((t) => t.id === a.id)!.version;
      if ((v?.effetDu ?? null) !== a.effetDu)
        faux.push(`${a.id} au ${a.date} : ${v?.effetDu ?? "aucune"} ≠ ${a.effetDu}`);
    }
    expect(faux).toEqual([]);
    const veille = decaler(PREMIER, -1);
    expect(attendus.some((a) => a.date === veille)).toBe(true);
    const err: string[] = [];
    expect(await main(["regles", "--date", veille, "--json"], { out: () => undefined, err: (t) => err.push(t) })).toBe(
      2,
    );
  }, 120_000);
});
