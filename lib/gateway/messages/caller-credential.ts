import type { UsableCredential } from "@/lib/gateway/routing/user-credentials";

// Forwarded: the caller's credential, content type, Anthropic's own headers, and what Claude Code and
// Anthropic's SDK say of the real client (user-agent, x-app, x-stainless-*, its request and session
// ids), as Anthropic would see them without us. Never cookies, proxy, hop-by-hop or x-oauthrouter-*.
const FORWARDED_NAMES = new Set(["authorization", "x-api-key", "content-type", "accept", "user-agent", "x-app", "x-client-request-id"]);
const FORWARDED_PREFIXES = ["anthropic-", "x-stainless-", "x-claude-code-"];

const isForwarded = (name: string) => FORWARDED_NAMES.has(name) || FORWARDED_PREFIXES.some((prefix) => name.startsWith(prefix));

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

/** The client's headers that a pass-through request forwards (the allow-list above). */
export function forwardedHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (isForwarded(name)) headers[name] = value;
  });
  return headers;
}
