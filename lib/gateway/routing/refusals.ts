import { invalidate } from "@/lib/cache/invalidation";
import { rawQuery } from "@/lib/db/raw-query";
import { upstreamMessage, type GatewayError } from "@/lib/errors/gateway-error";
import { errorReason, log } from "@/lib/observability/logger";
import { checksItself, nextCheckAt, refusedStatus } from "@/lib/services/credentials/out-of-service";
import type { UsableCredential } from "./user-credentials";

/** Refusals within REFUSAL_WINDOW_MS that take a credential out of service. */
export const REFUSALS_TO_REMOVE = 3;
export const REFUSAL_WINDOW_MS = 10 * 60_000;

// The providers' own words for "this key is invalid or revoked": OpenAI-dialect `code`s, Anthropic's
// `authentication_error` type, Google's ErrorInfo reasons. Any of them takes the credential out at once.
const KEY_INVALID = new Set(["invalid_api_key", "account_deactivated", "authentication_error", "API_KEY_INVALID", "API_KEY_EXPIRED"]);

/** Whether a provider's refusal says the key itself is invalid or revoked, not just this request refused. */
export function saysKeyInvalid(error: GatewayError): boolean {
  if (error.code !== "upstream_auth") return false;
  const { upstream_code: code, upstream_type: type } = error.metadata ?? {};
  return KEY_INVALID.has(String(code)) || KEY_INVALID.has(String(type));
}

// One statement, so refusals counted by several instances at once all count. SET sees the row as
// it was: COUNT is the count after this refusal, OUT whether it takes the credential out.
const COUNT = `(CASE WHEN "refusalsSince" > $3::timestamptz AT TIME ZONE 'UTC' THEN "refusals" + 1 ELSE 1 END)`;
const OUT = `($5::boolean OR ${COUNT} >= $6::int)`;
const REFUSAL_SQL = `
UPDATE "ProviderCredential" SET
  "refusals" = ${COUNT},
  "refusalsSince" = CASE WHEN "refusalsSince" > $3::timestamptz AT TIME ZONE 'UTC' THEN "refusalsSince" ELSE $2::timestamptz AT TIME ZONE 'UTC' END,
  "lastError" = $4, "lastErrorAt" = $2::timestamptz AT TIME ZONE 'UTC',
  "status" = CASE WHEN ${OUT} THEN $7::"CredentialStatus" ELSE "status" END,
  "nextCheckAt" = CASE WHEN ${OUT} THEN $8::timestamptz AT TIME ZONE 'UTC' ELSE "nextCheckAt" END,
  "failedChecks" = CASE WHEN ${OUT} THEN 0 ELSE "failedChecks" END
WHERE "id" = $1 AND "status" = 'active'
RETURNING "status"::text AS "status"`;

const RESET_SQL = `UPDATE "ProviderCredential" SET "refusals" = 0, "refusalsSince" = NULL WHERE "id" = $1 AND "refusals" > 0`;

// Credentials this instance counted a refusal for: their next success clears the count.
const refusedHere = new Set<string>();

/**
 * Counts a provider's 401/403 against the credential: out of service at once when the provider
 * says the key is invalid or revoked, else after REFUSALS_TO_REMOVE refusals within the window.
 * Taken out, it is re-checked in the background (when it has a cheap check).
 */
export async function recordRefusal(userId: string, credential: UsableCredential, error: GatewayError, now = new Date()): Promise<void> {
  const status = refusedStatus(credential.kind, error.metadata?.status);
  const retryAt = checksItself(credential) ? nextCheckAt(0, now) : null;
  const lastError = upstreamMessage(error).slice(0, 500);
  const windowStart = new Date(now.getTime() - REFUSAL_WINDOW_MS);
  try {
    refusedHere.add(credential.id);
    const params = [credential.id, now, windowStart, lastError, saysKeyInvalid(error), REFUSALS_TO_REMOVE, status, retryAt];
    const [row] = await rawQuery<{ status: string }>(REFUSAL_SQL, params);
    if (!row || row.status === "active") return;
    refusedHere.delete(credential.id);
    log.info("credential out of service after its provider refused it", { credentialId: credential.id, provider: credential.provider, status: row.status, nextCheckAt: retryAt });
    invalidate({ kind: "credentials", userId });
  } catch (failure) {
    log.warn("could not record a credential's refusal", { credentialId: credential.id, error: errorReason(failure) });
  }
}

/** A success after refusals counted here: the count starts again (off the response path). */
export function clearRefusals(credentialId: string): void {
  if (!refusedHere.delete(credentialId)) return;
  void rawQuery(RESET_SQL, [credentialId]).catch((failure) => log.warn("could not clear a credential's refusals", { credentialId, error: errorReason(failure) }));
}
