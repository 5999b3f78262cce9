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
