import * as fs from "fs";
import * as path from "path";
import { montantArg } from "../../src/cli/args";
import { main } from "../../src/cli/main";
import { cents } from "../../src/core/money";
import { binaire, dossierTemporaire, lancerCli } from "../helpers/cli";

/**
 * A new user's audit of the CLI's text: counts grouped by thousands with their noun agreed (« 10 756 lignes »), no
 * « (s) » plural left to the reader, in the text output and in the --json messages.
 */
const RACINE = path.resolve(__dirname, "../..");
const EXEMPLE = path.join(RACINE, "assets/exemple");
const DEVIS = path.join(EXEMPLE, "devis-producteur.xlsx");
const PLANNING = path.join(RACINE, "tests/fixtures/planning/gardiens-planning.xlsx");

describe("prodbook : nombres et pluriels écrits en français", () => {
  it("fec : « 10 756 sur 10 756 lignes de données », les milliers groupés comme les écritures", async () => {
    const r = await lancerCli(main, ["fec", path.join(RACINE, "tests/fixtures/fec-reel/123456789FEC20500930.txt")]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "Lignes importées\u00a0: 10\u00a0756 sur 10\u00a0756\u00a0lignes de données (0\u00a0rejetée), 4\u00a0001\u00a0écritures",
    );
    expect(r.out).not.toMatch(/\d{4} sur|\d{4}\u00a0lignes/);
  });

  it("ecarts : « 4 comptes de classe 6 sans poste », sans « compte(s) », en texte comme en --json", async () => {
    const args = ["ecarts", DEVIS, "--fec", path.join(EXEMPLE, "fec-exemple.txt")];
    const texte = await lancerCli(main, args);
    expect([texte.code, texte.err]).toEqual([0, ""]);
    expect(texte.out).toContain(
      "[alerte] Comptes sans poste — 4\u00a0comptes de classe 6 sans poste (2\u202f046,80\u00a0€)",
    );
    const json = await lancerCli(main, [...args, "--json"]);
    expect(json.code).toBe(0);
    const alerte = (JSON.parse(json.out) as { controles: { regle: string; message: string }[] }).controles.find(
      (c) => c.regle === "comptes-non-affectes",
    );
    expect(alerte?.message).toMatch(/^4\u00a0comptes de classe 6 sans poste/);
    expect(texte.out + json.out).not.toContain("(s)");
  });

  it("carbone : les lieux du plan de travail en « 3 jours », « 1 jour », « 4 personnes », sans « (s) »", async () => {
    const texte = await lancerCli(main, ["carbone", PLANNING, "--date", "2026-06-01"]);
    expect([texte.code, texte.err]).toEqual([0, ""]);
    expect(texte.out).toContain(
      "Distance et mode à indiquer pour «\u00a0Phare du Créac'h, Ouessant\u00a0» (3\u00a0jours au plan",
    );
    expect(texte.out).toContain("«\u00a0Port de Lampaul\u00a0» (1\u00a0jour au plan de travail)");
    const json = await lancerCli(main, ["carbone", PLANNING, "--date", "2026-06-01", "--json"]);
    expect(json.code).toBe(0);
    expect(json.out).toContain("Déplacements vers « Phare du Créac'h, Ouessant » : 3\u00a0jours, 4\u00a0personnes");
    expect(texte.out + json.out).not.toContain("(s)");
  });
});

describe("prodbook ecarts : les écarts signés comme dans le README et le volet", () => {
  it("« −29 323,97 € » et « +4 601,73 € » au total, « −900,00 € » au chapitre 3, colonnes alignées", async () => {
    const r = await lancerCli(main, ["ecarts", DEVIS, "--fec", path.join(EXEMPLE, "fec-exemple.txt")]);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lignes = r.out.split("\n");
    const total = lignes.find((l) => l.startsWith("Total "))!;
    expect(total).toMatch(/ \u221229\u202f323,97\u00a0€ +\+4\u202f601,73\u00a0€$/);
    expect(lignes.find((l) => l.startsWith("3 Interprétation"))).toMatch(/ \u2212900,00\u00a0€ +0,00\u00a0€$/);
    expect(lignes.find((l) => l.startsWith("2 Personnel"))).toMatch(/ \+1\u202f785,00\u00a0€ +\+1\u202f785,00\u00a0€$/);
    expect(total.length).toBe(lignes[0].length);
    expect(r.out).not.toMatch(/ -\d/);
  });
});

/** An ordinary space (or a no-break one where the narrow one is due) before a sign, or after « : what must not be. */
const MAL_ESPACE = / [:;?!»]|«[ \t]|\u00a0[;?!]/;
const prodbook = (...args: string[]) => binaire(args);
const dossier = dossierTemporaire("prodbook-typographie-");

describe("prodbook : espaces insécables du français, comme dans le volet (texte et messages, jamais --json)", () => {
  it("devis en texte : « Contrôles : », « … » insécables, « ; » après une fine insécable", () => {
    const r = prodbook("devis", DEVIS, "--date", "2026-01-15");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "Devis lu dans la feuille «\u00a0Budget Gardiens\u00a0»\u00a0: 38\u00a0lignes placées et 1\u00a0ligne non placée (hors total)\n",
    );
    expect(r.out).toContain("\nContrôles\u00a0: 5 erreurs, 2 alertes, 2 informations\n");
    expect(r.out).toContain("(ni code, ni titre de chapitre au-dessus, ni mot-clé reconnu)\u202f; il n'est pas compté");
    expect(r.out).not.toMatch(MAL_ESPACE);
  });

  it("--json garde ses messages tels que src/app les écrit (contrat public) : seul le texte change", () => {
    const r = prodbook("devis", DEVIS, "--date", "2026-01-15", "--json");
    expect([r.code, r.err]).toEqual([0, ""]);
    const messages = (JSON.parse(r.out) as { controles: { message: string }[] }).controles.map((c) => c.message);
    expect(messages).toContain(
      "'Budget Gardiens'!G53 « Kit son HF » : le montant 1\u202f500,00\u00a0€ ne correspond pas au calcul " +
        "4 × 1 × 350,00\u00a0€ = 1\u202f400,00\u00a0€ (écart 100,00\u00a0€).",
    );
  });

  it("une erreur sur stderr : insécables autour du chemin, le chemin tapé gardé tel quel (« absent ! », « 1 000 »)", () => {
    const sortie = path.join(dossier(), "absent !", "sortie 1 000.xlsx");
    const r = prodbook("devis", DEVIS, "-o", sortie);
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      `Écriture impossible de «\u00a0${sortie}\u00a0»\u00a0: dossier «\u00a0${path.dirname(sortie)}\u00a0» introuvable.\n`,
    );
    expect(r.err.replace(sortie, "").replace(path.dirname(sortie), "")).not.toMatch(MAL_ESPACE);
    expect(fs.existsSync(path.dirname(sortie))).toBe(false);
    const inconnue = prodbook("devis", DEVIS, "--jsn");
    expect(inconnue.err).toMatch(
      /^Arguments invalides\u00a0: option inconnue «\u00a0--jsn\u00a0»\u00a0: vouliez-vous dire /,
    );
    expect(inconnue.err).toContain("«\u00a0--json\u00a0»\u202f?\nUsage\u00a0: prodbook devis");
    expect(inconnue.err).not.toMatch(MAL_ESPACE);
  });

  it("--help et l'aide d'une commande : « Usage : », « Commandes : » insécables", () => {
    const aide = prodbook("--help");
    expect([aide.code, aide.err]).toEqual([0, ""]);
    expect(aide.out).toMatch(/^prodbook — .*\nUsage\u00a0: prodbook <commande> \[options\]\n\nCommandes\u00a0:\n/);
    expect(aide.out).not.toMatch(MAL_ESPACE);
    const devis = prodbook("devis", "--help");
    expect(devis.out).toContain("\nUsage\u00a0: prodbook devis <classeur.xlsx>");
    expect(devis.out).not.toMatch(MAL_ESPACE);
    // Without a command, the help goes to stderr, in the same typography.
    const sans = prodbook();
    expect([sans.code, sans.out, sans.err]).toEqual([2, "", aide.out]);
  });
});

/** A FEC of one entry: credit 10 000,00 on 706000, debit 4 000,00 on 411000 (débit − crédit = −6 000,00 €). */
const ENTETE_FEC =
  "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|" +
  "EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise";
const fecDesequilibre = (nom: string, encodage: "utf8" | "latin1" = "utf8") => {
  const f = path.join(dossier(), nom);
  const texte = [
    ENTETE_FEC,
    "VT|Ventes|A1|20240105|706000|Ventes|||P|20240105|Vente café|0,00|10000,00|||20240110||",
    "VT|Ventes|A1|20240105|411000|Clients|||P|20240105|Vente café|4000,00|0,00|||20240110||",
  ].join("\n");
  fs.writeFileSync(f, Buffer.from(texte + "\n", encodage));
  return f;
};

describe("prodbook : montants, semaines, dates et messages de fichier écrits en français (revue de présentation)", () => {
  it("fec : l'écriture déséquilibrée dit « −6 000,00 € » (formatMontantFr), en texte comme en --json", () => {
    const f = fecDesequilibre("desequilibre.txt");
    const r = prodbook("fec", f);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "    Ligne 2\u00a0: écriture VT A1 déséquilibrée\u00a0: débit − crédit = \u22126\u202f000,00\u00a0€.\n",
    );
    expect(r.out.split(f).join("")).not.toMatch(/(^|[\s(=])-\d/m);
    const j = prodbook("fec", f, "--json");
    const json = JSON.parse(j.out) as { debit: string; alertes: { message: string }[] };
    // The message is the same sentence; the figures of the contract stay decimal strings.
    expect([json.debit, json.alertes[0].message]).toEqual([
      "4000.00",
      "Écriture VT A1 déséquilibrée : débit − crédit = \u22126\u202f000,00\u00a0€.",
    ]);
  });

  it("un montant hors limite est écrit groupé et signé : « −45 035 996 273 704,96 € », pas « -45035996273704.96 € »", () => {
    expect(() => cents(-(2 ** 52))).toThrow(
      "le montant \u221245\u202f035\u202f996\u202f273\u202f704,96\u00a0€ dépasse la limite de Prodbook",
    );
  });

  it("planning : « semaine 20 (du lundi 11 mai 2026) », jamais la clé ISO « 2026-W20 », le JSON gardant ses dates", () => {
    const r = prodbook("planning", PLANNING, "--livraison", "2026-05-15");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain(
      "Yann Le Goff, semaine 20 (du lundi 11\u00a0mai\u00a02026)\u00a0: 39 h 30 travaillées, dont 4 h 30 à 25\u00a0%.",
    );
    expect(r.out).not.toMatch(/\d{4}-W\d{2}/);
    const j = JSON.parse(prodbook("planning", PLANNING, "--livraison", "2026-05-15", "--json").out);
    expect(j.etapes[3]).toMatchObject({ debut: "2026-05-11", fin: "2026-05-13" });
  });

  it("credit-impot : « Plafond par minute », jamais « Plafond : plafond … » ; --explique « en vigueur au 1er janvier 2016 »", () => {
    const args = ["credit-impot", DEVIS, "--regime", "audiovisuel", "--genre", "documentaire", "--duree", "52"];
    const r = prodbook(...args, "--annee", "2025", "--explique");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(/\n {2}Plafond par minute +75\u202f400,00\u00a0€ {2}non atteint\n/);
    expect(r.out).toMatch(
      /\n {2}Plafond des aides publiques \(50\u00a0% du budget\) +91\u202f434,58\u00a0€ {2}non atteint\n/,
    );
    // The text tree names the key, its table and the version's source (« — https://… »).
    expect(r.out).toContain(
      "[credit-impot.plafond-budget.part (table credit-impot-plafond-budget), en vigueur au 1er\u00a0janvier\u00a02016, " +
        "confiance M, à vérifier — https://www.legifrance.gouv.fr/",
    );
    expect(r.out).not.toMatch(/Plafond\u00a0: plafond|en vigueur au \d{4}-\d{2}-\d{2}/i);
  });

  it("regles : ni « null » ni « undefined » dans le texte ; une durée maximale absente s'écrit « — »", () => {
    const r = prodbook("regles", "--date", "2026-06-01");
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).not.toMatch(/\bnull\b|\bundefined\b|Plafond\u00a0: plafond/i);
    expect(r.out).toContain("une durée maximale non renseignée («\u00a0—\u00a0» dans la liste des règles)");
    expect(r.out).toContain("    3097 › durée quotidienne maximale\u00a0: —\n");
  });

  it("devis : les lignes comptées sont celles des chapitres (38) et de la conservation, la non placée à part", () => {
    const r = prodbook("devis", DEVIS, "--duree", "52", "--genre", "documentaire");
    expect([r.code, r.err]).toEqual([0, ""]);
    const entete = r.out.split("\n")[0];
    expect(entete).toBe(
      "Devis lu dans la feuille «\u00a0Budget Gardiens\u00a0»\u00a0: 38\u00a0lignes placées et 1\u00a0ligne non placée " +
        "(hors total)",
    );
    const parChapitre = [...r.out.matchAll(/\((\d+) lignes?\)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    const j = JSON.parse(prodbook("devis", DEVIS, "--duree", "52", "--genre", "documentaire", "--json").out);
    expect([parChapitre, j.devis.conservation.cellules.lignes, j.devis.conservation.cellules.nonPlaces]).toEqual([
      38, 38, 1,
    ]);
    // The contract keeps its count of every line read.
    expect(j.devis.lignes).toBe(39);
  });

  it("fec --encodage windows-1252 sur un fichier UTF-8 (et l'inverse) : avertissement français sur stderr, encodage gardé, nommé « UTF-8 », « Windows-1252 »", () => {
    const utf8 = fecDesequilibre("utf8.txt");
    const r = prodbook("fec", utf8, "--encodage", "windows-1252", "--json");
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      "Le fichier semble encodé en UTF-8\u00a0: «\u00a0é\u00a0» est lu «\u00a0Ã©\u00a0»\u202f; l'encodage Windows-1252 imposé " +
        "par --encodage est gardé\u00a0: retirez --encodage ou indiquez --encodage utf-8 si les libellés sont mal lus.\n",
    );
    expect(JSON.parse(r.out).format.encodage).toBe("windows-1252");
    const latin = fecDesequilibre("latin.txt", "latin1");
    const inverse = prodbook("fec", latin, "--encodage", "utf-8");
    expect(inverse.code).toBe(0);
    expect(inverse.err).toBe(
      "Le fichier ne semble pas encodé en UTF-8\u00a0: «\u00a0é\u00a0» (en Windows-1252) est lu «\u00a0\ufffd\u00a0»\u202f; " +
        "l'encodage UTF-8 imposé par --encodage est gardé\u00a0: retirez --encodage ou indiquez --encodage windows-1252 si " +
        "les libellés sont mal lus.\n",
    );
    expect(inverse.out).toContain("UTF-8 imposé");
    // The encoding as the messages name it (« Windows-1252 ») is taken too; --json keeps its value.
    const nomme = prodbook("fec", latin, "--encodage", "Windows-1252", "--json");
    expect([nomme.code, nomme.err, JSON.parse(nomme.out).format.encodage]).toEqual([0, "", "windows-1252"]);
    // The encoding the bytes have, forced or detected: nothing to say.
    expect(prodbook("fec", utf8, "--encodage", "utf-8").err).toBe("");
    expect(prodbook("fec", latin, "--encodage", "windows-1252").err).toBe("");
    expect(prodbook("fec", latin).err).toBe("");
  });

  it("un fichier absent : une seule tournure, « Fichier introuvable : « … » (quoi). », pour chaque commande", () => {
    const absent = (nom: string) => path.join(dossier(), nom);
    const FEC = path.join(EXEMPLE, "fec-exemple.txt");
    const cas: [string[], string][] = [
      [["devis", absent("a.xlsx")], `Fichier introuvable\u00a0: «\u00a0${absent("a.xlsx")}\u00a0» (classeur).\n`],
      [["fec", absent("a.txt")], `Fichier introuvable\u00a0: «\u00a0${absent("a.txt")}\u00a0» (FEC).\n`],
      [
        ["ecarts", DEVIS, "--fec", absent("b.txt")],
        `Fichier introuvable\u00a0: «\u00a0${absent("b.txt")}\u00a0» (FEC).\n`,
      ],
      [
        ["ecarts", DEVIS, "--fec", FEC, "--correspondances", absent("c.csv")],
        `Fichier introuvable\u00a0: «\u00a0${absent("c.csv")}\u00a0» (fichier de correspondances).\n`,
      ],
      [
        ["regles", "--classeur", absent("d.xlsx")],
        `Fichier introuvable\u00a0: «\u00a0${absent("d.xlsx")}\u00a0» (classeur).\n`,
      ],
    ];
    for (const [args, message] of cas) {
      for (const json of [[], ["--json"]]) {
        const r = prodbook(...args, ...json);
        expect([r.code, r.out, r.err]).toEqual([2, "", message]);
      }
    }
  });

  it("-o : « Écrit : sortie.xlsx (feuilles « … ») » pour chaque commande qui écrit, la même tournure", () => {
    const FEC = path.join(EXEMPLE, "fec-exemple.txt");
    const devis = path.join(dossier(), "devis-ecrit.xlsx");
    const ecarts = path.join(dossier(), "ecarts-ecrit.xlsx");
    const d = prodbook("devis", DEVIS, "-o", devis);
    const e = prodbook("ecarts", DEVIS, "--fec", FEC, "-o", ecarts);
    expect([d.code, e.code]).toEqual([0, 0]);
    expect(d.out).toMatch(
      new RegExp(`\\nÉcrit\\u00a0: ${devis.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(feuilles «\\u00a0`),
    );
    expect(e.out).toContain(`\nÉcrit\u00a0: ${ecarts}`);
    expect(d.out + e.out).not.toMatch(/Classeur écrit/);
  });

  it("--json : les messages de stderr ont la même typographie ; « −5000 » (U+2212) est lu négatif, « –5000 » refusé en français", () => {
    const r = prodbook("financement", DEVIS, "--cout", "\u22125000", "--json");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(
      "L'option --cout attend un montant positif (ex. «\u00a03000000\u00a0» ou «\u00a03\u00a0000\u00a0000,00\u00a0»), " +
        "reçu «\u00a0\u22125000\u00a0».\n",
    );
    expect(r.err).not.toMatch(MAL_ESPACE);
    expect(montantArg("\u22125000", "--subventions", "un montant")).toBe(-500000);
    expect(montantArg("\u22121\u202f200,50", "--subventions", "un montant")).toBe(-120050);
    const tiret = prodbook("financement", DEVIS, "--cout", "\u20135000", "--json");
    expect([tiret.code, tiret.out]).toEqual([2, ""]);
    expect(tiret.err).toBe(
      "L'option --cout\u00a0: «\u00a0\u20135000\u00a0» commence par un tiret typographique\u202f; un montant négatif " +
        "s'écrit avec le signe moins «\u00a0−\u00a0» ou «\u00a0-\u00a0» («\u00a0-5000\u00a0»).\n",
    );
  });
});
