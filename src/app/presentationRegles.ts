import { entreesParametresCreditImpot } from "../core/creditImpot/parametresModele";
import type { ParametreUtilise, RegleUtilisee } from "../core/creditImpot/modele";
import { tablesRegles } from "../core/regles/audit";
import { sourcePrincipale } from "../core/regles/primaires";
import { aVerifier, type Confiance, type Source } from "../core/regles/table";
import { dateEnLettres } from "../core/util/texte";
import { lienTexte, type LienTexte } from "./liensTextes";

export { libelleSource, lienTexte, type LienTexte } from "./liensTextes";

/**
 * How the pane names a rule: a table by its French name (never its id), a version by its date in words, its
 * confidence as « texte officiel » or « à vérifier », and its text as a short link (« Texte : CGI art. 220 sexies »)
 * instead of a raw URL. The pane renders what these functions give; the CLI keeps ids and URLs (its --json is a
 * contract).
 */

/** French names of the rule tables, by id (a test checks that every table of src/core/regles/data has one). */
export const NOMS_TABLES: Readonly<Record<string, string>> = {
  "accord-transparence": "Frais généraux et imprévus forfaitaires (accord transparence)",
  "devis-frais-cinema": "Frais généraux et imprévus admis (devis cinéma)",
  "carbone-facteurs": "Facteurs d'émission du bilan carbone",
  "charges-sociales": "Taux de charges sociales patronales",
  "correspondances-pcg": "Correspondances des comptes PCG avec les postes du devis",
  "credit-impot-aides-publiques": "Plafond des aides publiques (crédits cinéma et audiovisuel)",
  "credit-impot-artistes": "Rémunérations des artistes-interprètes retenues",
  "credit-impot-audiovisuel": "Taux du crédit d'impôt audiovisuel",
  "credit-impot-audiovisuel-minimum-animation": "Durée et coût minimaux, animation (crédit audiovisuel)",
  "credit-impot-audiovisuel-minimum-documentaire": "Durée et dépenses minimales, documentaire (crédit audiovisuel)",
  "credit-impot-audiovisuel-minimum-fiction": "Durée et coût minimaux, fiction (crédit audiovisuel)",
  "credit-impot-audiovisuel-minimum-fiction-jeunesse": "Coût minimal, fiction jeunesse (crédit audiovisuel)",
  "credit-impot-audiovisuel-plafond-minute-animation": "Plafond par minute, animation (crédit audiovisuel)",
  "credit-impot-audiovisuel-plafond-minute-coproduction":
    "Plafond par minute, fiction en coproduction internationale (crédit audiovisuel)",
  "credit-impot-audiovisuel-plafond-minute-documentaire": "Plafond par minute, documentaire (crédit audiovisuel)",
  "credit-impot-audiovisuel-plafond-minute-fiction": "Plafond par minute, fiction (crédit audiovisuel)",
  "credit-impot-cinema": "Taux du crédit d'impôt cinéma",
  "credit-impot-cinema-plafond": "Plafond par œuvre du crédit d'impôt cinéma",
  "credit-impot-cinema-realisateur": "Rémunération du réalisateur retenue",
  "credit-impot-eligibilite": "Éligibilité par défaut des lignes du devis",
  "credit-impot-hebergement": "Hébergement retenu par nuitée",
  "credit-impot-international": "Crédit d'impôt international : taux, plafonds et conditions",
  "credit-impot-phonographique": "Crédit d'impôt phonographique",
  "credit-impot-plafond-budget": "Base des crédits cinéma et audiovisuel plafonnée à une part du budget",
  "credit-impot-spectacle-vivant": "Crédit d'impôt spectacle vivant",
  "credit-impot-subventions":
    "Subventions publiques déduites de la base des crédits cinéma, audiovisuel et international",
  "dimanches-feries": "Travail du dimanche et des jours fériés (IDCC 2642 et 3097)",
  "financement-categories": "Catégories de financement (aide publique ou financement privé)",
  "financement-fsa": "Conditions du FSA",
  "idcc2642-minima": "Salaires minima, production audiovisuelle (IDCC 2642)",
  "idcc3097-annexe3":
    "Salaires minima de l'annexe III (films à budget limité), production cinématographique (IDCC 3097)",
  "idcc3097-artistes-minima": "Salaires minima des artistes-interprètes, production cinématographique (IDCC 3097)",
  "idcc3097-minima": "Salaires minima, production cinématographique (IDCC 3097)",
  "intensite-aides": "Plafonds d'intensité des aides publiques",
  "nomenclature-cnc": "Nomenclature du devis CNC",
  "postproduction-etapes": "Étapes de post-production par défaut",
  "smic-horaire": "SMIC horaire brut",
  "temps-de-travail": "Durées du travail, repos et heures supplémentaires (IDCC 2642 et 3097)",
};

/** A table's French name: from NOMS_TABLES, else the first words of its description; undefined for an unknown id. */
export function nomTable(id: string): string | undefined {
  if (NOMS_TABLES[id]) return NOMS_TABLES[id];
  const t = tablesRegles().find((x) => x.id === id);
  return t?.description
    .split(/ : /)[0]
    .replace(/[.\s]+$/, "")
    .trim();
}

/**
 * The text shown for a version: its most primary source (`sourcePrincipale`, as the traces cite it), else its first.
 */
function texteDe(sources: readonly Pick<Source, "titre" | "url">[], confiance: string): LienTexte | undefined {
  const s = sourcePrincipale(sources, confiance);
  return s && lienTexte(s);
}

/** A rule-table version in French: name, version date in words, confidence, the text behind it. */
export interface RegleLisible {
  /** Stable key for lists (table and version); not to be shown. */
  cle: string;
  nom: string;
  /** « version du 12 décembre 2013 » (« du 1er janvier 2016 au 31 décembre 2020 » when it has ended). */
  version: string;
  confiance: Confiance;
  aVerifier: boolean;
  /** « texte officiel » (H) or « à vérifier » (M, L). */
  mention: string;
  texte?: LienTexte;
  /** Every source of the version, as links. */
  sources: LienTexte[];
  /** M or L: why no primary text backs it. */
  motif?: string;
}

export function regleLisible(
  r: Pick<RegleUtilisee, "table" | "effetDu" | "effetAu" | "confiance" | "sources"> & {
    motifConfiance?: string;
  },
): RegleLisible {
  const av = aVerifier(r.confiance);
  const texte = texteDe(r.sources, r.confiance);
  return {
    cle: `${r.table}@${r.effetDu}`,
    nom: nomTable(r.table) ?? "Paramètres du classeur",
    version: r.effetAu
      ? `version du ${dateEnLettres(r.effetDu)} au ${dateEnLettres(r.effetAu)}`
      : `version du ${dateEnLettres(r.effetDu)}`,
    confiance: r.confiance,
    aVerifier: av,
    mention: av ? "à vérifier" : "texte officiel",
    ...(texte ? { texte } : {}),
    sources: r.sources.map(lienTexte),
    ...(av && r.motifConfiance ? { motif: r.motifConfiance } : {}),
  };
}

/** A figure of a calculation: its label and value, « à vérifier » or not, and the text it comes from. */
export interface ChiffreLisible {
  cle: string;
  libelle: string;
  valeur: string;
  aVerifier: boolean;
  mention: string;
  texte?: LienTexte;
  /** The figure comes from the workbook's « Paramètres » sheet: that cell. */
  surcharge?: string;
}

export function chiffreLisible(p: ParametreUtilise): ChiffreLisible {
  const texte = texteDe(p.sources, p.confiance);
  return {
    cle: p.cle,
    libelle: p.libelle,
    valeur: p.valeur,
    aVerifier: p.aVerifier,
    mention: p.surcharge ? "feuille Paramètres" : p.aVerifier ? "à vérifier" : "texte officiel",
    ...(texte ? { texte } : {}),
    ...(p.surcharge ? { surcharge: p.surcharge } : {}),
  };
}

/** An alert or note in French: no table id, no Paramètres key, no URL (those become links). */
export interface AlerteLisible {
  texte: string;
  liens: LienTexte[];
}

const URL = /\s*(?:source\s+)?https?:\/\/[^\s)]+/gi;

/** Every source title known for a URL (rule tables), to name a link found in a message. */
function sourceConnue(url: string): Pick<Source, "titre" | "url"> | undefined {
  for (const t of tablesRegles())
    for (const v of t.versions) {
      const s = v.sources.find((x) => x.url === url);
      if (s) return s;
    }
  return undefined;
}

function echapper(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A core message for the pane: table ids → French names, « confiance M » → « à vérifier », a « Paramètres » key →
 * its label (`libelles`, key → label), URLs taken out as links.
 */
export function alerteLisible(message: string, libelles: ReadonlyMap<string, string> = new Map()): AlerteLisible {
  const liens: LienTexte[] = [];
  let t = message.replace(URL, (m) => {
    const url = /https?:\/\/[^\s)]+/i.exec(m)![0];
    const s = sourceConnue(url) ?? { titre: new globalThis.URL(url).hostname.replace(/^www\./, ""), url };
    if (!liens.some((l) => l.url === url)) liens.push(lienTexte(s));
    return "";
  });
  // Longest first: « credit-impot-cinema-plafond » before « credit-impot-cinema ».
  for (const [cle, libelle] of [...libelles].sort(([a], [b]) => b.length - a.length))
    t = t
      .replace(new RegExp(`«[\\s\u00a0]${echapper(cle)}[\\s\u00a0]»`, "g"), `«\u00a0${libelle}\u00a0»`)
      .replace(new RegExp(`(?<![\\w.-])${echapper(cle)}(?![\\w-])`, "g"), `«\u00a0${libelle}\u00a0»`);
  const ids = tablesRegles()
    .map((x) => x.id)
    .sort((a, b) => b.length - a.length);
  for (const id of ids) t = t.replace(new RegExp(`(?<![\\w.-])${echapper(id)}(?![\\w-])`, "g"), nomTable(id) ?? id);
  t = t
    .replace(/confiance [ML]\b/g, "à vérifier")
    .replace(/confiance H\b/g, "texte officiel")
    .replace(/\(\s*,\s*/g, "(")
    .replace(/,\s*\)/g, ")")
    .replace(/\s+([.,)])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
  return { texte: t, liens };
}

/** What the Crédit d'impôt page shows beside the figures: alerts in French, each figure, each text applied. */
export interface PresentationCreditImpot {
  alertes: AlerteLisible[];
  chiffres: ChiffreLisible[];
  textes: RegleLisible[];
}

/**
 * The tax credit's alerts, figures and texts for the pane. The core's « à vérifier : <figure> = … (confiance M,
 * <table>, source <URL>) » lines are not repeated as alerts: each figure carries its badge and link instead; an
 * override line names the figure by its label.
 */
export function presentationCreditImpot(r: {
  annee: number;
  alertes: string[];
  parametres: ParametreUtilise[];
  tables: RegleUtilisee[];
}): PresentationCreditImpot {
  const libelles = new Map<string, string>();
  for (const e of entreesParametresCreditImpot(r.annee)) libelles.set(e.cle, e.libelle.replace(/\s*\(à saisir\)$/, ""));
  for (const p of r.parametres) libelles.set(p.cle, p.libelle);
  const alertes: AlerteLisible[] = [];
  for (const a of r.alertes) {
    if (r.parametres.some((p) => a.startsWith(`à vérifier : ${p.libelle} = `))) continue;
    const surcharge = /^surcharge utilisée : (\S+) = (.*) \(([^()]+)\)$/.exec(a);
    if (surcharge) {
      const [, cle, valeur, cellule] = surcharge;
      alertes.push({
        texte: `Remplacé par la feuille Paramètres (${cellule})\u00a0: ${libelles.get(cle) ?? cle} = ${valeur}`,
        liens: [],
      });
      continue;
    }
    alertes.push(alerteLisible(a, libelles));
  }
  return {
    alertes,
    chiffres: r.parametres.map(chiffreLisible),
    textes: r.tables.map(regleLisible),
  };
}
