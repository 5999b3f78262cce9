import { isGatewayError, upstreamMessage } from "@/lib/errors/gateway-error";
import { requestModelList, type ModelListTarget } from "@/lib/gateway/models/provider-models";
import { getProvider } from "@/lib/providers/registry";
import { enforceRateLimit } from "@/lib/security/rate-limit";

/** What asking the provider about a credential showed, before it is saved or when checked again. */
export type CredentialCheck =
  | { result: "verified" }
  /** The provider refused it (401/403): `message` is the provider's own words. */
  | { result: "refused"; status: number; message: string }
  /** Could not tell; `note` says why, for the credential's row. */
  | { result: "unverified"; note: string };

export const CHECK_TIMEOUT_MS = 8_000;
export const CHECKS_PER_HOUR = 30;

/** Checks per account are limited: Providers must not become a way to test lists of leaked keys. */
export function limitChecks(userId: string): Promise<void> {
  return enforceRateLimit("credential check", userId, CHECKS_PER_HOUR, 60 * 60_000);
}

/** Credentials with no cheap, side-effect-free way to ask the provider; null when there is one. */
export function noCheapCheck(target: Pick<ModelListTarget, "provider" | "kind">): string | null {
  const name = getProvider(target.provider)?.name ?? target.provider;
  if (target.kind === "oauth_token") {
    return `Not verified: subscription (OAuth) tokens are not tried before saving; the first request through it shows whether ${name} accepts it.`;
  }
  if (target.provider === "custom") {
    return "Not verified: custom endpoints have no standard check; the first request through it shows whether the endpoint accepts it.";
  }
  return null;
}

// Google answers a bad API key with 400 INVALID_ARGUMENT rather than 401.
const GOOGLE_BAD_KEY = /API key not valid/i;

function fromFailure(error: unknown, name: string, timeoutMs: number): CredentialCheck {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return { result: "unverified", note: `Not verified: ${name} did not answer within ${Math.round(timeoutMs / 1000)} s.` };
  }
  if (!isGatewayError(error)) throw error;
  const status = error.metadata?.status;
  const raw = upstreamMessage(error);
  if (status === 401 || status === 403 || (status === 400 && GOOGLE_BAD_KEY.test(raw))) return { result: "refused", status, message: raw };
  if (status === 429) return { result: "unverified", note: `Not verified: ${name} is rate-limiting this credential right now (${raw}).` };
  if (status === 404 || status === 405) return { result: "unverified", note: `Not verified: ${name} has no model listing at this address to check against.` };
  if (typeof status === "number") return { result: "unverified", note: `Not verified: ${name} answered ${status} (${raw}).` };
  // Network failures and timeouts name the provider by id: "openai could not be reached (ENOTFOUND)".
  const message = error.metadata?.provider ? error.message.replace(/^\S+/, name) : error.message;
  return { result: "unverified", note: `Not verified: ${message}.` };
}

/**
 * Asks the provider whether it accepts the credential with the cheapest authenticated call there
 * is, listing models through the provider's adapter. Never throws for what the provider says.
 */
export async function checkCredential(target: ModelListTarget, timeoutMs = CHECK_TIMEOUT_MS): Promise<CredentialCheck> {
  const skipped = noCheapCheck(target);
  if (skipped) return { result: "unverified", note: skipped };
  const name = getProvider(target.provider)?.name ?? target.provider;
  try {
    const listed = await requestModelList(target, AbortSignal.timeout(timeoutMs));
    if (listed === null) return { result: "unverified", note: `Not verified: ${name} has no model listing to check against.` };
    return { result: "verified" };
  } catch (error) {
    return fromFailure(error, name, timeoutMs);
  }
}
