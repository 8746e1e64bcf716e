import { MOIS as MOIS_CORE, dateEnLettres, espacesInsecables } from "../core/util/texte";

/** The no-break spaces of French typography: one function for the pane and the CLI (src/core/util/texte.ts). */
export { espacesInsecables };

/**
 * French presentation of the pane: numbers grouped with a narrow no-break space (« 10 756 lignes »), plurals
 * written out, dates « 12 mars 2026 », sizes « 1,2 Mo », and no-break spaces inside « … » and before « : ».
 */
const FINE = "\u202f";
const INSECABLE = "\u00a0";
/** The months in French, lower case (« janvier » … « décembre »): the core's list, one for the pane and the sheets. */
export const MOIS: string[] = [...MOIS_CORE];

/** 10756 → « 10 756 » (narrow no-break space, as fr-FR). */
export function nombre(n: number): string {
  const [entier, dec] = String(Math.abs(n)).split(".");
  const groupe = entier.replace(/\B(?=(\d{3})+(?!\d))/g, FINE);
  return `${n < 0 ? "-" : ""}${groupe}${dec ? `,${dec}` : ""}`;
}

/** (10756, "ligne") → « 10 756 lignes »; (1, "ligne") → « 1 ligne »; (2, "constat", "constats") idem. */
export function compte(n: number, singulier: string, pluriel = `${singulier}s`): string {
  return `${nombre(n)}${INSECABLE}${Math.abs(n) >= 2 ? pluriel : singulier}`;
}

/** "2026-03-12" (or an ISO date-time) → « 12 mars 2026 »; anything else is returned as it is. */
export function dateFr(iso: string | undefined): string {
  return iso ? dateEnLettres(iso) : "";
}

/** "2026-01" → « janvier 2026 ». */
export function moisFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(iso);
  return m ? `${MOIS[Number(m[2]) - 1]}${INSECABLE}${m[1]}` : iso;
}

/** 1234567 → « 1,2 Mo »; 900 → « 900 octets ». */
export function taille(octets: number): string {
  if (octets < 1000) return compte(octets, "octet");
  const unites: [number, string][] = [
    [1e9, "Go"],
    [1e6, "Mo"],
    [1e3, "Ko"],
  ];
  for (const [u, nom] of unites)
    if (octets >= u) {
      const x = octets / u;
      return `${(x >= 100 ? Math.round(x).toString() : x.toFixed(1).replace(".", ",")).replace(/,0$/, "")}${INSECABLE}${nom}`;
    }
  return `${octets}`;
}

/** « texte » with no-break spaces inside the guillemets. */
export function guillemets(s: string): string {
  return `«${INSECABLE}${s}${INSECABLE}»`;
}

/**
 * A negative number written with the hyphen-minus (« écart -1 200,00 € », « -361,74 € », as a message quoting a user's
 * cell may write it; the core's formatMontantFr already writes « − ») → the minus sign U+2212 (« −1 200,00 € »), as the
 * pane writes its écarts: a hyphen at the start
 * of a text or after a space, « ( », « « » or « = », before a digit. « 2026-12-15 », « n° 2013-1139 » or « ACTU-2022 »
 * (a hyphen between two words or figures) are left as they are.
 */
export function signesMoins(s: string): string {
  return s.replace(/(^|[\s(«=\u00a0\u202f])-(?=\d)/g, "$1\u2212");
}

/** « 3 jour(s) » → « 3 jours », « 1 jour(s) » → « 1 jour »: the count decides (2 and more are plural, as compte()). */
function pluriels(s: string): string {
  return s.replace(
    /(\d[\d\u202f\u00a0 ]*(?:,\d+)?)([\u00a0 ])([\p{L}'’-]+)\(s\)/gu,
    (_, n: string, esp: string, mot: string) => {
      const valeur = Number(n.replace(/[\u202f\u00a0 ]/g, "").replace(",", "."));
      return `${n}${esp}${mot}${valeur >= 2 ? "s" : ""}`;
    },
  );
}

/** « 01/07/2025 » → « 1er juillet 2025 » (a real date only). */
function datesEnLettres(s: string): string {
  return s.replace(/\b(\d{2})\/(\d{2})\/(\d{4})\b/g, (tout, j: string, m: string, a: string) => {
    const d = new Date(Date.UTC(Number(a), Number(m) - 1, Number(j)));
    return d.getUTCDate() === Number(j) && d.getUTCMonth() === Number(m) - 1 ? dateEnLettres(`${a}-${m}-${j}`) : tout;
  });
}

/** « semaine 2026-W20 » (an ISO week, as the core names it) → « semaine du 11 mai 2026 » (its Monday). */
function semainesEnLettres(s: string): string {
  return s.replace(/\b(\d{4})-W(\d{2})\b/g, (tout, a: string, w: string) => {
    const quatreJanvier = Date.UTC(Number(a), 0, 4);
    const lundi = new Date(
      quatreJanvier - ((new Date(quatreJanvier).getUTCDay() + 6) % 7) * 864e5 + (Number(w) - 1) * 7 * 864e5,
    );
    return Number(w) >= 1 && Number(w) <= 53 ? `du ${dateEnLettres(lundi.toISOString())}` : tout;
  });
}

/**
 * A French sentence built elsewhere (a core message) as the pane shows it: no-break spaces, « (s) » plurals settled
 * by their count, dates « 12/03/2026 » and ISO weeks « 2026-W20 » in words.
 */
export function typographie(s: string): string {
  return signesMoins(espacesInsecables(semainesEnLettres(datesEnLettres(pluriels(s)))));
}
