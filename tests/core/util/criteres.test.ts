import { critereExact } from "../../../src/core/util/criteres";

describe("critereExact", () => {
  it("keeps the cell reference for plain codes", () => {
    expect(critereExact("2.3", "$A12")).toBe("$A12");
    expect(critereExact("FG", "$A7")).toBe("$A7");
  });
  it("escapes wildcards and comparisons into a literal", () => {
    expect(critereExact("?", "$A20")).toBe('"~?"');
    expect(critereExact("2.*", "$A9")).toBe('"2.~*"');
    expect(critereExact("a~b", "$A9")).toBe('"a~~b"');
    expect(critereExact("<x", "$A9")).toBe('"=<x"');
    expect(critereExact('=1"', "$A9")).toBe('"==1"""');
  });
});
