import {
  grilleMinimaInconnue,
  salaireMinimum,
  smicComplement,
  tracesSalaireMinimum,
} from "../../../src/core/devis/regles/salaireMinimum";
import { tablesDevis } from "../../../src/core/devis/regles";
import { TABLE_SMIC, type ValeursSmic } from "../../../src/core/charges/smic";
import { validerTable, type TableRegles } from "../../../src/core/regles/table";
import { incoherences } from "../../../src/core/traces/trace";
import type { LigneDevis } from "../../../src/core/devis/model";
import { devis, ligne } from "./fabrique";

/**
 * Acteurs de complément (IDCC 3097, annexe III.2, table idcc3097-artistes-minima from 1 January 2022: figuration 105 € a
 * day, 492,11 € the week of 5 days) against the SMIC in force (table smic-horaire): the higher of the two is the minimum,
 * and the finding says when the SMIC wins; before the grid's first day, « grille non connue à cette date ».
 */
const NBSP = "\u00a0";

function figurants(taux: string, unite = "jour", libelle = "Figurants"): LigneDevis {
  return ligne({
    chapitre: "3",
    categorie: "salaire-artiste",
    libelle,
    unite,
    quantite: "1",
    taux,
    montant: Math.round(Number(taux) * 100),
  });
}

const cinema = (l: LigneDevis) => devis([l], { typeOeuvre: "cinema", genre: "fiction" });

/** A SMIC table of one version, as the dated one is written (sources of the real table's 2024-11-01 version). */
function smicDe(effetDu: string, horaireBrut: number): TableRegles<ValeursSmic> {
  const h = TABLE_SMIC.versions.find((v) => v.confiance === "H")!;
  return validerTable<ValeursSmic>(
    {
      id: "smic-horaire",
      description: "SMIC de test",
      versions: [
        {
          effetDu,
          confiance: "H",
          sources: h.sources,
          valeurs: { horaireBrut, heuresSemaineLegale: 35, joursSemaineLegale: 5 },
        },
      ],
    },
    "smic-horaire.json",
  );
}

describe("smic-horaire : le SMIC d'une journée (7 h) et d'une semaine (35 h), daté", () => {
  it("aux bornes des versions : 31 décembre 2021 (aucune), 1er janvier 2022, 31 octobre et 1er novembre 2024, 2026", () => {
    expect(smicComplement("2021-12-31", "jour")).toBeUndefined();
    expect(smicComplement("2022-01-01", "jour")?.montant).toBe(7399); // 10,57 × 7
    expect(smicComplement("2024-10-31", "jour")?.montant).toBe(8155); // 11,65 × 7
    expect(smicComplement("2024-11-01", "jour")?.montant).toBe(8316); // 11,88 × 7
    expect(smicComplement("2024-11-01", "semaine")?.montant).toBe(41580); // 11,88 × 35
    expect(smicComplement("2025-12-31", "semaine")?.version.effetDu).toBe("2024-11-01");
    expect(smicComplement("2026-01-01", "semaine")?.montant).toBe(42070); // 12,02 × 35
  });
});

describe("salaire-minimum des acteurs de complément : le plus haut du barème et du SMIC", () => {
  it("barème au-dessus du SMIC (réel, 2025) : 104,99 € signalé sous 105 €, sans mention du SMIC ; 105 € passe", () => {
    const [c] = salaireMinimum.verifier({ devis: cinema(figurants("104.99")), date: "2025-09-01" });
    expect(c.message).toContain(`105,00${NBSP}€ par jour (table idcc3097-artistes-minima`);
    expect(c.message).not.toContain("SMIC");
    expect(salaireMinimum.verifier({ devis: cinema(figurants("105")), date: "2025-09-01" })).toEqual([]);
    // The SMIC version read is named with the tables of the devis.
    expect(tablesDevis(cinema(figurants("105")), "2025-09-01").map((t) => `${t.table}@${t.effetDu}`)).toContain(
      "smic-horaire@2024-11-01",
    );
  });

  it("SMIC au-dessus du barème (SMIC de 16,00 € : 112,00 € la journée) : 111,99 € signalé, 112,00 € passe", () => {
    const tableSmic = smicDe("2022-01-01", 1600);
    const ctx = (taux: string) => ({ devis: cinema(figurants(taux)), date: "2025-09-01", tableSmic });
    const [c] = salaireMinimum.verifier(ctx("111.99"));
    expect(c.message).toContain(
      `: 111,99${NBSP}€ par jour, sous le minimum IDCC 3097 des acteurs de complément (figuration) : 112,00${NBSP}€ ` +
        `par jour, le SMIC, plus haut que le minimum de la grille (105,00${NBSP}€ par jour, table ` +
        `idcc3097-artistes-minima en vigueur au 1er${NBSP}janvier${NBSP}2022`,
    );
    expect(c.message).toContain(
      `le SMIC prime (SMIC 16,00${NBSP}€ de l'heure × 7 h = 112,00${NBSP}€ par jour, table smic-horaire`,
    );
    // Between the grid and the SMIC (105 € < 111 € < 112 €): still under the SMIC.
    expect(salaireMinimum.verifier(ctx("111"))).toHaveLength(1);
    expect(salaireMinimum.verifier(ctx("112"))).toEqual([]);
    const [t] = tracesSalaireMinimum(ctx("111.99"));
    expect(incoherences(t)).toEqual([]);
    expect(t.entrees![0]).toMatchObject({ operation: "maximum", valeur: "112.00" });
  });

  it("à la semaine de 5 jours : SMIC × 35 h (15,00 € : 525,00 €) au-dessus de 492,11 € ; 524,99 € signalé, 525 € passe", () => {
    const tableSmic = smicDe("2022-01-01", 1500);
    const ctx = (taux: string) => ({ devis: cinema(figurants(taux, "semaine")), date: "2025-09-01", tableSmic });
    const [c] = salaireMinimum.verifier(ctx("524.99"));
    expect(c.message).toContain(`525,00${NBSP}€ par semaine, le SMIC, plus haut que le minimum de la grille (492,11`);
    expect(salaireMinimum.verifier(ctx("525"))).toEqual([]);
  });
});

describe("salaire-minimum des acteurs de complément avant le barème : « grille non connue à cette date »", () => {
  it("31 décembre 2021 : dit sur la cellule du tarif ; 1er janvier 2022 : comparé au barème", () => {
    const ctx = { devis: cinema(figurants("50")), date: "2021-12-31" };
    // Said by its own rule, not as a salary under the minimum.
    expect(salaireMinimum.verifier(ctx)).toEqual([]);
    const avant = grilleMinimaInconnue.verifier(ctx);
    expect(avant).toHaveLength(1);
    expect(avant[0]).toMatchObject({ regle: "grille-minima-inconnue", gravite: "info" });
    expect(avant[0].message).toContain(
      `« Figurants » : acteurs de complément (figuration), grille non connue à cette date ` +
        `(31${NBSP}décembre${NBSP}2021) : la table idcc3097-artistes-minima commence le 1er${NBSP}janvier${NBSP}2022 ; ` +
        "salaire non comparé à un minimum.",
    );
    expect(grilleMinimaInconnue.verifier({ devis: cinema(figurants("50")), date: "2022-01-01" })).toEqual([]);
    const apres = salaireMinimum.verifier({ devis: cinema(figurants("50")), date: "2022-01-01" });
    expect(apres).toHaveLength(1);
    expect(apres[0].gravite).toBe("alerte");
    expect(apres[0].message).toContain(`105,00${NBSP}€ par jour`);
  });

  it("une ligne d'artiste-interprète (pas un acteur de complément) a le même constat, nommant les artistes-interprètes", () => {
    const l = figurants("50", "jour", "Seconds rôles");
    expect(salaireMinimum.verifier({ devis: cinema(l), date: "2021-12-31" })).toEqual([]);
    const avant = grilleMinimaInconnue.verifier({ devis: cinema(l), date: "2021-12-31" });
    expect(avant.map((c) => [c.regle, c.gravite])).toEqual([["grille-minima-inconnue", "info"]]);
    expect(avant[0].message).toContain(
      `« Seconds rôles » : artistes-interprètes, grille non connue à cette date (31${NBSP}décembre${NBSP}2021)`,
    );
  });
});
