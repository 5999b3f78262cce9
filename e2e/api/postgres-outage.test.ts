import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueSchemaUrl, type DatabaseTarget, postgresTarget } from "@/test/support/databases";
import { booksWhenSettled } from "@/test/support/books";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { expectedUsageRows, requestsOnceBack, runOutageDrill, type DrillResult, type DrillUser } from "@/test/support/outage-drill";
import { STACK_TRACE } from "@/test/support/sse-events";
import { startTcpProxy, type CutMode, type TcpProxy } from "@/test/support/tcp-proxy";

// connect_timeout 1 s and query_timeout 2 s bound each wait for the database; a request still
// unanswered at ten times those has hung (the drill records it as status 0).
const HANG_MS = 30_000;

/** The API on PostgreSQL reached through a proxy the test cuts, as a restart or a partition would. */
describe.each<CutMode>(["refuse", "blackhole"])("PostgreSQL away for a few seconds (%s)", (mode) => {
  let proxy: TcpProxy;
  let gateway: Gateway;
  let limited: DrillUser;
  let unlimited: DrillUser;
  let results: DrillResult[];
  let restoredAt: number;
  let newcomer: DrillUser;
  let firstCall: Promise<{ status: number; retryAfter: string | null; body: string }>;
  const direct = uniqueSchemaUrl();

  beforeAll(async () => {
    const target = new URL(direct);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    // Bounded waits for a server that does not answer (documented for DATABASE_URL).
    viaProxy.searchParams.set("connect_timeout", "1");
    viaProxy.searchParams.set("query_timeout", "2000");
    const database: DatabaseTarget = postgresTarget(direct, viaProxy.toString());
    gateway = await startGateway(database);
    limited = await gateway.newUser(`pro-${mode}@example.com`, [{ provider: "openai", key: "sk-openai-outage" }], "pro");
    unlimited = await gateway.newUser(`ent-${mode}@example.com`, [{ provider: "openai", key: "sk-openai-outage-2" }], "enterprise");
    // A token the server has not seen yet: it cannot be checked without the database.
    newcomer = await gateway.newUser(`new-${mode}@example.com`, [{ provider: "openai", key: "sk-openai-outage-3" }], "enterprise");
    const firstCallDuringOutage = async () => {
      await proxy.cut(mode);
      firstCall = fetch(`${gateway.url}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${newcomer.token}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-4o", messages: [{ role: "user", content: "first call" }] }),
        signal: AbortSignal.timeout(HANG_MS),
      }).then(async (response) => ({ status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() }));
    };
    ({ results, restoredAt } = await runOutageDrill({
      url: gateway.url,
      users: [limited, unlimited],
      cut: firstCallDuringOutage,
      restore: () => proxy.restore(),
      beforeMs: 1_000,
      outageMs: 4_000,
      afterMs: 4_000,
      clients: 6,
      requestTimeoutMs: HANG_MS,
    }));
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
  });

  it("answers every request during the outage, quickly, with success or a documented 503", () => {
    expect(results.filter((r) => r.status === 0)).toEqual([]);
    for (const result of results) {
      expect(result.body).not.toMatch(STACK_TRACE);
      if (result.status === 200) continue;
      expect(result.status).toBe(503);
      expect(result.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(result.body).error).toMatchObject({ type: "service_unavailable", message: expect.stringMatching(/retry/) });
    }
    const during = results.filter((r) => r.phase === "during");
    // Limits cannot be checked without the database; an unlimited plan is still served from caches.
    expect(during.filter((r) => r.user === limited && r.status === 503).length).toBeGreaterThan(0);
    expect(during.filter((r) => r.user === unlimited && r.status === 200).length).toBeGreaterThan(0);
  });

  it("answers a token it cannot check yet with 503, not an internal error", async () => {
    const response = await firstCall;
    expect(response.status).toBe(503);
    expect(response.retryAfter).toMatch(/^\d+$/);
    expect(JSON.parse(response.body).error).toMatchObject({ type: "service_unavailable", message: "The database is unavailable right now; please retry shortly" });
  });

  it("recovers by itself once the database is back", () => {
    // The limited account needs it: its first success shows it is back, and it stays back.
    const later = requestsOnceBack(results, restoredAt, limited);
    expect(later.length).toBeGreaterThan(5);
    expect(later.filter((r) => r.status !== 200)).toEqual([]);
  });

  it("loses no usage row and leaves the counters exact", async () => {
    const expected = expectedUsageRows(results);
    expect(expected.filter((e) => !e.generationId)).toEqual([]);
    const report = await booksWhenSettled(expected, [limited.userId, unlimited.userId], [limited.userId], 30_000);
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(results.length);
    expect(results.filter((r) => r.phase === "during" && r.status === 200).length).toBeGreaterThan(0);
  }, 40_000);
});
