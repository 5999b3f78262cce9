import { unauthorized } from "@/lib/errors/gateway-error";

/**
 * Where clients put our token: OpenAI SDKs send `Authorization: Bearer`, Anthropic's `x-api-key`,
 * Google's `x-goog-api-key` or `?key=`. `x-oauthrouter-key` wins so a caller's own provider
 * credential can travel in the standard headers (Claude Code pass-through).
 *
 * `?key=` is read only where the dialect requires it (Gemini's /v1beta hands its URL in as
 * `queryKeyUrl`); anywhere else a token in the query string is refused, since URLs end up in
 * logs, proxies and browser history.
 */
export function readPresentedToken(request: Request, queryKeyUrl?: URL): string | null {
  if (!queryKeyUrl) refuseQueryToken(request.url);
  const own = request.headers.get("x-oauthrouter-key");
  if (own) return own.trim();
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer?.startsWith("lr_")) return bearer;
  const candidates = [request.headers.get("x-api-key"), request.headers.get("x-goog-api-key"), queryKeyUrl?.searchParams.get("key")];
  return candidates.find((value) => value?.startsWith("lr_"))?.trim() ?? bearer ?? candidates.find(Boolean)?.trim() ?? null;
}

/** `?key=` or any query value shaped like one of our secrets (`?api_key=lr_live_…`, `?token=lr_mgmt_…`). */
function refuseQueryToken(rawUrl: string): void {
  const query = rawUrl.indexOf("?");
  if (query < 0) return;
  for (const [name, value] of new URLSearchParams(rawUrl.slice(query + 1))) {
    if (name === "key" || value.trimStart().startsWith("lr_")) {
      throw unauthorized("Tokens are not accepted in the query string here (only the Gemini-native /v1beta endpoints take ?key=): send 'Authorization: Bearer lr_live_…'");
    }
  }
}
