/**
 * The part of papaparse's API that src/core uses (strings in, strings out), for `tsconfig.core.json` only.
 * @types/papaparse references Node's types (`/// <reference types="node" />`, streams), which would give src/core
 * `Buffer` and `process` and defeat the compiler check that core stays pure. Same names and shapes as
 * @types/papaparse; extend it when core uses more of papaparse (the main typecheck still uses the real types).
 */
declare module "papaparse" {
  export interface ParseError {
    type: "Quotes" | "Delimiter" | "FieldMismatch";
    code: "MissingQuotes" | "UndetectableDelimiter" | "TooFewFields" | "TooManyFields" | "InvalidQuotes";
    message: string;
    row?: number;
    index?: number;
  }
  export interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    fields?: string[];
    truncated: boolean;
    cursor: number;
  }
  export interface ParseResult<T> {
    data: T;
    errors: ParseError[];
    meta: ParseMeta;
  }
  export interface Parser {
    abort(): void;
    pause(): void;
    resume(): void;
  }
  export interface ParseConfig<T = unknown> {
    delimiter?: string | string[];
    newline?: string;
    quoteChar?: string;
    escapeChar?: string;
    header?: boolean;
    dynamicTyping?: boolean;
    preview?: number;
    comments?: false | string;
    skipEmptyLines?: boolean | "greedy";
    fastMode?: boolean;
    transform?(value: string, field: string | number): unknown;
    step?(results: ParseResult<T>, parser: Parser): void;
    complete?(results: ParseResult<T[]>): void;
  }
  export interface UnparseConfig {
    quotes?: boolean | boolean[];
    quoteChar?: string;
    escapeChar?: string;
    delimiter?: string;
    header?: boolean;
    newline?: string;
    skipEmptyLines?: boolean | "greedy";
    columns?: string[];
    escapeFormulae?: boolean | RegExp;
  }
  export interface UnparseObject<T> {
    fields: string[];
    data: T[];
  }
  export function parse<T>(input: string, config?: ParseConfig<T>): ParseResult<T[]>;
  export function unparse<T>(data: T[] | UnparseObject<T>, config?: UnparseConfig): string;
}
