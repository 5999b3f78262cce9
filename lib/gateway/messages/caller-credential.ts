import type { UsableCredential } from "@/lib/gateway/routing/user-credentials";

// Hop-by-hop and ours: everything else the client sent goes to Anthropic as it came.
const NOT_FORWARDED = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive", "x-oauthrouter-key", "accept-encoding"]);

/**
 * Claude Code pass-through: with our token in `x-oauthrouter-key`, a caller's own Anthropic
 * credential in `x-api-key` or `Authorization: Bearer` is used for this one request and never stored.
 */
export function callerAnthropicCredential(request: Request): UsableCredential | null {
  if (!request.headers.get("x-oauthrouter-key")) return null;
  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(sk-ant-\S+)$/i)?.[1];
  const apiKey = request.headers.get("x-api-key");
  const secret = bearer ?? (apiKey?.startsWith("sk-ant-") ? apiKey : null);
  if (!secret) return null;
  return {
    id: "caller",
    provider: "anthropic",
    label: "caller's own credential",
    kind: bearer ? "oauth_token" : "api_key",
    secret,
    baseUrl: null,
    accountId: null,
    priority: 0,
    createdAt: 0,
    cooldownUntil: 0,
    ephemeral: true,
  };
}

/** The client's headers, for a pass-through request, minus transport ones and our own key. */
export function forwardedHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (!NOT_FORWARDED.has(name)) headers[name] = value;
  });
  return headers;
}
