"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo } from "react";
import type { UsageJson } from "@/lib/services/usage/usage-json";
import { RecentRequestsTable } from "./recent-requests-table";
import { BreakdownChart, DailyCharts } from "./usage-charts";
import { UsageFilterForm } from "./usage-filters";
import { count, localTime, usd } from "./usage-format";

const POLL_MS = 3_000;
const ms = (n: number | null) => (n === null ? "–" : `${count(n)} ms`);
const RANGE_LABEL: Record<string, string> = { today: "today", "7d": "in the last 7 days", "30d": "in the last 30 days", month: "this month", custom: "in this range" };

async function fetchUsage(query: string): Promise<UsageJson> {
  const response = await fetch(`/dashboard/usage/data?${query}`, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `HTTP ${response.status}`);
  }
  return response.json() as Promise<UsageJson>;
}

function Stat({ label, value, hint, testId, children, className = "" }: { label: string; value: React.ReactNode; hint?: string; testId?: string; children?: React.ReactNode; className?: string }) {
  return (
    <div className={`card min-w-0 p-4 ${className}`} data-testid={testId}>
      <div className="text-xs text-zinc-500 dark:text-zinc-400">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {children}
      {hint && <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</div>}
    </div>
  );
}

function MessagesStat({ messages }: { messages: UsageJson["messages"] }) {
  const { used, limit, resetsAt } = messages;
  const share = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <Stat label="Messages this month" testId="messages-used" value={<>{count(used)}<span className="text-base font-normal text-zinc-500"> / {limit === null ? "unlimited" : count(limit)}</span></>} hint={`Resets ${resetsAt.slice(0, 10)} 00:00 UTC`}>
      {limit !== null && (
        <div className="mt-2 h-2 rounded bg-zinc-100 dark:bg-zinc-800" role="progressbar" aria-label="Messages used" aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
          <div className={`h-2 rounded ${share >= 100 ? "bg-red-600" : "bg-indigo-600"}`} style={{ width: `${share}%` }} />
        </div>
      )}
      {limit !== null && used >= limit && <div className="mt-1 text-xs font-medium text-red-600 dark:text-red-400" role="status">Limit reached: requests get 429 until the reset, or <Link href="/dashboard/billing" className="underline">upgrade your plan</Link>.</div>}
    </Stat>
  );
}

function LiveIndicator({ updatedAt, error, timeZone }: { updatedAt: number; error: Error | null; timeZone: string }) {
  if (error) return <p className="text-xs text-amber-700 dark:text-amber-400" role="status" data-testid="usage-live">Could not refresh ({error.message}); trying again.</p>;
  return (
    <p className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400" data-testid="usage-live">
      <span className="size-2 rounded-full bg-emerald-500 motion-safe:animate-pulse" aria-hidden />
      Live · updated {localTime(new Date(updatedAt).toISOString(), timeZone).slice(11)} {timeZone}
    </p>
  );
}

/** The viewer's time zone goes in the address once, so the server counts days as the viewer does. */
function useViewerTimeZone(query: string, zoneGiven: boolean) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zoneGiven || !zone) return;
    const next = new URLSearchParams(query);
    next.set("tz", zone);
    router.replace(`/dashboard/usage?${next}`);
  }, [query, zoneGiven, router]);
}

/** The Usage page's body, refreshed every few seconds while the tab is visible. */
export function UsageLive({ initial, query, zoneGiven, renderedAt }: { initial: UsageJson; query: string; zoneGiven: boolean; renderedAt: number }) {
  useViewerTimeZone(query, zoneGiven);
  const params = useMemo(() => new URLSearchParams(query), [query]);
  const live = useQuery({
    queryKey: ["usage", query],
    queryFn: () => fetchUsage(query),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const usage = live.data;
  const { totals, range } = usage;
  const filtered = ["key", "model", "provider", "status"].some((name) => params.get(name));
  const during = RANGE_LABEL[range.name] ?? "";
  return (
    <div className="space-y-6">
      <LiveIndicator updatedAt={live.dataUpdatedAt} error={live.error} timeZone={range.timeZone} />
      <UsageFilterForm usage={usage} query={params} />
      <section className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-label="Totals">
        <Stat label={`Spend ${during}`} testId="usage-spend" value={usd(totals.spend)} hint={totals.unpriced ? `${count(totals.unpriced)} requests with unknown price not included` : "at your providers' prices"} />
        <Stat label={`Requests ${during}`} testId="usage-requests" value={count(totals.requests)} hint={`${count(totals.errors)} failed`} />
        <Stat label="Latency p50" value={ms(usage.timing.latencyP50)} hint={`p95 ${ms(usage.timing.latencyP95)}; first token p50 ${ms(usage.timing.ttftP50)}`} />
        <MessagesStat messages={usage.messages} />
      </section>
      {totals.requests === 0 && !filtered ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-testid="usage-empty">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">No requests {during}</p>
          <p className="mt-1">Send one with your token from <Link href="/dashboard/api" className="link">My API</Link>: it shows up here within seconds, with its cost and charts per day, model, provider, key and app.</p>
        </div>
      ) : (
        <>
          <DailyCharts days={usage.days} />
          <section className="grid gap-4 lg:grid-cols-2" aria-label="Spend by">
            <BreakdownChart title="Spend by model" rows={usage.byModel} testId="spend-by-model" />
            <BreakdownChart title="Spend by provider" rows={usage.byProvider} testId="spend-by-provider" />
            <BreakdownChart title="Spend by key" rows={usage.byKey} testId="spend-by-key" />
            <BreakdownChart title="Spend by app" rows={usage.byApp} testId="spend-by-app" />
          </section>
        </>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-3 text-lg font-semibold">Requests <span className="text-sm font-normal text-zinc-500">(latest 50; the CSV has them all)</span></h2>
        <RecentRequestsTable rows={usage.recent} filtered={filtered} timeZone={range.timeZone} />
      </section>
    </div>
  );
}
