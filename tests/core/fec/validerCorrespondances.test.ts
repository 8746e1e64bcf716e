import {
  correspondancesParDefaut,
  CorrespondancesError,
  posteDe,
  validerCorrespondances,
  type TableCorrespondances,
} from "../../../src/core/comptabilite/correspondances";

/** The table as the Écarts page edits it (plain rows, no check yet). */
function editee(lignes: [string, string][], sections: [string, string][] = []): TableCorrespondances {
  return {
    comptes: lignes.map(([cle, poste]) => ({ type: "compte", cle, poste })),
    sections: sections.map(([cle, poste]) => ({ type: "section", cle, poste })),
  };
}

describe("validerCorrespondances (table modifiée dans le volet)", () => {
  test("la table par défaut passe telle quelle", () => {
    const d = correspondancesParDefaut("2026-01-01");
    const v = validerCorrespondances(d);
    expect(v.comptes.map((c) => [c.cle, c.poste, c.libelle])).toEqual(
      d.comptes.map((c) => [c.cle, c.poste, c.libelle]),
    );
    expect(v.source).toEqual(d.source);
  });

  test("une ligne ajoutée sans poste est refusée avec son numéro, au lieu d'affecter des comptes à un poste vide", () => {
    const t = editee([
      ["641", "2"],
      ["6", ""],
    ]);
    expect(() => validerCorrespondances(t)).toThrow(CorrespondancesError);
    expect(() => validerCorrespondances(t)).toThrow("Correspondance n° 2 : poste vide pour « 6 ».");
  });

  test("préfixe invalide, poste invalide et doublon sont refusés en français", () => {
    expect(() => validerCorrespondances(editee([["64-1", "2"]]))).toThrow(
      "Correspondance n° 1 : « 64-1 » n'est pas un début de numéro de compte",
    );
    expect(() => validerCorrespondances(editee([["641", "2 3"]]))).toThrow(
      "Correspondance n° 1 : poste « 2 3 » invalide",
    );
    expect(() =>
      validerCorrespondances(
        editee([
          ["641", "2"],
          ["641", "3"],
        ]),
      ),
    ).toThrow("Correspondance n° 2 : « 641 » figure déjà ligne 1");
  });

  test("espaces retirés, sections gardées comme sections", () => {
    const v = validerCorrespondances(editee([[" 6026 ", " 5 "]], [["TOURNAGE", "7"]]));
    expect(posteDe(v, "602600000")).toBe("5");
    expect(posteDe(v, "611000", "tournage")).toBe("7");
    expect(v.sections.map((s) => s.type)).toEqual(["section"]);
  });
});

describe("une clé de compte commence par des chiffres (LPF art. A47 A-1 : trois premiers caractères chiffres)", () => {
  it.each(["abc", "64A", "A641", "6A"])("« %s » est refusée, comme « 64.1 »", (cle) => {
    expect(() => validerCorrespondances({ comptes: [{ type: "compte", cle, poste: "2" }], sections: [] })).toThrow(
      `Correspondance n° 1 : « ${cle} » n'est pas un début de numéro de compte (ex. 6411) ni « section:CODE ».`,
    );
  });

  it.each(["6", "64", "641", "6411A", "401DUPONT"])("« %s » est lue", (cle) => {
    expect(
      validerCorrespondances({ comptes: [{ type: "compte", cle, poste: "2" }], sections: [] }).comptes,
    ).toHaveLength(1);
  });

  it("une section « abc » reste une section", () => {
    const t = validerCorrespondances({ comptes: [], sections: [{ type: "section", cle: "abc", poste: "2" }] });
    expect(t.sections.map((s) => s.cle)).toEqual(["abc"]);
  });
});
