import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createManagementKey } from "@/lib/services/management-keys/create-management-key";
import { uniqueSchemaUrl, postgresTarget } from "@/test/support/databases";
import { startGateway, type Gateway } from "@/test/support/gateway-harness";
import { chatOn, createKeyOn, spawnApiProcess, type ApiProcess } from "@/test/support/spawn-api-process";

const KEYS = ["sk-openai-first", "sk-openai-second", "sk-openai-third"];
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

// Two instances behind a load balancer: separate processes sharing one PostgreSQL and one Redis.
describe("two instances on one PostgreSQL and Redis", () => {
  const databaseUrl = uniqueSchemaUrl();
  let gateway: Gateway;
  let instances: ApiProcess[] = [];
  let userId: string;
  let mgmt: string;

  const chat = (instance: ApiProcess, token: string) => chatOn(instance, token);
  const createKey = (body: Record<string, unknown>) => createKeyOn(instances[0], mgmt, body);

  beforeAll(async () => {
    gateway = await startGateway(postgresTarget(databaseUrl));
    ({ userId } = await gateway.newUser("two-instances@example.com", KEYS.map((key) => ({ provider: "openai", key })), "enterprise"));
    mgmt = (await createManagementKey(userId)).key;
    const env = { DATABASE_URL: databaseUrl, REDIS_URL };
    instances = await Promise.all([spawnApiProcess(env), spawnApiProcess(env)]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await gateway?.close();
  });

  it("keeps round-robin exact across instances", async () => {
    const { key } = await createKey({ name: "rr", strategy: "round-robin" });
    const from = gateway.fake.requests.length;
    for (let i = 0; i < 30; i++) {
      const response = await chat(instances[i % 2], key);
      expect(response.status, await response.clone().text()).toBe(200);
    }
    const served = gateway.fake.requests.slice(from);
    expect(KEYS.map((k) => served.filter((r) => r.credential === k).length)).toEqual([10, 10, 10]);
  });

  it("admits exactly the messages left when 100 requests arrive at both instances at once", async () => {
    const { key } = await createKey({ name: "forty", limit: 40, limit_reset: "monthly" });
    const statuses = await Promise.all(Array.from({ length: 100 }, (_, i) => chat(instances[i % 2], key).then((r) => r.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60);
    const info = await (await fetch(`${instances[1].url}/api/v1/auth/key`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(info.data).toMatchObject({ usage_messages: 40, limit: 40, limit_remaining: 0 });
  });

  it("drops a disabled token on every instance at once, not when its cache entry expires", async () => {
    const { key, data } = await createKey({ name: "soon-disabled" });
    for (const instance of instances) expect((await chat(instance, key)).status).toBe(200);
    const patched = await fetch(`${instances[0].url}/api/v1/keys/${data.hash}`, { method: "PATCH", headers: { authorization: `Bearer ${mgmt}`, "content-type": "application/json" }, body: JSON.stringify({ disabled: true }) });
    expect(patched.status).toBe(200);
    // Instance 1 had the token cached (for 30 s); the change reaches it through Redis pub/sub.
    await expect.poll(async () => (await chat(instances[1], key)).status, { timeout: 10_000, interval: 50 }).toBe(401);
    expect(await (await db()).apiToken.count({ where: { tokenHash: data.hash, disabled: true } })).toBe(1);
  });
});
