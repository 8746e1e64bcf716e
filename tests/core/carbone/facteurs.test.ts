import brut from "../../../src/core/regles/data/carbone-facteurs.json";
import { citation, facteursEnVigueur, validerTableCarbone } from "../../../src/core/carbone/facteurs";
import { ParametreInvalideError } from "../../../src/core/regles/parametres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a broken copy of the JSON, on purpose
type Table = any;
const copie = (): Table => JSON.parse(JSON.stringify(brut));
const surcharges = (e: Record<string, string>) =>
  new Map(Object.entries(e).map(([k, v], i) => [k, { valeur: v, cellule: `Paramètres!B${i + 2}` }]));

describe("table des facteurs d'émission (carbone-facteurs.json)", () => {
  test("la table livrée passe le contrôle strict ; chaque facteur a un identifiant, une source, une confiance", () => {
    const t = validerTableCarbone(brut);
    const v = t.versions[0].valeurs;
    expect(Object.keys(v.facteurs).length).toBeGreaterThanOrEqual(20);
    for (const [code, f] of Object.entries(v.facteurs)) {
      expect([code, f.identifiant.length > 0, f.source.length > 0, Number(f.valeur) > 0]).toEqual([
        code,
        true,
        true,
        true,
      ]);
      // H only where the value and its identifier were read in ADEME's own publication, at a pinned address.
      if (f.confiance === "H")
        expect([code, f.url]).toEqual([
          code,
          expect.stringMatching(/^https:\/\/github\.com\/incubateur-ademe\/impactco2\/blob\/[0-9a-f]{40}\/src\/data\//),
        ]);
    }
    const h = Object.entries(v.facteurs).filter(([, f]) => f.confiance === "H");
    expect(h.map(([code, f]) => [code, f.identifiant, f.valeur])).toEqual([
      ["train-tgv", "43256", "0.00293"],
      ["train-intercites", "43272", "0.0075"],
      ["train-ter", "43255", "0.02769"],
      ["avion-500-1000km", "43743", "0.224572"],
      ["avion-1000-2000km", "43741", "0.184661"],
      ["repas-vegetarien", "20683", "0.51"],
      ["repas-boeuf", "20689", "7.26"],
      ["repas-poulet", "20688", "1.58"],
    ]);
    // Read in Impact CO2 with its identifier, but the element's band is not named there: M.
    expect(v.facteurs["avion-2000-5000km"]).toMatchObject({ identifiant: "43747", valeur: "0.166794", confiance: "M" });
    expect(Object.keys(v.manquants).sort()).toEqual(
      ["camion-porteur", "ferry", "location-materiel", "postproduction", "regie"].sort(),
    );
    // Trucks: the Base Carbone's rigid trucks (GLEC, per tonne.km), one factor per PTAC class, read with their
    // identifiers in a copy of the v22.0 export (M); the van: its only per-km element is archived (L); no ferry in force.
    const copieV22 =
      "https://github.com/c79942474-cyber/conseilprevcyber/blob/c6ac5937fd0baae5b367325075e3311594db6c49/" +
      "donnees/ademe/base_carbone_v22.csv";
    const vehicules = Object.entries(v.facteurs).filter(([c]) => /camion|ferry|utilitaire|location/.test(c));
    expect(vehicules.map(([c, f]) => [c, f.identifiant, f.valeur, f.unite, f.confiance, f.url])).toEqual([
      ["camion-rigide-3-5-7-5t", "28026", "0.378", "t.km", "M", copieV22],
      ["camion-rigide-7-5-12t", "28031", "0.241", "t.km", "M", copieV22],
      ["camion-rigide-12-20t", "28033", "0.16", "t.km", "M", copieV22],
      ["camion-rigide-20-26t", "28036", "0.135", "t.km", "M", copieV22],
      ["camion-rigide-26-32t", "28039", "0.105", "t.km", "M", copieV22],
      ["utilitaire", "21030", "0.547", "km", "L", copieV22],
    ]);
    expect(v.facteurs.utilitaire.source).toMatch(/statut « Archivé ».* L : élément archivé par l'ADEME/);
    // The truck without its PTAC names the classes and what to type; the ferry names the archived elements not used.
    expect(v.manquants["camion-porteur"]).toMatchObject({ unite: "t.km", conseil: expect.stringContaining("t.km") });
    expect(v.manquants["camion-porteur"].raison).toMatch(/28026 .*28031 .*28033 .*28036 .*28039 /);
    expect(v.manquants.ferry.raison).toMatch(
      /^La Base Carbone n'a plus de facteur ferry .*21856 .*0,978 .*21860 .*0,524/,
    );
    expect(t.versions[0].sources.map((s) => s.url)).toEqual(
      expect.arrayContaining([
        copieV22,
        "https://prod-basecarbonesolo.ademe-dri.fr/documentation/UPLOAD_DOC_FR/routier.htm",
        "https://github.com/ABC-TransitionBasCarbone/bilan-carbone/blob/949af9c48dff4589450bff7e3ff41fb9eeae0d7a/" +
          "apps/bilan-carbone/prisma/seed/Base_Carbone_Test.csv#L75-L82",
      ]),
    );
    // The hotel night: read in Impact CO2 (ADEME) from ADEME's 2022 tourism study, not a Base Carbone element: M.
    expect(v.facteurs["hebergement-nuitee"]).toMatchObject({
      valeur: "4.3",
      unite: "nuitée",
      type: "activite",
      base: "Étude ADEME tourisme 2022",
      identifiant: "réf. 7637",
      confiance: "M",
      url: expect.stringMatching(
        /^https:\/\/github\.com\/incubateur-ademe\/impactco2\/blob\/[0-9a-f]{40}\/src\/data\/categories\/caspratiques\.ts#L95-L123$/,
      ),
    });
    // Two 2016 money ratios of the v22.0 copy, offered (never applied by default) where no activity factor exists:
    // the ferry (maritime transport) and post-production (films, television); none names equipment rental.
    const ratios = ["ratio-transport-maritime", "ratio-films-television"].map((c) => [c, v.facteurs[c]] as const);
    expect(ratios.map(([c, f]) => [c, f.identifiant, f.valeur, f.unite, f.type, f.confiance, f.url])).toEqual([
      ["ratio-transport-maritime", "25006", "590", "k€ HT", "monetaire", "M", copieV22],
      ["ratio-films-television", "25003", "310", "k€ HT", "monetaire", "M", copieV22],
    ]);
    for (const [, f] of ratios)
      expect(f.source).toMatch(/statut « Valide générique ».*créé le 18\/05\/2016.*Non appliqué d'office/);
    // Both are archived in the V23.6 export (20 March 2025): their 2023 ratios (SDES/INSEE) replace them, read with
    // their identifiers in a full copy of that export (M). Post-production is estimated with 43375 by default.
    for (const [, f] of ratios) expect(f.source).toMatch(/V23\.6.*« Archivé » \(modifié le 20\/03\/2025\)/);
    const copieV236 =
      "https://github.com/ChadouMohamedAli/BaseCarbone/blob/577efaf789faff3b8dc42fd46fc3c9139bf3ebaa/" +
      "dataSource/Base_Carbone_V23.6-v2.xlsx";
    const ratios2023 = ["ratio-transport-par-eau", "ratio-cinema-audiovisuel"].map((c) => [c, v.facteurs[c]] as const);
    expect(
      ratios2023.map(([c, f]) => [c, f.categorie, f.identifiant, f.valeur, f.unite, f.type, f.confiance, f.url]),
    ).toEqual([
      ["ratio-transport-par-eau", "transport", "43560", "1247", "k€ HT", "monetaire", "M", copieV236],
      ["ratio-cinema-audiovisuel", "postproduction", "43375", "156", "k€ HT", "monetaire", "M", copieV236],
    ]);
    expect(v.facteurs["ratio-cinema-audiovisuel"].source).toMatch(
      /statut « Valide générique ».*156 kgCO2e\/keuro \(2023\) HT.*SDES\/INSEE.*montage, doublage, sous-titrage.*Appliqué d'office/,
    );
    expect(v.facteurs["ratio-transport-par-eau"].source).toMatch(/statut « Valide générique ».*Non appliqué d'office/);
    expect(t.versions[0].sources.map((s) => s.url)).toContain(copieV236);
    expect(v.manquants.ferry.conseil).toMatch(/ratio monétaire « Transport par eau » \(Base Carbone 43560, 2023/);
    expect(v.manquants.ferry.raison).toMatch(/V23\.6 .*21854 à 21861.*« Archivé ».*28248 .*28249 .*28250 /);
    expect(v.manquants.postproduction.conseil).toMatch(/ratio monétaire Base Carbone 43375, 2023/);
    expect(v.manquants["location-materiel"].raison).toMatch(
      /24997 à 25032.*aucun ne nomme la location de matériel.*V23\.6 .*sans la division N77.*Aucun ratio n'est donc proposé pour la location de matériel\. Neuvième passe/,
    );
    // The findings are shown in the pane: they name the ratio by its label and identifier, never by its code.
    for (const m of Object.values(v.manquants)) expect(m.conseil ?? "").not.toMatch(/\bratio-[a-z]/);
    // Equipment rental stays « facteur manquant », with what Carbon'Clap asks for (its publisher's FAQ, a source).
    expect(v.manquants["location-materiel"].conseil).toMatch(/^Carbon'Clap demande le type de matériel et sa durée/);
    expect(t.versions[0].sources.map((s) => s.url)).toContain(
      "https://www.ecoprod.com/fr/carbon-clap/faq-carbon-clap.html",
    );
  });

  test("neuvième passe (6 décembre 2026) : ni ferry ni location de matériel dans la V23.6, aucun ratio d'achat proposé", () => {
    const t = validerTableCarbone(brut);
    const v = t.versions[0].valeurs;
    // Both categories stay « facteur manquant »: no factor code for them, and no ratio offered for equipment rental.
    expect(Object.keys(v.facteurs)).not.toContain("ferry");
    expect(Object.keys(v.facteurs)).not.toContain("location-materiel");
    expect(Object.keys(v.manquants)).toEqual(expect.arrayContaining(["ferry", "location-materiel"]));
    expect(v.manquants["location-materiel"].raison).toMatch(
      /Neuvième passe .*N78 \(43550\) et N79 \(43515\).*43420 .*43355 .*non sa location : non proposés\. Dixième passe/,
    );
    expect(v.manquants["location-materiel"].conseil).not.toMatch(/43420|43355/);
    expect(v.manquants.ferry.raison).toMatch(/Neuvième passe .*28234 « Ro-Pax » valide est en t\.km de marchandises/);
    expect(t.versions[0].recherche).toMatch(/Neuvième passe .*find_string « NAF-N77 » : aucun résultat/);
  });

  test("les cinq catégories sans facteur sourcé restent « facteur manquant », aucune n'est estimée", () => {
    const v = validerTableCarbone(brut).versions[0].valeurs;
    expect(Object.keys(v.manquants).sort()).toEqual(
      ["camion-porteur", "ferry", "location-materiel", "postproduction", "regie"].sort(),
    );
    for (const code of Object.keys(v.manquants)) expect(Object.keys(v.facteurs)).not.toContain(code);
  });

  test("ferry (septième passe, 6 décembre 2026) : les valeurs de niveau 1 de 2012 sont citées, recalculées, non appliquées", () => {
    const t = validerTableCarbone(brut);
    const [version] = t.versions;
    const journal = version.recherche ?? "";
    // The research log quotes annex II (passengers, fuel kg/km) and annex I (kg CO2/kg) of the arrêté du 10 avril 2012:
    // the kg CO2 per passager.km it states must be their arithmetic (consumption × factor ÷ passengers), to 2 decimals.
    const nombre = (s: string) => Number(s.replace(",", "."));
    const lu = (re: RegExp) => nombre(re.exec(journal)?.[1] ?? "NaN");
    const fioul = lu(/fioul lourd (\d+,\d+), diesel marin \d+,\d+ kg CO2\/kg/);
    const diesel = lu(/fioul lourd \d+,\d+, diesel marin (\d+,\d+) kg CO2\/kg/);
    const navire = (nom: string) => {
      const m = new RegExp(
        `${nom} (\\d+) passagers \\((?:fioul lourd )?(\\d+,\\d+)(?: et (?:diesel marin )?(\\d+,\\d+))?`,
      ).exec(journal)!;
      return ((nombre(m[2]) * fioul + (m[3] ? nombre(m[3]) : 0) * diesel) / Number(m[1])).toFixed(2).replace(".", ",");
    };
    const annonce = /environ (\d,\d\d) \(jour\), (\d,\d\d) \(nuit\) et (\d,\d\d) \(Ro-Pax\) kg CO2 par passager\.km/;
    expect(annonce.exec(journal)?.slice(1)).toEqual([
      navire("ferry de jour"),
      navire("ferry de nuit"),
      navire("Ro-Pax"),
    ]);
    expect([fioul, diesel]).toEqual([3.58, 3.76]);
    expect(journal).toMatch(/Septième passe \(6 décembre 2026 ;/);
    expect(journal).toMatch(/184c41a3a0acd691cec7a88bd023c3e6bbdcb58f\/arrete\/2012\/.*annexe-ii\.md/);
    // Not applied: still « facteur manquant », its reason saying why (text replaced in 2017, ship type unknown).
    const { manquants, facteurs } = version.valeurs;
    expect(Object.keys(facteurs).filter((c) => /ferry/.test(c))).toEqual([]);
    expect(manquants.ferry.raison).toMatch(
      /Septième passe \(6 décembre 2026\).*Non retenu : son annexe I a été remplacée en 2017.*ni le type de navire/,
    );
    expect(manquants["location-materiel"].raison).toMatch(/Septième passe \(6 décembre 2026\) : aucune méthodologie/);
  });

  test("chaque dépôt GitHub cité est épinglé à son commit ; une valeur confirmée par l'ADEME sans identifiant reste M", () => {
    const v = validerTableCarbone(brut).versions[0];
    const adresses = [...v.sources.map((s) => s.url), ...Object.values(v.valeurs.facteurs).map((f) => f.url)];
    const gitHub = adresses.filter((u): u is string => !!u && u.startsWith("https://github.com/"));
    expect(gitHub.length).toBeGreaterThanOrEqual(8);
    for (const u of gitHub) expect(u).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\//);
    // publicodes-commun (ADEME) gives 0.0519 for « Electricité/2024 - mix moyen/consommation », not the identifier.
    expect(v.valeurs.facteurs.electricite).toMatchObject({ identifiant: "43642", valeur: "0.0519", confiance: "M" });
    expect(v.valeurs.facteurs.electricite.url).toBeUndefined();
    expect(v.valeurs.facteurs.electricite.source).toMatch(/publicodes-commun .*fb4a1b9.*sans l'identifiant/);
    expect(v.sources.map((s) => s.url)).toContain(
      "https://github.com/incubateur-ademe/publicodes-commun/blob/fb4a1b911be8a6f4b0e4c949b5f30e41dc9daa2f/" +
        "src/commun.publicodes#L2-L10",
    );
  });

  test.each([
    [
      "un identifiant vide",
      (t: Table) => (t.versions[0].valeurs.facteurs["train-tgv"].identifiant = ""),
      /versions\[0\]\.valeurs\.facteurs\.train-tgv\.identifiant : ne doit pas être vide/,
    ],
    [
      "une valeur négative",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeur = "-0.2"),
      /facteurs\.voiture\.valeur : « -0\.2 » n'est pas un décimal/,
    ],
    [
      "une valeur en nombre",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeur = 0.2),
      /facteurs\.voiture\.valeur : 0\.2 : un texte attendu/,
    ],
    [
      "un champ inconnu",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.valeurs = "x"),
      /facteurs\.voiture\.valeurs : clé inconnue/,
    ],
    [
      "une catégorie inconnue",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.categorie = "loisirs"),
      /facteurs\.voiture\.categorie : "loisirs" : catégorie transport, hebergement/,
    ],
    [
      "un ratio monétaire hors k€",
      (t: Table) => (t.versions[0].valeurs.facteurs["ratio-assurance"].unite = "€"),
      /ratio monétaire est en k€ HT/,
    ],
    [
      "un code facteur et manquant",
      (t: Table) => (t.versions[0].valeurs.manquants.voiture = t.versions[0].valeurs.manquants.ferry),
      /valeurs : voiture : un code ne peut pas être à la fois un facteur et un manquant/,
    ],
    [
      "un conseil vide sur un facteur manquant",
      (t: Table) => (t.versions[0].valeurs.manquants["location-materiel"].conseil = " "),
      /manquants\.location-materiel\.conseil : ne doit pas être vide/,
    ],
    [
      "un facteur H sans adresse",
      (t: Table) => (t.versions[0].valeurs.facteurs.voiture.confiance = "H"),
      /facteurs\.voiture : confiance H sans publication de l'ADEME/,
    ],
    [
      "un facteur H lu dans une copie tierce",
      (t: Table) =>
        Object.assign(t.versions[0].valeurs.facteurs.voiture, {
          confiance: "H",
          url: "https://github.com/romarickine/libco2main/blob/5115b08c5b98a539ccb672435d0c134dc445e960/shared/js/data/facteurs-emission.js",
        }),
      /facteurs\.voiture : confiance H sans publication de l'ADEME/,
    ],
    [
      "un facteur H sur une branche GitHub non épinglée",
      (t: Table) =>
        (t.versions[0].valeurs.facteurs["train-tgv"].url =
          "https://github.com/incubateur-ademe/impactco2/blob/main/src/data/categories/deplacement.json"),
      /facteurs\.train-tgv : confiance H sans publication de l'ADEME/,
    ],
    [
      "une source absente",
      (t: Table) => (t.versions[0].sources = []),
      /versions\[0\]\.sources : vide : chaque chiffre doit être sourcé/,
    ],
  ])("refuse %s en nommant le chemin", (_nom, casser, attendu) => {
    const t = copie();
    casser(t);
    expect(() => validerTableCarbone(t, "carbone-facteurs.json")).toThrow(attendu);
  });

  test("Paramètres remplace un facteur (confiance L, cellule citée) et fournit un facteur manquant", () => {
    const j = facteursEnVigueur("2026-06-01", surcharges({ "carbone.train-tgv": "0,004", "carbone.ferry": "0,25" }));
    expect(j.facteurs.get("train-tgv")).toMatchObject({ valeur: "0.004", confiance: "L", surcharge: "Paramètres!B2" });
    expect(j.facteurs.get("ferry")).toMatchObject({ valeur: "0.25", unite: "passager.km", type: "activite" });
    expect(j.manquants.has("ferry")).toBe(false);
    expect(citation(j.facteurs.get("train-tgv")!)).toBe("Paramètres Paramètres!B2 [L, à vérifier]");
    // The typed value is not the one read at the table's address: no url, confidence L.
    expect(j.facteurs.get("train-tgv")!.url).toBeUndefined();
    expect(citation(facteursEnVigueur("2026-06-01").facteurs.get("train-tgv")!)).toBe(
      "Base Carbone 43256 — TGV, 2022 [H]",
    );
    expect(citation(facteursEnVigueur("2026-06-01").facteurs.get("voiture")!)).toBe(
      "Base Carbone 43791 — Voiture, motorisation moyenne, 2023 (par km parcouru par le véhicule) [M, à vérifier]",
    );
  });

  test("Paramètres : « 0,004 kg CO₂e / passager.km » et « 0,004 kg CO2e » se lisent 0,004, l'unité écrite des deux façons", () => {
    for (const v of ["0,004 kg CO₂e / passager.km", "0,004 kg CO2e", "0,004 kgCO₂e"])
      expect([
        v,
        facteursEnVigueur("2026-06-01", surcharges({ "carbone.voiture": v })).facteurs.get("voiture")?.valeur,
      ]).toEqual([v, "0.004"]);
  });

  test("une valeur illisible ou nulle en Paramètres est refusée avec sa cellule ; une clé inconnue est listée", () => {
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.voiture": "beaucoup" }))).toThrow(
      ParametreInvalideError,
    );
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.voiture": "0" }))).toThrow(/Paramètres!B2/);
    const j = facteursEnVigueur("2026-06-01", surcharges({ "carbone.trottinette": "0,01" }));
    // Nothing close to suggest for « trottinette » (added: `proches`, the known keys it may stand for).
    expect(j.inconnues).toEqual([{ cle: "carbone.trottinette", cellule: "Paramètres!B2", proches: [] }]);
  });

  test("semaine et mois de location en jours d'utilisation : règle datée, confiance L, remplaçable en Paramètres", () => {
    const j = facteursEnVigueur("2026-06-01");
    expect(j.conversions.get("jours-par-semaine")).toMatchObject({
      valeur: "5",
      de: "semaine",
      fixeLe: "2026-12-05",
      confiance: "L",
    });
    expect(j.conversions.get("jours-par-mois")).toMatchObject({ valeur: "20", de: "mois", confiance: "L" });
    // The reason says what was searched and that no primary source fixes it.
    expect(j.conversions.get("jours-par-semaine")!.source).toMatch(/sans source primaire/);
    const p = facteursEnVigueur("2026-06-01", surcharges({ "carbone.jours-par-semaine": "4 j" }));
    expect(p.conversions.get("jours-par-semaine")).toMatchObject({
      valeur: "4",
      confiance: "L",
      surcharge: "Paramètres!B2",
      source: "Valeur saisie en Paramètres!B2 (au lieu de 5)",
    });
    expect(p.inconnues).toEqual([]);
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.jours-par-mois": "un mois" }))).toThrow(
      "« un mois » n'est pas un nombre de jours valable pour « carbone.jours-par-mois » (attendu des jours " +
        "d'utilisation par mois, par exemple « 4 »).",
    );
    expect(() => facteursEnVigueur("2026-06-01", surcharges({ "carbone.jours-par-semaine": "0" }))).toThrow(
      ParametreInvalideError,
    );
  });

  test("une conversion sans date ou deux conversions pour la semaine sont refusées par le schéma", () => {
    const t = copie();
    delete t.versions[0].valeurs.conversions["jours-par-semaine"].fixeLe;
    expect(() => validerTableCarbone(t)).toThrow(/fixeLe/);
    const u = copie();
    u.versions[0].valeurs.conversions["jours-ouvres"] = { ...u.versions[0].valeurs.conversions["jours-par-semaine"] };
    expect(() => validerTableCarbone(u)).toThrow(/une seule conversion par unité/);
  });

  test("avant la première version, la version la plus récente sert (les facteurs ne sont pas un barème à date)", () => {
    expect(facteursEnVigueur("2020-01-01").facteurs.get("voiture")?.valeur).toBe("0.256");
  });
});
