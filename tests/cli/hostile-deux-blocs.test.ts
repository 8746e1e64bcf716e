import { dossierTemporaire, type CelluleDevis, devisDeLignes } from "../helpers/cli";

/**
 * Two blocks side by side on the same rows (issue 10): « Code | Désignation | Montant » then, further right on the
 * same header row, the same header again (chapters 1–4 on the left, 5–9 on the right, or last version beside this
 * one). Before: the right block's amounts were read against the left block's labels (« Réalisateur » counted at
 * 6 000,00 €, taken from « Montage »). Now only the first block is read; the second is named, its amounts never
 * counted.
 */
const dossier = dossierTemporaire("prodbook-hostile-deux-blocs-");

const devis = (fichier: string, lignes: CelluleDevis[][]) => devisDeLignes(dossier(), fichier, lignes);

/** Messages write euros with narrow no-break spaces (« 9 000,00 € »): compared with plain spaces. */
const espaces = (m: string | undefined) => m?.replace(/[\u00a0\u202f]/g, " ");

const F = (formula: string, result: number) => ({ formula, result });

describe("deux blocs côte à côte sur les mêmes lignes", () => {
  it("seul le premier bloc est lu ; le second est nommé, ses montants jamais comptés (avant : Réalisateur à 6 000,00 €)", async () => {
    const { d, controles } = await devis("deux-blocs.xlsx", [
      ["Code", "Désignation", "Montant", null, "Code", "Désignation", "Montant"],
      [null, "2 - PERSONNEL", null, null, null, "8 - POST-PRODUCTION"],
      ["21", "Réalisateur", 5000, null, "81", "Montage", 6000],
      ["22", "Chef opérateur", 4000, null, "82", "Étalonnage", 2000],
      [null, "Total personnel", F("SUM(C3:C4)", 9000), null, null, "Total post-production", F("SUM(G3:G4)", 8000)],
    ]);
    expect([d.total, d.lignes]).toEqual(["9000.00", 2]);
    expect(d.chapitres.map((c) => [c.code, c.total])).toEqual([["2", "9000.00"]]);
    expect(d.conservation).toMatchObject({
      colonne: "C",
      lu: "18000.00",
      lignes: "9000.00",
      totauxProuves: "9000.00",
      ecart: "0.00",
    });
    expect(d.colonnesNonLues).toEqual([
      {
        colonne: "G",
        cellule: "Devis!G1",
        entete: "Montant",
        nature: "secondBloc",
        somme: "16000.00",
        bloc: {
          debut: "E",
          fin: "G",
          premier: { debut: "A", fin: "C" },
          cellules: 3,
          premiere: "Devis!G3",
          derniere: "Devis!G5",
        },
      },
    ]);
    // Each block's own labels: nothing of the right block crosses into the left one's lines.
    expect(controles.filter((c) => c.gravite === "erreur")).toEqual([]);
    const bloc = controles.filter((c) => c.regle === "colonnes-lues");
    expect(bloc.map((c) => [c.gravite, c.cellule, espaces(c.message)])).toEqual([
      [
        "alerte",
        "Devis!G1",
        "Devis!G1 : un second bloc (colonnes E à G) répète l'en-tête du devis sur la même ligne : il n'est pas " +
          "lu ; ses montants (colonne G « Montant », 3 cellules, Devis!G3 à Devis!G5, somme 16 000,00 €) ne sont " +
          "pas comptés ; seul le premier bloc (colonnes A à C) est lu comme le devis. Mettez les deux blocs l'un " +
          "sous l'autre pour qu'ils soient lus.",
      ],
    ]);
  });

  it("second bloc plus long et plus riche (« Quantité | Taux » répétés) : ses lignes de plus ne sont pas lues", async () => {
    const { d, controles } = await devis("deux-blocs-longs.xlsx", [
      [
        "Code",
        "Désignation",
        "Quantité",
        "Taux",
        "Montant",
        null,
        null,
        "Code",
        "Désignation",
        "Quantité",
        "Taux",
        "Montant",
      ],
      [null, "2 - PERSONNEL", null, null, null, null, null, null, "8 - POST-PRODUCTION"],
      ["21", "Réalisateur", 10, 500, 5000, null, null, "81", "Montage", 20, 300, 6000],
      [null, null, null, null, null, null, null, "82", "Étalonnage", 5, 400, 2000],
      [null, null, null, null, null, null, null, "83", "Mixage", 4, 500, 2000],
    ]);
    expect([d.total, d.lignes]).toEqual(["5000.00", 1]);
    expect(d.conservation).toMatchObject({ colonne: "E", lu: "5000.00", lignes: "5000.00", ecart: "0.00" });
    expect(d.colonnesNonLues?.map((c) => [c.colonne, c.nature, c.somme, c.bloc])).toEqual([
      [
        "L",
        "secondBloc",
        "10000.00",
        {
          debut: "H",
          fin: "L",
          premier: { debut: "A", fin: "E" },
          cellules: 3,
          premiere: "Devis!L3",
          derniere: "Devis!L5",
        },
      ],
    ]);
    expect(espaces(controles.find((c) => c.cellule === "Devis!L1")?.message)).toContain(
      "un second bloc (colonnes H à L) répète l'en-tête du devis sur la même ligne : il n'est pas lu ; ses montants " +
        "(colonne L « Montant », 3 cellules, Devis!L3 à Devis!L5, somme 10 000,00 €) ne sont pas comptés",
    );
  });

  it("« Montant | Montant réalisé » sans libellé répété : pas de second bloc", async () => {
    const { d } = await devis("un-bloc.xlsx", [
      ["Code", "Désignation", "Montant", "Montant réalisé"],
      [null, "2 - PERSONNEL"],
      ["21", "Réalisateur", 5000, 5200],
    ]);
    expect(d.total).toBe("5000.00");
    expect(d.colonnesNonLues?.map((c) => c.nature)).toEqual(["realise"]);
  });
});
