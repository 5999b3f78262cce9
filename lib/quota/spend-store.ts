import { rawQuery } from "@/lib/db/raw-query";
import { redis, redisKnownDown } from "@/lib/redis/client";

/**
 * Dollars spent per budget window, in millionths of a dollar, shared by every instance. An
 * addition carries the request's id: made once, however often it is retried after a lost answer.
 */
export interface SpendStore {
  read(key: string): Promise<number>;
  add(key: string, micros: number, requestId: string): Promise<void>;
}

// A request's ticket outlives any retry of its addition by far.
const TICKET_TTL_SECONDS = 24 * 3600;
const COUNTER_TTL_SECONDS = 10 * 366 * 86_400;

const REDIS_ADD = `
if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then
  redis.call('INCRBY', KEYS[1], ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
end
return 1`;

export function redisSpend(client: NonNullable<ReturnType<typeof redis>>): SpendStore {
  const ensureConnected = () => {
    if (redisKnownDown(client)) throw new Error(`Redis is unavailable (${client.status})`);
  };
  return {
    async read(key) {
      ensureConnected();
      return Number((await client.get(`spend:${key}`)) ?? 0);
    },
    async add(key, micros, requestId) {
      ensureConnected();
      await client.eval(REDIS_ADD, 2, `spend:${key}`, `spend:ticket:${requestId}:${key}`, micros, TICKET_TTL_SECONDS, COUNTER_TTL_SECONDS);
    },
  };
}

// The ticket and the addition in one statement: a retry finds the ticket and adds nothing.
const PG_ADD = `
WITH ticket AS (
  INSERT INTO "SpendTicket" ("requestId", "key") VALUES ($3, $1) ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO "SpendCounter" ("key", "micros", "updatedAt") SELECT $1, $2, CURRENT_TIMESTAMP FROM ticket
ON CONFLICT ("key") DO UPDATE SET "micros" = "SpendCounter"."micros" + EXCLUDED."micros", "updatedAt" = CURRENT_TIMESTAMP`;

const PURGE_EVERY_MS = 10 * 60_000;
let lastPurge = 0;

export const postgresSpend: SpendStore = {
  async read(key) {
    const [row] = await rawQuery<{ micros: string | number }>(`SELECT "micros" FROM "SpendCounter" WHERE "key" = $1`, [key]);
    return Number(row?.micros ?? 0);
  },
  async add(key, micros, requestId) {
    await rawQuery(PG_ADD, [key, micros, requestId]);
    if (Date.now() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = Date.now();
    await rawQuery(`DELETE FROM "SpendTicket" WHERE "createdAt" < CURRENT_TIMESTAMP - make_interval(secs => $1)`, [TICKET_TTL_SECONDS]);
  },
};

let redisStore: { client: NonNullable<ReturnType<typeof redis>>; store: SpendStore } | undefined;

/** In Redis when REDIS_URL is set (as the message counters), else in PostgreSQL. */
export function spendStore(): SpendStore {
  const client = redis();
  if (!client) return postgresSpend;
  if (redisStore?.client !== client) redisStore = { client, store: redisSpend(client) };
  return redisStore.store;
}
