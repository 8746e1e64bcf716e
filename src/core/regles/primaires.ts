/**
 * Where a primary text lives. A table version reaches confidence H only when one of its sources is here.
 * Anything else (aid portals, professional unions, law firms, parliamentary debates and amendments, commercial
 * summaries, practitioners' repositories) is a lead, shown « à vérifier ».
 */
export interface HotePrimaire {
  hote: string;
  motif: string;
  /** Mirrors: only a page naming the official text's identifier in its path counts. */
  identifiant?: RegExp;
}

/** DILA identifiers (LEGI, JORF, KALI databases): the same article on legifrance.gouv.fr. */
const ID_DILA = /(LEGI|JORF|KALI)(ARTI|TEXT|SCTA|CONT)\d{12}/;

export const HOTES_PRIMAIRES: readonly HotePrimaire[] = [
  { hote: "legifrance.gouv.fr", motif: "DILA : codes, lois, décrets, arrêtés et conventions collectives en vigueur" },
  {
    hote: "journal-officiel.gouv.fr",
    motif: "Journal officiel (édition authentique) et bulletins des conventions collectives",
  },
  { hote: "bofip.impots.gouv.fr", motif: "doctrine fiscale opposable de l'administration (LPF art. L80 A)" },
  { hote: "cnc.fr", motif: "CNC : règlement général des aides, agréments des crédits d'impôt" },
  { hote: "unedic.org", motif: "Unédic : convention d'assurance chômage et taux des contributions" },
  { hote: "urssaf.fr", motif: "URSSAF : taux et assiettes des cotisations qu'elle recouvre" },
  { hote: "boss.gouv.fr", motif: "Bulletin officiel de la sécurité sociale (doctrine opposable)" },
  {
    hote: "audiens.org",
    motif: "Audiens, gestionnaire de la caisse des Congés Spectacles : taux fixés par son conseil",
  },
  {
    hote: "guidepratique-audiens.org",
    motif: "guide pratique de l'employeur publié par Audiens : taux de la caisse des Congés Spectacles qu'il gère",
  },
  { hote: "eur-lex.europa.eu", motif: "droit de l'Union (règlement général d'exemption, aides à l'audiovisuel)" },
  {
    hote: "legal.tricoteuses.fr",
    motif: "republication intégrale des bases LEGI/JORF/KALI de la DILA, l'identifiant de l'article dans l'adresse",
    identifiant: ID_DILA,
  },
];

/**
 * Verbatim exports of the LEGI database (open data of the DILA) published as git repositories. An article read there
 * is the text of Légifrance, but the export is where it was read, not what is cited: a version may reach H on such a
 * reading only if it also cites the article's (or text's) Légifrance page by its identifier (LEGIARTI…, JORFTEXT…),
 * and names the export in its note (docs/regles.md, « Exports de la base LEGI »). Alone, an export URL is a lead.
 */
export interface ExportLegi {
  hote: string;
  /** Repositories of the host that are the export (path prefix). */
  chemin: RegExp;
  motif: string;
}

export const EXPORTS_LEGI: readonly ExportLegi[] = [
  {
    hote: "git.tricoteuses.fr",
    chemin: /^\/codes\//,
    motif: "Tricoteuses : un dépôt git par code, un commit par texte modificatif, depuis la base LEGI de la DILA",
  },
  {
    hote: "github.com",
    chemin: /^\/etalab\/codes-juridiques-francais(\/|$)/,
    motif: "Etalab : codes en vigueur exportés de la base LEGI de la DILA (dépôt etalab/codes-juridiques-francais)",
  },
];

/** The Légifrance page of an article or a text, by its LEGI/JORF identifier. */
const ID_LEGIFRANCE = /(LEGIARTI|JORFTEXT)\d{12}/;

/** Host of an URL without "www.", or undefined when it is not an http(s) URL. */
function hoteDe(url: string): { hote: string; chemin: string } | undefined {
  const m = /^https?:\/\/([^/?#:]+)(?::\d+)?([^\s]*)$/i.exec(url.trim());
  if (!m) return undefined;
  return { hote: m[1].toLowerCase().replace(/\.$/, ""), chemin: m[2] };
}

/** True when the URL is a primary text: an accepted host (or one of its subdomains), with an identifier for mirrors. */
export function estSourcePrimaire(url: string): boolean {
  const h = hoteDe(url);
  if (!h) return false;
  return HOTES_PRIMAIRES.some(
    (p) => (h.hote === p.hote || h.hote.endsWith(`.${p.hote}`)) && (!p.identifiant || p.identifiant.test(h.chemin)),
  );
}

/** True when the URL is one of the LEGI exports of EXPORTS_LEGI. */
export function estExportLegi(url: string): boolean {
  const h = hoteDe(url);
  if (!h) return false;
  return EXPORTS_LEGI.some((e) => h.hote === e.hote && e.chemin.test(h.chemin));
}

/** True when the URL is a Légifrance page (legifrance.gouv.fr or a subdomain) naming a LEGIARTI or JORFTEXT id. */
export function estPageLegifranceIdentifiee(url: string): boolean {
  const h = hoteDe(url);
  if (!h) return false;
  return (h.hote === "legifrance.gouv.fr" || h.hote.endsWith(".legifrance.gouv.fr")) && ID_LEGIFRANCE.test(h.chemin);
}

/**
 * The export URLs of a version that do not count: all of them when the version cites no Légifrance page with a
 * LEGIARTI/JORFTEXT identifier, none otherwise. A version at H may not have any (validerTable).
 */
export function exportsSansLegifrance(urls: readonly string[]): string[] {
  const exports = urls.filter(estExportLegi);
  return urls.some(estPageLegifranceIdentifiee) ? [] : exports;
}

/** The official texts themselves: codes, laws and decrees (Légifrance, JO), tax doctrine (BOFiP), the CNC's rules. */
const HOTES_TEXTES = ["legifrance.gouv.fr", "journal-officiel.gouv.fr", "bofip.impots.gouv.fr", "cnc.fr"];

/**
 * How primary a source is, lower first: 0 an official text (Légifrance, JO, BOFiP, CNC), 1 another primary host
 * (URSSAF, Unédic, BOSS, Audiens, EUR-Lex), 2 a mirror of the DILA's bases naming the text's identifier, 3 anything else
 * (amendments, debates, portals, press: leads).
 */
export function rangSource(url: string): number {
  if (!estSourcePrimaire(url)) return 3;
  const h = hoteDe(url)!.hote;
  const sur = (x: string) => h === x || h.endsWith(`.${x}`);
  if (HOTES_TEXTES.some(sur)) return 0;
  return HOTES_PRIMAIRES.some((p) => p.identifiant && sur(p.hote)) ? 2 : 1;
}

/**
 * The source a rule-table version is cited by, everywhere (« Règles appliquées », the traces' trees, the CLI's text and
 * JSON, the pane, the Excel notes): for a version at H, its most primary source (`rangSource`), the first in the table's
 * order among equals. A version at M or L is cited by the source listed first, the one its figures were read in: ranking
 * a primary text above it would present a figure as read in a text that does not give it (the IDCC 2642 grid of 2025
 * comes from Arte's encoding, not from the Légifrance page of an avenant without its grid).
 */
export function sourcePrincipale<S extends { url: string }>(sources: readonly S[], confiance: string): S | undefined {
  if (confiance !== "H") return sources[0];
  let meilleure: S | undefined;
  for (const s of sources) if (!meilleure || rangSource(s.url) < rangSource(meilleure.url)) meilleure = s;
  return meilleure;
}
