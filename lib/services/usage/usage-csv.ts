import { rawQuery } from "@/lib/db/raw-query";
import { usageWhere, type UsageFilters } from "./usage-filter";
import { FROM, ROW_COLUMNS, type UsageRow } from "./usage-summary";

const HEADER = [
  "time_utc", "generation_id", "key", "app", "model", "provider", "endpoint", "status", "error", "prompt_tokens", "cached_tokens",
  "cache_write_tokens", "completion_tokens", "reasoning_tokens", "cost_usd", "cost_estimated", "latency_ms", "time_to_first_token_ms", "attempts", "streamed",
];
const PAGE = 1_000;
// A bound on one export; narrow the range or filters for more.
export const CSV_MAX_ROWS = 100_000;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula starts with a quote mark. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(r: UsageRow): string {
  return [
    r.createdAt, r.id, r.keyName, r.appTitle ?? r.appReferer, r.model ?? r.modelRequested, r.provider, r.endpoint, r.status,
    r.status >= 400 ? (r.errorMessage ?? r.errorType) : null, r.promptTokens, r.cachedTokens, r.cacheWriteTokens, r.completionTokens,
    r.reasoningTokens, r.costMicros === null ? "unknown" : (r.costMicros / 1e6).toFixed(6), r.costEstimated, r.latencyMs, r.ttftMs, r.attempts, r.streamed,
  ].map(cell).join(",") + "\r\n";
}

/**
 * One account's usage rows under the filters as CSV, newest first, read a page at a time
 * (keyset on time and id) as the client takes them.
 */
export async function usageCsv(userId: string, filters: UsageFilters): Promise<ReadableStream<Uint8Array>> {
  const where = await usageWhere(userId, filters);
  const encoder = new TextEncoder();
  let after: { at: string; id: string } | null = null;
  let sent = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        return controller.enqueue(encoder.encode(HEADER.join(",") + "\r\n"));
      }
      const params = [...where.params];
      let page = where.sql;
      if (after) {
        params.push(after.at.replace("Z", ""), after.id);
        page += ` AND (e."createdAt", e."id") < ($${params.length - 1}::timestamp, $${params.length})`;
      }
      const rows = await rawQuery<UsageRow>(`SELECT ${ROW_COLUMNS} ${FROM} WHERE ${page} ORDER BY e."createdAt" DESC, e."id" DESC LIMIT ${Math.min(PAGE, CSV_MAX_ROWS - sent)}`, params);
      if (rows.length) controller.enqueue(encoder.encode(rows.map(line).join("")));
      sent += rows.length;
      const last = rows.at(-1);
      if (!last || rows.length < PAGE || sent >= CSV_MAX_ROWS) return controller.close();
      after = { at: last.createdAt, id: last.id };
    },
  }, { highWaterMark: 0 });
}
