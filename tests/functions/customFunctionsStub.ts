/**
 * A minimal `CustomFunctions` global, as Excel provides it, so wrappers can be called directly in jest.
 * Import this module first in a functions test: `import { installerCustomFunctions } from "./customFunctionsStub"`.
 */
export class ErreurExcel extends Error {
  constructor(
    public readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export function installerCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: ErreurExcel,
    ErrorCode,
    associate: () => undefined,
  };
}

installerCustomFunctions();

/** Calls `fn` and returns the Excel error it throws (fails the test when it returns a value instead). */
export function erreurDe(fn: () => unknown): ErreurExcel {
  try {
    const v = fn();
    throw new Error(`une erreur Excel était attendue, la fonction a renvoyé ${JSON.stringify(v)}`);
  } catch (e) {
    if (!(e instanceof ErreurExcel)) throw e;
    return e;
  }
}
