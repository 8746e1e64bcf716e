#!/usr/bin/env node
"use strict";
/**
 * Benchmark of `prodbook fec`: a generated 1,000,000-line FEC (~130 MB, tests/bench/data/, not committed) read by the
 * built CLI, against a reference in the same run (papaparse streaming the same file and summing Debit/Credit
 * with parseFloat). Targets: median wall time ≤ 0.5 × the reference's median, peak RSS ≤ 300 MB on every run.
 * The two sides run interleaved FEC_BENCH_TOURS times (default 3): single runs on a shared 2-core machine
 * swing by ±20 %, enough to flip the verdict.
 * Run: npm run build:cli && node tests/bench/fec.bench.js   (or npm run bench)
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");
const os = require("os");

const RACINE = path.resolve(__dirname, "../..");
const DATA = path.join(__dirname, "data");
const LIGNES = Number(process.env.FEC_BENCH_LIGNES || 1_000_000);
const FICHIER = path.join(DATA, `000000000FEC20241231-${LIGNES}.txt`);

function generer() {
  if (fs.existsSync(FICHIER)) return;
  fs.mkdirSync(DATA, { recursive: true });
  const entete =
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n";
  const comptes = [
    ["606400", "Fournitures admin."],
    ["625100", "Voyages et déplacements"],
    ["641100", "Salaires appointements"],
    ["645100", "Cotisations URSSAF"],
    ["613500", "Locations mobilières"],
    ["611000", "Sous-traitance générale"],
  ];
  const fd = fs.openSync(FICHIER, "w");
  let buf = entete;
  let graine = 42;
  const alea = () => ((graine = (graine * 1103515245 + 12345) & 0x7fffffff), graine);
  for (let i = 0, n = 0; i < LIGNES; n++) {
    const num = `AC${String(n).padStart(8, "0")}`;
    const jour = 1 + (n % 28);
    const mois = 1 + (Math.floor(n / 28) % 12);
    const date = `2024${String(mois).padStart(2, "0")}${String(jour).padStart(2, "0")}`;
    const [c, lib] = comptes[alea() % comptes.length];
    const cts = 100 + (alea() % 500000);
    const montant = `${Math.floor(cts / 100)},${String(cts % 100).padStart(2, "0")}`;
    const libelle = `Facture ${num} ${lib.slice(0, 12)}`;
    buf += `AC\tAchats\t${num}\t${date}\t${c}\t${lib}\t\t\tF${n}\t${date}\t${libelle}\t${montant}\t0,00\t\t\t${date}\t\t\n`;
    buf += `AC\tAchats\t${num}\t${date}\t401000\tFournisseurs\tF${n % 500}\tFournisseur ${n % 500}\tF${n}\t${date}\t${libelle}\t0,00\t${montant}\tA\t${date}\t${date}\t\t\n`;
    i += 2;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = "";
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

const REFERENCE = `
const fs = require("fs");
const Papa = require(${JSON.stringify(require.resolve("papaparse"))});
let debit = 0, credit = 0, lignes = 0, iD = -1, iC = -1;
Papa.parse(fs.createReadStream(process.argv[1]), {
  delimiter: "\\t", skipEmptyLines: true,
  step(r) {
    const d = r.data;
    if (iD < 0) { iD = d.indexOf("Debit"); iC = d.indexOf("Credit"); return; }
    lignes++;
    debit += parseFloat(d[iD].replace(",", ".")) || 0;
    credit += parseFloat(d[iC].replace(",", ".")) || 0;
  },
  complete() { process.stdout.write(JSON.stringify({ lignes, debit: debit.toFixed(2), credit: credit.toFixed(2) })); },
});
`;

function mesurer(cmd, args, env = {}) {
  const debut = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "MAXRSS=%M CPU=%U+%S", cmd, ...args], {
    cwd: RACINE,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env },
  });
  const ms = Number(process.hrtime.bigint() - debut) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${args.join(" ")} a échoué (${r.status}) : ${r.stderr}`);
  const rss = Number(/MAXRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const cpu = /CPU=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { ms, rss, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, out: r.stdout };
}

const mediane = (xs) => {
  const t = [...xs].sort((a, b) => a - b);
  const k = t.length >> 1;
  return t.length % 2 ? t[k] : (t[k - 1] + t[k]) / 2;
};

/** Reads the file once untimed, so the first timed run does not pay the disk alone. */
function chaufferCache() {
  const fd = fs.openSync(FICHIER, "r");
  const b = Buffer.alloc(1 << 22);
  while (fs.readSync(fd, b, 0, b.length, null) > 0);
  fs.closeSync(fd);
}

function principal() {
  if (!fs.existsSync(path.join(RACINE, "build/cli/main.js")))
    throw new Error("CLI non compilée : lancez npm run build:cli");
  const tours = Math.max(1, Number(process.env.FEC_BENCH_TOURS) || 3);
  const t0 = Date.now();
  generer();
  const taille = fs.statSync(FICHIER).size;
  console.log(
    `FEC généré : ${LIGNES} lignes, ${(taille / 1e6).toFixed(1)} Mo (${((Date.now() - t0) / 1000).toFixed(1)} s) ; charge machine ${os.loadavg()[0].toFixed(1)} sur ${os.cpus().length} cœurs`,
  );
  chaufferCache();
  const cli = [path.join(RACINE, "bin/prodbook.js"), "fec", FICHIER, "--json"];
  // CPU time (all threads) is shown too: less sensitive than wall time to other tenants of a shared machine.
  const s = (x) => `${(x.ms / 1000).toFixed(2)} s (CPU ${x.cpu.toFixed(2)} s), RSS max ${x.rss.toFixed(0)} Mo`;
  // Interleaved, the order flipped every round: a load spike or a cache effect hits both sides alike.
  const refs = [];
  const pbs = [];
  for (let t = 1; t <= tours; t++) {
    const ordre = t % 2 ? ["ref", "pb"] : ["pb", "ref"];
    for (const cote of ordre) {
      if (cote === "ref") refs.push(mesurer(process.execPath, ["-e", REFERENCE, FICHIER]));
      else pbs.push(mesurer(process.execPath, cli));
    }
    const ref = refs[refs.length - 1];
    const pb = pbs[pbs.length - 1];
    console.log(
      `tour ${t}/${tours} (charge ${os.loadavg()[0].toFixed(1)}) : papaparse ${s(ref)} ; prodbook ${s(pb)} ; ratio ${(pb.ms / ref.ms).toFixed(2)}`,
    );
  }
  const r = JSON.parse(refs[0].out);
  const j = JSON.parse(pbs[0].out);
  if (j.ecritures !== LIGNES || r.lignes !== LIGNES)
    throw new Error(`Lignes lues : prodbook ${j.ecritures}, référence ${r.lignes}, attendu ${LIGNES}`);
  if (j.debit !== r.debit || j.credit !== r.credit)
    throw new Error(`Totaux : prodbook ${j.debit}/${j.credit}, référence ${r.debit}/${r.credit}`);
  if (pbs.some((x) => x.out !== pbs[0].out) || refs.some((x) => x.out !== refs[0].out))
    throw new Error("Deux passages du même programme ne donnent pas le même résultat");
  const un = mesurer(process.execPath, cli, { PRODBOOK_FEC_FILS: "1" });
  const deux = mesurer(process.execPath, cli, { PRODBOOK_FEC_FILS: "2" });
  const demarrage = mesurer(process.execPath, [path.join(RACINE, "bin/prodbook.js"), "fec", "--help"]);
  if (un.out !== pbs[0].out || deux.out !== pbs[0].out)
    throw new Error("La lecture en un fil et en deux fils ne donnent pas le même JSON");
  const mRef = mediane(refs.map((x) => x.ms));
  const mPb = mediane(pbs.map((x) => x.ms));
  const ratio = mPb / mRef;
  // Memory is not noise: the target holds for the worst run.
  const rss = Math.max(...pbs.map((x) => x.rss));
  console.log(`médiane papaparse           : ${(mRef / 1000).toFixed(2)} s sur ${tours} passage(s) (débit ${r.debit})`);
  console.log(
    `médiane prodbook fec        : ${(mPb / 1000).toFixed(2)} s sur ${tours} passage(s) (débit ${j.debit}, crédit ${j.credit}) ; RSS médiane ${mediane(pbs.map((x) => x.rss)).toFixed(0)} Mo, max ${rss.toFixed(0)} Mo`,
  );
  console.log(`  un fil imposé (1 passage)   : ${s(un)} — ratio ${(un.ms / mRef).toFixed(2)}`);
  console.log(`  deux fils imposés (1 passage): ${s(deux)} — ratio ${(deux.ms / mRef).toFixed(2)}`);
  console.log(`  démarrage (fec --help)      : ${s(demarrage)}`);
  console.log(
    `ratio des médianes ${ratio.toFixed(2)} (objectif ≤ 0,50) ; mémoire max ${rss.toFixed(0)} Mo (objectif ≤ 300 Mo)`,
  );
  const ok = ratio <= 0.5 && rss <= 300;
  console.log(ok ? "FEC bench : objectifs atteints" : "FEC bench : OBJECTIF NON ATTEINT");
  return ok;
}

if (require.main === module) process.exitCode = principal() ? 0 : 1;
module.exports = { principal, generer, FICHIER, LIGNES, mesurer };
