import type { Caller } from "@/lib/auth/api-token";
import { GatewayError } from "@/lib/errors/gateway-error";
import { redis } from "@/lib/redis/client";
import { postgresCounters, redisCounters, type CounterStore } from "./counter-store";
import { monthKey, nextMonthStart, tokenWindow } from "./periods";
import { monthlyMessageLimit } from "./plans";

/** A message taken from the caller's limits; give it back if the request fails before any output. */
export interface MessageTicket {
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

let redisStore: CounterStore | undefined;

/** Counters in Redis when REDIS_URL is set (shared by every instance), else in PostgreSQL. */
export function counterStore(): CounterStore {
  const client = redis();
  if (!client) return postgresCounters;
  redisStore ??= redisCounters(client);
  return redisStore;
}

/** Takes one message from the token's own limit (if any) and the account's monthly plan limit. */
export async function admitMessage(caller: Caller, now = new Date(), store: CounterStore = counterStore()): Promise<MessageTicket> {
  try {
    return await takeMessage(caller, now, store);
  } catch (error) {
    if (error instanceof GatewayError) throw error;
    console.error("[oauthrouter] message counters unavailable:", (error as Error).message);
    throw new GatewayError(503, "service_unavailable", "Message limits cannot be checked right now; please retry shortly", { retryable: false, retryAfterMs: 2_000 });
  }
}

const NOTHING_TAKEN: MessageTicket = { refund: async () => undefined };

async function takeMessage(caller: Caller, now: Date, store: CounterStore): Promise<MessageTicket> {
  // Unlimited plan, no token limit: nothing to enforce, so no counter on the request path.
  // Messages used are still on record, one usage row per request.
  if (caller.limit === null && monthlyMessageLimit(caller.plan, caller.bonusMessages) === null) return NOTHING_TAKEN;
  const taken: string[] = [];
  const refund = async () => {
    await Promise.all(taken.splice(0).map((key) => store.decrement(key)));
  };
  if (caller.limit !== null) {
    const window = tokenWindow(caller.limitReset, now);
    const key = `token:${caller.tokenId}:${window.key}`;
    if (!(await store.tryIncrement(key, caller.limit))) {
      const when = window.resetsAt ? `; it resets at ${window.resetsAt.toISOString()}` : " (it does not reset)";
      throw limitError(`This token's limit of ${caller.limit} messages is used up${when}`, window.resetsAt, now);
    }
    taken.push(key);
  }
  const monthly = monthlyMessageLimit(caller.plan, caller.bonusMessages);
  if (monthly !== null) {
    const key = userMonthKey(caller.userId, now);
    if (!(await store.tryIncrement(key, monthly))) {
      await refund();
      const resetsAt = nextMonthStart(now);
      throw limitError(
        `Monthly message limit of ${monthly} reached on the ${caller.plan} plan; it resets at ${resetsAt.toISOString()}. Upgrade your plan for more.`,
        resetsAt,
        now,
      );
    }
    taken.push(key);
  }
  return { refund };
}
