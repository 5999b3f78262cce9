import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { GatewayError } from "@/lib/errors/gateway-error";
import { databaseTargets, type DatabaseTarget } from "@/test/support/databases";
import { useInstalledDatabase } from "@/test/support/installed-database";
import { admitSpend } from "./admit-spend";
import { postgresSpend, redisSpend, type SpendStore } from "./spend-store";

const now = new Date("2026-11-20T12:00:00Z");
const budgeted = (tokenId: string, limitUsd: number) => ({ tokenId, limitUsd, limitUsdReset: "daily" as const });

/** The same checks on every store: an addition retried (or sent twice) counts once, and the budget reads the sum. */
function checksOn(store: () => SpendStore, used: string[] = []) {
  it("counts each request's cost once, however often its addition is retried", async () => {
    const tokenId = `tok-${randomUUID()}`;
    const key = `token:${tokenId}:2026-11-20`;
    used.push(key);
    await Promise.all([store().add(key, 100, "req-1"), store().add(key, 100, "req-1"), store().add(key, 50, "req-2")]);
    await store().add(key, 100, "req-1");
    expect(await store().read(key)).toBe(150);
    await expect(admitSpend(budgeted(tokenId, 0.000151), now, store())).resolves.toBeUndefined();
    const refused = await admitSpend(budgeted(tokenId, 0.00015), now, store()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ status: 429, type: "rate_limit_error", code: "budget_exceeded", metadata: { resets_at: "2026-11-21T00:00:00.000Z" } });
    expect((refused as GatewayError).message).toBe("This token's budget of $0.00015 per day is spent ($0.00015 used); it resets at 2026-11-21T00:00:00.000Z");
  });
}

describe.each(databaseTargets())("spend counters in the database ($name)", (target: DatabaseTarget) => {
  useInstalledDatabase(target);
  checksOn(() => postgresSpend);
});

describe("spend counters in Redis (REDIS_URL)", async () => {
  const { default: Redis } = await import("ioredis");
  const client = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  const used: string[] = [];
  afterAll(async () => {
    // Only what this test wrote: each counter and its two tickets.
    const ours = used.flatMap((key) => [`spend:${key}`, `spend:ticket:req-1:${key}`, `spend:ticket:req-2:${key}`]);
    if (ours.length) await client.unlink(...ours);
    client.disconnect();
  });
  checksOn(() => redisSpend(client), used);
});
