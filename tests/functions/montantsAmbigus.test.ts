import { erreurDe } from "./customFunctionsStub";
import { ecart, montant } from "../../src/functions/functions";

describe("PROD.* : le même lecteur de montants que l'import du devis", () => {
  it("refuse un montant ambigu avec #VALUE! et les deux lectures", () => {
    const e = erreurDe(() => ecart("12.500 €", 1000));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "L'argument « budget » : « 12.500 € » peut se lire 12,50\u00a0€ ou 12\u202f500,00\u00a0€ ; écrivez « 12,5 » ou « 12500 ».",
    );
    expect(erreurDe(() => montant(1, 1, "2,345")).message).toBe(
      "L'argument « taux » : « 2,345 » peut se lire 2,345 ou 2345 ; écrivez « 2,345 » ou « 2345 ».",
    );
  });

  it("lit sans ambiguïté « 1.500.000 », « 12 500,00 » et « 0,125 »", () => {
    expect(ecart("1.500.000", "1 500 100,00")).toBe(100);
    expect(montant(1, 1, "0,125")).toBe(0.13);
  });

  it("refuse une grandeur absurde (au-delà de 2^51 centimes) en français, sans RangeError", () => {
    const e = erreurDe(() => ecart("1234567890123456", 0));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^L'argument « budget » : « 1234567890123456 » dépasse la limite de Prodbook/);
    expect(erreurDe(() => montant(1e10, 1e10, 1e10)).message).toMatch(/dépasse la limite de Prodbook/);
  });
});
