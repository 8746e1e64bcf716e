export * from "./types";
export * from "./decodage";
export * from "./entete";
export * from "./lecteurFec";
export * from "./grandLivreCsv";
export * from "./detection";
export * from "./nomEncodage";
export * from "./alerte";
export { dateFrAaaammjj, dateIso } from "./champs";
