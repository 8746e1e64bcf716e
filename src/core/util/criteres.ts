/**
 * A SUMIF/SUMIFS criterion that matches `valeur` exactly: the cell `ref` holding it, unless Excel would read
 * that text as a pattern (? * ~ are wildcards: the « ? » chapter would add up every one-character chapter) or
 * as a comparison (= < > first); then the escaped literal.
 */
export function critereExact(valeur: string, ref: string): string {
  const comparaison = /^[=<>]/.test(valeur);
  if (!/[?*~]/.test(valeur) && !comparaison) return ref;
  return `"${comparaison ? "=" : ""}${valeur.replace(/[~*?]/g, "~$&").replace(/"/g, '""')}"`;
}
