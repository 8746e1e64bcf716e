import { centimesDe } from "../../../src/core/comptabilite/fec/champs";

const lire = (t: string) => {
  const u = new TextEncoder().encode(t);
  return centimesDe(u, 0, u.length);
};

describe("montants du FEC lus en place : le signe moins U+2212", () => {
  it.each([
    ["\u221212000,00", -1200000],
    [" \u22121\u202f234,56 ", -123456],
    ["12,50\u2212", -1250],
    ["-12,50", -1250],
  ])("%p → %p centimes", (t, attendu) => {
    expect(lire(t)).toBe(attendu);
  });

  it.each(["\u2212", "\u2212-12,00", "1\u22122", "\u2212\u2212"])("%p n'est pas un montant", (t) => {
    expect(lire(t)).toBeNaN();
  });
});

describe("montants du FEC lus en place : entre parenthèses, le négatif du comptable", () => {
  it.each([
    ["(12 000,00)", -1200000],
    [" ( 85,90 ) ", -8590],
  ])("%p → %p centimes (avant : « n'est pas un montant », la ligne rejetée)", (t, attendu) => {
    expect(lire(t)).toBe(attendu);
  });

  it.each(["()", "(-12,00)", "(12,00-)", "(12,00", "12,00)", "(\u221212)"])("%p n'est pas un montant", (t) => {
    expect(lire(t)).toBeNaN();
  });
});
