import type { UsageFilters } from "./usage-filter";
import type { Breakdown, DailyUsage, UsageRow, UsageSummary } from "./usage-summary";

export { usageFilters } from "./usage-filter";

/** The Usage page's data as JSON: what the live page polls and what the server renders first. */
export interface UsageJson {
  range: { name: string; timeZone: string; from: string; to: string; fromDay: string; toDay: string };
  days: DailyUsage[];
  byModel: Breakdown[];
  byProvider: Breakdown[];
  byKey: Breakdown[];
  byApp: Breakdown[];
  totals: { requests: number; errors: number; tokens: number; spend: number; unpriced: number };
  timing: { latencyP50: number | null; latencyP95: number | null; ttftP50: number | null; ttftP95: number | null };
  messages: { used: number; limit: number | null; resetsAt: string };
  recent: RecentRequest[];
  keys: Array<{ name: string; hash: string }>;
}

export interface RecentRequest {
  id: string;
  createdAt: string;
  /** The API the request came in on, as its path. */
  endpoint: string;
  model: string;
  provider: string | null;
  key: string | null;
  app: string | null;
  status: number;
  cancelled: boolean;
  streamed: boolean;
  promptTokens: number;
  completionTokens: number;
  /** Millionths of a dollar; null when the model's price is unknown. */
  costMicros: number | null;
  costEstimated: boolean;
  latencyMs: number;
  attempts: number;
  error: string | null;
}

const ENDPOINT_PATHS: Record<string, string> = {
  chat: "/v1/chat/completions", responses: "/v1/responses", messages: "/v1/messages", gemini: "/v1beta", embeddings: "/v1/embeddings",
};

export function toRecentRequest(r: UsageRow): RecentRequest {
  return {
    id: r.id,
    createdAt: r.createdAt,
    endpoint: ENDPOINT_PATHS[r.endpoint] ?? r.endpoint,
    model: r.model ?? r.modelUsed ?? r.modelRequested,
    provider: r.provider,
    key: r.keyName,
    app: r.appTitle ?? r.appReferer,
    status: r.status,
    cancelled: r.cancelled,
    streamed: r.streamed,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    costMicros: r.costMicros,
    costEstimated: r.costEstimated,
    latencyMs: r.latencyMs,
    attempts: r.attempts,
    error: r.status >= 400 ? (r.errorMessage ?? r.errorType) : null,
  };
}

/** Only what the page shows of each request: no token or credential ids. */
export function toUsageJson(summary: UsageSummary, filters: UsageFilters): UsageJson {
  const { range } = filters;
  return {
    range: { name: range.name, timeZone: range.timeZone, from: range.from.toISOString(), to: range.to.toISOString(), fromDay: range.fromDay, toDay: range.toDay },
    days: summary.days,
    byModel: summary.byModel,
    byProvider: summary.byProvider,
    byKey: summary.byKey,
    byApp: summary.byApp,
    totals: summary.totals,
    timing: summary.timing,
    messages: { ...summary.messages, resetsAt: summary.messages.resetsAt.toISOString() },
    recent: summary.recent.map(toRecentRequest),
    keys: summary.keys,
  };
}
