import { calculerCreditImpot } from "../../../src/core/creditImpot/calculerCreditImpot";
import { tracesSalaireMinimum } from "../../../src/core/devis/regles/salaireMinimum";
import { TABLE_ANNEXE3_3097 } from "../../../src/core/devis/regles/donnees";
import { tablesRegles } from "../../../src/core/regles/audit";
import { versionEnVigueur, type TableRegles } from "../../../src/core/regles/table";
import { noteDeTrace } from "../../../src/core/traces/note";
import { rangSource, sourcePrincipale } from "../../../src/core/regles/primaires";
import { regleUtilisee } from "../../../src/core/regles/utilisees";
import { regleLisible } from "../../../src/app/presentationRegles";
import { traceCreditImpot } from "../../../src/core/traces/creditImpot";
import { chercherTrace, feuille, regleDeVersion, sourcesDeVersion, type Trace } from "../../../src/core/traces/trace";
import { devis, ligne, salaireTechnicien } from "../devis/fabrique";

/**
 * A trace cites the sources of the rule-table version it read, not those of another version of the table: the
 * audiovisual credit's rate was read in the 2016 version (Légifrance, CGI art. 220 sexies as of 2013) for 2020 and in
 * the version of 31 December 2021 (BOFiP ACTU-2022-00085 first) for 2025; annexe III of IDCC 3097 lists three texts in
 * its 2023 version and four in its 2025 one.
 */
const table = (id: string) => tablesRegles().find((t) => t.id === id) as TableRegles<unknown>;
const urls = (id: string, date: string) => versionEnVigueur(table(id), date)!.sources.map((s) => s.url);

function taux(annee: number): Trace {
  const d = devis([ligne({ chapitre: "2", categorie: "salaire-technicien", libelle: "Monteur", montant: 1000000 })], {
    genre: "documentaire",
  });
  const r = calculerCreditImpot(d, { regime: "audiovisuel", genre: "documentaire", annee, dureeMinutes: 52 });
  return chercherTrace(traceCreditImpot(r), (t) => t.regle?.table === "credit-impot-audiovisuel")!;
}

describe("« D'où vient ce chiffre ? » : the sources of the version used", () => {
  it("the credit's rate: each year cites its own version's texts, the first as `source`, all as `sources`", () => {
    const [t2020, t2025] = [taux(2020), taux(2025)];
    const [v2016, v2021] = [
      urls("credit-impot-audiovisuel", "2020-06-30"),
      urls("credit-impot-audiovisuel", "2025-06-30"),
    ];
    expect(v2016[0]).not.toBe(v2021[0]);
    expect(t2020.regle).toMatchObject({ effetDu: "2016-01-01", source: v2016[0], sources: v2016 });
    expect(t2025.regle).toMatchObject({ effetDu: "2021-12-31", source: v2021[0], sources: v2021 });
    expect(t2020.regle!.source).toBe("https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949450/2013-12-12");
    expect(t2025.regle!.source).toBe("https://bofip.impots.gouv.fr/bofip/13601-PGP.html/ACTU-2022-00085");
    // The note names the version's date in words and its own first source, and counts the others.
    expect(noteDeTrace(t2025)).toContain(
      "Règle : credit-impot.audiovisuel.taux.documentaire, en vigueur au 31\u00a0décembre\u00a02021, confiance H — " +
        `https://bofip.impots.gouv.fr/bofip/13601-PGP.html/ACTU-2022-00085 (et ${v2021.length - 1} autres sources de ` +
        "cette version)",
    );
    expect(noteDeTrace(t2020)).toContain(`${v2016[0]} (et ${v2016.length - 1} autres sources de cette version)`);
  });

  it("a salary under annexe III cites the annexe III version of the date (3 texts in 2024, 4 in 2025)", () => {
    const d = devis([salaireTechnicien("Secrétaire de production", "800")], { typeOeuvre: "cinema", genre: "fiction" });
    const socle = (date: string) =>
      chercherTrace(
        tracesSalaireMinimum({ devis: d, date, annexe3097: true })[0],
        (t) => t.regle?.table === TABLE_ANNEXE3_3097.id,
      )!.regle!;
    const [v2023, v2025] = [urls(TABLE_ANNEXE3_3097.id, "2024-06-01"), urls(TABLE_ANNEXE3_3097.id, "2025-09-01")];
    expect([v2023.length, v2025.length]).toEqual([3, 4]);
    // The 2023 version (M) lists the union's page its figures were read in first, then Légifrance texts that do not give
    // them: it is cited by that page, not by a primary text that would seem to vouch for the figure.
    expect(v2023[0]).toMatch(/spiac-cgt/);
    expect(v2023.some((u) => u.includes("legifrance.gouv.fr"))).toBe(true);
    expect(socle("2024-06-01")).toMatchObject({
      effetDu: "2023-09-01",
      confiance: "M",
      source: v2023[0],
      sources: v2023,
    });
    const c2025 = versionEnVigueur(TABLE_ANNEXE3_3097, "2025-09-01")!.confiance;
    const p2025 = sourcePrincipale(
      v2025.map((url) => ({ url })),
      c2025,
    )!.url;
    expect(socle("2025-09-01")).toMatchObject({ effetDu: "2025-04-11", source: p2025 });
    expect(new Set(socle("2025-09-01").sources)).toEqual(new Set(v2025));
  });

  it("a version at M is cited by the source listed first (its figure's): the 2026 credit rate by the amendment", () => {
    const v2026 = urls("credit-impot-audiovisuel", "2026-06-30");
    expect(v2026[0]).toMatch(/assemblee-nationale\.fr/);
    const t2026 = taux(2026).regle!;
    // The BOFiP page of 2022 is listed too, but it does not give the 2026 rate: citing it would vouch for a figure it lacks.
    const cite = v2026[0];
    expect(v2026.some((u) => u.includes("bofip.impots.gouv.fr"))).toBe(true);
    expect(t2026).toMatchObject({ effetDu: "2026-01-01", confiance: "M", source: cite });
    expect(t2026.sources).toEqual(v2026);
    // « Règles appliquées » and the Excel note name the same text for that version.
    const appliquee = regleLisible(
      regleUtilisee("credit-impot-audiovisuel", versionEnVigueur(table("credit-impot-audiovisuel"), "2026-06-30")!),
    );
    expect(appliquee.texte?.url).toBe(cite);
    expect(noteDeTrace(feuille("Taux", "0.25", "taux", { regle: t2026 }))).toContain(
      `confiance M, à vérifier — ${cite} (`,
    );
  });

  it("ranking: Légifrance, JORF, BOFiP, CNC before other primary hosts, mirrors and leads; table order among equals", () => {
    const [lf, bofip, urssaf, miroir, amdt] = [
      "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000026949450",
      "https://bofip.impots.gouv.fr/bofip/13601-PGP.html",
      "https://www.urssaf.fr/accueil/taux.html",
      "https://legal.tricoteuses.fr/articles/LEGIARTI000042778965",
      "https://www.assemblee-nationale.fr/dyn/17/amendements/1906A/CION_FIN/CF1218",
    ];
    expect([lf, bofip, urssaf, miroir, amdt].map(rangSource)).toEqual([0, 0, 1, 2, 3]);
    expect(
      sourcePrincipale(
        [amdt, miroir, urssaf, bofip, lf].map((url) => ({ url })),
        "H",
      )!.url,
    ).toBe(bofip);
    expect(
      sourcePrincipale(
        [amdt, miroir].map((url) => ({ url })),
        "H",
      )!.url,
    ).toBe(miroir);
    expect(sourcePrincipale([{ url: amdt }], "H")!.url).toBe(amdt);
    expect(sourcesDeVersion([{ url: amdt }, { url: urssaf }], "H")).toEqual({
      source: urssaf,
      sources: [urssaf, amdt],
    });
    // Below H, the source listed first (where the figures were read), whatever the others.
    expect(
      sourcePrincipale(
        [amdt, miroir, urssaf, bofip, lf].map((url) => ({ url })),
        "M",
      )!.url,
    ).toBe(amdt);
    expect(sourcesDeVersion([{ url: amdt }, { url: urssaf }], "L")).toEqual({ source: amdt, sources: [amdt, urssaf] });
  });

  it("one source: `source` only; a URL listed twice is cited once", () => {
    const v = { effetDu: "2022-01-01", confiance: "H" as const };
    expect(regleDeVersion("t", { ...v, sources: [{ titre: "a", url: "https://a" }] })).toEqual({
      table: "t",
      effetDu: "2022-01-01",
      confiance: "H",
      source: "https://a",
    });
    expect(sourcesDeVersion([{ url: "https://a" }, { url: "https://b" }, { url: "https://a" }], "H")).toEqual({
      source: "https://a",
      sources: ["https://a", "https://b"],
    });
    expect(sourcesDeVersion([{ url: "https://a" }, { url: "https://a" }], "H")).toEqual({ source: "https://a" });
    const deux = regleDeVersion("t", {
      ...v,
      sources: [
        { titre: "a", url: "https://a" },
        { titre: "b", url: "https://b" },
      ],
    });
    expect(noteDeTrace(feuille("Taux", "0.2", "taux", { regle: deux }))).toContain(
      "Règle : t, en vigueur au 1er\u00a0janvier\u00a02022, confiance H — https://a (et 1 autre source de cette version)\n",
    );
  });
});
