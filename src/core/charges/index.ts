export * from "./tableCharges";
export * from "./tauxCharges";
