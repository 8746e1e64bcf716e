import * as fs from "fs";
import * as path from "path";
import { creerEnvoyeur } from "../../src/app/catalogue";
import { lireFec } from "../../src/core/comptabilite/fec";
import {
  lireCorrespondancesCsv,
  trierCorrespondances,
  type Correspondance,
} from "../../src/core/comptabilite/correspondances";
import { MemoryWorkbook, type CelluleMemoire } from "../helpers/memoryWorkbook";

/**
 * The pane's « Écarts » without writing (apercuEcarts): the seven columns, « Affecter à… » (a correspondance
 * added → recomputed), a correspondance deleted, faulty rows named and left out instead of stopping everything.
 */
const FIX = path.resolve(__dirname, "../fixtures/fec");
const fec = () => lireFec(new Uint8Array(fs.readFileSync(path.join(FIX, "production-2024.txt"))), { conserver: true });
const lignesCsv = (): Correspondance[] => {
  const t = lireCorrespondancesCsv(fs.readFileSync(path.join(FIX, "correspondances.csv"), "utf8"));
  return [...t.comptes, ...t.sections].map(({ ligne: _l, ...c }) => c);
};
const centimes = (s: string) => Math.round(Number(s) * 100);

function devis(): Record<string, CelluleMemoire[][]> {
  const rows: CelluleMemoire[][] = [["Mon documentaire"], [], ["Code", "Libellé", "Quantité", "Tarif", "Montant"]];
  const l = (code: string, lib: string, q: number, t: number) => {
    const n = rows.length + 1;
    rows.push([code, lib, q, t, { f: `C${n}*D${n}`, v: q * t }]);
  };
  rows.push(["1", "DROITS ARTISTIQUES"]);
  l("1.1", "Droits d'auteur", 1, 12000);
  rows.push(["2", "PERSONNEL"]);
  l("2.1", "Réalisateur", 15, 500);
  l("2.2", "Monteur", 10, 200);
  rows.push(["3", "INTERPRÉTATION"]);
  l("3.1", "Comédiens", 3, 500);
  rows.push(["7", "MOYENS TECHNIQUES"]);
  l("7.1", "Caméra", 10, 300);
  rows.push(["8", "POST-PRODUCTION"]);
  l("8.1", "Montage et étalonnage", 1, 9000);
  rows.push(["9", "ASSURANCES ET DIVERS"]);
  l("9.1", "Assurance production", 1, 1200);
  return { "Budget doc": rows };
}

const chapitre = <C extends { code: string }>(r: { chapitres: C[] }, code: string): C =>
  r.chapitres.find((c) => c.code === code)!;

describe("apercuEcarts : les écarts du volet, recalculés sans rien écrire", () => {
  test("une clé tapée qui ne commence aucun compte du FEC chargé (« 0641 ») est une alerte de sa ligne ; la table par défaut n'en donne pas", async () => {
    const wb = new MemoryWorkbook(devis());
    const envoyer = creerEnvoyeur(wb);
    const lignes: Correspondance[] = [...lignesCsv(), { type: "compte", cle: "0641", poste: "2" }];
    const r = await envoyer("apercuEcarts", { fec: fec(), lignes });
    expect(r.problemes).toEqual([
      {
        rang: lignes.length - 1,
        gravite: "alerte",
        message:
          `Correspondance n° ${lignes.length} : aucun compte du grand livre ne commence par « 0641 » ; ` +
          "la correspondance 0641 → 2 n'affecte aucune ligne.",
      },
    ]);
    // The same row among the findings of the report, as the written sheets list them.
    expect(r.constats.filter((c) => c.regle === "correspondance-sans-compte").map((c) => c.message)).toEqual([
      r.problemes[0].message,
    ]);
    // The default table's generic prefixes (most unused by this small ledger) say nothing.
    const defaut = await envoyer("apercuEcarts", { fec: fec() });
    expect(defaut.problemes.filter((p) => p.message.includes("aucun compte du grand livre"))).toEqual([]);
    expect(defaut.constats.filter((c) => c.regle === "correspondance-sans-compte")).toEqual([]);
  });

  test("sept colonnes par chapitre : budget, engagé, réalisé, reste à engager, estimation finale, écart, écart estimé", async () => {
    const wb = new MemoryWorkbook(devis());
    const r = await creerEnvoyeur(wb)("apercuEcarts", { fec: fec(), lignes: lignesCsv() });
    expect(wb.ecrites.size).toBe(0);
    // Chapter 2: 8 000 € booked of 9 500 €: écart −1 500 €, reste 1 500 €, estimated on budget.
    expect(chapitre(r, "2")).toMatchObject({
      budget: "9500.00",
      engage: null,
      realise: "8000.00",
      reste: "1500.00",
      estimation: "9500.00",
      ecart: "-1500.00",
      ecartEstime: "0.00",
      alerte: false,
    });
    // Chapter 8: 9 500 € booked of 9 000 €: over by 500 € now and at the end.
    expect(chapitre(r, "8")).toMatchObject({
      realise: "9500.00",
      reste: "0.00",
      ecart: "500.00",
      ecartEstime: "500.00",
    });
    for (const c of r.chapitres) {
      expect(centimes(c.ecart)).toBe(centimes(c.realise) - centimes(c.budget));
      expect(centimes(c.estimation)).toBe(centimes(c.realise) + centimes(c.reste));
      expect(centimes(c.ecartEstime)).toBe(centimes(c.estimation) - centimes(c.budget));
    }
    const somme = (k: "budget" | "realise" | "reste" | "estimation" | "ecart" | "ecartEstime") =>
      r.chapitres.reduce((s, c) => s + centimes(c[k]), 0);
    expect(r.totaux).toMatchObject({ engage: null });
    for (const k of ["budget", "realise", "reste", "estimation", "ecart", "ecartEstime"] as const)
      expect(centimes(r.totaux[k])).toBe(somme(k));
    expect(r.seuils).toEqual({ pct: "5.00", montant: "1000.00" });
    expect(r.nonAffecte).toEqual({
      total: "1335.90",
      comptes: [
        // Each with its line in the FEC (header = 1), as `prodbook ecarts` prints it.
        { compte: "606400", libelle: "Fournitures administratives", total: "85.90", lignes: [19], nombreLignes: 1 },
        { compte: "616000", libelle: "Primes d'assurance", total: "1250.00", lignes: [21], nombreLignes: 1 },
      ],
    });
    // The postes offered by « Affecter à… »: each chapter, then its lines.
    expect(r.postes.filter((p) => p.chapitre === "9")).toEqual([
      { code: "9", libelle: "Assurances et divers", chapitre: "9", niveau: "chapitre" },
      { code: "9.1", libelle: "Assurance production", chapitre: "9", niveau: "ligne" },
    ]);
    expect(r.problemes).toEqual([]);
  });

  test("« Affecter à… » : 616000 → 9.1 fait passer 1 250 € des comptes sans poste au chapitre 9 ; supprimer la ligne les y remet", async () => {
    const envoyer = creerEnvoyeur(new MemoryWorkbook(devis()));
    const avant = await envoyer("apercuEcarts", { fec: fec(), lignes: lignesCsv() });
    const ajoutees: Correspondance[] = [
      ...lignesCsv(),
      { type: "compte", cle: "616000", poste: "9.1", libelle: "Primes d'assurance" },
    ];
    const apres = await envoyer("apercuEcarts", { fec: fec(), lignes: ajoutees });
    expect(chapitre(apres, "9")).toMatchObject({ budget: "1200.00", realise: "1250.00", ecart: "50.00" });
    expect(centimes(chapitre(apres, "9").realise) - centimes(chapitre(avant, "9").realise)).toBe(125000);
    expect(apres.nonAffecte.comptes.map((c) => c.compte)).toEqual(["606400"]);
    expect(centimes(apres.nonAffecte.total)).toBe(centimes(avant.nonAffecte.total) - 125000);
    expect([apres.classe6, apres.conserve]).toEqual([avant.classe6, true]);

    // Deleting « 611 → 8 »: the post-production invoices go back to the accounts without poste.
    const sans611 = ajoutees.filter((c) => c.cle !== "611");
    const supprimee = await envoyer("apercuEcarts", { fec: fec(), lignes: sans611 });
    expect(chapitre(supprimee, "8").realise).toBe("0.00");
    expect(supprimee.nonAffecte.comptes).toContainEqual({
      compte: "611000",
      libelle: "Sous-traitance générale",
      total: "9500.00",
      lignes: [15, 17],
      nombreLignes: 2,
    });
  });

  test("une correspondance fautive est nommée et laissée de côté ; un poste absent du devis est signalé mais compté", async () => {
    const envoyer = creerEnvoyeur(new MemoryWorkbook(devis()));
    const lignes: Correspondance[] = [
      ...lignesCsv(),
      { type: "compte", cle: "6a-", poste: "9" },
      { type: "compte", cle: "6064", poste: "" },
      { type: "compte", cle: "616", poste: "9.7" },
      { type: "compte", cle: "641", poste: "5" },
    ];
    const r = await envoyer("apercuEcarts", { fec: fec(), lignes });
    const n = lignesCsv().length;
    expect(r.problemes).toEqual([
      {
        rang: n,
        gravite: "erreur",
        message: `Correspondance n° ${n + 1} : « 6a- » n'est pas un début de numéro de compte (ex. 6411) ni « section:CODE ».`,
      },
      { rang: n + 1, gravite: "erreur", message: `Correspondance n° ${n + 2} : poste vide pour « 6064 ».` },
      {
        rang: n + 2,
        gravite: "alerte",
        message:
          `Correspondance n° ${n + 3} : le poste « 9.7 » n'est ni un chapitre ni une ligne du devis ; ` +
          "son réalisé est montré à part.",
      },
      {
        rang: n + 3,
        gravite: "erreur",
        message: `Correspondance n° ${n + 4} : « 641 » figure déjà ligne 1 (un préfixe ne peut aller qu'à un poste).`,
      },
    ]);
    // The faulty rows are left out (606400 still without poste); 616 → 9.7 counts, in chapter 9.
    expect(r.nonAffecte.comptes.map((c) => c.compte)).toEqual(["606400"]);
    expect(chapitre(r, "9").realise).toBe("1250.00");
    expect(r.conserve).toBe(true);
  });

  test("l'engagé et le reste à engager saisis dans la feuille Écarts sont repris, comme à l'écriture", async () => {
    const wb = new MemoryWorkbook(devis());
    const envoyer = creerEnvoyeur(wb);
    const ecrit = await envoyer("rapprocherGrandLivre", {
      fec: fec(),
      correspondances: trierCorrespondances(lignesCsv()).table,
    });
    expect(ecrit.feuilles).toContain("Écarts");
    // The user types, on chapter 2's row of the Écarts sheet, engagé 9 000 € and reste à engager 2 500 €.
    const ec = (await wb.readSheet("Écarts"))!;
    const i2 = ec.rows.findIndex((row) => row[0]?.v === "2");
    const feuilles: Record<string, CelluleMemoire[][]> = {};
    for (const nom of await wb.listSheets())
      feuilles[nom] = (await wb.readSheet(nom))!.rows.map((row) => row.map((c) => (c.f ? { f: c.f, v: c.v } : c.v)));
    feuilles["Écarts"][i2][5] = 9000;
    feuilles["Écarts"][i2][7] = 2500;
    const rouvert = new MemoryWorkbook(feuilles, { prodbook: await wb.feuillesProdbook() });
    const r = await creerEnvoyeur(rouvert)("apercuEcarts", { fec: fec(), lignes: lignesCsv() });
    expect(chapitre(r, "2")).toMatchObject({
      engage: "9000.00",
      realise: "8000.00",
      reste: "2500.00",
      estimation: "10500.00",
      ecart: "-1500.00",
      ecartEstime: "1000.00",
    });
    expect(r.totaux.engage).toBe("9000.00");
  });
});
