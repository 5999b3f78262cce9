"use client";

import { useQuery } from "@tanstack/react-query";
import Form from "next/form";
import Link from "next/link";
import type { UsageFilters } from "@/lib/services/usage/usage-summary";
import type { UsageJson } from "@/lib/services/usage/usage-json";
import { RecentRequestsTable } from "./recent-requests-table";
import { BreakdownChart, DailyCharts } from "./usage-charts";

const POLL_MS = 3_000;
const count = (n: number) => n.toLocaleString("en-US");
const ms = (n: number | null) => (n === null ? "–" : `${count(n)} ms`);

async function fetchUsage(filters: UsageFilters): Promise<UsageJson> {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
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
    <Stat label="Messages this month" testId="messages-used" className="col-span-2 lg:col-span-1" value={<>{count(used)}<span className="text-base font-normal text-zinc-500"> / {limit === null ? "unlimited" : count(limit)}</span></>} hint={`Resets ${resetsAt.slice(0, 10)} 00:00 UTC`}>
      {limit !== null && (
        <div className="mt-2 h-2 rounded bg-zinc-100 dark:bg-zinc-800" role="progressbar" aria-label="Messages used" aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
          <div className={`h-2 rounded ${share >= 100 ? "bg-red-600" : "bg-indigo-600"}`} style={{ width: `${share}%` }} />
        </div>
      )}
      {limit !== null && used >= limit && <div className="mt-1 text-xs font-medium text-red-600 dark:text-red-400" role="status">Limit reached: requests get 429 until the reset, or <Link href="/dashboard/billing" className="underline">upgrade your plan</Link>.</div>}
    </Stat>
  );
}

function LiveIndicator({ updatedAt, error }: { updatedAt: number; error: Error | null }) {
  if (error) return <p className="text-xs text-amber-700 dark:text-amber-400" role="status" data-testid="usage-live">Could not refresh ({error.message}); trying again.</p>;
  return (
    <p className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400" data-testid="usage-live">
      <span className="size-2 rounded-full bg-emerald-500 motion-safe:animate-pulse" aria-hidden />
      Live · updated {new Date(updatedAt).toISOString().slice(11, 19)} UTC
    </p>
  );
}

function Filters({ filters, usage }: { filters: UsageFilters; usage: UsageJson }) {
  const filtered = Boolean(filters.model || filters.provider || filters.status);
  return (
    <Form action="/dashboard/usage" key={JSON.stringify(filters)} className="mb-3 grid grid-cols-2 gap-2 text-sm sm:flex sm:flex-wrap sm:items-center" aria-label="Filter requests">
      <input name="model" placeholder="Model" aria-label="Model" list="usage-models" defaultValue={filters.model} className="input mt-0 sm:w-52" />
      <input name="provider" placeholder="Provider" aria-label="Provider" list="usage-providers" defaultValue={filters.provider} className="input mt-0 sm:w-40" />
      <datalist id="usage-models">{usage.byModel.map((m) => <option key={m.name} value={m.name} />)}</datalist>
      <datalist id="usage-providers">{usage.byProvider.map((p) => <option key={p.name} value={p.name} />)}</datalist>
      <select name="status" aria-label="Status" defaultValue={filters.status ?? ""} className="input mt-0 sm:w-36">
        <option value="">Any status</option>
        <option value="ok">Succeeded</option>
        <option value="error">Failed</option>
      </select>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-secondary">Filter</button>
        {filtered && <Link href="/dashboard/usage" className="btn btn-secondary">Clear</Link>}
      </div>
    </Form>
  );
}

/** The Usage page's body, refreshed every few seconds while the tab is visible. */
export function UsageLive({ initial, filters, renderedAt }: { initial: UsageJson; filters: UsageFilters; renderedAt: number }) {
  const query = useQuery({
    queryKey: ["usage", filters],
    queryFn: () => fetchUsage(filters),
    initialData: initial,
    initialDataUpdatedAt: renderedAt,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const usage = query.data;
  const requests = usage.days.reduce((n, d) => n + d.requests, 0);
  const errors = usage.days.reduce((n, d) => n + d.errors, 0);
  const filtered = Boolean(filters.model || filters.provider || filters.status);
  return (
    <div className="space-y-6">
      <LiveIndicator updatedAt={query.dataUpdatedAt} error={query.error} />
      <section className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4" aria-label="This month">
        <MessagesStat messages={usage.messages} />
        <Stat label="Latency p50" value={ms(usage.timing.latencyP50)} hint={`p95 ${ms(usage.timing.latencyP95)}`} />
        <Stat label="Time to first token p50" value={ms(usage.timing.ttftP50)} hint={`p95 ${ms(usage.timing.ttftP95)} (streams)`} />
        <Stat label="Requests, 30 days" value={count(requests)} hint={`${count(errors)} failed`} className="col-span-2 lg:col-span-1" />
      </section>
      {requests === 0 ? (
        <div className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400" data-testid="usage-empty">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">No requests in the last 30 days</p>
          <p className="mt-1">Send one with your token from <Link href="/dashboard/api" className="link">My API</Link>: it shows up here within seconds, with charts per day, model and provider.</p>
        </div>
      ) : (
        <>
          <DailyCharts days={usage.days} />
          <section className="grid gap-4 lg:grid-cols-2">
            <BreakdownChart title="Requests by model, 30 days" rows={usage.byModel} />
            <BreakdownChart title="Requests by provider, 30 days" rows={usage.byProvider} />
          </section>
        </>
      )}
      {(usage.recent.length > 0 || filtered) && (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-3 text-lg font-semibold">Recent requests</h2>
          <Filters filters={filters} usage={usage} />
          <RecentRequestsTable rows={usage.recent} filtered={filtered} />
        </section>
      )}
    </div>
  );
}
