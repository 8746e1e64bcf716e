import type { CodeChapitre, LigneDevis } from "./model";
import { detecterCategorie } from "./categorie";
import { chapitreBasDeDevis, chapitreDuCode, chapitreParMotsCles } from "./placement";

/** A line as read, before placement (placement needs to know whether the sheet's codes can be trusted). */
export interface Brute {
  ligne: LigneDevis;
  section?: CodeChapitre;
  apresTotal: boolean;
  /** Made by Prodbook from another column of a line (its employer charges): never covered by the producer's totals. */
  derivee?: boolean;
  /** A provisional line that a later total proved to be the producer's subtotal: dropped at the end. */
  retiree?: boolean;
}

type ChapitreDuCode = ReturnType<typeof chapitreDuCode>;

/** Ids of the lines read as such (not derived), for the producer's subtotals and totals. */
export function idsCouverts(bs: readonly Brute[]): string[] {
  return bs.filter((b) => !b.derivee && !b.retiree).map((b) => b.ligne.id);
}

/** The chapter most of these lines belong to (by section, else by code). */
export function chapitreMajoritaire(bs: Brute[]): CodeChapitre | undefined {
  const n = new Map<CodeChapitre, number>();
  for (const b of bs) {
    if (b.derivee) continue;
    const c = b.section ?? chapitreDuCode(b.ligne.code)?.chapitre;
    if (c) n.set(c, (n.get(c) ?? 0) + 1);
  }
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Codes are trusted when they agree with the sheet's sections and run in chapter order: a plain row numbering
 * (1, 2 … 40) would otherwise send line 12 to chapter 1.
 */
function codesFiables(brutes: Brute[], parCode: readonly ChapitreDuCode[]): boolean {
  const codes = brutes.map((b, i) => ({ b, c: parCode[i] })).filter((x) => x.c && !x.b.apresTotal);
  if (codes.length === 0) return false;
  // 1, 2, 3 … 13: a row numbering, whatever its agreement with chapters.
  const entiers = brutes
    .map((b) => b.ligne.code ?? "")
    .filter((c) => /^\d+$/.test(c))
    .map(Number);
  const suivis = entiers.filter((n, i) => i > 0 && n === entiers[i - 1] + 1).length;
  if (entiers.length >= 5 && entiers[0] <= 2 && suivis >= 0.8 * (entiers.length - 1)) return false;
  const avecSection = codes.filter((x) => x.b.section && /^\d$/.test(x.b.section));
  const desaccords = avecSection.filter((x) => x.b.section !== x.c?.chapitre).length;
  if (avecSection.length > 0 && desaccords * 2 > avecSection.length) return false;
  // No sections to compare with: the labels' keywords judge (US accounts 3101 "Flights", 5101 "Editing").
  if (avecSection.length === 0) {
    const parMots = codes
      .map((x) => ({ c: x.c?.chapitre, m: chapitreParMotsCles(x.b.ligne.libelle) }))
      .filter((x) => x.m && /^\d$/.test(x.m));
    if (parMots.length >= 3 && parMots.filter((x) => x.m !== x.c).length * 2 > parMots.length) return false;
  }
  let baisses = 0;
  for (let i = 1; i < codes.length; i++) if (Number(codes[i].c?.chapitre) < Number(codes[i - 1].c?.chapitre)) baisses++;
  return baisses <= Math.max(1, Math.floor(codes.length / 10));
}

/** Places every line: below-the-total label, else trusted code, else section, else keywords; then its category. */
export function placer(brutes: Brute[]): LigneDevis[] {
  // Each line's code read once, for the trust in codes and for the placement.
  const parCodes = brutes.map((b) => chapitreDuCode(b.ligne.code));
  const fiables = codesFiables(brutes, parCodes);
  return brutes.map(({ ligne, section }, i) => {
    const bas = chapitreBasDeDevis(ligne.libelle);
    const parCode = fiables ? parCodes[i] : undefined;
    if (bas) {
      ligne.chapitre = bas;
      ligne.placement = section === bas ? "section" : "mot-cle";
    } else if (parCode) {
      ligne.chapitre = parCode.chapitre;
      if (parCode.sousChapitre) ligne.sousChapitre = parCode.sousChapitre;
      ligne.placement = "code";
    } else if (section) {
      ligne.chapitre = section;
      ligne.placement = "section";
    } else {
      const kw = chapitreParMotsCles(ligne.libelle);
      if (kw) {
        ligne.chapitre = kw;
        ligne.placement = "mot-cle";
      }
    }
    if (!ligne.categorie) {
      const cat = detecterCategorie(ligne.chapitre, ligne.libelle, ligne.unite);
      if (cat) ligne.categorie = cat;
    }
    return ligne;
  });
}
