import type { Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { GatewayError, isGatewayError } from "@/lib/errors/gateway-error";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { reportCredentialFailure } from "./routing/credential-health";
import type { Attempt } from "./routing/plan-attempts";

const targetOf = (attempt: Attempt) => `${attempt.provider}\u0000${attempt.model}`;

/**
 * Runs attempts in order until one succeeds, within MAX_ATTEMPTS. Any failure of the upstream moves
 * on, as OpenRouter's fallbacks do: one another credential may fix (429, 5xx, timeouts, refused
 * credentials) also updates the credential's health; one of the model itself (400, 404) skips that
 * model's other credentials. Our own errors (a request we cannot send) are thrown at once.
 */
export async function tryAttempts<T>(
  caller: Caller,
  attempts: Attempt[],
  run: (attempt: Attempt) => Promise<T>,
  requestId?: string | null,
): Promise<{ attempt: Attempt; value: T }> {
  let lastError: GatewayError | undefined;
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
      if (error.retryable) reportCredentialFailure(caller.userId, attempt.credential, error);
      else refusedTargets.add(targetOf(attempt));
      lastError = error;
    }
  }
  throw lastError ?? new GatewayError(503, "service_unavailable", "No provider could take the request");
}
