import { spawn } from "child_process";
import * as path from "path";

/**
 * `prodbook … --json | head -c 10`: the reader closes the pipe after a few bytes. The built binary must stop
 * quietly (no « Error: write EPIPE » stack on stderr) and keep its own exit code. The JSON is larger than a pipe's
 * buffer (64 KiB), so the CLI is still writing when the pipe closes.
 */
const BIN = path.join(__dirname, "../../bin/prodbook.js");
const EXEMPLE = path.join(__dirname, "../../assets/exemple/devis-producteur.xlsx");

function lireDixOctets(
  args: string[],
): Promise<{ code: number | null; signal: string | null; err: string; lu: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let lu = "";
    let err = "";
    p.stderr.setEncoding("utf8");
    p.stderr.on("data", (t: string) => (err += t));
    p.stdout.once("data", (b: Buffer) => {
      lu = b.subarray(0, 10).toString("utf8");
      p.stdout.destroy(); // like `head -c 10` exiting
    });
    p.on("error", reject);
    p.on("close", (code, signal) => resolve({ code, signal, err, lu }));
  });
}

describe("sortie standard fermée tôt (| head -c 10)", () => {
  it("regles --json : pas de trace de pile, code 0", async () => {
    const r = await lireDixOctets(["regles", "--json"]);
    expect(r.lu).toBe('{\n  "date"');
    expect(r.err).toBe("");
    expect([r.code, r.signal]).toEqual([0, null]);
  });

  it("devis --json --explique --strict : pas de trace de pile, le code 1 de --strict reste", async () => {
    const r = await lireDixOctets(["devis", EXEMPLE, "--json", "--explique", "--strict"]);
    expect(r.lu).toBe('{\n  "devis');
    expect(r.err).not.toMatch(/Error|EPIPE|\bat .+:\d+:\d+/);
    expect(r.err).toBe("");
    expect([r.code, r.signal]).toEqual([1, null]);
  });
});
