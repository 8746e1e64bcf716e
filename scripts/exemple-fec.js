#!/usr/bin/env node
"use strict";
/**
 * Generates assets/exemple/fec-exemple.txt: a FABRICATED Grand livre (FEC) of the example production, « Les Gardiens
 * du littoral » (assets/exemple/devis-producteur.xlsx, a 52-minute documentary). It is not a real ledger: no company
 * kept it, the suppliers are invented, the social charges are a flat illustrative split, not the rates in force.
 * It exists so that `prodbook ecarts`, the README's demo and the pane's captures (scripts/captures.js) show écarts
 * that read right against the example devis.
 *
 * The ledger is read from the devis: every line of chapters 1 to 9 and the amount placed in no chapter (repérages) has
 * a plan below (accounts, share of its budget actually spent, dates). A devis line without a plan stops the script, so
 * a change of the example devis is seen here. The FEC holds the 2026 entries up to 30 November 2026 (preparation in
 * spring, shooting in May and June, editing in summer, post-production in the autumn):
 * - AC (Achats): suppliers' invoices, 6xxx + TVA déductible 445660 against 401 (one avoir, a camera lens returned
 *   early, credits 6135);
 * - BQ (Banque): payments from 512000 (suppliers 30 days after their invoice, salaries at the end of the month, social
 *   bodies on the 15th of the next month), bank charges;
 * - PA (Paie): one payroll per month, gross pay 641100 (technicians) and 641300 (cachets of the voice-over artist),
 *   employer charges 645100/645200/645300, Congés Spectacles 641200, formation 633300;
 * - OD (Opérations diverses): the broadcaster's contribution on the authors' rights (1,1 %, as in the devis).
 * Every écriture is balanced (débit = crédit per EcritureNum). Some accounts are deliberately outside Prodbook's
 * default correspondances (src/core/regles/data/correspondances-pcg.json), so that the Écarts page lists comptes sans
 * poste: 602200 consommables, 622800 the fixer, 626200 telephones, 627800 bank charges. The van rental (devis chapter 6)
 * is booked on 613500, which the default table maps to chapter 7, and the voice-over cachets (chapter 3) on 641300,
 * which it maps to chapter 2 (641): a ledger rarely follows the devis's chapters.
 *
 * The frais généraux and imprévus of the devis have no account in a ledger: the écart (réalisé − budget) of the example
 * is therefore about their amount below zero, and the écart estimé is the overspend of the chapters.
 *
 * It also writes assets/exemple/correspondances-exemple.csv, Prodbook's default correspondances (the table the pane
 * starts from) as the CSV file that `prodbook ecarts --correspondances` reads.
 *
 * Deterministic (no random, no clock): running it again rewrites the same bytes.
 * Usage: npm run build:cli && node scripts/exemple-fec.js [dossier de sortie]   (default assets/exemple)
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const RACINE = path.resolve(__dirname, "..");
const DEVIS = path.join(RACINE, "assets/exemple/devis-producteur.xlsx");
const PCG = path.join(RACINE, "src/core/regles/data/correspondances-pcg.json");
const FEUILLE = "Budget Gardiens";
const ARRETE = "2026-11-30"; // last day of the extract: later payments are not in it
const TVA = "445660";
const BANQUE = ["512000", "Banque"];

/** Employer charges on gross pay, as shares of it (illustrative split, not the rates in force). */
const CHARGES = {
  technicien: [
    ["645100", "Cotisations URSSAF", 0.3, "431000"],
    ["645200", "Assurance chômage", 0.09, "431000"],
    ["645300", "Retraite complémentaire et prévoyance", 0.065, "437100"],
    ["641200", "Congés Spectacles", 0.155, "437200"],
    ["633300", "Formation professionnelle (AFDAS)", 0.02, "437300"],
  ],
  artiste: [
    ["645100", "Cotisations URSSAF", 0.21, "431000"],
    ["645200", "Assurance chômage", 0.06, "431000"],
    ["645300", "Retraite complémentaire et prévoyance", 0.045, "437100"],
    ["641200", "Congés Spectacles", 0.125, "437200"],
    ["633300", "Formation professionnelle (AFDAS)", 0.02, "437300"],
  ],
};
/** Employee contributions withheld from gross pay (to URSSAF). */
const PART_SALARIALE = 0.22;
const ORGANISMES = {
  431000: "URSSAF",
  437100: "Audiens (retraite et prévoyance)",
  437200: "Congés Spectacles",
  437300: "AFDAS",
  431100: "URSSAF artistes-auteurs",
};
const COMPTES_PAIE = {
  641100: "Salaires techniciens",
  641300: "Cachets artistes interprètes",
  421000: "Personnel — rémunérations dues",
};

/**
 * Suppliers (invented): [CompAuxNum, CompAuxLib]. The 401 account of an invoice carries the supplier as auxiliary.
 */
const TIERS = {
  martin: ["AUT001", "Claire Martin (auteur-réalisatrice)"],
  ina: ["INA001", "INA — archives"],
  compositeur: ["AUT002", "Erwan Le Bihan (compositeur)"],
  fixeur: ["FIX001", "Ciarán Walsh (fixeur, Cork)"],
  accessoires: ["FOU001", "Bazar du Port (accessoires)"],
  rail: ["TRA001", "Rail Bretagne Voyages"],
  utilitaire: ["LOC001", "Loc'Utile Brest (véhicules)"],
  hotel: ["HEB001", "Hôtel de la Pointe, Ouessant"],
  repas: ["RES001", "Traiteur L'Aber (repas d'équipe)"],
  ferry: ["TRA002", "Compagnie maritime Roscoff–Cork"],
  carburant: ["CAR001", "Carte carburant et péages"],
  camera: ["LOC002", "Ciné Armor Location (caméra)"],
  son: ["LOC003", "Audio Finistère (son)"],
  drone: ["LOC004", "Iroise Drone (drone et télépilote)"],
  consommables: ["FOU002", "Photo Brest (cartes et disques)"],
  montage: ["POS001", "Atelier du Montage (salle)"],
  etalonnage: ["POS002", "Studio Nuance (étalonnage)"],
  mixage: ["POS003", "Auditorium des Capucins (mixage)"],
  soustitrage: ["POS004", "Sous-titres & Cie (sous-titrage, PAD)"],
  assurance: ["ASS001", "Assurances Cinéma Ouest"],
  comptable: ["HON001", "Cabinet Kerjean (expert-comptable)"],
  avocat: ["HON002", "Maître Le Floch (avocate)"],
  telephone: ["TEL001", "Opérateur mobile (lignes de tournage)"],
};

/**
 * The plan of each devis line, by its libellé: what was spent on it. `facture` lines are suppliers' invoices on
 * `compte` (TVA rate `tva`), `paie` lines gross pay in the month's payroll (`statut` gives the charges). `taux` is the
 * share of the devis amount spent; `dates` split it ([date, share, object]). Chapter 4 (charges sociales) has no plan of
 * its own: its réalisé is the charges of the payrolls and the broadcaster's contribution on the authors' rights.
 */
const PLANS = {
  // 1 Droits artistiques (6516 → chapter 1)
  "Auteur-réalisateur — droits d'auteur": {
    facture: "martin",
    compte: ["651600", "Droits d'auteur et de reproduction"],
    tva: 0,
    taux: 1,
    contribution: true,
    dates: [
      ["2026-01-12", 0.5, "Cession de droits, signature"],
      ["2026-09-14", 0.5, "Cession de droits, montage définitif"],
    ],
  },
  "Archives INA (à la minute)": {
    facture: "ina",
    compte: ["651600", "Droits d'auteur et de reproduction"],
    tva: 0.2,
    taux: 1.1, // 4,4 minutes of archives instead of 4
    dates: [["2026-10-06", 1, "Archives, 4,4 minutes"]],
  },
  "Musique originale (compositeur)": {
    facture: "compositeur",
    compte: ["651600", "Droits d'auteur et de reproduction"],
    tva: 0,
    taux: 1,
    contribution: true,
    dates: [
      ["2026-07-06", 0.5, "Musique originale, commande"],
      ["2026-10-12", 0.5, "Musique originale, livraison"],
    ],
  },
  // 2 Personnel (641 → chapter 2)
  "Réalisateur (salaire technicien)": {
    paie: "technicien",
    fonction: "Réalisatrice",
    taux: 1,
    dates: [
      ["2026-04", 1 / 6],
      ["2026-05", 2 / 6],
      ["2026-06", 1 / 6],
      ["2026-09", 2 / 6],
    ],
  },
  "Directrice de production": {
    paie: "technicien",
    fonction: "Directrice de production",
    taux: 1.05,
    dates: [
      ["2026-03", 0.25],
      ["2026-04", 0.25],
      ["2026-05", 0.5],
    ],
  },
  "Chargée de production": {
    paie: "technicien",
    fonction: "Chargée de production",
    taux: 1.1, // 27,5 days instead of 25
    dates: [
      ["2026-04", 0.3],
      ["2026-05", 0.5],
      ["2026-06", 0.2],
    ],
  },
  "Assistant de production": {
    paie: "technicien",
    fonction: "Assistant de production",
    taux: 14 / 15,
    dates: [["2026-05", 1]],
  },
  "Chef opérateur": {
    paie: "technicien",
    fonction: "Chef opérateur",
    taux: 19 / 18,
    dates: [
      ["2026-05", 0.7],
      ["2026-06", 0.3],
    ],
  },
  "Ingénieur du son": {
    paie: "technicien",
    fonction: "Ingénieure du son",
    taux: 19 / 18,
    dates: [
      ["2026-05", 0.7],
      ["2026-06", 0.3],
    ],
  },
  "Cheffe monteuse": {
    paie: "technicien",
    fonction: "Cheffe monteuse",
    taux: 8.5 / 8,
    dates: [
      ["2026-07", 0.5],
      ["2026-08", 0.25],
      ["2026-09", 0.25],
    ],
  },
  "Assistant monteur": { paie: "technicien", fonction: "Assistant monteur", taux: 1, dates: [["2026-07", 1]] },
  Étalonneur: { paie: "technicien", fonction: "Étalonneur", taux: 1, dates: [["2026-10", 1]] },
  Mixeuse: { paie: "technicien", fonction: "Mixeuse", taux: 1, dates: [["2026-10", 1]] },
  "Fixeur / interprète (Irlande)": {
    facture: "fixeur",
    compte: ["622800", "Rémunérations d'intermédiaires divers"], // no default correspondance: sans poste
    tva: 0,
    taux: 1,
    dates: [["2026-06-19", 1, "Fixeur et interprète, 5 jours"]],
  },
  // 3 Interprétation: cachets on 641300, which the default table maps to chapter 2
  "Voix off (comédienne), cachets": {
    paie: "artiste",
    fonction: "Comédienne (voix off)",
    taux: 1,
    dates: [["2026-10", 1]],
  },
  // 5 Décors et costumes (6068 → 5)
  "Accessoires de tournage": {
    facture: "accessoires",
    compte: ["606800", "Autres matières et fournitures"],
    tva: 0.2,
    taux: 0.92,
    dates: [["2026-05-04", 1, "Accessoires de tournage"]],
  },
  // 6 Transports, défraiements, régie (625 → 6)
  "Train Paris–Brest A/R": {
    facture: "rail",
    compte: ["625100", "Voyages et déplacements"],
    tva: 0.1,
    taux: 0.94,
    dates: [
      ["2026-05-06", 0.6, "Billets Paris–Brest, tournage"],
      ["2026-06-03", 0.4, "Billets Paris–Brest, tournage"],
    ],
  },
  "Location véhicule utilitaire": {
    facture: "utilitaire",
    compte: ["613500", "Locations mobilières"], // the default table maps 6135 to chapter 7
    tva: 0.2,
    taux: 1,
    dates: [["2026-05-29", 1, "Utilitaire, 3 semaines"]],
  },
  "Hébergement (nuitées)": {
    facture: "hotel",
    compte: ["625600", "Missions"],
    tva: 0.1,
    taux: 0.97,
    dates: [
      ["2026-05-31", 0.7, "Hébergement équipe, mai"],
      ["2026-06-16", 0.3, "Hébergement équipe, juin"],
    ],
  },
  "Repas (défraiements)": {
    facture: "repas",
    compte: ["625700", "Réceptions"],
    tva: 0.1,
    taux: 1.06,
    dates: [
      ["2026-05-31", 0.7, "Repas d'équipe, mai"],
      ["2026-06-16", 0.3, "Repas d'équipe, juin"],
    ],
  },
  "Ferry Roscoff–Cork et hébergement Irlande": {
    facture: "ferry",
    compte: ["625100", "Voyages et déplacements"],
    tva: 0,
    taux: 0.95,
    dates: [["2026-06-12", 1, "Traversée Roscoff–Cork et hébergement"]],
  },
  "Carburant et péages": {
    facture: "carburant",
    compte: ["625100", "Voyages et déplacements"],
    tva: 0.2,
    taux: 1.12,
    dates: [
      ["2026-05-31", 0.6, "Carburant et péages, mai"],
      ["2026-06-30", 0.4, "Carburant et péages, juin"],
    ],
  },
  // 7 Moyens techniques (6135 → 7)
  "Location caméra et optiques": {
    facture: "camera",
    compte: ["613500", "Locations mobilières"],
    tva: 0.2,
    taux: 1,
    avoir: ["2026-06-10", 15000, "Avoir : optique rendue avant la fin de la location"],
    dates: [["2026-05-04", 1, "Caméra et optiques, 4 semaines"]],
  },
  "Kit son HF": {
    facture: "son",
    compte: ["613500", "Locations mobilières"],
    tva: 0.2,
    taux: 1400 / 1500, // 4 semaines × 350 € : the devis's amount (1 500 €) is wrong
    dates: [["2026-05-04", 1, "Kit HF, 4 semaines"]],
  },
  "Drone et télépilote": {
    facture: "drone",
    compte: ["613500", "Locations mobilières"],
    tva: 0.2,
    taux: 1,
    dates: [["2026-05-15", 1, "Drone et télépilote, 2 jours"]],
  },
  "Consommables (cartes, disques)": {
    facture: "consommables",
    compte: ["602200", "Fournitures consommables"], // no default correspondance: sans poste
    tva: 0.2,
    taux: 1.02,
    dates: [["2026-04-27", 1, "Cartes mémoire et disques"]],
  },
  // 8 Post-production (611, 604 → 8)
  "Salle de montage (location)": {
    facture: "montage",
    compte: ["611000", "Sous-traitance générale"],
    tva: 0.2,
    taux: 8.5 / 8,
    dates: [
      ["2026-07-31", 0.5, "Salle de montage, juillet"],
      ["2026-08-31", 0.25, "Salle de montage, août"],
      ["2026-09-30", 0.25, "Salle de montage, septembre"],
    ],
  },
  "Étalonnage (salle)": {
    facture: "etalonnage",
    compte: ["611000", "Sous-traitance générale"],
    tva: 0.2,
    taux: 1,
    dates: [["2026-10-16", 1, "Étalonnage, 3 jours"]],
  },
  "Mixage (auditorium)": {
    facture: "mixage",
    compte: ["611000", "Sous-traitance générale"],
    tva: 0.2,
    taux: 1,
    dates: [["2026-10-23", 1, "Mixage, 2 jours"]],
  },
  "Sous-titrage et PAD": {
    facture: "soustitrage",
    compte: ["604000", "Achats d'études et prestations"],
    tva: 0.2,
    taux: 0.9,
    dates: [["2026-11-20", 1, "Sous-titrage et fabrication du PAD"]],
  },
  // 9 Assurances et divers (616, 6226 → 9)
  "Assurance production": {
    facture: "assurance",
    compte: ["616000", "Primes d'assurance"],
    tva: 0,
    taux: 1.05,
    dates: [["2026-02-02", 1, "Assurance production, prime"]],
  },
  "Expert-comptable": {
    facture: "comptable",
    compte: ["622600", "Honoraires"],
    tva: 0.2,
    taux: 1,
    dates: [
      ["2026-03-31", 0.5, "Honoraires, tenue"],
      ["2026-09-30", 0.5, "Honoraires, tenue"],
    ],
  },
  "Frais juridiques": {
    facture: "avocat",
    compte: ["622600", "Honoraires"],
    tva: 0.2,
    taux: 0.8,
    dates: [["2026-02-16", 1, "Contrats de cession et de coproduction"]],
  },
  // Placed in no chapter of the devis: the ledger books it on travel accounts (→ 6)
  "Repérages Bretagne (à ventiler)": [
    {
      facture: "rail",
      compte: ["625100", "Voyages et déplacements"],
      tva: 0.1,
      taux: 0.45,
      dates: [["2026-03-09", 1, "Billets Paris–Brest, repérages"]],
    },
    {
      facture: "hotel",
      compte: ["625600", "Missions"],
      tva: 0.1,
      taux: 0.5,
      dates: [["2026-03-13", 1, "Hébergement, repérages"]],
    },
  ],
};

/** Not in the devis, each on an account outside the default correspondances: [date, compte, libellé, HT (cents)]. */
const TELEPHONE = [
  ["2026-04-30", 7960],
  ["2026-05-31", 7960],
  ["2026-06-30", 7960],
];
const FRAIS_BANCAIRES = [
  ["2026-03-31", 3200],
  ["2026-06-30", 3200],
  ["2026-09-30", 3200],
];
/** The broadcaster's contribution on authors' rights, as in the devis's line 4.3. */
const CONTRIBUTION_AUTEURS = 0.011;

// The app's own month names and FEC columns (compiled by `npm run build:cli`), not copies.
const { MOIS } = require("../build/core/util/texte.js");

/** A devis amount in cents: a number, a formula's result, or a text « 6 000,00 € ». */
function centimes(v) {
  if (v && typeof v === "object" && "result" in v) v = v.result;
  if (typeof v === "string") v = Number(v.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
  if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`montant illisible : ${JSON.stringify(v)}`);
  return Math.round(v * 100);
}

/** The devis lines of chapters 1 to 9 and those placed in no chapter: { chapitre, libelle, montant (cents) }. */
async function lignesDevis() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(DEVIS);
  const ws = wb.getWorksheet(FEUILLE);
  if (!ws) throw new Error(`${DEVIS} : feuille « ${FEUILLE} » absente`);
  const lignes = [];
  let chapitre = null;
  let entete = false;
  ws.eachRow((row) => {
    const a = row.getCell(1).value;
    const b = row.getCell(2).value;
    if (b === "Désignation") return void (entete = true);
    if (!entete) return;
    if (typeof a === "string" && /^\d - /.test(a)) return void (chapitre = a[0]);
    if (typeof b !== "string") return;
    if (/^(Sous-total|TOTAL|Frais généraux|Imprévus)/.test(b)) return void (chapitre = null);
    lignes.push({ chapitre, libelle: b, montant: centimes(row.getCell(7).value) });
  });
  return lignes;
}

/** Splits `total` cents by `parts` (shares summing to 1), the last part taking the rounding. */
function repartir(total, parts) {
  let reste = total;
  return parts.map((p, i) => {
    const c = i === parts.length - 1 ? reste : Math.round(total * p);
    reste -= c;
    return c;
  });
}

const euros = (c) => {
  const s = Math.abs(c).toString().padStart(3, "0");
  return `${c < 0 ? "-" : ""}${s.slice(0, -2)},${s.slice(-2)}`;
};
const aaaammjj = (iso) => iso.replace(/-/g, "");
const finDeMois = (mois) => {
  const [a, m] = mois.split("-").map(Number);
  return `${mois}-${String(new Date(Date.UTC(a, m, 0)).getUTCDate()).padStart(2, "0")}`;
};
const plusJours = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const moisSuivant15 = (mois) => {
  const [a, m] = mois.split("-").map(Number);
  return `${m === 12 ? a + 1 : a}-${String((m % 12) + 1).padStart(2, "0")}-15`;
};

/** The écritures: { journal, date, piece, libelle, lignes: [{ compte, compteLib, aux, auxLib, debit, credit, lettre }] }. */
function ecritures(lignes) {
  const liste = [];
  const paies = new Map(); // month → [{ compte, fonction, brut, statut }]
  const cotisations = new Map(); // month → { organisme account → cents }
  const aPayer = (mois, compte, montant) => {
    const m = cotisations.get(mois) ?? {};
    m[compte] = (m[compte] ?? 0) + montant;
    cotisations.set(mois, m);
  };
  const numeros = {};
  const piece = (tiers) => {
    numeros[tiers] = (numeros[tiers] ?? 0) + 1;
    return `${TIERS[tiers][0]}-${String(numeros[tiers]).padStart(3, "0")}`;
  };
  const ligne = (compte, compteLib, debit, credit, aux = ["", ""], lettreLet = "", dateLet = "") => ({
    compte,
    compteLib,
    aux: aux[0],
    auxLib: aux[1],
    debit,
    credit,
    lettre: lettreLet,
    dateLet,
  });

  /** A supplier's invoice (or avoir, ht < 0) and, when due before the extract's end, its payment 30 days later. */
  function facture(plan, date, ht, objet) {
    const tiers = TIERS[plan.facture];
    const tva = Math.round(Math.abs(ht) * plan.tva) * Math.sign(ht);
    const ttc = ht + tva;
    const paiement = plusJours(date, 30);
    const paye = paiement <= ARRETE;
    const ref = piece(plan.facture);
    const l = paye ? ref : ""; // lettered in fec(), in the order of the file
    const dl = paye ? aaaammjj(paiement) : "";
    const libelle = `${tiers[1].replace(/ \(.*\)$/, "")} — ${objet}`;
    const d = (c) => (c > 0 ? [c, 0] : [0, -c]);
    const lignesAc = [ligne(plan.compte[0], plan.compte[1], ...d(ht))];
    if (tva) lignesAc.push(ligne(TVA, "TVA déductible sur biens et services", ...d(tva)));
    lignesAc.push(ligne("401000", "Fournisseurs", ...d(-ttc), tiers, l, dl));
    liste.push({ journal: "AC", date, piece: ref, libelle, lignes: lignesAc });
    if (paye)
      liste.push({
        journal: "BQ",
        date: paiement,
        piece: `VIR-${ref}`,
        libelle: `${ht > 0 ? "Règlement" : "Remboursement"} ${ref} ${tiers[1].replace(/ \(.*\)$/, "")}`,
        lignes: [ligne("401000", "Fournisseurs", ...d(ttc), tiers, l, dl), ligne(...BANQUE, ...d(-ttc))],
      });
    if (plan.contribution) {
      const c = Math.round(ht * CONTRIBUTION_AUTEURS);
      liste.push({
        journal: "OD",
        date,
        piece: `CD-${ref}`,
        libelle: `Contribution diffuseur sur droits d'auteur ${ref}`,
        lignes: [
          ligne("645800", "Cotisations artistes-auteurs (contribution diffuseur)", c, 0),
          ligne("431100", ORGANISMES[431100], 0, c),
        ],
      });
      aPayer(date.slice(0, 7), "431100", c);
    }
  }

  const sansPlan = [];
  for (const l of lignes) {
    const plan = PLANS[l.libelle];
    if (!plan) {
      if (l.chapitre !== "4") sansPlan.push(`« ${l.libelle} »`);
      continue;
    }
    for (const p of Array.isArray(plan) ? plan : [plan]) {
      const depense = Math.round(l.montant * p.taux);
      const parts = repartir(
        depense,
        p.dates.map((d) => d[1]),
      );
      p.dates.forEach(([date, , objet], i) => {
        if (p.facture) return facture(p, date, parts[i], objet);
        const mois = paies.get(date) ?? [];
        mois.push({
          compte: p.paie === "artiste" ? "641300" : "641100",
          fonction: p.fonction,
          brut: parts[i],
          statut: p.paie,
        });
        paies.set(date, mois);
      });
      if (p.avoir) facture(p, p.avoir[0], -p.avoir[1], p.avoir[2]);
    }
  }
  if (sansPlan.length)
    throw new Error(`lignes du devis sans plan dans scripts/exemple-fec.js : ${sansPlan.join(", ")}`);

  // One payroll per month, its net pay paid the same day.
  for (const [mois, salaries] of [...paies].sort(([a], [b]) => a.localeCompare(b))) {
    const date = finDeMois(mois);
    const nom = `${MOIS[Number(mois.slice(5)) - 1]} 2026`;
    const lignesPa = salaries.map((s) => ({
      ...ligne(s.compte, COMPTES_PAIE[s.compte], s.brut, 0),
      libelle: `Paie ${nom} — ${s.fonction}`,
    }));
    const charges = new Map(); // charge account → { lib, montant, organisme }
    let net = 0;
    for (const s of salaries) {
      for (const [compte, lib, taux, organisme] of CHARGES[s.statut]) {
        const c = charges.get(compte) ?? { lib, montant: 0, organisme };
        c.montant += Math.round(s.brut * taux);
        charges.set(compte, c);
      }
      const salariale = Math.round(s.brut * PART_SALARIALE);
      net += s.brut - salariale;
      aPayer(mois, "431000", salariale);
    }
    for (const [compte, c] of charges) {
      lignesPa.push(ligne(compte, c.lib, c.montant, 0));
      aPayer(mois, c.organisme, c.montant);
    }
    lignesPa.push(ligne("421000", COMPTES_PAIE[421000], 0, net));
    const organismes = cotisations.get(mois);
    for (const compte of Object.keys(organismes).filter((c) => c !== "431100"))
      lignesPa.push(ligne(compte, ORGANISMES[compte], 0, organismes[compte]));
    liste.push({ journal: "PA", date, piece: `PAIE-${mois}`, libelle: `Paie ${nom}`, lignes: lignesPa });
    liste.push({
      journal: "BQ",
      date,
      piece: `VIR-PAIE-${mois}`,
      libelle: `Virement des salaires ${nom}`,
      lignes: [ligne("421000", COMPTES_PAIE[421000], net, 0), ligne(...BANQUE, 0, net)],
    });
  }
  // The social bodies, paid on the 15th of the next month.
  for (const [mois, organismes] of [...cotisations].sort(([a], [b]) => a.localeCompare(b))) {
    const date = moisSuivant15(mois);
    if (date > ARRETE) continue;
    const total = Object.values(organismes).reduce((s, c) => s + c, 0);
    liste.push({
      journal: "BQ",
      date,
      piece: `VIR-COT-${mois}`,
      libelle: `Cotisations sociales ${MOIS[Number(mois.slice(5)) - 1]} 2026`,
      lignes: [
        ...Object.keys(organismes)
          .sort()
          .map((c) => ligne(c, ORGANISMES[c], organismes[c], 0)),
        ligne(...BANQUE, 0, total),
      ],
    });
  }
  for (const [date, ht] of TELEPHONE)
    facture(
      { facture: "telephone", compte: ["626200", "Frais de télécommunications"], tva: 0.2 },
      date,
      ht,
      "Lignes mobiles de tournage",
    );
  for (const [date, montant] of FRAIS_BANCAIRES)
    liste.push({
      journal: "BQ",
      date,
      piece: `FRAIS-${date.slice(0, 7)}`,
      libelle: "Frais de tenue de compte",
      lignes: [ligne("627800", "Autres frais et commissions bancaires", montant, 0), ligne(...BANQUE, 0, montant)],
    });
  return liste;
}

const JOURNAUX = { AC: "Achats", BQ: "Banque", OD: "Opérations diverses", PA: "Paie" };
/** The 18 columns of art. A47 A-1 LPF, in their order (the first 18 of the app's FEC header names). */
const COLONNES = require("../build/core/comptabilite/fec/entete.js").CHAMPS_FEC.slice(0, 18);

/** The FEC text: tab-separated, UTF-8, LF; écritures by date then journal, numbered per journal in that order. */
function fec(liste) {
  const ordre = Object.keys(JOURNAUX);
  const triees = liste
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        a.e.date.localeCompare(b.e.date) || ordre.indexOf(a.e.journal) - ordre.indexOf(b.e.journal) || a.i - b.i,
    )
    .map(({ e }) => e);
  const compteurs = {};
  const lettres = new Map(); // invoice → lettrage code AA, AB… by first appearance
  const lettre = (cle) => {
    if (!cle) return "";
    if (!lettres.has(cle)) {
      const n = lettres.size;
      lettres.set(cle, String.fromCharCode(65 + Math.floor(n / 26)) + String.fromCharCode(65 + (n % 26)));
    }
    return lettres.get(cle);
  };
  const sortie = [COLONNES.join("\t")];
  for (const e of triees) {
    compteurs[e.journal] = (compteurs[e.journal] ?? 0) + 1;
    const num = `${e.journal}${String(compteurs[e.journal]).padStart(5, "0")}`;
    const debit = e.lignes.reduce((s, l) => s + l.debit, 0);
    const credit = e.lignes.reduce((s, l) => s + l.credit, 0);
    if (debit !== credit) throw new Error(`écriture ${num} déséquilibrée : ${debit} / ${credit}`);
    const date = aaaammjj(e.date);
    for (const l of e.lignes)
      sortie.push(
        [
          e.journal,
          JOURNAUX[e.journal],
          num,
          date,
          l.compte,
          l.compteLib,
          l.aux,
          l.auxLib,
          e.piece,
          date,
          l.libelle ?? e.libelle,
          euros(l.debit),
          euros(l.credit),
          lettre(l.lettre),
          l.dateLet,
          date,
          "",
          "",
        ].join("\t"),
      );
  }
  return sortie.join("\n") + "\n";
}

/** Prodbook's default correspondances (the last version of the table) as a `compte;poste;libelle` CSV. */
function correspondancesCsv() {
  const table = JSON.parse(fs.readFileSync(PCG, "utf8"));
  const { correspondances } = table.versions[table.versions.length - 1].valeurs;
  const champ = (t) => (/[;"\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return (
    ["compte;poste;libelle", ...correspondances.map((c) => [c.compte, c.poste, c.libelle].map(champ).join(";"))].join(
      "\n",
    ) + "\n"
  );
}

async function main() {
  const dossier = path.resolve(process.argv[2] || path.join(RACINE, "assets/exemple"));
  const lignes = await lignesDevis();
  const liste = ecritures(lignes);
  const texte = fec(liste);
  fs.writeFileSync(path.join(dossier, "fec-exemple.txt"), texte);
  fs.writeFileSync(path.join(dossier, "correspondances-exemple.csv"), correspondancesCsv());
  let classe6 = 0;
  for (const e of liste) for (const l of e.lignes) if (l.compte.startsWith("6")) classe6 += l.debit - l.credit;
  process.stdout.write(
    `Écrit ${path.join(dossier, "fec-exemple.txt")} : ${texte.split("\n").length - 2} lignes, ${liste.length} écritures, ` +
      `classe 6 nette ${euros(classe6)} € ; et correspondances-exemple.csv\n`,
  );
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exitCode = 1;
});
