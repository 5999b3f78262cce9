import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createKey } from "@/lib/services/api-keys/manage-keys";
import { createUser } from "@/lib/services/users/create-user";
import { insertUsageRows } from "@/lib/usage/insert-usage-rows";
import type { UsageRecord } from "@/lib/usage/usage-record";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { usageCsv } from "./usage-csv";
import { usageDetail } from "./usage-detail";
import { usageFilters } from "./usage-filter";
import { usageSummary } from "./usage-summary";

function usageRow(userId: string, tokenId: string | null, id: string, at: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id, userId, tokenId, credentialId: null, endpoint: "chat", modelRequested: "gemini-2.5-flash", provider: "google", modelUsed: "gemini-2.5-flash",
    status: 200, finishReason: "stop", nativeFinishReason: "STOP", promptTokens: 100, completionTokens: 20, totalTokens: 120, cachedTokens: 0,
    reasoningTokens: 0, latencyMs: 300, ttftMs: null, streamed: false, cancelled: false, countedMessage: true, errorType: null, errorMessage: null,
    attempts: 1, model: "google/gemini-2.5-flash", cacheWriteTokens: 0, costMicros: 80, costEstimated: false, appTitle: null, appReferer: null,
    createdAt: new Date(at), ...overrides,
  };
}

const csvText = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe.each(databaseTargets())("the Usage page's numbers on $name", (target: DatabaseTarget) => {
  useInstalledDatabase(target);
  const now = new Date("2026-11-20T12:00:00Z");

  async function seed() {
    const { user } = await createUser({ email: `usage-${target.name}-${Date.now()}@example.com`, password: "password-123", plan: "pro" });
    const { user: other } = await createUser({ email: `other-${target.name}-${Date.now()}@example.com`, password: "password-123" });
    const agent = await createKey(user.id, { name: "agent" });
    const prisma = await db();
    const agentId = (await prisma.apiToken.findFirstOrThrow({ where: { tokenHash: agent.data.hash } })).id;
    const defaultId = (await prisma.apiToken.findFirstOrThrow({ where: { userId: user.id, isDefault: true } })).id;
    await insertUsageRows([
      // 23:30 UTC on the 18th is already the 19th in Tokyo.
      usageRow(user.id, defaultId, `${user.id}-a`, "2026-11-18T23:30:00Z", { appTitle: "Reports", costMicros: 1_500_000 }),
      usageRow(user.id, agentId, `${user.id}-b`, "2026-11-19T10:00:00Z", { provider: "openrouter", model: "google/gemini-2.5-flash", appReferer: "https://agent.example.com/run", costMicros: 250_000 }),
      usageRow(user.id, agentId, `${user.id}-c`, "2026-11-19T11:00:00Z", { provider: "custom", model: "custom/llama-local", costMicros: null }),
      usageRow(user.id, agentId, `${user.id}-d`, "2026-11-20T09:00:00Z", { status: 429, provider: null, modelUsed: null, model: "openai/gpt-4o", modelRequested: "gpt-4o", costMicros: 0, errorType: "rate_limit_error", errorMessage: "budget spent", appTitle: "=cmd|' /C calc'!A0" }),
      usageRow(other.id, null, `${other.id}-x`, "2026-11-19T10:00:00Z", { costMicros: 9_000_000 }),
    ]);
    return { user, other, agentHash: agent.data.hash };
  }

  it("sums spend by day in the viewer's time zone, and by model, provider, key and app, for this account only", async () => {
    const { user } = await seed();
    const summary = await usageSummary(user, usageFilters(new URLSearchParams("range=7d&tz=Asia/Tokyo"), now), now);
    expect(summary.totals).toMatchObject({ requests: 4, errors: 1, spend: 1_750_000, unpriced: 1 });
    expect(summary.days.filter((d) => d.requests > 0).map((d) => [d.day, d.requests, d.spend])).toEqual([["2026-11-19", 3, 1_750_000], ["2026-11-20", 1, 0]]);
    expect(summary.byModel.map((r) => [r.name, r.requests, r.spend])).toEqual([["google/gemini-2.5-flash", 2, 1_750_000], ["custom/llama-local", 1, 0], ["openai/gpt-4o", 1, 0]]);
    expect(summary.byProvider.map((r) => r.name)).toEqual(["google", "openrouter", "custom", "not sent"]);
    expect(summary.byKey.map((r) => [r.name, r.requests, r.spend])).toEqual([["Default", 1, 1_500_000], ["agent", 3, 250_000]]);
    expect(summary.byApp.map((r) => r.name)).toEqual(["Reports", "agent.example.com", "=cmd|' /C calc'!A0", "no app"]);
    expect(summary.recent.map((r) => r.id)).not.toContain(expect.stringContaining("-x"));
  });

  it("narrows everything to one key and to the range, and exports exactly the filtered rows as CSV", async () => {
    const { user, other, agentHash } = await seed();
    const filters = usageFilters(new URLSearchParams(`range=custom&from=2026-11-19&to=2026-11-20&tz=UTC&key=${agentHash}`), now);
    const summary = await usageSummary(user, filters, now);
    expect(summary.recent.map((r) => r.id)).toEqual([`${user.id}-d`, `${user.id}-c`, `${user.id}-b`]);
    const csv = (await csvText(await usageCsv(user.id, filters))).trim().split("\r\n");
    expect(csv[0]).toMatch(/^time_utc,generation_id,key,app,model,provider,/);
    expect(csv.slice(1).map((line) => line.split(",")[1])).toEqual([`${user.id}-d`, `${user.id}-c`, `${user.id}-b`]);
    // A cell a spreadsheet would run as a formula is quoted to stay text.
    expect(csv[1]).toContain(`,agent,'=cmd|' /C calc'!A0,openai/gpt-4o,,chat,429,budget spent,`);
    expect(csv[2]).toContain(",unknown,false,");
    expect(csv[3]).toContain("https://agent.example.com/run,google/gemini-2.5-flash,openrouter,chat,200,,100,0,0,20,0,0.250000,false,300,,1,false");
    // Another account's key hash narrows to nothing rather than to their rows.
    expect((await usageSummary(other, filters, now)).recent).toEqual([]);
  });

  it("shows one request's detail to its owner only", async () => {
    const { user, other } = await seed();
    expect(await usageDetail(user.id, `${user.id}-d`)).toMatchObject({ status: 429, errorMessage: "budget spent", keyName: "agent", costMicros: 0, createdAt: "2026-11-20T09:00:00.000Z" });
    expect(await usageDetail(other.id, `${user.id}-d`)).toBeNull();
  });
});
