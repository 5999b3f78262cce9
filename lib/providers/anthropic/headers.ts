import type { UpstreamContext } from "@/lib/providers/types";

export const ANTHROPIC_VERSION = "2023-06-01";
const OAUTH_BETA = "oauth-2025-04-20";

/** Comma-separated betas, de-duplicated, in first-seen order. */
export function mergeBetas(...lists: Array<string | undefined>): string {
  const betas = lists.flatMap((list) => (list ?? "").split(",")).map((b) => b.trim()).filter(Boolean);
  return [...new Set(betas)].join(",");
}

/**
 * As Anthropic documents: an API key goes as `x-api-key`; an OAuth token (Claude subscription)
 * as `Authorization: Bearer` with the oauth beta. Client betas pass through. Nothing else is added.
 */
export function anthropicHeaders(ctx: Pick<UpstreamContext, "credential" | "passHeaders">, stream: boolean): Record<string, string> {
  const { credential, passHeaders = {} } = ctx;
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: stream ? "text/event-stream" : "application/json",
    "anthropic-version": passHeaders["anthropic-version"] ?? ANTHROPIC_VERSION,
  };
  const isOAuth = credential.kind === "oauth_token";
  if (isOAuth) headers.authorization = `Bearer ${credential.secret}`;
  else headers["x-api-key"] = credential.secret;
  const betas = mergeBetas(passHeaders["anthropic-beta"], isOAuth ? OAUTH_BETA : undefined);
  if (betas) headers["anthropic-beta"] = betas;
  return headers;
}
