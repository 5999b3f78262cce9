import Link from "next/link";
import type { UsageRow } from "@/lib/services/usage/usage-summary";
import { costText, count, localTime } from "./usage-format";

function Item({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 break-words text-sm" data-testid={testId}>{children}</dd>
    </div>
  );
}

/** One request: who answered, how it went, what it used and cost. */
export function UsageRequestDetail({ row, timeZone }: { row: UsageRow; timeZone: string }) {
  const failed = row.status >= 400;
  return (
    <div className="space-y-4" data-testid="request-detail">
      <dl className="card grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Item label={`Time (${timeZone})`}>{localTime(row.createdAt, timeZone)}</Item>
        <Item label="Status" testId="detail-status"><span className={failed ? "font-medium text-red-600 dark:text-red-400" : ""}>{row.status}{row.cancelled ? " (cancelled)" : ""}</span></Item>
        <Item label="Cost" testId="detail-cost">{costText(row.costMicros, row.costEstimated)}{row.costMicros === null && <span className="block text-xs text-zinc-500">No price is known for this model.</span>}</Item>
        <Item label="Attempts" testId="detail-attempts">{row.attempts}{row.attempts > 1 && <span className="block text-xs text-zinc-500">earlier ones failed over</span>}</Item>
        <Item label="Model"><span className="font-mono text-xs">{row.model ?? row.modelRequested}</span>{row.modelRequested !== row.model && <span className="block text-xs text-zinc-500">asked for {row.modelRequested}</span>}</Item>
        <Item label="Provider" testId="detail-provider">{row.provider ?? "not sent to a provider"}</Item>
        <Item label="Key">{row.keyName ?? "–"}</Item>
        <Item label="App">{row.appTitle ?? "–"}{row.appReferer && <span className="block text-xs text-zinc-500">{row.appReferer}</span>}</Item>
        <Item label="Latency">{count(row.latencyMs)} ms{row.ttftMs !== null && <span className="block text-xs text-zinc-500">first token {count(row.ttftMs)} ms</span>}</Item>
        <Item label="Endpoint">{row.endpoint}{row.streamed ? " (streamed)" : ""}</Item>
        <Item label="Finish reason">{row.finishReason ?? "–"}</Item>
      </dl>
      <dl className="card grid grid-cols-2 gap-4 sm:grid-cols-5" aria-label="Tokens">
        <Item label="Prompt tokens" testId="detail-prompt-tokens">{count(row.promptTokens)}</Item>
        <Item label="of which cache reads">{count(row.cachedTokens)}</Item>
        <Item label="of which cache writes">{count(row.cacheWriteTokens)}</Item>
        <Item label="Completion tokens">{count(row.completionTokens)}</Item>
        <Item label="of which reasoning">{count(row.reasoningTokens)}</Item>
      </dl>
      {failed && (
        <div className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-100" data-testid="detail-error">
          <p className="font-medium">{row.errorType ?? "error"}</p>
          <p className="mt-1 break-words">{row.errorMessage ?? "No message was recorded."}</p>
        </div>
      )}
      <Link href={`/dashboard/usage?tz=${encodeURIComponent(timeZone)}`} className="link text-sm">← Back to Usage</Link>
    </div>
  );
}
