import type { EncodageFec, MappingGrandLivre, ResultatFec } from "../core/comptabilite/fec";

/** Messages between the Écarts page and the FEC worker. */
export type DemandeFec = {
  type: "lire";
  fichier: Blob;
  nom: string;
  encodage?: EncodageFec;
  mapping?: MappingGrandLivre;
};

export type ReponseFec =
  | { type: "progression"; fait: number; total: number }
  | { type: "resultat"; resultat: ResultatFec; mapping?: MappingGrandLivre }
  /** `expliquee`: the error was one of Prodbook's French ones (ErreurExpliquee), shown as it is; else internal. */
  | { type: "erreur"; message: string; expliquee?: boolean };
