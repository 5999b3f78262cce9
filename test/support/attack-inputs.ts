// Inputs of the kinds a hostile caller sends (issue 17), shared by the targeted tests, the fuzz
// test and the mixed soak.
import fc from "fast-check";

/** About 1.7 KB of JSON schema: each level's allOf and properties refer to the level below, four times. */
export function refBomb(levels = 12): Record<string, unknown> {
  const defs: Record<string, unknown> = { L0: { type: "object", properties: { v: { type: "string" } } } };
  for (let n = 1; n <= levels; n++) {
    const below = { $ref: `#/$defs/L${n - 1}` };
    defs[`L${n}`] = { allOf: [below, below], properties: { a: below, b: below } };
  }
  return { type: "object", $defs: defs, properties: { root: { $ref: `#/$defs/L${levels}` } } };
}

/** `[[[ … ]]]` nested `depth` levels, as JSON text. */
export const nestedJson = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Every spelling of a key we know an upstream to echo: what must never reach a client, a row or the log. */
export function echoedForms(key: string): Record<string, string> {
  const base64 = (text: string) => Buffer.from(text).toString("base64");
  return {
    raw: key,
    "JSON-escaped": JSON.stringify(key).slice(1, -1).replace(/\//g, "\\/"),
    "URL-encoded": encodeURIComponent(key),
    "URL-encoded, lower-case hex": encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    base64: base64(key),
    "base64 of Basic auth": base64(`user:${key}`),
    "base64url of a JSON blob": Buffer.from(JSON.stringify({ api_key: key })).toString("base64url"),
  };
}

/**
 * `chars` CJK characters without a space, deterministic: the text BPE tokenizers are slowest on
 * (every character its own bytes, no merges), a few microseconds a character at best.
 */
export function cjkText(chars: number, seed = 17): string {
  let state = seed;
  const codes = new Array<number>(chars);
  for (let i = 0; i < chars; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    codes[i] = 0x4e00 + (state % 2000);
  }
  let text = "";
  for (let i = 0; i < chars; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}

type JsonPath = Array<string | number>;

/** Where in a JSON value `keep` holds: every string, or every object and array, as paths. */
export function pathsWhere(value: unknown, keep: (inner: unknown) => boolean, at: JsonPath = []): JsonPath[] {
  const here = at.length > 0 && keep(value) ? [at] : [];
  if (value === null || typeof value !== "object") return here;
  const entries = Array.isArray(value) ? value.map((inner, i) => [i, inner] as const) : Object.entries(value);
  return [...here, ...entries.flatMap(([key, inner]) => pathsWhere(inner, keep, [...at, key]))];
}

/** A copy of `value` with `replacement` at `path`. */
export function replaceAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaceAt(copy[path[0]], path.slice(1), replacement);
  return copy;
}

/** Characters a string field should never pass on as they are: controls, NUL, lone surrogates, line separators. */
export const HOSTILE_CHARACTERS = ["\u0000", "\r\n", "\n", "\t", "\u001b[2J", "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\udc00\ud800", "\"", "\\", "%00", "../"];

/** A text mixing HOSTILE_CHARACTERS with ordinary and astral characters. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_CHARACTERS), fc.string({ unit: "binary", maxLength: 4 }), fc.constantFrom("gpt-4o", "é", "😀", " ")), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(""));

/** A schema whose $refs, allOf, anyOf or items refer `fanout` times to the level below, `levels` deep. */
export const schemaBomb = fc.record({ levels: fc.integer({ min: 3, max: 16 }), fanout: fc.integer({ min: 2, max: 4 }), via: fc.constantFrom("allOf", "anyOf", "properties", "items") }).map(({ levels, fanout, via }) => {
  const defs: Record<string, unknown> = { L0: { type: "object", properties: { v: { type: "string" } } } };
  for (let n = 1; n <= levels; n++) {
    const below = Array.from({ length: fanout }, () => ({ $ref: `#/$defs/L${n - 1}` }));
    if (via === "properties") defs[`L${n}`] = { type: "object", properties: Object.fromEntries(below.map((ref, i) => [`p${i}`, ref])) };
    else if (via === "items") defs[`L${n}`] = { type: "array", items: { allOf: below } };
    else defs[`L${n}`] = { [via]: below };
  }
  return { type: "object", $defs: defs, properties: { root: { $ref: `#/$defs/L${levels}` } } };
});
