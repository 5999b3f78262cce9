import { isGatewayError } from "@/lib/errors/gateway-error";
import { parseCallbackUrl } from "./callback-url";

export type AuthorizationRequest =
  | { ok: true; origin: string; callbackUrl: string; codeChallenge?: string; codeChallengeMethod?: "S256" | "plain" }
  | { ok: false; error: string };

/** Reads `/auth?callback_url=…&code_challenge=…&code_challenge_method=…`; nothing redirects on a bad one. */
export function describeAuthorizationRequest(query: URLSearchParams): AuthorizationRequest {
  try {
    const url = parseCallbackUrl(query.get("callback_url"));
    const challenge = query.get("code_challenge") ?? undefined;
    const method = query.get("code_challenge_method") ?? undefined;
    if (method && method !== "S256" && method !== "plain") return { ok: false, error: "code_challenge_method must be S256 or plain" };
    if (challenge && !/^[A-Za-z0-9._~-]{1,256}$/.test(challenge)) return { ok: false, error: "code_challenge is malformed" };
    return { ok: true, origin: url.origin, callbackUrl: url.toString(), codeChallenge: challenge, codeChallengeMethod: challenge ? ((method as "S256" | "plain") ?? "plain") : undefined };
  } catch (error) {
    return { ok: false, error: isGatewayError(error) ? error.message : "Invalid request" };
  }
}
