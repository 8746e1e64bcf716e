import { controlerDevis, tablesDevis } from "../../../src/core/devis/regles";
import { TABLE_FRAIS_CINEMA } from "../../../src/core/devis/regles/donnees";
import { TITRES_CONSTATS } from "../../../src/core/controles/titres";
import type { Surcharges } from "../../../src/core/regles/table";
import { devis, ligne } from "./fabrique";

const DATE = "2026-01-15";
const ID = "frais-cinema-taux";
const regles = (d: ReturnType<typeof devis>, s?: Surcharges) =>
  controlerDevis(d, DATE, s).filter((c) => c.regle === ID);

/** Chapters 1–9: 1 000 000,00 € (coût de fabrication), plus a producer's fee that is not part of the base. */
const fabrication = () => [
  ligne({ chapitre: "2", montant: 60000000 }),
  ligne({ chapitre: "7", montant: 40000000 }),
  ligne({ chapitre: "PROD", montant: 5000000 }),
];
const fg = (montant: number) => ligne({ chapitre: "FG", libelle: "Frais généraux", montant });
const imp = (montant: number) => ligne({ chapitre: "IMP", libelle: "Imprévus", montant });
const cinema = (...ls: ReturnType<typeof ligne>[]) => devis([...fabrication(), ...ls], { typeOeuvre: "cinema" });

describe("frais-cinema-taux : frais généraux et imprévus d'un devis cinéma au-delà du taux admis", () => {
  it("la table est datée et sourcée : 7 % des frais généraux (M), 7 % des imprévus (L, sans texte)", () => {
    const v = TABLE_FRAIS_CINEMA.versions[0];
    expect(v.valeurs.fraisGeneraux).toEqual({ taux: "0.07", confiance: "M" });
    expect(v.valeurs.imprevus).toEqual({ taux: "0.07", confiance: "L" });
    expect(v.confiance).toBe("M");
    expect(v.sources.length).toBeGreaterThan(0);
    expect(TITRES_CONSTATS[ID]).toBe("Frais généraux ou imprévus au-delà du taux");
  });

  it("frais généraux à 7 % exactement (70 000,00 €) : rien ; 70 000,01 € (arrondi toléré) : rien", () => {
    expect(regles(cinema(fg(7000000), imp(7000000)))).toEqual([]);
    expect(regles(cinema(fg(7000001)))).toEqual([]);
  });

  it("sous le taux : rien", () => {
    expect(regles(cinema(fg(5000000), imp(3000000)))).toEqual([]);
  });

  it("au-delà : la cellule, son taux, le taux admis, la base et le dépassement exact", () => {
    const l = fg(8000000); // 80 000,00 € = 8 % of 1 000 000,00 €
    const c = regles(cinema(l));
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ regle: ID, gravite: "alerte", cellule: l.source.cellules.montant });
    expect(c[0].message).toBe(
      `${l.source.cellules.montant} : les frais généraux de 80\u202f000,00\u00a0€ représentent 8,00\u00a0% du coût ` +
        `de fabrication (chapitres 1 à 9 : 1\u202f000\u202f000,00\u00a0€), au-delà du taux admis de 7,00\u00a0% pour ` +
        `une œuvre cinématographique (soit 70\u202f000,00\u00a0€ au plus) : 10\u202f000,00\u00a0€ au-delà (taux d'usage ` +
        `issu d'une source secondaire : à vérifier).`,
    );
  });

  it("deux centimes au-delà suffisent ; les imprévus ont leur propre constat, plusieurs lignes toutes nommées", () => {
    const a = imp(4000000);
    const b = imp(3000002);
    const c = regles(cinema(fg(7000002), a, b));
    expect(c.map((x) => x.cellule)).toEqual([expect.stringMatching(/^Budget!G\d+$/), a.source.cellules.montant]);
    expect(c[0].message).toMatch(/les frais généraux de 70\u202f000,02\u00a0€.*: 0,02\u00a0€ au-delà/);
    expect(c[1].message).toMatch(
      new RegExp(
        `^${a.source.cellules.montant}, ${b.source.cellules.montant} \\(2 lignes\\) : les imprévus de 70\u202f000,02`,
      ),
    );
    expect(c[1].message).toMatch(/aucun texte trouvé : taux par défaut.*« devis\.frais-cinema\.imprevus »\)\.$/);
    // The frais généraux rate is read in a (secondary) source: an alerte; the imprévus one in none: information only.
    expect(c.map((x) => x.gravite)).toEqual(["alerte", "info"]);
  });

  it("un taux de la feuille Paramètres remplace celui de la table et est nommé", () => {
    const s: Surcharges = new Map([
      ["devis.frais-cinema.frais-generaux", { valeur: "0.09", cellule: "Paramètres!B2" }],
    ]);
    expect(regles(cinema(fg(9000000)), s)).toEqual([]);
    const c = regles(cinema(fg(9500000)), s);
    expect(c[0].message).toMatch(
      /taux admis de 9,00\u00a0%.*: 5\u202f000,00\u00a0€ au-delà \(taux du paramètre Paramètres!B2\)\.$/,
    );
    // The key is known: no « paramètre inconnu » finding.
    expect(controlerDevis(cinema(fg(1)), DATE, s).filter((x) => x.regle === "devis-parametre-inconnu")).toEqual([]);
  });

  it("œuvre audiovisuelle ou type inconnu : pas ce constat (l'accord transparence a sa règle)", () => {
    const ls = [...fabrication(), fg(9000000)];
    expect(regles(devis(ls, { typeOeuvre: "audiovisuel", genre: "fiction" }))).toEqual([]);
    expect(regles(devis(ls))).toEqual([]);
  });

  it("la table n'est citée que pour un devis cinéma qui a des frais généraux ou des imprévus", () => {
    const ids = (d: ReturnType<typeof devis>) => tablesDevis(d, DATE).map((t) => t.table);
    expect(ids(cinema(fg(100)))).toContain("devis-frais-cinema");
    expect(ids(cinema())).not.toContain("devis-frais-cinema");
  });
});
