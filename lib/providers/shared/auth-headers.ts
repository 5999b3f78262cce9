import type { AuthStyle, UpstreamCredential } from "@/lib/providers/types";

/** The credential as its provider documents it; nothing that imitates another client. */
export function authHeaders(style: AuthStyle, credential: UpstreamCredential): Record<string, string> {
  if (!credential.secret) return {};
  switch (style) {
    case "bearer":
      return { authorization: `Bearer ${credential.secret}` };
    case "x-api-key":
      return { "x-api-key": credential.secret };
    case "x-goog-api-key":
      return { "x-goog-api-key": credential.secret };
    case "anthropic":
      return credential.kind === "oauth_token" ? { authorization: `Bearer ${credential.secret}` } : { "x-api-key": credential.secret };
  }
}
