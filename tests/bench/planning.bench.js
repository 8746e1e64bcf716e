#!/usr/bin/env node
"use strict";
/**
 * Benchmark of `prodbook planning` on a generated series workbook (tests/bench/data/, not committed): 10 episodes
 * of 200 steps each (préparation, tournage day by day, post-production down to sequences, VFX shots and music
 * cues; chains, fan-outs and fan-ins, lags, calendar-day steps) plus the series' delivery = 2,001 steps, a plan
 * de travail of 40 people × 80 shooting days (3,200 rows, with long days, night shoots and short rests so the
 * working-time rules have findings) and a devis whose lines the plan's functions are matched to.
 * Timed on the built CLI: (1) --livraison … --json (read, schedule, critical path, working-time checks);
 * (2) the same with --service … -o out.xlsx (also writes Rétroplanning with its Gantt grid, Plan de travail,
 * Feuille de service). Targets: median (1) ≤ 2 s, median (2) ≤ 10 s, peak RSS ≤ 500 MB on every run.
 * Wall times, median of PLANNING_BENCH_TOURS rounds (default 5): on 2 shared cores a single run swings from
 * 1.6 s to 3.5 s with the other tenants' load. CPU times are printed too (above the wall time when the machine is
 * idle: V8 collects garbage on the other core), and a reference timed in the same rounds: ExcelJS alone reading
 * the same workbook and visiting every cell, the floor of any command that opens it.
 * The results are checked (every step dated, dependencies respected, a critical path, the findings, the
 * written sheets and their sizes) so the bench fails if the command silently does less.
 * Run: npm run build:cli && node tests/bench/planning.bench.js   (or npm run bench)
 */
const fs = require("fs");
const path = require("path");
const os = require("os");
const ExcelJS = require("exceljs");
const { mesurer } = require("./fec.bench.js");

const RACINE = path.resolve(__dirname, "../..");
const DATA = path.join(__dirname, "data");
const EPISODES = Number(process.env.PLANNING_BENCH_EPISODES || 10);
const FICHIER = path.join(DATA, `planning-serie-${EPISODES}ep.xlsx`);
const SORTIE = path.join(DATA, `planning-serie-${EPISODES}ep-sortie.xlsx`);
const LIVRAISON = "2027-12-17";
const PREMIER_JOUR_TOURNAGE = Date.UTC(2027, 4, 12); // mercredi 12 mai 2027, premier jour de tournage du planning
const FERIES_TOURNAGE = ["2027-05-17", "2027-07-14", "2027-11-01", "2027-11-11"];
const JOURS_TOURNAGE = 8 * EPISODES;
const SERVICE = "2027-05-12";
const CIBLE_JSON_MS = 2000;
const CIBLE_ECRITURE_MS = 10000;
const CIBLE_RSS_MO = 500;

const EQUIPE = [
  ["Réalisateur", 1],
  ["Premier assistant réalisateur", 1],
  ["Second assistant réalisateur", 1],
  ["Scripte", 1],
  ["Directeur de la photographie", 1],
  ["Cadreur", 2],
  ["Assistant opérateur", 2],
  ["Ingénieur du son", 1],
  ["Perchman", 1],
  ["Chef électricien", 1],
  ["Électricien", 4],
  ["Chef machiniste", 1],
  ["Machiniste", 3],
  ["Chef décorateur", 1],
  ["Accessoiriste", 2],
  ["Costumier", 2],
  ["Habilleur", 2],
  ["Maquilleur", 2],
  ["Coiffeur", 2],
  ["Régisseur général", 1],
  ["Régisseur", 3],
  ["Directeur de production", 1],
  ["Chargé de production", 2],
  ["Photographe de plateau", 1],
  ["Assistant régisseur", 1],
];
const PRENOMS = [
  "Yann",
  "Anne",
  "Claire",
  "Sophie",
  "Loïc",
  "Maëlle",
  "Erwan",
  "Nolwenn",
  "Gaël",
  "Soazig",
  "Tanguy",
  "Katell",
  "Ronan",
  "Gwen",
];
const NOMS = [
  "Le Goff",
  "Kerbrat",
  "Martin",
  "Tanguy",
  "Le Bihan",
  "Guillou",
  "Morvan",
  "Le Gall",
  "Riou",
  "Quéré",
  "Cadiou",
  "Le Roux",
];

const ep = (e) => `Ép. ${String(e).padStart(2, "0")}`;

/** Steps of the series: [nom, durée, dépend de (undefined = ligne précédente), calendaire, décalage]. */
function etapesSerie() {
  const l = [];
  const add = (nom, duree, depend, calendaire, decalage) =>
    l.push([nom, duree, depend, calendaire ? "oui" : null, decalage ?? null]);
  for (let e = 1; e <= EPISODES; e++) {
    const E = ep(e);
    // Préparation (22): the writers' room works episode after episode.
    add(`${E} — Séquencier`, 5, e === 1 ? "-" : `${ep(e - 1)} — Séquencier`);
    add(`${E} — Dialogues V1`, 10);
    add(`${E} — Dialogues V2`, 5);
    add(`${E} — Dialogues V3`, 3);
    add(`${E} — Lecture à la table`, 1);
    add(`${E} — Validation diffuseur`, 0);
    for (let k = 1; k <= 6; k++) add(`${E} — Casting rôle ${k}`, 3, `${E} — Dialogues V1`);
    add(`${E} — Casting validé`, 0, [1, 2, 3, 4, 5, 6].map((k) => `${E} — Casting rôle ${k}`).join(", "));
    for (let k = 1; k <= 6; k++) add(`${E} — Repérages décor ${k}`, 2, `${E} — Séquencier`);
    add(`${E} — Décors validés`, 0, [1, 2, 3, 4, 5, 6].map((k) => `${E} — Repérages décor ${k}`).join("; "));
    add(`${E} — Dépouillement`, 3, `${E} — Validation diffuseur`);
    add(`${E} — Plan de travail tournage`, 2, `${E} — Dépouillement, ${E} — Casting validé, ${E} — Décors validés`);
    // Tournage (25): one crew, so episode e shoots after episode e - 1.
    for (let j = 1; j <= 8; j++) {
      const avant =
        j === 1
          ? [`${E} — Plan de travail tournage`, ...(e > 1 ? [`${ep(e - 1)} — Tournage J8`] : [])].join(", ")
          : `${E} — Tournage J${j - 1}`;
      add(`${E} — Tournage J${j}`, 1, avant);
      add(`${E} — Dérushage J${j}`, 1);
      add(`${E} — Sauvegarde LTO J${j}`, 1, `${E} — Tournage J${j}`, true);
    }
    add(`${E} — Fin de tournage`, 0, `${E} — Tournage J8, ${E} — Sauvegarde LTO J8`);
    // Post-production (153).
    for (let s = 1; s <= 40; s++)
      add(
        `${E} — Montage séquence ${s}`,
        1,
        [`${E} — Dérushage J${Math.ceil(s / 5)}`, ...(s > 1 ? [`${E} — Montage séquence ${s - 1}`] : [])].join(", "),
      );
    add(`${E} — Version réalisateur`, 5);
    add(`${E} — Visionnage diffuseur`, 1, undefined, false, 2);
    add(`${E} — Corrections montage`, 3);
    add(`${E} — PAT image`, 0);
    for (let k = 1; k <= 40; k++) add(`${E} — VFX plan ${k}`, 2, `${E} — PAT image`);
    add(`${E} — VFX livrés`, 0, Array.from({ length: 40 }, (_, k) => `${E} — VFX plan ${k + 1}`).join(", "));
    add(`${E} — Conformation`, 2, `${E} — PAT image`);
    add(`${E} — Étalonnage`, 4, `${E} — Conformation (+1 j), ${E} — VFX livrés`);
    for (let k = 1; k <= 20; k++)
      add(`${E} — Montage son bobine ${k}`, 1, k <= 2 ? `${E} — PAT image` : `${E} — Montage son bobine ${k - 2}`);
    add(`${E} — Prémix`, 2, `${E} — Montage son bobine 19, ${E} — Montage son bobine 20`);
    for (let k = 1; k <= 18; k++) add(`${E} — Bruitages ${k}`, 1, k === 1 ? `${E} — PAT image` : undefined);
    for (let k = 1; k <= 20; k++)
      add(`${E} — Musique cue ${k}`, 1, k <= 3 ? `${E} — PAT image` : `${E} — Musique cue ${k - 3}`);
    add(
      `${E} — Enregistrement musique`,
      2,
      Array.from({ length: 3 }, (_, k) => `${E} — Musique cue ${18 + k}`).join(", "),
    );
    add(`${E} — Mixage`, 4, `${E} — Prémix, ${E} — Bruitages 18, ${E} — Enregistrement musique`);
    add(`${E} — Génériques`, 2, `${E} — PAT image`);
    add(`${E} — Sous-titrage`, 3, `${E} — Mixage`);
    add(`${E} — Audiodescription`, 4, `${E} — Mixage`);
    add(
      `${E} — Contrôle qualité technique`,
      1,
      `${E} — Étalonnage, ${E} — Mixage, ${E} — Génériques, ${E} — Sous-titrage, ${E} — Audiodescription`,
    );
    add(`${E} — PAD`, 0);
  }
  add("Livraison de la série", 0, Array.from({ length: EPISODES }, (_, k) => `${ep(k + 1)} — PAD`).join(", "));
  return l;
}

/** The shooting days (weekdays from PREMIER_JOUR_TOURNAGE) and the crew's vacations on them. */
function planDeTravail() {
  const jours = [];
  for (let d = PREMIER_JOUR_TOURNAGE; jours.length < JOURS_TOURNAGE; d += 86_400_000) {
    const w = new Date(d).getUTCDay();
    if (w !== 0 && w !== 6 && !FERIES_TOURNAGE.includes(new Date(d).toISOString().slice(0, 10))) jours.push(d);
  }
  const personnes = [];
  for (const [fonction, n] of EQUIPE)
    for (let k = 0; k < n; k++)
      personnes.push({
        nom: `${PRENOMS[personnes.length % PRENOMS.length]} ${NOMS[(personnes.length * 5) % NOMS.length]} ${personnes.length + 1}`,
        fonction,
      });
  const lignes = [];
  const h = (hh, mm = 0) => new Date(Date.UTC(1899, 11, 30, hh, mm));
  let nuit = false;
  let jeudis = 0;
  jours.forEach((d, j) => {
    // Every other Thursday a night shoot (18:00–03:00); the Friday after starts at 13:00: 10 h of rest, a reduced
    // rest (alerte). Now and then a 12 h 30 day (erreur).
    const lendemain = nuit && d - jours[j - 1] === 86_400_000;
    nuit = new Date(d).getUTCDay() === 4 && jeudis++ % 2 === 1;
    personnes.forEach((p, i) => {
      const debut = nuit ? h(18) : lendemain ? h(13) : h(8);
      const fin = nuit ? h(3) : !lendemain && (i + j) % 37 === 0 ? h(21, 30) : h(19);
      lignes.push([
        new Date(d),
        p.nom,
        p.fonction,
        "IDCC 2642",
        debut,
        fin,
        60,
        `Décor ${1 + (j % 12)}`,
        `06 ${String(10 + (i % 90)).padStart(2, "0")} 00 00 ${String(i).padStart(2, "0")}`,
      ]);
    });
  });
  return { lignes, personnes: personnes.length, jours: jours.length };
}

async function generer() {
  const etapes = etapesSerie();
  const pdt = planDeTravail();
  if (fs.existsSync(FICHIER)) return { etapes, pdt };
  fs.mkdirSync(DATA, { recursive: true });
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet("Budget série");
  budget.addRow(["PRODUCTIONS DU LARGE — DEVIS SÉRIE (GÉNÉRÉ POUR LE BENCHMARK)"]);
  budget.addRow([]);
  budget.addRow(["Réf", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant HT", "Éligible CI"]);
  budget.addRow(["2 - PERSONNEL"]);
  EQUIPE.forEach(([fonction, n], i) => {
    const r = budget.rowCount + 1;
    const semaine = i % 3 === 0;
    const q = semaine ? 14 : 70;
    const tarif = 250 + 10 * i;
    budget.addRow([
      `2.${i + 1}`,
      fonction,
      q,
      semaine ? "semaine" : "jour",
      n,
      tarif,
      { formula: `ROUND(C${r}*E${r}*F${r},2)`, result: q * n * tarif },
      "oui",
    ]);
  });
  const etapesWs = wb.addWorksheet("Étapes série");
  etapesWs.addRow(["Planning de la série — 10 × 52'"]);
  etapesWs.addRow([]);
  etapesWs.addRow(["Étape", "Durée (jours ouvrés)", "Dépend de", "Calendaire", "Décalage"]);
  for (const e of etapes) etapesWs.addRow(e);
  const ws = wb.addWorksheet("PDT");
  ws.addRow(["Date", "Nom", "Fonction", "Convention", "Début", "Fin", "Pause (min)", "Lieu", "Téléphone"]);
  for (const l of pdt.lignes) ws.addRow(l);
  ws.getColumn(1).numFmt = "dd/mm/yyyy";
  ws.getColumn(5).numFmt = "hh:mm";
  ws.getColumn(6).numFmt = "hh:mm";
  await wb.xlsx.writeFile(FICHIER);
  return { etapes, pdt };
}

const REFERENCE = `
const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
const wb = new ExcelJS.Workbook();
wb.xlsx.readFile(process.argv[1]).then(() => {
  let cellules = 0;
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell(() => cellules++)));
  process.stdout.write(String(cellules));
});
`;

const mediane = (xs) => {
  const t = [...xs].sort((a, b) => a - b);
  const k = t.length >> 1;
  return t.length % 2 ? t[k] : (t[k - 1] + t[k]) / 2;
};

/** Throws unless the JSON is a full schedule of the generated steps with the expected findings. */
function verifierJson(j, etapes, pdt) {
  const n = etapes.length;
  if (!Array.isArray(j.etapes) || j.etapes.length !== n)
    throw new Error(`Étapes planifiées : ${j.etapes?.length}, attendu ${n}`);
  const par = new Map(j.etapes.map((e) => [e.nom, e]));
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  let liens = 0;
  etapes.forEach(([nom, duree, depend], i) => {
    const e = par.get(nom);
    if (!e || !iso.test(e.debut) || !iso.test(e.fin) || e.fin < e.debut || e.joursOuvres !== duree)
      throw new Error(`Étape mal planifiée : ${nom} ${JSON.stringify(e)}`);
    if (e.fin > LIVRAISON) throw new Error(`${nom} finit le ${e.fin}, après la livraison du ${LIVRAISON}`);
    const preds =
      depend === undefined
        ? [etapes[i - 1][0]]
        : depend === "-"
          ? []
          : depend.split(/[,;]/).map((s) => s.trim().replace(/\s*\(\+\d+ j\)$/, ""));
    for (const p of preds) {
      if (!(par.get(p).fin < e.debut))
        throw new Error(`Dépendance non respectée : ${p} finit le ${par.get(p).fin}, ${nom} commence le ${e.debut}`);
      liens++;
    }
  });
  const critiques = j.etapes.filter((e) => e.critique);
  if (critiques.length < 50 || critiques.length === n)
    throw new Error(`Chemin critique invraisemblable : ${critiques.length} étape(s) critique(s) sur ${n}`);
  // Writers' room → shooting of every episode → the last episode's editing (40 sequences in a row) → delivery.
  for (const nom of [
    `${ep(1)} — Séquencier`,
    `${ep(EPISODES)} — Tournage J1`,
    `${ep(EPISODES)} — Montage séquence 40`,
    "Livraison de la série",
  ]) {
    if (!critiques.some((e) => e.nom === nom)) throw new Error(`Le chemin critique ne passe pas par « ${nom} »`);
  }
  if (!j.etapes.some((e) => e.marge > 20))
    throw new Error("Aucune étape n'a de marge : le calcul au plus tôt n'a pas eu lieu");
  const compte = (regle, gravite) => j.controles.filter((c) => c.regle === regle && c.gravite === gravite).length;
  const longues = pdt.lignes.filter((l) => l[5].getUTCHours() === 21).length;
  if (compte("duree-quotidienne", "erreur") !== longues)
    throw new Error(
      `Journées de plus de 12 h signalées : ${compte("duree-quotidienne", "erreur")}, attendu ${longues}`,
    );
  if (compte("repos-quotidien", "erreur") + compte("repos-quotidien", "alerte") === 0)
    throw new Error("Aucun repos quotidien insuffisant signalé après les nuits de tournage");
  if (compte("heures-supplementaires", "info") < pdt.personnes * 10)
    throw new Error(`Heures supplémentaires : ${compte("heures-supplementaires", "info")} constat(s) seulement`);
  return {
    critiques: critiques.length,
    liens,
    debut: j.etapes.reduce((a, e) => (e.debut < a ? e.debut : a), "9999"),
    controles: j.controles.length,
  };
}

/** Throws unless the written workbook has the three sheets, full-sized, and the user's sheets untouched. */
async function verifierSortie(etapes, pdt, joursPlanning) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SORTIE);
  const noms = wb.worksheets.map((w) => w.name);
  for (const f of ["Budget série", "Étapes série", "PDT", "Rétroplanning", "Plan de travail", "Feuille de service"])
    if (!noms.includes(f)) throw new Error(`Feuille « ${f} » absente de la sortie (feuilles : ${noms.join(", ")})`);
  if (
    wb.getWorksheet("Étapes série").rowCount !== etapes.length + 3 ||
    wb.getWorksheet("PDT").rowCount !== pdt.lignes.length + 1
  )
    throw new Error("Les feuilles de l'utilisateur ont changé de taille");
  const retro = wb.getWorksheet("Rétroplanning");
  const nomsRetro = new Set();
  for (let r = 5; r < 5 + etapes.length; r++) nomsRetro.add(retro.getCell(r, 1).value);
  if (etapes.some(([nom]) => !nomsRetro.has(nom))) throw new Error("Rétroplanning : des étapes manquent au tableau");
  const tables = Object.keys(retro.tables ?? {});
  if (!tables.length) throw new Error("Rétroplanning : pas de tableau Excel");
  const cf = retro.conditionalFormattings ?? [];
  if (cf.length < 5)
    throw new Error(`Rétroplanning : ${cf.length} mise(s) en forme conditionnelle, le Gantt (5 attendues) manque`);
  const derniereCol = retro.getRow(4).cellCount;
  if (derniereCol !== 10 + joursPlanning)
    throw new Error(`Rétroplanning : ${derniereCol - 10} colonne(s) de Gantt, attendu ${joursPlanning} jours`);
  const plan = wb.getWorksheet("Plan de travail");
  if (plan.getRow(4).cellCount !== 2 + pdt.jours + 2)
    throw new Error(`Plan de travail : ${plan.getRow(4).cellCount} colonnes, attendu ${pdt.jours + 4}`);
  let personnes = 0;
  for (let r = 5; plan.getCell(r, 1).value; r++) personnes++;
  if (personnes !== pdt.personnes)
    throw new Error(`Plan de travail : ${personnes} personne(s), attendu ${pdt.personnes}`);
  const service = wb.getWorksheet("Feuille de service");
  if (service.rowCount !== 6 + pdt.personnes)
    throw new Error(`Feuille de service : ${service.rowCount - 6} convocation(s), attendu ${pdt.personnes}`);
  return { gantt: derniereCol - 10, personnes, cf: cf.length };
}

async function principal() {
  if (!fs.existsSync(path.join(RACINE, "build/cli/main.js")))
    throw new Error("CLI non compilée : lancez npm run build:cli");
  const tours = Math.max(1, Number(process.env.PLANNING_BENCH_TOURS) || 5);
  const t0 = Date.now();
  const { etapes, pdt } = await generer();
  console.log(
    `Classeur généré : ${etapes.length} étapes (${EPISODES} épisodes), plan de travail ${pdt.lignes.length} lignes (${pdt.personnes} personnes × ${pdt.jours} jours), ${(fs.statSync(FICHIER).size / 1e6).toFixed(1)} Mo (${((Date.now() - t0) / 1000).toFixed(1)} s) ; charge machine ${os.loadavg()[0].toFixed(1)} sur ${os.cpus().length} cœurs`,
  );
  const bin = path.join(RACINE, "bin/prodbook.js");
  const argsJson = [bin, "planning", FICHIER, "--livraison", LIVRAISON, "--json"];
  const argsSortie = [...argsJson, "--service", SERVICE, "-o", SORTIE];
  const s = (x) => `${(x.ms / 1000).toFixed(2)} s (CPU ${x.cpu.toFixed(2)} s), RSS max ${x.rss.toFixed(0)} Mo`;
  const refs = [];
  const jsons = [];
  const sorties = [];
  for (let t = 1; t <= tours; t++) {
    refs.push(mesurer(process.execPath, ["-e", REFERENCE, FICHIER]));
    jsons.push(mesurer(process.execPath, argsJson));
    fs.rmSync(SORTIE, { force: true });
    sorties.push(mesurer(process.execPath, argsSortie));
    console.log(
      `tour ${t}/${tours} (charge ${os.loadavg()[0].toFixed(1)}) : lecture ExcelJS seule ${s(refs[t - 1])} ; --json ${s(jsons[t - 1])} ; -o ${s(sorties[t - 1])}`,
    );
  }
  if ([...jsons, ...sorties].some((x) => x.out !== jsons[0].out))
    throw new Error("Deux passages (avec ou sans -o) ne donnent pas le même JSON");
  const j = JSON.parse(jsons[0].out);
  const v = verifierJson(j, etapes, pdt);
  const fin = j.etapes.reduce((a, e) => (e.fin > a ? e.fin : a), "");
  const joursPlanning = (Date.parse(fin) - Date.parse(v.debut)) / 86_400_000 + 1;
  const o = await verifierSortie(etapes, pdt, joursPlanning);
  console.log(
    `résultats vérifiés : ${etapes.length} étapes du ${v.debut} au ${fin} (${v.liens} dépendances respectées, ${v.critiques} critiques), ${v.controles} constats ; sortie ${(fs.statSync(SORTIE).size / 1e6).toFixed(1)} Mo : Gantt ${o.gantt} jours, plan de travail ${o.personnes} personnes, ${o.cf} mises en forme conditionnelles`,
  );
  const med = (xs, k) => mediane(xs.map((x) => x[k]));
  const mJ = med(jsons, "ms");
  const mO = med(sorties, "ms");
  const rss = Math.max(...jsons.map((x) => x.rss), ...sorties.map((x) => x.rss));
  const f = (x) => x.toFixed(2).replace(".", ",");
  console.log(
    `médianes sur ${tours} tour(s), temps écoulé / CPU : lecture ExcelJS seule ${f(med(refs, "ms") / 1000)} / ${f(med(refs, "cpu"))} s ; --json ${f(mJ / 1000)} / ${f(med(jsons, "cpu"))} s ; -o ${f(mO / 1000)} / ${f(med(sorties, "cpu"))} s`,
  );
  console.log(
    `--json ${f(mJ / 1000)} s (objectif ≤ ${CIBLE_JSON_MS / 1000} s) ; -o ${f(mO / 1000)} s (objectif ≤ ${CIBLE_ECRITURE_MS / 1000} s) ; mémoire max ${rss.toFixed(0)} Mo (objectif ≤ ${CIBLE_RSS_MO} Mo)`,
  );
  const ok = mJ <= CIBLE_JSON_MS && mO <= CIBLE_ECRITURE_MS && rss <= CIBLE_RSS_MO;
  console.log(ok ? "Planning bench : objectifs atteints" : "Planning bench : OBJECTIF NON ATTEINT");
  return ok;
}

if (require.main === module) {
  principal().then(
    (ok) => (process.exitCode = ok ? 0 : 1),
    (e) => {
      console.error(`Planning bench : ÉCHEC — ${e.message}`);
      process.exitCode = 1;
    },
  );
}
module.exports = { principal, generer, FICHIER };
