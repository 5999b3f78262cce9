/**
 * Where clients put our token: OpenAI SDKs send `Authorization: Bearer`, Anthropic's `x-api-key`,
 * Google's `x-goog-api-key` or `?key=`. `x-oauthrouter-key` wins so a caller's own provider
 * credential can travel in the standard headers (Claude Code pass-through).
 */
export function readPresentedToken(request: Request, url: URL = new URL(request.url)): string | null {
  const own = request.headers.get("x-oauthrouter-key");
  if (own) return own.trim();
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer?.startsWith("lr_")) return bearer;
  const candidates = [request.headers.get("x-api-key"), request.headers.get("x-goog-api-key"), url.searchParams.get("key")];
  return candidates.find((value) => value?.startsWith("lr_"))?.trim() ?? bearer ?? candidates.find(Boolean)?.trim() ?? null;
}
