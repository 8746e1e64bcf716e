import type { CategorieLigne, CodeChapitre, EligibiliteCI } from "./model";
import { norm as normaliser } from "./lecture";
import { chapitreNomenclature } from "./nomenclature";

const VALEURS_CATEGORIE: readonly [CategorieLigne, RegExp][] = [
  ["salaire-technicien", /^(salaire[- ]?)?techn/],
  ["salaire-artiste", /^(salaire[- ]?)?(artiste|interprete|comedien)/],
  ["salaire-auteur", /^(salaire[- ]?)?(auteur|droits? d'auteur)/],
  ["salaire-permanent", /^(salaire[- ]?)?permanent/],
  ["charges-sociales", /^charges/],
  ["prestation", /^(prestation|service|location)/],
  ["achat", /^achat/],
  ["forfait", /^forfait/],
];

/** A category typed in the producer's own "Catégorie" column, when recognisable. */
export function categorieDeTexte(texte: string): CategorieLigne | undefined {
  if (!texte) return undefined;
  const s = normaliser(texte);
  for (const [cat, re] of VALEURS_CATEGORIE) if (re.test(s)) return cat;
  return undefined;
}

const FORFAIT = /^(forfait|fft|ff|forf\.?|global|lump sum)$/;
const ACHAT = new RegExp(
  String.raw`\b(achat|achats|fournitures?|consommables?|disques?|cartes? (memoire|sd)|` +
    String.raw`pellicules?|batteries|acquisition|droits? d'archives|archives|musique (du commerce|` +
    String.raw`existante))\b`,
);
const PRESTATION = /\b(prestation|prestataire|societe|location|facture|sous-traitance|studio)\b/;

/** Category of a line from its chapter, label and unit (domain-facts §1.1, §5). */
export function detecterCategorie(
  chapitre: CodeChapitre | undefined,
  libelle: string,
  unite?: string,
): CategorieLigne | undefined {
  const s = normaliser(libelle);
  const u = unite ? normaliser(unite) : "";
  if (chapitre === undefined) return undefined;
  // The chapter's default category (nomenclature-cnc), refined by the label: an author's chapter also buys archives,
  // crew and cast chapters also hold companies' invoices, permanent staff is not crew.
  const defaut = chapitreNomenclature(chapitre)?.categorieParDefaut;
  switch (defaut) {
    case "salaire-auteur":
      return ACHAT.test(s) ? "achat" : defaut;
    case "salaire-technicien":
      if (PRESTATION.test(s)) return "prestation";
      return /\bpermanent|\bcdi\b|\bcomptab|\bsecretariat\b/.test(s) ? "salaire-permanent" : defaut;
    case "salaire-artiste":
      return PRESTATION.test(s) ? "prestation" : defaut;
    case undefined:
      if (ACHAT.test(s)) return "achat";
      if (FORFAIT.test(u)) return "forfait";
      return "prestation";
    default:
      return defaut;
  }
}

/** "oui", "x", "1", "yes" → oui; "non", "0", "no" → non; anything else → auto. */
export function eligibiliteDeTexte(v: string | number | boolean | null): EligibiliteCI {
  if (v === true || v === 1) return "oui";
  if (v === false || v === 0) return "non";
  if (typeof v !== "string") return "auto";
  const s = normaliser(v);
  if (/^(oui|o|x|yes|y|1|vrai|true|eligible)$/.test(s)) return "oui";
  if (/^(non|n|no|0|faux|false|non eligible|-)$/.test(s)) return "non";
  return "auto";
}
