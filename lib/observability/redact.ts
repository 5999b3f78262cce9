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

// One scan that rules out almost every string (ids, paths, messages) before the patterns run.
const MAYBE_SECRET = /lr_|sk-|AIza|gsk_|xai-|csk-|r8_|bearer|[?&](?:key|api_key|token|access_token|code)=/i;

/** The text with anything that looks like a credential replaced by `[redacted]`. */
export function redactText(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
