import { describe, expect, it } from "vitest";
import { toUsageJson, usageFilters } from "./usage-json";
import type { UsageSummary } from "./usage-summary";

const row = (overrides: Partial<UsageSummary["recent"][number]>) =>
  ({
    id: "gen-1", userId: "user-1", tokenId: "token-1", credentialId: "cred-1", endpoint: "chat", modelRequested: "openai/gpt-4o",
    provider: "openai", modelUsed: "gpt-4o", status: 200, finishReason: "stop", nativeFinishReason: "stop", promptTokens: 9, completionTokens: 3,
    totalTokens: 12, cachedTokens: 0, reasoningTokens: 0, latencyMs: 120, ttftMs: null, streamed: false, cancelled: false, countedMessage: true,
    errorType: null, errorMessage: null, attempts: 1, createdAt: new Date("2026-11-24T12:00:00Z"), ...overrides,
  }) as UsageSummary["recent"][number];

describe("the Usage page's JSON", () => {
  it("reads only the known filters", () => {
    expect(usageFilters(new URLSearchParams("model=%20gpt-4o%20&provider=&status=error&userId=someone"))).toEqual({ model: "gpt-4o", provider: undefined, status: "error" });
    expect(usageFilters(new URLSearchParams("status=everything")).status).toBeUndefined();
  });

  it("carries what the page shows of a request and nothing that identifies a token or credential", () => {
    const summary = {
      days: [], byModel: [], byProvider: [], timing: { latencyP50: null, latencyP95: null, ttftP50: null, ttftP95: null },
      messages: { used: 3, limit: 100, resetsAt: new Date("2026-12-01T00:00:00Z") },
      recent: [row({}), row({ id: "gen-2", endpoint: "responses", status: 502, modelUsed: null, errorType: "api_error", errorMessage: "openai returned 500", attempts: 3 })],
    } as UsageSummary;
    const json = toUsageJson(summary);
    expect(json.messages).toEqual({ used: 3, limit: 100, resetsAt: "2026-12-01T00:00:00.000Z" });
    expect(json.recent).toEqual([
      { id: "gen-1", createdAt: "2026-11-24T12:00:00.000Z", endpoint: "/v1/chat/completions", model: "gpt-4o", provider: "openai", status: 200, cancelled: false, streamed: false, promptTokens: 9, completionTokens: 3, latencyMs: 120, attempts: 1, error: null },
      { id: "gen-2", createdAt: "2026-11-24T12:00:00.000Z", endpoint: "/v1/responses", model: "openai/gpt-4o", provider: "openai", status: 502, cancelled: false, streamed: false, promptTokens: 9, completionTokens: 3, latencyMs: 120, attempts: 3, error: "openai returned 500" },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/token-1|cred-1|user-1/);
  });
});
