import { bilanCarbone } from "../../../src/core/carbone/bilanClasseur";
import { COL, ENTETES_ACTIVITES } from "../../../src/core/carbone/colonnes";
import { estimer } from "../../../src/core/carbone/estimer";
import { csvExport } from "../../../src/core/carbone/export";
import { citation, facteursEnVigueur } from "../../../src/core/carbone/facteurs";
import type { ActiviteEstimee } from "../../../src/core/carbone/modele";
import { MemoryWorkbook, type CelluleMemoire } from "../../helpers/memoryWorkbook";

const ENTETE = ["Code", "Désignation", "Qté", "Unité", "Nb", "Tarif", "Montant"];

function devis(lignes: CelluleMemoire[][], autres: Record<string, CelluleMemoire[][]> = {}, prodbook: string[] = []) {
  return new MemoryWorkbook(
    { Budget: [ENTETE, ["6", "TRANSPORTS, DÉFRAIEMENTS, RÉGIE"], ...lignes], ...autres },
    { prodbook },
  );
}

describe("classement des lignes du devis par activité des calculateurs", () => {
  test("location à la semaine ou au mois : unité ou libellé, convertie en jours d'utilisation avec sa règle", async () => {
    const wb = devis([
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Location caméra", 3, "sem.", 1, 2000, 6000],
      ["7.2", "Location caméra B (forfait semaine)", 2, "forfait", 1, 1500, 3000],
      ["7.3", "Location lumière 3 semaines", 2, "u", 1, 900, 1800],
      ["7.4", "Location machinerie", 1, "mois", 1, 4000, 4000],
      ["7.5", "Location son (tarif semaine)", 4, "jours", 1, 100, 400],
      ["7.6", "Location drone semi-remorque", 1, "forfait", 1, 500, 500],
      ["7.7", "Location caméra Alexa", 2.5, "semaines", 1, 2000, 5000],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    const vue = r.activites.map((a) => [a.libelle, a.quantite ?? null, a.unite, a.formuleQuantite ?? null]);
    expect(vue).toEqual([
      ["Location caméra", "15", "jour", "Budget!C4*Budget!E4*5"],
      ["Location caméra B (forfait semaine)", "10", "jour", "Budget!C5*Budget!E5*5"],
      ["Location lumière 3 semaines", "30", "jour", "Budget!C6*Budget!E6*15"],
      ["Location machinerie", "20", "jour", "Budget!C7*Budget!E7*20"],
      // A unit in days wins over the label; « semi-remorque » is no week.
      ["Location son (tarif semaine)", "4", "jour", "Budget!C8*Budget!E8"],
      ["Location drone semi-remorque", null, "jour", null],
      ["Location caméra Alexa", "12.5", "jour", "Budget!C10*Budget!E10*5"],
    ]);
    const notes = (i: number) => r.activites[i].notes;
    const regle = (n: string, code: string) =>
      ` d'utilisation (${n} : convention du 2026-12-05, confiance L, à vérifier ; corrigez la quantité retenue, ou ` +
      `la clé carbone.${code} de la feuille « Paramètres »).`;
    expect(notes(0)).toEqual([
      "3 semaines (C4 × E4) × 5 j = 15 jours" + regle("une semaine = 5 jours", "jours-par-semaine"),
    ]);
    expect(notes(2)).toEqual([
      "6 semaines (« 3 semaines » du libellé × 2, C6 × E6) × 5 j = 30 jours" +
        regle("une semaine = 5 jours", "jours-par-semaine"),
    ]);
    expect(notes(3)).toEqual(["1 mois (C7 × E7) × 20 j = 20 jours" + regle("un mois = 20 jours", "jours-par-mois")]);
    expect(notes(6)[0]).toMatch(/^2,5 semaines \(C10 × E10\) × 5 j = 12,5 jours d'utilisation/);
    expect(notes(4)).toEqual([]);
    expect(r.activites[1].conversion).toEqual({
      code: "jours-par-semaine",
      quantite: "2",
      unite: "semaine",
      jours: "5",
      confiance: "L",
    });
  });

  test("une quantité saisie en semaines dans une feuille d'avant la conversion est comptée en jours, et dite", async () => {
    // The « Bilan carbone » sheet of an earlier Prodbook: the camera row said « semaine », and 4 weeks were typed.
    const ligne: CelluleMemoire[] = [];
    ligne[COL.id] = "devis:Budget!4";
    ligne[COL.source] = "Budget!B4";
    ligne[COL.libelle] = "Location caméra";
    ligne[COL.quantiteLue] = 3;
    ligne[COL.quantite] = 4;
    ligne[COL.unite] = "semaine";
    ligne[COL.facteur] = "location-materiel";
    ligne[COL.quantiteRealisee] = 5;
    ligne[COL.facteurPropose] = "location-materiel";
    const classeur = () =>
      devis(
        [
          ["7", "MOYENS TECHNIQUES"],
          ["7.1", "Location caméra", 3, "semaine", 1, 2000, 6000],
        ],
        {
          "Bilan carbone": [
            ["Bilan carbone — pré-estimation préparée par Prodbook"],
            [],
            ENTETES_ACTIVITES,
            ligne.slice(),
          ],
          Paramètres: [
            ["Paramètre", "Valeur"],
            ["carbone.location-materiel", "10"],
          ],
        },
        ["Bilan carbone"],
      );
    const r = await bilanCarbone(classeur(), { date: "2026-06-01" });
    const a = r.activites[0];
    expect([a.quantite, a.quantiteRetenue, a.quantiteRealisee, a.corrigee, a.kgCO2e, a.kgCO2eDefinitif]).toEqual([
      "15",
      "20",
      "25",
      true,
      "200",
      "250",
    ]);
    expect(a.notes.slice(1)).toEqual([
      "Quantité retenue saisie en semaine (4) dans la feuille précédente : comptée 20 jours (× 5 j).",
      "Quantité réalisée saisie en semaine (5) dans la feuille précédente : comptée 25 jours (× 5 j).",
    ]);
    // A sheet written since says « jour »: a typed 18 stays 18 days.
    ligne[COL.quantite] = 18;
    ligne[COL.unite] = "jour";
    delete ligne[COL.quantiteRealisee];
    const r2 = await bilanCarbone(classeur(), { date: "2026-06-01" });
    expect([r2.activites[0].quantiteRetenue, r2.activites[0].notes.length]).toEqual(["18", 1]);
  });

  test("Paramètres carbone.jours-par-semaine = 4 : la semaine compte 4 jours, dit sur la ligne avec la cellule", async () => {
    const wb = devis(
      [
        ["7", "MOYENS TECHNIQUES"],
        ["7.1", "Location caméra", 3, "semaine", 1, 2000, 6000],
      ],
      {
        Paramètres: [
          ["Paramètre", "Valeur"],
          ["carbone.jours-par-semaine", "4"],
        ],
      },
    );
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect([r.activites[0].quantite, r.activites[0].formuleQuantite]).toEqual(["12", "Budget!C4*Budget!E4*4"]);
    expect(r.activites[0].notes[0]).toBe(
      "3 semaines (C4 × E4) × 4 j = 12 jours d'utilisation (une semaine = 4 jours : valeur saisie en " +
        "'Paramètres'!B2 ; corrigez la quantité retenue, ou la clé carbone.jours-par-semaine de la " +
        "feuille « Paramètres »).",
    );
  });

  test("mode, unité et quantité : km lus, litres, kWh, régime, achat ou location", async () => {
    const wb = devis([
      ["6.1", "Billets TER Quimper–Brest", 120, "km", 3, 0.2, 72],
      ["6.2", "Vols Paris–Nice (930 km)", 2, "billet", 3, 150, 900],
      ["6.3", "Taxis aéroport", 80, "km", 1, 2, 160],
      ["6.4", "Groupe électrogène", 400, "litres", 1, 2, 800],
      ["6.5", "Électricité plateau", 1500, "kWh", 1, 0.2, 300],
      ["6.6", "Catering végétarien", 40, "repas", 5, 12, 2400],
      ["6.7", "Hôtel équipe", 1, "forfait", 1, 900, 900],
      ["7", "MOYENS TECHNIQUES"],
      ["7.1", "Achat batteries caméra", 1, "forfait", 1, 450, 450],
      ["7.2", "Location lumière HMI", 5, "jours", 1, 300, 1500],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    const vue = r.activites.map((a) => [
      a.libelle,
      a.poste,
      a.quantite ?? null,
      a.unite,
      a.facteurRetenu,
      a.kgCO2e ?? null,
    ]);
    expect(vue).toEqual([
      // 360 × 0,02769 (TER 43255, Impact CO2) ; 5 580 × 0,224572 (avion 500-1 000 km 43743, Impact CO2).
      ["Billets TER Quimper–Brest", "Train", "360", "passager.km", "train-ter", "9.9684"],
      ["Vols Paris–Nice (930 km)", "Avion", "5580", "passager.km", "avion-500-1000km", "1253.11176"],
      ["Taxis aéroport", "Taxi", "80", "km", "voiture", "20.48"],
      ["Groupe électrogène", "Groupe électrogène", "400", "litre", "gazole-non-routier", "1268"],
      ["Électricité plateau", "Électricité", "1500", "kWh", "electricite", "77.85"],
      ["Catering végétarien", "Repas végétarien", "200", "repas", "repas-vegetarien", "102"],
      ["Hôtel équipe", "Hébergement (nuitées)", null, "nuitée", "ratio-hebergement-restauration", "225"],
      [
        "Achat batteries caméra",
        "Consommables (supports, batteries)",
        "450",
        "€ HT",
        "ratio-produits-electroniques",
        "97.2",
      ],
      ["Location lumière HMI", "Location lumière", "5", "jour", "location-materiel", null],
    ]);
    const vols = r.activites[1];
    expect(vols.formuleQuantite).toBe("Budget!C4*Budget!E4*930");
    expect(vols.notes).toContain(
      "Distance de 930 km lue dans le libellé : vérifiez qu'elle couvre l'aller et le retour.",
    );
    // Without nights read, the hotel is estimated on its amount; its nights are still asked for, for the calculator.
    expect(r.activites[6].notes).toEqual([
      "Nombre de nuits non lu : estimé sur le montant (ratio monétaire) ; indiquez les nuitées et le code " +
        "hebergement-nuitee pour l'estimer par nuit.",
    ]);
    expect(r.manquants).toEqual(
      expect.arrayContaining([{ cellule: "Budget!B9", message: "Nombre de nuitées à indiquer — 1 forfait, C9 × E9." }]),
    );
  });

  test("véhicules : utilitaire (fourgon, camionnette) et camion porteur à part ; hôtel en nuits estimé par nuitée", async () => {
    const wb = devis([
      ["6.1", "Location fourgon décors", 600, "km", 1, 0.5, 300],
      ["6.2", "Camionnette régie", 200, "km", 1, 0.5, 100],
      ["6.3", "Camion machinerie 12 m3", 900, "km", 1, 1, 900],
      ["6.4", "Hôtel équipe Brest", 12, "nuits", 2, 80, 1920],
      ["6.5", "Navette maritime Quiberon–Belle-Île (15 km)", 8, "billet", 2, 20, 320],
      ["6.6", "Gîte de l'équipe déco", 6, "nuitées", 1, 60, 360],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect(
      r.activites.map((a) => [a.poste, a.quantite ?? null, a.unite, a.facteurRetenu, a.methode, a.kgCO2e ?? null]),
    ).toEqual([
      // 600 km × 0,547 kg CO₂e/km (Base Carbone 21030, VUL 3,5 t, élément archivé : L).
      ["Véhicule utilitaire", "600", "km", "utilitaire", "activite", "328.2"],
      ["Véhicule utilitaire", "200", "km", "utilitaire", "activite", "109.4"],
      // A truck is counted per tonne.km, by PTAC class: neither the class nor the load is in the label.
      ["Camion", null, "t.km", "camion-porteur", "facteur-manquant", null],
      // 12 nuits × 2 chambres × 4,3 kg CO₂e (Impact CO2, étude ADEME tourisme 2022 : M).
      ["Hébergement (nuitées)", "24", "nuitée", "hebergement-nuitee", "activite", "103.2"],
      // 8 billets × 2 trajets × 15 km : le bateau est un ferry, sans facteur en vigueur (21856, 21860 archivés).
      ["Ferry", "240", "passager.km", "ferry", "facteur-manquant", null],
      ["Hébergement (nuitées)", "6", "nuitée", "hebergement-nuitee", "activite", "25.8"],
    ]);
    expect(r.activites[3].notes).toEqual([]);
    const par = (c: string) => r.manquants.filter((m) => m.cellule === c).map((m) => m.message);
    expect(par("Budget!B5").map((m) => m.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Tonnes.km à indiquer : tonnes transportées × km parcourus — 900 km, C5 × E5.",
      "Facteur manquant pour « Camion » (Camion machinerie 12 m3) : aucun facteur d'émission sourcé en kg CO₂e par " +
        "t.km (« Camion (PTAC non précisé) », raison dans le tableau des facteurs de la feuille « Bilan carbone ») ; " +
        "indiquez le PTAC dans le libellé (« camion 19 t ») ou le code du facteur de sa classe dans la colonne " +
        "« Code facteur » (camion-rigide-3-5-7-5t, camion-rigide-7-5-12t, camion-rigide-12-20t, camion-rigide-20-26t, " +
        "camion-rigide-26-32t), et la quantité en t.km (tonnes transportées × km) — montant lu : 900,00 € HT ; " +
        "ou donnez un facteur dans la feuille « Paramètres » (clé carbone.camion-porteur).",
    ]);
    expect(par("Budget!B7").map((m) => m.replace(/[\u00a0\u202f]/g, " "))).toEqual([
      "Facteur manquant pour « Ferry » (Navette maritime Quiberon–Belle-Île (15 km)) : aucun facteur d'émission " +
        "sourcé en kg CO₂e par passager.km (« Ferry », raison dans le tableau des facteurs de la feuille « Bilan " +
        "carbone ») ; chiffrez la traversée avec le calculateur homologué (nombre de passagers et distance de la " +
        "traversée), ou, pour une première estimation sur son montant, choisissez dans la colonne « Code facteur » " +
        "le ratio monétaire « Transport par eau » (Base Carbone 43560, 2023, à vérifier) — montant lu : " +
        "320,00 € HT ; ou donnez un facteur dans la feuille « Paramètres » (clé carbone.ferry).",
    ]);
    // The van's estimate names its Base Carbone element and why it is to check.
    expect(r.activites[0].facteurTrouve).toMatchObject({
      base: "Base Carbone",
      identifiant: "21030",
      valeur: "0.547",
      unite: "km",
      confiance: "L",
      source: expect.stringMatching(/élément 21030, statut « Archivé ».*messagerie express/),
    });
  });

  test("ferry : le ratio monétaire proposé n'est pas appliqué d'office ; post-production : estimée sur son montant (Base Carbone 43375, 2023)", async () => {
    const wb = devis([
      ["6.5", "Navette maritime Quiberon–Belle-Île (15 km)", 8, "billet", 2, 20, 320],
      ["8", "POST-PRODUCTION"],
      ["8.1", "Montage", 4, "semaines", 1, 2500, 10000],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    const vue = (es: ActiviteEstimee[]) =>
      es.map((a) => [a.facteurRetenu, a.methode, a.base ?? null, a.kgCO2e ?? null]);
    // The ferry stays « facteur manquant » (its ratio is named in the finding, never picked for the user); the editing
    // room, with no factor per day, is estimated on its amount: 10 000 € = 10 k€ × 156 kg CO₂e/k€ HT = 1 560 kg.
    expect(vue(r.activites)).toEqual([
      ["ferry", "facteur-manquant", null, null],
      ["ratio-cinema-audiovisuel", "monetaire", "10", "1560"],
    ]);
    // Its days are still read (for the calculator) and the row says why the amount is used.
    expect(r.activites[1]).toMatchObject({ quantite: "20", unite: "jour" });
    expect(r.activites[1].notes).toContain(
      "Pas de facteur par jour de salle sourcé : estimé sur le montant (ratio monétaire cinéma, télévision, " +
        "post-production, Base Carbone 43375, 2023, à vérifier).",
    );
    // The user types the codes in the yellow « Code facteur » cells: the amount (k€ HT) × the ratio.
    const jeu = facteursEnVigueur("2026-06-01");
    const choisis = estimer(
      r.activites,
      jeu,
      new Map([
        [r.activites[0].id, { facteur: "ratio-transport-par-eau" }],
        [r.activites[1].id, { facteur: "ratio-films-television" }],
      ]),
    );
    expect(vue(choisis)).toEqual([
      // 320 € = 0,32 k€ × 1 247 kg CO₂e/k€ HT (Base Carbone 43560, 2023, copie de l'export V23.6 : M) = 399,04 kg.
      ["ratio-transport-par-eau", "monetaire", "0.32", "399.04"],
      // 10 000 € = 10 k€ × 310 kg CO₂e/k€ HT (Base Carbone 25003, 2016, archivé : M).
      ["ratio-films-television", "monetaire", "10", "3100"],
    ]);
    expect(choisis.map((a) => citation(a.facteurTrouve!))).toEqual([
      "Base Carbone 43560 — Transport par eau – 2023 (ratio monétaire, export V23.6) [M, à vérifier]",
      "Base Carbone 25003 — Service — Films, enregistrement sonores, télévision et radio, ratio monétaire (créé en " +
        "2016) [M, à vérifier]",
    ]);
    // A factor per day given in Paramètres (carbone.postproduction) wins for a line counted in days.
    const parJour = await bilanCarbone(
      devis(
        [
          ["8", "POST-PRODUCTION"],
          ["8.1", "Montage", 4, "semaines", 1, 2500, 10000],
        ],
        {
          Paramètres: [
            ["Paramètre", "Valeur"],
            ["carbone.postproduction", "12"],
          ],
        },
      ),
      { date: "2026-06-01" },
    );
    // 4 semaines × 5 jours = 20 jours × 12 kg CO₂e/jour = 240 kg.
    expect(vue(parJour.activites)).toEqual([["postproduction", "activite", "20", "240"]]);
  });

  test("camion : classe de PTAC lue dans le libellé, quantité en t.km ; 3,5 t au plus = utilitaire ; une charge n'est pas un PTAC", async () => {
    const wb = devis([
      ["6.1", "Camion 19 t machinerie Paris–Brest", 2400, "t.km", 1, 0.4, 960],
      ["6.2", "Camion porteur de 7,5 tonnes électro", 300, "km", 1, 2, 600],
      ["6.3", "Camion 3,5t régie (20 m3)", 450, "km", 1, 0.6, 270],
      ["6.4", "Camion décors 2 tonnes de matériel", 1000, "tkm", 1, 0.5, 500],
      ["6.5", "Poids lourd 40 t groupe", 500, "t.km", 1, 1, 500],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect(
      r.activites.map((a) => [a.poste, a.quantite ?? null, a.unite, a.facteurRetenu, a.methode, a.kgCO2e ?? null]),
    ).toEqual([
      // 2 400 t.km × 0,16 (Base Carbone 28033, rigide 12 à 20 t, GLEC : M).
      ["Camion", "2400", "t.km", "camion-rigide-12-20t", "activite", "384"],
      // The class is read, the load is not: the t.km are asked for.
      ["Camion", null, "t.km", "camion-rigide-3-5-7-5t", "a-completer", null],
      // 3,5 t: a light van, per km (Base Carbone 21030 : L).
      ["Véhicule utilitaire", "450", "km", "utilitaire", "activite", "246.15"],
      // « 2 tonnes de matériel » is a load: no class chosen, t.km kept.
      ["Camion", "1000", "t.km", "camion-porteur", "facteur-manquant", null],
      // Beyond the rigid trucks of the table (articulated): not estimated.
      ["Camion", "500", "t.km", "camion-porteur", "facteur-manquant", null],
    ]);
    expect(r.activites[0].notes).toEqual([
      "PTAC de 19 t lu dans le libellé : camion rigide 12 à 20 t (code du facteur).",
    ]);
    expect(r.activites[0].facteurTrouve).toMatchObject({
      base: "Base Carbone",
      identifiant: "28033",
      valeur: "0.16",
      unite: "t.km",
      confiance: "M",
      url: expect.stringMatching(/^https:\/\/github\.com\/c79942474-cyber\/conseilprevcyber\/blob\/[0-9a-f]{40}\//),
    });
    expect(r.manquants.filter((m) => m.cellule === "Budget!B4").map((m) => m.message)).toEqual([
      "Tonnes.km à indiquer : tonnes transportées × km parcourus — 300 km, C4 × E4.",
    ]);
    expect(r.activites[2].notes).toEqual([
      "PTAC de 3,5 t au plus lu dans le libellé : compté comme un véhicule utilitaire léger.",
    ]);
    expect(r.activites[4].notes).toEqual([
      "PTAC de 40 t lu dans le libellé : au-delà des camions rigides de la table.",
    ]);
  });

  test("avion : la distance d'un vol lue dans le libellé choisit la tranche de l'ADEME ; sans distance, 500-1 000 km", async () => {
    const wb = devis([
      ["6.1", "Vol Paris–Nantes (340 km)", 2, "billet", 1, 120, 240],
      ["6.2", "Vol Paris–Marseille (660 km)", 2, "billet", 1, 120, 240],
      ["6.3", "Vol Paris–Lisbonne (1 450 km)", 2, "billet", 1, 200, 400],
      ["6.4", "Vol Paris–Dakar (4 200 km)", 2, "billet", 1, 600, 1200],
      ["6.5", "Vol Paris–Montréal (5 500 km)", 2, "billet", 1, 800, 1600],
      ["6.6", "Billets d'avion équipe", 4, "billet", 1, 300, 1200],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect(r.activites.map((a) => [a.quantite ?? null, a.facteurRetenu, a.kgCO2e ?? null])).toEqual([
      ["680", "avion-moins-500km", "196.52"], // × 0,289 (43745, copie tierce : M)
      ["1320", "avion-500-1000km", "296.43504"], // × 0,224572 (43743, H)
      ["2900", "avion-1000-2000km", "535.5169"], // × 0,184661 (43741, H)
      ["8400", "avion-2000-5000km", "1401.0696"], // × 0,166794 (43747, Impact CO2 « Long courrier » : M)
      ["11000", "avion-plus-5000km", "1958"], // × 0,178 (43749, copie tierce : M)
      [null, "avion-500-1000km", null],
    ]);
    expect(r.activites[3].notes).toContain(
      "Tranche « 2 000 à 5 000 km » retenue d'après la distance lue : si elle compte l'aller et le retour, prenez " +
        "la tranche d'un seul vol (code du facteur).",
    );
    expect(r.activites[5].notes).toContain("Tranche de distance de l'avion à confirmer (code du facteur).");
    // The band once « facteur manquant » is estimated now, and no longer listed as missing.
    expect(r.manquants.map((m) => m.message).join("\n")).not.toMatch(/Facteur manquant/);
  });

  test("libellés courants : distance à séparateur de milliers, carburant du groupe ou des véhicules, GNR, paniers", async () => {
    const wb = devis([
      ["6.1", "Trajets voiture 1 200 km", 1, "forfait", 1, 300, 300],
      ["6.2", "Gasoil groupe électrogène", 500, "l", 1, 1.8, 900],
      ["6.3", "Essence véhicules", 300, "litres", 1, 1.9, 570],
      ["6.4", "Carburant GNR", 200, "litres", 1, 1.5, 300],
      ["6.5", "Paniers repas", 60, "panier", 1, 12, 720],
      ["6.6", "Location voiture et carburant", 15, "jour", 1, 70, 1050],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect(
      r.activites.map((a) => [a.libelle, a.poste, a.quantite ?? null, a.unite, a.facteurRetenu, a.kgCO2e ?? null]),
    ).toEqual([
      // « 1 200 km » is one thousand two hundred km, not 200.
      ["Trajets voiture 1 200 km", "Voiture", "1200", "km", "voiture", "307.2"],
      // The generator's fuel is the generator line (litres of non-road diesel), not a mixed line.
      ["Gasoil groupe électrogène", "Groupe électrogène", "500", "litre", "gazole-non-routier", "1585"],
      // The vehicles' fuel is energy.
      ["Essence véhicules", "Carburant (essence)", "300", "litre", "essence", "837"],
      ["Carburant GNR", "Carburant (gazole non routier)", "200", "litre", "gazole-non-routier", "634"],
      // A « panier » is one meal.
      ["Paniers repas", "Repas (régime non précisé)", "60", "repas", "repas-moyen", "122.4"],
      ["Location voiture et carburant", "Voiture", null, "km", "voiture", null],
    ]);
    expect(r.activites[0].notes).toContain(
      "Distance de 1 200 km lue dans le libellé : vérifiez qu'elle couvre l'aller et le retour.",
    );
    const mixtes = r.manquants.filter((m) => m.message.startsWith("Ligne mixte"));
    // Only the rental with its fuel is two postes in one amount.
    expect(mixtes).toEqual([
      {
        cellule: "Budget!B8",
        message:
          "Ligne mixte (transport et carburant) : le montant couvre plusieurs postes, séparez-les dans le devis.",
      },
    ]);
  });

  test("sans ligne de repas au devis, le plan de travail donne les repas (un par personne et par jour)", async () => {
    const wb = devis([["6.1", "Carburant", 100, "litres", 1, 1.8, 180]], {
      PDT: [
        ["Date", "Nom", "Fonction", "Début", "Fin", "Lieu"],
        ["2026-05-11", "A", "Cadreur", "08:00", "18:00", "Studio"],
        ["2026-05-11", "B", "Son", "08:00", "18:00", "Studio"],
        ["2026-05-12", "A", "Cadreur", "08:00", "18:00", "Studio"],
      ],
    });
    const r = await bilanCarbone(wb, { date: "2026-06-01", planning: "PDT" });
    const repas = r.activites.find((a) => a.id === "plan:repas")!;
    expect([repas.quantite, repas.facteurRetenu, repas.kgCO2e]).toEqual(["3", "repas-moyen", "6.12"]);
    expect(r.activites.find((a) => a.id === "devis:Budget!3")?.kgCO2e).toBe("317");
  });

  test("définitif : le réalisé de l'Écarts (par code) × ratio, ou au prorata du budget pour une activité", async () => {
    const ecarts = [
      ["Écarts budget / réalisé (Grand livre)"],
      [],
      [],
      [],
      ["Code", "Libellé", "Chapitre", "Budget", "Budget révisé", "Engagé", "Réalisé"],
      ["6", "Transports", "6", 3000, null, null, 3300],
      ["Total"],
      [],
      ["Détail par poste"],
      ["Code", "Libellé", "Chapitre", "Budget", "Budget révisé", "Engagé", "Réalisé"],
      ["6.1", "Repas", "6", 1200, null, null, 1500],
      ["6.2", "Assurance", "6", 1800, null, null, 1800],
    ];
    const wb = devis(
      [
        ["6.1", "Repas équipe", 100, "repas", 1, 12, 1200],
        ["6.2", "Assurance tournage", 1, "forfait", 1, 1800, 1800],
      ],
      { Écarts: ecarts },
      ["Écarts"],
    );
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    expect(r.ecarts).toBe(true);
    expect(r.activites.map((a) => [a.realise, a.kgCO2e, a.kgCO2eDefinitif])).toEqual([
      [150000, "204", "255"],
      [180000, "138.6", "138.6"],
    ]);
    expect(r.totaux.definitif.toFixed()).toBe("393.6");
  });

  test("le CSV garde en texte ce qui commence par = + - @ (pas de formule injectée) et porte les virgules décimales", async () => {
    const csv = csvExport([
      {
        categorie: "achats",
        poste: '=HYPERLINK("http://x")',
        unite: "€ HT",
        quantite: "12.5",
        montant: 1250 as never,
        lignes: 1,
        aCompleter: 0,
        sources: ["@SUM(A1)"],
      },
    ]);
    const lignes = csv.replace(/^\ufeff/, "").split("\r\n");
    expect(lignes[0]).toBe(
      "Catégorie;Poste du calculateur;Quantité;Unité;Montant devis (€);Lignes;À compléter;Quantité réalisée;Réalisé (€);Sources",
    );
    expect(lignes[1]).toBe(`Achats et services;"'=HYPERLINK(""http://x"")";12,5;€ HT;12,50;1;0;;;"'@SUM(A1)"`);
  });

  test("la quantité lue d'une ligne à compléter s'accorde : « 3 semaines », « 1 semaine », « 2,5 jours », « 2 A/R »", async () => {
    const wb = devis([
      ["6.1", "Location véhicule utilitaire", 3, "semaine", 1, 400, 1200],
      ["6.2", "Location véhicule utilitaire B", 1, "semaine", 1, 400, 400],
      ["6.3", "Train Paris-Brest", 2.5, "jour", 1, 100, 250],
      ["6.4", "Train Paris-Quimper", 2, "A/R", 1, 100, 200],
      ["6.5", "Carburant groupe", 2, "forfait", 1, 100, 200],
    ]);
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    const message = (c: string) => r.manquants.find((m) => m.cellule === `Budget!${c}`)?.message;
    expect(message("B3")).toMatch(/ — 3 semaines, C3 × E3\.$/);
    expect(message("B4")).toMatch(/ — 1 semaine, C4 × E4\.$/);
    expect(message("B5")).toBe("Distance manquante : indiquez les passager.km — 2,5 jours, C5 × E5.");
    expect(message("B6")).toBe("Distance manquante : indiquez les passager.km — 2 A/R, C6 × E6.");
    expect(message("B7")).toBe("Litres de carburant à indiquer — 2 forfaits, C7 × E7.");
    expect(r.manquants.map((m) => m.message).join("\n")).not.toMatch(/\b[2-9] (semaine|jour|forfait)\b|\d\.\d/);
  });

  test("un libellé qui ressemble à une formule reste du texte dans la feuille", async () => {
    const wb = devis([["6.1", "=1+1 repas", 10, "repas", 1, 10, 100]]);
    await bilanCarbone(wb, { date: "2026-06-01", ecrire: true });
    const s = await wb.readSheet("Bilan carbone");
    const cellule = s!.rows.flat().find((c) => c.v === "=1+1 repas");
    expect(cellule).toEqual({ v: "=1+1 repas" });
  });
});

describe("feuille « Bilan carbone » : la conversion en jours écrite sur la ligne de l'activité", () => {
  const ligneEcrite = async (wb: MemoryWorkbook, id: string) => {
    await bilanCarbone(wb, { date: "2026-06-01", ecrire: true });
    const rows = wb.ecrites.get("Bilan carbone")!.rows;
    const row = rows.find((r) => r[COL.id] === id)!;
    const valeur = (c: number) => {
      const x = row[c];
      return x !== null && typeof x === "object" && "formula" in x ? [x.formula, x.result] : x;
    };
    return { lue: valeur(COL.quantiteLue), unite: valeur(COL.unite), hypotheses: valeur(COL.aFaire) };
  };

  test("« Salle de montage | 2 | mois » : 40 jours (formule × 20), la règle et sa confiance L dites en colonne hypothèses", async () => {
    const wb = devis([
      ["8", "POST-PRODUCTION"],
      ["8.1", "Salle de montage", 2, "mois", 1, 3000, 6000],
    ]);
    expect(await ligneEcrite(wb, "devis:Budget!4")).toEqual({
      lue: ["Budget!C4*Budget!E4*20", 40],
      unite: "jour",
      hypotheses:
        "2 mois (C4 × E4) × 20 j = 40 jours d'utilisation (un mois = 20 jours : convention du 2026-12-05, " +
        "confiance L, à vérifier ; corrigez la quantité retenue, ou la clé carbone.jours-par-mois de la feuille " +
        "« Paramètres »). " +
        "Pas de facteur par jour de salle sourcé : estimé sur le montant (ratio monétaire cinéma, télévision, " +
        "post-production, Base Carbone 43375, 2023, à vérifier).",
    });
  });

  test("Paramètres carbone.jours-par-mois = 18 : la ligne écrite dit la cellule de la valeur saisie", async () => {
    const wb = devis(
      [
        ["8", "POST-PRODUCTION"],
        ["8.1", "Salle de montage", 2, "mois", 1, 3000, 6000],
      ],
      {
        Paramètres: [
          ["Paramètre", "Valeur"],
          ["carbone.jours-par-mois", "18"],
        ],
      },
    );
    const l = await ligneEcrite(wb, "devis:Budget!4");
    expect(l.lue).toEqual(["Budget!C4*Budget!E4*18", 36]);
    expect(l.hypotheses).toBe(
      "2 mois (C4 × E4) × 18 j = 36 jours d'utilisation (un mois = 18 jours : valeur saisie en 'Paramètres'!B2 ; " +
        "corrigez la quantité retenue, ou la clé carbone.jours-par-mois de la feuille « Paramètres »). " +
        "Pas de facteur par jour de salle sourcé : estimé sur le montant (ratio monétaire cinéma, télévision, " +
        "post-production, Base Carbone 43375, 2023, à vérifier).",
    );
  });
});

describe("semaine de matériel de tournage : les jours de tournage par semaine du plan de travail", () => {
  /** A camera rented 2 weeks, an editing room 1 week, a lights rental 1 month; one person on each plan date. */
  async function camera(dates: string[], parametres: CelluleMemoire[][] = []) {
    const wb = devis(
      [
        ["7.1", "Location caméra", 2, "semaine", 1, 2500, 5000],
        ["7.2", "Location lumière", 1, "mois", 1, 4000, 4000],
        ["8.1", "Salle de montage", 1, "semaine", 1, 900, 900],
      ],
      {
        PDT: [["Date", "Nom", "Fonction", "Début", "Fin"], ...dates.map((d) => [d, "A", "Cadreur", "08:00", "18:00"])],
        ...(parametres.length ? { Paramètres: [["Paramètre", "Valeur"], ...parametres] } : {}),
      },
    );
    const r = await bilanCarbone(wb, { date: "2026-06-01" });
    const a = (ligne: number) => r.activites.find((x) => x.id === `devis:Budget!${ligne}`)!;
    return { r, camera: a(3), lumiere: a(4), montage: a(5) };
  }
  const mai = (...jours: number[]) => jours.map((j) => `2026-05-${String(j).padStart(2, "0")}`);

  test("une seule semaine de 3 jours : la semaine louée compte 3 jours (M, plan) ; le mois et le montage gardent la convention", async () => {
    const { r, camera: c, lumiere, montage } = await camera(mai(13, 14, 15));
    expect(r.plan?.semaines).toEqual([{ lundi: "2026-05-11", jours: 3 }]);
    expect(r.plan?.joursParSemaine).toBe(3);
    expect([c.quantite, c.conversion?.jours, c.conversion?.confiance, c.conversion?.plan]).toEqual([
      "6",
      "3",
      "M",
      "PDT",
    ]);
    expect([lumiere.quantite, lumiere.conversion?.jours, lumiere.conversion?.plan]).toEqual(["20", "20", undefined]);
    expect([montage.quantite, montage.conversion?.jours, montage.conversion?.plan]).toEqual(["5", "5", undefined]);
  });

  test("deux semaines de 5 et 6 jours (samedi tourné) : rien n'est choisi, la convention reste et la ligne cite les semaines", async () => {
    const { r, camera: c } = await camera(mai(11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 23));
    expect(r.plan?.semaines.map((s) => s.jours)).toEqual([5, 6]);
    expect(r.plan?.joursParSemaine).toBeUndefined();
    expect([c.quantite, c.conversion?.confiance, c.conversion?.plan]).toEqual(["10", "L", undefined]);
    expect(c.notes.join(" ")).toContain(
      "le plan de travail « PDT » ne compte pas le même nombre de jours chaque semaine, 2\u00a0semaines de tournage à " +
        "partir du lundi 11\u00a0mai\u00a02026 : 5 et 6 jours",
    );
  });

  test("semaines de 6 jours, la première et la dernière plus courtes : 6 jours par semaine", async () => {
    // Thu 14 to Sat 16, Mon 18 to Sat 23, Mon 25 to Sat 30, Mon 1 and Tue 2 June.
    const dates = mai(14, 15, 16, 18, 19, 20, 21, 22, 23, 25, 26, 27, 28, 29, 30).concat(["2026-06-01", "2026-06-02"]);
    const { r, camera: c } = await camera(dates);
    expect(r.plan?.semaines.map((s) => s.jours)).toEqual([3, 6, 6, 2]);
    expect([r.plan?.joursParSemaine, c.quantite]).toEqual([6, "12"]);
  });

  test("la clé carbone.jours-par-semaine de la feuille Paramètres l'emporte sur le plan de travail", async () => {
    const { camera: c } = await camera(mai(13, 14, 15), [["carbone.jours-par-semaine", 4]]);
    expect([c.quantite, c.conversion?.jours, c.conversion?.plan, c.conversion?.surcharge]).toEqual([
      "8",
      "4",
      undefined,
      "'Paramètres'!B2",
    ]);
  });
});
