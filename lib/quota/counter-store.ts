import { db } from "@/lib/db";
import { rawQuery } from "@/lib/db/raw-query";

/**
 * Message counters, exact under concurrency: one statement increments only while below the
 * limit, so 100 simultaneous requests with 40 left admit exactly 40.
 */
export interface CounterStore {
  /** Adds one if the counter is below `limit`; returns whether it did. */
  tryIncrement(key: string, limit: number): Promise<boolean>;
  decrement(key: string): Promise<void>;
  read(key: string): Promise<number>;
}

export const postgresCounters: CounterStore = {
  async tryIncrement(key, limit) {
    if (limit <= 0) return false;
    const rows = await rawQuery<{ used: number }>(
      `INSERT INTO "QuotaCounter" ("key", "used", "updatedAt") VALUES ($1, 1, CURRENT_TIMESTAMP)
       ON CONFLICT ("key") DO UPDATE SET "used" = "QuotaCounter"."used" + 1, "updatedAt" = CURRENT_TIMESTAMP
       WHERE "QuotaCounter"."used" < $2
       RETURNING "used"`,
      [key, limit],
    );
    return rows.length === 1;
  },
  async decrement(key) {
    await rawQuery(`UPDATE "QuotaCounter" SET "used" = GREATEST("used" - 1, 0), "updatedAt" = CURRENT_TIMESTAMP WHERE "key" = $1`, [key]);
  },
  async read(key) {
    const prisma = await db();
    const row = await prisma.quotaCounter.findUnique({ where: { key } });
    return row?.used ?? 0;
  },
};

// Atomic in Redis: increment only while below the limit.
const TRY_INCREMENT = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if used >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

// Counters outlive their window by a margin; a never-resetting one gets ten years.
const TTL_SECONDS = 10 * 366 * 86_400;

export function redisCounters(client: import("ioredis").default): CounterStore {
  return {
    async tryIncrement(key, limit) {
      if (limit <= 0) return false;
      return (await client.eval(TRY_INCREMENT, 1, `quota:${key}`, limit, TTL_SECONDS)) === 1;
    },
    async decrement(key) {
      await client.eval(`if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end`, 1, `quota:${key}`);
    },
    async read(key) {
      return Number((await client.get(`quota:${key}`)) ?? 0);
    },
  };
}
