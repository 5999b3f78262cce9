// Visible ASCII and spaces: what every HTTP header value may hold as it is.
const HEADER_SAFE = /^[\x20-\x7e]*$/;

/**
 * A value from elsewhere (a model id an upstream answered with) as a header can carry it: as it
 * is when it can, else percent-encoded. A Response given CR/LF or non-Latin-1 text throws.
 */
export function headerValue(value: string): string {
  return HEADER_SAFE.test(value) ? value : encodeURIComponent(value);
}
