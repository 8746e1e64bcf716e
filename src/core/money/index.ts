export * from "./cents";
export * from "./parse";
export * from "./format";
export * from "./messages";
export * from "./saisie";
export * from "./devises";
