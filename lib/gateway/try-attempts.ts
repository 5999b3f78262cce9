import type { Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { GatewayError, isGatewayError, upstreamMessage } from "@/lib/errors/gateway-error";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { checksItself, nextCheckAt } from "@/lib/services/credentials/out-of-service";
import { reportCredentialFailure } from "./routing/credential-health";
import type { Attempt } from "./routing/plan-attempts";
import { credentialsRefused, type RefusedCredential } from "./routing/refused-credentials";
import { saysKeyInvalid } from "./routing/refusals";

/** A stored credential whose provider just said its key is invalid or revoked; else null. */
function revoked(attempt: Attempt, error: GatewayError): RefusedCredential | null {
  const { credential } = attempt;
  if (credential.ephemeral || !saysKeyInvalid(error)) return null;
  const now = new Date();
  const reason = upstreamMessage(error);
  return { provider: credential.provider, label: credential.label, last4: credential.secret.slice(-4), refusedAt: now, reason, nextCheckAt: checksItself(credential) ? nextCheckAt(0, now) : null };
}

const targetOf = (attempt: Attempt) => `${attempt.provider}\u0000${attempt.model}`;

/**
 * Runs attempts in order until one succeeds, within MAX_ATTEMPTS. Any failure of the upstream moves
 * on, as OpenRouter's fallbacks do: one another credential may fix (429, 5xx, timeouts, refused
 * credentials) also updates the credential's health; one of the model itself (400, 404) skips that
 * model's other credentials. Our own errors (a request we cannot send) are thrown at once. When
 * every attempt's provider said its key is invalid, the error names those credentials.
 */
export async function tryAttempts<T>(
  caller: Caller,
  attempts: Attempt[],
  run: (attempt: Attempt) => Promise<T>,
  requestId?: string | null,
): Promise<{ attempt: Attempt; value: T }> {
  let lastError: GatewayError | undefined;
  // By credential: fallback models may go through the same one.
  const refused = new Map<string, RefusedCredential>();
  let refusedAttempts = 0;
  const deadline = Date.now() + env().RETRY_BUDGET_MS;
  const refusedTargets = new Set<string>();
  let tried = 0;
  for (const attempt of attempts) {
    // Retries stop once the budget is spent; the first attempt always runs.
    if (tried >= env().MAX_ATTEMPTS || (lastError && Date.now() > deadline)) break;
    if (refusedTargets.has(targetOf(attempt))) continue;
    tried += 1;
    try {
      return { attempt, value: await run(attempt) };
    } catch (error) {
      if (!isGatewayError(error) || !error.metadata?.provider) throw error;
      metrics().upstreamError(attempt.provider, error.type);
      log.warn("upstream attempt failed", { requestId, provider: attempt.provider, model: attempt.model, status: error.status, type: error.type, retryable: error.retryable, error: error.message });
      if (error.retryable) {
        reportCredentialFailure(caller.userId, attempt.credential, error);
        const refusal = revoked(attempt, error);
        if (refusal) {
          refusedAttempts += 1;
          refused.set(attempt.credential.id, refusal);
        }
      } else refusedTargets.add(targetOf(attempt));
      lastError = error;
    }
  }
  if (refusedAttempts > 0 && refusedAttempts === tried) throw credentialsRefused([...refused.values()]);
  throw lastError ?? new GatewayError(503, "service_unavailable", "No provider could take the request");
}
