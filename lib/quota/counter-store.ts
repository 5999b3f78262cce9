import { redisKnownDown } from "@/lib/redis/client";
import { leasedCounters, type LeasedCounterOptions } from "./leased-counters";
import { postgresLeaseStatements } from "./lease-statements";

/**
 * Message counters, exact under concurrency: an increment happens only while below the limit, so
 * 100 simultaneous requests with 40 left admit exactly 40. What is taken leaves a ticket in the
 * same step (per request in Redis, per lease in PostgreSQL), so a refund gives back exactly what
 * was taken, once, even when it is retried after a lost connection or an answer never arrived.
 */
export interface CounterStore {
  /** Adds one if the counter is below `limit`, with the request's ticket; returns whether it did. */
  tryIncrement(key: string, limit: number, requestId: string): Promise<boolean>;
  /** Takes the request's message back if (and only if) its ticket is still there. */
  refund(key: string, requestId: string): Promise<void>;
  /** Forgets the tickets of requests whose messages are kept for good. */
  settle(requestIds: string[]): Promise<void>;
  read(key: string): Promise<number>;
  /** At shutdown: gives back what this instance took ahead of requests (PostgreSQL leases). */
  release?(): Promise<void>;
}

/** Counters in PostgreSQL: per-instance leases (leased-counters) over ticketed statements. */
export function createPostgresCounters(options?: LeasedCounterOptions): CounterStore {
  return leasedCounters(postgresLeaseStatements(), options);
}

// One per process, on globalThis: the API server and Next.js's bundles each load this module, and
// the dashboard's counts must subtract the leases the API holds.
const SLOT = Symbol.for("oauthrouter.postgresCounters");
type GlobalWithCounters = typeof globalThis & { [SLOT]?: CounterStore };
export const postgresCounters: CounterStore = ((globalThis as GlobalWithCounters)[SLOT] ??= createPostgresCounters());

// Atomic in Redis: increment only while below the limit, and note the ticket.
const TRY_INCREMENT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1`;

const REFUND = `
if redis.call('SREM', KEYS[2], ARGV[1]) == 1 and tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 1`;

// Counters outlive their window by a margin; a never-resetting one gets ten years.
const TTL_SECONDS = 10 * 366 * 86_400;
// A ticket outlives any request by far; one left by a crash goes after a day.
const TICKET_TTL_SECONDS = 24 * 3600;
const ticketKey = (requestId: string) => `quota:ticket:${requestId}`;

// A connection known lost fails at once instead of queueing the command until the next reconnect.
function ensureConnected(client: import("ioredis").default): void {
  if (redisKnownDown(client)) throw new Error(`Redis is unavailable (${client.status})`);
}

export function redisCounters(client: import("ioredis").default): CounterStore {
  return {
    async tryIncrement(key, limit, requestId) {
      if (limit <= 0) return false;
      ensureConnected(client);
      return (await client.eval(TRY_INCREMENT, 2, `quota:${key}`, ticketKey(requestId), limit, TTL_SECONDS, key, TICKET_TTL_SECONDS)) === 1;
    },
    async refund(key, requestId) {
      ensureConnected(client);
      await client.eval(REFUND, 2, `quota:${key}`, ticketKey(requestId), key);
    },
    async settle(requestIds) {
      if (requestIds.length) await client.unlink(...requestIds.map(ticketKey));
    },
    async read(key) {
      return Number((await client.get(`quota:${key}`)) ?? 0);
    },
  };
}
