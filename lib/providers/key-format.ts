import { detectKeyProvider, getProvider } from "./registry";

export const MIN_KEY_LENGTH = 8;

/** "an OpenAI", "an xAI", "a Groq": the article goes by the sound of the name. */
export function withArticle(name: string): string {
  return `${/^[AEIOUaeiou]|^x[A-Z]/.test(name) ? "an" : "a"} ${name}`;
}

/**
 * What no credential of any provider looks like: text with spaces in it ("hello world") and
 * characters no key has (a masked "••••1234", curly quotes, accents). Phrased to follow "The key".
 */
export function keyShapeProblem(secret: string): string | null {
  const key = secret.trim();
  if (/\s/.test(key)) return "cannot contain spaces: paste the key alone";
  if (/[^\x21-\x7e]/.test(key)) return "can only contain plain letters, digits and punctuation (no •, curly quotes or accents)";
  return null;
}

/** A key in another provider's format, or in none of this provider's (`keyPrefixes` in the registry). */
export function keyPrefixProblem(providerId: string, secret: string): string | null {
  const provider = getProvider(providerId);
  const key = secret.trim();
  if (!provider?.keyPrefixes || provider.keyPrefixes.some((prefix) => key.startsWith(prefix))) return null;
  const other = detectKeyProvider(key);
  const otherName = other && getProvider(other.provider)?.name;
  const looksLike = otherName ? `; it looks like ${withArticle(otherName)} key` : "";
  return `does not look like ${withArticle(provider.name)} key, which starts with ${provider.keyPrefixes.join(" or ")}${looksLike}`;
}

/** Everything Providers checks before asking the provider: the form shows it at once, the server enforces it. */
export function keyProblem(providerId: string, secret: string): string | null {
  if (secret.trim().length < MIN_KEY_LENGTH) return `must be at least ${MIN_KEY_LENGTH} characters`;
  return keyShapeProblem(secret) ?? keyPrefixProblem(providerId, secret);
}
