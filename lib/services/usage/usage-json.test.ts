import { describe, expect, it } from "vitest";
import { filterQuery } from "./usage-filter";
import { toUsageJson, usageFilters } from "./usage-json";
import type { UsageRow, UsageSummary } from "./usage-summary";

const row = (overrides: Partial<UsageRow>): UsageRow => ({
  id: "gen-1", createdAt: "2026-11-24T12:00:00.000Z", model: "openai/gpt-4o-2024-08-06", modelRequested: "gpt-4o", modelUsed: "gpt-4o-2024-08-06", provider: "openai",
  endpoint: "chat", status: 200, cancelled: false, streamed: false, finishReason: "stop", promptTokens: 9, completionTokens: 3, cachedTokens: 0, cacheWriteTokens: 0,
  reasoningTokens: 0, costMicros: 53, costEstimated: false, latencyMs: 120, ttftMs: null, attempts: 1, errorType: null, errorMessage: null,
  appTitle: null, appReferer: "https://app.example.com", keyName: "backend", ...overrides,
});

describe("the Usage page's JSON", () => {
  const now = new Date("2026-11-24T12:00:00Z");

  it("reads only the known filters, and writes them back as a query", () => {
    const filters = usageFilters(new URLSearchParams(`model=%20openai/gpt-4o%20&provider=&status=error&userId=someone&key=${"a".repeat(64)}&range=7d&tz=Europe/Paris`), now);
    expect(filters).toMatchObject({ model: "openai/gpt-4o", provider: undefined, status: "error", key: "a".repeat(64), range: { name: "7d", timeZone: "Europe/Paris" } });
    expect(filterQuery(filters).toString()).toBe(`range=7d&tz=Europe%2FParis&key=${"a".repeat(64)}&model=openai%2Fgpt-4o&status=error`);
    expect(usageFilters(new URLSearchParams("status=everything&key=not-a-hash"), now)).toMatchObject({ status: undefined, key: undefined, range: { name: "30d", timeZone: "UTC" } });
  });

  it("carries what the page shows of a request and nothing that identifies a token or credential", () => {
    const summary = {
      days: [], byModel: [], byProvider: [], byKey: [], byApp: [], totals: { requests: 2, errors: 1, tokens: 24, spend: 53, unpriced: 1 },
      timing: { latencyP50: null, latencyP95: null, ttftP50: null, ttftP95: null },
      messages: { used: 3, limit: 100, resetsAt: new Date("2026-12-01T00:00:00Z") },
      recent: [row({}), row({ id: "gen-2", endpoint: "responses", status: 502, model: null, modelUsed: null, costMicros: null, errorType: "api_error", errorMessage: "openai returned 500", attempts: 3, appTitle: "Reports" })],
      keys: [{ name: "backend", hash: "f".repeat(64) }],
    } as UsageSummary;
    const json = toUsageJson(summary, usageFilters(new URLSearchParams(""), now));
    expect(json.messages).toEqual({ used: 3, limit: 100, resetsAt: "2026-12-01T00:00:00.000Z" });
    expect(json.recent).toEqual([
      { id: "gen-1", createdAt: "2026-11-24T12:00:00.000Z", endpoint: "/v1/chat/completions", model: "openai/gpt-4o-2024-08-06", provider: "openai", key: "backend", app: "https://app.example.com", status: 200, cancelled: false, streamed: false, promptTokens: 9, completionTokens: 3, costMicros: 53, costEstimated: false, latencyMs: 120, attempts: 1, error: null },
      { id: "gen-2", createdAt: "2026-11-24T12:00:00.000Z", endpoint: "/v1/responses", model: "gpt-4o", provider: "openai", key: "backend", app: "Reports", status: 502, cancelled: false, streamed: false, promptTokens: 9, completionTokens: 3, costMicros: null, costEstimated: false, latencyMs: 120, attempts: 3, error: "openai returned 500" },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/token-1|cred-1|user-1/);
  });
});
