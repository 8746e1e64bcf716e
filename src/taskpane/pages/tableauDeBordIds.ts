/** Test ids of the « Tableau de bord » page (no Fluent import, so the browser tests can import them). */
export const IDS_TABLEAU_DE_BORD = {
  actualiser: "tdb-actualiser",
  calcule: "tdb-calcule",
  perime: "tdb-perime",
  bloc: (b: string) => `tdb-${b}`,
  etat: (b: string) => `tdb-${b}-etat`,
  suite: (b: string) => `tdb-${b}-suite`,
  absent: (b: string) => `tdb-${b}-absent`,
  probleme: (b: string) => `tdb-${b}-probleme`,
  chiffre: (b: string, c: string) => `tdb-${b}-${c}`,
  details: "tdb-details",
};
