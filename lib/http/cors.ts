/**
 * The public API is called from browsers too (PKCE apps exchange their code from the front end),
 * and authenticates by bearer token, never by cookie: any origin may call it.
 */
export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, x-api-key, x-goog-api-key, x-oauthrouter-key, anthropic-version, anthropic-beta, http-referer, x-title",
  "access-control-expose-headers": "x-generation-id, x-request-id, x-oauthrouter-provider, x-oauthrouter-model, retry-after",
  "access-control-max-age": "86400",
};

export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export function isPublicApiPath(pathname: string): boolean {
  return (/^\/(api\/v1|v1|v1beta)(\/|$)/.test(pathname) && !pathname.startsWith("/api/auth/")) || pathname === "/openapi.json";
}
