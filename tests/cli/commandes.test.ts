import { spawnSync } from "child_process";
import * as path from "path";
import { COMMANDES } from "../../src/cli/commandes";
import { main } from "../../src/cli/main";

const RACINE = path.resolve(__dirname, "../..");

describe("the CLI's command registry", () => {
  it("names each command as the command itself does, and lists them all in the help", async () => {
    for (const e of COMMANDES) expect(e.charger().nom).toBe(e.nom);
    const sortie: string[] = [];
    expect(await main(["aide"], { out: (t) => sortie.push(t), err: (t) => sortie.push(t) })).toBe(0);
    for (const e of COMMANDES) expect(sortie.join("\n")).toContain(`  ${e.nom.padEnd(14)} `);
  });

  it("loads only the command that runs: `prodbook fec` never loads ExcelJS, the workbook commands nor the devis reader", () => {
    const script = `
      require(${JSON.stringify(path.join(RACINE, "build/cli/main.js"))}).main(["fec", ${JSON.stringify(path.join(RACINE, "tests/fixtures/fec/production-2024.txt"))}, "--json"], { out() {}, err() {} })
        .then((code) => process.stdout.write(JSON.stringify({ code, charges: Object.keys(require.cache).map((k) => require("path").relative(${JSON.stringify(RACINE)}, k)) })));`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    const { code, charges } = JSON.parse(r.stdout) as { code: number; charges: string[] };
    expect(code).toBe(0);
    expect(charges.some((c) => c.startsWith("build/cli/commands/fec"))).toBe(true);
    expect(
      charges.filter((c) =>
        /node_modules[\\/]exceljs|build[\\/]cli[\\/]commands[\\/](carbone|devis|ecarts|financement|planning|creditImpot)/.test(
          c,
        ),
      ),
    ).toEqual([]);
    // The argument helpers once loaded the production context, hence the devis reader (0.1 s of every `fec` start).
    expect(
      charges.filter((c) =>
        /build[\\/](core[\\/](production|devis)|app[\\/]commandes[\\/](production|devis))[\\/.]/.test(c),
      ),
    ).toEqual([]);
  });
});
