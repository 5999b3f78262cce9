import { rawQuery } from "@/lib/db/raw-query";
import { messagesUsedThisMonth } from "@/lib/quota/messages-used";
import { nextMonthStart } from "@/lib/quota/periods";
import { monthlyMessageLimit } from "@/lib/quota/plans";
import { usageWhere, type UsageFilters, type UsageWhere } from "./usage-filter";

export type { UsageFilters } from "./usage-filter";

export interface DailyUsage {
  day: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
  /** Millionths of a dollar. */
  spend: number;
}

export interface Breakdown {
  name: string;
  requests: number;
  tokens: number;
  spend: number;
  /** Answered requests whose model has no known price: their cost is not in `spend`. */
  unpriced: number;
}

const AGGREGATES = `count(*)::int AS requests, coalesce(sum(e."totalTokens"), 0)::float8 AS tokens,
  coalesce(sum(e."costMicros"), 0)::float8 AS spend, count(*) FILTER (WHERE e."costMicros" IS NULL)::int AS unpriced`;

// The app is its X-Title, else its referer's host; the key is its name at the time of asking.
const GROUPS = {
  model: `e."model"`,
  provider: `coalesce(e."provider", 'not sent')`,
  key: `coalesce(t."name", 'deleted key')`,
  app: `coalesce(e."appTitle", substring(e."appReferer" from '^[a-z]+://([^/]+)'), e."appReferer", 'no app')`,
} as const;

export const FROM = `FROM "UsageEvent" e LEFT JOIN "ApiToken" t ON t."id" = e."tokenId"`;

// Sums come back as numbers, or as text from drivers that keep 64-bit values exact.
const numbers = <T extends object>(row: T): T =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" && k !== "name" && k !== "day" ? Number(v) : v])) as T;

async function daily(where: UsageWhere, filters: UsageFilters): Promise<DailyUsage[]> {
  const tz = `$${where.params.length + 1}`;
  const rows = await rawQuery<DailyUsage>(
    `SELECT to_char((e."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, count(*)::int AS requests,
            count(*) FILTER (WHERE e."status" >= 400)::int AS errors, coalesce(sum(e."promptTokens"), 0)::float8 AS "promptTokens",
            coalesce(sum(e."completionTokens"), 0)::float8 AS "completionTokens", coalesce(sum(e."costMicros"), 0)::float8 AS spend
     ${FROM} WHERE ${where.sql} GROUP BY 1`,
    [...where.params, filters.range.timeZone],
  );
  const byDay = new Map(rows.map((row) => [row.day, numbers(row)]));
  return filters.range.days.map((day) => byDay.get(day) ?? { day, requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, spend: 0 });
}

async function breakdown(where: UsageWhere, group: keyof typeof GROUPS): Promise<Breakdown[]> {
  const rows = await rawQuery<Breakdown>(
    `SELECT ${GROUPS[group]} AS name, ${AGGREGATES} ${FROM} WHERE ${where.sql} GROUP BY 1 ORDER BY spend DESC, requests DESC, name LIMIT 12`,
    where.params,
  );
  return rows.map(numbers);
}

async function totals(where: UsageWhere) {
  const [row] = await rawQuery<Omit<Breakdown, "name"> & { errors: number }>(
    `SELECT ${AGGREGATES}, count(*) FILTER (WHERE e."status" >= 400)::int AS errors ${FROM} WHERE ${where.sql}`,
    where.params,
  );
  return numbers(row);
}

async function percentiles(where: UsageWhere) {
  const [row] = await rawQuery<{ p50: number | null; p95: number | null; t50: number | null; t95: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e."latencyMs") AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY e."latencyMs") AS p95,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY e."ttftMs") AS t50, percentile_cont(0.95) WITHIN GROUP (ORDER BY e."ttftMs") AS t95
     ${FROM} WHERE ${where.sql} AND e."status" < 400`,
    where.params,
  );
  const round = (n: number | null) => (n === null ? null : Math.round(Number(n)));
  return { latencyP50: round(row?.p50 ?? null), latencyP95: round(row?.p95 ?? null), ttftP50: round(row?.t50 ?? null), ttftP95: round(row?.t95 ?? null) };
}

/** The columns of a usage row the page, its detail view and the CSV show; never token or credential ids. */
export const ROW_COLUMNS = `e."id", to_char(e."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", e."model", e."modelRequested", e."modelUsed", e."provider", e."endpoint", e."status", e."cancelled",
  e."streamed", e."finishReason", e."promptTokens", e."completionTokens", e."cachedTokens", e."cacheWriteTokens", e."reasoningTokens",
  e."costMicros", e."costEstimated", e."latencyMs", e."ttftMs", e."attempts", e."errorType", e."errorMessage", e."appTitle", e."appReferer",
  t."name" AS "keyName"`;

export interface UsageRow {
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  model: string | null;
  modelRequested: string;
  modelUsed: string | null;
  provider: string | null;
  endpoint: string;
  status: number;
  cancelled: boolean;
  streamed: boolean;
  finishReason: string | null;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  costMicros: number | null;
  costEstimated: boolean;
  latencyMs: number;
  ttftMs: number | null;
  attempts: number;
  errorType: string | null;
  errorMessage: string | null;
  appTitle: string | null;
  appReferer: string | null;
  keyName: string | null;
}

async function recent(where: UsageWhere): Promise<UsageRow[]> {
  return rawQuery<UsageRow>(`SELECT ${ROW_COLUMNS} ${FROM} WHERE ${where.sql} ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 50`, where.params);
}

async function keys(userId: string) {
  return rawQuery<{ name: string; hash: string }>(`SELECT "name", "tokenHash" AS "hash" FROM "ApiToken" WHERE "userId" = $1 ORDER BY "createdAt"`, [userId]);
}

/** Everything the Usage page shows, for one account only. */
export async function usageSummary(user: { id: string; plan: "free" | "starter" | "pro" | "enterprise"; bonusMessages: number }, filters: UsageFilters, now = new Date()) {
  const where = await usageWhere(user.id, filters);
  const [days, byModel, byProvider, byKey, byApp, total, timing, used, rows, keyList] = await Promise.all([
    daily(where, filters),
    breakdown(where, "model"),
    breakdown(where, "provider"),
    breakdown(where, "key"),
    breakdown(where, "app"),
    totals(where),
    percentiles(where),
    messagesUsedThisMonth({ userId: user.id, plan: user.plan, bonusMessages: user.bonusMessages }, now),
    recent(where),
    keys(user.id),
  ]);
  return {
    days,
    byModel,
    byProvider,
    byKey,
    byApp,
    totals: total,
    timing,
    messages: { used, limit: monthlyMessageLimit(user.plan, user.bonusMessages), resetsAt: nextMonthStart(now) },
    recent: rows,
    keys: keyList,
  };
}

export type UsageSummary = Awaited<ReturnType<typeof usageSummary>>;
