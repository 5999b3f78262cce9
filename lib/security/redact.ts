const CREDENTIAL_HEADERS = ["authorization", "x-api-key", "x-goog-api-key"];
const MIN_SECRET_LENGTH = 8;

/** A secret as we may show it: its last four characters. */
export const maskSecret = (secret: string) => `••••${secret.slice(-4)}`;

/** `text` with every occurrence of each secret replaced by its masked form. */
export function redactSecrets(text: string, secrets: string[]): string {
  return secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join(maskSecret(secret)), text);
}

/** The credential values a request to a provider carries: auth headers and Gemini's `?key=`. */
export function credentialsSent(url: string, headers: Record<string, string>): string[] {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const values = CREDENTIAL_HEADERS.map((name) => byName.get(name)?.replace(/^Bearer\s+/i, "").trim());
  const key = new URL(url).searchParams.get("key");
  return [...values, key].filter((value): value is string => Boolean(value));
}
