#!/usr/bin/env node
"use strict";
/**
 * Generates assets/exemple/devis-producteur.xlsx: a 52-minute documentary devis in a producer's OWN layout
 * (merged titles, "2 - PERSONNEL" chapter rows, own column order, subtotals, TOTAL HT, FG/imprévus in %),
 * with deliberate mistakes for the demo: one wrong line amount (7.2), one day rate under the IDCC 2642 minimum
 * (2.3 chargée de production), one amount outside any chapter (repérages, above chapter 1), two amounts typed as
 * text (1.2 archives, repas) that the producer's SUM subtotals skip. Every cached formula result is what Excel and
 * LibreOffice compute (SUM ignores text), so opening the file shows the same totals as the CLI's producer columns.
 * Usage: node scripts/generer-exemple.js [sortie.xlsx]
 */
const path = require("path");
const ExcelJS = require("exceljs");

const FMT = '#,##0.00 "€"';
const sortie = process.argv[2] || path.join(__dirname, "..", "assets", "exemple", "devis-producteur.xlsx");

// [réf, désignation, qté, unité, nb, tarif, montant?: "formule" | "texte" | number (imposed), territoire, éligible CI]
const CHAPITRES = [
  [
    "1 - DROITS ARTISTIQUES",
    [
      ["1.1", "Auteur-réalisateur — droits d'auteur", 1, "forfait", 1, 12000, "formule", "France", "oui"],
      ["1.2", "Archives INA (à la minute)", 4, "minute", 1, 1500, "texte", "France", "oui"],
      ["1.3", "Musique originale (compositeur)", 1, "forfait", 1, 5000, "formule", "France", "oui"],
    ],
  ],
  [
    "2 - PERSONNEL",
    [
      ["2.1", "Réalisateur (salaire technicien)", 6, "semaine", 1, 1850, "formule", "France", "oui"],
      ["2.2", "Directrice de production", 12, "jour", 1, 400, "formule", "France", "oui"],
      ["2.3", "Chargée de production", 25, "jour", 1, 230, "formule", "France", "oui"],
      ["2.4", "Assistant de production", 15, "jour", 1, 190, "formule", "France", "oui"],
      ["2.5", "Chef opérateur", 18, "jour", 1, 350, "formule", "France", "oui"],
      ["2.6", "Ingénieur du son", 18, "jour", 1, 310, "formule", "France", "oui"],
      ["2.7", "Cheffe monteuse", 8, "semaine", 1, 1400, "formule", "France", "oui"],
      ["2.8", "Assistant monteur", 10, "jour", 1, 240, "formule", "France", "oui"],
      ["2.9", "Étalonneur", 4, "jour", 1, 420, "formule", "France", "oui"],
      ["2.10", "Mixeuse", 3, "jour", 1, 450, "formule", "France", "oui"],
      ["2.11", "Fixeur / interprète (Irlande)", 5, "jour", 1, 220, "formule", "Étranger", "non"],
    ],
  ],
  ["3 - INTERPRÉTATION", [["3.1", "Voix off (comédienne), cachets", 2, "cachet", 1, 450, "formule", "France", "oui"]]],
  [
    "4 - CHARGES SOCIALES",
    [
      ["4.1", "Charges sur salaires techniciens (62 %)", null, null, null, null, "charges-2", "France", "oui"],
      ["4.2", "Charges sur cachets artistes (45 %)", null, null, null, null, "charges-3", "France", "oui"],
      ["4.3", "Contributions diffuseur auteurs (1,1 %)", null, null, null, null, "charges-1", "France", "oui"],
    ],
  ],
  ["5 - DÉCORS ET COSTUMES", [["5.1", "Accessoires de tournage", 1, "forfait", 1, 300, "formule", "France", "oui"]]],
  // The producer did not number this chapter's lines: they are placed by the chapter row above them.
  [
    "6 - TRANSPORTS, DÉFRAIEMENTS, RÉGIE",
    [
      [null, "Train Paris–Brest A/R", 6, "A/R", 4, 120, "formule", "France", "oui"],
      [null, "Location véhicule utilitaire", 3, "semaine", 1, 650, "formule", "France", "oui"],
      [null, "Hébergement (nuitées)", 18, "nuit", 4, 85, "formule", "France", "oui"],
      [null, "Repas (défraiements)", 18, "jour", 4, 20.2, "texte", "France", "oui"],
      [null, "Ferry Roscoff–Cork et hébergement Irlande", 1, "forfait", 1, 2400, "formule", "Étranger", "non"],
      [null, "Carburant et péages", 1, "forfait", 1, 800, "formule", "France", "oui"],
    ],
  ],
  [
    "7 - MOYENS TECHNIQUES",
    [
      ["7.1", "Location caméra et optiques", 4, "semaine", 1, 1200, "formule", "France", "oui"],
      ["7.2", "Kit son HF", 4, "semaine", 1, 350, 1500, "France", "oui"],
      ["7.3", "Drone et télépilote", 2, "jour", 1, 900, "formule", "France", "oui"],
      ["7.4", "Consommables (cartes, disques)", 1, "forfait", 1, 600, "formule", "France", "oui"],
    ],
  ],
  [
    "8 - POST-PRODUCTION",
    [
      ["8.1", "Salle de montage (location)", 8, "semaine", 1, 450, "formule", "France", "oui"],
      ["8.2", "Étalonnage (salle)", 3, "jour", 1, 900, "formule", "France", "oui"],
      ["8.3", "Mixage (auditorium)", 2, "jour", 1, 950, "formule", "France", "oui"],
      ["8.4", "Sous-titrage et PAD", 1, "forfait", 1, 1500, "formule", "France", "oui"],
    ],
  ],
  [
    "9 - ASSURANCES ET DIVERS",
    [
      ["9.1", "Assurance production", 1, "forfait", 1, 2200, "formule", "France", "oui"],
      ["9.2", "Expert-comptable", 1, "forfait", 1, 1500, "formule", "France", "non"],
      ["9.3", "Frais juridiques", 1, "forfait", 1, 800, "formule", "France", "non"],
    ],
  ],
];
// The post-production steps, in the form `prodbook planning` reads (docs/planning.md, « Feuille d'étapes ») and planned
// back from the PAD date: [étape, durée (jours ouvrés, 0 = jalon), dépend de, décalage (jours ouvrés), équipe].
// The durations are the devis's: cheffe monteuse 8 semaines (ours + version finale), étalonneur 4 jours, mixeuse 3 jours,
// assistant monteur 10 jours (dérushage 6, conformation 2, PAD 2), voix off 2 cachets (tests/cli/planning-exemple.test.ts).
const PAD = "2026-10-30";
const ETAPES = [
  ["Dérushage et synchronisation", 6, "-", null, "Assistant monteur (2.8)"],
  ["Montage image : ours", 20, "Dérushage et synchronisation", null, "Cheffe monteuse (2.7), salle de montage (8.1)"],
  ["Visionnage de l'ours (diffuseur)", 0, "Montage image : ours", null, "Réalisateur, chargée de programmes"],
  // Summer holidays in August: the final cut starts four weeks after the rough cut's screening; the broadcaster
  // takes two weeks to screen the final cut and send its notes.
  [
    "Montage image : version finale",
    20,
    "Visionnage de l'ours (diffuseur)",
    20,
    "Cheffe monteuse (2.7), salle de montage (8.1)",
  ],
  ["Validation du montage (diffuseur)", 0, "Montage image : version finale", 10, "Chargée de programmes"],
  ["Archives INA : masters des extraits", 10, "Visionnage de l'ours (diffuseur)", null, "Archives INA (1.2)"],
  ["Musique originale", 15, "Visionnage de l'ours (diffuseur)", null, "Compositeur (1.3)"],
  ["Enregistrement de la voix off", 2, "Validation du montage (diffuseur)", null, "Voix off (3.1)"],
  ["Génériques", 2, "Validation du montage (diffuseur)", null, "Cheffe monteuse (2.7)"],
  [
    "Conformation",
    2,
    "Validation du montage (diffuseur), Archives INA : masters des extraits",
    null,
    "Assistant monteur (2.8)",
  ],
  ["Étalonnage", 4, "Conformation", null, "Étalonneur (2.9), salle d'étalonnage (8.2)"],
  ["Mixage", 3, "Enregistrement de la voix off, Musique originale", null, "Mixeuse (2.10), auditorium (8.3)"],
  ["Sous-titrage", 3, "Validation du montage (diffuseur)", null, "Sous-titrage (8.4)"],
  [
    "Fabrication du PAD et contrôle technique",
    2,
    "Étalonnage, Mixage, Génériques, Sous-titrage",
    null,
    "Assistant monteur (2.8), PAD (8.4)",
  ],
  ["PAD", 0, "Fabrication du PAD et contrôle technique", null, "Livraison au diffuseur"],
];
/** « vendredi 30 octobre 2026 »: the date in French words, by the platform's Intl (full ICU in Node). */
const enLettres = (iso) =>
  new Intl.DateTimeFormat("fr-FR", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

/** The « Post-production » sheet: the steps under a title, the header on row 5 as on the devis sheet. */
function feuilleEtapes(wb) {
  const ws = wb.addWorksheet("Post-production", { views: [{ state: "frozen", ySplit: 5 }] });
  ws.columns = [{ width: 42 }, { width: 12 }, { width: 62 }, { width: 10 }, { width: 44 }];
  ws.getCell("A1").value = "LES FILMS DU LARGE — POST-PRODUCTION";
  ws.mergeCells("A1:E1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `« Les Gardiens du littoral » — PAD au diffuseur le ${enLettres(PAD)}`;
  ws.mergeCells("A2:E2");
  ws.getCell("A3").value =
    "Durées en jours ouvrés (0 = jalon) ; décalage : jours ouvrés laissés libres après les étapes dont elle dépend";
  ws.mergeCells("A3:E3");
  ws.getRow(5).values = ["Étape", "Durée (jours ouvrés)", "Dépend de", "Décalage", "Équipe (lignes du devis)"];
  ws.getRow(5).font = { bold: true };
  ETAPES.forEach(([etape, duree, depend, decalage, equipe], i) => {
    ws.getRow(6 + i).values = [etape, duree, depend, decalage, equipe];
    if (!duree) ws.getRow(6 + i).font = { bold: true };
  });
}

const CHARGES = { "charges-2": ["2", 0.62], "charges-3": ["3", 0.45], "charges-1": ["1", 0.011] };

const arrondi = (x) => Math.round(x * 100 + Number.EPSILON * 100) / 100;
const fr = (x) =>
  x
    .toFixed(2)
    .replace(".", ",")
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ") + " €";

async function generer() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Les Films du Large";
  const ws = wb.addWorksheet("Budget Gardiens", { views: [{ state: "frozen", ySplit: 5 }] });
  ws.columns = [
    { width: 7 },
    { width: 44 },
    { width: 7 },
    { width: 10 },
    { width: 6 },
    { width: 13 },
    { width: 15 },
    { width: 11 },
    { width: 11 },
  ];
  ws.getCell("A1").value = "LES FILMS DU LARGE — DEVIS PRÉVISIONNEL";
  ws.mergeCells("A1:I1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "« Les Gardiens du littoral » — documentaire 52' — réal. Claire Martin";
  ws.mergeCells("A2:I2");
  ws.getCell("A3").value = "Version du 12/09/2025 — montants HT en euros";
  ws.getRow(5).values = [
    "Réf",
    "Désignation",
    "Qté",
    "Unité",
    "Nb",
    "Tarif",
    "Montant HT",
    "Territoire",
    "Éligible CI",
  ];
  ws.getRow(5).font = { bold: true };
  let r = 6;
  // A cost the producer has not allocated yet: no code, no chapter above it.
  ws.getRow(r).values = [
    null,
    "Repérages Bretagne (à ventiler)",
    3,
    "jour",
    1,
    400,
    { formula: `C${r}*E${r}*F${r}`, result: 1200 },
    "France",
    "oui",
  ];
  const nonPlace = 1200;
  r += 2;
  const sousTotaux = [];
  const parChapitre = {};
  for (const [titre, lignes] of CHAPITRES) {
    ws.getCell(`A${r}`).value = titre;
    ws.mergeCells(`A${r}:I${r}`);
    ws.getCell(`A${r}`).font = { bold: true };
    ws.getCell(`A${r}`).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    r++;
    const debut = r;
    let somme = 0; // the chapter's real cost, text amounts included (what Prodbook reads)
    let sommeExcel = 0; // what SUM caches: Excel and LibreOffice skip amounts written as text
    const ch = titre[0];
    for (const [ref, lib, q, u, nb, tarif, mode, terr, ci] of lignes) {
      let valeur;
      let cellule;
      if (typeof mode === "string" && mode.startsWith("charges")) {
        const [base, taux] = CHARGES[mode];
        valeur = arrondi(parChapitre[base] * taux);
        cellule = valeur;
      } else if (mode === "formule") {
        valeur = arrondi(q * nb * tarif);
        cellule = { formula: `ROUND(C${r}*E${r}*F${r},2)`, result: valeur };
      } else if (mode === "texte") {
        valeur = arrondi(q * nb * tarif);
        cellule = fr(valeur);
      } else {
        valeur = mode; // imposed (wrong) amount
        cellule = mode;
      }
      ws.getRow(r).values = [ref, lib, q, u, nb, tarif, cellule, terr, ci];
      somme = arrondi(somme + valeur);
      if (mode !== "texte") sommeExcel = arrondi(sommeExcel + valeur);
      r++;
    }
    parChapitre[ch] = somme;
    ws.getRow(r).values = [
      null,
      `Sous-total ${titre.replace(/^\d - /, "").toLowerCase()}`,
      null,
      null,
      null,
      null,
      { formula: `SUM(G${debut}:G${r - 1})`, result: sommeExcel },
    ];
    ws.getRow(r).font = { italic: true };
    sousTotaux.push({ r, somme: sommeExcel });
    r += 2;
  }
  const totalHT = arrondi(sousTotaux.reduce((s, x) => s + x.somme, 0) + nonPlace);
  const rTotal = r;
  ws.getRow(r).values = [
    null,
    "TOTAL HT (coût de production)",
    null,
    null,
    null,
    null,
    { formula: `G6+${sousTotaux.map((s) => `G${s.r}`).join("+")}`, result: totalHT },
  ];
  ws.getRow(r).font = { bold: true };
  r += 2;
  const fg = arrondi(totalHT * 0.15);
  ws.getRow(r).values = [
    null,
    "Frais généraux 15 %",
    null,
    null,
    null,
    null,
    { formula: `ROUND(G${rTotal}*15%,2)`, result: fg },
  ];
  const rFg = r++;
  const imp = arrondi(totalHT * 0.07);
  ws.getRow(r).values = [
    null,
    "Imprévus 7 %",
    null,
    null,
    null,
    null,
    { formula: `ROUND(G${rTotal}*7%,2)`, result: imp },
  ];
  const rImp = r;
  r += 2;
  ws.getRow(r).values = [
    null,
    "TOTAL GÉNÉRAL HT",
    null,
    null,
    null,
    null,
    { formula: `G${rTotal}+G${rFg}+G${rImp}`, result: arrondi(totalHT + fg + imp) },
  ];
  ws.getRow(r).font = { bold: true };
  for (let i = 6; i <= r; i++) {
    ws.getCell(`F${i}`).numFmt = FMT;
    ws.getCell(`G${i}`).numFmt = FMT;
  }
  feuilleEtapes(wb);
  await wb.xlsx.writeFile(sortie);
  process.stdout.write(`Écrit ${sortie} : total HT ${fr(totalHT)}, total général ${fr(arrondi(totalHT + fg + imp))}\n`);
}

generer().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exitCode = 1;
});
