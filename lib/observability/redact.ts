// Secrets that can turn up inside text we did not write (an upstream's error message, a URL):
// our tokens, provider keys by their known prefixes, bearer values and key-like query parameters.
const PATTERNS: Array<[RegExp, string]> = [
  [/\b(lr_(?:live|mgmt)_)[A-Za-z0-9_-]+/g, "$1[redacted]"],
  [/\b(sk-(?:ant-)?(?:api\d\d-|oat\d\d-|proj-)?)[A-Za-z0-9_*-]{6,}/g, "$1[redacted]"],
  [/\b(AIza)[0-9A-Za-z_-]{10,}/g, "$1[redacted]"],
  [/\b(gsk_|xai-|csk-|r8_)[A-Za-z0-9_-]{10,}/g, "$1[redacted]"],
  [/\b(Bearer\s+)[^\s"',]+/gi, "$1[redacted]"],
  [/([?&](?:key|api_key|token|access_token|code)=)[^&\s"']+/gi, "$1[redacted]"],
];

/** The text with anything that looks like a credential replaced by `[redacted]`. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
