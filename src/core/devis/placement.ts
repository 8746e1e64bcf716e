import type { CodeChapitre } from "./model";
import { CHAPITRES_AUDIOVISUEL, codeSousLeTotal, COMPTES_ANGLAIS_AMBIGUS } from "./nomenclature";
import { norm as normaliser } from "./lecture";

/** Chapter (and two-digit sub-chapter) read from a line code: "2.3", "02.03", "2.3.1", "23", "203", "2-05". */
export function chapitreDuCode(
  code: string | undefined,
): { chapitre: CodeChapitre; sousChapitre?: string } | undefined {
  if (!code) return undefined;
  const s = code.trim();
  const seg = /^0*(\d{1,2})\s*[.\-/ ]\s*0*(\d{1,3})/.exec(s);
  if (seg) {
    const ch = parseInt(seg[1], 10);
    if (ch < 1 || ch > 9) return undefined;
    const sc = parseInt(seg[2], 10);
    return { chapitre: String(ch) as CodeChapitre, sousChapitre: sc >= 1 && sc <= 9 ? `${ch}${sc}` : undefined };
  }
  const num = /^(\d{1,6})$/.exec(s);
  if (!num) return undefined;
  let d = num[1];
  // "0203" (chapter 02, line 03) or "02": a leading zero pads the chapter.
  if (d.length >= 2 && d[0] === "0") d = d.slice(1);
  const ch = parseInt(d[0], 10);
  if (ch < 1 || ch > 9) return undefined;
  return {
    chapitre: String(ch) as CodeChapitre,
    sousChapitre: d.length >= 2 && d[1] !== "0" ? d.slice(0, 2) : undefined,
  };
}

/** Labels that open the block below the total: they win over the current section when the label starts with them. */
const BAS_DE_DEVIS: readonly [CodeChapitre, RegExp][] = CHAPITRES_AUDIOVISUEL.filter((c) => c.debutLibelle).map((c) => [
  c.code,
  new RegExp(c.debutLibelle as string),
]);

const BAS_DE_DEVIS_LU = new Map<string, CodeChapitre | null>();
/** The chapter of the block below the total a label opens (memoised: every line's label is asked more than once). */
export function chapitreBasDeDevis(libelle: string): CodeChapitre | undefined {
  let code = BAS_DE_DEVIS_LU.get(libelle);
  if (code === undefined) {
    if (BAS_DE_DEVIS_LU.size > 20000) BAS_DE_DEVIS_LU.clear();
    const s = normaliser(libelle).replace(/^[\d.\s\-–)]+/, "");
    code = BAS_DE_DEVIS.find(([, re]) => re.test(s))?.[0] ?? null;
    BAS_DE_DEVIS_LU.set(libelle, code);
  }
  return code ?? undefined;
}

function contientMot(texte: string, mot: string): boolean {
  const i = texte.indexOf(mot);
  if (i < 0) return false;
  return i === 0 || !/[a-z0-9]/.test(texte[i - 1]);
}

/** Chapter from keywords of the nomenclature (longest keyword found wins). */
export function chapitreParMotsCles(libelle: string): CodeChapitre | undefined {
  const s = normaliser(libelle);
  const bas = chapitreBasDeDevis(libelle);
  if (bas) return bas;
  let best: { code: CodeChapitre; n: number } | undefined;
  for (const ch of CHAPITRES_AUDIOVISUEL) {
    for (const m of ch.motsCles) {
      if (contientMot(s, m) && (!best || m.length > best.n)) best = { code: ch.code, n: m.length };
    }
  }
  return best?.code;
}

const COMPTES_ANGLAIS: readonly [CodeChapitre, RegExp][] = CHAPITRES_AUDIOVISUEL.filter((c) => c.compteAnglais).map(
  (c) => [c.code, new RegExp(c.compteAnglais as string)],
);
const AMBIGUS_ANGLAIS = COMPTES_ANGLAIS_AMBIGUS.map((a) => ({ ...a, re: new RegExp(a.motif) }));

/**
 * The chapter an English account name deduces (« DIRECTION » → 2, « TRAVEL & LIVING » → 6), or the chapters it could
 * be (« MUSIC »: 1 or 8) with why; undefined for any other label. The whole label must be the account's name.
 */
export function chapitreCompteAnglais(
  libelle: string,
): { chapitre: CodeChapitre } | { possibles: readonly CodeChapitre[]; raison: string } | undefined {
  const t = normaliser(libelle)
    .replace(/[^a-z' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!t || !/^[a-z]/.test(t)) return undefined;
  for (const [code, re] of COMPTES_ANGLAIS) if (re.test(t)) return { chapitre: code };
  const a = AMBIGUS_ANGLAIS.find((x) => x.re.test(t));
  return a ? { possibles: a.chapitres, raison: a.raison } : undefined;
}

/** A chapter heading row: "2 - PERSONNEL", "CHAPITRE 3 INTERPRÉTATION", "Chap. 8 : Post-production", "POST-PRODUCTION". */
export function chapitreDeTitre(texte: string): CodeChapitre | undefined {
  const s = normaliser(texte);
  const chap = /^(chapitre|chap\.?|ch\.?)\s*0*(\d{1,2})\b/.exec(s);
  if (chap) return chiffreChapitre(chap[2]);
  const num = /^0*(\d)\s*[-–.:)]?\s+([a-z].*)$/.exec(s);
  if (num) {
    // The producer's numbering may differ from the CNC one: a recognised chapter name wins over the number.
    return chapitreParNom(num[2]) ?? chiffreChapitre(num[1]);
  }
  // "II - PERSONNEL", "IV. CHARGES", "B. ÉQUIPE TECHNIQUE": roman numerals count as chapter numbers, letters
  // only number the producer's own sections (the name decides).
  const rom =
    /^(?:(chapitre|chap\.?)\s*)?([ivx]{1,4}|[a-h])\s*[-–.:)]\s*([a-z].*)$/.exec(s) ??
    /^(chapitre|chap\.?)\s*([ivx]{1,4})\b\s*(.*)$/.exec(s);
  if (rom) return chapitreParNom(rom[3]) ?? chiffreRomain(rom[2]);
  return chapitreParNom(s);
}

const ROMAINS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
function chiffreRomain(r: string): CodeChapitre | undefined {
  const i = ROMAINS.indexOf(r);
  return i >= 0 ? (String(i + 1) as CodeChapitre) : undefined;
}

/** The chapter named in a "Chapitre" column: a title, a number ("02", 2) or a code of the block below the total. */
export function chapitreDeColonne(texte: string): CodeChapitre | undefined {
  if (!texte) return undefined;
  const n = /^0*([1-9])$/.exec(texte.trim());
  if (n) return n[1] as CodeChapitre;
  return codeSousLeTotal(texte) ?? chapitreDeTitre(texte);
}

function chiffreChapitre(d: string): CodeChapitre | undefined {
  const n = parseInt(d, 10);
  return n >= 1 && n <= 9 ? (String(n) as CodeChapitre) : undefined;
}

/** The title names a chapter: it starts with the chapter's label or with its first keyword ("Personnel", "Frais généraux"). */
function chapitreParNom(s: string): CodeChapitre | undefined {
  const t = s
    .replace(/[^a-z' -]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const bas = chapitreBasDeDevis(t);
  if (bas) return bas;
  for (const ch of CHAPITRES_AUDIOVISUEL) {
    const lib = normaliser(ch.libelle)
      .replace(/[^a-z' -]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    const tete = lib.split(/[ ,]/)[0];
    // A first word two chapters share (« Frais » généraux, « Frais » financiers) names neither: « Frais de tournée »
    // is no overhead (the block below the total is named by its whole words, chapitreBasDeDevis).
    const teteSeule = tete.length >= 5 && !TETES_PARTAGEES.has(tete);
    if (t === lib || t.startsWith(lib) || (teteSeule && t.split(" ")[0] === tete && !autresCharges(t))) return ch.code;
  }
  for (const ch of CHAPITRES_AUDIOVISUEL) if (ch.titres?.includes(t)) return ch.code;
  for (const [code, re] of DEBUTS_DE_TITRE) if (re.test(t)) return code;
  for (const [code, re] of TITRES_ANGLAIS) if (re.test(t)) return code;
  return undefined;
}

/** The first words of chapter labels that more than one chapter starts with (« frais »). */
const TETES_PARTAGEES: ReadonlySet<string> = (() => {
  const vus = new Map<string, number>();
  for (const ch of CHAPITRES_AUDIOVISUEL) {
    const tete = normaliser(ch.libelle)
      .replace(/[^a-z' -]/g, " ")
      .trim()
      .split(/[ ,]/)[0];
    vus.set(tete, (vus.get(tete) ?? 0) + 1);
  }
  return new Set([...vus].filter(([, n]) => n > 1).map(([t]) => t));
})();

/**
 * « Charges artistiques », « Charges techniques », « Charges de structure », « Charges fixes »: a live show's or a
 * company's expenses by kind, not the social charges of chapter 4 (« Charges patronales », « Charges sociales »).
 */
function autresCharges(t: string): boolean {
  return AUTRES_CHARGES.test(t);
}
const AUTRES_CHARGES = new RegExp(
  String.raw`^charges (artistiques?|techniques?|de (structure|production|personnel|fonctionnement)|fixes|variables|` +
    String.raw`d'exploitation|directes|indirectes|generales)\b`,
);

/** Section titles starting with a chapter's word ("Transports et régie", "Défraiements"). */
const DEBUTS_DE_TITRE: readonly [CodeChapitre, RegExp][] = CHAPITRES_AUDIOVISUEL.filter((c) => c.debutTitre).map(
  (c) => [c.code, new RegExp(c.debutTitre as string)],
);

/** Section titles of English budgets ("STORY & RIGHTS", "CREW", "FRINGES", "TRAVEL & LIVING"…), "&" already removed. */
const TITRES_ANGLAIS: readonly [CodeChapitre, RegExp][] = CHAPITRES_AUDIOVISUEL.filter((c) => c.titreAnglais).map(
  (c) => [c.code, new RegExp(c.titreAnglais as string)],
);

/** Rows computed from the total that are not part of it: VAT, incl.-VAT totals, cost per minute, shares. */
const LIGNE_DERIVEE = new RegExp(
  String.raw`^(tva|t\.v\.a|(total|montant|cout total) ttc|cout (par |a la )?minute|cout minute|` +
    String.raw`prix (de revient )?(par |a la )?minute|cout horaire|% du total|pourcentage du total|` +
    String.raw`part du total)\b`,
);

export function ligneDerivee(texte: string): boolean {
  return LIGNE_DERIVEE.test(normaliser(texte));
}

/** The title of a summary block that repeats the chapter totals. */
export function estRecapitulatif(texte: string): boolean {
  const s = normaliser(texte);
  // A short title only: "Résumé des prises de vues en Bretagne et en Irlande" is a comment.
  return (
    /^(recapitulatif|recapitulation|recap|resume|synthese|summary|top sheet)\b/.test(s) && s.split(" ").length <= 4
  );
}

/**
 * A paper-style carried-forward row: « A reporter » / « Total à reporter » at the foot of a page, « Report » /
 * « Report de la page précédente » / « Reporté » at the top of the next. Its amount repeats lines counted above.
 */
export function estReport(texte: string): boolean {
  return REPORT.test(
    normaliser(texte)
      .replace(/[:.]+$/, "")
      .trim(),
  );
}

/**
 * « dont caméra », « soit 20 jours à 500 € », « y compris transport »: a detail of the line above (a part of its
 * amount, or its amount again), never a line of its own.
 */
export function estDetail(texte: string): boolean {
  return /^(dont|soit|y compris|of which|including)\b/.test(normaliser(texte).replace(/^[-–•*>\s]+/, ""));
}

/** « Total page 1 », « Total de la page », « Sous-total page 2 », « Total feuille 3 »: the lines of one printed page. */
export function estTotalPage(texte: string): boolean {
  return /^(sous[- ]?)?total (de la |de |du )?(page|feuille|folio)( ?n°| ?no)? ?\d{0,3}$/.test(
    normaliser(texte)
      .replace(/[:.]+$/, "")
      .trim(),
  );
}

const REPORT = new RegExp(
  String.raw`^((sous[- ]?)?total |montant |cumul )?(a reporter|a reporte|reportes?|reports?)` +
    String.raw`( (de la |de |du )?(page|p|feuille|folio)\b.*| (precedent|anterieur)e?s?| a nouveau)?$`,
);

/** Subtotal / total rows: their label starts with a total word. A chapter named after "total" makes it a subtotal. */
export function typeTotal(texte: string): { type: "sous-total" | "total"; chapitre?: CodeChapitre } | undefined {
  const s = normaliser(texte);
  // "Total chapitres 1 à 9", "Sous-total général", "Total hors frais": the cost before the block below the total.
  if (
    /^((sous[- ]?total|total) general|total (des |de tous les )?chapitres\b(?! ?\d+$)|total (hors|avant) (frais|imprevus))/.test(
      s,
    )
  )
    return { type: "total" };
  if (/^(sous[- ]?tota(?:l|ux)|s\/total|subtotal|sub-total|total (du )?chapitre|total chap\.?|total poste)/.test(s)) {
    const reste = s
      .replace(/^(sous[- ]?tota(?:l|ux)|s\/total|subtotal|sub-total|total)\s*(du |de |des )?/, "")
      .replace(/^(ensemble|total) (des|du|de la|de l') ?/, "");
    return {
      type: "sous-total",
      chapitre: reste ? (chapitreDeTitre(reste) ?? chiffreRomain(reste.replace(/\.$/, ""))) : undefined,
    };
  }
  if (/^(total|grand total|cout total|montant total|cout de (fabrication|production)|budget total|totaux)\b/.test(s)) {
    const reste = s.replace(/^(total|grand total|totaux)\s*(du |de |des |:|-)?\s*/, "");
    // « Total des charges », « Total des dépenses »: every expense of a budget, not chapter 4.
    if (/^(charges|depenses)$/.test(reste)) return { type: "total" };
    // "Total II", "Total B": the producer's chapter number or letter closes a chapter.
    const rang = /^(?:chapitre |chap\.? )?([ivx]{1,4}|[a-h])\.?$/.exec(reste);
    if (rang) return { type: "sous-total", chapitre: chiffreRomain(rang[1]) };
    if (
      reste &&
      !/^(general|generale|ht|h\.t\.?|ttc|devis|budget|production|fabrication|€|eur|hors|avant|apres|global|final)/.test(
        reste,
      )
    ) {
      const ch = chapitreDeTitre(reste);
      if (ch && /^\d$/.test(ch)) return { type: "sous-total", chapitre: ch };
    }
    return { type: "total" };
  }
  return undefined;
}
