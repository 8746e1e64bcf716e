export * from "./tableCharges";
export * from "./tauxCharges";
export * from "./chomage";
export * from "./smic";
