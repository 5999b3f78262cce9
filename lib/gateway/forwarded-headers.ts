import { providerRegistry } from "@/lib/providers/registry";

/** Every client header some provider takes (the registry's `forwardHeaders`, e.g. OpenRouter's app attribution). */
const FORWARDABLE = [...new Set(providerRegistry.flatMap((provider) => provider.quirks?.forwardHeaders ?? []))];

/**
 * The client's headers that a provider may be sent (HTTP-Referer and X-Title reach an OpenRouter
 * credential only: each adapter passes on just the ones its provider's row lists).
 */
export function forwardableHeaders(request: Request): Record<string, string> {
  const found: Record<string, string> = {};
  for (const name of FORWARDABLE) {
    const value = request.headers.get(name);
    if (value) found[name] = value;
  }
  return found;
}
