import Link from "next/link";
import type { RecentRequest } from "@/lib/services/usage/usage-json";
import { costText, count, localTime } from "./usage-format";

const cell = "whitespace-nowrap px-2 py-2 sm:px-3";
// On a phone the time, model, status and cost stay; the rest shows from the sm breakpoint.
const wide = "hidden sm:table-cell";
const HEADINGS: Array<[string, string]> = [
  ["Time", ""], ["Model", ""], ["Status", ""], ["Cost", "text-right"], ["Endpoint", wide], ["Key", wide], ["App", wide], ["Provider", wide], ["Tokens in / out", wide], ["Latency", wide], ["Attempts", wide],
];

/** The latest 50 requests under the filters; each opens its detail view. */
export function RecentRequestsTable({ rows, filtered, timeZone }: { rows: RecentRequest[]; filtered: boolean; timeZone: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm" data-testid="recent-requests">
        <thead className="bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>{HEADINGS.map(([h, extra]) => <th key={h} scope="col" className={`${cell} ${extra} font-medium`}>{h}</th>)}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.length === 0 && (
            <tr><td colSpan={HEADINGS.length} className="px-3 py-6 text-center text-zinc-500">{filtered ? "No requests match these filters." : "No requests yet."}</td></tr>
          )}
          {rows.map((r) => {
            const time = localTime(r.createdAt, timeZone);
            return (
            <tr key={r.id} data-request-id={r.id}>
              <td className={`${cell} tabular-nums`}><Link href={`/dashboard/usage/requests/${encodeURIComponent(r.id)}?tz=${encodeURIComponent(timeZone)}`} className="link" aria-label={`Request ${r.id}`}>{time.slice(5, 16)}<span className="hidden sm:inline">{time.slice(16)}</span></Link></td>
              <td className={`${cell} max-w-24 truncate font-mono text-xs sm:max-w-none`} title={r.model}>{r.model}</td>
              <td className={`${cell} ${r.status >= 400 ? "text-red-600 dark:text-red-400" : ""}`} title={r.error ?? undefined} data-testid="request-status">
                {r.status}{r.cancelled ? " (cancelled)" : ""}
              </td>
              <td className={`${cell} text-right tabular-nums ${r.costMicros === null ? "text-zinc-500" : ""}`} data-testid="request-cost">{costText(r.costMicros, r.costEstimated)}</td>
              <td className={`${cell} ${wide} font-mono text-xs`} data-testid="request-endpoint">{r.endpoint}</td>
              <td className={`${cell} ${wide}`}>{r.key ?? "–"}</td>
              <td className={`${cell} ${wide} max-w-48 truncate`} title={r.app ?? undefined}>{r.app ?? "–"}</td>
              <td className={`${cell} ${wide}`}>{r.provider ?? "–"}</td>
              <td className={`${cell} ${wide} tabular-nums`}>{count(r.promptTokens)} / {count(r.completionTokens)}</td>
              <td className={`${cell} ${wide} tabular-nums`}>{count(r.latencyMs)} ms</td>
              <td className={`${cell} ${wide} tabular-nums ${r.attempts > 1 ? "font-medium text-amber-700 dark:text-amber-400" : ""}`} title={r.attempts > 1 ? "Earlier attempts failed over to another credential or model" : undefined}>{r.attempts}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
