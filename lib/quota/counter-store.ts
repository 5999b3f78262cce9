import { db } from "@/lib/db";
import { rawQuery } from "@/lib/db/raw-query";
import { redisKnownDown } from "@/lib/redis/client";
import { batchedIncrements } from "./batched-increments";

/**
 * Message counters, exact under concurrency: one statement increments only while below the
 * limit, so 100 simultaneous requests with 40 left admit exactly 40. Each increment leaves a
 * ticket (request id + key) in the same statement, so a refund gives back exactly what was taken,
 * once, even when it is retried after a lost connection or the increment's answer never arrived.
 */
export interface CounterStore {
  /** Adds one if the counter is below `limit`, with the request's ticket; returns whether it did. */
  tryIncrement(key: string, limit: number, requestId: string): Promise<boolean>;
  /** Takes the request's message back if (and only if) its ticket is still there. */
  refund(key: string, requestId: string): Promise<void>;
  /** Forgets the tickets of requests whose messages are kept for good. */
  settle(requestIds: string[]): Promise<void>;
  read(key: string): Promise<number>;
}

// Tickets not settled (a crash between admission and the usage row) go after a day.
const STALE_TICKET_HOURS = 24;
const PURGE_EVERY_MS = 10 * 60_000;
let lastPurge = 0;

// Several requests at once: takes what fits of `requestIds` (in order) under the row lock, with their tickets, in one
// statement. `locked` reads the counter's latest value under FOR UPDATE; the UPDATE then adds to
// that same value, since no one else can change the row while this statement holds its lock.
// No row yet: nothing is taken and the caller creates it.
const TAKE_MANY = `
WITH locked AS (SELECT "used" FROM "QuotaCounter" WHERE "key" = $1 FOR UPDATE),
     fits AS (SELECT LEAST(cardinality($3::text[]), GREATEST($2 - "used", 0))::int AS n FROM locked),
     bumped AS (
       UPDATE "QuotaCounter" SET "used" = "used" + (SELECT n FROM fits), "updatedAt" = CURRENT_TIMESTAMP
       WHERE "key" = $1 AND (SELECT n FROM fits) > 0 RETURNING 1),
     tickets AS (
       INSERT INTO "QuotaTicket" ("requestId", "key")
       SELECT id, $1 FROM unnest($3::text[]) WITH ORDINALITY AS requested(id, position)
       WHERE position <= (SELECT n FROM fits) RETURNING 1)
SELECT (SELECT n FROM fits) AS taken, (SELECT count(*) FROM bumped)::int AS bumped, (SELECT count(*) FROM tickets)::int AS ticketed`;

// One request alone (the common case when a counter is not contended): a cheaper statement that
// increments only while below the limit, with the ticket.
const TAKE_ONE = `
WITH counted AS (
  INSERT INTO "QuotaCounter" ("key", "used", "updatedAt") VALUES ($1, 1, CURRENT_TIMESTAMP)
  ON CONFLICT ("key") DO UPDATE SET "used" = "QuotaCounter"."used" + 1, "updatedAt" = CURRENT_TIMESTAMP
  WHERE "QuotaCounter"."used" < $2
  RETURNING "key")
INSERT INTO "QuotaTicket" ("requestId", "key") SELECT $3, "key" FROM counted RETURNING 1 AS taken`;

/** Takes what fits of `requestIds`, in order, in one statement; resolves to how many it took. */
export async function takeMessages(key: string, limit: number, requestIds: string[]): Promise<number> {
  if (limit <= 0) return 0;
  if (requestIds.length === 1) return (await rawQuery(TAKE_ONE, [key, limit, requestIds[0]])).length;
  for (;;) {
    const [row] = await rawQuery<{ taken: number | null; bumped: number; ticketed: number }>(TAKE_MANY, [key, limit, requestIds]);
    if (row.taken !== null) {
      if (row.taken > 0 && (row.bumped !== 1 || row.ticketed !== row.taken)) throw new Error(`message counter ${key} did not take ${row.taken} as planned`);
      return row.taken;
    }
    await rawQuery(`INSERT INTO "QuotaCounter" ("key", "used", "updatedAt") VALUES ($1, 0, CURRENT_TIMESTAMP) ON CONFLICT ("key") DO NOTHING`, [key]);
  }
}

/** A store whose increments from this process are batched per counter (see batched-increments). */
export function createPostgresCounters(): CounterStore {
  const tryIncrement = batchedIncrements(takeMessages);
  return {
    tryIncrement,
    async refund(key, requestId) {
      await rawQuery(
        `WITH returned AS (DELETE FROM "QuotaTicket" WHERE "requestId" = $1 AND "key" = $2 RETURNING "key")
         UPDATE "QuotaCounter" SET "used" = GREATEST("used" - 1, 0), "updatedAt" = CURRENT_TIMESTAMP
         WHERE "key" IN (SELECT "key" FROM returned)`,
        [requestId, key],
      );
    },
    async settle(requestIds) {
      if (requestIds.length) await rawQuery(`DELETE FROM "QuotaTicket" WHERE "requestId" = ANY($1::text[])`, [requestIds]);
      if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
      lastPurge = Date.now();
      await rawQuery(`DELETE FROM "QuotaTicket" WHERE "createdAt" < CURRENT_TIMESTAMP - make_interval(hours => $1)`, [STALE_TICKET_HOURS]);
    },
    async read(key) {
      const prisma = await db();
      const row = await prisma.quotaCounter.findUnique({ where: { key } });
      return row?.used ?? 0;
    },
  };
}

export const postgresCounters = createPostgresCounters();

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
const TICKET_TTL_SECONDS = STALE_TICKET_HOURS * 3600;
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
