import type { Caller } from "@/lib/auth/api-token";
import { GatewayError } from "@/lib/errors/gateway-error";
import { errorReason, log } from "@/lib/observability/logger";
import { tokenWindow } from "./periods";
import { refundWithRetry } from "./refund-queue";
import { spendStore, type SpendStore } from "./spend-store";

export const MICROS_PER_USD = 1_000_000;

/** The counter a token's budget window spends from. */
export const spendKey = (tokenId: string, windowKey: string) => `token:${tokenId}:${windowKey}`;

/** "$5.00", or to the millionth when not whole cents ("$0.001234"). */
export function formatUsd(micros: number): string {
  const usd = micros / MICROS_PER_USD;
  return `$${micros % 10_000 === 0 ? usd.toFixed(2) : usd.toFixed(6).replace(/0+$/, "")}`;
}

const PERIOD_NAME = { daily: "per day", weekly: "per week", monthly: "per month", never: "in total" } as const;

/**
 * A budget is checked when a request starts, since its cost is known only once the answer is in:
 * a request starts past the budget when the spend already recorded in the window (the summed cost
 * of finished requests) is at or over it. Requests already running when it is crossed finish.
 */
export async function admitSpend(caller: Pick<Caller, "tokenId" | "limitUsd" | "limitUsdReset">, now = new Date(), store: SpendStore = spendStore()): Promise<void> {
  if (caller.limitUsd === null) return;
  const window = tokenWindow(caller.limitUsdReset, now);
  const budget = Math.round(caller.limitUsd * MICROS_PER_USD);
  let spent: number;
  try {
    spent = await store.read(spendKey(caller.tokenId, window.key));
  } catch (error) {
    log.error("spend counters unavailable", { error: errorReason(error) });
    throw new GatewayError(503, "service_unavailable", "This token's budget cannot be checked right now; please retry shortly", { retryable: false, retryAfterMs: 2_000 });
  }
  if (spent < budget) return;
  const when = window.resetsAt ? `; it resets at ${window.resetsAt.toISOString()}` : " (it does not reset)";
  throw new GatewayError(429, "rate_limit_error", `This token's budget of ${formatUsd(budget)} ${PERIOD_NAME[caller.limitUsdReset]} is spent (${formatUsd(spent)} used)${when}`, {
    code: "budget_exceeded",
    metadata: { limit_usd: caller.limitUsd, usage_usd: spent / MICROS_PER_USD, resets_at: window.resetsAt?.toISOString() ?? null },
    retryAfterMs: window.resetsAt ? window.resetsAt.getTime() - now.getTime() : undefined,
  });
}

/**
 * Adds a finished request's cost to the window it started in. Resolves once stored, so the
 * caller's next request sees it; a store that is away is retried in the background.
 */
export function recordSpend(caller: Pick<Caller, "tokenId" | "limitUsd" | "limitUsdReset">, requestId: string, micros: number, startedAt: Date, store: SpendStore = spendStore()): Promise<void> {
  if (caller.limitUsd === null || micros <= 0) return Promise.resolve();
  const key = spendKey(caller.tokenId, tokenWindow(caller.limitUsdReset, startedAt).key);
  return refundWithRetry(() => store.add(key, micros, requestId));
}
