/**
 * WHATWG Encoding API (TextDecoder / TextEncoder), for `tsconfig.core.json` only: every runtime Prodbook targets
 * (Excel's browsers, Web Workers, Node) provides it, so src/core may use it; without the DOM lib or Node's types
 * it must be declared. Only these two globals are declared: `document`, `window`, `Buffer`, `process`… stay errors.
 */
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare const TextDecoder: { prototype: TextDecoder; new (label?: string, options?: TextDecoderOptions): TextDecoder };
interface TextEncoderEncodeIntoResult {
  read: number;
  written: number;
}
interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
}
declare const TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
