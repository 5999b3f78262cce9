import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { postgresTarget, uniqueSchemaUrl } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { inParallel } from "@/test/support/in-parallel";
import { chatOn, createKeyOn, spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";

// Two instances sharing one PostgreSQL and no Redis: message limits are counted with per-instance
// leases (lib/quota/leased-counters). Below 1,000 left each request takes exactly one; above, leases.
describe("message limits across two API processes on PostgreSQL without Redis", () => {
  const databaseUrl = uniqueSchemaUrl();
  let gateway: Gateway;
  let instances: ApiProcess[] = [];
  let mgmt: string;

  const createKey = (body: Record<string, unknown>) => createKeyOn(instances[0], mgmt, body);
  const usedOf = async (key: string) => (await (await fetch(`${instances[1].url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${key}` } })).json()).data;

  async function burst(key: string, total: number, inFlight: number): Promise<{ ok: number; refused: number; other: number[] }> {
    const statuses = await inParallel(total, inFlight, async (n) => {
      const response = await chatOn(instances[n % 2], key);
      const body = await response.json();
      if (response.status === 429) expect(body.error).toMatchObject({ type: "rate_limit_error" });
      return response.status;
    });
    return { ok: statuses.filter((s) => s === 200).length, refused: statuses.filter((s) => s === 429).length, other: statuses.filter((s) => s !== 200 && s !== 429) };
  }

  beforeAll(async () => {
    gateway = await startGateway(postgresTarget(databaseUrl));
    const { userId } = await gateway.newUser("quota-instances@example.com", [{ provider: "openai", key: "sk-openai-quota" }], "enterprise");
    mgmt = (await createManagementKey(userId)).key;
    const env = { DATABASE_URL: databaseUrl, REDIS_URL: "" };
    instances = await Promise.all([spawnApiProcess(env), spawnApiProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await gateway?.close();
  });

  it("admits exactly the messages left when 100 requests arrive at both instances at once", async () => {
    const { key } = await createKey({ name: "forty", limit: 40, limit_reset: "monthly" });
    const from = gateway.fake.requests.length;
    expect(await burst(key, 100, 100)).toEqual({ ok: 40, refused: 60, other: [] });
    expect(gateway.fake.requests.length - from).toBe(40);
    expect(await usedOf(key)).toMatchObject({ usage_messages: 40, limit: 40, limit_remaining: 0 });
  }, 120_000);

  it("admits exactly the limit when instances hold leases taken while plenty was left", async () => {
    const limit = 1_060;
    const { key } = await createKey({ name: "leased", limit, limit_reset: "never" });
    const known = new Set((await (await db()).quotaCounter.findMany()).map((r) => r.key));
    const from = gateway.fake.requests.length;
    // 1,060 left: each instance leases a share (about 10) ahead of its requests; past 60 used, each takes one.
    for (const instance of instances) expect((await chatOn(instance, key)).status).toBe(200);
    const counters = (await (await db()).quotaCounter.findMany()).filter((r) => !known.has(r.key));
    expect(Math.max(...counters.map((r) => r.used))).toBeGreaterThan(2);
    expect(await burst(key, limit + 58, 24)).toEqual({ ok: limit - 2, refused: 60, other: [] });
    expect(gateway.fake.requests.length - from).toBe(limit);
    expect(await usedOf(key)).toMatchObject({ usage_messages: limit, limit_remaining: 0 });
    // Nothing a lease still held can admit more once the limit is reached, on either instance.
    expect(await burst(key, 10, 10)).toEqual({ ok: 0, refused: 10, other: [] });
  }, 600_000);
});
