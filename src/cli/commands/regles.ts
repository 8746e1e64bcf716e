import { detailDate } from "../../app/arguments";
import { verifierDateRegles } from "../../app/dateRegles";
import { dateValide, jsonRegles, reglesEnVigueur } from "../../app/commandes/regles";
import type { AuditRegles } from "../../core/regles/audit";
import { CliError, type Io } from "../io";
import { definirCommande } from "../runner";
import { dateEnLettres } from "../../core/util/texte";
import { suggestionCle } from "../../core/regles/parametres";

const USAGE = "prodbook regles [--date AAAA-MM-JJ] [--classeur classeur.xlsx] [--json]";

/** The French listing an accountant reads: each table, its period, confidence, sources, figures and overrides. */
function texte(a: AuditRegles, classeur: string | undefined, io: Io): void {
  const n = a.tables.filter((t) => t.version?.aVerifier).length;
  const enVigueur = a.tables.filter((t) => t.version).length;
  // Tables without a version at that date are counted apart: « 0 à vérifier » would vouch for figures that do not apply.
  const horsPeriode = a.tables.length - enVigueur;
  io.out(
    `Règles en vigueur le ${dateEnLettres(a.date)} : ${a.tables.length} tables` +
      (enVigueur === 0
        ? ", aucune n'a de version en vigueur à cette date."
        : `, dont ${n} à vérifier (confiance M ou L)` +
          (horsPeriode ? ` et ${horsPeriode} sans version en vigueur à cette date.` : ".")),
  );
  if (classeur && a.feuilleParametres === "absente")
    io.out(`${classeur} n'a pas de feuille « Paramètres » : aucune surcharge, les chiffres des tables s'appliquent.`);
  else if (classeur && a.feuilleParametres === "sans-en-tete")
    io.out(
      `La feuille « Paramètres » de ${classeur} n'a pas d'en-tête « Paramètre | Valeur » dans ses 20 premières lignes : ` +
        `aucune de ses lignes n'est lue, les chiffres des tables s'appliquent. Ajoutez cet en-tête au-dessus des paramètres.`,
    );
  else if (classeur) {
    // A key may override figures of two tables (devis.salaire-minimum.*: both IDCC grids): counted once.
    const n = new Set([
      ...a.tables.flatMap((t) => Object.keys(t.surcharges)),
      ...a.tables.flatMap((t) => Object.keys(t.surchargesRefusees)),
      ...Object.keys(a.surchargesNonRattachees),
    ]).size;
    io.out(`Surcharges lues dans la feuille « Paramètres » de ${classeur} : ${n}.`);
  }
  for (const t of a.tables) {
    io.out("");
    io.out(`■ ${t.id} — ${t.description}`);
    const v = t.version;
    if (!v) {
      const p = t.periodes.map(
        (x) => `du ${dateEnLettres(x.effetDu)} ${x.effetAu ? `au ${dateEnLettres(x.effetAu)}` : "à ce jour"}`,
      );
      io.out(`  Aucune version en vigueur à cette date (périodes couvertes : ${p.join(" ; ")}).`);
    } else {
      io.out(
        `  Version du ${dateEnLettres(v.effetDu)} ${v.effetAu ? `au ${dateEnLettres(v.effetAu)}` : "(toujours en vigueur)"} — confiance ` +
          `${v.confiance}${v.aVerifier ? " : à vérifier" : " : texte primaire"}`,
      );
      if (v.motifConfiance) io.out(`  Pourquoi à vérifier : ${v.motifConfiance}`);
      if (v.recherche) io.out(`  Recherches : ${v.recherche}`);
      if (v.note) io.out(`  Note : ${v.note}`);
      for (const s of v.sources) io.out(`  Source : ${s.titre} — ${s.url}`);
      io.out("  Valeurs :");
      for (const f of v.lisibles) io.out(`    ${f.chemin} : ${f.valeur}`);
    }
    for (const [cle, s] of Object.entries(t.surcharges))
      io.out(`  Surchargé par le classeur : ${cle} = ${s.lisible} (${s.cellule})`);
    for (const [cle, s] of Object.entries(t.surchargesRefusees))
      io.out(`  Refusé par le calcul : ${cle} = ${s.lisible} (${s.cellule}) — ${s.message}`);
  }
  const orphelines = Object.entries(a.surchargesNonRattachees);
  if (orphelines.length) {
    io.out("");
    io.out("Paramètres du classeur qu'aucune table ne lit (faute de frappe ?) :");
    for (const [cle, s] of orphelines)
      io.out(`  ${cle} = ${s.lisible} (${s.cellule})${suggestionCle(s.proches ?? [])}`);
  }
}

export const commande = definirCommande({
  nom: "regles",
  resume:
    "Liste les règles en vigueur à une date : chaque table avec ses chiffres, sa confiance et ses sources, et les " +
    "surcharges de la feuille Paramètres d'un classeur",
  usage: USAGE,
  entree: null,
  options: { date: { type: "string" }, classeur: { type: "string", fichier: true } },
  champs: { date: "--date" },
  verifier(v) {
    if (v.date !== undefined && !dateValide(v.date)) throw new CliError(`L'option --date ${detailDate(v.date)}.`);
    verifierDateRegles(v.date, "date");
    return { date: v.date, classeur: v.classeur };
  },
  classeur: (args) => args.classeur,
  executer: ({ wb, args }) => reglesEnVigueur(args.classeur === undefined ? undefined : wb, args.date),
  json: (a) => jsonRegles(a),
  texte: (a, io, { args }) => texte(a, args.classeur, io),
});
