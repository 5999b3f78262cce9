import { parseJsonOr } from "@/lib/providers/shared/safe-json";

// Keeping secrets out of what we show and write. Two kinds: the credential a request to a provider
// carried (known, so masked in every form an upstream could echo it back in), and secrets in text
// we did not write, found by their shapes (for the log).

const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "x-goog-api-key"];
const MIN_SECRET_LENGTH = 8;

/** A secret as we may show it: its last four characters. */
export const maskSecret = (secret: string) => `••••${secret.slice(-4)}`;

/**
 * The spellings of a secret inside base64 of a longer text (`user:secret`, a JSON blob): one per
 * byte offset modulo 3, each cut to the characters that encode the secret's bytes alone.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const core = encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    return [core, core.replace(/\+/g, "-").replace(/\//g, "_")];
  });
}

/** Every form an upstream may echo a secret in: as sent, JSON-escaped (with `\/`), URL-encoded, base64 and base64url. */
function derivedForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const url = encodeURIComponent(secret);
  const forms = [secret, json, json.replace(/\//g, "\\/"), url, url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), ...base64Cores(secret)];
  // Longest first, so a form is never cut by a shorter one inside it.
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

// Forms are derived once per secret (few per process: the credentials in use).
const formsCache = new Map<string, string[]>();

function formsOf(secret: string): string[] {
  let forms = formsCache.get(secret);
  if (!forms) {
    if (formsCache.size >= 1_000) formsCache.clear();
    formsCache.set(secret, (forms = derivedForms(secret)));
  }
  return forms;
}

/** `text` with every occurrence of each secret, in any form we can derive, replaced by its masked form. */
export function redactSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const masked = maskSecret(secret);
    for (const form of formsOf(secret)) if (out.includes(form)) out = out.split(form).join(masked);
  }
  return out;
}

/** The credential values a request to a provider carries: auth headers and Gemini's `?key=`. */
export function credentialsSent(url: string, headers: Record<string, string>): string[] {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const values = CREDENTIAL_HEADERS.map((name) => byName.get(name)?.replace(/^Bearer\s+/i, "").trim());
  const key = new URL(url).searchParams.get("key");
  return [...values, key].filter((value): value is string => Boolean(value));
}

/** Masks the secrets in text from an upstream; what each upstream answer carries (UpstreamResponse.redact). */
export type Redactor = (text: string) => string;

export const redactorFor = (secrets: string[]): Redactor => (text) => redactSecrets(text, secrets);

/** `value` with every string in it masked: an upstream's error object, its metadata. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, redactDeep(inner, redact)])) as T;
  return value;
}

/**
 * An upstream's JSON event (an in-stream error) with the secrets masked in every string, after
 * decoding: no escape (`\/`, `\u0073k-…`) hides one. Text that is not JSON is masked as text.
 */
export function redactJsonText(text: string, redact: Redactor): string {
  const parsed = parseJsonOr(text, undefined);
  return parsed === undefined ? redact(text) : JSON.stringify(redactDeep(parsed, redact));
}

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

/** The text with anything that looks like a credential replaced by `[redacted]` (for the log). */
export function redactText(text: string): string {
  if (!MAYBE_SECRET.test(text)) return text;
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
