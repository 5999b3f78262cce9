import type { Caller } from "@/lib/auth/api-token";
import { GatewayError } from "@/lib/errors/gateway-error";
import { errorReason, log } from "@/lib/observability/logger";
import { redis } from "@/lib/redis/client";
import { postgresCounters, redisCounters, type CounterStore } from "./counter-store";
import { monthKey, nextMonthStart, tokenWindow } from "./periods";
import { monthlyMessageLimit } from "./plans";
import { refundWithRetry } from "./refund-queue";

/** A message taken from the caller's limits; give it back if the request fails before any output. */
export interface MessageTicket {
  /** Never rejects: a refund the store cannot take now is retried in the background. */
  refund(): Promise<void>;
}

export const userMonthKey = (userId: string, now: Date) => `user:${userId}:${monthKey(now)}`;

function limitError(message: string, resetsAt: Date | null, now: Date): GatewayError {
  const retryAfterMs = resetsAt ? resetsAt.getTime() - now.getTime() : undefined;
  return new GatewayError(429, "rate_limit_error", message, {
    code: "message_limit",
    metadata: { resets_at: resetsAt?.toISOString() ?? null },
    retryAfterMs,
  });
}

let redisStore: { client: NonNullable<ReturnType<typeof redis>>; store: CounterStore } | undefined;

/** Counters in Redis when REDIS_URL is set (shared by every instance), else in PostgreSQL. */
export function counterStore(): CounterStore {
  const client = redis();
  if (!client) return postgresCounters;
  if (redisStore?.client !== client) redisStore = { client, store: redisCounters(client) };
  return redisStore.store;
}

/** Forgets the tickets of requests whose usage rows are written (their messages are kept). */
export function settleTickets(requestIds: string[]): Promise<void> {
  return counterStore().settle(requestIds);
}

/** At shutdown, after the last usage rows are written: gives back messages taken ahead of requests. */
export async function releaseCounters(): Promise<void> {
  await counterStore().release?.();
}

const NOTHING_TAKEN: MessageTicket = { refund: async () => undefined };

/**
 * Takes one message from the token's own limit (if any) and the account's monthly plan limit, as
 * request `requestId`. If the store fails midway, whatever may have been taken is given back.
 */
export async function admitMessage(caller: Caller, requestId: string, now = new Date(), store: CounterStore = counterStore()): Promise<MessageTicket> {
  // Unlimited plan, no token limit: nothing to enforce, so no counter on the request path.
  // Messages used are still on record, one usage row per request.
  const monthly = monthlyMessageLimit(caller.plan, caller.bonusMessages);
  if (caller.limit === null && monthly === null) return NOTHING_TAKEN;
  const tried: string[] = [];
  const refund = () => Promise.all(tried.splice(0).map((key) => refundWithRetry(() => store.refund(key, requestId)))).then(() => undefined);
  try {
    if (caller.limit !== null) {
      const window = tokenWindow(caller.limitReset, now);
      const key = `token:${caller.tokenId}:${window.key}`;
      tried.push(key);
      if (!(await store.tryIncrement(key, caller.limit, requestId))) {
        tried.pop();
        const when = window.resetsAt ? `; it resets at ${window.resetsAt.toISOString()}` : " (it does not reset)";
        throw limitError(`This token's limit of ${caller.limit} messages is used up${when}`, window.resetsAt, now);
      }
    }
    if (monthly !== null) {
      const key = userMonthKey(caller.userId, now);
      tried.push(key);
      if (!(await store.tryIncrement(key, monthly, requestId))) {
        tried.pop();
        const resetsAt = nextMonthStart(now);
        throw limitError(
          `Monthly message limit of ${monthly} reached on the ${caller.plan} plan; it resets at ${resetsAt.toISOString()}. Upgrade your plan for more.`,
          resetsAt,
          now,
        );
      }
    }
    return { refund };
  } catch (error) {
    if (error instanceof GatewayError) {
      await refund();
      throw error;
    }
    // A failed statement may still have counted (its answer lost): the ticket makes giving back safe.
    void refund();
    log.error("message counters unavailable", { error: errorReason(error) });
    throw new GatewayError(503, "service_unavailable", "Message limits cannot be checked right now; please retry shortly", { retryable: false, retryAfterMs: 2_000 });
  }
}
