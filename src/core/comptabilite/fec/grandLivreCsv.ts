import Papa from "papaparse";
import { cents, centsToDecimalString, type Cents } from "../../money/cents";
import { analyserMontant, analyserNombre, conventionProuvee, type Convention } from "../../money/parse";
import { alerteConvention, preuveConvention, RESOLUS_CITES, type MontantResolu } from "./conventionMontants";
import { formatMontantFr } from "../../money/format";
import { HORS_LIMITE, phraseDeviseEcrite } from "../../money/messages";
import { normaliser } from "../../util/texte";
import { FecFormatError } from "./entete";
import { sensLu, SENS_ATTENDU } from "./sens";
import {
  LIGNES_PAR_COMPTE,
  type AlerteFec,
  type EcritureFec,
  type LigneRejetee,
  type ResultatFec,
  type SoldeCompte,
} from "./types";

/**
 * Generic ledger CSV (Sage, Cegid, EBP exports: `;`, DD/MM/YYYY, Débit/Crédit or Montant + Sens, optional
 * analytic section) read through papaparse with a saved column mapping — a plain JSON object.
 */
export interface MappingGrandLivre {
  separateur?: ";" | "," | "\t" | "|";
  formatDate?: "JJ/MM/AAAA" | "AAAA-MM-JJ" | "AAAAMMJJ";
  colonnes: {
    compte: string;
    date: string;
    journal?: string;
    piece?: string;
    ecritureNum?: string;
    libelle?: string;
    compteLib?: string;
    debit?: string;
    credit?: string;
    montant?: string;
    sens?: string;
    section?: string;
  };
}

type Champ = keyof MappingGrandLivre["colonnes"];

const SYNONYMES: Record<Champ, string[]> = {
  compte: ["compte", "n° compte", "numero de compte", "compte general", "comptenum", "account"],
  date: ["date", "date ecriture", "date piece", "ecrituredate"],
  journal: ["journal", "code journal", "jnl", "journalcode"],
  piece: ["piece", "n° piece", "numero de piece", "reference", "pieceref"],
  ecritureNum: ["n° ecriture", "ecriture", "numero ecriture", "ecriturenum", "mouvement"],
  libelle: ["libelle", "libelle ecriture", "intitule", "ecriturelib", "designation"],
  compteLib: ["libelle compte", "intitule compte", "comptelib"],
  debit: ["debit", "montant debit", "debit eur"],
  credit: ["credit", "montant credit", "credit eur"],
  montant: ["montant", "montant eur"],
  sens: ["sens", "d/c"],
  section: ["section", "section analytique", "analytique", "code analytique", "axe", "code affaire", "affaire"],
};

const SEPARATEURS: readonly unknown[] = [";", ",", "\t", "|"];
const FORMATS_DATE: readonly unknown[] = ["JJ/MM/AAAA", "AAAA-MM-JJ", "AAAAMMJJ"];

/**
 * Why a mapping read from a saved JSON file cannot be used, in French naming the key (undefined when it can): a
 * column named by anything but a text, an unknown key, a separator or date format the reader does not know.
 */
export function raisonMappingInvalide(brut: unknown): string | undefined {
  const m = brut as { separateur?: unknown; formatDate?: unknown; colonnes?: unknown };
  if (!m || typeof m !== "object" || Array.isArray(m) || !m.colonnes || typeof m.colonnes !== "object")
    return undefined; // the caller's message shows the expected form
  const colonnes = m.colonnes as Record<string, unknown>;
  for (const [k, v] of Object.entries(colonnes)) {
    if (!(k in SYNONYMES)) return `« colonnes.${k} » inconnue (clés : ${Object.keys(SYNONYMES).join(", ")}).`;
    if (typeof v !== "string" || v.trim() === "")
      return `« colonnes.${k} » attend le nom d'une colonne de l'en-tête (un texte), reçu ${JSON.stringify(v)}.`;
  }
  if (m.separateur !== undefined && !SEPARATEURS.includes(m.separateur))
    return `« separateur » attend « ; », « , », « | » ou une tabulation (« \\t »), reçu ${JSON.stringify(m.separateur)}.`;
  if (m.formatDate !== undefined && !FORMATS_DATE.includes(m.formatDate))
    return `« formatDate » attend « JJ/MM/AAAA », « AAAA-MM-JJ » ou « AAAAMMJJ », reçu ${JSON.stringify(m.formatDate)}.`;
  return undefined;
}

/** A mapping proposed from the header's names (the user confirms or edits it, then it is saved). */
export function devinerMapping(
  entetes: string[],
  separateur: MappingGrandLivre["separateur"] = ";",
): MappingGrandLivre | undefined {
  const norm = entetes.map((e) => normaliser(e));
  const colonnes: Partial<MappingGrandLivre["colonnes"]> = {};
  for (const champ of Object.keys(SYNONYMES) as Champ[]) {
    const i = norm.findIndex((n, k) => SYNONYMES[champ].includes(n) && !Object.values(colonnes).includes(entetes[k]));
    if (i >= 0) colonnes[champ] = entetes[i];
  }
  if (
    !colonnes.compte ||
    !colonnes.date ||
    !((colonnes.debit && colonnes.credit) || (colonnes.montant && colonnes.sens))
  )
    return undefined;
  return { separateur, formatDate: "JJ/MM/AAAA", colonnes: colonnes as MappingGrandLivre["colonnes"] };
}

/**
 * The date format the file's own dates prove: « 20240110 » throughout (a FEC saved with « ; ») is AAAAMMJJ,
 * « 2024-01-10 » AAAA-MM-JJ; JJ/MM/AAAA when a date reads so or when none proves another.
 */
export function formatDateProuve(valeurs: readonly string[]): NonNullable<MappingGrandLivre["formatDate"]> {
  const v = valeurs.map((s) => s.trim()).filter((s) => s !== "");
  for (const f of ["AAAAMMJJ", "AAAA-MM-JJ"] as const) {
    if (v.length && v.every((s) => !Number.isNaN(date(s, f)) && Number.isNaN(date(s, "JJ/MM/AAAA")))) return f;
  }
  return "JJ/MM/AAAA";
}

function date(s: string, f: MappingGrandLivre["formatDate"]): number {
  const t = s.trim();
  let m: RegExpExecArray | null;
  let a: number, mo: number, j: number;
  if ((f ?? "JJ/MM/AAAA") === "JJ/MM/AAAA" && (m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)))
    [j, mo, a] = [+m[1], +m[2], +m[3]];
  else if (f === "AAAA-MM-JJ" && (m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t))) [a, mo, j] = [+m[1], +m[2], +m[3]];
  else if (f === "AAAAMMJJ" && (m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) [a, mo, j] = [+m[1], +m[2], +m[3]];
  else return NaN;
  const d = new Date(Date.UTC(a, mo - 1, j));
  return d.getUTCFullYear() === a && d.getUTCMonth() === mo - 1 && d.getUTCDate() === j
    ? a * 10000 + mo * 100 + j
    : NaN;
}

/** 150000 cents → « 1500,00 »: an amount as it would be typed, without grouping. */
const fr = (c: Cents) => centsToDecimalString(c).replace(".", ",");

/** Reads the whole text (a ledger export fits in memory); every data row is imported or rejected with its line. */
export function lireGrandLivreCsv(
  texte: string,
  mapping: MappingGrandLivre,
  opts: { conserver?: boolean } = {},
): ResultatFec {
  const sep = mapping.separateur ?? ";";
  // Line ends made one (papaparse takes the first line's for the whole file: a bare LF after CRLF lines would join
  // two lines into one row).
  const t = texte.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
  // Each row's physical line (a quoted field may span lines): count the line ends papaparse moved over.
  const rows: string[][] = [];
  const numeros: number[] = [];
  const erreursCsv: Papa.ParseError[] = [];
  let curseur = 0;
  let courante = 1;
  Papa.parse<string[]>(t, {
    delimiter: sep,
    skipEmptyLines: false,
    step: (res) => {
      rows.push(res.data);
      numeros.push(courante);
      erreursCsv.push(...res.errors);
      for (let k = curseur; k < res.meta.cursor; k++) {
        const ch = t.charCodeAt(k);
        if (ch === 10 || (ch === 13 && t.charCodeAt(k + 1) !== 10)) courante++;
      }
      curseur = res.meta.cursor;
    },
  });
  const iEntete = rows.findIndex((r) => r.some((c) => c.trim() !== ""));
  if (iEntete < 0) throw new FecFormatError("Fichier vide : pas de ligne d'en-tête.");
  const entete = rows[iEntete].map((c) => normaliser(c));
  const col = (nom?: string) => (nom === undefined ? -1 : entete.indexOf(normaliser(nom)));
  const c = Object.fromEntries((Object.keys(SYNONYMES) as Champ[]).map((k) => [k, col(mapping.colonnes[k])])) as Record<
    Champ,
    number
  >;
  const manquantes = (["compte", "date"] as Champ[]).filter((k) => c[k] < 0).map((k) => mapping.colonnes[k] ?? k);
  const dc = c.debit >= 0 && c.credit >= 0;
  if (!dc && !(c.montant >= 0 && c.sens >= 0)) manquantes.push("Débit/Crédit ou Montant/Sens");
  if (manquantes.length) {
    // A header left whole by the mapping's separator (« ; » when it gives none) while another one cuts it: that one
    // is named, with the key to write (a comma CSV read with « ; » said only « colonnes introuvables »).
    const autre =
      rows[iEntete].length === 1
        ? [",", ";", "\t", "|"].find((x) => x !== sep && rows[iEntete][0].includes(x))
        : undefined;
    const dit = (x: string) => (x === "\t" ? "des tabulations" : `« ${x} »`);
    const indice = autre
      ? ` ; l'en-tête n'est pas coupé par ${dit(sep)} mais semble l'être par ${dit(autre)} : indiquez ` +
        `"separateur": ${JSON.stringify(autre)} dans la correspondance`
      : "";
    throw new FecFormatError(
      `Ligne ${iEntete + 1} : colonnes introuvables dans l'en-tête : ${manquantes.join(", ")} (correspondance de ` +
        `colonnes à revoir)${indice}.`,
    );
  }
  const erreurs: LigneRejetee[] = [];
  const alertes: AlerteFec[] = [];
  const comptes = new Map<string, SoldeCompte>();
  const lignes: EcritureFec[] = [];
  // Lines with a negative debit or credit, read as written (see ResultatFec.montantsNegatifs).
  let nombreNegatifs = 0;
  const lignesNegatives: number[] = [];
  let debit = 0,
    credit = 0,
    importees = 0,
    vides = 0,
    dmin = 99999999,
    dmax = 0;
  const numerote = c.ecritureNum >= 0 || c.piece >= 0;
  // « 1.500 »: read by the convention the file's other amounts prove (« 1 234,56 » or « 1,234.56 »), computed the
  // first time an ambiguous amount is met (a plain export never pays for it); otherwise the line is rejected naming
  // both readings, never guessed.
  let convention: Convention | undefined | null = null;
  const champsMontant = (["debit", "credit", "montant"] as Champ[]).filter((k) => c[k] >= 0);
  const conventionFichier = () => {
    if (convention === null) {
      const textes: string[] = [];
      for (let i = iEntete + 1; i < rows.length; i++) for (const k of champsMontant) textes.push(rows[i][c[k]] ?? "");
      convention = conventionProuvee(textes);
    }
    return convention;
  };
  // The amounts so read, for the whole-file alerte that says which convention read them and what proved it.
  const resolus: MontantResolu[] = [];
  let nResolus = 0;
  let ligneCourante = 0;
  /** The amount of a field; a French reason when it is not one. */
  const montantDe = (texte: string, nom: string): Cents | string => {
    if (texte === "") return cents(0);
    let a = analyserMontant(texte);
    if (a.type === "ambigu" && conventionFichier()) {
      a = analyserMontant(texte, conventionFichier());
      if (a.type === "montant" && nResolus++ < RESOLUS_CITES)
        resolus.push({ ligne: ligneCourante, champ: nom, texte, cents: a.cents });
    }
    if (a.type === "montant") return a.cents;
    if (a.type === "ambigu")
      return (
        `${nom} « ${texte} » peut se lire ${formatMontantFr(a.decimale)} ou ${formatMontantFr(a.milliers)} et ` +
        `aucun autre montant du fichier ne dit lequel (écrivez « ${fr(a.decimale)} » ou « ${fr(a.milliers)} »)`
      );
    if (a.type === "invalide" && a.devise) return `${nom} « ${texte} » : ${phraseDeviseEcrite(a.devise)}`;
    if (a.type === "hors-limite") return `${nom} « ${texte} » ${HORS_LIMITE}`;
    return `${nom} « ${texte} » n'est pas un montant`;
  };
  const entrees = new Set<string>();
  // A line of one field more, that one empty and the header's last column filled: the export ends its lines with a
  // separator the header does not have (an empty last column proves nothing: it may be a split field).
  const nc = entete.length;
  let finSeparateur = false;
  for (let i = iEntete + 1; i < rows.length && !finSeparateur; i++) {
    const r = rows[i];
    finSeparateur = r.length === nc + 1 && r[nc].trim() === "" && r[nc - 1].trim() !== "";
  }
  for (let i = iEntete + 1; i < rows.length; i++) {
    const ligne = numeros[i];
    ligneCourante = ligne;
    const r = rows[i];
    const v = (k: Champ) => (c[k] >= 0 ? (r[c[k]] ?? "").trim() : "");
    if (r.every((x) => x.trim() === "")) {
      vides++;
      continue;
    }
    const rejet = (m: string) => erreurs.push({ ligne, message: `Ligne ${ligne} rejetée : ${m}.` });
    // More fields than the header (a « , » separator splitting « 12000,00 », a « ; » in an unquoted label): every
    // column after the split would be read from its neighbour's field, amounts included. One empty field more is
    // the separator ending the line only when the file proves that it ends its lines so (finSeparateur).
    const n = finSeparateur && r.length === nc + 1 && r[nc].trim() === "" ? nc : r.length;
    if (n > nc) {
      rejet(
        `${n} champs au lieu de ${nc} (un séparateur « ${sep === "\t" ? "tabulation" : sep} » dans un ` +
          `montant ou un libellé sans guillemets ?) ; aucun montant n'est lu d'une colonne décalée`,
      );
      continue;
    }
    // Fewer fields: a cut line, whose missing amount would be read as 0,00 €.
    const absent = champsMontant.concat(dc ? [] : ["sens"]).find((k) => c[k] >= r.length);
    if (absent !== undefined) {
      rejet(
        `${r.length} champ${r.length > 1 ? "s" : ""} au lieu de ${nc} : pas de colonne ` +
          `« ${rows[iEntete][c[absent]].trim()} » (ligne coupée ?)`,
      );
      continue;
    }
    const compte = v("compte").replace(/\s+/g, "");
    if (!compte) {
      rejet("compte vide");
      continue;
    }
    const d = date(v("date"), mapping.formatDate);
    if (d !== d) {
      rejet(`date « ${v("date")} » invalide (attendu ${mapping.formatDate ?? "JJ/MM/AAAA"})`);
      continue;
    }
    let de: Cents | undefined, cr: Cents | undefined;
    if (dc) {
      const lusD = montantDe(v("debit"), "débit");
      const lusC = montantDe(v("credit"), "crédit");
      if (typeof lusD === "string" || typeof lusC === "string") {
        rejet(typeof lusD === "string" ? lusD : (lusC as string));
        continue;
      }
      de = lusD;
      cr = lusC;
    } else {
      const mt = montantDe(v("montant"), "montant");
      if (typeof mt === "string") {
        rejet(mt);
        continue;
      }
      const s = sensLu(v("sens"));
      if (s === "D") {
        de = mt;
        cr = cents(0);
      } else if (s === "C") {
        de = cents(0);
        cr = mt;
      } else {
        rejet(`sens « ${v("sens")} » : ${SENS_ATTENDU}`);
        continue;
      }
    }
    importees++;
    if ((de < 0 || cr < 0) && nombreNegatifs++ < LIGNES_PAR_COMPTE) lignesNegatives.push(ligne);
    if (numerote) entrees.add(v("journal") + "\u0000" + (v("ecritureNum") || v("piece")));
    debit += de;
    credit += cr;
    dmin = Math.min(dmin, d);
    dmax = Math.max(dmax, d);
    const s = comptes.get(compte);
    if (s) {
      s.debit = cents(s.debit + de);
      s.credit = cents(s.credit + cr);
      s.nombreLignes = (s.nombreLignes ?? 0) + 1;
      if (s.lignes && s.lignes.length < LIGNES_PAR_COMPTE) s.lignes.push(ligne);
    } else comptes.set(compte, { libelle: v("compteLib"), debit: de, credit: cr, lignes: [ligne], nombreLignes: 1 });
    if (opts.conserver) {
      lignes.push({
        ligne,
        journal: v("journal"),
        ecritureNum: v("ecritureNum") || v("piece"),
        date: d,
        compte,
        compteLib: v("compteLib"),
        compAux: "",
        pieceRef: v("piece"),
        libelle: v("libelle"),
        debit: de,
        credit: cr,
        section: v("section") || undefined,
      });
    }
  }
  if (nResolus && convention) {
    // The first line whose amounts prove the convention (« 1 234,56 »), quoted as its evidence.
    let preuve = 0;
    for (let i = iEntete + 1; i < rows.length && !preuve; i++)
      for (const k of champsMontant) {
        const n = analyserNombre((rows[i][c[k]] ?? "").trim());
        if (n.type === "nombre" && n.convention === convention) preuve = numeros[i];
      }
    alertes.unshift({
      ligne: 0,
      message: alerteConvention(convention, preuveConvention(convention, preuve), resolus, nResolus),
    });
  }
  if (erreursCsv.some((e) => e.type === "Quotes"))
    alertes.push({ ligne: 0, message: "Guillemets mal fermés dans le fichier : vérifiez les libellés." });
  const classes = new Map<string, { debit: number; credit: number }>();
  for (const [k, s] of comptes) {
    const x = classes.get(k[0]) ?? { debit: 0, credit: 0 };
    x.debit += s.debit;
    x.credit += s.credit;
    classes.set(k[0], x);
  }
  return {
    format: {
      type: "csv",
      separateur: sep === ";" ? "point-virgule" : sep === "," ? "virgule" : sep === "|" ? "pipe" : "tab",
      encodage: "utf-8",
      encodageForce: false,
      bom: /^\ufeff/.test(texte),
      montants: dc ? "debit-credit" : "montant-sens",
      colonnes: entete.length,
    },
    ecritures: importees,
    ecrituresDistinctes: numerote ? entrees.size : undefined,
    lignesDonnees: importees + erreurs.length,
    lignesVides: vides,
    debit: cents(debit),
    credit: cents(credit),
    comptes,
    parClasse: new Map([...classes].sort().map(([k, x]) => [k, { debit: cents(x.debit), credit: cents(x.credit) }])),
    erreurs,
    alertes,
    periode: importees ? { du: dmin, au: dmax } : undefined,
    lignes: opts.conserver ? lignes : undefined,
    ...(nombreNegatifs ? { montantsNegatifs: { nombre: nombreNegatifs, lignes: lignesNegatives } } : {}),
  };
}
