import type { DailyUsage, UsageFilters, UsageSummary } from "./usage-summary";

/** The Usage page's data as JSON: what the live page polls and what the server renders first. */
export interface UsageJson {
  days: DailyUsage[];
  byModel: Array<{ name: string; requests: number; tokens: number }>;
  byProvider: Array<{ name: string; requests: number; tokens: number }>;
  timing: { latencyP50: number | null; latencyP95: number | null; ttftP50: number | null; ttftP95: number | null };
  messages: { used: number; limit: number | null; resetsAt: string };
  recent: RecentRequest[];
}

export interface RecentRequest {
  id: string;
  createdAt: string;
  /** The API the request came in on, as its path. */
  endpoint: string;
  model: string;
  provider: string | null;
  status: number;
  cancelled: boolean;
  streamed: boolean;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  attempts: number;
  error: string | null;
}

const ENDPOINT_PATHS: Record<string, string> = {
  chat: "/v1/chat/completions", responses: "/v1/responses", messages: "/v1/messages", gemini: "/v1beta", embeddings: "/v1/embeddings",
};

/** Only what the page shows of each request: no token or credential ids. */
export function toUsageJson(summary: UsageSummary): UsageJson {
  return {
    days: summary.days,
    byModel: summary.byModel,
    byProvider: summary.byProvider,
    timing: summary.timing,
    messages: { ...summary.messages, resetsAt: summary.messages.resetsAt.toISOString() },
    recent: summary.recent.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      endpoint: ENDPOINT_PATHS[r.endpoint] ?? r.endpoint,
      model: r.modelUsed ?? r.modelRequested,
      provider: r.provider,
      status: r.status,
      cancelled: r.cancelled,
      streamed: r.streamed,
      promptTokens: r.promptTokens,
      completionTokens: r.completionTokens,
      latencyMs: r.latencyMs,
      attempts: r.attempts,
      error: r.status >= 400 ? (r.errorMessage ?? r.errorType) : null,
    })),
  };
}

/** `?model=&provider=&status=` as filters; anything else is ignored. */
export function usageFilters(params: { get(name: string): string | null | undefined }): UsageFilters {
  const status = params.get("status");
  return {
    model: params.get("model")?.trim() || undefined,
    provider: params.get("provider")?.trim() || undefined,
    status: status === "ok" || status === "error" ? status : undefined,
  };
}
