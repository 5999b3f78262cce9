import { BreakdownChart, DailyCharts } from "@/components/usage-charts";
import { requireUser } from "@/lib/auth/current-user";
import { usageSummary, type UsageFilters } from "@/lib/services/usage/usage-summary";

type SearchParams = Promise<{ model?: string; provider?: string; status?: string }>;

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="text-xs text-zinc-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold">{value}</div>
      {hint && <div className="mt-1 text-xs text-zinc-500">{hint}</div>}
    </div>
  );
}

const ms = (n: number | null) => (n === null ? "–" : `${n} ms`);
const input = "rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export default async function UsagePage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser("/dashboard/usage");
  const params = await searchParams;
  const filters: UsageFilters = { model: params.model || undefined, provider: params.provider || undefined, status: params.status === "ok" || params.status === "error" ? params.status : undefined };
  const usage = await usageSummary(user, filters);
  const { used, limit, resetsAt } = usage.messages;
  const share = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Usage</h1>
      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-testid="messages-used">
          <div className="text-xs text-zinc-500">Messages this month</div>
          <div className="mt-1 text-2xl font-semibold">{used.toLocaleString("en-US")}{limit !== null && <span className="text-base font-normal text-zinc-500"> / {limit.toLocaleString("en-US")}</span>}</div>
          {limit !== null && <div className="mt-2 h-2 rounded bg-zinc-100 dark:bg-zinc-800"><div className={`h-2 rounded ${share >= 100 ? "bg-red-600" : "bg-indigo-600"}`} style={{ width: `${share}%` }} /></div>}
          <div className="mt-1 text-xs text-zinc-500">Resets {resetsAt.toISOString().slice(0, 10)} 00:00 UTC</div>
          {limit !== null && used >= limit && <div className="mt-1 text-xs font-medium text-red-600 dark:text-red-400" role="status">Limit reached: requests get 429 until the reset, or upgrade your plan.</div>}
        </div>
        <Stat label="Latency p50 / p95" value={`${ms(usage.timing.latencyP50)}`} hint={`p95 ${ms(usage.timing.latencyP95)}`} />
        <Stat label="Time to first token p50 / p95" value={`${ms(usage.timing.ttftP50)}`} hint={`p95 ${ms(usage.timing.ttftP95)} (streams)`} />
        <Stat label="Requests, 30 days" value={usage.days.reduce((n, d) => n + d.requests, 0).toLocaleString("en-US")} hint={`${usage.days.reduce((n, d) => n + d.errors, 0)} errors`} />
      </section>
      <DailyCharts days={usage.days} />
      <section className="grid gap-4 lg:grid-cols-2">
        <BreakdownChart title="By model" rows={usage.byModel} />
        <BreakdownChart title="By provider" rows={usage.byProvider} />
      </section>
      <section>
        <h2 className="mb-3 text-lg font-semibold">Recent requests</h2>
        <form className="mb-3 flex flex-wrap gap-2 text-sm" method="get">
          <input name="model" placeholder="model" defaultValue={filters.model} className={input} />
          <input name="provider" placeholder="provider" defaultValue={filters.provider} className={input} />
          <select name="status" defaultValue={filters.status ?? ""} className={input}>
            <option value="">any status</option>
            <option value="ok">succeeded</option>
            <option value="error">failed</option>
          </select>
          <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">Filter</button>
        </form>
        <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm" data-testid="recent-requests">
            <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900">
              <tr>{["Time (UTC)", "Model", "Provider", "Status", "Tokens in/out", "Latency", "Stream"].map((h) => <th key={h} className="px-3 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {usage.recent.length === 0 && <tr><td colSpan={7} className="px-3 py-6 text-center text-zinc-500">No requests yet.</td></tr>}
              {usage.recent.map((r) => (
                <tr key={r.id} data-request-id={r.id}>
                  <td className="whitespace-nowrap px-3 py-2">{r.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td className="px-3 py-2">{r.modelUsed ?? r.modelRequested}</td>
                  <td className="px-3 py-2">{r.provider ?? "–"}</td>
                  <td className={`px-3 py-2 ${r.status >= 400 ? "text-red-600 dark:text-red-400" : ""}`}>{r.status}{r.cancelled ? " (cancelled)" : ""}</td>
                  <td className="px-3 py-2">{r.promptTokens} / {r.completionTokens}</td>
                  <td className="px-3 py-2">{r.latencyMs} ms</td>
                  <td className="px-3 py-2">{r.streamed ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
