import type { CodeChapitre, LigneDevis } from "./model";
import { detecterCategorie } from "./categorie";
import { chapitreBasDeDevis, chapitreCompteAnglais, chapitreDuCode, chapitreParMotsCles } from "./placement";

/** A line as read, before placement (placement needs to know whether the sheet's codes can be trusted). */
export interface Brute {
  ligne: LigneDevis;
  section?: CodeChapitre;
  apresTotal: boolean;
  /** Made by Prodbook from another column of a line (its employer charges): never covered by the producer's totals. */
  derivee?: boolean;
  /** A provisional line that a later total proved to be the producer's subtotal: dropped at the end. */
  retiree?: boolean;
  /** Its section was read from its own label (a title in capitals carrying an amount, kept as a line). */
  sectionDuLibelle?: boolean;
  /** Its section's title is an English account name (« DIRECTION »): that title's cell and text. */
  titreAnglais?: { cellule: string; titre: string };
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

/**
 * Places every line: below-the-total label, else trusted code, else section, else an English account name (deduced,
 * said), else keywords; then its category.
 */
export function placer(brutes: Brute[]): LigneDevis[] {
  // Each line's code read once, for the trust in codes and for the placement.
  const parCodes = brutes.map((b) => chapitreDuCode(b.ligne.code));
  const fiables = codesFiables(brutes, parCodes);
  return brutes.map(({ ligne, section, sectionDuLibelle, titreAnglais }, i) => {
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
      // « STORY & RIGHTS » 37 240 kept as a line: its chapter comes from its own English name, a deduction too.
      if (sectionDuLibelle) {
        const anglais = chapitreCompteAnglais(ligne.libelle);
        if (anglais && "chapitre" in anglais && anglais.chapitre === section) ligne.chapitreDeduit = "libelle-anglais";
      }
      if (titreAnglais) {
        ligne.chapitreDeduit = "titre-anglais";
        ligne.titreAnglais = titreAnglais;
      }
    } else {
      // A whole English account name (« DIRECTION », « TRAVEL & LIVING »): deduced, said; two possible chapters: none.
      const anglais = chapitreCompteAnglais(ligne.libelle);
      const kw = anglais ? undefined : chapitreParMotsCles(ligne.libelle);
      if (anglais && "chapitre" in anglais) {
        ligne.chapitre = anglais.chapitre;
        ligne.placement = "mot-cle";
        ligne.chapitreDeduit = "libelle-anglais";
      } else if (anglais) ligne.chapitresPossibles = { chapitres: anglais.possibles, raison: anglais.raison };
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
