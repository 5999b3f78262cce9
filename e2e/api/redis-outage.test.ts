import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/config/env";
import { closeRedis } from "@/lib/redis/client";
import { booksWhenSettled } from "@/test/support/books";
import { databaseTargets } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { expectedUsageRows, requestsOnceBack, runOutageDrill, type DrillResult, type DrillUser } from "@/test/support/outage-drill";
import { STACK_TRACE } from "@/test/support/sse-events";
import { startTcpProxy, type CutMode, type TcpProxy } from "@/test/support/tcp-proxy";

const REDIS = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
// Documented: requests that count messages answer 503 within about 2 s with Redis away. A request
// still unanswered at ten times that has hung (the drill records it as status 0).
const HANG_MS = 20_000;

/** Message counters in Redis (REDIS_URL) reached through a proxy the test cuts and restores. */
describe.each<CutMode>(["refuse", "blackhole"])("Redis away for a few seconds (%s)", (mode) => {
  let proxy: TcpProxy;
  let gateway: Gateway;
  let limited: DrillUser;
  let unlimited: DrillUser;
  let results: DrillResult[];
  let restoredAt: number;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: REDIS.hostname, port: Number(REDIS.port || 6379) });
    process.env.REDIS_URL = `redis://127.0.0.1:${proxy.port}`;
    gateway = await startGateway(databaseTargets()[1]);
    limited = await gateway.newUser(`pro-redis-${mode}@example.com`, [{ provider: "openai", key: "sk-openai-redis" }], "pro");
    unlimited = await gateway.newUser(`ent-redis-${mode}@example.com`, [{ provider: "openai", key: "sk-openai-redis-2" }], "enterprise");
    ({ results, restoredAt } = await runOutageDrill({
      url: gateway.url,
      users: [limited, unlimited],
      cut: () => proxy.cut(mode),
      restore: () => proxy.restore(),
      beforeMs: 1_000,
      outageMs: 4_000,
      afterMs: 5_000,
      clients: 6,
      requestTimeoutMs: HANG_MS,
    }));
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await closeRedis();
    await proxy?.close();
    delete process.env.REDIS_URL;
    resetEnvCache();
  });

  it("fails limited requests clearly within a bounded time and keeps serving the rest", () => {
    expect(results.filter((r) => r.status === 0)).toEqual([]);
    for (const result of results) {
      expect(result.body).not.toMatch(STACK_TRACE);
      if (result.status === 200) continue;
      expect(result.status).toBe(503);
      expect(result.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(result.body).error).toMatchObject({ type: "service_unavailable", message: expect.stringMatching(/Message limits cannot be checked/) });
    }
    const during = results.filter((r) => r.phase === "during");
    expect(during.filter((r) => r.user === limited && r.status === 503).length).toBeGreaterThan(0);
    expect(during.filter((r) => r.user === unlimited && r.status === 503)).toEqual([]);
  });

  it("recovers by itself once Redis is back", () => {
    // The limited account needs it: its first success shows it is back, and it stays back.
    const later = requestsOnceBack(results, restoredAt, limited);
    expect(later.length).toBeGreaterThan(5);
    expect(later.filter((r) => r.status !== 200)).toEqual([]);
  });

  it("keeps every usage row and the Redis counter exact", async () => {
    const expected = expectedUsageRows(results);
    const report = await booksWhenSettled(expected, [limited.userId, unlimited.userId], [limited.userId], 30_000);
    expect(report.problems).toEqual([]);
    expect(report.counters.get(limited.userId)).toBe(results.filter((r) => r.user === limited && r.status === 200).length);
  }, 40_000);
});
