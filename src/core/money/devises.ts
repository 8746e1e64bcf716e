/**
 * A figure typed as text with another currency than the euro (« $1,500 », « USD 1 500 », « 1 500 £ », « 1.500 CHF »,
 * « 1500 dollars »): the currency named in French, so that a refusal says why (Prodbook converts nothing: no
 * exchange rate is known at run time) instead of « n'est pas un montant ».
 */

/** Currency signs and codes a French production meets, with their French name (« montant en dollars US »). */
const NOMS: Record<string, string> = {
  $: "dollars",
  US$: "dollars US",
  $US: "dollars US",
  USD: "dollars US",
  C$: "dollars canadiens",
  CA$: "dollars canadiens",
  $CA: "dollars canadiens",
  CAD: "dollars canadiens",
  A$: "dollars australiens",
  AU$: "dollars australiens",
  AUD: "dollars australiens",
  NZD: "dollars néo-zélandais",
  HKD: "dollars de Hong Kong",
  SGD: "dollars de Singapour",
  "£": "livres sterling",
  GBP: "livres sterling",
  CHF: "francs suisses",
  SFR: "francs suisses",
  "¥": "yens ou yuans",
  JPY: "yens",
  CNY: "yuans",
  RMB: "yuans",
  SEK: "couronnes suédoises",
  NOK: "couronnes norvégiennes",
  DKK: "couronnes danoises",
  ISK: "couronnes islandaises",
  CZK: "couronnes tchèques",
  PLN: "zlotys",
  HUF: "forints",
  RON: "lei roumains",
  BGN: "levs bulgares",
  RUB: "roubles",
  "₽": "roubles",
  TRY: "livres turques",
  "₺": "livres turques",
  ILS: "shekels",
  "₪": "shekels",
  MAD: "dirhams marocains",
  TND: "dinars tunisiens",
  DZD: "dinars algériens",
  XOF: "francs CFA",
  XAF: "francs CFA",
  FCFA: "francs CFA",
  XPF: "francs Pacifique",
  BRL: "réaux brésiliens",
  R$: "réaux brésiliens",
  MXN: "pesos mexicains",
  ARS: "pesos argentins",
  CLP: "pesos chiliens",
  COP: "pesos colombiens",
  INR: "roupies indiennes",
  "₹": "roupies indiennes",
  KRW: "wons",
  "₩": "wons",
  ZAR: "rands",
};

/** The three-letter codes named above (« USD », « CHF »…), which a number format may also write as text. */
export const CODES_DEVISES: readonly string[] = Object.keys(NOMS).filter((k) => /^[A-Z]{3}$/.test(k));

/** Currency words written out after a figure (« 1500 dollars », « 200 livres sterling »), normalised. */
const MOTS: [RegExp, string][] = [
  [/^dollars?\s*(us|am[ée]ricains?)$/i, "dollars US"],
  [/^dollars?\s*canadiens?$/i, "dollars canadiens"],
  [/^dollars?$/i, "dollars"],
  [/^livres?(\s*sterling)?$/i, "livres sterling"],
  [/^francs?\s*suisses?$/i, "francs suisses"],
  [/^yens?$/i, "yens"],
];

/** A token that may name a currency: signs and letters, « US$ », « CHF », « £ », « Fr. ». */
const JETON = String.raw`(?:[A-Za-z]{0,3}\p{Sc}[A-Za-z]{0,3}|[A-Za-z]{3,4}|[A-Za-z]+(?:\s+[A-Za-z]+)?)`;
const AVANT = new RegExp(String.raw`^([-−+(]?)\s*(${JETON})\.?\s*(?=[\d.,(+\-−])`, "u");
const APRES = new RegExp(String.raw`(?<=[\d.,)\-−])\s*(${JETON})\.?$`, "u");
/** What a figure may hold once its currency is set aside: digits, separators, spaces, signs, brackets. */
const CHIFFRES = /^[-−+(]?\s*[\d][\d\s\u00a0\u202f\u2009'.,]*[-−)]?$|^[-−+(]?\s*[.,]\d+[-−)]?$/;

/** The French name of a currency token (« $ » → « dollars », « CHF » → « francs suisses »); undefined for the euro. */
function nom(jeton: string): string | undefined {
  const j = jeton.trim();
  if (/^(€|eur|euros?)$/i.test(j)) return undefined;
  const code = NOMS[j.toUpperCase()] ?? NOMS[j];
  if (code) return code;
  for (const [re, n] of MOTS) if (re.test(j)) return n;
  // Another currency sign (Unicode category Sc) than the euro: named by itself.
  if (/^\p{Sc}$/u.test(j) && j !== "€") return `« ${j} »`;
  return undefined;
}

/**
 * The French name of the currency a text figure is written in (« $1,500 » → « dollars », « USD 1 500 » → « dollars
 * US », « 1 500 £ » → « livres sterling », « 1.500 CHF » → « francs suisses »); undefined when the text is no figure
 * or is in euros. Tax mentions (« HT », « TTC ») after the currency are set aside.
 */
export function deviseEcrite(texte: string): string | undefined {
  let t = texte.trim().replace(/\s+(ht|ttc)\.?$/i, "");
  if (/^\(.*\)$/.test(t)) t = t.slice(1, -1).trim();
  if (!/\d/.test(t) || t.length > 60) return undefined;
  const avant = AVANT.exec(t);
  if (avant) {
    const n = nom(avant[2]);
    const reste = avant[1] + t.slice(avant[0].length);
    if (n && CHIFFRES.test(reste.trim())) return n;
  }
  t = t.replace(/^\(?\s*(€|eur)\s*/i, "");
  const apres = APRES.exec(t);
  if (apres) {
    const n = nom(apres[1]);
    const reste = t.slice(0, apres.index);
    if (n && CHIFFRES.test(reste.trim())) return n;
  }
  return undefined;
}
