import type { Caller } from "@/lib/auth/api-token";
import { env } from "@/lib/config/env";
import { GatewayError, isGatewayError } from "@/lib/errors/gateway-error";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { reportCredentialFailure } from "./routing/credential-health";
import type { Attempt } from "./routing/plan-attempts";

/**
 * Runs attempts in order until one succeeds, within MAX_ATTEMPTS. Only failures another credential
 * or model may fix (429, 5xx, timeouts, refused credentials) move on; they also update the
 * credential's health. Anything request-scoped is thrown at once.
 */
export async function tryAttempts<T>(
  caller: Caller,
  attempts: Attempt[],
  run: (attempt: Attempt) => Promise<T>,
  requestId?: string | null,
): Promise<{ attempt: Attempt; value: T }> {
  let lastError: GatewayError | undefined;
  const deadline = Date.now() + env().RETRY_BUDGET_MS;
  for (const attempt of attempts.slice(0, env().MAX_ATTEMPTS)) {
    // Retries stop once the budget is spent; the first attempt always runs.
    if (lastError && Date.now() > deadline) break;
    try {
      return { attempt, value: await run(attempt) };
    } catch (error) {
      if (isGatewayError(error) && error.metadata?.provider) {
        metrics().upstreamError(attempt.provider, error.type);
        log.warn("upstream attempt failed", { requestId, provider: attempt.provider, model: attempt.model, status: error.status, type: error.type, retryable: error.retryable, error: error.message });
      }
      if (!isGatewayError(error) || !error.retryable) throw error;
      reportCredentialFailure(caller.userId, attempt.credential, error);
      lastError = error;
    }
  }
  throw lastError ?? new GatewayError(503, "service_unavailable", "No provider could take the request");
}
