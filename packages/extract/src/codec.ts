// TextDecoder / TextEncoder are WHATWG globals in every runtime we target (Node 20, browsers,
// workers), but this package compiles against the bare ES2023 lib with no DOM or Node types, so
// we reach them through globalThis with a minimal local type instead of a global declaration
// (a global declaration would clash with @types/node or lib.dom in packages that import us).

interface TextDecoderLike {
  decode(input?: Uint8Array): string;
}
type TextDecoderCtor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;
interface TextEncoderLike {
  encode(input?: string): Uint8Array;
}
type TextEncoderCtor = new () => TextEncoderLike;

const runtime = globalThis as unknown as { TextDecoder: TextDecoderCtor; TextEncoder: TextEncoderCtor };

/** Decodes bytes with a WHATWG encoding label. `fatal` makes invalid sequences throw. */
export function decodeBytes(bytes: Uint8Array, label: string, fatal = false): string {
  return new runtime.TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
}

export function encodeUtf8(text: string): Uint8Array {
  return new runtime.TextEncoder().encode(text);
}
