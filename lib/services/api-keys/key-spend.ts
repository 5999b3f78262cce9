import { rawQuery } from "@/lib/db/raw-query";

/** What a key spent at its providers, in millionths of a dollar (OpenRouter's usage, usage_daily…). */
export interface KeySpend {
  total: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const NO_SPEND: KeySpend = { total: 0, daily: 0, weekly: 0, monthly: 0 };

// UTC day, ISO week (from Monday) and month, as message limits count them.
const SPEND_SQL = `
SELECT "tokenId",
       coalesce(sum("costMicros"), 0)::float8 AS total,
       coalesce(sum("costMicros") FILTER (WHERE "createdAt" >= date_trunc('day', $2::timestamp)), 0)::float8 AS daily,
       coalesce(sum("costMicros") FILTER (WHERE "createdAt" >= date_trunc('week', $2::timestamp)), 0)::float8 AS weekly,
       coalesce(sum("costMicros") FILTER (WHERE "createdAt" >= date_trunc('month', $2::timestamp)), 0)::float8 AS monthly
FROM "UsageEvent" WHERE "tokenId" = ANY($1::text[]) GROUP BY "tokenId"`;

/** Spend per key from its usage rows (requests whose price is unknown add nothing). */
export async function keySpend(tokenIds: string[], now = new Date()): Promise<Map<string, KeySpend>> {
  if (tokenIds.length === 0) return new Map();
  const rows = await rawQuery<{ tokenId: string } & KeySpend>(SPEND_SQL, [tokenIds, now.toISOString().replace("Z", "")]);
  return new Map(rows.map((row) => [row.tokenId, { total: Number(row.total), daily: Number(row.daily), weekly: Number(row.weekly), monthly: Number(row.monthly) }]));
}
