/** Stable ids for the browser tests (data-testid). Tests import them; never select by French label text. */
export const TEST_IDS = {
  app: "prodbook-app",
  onglet: (page: string) => `onglet-${page}`,
  erreur: "message-erreur",
  structurer: {
    feuille: "structurer-feuille",
    genre: "structurer-genre",
    duree: "structurer-duree",
    analyser: "structurer-analyser",
    apercu: "structurer-apercu",
    chapitre: (code: string) => `structurer-chapitre-${code}`,
    nbLignes: "structurer-nb-lignes",
    totalCalcule: "structurer-total-calcule",
    totalProducteur: "structurer-total-producteur",
    nonPlaces: "structurer-non-places",
    creer: "structurer-creer",
    succes: "structurer-succes",
  },
  controles: {
    liste: "controles-liste",
    groupe: (gravite: string) => `controles-groupe-${gravite}`,
    constat: (i: number) => `controles-constat-${i}`,
    lancer: "controles-lancer",
    vide: "controles-vide",
  },
} as const;
