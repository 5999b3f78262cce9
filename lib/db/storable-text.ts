// NUL, and UTF-16 halves without their pair: the two things a PostgreSQL text column (and the JSON
// that carries rows to it) refuses in a JavaScript string.
const UNSTORABLE = /[\u0000\ud800-\udfff]/;
const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as the database will take it: NUL and lone surrogates become U+FFFD, and it is cut to
 * `maxLength` (without splitting a pair). Text that needs neither comes back as it is.
 */
export function storableText(text: string, maxLength = 1_000): string {
  let out = text.length > maxLength ? text.slice(0, /[\ud800-\udbff]/.test(text[maxLength - 1]) ? maxLength - 1 : maxLength) : text;
  if (UNSTORABLE.test(out)) out = out.replace(NUL_OR_LONE_SURROGATE, "\ufffd");
  return out;
}

const INT4_MAX = 2_147_483_647;

/** A count or duration as an integer column takes it: whole, finite, within 32 bits. */
export function storableInteger(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(-INT4_MAX, Math.min(INT4_MAX, Math.round(value)));
}
