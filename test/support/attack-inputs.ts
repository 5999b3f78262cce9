// Inputs of the kinds a hostile caller sends (issue 17), shared by the targeted tests, the fuzz
// test and the mixed soak.

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
