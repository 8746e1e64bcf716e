import { devinerMapping, lireFec, lireGrandLivreCsv, type MappingGrandLivre } from "../../../src/core/comptabilite/fec";
import { calculerRealise } from "../../../src/core/comptabilite/realise";
import { lireCorrespondancesCsv } from "../../../src/core/comptabilite/correspondances";

const SAGE = [
  "Journal;Date;N° pièce;Compte;Libellé;Section analytique;Débit;Crédit",
  "AC;05/01/2024;F001;613500;Location caméra;TOURNAGE;1 200,00;",
  "AC;05/01/2024;F001;401000;Location caméra;;;1 200,00",
  'AC;06/01/2024;F002;625100;"Train ; Paris, Lyon";REPERAGES;89,90;',
  "AC;06/01/2024;F002;401000;Train;;;89,90",
  "",
  "AC;31/02/2024;F003;606400;Date impossible;;10,00;",
  'AC;07/01/2024;F004;641100;"Libellé',
  'sur deux lignes";;2 000,00;',
  "AC;07/01/2024;F004;421000;Paie;;;2 000,00",
].join("\r\n");

describe("grand livre CSV (Sage, Cegid, EBP)", () => {
  test("correspondance de colonnes devinée puis enregistrable en JSON, lignes physiques exactes", () => {
    const mapping = devinerMapping(SAGE.split("\r\n")[0].split(";"))!;
    expect(mapping.colonnes).toMatchObject({
      compte: "Compte",
      date: "Date",
      debit: "Débit",
      credit: "Crédit",
      section: "Section analytique",
      piece: "N° pièce",
    });
    const sauve: MappingGrandLivre = JSON.parse(JSON.stringify(mapping));
    const r = lireGrandLivreCsv(SAGE, sauve, { conserver: true });
    expect(r.format).toMatchObject({ type: "csv", separateur: "point-virgule", montants: "debit-credit" });
    expect(r.erreurs).toEqual([
      { ligne: 7, message: "Ligne 7 rejetée : date « 31/02/2024 » invalide (attendu JJ/MM/AAAA)." },
    ]);
    expect([r.ecritures, r.lignesDonnees, r.debit, r.credit]).toEqual([6, 7, 328990, 328990]);
    expect(r.lignes!.map((l) => l.ligne)).toEqual([2, 3, 4, 5, 8, 10]);
    expect(r.lignes![2]).toMatchObject({
      libelle: "Train ; Paris, Lyon",
      section: "REPERAGES",
      date: 20240106,
      debit: 8990,
    });
  });

  test("Montant + Sens ; la section analytique l'emporte sur le compte", () => {
    const csv =
      "Compte;Date;Montant;Sens;Axe\n613500;05/01/2024;100,00;D;REP\n613500;05/01/2024;50,00;D;\n613500;06/01/2024;20,00;C;REP\n401000;05/01/2024;130,00;C;\n";
    const m: MappingGrandLivre = {
      separateur: ";",
      colonnes: { compte: "Compte", date: "Date", montant: "Montant", sens: "Sens", section: "Axe" },
    };
    const r = lireGrandLivreCsv(csv, m, { conserver: true });
    expect([r.debit, r.credit, r.format.montants]).toEqual([15000, 15000, "montant-sens"]);
    const t = lireCorrespondancesCsv("compte;poste\n6135;7\nsection:REP;6.2\n");
    const re = calculerRealise(r, t);
    expect(Object.fromEntries(re.parPoste)).toEqual({ "6.2": 8000, "7": 5000 });
  });

  test("colonnes absentes : message qui renvoie à la correspondance", () => {
    expect(() =>
      lireGrandLivreCsv("A;B\n1;2\n", {
        colonnes: { compte: "Compte", date: "Date", debit: "Débit", credit: "Crédit" },
      }),
    ).toThrow(/colonnes introuvables dans l'en-tête : Compte, Date, Débit\/Crédit ou Montant\/Sens/);
  });
});

describe("grand livre CSV : « 1.500 » lu selon la convention du fichier, et dit comme pour un FEC", () => {
  const mapping = (entete: string) => devinerMapping(entete.split(";"))!;
  test("virgule décimale prouvée ligne 3 : « 1.500 » = 1 500,00 €, l'alerte du fichier entier cite la preuve et la ligne lue", () => {
    const csv = ["Date;Compte;Débit;Crédit", "05/01/2024;613500;1.500;", "05/01/2024;401000;;1 500,00"].join("\n");
    const r = lireGrandLivreCsv(csv, mapping(csv.split("\n")[0]));
    expect([r.erreurs, r.debit, r.credit]).toEqual([[], 150000, 150000]);
    expect(r.alertes[0]).toEqual({
      ligne: 0,
      message:
        "Convention du fichier : virgule décimale, prouvée ligne 3 (aucun montant au point décimal) ; 1\u00a0montant ambigu " +
        "(un seul séparateur suivi de trois chiffres) lu selon elle : ligne 2 débit « 1.500 » = 1\u202f500,00\u00a0€. " +
        "Vérifiez-le dans l'export comptable.",
    });
  });

  test("point décimal prouvé : « 1,500 » = 1 500,00 € ; sans montant ambigu, aucune alerte", () => {
    const csv = ["Date;Compte;Débit;Crédit", "05/01/2024;613500;12.50;", "05/01/2024;606400;1,500;"].join("\n");
    const r = lireGrandLivreCsv(csv, mapping(csv.split("\n")[0]));
    expect(r.debit).toBe(151250);
    expect(r.alertes.map((a) => a.message)).toEqual([
      expect.stringMatching(/^Convention du fichier : point décimal, prouvé ligne 2 \(/),
    ]);
    const net = ["Date;Compte;Débit;Crédit", "05/01/2024;613500;12.50;"].join("\n");
    expect(lireGrandLivreCsv(net, mapping(net.split("\n")[0])).alertes).toEqual([]);
  });
});

describe("montant au-delà de ± 2^51 centimes : une référence collée, dite telle, jamais « pas un montant » seul", () => {
  const RAISON =
    "n'est pas un montant plausible (au-delà de ± 22 517 998 136 852,48 €), sans doute un numéro ou une référence " +
    "collé à la place d'un montant";
  test("grand livre CSV : la ligne rejetée dit pourquoi, le réalisé cite la raison", () => {
    const csv = [
      "Date;Compte;Débit;Crédit",
      "05/01/2024;613500;123456789012345678,00;",
      "05/01/2024;606400;12,50;",
    ].join("\n");
    const r = lireGrandLivreCsv(csv, devinerMapping(csv.split("\n")[0].split(";"))!);
    expect(r.erreurs).toEqual([{ ligne: 2, message: `Ligne 2 rejetée : débit « 123456789012345678,00 » ${RAISON}.` }]);
    const re = calculerRealise(r, lireCorrespondancesCsv("compte;poste\n6135;7\n6064;9\n"));
    const c = re.constats.find((x) => x.regle === "lignes-fec-rejetees");
    expect(c?.message).toBe(
      "1\u00a0ligne du grand livre rejetée à la lecture, absente du réalisé : ligne 2 du grand livre. " +
        `Ligne 2 rejetée : débit « 123456789012345678,00 » ${RAISON}. ` +
        "Corrigez l'export comptable puis relancez le rapprochement.",
    );
  });
  test("FEC : même raison, champ nommé comme dans l'en-tête", () => {
    const E =
      "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\t" +
      "PieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise";
    const l = (d: string) =>
      [
        "AC",
        "Achats",
        "1",
        "20240110",
        "606400",
        "Fournitures",
        "",
        "",
        "P1",
        "20240110",
        "x",
        d,
        "0,00",
        "",
        "",
        "",
        "",
        "",
      ].join("\t");
    const r = lireFec([E, l("123456789012345678,00"), l("-99999999999999999")].join("\n"));
    expect(r.erreurs).toEqual([
      { ligne: 2, message: `Ligne 2 rejetée : Debit « 123456789012345678,00 » ${RAISON}.` },
      { ligne: 3, message: `Ligne 3 rejetée : Debit « -99999999999999999 » ${RAISON}.` },
    ]);
  });
});
