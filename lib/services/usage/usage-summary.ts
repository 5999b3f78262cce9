import { rawQuery } from "@/lib/db/raw-query";
import { db } from "@/lib/db";
import { messagesUsedThisMonth } from "@/lib/quota/messages-used";
import { nextMonthStart } from "@/lib/quota/periods";
import { monthlyMessageLimit } from "@/lib/quota/plans";

export interface DailyUsage {
  day: string;
  requests: number;
  errors: number;
  promptTokens: number;
  completionTokens: number;
}

export interface UsageFilters {
  model?: string;
  provider?: string;
  status?: "ok" | "error";
}

const DAYS = 30;

/** Requests, tokens and errors per day over the last 30 days, one row per day (zeros included). */
async function daily(userId: string, now: Date): Promise<DailyUsage[]> {
  const since = new Date(now.getTime() - (DAYS - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await rawQuery<{ day: string; requests: number; errors: number; prompt: number; completion: number }>(
    `SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS day, count(*)::int AS requests,
            count(*) FILTER (WHERE "status" >= 400)::int AS errors,
            coalesce(sum("promptTokens"), 0)::int AS prompt, coalesce(sum("completionTokens"), 0)::int AS completion
     FROM "UsageEvent" WHERE "userId" = $1 AND "createdAt" >= $2 GROUP BY 1 ORDER BY 1`,
    [userId, since.toISOString()],
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: DAYS }, (_, i) => {
    const day = new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const r = byDay.get(day);
    return { day, requests: r?.requests ?? 0, errors: r?.errors ?? 0, promptTokens: r?.prompt ?? 0, completionTokens: r?.completion ?? 0 };
  });
}

async function breakdown(userId: string, column: "modelUsed" | "provider", since: Date) {
  return rawQuery<{ name: string; requests: number; tokens: number }>(
    `SELECT coalesce("${column}", 'unknown') AS name, count(*)::int AS requests, coalesce(sum("totalTokens"), 0)::int AS tokens
     FROM "UsageEvent" WHERE "userId" = $1 AND "createdAt" >= $2 GROUP BY 1 ORDER BY 2 DESC LIMIT 12`,
    [userId, since.toISOString()],
  );
}

async function percentiles(userId: string, since: Date) {
  const [row] = await rawQuery<{ p50: number | null; p95: number | null; t50: number | null; t95: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "latencyMs") AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY "latencyMs") AS p95,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY "ttftMs") AS t50, percentile_cont(0.95) WITHIN GROUP (ORDER BY "ttftMs") AS t95
     FROM "UsageEvent" WHERE "userId" = $1 AND "createdAt" >= $2 AND "status" < 400`,
    [userId, since.toISOString()],
  );
  const round = (n: number | null) => (n === null ? null : Math.round(Number(n)));
  return { latencyP50: round(row?.p50 ?? null), latencyP95: round(row?.p95 ?? null), ttftP50: round(row?.t50 ?? null), ttftP95: round(row?.t95 ?? null) };
}

/** Everything the Usage page shows, for one account only. */
export async function usageSummary(user: { id: string; plan: "free" | "starter" | "pro" | "enterprise"; bonusMessages: number }, filters: UsageFilters = {}, now = new Date()) {
  const since = new Date(now.getTime() - DAYS * 86_400_000);
  const prisma = await db();
  const [days, byModel, byProvider, timing, used, recent] = await Promise.all([
    daily(user.id, now),
    breakdown(user.id, "modelUsed", since),
    breakdown(user.id, "provider", since),
    percentiles(user.id, since),
    messagesUsedThisMonth({ userId: user.id, plan: user.plan, bonusMessages: user.bonusMessages }, now),
    prisma.usageEvent.findMany({
      where: {
        userId: user.id,
        ...(filters.model ? { modelUsed: filters.model } : {}),
        ...(filters.provider ? { provider: filters.provider } : {}),
        ...(filters.status === "ok" ? { status: { lt: 400 } } : filters.status === "error" ? { status: { gte: 400 } } : {}),
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return {
    days,
    byModel,
    byProvider,
    timing,
    messages: { used, limit: monthlyMessageLimit(user.plan, user.bonusMessages), resetsAt: nextMonthStart(now) },
    recent,
  };
}

export type UsageSummary = Awaited<ReturnType<typeof usageSummary>>;
