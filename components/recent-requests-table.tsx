import type { RecentRequest } from "@/lib/services/usage/usage-json";

const HEADINGS = ["Time (UTC)", "Endpoint", "Model", "Provider", "Status", "Tokens in / out", "Latency", "Attempts", "Stream"];
const cell = "whitespace-nowrap px-3 py-2";

/** The last 50 requests; scrolls inside its box on a narrow screen, never the page. */
export function RecentRequestsTable({ rows, filtered }: { rows: RecentRequest[]; filtered: boolean }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="recent-requests">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>{HEADINGS.map((h) => <th key={h} scope="col" className={`${cell} font-medium`}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.length === 0 && (
            <tr><td colSpan={HEADINGS.length} className="px-3 py-6 text-center text-zinc-500">{filtered ? "No requests match these filters." : "No requests yet."}</td></tr>
          )}
          {rows.map((r) => (
            <tr key={r.id} data-request-id={r.id}>
              <td className={`${cell} tabular-nums`}>{r.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td className={`${cell} font-mono text-xs`}>{r.endpoint}</td>
              <td className={`${cell} font-mono text-xs`}>{r.model}</td>
              <td className={cell}>{r.provider ?? "–"}</td>
              <td className={`${cell} ${r.status >= 400 ? "text-red-600 dark:text-red-400" : ""}`} title={r.error ?? undefined}>
                {r.status}{r.cancelled ? " (cancelled)" : ""}
              </td>
              <td className={`${cell} tabular-nums`}>{r.promptTokens.toLocaleString("en-US")} / {r.completionTokens.toLocaleString("en-US")}</td>
              <td className={`${cell} tabular-nums`}>{r.latencyMs.toLocaleString("en-US")} ms</td>
              <td className={`${cell} tabular-nums ${r.attempts > 1 ? "font-medium text-amber-700 dark:text-amber-400" : ""}`} title={r.attempts > 1 ? "Earlier attempts failed over to another credential or model" : undefined}>{r.attempts}</td>
              <td className={cell}>{r.streamed ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
